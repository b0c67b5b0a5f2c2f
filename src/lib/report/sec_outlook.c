/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_outlook.c -- appendices 4 and 5: next year's forecast, and the money.
 *
 * The forecast rows are jx_forecast_compute's (as `jixiao forecast`), for
 * the total, the categories and the weak indicators; the figures are
 * jx_funds_load's (as `jixiao figures`), with the growth warning. */
#include <math.h>
#include <string.h>
#include "report/internal.h"

static int is_weak(const jx_report *r, const jx_unit *un)
{
	for (size_t i = 0; i < r->weak->nrows; i++)
		if (r->weak->rows[i].unit->level == un->level &&
		    !strcmp(r->weak->rows[i].unit->key, un->key))
			return 1;
	return 0;
}

static int in_latest(const jx_forecast_result *f, const jx_unit *un)
{
	return un->years[f->units->nyears - 1].nrows > 0;
}

static void forecast_row(rd_doc *d, rd_table *t, const jx_forecast_result *f,
			 const jx_forecast_row *fr)
{
	rd_row *row = rd_row_add(d, t, rp_anchor(d, "fc", rp_unit_index(f->units, fr->unit)),
				 fr->unit->level == JX_LEVEL_TOTAL ? RD_TOTAL : 0);
	rd_cell_set(row, 0, rp_unit_name(d, fr->unit), NULL, 0);
	rd_cell_set(row, 1, rd_printf(d, "%zu", fr->n), NULL, 0);
	if (!fr->ok) {
		rd_cell_set(
			row, 2,
			(in_latest(f, fr->unit) ? _("too few years") : _("not in the latest year")),
			NULL, RD_MUTED);
		return;
	}
	rd_cell_set(row, 2, rd_pct(d, fr->forecast), NULL, RD_STRONG);
	rd_cell_set(row, 3, rd_pct(d, fr->pi_low), NULL, 0);
	rd_cell_set(row, 4, rd_pct(d, fr->pi_high), NULL, 0);
	rd_cell_set(row, 5, rd_fixed(d, fr->fit.resid_sd * 100, 2), NULL, 0);
}

/* Why there is no forecast, in the document's language: r->forecast_note is in the language
 * the findings were built in, so the (quick) failing call is made again. */
static const char *no_forecast_reason(rd_doc *d, const jx_report *r)
{
	jx_forecast_result *again = NULL;
	const char *why = r->forecast_note ? r->forecast_note : "";
	if (jx_forecast_compute(&again, r->series, &r->options) == JX_EMATH)
		why = rd_strdup(d, jx_error_last());
	jx_forecast_result_free(again);
	jx_error_clear();
	return why;
}

void rp_sec_forecast(rd_doc *d, const jx_report *r)
{
	static const char *const heads[] = {N_("Unit"),  N_("n"),     N_("Forecast"),
					    N_("Lower"), N_("Upper"), N_("Residual SD (pp)")};
	const jx_forecast_result *f = r->forecast;
	rd_table *t;
	rd_heading(d, 2, "forecast", _("Appendix 4. Forecast for next year"));
	if (!f && rp_profile(r)) { /* one sentence, not the analysis's English message */
		rd_note(d,
			rd_printf(
				d,
				_("Fewer than 3 evaluated years (%zu): no forecast for next year."),
				r->series->nyears));
		return;
	}
	if (!f) {
		rd_note(d, rd_printf(d, _("No forecast: %s"), no_forecast_reason(d, r)));
		return;
	}
	rd_para_text(d, NULL,
		     rd_printf(d,
			       _("Each unit's score rate is fitted by least squares on the year "
				 "and extended to %d, with a %s prediction interval (residual "
				 "variance and the t quantile with n−2 degrees of freedom: an "
				 "interval for a new year's value, not the confidence interval of "
				 "the line). Values are shown clamped to [0, 100%%]; units with "
				 "fewer than 3 years are not forecast."),
			       f->year, rd_printf(d, "%.0f%%", f->confidence * 100)));
	t = rd_table_heads(
		d, "t-forecast",
		rd_printf(d,
			  _("Forecast score rates for %d: total, categories and weak indicators"),
			  f->year),
		heads, 6, 0x3e /* 1-5 */);
	for (size_t i = 0; i < f->nrows; i++)
		if (f->rows[i].unit->level <= JX_LEVEL_1 && in_latest(f, f->rows[i].unit))
			forecast_row(d, t, f, &f->rows[i]);
	for (size_t i = 0; i < f->nrows; i++)
		if (f->rows[i].unit->level == JX_LEVEL_3 && is_weak(r, f->rows[i].unit))
			forecast_row(d, t, f, &f->rows[i]);
}

