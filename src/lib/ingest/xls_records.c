/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xls_records.c -- what the .xls child sends its parent: sheets and cells as records.
 *
 * A record is a type byte, two 32-bit numbers, a 32-bit text length and the
 * text (native byte order: both ends are this process and its fork):
 *   S nrows ncols name   a worksheet's used extent (0 × 0: empty)
 *   C row col text       a cell of the last worksheet, 0-based
 *   X code               FreeXL could not read the file (its error code)
 *   P                    the workbook is password-protected
 *   D                    the end: everything was sent
 * The parent reads them as untrusted input -- the child may have been
 * subverted by the file it parsed: every length, index and text is checked. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include "ingest/internal.h"

#define HEAD 13 /* type, a, b, text length */

void jx__xls_out_init(jx__xls_out *w, int fd)
{
	w->fd = fd;
	w->len = 0;
	w->failed = 0;
}

int jx__xls_out_flush(jx__xls_out *w)
{
	const char *p = w->buf;
	while (!w->failed && w->len > 0) {
		ssize_t n = write(w->fd, p, w->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			w->failed = 1;
			break;
		}
		p += n;
		w->len -= (size_t)n;
	}
	w->len = 0;
	return w->failed ? -1 : 0;
}

static void put_bytes(jx__xls_out *w, const void *data, size_t n)
{
	const char *p = data;
	while (n > 0 && !w->failed) {
		size_t k = sizeof(w->buf) - w->len < n ? sizeof(w->buf) - w->len : n;
		memcpy(w->buf + w->len, p, k);
		w->len += k;
		p += k;
		n -= k;
		if (w->len == sizeof(w->buf))
			jx__xls_out_flush(w);
	}
}

void jx__xls_put(jx__xls_out *w, int type, uint32_t a, uint32_t b, const char *text)
{
	unsigned char t = (unsigned char)type;
	uint32_t n = text ? (uint32_t)strlen(text) : 0;
	put_bytes(w, &t, 1);
	put_bytes(w, &a, 4);
	put_bytes(w, &b, 4);
	put_bytes(w, &n, 4);
	put_bytes(w, text, n);
}

/* ---- reading them ---- */

typedef struct {
	jx_doc *doc;
	jx_doc_table *table; /* the last worksheet's */
	uint32_t nrows, ncols;
	char *text; /* the record's text, NUL-terminated */
	size_t textcap;
} reading;

static int damaged(const char *name)
{
	return jx__error(JX_EPARSE,
			 _("%s: the workbook could not be read (the .xls reader stopped early: the "
			   "file is damaged)"),
			 name);
}

static int sheet(reading *st, uint32_t nrows, uint32_t ncols)
{
	const char *name = st->text[0] ? st->text : "Sheet";
	int rc;
	st->table = NULL;
	if (!nrows || !ncols)
		return jx_doc_note(st->doc, "sheet %s is empty", name);
	if ((uint64_t)nrows * ncols > JX__GRID_MAX_CELLS)
		return jx__error(
			JX_EPARSE,
			_("%s: sheet %s spans %u rows × %u columns, more than jixiao reads from "
			  "an .xls sheet (%zu cells); delete the rows and columns it does not "
			  "use, or save it as .xlsx"),
			st->doc->name, name, nrows, ncols, (size_t)JX__GRID_MAX_CELLS);
	if ((rc = jx_doc_add_table(&st->table, st->doc, nrows, ncols)) != 0)
		return rc;
	if (!(st->table->sheet = jx__strdup(name)))
		return jx__oom();
	st->nrows = nrows;
	st->ncols = ncols;
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			jx_doc_origin o = {(int)r + 1, (int)c + 1, 0, 0};
			st->table->cells[r * ncols + c].origin = o;
		}
	return 0;
}

static int cell(reading *st, uint32_t row, uint32_t col)
{
	jx_doc_origin o = {(int)row + 1, (int)col + 1, 0, 0};
	if (!st->table || row >= st->nrows || col >= st->ncols)
		return damaged(st->doc->name);
	return jx_doc_table_set(st->table, row, col, st->text, 1, 1, o);
}

/* One record at rec (len bytes left) into st; *used its size, *done at 'D'. */
static int record(reading *st, const char *rec, size_t len, size_t *used, int *done)
{
	uint32_t a, b, n;
	const char *name = st->doc->name;
	if (len < HEAD)
		return damaged(name);
	memcpy(&a, rec + 1, 4);
	memcpy(&b, rec + 5, 4);
	memcpy(&n, rec + 9, 4);
	if (n > len - HEAD || !jx_utf8_valid(rec + HEAD, n, NULL) || memchr(rec + HEAD, 0, n))
		return damaged(name);
	if (jx__grow((void **)&st->text, &st->textcap, (size_t)n + 1, 1) != 0)
		return JX_ENOMEM;
	memcpy(st->text, rec + HEAD, n);
	st->text[n] = '\0';
	*used = HEAD + (size_t)n;
	switch (rec[0]) {
	case JX__XLS_SHEET: return sheet(st, a, b);
	case JX__XLS_CELL: return cell(st, a, b);
	case JX__XLS_FAILED: return jx__xls_failed(name, (int)(int32_t)a);
	case JX__XLS_PASSWORD:
		return jx__error(
			JX_EPARSE,
			_("%s: the workbook is password-protected; open it in Excel or WPS, "
			  "remove the password and save it again"),
			name);
	case JX__XLS_DONE: *done = 1; return 0;
	default: return damaged(name);
	}
}

int jx__xls_records_read(jx_doc **out, const char *name, const char *rec, size_t len)
{
	reading st;
	size_t off = 0, used = 0;
	int rc = 0, done = 0;
	memset(&st, 0, sizeof(st));
	*out = NULL;
	if (!(st.doc = jx_doc_new(name, JX_DOC_XLS)))
		return jx__oom();
	while (rc == 0 && !done && off < len) {
		rc = record(&st, rec + off, len - off, &used, &done);
		off += used;
	}
	if (rc == 0 && (!done || off != len))
		rc = damaged(name);
	free(st.text);
	if (rc == 0)
		*out = st.doc;
	else
		jx_doc_free(st.doc);
	return rc;
}
