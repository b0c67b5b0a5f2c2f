/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx_sheet.c -- rows into worksheets that never lose one: spill, cut with a mark, check.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode: each row
 * goes to a temporary file as soon as the next one starts, so rows are
 * written in order, every format of a row (the header's height) is set
 * before its cells, and strings are stored inline, not shared. A sheet that
 * reaches Excel's 1,048,576 rows goes on in a continuation sheet (scores_2,
 * scores_3, ...) with the header again; a text over Excel's 32,767
 * characters is cut with a visible mark and counted. The first error
 * libxlsxwriter returns is kept with the sheet it came from, and every later
 * call is skipped: the export then fails with that message.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "export/internal.h"

#define WIDTH_MIN 6.0
#define WIDTH_MAX 48.0

/* Excel's limit on a cell's text, in UTF-16 code units. */
#define CELL_TEXT_MAX 32767

static size_t rows_per_sheet = LXW_ROW_MAX - 1; /* the header takes one row */
static size_t fail_after_cells;                 /* 0: never (a test's fault injection) */
static size_t cells_written;

void jx__xlsx_testing(size_t rows, size_t fail_after)
{
	rows_per_sheet = rows ? rows : LXW_ROW_MAX - 1;
	fail_after_cells = fail_after;
	cells_written = 0;
}

void jx__xbook_formats(xbook *x)
{
	static const char *const num[] = {NULL,  "General", "0",        "0.0%",
					  "0.0", "0.000",   "#,##0.00", NULL};
	for (int k = X_TEXT; k <= X_LABEL; k++) {
		x->fmt[k] = workbook_add_format(x->wb);
		format_set_align(x->fmt[k], LXW_ALIGN_VERTICAL_TOP);
		if (num[k])
			format_set_num_format(x->fmt[k], num[k]);
	}
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0x1F3A5F);
	format_set_font_color(x->head, 0xFFFFFF);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(x->head);
	x->note = workbook_add_format(x->wb);
	format_set_text_wrap(x->note);
	format_set_align(x->note, LXW_ALIGN_VERTICAL_TOP);
}

void jx__xbook_check(xbook *x, const xsheet *s, lxw_error err)
{
	if (err == LXW_NO_ERROR && fail_after_cells && ++cells_written >= fail_after_cells)
		err = LXW_ERROR_MEMORY_MALLOC_FAILED; /* the injected failure */
	if (err == LXW_NO_ERROR || x->err != LXW_NO_ERROR)
		return;
	x->err = err;
	snprintf(x->err_sheet, sizeof(x->err_sheet), "%s", s ? s->title : "about");
}

/* A new worksheet for s's current part, with its header row, listed in x->parts (in the
 * workbook's order). */
static void sheet_open(xbook *x, xsheet *s)
{
	xpart *parts;
	if (s->part > 1)
		snprintf(s->title, sizeof(s->title), "%s_%zu", s->name, s->part);
	else
		snprintf(s->title, sizeof(s->title), "%s", s->name);
	s->row = 0;
	if (x->err != LXW_NO_ERROR)
		return;
	if (!(parts = realloc(x->parts, (x->nparts + 1) * sizeof(*parts))) ||
	    !(s->ws = workbook_add_worksheet(x->wb, s->title))) {
		x->parts = parts ? parts : x->parts;
		jx__xbook_check(x, s, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	x->parts = parts;
	memcpy(parts[x->nparts].title, s->title, sizeof(s->title));
	parts[x->nparts].rows = 0;
	s->index = x->nparts++;
	jx__xbook_check(x, s, worksheet_set_row(s->ws, 0, 30, NULL));
	for (size_t c = 0; c < s->ncols; c++) {
		const xcol *col = &s->cols[c];
		char head[128];
		if (col->head)
			snprintf(head, sizeof(head), "%s", col->head);
		else
			snprintf(head, sizeof(head), "%s（%s）", jx_figure_label(col->name),
				 jx_figure_unit(col->name));
		jx__xbook_check(x, s,
				worksheet_write_string(s->ws, 0, (lxw_col_t)c, head, x->head));
		jx__xsheet_widen(s, c, (double)jx_display_width(head) + 2);
	}
	s->row = 1;
}

/* Widths, frozen header and filter of the current part; its rows for the about sheet. */
static void sheet_close(xbook *x, xsheet *s)
{
	if (x->err != LXW_NO_ERROR || !s->ws)
		return;
	for (size_t c = 0; c < s->ncols; c++) {
		double w = s->width[c] < WIDTH_MIN   ? WIDTH_MIN
			   : s->width[c] > WIDTH_MAX ? WIDTH_MAX
						     : s->width[c];
		jx__xbook_check(x, s,
				worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL));
	}
	worksheet_freeze_panes(s->ws, 1, 0);
	if (s->row > 1)
		jx__xbook_check(
			x, s,
			worksheet_autofilter(s->ws, 0, 0, s->row - 1, (lxw_col_t)(s->ncols - 1)));
	x->parts[s->index].rows = (size_t)s->row - 1;
	s->ws = NULL;
}

void jx__xsheet_start(xbook *x, xsheet *s, const char *name, const xcol *cols, size_t n)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->cols = cols;
	s->ncols = n < 32 ? n : 32;
	s->part = 1;
	sheet_open(x, s);
}

