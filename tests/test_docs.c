/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_docs.c -- Word and web-page files through their readers and the recogniser.
 *
 * The fixtures are made by tests/fixtures/docs/make_fixtures.py (python3-docx,
 * LibreOffice headless, hand-written HTML); the values checked here are the
 * ones written next to each table there, added up by hand. */
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

static jx_batch *read_fixture(const char *name)
{
	char rel[256];
	snprintf(rel, sizeof(rel), "tests/fixtures/docs/%s", name);
	return tu_read_fixture(rel, NULL);
}

static void figure_is(const jx_batch *b, const char *item, int64_t cents)
{
	int64_t v = -1;
	assert_int_equal(b->nfigs, 1);
	assert_true(jx_figures_get(b->figs[0], item, &v));
	assert_int_equal(v, cents);
}

static void test_docs__docx_merged_cells_tracked_changes_and_figures(void **state)
{
	jx_batch *b = read_fixture("basic.docx");
	const jx_evaluation *ev = b->evals[0];
	const jx_indicator *r;
	(void)state;
	assert_int_equal(b->nevals, 1);
	assert_string_equal(ev->department, "示例市文化旅游局");
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(ev->nrows, 7); /* 其中, "指标2:" and "……" are not indicators */
	/* vMerge carries 投入 (15分) and 预算编制 (8分) down */
	r = tu_row_named(ev, "重点支出保障程度"); /* two w:p in one cell */
	assert_string_equal(r->level1, "投入");
	assert_string_equal(r->level2, "预算编制");
	assert_true(r->weight == 4 && r->score == 3.5);
	assert_true(r->level1_weight == 15);
	/* w:del 进度 dropped, w:ins 执行率 kept; its blank score is 91 - 85.5 */
	r = tu_row_named(ev, "预算执行率");
	assert_int_equal(r->origin, JX_ORIGIN_INFERRED);
	assert_true(fabs(r->score - 5.5) < 1e-9);
	assert_int_equal(r->line, 4);
	assert_true(tu_row_named(ev, "完成文化活动场次")->score == 25);     /* "25分" */
	assert_true(tu_row_named(ev, "长效管理机制")->level1_weight == 35); /* "效益(35)" */
	assert_true(ev->total_weight == 100 && ev->total_score == 91);
	assert_true(ev->self_score == 91);
	assert_int_equal(ev->nwarnings, 1);
	assert_string_equal(ev->warnings[0].message,
			    "表 2 第 4 行 第 6 列: score of 投入/预算执行/预算执行率 is missing; "
			    "inferred as 5.5 from 合计 91 (表 2 第 12 行 第 6 列)");
	assert_string_equal(ev->problems, "部分活动执行进度偏慢。");
	assert_string_equal(ev->suggestions, "建议加强预算执行监控。");
	figure_is(b, "budget_total", 120050);
	figure_is(b, "budget_basic", 80050);
	figure_is(b, "budget_project", 40000);
	figure_is(b, "staff_in_post", 4500);
	figure_is(b, "staff_retired", 1200);
	figure_is(b, "self_score", 9100);
	jx_batch_free(b);
}

static void test_docs__docx_two_row_header_gives_self_and_review(void **state)
{
	jx_batch *b = read_fixture("review.docx");
	const jx_evaluation *self, *review;
	static const double s[] = {10, 9, 15, 14, 28, 19}, rv[] = {9, 9, 14, 12, 25, 18};
	(void)state;
	assert_int_equal(b->nevals, 2);
	self = b->evals[0];
	review = b->evals[1];
	assert_int_equal(self->kind, JX_KIND_SELF);
	assert_int_equal(review->kind, JX_KIND_REVIEW);
	assert_string_equal(self->department, "示例县审计局");
	assert_int_equal(review->year, 2022);
	assert_int_equal(self->nrows, 6);
	assert_int_equal(review->nrows, 6);
	for (size_t i = 0; i < 6; i++) {
		assert_true(self->rows[i].score == s[i]);
		assert_true(review->rows[i].score == rv[i]);
		assert_string_equal(self->rows[i].key, review->rows[i].key);
	}
	assert_string_equal(self->rows[1].level1, "决策");
	assert_string_equal(self->rows[1].level2, "目标设定");
	/* self: 95 against 合计 96 is a warning; review: 87 agrees */
	assert_int_equal(self->nwarnings, 1);
	assert_string_equal(self->warnings[0].message,
			    "表 1 第 9 行 第 6 列: scores add up to 95 but 合计 states 96");
	assert_int_equal(review->nwarnings, 0);
	assert_true(review->total_score == 87);
	jx_batch_free(b);
}

