/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc.c -- the table model every reader fills: paragraphs and tables of slots with
 * spans and origins (include/jixiao/doc.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

jx_doc *jx_doc_new(const char *name, jx_doc_format format)
{
	jx_doc *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->format = format;
	if (!(d->name = jx__strdup(name ? name : ""))) {
		free(d);
		return NULL;
	}
	return d;
}

void jx_doc_table_free(jx_doc_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i].text);
	if (t->more)
		t->more->free(t->more);
	free(t->cells);
	free(t->sheet);
	free(t);
}

void jx_doc_table_clear(jx_doc_table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			jx_doc_cell *s = &t->cells[r * t->ncols + c];
			free(s->text);
			memset(s, 0, sizeof(*s));
			s->anchor_row = (int)r;
			s->anchor_col = (int)c;
			s->rowspan = s->colspan = 1;
		}
}

jx_doc_table *jx_doc_table_new(size_t nrows, size_t ncols)
{
	jx_doc_table *t;
	if (nrows == 0 || ncols == 0 || nrows > JX_DOC_MAX_CELLS / ncols)
		return NULL;
	if (!(t = calloc(1, sizeof(*t))) ||
	    !(t->cells = calloc(nrows * ncols, sizeof(*t->cells)))) {
		free(t);
		return NULL;
	}
	t->nrows = nrows;
	t->ncols = ncols;
	jx_doc_table_clear(t);
	return t;
}

void jx_doc_free(jx_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nblocks; i++) {
		free(d->blocks[i].text);
		jx_doc_table_free(d->blocks[i].table);
	}
	for (size_t i = 0; i < d->nnotes; i++)
		free(d->notes[i]);
	free(d->notes);
	free(d->blocks);
	free(d->name);
	free(d);
}

static jx_doc_block *add_block(jx_doc *d)
{
	if (jx__grow((void **)&d->blocks, &d->cap, d->nblocks + 1, sizeof(*d->blocks)) != 0)
		return NULL;
	memset(&d->blocks[d->nblocks], 0, sizeof(*d->blocks));
	return &d->blocks[d->nblocks++];
}

int jx_doc_add_paragraph(jx_doc *d, const char *text, jx_doc_origin origin)
{
	jx_doc_block *b;
	char *copy = jx__strdup(text ? text : "");
	if (!copy)
		return jx__oom();
	jx_trim(copy);
	if (!*copy) {
		free(copy);
		return 0;
	}
	if (!(b = add_block(d))) {
		free(copy);
		return jx__oom();
	}
	b->kind = JX_BLOCK_PARAGRAPH;
	b->text = copy;
	b->origin = origin;
	return 0;
}

int jx_doc_add_table(jx_doc_table **out, jx_doc *d, size_t nrows, size_t ncols)
{
	jx_doc_table *t;
	jx_doc_block *b;
	int number = 1;
	*out = NULL;
	if (nrows == 0 || ncols == 0 || nrows > JX_DOC_MAX_CELLS / ncols)
		return jx__error(JX_EINVAL,
				 nrows && ncols ? _("%s: a table of %zu × %zu cells is too large")
						: _("%s: a table of %zu × %zu cells is empty"),
				 d->name, nrows, ncols);
	for (size_t i = 0; i < d->nblocks; i++)
		number += d->blocks[i].kind == JX_BLOCK_TABLE;
	if (!(t = jx_doc_table_new(nrows, ncols)))
		return jx__oom();
	t->number = number;
	if (!(b = add_block(d))) {
		jx_doc_table_free(t);
		return jx__oom();
	}
	b->kind = JX_BLOCK_TABLE;
	b->table = t;
	*out = t;
	return 0;
}

jx_doc_cell *jx_doc_table_slot(const jx_doc_table *t, size_t row, size_t col)
{
	if (!t || row >= t->nrows || col >= t->ncols)
		return NULL;
	return &t->cells[row * t->ncols + col];
}

