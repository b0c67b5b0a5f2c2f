/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rank.c -- departments (or projects) of one year by total score, grade and
 * percentile, and each one's category rates against the median of its peers.
 *
 * Reads the year's series of every department in one statement, handed
 * over one department at a time (jx_store_year_series), or of the projects
 * one by one (docs/methods.md §10). Ranks are
 * on one basis, the kind asked for (self-evaluations by default, or the
 * reviews), by total rate (score ÷ total weight); ties share the better
 * rank; the percentile is the share of ranked peers scoring at or below.
 * A department is ranked only among departments of the same provenance
 * (real with real, synthetic with synthetic): a real department is never
 * placed among made-up ones. Alone in its group it has no peer group and
 * no rank (docs/report.md, "Ranks on one basis, among peers").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

typedef struct {
	jx_rank_row row;
	size_t cat_first, cat_n; /* into the flat category list */
} dept_entry;

typedef struct {
	size_t key; /* keymap index */
	double rate;
	jx_provenance prov; /* the peer group */
} cat_entry;

typedef struct {
	dept_entry *depts;
	size_t ndepts, dcap;
	cat_entry *cats;
	size_t ncats, ccap;
	jx__keymap keys;
	char **names; /* level-1 display name per key */
	size_t names_cap;
	jx_grade_band bands[16];
	size_t nbands;
	jx__top top; /* reused for every department of a pass */
	jx__buf key; /* a category's key as a string */
} rank_state;

/* A category (key, its name level1) of the department added last, with its rate. */
static int add_category(rank_state *rs, const char *key, const char *level1, double rate,
			jx_provenance prov)
{
	size_t k;
	int found;
	if ((found = jx__keymap_get(&rs->keys, &k, 1, key, 1)) < 0)
		return found;
	if (!found) {
		if (jx__grow((void **)&rs->names, &rs->names_cap, k + 1, sizeof(*rs->names)))
			return JX_ENOMEM;
		if (!(rs->names[k] = jx__strdup(level1)))
			return jx__oom();
	}
	if (jx__grow((void **)&rs->cats, &rs->ccap, rs->ncats + 1, sizeof(*rs->cats)))
		return JX_ENOMEM;
	rs->cats[rs->ncats++] = (cat_entry){k, rate, prov};
	rs->depts[rs->ndepts - 1].cat_n++;
	return 0;
}

/* The department (or project) of sr with its total tot; its categories follow. */
static int add_entry(rank_state *rs, const jx_series *sr, const jx_unit_year *tot,
		     jx_provenance prov)
{
	dept_entry *d;
	if (jx__grow((void **)&rs->depts, &rs->dcap, rs->ndepts + 1, sizeof(*rs->depts)))
		return JX_ENOMEM;
	d = &rs->depts[rs->ndepts];
	memset(d, 0, sizeof(*d));
	d->row.total_weight = tot->weight;
	d->row.total_score = tot->score;
	d->row.rate = tot->rate;
	d->row.nmissing = tot->nmissing;
	d->row.provenance = prov;
	d->cat_first = rs->ncats;
	if (!(d->row.department = jx__strdup(sr->department)) ||
	    (sr->project && !(d->row.project = jx__strdup(sr->project))) ||
	    (!isnan(d->row.rate) &&
	     !(d->row.grade = jx__strdup(jx_grade_of(rs->bands, rs->nbands, d->row.total_score,
						     d->row.total_weight))))) {
		free(d->row.department);
		free(d->row.project);
		free(d->row.grade);
		return jx__oom();
	}
	rs->ndepts++;
	return 0;
}

/* The one-year series sr of a department (or of one of its projects). */
static int add_series(rank_state *rs, const jx_series *sr)
{
	jx_units *u = NULL;
	int rc = jx__units_build_top(&u, sr);
	if (rc == 0)
		rc = add_entry(rs, sr, &jx_units_find(u, JX_LEVEL_TOTAL, "")->years[0],
			       u->provenance);
	for (size_t i = 0; rc == 0 && i < u->nunits; i++)
		if (u->units[i].level == JX_LEVEL_1)
			rc = add_category(rs, u->units[i].key, u->units[i].level1,
					  u->units[i].years[0].rate, u->provenance);
	jx_units_free(u);
	return rc;
}

