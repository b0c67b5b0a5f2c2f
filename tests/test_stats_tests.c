/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_stats_tests.c -- the tests behind rising/falling and pairs: Mann–Kendall within
 * periods (exact, with ties, normal beyond 10), Benjamini–Hochberg, Fisher's exact
 * test, the step fit and Sen's slope pooled within periods.
 *
 * Expected values come from an independent calculation: brute-force enumeration of
 * every ordering in this file (mk_brute), or exact fractions worked out by hand or by
 * enumeration in Python (fractions, itertools.permutations) and written down here. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "jixiao.h"

static void assert_close(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g", got, want);
}

static int setup(void **state)
{
	(void)state;
	jx_init();
	return 0;
}

/* ---- brute force: every ordering of each period's values ---- */

static int sgn(double a, double b)
{
	return (b > a) - (b < a);
}

static int s_of(const double *v, size_t n)
{
	int s = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			s += sgn(v[i], v[j]);
	return s;
}

/* counts[S + 64] over all n! orderings (ties give equal orderings equal weight). */
static void perm_counts(double *counts, double *v, size_t k, size_t n)
{
	if (k == n) {
		counts[s_of(v, n) + 64] += 1;
		return;
	}
	for (size_t i = k; i < n; i++) {
		double t = v[k];
		v[k] = v[i], v[i] = t;
		perm_counts(counts, v, k + 1, n);
		t = v[k], v[k] = v[i], v[i] = t;
	}
}

/* Two-sided p of S summed over two periods a (na) and b (nb), by enumeration. */
static double mk_brute(const double *a, size_t na, const double *b, size_t nb)
{
	double ca[129] = {0}, cb[129] = {0}, va[12], vb[12], ta = 0, tb = 0, tail = 0;
	int s = s_of(a, na) + s_of(b, nb);
	if (na) /* not from NULL, even for 0 bytes */
		memcpy(va, a, na * sizeof(*a));
	if (nb)
		memcpy(vb, b, nb * sizeof(*b));
	perm_counts(ca, va, 0, na);
	perm_counts(cb, vb, 0, nb);
	for (int i = 0; i < 129; i++)
		ta += ca[i], tb += cb[i];
	for (int i = 0; i < 129; i++)
		for (int j = 0; j < 129; j++)
			if (abs(i - 64 + j - 64) >= abs(s))
				tail += ca[i] / ta * cb[j] / tb;
	return s == 0 ? 1 : tail;
}

static void mk2(jx_mk *m, const double *a, size_t na, const double *b, size_t nb)
{
	double y[24];
	size_t per[24];
	if (na) /* memcpy from NULL is undefined even for 0 bytes (UBSan) */
		memcpy(y, a, na * sizeof(*a));
	if (nb)
		memcpy(y + na, b, nb * sizeof(*b));
	for (size_t i = 0; i < na + nb; i++)
		per[i] = i < na ? 0 : 1;
	assert_int_equal(jx_stats_mann_kendall(m, y, per, na + nb), 0);
}

/* Distinct values, n = 2..8: p against enumeration for several orders; the
 * smallest p is 2/n! (a strictly monotone series). */
static void test_stats__mk_exact_matches_enumeration(void **state)
{
	double y[8];
	double fact = 1;
	jx_mk m;
	(void)state;
	for (size_t n = 2; n <= 8; n++) {
		fact *= (double)n;
		for (unsigned seed = 1; seed <= 5; seed++) {
			for (size_t i = 0; i < n; i++)
				y[i] = (double)((i * 7 + seed * 3) % n) + 0.5 * (double)(seed % 2);
			mk2(&m, y, n, NULL, 0);
			assert_true(m.exact);
			assert_close(m.p_value, mk_brute(y, n, NULL, 0), 1e-12);
			assert_close(m.s, s_of(y, n), 0);
		}
		for (size_t i = 0; i < n; i++)
			y[i] = (double)i;
		mk2(&m, y, n, NULL, 0);
		assert_close(m.p_value, fmin(1, 2 / fact), 1e-15);
		assert_close(m.p_min, fmin(1, 2 / fact), 1e-15);
		assert_close(m.p_min_years, fmin(1, 2 / fact), 1e-15);
	}
}

/* Ties handled exactly: the permutation distribution given the tied values.
 * (1, 1, ½, 1, ¾): S = −3, p = 3/5 exactly (Python: 72 of 120 orderings), and the
 * smallest p 2/10 (5!/(3!) = 20... orderings of {1,1,1,½,¾}: 20 → 2/20 = 1/10). */
