/* SPDX-License-Identifier: GPL-3.0-or-later */
/* variance.c -- spread of rates across years and across departments,
 * and the decomposition of the total score's variance into categories.
 *
 * docs/methods.md §6. Sample variance (n − 1) throughout; identical values
 * give exactly zero; the coefficient of variation is undefined (empty) when
 * the mean is zero. The decomposition uses the current framework period
 * unless --years chooses (a category absent in part of the years would
 * carry a share that only offsets another's).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>
#include "analysis/internal.h"

/* Known rates and scores of one unit across the years. */
static void unit_summary(jx_variance_row *row, const jx_units *u, double *rates, double *points)
{
	size_t n = 0;
	for (size_t i = 0; i < u->nyears; i++) {
		const jx_unit_year *uy = &row->unit->years[i];
		if (!uy->nrows)
			continue;
		if (isnan(uy->rate)) {
			row->nmissing_years++;
			continue;
		}
		rates[n] = uy->rate;
		points[n++] = uy->score;
	}
	jx_stats_summary(&row->rate, rates, n);
	jx_stats_summary(&row->points, points, n);
}

int jx_variance_compute(jx_variance_result **out, const jx_series *s, const jx_analysis_options *o)
{
	jx_variance_result *r;
	double *rates = NULL, *points = NULL;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	if ((rc = jx_units_build(&r->units, s, o)))
		goto out;
	rates = malloc(r->units->nyears * sizeof(*rates));
	points = malloc(r->units->nyears * sizeof(*points));
	r->rows = calloc(r->units->nunits + 1, sizeof(*r->rows));
	if (!rates || !points || !r->rows) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < r->units->nunits; i++) {
		if (!jx_level_selected(o, r->units->units[i].level))
			continue;
		r->rows[r->nrows].unit = &r->units->units[i];
		unit_summary(&r->rows[r->nrows++], r->units, rates, points);
	}
out:
	free(rates);
	free(points);
	if (rc) {
		jx_variance_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_variance_result_free(jx_variance_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->rows);
	free(r);
}

static const jx__col variance_cols[] = {
	JX__UNIT_COLS,
	{"n", N_("years"), JX_COL_INT, 0},
	{"mean", N_("mean rate"), JX_COL_FIXED, 4},
	{"variance", N_("variance"), JX_COL_FIXED, 6},
	{"sd", N_("SD"), JX_COL_FIXED, 4},
	{"cv", N_("CV"), JX_COL_FIXED, 4},
	{"min", N_("min"), JX_COL_FIXED, 4},
	{"max", N_("max"), JX_COL_FIXED, 4},
	{"mean_points", N_("mean points"), JX_COL_FIXED, 2},
	{"sd_points", N_("SD of points"), JX_COL_FIXED, 3},
	{"missing_years", N_("missing years"), JX_COL_INT, 0},
	{"rates", N_("rates (year value)"), JX_COL_TEXT, 0},
};

static int variance_table_row(jx_table *t, int c, const jx_variance_result *r,
			      const jx_variance_row *row, const jx_analysis_options *o)
{
	char *rates;
	int bad;
	if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance, o) ||
	    jx__table_unit(t, c, row->unit) || !(rates = jx__rates_text(r->units, row->unit)))
		return JX_ENOMEM;
	bad = jx_table_set_int(t, c + 4, (long long)row->rate.n) |
	      jx__set_number(t, c + 5, row->rate.mean) |
	      jx__set_number(t, c + 6, row->rate.variance) |
	      jx__set_number(t, c + 7, row->rate.sd) | jx__set_number(t, c + 8, row->rate.cv) |
	      jx__set_number(t, c + 9, row->rate.min) | jx__set_number(t, c + 10, row->rate.max) |
	      jx__set_number(t, c + 11, row->points.mean) |
	      jx__set_number(t, c + 12, row->points.sd) |
	      jx_table_set_int(t, c + 13, (long long)row->nmissing_years) |
	      jx_table_set_text(t, c + 14, rates);
	free(rates);
	return bad ? JX_ENOMEM : 0;
}

