/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table.c -- result tables written as aligned text, CSV (RFC 4180) or JSON.
 *
 * Cells are kept as text already formatted the way CSV prints them, plus
 * the double for numeric columns, so that the three formats always agree.
 * The analysis builds and writes one table per department, hundreds of
 * thousands of cells for a province: cell text lives in an arena freed in
 * one go, and CSV rows are assembled in a buffer and written at once.
 *
 * Errors stick, as in jx__buf: the first failure (out of memory, a bad
 * column) is kept with its message, every later change is refused with
 * it, and the writers return it instead of writing. So a table built by
 * many calls whose results nobody checks cannot come out with a hole or an
 * overwritten row: the error surfaces when the table is written. A NULL
 * table (jx_table_new failed) behaves as a table that ran out of memory. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "table/internal.h"

/* Keep the first failure (rc, with the message just recorded); returns it. */
static int failed(jx_table *t, int rc)
{
	if (!t->rc) {
		t->rc = rc;
		snprintf(t->msg, sizeof(t->msg), "%s", jx_error_last());
	}
	return t->rc;
}

int jx_table_status(const jx_table *t)
{
	if (!t)
		return jx__oom();
	return t->rc ? jx__error(t->rc, "%s", t->msg) : 0;
}

jx_table *jx_table_new(void)
{
	jx_table *t = calloc(1, sizeof(jx_table));
	if (t) {
		jx__arena_init(&t->text, 16384);
		t->max_width = JX_TABLE_MAX_WIDTH;
	}
	return t;
}

void jx_table_set_max_width(jx_table *t, size_t cols)
{
	t->max_width = cols;
}

void jx_table_free(jx_table *t)
{
	size_t i;
	if (!t)
		return;
	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].heading);
		free(t->cols[i].csv_name);
	}
	jx__arena_free(&t->text);
	for (i = 0; i < t->nnotes; i++)
		free(t->notes[i]);
	free(t->cols);
	free(t->cells);
	free(t->marks);
	free(t->notes);
	free(t);
}

int jx_table_add_column(jx_table *t, const char *name, const char *heading, jx_col_type type,
			int decimals)
{
	column c;
	int rc;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	if (t->nrows > 0)
		return failed(t, jx__error(JX_EINVAL, _("columns must be added before rows")));
	if (jx__grow((void **)&t->cols, &t->cols_cap, t->ncols + 1, sizeof(*t->cols)))
		return failed(t, JX_ENOMEM);
	c.heading = NULL;
	if (!(c.name = jx__strdup(name)) || !(c.heading = jx__strdup(heading ? heading : name))) {
		free(c.name);
		return failed(t, jx__oom());
	}
	c.csv_name = NULL;
	c.type = type;
	c.decimals = decimals;
	t->cols[t->ncols] = c;
	return (int)t->ncols++;
}

int jx_table_add_row(jx_table *t)
{
	size_t i, base;
	int rc;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	base = t->nrows * t->ncols;
	if (jx__grow((void **)&t->cells, &t->cells_cap, base + t->ncols, sizeof(*t->cells)) ||
	    jx__grow((void **)&t->marks, &t->marks_cap, t->nrows + 1, 1))
		return failed(t, JX_ENOMEM);
	for (i = 0; i < t->ncols; i++) {
		t->cells[base + i].text = NULL;
		t->cells[base + i].value = NAN;
	}
	t->marks[t->nrows] = 0;
	t->nrows++;
	return 0;
}

/* The cell col of the last row into *out; the table's failure (now, or from before) else. */
static int last_cell(jx_table *t, int col, cell **out)
{
	int rc;
	*out = NULL;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	if (t->nrows == 0 || col < 0 || (size_t)col >= t->ncols)
		return failed(t, jx__error(JX_EINVAL, _("no such table cell (column %d)"), col));
	*out = &t->cells[(t->nrows - 1) * t->ncols + (size_t)col];
	return 0;
}

/* Set a cell's text (a copy; NULL = empty). An overwritten text stays in the arena. */
static int set_cell_text(jx_table *t, cell *c, const char *text)
{
	char *copy = NULL;
	if (text && !(copy = jx__arena_strndup(&t->text, text, strlen(text))))
		return failed(t, JX_ENOMEM);
	c->text = copy;
	return 0;
}

int jx_table_set_text(jx_table *t, int col, const char *value)
{
	cell *c;
	int rc = last_cell(t, col, &c);
	return rc ? rc : set_cell_text(t, c, value);
}