int jx_doc_table_set(jx_doc_table *t, size_t row, size_t col, const char *text, int rowspan,
		     int colspan, jx_doc_origin origin)
{
	jx_doc_cell *a = jx_doc_table_slot(t, row, col);
	size_t r1, c1;
	char *copy;
	if (!a)
		return jx__error(JX_EINVAL, _("cell (%zu, %zu) is outside the table"), row + 1,
				 col + 1);
	if (a->rowspan == 0 || (a->anchor_row != (int)row || a->anchor_col != (int)col))
		return jx__error(JX_EINVAL, _("cell (%zu, %zu) is covered by a merged cell"),
				 row + 1, col + 1);
	rowspan = rowspan < 1 ? 1 : rowspan;
	colspan = colspan < 1 ? 1 : colspan;
	r1 = row + (size_t)rowspan > t->nrows ? t->nrows : row + (size_t)rowspan;
	c1 = col + (size_t)colspan > t->ncols ? t->ncols : col + (size_t)colspan;
	/* refuse a span over a slot that already belongs to another anchor's span */
	for (size_t r = row; r < r1; r++)
		for (size_t c = col; c < c1; c++) {
			const jx_doc_cell *s = &t->cells[r * t->ncols + c];
			if ((r != row || c != col) &&
			    (s->rowspan == 0 || s->rowspan > 1 || s->colspan > 1))
				return jx__error(JX_EINVAL, _("merged cells overlap at (%zu, %zu)"),
						 r + 1, c + 1);
		}
	if (!(copy = jx__strdup(text ? text : "")))
		return jx__oom();
	jx_trim(copy);
	free(a->text);
	a->text = copy;
	a->rowspan = (int)(r1 - row);
	a->colspan = (int)(c1 - col);
	a->origin = origin;
	for (size_t r = row; r < r1; r++)
		for (size_t c = col; c < c1; c++) {
			jx_doc_cell *s = &t->cells[r * t->ncols + c];
			if (r == row && c == col)
				continue;
			free(s->text);
			s->text = NULL;
			s->anchor_row = (int)row;
			s->anchor_col = (int)col;
			s->rowspan = s->colspan = 0;
			if (!s->origin.row && !s->origin.line && !s->origin.page) {
				s->origin = origin;
				if (origin.row)
					s->origin.row = origin.row + (int)(r - row);
				if (origin.col)
					s->origin.col = origin.col + (int)(c - col);
			}
		}
	return 0;
}

const char *jx_doc_table_text(const jx_doc_table *t, size_t row, size_t col)
{
	const jx_doc_cell *s = jx_doc_table_slot(t, row, col), *a;
	if (!s)
		return "";
	a = jx_doc_table_slot(t, (size_t)s->anchor_row, (size_t)s->anchor_col);
	return a && a->text ? a->text : "";
}

int jx_doc_note(jx_doc *d, const char *fmt, ...)
{
	va_list ap;
	jx__buf b;
	char *s;
	jx__buf_init(&b);
	va_start(ap, fmt);
	{
		va_list ap2;
		int n;
		char small[256];
		va_copy(ap2, ap);
		n = vsnprintf(small, sizeof(small), fmt, ap2);
		va_end(ap2);
		if (n >= 0 && (size_t)n < sizeof(small))
			jx__buf_puts(&b, small);
		else if (n >= 0) {
			char *big = malloc((size_t)n + 1);
			if (big) {
				vsnprintf(big, (size_t)n + 1, fmt, ap);
				jx__buf_puts(&b, big);
				free(big);
			} else
				b.failed = 1;
		}
	}
	va_end(ap);
	if (!(s = jx__buf_detach(&b)))
		return jx__oom();
	if (jx__grow((void **)&d->notes, &d->notes_cap, d->nnotes + 1, sizeof(*d->notes)) != 0) {
		free(s);
		return jx__oom();
	}
	d->notes[d->nnotes++] = s;
	return 0;
}

void jx__doc_column_letters(char *buf, size_t size, int col)
{
	char tmp[16];
	size_t n = 0;
	while (col > 0 && n < sizeof(tmp)) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

void jx_doc_place(char *buf, size_t size, const jx_doc *d, const jx_doc_table *t, jx_doc_origin o)
{
	char letters[16];
	size_t len = 0;
	if (!size)
		return;
	buf[0] = '\0';
	switch (d ? d->format : JX_DOC_TEXT) {
	case JX_DOC_XLSX:
	case JX_DOC_XLS:
		jx__doc_column_letters(letters, sizeof(letters), o.col);
		if (o.row && o.col)
			snprintf(buf, size, "%s!%s%d", t && t->sheet ? t->sheet : "?", letters,
				 o.row);
		else if (t && t->sheet)
			snprintf(buf, size, "%s", t->sheet);
		break;
	case JX_DOC_PDF:
		if (o.page)
			len = (size_t)snprintf(buf, size, "第 %d 页", o.page);
		if (t && len < size)
			snprintf(buf + len, size - len, "%s表 %d 第 %d 行 第 %d 列", len ? " " : "",
				 t->number, o.row, o.col);
		break;
	case JX_DOC_DOCX:
		if (t)
			snprintf(buf, size, "表 %d 第 %d 行 第 %d 列", t->number, o.row, o.col);
		else if (o.line)
			snprintf(buf, size, "段落 %d", o.line);
		break;
	default:
		if (o.line)
			snprintf(buf, size, "line %d", o.line);
		else if (t)
			snprintf(buf, size, "table %d row %d column %d", t->number, o.row, o.col);
		break;
	}
}

const char *jx_doc_format_name(jx_doc_format f)
{
	static const char *const names[] = {"text", "docx", "xlsx", "xls", "html", "pdf", "csv"};
	return (unsigned)f < sizeof(names) / sizeof(*names) ? names[f] : "?";
}
