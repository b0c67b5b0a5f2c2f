/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mannkendall.c -- the Mann–Kendall trend test within framework periods.
 *
 * S = Σ over periods of Σ_{i<j} sign(y_j − y_i): pairs are only formed
 * inside a period, so a level shift at a framework break is never read as a
 * trend. Under the null hypothesis (the values of each period are in random
 * order) S has an exact distribution: per period, S = N_d − 2·I, where N_d is
 * the number of pairs with different values and I the number of inversions,
 * whose distribution over the orderings of the period's values is given by
 * the Mahonian numbers (no ties; precomputed below for n ≤ 10) or, with ties,
 * by the q-multinomial coefficient of the tie sizes (MacMahon) -- the exact
 * permutation distribution, computed here in a few hundred operations. The
 * periods are independent, so their distributions are convolved. A period
 * longer than JX_MK_EXACT_MAX uses the normal approximation with the tie
 * correction for the whole sum. docs/methods.md §2.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include "analysis/internal.h"

/* Mahonian numbers: inversions of the permutations of n distinct values
 * (n = 1..10); row n starts at mahonian_at[n − 1] and has n(n−1)/2 + 1 entries.
 * Checked against enumeration in tests/test_stats.c. */
static const uint32_t mahonian[] = {
	/* n = 1 */ 1,
	/* n = 2 */ 1,
	1,
	/* n = 3 */ 1,
	2,
	2,
	1,
	/* n = 4 */ 1,
	3,
	5,
	6,
	5,
	3,
	1,
	/* n = 5 */ 1,
	4,
	9,
	15,
	20,
	22,
	20,
	15,
	9,
	4,
	1,
	/* n = 6 */ 1,
	5,
	14,
	29,
	49,
	71,
	90,
	101,
	101,
	90,
	71,
	49,
	29,
	14,
	5,
	1,
	/* n = 7 */ 1,
	6,
	20,
	49,
	98,
	169,
	259,
	359,
	455,
	531,
	573,
	573,
	531,
	455,
	359,
	259,
	169,
	98,
	49,
	20,
	6,
	1,
	/* n = 8 */ 1,
	7,
	27,
	76,
	174,
	343,
	602,
	961,
	1415,
	1940,
	2493,
	3017,
	3450,
	3736,
	3836,
	3736,
	3450,
	3017,
	2493,
	1940,
	1415,
	961,
	602,
	343,
	174,
	76,
	27,
	7,
	1,
	/* n = 9 */ 1,
	8,
	35,
	111,
	285,
	628,
	1230,
	2191,
	3606,
	5545,
	8031,
	11021,
	14395,
	17957,
	21450,
	24584,
	27073,
	28675,
	29228,
	28675,
	27073,
	24584,
	21450,
	17957,
	14395,
	11021,
	8031,
	5545,
	3606,
	2191,
	1230,
	628,
	285,
	111,
	35,
	8,
	1,
	/* n = 10 */ 1,
	9,
	44,
	155,
	440,
	1068,
	2298,
	4489,
	8095,
	13640,
	21670,
	32683,
	47043,
	64889,
	86054,
	110010,
	135853,
	162337,
	187959,
	211089,
	230131,
	243694,
	250749,
	250749,
	243694,
	230131,
	211089,
	187959,
	162337,
	135853,
	110010,
	86054,
	64889,
	47043,
	32683,
	21670,
	13640,
	8095,
	4489,
	2298,
	1068,
	440,
	155,
	44,
	9,
	1,
};
static const uint16_t mahonian_at[] = {0, 1, 3, 7, 14, 25, 41, 63, 92, 129};

#define MAXDEG (JX_MK_EXACT_MAX * (JX_MK_EXACT_MAX - 1) / 2)

/* One period's facts. */
typedef struct {
	size_t n;                        /* values */
	double s;                        /* its S */
	size_t ndiff;                    /* pairs with different values (N_d) */
	size_t tie[JX_MK_EXACT_MAX + 1]; /* sizes of the tie groups (exact case), ntie of them */
	size_t ntie;
	double var, var_untied;
} period_facts;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* S, N_d, tie groups and variances of y[0..n). */
static int period_scan(period_facts *f, const double *y, size_t n)
{
	double small[64], *v = n <= 64 ? small : malloc(n * sizeof(*v)), nn = (double)n;
	size_t i, j;
	memset(f, 0, sizeof(*f));
	if (!v)
		return jx__oom();
	f->n = n;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			f->s += (y[j] > y[i]) - (y[j] < y[i]);
	memcpy(v, y, n * sizeof(*v));
	jx__sort(v, n, sizeof(*v), cmp_double);
	f->ndiff = n * (n - 1) / 2;
	f->var_untied = nn * (nn - 1) * (2 * nn + 5) / 18;
	f->var = f->var_untied;
	for (i = 0; i < n; i = j) {
		double t;
		for (j = i + 1; j < n && v[j] == v[i]; j++)
			;
		t = (double)(j - i);
		f->ndiff -= (j - i) * (j - i - 1) / 2;
		f->var -= t * (t - 1) * (2 * t + 5) / 18;
		if (f->ntie <= JX_MK_EXACT_MAX)
			f->tie[f->ntie++] = j - i;
	}
	if (v != small)
		free(v);
	return 0;
}

