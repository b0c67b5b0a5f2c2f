/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ingest.h -- reading input files: canonical CSV and published report text.
 *
 * Every reader takes the file's bytes and its name (for messages) and gives
 * a jx_batch. Errors carry "name:line: what is wrong" (CSV adds ":column")
 * in jx_error_last(). Nothing here touches the database.
 */
#ifndef JIXIAO_INGEST_H
#define JIXIAO_INGEST_H

#include <stddef.h>
#include <stdio.h>
#include "model.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	JX_INPUT_AUTO = 0,
	JX_INPUT_REPORT = 1,     /**< 部门整体绩效自我评价报告 as text */
	JX_INPUT_CSV_SCORES = 2, /**< canonical scores CSV */
	JX_INPUT_CSV_FIGURES = 3 /**< canonical figures CSV */
} jx_input_format;

/** Overrides and settings for readers; zero-initialise then set what you need. */
typedef struct {
	const char *department; /**< department where the file names none (NULL = none given) */
	int year;               /**< year where the file states none (0 = none given) */
	int kind;               /**< kind where the file states none (-1 = none given) */
	int relabel;            /**< department/year/kind replace what the file states; without
				     it a file stating another value is refused */
	jx_encoding encoding;   /**< JX_ENC_AUTO by default */
	jx_input_format format; /**< JX_INPUT_AUTO by default */
	double total_weight;    /**< expected total weight for CSV (0 = 100) */
} jx_read_options;

/** Options with every field at its default (kind -1). */
jx_read_options jx_read_options_default(void);

/** Decide the format of decoded text by content. */
jx_input_format jx_input_detect(const char *text, size_t len);

/**
 * Read a whole file (any format), after decoding its text. Files larger
 * than JX_MAX_INPUT bytes are refused. *out freed with jx_batch_free.
 */
#define JX_MAX_INPUT ((size_t)256 * 1024 * 1024)
int jx_read_file(jx_batch **out, const char *path, const jx_read_options *opts);

/** Same, from memory (name used in messages and as source name). */
int jx_read_buffer(jx_batch **out, const char *name, const char *data, size_t len,
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
int jx_read_file_stream(const char *path, const jx_read_options *opts, const jx_read_sink *sink,
			char sha256[65]);

/** Canonical scores CSV from decoded UTF-8 text (BOM already removed). */
int jx_csv_read_scores(jx_batch **out, const char *name, const char *text, size_t len,
		       const jx_read_options *opts);
/** Canonical figures CSV from decoded UTF-8 text. */
int jx_csv_read_figures(jx_batch **out, const char *name, const char *text, size_t len,
			const jx_read_options *opts);

/**
 * Report text (decoded UTF-8, "\n" line ends): title, figures, staffing,
 * self-score, text sections and the indicator table, reconciled against
 * 合计 (see docs/formats.md). One evaluation and one figure set.
 */
int jx_report_read(jx_batch **out, const char *name, const char *text, size_t len,
		   const jx_read_options *opts);

/**
 * Read an alias file (CSV with header "old,new"; '#' lines before it) from
 * UTF-8 text. *out freed with jx_alias_pairs_free; each pair has its line.
 */
int jx_alias_file_read(jx_alias_pair **out, size_t *n, const char *name, const char *text,
		       size_t len);

/* ---- writing the canonical formats ---- */

/** Header line of the scores CSV. */
#define JX_CSV_SCORES_HEADER \
	"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin"
#define JX_CSV_FIGURES_HEADER "department,year,item,value,unit"

#ifdef __cplusplus
}
#endif
#endif
