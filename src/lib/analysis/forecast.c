/* SPDX-License-Identifier: GPL-3.0-or-later */
/* forecast.c -- next year's rate with an honest prediction interval.
 *
 * Within the current framework period only. The rate is modelled on the
 * logit of the shrunk rate z = log((score + ½)/(weight − score + ½)) -- half
 * a point added to score and deduction, so full marks and zero stay finite --
 * a line in z against the year, and the residual variance pooled over the
 * department's units of the same level (their within-period fits, every
 * period) plus a prior worth one residual of one half-point step, so no
 * interval is ever zero-width. The interval is back-transformed; the
 * observable rate cannot pass 0 or 1, so predictive mass beyond them is an
 * atom at 0 or at full marks: the quantiles lie in [0, 1] by construction.
 * With fewer than 3 years in the current period there is no line: the
 * interval is the latest value ± the department's pooled year-to-year
 * changes, and no point forecast. docs/methods.md §4.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <gsl/gsl_cdf.h>
#include "analysis/internal.h"

#define HALF 0.5 /* points added to score and deduction (docs/methods.md §4) */

const char *jx_forecast_method_name(jx_forecast_method m)
{
	return m == JX_FC_LOGIT_TREND      ? "logit_trend"
	       : m == JX_FC_POOLED_CHANGES ? "pooled_changes"
					   : "";
}

static double zlogit(double score, double weight)
{
	return log((score + HALF) / (weight - score + HALF));
}

/* The rate whose shrunk logit is z, for a unit of this weight (may pass 0 or 1). */
static double unlogit(double z, double weight)
{
	return (1 / (1 + exp(-z)) * (weight + 2 * HALF) - HALF) / weight;
}

/* The binomial-like variance of z at shrunk rate p for a unit of this weight:
 * 1/((w + 1)·p·(1 − p)) -- large near 0 and 1, where the logit stretches. */
static double vbin(double p, double weight)
{
	return 1 / ((weight + 2 * HALF) * p * (1 - p));
}

static double shrunk(double score, double weight)
{
	return (score + HALF) / (weight + 2 * HALF);
}

/* What the residuals of a level's units say about the dispersion φ (residual
 * variance ÷ vbin): Σ e²/v of their within-period lines (df), Σ Δ²/(v + v') of
 * their year-to-year changes (count). */
typedef struct {
	double sse, df, dd, ndd;
} pool;

/* Fill x, z, v with the unit's known points of period p; returns the count. */
static size_t period_points(const jx_units *u, const jx_unit *un, size_t p, double *x, double *z,
			    double *v)
{
	size_t n = 0;
	for (size_t y = 0; y < u->nyears; y++)
		if (u->periods[y].period == p && !isnan(un->years[y].rate)) {
			const jx_unit_year *uy = &un->years[y];
			x[n] = u->years[y];
			z[n] = zlogit(uy->score, uy->weight);
			v[n++] = vbin(shrunk(uy->score, uy->weight), uy->weight);
		}
	return n;
}

static int pool_levels(pool lv[4], const jx_units *u, double *x, double *z, double *v)
{
	jx_ols f;
	int rc;
	for (size_t i = 0; i < u->nunits; i++) {
		pool *pl = &lv[u->units[i].level];
		for (size_t p = 0; p < u->nperiods; p++) {
			size_t n = period_points(u, &u->units[i], p, x, z, v);
			for (size_t k = 1; k < n; k++)
				pl->dd += (z[k] - z[k - 1]) * (z[k] - z[k - 1]) / (v[k] + v[k - 1]),
					pl->ndd += 1;
			if (n < 3)
				continue;
			if ((rc = jx_stats_ols(&f, x, z, n)))
				return rc;
			for (size_t k = 0; k < n; k++) {
				double e = z[k] - f.intercept - f.slope * x[k];
				pl->sse += e * e / v[k];
			}
			pl->df += (double)n - 2;
		}
	}
	return 0;
}

/* Cut the back-transformed interval at the atoms 0 and 1; never zero-width. */
static void finish_interval(jx_forecast_row *row)
{
	double w = row->last_weight, step = w > 0 ? fmin(1, HALF / w) : 0.5;
	row->raw_low = unlogit(row->pred.low, w);
	row->raw_high = unlogit(row->pred.high, w);
	row->raw_fit = isnan(row->pred.fit) ? NAN : unlogit(row->pred.fit, w);
	row->pi_low = jx__clamp01(row->raw_low);
	row->pi_high = jx__clamp01(row->raw_high);
	row->forecast = jx__clamp01(row->raw_fit);
	if (row->pi_high - row->pi_low < 1e-12) { /* both quantiles in one atom */
		row->widened = 1;
		if (row->pi_high >= 1)
			row->pi_low = 1 - step;
		else
			row->pi_high = step;
	}
}

/* gsl_cdf_tdist_Pinv(p, df), remembering the last few: the degrees of freedom
 * come from the department's pool, so its units ask for the same few values
 * (the inverse took 4% of a --all-departments forecast). Same function, same
 * doubles: only repeated calls are skipped. */
static double t_quantile(double p, double df)
{
	static _Thread_local struct {
		double p, df, t;
	} seen[8];
	static _Thread_local size_t nseen, next;
	for (size_t i = 0; i < nseen; i++)
		if (seen[i].p == p && seen[i].df == df)
			return seen[i].t;
	seen[next].p = p;
	seen[next].df = df;
	seen[next].t = gsl_cdf_tdist_Pinv(p, df);
	if (nseen < 8)
		nseen++;
	next = (next + 1) % 8;
	return seen[(next + 7) % 8].t;
}

