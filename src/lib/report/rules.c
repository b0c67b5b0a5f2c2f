/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.c -- planning suggestions derived from the findings by fixed rules.
 *
 * Each rule reads one finding of the analyses and, when its trigger holds,
 * adds a suggestion that names its subject, carries the numbers of the
 * evidence and the anchor of the table row (or section) that shows it. The
 * triggers and thresholds are documented in docs/report.md. An indicator has
 * one entry whatever rules fired: it gets at most one of the indicator rules
 * R1-R3 and R6 (the first that fires), and R4, R5 and R10 on an indicator
 * that already has an entry are merged into it (jx_suggestion.merged).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report/internal.h"

#define RULE_RUN_YEARS 3      /* R1: consecutive deducted years */
#define RULE_PARETO_SHARE 0.5 /* R4: share of all points lost ... */
#define RULE_PARETO_MAX 3     /* ... carried by at most this many indicators */
#define RULE_PHI 0.5          /* R5: phi at least */
#define RULE_PAIR_YEARS 2     /* R5: years deducted together at least */
#define RULE_PAIRS_MAX 3      /* R5: pairs listed at most */
#define RULE_NEW_MAX 5        /* R6: new deductions listed at most */
#define RULE_TARGET_RATE 0.90 /* R2: the target rate (full marks when already reached) */

static const char *const rule_names[] = {
	"",          "persistent",   "low_rate",        "falling",   "concentrated",
	"pair",      "new",          "forecast_grade",  "execution", "growth",
	"self_high", "project_slow", "project_repeated"};

const char *jx_rule_id(jx_rule rule)
{
	static const char *const ids[] = {"",   "R1", "R2", "R3",  "R4",  "R5", "R6",
					  "R7", "R8", "R9", "R10", "R11", "R12"};
	return rule >= JX_RULE_PERSISTENT && rule <= JX_RULE_PROJECT_REPEATED ? ids[rule] : "";
}

const char *jx_rule_name(jx_rule rule)
{
	return rule >= JX_RULE_PERSISTENT && rule <= JX_RULE_PROJECT_REPEATED ? rule_names[rule]
									      : "";
}

static jx_suggestion *add(jx_report *r, jx_rule rule, const jx_unit *unit, const char *prefix,
			  size_t anchor_index)
{
	jx_suggestion *v = realloc(r->suggestions, (r->nsuggestions + 1) * sizeof(*v)), *s;
	if (!v)
		return NULL;
	r->suggestions = v;
	s = memset(&v[r->nsuggestions++], 0, sizeof(*s));
	s->rule = rule;
	s->unit = unit;
	s->count = 1;
	snprintf(s->anchor, sizeof(s->anchor), "%s-%zu", prefix, anchor_index);
	return s;
}

/* 1 when an indicator rule already covers the unit with this level and key. */
static int covered(const jx_report *r, const jx_unit *un)
{
	for (size_t i = 0; i < r->nsuggestions; i++) {
		const jx_suggestion *s = &r->suggestions[i];
		if (s->unit && s->unit->level == un->level && !strcmp(s->unit->key, un->key) &&
		    (s->rule <= JX_RULE_FALLING || s->rule == JX_RULE_NEW))
			return 1;
	}
	return 0;
}

static int same_unit(const jx_unit *a, const jx_unit *b)
{
	return a && b && a->level == b->level && !strcmp(a->key, b->key);
}

/* The entry that already names the indicator un (as its subject, or as the second of a
 * pair); NULL when none. Borrowed until the next add(). */
static jx_suggestion *entry_of(jx_report *r, const jx_unit *un)
{
	for (size_t i = 0; i < r->nsuggestions; i++)
		if (same_unit(r->suggestions[i].unit, un))
			return &r->suggestions[i];
	for (size_t i = 0; i < r->nsuggestions; i++)
		if (same_unit(r->suggestions[i].unit2, un))
			return &r->suggestions[i];
	return NULL;
}

/* Merge a rule on un into the entry that already names un: the entry then lists every rule
 * that fired on it. NULL when no entry names un (or it is full): the caller adds one. */
static jx_suggestion_merged *merge(jx_report *r, jx_rule rule, const jx_unit *un,
				   const char *prefix, size_t anchor_index)
{
	jx_suggestion *s = entry_of(r, un);
	jx_suggestion_merged *m;
	if (!s || s->nmerged == JX_SUGGESTION_MERGED_MAX)
		return NULL;
	m = memset(&s->merged[s->nmerged++], 0, sizeof(*m));
	m->rule = rule;
	m->unit = un;
	m->count = 1;
	snprintf(m->anchor, sizeof(m->anchor), "%s-%zu", prefix, anchor_index);
	return m;
}

