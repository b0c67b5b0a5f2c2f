/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_total.c -- the total score per year, grade bands, OLS trend and forecast.
 *
 * The total is drawn as a percentage of the total weight (the grade bands
 * are defined that way), from the total unit of jx_units. The trend line
 * is jx_trend_compute's OLS fit of the rate on the year; next year's point
 * and its 95% prediction interval come from jx_forecast_compute (clamped
 * to [0, 100] like `jixiao forecast`). Both need three known years; with
 * fewer the chart says so instead of drawing a line. When the chart is of
 * self-evaluations and the finance bureau reviewed some years, the review
 * totals are drawn beside them (review first: docs/report.md); a new
 * indicator framework is marked where it starts.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

static void emit_totals(plot__script *ps, const jx_units *u, const jx_unit *total)
{
	size_t y;
	plot__block_begin(&ps->vars, "totals");
	for (y = 0; y < u->nyears; y++) {
		const jx_unit_year *uy = &total->years[y];
		jx__buf_printf(&ps->vars, "%d ", u->years[y]);
		plot__put_number(&ps->vars, plot__percent(uy));
		jx__buf_puts(&ps->vars, " ");
		plot__put_number(&ps->vars, uy->score);
		jx__buf_puts(&ps->vars, " ");
		plot__put_number(&ps->vars, uy->weight);
		jx__buf_puts(&ps->vars, "\n");
	}
	plot__block_end(&ps->vars);
}

/* trend_text: "OLS +0.52 points per year, p = 0.024, R² = 0.81 (n = 5); Mann-Kendall: rising,
 * q = 0.031", or why there is no line. */
static void emit_trend_text(plot__script *ps, const jx_trend_row *row, int has)
{
	char slope[32], p[32], r2[32], q[32];
	char *text, *mk = NULL;
	if (!has) {
		text = jx__sprintf(_("too few years for a trend (%zu < 3)"), row ? row->n : 0);
		goto out;
	}
	plot__fixed(slope, sizeof(slope), 100.0 * row->fit.slope, 2);
	plot__p_text(p, sizeof(p), 'p', row->fit.p_value);
	plot__fixed(r2, sizeof(r2), row->fit.r2, 2);
	plot__p_text(q, sizeof(q), 'q', row->q_value);
	/* the direction is Mann-Kendall's, with its q-value when the unit is in the family */
	mk = isnan(row->q_value) ? jx__strdup(jx_direction_label(row->direction))
				 : jx__sprintf(_("%s, %s"), jx_direction_label(row->direction), q);
	text = mk ? jx__sprintf(_("OLS %s%s points per year, %s, R² = %s (n = %zu); "
				  "Mann-Kendall: %s"),
				slope[0] == '-' ? "" : "+", slope, p, r2, row->n, mk)
		  : NULL;
out:
	if (!text)
		ps->vars.failed = 1;
	plot__emit_string(&ps->vars, "trend_text", text ? text : "");
	free(text);
	free(mk);
}

/* has_trend, trend_intercept/slope (percent per year), p_value, r2, direction_text, trend_text. */
static int emit_trend(plot__script *ps, const jx_series *sr, const jx_analysis_options *o)
{
	jx_trend_result *t = NULL;
	const jx_trend_row *row;
	int rc = jx_trend_compute(&t, sr, o), has;
	if (rc)
		return rc;
	row = jx_trend_find(t, JX_LEVEL_TOTAL, "");
	has = row && row->n >= 3;
	plot__emit_int(&ps->vars, "has_trend", has);
	plot__emit_int(&ps->vars, "trend_n", row ? (long)row->n : 0);
	plot__emit_number(&ps->vars, "trend_intercept", has ? 100.0 * row->fit.intercept : NAN);
	plot__emit_number(&ps->vars, "trend_slope", has ? 100.0 * row->fit.slope : NAN);
	plot__emit_number(&ps->vars, "trend_p", has ? row->fit.p_value : NAN);
	plot__emit_number(&ps->vars, "trend_r2", has ? row->fit.r2 : NAN);
	plot__emit_string(&ps->vars, "direction_text",
			  row ? jx_direction_label(row->direction) : "");
	emit_trend_text(ps, row, has);
	jx_trend_result_free(t);
	return 0;
}

/* forecast_text ("2025 forecast 88.1, 95% prediction interval 84.0–92.2") and key_forecast. */
static void emit_forecast_text(plot__script *ps, const jx_forecast_row *row, int year,
			       double confidence)
{
	char f[32], lo[32], hi[32], conf[32];
	char *text = NULL, *key = NULL;
	plot__fixed(conf, sizeof(conf), 100.0 * confidence, 0);
	if (row) {
		plot__fixed(f, sizeof(f), 100.0 * row->forecast, 1);
		plot__fixed(lo, sizeof(lo), 100.0 * row->pi_low, 1);
		plot__fixed(hi, sizeof(hi), 100.0 * row->pi_high, 1);
		text = jx__sprintf(_("%d forecast %s, %s%% prediction interval %s–%s"), year, f,
				   conf, lo, hi);
		key = jx__sprintf(_("%d forecast ± %s%% prediction interval"), year, conf);
		if (!text || !key)
			ps->vars.failed = 1;
	}
	plot__emit_string(&ps->vars, "forecast_text", text ? text : "");
	plot__emit_string(&ps->vars, "key_forecast", key ? key : "");
	free(text);
	free(key);
}

