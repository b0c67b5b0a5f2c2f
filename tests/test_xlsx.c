/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_xlsx.c -- the Excel workbook: sheets, Chinese headers, numbers as numbers, frozen header.
 *
 * The workbook is unzipped with unzip(1) and its XML read as text: a number
 * cell is <c r="H4" s="N"><v>16</v></c> (no t="s", which marks a shared
 * string). Expected values are worked out by hand from the fixture below.
 */
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

/*
 * 甲局 (synthetic) self 2022, 2023:  决策/目标/目标设定 A (20): 18, 16
 *                                    管理/资金/资金使用 B (80): 80, 80
 *   A: rate .9 → .8, Δ −10 pp, −2 points, declined; weak: lost points in 2 of 2 years
 *   (persistent), all 6 of the department's points lost (large); mean .85.
 *   figures: budget 100 both years, expenditure 90 then 110.5: execution 1.105 in 2023.
 * 乙局 (real) self 2023: A 20, B 80.
 * scores rows (department in byte order, year, source order):
 *   2 乙局 2023 A, 3 B, 4 甲局 2022 A, 5 B, 6 甲局 2023 A, 7 B.
 */
typedef struct {
	char *dir, *db, *xlsx;
	jx_store *st;
} fixture;

static jx_evaluation *evaluation(const char *dept, int year, double a, jx_provenance prov)
{
	jx_evaluation *ev = jx_evaluation_new(dept, year, JX_KIND_SELF);
	assert_non_null(ev);
	ev->provenance = prov;
	jx_indicator *row = jx_evaluation_add_row(ev, "决策", "目标", "目标设定", "目标是否明确。",
						  20, a, JX_ORIGIN_STATED, 1);
	assert_non_null(row);
	row->level1_weight = 20;
	assert_non_null(jx_evaluation_add_row(ev, "管理", "资金", "资金使用", "", 80, 80,
					      JX_ORIGIN_STATED, 2));
	return ev;
}

/* 乙局 2023 states its total 100, its self-score 100 and two text sections. */
static jx_evaluation *declared(jx_evaluation *ev)
{
	ev->total_weight = 100;
	ev->total_score = 100;
	ev->self_score = 100;
	ev->problems = strdup("资金使用进度偏慢。");
	ev->conclusion = strdup("优");
	return ev;
}

static jx_figures *figures(int year, int64_t budget_cents, int64_t expenditure_cents)
{
	jx_figures *f = jx_figures_new("甲局", year);
	assert_non_null(f);
	f->provenance = JX_PROV_SYNTHETIC;
	assert_int_equal(jx_figures_set(f, "budget_total", budget_cents, 1), 0);
	assert_int_equal(jx_figures_set(f, "expenditure_total", expenditure_cents, 2), 0);
	return f;
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));
	jx_batch *b = jx_batch_new("fixture");
	jx_init();
	tu_catalogs();
	if (!fx || !b || !(fx->dir = tu_mkdtemp()))
		return -1;
	fx->db = malloc(strlen(fx->dir) + 16);
	fx->xlsx = malloc(strlen(fx->dir) + 16);
	sprintf(fx->db, "%s/t.db", fx->dir);
	sprintf(fx->xlsx, "%s/t.xlsx", fx->dir);
	if (jx_store_open(&fx->st, fx->db, JX_STORE_CREATE) != 0)
		return -1;
	jx_batch_add_evaluation(b, evaluation("甲局", 2022, 18, JX_PROV_SYNTHETIC));
	jx_batch_add_evaluation(b, evaluation("甲局", 2023, 16, JX_PROV_SYNTHETIC));
	jx_batch_add_evaluation(b, declared(evaluation("乙局", 2023, 20, JX_PROV_REAL)));
	jx_batch_add_figures(b, figures(2022, 10000, 9000));
	jx_batch_add_figures(b, figures(2023, 10000, 11050));
	if (jx_store_import(fx->st, &b, 1, 0, NULL) != 0)
		return -1;
	jx_batch_free(b);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	jx_store_free(fx->st);
	tu_rmdir(fx->dir);
	free(fx->dir);
	free(fx->db);
	free(fx->xlsx);
	free(fx);
	return 0;
}

/* One member of the zip, as text. */
static char *member(const char *xlsx, const char *name)
{
	char *argv[] = {"/usr/bin/unzip", "-p", (char *)xlsx, (char *)name, NULL}, *out = NULL;
	if (tu_run(argv, &out, NULL) != 0 || !out || !*out)
		fail_msg("unzip -p %s %s failed (Debian package unzip)", xlsx, name);
	return out;
}

