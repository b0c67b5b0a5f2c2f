/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_summary.c -- section 2 (评价结论): where the department stands, in a few numbers.
 *
 * Latest total and grade (as `jixiao rank` prints them), the change since
 * the previous evaluated year (`jixiao compare`), the rank among the
 * departments of that year, next year's forecast of the total and the
 * count of weak indicators; then the key findings with links to the
 * sections that hold their evidence. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "report/internal.h"

const char *rp_unit_name(rd_doc *d, const jx_unit *un)
{
	const char *name = un->level == JX_LEVEL_1   ? un->level1
			   : un->level == JX_LEVEL_2 ? un->level2
			   : un->level == JX_LEVEL_3 ? un->level3
						     : NULL;
	if (un->level == JX_LEVEL_TOTAL)
		return _("Total");
	return name ? name : un->name;
}

const char *rp_unit_path(rd_doc *d, const jx_unit *un)
{
	if (un->level < JX_LEVEL_2 || !un->level2 || !*un->level2)
		return un->level1 ? un->level1 : "";
	return rd_printf(d, "%s / %s", un->level1 ? un->level1 : "", un->level2);
}

const char *rp_unit_label(rd_doc *d, const jx_units *u, const jx_unit *un)
{
	const char *name = rp_unit_name(d, un);
	if (un->level != JX_LEVEL_3 || !un->level2 || !*un->level2)
		return name;
	for (size_t i = 0; i < u->nunits; i++) {
		const jx_unit *o = &u->units[i];
		if (o->level == JX_LEVEL_3 && strcmp(o->key, un->key) && o->level3 &&
		    !strcmp(o->level3, name))
			return rd_printf(d, "%s · %s", un->level2, name);
	}
	return name;
}

size_t rp_unit_index(const jx_units *u, const jx_unit *un)
{
	return (size_t)(un - u->units);
}

const char *rp_years(rd_doc *d, int from, int to)
{
	return from == to ? rd_printf(d, "%d", from) : rd_printf(d, "%d–%d", from, to);
}

const char *rp_anchor(rd_doc *d, const char *prefix, size_t i)
{
	return rd_printf(d, "%s-%zu", prefix, i);
}

static const jx_compare_row *compare_total(const jx_report *r)
{
	for (size_t i = 0; r->compare && i < r->compare->nrows; i++)
		if (r->compare->rows[i].unit->level == JX_LEVEL_TOTAL)
			return &r->compare->rows[i];
	return NULL;
}

static const jx_forecast_row *forecast_total(const jx_report *r)
{
	for (size_t i = 0; r->forecast && i < r->forecast->nrows; i++)
		if (r->forecast->rows[i].unit->level == JX_LEVEL_TOTAL && r->forecast->rows[i].ok)
			return &r->forecast->rows[i];
	return NULL;
}

/* The latest year's headline total: the review's when the review's total is known (self
 * beside it), else the self-evaluation's as `jixiao rank` prints it. */
static void card_score(rd_doc *d, rd_block *cards, const jx_report *r)
{
	const jx_units *u = r->trend->units;
	const jx_unit_year *uy = &u->units[0].years[u->nyears - 1];
	const jx_standing *st = r->standing_latest;
	double score = r->rank_row ? r->rank_row->total_score : uy->score;
	double weight = r->rank_row ? r->rank_row->total_weight : uy->weight;
	const char *grade = r->rank_row && r->rank_row->grade ? jx_grade_label(r->rank_row->grade)
							      : RD_DASH;
	if (st && st->basis == JX_KIND_REVIEW && r->kind == JX_KIND_SELF) {
		rd_card_add(d, cards, rd_printf(d, _("Total score %d (review)"), r->year_latest),
			    rd_printf(d, "%s / %s", rd_pts(d, st->score), rd_pts(d, st->weight)),
			    rd_printf(d, _("grade: %s; self-evaluation %s (%s)"),
				      *st->grade ? jx_grade_label(st->grade) : RD_DASH,
				      rd_pts(d, st->self_score),
				      *st->self_grade ? jx_grade_label(st->self_grade) : RD_DASH),
			    RD_STRONG);
		return;
	}
	rd_card_add(d, cards, rd_printf(d, _("Total score %d"), r->year_latest),
		    rd_printf(d, "%s / %s", rd_pts(d, score), rd_pts(d, weight)),
		    rd_printf(d, _("grade: %s"), grade), RD_STRONG);
}

