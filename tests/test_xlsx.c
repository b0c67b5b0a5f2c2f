/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_xlsx.c -- the Excel workbook: sheets, Chinese headers, numbers as numbers, frozen header.
 *
 * The workbook is unzipped with unzip(1) and its XML read as text: a number
 * cell is <c r="H4" s="N"><v>16</v></c> (no t="...", which marks a string;
 * the constant-memory writer stores strings inline, <is><t>...</t></is>).
 * Expected values are worked out by hand from the fixture below. The tests
 * of spilling, cutting and failing read the workbook back with openpyxl
 * (/usr/bin/python3, Debian package python3-openpyxl), independently of
 * libxlsxwriter.
 */
#include <dirent.h>
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
#include "export/internal.h"
#include "ingest/internal.h"

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

/* 乙局 2023 states its total 100, its self-score 100, two text sections, its functions and
 * its staffing. */
static jx_evaluation *declared(jx_evaluation *ev)
{
	ev->total_weight = 100;
	ev->total_score = 100;
	ev->self_score = 100;
	ev->problems = strdup("资金使用进度偏慢。");
	ev->conclusion = strdup("优");
	ev->functions = strdup("管理全市档案。");
	ev->staffing = strdup("在职人员 9 人。");
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
	strings = member(fx->xlsx, "xl/worksheets/sheet1.xml");
	assert_null(strstr(strings, "t=\"s\"")); /* no shared strings: all inline */
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
		strstr(sheet, "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>部门</t></is></c>"));
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
	char *compare, *weak, *figs, *projects, *about, *totals, *evals;
	assert_int_equal(jx_xlsx_export(fx->st, fx->xlsx, NULL, JX_LANG_ZH), 0);
	compare = member(fx->xlsx, "xl/worksheets/sheet2.xml");
	weak = member(fx->xlsx, "xl/worksheets/sheet3.xml");
	figs = member(fx->xlsx, "xl/worksheets/sheet4.xml");
	projects = member(fx->xlsx, "xl/worksheets/sheet5.xml");
	totals = member(fx->xlsx, "xl/worksheets/sheet6.xml");
	evals = member(fx->xlsx, "xl/worksheets/sheet7.xml");
	about = member(fx->xlsx, "xl/worksheets/sheet8.xml");
	/* compare: one department with two years; headers, Δ −10 pp and −2 points as numbers */
	assert_non_null(strstr(compare, "<t>得分率变动（百分点）</t>"));
	assert_non_null(strstr(compare, "<t>下降</t>"));
	assert_non_null(strstr(compare, "state=\"frozen\""));
	assert_non_null(strstr(compare, "<v>-10</v>"));
	assert_non_null(strstr(compare, "<v>-2</v>"));
	/* weak: A, persistent and large, mean .85, 6 points lost */
	assert_non_null(strstr(weak, "<t>持续扣分、扣分占比大</t>"));
	assert_number_cell(weak, "H2", "0.85");
	assert_number_cell(weak, "I2", "6");
	assert_null(strstr(weak, "<c r=\"A3\""));
	/* figures: 2022 and 2023 of 甲局; execution 110.5 / 100 */
	assert_number_cell(figs, "B3", "2023");
	assert_number_cell(figs, "C3", "100");
	assert_number_cell(figs, "J3", "1.105");
	assert_non_null(strstr(figs, "state=\"frozen\""));
	/* projects: headed, and empty: the fixture has no project evaluations */
	assert_non_null(strstr(projects, "<t>未达成指标及部门说明的原因</t>"));
	assert_null(strstr(projects, "<c r=\"A2\""));
	/* totals: 乙局 2023 100, 甲局 2022 98 (优), 甲局 2023 96, as `jixiao list` */
	assert_non_null(strstr(totals, "<t>有得分的权重</t>"));
	assert_number_cell(totals, "E2", "100");
	assert_number_cell(totals, "E3", "98");
	assert_number_cell(totals, "E4", "96");
	assert_number_cell(totals, "G4", "4");
	assert_non_null(strstr(totals, "state=\"frozen\""));
	/* evaluations: what 乙局 2023 states (row 2); 甲局 states nothing (rows 3, 4) */
	assert_non_null(strstr(evals, "<t>合计得分（原文）</t>"));
	assert_non_null(strstr(evals, "<t>资金使用进度偏慢。</t>"));
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
	assert_non_null(strstr(about, "含合成数据"));
	assert_non_null(strstr(about, "<c r=\"B5\""));
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
	strings = member(fx->xlsx, "xl/worksheets/sheet8.xml"); /* about */
	sheet = member(fx->xlsx, "xl/worksheets/sheet1.xml");
	assert_null(strstr(sheet, "<t>甲局</t>"));
	assert_non_null(strstr(sheet, "<t>乙局</t>"));
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

