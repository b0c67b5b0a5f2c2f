/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_figures.c -- `jixiao figures`: budget, final accounts and execution per year. */
#include <stdlib.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	{'g', "growth-years", "N", N_("mean of the last N expenditure growths (default 3)"), 0},
	{'G', "growth-threshold", "G", N_("warn when that mean exceeds G (default 0.15)"), 0},
	CLI_END};

const cli_spec spec_figures = {
	"figures",
	NULL,
	NULL,
	N_("Per year with figures (万元): budget (total, basic, project), final income,\n"
	   "final expenditure (total, basic, project); execution rate = final expenditure /\n"
	   "budget; basic and project shares of the final expenditure; growth against the\n"
	   "previous year with figures (annualised over a gap: (v_t / v_s)^(1/(t−s)) − 1).\n"
	   "A warning (on stderr, and in the last row's growth_warning column) when the mean\n"
	   "of the last N expenditure growths (default 3) exceeds G (default 0.15 = 15%).\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao figures --dept 禁毒支队 --growth-threshold 0.1\n",
	options};

static int own_option(void *ctx, int key, const char *arg)
{
	ana_args *a = ctx;
	if (key == 'g')
		return cli_int_option(a->cmd, "growth-years", arg, 1, 50, &a->o.growth_years);
	return cli_double_option(a->cmd, "growth-threshold", arg, -1, 100, &a->o.growth_threshold);
}

static int figures_print(jx_store *st, const char *dept, const ana_args *a)
{
	jx_funds_result *r = NULL;
	jx_table *t = NULL;
	int rc;
	if (jx_funds_load(&r, st, dept, &a->o) || jx_funds_table(&t, r, &a->o)) {
		rc = cli_fail_jx();
		goto out;
	}
	if (r->warning)
		cli_warn(_("%s: mean expenditure growth over the last %zu years is %.1f%%, above "
			   "%.1f%%"),
			 dept, r->ngrowth, r->mean_growth * 100, r->threshold * 100);
	rc = cli_print_table(t, a->fmt, 0);
out:
	jx_table_free(t);
	jx_funds_result_free(r);
	return rc;
}

int cmd_figures(jx_cli *cli, int argc, char **argv)
{
	jx_store *st = NULL;
	const char *dept;
	char *owned = NULL;
	ana_args a;
	int rc;

	if ((rc = ana_parse(&a, &spec_figures, argc, argv, own_option, &a)) != CLI_GO)
		return rc;
	if ((rc = cli_open_store(cli, &st, CLI_STORE_READ)))
		return rc;
	if ((rc = ana_department(st, &a, &dept, &owned)) == 0)
		rc = figures_print(st, dept, &a);
	free(owned);
	jx_store_free(st);
	return rc;
}
