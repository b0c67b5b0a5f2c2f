/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_framework.c -- `jixiao framework list|add|remove`: framework periods of a department. */
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] framework list [DEPT] [--format table|csv|json]\n"
	"       jixiao [--db PATH] framework add DEPT YEAR\n"
	"       jixiao [--db PATH] framework remove DEPT YEAR\n"
	"\n"
	"A department's indicator framework sometimes changes whole (a new set of\n"
	"categories and indicators). A year starts a new framework period when fewer\n"
	"than half of its level-3 indicators (after aliases) were evaluated the year\n"
	"before; totals and categories are then compared across periods only through\n"
	"the within-period trend test (docs/methods.md). list shows, per year, the\n"
	"indicators carried over and whether a period starts (all departments when\n"
	"DEPT is not given). add declares a break detection missed; remove undoes a\n"
	"declaration, or declares that a detected break is none. DEPT may be a unique\n"
	"part of the name.\n"
	"\n"
	"examples:\n"
	"  jixiao framework list 民政局\n"
	"  jixiao framework add 禁毒支队 2021\n";

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

static int list(jx_cli *cli, int argc, char **argv)
{
	ana_args a;
	ana_args_init(&a, "framework");
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			if (cli_parse_format(argv[++i], &a.fmt))
				return cli_usage("framework",
						 "--format must be table, csv or json");
		} else if (argv[i][0] != '-' && !a.dept) {
			a.dept = argv[i];
		} else {
			return cli_usage("framework", "unexpected argument '%s'", argv[i]);
		}
	}
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

int cmd_framework(jx_cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	jx_store *st = NULL;
	char *dept = NULL;
	int year = 0, rc;

	if (!strcmp(sub, "--help") || !strcmp(sub, "-h"))
		return cli_help(help);
	if (!strcmp(sub, "list"))
		return list(cli, argc, argv);
	if (strcmp(sub, "add") && strcmp(sub, "remove"))
		return cli_usage("framework", "say list, add or remove");
	if (argc != 4 || cli_parse_int(argv[3], &year) || year < 1900 || year > 2100)
		return cli_usage("framework", "%s takes DEPT YEAR (a year 1900-2100)", sub);
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if (jx_store_find_department(st, &dept, argv[2]))
		rc = cli_fail_jx();
	else if ((rc = !strcmp(sub, "add") ? jx_store_framework_declare(st, dept, year, 1)
					   : remove_break(st, dept, year)) == 1)
		rc = cli_fail("%s: %d does not start a framework period (see `jixiao framework "
			      "list`)",
			      dept, year);
	else if (rc)
		rc = cli_fail_jx();
	else
		printf(!strcmp(sub, "add") ? "%s: a new framework period starts in %d\n"
					   : "%s: %d no longer starts a framework period\n",
		       dept, year);
	free(dept);
	jx_store_free(st);
	return rc;
}
