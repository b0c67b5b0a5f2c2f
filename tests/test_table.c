/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_table.c -- result tables: aligned text with CJK widths, CSV quoting, JSON values;
 * errors that stick, under an allocator that fails on the Nth call.
 *
 * This program is linked with --wrap=malloc,calloc,realloc,free (tests/CMakeLists.txt):
 * every allocation of the library and of this file goes through the __wrap_
 * functions below, which count, fail one chosen call, and keep the blocks
 * still allocated. (The C library's and jansson's own allocations do not.) */
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

/* ---- the failing allocator ---- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);

static struct {
	int on;            /* count (and fail) only while set */
	size_t calls;      /* allocations asked for while on */
	size_t fail_at;    /* the call (1-based) that gets NULL; 0: none */
	size_t after_fail; /* allocations asked for after that one */
	void *live[4096];  /* blocks given out while on and not freed yet */
	size_t nlive;
} fa;

static int fail_now(void)
{
	if (!fa.on)
		return 0;
	fa.calls++;
	if (fa.fail_at && fa.calls > fa.fail_at)
		fa.after_fail++;
	return fa.calls == fa.fail_at;
}

static void *keep(void *p)
{
	if (p && fa.on) {
		if (fa.nlive == sizeof(fa.live) / sizeof(*fa.live))
			abort();
		fa.live[fa.nlive++] = p;
	}
	return p;
}

static void forget(void *p)
{
	for (size_t i = 0; p && i < fa.nlive; i++)
		if (fa.live[i] == p) {
			fa.live[i] = fa.live[--fa.nlive];
			return;
		}
}

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : keep(__real_malloc(n));
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : keep(__real_calloc(n, size));
}

void *__wrap_realloc(void *p, size_t n)
{
	void *q;
	if (fail_now())
		return NULL; /* p stays as it was */
	if ((q = __real_realloc(p, n)) != NULL) {
		forget(p);
		keep(q);
	}
	return q;
}

void __wrap_free(void *p)
{
	forget(p);
	__real_free(p);
}

#define LIFE_ROWS 40

typedef struct {
	size_t build_calls; /* allocations until the table was built */
	int status;         /* jx_table_status once built */
	int rc[3];          /* jx_table_write in CSV, JSON, table format */
	char *out[3];
	size_t len[3];
} life;

/* One table's life, built as the analysis builds its tables -- no call's result
 * checked -- then written in the three formats and freed. */
static void table_life(life *l, size_t fail_at)
{
	static const jx_format fmts[3] = {JX_FMT_CSV, JX_FMT_JSON, JX_FMT_TABLE};
	static char big[20000]; /* a cell larger than an arena block */
	jx_table *t;
	memset(big, 'x', sizeof(big) - 1);
	memset(&fa, 0, sizeof(fa));
	memset(l, 0, sizeof(*l));
	fa.fail_at = fail_at;
	fa.on = 1;
	t = jx_table_new();
	jx_table_add_column(t, "name", "名称", JX_COL_TEXT, 0);
	jx_table_add_column(t, "score", "得分", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "year", "年度", JX_COL_INT, 0);
	jx_table_add_column(t, "rate", "得分率", JX_COL_FIXED, 3);
	jx_table_add_note(t, "note %d", 1);
	for (int i = 0; i < LIFE_ROWS; i++) {
		char name[32];
		snprintf(name, sizeof(name), "指标%d", i);
		jx_table_add_row(t);
		jx_table_set_text(t, 0, i == 7 ? big : name);
		jx_table_set_number(t, 1, i + 0.5);
		jx_table_set_int(t, 2, 2000 + i);
		jx_table_set_number(t, 3, i / 64.0);
		if (i % 5 == 0)
			jx_table_mark_row(t);
	}
	jx_table_add_note(t, "note %d", 2);
	l->build_calls = fa.calls;
	l->status = jx_table_status(t);
	for (int k = 0; k < 3; k++) {
		FILE *f = open_memstream(&l->out[k], &l->len[k]);
		assert_non_null(f);
		l->rc[k] = jx_table_write(t, f, fmts[k], 0);
		assert_int_equal(fclose(f), 0);
	}
	jx_table_free(t);
	fa.on = 0;
}

