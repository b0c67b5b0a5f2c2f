/* store_import.c -- writing batches into the store, all or nothing.
 *
 * One import is one transaction (BEGIN IMMEDIATE, so concurrent importers
 * queue on the busy timeout instead of failing on lock upgrade). An
 * evaluation's identity is (department, year, kind); its content hash
 * decides between "unchanged" (no-op), "refused" and "replaced". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store_internal.h"

enum { DEPT_INS, DEPT_GET, EVAL_GET, EVAL_DEL, EVAL_INS, ROW_INS, WARN_INS, FIG_GET, FIG_DEL,
       FIG_INS, NSTMT };

typedef struct {
	sqlite3_stmt *st[NSTMT];
	jx_grade_band bands[16];
	size_t nbands;
	char now[32];
} importer;

static const char *const importer_sql[NSTMT] = {
	"INSERT OR IGNORE INTO department(name) VALUES (?1)",
	"SELECT id FROM department WHERE name = ?1",
	"SELECT id, content_sha256, source_name FROM evaluation "
	"WHERE department_id = ?1 AND year = ?2 AND kind = ?3",
	"DELETE FROM evaluation WHERE id = ?1",
	"INSERT INTO evaluation(department_id, year, kind, declared_weight, declared_score, "
	"self_score, total_weight, total_score, grade, provenance, problems, suggestions, "
	"conclusion, source_name, source_sha256, content_sha256, imported_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	"INSERT INTO indicator(evaluation_id, seq, level1, level1_weight, level2, level3, key, "
	"explanation, weight, score, score_origin, source_line) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	"INSERT INTO import_warning(evaluation_id, seq, line, message) VALUES (?1, ?2, ?3, ?4)",
	"SELECT item, value_cents FROM figure WHERE department_id = ?1 AND year = ?2 ORDER BY item",
	"DELETE FROM figure WHERE department_id = ?1 AND year = ?2",
	"INSERT INTO figure(department_id, year, item, value_cents, provenance, source_name) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

static void importer_free(importer *im)
{
	for (size_t i = 0; i < NSTMT; i++)
		sqlite3_finalize(im->st[i]);
}

static int importer_init(importer *im, sqlite3 *db)
{
	time_t t = time(NULL);
	struct tm tm;
	int rc;
	memset(im, 0, sizeof(*im));
	for (size_t i = 0; i < NSTMT; i++)
		if ((rc = jx__prepare(db, &im->st[i], importer_sql[i])) != 0)
			return rc;
	gmtime_r(&t, &tm);
	strftime(im->now, sizeof(im->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return jx__store_bands(db, im->bands, 16, &im->nbands);
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return jx__db_error(db, what);
	return 0;
}

static int department_id(sqlite3 *db, importer *im, const char *name, sqlite3_int64 *id)
{
	int rc;
	sqlite3_bind_text(im->st[DEPT_INS], 1, name, -1, SQLITE_TRANSIENT);
	if ((rc = step_done(db, im->st[DEPT_INS], "adding department")) != 0)
		return rc;
	sqlite3_bind_text(im->st[DEPT_GET], 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(im->st[DEPT_GET]);
	*id = sqlite3_column_int64(im->st[DEPT_GET], 0);
	sqlite3_reset(im->st[DEPT_GET]);
	return rc == SQLITE_ROW ? 0 : jx__db_error(db, "finding department");
}

/* Hash of everything that makes an evaluation's content (not its file name or line numbers). */
static void content_hash(char out[65], const jx_evaluation *ev)
{
	jx__buf b;
	char n1[64], n2[64], n3[64];
	jx__buf_init(&b);
	jx_number_format(n1, sizeof(n1), ev->total_weight);
	jx_number_format(n2, sizeof(n2), ev->total_score);
	jx_number_format(n3, sizeof(n3), ev->self_score);
	jx__buf_printf(&b, "%s\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e", ev->department, ev->year,
		       jx_kind_name(ev->kind), jx_provenance_name(ev->provenance), n1, n2, n3);
	jx__buf_printf(&b, "%s\x1f%s\x1f%s\x1e", ev->problems ? ev->problems : "",
		       ev->suggestions ? ev->suggestions : "", ev->conclusion ? ev->conclusion : "");
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *r = &ev->rows[i];
		jx_number_format(n1, sizeof(n1), r->weight);
		jx_number_format(n2, sizeof(n2), r->score);
		jx_number_format(n3, sizeof(n3), r->level1_weight);
		jx__buf_printf(&b, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e", r->level1, n3,
			       r->level2, r->level3, r->explanation, n1, n2, jx_origin_name(r->origin));
	}
	jx__sha256_hex(out, b.data ? b.data : "", b.len);
	jx__buf_free(&b);
}

