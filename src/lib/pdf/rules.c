/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.c -- ruling lines in a rendered page: long thin runs of dark pixels.
 *
 * camelot's lattice idea, done with run lengths instead of an image
 * library: in each pixel row, runs of dark pixels with gaps of at most two
 * pixels bridged (dashed rules, anti-aliasing) that are at least 8 points
 * long are horizontal structure. Across the row direction such structure
 * is a line where it is thin, and a filled area (a shaded header) where it
 * is thick: a line becomes its middle row, an area its top and bottom
 * rows. Those rows give segments, which are merged where they are one
 * pixel apart. Vertical lines are the same on the transposed image.
 * Glyph strokes also make runs (a row of 一 or 三, an underline, ——): a
 * segment lying along a line of text with ink close beside it is dropped;
 * a rule beside text has white padding on both sides, and one that
 * survives wrongly is harmless unless it meets a table's lines (grid.c). */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

#define DARK 200       /* grey below this is ink (light-grey rules included) */
#define GAP 2          /* pixels of gap bridged inside a run */
#define MIN_LEN_PT 8.0 /* shortest line, points */

typedef struct {
	int pos, from, to; /* pixel row (or column), first and last pixel along it */
} run;

typedef struct {
	run *v;
	size_t n, cap;
} runs;

static int push(runs *r, int pos, int from, int to)
{
	if (jx__grow((void **)&r->v, &r->cap, r->n + 1, sizeof(*r->v)) != 0)
		return jx__oom();
	r->v[r->n].pos = pos;
	r->v[r->n].from = from;
	r->v[r->n].to = to;
	r->n++;
	return 0;
}

/* The next run of lit pixels in row[*x..w), gaps of up to GAP pixels bridged: its first
 * and last pixel; *x moves past it. 0 when there is none. */
static int next_run(const unsigned char *row, int w, int *x, int *start, int *end)
{
	int gap;
	while (*x < w && !row[*x])
		(*x)++;
	if (*x >= w)
		return 0;
	*start = *end = *x;
	for (gap = 0; *x < w && gap <= GAP; (*x)++) {
		if (row[*x]) {
			*end = *x;
			gap = 0;
		} else
			gap++;
	}
	*x = *end + 1;
	return 1;
}

/* Mark in m the runs of a row of dark pixels at least len long. */
static void mark_row(unsigned char *m, const unsigned char *dark, int w, int len)
{
	int x = 0, start, end;
	while (next_run(dark, w, &x, &start, &end))
		if (end - start + 1 >= len)
			memset(m + start, 1, (size_t)(end - start + 1));
}

/* Runs of lit pixels in a row of c, no length limit. */
static int row_runs(runs *out, const unsigned char *c, int w, int y)
{
	int x = 0, start, end;
	while (next_run(c, w, &x, &start, &end))
		if (push(out, y, start, end) != 0)
			return JX_ENOMEM;
	return 0;
}

static int cmp_run(const void *a, const void *b)
{
	const run *p = a, *q = b;
	if (p->pos != q->pos)
		return p->pos < q->pos ? -1 : 1;
	return (p->from > q->from) - (p->from < q->from);
}

static int cmp_from(const void *a, const void *b)
{
	const run *p = a, *q = b;
	return (p->from > q->from) - (p->from < q->from);
}

/* Merge runs within two pixel rows of each other into lines; keep those at least len long.
 * Output: pos in tenths of a pixel (length-weighted mean of the rows). */
static int merge_runs(runs *out, runs *in, int len)
{
	size_t i = 0;
	jx__sort(in->v, in->n, sizeof(*in->v), cmp_run);
	while (i < in->n) {
		size_t j = i;
		while (j < in->n && in->v[j].pos - in->v[i].pos <= 2)
			j++;
		jx__sort(in->v + i, j - i, sizeof(*in->v), cmp_from);
		for (size_t k = i; k < j;) {
			int from = in->v[k].from, to = in->v[k].to;
			double wsum = 0, psum = 0;
			for (; k < j && in->v[k].from <= to + GAP + 1; k++) {
				double l = in->v[k].to - in->v[k].from + 1;
				to = in->v[k].to > to ? in->v[k].to : to;
				wsum += l;
				psum += l * in->v[k].pos;
			}
			if (to - from + 1 >= len &&
			    push(out, (int)lround(psum / wsum * 10), from, to))
				return JX_ENOMEM;
		}
		i = j;
	}
	return 0;
}

/* Lines along the rows of a w × h dark-pixel image (1 = dark): runs marked, thin ones
 * reduced to their middle row, thick ones to their edges, then merged. */
static int find_lines(runs *out, const unsigned char *dark, int w, int h, int len, int thick)
{
	unsigned char *m = calloc((size_t)w * (size_t)h, 1), *c = calloc((size_t)w * (size_t)h, 1);
	runs raw = {NULL, 0, 0};
	int rc = 0;
	if (!m || !c) {
		rc = jx__oom();
		goto out;
	}
	for (int y = 0; y < h; y++)
		mark_row(m + (size_t)y * (size_t)w, dark + (size_t)y * (size_t)w, w, len);
	for (int x = 0; x < w; x++) {
		int y = 0;
		while (y < h) {
			int a;
			while (y < h && !m[(size_t)y * (size_t)w + (size_t)x])
				y++;
			if (y >= h)
				break;
			a = y;
			while (y < h && m[(size_t)y * (size_t)w + (size_t)x])
				y++;
			if (y - a <= thick)
				c[(size_t)((a + y - 1) / 2) * (size_t)w + (size_t)x] = 1;
			else {
				c[(size_t)a * (size_t)w + (size_t)x] = 1;
				c[(size_t)(y - 1) * (size_t)w + (size_t)x] = 1;
			}
		}
	}
	for (int y = 0; y < h && rc == 0; y++)
		rc = row_runs(&raw, c + (size_t)y * (size_t)w, w, y);
	if (rc == 0)
		rc = merge_runs(out, &raw, len);
out:
	free(raw.v);
	free(m);
	free(c);
	return rc;
}