static void life_free(life *l)
{
	for (int k = 0; k < 3; k++)
		free(l->out[k]);
}

/* Fail the 1st, 2nd, ... Nth allocation of a table's life, for every N it makes. */
static void test_table__errors_stick_under_failing_allocations(void **state)
{
	life clean, l;
	size_t total;
	(void)state;
	table_life(&clean, 0);
	total = fa.calls;
	assert_int_equal(clean.status, 0);
	for (int k = 0; k < 3; k++)
		assert_int_equal(clean.rc[k], 0);
	assert_int_equal(fa.nlive, 0);
	/* new, columns and their names, rows, cell texts, notes; then the writers */
	assert_true(clean.build_calls >= 20);
	assert_true(total > clean.build_calls);
	assert_non_null(strstr(clean.out[0], "name,score,year,rate\n指标0,0.5,2000,0\n"));
	print_message("a table's life: %zu allocations, %zu of them while built\n", total,
		      clean.build_calls);
	for (size_t n = 1; n <= total; n++) {
		table_life(&l, n);
		if (fa.nlive != 0)
			fail_msg("allocation %zu failed: %zu blocks leaked", n, fa.nlive);
		if (n <= clean.build_calls) {
			/* failed while built: nothing more happened to it, nothing written */
			if (fa.after_fail != 0)
				fail_msg("allocation %zu failed, yet %zu more were made", n,
					 fa.after_fail);
			assert_int_equal(l.status, JX_ENOMEM);
			for (int k = 0; k < 3; k++) {
				if (l.rc[k] != JX_ENOMEM || l.len[k] != 0)
					fail_msg(
						"allocation %zu failed: format %d wrote %zu bytes, "
						"returned %d",
						n, k, l.len[k], l.rc[k]);
			}
			assert_string_equal(jx_error_last(), "out of memory");
		} else {
			/* failed while written: that writer says so, the others write it all */
			int failed = 0;
			assert_int_equal(l.status, 0);
			for (int k = 0; k < 3; k++) {
				if (l.rc[k] == 0) {
					assert_int_equal(l.len[k], clean.len[k]);
					assert_memory_equal(l.out[k], clean.out[k], clean.len[k]);
				} else {
					assert_int_equal(l.rc[k], JX_ENOMEM);
					failed++;
				}
			}
			assert_int_equal(failed, 1);
		}
		life_free(&l);
	}
	life_free(&clean);
}

/* The case of the issue: a failed row is not overwritten into the previous one. */
static void test_table__no_row_after_a_failed_one(void **state)
{
	jx_table *t = small_table();
	char *buf = NULL;
	size_t n = 0, rows = 3;
	FILE *f;
	int rc;
	(void)state;
	memset(&fa, 0, sizeof(fa));
	fa.on = 1;
	fa.fail_at = 1; /* the next allocation: growing the cells for one more row */
	while ((rc = jx_table_add_row(t)) == 0) {
		rows++;
		jx_table_set_text(t, 0, "新行");
	}
	fa.on = 0;
	assert_int_equal(rc, JX_ENOMEM);
	assert_true(rows > 3);
	assert_int_equal(jx_table_rows(t), rows);
	/* later calls change nothing -- the last row keeps its text -- and say why */
	assert_int_equal(jx_table_set_text(t, 0, "覆盖"), JX_ENOMEM);
	assert_int_equal(jx_table_add_row(t), JX_ENOMEM);
	assert_string_equal(jx_table_cell(t, rows - 1, 0), "新行");
	assert_int_equal(jx_table_rows(t), rows);
	f = open_memstream(&buf, &n);
	assert_int_equal(jx_table_write(t, f, JX_FMT_CSV, 0), JX_ENOMEM);
	assert_int_equal(jx_table_write_rows(t, f, JX_FMT_JSON, 1), JX_ENOMEM);
	fclose(f);
	assert_int_equal(n, 0);
	assert_string_equal(jx_error_last(), "out of memory");
	free(buf);
	jx_table_free(t);
	/* a bad column sticks too, with its message */
	t = small_table();
	assert_int_equal(jx_table_set_number(t, 9, 1), JX_EINVAL);
	jx_error_clear();
	assert_int_equal(jx_table_status(t), JX_EINVAL);
	assert_string_equal(jx_error_last(), "no such table cell (column 9)");
	jx_table_free(t);
	/* a table that could not be made */
	assert_int_equal(jx_table_add_column(NULL, "x", NULL, JX_COL_TEXT, 0), JX_ENOMEM);
	assert_int_equal(jx_table_status(NULL), JX_ENOMEM);
	assert_int_equal(jx_table_rows(NULL), 0);
}

