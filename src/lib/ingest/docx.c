/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docx.c -- a Word 2007+ document (.docx) into the table model.
 *
 * word/document.xml is read with the streaming reader (xml.c): body
 * paragraphs in document order, and each top-level w:tbl as a grid whose
 * merged cells come from w:gridSpan (across) and w:vMerge restart/continue
 * (down); w:gridBefore leaves cells empty at a row's start. A cell's text
 * is its paragraphs joined by "\n"; a table nested in a cell adds its text
 * to that cell. Tracked changes read as accepted: w:del and w:moveFrom are
 * dropped, w:ins and w:moveTo kept; field codes (w:instrText) and the
 * fallback copy of drawings (mc:Fallback) are skipped. A w:br inside a body
 * paragraph starts a new paragraph, as a text export would show it.
 * Places: a paragraph is "段落 N" (N counts the body's w:p), a cell
 * "表 N 第 R 行 第 C 列" (C counts grid columns).
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include "ingest/internal.h"

#define DOCX_MAX_PART ((size_t)256 << 20) /* word/document.xml inflated */
#define DOCX_MAX_SPAN 1000                /* w:gridSpan, w:gridBefore */

typedef struct {
	char *text;
	int span;
	int vmerge; /* 0 none, 1 restart, 2 continue */
} dcell;

typedef struct {
	dcell *cells;
	size_t n, cap;
	int before; /* w:gridBefore */
} drow;

typedef struct {
	jx__xml x;
	jx_doc *doc;
	int para_no;   /* body paragraphs seen */
	int tbl_depth; /* nesting of w:tbl */
	drow *rows;    /* the outermost table being read */
	size_t nrows, rows_cap;
	jx__buf para; /* the paragraph being read */
	jx__buf cell; /* the current cell's text */
	int in_t;
	int cell_open;
} docx;

static void rows_free(docx *d)
{
	for (size_t r = 0; r < d->nrows; r++) {
		for (size_t c = 0; c < d->rows[r].n; c++)
			free(d->rows[r].cells[c].text);
		free(d->rows[r].cells);
	}
	free(d->rows);
	d->rows = NULL;
	d->nrows = d->rows_cap = 0;
}

/* An integer attribute w:val in 1..DOCX_MAX_SPAN (def when absent or bad). */
static int val_attr(const docx *d, int def)
{
	char *v = jx__xml_attr(&d->x, "val");
	int n = def;
	if (v) {
		n = atoi(v);
		if (n < 0 || n > DOCX_MAX_SPAN)
			n = def;
		free(v);
	}
	return n;
}

/* ---- the grid ---- */

typedef struct {
	size_t r, c;
	int rowspan, colspan;
	const char *text;
} anchor;

static size_t grid_width(const docx *d)
{
	size_t w = 0;
	for (size_t r = 0; r < d->nrows; r++) {
		size_t n = (size_t)d->rows[r].before;
		for (size_t c = 0; c < d->rows[r].n; c++)
			n += (size_t)d->rows[r].cells[c].span;
		w = n > w ? n : w;
	}
	return w;
}

/* Place the cells of row r; a vMerge continuation extends the anchor above. */
static void place_row(const docx *d, size_t r, size_t ncols, long *owner, anchor *an, size_t *nan)
{
	size_t col = (size_t)d->rows[r].before;
	for (size_t i = 0; i < d->rows[r].n && col < ncols; i++) {
		const dcell *c = &d->rows[r].cells[i];
		size_t span = (size_t)c->span, k;
		long a = r > 0 ? owner[(r - 1) * ncols + col] : -1;
		if (col + span > ncols)
			span = ncols - col;
		if (c->vmerge == 2 && a >= 0 && an[a].c == col && (size_t)an[a].colspan == span) {
			an[a].rowspan = (int)(r - an[a].r + 1);
		} else {
			a = (long)(*nan)++;
			an[a].r = r;
			an[a].c = col;
			an[a].rowspan = 1;
			an[a].colspan = (int)span;
			an[a].text = c->text ? c->text : "";
		}
		for (k = col; k < col + span; k++)
			owner[r * ncols + k] = a;
		col += span;
	}
}

static int build_table(docx *d)
{
	size_t ncols = grid_width(d), ncells = 0, nan = 0;
	long *owner = NULL;
	anchor *an = NULL;
	jx_doc_table *t;
	int rc = 0;
	if (!d->nrows || !ncols)
		return 0;
	if (d->nrows > JX_DOC_MAX_CELLS / ncols)
		return jx_doc_add_table(&t, d->doc, d->nrows, ncols); /* its message */
	for (size_t r = 0; r < d->nrows; r++)
		ncells += d->rows[r].n;
	if (!(owner = malloc(d->nrows * ncols * sizeof(*owner))) ||
	    !(an = calloc(ncells ? ncells : 1, sizeof(*an)))) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < d->nrows * ncols; i++)
		owner[i] = -1;
	for (size_t r = 0; r < d->nrows; r++)
		place_row(d, r, ncols, owner, an, &nan);
	if ((rc = jx_doc_add_table(&t, d->doc, d->nrows, ncols)) != 0)
		goto out;
	for (size_t i = 0; i < nan && rc == 0; i++) {
		jx_doc_origin o = {(int)an[i].r + 1, (int)an[i].c + 1, 0, 0};
		rc = jx_doc_table_set(t, an[i].r, an[i].c, an[i].text, an[i].rowspan, an[i].colspan,
				      o);
	}
out:
	free(owner);
	free(an);
	return rc;
}