static int rule_persistent(jx_report *r)
{
	const jx_deductions_result *d = r->deductions;
	for (size_t i = 0; i < d->nruns; i++) {
		const jx_run_row *run = &d->runs[i];
		jx_suggestion *s;
		if (run->current_run < RULE_RUN_YEARS)
			continue;
		if (!(s = add(r, JX_RULE_PERSISTENT, run->unit, "run",
			      rp_unit_index(d->units, run->unit))))
			return jx__oom();
		s->value = run->current_run;
		s->year = d->units->years[d->units->nyears - (size_t)run->current_run];
		s->year2 = d->units->years[d->units->nyears - 1];
		s->value2 = 1; /* the target: full marks (docs/report.md, R1) */
	}
	return 0;
}

/* R2 (rule JX_RULE_LOW_RATE) for every weak indicator (new, persistent, large, or the
 * opt-in low rate) that no earlier rule covers; R3 for a falling one (opt-in). R2's target:
 * a 90% rate, or full marks when its latest rate already reaches 90%. */
static int rule_weak(jx_report *r, unsigned rule_bits, jx_rule rule)
{
	const jx_weak_result *w = r->weak;
	for (size_t i = 0; i < w->nrows; i++) {
		const jx_weak_row *row = &w->rows[i];
		double latest = 1 - row->latest_lost / row->latest_weight;
		jx_suggestion *s;
		if (!(row->rules & rule_bits) || covered(r, row->unit))
			continue;
		if (!(s = add(r, rule, row->unit, "weak", i + 1)))
			return jx__oom();
		s->value = rule == JX_RULE_LOW_RATE ? row->points_lost : row->trend.fit.slope;
		s->value2 = rule != JX_RULE_LOW_RATE    ? row->trend.mk.p_value
			    : latest < RULE_TARGET_RATE ? RULE_TARGET_RATE
							: 1;
		s->count = w->nwindow;
	}
	return 0;
}

/* R3 for the total and the categories (indicators come through the weak rule). */
static int rule_falling_units(jx_report *r)
{
	const jx_trend_result *t = r->trend;
	for (size_t i = 0; i < t->nrows; i++) {
		const jx_trend_row *row = &t->rows[i];
		jx_suggestion *s;
		if (row->unit->level > JX_LEVEL_1 || row->direction != JX_DIR_FALLING)
			continue;
		if (!(s = add(r, JX_RULE_FALLING, row->unit, "trend",
			      rp_unit_index(t->units, row->unit))))
			return jx__oom();
		s->value = row->fit.slope;
		s->value2 = row->mk.p_value;
	}
	return 0;
}

/* R4 on each of the k indicators that carry the share: merged into its entry, or an entry. */
static int concentrated_on(jx_report *r, size_t k, double share)
{
	const jx_deductions_result *d = r->deductions;
	for (size_t i = 0, n = 0; i < d->npareto && n < k; i++) {
		const jx_pareto_row *p = &d->pareto[i];
		size_t at;
		jx_suggestion_merged *m;
		jx_suggestion *s;
		if (p->unit->level != JX_LEVEL_3 || !(p->points > 0))
			continue;
		n++;
		at = rp_unit_index(d->units, p->unit);
		if ((m = merge(r, JX_RULE_CONCENTRATED, p->unit, "pareto", at))) {
			m->count = k;
			m->value = share;
			m->value2 = d->total_points;
			continue;
		}
		if (!(s = add(r, JX_RULE_CONCENTRATED, p->unit, "pareto", at)))
			return jx__oom();
		s->count = k;
		s->value = share;
		s->value2 = d->total_points;
	}
	return 0;
}

static int rule_concentrated(jx_report *r)
{
	const jx_deductions_result *d = r->deductions;
	size_t k = 0;
	if (!(d->total_points > 0))
		return 0;
	for (size_t i = 0; i < d->npareto; i++) {
		const jx_pareto_row *p = &d->pareto[i];
		if (p->unit->level != JX_LEVEL_3 || !(p->points > 0))
			continue;
		if (++k > RULE_PARETO_MAX)
			return 0;
		if (p->cum_share >= RULE_PARETO_SHARE)
			return concentrated_on(r, k, p->cum_share);
	}
	return 0;
}

