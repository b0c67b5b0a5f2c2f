/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_summary.c -- section 1: where the department stands, in a few numbers.
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

static void card_score(rd_doc *d, rd_block *cards, const jx_report *r)
{
	const jx_units *u = r->trend->units;
	const jx_unit_year *uy = &u->units[0].years[u->nyears - 1];
	double score = r->rank_row ? r->rank_row->total_score : uy->score;
	double weight = r->rank_row ? r->rank_row->total_weight : uy->weight;
	const char *grade = r->rank_row && r->rank_row->grade ? jx_grade_label(r->rank_row->grade)
							      : RD_DASH;
	rd_card_add(d, cards, rd_printf(d, _("Total score %d"), r->year_latest),
		    rd_printf(d, "%s / %s", rd_pts(d, score), rd_pts(d, weight)),
		    rd_printf(d, _("grade: %s"), grade), RD_STRONG);
}

static void card_change(rd_doc *d, rd_block *cards, const jx_report *r)
{
	const jx_compare_row *c = compare_total(r);
	unsigned cls;
	if (!c) {
		rd_card_add(d, cards, rd_printf(d, _("Change since %d"), r->year_latest), RD_DASH,
			    _("only one evaluated year"), 0);
		return;
	}
	cls = c->delta_points > 0 ? RD_GOOD : c->delta_points < 0 ? RD_BAD : 0;
	rd_card_add(d, cards, rd_printf(d, _("Change since %d"), r->year_previous),
		    rd_printf(d, _("%s pts"), rd_dpts(d, c->delta_points)),
		    rd_printf(d, _("score rate %s pp"), rd_pp(d, c->delta_rate)), cls);
}

static void card_rank(rd_doc *d, rd_block *cards, const jx_report *r)
{
	size_t ranked = 0;
	for (size_t i = 0; i < r->rank->nrows; i++)
		ranked += r->rank->rows[i].rank > 0;
	if (!r->rank_row || !r->rank_row->rank) {
		rd_card_add(d, cards, rd_printf(d, _("Rank in %d"), r->year_latest), RD_DASH,
			    _("n/a"), 0);
		return;
	}
	rd_card_add(d, cards, rd_printf(d, _("Rank in %d"), r->year_latest),
		    rd_printf(d, "%zu / %zu", r->rank_row->rank, ranked),
		    rd_printf(d,
			      ngettext("of %zu department · percentile %s",
				       "of %zu departments · percentile %s", ranked),
			      ranked, rd_fixed(d, r->rank_row->percentile, 1)),
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
	rd_card_add(d, cards, rd_printf(d, _("Forecast score rate %d"), year),
		    rd_pct(d, fc->forecast),
		    rd_printf(d, _("%s interval %s–%s"),
			      rd_printf(d, "%.0f%%", r->forecast->confidence * 100),
			      rd_pct(d, fc->pi_low), rd_pct(d, fc->pi_high)),
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
	rd_span_add(d, in,
		    rd_printf(d,
			      _("Trend of the total score rate %d–%d: %s (slope %s pp/year, %s, n "
				"= %zu). "),
			      t->year_first, t->year_last, jx_direction_label(t->direction),
			      rd_slope(d, t->fit.slope), rd_p_is(d, t->fit.p_value), t->n),
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

static void finding_links(rd_doc *d, rd_block *list, const jx_report *r)
{
	rd_inline *in = rd_item(d, list, NULL);
	rd_span_add(d, in,
		    rd_printf(d,
			      ngettext("%zu indicator is flagged as persistently weak, ",
				       "%zu indicators are flagged as persistently weak, ",
				       r->weak->nrows),
			      r->weak->nrows),
		    NULL, 0);
	rd_span_add(d, in, _("see section 3"), "#weak", 0);
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
		rd_span_add(d, in, _("see section 6"), "#growth", 0);
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
	rd_span_add(d, in, _("see section 9"), "#suggestions", 0);
	rd_span_add(d, in, _("."), NULL, 0);
}

void rp_sec_summary(rd_doc *d, const jx_report *r)
{
	rd_block *cards, *list;
	rd_heading(d, 2, "summary", _("1. Summary"));
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
	finding_trend(d, list, r);
	finding_low_category(d, list, r);
	finding_top_loss(d, list, r);
	finding_links(d, list, r);
	rd_chart_add(d, JX_CHART_TOTAL, "chart-total", rp_chart_title(JX_CHART_TOTAL));
	rd_chart_add(d, JX_CHART_RANK, "chart-rank",
		     rd_printf(d, _("%s, %d"), rp_chart_title(JX_CHART_RANK), r->year_latest));
}

/* ---- the three-line summary for the terminal ---- */

static const char *summary_line1(rd_doc *d, const jx_report *r)
{
	const jx_units *u = r->trend->units;
	const jx_unit_year *uy = &u->units[0].years[u->nyears - 1];
	const jx_compare_row *c = compare_total(r);
	size_t ranked = 0;
	const char *s;
	for (size_t i = 0; i < r->rank->nrows; i++)
		ranked += r->rank->rows[i].rank > 0;
	s = rd_printf(d, _("%s, %d: total score %s / %s, grade %s, rank %s"), r->department,
		      r->year_latest, rd_pts(d, r->rank_row ? r->rank_row->total_score : uy->score),
		      rd_pts(d, r->rank_row ? r->rank_row->total_weight : uy->weight),
		      r->rank_row && r->rank_row->grade ? jx_grade_label(r->rank_row->grade)
							: RD_DASH,
		      r->rank_row && r->rank_row->rank
			      ? rd_printf(d, "%zu/%zu", r->rank_row->rank, ranked)
			      : RD_DASH);
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
				  ngettext("%zu persistently weak indicator",
					   "%zu persistently weak indicators", r->weak->nrows),
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
