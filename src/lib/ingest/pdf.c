/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.c -- a PDF into the table model: the pdf module's tables and paragraphs as a jx_doc.
 *
 * The reading itself (poppler in a child process with limits, ruling lines, grids, rule-less
 * tables, pages joined) is the pdf module's; here its result becomes the
 * jx_doc every reader produces, with each slot's page in its origin, so
 * that messages say "第 3 页 表 1 第 14 行 第 5 列". */
#include <string.h>
#include "ingest/internal.h"
#include "pdf/internal.h"

static int add_table(jx_doc *d, const jx__pdf_table *pt)
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
	if (!pt->ruled)
		rc = jx_doc_note(d,
				 _("table %d (page %d): no ruling lines; its columns are taken "
				   "from the gaps between words"),
				 t->number, pt->page_first);
	if (rc == 0 && pt->continued)
		rc = jx_doc_note(d,
				 _("table %d: one table over pages %d-%d; header rows repeated on "
				   "later pages and dropped: %d"),
				 t->number, pt->page_first, pt->page_last, pt->repeated_headers);
	return rc;
}

int jx_pdf_read(jx_doc **out, const char *name, const char *data, size_t len,
		const char *debug_grid)
{
	jx__pdf_layout *l = NULL;
	jx_doc *d = NULL;
	int rc;
	*out = NULL;
	if ((rc = jx__pdf_read(&l, name, data, len, debug_grid)) != 0)
		return rc;
	if (!(d = jx_doc_new(name, JX_DOC_PDF))) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < l->nblocks && rc == 0; i++) {
		const jx__pdf_block *b = &l->blocks[i];
		jx_doc_origin o = {0, 0, 0, b->page};
		rc = b->table ? add_table(d, b->table) : jx_doc_add_paragraph(d, b->text, o);
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
