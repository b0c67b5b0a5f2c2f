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
	return rd_printf(d, _("“%s”"), name);
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
		s = k++ ? rd_printf(d, "%s%s%s", s, _(", "), q) : q;
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
		return rd_printf(
			d,
			ngettext(
				"“%s” lost points %d year running (%d–%d): make it one of next "
				"year's performance targets, a score rate of %s (full marks), with "
				"an owner and a deadline.",
				"“%s” lost points %d years running (%d–%d): make it one of next "
				"year's performance targets, a score rate of %s (full marks), with "
				"an owner and a deadline.",
				(unsigned long)s->value),
			name, (int)s->value, s->year, s->year2, rd_pct(d, s->value2));
	case JX_RULE_LOW_RATE:
		if (s->count == 1) /* a window of one year: that year, not "the last 1 years" */
			return rd_printf(d,
					 _("“%s” lost points in %d (%s): find out why, fix it, and "
					   "reach a score rate of %s next year."),
					 name, r->year_latest, rd_pts(d, s->value),
					 rd_pct(d, s->value2));
		return rd_printf(
			d,
			ngettext("“%s”: over the last %zu year it lost %s points: find "
				 "out why, fix it, and reach a score rate of %s next year.",
				 "“%s”: over the last %zu years it lost %s points: find "
				 "out why, fix it, and reach a score rate of %s next year.",
				 s->count),
			name, s->count, rd_pts(d, s->value), rd_pct(d, s->value2));
	case JX_RULE_FALLING: /* no p-value in an action item: the evidence link has it */
		return rd_printf(d,
				 _("“%s” is falling (%s pp a year): find the cause and plan "
				   "specific measures for next year."),
				 name, rd_slope(d, s->value));
	case JX_RULE_CONCENTRATED:
		return rd_printf(
			d,
			ngettext("Losses are concentrated: %s alone carries %s of all points lost "
				 "(%zu "
				 "indicator): put corrective work on it first.",
				 "Losses are concentrated: %s carry %s of all points lost (%zu "
				 "indicators): put corrective work on these first.",
				 s->count),
			pareto_names(d, r, s->count), rd_pct(d, s->value), s->count);
	case JX_RULE_PAIR:
		return rd_printf(
			d,
			ngettext("“%s” and “%s” lose points in the same years (%zu year "
				 "together): look for a common cause and fix them together.",
				 "“%s” and “%s” lose points in the same years (%zu years "
				 "together): look for a common cause and fix them together.",
				 s->count),
			name, rp_unit_label(d, u, s->unit2), s->count);
	case JX_RULE_NEW:
		return rd_printf(
			d,
			ngettext(
				"“%s” lost points in %d (%s point; none in %d): find out why now, "
				"before it becomes persistent.",
				"“%s” lost points in %d (%s points; none in %d): find out why now, "
				"before it becomes persistent.",
				rp_plural(s->value)),
			name, s->year, rd_pts(d, s->value), s->year2);
	case JX_RULE_FORECAST_GRADE:
		return rd_printf(
			d,
			_("The lower bound of the %d forecast of the total score rate is %s, below "
			  "the line of the current grade “%s” (%s): the grade is at risk; plan "
			  "corrective work early."),
			s->year, rd_pct(d, s->value),
			r->standing_latest && *r->standing_latest->grade
				? jx_grade_label(r->standing_latest->grade)
			: r->rank_row && r->rank_row->grade ? jx_grade_label(r->rank_row->grade)
							    : "",
			rd_pct(d, s->value2));
	case JX_RULE_EXECUTION:
		return rd_printf(
			d,
			(s->value < 1
				 ? _("Budget execution in %d was %s, below 90%%: speed up spending "
				     "and plan the use of funds.")
				 : _("Final expenditure in %d was %s of the budget, above 110%%: "
				     "budget more accurately and reduce mid-year additions.")),
			s->year, rd_pct(d, s->value));
	case JX_RULE_GROWTH:
		return rd_printf(
			d,
			ngettext("Over the last %zu year expenditure grew %s a year on average, "
				 "above "
				 "the %s threshold: restrain growth and review whether project "
				 "spending is necessary.",
				 "Over the last %zu years expenditure grew %s a year on average, "
				 "above the %s threshold: restrain growth and review whether "
				 "project spending is necessary.",
				 s->count),
			s->count, rd_pct(d, s->value), rd_pct(d, s->value2));
	case JX_RULE_SELF_HIGH:
		return rd_printf(
			d,
			ngettext("In %d the review scored %zu indicator below the self-evaluation "
				 "(largest gap: “%s”, %s points): self-evaluate by the review's "
				 "standard and keep the supporting evidence.",
				 "In %d the review scored %zu indicators below the self-evaluation "
				 "(largest gap: “%s”, %s points): self-evaluate by the review's "
				 "standard and keep the supporting evidence.",
				 s->count),
			s->year, s->count, name, rd_pts(d, s->value));
	case JX_RULE_PROJECT_SLOW:
		return rd_printf(
			d,
			_("Project “%s”: %d–%d, execution below %s in every year (mean %s): "
			  "check its funding needs and progress, pay out with progress, and "
			  "adjust the budget when it lags."),
			s->project, s->year, s->year2, rd_pct(d, s->value2), rd_pct(d, s->value));
	case JX_RULE_PROJECT_REPEATED:
		return rd_printf(
			d,
			_("Project “%s” misses the same targets again (%s): act on the "
			  "reasons the department gave, or set next year's targets to what "
			  "can be reached."),
			s->project, project_repeated(r, s->project));
	}
	return "";
}

