/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv_rows.c -- CSV text into rows of fields, each row with the line it starts on.
 *
 * libcsv does the RFC 4180 tokenising; it is fed one physical line at a
 * time so that every row can be named as file:line even when a quoted field
 * spans lines. '#' lines before the first row are comments. The canonical
 * CSV reader (csv.c) and the alias-file reader (aliasfile.c) both read
 * through this. Invisible and direction characters leave every field here,
 * so that look-alike names are one name (jx_strip_invisible).
 *
 * Most lines of a large file hold a whole row and no quote: such a line is
 * split here, in place in one copy, giving the fields libcsv would give
 * (spaces and tabs around a field dropped); libcsv, called a byte at a time,
 * took a quarter of an import's reading (issue 23). Any other line (a quote,
 * a CR, a row that began on an earlier line, the last line without its line
 * end) goes to libcsv. */
#include <string.h>
#include "ingest/internal.h"

/* What a byte is to plain_line: text, a field's end, a space around a field, the line's
 * end, the first byte of a possibly invisible character, or a reason to leave it to libcsv. */
enum { B_TEXT, B_COMMA, B_SPACE, B_LF, B_INVISIBLE, B_LIBCSV };

static const unsigned char byte_class[256] = {
	['\t'] = B_SPACE, [' '] = B_SPACE,   [','] = B_COMMA,      ['\n'] = B_LF,
	['"'] = B_LIBCSV, ['\r'] = B_LIBCSV, [0xE2] = B_INVISIBLE, [0xEF] = B_INVISIBLE,
};

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

/* 1 when s[0..n) is only spaces, tabs and line ends: libcsv makes no row of it. */
static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Keep the field b[start, end) of the row (in t->buf); drop invisible characters when
 * it may hold some. */
static void keep_field(jx__csv_rows *t, size_t start, size_t end, int invisible)
{
	char *b = t->buf;
	b[end] = '\0';
	if (invisible)
		jx__strip_invisible_n(b + start, end - start);
	if (t->nfields >= JX__CSV_MAX_FIELDS)
		t->too_many = 1;
	else
		t->field_at[t->nfields++] = start;
}

/*
 * A line s[0..n) ending in '\n' at the start of a row: its row, when it has no quote and no
 * CR, split as libcsv splits it. 1 when done (a line of only spaces is no row, as in
 * libcsv), 0 when libcsv must read it.
 */
static int plain_line(jx__csv_rows *t, const char *s, size_t n)
{
	const unsigned char *b;
	size_t i = 0, start, end;
	int c, invisible;
	while (byte_class[(unsigned char)s[i]] == B_SPACE)
		i++;
	if (s[i] == '\n')
		return 1;
	if (jx__grow((void **)&t->buf, &t->cap, n + 1, 1) != 0) {
		t->rc = jx__oom();
		return 1;
	}
	memcpy(t->buf, s, n);
	b = (const unsigned char *)t->buf;
	for (;; i++) {
		while (byte_class[b[i]] == B_SPACE)
			i++;
		start = end = i;
		invisible = 0;
		for (;; i++) {
			if ((c = byte_class[b[i]]) == B_TEXT || c == B_INVISIBLE) {
				end = i + 1;
				invisible |= c == B_INVISIBLE;
			} else if (c != B_SPACE) {
				break;
			}
		}
		if (c == B_LIBCSV) {
			t->nfields = 0;
			t->too_many = 0;
			return 0;
		}
		keep_field(t, start, end, invisible);
		if (c == B_LF)
			break;
	}
	t->row_line = t->line;
	t->at_row_start = 0;
	on_row('\n', t);
	return 1;
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
		if (nl && t->at_row_start && plain_line(t, text + off, end - off)) {
			off = end;
			continue;
		}
		if (t->at_row_start && !blank(text + off, end - off)) {
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
