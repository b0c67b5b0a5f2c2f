/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_export.c -- canonical files round-trip byte for byte; provenance; JSON values.
 *
 * The fixtures in tests/fixtures/csv/ are written in the canonical form
 * (shortest numbers, rows in export order, RFC 4180 quoting only where
 * needed), so importing one and exporting it again must give the same bytes. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include "jixiao.h"
#include "testutil.h"

#define SCORES "tests/fixtures/csv/canonical_scores.csv"
#define FIGURES "tests/fixtures/csv/canonical_figures.csv"
#define REAL_CSV "datasets/real/2023_nanjing_psb_narcotics_detachment.csv"
#define PROJECT_SCORES "tests/fixtures/csv/canonical_project_scores.csv"
#define PROJECT_FIGURES "tests/fixtures/csv/canonical_project_figures.csv"
#define REASONS "tests/fixtures/csv/canonical_reasons.csv"
#define STAFFING "tests/fixtures/csv/canonical_staffing.csv"

/* Import a file from the source tree into s. */
static void import_file(jx_store *s, const char *rel, unsigned flags)
{
	jx_batch *b = NULL;
	if (jx_read_file(&b, tu_src(rel), NULL) != 0)
		fail_msg("%s: %s", rel, jx_error_last());
	if (jx_store_import(s, &b, 1, flags, NULL) != 0)
		fail_msg("import %s: %s", rel, jx_error_last());
	jx_batch_free(b);
}

static jx_store *fresh(void)
{
	jx_store *s = NULL;
	assert_int_equal(jx_store_open(&s, ":memory:", JX_STORE_CREATE), 0);
	return s;
}

typedef int (*export_fn)(jx_store *, FILE *, const jx_filter *, jx_format, int);

static char *export_to_string(jx_store *s, export_fn fn, const jx_filter *f, jx_format fmt, int bom,
			      size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	assert_non_null(out);
	assert_int_equal(fn(s, out, f, fmt, bom), 0);
	assert_int_equal(fclose(out), 0);
	if (len)
		*len = n;
	return buf;
}

static void assert_same_bytes(const char *want, size_t wlen, const char *got, size_t glen)
{
	if (wlen != glen || memcmp(want, got, wlen) != 0)
		fail_msg("export differs from the file:\n--- file (%zu bytes)\n%s\n--- export (%zu "
			 "bytes)\n%s",
			 wlen, want, glen, got);
}

/* Import rel and export what f selects (NULL: everything of departments as a whole). */
static void round_trip_filtered(const char *rel, export_fn fn, const jx_filter *f)
{
	jx_store *s = fresh();
	size_t flen, elen;
	char *file = tu_read(tu_src(rel), &flen), *exp;
	assert_non_null(file);
	import_file(s, rel, 0);
	exp = export_to_string(s, fn, f, JX_FMT_CSV, 0, &elen);
	assert_same_bytes(file, flen, exp, elen);
	free(exp);
	free(file);
	jx_store_free(s);
}

static void round_trip(const char *rel, export_fn fn)
{
	round_trip_filtered(rel, fn, NULL);
}

static void test_export__scores_round_trip(void **state)
{
	(void)state;
	round_trip(SCORES, jx_export_scores);
}

static void test_export__figures_round_trip(void **state)
{
	(void)state;
	round_trip(FIGURES, jx_export_figures);
}

static void test_export__real_transcription_round_trip(void **state)
{
	jx_store *s = fresh();
	jx_eval_summary *v = NULL;
	size_t n = 0;
	(void)state;
	round_trip(REAL_CSV, jx_export_scores);
	/* and its totals are the report's: 36 rows, 100 / 98, one inferred score */
	import_file(s, REAL_CSV, 0);
	assert_int_equal(jx_store_list(s, NULL, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].department, "南京市公安局禁毒支队");
	assert_int_equal(v[0].year, 2023);
	assert_int_equal(v[0].nrows, 36);
	assert_true(v[0].total_weight == 100 && v[0].total_score == 98 && v[0].deducted == 2);
	assert_int_equal(v[0].ninferred, 1);
	assert_int_equal(v[0].nmissing, 0);
	assert_string_equal(v[0].grade, "优");
	assert_int_equal(v[0].provenance, JX_PROV_REAL);
	jx_eval_summaries_free(v, n);
	jx_store_free(s);
}

/* Project evaluations with target, actual and reason (a reason quoted for its comma),
 * and project figures in 元, come back byte for byte under --project all; a
 * department evaluation's reasons too, with only the reason column. */
