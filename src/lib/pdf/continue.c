/* SPDX-License-Identifier: GPL-3.0-or-later */
/* continue.c -- a table that a page break cut in two, joined again.
 *
 * A table that ends a page and one that starts the next are one table when
 * their column edges line up (every edge of the second within a few points
 * of an edge of the first; the second may lack some of the first's inner
 * edges, where its cells span). The rows the second repeats from the
 * first's top (a header row Word or a browser repeats on each page) are
 * dropped, and a "续表" line between them is skipped. When the second's
 * first row is the rest of the first's last row -- Word and LibreOffice let
 * a row break across pages: the row goes on with text only where the last
 * row had text of its own, and lacks what was short (the weight, the
 * score) -- its text is added to that row's cells instead of making a row. */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

#define EDGE_TOL 4.0  /* points: column edges of a continued ruled table */
#define STREAM_TOL 20 /* points: column edges of a continued rule-less table */
#define MAX_HEADER 3  /* rows a continuation may repeat */

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
/* a's cell that starts on its last row at the columns [col, end), or NULL. */
static jx__pdf_cell *last_row_cell(const jx__pdf_table *a, size_t col, size_t end)
{
	for (size_t i = 0; i < a->ncells; i++) {
		jx__pdf_cell *d = &a->cells[i];
		if (d->row == a->nrows - 1 && d->col == col && d->col + (size_t)d->colspan == end)
			return d;
	}
	return NULL;
}

/* 1 when b's row r is the rest of a's last row: text only where that row has text in a
 * cell of its own, some such cell with nothing more to say, no text in a taller cell. */
static int rest_of_row(const jx__pdf_table *a, const jx__pdf_table *b, const size_t *map, size_t r)
{
	int text = 0, ended = 0;
	if (r >= b->nrows || !a->nrows)
		return 0;
	for (size_t i = 0; i < b->ncells; i++) {
		const jx__pdf_cell *c = &b->cells[i], *d;
		if (c->row != r)
			continue;
		d = last_row_cell(a, map[c->col], map[c->col + (size_t)c->colspan]);
		if (*c->text) {
			if (!d || !*d->text || c->rowspan != 1)
				return 0;
			text = 1;
		} else if (d && *d->text) {
			ended = 1;
		}
	}
	return text && ended;
}

/* Join s to the end of a cell's text as its lines are joined (a space only between two
 * letters or digits of a non-CJK script). */
static int join_text(jx__pdf_cell *d, const char *s)
{
	size_t n = strlen(d->text);
	char last = n ? d->text[n - 1] : 0, *t;
	int word = ((last >= '0' && last <= '9') || (last >= 'A' && last <= 'z')) &&
		   ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'));
	if (!(t = jx__sprintf("%s%s%s", d->text, word ? " " : "", s)))
		return jx__oom();
	free(d->text);
	d->text = t;
	return 0;
}

/* Append b's rows (minus its repeated header; its first row added to a's last when it is
 * the rest of it) to a. */
static int append_rows(jx__pdf_table *a, const jx__pdf_table *b, const size_t *map)
{
	size_t skip = repeated_rows(a, b, map), offset;
	int rest = rest_of_row(a, b, map, skip), rc = 0;
	offset = a->nrows - skip - (size_t)rest;
	for (size_t i = 0; i < b->ncells && rc == 0; i++) {
		const jx__pdf_cell *c = &b->cells[i];
		size_t col = map[c->col], end = map[c->col + (size_t)c->colspan];
		if (c->row < skip)
			continue;
		if (rest && c->row == skip && *c->text)
			rc = join_text(last_row_cell(a, col, end), c->text);
		else if (rest && c->row == skip && c->rowspan > 1)
			rc = jx__pdf_table_add(a, a->nrows, col, c->rowspan - 1, (int)(end - col),
					       "", c->page, c->box);
		else if (!(rest && c->row == skip))
			rc = jx__pdf_table_add(a, c->row + offset, col, c->rowspan,
					       (int)(end - col), c->text, c->page, c->box);
	}
	if (rc != 0)
		return rc;
	a->nrows += b->nrows - skip - (size_t)rest;
	a->page_last = b->page_last;
	a->continued += 1 + b->continued;
	a->repeated_headers += (int)skip;
	a->rows_rejoined += rest + b->rows_rejoined;
	return 0;
}

static int continuation_note(const char *text)
{
	char s[256];
	jx__pdf_shape(s, sizeof(s), text, 0);
	return !strncmp(s, "续表", 6) || strstr(s, "（续）") || strstr(s, "(续)");
}

int jx__pdf_join_tables(jx__pdf_layout *l)
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
			jx__pdf_drop_block(l, j--);
		i--; /* the joined table may go on over the next page too */
	}
	return 0;
}
