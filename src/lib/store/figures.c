/* SPDX-License-Identifier: GPL-3.0-or-later */
/* figures.c -- reading stored figures: a department's (budget, accounts, staffing)
 * or a project's fund block, of one year; the years that have figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

int jx_store_load_project_figures(jx_store *s, jx_figures **out, const char *department,
				  const char *project, int year)
{
	static const char dept_sql[] =
		"SELECT f.item, f.value_cents, f.provenance FROM figure f"
		" JOIN department d ON d.id = f.department_id WHERE d.name = ?1 AND f.year = ?2"
		" AND ?3 IS NULL";
	static const char project_sql[] =
		"SELECT f.item, f.value_cents, f.provenance, p.name FROM project_figure f"
		" JOIN project p ON p.id = f.project_id JOIN department d ON d.id = p.department_id"
		" WHERE d.name = ?1 AND f.year = ?2"
		"   AND instr(?3, char(31) || p.key || char(31)) > 0";
	sqlite3_stmt *st = NULL;
	jx_figures *f;
	char *owned = NULL;
	const char *set;
	int rc, step = SQLITE_DONE;
	*out = NULL;
	f = project ? jx_figures_new_project(department, year, project)
		    : jx_figures_new(department, year);
	if (!f)
		return jx__oom();
	if ((rc = jx__project_param(s, &owned, &set, project)) != 0 ||
	    (rc = jx__prepare(s->db, &st, project ? project_sql : dept_sql)) != 0)
		goto out;
	sqlite3_bind_text(st, 1, department, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, year);
	jx__bind_text(st, 3, set);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_provenance_parse((const char *)sqlite3_column_text(st, 2), &f->provenance);
		if (project && (rc = jx_evaluation_set_text(
					&f->project, (const char *)sqlite3_column_text(st, 3))))
			break;
		if ((rc = jx_figures_set(f, (const char *)sqlite3_column_text(st, 0),
					 sqlite3_column_int64(st, 1), 0)) != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading figures");
	if (rc == 0 && f->nitems == 0)
		rc = project ? jx__error(JX_ENOTFOUND, _("no figures for %s / %s %d"), department,
					 project, year)
			     : jx__error(JX_ENOTFOUND, _("no figures for %s %d"), department, year);
out:
	sqlite3_finalize(st);
	free(owned);
	if (rc != 0) {
		jx_figures_free(f);
		return rc;
	}
	*out = f;
	return 0;
}

int jx_store_load_figures(jx_store *s, jx_figures **out, const char *department, int year)
{
	return jx_store_load_project_figures(s, out, department, NULL, year);
}

int jx_store_figure_years(jx_store *s, int **out, size_t *n, const char *department, int from,
			  int to)
{
	jx_filter f = {department, from, to, -1, NULL};
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, step;
	*out = NULL;
	*n = 0;
	if ((rc = jx__prepare_filtered(s->db, &st,
				       "SELECT DISTINCT f.year FROM figure f JOIN department d"
				       " ON d.id = f.department_id",
				       "f", &f, 0, " ORDER BY f.year")) != 0)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = jx__grow((void **)out, &cap, *n + 1, sizeof(**out))) != 0)
			break;
		(*out)[(*n)++] = sqlite3_column_int(st, 0);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing the years with figures");
	sqlite3_finalize(st);
	if (rc) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