static void test_export__project_columns_round_trip(void **state)
{
	jx_filter all = {NULL, 0, 0, -1, JX_PROJECT_ALL};
	(void)state;
	round_trip_filtered(PROJECT_SCORES, jx_export_scores, &all);
	round_trip_filtered(PROJECT_FIGURES, jx_export_figures, &all);
	round_trip(REASONS, jx_export_scores);
}

/* The staffing column (after reason): the evaluation's staffing sentences on each of its
 * rows, quoted for a comma and a line break, empty for 2022 which states none; byte for
 * byte back, stored once per evaluation; JSON null where there is none; not written when
 * no selected evaluation has staffing (2022 alone). */
static void test_export__staffing_column_round_trip(void **state)
{
	jx_store *s = fresh();
	jx_evaluation *ev = NULL;
	jx_filter y2022 = {NULL, 2022, 2022, -1, NULL};
	char *out;
	(void)state;
	round_trip(STAFFING, jx_export_scores);
	import_file(s, STAFFING, 0);
	assert_int_equal(jx_store_load_evaluation(s, &ev, "示例市文化局", 2023, JX_KIND_SELF), 0);
	assert_string_equal(ev->staffing,
			    "实有在职人员 41 人, 离退休人员 9 人。\n公务用车编制数为 2 辆。");
	jx_evaluation_free(ev);
	assert_int_equal(jx_store_load_evaluation(s, &ev, "示例市文化局", 2022, JX_KIND_SELF), 0);
	assert_null(ev->staffing);
	jx_evaluation_free(ev);
	out = export_to_string(s, jx_export_scores, NULL, JX_FMT_JSON, 0, NULL);
	assert_non_null(strstr(out, "\"reason\": \"执行偏慢\", \"staffing\": null, "));
	assert_non_null(
		strstr(out, "\"staffing\": \"实有在职人员 41 人, 离退休人员 9 人。\\n公务用车"));
	free(out);
	out = export_to_string(s, jx_export_scores, &y2022, JX_FMT_CSV, 0, NULL);
	assert_non_null(strstr(out, "\n" JX_CSV_SCORES_HEADER ",reason\n"));
	assert_null(strstr(out, "staffing"));
	free(out);
	jx_store_free(s);
}

/* Without a project filter nothing of a project is written: the header has no
 * project column and no row; the department file is unchanged beside projects. */
static void test_export__projects_apart_from_departments(void **state)
{
	jx_store *s = fresh();
	jx_filter one = {NULL, 0, 0, -1, "校舍维修改造资金"};
	char *out, *file;
	size_t flen, elen;
	(void)state;
	import_file(s, PROJECT_SCORES, 0);
	import_file(s, SCORES, 0);
	file = tu_read(tu_src(SCORES), &flen);
	out = export_to_string(s, jx_export_scores, NULL, JX_FMT_CSV, 0, &elen);
	assert_same_bytes(file, flen, out, elen);
	free(out);
	free(file);
	/* one project: its 10 rows (2022, 2023) only, the target/actual/reason columns present */
	out = export_to_string(s, jx_export_scores, &one, JX_FMT_CSV, 0, NULL);
	assert_non_null(strstr(out, "score_origin,project,target,actual,reason\n"));
	assert_null(strstr(out, "义务教育"));
	assert_non_null(strstr(out, ",校舍维修改造资金,2023年8月底前,2023年11月,雨季延误工期\n"));
	{
		size_t lines = 0;
		for (const char *p = out; *p; p++)
			lines += *p == '\n';
		assert_int_equal(lines, 2 + 5 + 5);
	}
	free(out);
	/* JSON of its 2023 rows: the optional fields, null where a row has none */
	one.year_from = one.year_to = 2023;
	out = export_to_string(s, jx_export_scores, &one, JX_FMT_JSON, 0, NULL);
	{
		json_error_t err;
		json_t *j = json_loads(out, 0, &err), *r0, *r2;
		assert_non_null(j);
		assert_int_equal(json_array_size(j), 5);
		r0 = json_array_get(j, 0);
		r2 = json_array_get(j, 2);
		assert_string_equal(json_string_value(json_object_get(r0, "project")),
				    "校舍维修改造资金");
		assert_true(json_is_null(json_object_get(r0, "target")));
		assert_string_equal(json_string_value(json_object_get(r2, "reason")),
				    "雨季延误工期");
		assert_string_equal(json_string_value(json_object_get(r2, "provenance")),
				    "synthetic");
		json_decref(j);
	}
	free(out);
	jx_store_free(s);
}