int jx_variance_table(jx_table **out, const jx_variance_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, rc;
	if ((rc = jx__table_start(&t, &c, variance_cols,
				  sizeof(variance_cols) / sizeof(*variance_cols), o,
				  r->units->provenance)))
		return rc;
	jx_table_add_note(t,
			  _("%s (%s): spread of the score rate across years; sample variance "
			    "(n − 1), cv = sd / mean"),
			  r->units->scope, jx_kind_label(r->units->kind));
	for (size_t i = 0; i < r->nrows; i++)
		if ((rc = variance_table_row(t, c, r, &r->rows[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}

/* ---- decomposition of the total's variance ---- */

/* Years whose total score is known -- of the current framework period unless
 * the years were chosen (whole) -- and the total's scores into total[]. */
static size_t decomp_years(jx_decomp_result *r, double *total, int whole)
{
	const jx_unit *tot = jx_units_find(r->units, JX_LEVEL_TOTAL, "");
	size_t n = 0, cur = r->units->periods[r->units->nyears - 1].period;
	for (size_t i = 0; tot && i < r->units->nyears; i++)
		if (!isnan(tot->years[i].score) && (whole || r->units->periods[i].period == cur)) {
			r->years[n] = r->units->years[i];
			total[n++] = tot->years[i].score;
		}
	return n;
}

static int decomp_rows(jx_decomp_result *r, const double *total, double *part)
{
	const jx_units *u = r->units;
	if (!(r->rows = calloc(u->nunits + 1, sizeof(*r->rows))))
		return jx__oom();
	for (size_t i = 0; i < u->nunits; i++) {
		const jx_unit *un = &u->units[i];
		size_t k = 0, present = 0;
		if (un->level != JX_LEVEL_1)
			continue;
		for (size_t y = 0; y < u->nyears; y++) /* same years as decomp_years */
			if (k < r->nyears && u->years[y] == r->years[k]) {
				present += un->years[y].nrows > 0;
				part[k++] = un->years[y].nrows ? un->years[y].score : 0;
			}
		if (!present)
			continue; /* a category of another framework period */
		r->rows[r->nrows].unit = un;
		r->rows[r->nrows].mean_points = gsl_stats_mean(part, 1, r->nyears);
		r->rows[r->nrows].covariance = gsl_stats_covariance(part, 1, total, 1, r->nyears);
		r->rows[r->nrows].share = jx_stats_cov_share(part, total, r->nyears);
		r->nrows++;
	}
	return 0;
}

int jx_variance_decompose(jx_decomp_result **out, const jx_series *s, const jx_analysis_options *o)
{
	jx_decomp_result *r;
	double *total = NULL, *part = NULL;
	int rc;

	*out = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	if ((rc = jx_units_build(&r->units, s, o)))
		goto out;
	total = malloc(r->units->nyears * sizeof(*total));
	part = malloc(r->units->nyears * sizeof(*part));
	r->years = malloc(r->units->nyears * sizeof(*r->years));
	if (!total || !part || !r->years) {
		rc = jx__oom();
		goto out;
	}
	r->nyears = decomp_years(r, total, o && (o->year_from || o->year_to));
	if (r->nyears < 2) {
		rc = jx__error(JX_EMATH,
			       _("variance decomposition of '%s' needs at least 2 years with "
				 "a known total score, found %zu"),
			       s->department, r->nyears);
		goto out;
	}
	r->total_mean = gsl_stats_mean(total, 1, r->nyears);
	r->total_variance = gsl_stats_variance(total, 1, r->nyears);
	rc = decomp_rows(r, total, part);
out:
	free(total);
	free(part);
	if (rc) {
		jx_decomp_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_decomp_result_free(jx_decomp_result *r)
{
	if (!r)
		return;
	jx_units_free(r->units);
	free(r->years);
	free(r->rows);
	free(r);
}

/* 1 when a category is absent in one of the years used. */
static int decomp_absent(const jx_decomp_result *r)
{
	const jx_units *u = r->units;
	for (size_t i = 0; i < r->nrows; i++)
		for (size_t y = 0, k = 0; y < u->nyears && k < r->nyears; y++)
			if (u->years[y] == r->years[k] && !r->rows[i].unit->years[y].nrows)
				return 1;
			else if (u->years[y] == r->years[k])
				k++;
	return 0;
}

static const jx__col decomp_cols[] = {
	{"level1", N_("level 1"), JX_COL_TEXT, 0},
	{"years", N_("years"), JX_COL_INT, 0},
	{"mean_points", N_("mean points"), JX_COL_FIXED, 2},
	{"covariance", N_("cov. with total"), JX_COL_FIXED, 4},
	{"variance", N_("variance"), JX_COL_FIXED, 4},
	{"share", N_("variance share"), JX_COL_FIXED, 3},
};

int jx_decomp_table(jx_table **out, const jx_decomp_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, rc, bad = 0;
	if ((rc = jx__table_start(&t, &c, decomp_cols, sizeof(decomp_cols) / sizeof(*decomp_cols),
				  o, r->units->provenance)))
		return rc;
	jx_table_add_note(t,
			  _("%s (%s): share of var(total score) across %zu years (%d-%d) = "
			    "cov(category, total) / var(total); shares add up to 1. Without "
			    "--years: the current framework period"),
			  r->units->scope, jx_kind_name(r->units->kind), r->nyears, r->years[0],
			  r->years[r->nyears - 1]);
	if (decomp_absent(r))
		jx_table_add_note(t, "%s",
				  _("some categories are absent in some of these years (the "
				    "framework changed): they count 0 there, and their shares "
				    "offset each other"));
	for (size_t i = 0; i <= r->nrows && !bad; i++) {
		const jx_decomp_row *row = i < r->nrows ? &r->rows[i] : NULL;
		if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance,
				  o)) {
			bad = 1;
			break;
		}
		bad = jx_table_set_text(t, c, row ? row->unit->level1 : "合计") |
		      jx_table_set_int(t, c + 1, (long long)r->nyears) |
		      jx__set_number(t, c + 2, row ? row->mean_points : r->total_mean) |
		      jx__set_number(t, c + 3, row ? row->covariance : r->total_variance) |
		      jx__set_number(t, c + 4, row ? NAN : r->total_variance) |
		      jx__set_number(t, c + 5,
				     row                     ? row->share
				     : r->total_variance > 0 ? 1
							     : NAN);
	}
	if (bad) {
		jx_table_free(t);
		return jx__oom();
	}
	*out = t;
	return 0;
}
