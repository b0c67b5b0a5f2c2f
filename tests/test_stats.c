/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_stats.c -- the pure statistics of src/lib/analysis/stats.c against certified
 * (NIST StRD Norris) and hand-computed values. Every expected number below
 * is derived in the comment next to it, not taken from the code under test. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <gsl/gsl_errno.h>
#include "jixiao.h"

#define PI 3.14159265358979323846

static void assert_close(double got, double want, double rel)
{
	double tol = rel * (fabs(want) > 1 ? fabs(want) : 1);
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g (tolerance %.3g)", got, want, tol);
}

static int setup(void **state)
{
	(void)state;
	jx_init();
	return 0;
}

/* NIST StRD "Norris" (lower difficulty): 36 observations and certified values,
 * https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml */
static const double norris_x[36] = {0.2,   337.4, 118.2, 884.6, 10.1,  226.5, 666.3, 996.3, 448.6,
				    777.0, 558.2, 0.4,   0.6,   775.5, 666.9, 338.0, 447.5, 11.6,
				    556.0, 228.1, 995.8, 887.6, 120.2, 0.3,   0.3,   556.8, 339.1,
				    887.2, 999.0, 779.0, 11.1,  118.3, 229.2, 669.1, 448.9, 0.5};
static const double norris_y[36] = {0.1,   338.8, 118.1, 888.0, 9.2,   228.1, 668.5, 998.5, 449.1,
				    778.9, 559.2, 0.3,   0.1,   778.1, 668.8, 339.3, 448.9, 10.8,
				    557.7, 228.3, 998.0, 888.8, 119.6, 0.3,   0.6,   557.6, 339.3,
				    888.0, 998.5, 778.9, 10.2,  117.6, 228.9, 668.4, 449.2, 0.2};

static void test_stats__ols_norris_certified(void **state)
{
	jx_ols f;
	(void)state;
	assert_int_equal(jx_stats_ols(&f, norris_x, norris_y, 36), 0);
	assert_int_equal(f.n, 36);
	assert_close(f.slope, 1.00211681802045, 1e-12);
	assert_close(f.intercept, -0.262323073774029, 1e-10);
	assert_close(f.slope_se, 0.429796848199937E-03, 1e-10);
	assert_close(f.intercept_se, 0.232818234301152, 1e-10);
	assert_close(f.resid_sd, 0.884796396144373, 1e-10);
	assert_close(f.r2, 0.999993745883712, 1e-12);
	/* Certified residual SS 26.6173985294224 (34 df). */
	assert_close(f.sse, 26.6173985294224, 1e-9);
	/* t = slope / se; certified F = 5436385.54079785 = t². */
	assert_close(f.t * f.t, 5436385.54079785, 1e-8);
	assert_true(f.p_value < 1e-50);
}

/* x = 2016, 2017, 2019 (a gap), y = 0.80, 0.85, 0.93.
 * x̄ = 6052/3, dx = (−4/3, −1/3, 5/3), Sxx = 42/9 = 14/3; ȳ = 0.86,
 * dy = (−0.06, −0.01, 0.07), Sxy = (0.24 + 0.01 + 0.35)/3 = 0.2.
 * slope = 0.2 / (14/3) = 3/70; intercept = 0.86 − (3/70)(6052/3) = 0.86 − 6052/70.
 * residuals = (−2, 3, −1)/700, SSE = 14/490000 = 1/35000, s² = 1/35000 (1 df).
 * se(slope) = sqrt(s²/Sxx) = sqrt(3/490000) = √3/700; t = (3/70)/(√3/700) = 10√3.
 * With 1 df the t distribution is Cauchy: p = 1 − (2/π)·atan(t).
 * SST = 0.0036 + 0.0001 + 0.0049 = 0.0086; R² = 1 − (1/35000)/0.0086 = 300/301. */
static const double gap_x[3] = {2016, 2017, 2019};
static const double gap_y[3] = {0.80, 0.85, 0.93};

