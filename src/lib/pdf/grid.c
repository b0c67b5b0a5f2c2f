/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid.c -- cell grids from ruling lines (geometry only).
 *
 * Segments along the same line with small gaps between them are one line
 * (a rule drawn in pieces, or broken where text touches it). Lines that
 * cross or touch belong to the same table; a table's column edges are the
 * positions of its vertical lines and its row edges those of its
 * horizontal lines (outer edges where the lines of the other direction
 * reach further: tables drawn without side borders). An elementary cell
 * has a wall where a line covers at least half of that side; a cell spans
 * into its neighbour where the wall between them is missing, grown as a
 * rectangle right first, then down (merged cells in Word, rowspan and
 * colspan in HTML). tidy.c then merges sliver rows and takes off a frame. */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

#define POS_TOL 3.0    /* points: parallel lines this close are one (double rules) */
#define GAP_TOL 3.0    /* points of gap bridged along a line */
#define TOUCH 3.0      /* lines this close to each other meet */
#define EXTEND 6.0     /* an outer edge from the other direction's overshoot */
#define MAX_LINES 2000 /* per direction and page */
#define MAX_EDGES 1000 /* rows or columns of one table */

typedef struct {
	double pos, from, to;
} line;

typedef struct {
	line *v;
	size_t n;
} lines;

static int cmp_line(const void *a, const void *b)
{
	const line *p = a, *q = b;
	if (p->pos != q->pos)
		return (p->pos > q->pos) - (p->pos < q->pos);
	return (p->from > q->from) - (p->from < q->from);
}

static int cmp_from(const void *a, const void *b)
{
	const line *p = a, *q = b;
	return (p->from > q->from) - (p->from < q->from);
}

static int cmp_double(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;
	return (p > q) - (p < q);
}

/* The segments of one direction, collinear ones merged. */
static int merge_lines(lines *out, const jx__pdf_seg *segs, size_t nsegs, int vertical)
{
	line *in = malloc((nsegs ? nsegs : 1) * sizeof(*in));
	size_t n = 0, i = 0;
	out->v = NULL;
	out->n = 0;
	if (!in || !(out->v = malloc((nsegs ? nsegs : 1) * sizeof(*out->v)))) {
		free(in);
		return jx__oom();
	}
	for (size_t k = 0; k < nsegs; k++)
		if (!!segs[k].vertical == vertical && segs[k].to > segs[k].from) {
			in[n].pos = segs[k].pos;
			in[n].from = segs[k].from;
			in[n++].to = segs[k].to;
		}
	jx__sort(in, n, sizeof(*in), cmp_line);
	while (i < n) {
		size_t j = i;
		while (j < n && in[j].pos - in[i].pos <= POS_TOL)
			j++;
		jx__sort(in + i, j - i, sizeof(*in), cmp_from);
		for (size_t k = i; k < j;) {
			line l = in[k];
			double wsum = 0, psum = 0;
			for (; k < j && in[k].from <= l.to + GAP_TOL; k++) {
				l.to = fmax(l.to, in[k].to);
				wsum += in[k].to - in[k].from;
				psum += (in[k].to - in[k].from) * in[k].pos;
			}
			l.pos = wsum > 0 ? psum / wsum : l.pos;
			out->v[out->n++] = l;
		}
		i = j;
	}
	free(in);
	return 0;
}

static size_t find_root(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static int meets(const line *h, const line *v)
{
	return v->pos >= h->from - TOUCH && v->pos <= h->to + TOUCH && h->pos >= v->from - TOUCH &&
	       h->pos <= v->to + TOUCH;
}

/* Edge positions: the lines' positions clustered, plus outer edges from [lo, hi]. */
static int edges(double **out, size_t *n, const line *const *ls, size_t nl, double lo, double hi)
{
	double *pos = malloc((nl + 2) * sizeof(*pos));
	size_t k = 0, m = 0;
	if (!pos)
		return jx__oom();
	for (size_t i = 0; i < nl; i++)
		pos[k++] = ls[i]->pos;
	jx__sort(pos, k, sizeof(*pos), cmp_double);
	for (size_t i = 0; i < k;) {
		size_t j = i;
		double sum = 0;
		for (; j < k && pos[j] - pos[i] <= POS_TOL; j++)
			sum += pos[j];
		pos[m++] = sum / (double)(j - i);
		i = j;
	}
	if (m && lo < pos[0] - EXTEND) {
		memmove(pos + 1, pos, m * sizeof(*pos));
		pos[0] = lo;
		m++;
	}
	if (m && hi > pos[m - 1] + EXTEND)
		pos[m++] = hi;
	*out = pos;
	*n = m;
	return 0;
}

/* Index of the edge within POS_TOL of v, or (size_t)-1. */
static size_t edge_at(const double *e, size_t n, double v)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && fabs(e[lo] - v) <= POS_TOL)
		return lo;
	if (lo > 0 && fabs(e[lo - 1] - v) <= POS_TOL)
		return lo - 1;
	return (size_t)-1;
}