static void test_stats__mk_exact_with_ties(void **state)
{
	static const double a[] = {1, 1, 0.5, 1, 0.75};
	static const double b1[] = {3, 1, 2, 2}, b2[] = {5, 5, 4, 6, 4, 7};
	jx_mk m;
	(void)state;
	mk2(&m, a, 5, NULL, 0);
	assert_close(m.s, -3, 0);
	assert_close(m.p_value, 3.0 / 5, 1e-14);
	assert_close(m.p_min, 1.0 / 10, 1e-15);
	assert_close(m.p_min_years, 2.0 / 120, 1e-15);
	assert_close(m.var_s, (5.0 * 4 * 15 - 3.0 * 2 * 11) / 18, 1e-12); /* tie group of 3 */
	/* two periods with ties: S = −2 + 4 = 2, p = 469/540 (Python enumeration);
	 * orderings 4!/2! = 12 and 6!/(2!2!) = 180: p_min = 2/2160 */
	mk2(&m, b1, 4, b2, 6);
	assert_close(m.s, 2, 0);
	assert_int_equal(m.nperiods, 2);
	assert_close(m.p_value, 469.0 / 540, 1e-13);
	assert_close(m.p_value, mk_brute(b1, 4, b2, 6), 1e-13);
	assert_close(m.p_min, 1.0 / 1080, 1e-15);
	/* all tied: no evidence at all */
	{
		static const double flat[] = {1, 1, 1, 1};
		mk2(&m, flat, 4, NULL, 0);
		assert_close(m.s, 0, 0);
		assert_close(m.p_value, 1, 0);
		assert_close(m.p_min, 1, 0);
	}
}

/* Ten distinct increasing values: the precomputed n = 10 row gives p = 2/10!;
 * one more period of 3 convolves: S = 45 + 3, p = 2/(10!·3!). A period of one
 * value carries no pair and changes nothing. */
static void test_stats__mk_table_ten_and_convolution(void **state)
{
	double y[14];
	size_t per[14];
	jx_mk m;
	(void)state;
	for (size_t i = 0; i < 14; i++) {
		y[i] = (double)(i % 10) + (i >= 10 ? 100 : 0);
		per[i] = i < 10 ? 0 : i < 13 ? 1 : 2;
	}
	assert_int_equal(jx_stats_mann_kendall(&m, y, per, 14), 0);
	assert_true(m.exact);
	assert_int_equal(m.nperiods, 2);
	assert_close(m.s, 48, 0);
	assert_close(m.p_value, 2 / (3628800.0 * 6), 1e-20);
	assert_int_equal(jx_stats_mann_kendall(&m, y, per, 10), 0);
	assert_close(m.p_value, 2 / 3628800.0, 1e-18);
	/* the middle of the n = 10 row: (2 1 3 4 0 9 8 7 5 6) has S = 17 (14 inversions);
	 * P(|S| ≥ 17) = 2·Σ_{i ≤ 14} M(10, i)/10! = 2·282578/3628800 = 141289/907200
	 * (Mahonian numbers by their recurrence in Python) */
	{
		static const double v[] = {2, 1, 3, 4, 0, 9, 8, 7, 5, 6};
		assert_int_equal(jx_stats_mann_kendall(&m, v, per, 10), 0);
		assert_close(m.s, 17, 0);
		assert_close(m.p_value, 141289.0 / 907200, 1e-14);
	}
}

/* Beyond ten values a period uses the normal approximation with the tie
 * correction: n = 12, values 1..12 with two pairs tied (3,3 and 7,7), increasing.
 * S = 66 − 2 = 64; var = (12·11·29 − 2·2·1·9)/18 = (3828 − 36)/18 = 210.667;
 * z = (64 − 1)/sqrt(210.667) = 4.340529; p = 2·Q(z) = erfc(z/√2) = 1.42140e−5. */
static void test_stats__mk_normal_beyond_ten(void **state)
{
	static const double y[] = {1, 2, 3, 3, 5, 6, 7, 7, 9, 10, 11, 12};
	size_t per[12] = {0};
	jx_mk m;
	double var = (12.0 * 11 * 29 - 2 * 2 * 1 * 9) / 18, z = 63 / sqrt(var);
	(void)state;
	assert_int_equal(jx_stats_mann_kendall(&m, y, per, 12), 0);
	assert_false(m.exact);
	assert_close(m.s, 64, 0);
	assert_close(m.var_s, var, 1e-12);
	assert_close(z, 4.340529, 1e-6);
	assert_close(m.p_value, erfc(z / sqrt(2)), 1e-15);
	assert_close(m.p_value, 1.42140e-5, 1e-9);
	per[1] = 1; /* periods must not decrease */
	assert_int_equal(jx_stats_mann_kendall(&m, y, per, 12), JX_EINVAL);
}

/* BH by hand: p = (0.01, 0.04, 0.03, 0.2, NaN): m = 4 tests, sorted .01 .03 .04 .2;
 * q(.2) = .2; q(.04) = min(.2, .04·4/3) = .053333; q(.03) = min(.05333, .03·4/2 = .06)
 * = .053333; q(.01) = min(.05333, .01·4/1) = .04; NaN stays NaN. */
