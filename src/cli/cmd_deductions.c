/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_deductions.c -- `jixiao deductions`: where points are lost, and how it repeats. */
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] deductions [--dept NAME | --all-departments] [--years A-B]\n"
	"                                [--view pareto|runs|transitions|pairs] [--top N]\n"
	"                                [--level 1|2|3|total|all] [--kind self|review]\n"
	"                                [--format table|csv|json]\n"
	"\n"
	"Points lost (weight − score) over the years, in four views:\n"
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
	"Formulas: docs/methods.md.\n"
	"\n"
	"examples:\n"
	"  jixiao deductions --dept 禁毒支队 --level 3\n"
	"  jixiao deductions --dept 禁毒支队 --view pairs --top 5\n";

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
	static const struct option opts[] = {ANA_COMMON_OPTIONS,
					     {"all-departments", no_argument, 0, ANA_OPT_ALL},
					     {"view", required_argument, 0, 'v'},
					     {"top", required_argument, 0, 't'},
					     {0, 0, 0, 0}};
	jx_deductions_view view = JX_DED_PARETO;
	ana_args a;
	int c, rc, top;

	ana_args_init(&a, "deductions");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if (c == 'v') {
			if (jx_deductions_view_parse(optarg, &view))
				return cli_usage(a.cmd, "%s", jx_error_last());
		} else if (c == 't') {
			if ((rc = ana_int_option(&a, "top", optarg, 1, 100000, &top)))
				return rc;
			a.o.top_pairs = (size_t)top;
		} else {
			return ana_bad_option(&a, c, argc, argv);
		}
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	return ana_run(cli, &a, deductions_table, &view);
}
