/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trend.c -- is a unit's score rate rising or falling, and by how much?
 *
 * The decision is the Mann–Kendall test within framework periods (S summed
 * over periods, exact null distribution; mannkendall.c) with the
 * Benjamini–Hochberg correction over a stated family: the units of one
 * result, or the rows jx_trend_family joins (one total per department). A
 * unit whose values could not reach p < alpha in any order is left out of
 * the family (Tarone 1990; Gilbert 2005): "too few years" when the number
 * of years per period is what forbids it, flat when ties do. The effect
 * sizes -- least squares with a step per break, Sen's slope pooled within
 * periods -- never cross a break (docs/methods.md §2–§3).
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

const char *jx_direction_label(jx_direction d)
{
	switch (d) {
	/* TRANSLATORS: the direction of a trend: no significant change */
	case JX_DIR_FLAT: return _("flat");
	case JX_DIR_RISING: return _("rising");
	case JX_DIR_FALLING: return _("falling");
	default: return _("too few years");
	}
}

int jx__trend_unit(jx_trend_row *row, const jx_units *u, double *x, double *y, size_t *per)
{
	const jx_unit *un = row->unit;
	int rc;
	row->n = jx_unit_points_periods(u, un, x, y, per);
	row->year_first = row->n ? (int)x[0] : 0;
	row->year_last = row->n ? (int)x[row->n - 1] : 0;
	row->nmissing_years = row->ninferred_years = 0;
	for (size_t i = 0; i < u->nyears; i++) {
		row->nmissing_years += un->years[i].nrows && isnan(un->years[i].rate);
		row->ninferred_years += un->years[i].ninferred > 0;
	}
	row->q_value = NAN;
	row->direction = JX_DIR_TOO_FEW;
	if ((rc = jx_stats_ols_periods(&row->fit, x, y, per, row->n)) ||
	    (rc = jx_stats_sen_periods(&row->theil_sen, x, y, per, row->n)))
		return rc;
	return jx_stats_mann_kendall(&row->mk, y, per, row->n);
}

/* In the family: some order of its values could give p < alpha. */
static int testable(const jx_trend_row *row, double alpha)
{
	return row->n >= 3 && !isnan(row->mk.p_value) && row->mk.p_min < alpha;
}

static jx_direction decide(const jx_trend_row *row, double alpha)
{
	if (row->n < 3 || !(row->mk.p_min_years < alpha))
		return JX_DIR_TOO_FEW;
	if (!(row->q_value < alpha) || row->mk.s == 0)
		return JX_DIR_FLAT;
	return row->mk.s > 0 ? JX_DIR_RISING : JX_DIR_FALLING;
}

int jx__trend_decide(jx_trend_row *const *rows, size_t n, double alpha)
{
	double *p = calloc(n + 1, sizeof(*p)), *q = calloc(n + 1, sizeof(*q));
	if (!p || !q) {
		free(p), free(q);
		return jx__oom();
	}
	for (size_t i = 0; i < n; i++)
		p[i] = testable(rows[i], alpha) ? rows[i]->mk.p_value : NAN;
	if (jx_stats_bh(q, p, n)) {
		free(p), free(q);
		return JX_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		rows[i]->q_value = q[i];
		rows[i]->direction = decide(rows[i], alpha);
	}
	free(p), free(q);
	return 0;
}

int jx_trend_family(jx_trend_result *const *results, size_t n)
{
	jx_trend_row **rows;
	size_t total = 0, k = 0;
	int rc;
	for (size_t i = 0; i < n; i++)
		total += results[i]->nrows;
	if (!n || !(rows = malloc((total ? total : 1) * sizeof(*rows))))
		return n ? jx__oom() : 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < results[i]->nrows; j++)
			rows[k++] = &results[i]->rows[j];
	rc = jx__trend_decide(rows, total, results[0]->alpha);
	free(rows);
	return rc;
}

static int trend_rows(jx_trend_result *r, const jx_analysis_options *o)
{
	size_t ny = r->units->nyears, nsel = jx__count_selected(r->units, o);
	double *x = malloc(ny * sizeof(*x)), *y = malloc(ny * sizeof(*y));
	size_t *per = malloc(ny * sizeof(*per));
	jx_trend_row **family = malloc((nsel ? nsel : 1) * sizeof(*family));
	int rc = 0;
	r->rows = calloc(nsel + 1, sizeof(*r->rows));
	if (!x || !y || !per || !family || !r->rows)
		rc = jx__oom();
	for (size_t i = 0; rc == 0 && i < r->units->nunits; i++) {
		jx_trend_row *row = &r->rows[r->nrows];
		if (!jx_level_selected(o, r->units->units[i].level))
			continue;
		row->unit = &r->units->units[i];
		if ((rc = jx__trend_unit(row, r->units, x, y, per)) == 0)
			family[r->nrows++] = row;
	}
	if (rc == 0)
		rc = jx__trend_decide(family, r->nrows, r->alpha);
	free(x), free(y), free(per), free(family);
	return rc;
}

int jx_trend_compute(jx_trend_result **out, const jx_series *s, const jx_analysis_options *o)
{
	jx_trend_result *r;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	r->alpha = o ? o->alpha : 0.05;
	if ((rc = jx_units_build(&r->units, s, o)) || (rc = trend_rows(r, o))) {
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

int jx_trend_result_compact(jx_trend_result *r)
{
	jx_units *u = r->units;
	jx_unit *kept = malloc((r->nrows ? r->nrows : 1) * sizeof(*kept));
	if (!kept)
		return jx__oom();
	for (size_t i = 0; i < r->nrows; i++) { /* move the rows' units out */
		jx_unit *orig = (jx_unit *)r->rows[i].unit;
		kept[i] = *orig;
		orig->key = orig->level1 = orig->level2 = orig->level3 = NULL;
		orig->years = NULL;
	}
	for (size_t i = 0; i < u->nunits; i++)
		jx__unit_free_fields(&u->units[i]);
	free(u->units);
	u->units = kept;
	u->nunits = r->nrows;
	for (size_t i = 0; i < r->nrows; i++)
		r->rows[i].unit = &kept[i];
	return 0;
}
