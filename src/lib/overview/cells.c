/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cells.c -- the department × year matrix: totals as `jixiao list` gives them,
 * the change from each department's previous evaluated year, and the rank of
 * `jixiao rank` (one basis, peer groups by provenance) for every year. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "overview/internal.h"

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t jx__ov_department(const jx_overview *ov, const char *name)
{
	char *const *hit = ov->ndepartments ? bsearch(&name, ov->departments, ov->ndepartments,
						      sizeof(*ov->departments), cmp_name)
					    : NULL;
	return hit ? (size_t)(hit - ov->departments) : (size_t)-1;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* 1 when name is among the requested departments (all when none is named). */
static int wanted(const jx_overview_request *req, const char *name)
{
	if (!req->departments)
		return 1;
	for (size_t i = 0; i < req->ndepartments; i++)
		if (!strcmp(req->departments[i], name))
			return 1;
	return 0;
}

/* The departments named in req that have no evaluation in range: an error. */
static int check_named(const jx_overview *ov, const jx_overview_request *req)
{
	for (size_t i = 0; req->departments && i < req->ndepartments; i++)
		if (jx__ov_department(ov, req->departments[i]) == (size_t)-1)
			return jx__error(JX_ENOTFOUND, _("%s: no %s evaluation in the years asked"),
					 req->departments[i], jx_kind_label(req->o.kind));
	return 0;
}

/* The listing read row by row (ordered by department, then year): growing arrays. */
typedef struct {
	jx__ov_state *s;
	const jx_overview_request *req;
	size_t cap_names, cap_first, cap_count, cap_years, cap_cells;
} listing;

static void fill_cell(jx_overview_cell *c, size_t d, const jx_eval_summary *e)
{
	c->dept = d;
	c->year = e->year;
	c->total_score = e->total_score;
	c->total_weight = e->total_weight;
	c->rate = isnan(e->total_score) || !(e->total_weight > 0)
			  ? NAN
			  : e->total_score / e->total_weight;
	snprintf(c->grade, sizeof(c->grade), "%s", e->grade ? e->grade : "");
	c->change_pp = NAN;
	c->provenance = e->provenance;
}

/* A department not seen yet: its name (taken from e), its first cell to come. */
static int new_department(listing *l, jx_eval_summary *e)
{
	jx__ov_state *s = l->s;
	size_t n = s->ov->ndepartments;
	if (jx__grow((void **)&s->ov->departments, &l->cap_names, n + 1, sizeof(char *)) ||
	    jx__grow((void **)&s->first, &l->cap_first, n + 1, sizeof(size_t)) ||
	    jx__grow((void **)&s->count, &l->cap_count, n + 1, sizeof(size_t)))
		return JX_ENOMEM;
	s->ov->departments[n] = e->department;
	e->department = NULL;
	s->first[n] = s->ov->ncells;
	s->count[n] = 0;
	s->ov->ndepartments++;
	return 0;
}

static int new_year(listing *l, int year)
{
	jx_overview *ov = l->s->ov;
	if (ov->nyears && bsearch(&year, ov->years, ov->nyears, sizeof(int), cmp_int))
		return 0;
	if (jx__grow((void **)&ov->years, &l->cap_years, ov->nyears + 1, sizeof(int)))
		return JX_ENOMEM;
	ov->years[ov->nyears++] = year;
	jx__sort(ov->years, ov->nyears, sizeof(int), cmp_int);
	return 0;
}

/* One evaluation of the listing: its department, year and cell (the change from the
 * department's cell before). Only the cells are kept, never the listing: at 8,000
 * departments × 10 years it took ~19 MB beside them (docs/performance.md). */
static int take_row(void *ctx, jx_eval_summary *e)
{
	listing *l = ctx;
	jx__ov_state *s = l->s;
	jx_overview *ov = s->ov;
	jx_overview_cell *c;
	size_t d;
	int rc;
	if (!wanted(l->req, e->department))
		return 0;
	if ((!ov->ndepartments || strcmp(ov->departments[ov->ndepartments - 1], e->department)) &&
	    (rc = new_department(l, e)))
		return rc;
	if ((rc = new_year(l, e->year)) ||
	    jx__grow((void **)&ov->cells, &l->cap_cells, ov->ncells + 1, sizeof(*ov->cells)))
		return rc ? rc : JX_ENOMEM;
	d = ov->ndepartments - 1;
	c = &ov->cells[ov->ncells++];
	fill_cell(c, d, e);
	if (s->count[d]++ && !isnan(c->rate) && !isnan(c[-1].rate))
		c->change_pp = jx__tidy((c->rate - c[-1].rate) * 100);
	if (c->provenance == JX_PROV_SYNTHETIC)
		ov->provenance = JX_PROV_SYNTHETIC;
	return 0;
}

size_t jx__ov_first_cell(const jx_overview *ov, size_t d)
{
	size_t lo = 0, hi = ov->ncells;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ov->cells[mid].dept < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ov->ncells && ov->cells[lo].dept == d ? lo : ov->ncells;
}

jx_overview_cell *jx__ov_cell(const jx__ov_state *s, size_t d, int year)
{
	for (size_t i = 0; i < s->count[d]; i++)
		if (s->ov->cells[s->first[d] + i].year == year)
			return &s->ov->cells[s->first[d] + i];
	return NULL;
}

/* 1 when year is the latest of some department: the year of the rank a report borrows. */
static int someones_latest(const jx__ov_state *s, int year)
{
	for (size_t d = 0; d < s->ov->ndepartments; d++)
		if (s->ov->cells[s->first[d] + s->count[d] - 1].year == year)
			return 1;
	return 0;
}

/* A kept ranking without its category rates: a report borrows only the rows. Whole, the
 * ten years of 8,000 departments took most of a site's memory (docs/performance.md). */
static void keep_rows_only(jx_rank_result *r)
{
	for (size_t i = 0; i < r->ncats; i++) {
		free(r->cats[i].key);
		free(r->cats[i].level1);
	}
	free(r->cats);
	r->cats = NULL;
	r->ncats = 0;
}

/* The ranks of one year, from jx_rank_compute over every department of the kind. */
static int ranks_of_year(jx__ov_state *s, jx_store *st, int year, const jx_analysis_options *o,
			 int keep)
{
	jx_rank_result *r = NULL;
	int rc = jx_rank_compute(&r, st, year, o);
	if (rc)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		size_t d = jx__ov_department(s->ov, r->rows[i].department);
		jx_overview_cell *c = d == (size_t)-1 ? NULL : jx__ov_cell(s, d, year);
		if (c) {
			c->rank = r->rows[i].rank;
			c->peers = r->rows[i].npeers;
		}
	}
	if (keep && someones_latest(s, year)) {
		keep_rows_only(r);
		s->ov->ranks[s->ov->nranks++] = r;
	} else {
		jx_rank_result_free(r);
	}
	return 0;
}

int jx__ov_cells(jx__ov_state *s, jx_store *st, const jx_overview_request *req)
{
	jx_filter f = {NULL, req->o.year_from, req->o.year_to, (int)req->o.kind, NULL};
	listing l = {s, req, 0, 0, 0, 0, 0};
	jx_overview_cell *fit;
	int rc = jx_store_list_each(st, &f, take_row, &l);
	if (rc == 0 && s->ov->ncells &&
	    (fit = realloc(s->ov->cells, s->ov->ncells * sizeof(*fit)))) /* the room grown */
		s->ov->cells = fit;
	if (rc == 0)
		rc = check_named(s->ov, req);
	if (rc == 0 && !s->ov->ndepartments)
		rc = jx__error(JX_ENOTFOUND, _("no %s evaluations in the years asked"),
			       jx_kind_label(req->o.kind));
	if (rc == 0 && req->keep_ranks &&
	    !(s->ov->ranks = calloc(s->ov->nyears, sizeof(*s->ov->ranks))))
		rc = jx__oom();
	for (size_t y = 0; rc == 0 && y < s->ov->nyears; y++)
		rc = ranks_of_year(s, st, s->ov->years[y], &req->o, req->keep_ranks);
	return rc;
}
