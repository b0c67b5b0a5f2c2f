/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_table.c -- result tables: aligned text with CJK widths, CSV quoting, JSON values. */
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

/* Write t in fmt into a malloc'd string. */
static char *render(const jx_table *t, jx_format fmt, int bom)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(jx_table_write(t, f, fmt, bom), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* name (text), value (number): rows 部门决策/20, ab/1.5, 缺失/NaN. */
static jx_table *small_table(void)
{
	jx_table *t = jx_table_new();
	assert_non_null(t);
	assert_int_equal(jx_table_add_column(t, "name", "名称", JX_COL_TEXT, 0), 0);
	assert_int_equal(jx_table_add_column(t, "value", "值", JX_COL_NUMBER, 0), 1);
	assert_int_equal(jx_table_add_row(t), 0);
	assert_int_equal(jx_table_set_text(t, 0, "部门决策"), 0);
	assert_int_equal(jx_table_set_number(t, 1, 20), 0);
	assert_int_equal(jx_table_add_row(t), 0);
	assert_int_equal(jx_table_set_text(t, 0, "ab"), 0);
	assert_int_equal(jx_table_set_number(t, 1, 1.5), 0);
	jx_table_mark_row(t);
	assert_int_equal(jx_table_add_row(t), 0);
	assert_int_equal(jx_table_set_text(t, 0, "缺失"), 0);
	assert_int_equal(jx_table_set_number(t, 1, NAN), 0);
	return t;
}

static void test_table__aligned_with_cjk_widths(void **state)
{
	jx_table *t = small_table();
	char *out;
	(void)state;
	/* widths: name = max(名称 4, 部门决策 8, ab 2, 缺失 4) = 8;
	 * value = max(值 2, "20" 2, "1.5" 3, "-" 1) = 3, right-aligned in data rows.
	 * Each line: 2-column marker, name padded to 8, 2 spaces, value. */
	out = render(t, JX_FMT_TABLE, 0);
	assert_string_equal(out, "  名称      值\n"
				 "  部门决策   20\n"
				 "* ab        1.5\n"
				 "  缺失        -\n");
	/* every data row ends at display column 2 + 8 + 2 + 3 = 15 */
	{
		char *line = out, *nl;
		int row = 0;
		while ((nl = strchr(line, '\n'))) {
			*nl = '\0';
			if (row++ > 0)
				assert_int_equal(jx_display_width(line), 15);
			line = nl + 1;
		}
		assert_int_equal(row, 4);
	}
	free(out);
	jx_table_free(t);
}

static void test_table__notes_and_fixed_decimals(void **state)
{
	jx_table *t = jx_table_new();
	char *out;
	(void)state;
	jx_table_add_column(t, "rate", "得分率", JX_COL_FIXED, 3);
	jx_table_add_row(t);
	jx_table_set_number(t, 0, 1.0 / 3);
	assert_int_equal(jx_table_add_note(t, "note %d", 7), 0);
	/* table: 3 decimals; heading 得分率 is 6 wide, "0.333" is 5 → right-aligned with 1 space */
	out = render(t, JX_FMT_TABLE, 0);
	assert_string_equal(out, "note 7\n  得分率\n   0.333\n");
	free(out);
	/* CSV keeps the exact shortest value and never prints notes */
	out = render(t, JX_FMT_CSV, 0);
	assert_string_equal(out, "rate\n0.3333333333333333\n");
	free(out);
	jx_table_free(t);
}

static void test_table__csv_quoting(void **state)
{
	jx_table *t = jx_table_new();
	char *out;
	(void)state;
	jx_table_add_column(t, "a", "A", JX_COL_TEXT, 0);
	jx_table_add_column(t, "b", "B", JX_COL_TEXT, 0);
	jx_table_add_column(t, "n", "N", JX_COL_NUMBER, 0);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "x,y");
	jx_table_set_text(t, 1, "say \"hi\"");
	jx_table_set_number(t, 2, 3563.83);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "line1\nline2");
	jx_table_set_text(t, 1, " padded ");
	jx_table_set_number(t, 2, NAN);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "三公");
	/* column 1 never set: empty */
	jx_table_set_number(t, 2, -0.5);
	out = render(t, JX_FMT_CSV, 0);
	assert_string_equal(out, "a,b,n\n"
				 "\"x,y\",\"say \"\"hi\"\"\",3563.83\n"
				 "\"line1\nline2\",\" padded \",\n"
				 "三公,,-0.5\n");
	free(out);
	out = render(t, JX_FMT_CSV, 1);
	assert_memory_equal(out,
			    "\xEF\xBB\xBF"
			    "a,b,n\n",
			    9);
	free(out);
	jx_table_free(t);
}

