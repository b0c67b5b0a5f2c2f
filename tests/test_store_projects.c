/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_store_projects.c -- the store's project evaluations: migration of an old
 * database to schema 4, the content hash of old evaluations unchanged, project
 * scopes in imports, listings, loads, series, figures, aliases and totals.
 *
 * Expected values are counted by hand from the evaluations built here. */
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

static int import_one(jx_store *s, jx_evaluation *ev, jx_figures *f, unsigned flags,
		      jx_import_stats *stats)
{
	jx_batch *b = jx_batch_new("p.csv");
	int rc;
	assert_non_null(b);
	memset(b->source_sha256, 'b', 64);
	if (ev)
		assert_int_equal(jx_batch_add_evaluation(b, ev), 0);
	if (f)
		assert_int_equal(jx_batch_add_figures(b, f), 0);
	jx_error_clear();
	rc = jx_store_import(s, &b, 1, flags, stats);
	jx_batch_free(b);
	return rc;
}

/* A project evaluation: fund row 10 (score fund), 产出 60 with a met and a missed
 * target, 满意度 30 with a text target; weights 100. */
static jx_evaluation *project_eval(const char *dept, const char *project, int year, double fund)
{
	jx_evaluation *ev = jx_evaluation_new(dept, year, JX_KIND_SELF);
	jx_indicator *r;
	assert_non_null(ev);
	assert_int_equal(jx_evaluation_set_project(ev, project), 0);
	assert_int_equal(jx_evaluation_set_text(&ev->supervisor, "示例县教育局"), 0);
	assert_int_equal(jx_evaluation_set_text(&ev->implementer, dept), 0);
	assert_non_null(jx_evaluation_add_row(ev, JX_FUND_LEVEL1, JX_FUND_LEVEL2, JX_FUND_LEVEL3,
					      "", 10, fund, JX_ORIGIN_STATED, 5));
	r = jx_evaluation_add_row(ev, "产出指标", "数量指标", "受益人数", "", 30, 30,
				  JX_ORIGIN_STATED, 9);
	assert_int_equal(jx_indicator_set_target(r, year, "≥1000人", "1200人", NULL), 0);
	r = jx_evaluation_add_row(ev, "产出指标", "时效指标", "完成时间", "", 30, 20,
				  JX_ORIGIN_STATED, 10);
	assert_int_equal(jx_indicator_set_target(r, year, "9月前", "11月", "雨季延误"), 0);
	r = jx_evaluation_add_row(ev, "满意度指标", "服务对象满意度指标", "满意度", "", 30, 30,
				  JX_ORIGIN_STATED, 11);
	assert_int_equal(jx_indicator_set_target(r, year, "满意", "满意", NULL), 0);
	ev->line = 2;
	return ev;
}

/* A department evaluation as before projects: two rows adding up to 100. */
static jx_evaluation *dept_eval(const char *dept, int year)
{
	jx_evaluation *ev = jx_evaluation_new(dept, year, JX_KIND_SELF);
	jx_indicator *r;
	assert_non_null(ev);
	r = jx_evaluation_add_row(ev, "部门决策", "决策机制", "决策制度", "说明", 40, 38.5,
				  JX_ORIGIN_STATED, 3);
	r->level1_weight = 40;
	assert_non_null(jx_evaluation_add_row(ev, "部门管理", "预算执行", "执行率", "", 60, NAN,
					      JX_ORIGIN_MISSING, 4));
	return ev;
}

/* The content hash of an evaluation without projects or targets is the text
 * schema 1 defined: fields joined by 0x1F, groups ended by 0x1E, numbers in
 * their shortest form, NaN as "". Built here by hand, it must match. */
static void test_store__old_content_hash_unchanged(void **state)
{
	static const char text[] = "甲局\x1f"
				   "2023\x1fself\x1freal\x1f\x1f\x1f\x1e"
				   "\x1f\x1f\x1e"
				   "部门决策\x1f"
				   "40\x1f决策机制\x1f决策制度\x1f说明\x1f"
				   "40\x1f"
				   "38.5\x1fstated\x1e"
				   "部门管理\x1f\x1f预算执行\x1f执行率\x1f\x1f"
				   "60\x1f\x1fmissing\x1e";
	jx_evaluation *ev = dept_eval("甲局", 2023);
	char want[65], got[65];
	jx__buf b;
	(void)state;
	jx__sha256_hex(want, text, sizeof(text) - 1);
	jx__buf_init(&b);
	jx__content_hash(&b, got, ev);
	assert_string_equal(got, want);
	/* a project or a target changes it */
	assert_int_equal(jx_indicator_set_target(&ev->rows[0], 2023, NULL, NULL, "扣分原因"), 0);
	jx__content_hash(&b, got, ev);
	assert_string_not_equal(got, want);
	jx__buf_free(&b);
	jx_evaluation_free(ev);
}

