/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_sheets.c -- Excel workbooks through the .xlsx reader and the recogniser.
 *
 * Fixtures from tests/fixtures/docs/make_fixtures.py (openpyxl, LibreOffice,
 * a hand-written workbook); the values are those written next to each sheet
 * there. Streaming is tested on the same files by lowering the size above
 * which a sheet is streamed, so both paths must give the same evaluations. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "jixiao.h"
#include "ingest/internal.h"
#include "testutil.h"

static jx_batch *read_fixture(const char *name)
{
	jx_batch *b = NULL;
	char rel[256];
	snprintf(rel, sizeof(rel), "tests/fixtures/docs/%s", name);
	if (jx_read_file(&b, tu_src(rel), NULL) != 0)
		fail_msg("%s: %s", name, jx_error_last());
	return b;
}

static const jx_indicator *row_named(const jx_evaluation *ev, const char *l3)
{
	for (size_t i = 0; i < ev->nrows; i++)
		if (!strcmp(ev->rows[i].level3, l3))
			return &ev->rows[i];
	fail_msg("no row %s", l3);
	return NULL;
}

static void check_scores(const jx_batch *b)
{
	const jx_evaluation *ev;
	assert_int_equal(b->nevals, 1);
	ev = b->evals[0];
	assert_string_equal(ev->department, "示例市水务局");
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(ev->nrows, 4); /* the hidden sheet's row is not read */
	/* 0.1 + 0.2 + 9.4 is stored as 9.700000000000001 and shown as 9.7 */
	assert_true(row_named(ev, "预算执行率")->score == 9.7);
	assert_string_equal(row_named(ev, "资金合规性")->level1, "投入");
	assert_string_equal(row_named(ev, "资金合规性")->level2, "预算");
	assert_true(row_named(ev, "水质合格率")->level1_weight == 80);
	assert_int_equal(row_named(ev, "水质合格率")->line, 7); /* its sheet row */
	/* the cached values of =SUM(E4:E7) and =SUM(F4:F7) */
	assert_true(ev->total_weight == 100 && fabs(ev->total_score - 94.4) < 1e-9);
	assert_int_equal(ev->nwarnings, 0);
}

static void test_sheets__merged_cells_cached_formulas_and_15_digits(void **state)
{
	jx_batch *b = read_fixture("scores.xlsx");
	(void)state;
	check_scores(b);
	jx_batch_free(b);
}

static void test_sheets__a_streamed_sheet_reads_the_same(void **state)
{
	size_t keep = jx__xlsx_stream_bytes;
	jx_batch *b;
	(void)state;
	jx__xlsx_stream_bytes = 0; /* every sheet streamed: no merges, blanks carry down */
	b = read_fixture("scores.xlsx");
	jx__xlsx_stream_bytes = keep;
	check_scores(b);
	jx_batch_free(b);
}

static void test_sheets__places_name_the_sheet_and_cell(void **state)
{
	jx_read_options o = jx_read_options_default();
	jx_batch *b = NULL;
	(void)state;
	o.describe = 1;
	assert_int_equal(jx_read_file(&b, tu_src("tests/fixtures/docs/scores.xlsx"), &o), 0);
	assert_non_null(
		strstr(b->evals[0]->reading,
		       "列 A → 一级指标, 列 B → 二级指标, 列 C → 三级指标, 列 D → 指标解释, "
		       "列 E → 分值, 列 F → 得分"));
	assert_non_null(strstr(b->evals[0]->reading,
			       "评分表!F7: 产出 / 质量 / 水质合格率: 分值 30, "
			       "得分 28"));
	assert_non_null(strstr(b->evals[0]->reading, "旧表 is a hidden sheet: not read"));
	jx_batch_free(b);
	assert_int_equal(jx_read_file(&b, tu_src("tests/fixtures/docs/formula.xlsx"), NULL),
			 JX_EPARSE);
	assert_non_null(strstr(jx_error_last(),
			       "formula.xlsx:评分表!E5: 得分: a formula (=SUM(E3:E4)) without a "
			       "computed value; open the file in Excel or WPS and save it again"));
}

