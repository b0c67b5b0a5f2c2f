/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scan.c -- stored scores and figures row by row, in canonical order, for the
 * canonical writers (export/canonical.c). Rows are handed to a callback so
 * that any number of them streams through in constant memory. */
#include <stdio.h>
#include <string.h>
#include "store/internal.h"

int jx_store_uniform_provenance(jx_store *s, int *out, const jx_filter *f, int figures)
{
	static const char scores[] =
		"SELECT min(x.provenance), count(DISTINCT x.provenance) FROM evaluation x"
		" JOIN department d ON d.id = x.department_id";
	static const char figs[] =
		"SELECT min(x.provenance), count(DISTINCT x.provenance) FROM figure x"
		" JOIN department d ON d.id = x.department_id";
	sqlite3_stmt *st;
	jx_provenance p;
	int rc;
	*out = -1;
	if ((rc = jx__prepare_filtered(s->db, &st, figures ? figs : scores, "x", f, !figures,
				       "")) != 0)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1) == 1 &&
	    jx_provenance_parse((const char *)sqlite3_column_text(st, 0), &p) == 0)
		*out = (int)p;
	sqlite3_finalize(st);
	jx_error_clear();
	return 0;
}

int jx_store_scan_scores(jx_store *s, const jx_filter *f, jx_stored_score_fn fn, void *ctx)
{
	static const char head[] =
		"SELECT d.name, x.year, x.kind, i.level1, i.level2, i.level3, i.explanation,"
		" i.weight, i.score, i.score_origin, x.provenance"
		" FROM evaluation x JOIN department d ON d.id = x.department_id"
		" JOIN indicator i ON i.evaluation_id = x.id";
	sqlite3_stmt *st;
	int rc, step;
	if ((rc = jx__prepare_filtered(s->db, &st, head, "x", f, 1,
				       " ORDER BY d.name, x.year, x.kind = 'review', i.seq")) != 0)
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

int jx_store_scan_figures(jx_store *s, const jx_filter *f, jx_stored_figure_fn fn, void *ctx)
{
	static const char head[] = "SELECT d.name, x.year, x.item, x.value_cents, x.provenance"
				   " FROM figure x JOIN department d ON d.id = x.department_id";
	sqlite3_stmt *st;
	char order[512] = ",";
	int rc, step;
	for (const char *const *it = jx_figure_items(); *it; it++) {
		strcat(order, *it);
		strcat(order, ",");
	}
	if ((rc = jx__prepare_filtered(
		     s->db, &st, head, "x", f, 0,
		     " ORDER BY d.name, x.year, instr(?5, ',' || x.item || ',')")) != 0)
		return rc;
	sqlite3_bind_text(st, 5, order, -1, SQLITE_TRANSIENT);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_stored_figure r;
		r.department = (const char *)sqlite3_column_text(st, 0);
		r.year = sqlite3_column_int(st, 1);
		r.item = (const char *)sqlite3_column_text(st, 2);
		r.cents = sqlite3_column_int64(st, 3);
		if ((rc = jx_provenance_parse((const char *)sqlite3_column_text(st, 4),
					      &r.provenance)) == 0)
			rc = fn(ctx, &r);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading figures");
	sqlite3_finalize(st);
	return rc;
}
