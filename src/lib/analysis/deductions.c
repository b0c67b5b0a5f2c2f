/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deductions.c -- where points are lost: Pareto, runs, transitions, pairs.
 *
 * A unit-year is "deducted" when its score is known and below its weight,
 * "clean" when known and equal, and unknown when absent or missing
 * (docs/methods.md §7). Runs count consecutive evaluated years of the
 * department; an unknown year breaks a run. Pairs need support: a one-sided
 * Fisher exact test over the years both are known (at least four), with the
 * Benjamini–Hochberg correction over the pairs tested in the department.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

enum { ST_UNKNOWN = -1, ST_CLEAN = 0, ST_DEDUCTED = 1 };

static int state_of(const jx_unit_year *uy)
{
	if (!uy->nrows || isnan(uy->score))
		return ST_UNKNOWN;
	return jx_unit_year_deducted(uy) ? ST_DEDUCTED : ST_CLEAN;
}

int jx_deductions_view_parse(const char *s, jx_deductions_view *out)
{
	static const char *const names[] = {"pareto", "runs", "transitions", "pairs"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i])) {
			*out = (jx_deductions_view)i;
			return 0;
		}
	return jx__error(JX_EINVAL, _("unknown view '%s' (pareto, runs, transitions, pairs)"), s);
}

/* ---- Pareto ---- */

static int pareto_levels(const jx_analysis_options *o, int level)
{
	if (!o || o->level == JX_LEVEL_ALL)
		return level == JX_LEVEL_1 || level == JX_LEVEL_3;
	return o->level == level;
}

static int cmp_pareto(const void *pa, const void *pb)
{
	const jx_pareto_row *a = pa, *b = pb;
	if (a->unit->level != b->unit->level)
		return a->unit->level < b->unit->level ? -1 : 1;
	if (a->points != b->points)
		return a->points > b->points ? -1 : 1;
	return (a->unit > b->unit) - (a->unit < b->unit);
}

static void pareto_row(jx_pareto_row *row, const jx_units *u)
{
	for (size_t y = 0; y < u->nyears; y++) {
		const jx_unit_year *uy = &row->unit->years[y];
		int st = state_of(uy);
		row->nyears_present += uy->nrows > 0;
		row->nmissing_years += uy->nrows > 0 && st == ST_UNKNOWN;
		if (st != ST_UNKNOWN)
			row->points += uy->weight - uy->score;
		row->nyears_deducted += st == ST_DEDUCTED;
	}
	row->points = jx__tidy(row->points);
}

/* Shares within each level, in descending order of points. */
static void pareto_shares(jx_pareto_row *rows, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		double sum = 0, cum = 0;
		while (j < n && rows[j].unit->level == rows[i].unit->level)
			sum += rows[j++].points;
		for (; i < j; i++) {
			cum += rows[i].points;
			rows[i].share = sum > 0 ? rows[i].points / sum : NAN;
			rows[i].cum_share = sum > 0 ? cum / sum : NAN;
		}
	}
}

static int pareto(jx_deductions_result *r, const jx_analysis_options *o)
{
	const jx_units *u = r->units;
	if (!(r->pareto = calloc(u->nunits + 1, sizeof(*r->pareto))))
		return jx__oom();
	for (size_t i = 0; i < u->nunits; i++) {
		jx_pareto_row *row = &r->pareto[r->npareto];
		if (!pareto_levels(o, u->units[i].level))
			continue;
		row->unit = &u->units[i];
		pareto_row(row, u);
		r->npareto++;
	}
	for (size_t i = 0; i < u->nunits; i++) /* all indicators, whatever the level shown */
		for (size_t y = 0; u->units[i].level == JX_LEVEL_3 && y < u->nyears; y++)
			if (state_of(&u->units[i].years[y]) != ST_UNKNOWN)
				r->total_points += u->units[i].years[y].weight -
						   u->units[i].years[y].score;
	r->total_points = jx__tidy(r->total_points);
	jx__sort(r->pareto, r->npareto, sizeof(*r->pareto), cmp_pareto);
	pareto_shares(r->pareto, r->npareto);
	return 0;
}

/* ---- runs and transitions ---- */

