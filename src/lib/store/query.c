/* SPDX-License-Identifier: GPL-3.0-or-later */
/* query.c -- reading from the store: listings, whole evaluations, year totals.
 *
 * The analysis reads one department at a time through jx_store_series, so
 * memory stays bounded by the largest department, not the database. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

/* The strings of one listed evaluation (the struct itself is the caller's). */
static void summary_clear(jx_eval_summary *e)
{
	free(e->department);
	free(e->grade);
	free(e->source_name);
	free(e->project);
}

/* One row of the listing into e; JX_ENOMEM (e's strings freed by the caller). */
static int summary_row(jx_eval_summary *e, sqlite3_stmt *st)
{
	memset(e, 0, sizeof(*e));
	e->department = jx__column_strdup(st, 0);
	e->year = sqlite3_column_int(st, 1);
	jx_kind_parse((const char *)sqlite3_column_text(st, 2), &e->kind);
	e->total_weight = sqlite3_column_double(st, 3);
	e->total_score = sqlite3_column_double(st, 4);
	e->grade = jx__column_strdup(st, 5);
	jx_provenance_parse((const char *)sqlite3_column_text(st, 6), &e->provenance);
	e->source_name = jx__column_strdup(st, 7);
	e->nrows = (size_t)sqlite3_column_int64(st, 8);
	e->nmissing = (size_t)sqlite3_column_int64(st, 9);
	e->ninferred = (size_t)sqlite3_column_int64(st, 10);
	e->nwarnings = (size_t)sqlite3_column_int64(st, 11);
	e->deducted = sqlite3_column_double(st, 12);
	if (sqlite3_column_type(st, 13) != SQLITE_NULL && !(e->project = jx__column_strdup(st, 13)))
		return jx__oom();
	e->scored_weight = sqlite3_column_double(st, 14);
	if (e->scored_weight < e->total_weight - 1e-9)
		e->total_score = NAN; /* a missing score: the total is unknown */
	return e->department && e->grade && e->source_name ? 0 : jx__oom();
}

int jx_store_list_each(jx_store *s, const jx_filter *f, jx_eval_summary_fn fn, void *ctx)
{
	static const char head[] =
		"SELECT d.name, e.year, e.kind, e.total_weight, e.total_score, e.grade, "
		"e.provenance,"
		" e.source_name,"
		" (SELECT count(*) FROM indicator i WHERE i.evaluation_id = e.id),"
		" (SELECT count(*) FROM indicator i WHERE i.evaluation_id = e.id AND score IS "
		"NULL),"
		" (SELECT count(*) FROM indicator i WHERE i.evaluation_id = e.id"
		"    AND score_origin = 'inferred'),"
		" (SELECT count(*) FROM import_warning w WHERE w.evaluation_id = e.id),"
		" (SELECT total(weight - score) FROM indicator i WHERE i.evaluation_id = e.id"
		"    AND score IS NOT NULL),"
		" (SELECT name FROM project p WHERE p.id = e.project_id), e.scored_weight"
		" FROM evaluation e JOIN department d ON d.id = e.department_id";
	sqlite3_stmt *st;
	int rc, step = SQLITE_DONE;
	if ((rc = jx__prepare_scoped(s, &st, head, "e", f, 1,
				     " ORDER BY d.name, 14, e.year, e.kind = 'review', e.kind")) !=
	    0)
		return rc;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_eval_summary e;
		if ((rc = summary_row(&e, st)) == 0)
			rc = fn(ctx, &e);
		summary_clear(&e);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing evaluations");
	sqlite3_finalize(st);
	if (rc == 0)
		jx_error_clear();
	return rc;
}

typedef struct {
	jx_eval_summary *v;
	size_t n, cap;
} summaries;

/* Keep e whole: its strings move into the array. */
static int collect(void *ctx, jx_eval_summary *e)
{
	summaries *all = ctx;
	if (jx__grow((void **)&all->v, &all->cap, all->n + 1, sizeof(*all->v)))
		return JX_ENOMEM;
	all->v[all->n++] = *e;
	memset(e, 0, sizeof(*e));
	return 0;
}

