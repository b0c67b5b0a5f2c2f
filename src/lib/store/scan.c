/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scan.c -- stored scores and figures row by row, in canonical order, for the
 * canonical writers (export/canonical.c). Rows are handed to a callback so
 * that any number of them streams through in constant memory. The filter's
 * project selects department evaluations (NULL), every project, or one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

/* Bind ?1..?5 of a filtered statement; *owned gets what ?5 points into. */
static int bind_filter(jx_store *s, sqlite3_stmt *st, const jx_filter *f, char **owned)
{
	const char *set;
	int rc = jx__project_param(s, owned, &set, f ? f->project : NULL);
	if (rc)
		return rc;
	jx__bind_text(st, 1, f ? f->department : NULL);
	sqlite3_bind_int(st, 2, f && f->year_from ? f->year_from : 0);
	sqlite3_bind_int(st, 3, f && f->year_to ? f->year_to : JX_YEAR_MAX);
	jx__bind_text(st, 4, f && f->kind >= 0 ? jx_kind_name((jx_kind)f->kind) : NULL);
	jx__bind_text(st, 5, set);
	return 0;
}

#define FILTER_WHERE " WHERE (?1 IS NULL OR d.name = ?1) AND x.year >= ?2 AND x.year <= ?3"
#define EVAL_FILTER FILTER_WHERE " AND (?4 IS NULL OR x.kind = ?4) AND" JX__PROJECT_WHERE("x", "5")

/* Department figures (?5 NULL) or the matching projects' (every one for '*'). */
#define FIGURE_SOURCE                                                                              \
	" (SELECT department_id, year, item, value_cents, provenance, NULL AS project_id"          \
	"  FROM figure WHERE ?5 IS NULL UNION ALL SELECT p.department_id, f.year, f.item,"         \
	"  f.value_cents, f.provenance, f.project_id FROM project_figure f JOIN project p"         \
	"  ON p.id = f.project_id WHERE ?5 = '*' OR instr(?5, char(31) || p.key || char(31)) > 0)" \
	" x JOIN department d ON d.id = x.department_id LEFT JOIN project p ON p.id = "            \
	"x.project_id"

/* Run a one-row query of the filter; fn reads its columns. */
static int scalar_query(jx_store *s, const char *sql, const jx_filter *f,
			void (*fn)(sqlite3_stmt *st, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	char *owned = NULL;
	int rc;
	if ((rc = jx__prepare(s->db, &st, sql)) != 0)
		return rc;
	if ((rc = bind_filter(s, st, f, &owned)) == 0 && sqlite3_step(st) == SQLITE_ROW)
		fn(st, ctx);
	sqlite3_finalize(st);
	free(owned);
	if (rc == 0)
		jx_error_clear();
	return rc;
}

static void read_provenance(sqlite3_stmt *st, void *ctx)
{
	jx_provenance p;
	if (sqlite3_column_int(st, 1) == 1 &&
	    jx_provenance_parse((const char *)sqlite3_column_text(st, 0), &p) == 0)
		*(int *)ctx = (int)p;
}

int jx_store_uniform_provenance(jx_store *s, int *out, const jx_filter *f, int figures)
{
	static const char scores[] =
		"SELECT min(x.provenance), count(DISTINCT x.provenance) FROM evaluation x"
		" JOIN department d ON d.id = x.department_id" EVAL_FILTER;
	static const char figs[] =
		"SELECT min(x.provenance), count(DISTINCT x.provenance) FROM" FIGURE_SOURCE
			FILTER_WHERE " AND ?4 IS ?4";
	*out = -1;
	return scalar_query(s, figures ? figs : scores, f, read_provenance, out);
}

static void read_columns(sqlite3_stmt *st, void *ctx)
{
	unsigned *out = ctx;
	for (int i = 0; i < 4; i++)
		if (sqlite3_column_int(st, i))
			*out |= 1u << i;
}

int jx_store_optional_columns(jx_store *s, unsigned *out, const jx_filter *f, int figures)
{
	static const char scores[] =
		"SELECT max(x.project_id IS NOT NULL), max(i.target IS NOT NULL),"
		" max(i.actual IS NOT NULL), max(i.reason IS NOT NULL) FROM evaluation x"
		" JOIN department d ON d.id = x.department_id"
		" JOIN indicator i ON i.evaluation_id = x.id" EVAL_FILTER;
	static const char figs[] =
		"SELECT max(x.project_id IS NOT NULL), 0, 0, 0 FROM" FIGURE_SOURCE FILTER_WHERE
		" AND ?4 IS ?4";
	*out = 0;
	return scalar_query(s, figures ? figs : scores, f, read_columns, out);
}

static const char *column_or_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL
							 : (const char *)sqlite3_column_text(st, i);
}