/* A view for people: rate, pp, points, money, codes; the columns by name. */
static jx_col_show view_show(const char *name)
{
	static const struct {
		const char *name;
		jx_col_show show;
	} map[] = {{"rate", JX_SHOW_PERCENT}, {"pp", JX_SHOW_PP},     {"pts", JX_SHOW_POINTS},
		   {"money", JX_SHOW_MONEY},  {"code", JX_SHOW_CODE}, {"slope", JX_SHOW_RATE_PP},
		   {"sd", JX_SHOW_SPREAD_PP}};
	for (size_t i = 0; i < sizeof(map) / sizeof(*map); i++)
		if (!strcmp(name, map[i].name))
			return map[i].show;
	return JX_SHOW_AS_IS;
}

static const char *view_label(char *buf, size_t size, const char *name, const char *code)
{
	snprintf(buf, size, "<%s:%s>", name, code);
	return buf;
}

static char *render_view(const jx_table *t, const jx_table_view *v)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(jx_table_write_view(t, f, v), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_table__view_numbers_for_people(void **state)
{
	static const char *const essential[] = {"name", "rate", "pp", "pts", "money", "code", NULL};
	jx_table_view v = {0, essential, view_show, view_label};
	jx_table *t = jx_table_new();
	char *out;
	(void)state;
	jx_table_add_column(t, "name", "名称", JX_COL_TEXT, 0);
	jx_table_add_column(t, "rate", "率", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "pp", "pp", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "pts", "分", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "money", "万元", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "code", "c", JX_COL_TEXT, 0);
	jx_table_add_column(t, "extra", "x", JX_COL_TEXT, 0);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "部门决策部门决策");
	jx_table_set_number(t, 1, 0.89);
	jx_table_set_number(t, 2, -4.5);
	jx_table_set_number(t, 3, 10.010000000000005); /* binary dust of 5.01 + 5 */
	jx_table_set_number(t, 4, 3563.8299999999995);
	jx_table_set_text(t, 5, "a,b");
	jx_table_set_text(t, 6, "e");
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "ab");
	jx_table_set_number(t, 1, 1);
	jx_table_set_number(t, 2, 2);
	jx_table_set_number(t, 3, 97);
	jx_table_set_number(t, 4, -1234567.5);
	out = render_view(t, &v);
	/* width 0: every column, numbers for people; codes through the label */
	assert_string_equal(
		out, "  名称              率      pp    分     万元           c           x\n"
		     "  部门决策部门决策   89.0%  -4.5  10.01       3,563.83  <code:a,b>  e\n"
		     "  ab                100.0%  +2.0     97  -1,234,567.50              \n");
	free(out);
	/* 56 columns: the essential ones, the two text columns evened out and cut with "…"
	 * (the CJK name to 7 columns of its 8) */
	v.width = 56;
	out = render_view(t, &v);
	assert_string_equal(out, "  名称      率      pp    分     万元           c\n"
				 "  部门决…    89.0%  -4.5  10.01       3,563.83  <code:a…\n"
				 "  ab        100.0%  +2.0     97  -1,234,567.50  \n");
	free(out);
	/* CSV keeps the full precision and the codes */
	out = render(t, JX_FMT_CSV, 0);
	assert_string_equal(
		out, "name,rate,pp,pts,money,code,extra\n"
		     "部门决策部门决策,0.89,-4.5,10.010000000000005,3563.8299999999995,\"a,b\",e\n"
		     "ab,1,2,97,-1234567.5,,\n");
	free(out);
	jx_table_free(t);
}

