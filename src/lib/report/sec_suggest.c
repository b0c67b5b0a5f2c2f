/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_suggest.c -- section 5 (改进建议): the planning suggestions, each with a link to its
 * evidence, and the department's own suggestions beside them.
 *
 * The suggestions themselves come from rules.c; this file only
 * words them (in the report's language) with the numbers of their
 * evidence, formatted as everywhere else in the report. */
#include <string.h>
#include <math.h>
#include "report/internal.h"

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
	case JX_RULE_CONCENTRATED: /* one indicator of the k that carry the share */
		if (s->count == 1)
			return rd_printf(d,
					 _("“%s” alone carries %s of all points lost: put "
					   "corrective work on it first."),
					 name, rd_pct(d, s->value));
		return rd_printf(d,
				 _("“%s” is one of %zu indicators that together carry %s of all "
				   "points lost: put corrective work on these first."),
				 name, s->count, rd_pct(d, s->value));
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
			_("The %d total score rate could fall as low as %s, below the line of the "
			  "current grade “%s” (%s): the grade is at risk; plan corrective work "
			  "early."),
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
				 ? _("Budget execution in %d was %s, below %s: speed up spending "
				     "and plan the use of funds.")
				 : _("Final expenditure in %d was %s of the budget, above %s: "
				     "budget more accurately and reduce mid-year additions.")),
			s->year, rd_pct(d, s->value),
			rd_pct0(d, s->value < 1 ? JX_EXECUTION_LOW : JX_EXECUTION_HIGH));
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

/* A merged rule as the suggestion it would have been on its own. */
static jx_suggestion as_suggestion(const jx_suggestion_merged *m)
{
	jx_suggestion s;
	memset(&s, 0, sizeof(s));
	s.rule = m->rule;
	s.unit = m->unit;
	s.unit2 = m->unit2;
	s.year = m->year;
	s.value = m->value;
	s.value2 = m->value2;
	s.count = m->count;
	memcpy(s.anchor, m->anchor, sizeof(s.anchor));
	return s;
}

/* "R1 persistent deduction · R4 concentrated losses": every rule of the entry. */
static const char *rule_tags(rd_doc *d, const jx_suggestion *s)
{
	const char *tags = rd_printf(d, "%s %s", jx_rule_id(s->rule), rp_rule_label(s->rule));
	for (size_t i = 0; i < s->nmerged; i++)
		tags = rd_printf(d, "%s%s%s %s", tags, _(" · "), jx_rule_id(s->merged[i].rule),
				 rp_rule_label(s->merged[i].rule));
	return tags;
}

static void text_and_evidence(rd_doc *d, rd_inline *in, const jx_report *r, const jx_suggestion *s)
{
	rd_span_add(d, in, suggestion_text(d, r, s), NULL, 0);
	rd_span_add(d, in, " ", NULL, 0);
	rd_span_add(d, in, rd_printf(d, "→ %s", _("evidence")), rd_printf(d, "#%s", s->anchor),
		    RD_MUTED);
}

/* One suggestion as a list item: its rules, then each rule's text and evidence. */
static void suggestion_item(rd_doc *d, rd_inline *in, const jx_report *r, const jx_suggestion *s)
{
	rd_span_add(d, in, rd_printf(d, _("[%s] "), rule_tags(d, s)), NULL, RD_STRONG);
	text_and_evidence(d, in, r, s);
	for (size_t i = 0; i < s->nmerged; i++) {
		jx_suggestion m = as_suggestion(&s->merged[i]);
		rd_span_add(d, in, " ", NULL, 0);
		text_and_evidence(d, in, r, &m);
	}
}

/* The department's own suggestions, as its report states them, beside ours (its problems
 * are in section 4). */
static void own_words(rd_doc *d, const jx_report *r)
{
	rd_block *p;
	if (!r->stated_suggestions)
		return;
	rd_heading(d, 3, "own-words",
		   rd_printf(d, _("Suggestions the department itself made (%d report, as written)"),
			     r->year_latest));
	p = rd_para(d);
	rd_span_add(d, &p->inl, _("Suggestions: "), NULL, RD_STRONG);
	rd_span_add(d, &p->inl, r->stated_suggestions, NULL, 0);
}

void rp_sec_suggestions(rd_doc *d, const jx_report *r)
{
	rd_block *list = NULL;
	rd_heading(d, 2, "suggestions", _("5. Improvement suggestions"));
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
	own_words(d, r);
}