static void test_stats__ols_hand_with_gap(void **state)
{
	jx_ols f;
	(void)state;
	assert_int_equal(jx_stats_ols(&f, gap_x, gap_y, 3), 0);
	assert_close(f.slope, 3.0 / 70, 1e-10);
	assert_close(f.intercept, 0.86 - 6052.0 / 70, 1e-9);
	assert_close(f.sse, 1.0 / 35000, 1e-7);
	assert_close(f.resid_sd, sqrt(1.0 / 35000), 1e-7);
	assert_close(f.slope_se, sqrt(3.0) / 700, 1e-7);
	assert_close(f.t, 10 * sqrt(3.0), 1e-6);
	assert_close(f.p_value, 1 - 2 / PI * atan(10 * sqrt(3.0)), 1e-6);
	assert_close(f.r2, 300.0 / 301, 1e-9);
	assert_close(f.sxx, 14.0 / 3, 1e-9);
}

/* Prediction at 2020: ŷ = 0.86 + (3/70)(2020 − 6052/3) = 0.86 + 8/70.
 * se = s·sqrt(1 + 1/3 + (8/3)²/(14/3)) = s·sqrt(20/7) = sqrt(1/12250).
 * t_{0.975, 1 df} = tan(π(0.975 − 0.5)) (Cauchy quantile). */
static void test_stats__prediction_interval_hand(void **state)
{
	jx_ols f;
	jx_prediction p;
	double t975 = tan(PI * 0.475), se = sqrt(1.0 / 12250);
	(void)state;
	assert_int_equal(jx_stats_ols(&f, gap_x, gap_y, 3), 0);
	assert_int_equal(jx_stats_predict(&p, &f, 2020, 0.95), 0);
	assert_close(p.fit, 0.86 + 8.0 / 70, 1e-9);
	assert_close(p.t_quantile, t975, 1e-9);
	assert_close(p.se, se, 1e-7);
	assert_close(p.low, 0.86 + 8.0 / 70 - t975 * se, 1e-7);
	assert_close(p.high, 0.86 + 8.0 / 70 + t975 * se, 1e-7);
	/* A prediction interval is wider than the line's confidence interval,
	 * whose half-width would be t·s·sqrt(1/3 + (8/3)²/(14/3)) = t·s·sqrt(39/21). */
	assert_true(p.high - p.fit > t975 * sqrt(1.0 / 35000) * sqrt(39.0 / 21));
}

static void test_stats__prediction_refuses_two_points(void **state)
{
	jx_ols f;
	jx_prediction p;
	(void)state;
	assert_int_equal(jx_stats_ols(&f, gap_x, gap_y, 2), 0);
	assert_int_equal(jx_stats_predict(&p, &f, 2020, 0.95), JX_EMATH);
	assert_non_null(strstr(jx_error_last(), "at least 3"));
	assert_int_equal(jx_stats_ols(&f, gap_x, gap_y, 3), 0);
	assert_int_equal(jx_stats_predict(&p, &f, 2020, 1.5), JX_EINVAL);
}

/* Two points: slope (0.85 − 0.80)/1 = 0.05, R² = 1, no standard error. */
static void test_stats__ols_two_points(void **state)
{
	jx_ols f;
	(void)state;
	assert_int_equal(jx_stats_ols(&f, gap_x, gap_y, 2), 0);
	assert_close(f.slope, 0.05, 1e-9);
	assert_close(f.r2, 1, 1e-12);
	assert_true(isnan(f.slope_se));
	assert_true(isnan(f.t));
	assert_true(isnan(f.p_value));
}

/* Identical rates: slope 0, SSE 0, R² and t undefined (NaN), no division by zero. */
static void test_stats__ols_identical_rates(void **state)
{
	jx_ols f;
	double y[4] = {0.95, 0.95, 0.95, 0.95}, x[4] = {2016, 2018, 2019, 2023};
	(void)state;
	assert_int_equal(jx_stats_ols(&f, x, y, 4), 0);
	assert_true(fabs(f.slope) < 1e-15);
	assert_true(f.sse < 1e-28);
	assert_true(isnan(f.r2));
	assert_true(isnan(f.p_value));
}

