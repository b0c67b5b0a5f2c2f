/* SPDX-License-Identifier: GPL-3.0-or-later */
/* projects.c -- a department's budget projects over the years: per project and
 * year the total, grade, execution rate and targets missed with their reasons;
 * across years the projects that keep spending slowly and the targets they
 * keep missing (docs/methods.md, "Projects").
 *
 * Reads one project-year at a time (the evaluation with its targets, and its
 * fund block), so memory holds the result, not the evaluations. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

int jx_projects_view_parse(const char *s, jx_projects_view *out)
{
	static const char *const names[] = {"years", "missed", "flags"};
	for (int i = 0; s && i < 3; i++)
		if (!strcmp(s, names[i])) {
			*out = (jx_projects_view)i;
			return 0;
		}
	return jx__error(JX_EINVAL, _("view must be years, missed or flags, not '%s'"), s ? s : "");
}

/* Append a missed target of row r in year to the result. */
static int add_missed(jx_projects_result *r, size_t *cap, int year, const jx_indicator *row)
{
	jx_missed_target *m;
	if (jx__grow((void **)&r->missed, cap, r->nmissed + 1, sizeof(*r->missed)))
		return JX_ENOMEM;
	m = &r->missed[r->nmissed++];
	memset(m, 0, sizeof(*m));
	m->year = year;
	if (!(m->level1 = jx__strdup(row->level1)) || !(m->level2 = jx__strdup(row->level2)) ||
	    !(m->level3 = jx__strdup(row->level3)) || !(m->key = jx__strdup(row->key)) ||
	    !(m->target = jx__strdup(row->target ? row->target : "")) ||
	    !(m->actual = jx__strdup(row->actual ? row->actual : "")) ||
	    (row->reason && !(m->reason = jx__strdup(row->reason))))
		return jx__oom();
	return 0;
}

/* The completions of ev's rows into y, its missed targets into r. */
static int count_targets(jx_projects_result *r, size_t *cap, jx_project_year *y,
			 const jx_evaluation *ev)
{
	int rc = 0;
	y->missed_first = r->nmissed;
	for (size_t i = 0; i < ev->nrows && rc == 0; i++) {
		const jx_indicator *row = &ev->rows[i];
		if (row->completion == JX_DONE_NONE)
			continue;
		y->ntargets++;
		y->nmet += row->completion == JX_DONE_MET;
		y->nunknown += row->completion == JX_DONE_UNKNOWN;
		if (row->completion == JX_DONE_MISSED) {
			y->nmissed++;
			rc = add_missed(r, cap, ev->year, row);
		}
	}
	return rc;
}

/* Budget, executed and the execution rate of a year from its fund block:
 * executed / budget when both are stated, else the stated rate. */
static void fund_block(jx_project_year *y, const jx_figures *f)
{
	int64_t rate;
	y->budget = y->executed = -1;
	y->execution_rate = NAN;
	if (!f)
		return;
	if (!jx_figures_get(f, "project_budget", &y->budget))
		y->budget = -1;
	if (!jx_figures_get(f, "project_executed", &y->executed))
		y->executed = -1;
	if (y->budget > 0 && y->executed >= 0)
		y->execution_rate = (double)y->executed / (double)y->budget;
	else if (jx_figures_get(f, "project_execution_rate", &rate))
		y->execution_rate = (double)rate / 10000.0;
}

/* One stored project-year s: its evaluation's targets and its fund block. */
static int add_year(jx_projects_result *r, size_t *mcap, jx_store *st, jx_project_summary *p,
		    const jx_eval_summary *s)
{
	jx_project_year *y = &p->years[p->nyears];
	jx_evaluation *ev = NULL;
	jx_figures *f = NULL;
	int rc;
	memset(y, 0, sizeof(*y));
	y->year = s->year;
	y->total_score = jx__tidy(s->total_score);
	y->total_weight = s->total_weight;
	y->rate = s->nmissing ? NAN : y->total_score / y->total_weight;
	y->provenance = s->provenance;
	if (!(y->grade = jx__strdup(s->grade)))
		return jx__oom();
	p->nyears++;
	if ((rc = jx_store_load_project_evaluation(st, &ev, r->department, p->key, s->year,
						   s->kind)) == 0)
		rc = count_targets(r, mcap, y, ev);
	jx_evaluation_free(ev);
	if (rc == 0 && (rc = jx_store_load_project_figures(st, &f, r->department, p->key,
							   s->year)) == JX_ENOTFOUND) {
		jx_error_clear();
		rc = 0;
	}
	fund_block(y, f);
	jx_figures_free(f);
	if (y->provenance == JX_PROV_SYNTHETIC)
		p->provenance = r->provenance = JX_PROV_SYNTHETIC;
	return rc;
}

