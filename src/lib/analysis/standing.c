/* SPDX-License-Identifier: GPL-3.0-or-later */
/* standing.c -- where a department stands each year: review first.
 *
 * A department's self-evaluation says what it thinks of itself; the finance
 * bureau's review (复核/再评价), where there is one, is the official result.
 * So the headline total and grade of a year are the review's whenever the
 * review's total is known, and the self score is shown beside it; without a
 * review they are the self-evaluation's. A total is known only when every
 * score of the evaluation is (a missing score makes it unknown, never 0).
 * The self-minus-review gap of each year with both is the input of the
 * over-scoring test in gap.c (docs/report.md, "Review first").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

/* Rate of a series year: NaN when a score is missing or the weight is not positive. */
static double year_rate(const jx_series_year *y)
{
	return y->nmissing || !(y->total_weight > 0) ? NAN : y->total_score / y->total_weight;
}

static const jx_series_year *series_year(const jx_series *s, int year)
{
	for (size_t i = 0; s && i < s->nyears; i++)
		if (s->years[i].year == year)
			return &s->years[i];
	return NULL;
}

/* Fill one side (self or review) of a standing from its series year (NULL: absent). */
static void side(const jx_standing_result *r, const jx_series_year *y, int *has, double *score,
		 double *weight, double *rate, const char **grade)
{
	*has = y != NULL;
	*rate = y ? year_rate(y) : NAN;
	*score = isnan(*rate) ? NAN : y->total_score;
	*weight = y ? y->total_weight : NAN;
	*grade = isnan(*rate) ? "" : jx_grade_of(r->bands, r->nbands, *score, *weight);
}

static void fill_year(jx_standing_result *r, jx_standing *st, const jx_series *self,
		      const jx_series *review)
{
	const jx_series_year *sy = series_year(self, st->year), *ry = series_year(review, st->year);
	int review_known;
	side(r, sy, &st->has_self, &st->self_score, &st->self_weight, &st->self_rate,
	     &st->self_grade);
	side(r, ry, &st->has_review, &st->review_score, &st->review_weight, &st->review_rate,
	     &st->review_grade);
	review_known = st->has_review && !isnan(st->review_rate);
	st->basis = review_known ? JX_KIND_REVIEW : JX_KIND_SELF;
	st->score = review_known ? st->review_score : st->self_score;
	st->weight = review_known ? st->review_weight : st->self_weight;
	st->rate = review_known ? st->review_rate : st->self_rate;
	st->grade = review_known ? st->review_grade : st->self_grade;
	st->gap_rate = st->self_rate - st->review_rate; /* NaN unless both are known */
	st->gap_points = jx__tidy(st->self_score - st->review_score);
	st->provenance = (sy && sy->provenance == JX_PROV_SYNTHETIC) ||
					 (ry && ry->provenance == JX_PROV_SYNTHETIC)
				 ? JX_PROV_SYNTHETIC
				 : JX_PROV_REAL;
	if (st->provenance == JX_PROV_SYNTHETIC)
		r->provenance = JX_PROV_SYNTHETIC;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The union of the evaluated years of both series, ascending, into r->years[].year. */
static int collect_years(jx_standing_result *r, const jx_series *self, const jx_series *review)
{
	size_t n = (self ? self->nyears : 0) + (review ? review->nyears : 0), k = 0;
	int *v = malloc((n + 1) * sizeof(*v));
	if (!v)
		return jx__oom();
	for (size_t i = 0; self && i < self->nyears; i++)
		v[k++] = self->years[i].year;
	for (size_t i = 0; review && i < review->nyears; i++)
		v[k++] = review->years[i].year;
	jx__sort(v, k, sizeof(*v), cmp_int);
	if (!(r->years = calloc(k + 1, sizeof(*r->years)))) {
		free(v);
		return jx__oom();
	}
	for (size_t i = 0; i < k; i++)
		if (i == 0 || v[i] != v[i - 1])
			r->years[r->nyears++].year = v[i];
	free(v);
	return 0;
}

int jx_standing_compute(jx_standing_result **out, const jx_series *self, const jx_series *review,
			const jx_grade_band *bands, size_t nbands)
{
	jx_standing_result *r;
	const char *name = self ? self->department : review ? review->department : NULL;
	int rc;
	*out = NULL;
	if (!name)
		return jx__error(JX_EINVAL, _("standing: no series"));
	if (!(r = calloc(1, sizeof(*r))) || !(r->department = jx__strdup(name))) {
		free(r);
		return jx__oom();
	}
	r->nbands = nbands < 16 ? nbands : 16;
	memcpy(r->bands, bands, r->nbands * sizeof(*bands));
	if ((rc = collect_years(r, self, review))) {
		jx_standing_result_free(r);
		return rc;
	}
	for (size_t i = 0; i < r->nyears; i++)
		fill_year(r, &r->years[i], self, review);
	*out = r;
	return 0;
}

/* A department's series of one kind, or NULL when it has none in range. */
static int maybe_series(jx_series **out, jx_store *st, const char *department, jx_kind kind,
			const jx_analysis_options *o)
{
	int rc = jx_store_series(st, out, department, kind, o ? o->year_from : 0,
				 o ? o->year_to : 0);
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		*out = NULL;
		return 0;
	}
	return rc;
}

int jx_standing_load(jx_standing_result **out, jx_store *st, const char *department,
		     const jx_analysis_options *o)
{
	jx_series *self = NULL, *review = NULL;
	jx_grade_band bands[16];
	size_t nbands = 0;
	int rc;
	*out = NULL;
	if ((rc = jx_store_grade_bands(st, bands, 16, &nbands)) ||
	    (rc = maybe_series(&self, st, department, JX_KIND_SELF, o)) ||
	    (rc = maybe_series(&review, st, department, JX_KIND_REVIEW, o)))
		goto out;
	if (!self && !review)
		rc = jx__error(JX_ENOTFOUND, _("no evaluation of '%s'%s"), department,
			       o && (o->year_from || o->year_to) ? " in that year range" : "");
	else
		rc = jx_standing_compute(out, self, review, bands, nbands);
out:
	jx_series_free(self);
	jx_series_free(review);
	return rc;
}

void jx_standing_result_free(jx_standing_result *r)
{
	if (!r)
		return;
	free(r->department);
	free(r->years);
	free(r);
}

const jx_standing *jx_standing_find(const jx_standing_result *r, int year)
{
	for (size_t i = 0; r && i < r->nyears; i++)
		if (r->years[i].year == year)
			return &r->years[i];
	return NULL;
}
