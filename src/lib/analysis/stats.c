/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats.c -- pure numerics on arrays: least squares, Theil–Sen, prediction
 * intervals, summaries, phi, covariance shares.
 *
 * Thin, checked wrappers around GSL (gsl_fit_linear, gsl_cdf_tdist_*,
 * gsl_stats_*). GSL's aborting error handler is off (jx_init); the inputs
 * GSL would divide by zero on are caught here and reported as JX_EMATH with
 * GSL's own error text. Formulas: docs/methods.md, sections 2–6.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include "analysis/internal.h"

static int math_error(int gsl_status, const char *what)
{
	return jx__error(JX_EMATH, "%s: %s", what, gsl_strerror(gsl_status));
}

static void ols_clear(jx_ols *o)
{
	o->n = 0;
	o->intercept = o->slope = NAN;
	o->intercept_se = o->slope_se = o->t = o->p_value = NAN;
	o->r2 = o->sse = o->resid_sd = o->x_mean = o->sxx = NAN;
}

/* Σ (v − mean)² — the centred sum of squares. */
static double centred_ss(const double *v, size_t n, double mean)
{
	double ss = 0;
	for (size_t i = 0; i < n; i++)
		ss += (v[i] - mean) * (v[i] - mean);
	return ss;
}

/* t statistic and two-sided p-value of the slope (n − 2 df). */
static void ols_test(jx_ols *o)
{
	double nu = (double)o->n - 2;
	if (o->slope_se > 0) {
		o->t = o->slope / o->slope_se;
		o->p_value = 2 * gsl_cdf_tdist_Q(fabs(o->t), nu);
	} else if (o->slope != 0) { /* residuals exactly zero: an exact line */
		o->t = o->slope > 0 ? INFINITY : -INFINITY;
		o->p_value = 0;
	} /* else y constant: t and p undefined (stay NaN) */
}