/* An exact line with 3 points: SSE = 0, t = +inf, p = 0. */
static void test_stats__ols_exact_line(void **state)
{
	jx_ols f;
	double x[3] = {1, 2, 3}, y[3] = {1, 2, 3};
	(void)state;
	assert_int_equal(jx_stats_ols(&f, x, y, 3), 0);
	assert_close(f.slope, 1, 1e-12);
	assert_true(isinf(f.t) && f.t > 0);
	assert_true(f.p_value == 0);
}

static void test_stats__ols_errors(void **state)
{
	jx_ols f;
	double x[3] = {2020, 2020, 2020}, y[3] = {1, 2, 3};
	(void)state;
	assert_int_equal(jx_stats_ols(&f, x, y, 1), JX_EMATH);
	assert_int_equal(jx_error_code(), JX_EMATH);
	assert_int_equal(jx_stats_ols(&f, x, y, 3), JX_EMATH);
	/* The message carries GSL's own text for the error. */
	assert_non_null(strstr(jx_error_last(), gsl_strerror(GSL_EDOM)));
}

/* Pairwise slopes of the gap data: 0.05/1, 0.13/3, 0.08/2 → median 0.13/3.
 * Intercepts y − b·x: 0.80 − 87.36, 0.85 − 87.4033…, 0.93 − 87.49 → median −86.56. */
static void test_stats__theil_sen_hand(void **state)
{
	double b, a;
	(void)state;
	assert_int_equal(jx_stats_theil_sen(&b, &a, gap_x, gap_y, 3), 0);
	assert_close(b, 0.13 / 3, 1e-12);
	assert_close(a, -86.56, 1e-9);
}

/* y = x except an outlier at x = 5 (100): six pairwise slopes are 1, four are
 * larger (24.75, 32.67, 48.5, 96); the median of ten is (1 + 1)/2 = 1. */
static void test_stats__theil_sen_robust_to_outlier(void **state)
{
	double x[5] = {1, 2, 3, 4, 5}, y[5] = {1, 2, 3, 4, 100}, b, a;
	jx_ols f;
	(void)state;
	assert_int_equal(jx_stats_theil_sen(&b, &a, x, y, 5), 0);
	assert_close(b, 1, 1e-12);
	assert_close(a, 0, 1e-12);
	assert_int_equal(jx_stats_ols(&f, x, y, 5), 0);
	assert_true(f.slope > 15); /* least squares is dragged by the outlier: Sxy/Sxx = 200/10 */
	assert_close(f.slope, 20, 1e-9);
}

/* Tied x are skipped: pairs (1,0)-(2,3) slope 3, (1,2)-(2,3) slope 1 → median 2. */
static void test_stats__theil_sen_tied_x(void **state)
{
	double x[3] = {1, 1, 2}, y[3] = {0, 2, 3}, b;
	(void)state;
	assert_int_equal(jx_stats_theil_sen(&b, NULL, x, y, 3), 0);
	assert_close(b, 2, 1e-12);
	assert_int_equal(jx_stats_theil_sen(&b, NULL, x, y, 2), JX_EMATH);
	assert_true(isnan(b));
}

/* {0.8, 0.9, 1.0}: mean 0.9, variance (0.01 + 0 + 0.01)/2 = 0.01, sd 0.1, cv 0.1/0.9. */
static void test_stats__summary_hand(void **state)
{
	double v[3] = {0.8, 0.9, 1.0};
	jx_summary s;
	(void)state;
	jx_stats_summary(&s, v, 3);
	assert_int_equal(s.n, 3);
	assert_close(s.mean, 0.9, 1e-12);
	assert_close(s.variance, 0.01, 1e-12);
	assert_close(s.sd, 0.1, 1e-12);
	assert_close(s.cv, 0.1 / 0.9, 1e-12);
	assert_close(s.min, 0.8, 0);
	assert_close(s.max, 1.0, 0);
}