int jx_store_list(jx_store *s, const jx_filter *f, jx_eval_summary **out, size_t *n)
{
	summaries all = {NULL, 0, 0};
	int rc = jx_store_list_each(s, f, collect, &all);
	*out = NULL;
	*n = 0;
	if (rc != 0) {
		jx_eval_summaries_free(all.v, all.n);
		return rc;
	}
	*out = all.v;
	*n = all.n;
	return 0;
}

void jx_eval_summaries_free(jx_eval_summary *v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		summary_clear(&v[i]);
	free(v);
}

/* A parsed value from its columns (bound at col unless with_bound is 0). */
static void column_quantity(jx_quantity *q, sqlite3_stmt *st, int col, int with_bound)
{
	const char *unit;
	q->bound = JX_BOUND_EQ;
	if (with_bound && (sqlite3_column_type(st, col) == SQLITE_NULL ||
			   jx_bound_parse((const char *)sqlite3_column_text(st, col), &q->bound)))
		q->bound = JX_BOUND_NONE;
	col += with_bound;
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		q->bound = JX_BOUND_NONE;
	q->value = jx__column_double(st, col);
	unit = (const char *)sqlite3_column_text(st, col + 1);
	snprintf(q->unit, sizeof(q->unit), "%s", unit ? unit : "");
}

/* Columns 9.. of load_rows: target, actual, reason, parsed, completion. */
static int row_targets(jx_indicator *r, sqlite3_stmt *st)
{
	const char *c = (const char *)sqlite3_column_text(st, 17);
	if (jx_evaluation_set_text(&r->target, (const char *)sqlite3_column_text(st, 9)) ||
	    jx_evaluation_set_text(&r->actual, (const char *)sqlite3_column_text(st, 10)) ||
	    jx_evaluation_set_text(&r->reason, (const char *)sqlite3_column_text(st, 11)))
		return JX_ENOMEM;
	column_quantity(&r->target_q, st, 12, 1);
	column_quantity(&r->actual_q, st, 15, 0);
	if (!c || jx_completion_parse(c, &r->completion))
		r->completion = JX_DONE_NONE;
	jx_error_clear();
	return 0;
}

static int load_rows(sqlite3 *db, jx_evaluation *ev, sqlite3_int64 eid)
{
	static const char sql[] =
		"SELECT level1, level1_weight, level2, level3, explanation, weight, score,"
		" score_origin, source_line, target, actual, reason, target_bound, target_value,"
		" target_unit, actual_value, actual_unit, completion"
		" FROM indicator WHERE evaluation_id = ?1 ORDER BY seq";
	sqlite3_stmt *st;
	int rc, step;
	if ((rc = jx__prepare(db, &st, sql)) != 0)
		return rc;
	sqlite3_bind_int64(st, 1, eid);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_origin origin = JX_ORIGIN_STATED;
		jx_indicator *r;
		jx_origin_parse((const char *)sqlite3_column_text(st, 7), &origin);
		r = jx_evaluation_add_row(ev, (const char *)sqlite3_column_text(st, 0),
					  (const char *)sqlite3_column_text(st, 2),
					  (const char *)sqlite3_column_text(st, 3),
					  (const char *)sqlite3_column_text(st, 4),
					  sqlite3_column_double(st, 5), jx__column_double(st, 6),
					  origin, sqlite3_column_int(st, 8));
		if (!r || row_targets(r, st)) {
			rc = JX_ENOMEM;
			break;
		}
		r->level1_weight = jx__column_double(st, 1);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(db, "reading indicator rows");
	sqlite3_finalize(st);
	return rc;
}

static int load_warnings(sqlite3 *db, jx_evaluation *ev, sqlite3_int64 eid)
{
	sqlite3_stmt *st;
	int rc, step;
	if ((rc = jx__prepare(db, &st,
			      "SELECT line, message FROM import_warning"
			      " WHERE evaluation_id = ?1 ORDER BY seq")) != 0)
		return rc;
	sqlite3_bind_int64(st, 1, eid);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = jx_evaluation_warn(ev, sqlite3_column_int(st, 0), "%s",
					     (const char *)sqlite3_column_text(st, 1))) != 0)
			break;
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(db, "reading warnings");
	sqlite3_finalize(st);
	return rc;
}

