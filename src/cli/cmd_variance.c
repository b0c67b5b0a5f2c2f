/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_variance.c -- `jixiao variance`: spread across years, across departments, and
 * the decomposition of the total's variance into categories. */
#include <stdlib.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	CLI_SHARED(ALL_DEPARTMENTS),
	{'D', "decompose", NULL, N_("share of the total's variance carried by each category"), 0},
	{'x', "across", "YEAR", N_("one year, every department: spread of each unit's rate"), 0},
	CLI_END};

const cli_spec spec_variance = {
	"variance",
	NULL,
	NULL,
	N_("Default: per unit across the years, the mean score rate, sample variance\n"
	   "(n − 1), standard deviation, coefficient of variation (sd / mean; empty when\n"
	   "the mean is 0), min and max, with the points and the yearly rates as\n"
	   "evidence. Identical rates give variance 0.\n"
	   "  --decompose    share of the variance of the total score across years carried\n"
	   "                 by each category: cov(category, total) / var(total); the shares\n"
	   "                 add up to 1 (years with a missing score are left out)\n"
	   "  --across YEAR  one year, every department: mean, sd, min and max of each\n"
	   "                 unit's rate over the departments that share it (at least 2)\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao variance --dept 禁毒支队 --level 1\n"
	"  jixiao variance --across 2023 --level 3 --format csv\n",
	options};

typedef struct {
	ana_args a;
	int decompose, year;
} variance_args;

static int own_option(void *ctx, int key, const char *arg)
{
	variance_args *v = ctx;
	if (key == 'D') {
		v->decompose = 1;
		return 0;
	}
	return cli_int_option(v->a.cmd, "across", arg, 1900, 2100, &v->year);
}

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
		return cli_usage(a->cmd, _("--across reads every department; drop --dept / "
					   "--all-departments"));
	if ((rc = cli_open_store(cli, &st, CLI_STORE_READ)))
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
	variance_args v = {.decompose = 0, .year = 0};
	int rc = ana_parse(&v.a, &spec_variance, argc, argv, own_option, &v);
	if (rc != CLI_GO)
		return rc;
	if (v.decompose && v.year)
		return cli_usage(v.a.cmd, _("--decompose and --across exclude each other"));
	if (v.year)
		return across(cli, &v.a, v.year);
	return ana_run(cli, &v.a, variance_table, &v.decompose);
}