/* The <c> element of a cell reference, e.g. "H4" (a copy). */
static char *cell(const char *xml, const char *ref)
{
	char key[32], *start, *end, *c;
	snprintf(key, sizeof(key), "<c r=\"%s\"", ref);
	if (!(start = strstr(xml, key)) || !(end = strstr(start, "</c>")))
		fail_msg("no cell %s", ref);
	c = strndup(start, (size_t)(end - start) + 4);
	assert_non_null(c);
	return c;
}

static void assert_number_cell(const char *xml, const char *ref, const char *value)
{
	char *c = cell(xml, ref), want[64];
	snprintf(want, sizeof(want), "<v>%s</v>", value);
	if (strstr(c, " t=\"") || !strstr(c, want))
		fail_msg("cell %s is %s, want the number %s", ref, c, value);
	free(c);
}

static void test_xlsx__scores_sheet(void **state)
{
	fixture *fx = *state;
	char *wb, *sheet, *strings;
	assert_int_equal(jx_xlsx_export(fx->st, fx->xlsx, NULL, JX_LANG_ZH), 0);
	wb = member(fx->xlsx, "xl/workbook.xml");
	assert_true(strstr(wb, "name=\"scores\"") < strstr(wb, "name=\"compare\""));
	assert_true(strstr(wb, "name=\"compare\"") < strstr(wb, "name=\"weak\""));
	assert_true(strstr(wb, "name=\"weak\"") < strstr(wb, "name=\"figures\""));
	assert_non_null(strstr(wb, "name=\"figures\""));
	strings = member(fx->xlsx, "xl/sharedStrings.xml");
	assert_non_null(strstr(strings, "<t>部门</t>"));
	assert_non_null(strstr(strings, "<t>三级指标</t>"));
	assert_non_null(strstr(strings, "<t>得分率</t>"));
	assert_non_null(strstr(strings, "<t>甲局</t>"));
	assert_non_null(strstr(strings, "<t>合成</t>"));
	assert_non_null(strstr(strings, "<t>真实</t>"));
	sheet = member(fx->xlsx, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(sheet,
			       "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
			       "state=\"frozen\"/>"));
	assert_non_null(
		strstr(sheet, "<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>")); /* 部门, string 0 */
	assert_number_cell(sheet, "B2", "2023");
	assert_number_cell(sheet, "H2", "20");
	assert_number_cell(sheet, "B4", "2022");
	assert_number_cell(sheet, "G4", "20");
	assert_number_cell(sheet, "H4", "18");
	assert_number_cell(sheet, "I4", "0.9");
	assert_number_cell(sheet, "J4", "2");
	assert_number_cell(sheet, "H6", "16");
	assert_number_cell(sheet, "I6", "0.8");
	assert_number_cell(sheet, "G7", "80");
	assert_number_cell(sheet, "N2", "20"); /* 一级指标分值 of 决策; none for 管理 */
	assert_null(strstr(sheet, "<c r=\"N3\""));
	assert_number_cell(sheet, "N6", "20");
	assert_null(strstr(sheet, "<c r=\"A8\"")); /* six rows of data */
	assert_non_null(strstr(sheet, "<autoFilter ref=\"A1:N7\"/>"));
	free(wb);
	free(strings);
	free(sheet);
}