static void card_change(rd_doc *d, rd_block *cards, const jx_report *r)
{
	const jx_compare_row *c = compare_total(r);
	unsigned cls;
	if (!c) {
		rd_card_add(d, cards, _("Change"), RD_DASH, _("only one evaluated year"), 0);
		return;
	}
	cls = c->delta_points > 0 ? RD_GOOD : c->delta_points < 0 ? RD_BAD : 0;
	rd_card_add(d, cards, rd_printf(d, _("Change since %d"), r->year_previous),
		    rd_printf(d, _("%s pts"), rd_dpts(d, c->delta_points)),
		    rd_printf(d, _("score rate %s pp"), rd_pp(d, c->delta_rate)), cls);
}

/* The rank among the department's peer group (same provenance) on the report's basis. */
static void card_rank(rd_doc *d, rd_block *cards, const jx_report *r)
{
	const jx_rank_row *row = r->rank_row;
	const char *label = rd_printf(d, _("Rank in %d"), r->year_latest);
	if (row && row->npeers == 1) {
		rd_card_add(d, cards, label, RD_DASH,
			    rd_printf(d, _("no peer group (%s departments)"),
				      jx_provenance_label(row->provenance)),
			    0);
		return;
	}
	if (!row || !row->rank) {
		rd_card_add(d, cards, label, RD_DASH, _("n/a"), 0);
		return;
	}
	rd_card_add(d, cards, label, rd_printf(d, "%zu / %zu", row->rank, row->npeers),
		    rd_printf(d,
			      ngettext("by %s totals, among %zu %s department · percentile %s",
				       "by %s totals, among %zu %s departments · percentile %s",
				       row->npeers),
			      jx_kind_label(r->rank->kind), row->npeers,
			      jx_provenance_label(row->provenance),
			      rd_fixed(d, row->percentile, 1)),
		    0);
}

static void card_forecast(rd_doc *d, rd_block *cards, const jx_report *r)
{
	const jx_forecast_row *fc = forecast_total(r);
	int year = r->forecast ? r->forecast->year : r->year_latest + 1;
	if (!fc) {
		rd_card_add(d, cards, rd_printf(d, _("Forecast score rate %d"), year), RD_DASH,
			    _("too few years"), 0);
		return;
	}
	/* plain words: the interval's level and its method are in appendix 4 */
	rd_card_add(d, cards, rd_printf(d, _("Forecast score rate %d"), year),
		    rd_pct(d, fc->forecast),
		    rd_printf(d, _("likely between %s and %s"), rd_pct(d, fc->pi_low),
			      rd_pct(d, fc->pi_high)),
		    0);
}

static void finding_trend(rd_doc *d, rd_block *list, const jx_report *r)
{
	const jx_trend_row *t = &r->trend->rows[0];
	rd_inline *in = rd_item(d, list, NULL);
	if (t->unit->level != JX_LEVEL_TOTAL || t->direction == JX_DIR_TOO_FEW) {
		rd_span_add(d, in, _("Fewer than 3 evaluated years: no trend of the total."), NULL,
			    0);
		return;
	}
	/* plain words in the body: the test, its p-value and n are in the appendix */
	rd_span_add(d, in,
		    rd_printf(d, _("Total score rate %d–%d: %s, about %s pp a year. "),
			      t->year_first, t->year_last, jx_direction_label(t->direction),
			      rd_slope(d, t->fit.slope)),
		    NULL, 0);
	rd_span_add(d, in, rd_printf(d, "→ %s", _("details")), rp_anchor(d, "#trend", 0), RD_MUTED);
}