int jx_store_scan_scores(jx_store *s, const jx_filter *f, jx_stored_score_fn fn, void *ctx)
{
	static const char sql[] =
		"SELECT d.name, x.year, x.kind, i.level1, i.level2, i.level3, i.explanation,"
		" i.weight, i.score, i.score_origin, x.provenance, p.name, i.target, i.actual,"
		" i.reason FROM evaluation x JOIN department d ON d.id = x.department_id"
		" LEFT JOIN project p ON p.id = x.project_id"
		" JOIN indicator i ON i.evaluation_id = x.id" EVAL_FILTER
		" ORDER BY d.name, p.name, x.year, x.kind = 'review', i.seq";
	sqlite3_stmt *st;
	char *owned = NULL;
	int rc, step = SQLITE_DONE;
	if ((rc = jx__prepare(s->db, &st, sql)) != 0)
		return rc;
	rc = bind_filter(s, st, f, &owned);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_stored_score r;
		r.department = (const char *)sqlite3_column_text(st, 0);
		r.year = sqlite3_column_int(st, 1);
		r.level1 = (const char *)sqlite3_column_text(st, 3);
		r.level2 = (const char *)sqlite3_column_text(st, 4);
		r.level3 = (const char *)sqlite3_column_text(st, 5);
		r.explanation = (const char *)sqlite3_column_text(st, 6);
		r.weight = sqlite3_column_double(st, 7);
		r.score = jx__column_double(st, 8);
		r.project = column_or_null(st, 11);
		r.target = column_or_null(st, 12);
		r.actual = column_or_null(st, 13);
		r.reason = column_or_null(st, 14);
		if ((rc = jx_kind_parse((const char *)sqlite3_column_text(st, 2), &r.kind)) == 0 &&
		    (rc = jx_origin_parse((const char *)sqlite3_column_text(st, 9), &r.origin)) ==
			    0 &&
		    (rc = jx_provenance_parse((const char *)sqlite3_column_text(st, 10),
					      &r.provenance)) == 0)
			rc = fn(ctx, &r);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading scores");
	sqlite3_finalize(st);
	free(owned);
	return rc;
}

/* ",item1,item2,...," in canonical order: department items, then a project's. */
static void item_order(char *order, size_t size)
{
	size_t len = 1;
	const char *const *lists[2] = {jx_figure_items(), jx_project_figure_items()};
	snprintf(order, size, ",");
	for (int l = 0; l < 2; l++)
		for (const char *const *it = lists[l]; *it; it++)
			len += (size_t)snprintf(order + len, len < size ? size - len : 0, "%s,",
						*it);
}

int jx_store_scan_figures(jx_store *s, const jx_filter *f, jx_stored_figure_fn fn, void *ctx)
{
	static const char sql[] =
		"SELECT d.name, x.year, x.item, x.value_cents, x.provenance, p.name "
		"FROM" FIGURE_SOURCE FILTER_WHERE " AND ?4 IS ?4"
		" ORDER BY d.name, p.name, x.year, instr(?6, ',' || x.item || ',')";
	sqlite3_stmt *st;
	char order[1024], *owned = NULL;
	int rc, step = SQLITE_DONE;
	item_order(order, sizeof(order));
	if ((rc = jx__prepare(s->db, &st, sql)) != 0)
		return rc;
	rc = bind_filter(s, st, f, &owned);
	sqlite3_bind_text(st, 6, order, -1, SQLITE_TRANSIENT);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_stored_figure r;
		r.department = (const char *)sqlite3_column_text(st, 0);
		r.year = sqlite3_column_int(st, 1);
		r.item = (const char *)sqlite3_column_text(st, 2);
		r.cents = sqlite3_column_int64(st, 3);
		r.project = column_or_null(st, 5);
		if ((rc = jx_provenance_parse((const char *)sqlite3_column_text(st, 4),
					      &r.provenance)) == 0)
			rc = fn(ctx, &r);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading figures");
	sqlite3_finalize(st);
	free(owned);
	return rc;
}
