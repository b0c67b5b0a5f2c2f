/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.c -- a PDF into the table model: the pdf module's tables and paragraphs as a jx_doc.
 *
 * The reading itself (poppler in a child process with limits, ruling
 * lines, grids, rule-less tables, pages joined) is the pdf module's; here
 * its result becomes the jx_doc every reader produces, with each slot's
 * page in its origin, so that messages say "第 3 页 表 1 第 14 行 第 5 列".
 * For `import --dry-run` (jx_read_options.describe) each table's grid is
 * written out as a note, so a user sees the cells the reader found before
 * the recogniser gave them meaning. */
#include <string.h>
#include "ingest/internal.h"
#include "pdf/internal.h"

#define CELL_CHARS 14 /* characters of a cell shown in the grid */

/* At most CELL_CHARS characters of s, "…" when cut. */
static void put_clipped(jx__buf *b, const char *s)
{
	size_t n = 0, len = strlen(s), i = 0;
	while (i < len && n < CELL_CHARS) {
		unsigned cp;
		size_t k = jx__utf8_decode((const unsigned char *)s + i, len - i, &cp);
		i += k ? k : 1;
		n++;
	}
	jx__buf_put(b, s, i);
	if (i < len)
		jx__buf_puts(b, "…");
}

/* The grid as the reader found it: a line per row, "↑" for a slot that the cell above
 * covers, "←" for one the cell on its left covers, a line where a new page starts. */
static int note_grid(jx_doc *d, const jx_doc_table *t, int ruled)
{
	jx__buf b;
	int page = 0, rc;
	jx__buf_init(&b);
	jx__buf_printf(&b, _("table %d: %zu rows × %zu columns, pages %d-%d, %s"), t->number,
		       t->nrows, t->ncols, t->page_first, t->page_last,
		       ruled ? _("cells from the ruling lines")
			     : _("columns from the gaps between words"));
	for (size_t r = 0; r < t->nrows; r++) {
		const jx_doc_cell *first = jx_doc_table_slot(t, r, 0);
		if (first->origin.page != page) {
			page = first->origin.page;
			jx__buf_printf(&b, "\n    -- 第 %d 页 --", page);
		}
		jx__buf_printf(&b, "\n  %3zu", r + 1);
		for (size_t c = 0; c < t->ncols; c++) {
			const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
			jx__buf_puts(&b, " | ");
			if (s->text)
				put_clipped(&b, s->text);
			else
				jx__buf_puts(&b, s->anchor_row < (int)r ? "↑" : "←");
		}
	}
	if (b.failed)
		return jx__oom();
	rc = jx_doc_note(d, "%s", b.data);
	jx__buf_free(&b);
	return rc;
}

static int add_table(jx_doc *d, const jx__pdf_table *pt, int describe)
{
	jx_doc_table *t;
	int rc = jx_doc_add_table(&t, d, pt->nrows, pt->ncols);
	if (rc != 0)
		return rc;
	t->page_first = pt->page_first;
	t->page_last = pt->page_last;
	for (size_t i = 0; i < pt->ncells; i++) {
		const jx__pdf_cell *c = &pt->cells[i];
		jx_doc_origin o = {(int)c->row + 1, (int)c->col + 1, 0, c->page};
		if (jx_doc_table_set(t, c->row, c->col, c->text, c->rowspan, c->colspan, o) == 0)
			continue;
		if (jx_error_code() == JX_ENOMEM)
			return JX_ENOMEM;
		rc = jx_doc_note(d,
				 _("table %d, page %d: a cell at row %zu, column %zu overlaps "
				   "another and was left out"),
				 t->number, c->page, c->row + 1, c->col + 1);
		if (rc != 0)
			return rc;
	}
	if (pt->continued)
		rc = jx_doc_note(d,
				 _("table %d: one table over pages %d-%d; header rows repeated on "
				   "later pages and dropped: %d"),
				 t->number, pt->page_first, pt->page_last, pt->repeated_headers);
	if (rc == 0 && pt->rows_rejoined)
		rc = jx_doc_note(d,
				 _("table %d: rows cut in two by a page break and made one again: "
				   "%d"),
				 t->number, pt->rows_rejoined);
	if (rc == 0 && describe)
		rc = note_grid(d, t, pt->ruled);
	return rc;
}

int jx_pdf_load(jx_doc **out, const char *name, const char *data, size_t len,
		const jx_read_options *opts)
{
	jx__pdf_layout *l = NULL;
	jx_doc *d = NULL;
	int rc, describe = opts && opts->describe;
	*out = NULL;
	if ((rc = jx__pdf_read(&l, name, data, len, opts ? opts->debug_grid : NULL)) != 0)
		return rc;
	if (!(d = jx_doc_new(name, JX_DOC_PDF))) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < l->nblocks && rc == 0; i++) {
		const jx__pdf_block *b = &l->blocks[i];
		jx_doc_origin o = {0, 0, 0, b->page};
		rc = b->table ? add_table(d, b->table, describe)
			      : jx_doc_add_paragraph(d, b->text, o);
	}
	for (size_t i = 0; i < l->nnotes && rc == 0; i++)
		rc = jx_doc_note(d, "%s", l->notes[i]);
	if (rc == 0) {
		*out = d;
		d = NULL;
	}
out:
	jx_doc_free(d);
	jx__pdf_layout_free(l);
	return rc;
}
