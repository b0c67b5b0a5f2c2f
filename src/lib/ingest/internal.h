/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ingest/internal.h -- what the readers share: the canonical CSV reader as a push
 * parser (csv.c, csv_assemble.c, used by read.c), and the report-text reader
 * (report*.c). Not part of the API.
 *
 * The CSV reader:
 *
 * The reader is fed decoded text in pieces. csv.c tokenises (libcsv) and
 * checks each row; csv_assemble.c gathers rows into evaluations and figure
 * sets. Without a sink the reader holds everything and hands one batch out
 * at the end (jx_csv_read_*, jx_read_file). With a sink it hands each
 * evaluation on as soon as it is complete -- the next row belongs to another
 * one and its weights add up -- so that a file of any size is read in
 * memory that does not grow with it when evaluations are contiguous, as
 * `jixiao export` and jixiao-synth write them (jx_read_file_stream). */
#ifndef JX_INGEST_INTERNAL_H
#define JX_INGEST_INTERNAL_H

#include <csv.h>
#include "text/internal.h"
#include "jixiao/doc.h"
#include "jixiao/ingest.h"

/* ---- CSV text into rows (csv_rows.c): the canonical CSV and alias files ---- */

#define JX__CSV_MAX_FIELDS 64

typedef struct jx__csv_rows jx__csv_rows;
/** Called with each row (fields valid during the call); 0, or an error that stops the reading. */
typedef int (*jx__csv_row_fn)(void *ctx, jx__csv_rows *rows);
/** Called with each '#' line before the first row: the text after '#', without the line end. */
typedef void (*jx__csv_comment_fn)(void *ctx, const char *text, size_t len);

struct jx__csv_rows {
	const char *name;                       /* file name, for messages */
	const char *fields[JX__CSV_MAX_FIELDS]; /* the row's fields, NUL-terminated */
	size_t nfields;
	int too_many; /* the row has more than JX__CSV_MAX_FIELDS fields (the rest dropped) */
	int line;     /* physical lines read so far */
	int row_line; /* the line the row starts on: "file:line:" of messages */
	/* private */
	jx__csv_row_fn on_row;
	jx__csv_comment_fn on_comment;
	void *ctx;
	struct csv_parser parser;
	int ready, at_row_start, in_preamble, rc;
	char *buf; /* the row's fields end to end */
	size_t len, cap;
	size_t field_at[JX__CSV_MAX_FIELDS];
};

/** Start reading rows of the file called name; comment may be NULL (comments skipped). */
int jx__csv_rows_init(jx__csv_rows *t, const char *name, jx__csv_row_fn row,
		      jx__csv_comment_fn comment, void *ctx);
/**
 * Feed text: UTF-8, "\n" line ends; every piece but the last ends with "\n".
 * Returns 0 or the first error (a row callback's, or "file:line: malformed
 * CSV: ..."); after an error more text is refused.
 */
int jx__csv_rows_feed(jx__csv_rows *t, const char *text, size_t len);
/** End of the text: the last row; an unclosed quote is an error. */
int jx__csv_rows_finish(jx__csv_rows *t);
void jx__csv_rows_free(jx__csv_rows *t);

/* ---- the canonical CSV reader (csv.c, csv_names.c, csv_assemble.c) ---- */

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

/* ---- between csv.c, csv_names.c and csv_assemble.c ---- */

