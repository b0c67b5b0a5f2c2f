/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table.h -- result tables printed as aligned text, CSV or JSON.
 *
 * Every command that prints data builds one jx_table and hands it to
 * jx_table_write, so that the three formats always carry the same numbers.
 * Columns have a snake_case English name (CSV header, JSON key) and a
 * heading for the terminal: an English text translated when the table is
 * printed (gettext, domain "jixiao"; a text without a catalog entry, such
 * as a year, prints as it is).
 */
#ifndef JIXIAO_TABLE_H
#define JIXIAO_TABLE_H

#include <stddef.h>
#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { JX_FMT_TABLE = 0, JX_FMT_CSV = 1, JX_FMT_JSON = 2 } jx_format;

typedef enum {
	JX_COL_TEXT = 0,   /**< string; JSON string */
	JX_COL_NUMBER = 1, /**< double printed shortest; empty/null when NaN */
	JX_COL_INT = 2,    /**< integer */
	JX_COL_FIXED =
		3 /**< double printed with the column's decimals (table only; CSV/JSON shortest) */
} jx_col_type;

typedef struct jx_table jx_table;

/*
 * Errors stick: after a call fails (JX_ENOMEM, JX_EINVAL for a bad column),
 * every later call that would change the table does nothing and returns
 * that error again, and jx_table_write returns it instead of writing. So a
 * table may be built without checking each call: check jx_table_status, or
 * what jx_table_write returns. A NULL table (jx_table_new failed) is a table
 * that ran out of memory for every function here.
 */

/** New empty table; NULL on ENOMEM. Free with jx_table_free. */
JX_API jx_table *jx_table_new(void);
JX_API void jx_table_free(jx_table *t);

/** 0, or the failure that stopped the table (its message recorded again). */
JX_API int jx_table_status(const jx_table *t);

/** Add a column (before any row). decimals applies to JX_COL_FIXED. Returns its
 *  index, or JX_ENOMEM / JX_EINVAL. */
JX_API int jx_table_add_column(jx_table *t, const char *name, const char *heading, jx_col_type type,
			       int decimals);

/** Start a new row; cells default to empty (NULL/NaN). 0 or JX_ENOMEM. */
JX_API int jx_table_add_row(jx_table *t);
/** Set a cell of the last row (value copied). 0, JX_EINVAL (bad column), JX_ENOMEM. */
JX_API int jx_table_set_text(jx_table *t, int col, const char *value);
JX_API int jx_table_set_number(jx_table *t, int col, double value);
/** A number cell with its text formatted by the caller: text must be what
 * jx_table_set_number writes for value (a faster path that knows it already). */
JX_API int jx_table_set_number_text(jx_table *t, int col, double value, const char *text);
JX_API int jx_table_set_int(jx_table *t, int col, long long value);
/** Mark the last row for emphasis in the terminal (e.g. a deduction); no effect on CSV/JSON. */
JX_API void jx_table_mark_row(jx_table *t);

JX_API size_t jx_table_rows(const jx_table *t);
JX_API size_t jx_table_columns(const jx_table *t);
/** Borrowed cell text as it would print in CSV ("" when empty). */
JX_API const char *jx_table_cell(const jx_table *t, size_t row, size_t col);
/** Cell value of a numeric column (NaN when empty or text). */
JX_API double jx_table_number(const jx_table *t, size_t row, size_t col);
/** Borrowed name (CSV header, JSON key) of column col; NULL when there is none. */
JX_API const char *jx_table_column_name(const jx_table *t, size_t col);
/** Borrowed heading of column col as given (an English msgid, untranslated); NULL when none. */
JX_API const char *jx_table_column_heading(const jx_table *t, size_t col);
/**
 * Name column col differently in the CSV header only (e.g. in Chinese for Excel users:
 * `--headers zh`); JSON keys and jx_table_find_column keep the column's name. name is
 * copied. 0, JX_EINVAL (no such column, empty name; sticks like every failure), JX_ENOMEM.
 */
JX_API int jx_table_set_csv_name(jx_table *t, size_t col, const char *name);
/** Index of the column named name, or -1. */
JX_API int jx_table_find_column(const jx_table *t, const char *name);

