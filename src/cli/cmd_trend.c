/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_trend.c -- `jixiao trend`: the direction of each unit's score rate over the years. */
#include <errno.h>
#include <string.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	ANA_PROJECT,
	CLI_SHARED(ALL_DEPARTMENTS),
	{'a', "alpha", "P", N_("significance level of the rising/falling call (default 0.05)"), 0},
	CLI_END};

const cli_spec spec_trend = {
	"trend",
	NULL,
	NULL,
	N_("Per unit (indicator, level-2 group, category, total) over the years: is its\n"
	   "score rate (score / weight) rising or falling? The test is Mann-Kendall within\n"
	   "framework periods (a new indicator framework starts a new period: see\n"
	   "`jixiao framework`), exact for up to 10 years a period; p_value is its\n"
	   "two-sided p, q_value the Benjamini-Hochberg q over the units listed (over the\n"
	   "departments with --all-departments --level total). rising / falling when\n"
	   "q < alpha (default 0.05), flat otherwise, \"too few years\" when no order of\n"
	   "the years could be significant (4 years in one period: p >= 2/4! = 0.083).\n"
	   "slope is least squares with a step at each break, theil_sen Sen's slope\n"
	   "pooled within periods. The rates column is the evidence: * = includes\n"
	   "inferred scores, ? = missing (never 0). Falling rows are starred.\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao trend --dept 禁毒支队 --level 1\n"
	"  jixiao trend --all-departments --level total --format csv > totals.csv\n",
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

/* --all-departments --level total: the departments are one family of tests. */
static int trend_departments(jx_cli *cli, ana_args *a)
{
	ana_stream out = {a->fmt, 0, 0};
	jx_trend_result **rs = NULL;
	jx_store *st = NULL;
	size_t n = 0, skipped = 0;
	int rc;
	if ((rc = cli_open_store(cli, &st, CLI_STORE_READ)))
		return rc;
	a->o.with_department = 1;
	if (jx_trend_departments(&rs, &n, &skipped, st, &a->o))
		rc = cli_fail_jx();
	for (size_t i = 0; i < n && rc == 0; i++) {
		jx_table *t = NULL;
		if (jx_trend_table(&t, rs[i], &a->o))
			rc = cli_fail_jx();
		else if (ana_stream_write(&out, t))
			rc = cli_fail(_("cannot write output: %s"), strerror(errno));
		jx_table_free(t);
	}
	if (rc == 0 && skipped)
		cli_warn(_("%zu of %zu departments have no %s evaluation in range; skipped"),
			 skipped, skipped + n, jx_kind_name(a->o.kind));
	if (rc == 0)
		rc = ana_stream_end(&out);
	jx_trend_results_free(rs, n);
	jx_store_free(st);
	return rc;
}

int cmd_trend(jx_cli *cli, int argc, char **argv)
{
	ana_args a;
	int rc = ana_parse(&a, &spec_trend, argc, argv, own_option, &a);
	if (rc != CLI_GO)
		return rc;
	if (a.all_departments && a.o.level == JX_LEVEL_TOTAL && !a.dept && !a.project)
		return trend_departments(cli, &a);
	return ana_run(cli, &a, trend_table, NULL);
}
