/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_paste.c -- tables pasted as text (Word/Excel/browser copies, `|` tables, columns
 * aligned with spaces) through the recogniser.
 *
 * The fixtures in tests/fixtures/paste are hand-made, synthetic, and say in their first
 * lines how each was copied; the numbers expected below are the ones typed into them
 * (weights, scores, the 合计 row), so each case checks the reading against the table as
 * a person sees it. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "ingest/internal.h"
#include "jixiao.h"
#include "testutil.h"

#define FIX "tests/fixtures/paste/"

static jx_batch *read_fixture(const char *name)
{
	jx_batch *b = NULL;
	if (jx_read_file(&b, tu_src(name), NULL) != 0)
		fail_msg("%s: %s", name, jx_error_last());
	return b;
}

/* ev has n rows with these keys, weights and scores. */
static void rows_are(const jx_evaluation *ev, size_t n, const char *const *keys,
		     const double *weights, const double *scores)
{
	assert_int_equal(ev->nrows, n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ev->rows[i].key, keys[i]) != 0)
			fail_msg("row %zu: key %s, not %s", i, ev->rows[i].key, keys[i]);
		assert_true(ev->rows[i].weight == weights[i]);
		assert_true(ev->rows[i].score == scores[i]);
		assert_int_equal(ev->rows[i].origin, JX_ORIGIN_STATED);
	}
}

static void test_paste__detected_by_content(void **state)
{
	static const struct {
		const char *file;
		jx_input_format want;
	} cases[] = {
		{FIX "word_tabs.txt", JX_INPUT_TABLE},
		{FIX "browser_rowspan.txt", JX_INPUT_TABLE},
		{FIX "markdown_pipes.md", JX_INPUT_TABLE},
		{FIX "layout_spaces.txt", JX_INPUT_TABLE},
		/* published reports, whose tables are a part of their prose, stay reports */
		{"datasets/real/2023_nanjing_psb_narcotics_detachment.txt", JX_INPUT_REPORT},
		{"tests/fixtures/report/spaces.txt", JX_INPUT_REPORT},
		{"tests/bad/fuzz_report_year_overflow.txt", JX_INPUT_REPORT}, /* `||` in prose */
		{"datasets/real/2023_nanjing_psb_narcotics_detachment.csv", JX_INPUT_CSV_SCORES},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		size_t len;
		char *text = tu_read(tu_src(cases[i].file), &len);
		assert_non_null(text);
		if (jx_input_detect(text, len) != cases[i].want)
			fail_msg("%s: detected as %s", cases[i].file,
				 jx_input_format_name(jx_input_detect(text, len)));
		free(text);
	}
}

/* Word to Notepad: tabs, merged cells as empty fields, CRLF, a trailing tab trimmed. */
static void test_paste__word_tabs(void **state)
{
	static const char *const keys[] = {
		"决策/目标设定/绩效目标合理性", "决策/目标设定/绩效目标明确性",
		"过程/资金管理/预算执行率",     "过程/资金管理/资金使用合规性",
		"产出/产出数量/绿化养护面积",   "效益/满意度/群众满意度"};
	static const double w[] = {10, 10, 15, 15, 30, 20}, s[] = {10, 9, 13.5, 15, 28, 19};
	jx_batch *b = read_fixture(FIX "word_tabs.txt");
	const jx_evaluation *ev = b->evals[0];
	(void)state;
	assert_int_equal(b->nevals, 1);
	assert_string_equal(ev->department, "示例市园林绿化局");
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->kind, JX_KIND_SELF);
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	rows_are(ev, 6, keys, w, s);
	assert_true(ev->rows[0].level1_weight == 20 && ev->rows[2].level1_weight == 30);
	assert_true(ev->total_weight == 100 && ev->total_score == 94.5);
	assert_int_equal(ev->rows[1].line, 7); /* lines of the file */
	jx_batch_free(b);
}

/* A browser drops the cells a rowspan covers (here after 序号), and a 合计 colspan. */
static void test_paste__browser_rowspan_self_and_review(void **state)
{
	static const char *const keys[] = {
		"决策/目标设定/绩效目标合理性", "决策/目标设定/绩效目标明确性",
		"过程/资金管理/预算执行率",     "过程/资金管理/资金使用合规性",
		"产出/产出数量/绿化养护面积",   "产出/产出质量/养护达标率",
		"效益/满意度/群众满意度"};
	static const double w[] = {10, 10, 20, 20, 20, 10, 10};
	static const double self[] = {10, 10, 18, 20, 19, 10, 9},
			    review[] = {9, 10, 17, 19, 18, 9, 9};
	jx_batch *b = read_fixture(FIX "browser_rowspan.txt");
	(void)state;
	assert_int_equal(b->nevals, 2);
	assert_int_equal(b->evals[0]->kind, JX_KIND_SELF);
	assert_int_equal(b->evals[1]->kind, JX_KIND_REVIEW);
	for (int k = 0; k < 2; k++) {
		assert_string_equal(b->evals[k]->department, "示例市园林绿化局");
		assert_int_equal(b->evals[k]->year, 2022);
		rows_are(b->evals[k], 7, keys, w, k ? review : self);
		assert_true(b->evals[k]->total_weight == 100);
	}
	assert_true(b->evals[0]->total_score == 96 && b->evals[1]->total_score == 91);
	jx_batch_free(b);
}