static void finding_low_category(rd_doc *d, rd_block *list, const jx_report *r)
{
	const jx_units *u = r->trend->units;
	const jx_unit *low = NULL;
	size_t y = u->nyears - 1;
	for (size_t i = 0; i < u->nunits; i++) {
		const jx_unit *un = &u->units[i];
		if (un->level == JX_LEVEL_1 && !isnan(un->years[y].rate) &&
		    (!low || un->years[y].rate < low->years[y].rate))
			low = un;
	}
	if (low)
		rd_span_add(d, rd_item(d, list, NULL),
			    rd_printf(d, _("Lowest category in %d: “%s” at %s."), r->year_latest,
				      rp_unit_name(d, low), rd_pct(d, low->years[y].rate)),
			    NULL, 0);
}

static void finding_top_loss(rd_doc *d, rd_block *list, const jx_report *r)
{
	const jx_deductions_result *ded = r->deductions;
	rd_inline *in = rd_item(d, list, NULL);
	for (size_t i = 0; i < ded->npareto; i++) {
		const jx_pareto_row *p = &ded->pareto[i];
		if (p->unit->level != JX_LEVEL_3 || !(p->points > 0))
			continue;
		rd_span_add(d, in,
			    rd_printf(d,
				      ngettext("Most points lost over the range: “%s”, %s point, "
					       "%s of all points lost. ",
					       "Most points lost over the range: “%s”, %s points, "
					       "%s of all points lost. ",
					       rp_plural(p->points)),
				      rp_unit_name(d, p->unit), rd_pts(d, p->points),
				      rd_pct(d, p->share)),
			    NULL, 0);
		rd_span_add(d, in, rd_printf(d, "→ %s", _("details")),
			    rp_anchor(d, "#pareto", rp_unit_index(ded->units, p->unit)), RD_MUTED);
		return;
	}
	rd_span_add(d, in, _("No indicator lost points in the range."), NULL, 0);
}

/* Review first: the latest review beside the self score, and the gap over the years. */
static void finding_review(rd_doc *d, rd_block *list, const jx_report *r)
{
	const jx_standing *st = r->standing_latest;
	const jx_gap_result *g = r->gap;
	rd_inline *in;
	if (st && st->basis == JX_KIND_REVIEW && r->kind == JX_KIND_SELF)
		rd_span_add(
			d, rd_item(d, list, NULL),
			rd_printf(d,
				  _("The finance bureau's %d review scored %s (%s), the "
				    "self-evaluation %s (%s); this report goes by the review. "),
				  st->year, rd_pts(d, st->score),
				  *st->grade ? jx_grade_label(st->grade) : RD_DASH,
				  rd_pts(d, st->self_score),
				  *st->self_grade ? jx_grade_label(st->self_grade) : RD_DASH),
			NULL, st->rate < st->self_rate ? RD_BAD : 0);
	if (!g || !g->n)
		return;
	in = rd_item(d, list, NULL);
	rd_span_add(d, in,
		    rd_printf(d,
			      ngettext("Over %s, in %zu year with a review, the self-evaluation's "
				       "rate minus the review's averaged %s pp, higher in %zu and "
				       "lower in %zu",
				       "Over %s, in %zu years with a review, the self-evaluation's "
				       "rate minus the review's averaged %s pp, higher in %zu and "
				       "lower in %zu",
				       g->n),
			      rp_years(d, g->year_first, g->year_last), g->n,
			      rd_pp(d, g->mean_gap_rate), g->nhigher, g->nlower),
		    NULL, 0);
	/* plain words in the body: the sign test and its p-value are in appendix 7 */
	rd_span_add(d, in,
		    g->verdict == JX_GAP_TOO_FEW
			    ? _(": too few reviewed years to tell whether the department scores "
				"itself systematically higher than the review (5 at least). ")
		    : g->verdict == JX_GAP_OVER
			    ? _(": the department scores itself systematically higher than the "
				"review. ")
			    : _(": that is not enough to say it scores itself systematically "
				"higher than the review. "),
		    NULL, g->verdict == JX_GAP_OVER ? RD_BAD : 0);
	rd_span_add(d, in, rd_printf(d, "→ %s", _("details")), "#gap", RD_MUTED);
}

