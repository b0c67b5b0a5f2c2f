/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xls.c -- Excel 97-2003 workbooks (.xls, and WPS .et files that are BIFF) into the table
 * model, through FreeXL run in a child process.
 *
 * Each worksheet with any value becomes one table of the document, named
 * after its sheet, its places written "Sheet1!E14". The grid is the sheet's
 * used extent (from A1 to the last row and column holding a value), so a
 * sheet whose formatting reaches row 65536 costs no more than its data.
 * Numbers are written as Excel shows them in a General cell: rounded to 15
 * significant digits, so the binary 0.89999999999999991 is 0.9. FreeXL gives
 * no merged ranges: a merged cell's text is in its first cell and the
 * others are blank, which the recogniser carries down as it does for CSV.
 *
 * FreeXL opens files by path only, so the bytes go into a private temporary
 * directory first. FreeXL runs in a child process (base/child.c): fuzzing
 * found it over-reading the stack on a crafted string record, so a hostile
 * file must not reach it in the importing process. The child sends what it
 * read as records (xls_records.c) that the parent checks as untrusted. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <freexl.h>
#include "ingest/internal.h"

#define XLS_TIMEOUT 60.0                   /* seconds for FreeXL to read a workbook */
#define XLS_MAX_RECORDS (2 * JX_MAX_INPUT) /* bytes of records a child may send */

/* ---- in the child: FreeXL's cells as records ---- */

/* A value as Excel shows it in a General cell into buf; NULL for an empty cell. */
static const char *cell_text(char *buf, size_t size, const FreeXL_CellValue *v)
{
	const char *s = NULL;
	switch (v->type) {
	case FREEXL_CELL_INT: snprintf(buf, size, "%d", v->value.int_value); return buf;
	case FREEXL_CELL_DOUBLE:
		if (!isfinite(v->value.double_value))
			return NULL;
		snprintf(buf, size, "%.15g", v->value.double_value);
		return buf;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME: s = v->value.text_value; break;
	default: return NULL;
	}
	for (const char *p = s; p && *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return s;
	return NULL; /* blank text */
}

/* The used extent of the active sheet: *nrows × *ncols from A1 (0 × 0 when empty). */
static void used_extent(const void *h, unsigned rows, unsigned short cols, uint32_t *nrows,
			uint32_t *ncols)
{
	char num[64];
	*nrows = *ncols = 0;
	for (unsigned r = 0; r < rows; r++)
		for (unsigned short c = 0; c < cols; c++) {
			FreeXL_CellValue v;
			if (freexl_get_cell_value(h, r, c, &v) == FREEXL_OK &&
			    cell_text(num, sizeof(num), &v)) {
				*nrows = r + 1 > *nrows ? r + 1 : *nrows;
				*ncols = (uint32_t)c + 1 > *ncols ? (uint32_t)c + 1 : *ncols;
			}
		}
}

static void put_sheet(jx__xls_out *w, const void *h, unsigned short i)
{
	const char *name = NULL;
	unsigned rows = 0;
	unsigned short cols = 0;
	uint32_t nrows, ncols;
	char num[64];
	if (freexl_select_active_worksheet(h, i) != FREEXL_OK ||
	    freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK) {
		jx__xls_put(w, JX__XLS_FAILED, (uint32_t)FREEXL_BIFF_ILLEGAL_SHEET_INDEX, 0, NULL);
		return;
	}
	if (freexl_get_worksheet_name(h, i, &name) != FREEXL_OK || !name)
		name = "";
	used_extent(h, rows, cols, &nrows, &ncols);
	jx__xls_put(w, JX__XLS_SHEET, nrows, ncols, name);
	if ((uint64_t)nrows * ncols > JX__GRID_MAX_CELLS)
		return; /* refused by the parent: no cells */
	for (uint32_t r = 0; r < nrows; r++)
		for (uint32_t c = 0; c < ncols; c++) {
			FreeXL_CellValue v;
			const char *s;
			if (freexl_get_cell_value(h, r, (unsigned short)c, &v) == FREEXL_OK &&
			    (s = cell_text(num, sizeof(num), &v)))
				jx__xls_put(w, JX__XLS_CELL, r, c, s);
		}
}

/* The child's work: open the file, send every sheet, then "done". */
static int child_read(void *arg, int fd)
{
	const char *path = arg;
	const void *h = NULL;
	unsigned int nsheets = 0, password = 0;
	jx__xls_out w;
	int frc = freexl_open(path, &h);
	jx__xls_out_init(&w, fd);
	if (frc != FREEXL_OK)
		jx__xls_put(&w, JX__XLS_FAILED, (uint32_t)frc, 0, NULL);
	else if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
		 password == FREEXL_BIFF_OBFUSCATED)
		jx__xls_put(&w, JX__XLS_PASSWORD, 0, 0, NULL);
	else {
		freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets);
		for (unsigned i = 0; i < nsheets && i < 65536 && !w.failed; i++)
			put_sheet(&w, h, (unsigned short)i);
	}
	jx__xls_put(&w, JX__XLS_DONE, 0, 0, NULL);
	freexl_close(h);
	return jx__xls_out_flush(&w);
}

/* ---- in the parent ---- */

int jx__xls_failed(const char *name, int code)
{
	switch (code) {
	case FREEXL_INSUFFICIENT_MEMORY:
		return jx__error(JX_EPARSE, _("%s: the workbook is too large to read"), name);
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		return jx__error(JX_EPARSE, _("%s: the file holds no Excel workbook"), name);
	default:
		return jx__error(
			JX_EPARSE,
			_("%s: not a readable Excel 97-2003 workbook (FreeXL error %d: the "
			  "file is damaged or of an older Excel version)"),
			name, code);
	}
}

/* How the child ended, when that is the error. */
static int child_error(const char *name, const jx__child_result *res)
{
	if (res->timed_out)
		return jx__error(JX_EPARSE,
				 _("%s: reading the workbook took longer than %g s and was stopped "
				   "(a damaged file?)"),
				 name, XLS_TIMEOUT);
	if (res->too_much)
		return jx__error(JX_EPARSE, _("%s: the workbook holds more than %zu MiB of text"),
				 name, XLS_MAX_RECORDS >> 20);
	if (res->signal)
		return jx__error(
			JX_EPARSE,
			_("%s: the workbook is damaged: the .xls reader (FreeXL) failed on it "
			  "(signal %d)"),
			name, res->signal);
	return 0;
}

int jx_doc_read_xls(jx_doc **out, const char *name, const char *data, size_t len)
{
	char *dir = NULL, *path = NULL;
	jx__child_result res;
	jx__buf records;
	int rc;

	*out = NULL;
	jx__buf_init(&records);
	if (!jx__cfb_is(data, len))
		return jx__error(JX_EPARSE, _("%s: not an Excel 97-2003 workbook"), name);
	if ((rc = jx__tempdir_make(&dir)) != 0)
		return rc;
	if (!(path = jx__sprintf("%s/book.xls", dir)))
		rc = jx__oom();
	else if ((rc = jx__write_new_file(path, data, len)) == 0 &&
		 (rc = jx__child_run(&records, &res, child_read, path, XLS_TIMEOUT,
				     XLS_MAX_RECORDS)) == 0 &&
		 (rc = child_error(name, &res)) == 0)
		rc = jx__xls_records_read(out, name, records.data ? records.data : "", records.len);
	jx__tempdir_remove(dir);
	jx__buf_free(&records);
	free(path);
	free(dir);
	return rc;
}
