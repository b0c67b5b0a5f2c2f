/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_weak.c -- `jixiao weak`: persistently weak indicators, with the rule and evidence. */
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	ANA_PROJECT,
	CLI_SHARED(ALL_DEPARTMENTS),
	{'w', "window", "N", N_("the last N evaluated years (default 3)"), 0},
	{'m', "min-deducted", "K", N_("deducted rule: in at least K of them (default 2)"), 0},
	{'t', "threshold", "R", N_("low_rate rule: mean rate below R (default 0.90)"), 0},
	{'a', "alpha", "P", N_("falling rule: trend p-value below P (default 0.05)"), 0},
	{'n', "no-trend", NULL, N_("turn the falling rule off"), 0},
	CLI_END};

const cli_spec spec_weak = {
	"weak",
	NULL,
	NULL,
	N_("Lists only the flagged units (indicators unless --level says otherwise). Over\n"
	   "the last N evaluated years (the window, default 3) a unit is flagged when:\n"
	   "  deducted  it lost points in at least K of them (default 2);\n"
	   "  low_rate  its mean score rate there is below R (default 0.90);\n"
	   "  falling   its rate has a significant falling trend over the whole range\n"
	   "            (least squares on the year, p < alpha, default 0.05; --no-trend\n"
	   "            turns this rule off).\n"
	   "Each row shows the rules that fired, the numbers behind them, and the\n"
	   "evidence: per window year the rate and the points lost. Only units present\n"
	   "in the window are examined. Formulas: docs/methods.md.\n"),
	"  jixiao weak --dept 禁毒支队\n"
	"  jixiao weak --window 5 --min-deducted 3 --all-departments --format csv\n",
	options};

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

static int own_option(void *ctx, int key, const char *arg)
{
	ana_args *a = ctx;
	switch (key) {
	case 'w': return cli_int_option(a->cmd, "window", arg, 1, 100, &a->o.weak_window);
	case 'm':
		return cli_int_option(a->cmd, "min-deducted", arg, 1, 100, &a->o.weak_min_deducted);
	case 't': return cli_double_option(a->cmd, "threshold", arg, 0, 1, &a->o.weak_threshold);
	case 'a': return cli_double_option(a->cmd, "alpha", arg, 1e-6, 0.5, &a->o.alpha);
	default: a->o.weak_trend = 0; return 0;
	}
}

int cmd_weak(jx_cli *cli, int argc, char **argv)
{
	ana_args a;
	int rc = ana_parse(&a, &spec_weak, argc, argv, own_option, &a);
	if (rc != CLI_GO)
		return rc;
	if (a.o.weak_min_deducted > a.o.weak_window)
		cli_warn(_("--min-deducted %d is more than the window of %d years: that rule can "
			   "never fire"),
			 a.o.weak_min_deducted, a.o.weak_window);
	return ana_run(cli, &a, weak_table, NULL);
}
