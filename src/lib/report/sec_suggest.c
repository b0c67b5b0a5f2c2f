/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_suggest.c -- section 2: the planning suggestions, each with a link to its evidence,
 * what they mean for next year's budget, and the department's own words beside them.
 *
 * The suggestions themselves come from rules.c; this file only
 * words them (in the report's language) with the numbers of their
 * evidence, formatted as everywhere else in the report. */
#include <string.h>
#include <math.h>
#include "report/internal.h"

static const char *quoted(rd_doc *d, const char *name)
{
	return rd_printf(d, RP_TR(d, T_QUOTE), name);
}

/* R4: the first n indicators of the Pareto, quoted and joined. */
static const char *pareto_names(rd_doc *d, const jx_report *r, size_t n)
{
	const jx_deductions_result *ded = r->deductions;
	const char *s = "";
	for (size_t i = 0, k = 0; i < ded->npareto && k < n; i++) {
		const jx_pareto_row *p = &ded->pareto[i];
		const char *q;
		if (p->unit->level != JX_LEVEL_3 || !(p->points > 0))
			continue;
		q = quoted(d, rp_unit_label(d, ded->units, p->unit));
		s = k++ ? rd_printf(d, "%s%s%s", s, RP_TR(d, T_NAME_SEP), q) : q;
	}
	return s;
}

/* R12's evidence: the project's repeated list ("家长满意度 (2022, 2023)"). */
static const char *project_repeated(const jx_report *r, const char *project)
{
	for (size_t i = 0; r->projects && i < r->projects->nprojects; i++)
		if (r->projects->projects[i].name == project)
			return r->projects->projects[i].repeated;
	return "";
}

static const char *suggestion_text(rd_doc *d, const jx_report *r, const jx_suggestion *s)
{
	const jx_units *u = r->trend->units;
	const char *name = s->unit ? rp_unit_label(d, u, s->unit) : "";
	switch (s->rule) {
	case JX_RULE_PERSISTENT:
		return rd_printf(d, RP_TR(d, T_S1), name, (int)s->value, s->year, s->year2,
				 rd_pct(d, s->value2));
	case JX_RULE_LOW_RATE:
		if (s->count == 1) /* a window of one year: that year, not "the last 1 years" */
			return rd_printf(d, RP_TR(d, T_S2_ONE), name, r->year_latest,
					 rd_pts(d, s->value), rd_pct(d, s->value2));
		return rd_printf(d, RP_TR(d, T_S2), name, s->count, rd_pts(d, s->value),
				 rd_pct(d, s->value2));
	case JX_RULE_FALLING: /* no p-value in an action item: the evidence link has it */
		return rd_printf(d, RP_TR(d, T_S3), name, rd_slope(d, s->value));
	case JX_RULE_CONCENTRATED:
		return rd_printf(d, RP_TR(d, T_S4), pareto_names(d, r, s->count),
				 rd_pct(d, s->value), s->count);
	case JX_RULE_PAIR:
		return rd_printf(d, RP_TR(d, T_S5), name, rp_unit_label(d, u, s->unit2), s->count);
	case JX_RULE_NEW:
		return rd_printf(d, RP_TR(d, T_S6), name, s->year, rd_pts(d, s->value), s->year2);
	case JX_RULE_FORECAST_GRADE:
		return rd_printf(d, RP_TR(d, T_S7), s->year, rd_pct(d, s->value),
				 r->standing_latest && *r->standing_latest->grade
					 ? r->standing_latest->grade
				 : r->rank_row && r->rank_row->grade ? r->rank_row->grade
								     : "",
				 rd_pct(d, s->value2));
	case JX_RULE_EXECUTION:
		return rd_printf(d, RP_TR(d, s->value < 1 ? T_S8_LOW : T_S8_HIGH), s->year,
				 rd_pct(d, s->value));
	case JX_RULE_GROWTH:
		return rd_printf(d, RP_TR(d, T_S9), s->count, rd_pct(d, s->value),
				 rd_pct(d, s->value2));
	case JX_RULE_SELF_HIGH:
		return rd_printf(d, RP_TR(d, T_S10), s->year, s->count, name, rd_pts(d, s->value));
	case JX_RULE_PROJECT_SLOW:
		return rd_printf(d, RP_TR(d, T_S11), s->project, s->year, s->year2,
				 rd_pct(d, s->value2), rd_pct(d, s->value));
	case JX_RULE_PROJECT_REPEATED:
		return rd_printf(d, RP_TR(d, T_S12), s->project, project_repeated(r, s->project));
	}
	return "";
}

/* One suggestion as a list item. */
static void suggestion_item(rd_doc *d, rd_inline *in, const jx_report *r, const jx_suggestion *s)
{
	rd_span_add(d, in,
		    rd_printf(d, d->lang == JX_LANG_EN ? "[%s %s] " : "【%s %s】",
			      jx_rule_id(s->rule), rp_rule_label(d->lang, s->rule)),
		    NULL, RD_STRONG);
	rd_span_add(d, in, suggestion_text(d, r, s), NULL, 0);
	rd_span_add(d, in, " ", NULL, 0);
	rd_span_add(d, in, rd_printf(d, "→ %s", RP_TR(d, T_EVIDENCE)),
		    rd_printf(d, "#%s", s->anchor), RD_MUTED);
}

/* The department's own problems and suggestions, as its report states them, beside ours. */
static void own_words(rd_doc *d, const jx_report *r)
{
	rd_block *p;
	if (!r->stated_problems && !r->stated_suggestions)
		return;
	rd_heading(d, 3, "own-words", rd_printf(d, RP_TR(d, T_OWN_WORDS), r->year_latest));
	if (r->stated_problems) {
		p = rd_para(d);
		rd_span_add(d, &p->inl, RP_TR(d, T_OWN_PROBLEMS), NULL, RD_STRONG);
		rd_span_add(d, &p->inl, r->stated_problems, NULL, 0);
	}
	if (r->stated_suggestions) {
		p = rd_para(d);
		rd_span_add(d, &p->inl, RP_TR(d, T_OWN_SUGGESTIONS), NULL, RD_STRONG);
		rd_span_add(d, &p->inl, r->stated_suggestions, NULL, 0);
	}
}

static size_t rule_count(const jx_report *r, jx_rule rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsuggestions; i++)
		n += r->suggestions[i].rule == rule;
	return n;
}

