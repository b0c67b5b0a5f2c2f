/* SPDX-License-Identifier: GPL-3.0-or-later */
/* model.h -- the in-memory data model: evaluations, indicator rows, figures.
 *
 * An evaluation is one department's assessment of one year, of one kind
 * (the department's own self-evaluation, or the finance bureau's review).
 * It owns its indicator rows, its text sections and its import warnings.
 * Figures (budget, final accounts, staffing) belong to a department and a
 * year, not to a kind, so they travel in their own jx_figures record.
 * A jx_batch is what one input file yields.
 *
 * An evaluation has a scope: the department as a whole (project NULL), or
 * one named budget project of the department (项目支出绩效自评表); then
 * (department, year, kind, project) identifies it, and its figures (the
 * project's fund block) are a jx_figures with the same project.
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

/** How a target bounds its indicator ("≥95%": at least). */
typedef enum {
	JX_BOUND_NONE = 0, /**< the text did not parse */
	JX_BOUND_GE,       /**< ≥, 不低于, 以上 */
	JX_BOUND_GT,       /**< >, 大于, 超过 */
	JX_BOUND_LE,       /**< ≤, 不超过, 以内, 前 (a deadline) */
	JX_BOUND_LT,       /**< <, 小于, 低于 */
	JX_BOUND_EQ        /**< =; also every parsed actual value */
} jx_bound;

/**
 * A target or actual value as parsed from its text (jx_quantity_parse):
 * "≥95%" is GE 0.95 in "%", "735人次" is 735 人次, "9月前" in 2023 is LE
 * 20230900 in "date". Dates are yyyymmdd with 00 for a month or day the
 * text does not give (the whole month or year).
 */
typedef struct {
	jx_bound bound; /**< NONE when the text did not parse */
	double value;   /**< a fraction for "%"; NaN when not parsed */
	char unit[24];  /**< "%", "date", a counting unit ("人次", "万元") or "" */
	int implied;    /**< the bound was not written (a bare target) */
} jx_quantity;

/** Whether an indicator's actual value meets its target. */
typedef enum {
	JX_DONE_NONE = 0, /**< no target and actual to compare */
	JX_DONE_MET,      /**< the actual value satisfies the target's bound */
	JX_DONE_MISSED,   /**< it falls short by the target's comparator */
	JX_DONE_UNKNOWN   /**< a value did not parse, or units differ: never "missed" */
} jx_completion;

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
	int line;     /**< line in the source file, 0 if unknown */
	char *target; /**< 年度指标值 as written; NULL when none */
	char *actual; /**< 实际完成值 as written; NULL when none */
	char *reason; /**< 偏差原因 / 扣分原因 as written; NULL when none */
	jx_quantity target_q, actual_q; /**< parsed (jx_indicator_set_target) */
	jx_completion completion;
} jx_indicator;

/** The fund row of a project evaluation (年度资金总额 分值/得分) is stored
 *  under these names, so that it is one row of the evaluation. */
#define JX_FUND_LEVEL1 "项目资金"
#define JX_FUND_LEVEL2 "年度资金总额"
#define JX_FUND_LEVEL3 "预算执行率"

/** One rename from an alias file: old key (or name) onto new, at a line of the file. */
typedef struct {
	char *old_key, *new_key;
	int line;
} jx_alias_pair;
/** Free an array of pairs. NULL-safe. */
JX_API void jx_alias_pairs_free(jx_alias_pair *v, size_t n);

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
	char *project;     /**< project name as written; NULL: the department as a whole */
	char *supervisor;  /**< 主管部门 as the table states it, or NULL */
	char *implementer; /**< 实施单位 as the table states it, or NULL */
	char *goal;        /**< 年度总体目标: 预期目标, or NULL */
	char *outcome;     /**< 年度总体目标: 实际完成情况, or NULL */
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
	/** 部门主要职能 as the report text states them, or NULL: what the department is for,
	 *  for the planning report's 基本情况. Stored, but not part of the content hash (it
	 *  describes the department, not the evaluation). */
	char *functions;
	/** The staffing sentence(s) as the report states them (实有在职人员 59 人，离退休人员
	 *  20 人 …), or NULL: staff, retired staff, auxiliary staff and vehicles, for the
	 *  planning report's 基本情况. Stored, but not part of the content hash (like
	 *  functions). The numbers themselves are figures (staff_in_post …). */
	char *staffing;
} jx_evaluation;