static void test_table__json_matches_csv(void **state)
{
	jx_table *t = jx_table_new();
	json_error_t err;
	json_t *root, *row;
	char *out;
	(void)state;
	jx_table_add_column(t, "department", "部门", JX_COL_TEXT, 0);
	jx_table_add_column(t, "year", "年度", JX_COL_INT, 0);
	jx_table_add_column(t, "score", "得分", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "rate", "得分率", JX_COL_FIXED, 2);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "禁毒\"支队\"");
	jx_table_set_int(t, 1, 2023);
	jx_table_set_number(t, 2, 98);
	jx_table_set_number(t, 3, 0.98);
	jx_table_add_row(t);
	jx_table_set_int(t, 1, 2024);
	jx_table_set_number(t, 2, NAN);
	jx_table_set_number(t, 3, 2.0 / 3);
	out = render(t, JX_FMT_JSON, 0);
	root = json_loads(out, 0, &err);
	if (!root)
		fail_msg("invalid JSON (%s): %s", err.text, out);
	assert_true(json_is_array(root));
	assert_int_equal(json_array_size(root), 2);
	row = json_array_get(root, 0);
	assert_string_equal(json_string_value(json_object_get(row, "department")), "禁毒\"支队\"");
	assert_true(json_integer_value(json_object_get(row, "year")) == 2023);
	assert_true(json_number_value(json_object_get(row, "score")) == 98.0);
	assert_true(json_number_value(json_object_get(row, "rate")) == 0.98);
	row = json_array_get(root, 1);
	assert_true(json_is_null(json_object_get(row, "department"))); /* never set */
	assert_true(json_is_null(json_object_get(row, "score")));      /* NaN */
	/* the JSON number is the same text as the CSV cell, and reads back exactly */
	assert_string_equal(jx_table_cell(t, 1, 3), "0.6666666666666666");
	assert_non_null(strstr(out, "\"rate\": 0.6666666666666666"));
	assert_true(json_number_value(json_object_get(row, "rate")) == 2.0 / 3);
	assert_true(jx_table_number(t, 1, 3) == 2.0 / 3);
	assert_string_equal(jx_table_cell(t, 1, 2), "");
	assert_true(isnan(jx_table_number(t, 1, 2)));
	json_decref(root);
	free(out);

	/* an empty table is an empty array */
	jx_table_free(t);
	t = jx_table_new();
	jx_table_add_column(t, "x", NULL, JX_COL_TEXT, 0);
	out = render(t, JX_FMT_JSON, 0);
	root = json_loads(out, 0, &err);
	assert_non_null(root);
	assert_int_equal(json_array_size(root), 0);
	json_decref(root);
	free(out);
	jx_table_free(t);
}

static void test_table__accessors_and_errors(void **state)
{
	jx_table *t = small_table();
	jx_format fmt;
	(void)state;
	assert_int_equal(jx_table_rows(t), 3);
	assert_int_equal(jx_table_columns(t), 2);
	assert_int_equal(jx_table_find_column(t, "value"), 1);
	assert_int_equal(jx_table_find_column(t, "nope"), -1);
	assert_string_equal(jx_table_cell(t, 0, 0), "部门决策");
	assert_string_equal(jx_table_cell(t, 1, 1), "1.5");
	assert_string_equal(jx_table_cell(t, 9, 9), "");
	assert_true(jx_table_number(t, 0, 1) == 20);
	/* no such column; no columns after rows */
	assert_int_equal(jx_table_set_text(t, 5, "x"), JX_EINVAL);
	assert_int_equal(jx_table_add_column(t, "late", NULL, JX_COL_TEXT, 0), JX_EINVAL);
	assert_int_equal(jx_format_parse("csv", &fmt), 0);
	assert_int_equal(fmt, JX_FMT_CSV);
	assert_int_equal(jx_format_parse("json", &fmt), 0);
	assert_int_equal(fmt, JX_FMT_JSON);
	assert_int_equal(jx_format_parse("xml", &fmt), JX_EINVAL);
	jx_table_free(t);
	jx_table_free(NULL);
}