int jx_stats_ols(jx_ols *out, const double *x, const double *y, size_t n)
{
	double cov00, cov01, cov11, sst, y_mean;
	int status;

	ols_clear(out);
	if (n < 2)
		return jx__error(JX_EMATH, _("linear fit needs at least 2 points, got %zu"), n);
	out->n = n;
	out->x_mean = gsl_stats_mean(x, 1, n);
	out->sxx = centred_ss(x, n, out->x_mean);
	if (!(out->sxx > 0))
		return math_error(GSL_EDOM, "linear fit: all x values are equal");
	status = gsl_fit_linear(x, 1, y, 1, n, &out->intercept, &out->slope, &cov00, &cov01, &cov11,
				&out->sse);
	if (status)
		return math_error(status, "linear fit (gsl_fit_linear)");
	y_mean = gsl_stats_mean(y, 1, n);
	sst = centred_ss(y, n, y_mean);
	out->r2 = sst > 0 ? 1 - out->sse / sst : NAN;
	if (n < 3)
		return 0;
	out->resid_sd = sqrt(out->sse / ((double)n - 2));
	out->slope_se = sqrt(cov11);
	out->intercept_se = sqrt(cov00);
	ols_test(out);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void jx__sort_doubles(double *v, size_t n)
{
	if (n > 64) {
		jx__sort(v, n, sizeof(*v), cmp_double);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		double x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Median of v[0..n), sorting v in place. */
static double median_inplace(double *v, size_t n)
{
	jx__sort_doubles(v, n);
	return gsl_stats_median_from_sorted_data(v, 1, n);
}

int jx_stats_median(double *out, const double *v, size_t n)
{
	double *tmp;
	*out = NAN;
	if (n == 0)
		return 0;
	if (!(tmp = malloc(n * sizeof(*tmp))))
		return jx__oom();
	memcpy(tmp, v, n * sizeof(*tmp));
	*out = median_inplace(tmp, n);
	free(tmp);
	return 0;
}

int jx_stats_theil_sen(double *slope, double *intercept, const double *x, const double *y, size_t n)
{
	double *w = NULL;
	size_t i, j, m = 0;
	int rc = 0;

	*slope = NAN;
	if (intercept)
		*intercept = NAN;
	if (n >= 2 && !(w = malloc((n * (n - 1) / 2 > n ? n * (n - 1) / 2 : n) * sizeof(*w))))
		return jx__oom();
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (x[j] != x[i])
				w[m++] = (y[j] - y[i]) / (x[j] - x[i]);
	if (m == 0) {
		rc = math_error(GSL_EDOM, "Theil-Sen slope needs two points with different x");
		goto out;
	}
	*slope = median_inplace(w, m);
	if (intercept) {
		for (i = 0; i < n; i++)
			w[i] = y[i] - *slope * x[i];
		*intercept = median_inplace(w, n);
	}
out:
	free(w);
	return rc;
}

int jx_stats_predict(jx_prediction *out, const jx_ols *fit, double x0, double level)
{
	double nu;

	out->x = x0;
	out->fit = out->low = out->high = out->t_quantile = out->se = NAN;
	if (!(level > 0 && level < 1))
		return jx__error(JX_EINVAL, _("prediction level must be between 0 and 1, got %g"),
				 level);
	if (fit->n < 3 || isnan(fit->resid_sd))
		return jx__error(JX_EMATH,
				 _("prediction interval needs at least 3 points, got %zu"), fit->n);
	nu = (double)fit->n - 2;
	out->fit = fit->intercept + fit->slope * x0;
	out->t_quantile = gsl_cdf_tdist_Pinv((1 + level) / 2, nu);
	if (!isfinite(out->t_quantile))
		return math_error(GSL_EDOM, "t quantile (gsl_cdf_tdist_Pinv)");
	out->se = fit->resid_sd * sqrt(1 + 1.0 / (double)fit->n +
				       (x0 - fit->x_mean) * (x0 - fit->x_mean) / fit->sxx);
	out->low = out->fit - out->t_quantile * out->se;
	out->high = out->fit + out->t_quantile * out->se;
	return 0;
}

void jx_stats_summary(jx_summary *out, const double *v, size_t n)
{
	out->n = n;
	out->mean = out->variance = out->sd = out->cv = out->min = out->max = NAN;
	if (n == 0)
		return;
	out->mean = gsl_stats_mean(v, 1, n);
	gsl_stats_minmax(&out->min, &out->max, v, 1, n);
	if (n < 2)
		return;
	/* Identical values: report exactly 0 rather than rounding noise. */
	out->variance = out->min == out->max ? 0 : gsl_stats_variance_m(v, 1, n, out->mean);
	out->sd = sqrt(out->variance);
	out->cv = out->mean != 0 ? out->sd / fabs(out->mean) : NAN;
}

double jx_stats_phi(size_t n11, size_t n10, size_t n01, size_t n00)
{
	double a = (double)n11, b = (double)n10, c = (double)n01, d = (double)n00;
	double den = (a + b) * (c + d) * (a + c) * (b + d);
	if (!(den > 0))
		return NAN;
	return (a * d - b * c) / sqrt(den);
}

double jx_stats_cov_share(const double *part, const double *total, size_t n)
{
	double var_total, cov;
	if (n < 2)
		return NAN;
	var_total = gsl_stats_variance(total, 1, n);
	if (!(var_total > 0))
		return NAN;
	cov = gsl_stats_covariance(part, 1, total, 1, n);
	return cov / var_total;
}

/* P(X = k) for the hypergeometric law of the 2×2 table with these margins. */
static double hyper(size_t k, size_t col1, size_t col0, size_t row1)
{
	return gsl_ran_hypergeometric_pdf((unsigned)k, (unsigned)col1, (unsigned)col0,
					  (unsigned)row1);
}

void jx_stats_fisher_greater(double *p, double *p_min, size_t n11, size_t n10, size_t n01,
			     size_t n00)
{
	size_t row1 = n11 + n10, col1 = n11 + n01, col0 = n10 + n00;
	size_t hi = row1 < col1 ? row1 : col1;
	double sum = 0;
	for (size_t k = n11; k <= hi; k++)
		sum += hyper(k, col1, col0, row1);
	*p = fmin(1, sum);
	*p_min = fmin(1, hyper(hi, col1, col0, row1));
}
