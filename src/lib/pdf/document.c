/* SPDX-License-Identifier: GPL-3.0-or-later */
/* document.c -- the pages put together: page furniture dropped, tables (continue.c) and
 * paragraphs that a page break cut in two joined again.
 *
 * Page numbers ("- 3 -", "第 3 页 共 9 页", "3/9") and running heads or
 * feet (the same line at the top or bottom of several pages) are not part
 * of the text. A paragraph that runs to the right margin at the end of a
 * page and one that starts flush left at the top of the next are one. */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

#define ZONE 0.12 /* top and bottom part of a page where furniture sits */

void jx__pdf_shape(char *out, size_t size, const char *s, int digits_as_hash)
{
	size_t n = 0;
	while (*s && n + 4 < size) {
		unsigned cp;
		size_t k = jx__utf8_decode((const unsigned char *)s, strlen(s), &cp);
		if (k == 0)
			k = 1, cp = (unsigned char)*s;
		s += k;
		if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0)
			continue;
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = '0' + (cp - 0xFF10);
		if (digits_as_hash && cp >= '0' && cp <= '9') {
			if (n == 0 || out[n - 1] != '#')
				out[n++] = '#';
			continue;
		}
		if (cp < 0x80)
			out[n++] = (char)cp;
		else {
			jx__buf b;
			jx__buf_init(&b);
			jx__utf8_put(&b, cp);
			if (!b.failed && n + b.len < size) {
				memcpy(out + n, b.data, b.len);
				n += b.len;
			}
			jx__buf_free(&b);
		}
	}
	out[n] = '\0';
}

/* "3", "- 3 -", "—3—", "第3页", "第3页共9页", "3/9", "Page 3 of 9", "·3·". */
static int page_number(const char *text)
{
	static const char *const forms[] = {"#",        "-#-",        "—#—",  "–#–",
					    "第#页",    "第#页共#页", "#/#",  "Page#",
					    "Page#of#", "·#·",        "- #-", "(#)"};
	char s[256];
	jx__pdf_shape(s, sizeof(s), text, 1);
	for (size_t i = 0; i < sizeof(forms) / sizeof(*forms); i++)
		if (!strcmp(s, forms[i]))
			return 1;
	return 0;
}

static int in_zone(const jx__pdf_block *b, const jx__pdf_geometry *g)
{
	const jx__pdf_page *p;
	if (b->table || b->page < 1 || (size_t)b->page > g->npages)
		return 0;
	p = &g->pages[b->page - 1];
	return b->y1 < ZONE * p->height || b->y0 > (1 - ZONE) * p->height;
}

/* Same text (digits aside) in the furniture zone of another page. */
static int repeated(const jx__pdf_layout *l, size_t i, const jx__pdf_geometry *g)
{
	char a[256], b[256];
	jx__pdf_shape(a, sizeof(a), l->blocks[i].text, 1);
	if (!*a)
		return 0;
	for (size_t k = 0; k < l->nblocks; k++) {
		const jx__pdf_block *o = &l->blocks[k];
		if (o->page == l->blocks[i].page || !in_zone(o, g) ||
		    fabs(o->y0 - l->blocks[i].y0) > 6)
			continue;
		jx__pdf_shape(b, sizeof(b), o->text, 1);
		if (!strcmp(a, b))
			return 1;
	}
	return 0;
}

static void mark_furniture(jx__pdf_layout *l, const jx__pdf_geometry *g)
{
	for (size_t i = 0; i < l->nblocks; i++)
		if (in_zone(&l->blocks[i], g) &&
		    (page_number(l->blocks[i].text) || (g->npages > 1 && repeated(l, i, g))))
			l->blocks[i].furniture = 1;
}

void jx__pdf_drop_block(jx__pdf_layout *l, size_t i)
{
	free(l->blocks[i].text);
	jx__pdf_table_free(l->blocks[i].table);
	memmove(l->blocks + i, l->blocks + i + 1, (l->nblocks - i - 1) * sizeof(*l->blocks));
	l->nblocks--;
}

static int is_word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A paragraph that runs to the end of a page and one that starts the next flush left. */
static int join_paragraphs(jx__pdf_layout *l)
{
	for (size_t i = 0; i + 1 < l->nblocks; i++) {
		jx__pdf_block *a = &l->blocks[i], *b = &l->blocks[i + 1];
		char *s;
		size_t n;
		if (a->table || b->table || b->page != a->page + 1 || !a->open_end ||
		    !b->open_start)
			continue;
		n = strlen(a->text);
		s = jx__sprintf("%s%s%s", a->text,
				n && is_word_byte(a->text[n - 1]) && is_word_byte(b->text[0]) ? " "
											      : "",
				b->text);
		if (!s)
			return jx__oom();
		free(a->text);
		a->text = s;
		a->open_end = b->open_end;
		a->y1 = b->y1;
		jx__pdf_drop_block(l, i + 1);
		i--;
	}
	return 0;
}

/* The text margins of the document: where its characters start and end, over all pages. */
static void margins(const jx__pdf_geometry *g, double *left, double *right)
{
	*left = HUGE_VAL;
	*right = -HUGE_VAL;
	for (size_t i = 0; i < g->npages; i++)
		for (size_t k = 0; k < g->pages[i].nchars; k++) {
			const jx__pdf_char *c = &g->pages[i].chars[k];
			if (c->cp == 0x20 || c->box.x0 < 0 || c->box.x1 > g->pages[i].width)
				continue;
			*left = fmin(*left, c->box.x0);
			*right = fmax(*right, c->box.x1);
		}
}

int jx__pdf_layout_document(jx__pdf_layout *l, const jx__pdf_geometry *g)
{
	double left, right;
	int rc = 0;
	margins(g, &left, &right);
	for (size_t i = 0; i < g->npages && rc == 0; i++) {
		const jx__pdf_page *p = &g->pages[i];
		size_t text = 0;
		for (size_t k = 0; k < p->nchars; k++)
			text += p->chars[k].cp != 0x20;
		if (!text)
			l->pages_without_text++;
		rc = jx__pdf_layout_page(l, p, left, right);
	}
	if (rc != 0)
		return rc;
	mark_furniture(l, g);
	for (size_t i = l->nblocks; i-- > 0;)
		if (l->blocks[i].furniture)
			jx__pdf_drop_block(l, i);
	if ((rc = jx__pdf_join_tables(l)) != 0)
		return rc;
	return join_paragraphs(l);
}
