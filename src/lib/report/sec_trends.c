/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_trends.c -- appendix 1: the total and the categories over the years.
 *
 * Rates per year (from the units), the linear trends (jx_trend_compute, as
 * `jixiao trend` prints them) and the comparison of the latest two
 * evaluated years (jx_compare_compute, as `jixiao compare`). */
#include <math.h>
#include "report/internal.h"

#define RATES_MAX_YEARS 10 /* year columns in the rates table */

static void rates_table(rd_doc *d, const jx_report *r)
{
	const jx_units *u = r->trend->units;
	size_t first = u->nyears > RATES_MAX_YEARS ? u->nyears - RATES_MAX_YEARS : 0;
	size_t ny = u->nyears - first;
	double low = r->options.weak_threshold;
	rd_table *t = rd_table_add(d, "t-rates", _("Score rate by year"), ny + 1);
	rd_col(t, 0, _("Unit"), 0);
	for (size_t j = 0; j < ny; j++)
		rd_col(t, j + 1, rd_printf(d, "%d", u->years[first + j]), RD_NUM);
	for (size_t i = 0; i < u->nunits; i++) {
		const jx_unit *un = &u->units[i];
		rd_row *row;
		if (un->level > JX_LEVEL_1)
			continue;
		row = rd_row_add(d, t, NULL, un->level == JX_LEVEL_TOTAL ? RD_TOTAL : 0);
		rd_cell_set(row, 0, rp_unit_name(d, un), NULL, 0);
		for (size_t j = 0; j < ny; j++) {
			double rate = un->years[first + j].rate;
			rd_cell_set(row, j + 1, rd_pct(d, rate), NULL, rate < low ? RD_BAD : 0);
		}
	}
	t->note = rd_printf(
		d, _("Rates below %s are highlighted; — means absent that year or score missing."),
		rd_pct(d, low));
}

static void trend_table(rd_doc *d, const jx_report *r)
{
	static const char *const heads[] = {N_("Unit"),
					    N_("n"),
					    N_("Slope (pp/yr)"),
					    N_("SE"),
					    N_("p"),
					    "R²" /* a symbol, not translated */,
					    N_("Theil–Sen (pp/yr)"),
					    N_("Direction")};
	const jx_trend_result *tr = r->trend;
	rd_table *t = rd_table_heads(d, "t-trend", _("Linear trends"), heads, 8, 0x7e /* 1-6 */);
	for (size_t i = 0; i < tr->nrows; i++) {
		const jx_trend_row *tw = &tr->rows[i];
		unsigned dir = tw->direction == JX_DIR_FALLING  ? RD_BAD
			       : tw->direction == JX_DIR_RISING ? RD_GOOD
								: 0;
		rd_row *row;
		if (tw->unit->level > JX_LEVEL_1)
			continue;
		row = rd_row_add(d, t, rp_anchor(d, "trend", rp_unit_index(tr->units, tw->unit)),
				 tw->unit->level == JX_LEVEL_TOTAL ? RD_TOTAL : 0);
		rd_cell_set(row, 0, rp_unit_name(d, tw->unit), NULL, 0);
		rd_cell_set(row, 1, rd_printf(d, "%zu", tw->n), NULL, 0);
		rd_cell_set(row, 2, rd_slope(d, tw->fit.slope), NULL, 0);
		rd_cell_set(row, 3, rd_fixed(d, tw->fit.slope_se * 100, 2), NULL, 0);
		rd_cell_set(row, 4, rd_p(d, tw->mk.p_value), NULL, 0);
		rd_cell_set(row, 5, rd_fixed(d, tw->fit.r2, 2), NULL, 0);
		rd_cell_set(row, 6, rd_slope(d, tw->theil_sen), NULL, 0);
		rd_cell_set(row, 7, jx_direction_label(tw->direction), NULL, dir);
	}
}

