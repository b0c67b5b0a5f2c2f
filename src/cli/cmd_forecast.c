/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_forecast.c -- `jixiao forecast`: next year's rate with a prediction interval. */
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	CLI_SHARED(ALL_DEPARTMENTS),
	{'Y', "year", "Y", N_("the year to forecast (default: the year after the last)"), 0},
	{'c', "confidence", "C", N_("level of the prediction interval (default 0.95)"), 0},
	CLI_END};

const cli_spec spec_forecast = {
	"forecast",
	NULL,
	NULL,
	N_("Per unit: the least-squares line of the score rate on the year, evaluated at\n"
	   "the next year (or --year), with a prediction interval for a new observation\n"
	   "(default 95%): fit ± t(n−2) · s · sqrt(1 + 1/n + (x − x̄)²/Sxx), where s is the\n"
	   "residual standard deviation. This is wider than the confidence interval of the\n"
	   "line, on purpose. forecast, pi_low and pi_high are clamped to [0, 1] for\n"
	   "display; the *_raw columns are not. Units with fewer than 3 known years get no\n"
	   "forecast and say why; when no unit has 3, the command fails (with\n"
	   "--all-departments: such a department is skipped with a warning).\n"
	   "Formulas: docs/methods.md.\n"),
	"  jixiao forecast --dept 禁毒支队 --level total\n"
	"  jixiao forecast --all-departments --format csv\n",
	options};

static int own_option(void *ctx, int key, const char *arg)
{
	ana_args *a = ctx;
	if (key == 'Y')
		return cli_int_option(a->cmd, "year", arg, 1900, 2100, &a->o.forecast_year);
	return cli_double_option(a->cmd, "confidence", arg, 0.5, 0.999, &a->o.confidence);
}

static int forecast_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
			  void *ctx)
{
	jx_forecast_result *r;
	int rc;
	(void)st;
	(void)ctx;
	if ((rc = jx_forecast_compute(&r, s, &a->o)) == JX_EMATH && a->all_departments) {
		cli_warn("%s", jx_error_last()); /* nothing to forecast: no table */
		jx_error_clear();
		return 0;
	}
	if (rc)
		return rc;
	rc = jx_forecast_table(out, r, &a->o);
	jx_forecast_result_free(r);
	return rc;
}

int cmd_forecast(jx_cli *cli, int argc, char **argv)
{
	ana_args a;
	int rc = ana_parse(&a, &spec_forecast, argc, argv, own_option, &a);
	return rc != CLI_GO ? rc : ana_run(cli, &a, forecast_table, NULL);
}
