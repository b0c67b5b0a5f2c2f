/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_deductions.c -- `jixiao deductions`: where points are lost, and how it repeats. */
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	ANA_PROJECT,
	CLI_SHARED(ALL_DEPARTMENTS),
	{'v', "view", "pareto|runs|transitions|pairs", N_("what to show (default pareto)"), 0},
	{'t', "top", "N", N_("pairs: how many at most (default 10)"), 0},
	{'a', "all", NULL, N_("pairs: every tested pair with its p and q, not only q < 0.1"), 0},
	CLI_END};

const cli_spec spec_deductions = {
	"deductions",
	NULL,
	NULL,
	N_("Points lost (weight − score) over the years, in four views:\n"
	   "  pareto       (default) by category and by indicator, largest first, with\n"
	   "               share and cumulative share within each level (--level picks one)\n"
	   "  runs         per indicator: the years deducted, the longest and the current\n"
	   "               run of consecutive evaluated years with a deduction (starred\n"
	   "               when the current run is not 0)\n"
	   "  transitions  per pair of consecutive evaluated years: new (clean → deducted),\n"
	   "               resolved, persistent, clean, and other (absent or missing)\n"
	   "  pairs        indicators deducted together: phi coefficient over the years both\n"
	   "               are known, with the 2×2 counts; the top N (default 10), phi > 0\n"
	   "A missing score is unknown: it neither loses points nor breaks even.\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao deductions --dept 禁毒支队 --level 3\n"
	"  jixiao deductions --dept 禁毒支队 --view pairs --top 5\n",
	options};

typedef struct {
	ana_args a;
	jx_deductions_view view;
} deductions_args;

static int own_option(void *ctx, int key, const char *arg)
{
	deductions_args *d = ctx;
	int top, rc;
	if (key == 'a') {
		d->a.o.pairs_all = 1;
		return 0;
	}
	if (key == 'v') {
		if (jx_deductions_view_parse(arg, &d->view))
			return cli_usage(d->a.cmd, "%s", jx_error_last());
		return 0;
	}
	if ((rc = cli_int_option(d->a.cmd, "top", arg, 1, 100000, &top)) == 0)
		d->a.o.top_pairs = (size_t)top;
	return rc;
}

static int deductions_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
			    void *ctx)
{
	jx_deductions_result *r;
	int rc;
	(void)st;
	if ((rc = jx_deductions_compute(&r, s, &a->o)))
		return rc;
	rc = jx_deductions_table(out, r, *(jx_deductions_view *)ctx, &a->o);
	jx_deductions_result_free(r);
	return rc;
}

int cmd_deductions(jx_cli *cli, int argc, char **argv)
{
	deductions_args d = {.view = JX_DED_PARETO};
	int rc = ana_parse(&d.a, &spec_deductions, argc, argv, own_option, &d);
	d.a.o.deduction_pairs = d.view == JX_DED_PAIRS; /* the other views need no pairs */
	return rc != CLI_GO ? rc : ana_run(cli, &d.a, deductions_table, &d.view);
}
