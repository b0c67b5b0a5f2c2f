/* SPDX-License-Identifier: GPL-3.0-or-later */
/* compare.c -- one year against another, and self-scores against the review.
 *
 * Rates are compared, not points, because weights change between years;
 * points are shown too. Status rules and their order are in
 * docs/methods.md §5.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

const char *jx_compare_status_name(jx_compare_status st)
{
	static const char *const names[] = {"improved", "declined",       "unchanged", "new",
					    "dropped",  "weight changed", "unknown"};
	return (unsigned)st < sizeof(names) / sizeof(*names) ? names[st] : "unknown";
}

const char *jx_compare_status_label(jx_compare_status st)
{
	/* TRANSLATORS: how an indicator changed between two years */
	static const char *const labels[] = {
		N_("improved"), N_("declined"),       N_("unchanged"),    N_("new"),
		N_("dropped"),  N_("weight changed"), N_("score missing")};
	return (unsigned)st < sizeof(labels) / sizeof(*labels) ? _(labels[st]) : "";
}

static size_t find_year(const jx_units *u, int year)
{
	for (size_t i = 0; i < u->nyears; i++)
		if (u->years[i] == year)
			return i;
	return (size_t)-1;
}

static jx_compare_status status_of(const jx_compare_row *row)
{
	if (!row->from->nrows)
		return JX_CMP_NEW;
	if (!row->to->nrows)
		return JX_CMP_DROPPED;
	if (isnan(row->from->score) || isnan(row->to->score))
		return JX_CMP_UNKNOWN;
	if (fabs(row->from->weight - row->to->weight) > JX__EPS)
		return JX_CMP_WEIGHT_CHANGED;
	if (row->delta_rate > JX__EPS)
		return JX_CMP_IMPROVED;
	if (row->delta_rate < -JX__EPS)
		return JX_CMP_DECLINED;
	return JX_CMP_UNCHANGED;
}

/* Level, then Δ rate ascending (largest declines first), unknown Δ last, then unit order. */
static int cmp_compare(const void *pa, const void *pb)
{
	const jx_compare_row *a = pa, *b = pb;
	int na = isnan(a->delta_rate), nb = isnan(b->delta_rate);
	if (a->unit->level != b->unit->level)
		return a->unit->level < b->unit->level ? -1 : 1;
	if (na != nb)
		return na - nb;
	if (!na && a->delta_rate != b->delta_rate)
		return a->delta_rate < b->delta_rate ? -1 : 1;
	return (a->unit > b->unit) - (a->unit < b->unit);
}

int jx_compare_compute(jx_compare_result **out, const jx_series *s, int year_from, int year_to,
		       const jx_analysis_options *o)
{
	jx_compare_result *r;
	jx_analysis_options all;
	size_t yf, yt;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	r->year_from = year_from;
	r->year_to = year_to;
	jx_analysis_options_init(&all); /* both years must be there whatever the range */
	if ((rc = jx_units_build(&r->units, s, &all)))
		goto out;
	yf = find_year(r->units, year_from);
	yt = find_year(r->units, year_to);
	if (yf == (size_t)-1 || yt == (size_t)-1) {
		rc = jx__error(JX_ENOTFOUND, _("no %s evaluation of '%s' in %d"),
			       jx_kind_name(s->kind), s->department,
			       yf == (size_t)-1 ? year_from : year_to);
		goto out;
	}
	if (!(r->rows = calloc(r->units->nunits + 1, sizeof(*r->rows)))) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < r->units->nunits; i++) {
		const jx_unit *un = &r->units->units[i];
		jx_compare_row *row = &r->rows[r->nrows];
		if (!jx_level_selected(o, un->level) ||
		    (!un->years[yf].nrows && !un->years[yt].nrows))
			continue;
		row->unit = un;
		row->from = &un->years[yf];
		row->to = &un->years[yt];
		row->delta_rate = row->to->rate - row->from->rate;
		row->delta_points = jx__tidy(row->to->score - row->from->score);
		row->status = status_of(row);
		r->nrows++;
	}
	jx__sort(r->rows, r->nrows, sizeof(*r->rows), cmp_compare);
out:
	if (rc) {
		jx_compare_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_compare_result_free(jx_compare_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->rows);
	free(r);
}

