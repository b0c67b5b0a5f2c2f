/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export/internal.h -- what the export module's files share (canonical CSV/JSON, the xlsx workbook); not part of the API. */
#ifndef JX_EXPORT_INTERNAL_H
#define JX_EXPORT_INTERNAL_H

#include "text/internal.h"
#include "jixiao/analysis.h"
#include "jixiao/export.h"
#include "jixiao/output.h"
#include "jixiao/ingest.h"
#include "jixiao/store.h"
#include "jixiao/table.h"
#include "jixiao/overview.h"
#include "jixiao/xlsx.h"
#include <xlsxwriter.h>

/* ---- the workbook's sheets (xlsx_sheet.c), filled by xlsx.c ---- */

/* X_LABEL: an English code of the table (level, status, rules, growth_warning) put in Chinese */
typedef enum { X_TEXT, X_NUM, X_INT, X_PCT, X_PP, X_P, X_MONEY, X_LABEL } xcol_kind;

typedef struct {
	const char *name; /* column of the jx_table; "@from"/"@to" for the compared years */
	const char *head; /* NULL: a figure item, headed by jx_figure_label and its unit */
	xcol_kind kind;
} xcol;

/* One worksheet written: its name and data rows (the about sheet lists them). */
typedef struct {
	char title[32];
	size_t rows;
} xpart;

typedef struct {
	lxw_workbook *wb;
	lxw_format *fmt[X_LABEL + 1], *head, *note;
	size_t nsynthetic, nreal;
	lxw_error err;      /* the first libxlsxwriter error; later calls are skipped */
	char err_sheet[32]; /* where it happened */
	size_t ncut;        /* texts cut at Excel's limit */
	char cut_at[48];    /* the first, as sheet!cell */
	xpart *parts;       /* the sheets started so far, in the workbook's order */
	size_t nparts;
} xbook;

/* A sheet being filled; past the row limit it goes on in name_2, name_3, ... */
typedef struct {
	lxw_worksheet *ws; /* NULL after an error */
	const char *name;
	char title[32]; /* name, or name_N for part N */
	size_t part;
	size_t index; /* of this part in xbook.parts */
	const xcol *cols;
	size_t ncols;
	lxw_row_t row; /* the row being written in ws */
	size_t rows;   /* data rows over all parts */
	double width[32];
} xsheet;

/** A workbook in constant-memory mode, its temporary files beside temp_path; NULL on error. */
lxw_workbook *jx__xbook_open(const char *temp_path);
/** Close x->wb: rc, or else the first libxlsxwriter error as JX_EIO naming path and sheet. */
int jx__xbook_close(xbook *x, const char *path, int rc);
/** The cell formats of x->wb. */
void jx__xbook_formats(xbook *x);
/** Keep err (s NULL: the about sheet) when it is the first error. */
void jx__xbook_check(xbook *x, const xsheet *s, lxw_error err);
/** Start sheet name with its header row. */
void jx__xsheet_start(xbook *x, xsheet *s, const char *name, const xcol *cols, size_t n);
/** Before a data row: a continuation sheet when the current one is full. */
void jx__xsheet_row(xbook *x, xsheet *s);
/** After a data row. */
void jx__xsheet_next(xsheet *s);
/** Finish the sheet (widths, frozen header, filter) and list it in x->parts. */
void jx__xsheet_end(xbook *x, xsheet *s);
/** Column c at least w wide. */
void jx__xsheet_widen(xsheet *s, size_t c, double w);
/** Text into column c of the current row (nothing for NULL or ""); cut with
 *  JX_XLSX_CUT_MARK past Excel's 32,767 characters. */
void jx__xsheet_text(xbook *x, xsheet *s, size_t c, const char *text);
/** A number with kind's format (nothing for NaN). */
void jx__xsheet_number(xbook *x, xsheet *s, size_t c, double v, xcol_kind kind);
/** Tests: data rows per sheet (0: Excel's 1,048,575) and a libxlsxwriter failure injected
 *  at the fail_after-th checked call (0: none). Not thread-safe; tests only. */
void jx__xlsx_testing(size_t rows, size_t fail_after);

#endif
