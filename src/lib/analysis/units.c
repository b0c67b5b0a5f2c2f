/* SPDX-License-Identifier: GPL-3.0-or-later */
/* units.c -- the units of a series: indicators, groups, categories, total.
 *
 * Every analysis works on units, each with weight, score and rate per
 * evaluated year (docs/methods.md §1). A level-3 unit is an alias-resolved
 * canonical key; level-2 and level-1 units are its key prefixes and sum
 * their rows; the total sums every row. A missing score makes the unit-year
 * unknown (NaN), never zero. Units are ordered as the latest evaluation
 * lists them (category, then its groups and indicators), so that tables
 * read like the report.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

void jx_analysis_options_init(jx_analysis_options *o)
{
	memset(o, 0, sizeof(*o));
	o->level = JX_LEVEL_ALL;
	o->kind = JX_KIND_SELF;
	o->alpha = 0.05;
	o->confidence = 0.95;
	o->weak_window = 3;
	o->weak_min_deducted = 2;
	o->weak_threshold = 0.90;
	o->weak_trend = 0;
	o->weak_new_share = 0.5;
	o->weak_large_share = 0.15;
	o->weak_resolved_years = 2;
	o->growth_threshold = 0.15;
	o->growth_years = 3;
	o->top_pairs = 10;
	o->pairs_alpha = 0.1;
	o->deduction_pairs = 1;
	o->project_threshold = 0.90;
	o->project_min_missed = 2;
	o->money_wan = 1;
}

int jx_level_selected(const jx_analysis_options *o, int level)
{
	return !o || o->level == JX_LEVEL_ALL || o->level == level;
}

const char *jx_level_name(int level)
{
	switch (level) {
	case JX_LEVEL_TOTAL: return "total";
	case JX_LEVEL_1: return "1";
	case JX_LEVEL_2: return "2";
	case JX_LEVEL_3: return "3";
	default: return "all";
	}
}

int jx_unit_year_deducted(const jx_unit_year *uy)
{
	return uy->nrows > 0 && !isnan(uy->score) && uy->score < uy->weight - JX__EPS;
}

size_t jx_unit_points(const jx_units *u, const jx_unit *unit, double *x, double *y)
{
	size_t n = 0;
	for (size_t i = 0; i < u->nyears; i++)
		if (!isnan(unit->years[i].rate)) {
			x[n] = (double)u->years[i];
			y[n] = unit->years[i].rate;
			n++;
		}
	return n;
}

const jx_unit *jx_units_find(const jx_units *u, int level, const char *key)
{
	for (size_t i = 0; u && i < u->nunits; i++)
		if (u->units[i].level == level && !strcmp(u->units[i].key, key))
			return &u->units[i];
	return NULL;
}

/* ---- building ---- */

/* Build-time facts of a unit: where it sorts (first-sight ordinals of its
 * category, group and indicator, seen from the latest year backwards). */
typedef struct {
	size_t ord1, ord2, ord3;
} unit_order;

/* The series interns its strings, so one key pointer is one key: the four
 * unit indexes of a row are cached by pointer and found again in O(1) in
 * every later year (the build runs once per department of the database). */
typedef struct {
	const char *key;
	size_t idx[4];
} key_cache;

typedef struct {
	jx_units *u;
	unit_order *order;
	size_t cap, order_cap;
	size_t *slots; /* hash of unit index + 1 */
	size_t nslots;
	size_t next_ord;
	key_cache *cache;
	size_t ncache, cache_cap; /* cache_cap a power of two */
	int max_level;            /* 3, or 1 for jx__units_build_top */
} builder;

static size_t hash_key(int level, const char *s, size_t len)
{
	return (size_t)jx__hash(s, len, (uint64_t)level);
}

static int rehash(builder *b)
{
	size_t n = b->nslots ? b->nslots * 2 : 64, i, j;
	size_t *slots = calloc(n, sizeof(*slots));
	if (!slots)
		return jx__oom();
	for (i = 0; i < b->u->nunits; i++) {
		const jx_unit *un = &b->u->units[i];
		for (j = hash_key(un->level, un->key, strlen(un->key)) & (n - 1); slots[j];
		     j = (j + 1) & (n - 1))
			;
		slots[j] = i + 1;
	}
	free(b->slots);
	b->slots = slots;
	b->nslots = n;
	return 0;
}

/* Names (copied from the row: the latest year's, as rows are seen latest
 * first) and the per-year cells of a new unit. */
