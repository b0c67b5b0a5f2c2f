/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_forecast.c -- `jixiao forecast`: next year's rate with a prediction interval. */
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] forecast [--dept NAME] [--years A-B] [--level 1|2|3|total|all]\n"
	"                              [--kind self|review] [--year Y] [--confidence C]\n"
	"                              [--format table|csv|json]\n"
	"\n"
	"Per unit: the least-squares line of the score rate on the year, evaluated at\n"
	"the next year (or --year), with a prediction interval for a new observation\n"
	"(default 95%): fit ± t(n−2) · s · sqrt(1 + 1/n + (x − x̄)²/Sxx), where s is the\n"
	"residual standard deviation. This is wider than the confidence interval of the\n"
	"line, on purpose. forecast, pi_low and pi_high are clamped to [0, 1] for\n"
	"display; the *_raw columns are not. Units with fewer than 3 known years get no\n"
	"forecast and say why; when no unit has 3, the command fails.\n"
	"Formulas: docs/methods.md.\n"
	"\n"
	"example:\n"
	"  jixiao forecast --dept 禁毒支队 --level total\n";

static int forecast_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
			  void *ctx)
{
	jx_forecast_result *r;
	int rc;
	(void)st;
	(void)ctx;
	if ((rc = jx_forecast_compute(&r, s, &a->o)))
		return rc;
	rc = jx_forecast_table(out, r, &a->o);
	jx_forecast_result_free(r);
	return rc;
}

int cmd_forecast(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {ANA_COMMON_OPTIONS,
					     {"year", required_argument, 0, 'Y'},
					     {"confidence", required_argument, 0, 'c'},
					     {0, 0, 0, 0}};
	ana_args a;
	int c, rc;

	ana_args_init(&a, "forecast");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if (c == 'Y')
			rc = ana_int_option(&a, "year", optarg, 1900, 2100, &a.o.forecast_year);
		else if (c == 'c')
			rc = ana_double_option(&a, "confidence", optarg, 0.5, 0.999,
					       &a.o.confidence);
		else
			return ana_bad_option(&a, c, argc, argv);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	return ana_run(cli, &a, forecast_table, NULL);
}