/* Build a version-3 database the way jixiao wrote it before projects, with rows,
 * a warning, an alias and a framework break; opening it migrates to 4 and keeps
 * every row. */
static void test_store__migrates_from_version_3(void **state)
{
	char *dir = tu_mkdtemp(), path[512];
	jx_store *s;
	sqlite3 *db;
	jx_evaluation *ev = NULL;
	jx_eval_summary *v = NULL;
	size_t n = 0;
	(void)state;
	snprintf(path, sizeof(path), "%s/v3.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(jx__store_migrate(db, 0, 3), 0);
	assert_int_equal(
		sqlite3_exec(
			db,
			"INSERT INTO department(id, name) VALUES (1, '旧部门');"
			"INSERT INTO evaluation(id, department_id, year, kind, total_weight,"
			" total_score, grade, provenance, source_name, source_sha256,"
			" content_sha256, imported_at) VALUES (7, 1, 2021, 'self', 100, 90,"
			" '优', 'real', 'old.csv', 'x', 'h7', '2022-01-01T00:00:00Z'),"
			" (8, 1, 2021, 'review', 100, 80, '良', 'real', 'old.csv', 'x', 'h8',"
			" '2022-01-01T00:00:00Z');"
			"INSERT INTO indicator(evaluation_id, seq, level1, level2, level3, key,"
			" explanation, weight, score, score_origin) VALUES"
			" (7, 0, '甲', '乙', '丙', '甲/乙/丙', '', 60, 55, 'stated'),"
			" (7, 1, '甲', '乙', '丁', '甲/乙/丁', '', 40, 35, 'stated'),"
			" (8, 0, '甲', '乙', '丙', '甲/乙/丙', '', 100, 80, 'stated');"
			"INSERT INTO import_warning VALUES (7, 0, 3, '旧警告');"
			"INSERT INTO alias VALUES ('甲/乙/戊', '甲/乙/丁');"
			"INSERT INTO framework_break VALUES (1, 2021, 1);",
			NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);

	s = tu_store_open(path);
	db = jx__store_sqlite(s);
	assert_int_equal(jx_store_opened_version(s), 3);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), JX_SCHEMA_VERSION);
	assert_int_equal(tu_query_int(db, "PRAGMA foreign_keys"), 1); /* on again */
	/* nothing cascaded away when the evaluation table was rebuilt */
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM indicator"), 3);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM import_warning"), 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM alias"), 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM framework_break"), 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM evaluation WHERE project_id IS NULL"
					  " AND content_sha256 = 'h7' AND id = 7"),
			 1);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM indicator WHERE target IS NOT NULL"
					  " OR completion IS NOT NULL"),
			 0);
	/* the department's evaluations stay unique per (year, kind) */
	assert_int_not_equal(
		sqlite3_exec(db,
			     "INSERT INTO evaluation(department_id, year, kind,"
			     " total_weight, total_score, grade, provenance,"
			     " source_name, source_sha256, content_sha256, imported_at)"
			     " VALUES (1, 2021, 'self', 1, 1, '差', 'real', 'a', 'b',"
			     " 'c', 'd')",
			     NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_equal(jx_store_load_evaluation(s, &ev, "旧部门", 2021, JX_KIND_SELF), 0);
	assert_int_equal(ev->nrows, 2);
	assert_null(ev->project);
	assert_null(ev->rows[0].target);
	assert_int_equal(ev->rows[0].completion, JX_DONE_NONE);
	assert_int_equal(ev->nwarnings, 1);
	jx_evaluation_free(ev);
	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_null(v[0].project);
	assert_true(v[0].deducted == 10 && v[1].deducted == 20);
	jx_eval_summaries_free(v, n);
	/* projects can now be stored beside them */
	assert_int_equal(
		import_one(s, project_eval("旧部门", "2021年新项目", 2021, 9), NULL, 0, NULL), 0);
	assert_int_equal(tu_query_int(db, "SELECT count(*) FROM evaluation"), 3);
	jx_store_free(s);
	tu_rmdir(dir);
	free(dir);
}

/* Projects and the department itself side by side: identities, listings, loads. */
static void test_store__project_scopes(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_import_stats st;
	jx_eval_summary *v = NULL;
	jx_evaluation *back = NULL;
	jx_filter f = {NULL, 0, 0, -1, NULL};
	size_t n = 0;
	(void)state;
	assert_int_equal(import_one(s, dept_eval("县教育局", 2023), NULL, 0, &st), 0);
	assert_int_equal(
		import_one(s, project_eval("县教育局", "2023年营养餐补助", 2023, 9), NULL, 0, &st),
		0);
	assert_int_equal(import_one(s, project_eval("县教育局", "校舍维修", 2023, 6), NULL, 0, &st),
			 0);
	assert_int_equal(import_one(s, project_eval("县教育局", "2022年度营养餐补助", 2022, 10),
				    NULL, 0, &st),
			 0);
	/* the same content again is unchanged; other content is refused, naming the project */
	assert_int_equal(
		import_one(s, project_eval("县教育局", "2023年营养餐补助", 2023, 9), NULL, 0, &st),
		0);
	assert_int_equal(st.unchanged, 1);
	assert_int_equal(
		import_one(s, project_eval("县教育局", "2023年营养餐补助", 2023, 8), NULL, 0, &st),
		JX_EEXISTS);
	assert_non_null(strstr(jx_error_last(), "营养餐补助"));

	/* without a project: the department's own evaluation only */
	assert_int_equal(jx_store_list(s, &f, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_null(v[0].project);
	jx_eval_summaries_free(v, n);
	f.project = JX_PROJECT_ALL;
	assert_int_equal(jx_store_list(s, &f, &v, &n), 0);
	assert_int_equal(n, 3);
	/* by project name (year removed), then year */
	assert_string_equal(v[0].project, "校舍维修");
	assert_string_equal(v[1].project, "营养餐补助");
	assert_int_equal(v[1].year, 2022);
	assert_int_equal(v[2].year, 2023);
	assert_true(v[2].total_weight == 100 && v[2].total_score == 89); /* 9 + 30 + 20 + 30 */
	jx_eval_summaries_free(v, n);
	f.project = "营养餐补助";
	assert_int_equal(jx_store_list(s, &f, &v, &n), 0);
	assert_int_equal(n, 2);
	jx_eval_summaries_free(v, n);

	/* a project evaluation loads whole: texts, targets, parsed values, completion */
	assert_int_equal(jx_store_load_project_evaluation(s, &back, "县教育局", "营养餐补助", 2023,
							  JX_KIND_SELF),
			 0);
	assert_string_equal(back->project, "2023年营养餐补助");
	assert_string_equal(back->supervisor, "示例县教育局");
	assert_int_equal(back->nrows, 4);
	assert_true(jx_indicator_is_fund(&back->rows[0]));
	assert_string_equal(back->rows[2].target, "9月前");
	assert_string_equal(back->rows[2].reason, "雨季延误");
	assert_int_equal(back->rows[2].target_q.bound, JX_BOUND_LE);
	assert_true(back->rows[2].target_q.value == 20230900);
	assert_string_equal(back->rows[2].target_q.unit, "date");
	assert_true(back->rows[2].actual_q.value == 20231100);
	assert_int_equal(back->rows[2].completion, JX_DONE_MISSED);
	assert_int_equal(back->rows[1].completion, JX_DONE_MET);
	assert_int_equal(back->rows[3].completion, JX_DONE_MET); /* the same words */
	assert_int_equal(back->rows[0].completion, JX_DONE_NONE);
	jx_evaluation_free(back);
	assert_int_equal(jx_store_load_project_evaluation(s, &back, "县教育局", "营养餐补助", 2021,
							  JX_KIND_SELF),
			 JX_ENOTFOUND);
	jx_store_free(s);
}

/* Listing, finding (whole key, part of it, ambiguous, unknown) and aliases. */
static void test_store__projects_found_and_aliased(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_project_info *p = NULL;
	jx_series *sr = NULL;
	char *key = NULL, **olds, **news;
	size_t n = 0;
	(void)state;
	assert_int_equal(import_one(s, project_eval("县教育局", "2022年营养餐补助", 2022, 10), NULL,
				    0, NULL),
			 0);
	assert_int_equal(import_one(s, project_eval("县教育局", "2023年学生营养餐补助", 2023, 9),
				    NULL, 0, NULL),
			 0);
	assert_int_equal(
		import_one(s, project_eval("县教育局", "校舍维修", 2023, 6), NULL, 0, NULL), 0);
	assert_int_equal(
		import_one(s, project_eval("县卫健委", "营养餐补助", 2023, 8), NULL, 0, NULL), 0);
	assert_int_equal(jx_store_projects(s, &p, &n, "县教育局"), 0);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].name, "学生营养餐补助");
	assert_int_equal(p[0].nyears, 1);
	jx_project_infos_free(p, n);

	assert_int_equal(jx_store_find_project(s, &key, "县教育局", "2021年校舍维修"), 0);
	assert_string_equal(key, "校舍维修");
	free(key);
	assert_int_equal(jx_store_find_project(s, &key, "县教育局", "学生营养"), 0);
	assert_string_equal(key, "学生营养餐补助");
	free(key);
	assert_int_equal(jx_store_find_project(s, &key, "县教育局", "营养"), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "2 projects"));
	assert_int_equal(jx_store_find_project(s, &key, "县教育局", "道路"), JX_ENOTFOUND);
	assert_null(key);

	/* the rename joins the two years: one project, a series of two years */
	assert_int_equal(jx_store_project_alias_add(s, "营养餐补助", "2023年学生营养餐补助"), 0);
	assert_int_equal(jx_store_project_alias_add(s, "学生营养餐补助", "营养餐补助"), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "cycle"));
	assert_int_equal(jx_store_project_alias_list(s, &olds, &news, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(olds[0], "营养餐补助");
	assert_string_equal(news[0], "学生营养餐补助");
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	assert_int_equal(jx_store_projects(s, &p, &n, "县教育局"), 0);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].key, "学生营养餐补助");
	assert_int_equal(p[0].nyears, 2);
	assert_int_equal(p[0].year_first, 2022);
	jx_project_infos_free(p, n);
	assert_int_equal(jx_store_find_project(s, &key, "县教育局", "营养餐补助"), 0);
	assert_string_equal(key, "学生营养餐补助");
	assert_int_equal(jx_store_project_series(s, &sr, "县教育局", key, JX_KIND_SELF, 0, 0), 0);
	assert_int_equal(sr->nyears, 2);
	assert_int_equal(sr->years[0].year, 2022);
	assert_true(sr->years[0].total_score == 90 && sr->years[1].total_score == 89);
	assert_string_equal(sr->project, "学生营养餐补助");
	assert_int_equal(sr->nrows, 8);
	jx_series_free(sr);
	/* the department's own series knows nothing of its projects */
	assert_int_equal(jx_store_series(s, &sr, "县教育局", JX_KIND_SELF, 0, 0), JX_ENOTFOUND);
	free(key);
	assert_int_equal(jx_store_project_alias_remove(s, "营养餐补助"), 0);
	assert_int_equal(jx_store_project_alias_remove(s, "营养餐补助"), JX_ENOTFOUND);
	jx_store_free(s);
}