static void test_export__filters_and_bom(void **state)
{
	jx_store *s = fresh();
	jx_filter f = {"示例市交通局", 2022, 2022, JX_KIND_REVIEW, NULL};
	char *out;
	(void)state;
	import_file(s, SCORES, 0);
	out = export_to_string(s, jx_export_scores, &f, JX_FMT_CSV, 1, NULL);
	assert_string_equal(out,
			    "\xEF\xBB\xBF# provenance: synthetic\n"
			    "department,year,kind,level1,level2,level3,explanation,weight,score,"
			    "score_origin\n"
			    "示例市交通局,2022,review,投入,目标设定,绩效目标合理性,,50,45,stated\n"
			    "示例市交通局,2022,review,产出,产出数量,完成率,,50,40.5,stated\n");
	free(out);
	/* nothing selected: header only */
	f.department = "无此部门";
	out = export_to_string(s, jx_export_scores, &f, JX_FMT_CSV, 0, NULL);
	assert_string_equal(out, JX_CSV_SCORES_HEADER ",provenance\n");
	free(out);
	jx_store_free(s);
}

static void test_export__mixed_provenance_column(void **state)
{
	jx_store *s = fresh(), *again = fresh();
	char *out, *out2, path[600], *dir = tu_mkdtemp();
	size_t len, len2;
	jx_batch *b = NULL;
	(void)state;
	import_file(s, SCORES, 0);   /* synthetic */
	import_file(s, REAL_CSV, 0); /* real */
	out = export_to_string(s, jx_export_scores, NULL, JX_FMT_CSV, 0, &len);
	/* no comment line: the provenance is a column, row by row */
	assert_true(strncmp(out, JX_CSV_SCORES_HEADER ",provenance\n",
			    strlen(JX_CSV_SCORES_HEADER ",provenance\n")) == 0);
	assert_null(strstr(out, "# provenance"));
	/* 南 (U+5357) sorts before 示 (U+793A): the real rows come first */
	assert_non_null(
		strstr(out, "\n南京市公安局禁毒支队,2023,self,部门决策,决策机制,决策制度的科学性,"
			    "部门是否建立了决策制度，决策制度是否符合上级要求，是否科学可行。,2,2,"
			    "stated,real\n"));
	assert_non_null(
		strstr(out, "\n示例市教育局,2023,self,部门决策,决策机制,决策制度的科学性,,100,0.5,"
			    "stated,synthetic\n"));
	/* that export is canonical too: import it elsewhere, export, same bytes */
	snprintf(path, sizeof(path), "%s/mixed.csv", dir);
	assert_int_equal(tu_write(path, out, len), 0);
	assert_int_equal(jx_read_file(&b, path, NULL), 0);
	assert_int_equal(b->nevals, 5);
	assert_int_equal(jx_store_import(again, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
	out2 = export_to_string(again, jx_export_scores, NULL, JX_FMT_CSV, 0, &len2);
	assert_same_bytes(out, len, out2, len2);
	free(out);
	free(out2);
	tu_rmdir(dir);
	free(dir);
	jx_store_free(s);
	jx_store_free(again);
}

static json_t *parse_json(const char *text)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	if (!root)
		fail_msg("invalid JSON at line %d: %s\n%s", err.line, err.text, text);
	assert_true(json_is_array(root));
	return root;
}

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}
static double jnum(json_t *o, const char *k)
{
	return json_number_value(json_object_get(o, k));
}