/* 结果应用与预算建议: what should weigh on next year's budget -- the latest execution rate
 * (the bounds of R8), the indicators deducted 3 years running (R1), the slow projects (R11). */
static void budget_use(rd_doc *d, const jx_report *r)
{
	const jx_funds_year *last = r->funds && r->funds->nyears
					    ? &r->funds->years[r->funds->nyears - 1]
					    : NULL;
	size_t npersist = rule_count(r, JX_RULE_PERSISTENT);
	size_t nslow = rule_count(r, JX_RULE_PROJECT_SLOW);
	double exec = last ? last->execution_rate : NAN;
	const char *ev = rd_printf(d, "→ %s", RP_TR(d, T_EVIDENCE));
	rd_block *list;
	rd_inline *in;
	if (!isfinite(exec) && !npersist && !nslow)
		return;
	rd_heading(d, 3, "budget-use", RP_TR(d, T_BUDGET_USE));
	list = rd_list(d, 0);
	if (isfinite(exec)) {
		in = rd_item(d, list, NULL);
		rd_span_add(d, in,
			    rd_printf(d,
				      RP_TR(d, exec < 0.90   ? T_BU_EXEC_LOW
					       : exec > 1.10 ? T_BU_EXEC_HIGH
							     : T_BU_EXEC_OK),
				      last->year, rd_pct(d, exec)),
			    NULL, 0);
		rd_span_add(d, in, " ", NULL, 0);
		rd_span_add(d, in, ev, rp_anchor(d, "#fig", (size_t)last->year), RD_MUTED);
	}
	if (npersist) {
		in = rd_item(d, list, NULL);
		rd_span_add(d, in, rd_printf(d, RP_TR(d, T_BU_PERSIST), npersist), NULL, 0);
		rd_span_add(d, in, " ", NULL, 0);
		rd_span_add(d, in, ev, "#runs", RD_MUTED);
	}
	if (nslow) {
		in = rd_item(d, list, NULL);
		rd_span_add(d, in, rd_printf(d, RP_TR(d, T_BU_PROJ), nslow), NULL, 0);
		rd_span_add(d, in, " ", NULL, 0);
		rd_span_add(d, in, ev, "#projects", RD_MUTED);
	}
}

void rp_sec_suggestions(rd_doc *d, const jx_report *r)
{
	rd_block *list = NULL;
	rd_heading(d, 2, "suggestions", RP_TR(d, T_SEC_SUGGESTIONS));
	rd_para_text(d, NULL, RP_TR(d, T_SUGG_INTRO));
	if (!r->nsuggestions)
		rd_note(d, RP_TR(d, T_SUGG_NONE));
	else
		list = rd_list(d, 1);
	for (size_t i = 0; i < r->nsuggestions; i++)
		suggestion_item(d, rd_item(d, list, rp_anchor(d, "sug", i + 1)), r,
				&r->suggestions[i]);
	budget_use(d, r);
	own_words(d, r);
}
