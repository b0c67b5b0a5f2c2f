/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx_sheet.c -- one worksheet of an .xlsx into a table: the grid, its merges, streaming.
 *
 * The cells come from xlsx_cells.c, as Excel shows them. <mergeCells>
 * follows the rows in the sheet's XML, so a sheet's cells are gathered
 * first and its merges applied to the grid after (tables are small).
 *
 * A sheet part larger than jx__xlsx_stream_bytes (16 MiB) is not gathered:
 * its table holds its first SHEET_HEAD_ROWS rows and the rest is read row
 * by row on demand (jx_doc_table.more), in memory that does not grow with
 * the sheet; its merges are then not applied (a note says so; blank
 * level-1/level-2 cells carry down anyway). Columns start at A, so a cell's
 * grid column is its sheet column; rows start at the first row with a cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

#define SHEET_HEAD_ROWS 15
#define STREAM_MAX_COLS 512 /* a streamed sheet's width */

size_t jx__xlsx_stream_bytes = (size_t)16 << 20;

static int note_formulas(const jx__xcells *p, jx_doc *doc, const char *sheet)
{
	if (!p->formulas)
		return 0;
	return jx_doc_note(doc, "%s: %s!%s: %zu %s", doc->name, sheet, p->formula_at, p->formulas,
			   _("formula(s) without a computed value (the file was not saved by Excel "
			     "or WPS); open it there and save it again"));
}

/* ---- fractions among percentages ---- */

/* A cell's number: a number cell's value, a percentage cell's as shown (85 for "85%"), a
 * text cell's when it reads as a number (with or without % or ％); 1, or 0 when none. */
static int cell_value(const jx__xcell *c, const char *text, double *v)
{
	char buf[64];
	size_t n = strlen(text);
	if (c->kind == JX__XCELL_NUMBER)
		return jx__number_read(text, v) == 0;
	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, text, n + 1);
	if (n > 1 && buf[n - 1] == '%')
		buf[n - 1] = '\0';
	else if (n > 3 && !strcmp(buf + n - 3, "\xef\xbc\x85")) /* ％ */
		buf[n - 3] = '\0';
	return jx_number_parse(buf, v) == 0;
}

typedef struct {
	int first_row;         /* the column's first row with a number; 0 none yet */
	int header_percent;    /* a text above it says % */
	size_t others, big;    /* numbers that are not bare fractions; of those, 50-100 */
	size_t whole;          /* of those, above 1.5: percentages typed as numbers (85) */
	const jx__xcell *bare; /* the first bare number between 0 and 1 */
} column_stat;

static void count_cells(column_stat *st, const jx__xcells *p)
{
	for (size_t i = 0; i < p->ncells; i++) {
		const jx__xcell *c = &p->cells[i];
		column_stat *s = &st[c->col - 1];
		double v;
		if (!cell_value(c, p->pool.data + c->at, &v))
			continue;
		if (!s->first_row)
			s->first_row = c->row;
		if (c->kind == JX__XCELL_NUMBER && v > 0 && v < 1) {
			s->bare = s->bare ? s->bare : c;
			continue;
		}
		s->others++;
		s->big += v >= 50 && v <= 100;
		s->whole += v > 1.5;
	}
	for (size_t i = 0; i < p->ncells; i++) {
		const jx__xcell *c = &p->cells[i];
		const char *text = p->pool.data + c->at;
		column_stat *s = &st[c->col - 1];
		if (c->kind == JX__XCELL_TEXT && (!s->first_row || c->row < s->first_row) &&
		    (strchr(text, '%') || strstr(text, "\xef\xbc\x85")))
			s->header_percent = 1;
	}
}

/*
 * A bare number between 0 and 1 in a column of percentages typed as numbers -- its header
 * says % or ％ and another of its numbers is above 1.5, or at least 3 of its other numbers,
 * three in four of them, are 50 to 100 -- is refused: it is 85% typed as 0.85 without the
 * percentage format among 95 and 88, and read as 0.85 it would be a score of 0.85. A
 * column that holds fractions throughout (执行率(%) as 0.95, 1.02) is consistent and read as
 * it is: the project reader takes such rates as fractions, and refusing it would stop the
 * import of a whole workbook over a sheet that may not even be used. A cell formatted as a
 * percentage is read as Excel shows it (85%).
 */
