/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx_cells.c -- a worksheet's cells as Excel shows them, parsed as a stream (SAX).
 *
 * Sheets are the bulk of a workbook: a 100 MB sheet holds millions of XML
 * nodes. They are parsed with libxml2's push parser and SAX callbacks (about
 * twice as fast as the pull reader the other parts use), fed piece by piece
 * from the zip entry; each finished cell lands in a queue that the sheet
 * reader (xlsx_sheet.c) takes whole (a small sheet) or row by row (a very
 * large one). The same safety as xml.c: no network, a DTD or entity
 * declaration stops the parse, nesting is capped; libxml2's messages are
 * captured, never printed.
 *
 * A cell's text: a shared or inline string as it is (rich-text runs joined,
 * phonetic runs dropped), a number at 15 significant digits
 * (0.89999999999999991 is 0.9), TRUE/FALSE, an error such as #DIV/0!, a
 * formula by its cached value -- and "=FORMULA" when it has none (a file
 * written by a program that does not compute), counted for a note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include "ingest/internal.h"

#define FEED_BYTES 65536
#define SHEET_MAX_PART ((size_t)1 << 30)
#define SHEET_MAX_ROW 1048576
#define SHEET_MAX_COL 16384

/* the names of jx__xcells.name */
enum {
	XN_C,
	XN_V,
	XN_F,
	XN_T,
	XN_R,
	XN_S,
	XN_RPH,
	XN_ROW,
	XN_REF,
	XN_MERGE,
	XN_DIMENSION,
	XN_COUNT
};
_Static_assert(XN_COUNT == JX__XCELLS_NAMES, "jx__xcells.name holds every name");

int jx__xlsx_ref(const char *ref, size_t len, int *col, int *row)
{
	long c = 0, r = 0;
	size_t i = 0;
	while (i < len && ref[i] >= 'A' && ref[i] <= 'Z' && c <= SHEET_MAX_COL)
		c = c * 26 + (ref[i++] - 'A' + 1);
	if (i == 0 || c > SHEET_MAX_COL || i >= len || !(ref[i] >= '1' && ref[i] <= '9'))
		return -1;
	while (i < len && ref[i] >= '0' && ref[i] <= '9' && r <= SHEET_MAX_ROW)
		r = r * 10 + (ref[i++] - '0');
	if (i < len || r > SHEET_MAX_ROW)
		return -1;
	*col = (int)c;
	*row = (int)r;
	return 0;
}

static int line_no(const jx__xcells *p)
{
	return p->ctxt ? xmlSAX2GetLineNumber(p->ctxt) : 0;
}

/* The first error: its message "file:part:line: ...". The parse is stopped when the
 * callback that found it returns (stop_if_failed): stopping frees the input that the
 * callback's arguments still point into. */
static void fail(jx__xcells *p, const char *fmt, ...) JX__PRINTF(2, 3);
static void fail(jx__xcells *p, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	if (p->rc)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->rc = jx__error(JX_EPARSE, "%s:%s:%d: %s", p->book->name, p->part, line_no(p), msg);
}

/* The last thing a callback does: stop the parse once something failed. */
static void stop_if_failed(jx__xcells *p)
{
	if (p->rc && !p->stopped) {
		p->stopped = 1;
		xmlStopParser(p->ctxt);
	}
}

/* Attribute local (an interned name, see intern_names) of a SAX2 attribute array (5
 * pointers each: name, prefix, URI, value, end), copied into buf; 1 found, 0 not. */
static int attr(const xmlChar **attrs, int n, const xmlChar *local, char *buf, size_t size)
{
	for (int i = 0; i < n; i++) {
		const xmlChar **a = attrs + 5 * i;
		size_t len = (size_t)(a[4] - a[3]);
		if (a[0] != local)
			continue;
		if (len >= size)
			len = size - 1;
		memcpy(buf, a[3], len);
		buf[len] = '\0';
		return 1;
	}
	buf[0] = '\0';
	return 0;
}

/* ---- a cell's text ---- */

/* A stored number that is already its own 15-digit form: digits, at most one '.', no
 * sign or exponent, at most 15 digits, no trailing zero after the point, no leading 0. */
static int plain_number(const char *v)
{
	int digits = 0, dot = 0;
	const char *p;
	for (p = v; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && !dot && digits)
			dot = 1;
		else
			return 0;
	}
	return digits && digits <= 15 && p[-1] != '.' && !(dot && p[-1] == '0') &&
	       !(v[0] == '0' && v[1] && v[1] != '.');
}