/* A department of the year's pass over every department (jx_store_year_series): the same
 * sums as add_series, without making units. */
static int add_year_series(void *arg, const jx_series *sr)
{
	rank_state *rs = arg;
	jx__top *t = &rs->top;
	int rc = jx__units_top(t, sr);
	if (rc == 0)
		rc = add_entry(rs, sr, &t->total, t->provenance);
	for (size_t i = 0; rc == 0 && i < t->ncats; i++) {
		rs->key.len = 0;
		jx__buf_put(&rs->key, t->cats[i].key, t->cats[i].keylen);
		jx__buf_put(&rs->key, "", 1);
		rc = rs->key.failed ? jx__oom()
				    : add_category(rs, rs->key.data, t->cats[i].level1,
						   t->cats[i].y.rate, t->provenance);
	}
	return rc;
}

/* The evaluation of department name (or of its project key, when not NULL) in year. */
static int add_department(rank_state *rs, jx_store *st, const char *name, const char *key, int year,
			  jx_kind kind)
{
	jx_series *sr = NULL;
	int rc = jx_store_project_series(st, &sr, name, key, kind, year, year);
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		return 0;
	}
	if (rc == 0)
		rc = add_series(rs, sr);
	jx_series_free(sr);
	return rc;
}

/* Peer groups first (real, then synthetic), then by rate, unknown last, then by name. */
static int cmp_rate(const void *pa, const void *pb)
{
	const dept_entry *a = pa, *b = pb;
	int na = isnan(a->row.rate), nb = isnan(b->row.rate);
	if (a->row.provenance != b->row.provenance)
		return a->row.provenance < b->row.provenance ? -1 : 1;
	if (na != nb)
		return na - nb;
	if (!na && a->row.rate != b->row.rate)
		return a->row.rate > b->row.rate ? -1 : 1;
	if (strcmp(a->row.department, b->row.department))
		return strcmp(a->row.department, b->row.department);
	return strcmp(a->row.project ? a->row.project : "", b->row.project ? b->row.project : "");
}

/* Competition ranks (1, 2, 2, 4) and percentiles within one peer group d[0..n), sorted
 * best first: those at or below row i are all from the first of its ties on, so the
 * share needs no second loop (it was one over all peers per row: 64 M comparisons for a
 * province's 8,000 departments). */
static void rank_group(dept_entry *d, size_t n)
{
	size_t nranked = 0;
	while (nranked < n && !isnan(d[nranked].row.rate))
		nranked++;
	for (size_t i = 0; i < n; i++) {
		jx_rank_row *r = &d[i].row;
		r->percentile = NAN;
		if (i >= nranked)
			continue;
		r->npeers = nranked;
		if (nranked < 2)
			continue; /* no peer group: no rank */
		r->rank = (i > 0 && d[i - 1].row.rate == r->rate) ? d[i - 1].row.rank : i + 1;
		r->percentile = 100.0 * (double)(nranked - (r->rank - 1)) / (double)nranked;
	}
}

static void rank_rows(rank_state *rs)
{
	jx__sort(rs->depts, rs->ndepts, sizeof(*rs->depts), cmp_rate);
	for (size_t i = 0, j; i < rs->ndepts; i = j) {
		for (j = i;
		     j < rs->ndepts && rs->depts[j].row.provenance == rs->depts[i].row.provenance;
		     j++)
			;
		rank_group(rs->depts + i, j - i);
	}
}

/* Median per category key and peer group (provenance) over departments with a known rate:
 * med[2k + provenance]. */
static int medians(rank_state *rs, double *med, size_t *count)
{
	double *v = malloc((rs->ndepts + 1) * sizeof(*v));
	if (!v)
		return jx__oom();
	for (size_t k = 0; k < 2 * rs->keys.n; k++) {
		size_t n = 0;
		for (size_t i = 0; i < rs->ncats; i++)
			if (2 * rs->cats[i].key + (size_t)rs->cats[i].prov == k &&
			    !isnan(rs->cats[i].rate))
				v[n++] = rs->cats[i].rate;
		count[k] = n;
		if (jx_stats_median(&med[k], v, n)) {
			free(v);
			return JX_ENOMEM;
		}
	}
	free(v);
	return 0;
}