static void check_register(const jx_batch *b)
{
	assert_int_equal(b->nevals, 3);
	assert_string_equal(b->evals[0]->department, "示例市甲局");
	assert_int_equal(b->evals[0]->kind, JX_KIND_SELF);
	assert_int_equal(b->evals[0]->year, 2022);
	assert_true(jx_evaluation_score_sum(b->evals[0]) == 90);
	assert_string_equal(b->evals[1]->department, "示例市甲局"); /* carried down */
	assert_int_equal(b->evals[1]->kind, JX_KIND_REVIEW);
	assert_true(jx_evaluation_score_sum(b->evals[1]) == 85);
	assert_true(b->evals[1]->rows[1].score == 50);
	assert_string_equal(b->evals[2]->department, "示例市乙局");
	assert_int_equal(b->evals[2]->year, 2023); /* "2023年" */
	assert_true(b->evals[2]->rows[0].score == 97);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(b->evals[i]->provenance, JX_PROV_SYNTHETIC);
		assert_int_equal(b->evals[i]->nwarnings, 0); /* no 合计 in a register: no warning */
	}
}

static void test_sheets__a_register_gives_one_evaluation_per_department_year_kind(void **state)
{
	size_t keep = jx__xlsx_stream_bytes;
	jx_batch *b = read_fixture("register.xlsx");
	(void)state;
	check_register(b);
	jx_batch_free(b);
	jx__xlsx_stream_bytes = 0;
	b = read_fixture("register.xlsx");
	jx__xlsx_stream_bytes = keep;
	check_register(b);
	jx_batch_free(b);
}

/* The sink gets each evaluation of a register as soon as the next row belongs to another. */
typedef struct {
	int seen;
	char order[256];
} sink_log;

static int log_evaluation(void *ctx, jx_evaluation *ev)
{
	sink_log *l = ctx;
	size_t n = strlen(l->order);
	snprintf(l->order + n, sizeof(l->order) - n, "%s%d%s;", ev->department, ev->year,
		 jx_kind_name(ev->kind));
	l->seen++;
	return 0;
}

static void test_sheets__a_register_streams_through_the_sink(void **state)
{
	sink_log l = {0, ""};
	jx_read_sink sink = {log_evaluation, NULL, &l};
	char sha[65];
	(void)state;
	assert_int_equal(
		jx_read_file_stream(tu_src("tests/fixtures/docs/register.xlsx"), NULL, &sink, sha),
		0);
	assert_int_equal(l.seen, 3);
	assert_string_equal(l.order, "示例市甲局2022self;示例市甲局2022review;示例市乙局2023self;");
	assert_int_equal(strlen(sha), 64);
}

static void test_sheets__inline_and_rich_strings_booleans_and_errors(void **state)
{
	jx_batch *b = read_fixture("inline.xlsx");
	jx_doc *d = NULL;
	char *data;
	size_t len;
	const jx_doc_table *t = NULL;
	(void)state;
	assert_string_equal(b->evals[0]->department, "示例市测试中心");
	assert_int_equal(b->evals[0]->nrows, 2);
	/* a shared string of two runs, its phonetic guide dropped */
	assert_string_equal(b->evals[0]->rows[0].level3, "资金使用规范性");
	assert_true(b->evals[0]->rows[0].score == 55);
	assert_true(b->evals[0]->rows[1].weight == 40); /* stored as 4.0E1 */
	assert_string_equal(b->evals[0]->rows[1].level1, "管理");
	jx_batch_free(b);
	data = tu_read(tu_src("tests/fixtures/docs/inline.xlsx"), &len);
	assert_int_equal(jx_xlsx_load(&d, "inline.xlsx", data, len), 0);
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == JX_BLOCK_TABLE)
			t = d->blocks[i].table;
	assert_non_null(t);
	assert_string_equal(t->sheet, "Sheet1");
	assert_string_equal(jx_doc_table_text(t, 3, 5), "TRUE"); /* F4, t="b" */
	assert_string_equal(jx_doc_table_text(t, 4, 5), "#N/A"); /* F5, t="e" */
	assert_int_equal(jx_doc_table_slot(t, 4, 5)->origin.row, 5);
	assert_int_equal(jx_doc_table_slot(t, 4, 5)->origin.col, 6);
	jx_doc_free(d);
	free(data);
}

