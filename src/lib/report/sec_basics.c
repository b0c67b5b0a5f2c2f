/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_basics.c -- section 1 (基本情况): what the department is for and what it spent.
 *
 * The department's functions and staff as its latest report states them (the
 * stored texts: the staffing sentences, not numbers rebuilt from the figures),
 * and the budget, final expenditure and execution rate of its latest year with
 * figures (`jixiao figures`); the full table is in the appendix. */
#include <math.h>
#include "report/internal.h"

static void basics_money(rd_doc *d, const jx_report *r)
{
	const jx_funds_year *fy = &r->funds->years[r->funds->nyears - 1];
	rd_block *p = rd_para(d);
	rd_span_add(d, &p->inl,
		    rd_printf(d,
			      _("Budget and final accounts %d: budget %s, final expenditure %s "
				"(10,000 yuan), execution %s. "),
			      fy->year, rd_money(d, fy->budget_total),
			      rd_money(d, fy->expenditure_total), rd_pct(d, fy->execution_rate)),
		    NULL, 0);
	rd_span_add(d, &p->inl, rd_printf(d, "→ %s", _("details")), "#figures", RD_MUTED);
}

/* A labelled paragraph of the department's own words: "label: text". */
static void own_words(rd_doc *d, const char *label, const char *text)
{
	rd_block *p = rd_para(d);
	rd_span_add(d, &p->inl, label, NULL, RD_STRONG);
	rd_span_add(d, &p->inl, text, NULL, 0);
}

void rp_sec_basics(rd_doc *d, const jx_report *r)
{
	int money = r->funds && r->funds->nyears;
	const char *staffing = r->latest ? r->latest->staffing : NULL;
	rd_heading(d, 2, "basics", _("1. The department"));
	if (r->functions)
		own_words(d,
			  rd_printf(d, _("Functions (as its %d report states them): "),
				    r->year_latest),
			  r->functions);
	if (staffing)
		own_words(d,
			  rd_printf(d, _("Staff (as its %d report states them): "), r->year_latest),
			  staffing);
	if (money)
		basics_money(d, r);
	if (!r->functions && !staffing && !money)
		rd_note(d, _("The department's report states neither its functions nor its staff, "
			     "and there are no budget or final-account figures."));
}