static void run_row(jx_run_row *row, const jx_units *u, jx_transition_row *tr)
{
	int run = 0, prev = ST_UNKNOWN;
	for (size_t y = 0; y < u->nyears; y++) {
		const jx_unit_year *uy = &row->unit->years[y];
		int st = state_of(uy);
		row->nyears_present += uy->nrows > 0;
		row->nyears_deducted += st == ST_DEDUCTED;
		run = st == ST_DEDUCTED ? run + 1 : 0;
		if (run > row->longest_run) {
			row->longest_run = run;
			row->longest_from = u->years[y - (size_t)run + 1];
			row->longest_to = u->years[y];
		}
		if (y > 0) {
			jx_transition_row *t = &tr[y - 1];
			if (prev == ST_UNKNOWN || st == ST_UNKNOWN)
				t->other += uy->nrows > 0 || row->unit->years[y - 1].nrows > 0;
			else if (prev == ST_CLEAN && st == ST_DEDUCTED)
				row->new_++, t->new_++;
			else if (prev == ST_DEDUCTED && st == ST_CLEAN)
				row->resolved++, t->resolved++;
			else if (prev == ST_DEDUCTED)
				row->persistent++, t->persistent++;
			else
				row->clean++, t->clean++;
		}
		prev = st;
	}
	row->current_run = run;
}

static int runs(jx_deductions_result *r)
{
	const jx_units *u = r->units;
	size_t nt = u->nyears > 1 ? u->nyears - 1 : 0;
	r->runs = calloc(u->nunits + 1, sizeof(*r->runs));
	r->transitions = calloc(nt + 1, sizeof(*r->transitions));
	if (!r->runs || !r->transitions)
		return jx__oom();
	r->ntransitions = nt;
	for (size_t y = 0; y < nt; y++) {
		r->transitions[y].year_from = u->years[y];
		r->transitions[y].year_to = u->years[y + 1];
	}
	for (size_t i = 0; i < u->nunits; i++) {
		if (u->units[i].level != JX_LEVEL_3)
			continue;
		r->runs[r->nruns].unit = &u->units[i];
		run_row(&r->runs[r->nruns++], u, r->transitions);
	}
	return 0;
}

/* ---- co-deduction pairs ---- */

#define PAIR_MIN_YEARS 4 /* co-present years a pair needs to be tested */

static int cmp_pairs(const void *pa, const void *pb)
{
	const jx_pair_row *a = pa, *b = pb;
	if (a->q_value != b->q_value && !(isnan(a->q_value) && isnan(b->q_value)))
		return isnan(b->q_value) || a->q_value < b->q_value ? -1 : 1;
	if (a->p_value != b->p_value)
		return a->p_value < b->p_value ? -1 : 1;
	if (a->phi != b->phi)
		return a->phi > b->phi ? -1 : 1;
	if (a->a != b->a)
		return (a->a > b->a) - (a->a < b->a);
	return (a->b > b->b) - (a->b < b->b);
}

/* Counts over the years both are known; 0 when the pair is not kept (fewer than
 * PAIR_MIN_YEARS co-present years, or never deducted together). *family: its
 * margins allow p < alpha, so it is one of the tests corrected for (Tarone). */
static int pair_counts(jx_pair_row *p, int *family, const signed char *sa, const signed char *sb,
		       size_t ny, double alpha)
{
	double pmin;
	for (size_t y = 0; y < ny; y++) {
		if (sa[y] == ST_UNKNOWN || sb[y] == ST_UNKNOWN)
			continue;
		if (sa[y] == ST_DEDUCTED)
			sb[y] == ST_DEDUCTED ? p->n11++ : p->n10++;
		else
			sb[y] == ST_DEDUCTED ? p->n01++ : p->n00++;
	}
	p->phi = jx_stats_phi(p->n11, p->n10, p->n01, p->n00);
	if (p->n11 + p->n10 + p->n01 + p->n00 < PAIR_MIN_YEARS || p->n11 == 0)
		return 0;
	jx_stats_fisher_greater(&p->p_value, &pmin, p->n11, p->n10, p->n01, p->n00);
	*family = pmin < alpha;
	return 1;
}

/* Benjamini–Hochberg over the tested pairs; keep those listed. */
static int pairs_select(jx_deductions_result *r, const jx_analysis_options *o)
{
	size_t n = r->npairs, kept = 0;
	double *p = calloc(n + 1, sizeof(*p)), *q = calloc(n + 1, sizeof(*q));
	double alpha = o ? o->pairs_alpha : 0.1;
	if (!p || !q) {
		free(p), free(q);
		return jx__oom();
	}
	for (size_t i = 0; i < n; i++) /* q_value is NaN (not in the family) or 1 here */
		p[i] = isnan(r->pairs[i].q_value) ? NAN : r->pairs[i].p_value;
	if (jx_stats_bh(q, p, n)) {
		free(p), free(q);
		return JX_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		r->pairs[i].q_value = q[i];
		if ((o && o->pairs_all) || q[i] < alpha)
			r->pairs[kept++] = r->pairs[i];
	}
	free(p), free(q);
	r->npairs = kept;
	jx__sort(r->pairs, r->npairs, sizeof(*r->pairs), cmp_pairs);
	if (!(o && o->pairs_all) && r->npairs > (o ? o->top_pairs : 10))
		r->npairs = o ? o->top_pairs : 10;
	return 0;
}

