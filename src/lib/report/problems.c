/* SPDX-License-Identifier: GPL-3.0-or-later */
/* problems.c -- the department's main problems, ranked, with their evidence.
 *
 * A problem is an indicator that lost points in the latest evaluated year:
 * what is already fixed is not a problem, and what the latest year does not
 * evaluate cannot be fixed next year. They are ranked by the points lost in
 * the latest year times the number of years of the window (the weak rules'
 * last N evaluated years, 3 by default) in which the indicator lost points:
 * a loss that recurs weighs more than the same loss once. Ties go to more
 * points lost over the window, then to the framework's order. At most
 * JX_PROBLEMS_MAX are kept (docs/report.md, "The main problems").
 */
#include <math.h>
#include <string.h>
#include "report/internal.h"

#define LOST_EPS 1e-9 /* a score this close to the weight lost nothing */

const jx_indicator *rp_latest_indicator(const jx_report *r, const jx_unit *un)
{
	const jx_indicator *by_name = NULL;
	size_t nnamed = 0;
	for (size_t i = 0; r->latest && i < r->latest->nrows; i++) {
		const jx_indicator *ind = &r->latest->rows[i];
		if (ind->key && !strcmp(ind->key, un->key))
			return ind;
		if (un->level3 && ind->level3 && !strcmp(ind->level3, un->level3)) {
			by_name = ind;
			nnamed++;
		}
	}
	return nnamed == 1 ? by_name : NULL; /* a name shared by two rows says nothing */
}

static double lost_in(const jx_unit_year *uy)
{
	return uy->nrows && !isnan(uy->score) ? uy->weight - uy->score : 0;
}

/* The problem of one indicator; 0 when it lost nothing in the latest year. */
static int problem_of(jx_problem *p, const jx_report *r, const jx_unit *un, size_t nwindow)
{
	const jx_units *u = r->deductions->units;
	const jx_indicator *ind;
	memset(p, 0, sizeof(*p));
	p->unit = un;
	p->nwindow = nwindow;
	p->latest_lost = lost_in(&un->years[u->nyears - 1]);
	if (!(p->latest_lost > LOST_EPS))
		return 0;
	for (size_t y = u->nyears - nwindow; y < u->nyears; y++) {
		double lost = lost_in(&un->years[y]);
		if (lost > LOST_EPS) {
			p->ndeducted++;
			p->window_lost += lost;
		}
	}
	p->priority = p->latest_lost * (double)p->ndeducted;
	ind = rp_latest_indicator(r, un);
	p->reason = ind && ind->reason && *ind->reason ? ind->reason : NULL;
	return 1;
}

/* 1 when a ranks before b. */
static int before(const jx_problem *a, const jx_problem *b)
{
	if (a->priority != b->priority)
		return a->priority > b->priority;
	if (a->window_lost != b->window_lost)
		return a->window_lost > b->window_lost;
	return a->unit < b->unit;
}

int jx__report_problems(jx_report *r)
{
	const jx_units *u = r->deductions->units;
	size_t nwindow = r->options.weak_window > 0 ? (size_t)r->options.weak_window : 3;
	r->nproblems = 0;
	if (nwindow > u->nyears)
		nwindow = u->nyears;
	for (size_t i = 0; i < u->nunits; i++) {
		jx_problem p;
		size_t j;
		if (u->units[i].level != JX_LEVEL_3 || !problem_of(&p, r, &u->units[i], nwindow))
			continue;
		/* insert into the kept list, in rank order */
		for (j = r->nproblems; j > 0 && before(&p, &r->problems[j - 1]); j--)
			if (j < JX_PROBLEMS_MAX)
				r->problems[j] = r->problems[j - 1];
		if (j < JX_PROBLEMS_MAX) {
			r->problems[j] = p;
			if (r->nproblems < JX_PROBLEMS_MAX)
				r->nproblems++;
		}
	}
	return 0;
}