/* The ranked main problems by name; their evidence is section 4. */
static void finding_problems(rd_doc *d, rd_block *list, const jx_report *r)
{
	const char *names = "";
	rd_inline *in;
	if (!r->nproblems)
		return;
	for (size_t i = 0; i < r->nproblems; i++) {
		const char *q = rd_printf(
			d, _("“%s”"), rp_unit_label(d, r->deductions->units, r->problems[i].unit));
		names = i ? rd_printf(d, "%s%s%s", names, _(", "), q) : q;
	}
	in = rd_item(d, list, NULL);
	rd_span_add(d, in, rd_printf(d, _("The main problems in %d: %s; "), r->year_latest, names),
		    NULL, RD_BAD);
	rd_span_add(d, in, _("see section 4"), "#problems", 0);
	rd_span_add(d, in, _("."), NULL, 0);
}

static void finding_links(rd_doc *d, rd_block *list, const jx_report *r)
{
	rd_inline *in = rd_item(d, list, NULL);
	rd_span_add(d, in,
		    rd_printf(d,
			      ngettext("%zu indicator is flagged as weak, ",
				       "%zu indicators are flagged as weak, ",
				       r->weak->nrows),
			      r->weak->nrows),
		    NULL, 0);
	rd_span_add(d, in, _("see appendix 2"), "#weak", 0);
	rd_span_add(d, in, _("."), NULL, 0);
	if (r->funds && r->funds->warning) {
		in = rd_item(d, list, NULL);
		rd_span_add(d, in,
			    rd_printf(d,
				      ngettext("over the last %zu year expenditure grew %s a year, "
					       "above the %s "
					       "threshold, ",
					       "over the last %zu years expenditure grew %s a "
					       "year, above the "
					       "%s threshold, ",
					       r->funds->ngrowth),
				      r->funds->ngrowth, rd_pct(d, r->funds->mean_growth),
				      rd_pct(d, r->funds->threshold)),
			    NULL, RD_BAD);
		rd_span_add(d, in, _("see appendix 5"), "#growth", 0);
		rd_span_add(d, in, _("."), NULL, 0);
	}
	in = rd_item(d, list, NULL);
	rd_span_add(d, in,
		    rd_printf(d,
			      ngettext("%zu planning suggestion follows from the findings, ",
				       "%zu planning suggestions follow from the findings, ",
				       r->nsuggestions),
			      r->nsuggestions),
		    NULL, RD_STRONG);
	rd_span_add(d, in, _("see section 5"), "#suggestions", 0);
	rd_span_add(d, in, _("."), NULL, 0);
}

void rp_sec_summary(rd_doc *d, const jx_report *r)
{
	rd_block *cards, *list;
	rd_heading(d, 2, "summary", _("2. Conclusion"));
	cards = rd_cards(d);
	card_score(d, cards, r);
	card_change(d, cards, r);
	card_rank(d, cards, r);
	card_forecast(d, cards, r);
	rd_card_add(d, cards, _("Weak indicators"), rd_printf(d, "%zu", r->weak->nrows),
		    rd_printf(d,
			      ngettext("%zu planning suggestion", "%zu planning suggestions",
				       r->nsuggestions),
			      r->nsuggestions),
		    r->weak->nrows ? RD_BAD : RD_GOOD);
	rd_heading(d, 3, NULL, _("Key findings"));
	list = rd_list(d, 0);
	finding_review(d, list, r);
	finding_trend(d, list, r);
	finding_low_category(d, list, r);
	finding_top_loss(d, list, r);
	finding_problems(d, list, r);
	finding_links(d, list, r);
	if (r->series->nyears > 1) /* no chart of a single point */
		rd_chart_add(d, JX_CHART_TOTAL, "chart-total", rp_chart_title(JX_CHART_TOTAL));
	if (r->rank_row && r->rank_row->npeers > 1) /* no chart of a department alone */
		rd_chart_add(
			d, JX_CHART_RANK, "chart-rank",
			rd_printf(d, _("%s, %d"), rp_chart_title(JX_CHART_RANK), r->year_latest));
}

