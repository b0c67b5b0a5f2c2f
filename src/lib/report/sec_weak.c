/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_weak.c -- section 3: persistently weak indicators, the rule that fired, the evidence.
 *
 * The rows are those of jx_weak_compute (what `jixiao weak` lists) with
 * the same window, count and threshold; each says which rule fired with
 * its numbers and shows the window years' rates and points lost. */
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
	const char *s = "";
	if (row->rules & JX_WEAK_PERSISTENT)
		s = join(d, s,
			 rd_printf(d,
				   ngettext("deducted: of %zu year, %zu with deductions (≥ %d)",
					    "deducted: of %zu years, %zu with deductions (≥ %d)",
					    row->window_present),
				   row->window_present, row->ndeducted,
				   r->options.weak_min_deducted));
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

void rp_sec_weak(rd_doc *d, const jx_report *r)
{
	const jx_weak_result *w = r->weak;
	const jx_analysis_options *o = &r->options;
	rd_heading(d, 2, "weak", _("3. Persistently weak indicators"));
	rd_para_text(
		d, NULL,
		rd_printf(
			d, "%s%s",
			rd_printf(d,
				  ngettext("Rule (as in jixiao weak): over the last %zu "
					   "evaluated year (%s), deducted in at least %d of them; "
					   "or a mean score rate below %s there; or a significant "
					   "falling trend over the range (α = %s).",
					   "Rule (as in jixiao weak): over the last %zu "
					   "evaluated years (%s), deducted in at least %d of them; "
					   "or a mean score rate below %s there; or a significant "
					   "falling trend over the range (α = %s).",
					   w->nwindow),
				  w->nwindow, rp_years(d, w->window[0], w->window[w->nwindow - 1]),
				  o->weak_min_deducted, rd_pct(d, o->weak_threshold),
				  rd_fixed(d, o->alpha, 2)),
			rd_printf(d, _(" Indicators checked: %zu; flagged: %zu."), w->nchecked,
				  w->nrows)));
	if (!w->nrows) {
		rd_note(d, _("No indicator is flagged as persistently weak."));
		return;
	}
	weak_table(d, r);
	rd_chart_add(d, JX_CHART_WEAK, "chart-weak", rp_chart_title(JX_CHART_WEAK));
}
