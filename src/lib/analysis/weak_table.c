/* SPDX-License-Identifier: GPL-3.0-or-later */
/* weak_table.c -- the weak indicators as a table: each rule that fired with its
 * numbers, and the evidence year by year over the window; improved units last. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

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

/* Human reason: which rules fired, with their numbers (codes and English, like every
 * analysis table; the report words them for people). */
static char *reason(const jx_weak_row *row, const jx_weak_result *r, const jx_analysis_options *o)
{
	char a[40], b2[40];
	jx__buf b;
	jx__buf_init(&b);
	jx_number_format(a, sizeof(a), row->latest_lost);
	jx_number_format(b2, sizeof(b2), row->latest_weight);
	if (row->rules & JX_WEAK_NEW)
		jx__buf_printf(&b, "new: lost %s of %s in %d%s", a, b2, r->window[r->nwindow - 1],
			       row->ndeducted == 1 ? ", the only loss in the window" : "");
	if (row->rules & JX_WEAK_PERSISTENT)
		jx__buf_printf(&b,
			       "%spersistent: lost points in %zu of the last %zu years "
			       "(rule: >= %d, the latest included)",
			       b.len ? "; " : "", row->ndeducted, r->nwindow, o->weak_min_deducted);
	if (row->rules & JX_WEAK_LARGE)
		jx__buf_printf(&b, "%slarge: %.4g of the department's points lost (rule: >= %g)",
			       b.len ? "; " : "", row->share, o->weak_large_share);
	if (row->rules & JX_WEAK_LOW_RATE)
		jx__buf_printf(&b, "%smean rate %.4g < %g", b.len ? "; " : "", row->mean_rate,
			       o->weak_threshold);
	if (row->rules & JX_WEAK_FALLING)
		jx__buf_printf(&b, "%sfalling: Mann-Kendall p = %.3g, q = %.3g < %g",
			       b.len ? "; " : "", row->trend.mk.p_value, row->trend.q_value,
			       o->alpha);
	if (row->rules & JX_WEAK_RESOLVED)
		jx__buf_printf(&b, "resolved: full marks in the last %d years after a loss",
			       o->weak_resolved_years);
	return jx__buf_detach(&b);
}

static const jx__col weak_cols[] = {
	JX__UNIT_COLS,
	{"rules", N_("rules"), JX_COL_TEXT, 0},
	{"reason", N_("grounds"), JX_COL_TEXT, 0},
	{"deducted_years", N_("years deducted"), JX_COL_INT, 0},
	{"window_years", N_("window years"), JX_COL_INT, 0},
	{"mean_rate", N_("window rate"), JX_COL_FIXED, 3},
	{"points_lost", N_("window lost"), JX_COL_NUMBER, 0},
	{"slope", N_("slope/yr"), JX_COL_FIXED, 4},
	{"p_value", N_("p-value"), JX_COL_FIXED, 4},
	{"evidence", N_("evidence (year rate (lost))"), JX_COL_TEXT, 0},
};

/* Added after provenance (docs/formats.md, Changes). */
static const jx__col weak_tail[] = {{"q_value", N_("q"), JX_COL_FIXED, 4},
				    {"latest_lost", N_("latest lost"), JX_COL_NUMBER, 0},
				    {"share_of_lost", N_("share of dept lost"), JX_COL_FIXED, 3}};

static int weak_table_row(jx_table *t, int c, const jx_weak_result *r, const jx_weak_row *row,
			  const jx_analysis_options *o)
{
	char rules[64], *why, *ev;
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
	       jx__set_number(t, jx_table_find_column(t, "q_value"), row->trend.q_value) |
	       jx__set_number(t, jx_table_find_column(t, "latest_lost"), row->latest_lost) |
	       jx__set_number(t, jx_table_find_column(t, "share_of_lost"), row->share));
	free(why);
	free(ev);
	return bad ? JX_ENOMEM : 0;
}

static void weak_note(jx_table *t, const jx_weak_result *r, const jx_analysis_options *o)
{
	jx_table_add_note(
		t,
		_("%s (%s): %zu of %zu units weak, %zu improved; window %d–%d; rules: new "
		  "(lost >= %g of its weight in %d, or lost points then only), persistent "
		  "(lost points in >= %d of the last %d years, the latest included), large "
		  "(>= %g of the department's points lost in the window); resolved: full "
		  "marks in the last %d years after a loss"),
		r->units->scope, jx_kind_label(r->units->kind), r->nrows, r->nchecked, r->nimproved,
		r->window[0], r->window[r->nwindow - 1], o->weak_new_share,
		r->window[r->nwindow - 1], o->weak_min_deducted, o->weak_window,
		o->weak_large_share, o->weak_resolved_years);
	if (o->weak_low_rate)
		jx_table_add_note(t, _("also low_rate: mean rate over the window < %g"),
				  o->weak_threshold);
	if (o->weak_trend)
		jx_table_add_note(t, _("also falling: a falling trend, q < %g"), o->alpha);
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
	if ((rc = jx__table_columns(t, weak_tail, sizeof(weak_tail) / sizeof(*weak_tail)))) {
		jx_table_free(t);
		return rc;
	}
	weak_note(t, r, o);
	for (size_t i = 0; i < r->nrows + r->nimproved; i++) {
		const jx_weak_row *row = i < r->nrows ? &r->rows[i] : &r->improved[i - r->nrows];
		if ((rc = weak_table_row(t, c, r, row, o))) {
			jx_table_free(t);
			return rc;
		}
	}
	*out = t;
	return 0;
}
