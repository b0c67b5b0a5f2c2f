/* csv_internal.h -- the canonical CSV reader as a push parser, for read.c.
 *
 * The reader is fed decoded text in pieces. csv.c tokenises (libcsv) and
 * checks each row; csv_assemble.c gathers rows into evaluations and figure
 * sets. Without a sink the reader holds everything and hands one batch out
 * at the end (jx_csv_read_*, jx_read_file). With a sink it hands each
 * evaluation on as soon as it is complete -- the next row belongs to another
 * one and its weights add up -- so that a file of any size is read in
 * memory that does not grow with it when evaluations are contiguous, as
 * `jixiao export` and jixiao-synth write them (jx_read_file_stream). */
#ifndef JX_CSV_INTERNAL_H
#define JX_CSV_INTERNAL_H

#include <csv.h>
#include "internal.h"

typedef struct jx__csv jx__csv;

/**
 * New reader of a scores (figures = 0) or figures (figures = 1) file called
 * name. sink NULL: hold everything (jx__csv_finish hands out a batch).
 * opts may be NULL; it is borrowed until jx__csv_free. Free with jx__csv_free.
 */
int jx__csv_new(jx__csv **out, const char *name, int figures, const jx_read_options *opts,
		const jx_read_sink *sink);

/** jx_csv_read_scores / _figures for text that jx_text_decode has already checked. */
int jx__csv_read_checked(jx_batch **out, const char *name, const char *text, size_t len,
			 const jx_read_options *opts, int figures);

/**
 * Feed decoded text: UTF-8 without BOM, "\n" line ends. Every piece but the
 * last must end with "\n" (a piece is one or more whole lines). Returns 0 or
 * the first error (the reader then refuses more input).
 */
int jx__csv_feed(jx__csv *r, const char *text, size_t len);

/**
 * End of input: the last checks, the rest handed to the sink. Without a sink
 * *batch gets everything read (the caller's, jx_batch_free); with one, batch
 * may be NULL.
 */
int jx__csv_finish(jx__csv *r, jx_batch **batch);

void jx__csv_free(jx__csv *r);

/* ---- between csv.c and csv_assemble.c ---- */

#define JX__CSV_MAX_FIELDS 16

/* (department, year[, kind]) -> an evaluation or figure set being read, or
 * NULL once it was handed to the sink; line = its first line */
typedef struct {
	char *key;
	void *value;
	int line;
} jx__csv_slot;

/* open-addressing hash map of such slots */
typedef struct {
	jx__csv_slot *slots;
	size_t cap, n;
} jx__csv_map;

struct jx__csv {
	const char *name;
	int figures;
	const jx_read_options *opts;
	jx_read_options defaults;
	jx_read_sink sink;
	int streaming;          /* sink given */
	jx_batch *batch;        /* holding mode: everything read */
	jx_provenance provenance;
	struct csv_parser parser;
	int parser_ready;
	/* the row being tokenised: fields end to end in rowbuf, NUL-terminated */
	char *rowbuf;
	size_t rowlen, rowcap;
	size_t field_at[JX__CSV_MAX_FIELDS];
	const char *fields[JX__CSV_MAX_FIELDS];
	size_t nfields;
	int too_many;
	int line, row_line, at_row_start, header_done, in_preamble;
	int col_of[16];         /* column role -> field index, -1 when absent */
	size_t ncols;
	size_t ndata;           /* data rows read */
	int rc;                 /* first error; reading stops */
	int text_checked;       /* the text is known to be UTF-8 (decoded by read.c) */
	/* assembly (csv_assemble.c) */
	jx__csv_map evals;      /* evaluations or figure sets by key */
	jx__csv_map names;      /* "level1\x1flevel2\x1flevel3" -> its split name and key */
	char *key;
	size_t keycap;
	jx_evaluation *cur;     /* the evaluation receiving rows */
	jx_figures *curf;       /* the figure set receiving rows */
};

/** Record the first error as "name:row_line[:col]: message"; returns it. */
int jx__csv_fail(jx__csv *r, int col, const char *fmt, ...) JX__PRINTF(3, 4);

/** The evaluation that a row of (department, year, kind) belongs to (borrowed). */
int jx__csv_evaluation(jx__csv *r, jx_evaluation **out, const char *department, int year,
		       jx_kind kind, jx_provenance prov);
/** The figure set that a row of (department, year) belongs to (borrowed). */
int jx__csv_figures(jx__csv *r, jx_figures **out, const char *department, int year,
		    jx_provenance prov);
/** Append a row to ev (names copied, level1's weight suffix split off, key computed once per name). */
jx_indicator *jx__csv_add_row(jx__csv *r, jx_evaluation *ev, const char *level1,
			      const char *level2, const char *level3, const char *explanation,
			      double weight, double score, jx_origin origin);
/** At the end: hand on what is complete, refuse evaluations whose weights do not add up. */
int jx__csv_assemble_end(jx__csv *r);
/** Free what assembly holds (in streaming mode; the batch owns it otherwise). */
void jx__csv_assemble_free(jx__csv *r);

#endif
