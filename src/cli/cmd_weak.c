/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_weak.c -- `jixiao weak`: weak indicators (new, persistent or large losses), with the rule and evidence. */
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	ANA_PROJECT,
	CLI_SHARED(ALL_DEPARTMENTS),
	{'w', "window", "N", N_("the last N evaluated years (default 3)"), 0},
	{'m', "min-deducted", "K",
	 N_("persistent rule: lost points in at least K of them (default 2)"), 0},
	{'s', "new-share", "S",
	 N_("new rule: lost at least S of its weight in the latest year (default 0.5)"), 0},
	{'l', "large-share", "S",
	 N_("large rule: at least S of the department's points lost in the window (default 0.15)"),
	 0},
	{'r', "resolved-years", "N",
	 N_("resolved: full marks in the last N years after a loss (default 2)"), 0},
	{'t', "threshold", "R",
	 N_("also flag a mean window rate below R (low_rate rule; off by default)"), 0},
	{'T', "trend", NULL,
	 N_("also flag a significant falling trend (falling rule; off by default)"), 0},
	{'a', "alpha", "P", N_("falling rule: q-value below P (default 0.05)"), 0},
	{'n', "no-trend", NULL, N_("turn the falling rule off (the default)"), 0},
	CLI_END};

const cli_spec spec_weak = {
	"weak",
	NULL,
	NULL,
	N_("Lists the weak units (indicators unless --level says otherwise) present in the\n"
	   "latest evaluated year, then the improved ones. Over the last N evaluated years\n"
	   "(the window, default 3) a unit is weak when it is:\n"
	   "  new         it lost at least half its weight in the latest year (--new-share),\n"
	   "              or lost points in the latest year and in no other window year;\n"
	   "  persistent  it lost points in at least K window years (default 2), the\n"
	   "              latest among them;\n"
	   "  large       its points lost over the window are at least 0.15 of the\n"
	   "              department's (--large-share).\n"
	   "A unit that lost points earlier in the window but has full marks in its last\n"
	   "2 years (--resolved-years) is not weak: it is listed as resolved (improved).\n"
	   "--threshold R adds the low_rate rule (mean window rate below R), --trend the\n"
	   "falling rule (Mann-Kendall, q < alpha). Each row shows the rules that fired,\n"
	   "the numbers behind them, and the evidence: per window year the rate and the\n"
	   "points lost. Reasons: docs/report.md; formulas: docs/methods.md.\n"),
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
	case 's': return cli_double_option(a->cmd, "new-share", arg, 0.01, 1, &a->o.weak_new_share);
	case 'l':
		return cli_double_option(a->cmd, "large-share", arg, 0.01, 1,
					 &a->o.weak_large_share);
	case 'r':
		return cli_int_option(a->cmd, "resolved-years", arg, 1, 100,
				      &a->o.weak_resolved_years);
	case 't':
		a->o.weak_low_rate = 1;
		return cli_double_option(a->cmd, "threshold", arg, 0, 1, &a->o.weak_threshold);
	case 'T': a->o.weak_trend = 1; return 0;
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