static void test_stats__summary_edge_cases(void **state)
{
	double same[3] = {0.95, 0.95, 0.95}, zero[2] = {0, 0}, one[1] = {0.7};
	jx_summary s;
	(void)state;
	jx_stats_summary(&s, same, 3); /* identical: variance exactly 0, cv 0 */
	assert_true(s.variance == 0 && s.sd == 0 && s.cv == 0);
	jx_stats_summary(&s, zero, 2); /* mean 0: cv undefined, not a division by zero */
	assert_true(s.variance == 0);
	assert_true(isnan(s.cv));
	jx_stats_summary(&s, one, 1); /* one year: mean only */
	assert_close(s.mean, 0.7, 0);
	assert_true(isnan(s.variance) && isnan(s.sd) && isnan(s.cv));
	jx_stats_summary(&s, NULL, 0);
	assert_true(isnan(s.mean) && isnan(s.min));
}

static void test_stats__median(void **state)
{
	double odd[3] = {3, 1, 2}, even[4] = {4, 1, 3, 2}, m;
	(void)state;
	assert_int_equal(jx_stats_median(&m, odd, 3), 0);
	assert_close(m, 2, 0);
	assert_close(odd[0], 3, 0); /* input untouched */
	assert_int_equal(jx_stats_median(&m, even, 4), 0);
	assert_close(m, 2.5, 0);
	assert_int_equal(jx_stats_median(&m, even, 0), 0);
	assert_true(isnan(m));
}

/* 3/1/1/3: (9 − 1)/sqrt(4·4·4·4) = 0.5; 0/2/2/0: −4/4 = −1; an empty margin: NaN. */
static void test_stats__phi_hand(void **state)
{
	(void)state;
	assert_close(jx_stats_phi(3, 1, 1, 3), 0.5, 1e-12);
	assert_close(jx_stats_phi(0, 2, 2, 0), -1, 1e-12);
	assert_close(jx_stats_phi(2, 0, 0, 3), 1, 1e-12);
	assert_true(isnan(jx_stats_phi(0, 0, 2, 3)));
	assert_true(isnan(jx_stats_phi(4, 0, 0, 0)));
}

/* total = A + B = (10, 12, 14), A = (4, 5, 7), B = (6, 7, 7). var(total) = 4;
 * cov(A, total) = ((−4/3)(−2) + (5/3)(2))/2 = 3 → 0.75; cov(B, total) = 1 → 0.25. */
static void test_stats__cov_share_hand(void **state)
{
	double a[3] = {4, 5, 7}, b[3] = {6, 7, 7}, t[3] = {10, 12, 14}, flat[3] = {5, 5, 5};
	(void)state;
	assert_close(jx_stats_cov_share(a, t, 3), 0.75, 1e-12);
	assert_close(jx_stats_cov_share(b, t, 3), 0.25, 1e-12);
	assert_true(isnan(jx_stats_cov_share(a, flat, 3)));
	assert_true(isnan(jx_stats_cov_share(a, t, 1)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats__ols_norris_certified),
		cmocka_unit_test(test_stats__ols_hand_with_gap),
		cmocka_unit_test(test_stats__prediction_interval_hand),
		cmocka_unit_test(test_stats__prediction_refuses_two_points),
		cmocka_unit_test(test_stats__ols_two_points),
		cmocka_unit_test(test_stats__ols_identical_rates),
		cmocka_unit_test(test_stats__ols_exact_line),
		cmocka_unit_test(test_stats__ols_errors),
		cmocka_unit_test(test_stats__theil_sen_hand),
		cmocka_unit_test(test_stats__theil_sen_robust_to_outlier),
		cmocka_unit_test(test_stats__theil_sen_tied_x),
		cmocka_unit_test(test_stats__summary_hand),
		cmocka_unit_test(test_stats__summary_edge_cases),
		cmocka_unit_test(test_stats__median),
		cmocka_unit_test(test_stats__phi_hand),
		cmocka_unit_test(test_stats__cov_share_hand),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
