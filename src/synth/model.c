/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model.c -- the random model behind a department's history.
 *
 * Every draw comes from the department's own GSL mt19937 stream, in a fixed
 * order (parameters, then per year: figures, self-scores, review), so the
 * output depends only on --seed, the department number and the years.
 * Amounts are kept in integer hundredths of 万元 and scores in integer half
 * points, so sums are exact. The assumptions are listed in
 * datasets/README.md; keep the two in step.
 */
#include <math.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "synth.h"

#define BASE_PROPENSITY 0.015 /* chance a sound indicator is deducted in a year */
#define PERSISTENCE 0.45      /* added when it was deducted the year before */
#define MAX_CHANCE 0.92
#define REVIEW_RATE 0.3 /* share of department-years the finance bureau reviews */
#define REVIEW_MGMT 0.8 /* share of review deductions in management indicators */

unsigned long synth_dept_seed(unsigned long seed, int n)
{
	/* splitmix64 finaliser over (seed, n); mt19937 uses 32 bits of seed. */
	uint64_t z = (uint64_t)seed * 0x9E3779B97F4A7C15ULL +
		     (uint64_t)(n + 1) * 0xBF58476D1CE4E5B9ULL;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return (unsigned long)(z & 0xffffffffUL) | 1UL;
}

static double clip(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int64_t to_cents(double wanyuan)
{
	return (int64_t)llround(wanyuan * 100.0);
}

/* Which slots are where (see frameworks.c). */
static int slot_is_old(int s)
{
	return s < 30;
}
static int slot_is_mgmt(int s)
{
	return (s >= 5 && s <= 18) || (s >= 39 && s <= 56);
}
static int slot_is_duty(int s)
{
	return s >= 70;
}
static int slot_used(int s)
{
	return s <= 26 || (s >= 30 && s <= 59) || (s >= 70 && s <= 76);
}

/* Weak indicators: k of them, drawn among the old or the new framework's
 * slots, management ones three times as likely and the department's own
 * duties half as likely as the rest. */
static void pick_weak(synth_state *st, int old, int k)
{
	double w[SYNTH_NSLOTS], sum = 0;

	for (int s = 0; s < SYNTH_NSLOTS; s++) {
		w[s] = 0;
		if (slot_used(s) && slot_is_old(s) == old)
			w[s] = slot_is_mgmt(s) ? 3 : slot_is_duty(s) ? 1 : 2;
		sum += w[s];
	}
	for (int picked = 0; picked < k;) {
		double u = gsl_rng_uniform(st->rng) * sum;
		int s = 0;
		while (s < SYNTH_NSLOTS - 1 && (u >= w[s] || w[s] == 0))
			u -= w[s++];
		if (w[s] == 0 || st->propensity[s] > BASE_PROPENSITY)
			continue;
		st->propensity[s] = gsl_ran_flat(st->rng, 0.25, 0.45);
		picked++;
	}
}

int synth_state_init(synth_state *st, const synth_dept *d, unsigned long seed, int first_year,
		     int nyears)
{
	const synth_template *t = d->tpl;
	int named = (size_t)d->number < synth_template_count();
	double scale;

	memset(st, 0, sizeof *st);
	st->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (st->rng == NULL)
		return -1;
	gsl_rng_set(st->rng, synth_dept_seed(seed, d->number));
	st->dept = d;
	st->first_year = first_year;
	st->nyears = nyears;
	for (int s = 0; s < SYNTH_NSLOTS; s++)
		st->propensity[s] = BASE_PROPENSITY;
	pick_weak(st, 1, 2 + (int)gsl_rng_uniform_int(st->rng, 2));
	pick_weak(st, 0, 3 + (int)gsl_rng_uniform_int(st->rng, 2));

	scale = exp(gsl_ran_gaussian(st->rng, named ? 0.15 : 0.6));
	st->budget = to_cents(t->budget0 * scale * exp(gsl_ran_gaussian(st->rng, 0.1)));
	st->basic_share = gsl_ran_flat(st->rng, 0.62, 0.85);
	st->special_share = gsl_ran_flat(st->rng, 0.3, 1.3);
	st->staff = (int)fmax(5, lround(t->staff0 * scale));
	st->retired = (int)fmax(1, lround(t->retired0 * scale));
	st->auxiliary = (int)lround(t->auxiliary0 * scale);
	st->vehicles0 = (int)fmax(2, lround(t->vehicles0 * scale));
	st->growth_from = -1;
	if (d->growth && nyears >= 4)
		st->growth_from = nyears / 2 + 2 < nyears ? nyears / 2 : nyears - 3;
	return 0;
}

void synth_state_free(synth_state *st)
{
	if (st->rng != NULL)
		gsl_rng_free(st->rng);
	st->rng = NULL;
}

static void set_fig(synth_year *y, int item, int64_t cents)
{
	y->fig[item] = cents;
	y->has_fig[item] = 1;
}

/* Budget, final accounts (95-112 % of budget, or the growth spurt), staffing. */
static void draw_money(synth_state *st, synth_year *y)
{
	gsl_rng *r = st->rng;
	int spurt = st->growth_from >= 0 && st->index >= st->growth_from &&
		    st->index < st->growth_from + 3;
	int64_t exp_total, inc_total, inc_other, basic;

	if (spurt) {
		exp_total = to_cents(st->expenditure / 100.0 * gsl_ran_flat(r, 1.17, 1.24));
		st->budget = to_cents(exp_total / 100.0 / gsl_ran_flat(r, 1.0, 1.06));
	} else {
		if (st->index > 0)
			st->budget = to_cents(
				st->budget / 100.0 *
				(1 + clip(0.04 + gsl_ran_gaussian(r, 0.03), -0.04, 0.12)));
		exp_total = to_cents(st->budget / 100.0 *
				     clip(1.03 + gsl_ran_gaussian(r, 0.035), 0.95, 1.12));
	}
	st->expenditure = exp_total;
	basic = to_cents(st->budget / 100.0 *
			 clip(st->basic_share + gsl_ran_gaussian(r, 0.015), 0.4, 0.95));
	set_fig(y, FIG_BUDGET_TOTAL, st->budget);
	set_fig(y, FIG_BUDGET_BASIC, basic);
	set_fig(y, FIG_BUDGET_PROJECT, st->budget - basic);
	basic = to_cents(exp_total / 100.0 *
			 clip(st->basic_share + 0.01 + gsl_ran_gaussian(r, 0.02), 0.4, 0.95));
	set_fig(y, FIG_EXPENDITURE_TOTAL, exp_total);
	set_fig(y, FIG_EXPENDITURE_BASIC, basic);
	set_fig(y, FIG_EXPENDITURE_PROJECT, exp_total - basic);
	inc_total = to_cents(exp_total / 100.0 *
			     clip(0.998 + gsl_ran_gaussian(r, 0.008), 0.97, 1.03));
	inc_other = gsl_ran_bernoulli(r, 0.6)
			    ? to_cents(inc_total / 100.0 * gsl_ran_flat(r, 0, 0.004))
			    : 0;
	set_fig(y, FIG_INCOME_TOTAL, inc_total);
	set_fig(y, FIG_INCOME_FISCAL, inc_total - inc_other);
	set_fig(y, FIG_INCOME_OTHER, inc_other);
	set_fig(y, FIG_SPECIAL_FUNDS,
		100 * llround(y->fig[FIG_BUDGET_PROJECT] / 100.0 * st->special_share *
			      gsl_ran_flat(r, 0.9, 1.1)));
}

static void draw_staff(synth_state *st, synth_year *y)
{
	gsl_rng *r = st->rng;
	int spurt = st->growth_from >= 0 && st->index >= st->growth_from &&
		    st->index < st->growth_from + 3;
	int quota;

	if (st->index > 0) {
		st->staff += (int)lround(0.3 + gsl_ran_gaussian(r, 1.5));
		if (spurt)
			st->staff += 3 + (int)gsl_rng_uniform_int(r, 8);
		st->retired += (int)gsl_rng_uniform_int(r, 4) - 1;
		st->auxiliary += (int)gsl_rng_uniform_int(r, 5) - 2;
	}
	st->staff = st->staff < 5 ? 5 : st->staff;
	st->retired = st->retired < 0 ? 0 : st->retired;
	st->auxiliary = st->auxiliary < 0 ? 0 : st->auxiliary;
	quota = y->year >= SYNTH_VEHICLE_REFORM_YEAR ? (int)fmax(1, lround(st->vehicles0 * 0.75))
						     : st->vehicles0;
	set_fig(y, FIG_STAFF_IN_POST, 100 * (int64_t)st->staff);
	set_fig(y, FIG_STAFF_RETIRED, 100 * (int64_t)st->retired);
	if (st->dept->tpl->police)
		set_fig(y, FIG_AUXILIARY_STAFF, 100 * (int64_t)st->auxiliary);
	set_fig(y, FIG_VEHICLES_QUOTA, 100 * (int64_t)quota);
	set_fig(y, FIG_VEHICLES_ACTUAL, 100 * (int64_t)(quota - (int)gsl_ran_bernoulli(r, 0.25)));
}

/* How much more (or less) deduction-prone the department is this year. */
static double trend_factor(const synth_state *st)
{
	double t = st->nyears > 1 ? (double)st->index / (st->nyears - 1) : 0;

	switch (st->dept->trend) {
	case SYNTH_DECLINE: return 0.3 + 3.7 * t;
	case SYNTH_IMPROVE: return 4.0 - 3.7 * t;
	default: return 1.0;
	}
}

/* Self-scores: a two-state Markov chain per indicator (deducted or not);
 * a cut is 0.5 × (1 + Poisson(0.8 m)) points, m the trend factor. */
static void draw_self(synth_state *st, synth_year *y)
{
	double m = trend_factor(st);
	int deducted[SYNTH_NSLOTS] = {0}, present[SYNTH_NSLOTS] = {0};

	for (size_t i = 0; i < y->nrows; i++) {
		int s = y->rows[i].slot, whole = (int)(2 * y->rows[i].weight);
		double p = st->propensity[s] * m;

		if (st->present_last[s] && st->deducted_last[s])
			p += PERSISTENCE;
		present[s] = 1;
		y->self_half[i] = whole;
		if (gsl_ran_bernoulli(st->rng, fmin(p, MAX_CHANCE))) {
			int cut = 1 + (int)gsl_ran_poisson(st->rng, 0.8 * m);
			y->self_half[i] = whole - (cut < whole ? cut : whole);
			deducted[s] = 1;
		}
	}
	memcpy(st->deducted_last, deducted, sizeof deducted);
	memcpy(st->present_last, present, sizeof present);
}

/* Review: the self-scores, then 2 + Poisson(1) further cuts of
 * 0.5 × (1 + Poisson(0.8)) points, mostly in management indicators. */
static void draw_review(synth_state *st, synth_year *y)
{
	gsl_rng *r = st->rng;
	int ncuts;

	y->has_review = (int)gsl_ran_bernoulli(r, REVIEW_RATE) && st->dept->reviewed;
	if (!y->has_review)
		return;
	memcpy(y->review_half, y->self_half, sizeof y->review_half);
	ncuts = 2 + (int)gsl_ran_poisson(r, 1.0);
	for (int c = 0; c < ncuts; c++) {
		int mgmt = (int)gsl_ran_bernoulli(r, REVIEW_MGMT);
		size_t cand[SYNTH_MAX_ROWS], n = 0, i;
		int cut = 1 + (int)gsl_ran_poisson(r, 0.8);

		for (i = 0; i < y->nrows; i++)
			if (y->rows[i].mgmt == mgmt && y->review_half[i] > 0)
				cand[n++] = i;
		if (n == 0)
			continue;
		i = cand[gsl_rng_uniform_int(r, n)];
		y->review_half[i] -= cut < y->review_half[i] ? cut : y->review_half[i];
	}
}

int synth_total_half(const synth_year *y, int review)
{
	int sum = 0;

	for (size_t i = 0; i < y->nrows; i++)
		sum += review ? y->review_half[i] : y->self_half[i];
	return sum;
}

void synth_next_year(synth_state *st, synth_year *y)
{
	memset(y, 0, sizeof *y);
	y->year = st->first_year + st->index;
	y->nrows = st->flat ? synth_flat_framework(y->rows)
			    : synth_framework(y->rows, y->year, st->dept->tpl);
	draw_money(st, y);
	draw_staff(st, y);
	draw_self(st, y);
	draw_review(st, y);
	set_fig(y, FIG_SELF_SCORE, 50 * (int64_t)synth_total_half(y, 0));
	st->index++;
}