/* Gaussian binomial [n choose k]_q: coefficients into g (degree k(n − k)). */
static void gauss_binomial(uint64_t *g, size_t n, size_t k)
{
	/* row[r][d] for the current n' and r = 0..k, updated n' = 1..n in place
	 * from the highest r down: [n', r] = [n'−1, r−1] + q^r [n'−1, r] */
	uint64_t row[JX_MK_EXACT_MAX + 1][MAXDEG + 1];
	memset(row, 0, sizeof(row));
	row[0][0] = 1;
	for (size_t m = 1; m <= n; m++)
		for (size_t r = m < k ? m : k; r >= 1; r--) {
			uint64_t tmp[MAXDEG + 1] = {0};
			for (size_t d = 0; d + r <= MAXDEG; d++)
				tmp[d + r] = row[r][d];
			for (size_t d = 0; d <= MAXDEG; d++)
				row[r][d] = row[r - 1][d] + tmp[d];
		}
	memcpy(g, row[k], (k * (n - k) + 1) * sizeof(*g));
}

/* The count polynomials of tie patterns already seen, per thread: a
 * department has a hundred units whose periods share a handful of patterns
 * (full marks every year, one deduction, ...), so each is computed once. */
#define CACHE_SLOTS 512
typedef struct {
	uint64_t key; /* 0 = empty */
	double total;
	double c[MAXDEG + 1];
} cached_counts;
static _Thread_local cached_counts cache[CACHE_SLOTS];

/* n and the tie sizes (sorted, 4 bits each: ≤ 10 groups of ≤ 10) as one key. */
static uint64_t pattern_key(const period_facts *f)
{
	size_t t[JX_MK_EXACT_MAX + 1];
	uint64_t key = (uint64_t)f->n;
	memcpy(t, f->tie, f->ntie * sizeof(*t));
	for (size_t i = 1; i < f->ntie; i++) /* insertion sort, descending */
		for (size_t j = i; j > 0 && t[j] > t[j - 1]; j--) {
			size_t x = t[j];
			t[j] = t[j - 1], t[j - 1] = x;
		}
	for (size_t i = 0; i < f->ntie; i++)
		key = key << 4 | (uint64_t)t[i];
	return key << 4 | 1; /* never 0 */
}

static double counts_compute(double *c, const period_facts *f);

static double period_counts(double *c, const period_facts *f)
{
	uint64_t key = pattern_key(f);
	size_t j = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) % CACHE_SLOTS;
	for (size_t k = 0; k < 8; k++, j = (j + 1) % CACHE_SLOTS)
		if (cache[j].key == key) {
			memcpy(c, cache[j].c, (f->ndiff + 1) * sizeof(*c));
			return cache[j].total;
		} else if (!cache[j].key) {
			break;
		}
	cache[j].total = counts_compute(cache[j].c, f);
	cache[j].key = key;
	memcpy(c, cache[j].c, (f->ndiff + 1) * sizeof(*c));
	return cache[j].total;
}

/* Counts of the inversions of the orderings of a period's values (ties kept),
 * into c[0..ndiff]; returns the number of distinct orderings. */
static double counts_compute(double *c, const period_facts *f)
{
	uint64_t acc[MAXDEG + 1] = {0}, g[MAXDEG + 1], tmp[MAXDEG + 1];
	size_t deg = 0, total = 0;
	double sum = 0;
	if (f->ntie == f->n) { /* no ties: the precomputed row */
		for (size_t d = 0; d <= f->ndiff; d++)
			sum += c[d] = mahonian[mahonian_at[f->n - 1] + d];
		return sum;
	}
	acc[0] = 1; /* product over tie groups of [total + t choose t]_q */
	for (size_t i = 0; i < f->ntie; i++) {
		size_t t = f->tie[i], gd = t * total;
		gauss_binomial(g, total + t, t);
		memset(tmp, 0, sizeof(tmp));
		for (size_t a = 0; a <= deg; a++)
			for (size_t b = 0; b <= gd; b++)
				tmp[a + b] += acc[a] * g[b];
		memcpy(acc, tmp, sizeof(acc));
		deg += gd;
		total += t;
	}
	for (size_t d = 0; d <= f->ndiff; d++)
		sum += c[d] = (double)acc[d];
	return sum;
}

/* Distributions of up to this many inversion counts live on the stack. */
#define SMALL_DIST 256

