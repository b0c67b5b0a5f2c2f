/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.c -- the containers of a laid-out PDF: tables of anchors, blocks, notes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "pdf/internal.h"

void jx__pdf_table_free(jx__pdf_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i].text);
	free(t->cells);
	free(t->xs);
	free(t->ys);
	free(t);
}

int jx__pdf_table_add(jx__pdf_table *t, size_t row, size_t col, int rowspan, int colspan,
		      const char *text, int page, jx__pdf_box box)
{
	jx__pdf_cell *c;
	char *copy = jx__strdup(text ? text : "");
	if (!copy || jx__grow((void **)&t->cells, &t->cap, t->ncells + 1, sizeof(*t->cells)) != 0) {
		free(copy);
		return jx__oom();
	}
	c = &t->cells[t->ncells++];
	c->row = row;
	c->col = col;
	c->rowspan = rowspan;
	c->colspan = colspan;
	c->text = copy;
	c->page = page;
	c->box = box;
	return 0;
}

void jx__pdf_layout_free(jx__pdf_layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nblocks; i++) {
		free(l->blocks[i].text);
		jx__pdf_table_free(l->blocks[i].table);
	}
	for (size_t i = 0; i < l->nnotes; i++)
		free(l->notes[i]);
	free(l->blocks);
	free(l->notes);
	free(l);
}

int jx__pdf_layout_note(jx__pdf_layout *l, const char *fmt, ...)
{
	va_list ap;
	char buf[512];
	char *s;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!(s = jx__strdup(buf)) ||
	    jx__grow((void **)&l->notes, &l->notes_cap, l->nnotes + 1, sizeof(*l->notes)) != 0) {
		free(s);
		return jx__oom();
	}
	l->notes[l->nnotes++] = s;
	return 0;
}

int jx__pdf_layout_add(jx__pdf_layout *l, jx__pdf_table *table, char *text, int page, double y0,
		       double y1)
{
	jx__pdf_block *b;
	if (jx__grow((void **)&l->blocks, &l->cap, l->nblocks + 1, sizeof(*l->blocks)) != 0) {
		jx__pdf_table_free(table);
		free(text);
		return jx__oom();
	}
	b = &l->blocks[l->nblocks++];
	memset(b, 0, sizeof(*b));
	b->table = table;
	b->text = text;
	b->page = page;
	b->y0 = y0;
	b->y1 = y1;
	return 0;
}
