/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fdr.c -- Benjamini–Hochberg q-values for a family of tests.
 *
 * q_(i) = min over j ≥ i of p_(j)·m/j (p sorted ascending, m tests), capped
 * at 1: a test is a discovery at false-discovery rate alpha when q < alpha
 * (Benjamini & Hochberg 1995). NaN p-values are not tests: they get a NaN q
 * and do not count in m. docs/methods.md §2.
 */
#include <math.h>
#include <stdlib.h>
#include "analysis/internal.h"

typedef struct {
	double p;
	size_t at;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

int jx_stats_bh(double *q, const double *p, size_t n)
{
	ranked *r = malloc((n ? n : 1) * sizeof(*r));
	size_t m = 0;
	double run = 1;
	if (!r)
		return jx__oom();
	for (size_t i = 0; i < n; i++) {
		q[i] = NAN;
		if (!isnan(p[i]))
			r[m++] = (ranked){p[i], i};
	}
	jx__sort(r, m, sizeof(*r), cmp_ranked);
	for (size_t k = m; k-- > 0;) {
		double v = r[k].p * (double)m / (double)(k + 1);
		run = v < run ? v : run;
		q[r[k].at] = run;
	}
	free(r);
	return 0;
}
