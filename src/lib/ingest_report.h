/* ingest_report.h -- what the files of the report-text reader share (not public).
 *
 * The reader is split by concern: ingest_report.c (lines, title, the entry
 * point), ingest_report_text.c (figures and free-text sections read from the
 * prose), ingest_report_cells.c (table lines as cells), ingest_report_table.c
 * (the indicator table), ingest_report_check.c
 * (reconciling the table with 合计, the level-1 weights and the text).
 */
#ifndef JX_INGEST_REPORT_H
#define JX_INGEST_REPORT_H

#include <stddef.h>
#include "internal.h"

/** One line of the report. */
typedef struct {
	const char *text; /* original bytes, not NUL-terminated, no line end */
	size_t len;
	char *fold;       /* NUL-terminated copy: full-width ASCII, U+3000, NBSP folded */
	int no;           /* 1-based line number */
	int heading;      /* 0, or 1 "一、" 2 "（一）" 3 "1、" 4 "（1）" */
	int comment;      /* a '#' line before the title */
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
	const char *name;          /* file name for messages */
	jx__rp_line *lines;
	size_t nlines;
	size_t title;              /* index of the title line, nlines when none */
	size_t table_first;        /* index of the header line, nlines when no table */
	size_t table_last;         /* index of the last line that belongs to the table */
	size_t caption;            /* index of the table's caption line, nlines when none */
	int total_line;            /* line of the 合计 row, 0 when none */
	int last_row_line;         /* line of the last indicator row */
	int self_score_line;       /* line of 自评价综合得分, 0 when none */
	jx__rp_group *groups;
	size_t ngroups, groups_cap;
	jx_evaluation *ev;
	jx_figures *figs;
} jx__rp_doc;

/* ingest_report.c */
/** Decode one UTF-8 code point at s (len bytes left); bytes used (1 for a bad byte). */
size_t jx__rp_next(const char *s, size_t len, unsigned *cp);
/** Number of code points in a NUL-terminated string. */
size_t jx__rp_width(const char *s);
/** 1 when line i is prose: not a comment, not the title, not in the table. */
int jx__rp_is_prose(const jx__rp_doc *d, size_t i);
/** Raise JX_EPARSE with "name:line: message". */
int jx__rp_fail(const jx__rp_doc *d, int line, const char *fmt, ...) JX__PRINTF(3, 4);

/* ingest_report_cells.c */
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

/* ingest_report_table.c */
/** Find the header, read the rows into d->ev; sets the table_* fields. */
int jx__rp_read_table(jx__rp_doc *d);

/* ingest_report_check.c */
/** Infer a lone missing score, check weights and totals; warnings on d->ev. */
int jx__rp_reconcile(jx__rp_doc *d);

/* ingest_report_text.c */
/** Figures, staffing and the self-score from the prose into d->figs / d->ev. */
int jx__rp_read_figures(jx__rp_doc *d);
/** 存在问题及原因分析, 有关建议, 评价结论 into d->ev. */
int jx__rp_read_sections(jx__rp_doc *d);

#endif
