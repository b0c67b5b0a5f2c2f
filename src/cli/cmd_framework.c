/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_framework.c -- `jixiao framework list|add|remove`: framework periods of a department. */
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	CLI_SHARED_HELP(FORMAT, N_("list: output format (default table)")), CLI_SHARED(HEADERS),
	CLI_END};
static const char *const forms[] = {"add DEPT YEAR", "remove DEPT YEAR", NULL};

const cli_spec spec_framework = {
	"framework",
	"list [DEPT] [--format table|csv|json]",
	forms,
	N_("A department's indicator framework sometimes changes whole (a new set of\n"
	   "categories and indicators). A year starts a new framework period when fewer\n"
	   "than half of its level-3 indicators (after aliases) were evaluated the year\n"
	   "before; totals and categories are then compared across periods only through\n"
	   "the within-period trend test (docs/methods.md). list shows, per year, the\n"
	   "indicators carried over and whether a period starts (all departments when\n"
	   "DEPT is not given). add declares a break detection missed; remove undoes a\n"
	   "declaration, or declares that a detected break is none. DEPT may be a unique\n"
	   "part of the name.\n"),
	"  jixiao framework list 民政局\n"
	"  jixiao framework add 禁毒支队 2021\n",
	options};

static int list_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
		      void *ctx)
{
	jx_units *u;
	int rc;
	(void)st;
	(void)ctx;
	if ((rc = jx_units_build(&u, s, &a->o)))
		return rc;
	rc = jx_framework_table(out, u, &a->o);
	jx_units_free(u);
	return rc;
}

static int list(jx_cli *cli, const cli_args *c)
{
	ana_args a;
	memset(&a, 0, sizeof(a));
	a.cmd = "framework";
	a.fmt = c->format;
	jx_analysis_options_init(&a.o);
	a.dept = c->npos > 1 ? c->pos[1] : NULL;
	a.all_departments = !a.dept;
	return ana_run(cli, &a, list_table, NULL);
}

/* Is year a detected break of dept (self evaluations, else the review's)? */
static int detected(jx_store *st, const char *dept, int year, int *out)
{
	jx_series *s = NULL;
	jx_units *u = NULL;
	int rc = jx_store_series(st, &s, dept, JX_KIND_SELF, 0, 0);
	if (rc == JX_ENOTFOUND)
		rc = jx_store_series(st, &s, dept, JX_KIND_REVIEW, 0, 0);
	*out = 0;
	if (rc == 0 && (rc = jx_units_build(&u, s, NULL)) == 0)
		for (size_t y = 0; y < u->nyears; y++)
			*out |= u->periods[y].year == year && u->periods[y].detected;
	jx_units_free(u);
	jx_series_free(s);
	return rc;
}

/* remove: drop a declared break, or deny a detected one; 1 when year is no break. */
static int remove_break(jx_store *st, const char *dept, int year)
{
	jx_break_decl *d = NULL;
	size_t n = 0;
	int found = -1, det = 0, rc;
	if ((rc = detected(st, dept, year, &det)) ||
	    (rc = jx_store_framework_list(st, dept, &d, &n)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (d[i].year == year)
			found = d[i].is_break;
	free(d);
	if (det && found != 0)
		return jx_store_framework_declare(st, dept, year, 0);
	if (found == 1)
		return jx_store_framework_undeclare(st, dept, year);
	return 1; /* neither: nothing to remove */
}

static int change(jx_cli *cli, const char *sub, const char *name, int year)
{
	jx_store *st = NULL;
	char *dept = NULL;
	int add = !strcmp(sub, "add"), rc;
	if ((rc = cli_open_store(cli, &st, CLI_STORE_WRITE)))
		return rc;
	if (jx_store_find_department(st, &dept, name))
		rc = cli_fail_jx();
	else if ((rc = add ? jx_store_framework_declare(st, dept, year, 1)
			   : remove_break(st, dept, year)) == 1)
		rc = cli_fail(_("%s: %d does not start a framework period (see `jixiao framework "
				"list`)"),
			      dept, year);
	else if (rc)
		rc = cli_fail_jx();
	else
		printf(add ? _("%s: a new framework period starts in %d\n")
			   : _("%s: %d no longer starts a framework period\n"),
		       dept, year);
	free(dept);
	jx_store_free(st);
	return rc;
}

int cmd_framework(jx_cli *cli, int argc, char **argv)
{
	const char *sub;
	cli_args c;
	int year = 0, rc;

	if ((rc = cli_parse(&c, &spec_framework, argc, argv, NULL, NULL)) != CLI_GO)
		return rc;
	sub = c.npos > 0 ? c.pos[0] : "";
	if (!strcmp(sub, "list")) {
		if (c.npos > 2)
			return cli_usage("framework", _("list takes at most one department"));
		return list(cli, &c);
	}
	if (strcmp(sub, "add") && strcmp(sub, "remove"))
		return cli_usage("framework", _("say list, add or remove"));
	if (c.npos != 3 || c.format_set || cli_parse_int(c.pos[2], &year) || year < 1900 ||
	    year > 2100)
		return cli_usage("framework", _("%s takes DEPT YEAR (a year 1900-2100)"), sub);
	return change(cli, sub, c.pos[1], year);
}
