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
	JX__COL_PROJECT,
	JX__COL_TARGET,
	JX__COL_ACTUAL,
	JX__COL_REASON,
	JX__COL_L1W,
	JX__COL_STAFFING,
	JX__COL_COUNT
};

/* (department, year[, kind]) -> an evaluation or figure set being read, or
 * NULL once it was handed to the sink; line = its first line */
typedef struct {
	char *key;
	void *value;
	int line;
} jx__csv_slot;

/* open-addressing hash map of such slots; the keys live in an arena (one evaluation's key is
 * kept to the end of a file: 184,000 of them at 4x, allocated between the rows' short-lived
 * pieces, fragmented the heap) */
typedef struct {
	jx__csv_slot *slots;
	size_t cap, n;
	jx__arena keys;
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
	size_t rows_hint;   /* rows of the evaluation before: a new one's first allocation */
	/* the keys of cur's rows (jx__csv_same_key): row index + 1 by hash, 0 = empty */
	const jx_evaluation *dup_ev; /* the evaluation they are of; NULL after cur changed */
	size_t dup_n, dup_cap;
	unsigned *dup_slots;
};

/** The row of ev before its last with the last row's key (a duplicate), or NULL. */
const jx_indicator *jx__csv_same_key(jx__csv *r, const jx_evaluation *ev);

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

/** The evaluation that a row of (department, year, kind, project) belongs to (borrowed);
 *  project NULL for the department as a whole. */
int jx__csv_evaluation(jx__csv *r, jx_evaluation **out, const char *department, int year,
		       jx_kind kind, const char *project, jx_provenance prov);
/** The figure set that a row of (department, year, project) belongs to (borrowed). */
int jx__csv_figures(jx__csv *r, jx_figures **out, const char *department, int year,
		    const char *project, jx_provenance prov);
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
	size_t lines_cap;
	const struct jx__rp_places *places; /* NULL: lines are the file's lines */
	int fund_out;    /* 合计 does not count the fund row (report_check.c) */
	int no_total_ok; /* no 合计 row is normal (a register of many evaluations): no warning */
} jx__rp_doc;

/**
 * Where a "line" is, when the lines are not a text file's (a document reader
 * numbers the rows and paragraphs it hands to the reconciliation and prose
 * readers). NULL in jx__rp_doc: line N is line N of the file.
 */
typedef struct jx__rp_places {
	/* the place of line n: bare, for "name:PLACE: message" ("177", "表 2 第 14 行"),
	 * or inside a sentence ("line 177", "表 2 第 14 行") */
	void (*where)(const void *ctx, int line, int bare, char *buf, size_t size);
	/* the line a warning about n is stored with; 0 puts the place in its message */
	int (*line_of)(const void *ctx, int line);
	const void *ctx;
} jx__rp_places;

/* report.c */
/** Append a line (text borrowed, not NUL-terminated) numbered no. 0 or JX_ENOMEM. */
int jx__rp_add_line(jx__rp_doc *d, const char *text, size_t len, int no);
/** The title from line from on: sets d->title (nlines when none), *dept (malloc'd or
 *  NULL) and *year (0 when none). 0 or JX_ENOMEM. */
int jx__rp_find_title(jx__rp_doc *d, size_t from, char **dept, int *year);
/** A '#' comment line: "# provenance: synthetic" sets *prov. 0 or JX_EPARSE. */
int jx__rp_read_comment(const jx__rp_doc *d, const jx__rp_line *l, jx_provenance *prov);
/** Copy of s[0..len) with all white space removed; NULL on ENOMEM. */
char *jx__rp_squeeze(const char *s, size_t len);
/** Free what d holds (not d). */
void jx__rp_doc_free(jx__rp_doc *d);
/** Forget d's level-1 groups (for the next evaluation read into d). */
void jx__rp_groups_clear(jx__rp_doc *d);
/** Write where line is (see jx__rp_places). */
void jx__rp_where(const jx__rp_doc *d, int line, int bare, char *buf, size_t size);
/** A warning on d->ev about line, its place as jx__rp_places says. 0 or JX_ENOMEM. */
int jx__rp_warn(const jx__rp_doc *d, int line, const char *fmt, ...) JX__PRINTF(3, 4);
/** 1 when line i is prose: not a comment, not the title, not in the table. */
int jx__rp_is_prose(const jx__rp_doc *d, size_t i);
/** Raise JX_EPARSE with "name:line: message" (or "name:place: message", see jx__rp_places). */
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
/** The level-1 group called name (added when new; a declared weight w fills one
 *  not declared yet, at line): its index into d->groups. 0 or JX_ENOMEM. */
