/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_trend.c -- `jixiao trend`: the direction of each unit's score rate over the years. */
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	CLI_SHARED(ALL_DEPARTMENTS),
	{'a', "alpha", "P", N_("significance level of the rising/falling call (default 0.05)"), 0},
	CLI_END};

const cli_spec spec_trend = {
	"trend",
	NULL,
	NULL,
	N_("Per unit (indicator, level-2 group, category, total) over the years: n years\n"
	   "with a known score rate (score / weight), the least-squares slope of the rate\n"
	   "per year with its standard error, t, two-sided p-value and R² (x = the actual\n"
	   "year, so gaps count), the Theil-Sen slope (median of pairwise slopes) as the\n"
	   "robust figure, and a direction: rising / falling when p < alpha (default\n"
	   "0.05), flat otherwise, \"too few years\" below 3. The rates column is the\n"
	   "evidence: each year's rate, * = includes inferred scores, ? = missing (a\n"
	   "missing score makes the rate unknown, never 0). Falling rows are starred.\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao trend --dept 禁毒支队 --level 1\n"
	"  jixiao trend --all-departments --format csv > trends.csv\n",
	options};

static int own_option(void *ctx, int key, const char *arg)
{
	ana_args *a = ctx;
	(void)key; /* --alpha */
	return cli_double_option(a->cmd, "alpha", arg, 1e-6, 0.5, &a->o.alpha);
}

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
	ana_args a;
	int rc = ana_parse(&a, &spec_trend, argc, argv, own_option, &a);
	return rc != CLI_GO ? rc : ana_run(cli, &a, trend_table, NULL);
}