static void test_xlsx__analysis_sheets(void **state)
{
	fixture *fx = *state;
	char *compare, *weak, *figs, *projects, *strings, *about, *totals, *evals;
	assert_int_equal(jx_xlsx_export(fx->st, fx->xlsx, NULL, JX_LANG_ZH), 0);
	strings = member(fx->xlsx, "xl/sharedStrings.xml");
	compare = member(fx->xlsx, "xl/worksheets/sheet2.xml");
	weak = member(fx->xlsx, "xl/worksheets/sheet3.xml");
	figs = member(fx->xlsx, "xl/worksheets/sheet4.xml");
	projects = member(fx->xlsx, "xl/worksheets/sheet5.xml");
	totals = member(fx->xlsx, "xl/worksheets/sheet6.xml");
	evals = member(fx->xlsx, "xl/worksheets/sheet7.xml");
	about = member(fx->xlsx, "xl/worksheets/sheet8.xml");
	/* compare: one department with two years; headers, Δ −10 pp and −2 points as numbers */
	assert_non_null(strstr(strings, "<t>得分率变动（百分点）</t>"));
	assert_non_null(strstr(strings, "<t>下降</t>"));
	assert_non_null(strstr(compare, "state=\"frozen\""));
	assert_non_null(strstr(compare, "<v>-10</v>"));
	assert_non_null(strstr(compare, "<v>-2</v>"));
	/* weak: A, persistent and large, mean .85, 6 points lost */
	assert_non_null(strstr(strings, "<t>持续扣分、扣分占比大</t>"));
	assert_number_cell(weak, "H2", "0.85");
	assert_number_cell(weak, "I2", "6");
	assert_null(strstr(weak, "<c r=\"A3\""));
	/* figures: 2022 and 2023 of 甲局; execution 110.5 / 100 */
	assert_number_cell(figs, "B3", "2023");
	assert_number_cell(figs, "C3", "100");
	assert_number_cell(figs, "J3", "1.105");
	assert_non_null(strstr(figs, "state=\"frozen\""));
	/* projects: headed, and empty: the fixture has no project evaluations */
	assert_non_null(strstr(strings, "<t>未达成指标及部门说明的原因</t>"));
	assert_null(strstr(projects, "<c r=\"A2\""));
	/* totals: 乙局 2023 100, 甲局 2022 98 (优), 甲局 2023 96, as `jixiao list` */
	assert_non_null(strstr(strings, "<t>有得分的权重</t>"));
	assert_number_cell(totals, "E2", "100");
	assert_number_cell(totals, "E3", "98");
	assert_number_cell(totals, "E4", "96");
	assert_number_cell(totals, "G4", "4");
	assert_non_null(strstr(totals, "state=\"frozen\""));
	/* evaluations: what 乙局 2023 states (row 2); 甲局 states nothing (rows 3, 4) */
	assert_non_null(strstr(strings, "<t>合计得分（原文）</t>"));
	assert_non_null(strstr(strings, "<t>资金使用进度偏慢。</t>"));
	assert_number_cell(evals, "E2", "100");
	assert_number_cell(evals, "F2", "100");
	assert_number_cell(evals, "G2", "100");
	assert_non_null(strstr(evals, "<c r=\"H2\""));
	assert_null(strstr(evals, "<c r=\"I2\"")); /* no 有关建议 */
	assert_non_null(strstr(evals, "<c r=\"J2\""));
	assert_number_cell(evals, "B4", "2023");
	assert_null(strstr(evals, "<c r=\"E4\""));
	assert_null(strstr(evals, "<c r=\"A5\""));
	/* about: the synthetic part is said */
	assert_non_null(strstr(strings, "含合成数据"));
	assert_non_null(strstr(about, "<c r=\"B5\""));
	free(strings);
	free(compare);
	free(weak);
	free(figs);
	free(projects);
	free(about);
	free(totals);
	free(evals);
}

static void test_xlsx__department_filter(void **state)
{
	fixture *fx = *state;
	jx_filter f = {"乙局", 0, 0, -1, NULL};
	char *strings, *sheet;
	assert_int_equal(jx_xlsx_export(fx->st, fx->xlsx, &f, JX_LANG_ZH), 0);
	strings = member(fx->xlsx, "xl/sharedStrings.xml");
	sheet = member(fx->xlsx, "xl/worksheets/sheet1.xml");
	assert_null(strstr(strings, "<t>甲局</t>"));
	assert_non_null(strstr(strings, "<t>乙局</t>"));
	assert_null(strstr(strings, "含合成数据"));
	assert_null(strstr(sheet, "<c r=\"A4\""));
	free(strings);
	free(sheet);
	f.department = "丙局";
	assert_int_equal(jx_xlsx_export(fx->st, fx->xlsx, &f, JX_LANG_ZH), JX_ENOTFOUND);
}

static void test_xlsx__cli(void **state)
{
	fixture *fx = *state;
	char *out = NULL, *err = NULL, *data, bad[4200];
	char *no_out[] = {(char *)tu_jixiao(), "--db", fx->db, "export", "--format", "xlsx", NULL};
	char *ok[] = {(char *)tu_jixiao(),
		      "--db",
		      fx->db,
		      "export",
		      "--format",
		      "xlsx",
		      "--dept",
		      "甲局",
		      "--years",
		      "2023",
		      "--out",
		      fx->xlsx,
		      NULL};
	char *fail[] = {(char *)tu_jixiao(),
			"--db",
			fx->db,
			"export",
			"--format",
			"xlsx",
			"--out",
			bad,
			NULL};
	size_t len = 0;
	snprintf(bad, sizeof(bad), "%s/missing/dir/x.xlsx", fx->dir);
	assert_int_equal(tu_run(no_out, &out, &err), 2);
	assert_non_null(strstr(err, "--out"));
	free(out);
	free(err);
	assert_int_equal(tu_run(ok, &out, &err), 0);
	free(out);
	free(err);
	data = tu_read(fx->xlsx, &len);
	assert_non_null(data);
	assert_true(len > 4 && !memcmp(data, "PK\3\4", 4));
	free(data);
	data = member(fx->xlsx, "xl/worksheets/sheet1.xml");
	assert_number_cell(data, "B2", "2023");
	assert_null(strstr(data, "<c r=\"A4\"")); /* 甲局 2023 only: two rows */
	free(data);
	assert_int_equal(tu_run(fail, &out, &err), 1);
	assert_non_null(strstr(err, "x.xlsx"));
	free(out);
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_xlsx__scores_sheet, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__analysis_sheets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__department_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__cli, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