static int check_fractions(jx_doc *doc, const char *sheet, const jx__xcells *p, int maxc)
{
	column_stat *st = calloc((size_t)maxc, sizeof(*st));
	int rc = 0;
	if (!st)
		return jx__oom();
	count_cells(st, p);
	for (int c = 0; c < maxc && rc == 0; c++) {
		const column_stat *s = &st[c];
		char letters[16], shown[40];
		double v;
		if (!s->bare || !((s->header_percent && s->whole > 0) ||
				  (s->others >= 3 && 4 * s->big >= 3 * s->others)))
			continue;
		jx__doc_column_letters(letters, sizeof(letters), c + 1);
		jx__number_read(p->pool.data + s->bare->at, &v);
		jx__number_shown(shown, sizeof(shown), v * 100);
		rc = jx__error(JX_EPARSE,
			       _("%s:%s!%s%d: %s is a fraction in a column of percentages (its "
				 "header says %% or its other values are 50 to 100); type %s%% "
				 "or format the cell as a percentage"),
			       doc->name, sheet, letters, s->bare->row, p->pool.data + s->bare->at,
			       shown);
	}
	free(st);
	return rc;
}

/* ---- a sheet gathered whole ---- */

/* Each merge: its top-left text spanning the range (overlaps are not applied). */
static int apply_merges(jx_doc *doc, const char *sheet, jx_doc_table *t, const jx__xcells *p,
			int minr, int maxr)
{
	size_t skipped = 0;
	for (size_t m = 0; m < p->nmerges; m++) {
		const int *mr = p->merges + 4 * m;
		jx_doc_origin o = {mr[0], mr[1], 0, 0};
		char *text;
		if (mr[0] < minr || mr[0] > maxr || (size_t)mr[1] > t->ncols)
			continue; /* its top-left cell is outside the cells: it has no text */
		if (!(text = jx__strdup(
			      jx_doc_table_text(t, (size_t)(mr[0] - minr), (size_t)mr[1] - 1))))
			return jx__oom();
		if (jx_doc_table_set(t, (size_t)(mr[0] - minr), (size_t)mr[1] - 1, text,
				     mr[2] - mr[0] + 1, mr[3] - mr[1] + 1, o) != 0) {
			jx_error_clear();
			skipped++; /* overlapping merges: Excel would not write them */
		}
		free(text);
	}
	if (!skipped)
		return 0;
	return jx_doc_note(doc, "%s: %s: %zu %s", doc->name, sheet, skipped,
			   _("merged ranges overlap others and were not applied"));
}

static int build_grid(jx_doc *doc, const char *sheet, const jx__xcells *p)
{
	jx_doc_table *t;
	int minr = p->cells[0].row, maxr = p->cells[p->ncells - 1].row, maxc = 0, rc;
	for (size_t i = 0; i < p->ncells; i++)
		maxc = p->cells[i].col > maxc ? p->cells[i].col : maxc;
	if ((rc = check_fractions(doc, sheet, p, maxc)) != 0 ||
	    (rc = jx_doc_add_table(&t, doc, (size_t)(maxr - minr + 1), (size_t)maxc)) != 0)
		return rc;
	if (!(t->sheet = jx__strdup(sheet)))
		return jx__oom();
	for (size_t i = 0; i < t->nrows * t->ncols; i++) { /* empty cells have places too */
		t->cells[i].origin.row = minr + (int)(i / t->ncols);
		t->cells[i].origin.col = (int)(i % t->ncols) + 1;
	}
	for (size_t i = 0; i < p->ncells && rc == 0; i++) {
		jx_doc_origin o = {p->cells[i].row, p->cells[i].col, 0, 0};
		rc = jx_doc_table_set(t, (size_t)(p->cells[i].row - minr),
				      (size_t)p->cells[i].col - 1, p->pool.data + p->cells[i].at, 1,
				      1, o);
	}
	return rc ? rc : apply_merges(doc, sheet, t, p, minr, maxr);
}

static int gathered_sheet(jx_doc *doc, jx__xcells *p, const char *sheet)
{
	int rc;
	while ((rc = jx__xcells_feed(p)) == 1)
		;
	if (rc == 0 && p->ncells)
		rc = build_grid(doc, sheet, p);
	else if (rc == 0)
		rc = jx_doc_note(doc, "%s: %s %s", doc->name, sheet, _("is empty"));
	return rc ? rc : note_formulas(p, doc, sheet);
}

/* ---- a sheet streamed ---- */

typedef struct {
	jx_doc_rows base;
	jx__xcells cells;
	char *sheet;
	size_t ncols;
} sheet_stream;

/* Parse on until the queue holds a whole row (cells of a later row follow it, or the
 * sheet ended); the number of its cells, 0 at the end, or an error. */
static long whole_row(sheet_stream *s)
{
	jx__xcells *p = &s->cells;
	int rc;
	for (size_t seen = p->first + 1;;) {
		for (; seen < p->ncells; seen++)
			if (p->cells[seen].row != p->cells[p->first].row)
				return (long)(seen - p->first);
		if (p->ended)
			return (long)(p->ncells - p->first);
		if ((rc = jx__xcells_feed(p)) < 0)
			return rc;
		seen = seen > p->first ? seen : p->first + 1; /* feeding may have moved the queue */
	}
}