static int insert_rows(sqlite3 *db, importer *im, sqlite3_int64 eid, const jx_evaluation *ev)
{
	int rc;
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *r = &ev->rows[i];
		sqlite3_stmt *st = im->st[ROW_INS];
		sqlite3_bind_int64(st, 1, eid);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		jx__bind_text(st, 3, r->level1);
		jx__bind_double(st, 4, r->level1_weight);
		jx__bind_text(st, 5, r->level2);
		jx__bind_text(st, 6, r->level3);
		jx__bind_text(st, 7, r->key);
		jx__bind_text(st, 8, r->explanation);
		sqlite3_bind_double(st, 9, r->weight);
		jx__bind_double(st, 10, r->origin == JX_ORIGIN_MISSING ? NAN : r->score);
		sqlite3_bind_text(st, 11, jx_origin_name(r->origin), -1, SQLITE_STATIC);
		if (r->line > 0)
			sqlite3_bind_int(st, 12, r->line);
		else
			sqlite3_bind_null(st, 12);
		if ((rc = step_done(db, st, "storing an indicator row")) != 0)
			return rc;
	}
	for (size_t i = 0; i < ev->nwarnings; i++) {
		sqlite3_bind_int64(im->st[WARN_INS], 1, eid);
		sqlite3_bind_int64(im->st[WARN_INS], 2, (sqlite3_int64)i);
		sqlite3_bind_int(im->st[WARN_INS], 3, ev->warnings[i].line);
		jx__bind_text(im->st[WARN_INS], 4, ev->warnings[i].message);
		if ((rc = step_done(db, im->st[WARN_INS], "storing a warning")) != 0)
			return rc;
	}
	return 0;
}

static int import_evaluation(sqlite3 *db, importer *im, const jx_batch *b, const jx_evaluation *ev,
			     unsigned flags, jx_import_stats *stats)
{
	char hash[65];
	sqlite3_int64 did, eid;
	sqlite3_stmt *st;
	double tw = jx_evaluation_weight_sum(ev), ts = jx_evaluation_score_sum(ev);
	int rc, replaced = 0;

	if ((rc = department_id(db, im, ev->department, &did)) != 0)
		return rc;
	content_hash(hash, ev);
	st = im->st[EVAL_GET];
	sqlite3_bind_int64(st, 1, did);
	sqlite3_bind_int(st, 2, ev->year);
	sqlite3_bind_text(st, 3, jx_kind_name(ev->kind), -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int same = !strcmp((const char *)sqlite3_column_text(st, 1), hash);
		char *prev = jx__column_strdup(st, 2);
		eid = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (same) {
			free(prev);
			stats->unchanged++;
			return 0;
		}
		if (!(flags & JX_IMPORT_REPLACE)) {
			rc = jx__error(JX_EEXISTS,
				       "%s:%d: %s %d (%s) is already stored with different content "
				       "(from %s); use --replace to replace it",
				       b->source_name, ev->line > 0 ? ev->line : 1, ev->department,
				       ev->year, jx_kind_name(ev->kind), prev ? prev : "?");
			free(prev);
			return rc;
		}
		free(prev);
		sqlite3_bind_int64(im->st[EVAL_DEL], 1, eid);
		if ((rc = step_done(db, im->st[EVAL_DEL], "replacing an evaluation")) != 0)
			return rc;
		replaced = 1;
	} else {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return jx__db_error(db, "looking up an evaluation");
	}
	st = im->st[EVAL_INS];
	sqlite3_bind_int64(st, 1, did);
	sqlite3_bind_int(st, 2, ev->year);
	sqlite3_bind_text(st, 3, jx_kind_name(ev->kind), -1, SQLITE_STATIC);
	jx__bind_double(st, 4, ev->total_weight);
	jx__bind_double(st, 5, ev->total_score);
	jx__bind_double(st, 6, ev->self_score);
	sqlite3_bind_double(st, 7, tw);
	sqlite3_bind_double(st, 8, ts);
	jx__bind_text(st, 9, jx_grade_of(im->bands, im->nbands, ts, tw));
	sqlite3_bind_text(st, 10, jx_provenance_name(ev->provenance), -1, SQLITE_STATIC);
	jx__bind_text(st, 11, ev->problems);
	jx__bind_text(st, 12, ev->suggestions);
	jx__bind_text(st, 13, ev->conclusion);
	jx__bind_text(st, 14, b->source_name);
	jx__bind_text(st, 15, b->source_sha256);
	jx__bind_text(st, 16, hash);
	jx__bind_text(st, 17, im->now);
	if ((rc = step_done(db, st, "storing an evaluation")) != 0)
		return rc;
	eid = sqlite3_last_insert_rowid(db);
	if ((rc = insert_rows(db, im, eid, ev)) != 0)
		return rc;
	if (replaced)
		stats->replaced++;
	else
		stats->added++;
	stats->rows += ev->nrows;
	return 0;
}

