/* SPDX-License-Identifier: GPL-3.0-or-later */
/* labels.c -- the report's chart captions and rule names in the current language (GNU
 * gettext: the report is written under jx_i18n_set(req->lang); po/zh_CN.po translates). */
#include "report/internal.h"

const char *rp_chart_title(jx_chart c)
{
	static const char *const titles[] = {
		N_("Total score with grade bands, linear trend and next year's forecast"),
		N_("Score rate of each category"),
		N_("Points lost per indicator and year (blank: indicator absent)"),
		N_("Points lost by indicator, with the cumulative share"),
		N_("Score rates of the weak indicators"),
		N_("Budget and final expenditure (10,000 yuan) with the execution rate"),
		N_("Total scores of all departments"),
		N_("Execution rate of each project (dashed: the slow-execution threshold)")};
	return (unsigned)c < sizeof(titles) / sizeof(*titles) ? _(titles[c]) : "";
}

const char *rp_rule_label(jx_rule rule)
{
	/* TRANSLATORS: short names of the planning-suggestion rules R1..R10 (docs/report.md) */
	static const char *const labels[] = {N_("persistent deduction"),
					     N_("weak indicator"),
					     N_("falling"),
					     N_("concentrated losses"),
					     N_("deducted together"),
					     N_("new deduction"),
					     N_("grade at risk"),
					     N_("budget execution"),
					     N_("expenditure growth"),
					     N_("self-score high"),
					     N_("slow project"),
					     N_("project targets missed again")};
	unsigned i = (unsigned)rule - 1;
	return i < sizeof(labels) / sizeof(*labels) ? _(labels[i]) : "";
}
