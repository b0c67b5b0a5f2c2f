/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_rank.c -- `jixiao rank`: departments of one year by total score and grade. */
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	{'Y', "year", "Y", N_("the year (default: the latest year with evaluations)"), 0},
	CLI_SHARED_HELP(PROJECT,
			N_("rank projects instead: every project (all), or the projects of "
			   "that name in every department")),
	CLI_SHARED_HELP(DEPT, N_("with --project: only this department's projects")),
	CLI_SHARED(KIND),
	{'c', "categories", NULL, N_("each department's category rates against the median"), 0},
	CLI_SHARED(FORMAT),
	CLI_SHARED(HEADERS),
	CLI_SHARED(WIDE),
	CLI_END};

const cli_spec spec_rank = {
	"rank",
	NULL,
	NULL,
	N_("Departments of year Y (default: the latest year with evaluations) by total\n"
	   "score rate (score / total weight), with grade and percentile (share of ranked\n"
	   "departments scoring at or below; ties share the better rank). A department\n"
	   "with a missing score has no total: it is listed last, unranked.\n"
	   "--categories instead lists each department's category rates against the median\n"
	   "of all departments that year (starred when below).\n"
	   "--project ranks project evaluations (项目支出绩效自评表) the same way: all of\n"
	   "them, a department's (--dept), or one programme run by several departments.\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao rank --year 2023 --categories --format csv\n"
	"  jixiao rank --project all --dept 教育局\n",
	options};

typedef struct {
	ana_args a;
	int year, categories;
} rank_args;

static int own_option(void *ctx, int key, const char *arg)
{
	rank_args *r = ctx;
	if (key == 'c') {
		r->categories = 1;
		return 0;
	}
	return cli_int_option(r->a.cmd, "year", arg, 1900, 2100, &r->year);
}

/* The latest year with an evaluation of the kind (a project's, with projects). */
static int latest_year(jx_store *st, jx_kind kind, int projects, int *year)
{
	jx_filter f = {NULL, 0, 0, (int)kind, projects ? JX_PROJECT_ALL : NULL};
	jx_eval_summary *v = NULL;
	size_t n = 0;
	if (jx_store_list(st, &f, &v, &n))
		return cli_fail_jx();
	*year = 0;
	for (size_t i = 0; i < n; i++)
		*year = v[i].year > *year ? v[i].year : *year;
	jx_eval_summaries_free(v, n);
	if (!*year)
		return cli_fail(_("no %s evaluations stored"), jx_kind_name(kind));
	return 0;
}

static int rank_print(jx_store *st, int year, int categories, const ana_args *a)
{
	jx_rank_result *r = NULL;
	jx_table *t = NULL;
	char *dept = NULL;
	int rc;
	if (a->dept && !a->project)
		return cli_usage(a->cmd, _("--dept goes with --project (rank ranks departments)"));
	if (a->dept && (rc = cli_find_department(st, a->dept, &dept)) != 0)
		return rc;
	if (jx_rank_compute_projects(&r, st, year, dept,
				     !a->project                  ? NULL
				     : !strcmp(a->project, "all") ? JX_PROJECT_ALL
								  : a->project,
				     &a->o) ||
	    (categories ? jx_rank_category_table(&t, r, &a->o) : jx_rank_table(&t, r, &a->o)))
		rc = cli_fail_jx();
	else
		rc = cli_print_table(t, a->fmt, 0);
	jx_table_free(t);
	jx_rank_result_free(r);
	free(dept);
	return rc;
}

int cmd_rank(jx_cli *cli, int argc, char **argv)
{
	rank_args r = {.year = 0, .categories = 0};
	jx_store *st = NULL;
	int rc;

	if ((rc = ana_parse(&r.a, &spec_rank, argc, argv, own_option, &r)) != CLI_GO)
		return rc;
	if ((rc = cli_open_store(cli, &st, CLI_STORE_READ)))
		return rc;
	if (r.year || (rc = latest_year(st, r.a.o.kind, r.a.project != NULL, &r.year)) == 0)
		rc = rank_print(st, r.year, r.categories, &r.a);
	jx_store_free(st);
	return rc;
}
