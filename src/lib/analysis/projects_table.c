/* SPDX-License-Identifier: GPL-3.0-or-later */
/* projects_table.c -- `jixiao projects` as tables: the project-years, the missed
 * targets with their reasons, and the rules across years (flags). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

static const jx__col years_cols[] = {
	{"project", N_("project"), JX_COL_TEXT, 0},
	{"year", N_("year"), JX_COL_INT, 0},
	{"total_score", N_("total score"), JX_COL_NUMBER, 0},
	{"total_weight", N_("total weight"), JX_COL_NUMBER, 0},
	{"rate", N_("rate"), JX_COL_FIXED, 4},
	{"grade", N_("grade"), JX_COL_TEXT, 0},
	{"budget", N_("annual budget"), JX_COL_NUMBER, 0},
	{"executed", N_("executed"), JX_COL_NUMBER, 0},
	{"money_unit", N_("money unit"), JX_COL_TEXT, 0},
	{"execution_rate", N_("execution"), JX_COL_FIXED, 4},
	{"targets", N_("targets"), JX_COL_INT, 0},
	{"met", N_("met"), JX_COL_INT, 0},
	{"missed", N_("missed"), JX_COL_INT, 0},
	{"unknown", N_("unknown"), JX_COL_INT, 0},
	{"missed_targets", N_("missed targets"), JX_COL_TEXT, 0},
};

static const jx__col missed_cols[] = {
	{"project", N_("project"), JX_COL_TEXT, 0},
	{"year", N_("year"), JX_COL_INT, 0},
	{"level1", N_("level 1"), JX_COL_TEXT, 0},
	{"level2", N_("level 2"), JX_COL_TEXT, 0},
	{"level3", N_("level 3"), JX_COL_TEXT, 0},
	{"target", N_("target"), JX_COL_TEXT, 0},
	{"actual", N_("actual"), JX_COL_TEXT, 0},
	{"reason", N_("reason for deviation"), JX_COL_TEXT, 0},
};

static const jx__col flags_cols[] = {
	{"project", N_("project"), JX_COL_TEXT, 0},
	{"first_year", N_("from"), JX_COL_INT, 0},
	{"last_year", N_("to"), JX_COL_INT, 0},
	{"years", N_("years"), JX_COL_INT, 0},
	{"rate_years", N_("years with rate"), JX_COL_INT, 0},
	{"years_below", N_("years below"), JX_COL_INT, 0},
	{"mean_execution_rate", N_("mean execution"), JX_COL_FIXED, 4},
	{"min_execution_rate", N_("min execution"), JX_COL_FIXED, 4},
	{"slow", N_("slow"), JX_COL_TEXT, 0},
	{"repeated_missed", N_("repeatedly missed"), JX_COL_TEXT, 0},
	{"flags", N_("flags"), JX_COL_TEXT, 0},
};

/* Cents of 元 as 万元 or 元; NaN when not stated. */
static double money(int64_t cents, const jx_analysis_options *o)
{
	if (cents < 0)
		return NAN;
	return o->money_wan ? (double)cents / 1e6 : (double)cents / 100.0;
}

/* "level3: target → actual (reason); …" of a year's missed targets. */
static char *missed_text(const jx_projects_result *r, const jx_project_year *y)
{
	jx__buf b;
	jx__buf_init(&b);
	for (size_t i = y->missed_first; i < y->missed_first + y->nmissed; i++) {
		const jx_missed_target *m = &r->missed[i];
		jx__buf_printf(&b, "%s%s: %s → %s", b.len ? "; " : "", m->level3, m->target,
			       m->actual);
		if (m->reason)
			jx__buf_printf(&b, " (%s)", m->reason);
	}
	return jx__buf_detach(&b);
}

static int year_row(jx_table *t, int c, const jx_projects_result *r, const jx_project_summary *p,
		    const jx_project_year *y, const jx_analysis_options *o)
{
	char *text = missed_text(r, y);
	int bad = !text || jx__table_row(t, r->department, NULL, y->provenance, o) ||
		  jx_table_set_text(t, c, p->name) || jx_table_set_int(t, c + 1, y->year) ||
		  jx__set_number(t, c + 2, y->total_score) ||
		  jx__set_number(t, c + 3, y->total_weight) || jx__set_number(t, c + 4, y->rate) ||
		  jx_table_set_text(t, c + 5, y->grade) ||
		  jx__set_number(t, c + 6, money(y->budget, o)) ||
		  jx__set_number(t, c + 7, money(y->executed, o)) ||
		  jx_table_set_text(t, c + 8, o->money_wan ? "万元" : "元") ||
		  jx__set_number(t, c + 9, y->execution_rate) ||
		  jx_table_set_int(t, c + 10, (long long)y->ntargets) ||
		  jx_table_set_int(t, c + 11, (long long)y->nmet) ||
		  jx_table_set_int(t, c + 12, (long long)y->nmissed) ||
		  jx_table_set_int(t, c + 13, (long long)y->nunknown) ||
		  jx_table_set_text(t, c + 14, text);
	if (!bad && (y->nmissed || y->execution_rate < r->threshold - JX__EPS))
		jx_table_mark_row(t);
	free(text);
	return bad ? jx__oom() : 0;
}

