/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_recognise.c -- the document recogniser (jx_doc_read) on hand-made table models.
 *
 * Tables are written as rows of '|'-separated cells; "^" is a slot covered
 * by the cell above (a vertical merge), "<" a slot covered by the cell to
 * its left. Every expected value below is read off the table by hand. */
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
#include "testutil.h"

#define MAXC 12

/* Split "a|b|c" into at most MAXC cells (copied into buf). */
static size_t split(char *buf, size_t size, const char *row, char **cells)
{
	size_t n = 0;
	snprintf(buf, size, "%s", row);
	cells[n++] = buf;
	for (char *p = buf; *p && n < MAXC; p++)
		if (*p == '|') {
			*p = '\0';
			cells[n++] = p + 1;
		}
	return n;
}

/* Add a table of rows (NULL-terminated) to d. */
static jx_doc_table *add_table(jx_doc *d, const char *const *rows)
{
	char bufs[64][1024], *cells[64][MAXC];
	size_t nrows = 0, ncols = 0, n[64];
	jx_doc_table *t;
	for (; rows[nrows]; nrows++) {
		n[nrows] = split(bufs[nrows], sizeof(bufs[nrows]), rows[nrows], cells[nrows]);
		ncols = n[nrows] > ncols ? n[nrows] : ncols;
	}
	assert_int_equal(jx_doc_add_table(&t, d, nrows, ncols), 0);
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < n[r]; c++) {
			const char *s = cells[r][c];
			int rs = 1, cs = 1;
			jx_doc_origin o = {(int)r + 1, (int)c + 1, 0, 0};
			if (!strcmp(s, "^") || !strcmp(s, "<"))
				continue;
			while (r + (size_t)rs < nrows && c < n[r + rs] &&
			       !strcmp(cells[r + rs][c], "^"))
				rs++;
			while (c + (size_t)cs < n[r] && !strcmp(cells[r][c + cs], "<"))
				cs++;
			assert_int_equal(jx_doc_table_set(t, r, c, s, rs, cs, o), 0);
		}
	return t;
}

static void para(jx_doc *d, const char *text)
{
	jx_doc_origin o = {0, 0, (int)d->nblocks + 1, 0};
	assert_int_equal(jx_doc_add_paragraph(d, text, o), 0);
}

/* The standard test table: five indicators, 100 points. */
static const char *const basic[] = {"一级指标|二级指标|三级指标|指标解释|分值|得分",
				    "投 入 (20分)|预算编制|编制科学性|是否科学。|10|9",
				    "^|^|预算执行率|执行进度。|10分|10",
				    "产出指标（50分）|数量|完成率|完成情况。|30|28.5",
				    "^|质量|合格率|合格情况。|20|20",
				    "效益(30)|社会效益|满意度|满意度调查。|30|27",
				    "合计|<|<|<|100|94.5",
				    NULL};

static jx_doc *basic_doc(const char *name)
{
	jx_doc *d = jx_doc_new(name, JX_DOC_DOCX);
	para(d, "2023年度示例市测试局部门整体支出绩效自评报告");
	add_table(d, basic);
	return d;
}

