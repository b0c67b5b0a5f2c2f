/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_budget.c -- section 6 (结果应用与预算建议): what should weigh on next year's budget.
 *
 * The latest execution rate (the band of R8), the indicators deducted 3
 * years running (R1) and the slow projects (R11), each with a link to its
 * evidence. */
#include <math.h>
#include "report/internal.h"

static size_t rule_count(const jx_report *r, jx_rule rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsuggestions; i++)
		n += r->suggestions[i].rule == rule;
	return n;
}

/* 结果应用与预算建议: what should weigh on next year's budget -- the latest execution rate
 * (the bounds of R8), the indicators deducted 3 years running (R1), the slow projects (R11). */
void rp_sec_budget(rd_doc *d, const jx_report *r)
{
	const jx_funds_year *last = r->funds && r->funds->nyears
					    ? &r->funds->years[r->funds->nyears - 1]
					    : NULL;
	size_t npersist = rule_count(r, JX_RULE_PERSISTENT);
	size_t nslow = rule_count(r, JX_RULE_PROJECT_SLOW);
	double exec = last ? last->execution_rate : NAN;
	const char *ev = rd_printf(d, "→ %s", _("evidence"));
	rd_block *list;
	rd_inline *in;
	rd_heading(d, 2, "budget-use", _("6. Using the results in next year's budget"));
	if (!isfinite(exec) && !npersist && !nslow) {
		rd_note(d, _("No budget figures, no indicator deducted 3 years running and no slow "
			     "project: nothing here for next year's budget."));
		return;
	}
	list = rd_list(d, 0);
	if (isfinite(exec)) {
		in = rd_item(d, list, NULL);
		rd_span_add(
			d, in,
			rd_printf(d,
				  exec < JX_EXECUTION_LOW
					  ? _("Budget execution in %d was %s, below %s: set next "
					      "year's budget by actual progress and need, and pool "
					      "the carried-over funds.")
				  : exec > JX_EXECUTION_HIGH
					  ? _("Budget execution in %d was %s, above %s: budget "
					      "next year more accurately, with fewer mid-year "
					      "additions.")
					  : _("Budget execution in %d was %s, between %s and "
					      "%s: normal."),
				  last->year, rd_pct(d, exec),
				  rd_pct0(d, exec > JX_EXECUTION_HIGH ? JX_EXECUTION_HIGH
								      : JX_EXECUTION_LOW),
				  rd_pct0(d, JX_EXECUTION_HIGH)),
			NULL, 0);
		rd_span_add(d, in, " ", NULL, 0);
		rd_span_add(d, in, ev, rp_anchor(d, "#fig", (size_t)last->year), RD_MUTED);
	}
	if (npersist) {
		in = rd_item(d, list, NULL);
		rd_span_add(
			d, in,
			rd_printf(
				d,
				ngettext("%zu indicator has lost points 3 years running or more: "
					 "tie next year's budget to its corrective targets, and "
					 "fund "
					 "the related spending strictly where it is not fixed.",
					 "%zu indicators have lost points 3 years running or more: "
					 "tie next year's budget to their corrective targets, and "
					 "fund the related spending strictly where they are not "
					 "fixed.",
					 npersist),
				npersist),
			NULL, 0);
		rd_span_add(d, in, " ", NULL, 0);
		rd_span_add(d, in, ev, "#runs", RD_MUTED);
	}
	if (nslow) {
		in = rd_item(d, list, NULL);
		rd_span_add(
			d, in,
			rd_printf(
				d,
				ngettext(
					"%zu project spent below 90%% of its budget every year: "
					"cut or adjust its budget next year.",
					"%zu projects spent below 90%% of their budget every year: "
					"cut or adjust their budgets next year.",
					nslow),
				nslow),
			NULL, 0);
		rd_span_add(d, in, " ", NULL, 0);
		rd_span_add(d, in, ev, "#projects", RD_MUTED);
	}
}