/* column roles */
enum {
	JX__COL_DEPT,
	JX__COL_YEAR,
	JX__COL_KIND,
	JX__COL_L1,
	JX__COL_L2,
	JX__COL_L3,
	JX__COL_EXPL,
	JX__COL_WEIGHT,
	JX__COL_SCORE,
	JX__COL_ORIGIN,
	JX__COL_ITEM,
	JX__COL_VALUE,
	JX__COL_UNIT,
	JX__COL_PROV,
	JX__COL_COUNT
};

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
	int streaming;   /* sink given */
	jx_batch *batch; /* holding mode: everything read */
	jx_provenance provenance;
	jx__csv_rows rows; /* the row being read; rows.row_line is what messages name */
	int rows_ready;
	int header_done;
	int col_of[JX__COL_COUNT]; /* column role -> field index, -1 when absent */
	size_t ncols;
	int header_line;   /* line of the header row */
	char *header_note; /* ignored columns: warned on the first evaluation, then NULL */
	char *carry_l1;    /* level1 and level2 of the row above, carried into blank cells */
	char *carry_l2;
	size_t ndata;     /* data rows read */
	int rc;           /* first error; reading stops */
	int text_checked; /* the text is known to be UTF-8 (decoded by read.c) */
	/* assembly (csv_assemble.c) */
	jx__csv_map evals; /* evaluations or figure sets by key */
	jx__csv_map names; /* "level1\x1flevel2\x1flevel3" -> its split name and key */
	char *key;
	size_t keycap;
	jx_evaluation *cur; /* the evaluation receiving rows */
	jx_figures *curf;   /* the figure set receiving rows */
};

/* csv_names.c */
/** Read the header row in r->rows.fields: roles into r->col_of, unknown columns into
 *  r->header_note, near misses and missing columns refused. 0 or JX_EPARSE. */
int jx__csv_header(jx__csv *r);
/** The English (canonical) name of a column role. */
const char *jx__csv_role_name(int role);
/** The code (jx_kind, jx_origin, jx_provenance) of a value of the kind, score_origin or
 *  provenance column written in English or Chinese (自评, 原文, 合成, …); -1 when unknown. */
int jx__csv_code(int role, const char *s);
/** The CSV kind a header line names (English or Chinese, quoted or not), else JX_INPUT_REPORT. */
jx_input_format jx__csv_detect(const char *line, size_t n);

/** Record the first error as "name:rows.row_line[:col]: message"; returns it. */
int jx__csv_fail(jx__csv *r, int col, const char *fmt, ...) JX__PRINTF(3, 4);

/** The evaluation that a row of (department, year, kind) belongs to (borrowed). */
int jx__csv_evaluation(jx__csv *r, jx_evaluation **out, const char *department, int year,
		       jx_kind kind, jx_provenance prov);
/** The figure set that a row of (department, year) belongs to (borrowed). */
int jx__csv_figures(jx__csv *r, jx_figures **out, const char *department, int year,
		    jx_provenance prov);
/** Append a row to ev (names copied, level1's weight suffix split off, key computed once per name). */
jx_indicator *jx__csv_add_row(jx__csv *r, jx_evaluation *ev, const char *level1, const char *level2,
			      const char *level3, const char *explanation, double weight,
			      double score, jx_origin origin);
/** At the end: hand on what is complete, refuse evaluations whose weights do not add up. */
int jx__csv_assemble_end(jx__csv *r);
/** Free what assembly holds (in streaming mode; the batch owns it otherwise). */
void jx__csv_assemble_free(jx__csv *r);

/* ==== the report-text reader: what the files of the report-text reader share (not public).
 *
 * The reader is split by concern: report.c (lines, title, the entry
 * point), report_text.c (figures and free-text sections read from the
 * prose), report_cells.c (table lines as cells), report_table.c
 * (the indicator table), report_check.c
 * (reconciling the table with 合计, the level-1 weights and the text).
 */
/** One line of the report. */
typedef struct {
	const char *text; /* original bytes, not NUL-terminated, no line end */
	size_t len;
	char *fold;  /* NUL-terminated copy: full-width ASCII, U+3000, NBSP folded */
	int no;      /* 1-based line number */
	int heading; /* 0, or 1 "一、" 2 "（一）" 3 "1、" 4 "（1）" */
	int comment; /* a '#' line before the title */
} jx__rp_line;

/** A level-1 category as the table declares it. */
typedef struct {
	char *name;
	double declared;   /* "(35分)", NaN when not declared */
	int line;          /* where it was declared (first row) */
	double sub_weight; /* from a 小计 row, NaN when none */
	double sub_score;
	int sub_line;
} jx__rp_group;

