/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page.c -- one page laid out: ruled tables with their text, rule-less tables, paragraphs.
 *
 * Each character goes to the cell whose box holds its middle (the
 * smallest table holding it, should tables nest). What no ruled table
 * takes is grouped into lines; rule-less tables are looked for among
 * them (stream.c) and the rest become paragraphs: consecutive lines join
 * when the one before runs to the right margin and the next starts at the
 * left one, as a paragraph wraps; an indented or short line ends it. */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

#define PARA_PITCH 1.9 /* em: lines further apart belong to different paragraphs */

typedef struct {
	const jx__pdf_page *p;
	double left, right; /* the document's text margins */
	jx__pdf_grid *grids;
	size_t ngrids;
	jx__pdf_table **tables;
	size_t ntables, tcap;
} page_ctx;

static size_t slot_of(const double *e, size_t n, double v)
{
	size_t lo = 0, hi = n; /* first edge > v, among e[0..n] */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e[mid] <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? 0 : lo - 1 >= n - 1 ? n - 2 : lo - 1;
}

/* The grid (and anchor in it) whose cell holds the middle of c; -1 when none. */
static int locate(const page_ctx *pc, const jx__pdf_char *c, size_t *anchor)
{
	double cx = (c->box.x0 + c->box.x1) / 2, cy = jx__pdf_char_cy(c), best = HUGE_VAL;
	int found = -1;
	for (size_t g = 0; g < pc->ngrids; g++) {
		const jx__pdf_grid *gr = &pc->grids[g];
		double x0 = gr->xs[0], x1 = gr->xs[gr->ncols], y0 = gr->ys[0],
		       y1 = gr->ys[gr->nrows];
		double area = (x1 - x0) * (y1 - y0);
		if (cx < x0 || cx > x1 || cy < y0 || cy > y1 || area >= best)
			continue;
		best = area;
		found = (int)g;
		*anchor = (size_t)gr->owner[slot_of(gr->ys, gr->nrows + 1, cy) * gr->ncols +
					    slot_of(gr->xs, gr->ncols + 1, cx)];
	}
	return found;
}

static char *text_of(const jx__pdf_char *chars, const size_t *idx, size_t n, int wide_gaps)
{
	jx__pdf_line *lines = NULL;
	size_t nl = 0;
	jx__buf b;
	if (jx__pdf_lines(&lines, &nl, chars, idx, n) != 0)
		return NULL;
	jx__buf_init(&b);
	jx__buf_put(&b, "", 0);
	jx__pdf_join(&b, chars, lines, 0, nl, -HUGE_VAL, HUGE_VAL, wide_gaps);
	jx__pdf_lines_free(lines, nl);
	return jx__buf_detach(&b);
}