/* `|` rows with a `|---|` rule, label weights, an explanation column, a self-score. */
static void test_paste__markdown_pipes(void **state)
{
	static const char *const keys[] = {
		"投入/预算编制/预算编制科学性", "投入/资金落实/资金到位率",
		"产出/产出数量/档案数字化数量", "产出/产出时效/完成及时性",
		"效益/社会效益/查档服务满意度"};
	static const double w[] = {10, 15, 25, 20, 30}, s[] = {8, 15, 20, 18, 27};
	jx_batch *b = read_fixture(FIX "markdown_pipes.md");
	const jx_evaluation *ev = b->evals[0];
	int64_t self = 0;
	(void)state;
	assert_string_equal(ev->department, "示例市档案馆");
	assert_int_equal(ev->year, 2024);
	rows_are(ev, 5, keys, w, s);
	assert_string_equal(ev->rows[1].explanation, "到位资金/计划资金");
	assert_true(ev->rows[0].level1_weight == 25 && ev->rows[2].level1_weight == 45);
	assert_true(ev->total_score == 88);
	assert_non_null(jx_figures_get(b->figs[0], "self_score", &self));
	assert_int_equal(self, 8800);
	jx_batch_free(b);
}

/* Columns aligned with spaces (a copy out of a PDF): empty cells vanish, rows are placed. */
static void test_paste__layout_spaces(void **state)
{
	static const char *const keys[] = {
		"投入/预算编制/预算编制科学性", "投入/预算编制/预算编制完整性",
		"过程/预算执行/预算执行率", "过程/资金管理/资金使用合规性",
		"产出/产出数量/统计调查完成数"};
	static const double w[] = {10, 10, 20, 20, 40}, s[] = {10, 9, 19, 20, 37};
	jx_batch *b = read_fixture(FIX "layout_spaces.txt");
	(void)state;
	assert_string_equal(b->evals[0]->department, "示例市统计局");
	rows_are(b->evals[0], 5, keys, w, s);
	assert_true(b->evals[0]->total_score == 95);
	jx_batch_free(b);
}

/* Where the cells of short rows land in the grid. */
static void test_paste__short_rows_placed_by_content(void **state)
{
	static const char text[] = "序号\t一级指标\t二级指标\t三级指标\t分值\t得分\t扣分原因\n"
				   "1\t决策\t目标\t甲\t10\t9\t少\n"
				   "2\t乙\t10\t10\n" /* 一级, 二级 merged: after 序号 */
				   "二、产出\t\n"    /* a label row: stays on the left */
				   "3\t丙\t丁\t戊\t80\t80\n" /* the empty reason trimmed */
				   "合计\t100\t99\n"         /* a colspan over the names, trimmed */
				   "一、说明\n";             /* no tab: a paragraph */
	jx_doc *d = NULL;
	const jx_doc_table *t;
	(void)state;
	assert_int_equal(jx__paste_read(&d, "p.txt", text, strlen(text)), 0);
	assert_int_equal(d->nblocks, 2); /* the table, the paragraph */
	assert_int_equal(d->blocks[1].kind, JX_BLOCK_PARAGRAPH);
	assert_string_equal(d->blocks[1].text, "一、说明");
	t = d->blocks[0].table;
	assert_int_equal(t->ncols, 7);
	assert_string_equal(jx_doc_table_text(t, 2, 0), "2");
	assert_string_equal(jx_doc_table_text(t, 2, 1), "");
	assert_string_equal(jx_doc_table_text(t, 2, 3), "乙");
	assert_string_equal(jx_doc_table_text(t, 2, 4), "10");
	assert_string_equal(jx_doc_table_text(t, 2, 5), "10");
	assert_int_equal(jx_doc_table_slot(t, 2, 3)->origin.line, 3);
	assert_string_equal(jx_doc_table_text(t, 3, 0), "二、产出");
	assert_string_equal(jx_doc_table_text(t, 4, 3), "戊");
	assert_string_equal(jx_doc_table_text(t, 4, 5), "80");
	assert_string_equal(jx_doc_table_text(t, 4, 6), "");
	assert_string_equal(jx_doc_table_text(t, 5, 3), "合计"); /* the last name column */
	assert_string_equal(jx_doc_table_text(t, 5, 4), "100");
	assert_string_equal(jx_doc_table_text(t, 5, 5), "99");
	assert_string_equal(jx_doc_table_text(t, 5, 6), "");
	jx_doc_free(d);
}

/* A grid is dense: 40 000 rows of 64 cells (5 MB of text) is more than a pasted table
 * may make, refused before it is allocated. */
static void test_paste__too_large_refused(void **state)
{
	size_t rows = 40000, n = 0;
	char *text = malloc(rows * 128 + 1);
	jx_doc *d = (jx_doc *)1;
	(void)state;
	assert_non_null(text);
	for (size_t r = 0; r < rows; r++) {
		for (int c = 0; c < 64; c++) {
			text[n++] = 'x';
			text[n++] = c < 63 ? '\t' : '\n';
		}
	}
	text[n] = '\0';
	jx_error_clear();
	assert_int_equal(jx__paste_read(&d, "big.txt", text, n), JX_EPARSE);
	assert_null(d);
	assert_non_null(
		strstr(jx_error_last(), "big.txt:1: a pasted table of 40000 rows × 64 columns"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paste__detected_by_content),
		cmocka_unit_test(test_paste__word_tabs),
		cmocka_unit_test(test_paste__browser_rowspan_self_and_review),
		cmocka_unit_test(test_paste__markdown_pipes),
		cmocka_unit_test(test_paste__layout_spaces),
		cmocka_unit_test(test_paste__short_rows_placed_by_content),
		cmocka_unit_test(test_paste__too_large_refused),
	};
	return cmocka_run_group_tests_name("paste", tests, NULL, NULL);
}