static int build_result(jx_rank_result *r, rank_state *rs)
{
	double *med = malloc((2 * rs->keys.n + 1) * sizeof(*med));
	size_t *count = malloc((2 * rs->keys.n + 1) * sizeof(*count));
	int rc = 0;
	r->rows = calloc(rs->ndepts + 1, sizeof(*r->rows));
	r->cats = calloc(rs->ncats + 1, sizeof(*r->cats));
	if (!med || !count || !r->rows || !r->cats || (rc = medians(rs, med, count))) {
		rc = rc ? rc : jx__oom();
		goto out;
	}
	for (size_t i = 0; i < rs->ndepts; i++) {
		dept_entry *d = &rs->depts[i];
		r->rows[r->nrows++] = d->row;
		if (d->row.provenance == JX_PROV_SYNTHETIC)
			r->provenance = JX_PROV_SYNTHETIC;
		memset(&d->row, 0, sizeof(d->row)); /* ownership moved */
		for (size_t j = d->cat_first; j < d->cat_first + d->cat_n; j++) {
			jx_rank_category *c = &r->cats[r->ncats];
			const cat_entry *e = &rs->cats[j];
			c->department = r->rows[r->nrows - 1].department;
			c->project = r->rows[r->nrows - 1].project;
			c->key = jx__strdup(rs->keys.keys[e->key]);
			c->level1 = jx__strdup(rs->names[e->key]);
			r->ncats++;
			if (!c->key || !c->level1) {
				rc = jx__oom();
				goto out;
			}
			c->rate = e->rate;
			c->median = med[2 * e->key + (size_t)e->prov];
			c->delta = c->rate - c->median;
			c->n = count[2 * e->key + (size_t)e->prov];
			c->provenance = r->rows[r->nrows - 1].provenance;
		}
	}
out:
	free(med);
	free(count);
	return rc;
}

static void state_free(rank_state *rs)
{
	for (size_t i = 0; i < rs->ndepts; i++) {
		free(rs->depts[i].row.department);
		free(rs->depts[i].row.project);
		free(rs->depts[i].row.grade);
	}
	for (size_t i = 0; i < rs->keys.n && i < rs->names_cap; i++)
		free(rs->names[i]);
	free(rs->names);
	free(rs->top.cats);
	jx__buf_free(&rs->key);
	free(rs->depts);
	free(rs->cats);
	jx__keymap_free(&rs->keys);
}

