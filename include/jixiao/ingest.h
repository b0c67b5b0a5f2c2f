/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ingest.h -- reading input files: canonical CSV, published report text, and
 * documents (Word .docx, web pages) through one table recogniser.
 *
 * Every reader takes the file's bytes and its name (for messages) and gives
 * a jx_batch. Errors carry "name:place: what is wrong" in jx_error_last():
 * a line for text ("r.txt:40:", CSV adds ":column"), a cell for documents
 * ("r.docx:表 2 第 14 行 第 5 列:", "s.xlsx:Sheet1!E14:"). Nothing here
 * touches the database.
 */
#ifndef JIXIAO_INGEST_H
#define JIXIAO_INGEST_H

#include <stddef.h>
#include <stdio.h>
#include "doc.h"
#include "model.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Input formats. New formats are added at the end (the numbers are kept). */
typedef enum {
	JX_INPUT_AUTO = 0,
	JX_INPUT_REPORT = 1,      /**< 部门整体绩效自我评价报告 as text */
	JX_INPUT_CSV_SCORES = 2,  /**< canonical scores CSV */
	JX_INPUT_CSV_FIGURES = 3, /**< canonical figures CSV */
	JX_INPUT_DOCX = 4,        /**< Word 2007+ document */
	JX_INPUT_XLSX = 5,        /**< Excel 2007+ workbook */
	JX_INPUT_HTML = 6,        /**< a web page */
	JX_INPUT_PDF = 7,         /**< PDF */
	JX_INPUT_XLS = 8,         /**< Excel 97-2003 workbook, WPS .et (BIFF) */
	JX_INPUT_DOC = 9,         /**< Word 97-2003 document, WPS .wps (through LibreOffice) */
	JX_INPUT_TABLE = 10       /**< a table pasted as text (tabs, `|`, two spaces) */
} jx_input_format;

/** Overrides and settings for readers; zero-initialise then set what you need. */
typedef struct {
	const char *department; /**< --dept: supplies the department where a file states none */
	int year;               /**< --year (0 = none given): likewise */
	int kind;               /**< --kind (-1 = none given): likewise */
	jx_encoding encoding;   /**< JX_ENC_AUTO by default */
	jx_input_format format; /**< JX_INPUT_AUTO by default */
	double total_weight;    /**< expected total weight for CSV (0 = 100) */
	/** Every reader: department, year and kind come from the file; the three
	 *  options above supply what it does not state, and replace what it does
	 *  state only when relabel is set (otherwise a different value is refused). */
	int relabel;
	/** Documents: attach a description of how each table was read (column
	 *  roles, rows and their places, skipped rows) to the first evaluation
	 *  (jx_evaluation.reading), for `import --dry-run`. PDF: the grid of
	 *  each table found, too. */
	int describe;
	/** PDF: write the ruling lines and cells found, drawn over the pages, to
	 *  this PNG (`import --debug-grid FILE`); NULL: none. */
	const char *debug_grid;
} jx_read_options;

/** Options with every field at its default (kind -1). */
JX_API jx_read_options jx_read_options_default(void);

/** Decide the format of decoded text by content: canonical CSV (a header naming the
 *  department and year columns), a pasted table (`|` rows, or mostly rows of tab- or
 *  space-separated cells: JX_INPUT_TABLE), else report text. */
JX_API jx_input_format jx_input_detect(const char *text, size_t len);

/**
 * Decide the format of a file's bytes by content: a zip with word/document.xml
 * (JX_INPUT_DOCX) or xl/workbook.xml (JX_INPUT_XLSX), "%PDF-" (JX_INPUT_PDF),
 * an OLE compound file whose root holds a Workbook (JX_INPUT_XLS) or a
 * WordDocument (JX_INPUT_DOC),
 * a web page (JX_INPUT_HTML: "<html", "<!DOCTYPE html", "<table", ... first);
 * else jx_input_detect on the text (JX_INPUT_AUTO when the bytes are not text).
 */
JX_API jx_input_format jx_input_sniff(const char *data, size_t len);

/** "auto", "report", "csv", "docx", "xlsx", "html", "pdf", "xls", "doc", "table". */
JX_API const char *jx_input_format_name(jx_input_format f);
/** The inverse ("csv" is JX_INPUT_CSV_SCORES: the header decides which kind). 0 or JX_EINVAL. */
JX_API int jx_input_format_parse(const char *s, jx_input_format *out);

/**
 * Read a whole file (any format), after decoding its text. Files larger
 * than JX_MAX_INPUT bytes are refused. *out freed with jx_batch_free.
 */
#define JX_MAX_INPUT ((size_t)256 * 1024 * 1024)
JX_API int jx_read_file(jx_batch **out, const char *path, const jx_read_options *opts);

/** Same, from memory (name used in messages and as source name). */
JX_API int jx_read_buffer(jx_batch **out, const char *name, const char *data, size_t len,
			  const jx_read_options *opts);

/**
 * Where a streaming read hands what it reads: each evaluation and figure set
 * as soon as it is complete, borrowed for the duration of the call. A
 * callback returns 0 to go on; JX_READ_KEEP to go on and keep the part (it
 * is then the callback's, freed with jx_evaluation_free / jx_figures_free);
 * or a negative JX_E* code with its message set, which stops the read: the
 * read returns that code. NULL callbacks skip.
 */
typedef struct {
	int (*evaluation)(void *ctx, jx_evaluation *ev);
	int (*figures)(void *ctx, jx_figures *f);
	void *ctx;
} jx_read_sink;

