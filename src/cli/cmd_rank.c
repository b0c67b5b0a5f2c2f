/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_rank.c -- `jixiao rank`: departments of one year by total score and grade. */
#include <stdlib.h>
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] rank [--year Y] [--kind self|review] [--categories]\n"
	"                          [--format table|csv|json]\n"
	"\n"
	"Departments of year Y (default: the latest year with evaluations) by total\n"
	"score rate (score / total weight), with grade and percentile (share of ranked\n"
	"departments scoring at or below; ties share the better rank). A department\n"
	"with a missing score has no total: it is listed last, unranked.\n"
	"--categories instead lists each department's category rates against the median\n"
	"of all departments that year (starred when below).\n"
	"Formulas: docs/methods.md.\n"
	"\n"
	"example:\n"
	"  jixiao rank --year 2023 --categories --format csv\n";

/* The latest year with an evaluation of the kind. */
static int latest_year(jx_store *st, jx_kind kind, int *year)
{
	jx_filter f = {NULL, 0, 0, (int)kind, NULL};
	jx_eval_summary *v = NULL;
	size_t n = 0;
	if (jx_store_list(st, &f, &v, &n))
		return cli_fail_jx();
	*year = 0;
	for (size_t i = 0; i < n; i++)
		*year = v[i].year > *year ? v[i].year : *year;
	jx_eval_summaries_free(v, n);
	if (!*year)
		return cli_fail("no %s evaluations stored", jx_kind_name(kind));
	return 0;
}

static int rank_print(jx_store *st, int year, int categories, const ana_args *a)
{
	jx_rank_result *r = NULL;
	jx_table *t = NULL;
	int rc;
	if (jx_rank_compute(&r, st, year, &a->o) ||
	    (categories ? jx_rank_category_table(&t, r, &a->o) : jx_rank_table(&t, r, &a->o)))
		rc = cli_fail_jx();
	else
		rc = cli_print_table(t, a->fmt, 0);
	jx_table_free(t);
	jx_rank_result_free(r);
	return rc;
}

int cmd_rank(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {{"year", required_argument, 0, 'Y'},
					     {"kind", required_argument, 0, ANA_OPT_KIND},
					     {"format", required_argument, 0, ANA_OPT_FORMAT},
					     {"categories", no_argument, 0, 'c'},
					     {"help", no_argument, 0, ANA_OPT_HELP},
					     {0, 0, 0, 0}};
	jx_store *st = NULL;
	ana_args a;
	int c, rc, year = 0, categories = 0;

	ana_args_init(&a, "rank");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if (c == 'Y') {
			if ((rc = ana_int_option(&a, "year", optarg, 1900, 2100, &year)))
				return rc;
		} else if (c == 'c')
			categories = 1;
		else
			return ana_bad_option(&a, c, argc, argv);
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if (year || (rc = latest_year(st, a.o.kind, &year)) == 0)
		rc = rank_print(st, year, categories, &a);
	jx_store_free(st);
	return rc;
}
