/* SPDX-License-Identifier: GPL-3.0-or-later */
/* series.c -- one department's rows over the years, keys resolved through aliases.
 *
 * This is the analysis's only read path, called once per department by
 * --all-departments, so what does not change between calls is kept in the
 * store: the prepared statements and the alias list (reloaded when this
 * connection has written anything since, or another one has committed:
 * sqlite3_total_changes64 and PRAGMA data_version). The department's
 * evaluations come in year order from the (department_id, year, kind)
 * index, then each one's rows in source order from the indicator primary
 * key, so no step sorts (docs/schema.md, "Read paths and indexes").
 * Strings live in one arena (jx__arena) owned by the series; names repeat across years,
 * so they are interned. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

typedef struct {
	jx__arena strings;
	const char **interned; /* open-addressing set */
	size_t icap, icount;
} pool;

static size_t hash_mem(const char *s, size_t n)
{
	return (size_t)jx__hash(s, n, 0);
}

static int pool_rehash(pool *p)
{
	size_t ncap = p->icap ? p->icap * 2 : 256;
	const char **ns = calloc(ncap, sizeof(*ns));
	if (!ns)
		return JX_ENOMEM;
	for (size_t k = 0; k < p->icap; k++)
		if (p->interned[k]) {
			size_t j = hash_mem(p->interned[k], strlen(p->interned[k])) & (ncap - 1);
			while (ns[j])
				j = (j + 1) & (ncap - 1);
			ns[j] = p->interned[k];
		}
	free(p->interned);
	p->interned = ns;
	p->icap = ncap;
	return 0;
}

/* The arena's copy of s (n bytes, no NUL inside); NULL on ENOMEM. */
static const char *pool_intern(pool *p, const char *s, size_t n)
{
	size_t i;
	if ((p->icount + 1) * 2 > p->icap && pool_rehash(p) != 0)
		return NULL;
	for (i = hash_mem(s, n) & (p->icap - 1); p->interned[i]; i = (i + 1) & (p->icap - 1))
		if (!strncmp(p->interned[i], s, n) && p->interned[i][n] == '\0')
			return p->interned[i];
	if (!(p->interned[i] = jx__arena_strndup(&p->strings, s, n)))
		return NULL;
	p->icount++;
	return p->interned[i];
}

static void pool_free(pool *p)
{
	if (!p)
		return;
	jx__arena_free(&p->strings);
	free(p->interned);
	free(p);
}

void jx_series_free(jx_series *sr)
{
	if (!sr)
		return;
	free(sr->department);
	free(sr->project);
	free(sr->project_key);
	free(sr->years);
	free(sr->rows);
	free(sr->breaks);
	pool_free(sr->pool_);
	free(sr);
}

/* ---- what is kept in the store between calls ---- */

static const char rows_sql[] =
	"SELECT level1, level2, level3, key, weight, score, score_origin FROM indicator"
	" WHERE evaluation_id = ?1 ORDER BY seq";

void jx__series_cache_free(jx__series_cache *c)
{
	sqlite3_finalize(c->evaluations);
	sqlite3_finalize(c->project_evaluations);
	sqlite3_finalize(c->rows);
	sqlite3_finalize(c->data_version);
	sqlite3_finalize(c->breaks);
	jx_strings_free(c->alias_old, c->nalias);
	jx_strings_free(c->alias_new, c->nalias);
	memset(c, 0, sizeof(*c));
}

