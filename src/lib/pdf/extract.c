/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.c -- the PDF child: poppler-glib opens the file, each page gives its characters
 * with their boxes and font sizes, and a cairo rendering at 150 dpi gives its ruling lines.
 *
 * This runs only in the child (jx__child_run, base/child.c). It sends a status record,
 * then one record per page as soon as the page is done (so memory holds one
 * page at a time), then the end record. Finding the lines in a rendering
 * rather than in the page's drawing operators keeps to poppler's stable C
 * API: whatever way a producer draws a rule (a stroked path, a thin filled
 * rectangle, a cell border), it is a long thin run of dark pixels. */
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <poppler.h>
#include "pdf/internal.h"

#define DPI 150.0
#define MAX_PIXELS 5000.0 /* longest side of a rendering; larger pages are drawn smaller */
#define MAX_IMAGE_PAGES 40

/* Font sizes per character offset from the text attributes; 0 where none. */
static double *font_sizes(PopplerPage *page, size_t n)
{
	double *size = calloc(n ? n : 1, sizeof(*size));
	GList *attrs, *a;
	if (!size)
		return NULL;
	attrs = poppler_page_get_text_attributes(page);
	for (a = attrs; a; a = a->next) {
		const PopplerTextAttributes *t = a->data;
		for (int i = t->start_index; i <= t->end_index && i >= 0 && (size_t)i < n; i++)
			size[i] = t->font_size;
	}
	poppler_page_free_text_attributes(attrs);
	return size;
}

static int cmp_double(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;
	return (p > q) - (p < q);
}

/* Font sizes as the glyphs are drawn. Some producers' PDFs (Skia's, Chromium's) make
 * poppler report twice the size and boxes to match; an ideograph is one em wide, so the
 * median ratio of their widths to their sizes puts the sizes right. */
static void calibrate_sizes(jx__pdf_page *pg)
{
	double *ratio = malloc((pg->nchars + 1) * sizeof(*ratio)), r;
	size_t n = 0;
	if (!ratio)
		return;
	for (size_t i = 0; i < pg->nchars; i++) {
		const jx__pdf_char *c = &pg->chars[i];
		if (c->cp >= 0x4E00 && c->cp <= 0x9FFF && c->size > 0 && c->box.x1 > c->box.x0)
			ratio[n++] = (c->box.x1 - c->box.x0) / c->size;
	}
	jx__sort(ratio, n, sizeof(*ratio), cmp_double);
	r = n >= 5 ? ratio[n / 2] : 1.0;
	free(ratio);
	if (r < 0.2 || r > 5 || fabs(r - 1) < 0.1)
		return;
	for (size_t i = 0; i < pg->nchars; i++)
		pg->chars[i].size *= r;
}

static int take_chars(jx__pdf_page *pg, PopplerPage *page)
{
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	char *text = poppler_page_get_text(page);
	const char *s;
	double *size = NULL;
	size_t i = 0, cap = 0;
	int rc = 0;
	if (!text || !g_utf8_validate(text, -1, NULL) ||
	    !poppler_page_get_text_layout(page, &rects, &nrects))
		goto out;
	if (!(size = font_sizes(page, nrects))) {
		rc = jx__oom();
		goto out;
	}
	for (s = text; *s && i < nrects; s = g_utf8_next_char(s), i++) {
		gunichar cp = g_utf8_get_char(s);
		const PopplerRectangle *r = &rects[i];
		jx__pdf_char *c;
		if (cp < 0x20 || cp == 0x7f || cp == 0xFFFD || pg->nchars >= JX__PDF_MAX_CHARS)
			continue;
		if (jx__grow((void **)&pg->chars, &cap, pg->nchars + 1, sizeof(*pg->chars)) != 0) {
			rc = jx__oom();
			goto out;
		}
		c = &pg->chars[pg->nchars++];
		c->cp = g_unichar_isspace(cp) ? 0x20 : cp;
		c->box.x0 = fmin(r->x1, r->x2);
		c->box.x1 = fmax(r->x1, r->x2);
		c->box.y0 = fmin(r->y1, r->y2);
		c->box.y1 = fmax(r->y1, r->y2);
		c->size = size[i] > 0 && size[i] < JX__PDF_MAX_SIDE ? size[i] : 0;
	}
	calibrate_sizes(pg);
out:
	free(size);
	g_free(rects);
	g_free(text);
	return rc;
}