/* ---- read back by openpyxl: spilling, cutting, failing ---- */

/* openpyxl's view of xlsx: "title<TAB>data rows<TAB>A1<TAB>A2<TAB>B2" per sheet, the about
 * sheet's rows as "about:<label><TAB><text>", and for each ref ("scores!M2") "ref<TAB>length
 * in characters<TAB>last 5 characters<TAB>distinct characters before them". Caller frees. */
static char *readback(const char *xlsx, const char *ref1, const char *ref2)
{
	static const char script[] =
		"import sys, openpyxl\n"
		"wb = openpyxl.load_workbook(sys.argv[1])\n"
		"for ws in wb.worksheets:\n"
		"    rows = list(ws.iter_rows(values_only=True))\n"
		"    a2 = rows[1][:2] if len(rows) > 1 else (None, None)\n"
		"    print('%s\\t%d\\t%s\\t%s\\t%s' % (ws.title, len(rows) - 1, rows[0][0], *a2))\n"
		"    if ws.title == 'about':\n"
		"        for r in rows: print('about:%s\\t%s' % (r[0], r[1]))\n"
		"for ref in sys.argv[2:]:\n"
		"    sheet, cell = ref.split('!')\n"
		"    v = wb[sheet][cell].value\n"
		"    print('%s\\t%d\\t%s\\t%d' % (ref, len(v), v[-5:], len(set(v[:-5]))))\n";
	char *argv[] = {"/usr/bin/python3", "-c", (char *)script, (char *)xlsx, (char *)ref1,
			(char *)ref2,       NULL};
	char *out = NULL, *err = NULL;
	if (tu_run(argv, &out, &err) != 0)
		fail_msg("openpyxl could not read %s (python3-openpyxl): %s", xlsx, err ? err : "");
	free(err);
	return out;
}

/* The about sheet's list of sheets, made from what openpyxl read: "t1（n1 行）、t2（n2 行）…" */
static void expected_sheet_list(char *buf, size_t size, const char *rb)
{
	const char *line = rb;
	buf[0] = '\0';
	for (; *line && strncmp(line, "about\t", 6); line = strchr(line, '\n') + 1) {
		char title[32];
		unsigned rows;
		assert_int_equal(sscanf(line, "%31[^\t]\t%u", title, &rows), 2);
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s（%u 行）", buf[0] ? "、" : "",
			 title, rows);
	}
}