/* Prepare the statements once; (re)load the aliases when the database may have changed. */
static int cache_ready(jx_store *s)
{
	jx__series_cache *c = &s->series;
	sqlite3_int64 changes = sqlite3_total_changes64(s->db);
	/* any department and kind: the clause names both, as every series asks for both;
	 * the department's own evaluations (project_id IS NULL: the partial index
	 * evaluation_department), or one project's (?5, bound per call) */
	const jx_filter both = {"", 0, 0, JX_KIND_SELF, NULL};
	const jx_filter project = {"", 0, 0, JX_KIND_SELF, "?"};
	int version = 0, rc;
	if ((!c->evaluations &&
	     (rc = jx__prepare_scoped(s, &c->evaluations,
				      "SELECT e.id, e.year, e.provenance, NULL FROM department d"
				      " JOIN evaluation e ON e.department_id = d.id",
				      "e", &both, 1, " ORDER BY e.year"))) ||
	    (!c->project_evaluations &&
	     (rc = jx__prepare_scoped(
		      s, &c->project_evaluations,
		      "SELECT e.id, e.year, e.provenance, e.project_name"
		      " FROM department d JOIN evaluation e ON e.department_id = d.id",
		      "e", &project, 1, " ORDER BY e.year, e.id"))) ||
	    (!c->rows && (rc = jx__prepare(s->db, &c->rows, rows_sql))) ||
	    (!c->data_version &&
	     (rc = jx__prepare(s->db, &c->data_version, "PRAGMA data_version"))) ||
	    (!c->breaks && (rc = jx__prepare(s->db, &c->breaks, jx__framework_sql))))
		return rc;
	if (sqlite3_step(c->data_version) == SQLITE_ROW)
		version = sqlite3_column_int(c->data_version, 0);
	sqlite3_reset(c->data_version);
	if (c->aliases_loaded && changes == c->alias_changes && version == c->alias_data_version)
		return 0;
	jx_strings_free(c->alias_old, c->nalias);
	jx_strings_free(c->alias_new, c->nalias);
	c->alias_old = c->alias_new = NULL;
	c->nalias = 0;
	c->aliases_loaded = 0;
	/* listed in old_key order (BINARY collation = strcmp order) for bsearch */
	if ((rc = jx_store_alias_list(s, &c->alias_old, &c->alias_new, &c->nalias)) != 0)
		return rc;
	c->aliases_loaded = 1;
	c->alias_changes = changes;
	c->alias_data_version = version;
	return 0;
}

static int cmp_key(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

/* Follow the alias chain from key (cycle-guarded: at most nalias hops). */
static const char *resolve(const jx__series_cache *c, const char *key)
{
	for (size_t hops = 0; hops < c->nalias; hops++) {
		char **hit = bsearch(key, c->alias_old, c->nalias, sizeof(char *), cmp_key);
		if (!hit)
			break;
		key = c->alias_new[hit - c->alias_old];
	}
	return key;
}

/* ---- reading ---- */

/* Column i as an interned string. Rows repeat the previous year's names in the
 * same order, so same (the string at this place a year before, or NULL) is
 * tried before the hash set. */
static const char *column_interned(pool *p, sqlite3_stmt *st, int i, const char *same)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	size_t n = s ? (size_t)sqlite3_column_bytes(st, i) : 0;
	if (same && !memcmp(same, s ? s : "", n) && same[n] == '\0')
		return same;
	return pool_intern(p, s ? s : "", n);
}

/* Append the current row of st (columns 0-6 as in rows_sql) as a row of year y, updating
 * its totals; prev is a row likely to hold the same names (the one at the same place in the
 * year before), or NULL. The caller has made room for the row (and prev stays valid). */
static int add_row(jx_series *sr, const jx__series_cache *c, sqlite3_stmt *st, jx_series_year *y,
		   const jx_score_row *prev)
{
	pool *p = sr->pool_;
	jx_score_row *r = &sr->rows[sr->nrows];
	const char *key;
	r->year = y->year;
	r->level1 = column_interned(p, st, 0, prev ? prev->level1 : NULL);
	r->level2 = column_interned(p, st, 1, prev ? prev->level2 : NULL);
	r->level3 = column_interned(p, st, 2, prev ? prev->level3 : NULL);
	if (c->nalias) {
		key = resolve(c, (const char *)sqlite3_column_text(st, 3));
		r->key = pool_intern(p, key, strlen(key));
	} else {
		r->key = column_interned(p, st, 3, prev ? prev->key : NULL);
	}
	r->weight = sqlite3_column_double(st, 4);
	r->score = jx__column_double(st, 5);
	r->origin = JX_ORIGIN_STATED;
	jx_origin_parse((const char *)sqlite3_column_text(st, 6), &r->origin);
	if (!r->level1 || !r->level2 || !r->level3 || !r->key)
		return jx__oom();
	y->total_weight += r->weight;
	if (isnan(r->score))
		y->nmissing++;
	else
		y->total_score += r->score;
	sr->nrows++;
	return 0;
}

/* One evaluation's rows; its year enters the series with its first row.
 * *prev_start: where the previous evaluation's rows begin in sr->rows. */
