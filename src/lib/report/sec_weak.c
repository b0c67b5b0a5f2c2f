/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_weak.c -- appendix 2: weak indicators, the rule that fired, the evidence.
 *
 * The rows are those of jx_weak_compute (what `jixiao weak` lists) with
 * the same rules and options (new, persistent, large; docs/report.md "Weak
 * indicators: points and recency"); each says which rule fired with its
 * numbers and shows the window years' rates and points lost. The improved
 * (resolved) indicators are named in a sentence. */
#include <math.h>
#include "report/internal.h"

static const char *join(rd_doc *d, const char *a, const char *b)
{
	if (!*a)
		return b;
	return rd_printf(d, "%s%s%s", a, _("; "), b);
}

static const char *rules_text(rd_doc *d, const jx_report *r, const jx_weak_row *row)
{
	const jx_weak_result *w = r->weak;
	const char *s = "";
	if (row->rules & JX_WEAK_NEW)
		s = join(d, s,
			 rd_printf(d, _("new: in %d lost %s of %s points"),
				   w->units->years[w->units->nyears - 1],
				   rd_pts(d, row->latest_lost), rd_pts(d, row->latest_weight)));
	if (row->rules & JX_WEAK_PERSISTENT)
		s = join(d, s,
			 rd_printf(d,
				   ngettext("deducted: of %zu year, %zu with deductions (≥ %d)",
					    "deducted: of %zu years, %zu with deductions (≥ %d)",
					    row->window_present),
				   row->window_present, row->ndeducted,
				   r->options.weak_min_deducted));
	if (row->rules & JX_WEAK_LARGE)
		s = join(d, s,
			 rd_printf(d,
				   _("large: lost %s points in the window, %s of the department's"),
				   rd_pts(d, row->points_lost), rd_pct(d, row->share)));
	if (row->rules & JX_WEAK_LOW_RATE)
		s = join(d, s,
			 rd_printf(d, _("low mean rate: %s < %s"), rd_pct(d, row->mean_rate),
				   rd_pct(d, r->options.weak_threshold)));
	if (row->rules & JX_WEAK_FALLING)
		s = join(d, s,
			 rd_printf(d, _("falling: slope %s pp/yr, %s"),
				   rd_slope(d, row->trend.fit.slope),
				   rd_p_is(d, row->trend.mk.p_value)));
	return s;
}

/* Each window year: rate and points lost, or why there is none. */
static const char *evidence(rd_doc *d, const jx_weak_result *w, const jx_unit *un)
{
	const char *s = "";
	for (size_t y = w->units->nyears - w->nwindow; y < w->units->nyears; y++) {
		const jx_unit_year *uy = &un->years[y];
		int year = w->units->years[y];
		if (!uy->nrows)
			s = join(d, s, rd_printf(d, _("%d: absent"), year));
		else if (isnan(uy->rate))
			s = join(d, s, rd_printf(d, _("%d: score missing"), year));
		else if (!jx_unit_year_deducted(uy))
			s = join(d, s, rd_printf(d, _("%d: %s"), year, rd_pct(d, uy->rate)));
		else
			s = join(d, s,
				 rd_printf(d, _("%d: %s (-%s)"), year, rd_pct(d, uy->rate),
					   rd_pts(d, uy->weight - uy->score)));
	}
	return s;
}

static void weak_table(rd_doc *d, const jx_report *r)
{
	static const char *const heads[] = {N_("#"),
					    N_("Category / group"),
					    N_("Indicator"),
					    N_("Rules fired and why"),
					    N_("Years deducted"),
					    N_("Mean rate"),
					    N_("Points lost"),
					    N_("Evidence per year: rate (points lost)")};
	const jx_weak_result *w = r->weak;
	rd_table *t = rd_table_heads(d, "t-weak", _("Weak indicators and their evidence"), heads, 8,
				     0x71 /* 0, 4-6 */);
	for (size_t i = 0; i < w->nrows; i++) {
		const jx_weak_row *wr = &w->rows[i];
		rd_row *row = rd_row_add(d, t, rp_anchor(d, "weak", i + 1), 0);
		rd_cell_set(row, 0, rd_printf(d, "%zu", i + 1), NULL, 0);
		rd_cell_set(row, 1, rp_unit_path(d, wr->unit), NULL, RD_MUTED);
		rd_cell_set(row, 2, rp_unit_name(d, wr->unit), NULL, RD_STRONG);
		rd_cell_set(row, 3, rules_text(d, r, wr), NULL, 0);
		rd_cell_set(row, 4, rd_printf(d, "%zu/%zu", wr->ndeducted, wr->window_present),
			    NULL, 0);
		rd_cell_set(row, 5, rd_pct(d, wr->mean_rate), NULL,
			    wr->mean_rate < r->options.weak_threshold ? RD_BAD : 0);
		rd_cell_set(row, 6, rd_pts(d, wr->points_lost), NULL, 0);
		rd_cell_set(row, 7, evidence(d, w, wr->unit), NULL, 0);
	}
}

/* The indicators that lost points before and have full marks lately: improved, not weak. */
static void improved_para(rd_doc *d, const jx_report *r)
{
	const jx_weak_result *w = r->weak;
	const char *names = "";
	for (size_t i = 0; i < w->nimproved; i++)
		names = rd_printf(
			d, "%s%s%s", names, i ? _(", ") : "",
			rd_printf(d, _("“%s”"), rp_unit_label(d, w->units, w->improved[i].unit)));
	if (w->nimproved)
		rd_para_text(d, "improved",
			     rd_printf(d,
				       ngettext("Improved (lost points before, full marks in the "
						"last %d year; not weak): %s.",
						"Improved (lost points before, full marks in the "
						"last %d years; not weak): %s.",
						(unsigned long)r->options.weak_resolved_years),
				       r->options.weak_resolved_years, names));
}

void rp_sec_weak(rd_doc *d, const jx_report *r)
{
	const jx_weak_result *w = r->weak;
	const jx_analysis_options *o = &r->options;
	rd_heading(d, 2, "weak", _("Appendix 2. Weak indicators"));
	rd_para_text(
		d, NULL,
		rd_printf(
			d, "%s%s",
			rd_printf(
				d,
				ngettext(
					"Rule (as in jixiao weak; indicators still evaluated in "
					"the "
					"latest year; window: the last %zu evaluated year, %s): "
					"new "
					"-- lost at least %s of its weight in the latest year, or "
					"lost points in the latest year only; persistent -- lost "
					"points in at least %d window years, the latest among "
					"them; "
					"large -- its points lost in the window are at least %s of "
					"the department's. One that lost points before and has "
					"full "
					"marks in its last %d years is not weak but improved.",
					"Rule (as in jixiao weak; indicators still evaluated in "
					"the "
					"latest year; window: the last %zu evaluated years, %s): "
					"new "
					"-- lost at least %s of its weight in the latest year, or "
					"lost points in the latest year only; persistent -- lost "
					"points in at least %d window years, the latest among "
					"them; "
					"large -- its points lost in the window are at least %s of "
					"the department's. One that lost points before and has "
					"full "
					"marks in its last %d years is not weak but improved.",
					w->nwindow),
				w->nwindow, rp_years(d, w->window[0], w->window[w->nwindow - 1]),
				rd_pct(d, o->weak_new_share), o->weak_min_deducted,
				rd_pct(d, o->weak_large_share), o->weak_resolved_years),
			rd_printf(d, _(" Indicators checked: %zu; flagged: %zu."), w->nchecked,
				  w->nrows)));
	improved_para(d, r);
	if (!w->nrows) {
		rd_note(d, _("No indicator is flagged as weak."));
		return;
	}
	weak_table(d, r);
	rd_chart_add(d, JX_CHART_WEAK, "chart-weak", rp_chart_title(JX_CHART_WEAK));
}
