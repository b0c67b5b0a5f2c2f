/* SPDX-License-Identifier: GPL-3.0-or-later */
/* content.c -- an evaluation as the store keeps it: the hash of its content (what
 * decides "unchanged" on re-import) and its rows as columns of the indicator
 * table. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "store/internal.h"

/* Append s and the separator sep; jx__buf_put only when the buffer must grow (it doubles). */
static void hash_put(jx__buf *b, const char *s, char sep)
{
	size_t n = strlen(s);
	if (b->failed || b->len + n + 2 > b->cap) {
		jx__buf_put(b, s, n);
		jx__buf_put(b, &sep, 1);
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len++] = sep;
}

static void hash_number(jx__buf *b, double v, char sep)
{
	char n[64];
	if (isnan(v)) /* jx__number_text writes "" through snprintf */
		n[0] = '\0';
	else
		jx__number_text(n, sizeof(n), v);
	hash_put(b, n, sep);
}

/* Hash of everything that makes an evaluation's content (not its file name or
 * line numbers): fields joined by 0x1F, groups ended by 0x1E. Stored in every
 * database, so this text must never change. */
void jx__content_hash(jx__buf *b, char out[65], const jx_evaluation *ev)
{
	char year[16];
	b->len = 0;
	snprintf(year, sizeof(year), "%d", ev->year);
	hash_put(b, ev->department, 0x1f);
	hash_put(b, year, 0x1f);
	hash_put(b, jx_kind_name(ev->kind), 0x1f);
	hash_put(b, jx_provenance_name(ev->provenance), 0x1f);
	hash_number(b, ev->total_weight, 0x1f);
	hash_number(b, ev->total_score, 0x1f);
	hash_number(b, ev->self_score, 0x1e);
	hash_put(b, ev->problems ? ev->problems : "", 0x1f);
	hash_put(b, ev->suggestions ? ev->suggestions : "", 0x1f);
	hash_put(b, ev->conclusion ? ev->conclusion : "", 0x1e);
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *r = &ev->rows[i];
		hash_put(b, r->level1, 0x1f);
		hash_number(b, r->level1_weight, 0x1f);
		hash_put(b, r->level2, 0x1f);
		hash_put(b, r->level3, 0x1f);
		hash_put(b, r->explanation, 0x1f);
		hash_number(b, r->weight, 0x1f);
		hash_number(b, r->score, 0x1f);
		if (!r->target && !r->actual && !r->reason) {
			hash_put(b, jx_origin_name(r->origin), 0x1e);
			continue;
		}
		/* what schema 3 added, only where present: older hashes stay valid */
		hash_put(b, jx_origin_name(r->origin), 0x1f);
		hash_put(b, r->target ? r->target : "", 0x1f);
		hash_put(b, r->actual ? r->actual : "", 0x1f);
		hash_put(b, r->reason ? r->reason : "", 0x1e);
	}
	if (ev->project || ev->supervisor || ev->implementer || ev->goal || ev->outcome) {
		hash_put(b, ev->project ? ev->project : "", 0x1f);
		hash_put(b, ev->supervisor ? ev->supervisor : "", 0x1f);
		hash_put(b, ev->implementer ? ev->implementer : "", 0x1f);
		hash_put(b, ev->goal ? ev->goal : "", 0x1f);
		hash_put(b, ev->outcome ? ev->outcome : "", 0x1d);
	}
	jx__sha256_hex(out, b->data ? b->data : "", b->failed ? 0 : b->len);
}

/* A parsed value's columns (bound only for a target), or NULLs when it did not parse. */
static void bind_quantity(sqlite3_stmt *st, int col, const jx_quantity *q, int with_bound)
{
	int ok = q->bound != JX_BOUND_NONE;
	if (with_bound)
		jx__bind_static(st, col++, ok ? jx_bound_name(q->bound) : NULL);
	jx__bind_double(st, col, ok ? q->value : NAN);
	jx__bind_static(st, col + 1, ok ? q->unit : NULL);
}

/* Columns b+1 .. b+9: target, actual, reason, their parsed forms, completion. */
static void bind_target(sqlite3_stmt *st, int b, const jx_indicator *r)
{
	jx__bind_static(st, b + 1, r->target);
	jx__bind_static(st, b + 2, r->actual);
	jx__bind_static(st, b + 3, r->reason);
	bind_quantity(st, b + 4, &r->target_q, 1);
	bind_quantity(st, b + 7, &r->actual_q, 0);
	jx__bind_static(st, b + 9,
			r->completion != JX_DONE_NONE ? jx_completion_name(r->completion) : NULL);
}

int jx__row_has_target(const jx_indicator *r)
{
	return r->target || r->actual || r->reason || r->target_q.bound != JX_BOUND_NONE ||
	       r->actual_q.bound != JX_BOUND_NONE || r->completion != JX_DONE_NONE;
}

/* Bind indicator row i of ev as row k of a multi-row INSERT of ncols columns each. */
void jx__bind_row(sqlite3_stmt *st, int k, int ncols, sqlite3_int64 eid, const jx_evaluation *ev,
		  size_t i)
{
	const jx_indicator *r = &ev->rows[i];
	int b = k * ncols;
	sqlite3_bind_int64(st, b + 1, eid);
	sqlite3_bind_int64(st, b + 2, (sqlite3_int64)i);
	jx__bind_static(st, b + 3, r->level1);
	jx__bind_double(st, b + 4, r->level1_weight);
	jx__bind_static(st, b + 5, r->level2);
	jx__bind_static(st, b + 6, r->level3);
	jx__bind_static(st, b + 7, r->key);
	jx__bind_static(st, b + 8, r->explanation);
	sqlite3_bind_double(st, b + 9, r->weight);
	jx__bind_double(st, b + 10, r->origin == JX_ORIGIN_MISSING ? NAN : r->score);
	sqlite3_bind_text(st, b + 11, jx_origin_name(r->origin), -1, SQLITE_STATIC);
	if (r->line > 0)
		sqlite3_bind_int(st, b + 12, r->line);
	else
		sqlite3_bind_null(st, b + 12);
	if (ncols == JX__ROW_COLS)
		bind_target(st, b + 12, r);
}
