/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gap.c -- does a department over-score itself against the finance bureau's review?
 *
 * Over the years in which both the self-evaluation's and the review's totals
 * are known, the gap is self rate − review rate. The finding is the mean
 * gap and a one-sided exact sign test of over-scoring: under "no tendency",
 * each year with a gap is as likely to be above as below zero, so the
 * number of years above is Binomial(years with a gap, 1/2) and
 * p = P(X ≥ years above) (years with no gap carry no sign and are left out).
 * Why the sign test and not a t-test: reviews are few (three to six years
 * is usual), and one bad year (a review 7 points below) would dominate a
 * t statistic whose normality three values cannot show; the sign test
 * assumes nothing but independence between years. Its price: with fewer
 * than 5 years with a gap no outcome reaches p < 0.05 (0.5^4 = 0.0625), and
 * then the verdict is "too few years", not "no over-scoring". Across
 * departments (the overview) Benjamini–Hochberg over the departments whose
 * years could reach significance (jx_gap_family). docs/report.md, "Review
 * first"; docs/methods.md.
 */
#include <math.h>
#include <gsl/gsl_cdf.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

const char *jx_gap_verdict_name(jx_gap_verdict v)
{
	switch (v) {
	case JX_GAP_OVER: return "over-scoring";
	case JX_GAP_NOT_SHOWN: return "not shown";
	default: return "too few years";
	}
}

void jx_stats_sign_test(double *p, double *p_min, size_t nabove, size_t nbelow)
{
	unsigned m = (unsigned)(nabove + nbelow);
	*p_min = pow(0.5, (double)m);
	*p = nabove == 0 ? 1.0 : gsl_cdf_binomial_Q((unsigned)nabove - 1, 0.5, m);
}

static void decide(jx_gap_result *g, double alpha)
{
	if (!(g->p_min < alpha))
		g->verdict = JX_GAP_TOO_FEW;
	else
		g->verdict = g->q_value < alpha ? JX_GAP_OVER : JX_GAP_NOT_SHOWN;
}

/* Sen's slope of the gap rate over the years with both totals, in percentage points per
 * year; NaN with fewer than 2 such years. */
static double gap_slope(const jx_standing_result *s)
{
	double *x = malloc((s->nyears ? s->nyears : 1) * sizeof(double)),
	       *y = malloc((s->nyears ? s->nyears : 1) * sizeof(double)), slope = NAN;
	size_t n = 0;
	for (size_t i = 0; x && y && i < s->nyears; i++)
		if (!isnan(s->years[i].gap_rate)) {
			x[n] = s->years[i].year;
			y[n++] = s->years[i].gap_rate;
		}
	if (n >= 2 && jx_stats_theil_sen(&slope, NULL, x, y, n) == 0)
		slope = jx__tidy(slope * 100);
	else
		slope = NAN;
	jx_error_clear();
	free(x);
	free(y);
	return slope;
}

int jx_gap_compute(jx_gap_result **out, const jx_standing_result *s, double alpha)
{
	jx_gap_result *g;
	double sum_rate = 0, sum_points = 0;
	*out = NULL;
	if (!(g = calloc(1, sizeof(*g))) || !(g->department = jx__strdup(s->department))) {
		free(g);
		return jx__oom();
	}
	g->provenance = s->provenance;
	for (size_t i = 0; i < s->nyears; i++) {
		const jx_standing *y = &s->years[i];
		if (isnan(y->gap_rate))
			continue;
		g->year_first = g->n ? g->year_first : y->year;
		g->year_last = y->year;
		g->n++;
		sum_rate += y->gap_rate;
		sum_points += y->gap_points;
		if (fabs(y->gap_rate) <= JX__EPS)
			g->nequal++;
		else if (y->gap_rate > 0)
			g->nhigher++;
		else
			g->nlower++;
	}
	g->slope_pp = gap_slope(s);
	g->mean_gap_rate = g->n ? sum_rate / (double)g->n : NAN;
	g->mean_gap_points = g->n ? jx__tidy(sum_points / (double)g->n) : NAN;
	if (g->n) {
		jx_stats_sign_test(&g->p_value, &g->p_min, g->nhigher, g->nlower);
	} else {
		g->p_value = g->p_min = NAN;
	}
	/* alone, a department is a family of one: q = p when its years could reach alpha */
	g->q_value = g->p_min < alpha ? g->p_value : NAN;
	decide(g, alpha);
	*out = g;
	return 0;
}

int jx_gap_family(jx_gap_result *const *v, size_t n, double alpha)
{
	double *p = calloc(n + 1, sizeof(*p)), *q = calloc(n + 1, sizeof(*q));
	if (!p || !q) {
		free(p);
		free(q);
		return jx__oom();
	}
	for (size_t i = 0; i < n; i++)
		p[i] = v[i]->p_min < alpha ? v[i]->p_value : NAN;
	if (jx_stats_bh(q, p, n)) {
		free(p);
		free(q);
		return JX_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		v[i]->q_value = q[i];
		decide(v[i], alpha);
	}
	free(p);
	free(q);
	return 0;
}

void jx_gap_result_free(jx_gap_result *g)
{
	if (!g)
		return;
	free(g->department);
	free(g);
}

void jx_gap_results_free(jx_gap_result **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		jx_gap_result_free(v[i]);
	free(v);
}

/* One department's gap, or *out NULL when it has no evaluation in range. */
static int department_gap(jx_gap_result **out, jx_store *st, const char *name,
			  const jx_analysis_options *o)
{
	jx_standing_result *s = NULL;
	int rc = jx_standing_load(&s, st, name, o);
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		*out = NULL;
		return 0;
	}
	if (rc == 0)
		rc = jx_gap_compute(out, s, o ? o->alpha : 0.05);
	jx_standing_result_free(s);
	return rc;
}

int jx_gap_departments(jx_gap_result ***out, size_t *n, jx_store *st, const jx_analysis_options *o)
{
	char **names = NULL;
	size_t nnames = 0;
	jx_gap_result **v = NULL;
	int rc;
	*out = NULL;
	*n = 0;
	if ((rc = jx_store_departments(st, &names, &nnames)))
		return rc;
	if (!(v = calloc(nnames + 1, sizeof(*v)))) {
		jx_strings_free(names, nnames);
		return jx__oom();
	}
	for (size_t i = 0; i < nnames && rc == 0; i++) {
		jx_gap_result *g = NULL;
		if ((rc = department_gap(&g, st, names[i], o)) == 0 && g && g->n)
			v[(*n)++] = g;
		else
			jx_gap_result_free(g);
	}
	if (rc == 0)
		rc = jx_gap_family(v, *n, o ? o->alpha : 0.05);
	jx_strings_free(names, nnames);
	if (rc) {
		jx_gap_results_free(v, *n);
		*n = 0;
		return rc;
	}
	*out = v;
	return 0;
}
