/* SPDX-License-Identifier: GPL-3.0-or-later */
/* document.c -- the pages put together: page furniture dropped, tables and paragraphs that
 * a page break cut in two joined again.
 *
 * Page numbers ("- 3 -", "第 3 页 共 9 页", "3/9") and running heads or
 * feet (the same line at the top or bottom of several pages) are not part
 * of the text. A table that ends a page and one that starts the next are
 * one table when their column edges line up (every edge of the second
 * within a few points of an edge of the first); the rows the second
 * repeats from the first's top (a header row Word or a browser repeats on
 * each page) are dropped, and a "续表" line between them is skipped. */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

#define ZONE 0.12     /* top and bottom part of a page where furniture sits */
#define EDGE_TOL 4.0  /* points: column edges of a continued ruled table */
#define STREAM_TOL 20 /* points: column edges of a continued rule-less table */
#define MAX_HEADER 3  /* rows a continuation may repeat */

/* Text without white space, full-width digits folded, each run of digits as '#'. */
static void shape(char *out, size_t size, const char *s, int digits_as_hash)
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
	shape(s, sizeof(s), text, 1);
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
	shape(a, sizeof(a), l->blocks[i].text, 1);
	if (!*a)
		return 0;
	for (size_t k = 0; k < l->nblocks; k++) {
		const jx__pdf_block *o = &l->blocks[k];
		if (o->page == l->blocks[i].page || !in_zone(o, g) ||
		    fabs(o->y0 - l->blocks[i].y0) > 6)
			continue;
		shape(b, sizeof(b), o->text, 1);
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

static void drop_block(jx__pdf_layout *l, size_t i)
{
	free(l->blocks[i].text);
	jx__pdf_table_free(l->blocks[i].table);
	memmove(l->blocks + i, l->blocks + i + 1, (l->nblocks - i - 1) * sizeof(*l->blocks));
	l->nblocks--;
}

/* Map of b's column edges onto a's (map[k] = a's edge index); 0 when they do not line up. */
static int line_up(size_t *map, const jx__pdf_table *a, const jx__pdf_table *b)
{
	double tol = a->ruled ? EDGE_TOL : STREAM_TOL;
	if (a->ruled != b->ruled || (!a->ruled && a->ncols != b->ncols))
		return 0;
	for (size_t k = 0, j = 0; k <= b->ncols; k++) {
		while (j <= a->ncols && a->xs[j] < b->xs[k] - tol)
			j++;
		if (j > a->ncols || fabs(a->xs[j] - b->xs[k]) > tol)
			return 0;
		map[k] = j;
	}
	return map[0] == 0 && map[b->ncols] == a->ncols;
}

/* 1 when row r of b (columns mapped) holds the same anchors and text as row r of a. */
static int same_row(const jx__pdf_table *a, const jx__pdf_table *b, const size_t *map, size_t r)
{
	size_t na = 0, nb = 0, text = 0;
	for (size_t i = 0; i < b->ncells; i++) {
		const jx__pdf_cell *c = &b->cells[i];
		int found = 0;
		if (c->row != r)
			continue;
		nb++;
		for (size_t k = 0; k < a->ncells && !found; k++) {
			const jx__pdf_cell *d = &a->cells[k];
			found = d->row == r && d->col == map[c->col] &&
				d->col + (size_t)d->colspan == map[c->col + (size_t)c->colspan] &&
				d->rowspan == c->rowspan && !strcmp(d->text, c->text);
		}
		if (!found)
			return 0;
		text += *c->text != '\0';
	}
	for (size_t k = 0; k < a->ncells; k++)
		na += a->cells[k].row == r;
	return na == nb && text > 0;
}

/* Rows at the top of b that repeat a's top rows, anchors not spanning below them. */
static size_t repeated_rows(const jx__pdf_table *a, const jx__pdf_table *b, const size_t *map)
{
	size_t k = 0;
	while (k < MAX_HEADER && k < b->nrows && k < a->nrows && same_row(a, b, map, k))
		k++;
	for (; k > 0; k--) {
		int clean = 1;
		for (size_t i = 0; i < b->ncells && clean; i++)
			clean = b->cells[i].row >= k ||
				b->cells[i].row + (size_t)b->cells[i].rowspan <= k;
		if (clean)
			break;
	}
	return k == b->nrows ? 0 : k;
}

/* Append b's rows (minus its repeated header) to a. */
static int append_rows(jx__pdf_table *a, const jx__pdf_table *b, const size_t *map)
{
	size_t skip = repeated_rows(a, b, map), offset = a->nrows - skip;
	for (size_t i = 0; i < b->ncells; i++) {
		const jx__pdf_cell *c = &b->cells[i];
		size_t col = map[c->col], end = map[c->col + (size_t)c->colspan];
		int rc;
		if (c->row < skip)
			continue;
		rc = jx__pdf_table_add(a, c->row + offset, col, c->rowspan, (int)(end - col),
				       c->text, c->page, c->box);
		if (rc != 0)
			return rc;
	}
	a->nrows += b->nrows - skip;
	a->page_last = b->page_last;
	a->continued += 1 + b->continued;
	a->repeated_headers += (int)skip;
	return 0;
}

static int continuation_note(const char *text)
{
	char s[256];
	shape(s, sizeof(s), text, 0);
	return !strncmp(s, "续表", 6) || strstr(s, "（续）") || strstr(s, "(续)");
}

/* Join each table that ends a page with the one that starts the next when they line up. */
static int join_tables(jx__pdf_layout *l)
{
	for (size_t i = 0; i + 1 < l->nblocks; i++) {
		jx__pdf_table *a = l->blocks[i].table, *b;
		size_t j = i + 1, *map;
		int rc;
		if (!a)
			continue;
		while (j < l->nblocks && !l->blocks[j].table &&
		       l->blocks[j].page == a->page_last + 1 &&
		       continuation_note(l->blocks[j].text))
			j++;
		if (j >= l->nblocks || !(b = l->blocks[j].table) ||
		    b->page_first != a->page_last + 1)
			continue;
		if (!(map = malloc((b->ncols + 1) * sizeof(*map))))
			return jx__oom();
		if (!line_up(map, a, b)) {
			free(map);
			continue;
		}
		rc = append_rows(a, b, map);
		free(map);
		if (rc != 0)
			return rc;
		while (j > i) /* b and the 续表 lines */
			drop_block(l, j--);
		i--; /* the joined table may go on over the next page too */
	}
	return 0;
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
		drop_block(l, i + 1);
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
			drop_block(l, i);
	if ((rc = join_tables(l)) != 0)
		return rc;
	return join_paragraphs(l);
}