/* Point forecast and interval on the z scale from the unit's line (n ≥ 3). */
static void line_interval(jx_forecast_row *row, const pool *pl, int year, double level)
{
	double w = row->last_weight, phi, t, zhat;
	row->df = pl->df + 1; /* the prior: one residual at binomial dispersion, φ = 1 */
	phi = (pl->sse + 1) / row->df;
	zhat = row->fit.intercept + row->fit.slope * year;
	t = t_quantile((1 + level) / 2, row->df);
	row->fit.resid_sd = sqrt(phi * vbin(1 / (1 + exp(-zhat)), w));
	row->pred.fit = zhat;
	row->pred.t_quantile = t;
	row->pred.se = row->fit.resid_sd *
		       sqrt(1 + 1.0 / (double)row->n +
			    (year - row->fit.x_mean) * (year - row->fit.x_mean) / row->fit.sxx);
	row->pred.low = zhat - t * row->pred.se;
	row->pred.high = zhat + t * row->pred.se;
	row->method = JX_FC_LOGIT_TREND;
	row->ok = 1;
}

/* Interval around the latest z from the pooled year-to-year changes (n < 3). */
static void change_interval(jx_forecast_row *row, const pool *pl, double zlast, double vlast,
			    double level)
{
	double phi, t;
	row->df = pl->ndd + 1;
	phi = (pl->dd + 1) / row->df;
	t = t_quantile((1 + level) / 2, row->df);
	row->fit.resid_sd = sqrt(phi * 2 * vlast);
	row->pred.t_quantile = t;
	row->pred.se = row->fit.resid_sd;
	row->pred.low = zlast - t * row->pred.se;
	row->pred.high = zlast + t * row->pred.se;
	row->method = JX_FC_POOLED_CHANGES;
}

static int forecast_row(jx_forecast_row *row, const jx_units *u, const pool lv[4], int year,
			double level, double *x, double *z, double *v)
{
	const pool *pl = &lv[row->unit->level];
	size_t last = u->nyears - 1, p = u->periods[last].period;
	int rc;
	row->forecast = row->pi_low = row->pi_high = row->raw_fit = row->raw_low = row->raw_high =
		NAN;
	row->pred.x = year;
	row->pred.fit = row->pred.low = row->pred.high = row->pred.t_quantile = row->pred.se = NAN;
	row->fit.slope = row->fit.resid_sd = row->df = NAN;
	for (size_t i = u->nyears; i-- > 0;)
		if (row->unit->years[i].nrows) {
			row->last_weight = row->unit->years[i].weight;
			break;
		}
	row->n = period_points(u, row->unit, p, x, z, v);
	if (!row->unit->years[last].nrows || isnan(row->unit->years[last].rate))
		return 0; /* not evaluated (or unknown) in the latest year */
	jx_units_period_years(u, p, &row->period_first, &row->period_last);
	if (row->n >= 3) {
		if ((rc = jx_stats_ols(&row->fit, x, z, row->n)))
			return rc;
		line_interval(row, pl, year, level);
	} else if (pl->ndd >= 1) {
		change_interval(row, pl, z[row->n - 1], v[row->n - 1], level);
	} else {
		return 0; /* no year-to-year change anywhere at this level */
	}
	finish_interval(row);
	return 0;
}

static int forecast_rows(jx_forecast_result *r, const jx_analysis_options *o)
{
	pool lv[4] = {{0, 0, 0, 0}};
	size_t ny = r->units->nyears;
	double *x = malloc(ny * sizeof(*x)), *z = malloc(ny * sizeof(*z)),
	       *v = malloc(ny * sizeof(*v));
	int rc = x && z && v ? pool_levels(lv, r->units, x, z, v) : jx__oom();
	for (size_t i = 0; i < r->units->nunits && rc == 0; i++) {
		jx_forecast_row *row = &r->rows[r->nrows];
		if (!jx_level_selected(o, r->units->units[i].level))
			continue;
		row->unit = &r->units->units[i];
		if ((rc = forecast_row(row, r->units, lv, r->year, r->confidence, x, z, v)) == 0) {
			r->nok += (size_t)row->ok;
			r->ninterval += row->method != JX_FC_NONE;
			r->nrows++;
		}
	}
	free(x), free(z), free(v);
	return rc;
}

int jx_forecast_compute(jx_forecast_result **out, const jx_series *s, const jx_analysis_options *o)
{
	jx_forecast_result *r;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	r->confidence = o ? o->confidence : 0.95;
	if ((rc = jx_units_build(&r->units, s, o)))
		goto out;
	r->year = o && o->forecast_year ? o->forecast_year
					: r->units->years[r->units->nyears - 1] + 1;
	if (!(r->rows = calloc(jx__count_selected(r->units, o) + 1, sizeof(*r->rows)))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = forecast_rows(r, o)) == 0 && r->ninterval == 0)
		rc = jx__error(JX_EMATH,
			       _("cannot forecast %s: no selected unit of the %d evaluation has at "
				 "least 3 years with a known rate in its framework period, nor a "
				 "year-to-year change to pool"),
			       s->department, r->units->years[r->units->nyears - 1]);
out:
	if (rc) {
		jx_forecast_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_forecast_result_free(jx_forecast_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->rows);
	free(r);
}
