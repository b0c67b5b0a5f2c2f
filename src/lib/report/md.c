/* SPDX-License-Identifier: GPL-3.0-or-later */
/* md.c -- the report document as Markdown (CommonMark with pipe tables).
 *
 * The same content as the HTML; charts are PNG files beside the .md,
 * anchors are empty <a id> elements (which GitHub and most renderers
 * keep), and every text from the database is backslash-escaped so that
 * nothing in a name becomes markup or HTML.
 */
#include <stdlib.h>
#include <string.h>
#include "report/internal.h"

/* Escape text for Markdown: ASCII punctuation that could start markup gets a
 * backslash; line breaks become spaces (a cell or list item is one line). */
static void md_escape(jx__buf *b, const char *s)
{
	static const char special[] = "\\`*_[]<>|~&#!";
	for (size_t i = 0; s && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20) {
			jx__buf_put(b, " ", 1);
			continue;
		}
		if (strchr(special, c) || (i == 0 && strchr("-+=", c)))
			jx__buf_put(b, "\\", 1);
		jx__buf_put(b, (const char *)&c, 1);
	}
}

/* The first (last = 0) or last (last = 1) code point of a UTF-8 string; 0 when empty. */
static unsigned edge_cp(const char *s, int last)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
	unsigned cp;
	if (p == e)
		return 0;
	if (last)
		for (p = e - 1; p > (const unsigned char *)s && (*p & 0xC0) == 0x80; p--)
			;
	if (*p < 0x80)
		return *p;
	cp = *p >= 0xF0 ? *p & 0x07u : *p >= 0xE0 ? *p & 0x0Fu : *p & 0x1Fu;
	for (p++; p < e && (*p & 0xC0) == 0x80; p++)
		cp = cp << 6 | (*p & 0x3Fu);
	return cp;
}

/* A code point beside which `*` may open and close emphasis whatever surrounds it: a
 * letter or digit, ASCII or a CJK ideograph. Beside punctuation (【】（）—…) or a space
 * CommonMark's flanking rules can refuse "**", leaving literal asterisks. */
