/* SPDX-License-Identifier: GPL-3.0-or-later */
/* weak.c -- weak indicators by points and recency.
 *
 * Over the window (the last N evaluated years) an indicator present in the
 * latest year is weak when it is *new* (it lost at least half its weight in
 * the latest year, or lost points in the latest window year only),
 * *persistent* (it lost points in at least K window years, the latest among
 * them) or *large* (its points lost over the window are at least 15% of the
 * department's). One that lost points earlier in the window but has full
 * marks in its last two years is *resolved*: not weak, listed as improved.
 * Two rules of the old kind can be turned on: a low mean rate and a
 * falling trend (the trend test of trend.c, the units examined being its
 * family). The report, `weak` and the overview all read these rules, so
 * they agree (docs/report.md, "Weak indicators"; docs/methods.md §8).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

void jx_weak_rules_format(char *buf, size_t size, unsigned rules)
{
	static const char *const names[] = {"new",      "persistent", "large",
					    "low_rate", "falling",    "resolved"};
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if ((rules & (1u << i)) && len < size) {
			int n = snprintf(buf + len, size - len, "%s%s", len ? "," : "", names[i]);
			len += n > 0 ? (size_t)n : 0;
		}
}

static int weak_level(const jx_analysis_options *o)
{
	return !o || o->level == JX_LEVEL_ALL ? JX_LEVEL_3 : o->level;
}

/* Points lost in one unit-year; 0 when absent or the score is missing. */
static double year_lost(const jx_unit_year *uy)
{
	return uy->nrows && !isnan(uy->score) ? jx__tidy(uy->weight - uy->score) : 0;
}

/* The department's points lost over the window: every level-3 unit, known scores. */
static double department_points(const jx_weak_result *r)
{
	double sum = 0;
	for (size_t i = 0; i < r->units->nunits; i++)
		for (size_t y = r->units->nyears - r->nwindow; y < r->units->nyears; y++)
			if (r->units->units[i].level == JX_LEVEL_3)
				sum += year_lost(&r->units->units[i].years[y]);
	return jx__tidy(sum);
}

/* Window facts of one unit. */
static void window_facts(jx_weak_row *row, const jx_weak_result *r)
{
	size_t first = r->units->nyears - r->nwindow, nrate = 0;
	const jx_unit_year *last = &row->unit->years[r->units->nyears - 1];
	double sum = 0, lost = 0;
	for (size_t y = first; y < r->units->nyears; y++) {
		const jx_unit_year *uy = &row->unit->years[y];
		if (!uy->nrows)
			continue;
		row->window_present++;
		row->ndeducted += (size_t)jx_unit_year_deducted(uy);
		if (!isnan(uy->rate)) {
			sum += uy->rate;
			lost += uy->weight - uy->score;
			nrate++;
		}
	}
	row->mean_rate = nrate ? sum / (double)nrate : NAN;
	row->points_lost = jx__tidy(lost);
	row->latest_weight = last->weight;
	row->latest_lost = isnan(last->score) ? NAN : year_lost(last);
	row->share = r->dept_points > 0 ? row->points_lost / r->dept_points : NAN;
}

/* Full marks in each of the last n evaluated years (present, known, no loss) after a loss in
 * an earlier window year. */
static int resolved(const jx_weak_row *row, const jx_weak_result *r, int n)
{
	size_t ny = r->units->nyears, first = ny - r->nwindow, lost = 0;
	if (n < 1 || (size_t)n >= r->nwindow)
		return 0;
	for (size_t y = ny - (size_t)n; y < ny; y++) {
		const jx_unit_year *uy = &row->unit->years[y];
		if (!uy->nrows || isnan(uy->score) || jx_unit_year_deducted(uy))
			return 0;
	}
	for (size_t y = first; y < ny - (size_t)n; y++)
		lost += (size_t)jx_unit_year_deducted(&row->unit->years[y]);
	return lost > 0;
}