int jx_table_set_number(jx_table *t, int col, double value)
{
	char buf[64];
	cell *c;
	int rc;
	if ((rc = last_cell(t, col, &c)) != 0)
		return rc;
	c->value = value;
	if (isnan(value))
		return set_cell_text(t, c, NULL);
	if (isinf(value))
		return set_cell_text(t, c, value > 0 ? "inf" : "-inf");
	jx__number_text(buf, sizeof(buf), value);
	return set_cell_text(t, c, buf);
}

int jx_table_set_number_text(jx_table *t, int col, double value, const char *text)
{
	cell *c;
	int rc;
	if ((rc = last_cell(t, col, &c)) != 0)
		return rc;
	c->value = value;
	return set_cell_text(t, c, text);
}

int jx_table_set_int(jx_table *t, int col, long long value)
{
	char buf[32], *p = buf + sizeof(buf);
	unsigned long long a = value < 0 ? 0ULL - (unsigned long long)value
					 : (unsigned long long)value;
	cell *c;
	int rc;
	if ((rc = last_cell(t, col, &c)) != 0)
		return rc;
	c->value = (double)value;
	*--p = '\0';
	do
		*--p = (char)('0' + a % 10);
	while ((a /= 10) > 0);
	if (value < 0)
		*--p = '-';
	return set_cell_text(t, c, p);
}

void jx_table_mark_row(jx_table *t)
{
	if (t && !t->rc && t->nrows)
		t->marks[t->nrows - 1] = 1;
}

size_t jx_table_rows(const jx_table *t)
{
	return t ? t->nrows : 0;
}
size_t jx_table_columns(const jx_table *t)
{
	return t ? t->ncols : 0;
}

const char *jx_table_cell(const jx_table *t, size_t row, size_t col)
{
	const char *s;
	if (!t || row >= t->nrows || col >= t->ncols)
		return "";
	s = t->cells[row * t->ncols + col].text;
	return s ? s : "";
}

double jx_table_number(const jx_table *t, size_t row, size_t col)
{
	if (!t || row >= t->nrows || col >= t->ncols)
		return NAN;
	return t->cells[row * t->ncols + col].value;
}

const char *jx_table_column_name(const jx_table *t, size_t col)
{
	return t && col < t->ncols ? t->cols[col].name : NULL;
}

const char *jx_table_column_heading(const jx_table *t, size_t col)
{
	return t && col < t->ncols ? t->cols[col].heading : NULL;
}

int jx_table_set_csv_name(jx_table *t, size_t col, const char *name)
{
	char *copy;
	int rc;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	if (col >= t->ncols || !name || !*name)
		return failed(t, jx__error(JX_EINVAL,
					   _("no such table column (%zu) or an empty name"), col));
	if (!(copy = jx__strdup(name)))
		return failed(t, jx__oom());
	free(t->cols[col].csv_name);
	t->cols[col].csv_name = copy;
	return 0;
}

int jx_table_find_column(const jx_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->ncols; i++)
		if (!strcmp(t->cols[i].name, name))
			return (int)i;
	return -1;
}

int jx_table_add_note(jx_table *t, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int rc;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (jx__grow((void **)&t->notes, &t->notes_cap, t->nnotes + 1, sizeof(*t->notes)))
		return failed(t, JX_ENOMEM);
	if (!(t->notes[t->nnotes] = jx__strdup(buf)))
		return failed(t, jx__oom());
	t->nnotes++;
	return 0;
}

/* ---- writers ---- */

/* Output gathered in 64 KiB pieces: one fwrite a piece, not one a row or field. */
typedef struct {
	FILE *out;
	size_t len;
	char data[65536];
} outbuf;

static inline void out_put(outbuf *o, const char *s, size_t n)
{
	if (o->len + n > sizeof(o->data)) {
		fwrite(o->data, 1, o->len, o->out);
		o->len = 0;
		if (n > sizeof(o->data)) {
			fwrite(s, 1, n, o->out);
			return;
		}
	}
	memcpy(o->data + o->len, s, n);
	o->len += n;
}

/* s as a CSV field: a plain one (jx__csv_plain, nor a formula to neutralise) copied after
 * one scan, anything else through jx__csv_field, the one quoting rule. */
