/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_pdf_grid.c -- libFuzzer harness for the PDF reader's parent side: synthetic page
 * geometry (random ruling lines and character boxes) through grids, rule-less tables,
 * paragraphs and the joining of pages; and, when the first byte says so, random bytes
 * through the decoder of the child's answer.
 *
 * The input is read as records of seven bytes: a kind and three 16-bit numbers scaled
 * to an A4 page. Kinds: a horizontal line (y, x from, x to), a vertical line, a
 * character (x, y, width and height; its code point picked from ideographs, digits,
 * letters and a space by the kind's upper bits), a new page. The layout must never
 * crash, leak or read out of bounds, and every table it makes must be a partition of
 * its grid (each slot covered by exactly one anchor) holding valid UTF-8.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "pdf/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_RECORDS 6000

static const unsigned code_points[] = {0x6307, 0x6807, 0x6743, 0x91CD, 0x5F97, 0x5206, 0x3001,
				       '1',    '2',    '.',    '5',    'A',    'b',    ' ',
				       0xFF08, 0xFF09, '-',    0x2014, '%',    0x4E00};

static double scaled(const uint8_t *p, double extent)
{
	return (double)((unsigned)p[0] << 8 | p[1]) / 65535.0 * extent;
}

static void add_record(jx__pdf_page *p, const uint8_t *r, size_t *segcap, size_t *charcap)
{
	unsigned kind = r[0] & 3;
	double a = scaled(r + 1, kind == 0 ? p->height : p->width);
	double b = scaled(r + 3, kind == 1 ? p->height : p->width);
	double c = scaled(r + 5, kind == 1 ? p->height : p->width);
	if (kind <= 1) {
		jx__pdf_seg *s;
		if (jx__grow((void **)&p->segs, segcap, p->nsegs + 1, sizeof(*s)) != 0)
			abort();
		s = &p->segs[p->nsegs++];
		s->vertical = (int)kind;
		s->pos = a;
		s->from = b < c ? b : c;
		s->to = b < c ? c : b;
	} else {
		jx__pdf_char *ch;
		double w = r[5] / 8.0, h = r[6] / 8.0;
		if (jx__grow((void **)&p->chars, charcap, p->nchars + 1, sizeof(*ch)) != 0)
			abort();
		ch = &p->chars[p->nchars++];
		ch->cp = code_points[(r[0] >> 2) % (sizeof(code_points) / sizeof(*code_points))];
		ch->box.x0 = a;
		ch->box.y0 = b * p->height / p->width;
		ch->box.x1 = a + w;
		ch->box.y1 = ch->box.y0 + h;
		ch->size = (r[0] & 0x80) ? 0 : h * 0.8;
	}
}

/* Each slot of each table covered by exactly one anchor; text valid UTF-8. */
static void check(const jx__pdf_layout *l)
{
	for (size_t i = 0; i < l->nblocks; i++) {
		const jx__pdf_table *t = l->blocks[i].table;
		unsigned char *seen;
		if (!t) {
			if (!l->blocks[i].text ||
			    jx_utf8_valid(l->blocks[i].text, strlen(l->blocks[i].text), NULL) != 1)
				abort();
			continue;
		}
		if (t->nrows == 0 || t->ncols == 0 || t->nrows > (1u << 22) / t->ncols)
			abort();
		if (!(seen = calloc(t->nrows * t->ncols, 1)))
			abort();
		for (size_t k = 0; k < t->ncells; k++) {
			const jx__pdf_cell *c = &t->cells[k];
			if (c->rowspan < 1 || c->colspan < 1 ||
			    c->row + (size_t)c->rowspan > t->nrows ||
			    c->col + (size_t)c->colspan > t->ncols ||
			    jx_utf8_valid(c->text, strlen(c->text), NULL) != 1)
				abort();
			for (size_t r = c->row; r < c->row + (size_t)c->rowspan; r++)
				for (size_t q = c->col; q < c->col + (size_t)c->colspan; q++)
					if (seen[r * t->ncols + q]++)
						abort();
		}
		free(seen);
	}
}

static void geometry(const uint8_t *data, size_t size)
{
	jx__pdf_geometry g;
	jx__pdf_page *p = NULL;
	jx__pdf_layout *l = calloc(1, sizeof(*l));
	size_t segcap = 0, charcap = 0, n = 0;
	memset(&g, 0, sizeof(g));
	if (!l)
		abort();
	for (size_t off = 0; off + 7 <= size && n < MAX_RECORDS; off += 7, n++) {
		if (!p || ((data[off] & 3) == 3 && (data[off] & 0x40) && g.npages < 4)) {
			if (jx__pdf_geometry_add_page(&p, &g) != 0)
				abort();
			p->width = 595;
			p->height = 842;
			segcap = charcap = 0;
			if ((data[off] & 3) == 3)
				continue;
		}
		if ((data[off] & 3) != 3)
			add_record(p, data + off, &segcap, &charcap);
	}
	if (jx__pdf_layout_document(l, &g) != 0)
		abort(); /* only ENOMEM may fail, and the fuzzer's memory is ample */
	check(l);
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 0 && data[0] == 0xFF) {
		jx__pdf_geometry g;
		int status;
		char *msg = NULL;
		memset(&g, 0, sizeof(g));
		jx_error_clear();
		if (jx__wire_decode(&g, &status, &msg, "fuzz.pdf", data + 1, size - 1) != 0 &&
		    !jx_error_last()[0])
			abort();
		free(msg);
		jx__pdf_geometry_free(&g);
		return 0;
	}
	geometry(data, size);
	return 0;
}