static unsigned rules_of(const jx_weak_row *row, const jx_weak_result *r,
			 const jx_analysis_options *o)
{
	const jx_unit_year *last = &row->unit->years[r->units->nyears - 1];
	int lost_now = jx_unit_year_deducted(last);
	unsigned rules = 0;
	if (lost_now &&
	    (row->latest_lost >= o->weak_new_share * last->weight - JX__EPS || row->ndeducted == 1))
		rules |= JX_WEAK_NEW;
	if (lost_now && (int)row->ndeducted >= o->weak_min_deducted)
		rules |= JX_WEAK_PERSISTENT;
	if (row->points_lost > 0 && row->share >= o->weak_large_share - JX__EPS)
		rules |= JX_WEAK_LARGE;
	if (o->weak_low_rate && !isnan(row->mean_rate) && row->mean_rate < o->weak_threshold)
		rules |= JX_WEAK_LOW_RATE;
	if (o->weak_trend && row->trend.direction == JX_DIR_FALLING)
		rules |= JX_WEAK_FALLING;
	if (resolved(row, r, o->weak_resolved_years))
		rules = JX_WEAK_RESOLVED;
	return rules;
}

/* Sort the examined rows (r->rows[0..nchecked)) into weak rows, then improved ones. */
static int split_rows(jx_weak_result *r)
{
	if (!(r->improved = calloc(r->nchecked + 1, sizeof(*r->improved))))
		return jx__oom();
	for (size_t i = 0; i < r->nchecked; i++) {
		jx_weak_row row = r->rows[i];
		row.trend.unit = row.unit;
		if (row.rules == JX_WEAK_RESOLVED)
			r->improved[r->nimproved++] = row;
		else if (row.rules)
			r->rows[r->nrows++] = row;
	}
	return 0;
}

/* Examine every unit of the level present in the latest year (the trend family). */
static int weak_rows(jx_weak_result *r, const jx_analysis_options *o)
{
	size_t ny = r->units->nyears, *per = malloc(ny * sizeof(*per));
	double *x = malloc(ny * sizeof(*x)), *y = malloc(ny * sizeof(*y));
	jx_trend_row **family = malloc((r->units->nunits + 1) * sizeof(*family));
	int rc = 0, level = weak_level(o);
	if (!x || !y || !per || !family ||
	    !(r->rows = calloc(r->units->nunits + 1, sizeof(*r->rows))))
		rc = jx__oom();
	for (size_t i = 0; rc == 0 && i < r->units->nunits; i++) {
		jx_weak_row *row = &r->rows[r->nchecked];
		memset(row, 0, sizeof(*row));
		row->unit = row->trend.unit = &r->units->units[i];
		if (row->unit->level != level || !row->unit->years[ny - 1].nrows)
			continue;
		window_facts(row, r);
		if ((rc = jx__trend_unit(&row->trend, r->units, x, y, per)) == 0)
			family[r->nchecked++] = &row->trend;
	}
	if (rc == 0 && (rc = jx__trend_decide(family, r->nchecked, o->alpha)) == 0) {
		for (size_t i = 0; i < r->nchecked; i++)
			r->rows[i].rules = rules_of(&r->rows[i], r, o);
		rc = split_rows(r);
	}
	free(x), free(y), free(per), free(family);
	return rc;
}

static int check_options(const jx_analysis_options *o)
{
	if (o->weak_window < 1 || o->weak_min_deducted < 1)
		return jx__error(JX_EINVAL, _("weak: window and count must be at least 1"));
	if (!(o->weak_new_share > 0 && o->weak_new_share <= 1) ||
	    !(o->weak_large_share > 0 && o->weak_large_share <= 1))
		return jx__error(JX_EINVAL, _("weak: the shares must lie in (0, 1]"));
	if (o->weak_resolved_years < 1)
		return jx__error(JX_EINVAL, _("weak: resolved years must be at least 1"));
	return 0;
}

int jx_weak_compute(jx_weak_result **out, const jx_series *s, const jx_analysis_options *o)
{
	jx_analysis_options defaults;
	jx_weak_result *r;
	int rc;

	*out = NULL;
	if (!o) {
		jx_analysis_options_init(&defaults);
		o = &defaults;
	}
	if ((rc = check_options(o)))
		return rc;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	if ((rc = jx_units_build(&r->units, s, o)))
		goto out;
	r->nwindow = r->units->nyears < (size_t)o->weak_window ? r->units->nyears
							       : (size_t)o->weak_window;
	r->window = r->units->years + (r->units->nyears - r->nwindow);
	r->dept_points = department_points(r);
	rc = weak_rows(r, o);
out:
	if (rc) {
		jx_weak_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_weak_result_free(jx_weak_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->rows);
	free(r->improved);
	free(r);
}
