/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_doc.c -- the table model: grids with spans, covered slots, origins and places. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "jixiao.h"

static void test_doc__paragraphs_are_trimmed_and_empty_ones_skipped(void **state)
{
	jx_doc *d = jx_doc_new("a.docx", JX_DOC_DOCX);
	jx_doc_origin o = {0, 0, 3, 0};
	(void)state;
	assert_non_null(d);
	assert_int_equal(jx_doc_add_paragraph(d, "  2023年度部门整体绩效自评报告 \n", o), 0);
	assert_int_equal(jx_doc_add_paragraph(d, "   ", o), 0);
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text, "2023年度部门整体绩效自评报告");
	assert_int_equal(d->blocks[0].origin.line, 3);
	jx_doc_free(d);
}

static void test_doc__spans_cover_slots_and_share_the_anchor_text(void **state)
{
	jx_doc *d = jx_doc_new("b.docx", JX_DOC_DOCX);
	jx_doc_table *t;
	jx_doc_origin o = {2, 1, 0, 0};
	(void)state;
	assert_int_equal(jx_doc_add_table(&t, d, 4, 3), 0);
	assert_int_equal(t->number, 1);
	/* 投入 spans rows 1-3 of column 0 */
	assert_int_equal(jx_doc_table_set(t, 1, 0, " 投入 ", 3, 1, o), 0);
	assert_string_equal(jx_doc_table_text(t, 1, 0), "投入");
	assert_string_equal(jx_doc_table_text(t, 2, 0), "投入");
	assert_string_equal(jx_doc_table_text(t, 3, 0), "投入");
	assert_null(jx_doc_table_slot(t, 3, 0)->text);
	assert_int_equal(jx_doc_table_slot(t, 3, 0)->anchor_row, 1);
	assert_int_equal(jx_doc_table_slot(t, 3, 0)->rowspan, 0);
	/* the covered slot knows its own source row */
	assert_int_equal(jx_doc_table_slot(t, 3, 0)->origin.row, 4);
	/* a covered slot cannot be set, nor can a span overlap another */
	assert_int_equal(jx_doc_table_set(t, 2, 0, "x", 1, 1, o), JX_EINVAL);
	assert_int_equal(jx_doc_table_set(t, 0, 0, "x", 2, 1, o), JX_EINVAL);
	/* spans are clipped to the grid */
	assert_int_equal(jx_doc_table_set(t, 0, 1, "权重", 1, 9, o), 0);
	assert_int_equal(jx_doc_table_slot(t, 0, 1)->colspan, 2);
	assert_string_equal(jx_doc_table_text(t, 0, 2), "权重");
	assert_string_equal(jx_doc_table_text(t, 9, 9), "");
	jx_doc_free(d);
}

static void test_doc__places_are_written_as_each_format_says_them(void **state)
{
	char buf[128];
	jx_doc_table *t;
	jx_doc *x = jx_doc_new("s.xlsx", JX_DOC_XLSX), *w = jx_doc_new("r.docx", JX_DOC_DOCX);
	jx_doc *p = jx_doc_new("r.pdf", JX_DOC_PDF), *h = jx_doc_new("r.html", JX_DOC_HTML);
	jx_doc_origin o = {14, 5, 120, 3};
	(void)state;
	assert_int_equal(jx_doc_add_table(&t, x, 1, 1), 0);
	t->sheet = strdup("Sheet1");
	jx_doc_place(buf, sizeof(buf), x, t, o);
	assert_string_equal(buf, "Sheet1!E14");
	o.col = 28; /* AB */
	jx_doc_place(buf, sizeof(buf), x, t, o);
	assert_string_equal(buf, "Sheet1!AB14");
	o.col = 5;
	assert_int_equal(jx_doc_add_table(&t, w, 1, 1), 0);
	assert_int_equal(jx_doc_add_table(&t, w, 1, 1), 0);
	jx_doc_place(buf, sizeof(buf), w, t, o);
	assert_string_equal(buf, "表 2 第 14 行 第 5 列");
	assert_int_equal(jx_doc_add_table(&t, p, 1, 1), 0);
	jx_doc_place(buf, sizeof(buf), p, t, o);
	assert_string_equal(buf, "第 3 页 表 1 第 14 行 第 5 列");
	jx_doc_place(buf, sizeof(buf), h, NULL, o);
	assert_string_equal(buf, "line 120");
	jx_doc_free(x);
	jx_doc_free(w);
	jx_doc_free(p);
	jx_doc_free(h);
}

static void test_doc__huge_or_empty_tables_are_refused(void **state)
{
	jx_doc *d = jx_doc_new("big.xlsx", JX_DOC_XLSX);
	jx_doc_table *t;
	(void)state;
	assert_int_equal(jx_doc_add_table(&t, d, 0, 3), JX_EINVAL);
	assert_int_equal(jx_doc_add_table(&t, d, (size_t)1 << 20, 1024), JX_EINVAL);
	assert_null(t);
	assert_int_equal(d->nblocks, 0);
	assert_int_equal(jx_doc_note(d, "skipped %d hidden sheets", 2), 0);
	assert_string_equal(d->notes[0], "skipped 2 hidden sheets");
	jx_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doc__paragraphs_are_trimmed_and_empty_ones_skipped),
		cmocka_unit_test(test_doc__spans_cover_slots_and_share_the_anchor_text),
		cmocka_unit_test(test_doc__places_are_written_as_each_format_says_them),
		cmocka_unit_test(test_doc__huge_or_empty_tables_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
