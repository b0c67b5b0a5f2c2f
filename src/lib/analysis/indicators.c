/* SPDX-License-Identifier: GPL-3.0-or-later */
/* indicators.c -- a department's level-3 keys across its years, and rename suggestions
 * for the keys that are missing from some years (`jixiao indicators`).
 *
 * Linear in the rows (a hash map of keys); a suggestion is searched through an
 * index of the keys sorted by length instead of among all pairs, and never
 * names a key that occurs in the same year (that would merge two indicators). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

typedef struct {
	const char *key, *level1, *level2, *level3;
	unsigned char *present; /* per year index */
	int n;
	size_t len; /* of the key, in code points */
} key_info;

static void years_text(char *buf, size_t size, const jx_series *sr, const unsigned char *present)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sr->nyears; i++) {
		size_t j = i;
		if (!present[i])
			continue;
		while (j + 1 < sr->nyears && present[j + 1] &&
		       sr->years[j + 1].year == sr->years[j].year + 1)
			j++;
		if (j > i)
			len += (size_t)snprintf(buf + len, size - len, "%s%d-%d", len ? "," : "",
						sr->years[i].year, sr->years[j].year);
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%d", len ? "," : "",
						sr->years[i].year);
		if (len >= size)
			return;
		i = j;
	}
}

/* Whether two keys occur in one evaluated year: then they are two indicators, never a rename
 * of one another, and an alias between them would merge them. */
static int co_occur(const key_info *a, const key_info *b, size_t nyears)
{
	for (size_t y = 0; y < nyears; y++)
		if (a->present[y] && b->present[y])
			return 1;
	return 0;
}

typedef struct {
	size_t len, key; /* length in code points, index into the keys */
} by_len;

static int by_len_cmp(const void *pa, const void *pb)
{
	const by_len *a = pa, *b = pb;
	return a->len != b->len ? (a->len < b->len ? -1 : 1)
				: (a->key > b->key) - (a->key < b->key);
}

#define NONE ((size_t)-1)

/* The exact search through the index of keys sorted by length: scanning outward from key
 * i's place, a key whose length differs by more than the best distance found cannot be
 * closer, so the scan stops there, and each distance is computed only as far as it could
 * still win. Starts from best at *dist (NONE, NONE: nothing yet). */
static size_t scan_by_length(const key_info *k, const by_len *idx, size_t nk, size_t nyears,
			     size_t place, size_t best, size_t *dist)
{
	size_t i = idx[place].key, bestd = *dist, lo = place, hi = place + 1;
	for (;;) {
		size_t j, gap, d;
		int down = lo > 0 && (hi >= nk || idx[place].len - idx[lo - 1].len <=
							  idx[hi].len - idx[place].len);
		if (!down && hi >= nk)
			break;
		gap = down ? idx[place].len - idx[lo - 1].len : idx[hi].len - idx[place].len;
		j = down ? idx[--lo].key : idx[hi++].key;
		if (best != NONE && gap > bestd)
			break; /* every key further out differs at least this much */
		if (co_occur(&k[i], &k[j], nyears))
			continue;
		d = jx_levenshtein_within(k[i].key, k[j].key, bestd);
		if (d < bestd || (d == bestd && j < best))
			bestd = d, best = j;
	}
	*dist = bestd;
	return best;
}

/* ---- the one-deletion neighbourhood: every pair at distance 1 shares a variant ---- */

typedef struct {
	uint64_t hash; /* of the key, or of the key less one code point */
	size_t key;
} variant;

