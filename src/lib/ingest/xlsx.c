/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx.c -- an Excel 2007+ workbook (.xlsx) into the table model: the workbook's parts.
 *
 * xl/workbook.xml lists the sheets in order and names them;
 * xl/_rels/workbook.xml.rels says which part holds each; the shared
 * strings (xl/sharedStrings.xml) are read once into one pool. Each visible
 * worksheet with cells becomes one table (xlsx_sheet.c), its places
 * "Sheet1!E14"; hidden sheets and chart sheets are skipped with a note.
 * Every part goes through the safe zip and XML readers (zip.c, xml.c).
 *
 * A very large sheet is streamed: its table holds its first rows and the
 * rest is read on demand (jx_doc_table.more), so the workbook's bytes must
 * stay valid until jx_doc_free (jx_doc_load's callers keep them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include "ingest/internal.h"

#define XLSX_MAX_PART ((size_t)512 << 20) /* workbook.xml, rels, sharedStrings inflated */
#define XLSX_MAX_STRINGS ((size_t)8 << 20)

typedef struct {
	char *name, *rid, *target;
	int hidden;
} sheet_ref;

typedef struct {
	sheet_ref *v;
	size_t n, cap;
} sheet_list;

static void sheets_free(sheet_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].rid);
		free(l->v[i].target);
	}
	free(l->v);
}

/* ---- the book: zip, shared strings; shared by the streamed sheets ---- */

void jx__xlsx_book_release(jx__xlsx_book *b)
{
	if (!b || --b->refs > 0)
		return;
	jx__zip_close(b->zip);
	free(b->name);
	free(b->pool.data);
	free(b->at);
	free(b->percent);
	free(b);
}

const char *jx__xlsx_string(const jx__xlsx_book *b, size_t i)
{
	return i < b->nstrings ? b->pool.data + b->at[i] : NULL;
}