/* has_forecast, forecast_year, forecast, pi_low, pi_high (percent), confidence; texts. */
static int emit_forecast(plot__script *ps, const jx_series *sr, const jx_analysis_options *o)
{
	jx_forecast_result *f = NULL;
	const jx_forecast_row *row = NULL;
	size_t i;
	int rc = jx_forecast_compute(&f, sr, o);
	if (rc == JX_EMATH) /* fewer than three known years: no forecast, said on the chart */
		rc = 0;
	if (rc)
		return rc;
	for (i = 0; f && i < f->nrows; i++)
		if (f->rows[i].unit->level == JX_LEVEL_TOTAL && f->rows[i].ok)
			row = &f->rows[i];
	plot__emit_int(&ps->vars, "has_forecast", row != NULL);
	plot__emit_int(&ps->vars, "forecast_year", f ? f->year : 0);
	plot__emit_number(&ps->vars, "forecast", row ? 100.0 * row->forecast : NAN);
	plot__emit_number(&ps->vars, "pi_low", row ? 100.0 * row->pi_low : NAN);
	plot__emit_number(&ps->vars, "pi_high", row ? 100.0 * row->pi_high : NAN);
	plot__emit_number(&ps->vars, "confidence", 100.0 * o->confidence);
	emit_forecast_text(ps, row, f ? f->year : 0, o->confidence);
	jx_forecast_result_free(f);
	return 0;
}

/* $reviews: year and review total (% of its weight) for the years of the chart; n_review. */
static int emit_reviews(plot__script *ps, const plot__ctx *ctx, const jx_units *u)
{
	const jx_plot_request *req = ctx->req;
	jx_series *rv = NULL;
	size_t n = 0;
	int rc = req->kind == JX_KIND_SELF
			 ? jx_store_series(ctx->store, &rv, req->department, JX_KIND_REVIEW,
					   u->years[0], u->years[u->nyears - 1])
			 : JX_ENOTFOUND;
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		rc = 0;
	}
	plot__block_begin(&ps->vars, "reviews");
	for (size_t i = 0; rv && i < rv->nyears; i++) {
		const jx_series_year *y = &rv->years[i];
		if (y->nmissing || !(y->total_weight > 0))
			continue; /* an unknown total is not drawn */
		jx__buf_printf(&ps->vars, "%d ", y->year);
		plot__put_number(&ps->vars, 100.0 * y->total_score / y->total_weight);
		jx__buf_puts(&ps->vars, "\n");
		ps->synthetic |= y->provenance == JX_PROV_SYNTHETIC;
		n++;
	}
	if (!n) /* gnuplot refuses an empty data block: one point far left of the x range */
		jx__buf_puts(&ps->vars, "-1 -1\n");
	plot__block_end(&ps->vars);
	plot__emit_int(&ps->vars, "n_review", (long)n);
	jx_series_free(rv);
	return rc;
}

int plot__chart_total(plot__script *ps, const plot__ctx *ctx)
{
	plot__units pu;
	const jx_unit *total;
	int rc;
	if ((rc = plot__units_begin(&pu, ps, ctx, _("total score and trend"))) != 0)
		goto out;
	if (!(total = jx_units_find(pu.u, JX_LEVEL_TOTAL, ""))) {
		rc = jx__error(JX_ENOTFOUND, _("no total for %s"), ctx->req->department);
		goto out;
	}
	pu.o.level = JX_LEVEL_TOTAL;
	emit_totals(ps, pu.u, total);
	if ((rc = emit_reviews(ps, ctx, pu.u)) != 0 ||
	    (rc = plot__emit_bands(ps, ctx->store)) != 0 ||
	    (rc = emit_trend(ps, pu.sr, &pu.o)) != 0 || (rc = emit_forecast(ps, pu.sr, &pu.o)) != 0)
		goto out;
	plot__emit_axes(ps, _("year"), _("total score (percent of the total weight)"), NULL);
	plot__emit_string(&ps->vars, "key_total", _("total score"));
	plot__emit_string(&ps->vars, "key_trend", _("OLS trend"));
	plot__emit_string(&ps->vars, "key_review", jx_kind_label(JX_KIND_REVIEW));
	plot__emit_note(ps, NULL);
out:
	plot__units_end(&pu);
	return rc;
}
