/* SPDX-License-Identifier: GPL-3.0-or-later */
/* forecast.c -- next year's rate with a prediction interval.
 *
 * The least-squares line of the rate on the year (as in trend.c),
 * evaluated at the next year, with the interval for a new observation:
 * fit ± t(n−2)·s·sqrt(1 + 1/n + (x − x̄)²/Sxx) (docs/methods.md §4).
 * Shown clamped to [0, 1]; the raw values are kept.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "analysis/internal.h"

static int forecast_row(jx_forecast_row *row, const jx_units *u, int year, double level, double *x,
			double *y)
{
	int rc;
	for (size_t i = u->nyears; i-- > 0;)
		if (row->unit->years[i].nrows) {
			row->last_weight = row->unit->years[i].weight;
			break;
		}
	row->forecast = row->pi_low = row->pi_high = NAN;
	row->pred.fit = row->pred.low = row->pred.high = NAN;
	row->pred.t_quantile = row->pred.se = NAN;
	row->pred.x = year;
	if ((rc = jx__unit_fit(&row->fit, NULL, &row->n, u, row->unit, x, y)))
		return rc;
	if (row->n < 3 || !row->unit->years[u->nyears - 1].nrows)
		return 0; /* too few years, or the unit is no longer evaluated */
	if ((rc = jx_stats_predict(&row->pred, &row->fit, year, level)))
		return rc;
	row->ok = 1;
	row->forecast = jx__clamp01(row->pred.fit);
	row->pi_low = jx__clamp01(row->pred.low);
	row->pi_high = jx__clamp01(row->pred.high);
	return 0;
}

static int forecast_rows(jx_forecast_result *r, const jx_analysis_options *o)
{
	double *x, *y;
	int rc;
	if ((rc = jx__scratch(&x, &y, r->units->nyears)))
		return rc;
	for (size_t i = 0; i < r->units->nunits && rc == 0; i++) {
		jx_forecast_row *row = &r->rows[r->nrows];
		if (!jx_level_selected(o, r->units->units[i].level))
			continue;
		row->unit = &r->units->units[i];
		if ((rc = forecast_row(row, r->units, r->year, r->confidence, x, y)) == 0) {
			r->nok += (size_t)row->ok;
			r->nrows++;
		}
	}
	free(x);
	free(y);
	return rc;
}

int jx_forecast_compute(jx_forecast_result **out, const jx_series *s, const jx_analysis_options *o)
{
	jx_forecast_result *r;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	r->confidence = o ? o->confidence : 0.95;
	if ((rc = jx_units_build(&r->units, s, o)))
		goto out;
	r->year = o && o->forecast_year ? o->forecast_year
					: r->units->years[r->units->nyears - 1] + 1;
	if (!(r->rows = calloc(jx__count_selected(r->units, o) + 1, sizeof(*r->rows)))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = forecast_rows(r, o)))
		goto out;
	if (r->nok == 0) {
		size_t best = 0, last = r->units->nyears - 1;
		for (size_t i = 0; i < r->nrows; i++)
			if (r->rows[i].unit->years[last].nrows && r->rows[i].n > best)
				best = r->rows[i].n;
		rc = jx__error(JX_EMATH,
			       "cannot forecast %s: a prediction interval needs at least 3 years "
			       "with a known rate, and no selected unit of the %d evaluation has "
			       "more than %zu",
			       s->department, r->units->years[last], best);
	}
out:
	if (rc) {
		jx_forecast_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_forecast_result_free(jx_forecast_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->rows);
	free(r);
}

static const jx__col forecast_cols[] = {
	JX__UNIT_COLS,
	{"n", "年数", JX_COL_INT, 0},
	{"year", "预测年", JX_COL_INT, 0},
	{"forecast", "预测得分率", JX_COL_FIXED, 3},
	{"pi_low", "下限", JX_COL_FIXED, 3},
	{"pi_high", "上限", JX_COL_FIXED, 3},
	{"forecast_raw", "预测(未截断)", JX_COL_FIXED, 4},
	{"pi_low_raw", "下限(未截断)", JX_COL_FIXED, 4},
	{"pi_high_raw", "上限(未截断)", JX_COL_FIXED, 4},
	{"slope", "斜率/年", JX_COL_FIXED, 4},
	{"resid_sd", "残差标准差", JX_COL_FIXED, 4},
	{"t_quantile", "t分位数", JX_COL_FIXED, 3},
	{"weight", "权重", JX_COL_NUMBER, 0},
	{"note", "说明", JX_COL_TEXT, 0},
};

static int forecast_table_row(jx_table *t, int c, const jx_forecast_result *r,
			      const jx_forecast_row *row, const jx_analysis_options *o)
{
	char note[96] = "";
	int bad;
	if (jx__table_row(t, r->units->department, r->units->provenance, o) ||
	    jx__table_unit(t, c, row->unit))
		return JX_ENOMEM;
	if (!row->ok && !row->unit->years[r->units->nyears - 1].nrows)
		snprintf(note, sizeof(note), "not in the latest evaluation (%d)",
			 r->units->years[r->units->nyears - 1]);
	else if (!row->ok)
		snprintf(note, sizeof(note), "too few years: n = %zu, need 3", row->n);
	else if (row->pred.low < 0 || row->pred.high > 1 || row->pred.fit < 0 || row->pred.fit > 1)
		snprintf(note, sizeof(note), "clamped to [0, 1]");
	bad = jx_table_set_int(t, c + 4, (long long)row->n) | jx_table_set_int(t, c + 5, r->year) |
	      jx__set_number(t, c + 6, row->forecast) | jx__set_number(t, c + 7, row->pi_low) |
	      jx__set_number(t, c + 8, row->pi_high) | jx__set_number(t, c + 9, row->pred.fit) |
	      jx__set_number(t, c + 10, row->pred.low) | jx__set_number(t, c + 11, row->pred.high) |
	      jx__set_number(t, c + 12, row->fit.slope) |
	      jx__set_number(t, c + 13, row->fit.resid_sd) |
	      jx__set_number(t, c + 14, row->pred.t_quantile) |
	      jx__set_number(t, c + 15, row->last_weight) |
	      jx_table_set_text(t, c + 16, note[0] ? note : NULL);
	return bad ? JX_ENOMEM : 0;
}

int jx_forecast_table(jx_table **out, const jx_forecast_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, rc;
	if ((rc = jx__table_start(&t, &c, forecast_cols,
				  sizeof(forecast_cols) / sizeof(*forecast_cols), o,
				  r->units->provenance)))
		return rc;
	jx_table_add_note(t,
			  "%s (%s): rate in %d = line at that year; %g%% prediction interval "
			  "= fit ± t(n−2) · s · sqrt(1 + 1/n + (x − x̄)²/Sxx)",
			  r->units->department, jx_kind_name(r->units->kind), r->year,
			  r->confidence * 100);
	for (size_t i = 0; i < r->nrows; i++)
		if ((rc = forecast_table_row(t, c, r, &r->rows[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}