/* One <si>: its <t> texts, rich-text runs joined, phonetic runs (<rPh>) skipped. */
static int read_si(jx__xml *x, jx__buf *text)
{
	int rc, in_t = 0;
	while ((rc = jx__xml_next(x)) == 1) {
		int type = jx__xml_type(x);
		const char *n = jx__xml_local(x);
		if (type == XML_READER_TYPE_ELEMENT && !strcmp(n, "rPh") && !jx__xml_empty(x)) {
			if ((rc = jx__xml_skip(x)) != 1)
				return rc;
			type = jx__xml_type(x);
			n = jx__xml_local(x);
		}
		if (type == XML_READER_TYPE_ELEMENT && !strcmp(n, "t"))
			in_t = !jx__xml_empty(x);
		else if (type == XML_READER_TYPE_END_ELEMENT && !strcmp(n, "t"))
			in_t = 0;
		else if (type == XML_READER_TYPE_END_ELEMENT && !strcmp(n, "si"))
			return 1;
		else if (in_t && (type == XML_READER_TYPE_TEXT ||
				  type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
			jx__buf_puts(text, jx__xml_value(x));
	}
	return rc == 0 ? jx__xml_fail(x, _("a shared string is cut short")) : rc;
}

static int add_string(jx__xlsx_book *b, const jx__buf *text)
{
	if (b->nstrings >= XLSX_MAX_STRINGS)
		return jx__error(JX_EPARSE,
				 _("%s: more than %zu shared strings; refusing the file"),
				 jx__zip_name(b->zip), XLSX_MAX_STRINGS);
	if (jx__grow((void **)&b->at, &b->at_cap, b->nstrings + 1, sizeof(*b->at)) != 0)
		return JX_ENOMEM;
	b->at[b->nstrings++] = b->pool.len;
	jx__buf_put(&b->pool, text->data ? text->data : "", text->len);
	jx__buf_put(&b->pool, "", 1);
	return b->pool.failed ? jx__oom() : 0;
}

static int read_shared_strings(jx__xlsx_book *b)
{
	jx__xml x;
	jx__buf text;
	int rc;
	if (!jx__zip_has(b->zip, "xl/sharedStrings.xml"))
		return 0;
	if ((rc = jx__xml_open(&x, b->zip, "xl/sharedStrings.xml", XLSX_MAX_PART)) != 0)
		return rc;
	jx__buf_init(&text);
	while ((rc = jx__xml_next(&x)) == 1) {
		if (jx__xml_type(&x) != XML_READER_TYPE_ELEMENT || strcmp(jx__xml_local(&x), "si"))
			continue;
		text.len = 0;
		if (!jx__xml_empty(&x) && (rc = read_si(&x, &text)) != 1)
			break;
		if ((rc = add_string(b, &text)) != 0)
			break;
	}
	jx__buf_free(&text);
	jx__xml_close(&x);
	return rc;
}

/* ---- the workbook: sheet names, their parts ---- */

static int read_sheet_list(const jx__xlsx_book *b, sheet_list *l)
{
	jx__xml x;
	int rc;
	if ((rc = jx__xml_open(&x, b->zip, "xl/workbook.xml", XLSX_MAX_PART)) != 0)
		return rc;
	while ((rc = jx__xml_next(&x)) == 1) {
		sheet_ref *s;
		char *state;
		if (jx__xml_type(&x) != XML_READER_TYPE_ELEMENT ||
		    strcmp(jx__xml_local(&x), "sheet"))
			continue;
		if (l->n >= JX__XLSX_MAX_SHEETS) {
			rc = jx__xml_fail(&x, _("more than %d sheets"), JX__XLSX_MAX_SHEETS);
			break;
		}
		if (jx__grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) != 0) {
			rc = JX_ENOMEM;
			break;
		}
		s = &l->v[l->n++];
		memset(s, 0, sizeof(*s));
		s->name = jx__xml_attr(&x, "name");
		s->rid = jx__xml_attr(&x, "id");
		state = jx__xml_attr(&x, "state");
		s->hidden = state && strcmp(state, "visible") != 0;
		free(state);
		if (!s->name || !s->rid) {
			rc = jx__xml_fail(&x, _("a sheet without a name or relationship id"));
			break;
		}
	}
	jx__xml_close(&x);
	return rc;
}

/* "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" -> the entry. */
static char *part_name(const char *target)
{
	if (target[0] == '/')
		return jx__strdup(target + 1);
	return jx__sprintf("xl/%s", target);
}

static int read_rels(const jx__xlsx_book *b, sheet_list *l)
{
	jx__xml x;
	int rc;
	if ((rc = jx__xml_open(&x, b->zip, "xl/_rels/workbook.xml.rels", XLSX_MAX_PART)) != 0)
		return rc;
	while ((rc = jx__xml_next(&x)) == 1) {
		char *id, *target, *type;
		if (jx__xml_type(&x) != XML_READER_TYPE_ELEMENT ||
		    strcmp(jx__xml_local(&x), "Relationship"))
			continue;
		id = jx__xml_attr(&x, "Id");
		target = jx__xml_attr(&x, "Target");
		type = jx__xml_attr(&x, "Type");
		for (size_t i = 0; id && target && type && i < l->n; i++)
			if (!strcmp(l->v[i].rid, id) && !l->v[i].target &&
			    strstr(type, "/worksheet") && !strstr(type, "chartsheet"))
				l->v[i].target = part_name(target);
		free(id);
		free(target);
		free(type);
	}
	jx__xml_close(&x);
	return rc;
}

static int read_sheets(jx_doc *doc, jx__xlsx_book *b, const sheet_list *l)
{
	int rc = 0;
	for (size_t i = 0; i < l->n && rc == 0; i++) {
		const sheet_ref *s = &l->v[i];
		if (s->hidden)
			rc = jx_doc_note(doc, "%s: %s %s", doc->name, s->name,
					 _("is a hidden sheet: not read"));
		else if (!s->target || !jx__zip_has(b->zip, s->target))
			rc = jx_doc_note(doc, "%s: %s %s", doc->name, s->name,
					 _("is not a worksheet (a chart?): not read"));
		else
			rc = jx__xlsx_sheet(doc, b, s->name, s->target);
	}
	return rc;
}

int jx_xlsx_load(jx_doc **out, const char *name, const char *data, size_t len)
{
	jx__xlsx_book *b;
	sheet_list l;
	jx_doc *doc = NULL;
	int rc;
	*out = NULL;
	memset(&l, 0, sizeof(l));
	if (!(b = calloc(1, sizeof(*b))))
		return jx__oom();
	b->refs = 1;
	jx__buf_init(&b->pool);
	if (!(b->name = jx__strdup(name))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = jx__zip_open(&b->zip, b->name, data, len)) != 0)
		goto out;
	if (!jx__zip_has(b->zip, "xl/workbook.xml")) {
		rc = jx__error(JX_EPARSE,
			       _("%s: not an Excel workbook: xl/workbook.xml is missing"), name);
		goto out;
	}
	if (!(doc = jx_doc_new(name, JX_DOC_XLSX))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = read_sheet_list(b, &l)) != 0 || (rc = read_rels(b, &l)) != 0 ||
	    (rc = read_shared_strings(b)) != 0 || (rc = jx__xlsx_read_styles(b)) != 0 ||
	    (rc = read_sheets(doc, b, &l)) != 0)
		goto out;
	*out = doc;
	doc = NULL;
out:
	sheets_free(&l);
	jx_doc_free(doc);
	jx__xlsx_book_release(b);
	return rc;
}