/* Slopes and SDs of fractions in percentage points: 0.0245 a year is +2.5 (printf rounds the
 * double 2.45 of 0.0245 * 100 down, so 0.0246 → +2.5 instead), -0.00447 is -0.4, a slope
 * under 0.0005 is 0.0 unsigned; an SD 0.013934 is 1.4 unsigned; the heading gets "(pp)". */
static void test_table__view_slopes_in_points(void **state)
{
	jx_table_view v = {0, NULL, view_show, NULL};
	jx_table *t = jx_table_new();
	const double rows[][2] = {{0.0246, 0.013934}, {-0.00447, 0.2}, {0.0004, 0}};
	char *out;
	(void)state;
	jx_table_add_column(t, "slope", "slope/yr", JX_COL_FIXED, 4);
	jx_table_add_column(t, "sd", "SD", JX_COL_FIXED, 4);
	for (size_t i = 0; i < 3; i++) {
		jx_table_add_row(t);
		jx_table_set_number(t, 0, rows[i][0]);
		jx_table_set_number(t, 1, rows[i][1]);
	}
	out = render_view(t, &v);
	assert_string_equal(out, "  slope/yr (pp)  SD (pp)\n"
				 "           +2.5      1.4\n"
				 "           -0.4     20.0\n"
				 "            0.0      0.0\n");
	free(out);
	out = render(t, JX_FMT_CSV, 0);
	assert_string_equal(out, "slope,sd\n0.0246,0.013934\n-0.00447,0.2\n0.0004,0\n");
	free(out);
	jx_table_free(t);
}

/* --headers zh: another name in the CSV header only; JSON keys and lookups keep the name. */
static void test_table__csv_names_only_in_the_csv_header(void **state)
{
	jx_table *t = jx_table_new();
	char *out;
	(void)state;
	jx_table_add_column(t, "department", "department", JX_COL_TEXT, 0);
	jx_table_add_column(t, "rate", "rate", JX_COL_NUMBER, 0);
	jx_table_add_row(t);
	jx_table_set_text(t, 0, "甲");
	jx_table_set_number(t, 1, 0.5);
	assert_int_equal(jx_table_set_csv_name(t, 0, "部门"), 0);
	assert_string_equal(jx_table_column_name(t, 0), "department");
	assert_string_equal(jx_table_column_heading(t, 1), "rate");
	assert_null(jx_table_column_name(t, 2));
	assert_int_equal(jx_table_find_column(t, "department"), 0);
	out = render(t, JX_FMT_CSV, 0);
	assert_string_equal(out, "部门,rate\n甲,0.5\n");
	free(out);
	out = render(t, JX_FMT_JSON, 0);
	assert_string_equal(out, "[\n  {\"department\": \"甲\", \"rate\": 0.5}\n]\n");
	free(out);
	assert_int_equal(jx_table_set_csv_name(t, 2, "x"), JX_EINVAL); /* sticks */
	assert_int_equal(jx_table_status(t), JX_EINVAL);
	jx_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table__terminal_width_is_capped),
		cmocka_unit_test(test_table__view_numbers_for_people),
		cmocka_unit_test(test_table__view_slopes_in_points),
		cmocka_unit_test(test_table__csv_names_only_in_the_csv_header),
		cmocka_unit_test(test_table__bom_csv_is_formula_safe),
		cmocka_unit_test(test_table__aligned_with_cjk_widths),
		cmocka_unit_test(test_table__notes_and_fixed_decimals),
		cmocka_unit_test(test_table__csv_quoting),
		cmocka_unit_test(test_table__json_matches_csv),
		cmocka_unit_test(test_table__accessors_and_errors),
		cmocka_unit_test(test_table__errors_stick_under_failing_allocations),
		cmocka_unit_test(test_table__no_row_after_a_failed_one),
	};
	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