int jx__rp_group_at(jx__rp_doc *d, const char *name, double w, int line, size_t *out);
/** Find the header, read the rows into d->ev; sets the table_* fields. */
int jx__rp_read_table(jx__rp_doc *d);

/* report_check.c */
/** Infer a lone missing score, check weights and totals; warnings on d->ev. */
int jx__rp_reconcile(jx__rp_doc *d);

/* report_text.c */
/** Figures, staffing and the self-score from the prose into d->figs / d->ev. */
int jx__rp_read_figures(jx__rp_doc *d);
/** 部门主要职能, 存在问题及原因分析, 有关建议, 评价结论 and the staffing sentences into d->ev. */
int jx__rp_read_sections(jx__rp_doc *d);
/** The first (or, with last, the last) prose heading that contains one of words; d->nlines
 *  when none. */
size_t jx__rp_find_heading(const jx__rp_doc *d, const char *const *words, int last);
/** Paragraphs (joined, one a line) under heading h up to the next heading of its level or
 *  above, or with h == d->nlines all prose before the table; *out malloc'd, NULL when empty.
 *  0 or JX_ENOMEM. */
int jx__rp_section_text(const jx__rp_doc *d, size_t h, char **out);

/* report_staff.c */
/** The staffing sentence(s) (实有在职人员 59 人 …) into d->ev->staffing. 0 or JX_ENOMEM. */
int jx__rp_read_staffing(jx__rp_doc *d);

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

/* ==== Office files: zip parts (zip.c) and their XML (xml.c) ==== */

#define JX__ZIP_MAX_ENTRIES 10000           /* entries in one archive */
#define JX__ZIP_MAX_TOTAL ((size_t)1 << 30) /* bytes all entries may inflate to */
#define JX__ZIP_MAX_RATIO 1000              /* inflation of an entry over 1 MiB */
#define JX__XML_MAX_DEPTH 200               /* element nesting */

typedef struct jx__zip jx__zip;
typedef struct jx__zip_file jx__zip_file;

/** Open a zip archive held in memory (data is borrowed until jx__zip_close);
 *  refused (JX_EPARSE, "name: ...") when over the caps above. */
int jx__zip_open(jx__zip **out, const char *name, const char *data, size_t len);
void jx__zip_close(jx__zip *z);
/** The file name given to jx__zip_open. */
const char *jx__zip_name(const jx__zip *z);
/** The size an entry says it inflates to; 0 when it is missing. */
size_t jx__zip_size(const jx__zip *z, const char *entry);
/** 1 when the archive has an entry of that exact name. */
int jx__zip_has(const jx__zip *z, const char *entry);
/** Open an entry for reading; refused when it declares more than max bytes. */
int jx__zip_entry_open(jx__zip_file **out, const jx__zip *z, const char *entry, size_t max);
/** Up to size bytes into buf: the count, 0 at the end, or a negative JX_E* code. */
long jx__zip_entry_read(jx__zip_file *f, char *buf, size_t size);
void jx__zip_entry_close(jx__zip_file *f);
/** A whole entry (at most max bytes), NUL-terminated; *out freed with free(). */
int jx__zip_read(char **out, size_t *len, const jx__zip *z, const char *entry, size_t max);

/** A safe streaming XML reader over one zip entry. */
typedef struct {
	const char *name; /* the file, for messages */
	char entry[128];  /* the part */
	jx__zip_file *file;
	struct _xmlTextReader *reader;
	int io_failed;     /* a zip read error (a JX_E* code) */
	char message[256]; /* libxml2's first error */
	int error_line;
} jx__xml;