typedef struct {
	size_t run, deducted; /* index into r->runs; years deducted */
} pair_unit;

static int most_deducted(const void *pa, const void *pb)
{
	const pair_unit *a = pa, *b = pb;
	if (a->deducted != b->deducted)
		return a->deducted > b->deducted ? -1 : 1;
	return (a->run > b->run) - (a->run < b->run);
}

static int by_run(const void *pa, const void *pb)
{
	const pair_unit *a = pa, *b = pb;
	return (a->run > b->run) - (a->run < b->run);
}

/* The indicators worth pairing: deducted at least once (a pair is tested only when n11 >= 1),
 * at most JX_PAIRS_MAX_UNITS of them -- those deducted most often -- in unit order: the
 * pairs are a square, which one department of 8,000 indicators must not pay for. */
static int pair_units(jx_deductions_result *r, const signed char *state, pair_unit **out, size_t *n)
{
	size_t ny = r->units->nyears;
	pair_unit *pu = malloc((r->nruns ? r->nruns : 1) * sizeof(*pu));
	*n = 0;
	if (!(*out = pu))
		return jx__oom();
	for (size_t i = 0; i < r->nruns; i++) {
		size_t d = 0;
		for (size_t y = 0; y < ny; y++)
			d += state[i * ny + y] == ST_DEDUCTED;
		if (d)
			pu[(*n)++] = (pair_unit){i, d};
	}
	if (*n > JX_PAIRS_MAX_UNITS) {
		jx__sort(pu, *n, sizeof(*pu), most_deducted);
		r->pairs_left_out = *n - JX_PAIRS_MAX_UNITS;
		*n = JX_PAIRS_MAX_UNITS;
		jx__sort(pu, *n, sizeof(*pu), by_run);
	}
	return 0;
}

static int pairs(jx_deductions_result *r, const jx_analysis_options *o)
{
	const jx_units *u = r->units;
	size_t ny = u->nyears, ni = r->nruns, cap = 0, nu = 0;
	double alpha = o ? o->pairs_alpha : 0.1;
	signed char *state = malloc(ni * ny + 1);
	pair_unit *pu = NULL;
	if (!state)
		return jx__oom();
	for (size_t i = 0; i < ni; i++)
		for (size_t y = 0; y < ny; y++)
			state[i * ny + y] = (signed char)state_of(&r->runs[i].unit->years[y]);
	if (pair_units(r, state, &pu, &nu) != 0) {
		free(state);
		return JX_ENOMEM;
	}
	for (size_t a = 0; a < nu; a++)
		for (size_t b = a + 1; b < nu; b++) {
			size_t i = pu[a].run, j = pu[b].run;
			jx_pair_row p = {
				r->runs[i].unit, r->runs[j].unit, 0, 0, 0, 0, NAN, NAN, NAN};
			int family = 0;
			if (!pair_counts(&p, &family, &state[i * ny], &state[j * ny], ny, alpha))
				continue;
			p.q_value = family ? 1 : NAN;
			r->npairs_tested += (size_t)family;
			if (jx__grow((void **)&r->pairs, &cap, r->npairs + 1, sizeof(*r->pairs))) {
				free(state);
				free(pu);
				return JX_ENOMEM;
			}
			r->pairs[r->npairs++] = p;
		}
	free(state);
	free(pu);
	return pairs_select(r, o);
}

int jx_deductions_compute(jx_deductions_result **out, const jx_series *s,
			  const jx_analysis_options *o)
{
	jx_deductions_result *r;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	if ((rc = jx_units_build(&r->units, s, o)) || (rc = pareto(r, o)) || (rc = runs(r)) ||
	    ((!o || o->deduction_pairs) && (rc = pairs(r, o)))) {
		jx_deductions_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_deductions_result_free(jx_deductions_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->pareto);
	free(r->runs);
	free(r->transitions);
	free(r->pairs);
	free(r);
}
