/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv_assemble.c -- gathering CSV rows into evaluations and figure sets.
 *
 * Rows are looked up by (department, year, kind): first the evaluation of
 * the previous row, then a hash map of every evaluation seen. Holding mode
 * keeps them all in the batch. Streaming mode hands an evaluation to the
 * sink as soon as a row of another one arrives and its weights add up (then
 * frees it and keeps only its key and first line), and holds it while they
 * do not, so that evaluations whose rows are spread over the file still
 * import. Rows for an evaluation that was already handed on, or for a
 * department-year's figures after rows of another department-year, are
 * refused: handing on cannot be undone within the read (the import's
 * transaction undoes it). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

static size_t hash_str(const char *s)
{
	return (size_t)jx__hash(s, strlen(s), 0);
}

static jx__csv_slot *map_find(jx__csv_map *m, const char *key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].key)
			return NULL;
		if (!strcmp(m->slots[i].key, key))
			return &m->slots[i];
	}
}

static int map_grow(jx__csv_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	jx__csv_slot *ns = calloc(ncap, sizeof(*ns));
	if (!ns)
		return jx__oom();
	for (size_t i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->slots[i].key)
			continue;
		for (j = hash_str(m->slots[i].key) & (ncap - 1); ns[j].key;
		     j = (j + 1) & (ncap - 1))
			;
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 0;
}

/* Add key (copied); the new slot, or NULL on ENOMEM. */
static jx__csv_slot *map_put(jx__csv_map *m, const char *key, void *value, int line)
{
	size_t i;
	if ((m->n + 1) * 2 > m->cap && map_grow(m) != 0)
		return NULL;
	for (i = hash_str(key) & (m->cap - 1); m->slots[i].key; i = (i + 1) & (m->cap - 1))
		;
	if (!m->keys.block_size)
		jx__arena_init(&m->keys, 64 * 1024);
	if (!(m->slots[i].key = jx__arena_strndup(&m->keys, key, strlen(key))))
		return NULL;
	m->slots[i].value = value;
	m->slots[i].line = line;
	m->n++;
	return &m->slots[i];
}

/* r->key = "department\x1fyear[\x1fkind][\x1fproject]" (kind < 0: figures) */
static const char *make_key(jx__csv *r, const char *department, int year, int kind,
			    const char *project)
{
	size_t need = strlen(department) + (project ? strlen(project) : 0) + 40;
	if (jx__grow((void **)&r->key, &r->keycap, need, 1) != 0)
		return NULL;
	if (kind >= 0)
		snprintf(r->key, r->keycap, "%s\x1f%d\x1f%d", department, year, kind);
	else
		snprintf(r->key, r->keycap, "%s\x1f%d", department, year);
	if (project)
		snprintf(r->key + strlen(r->key), r->keycap - strlen(r->key), "\x1f%s", project);
	return r->key;
}

/* The weight of a project evaluation's fund row, 0 when it has none. */
static double fund_weight(const jx_evaluation *ev)
{
	for (size_t i = 0; ev->project && i < ev->nrows; i++)
		if (jx_indicator_is_fund(&ev->rows[i]))
			return ev->rows[i].weight;
	return 0;
}

/* The weights add up to the total (100 unless declared); a project's also when
 * its fund row comes on top of 100, as some tables count it (docs/formats.md). */
static int weights_add_up(const jx_evaluation *ev, double *got, double *want)
{
	double fund = fund_weight(ev);
	*want = isnan(ev->total_weight) ? 100 : ev->total_weight;
	*got = jx_evaluation_weight_sum(ev);
	return fabs(*got - *want) <= 1e-6 || (fund > 0 && fabs(*got - fund - *want) <= 1e-6);
}

static int weights_error(jx__csv *r, const jx_evaluation *ev)
{
	char a[64], b[64];
	double got, want;
	weights_add_up(ev, &got, &want);
	jx_number_format(a, sizeof(a), got);
	jx_number_format(b, sizeof(b), want);
	r->rows.row_line = ev->line;
	if (ev->project)
		return jx__csv_fail(r, 0,
				    _("weights of %s / %s %d %s add up to %s, not %s (with or "
				      "without the fund row)"),
				    ev->department, ev->project, ev->year, jx_kind_name(ev->kind),
				    a, b);
	return jx__csv_fail(r, 0, _("weights of %s %d %s add up to %s, not %s"), ev->department,
			    ev->year, jx_kind_name(ev->kind), a, b);
}