void jx__xsheet_end(xbook *x, xsheet *s)
{
	sheet_close(x, s);
}

void jx__xsheet_row(xbook *x, xsheet *s)
{
	if ((size_t)s->row - 1 < rows_per_sheet)
		return;
	sheet_close(x, s);
	s->part++;
	sheet_open(x, s);
}

void jx__xsheet_next(xsheet *s)
{
	s->row++;
	s->rows++;
}

void jx__xsheet_widen(xsheet *s, size_t c, double w)
{
	if (c < 32 && w > s->width[c])
		s->width[c] = w;
}

/* The length of text's first bytes that fit in max UTF-16 code units (whole characters). */
static size_t utf16_prefix(const char *text, size_t max, size_t *units)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0, n = 0;
	while (p[i]) {
		size_t len = p[i] < 0x80 ? 1 : p[i] < 0xE0 ? 2 : p[i] < 0xF0 ? 3 : 4;
		size_t u = len == 4 ? 2 : 1;
		if (n + u > max)
			break;
		for (size_t k = 1; k < len; k++)
			if (!p[i + k]) /* a sequence cut by the end of the text */
				len = k;
		n += u;
		i += len;
	}
	*units = n;
	return i;
}

void jx__xsheet_text(xbook *x, xsheet *s, size_t c, const char *text)
{
	static const char mark[] = JX_XLSX_CUT_MARK; /* 5 characters, each one UTF-16 unit */
	size_t units, keep;
	char *cut = NULL;
	if (!text || !*text || !s->ws || x->err != LXW_NO_ERROR)
		return;
	keep = utf16_prefix(text, CELL_TEXT_MAX, &units);
	if (text[keep]) {
		keep = utf16_prefix(text, CELL_TEXT_MAX - 5, &units);
		if (!(cut = malloc(keep + sizeof(mark)))) {
			jx__xbook_check(x, s, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		memcpy(cut, text, keep);
		memcpy(cut + keep, mark, sizeof(mark));
		if (x->ncut++ == 0) {
			char col[8];
			lxw_col_to_name(col, (lxw_col_t)c, 0);
			snprintf(x->cut_at, sizeof(x->cut_at), "%s!%s%u", s->title, col,
				 (unsigned)s->row + 1);
		}
	}
	jx__xbook_check(x, s,
			worksheet_write_string(s->ws, s->row, (lxw_col_t)c, cut ? cut : text,
					       x->fmt[X_TEXT]));
	jx__xsheet_widen(s, c, (double)jx_display_width(cut ? cut : text) + 1);
	free(cut);
}

void jx__xsheet_number(xbook *x, xsheet *s, size_t c, double v, xcol_kind kind)
{
	if (!isfinite(v) || !s->ws || x->err != LXW_NO_ERROR)
		return;
	jx__xbook_check(x, s, worksheet_write_number(s->ws, s->row, (lxw_col_t)c, v, x->fmt[kind]));
	jx__xsheet_widen(s, c, kind == X_MONEY ? 12 : 9);
}
