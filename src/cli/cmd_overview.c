/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_overview.c -- `jixiao overview`: every department at once, for the finance bureau. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	CLI_SHARED_HELP(DEPT, N_("departments: names or unique parts, separated by commas "
				 "(default every department)")),
	CLI_SHARED(YEARS),
	CLI_SHARED_HELP(KIND, N_("the basis of totals and ranks (default self)")),
	CLI_SHARED(FORMAT),
	CLI_SHARED(HEADERS),
	{'v', "view", "matrix|weak|gap|movers|warnings|distribution",
	 N_("what to show (default matrix)"), 0},
	{'s', "sort", "department|rate|change|rank",
	 N_("order of departments in the matrix (default department)"), 0},
	{'t', "top", "N", N_("movers: the N largest falls and rises (default 10)"), 0},
	{'m', "min-departments", "N",
	 N_("weak: indicators deducted in at least N departments (default 2)"), 0},
	CLI_END};

const cli_spec spec_overview = {
	"overview",
	NULL,
	NULL,
	N_("Every department at once, as the finance bureau reads them, in six views:\n"
	   "  matrix        (default) department x year totals with grade, the change\n"
	   "                from the previous evaluated year, and the rank of `jixiao\n"
	   "                rank` (one basis: --kind; peer groups by provenance); wide in\n"
	   "                the terminal, one row per department and year in CSV/JSON\n"
	   "  weak          indicators (canonical keys, aliases applied) deducted in\n"
	   "                several departments in the last 3 years: departments and\n"
	   "                share deducted, points lost, how many the weak rules flag,\n"
	   "                the trend of the share (Mann-Kendall, q over the indicators)\n"
	   "  gap           self minus review per department: mean and trend of the gap,\n"
	   "                the one-sided sign test with BH across departments\n"
	   "  movers        the largest falls and rises of the latest year (not across a\n"
	   "                new indicator framework), with grade changes\n"
	   "  warnings      early warnings, one row each with its evidence: expenditure\n"
	   "                growth, execution rate outside 90%-110%, a grade drop (review\n"
	   "                first), an indicator newly deducted persistently\n"
	   "  distribution  per year and peer group: quartiles of totals, departments per\n"
	   "                grade\n"
	   "Methods: docs/methods.md section 15; rules: docs/report.md.\n"),
	"  jixiao overview\n"
	"  jixiao overview --sort change --years 2020-2024\n"
	"  jixiao overview --view warnings --format csv > warnings.csv\n"
	"  jixiao overview --view weak --dept 民政局,教育局\n",
	options};

typedef struct {
	ana_args a;
	jx_overview_view view;
	jx_overview_sort sort;
	jx_overview_request req;
} overview_args;

static int own_option(void *ctx, int key, const char *arg)
{
	overview_args *p = ctx;
	int n;
	switch (key) {
	case 'v':
		if (jx_overview_view_parse(arg, &p->view))
			return cli_usage(p->a.cmd, "%s", jx_error_last());
		return 0;
	case 's':
		if (jx_overview_sort_parse(arg, &p->sort))
			return cli_usage(p->a.cmd, "%s", jx_error_last());
		return 0;
	case 't':
		if (cli_int_option(p->a.cmd, "top", arg, 1, 100000, &n))
			return JX_EXIT_USAGE;
		p->req.top = (size_t)n;
		return 0;
	default:
		if (cli_int_option(p->a.cmd, "min-departments", arg, 1, 100000, &n))
			return JX_EXIT_USAGE;
		p->req.min_departments = (size_t)n;
		return 0;
	}
}

static int run(overview_args *p, jx_store *st)
{
	jx_overview *ov = NULL;
	jx_table *t = NULL;
	int rc;
	if (jx_overview_compute(&ov, st, &p->req) ||
	    jx_overview_table(&t, ov, p->view, p->sort, p->a.fmt == JX_FMT_TABLE))
		rc = cli_fail_jx();
	else
		rc = cli_print_table(t, p->a.fmt, 0);
	jx_table_free(t);
	jx_overview_free(ov);
	return rc;
}

int cmd_overview(jx_cli *cli, int argc, char **argv)
{
	overview_args p = {.view = JX_OV_MATRIX, .sort = JX_OV_SORT_DEPARTMENT};
	jx_store *st = NULL;
	char **names = NULL;
	size_t n = 0;
	int rc;
	jx_overview_request_init(&p.req);
	if ((rc = ana_parse(&p.a, &spec_overview, argc, argv, own_option, &p)) != CLI_GO)
		return rc;
	p.req.o.year_from = p.a.o.year_from;
	p.req.o.year_to = p.a.o.year_to;
	p.req.o.kind = p.a.o.kind;
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if (p.a.dept && (rc = ana_department_list(st, p.a.cmd, p.a.dept, &names, &n)) == 0) {
		p.req.departments = (const char *const *)names;
		p.req.ndepartments = n;
	}
	if (rc == 0)
		rc = run(&p, st);
	ana_strings_free(names, n);
	jx_store_free(st);
	return rc;
}