static const jx__col compare_cols[] = {
	JX__UNIT_COLS,
	{"weight_from", N_("weight (from)"), JX_COL_NUMBER, 0},
	{"score_from", N_("score (from)"), JX_COL_NUMBER, 0},
	{"rate_from", N_("rate (from)"), JX_COL_FIXED, 3},
	{"weight_to", N_("weight (to)"), JX_COL_NUMBER, 0},
	{"score_to", N_("score (to)"), JX_COL_NUMBER, 0},
	{"rate_to", N_("rate (to)"), JX_COL_FIXED, 3},
	{"delta_rate_pp", N_("Δ rate pp"), JX_COL_FIXED, 1},
	{"delta_points", N_("Δ score"), JX_COL_NUMBER, 0},
	{"status", N_("status"), JX_COL_TEXT, 0},
	{"missing_from", N_("missing (from)"), JX_COL_INT, 0},
	{"missing_to", N_("missing (to)"), JX_COL_INT, 0},
	{"inferred", N_("inferred"), JX_COL_INT, 0},
};

/* Weight and score of a unit-year, blank when the unit is absent. */
static int set_year(jx_table *t, int col, const jx_unit_year *uy)
{
	if (!uy->nrows)
		return 0;
	return jx__set_number(t, col, uy->weight) | jx__set_number(t, col + 1, uy->score) |
	       jx__set_number(t, col + 2, uy->rate);
}

static int compare_table_row(jx_table *t, int c, const jx_compare_result *r,
			     const jx_compare_row *row, const jx_analysis_options *o)
{
	int bad;
	if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance, o) ||
	    jx__table_unit(t, c, row->unit))
		return JX_ENOMEM;
	bad = set_year(t, c + 4, row->from) | set_year(t, c + 7, row->to) |
	      jx__set_number(t, c + 10, row->delta_rate * 100) |
	      jx__set_number(t, c + 11, row->delta_points) |
	      jx_table_set_text(t, c + 12, jx_compare_status_name(row->status)) |
	      jx_table_set_int(t, c + 13, row->from->nmissing) |
	      jx_table_set_int(t, c + 14, row->to->nmissing) |
	      jx_table_set_int(t, c + 15, (long long)row->from->ninferred + row->to->ninferred);
	if (row->status == JX_CMP_DECLINED ||
	    (row->status == JX_CMP_WEIGHT_CHANGED && row->delta_rate < -JX__EPS))
		jx_table_mark_row(t);
	return bad ? JX_ENOMEM : 0;
}