/* A project's fund block: stored in 元 cents, loaded back, totals by project. */
static void test_store__project_figures_and_totals(void **state)
{
	jx_store *s = tu_store_open(":memory:");
	jx_figures *f = jx_figures_new_project("县教育局", 2023, "2023年校舍维修"), *back = NULL;
	jx_year_total *t = NULL;
	jx_import_stats st;
	int64_t c = 0;
	size_t n = 0;
	(void)state;
	assert_int_equal(jx_figures_set(f, "project_budget", 95000000, 3), 0);
	assert_int_equal(jx_figures_set(f, "project_executed", 57012345, 4), 0);
	assert_int_equal(import_one(s, project_eval("县教育局", "校舍维修", 2023, 6), f, 0, &st),
			 0);
	assert_int_equal(st.figures_added, 1);
	assert_int_equal(jx_store_load_project_figures(s, &back, "县教育局", "校舍维修", 2023), 0);
	assert_int_equal(back->nitems, 2);
	assert_int_equal(jx_figures_get(back, "project_executed", &c), 1);
	assert_true(c == 57012345);
	assert_string_equal(back->project, "校舍维修");
	jx_figures_free(back);
	/* the department has no figures of its own */
	assert_int_equal(jx_store_load_figures(s, &back, "县教育局", 2023), JX_ENOTFOUND);
	assert_int_equal(
		import_one(s, project_eval("县卫健委", "卫生院建设", 2023, 10), NULL, 0, NULL), 0);
	assert_int_equal(
		jx_store_project_year_totals(s, &t, &n, 2023, JX_KIND_SELF, NULL, JX_PROJECT_ALL),
		0);
	assert_int_equal(n, 2);
	assert_string_equal(t[0].project, "卫生院建设"); /* 90 before 86 */
	assert_true(t[0].total_score == 90 && t[1].total_score == 86);
	jx_year_totals_free(t, n);
	assert_int_equal(jx_store_year_totals(s, &t, &n, 2023, JX_KIND_SELF), 0);
	assert_int_equal(n, 0);
	jx_year_totals_free(t, n);
	jx_store_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store__old_content_hash_unchanged),
		cmocka_unit_test(test_store__migrates_from_version_3),
		cmocka_unit_test(test_store__project_scopes),
		cmocka_unit_test(test_store__projects_found_and_aliased),
		cmocka_unit_test(test_store__project_figures_and_totals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