/* R5: a pair whose first or second indicator has an entry is merged into it. */
static int rule_pairs(jx_report *r)
{
	const jx_deductions_result *d = r->deductions;
	size_t n = 0;
	for (size_t i = 0; i < d->npairs && n < RULE_PAIRS_MAX; i++) {
		const jx_pair_row *p = &d->pairs[i];
		jx_suggestion_merged *m;
		jx_suggestion *s;
		if (!(p->phi >= RULE_PHI) || p->n11 < RULE_PAIR_YEARS)
			continue;
		n++;
		if ((m = merge(r, JX_RULE_PAIR, p->a, "pair", i + 1)) ||
		    (m = merge(r, JX_RULE_PAIR, p->b, "pair", i + 1))) {
			m->unit = p->a;
			m->unit2 = p->b;
			m->value = p->phi;
			m->count = p->n11;
			continue;
		}
		if (!(s = add(r, JX_RULE_PAIR, p->a, "pair", i + 1)))
			return jx__oom();
		s->unit2 = p->b;
		s->value = p->phi;
		s->count = p->n11;
	}
	return 0;
}

static int by_points_lost(const void *pa, const void *pb)
{
	const jx_compare_row *a = *(const jx_compare_row *const *)pa;
	const jx_compare_row *b = *(const jx_compare_row *const *)pb;
	double la = a->to->weight - a->to->score, lb = b->to->weight - b->to->score;
	return la > lb ? -1 : la < lb ? 1 : (a->unit > b->unit) - (a->unit < b->unit);
}

/* R6: deducted in the latest year, present and clean in the previous one. */
static int rule_new(jx_report *r)
{
	const jx_compare_result *c = r->compare;
	const jx_compare_row **v;
	size_t n = 0;
	if (!c)
		return 0;
	if (!(v = malloc((c->nrows + 1) * sizeof(*v))))
		return jx__oom();
	for (size_t i = 0; i < c->nrows; i++) {
		const jx_compare_row *row = &c->rows[i];
		if (row->unit->level == JX_LEVEL_3 && row->from->nrows &&
		    !isnan(row->from->score) && !jx_unit_year_deducted(row->from) &&
		    jx_unit_year_deducted(row->to))
			v[n++] = row;
	}
	jx__sort(v, n, sizeof(*v), by_points_lost);
	for (size_t i = 0, added = 0; i < n && added < RULE_NEW_MAX; i++) {
		jx_suggestion *s;
		if (covered(r, v[i]->unit))
			continue;
		if (!(s = add(r, JX_RULE_NEW, v[i]->unit, "cmp",
			      rp_unit_index(c->units, v[i]->unit)))) {
			free(v);
			return jx__oom();
		}
		s->value = round((v[i]->to->weight - v[i]->to->score) * 1e6) / 1e6;
		s->year = c->year_to;
		s->year2 = c->year_from;
		added++;
	}
	free(v);
	return 0;
}

/* Grade band whose min_score the latest total reaches; NULL when unknown. */
static const jx_grade_band *report_band(const jx_report *r, const char *grade)
{
	for (size_t i = 0; grade && i < r->nbands; i++)
		if (!strcmp(r->bands[i].grade, grade))
			return &r->bands[i];
	return NULL;
}

/* R7: the lower prediction bound of the total falls below the latest grade's band. */
static int rule_forecast_grade(jx_report *r)
{
	const jx_forecast_row *fc = NULL;
	const jx_grade_band *band;
	jx_suggestion *s;
	if (!r->forecast || !r->rank_row)
		return 0;
	for (size_t i = 0; i < r->forecast->nrows && !fc; i++)
		if (r->forecast->rows[i].unit->level == JX_LEVEL_TOTAL && r->forecast->rows[i].ok)
			fc = &r->forecast->rows[i];
	/* review first: the grade to keep is the headline's (the review's when there is one) */
	band = report_band(r, r->standing_latest && *r->standing_latest->grade
				      ? r->standing_latest->grade
				      : r->rank_row->grade);
	if (!fc || !band || !(band->min_score > 0) || !(fc->pi_low * 100 < band->min_score))
		return 0;
	if (!(s = add(r, JX_RULE_FORECAST_GRADE, fc->unit, "fc", 0)))
		return jx__oom();
	s->value = fc->pi_low;
	s->value2 = band->min_score / 100;
	s->year = r->forecast->year;
	return 0;
}

