/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pdf_fixtures.c -- PDFs printed by LibreOffice and Chromium from the .docx and .html
 * sources in tests/fixtures/pdf (make_fixtures.py) read back into the table model: the
 * indicator table's grid must hold what the source's grid (*.grid.json, written from the
 * same data) holds, cell by cell, white space aside; the prose must come out as
 * paragraphs without page numbers; scanned, encrypted and damaged files get their
 * messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include "jixiao.h"
#include "testutil.h"

/* s without white space (ASCII and U+3000), for comparing names. */
static char *squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	assert_non_null(out);
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

static void assert_same_text(const char *want, const char *got, size_t r, size_t c)
{
	char *a = squeeze(want), *b = squeeze(got);
	if (strcmp(a, b) != 0)
		fail_msg("row %zu column %zu: want \"%s\", got \"%s\"", r + 1, c + 1, want, got);
	free(a);
	free(b);
}

static jx_doc *read_pdf(const char *rel)
{
	size_t len;
	char *data = tu_read(tu_src(rel), &len);
	jx_doc *d = NULL;
	assert_non_null(data);
	if (jx_pdf_load(&d, rel, data, len, NULL) != 0)
		fail_msg("%s: %s", rel, jx_error_last());
	free(data);
	return d;
}

/* The text the source's grid shows at (r, c), and the row its anchor starts on. */
static const char *source_text(json_t *cells, size_t r, size_t c, size_t *anchor_row)
{
	size_t i;
	json_t *cell;
	json_array_foreach(cells, i, cell)
	{
		size_t ar = (size_t)json_integer_value(json_array_get(cell, 0));
		size_t ac = (size_t)json_integer_value(json_array_get(cell, 1));
		size_t rs = (size_t)json_integer_value(json_array_get(cell, 2));
		size_t cs = (size_t)json_integer_value(json_array_get(cell, 3));
		if (r >= ar && r < ar + rs && c >= ac && c < ac + cs) {
			*anchor_row = ar;
			return json_string_value(json_array_get(cell, 4));
		}
	}
	fail_msg("source grid has no cell at row %zu column %zu", r + 1, c + 1);
	return NULL;
}

/*
 * The document's one table against the source grid. A merged cell that a page break cuts
 * shows its text on the first page only: below the break its slots may be blank (the
 * recogniser carries such blanks down), but only there.
 */
static void check_grid(const jx_doc *d, const char *grid_json, int first_page, int last_page)
{
	json_error_t err;
	json_t *g = json_load_file(tu_src(grid_json), 0, &err), *cells;
	const jx_doc_table *t = NULL;
	size_t nrows, ncols, blanks = 0;
	assert_non_null(g);
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == JX_BLOCK_TABLE) {
			assert_null(t); /* exactly one table */
			t = d->blocks[i].table;
		}
	assert_non_null(t);
	nrows = (size_t)json_integer_value(json_object_get(g, "rows"));
	ncols = (size_t)json_integer_value(json_object_get(g, "cols"));
	cells = json_object_get(g, "cells");
	assert_int_equal(t->nrows, nrows);
	assert_int_equal(t->ncols, ncols);
	assert_int_equal(t->page_first, first_page);
	assert_int_equal(t->page_last, last_page);
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			size_t ar = 0;
			const char *want = source_text(cells, r, c, &ar);
			const char *got = jx_doc_table_text(t, r, c);
			const jx_doc_cell *slot = jx_doc_table_slot(t, r, c);
			const jx_doc_cell *top = jx_doc_table_slot(t, ar, c);
			if (!*got && *want && ar < r && slot->origin.page > top->origin.page) {
				blanks++;
				continue;
			}
			assert_same_text(want, got, r, c);
		}
	assert_true(blanks <= 4);
	json_decref(g);
}

static const char *const prose[] = {
	"# provenance: synthetic",
	"合成数据：示例市及其部门均为虚构，数字不描述任何真实单位。",
	"2023年度示例市交通运输局部门整体绩效自我评价报告",
	"单位（盖章）：示例市交通运输局",
	"一、部门概况",
	"2023年底示例市交通运输局实有在职人员 86 人，离退休人员 31 人。公务用车编制数为 9 "
	"辆，实有车辆数为 9 辆。",
	"2023年度部门预算数为 4821.35 万元，其中：基本支出 3120.40 万元，项目支出 1700.95 万元。",
	"2023年度部门决算总支出 4790.12 万元，其中：基本支出 3098.77 万元、项目支出 1691.35 "
	"万元。",
	"二、评价结论",
	"经自评，2023年度部门整体绩效自评价综合得分 93 分。",
	"示例市交通运输局部门整体绩效评价指标体系",
	"三、存在问题及原因分析",
	"绩效目标管理有待加强，部分项目目标与预算匹配性较低。",
};