/* Column i as an optional text of the evaluation (NULL stays NULL). */
static int column_text(char **field, sqlite3_stmt *st, int i)
{
	return jx_evaluation_set_text(field, (const char *)sqlite3_column_text(st, i));
}

/* The evaluation's own columns (after its id) into ev. */
static int evaluation_columns(jx_evaluation *ev, sqlite3_stmt *st)
{
	ev->total_weight = jx__column_double(st, 1);
	ev->total_score = jx__column_double(st, 2);
	ev->self_score = jx__column_double(st, 3);
	jx_provenance_parse((const char *)sqlite3_column_text(st, 4), &ev->provenance);
	if (column_text(&ev->problems, st, 5) || column_text(&ev->suggestions, st, 6) ||
	    column_text(&ev->conclusion, st, 7) || column_text(&ev->project, st, 8) ||
	    column_text(&ev->supervisor, st, 9) || column_text(&ev->implementer, st, 10) ||
	    column_text(&ev->goal, st, 11) || column_text(&ev->outcome, st, 12) ||
	    column_text(&ev->functions, st, 13) || column_text(&ev->staffing, st, 14))
		return JX_ENOMEM;
	return 0;
}

int jx_store_load_project_evaluation(jx_store *s, jx_evaluation **out, const char *department,
				     const char *project, int year, jx_kind kind)
{
	static const char head[] =
		"SELECT e.id, e.declared_weight, e.declared_score, e.self_score, e.provenance,"
		" e.problems, e.suggestions, e.conclusion, e.project_name, e.supervisor,"
		" e.implementer, e.goal, e.outcome, e.functions, e.staffing"
		" FROM evaluation e JOIN department d ON d.id = e.department_id";
	const jx_filter f = {department, year, year, (int)kind, project};
	sqlite3_stmt *st = NULL;
	jx_evaluation *ev = NULL;
	int rc, step;
	*out = NULL;
	if ((rc = jx__prepare_scoped(s, &st, head, "e", &f, 1, " ORDER BY e.id DESC")) != 0)
		goto out;
	step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		rc = step != SQLITE_DONE ? jx__db_error(s->db, "reading an evaluation")
		     : project ? jx__error(JX_ENOTFOUND, _("no %s evaluation of %s / %s for %d"),
					   jx_kind_name(kind), department, project, year)
			       : jx__error(JX_ENOTFOUND, _("no %s evaluation of %s for %d"),
					   jx_kind_name(kind), department, year);
		goto out;
	}
	if (!(ev = jx_evaluation_new(department, year, kind))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = evaluation_columns(ev, st)) == 0 &&
	    (rc = load_rows(s->db, ev, sqlite3_column_int64(st, 0))) == 0)
		rc = load_warnings(s->db, ev, sqlite3_column_int64(st, 0));
out:
	sqlite3_finalize(st);
	if (rc != 0) {
		jx_evaluation_free(ev);
		return rc;
	}
	*out = ev;
	return 0;
}

int jx_store_load_evaluation(jx_store *s, jx_evaluation **out, const char *department, int year,
			     jx_kind kind)
{
	return jx_store_load_project_evaluation(s, out, department, NULL, year, kind);
}

int jx_store_departments(jx_store *s, char ***out, size_t *n)
{
	sqlite3_stmt *st;
	char **v = NULL;
	size_t cap = 0, cnt = 0;
	int rc, step;
	*out = NULL;
	*n = 0;
	if ((rc = jx__prepare(s->db, &st, "SELECT name FROM department ORDER BY name")) != 0)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = jx__grow((void **)&v, &cap, cnt + 1, sizeof(*v))) != 0)
			break;
		if (!(v[cnt] = jx__column_strdup(st, 0))) {
			rc = jx__oom();
			break;
		}
		cnt++;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing departments");
	sqlite3_finalize(st);
	if (rc != 0) {
		jx_strings_free(v, cnt);
		return rc;
	}
	*out = v;
	*n = cnt;
	return 0;
}

