/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_trend.c -- `jixiao trend`: the direction of each unit's score rate over the years. */
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] trend [--dept NAME | --all-departments] [--years A-B]\n"
	"                           [--level 1|2|3|total|all] [--kind self|review]\n"
	"                           [--alpha P] [--format table|csv|json]\n"
	"\n"
	"Per unit (indicator, level-2 group, category, total) over the years: n years\n"
	"with a known score rate (score / weight), the least-squares slope of the rate\n"
	"per year with its standard error, t, two-sided p-value and R² (x = the actual\n"
	"year, so gaps count), the Theil-Sen slope (median of pairwise slopes) as the\n"
	"robust figure, and a direction: rising / falling when p < alpha (default\n"
	"0.05), flat otherwise, \"too few years\" below 3. The rates column is the\n"
	"evidence: each year's rate, * = includes inferred scores, ? = missing (a\n"
	"missing score makes the rate unknown, never 0). Falling rows are starred.\n"
	"Formulas: docs/methods.md.\n"
	"\n"
	"  --all-departments  every department, one at a time (CSV header once)\n"
	"\n"
	"examples:\n"
	"  jixiao trend --dept 禁毒支队 --level 1\n"
	"  jixiao trend --all-departments --format csv > trends.csv\n";

static int trend_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
		       void *ctx)
{
	jx_trend_result *r;
	int rc;
	(void)st;
	(void)ctx;
	if ((rc = jx_trend_compute(&r, s, &a->o)))
		return rc;
	rc = jx_trend_table(out, r, &a->o);
	jx_trend_result_free(r);
	return rc;
}

int cmd_trend(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {ANA_COMMON_OPTIONS,
					     {"all-departments", no_argument, 0, ANA_OPT_ALL},
					     {"alpha", required_argument, 0, 'a'},
					     {0, 0, 0, 0}};
	ana_args a;
	int c, rc;

	ana_args_init(&a, "trend");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if (c == 'a') {
			if ((rc = ana_double_option(&a, "alpha", optarg, 1e-6, 0.5, &a.o.alpha)))
				return rc;
			continue;
		}
		return ana_bad_option(&a, c, argc, argv);
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	return ana_run(cli, &a, trend_table, NULL);
}