static const char *uncomputed(jx__xcells *p)
{
	char letters[16];
	if (!p->formulas++) {
		jx__doc_column_letters(letters, sizeof(letters), p->col);
		snprintf(p->formula_at, sizeof(p->formula_at), "%s%d", letters, p->row);
	}
	p->shown.len = 0;
	jx__buf_puts(&p->shown, "=");
	jx__buf_put(&p->shown, p->formula.data ? p->formula.data : "", p->formula.len);
	jx__buf_put(&p->shown, "", 1);
	return p->shown.data;
}

/* A number cell's text: as stored when it is its own 15-digit form, else at 15 significant
 * digits; a cell formatted as a percentage as Excel shows it, 0.85 as "85%". */
static const char *number_text(jx__xcells *p, const char *v)
{
	int percent = jx__xlsx_percent_style(p->book, p->style);
	char shown[40];
	double d;
	p->kind = percent ? JX__XCELL_PERCENT : JX__XCELL_NUMBER;
	if (!percent && plain_number(v)) /* "2.7", "100": shown as stored */
		return v;
	if (jx__number_read(v, &d) != 0) {
		fail(p, _("number cell holds '%s'"), v);
		return "";
	}
	jx__number_shown(shown, sizeof(shown) - 1, percent ? d * 100 : d);
	if (percent)
		strcat(shown, "%");
	p->shown.len = 0;
	jx__buf_put(&p->shown, shown, strlen(shown) + 1);
	return p->shown.failed ? "" : p->shown.data;
}

/* The text Excel shows for the cell just ended (borrowed). */
static const char *cell_text(jx__xcells *p)
{
	const char *v;
	char *end;
	jx__buf_put(&p->value, "", 1);
	jx__buf_put(&p->text, "", 1);
	v = p->value.data;
	p->kind = JX__XCELL_TEXT;
	if (!strcmp(p->type, "s")) {
		unsigned long i = strtoul(v, &end, 10);
		const char *s = p->has_v && *v && !*end ? jx__xlsx_string(p->book, i) : NULL;
		if (!s)
			fail(p, _("cell refers to shared string '%s', which does not exist"), v);
		return s ? s : "";
	}
	if (!strcmp(p->type, "inlineStr"))
		return p->text.data;
	if (!strcmp(p->type, "b"))
		return !p->has_v ? "" : !strcmp(v, "1") ? "TRUE" : "FALSE";
	if ((!p->has_v || !*v) && p->has_f)
		return uncomputed(p);
	if (!strcmp(p->type, "n") && p->has_v && *v)
		return number_text(p, v);
	return v; /* str (a formula's text), e (#DIV/0!), d (a date as text) */
}

static void queue_cell(jx__xcells *p, const char *text)
{
	if (p->value.failed || p->text.failed || p->formula.failed || p->shown.failed ||
	    jx__grow((void **)&p->cells, &p->cells_cap, p->ncells + 1, sizeof(*p->cells)) != 0) {
		p->rc = p->rc ? p->rc : jx__oom();
		return;
	}
	p->cells[p->ncells].row = p->row;
	p->cells[p->ncells].col = p->col;
	p->cells[p->ncells].kind = p->kind;
	p->cells[p->ncells].at = p->pool.len;
	p->ncells++;
	jx__buf_puts(&p->pool, text);
	jx__buf_put(&p->pool, "", 1);
}

/* ---- SAX ---- */

static void start_row(jx__xcells *p, const xmlChar **attrs, int n)
{
	char r[32];
	long row = attr(attrs, n, p->name[XN_R], r, sizeof(r)) ? strtol(r, NULL, 10) : p->row + 1;
	if (row < 1 || row > SHEET_MAX_ROW || row <= p->row)
		fail(p, _("row %ld is out of order or out of range"), row);
	p->row = (int)row;
	p->col = 0;
}