/* Render the page into grey levels (0 black .. 255 white). */
static int render(jx__pdf_page *pg, PopplerPage *page, unsigned char **grey)
{
	double scale = DPI / 72.0, side = fmax(pg->width, pg->height);
	cairo_surface_t *surface;
	cairo_t *cr;
	const unsigned char *px;
	int w, h, stride;
	if (side * scale > MAX_PIXELS)
		scale = MAX_PIXELS / side;
	w = (int)ceil(pg->width * scale);
	h = (int)ceil(pg->height * scale);
	surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		return jx__oom();
	}
	cr = cairo_create(surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render_for_printing(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	px = cairo_image_surface_get_data(surface);
	stride = cairo_image_surface_get_stride(surface);
	if (!(*grey = malloc((size_t)w * (size_t)h))) {
		cairo_surface_destroy(surface);
		return jx__oom();
	}
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t v;
			memcpy(&v, px + (size_t)y * (size_t)stride + (size_t)x * 4, 4);
			(*grey)[(size_t)y * (size_t)w + (size_t)x] =
				(unsigned char)((((v >> 16) & 0xff) * 299 +
						 ((v >> 8) & 0xff) * 587 + (v & 0xff) * 114) /
						1000);
		}
	cairo_surface_destroy(surface);
	pg->img_w = w;
	pg->img_h = h;
	pg->img_scale = scale;
	return 0;
}

static int do_page(jx__buf *b, PopplerDocument *doc, int index, int images)
{
	PopplerPage *page = poppler_document_get_page(doc, index);
	jx__pdf_page pg;
	unsigned char *grey = NULL;
	size_t cap = 0;
	int rc = 0;
	memset(&pg, 0, sizeof(pg));
	pg.number = index + 1;
	if (!page)
		return jx__error(JX_EPARSE, _("page %d"), index + 1);
	poppler_page_get_size(page, &pg.width, &pg.height);
	if (!(pg.width > 0) || !(pg.height > 0) || pg.width > JX__PDF_MAX_SIDE ||
	    pg.height > JX__PDF_MAX_SIDE) {
		pg.width = pg.width > 0 && pg.width <= JX__PDF_MAX_SIDE ? pg.width : 612;
		pg.height = pg.height > 0 && pg.height <= JX__PDF_MAX_SIDE ? pg.height : 792;
	}
	if ((rc = take_chars(&pg, page)) != 0 || (rc = render(&pg, page, &grey)) != 0)
		goto out;
	rc = jx__pdf_find_rules(&pg.segs, &pg.nsegs, &cap, grey, pg.img_w, pg.img_h, pg.img_scale,
				pg.chars, pg.nchars);
	if (rc != 0)
		goto out;
	if (pg.nsegs > JX__PDF_MAX_SEGS)
		pg.nsegs = JX__PDF_MAX_SEGS;
	if (images && index < MAX_IMAGE_PAGES)
		pg.image = grey;
	jx__wire_put_page(b, &pg);
out:
	free(grey);
	free(pg.chars);
	free(pg.segs);
	g_object_unref(page);
	return rc;
}

static int flush(int fd, jx__buf *b)
{
	int rc = b->failed ? jx__oom() : jx__write_all(fd, b->data, b->len) != 0 ? JX_EIO : 0;
	b->len = 0;
	return rc;
}

int jx__pdf_extract(void *ctx, int fd)
{
	const jx__pdf_job *job = ctx;
	GBytes *bytes = g_bytes_new_static(job->data, job->len);
	GError *err = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	jx__buf b;
	int n, rc = 0;
	jx__buf_init(&b);
	if (!doc) {
		int st = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED
				 ? JX__PDF_ENCRYPTED
				 : JX__PDF_DAMAGED;
		jx__wire_put_status(&b, st, 0, err ? err->message : "");
		jx__wire_put_end(&b);
		rc = flush(fd, &b);
		goto out;
	}
	n = poppler_document_get_n_pages(doc);
	if (n > JX__PDF_MAX_PAGES) {
		jx__wire_put_status(&b, JX__PDF_TOO_MANY_PAGES, n, "");
		jx__wire_put_end(&b);
		rc = flush(fd, &b);
		goto out;
	}
	jx__wire_put_status(&b, JX__PDF_OK, n, "");
	for (int i = 0; i < n && rc == 0; i++)
		if ((rc = do_page(&b, doc, i, job->images)) == 0)
			rc = flush(fd, &b);
	if (rc == 0) {
		jx__wire_put_end(&b);
		rc = flush(fd, &b);
	}
out:
	if (err)
		g_error_free(err);
	if (doc)
		g_object_unref(doc);
	g_bytes_unref(bytes);
	jx__buf_free(&b);
	return rc;
}
