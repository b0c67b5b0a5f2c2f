/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_store.c -- the SQLite store: schema version, migration, refusals, imports that are
 * all or nothing, series and aliases, grade bands, listings, exact figures.
 *
 * Stores are ":memory:" unless the test needs to compare a file's content
 * before and after (tu_db_dump) or reopen it. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "jixiao.h"
#include "store/internal.h"
#include "store/testing.h"
#include "testutil.h"

/* ---- helpers ---- */

typedef struct {
	char *dir;
	char path[512];
} tmpdb;

static void tmpdb_make(tmpdb *t)
{
	t->dir = tu_mkdtemp();
	assert_non_null(t->dir);
	snprintf(t->path, sizeof(t->path), "%s/j.db", t->dir);
}

static void tmpdb_drop(tmpdb *t)
{
	tu_rmdir(t->dir);
	free(t->dir);
}

/* Three rows: 部门决策 20, 部门管理 30 (score 25), 部门履职 50 with score last and level-3 name l3. */
static jx_evaluation *eval3(const char *dept, int year, jx_kind kind, double last, const char *l3)
{
	jx_evaluation *ev = jx_evaluation_new(dept, year, kind);
	jx_indicator *r;
	assert_non_null(ev);
	r = jx_evaluation_add_row(ev, "部门决策", "决策机制", "决策制度的科学性", "是否科学。", 20,
				  20, JX_ORIGIN_STATED, 2);
	assert_non_null(r);
	r->level1_weight = 20;
	assert_non_null(jx_evaluation_add_row(ev, "部门管理", "预算执行", "部门预算执行率", "", 30,
					      25, JX_ORIGIN_STATED, 3));
	assert_non_null(
		jx_evaluation_add_row(ev, "部门履职", "社会影响", l3 ? l3 : "满意度", "", 50, last,
				      isnan(last) ? JX_ORIGIN_MISSING : JX_ORIGIN_STATED, 4));
	ev->line = 2;
	return ev;
}

static jx_batch *batch_of(const char *name, jx_evaluation *a, jx_evaluation *b, jx_figures *f)
{
	jx_batch *bt = jx_batch_new(name);
	assert_non_null(bt);
	memset(bt->source_sha256, 'a', 64);
	if (a)
		assert_int_equal(jx_batch_add_evaluation(bt, a), 0);
	if (b)
		assert_int_equal(jx_batch_add_evaluation(bt, b), 0);
	if (f)
		assert_int_equal(jx_batch_add_figures(bt, f), 0);
	return bt;
}

static int import1(jx_store *s, jx_batch *b, unsigned flags, jx_import_stats *st)
{
	jx_error_clear();
	return jx_store_import(s, &b, 1, flags, st);
}

static void assert_same_dump(const char *before, const char *after)
{
	assert_non_null(before);
	assert_non_null(after);
	if (strcmp(before, after) != 0)
		fail_msg("database content changed:\n--- before\n%s\n--- after\n%s", before, after);
}

/* ---- opening ---- */

static void test_store__create_sets_version_and_id(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	sqlite3 *db = jx__store_sqlite(s);
	tmpdb t;
	(void)state;
	assert_int_equal(jx_store_opened_version(s), 0);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), JX_SCHEMA_VERSION);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), 10);
	assert_int_equal(tu_query_int(db, "PRAGMA application_id"), 0x4A584442);
	/* no index on indicator but its primary key (version 10: each costs the import) */
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
					  " AND tbl_name = 'indicator' AND sql IS NOT NULL"),
			 0);
	assert_int_equal(tu_query_int(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM grade_band"), 4);
	jx_store_free(s);

	tmpdb_make(&t);
	s = tu_store_open(t.path);
	db = jx__store_sqlite(s);
	{
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
		sqlite3_finalize(st);
	}
	/* a new file's pages are 16 KiB (an existing file keeps its own: migrates_from_version_8) */
	assert_int_equal(tu_query_int(db, "PRAGMA page_size"), 16384);
	jx_store_free(s);
	s = tu_store_open(t.path); /* reopened: already current */
	assert_int_equal(jx_store_opened_version(s), JX_SCHEMA_VERSION);
	jx_store_free(s);
	/* a missing file without JX_STORE_CREATE is an error that says what to do */
	{
		char missing[600];
		snprintf(missing, sizeof(missing), "%s/none.db", t.dir);
		assert_int_equal(jx_store_open(&s, missing, 0), JX_ENOTFOUND);
		assert_non_null(strstr(jx_error_last(), "none.db: no database here"));
		assert_null(s);
	}
	tmpdb_drop(&t);
}

/* Build a version-1 database holding one evaluation, the way an old jixiao wrote it. */
static void make_v1(const char *path)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(jx__store_migrate(db, 0, 1), 0);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), 1);
	assert_int_equal(
		sqlite3_exec(
			db,
			"INSERT INTO department(id, name) VALUES (1, '旧部门');"
			"INSERT INTO evaluation(id, department_id, year, kind, total_weight,"
			" total_score, grade, provenance, source_name, source_sha256, "
			"content_sha256,"
			" imported_at) VALUES (7, 1, 2019, 'self', 100, 85.5, '良', 'real', "
			"'old.csv',"
			" 'x', 'y', '2020-01-01T00:00:00Z');"
			"INSERT INTO indicator(evaluation_id, seq, level1, level2, level3, key,"
			" explanation, weight, score, score_origin) VALUES"
			" (7, 0, '甲', '乙', '丙', '甲/乙/丙', '', 60, 55.5, 'stated'),"
			" (7, 1, '甲', '乙', '丁', '甲/乙/丁', '', 40, 30, 'stated');"
			"INSERT INTO figure VALUES (1, 2019, 'budget_total', 123456, 'real', "
			"'old.csv');",
			NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
}

static void test_store__migrates_from_version_1(void **state)
{
	tmpdb t;
	jx_store *s;
	jx_eval_summary *v = NULL;
	jx_grade_band bands[8];
	jx_figures *f = NULL;
	int64_t c = 0;
	size_t n = 0;
	(void)state;
	tmpdb_make(&t);
	make_v1(t.path);
	s = tu_store_open(t.path);
	assert_int_equal(jx_store_opened_version(s), 1);
	assert_int_equal(tu_query_int(jx__store_sqlite(s), "PRAGMA user_version"),
			 JX_SCHEMA_VERSION);
	/* version 8: score_origin's CHECK is comparisons, and still refuses other origins */
	assert_int_equal(
		tu_query_int(jx__store_sqlite(s),
			     "SELECT instr(sql, 'score_origin IN') = 0 AND instr(sql, "
			     "'score_origin = ''stated'' OR score_origin = ''inferred'' OR "
			     "score_origin = ''missing''') > 0 FROM sqlite_schema "
			     "WHERE name = 'indicator'"),
		1);
	assert_int_equal(
		tu_query_int(jx__store_sqlite(s),
			     "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'"),
		1);
	assert_int_not_equal(
		sqlite3_exec(jx__store_sqlite(s),
			     "INSERT INTO indicator(evaluation_id, seq, level1, level2, "
			     "level3, key, explanation, weight, score, score_origin) "
			     "VALUES (1, 99, 'a', 'b', 'c', 'a/b/c', '', 1, 1, 'guessed')",
			     NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_extended_errcode(jx__store_sqlite(s)), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(tu_query_int(jx__store_sqlite(s), "PRAGMA application_id"),
			 JX_APPLICATION_ID);
	/* version 2 added the alias table and the default bands */
	assert_int_equal(tu_query_int(jx__store_sqlite(s), "SELECT count(*) FROM alias"), 0);
	assert_int_equal(jx_store_grade_bands(s, bands, 8, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(bands[0].grade, "优");
	assert_true(bands[0].min_score == 90);
	assert_string_equal(bands[3].grade, "差");
	assert_true(bands[3].min_score == 0);
	/* the old data is kept */
	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].department, "旧部门");
	assert_int_equal(v[0].year, 2019);
	assert_true(v[0].total_score == 85.5);
	assert_true(v[0].deducted == 14.5); /* (60 - 55.5) + (40 - 30) */
	assert_int_equal(v[0].nrows, 2);
	jx_eval_summaries_free(v, n);
	assert_int_equal(jx_store_load_figures(s, &f, "旧部门", 2019), 0);
	assert_int_equal(jx_figures_get(f, "budget_total", &c), 1);
	assert_true(c == 123456);
	jx_figures_free(f);
	jx_store_free(s);
	/* reopening does not migrate again */
	s = tu_store_open(t.path);
	assert_int_equal(jx_store_opened_version(s), JX_SCHEMA_VERSION);
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* A version-8 database (before the staffing column) with an evaluation and its functions:
 * version 9 adds evaluation.staffing, empty, and keeps the rest; version 10 drops the index on
 * indicator(key). */
static void test_store__migrates_from_version_8(void **state)
{
	tmpdb t;
	jx_store *s;
	jx_evaluation *ev = NULL;
	sqlite3 *db;
	(void)state;
	tmpdb_make(&t);
	assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
	assert_int_equal(jx__store_migrate(db, 0, 8), 0);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM pragma_table_info('evaluation') "
					  "WHERE name = 'staffing'"),
			 0);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM sqlite_schema"
					  " WHERE name = 'indicator_by_key'"),
			 1);
	assert_int_equal(
		sqlite3_exec(
			db,
			"INSERT INTO department(id, name) VALUES (1, '旧部门');"
			"INSERT INTO evaluation(id, department_id, year, kind, total_weight,"
			" total_score, grade, provenance, source_name, source_sha256,"
			" content_sha256, imported_at, scored_weight, functions) VALUES (7, 1,"
			" 2023, 'self', 10, 9, '优', 'real', 'old.txt', 'x', 'y',"
			" '2024-01-01T00:00:00Z', 10, '旧职能');"
			"INSERT INTO indicator(evaluation_id, seq, level1, level2, level3, key,"
			" explanation, weight, score, score_origin) VALUES"
			" (7, 0, '甲', '乙', '丙', '甲/乙/丙', '', 10, 9, 'stated');",
			NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	s = tu_store_open(t.path);
	assert_int_equal(jx_store_opened_version(s), 8);
	db = jx__store_sqlite(s);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), 10);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM evaluation WHERE staffing IS NULL"),
			 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM sqlite_schema"
					  " WHERE name = 'indicator_by_key'"),
			 0);
	assert_int_equal(tu_query_int(db, "PRAGMA page_size"), 4096);
	assert_int_equal(jx_store_load_evaluation(s, &ev, "旧部门", 2023, JX_KIND_SELF), 0);
	assert_string_equal(ev->functions, "旧职能");
	assert_null(ev->staffing);
	assert_int_equal(ev->nrows, 1);
	jx_evaluation_free(ev);
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* A version-2 database (before framework breaks) with an evaluation and an
 * alias, as jixiao 0.1 wrote it: version 3 adds the framework_break table,
 * keeps everything, and declared breaks then round-trip through the series. */
