/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trend.c -- linear and robust trends of score rates.
 *
 * Per unit: OLS of rate on the calendar year (gsl_fit_linear), the slope's
 * standard error, t and two-sided p (Student t, n − 2 df), R², and the
 * Theil–Sen slope as the robust figure; a direction label at alpha
 * (docs/methods.md §2–§3).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

const char *jx_direction_name(jx_direction d)
{
	switch (d) {
	case JX_DIR_FLAT: return "flat";
	case JX_DIR_RISING: return "rising";
	case JX_DIR_FALLING: return "falling";
	default: return "too few years";
	}
}

static void fit_clear(jx_ols *f, size_t n)
{
	f->n = n;
	f->intercept = f->slope = f->intercept_se = f->slope_se = f->t = f->p_value = NAN;
	f->r2 = f->sse = f->resid_sd = f->x_mean = f->sxx = NAN;
}

int jx__unit_fit(jx_ols *fit, double *theil_sen, size_t *n, const jx_units *u, const jx_unit *un,
		 double *x, double *y)
{
	int rc;
	*n = jx_unit_points(u, un, x, y);
	fit_clear(fit, *n);
	if (theil_sen)
		*theil_sen = NAN;
	if (*n < 2)
		return 0;
	if ((rc = jx_stats_ols(fit, x, y, *n)) != 0)
		return rc;
	return theil_sen ? jx_stats_theil_sen(theil_sen, NULL, x, y, *n) : 0;
}

jx_direction jx__direction(const jx_ols *fit, size_t n, double alpha)
{
	if (n < 3)
		return JX_DIR_TOO_FEW;
	if (isnan(fit->p_value) || !(fit->p_value < alpha) || fit->slope == 0)
		return JX_DIR_FLAT;
	return fit->slope > 0 ? JX_DIR_RISING : JX_DIR_FALLING;
}

static void trend_row(jx_trend_row *row, const jx_units *u, const double *x, size_t n)
{
	const jx_unit *un = row->unit;
	row->year_first = n ? (int)x[0] : 0;
	row->year_last = n ? (int)x[n - 1] : 0;
	for (size_t i = 0; i < u->nyears; i++) {
		if (un->years[i].nrows && isnan(un->years[i].rate))
			row->nmissing_years++;
		if (un->years[i].ninferred)
			row->ninferred_years++;
	}
}

int jx_trend_compute(jx_trend_result **out, const jx_series *s, const jx_analysis_options *o)
{
	jx_trend_result *r;
	double *x = NULL, *y = NULL;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	r->alpha = o ? o->alpha : 0.05;
	if ((rc = jx_units_build(&r->units, s, o)) || (rc = jx__scratch(&x, &y, r->units->nyears)))
		goto out;
	if (!(r->rows = calloc(jx__count_selected(r->units, o) + 1, sizeof(*r->rows)))) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < r->units->nunits; i++) {
		jx_trend_row *row = &r->rows[r->nrows];
		if (!jx_level_selected(o, r->units->units[i].level))
			continue;
		row->unit = &r->units->units[i];
		if ((rc = jx__unit_fit(&row->fit, &row->theil_sen, &row->n, r->units, row->unit, x,
				       y)))
			goto out;
		trend_row(row, r->units, x, row->n);
		row->direction = jx__direction(&row->fit, row->n, r->alpha);
		r->nrows++;
	}
out:
	free(x);
	free(y);
	if (rc) {
		jx_trend_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_trend_result_free(jx_trend_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->rows);
	free(r);
}

const jx_trend_row *jx_trend_find(const jx_trend_result *r, int level, const char *key)
{
	for (size_t i = 0; r && i < r->nrows; i++)
		if (r->rows[i].unit->level == level && !strcmp(r->rows[i].unit->key, key))
			return &r->rows[i];
	return NULL;
}