/* wall[i * across + k] = 1 where lines cover at least half of the side between edges
 * across[k], across[k + 1] on edge along[i]. */
static unsigned char *walls(const line *const *ls, size_t nl, const double *along, size_t nalong,
			    const double *across, size_t nacross)
{
	size_t ncells = nacross - 1;
	double *cov = calloc(nalong * ncells, sizeof(*cov));
	unsigned char *wall = calloc(nalong * ncells, 1);
	if (!cov || !wall) {
		free(cov);
		free(wall);
		return NULL;
	}
	for (size_t i = 0; i < nl; i++) {
		size_t e = edge_at(along, nalong, ls[i]->pos);
		if (e == (size_t)-1)
			continue;
		for (size_t k = 0; k < ncells; k++) {
			double o = fmin(ls[i]->to, across[k + 1]) - fmax(ls[i]->from, across[k]);
			if (o > 0)
				cov[e * ncells + k] += o;
		}
	}
	for (size_t e = 0; e < nalong; e++)
		for (size_t k = 0; k < ncells; k++)
			wall[e * ncells + k] = cov[e * ncells + k] >=
					       0.5 * (across[k + 1] - across[k]);
	free(cov);
	return wall;
}

void jx__pdf_grid_free(jx__pdf_grid *g)
{
	if (!g)
		return;
	free(g->xs);
	free(g->ys);
	free(g->cells);
	free(g->owner);
	memset(g, 0, sizeof(*g));
}

/* Grow rectangles over the elementary cells: right while no wall, then down while the
 * row below has no wall above it nor inside it. hw: horizontal walls (row edge ×
 * column), vw: vertical walls (column edge × row). */
static int spans(jx__pdf_grid *g, const unsigned char *hw, const unsigned char *vw)
{
	size_t nr = g->nrows, nc = g->ncols, cap = 0;
	if (!(g->owner = malloc(nr * nc * sizeof(*g->owner))))
		return jx__oom();
	for (size_t i = 0; i < nr * nc; i++)
		g->owner[i] = -1;
	for (size_t r = 0; r < nr; r++)
		for (size_t c = 0; c < nc; c++) {
			size_t c2 = c, r2 = r;
			jx__pdf_cell *cell;
			if (g->owner[r * nc + c] >= 0)
				continue;
			while (c2 + 1 < nc && !vw[(c2 + 1) * nr + r] &&
			       g->owner[r * nc + c2 + 1] < 0)
				c2++;
			for (; r2 + 1 < nr; r2++) {
				int ok = 1;
				for (size_t k = c; k <= c2 && ok; k++)
					ok = !hw[(r2 + 1) * nc + k] &&
					     g->owner[(r2 + 1) * nc + k] < 0 &&
					     (k == c || !vw[k * nr + r2 + 1]);
				if (!ok)
					break;
			}
			if (jx__grow((void **)&g->cells, &cap, g->ncells + 1, sizeof(*g->cells)) !=
			    0)
				return jx__oom();
			cell = &g->cells[g->ncells];
			memset(cell, 0, sizeof(*cell));
			cell->row = r;
			cell->col = c;
			cell->rowspan = (int)(r2 - r + 1);
			cell->colspan = (int)(c2 - c + 1);
			cell->box.x0 = g->xs[c];
			cell->box.x1 = g->xs[c2 + 1];
			cell->box.y0 = g->ys[r];
			cell->box.y1 = g->ys[r2 + 1];
			for (size_t rr = r; rr <= r2; rr++)
				for (size_t cc = c; cc <= c2; cc++)
					g->owner[rr * nc + cc] = (int)g->ncells;
			g->ncells++;
		}
	return 0;
}