/* ---- elements ---- */

static int end_paragraph(docx *d)
{
	char *text;
	if (d->para.failed)
		return jx__oom();
	jx__buf_put(&d->para, "", 0);
	text = d->para.data;
	if (d->tbl_depth > 0) {
		if (d->cell.len)
			jx__buf_put(&d->cell, "\n", 1);
		jx__buf_puts(&d->cell, text);
	} else {
		jx_doc_origin o = {0, 0, ++d->para_no, 0};
		for (char *line = text, *nl; line; line = nl ? nl + 1 : NULL) {
			int rc;
			if ((nl = strchr(line, '\n')) != NULL)
				*nl = '\0';
			if ((rc = jx_doc_add_paragraph(d->doc, line, o)) != 0)
				return rc;
		}
	}
	d->para.len = 0;
	return 0;
}

static int start_cell(docx *d)
{
	drow *row;
	if (!d->nrows)
		return 0; /* a w:tc outside a w:tr: damaged; its text is dropped */
	row = &d->rows[d->nrows - 1];
	if (jx__grow((void **)&row->cells, &row->cap, row->n + 1, sizeof(*row->cells)) != 0)
		return JX_ENOMEM;
	memset(&row->cells[row->n], 0, sizeof(*row->cells));
	row->cells[row->n].span = 1;
	row->n++;
	d->cell.len = 0;
	d->cell_open = 1;
	return 0;
}

static int end_cell(docx *d)
{
	dcell *c;
	if (!d->cell_open || !d->nrows || !d->rows[d->nrows - 1].n)
		return 0;
	c = &d->rows[d->nrows - 1].cells[d->rows[d->nrows - 1].n - 1];
	jx__buf_put(&d->cell, "", 0);
	if (d->cell.failed || !(c->text = jx__strdup(d->cell.data)))
		return jx__oom();
	d->cell_open = 0;
	return 0;
}

/* Cell properties of the current cell (the last one of the last row). */
static dcell *current_cell(docx *d)
{
	if (!d->nrows || !d->rows[d->nrows - 1].n)
		return NULL;
	return &d->rows[d->nrows - 1].cells[d->rows[d->nrows - 1].n - 1];
}

static int start_table_part(docx *d, const char *n)
{
	dcell *c;
	if (!strcmp(n, "tr")) {
		if (jx__grow((void **)&d->rows, &d->rows_cap, d->nrows + 1, sizeof(*d->rows)) != 0)
			return JX_ENOMEM;
		memset(&d->rows[d->nrows++], 0, sizeof(*d->rows));
	} else if (!strcmp(n, "tc")) {
		return start_cell(d);
	} else if (!strcmp(n, "gridSpan") && (c = current_cell(d))) {
		c->span = val_attr(d, 1) > 0 ? val_attr(d, 1) : 1;
	} else if (!strcmp(n, "vMerge") && (c = current_cell(d))) {
		char *v = jx__xml_attr(&d->x, "val");
		c->vmerge = v && !strcmp(v, "restart") ? 1 : 2;
		free(v);
	} else if (!strcmp(n, "gridBefore") && d->nrows) {
		d->rows[d->nrows - 1].before = val_attr(d, 0);
	}
	return 0;
}

