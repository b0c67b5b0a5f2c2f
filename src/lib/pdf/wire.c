/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wire.c -- the PDF child's answer: length-prefixed records of page geometry.
 *
 * Each record is a tag byte, a 32-bit little-endian payload length and the
 * payload. Numbers are 32-bit little-endian integers; coordinates are in
 * hundredths of a point, so no floating-point value ever crosses the pipe
 * (nothing to be NaN). The parent trusts nothing in it: every count is
 * checked against the bytes present and the limits in pdf/internal.h.
 *
 *   'S' status  : status, npages, message length, message bytes
 *   'P' page    : number, width, height, nchars, nsegs, image w, image h,
 *                 image scale (1/1000 px per point); then per character
 *                 code point, x0, y0, x1, y1, font size; per segment a byte
 *                 (1 = vertical) and pos, from, to; then the image's bytes
 *   'E' end     : empty; the answer is complete
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "pdf/internal.h"

#define CHAR_BYTES 24
#define SEG_BYTES 13
#define PAGE_HEAD 32
#define MAX_IMAGE ((size_t)64 << 20)

static void put_u32(jx__buf *b, uint32_t v)
{
	char c[4] = {(char)(v & 0xff), (char)((v >> 8) & 0xff), (char)((v >> 16) & 0xff),
		     (char)((v >> 24) & 0xff)};
	jx__buf_put(b, c, 4);
}

static void put_coord(jx__buf *b, double v)
{
	double c = v * 100.0;
	if (!(c > -2e9 && c < 2e9)) /* also NaN */
		c = 0;
	put_u32(b, (uint32_t)(int32_t)lround(c));
}

static void put_head(jx__buf *b, char tag, size_t len)
{
	jx__buf_put(b, &tag, 1);
	put_u32(b, (uint32_t)len);
}

void jx__wire_put_status(jx__buf *b, int status, int npages, const char *message)
{
	size_t n = message ? strlen(message) : 0;
	if (n > 4096)
		n = 4096;
	put_head(b, JX__WIRE_STATUS, 12 + n);
	put_u32(b, (uint32_t)status);
	put_u32(b, (uint32_t)npages);
	put_u32(b, (uint32_t)n);
	jx__buf_put(b, message ? message : "", n);
}

void jx__wire_put_page(jx__buf *b, const jx__pdf_page *p)
{
	size_t img = p->image ? (size_t)p->img_w * (size_t)p->img_h : 0;
	put_head(b, JX__WIRE_PAGE, PAGE_HEAD + p->nchars * CHAR_BYTES + p->nsegs * SEG_BYTES + img);
	put_u32(b, (uint32_t)p->number);
	put_coord(b, p->width);
	put_coord(b, p->height);
	put_u32(b, (uint32_t)p->nchars);
	put_u32(b, (uint32_t)p->nsegs);
	put_u32(b, (uint32_t)(img ? p->img_w : 0));
	put_u32(b, (uint32_t)(img ? p->img_h : 0));
	put_u32(b, (uint32_t)lround(img ? p->img_scale * 1000.0 : 0));
	for (size_t i = 0; i < p->nchars; i++) {
		const jx__pdf_char *c = &p->chars[i];
		put_u32(b, c->cp);
		put_coord(b, c->box.x0);
		put_coord(b, c->box.y0);
		put_coord(b, c->box.x1);
		put_coord(b, c->box.y1);
		put_coord(b, c->size);
	}
	for (size_t i = 0; i < p->nsegs; i++) {
		char v = p->segs[i].vertical ? 1 : 0;
		jx__buf_put(b, &v, 1);
		put_coord(b, p->segs[i].pos);
		put_coord(b, p->segs[i].from);
		put_coord(b, p->segs[i].to);
	}
	if (img)
		jx__buf_put(b, (const char *)p->image, img);
}

void jx__wire_put_end(jx__buf *b)
{
	put_head(b, JX__WIRE_END, 0);
}

/* ---- decoding ---- */

typedef struct {
	const unsigned char *p, *end;
	const char *name;
} reader;

