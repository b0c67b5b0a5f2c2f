/* SPDX-License-Identifier: GPL-3.0-or-later */
/* workbook.c -- jixiao's own workbook (`export --format xlsx`) read back exactly.
 *
 * The recogniser reads any score sheet as people lay it out; the workbook
 * jixiao writes is read as what it is instead: its scores sheet is the
 * canonical CSV with Chinese headers (csv_names.c), so its rows go through
 * the canonical CSV reader, one sheet row per CSV line -- those of its
 * continuation sheets (scores_2, scores_3, ...) after them; its evaluations
 * sheet then gives each evaluation what it holds besides its rows (declared
 * totals, self-score, text sections). The evaluations stored are those the
 * workbook was made from: same content hash, so a re-import is a no-op.
 *
 * A workbook is taken for jixiao's own when it has both sheets with their
 * headers as exported; anything else (a sheet edited beyond recognition, a
 * copy in another layout) is left to the recogniser.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

/* Leading headers of the two sheets, as export/xlsx.c writes them. */
static const char *const scores_head[] = {"部门",     "年度",     "类型",
					  "一级指标", "二级指标", "三级指标"};
static const char *const evals_head[] = {"部门",
					 "年度",
					 "类型",
					 "数据性质",
					 "合计分值（原文）",
					 "合计得分（原文）",
					 "自评得分（原文）",
					 "存在问题及原因分析",
					 "有关建议",
					 "评价结论"};
enum {
	E_DEPT,
	E_YEAR,
	E_KIND,
	E_PROV,
	E_TOTAL_WEIGHT,
	E_TOTAL_SCORE,
	E_SELF,
	E_PROBLEMS,
	E_SUGGESTIONS,
	E_CONCLUSION,
	E_FUNCTIONS, /* optional: workbooks before schema 9 end with 评价结论 */
	E_STAFFING,
	E_COUNT
};

/* The warning the CSV reader gives for the workbook's own derived columns. */
#define DERIVED_NOTE "columns not known to jixiao were ignored: '得分率', '扣分'"

#define NHEAD(a) (sizeof(a) / sizeof(*(a)))

static const char *text_at(const jx_doc_table *t, size_t r, size_t c)
{
	const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
	return s && s->text ? s->text : "";
}

/* The sheet called name, or NULL. */
static jx_doc_table *named(const jx_doc *doc, const char *name)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		jx_doc_table *t = doc->blocks[i].table;
		if (doc->blocks[i].kind == JX_BLOCK_TABLE && t->sheet && !strcmp(t->sheet, name))
			return t;
	}
	return NULL;
}

/* The sheet called name when its first row starts with head, or NULL. */
static jx_doc_table *sheet(const jx_doc *doc, const char *name, const char *const *head,
			   size_t nhead)
{
	jx_doc_table *t = named(doc, name);
	size_t c = 0;
	if (!t || t->nrows < 1 || t->ncols < nhead)
		return NULL;
	while (c < nhead && !strcmp(text_at(t, 0, c), head[c]))
		c++;
	return c == nhead ? t : NULL;
}

int jx__workbook_is_own(const jx_doc *doc)
{
	return doc->format == JX_DOC_XLSX &&
	       sheet(doc, "scores", scores_head, NHEAD(scores_head)) &&
	       sheet(doc, "evaluations", evals_head, NHEAD(evals_head));
}

/* ---- the scores sheet as CSV ---- */

static void csv_row(jx__buf *b, const jx_doc_table *t, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = text_at(t, r, c);
		if (c)
			jx__buf_put(b, ",", 1);
		jx__buf_put(b, "\"", 1);
		for (const char *q; (q = strchr(s, '"')); s = q + 1) {
			jx__buf_put(b, s, (size_t)(q - s) + 1);
			jx__buf_put(b, "\"", 1);
		}
		jx__buf_puts(b, s);
		jx__buf_put(b, "\"", 1);
	}
	jx__buf_put(b, "\n", 1);
}

/* Where each sheet of scores starts in the CSV text: continuation sheet part (2, 3, ...)
 * starts at CSV line first[part] (its row 2; scores itself is lines 1, 2, ... as its rows). */