static int missed_row(jx_table *t, int c, const jx_projects_result *r, const char *project,
		      const jx_missed_target *m, jx_provenance prov, const jx_analysis_options *o)
{
	if (jx__table_row(t, r->department, NULL, prov, o) || jx_table_set_text(t, c, project) ||
	    jx_table_set_int(t, c + 1, m->year) || jx_table_set_text(t, c + 2, m->level1) ||
	    jx_table_set_text(t, c + 3, m->level2) || jx_table_set_text(t, c + 4, m->level3) ||
	    jx_table_set_text(t, c + 5, m->target) || jx_table_set_text(t, c + 6, m->actual) ||
	    jx_table_set_text(t, c + 7, m->reason))
		return jx__oom();
	return 0;
}

static int flags_row(jx_table *t, int c, const jx_projects_result *r, const jx_project_summary *p,
		     const jx_analysis_options *o)
{
	const char *flags = p->slow && p->repeated ? "slow_execution,repeated_missed"
			    : p->slow              ? "slow_execution"
			    : p->repeated          ? "repeated_missed"
						   : "";
	if (jx__table_row(t, r->department, NULL, p->provenance, o) ||
	    jx_table_set_text(t, c, p->name) || jx_table_set_int(t, c + 1, p->years[0].year) ||
	    jx_table_set_int(t, c + 2, p->years[p->nyears - 1].year) ||
	    jx_table_set_int(t, c + 3, (long long)p->nyears) ||
	    jx_table_set_int(t, c + 4, (long long)p->nrate_years) ||
	    jx_table_set_int(t, c + 5, (long long)p->nslow_years) ||
	    jx__set_number(t, c + 6, p->mean_execution_rate) ||
	    jx__set_number(t, c + 7, p->min_execution_rate) ||
	    jx_table_set_text(t, c + 8, p->slow ? "yes" : "no") ||
	    jx_table_set_text(t, c + 9, p->repeated) || jx_table_set_text(t, c + 10, flags))
		return jx__oom();
	if (*flags)
		jx_table_mark_row(t);
	return 0;
}

static int fill(jx_table *t, int c, const jx_projects_result *r, jx_projects_view view,
		const jx_analysis_options *o)
{
	int rc = 0;
	for (size_t i = 0; i < r->nprojects && rc == 0; i++) {
		const jx_project_summary *p = &r->projects[i];
		if (view == JX_PROJECTS_FLAGS) {
			rc = flags_row(t, c, r, p, o);
			continue;
		}
		for (size_t y = 0; y < p->nyears && rc == 0; y++) {
			const jx_project_year *py = &p->years[y];
			if (view == JX_PROJECTS_YEARS)
				rc = year_row(t, c, r, p, py, o);
			for (size_t m = py->missed_first;
			     view == JX_PROJECTS_MISSED && m < py->missed_first + py->nmissed &&
			     rc == 0;
			     m++)
				rc = missed_row(t, c, r, p->name, &r->missed[m], py->provenance, o);
		}
	}
	return rc;
}

static void add_note(jx_table *t, const jx_projects_result *r, jx_projects_view view)
{
	char th[32];
	jx_number_format(th, sizeof(th), r->threshold * 100);
	if (view == JX_PROJECTS_FLAGS)
		jx_table_add_note(t,
				  _("%s (%s): slow = execution rate (executed / budget) below "
				    "%s%% in every year it is known (two at least); repeated = an "
				    "indicator's target missed in %d or more years"),
				  r->department, jx_kind_label(r->kind), th, r->min_missed);
	else
		jx_table_add_note(
			t,
			_("%s (%s): execution rate = 全年执行数 / 全年预算数 (the stated 执行率 "
			  "when they are not given); a target is missed when the actual "
			  "value falls short by the target's comparator, unknown when "
			  "either does not parse; * = missed targets or execution below "
			  "%s%%"),
			r->department, jx_kind_label(r->kind), th);
}

int jx_projects_table(jx_table **out, const jx_projects_result *r, jx_projects_view view,
		      const jx_analysis_options *o)
{
	static const struct {
		const jx__col *cols;
		size_t n;
	} views[] = {{years_cols, sizeof(years_cols) / sizeof(*years_cols)},
		     {missed_cols, sizeof(missed_cols) / sizeof(*missed_cols)},
		     {flags_cols, sizeof(flags_cols) / sizeof(*flags_cols)}};
	jx_analysis_options defaults, plain;
	jx_table *t;
	int c, rc;
	*out = NULL;
	if (!o) {
		jx_analysis_options_init(&defaults);
		o = &defaults;
	}
	plain = *o;
	plain.with_project = 0; /* the project is a column of its own here */
	if ((unsigned)view > JX_PROJECTS_FLAGS)
		return jx__error(JX_EINVAL, _("unknown projects view %d"), (int)view);
	if ((rc = jx__table_start(&t, &c, views[view].cols, views[view].n, &plain, r->provenance)))
		return rc;
	add_note(t, r, view);
	if ((rc = fill(t, c, r, view, &plain)) != 0) {
		jx_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}
