/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ingest_projects.c -- project tables (项目支出绩效自评表) through the readers.
 *
 * The fixtures are made by tests/fixtures/projects/make.py from one grid per
 * table, written in each format; the values checked here are the ones written
 * there (the fund block in 万元 or 元, the indicator rows, 总分), converted and
 * added up by hand. Errors are checked on small pasted tables written here. */
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

static jx_batch *read_fixture(const char *name, const jx_read_options *opts)
{
	char rel[256];
	snprintf(rel, sizeof(rel), "tests/fixtures/projects/%s", name);
	return tu_read_fixture(rel, opts);
}

static int64_t figure(const jx_figures *f, const char *item)
{
	int64_t v = -1;
	return jx_figures_get(f, item, &v) ? v : -1;
}

static int warned(const jx_evaluation *ev, const char *part)
{
	for (size_t i = 0; i < ev->nwarnings; i++)
		if (strstr(ev->warnings[i].message, part))
			return 1;
	return 0;
}

static void row_is(const jx_indicator *r, double weight, double score, const char *target,
		   const char *actual, const char *reason, jx_completion done)
{
	assert_true(fabs(r->weight - weight) < 1e-9);
	assert_true(fabs(r->score - score) < 1e-9);
	assert_string_equal(r->target ? r->target : "", target);
	assert_string_equal(r->actual ? r->actual : "", actual);
	assert_string_equal(r->reason ? r->reason : "", reason);
	assert_int_equal(r->completion, done);
}

/* Table A (make.py): 万元; fund row 10 / 8.8 counted in 总分 100; "指标3：" blank. */
static void check_a(const char *file)
{
	jx_batch *b = read_fixture(file, NULL);
	const jx_evaluation *ev;
	const jx_figures *f;
	const jx_indicator *r;
	assert_int_equal(b->nevals, 1);
	ev = b->evals[0];
	assert_string_equal(ev->department, "示例县学生资助管理中心"); /* the 实施单位 */
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	assert_string_equal(ev->project, "2023年义务教育营养改善计划专项资金");
	assert_string_equal(ev->supervisor, "示例县教育局");
	assert_string_equal(ev->implementer, "示例县学生资助管理中心");
	assert_string_equal(ev->goal, "保障全县1.2万名义务教育学生营养膳食补助按时足额发放。");
	assert_string_equal(ev->outcome, "全年为12150名学生提供营养餐，补助资金按时拨付。");
	/* the fund row first, then 7 indicators: the "指标3：" row is a placeholder */
	assert_int_equal(ev->nrows, 8);
	assert_true(jx_indicator_is_fund(&ev->rows[0]));
	row_is(&ev->rows[0], 10, 8.8, "", "", "", JX_DONE_NONE);
	row_is(tu_row_named(ev, "受益学生人数"), 20, 20, "≥12000人", "12150人", "", JX_DONE_MET);
	row_is(tu_row_named(ev, "供餐天数"), 10, 8, "≥200天", "196天",
	       "春季学期延迟开学，供餐天数减少", JX_DONE_MISSED);
	row_is(tu_row_named(ev, "资金拨付及时率"), 10, 8, "≥95%", "90%",
	       "部分资金拨付滞后，下年度加快拨付进度", JX_DONE_MISSED);
	r = tu_row_named(ev, "生均每天补助标准"); /* a cost: the bare 5元 is a ceiling */
	row_is(r, 5, 5, "5元", "5元", "", JX_DONE_MET);
	assert_int_equal(r->target_q.bound, JX_BOUND_LE);
	assert_true(r->target_q.implied);
	row_is(tu_row_named(ev, "学生营养状况"), 20, 16, "明显改善", "有所改善", "膳食结构仍需优化",
	       JX_DONE_UNKNOWN);
	row_is(tu_row_named(ev, "学生家长满意度"), 10, 10, "≥90%", "93.5%", "", JX_DONE_MET);
	assert_true(ev->total_weight == 100 && ev->total_score == 90.8);
	assert_true(warned(ev, "总分 100 counts the fund row (年度资金总额, 10 points): the "
			       "indicator rows without it add up to 90"));
	assert_false(warned(ev, "执行率")); /* 110.44 / 125.5 is 88.00% as stated */
	/* the fund block in cents of 元: 120 万元 = 1 200 000 元 = 120 000 000 cents */
	assert_int_equal(b->nfigs, 1);
	f = b->figs[0];
	assert_string_equal(f->project, "2023年义务教育营养改善计划专项资金");
	assert_string_equal(f->department, "示例县学生资助管理中心");
	assert_int_equal(figure(f, "project_budget_start"), 120000000);
	assert_int_equal(figure(f, "project_budget"), 125500000);
	assert_int_equal(figure(f, "project_executed"), 110440000);
	assert_int_equal(figure(f, "project_execution_rate"), 8800);
	assert_int_equal(figure(f, "project_fiscal_budget"), 105500000);
	assert_int_equal(figure(f, "project_fiscal_executed"), 95440000);
	assert_int_equal(figure(f, "project_carryover_executed"), 15000000);
	assert_int_equal(figure(f, "project_other_budget"), -1); /* blank: not stated */
	jx_batch_free(b);
}

