/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_weak.c -- `jixiao weak`: persistently weak indicators, with the rule and evidence. */
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] weak [--dept NAME | --all-departments] [--years A-B]\n"
	"                          [--level 1|2|3|total] [--kind self|review] [--window N]\n"
	"                          [--min-deducted K] [--threshold R] [--alpha P] [--no-trend]\n"
	"                          [--format table|csv|json]\n"
	"\n"
	"Lists only the flagged units (indicators unless --level says otherwise). Over\n"
	"the last N evaluated years (the window, default 3) a unit is flagged when:\n"
	"  deducted  it lost points in at least K of them (default 2);\n"
	"  low_rate  its mean score rate there is below R (default 0.90);\n"
	"  falling   its rate has a significant falling trend over the whole range\n"
	"            (least squares on the year, p < alpha, default 0.05; --no-trend\n"
	"            turns this rule off).\n"
	"Each row shows the rules that fired, the numbers behind them, and the\n"
	"evidence: per window year the rate and the points lost. Only units present\n"
	"in the window are examined. Formulas: docs/methods.md.\n"
	"\n"
	"examples:\n"
	"  jixiao weak --dept 禁毒支队\n"
	"  jixiao weak --window 5 --min-deducted 3 --all-departments --format csv\n";

static int weak_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
		      void *ctx)
{
	jx_weak_result *r;
	int rc;
	(void)st;
	(void)ctx;
	if ((rc = jx_weak_compute(&r, s, &a->o)))
		return rc;
	rc = jx_weak_table(out, r, &a->o);
	jx_weak_result_free(r);
	return rc;
}

static int weak_option(ana_args *a, int c, const char *arg)
{
	switch (c) {
	case 'w': return ana_int_option(a, "window", arg, 1, 100, &a->o.weak_window);
	case 'm': return ana_int_option(a, "min-deducted", arg, 1, 100, &a->o.weak_min_deducted);
	case 't': return ana_double_option(a, "threshold", arg, 0, 1, &a->o.weak_threshold);
	case 'a': return ana_double_option(a, "alpha", arg, 1e-6, 0.5, &a->o.alpha);
	case 'n': a->o.weak_trend = 0; return 0;
	default: return ANA_NOT_MINE;
	}
}

int cmd_weak(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {ANA_COMMON_OPTIONS,
					     {"all-departments", no_argument, 0, ANA_OPT_ALL},
					     {"window", required_argument, 0, 'w'},
					     {"min-deducted", required_argument, 0, 'm'},
					     {"threshold", required_argument, 0, 't'},
					     {"alpha", required_argument, 0, 'a'},
					     {"no-trend", no_argument, 0, 'n'},
					     {0, 0, 0, 0}};
	ana_args a;
	int c, rc;

	ana_args_init(&a, "weak");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if ((rc = weak_option(&a, c, optarg)) == ANA_NOT_MINE)
			return ana_bad_option(&a, c, argc, argv);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	if (a.o.weak_min_deducted > a.o.weak_window)
		cli_warn("--min-deducted %d is more than the window of %d years: that rule can "
			 "never fire",
			 a.o.weak_min_deducted, a.o.weak_window);
	return ana_run(cli, &a, weak_table, NULL);
}