static void test_docs__libreoffice_docx_reads_the_same(void **state)
{
	jx_batch *b = read_fixture("lo_table.docx");
	const jx_evaluation *ev = b->evals[0];
	(void)state;
	assert_string_equal(ev->department, "示例市园林局");
	assert_int_equal(ev->nrows, 4);
	assert_string_equal(tu_row_named(ev, "资产管理规范性")->level1, "管理");
	assert_true(tu_row_named(ev, "资产管理规范性")->level1_weight == 40);
	assert_true(tu_row_named(ev, "养护达标率")->score == 28);
	assert_true(ev->total_score == 93);
	assert_int_equal(ev->nwarnings, 0);
	jx_batch_free(b);
}

static void test_docs__gb2312_page_with_navigation(void **state)
{
	jx_batch *b = read_fixture("gb2312_nav.html");
	const jx_evaluation *ev = b->evals[0];
	const jx_indicator *r;
	(void)state;
	assert_string_equal(ev->department, "示例区教育局");
	assert_int_equal(ev->year, 2021);
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(ev->nrows, 5);
	/* rowspan=2 carries 投入 (in two spans) and 预算管理 */
	r = tu_row_named(ev, "资金使用合规性"); /* "资金使用&nbsp;合规性" */
	assert_string_equal(r->level1, "投入");
	assert_string_equal(r->level2, "预算管理");
	assert_true(r->level1_weight == 20);
	assert_string_equal(r->explanation, "无违规");
	assert_int_equal(r->line, 24);
	/* nested spans; a GBK character under a GB2312 declaration; two <p> in a cell */
	r = tu_row_named(ev, "学生满意度");
	assert_string_equal(r->explanation, "由王喆负责统计\n抽样 500 人");
	assert_true(r->score == 24);
	assert_true(ev->total_weight == 100 && ev->total_score == 88);
	assert_int_equal(ev->nwarnings, 0);
	assert_string_equal(ev->problems, "学位供给仍有缺口。");
	figure_is(b, "budget_total", 532000);
	jx_batch_free(b);
}

static void test_docs__html_navigation_footer_and_scripts_are_not_read(void **state)
{
	jx_doc *d = NULL;
	char *data;
	size_t len;
	(void)state;
	data = tu_read(tu_src("tests/fixtures/docs/gb2312_nav.html"), &len);
	assert_non_null(data);
	assert_int_equal(jx_html_load(&d, "p.html", data, len, JX_ENC_AUTO), 0);
	/* one table: the layout table is flattened, the one in <script> is not a table */
	for (size_t i = 0, tables = 0; i < d->nblocks; i++) {
		const char *t = d->blocks[i].text;
		tables += d->blocks[i].kind == JX_BLOCK_TABLE;
		assert_true(tables <= 1);
		if (!t)
			continue;
		assert_null(strstr(t, "首页"));
		assert_null(strstr(t, "当前位置"));
		assert_null(strstr(t, "版权所有"));
		assert_null(strstr(t, "备案号"));
	}
	assert_string_equal(d->blocks[0].text, "# provenance: synthetic");
	assert_string_equal(d->blocks[1].text,
			    "示例区教育局2021年度部门整体绩效自评报告_示例区人民政府");
	assert_string_equal(d->blocks[2].text, "示例区教育局2021年度部门整体绩效自评报告");
	assert_string_equal(d->blocks[4].text, "2021年度部门预算数为5,320.00万元。");
	jx_doc_free(d);
	free(data);
}

static void test_docs__utf8_page_single_column_review_only(void **state)
{
	jx_batch *b = read_fixture("utf8_single.html");
	const jx_evaluation *ev = b->evals[0];
	(void)state;
	assert_int_equal(b->nevals, 1);
	assert_int_equal(ev->kind, JX_KIND_REVIEW);
	assert_string_equal(ev->department, "示例镇人民政府");
	assert_int_equal(ev->year, 2020);
	assert_int_equal(ev->nrows, 3);
	/* the category rows "一、投入（20分）" are level-1 投入 with weight 20 */
	assert_string_equal(ev->rows[0].level1, "投入");
	assert_true(ev->rows[0].level1_weight == 20);
	assert_string_equal(ev->rows[0].level2, "");
	assert_string_equal(ev->rows[1].level3, "任务完成率");
	assert_true(ev->rows[1].score == 45);
	assert_true(ev->total_score == 90);
	jx_batch_free(b);
}

