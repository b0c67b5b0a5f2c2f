/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write.c -- writing evaluations into the store, all or nothing.
 *
 * One import is one transaction (BEGIN IMMEDIATE, so concurrent importers
 * queue on the busy timeout instead of failing on lock upgrade), open from
 * jx_import_begin to jx_import_commit; readers hand evaluations in one at a
 * time as they read them (jx_read_file_stream), so an import of any size
 * holds one evaluation in memory. An evaluation's identity is (department,
 * year, kind); its content hash decides between "unchanged" (no-op),
 * "refused" and "replaced". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store/internal.h"

enum {
	DEPT_INS,
	DEPT_GET,
	PROJ_INS,
	PROJ_GET,
	EVAL_GET,
	EVAL_DEL,
	ROWS_DEL,
	WARNS_DEL,
	EVAL_INS,
	WARN_INS,
	FIG_GET,
	FIG_DEL,
	PFIG_GET,
	PFIG_DEL,
	SHA_SET,
	RUN_PUT,
	RUN_GET,
	NSTMT
};

/* Rows go in by INSERTs of up to MULTI_MAX rows each: one statement per
 * evaluation instead of one per row, which halves the import's SQL time (the
 * per-statement work includes building the IN-list of each CHECK).
 *
 * No statement journal (issue 23): a statement that writes several rows and may
 * fail half-way makes SQLite copy every page it touches into a statement journal
 * first, so that the failure can undo that statement alone -- a third of the
 * writer's instructions. An import undoes everything on any failure anyway, so
 * (a) the multi-row INSERTs say OR ROLLBACK (a failed CHECK, NOT NULL or key ends
 * the whole transaction at once instead of aborting the statement), and (b) the
 * import runs with foreign keys off (set outside the transaction: an immediate
 * foreign key makes every multi-row INSERT "may abort"). Every row the import
 * writes points at the evaluation or department it has just stored or found, and a
 * replaced evaluation's rows and warnings are deleted here, not by the cascade. */
#define MULTI_MAX 64

typedef struct {
	const char *head; /* "INSERT INTO t(columns) VALUES " */
	int ncols;
	sqlite3_stmt *st[MULTI_MAX + 1]; /* [n]: the INSERT of n rows, prepared when first needed */
} multi_insert;

struct jx_import {
	jx_store *store;
	unsigned flags;
	int rc;   /* first error; the import then only rolls back */
	int open; /* the transaction is open */
	sqlite3_stmt *st[NSTMT];
	jx_grade_band bands[16];
	size_t nbands;
	char now[32];
	jx_import_stats stats;
	multi_insert rows, rows_plain, figs, pfigs; /* rows_plain: without the target columns */
	sqlite3_int64 *unhashed; /* evaluations stored before their source's SHA-256 was known */
	size_t nunhashed, unhashed_cap;
	jx__buf hashbuf; /* content_hash's text, reused */
	char *last_dept; /* the department last looked up (department_id), and its id */
	sqlite3_int64 last_dept_id;
};

typedef struct jx_import importer;

static const char *const importer_sql[NSTMT] = {
	"INSERT OR IGNORE INTO department(name) VALUES (?1)",
	"SELECT id FROM department WHERE name = ?1",
	"INSERT OR IGNORE INTO project(department_id, key, name) VALUES (?1, ?2, ?3)",
	"SELECT id FROM project WHERE department_id = ?1 AND key = ?2",
	"SELECT id, content_sha256, source_name FROM evaluation "
	"WHERE department_id = ?1 AND year = ?2 AND kind = ?3 AND project_id IS ?4",
	"DELETE FROM evaluation WHERE id = ?1",
	"DELETE FROM indicator WHERE evaluation_id = ?1",
	"DELETE FROM import_warning WHERE evaluation_id = ?1",
	"INSERT INTO evaluation(department_id, year, kind, declared_weight, declared_score, "
	"self_score, total_weight, total_score, grade, provenance, problems, suggestions, "
	"conclusion, source_name, source_sha256, content_sha256, imported_at, project_id, "
	"project_name, supervisor, implementer, goal, outcome, scored_weight, functions, "
	"staffing) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	"?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
	"INSERT INTO import_warning(evaluation_id, seq, line, message) VALUES (?1, ?2, ?3, ?4)",
	"SELECT item, value_cents FROM figure WHERE department_id = ?1 AND year = ?2 ORDER BY item",
	"DELETE FROM figure WHERE department_id = ?1 AND year = ?2",
	"SELECT item, value_cents FROM project_figure WHERE project_id = ?1 AND year = ?2",
	"DELETE FROM project_figure WHERE project_id = ?1 AND year = ?2",
	"UPDATE evaluation SET source_sha256 = ?1 WHERE id = ?2",
	"INSERT OR REPLACE INTO temp.jx_import_run(eid, source) VALUES (?1, ?2)",
	"SELECT source FROM temp.jx_import_run WHERE eid = ?1",
};

