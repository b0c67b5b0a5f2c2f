/* store_series.c -- one department's rows over the years, keys resolved through aliases.
 *
 * This is the analysis's only read path. Strings live in one arena owned by
 * the series; names repeat across years, so they are interned. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "store_internal.h"

typedef struct block {
	struct block *next;
	size_t used, cap;
	char data[];
} block;

typedef struct {
	block *blocks;
	const char **interned; /* open-addressing set */
	size_t icap, icount;
	char **alias_old, **alias_new;
	size_t nalias;
} pool;

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static const char *pool_copy(pool *p, const char *s)
{
	size_t n = strlen(s) + 1;
	block *b = p->blocks;
	char *dst;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		if (!(b = malloc(sizeof(block) + cap)))
			return NULL;
		b->next = p->blocks;
		b->used = 0;
		b->cap = cap;
		p->blocks = b;
	}
	dst = b->data + b->used;
	memcpy(dst, s, n);
	b->used += n;
	return dst;
}

static const char *pool_intern(pool *p, const char *s)
{
	size_t i;
	if ((p->icount + 1) * 2 > p->icap) {
		size_t ncap = p->icap ? p->icap * 2 : 256;
		const char **ns = calloc(ncap, sizeof(*ns));
		if (!ns)
			return NULL;
		for (size_t k = 0; k < p->icap; k++)
			if (p->interned[k]) {
				size_t j = hash_str(p->interned[k]) & (ncap - 1);
				while (ns[j])
					j = (j + 1) & (ncap - 1);
				ns[j] = p->interned[k];
			}
		free(p->interned);
		p->interned = ns;
		p->icap = ncap;
	}
	for (i = hash_str(s) & (p->icap - 1); p->interned[i]; i = (i + 1) & (p->icap - 1))
		if (!strcmp(p->interned[i], s))
			return p->interned[i];
	if (!(p->interned[i] = pool_copy(p, s)))
		return NULL;
	p->icount++;
	return p->interned[i];
}

static void pool_free(pool *p)
{
	if (!p)
		return;
	while (p->blocks) {
		block *n = p->blocks->next;
		free(p->blocks);
		p->blocks = n;
	}
	free(p->interned);
	jx_strings_free(p->alias_old, p->nalias);
	jx_strings_free(p->alias_new, p->nalias);
	free(p);
}

/* Follow the alias chain from key (aliases are few: linear scan, cycle-guarded). */
static const char *resolve(const pool *p, const char *key)
{
	for (size_t hops = 0; hops <= p->nalias; hops++) {
		size_t i;
		for (i = 0; i < p->nalias; i++)
			if (!strcmp(p->alias_old[i], key))
				break;
		if (i == p->nalias)
			return key;
		key = p->alias_new[i];
	}
	return key;
}

void jx_series_free(jx_series *sr)
{
	if (!sr)
		return;
	free(sr->department);
	free(sr->years);
	free(sr->rows);
	pool_free(sr->pool_);
	free(sr);
}

static int add_row(jx_series *sr, size_t *cap, sqlite3_stmt *st)
{
	pool *p = sr->pool_;
	jx_score_row *r;
	const char *key;
	if (jx__grow((void **)&sr->rows, cap, sr->nrows + 1, sizeof(*sr->rows)))
		return JX_ENOMEM;
	r = &sr->rows[sr->nrows];
	r->year = sqlite3_column_int(st, 0);
	r->level1 = pool_intern(p, (const char *)sqlite3_column_text(st, 2));
	r->level2 = pool_intern(p, (const char *)sqlite3_column_text(st, 3));
	r->level3 = pool_intern(p, (const char *)sqlite3_column_text(st, 4));
	key = resolve(p, (const char *)sqlite3_column_text(st, 5));
	r->key = pool_intern(p, key);
	r->weight = sqlite3_column_double(st, 6);
	r->score = jx__column_double(st, 7);
	r->origin = JX_ORIGIN_STATED;
	jx_origin_parse((const char *)sqlite3_column_text(st, 8), &r->origin);
	if (!r->level1 || !r->level2 || !r->level3 || !r->key)
		return jx__oom();
	sr->nrows++;
	return 0;
}

static int add_year(jx_series *sr, size_t *cap, sqlite3_stmt *st)
{
	jx_series_year *y;
	if (sr->nyears && sr->years[sr->nyears - 1].year == sqlite3_column_int(st, 0))
		y = &sr->years[sr->nyears - 1];
	else {
		if (jx__grow((void **)&sr->years, cap, sr->nyears + 1, sizeof(*sr->years)))
			return JX_ENOMEM;
		y = &sr->years[sr->nyears++];
		memset(y, 0, sizeof(*y));
		y->year = sqlite3_column_int(st, 0);
		jx_provenance_parse((const char *)sqlite3_column_text(st, 1), &y->provenance);
	}
	y->total_weight += sqlite3_column_double(st, 6);
	if (sqlite3_column_type(st, 7) == SQLITE_NULL)
		y->nmissing++;
	else
		y->total_score += sqlite3_column_double(st, 7);
	return 0;
}

int jx_store_series(jx_store *s, jx_series **out, const char *department, jx_kind kind,
		    int year_from, int year_to)
{
	static const char sql[] =
		"SELECT e.year, e.provenance, i.level1, i.level2, i.level3, i.key, i.weight, i.score,"
		" i.score_origin FROM department d"
		" JOIN evaluation e ON e.department_id = d.id"
		" JOIN indicator i ON i.evaluation_id = e.id"
		" WHERE d.name = ?1 AND e.kind = ?2 AND e.year BETWEEN ?3 AND ?4"
		" ORDER BY e.year, i.seq";
	sqlite3_stmt *st = NULL;
	jx_series *sr;
	size_t rcap = 0, ycap = 0;
	int rc, step;

	*out = NULL;
	if (!(sr = calloc(1, sizeof(*sr))) || !(sr->pool_ = calloc(1, sizeof(pool))) ||
	    !(sr->department = jx__strdup(department))) {
		jx_series_free(sr);
		return jx__oom();
	}
	sr->kind = kind;
	{
		pool *p = sr->pool_;
		if ((rc = jx_store_alias_list(s, &p->alias_old, &p->alias_new, &p->nalias)) != 0)
			goto out;
	}
	if ((rc = jx__prepare(s->db, &st, sql)) != 0)
		goto out;
	sqlite3_bind_text(st, 1, department, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, jx_kind_name(kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, year_from ? year_from : 0);
	sqlite3_bind_int(st, 4, year_to ? year_to : 9999);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = add_row(sr, &rcap, st)) != 0 || (rc = add_year(sr, &ycap, st)) != 0)
			break;
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading a series");
	if (rc == 0 && sr->nrows == 0)
		rc = jx__error(JX_ENOTFOUND, "no %s evaluations of '%s'%s", jx_kind_name(kind),
			       department, (year_from || year_to) ? " in that year range" : "");
out:
	sqlite3_finalize(st);
	if (rc != 0) {
		jx_series_free(sr);
		return rc;
	}
	*out = sr;
	return 0;
}