static void test_ingest_projects__docx_template_layout(void **state)
{
	(void)state;
	check_a("a.docx");
}

static void test_ingest_projects__gbk_web_page(void **state)
{
	(void)state;
	check_a("a.html");
}

/* LibreOffice's print of a.docx: the same table out of the PDF's ruled grid */
static void test_ingest_projects__pdf_printed_from_word(void **state)
{
	(void)state;
	check_a("a.pdf");
}

/* Table B: 元 with thousands separators; 总分 100 without the fund row of 10; 执行率 88%
 * stated where 700 000 / 800 000 is 87.50%; a "/" 其中 row. */
static void check_b(const char *file, const char *good_roads)
{
	jx_batch *b = read_fixture(file, NULL);
	const jx_evaluation *ev;
	const jx_figures *f;
	assert_int_equal(b->nevals, 1);
	ev = b->evals[0];
	assert_string_equal(ev->department, "示例县公路事业发展中心");
	assert_int_equal(ev->year, 2022);
	assert_string_equal(ev->project, "乡村道路养护工程");
	assert_string_equal(ev->supervisor, "示例县交通运输局");
	assert_int_equal(ev->nrows, 7); /* fund + 6: "其中：县道优良路率 / /" is part of its row */
	row_is(&ev->rows[0], 10, 8.75, "", "", "", JX_DONE_NONE);
	row_is(tu_row_named(ev, "优良路率"), 20, 20, "≥80%", good_roads, "", JX_DONE_MET);
	row_is(tu_row_named(ev, "完工时间"), 10, 6, "10月底前", "11月15日",
	       "雨季影响施工，工期延后", JX_DONE_MISSED);
	row_is(tu_row_named(ev, "每公里养护成本"), 10, 10, "≤0.7万元", "0.56万元", "", JX_DONE_MET);
	row_is(tu_row_named(ev, "群众出行条件"), 20, 20, "有效改善", "有效改善", "", JX_DONE_MET);
	/* 100 stated; 30+20+10+10+20+10 = 100 without the fund row, 110 with it */
	assert_true(ev->total_weight == 100 && ev->total_score == 95);
	assert_true(warned(ev, "总分 100 matches the indicator rows without the fund row "
			       "(年度资金总额, 10 points), which comes on top: 110 points in all"));
	assert_true(warned(ev, "执行率 88% differs from 全年执行数 / 全年预算数 = 87.5%"));
	f = b->figs[0];
	assert_int_equal(figure(f, "project_budget"), 80000000); /* 800,000.00 元 */
	assert_int_equal(figure(f, "project_executed"), 70000000);
	assert_int_equal(figure(f, "project_execution_rate"), 8800); /* as stated */
	assert_int_equal(figure(f, "project_carryover_budget"), -1);
	jx_batch_free(b);
}

static void test_ingest_projects__pasted_tab_text(void **state)
{
	(void)state;
	check_b("b.txt", "82%");
}

static void test_ingest_projects__excel_97_with_percent_numbers(void **state)
{
	(void)state;
	check_b("b.xls", "0.82"); /* FreeXL gives the number, not its % format */
}

static void test_ingest_projects__excel_workbook(void **state)
{
	(void)state;
	check_b("b.xlsx", "82%"); /* its % format applied, as Excel shows it (formats.md) */
}

/* Table C: a 部门整体支出绩效自评表 in the same layout: a department evaluation. */
static void test_ingest_projects__department_table_in_project_layout(void **state)
{
	jx_batch *b = read_fixture("c.docx", NULL);
	const jx_evaluation *ev = b->evals[0];
	(void)state;
	assert_int_equal(b->nevals, 1);
	assert_null(ev->project);
	assert_string_equal(ev->department, "示例县林业局");
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->nrows, 6);
	assert_true(jx_indicator_is_fund(&ev->rows[0]));
	row_is(&ev->rows[0], 10, 9.6, "", "", "", JX_DONE_NONE);
	row_is(tu_row_named(ev, "造林成活率"), 20, 17, "≥85%", "83%",
	       "春季干旱，成活率偏低；秋季补植", JX_DONE_MISSED);
	row_is(tu_row_named(ev, "人工造林面积"), 30, 30, "≥1.5万亩", "1.52万亩", "", JX_DONE_MET);
	assert_true(warned(ev, "总分 100 counts the fund row"));
	assert_int_equal(b->nfigs, 0); /* no project figures; the department's are its own */
	jx_batch_free(b);
}