static int csv_cell(outbuf *o, const char *s, int formula_safe)
{
	jx__buf quoted;
	size_t n;
	int rc = 0;
	if ((!formula_safe || !jx_csv_formula_risk(s)) && jx__csv_plain(s, &n)) {
		out_put(o, s, n);
		return 0;
	}
	jx__buf_init(&quoted);
	jx__csv_field(&quoted, s, formula_safe);
	if (quoted.failed)
		rc = jx__oom();
	else
		out_put(o, quoted.data ? quoted.data : "", quoted.len);
	jx__buf_free(&quoted);
	return rc;
}

/* formula_safe: text columns neutralised for spreadsheets (jx_csv_write_cell). */
static int write_csv_rows(const jx_table *t, FILE *out, int formula_safe)
{
	outbuf *o = malloc(sizeof(*o));
	size_t r, c;
	int rc = 0;
	if (!o)
		return jx__oom();
	o->out = out;
	o->len = 0;
	for (r = 0; r < t->nrows && rc == 0; r++) {
		for (c = 0; c < t->ncols && rc == 0; c++) {
			const char *s = t->cells[r * t->ncols + c].text;
			if (c)
				out_put(o, ",", 1);
			if (s)
				rc = csv_cell(o, s, formula_safe && t->cols[c].type == JX_COL_TEXT);
		}
		out_put(o, "\n", 1);
	}
	if (rc == 0)
		fwrite(o->data, 1, o->len, out);
	free(o);
	return rc;
}

static int write_csv(const jx_table *t, FILE *out, int bom)
{
	size_t c;
	if (bom)
		fputs("\xEF\xBB\xBF", out);
	for (c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', out);
		jx_csv_write_field(out,
				   t->cols[c].csv_name ? t->cols[c].csv_name : t->cols[c].name);
	}
	fputc('\n', out);
	return write_csv_rows(t, out, bom);
}

/* JSON string literal of s (jansson does the escaping); "null" when s is not UTF-8. */
static void json_put_string(FILE *out, const char *s)
{
	json_t *j = json_string(s);
	char *d = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	fputs(d ? d : "null", out);
	free(d);
	json_decref(j);
}

/* The rows as JSON objects, each after ",\n  " -- "\n  " for the first of the output. */
static void write_json_rows(const jx_table *t, FILE *out, int first)
{
	size_t r, c;
	for (r = 0; r < t->nrows; r++) {
		fputs(first && r == 0 ? "\n  {" : ",\n  {", out);
		for (c = 0; c < t->ncols; c++) {
			const cell *ce = &t->cells[r * t->ncols + c];
			if (c)
				fputs(", ", out);
			json_put_string(out, t->cols[c].name);
			fputs(": ", out);
			if (t->cols[c].type == JX_COL_TEXT)
				ce->text ? json_put_string(out, ce->text)
					 : (void)fputs("null", out);
			else if (!ce->text || isnan(ce->value) || isinf(ce->value))
				fputs("null", out);
			else
				fputs(ce->text, out);
		}
		fputs("}", out);
	}
}

/* Numbers are written with the same shortest text as in CSV, so formats agree. */
static int write_json(const jx_table *t, FILE *out)
{
	fputs("[", out);
	write_json_rows(t, out, 1);
	fputs(t->nrows ? "\n]\n" : "]\n", out);
	return 0;
}

int jx_table_write(const jx_table *t, FILE *out, jx_format fmt, int bom)
{
	int rc;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	if (fmt == JX_FMT_CSV)
		rc = write_csv(t, out, bom);
	else if (fmt == JX_FMT_JSON)
		rc = write_json(t, out);
	else
		rc = jx__table_write_text(t, out, NULL);
	if (rc == 0 && ferror(out))
		rc = jx__error(JX_EIO, _("write error on output"));
	return rc;
}

int jx_table_write_rows(const jx_table *t, FILE *out, jx_format fmt, int first)
{
	int rc;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	if (fmt == JX_FMT_CSV)
		rc = write_csv_rows(t, out, 0);
	else if (fmt == JX_FMT_JSON)
		write_json_rows(t, out, first);
	else
		rc = jx__table_write_text(t, out, NULL);
	if (rc == 0 && ferror(out))
		rc = jx__error(JX_EIO, _("write error on output"));
	return rc;
}

int jx_format_parse(const char *s, jx_format *out)
{
	if (!strcmp(s, "table"))
		*out = JX_FMT_TABLE;
	else if (!strcmp(s, "csv"))
		*out = JX_FMT_CSV;
	else if (!strcmp(s, "json"))
		*out = JX_FMT_JSON;
	else
		return jx__error(JX_EINVAL, _("unknown format '%s' (table, csv, json)"), s);
	return 0;
}
