/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scan.c -- stored scores and figures row by row, in canonical order, for the
 * canonical writers (export/canonical.c). Rows are handed to a callback so
 * that any number of them streams through in constant memory. The filter's
 * project selects the departments' own evaluations and figures (NULL), every
 * project's, or one project's. */
#include <stdio.h>
#include <string.h>
#include "store/internal.h"

/* The figures a filter selects: a department's (figure) or a project's fund
 * block (project_figure), each as x joined with d and (for projects) p. */
static const char dept_figures[] = " FROM figure x JOIN department d ON d.id = x.department_id";
static const char project_figures[] = " FROM project_figure x JOIN project p ON p.id = x.project_id"
				      " JOIN department d ON d.id = p.department_id";

/* Prepare "select" over the scores or figures f selects, then tail. */
static int prepare_selected(jx_store *s, sqlite3_stmt **st, const char *select,
			    const char *scores_from, const jx_filter *f, int figures,
			    const char *tail)
{
	jx__buf head;
	int rc;
	jx__buf_init(&head);
	jx__buf_puts(&head, select);
	jx__buf_puts(&head, !figures          ? scores_from
			    : f && f->project ? project_figures
					      : dept_figures);
	if (head.failed)
		rc = jx__oom();
	else if (figures && !(f && f->project))
		rc = jx__prepare_filtered(s->db, st, head.data, "x", f, 0, tail);
	else
		rc = jx__prepare_scoped(s, st, head.data, "x", f, !figures, tail);
	jx__buf_free(&head);
	return rc;
}

int jx_store_uniform_provenance(jx_store *s, int *out, const jx_filter *f, int figures)
{
	sqlite3_stmt *st;
	jx_provenance p;
	int rc;
	*out = -1;
	if ((rc = prepare_selected(s, &st, "SELECT min(x.provenance), count(DISTINCT x.provenance)",
				   " FROM evaluation x JOIN department d ON d.id = x.department_id",
				   f, figures, "")) != 0)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1) == 1 &&
	    jx_provenance_parse((const char *)sqlite3_column_text(st, 0), &p) == 0)
		*out = (int)p;
	sqlite3_finalize(st);
	jx_error_clear();
	return 0;
}

int jx_store_optional_columns(jx_store *s, unsigned *out, const jx_filter *f, int figures)
{
	sqlite3_stmt *st;
	int rc;
	*out = 0;
	if ((rc = prepare_selected(
		     s, &st,
		     figures ? "SELECT count(*) > 0, 0, 0, 0, 0"
			     : "SELECT max(x.project_id IS NOT NULL), max(i.target IS NOT NULL),"
			       " max(i.actual IS NOT NULL), max(i.reason IS NOT NULL),"
			       " max(x.staffing IS NOT NULL)",
		     " FROM evaluation x JOIN department d ON d.id = x.department_id"
		     " JOIN indicator i ON i.evaluation_id = x.id",
		     f, figures, "")) != 0)
		return rc;
	/* figures: a project column only for a project's figures */
	if ((!figures || (f && f->project)) && sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < 5; i++)
			if (sqlite3_column_int(st, i))
				*out |= 1u << i;
	sqlite3_finalize(st);
	jx_error_clear();
	return 0;
}

static const char *column_or_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL
							 : (const char *)sqlite3_column_text(st, i);
}

int jx_store_scan_scores(jx_store *s, const jx_filter *f, jx_stored_score_fn fn, void *ctx)
{
	static const char head[] =
		"SELECT d.name, x.year, x.kind, i.level1, i.level2, i.level3, i.explanation,"
		" i.weight, i.score, i.score_origin, x.provenance, p.name, i.target, i.actual,"
		" i.reason, x.staffing FROM evaluation x JOIN department d ON d.id = "
		"x.department_id"
		" LEFT JOIN project p ON p.id = x.project_id"
		" JOIN indicator i ON i.evaluation_id = x.id";
	sqlite3_stmt *st;
	int rc, step = SQLITE_DONE;
	if ((rc = jx__prepare_scoped(
		     s, &st, head, "x", f, 1,
		     " ORDER BY d.name, p.name, x.year, x.kind = 'review', i.seq")) != 0)
		return rc;
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
		r.staffing = column_or_null(st, 15);
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
	return rc;
}

/* ",item1,item2,...," in canonical order (department items, or a project's). */
static void item_order(char *order, size_t size, int project)
{
	size_t len = 1;
	snprintf(order, size, ",");
	for (const char *const *it = project ? jx_project_figure_items() : jx_figure_items(); *it;
	     it++)
		len += (size_t)snprintf(order + len, len < size ? size - len : 0, "%s,", *it);
}

int jx_store_scan_figures(jx_store *s, const jx_filter *f, jx_stored_figure_fn fn, void *ctx)
{
	int project = f && f->project;
	sqlite3_stmt *st;
	char order[1024];
	int rc, step = SQLITE_DONE;
	item_order(order, sizeof(order), project);
	if ((rc = prepare_selected(
		     s, &st,
		     project ? "SELECT d.name, x.year, x.item, x.value_cents,"
			       " x.provenance, p.name"
			     : "SELECT d.name, x.year, x.item, x.value_cents,"
			       " x.provenance, NULL",
		     NULL, f, 1,
		     project ? " ORDER BY d.name, p.name, x.year, instr(?6, ',' ||"
			       " x.item || ',')"
			     : " ORDER BY d.name, x.year, instr(?6, ',' || x.item || ',')")) != 0)
		return rc;
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
	return rc;
}