/** Open entry of z (at most max bytes inflated) as XML. Close with jx__xml_close. */
int jx__xml_open(jx__xml *x, const jx__zip *z, const char *entry, size_t max);
void jx__xml_close(jx__xml *x);
/** The next node: 1, 0 at the end, or JX_EPARSE ("file:part:line: ..."). */
int jx__xml_next(jx__xml *x);
/** Skip the current element's subtree: 1, 0 at the end, or an error. */
int jx__xml_skip(jx__xml *x);
/** The current node's local name ("" for text), type (XML_READER_TYPE_*), whether an
 *  element is empty (<a/>), its text value. Borrowed. */
const char *jx__xml_local(const jx__xml *x);
int jx__xml_type(const jx__xml *x);
int jx__xml_empty(const jx__xml *x);
const char *jx__xml_value(const jx__xml *x);
/** The value of the current element's attribute called local (any namespace);
 *  malloc'd, NULL when absent. */
char *jx__xml_attr(const jx__xml *x, const char *local);
/** The parser's current line in the part. */
int jx__xml_line(const jx__xml *x);
/** Raise JX_EPARSE "file:part:line: message". */
int jx__xml_fail(const jx__xml *x, const char *fmt, ...) JX__PRINTF(2, 3);

/* html_charset.c */
/** A web page's bytes as UTF-8 text (declared charset, else detected; enc forces one).
 *  *note (malloc'd, may stay NULL) says when the page was not what it declared. */
int jx__html_decode(char **out, size_t *outlen, char **note, const char *name, const char *data,
		    size_t len, jx_encoding enc);

/* recognise_parts.c: jx_doc_read handing each part to sink as it is complete (sink NULL:
 * into batch). A register's evaluations go one by one, in memory that does not grow
 * with the table when its evaluations are contiguous. */
int jx__doc_read_sink(const jx_doc *doc, const jx_read_options *opts, const jx_read_sink *sink,
		      jx_batch *batch);

/* workbook.c: jixiao's own workbook (export --format xlsx): its scores and evaluations
 * sheets with their headers as exported. Read back exactly, as jx__doc_read_sink reads. */
int jx__workbook_is_own(const jx_doc *doc);
int jx__workbook_read(const jx_doc *doc, const jx_read_options *opts, const jx_read_sink *sink,
		      jx_batch *batch);

/* formats.c */
/** What the bytes are when they are no text: *fmt a document format (docx, html, ...),
 *  or JX_INPUT_AUTO for text; a binary file no reader takes is refused here
 *  (encrypted or old Office files, other zip archives) with what it would need. */
int jx__sniff_document(const char *data, size_t len, const char *name, jx_input_format *fmt);
/** 1 when f is read through the table model (jx_doc_load). */
int jx__input_is_document(jx_input_format f);

/* ==== Excel workbooks (xlsx.c, xlsx_sheet.c) ==== */

/** A workbook's sheets at most (xlsx.c refuses more). */
#define JX__XLSX_MAX_SHEETS 256

/** What the sheets of one workbook share; counted, as streamed sheets keep it. */
typedef struct {
	int refs;
	char *name; /* the file, for messages */
	jx__zip *zip;
	jx__buf pool; /* shared strings, NUL-terminated, end to end */
	size_t *at;   /* offset of each shared string in pool */
	size_t nstrings, at_cap;
	unsigned char *percent; /* by cell format (a cell's s="N"): 1 shows a percentage */
	size_t nxf, percent_cap;
} jx__xlsx_book;

/** Drop a reference to b; the last one frees it. NULL-safe. */
void jx__xlsx_book_release(jx__xlsx_book *b);
/** Shared string i (borrowed), NULL when out of range. */
const char *jx__xlsx_string(const jx__xlsx_book *b, size_t i);
/** Read xl/styles.xml (xlsx_styles.c): which cell formats are percentages. 0 or an error. */
int jx__xlsx_read_styles(jx__xlsx_book *b);
/** Cell format style (a cell's s="N"; -1 none) shows a number as a percentage: 1, else 0. */
int jx__xlsx_percent_style(const jx__xlsx_book *b, long style);
/** "AB12" (len bytes) -> column 28, row 12; 0, or -1 when it is no cell reference. */
int jx__xlsx_ref(const char *ref, size_t len, int *col, int *row);