static void start_cell(jx__xcells *p, const xmlChar **attrs, int n)
{
	char r[32];
	int col = p->col + 1, row = p->row;
	if (attr(attrs, n, p->name[XN_R], r, sizeof(r)) &&
	    (jx__xlsx_ref(r, strlen(r), &col, &row) != 0 || row != p->row || col <= p->col))
		fail(p, _("bad cell reference '%s' in row %d"), r, p->row);
	else if (col > SHEET_MAX_COL)
		fail(p, _("a cell beyond column XFD"));
	if (!attr(attrs, n, p->name[XN_T], p->type, sizeof(p->type)))
		strcpy(p->type, "n");
	p->style = attr(attrs, n, p->name[XN_S], r, sizeof(r)) ? strtol(r, NULL, 10) : -1;
	p->col = col;
	p->value.len = p->formula.len = p->text.len = 0;
	p->has_v = p->has_f = 0;
	p->in_cell = 1;
}

static void merge_cell(jx__xcells *p, const xmlChar **attrs, int n)
{
	char ref[64], *colon;
	int c0, r0, c1, r1;
	if (!attr(attrs, n, p->name[XN_REF], ref, sizeof(ref)) || !(colon = strchr(ref, ':')) ||
	    jx__xlsx_ref(ref, (size_t)(colon - ref), &c0, &r0) ||
	    jx__xlsx_ref(colon + 1, strlen(colon + 1), &c1, &r1) || r1 < r0 || c1 < c0) {
		fail(p, _("bad merged range '%s'"), ref);
		return;
	}
	if (jx__grow((void **)&p->merges, &p->merges_cap, 4 * (p->nmerges + 1), sizeof(int))) {
		p->rc = p->rc ? p->rc : jx__oom();
		return;
	}
	memcpy(p->merges + 4 * p->nmerges++, (int[]){r0, c0, r1, c1}, 4 * sizeof(int));
}

static void dimension(jx__xcells *p, const xmlChar **attrs, int n)
{
	char ref[64], *colon;
	int col, row;
	if (attr(attrs, n, p->name[XN_REF], ref, sizeof(ref)) && (colon = strchr(ref, ':')) &&
	    jx__xlsx_ref(colon + 1, strlen(colon + 1), &col, &row) == 0)
		p->dim_cols = col;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
		     int nns, const xmlChar **ns, int nattrs, int ndefaulted, const xmlChar **attrs)
{
	jx__xcells *p = ctx;
	(void)prefix, (void)uri, (void)nns, (void)ns, (void)ndefaulted;
	if (p->rc)
		return;
	if (++p->depth > JX__XML_MAX_DEPTH)
		fail(p, _("elements nested more than %d deep"), JX__XML_MAX_DEPTH);
	if (p->skip_depth || p->rc) {
		stop_if_failed(p);
		return;
	}
	if (local == p->name[XN_C])
		start_cell(p, attrs, nattrs);
	else if (local == p->name[XN_V])
		p->in = 'v', p->has_v = 1;
	else if (local == p->name[XN_F])
		p->in = 'f', p->has_f = 1;
	else if (local == p->name[XN_T] && p->in_cell)
		p->in = 't';
	else if (local == p->name[XN_RPH])
		p->skip_depth = p->depth; /* a phonetic guide: not the text */
	else if (local == p->name[XN_ROW])
		start_row(p, attrs, nattrs);
	else if (local == p->name[XN_MERGE])
		merge_cell(p, attrs, nattrs);
	else if (local == p->name[XN_DIMENSION])
		dimension(p, attrs, nattrs);
	stop_if_failed(p);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	jx__xcells *p = ctx;
	(void)prefix, (void)uri;
	if (p->rc)
		return;
	if (p->skip_depth) {
		if (p->depth-- == p->skip_depth)
			p->skip_depth = 0;
		return;
	}
	p->depth--;
	p->in = 0;
	if (local == p->name[XN_C]) {
		const char *text = cell_text(p);
		if (*text && !p->rc)
			queue_cell(p, text);
		p->in_cell = 0;
	}
	stop_if_failed(p);
}

static void on_chars(void *ctx, const xmlChar *s, int len)
{
	jx__xcells *p = ctx;
	if (p->rc || p->skip_depth || !p->in)
		return;
	jx__buf_put(p->in == 'v'   ? &p->value
		    : p->in == 'f' ? &p->formula
				   : &p->text,
		    (const char *)s, (size_t)len);
}

static void on_dtd(void *ctx, const xmlChar *name, const xmlChar *id, const xmlChar *sys)
{
	(void)name, (void)id, (void)sys;
	fail(ctx, _("a DTD or entity is not allowed in an Office document"));
	stop_if_failed(ctx);
}