/* Streaming: the current evaluation is complete if its weights add up; then hand it on. */
static int settle_evaluation(jx__csv *r)
{
	jx_evaluation *ev = r->cur;
	jx__csv_slot *sl;
	double got, want;
	int rc;
	r->cur = NULL;
	if (!weights_add_up(ev, &got, &want))
		return 0; /* held: more rows may follow later in the file */
	if (!(sl = map_find(&r->evals,
			    make_key(r, ev->department, ev->year, (int)ev->kind, ev->project))))
		return r->rc = jx__oom();
	rc = r->sink.evaluation ? r->sink.evaluation(r->sink.ctx, ev) : 0;
	if (rc < 0)
		return r->rc = rc;
	sl->value = NULL;
	if (rc != JX_READ_KEEP)
		jx_evaluation_free(ev);
	return 0;
}

/* 1 when the optional names a and b are the same (both NULL, or equal). */
static int same_scope(const char *a, const char *b)
{
	return a ? b && !strcmp(a, b) : !b;
}

int jx__csv_evaluation(jx__csv *r, jx_evaluation **out, const char *department, int year,
		       jx_kind kind, const char *project, jx_provenance prov)
{
	const jx_evaluation *c = r->cur;
	const char *key;
	jx__csv_slot *sl;
	jx_evaluation *ev;

	if (c && c->year == year && c->kind == kind && !strcmp(c->department, department) &&
	    same_scope(c->project, project)) {
		*out = r->cur;
		return 0;
	}
	r->dup_ev = NULL; /* cur changes */
	if (c)
		r->rows_hint = c->nrows < 1024 ? c->nrows : 1024;
	if (r->streaming && r->cur && settle_evaluation(r) != 0)
		return r->rc;
	if (!(key = make_key(r, department, year, (int)kind, project)))
		return r->rc = JX_ENOMEM;
	if ((sl = map_find(&r->evals, key))) {
		if (!sl->value)
			return jx__csv_fail(
				r, 0,
				_("a row of %s%s%s %d %s after its rows from line %d "
				  "already added up to the total weight and were handed "
				  "on; keep the rows of one evaluation together"),
				department, project ? " / " : "", project ? project : "", year,
				jx_kind_name(kind), sl->line);
		*out = r->cur = sl->value;
		return 0;
	}
	if (!(ev = jx_evaluation_new(department, year, kind)) ||
	    jx_evaluation_set_project(ev, project) != 0) {
		jx_evaluation_free(ev);
		return r->rc = jx__oom();
	}
	if (r->rows_hint &&
	    jx__grow((void **)&ev->rows, &ev->rows_cap, r->rows_hint, sizeof(*ev->rows)) != 0) {
		jx_evaluation_free(ev);
		return r->rc = jx__oom();
	}
	ev->provenance = prov;
	ev->line = r->rows.row_line;
	if (r->header_note) { /* the header's one warning goes with the first evaluation */
		int rc = jx_evaluation_warn(ev, r->header_line, "%s", r->header_note);
		free(r->header_note);
		r->header_note = NULL;
		if (rc != 0) {
			jx_evaluation_free(ev);
			return r->rc = rc;
		}
	}
	if (!isnan(r->opts->total_weight) && r->opts->total_weight > 0)
		ev->total_weight = r->opts->total_weight;
	if (!r->streaming && jx_batch_add_evaluation(r->batch, ev) != 0) {
		jx_evaluation_free(ev);
		return r->rc = JX_ENOMEM;
	}
	if (!map_put(&r->evals, key, ev, r->rows.row_line)) {
		if (r->streaming)
			jx_evaluation_free(ev);
		return r->rc = JX_ENOMEM;
	}
	*out = r->cur = ev;
	return 0;
}

static int hand_on_figures(jx__csv *r)
{
	jx_figures *f = r->curf;
	jx__csv_slot *sl = map_find(&r->evals, make_key(r, f->department, f->year, -1, f->project));
	int rc;
	r->curf = NULL;
	if (!sl)
		return r->rc = jx__oom();
	rc = r->sink.figures ? r->sink.figures(r->sink.ctx, f) : 0;
	if (rc < 0)
		return r->rc = rc;
	sl->value = NULL;
	if (rc != JX_READ_KEEP)
		jx_figures_free(f);
	return 0;
}

