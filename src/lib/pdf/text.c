/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c -- characters into lines, and lines into the text of a cell or a paragraph.
 *
 * A layout dump (pdftotext -layout) pads columns with spaces and puts
 * spaces between CJK characters wherever glyphs sit apart; poppler itself
 * puts a space between a digit and the ideograph after it ("2023 年度"). A
 * Chinese cell has no spaces of its own, so spaces next to a CJK character
 * are dropped, and a space is kept (or made, from a wide gap) only between
 * characters of other scripts: "指标 1: 完成" becomes "指标1:完成", "Table
 * Grid" stays. Lines of a cell join the same way: nothing between CJK, a
 * space between two words of other scripts. */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

int jx__pdf_is_cjk(unsigned cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || /* radicals .. CJK punctuation, kana, ideographs */
	       (cp >= 0xAC00 && cp <= 0xD7AF) || /* Hangul */
	       (cp >= 0xF900 && cp <= 0xFAFF) || /* compatibility ideographs */
	       (cp >= 0xFE30 && cp <= 0xFE4F) || /* compatibility forms */
	       (cp >= 0xFF00 && cp <= 0xFFEF) || /* full-width forms */
	       (cp >= 0x20000 && cp <= 0x3FFFF) ||
	       (cp >= 0x2010 && cp <= 0x2027) || /* dashes, quotes, ellipsis used with CJK */
	       cp == 0x00B7 || cp == 0x00D7;
}

double jx__pdf_char_cy(const jx__pdf_char *c)
{
	return (c->box.y0 + c->box.y1) / 2;
}

double jx__pdf_char_em(const jx__pdf_char *c)
{
	double h = c->box.y1 - c->box.y0;
	if (c->size > 0)
		return c->size;
	return h > 0 ? 0.8 * h : 1.0;
}

void jx__pdf_lines_free(jx__pdf_line *lines, size_t n)
{
	for (size_t i = 0; lines && i < n; i++)
		free(lines[i].idx);
	free(lines);
}

/* qsort has no context argument: the characters being sorted. */
static _Thread_local const jx__pdf_char *sort_chars;

static int cmp_cy(const void *a, const void *b)
{
	double p = jx__pdf_char_cy(&sort_chars[*(const size_t *)a]);
	double q = jx__pdf_char_cy(&sort_chars[*(const size_t *)b]);
	return (p > q) - (p < q);
}

static int cmp_x(const void *a, const void *b)
{
	const jx__pdf_char *p = &sort_chars[*(const size_t *)a],
			   *q = &sort_chars[*(const size_t *)b];
	if (p->box.x0 != q->box.x0)
		return (p->box.x0 > q->box.x0) - (p->box.x0 < q->box.x0);
	return (*(const size_t *)a > *(const size_t *)b) -
	       (*(const size_t *)a < *(const size_t *)b);
}

static void finish_line(jx__pdf_line *l, const jx__pdf_char *chars)
{
	double em = 0;
	size_t k = 0;
	sort_chars = chars;
	jx__sort(l->idx, l->n, sizeof(*l->idx), cmp_x);
	for (size_t i = 0; i < l->n; i++) {
		const jx__pdf_char *c = &chars[l->idx[i]];
		if (c->cp == 0x20)
			continue;
		if (k++ == 0)
			l->box = c->box;
		l->box.x0 = fmin(l->box.x0, c->box.x0);
		l->box.y0 = fmin(l->box.y0, c->box.y0);
		l->box.x1 = fmax(l->box.x1, c->box.x1);
		l->box.y1 = fmax(l->box.y1, c->box.y1);
		em += jx__pdf_char_em(c);
	}
	l->em = k ? em / (double)k : 1.0;
}

int jx__pdf_lines(jx__pdf_line **out, size_t *nout, const jx__pdf_char *chars, const size_t *idx,
		  size_t n)
{
	size_t *order = malloc((n ? n : 1) * sizeof(*order)), cap = 0, i = 0;
	jx__pdf_line *lines = NULL;
	size_t nl = 0;
	*out = NULL;
	*nout = 0;
	if (!order)
		return jx__oom();
	memcpy(order, idx, n * sizeof(*order));
	sort_chars = chars;
	jx__sort(order, n, sizeof(*order), cmp_cy);
	while (i < n) {
		const jx__pdf_char *first = &chars[order[i]];
		double cy = jx__pdf_char_cy(first), em = jx__pdf_char_em(first);
		size_t j = i + 1;
		jx__pdf_line *l;
		while (j < n) {
			const jx__pdf_char *c = &chars[order[j]];
			if (jx__pdf_char_cy(c) - cy > 0.4 * fmax(em, jx__pdf_char_em(c)))
				break;
			j++;
		}
		if (jx__grow((void **)&lines, &cap, nl + 1, sizeof(*lines)) != 0 ||
		    !(lines[nl].idx = malloc((j - i) * sizeof(size_t)))) {
			jx__pdf_lines_free(lines, nl);
			free(order);
			return jx__oom();
		}
		l = &lines[nl++];
		memcpy(l->idx, order + i, (j - i) * sizeof(size_t));
		l->n = j - i;
		memset(&l->box, 0, sizeof(l->box));
		finish_line(l, chars);
		i = j;
	}
	free(order);
	*out = lines;
	*nout = nl;
	return 0;
}

static int is_word(unsigned cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Appends characters, deciding the spaces between them. */
typedef struct {
	jx__buf *b;
	unsigned last; /* last character put, 0 at the start */
	double last_x0, last_x1, em;
	int pending;    /* a space (or a wide gap) since the last character */
	int line_break; /* the next character starts a new line */
	int wide_gaps;  /* a gap of more than two em is a space whatever the script */
} joiner;

static void put_char(joiner *j, const jx__pdf_char *c)
{
	double em = jx__pdf_char_em(c);
	if (c->cp == 0x20) {
		j->pending = j->last != 0;
		return;
	}
	/* a glyph drawn twice over itself (fake bold) is one character */
	if (c->cp == j->last && !j->line_break &&
	    fabs(c->box.x0 - j->last_x0) < 0.3 * (c->box.x1 - c->box.x0))
		return;
	if (j->last) {
		int space;
		if (j->line_break)
			space = is_word(j->last) && is_word(c->cp) &&
				!(j->last <= '9' && c->cp <= '9');
		else
			space = j->pending || c->box.x0 - j->last_x1 > 0.25 * em;
		if ((space && !jx__pdf_is_cjk(j->last) && !jx__pdf_is_cjk(c->cp)) ||
		    (j->wide_gaps && !j->line_break && c->box.x0 - j->last_x1 > 2 * em))
			jx__buf_put(j->b, " ", 1);
	}
	jx__utf8_put(j->b, c->cp);
	j->last = c->cp;
	j->last_x0 = c->box.x0;
	j->last_x1 = c->box.x1;
	j->pending = j->line_break = 0;
}

void jx__pdf_join(jx__buf *b, const jx__pdf_char *chars, const jx__pdf_line *lines, size_t from,
		  size_t to, double x0, double x1, int wide_gaps)
{
	joiner j;
	memset(&j, 0, sizeof(j));
	j.b = b;
	j.wide_gaps = wide_gaps;
	for (size_t i = from; i < to; i++) {
		for (size_t k = 0; k < lines[i].n; k++) {
			const jx__pdf_char *c = &chars[lines[i].idx[k]];
			double cx = (c->box.x0 + c->box.x1) / 2;
			if (cx >= x0 && cx < x1)
				put_char(&j, c);
		}
		j.line_break = j.last != 0;
		j.pending = 0;
	}
}
