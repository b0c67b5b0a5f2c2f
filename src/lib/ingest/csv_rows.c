/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv_rows.c -- CSV text into rows of fields, each row with the line it starts on.
 *
 * libcsv does the RFC 4180 tokenising; it is fed one physical line at a
 * time so that every row can be named as file:line even when a quoted field
 * spans lines. '#' lines before the first row are comments. The canonical
 * CSV reader (csv.c) and the alias-file reader (aliasfile.c) both read
 * through this. Invisible and direction characters leave every field here,
 * so that look-alike names are one name (jx_strip_invisible). */
#include <string.h>
#include "ingest/internal.h"

static void on_field(void *s, size_t len, void *data)
{
	jx__csv_rows *t = data;
	if (t->rc)
		return;
	if (t->nfields >= JX__CSV_MAX_FIELDS) {
		t->too_many = 1;
		return;
	}
	if (jx__grow((void **)&t->buf, &t->cap, t->len + len + 1, 1) != 0) {
		t->rc = jx__oom();
		return;
	}
	if (len)
		memcpy(t->buf + t->len, s, len);
	len = jx__strip_invisible_n(t->buf + t->len, len); /* before rows are grouped by name */
	t->buf[t->len + len] = '\0';
	t->field_at[t->nfields++] = t->len;
	t->len += len + 1;
}

static void on_row(int c, void *data)
{
	jx__csv_rows *t = data;
	(void)c;
	for (size_t i = 0; i < t->nfields; i++)
		t->fields[i] = t->buf + t->field_at[i];
	if (!t->rc)
		t->rc = t->on_row(t->ctx, t);
	t->nfields = 0;
	t->len = 0;
	t->too_many = 0;
	t->at_row_start = 1;
}

int jx__csv_rows_init(jx__csv_rows *t, const char *name, jx__csv_row_fn row,
		      jx__csv_comment_fn comment, void *ctx)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->on_row = row;
	t->on_comment = comment;
	t->ctx = ctx;
	t->at_row_start = 1;
	t->in_preamble = 1;
	if (csv_init(&t->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return jx__oom();
	t->ready = 1;
	return 0;
}

static int malformed(jx__csv_rows *t, const char *why)
{
	return t->rc = jx__error(JX_EPARSE, _("%s:%d: malformed CSV: %s%s"), t->name,
				 t->row_line ? t->row_line : 1, csv_strerror(csv_error(&t->parser)),
				 why);
}

int jx__csv_rows_feed(jx__csv_rows *t, const char *text, size_t len)
{
	size_t off = 0;
	while (off < len && !t->rc) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) + 1 : len;
		t->line++;
		if (t->in_preamble && text[off] == '#') {
			if (t->on_comment)
				t->on_comment(t->ctx, text + off + 1, end - off - 1 - (nl ? 1 : 0));
			off = end;
			continue;
		}
		t->in_preamble = 0;
		if (t->at_row_start && end - off > (nl ? 1u : 0u)) {
			t->row_line = t->line;
			t->at_row_start = 0;
		}
		if (csv_parse(&t->parser, text + off, end - off, on_field, on_row, t) !=
			    end - off &&
		    !t->rc)
			malformed(t, "");
		off = end;
	}
	return t->rc;
}

int jx__csv_rows_finish(jx__csv_rows *t)
{
	if (!t->rc && csv_fini(&t->parser, on_field, on_row, t) != 0 && !t->rc)
		malformed(t, " (a quoted field is never closed)");
	return t->rc;
}

void jx__csv_rows_free(jx__csv_rows *t)
{
	if (t->ready)
		csv_free(&t->parser);
	free(t->buf);
	memset(t, 0, sizeof(*t));
}