/* "2016 0.95; 2018 0.9; 2019 ?" — a unit's rates per evaluated year (? = missing). */
char *jx__rates_text(const jx_units *u, const jx_unit *un)
{
	jx__buf b;
	char num[40];
	jx__buf_init(&b);
	for (size_t i = 0; i < u->nyears; i++) {
		const jx_unit_year *uy = &un->years[i];
		if (!uy->nrows)
			continue;
		if (b.len)
			jx__buf_put(&b, "; ", 2);
		jx__buf_int(&b, u->years[i]);
		if (isnan(uy->rate))
			jx__buf_put(&b, " ?", 2);
		else {
			jx__format_rate(num, sizeof(num), uy->rate);
			jx__buf_put(&b, " ", 1);
			jx__buf_puts(&b, num);
		}
		if (uy->ninferred)
			jx__buf_put(&b, "*", 1);
	}
	return jx__buf_detach(&b);
}

static const jx__col trend_cols[] = {
	JX__UNIT_COLS,
	{"n", "年数", JX_COL_INT, 0},
	{"first_year", "起", JX_COL_INT, 0},
	{"last_year", "止", JX_COL_INT, 0},
	{"slope", "斜率/年", JX_COL_FIXED, 4},
	{"slope_se", "标准误", JX_COL_FIXED, 4},
	{"t", "t", JX_COL_FIXED, 2},
	{"p_value", "p值", JX_COL_FIXED, 4},
	{"r2", "R²", JX_COL_FIXED, 3},
	{"theil_sen", "Theil-Sen", JX_COL_FIXED, 4},
	{"direction", "趋势", JX_COL_TEXT, 0},
	{"missing_years", "缺失年", JX_COL_INT, 0},
	{"inferred_years", "推算年", JX_COL_INT, 0},
	{"rates", "得分率(年 值)", JX_COL_TEXT, 0},
};

static int trend_table_row(jx_table *t, int c, const jx_trend_result *r, const jx_trend_row *row,
			   const jx_analysis_options *o)
{
	char *rates;
	int bad;
	if (jx__table_row(t, r->units->department, r->units->provenance, o) ||
	    jx__table_unit(t, c, row->unit))
		return JX_ENOMEM;
	if (!(rates = jx__rates_text(r->units, row->unit)))
		return JX_ENOMEM;
	bad = jx_table_set_int(t, c + 4, (long long)row->n) |
	      (row->n ? jx_table_set_int(t, c + 5, row->year_first) |
				jx_table_set_int(t, c + 6, row->year_last)
		      : 0) |
	      jx__set_number(t, c + 7, row->fit.slope) |
	      jx__set_number(t, c + 8, row->fit.slope_se) | jx__set_number(t, c + 9, row->fit.t) |
	      jx__set_number(t, c + 10, row->fit.p_value) | jx__set_number(t, c + 11, row->fit.r2) |
	      jx__set_number(t, c + 12, row->theil_sen) |
	      jx_table_set_text(t, c + 13, jx_direction_name(row->direction)) |
	      jx_table_set_int(t, c + 14, (long long)row->nmissing_years) |
	      jx_table_set_int(t, c + 15, (long long)row->ninferred_years) |
	      jx_table_set_text(t, c + 16, rates);
	free(rates);
	if (row->direction == JX_DIR_FALLING)
		jx_table_mark_row(t);
	return bad ? JX_ENOMEM : 0;
}

int jx_trend_table(jx_table **out, const jx_trend_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, rc;
	if ((rc = jx__table_start(&t, &c, trend_cols, sizeof(trend_cols) / sizeof(*trend_cols), o,
				  r->units->provenance)))
		return rc;
	jx_table_add_note(t,
			  "%s (%s): score rate = score / weight, OLS on x = year, "
			  "direction at alpha = %g; * = includes inferred scores, ? = missing",
			  r->units->department, jx_kind_name(r->units->kind), r->alpha);
	for (size_t i = 0; i < r->nrows; i++)
		if ((rc = trend_table_row(t, c, r, &r->rows[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}
