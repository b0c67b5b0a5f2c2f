/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview.c -- every department at once, read one department at a time.
 *
 * The matrix comes from the listing and the ranks of every year (cells.c);
 * then each department's series of the basis kind is read once for the weak
 * rules (its indicators join the system-wide count, indicators.c), its self
 * and review series for the review-first standing and the gap test, and its
 * figures for the money warnings (warnings.c). The gap tests of all
 * departments are one Benjamini–Hochberg family. */
#include <math.h>
#include <string.h>
#include "overview/internal.h"

void jx_overview_request_init(jx_overview_request *r)
{
	memset(r, 0, sizeof(*r));
	jx_analysis_options_init(&r->o);
	r->top = 10;
	r->min_departments = 2;
}

/* A series, or NULL when the department has none of that kind in range. */
static int maybe_series(jx_series **out, jx_store *st, const char *dept, jx_kind kind,
			const jx_analysis_options *o)
{
	int rc = jx_store_series(st, out, dept, kind, o->year_from, o->year_to);
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		*out = NULL;
		return 0;
	}
	return rc;
}

static void mark_periods(jx__ov_state *s, size_t d, const jx_units *u)
{
	for (size_t y = 0; y < u->nyears; y++) {
		jx_overview_cell *c = jx__ov_cell(s, d, u->periods[y].year);
		if (c)
			c->new_period = u->periods[y].is_break;
	}
}

/* The mean self and review rates of sd's years with both totals (the gap's years). */
static void gap_means(jx_overview *ov, size_t i, const jx_standing_result *sd)
{
	double self = 0, review = 0;
	size_t n = 0;
	for (size_t y = 0; y < sd->nyears; y++)
		if (!isnan(sd->years[y].gap_rate)) {
			self += sd->years[y].self_rate;
			review += sd->years[y].review_rate;
			n++;
		}
	ov->gap_self_rate[i] = n ? self / (double)n : NAN;
	ov->gap_review_rate[i] = n ? review / (double)n : NAN;
}

/* The gap test of one department, kept when it has a year of both totals. */
static int add_gap(jx__ov_state *s, const jx_standing_result *sd)
{
	jx_overview *ov = s->ov;
	jx_gap_result *g = NULL;
	size_t cap_self = s->cap_gaps, cap_review = s->cap_gaps; /* all three grow alike */
	int rc = jx_gap_compute(&g, sd, ov->o.alpha);
	if (rc || g->n == 0) {
		jx_gap_result_free(g);
		return rc;
	}
	if (jx__grow((void **)&ov->gaps, &s->cap_gaps, ov->ngaps + 1, sizeof(*ov->gaps)) ||
	    jx__grow((void **)&ov->gap_self_rate, &cap_self, ov->ngaps + 1, sizeof(double)) ||
	    jx__grow((void **)&ov->gap_review_rate, &cap_review, ov->ngaps + 1, sizeof(double))) {
		jx_gap_result_free(g);
		return jx__oom();
	}
	gap_means(ov, ov->ngaps, sd);
	ov->gaps[ov->ngaps++] = g;
	return 0;
}

static int one_department(jx__ov_state *s, jx_store *st, size_t d)
{
	jx_overview *ov = s->ov;
	const char *name = ov->departments[d];
	jx_series *self = NULL, *review = NULL;
	jx_weak_result *wk = NULL;
	jx_standing_result *sd = NULL;
	jx_funds_result *fu = NULL;
	jx_analysis_options o = ov->o;
	int rc;
	o.level = JX_LEVEL_3;
	if ((rc = maybe_series(&self, st, name, JX_KIND_SELF, &o)) ||
	    (rc = maybe_series(&review, st, name, JX_KIND_REVIEW, &o)))
		goto out;
	if ((ov->kind == JX_KIND_SELF ? self : review) &&
	    (rc = jx_weak_compute(&wk, ov->kind == JX_KIND_SELF ? self : review, &o)))
		goto out;
	if (wk) {
		mark_periods(s, d, wk->units);
		if ((rc = jx__ov_indicators_add(s, d, wk)))
			goto out;
	}
	if ((self || review) &&
	    ((rc = jx_standing_compute(&sd, self, review, ov->bands, ov->nbands)) ||
	     (rc = add_gap(s, sd))))
		goto out;
	if ((rc = jx_funds_load(&fu, st, name, &o)) == JX_ENOTFOUND) {
		jx_error_clear();
		rc = 0;
	}
	if (rc == 0)
		rc = jx__ov_warnings_add(s, d, wk, sd, fu);
out:
	jx_funds_result_free(fu);
	jx_standing_result_free(sd);
	jx_weak_result_free(wk);
	jx_series_free(self);
	jx_series_free(review);
	return rc;
}

static int compute(jx__ov_state *s, jx_store *st, const jx_overview_request *req)
{
	jx_overview *ov = s->ov;
	int rc;
	if ((rc = jx_store_grade_bands(st, ov->bands, 16, &ov->nbands)) ||
	    (rc = jx__ov_cells(s, st, req)))
		return rc;
	ov->nwindow = ov->nyears < (size_t)ov->o.weak_window ? ov->nyears
							     : (size_t)ov->o.weak_window;
	ov->window = ov->years + (ov->nyears - ov->nwindow);
	for (size_t d = 0; rc == 0 && d < ov->ndepartments; d++)
		rc = one_department(s, st, d);
	if (rc == 0)
		rc = jx__ov_indicators_finish(s);
	if (rc == 0)
		rc = jx_gap_family(ov->gaps, ov->ngaps, ov->o.alpha);
	return rc;
}

int jx_overview_compute(jx_overview **out, jx_store *st, const jx_overview_request *req)
{
	jx__ov_state s = {0};
	int rc;
	*out = NULL;
	if (!(s.ov = calloc(1, sizeof(*s.ov))))
		return jx__oom();
	s.ov->o = req->o;
	s.ov->kind = req->o.kind;
	s.ov->top = req->top;
	s.ov->provenance = JX_PROV_REAL;
	s.min_departments = req->min_departments ? req->min_departments : 1;
	rc = compute(&s, st, req);
	for (size_t i = 0; i < s.nind; i++)
		jx__ov_indicator_free(&s.ind[i]);
	free(s.ind);
	jx__keymap_free(&s.keys);
	free(s.first);
	free(s.count);
	if (rc) {
		jx_overview_free(s.ov);
		return rc;
	}
	*out = s.ov;
	return 0;
}

void jx_overview_free(jx_overview *ov)
{
	if (!ov)
		return;
	jx_strings_free(ov->departments, ov->ndepartments);
	free(ov->years);
	free(ov->cells);
	for (size_t i = 0; i < ov->nindicators; i++)
		jx__ov_indicator_free(&ov->indicators[i]);
	free(ov->indicators);
	jx_gap_results_free(ov->gaps, ov->ngaps);
	free(ov->gap_self_rate);
	free(ov->gap_review_rate);
	for (size_t i = 0; i < ov->nwarnings; i++) {
		free(ov->warnings[i].subject);
		free(ov->warnings[i].evidence);
	}
	free(ov->warnings);
	for (size_t i = 0; i < ov->nranks; i++)
		jx_rank_result_free(ov->ranks[i]);
	free(ov->ranks);
	free(ov);
}