static void test_xlsx__rows_spill_into_continuation_sheets(void **state)
{
	fixture *fx = *state;
	jx_xlsx_summary sum;
	char *rb, want[1024], about[1100];
	jx__xlsx_testing(4, 0); /* 4 data rows a sheet: the 6 score rows need two */
	assert_int_equal(jx_xlsx_write(&sum, fx->st, fx->xlsx, NULL, JX_LANG_ZH), 0);
	jx__xlsx_testing(0, 0);
	assert_int_equal(sum.scores_rows, 6);
	assert_int_equal(sum.scores_sheets, 2);
	assert_int_equal(sum.cells_cut, 0);
	rb = readback(fx->xlsx, NULL, NULL);
	/* scores: rows 1-4 of the order in the fixture's comment, then 甲局 2023 A and B */
	assert_non_null(strstr(rb, "scores\t4\t部门\t乙局\t2023\n"));
	assert_non_null(strstr(rb, "scores_2\t2\t部门\t甲局\t2023\n"));
	assert_null(strstr(rb, "scores_3"));
	/* every sheet is listed in the about sheet with the rows openpyxl counted */
	expected_sheet_list(want, sizeof(want), rb);
	snprintf(about, sizeof(about), "about:工作表\t%s\n", want);
	if (!strstr(rb, about))
		fail_msg("the about sheet does not list %s in:\n%s", want, rb);
	assert_non_null(strstr(rb, "about:评价\t3 份（真实 1，合成 2）\n"));
	assert_null(strstr(rb, "about:截断"));
	for (const char *l = rb; *l; l = strchr(l, '\n') + 1) {
		unsigned rows = 0;
		assert_true(!strncmp(l, "about", 5) || sscanf(l, "%*[^\t]\t%u", &rows) != 1 ||
			    rows <= 4); /* the about sheet is not a table */
	}
	free(rb);
}

/* ---- continuation sheets read back ---- */

/* The canonical scores CSV of the database at db (jixiao export --format csv). Caller frees. */
static char *canonical_csv(const char *db)
{
	char *argv[] = {(char *)tu_jixiao(), "--db", (char *)db, "export", "--format", "csv", NULL};
	char *out = NULL, *err = NULL;
	assert_int_equal(tu_run(argv, &out, &err), 0);
	free(err);
	return out;
}

/* Edit one cell of the workbook with openpyxl (an independent writer): sheet!cell = value. */
static void edit_cell(const char *xlsx, const char *sheet, const char *ref, const char *value)
{
	static const char script[] = "import sys, openpyxl\n"
				     "wb = openpyxl.load_workbook(sys.argv[1])\n"
				     "wb[sys.argv[2]][sys.argv[3]] = sys.argv[4]\n"
				     "wb.save(sys.argv[1])\n";
	char *argv[] = {"/usr/bin/python3", "-c",        (char *)script, (char *)xlsx,
			(char *)sheet,      (char *)ref, (char *)value,  NULL};
	char *out = NULL, *err = NULL;
	if (tu_run(argv, &out, &err) != 0)
		fail_msg("openpyxl could not edit %s: %s", xlsx, err ? err : "");
	free(out);
	free(err);
}

/* The workbook imported into a new database (sheets streamed when stream_bytes is 1):
 * 0 and the stats, or the error. */
static int import_into(const char *db, const char *xlsx, size_t stream_bytes,
		       jx_import_stats *stats)
{
	const char *files[] = {xlsx};
	size_t was = jx__xlsx_stream_bytes;
	int rc;
	remove(db);
	jx__xlsx_stream_bytes = stream_bytes ? stream_bytes : was;
	rc = jx_import_into(db, files, 1, NULL, 0, NULL, stats);
	jx__xlsx_stream_bytes = was;
	return rc;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (; (s = strstr(s, what)); s += strlen(what))
		n++;
	return n;
}

/* Each evaluation's content hash and declared figures, in order (sqlite3(1)). Caller frees. */
static char *hashes(const char *db)
{
	char *argv[] = {"/usr/bin/sqlite3", (char *)db,
			"SELECT e.year, e.kind, e.content_sha256, e.declared_weight, "
			"e.declared_score, e.self_score, length(e.problems), e.functions, "
			"e.staffing FROM evaluation e "
			"JOIN department d ON d.id = e.department_id ORDER BY d.name, 1, 2",
			NULL};
	char *out = NULL, *err = NULL;
	assert_int_equal(tu_run(argv, &out, &err), 0);
	free(err);
	return out;
}