/* ---- the three-line summary for the terminal ---- */

static const char *summary_line1(rd_doc *d, const jx_report *r)
{
	const jx_units *u = r->trend->units;
	const jx_unit_year *uy = &u->units[0].years[u->nyears - 1];
	const jx_compare_row *c = compare_total(r);
	const jx_standing *st = r->standing_latest;
	const jx_rank_row *row = r->rank_row;
	int review = st && st->basis == JX_KIND_REVIEW && r->kind == JX_KIND_SELF;
	const char *s;
	const char *grade = row && row->grade ? jx_grade_label(row->grade) : RD_DASH;
	if (review)
		grade = rd_printf(d, _("%s (review; self-evaluation %s)"),
				  *st->grade ? jx_grade_label(st->grade) : RD_DASH,
				  rd_pts(d, st->self_score));
	s = rd_printf(d, _("%s, %d: total score %s / %s, grade %s, rank %s"), r->department,
		      r->year_latest,
		      rd_pts(d, review ? st->score
				: row  ? row->total_score
				       : uy->score),
		      rd_pts(d, review ? st->weight
				: row  ? row->total_weight
				       : uy->weight),
		      grade,
		      row && row->rank ? rd_printf(d, "%zu/%zu", row->rank, row->npeers) : RD_DASH);
	if (c)
		s = rd_printf(d, "%s%s", s,
			      rd_printf(d,
					ngettext(", change since %d: %s point",
						 ", change since %d: %s points",
						 rp_plural(fabs(c->delta_points))),
					r->year_previous, rd_dpts(d, c->delta_points)));
	return s;
}

static const char *summary_line2(rd_doc *d, const jx_report *r)
{
	const jx_deductions_result *ded = r->deductions;
	const char *s = rd_printf(d,
				  ngettext("%zu weak indicator",
					   "%zu weak indicators", r->weak->nrows),
				  r->weak->nrows);
	for (size_t i = 0; i < ded->npareto; i++) {
		const jx_pareto_row *p = &ded->pareto[i];
		if (p->unit->level == JX_LEVEL_3 && p->points > 0)
			return rd_printf(d, "%s%s", s,
					 rd_printf(d, _("; most points lost: “%s” (%s in all)"),
						   rp_unit_label(d, ded->units, p->unit),
						   rd_pts(d, p->points)));
	}
	return s;
}

static const char *summary_line3(rd_doc *d, const jx_report *r)
{
	const jx_forecast_row *fc = forecast_total(r);
	const char *s =
		fc ? rd_printf(d,
			       _("Forecast of the total score rate for %d: %s (%s interval %s–%s)"),
			       r->forecast->year, rd_pct(d, fc->forecast),
			       rd_printf(d, "%.0f%%", r->forecast->confidence * 100),
			       rd_pct(d, fc->pi_low), rd_pct(d, fc->pi_high))
		   : _("Fewer than 3 evaluated years: no forecast");
	return rd_printf(d, "%s%s", s,
			 rd_printf(d,
				   ngettext("; %zu planning suggestion",
					    "; %zu planning suggestions", r->nsuggestions),
				   r->nsuggestions));
}

int jx_report_summary(char **out, const jx_report *r, jx_lang lang)
{
	jx_lang caller = jx_i18n_lang();
	rd_doc d;
	jx_i18n_set(lang);
	rd_init(&d, lang);
	*out = jx__sprintf("%s%s\n%s%s\n%s%s\n", summary_line1(&d, r), _("."), summary_line2(&d, r),
			   _("."), summary_line3(&d, r), _("."));
	if (d.failed) {
		free(*out);
		*out = NULL;
	}
	rd_free(&d);
	jx_i18n_set(caller);
	return *out ? 0 : jx__oom();
}
