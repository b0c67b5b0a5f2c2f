/* SPDX-License-Identifier: GPL-3.0-or-later */
/* debug.c -- `import --debug-grid FILE`: the lines and cells found, drawn over the pages.
 *
 * So that a user sees why a table was misread: each page that holds a
 * ruling line or a table, as the child rendered it, with every ruling line
 * found in red, the cells of each ruled table in blue and of each
 * rule-less table in green, and "table N" at each table's corner (N as in
 * the import's messages). Pages are stacked top to bottom. Drawing happens
 * in the parent on the child's pixels and geometry only: no PDF is parsed
 * here. The PNG is written as every output is (jixiao/output.h): beside its
 * final name, renamed into place, never over the open database. */
#include <stdio.h>
#include <string.h>
#include <cairo.h>
#include "pdf/internal.h"
#include "jixiao/output.h"

#define GAP 24           /* pixels between pages */
#define MAX_HEIGHT 32000 /* cairo's image surfaces stop at 32767 */

static int wanted(const jx__pdf_page *p, const jx__pdf_layout *l)
{
	if (p->nsegs)
		return 1;
	for (size_t i = 0; i < l->nblocks; i++)
		if (l->blocks[i].table && l->blocks[i].table->page_first <= p->number &&
		    l->blocks[i].table->page_last >= p->number)
			return 1;
	return 0;
}

static void draw_page(cairo_t *cr, const jx__pdf_page *p, double scale)
{
	if (p->image) {
		cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, p->img_w,
								p->img_h);
		unsigned char *px = cairo_image_surface_get_data(s);
		int stride = cairo_image_surface_get_stride(s);
		cairo_surface_flush(s);
		for (int y = 0; y < p->img_h; y++)
			for (int x = 0; x < p->img_w; x++) {
				uint32_t g = p->image[(size_t)y * (size_t)p->img_w + (size_t)x];
				uint32_t v = g << 16 | g << 8 | g;
				memcpy(px + (size_t)y * (size_t)stride + (size_t)x * 4, &v, 4);
			}
		cairo_surface_mark_dirty(s);
		cairo_save(cr);
		cairo_scale(cr, scale / p->img_scale, scale / p->img_scale);
		cairo_set_source_surface(cr, s, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		cairo_surface_destroy(s);
	} else {
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_rectangle(cr, 0, 0, p->width * scale, p->height * scale);
		cairo_fill(cr);
	}
	cairo_set_source_rgba(cr, 0.9, 0, 0, 0.8);
	cairo_set_line_width(cr, 3);
	for (size_t i = 0; i < p->nsegs; i++) {
		const jx__pdf_seg *s = &p->segs[i];
		if (s->vertical) {
			cairo_move_to(cr, s->pos * scale, s->from * scale);
			cairo_line_to(cr, s->pos * scale, s->to * scale);
		} else {
			cairo_move_to(cr, s->from * scale, s->pos * scale);
			cairo_line_to(cr, s->to * scale, s->pos * scale);
		}
		cairo_stroke(cr);
	}
}

static void draw_cells(cairo_t *cr, const jx__pdf_layout *l, int page, double scale)
{
	int number = 0;
	for (size_t i = 0; i < l->nblocks; i++) {
		const jx__pdf_table *t = l->blocks[i].table;
		char label[32];
		int labelled = 0;
		if (!t)
			continue;
		number++;
		for (size_t k = 0; k < t->ncells; k++) {
			const jx__pdf_cell *c = &t->cells[k];
			if (c->page != page)
				continue;
			if (t->ruled)
				cairo_set_source_rgba(cr, 0, 0.2, 0.9, 0.9);
			else
				cairo_set_source_rgba(cr, 0, 0.6, 0.1, 0.9);
			cairo_set_line_width(cr, 1.5);
			cairo_rectangle(cr, c->box.x0 * scale + 2, c->box.y0 * scale + 2,
					(c->box.x1 - c->box.x0) * scale - 4,
					(c->box.y1 - c->box.y0) * scale - 4);
			cairo_stroke(cr);
			if (!labelled++) {
				snprintf(label, sizeof(label), "table %d", number);
				cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
						       CAIRO_FONT_WEIGHT_BOLD);
				cairo_set_font_size(cr, 14);
				cairo_move_to(cr, c->box.x0 * scale, c->box.y0 * scale - 4);
				cairo_show_text(cr, label);
			}
		}
	}
}

static cairo_status_t to_stream(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

/* Write the surface to path as every output is written: atomically, never over the
 * database (jixiao/output.h). */
static int save(cairo_surface_t *s, const char *path)
{
	jx_output *o;
	int rc = jx_output_open(&o, path);
	if (rc != 0)
		return rc;
	if (cairo_surface_write_to_png_stream(s, to_stream, jx_output_stream(o)) !=
	    CAIRO_STATUS_SUCCESS) {
		jx_output_abort(o);
		return jx__error(JX_EIO, _("%s: could not write the PNG"), path);
	}
	return jx_output_commit(o);
}

int jx__pdf_debug_png(const char *path, const jx__pdf_geometry *g, const jx__pdf_layout *l)
{
	const double scale = 100.0 / 72.0; /* 100 dpi */
	double width = 1, height = 0;
	cairo_surface_t *s;
	cairo_t *cr;
	int rc, any = 0;
	for (size_t i = 0; i < g->npages; i++)
		any |= wanted(&g->pages[i], l);
	for (size_t i = 0; i < g->npages; i++) {
		const jx__pdf_page *p = &g->pages[i];
		if ((any && !wanted(p, l)) || (!any && i > 0) ||
		    height + p->height * scale > MAX_HEIGHT)
			continue;
		width = p->width * scale > width ? p->width * scale : width;
		height += p->height * scale + GAP;
	}
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)width + 1, (int)height + 1);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return jx__error(JX_EIO, _("%s: the picture would be too large"), path);
	}
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
	cairo_paint(cr);
	height = 0;
	for (size_t i = 0; i < g->npages; i++) {
		const jx__pdf_page *p = &g->pages[i];
		if ((any && !wanted(p, l)) || (!any && i > 0) ||
		    height + p->height * scale > MAX_HEIGHT)
			continue;
		cairo_save(cr);
		cairo_translate(cr, 0, height);
		draw_page(cr, p, scale);
		draw_cells(cr, l, p->number, scale);
		cairo_restore(cr);
		height += p->height * scale + GAP;
	}
	cairo_destroy(cr);
	rc = save(s, path);
	cairo_surface_destroy(s);
	return rc;
}