static void test_xlsx__streamed_evaluations_sheet_read_whole(void **state)
{
	fixture *fx = *state;
	jx_batch *b = jx_batch_new("more");
	jx_xlsx_summary sum;
	jx_import_stats stats;
	char db[4200], *want, *got;
	snprintf(db, sizeof(db), "%s/back.db", fx->dir);
	assert_non_null(b);
	for (int i = 0; i < 20; i++) { /* 23 evaluations: more than the 15 rows held */
		char dept[32];
		snprintf(dept, sizeof(dept), "丁局%02d", i);
		jx_batch_add_evaluation(
			b, declared(evaluation(dept, 2023, 20 - i % 5, JX_PROV_SYNTHETIC)));
	}
	assert_int_equal(jx_store_import(fx->st, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
	assert_int_equal(jx_xlsx_write(&sum, fx->st, fx->xlsx, NULL, JX_LANG_ZH), 0);
	if (import_into(db, fx->xlsx, 1, &stats) != 0)
		fail_msg("import: %s", jx_error_last());
	assert_int_equal(stats.added, 23);
	want = hashes(fx->db);
	got = hashes(db);
	assert_string_equal(got, want); /* the last rows' declared totals and texts too */
	/* 乙局 and the 20 丁局 state 100, 100, 100, a 9-character problems text, their
	 * functions and staffing (the evaluations sheet's last two columns) */
	assert_int_equal(count(want, "|100.0|100.0|100.0|9|管理全市档案。|在职人员 9 人。\n"), 21);
	free(want);
	free(got);
}

static void test_xlsx__continuation_sheets_read_back(void **state)
{
	fixture *fx = *state;
	jx_xlsx_summary sum;
	jx_import_stats stats;
	char db[4200], *want, *got;
	snprintf(db, sizeof(db), "%s/back.db", fx->dir);
	jx__xlsx_testing(4, 0); /* 4 data rows a sheet: scores (6 rows) goes on in scores_2 */
	assert_int_equal(jx_xlsx_write(&sum, fx->st, fx->xlsx, NULL, JX_LANG_ZH), 0);
	jx__xlsx_testing(0, 0);
	assert_int_equal(sum.scores_sheets, 2);
	want = canonical_csv(fx->db);
	/* whole sheets, then streamed ones: the same 3 evaluations, 6 rows, byte for byte */
	for (size_t stream = 0; stream <= 1; stream++) {
		memset(&stats, 0, sizeof(stats));
		if (import_into(db, fx->xlsx, stream, &stats) != 0)
			fail_msg("import: %s", jx_error_last());
		assert_int_equal(stats.added, 3);
		assert_int_equal(stats.rows, 6);
		got = canonical_csv(db);
		assert_string_equal(got, want);
		free(got);
	}
	free(want);
	/* a bad value on the continuation sheet is named at its own row (scores_2, row 3:
	 * its second data row) */
	edit_cell(fx->xlsx, "scores_2", "B3", "二〇二三");
	assert_int_not_equal(import_into(db, fx->xlsx, 0, &stats), 0);
	if (!strstr(jx_error_last(), "t.xlsx!scores_2:3:"))
		fail_msg("not placed on scores_2 row 3: %s", jx_error_last());
	/* a continuation sheet with another header is refused, not skipped */
	edit_cell(fx->xlsx, "scores_2", "B3", "2023");
	edit_cell(fx->xlsx, "scores_2", "A1", "单位");
	assert_int_not_equal(import_into(db, fx->xlsx, 0, &stats), 0);
	if (!strstr(jx_error_last(), "t.xlsx!scores_2:1: a continuation sheet whose header"))
		fail_msg("header not refused: %s", jx_error_last());
}

static jx_evaluation *long_texts(void)
{
	jx_evaluation *ev = jx_evaluation_new("丙局", 2023, JX_KIND_SELF);
	const char *chars[] = {"长", "\xf0\xa0\x80\x80" /* U+20000: two UTF-16 units */, "短"};
	size_t counts[] = {40000, 16384, 32767}; /* over; 32,768 units; exactly at the limit */
	assert_non_null(ev);
	ev->provenance = JX_PROV_SYNTHETIC;
	for (int i = 0; i < 3; i++) {
		size_t len = strlen(chars[i]);
		char *text = malloc(counts[i] * len + 1), level3[8];
		assert_non_null(text);
		for (size_t k = 0; k < counts[i]; k++)
			memcpy(text + k * len, chars[i], len);
		text[counts[i] * len] = '\0';
		snprintf(level3, sizeof(level3), "L%d", i);
		assert_non_null(jx_evaluation_add_row(ev, "一", "二", level3, text, 10, 10,
						      JX_ORIGIN_STATED, i + 1));
		free(text);
	}
	return ev;
}

static void test_xlsx__long_texts_are_cut_with_a_mark(void **state)
{
	fixture *fx = *state;
	jx_batch *b = jx_batch_new("long");
	jx_xlsx_summary sum;
	char *rb, *out = NULL, *err = NULL;
	char *cli[] = {(char *)tu_jixiao(),
		       "--db",
		       fx->db,
		       "export",
		       "--format",
		       "xlsx",
		       "--dept",
		       "丙局",
		       "--out",
		       fx->xlsx,
		       NULL};
	assert_non_null(b);
	jx_batch_add_evaluation(b, long_texts());
	assert_int_equal(jx_store_import(fx->st, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
	assert_int_equal(jx_xlsx_write(&sum, fx->st, fx->xlsx, NULL, JX_LANG_ZH), 0);
	assert_int_equal(sum.cells_cut, 2);
	assert_string_equal(sum.first_cut, "scores!M2"); /* 丙局 sorts first */
	rb = readback(fx->xlsx, "scores!M2", "scores!M3");
	/* 32,762 长 and the mark: 32,767 characters; 16,381 U+20000 (32,762 units) and the mark */
	assert_non_null(strstr(rb, "scores!M2\t32767\t" JX_XLSX_CUT_MARK "\t1\n"));
	assert_non_null(strstr(rb, "scores!M3\t16386\t" JX_XLSX_CUT_MARK "\t1\n"));
	assert_non_null(strstr(rb, "about:截断\t2 个单元格"));
	free(rb);
	rb = readback(fx->xlsx, "scores!M4", NULL); /* exactly 32,767: whole */
	assert_non_null(strstr(rb, "scores!M4\t32767\t短短短短短\t1\n"));
	free(rb);
	/* the command warns, and still writes the workbook */
	assert_int_equal(tu_run(cli, &out, &err), 0);
	assert_non_null(strstr(err, "warning"));
	assert_non_null(strstr(err, "scores!M2"));
	free(out);
	free(err);
}

static size_t entries(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	assert_non_null(d);
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

static void test_xlsx__writer_error_leaves_nothing(void **state)
{
	fixture *fx = *state;
	size_t len = 0, before;
	char *data;
	assert_int_equal(tu_write(fx->xlsx, "old", 3), 0);
	before = entries(fx->dir);
	for (size_t at = 1; at < 400; at += 37) { /* a libxlsxwriter failure here and there */
		jx__xlsx_testing(0, at);
		assert_int_equal(jx_xlsx_write(NULL, fx->st, fx->xlsx, NULL, JX_LANG_ZH), JX_EIO);
		assert_non_null(
			strstr(jx_error_last(), "t.xlsx: the workbook could not be written"));
		assert_non_null(strstr(jx_error_last(), "sheet "));
		assert_int_equal(entries(fx->dir), before);
	}
	jx__xlsx_testing(0, 0);
	data = tu_read(fx->xlsx, &len);
	assert_true(len == 3 && !memcmp(data, "old", 3)); /* the previous file is untouched */
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_xlsx__scores_sheet, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__analysis_sheets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__department_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__cli, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__rows_spill_into_continuation_sheets,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__continuation_sheets_read_back, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__streamed_evaluations_sheet_read_whole,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__long_texts_are_cut_with_a_mark, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_xlsx__writer_error_leaves_nothing, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