/* Every paragraph of the source, in order, and nothing else (no page numbers). */
static void check_prose(const jx_doc *d)
{
	size_t k = 0;
	for (size_t i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].kind != JX_BLOCK_PARAGRAPH)
			continue;
		assert_true(k < sizeof(prose) / sizeof(*prose));
		assert_same_text(prose[k], d->blocks[i].text, k, 0);
		assert_true(d->blocks[i].origin.page >= 1);
		k++;
	}
	assert_int_equal(k, sizeof(prose) / sizeof(*prose));
}

static void test_pdf__libreoffice_ruled_table_over_four_pages(void **state)
{
	jx_doc *d = read_pdf("tests/fixtures/pdf/ruled-lo.pdf");
	(void)state;
	check_grid(d, "tests/fixtures/pdf/ruled.grid.json", 1, 4);
	check_prose(d);
	jx_doc_free(d);
}

static void test_pdf__chromium_ruled_table_over_three_pages(void **state)
{
	jx_doc *d = read_pdf("tests/fixtures/pdf/ruled-chromium.pdf");
	(void)state;
	check_grid(d, "tests/fixtures/pdf/ruled.grid.json", 1, 3);
	check_prose(d);
	jx_doc_free(d);
}

static void test_pdf__libreoffice_rule_less_table(void **state)
{
	jx_doc *d = read_pdf("tests/fixtures/pdf/ruleless-lo.pdf");
	(void)state;
	check_grid(d, "tests/fixtures/pdf/ruleless.grid.json", 1, 4);
	check_prose(d);
	jx_doc_free(d);
}

static void test_pdf__chromium_rule_less_table(void **state)
{
	jx_doc *d = read_pdf("tests/fixtures/pdf/ruleless-chromium.pdf");
	(void)state;
	check_grid(d, "tests/fixtures/pdf/ruleless.grid.json", 1, 2);
	check_prose(d);
	jx_doc_free(d);
}

static void test_pdf__places_name_the_page(void **state)
{
	jx_doc *d = read_pdf("tests/fixtures/pdf/ruled-chromium.pdf");
	const jx_doc_table *t = NULL;
	char buf[128];
	(void)state;
	for (size_t i = 0; i < d->nblocks && !t; i++)
		t = d->blocks[i].table;
	/* the last row (合计) is on the third page */
	jx_doc_place(buf, sizeof(buf), d, t, jx_doc_table_slot(t, t->nrows - 1, 4)->origin);
	assert_string_equal(buf, "第 3 页 表 1 第 27 行 第 5 列");
	jx_doc_free(d);
}

static void expect_message(const char *rel, const char *data, size_t len, const char *what)
{
	jx_doc *d = NULL;
	assert_int_equal(jx_pdf_load(&d, rel, data, len, NULL), JX_EPARSE);
	assert_null(d);
	if (!strstr(jx_error_last(), what))
		fail_msg("%s: \"%s\" does not say \"%s\"", rel, jx_error_last(), what);
	assert_non_null(strstr(jx_error_last(), rel));
}

static void test_pdf__scanned_encrypted_and_damaged_files_are_explained(void **state)
{
	size_t len;
	char *data = tu_read(tu_src("tests/fixtures/pdf/scanned.pdf"), &len);
	static const char junk[] = "%PDF-1.7\nnot really a PDF at all\n";
	(void)state;
	assert_non_null(data);
	expect_message("scanned.pdf", data, len, "needs OCR first");
	free(data);
	data = tu_read(tu_src("tests/fixtures/pdf/encrypted.pdf"), &len);
	assert_non_null(data);
	expect_message("encrypted.pdf", data, len, "encrypted");
	free(data);
	expect_message("junk.pdf", junk, sizeof(junk) - 1, "not a readable PDF");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf__libreoffice_ruled_table_over_four_pages),
		cmocka_unit_test(test_pdf__chromium_ruled_table_over_three_pages),
		cmocka_unit_test(test_pdf__libreoffice_rule_less_table),
		cmocka_unit_test(test_pdf__chromium_rule_less_table),
		cmocka_unit_test(test_pdf__places_name_the_page),
		cmocka_unit_test(test_pdf__scanned_encrypted_and_damaged_files_are_explained),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
