/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_figures.c -- `jixiao figures`: budget, final accounts and execution per year. */
#include <stdlib.h>
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] figures [--dept NAME] [--years A-B] [--growth-years N]\n"
	"                             [--growth-threshold G] [--format table|csv|json]\n"
	"\n"
	"Per year with figures (万元): budget (total, basic, project), final income,\n"
	"final expenditure (total, basic, project); execution rate = final expenditure /\n"
	"budget; basic and project shares of the final expenditure; growth against the\n"
	"previous year with figures (annualised over a gap: (v_t / v_s)^(1/(t−s)) − 1).\n"
	"A warning (on stderr, and in the last row's growth_warning column) when the mean\n"
	"of the last N expenditure growths (default 3) exceeds G (default 0.15 = 15%).\n"
	"Formulas: docs/methods.md.\n"
	"\n"
	"example:\n"
	"  jixiao figures --dept 禁毒支队 --growth-threshold 0.1\n";

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
		cli_warn("%s: mean expenditure growth over the last %zu years is %.1f%%, above "
			 "%.1f%%",
			 dept, r->ngrowth, r->mean_growth * 100, r->threshold * 100);
	rc = cli_print_table(t, a->fmt, 0);
out:
	jx_table_free(t);
	jx_funds_result_free(r);
	return rc;
}

int cmd_figures(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {ANA_COMMON_OPTIONS,
					     {"growth-years", required_argument, 0, 'g'},
					     {"growth-threshold", required_argument, 0, 'G'},
					     {0, 0, 0, 0}};
	jx_store *st = NULL;
	const char *dept;
	char *owned = NULL;
	ana_args a;
	int c, rc;

	ana_args_init(&a, "figures");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if (c == 'g')
			rc = ana_int_option(&a, "growth-years", optarg, 1, 50, &a.o.growth_years);
		else if (c == 'G')
			rc = ana_double_option(&a, "growth-threshold", optarg, -1, 100,
					       &a.o.growth_threshold);
		else
			return ana_bad_option(&a, c, argc, argv);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if ((rc = ana_department(st, &a, &dept, &owned)) == 0)
		rc = figures_print(st, dept, &a);
	free(owned);
	jx_store_free(st);
	return rc;
}