/* 1 when the stored items of (did, year) equal f exactly, 0 when different, -1 when none. */
static int figures_compare(sqlite3 *db, importer *im, sqlite3_int64 did, const jx_figures *f, int *res)
{
	sqlite3_stmt *st = im->st[FIG_GET];
	size_t n = 0;
	int same = 1, rc;
	sqlite3_bind_int64(st, 1, did);
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

static int import_figures(sqlite3 *db, importer *im, const jx_batch *b, const jx_figures *f,
			  unsigned flags, jx_import_stats *stats)
{
	sqlite3_int64 did;
	int rc, cmp = -1;
	if ((rc = department_id(db, im, f->department, &did)) != 0 ||
	    (rc = figures_compare(db, im, did, f, &cmp)) != 0)
		return rc;
	if (cmp == 1) {
		stats->figures_unchanged++;
		return 0;
	}
	if (cmp == 0) {
		if (!(flags & JX_IMPORT_REPLACE))
			return jx__error(JX_EEXISTS,
					 "%s:%d: figures of %s %d are already stored with different "
					 "values; use --replace to replace them",
					 b->source_name, f->line > 0 ? f->line : 1, f->department, f->year);
		sqlite3_bind_int64(im->st[FIG_DEL], 1, did);
		sqlite3_bind_int(im->st[FIG_DEL], 2, f->year);
		if ((rc = step_done(db, im->st[FIG_DEL], "replacing figures")) != 0)
			return rc;
		stats->figures_replaced++;
	} else {
		stats->figures_added++;
	}
	for (size_t i = 0; i < f->nitems; i++) {
		sqlite3_stmt *st = im->st[FIG_INS];
		sqlite3_bind_int64(st, 1, did);
		sqlite3_bind_int(st, 2, f->year);
		jx__bind_text(st, 3, f->items[i].item);
		sqlite3_bind_int64(st, 4, f->items[i].cents);
		sqlite3_bind_text(st, 5, jx_provenance_name(f->provenance), -1, SQLITE_STATIC);
		jx__bind_text(st, 6, b->source_name);
		if ((rc = step_done(db, st, "storing a figure")) != 0)
			return rc;
	}
	return 0;
}

int jx_store_import(jx_store *s, jx_batch *const *batches, size_t nbatches, unsigned flags,
		    jx_import_stats *stats)
{
	importer im;
	jx_import_stats local;
	int rc;
	char msg[1024];

	memset(&local, 0, sizeof(local));
	if (s->readonly)
		return jx__error(JX_EINVAL, "the database is open read-only");
	if ((rc = jx__exec(s->db, "BEGIN IMMEDIATE")) != 0)
		return rc;
	if ((rc = importer_init(&im, s->db)) != 0)
		goto out;
	for (size_t k = 0; k < nbatches && rc == 0; k++) {
		const jx_batch *b = batches[k];
		for (size_t i = 0; i < b->nevals && rc == 0; i++)
			rc = import_evaluation(s->db, &im, b, b->evals[i], flags, &local);
		for (size_t i = 0; i < b->nfigs && rc == 0; i++)
			rc = import_figures(s->db, &im, b, b->figs[i], flags, &local);
	}
out:
	importer_free(&im);
	if (rc == 0 && !(flags & JX_IMPORT_DRY_RUN))
		rc = jx__exec(s->db, "COMMIT");
	if (rc != 0 || (flags & JX_IMPORT_DRY_RUN)) {
		snprintf(msg, sizeof(msg), "%s", jx_error_last());
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		if (rc != 0)
			jx__error(rc, "%s", msg);
	}
	if (stats)
		*stats = local;
	return rc;
}