static int add_evaluation(jx_store *s, jx_series *sr, size_t *rcap, size_t *ycap,
			  size_t *prev_start, sqlite3_int64 id, int year, jx_provenance prov)
{
	jx__series_cache *c = &s->series;
	sqlite3_stmt *st = c->rows;
	jx_series_year *y = NULL;
	size_t start = sr->nrows, prev = *prev_start;
	int rc = 0, step;
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		size_t like = prev + (sr->nrows - start);
		if (!y) {
			if (jx__grow((void **)&sr->years, ycap, sr->nyears + 1,
				     sizeof(*sr->years))) {
				rc = JX_ENOMEM;
				break;
			}
			y = &sr->years[sr->nyears++];
			memset(y, 0, sizeof(*y));
			y->year = year;
			y->provenance = prov;
		}
		if (jx__grow((void **)&sr->rows, rcap, sr->nrows + 1, sizeof(*sr->rows))) {
			rc = JX_ENOMEM;
			break;
		}
		if ((rc = add_row(sr, c, st, y, like < start ? &sr->rows[like] : NULL)) != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading a series");
	sqlite3_reset(st);
	if (sr->nrows > start)
		*prev_start = start;
	return rc;
}

typedef struct {
	sqlite3_int64 id;
	int year;
	jx_provenance prov;
} eval_ref;

/* The project's display name: the latest year's as written, without its year. */
static int series_project_name(jx_series *sr, sqlite3_stmt *st)
{
	const char *written = (const char *)sqlite3_column_text(st, 3);
	char *name = jx_project_name_clean(written ? written : "");
	if (!name)
		return jx__oom();
	free(sr->project);
	sr->project = name;
	return 0;
}

/* The department's (or one project's: keys = its key set) evaluations of kind in
 * range, in year order (*out malloc'd); sr->project gets the latest name. */
static int list_evaluations(jx_store *s, jx_series *sr, eval_ref **out, size_t *n, const char *keys,
			    int year_from, int year_to)
{
	sqlite3_stmt *st = keys ? s->series.project_evaluations : s->series.evaluations;
	const jx_filter f = {sr->department, year_from, year_to, (int)sr->kind, NULL};
	size_t cap = 0;
	int rc = 0, step;
	*out = NULL;
	*n = 0;
	jx__filter_bind(st, &f);
	if (keys)
		sqlite3_bind_text(st, 5, keys, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		eval_ref *e;
		if (keys && (rc = series_project_name(sr, st)) != 0)
			break;
		if (jx__grow((void **)out, &cap, *n + 1, sizeof(**out))) {
			rc = JX_ENOMEM;
			break;
		}
		e = &(*out)[(*n)++];
		e->id = sqlite3_column_int64(st, 0);
		e->year = sqlite3_column_int(st, 1);
		e->prov = JX_PROV_REAL;
		jx_provenance_parse((const char *)sqlite3_column_text(st, 2), &e->prov);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading a series");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

int jx_store_project_series(jx_store *s, jx_series **out, const char *department,
			    const char *project, jx_kind kind, int year_from, int year_to)
{
	jx_series *sr;
	eval_ref *evs = NULL;
	size_t nevs = 0, rcap = 0, ycap = 0, prev_start = 0;
	char *keys = NULL;
	const char *set;
	int rc;

	*out = NULL;
	if (!(sr = calloc(1, sizeof(*sr))) || !(sr->pool_ = calloc(1, sizeof(pool))) ||
	    !(sr->department = jx__strdup(department)) ||
	    (project && !(sr->project_key = jx__strdup(project)))) {
		jx_series_free(sr);
		return jx__oom();
	}
	jx__arena_init(&((pool *)sr->pool_)->strings, 65536);
	sr->kind = kind;
	if ((rc = cache_ready(s)) != 0 ||
	    (project && (rc = jx__project_param(s, &keys, &set, project)) != 0) ||
	    (rc = list_evaluations(s, sr, &evs, &nevs, keys, year_from, year_to)) != 0)
		goto out;
	for (size_t i = 0; i < nevs && rc == 0; i++)
		rc = add_evaluation(s, sr, &rcap, &ycap, &prev_start, evs[i].id, evs[i].year,
				    evs[i].prov);
	/* declared framework breaks are the department's framework; a project's
	 * indicators are its own (breaks in them are detected on read) */
	if (rc == 0 && !project)
		rc = jx__framework_read(s->db, s->series.breaks, department, &sr->breaks,
					&sr->nbreaks);
	if (rc == 0 && sr->nrows == 0)
		rc = jx__error(JX_ENOTFOUND, _("no %s evaluations of '%s'%s%s%s"),
			       jx_kind_name(kind), department, project ? " / " : "",
			       project ? project : "",
			       (year_from || year_to) ? " in that year range" : "");
out:
	free(evs);
	free(keys);
	if (rc != 0) {
		jx_series_free(sr);
		return rc;
	}
	*out = sr;
	return 0;
}

int jx_store_series(jx_store *s, jx_series **out, const char *department, jx_kind kind,
		    int year_from, int year_to)
{
	return jx_store_project_series(s, out, department, NULL, kind, year_from, year_to);
}

/* ---- one year of every department at once (the ranks) ---- */

/* The loops run in the order written (CROSS JOIN): departments by name, each one's
 * evaluation of the year from its unique index, its rows from the primary key; so the
 * ORDER BY costs no sort (e.id is there for the planner: one evaluation per department). */
static const char year_rows_sql[] =
	"SELECT i.level1, i.level2, i.level3, i.key, i.weight, i.score, i.score_origin,"
	" e.id, d.name, e.provenance"
	" FROM department d CROSS JOIN evaluation e CROSS JOIN indicator i"
	" WHERE e.department_id = d.id AND e.year = ?1 AND e.kind = ?2 AND e.project_id IS NULL"
	" AND i.evaluation_id = e.id ORDER BY d.name, e.id, i.seq";

/* The pool is shared by the departments of a pass (their names mostly repeat) and starts
 * again when it holds more strings than this, so memory stays bounded by the year. */
#define YEAR_POOL_MAX 65536

/* sr (reused) becomes the series of the department of the current row of st. */
static int year_start(jx_series *sr, sqlite3_stmt *st, int year)
{
	pool *p = sr->pool_;
	free(sr->department);
	if (!(sr->department = jx__column_strdup(st, 8)))
		return jx__oom();
	sr->nrows = 0;
	sr->nyears = 1;
	memset(sr->years, 0, sizeof(*sr->years));
	sr->years[0].year = year;
	sr->years[0].provenance = JX_PROV_REAL;
	jx_provenance_parse((const char *)sqlite3_column_text(st, 9), &sr->years[0].provenance);
	if (p->icount > YEAR_POOL_MAX) {
		jx__arena_free(&p->strings);
		memset(p->interned, 0, p->icap * sizeof(*p->interned));
		p->icount = 0;
		return 1; /* the previous department's strings are gone */
	}
	return 0;
}

/* Step st through every row, handing each department's series to fn. */
static int year_pass(jx_store *s, jx_series *sr, sqlite3_stmt *st, int year, jx_series_fn fn,
		     void *ctx)
{
	sqlite3_int64 eval = -1;
	size_t rcap = 0, before = 0; /* rows of the department before: names to try first */
	int rc = 0, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_score_row was;
		if (sqlite3_column_int64(st, 7) != eval) {
			if (eval >= 0 && (rc = fn(ctx, sr)) != 0)
				return rc;
			before = sr->nrows;
			eval = sqlite3_column_int64(st, 7);
			if ((rc = year_start(sr, st, year)) < 0)
				return rc;
			if (rc == 1)
				before = 0;
		}
		if (jx__grow((void **)&sr->rows, &rcap, sr->nrows + 1, sizeof(*sr->rows)))
			return JX_ENOMEM;
		if (sr->nrows < before)
			was = sr->rows[sr->nrows]; /* the slot is about to be overwritten */
		if ((rc = add_row(sr, &s->series, st, &sr->years[0],
				  sr->nrows < before ? &was : NULL)) != 0)
			return rc;
	}
	if (step != SQLITE_DONE)
		return jx__db_error(s->db, "reading a year of every department");
	return eval >= 0 ? fn(ctx, sr) : 0;
}

int jx_store_year_series(jx_store *s, int year, jx_kind kind, jx_series_fn fn, void *ctx)
{
	jx_series *sr;
	sqlite3_stmt *st = NULL;
	int rc;
	if (!(sr = calloc(1, sizeof(*sr))) || !(sr->pool_ = calloc(1, sizeof(pool))) ||
	    !(sr->years = calloc(1, sizeof(*sr->years)))) {
		jx_series_free(sr);
		return jx__oom();
	}
	jx__arena_init(&((pool *)sr->pool_)->strings, 65536);
	sr->kind = kind;
	if ((rc = cache_ready(s)) == 0 && (rc = jx__prepare(s->db, &st, year_rows_sql)) == 0) {
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_text(st, 2, jx_kind_name(kind), -1, SQLITE_STATIC);
		rc = year_pass(s, sr, st, year, fn, ctx);
	}
	sqlite3_finalize(st);
	jx_series_free(sr);
	return rc;
}