/* The evaluations this import stored, with their files (a TEMP table: this connection's,
 * emptied at each begin), so that a second version of one in the same run is refused. */
#define RUN_TABLE                                                                             \
	"CREATE TEMP TABLE IF NOT EXISTS jx_import_run(eid INTEGER PRIMARY KEY, source TEXT " \
	"NOT NULL); DELETE FROM temp.jx_import_run"

static int importer_init(importer *im, sqlite3 *db)
{
	time_t t = time(NULL);
	struct tm tm;
	int rc;
	if ((rc = jx__exec(db, RUN_TABLE)) != 0)
		return rc;
	for (size_t i = 0; i < NSTMT; i++)
		if ((rc = jx__prepare(db, &im->st[i], importer_sql[i])) != 0)
			return rc;
	gmtime_r(&t, &tm);
	strftime(im->now, sizeof(im->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	im->rows.head =
		"INSERT OR ROLLBACK INTO indicator(evaluation_id, seq, level1, level1_weight, "
		"level2, level3, key, explanation, weight, score, score_origin, source_line, "
		"target, "
		"actual, reason, target_bound, target_value, target_unit, actual_value, "
		"actual_unit, completion) VALUES ";
	im->rows.ncols = JX__ROW_COLS;
	im->rows_plain.head = "INSERT OR ROLLBACK INTO indicator(evaluation_id, seq, level1, "
			      "level1_weight, level2, level3, key, explanation, weight, score, "
			      "score_origin, source_line) VALUES ";
	im->rows_plain.ncols = JX__ROW_PLAIN_COLS;
	im->figs.head = "INSERT OR ROLLBACK INTO figure(department_id, year, item, value_cents, "
			"provenance, source_name) VALUES ";
	im->figs.ncols = 6;
	im->pfigs.head =
		"INSERT OR ROLLBACK INTO project_figure(project_id, year, item, value_cents, "
		"provenance, source_name) VALUES ";
	im->pfigs.ncols = 6;
	return jx__store_bands(db, im->bands, 16, &im->nbands);
}

/* The INSERT of n (1..MULTI_MAX) rows into m's table; borrowed, NULL on error. */
static sqlite3_stmt *multi_statement(sqlite3 *db, multi_insert *m, size_t n)
{
	jx__buf sql;
	if (m->st[n])
		return m->st[n];
	jx__buf_init(&sql);
	jx__buf_puts(&sql, m->head);
	for (size_t r = 0; r < n; r++) {
		jx__buf_puts(&sql, r ? ",(?" : "(?");
		for (int c = 1; c < m->ncols; c++)
			jx__buf_puts(&sql, ",?");
		jx__buf_puts(&sql, ")");
	}
	if (sql.failed)
		jx__oom();
	else
		jx__prepare(db, &m->st[n], sql.data);
	jx__buf_free(&sql);
	return m->st[n];
}

static void multi_free(multi_insert *m)
{
	for (size_t n = 0; n <= MULTI_MAX; n++) {
		sqlite3_finalize(m->st[n]);
		m->st[n] = NULL;
	}
}

/* A row id, or NULL for 0 (an evaluation of the department as a whole). */
static void bind_id(sqlite3_stmt *st, int i, sqlite3_int64 id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return jx__db_error(db, what);
	return 0;
}

/* The department's id, added when new. The last one is kept: a file holds a department's
 * evaluations together, and two statements per evaluation were 2% of the writer's time. */
static int department_id(sqlite3 *db, importer *im, const char *name, sqlite3_int64 *id)
{
	int rc;
	if (im->last_dept && !strcmp(im->last_dept, name)) {
		*id = im->last_dept_id;
		return 0;
	}
	sqlite3_bind_text(im->st[DEPT_INS], 1, name, -1, SQLITE_TRANSIENT);
	if ((rc = step_done(db, im->st[DEPT_INS], "adding department")) != 0)
		return rc;
	sqlite3_bind_text(im->st[DEPT_GET], 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(im->st[DEPT_GET]);
	*id = sqlite3_column_int64(im->st[DEPT_GET], 0);
	sqlite3_reset(im->st[DEPT_GET]);
	if (rc != SQLITE_ROW)
		return jx__db_error(db, "finding department");
	free(im->last_dept);
	if (!(im->last_dept = jx__strdup(name)))
		return jx__oom();
	im->last_dept_id = *id;
	return 0;
}

/* The project called name of department did (created with its clean name when new). */
static int project_id(sqlite3 *db, importer *im, sqlite3_int64 did, const char *name,
		      sqlite3_int64 *id)
{
	char *key = jx_project_key(name), *clean = jx_project_name_clean(name);
	int rc;
	if (!key || !clean) {
		free(key);
		free(clean);
		return jx__oom();
	}
	if (!*key)
		rc = jx__error(JX_EINVAL, _("a project evaluation of %s has an empty project name"),
			       name);
	else {
		sqlite3_bind_int64(im->st[PROJ_INS], 1, did);
		jx__bind_static(im->st[PROJ_INS], 2, key);
		jx__bind_static(im->st[PROJ_INS], 3, clean);
		rc = step_done(db, im->st[PROJ_INS], "adding a project");
	}
	if (rc == 0) {
		sqlite3_bind_int64(im->st[PROJ_GET], 1, did);
		jx__bind_static(im->st[PROJ_GET], 2, key);
		rc = sqlite3_step(im->st[PROJ_GET]) == SQLITE_ROW
			     ? 0
			     : jx__db_error(db, "finding a project");
		*id = sqlite3_column_int64(im->st[PROJ_GET], 0);
		sqlite3_reset(im->st[PROJ_GET]);
	}
	free(key);
	free(clean);
	return rc;
}

/* Rows without targets (most evaluations) go in by an INSERT of the first 12 columns: binding
 * and copying 9 NULLs a row was a tenth of the writer's time (issue 23). */
static int insert_rows(sqlite3 *db, importer *im, sqlite3_int64 eid, const jx_evaluation *ev)
{
	multi_insert *m = &im->rows_plain;
	int rc;
	for (size_t i = 0; i < ev->nrows && m == &im->rows_plain; i++)
		if (jx__row_has_target(&ev->rows[i]))
			m = &im->rows;
	for (size_t i = 0, n; i < ev->nrows; i += n) {
		sqlite3_stmt *st;
		n = ev->nrows - i < MULTI_MAX ? ev->nrows - i : MULTI_MAX;
		if (!(st = multi_statement(db, m, n)))
			return jx_error_code();
		for (size_t k = 0; k < n; k++)
			jx__bind_row(st, (int)k, m->ncols, eid, ev, i + k);
		if ((rc = step_done(db, st, "storing an indicator row")) != 0)
			return rc;
	}
	for (size_t i = 0; i < ev->nwarnings; i++) {
		sqlite3_bind_int64(im->st[WARN_INS], 1, eid);
		sqlite3_bind_int64(im->st[WARN_INS], 2, (sqlite3_int64)i);
		sqlite3_bind_int(im->st[WARN_INS], 3, ev->warnings[i].line);
		jx__bind_static(im->st[WARN_INS], 4, ev->warnings[i].message);
		if ((rc = step_done(db, im->st[WARN_INS], "storing a warning")) != 0)
			return rc;
	}
	return 0;
}

/* The stored evaluation (department, year, kind): 1 and *eid, *same when there is one. */
static int find_evaluation(importer *im, sqlite3_int64 did, sqlite3_int64 pid,
			   const jx_evaluation *ev, const char *hash, sqlite3_int64 *eid, int *same,
			   char **prev_source)
{
	sqlite3 *db = im->store->db;
	sqlite3_stmt *st = im->st[EVAL_GET];
	int rc;
	sqlite3_bind_int64(st, 1, did);
	sqlite3_bind_int(st, 2, ev->year);
	sqlite3_bind_text(st, 3, jx_kind_name(ev->kind), -1, SQLITE_STATIC);
	bind_id(st, 4, pid);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*eid = sqlite3_column_int64(st, 0);
		*same = !strcmp((const char *)sqlite3_column_text(st, 1), hash);
		*prev_source = jx__column_strdup(st, 2);
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jx__db_error(db, "looking up an evaluation");
}

static int remember(importer *im, sqlite3_int64 eid, const char *source_name);

static int insert_evaluation(importer *im, sqlite3_int64 did, sqlite3_int64 pid,
			     const char *source_name, const char *source_sha256, const char *hash,
			     const jx_evaluation *ev)
{
	sqlite3 *db = im->store->db;
	sqlite3_stmt *st = im->st[EVAL_INS];
	double tw = jx_evaluation_weight_sum(ev), ts = jx_evaluation_score_sum(ev), ws = 0;
	sqlite3_int64 eid;
	int rc;
	for (size_t i = 0; i < ev->nrows; i++)
		ws += isnan(ev->rows[i].score) ? 0 : ev->rows[i].weight;
	sqlite3_bind_int64(st, 1, did);
	sqlite3_bind_int(st, 2, ev->year);
	sqlite3_bind_text(st, 3, jx_kind_name(ev->kind), -1, SQLITE_STATIC);
	jx__bind_double(st, 4, ev->total_weight);
	jx__bind_double(st, 5, ev->total_score);
	jx__bind_double(st, 6, ev->self_score);
	sqlite3_bind_double(st, 7, tw);
	sqlite3_bind_double(st, 8, ts);
	/* a missing score makes the total unknown: no grade (docs/schema.md) */
	jx__bind_static(st, 9, ws < tw - 1e-9 ? "" : jx_grade_of(im->bands, im->nbands, ts, tw));
	sqlite3_bind_text(st, 10, jx_provenance_name(ev->provenance), -1, SQLITE_STATIC);
	jx__bind_static(st, 11, ev->problems);
	jx__bind_static(st, 12, ev->suggestions);
	jx__bind_static(st, 13, ev->conclusion);
	jx__bind_static(st, 14, source_name);
	jx__bind_static(st, 15, source_sha256 ? source_sha256 : "");
	jx__bind_static(st, 16, hash);
	jx__bind_static(st, 17, im->now);
	bind_id(st, 18, pid);
	jx__bind_static(st, 19, ev->project);
	jx__bind_static(st, 20, ev->supervisor);
	jx__bind_static(st, 21, ev->implementer);
	jx__bind_static(st, 22, ev->goal);
	jx__bind_static(st, 23, ev->outcome);
	sqlite3_bind_double(st, 24, ws);
	jx__bind_static(st, 25, ev->functions);
	jx__bind_static(st, 26, ev->staffing);
	if ((rc = step_done(db, st, "storing an evaluation")) != 0)
		return rc;
	eid = sqlite3_last_insert_rowid(db);
	if ((rc = remember(im, eid, source_name)) != 0)
		return rc;
	if (!source_sha256) {
		if (jx__grow((void **)&im->unhashed, &im->unhashed_cap, im->nunhashed + 1,
			     sizeof(*im->unhashed)) != 0)
			return JX_ENOMEM;
		im->unhashed[im->nunhashed++] = eid;
	}
	return insert_rows(db, im, eid, ev);
}

/* The file that stored evaluation eid earlier in this import: 1 and *source; 0 when none. */
static int stored_this_run(importer *im, sqlite3_int64 eid, char **source)
{
	sqlite3_stmt *st = im->st[RUN_GET];
	int rc;
	sqlite3_bind_int64(st, 1, eid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !(*source = jx__column_strdup(st, 0)))
		rc = JX_ENOMEM;
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0
	       : rc == JX_ENOMEM ? jx__oom()
				 : jx__db_error(im->store->db, "import run");
}

/* A second, different version of an evaluation in one import: which is meant is not ours to
 * guess (before, the last one silently won), so the import stops naming both files. */
static int two_versions(importer *im, const char *source_name, const jx_evaluation *ev,
			sqlite3_int64 eid, int same)
{
	char *first = NULL;
	int rc = stored_this_run(im, eid, &first);
	if (rc == 1 && !same)
		rc = jx__error(
			JX_EEXISTS,
			_("%s:%d: %s %d (%s) is also in %s with different content; one import "
			  "takes one version of an evaluation (import the one you want, or "
			  "one file at a time with --replace)"),
			source_name, ev->line > 0 ? ev->line : 1, ev->department, ev->year,
			jx_kind_name(ev->kind), first);
	free(first);
	return rc < 0 ? rc : 0;
}

static int remember(importer *im, sqlite3_int64 eid, const char *source_name)
{
	sqlite3_stmt *st = im->st[RUN_PUT];
	sqlite3_bind_int64(st, 1, eid);
	jx__bind_static(st, 2, source_name);
	return step_done(im->store->db, st, "recording the import run");
}

/* The texts that describe the department (functions, staffing) are not content: a
 * re-import of the same evaluation fills the ones a database from before them lacks. */
static int fill_description(importer *im, sqlite3_int64 eid, const jx_evaluation *ev)
{
	sqlite3_stmt *st;
	int rc;
	if (!ev->functions && !ev->staffing)
		return 0;
	if ((rc = jx__prepare(im->store->db, &st,
			      "UPDATE evaluation SET functions = coalesce(functions, ?2),"
			      " staffing = coalesce(staffing, ?3) WHERE id = ?1")) != 0)
		return rc;
	sqlite3_bind_int64(st, 1, eid);
	jx__bind_static(st, 2, ev->functions);
	jx__bind_static(st, 3, ev->staffing);
	rc = step_done(im->store->db, st, "storing an evaluation");
	sqlite3_finalize(st);
	return rc;
}

static int import_evaluation(importer *im, const char *source_name, const char *source_sha256,
			     const jx_evaluation *ev, const char *content_sha256)
{
	char hash[65], *prev = NULL;
	sqlite3_int64 did, pid = 0, eid = 0;
	int rc, same = 0, found;

	if ((rc = department_id(im->store->db, im, ev->department, &did)) != 0)
		return rc;
	if (ev->project && (rc = project_id(im->store->db, im, did, ev->project, &pid)) != 0)
		return rc;
	if (content_sha256)
		memcpy(hash, content_sha256, sizeof(hash));
	else
		jx__content_hash(&im->hashbuf, hash, ev);
	if ((found = find_evaluation(im, did, pid, ev, hash, &eid, &same, &prev)) < 0)
		return found;
	if (found && (rc = two_versions(im, source_name, ev, eid, same)) != 0) {
		free(prev);
		return rc;
	}
	if (found && same) { /* this run's version too: a later, different one is refused */
		free(prev);
		im->stats.unchanged++;
		if ((rc = fill_description(im, eid, ev)) != 0)
			return rc;
		return remember(im, eid, source_name);
	}
	if (found && !(im->flags & JX_IMPORT_REPLACE)) {
		rc = jx__error(JX_EEXISTS,
			       _("%s:%d: %s%s%s %d (%s) is already stored with different content "
				 "(from %s); use --replace to replace it"),
			       source_name, ev->line > 0 ? ev->line : 1, ev->department,
			       ev->project ? " / " : "", ev->project ? ev->project : "", ev->year,
			       jx_kind_name(ev->kind), prev ? prev : "?");
		free(prev);
		return rc;
	}
	free(prev);
	for (int k = WARNS_DEL; found && k >= EVAL_DEL; k--) { /* children first: no cascade */
		sqlite3_bind_int64(im->st[k], 1, eid);
		if ((rc = step_done(im->store->db, im->st[k], "replacing an evaluation")) != 0)
			return rc;
	}
	if ((rc = insert_evaluation(im, did, pid, source_name, source_sha256, hash, ev)) != 0)
		return rc;
	if (found)
		im->stats.replaced++;
	else
		im->stats.added++;
	im->stats.rows += ev->nrows;
	return 0;
}

/* *res: 1 when the stored items of (id, year) equal f exactly, 0 when different,
 * -1 when none; id is the department's, or the project's for a project's figures. */
static int figures_compare(sqlite3 *db, importer *im, sqlite3_int64 id, const jx_figures *f,
			   int *res)
{
	sqlite3_stmt *st = im->st[f->project ? PFIG_GET : FIG_GET];
	size_t n = 0;
	int same = 1, rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, f->year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t cents;
		const char *item = (const char *)sqlite3_column_text(st, 0);
		if (!jx_figures_get(f, item, &cents) || cents != sqlite3_column_int64(st, 1))
			same = 0;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return jx__db_error(db, "reading figures");
	*res = n == 0 ? -1 : (same && n == f->nitems);
	return 0;
}

static int insert_figures(sqlite3 *db, importer *im, sqlite3_int64 id, const char *source_name,
			  const jx_figures *f)
{
	multi_insert *m = f->project ? &im->pfigs : &im->figs;
	int rc;
	for (size_t i = 0, n; i < f->nitems; i += n) {
		sqlite3_stmt *st;
		n = f->nitems - i < MULTI_MAX ? f->nitems - i : MULTI_MAX;
		if (!(st = multi_statement(db, m, n)))
			return jx_error_code();
		for (size_t k = 0; k < n; k++) {
			int b = (int)k * 6;
			sqlite3_bind_int64(st, b + 1, id);
			sqlite3_bind_int(st, b + 2, f->year);
			jx__bind_static(st, b + 3, f->items[i + k].item);
			sqlite3_bind_int64(st, b + 4, f->items[i + k].cents);
			sqlite3_bind_text(st, b + 5, jx_provenance_name(f->provenance), -1,
					  SQLITE_STATIC);
			jx__bind_static(st, b + 6, source_name);
		}
		if ((rc = step_done(db, st, "storing a figure")) != 0)
			return rc;
	}
	return 0;
}

static int import_figures(importer *im, const char *source_name, const jx_figures *f)
{
	sqlite3 *db = im->store->db;
	sqlite3_int64 did, id;
	int rc, cmp;
	if ((rc = department_id(db, im, f->department, &did)) != 0)
		return rc;
	id = did;
	if (f->project && (rc = project_id(db, im, did, f->project, &id)) != 0)
		return rc;
	if ((rc = figures_compare(db, im, id, f, &cmp)) != 0)
		return rc;
	if (cmp == 1) {
		im->stats.figures_unchanged++;
		return 0;
	}
	if (cmp == 0) {
		sqlite3_stmt *del = im->st[f->project ? PFIG_DEL : FIG_DEL];
		if (!(im->flags & JX_IMPORT_REPLACE))
			return jx__error(
				JX_EEXISTS,
				_("%s:%d: figures of %s%s%s %d are already stored with different "
				  "values; use --replace to replace them"),
				source_name, f->line > 0 ? f->line : 1, f->department,
				f->project ? " / " : "", f->project ? f->project : "", f->year);
		sqlite3_bind_int64(del, 1, id);
		sqlite3_bind_int(del, 2, f->year);
		if ((rc = step_done(db, del, "replacing figures")) != 0)
			return rc;
		im->stats.figures_replaced++;
	} else {
		im->stats.figures_added++;
	}
	return insert_figures(db, im, id, source_name, f);
}

/* ---- the import session ---- */

int jx_import_begin(jx_import **out, jx_store *s, unsigned flags)
{
	importer *im;
	int rc;
	*out = NULL;
	if (s->readonly)
		return jx__error(JX_EINVAL, _("the database is open read-only"));
	if (!(im = calloc(1, sizeof(*im))))
		return jx__oom();
	im->store = s;
	im->flags = flags;
	jx__buf_init(&im->hashbuf);
	/* statement journals in memory: a multi-row INSERT touching a page per key spilled
	 * its journal to a temporary file, ~100 writes per evaluation (issue 23). A private
	 * file's journal is in memory already; its temporary tables stay in files, so that a
	 * large new database's import-run table does not count against memory. */
	if ((!s->private_file && (rc = jx__exec(s->db, "PRAGMA temp_store = MEMORY")) != 0) ||
	    (rc = jx__exec(s->db, "PRAGMA foreign_keys = OFF")) != 0 ||
	    (rc = jx__exec(s->db, "BEGIN IMMEDIATE")) != 0) {
		sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
		free(im);
		return rc;
	}
	im->open = 1;
	if ((rc = importer_init(im, s->db)) != 0) {
		im->rc = rc;
		jx_import_free(im);
		return rc;
	}
	*out = im;
	return 0;
}

/* Keep the first error: later calls return it, commit rolls back. */
static int failed(importer *im, int rc)
{
	if (rc != 0 && im->rc == 0)
		im->rc = rc;
	return rc;
}

int jx_import_evaluation(jx_import *im, const char *source_name, const char *source_sha256,
			 const jx_evaluation *ev)
{
	if (im->rc)
		return im->rc;
	return failed(im, import_evaluation(im, source_name, source_sha256, ev, NULL));
}

int jx__import_evaluation_hashed(jx_import *im, const char *source_name, const jx_evaluation *ev,
				 const char content_sha256[65])
{
	if (im->rc)
		return im->rc;
	return failed(im, import_evaluation(im, source_name, NULL, ev, content_sha256));
}

int jx_import_figures(jx_import *im, const char *source_name, const jx_figures *f)
{
	if (im->rc)
		return im->rc;
	return failed(im, import_figures(im, source_name, f));
}

int jx_import_source_end(jx_import *im, const char *source_sha256)
{
	sqlite3_stmt *st = im->st[SHA_SET];
	int rc = 0;
	if (im->rc)
		return im->rc;
	for (size_t i = 0; i < im->nunhashed && rc == 0; i++) {
		sqlite3_bind_text(st, 1, source_sha256, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, im->unhashed[i]);
		rc = step_done(im->store->db, st, "recording the source's SHA-256");
	}
	im->nunhashed = 0;
	return failed(im, rc);
}

/* End the transaction: COMMIT when ok and not a dry run, else ROLLBACK (which
 * records no error: the message of the failure stays). */
static int finish(importer *im, int rc)
{
	if (!im->open)
		return rc;
	im->open = 0;
	for (size_t i = 0; i < NSTMT; i++) {
		sqlite3_finalize(im->st[i]);
		im->st[i] = NULL;
	}
	multi_free(&im->rows);
	multi_free(&im->rows_plain);
	multi_free(&im->figs);
	multi_free(&im->pfigs);
	if (rc == 0 && !(im->flags & JX_IMPORT_DRY_RUN))
		rc = jx__exec(im->store->db, "COMMIT");
	if (rc != 0 || (im->flags & JX_IMPORT_DRY_RUN))
		sqlite3_exec(im->store->db, "ROLLBACK", NULL, NULL, NULL);
	/* outside the transaction again (a failed COMMIT was rolled back just above) */
	if (sqlite3_exec(im->store->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) !=
		    SQLITE_OK &&
	    rc == 0)
		rc = jx__db_error(im->store->db, "turning foreign keys back on");
	return rc;
}

int jx_import_commit(jx_import *im, jx_import_stats *stats)
{
	if (!im->rc && im->nunhashed)
		im->rc = jx__error(JX_EINVAL, _("an evaluation was stored without its source's "
						"SHA-256 (jx_import_source_end was not called)"));
	im->rc = finish(im, im->rc);
	if (stats)
		*stats = im->stats;
	return im->rc;
}

void jx_import_free(jx_import *im)
{
	if (!im)
		return;
	finish(im, im->rc ? im->rc : JX_EINVAL);
	jx__buf_free(&im->hashbuf);
	free(im->unhashed);
	free(im->last_dept);
	free(im);
}

int jx_store_import(jx_store *s, jx_batch *const *batches, size_t nbatches, unsigned flags,
		    jx_import_stats *stats)
{
	jx_import *im = NULL;
	int rc;
	if (stats)
		memset(stats, 0, sizeof(*stats));
	if ((rc = jx_import_begin(&im, s, flags)) != 0)
		return rc;
	for (size_t k = 0; k < nbatches && rc == 0; k++) {
		const jx_batch *b = batches[k];
		for (size_t i = 0; i < b->nevals && rc == 0; i++)
			rc = jx_import_evaluation(im, b->source_name, b->source_sha256,
						  b->evals[i]);
		for (size_t i = 0; i < b->nfigs && rc == 0; i++)
			rc = jx_import_figures(im, b->source_name, b->figs[i]);
	}
	rc = jx_import_commit(im, stats);
	jx_import_free(im);
	return rc;
}