/* One suggestion as a list item. */
static void suggestion_item(rd_doc *d, rd_inline *in, const jx_report *r, const jx_suggestion *s)
{
	rd_span_add(d, in, rd_printf(d, _("[%s %s] "), jx_rule_id(s->rule), rp_rule_label(s->rule)),
		    NULL, RD_STRONG);
	rd_span_add(d, in, suggestion_text(d, r, s), NULL, 0);
	rd_span_add(d, in, " ", NULL, 0);
	rd_span_add(d, in, rd_printf(d, "→ %s", _("evidence")), rd_printf(d, "#%s", s->anchor),
		    RD_MUTED);
}

/* The department's own problems and suggestions, as its report states them, beside ours. */
static void own_words(rd_doc *d, const jx_report *r)
{
	rd_block *p;
	if (!r->stated_problems && !r->stated_suggestions)
		return;
	rd_heading(d, 3, "own-words",
		   rd_printf(d, _("What the department itself reported (%d report, as written)"),
			     r->year_latest));
	if (r->stated_problems) {
		p = rd_para(d);
		rd_span_add(d, &p->inl, _("Problems and causes: "), NULL, RD_STRONG);
		rd_span_add(d, &p->inl, r->stated_problems, NULL, 0);
	}
	if (r->stated_suggestions) {
		p = rd_para(d);
		rd_span_add(d, &p->inl, _("Suggestions: "), NULL, RD_STRONG);
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
	const char *ev = rd_printf(d, "→ %s", _("evidence"));
	rd_block *list;
	rd_inline *in;
	if (!isfinite(exec) && !npersist && !nslow)
		return;
	rd_heading(d, 3, "budget-use", _("Using the results in next year's budget"));
	list = rd_list(d, 0);
	if (isfinite(exec)) {
		in = rd_item(d, list, NULL);
		rd_span_add(
			d, in,
			rd_printf(d,
				  exec < 0.90
					  ? _("Budget execution in %d was %s, below 90%%: set next "
					      "year's budget by actual progress and need, and pool "
					      "the carried-over funds.")
				  : exec > 1.10
					  ? _("Budget execution in %d was %s, above 110%%: budget "
					      "next year more accurately, with fewer mid-year "
					      "additions.")
					  : _("Budget execution in %d was %s, between 90%% and "
					      "110%%: normal."),
				  last->year, rd_pct(d, exec)),
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

void rp_sec_suggestions(rd_doc *d, const jx_report *r)
{
	rd_block *list = NULL;
	rd_heading(d, 2, "suggestions", _("2. Planning suggestions"));
	rd_para_text(d, NULL,
		     _("These suggestions follow from the findings of this report's sections by "
		       "fixed rules (triggers and thresholds in docs/report.md); each links to the "
		       "evidence that triggered it."));
	if (!r->nsuggestions)
		rd_note(d, _("No rule fired."));
	else
		list = rd_list(d, 1);
	for (size_t i = 0; i < r->nsuggestions; i++)
		suggestion_item(d, rd_item(d, list, rp_anchor(d, "sug", i + 1)), r,
				&r->suggestions[i]);
	budget_use(d, r);
	own_words(d, r);
}