static int rule_funds(jx_report *r)
{
	const jx_funds_result *f = r->funds;
	const jx_funds_year *last;
	jx_suggestion *s;
	if (!f || !f->nyears)
		return 0;
	last = &f->years[f->nyears - 1];
	if (isfinite(last->execution_rate) &&
	    (last->execution_rate < JX_EXECUTION_LOW || last->execution_rate > JX_EXECUTION_HIGH)) {
		if (!(s = add(r, JX_RULE_EXECUTION, NULL, "fig", (size_t)last->year)))
			return jx__oom();
		s->value = last->execution_rate;
		s->year = last->year;
	}
	if (f->warning) {
		if (!(s = add(r, JX_RULE_GROWTH, NULL, "growth", 0)))
			return jx__oom();
		snprintf(s->anchor, sizeof(s->anchor), "growth");
		s->value = f->mean_growth;
		s->value2 = f->threshold;
		s->count = f->ngrowth;
	}
	return 0;
}

/* R10: in the latest year with a review, indicators the review scored lower. */
static int rule_self_high(jx_report *r)
{
	const jx_selfreview_result *sr = r->selfreview;
	const jx_selfreview_row *top = NULL;
	size_t n = 0, top_i = 0;
	int year = 0;
	jx_suggestion_merged *m;
	jx_suggestion *s;
	if (!sr)
		return 0;
	for (size_t i = 0; i < sr->nrows; i++)
		year = sr->rows[i].year > year ? sr->rows[i].year : year;
	for (size_t i = 0; i < sr->nrows; i++) {
		const jx_selfreview_row *row = &sr->rows[i];
		if (row->year != year || row->unit->level != JX_LEVEL_3 || !(row->diff_points > 0))
			continue;
		if (!top || row->diff_points > top->diff_points) {
			top = row;
			top_i = i;
		}
		n++;
	}
	if (!top)
		return 0;
	if ((m = merge(r, JX_RULE_SELF_HIGH, top->unit, "sr", top_i))) {
		m->year = year;
		m->count = n;
		m->value = top->diff_points;
		return 0;
	}
	if (!(s = add(r, JX_RULE_SELF_HIGH, top->unit, "sr", top_i)))
		return jx__oom();
	s->year = year;
	s->count = n;
	s->value = top->diff_points;
	return 0;
}

/* R11 and R12: each project that spent below the threshold in every year (jx_projects_compute's
 * slow), and each that missed the same target in two or more years (its repeated list). */
static int rule_projects(jx_report *r)
{
	const jx_projects_result *pr = r->projects;
	for (size_t i = 0; pr && i < pr->nprojects; i++) {
		const jx_project_summary *p = &pr->projects[i];
		jx_suggestion *s;
		if (p->slow) {
			if (!(s = add(r, JX_RULE_PROJECT_SLOW, NULL, "proj", i + 1)))
				return jx__oom();
			s->project = p->name;
			s->year = p->years[0].year;
			s->year2 = p->years[p->nyears - 1].year;
			s->value = p->mean_execution_rate;
			s->value2 = pr->threshold;
			s->count = p->nrate_years;
		}
		if (p->repeated) {
			if (!(s = add(r, JX_RULE_PROJECT_REPEATED, NULL, "proj", i + 1)))
				return jx__oom();
			s->project = p->name;
			s->count = p->nrepeated;
		}
	}
	return 0;
}

/* Suggestions in rule order, each rule's in the order made (a stable insertion sort). */
static void sort_by_rule(jx_report *r)
{
	for (size_t i = 1; i < r->nsuggestions; i++) {
		jx_suggestion tmp = r->suggestions[i];
		size_t j = i;
		for (; j > 0 && r->suggestions[j - 1].rule > tmp.rule; j--)
			r->suggestions[j] = r->suggestions[j - 1];
		r->suggestions[j] = tmp;
	}
}

int jx__report_rules(jx_report *r)
{
	int rc;
	/* one indicator rule per indicator, the most specific first: a run of 3 years (R1), a
	 * deduction new since last year (R6), any other weak indicator (R2), falling (R3) */
	if ((rc = rule_persistent(r)) || (rc = rule_new(r)) ||
	    (rc = rule_weak(r, JX_WEAK_ANY & ~JX_WEAK_FALLING, JX_RULE_LOW_RATE)) ||
	    (rc = rule_falling_units(r)) || (rc = rule_weak(r, JX_WEAK_FALLING, JX_RULE_FALLING)) ||
	    (rc = rule_concentrated(r)) || (rc = rule_pairs(r)) || (rc = rule_forecast_grade(r)) ||
	    (rc = rule_funds(r)) || (rc = rule_self_high(r)) || (rc = rule_projects(r)))
		return rc;
	sort_by_rule(r);
	return 0;
}