static void test_export__json_is_valid_with_values(void **state)
{
	jx_store *s = fresh();
	json_t *root, *row;
	char *out;
	(void)state;
	import_file(s, SCORES, 0);
	import_file(s, FIGURES, 0);
	out = export_to_string(s, jx_export_scores, NULL, JX_FMT_JSON, 0, NULL);
	root = parse_json(out);
	assert_int_equal(json_array_size(root), 10);
	row = json_array_get(root, 0);
	assert_string_equal(jstr(row, "department"), "示例市交通局");
	assert_true(json_integer_value(json_object_get(row, "year")) == 2022);
	assert_string_equal(jstr(row, "kind"), "self");
	assert_string_equal(jstr(row, "level3"), "绩效目标合理性");
	assert_string_equal(jstr(row, "explanation"), "依据充分,符合职能");
	assert_true(jnum(row, "weight") == 10 && jnum(row, "score") == 9.5);
	assert_string_equal(jstr(row, "score_origin"), "stated");
	assert_string_equal(jstr(row, "provenance"), "synthetic");
	row = json_array_get(root, 1);
	assert_string_equal(jstr(row, "level3"), "“三公”经费变动率");
	assert_string_equal(jstr(row, "explanation"), "含\"引号\"的解释");
	row = json_array_get(root, 2);
	assert_string_equal(jstr(row, "explanation"), "第一行\n第二行");
	assert_true(json_is_null(json_object_get(row, "score")));
	assert_string_equal(jstr(row, "score_origin"), "missing");
	row = json_array_get(root, 4);
	assert_true(jnum(row, "score") == 28.25);
	row = json_array_get(root, 5);
	assert_string_equal(jstr(row, "kind"), "review"); /* self before review within a year */
	json_decref(root);
	free(out);

	out = export_to_string(s, jx_export_figures, NULL, JX_FMT_JSON, 0, NULL);
	root = parse_json(out);
	assert_int_equal(json_array_size(root), 10);
	row = json_array_get(root, 0);
	assert_string_equal(jstr(row, "item"), "budget_total");
	assert_true(jnum(row, "value") == 3087.55);
	assert_string_equal(jstr(row, "unit"), "万元");
	row = json_array_get(root, 3);
	assert_string_equal(jstr(row, "item"), "income_other");
	assert_true(jnum(row, "value") == 0.05);
	row = json_array_get(root, 5);
	assert_string_equal(jstr(row, "item"), "staff_in_post");
	assert_true(jnum(row, "value") == 59);
	assert_string_equal(jstr(row, "unit"), "人");
	row = json_array_get(root, 9);
	assert_string_equal(jstr(row, "department"), "示例市教育局");
	assert_true(jnum(row, "value") == 12345678.9);
	json_decref(root);
	free(out);

	/* an empty selection is an empty array */
	{
		jx_filter f = {"无此部门", 0, 0, -1, NULL};
		out = export_to_string(s, jx_export_scores, &f, JX_FMT_JSON, 0, NULL);
		root = parse_json(out);
		assert_int_equal(json_array_size(root), 0);
		json_decref(root);
		free(out);
	}
	jx_store_free(s);
}

/* CSV meant for spreadsheets (--bom) neutralises text a spreadsheet would evaluate (OWASP: a
 * leading ' inside the field); numbers stay numbers; the plain format keeps the bytes. */
static void test_export__bom_neutralises_formulas(void **state)
{
	static const char *const rows =
		"\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",2023,self,+SUM(1),-2+3,"
		"@cmd,=1+1,60,50,stated\n"
		"\"=HYPERLINK(\"\"http://"
		"example.invalid\"\",\"\"x\"\")\",2023,self,决策,机制,普通指标,"
		"-负号开头的说明,40,40,stated\n";
	static const char *const safe_rows =
		"\"'=HYPERLINK(\"\"http://"
		"example.invalid\"\",\"\"x\"\")\",2023,self,'+SUM(1),'-2+3,"
		"'@cmd,'=1+1,60,50,stated\n"
		"\"'=HYPERLINK(\"\"http://"
		"example.invalid\"\",\"\"x\"\")\",2023,self,决策,机制,普通指标,"
		"'-负号开头的说明,40,40,stated\n";
	jx_store *s = fresh();
	char *plain, *bom, want[2048];
	(void)state;
	import_file(s, "tests/outputs/formula_cells.csv", 0);
	plain = export_to_string(s, jx_export_scores, NULL, JX_FMT_CSV, 0, NULL);
	snprintf(want, sizeof(want), "# provenance: synthetic\n%s\n%s", JX_CSV_SCORES_HEADER, rows);
	assert_string_equal(plain, want);
	bom = export_to_string(s, jx_export_scores, NULL, JX_FMT_CSV, 1, NULL);
	snprintf(want, sizeof(want), "\xEF\xBB\xBF# provenance: synthetic\n%s\n%s",
		 JX_CSV_SCORES_HEADER, safe_rows);
	assert_string_equal(bom, want);
	free(plain);
	free(bom);
	jx_store_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export__bom_neutralises_formulas),
		cmocka_unit_test(test_export__scores_round_trip),
		cmocka_unit_test(test_export__figures_round_trip),
		cmocka_unit_test(test_export__real_transcription_round_trip),
		cmocka_unit_test(test_export__project_columns_round_trip),
		cmocka_unit_test(test_export__staffing_column_round_trip),
		cmocka_unit_test(test_export__projects_apart_from_departments),
		cmocka_unit_test(test_export__filters_and_bom),
		cmocka_unit_test(test_export__mixed_provenance_column),
		cmocka_unit_test(test_export__json_is_valid_with_values),
	};
	jx_init();
	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