/** Optional lines printed above (table format) / as "# " comments (never in CSV/JSON). */
JX_API int jx_table_add_note(jx_table *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/**
 * Write the table. CSV: header of column names, RFC 4180 quoting, LF ends,
 * a UTF-8 BOM first when bom is set. JSON: an array of objects (numbers as
 * numbers, NaN as null). Table: headings, columns aligned by display width.
 * Returns 0, the table's failure (nothing written), JX_ENOMEM or JX_EIO.
 */
JX_API int jx_table_write(const jx_table *t, FILE *out, jx_format fmt, int bom);

/** The widest a column is drawn in the terminal format (display columns) unless set otherwise. */
#define JX_TABLE_MAX_WIDTH 80
/**
 * Cap the columns of the terminal format at cols display columns (0: no cap; the
 * default is JX_TABLE_MAX_WIDTH): a longer cell is cut and ends with "…", so one
 * huge cell cannot pad every row to its width. CSV and JSON are never cut.
 */
JX_API void jx_table_set_max_width(jx_table *t, size_t cols);

/**
 * Write only the rows, for one output made of several tables with the same
 * columns, one after another (e.g. one per department): CSV rows without
 * the header line; JSON objects without the enclosing brackets, each
 * preceded by ",\n  " -- by "\n  " for the very first row of the output
 * when first is set -- so that "[" + the tables' rows + "\n]\n" is the
 * array jx_table_write would give for all rows ("[]\n" when none). The
 * table format aligns each table by itself, so it is written whole, as by
 * jx_table_write. Returns 0, the table's failure (nothing written), JX_ENOMEM or JX_EIO.
 */
JX_API int jx_table_write_rows(const jx_table *t, FILE *out, jx_format fmt, int first);

/** How the terminal shows a column (a view: CSV and JSON keep full precision and codes). */
typedef enum {
	JX_SHOW_AS_IS = 0, /**< as written by jx_table_write */
	JX_SHOW_PERCENT,   /**< a fraction as a percentage, one decimal: 0.89 → "89.0%" */
	JX_SHOW_PP,        /**< percentage points, one decimal, signed: "+2.0", "-4.5" */
	JX_SHOW_POINTS,    /**< points, up to two decimals: "33.5", "97" */
	JX_SHOW_MONEY,     /**< amounts, thousands separators and two decimals: "3,563.83" */
	JX_SHOW_CODE, /**< an English code (or codes joined by ',') shown by the view's label */
	/** a change of fractions (a slope per year) in percentage points, one decimal, signed;
	 *  the heading gets the unit: 0.02 → "+2.0" under "slope/yr (pp)" */
	JX_SHOW_RATE_PP,
	/** a spread of fractions (a standard deviation) in percentage points, one decimal,
	 *  unsigned; the heading gets the unit: 0.0139 → "1.4" under "SD (pp)" */
	JX_SHOW_SPREAD_PP
} jx_col_show;

/** A terminal view of a table: which columns, how wide, numbers and codes for people. */
typedef struct {
	/** At most this many display columns per line (0: no limit, every column): when every
	 *  column does not fit, only the essential ones are shown, and then the widest text
	 *  columns are cut with "…". */
	size_t width;
	/** NULL-terminated names of the columns shown under a width (NULL, or none of them in
	 *  the table: every column); "#" stands for every column named by a number (a year). */
	const char *const *essential;
	/** How the column called name is shown; NULL: every column as is. */
	jx_col_show (*show)(const char *name);
	/** The text of a JX_SHOW_CODE cell (code as in CSV) of the column called name, made in
	 *  buf or a constant; NULL: the code. */
	const char *(*label)(char *buf, size_t size, const char *name, const char *code);
} jx_table_view;

/**
 * Write the table as aligned text through view v (notes first, as jx_table_write).
 * Returns 0, the table's failure (nothing written), JX_ENOMEM or JX_EIO.
 */
JX_API int jx_table_write_view(const jx_table *t, FILE *out, const jx_table_view *v);

/** Parse "table", "csv", "json". 0 or JX_EINVAL. */
JX_API int jx_format_parse(const char *s, jx_format *out);

#ifdef __cplusplus
}
#endif
#endif