static void test_stats__bh_hand(void **state)
{
	const double p[] = {0.01, 0.04, 0.03, 0.2, NAN};
	double q[5];
	(void)state;
	assert_int_equal(jx_stats_bh(q, p, 5), 0);
	assert_close(q[0], 0.04, 1e-15);
	assert_close(q[1], 0.04 * 4 / 3, 1e-15);
	assert_close(q[2], 0.04 * 4 / 3, 1e-15);
	assert_close(q[3], 0.2, 1e-15);
	assert_true(isnan(q[4]));
	/* capped at 1, and ties share a q */
	{
		const double p2[] = {0.9, 0.9, 0.6};
		double q2[3];
		assert_int_equal(jx_stats_bh(q2, p2, 3), 0);
		assert_close(q2[0], 0.9, 1e-15);
		assert_close(q2[1], 0.9, 1e-15);
		assert_close(q2[2], 0.9, 1e-15); /* min(.9, .6·3/1 = 1.8) */
	}
	assert_int_equal(jx_stats_bh(q, p, 0), 0);
}

/* One-sided Fisher by hand. Years: 6; A deducted 3, B deducted 4, both 3:
 * P(X ≥ 3) = C(4,3)·C(2,0)/C(6,3) = 4/20 = 0.2 (also the smallest p those margins
 * allow). Both 2, A 3 of 7, B 3 of 7: P(X ≥ 2) = [C(3,2)C(4,1) + C(3,3)C(4,0)]/C(7,3)
 * = (12 + 1)/35; the smallest p is 1/35. No co-deduction: P(X ≥ 0) = 1. */
static void test_stats__fisher_hand(void **state)
{
	double p, pmin;
	(void)state;
	jx_stats_fisher_greater(&p, &pmin, 3, 0, 1, 2);
	assert_close(p, 0.2, 1e-14);
	assert_close(pmin, 0.2, 1e-14);
	jx_stats_fisher_greater(&p, &pmin, 2, 1, 1, 3);
	assert_close(p, 13.0 / 35, 1e-14);
	assert_close(pmin, 1.0 / 35, 1e-14);
	jx_stats_fisher_greater(&p, &pmin, 0, 2, 2, 3);
	assert_close(p, 1, 1e-14);
}

/* Step fit over 2016–2019 (0.98, 0.99, 0.96, 0.95) and 2020–2024 (1, 0.97, 0.95,
 * 0.93, 0.95): within Sxx = 5 + 10 = 15, Sxy = −0.05 − 0.15 = −0.2, slope = −1/75;
 * SSE = Syy − b·Sxy = 0.0038 − 0.002667 = 0.0011333; df = 9 − 2 − 1 = 6;
 * se = sqrt(SSE/6/15) = 0.0035486; within R² = 1 − SSE/Syy = 0.70175. Sen's
 * slope over the 6 + 10 within-period pairs: −13/800. */
static void test_stats__step_fit_and_sen_hand(void **state)
{
	const double x[] = {2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024};
	const double y[] = {0.98, 0.99, 0.96, 0.95, 1, 0.97, 0.95, 0.93, 0.95};
	const size_t per[] = {0, 0, 0, 0, 1, 1, 1, 1, 1};
	jx_ols f;
	double sen;
	(void)state;
	assert_int_equal(jx_stats_ols_periods(&f, x, y, per, 9), 0);
	assert_close(f.slope, -1.0 / 75, 1e-12);
	assert_close(f.sxx, 15, 1e-9);
	assert_close(f.sse, 0.0011333333333333334, 1e-12);
	assert_close(f.slope_se, 0.0035486043161491805, 1e-12);
	assert_close(f.r2, 0.7017543859649122, 1e-9);
	assert_close(f.intercept + f.slope * 2022, 0.96, 1e-9); /* last period's line at its x̄ */
	assert_int_equal(jx_stats_sen_periods(&sen, x, y, per, 9), 0);
	assert_close(sen, -13.0 / 800, 1e-12);
	/* one point per period: no slope */
	{
		const size_t own[] = {0, 1, 2};
		assert_int_equal(jx_stats_ols_periods(&f, x, y, own, 3), 0);
		assert_true(isnan(f.slope));
		assert_int_equal(jx_stats_sen_periods(&sen, x, y, own, 3), 0);
		assert_true(isnan(sen));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats__mk_exact_matches_enumeration),
		cmocka_unit_test(test_stats__mk_exact_with_ties),
		cmocka_unit_test(test_stats__mk_table_ten_and_convolution),
		cmocka_unit_test(test_stats__mk_normal_beyond_ten),
		cmocka_unit_test(test_stats__bh_hand),
		cmocka_unit_test(test_stats__fisher_hand),
		cmocka_unit_test(test_stats__step_fit_and_sen_hand),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