int jx__csv_figures(jx__csv *r, jx_figures **out, const char *department, int year,
		    const char *project, jx_provenance prov)
{
	const char *key;
	jx__csv_slot *sl;
	jx_figures *f;

	if (r->curf && r->curf->year == year && !strcmp(r->curf->department, department) &&
	    same_scope(r->curf->project, project)) {
		*out = r->curf;
		return 0;
	}
	if (r->streaming && r->curf && hand_on_figures(r) != 0)
		return r->rc;
	if (!(key = make_key(r, department, year, -1, project)))
		return r->rc = JX_ENOMEM;
	if ((sl = map_find(&r->evals, key))) {
		if (!sl->value)
			return jx__csv_fail(
				r, 0,
				_("figures of %s%s%s %d continue here after rows of another "
				  "department-year (they began on line %d); keep the "
				  "figures of one department-year together"),
				department, project ? " / " : "", project ? project : "", year,
				sl->line);
		*out = r->curf = sl->value;
		return 0;
	}
	f = project ? jx_figures_new_project(department, year, project)
		    : jx_figures_new(department, year);
	if (!f)
		return r->rc = jx__oom();
	f->provenance = prov;
	f->line = r->rows.row_line;
	if (!r->streaming && jx_batch_add_figures(r->batch, f) != 0) {
		jx_figures_free(f);
		return r->rc = JX_ENOMEM;
	}
	if (!map_put(&r->evals, key, f, r->rows.row_line)) {
		if (r->streaming)
			jx_figures_free(f);
		return r->rc = JX_ENOMEM;
	}
	*out = r->curf = f;
	return 0;
}

int jx__csv_assemble_end(jx__csv *r)
{
	const jx_evaluation *first = NULL;
	if (!r->streaming) {
		if (r->figures)
			return 0;
		for (size_t i = 0; i < r->batch->nevals; i++) {
			double got, want;
			if (!weights_add_up(r->batch->evals[i], &got, &want))
				return weights_error(r, r->batch->evals[i]);
		}
		return 0;
	}
	if (r->cur && settle_evaluation(r) != 0)
		return r->rc;
	if (r->curf && hand_on_figures(r) != 0)
		return r->rc;
	/* evaluations still held never added up: the first in the file is reported */
	for (size_t i = 0; !r->figures && i < r->evals.cap; i++) {
		const jx_evaluation *ev = r->evals.slots[i].value;
		if (ev && (!first || ev->line < first->line))
			first = ev;
	}
	return first ? weights_error(r, first) : 0;
}

/* ---- indicator names ---- */

/* What a level1/level2/level3 triple gives, computed once per reader. */
typedef struct {
	char *level1; /* weight suffix removed */
	double level1_weight;
	char *key;
} names;

static void names_free(names *nm)
{
	if (!nm)
		return;
	free(nm->level1);
	free(nm->key);
	free(nm);
}

static void names_clear(jx__csv_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		names_free(m->slots[i].value);
	free(m->slots);
	jx__arena_free(&m->keys);
	memset(m, 0, sizeof(*m));
}

/* The names of a triple, from the cache (at most 4096, then it starts over). */
static const names *names_of(jx__csv *r, const char *l1, const char *l2, const char *l3)
{
	size_t n1 = strlen(l1), n2 = strlen(l2), n3 = strlen(l3);
	jx__csv_slot *sl;
	names *nm;
	if (jx__grow((void **)&r->key, &r->keycap, n1 + n2 + n3 + 3, 1) != 0)
		return NULL;
	memcpy(r->key, l1, n1);
	r->key[n1] = '\x1f';
	memcpy(r->key + n1 + 1, l2, n2);
	r->key[n1 + 1 + n2] = '\x1f';
	memcpy(r->key + n1 + n2 + 2, l3, n3 + 1);
	if ((sl = map_find(&r->names, r->key)))
		return sl->value;
	if (r->names.n >= 4096)
		names_clear(&r->names);
	if (!(nm = calloc(1, sizeof(*nm))) ||
	    jx_name_split_weight(&nm->level1, &nm->level1_weight, l1) < 0 ||
	    !(nm->key = jx_key_make(nm->level1, l2, l3)) || !map_put(&r->names, r->key, nm, 0)) {
		names_free(nm);
		jx__oom();
		return NULL;
	}
	return nm;
}