static uint32_t get_u32(reader *r)
{
	uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
		     (uint32_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

static double get_coord(reader *r)
{
	return (double)(int32_t)get_u32(r) / 100.0;
}

static int bad(const reader *r, const char *what)
{
	return jx__error(JX_EPARSE, _("%s: the PDF reader's answer is malformed (%s)"), r->name,
			 what);
}

static int in_range(double v)
{
	return v >= -JX__PDF_MAX_SIDE && v <= 2 * JX__PDF_MAX_SIDE;
}

static int decode_chars(reader *r, jx__pdf_page *pg)
{
	if (pg->nchars && !(pg->chars = calloc(pg->nchars, sizeof(*pg->chars))))
		return jx__oom();
	for (size_t i = 0; i < pg->nchars; i++) {
		jx__pdf_char *c = &pg->chars[i];
		c->cp = get_u32(r);
		c->box.x0 = get_coord(r);
		c->box.y0 = get_coord(r);
		c->box.x1 = get_coord(r);
		c->box.y1 = get_coord(r);
		c->size = get_coord(r);
		if (c->cp == 0 || c->cp > 0x10FFFF || (c->cp >= 0xD800 && c->cp <= 0xDFFF))
			return bad(r, "code point");
		if (!in_range(c->box.x0) || !in_range(c->box.x1) || !in_range(c->box.y0) ||
		    !in_range(c->box.y1) || c->box.x0 > c->box.x1 || c->box.y0 > c->box.y1 ||
		    c->size < 0 || c->size > JX__PDF_MAX_SIDE)
			return bad(r, "character box");
	}
	return 0;
}

static int decode_segs(reader *r, jx__pdf_page *pg)
{
	if (pg->nsegs && !(pg->segs = calloc(pg->nsegs, sizeof(*pg->segs))))
		return jx__oom();
	for (size_t i = 0; i < pg->nsegs; i++) {
		jx__pdf_seg *s = &pg->segs[i];
		unsigned v = *r->p++;
		s->vertical = v == 1;
		s->pos = get_coord(r);
		s->from = get_coord(r);
		s->to = get_coord(r);
		if (v > 1 || !in_range(s->pos) || !in_range(s->from) || !in_range(s->to) ||
		    s->from > s->to)
			return bad(r, "ruling line");
	}
	return 0;
}

static int decode_page(jx__pdf_geometry *g, reader *r, size_t len)
{
	jx__pdf_page *pg = NULL; /* set by add_page; GCC -O3 cannot see it */
	size_t need, img;
	uint32_t iw, ih, iscale;
	int rc;
	if (len < PAGE_HEAD)
		return bad(r, "short page record");
	if (g->npages >= JX__PDF_MAX_PAGES)
		return bad(r, "too many pages");
	if ((rc = jx__pdf_geometry_add_page(&pg, g)) != 0)
		return rc;
	pg->number = (int)get_u32(r);
	pg->width = get_coord(r);
	pg->height = get_coord(r);
	pg->nchars = get_u32(r);
	pg->nsegs = get_u32(r);
	iw = get_u32(r);
	ih = get_u32(r);
	iscale = get_u32(r);
	if (pg->number != (int)g->npages || !(pg->width > 0) || !(pg->height > 0) ||
	    pg->width > JX__PDF_MAX_SIDE || pg->height > JX__PDF_MAX_SIDE)
		return bad(r, "page number or size");
	if (pg->nchars > JX__PDF_MAX_CHARS || pg->nsegs > JX__PDF_MAX_SEGS)
		return bad(r, "too many characters or lines on a page");
	img = (size_t)iw * ih;
	if (iw > 65536 || ih > 65536 || img > MAX_IMAGE ||
	    (img && (iscale == 0 || iscale > 100000)))
		return bad(r, "page image");
	need = PAGE_HEAD + pg->nchars * CHAR_BYTES + pg->nsegs * SEG_BYTES + img;
	if (need != len)
		return bad(r, "page record length");
	if ((rc = decode_chars(r, pg)) != 0 || (rc = decode_segs(r, pg)) != 0)
		return rc;
	if (img) {
		if (!(pg->image = malloc(img)))
			return jx__oom();
		memcpy(pg->image, r->p, img);
		r->p += img;
		pg->img_w = (int)iw;
		pg->img_h = (int)ih;
		pg->img_scale = iscale / 1000.0;
	}
	return 0;
}

static int decode_status(reader *r, size_t len, int *status, int *npages, char **message)
{
	uint32_t n;
	if (len < 12)
		return bad(r, "short status record");
	*status = (int)get_u32(r);
	*npages = (int)get_u32(r);
	n = get_u32(r);
	if (n != len - 12 || *status < 0 || *status > JX__PDF_TOO_MANY_PAGES || *npages < 0)
		return bad(r, "status record");
	free(*message);
	if (!(*message = jx__strndup((const char *)r->p, n)))
		return jx__oom();
	r->p += n;
	return 0;
}

int jx__wire_decode(jx__pdf_geometry *g, int *status, char **message, const char *name,
		    const unsigned char *data, size_t len)
{
	reader r = {data, data + len, name};
	int npages = -1, rc, seen_status = 0;
	*status = JX__PDF_OK;
	*message = NULL;
	while (r.p < r.end) {
		unsigned tag;
		size_t n;
		if (r.end - r.p < 5)
			return bad(&r, "truncated record");
		tag = *r.p++;
		n = get_u32(&r);
		if (n > (size_t)(r.end - r.p))
			return bad(&r, "truncated record");
		if (tag == JX__WIRE_END && n == 0) {
			if (r.p != r.end || !seen_status)
				return bad(&r, "end record");
			if (*status == JX__PDF_OK && npages != (int)g->npages)
				return bad(&r, "page count");
			return 0;
		}
		if (tag == JX__WIRE_STATUS && !seen_status)
			rc = decode_status(&r, n, status, &npages, message), seen_status = 1;
		else if (tag == JX__WIRE_PAGE && seen_status)
			rc = decode_page(g, &r, n);
		else
			rc = bad(&r, "unknown record");
		if (rc != 0)
			return rc;
	}
	return bad(&r, "no end record: the reader was cut short");
}

/* ---- the geometry container ---- */

void jx__pdf_geometry_free(jx__pdf_geometry *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->npages; i++) {
		free(g->pages[i].chars);
		free(g->pages[i].segs);
		free(g->pages[i].image);
	}
	free(g->pages);
	memset(g, 0, sizeof(*g));
}

int jx__pdf_geometry_add_page(jx__pdf_page **out, jx__pdf_geometry *g)
{
	if (jx__grow((void **)&g->pages, &g->cap, g->npages + 1, sizeof(*g->pages)) != 0)
		return jx__oom();
	*out = &g->pages[g->npages++];
	memset(*out, 0, sizeof(**out));
	(*out)->number = (int)g->npages;
	return 0;
}
