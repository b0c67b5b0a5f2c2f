/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model.h -- the in-memory data model: evaluations, indicator rows, figures.
 *
 * An evaluation is one department's assessment of one year, of one kind
 * (the department's own self-evaluation, or the finance bureau's review).
 * It owns its indicator rows, its text sections and its import warnings.
 * Figures (budget, final accounts, staffing) belong to a department and a
 * year, not to a kind, so they travel in their own jx_figures record.
 * A jx_batch is what one input file yields.
 */
#ifndef JIXIAO_MODEL_H
#define JIXIAO_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { JX_KIND_SELF = 0, JX_KIND_REVIEW = 1 } jx_kind;

/** How a score was obtained. */
typedef enum {
	JX_ORIGIN_STATED = 0,   /**< printed in the source */
	JX_ORIGIN_INFERRED = 1, /**< derived from 合计 or a level-1 subtotal */
	JX_ORIGIN_MISSING = 2   /**< not known; the score is NaN */
} jx_origin;

typedef enum {
	JX_PROV_REAL = 0,     /**< transcribed from a published report */
	JX_PROV_SYNTHETIC = 1 /**< made by jixiao-synth; fictional */
} jx_provenance;

/** One level-3 row of an indicator table. */
typedef struct {
	char *level1;         /**< category name, weight suffix removed */
	double level1_weight; /**< declared in "部门决策 (20分)", NaN if not */
	char *level2;
	char *level3;
	char *explanation; /**< scoring rule / 指标解释; "" when absent */
	char *key;         /**< canonical key (see jx_key_make) */
	double weight;
	double score; /**< NaN when origin is JX_ORIGIN_MISSING */
	jx_origin origin;
	int line; /**< line in the source file, 0 if unknown */
} jx_indicator;

/** One rename from an alias file: old key (or name) onto new, at a line of the file. */
typedef struct {
	char *old_key, *new_key;
	int line;
} jx_alias_pair;
/** Free an array of pairs. NULL-safe. */
void jx_alias_pairs_free(jx_alias_pair *v, size_t n);

/** The years an evaluation may have (the store refuses others). */
#define JX_YEAR_MIN 1900
#define JX_YEAR_MAX 2100

/** One import warning ("line 47: score of ... inferred as 2"). */
typedef struct {
	int line;
	char *message;
} jx_warning;

typedef struct {
	char *department;
	int year;
	jx_kind kind;
	double total_weight; /**< declared total (合计 weight); NaN = not declared (100 expected) */
	double total_score; /**< declared 合计 score; NaN = not declared */
	double self_score; /**< self-score stated in the text (自评价综合得分); NaN if none */
	jx_provenance provenance;
	char *problems;    /**< 存在问题及原因分析, or NULL */
	char *suggestions; /**< 有关建议, or NULL */
	char *conclusion;  /**< 评价结论, or NULL */
	jx_indicator *rows;
	size_t nrows, rows_cap;
	jx_warning *warnings;
	size_t nwarnings, warnings_cap;
	int line; /**< first source line of the evaluation */
	/** How a document reader read the file (column roles, rows and their places,
	 *  skipped rows, notes), several lines of text for `import --dry-run`; NULL
	 *  unless asked for (jx_read_options.describe). Not stored. */
	char *reading;
} jx_evaluation;

/** One figure: an amount in 万元 or a count, kept as hundredths (exact). */
typedef struct {
	char *item;    /**< one of jx_figure_items() */
	int64_t cents; /**< value × 100 */
	int line;
} jx_figure;

/** The figures of one department and year. */
typedef struct {
	char *department;
	int year;
	jx_provenance provenance;
	jx_figure *items;
	size_t nitems, items_cap;
	int line;
} jx_figures;

/** Everything read from one input file. */
typedef struct {
	char *source_name;      /**< file name as given */
	char source_sha256[65]; /**< hex digest of the file's bytes */
	jx_evaluation **evals;
	size_t nevals, evals_cap;
	jx_figures **figs;
	size_t nfigs, figs_cap;
} jx_batch;

/* ---- construction; every _new has a _free that accepts NULL ---- */

/** New empty evaluation, kind self, provenance real, totals NaN. NULL on ENOMEM. */
jx_evaluation *jx_evaluation_new(const char *department, int year, jx_kind kind);
void jx_evaluation_free(jx_evaluation *ev);

/**
 * Append a row (strings copied; key computed from the path). Returns the
 * row, borrowed from ev, or NULL on ENOMEM.
 */
jx_indicator *jx_evaluation_add_row(jx_evaluation *ev, const char *level1, const char *level2,
				    const char *level3, const char *explanation, double weight,
				    double score, jx_origin origin, int line);

/** Append a warning, printf-style. Returns 0 or JX_ENOMEM. */
int jx_evaluation_warn(jx_evaluation *ev, int line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/** Sum of row weights / of known scores (missing ones skipped). */
double jx_evaluation_weight_sum(const jx_evaluation *ev);
double jx_evaluation_score_sum(const jx_evaluation *ev);

jx_figures *jx_figures_new(const char *department, int year);
void jx_figures_free(jx_figures *f);
/** Set (or replace) an item. Returns 0, JX_EINVAL for an unknown item, JX_ENOMEM. */
int jx_figures_set(jx_figures *f, const char *item, int64_t cents, int line);
/** Look an item up; returns 1 and fills *cents when present, else 0. */
int jx_figures_get(const jx_figures *f, const char *item, int64_t *cents);

/** NULL-terminated list of known figure items, in canonical order. Borrowed. */
const char *const *jx_figure_items(void);
/** The unit of an item: "万元", "人", "辆" or "分". Borrowed; NULL if unknown. */
const char *jx_figure_unit(const char *item);
/** Chinese label of a figure item ("budget_total" -> "部门预算数"); the item itself when unknown. Borrowed. */
const char *jx_figure_label(const char *item);

jx_batch *jx_batch_new(const char *source_name);
void jx_batch_free(jx_batch *b);
/** Take ownership of ev / f. Return 0 or JX_ENOMEM (then the caller still owns it). */
int jx_batch_add_evaluation(jx_batch *b, jx_evaluation *ev);
int jx_batch_add_figures(jx_batch *b, jx_figures *f);

/* ---- names ---- */
const char *jx_kind_name(jx_kind k);            /**< "self" / "review" */
int jx_kind_parse(const char *s, jx_kind *out); /**< 0 or JX_EINVAL */
const char *jx_origin_name(jx_origin o);        /**< "stated" / "inferred" / "missing" */
int jx_origin_parse(const char *s, jx_origin *out);
const char *jx_provenance_name(jx_provenance p); /**< "real" / "synthetic" */
/** Labels for people, in lang: "自评" / "self-evaluation", "财政复核" / "finance-bureau review". Borrowed. */
const char *jx_kind_label(jx_kind k, jx_lang lang);
/** "真实" / "real", "合成" / "synthetic". Borrowed. */
const char *jx_provenance_label(jx_provenance p, jx_lang lang);
int jx_provenance_parse(const char *s, jx_provenance *out);

#ifdef __cplusplus
}
#endif
#endif