/* Every project of department dept (project JX_PROJECT_ALL), or the one named. */
static int add_projects(rank_state *rs, jx_store *st, const char *dept, const char *project,
			int year, jx_kind kind)
{
	jx_project_info *p = NULL;
	size_t n = 0;
	char *key = NULL;
	int rc;
	if (strcmp(project, JX_PROJECT_ALL)) {
		if ((rc = jx_store_find_project(st, &key, dept, project)) == JX_ENOTFOUND) {
			jx_error_clear();
			return 0;
		}
		if (rc == 0)
			rc = add_department(rs, st, dept, key, year, kind);
		free(key);
		return rc;
	}
	if ((rc = jx_store_projects(st, &p, &n, dept)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = add_department(rs, st, dept, p[i].key, year, kind);
	jx_project_infos_free(p, n);
	return rc;
}

int jx_rank_compute_projects(jx_rank_result **out, jx_store *st, int year, const char *department,
			     const char *project, const jx_analysis_options *o)
{
	jx_rank_result *r;
	rank_state rs;
	char **names = NULL;
	size_t nnames = 0;
	int rc;

	*out = NULL;
	memset(&rs, 0, sizeof(rs));
	jx__buf_init(&rs.key);
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	r->year = year;
	r->kind = o ? o->kind : JX_KIND_SELF;
	r->projects = project != NULL;
	/* one snapshot for the ~4 reads of each department named, or of each project */
	if ((rc = jx_store_read_begin(st)) != 0)
		goto out;
	rc = jx_store_grade_bands(st, rs.bands, 16, &rs.nbands);
	if (rc == 0 && !department && !project) /* every department: one statement */
		rc = jx_store_year_series(st, year, r->kind, add_year_series, &rs);
	else if (rc == 0)
		rc = jx_store_departments(st, &names, &nnames);
	for (size_t i = 0; i < nnames && rc == 0; i++)
		if (!department || !strcmp(department, names[i]))
			rc = project ? add_projects(&rs, st, names[i], project, year, r->kind)
				     : add_department(&rs, st, names[i], NULL, year, r->kind);
	jx_store_read_end(st);
	if (rc == 0 && rs.ndepts == 0)
		rc = jx__error(JX_ENOTFOUND,
			       project ? "no %s project evaluations in %d"
				       : "no %s evaluations in %d",
			       jx_kind_name(r->kind), year);
	if (rc == 0) {
		rank_rows(&rs);
		rc = build_result(r, &rs);
	}
out:
	state_free(&rs);
	jx_strings_free(names, nnames);
	if (rc) {
		jx_rank_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int jx_rank_compute(jx_rank_result **out, jx_store *st, int year, const jx_analysis_options *o)
{
	return jx_rank_compute_projects(out, st, year, NULL, NULL, o);
}

void jx_rank_result_free(jx_rank_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nrows; i++) {
		free(r->rows[i].department);
		free(r->rows[i].project);
		free(r->rows[i].grade);
	}
	for (size_t i = 0; i < r->ncats; i++) {
		free(r->cats[i].key);
		free(r->cats[i].level1);
	}
	free(r->rows);
	free(r->cats);
	free(r);
}

static const jx__col rank_cols[] = {
	{"rank", N_("rank"), JX_COL_INT, 0},
	{"department", N_("department"), JX_COL_TEXT, 0},
	{"total_score", N_("total score"), JX_COL_NUMBER, 0},
	{"total_weight", N_("total weight"), JX_COL_NUMBER, 0},
	{"rate", N_("rate"), JX_COL_FIXED, 4},
	{"grade", N_("grade"), JX_COL_TEXT, 0},
	{"percentile", N_("percentile"), JX_COL_FIXED, 1},
	{"missing", N_("missing"), JX_COL_INT, 0},
};

static const jx__col project_col = {"project", N_("project"), JX_COL_TEXT, 0};

/* Added after provenance (docs/formats.md, Changes): the size of the peer group. */
static const jx__col rank_tail[] = {{"peers", N_("peers"), JX_COL_INT, 0}};

/* "2023: ranked on self-evaluation totals ..." -- the basis and the peer groups, said once. */
static void rank_notes(jx_table *t, const jx_rank_result *r)
{
	size_t groups[2] = {0, 0};
	for (size_t i = 0; i < r->nrows; i++)
		groups[r->rows[i].provenance == JX_PROV_SYNTHETIC] += !isnan(r->rows[i].rate);
	jx_table_add_note(
		t,
		r->projects ? _("%d: ranked on %s totals only (rate = score / total weight); "
				"each project among those of the same provenance (real %zu, "
				"synthetic %zu); percentile = share of those at or below; "
				"unknown totals last")
			    : _("%d: ranked on %s totals only (rate = score / total weight); "
				"each department among those of the same provenance (real %zu, "
				"synthetic %zu); percentile = share of those at or below; "
				"unknown totals last"),
		r->year, r->kind == JX_KIND_REVIEW ? _("review") : _("self-evaluation"), groups[0],
		groups[1]);
	for (int g = 0; g < 2; g++)
		if (groups[g] == 1)
			jx_table_add_note(
				t, "%s",
				r->projects ? (g ? _("the one synthetic project has no peer "
						     "group: not ranked")
						 : _("the one real project has no peer group: "
						     "not ranked"))
				: g         ? _("the one synthetic department has no peer group: "
							"not ranked")
					    : _("the one real department has no peer group: not "
							"ranked"));
}

/* cols with the project column after the one at index at, when r ranks projects;
 * the department and project are columns of their own here, not the option's. */
static int start_table(jx_table **out, int *c, const jx__col *cols, size_t n, size_t at,
		       const jx_rank_result *r, const jx_analysis_options *o)
{
	jx_analysis_options plain;
	jx__col all[16];
	size_t k = 0;
	jx_analysis_options_init(&plain);
	if (o)
		plain = *o;
	plain.with_department = 0;
	plain.with_project = 0;
	for (size_t i = 0; i < n && k < 15; i++) {
		all[k++] = cols[i];
		if (i == at && r->projects)
			all[k++] = project_col;
	}
	return jx__table_start(out, c, all, k, &plain, r->provenance);
}

int jx_rank_table(jx_table **out, const jx_rank_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, p, rc, bad = 0;
	if ((rc = start_table(&t, &c, rank_cols, sizeof(rank_cols) / sizeof(*rank_cols), 1, r, o)))
		return rc;
	p = r->projects; /* the columns after department move by one */
	if ((rc = jx__table_columns(t, rank_tail, 1))) {
		jx_table_free(t);
		return rc;
	}
	rank_notes(t, r);
	for (size_t i = 0; i < r->nrows && !bad; i++) {
		const jx_rank_row *row = &r->rows[i];
		bad = jx__table_row(t, NULL, NULL, row->provenance, NULL) |
		      (row->npeers ? jx_table_set_int(t, c + p + 9, (long long)row->npeers) : 0) |
		      (row->rank ? jx_table_set_int(t, c, (long long)row->rank) : 0) |
		      jx_table_set_text(t, c + 1, row->department) |
		      (p ? jx_table_set_text(t, c + 2, row->project) : 0) |
		      jx__set_number(t, c + p + 2, row->total_score) |
		      jx__set_number(t, c + p + 3, row->total_weight) |
		      jx__set_number(t, c + p + 4, row->rate) |
		      jx_table_set_text(t, c + p + 5, row->grade) |
		      jx__set_number(t, c + p + 6, row->percentile) |
		      jx_table_set_int(t, c + p + 7, (long long)row->nmissing);
	}
	if (bad) {
		jx_table_free(t);
		return jx__oom();
	}
	*out = t;
	return 0;
}

static const jx__col category_cols[] = {
	{"department", N_("department"), JX_COL_TEXT, 0},
	{"level1", N_("level 1"), JX_COL_TEXT, 0},
	{"rate", N_("rate"), JX_COL_FIXED, 4},
	{"median", N_("median of depts"), JX_COL_FIXED, 4},
	{"delta_pp", N_("diff (pp)"), JX_COL_FIXED, 1},
	{"departments", N_("departments"), JX_COL_INT, 0},
};

int jx_rank_category_table(jx_table **out, const jx_rank_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, p = r->projects, rc, bad = 0;
	if ((rc = start_table(&t, &c, category_cols, sizeof(category_cols) / sizeof(*category_cols),
			      0, r, o)))
		return rc;
	jx_table_add_note(t,
			  _("%d (%s): each department's category rate against the median of the "
			    "departments of the same provenance with that category"),
			  r->year, jx_kind_label(r->kind));
	for (size_t i = 0; i < r->ncats && !bad; i++) {
		const jx_rank_category *cat = &r->cats[i];
		bad = jx__table_row(t, NULL, NULL, cat->provenance, NULL) |
		      jx_table_set_text(t, c, cat->department) |
		      (p ? jx_table_set_text(t, c + 1, cat->project) : 0) |
		      jx_table_set_text(t, c + p + 1, cat->level1) |
		      jx__set_number(t, c + p + 2, cat->rate) |
		      jx__set_number(t, c + p + 3, cat->median) |
		      jx__set_number(t, c + p + 4, cat->delta * 100) |
		      jx_table_set_int(t, c + p + 5, (long long)cat->n);
		if (!bad && cat->delta < -JX__EPS)
			jx_table_mark_row(t);
	}
	if (bad) {
		jx_table_free(t);
		return jx__oom();
	}
	*out = t;
	return 0;
}