/* Slow: the execution rate below the threshold in every year it is known (two at least). */
static void slow_rule(jx_project_summary *p, double threshold)
{
	double sum = 0;
	p->min_execution_rate = p->mean_execution_rate = NAN;
	for (size_t i = 0; i < p->nyears; i++) {
		double e = p->years[i].execution_rate;
		if (isnan(e))
			continue;
		p->nrate_years++;
		p->nslow_years += e < threshold - JX__EPS;
		sum += e;
		if (isnan(p->min_execution_rate) || e < p->min_execution_rate)
			p->min_execution_rate = e;
	}
	if (p->nrate_years)
		p->mean_execution_rate = sum / (double)p->nrate_years;
	p->slow = p->nrate_years >= 2 && p->nslow_years == p->nrate_years;
}

/* Repeated: an indicator (by key) missed in min or more of the project's years;
 * "level3 (2021, 2023); …" in first-missed order. */
static int repeated_rule(jx_projects_result *r, jx_project_summary *p, size_t first, size_t end)
{
	jx__buf b;
	jx__buf_init(&b);
	for (size_t i = first; i < end; i++) {
		size_t years = 0, seen = 0;
		for (size_t j = first; j < i; j++)
			seen += !strcmp(r->missed[j].key, r->missed[i].key);
		if (seen)
			continue; /* counted at its first miss */
		for (size_t j = i; j < end; j++)
			years += !strcmp(r->missed[j].key, r->missed[i].key);
		if ((int)years < r->min_missed)
			continue;
		jx__buf_printf(&b, "%s%s (", p->nrepeated ? "; " : "", r->missed[i].level3);
		for (size_t j = i, k = 0; j < end; j++)
			if (!strcmp(r->missed[j].key, r->missed[i].key))
				jx__buf_printf(&b, "%s%d", k++ ? ", " : "", r->missed[j].year);
		jx__buf_puts(&b, ")");
		p->nrepeated++;
	}
	if (b.failed)
		return jx__oom();
	p->repeated = b.len ? jx__buf_detach(&b) : NULL;
	jx__buf_free(&b);
	return 0;
}

/* One project: its years in o's range, then the rules across them. */
static int add_project(jx_projects_result *r, size_t *mcap, jx_store *st,
		       const jx_project_info *info, const jx_analysis_options *o)
{
	jx_filter f = {r->department, o->year_from, o->year_to, (int)r->kind, info->key};
	jx_project_summary *p = &r->projects[r->nprojects];
	jx_eval_summary *v = NULL;
	size_t n = 0, first = r->nmissed;
	int rc;
	memset(p, 0, sizeof(*p));
	if ((rc = jx_store_list(st, &f, &v, &n)) != 0 || n == 0)
		goto out;
	if (!(p->key = jx__strdup(info->key)) || !(p->name = jx__strdup(info->name)) ||
	    !(p->years = calloc(n, sizeof(*p->years)))) {
		rc = jx__oom();
		goto out;
	}
	r->nprojects++;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = add_year(r, mcap, st, p, &v[i]);
	slow_rule(p, r->threshold);
	if (rc == 0)
		rc = repeated_rule(r, p, first, r->nmissed);
out:
	jx_eval_summaries_free(v, n);
	return rc;
}

int jx_projects_compute(jx_projects_result **out, jx_store *st, const char *department,
			const jx_analysis_options *o)
{
	jx_analysis_options defaults;
	jx_projects_result *r;
	jx_project_info *info = NULL;
	size_t n = 0, mcap = 0;
	int rc;
	*out = NULL;
	if (!o) {
		jx_analysis_options_init(&defaults);
		o = &defaults;
	}
	if (!(r = calloc(1, sizeof(*r))) || !(r->department = jx__strdup(department))) {
		free(r);
		return jx__oom();
	}
	r->kind = o->kind;
	r->threshold = o->project_threshold;
	r->min_missed = o->project_min_missed;
	if ((rc = jx_store_projects(st, &info, &n, department)) == 0 &&
	    !(r->projects = calloc(n + 1, sizeof(*r->projects))))
		rc = jx__oom();
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = add_project(r, &mcap, st, &info[i], o);
	if (rc == 0 && r->nprojects == 0)
		rc = jx__error(JX_ENOTFOUND, _("%s has no %s project evaluations%s"), department,
			       jx_kind_name(o->kind),
			       o->year_from || o->year_to ? " in that year range" : "");
	jx_project_infos_free(info, n);
	if (rc) {
		jx_projects_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_projects_result_free(jx_projects_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nprojects; i++) {
		jx_project_summary *p = &r->projects[i];
		for (size_t y = 0; y < p->nyears; y++)
			free(p->years[y].grade);
		free(p->years);
		free(p->key);
		free(p->name);
		free(p->repeated);
	}
	for (size_t i = 0; i < r->nmissed; i++) {
		jx_missed_target *m = &r->missed[i];
		free(m->level1);
		free(m->level2);
		free(m->level3);
		free(m->key);
		free(m->target);
		free(m->actual);
		free(m->reason);
	}
	free(r->projects);
	free(r->missed);
	free(r->department);
	free(r);
}
