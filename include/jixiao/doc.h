/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc.h -- one table model for every document format (part of the ingest module).
 *
 * A reader (Word .docx, Excel .xlsx/.xls, HTML, PDF, report text, pasted
 * text tables) turns a file into a jx_doc: a sequence of paragraphs and
 * tables in document order. A table is a grid of nrows × ncols slots; a
 * cell that spans several rows or columns (merged cells, rowspan/colspan,
 * vMerge/gridSpan) has its text in its top-left slot, the anchor, and every
 * other slot it covers points back at the anchor. Every slot knows where it
 * came from in the file, so a message can say "表 2 第 14 行 第 5 列",
 * "Sheet1!E14", "line 120" or "第 3 页".
 *
 * One recogniser (jx_doc_read in ingest.h, ingest/recognise*.c) turns any
 * such document into evaluations, so every format follows the same rules.
 */
#ifndef JIXIAO_DOC_H
#define JIXIAO_DOC_H

#include <stddef.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The format a document was read from (it decides how places are written). */
typedef enum {
	JX_DOC_TEXT = 0, /**< report text or a pasted text table: places are lines */
	JX_DOC_DOCX,     /**< Word 2007+: 表 N 第 R 行 第 C 列 */
	JX_DOC_XLSX,     /**< Excel 2007+: Sheet!A1 */
	JX_DOC_XLS,      /**< Excel 97-2003 (BIFF): Sheet!A1 */
	JX_DOC_HTML,     /**< a web page: line N */
	JX_DOC_PDF,      /**< 第 P 页, 表 N 第 R 行 第 C 列 */
	JX_DOC_CSV       /**< CSV as Excel saves it: line N */
} jx_doc_format;

/** Where a slot or paragraph came from. 0 = not known. */
typedef struct {
	int row, col; /**< 1-based row and column in the source's own numbering
			   (sheet row/column; the table's row/column in a .docx, HTML or PDF table) */
	int line;     /**< source line (HTML, text, CSV) */
	int page;     /**< PDF page */
} jx_doc_origin;

/** One slot of a table's grid. */
typedef struct {
	char *text;     /**< anchor: the cell's text (UTF-8, paragraphs joined by "\n",
				   trimmed; "" when empty); covered slot: NULL */
	int anchor_row; /**< the anchor's grid position (itself for an anchor) */
	int anchor_col;
	int rowspan, colspan; /**< anchor: >= 1; covered slot: 0 */
	jx_doc_origin origin; /**< where this slot is in the source */
} jx_doc_cell;

typedef struct jx_doc_table jx_doc_table;

/**
 * The rest of a table too large to hold (a very large sheet): its rows after
 * the grid's, read once, in order, on demand. A reader that streams sets
 * jx_doc_table.more; everything else may ignore it (the grid then holds only
 * the table's first rows).
 */
typedef struct jx_doc_rows {
	/** Put the next row into row (a 1 × ncols table made by jx_doc_table_new,
	 *  cleared first by jx_doc_table_clear): 1, 0 at the end, or a negative
	 *  JX_E* code with its message set. */
	int (*next)(struct jx_doc_rows *self, jx_doc_table *row);
	/** Release the reader (called by jx_doc_free). */
	void (*free)(struct jx_doc_rows *self);
} jx_doc_rows;

/** A table: a grid of nrows × ncols slots, row-major. */
struct jx_doc_table {
	int number;     /**< 1-based number among the document's tables ("表 2") */
	char *sheet;    /**< sheet name (xlsx/xls), else NULL */
	int page_first; /**< PDF: the pages it spans, else 0 */
	int page_last;
	int line; /**< HTML/text: line where it starts, else 0 */
	size_t nrows, ncols;
	jx_doc_cell *cells; /**< nrows * ncols */
	jx_doc_rows *more;  /**< NULL, or the rows after the grid's (owned) */
};

typedef enum { JX_BLOCK_PARAGRAPH = 0, JX_BLOCK_TABLE = 1 } jx_block_kind;

/** A paragraph or a table, in document order. */
typedef struct {
	jx_block_kind kind;
	char *text;           /**< paragraph: its text (UTF-8, one line, trimmed) */
	jx_doc_origin origin; /**< paragraph: where it is (line, page) */
	jx_doc_table *table;  /**< table: owned */
} jx_doc_block;

