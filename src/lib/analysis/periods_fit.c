/* SPDX-License-Identifier: GPL-3.0-or-later */
/* periods_fit.c -- slopes that do not cross framework breaks.
 *
 * Least squares with one intercept per period and a common slope (a step
 * term per break): the slope is Σ (x − x̄_k)(y − ȳ_k) / Σ (x − x̄_k)², the
 * deviations taken from each period's own means, with n − P − 1 residual
 * degrees of freedom for P periods. Sen's slope pooled within periods is
 * the median of the pairwise slopes of points in the same period.
 * docs/methods.md §2–§3.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include "analysis/internal.h"

static void clear(jx_ols *o, size_t n)
{
	o->n = n;
	o->intercept = o->slope = o->intercept_se = o->slope_se = o->t = o->p_value = NAN;
	o->r2 = o->sse = o->resid_sd = o->x_mean = o->sxx = NAN;
}

/* Σ over periods of centred cross products; means of the last period. */
static size_t within_sums(double *sxx, double *sxy, double *syy, double *xm, double *ym,
			  const double *x, const double *y, const size_t *period, size_t n)
{
	size_t np = 0, i, j;
	*sxx = *sxy = *syy = 0;
	for (i = 0; i < n; i = j) {
		double mx = 0, my = 0;
		for (j = i; j < n && period[j] == period[i]; j++)
			mx += x[j], my += y[j];
		mx /= (double)(j - i);
		my /= (double)(j - i);
		for (size_t k = i; k < j; k++) {
			*sxx += (x[k] - mx) * (x[k] - mx);
			*sxy += (x[k] - mx) * (y[k] - my);
			*syy += (y[k] - my) * (y[k] - my);
		}
		*xm = mx, *ym = my;
		np++;
	}
	return np;
}

int jx_stats_ols_periods(jx_ols *out, const double *x, const double *y, const size_t *period,
			 size_t n)
{
	double sxx, sxy, syy, xm = NAN, ym = NAN, df;
	size_t np;
	clear(out, n);
	for (size_t i = 1; i < n; i++)
		if (period[i] < period[i - 1])
			return jx__error(JX_EINVAL, _("step fit: periods must not decrease"));
	np = within_sums(&sxx, &sxy, &syy, &xm, &ym, x, y, period, n);
	if (!(sxx > 0))
		return 0; /* no period with two points: no slope */
	out->sxx = sxx;
	out->x_mean = xm;
	out->slope = sxy / sxx;
	out->intercept = ym - out->slope * xm;
	out->sse = fmax(0, syy - out->slope * sxy);
	if (out->sse < 1e-15 * (syy > 1 ? syy : 1))
		out->sse = 0; /* an exact line within every period */
	out->r2 = syy > 0 ? 1 - out->sse / syy : NAN;
	df = (double)n - (double)np - 1;
	if (df < 1)
		return 0;
	out->resid_sd = sqrt(out->sse / df);
	out->slope_se = out->resid_sd / sqrt(sxx);
	if (out->slope_se > 0) {
		out->t = out->slope / out->slope_se;
		out->p_value = 2 * gsl_cdf_tdist_Q(fabs(out->t), df);
	} else if (out->slope != 0) {
		out->t = out->slope > 0 ? INFINITY : -INFINITY;
		out->p_value = 0;
	}
	return 0;
}

int jx_stats_sen_periods(double *slope, const double *x, const double *y, const size_t *period,
			 size_t n)
{
	double *w;
	size_t m = 0;
	*slope = NAN;
	if (n < 2)
		return 0;
	if (!(w = malloc(n * (n - 1) / 2 * sizeof(*w))))
		return jx__oom();
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && period[j] == period[i]; j++)
			if (x[j] != x[i])
				w[m++] = (y[j] - y[i]) / (x[j] - x[i]);
	if (m > 0) {
		jx__sort_doubles(w, m);
		*slope = gsl_stats_median_from_sorted_data(w, 1, m);
	}
	free(w);
	return 0;
}