/* Exact: the distribution of the total inversions I over all periods by
 * convolution; S = N_D − 2I, so P(S ≥ |s|) = P(I ≤ (N_D − |s|)/2). */
static int mk_exact(jx_mk *out, const period_facts *f, size_t np)
{
	size_t ndiff = 0, deg = 0;
	double small[2][SMALL_DIST], c[MAXDEG + 1], *dist = small[0], *next = small[1];
	double pmin = 1, tail = 0;
	for (size_t k = 0; k < np; k++)
		ndiff += f[k].ndiff;
	if (np == 1) { /* one period: its own distribution, no convolution */
		double total = period_counts(c, &f[0]);
		for (size_t i = 0; 2 * i + (size_t)fabs(out->s) <= ndiff; i++)
			tail += c[i] / total;
		out->p_value = out->s == 0 ? 1 : fmin(1, 2 * tail);
		out->p_min = fmin(1, 2 / total);
		return 0;
	}
	if (ndiff + 1 > SMALL_DIST && (!(dist = malloc((ndiff + 1) * sizeof(*dist))) ||
				       !(next = malloc((ndiff + 1) * sizeof(*next))))) {
		free(dist);
		return jx__oom();
	}
	memset(dist, 0, (ndiff + 1) * sizeof(*dist));
	dist[0] = 1;
	for (size_t k = 0; k < np; k++) {
		double total = period_counts(c, &f[k]);
		memset(next, 0, (ndiff + 1) * sizeof(*next));
		for (size_t a = 0; a <= deg; a++)
			for (size_t b = 0; b <= f[k].ndiff; b++)
				next[a + b] += dist[a] * c[b] / total;
		memcpy(dist, next, (ndiff + 1) * sizeof(*dist));
		deg += f[k].ndiff;
		pmin *= 1 / total; /* the extreme ordering is unique */
	}
	for (size_t i = 0; 2 * i + (size_t)fabs(out->s) <= ndiff; i++)
		tail += dist[i];
	out->p_value = out->s == 0 ? 1 : fmin(1, 2 * tail);
	out->p_min = fmin(1, 2 * pmin);
	if (dist != small[0])
		free(dist), free(next);
	return 0;
}

/* Normal approximation with the tie correction and a continuity correction of 1. */
static void mk_normal(jx_mk *out, const period_facts *f, size_t np)
{
	double smax = 0, var_untied = 0, pairs = 0;
	for (size_t k = 0; k < np; k++) {
		smax += (double)f[k].ndiff;
		var_untied += f[k].var_untied;
		pairs += (double)f[k].n * ((double)f[k].n - 1) / 2;
	}
	out->p_value = out->s == 0 || !(out->var_s > 0)
			       ? 1
			       : fmin(1, 2 * gsl_cdf_ugaussian_Q((fabs(out->s) - 1) /
								 sqrt(out->var_s)));
	out->p_min = !(out->var_s > 0) || smax < 1
			     ? 1
			     : fmin(1, 2 * gsl_cdf_ugaussian_Q((smax - 1) / sqrt(out->var_s)));
	out->p_min_years = fmin(1, 2 * gsl_cdf_ugaussian_Q((pairs - 1) / sqrt(var_untied)));
}

static void mk_clear(jx_mk *out)
{
	memset(out, 0, sizeof(*out));
	out->s = out->var_s = out->p_value = NAN;
	out->p_min = out->p_min_years = 1;
}

int jx_stats_mann_kendall(jx_mk *out, const double *y, const size_t *period, size_t n)
{
	period_facts small[JX_MK_EXACT_MAX], *f = small; /* no allocation for a short series */
	size_t np = 0, i, j;
	int rc = 0, exact = 1;
	double fact_years = 1;

	mk_clear(out);
	out->n = n;
	for (i = 1; i < n; i++)
		if (period[i] < period[i - 1])
			return jx__error(JX_EINVAL, _("Mann-Kendall: periods must not decrease"));
	if (n > JX_MK_EXACT_MAX && !(f = calloc(n, sizeof(*f))))
		return jx__oom();
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i + 1; j < n && period[j] == period[i]; j++)
			;
		if (j - i < 2)
			continue;
		rc = period_scan(&f[np], y + i, j - i);
		exact &= j - i <= JX_MK_EXACT_MAX;
		for (size_t m = 2; m <= j - i; m++)
			fact_years *= (double)m;
		np++;
	}
	if (rc == 0 && np > 0) {
		out->nperiods = np;
		out->s = out->var_s = 0;
		for (i = 0; i < np; i++)
			out->s += f[i].s, out->var_s += f[i].var;
		out->exact = exact;
		out->p_min_years = fmin(1, 2 / fact_years);
		if (exact)
			rc = mk_exact(out, f, np);
		else
			mk_normal(out, f, np);
	}
	if (f != small)
		free(f);
	return rc;
}