static void test_recognise__reads_levels_weights_and_scores(void **state)
{
	jx_doc *d = basic_doc("basic.docx");
	jx_batch *b = NULL;
	const jx_evaluation *ev;
	const jx_indicator *r;
	(void)state;
	assert_int_equal(jx_doc_read(&b, d, NULL), 0);
	assert_int_equal(b->nevals, 1);
	ev = b->evals[0];
	assert_string_equal(ev->department, "示例市测试局");
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->kind, JX_KIND_SELF);
	assert_int_equal(ev->nrows, 5);
	/* "投 入 (20分)" is level-1 投入 with declared weight 20, carried down the merge */
	r = tu_row_named(ev, "预算执行率");
	assert_string_equal(r->level1, "投入");
	assert_string_equal(r->level2, "预算编制");
	assert_true(r->level1_weight == 20);
	assert_true(r->weight == 10 && r->score == 10); /* "10分" */
	assert_string_equal(r->explanation, "执行进度。");
	assert_int_equal(r->line, 3); /* the table row it came from */
	/* full-width brackets, and "(30)" without 分 */
	assert_string_equal(tu_row_named(ev, "合格率")->level1, "产出指标");
	assert_true(tu_row_named(ev, "合格率")->level1_weight == 50);
	assert_string_equal(tu_row_named(ev, "满意度")->level1, "效益");
	assert_true(tu_row_named(ev, "满意度")->level1_weight == 30);
	assert_true(tu_row_named(ev, "完成率")->score == 28.5);
	assert_true(ev->total_weight == 100 && ev->total_score == 94.5);
	/* 9 + 10 + 28.5 + 20 + 27 = 94.5 agrees with 合计: no warning */
	assert_int_equal(ev->nwarnings, 0);
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__two_row_header_gives_self_and_review(void **state)
{
	static const char *const rows[] = {"指标|<|<|分值|得分|<",
					   "一级|二级|三级|^|自评|复核",
					   "决策(40分)|目标|目标明确|40|38|35",
					   "产出(60分)|数量|完成率|60|55|50",
					   "总分|<|<|100|93|85",
					   NULL};
	jx_doc *d = jx_doc_new("two.docx", JX_DOC_DOCX);
	jx_batch *b = NULL;
	(void)state;
	para(d, "2022年度示例县审计局部门整体绩效自评报告");
	add_table(d, rows);
	assert_int_equal(jx_doc_read(&b, d, NULL), 0);
	assert_int_equal(b->nevals, 2);
	assert_int_equal(b->evals[0]->kind, JX_KIND_SELF);
	assert_int_equal(b->evals[1]->kind, JX_KIND_REVIEW);
	assert_true(b->evals[0]->rows[1].score == 55);
	assert_true(b->evals[1]->rows[1].score == 50);
	assert_true(b->evals[0]->total_score == 93 && b->evals[1]->total_score == 85);
	assert_string_equal(b->evals[1]->rows[0].level1, "决策");
	assert_int_equal(b->evals[0]->year, 2022);
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__lone_missing_score_is_inferred_from_the_total(void **state)
{
	static const char *const rows[] = {"一级指标|二级指标|三级指标|权重|得分",
					   "投入(50分)|预算|执行率|50|",
					   "产出(50分)|数量|完成率|50|45", "合计|<|<|100|92", NULL};
	jx_doc *d = jx_doc_new("infer.docx", JX_DOC_DOCX);
	jx_batch *b = NULL;
	const jx_evaluation *ev;
	(void)state;
	para(d, "2021年度示例市测试局部门整体支出绩效自评报告");
	add_table(d, rows);
	assert_int_equal(jx_doc_read(&b, d, NULL), 0);
	ev = b->evals[0];
	/* 92 - 45 = 47 */
	assert_true(ev->rows[0].score == 47);
	assert_int_equal(ev->rows[0].origin, JX_ORIGIN_INFERRED);
	assert_int_equal(ev->nwarnings, 1);
	/* the warning names the empty score cell (row 2, column 5) and the 合计 row's */
	assert_int_equal(ev->warnings[0].line, 0);
	assert_string_equal(ev->warnings[0].message,
			    "表 1 第 2 行 第 5 列: score of 投入/预算/执行率 is missing; inferred "
			    "as 47 from 合计 92 (表 1 第 4 行 第 5 列)");
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__total_that_does_not_reconcile_is_a_warning(void **state)
{
	static const char *const rows[] = {"一级指标|二级指标|三级指标|分值|得分",
					   "投入(50分)|预算|执行率|50|40",
					   "产出(50分)|数量|完成率|50|45", "合计|<|<|100|90", NULL};
	jx_doc *d = jx_doc_new("total.html", JX_DOC_HTML);
	jx_batch *b = NULL;
	jx_doc_table *t;
	(void)state;
	para(d, "2021年度示例市测试局部门整体支出绩效自评报告");
	t = add_table(d, rows);
	/* a web page: places are lines */
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		t->cells[i].origin.line = 40 + t->cells[i].origin.row;
	assert_int_equal(jx_doc_read(&b, d, NULL), 0);
	assert_int_equal(b->evals[0]->nwarnings, 1);
	assert_int_equal(b->evals[0]->warnings[0].line, 44);
	assert_string_equal(b->evals[0]->warnings[0].message,
			    "scores add up to 85 but 合计 states 90");
	assert_int_equal(b->evals[0]->rows[1].line, 43);
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__placeholders_qizhong_and_unassessed_rows_are_skipped(void **state)
{
	static const char *const rows[] = {"一级指标|二级指标|三级指标|分值|得分|扣分原因",
					   "产出(100分)|数量|完成率|60|60|",
					   "^|^|其中：一季度|20|20|",
					   "^|质量|合格率|40|36|抽检不合格",
					   "^|^|指标2:|||",
					   "^|^|……|||",
					   "^|时效|及时率|/|/|不适用",
					   "合计|<|<|100|96|",
					   NULL};
	jx_doc *d = jx_doc_new("skip.docx", JX_DOC_DOCX);
	jx_read_options o = jx_read_options_default();
	jx_batch *b = NULL;
	const char *reading;
	(void)state;
	para(d, "2020年度示例市测试局部门整体支出绩效自评报告");
	add_table(d, rows);
	o.describe = 1;
	assert_int_equal(jx_doc_read(&b, d, &o), 0);
	assert_int_equal(b->evals[0]->nrows, 2);
	assert_string_equal(b->evals[0]->rows[1].level3, "合格率");
	assert_int_equal(b->evals[0]->nwarnings, 0);
	reading = b->evals[0]->reading;
	assert_non_null(reading);
	assert_non_null(
		strstr(reading, "列 3 → 三级指标, 列 4 → 分值, 列 5 → 得分, 列 6 → 扣分原因"));
	assert_non_null(strstr(reading, "表 1 第 3 行 第 3 列: skipped: a 其中 row"));
	assert_non_null(
		strstr(reading, "表 1 第 5 行 第 3 列: skipped: a template placeholder row"));
	assert_non_null(
		strstr(reading, "表 1 第 6 行 第 3 列: skipped: a template placeholder row"));
	assert_non_null(strstr(reading, "表 1 第 7 行 第 4 列: skipped: not assessed"));
	assert_non_null(
		strstr(reading, "表 1 第 4 行 第 5 列: 产出 / 质量 / 合格率: 分值 40, 得分 36"));
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__department_and_year_from_labelled_lines_and_cells(void **state)
{
	static const char *const info[] = {"预算单位名称|示例市某某中心|评价年度|2019年", NULL};
	jx_doc *d = jx_doc_new("meta.docx", JX_DOC_DOCX);
	jx_batch *b = NULL;
	(void)state;
	para(d, "部门整体支出绩效自评表");
	para(d, "单位：万元");
	add_table(d, info);
	add_table(d, basic);
	assert_int_equal(jx_doc_read(&b, d, NULL), 0);
	assert_string_equal(b->evals[0]->department, "示例市某某中心");
	assert_int_equal(b->evals[0]->year, 2019);
	jx_batch_free(b);
	jx_doc_free(d);

	d = jx_doc_new("meta2.docx", JX_DOC_DOCX);
	para(d, "部门整体支出绩效自评表");
	para(d, "（2018年度）");
	para(d, "单位（盖章）：示例市 某某局    填报日期：2019年3月");
	add_table(d, basic);
	assert_int_equal(jx_doc_read(&b, d, NULL), 0);
	assert_string_equal(b->evals[0]->department, "示例市某某局");
	assert_int_equal(b->evals[0]->year, 2018);
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__options_supply_but_relabel_only_with_relabel(void **state)
{
	jx_doc *d = jx_doc_new("opt.docx", JX_DOC_DOCX);
	jx_read_options o = jx_read_options_default();
	jx_batch *b = NULL;
	(void)state;
	add_table(d, basic);
	/* nothing in the document: the error says what was looked for */
	assert_int_equal(jx_doc_read(&b, d, &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "no department found: looked for a title"));
	o.department = "示例局";
	o.year = 2020;
	assert_int_equal(jx_doc_read(&b, d, &o), 0);
	assert_string_equal(b->evals[0]->department, "示例局");
	jx_batch_free(b);
	jx_doc_free(d);

	d = basic_doc("stated.docx");
	assert_int_equal(jx_doc_read(&b, d, &o), JX_EINVAL);
	assert_string_equal(
		jx_error_last(),
		"stated.docx:段落 1: the document states the department '示例市测试局'; "
		"--dept '示例局' would relabel it: pass --relabel as well to store it "
		"as '示例局'");
	o.relabel = 1;
	assert_int_equal(jx_doc_read(&b, d, &o), 0);
	assert_string_equal(b->evals[0]->department, "示例局");
	assert_int_equal(b->evals[0]->year, 2020);
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__bad_cells_are_refused_with_their_place(void **state)
{
	static const char *const rows[] = {"一级指标|二级指标|三级指标|分值|得分",
					   "投入(50分)|预算|执行率|50|40",
					   "产出(50分)|数量|完成率|5o|45", "合计|<|<|100|85", NULL};
	jx_doc *d = jx_doc_new("bad.docx", JX_DOC_DOCX);
	jx_batch *b = NULL;
	(void)state;
	para(d, "2021年度示例市测试局部门整体支出绩效自评报告");
	add_table(d, rows);
	assert_int_equal(jx_doc_read(&b, d, NULL), JX_EPARSE);
	assert_null(b);
	assert_string_equal(jx_error_last(),
			    "bad.docx:表 1 第 3 行 第 4 列: weight '5o' is not a number");
	jx_doc_free(d);
}

/* A 项目名称 cell makes the table a project's; with no 实施单位 or 主管部门 the
 * department is the one the title names (recognise_project.c). */
static void test_recognise__project_table_names_its_project(void **state)
{
	static const char *const rows[] = {"项目名称|2021年示例项目|<|<|<",
					   "一级指标|二级指标|三级指标|分值|得分",
					   "产出(100分)|数量|完成率|100|90", NULL};
	jx_doc *d = jx_doc_new("proj.docx", JX_DOC_DOCX);
	jx_batch *b = NULL;
	(void)state;
	para(d, "2021年度示例市测试局部门整体支出绩效自评报告");
	add_table(d, rows);
	assert_int_equal(jx_doc_read(&b, d, NULL), 0);
	assert_int_equal(b->nevals, 1);
	assert_string_equal(b->evals[0]->project, "2021年示例项目");
	assert_string_equal(b->evals[0]->department, "示例市测试局");
	assert_int_equal(b->evals[0]->year, 2021);
	assert_int_equal(b->evals[0]->nrows, 1);
	assert_int_equal(b->nfigs, 0); /* no fund block */
	jx_batch_free(b);
	jx_doc_free(d);
}

static void test_recognise__no_indicator_table_says_what_it_looked_for(void **state)
{
	static const char *const rows[] = {"序号|项目|金额", "1|办公费|3.5", NULL};
	jx_doc *d = jx_doc_new("none.docx", JX_DOC_DOCX);
	jx_batch *b = NULL;
	(void)state;
	add_table(d, rows);
	assert_int_equal(jx_doc_read(&b, d, NULL), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "none.docx: no indicator table found"));
	assert_non_null(strstr(jx_error_last(), "tables in the file: 1 (表 1: 序号 项目 金额)"));
	jx_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recognise__reads_levels_weights_and_scores),
		cmocka_unit_test(test_recognise__two_row_header_gives_self_and_review),
		cmocka_unit_test(test_recognise__lone_missing_score_is_inferred_from_the_total),
		cmocka_unit_test(test_recognise__total_that_does_not_reconcile_is_a_warning),
		cmocka_unit_test(
			test_recognise__placeholders_qizhong_and_unassessed_rows_are_skipped),
		cmocka_unit_test(test_recognise__department_and_year_from_labelled_lines_and_cells),
		cmocka_unit_test(test_recognise__options_supply_but_relabel_only_with_relabel),
		cmocka_unit_test(test_recognise__bad_cells_are_refused_with_their_place),
		cmocka_unit_test(test_recognise__project_table_names_its_project),
		cmocka_unit_test(test_recognise__no_indicator_table_says_what_it_looked_for),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