/** A worksheet's cells, parsed piece by piece (xlsx_cells.c). */
#define JX__XCELLS_NAMES 11
/** What a cell held: text (a string, a boolean, an error...), a number, a percentage. */
enum { JX__XCELL_TEXT, JX__XCELL_NUMBER, JX__XCELL_PERCENT };
typedef struct {
	int row, col; /* 1-based sheet row and column */
	int kind;     /* JX__XCELL_* */
	size_t at;    /* its text in pool */
} jx__xcell;

typedef struct {
	jx__xlsx_book *book; /* a reference */
	char part[128];
	jx__zip_file *file;
	struct _xmlParserCtxt *ctxt;
	const unsigned char *name[JX__XCELLS_NAMES]; /* element and attribute names, interned */
	/* the cells parsed, cells[first..ncells) not yet taken, texts NUL-terminated in pool */
	jx__xcell *cells;
	size_t first, ncells, cells_cap;
	jx__buf pool;
	int *merges; /* r0, c0, r1, c1 of each <mergeCell> */
	size_t nmerges, merges_cap;
	int dim_cols;    /* <dimension ref="A1:M99">: 13; 0 when absent */
	size_t formulas; /* formulas without a cached value */
	char formula_at[32];
	int ended, rc; /* the part was read to its end; the first error */
	int stopped;   /* the parser was told to stop */
	/* the cell being parsed */
	int row, col, depth, skip_depth, in_cell;
	char in; /* 'v', 'f', 't' or 0: where text goes */
	char type[16];
	long style; /* s="N", -1 when absent */
	int has_v, has_f, kind;
	jx__buf value, formula, text, shown;
	char message[256];
} jx__xcells;

/** Start parsing part of b (a reference to b is kept). Close with jx__xcells_close. */
int jx__xcells_open(jx__xcells *p, jx__xlsx_book *b, const char *part);
/** Parse one more piece, queueing its cells: 1, 0 once the part is read, or an error. */
int jx__xcells_feed(jx__xcells *p);
/** Forget the first n cells not taken yet (cells[first..first+n)). */
void jx__xcells_drop(jx__xcells *p, size_t n);
void jx__xcells_close(jx__xcells *p);

/** A sheet part inflating to more than this is streamed (tests lower it). */
extern size_t jx__xlsx_stream_bytes;
/** Read the worksheet in part as a table of doc named sheet (a note when it is empty). */
int jx__xlsx_sheet(jx_doc *doc, jx__xlsx_book *b, const char *sheet, const char *part);

/* doc.c */
/** Spreadsheet column letters: 1 -> A, 26 -> Z, 27 -> AA. */
void jx__doc_column_letters(char *buf, size_t size, int col);

/* ==== the document recogniser (recognise*.c, header.c, synonyms.c, cells.c): any
 * jx_doc into evaluations. See docs/formats.md, "Documents". ==== */

/** What a table column holds, from its header (synonyms.c). */
typedef enum {
	JX__ROLE_NONE = 0,
	JX__ROLE_SEQ,         /* 序号 */
	JX__ROLE_LEVEL1,      /* 一级指标 */
	JX__ROLE_LEVEL2,      /* 二级指标 */
	JX__ROLE_LEVEL3,      /* 三级指标 */
	JX__ROLE_INDICATOR,   /* a single 指标 / 指标名称 column */
	JX__ROLE_EXPLANATION, /* 指标解释 */
	JX__ROLE_RULE,        /* 评分标准 */
	JX__ROLE_WEIGHT,      /* 权重 / 分值 */
	JX__ROLE_SCORE,       /* 得分 / 自评得分: the self-evaluation */
	JX__ROLE_REVIEW,      /* 复核得分: the finance bureau's review */
	JX__ROLE_REASON,      /* 扣分原因 */
	JX__ROLE_TARGET,      /* 年度指标值 */
	JX__ROLE_ACTUAL,      /* 实际完成值 */
	JX__ROLE_UNIT,        /* 度量单位 */
	JX__ROLE_NATURE,      /* 指标性质 */
	JX__ROLE_NOTE,        /* 备注 */
	JX__ROLE_DEPARTMENT,  /* 部门: a register of many departments' rows */
	JX__ROLE_YEAR,        /* 年度 */
	JX__ROLE_KIND,        /* 类型: 自评 / 复核 */
	JX__ROLE_COUNT
} jx__role;