/* Fraction of a line's length where the pixels d rows above and below are both light. */
static double clean_sides(const unsigned char *dark, int w, int h, const run *r, int d)
{
	int y = (r->pos + 5) / 10, n = 0, clean = 0;
	for (int x = r->from; x <= r->to; x++, n++) {
		int above = y - d >= 0 ? dark[(size_t)(y - d) * (size_t)w + (size_t)x] : 0;
		int below = y + d < h ? dark[(size_t)(y + d) * (size_t)w + (size_t)x] : 0;
		clean += !above && !below;
	}
	return n ? (double)clean / n : 1;
}

/* Fraction of the line [from, to] at pos (points, along x for a horizontal line) covered
 * by characters whose band holds pos; *em gets the largest size among them. */
static double text_cover(const jx__pdf_char *chars, size_t nchars, int vertical, double pos,
			 double from, double to, double *em)
{
	double covered = 0;
	*em = 0;
	for (size_t i = 0; i < nchars; i++) {
		const jx__pdf_char *c = &chars[i];
		double e = jx__pdf_char_em(c), cy = jx__pdf_char_cy(c), a, b, lo, hi;
		if (c->cp == 0x20)
			continue;
		if (!vertical) { /* the glyph's middle rows (tall boxes clipped) */
			lo = fmax(c->box.y0, cy - 0.75 * e);
			hi = fmin(c->box.y1, cy + 0.75 * e);
			a = c->box.x0 - 0.1 * e;
			b = c->box.x1 + 0.1 * e;
		} else { /* the whole box: a rule never runs through a character */
			lo = c->box.x0;
			hi = c->box.x1;
			a = fmin(c->box.y0, cy - 0.6 * e);
			b = fmax(c->box.y1, cy + 0.6 * e);
		}
		if (pos < lo || pos > hi)
			continue;
		a = fmax(a, from);
		b = fmin(b, to);
		if (b > a) {
			covered += b - a;
			*em = fmax(*em, e);
		}
	}
	return to > from ? fmin(1.0, covered / (to - from)) : 0;
}

/* 1 when a found line is made by text: a vertical one lying along characters; a
 * horizontal one lying along characters and either short (a stroke of 一 or 二) or with
 * ink close above or below (strokes of neighbouring glyphs run together). */
static int textual(const jx__pdf_seg *s, const run *r, const unsigned char *dark, int w, int h,
		   int thick, const jx__pdf_char *chars, size_t nchars)
{
	double em, cover = text_cover(chars, nchars, s->vertical, s->pos, s->from, s->to, &em);
	if (cover < 0.6)
		return 0;
	return s->vertical || s->to - s->from <= 1.5 * em ||
	       clean_sides(dark, w, h, r, thick / 2 + 2) < 0.6;
}

static int emit(jx__pdf_seg **segs, size_t *n, size_t *cap, const runs *lines, int vertical,
		double scale, const unsigned char *dark, int w, int h, int thick,
		const jx__pdf_char *chars, size_t nchars)
{
	for (size_t i = 0; i < lines->n; i++) {
		const run *r = &lines->v[i];
		jx__pdf_seg s;
		s.vertical = vertical;
		s.pos = (r->pos / 10.0 + 0.5) / scale;
		s.from = r->from / scale;
		s.to = (r->to + 1) / scale;
		if (textual(&s, r, dark, w, h, thick, chars, nchars))
			continue;
		if (jx__grow((void **)segs, cap, *n + 1, sizeof(**segs)) != 0)
			return jx__oom();
		(*segs)[(*n)++] = s;
	}
	return 0;
}

int jx__pdf_find_rules(jx__pdf_seg **segs, size_t *n, size_t *cap, const unsigned char *grey, int w,
		       int h, double scale, const jx__pdf_char *chars, size_t nchars)
{
	size_t npx = (size_t)w * (size_t)h;
	unsigned char *dark = malloc(npx ? npx : 1), *tdark = malloc(npx ? npx : 1);
	int len = (int)ceil(MIN_LEN_PT * scale), thick = (int)fmax(3, lround(2.0 * scale));
	runs hl = {NULL, 0, 0}, vl = {NULL, 0, 0};
	int rc = 0;
	if (!dark || !tdark) {
		rc = jx__oom();
		goto out;
	}
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			unsigned char d = grey[(size_t)y * (size_t)w + (size_t)x] < DARK;
			dark[(size_t)y * (size_t)w + (size_t)x] = d;
			tdark[(size_t)x * (size_t)h + (size_t)y] = d;
		}
	if ((rc = find_lines(&hl, dark, w, h, len, thick)) != 0 ||
	    (rc = find_lines(&vl, tdark, h, w, len, thick)) != 0)
		goto out;
	if ((rc = emit(segs, n, cap, &hl, 0, scale, dark, w, h, thick, chars, nchars)) == 0)
		rc = emit(segs, n, cap, &vl, 1, scale, tdark, h, w, thick, chars, nchars);
out:
	free(hl.v);
	free(vl.v);
	free(dark);
	free(tdark);
	return rc;
}