typedef struct {
	size_t lines;                          /* CSV lines so far */
	size_t first[JX__XLSX_MAX_SHEETS + 1]; /* by part; 0: no such part */
	unsigned parts;
} scores_lines;

/* Every row of t from row from on, the streamed ones after the grid's (a very large sheet). */
static int sheet_csv(jx__buf *b, size_t *lines, jx_doc_table *t, size_t from)
{
	jx_doc_table *row = NULL;
	int rc = 0;
	for (size_t r = from; r < t->nrows; r++, ++*lines)
		csv_row(b, t, r);
	if (t->more) {
		if (!(row = jx_doc_table_new(1, t->ncols)))
			return jx__oom();
		for (;;) {
			jx_doc_table_clear(row);
			if ((rc = t->more->next(t->more, row)) != 1)
				break;
			csv_row(b, row, 0);
			++*lines;
		}
		jx_doc_table_free(row);
	}
	return rc < 0 ? rc : b->failed ? jx__oom() : 0;
}

/* The same header row: each column's text (a missing column reads as empty). */
static int same_header(const jx_doc_table *a, const jx_doc_table *b)
{
	size_t n = a->ncols > b->ncols ? a->ncols : b->ncols;
	if (a->nrows < 1 || b->nrows < 1)
		return 0;
	for (size_t c = 0; c < n; c++)
		if (strcmp(text_at(a, 0, c), text_at(b, 0, c)))
			return 0;
	return 1;
}

/* The scores sheet and its continuation sheets, scores_2, scores_3, ...: the export
 * (export/xlsx_sheet.c) goes on in one when a sheet reaches Excel's 1,048,576 rows, with
 * the header again. They are read as one CSV text: the header once, then every sheet's
 * rows in order, so an evaluation cut between two sheets is whole again. */
/* Continuation sheet part (2, 3, ...) of first, the sheet called base, into *out: 1, 0
 * when there is none (*out NULL), or an error when its header is not first's. */
static int continuation(jx_doc_table **out, const jx_doc *doc, const char *base, unsigned part,
			const jx_doc_table *first)
{
	char title[64];
	snprintf(title, sizeof(title), "%s_%u", base, part);
	if (part > JX__XLSX_MAX_SHEETS || !(*out = named(doc, title)))
		return 0;
	if (!same_header(first, *out))
		return jx__error(JX_EPARSE, "%s!%s:1: %s", doc->name, title,
				 _("a continuation sheet whose header differs from its first "
				   "sheet's"));
	return 1;
}

static int scores_csv(jx__buf *b, scores_lines *at, const jx_doc *doc, jx_doc_table *scores)
{
	jx_doc_table *t;
	int rc = sheet_csv(b, &at->lines, scores, 0);
	for (unsigned part = 2; rc == 0; part++) {
		if ((rc = continuation(&t, doc, "scores", part, scores)) != 1)
			break;
		at->first[part] = at->lines + 1;
		at->parts = part;
		rc = sheet_csv(b, &at->lines, t, 1);
	}
	return rc;
}

/* The CSV reader's "FILE!scores:LINE: what" names a row of a continuation sheet as
 * "FILE!scores_N:ROW: what": its place in the workbook. */
static int sheet_place(int rc, const char *name, const scores_lines *at)
{
	const char *msg = jx_error_last();
	size_t n = strlen(name), line;
	unsigned part = at->parts;
	char *copy, *end;
	if (!at->parts || strncmp(msg, name, n) || msg[n] != ':')
		return rc;
	line = strtoul(msg + n + 1, &end, 10);
	while (part >= 2 && line < at->first[part])
		part--;
	if (part < 2 || *end != ':' || !(copy = jx__strdup(end)))
		return rc;
	rc = jx__error(rc, "%.*s_%u:%zu%s", (int)n, name, part, line - at->first[part] + 2, copy);
	free(copy);
	return rc;
}

/* ---- the evaluations sheet onto the evaluations read ---- */