int jx_compare_table(jx_table **out, const jx_compare_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, rc;
	if ((rc = jx__table_start(&t, &c, compare_cols,
				  sizeof(compare_cols) / sizeof(*compare_cols), o,
				  r->units->provenance)))
		return rc;
	jx_table_add_note(t, _("%s (%s): %d → %d; rate = score / weight, Δ in percentage points"),
			  r->units->scope, jx_kind_label(r->units->kind), r->year_from, r->year_to);
	for (size_t i = 0; i < r->nrows; i++)
		if ((rc = compare_table_row(t, c, r, &r->rows[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}

/* ---- self against review ---- */

static int cmp_selfreview(const void *pa, const void *pb)
{
	const jx_selfreview_row *a = pa, *b = pb;
	int na = isnan(a->diff_points), nb = isnan(b->diff_points);
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->unit->level != b->unit->level)
		return a->unit->level < b->unit->level ? -1 : 1;
	if (na != nb)
		return na - nb;
	if (!na && a->diff_points != b->diff_points)
		return a->diff_points > b->diff_points ? -1 : 1;
	return (a->unit > b->unit) - (a->unit < b->unit);
}

/* Rows of one year present in both evaluations; match[i] is the review unit of self unit i. */
static void selfreview_year(jx_selfreview_result *r, const jx_unit **match, size_t ys, size_t yr,
			    const jx_analysis_options *o)
{
	const jx_units *su = r->self_units;
	for (size_t i = 0; i < su->nunits; i++) {
		jx_selfreview_row *row = &r->rows[r->nrows];
		if (!match[i] || !jx_level_selected(o, su->units[i].level) ||
		    !su->units[i].years[ys].nrows || !match[i]->years[yr].nrows)
			continue;
		row->unit = &su->units[i];
		row->year = su->years[ys];
		row->self = &su->units[i].years[ys];
		row->review = &match[i]->years[yr];
		row->diff_points = jx__tidy(row->self->score - row->review->score);
		row->diff_rate = row->self->rate - row->review->rate;
		r->nhigher += (size_t)(row->diff_points > JX__EPS);
		r->nrows++;
	}
}

static int selfreview_rows(jx_selfreview_result *r, const jx_analysis_options *o)
{
	const jx_units *su = r->self_units, *ru = r->review_units;
	const jx_unit **match = calloc(su->nunits + 1, sizeof(*match));
	if (!match || !(r->rows = calloc(su->nunits * su->nyears + 1, sizeof(*r->rows)))) {
		free(match);
		return jx__oom();
	}
	for (size_t i = 0; i < su->nunits; i++)
		match[i] = jx_units_find(ru, su->units[i].level, su->units[i].key);
	for (size_t ys = 0; ys < su->nyears; ys++) {
		size_t yr = find_year(ru, su->years[ys]);
		if (yr != (size_t)-1)
			selfreview_year(r, match, ys, yr, o);
	}
	free(match);
	jx__sort(r->rows, r->nrows, sizeof(*r->rows), cmp_selfreview);
	return 0;
}

int jx_compare_self_review(jx_selfreview_result **out, const jx_series *self,
			   const jx_series *review, const jx_analysis_options *o)
{
	jx_selfreview_result *r;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	if ((rc = jx_units_build(&r->self_units, self, o)) ||
	    (rc = jx_units_build(&r->review_units, review, o)) || (rc = selfreview_rows(r, o)))
		goto out;
	if (r->nrows == 0)
		rc = jx__error(JX_ENOTFOUND,
			       _("'%s' has no year with both a self-evaluation and a "
				 "review in that range"),
			       self->department);
out:
	if (rc) {
		jx_selfreview_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_selfreview_result_free(jx_selfreview_result *r)
{
	if (!r)
		return;
	jx_units_free(r->self_units);
	jx_units_free(r->review_units);
	free(r->rows);
	free(r);
}

static const jx__col selfreview_cols[] = {
	{"year", N_("year"), JX_COL_INT, 0},
	JX__UNIT_COLS,
	{"weight", N_("weighting"), JX_COL_NUMBER, 0},
	{"review_weight", N_("review weight"), JX_COL_NUMBER, 0},
	{"self_score", N_("self score"), JX_COL_NUMBER, 0},
	{"review_score", N_("review score"), JX_COL_NUMBER, 0},
	{"diff_points", N_("diff (points)"), JX_COL_NUMBER, 0},
	{"self_rate", N_("self rate"), JX_COL_FIXED, 3},
	{"review_rate", N_("review rate"), JX_COL_FIXED, 3},
	{"diff_rate_pp", N_("diff (pp)"), JX_COL_FIXED, 1},
	{"self_higher", N_("self higher"), JX_COL_TEXT, 0},
};

static int selfreview_table_row(jx_table *t, int c, const jx_selfreview_result *r,
				const jx_selfreview_row *row, const jx_analysis_options *o)
{
	int bad, higher = row->diff_points > JX__EPS;
	if (jx__table_row(t, r->self_units->department, r->self_units->project,
			  r->self_units->provenance, o) ||
	    jx__table_unit(t, c + 1, row->unit))
		return JX_ENOMEM;
	bad = jx_table_set_int(t, c, row->year) | jx__set_number(t, c + 5, row->self->weight) |
	      jx__set_number(t, c + 6, row->review->weight) |
	      jx__set_number(t, c + 7, row->self->score) |
	      jx__set_number(t, c + 8, row->review->score) |
	      jx__set_number(t, c + 9, row->diff_points) |
	      jx__set_number(t, c + 10, row->self->rate) |
	      jx__set_number(t, c + 11, row->review->rate) |
	      jx__set_number(t, c + 12, row->diff_rate * 100) |
	      jx_table_set_text(t, c + 13,
				isnan(row->diff_points) ? NULL
				: higher                ? "yes"
							: "no");
	if (higher)
		jx_table_mark_row(t);
	return bad ? JX_ENOMEM : 0;
}

int jx_selfreview_table(jx_table **out, const jx_selfreview_result *r, const jx_analysis_options *o,
			int only_higher)
{
	jx_table *t;
	int c, rc;
	if ((rc = jx__table_start(&t, &c, selfreview_cols,
				  sizeof(selfreview_cols) / sizeof(*selfreview_cols), o,
				  r->self_units->provenance)))
		return rc;
	jx_table_add_note(t,
			  _("%s: self-evaluation against the finance bureau's review; "
			    "%zu of %zu matched units score higher in the self-evaluation%s"),
			  r->self_units->department, r->nhigher, r->nrows,
			  only_higher ? _(" (only those are listed)") : "");
	for (size_t i = 0; i < r->nrows; i++) {
		if (only_higher && !(r->rows[i].diff_points > JX__EPS))
			continue;
		if ((rc = selfreview_table_row(t, c, r, &r->rows[i], o))) {
			jx_table_free(t);
			return rc;
		}
	}
	*out = t;
	return 0;
}