static int word_cp(unsigned cp)
{
	return (cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10)) ||
	       (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* text in emphasis (strong: bold): "**text**" / "*text*" when both ends are letters, else
 * the HTML element, which CommonMark passes through whatever the neighbours. */
static void emph(jx__buf *b, const char *text, int strong)
{
	int plain = text && *text && word_cp(edge_cp(text, 0)) && word_cp(edge_cp(text, 1));
	const char *mark = strong ? "**" : "*";
	jx__buf_puts(b, plain ? mark : strong ? "<strong>" : "<em>");
	md_escape(b, text);
	jx__buf_puts(b, plain ? mark : strong ? "</strong>" : "</em>");
}

static void anchor(jx__buf *b, const char *id)
{
	if (id)
		jx__buf_printf(b, "<a id=\"%s\"></a>", id); /* ids are made by the report, ASCII */
}

static void span(jx__buf *b, const rd_span *sp)
{
	int strong = (sp->cls & (RD_STRONG | RD_BAD)) != 0;
	if (sp->href)
		jx__buf_puts(b, "[");
	if (strong)
		emph(b, sp->text, 1);
	else
		md_escape(b, sp->text);
	if (sp->href)
		jx__buf_printf(b, "](%s)", sp->href);
}

static void spans(jx__buf *b, const rd_inline *in)
{
	for (size_t i = 0; i < in->n; i++)
		span(b, &in->spans[i]);
}

static void table(jx__buf *b, const rd_table *t)
{
	if (t->caption) {
		anchor(b, t->id);
		emph(b, t->caption, 1);
		jx__buf_puts(b, "\n\n");
	}
	jx__buf_puts(b, "|");
	for (size_t c = 0; c < t->ncols; c++) {
		jx__buf_puts(b, " ");
		md_escape(b, t->heads[c]);
		jx__buf_puts(b, " |");
	}
	jx__buf_puts(b, "\n|");
	for (size_t c = 0; c < t->ncols; c++)
		jx__buf_puts(b, t->colcls[c] & RD_NUM ? " ---: |" : " --- |");
	jx__buf_puts(b, "\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const rd_row *row = &t->rows[r];
		jx__buf_puts(b, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			const rd_cell *cell = &row->cells[c];
			rd_span sp = {cell->text ? cell->text : "", cell->href,
				      (cell->cls | row->cls) & (RD_BAD | RD_TOTAL) ? RD_STRONG : 0};
			jx__buf_puts(b, " ");
			if (c == 0)
				anchor(b, row->id);
			if (*sp.text)
				span(b, &sp);
			jx__buf_puts(b, " |");
		}
		jx__buf_puts(b, "\n");
	}
	if (t->note) {
		jx__buf_puts(b, "\n");
		emph(b, t->note, 0);
		jx__buf_puts(b, "\n");
	}
	jx__buf_puts(b, "\n");
}

static void chart(jx__buf *b, const rd_doc *d, const rd_chart *c)
{
	if (c->src) {
		jx__buf_puts(b, "![");
		md_escape(b, c->caption);
		jx__buf_printf(b, "](%s)\n\n", c->src); /* a path the report made: ASCII */
		emph(b, c->caption, 0);
		jx__buf_puts(b, "\n\n");
	} else if (c->error) {
		char *msg = jx__sprintf(_("Chart not drawn: %s"), c->error);
		jx__buf_puts(b, "> ");
		md_escape(b, msg ? msg : c->error);
		jx__buf_puts(b, "\n\n");
		free(msg);
	}
}

static void cards(jx__buf *b, const rd_doc *d, const rd_block *blk)
{
	int en = d->lang == JX_LANG_EN;
	for (size_t i = 0; i < blk->ncards; i++) {
		const rd_card *c = &blk->cards[i];
		jx__buf_puts(b, "- ");
		md_escape(b, c->label);
		jx__buf_puts(b, en ? ": " : "：");
		emph(b, c->value, 1);
		if (c->sub) {
			jx__buf_puts(b, en ? " (" : "（");
			md_escape(b, c->sub);
			jx__buf_puts(b, en ? ")" : "）");
		}
		jx__buf_puts(b, "\n");
	}
	jx__buf_puts(b, "\n");
}

static void block(jx__buf *b, const rd_doc *d, const rd_block *blk)
{
	switch (blk->kind) {
	case RD_HEADING:
		anchor(b, blk->id);
		if (blk->id)
			jx__buf_puts(b, "\n\n");
		jx__buf_puts(b, blk->level == 2 ? "## " : "### ");
		spans(b, &blk->inl);
		jx__buf_puts(b, "\n\n");
		break;
	case RD_PARA:
	case RD_NOTE:
		if (blk->kind == RD_NOTE)
			jx__buf_puts(b, "> ");
		anchor(b, blk->id);
		spans(b, &blk->inl);
		jx__buf_puts(b, "\n\n");
		break;
	case RD_LIST:
	case RD_OLIST:
		for (size_t i = 0; i < blk->nitems; i++) {
			if (blk->kind == RD_OLIST)
				jx__buf_printf(b, "%zu. ", i + 1);
			else
				jx__buf_puts(b, "- ");
			anchor(b, blk->item_ids[i]);
			spans(b, &blk->items[i]);
			jx__buf_puts(b, "\n");
		}
		jx__buf_puts(b, "\n");
		break;
	case RD_TABLE: table(b, blk->table); break;
	case RD_CHART: chart(b, d, blk->chart); break;
	case RD_CARDS: cards(b, d, blk); break;
	}
}

char *rp_write_md(const rd_doc *d)
{
	jx__buf b;
	jx__buf_init(&b);
	if (d->banner) {
		jx__buf_puts(&b, "> ");
		emph(&b, d->banner, 1);
		jx__buf_puts(&b, "\n\n");
	}
	jx__buf_puts(&b, "# ");
	md_escape(&b, d->title);
	jx__buf_puts(&b, "\n\n");
	emph(&b, d->subtitle, 1);
	jx__buf_puts(&b, "  \n");
	md_escape(&b, d->generated);
	jx__buf_puts(&b, "\n\n");
	for (size_t i = 0; i < d->n; i++)
		block(&b, d, &d->blocks[i]);
	return jx__buf_detach(&b);
}