/* "FILE!evaluations:ROW: what 'text'", ROW the sheet's (a streamed row's too). */
static int eval_fail(const char *name, const jx_doc_table *t, size_t r, const char *what,
		     const char *text)
{
	const jx_doc_cell *c = jx_doc_table_slot(t, r, 0);
	return jx__error(JX_EPARSE, "%s!%s:%d: %s '%s'", name, t->sheet,
			 c && c->origin.row ? c->origin.row : (int)r + 1, what, text);
}

static jx_evaluation *find(jx_batch *b, const char *dept, int year, jx_kind kind)
{
	for (size_t i = 0; i < b->nevals; i++) {
		jx_evaluation *ev = b->evals[i];
		if (!ev->project && ev->year == year && ev->kind == kind &&
		    !strcmp(ev->department, dept))
			return ev;
	}
	return NULL;
}

/* The kind as the workbook writes it: in Chinese or English (the workbook's language,
 * export --lang), or the code. */
static int kind_of(const char *s, jx_kind *k)
{
	static const char *const zh[] = {"自评", "财政复核"};
	static const char *const en[] = {"self-evaluation", "finance-bureau review"};
	for (int i = JX_KIND_SELF; i <= JX_KIND_REVIEW; i++)
		if (!strcmp(s, zh[i]) || !strcmp(s, en[i]) ||
		    !strcmp(s, jx_kind_name((jx_kind)i))) {
			*k = (jx_kind)i;
			return 0;
		}
	return -1;
}

/* A declared number: NaN when the cell is empty. */
static int number(const char *name, const jx_doc_table *t, size_t r, int c, double *out)
{
	const char *s = text_at(t, r, (size_t)c);
	*out = NAN;
	if (*s && (jx_number_parse(s, out) != 0 || !(*out >= 0)))
		return eval_fail(name, t, r, "not a number:", s);
	return 0;
}

static int text(char **out, const jx_doc_table *t, size_t r, int c)
{
	const char *s = text_at(t, r, (size_t)c);
	free(*out);
	*out = NULL;
	return *s && !(*out = jx__strdup(s)) ? jx__oom() : 0;
}

/* How many of the optional text columns (部门主要职能, 人员情况) the header row of t has. */
static int optional_texts(const jx_doc_table *t)
{
	if (strcmp(text_at(t, 0, E_FUNCTIONS), "部门主要职能") != 0)
		return 0;
	return !strcmp(text_at(t, 0, E_STAFFING), "人员情况") ? 2 : 1;
}

static int evaluation_row(jx_batch *b, const char *name, const jx_doc_table *t, size_t r, int texts)
{
	const char *dept = text_at(t, r, E_DEPT), *ys = text_at(t, r, E_YEAR);
	char *end;
	long year = strtol(ys, &end, 10);
	jx_evaluation *ev;
	jx_kind kind;
	int rc;
	if (!*dept && !*ys)
		return 0;
	if (!*ys || *end || year < 1900 || year > 2100)
		return eval_fail(name, t, r, "year is not a year:", ys);
	if (kind_of(text_at(t, r, E_KIND), &kind) != 0)
		return eval_fail(name, t, r, "kind must be 自评 or 复核, not",
				 text_at(t, r, E_KIND));
	if (!(ev = find(b, dept, (int)year, kind)))
		return eval_fail(name, t, r, "no rows on the scores sheet for", dept);
	if ((rc = number(name, t, r, E_TOTAL_WEIGHT, &ev->total_weight)) ||
	    (rc = number(name, t, r, E_TOTAL_SCORE, &ev->total_score)) ||
	    (rc = number(name, t, r, E_SELF, &ev->self_score)) ||
	    (rc = text(&ev->problems, t, r, E_PROBLEMS)) ||
	    (rc = text(&ev->suggestions, t, r, E_SUGGESTIONS)) ||
	    (rc = text(&ev->conclusion, t, r, E_CONCLUSION)))
		return rc;
	if (texts >= 1 && (rc = text(&ev->functions, t, r, E_FUNCTIONS)) != 0)
		return rc;
	return texts >= 2 ? text(&ev->staffing, t, r, E_STAFFING) : 0;
}