static void on_error(void *ctx, xmlErrorPtr err)
{
	jx__xcells *p = ctx;
	if (err && err->level >= XML_ERR_ERROR && !p->rc && !p->message[0])
		snprintf(p->message, sizeof(p->message), "%s", err->message ? err->message : "");
}

/* ---- feeding ---- */

/* The names the callbacks look for, interned in the parser's dictionary: libxml2 hands
 * element and attribute names out of that dictionary, so a name is compared by pointer. */
static int intern_names(jx__xcells *p)
{
	static const char *const names[XN_COUNT] = {[XN_C] = "c",
						    [XN_V] = "v",
						    [XN_F] = "f",
						    [XN_T] = "t",
						    [XN_R] = "r",
						    [XN_S] = "s",
						    [XN_RPH] = "rPh",
						    [XN_ROW] = "row",
						    [XN_REF] = "ref",
						    [XN_MERGE] = "mergeCell",
						    [XN_DIMENSION] = "dimension"};
	for (int i = 0; i < XN_COUNT; i++)
		if (!(p->name[i] = xmlDictLookup(p->ctxt->dict, (const xmlChar *)names[i], -1)))
			return jx__oom();
	return 0;
}

int jx__xcells_open(jx__xcells *p, jx__xlsx_book *b, const char *part)
{
	xmlSAXHandler h;
	int rc;
	memset(p, 0, sizeof(*p));
	jx__buf_init(&p->value), jx__buf_init(&p->formula), jx__buf_init(&p->text);
	jx__buf_init(&p->shown), jx__buf_init(&p->pool);
	p->book = b;
	b->refs++;
	snprintf(p->part, sizeof(p->part), "%s", part);
	if ((rc = jx__zip_entry_open(&p->file, b->zip, part, SHEET_MAX_PART)) != 0)
		return rc;
	memset(&h, 0, sizeof(h));
	h.initialized = XML_SAX2_MAGIC;
	h.startElementNs = on_start;
	h.endElementNs = on_end;
	h.characters = on_chars;
	h.ignorableWhitespace = on_chars;
	h.internalSubset = on_dtd;
	h.externalSubset = on_dtd;
	h.serror = on_error;
	if (!(p->ctxt = xmlCreatePushParserCtxt(&h, p, NULL, 0, part)))
		return jx__oom();
	xmlCtxtUseOptions(p->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	return intern_names(p);
}

int jx__xcells_feed(jx__xcells *p)
{
	char buf[FEED_BYTES];
	long got;
	int ret;
	if (p->ended)
		return 0;
	if ((got = jx__zip_entry_read(p->file, buf, sizeof(buf))) < 0)
		return (int)got;
	ret = xmlParseChunk(p->ctxt, got ? buf : NULL, (int)got, got == 0);
	if (p->rc)
		return p->rc;
	if (ret != 0 || !p->ctxt->wellFormed)
		return jx__error(JX_EPARSE, _("%s:%s:%d: XML error: %s"), p->book->name, p->part,
				 line_no(p), p->message[0] ? p->message : "not well-formed");
	p->ended = got == 0;
	return !p->ended;
}

void jx__xcells_drop(jx__xcells *p, size_t n)
{
	size_t keep, from;
	p->first += n;
	if (p->first < p->ncells / 2 + 64)
		return; /* moved down only now and then: each cell is moved a few times at most */
	keep = p->ncells - p->first;
	from = keep ? p->cells[p->first].at : p->pool.len;
	memmove(p->cells, p->cells + p->first, keep * sizeof(*p->cells));
	p->ncells = keep;
	p->first = 0;
	memmove(p->pool.data, p->pool.data + from, p->pool.len - from);
	p->pool.len -= from;
	for (size_t i = 0; i < keep; i++)
		p->cells[i].at -= from;
}

void jx__xcells_close(jx__xcells *p)
{
	if (p->ctxt) {
		xmlFreeDoc(p->ctxt->myDoc);
		xmlFreeParserCtxt(p->ctxt);
	}
	jx__zip_entry_close(p->file);
	jx__buf_free(&p->value), jx__buf_free(&p->formula), jx__buf_free(&p->text);
	jx__buf_free(&p->shown), jx__buf_free(&p->pool);
	free(p->cells);
	free(p->merges);
	jx__xlsx_book_release(p->book);
	memset(p, 0, sizeof(*p));
}
