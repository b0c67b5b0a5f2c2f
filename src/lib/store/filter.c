/* SPDX-License-Identifier: GPL-3.0-or-later */
/* filter.c -- the department / years / kind / project filter of every listing, as SQL.
 *
 * A query over evaluations or figures (alias x) joined with their
 * department (alias d) gets a WHERE clause holding only the conditions the
 * filter sets. Writing "(?1 IS NULL OR d.name = ?1)" instead would keep one
 * text for every filter, but SQLite then scans every evaluation even when
 * a department is named; with the condition left out or written plainly the
 * (department_id, year, kind) index is used. The text holds parameters only,
 * never a value. A scoped query (over evaluations, or a project's figures)
 * also selects by project: the department's own rows (x.project_id IS NULL,
 * which the partial index evaluation_department serves), every project's,
 * or those of the keys that resolve to one project (?5). */
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

static void filter_sql(jx__buf *sql, const char *x, const jx_filter *f, int with_kind, int scoped)
{
	const char *project = f ? f->project : NULL;
	jx__buf_printf(sql, " WHERE %s.year BETWEEN ?2 AND ?3", x);
	if (f && f->department)
		jx__buf_puts(sql, " AND d.name = ?1");
	if (with_kind && f && f->kind >= 0)
		jx__buf_printf(sql, " AND %s.kind = ?4", x);
	if (!scoped)
		return;
	if (!project)
		jx__buf_printf(sql, " AND %s.project_id IS NULL", x);
	else if (!strcmp(project, JX_PROJECT_ALL))
		jx__buf_printf(sql, " AND %s.project_id IS NOT NULL", x);
	else
		jx__buf_printf(sql,
			       " AND %s.project_id IN (SELECT id FROM project"
			       " WHERE instr(?5, char(31) || key || char(31)) > 0)",
			       x);
}

void jx__filter_bind(sqlite3_stmt *st, const jx_filter *f)
{
	if (f && f->department)
		sqlite3_bind_text(st, 1, f->department, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, f && f->year_from ? f->year_from : JX_YEAR_MIN);
	sqlite3_bind_int(st, 3, f && f->year_to ? f->year_to : JX_YEAR_MAX);
	if (f && f->kind >= 0 && sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_text(st, 4, jx_kind_name((jx_kind)f->kind), -1, SQLITE_STATIC);
}

static int prepare(sqlite3 *db, sqlite3_stmt **st, const char *head, const char *x,
		   const jx_filter *f, int with_kind, int scoped, const char *tail)
{
	jx__buf sql;
	int rc;
	*st = NULL;
	jx__buf_init(&sql);
	jx__buf_puts(&sql, head);
	filter_sql(&sql, x, f, with_kind, scoped);
	jx__buf_puts(&sql, tail);
	if (sql.failed)
		rc = jx__oom();
	else if ((rc = jx__prepare(db, st, sql.data)) == 0)
		jx__filter_bind(*st, f);
	jx__buf_free(&sql);
	return rc;
}

int jx__prepare_filtered(sqlite3 *db, sqlite3_stmt **st, const char *head, const char *x,
			 const jx_filter *f, int with_kind, const char *tail)
{
	return prepare(db, st, head, x, f, with_kind, 0, tail);
}

int jx__prepare_scoped(jx_store *s, sqlite3_stmt **st, const char *head, const char *x,
		       const jx_filter *f, int with_kind, const char *tail)
{
	char *keys = NULL;
	const char *set;
	int rc = jx__project_param(s, &keys, &set, f ? f->project : NULL);
	if (rc == 0 && (rc = prepare(s->db, st, head, x, f, with_kind, 1, tail)) == 0 && keys)
		sqlite3_bind_text(*st, 5, keys, -1, SQLITE_TRANSIENT);
	free(keys);
	return rc;
}