static int variant_cmp(const void *pa, const void *pb)
{
	const variant *a = pa, *b = pb;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

/* Call fn with the hash of s and of s less each one of its code points. */
static void each_variant(const char *s, void (*fn)(void *, uint64_t), void *ctx)
{
	size_t len = strlen(s);
	fn(ctx, jx__hash(s, len, 0)); /* the key itself: a longer key less one point may be it */
	for (size_t at = 0, n; at < len; at += n) {
		uint64_t h;
		for (n = 1; at + n < len && ((unsigned char)s[at + n] & 0xC0) == 0x80; n++)
			;
		h = jx__hash(s, at, 0);
		h = jx__hash(s + at + n, len - at - n, h); /* s without the code point at */
		fn(ctx, h);
	}
}

typedef struct {
	variant *v;
	size_t n, cap, key;
	int failed;
} variants;

static void put_variant(void *ctx, uint64_t h)
{
	variants *vs = ctx;
	if (vs->failed || jx__grow((void **)&vs->v, &vs->cap, vs->n + 1, sizeof(*vs->v)) != 0) {
		vs->failed = 1;
		return;
	}
	vs->v[vs->n].hash = h;
	vs->v[vs->n++].key = vs->key;
}

/* What a look-up through the neighbourhood found for key i. */
typedef struct {
	const key_info *k;
	const variant *v;
	size_t nv, nyears, i, best, bestd;
} near;

static void look_up(void *ctx, uint64_t h)
{
	near *q = ctx;
	variant probe = {h, 0};
	size_t lo = 0, hi = q->nv;
	while (lo < hi) { /* the first variant with this hash */
		size_t mid = lo + (hi - lo) / 2;
		if (variant_cmp(&q->v[mid], &probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < q->nv && q->v[lo].hash == h; lo++) {
		size_t j = q->v[lo].key, d;
		if (j == q->i || co_occur(&q->k[q->i], &q->k[j], q->nyears))
			continue;
		d = jx_levenshtein_within(q->k[q->i].key, q->k[j].key, 2);
		if (d < q->bestd || (d == q->bestd && j < q->best))
			q->bestd = d, q->best = j;
	}
}

static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Each key once (through a hash map: linear in the rows), with the years it occurs in. */
static int gather_keys(key_info *k, size_t *nk, const jx_series *sr)
{
	jx__keymap map;
	size_t yi = 0;
	int rc = 0;
	memset(&map, 0, sizeof(map));
	*nk = 0;
	for (size_t r = 0; r < sr->nrows && rc >= 0; r++) {
		const jx_score_row *row = &sr->rows[r];
		size_t i = 0;
		while (sr->years[yi].year != row->year)
			yi++;
		if ((rc = jx__keymap_get(&map, &i, 3, row->key, 1)) == 0) {
			k[i].key = row->key;
			k[i].len = code_points(row->key);
			if (!(k[i].present = calloc(sr->nyears, 1)))
				rc = jx__oom();
			*nk = i + 1;
		}
		if (rc >= 0) {
			k[i].level1 = row->level1, k[i].level2 = row->level2;
			k[i].level3 = row->level3;
			if (!k[i].present[yi])
				k[i].present[yi] = 1, k[i].n++;
		}
	}
	jx__keymap_free(&map);
	return rc < 0 ? rc : 0;
}

/* The closest other key that never shares a year with key i (ties: the first in key order):
 * the one-deletion neighbourhood finds any at distance 1 at once; only when there is none
 * does the exact scan by length run. NONE when no key qualifies. */
static size_t suggest(const key_info *k, const by_len *idx, size_t nk, size_t nyears, size_t place,
		      const variants *vs, size_t *dist)
{
	near q = {k, vs->v, vs->n, nyears, idx[place].key, NONE, NONE};
	each_variant(k[q.i].key, look_up, &q);
	*dist = q.bestd;
	if (q.bestd <= 1)
		return q.best;
	return scan_by_length(k, idx, nk, nyears, place, q.best, dist);
}

static void add_key_row(jx_table *t, const jx_series *sr, const key_info *k)
{
	char years[512];
	jx_table_add_row(t);
	jx_table_set_text(t, 0, sr->department);
	jx_table_set_text(t, 1, k->key);
	jx_table_set_text(t, 2, k->level3);
	years_text(years, sizeof(years), sr, k->present);
	jx_table_set_text(t, 3, years);
	jx_table_set_int(t, 4, k->n);
}

/* The keys missing from some years, each with its rename suggestion. */
static int add_unmatched(jx_table *t, const jx_series *sr, key_info *k, size_t nk)
{
	by_len *idx = malloc((nk ? nk : 1) * sizeof(*idx));
	size_t *place = malloc((nk ? nk : 1) * sizeof(*place));
	variants vs = {NULL, 0, 0, 0, 0};
	for (vs.key = 0; vs.key < nk; vs.key++)
		each_variant(k[vs.key].key, put_variant, &vs);
	if (!idx || !place || vs.failed) {
		free(idx);
		free(place);
		free(vs.v);
		return jx__oom();
	}
	jx__sort(vs.v, vs.n, sizeof(*vs.v), variant_cmp);
	for (size_t i = 0; i < nk; i++)
		idx[i].len = k[i].len, idx[i].key = i;
	jx__sort(idx, nk, sizeof(*idx), by_len_cmp);
	for (size_t p = 0; p < nk; p++)
		place[idx[p].key] = p;
	for (size_t i = 0; i < nk; i++) {
		size_t best, d;
		if (k[i].n == (int)sr->nyears)
			continue;
		add_key_row(t, sr, &k[i]);
		if ((best = suggest(k, idx, nk, sr->nyears, place[i], &vs, &d)) != NONE) {
			jx_table_set_text(t, 5, k[best].key);
			jx_table_set_int(t, 6, (long long)d);
		}
	}
	free(idx);
	free(place);
	free(vs.v);
	return 0;
}

int jx_indicators_add(jx_table *t, const jx_series *sr, int unmatched)
{
	key_info *k = calloc(sr->nrows ? sr->nrows : 1, sizeof(*k));
	size_t nk = 0;
	int rc;
	if (!k)
		return jx__oom();
	if ((rc = gather_keys(k, &nk, sr)) == 0 && unmatched)
		rc = add_unmatched(t, sr, k, nk);
	else if (rc == 0)
		for (size_t i = 0; i < nk; i++)
			add_key_row(t, sr, &k[i]);
	for (size_t i = 0; i < nk; i++)
		free(k[i].present);
	free(k);
	return rc;
}

int jx_indicators_table_new(jx_table **out, int unmatched)
{
	jx_table *t = jx_table_new();
	*out = NULL;
	if (!t)
		return jx__oom();
	jx_table_add_column(t, "department", N_("department"), JX_COL_TEXT, 0);
	jx_table_add_column(t, "key", N_("key"), JX_COL_TEXT, 0);
	jx_table_add_column(t, "level3", N_("level 3"), JX_COL_TEXT, 0);
	jx_table_add_column(t, "years", N_("year"), JX_COL_TEXT, 0);
	jx_table_add_column(t, "n_years", N_("years"), JX_COL_INT, 0);
	if (unmatched) {
		jx_table_add_column(t, "suggestion", N_("closest indicator"), JX_COL_TEXT, 0);
		jx_table_add_column(t, "distance", N_("distance"), JX_COL_INT, 0);
	}
	*out = t;
	return 0;
}

int jx_indicators_collect(jx_table **out, jx_store *st, const char *department, jx_kind kind,
			  int unmatched)
{
	char **depts = NULL;
	size_t nd = 0;
	jx_table *t = NULL;
	int rc;
	*out = NULL;
	if (department) {
		if (!(depts = calloc(1, sizeof(*depts))) || !(depts[0] = strdup(department))) {
			free(depts);
			return jx__error(JX_ENOMEM, _("out of memory"));
		}
		nd = 1;
	} else if ((rc = jx_store_departments(st, &depts, &nd)) != 0)
		return rc;
	if ((rc = jx_indicators_table_new(&t, unmatched)) != 0)
		goto out;
	for (size_t i = 0; i < nd; i++) {
		jx_series *sr = NULL;
		rc = jx_store_series(st, &sr, depts[i], kind, 0, 0);
		if (rc == JX_ENOTFOUND && !department) {
			jx_error_clear();
			rc = 0;
			continue;
		}
		if (rc == 0)
			rc = jx_indicators_add(t, sr, unmatched);
		jx_series_free(sr);
		if (rc)
			goto out;
	}
	*out = t;
	t = NULL;
out:
	jx_table_free(t);
	jx_strings_free(depts, nd);
	return rc;
}