/** A whole document. */
typedef struct {
	char *name; /**< file name, for messages */
	jx_doc_format format;
	jx_doc_block *blocks;
	size_t nblocks, cap;
	char **notes; /**< what a reader wants the user to know (skipped parts, ...) */
	size_t nnotes, notes_cap;
} jx_doc;

/** New empty document. NULL on ENOMEM. Free with jx_doc_free. */
JX_API jx_doc *jx_doc_new(const char *name, jx_doc_format format);
/** Free a document and everything in it. NULL-safe. */
JX_API void jx_doc_free(jx_doc *d);

/** Append a paragraph (text copied; trimmed; empty paragraphs are skipped). 0 or JX_ENOMEM. */
JX_API int jx_doc_add_paragraph(jx_doc *d, const char *text, jx_doc_origin origin);

/**
 * Append a new table of nrows × ncols empty anchors (text "", span 1×1),
 * numbered after the document's other tables; *out is borrowed (the
 * document owns it). JX_EINVAL when nrows or ncols is 0 or the grid would
 * exceed JX_DOC_MAX_CELLS.
 */
JX_API int jx_doc_add_table(jx_doc_table **out, jx_doc *d, size_t nrows, size_t ncols);

/** The largest grid a table may have (rows × columns); bigger inputs are refused. */
#define JX_DOC_MAX_CELLS ((size_t)16 << 20)

/** A table of nrows × ncols empty anchors that belongs to no document (a streamed
 *  sheet's current row). NULL on ENOMEM or a bad size. Free with jx_doc_table_free. */
JX_API jx_doc_table *jx_doc_table_new(size_t nrows, size_t ncols);
/** Every slot back to an empty anchor (text freed, spans and origins cleared). */
JX_API void jx_doc_table_clear(jx_doc_table *t);
/** Free a table made by jx_doc_table_new (NULL-safe). */
JX_API void jx_doc_table_free(jx_doc_table *t);

/** The slot at (row, col), 0-based. Borrowed; NULL when out of range. */
JX_API jx_doc_cell *jx_doc_table_slot(const jx_doc_table *t, size_t row, size_t col);

/**
 * Put text into the anchor at (row, col) spanning rowspan × colspan slots
 * (clipped to the grid); the covered slots point back at it. text is copied
 * and trimmed. A slot already covered by another span is left alone and the
 * call returns JX_EINVAL (overlapping spans). 0, JX_EINVAL or JX_ENOMEM.
 */
JX_API int jx_doc_table_set(jx_doc_table *t, size_t row, size_t col, const char *text, int rowspan,
			    int colspan, jx_doc_origin origin);

/** The text shown at (row, col): its anchor's text ("" when none). Borrowed. */
JX_API const char *jx_doc_table_text(const jx_doc_table *t, size_t row, size_t col);

/** Add a note printf-style (a reader's remark for --dry-run). 0 or JX_ENOMEM. */
JX_API int jx_doc_note(jx_doc *d, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/**
 * Write where a slot is, for messages, as people of that format say it:
 * "表 2 第 14 行 第 5 列" (docx, and PDF with "第 3 页 " first),
 * "Sheet1!E14" (xlsx, xls), "line 120" (HTML, text, CSV). t may be NULL
 * (then a paragraph's origin). Always NUL-terminates buf.
 */
JX_API void jx_doc_place(char *buf, size_t size, const jx_doc *d, const jx_doc_table *t,
			 jx_doc_origin origin);

/** "docx", "xlsx", "xls", "html", "pdf", "text", "csv". */
JX_API const char *jx_doc_format_name(jx_doc_format f);

/* ---- readers of legacy binary formats (ingest/xls.c, ingest/convert.c) ---- */

/**
 * Read an Excel 97-2003 workbook (.xls, or a WPS .et file that is BIFF) from
 * its bytes: one table per worksheet that holds any value (sheet name kept,
 * places "Sheet1!E14"), the sheet's used extent from A1, numbers as Excel
 * shows them (15 significant digits). Merged ranges are not known: the
 * covered cells are blank. *out freed with jx_doc_free. JX_EPARSE with
 * "name: ..." for a file that is not such a workbook, is damaged or
 * password-protected; JX_EIO when the temporary file cannot be written.
 */
JX_API int jx_doc_read_xls(jx_doc **out, const char *name, const char *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
