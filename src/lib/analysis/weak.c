/* SPDX-License-Identifier: GPL-3.0-or-later */
/* weak.c -- persistently weak indicators by an explainable rule.
 *
 * Over the last N evaluated years (the window) a unit is flagged when it
 * was deducted in at least K of them, or its mean rate there is below a
 * threshold, or its rate is falling over the whole range (the trend test
 * of trend.c, the units examined being its family). Only units present in the window are examined; only flagged
 * units are listed, each with the rule that fired and its evidence
 * (docs/methods.md §8).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

void jx_weak_rules_format(char *buf, size_t size, unsigned rules)
{
	snprintf(buf, size, "%s%s%s%s%s", rules & JX_WEAK_DEDUCTED ? "deducted" : "",
		 (rules & JX_WEAK_DEDUCTED) && (rules & (JX_WEAK_LOW_RATE | JX_WEAK_FALLING)) ? ","
											      : "",
		 rules & JX_WEAK_LOW_RATE ? "low_rate" : "",
		 (rules & JX_WEAK_LOW_RATE) && (rules & JX_WEAK_FALLING) ? "," : "",
		 rules & JX_WEAK_FALLING ? "falling" : "");
}

static int weak_level(const jx_analysis_options *o)
{
	return !o || o->level == JX_LEVEL_ALL ? JX_LEVEL_3 : o->level;
}

/* Window facts of one unit; returns the window years in which it is present. */
static size_t window_facts(jx_weak_row *row, const jx_weak_result *r)
{
	size_t first = r->units->nyears - r->nwindow, nrate = 0;
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
	return row->window_present;
}

static unsigned rules_of(const jx_weak_row *row, const jx_analysis_options *o)
{
	unsigned rules = 0;
	if ((int)row->ndeducted >= o->weak_min_deducted)
		rules |= JX_WEAK_DEDUCTED;
	if (!isnan(row->mean_rate) && row->mean_rate < o->weak_threshold)
		rules |= JX_WEAK_LOW_RATE;
	if (o->weak_trend && row->trend.direction == JX_DIR_FALLING)
		rules |= JX_WEAK_FALLING;
	return rules;
}

/* Examine every unit of the level present in the window (the trend family),
 * then keep the flagged ones at the front. */
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
		if (row->unit->level != level || !window_facts(row, r))
			continue;
		if ((rc = jx__trend_unit(&row->trend, r->units, x, y, per)) == 0)
			family[r->nchecked++] = &row->trend;
	}
	if (rc == 0 && (rc = jx__trend_decide(family, r->nchecked, o->alpha)) == 0)
		for (size_t i = 0; i < r->nchecked; i++)
			if ((r->rows[i].rules = rules_of(&r->rows[i], o)))
				r->rows[r->nrows++] = r->rows[i];
	for (size_t i = 0; i < r->nrows; i++)
		r->rows[i].trend.unit = r->rows[i].unit;
	free(x), free(y), free(per), free(family);
	return rc;
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
	if (o->weak_window < 1 || o->weak_min_deducted < 1)
		return jx__error(JX_EINVAL, "weak: window and count must be at least 1");
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	if ((rc = jx_units_build(&r->units, s, o)))
		goto out;
	r->nwindow = r->units->nyears < (size_t)o->weak_window ? r->units->nyears
							       : (size_t)o->weak_window;
	r->window = r->units->years + (r->units->nyears - r->nwindow);
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
	free(r);
}

/* "2021 0.75 (−0.5); 2022 1 (0); 2023 ? (missing)" over the window. */
static char *evidence(const jx_weak_result *r, const jx_unit *un)
{
	char rate[40], lost[40];
	jx__buf b;
	jx__buf_init(&b);
	for (size_t y = r->units->nyears - r->nwindow; y < r->units->nyears; y++) {
		const jx_unit_year *uy = &un->years[y];
		if (!uy->nrows) {
			jx__buf_printf(&b, "%s%d absent", b.len ? "; " : "", r->units->years[y]);
			continue;
		}
		if (isnan(uy->rate)) {
			jx__buf_printf(&b, "%s%d ? (missing)", b.len ? "; " : "",
				       r->units->years[y]);
			continue;
		}
		jx__format_rate(rate, sizeof(rate), uy->rate);
		jx_number_format(lost, sizeof(lost), jx__tidy(uy->weight - uy->score));
		jx__buf_printf(&b, "%s%d %s (%s%s)%s", b.len ? "; " : "", r->units->years[y], rate,
			       jx_unit_year_deducted(uy) ? "-" : "", lost,
			       uy->ninferred ? " inferred" : "");
	}
	return jx__buf_detach(&b);
}

