/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_projects.c -- `jixiao projects`: a department's budget projects over the years. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	CLI_SHARED(DEPT),
	CLI_SHARED(ALL_DEPARTMENTS),
	CLI_SHARED(YEARS),
	CLI_SHARED(KIND),
	CLI_SHARED(FORMAT),
	CLI_SHARED(HEADERS),
	{'v', "view", "years|missed|flags", N_("what to show (default years)"), 0},
	{'t', "threshold", "R", N_("slow when the execution rate is below R (default 0.90)"), 0},
	{'m', "min-missed", "K", N_("repeated when a target is missed in K years (default 2)"), 0},
	{'u', "unit", "万元|元", N_("money in 万元 (default) or 元"), 0},
	CLI_END};

const cli_spec spec_projects = {
	"projects",
	NULL,
	NULL,
	N_("A department's budget projects (项目支出绩效自评表) over the years, in three\n"
	   "views:\n"
	   "  years   (default) per project and year: total, grade, budget and executed\n"
	   "          (全年预算数, 全年执行数), execution rate, targets met / missed / unknown\n"
	   "          and the missed ones with the department's reasons (starred when a\n"
	   "          target was missed or execution is below the threshold)\n"
	   "  missed  one row per missed target: target, actual value, reason\n"
	   "  flags   per project across years: slow = execution rate below R (default\n"
	   "          0.90) in every year it is known, two at least; repeated = the same\n"
	   "          indicator's target missed in K or more years (default 2)\n"
	   "A target that does not parse (\"有效\") is never counted as missed: unknown.\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao projects --dept 教育局\n"
	"  jixiao projects --dept 教育局 --view flags\n"
	"  jixiao projects --all-departments --view missed --format csv > missed.csv\n",
	options};

typedef struct {
	ana_args a;
	jx_projects_view view;
} projects_args;

static int own_option(void *ctx, int key, const char *arg)
{
	projects_args *p = ctx;
	switch (key) {
	case 'v':
		if (jx_projects_view_parse(arg, &p->view))
			return cli_usage(p->a.cmd, "%s", jx_error_last());
		return 0;
	case 't':
		return cli_double_option(p->a.cmd, "threshold", arg, 0, 10,
					 &p->a.o.project_threshold);
	case 'm':
		return cli_int_option(p->a.cmd, "min-missed", arg, 1, 100,
				      &p->a.o.project_min_missed);
	default:
		if (strcmp(arg, "万元") && strcmp(arg, "元"))
			return cli_usage(p->a.cmd, _("--unit must be 万元 or 元"));
		p->a.o.money_wan = !strcmp(arg, "万元");
		return 0;
	}
}

/* One department's table to the output; SKIPPED_DEPT when it has no projects and many
 * departments are read. */
#define SKIPPED_DEPT (-1)
static int one_department(ana_stream *out, jx_store *st, const char *dept, projects_args *p)
{
	jx_projects_result *r = NULL;
	jx_table *t = NULL;
	int rc = jx_projects_compute(&r, st, dept, &p->a.o);
	if (rc == JX_ENOTFOUND && p->a.all_departments) {
		jx_error_clear();
		return SKIPPED_DEPT;
	}
	if (rc || jx_projects_table(&t, r, p->view, &p->a.o))
		rc = cli_fail_jx();
	else if (ana_stream_write(out, t))
		rc = cli_fail(_("cannot write output: %s"), strerror(errno));
	jx_table_free(t);
	jx_projects_result_free(r);
	return rc;
}

static int all_departments(ana_stream *out, jx_store *st, projects_args *p)
{
	char **names = NULL;
	size_t n = 0;
	int rc = 0;
	if (jx_store_departments(st, &names, &n))
		return cli_fail_jx();
	p->a.o.with_department = 1;
	for (size_t i = 0; i < n && rc == 0; i++)
		if ((rc = one_department(out, st, names[i], p)) == SKIPPED_DEPT)
			rc = 0;
	jx_strings_free(names, n);
	return rc;
}

int cmd_projects(jx_cli *cli, int argc, char **argv)
{
	projects_args p = {.view = JX_PROJECTS_YEARS};
	ana_stream out;
	jx_store *st = NULL;
	const char *dept;
	char *owned = NULL;
	int rc = ana_parse(&p.a, &spec_projects, argc, argv, own_option, &p);
	if (rc != CLI_GO)
		return rc;
	if (p.a.all_departments && p.a.dept)
		return cli_usage(p.a.cmd, _("--dept and --all-departments exclude each other"));
	out = (ana_stream){p.a.fmt, 0, 0};
	if ((rc = cli_open_store(cli, &st, CLI_STORE_READ)))
		return rc;
	if (p.a.all_departments)
		rc = all_departments(&out, st, &p);
	else if ((rc = ana_department(st, &p.a, &dept, &owned)) == 0)
		rc = one_department(&out, st, dept, &p);
	if (rc == 0)
		rc = ana_stream_end(&out);
	free(owned);
	jx_store_free(st);
	return rc;
}