/* Every row of an evaluations sheet after its header, the streamed ones after the grid's. */
static int evaluation_rows(jx_batch *b, const char *name, jx_doc_table *t)
{
	jx_doc_table *row;
	int rc = 0, texts = optional_texts(t);
	for (size_t r = 1; r < t->nrows && rc == 0; r++)
		rc = evaluation_row(b, name, t, r, texts);
	if (rc || !t->more)
		return rc;
	if (!(row = jx_doc_table_new(1, t->ncols)) || !(row->sheet = jx__strdup(t->sheet))) {
		jx_doc_table_free(row);
		return jx__oom();
	}
	for (;;) {
		jx_doc_table_clear(row);
		if ((rc = t->more->next(t->more, row)) != 1 ||
		    (rc = evaluation_row(b, name, row, 0, texts)) != 0)
			break;
	}
	jx_doc_table_free(row);
	return rc;
}

/* The CSV reader's warning about the derived 得分率 and 扣分, which the workbook always has. */
static void drop_derived_note(jx_evaluation *ev)
{
	for (size_t i = 0; i < ev->nwarnings; i++)
		if (!strcmp(ev->warnings[i].message, DERIVED_NOTE)) {
			free(ev->warnings[i].message);
			memmove(&ev->warnings[i], &ev->warnings[i + 1],
				(ev->nwarnings - i - 1) * sizeof(*ev->warnings));
			ev->nwarnings--;
			return;
		}
}

/* ---- handing on ---- */

static int hand_on(jx_batch *from, const jx_read_sink *sink, jx_batch *to)
{
	int rc = 0;
	for (size_t i = 0; i < from->nevals && rc >= 0; i++) {
		jx_evaluation *ev = from->evals[i];
		if (!sink) {
			if ((rc = jx_batch_add_evaluation(to, ev)) == 0)
				from->evals[i] = NULL;
		} else if (sink->evaluation &&
			   (rc = sink->evaluation(sink->ctx, ev)) == JX_READ_KEEP) {
			from->evals[i] = NULL;
		}
	}
	return rc < 0 ? rc : 0;
}

int jx__workbook_read(const jx_doc *doc, const jx_read_options *opts, const jx_read_sink *sink,
		      jx_batch *batch)
{
	jx_doc_table *scores = sheet(doc, "scores", scores_head, NHEAD(scores_head));
	jx_doc_table *evals = sheet(doc, "evaluations", evals_head, NHEAD(evals_head)), *t = evals;
	char *name = jx__sprintf("%s!scores", doc->name);
	jx_batch *b = NULL;
	scores_lines at;
	jx__buf csv;
	int rc;
	memset(&at, 0, sizeof(at));
	jx__buf_init(&csv);
	if (!name || !scores || !evals) {
		rc = name ? jx__error(JX_EPARSE, _("%s: not a workbook written by jixiao"),
				      doc->name)
			  : jx__oom();
		goto out;
	}
	if ((rc = scores_csv(&csv, &at, doc, scores)) != 0)
		goto out;
	if ((rc = jx__csv_read_checked(&b, name, csv.data, csv.len, opts, 0)) != 0) {
		rc = sheet_place(rc, name, &at);
		goto out;
	}
	for (unsigned part = 2; t && rc == 0; part++) { /* evaluations, evaluations_2, ... */
		rc = evaluation_rows(b, doc->name, t);
		if (rc == 0 && (rc = continuation(&t, doc, "evaluations", part, evals)) == 1)
			rc = 0;
	}
	for (size_t i = 0; i < b->nevals && rc == 0; i++)
		drop_derived_note(b->evals[i]);
	if (rc == 0 && opts && opts->describe && b->nevals &&
	    !(b->evals[0]->reading = jx__sprintf("%s: %s\n", doc->name,
						 _("a workbook written by jixiao: its scores and "
						   "evaluations sheets read back as exported"))))
		rc = jx__oom();
	if (rc == 0)
		rc = hand_on(b, sink, batch);
out:
	jx_batch_free(b);
	jx__buf_free(&csv);
	free(name);
	return rc;
}