/** One figure: an amount in its item's unit (万元, or 元 for a project's
 *  money) or a count, kept as hundredths (exact). */
typedef struct {
	char *item;    /**< one of jx_figure_items() or jx_project_figure_items() */
	int64_t cents; /**< value × 100 */
	int line;
} jx_figure;

/** The figures of one department (or one of its projects) and year. */
typedef struct {
	char *department;
	int year;
	char *project; /**< NULL: the department's figures; else the project's fund block */
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
JX_API jx_evaluation *jx_evaluation_new(const char *department, int year, jx_kind kind);
JX_API void jx_evaluation_free(jx_evaluation *ev);

/**
 * Append a row (strings copied; key computed from the path). Returns the
 * row, borrowed from ev, or NULL on ENOMEM.
 */
JX_API jx_indicator *jx_evaluation_add_row(jx_evaluation *ev, const char *level1,
					   const char *level2, const char *level3,
					   const char *explanation, double weight, double score,
					   jx_origin origin, int line);

/** Append a warning, printf-style. Returns 0 or JX_ENOMEM. */
JX_API int jx_evaluation_warn(jx_evaluation *ev, int line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/** Sum of row weights / of known scores (missing ones skipped). */
JX_API double jx_evaluation_weight_sum(const jx_evaluation *ev);
JX_API double jx_evaluation_score_sum(const jx_evaluation *ev);

/**
 * Make ev a project evaluation of the project called name (copied as
 * written; NULL or "" makes it a department evaluation again). 0 or
 * JX_ENOMEM.
 */
JX_API int jx_evaluation_set_project(jx_evaluation *ev, const char *name);
/** Set (or clear, with NULL) one of ev's texts: *field = copy of s. 0 or JX_ENOMEM. */
JX_API int jx_evaluation_set_text(char **field, const char *s);

/**
 * Give a row its target, actual value and reason (copied; NULL or "" for
 * none), parse target and actual (jx_quantity_parse, in year, a cost
 * indicator's bare target meaning at most) and set its completion. 0 or
 * JX_ENOMEM.
 */
JX_API int jx_indicator_set_target(jx_indicator *r, int year, const char *target,
				   const char *actual, const char *reason);
/** 1 when the row is a cost indicator (成本指标 at level 1 or 2). */
JX_API int jx_indicator_is_cost(const jx_indicator *r);
/** 1 when the row is a project's fund row (JX_FUND_LEVEL1/2/3, compared normalised). */
JX_API int jx_indicator_is_fund(const jx_indicator *r);

/* ---- targets and completion (quantity.c) ---- */

/**
 * Parse a target (is_target 1) or an actual value: an optional comparator
 * (≥ ≤ > < = >= <=, 不低于 不少于 不超过 不高于 大于 小于 超过 低于, a
 * suffix 以上 以内 以下 及以上), a number (full-width digits, thousands
 * separators) and a unit ("%" makes a fraction: 95% → 0.95; 万元, 人次 ...),
 * or a date (2023年9月, 9月前, 6月30日前, 年底前, 2019年) in year when the
 * text gives none. A target without a comparator means at least, at most
 * for a cost indicator (cost 1), for a date (a deadline) and for 0
 * (事故发生率 0: "at least 0" would always hold). Returns 1 and
 * fills *out when the text parses, else 0 with out->bound NONE.
 */
JX_API int jx_quantity_parse(jx_quantity *out, const char *text, int year, int cost, int is_target);

/**
 * Completion of an actual value against a target: MET or MISSED when both
 * parsed with the same unit (a bare number on one side takes a counting
 * unit of the other, never "%" or "date"); for dates, a coarse actual
 * ("2023年") against a finer deadline is MET only when its whole period is
 * within the bound and MISSED only when all of it is past. When a side did
 * not parse: MET when the two texts are the same after normalisation
 * ("有效" / "有效"), else UNKNOWN. NONE when target_text or actual_text is
 * NULL or empty.
 */
JX_API jx_completion jx_completion_of(const jx_quantity *target, const jx_quantity *actual,
				      const char *target_text, const char *actual_text);

/** "met", "missed", "unknown" ("" for NONE). */
JX_API const char *jx_completion_name(jx_completion c);
JX_API int jx_completion_parse(const char *s, jx_completion *out);
/** In the current language (jx_i18n_set): "met" / "达成", "missed" / "未达成", "cannot tell" /
 *  "无法判断". Borrowed. */
JX_API const char *jx_completion_label(jx_completion c);
/** "ge", "gt", "le", "lt", "eq" ("" for NONE). */
JX_API const char *jx_bound_name(jx_bound b);
JX_API int jx_bound_parse(const char *s, jx_bound *out);

/* ---- projects (project.c) ---- */

/**
 * A project's name without a leading year and its spaces trimmed:
 * "2023年义务教育营养改善计划专项资金" and "2023年度 …" → "义务教育营养改善计划专项资金".
 * New string (free()), NULL on ENOMEM.
 */
JX_API char *jx_project_name_clean(const char *name);
/** The key of a project: its clean name normalised like an indicator name. NULL on ENOMEM. */
JX_API char *jx_project_key(const char *name);

JX_API jx_figures *jx_figures_new(const char *department, int year);
/** New figures of a project of department (the project's fund block). NULL on ENOMEM. */
JX_API jx_figures *jx_figures_new_project(const char *department, int year, const char *project);
JX_API void jx_figures_free(jx_figures *f);
/** Set (or replace) an item. Returns 0, JX_EINVAL for an unknown item (or a
 *  project item on a department's figures, or the reverse), JX_ENOMEM. */
JX_API int jx_figures_set(jx_figures *f, const char *item, int64_t cents, int line);
/** Look an item up; returns 1 and fills *cents when present, else 0. */
JX_API int jx_figures_get(const jx_figures *f, const char *item, int64_t *cents);

/** NULL-terminated list of known figure items, in canonical order. Borrowed. */
JX_API const char *const *jx_figure_items(void);
/** NULL-terminated list of a project's figure items (its fund block), in canonical order. */
JX_API const char *const *jx_project_figure_items(void);
/** 1 when item is one of jx_project_figure_items(). */
JX_API int jx_figure_is_project(const char *item);
/** The unit of an item: "万元", "元", "%", "人", "辆" or "分". Borrowed; NULL if unknown. */
JX_API const char *jx_figure_unit(const char *item);
/** Chinese label of a figure item ("budget_total" -> "部门预算数"); the item itself when unknown. Borrowed. */
JX_API const char *jx_figure_label(const char *item);

JX_API jx_batch *jx_batch_new(const char *source_name);
JX_API void jx_batch_free(jx_batch *b);
/** Take ownership of ev / f. Return 0 or JX_ENOMEM (then the caller still owns it). */
JX_API int jx_batch_add_evaluation(jx_batch *b, jx_evaluation *ev);
JX_API int jx_batch_add_figures(jx_batch *b, jx_figures *f);

/* ---- names ---- */
JX_API const char *jx_kind_name(jx_kind k);            /**< "self" / "review" */
JX_API int jx_kind_parse(const char *s, jx_kind *out); /**< 0 or JX_EINVAL */
JX_API const char *jx_origin_name(jx_origin o);        /**< "stated" / "inferred" / "missing" */
JX_API int jx_origin_parse(const char *s, jx_origin *out);
JX_API const char *jx_provenance_name(jx_provenance p); /**< "real" / "synthetic" */
/** Labels for people in the current language (jx_i18n_set): "self-evaluation" / "自评",
 *  "finance-bureau review" / "财政复核". Borrowed. */
JX_API const char *jx_kind_label(jx_kind k);
/** "real" / "真实", "synthetic" / "合成". Borrowed. */
JX_API const char *jx_provenance_label(jx_provenance p);
/** "stated" / "填报", "inferred" / "推算", "missing" / "缺失". Borrowed. */
JX_API const char *jx_origin_label(jx_origin o);
/** A grade name of the default bands (优, 良, 中, 差) in the current language ("excellent" ...);
 *  any other name as it is. Borrowed (NULL for NULL). */
JX_API const char *jx_grade_label(const char *name);
JX_API int jx_provenance_parse(const char *s, jx_provenance *out);

#ifdef __cplusplus
}
#endif
#endif