/* Table D: C, two projects of the same department, then a table naming no project. */
static void test_ingest_projects__one_file_many_projects(void **state)
{
	jx_batch *b = read_fixture("d.docx", NULL);
	const jx_evaluation *dept, *fire, *forest;
	(void)state;
	assert_int_equal(b->nevals, 3);
	dept = b->evals[0], fire = b->evals[1], forest = b->evals[2];
	assert_null(dept->project);
	assert_int_equal(dept->nrows, 6); /* C as read alone */
	assert_true(dept->total_score == 96.6);
	assert_string_equal(fire->project, "2023年森林防火专项资金");
	assert_string_equal(fire->department, "示例县林业局");
	assert_int_equal(fire->nrows, 4);
	row_is(tu_row_named(fire, "重大森林火灾发生次数"), 30, 30, "0次", "0次", "", JX_DONE_MET);
	row_is(tu_row_named(fire, "林区群众满意度"), 20, 18, "≥90%", "88%", "防火宣传不够深入",
	       JX_DONE_MISSED);
	/* no 实施单位: the 主管部门 is the department */
	assert_string_equal(forest->project, "2023年退耕还林补助资金");
	assert_string_equal(forest->department, "示例县林业局");
	assert_null(forest->implementer);
	row_is(&forest->rows[0], 10, 7.5, "", "", "", JX_DONE_NONE);
	row_is(tu_row_named(forest, "资金兑付时间"), 20, 15, "11月底前", "12月20日",
	       "兑付程序复杂，时间延后", JX_DONE_MISSED);
	assert_true(warned(forest, "which comes on top: 110 points in all"));
	/* the 附表 after the projects names none: said on the last project, not read */
	assert_true(warned(forest, "表 4 第 1 行 第 1 列: an indicator table after the project "
				   "tables names no 项目名称: not read"));
	/* each project's own fund block: 60 and 200 万元 */
	assert_int_equal(b->nfigs, 2);
	assert_string_equal(b->figs[0]->project, "2023年森林防火专项资金");
	assert_int_equal(figure(b->figs[0], "project_budget"), 60000000);
	assert_int_equal(figure(b->figs[0], "project_execution_rate"), 9500);
	assert_string_equal(b->figs[1]->project, "2023年退耕还林补助资金");
	assert_int_equal(figure(b->figs[1], "project_executed"), 150000000);
	jx_batch_free(b);
}

static void test_ingest_projects__dry_run_says_what_was_read(void **state)
{
	jx_read_options o = jx_read_options_default();
	jx_batch *b;
	const char *d;
	(void)state;
	o.describe = 1;
	b = read_fixture("a.docx", &o);
	d = b->evals[0]->reading;
	assert_non_null(d);
	assert_non_null(
		strstr(d, "项目名称 → 2023年义务教育营养改善计划专项资金; 主管部门 示例县教育局, "
			  "实施单位 示例县学生资助管理中心; the evaluation's department: "
			  "示例县学生资助管理中心"));
	assert_non_null(
		strstr(d, "表 1 第 4 行 第 4 列: 年度资金总额 (the table in 万元): 年初预算数 "
			  "1200000 元, 全年预算数 1255000 元, 全年执行数 1104400 元, 执行率 88%"));
	assert_non_null(strstr(d, "the fund row: 分值 10, 得分 8.8"));
	assert_non_null(strstr(d, "表 1 第 13 行 第 4 列: skipped: a template placeholder row"));
	jx_batch_free(b);
}

/* ---- small pasted tables ---- */

#define HEAD "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
/* 50 + 40 and the fund row's 10: 总分 100; 50 + 36 + 8.1 = 94.1 */
#define ROWS                                                                          \
	"产出指标\t数量指标\t培训人次\t≥700人次\t735人次\t50\t50\n" \
	"效益指标\t社会效益指标\t就业率\t≥80%\t76%\t40\t36\n"          \
	"总分\t\t\t\t\t100\t94.1\n"
/* without a fund block */
#define ROWS100                                                                       \
	"产出指标\t数量指标\t培训人次\t≥700人次\t735人次\t60\t60\n" \
	"效益指标\t社会效益指标\t就业率\t≥80%\t76%\t40\t36\n"          \
	"总分\t\t\t\t\t100\t96\n"
#define FUND(unit, start, budget, done, w, rate, s)                                                               \
	"项目资金（" unit "）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" \
	"\t年度资金总额\t" start "\t" budget "\t" done "\t" w "\t" rate "\t" s "\n"

static int read_text(jx_batch **b, const char *text, const jx_read_options *o)
{
	return jx_read_buffer(b, "p.txt", text, strlen(text), o);
}

