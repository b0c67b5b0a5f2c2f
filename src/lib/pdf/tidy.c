/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tidy.c -- a ruled grid cleaned up: sliver rows and columns merged, an enclosing frame
 * taken off.
 *
 * Two things make a grid bigger than the table it draws. A double rule
 * (an HTML table's border beside its cells' borders, a Word "double"
 * border) whose lines lie a little more than the merging distance apart
 * adds a sliver row or column in which no cell starts: it is merged into
 * its neighbour. And a table drawn inside a framed box (a web page's
 * layout table with borders, a text frame) joins the frame's lines: the
 * frame's top and bottom become full-width rows holding the text around
 * the table (the page's title, its paragraphs) and its sides become empty
 * full-height columns. A full-width row at the top or bottom of a grid is
 * therefore not part of the table -- its text is read as paragraphs, which
 * is also right for a table's merged title row -- and, once such a row was
 * taken off, neither is a column that one cell fills from top to bottom
 * (without a frame, that is a level-1 cell merged over a whole page). */
#include <string.h>
#include "pdf/internal.h"

/* Keep the edges marked in keep_x (ncols + 1) and keep_y (nrows + 1): a new cell takes
 * the anchor of the old slot at its top-left; anchors are renumbered. */
static int rebuild(jx__pdf_grid *g, const unsigned char *keep_x, const unsigned char *keep_y)
{
	size_t nx = 0, ny = 0, *ox = NULL, *oy = NULL, nr, nc, n = 0;
	int *owner = NULL, *renum = NULL, rc = 0;
	jx__pdf_cell *cells = NULL;
	for (size_t i = 0; i <= g->ncols; i++)
		nx += keep_x[i];
	for (size_t i = 0; i <= g->nrows; i++)
		ny += keep_y[i];
	nr = ny - 1;
	nc = nx - 1;
	ox = malloc(nx * sizeof(*ox));
	oy = malloc(ny * sizeof(*oy));
	owner = malloc(nr * nc * sizeof(*owner));
	renum = malloc(g->ncells * sizeof(*renum));
	cells = calloc(g->ncells, sizeof(*cells));
	if (!ox || !oy || !owner || !renum || !cells) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0, k = 0; i <= g->ncols; i++)
		if (keep_x[i])
			ox[k++] = i;
	for (size_t i = 0, k = 0; i <= g->nrows; i++)
		if (keep_y[i])
			oy[k++] = i;
	for (size_t i = 0; i < g->ncells; i++)
		renum[i] = -1;
	for (size_t r = 0; r < nr; r++)
		for (size_t c = 0; c < nc; c++) {
			int old = g->owner[oy[r] * g->ncols + ox[c]];
			jx__pdf_cell *a;
			if (renum[old] < 0) {
				renum[old] = (int)n;
				a = &cells[n++];
				a->row = r;
				a->col = c;
				a->rowspan = a->colspan = 0;
			}
			a = &cells[renum[old]];
			owner[r * nc + c] = renum[old];
			if ((int)(r - a->row) + 1 > a->rowspan)
				a->rowspan = (int)(r - a->row) + 1;
			if ((int)(c - a->col) + 1 > a->colspan)
				a->colspan = (int)(c - a->col) + 1;
		}
	for (size_t i = 0; i < n; i++) {
		cells[i].box.x0 = g->xs[ox[cells[i].col]];
		cells[i].box.x1 = g->xs[ox[cells[i].col + (size_t)cells[i].colspan]];
		cells[i].box.y0 = g->ys[oy[cells[i].row]];
		cells[i].box.y1 = g->ys[oy[cells[i].row + (size_t)cells[i].rowspan]];
	}
	for (size_t k = 0; k < nx; k++)
		g->xs[k] = g->xs[ox[k]];
	for (size_t k = 0; k < ny; k++)
		g->ys[k] = g->ys[oy[k]];
	free(g->owner);
	free(g->cells);
	g->owner = owner;
	g->cells = cells;
	g->ncells = n;
	g->nrows = nr;
	g->ncols = nc;
	owner = NULL;
	cells = NULL;
out:
	free(ox);
	free(oy);
	free(owner);
	free(renum);
	free(cells);
	return rc;
}

static const jx__pdf_cell *at(const jx__pdf_grid *g, size_t r, size_t c)
{
	return &g->cells[g->owner[r * g->ncols + c]];
}

/* Mark the edges to drop; 1 when there is any. */
static int plan(jx__pdf_grid *g, unsigned char *keep_x, unsigned char *keep_y)
{
	size_t nr = g->nrows, nc = g->ncols;
	int any = 0;
	memset(keep_x, 1, nc + 1);
	memset(keep_y, 1, nr + 1);
	/* slivers: a row or column in which no cell starts goes into the one before it */
	for (size_t r = 1; r < nr; r++) {
		int starts = 0;
		for (size_t c = 0; c < nc && !starts; c++)
			starts = at(g, r, c)->row == r;
		if (!starts)
			keep_y[r] = 0, any = 1;
	}
	for (size_t c = 1; c < nc; c++) {
		int starts = 0;
		for (size_t r = 0; r < nr && !starts; r++)
			starts = at(g, r, c)->col == c;
		if (!starts)
			keep_x[c] = 0, any = 1;
	}
	if (any)
		return 1;
	/* a frame: full-width rows at the top and bottom, full-height columns at the sides */
	if (nr > 2 && at(g, 0, 0)->colspan == (int)nc && at(g, 0, 0)->rowspan < (int)nr - 1) {
		for (size_t r = 0; r < (size_t)at(g, 0, 0)->rowspan; r++)
			keep_y[r] = 0;
		g->framed = 1;
		return 1;
	}
	if (nr > 2 && at(g, nr - 1, 0)->colspan == (int)nc && at(g, nr - 1, 0)->row > 1) {
		for (size_t r = at(g, nr - 1, 0)->row + 1; r <= nr; r++)
			keep_y[r] = 0;
		g->framed = 1;
		return 1;
	}
	/* the sides only of a frame: a level-1 column merged over a whole page is no frame */
	if (!g->framed || nr < 2)
		return 0;
	if (nc > 2 && at(g, 0, 0)->rowspan == (int)nr && at(g, 0, 0)->colspan < (int)nc - 1) {
		for (size_t c = 0; c < (size_t)at(g, 0, 0)->colspan; c++)
			keep_x[c] = 0;
		return 1;
	}
	if (nc > 2 && at(g, 0, nc - 1)->rowspan == (int)nr && at(g, 0, nc - 1)->col > 1) {
		for (size_t c = at(g, 0, nc - 1)->col + 1; c <= nc; c++)
			keep_x[c] = 0;
		return 1;
	}
	return 0;
}

int jx__pdf_grid_tidy(jx__pdf_grid *g)
{
	unsigned char *keep_x = malloc(g->ncols + 1), *keep_y = malloc(g->nrows + 1);
	int rc = 0;
	if (!keep_x || !keep_y) {
		free(keep_x);
		free(keep_y);
		return jx__oom();
	}
	/* every round drops an edge; a grid of n edges needs at most n rounds */
	while (rc == 0 && g->nrows && g->ncols && plan(g, keep_x, keep_y))
		rc = rebuild(g, keep_x, keep_y);
	free(keep_x);
	free(keep_y);
	return rc;
}