/* Elements whose content is not the document's text. */
static int skipped(const char *n)
{
	static const char *const names[] = {"del",          "moveFrom", "instrText",
					    "delInstrText", "Fallback", "delText",
					    "rPr",          "pPr",      NULL};
	for (int i = 0; names[i]; i++)
		if (!strcmp(n, names[i]))
			return 1;
	return 0;
}

static int start_element(docx *d, const char *n, int empty)
{
	if (!strcmp(n, "tbl")) {
		if (!empty && ++d->tbl_depth == 1)
			rows_free(d);
		return 0;
	}
	if (!strcmp(n, "p")) {
		d->para.len = 0;
		return empty ? end_paragraph(d) : 0;
	}
	if (!strcmp(n, "t"))
		d->in_t = !empty;
	else if (!strcmp(n, "tab"))
		jx__buf_put(&d->para, " ", 1);
	else if (!strcmp(n, "br") || !strcmp(n, "cr"))
		jx__buf_put(&d->para, "\n", 1);
	else if (!strcmp(n, "noBreakHyphen"))
		jx__buf_put(&d->para, "-", 1);
	else if (d->tbl_depth == 1)
		return start_table_part(d, n);
	return 0;
}

static int end_element(docx *d, const char *n)
{
	int rc = 0;
	if (!strcmp(n, "t"))
		d->in_t = 0;
	else if (!strcmp(n, "p"))
		rc = end_paragraph(d);
	else if (!strcmp(n, "tc") && d->tbl_depth == 1)
		rc = end_cell(d);
	else if (!strcmp(n, "tbl") && d->tbl_depth > 0 && --d->tbl_depth == 0) {
		rc = build_table(d);
		rows_free(d);
	}
	return rc;
}

static int read_node(docx *d, int type, const char *n)
{
	if (type == XML_READER_TYPE_ELEMENT)
		return start_element(d, n, jx__xml_empty(&d->x));
	if (type == XML_READER_TYPE_END_ELEMENT)
		return end_element(d, n);
	if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
	    d->in_t) {
		jx__buf_puts(&d->para, jx__xml_value(&d->x));
		return d->para.failed ? jx__oom() : 0;
	}
	return 0;
}

static int read_body(docx *d)
{
	int rc, current = 0; /* current: xmlTextReaderNext already moved to a node */
	for (;;) {
		int type;
		const char *n;
		if (!current && (rc = jx__xml_next(&d->x)) != 1)
			return rc;
		current = 0;
		type = jx__xml_type(&d->x);
		n = jx__xml_local(&d->x);
		if (type == XML_READER_TYPE_ELEMENT && skipped(n) && !jx__xml_empty(&d->x)) {
			if ((rc = jx__xml_skip(&d->x)) != 1)
				return rc;
			current = 1;
			continue;
		}
		if ((rc = read_node(d, type, n)) != 0)
			return rc;
	}
}

int jx_docx_load(jx_doc **out, const char *name, const char *data, size_t len)
{
	jx__zip *z = NULL;
	docx d;
	int rc;
	*out = NULL;
	memset(&d, 0, sizeof(d));
	jx__buf_init(&d.para);
	jx__buf_init(&d.cell);
	if ((rc = jx__zip_open(&z, name, data, len)) != 0)
		return rc;
	if (!jx__zip_has(z, "word/document.xml")) {
		rc = jx__error(JX_EPARSE,
			       _("%s: not a Word document: word/document.xml is missing"), name);
		goto out;
	}
	if (!(d.doc = jx_doc_new(name, JX_DOC_DOCX))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = jx__xml_open(&d.x, z, "word/document.xml", DOCX_MAX_PART)) != 0)
		goto out;
	rc = read_body(&d);
	jx__xml_close(&d.x);
	if (rc == 0) {
		*out = d.doc;
		d.doc = NULL;
	}
out:
	rows_free(&d);
	jx__buf_free(&d.para);
	jx__buf_free(&d.cell);
	jx_doc_free(d.doc);
	jx__zip_close(z);
	return rc;
}