static void test_store__migrates_from_version_2(void **state)
{
	tmpdb t;
	jx_store *s;
	sqlite3 *db;
	jx_series *sr = NULL;
	jx_break_decl *d = NULL;
	size_t n = 0;
	(void)state;
	tmpdb_make(&t);
	make_v1(t.path);
	assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
	assert_int_equal(jx__store_migrate(db, 1, 2), 0);
	assert_int_equal(
		sqlite3_exec(db, "INSERT INTO alias VALUES ('a/b/c', 'a/b/d')", NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), 2);
	sqlite3_close(db);
	s = tu_store_open(t.path);
	assert_int_equal(jx_store_opened_version(s), 2);
	db = jx__store_sqlite(s);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), JX_SCHEMA_VERSION);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM framework_break"), 0);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM alias"), 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM indicator"), 2);
	/* declare, deny, replace, list, undeclare */
	assert_int_equal(jx_store_framework_declare(s, "旧部门", 2021, 1), 0);
	assert_int_equal(jx_store_framework_declare(s, "旧部门", 2019, 0), 0);
	assert_int_equal(jx_store_framework_declare(s, "旧部门", 2021, 1), 0); /* again: one row */
	assert_int_equal(jx_store_framework_list(s, "旧部门", &d, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(d[0].year, 2019);
	assert_int_equal(d[0].is_break, 0);
	assert_int_equal(d[1].year, 2021);
	assert_int_equal(d[1].is_break, 1);
	free(d);
	assert_int_equal(jx_store_series(s, &sr, "旧部门", JX_KIND_SELF, 0, 0), 0);
	assert_int_equal(sr->nbreaks, 2);
	assert_int_equal(sr->breaks[1].year, 2021);
	assert_int_equal(sr->breaks[1].is_break, 1);
	jx_series_free(sr);
	assert_int_equal(jx_store_framework_undeclare(s, "旧部门", 2021), 0);
	assert_int_equal(jx_store_framework_undeclare(s, "旧部门", 2021), JX_ENOTFOUND);
	assert_int_equal(jx_store_framework_declare(s, "无此部门", 2021, 1), JX_ENOTFOUND);
	assert_int_equal(jx_store_framework_declare(s, "旧部门", 1800, 1), JX_EINVAL);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM framework_break"), 1);
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* A version-3 database whose evaluation 8 has a missing score (20 of 100 points), graded
 * then as if that score were 0 (total 66.5, 中): version 5 stores the weight that has a
 * score (80), takes the grade away, and the listing calls the total unknown. Evaluation 7
 * (complete) keeps its 85.5 and 良. */
static void test_store__migrates_unknown_totals(void **state)
{
	tmpdb t;
	jx_store *s;
	sqlite3 *db;
	jx_eval_summary *v = NULL;
	size_t n = 0;
	(void)state;
	tmpdb_make(&t);
	make_v1(t.path);
	assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
	assert_int_equal(jx__store_migrate(db, 1, 3), 0);
	assert_int_equal(
		sqlite3_exec(
			db,
			"INSERT INTO evaluation(id, department_id, year, kind, total_weight,"
			" total_score, grade, provenance, source_name, source_sha256,"
			" content_sha256, imported_at) VALUES (8, 1, 2020, 'self', 100, 66.5,"
			" '中', 'real', 'old.csv', 'x', 'z', '2021-01-01T00:00:00Z');"
			"INSERT INTO indicator(evaluation_id, seq, level1, level2, level3, key,"
			" explanation, weight, score, score_origin) VALUES"
			" (8, 0, '甲', '乙', '丙', '甲/乙/丙', '', 60, 50, 'stated'),"
			" (8, 1, '甲', '乙', '丁', '甲/乙/丁', '', 20, 16.5, 'stated'),"
			" (8, 2, '甲', '乙', '戊', '甲/乙/戊', '', 20, NULL, 'missing');",
			NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	s = tu_store_open(t.path);
	assert_int_equal(jx_store_opened_version(s), 3);
	db = jx__store_sqlite(s);
	assert_int_equal(tu_query_int(db, "SELECT scored_weight FROM evaluation WHERE id = 8"), 80);
	assert_int_equal(tu_query_int(db, "SELECT scored_weight FROM evaluation WHERE id = 7"),
			 100);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM evaluation WHERE grade = ''"), 1);
	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_true(v[0].total_score == 85.5);
	assert_string_equal(v[0].grade, "良");
	assert_true(v[0].scored_weight == 100);
	assert_true(isnan(v[1].total_score));
	assert_string_equal(v[1].grade, "");
	assert_true(v[1].scored_weight == 80);
	assert_true(v[1].deducted == 13.5); /* 10 + 3.5: the missing row is not a deduction */
	jx_eval_summaries_free(v, n);
	/* new bands keep the unknown total without a grade */
	{
		const jx_grade_band two[] = {{"好", 70}, {"差", 0}};
		assert_int_equal(jx_store_set_grade_bands(s, two, 2), 0);
		assert_int_equal(
			tu_query_int(db, "SELECT count(*) FROM evaluation WHERE grade = ''"), 1);
		assert_int_equal(
			tu_query_int(db, "SELECT count(*) FROM evaluation WHERE grade = '好'"), 1);
	}
	jx_store_free(s);
	tmpdb_drop(&t);
}

static void test_store__refuses_newer_version(void **state)
{
	tmpdb t;
	jx_store *s = NULL;
	sqlite3 *db;
	char *before, *after;
	size_t nb, na;
	(void)state;
	tmpdb_make(&t);
	assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
	assert_int_equal(jx__store_migrate(db, 0, JX_SCHEMA_VERSION), 0);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	before = tu_read(t.path, &nb);
	assert_int_equal(jx_store_open(&s, t.path, JX_STORE_CREATE), JX_EVERSION);
	assert_null(s);
	assert_non_null(strstr(jx_error_last(), "newer"));
	assert_non_null(strstr(jx_error_last(), t.path));
	after = tu_read(t.path, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb); /* the refused file is not touched */
	free(before);
	free(after);
	tmpdb_drop(&t);
}

static void test_store__refuses_foreign_files(void **state)
{
	tmpdb t;
	jx_store *s = NULL;
	sqlite3 *db;
	char *before, *after, other[600];
	size_t nb, na;
	(void)state;
	tmpdb_make(&t);
	assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	before = tu_read(t.path, &nb);
	assert_int_equal(jx_store_open(&s, t.path, JX_STORE_CREATE), JX_EINVAL);
	assert_null(s);
	assert_non_null(strstr(jx_error_last(), "not a jixiao database"));
	after = tu_read(t.path, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb); /* not even switched to WAL */
	free(before);
	free(after);

	/* not SQLite at all */
	snprintf(other, sizeof(other), "%s/text.db", t.dir);
	assert_int_equal(tu_write(other, "department,year\n", 16), 0);
	assert_true(jx_store_open(&s, other, JX_STORE_CREATE) < 0);
	assert_null(s);
	after = tu_read(other, &na);
	assert_string_equal(after, "department,year\n");
	free(after);
	tmpdb_drop(&t);
}

static void test_store__readonly_does_not_migrate(void **state)
{
	tmpdb t;
	jx_store *s = NULL;
	(void)state;
	tmpdb_make(&t);
	make_v1(t.path);
	assert_int_equal(jx_store_open(&s, t.path, JX_STORE_READONLY), JX_EVERSION);
	assert_null(s);
	assert_non_null(strstr(jx_error_last(), "migration"));
	s = tu_store_open(t.path); /* read-write migrates */
	jx_store_free(s);
	assert_int_equal(jx_store_open(&s, t.path, JX_STORE_READONLY), 0);
	{
		jx_batch *b = batch_of("x", eval3("甲", 2020, JX_KIND_SELF, 50, NULL), NULL, NULL);
		assert_int_equal(import1(s, b, 0, NULL), JX_EINVAL);
		jx_batch_free(b);
	}
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* A read that may write migrates an old file first (as the CLI's readers do), then reads it
 * read-only; the immutable URI of a path that needs %-encoding. */
static void test_store__readonly_migrates_first(void **state)
{
	tmpdb t;
	jx_store *s = NULL;
	char *uri = jx__store_immutable_uri("/a b/x?y#z%1.db");
	(void)state;
	assert_string_equal(uri, "file:///a b/x%3Fy%23z%251.db?immutable=1");
	free(uri);
	uri = jx__store_immutable_uri("rel.db");
	assert_string_equal(uri, "file:rel.db?immutable=1");
	free(uri);
	tmpdb_make(&t);
	make_v1(t.path);
	assert_int_equal(jx_store_open(&s, t.path, JX_STORE_READONLY | JX_STORE_MIGRATE_FIRST), 0);
	{
		jx_batch *b = batch_of("x", eval3("甲", 2020, JX_KIND_SELF, 50, NULL), NULL, NULL);
		assert_int_equal(import1(s, b, 0, NULL), JX_EINVAL); /* read-only */
		jx_batch_free(b);
	}
	assert_int_equal(sqlite3_db_readonly(jx__store_sqlite(s), "main"), 1);
	jx_store_free(s);
	s = tu_store_open(t.path);
	assert_int_equal(jx_store_opened_version(s), JX_SCHEMA_VERSION); /* migrated on disk */
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* ---- imports ---- */

static void test_store__import_is_idempotent(void **state)
{
	tmpdb t;
	jx_store *s;
	jx_batch *b;
	jx_import_stats st;
	char *d1, *d2;
	(void)state;
	tmpdb_make(&t);
	s = tu_store_open(t.path);
	b = batch_of("first.csv", eval3("禁毒支队", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(import1(s, b, 0, &st), 0);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.unchanged, 0);
	assert_int_equal(st.rows, 3);
	jx_batch_free(b);
	d1 = tu_db_dump(t.path);
	/* the same content again, even under another file name */
	b = batch_of("again.csv", eval3("禁毒支队", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(import1(s, b, 0, &st), 0);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.replaced, 0);
	assert_int_equal(st.unchanged, 1);
	assert_int_equal(st.rows, 0);
	jx_batch_free(b);
	d2 = tu_db_dump(t.path);
	assert_same_dump(d1, d2);
	assert_non_null(strstr(d1, "禁毒支队"));
	free(d1);
	free(d2);
	jx_store_free(s);
	tmpdb_drop(&t);
}

static void test_store__different_content_needs_replace(void **state)
{
	tmpdb t;
	jx_store *s;
	jx_batch *b;
	jx_import_stats st;
	jx_evaluation *ev = NULL;
	char *d1, *d2;
	(void)state;
	tmpdb_make(&t);
	s = tu_store_open(t.path);
	b = batch_of("a.csv", eval3("禁毒支队", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(import1(s, b, 0, &st), 0);
	jx_batch_free(b);
	d1 = tu_db_dump(t.path);
	b = batch_of("b.csv", eval3("禁毒支队", 2023, JX_KIND_SELF, 40, NULL), NULL, NULL);
	assert_int_equal(import1(s, b, 0, &st), JX_EEXISTS);
	assert_int_equal(jx_error_code(), JX_EEXISTS);
	assert_true(strncmp(jx_error_last(), "b.csv:2:", 8) == 0);
	assert_non_null(strstr(jx_error_last(), "禁毒支队 2023 (self)"));
	assert_non_null(strstr(jx_error_last(), "a.csv"));
	assert_non_null(strstr(jx_error_last(), "--replace"));
	d2 = tu_db_dump(t.path);
	assert_same_dump(d1, d2);
	free(d2);
	/* the same (department, year) of the other kind is a different evaluation */
	{
		jx_batch *r = batch_of("r.csv", eval3("禁毒支队", 2023, JX_KIND_REVIEW, 40, NULL),
				       NULL, NULL);
		assert_int_equal(import1(s, r, 0, &st), 0);
		assert_int_equal(st.added, 1);
		jx_batch_free(r);
	}
	assert_int_equal(import1(s, b, JX_IMPORT_REPLACE, &st), 0);
	assert_int_equal(st.replaced, 1);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.rows, 3);
	jx_batch_free(b);
	assert_int_equal(jx_store_load_evaluation(s, &ev, "禁毒支队", 2023, JX_KIND_SELF), 0);
	assert_true(ev->rows[2].score == 40);
	assert_int_equal(ev->nrows, 3);
	jx_evaluation_free(ev);
	/* exactly one self evaluation and its three rows remain (the old rows were deleted) */
	assert_int_equal(tu_query_int(jx__store_sqlite(s), "SELECT count(*) FROM evaluation"), 2);
	assert_int_equal(tu_query_int(jx__store_sqlite(s), "SELECT count(*) FROM indicator"), 6);
	free(d1);
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* An import runs with foreign keys off and without their cascade (write.c): a replaced
 * evaluation's rows and warnings go with it all the same, no row is left pointing nowhere,
 * and the connection has its foreign keys back afterwards, after a failure too. */
static void test_store__replace_leaves_no_orphans(void **state)
{
	tmpdb t;
	jx_store *s;
	jx_batch *b;
	jx_evaluation *ev;
	jx_import_stats st;
	sqlite3 *db;
	(void)state;
	tmpdb_make(&t);
	s = tu_store_open(t.path);
	db = jx__store_sqlite(s);
	ev = eval3("禁毒支队", 2023, JX_KIND_SELF, 45, NULL);
	assert_int_equal(jx_evaluation_warn(ev, 3, "first %d", 1), 0);
	assert_int_equal(jx_evaluation_warn(ev, 4, "second %d", 2), 0);
	b = batch_of("a.csv", ev, eval3("禁毒支队", 2022, JX_KIND_SELF, 44, NULL), NULL);
	assert_int_equal(import1(s, b, 0, &st), 0);
	jx_batch_free(b);
	assert_int_equal(tu_query_int(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM import_warning"), 2);
	ev = eval3("禁毒支队", 2023, JX_KIND_SELF, 40, "公众满意度");
	assert_int_equal(jx_evaluation_warn(ev, 5, "%s", "third"), 0);
	b = batch_of("b.csv", ev, NULL, NULL);
	assert_int_equal(import1(s, b, JX_IMPORT_REPLACE, &st), 0);
	assert_int_equal(st.replaced, 1);
	assert_int_equal(tu_query_int(db, "PRAGMA foreign_keys"), 1);
	/* 2022's three rows and the new 2023's three; only the new warning */
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM indicator"), 6);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM indicator WHERE level3 = "
					  "'满意度' OR level3 = '公众满意度'"),
			 2);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM import_warning"), 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM import_warning w JOIN evaluation "
					  "e ON e.id = w.evaluation_id WHERE e.year = 2023 AND "
					  "w.message = 'third'"),
			 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* a refused import (different content, no --replace) also turns them back on */
	jx_batch_free(b);
	b = batch_of("c.csv", eval3("禁毒支队", 2023, JX_KIND_SELF, 39, NULL), NULL, NULL);
	assert_int_equal(import1(s, b, 0, &st), JX_EEXISTS);
	assert_int_equal(tu_query_int(db, "PRAGMA foreign_keys"), 1);
	jx_batch_free(b);
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* jx_store_read_begin/_end: one snapshot (what another connection commits meanwhile is seen
 * only after the outermost end), nested calls, and nothing done inside an import. */
static void test_store__read_snapshot(void **state)
{
	tmpdb t;
	jx_store *a, *b;
	jx_batch *bt;
	jx_import_stats st;
	jx_import *im = NULL;
	char **names = NULL;
	size_t n = 0;
	(void)state;
	tmpdb_make(&t);
	a = tu_store_open(t.path);
	b = tu_store_open(t.path);
	bt = batch_of("a.csv", eval3("甲", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(import1(b, bt, 0, &st), 0);
	jx_batch_free(bt);
	assert_int_equal(jx_store_read_begin(a), 0);
	assert_int_equal(jx_store_read_begin(a), 0); /* nested */
	assert_int_equal(jx_store_departments(a, &names, &n), 0);
	assert_int_equal(n, 1);
	jx_strings_free(names, n);
	bt = batch_of("b.csv", eval3("乙", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(import1(b, bt, 0, &st), 0); /* WAL: a writer beside the reader */
	jx_batch_free(bt);
	jx_store_read_end(a); /* the inner end keeps the snapshot */
	assert_int_equal(jx_store_departments(a, &names, &n), 0);
	assert_int_equal(n, 1);
	jx_strings_free(names, n);
	jx_store_read_end(a);
	assert_int_equal(sqlite3_get_autocommit(jx__store_sqlite(a)), 1);
	assert_int_equal(jx_store_departments(a, &names, &n), 0);
	assert_int_equal(n, 2);
	jx_strings_free(names, n);
	/* inside an import's transaction: nothing to begin or end */
	assert_int_equal(jx_import_begin(&im, a, 0), 0);
	assert_int_equal(jx_store_read_begin(a), 0);
	jx_store_read_end(a);
	assert_int_equal(sqlite3_get_autocommit(jx__store_sqlite(a)), 0);
	assert_int_equal(jx_import_commit(im, &st), 0);
	jx_import_free(im);
	jx_store_free(b);
	jx_store_free(a);
	tmpdb_drop(&t);
}

static void test_store__failed_import_rolls_back(void **state)
{
	tmpdb t;
	jx_store *s;
	jx_batch *b, *two[2];
	jx_evaluation *bad;
	jx_import_stats st;
	char *d1, *d2;
	(void)state;
	tmpdb_make(&t);
	s = tu_store_open(t.path);
	b = batch_of("a.csv", eval3("甲", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(import1(s, b, 0, &st), 0);
	jx_batch_free(b);
	d1 = tu_db_dump(t.path);

	/* a new evaluation (乙) first, then one that conflicts (甲): neither is stored */
	b = batch_of("mixed.csv", eval3("乙", 2023, JX_KIND_SELF, 45, NULL),
		     eval3("甲", 2023, JX_KIND_SELF, 10, NULL), NULL);
	assert_int_equal(import1(s, b, 0, &st), JX_EEXISTS);
	jx_batch_free(b);
	d2 = tu_db_dump(t.path);
	assert_same_dump(d1, d2);
	assert_null(strstr(d2, "乙"));
	free(d2);

	/* a row the database refuses (score above weight, bypassing the CSV checks) */
	bad = eval3("丙", 2023, JX_KIND_SELF, 45, NULL);
	bad->rows[1].score = 31;
	b = batch_of("bad.csv", eval3("丁", 2023, JX_KIND_SELF, 45, NULL), bad, NULL);
	assert_int_equal(import1(s, b, 0, &st), JX_EDB);
	assert_non_null(strstr(jx_error_last(), "storing an indicator row"));
	jx_batch_free(b);
	d2 = tu_db_dump(t.path);
	assert_same_dump(d1, d2);
	free(d2);

	/* a second file whose figures conflict undoes the first file too */
	{
		jx_figures *f1 = jx_figures_new("甲", 2023), *f2 = jx_figures_new("甲", 2023);
		jx_batch *fb;
		assert_int_equal(jx_figures_set(f1, "budget_total", 100, 2), 0);
		fb = batch_of("f1.csv", NULL, NULL, f1);
		assert_int_equal(import1(s, fb, 0, &st), 0);
		jx_batch_free(fb);
		free(d1);
		d1 = tu_db_dump(t.path);
		assert_int_equal(jx_figures_set(f2, "budget_total", 200, 2), 0);
		f2->line = 2;
		two[0] = batch_of("ok.csv", eval3("戊", 2024, JX_KIND_SELF, 50, NULL), NULL, NULL);
		two[1] = batch_of("f2.csv", NULL, NULL, f2);
		jx_error_clear();
		assert_int_equal(jx_store_import(s, two, 2, 0, &st), JX_EEXISTS);
		assert_true(strncmp(jx_error_last(), "f2.csv:2:", 9) == 0);
		assert_non_null(strstr(jx_error_last(), "figures of 甲 2023"));
		jx_batch_free(two[0]);
		jx_batch_free(two[1]);
		d2 = tu_db_dump(t.path);
		assert_same_dump(d1, d2);
		free(d2);
	}
	free(d1);
	jx_store_free(s);
	tmpdb_drop(&t);
}

static void test_store__dry_run_writes_nothing(void **state)
{
	tmpdb t;
	jx_store *s;
	jx_batch *b;
	jx_import_stats st;
	jx_eval_summary *v = NULL;
	size_t n = 9;
	char *d1, *d2;
	(void)state;
	tmpdb_make(&t);
	s = tu_store_open(t.path);
	d1 = tu_db_dump(t.path);
	b = batch_of("a.csv", eval3("甲", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(import1(s, b, JX_IMPORT_DRY_RUN, &st), 0);
	assert_int_equal(st.added, 1); /* counted as if done */
	assert_int_equal(st.rows, 3);
	d2 = tu_db_dump(t.path);
	assert_same_dump(d1, d2);
	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_int_equal(n, 0);
	jx_eval_summaries_free(v, n);
	/* and the store still works normally afterwards (no transaction left open) */
	assert_int_equal(import1(s, b, 0, &st), 0);
	assert_int_equal(st.added, 1);
	jx_batch_free(b);
	free(d1);
	free(d2);
	jx_store_free(s);
	tmpdb_drop(&t);
}

/* ---- reading back ---- */

/* What one department's series in a jx_store_year_series pass was checked against. */
typedef struct {
	jx_store *s;
	char names[4][16];
	size_t n, stop_after;
} year_seen;

/* Each series of the pass is the one jx_store_series reads for that department and year. */
static int year_check(void *ctx, const jx_series *sr)
{
	year_seen *y = ctx;
	jx_series *one = NULL;
	assert_true(y->n < 4);
	snprintf(y->names[y->n++], sizeof(y->names[0]), "%s", sr->department);
	assert_int_equal(jx_store_series(y->s, &one, sr->department, sr->kind, 2022, 2022), 0);
	assert_int_equal(sr->nyears, 1);
	assert_int_equal(sr->years[0].year, 2022);
	assert_true(sr->years[0].total_weight == one->years[0].total_weight);
	assert_true(sr->years[0].total_score == one->years[0].total_score);
	assert_int_equal(sr->years[0].nmissing, one->years[0].nmissing);
	assert_int_equal(sr->years[0].provenance, one->years[0].provenance);
	assert_int_equal(sr->nrows, one->nrows);
	for (size_t i = 0; i < sr->nrows; i++) {
		const jx_score_row *a = &sr->rows[i], *b = &one->rows[i];
		assert_int_equal(a->year, 2022);
		assert_string_equal(a->level1, b->level1);
		assert_string_equal(a->level2, b->level2);
		assert_string_equal(a->level3, b->level3);
		assert_string_equal(a->key, b->key);
		assert_true(a->weight == b->weight);
		assert_true(a->score == b->score || (isnan(a->score) && isnan(b->score)));
		assert_int_equal(a->origin, b->origin);
	}
	jx_series_free(one);
	if (!strcmp(sr->department, "乙")) { /* 20 + 25 + 50, the alias followed */
		assert_true(sr->years[0].total_score == 95);
		assert_string_equal(sr->rows[2].key, "部门履职/社会影响/满意度");
		assert_string_equal(sr->rows[2].level3, "指标乙");
	}
	return y->n == y->stop_after ? 7 : 0;
}

static void test_store__year_series_every_department(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_batch *b[3];
	year_seen y;
	(void)state;
	b[0] = batch_of("a", eval3("甲", 2022, JX_KIND_SELF, NAN, "指标乙"),
			eval3("甲", 2021, JX_KIND_SELF, 40, NULL), NULL);
	b[1] = batch_of("b", eval3("乙", 2022, JX_KIND_SELF, 50, "指标乙"),
			eval3("甲", 2022, JX_KIND_REVIEW, 30, NULL), NULL);
	b[2] = batch_of("c", eval3("丙", 2021, JX_KIND_SELF, 45, NULL), NULL, NULL);
	assert_int_equal(jx_store_import(s, b, 3, 0, NULL), 0);
	assert_int_equal(
		jx_store_alias_add(s, "部门履职/社会影响/指标乙", "部门履职/社会影响/满意度"), 0);

	/* 2022, self: 乙 (E4 B9 99) before 甲 (E7 94 B2) in byte order; 丙 has no 2022 */
	memset(&y, 0, sizeof(y));
	y.s = s;
	assert_int_equal(jx_store_year_series(s, 2022, JX_KIND_SELF, year_check, &y), 0);
	assert_int_equal(y.n, 2);
	assert_string_equal(y.names[0], "乙");
	assert_string_equal(y.names[1], "甲");

	/* the review of 2022 is 甲's alone; a non-zero answer stops the pass and is returned */
	memset(&y, 0, sizeof(y));
	y.s = s;
	assert_int_equal(jx_store_year_series(s, 2022, JX_KIND_REVIEW, year_check, &y), 0);
	assert_int_equal(y.n, 1);
	assert_string_equal(y.names[0], "甲");
	memset(&y, 0, sizeof(y));
	y.s = s;
	y.stop_after = 1;
	assert_int_equal(jx_store_year_series(s, 2022, JX_KIND_SELF, year_check, &y), 7);
	assert_int_equal(y.n, 1);
	/* a year nobody evaluated: no call */
	memset(&y, 0, sizeof(y));
	y.s = s;
	assert_int_equal(jx_store_year_series(s, 2030, JX_KIND_SELF, year_check, &y), 0);
	assert_int_equal(y.n, 0);
	for (int i = 0; i < 3; i++)
		jx_batch_free(b[i]);
	jx_store_free(s);
}

static void test_store__series_order_and_aliases(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_batch *b[3];
	jx_series *sr = NULL;
	char *end = NULL;
	(void)state;
	/* years out of order across batches; another kind and another department around */
	b[0] = batch_of("a", eval3("甲", 2023, JX_KIND_SELF, 48, "指标丙"),
			eval3("甲", 2021, JX_KIND_SELF, 40, "指标甲"), NULL);
	b[1] = batch_of("b", eval3("甲", 2022, JX_KIND_SELF, NAN, "指标乙"),
			eval3("甲", 2022, JX_KIND_REVIEW, 30, "指标乙"), NULL);
	b[2] = batch_of("c", eval3("乙", 2022, JX_KIND_SELF, 50, "指标乙"), NULL, NULL);
	assert_int_equal(jx_store_import(s, b, 3, 0, NULL), 0);

	/* alias chain 甲 -> 乙 -> 丙 (full keys, and a bare level-3 name) */
	assert_int_equal(
		jx_store_alias_add(s, "部门履职/社会影响/指标甲", "部门履职/社会影响/指标乙"), 0);
	assert_int_equal(jx_store_alias_add(s, "指标乙", "指标丙"), 0);
	assert_int_equal(jx_store_alias_resolve(s, &end, "部门履职/社会影响/指标甲"), 0);
	assert_string_equal(end, "部门履职/社会影响/指标丙");
	free(end);
	/* closing the loop is refused, and so is an alias onto itself */
	assert_int_equal(
		jx_store_alias_add(s, "部门履职/社会影响/指标丙", "部门履职/社会影响/指标甲"),
		JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "cycle"));
	assert_int_equal(jx_store_alias_add(s, "指标甲", "“指标甲”"), JX_EINVAL);
	/* a bare name that matches nothing */
	assert_int_equal(jx_store_alias_add(s, "不存在的指标", "指标丙"), JX_ENOTFOUND);

	assert_int_equal(jx_store_series(s, &sr, "甲", JX_KIND_SELF, 0, 0), 0);
	assert_int_equal(sr->nyears, 3);
	assert_int_equal(sr->years[0].year, 2021);
	assert_int_equal(sr->years[1].year, 2022);
	assert_int_equal(sr->years[2].year, 2023);
	assert_true(sr->years[0].total_weight == 100 && sr->years[0].total_score == 85);
	assert_true(sr->years[1].total_score == 45); /* 20 + 25, the third is missing */
	assert_int_equal(sr->years[1].nmissing, 1);
	assert_true(sr->years[2].total_score == 93);
	assert_int_equal(sr->nrows, 9);
	for (size_t i = 0; i < 9; i++) {
		assert_int_equal(sr->rows[i].year, 2021 + (int)(i / 3));
		if (i % 3 == 2) { /* the renamed indicator, one key over all years */
			assert_string_equal(sr->rows[i].key, "部门履职/社会影响/指标丙");
		} else if (i % 3 == 0) {
			assert_string_equal(sr->rows[i].key, "部门决策/决策机制/决策制度的科学性");
		}
	}
	assert_string_equal(sr->rows[2].level3, "指标甲"); /* names stay as printed */
	assert_string_equal(sr->rows[5].level3, "指标乙");
	assert_true(isnan(sr->rows[5].score));
	assert_int_equal(sr->rows[5].origin, JX_ORIGIN_MISSING);
	assert_true(sr->rows[8].score == 48);
	jx_series_free(sr);

	/* year range and kind */
	assert_int_equal(jx_store_series(s, &sr, "甲", JX_KIND_SELF, 2022, 2023), 0);
	assert_int_equal(sr->nyears, 2);
	assert_int_equal(sr->years[0].year, 2022);
	jx_series_free(sr);
	assert_int_equal(jx_store_series(s, &sr, "甲", JX_KIND_REVIEW, 0, 0), 0);
	assert_int_equal(sr->nyears, 1);
	assert_true(sr->rows[2].score == 30);
	jx_series_free(sr);
	assert_int_equal(jx_store_series(s, &sr, "甲", JX_KIND_SELF, 2024, 0), JX_ENOTFOUND);
	assert_null(sr);
	assert_int_equal(jx_store_series(s, &sr, "无此部门", JX_KIND_SELF, 0, 0), JX_ENOTFOUND);

	/* removing the middle link leaves 甲 -> 乙 */
	assert_int_equal(jx_store_alias_remove(s, "部门履职/社会影响/指标乙"), 0);
	assert_int_equal(jx_store_alias_resolve(s, &end, "部门履职/社会影响/指标甲"), 0);
	assert_string_equal(end, "部门履职/社会影响/指标乙");
	free(end);
	assert_int_equal(jx_store_alias_remove(s, "部门履职/社会影响/指标乙"), JX_ENOTFOUND);
	for (int i = 0; i < 3; i++)
		jx_batch_free(b[i]);
	jx_store_free(s);
}

/* One evaluation whose rows score exactly total out of 100. */
static jx_evaluation *eval_total(const char *dept, double total)
{
	jx_evaluation *ev = jx_evaluation_new(dept, 2023, JX_KIND_SELF);
	assert_non_null(jx_evaluation_add_row(ev, "一", "二", "三", "", 50, total - 40,
					      JX_ORIGIN_STATED, 2));
	assert_non_null(
		jx_evaluation_add_row(ev, "一", "二", "四", "", 50, 40, JX_ORIGIN_STATED, 3));
	return ev;
}

static void test_store__grade_bands(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_grade_band d[8], two[2] = {{"不合格", 0}, {"合格", 60}};
	jx_grade_band bad[2] = {{"A", 90}, {"B", 10}};
	jx_eval_summary *v = NULL;
	jx_batch *b[4];
	size_t n = 0;
	(void)state;
	assert_int_equal(jx_store_grade_bands(s, d, 8, &n), 0);
	assert_int_equal(n, 4);
	/* the Ministry of Finance bands, boundaries exactly */
	assert_string_equal(jx_grade_of(d, n, 100, 100), "优");
	assert_string_equal(jx_grade_of(d, n, 90, 100), "优");
	assert_string_equal(jx_grade_of(d, n, 89.99, 100), "良");
	assert_string_equal(jx_grade_of(d, n, 80, 100), "良");
	assert_string_equal(jx_grade_of(d, n, 79.99, 100), "中");
	assert_string_equal(jx_grade_of(d, n, 60, 100), "中");
	assert_string_equal(jx_grade_of(d, n, 59.99, 100), "差");
	assert_string_equal(jx_grade_of(d, n, 0, 100), "差");
	/* a percentage of the total weight: 45 of 50 is 90% */
	assert_string_equal(jx_grade_of(d, n, 45, 50), "优");
	assert_string_equal(jx_grade_of(d, n, 44.9, 50), "良");
	/* 6.93 / 7.7 * 100 is 89.99999999999999 in doubles, yet exactly 90%; 9.04 of 11.3 is 80% */
	assert_string_equal(jx_grade_of(d, n, 6.93, 7.7), "优");
	assert_string_equal(jx_grade_of(d, n, 9.04, 11.3), "良");
	assert_string_equal(jx_grade_of(d, n, 6.92, 7.7), "良");

	b[0] = batch_of("a", eval_total("甲", 90), NULL, NULL);
	b[1] = batch_of("b", eval_total("乙", 89.5), NULL, NULL);
	b[2] = batch_of("c", eval_total("丙", 60), NULL, NULL);
	b[3] = batch_of("d", eval_total("丁", 59), NULL, NULL);
	assert_int_equal(jx_store_import(s, b, 4, 0, NULL), 0);
	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_int_equal(n, 4);
	/* ordered by name: 丁 (U+4E01) 丙 (U+4E19) 乙 (U+4E59) 甲 (U+7532) */
	assert_string_equal(v[0].department, "丁");
	assert_string_equal(v[0].grade, "差");
	assert_string_equal(v[1].grade, "中");
	assert_string_equal(v[2].grade, "良");
	assert_string_equal(v[3].grade, "优");
	jx_eval_summaries_free(v, n);

	/* new bands re-grade what is stored */
	assert_int_equal(jx_store_set_grade_bands(s, two, 2), 0);
	assert_int_equal(jx_store_grade_bands(s, d, 8, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(d[0].grade, "合格"); /* sorted, highest first */
	assert_true(d[0].min_score == 60);
	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_string_equal(v[0].grade, "不合格");
	assert_string_equal(v[1].grade, "合格");
	assert_string_equal(v[2].grade, "合格");
	assert_string_equal(v[3].grade, "合格");
	jx_eval_summaries_free(v, n);

	/* refused: lowest band not at 0, two bands at one score; nothing changes */
	assert_int_equal(jx_store_set_grade_bands(s, bad, 2), JX_EINVAL);
	bad[1].min_score = 90;
	assert_int_equal(jx_store_set_grade_bands(s, bad, 2), JX_EINVAL);
	assert_int_equal(jx_store_grade_bands(s, d, 8, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(d[1].grade, "不合格");
	for (int i = 0; i < 4; i++)
		jx_batch_free(b[i]);
	jx_store_free(s);
}

/* Bands out of order (a typo such as 良=95 after 优=90) or naming a grade twice are refused,
 * and what is stored stays; strictly ordered bands pass highest first or lowest first. */
static void test_store__grade_bands_strictly_ordered(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_grade_band unordered[4] = {{"优", 90}, {"良", 95}, {"中", 60}, {"差", 0}};
	jx_grade_band twice[3] = {{"优", 90}, {"优", 60}, {"差", 0}};
	jx_grade_band up[3] = {{"差", 0}, {"中", 60}, {"优", 90}};
	jx_grade_band d[8];
	size_t n = 0;
	(void)state;
	assert_int_equal(jx_store_set_grade_bands(s, unordered, 4), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "not strictly ordered: 良=95 after 优=90"));
	assert_int_equal(jx_store_set_grade_bands(s, twice, 3), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "优"));
	assert_int_equal(jx_store_grade_bands(s, d, 8, &n), 0);
	assert_int_equal(n, 4); /* the defaults, untouched */
	assert_true(d[1].min_score == 80);
	assert_int_equal(jx_store_set_grade_bands(s, up, 3), 0);
	assert_int_equal(jx_store_grade_bands(s, d, 8, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(d[0].grade, "优");
	jx_store_free(s);
}

static void test_store__list_counts(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_evaluation *ev = jx_evaluation_new("禁毒支队", 2023, JX_KIND_SELF);
	jx_eval_summary *v = NULL;
	jx_filter f = {NULL, 0, 0, -1, NULL};
	jx_batch *b;
	size_t n = 0;
	(void)state;
	jx_evaluation_add_row(ev, "一", "二", "甲", "", 10, 8, JX_ORIGIN_STATED, 2);
	jx_evaluation_add_row(ev, "一", "二", "乙", "", 20, NAN, JX_ORIGIN_MISSING, 3);
	jx_evaluation_add_row(ev, "一", "二", "丙", "", 30, 30, JX_ORIGIN_INFERRED, 4);
	jx_evaluation_add_row(ev, "一", "二", "丁", "", 40, 35.5, JX_ORIGIN_STATED, 5);
	jx_evaluation_warn(ev, 4, "score of %s inferred", "丙");
	ev->provenance = JX_PROV_SYNTHETIC;
	b = batch_of("x.csv", ev, eval3("禁毒支队", 2022, JX_KIND_REVIEW, 50, NULL), NULL);
	assert_int_equal(import1(s, b, 0, NULL), 0);
	jx_batch_free(b);

	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].year, 2022); /* by year */
	assert_int_equal(v[0].kind, JX_KIND_REVIEW);
	assert_int_equal(v[1].year, 2023);
	assert_true(v[1].total_weight == 100);
	/* 8 + 30 + 35.5 = 73.5 of the 80 points that have a score: the total is unknown,
	 * not 73.5, and there is no grade (it was 中 as if 乙 scored 0) */
	assert_true(isnan(v[1].total_score));
	assert_true(v[1].scored_weight == 80);
	assert_true(v[1].deducted == 6.5); /* 2 + 0 + 4.5; the missing row is not a deduction */
	assert_string_equal(v[1].grade, "");
	assert_int_equal(v[1].nrows, 4);
	assert_int_equal(v[1].nmissing, 1);
	assert_int_equal(v[1].ninferred, 1);
	assert_int_equal(v[1].nwarnings, 1);
	assert_int_equal(v[1].provenance, JX_PROV_SYNTHETIC);
	assert_string_equal(v[1].source_name, "x.csv");
	assert_int_equal(v[0].provenance, JX_PROV_REAL);
	assert_true(v[0].deducted == 5); /* 30 - 25 */
	jx_eval_summaries_free(v, n);

	f.kind = JX_KIND_SELF;
	assert_int_equal(jx_store_list(s, &f, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].year, 2023);
	jx_eval_summaries_free(v, n);
	f.kind = -1;
	f.year_to = 2022;
	assert_int_equal(jx_store_list(s, &f, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].year, 2022);
	jx_eval_summaries_free(v, n);
	f.year_to = 0;
	f.department = "别的部门";
	assert_int_equal(jx_store_list(s, &f, &v, &n), 0);
	assert_int_equal(n, 0);
	jx_eval_summaries_free(v, n);
	jx_store_free(s);
}

/* What test_store__list_each's callback saw. */
typedef struct {
	int years[4];
	size_t n, stop_after;
	char *kept; /* a department name taken from the listing */
} seen;

static int see(void *ctx, jx_eval_summary *e)
{
	seen *w = ctx;
	w->years[w->n++] = e->year;
	if (!w->kept) {
		w->kept = e->department; /* taken: the listing must not free it */
		e->department = NULL;
	}
	return w->n == w->stop_after ? jx__error(JX_EINVAL, "stop at %d", e->year) : 0;
}

/* The listing one evaluation at a time: jx_store_list's rows in its order, a string the
 * callback takes stays its own (ASan checks nothing is freed twice or leaked), and a
 * callback's error stops the listing and comes back with its message. */
static void test_store__list_each(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_batch *b = batch_of("x.csv", eval3("乙局", 2023, JX_KIND_SELF, 30, NULL),
			       eval3("甲局", 2021, JX_KIND_SELF, 28, NULL), NULL);
	seen w = {{0}, 0, 0, NULL};
	(void)state;
	assert_int_equal(jx_batch_add_evaluation(b, eval3("甲局", 2022, JX_KIND_SELF, 27, NULL)),
			 0);
	assert_int_equal(import1(s, b, 0, NULL), 0);
	jx_batch_free(b);
	assert_int_equal(jx_store_list_each(s, NULL, see, &w), 0);
	assert_int_equal(w.n, 3); /* by department (乙 U+4E59 < 甲 U+7532), then year */
	assert_int_equal(w.years[0], 2023);
	assert_int_equal(w.years[1], 2021);
	assert_int_equal(w.years[2], 2022);
	assert_string_equal(w.kept, "乙局");
	free(w.kept);
	w = (seen){{0}, 0, 2, NULL};
	assert_int_equal(jx_store_list_each(s, NULL, see, &w), JX_EINVAL);
	assert_int_equal(w.n, 2);
	assert_string_equal(jx_error_last(), "stop at 2021");
	free(w.kept);
	jx_store_free(s);
}

/* The department × year matrix of the overview and the report's rank step:
 * one year and kind, highest total first, ties by name. */
static void test_store__year_totals(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_year_total *v = NULL;
	jx_eval_summary *l = NULL;
	jx_filter f = {"甲", 2023, 2023, JX_KIND_SELF, NULL};
	jx_batch *b[4];
	size_t n = 0;
	(void)state;
	b[0] = batch_of("a", eval_total("甲", 89.5), eval3("甲", 2022, JX_KIND_SELF, 50, NULL),
			NULL);
	b[1] = batch_of("b", eval_total("乙", 90), eval3("乙", 2023, JX_KIND_REVIEW, 10, NULL),
			NULL);
	b[2] = batch_of("c", eval_total("丙", 60), NULL, NULL);
	b[3] = batch_of("d", eval_total("丁", 89.5), NULL, NULL);
	if (jx_store_import(s, b, 4, 0, NULL) != 0)
		fail_msg("%s", jx_error_last());
	assert_int_equal(jx_store_year_totals(s, &v, &n, 2023, JX_KIND_SELF), 0);
	/* neither 甲's 2022 nor 乙's review: 90, 89.5 (丁 U+4E01 before 甲 U+7532), 89.5, 60 */
	assert_int_equal(n, 4);
	assert_string_equal(v[0].department, "乙");
	assert_true(v[0].total_score == 90 && v[0].total_weight == 100);
	assert_string_equal(v[0].grade, "优");
	assert_string_equal(v[1].department, "丁");
	assert_string_equal(v[2].department, "甲");
	assert_true(v[2].total_score == 89.5);
	assert_string_equal(v[2].grade, "良");
	assert_string_equal(v[3].department, "丙");
	assert_string_equal(v[3].grade, "中");
	jx_year_totals_free(v, n);
	/* the review of 2023: 20 + 25 + 10 */
	assert_int_equal(jx_store_year_totals(s, &v, &n, 2023, JX_KIND_REVIEW), 0);
	assert_int_equal(n, 1);
	assert_true(v[0].total_score == 55);
	jx_year_totals_free(v, n);
	assert_int_equal(jx_store_year_totals(s, &v, &n, 2021, JX_KIND_SELF), 0);
	assert_int_equal(n, 0);
	assert_null(v);
	/* the listing filter with every part set, then with the department only */
	assert_int_equal(jx_store_list(s, &f, &l, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].year, 2023);
	jx_eval_summaries_free(l, n);
	f.year_from = f.year_to = 0;
	f.kind = -1;
	assert_int_equal(jx_store_list(s, &f, &l, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].year, 2022);
	jx_eval_summaries_free(l, n);
	for (int i = 0; i < 4; i++)
		jx_batch_free(b[i]);
	jx_store_free(s);
}

/* Staffing describes the department, not the evaluation: a re-import of the same content
 * that states it is "unchanged" but fills it where the stored evaluation has none (a
 * database from before schema 9), and never overwrites a stored one. */
static void test_store__same_content_fills_staffing(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_evaluation *ev = NULL;
	jx_import_stats st;
	const char *texts[] = {NULL, "在职人员 9 人。", "在职人员 8 人。"};
	(void)state;
	for (int i = 0; i < 3; i++) {
		jx_evaluation *e = eval3("甲局", 2023, JX_KIND_SELF, 40, NULL);
		jx_batch *b;
		e->staffing = texts[i] ? strdup(texts[i]) : NULL;
		memset(&st, 0, sizeof(st));
		b = batch_of("r.txt", e, NULL, NULL);
		assert_int_equal(import1(s, b, 0, &st), 0);
		jx_batch_free(b);
		assert_int_equal(st.unchanged, i > 0);
		assert_int_equal(jx_store_load_evaluation(s, &ev, "甲局", 2023, JX_KIND_SELF), 0);
		if (i == 0)
			assert_null(ev->staffing);
		else
			assert_string_equal(ev->staffing, "在职人员 9 人。");
		jx_evaluation_free(ev);
	}
	jx_store_free(s);
}

static void test_store__load_evaluation_round_trip(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_evaluation *ev = eval3("禁毒支队", 2023, JX_KIND_SELF, NAN, NULL), *back = NULL;
	jx_batch *b;
	(void)state;
	ev->total_weight = 100;
	ev->total_score = 98;
	ev->self_score = 98;
	ev->problems = strdup("问题");
	ev->conclusion = strdup("结论");
	ev->functions = strdup("职能");
	ev->staffing = strdup("实有在职人员 59 人。");
	jx_evaluation_warn(ev, 4, "score missing");
	b = batch_of("r.txt", ev, NULL, NULL);
	assert_int_equal(import1(s, b, 0, NULL), 0);
	assert_int_equal(jx_store_load_evaluation(s, &back, "禁毒支队", 2023, JX_KIND_SELF), 0);
	assert_int_equal(back->nrows, 3);
	assert_string_equal(back->rows[0].level1, "部门决策");
	assert_true(back->rows[0].level1_weight == 20);
	assert_true(isnan(back->rows[1].level1_weight));
	assert_string_equal(back->rows[0].explanation, "是否科学。");
	assert_string_equal(back->rows[0].key, "部门决策/决策机制/决策制度的科学性");
	assert_true(isnan(back->rows[2].score));
	assert_int_equal(back->rows[2].origin, JX_ORIGIN_MISSING);
	assert_int_equal(back->rows[2].line, 4);
	assert_true(back->total_weight == 100 && back->total_score == 98 && back->self_score == 98);
	assert_string_equal(back->problems, "问题");
	assert_null(back->suggestions);
	assert_string_equal(back->conclusion, "结论");
	assert_string_equal(back->functions, "职能");
	assert_string_equal(back->staffing, "实有在职人员 59 人。");
	assert_int_equal(back->nwarnings, 1);
	assert_int_equal(back->warnings[0].line, 4);
	assert_string_equal(back->warnings[0].message, "score missing");
	jx_evaluation_free(back);
	assert_int_equal(jx_store_load_evaluation(s, &back, "禁毒支队", 2022, JX_KIND_SELF),
			 JX_ENOTFOUND);
	assert_null(back);
	jx_batch_free(b);
	jx_store_free(s);
}

static void test_store__figures_exact(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_figures *f = jx_figures_new("禁毒支队", 2023), *g, *back = NULL;
	jx_import_stats st;
	jx_batch *b;
	int64_t total = 0, basic = 0, project = 0, c = 0;
	(void)state;
	/* the real report's budget: 3563.83 = 2904.67 + 659.16 */
	assert_int_equal(jx_figures_set(f, "budget_total", 356383, 2), 0);
	assert_int_equal(jx_figures_set(f, "budget_basic", 290467, 3), 0);
	assert_int_equal(jx_figures_set(f, "budget_project", 65916, 4), 0);
	assert_int_equal(jx_figures_set(f, "income_other", 151, 5), 0);
	assert_int_equal(jx_figures_set(f, "staff_in_post", 5900, 6), 0);
	assert_int_equal(jx_figures_set(f, "no_such_item", 1, 7), JX_EINVAL);
	b = batch_of("f.csv", NULL, NULL, f);
	assert_int_equal(import1(s, b, 0, &st), 0);
	assert_int_equal(st.figures_added, 1);
	assert_int_equal(jx_store_load_figures(s, &back, "禁毒支队", 2023), 0);
	assert_int_equal(back->nitems, 5);
	assert_int_equal(jx_figures_get(back, "budget_total", &total), 1);
	assert_int_equal(jx_figures_get(back, "budget_basic", &basic), 1);
	assert_int_equal(jx_figures_get(back, "budget_project", &project), 1);
	assert_true(total == 356383 && basic == 290467 && project == 65916);
	assert_true(basic + project == total);
	assert_int_equal(jx_figures_get(back, "income_other", &c), 1);
	assert_true(c == 151);
	jx_figures_free(back);
	/* identical again: unchanged; different: refused, then replaced */
	assert_int_equal(import1(s, b, 0, &st), 0);
	assert_int_equal(st.figures_unchanged, 1);
	jx_batch_free(b);
	g = jx_figures_new("禁毒支队", 2023);
	jx_figures_set(g, "budget_total", 356384, 2);
	b = batch_of("g.csv", NULL, NULL, g);
	assert_int_equal(import1(s, b, 0, &st), JX_EEXISTS);
	assert_int_equal(import1(s, b, JX_IMPORT_REPLACE, &st), 0);
	assert_int_equal(st.figures_replaced, 1);
	assert_int_equal(jx_store_load_figures(s, &back, "禁毒支队", 2023), 0);
	assert_int_equal(back->nitems, 1); /* replaced as a whole set */
	assert_int_equal(jx_figures_get(back, "budget_total", &c), 1);
	assert_true(c == 356384);
	jx_figures_free(back);
	assert_int_equal(jx_store_load_figures(s, &back, "禁毒支队", 2020), JX_ENOTFOUND);
	jx_batch_free(b);
	jx_store_free(s);
}

/* A progress handler that interrupts every statement once it runs. */
static int interrupt_now(void *arg)
{
	(void)arg;
	return 1;
}

#define EXPECT_READ_FAILS(call, what)                                                          \
	do {                                                                                   \
		jx_error_clear();                                                              \
		assert_int_equal((call), JX_EDB);                                              \
		if (!strstr(jx_error_last(), what) || !strstr(jx_error_last(), "interrupted")) \
			fail_msg("%s: message '%s' lacks '%s'", #call, jx_error_last(), what); \
	} while (0)

/* A database failure in the middle of a read comes back as JX_EDB with its message
 * (the CLI prints jx_error_last(); an empty one would say "unknown error"). */
static void test_store__read_errors_keep_message(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_batch *b = batch_of("a", eval3("甲", 2023, JX_KIND_SELF, 45, NULL), NULL, NULL);
	jx_eval_summary *v = (jx_eval_summary *)1;
	jx_evaluation *ev = NULL;
	jx_series *sr = NULL;
	char **names = NULL, *buf = NULL;
	size_t n = 0, len = 0;
	FILE *out = open_memstream(&buf, &len);
	(void)state;
	assert_int_equal(import1(s, b, 0, NULL), 0);
	sqlite3_progress_handler(jx__store_sqlite(s), 1, interrupt_now, NULL);
	EXPECT_READ_FAILS(jx_store_list(s, NULL, &v, &n), "listing evaluations");
	assert_null(v);
	EXPECT_READ_FAILS(jx_store_series(s, &sr, "甲", JX_KIND_SELF, 0, 0), "");
	assert_null(sr);
	EXPECT_READ_FAILS(jx_store_load_evaluation(s, &ev, "甲", 2023, JX_KIND_SELF), "");
	EXPECT_READ_FAILS(jx_store_departments(s, &names, &n), "listing departments");
	EXPECT_READ_FAILS(jx_export_scores(s, out, NULL, JX_FMT_CSV, 0), "");
	sqlite3_progress_handler(jx__store_sqlite(s), 0, NULL, NULL);
	fclose(out);
	free(buf);
	jx_batch_free(b);
	jx_store_free(s);
}

/* An alias between two indicators of one evaluation would merge them: refused, naming where
 * they meet. A chain of 3000 renames loads in one pass and resolves to its end; a cycle
 * closed by the file's last pair is refused naming that pair, and nothing is kept. */
static void test_store__aliases_apart_and_chains(void **state)
{
	enum { CHAIN = 3000 };
	jx_store *s = tu_store_open(":memory:");
	jx_evaluation *ev = jx_evaluation_new("甲", 2021, JX_KIND_SELF);
	jx_alias_pair *pairs = calloc(CHAIN + 1, sizeof(*pairs));
	jx_batch *b;
	char *end = NULL;
	size_t failed = 0;
	(void)state;
	jx_evaluation_add_row(ev, "类", "组", "老指标", "", 50, 50, JX_ORIGIN_STATED, 2);
	jx_evaluation_add_row(ev, "类", "组", "新指标", "", 50, 50, JX_ORIGIN_STATED, 3);
	b = batch_of("a", ev, NULL, NULL);
	assert_int_equal(jx_store_import(s, &b, 1, 0, NULL), 0);
	assert_int_equal(jx_store_alias_add(s, "类/组/老指标", "类/组/新指标"), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "both occur in 甲 2021 (self)"));
	for (int i = 0; i < CHAIN; i++) {
		pairs[i].old_key = malloc(32);
		pairs[i].new_key = malloc(32);
		sprintf(pairs[i].old_key, "x/y/k%d", i);
		sprintf(pairs[i].new_key, "x/y/k%d", i + 1);
	}
	if (jx_store_alias_add_all(s, pairs, CHAIN, &failed) != 0)
		fail_msg("%s (pair %zu)", jx_error_last(), failed);
	assert_int_equal(jx_store_alias_resolve(s, &end, "x/y/k0"), 0);
	assert_string_equal(end, "x/y/k3000");
	free(end);
	/* the chain's end back onto its start: a cycle, refused at that pair */
	pairs[CHAIN].old_key = strdup("x/y/k3000");
	pairs[CHAIN].new_key = strdup("x/y/k0");
	assert_int_equal(jx_store_alias_add_all(s, pairs, CHAIN + 1, &failed), JX_EINVAL);
	assert_int_equal(failed, CHAIN);
	assert_string_equal(jx_error_last(), "alias x/y/k3000 -> x/y/k0 would make a cycle");
	assert_int_equal(jx_store_alias_resolve(s, &end, "x/y/k3000"), 0);
	assert_string_equal(end, "x/y/k3000"); /* nothing of the refused file was kept */
	free(end);
	jx_alias_pairs_free(pairs, CHAIN + 1);
	jx_batch_free(b);
	jx_store_free(s);
}

/* The alias checks without an index on indicator(key) (schema 10): bare names found in the key
 * list (and among the keys renamed away), a pair refused when its old key meets the end of the
 * new key's chain, and a file refused at the pair whose keys meet, keeping none of it. */
static void test_store__alias_checks_without_key_index(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_evaluation *a = jx_evaluation_new("甲", 2021, JX_KIND_SELF);
	jx_evaluation *b = jx_evaluation_new("甲", 2022, JX_KIND_SELF);
	jx_alias_pair pairs[3] = {{.old_key = "类/组/旧称", .new_key = "类/组/丙"},
				  {.old_key = "类/组/甲", .new_key = "类/组/乙"},
				  {.old_key = "类/组/丁", .new_key = "类/组/戊"}};
	jx_batch *bt;
	char *end = NULL, **olds = NULL, **news = NULL;
	size_t failed = 0, n = 0;
	(void)state;
	/* 2021: 甲 乙 and 另组/乙; 2022: 丙 丁 */
	jx_evaluation_add_row(a, "类", "组", "甲", "", 40, 40, JX_ORIGIN_STATED, 2);
	jx_evaluation_add_row(a, "类", "组", "乙", "", 30, 30, JX_ORIGIN_STATED, 3);
	jx_evaluation_add_row(a, "类", "另组", "乙", "", 30, 30, JX_ORIGIN_STATED, 4);
	jx_evaluation_add_row(b, "类", "组", "丙", "", 50, 50, JX_ORIGIN_STATED, 2);
	jx_evaluation_add_row(b, "类", "组", "丁", "", 50, 50, JX_ORIGIN_STATED, 3);
	bt = batch_of("a", a, b, NULL);
	assert_int_equal(jx_store_import(s, &bt, 1, 0, NULL), 0);
	/* a bare name: one key, two keys, none */
	assert_int_equal(jx_store_alias_add(s, "甲", "丙"), 0);
	assert_int_equal(jx_store_alias_resolve(s, &end, "类/组/甲"), 0);
	assert_string_equal(end, "类/组/丙");
	free(end);
	assert_int_equal(jx_store_alias_add(s, "乙", "丙"), JX_EINVAL);
	assert_string_equal(jx_error_last(), "'乙' names 2 different indicators; give the full key "
					     "level1/level2/level3 (see `jixiao indicators`)");
	assert_int_equal(jx_store_alias_add(s, "己", "丙"), JX_ENOTFOUND);
	/* 丁 -> 甲: 丁 is apart from 甲, but 甲's chain ends at 丙, which occurs beside 丁 */
	assert_int_equal(jx_store_alias_add(s, "类/组/丁", "类/组/甲"), JX_EINVAL);
	assert_string_equal(jx_error_last(), "alias 类/组/丁 -> 类/组/丙 refused: both occur in 甲 "
					     "2022 (self), so they are two indicators, not one "
					     "renamed");
	/* a key renamed away occurs in no row but is still found by its bare name */
	assert_int_equal(jx_store_alias_add(s, "类/组/旧称", "类/组/丙"), 0);
	assert_int_equal(jx_store_alias_add(s, "旧称", "丁"), 0);
	assert_int_equal(jx_store_alias_resolve(s, &end, "类/组/旧称"), 0);
	assert_string_equal(end, "类/组/丁");
	free(end);
	/* a file: its second pair meets in 2021; nothing of it is kept */
	assert_int_equal(jx_store_alias_add_all(s, pairs, 3, &failed), JX_EINVAL);
	assert_int_equal(failed, 1);
	assert_non_null(strstr(jx_error_last(), "alias 类/组/甲 -> 类/组/乙 refused: both occur "
						"in 甲 2021 (self)"));
	assert_int_equal(jx_store_alias_list(s, &olds, &news, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(olds[0], "类/组/旧称");
	assert_string_equal(news[0], "类/组/丁");
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	/* without that pair it is taken whole */
	pairs[1].old_key = "类/组/戊";
	pairs[1].new_key = "类/组/己";
	assert_int_equal(jx_store_alias_add_all(s, pairs, 3, &failed), 0);
	assert_int_equal(jx_store_alias_list(s, &olds, &news, &n), 0);
	assert_int_equal(n, 4);
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	assert_int_equal(tu_query_int(jx__store_sqlite(s), "SELECT count(*) FROM temp.sqlite_schema"
							    " WHERE name LIKE 'jx_alias%'"),
			 0);
	jx_batch_free(bt);
	jx_store_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store__aliases_apart_and_chains),
		cmocka_unit_test(test_store__alias_checks_without_key_index),
		cmocka_unit_test(test_store__create_sets_version_and_id),
		cmocka_unit_test(test_store__migrates_from_version_1),
		cmocka_unit_test(test_store__migrates_from_version_2),
		cmocka_unit_test(test_store__migrates_from_version_8),
		cmocka_unit_test(test_store__same_content_fills_staffing),
		cmocka_unit_test(test_store__refuses_newer_version),
		cmocka_unit_test(test_store__refuses_foreign_files),
		cmocka_unit_test(test_store__readonly_does_not_migrate),
		cmocka_unit_test(test_store__readonly_migrates_first),
		cmocka_unit_test(test_store__import_is_idempotent),
		cmocka_unit_test(test_store__different_content_needs_replace),
		cmocka_unit_test(test_store__replace_leaves_no_orphans),
		cmocka_unit_test(test_store__read_snapshot),
		cmocka_unit_test(test_store__failed_import_rolls_back),
		cmocka_unit_test(test_store__dry_run_writes_nothing),
		cmocka_unit_test(test_store__series_order_and_aliases),
		cmocka_unit_test(test_store__grade_bands),
		cmocka_unit_test(test_store__grade_bands_strictly_ordered),
		cmocka_unit_test(test_store__list_counts),
		cmocka_unit_test(test_store__list_each),
		cmocka_unit_test(test_store__year_totals),
		cmocka_unit_test(test_store__year_series_every_department),
		cmocka_unit_test(test_store__migrates_unknown_totals),
		cmocka_unit_test(test_store__load_evaluation_round_trip),
		cmocka_unit_test(test_store__figures_exact),
		cmocka_unit_test(test_store__read_errors_keep_message),
	};
	jx_init();
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