/** A sink's "keep it": the evaluation or figure set now belongs to the sink. */
#define JX_READ_KEEP 1

/**
 * Read a file like jx_read_file, handing its parts to sink instead of
 * returning a batch. Canonical CSV in UTF-8 is read in pieces, in memory
 * that does not grow with the file (and without the JX_MAX_INPUT limit):
 * an evaluation is handed on when the next row belongs to another one and
 * its weights add up; one whose weights do not add up yet is held until
 * they do (its rows need not be contiguous). Refused here but not by
 * jx_read_file: rows of an evaluation that was already handed on, and
 * figures of a department-year after rows of another one (docs/formats.md).
 * Other inputs are read whole. sha256 (may be NULL) gets the hex SHA-256 of
 * the file's bytes on success. On error some parts may already have been
 * handed on: the caller undoes them (`jixiao import` rolls back).
 */
JX_API int jx_read_file_stream(const char *path, const jx_read_options *opts,
			       const jx_read_sink *sink, char sha256[65]);

/** Canonical scores CSV from decoded UTF-8 text (BOM already removed). */
JX_API int jx_csv_read_scores(jx_batch **out, const char *name, const char *text, size_t len,
			      const jx_read_options *opts);
/** Canonical figures CSV from decoded UTF-8 text. */
JX_API int jx_csv_read_figures(jx_batch **out, const char *name, const char *text, size_t len,
			       const jx_read_options *opts);

/**
 * Report text (decoded UTF-8, "\n" line ends): title, figures, staffing,
 * self-score, text sections and the indicator table, reconciled against
 * 合计 (see docs/formats.md). One evaluation and one figure set.
 */
JX_API int jx_report_read(jx_batch **out, const char *name, const char *text, size_t len,
			  const jx_read_options *opts);

/* ---- documents: the table model (doc.h) and its recogniser ---- */

/**
 * Read a document's bytes into the table model, choosing the reader by
 * content (jx_input_sniff) unless opts->format names one. Formats without a
 * reader yet, encrypted Office files and old binary Office files are
 * refused with a message saying what would be needed. *out freed with
 * jx_doc_free; data must stay valid until then (a streamed sheet reads on).
 * JX_EPARSE with "name:place: ..." on a bad file.
 */
JX_API int jx_doc_load(jx_doc **out, const char *name, const char *data, size_t len,
		       const jx_read_options *opts);

/** Word 2007+ (.docx) into the table model. */
JX_API int jx_docx_load(jx_doc **out, const char *name, const char *data, size_t len);

/**
 * Excel 2007+ (.xlsx) into the table model: one table per visible worksheet.
 * A very large sheet is streamed (jx_doc_table.more): data must then stay
 * valid until jx_doc_free.
 */
JX_API int jx_xlsx_load(jx_doc **out, const char *name, const char *data, size_t len);

/** A web page into the table model; enc JX_ENC_AUTO: the declared charset, else detected. */
JX_API int jx_html_load(jx_doc **out, const char *name, const char *data, size_t len,
			jx_encoding enc);

/**
 * A PDF into the table model: each page's ruled tables (cell grids with
 * spans from the ruling lines), rule-less tables (columns from the gaps
 * between words) and paragraphs; a table continued over a page break is
 * one table, page numbers and running heads are dropped (docs/formats.md
 * says which PDFs read well). poppler parses and renders the file in a
 * child process under CPU-time, memory and wall-clock limits. opts (may be
 * NULL): debug_grid names a PNG to draw the lines and cells found into;
 * describe adds each table's grid to the notes. Encrypted, scanned (no
 * text layer), damaged and too-costly files are JX_EPARSE with a message
 * saying what to do.
 */
JX_API int jx_pdf_load(jx_doc **out, const char *name, const char *data, size_t len,
		       const jx_read_options *opts);

/**
 * The recogniser: turn any document in the table model into evaluations
 * and figures. The evaluation table is the first table with an indicator
 * header (columns recognised through the synonym table, docs/formats.md);
 * it gives a `self` evaluation from its score column and a `review` one
 * from a review-score column. Department and year come from the document
 * (title, 单位/部门 lines or cells), see jx_read_options for the options'
 * rule. Figures and the text sections are read from the paragraphs as the
 * report-text reader reads them. Warnings carry their places. *out freed
 * with jx_batch_free; nothing on error (message "name:place: ..."). A
 * document with a streamed table (jx_doc_table.more) can be read once.
 */
JX_API int jx_doc_read(jx_batch **out, const jx_doc *doc, const jx_read_options *opts);

/**
 * Read an alias file (CSV with header "old,new"; '#' lines before it) from
 * UTF-8 text. *out freed with jx_alias_pairs_free; each pair has its line.
 */
JX_API int jx_alias_file_read(jx_alias_pair **out, size_t *n, const char *name, const char *text,
			      size_t len);

/* ---- writing the canonical formats ---- */

/** Header line of the scores CSV. */
#define JX_CSV_SCORES_HEADER \
	"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin"
#define JX_CSV_FIGURES_HEADER "department,year,item,value,unit"

/** The Chinese name the canonical CSV reader accepts for the column called name
 *  ("weight" → "权重"), or NULL when it accepts only the English one (item, value, unit). */
JX_API const char *jx_csv_column_zh(const char *name);

#ifdef __cplusplus
}
#endif
#endif