/** The role a normalised header text (jx_name_normalize) names exactly, or JX__ROLE_NONE. */
jx__role jx__col_lookup(const char *norm);
/** The usual header of a role ("三级指标"), for --dry-run. Borrowed. */
const char *jx__col_label(jx__role role);

/** A table's indicator header (header.c). */
typedef struct {
	size_t row, nrows;       /* the header's first grid row (0-based) and its height (1-2) */
	size_t ncols;            /* the table's width */
	jx__role *roles;         /* per column (owned) */
	int col[JX__ROLE_COUNT]; /* first column of each role, -1 when none */
} jx__header;

/** Look for an indicator header among t's first rows: 1 found (h filled; free with
 *  jx__header_clear), 0 not, or JX_ENOMEM. */
int jx__header_find(jx__header *h, const jx_doc_table *t);
/** 1 when row r of t repeats the header (a page break in Word or a sheet). */
int jx__header_repeats(const jx__header *h, const jx_doc_table *t, size_t r);
void jx__header_clear(jx__header *h);

/** What a weight or score cell holds (cells.c). */
enum {
	JX__NUM_EMPTY,  /* nothing */
	JX__NUM_OK,     /* a number >= 0: "2", "2分", "２", "95%" */
	JX__NUM_NEG,    /* a negative number */
	JX__NUM_DASH,   /* "/", "—", "-", "无", "N/A": not assessed / left blank on purpose */
	JX__NUM_TEXT,   /* words */
	JX__NUM_BAD,    /* looks like a number but is not: "2x", "2..5" */
	JX__NUM_FORMULA /* "=SUM(E2:E9)": a spreadsheet formula without its computed value */
};
/** Kind of a cell as a number; *v set for JX__NUM_OK and JX__NUM_NEG. */
int jx__cell_number(const char *text, double *v);
/** A name from a cell: its lines joined (no space between CJK characters, one
 *  between ASCII words), spaces between CJK characters and control characters
 *  removed. NULL on ENOMEM. */
char *jx__cell_name(const char *text);
/** A category label with its weight: "投 入 (15分)", "产出指标（50分）", "产出指标(50)"
 *  -> name and weight (NaN when none). 0 or JX_ENOMEM. */
int jx__cell_label(char **name, double *weight, const char *text);

/* ---- the recogniser's state, shared by recognise.c, recognise_meta.c,
 * recognise_table.c and recognise_trace.c ---- */

/** Where one of the recogniser's numbered lines is: a paragraph or a table cell. */
typedef struct {
	const jx_doc_table *table; /* NULL: a paragraph */
	jx_doc_origin origin;
} jx__rc_place;

/** The kinds a table can give: 0 self (得分), 1 review (复核得分). */
#define JX__RC_KINDS 2

/** What a 项目支出绩效自评表 says besides its indicator rows (recognise_project.c). */
typedef struct {
	int is_project; /* a 项目名称 names the project: the rows are a project evaluation */
	char *name, *supervisor, *implementer, *goal, *outcome;
	int name_at, supervisor_at, implementer_at; /* numbered lines, 0 when from a paragraph */
	int has_fund;                               /* the fund block's header row was found */
	int wan;                                    /* its amounts are in 万元 (else 元) */
	int64_t money[4][3]; /* [总额, 当年财政拨款, 上年结转, 其他][年初, 全年预算, 执行]
					  in cents of 元; -1 when not stated */
	int64_t rate; /* 执行率 in hundredths of a percent; -1 when not stated */
	int rate_at;
	double fund_weight, fund_score; /* 分值, 得分 of 年度资金总额; weight NaN: no fund row */
	int fund_at;
	const jx_doc_table *fund_table; /* the 年度资金总额 row's table and place, for the trace */
	jx_doc_origin fund_origin;
} jx__rc_project;