/** The report being read. */
typedef struct {
	const char *name; /* file name for messages */
	jx__rp_line *lines;
	size_t nlines;
	size_t title;        /* index of the title line, nlines when none */
	size_t table_first;  /* index of the header line, nlines when no table */
	size_t table_last;   /* index of the last line that belongs to the table */
	size_t caption;      /* index of the table's caption line, nlines when none */
	int total_line;      /* line of the 合计 row, 0 when none */
	int last_row_line;   /* line of the last indicator row */
	int self_score_line; /* line of 自评价综合得分, 0 when none */
	jx__rp_group *groups;
	size_t ngroups, groups_cap;
	jx_evaluation *ev;
	jx_figures *figs;
} jx__rp_doc;

/* report.c */
/** Number of code points in a NUL-terminated string. */
size_t jx__rp_width(const char *s);
/** 1 when line i is prose: not a comment, not the title, not in the table. */
int jx__rp_is_prose(const jx__rp_doc *d, size_t i);
/** Raise JX_EPARSE with "name:line: message". */
int jx__rp_fail(const jx__rp_doc *d, int line, const char *fmt, ...) JX__PRINTF(3, 4);

/* report_cells.c */
#define JX__RP_MAX_CELLS 32

typedef struct {
	char *text; /* original, trimmed */
	char *fold; /* normalised (jx_name_normalize): for matching */
} jx__rp_cell;

/** The non-empty cells of one line. */
typedef struct {
	jx__rp_cell c[JX__RP_MAX_CELLS];
	size_t n;
	int overflow; /* more than JX__RP_MAX_CELLS cells: the row is refused */
} jx__rp_cells;

/** What a header row says about the columns. */
typedef struct {
	int have_expl;   /* an explanation column (指标解释, 评分标准) exists */
	int score_first; /* 得分 comes before 权重 */
	int remarks;     /* columns after both numbers (备注, 扣分原因) */
} jx__rp_columns;

/** Kinds of a cell in a weight or score position. */
enum { JX__RP_TEXT, JX__RP_NUM, JX__RP_NEG, JX__RP_BAD, JX__RP_PLACEHOLDER };

void jx__rp_cells_clear(jx__rp_cells *cs);
/** Split a line at tabs and runs of two or more spaces; empty cells dropped. 0 or JX_ENOMEM. */
int jx__rp_split_cells(jx__rp_cells *cs, const jx__rp_line *l);
/** Kind of a cell as a number ("2", "2分", "-1", "2x", "—"); *v set for NUM/NEG. */
int jx__rp_cell_kind(const jx__rp_cell *c, double *v);
/** 1 when cs is a header row (names a level column, 权重 and 得分); fills col (may be NULL). */
int jx__rp_is_header(const jx__rp_cells *cs, jx__rp_columns *col);
/** "- 3 -", "12", "第 3 页", "第3页 共9页", "3/9": page furniture inside a table. */
int jx__rp_is_page_number(const jx__rp_line *l);

/* report_table.c */
/** Find the header, read the rows into d->ev; sets the table_* fields. */
int jx__rp_read_table(jx__rp_doc *d);

/* report_check.c */
/** Infer a lone missing score, check weights and totals; warnings on d->ev. */
int jx__rp_reconcile(jx__rp_doc *d);

/* report_text.c */
/** Figures, staffing and the self-score from the prose into d->figs / d->ev. */
int jx__rp_read_figures(jx__rp_doc *d);
/** 存在问题及原因分析, 有关建议, 评价结论 into d->ev. */
int jx__rp_read_sections(jx__rp_doc *d);

/* ---- --dept, --year, --kind against the file (relabel.c) ---- */

/** The department to use: the file's (stated; NULL or "" when it has none) or
 *  o->department. NULL with the error set ("name:line: ...") when both are given,
 *  differ, and o->relabel is not set. */
const char *jx__pick_department(const jx_read_options *o, const char *stated, const char *name,
				int line);
/** The year to use into *year: stated (<= 0: none) or o->year; JX_EPARSE on a conflict. */
int jx__pick_year(const jx_read_options *o, int stated, int *year, const char *name, int line);
/** The kind to use into *kind: stated (-1: none; then self) or o->kind; JX_EPARSE on a conflict. */
int jx__pick_kind(const jx_read_options *o, int stated, jx_kind *kind, const char *name, int line);

#endif