/* With a byte-order mark (CSV for spreadsheets) text cells at risk get a leading ', a negative
 * number in a number column stays a number; without it the bytes are as before. */
static void test_table__bom_csv_is_formula_safe(void **state)
{
	jx_table *t = jx_table_new();
	char *buf = NULL;
	size_t n = 0;
	FILE *out;
	(void)state;
	jx_table_add_column(t, "name", "名称", JX_COL_TEXT, 0);
	jx_table_add_column(t, "delta", "变化", JX_COL_NUMBER, 0);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "=cmd|' /C calc'!A0");
	jx_table_set_number(t, 1, -0.25);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "\tx");
	jx_table_set_number(t, 1, 3);
	out = open_memstream(&buf, &n);
	assert_int_equal(jx_table_write(t, out, JX_FMT_CSV, 1), 0);
	fclose(out);
	assert_string_equal(buf, "\xEF\xBB\xBFname,delta\n'=cmd|' /C calc'!A0,-0.25\n'\tx,3\n");
	free(buf);
	out = open_memstream(&buf, &n);
	assert_int_equal(jx_table_write(t, out, JX_FMT_CSV, 0), 0);
	fclose(out);
	assert_string_equal(buf, "name,delta\n=cmd|' /C calc'!A0,-0.25\n\tx,3\n");
	free(buf);
	jx_table_free(t);
}

/* A terminal table cuts a cell longer than the cap with "…" (so one huge cell does not pad
 * every row to its width); no cap shows it whole; CSV is never cut. */
static void test_table__terminal_width_is_capped(void **state)
{
	jx_table *t = jx_table_new();
	char *big = malloc(3 * 5000 + 1), *buf = NULL;
	size_t n = 0;
	FILE *out;
	(void)state;
	for (int i = 0; i < 5000; i++)
		memcpy(big + 3 * i, "长", 3);
	big[3 * 5000] = '\0';
	jx_table_add_column(t, "name", "名称", JX_COL_TEXT, 0);
	jx_table_add_column(t, "n", "数", JX_COL_INT, 0);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, big);
	jx_table_set_int(t, 1, 1);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "短");
	jx_table_set_int(t, 1, 2);
	out = open_memstream(&buf, &n);
	assert_int_equal(jx_table_write(t, out, JX_FMT_TABLE, 0), 0);
	fclose(out);
	/* the cell: 39 of 长 (78 columns) and "…" in a column of 80 */
	assert_non_null(strstr(buf, "长长…    1\n")); /* 79 wide, padded to 80, 2 spaces, " 1" */
	for (char *line = buf, *nl; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		*nl = '\0';
		assert_true(jx_display_width(line) <= 2 + JX_TABLE_MAX_WIDTH + 2 + 2);
	}
	free(buf);
	jx_table_set_max_width(t, 0);
	out = open_memstream(&buf, &n);
	assert_int_equal(jx_table_write(t, out, JX_FMT_TABLE, 0), 0);
	fclose(out);
	assert_non_null(strstr(buf, big));
	free(buf);
	out = open_memstream(&buf, &n);
	jx_table_set_max_width(t, 10);
	assert_int_equal(jx_table_write(t, out, JX_FMT_CSV, 0), 0);
	fclose(out);
	assert_non_null(strstr(buf, big));
	free(buf);
	free(big);
	jx_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table__terminal_width_is_capped),
		cmocka_unit_test(test_table__bom_csv_is_formula_safe),
		cmocka_unit_test(test_table__aligned_with_cjk_widths),
		cmocka_unit_test(test_table__notes_and_fixed_decimals),
		cmocka_unit_test(test_table__csv_quoting),
		cmocka_unit_test(test_table__json_matches_csv),
		cmocka_unit_test(test_table__accessors_and_errors),
	};
	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