/* One component's grid; *ok = 0 when it is no table. */
static int component_grid(jx__pdf_grid *g, int *ok, const line *const *h, size_t nh,
			  const line *const *v, size_t nv)
{
	double lo_x = HUGE_VAL, hi_x = -HUGE_VAL, lo_y = HUGE_VAL, hi_y = -HUGE_VAL;
	size_t nx, ny;
	unsigned char *hw = NULL, *vw = NULL;
	int rc;
	memset(g, 0, sizeof(*g));
	*ok = 0;
	for (size_t i = 0; i < nh; i++)
		lo_x = fmin(lo_x, h[i]->from), hi_x = fmax(hi_x, h[i]->to);
	for (size_t i = 0; i < nv; i++)
		lo_y = fmin(lo_y, v[i]->from), hi_y = fmax(hi_y, v[i]->to);
	if ((rc = edges(&g->xs, &nx, v, nv, lo_x, hi_x)) != 0 ||
	    (rc = edges(&g->ys, &ny, h, nh, lo_y, hi_y)) != 0)
		goto out;
	if (nx < 2 || ny < 2 || nx > MAX_EDGES || ny > MAX_EDGES || (nx - 1) * (ny - 1) < 2)
		goto out;
	g->ncols = nx - 1;
	g->nrows = ny - 1;
	hw = walls(h, nh, g->ys, ny, g->xs, nx);
	vw = walls(v, nv, g->xs, nx, g->ys, ny);
	if (!hw || !vw) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = spans(g, hw, vw)) != 0 || (rc = jx__pdf_grid_tidy(g)) != 0)
		goto out;
	*ok = g->ncells >= 2;
out:
	free(hw);
	free(vw);
	if (rc != 0 || !*ok)
		jx__pdf_grid_free(g);
	return rc;
}

static int cmp_grid(const void *a, const void *b)
{
	const jx__pdf_grid *p = a, *q = b;
	if (p->ys[0] != q->ys[0])
		return (p->ys[0] > q->ys[0]) - (p->ys[0] < q->ys[0]);
	return (p->xs[0] > q->xs[0]) - (p->xs[0] < q->xs[0]);
}

/* Group the lines into tables by which meet which (union-find), then grid each group. */
static int group(jx__pdf_grid **out, size_t *n, const lines *hl, const lines *vl)
{
	size_t nh = hl->n, nv = vl->n, cap = 0;
	size_t *parent = malloc((nh + nv + 1) * sizeof(*parent));
	const line **h = malloc((nh + 1) * sizeof(*h)), **v = malloc((nv + 1) * sizeof(*v));
	int rc = 0;
	if (!parent || !h || !v) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < nh + nv; i++)
		parent[i] = i;
	for (size_t i = 0; i < nh; i++)
		for (size_t k = 0; k < nv; k++)
			if (meets(&hl->v[i], &vl->v[k]))
				parent[find_root(parent, i)] = find_root(parent, nh + k);
	for (size_t root = 0; root < nh + nv && rc == 0; root++) {
		size_t ch = 0, cv = 0;
		jx__pdf_grid g;
		int ok;
		if (find_root(parent, root) != root)
			continue;
		for (size_t i = 0; i < nh; i++)
			if (find_root(parent, i) == root)
				h[ch++] = &hl->v[i];
		for (size_t k = 0; k < nv; k++)
			if (find_root(parent, nh + k) == root)
				v[cv++] = &vl->v[k];
		if (ch < 2 || cv < 2)
			continue;
		if ((rc = component_grid(&g, &ok, h, ch, v, cv)) != 0 || !ok)
			continue;
		if (jx__grow((void **)out, &cap, *n + 1, sizeof(**out)) != 0) {
			jx__pdf_grid_free(&g);
			rc = jx__oom();
		} else
			(*out)[(*n)++] = g;
	}
out:
	free(parent);
	free(h);
	free(v);
	return rc;
}

int jx__pdf_grids(jx__pdf_grid **out, size_t *n, const jx__pdf_seg *segs, size_t nsegs)
{
	lines hl = {NULL, 0}, vl = {NULL, 0};
	int rc;
	*out = NULL;
	*n = 0;
	if ((rc = merge_lines(&hl, segs, nsegs, 0)) != 0 ||
	    (rc = merge_lines(&vl, segs, nsegs, 1)) != 0)
		goto out;
	if (hl.n > MAX_LINES || vl.n > MAX_LINES)
		goto out; /* no ruled tables on such a page: page.c says so */
	rc = group(out, n, &hl, &vl);
	if (rc == 0)
		jx__sort(*out, *n, sizeof(**out), cmp_grid);
out:
	if (rc != 0) {
		for (size_t i = 0; i < *n; i++)
			jx__pdf_grid_free(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	free(hl.v);
	free(vl.v);
	return rc;
}
