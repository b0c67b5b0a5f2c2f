/* SPDX-License-Identifier: GPL-3.0-or-later */
/* framework.c -- framework breaks declared by people (table framework_break).
 *
 * A break is where a department's indicator framework changes, so that
 * totals and categories before and after it are not compared directly. The
 * analysis detects breaks on read (from the level-3 keys after aliases, like
 * the aliases themselves); what is stored here is only what people declare:
 * a break detection missed (is_break 1) or a detected one that is none
 * (is_break 0). Each change is its own transaction.
 */
#include <stdlib.h>
#include "store/internal.h"

static int department_id(jx_store *s, const char *department, sqlite3_int64 *id)
{
	sqlite3_stmt *st;
	int rc = jx__prepare(s->db, &st, "SELECT id FROM department WHERE name = ?1");
	if (rc)
		return rc;
	jx__bind_text(st, 1, department);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = jx__error(JX_ENOTFOUND, _("no department named '%s'"), department);
	} else {
		rc = jx__db_error(s->db, "framework breaks");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Run one statement with (department id, year[, is_break]) bound. */
static int run(jx_store *s, const char *sql, const char *department, int year, int is_break,
	       int *changed)
{
	sqlite3_int64 id = 0;
	sqlite3_stmt *st = NULL;
	int rc;
	if (year < 1900 || year > 2100)
		return jx__error(JX_EINVAL, _("year %d is outside 1900-2100"), year);
	if ((rc = department_id(s, department, &id)) || (rc = jx__prepare(s->db, &st, sql)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, year);
	if (is_break >= 0)
		sqlite3_bind_int(st, 3, is_break);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : jx__db_error(s->db, "framework breaks");
	*changed = sqlite3_changes(s->db);
	sqlite3_finalize(st);
	return rc;
}

int jx_store_framework_declare(jx_store *s, const char *department, int year, int is_break)
{
	int changed;
	return run(s,
		   "INSERT OR REPLACE INTO framework_break(department_id, year, is_break)"
		   " VALUES (?1, ?2, ?3)",
		   department, year, is_break ? 1 : 0, &changed);
}

int jx_store_framework_undeclare(jx_store *s, const char *department, int year)
{
	int changed = 0,
	    rc = run(s, "DELETE FROM framework_break WHERE department_id = ?1 AND year = ?2",
		     department, year, -1, &changed);
	if (rc == 0 && changed == 0)
		rc = jx__error(JX_ENOTFOUND, _("no framework break of %s is declared for %d"),
			       department, year);
	return rc;
}

int jx_store_framework_list(jx_store *s, const char *department, jx_break_decl **out, size_t *n)
{
	return jx__framework_read(s->db, NULL, department, out, n);
}

int jx__framework_read(sqlite3 *db, sqlite3_stmt *cached, const char *department,
		       jx_break_decl **out, size_t *n)
{
	sqlite3_stmt *st = cached;
	size_t cap = 0;
	int rc = 0, step;
	*out = NULL;
	*n = 0;
	if (!st && (rc = jx__prepare(db, &st, jx__framework_sql)))
		return rc;
	jx__bind_text(st, 1, department);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (jx__grow((void **)out, &cap, *n + 1, sizeof(**out))) {
			rc = JX_ENOMEM;
			break;
		}
		(*out)[*n].year = sqlite3_column_int(st, 0);
		(*out)[(*n)++].is_break = sqlite3_column_int(st, 1);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(db, "framework breaks");
	if (cached)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	if (rc) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

const char jx__framework_sql[] = "SELECT f.year, f.is_break FROM framework_break f"
				 " JOIN department d ON d.id = f.department_id"
				 " WHERE d.name = ?1 ORDER BY f.year";