/* A ruled grid with its characters into a table (NULL when no cell has text). */
static int grid_table(jx__pdf_table **out, const page_ctx *pc, const jx__pdf_grid *g,
		      const size_t *order, const size_t *first)
{
	jx__pdf_table *t = calloc(1, sizeof(*t));
	int rc = 0, any = 0;
	*out = NULL;
	if (!t || !(t->xs = malloc((g->ncols + 1) * sizeof(double))) ||
	    !(t->ys = malloc((g->nrows + 1) * sizeof(double)))) {
		jx__pdf_table_free(t);
		return jx__oom();
	}
	memcpy(t->xs, g->xs, (g->ncols + 1) * sizeof(double));
	memcpy(t->ys, g->ys, (g->nrows + 1) * sizeof(double));
	t->ruled = 1;
	t->nrows = g->nrows;
	t->ncols = g->ncols;
	t->page_first = t->page_last = pc->p->number;
	t->box.x0 = g->xs[0];
	t->box.x1 = g->xs[g->ncols];
	t->box.y0 = g->ys[0];
	t->box.y1 = g->ys[g->nrows];
	for (size_t a = 0; a < g->ncells && rc == 0; a++) {
		const jx__pdf_cell *c = &g->cells[a];
		char *s = text_of(pc->p->chars, order + first[a], first[a + 1] - first[a], 0);
		if (!s)
			rc = jx__oom();
		else {
			any |= *s != '\0';
			rc = jx__pdf_table_add(t, c->row, c->col, c->rowspan, c->colspan, s,
					       pc->p->number, c->box);
			free(s);
		}
	}
	if (rc != 0 || !any) {
		jx__pdf_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* Characters into cells; the ruled tables; the rest (not in any table) into *rest. */
static int ruled(page_ctx *pc, size_t **rest, size_t *nrest)
{
	const jx__pdf_page *p = pc->p;
	size_t ncells = 0, *base = calloc(pc->ngrids + 1, sizeof(size_t));
	size_t *cell = malloc((p->nchars + 1) * sizeof(size_t)), *first = NULL, *order = NULL;
	int rc = 0;
	*rest = malloc((p->nchars + 1) * sizeof(size_t));
	*nrest = 0;
	if (!base || !cell || !*rest) {
		rc = jx__oom();
		goto out;
	}
	for (size_t g = 0; g < pc->ngrids; g++)
		base[g + 1] = ncells += pc->grids[g].ncells;
	for (size_t i = 0; i < p->nchars; i++) {
		size_t anchor = 0;
		int g = locate(pc, &p->chars[i], &anchor);
		cell[i] = g < 0 ? (size_t)-1 : base[g] + anchor;
		if (g < 0)
			(*rest)[(*nrest)++] = i;
	}
	/* counting sort of the characters by cell */
	if (!(first = calloc(ncells + 2, sizeof(size_t))) ||
	    !(order = malloc((p->nchars + 1) * sizeof(size_t)))) {
		rc = jx__oom();
		goto out;
	}
	for (size_t i = 0; i < p->nchars; i++)
		if (cell[i] != (size_t)-1)
			first[cell[i] + 1]++;
	for (size_t k = 0; k < ncells; k++)
		first[k + 1] += first[k];
	{
		size_t *fill = calloc(ncells + 1, sizeof(size_t));
		if (!fill) {
			rc = jx__oom();
			goto out;
		}
		for (size_t i = 0; i < p->nchars; i++)
			if (cell[i] != (size_t)-1)
				order[first[cell[i]] + fill[cell[i]]++] = i;
		free(fill);
	}
	for (size_t g = 0; g < pc->ngrids && rc == 0; g++) {
		jx__pdf_table *t = NULL;
		rc = grid_table(&t, pc, &pc->grids[g], order, first + base[g]);
		if (rc == 0 && t) {
			if (jx__grow((void **)&pc->tables, &pc->tcap, pc->ntables + 1,
				     sizeof(*pc->tables)) != 0) {
				jx__pdf_table_free(t);
				rc = jx__oom();
			} else
				pc->tables[pc->ntables++] = t;
		}
	}
out:
	free(base);
	free(cell);
	free(first);
	free(order);
	return rc;
}

/* 1 when a table lies between y0 and y1 on the page. */
static int table_between(const page_ctx *pc, double y0, double y1)
{
	for (size_t i = 0; i < pc->ntables; i++)
		if (pc->tables[i]->box.y0 > y0 && pc->tables[i]->box.y0 < y1)
			return 1;
	return 0;
}

typedef struct {
	jx__pdf_table *table;
	char *text;
	double y0, y1;
	int open_start, open_end;
} pending;

static int cmp_pending(const void *a, const void *b)
{
	const pending *p = a, *q = b;
	return (p->y0 > q->y0) - (p->y0 < q->y0);
}

/* The lines no table took, as paragraphs. */
static int paragraphs(pending **out, size_t *n, size_t *cap, const page_ctx *pc,
		      const jx__pdf_line *lines, size_t nl, const unsigned char *used)
{
	double left = pc->left, right = pc->right;
	size_t i = 0;
	while (i < nl) {
		size_t j = i + 1;
		jx__buf b;
		pending *pp;
		if (used[i]) {
			i++;
			continue;
		}
		while (j < nl && !used[j] && lines[j - 1].box.x1 >= right - 2 * lines[j - 1].em &&
		       lines[j].box.x0 < left + 0.5 * lines[j].em &&
		       (lines[j].box.y0 + lines[j].box.y1 - lines[j - 1].box.y0 -
			lines[j - 1].box.y1) /
				       2 <=
			       PARA_PITCH * lines[j].em &&
		       !table_between(pc, lines[j - 1].box.y1, lines[j].box.y0))
			j++;
		jx__buf_init(&b);
		jx__buf_put(&b, "", 0);
		jx__pdf_join(&b, pc->p->chars, lines, i, j, -HUGE_VAL, HUGE_VAL, 1);
		if (jx__grow((void **)out, cap, *n + 1, sizeof(**out)) != 0) {
			jx__buf_free(&b);
			return jx__oom();
		}
		pp = &(*out)[(*n)++];
		memset(pp, 0, sizeof(*pp));
		if (!(pp->text = jx__buf_detach(&b))) {
			(*n)--;
			return jx__oom();
		}
		pp->y0 = lines[i].box.y0;
		pp->y1 = lines[j - 1].box.y1;
		pp->open_start = lines[i].box.x0 <= left + 0.5 * lines[i].em;
		pp->open_end = lines[j - 1].box.x1 >= right - 2 * lines[j - 1].em;
		i = j;
	}
	return 0;
}

/* Free text into lines (space-only ones dropped), stream tables, paragraphs; then every
 * block of the page into l in reading order. */
static int lay_out_rest(jx__pdf_layout *l, page_ctx *pc, const size_t *rest, size_t nrest)
{
	jx__pdf_line *lines = NULL;
	unsigned char *used = NULL;
	pending *blocks = NULL;
	size_t nl = 0, nb = 0, bcap = 0, keep = 0;
	int rc;
	if ((rc = jx__pdf_lines(&lines, &nl, pc->p->chars, rest, nrest)) != 0)
		return rc;
	for (size_t k = 0; k < nl; k++) {
		if (lines[k].box.x1 > lines[k].box.x0)
			lines[keep++] = lines[k];
		else
			free(lines[k].idx);
	}
	nl = keep;
	if (!(used = calloc(nl + 1, 1))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = jx__pdf_stream_tables(&pc->tables, &pc->ntables, &pc->tcap, used, pc->p->chars,
					lines, nl, pc->p->number)) != 0 ||
	    (rc = paragraphs(&blocks, &nb, &bcap, pc, lines, nl, used)) != 0)
		goto out;
	for (size_t t = 0; t < pc->ntables && rc == 0; t++) {
		if (jx__grow((void **)&blocks, &bcap, nb + 1, sizeof(*blocks)) != 0) {
			rc = jx__oom();
			break;
		}
		memset(&blocks[nb], 0, sizeof(*blocks));
		blocks[nb].table = pc->tables[t];
		blocks[nb].y0 = pc->tables[t]->box.y0;
		blocks[nb++].y1 = pc->tables[t]->box.y1;
		pc->tables[t] = NULL;
	}
	jx__sort(blocks, nb, sizeof(*blocks), cmp_pending);
	for (size_t k = 0; k < nb; k++) {
		if (rc == 0) {
			rc = jx__pdf_layout_add(l, blocks[k].table, blocks[k].text, pc->p->number,
						blocks[k].y0, blocks[k].y1);
			if (rc == 0 && !blocks[k].table) {
				l->blocks[l->nblocks - 1].open_start = blocks[k].open_start;
				l->blocks[l->nblocks - 1].open_end = blocks[k].open_end;
			}
		} else {
			jx__pdf_table_free(blocks[k].table);
			free(blocks[k].text);
		}
	}
out:
	free(blocks);
	free(used);
	jx__pdf_lines_free(lines, nl);
	return rc;
}

int jx__pdf_layout_page(jx__pdf_layout *l, const jx__pdf_page *p, double left, double right)
{
	page_ctx pc;
	size_t *rest = NULL, nrest = 0;
	int rc;
	memset(&pc, 0, sizeof(pc));
	pc.p = p;
	pc.left = left;
	pc.right = right;
	if ((rc = jx__pdf_grids(&pc.grids, &pc.ngrids, p->segs, p->nsegs)) != 0)
		return rc;
	if ((rc = ruled(&pc, &rest, &nrest)) == 0)
		rc = lay_out_rest(l, &pc, rest, nrest);
	free(rest);
	for (size_t g = 0; g < pc.ngrids; g++)
		jx__pdf_grid_free(&pc.grids[g]);
	free(pc.grids);
	for (size_t t = 0; t < pc.ntables; t++)
		jx__pdf_table_free(pc.tables[t]);
	free(pc.tables);
	return rc;
}
