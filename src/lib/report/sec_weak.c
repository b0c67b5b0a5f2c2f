/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_weak.c -- section 3: persistently weak indicators, the rule that fired, the evidence.
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
	return rd_printf(d, "%s%s%s", a, RP_TR(d, T_SEP), b);
}

static const char *rules_text(rd_doc *d, const jx_report *r, const jx_weak_row *row)
{
	const jx_weak_result *w = r->weak;
	const char *s = "";
	if (row->rules & JX_WEAK_NEW)
		s = join(d, s,
			 rd_printf(d, RP_TR(d, T_RULE_NEW), w->units->years[w->units->nyears - 1],
				   rd_pts(d, row->latest_lost), rd_pts(d, row->latest_weight)));
	if (row->rules & JX_WEAK_PERSISTENT)
		s = join(d, s,
			 rd_printf(d, RP_TR(d, T_RULE_DEDUCTED), row->window_present,
				   row->ndeducted, r->options.weak_min_deducted));
	if (row->rules & JX_WEAK_LARGE)
		s = join(d, s,
			 rd_printf(d, RP_TR(d, T_RULE_LARGE), rd_pts(d, row->points_lost),
				   rd_pct(d, row->share)));
	if (row->rules & JX_WEAK_LOW_RATE)
		s = join(d, s,
			 rd_printf(d, RP_TR(d, T_RULE_LOW), rd_pct(d, row->mean_rate),
				   rd_pct(d, r->options.weak_threshold)));
	if (row->rules & JX_WEAK_FALLING)
		s = join(d, s,
			 rd_printf(d, RP_TR(d, T_RULE_FALLING), rd_slope(d, row->trend.fit.slope),
				   rd_p(d, row->trend.mk.p_value)));
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
			s = join(d, s, rd_printf(d, RP_TR(d, T_EV_ABSENT), year));
		else if (isnan(uy->rate))
			s = join(d, s, rd_printf(d, RP_TR(d, T_EV_MISSING), year));
		else if (!jx_unit_year_deducted(uy))
			s = join(d, s,
				 rd_printf(d, RP_TR(d, T_EV_CLEAN), year, rd_pct(d, uy->rate)));
		else
			s = join(d, s,
				 rd_printf(d, RP_TR(d, T_EV_YEAR), year, rd_pct(d, uy->rate),
					   rd_pts(d, uy->weight - uy->score)));
	}
	return s;
}

static void weak_table(rd_doc *d, const jx_report *r)
{
	static const rp_text heads[] = {T_COL_NO,    T_COL_PATH,     T_COL_LEVEL3,
					T_COL_RULES, T_COL_DEDYEARS, T_COL_MEANRATE,
					T_COL_LOST,  T_COL_EVIDENCE};
	const jx_weak_result *w = r->weak;
	rd_table *t = rd_table_heads(d, "t-weak", RP_TR(d, T_TBL_WEAK), heads, 8,
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
		names = rd_printf(d, "%s%s%s", names, i ? RP_TR(d, T_NAME_SEP) : "",
				  rd_printf(d, RP_TR(d, T_QUOTE),
					    rp_unit_label(d, w->units, w->improved[i].unit)));
	if (w->nimproved)
		rd_para_text(d, "improved",
			     rd_printf(d, RP_TR(d, T_WEAK_IMPROVED), r->options.weak_resolved_years,
				       names));
}

void rp_sec_weak(rd_doc *d, const jx_report *r)
{
	const jx_weak_result *w = r->weak;
	const jx_analysis_options *o = &r->options;
	rd_heading(d, 2, "weak", RP_TR(d, T_SEC_WEAK));
	rd_para_text(d, NULL,
		     rd_printf(d, RP_TR(d, T_WEAK_RULE), w->nwindow,
			       rp_years(d, w->window[0], w->window[w->nwindow - 1]),
			       rd_pct(d, o->weak_new_share), o->weak_min_deducted,
			       rd_pct(d, o->weak_large_share), o->weak_resolved_years, w->nchecked,
			       w->nrows));
	improved_para(d, r);
	if (!w->nrows) {
		rd_note(d, RP_TR(d, T_WEAK_NONE));
		return;
	}
	weak_table(d, r);
	rd_chart_add(d, JX_CHART_WEAK, "chart-weak", rp_chart_title(d->lang, JX_CHART_WEAK));
}