/* Cells formatted as percentages are read as Excel shows them: 0.2 as 20%; a format with a
 * quoted % ("0\"%\"") shows a literal % and is not one (make_fixtures.py, percent_xlsx). */
static void test_sheets__percent_formats_read_as_shown(void **state)
{
	jx_batch *b = read_fixture("percent.xlsx");
	const jx_evaluation *ev;
	(void)state;
	assert_int_equal(b->nevals, 1);
	ev = b->evals[0];
	assert_string_equal(ev->department, "示例市统计局");
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(ev->nrows, 3);
	assert_true(row_named(ev, "预算执行率")->weight == 20); /* "0%" (built-in 9) */
	assert_true(row_named(ev, "完成率")->weight == 50);     /* "0.00%" (built-in 10) */
	assert_true(row_named(ev, "群众满意度")->weight == 30); /* custom "0.0%" */
	assert_true(row_named(ev, "预算执行率")->score == 18);  /* 0"%": not 1800 */
	assert_true(row_named(ev, "群众满意度")->score == 27.25);
	assert_true(ev->total_weight == 100 && ev->total_score == 92.75);
	assert_int_equal(ev->nwarnings, 0); /* 20 + 50 + 30 = 100 and 18 + 47.5 + 27.25 = 92.75 */
	jx_batch_free(b);
}

/* A bare 0.85 among percentages is refused at its cell, whether the header says % or the
 * other values (95, 88, 100) do: read as 0.85 it would silently be 0.85%. */
static void test_sheets__a_bare_fraction_among_percentages_is_refused(void **state)
{
	static const char *const files[] = {"fraction_header.xlsx", "fraction_values.xlsx"};
	(void)state;
	for (int i = 0; i < 2; i++) {
		char rel[128], want[256];
		jx_batch *b = NULL;
		snprintf(rel, sizeof(rel), "tests/fixtures/docs/%s", files[i]);
		assert_int_equal(jx_read_file(&b, tu_src(rel), NULL), JX_EPARSE);
		assert_null(b);
		snprintf(want, sizeof(want),
			 "%s:评分表!F5: 0.85 is a fraction in a column of percentages", files[i]);
		if (!strstr(jx_error_last(), want))
			fail_msg("%s: %s", files[i], jx_error_last());
		assert_non_null(strstr(jx_error_last(), "type 85%"));
	}
}

/* A % column that holds fractions throughout is consistent, not a slip: it imports, the
 * scores as they are (the fixture's docstring gives 38, 25, 27 and 90). */
static void test_sheets__a_column_of_fractions_is_read_as_it_is(void **state)
{
	jx_batch *b = read_fixture("fraction_column.xlsx");
	const jx_evaluation *ev;
	(void)state;
	assert_int_equal(b->nevals, 1);
	ev = b->evals[0];
	assert_string_equal(ev->department, "示例市档案局");
	assert_int_equal(ev->nrows, 3);
	assert_true(row_named(ev, "档案数字化率")->score == 38);
	assert_true(row_named(ev, "档案完好率")->score == 25);
	assert_true(row_named(ev, "查档满意度")->score == 27);
	assert_true(ev->total_weight == 100 && ev->total_score == 90);
	jx_batch_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheets__merged_cells_cached_formulas_and_15_digits),
		cmocka_unit_test(test_sheets__a_streamed_sheet_reads_the_same),
		cmocka_unit_test(test_sheets__places_name_the_sheet_and_cell),
		cmocka_unit_test(
			test_sheets__a_register_gives_one_evaluation_per_department_year_kind),
		cmocka_unit_test(test_sheets__a_register_streams_through_the_sink),
		cmocka_unit_test(test_sheets__inline_and_rich_strings_booleans_and_errors),
		cmocka_unit_test(test_sheets__percent_formats_read_as_shown),
		cmocka_unit_test(test_sheets__a_bare_fraction_among_percentages_is_refused),
		cmocka_unit_test(test_sheets__a_column_of_fractions_is_read_as_it_is),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