static const char *weight_text(rd_doc *d, const jx_compare_row *c)
{
	if (!c->from->nrows)
		return rd_pts(d, c->to->weight);
	if (!c->to->nrows || c->from->weight == c->to->weight)
		return rd_pts(d, c->from->weight);
	return rd_printf(d, "%s→%s", rd_pts(d, c->from->weight), rd_pts(d, c->to->weight));
}

static unsigned delta_cls(double delta)
{
	return delta > 0 ? RD_GOOD : delta < 0 ? RD_BAD : 0;
}

static void compare_table(rd_doc *d, const jx_report *r)
{
	const jx_compare_result *c = r->compare;
	rd_table *t = rd_table_add(d, "t-compare", _("Total and categories"), 9);
	rd_col(t, 0, _("Unit"), 0);
	rd_col(t, 1, _("Weight"), RD_NUM);
	rd_col(t, 2, rd_printf(d, _("Score %d"), c->year_from), RD_NUM);
	rd_col(t, 3, rd_printf(d, _("Score %d"), c->year_to), RD_NUM);
	rd_col(t, 4, rd_printf(d, _("Rate %d"), c->year_from), RD_NUM);
	rd_col(t, 5, rd_printf(d, _("Rate %d"), c->year_to), RD_NUM);
	rd_col(t, 6, _("Δ rate (pp)"), RD_NUM);
	rd_col(t, 7, _("Δ points"), RD_NUM);
	rd_col(t, 8, _("Status"), 0);
	for (size_t i = 0; i < c->nrows; i++) {
		const jx_compare_row *cr = &c->rows[i];
		rd_row *row;
		if (cr->unit->level > JX_LEVEL_1)
			continue;
		row = rd_row_add(d, t, NULL, cr->unit->level == JX_LEVEL_TOTAL ? RD_TOTAL : 0);
		rd_cell_set(row, 0, rp_unit_name(d, cr->unit), NULL, 0);
		rd_cell_set(row, 1, weight_text(d, cr), NULL, 0);
		rd_cell_set(row, 2, rd_pts(d, cr->from->score), NULL, 0);
		rd_cell_set(row, 3, rd_pts(d, cr->to->score), NULL, 0);
		rd_cell_set(row, 4, rd_pct(d, cr->from->rate), NULL, 0);
		rd_cell_set(row, 5, rd_pct(d, cr->to->rate), NULL, 0);
		rd_cell_set(row, 6, rd_pp(d, cr->delta_rate), NULL, delta_cls(cr->delta_rate));
		rd_cell_set(row, 7, rd_dpts(d, cr->delta_points), NULL,
			    delta_cls(cr->delta_points));
		rd_cell_set(row, 8, jx_compare_status_label(cr->status), NULL, 0);
	}
}

static void changes_table(rd_doc *d, const jx_report *r)
{
	const jx_compare_result *c = r->compare;
	size_t changed = 0, same = 0;
	rd_table *t;
	for (size_t i = 0; i < c->nrows; i++)
		if (c->rows[i].unit->level == JX_LEVEL_3)
			*(c->rows[i].status == JX_CMP_UNCHANGED ? &same : &changed) += 1;
	if (!changed) {
		rd_para_text(d, NULL, _("No indicator changed."));
		return;
	}
	t = rd_table_add(
		d, "t-changes",
		rd_printf(d, _("Indicators that changed (%zu; %zu unchanged)"), changed, same), 6);
	rd_col(t, 0, _("Category / group"), 0);
	rd_col(t, 1, _("Indicator"), 0);
	rd_col(t, 2, rd_printf(d, _("Score %d"), c->year_from), RD_NUM);
	rd_col(t, 3, rd_printf(d, _("Score %d"), c->year_to), RD_NUM);
	rd_col(t, 4, _("Δ points"), RD_NUM);
	rd_col(t, 5, _("Status"), 0);
	for (size_t i = 0; i < c->nrows; i++) {
		const jx_compare_row *cr = &c->rows[i];
		rd_row *row;
		if (cr->unit->level != JX_LEVEL_3 || cr->status == JX_CMP_UNCHANGED)
			continue;
		row = rd_row_add(d, t, rp_anchor(d, "cmp", rp_unit_index(c->units, cr->unit)), 0);
		rd_cell_set(row, 0, rp_unit_path(d, cr->unit), NULL, RD_MUTED);
		rd_cell_set(row, 1, rp_unit_name(d, cr->unit), NULL, 0);
		rd_cell_set(row, 2, cr->from->nrows ? rd_pts(d, cr->from->score) : RD_DASH, NULL,
			    0);
		rd_cell_set(row, 3, cr->to->nrows ? rd_pts(d, cr->to->score) : RD_DASH, NULL, 0);
		rd_cell_set(row, 4, rd_dpts(d, cr->delta_points), NULL,
			    delta_cls(cr->delta_points));
		rd_cell_set(row, 5, jx_compare_status_label(cr->status), NULL, 0);
	}
}