typedef struct {
	const jx_doc *doc;
	const jx_read_options *opts;
	/* lines numbered 1..nplaces: the document's paragraphs (also held as lines of
	 * rp[0], for the title and the prose readers), then table rows */
	jx__rc_place *places;
	size_t nplaces, places_cap;
	jx__rp_places where; /* places as jx__rp_places says them */
	/* rp[k]: evaluation of kind k with its groups and totals (rp[0] also holds the
	 * paragraphs); rp[k].ev NULL when the table has no such column */
	jx__rp_doc rp[JX__RC_KINDS];
	int has_kind[JX__RC_KINDS];
	jx_kind kind_of[JX__RC_KINDS]; /* the kind each column gives (--kind may relabel) */
	int reg;                       /* a register: department/year/kind columns */
	const jx_read_sink *sink;      /* where evaluations go; NULL: into batch */
	jx_batch *batch;
	/* department and year as the document states them, and where */
	char *dept;
	int dept_at, year, year_at;
	jx_provenance prov;
	/* the evaluation table (its streamed rows, if any, go through stream_row) */
	jx_doc_table *table;
	jx_doc_table *stream_row;
	size_t table_block;
	jx__header head;
	jx__buf trace; /* the description for --dry-run (opts->describe) */
	jx__rc_project proj;
	char **owned; /* texts of the lines made from table rows */
	size_t nowned, owned_cap;
} jx__rc;

/** A new numbered line at a place; its number (> 0), or JX_ENOMEM. */
int jx__rc_line(jx__rc *rc, const jx_doc_table *t, jx_doc_origin origin);
/** Write a place for messages: bare "40" or "表 2 第 14 行 第 5 列" (for "name:PLACE:"),
 *  or "line 40" inside a sentence. */
void jx__rc_place_text(const jx__rc *rc, const jx_doc_table *t, jx_doc_origin o, int bare,
		       char *buf, size_t size);
/** Raise JX_EPARSE "name:PLACE: message" at a cell of t (NULL: a paragraph). */
int jx__rc_fail(const jx__rc *rc, const jx_doc_table *t, jx_doc_origin o, const char *fmt, ...)
	JX__PRINTF(4, 5);
/** Append to the --dry-run description (when asked for), printf-style. */
void jx__rc_trace(jx__rc *rc, const char *fmt, ...) JX__PRINTF(2, 3);

/* recognise.c */
/** New evaluations (one per kind the table gives) for rc->dept, rc->year. */
int jx__rc_begin(jx__rc *rc);
/** Reconcile the current evaluations and hand them on (to the sink or the batch),
 *  with the figures; the description so far goes with the first. */
int jx__rc_flush(jx__rc *rc);

/* recognise_meta.c */
/** '#' comments, the title, 单位/部门 and 年度 lines and cells: rc->dept, rc->year, rc->prov. */
int jx__rc_read_meta(jx__rc *rc);
/** Apply --dept/--year/--relabel to what the document states; the error says what was
 *  looked for when neither gives one. */
int jx__rc_settle_meta(jx__rc *rc);
/* recognise_project.c */
/** 项目名称, 主管部门, 实施单位, the fund block and 年度总体目标 into rc->proj; for a project
 *  table rc->dept becomes its 实施单位 (else 主管部门). 0 or an error. */
int jx__rc_read_project(jx__rc *rc);
/** The fund row, the project's texts and its figures onto the records made by
 *  make_records (rp[k].ev, rp[0].figs). 0 or an error. */
int jx__rc_project_records(jx__rc *rc);
/** 1 when blocks first..last of doc name a project (a 项目名称 cell, or a "项目名称：…"
 *  paragraph), 0 not, JX_ENOMEM. */
int jx__rc_names_project(const jx_doc *doc, size_t first, size_t last);
/** What rc->proj holds, said in the --dry-run description. */
void jx__rc_trace_project(jx__rc *rc);
void jx__rc_project_clear(jx__rc_project *p);

/** jx__doc_read_sink of a document with (at most) one evaluation table: the first
 *  one (recognise.c); jx__doc_read_sink (recognise_parts.c) cuts a document of
 *  several project tables into such documents. */