/* The same row as jx_evaluation_add_row makes, with the names from the cache. */
jx_indicator *jx__csv_add_row(jx__csv *r, jx_evaluation *ev, const char *level1, const char *level2,
			      const char *level3, const char *explanation, double weight,
			      double score, jx_origin origin)
{
	const names *nm = names_of(r, level1, level2, level3);
	jx_indicator row;
	if (!nm || jx__grow((void **)&ev->rows, &ev->rows_cap, ev->nrows + 1, sizeof(*ev->rows)))
		return NULL;
	memset(&row, 0, sizeof(row));
	row.level1 = jx__strdup(nm->level1);
	row.level2 = jx__strdup(level2);
	row.level3 = jx__strdup(level3);
	row.explanation = jx__strdup(explanation ? explanation : "");
	row.key = jx__strdup(nm->key);
	if (!row.level1 || !row.level2 || !row.level3 || !row.explanation || !row.key) {
		free(row.level1);
		free(row.level2);
		free(row.level3);
		free(row.explanation);
		free(row.key);
		jx__oom();
		return NULL;
	}
	row.level1_weight = nm->level1_weight;
	row.weight = weight;
	row.score = origin == JX_ORIGIN_MISSING ? NAN : score;
	row.origin = origin;
	row.line = r->rows.row_line;
	ev->rows[ev->nrows] = row;
	return &ev->rows[ev->nrows++];
}

/* Add row i of ev to the key set; a row already there with its key, else NULL. */
static const jx_indicator *key_put(jx__csv *r, const jx_evaluation *ev, size_t i)
{
	const char *key = ev->rows[i].key;
	size_t mask = r->dup_cap - 1;
	for (size_t h = hash_str(key) & mask;; h = (h + 1) & mask) {
		unsigned k = r->dup_slots[h];
		if (!k) {
			r->dup_slots[h] = (unsigned)i + 1;
			return NULL;
		}
		if (!strcmp(ev->rows[k - 1].key, key))
			return &ev->rows[k - 1];
	}
}

/* A hash set of the current evaluation's keys instead of comparing each row with every row
 * before it (an evaluation of n rows took n^2/2 strcmp). It is rebuilt from the rows when the
 * evaluation changed or it is half full; without memory, the rows are compared one by one. */
const jx_indicator *jx__csv_same_key(jx__csv *r, const jx_evaluation *ev)
{
	size_t n = ev->nrows, cap = r->dup_cap ? r->dup_cap : 64;
	const jx_indicator *dup;
	if (r->dup_ev != ev || r->dup_n + 1 != n || n * 2 > r->dup_cap) {
		unsigned *slots = r->dup_slots;
		while (cap < n * 2)
			cap *= 2;
		if (cap != r->dup_cap && !(slots = realloc(r->dup_slots, cap * sizeof(*slots)))) {
			for (size_t i = 0; i + 1 < n; i++)
				if (!strcmp(ev->rows[i].key, ev->rows[n - 1].key))
					return &ev->rows[i];
			return NULL;
		}
		memset(slots, 0, cap * sizeof(*slots));
		r->dup_slots = slots;
		r->dup_cap = cap;
		r->dup_ev = ev;
		for (size_t i = 0; i + 1 < n; i++)
			key_put(r, ev, i); /* these were checked when they were read */
		r->dup_n = n - 1;
	}
	if ((dup = key_put(r, ev, n - 1)) == NULL)
		r->dup_n = n;
	return dup;
}

void jx__csv_assemble_free(jx__csv *r)
{
	jx__csv_map *m = &r->evals;
	for (size_t i = 0; i < m->cap; i++) {
		if (r->streaming && m->slots[i].value) {
			if (r->figures)
				jx_figures_free(m->slots[i].value);
			else
				jx_evaluation_free(m->slots[i].value);
		}
	}
	free(m->slots);
	jx__arena_free(&m->keys);
	memset(m, 0, sizeof(*m));
	names_clear(&r->names);
	free(r->dup_slots);
	r->dup_slots = NULL;
	free(r->key);
	r->key = NULL;
}