static void figures_table(rd_doc *d, const jx_funds_result *f)
{
	static const char *const heads[] = {
		N_("Year"),      N_("Budget"),      N_("Final income"),  N_("Final expenditure"),
		N_("Execution"), N_("Basic share"), N_("Project share"), N_("Expenditure growth")};
	rd_table *t = rd_table_heads(
		d, "t-figures", _("Budget, final accounts and execution (amounts in 10,000 yuan)"),
		heads, 8, 0xfe /* 1-7 */);
	for (size_t i = 0; i < f->nyears; i++) {
		const jx_funds_year *fy = &f->years[i];
		int off = isfinite(fy->execution_rate) && (fy->execution_rate < JX_EXECUTION_LOW ||
							   fy->execution_rate > JX_EXECUTION_HIGH);
		rd_row *row = rd_row_add(d, t, rp_anchor(d, "fig", (size_t)fy->year), 0);
		rd_cell_set(row, 0, rd_printf(d, "%d", fy->year), NULL, 0);
		rd_cell_set(row, 1, rd_money(d, fy->budget_total), NULL, 0);
		rd_cell_set(row, 2, rd_money(d, fy->income_total), NULL, 0);
		rd_cell_set(row, 3, rd_money(d, fy->expenditure_total), NULL, 0);
		rd_cell_set(row, 4, rd_pct(d, fy->execution_rate), NULL, off ? RD_BAD : 0);
		rd_cell_set(row, 5, rd_pct(d, fy->basic_share), NULL, 0);
		rd_cell_set(row, 6, rd_pct(d, fy->project_share), NULL, 0);
		rd_cell_set(row, 7, rd_pct(d, fy->expenditure_growth), NULL, 0);
	}
}

void rp_sec_figures(rd_doc *d, const jx_report *r)
{
	const jx_funds_result *f = r->funds;
	rd_block *b;
	rd_heading(d, 2, "figures", _("Appendix 5. Budget execution and growth"));
	if (!f || !f->nyears) {
		rd_note(d, _("No budget or final-account figures for this department."));
		return;
	}
	rd_chart_add(d, JX_CHART_FIGURES, "chart-figures", rp_chart_title(JX_CHART_FIGURES));
	figures_table(d, f);
	if (f->ngrowth < (size_t)r->options.growth_years) {
		rd_para_text(
			d, "growth",
			rd_printf(d,
				  ngettext("Only %zu year of expenditure growth (%d needed): no "
					   "growth warning.",
					   "Only %zu years of expenditure growth (%d needed): no "
					   "growth warning.",
					   f->ngrowth),
				  f->ngrowth, r->options.growth_years));
		return;
	}
	b = rd_para(d);
	b->id = "growth";
	rd_span_add(d, &b->inl,
		    rd_printf(d,
			      f->warning ? ngettext("Warning: over the last %zu year expenditure "
						    "grew %s a year on average, above the %s "
						    "threshold.",
						    "Warning: over the last %zu years expenditure "
						    "grew %s a year on average, above the %s "
						    "threshold.",
						    f->ngrowth)
					 : ngettext("Over the last %zu year expenditure grew %s a "
						    "year on average, within the %s threshold.",
						    "Over the last %zu years expenditure grew %s a "
						    "year on average, within the %s threshold.",
						    f->ngrowth),
			      f->ngrowth, rd_pct(d, f->mean_growth), rd_pct(d, f->threshold)),
		    NULL, f->warning ? RD_BAD | RD_STRONG : 0);
}