/* The next row's cells into row r of t: 1, 0 at the end, or an error. */
static int stream_row(sheet_stream *s, jx_doc_table *t, size_t r)
{
	jx__xcells *p = &s->cells;
	long n = whole_row(s);
	const jx__xcell *cells;
	int rc;
	if (n <= 0)
		return (int)n;
	cells = p->cells + p->first; /* after whole_row: the queue may be empty (NULL) before */
	for (size_t c = 0; c < t->ncols; c++) { /* empty cells have places too */
		jx_doc_table_slot(t, r, c)->origin.row = cells[0].row;
		jx_doc_table_slot(t, r, c)->origin.col = (int)c + 1;
	}
	for (long i = 0; i < n; i++) {
		jx_doc_origin o = {cells[i].row, cells[i].col, 0, 0};
		if ((size_t)cells[i].col <= t->ncols &&
		    (rc = jx_doc_table_set(t, r, (size_t)cells[i].col - 1,
					   p->pool.data + cells[i].at, 1, 1, o)) != 0)
			return rc;
	}
	jx__xcells_drop(p, (size_t)n);
	return 1;
}

static int stream_next(jx_doc_rows *self, jx_doc_table *row)
{
	jx_doc_table_clear(row);
	return stream_row((sheet_stream *)self, row, 0);
}

static void stream_free(jx_doc_rows *self)
{
	sheet_stream *s = (sheet_stream *)self;
	jx__xcells_close(&s->cells);
	free(s->sheet);
	free(s);
}

/* The first rows into a table of the document, as wide as the sheet's dimension or its
 * widest first row says; 1 when rows remain (the table then owns s), 0, or an error. */
static int stream_head(jx_doc *doc, sheet_stream *s)
{
	jx_doc_table *head = jx_doc_table_new(SHEET_HEAD_ROWS, STREAM_MAX_COLS), *t;
	size_t n = 0, width = 0;
	int rc = 0;
	if (!head)
		return jx__oom();
	s->ncols = STREAM_MAX_COLS;
	while (n < SHEET_HEAD_ROWS && (rc = stream_row(s, head, n)) == 1)
		n++;
	for (size_t i = 0; i < n * STREAM_MAX_COLS; i++)
		if (head->cells[i].text && *head->cells[i].text && i % STREAM_MAX_COLS + 1 > width)
			width = i % STREAM_MAX_COLS + 1;
	width = (size_t)s->cells.dim_cols > width ? (size_t)s->cells.dim_cols : width;
	s->ncols = width < STREAM_MAX_COLS ? width : STREAM_MAX_COLS;
	if (rc >= 0 && n && (rc = jx_doc_add_table(&t, doc, n, s->ncols)) == 0) {
		for (size_t r = 0; r < n; r++) /* the document's table takes the rows read */
			for (size_t c = 0; c < s->ncols; c++) {
				t->cells[r * s->ncols + c] = head->cells[r * STREAM_MAX_COLS + c];
				head->cells[r * STREAM_MAX_COLS + c].text = NULL;
			}
		rc = (t->sheet = jx__strdup(s->sheet)) ? 0 : jx__oom();
		if (rc == 0 && (s->cells.ncells > s->cells.first || !s->cells.ended)) {
			t->more = &s->base;
			rc = 1;
		}
	}
	jx_doc_table_free(head);
	return rc;
}

static int streamed_sheet(jx_doc *doc, sheet_stream *s)
{
	int rc;
	s->base.next = stream_next;
	s->base.free = stream_free;
	if ((rc = jx_doc_note(doc, "%s: %s %s", doc->name, s->sheet,
			      _("is very large: read row by row, its merged cells not applied "
				"(blank cells carry down)"))) != 0)
		return rc;
	return stream_head(doc, s);
}

int jx__xlsx_sheet(jx_doc *doc, jx__xlsx_book *b, const char *sheet, const char *part)
{
	sheet_stream *s;
	int rc;
	if (jx__zip_size(b->zip, part) <= jx__xlsx_stream_bytes) {
		jx__xcells p;
		if ((rc = jx__xcells_open(&p, b, part)) == 0)
			rc = gathered_sheet(doc, &p, sheet);
		jx__xcells_close(&p);
		return rc;
	}
	if (!(s = calloc(1, sizeof(*s))))
		return jx__oom();
	if (!(s->sheet = jx__strdup(sheet)) || (rc = jx__xcells_open(&s->cells, b, part)) != 0 ||
	    (rc = streamed_sheet(doc, s)) != 1) {
		rc = s->sheet ? rc : jx__oom();
		stream_free(&s->base);
		return rc;
	}
	return 0; /* the table owns the stream now */
}