/* Staffing under its own heading, two paragraphs; 内设机构 between them and 主要职能 after
 * them are not staffing (make_fixtures.py: staffing_html). */
static void test_docs__html_staffing_as_stated(void **state)
{
	jx_batch *b = read_fixture("staffing.html");
	const jx_evaluation *ev = b->evals[0];
	int64_t v = -1;
	(void)state;
	assert_string_equal(ev->department, "示例市档案馆");
	assert_string_equal(ev->staffing, "编制人数 35 人，实有在职人员 32 人。离退休人员 12 名。\n"
					  "公务用车编制数 2 辆，实有车辆 2 辆。");
	assert_true(jx_figures_get(b->figs[0], "staff_in_post", &v) && v == 3200);
	assert_true(jx_figures_get(b->figs[0], "staff_retired", &v) && v == 1200);
	assert_non_null(strstr(ev->functions, "负责全市档案的收集"));
	assert_true(ev->total_score == 18);
	jx_batch_free(b);
}

static void test_docs__unsupported_files_say_what_they_need(void **state)
{
	jx_batch *b = NULL;
	static const char pdf[] = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n";
	(void)state;
	assert_int_equal(jx_read_file(&b, tu_src("tests/fixtures/docs/encrypted.docx"), NULL),
			 JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "an encrypted (password-protected) Office file"));
	assert_int_equal(jx_read_file(&b, tu_src("tests/fixtures/docs/project.docx"), NULL),
			 JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "project.docx:段落 1: no department found: the "
						"project table names none in a 实施单位 or "
						"主管部门 cell"));
	assert_int_equal(jx_read_buffer(&b, "x.pdf", pdf, sizeof(pdf) - 1, NULL), JX_EPARSE);
	/* PDF is read now (tests/test_pdf*.c); a broken one says so */
	assert_non_null(strstr(jx_error_last(), "x.pdf: not a readable PDF"));
	assert_null(b);
}

static void test_docs__format_is_found_by_content_and_can_be_forced(void **state)
{
	char *data;
	size_t len;
	jx_batch *b = NULL;
	jx_read_options o = jx_read_options_default();
	jx_input_format f;
	(void)state;
	data = tu_read(tu_src("tests/fixtures/docs/review.docx"), &len);
	assert_int_equal(jx_input_sniff(data, len), JX_INPUT_DOCX);
	/* whatever the name says */
	assert_int_equal(jx_read_buffer(&b, "review.txt", data, len, NULL), 0);
	assert_int_equal(b->nevals, 2);
	jx_batch_free(b);
	free(data);
	data = tu_read(tu_src("tests/fixtures/docs/utf8_single.html"), &len);
	assert_int_equal(jx_input_sniff(data, len), JX_INPUT_HTML);
	o.format = JX_INPUT_DOCX; /* forced: read as what it is not, and said so */
	assert_int_equal(jx_read_buffer(&b, "p.html", data, len, &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "p.html: not a valid zip archive"));
	free(data);
	assert_int_equal(jx_input_format_parse("html", &f), 0);
	assert_int_equal(f, JX_INPUT_HTML);
	assert_string_equal(jx_input_format_name(JX_INPUT_DOCX), "docx");
	assert_int_equal(jx_input_format_parse("rtf", &f), JX_EINVAL); /* "doc" is one now */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docs__docx_merged_cells_tracked_changes_and_figures),
		cmocka_unit_test(test_docs__docx_two_row_header_gives_self_and_review),
		cmocka_unit_test(test_docs__libreoffice_docx_reads_the_same),
		cmocka_unit_test(test_docs__gb2312_page_with_navigation),
		cmocka_unit_test(test_docs__html_navigation_footer_and_scripts_are_not_read),
		cmocka_unit_test(test_docs__utf8_page_single_column_review_only),
		cmocka_unit_test(test_docs__html_staffing_as_stated),
		cmocka_unit_test(test_docs__unsupported_files_say_what_they_need),
		cmocka_unit_test(test_docs__format_is_found_by_content_and_can_be_forced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