static int unit_init(jx_units *u, jx_unit *un, const jx_score_row *row)
{
	char *l1 = NULL, *l2 = NULL, *l3 = NULL;
	if (un->level >= 1 && !(l1 = jx__strdup(row->level1)))
		return jx__oom();
	un->level1 = l1;
	if (un->level >= 2 && !(l2 = jx__strdup(row->level2)))
		return jx__oom();
	un->level2 = l2;
	if (un->level >= 3 && !(l3 = jx__strdup(row->level3)))
		return jx__oom();
	un->level3 = l3;
	un->name = un->level == 0 ? "合计" : un->level == 1 ? l1 : un->level == 2 ? l2 : l3;
	if (!(un->years = calloc(u->nyears ? u->nyears : 1, sizeof(*un->years))))
		return jx__oom();
	for (size_t i = 0; i < u->nyears; i++)
		un->years[i].year = u->years[i];
	return 0;
}

/* Find the unit (level, key[0..keylen)); add it (names from row) when new. */
static int unit_get(builder *b, size_t *idx, int level, const char *key, size_t keylen,
		    const jx_score_row *row, const size_t *parent)
{
	jx_units *u = b->u;
	unit_order ord = parent ? b->order[*parent] : (unit_order){0, 0, 0};
	jx_unit *un;
	size_t j;
	char *k;

	if ((u->nunits + 1) * 2 > b->nslots && rehash(b))
		return JX_ENOMEM;
	for (j = hash_key(level, key, keylen) & (b->nslots - 1); b->slots[j];
	     j = (j + 1) & (b->nslots - 1)) {
		un = &u->units[b->slots[j] - 1];
		if (un->level == level && !strncmp(un->key, key, keylen) && !un->key[keylen]) {
			*idx = b->slots[j] - 1;
			return 0;
		}
	}
	if (!(k = jx__strndup(key, keylen)))
		return jx__oom();
	if (jx__grow((void **)&u->units, &b->cap, u->nunits + 1, sizeof(*u->units)) ||
	    jx__grow((void **)&b->order, &b->order_cap, u->nunits + 1, sizeof(*b->order))) {
		free(k);
		return JX_ENOMEM;
	}
	un = &u->units[u->nunits];
	memset(un, 0, sizeof(*un));
	un->level = level;
	un->key = k;
	u->nunits++; /* from here on jx_units_free releases what un holds */
	if (unit_init(u, un, row))
		return JX_ENOMEM;
	if (level == 1)
		ord.ord1 = ++b->next_ord;
	else if (level == 2)
		ord.ord2 = ++b->next_ord;
	else if (level == 3)
		ord.ord3 = ++b->next_ord;
	b->order[u->nunits - 1] = ord;
	b->slots[j] = u->nunits;
	*idx = u->nunits - 1;
	return 0;
}

/* Lengths of the level-1 and level-1/level-2 prefixes of a row's key. Keys
 * are "l1/l2/l3"; a name may itself hold '/', so the row's own normalised
 * names are tried first, and the first slashes used when an alias moved it. */
static int key_prefixes(size_t *len1, size_t *len2, const jx_score_row *row)
{
	const char *k = row->key, *s1 = strchr(k, '/'), *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
	char *n1, *n2;
	if (s2 && !strchr(s2 + 1, '/')) {
		*len1 = (size_t)(s1 - k);
		*len2 = (size_t)(s2 - k);
		return 0;
	}
	*len1 = s1 ? (size_t)(s1 - k) : strlen(k);
	*len2 = s2 ? (size_t)(s2 - k) : strlen(k);
	n1 = jx_name_normalize(row->level1);
	n2 = jx_name_normalize(row->level2);
	if (!n1 || !n2) {
		free(n1);
		free(n2);
		return jx__oom();
	}
	{
		size_t a = strlen(n1), c = strlen(n2);
		if (!strncmp(k, n1, a) && k[a] == '/' && !strncmp(k + a + 1, n2, c) &&
		    k[a + 1 + c] == '/') {
			*len1 = a;
			*len2 = a + 1 + c;
		}
	}
	free(n1);
	free(n2);
	return 0;
}

static void accumulate(jx_unit_year *uy, const jx_score_row *row)
{
	uy->weight += row->weight;
	uy->nrows++;
	if (row->origin == JX_ORIGIN_MISSING || isnan(row->score))
		uy->nmissing++;
	else
		uy->score += row->score;
	if (row->origin == JX_ORIGIN_INFERRED)
		uy->ninferred++;
}

static size_t hash_ptr(const char *p, size_t cap)
{
	return (size_t)(((uintptr_t)p >> 3) * 0x9E3779B97F4A7C15ULL) & (cap - 1);
}

static key_cache *cache_slot(builder *b, const char *key)
{
	size_t j;
	if (!b->cache_cap)
		return NULL;
	for (j = hash_ptr(key, b->cache_cap); b->cache[j].key; j = (j + 1) & (b->cache_cap - 1))
		if (b->cache[j].key == key)
			return &b->cache[j];
	return &b->cache[j];
}