/* Framework breaks in words: where a new indicator framework starts (charts draw a line). */
static void breaks_para(rd_doc *d, const jx_report *r)
{
	const jx_units *u = r->trend->units;
	for (size_t i = 0; u->periods && i < u->nyears; i++)
		if (u->periods[i].is_break)
			rd_para_text(
				d, NULL,
				rd_printf(
					d,
					_("From %d a new indicator framework applies (of %zu "
					  "indicators, %zu carried over from the previous "
					  "evaluated "
					  "year): rates are not compared across frameworks, trends "
					  "are tested within each period, and the charts mark the "
					  "change with a dotted line."),
					u->periods[i].year, u->periods[i].nkeys,
					u->periods[i].ncarried));
}

int rp_profile(const jx_report *r)
{
	return r->series->nyears < RP_PROFILE_YEARS;
}

void rp_sec_trends(rd_doc *d, const jx_report *r)
{
	const jx_series *s = r->series;
	rd_heading(d, 2, "trends", _("Appendix 1. Category trends"));
	if (rp_profile(r)) { /* no trend test of one or two years, no chart of one point */
		rd_para_text(
			d, NULL,
			rd_printf(d,
				  ngettext("The department has %zu evaluated year in the "
					   "range (%s): no trend test; the table gives the "
					   "score rate (score ÷ weight) of each category.",
					   "The department has %zu evaluated years in the "
					   "range (%s): no trend test; the table gives the "
					   "score rate (score ÷ weight) of each category.",
					   s->nyears),
				  s->nyears,
				  rp_years(d, s->years[0].year, s->years[s->nyears - 1].year)));
		if (s->nyears > 1)
			rd_chart_add(d, JX_CHART_CATEGORIES, "chart-categories",
				     rp_chart_title(JX_CHART_CATEGORIES));
		rates_table(d, r);
	} else {
		rd_para_text(
			d, NULL,
			rd_printf(
				d,
				_("Score rate = score ÷ weight (weights and indicator sets change "
				  "between years, so years are compared on rates). Rising or "
				  "falling is the Mann–Kendall test within framework periods (p), "
				  "with the Benjamini–Hochberg correction over the units of this "
				  "table: q < %s. The slope is the least-squares line with a step "
				  "at "
				  "each framework change, Theil–Sen the median of the pairwise "
				  "slopes within periods."),
				rd_fixed(d, r->options.alpha, 2)));
		breaks_para(d, r);
		rd_chart_add(d, JX_CHART_CATEGORIES, "chart-categories",
			     rp_chart_title(JX_CHART_CATEGORIES));
		rates_table(d, r);
		trend_table(d, r);
	}
	if (!r->compare) {
		rd_para_text(d, "compare",
			     _("Only one evaluated year: no year-over-year comparison."));
		return;
	}
	rd_heading(
		d, 3, "compare",
		rd_printf(d, _("%d compared with %d"), r->compare->year_to, r->compare->year_from));
	compare_table(d, r);
	changes_table(d, r);
}