int jx__rc_read_one(const jx_doc *doc, const jx_read_options *opts, const jx_read_sink *sink,
		    jx_batch *batch);

/* recognise_table.c */
/** Read the evaluation table rc->table (header rc->head) into rc->rp[k].ev. */
int jx__rc_read_table(jx__rc *rc);

/* recognise_trace.c */
/** The table's header and column roles into the description. */
void jx__rc_trace_header(jx__rc *rc, const jx_doc_table *t, const jx__header *h);

/* paste.c: tables pasted as text */
/** Nonzero when decoded text is a pasted table (`|` rows, or mostly rows of tab- or
 *  space-separated cells) rather than report prose. */
int jx__paste_detect(const char *text, size_t len);
/** Decoded text as a document: rows of cells into tables, other lines paragraphs. */
int jx__paste_read(jx_doc **out, const char *name, const char *text, size_t len);

/* ==== legacy binary formats: compound files (cfb.c), .xls (xls.c), LibreOffice (convert.c) */

/** What an OLE compound file's root storage holds. */
typedef enum {
	JX__CFB_NONE = 0,  /**< not a compound file */
	JX__CFB_WORD,      /**< a WordDocument stream: .doc, WPS .wps */
	JX__CFB_EXCEL,     /**< a Workbook (or Excel 5 Book) stream: .xls, WPS .et */
	JX__CFB_ENCRYPTED, /**< an EncryptedPackage: a password-protected .docx/.xlsx */
	JX__CFB_OTHER,     /**< none of these streams (PowerPoint, ...) */
	JX__CFB_DAMAGED    /**< a directory that cannot be read */
} jx__cfb_kind;

/** 1 when data starts with the compound-file signature (and holds a header). */
int jx__cfb_is(const char *data, size_t len);
/** What the compound file in data holds (bounds-checked; never fails). */
jx__cfb_kind jx__cfb_sniff(const char *data, size_t len);

/* xls.c, xls_records.c: FreeXL runs in a child that sends what it read as records */
/* The largest grid the .xls and pasted-table readers make (65536 rows × 32 columns):
 * the grid is dense, so one value at IV65536 would otherwise cost 16 M slots. */
#define JX__GRID_MAX_CELLS ((size_t)2 << 20)
enum {
	JX__XLS_SHEET = 'S',    /* nrows ncols name */
	JX__XLS_CELL = 'C',     /* row col text (0-based, in the last sheet) */
	JX__XLS_FAILED = 'X',   /* FreeXL's error code */
	JX__XLS_PASSWORD = 'P', /* a password-protected workbook */
	JX__XLS_DONE = 'D'      /* everything was sent */
};
/** The child's buffered writer of records. */
typedef struct {
	int fd, failed;
	size_t len;
	char buf[65536];
} jx__xls_out;
void jx__xls_out_init(jx__xls_out *w, int fd);
/** Append a record (text may be NULL); write errors set w->failed. */
void jx__xls_put(jx__xls_out *w, int type, uint32_t a, uint32_t b, const char *text);
/** Write out what is buffered. 0, or -1 when a write failed. */
int jx__xls_out_flush(jx__xls_out *w);
/** The records (untrusted: every index, length and text checked) as a JX_DOC_XLS document. */
int jx__xls_records_read(jx_doc **out, const char *name, const char *rec, size_t len);
/** JX_EPARSE "name: ..." saying what FreeXL's error code means for people. */
int jx__xls_failed(const char *name, int code);

/**
 * Convert a legacy Word/WPS document (excel 0: to .docx) or Excel/WPS workbook
 * (excel 1: to .xlsx) with LibreOffice in a private temporary directory, with
 * a time limit (JIXIAO_CONVERT_TIMEOUT seconds, default 120). *out (malloc'd,
 * *outlen bytes) is the converted file. JX_ENOTFOUND when soffice is not on
 * PATH, with a message saying how to convert the file by hand; JX_EIO when
 * the conversion fails or times out (LibreOffice's last line in the message).
 */
int jx__soffice_convert(char **out, size_t *outlen, const char *name, const char *data, size_t len,
			int excel);

#endif