static int cache_put(builder *b, const char *key, const size_t idx[4])
{
	key_cache *slot;
	if ((b->ncache + 1) * 2 > b->cache_cap) {
		key_cache *old = b->cache;
		size_t ocap = b->cache_cap, ncap = ocap ? ocap * 2 : 128;
		if (!(b->cache = calloc(ncap, sizeof(*b->cache)))) {
			b->cache = old;
			return jx__oom();
		}
		b->cache_cap = ncap;
		for (size_t i = 0; i < ocap; i++)
			if (old[i].key)
				*cache_slot(b, old[i].key) = old[i];
		free(old);
	}
	slot = cache_slot(b, key);
	slot->key = key;
	memcpy(slot->idx, idx, sizeof(slot->idx));
	b->ncache++;
	return 0;
}

/* Add one row to the total, its category, group and indicator. */
static int add_row(builder *b, const jx_score_row *row, size_t yi)
{
	const key_cache *hit = cache_slot(b, row->key);
	size_t idx[4], len1, len2;
	int rc;
	if (hit && hit->key) {
		memcpy(idx, hit->idx, sizeof(idx));
	} else if ((rc = key_prefixes(&len1, &len2, row)) ||
		   (rc = unit_get(b, &idx[0], 0, "", 0, row, NULL)) ||
		   (rc = unit_get(b, &idx[1], 1, row->key, len1, row, NULL)) ||
		   (b->max_level > 1 &&
		    ((rc = unit_get(b, &idx[2], 2, row->key, len2, row, &idx[1])) ||
		     (rc = unit_get(b, &idx[3], 3, row->key, strlen(row->key), row, &idx[2])))) ||
		   (rc = cache_put(b, row->key, idx))) {
		return rc;
	}
	for (int l = 0; l <= b->max_level; l++)
		accumulate(&b->u->units[idx[l]].years[yi], row);
	return 0;
}

void jx__unit_free_fields(jx_unit *un)
{
	free((char *)un->key);
	free((char *)un->level1);
	free((char *)un->level2);
	free((char *)un->level3);
	free(un->years);
	un->key = un->level1 = un->level2 = un->level3 = NULL;
	un->years = NULL;
}

void jx_units_free(jx_units *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->nunits; i++)
		jx__unit_free_fields(&u->units[i]);
	free(u->periods);
	free(u->units);
	free(u->years);
	free(u->department);
	free(u->project);
	free(u->scope);
	free(u);
}

static int in_range(int year, const jx_analysis_options *o)
{
	return !o ||
	       ((!o->year_from || year >= o->year_from) && (!o->year_to || year <= o->year_to));
}

/* Sort key of each unit travels with it through qsort. */
typedef struct {
	jx_unit unit;
	unit_order order;
} sortable;

static int cmp_order(const unit_order *a, const unit_order *b)
{
	if (a->ord1 != b->ord1)
		return a->ord1 < b->ord1 ? -1 : 1;
	if (a->ord2 != b->ord2)
		return a->ord2 < b->ord2 ? -1 : 1;
	if (a->ord3 != b->ord3)
		return a->ord3 < b->ord3 ? -1 : 1;
	return 0;
}

static int cmp_units(const void *pa, const void *pb)
{
	return cmp_order(&((const sortable *)pa)->order, &((const sortable *)pb)->order);
}

/* A unit-year's sums closed (a missing row makes it unknown). */
static void close_year(jx_unit_year *uy)
{
	uy->weight = jx__tidy(uy->weight);
	uy->score = uy->nrows == 0 || uy->nmissing > 0 ? NAN : jx__tidy(uy->score);
	uy->rate = uy->weight > 0 ? uy->score / uy->weight : NAN;
}

/* Close the sums (a missing row makes the unit-year unknown) and sort. */
static int finish(builder *b)
{
	jx_units *u = b->u;
	sortable *tmp;
	size_t i, y;
	for (i = 0; i < u->nunits; i++)
		for (y = 0; y < u->nyears; y++)
			close_year(&u->units[i].years[y]);
	for (i = 1; i < u->nunits; i++)
		if (cmp_order(&b->order[i - 1], &b->order[i]) > 0)
			break;
	if (i >= u->nunits) /* made in order (always so for the top units): keys are unique */
		return 0;
	if (!(tmp = malloc((u->nunits ? u->nunits : 1) * sizeof(*tmp))))
		return jx__oom();
	for (i = 0; i < u->nunits; i++) {
		tmp[i].unit = u->units[i];
		tmp[i].order = b->order[i];
	}
	jx__sort(tmp, u->nunits, sizeof(*tmp), cmp_units);
	for (i = 0; i < u->nunits; i++)
		u->units[i] = tmp[i].unit;
	free(tmp);
	return 0;
}

