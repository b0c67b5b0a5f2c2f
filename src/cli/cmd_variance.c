/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_variance.c -- `jixiao variance`: spread across years, across departments, and
 * the decomposition of the total's variance into categories. */
#include <stdlib.h>
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] variance [--dept NAME | --all-departments] [--years A-B]\n"
	"                              [--level 1|2|3|total|all] [--kind self|review]\n"
	"                              [--decompose | --across YEAR] [--format table|csv|json]\n"
	"\n"
	"Default: per unit across the years, the mean score rate, sample variance\n"
	"(n − 1), standard deviation, coefficient of variation (sd / mean; empty when\n"
	"the mean is 0), min and max, with the points and the yearly rates as\n"
	"evidence. Identical rates give variance 0.\n"
	"  --decompose    share of the variance of the total score across years carried\n"
	"                 by each category: cov(category, total) / var(total); the shares\n"
	"                 add up to 1 (years with a missing score are left out)\n"
	"  --across YEAR  one year, every department: mean, sd, min and max of each\n"
	"                 unit's rate over the departments that share it (at least 2)\n"
	"Formulas: docs/methods.md.\n"
	"\n"
	"examples:\n"
	"  jixiao variance --dept 禁毒支队 --level 1\n"
	"  jixiao variance --across 2023 --level 3 --format csv\n";

static int variance_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
			  void *ctx)
{
	jx_variance_result *r;
	jx_decomp_result *d;
	int rc;
	(void)st;
	if (*(int *)ctx) {
		if ((rc = jx_variance_decompose(&d, s, &a->o)))
			return rc;
		rc = jx_decomp_table(out, d, &a->o);
		jx_decomp_result_free(d);
		return rc;
	}
	if ((rc = jx_variance_compute(&r, s, &a->o)))
		return rc;
	rc = jx_variance_table(out, r, &a->o);
	jx_variance_result_free(r);
	return rc;
}

static int across(jx_cli *cli, ana_args *a, int year)
{
	jx_store *st = NULL;
	jx_across_result *r = NULL;
	jx_table *t = NULL;
	int rc;
	if (a->dept || a->all_departments)
		return cli_usage(a->cmd, "--across reads every department; drop --dept / "
					 "--all-departments");
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if (jx_variance_across(&r, st, year, &a->o) || jx_across_table(&t, r, &a->o))
		rc = cli_fail_jx();
	else
		rc = cli_print_table(t, a->fmt, 0);
	jx_table_free(t);
	jx_across_result_free(r);
	jx_store_free(st);
	return rc;
}

int cmd_variance(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {ANA_COMMON_OPTIONS,
					     {"all-departments", no_argument, 0, ANA_OPT_ALL},
					     {"decompose", no_argument, 0, 'D'},
					     {"across", required_argument, 0, 'x'},
					     {0, 0, 0, 0}};
	ana_args a;
	int c, rc, decompose = 0, year = 0;

	ana_args_init(&a, "variance");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if (c == 'D')
			decompose = 1;
		else if (c == 'x') {
			if ((rc = ana_int_option(&a, "across", optarg, 1900, 2100, &year)))
				return rc;
		} else
			return ana_bad_option(&a, c, argc, argv);
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	if (decompose && year)
		return cli_usage(a.cmd, "--decompose and --across exclude each other");
	if (year)
		return across(cli, &a, year);
	return ana_run(cli, &a, variance_table, &decompose);
}