/* Human reason: which rules fired, with their numbers. */
static char *reason(const jx_weak_row *row, const jx_weak_result *r, const jx_analysis_options *o)
{
	jx__buf b;
	jx__buf_init(&b);
	if (row->rules & JX_WEAK_DEDUCTED)
		jx__buf_printf(&b, "deducted in %zu of the last %zu years (rule: >= %d)",
			       row->ndeducted, r->nwindow, o->weak_min_deducted);
	if (row->rules & JX_WEAK_LOW_RATE)
		jx__buf_printf(&b, "%smean rate %.4g < %g", b.len ? "; " : "", row->mean_rate,
			       o->weak_threshold);
	if (row->rules & JX_WEAK_FALLING)
		jx__buf_printf(&b, "%sfalling: Mann-Kendall p = %.3g, q = %.3g < %g",
			       b.len ? "; " : "", row->trend.mk.p_value, row->trend.q_value,
			       o->alpha);
	return jx__buf_detach(&b);
}

static const jx__col weak_cols[] = {
	JX__UNIT_COLS,
	{"rules", "规则", JX_COL_TEXT, 0},
	{"reason", "依据", JX_COL_TEXT, 0},
	{"deducted_years", "扣分年数", JX_COL_INT, 0},
	{"window_years", "窗口年数", JX_COL_INT, 0},
	{"mean_rate", "窗口平均得分率", JX_COL_FIXED, 3},
	{"points_lost", "窗口扣分", JX_COL_NUMBER, 0},
	{"slope", "斜率/年", JX_COL_FIXED, 4},
	{"p_value", "p值", JX_COL_FIXED, 4},
	{"evidence", "证据(年 得分率 (扣分))", JX_COL_TEXT, 0},
};

/* Added after provenance (docs/formats.md, Changes). */
static const jx__col weak_tail[] = {{"q_value", "q值", JX_COL_FIXED, 4}};

static int weak_table_row(jx_table *t, int c, const jx_weak_result *r, const jx_weak_row *row,
			  const jx_analysis_options *o)
{
	char rules[48], *why, *ev;
	int bad;
	if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance, o) ||
	    jx__table_unit(t, c, row->unit))
		return JX_ENOMEM;
	jx_weak_rules_format(rules, sizeof(rules), row->rules);
	why = reason(row, r, o);
	ev = evidence(r, row->unit);
	bad = !why || !ev;
	bad = bad ||
	      (jx_table_set_text(t, c + 4, rules) | jx_table_set_text(t, c + 5, why) |
	       jx_table_set_int(t, c + 6, (long long)row->ndeducted) |
	       jx_table_set_int(t, c + 7, (long long)row->window_present) |
	       jx__set_number(t, c + 8, row->mean_rate) |
	       jx__set_number(t, c + 9, row->points_lost) |
	       jx__set_number(t, c + 10, row->trend.fit.slope) |
	       jx__set_number(t, c + 11, row->trend.mk.p_value) | jx_table_set_text(t, c + 12, ev) |
	       jx__set_number(t, jx_table_find_column(t, "q_value"), row->trend.q_value));
	free(why);
	free(ev);
	return bad ? JX_ENOMEM : 0;
}

int jx_weak_table(jx_table **out, const jx_weak_result *r, const jx_analysis_options *o)
{
	jx_analysis_options defaults;
	jx_table *t;
	int c, rc;
	if (!o) {
		jx_analysis_options_init(&defaults);
		o = &defaults;
	}
	if ((rc = jx__table_start(&t, &c, weak_cols, sizeof(weak_cols) / sizeof(*weak_cols), o,
				  r->units->provenance)))
		return rc;
	if ((rc = jx__table_columns(t, weak_tail, 1))) {
		jx_table_free(t);
		return rc;
	}
	jx_table_add_note(t,
			  "%s (%s): %zu of %zu units flagged; window %d–%d; rules: deducted in "
			  ">= %d of the last %d years, or mean rate < %g, or falling at alpha %g",
			  r->units->scope, jx_kind_name(r->units->kind), r->nrows, r->nchecked,
			  r->window[0], r->window[r->nwindow - 1], o->weak_min_deducted,
			  o->weak_window, o->weak_threshold, o->alpha);
	for (size_t i = 0; i < r->nrows; i++)
		if ((rc = weak_table_row(t, c, r, &r->rows[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}