/* Years of the series inside the range; rows are then read latest year
 * first so that names and order follow the latest evaluation. */
static int collect_years(jx_units *u, const jx_series *s, const jx_analysis_options *o)
{
	if (!(u->years = malloc((s->nyears ? s->nyears : 1) * sizeof(*u->years))))
		return jx__oom();
	for (size_t i = 0; i < s->nyears; i++)
		if (in_range(s->years[i].year, o)) {
			u->years[u->nyears++] = s->years[i].year;
			if (s->years[i].provenance == JX_PROV_SYNTHETIC)
				u->provenance = JX_PROV_SYNTHETIC;
		}
	return 0;
}

static size_t year_index(const jx_units *u, int year)
{
	size_t lo = 0, hi = u->nyears;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (u->years[mid] < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < u->nyears && u->years[lo] == year ? lo : (size_t)-1;
}

static int build(jx_units **out, const jx_series *s, const jx_analysis_options *o, int max_level)
{
	builder b;
	size_t end = s->nrows, start;
	int rc;

	*out = NULL;
	memset(&b, 0, sizeof(b));
	b.max_level = max_level;
	if (!(b.u = calloc(1, sizeof(*b.u))) || !(b.u->department = jx__strdup(s->department)) ||
	    (s->project && !(b.u->project = jx__strdup(s->project))) ||
	    !(b.u->scope = s->project ? jx__sprintf("%s / %s", s->department, s->project)
				      : jx__strdup(s->department))) {
		rc = jx__oom();
		goto out;
	}
	b.u->kind = s->kind;
	if ((rc = collect_years(b.u, s, o)) != 0)
		goto out;
	if (b.u->nyears == 0) {
		rc = jx__error(JX_ENOTFOUND, _("no %s evaluations of '%s' in that year range"),
			       jx_kind_name(s->kind), s->department);
		goto out;
	}
	while (end > 0) { /* year blocks, latest first; rows inside in source order */
		size_t yi;
		for (start = end; start > 0 && s->rows[start - 1].year == s->rows[end - 1].year;
		     start--)
			;
		yi = year_index(b.u, s->rows[start].year);
		for (size_t r = start; yi != (size_t)-1 && r < end; r++)
			if ((rc = add_row(&b, &s->rows[r], yi)) != 0)
				goto out;
		end = start;
	}
	if ((rc = finish(&b)) == 0 && max_level > 1)
		rc = jx__units_periods(b.u, s);
out:
	free(b.slots);
	free(b.order);
	free(b.cache);
	if (rc) {
		jx_units_free(b.u);
		return rc;
	}
	*out = b.u;
	return 0;
}

int jx_units_build(jx_units **out, const jx_series *s, const jx_analysis_options *o)
{
	return build(out, s, o, 3);
}

int jx__units_build_top(jx_units **out, const jx_series *s)
{
	return build(out, s, NULL, 1);
}

/* ---- the total and categories alone (the ranks) ---- */

/* The category of row in t (added when first seen). */
static int top_cat(jx__top_cat **out, jx__top *t, const jx_score_row *row)
{
	size_t len1, len2, i;
	int rc = key_prefixes(&len1, &len2, row);
	if (rc)
		return rc;
	for (i = 0; i < t->ncats; i++)
		if (t->cats[i].keylen == len1 && !memcmp(t->cats[i].key, row->key, len1))
			break;
	if (i == t->ncats) {
		if (jx__grow((void **)&t->cats, &t->cap, t->ncats + 1, sizeof(*t->cats)))
			return JX_ENOMEM;
		memset(&t->cats[i], 0, sizeof(t->cats[i]));
		t->cats[i].key = row->key;
		t->cats[i].keylen = len1;
		t->cats[i].level1 = row->level1;
		t->ncats++;
	}
	*out = &t->cats[i];
	return 0;
}

int jx__units_top(jx__top *t, const jx_series *s)
{
	t->ncats = 0;
	memset(&t->total, 0, sizeof(t->total));
	if (s->nyears != 1)
		return jx__error(JX_EINVAL, "a series of one year expected");
	t->total.year = s->years[0].year;
	t->provenance = s->years[0].provenance;
	for (size_t r = 0; r < s->nrows; r++) {
		jx__top_cat *c;
		int rc = top_cat(&c, t, &s->rows[r]);
		if (rc)
			return rc;
		accumulate(&t->total, &s->rows[r]);
		accumulate(&c->y, &s->rows[r]);
	}
	close_year(&t->total);
	for (size_t i = 0; i < t->ncats; i++)
		close_year(&t->cats[i].y);
	return 0;
}