int jx_store_project_year_totals(jx_store *s, jx_year_total **out, size_t *n, int year,
				 jx_kind kind, const char *department, const char *project)
{
	static const char head[] =
		"SELECT d.name, e.total_score, e.total_weight, e.grade,"
		" (SELECT name FROM project p WHERE p.id = e.project_id), e.scored_weight"
		" FROM evaluation e"
		" JOIN department d ON d.id = e.department_id";
	const jx_filter f = {department, year, year, (int)kind, project};
	sqlite3_stmt *st = NULL;
	jx_year_total *v = NULL;
	size_t cap = 0, cnt = 0;
	int rc, step = SQLITE_DONE;
	*out = NULL;
	*n = 0;
	if ((rc = jx__prepare_scoped(s, &st, head, "e", &f, 1,
				     " ORDER BY e.total_score DESC, d.name, 5")) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		jx_year_total *t;
		if ((rc = jx__grow((void **)&v, &cap, cnt + 1, sizeof(*v))) != 0)
			break;
		t = &v[cnt++];
		memset(t, 0, sizeof(*t));
		t->department = jx__column_strdup(st, 0);
		t->total_score = sqlite3_column_double(st, 1);
		t->total_weight = sqlite3_column_double(st, 2);
		t->grade = jx__column_strdup(st, 3);
		if (sqlite3_column_double(st, 5) < t->total_weight - 1e-9)
			t->total_score = NAN; /* a missing score: the total is unknown */
		if (!t->department || !t->grade || column_text(&t->project, st, 4)) {
			rc = jx__oom();
			break;
		}
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "reading year totals");
out:
	sqlite3_finalize(st);
	if (rc != 0) {
		jx_year_totals_free(v, cnt);
		return rc;
	}
	*out = v;
	*n = cnt;
	return 0;
}

int jx_store_year_totals(jx_store *s, jx_year_total **out, size_t *n, int year, jx_kind kind)
{
	return jx_store_project_year_totals(s, out, n, year, kind, NULL, NULL);
}

void jx_year_totals_free(jx_year_total *v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++) {
		free(v[i].department);
		free(v[i].grade);
		free(v[i].project);
	}
	free(v);
}

int jx_store_find_department(jx_store *s, char **out, const char *name)
{
	sqlite3_stmt *st;
	jx__buf cands;
	char *found = NULL;
	int rc, n = 0, exact = 0;
	*out = NULL;
	if ((rc = jx__prepare(s->db, &st,
			      "SELECT name, name = ?1 FROM department"
			      " WHERE instr(name, ?1) > 0 ORDER BY name = ?1 DESC, name")) != 0)
		return rc;
	jx__bind_text(st, 1, name);
	jx__buf_init(&cands);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 0);
		if (n == 0) {
			found = jx__strdup(d);
			exact = sqlite3_column_int(st, 1);
		}
		if (n < 6)
			jx__buf_printf(&cands, "%s%s", n ? ", " : "", n < 5 ? d : "...");
		n++;
	}
	/* a damaged file ends the scan early: say so, not "no department" */
	rc = rc == SQLITE_DONE ? 0 : jx__db_error(s->db, "finding a department");
	sqlite3_finalize(st);
	if (rc)
		;
	else if (n == 0)
		rc = jx__error(JX_ENOTFOUND,
			       _("no department named '%s' is stored (see `jixiao list`)"), name);
	else if (!exact && n > 1)
		rc = jx__error(JX_EINVAL, _("'%s' matches %d departments (%s): give the full name"),
			       name, n, cands.data ? cands.data : "");
	else if (!found)
		rc = jx__oom();
	jx__buf_free(&cands);
	if (rc) {
		free(found);
		return rc;
	}
	*out = found;
	return 0;
}