static void test_ingest_projects__amounts_exact_in_any_unit(void **state)
{
	static const char wan[] =
		"项目名称\t职业技能培训补贴\n实施单位\t示例县人社局\n年度\t2024\n" FUND(
			"万元", "12.345678", "12.345678", "10", "10", "81.00%", "8.1") HEAD ROWS;
	static const char yuan[] =
		"项目名称\t职业技能培训补贴\n实施单位\t示例县人社局\n年度\t2024\n" FUND(
			"元", "123,456.78", "123,456.78", "100,000", "10", "81%", "8.1") HEAD ROWS;
	jx_batch *b = NULL;
	(void)state;
	assert_int_equal(read_text(&b, wan, NULL), 0);
	/* 12.345678 万元 = 123 456.78 元, to the cent; 10 / 12.345678 = 81.00% */
	assert_int_equal(figure(b->figs[0], "project_budget_start"), 12345678);
	assert_int_equal(figure(b->figs[0], "project_executed"), 10000000);
	assert_false(warned(b->evals[0], "执行率"));
	/* 100 stated = 50 + 40 + 10: with the fund row */
	assert_true(warned(b->evals[0], "总分 100 counts the fund row"));
	jx_batch_free(b);
	b = NULL;
	assert_int_equal(read_text(&b, yuan, NULL), 0);
	assert_int_equal(figure(b->figs[0], "project_budget_start"), 12345678);
	assert_int_equal(figure(b->figs[0], "project_executed"), 10000000);
	jx_batch_free(b);
}

static void expect_error(const char *text, const jx_read_options *o, const char *message)
{
	jx_batch *b = NULL;
	assert_int_equal(read_text(&b, text, o), JX_EPARSE);
	assert_null(b);
	if (!strstr(jx_error_last(), message))
		fail_msg("error '%s' lacks '%s'", jx_error_last(), message);
}

static void test_ingest_projects__bad_tables_refused_with_their_place(void **state)
{
	jx_read_options o = jx_read_options_default();
	(void)state;
	/* more than the 6 decimals of 万元 that make whole cents */
	expect_error("项目名称\t培训补贴\n实施单位\t示例县人社局\n年度\t2024\n" FUND(
			     "万元", "12.3456789", "13", "10", "10", "", "8.1") HEAD ROWS,
		     NULL, "p.txt:5: 年初预算数 '12.3456789'");
	expect_error("项目名称\t培训补贴\n实施单位\t示例县人社局\n年度\t2024\n" FUND(
			     "万元", "约十万", "13", "10", "10", "", "8.1") HEAD ROWS,
		     NULL, "p.txt:5: 年初预算数 '约十万' is not an amount");
	expect_error("项目名称\t培训补贴\n实施单位\t示例县人社局\n年度\t2024\n" FUND(
			     "万元", "10", "13", "10", "10", "", "12") HEAD ROWS,
		     NULL, "p.txt:5: 得分 12 of the fund row is above its 分值 10");
	/* a project table that names no unit: --dept supplies it */
	expect_error("项目名称\t培训补贴\n年度\t2024\n" HEAD ROWS100, NULL,
		     "no department found: the project table names none in a 实施单位 or 主管部门 "
		     "cell; --dept can supply it");
	o.department = "示例县人社局";
	{
		jx_batch *b = NULL;
		static const char text[] = "项目名称\t培训补贴\n年度\t2024\n" HEAD ROWS100;
		assert_int_equal(read_text(&b, text, &o), 0);
		assert_string_equal(b->evals[0]->department, "示例县人社局");
		assert_string_equal(b->evals[0]->project, "培训补贴");
		assert_int_equal(b->evals[0]->nrows, 2); /* no fund block: no fund row */
		assert_int_equal(b->nfigs, 0);
		jx_batch_free(b);
	}
	/* the title says it is a project table, but nothing names the project */
	expect_error(
		"2024年度项目支出绩效自评表\n实施单位\t示例县人社局\n年度\t2024\n" HEAD ROWS100,
		NULL, "this is a 项目支出绩效自评表 but no 项目名称 names the project");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ingest_projects__docx_template_layout),
		cmocka_unit_test(test_ingest_projects__gbk_web_page),
		cmocka_unit_test(test_ingest_projects__pdf_printed_from_word),
		cmocka_unit_test(test_ingest_projects__pasted_tab_text),
		cmocka_unit_test(test_ingest_projects__excel_97_with_percent_numbers),
		cmocka_unit_test(test_ingest_projects__excel_workbook),
		cmocka_unit_test(test_ingest_projects__department_table_in_project_layout),
		cmocka_unit_test(test_ingest_projects__one_file_many_projects),
		cmocka_unit_test(test_ingest_projects__dry_run_says_what_was_read),
		cmocka_unit_test(test_ingest_projects__amounts_exact_in_any_unit),
		cmocka_unit_test(test_ingest_projects__bad_tables_refused_with_their_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
