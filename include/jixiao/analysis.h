/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis.h -- multi-year analysis of score rates with GSL.
 *
 * Everything is computed on score rates (score ÷ weight) because weights and
 * indicator sets change between years; points are carried alongside. The
 * x of every fit is the calendar year, never a row position, so gaps between
 * evaluated years count. A missing score makes its unit-year unknown (NaN),
 * never zero; inferred scores are used and counted. Formulas, with worked
 * examples, are in docs/methods.md.
 *
 * Three layers:
 *  - jx_stats_*: pure numerics on arrays (no store, no strings);
 *  - jx_units_build: the units of one department's jx_series (level-3
 *    indicators by alias-resolved key, level-2 groups, level-1 categories,
 *    the total), each with weight, score and rate per evaluated year;
 *  - one compute function per analysis (jx_trend_compute, ...) giving a
 *    result struct, and a matching *_table function that turns the result
 *    into a jx_table for printing. The compute functions never print.
 *
 * Ownership: every result comes through **out, belongs to the caller and is
 * freed with its _free function (NULL-safe). Rows point into the result's
 * own jx_units (borrowed; valid while the result lives); a result does not
 * refer to the jx_series it was computed from, which may be freed first.
 * On error *out is NULL and jx_error_last() says why.
 *
 * Data honesty: every table ends with a `provenance` column (real /
 * synthetic), and the terminal form says so in a note when data is synthetic.
 */
#ifndef JIXIAO_ANALYSIS_H
#define JIXIAO_ANALYSIS_H

#include <stddef.h>
#include "model.h"
#include "store.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ===================================================================== */
/* Pure statistics (src/lib/stats.c)                                      */
/* ===================================================================== */

/** Ordinary least squares y = intercept + slope·x (gsl_fit_linear). */
typedef struct {
	size_t n;
	double intercept, slope;
	double intercept_se, slope_se; /**< standard errors; NaN when n < 3 */
	double t; /**< slope / slope_se; ±inf for an exact line; NaN when n < 3 or y constant */
	double p_value;  /**< two-sided, Student t with n − 2 df; NaN when t is NaN */
	double r2;       /**< 1 − SSE/SST; NaN when all y are equal (SST = 0) */
	double sse;      /**< residual sum of squares */
	double resid_sd; /**< sqrt(SSE / (n − 2)); NaN when n < 3 */
	double x_mean;   /**< mean of x */
	double sxx;      /**< Σ (x − x̄)² */
} jx_ols;

/**
 * Fit a line by least squares. Needs n >= 2 and at least two distinct x
 * (else JX_EMATH, message naming the GSL error). With n == 2 only slope,
 * intercept and r2 are set (the other fields NaN).
 */
JX_API int jx_stats_ols(jx_ols *out, const double *x, const double *y, size_t n);

/**
 * Theil–Sen estimator: *slope = median over pairs i<j with x_i != x_j of
 * (y_j − y_i)/(x_j − x_i); *intercept = median of y_i − slope·x_i
 * (intercept may be NULL). JX_EMATH when there is no such pair.
 */
JX_API int jx_stats_theil_sen(double *slope, double *intercept, const double *x, const double *y,
			      size_t n);

/** A prediction at x0 with its interval. */
typedef struct {
	double x;          /**< where the prediction is made */
	double fit;        /**< intercept + slope·x */
	double low, high;  /**< fit ∓ t·s·sqrt(1 + 1/n + (x − x̄)²/Sxx) */
	double t_quantile; /**< t_{(1+level)/2, n−2} (gsl_cdf_tdist_Pinv) */
	double se;         /**< s·sqrt(1 + 1/n + (x − x̄)²/Sxx) */
} jx_prediction;

/**
 * Prediction interval of a new observation at x0 (not the confidence
 * interval of the line) at the given level (0 < level < 1, e.g. 0.95).
 * Needs a fit with n >= 3 (else JX_EMATH "too few points").
 */
JX_API int jx_stats_predict(jx_prediction *out, const jx_ols *fit, double x0, double level);

/** Mean, sample variance (n − 1), sd, coefficient of variation, range. */
typedef struct {
	size_t n;
	double mean; /**< NaN when n == 0 */
	double variance; /**< sample variance (gsl_stats_variance); NaN when n < 2; 0 for identical values */
	double sd;       /**< sqrt(variance) */
	double cv;       /**< sd / |mean|; NaN when mean == 0 or n < 2 */
	double min, max; /**< NaN when n == 0 */
} jx_summary;

/** Summary of n values (n may be 0: everything NaN). Cannot fail. */
JX_API void jx_stats_summary(jx_summary *out, const double *v, size_t n);

/** Median of n values (v is not changed); NaN when n == 0. JX_ENOMEM only. */
JX_API int jx_stats_median(double *out, const double *v, size_t n);

/**
 * Phi coefficient of a 2×2 table (n11 both, n10 first only, n01 second
 * only, n00 neither): (n11·n00 − n10·n01) / sqrt(n1.·n0.·n.1·n.0).
 * NaN when a margin is zero (undefined). Cannot fail.
 */
JX_API double jx_stats_phi(size_t n11, size_t n10, size_t n01, size_t n00);

/**
 * Share of var(total) carried by one part: cov(part, total) / var(total)
 * (sample covariance and variance; shares of parts that add up to the
 * total add up to 1). NaN when n < 2 or var(total) == 0. Cannot fail.
 */
JX_API double jx_stats_cov_share(const double *part, const double *total, size_t n);

/** Periods longer than this use the normal approximation of the Mann–Kendall test. */
#define JX_MK_EXACT_MAX 10

/** The Mann–Kendall test within framework periods (src/lib/analysis/mannkendall.c). */
typedef struct {
	size_t n;        /**< values */
	size_t nperiods; /**< periods with at least two values (the others carry no pair) */
	double s; /**< Σ over periods of Σ_{i<j} sign(y_j − y_i); NaN when no period has 2 */
	double var_s;   /**< null variance of S with the tie correction */
	double p_value; /**< two-sided P(|S| ≥ |s|) under random order within periods; NaN as s */
	double p_min; /**< smallest two-sided p these values could give in any order (ties kept) */
	double p_min_years; /**< the same for distinct values: what the numbers of years allow */
	int exact; /**< 1: exact null distribution (every period ≤ JX_MK_EXACT_MAX values); 0: normal */
} jx_mk;

/**
 * Mann–Kendall test of y (in time order) whose points belong to periods
 * (period[i] non-decreasing): S summed over periods, its exact distribution
 * (Mahonian numbers; q-multinomial coefficients with ties; convolved over
 * periods) or, when a period has more than JX_MK_EXACT_MAX values, the
 * normal approximation with tie and continuity corrections. JX_EINVAL when
 * periods decrease, JX_ENOMEM.
 */
JX_API int jx_stats_mann_kendall(jx_mk *out, const double *y, const size_t *period, size_t n);

/**
 * Benjamini–Hochberg q-values: q[i] for p[i] over the non-NaN p (NaN p gives
 * NaN q and is not counted). q and p may not overlap. 0 or JX_ENOMEM.
 */
JX_API int jx_stats_bh(double *q, const double *p, size_t n);

/**
 * Least squares with one intercept per period and a common slope (a step
 * term per break). Fills slope, slope_se, t, p_value (Student t with
 * n − periods − 1 df), r2 (within periods), sse, resid_sd, sxx (within),
 * x_mean and intercept of the last period; NaN where undefined (slope when
 * no period has two points). 0, or JX_EINVAL when periods decrease.
 */
JX_API int jx_stats_ols_periods(jx_ols *out, const double *x, const double *y, const size_t *period,
				size_t n);

/** Sen's slope pooled within periods: median of the pairwise slopes inside each period
 *  (NaN when there is no such pair). 0 or JX_ENOMEM. */
JX_API int jx_stats_sen_periods(double *slope, const double *x, const double *y,
				const size_t *period, size_t n);

/**
 * One-sided Fisher exact test that two events happen together more often
 * than chance: *p = P(X ≥ n11) for the hypergeometric law of the 2×2 table
 * with its margins; *p_min = the smallest p those margins allow. Cannot fail.
 */
JX_API void jx_stats_fisher_greater(double *p, double *p_min, size_t n11, size_t n10, size_t n01,
				    size_t n00);

/* ===================================================================== */
/* Options                                                                */
/* ===================================================================== */

/** Unit levels. */
enum {
	JX_LEVEL_ALL = -1,  /**< every level (the default) */
	JX_LEVEL_TOTAL = 0, /**< the whole evaluation */
	JX_LEVEL_1 = 1,     /**< 一级指标 (category) */
	JX_LEVEL_2 = 2,     /**< 二级指标 */
	JX_LEVEL_3 = 3      /**< 三级指标 (indicator) */
};

/** Options shared by the analyses; set defaults with jx_analysis_options_init. */
typedef struct {
	int level;              /**< JX_LEVEL_ALL or one level (default ALL) */
	int year_from, year_to; /**< inclusive range; 0 = open (default) */
	jx_kind kind;           /**< for functions that read the store (default self) */
	double alpha;           /**< significance level of trend directions (0.05) */
	double confidence;      /**< prediction-interval level (0.95) */
	int forecast_year;      /**< 0 = the year after the last evaluated year */
	int weak_window;        /**< weak rules: the last N evaluated years (3) */
	int weak_min_deducted;  /**< persistent: lost points in at least this many of them (2) */
	double weak_threshold;  /**< a rate below this is low (0.90; the low_rate rule's) */
	int weak_trend;         /**< opt-in falling rule: a significant falling trend (0) */
	double growth_threshold; /**< figures: warn when mean expenditure growth exceeds this (0.15) */
	int growth_years;        /**< figures: growth averaged over the last N years (3) */
	size_t top_pairs;        /**< deductions: co-deduction pairs listed (10) */
	int deduction_pairs;     /**< deductions: compute the pairs at all (1); they pair at most
				      JX_PAIRS_MAX_UNITS indicators, those deducted most often */
	int with_department;     /**< tables start with a department column (0) */
	int with_project;        /**< then a project column (0): --project all */
	double project_threshold; /**< projects: execution rate below this is slow (0.90) */
	int project_min_missed; /**< projects: an indicator missed in this many years repeats (2) */
	int money_wan;          /**< projects: money in 万元 (1, the default) or 元 (0) */
	double pairs_alpha;     /**< deductions: pairs listed when q < this (0.1) */
	int pairs_all;          /**< deductions: list every tested pair with p and q (0) */
	double weak_new_share;   /**< new: lost at least this share of its weight in the latest
				      year (0.5) */
	double weak_large_share; /**< large: its points lost over the window are at least this
				      share of the department's (0.15) */
	int weak_resolved_years; /**< resolved: full marks in the last N evaluated years after a
				      loss earlier in the window (2) */
	int weak_low_rate; /**< opt-in low_rate rule: mean window rate below weak_threshold (0) */
} jx_analysis_options;

/** Fill o with the defaults above. */
JX_API void jx_analysis_options_init(jx_analysis_options *o);

/** 1 when rows of this level are selected by o->level. */
JX_API int jx_level_selected(const jx_analysis_options *o, int level);

/** "total", "1", "2", "3" — the level as printed in the `level` column. Borrowed. */
JX_API const char *jx_level_name(int level);

/* ===================================================================== */
/* Units (src/lib/analysis_units.c)                                       */
/* ===================================================================== */

/** One unit in one evaluated year. */
typedef struct {
	int year;
	double weight;  /**< sum of the unit's row weights (0 when absent) */
	double score;   /**< sum of scores; NaN when absent or any row's score is missing */
	double rate;    /**< score / weight; NaN when score is NaN */
	unsigned nrows; /**< rows of the unit this year; 0 = the unit is absent */
	unsigned nmissing, ninferred; /**< rows with a missing / inferred score */
} jx_unit_year;

/** A unit: an indicator, a level-2 group, a category, or the total. */
typedef struct {
	int level;        /**< JX_LEVEL_TOTAL, 1, 2 or 3 */
	const char *key;  /**< "" (total), "l1", "l1/l2", "l1/l2/l3" (alias-resolved) */
	const char *name; /**< display name at its own level ("合计" for the total) */
	const char *level1, *level2, *level3; /**< display path; NULL below the unit's level */
	jx_unit_year *years;                  /**< one per jx_units.years, same order */
} jx_unit;

/** How one evaluated year stands to the year before: does a new framework start? */
typedef struct {
	int year;
	size_t nkeys;    /**< level-3 keys (after aliases) this year */
	size_t ncarried; /**< of them, present in the previous evaluated year */
	int detected;    /**< 1 when fewer than half were carried over (never for the first year) */
	int declared;    /**< -1 nothing declared; 1 declared a break; 0 declared no break */
	int is_break;    /**< 1 when a new framework period starts this year */
	size_t period;   /**< 0-based framework period of this year */
} jx_period_year;

/** The units of one department and kind. */
typedef struct {
	char *department;
	jx_kind kind;
	int *years; /**< evaluated years, ascending */
	size_t nyears;
	jx_unit *
		units; /**< total first, then each category followed by its groups and indicators */
	size_t nunits;
	jx_provenance provenance; /**< synthetic when any year used is synthetic */
	void *pool_;              /* private */
	jx_period_year *periods;  /**< one per year, same order: framework periods (methods §2) */
	size_t nperiods;          /**< framework periods of the years in range (≥ 1) */
	char *project; /**< the project's name (jx_series.project); NULL for the department */
	char *scope;   /**< what notes name: the department, or "department / project" */
} jx_units;

/**
 * Build every unit of a series (all levels, whatever o->level), keeping the
 * years inside o's range (o may be NULL: all years). Display names come
 * from the latest year in which the unit appears. Rows that resolve to the
 * same key in one year are summed. *out freed with jx_units_free.
 */
JX_API int jx_units_build(jx_units **out, const jx_series *s, const jx_analysis_options *o);
JX_API void jx_units_free(jx_units *u);

/** The unit with this level and key, or NULL. Borrowed. */
JX_API const jx_unit *jx_units_find(const jx_units *u, int level, const char *key);

/**
 * The (year, rate) points of a unit whose rate is known, in year order,
 * written to x and y (each with room for u->nyears). Returns the count.
 */
JX_API size_t jx_unit_points(const jx_units *u, const jx_unit *unit, double *x, double *y);

/**
 * Like jx_unit_points, also writing each point's framework period (0-based,
 * non-decreasing) to period (room for u->nyears) when period is not NULL.
 */
JX_API size_t jx_unit_points_periods(const jx_units *u, const jx_unit *unit, double *x, double *y,
				     size_t *period);

/** The first and last evaluated year of framework period p. */
JX_API void jx_units_period_years(const jx_units *u, size_t p, int *first, int *last);

/** "2016-2019; 2020-2024" -- the periods of the years a unit has a known rate in,
 *  into buf (empty when none). */
JX_API void jx_unit_periods_text(char *buf, size_t size, const jx_units *u, const jx_unit *unit);

/**
 * The framework periods of u as a table: year, keys, carried_over,
 * carried_share, detected, declared ("break" / "no break" / empty),
 * new_period, period ("2020-2024"), provenance.
 */
JX_API int jx_framework_table(jx_table **out, const jx_units *u, const jx_analysis_options *o);

/** 1 when the unit lost points that year (present, score known, score < weight). */
JX_API int jx_unit_year_deducted(const jx_unit_year *uy);

/* ===================================================================== */
/* compare (src/lib/analysis_compare.c)                                   */
/* ===================================================================== */

typedef enum {
	JX_CMP_IMPROVED = 0,
	JX_CMP_DECLINED,
	JX_CMP_UNCHANGED,
	JX_CMP_NEW,            /**< absent in the first year */
	JX_CMP_DROPPED,        /**< absent in the second year */
	JX_CMP_WEIGHT_CHANGED, /**< present in both with different weights (Δ rate still given) */
	JX_CMP_UNKNOWN         /**< a score is missing in either year */
} jx_compare_status;

/** "improved", "declined", "unchanged", "new", "dropped", "weight changed", "unknown". */
JX_API const char *jx_compare_status_name(jx_compare_status st);
/** The status for people in the current language (jx_i18n_set): "declined" / "下降". Borrowed. */
JX_API const char *jx_compare_status_label(jx_compare_status st);

typedef struct {
	const jx_unit *unit;
	const jx_unit_year *from, *to; /**< the unit in each year (nrows 0 when absent) */
	double delta_rate;   /**< to.rate − from.rate (a fraction; ×100 = percentage points) */
	double delta_points; /**< to.score − from.score */
	jx_compare_status status;
} jx_compare_row;

typedef struct {
	jx_units *units;
	int year_from, year_to;
	jx_compare_row *
		rows; /**< selected levels; ordered by level, then Δ rate ascending, unknown last */
	size_t nrows;
} jx_compare_result;

/** Compare two evaluated years of a series. JX_ENOTFOUND when a year was not evaluated. */
JX_API int jx_compare_compute(jx_compare_result **out, const jx_series *s, int year_from,
			      int year_to, const jx_analysis_options *o);
JX_API void jx_compare_result_free(jx_compare_result *r);
/** Columns: level, level1, level2, level3, weight_from, score_from, rate_from, weight_to,
 *  score_to, rate_to, delta_rate_pp, delta_points, status, missing_from, missing_to, inferred,
 *  provenance. */
JX_API int jx_compare_table(jx_table **out, const jx_compare_result *r,
			    const jx_analysis_options *o);

/** Self-evaluation against the finance bureau's review, per unit and year. */
typedef struct {
	const jx_unit *unit; /**< from self_units */
	int year;
	const jx_unit_year *self, *review;
	double diff_points; /**< self.score − review.score */
	double diff_rate;   /**< self.rate − review.rate */
} jx_selfreview_row;

typedef struct {
	jx_units *self_units, *review_units;
	jx_selfreview_row
		*rows; /**< units present in both; ordered by year, then diff_points descending */
	size_t nrows;
	size_t nhigher; /**< rows with self score above the review's */
} jx_selfreview_result;

/** Match a department's self and review series by year and unit key. */
JX_API int jx_compare_self_review(jx_selfreview_result **out, const jx_series *self,
				  const jx_series *review, const jx_analysis_options *o);
JX_API void jx_selfreview_result_free(jx_selfreview_result *r);
/** Columns: year, level, level1, level2, level3, weight, review_weight, self_score,
 *  review_score, diff_points, self_rate, review_rate, diff_rate_pp, self_higher, provenance.
 *  only_higher keeps rows where the self score is higher. */
JX_API int jx_selfreview_table(jx_table **out, const jx_selfreview_result *r,
			       const jx_analysis_options *o, int only_higher);

/* ===================================================================== */
/* review first: standing and the self-minus-review gap (standing.c, gap.c) */
/* ===================================================================== */

/**
 * A department's totals in one evaluated year: its self-evaluation's, the
 * finance bureau's review where there is one, and the headline -- the
 * review's when the review's total is known, else the self-evaluation's
 * (docs/report.md, "Review first"). A total with a missing score is unknown
 * (NaN, grade ""), never a sum of the known scores.
 */
typedef struct {
	int year;
	int has_self, has_review; /**< an evaluation of that kind exists this year */
	double self_score, self_weight, self_rate; /**< score and rate NaN when unknown */
	const char *self_grade;                    /**< "" when unknown; borrowed */
	double review_score, review_weight, review_rate;
	const char *review_grade;
	jx_kind basis;               /**< the headline's: review when its total is known */
	double score, weight, rate;  /**< the headline */
	const char *grade;           /**< the headline grade ("" when unknown) */
	double gap_points, gap_rate; /**< self − review; NaN unless both totals are known */
	jx_provenance provenance;    /**< synthetic when either evaluation is */
} jx_standing;

typedef struct {
	char *department;
	jx_standing *years; /**< every year with a self-evaluation or a review, ascending */
	size_t nyears;
	jx_grade_band bands[16]; /**< the grades were given by these */
	size_t nbands;
	jx_provenance provenance; /**< synthetic when any year is */
} jx_standing_result;

/** From a department's self and review series (either may be NULL, not both) and the grade
 *  bands. *out freed with jx_standing_result_free. */
JX_API int jx_standing_compute(jx_standing_result **out, const jx_series *self,
			       const jx_series *review, const jx_grade_band *bands, size_t nbands);
/** Load both series of a department (o's years; o may be NULL) and the stored grade bands.
 *  JX_ENOTFOUND when it has no evaluation at all in range. */
JX_API int jx_standing_load(jx_standing_result **out, jx_store *st, const char *department,
			    const jx_analysis_options *o);
JX_API void jx_standing_result_free(jx_standing_result *r);
/** The standing of one year, or NULL. Borrowed. */
JX_API const jx_standing *jx_standing_find(const jx_standing_result *r, int year);

/**
 * One-sided exact sign test: *p = P(X ≥ nabove) for X ~ Binomial(nabove + nbelow, 1/2);
 * *p_min = 0.5^(nabove + nbelow), the smallest p those years allow. Cannot fail.
 */
JX_API void jx_stats_sign_test(double *p, double *p_min, size_t nabove, size_t nbelow);

typedef enum {
	JX_GAP_TOO_FEW = 0, /**< no outcome of these years could reach p < alpha */
	JX_GAP_NOT_SHOWN,   /**< q ≥ alpha: over-scoring not shown */
	JX_GAP_OVER         /**< q < alpha: the self-evaluation is systematically higher */
} jx_gap_verdict;

/** "too few years", "not shown", "over-scoring" (codes, never translated). */
JX_API const char *jx_gap_verdict_name(jx_gap_verdict v);

/** The self-minus-review gap of one department over the years with both totals known. */
typedef struct {
	char *department;
	size_t n;                       /**< years with both totals known */
	int year_first, year_last;      /**< of those years (0 when n == 0) */
	size_t nhigher, nlower, nequal; /**< years the self total was above, below, equal */
	double mean_gap_rate;           /**< mean of self rate − review rate (NaN when n == 0) */
	double mean_gap_points;         /**< mean of self score − review score */
	double p_value; /**< one-sided sign test of over-scoring (NaN when n == 0) */
	double p_min;   /**< the smallest p these years allow */
	double q_value; /**< Benjamini–Hochberg over the family (alone: p); NaN when p_min ≥ alpha */
	jx_gap_verdict verdict;
	jx_provenance provenance;
	double slope_pp; /**< trend of the gap: Sen's slope of the gap rate, percentage points
			      per year (NaN with fewer than 2 years) */
} jx_gap_result;

/** The gap test of one department's standing at alpha (a family of one). *out freed with
 *  jx_gap_result_free. */
JX_API int jx_gap_compute(jx_gap_result **out, const jx_standing_result *s, double alpha);
/** Make several departments one family: q-values by Benjamini–Hochberg over those whose
 *  years could reach alpha, and the verdicts again. 0 or JX_ENOMEM. */
JX_API int jx_gap_family(jx_gap_result *const *v, size_t n, double alpha);
/** Every department with at least one year of both totals (o's years and alpha; o may be
 *  NULL), in name order, as one family. *out freed with jx_gap_results_free. */
JX_API int jx_gap_departments(jx_gap_result ***out, size_t *n, jx_store *st,
			      const jx_analysis_options *o);
JX_API void jx_gap_result_free(jx_gap_result *g);
JX_API void jx_gap_results_free(jx_gap_result **v, size_t n);
/** Columns: department, years, first_year, last_year, self_higher, self_lower, equal,
 *  mean_gap_pp, mean_gap_points, p_value, q_value, verdict, provenance, slope_pp. */
JX_API int jx_gap_table(jx_table **out, jx_gap_result *const *v, size_t n,
			const jx_analysis_options *o);

/* ===================================================================== */
/* trend and forecast (src/lib/analysis_trend.c, analysis_forecast.c)     */
/* ===================================================================== */

typedef enum {
	JX_DIR_TOO_FEW = 0, /**< too few years to tell: no order of them could be significant */
	JX_DIR_FLAT,        /**< not significant (q ≥ alpha), or S = 0 */
	JX_DIR_RISING,      /**< q < alpha, S > 0 */
	JX_DIR_FALLING      /**< q < alpha, S < 0 */
} jx_direction;

/** "too few years", "flat", "rising", "falling" (codes, never translated). */
JX_API const char *jx_direction_name(jx_direction d);
/** The direction for people in the current language (jx_i18n_set): "falling" / "显著下降". */
JX_API const char *jx_direction_label(jx_direction d);

/**
 * The trend of one unit. The direction comes from the Mann–Kendall test
 * within framework periods with Benjamini–Hochberg over the family (the
 * units of one result, or what jx_trend_family joins); slope figures are
 * for continuity (docs/methods.md §2–§3).
 */
typedef struct {
	const jx_unit *unit;
	size_t n;                  /**< years with a known rate */
	int year_first, year_last; /**< of those years (0 when n == 0) */
	size_t nmissing_years;     /**< years present with an unknown rate */
	size_t ninferred_years;    /**< years whose score includes inferred rows */
	jx_ols fit; /**< rate on year, one intercept per framework period; NaN when no slope */
	double theil_sen; /**< Sen's slope pooled within periods; NaN without a pair */
	jx_mk mk;         /**< Mann–Kendall within periods */
	double q_value;   /**< Benjamini–Hochberg over the family; NaN when not in it */
	jx_direction direction;
} jx_trend_row;

typedef struct {
	jx_units *units;
	double alpha;
	jx_trend_row *rows; /**< one per selected unit, in unit order */
	size_t nrows;
} jx_trend_result;

/**
 * Trends of the selected units of one department; the units of the result
 * are one family for the q-values.
 */
JX_API int jx_trend_compute(jx_trend_result **out, const jx_series *s,
			    const jx_analysis_options *o);
JX_API void jx_trend_result_free(jx_trend_result *r);
/**
 * Make the rows of several results one family (e.g. the totals of every
 * department): q-values and directions are recomputed over all of them at
 * the first result's alpha. 0 or JX_ENOMEM.
 */
JX_API int jx_trend_family(jx_trend_result *const *results, size_t n);
/**
 * Free the units no row refers to (their names and years), so that many
 * results can be held at once (the family across departments). The rows stay
 * valid. 0 or JX_ENOMEM (then r is unchanged).
 */
JX_API int jx_trend_result_compact(jx_trend_result *r);
/**
 * The trends of every department at o->level (e.g. JX_LEVEL_TOTAL), read one
 * department at a time, as ONE family across departments (jx_trend_family).
 * Departments without evaluations of o->kind in range are skipped and
 * counted in *nskipped. *out (n results, in department name order) is freed
 * with jx_trend_results_free.
 */
JX_API int jx_trend_departments(jx_trend_result ***out, size_t *n, size_t *nskipped, jx_store *st,
				const jx_analysis_options *o);
JX_API void jx_trend_results_free(jx_trend_result **v, size_t n);
/** The row of a unit, or NULL. Borrowed. */
JX_API const jx_trend_row *jx_trend_find(const jx_trend_result *r, int level, const char *key);
/** Columns: level, level1, level2, level3, n, first_year, last_year, slope, slope_se, t,
 *  p_value (Mann–Kendall), r2, theil_sen, direction, missing_years, inferred_years, rates
 *  (the evidence: "2016 0.96; 2020 ?*" — ? missing, * inferred), provenance, then q_value,
 *  mk_s, p_method (exact / normal), periods ("2016-2019; 2020-2024"). */
JX_API int jx_trend_table(jx_table **out, const jx_trend_result *r, const jx_analysis_options *o);

/** How a forecast interval was made (docs/methods.md §4). */
typedef enum {
	JX_FC_NONE = 0,      /**< no interval (absent in the latest year, or no data to pool) */
	JX_FC_LOGIT_TREND,   /**< line on the logit of the shrunk rate, current period, n ≥ 3 */
	JX_FC_POOLED_CHANGES /**< fewer than 3 years in the current period: the latest value ±
				   the department's pooled year-to-year changes; no point forecast */
} jx_forecast_method;

/** "logit_trend", "pooled_changes", "" (codes, never translated). */
JX_API const char *jx_forecast_method_name(jx_forecast_method m);

typedef struct {
	const jx_unit *unit;
	size_t n; /**< years with a known rate in the current framework period */
	int ok;   /**< 1 when there is a point forecast (JX_FC_LOGIT_TREND) */
	jx_forecast_method method;
	int period_first, period_last; /**< the current framework period (0 when absent) */
	jx_ols fit;                    /**< logit of the shrunk rate on the year, current period */
	jx_prediction pred; /**< on the logit scale: centre, bounds, t quantile, se (pooled s) */
	double df;          /**< degrees of freedom of the pooled residual variance */
	double pi_low, pi_high; /**< the interval of the rate, inside [0, 1] by construction */
	double forecast;        /**< predictive median of the rate; NaN for pooled changes */
	double raw_fit, raw_low, raw_high; /**< back-transformed, before the atoms at 0 and 1 */
	double last_weight;                /**< weight in the latest year present */
	int widened; /**< 1 when a zero-width interval was widened by one half point */
} jx_forecast_row;

typedef struct {
	jx_units *units;
	int year; /**< the forecast year */
	double confidence;
	jx_forecast_row *rows;
	size_t nrows;
	size_t nok;       /**< rows with a point forecast */
	size_t ninterval; /**< rows with an interval (either method) */
} jx_forecast_result;

/**
 * Next year's rate per unit with a prediction interval, within the current
 * framework period, on the logit scale of the shrunk rate, with the residual
 * variance pooled over the department's units of the same level (method in
 * docs/methods.md §4). Units absent in the latest year get no interval. When
 * no selected unit gets an interval the call fails with JX_EMATH.
 */
JX_API int jx_forecast_compute(jx_forecast_result **out, const jx_series *s,
			       const jx_analysis_options *o);
JX_API void jx_forecast_result_free(jx_forecast_result *r);
/** Columns: level, level1, level2, level3, n, year, forecast, pi_low, pi_high, forecast_raw,
 *  pi_low_raw, pi_high_raw, slope (logit scale), resid_sd (pooled, logit scale), t_quantile,
 *  weight, note, provenance, then method, period, df. */
JX_API int jx_forecast_table(jx_table **out, const jx_forecast_result *r,
			     const jx_analysis_options *o);

/* ===================================================================== */
/* variance (src/lib/analysis_variance.c)                                 */
/* ===================================================================== */

typedef struct {
	const jx_unit *unit;
	jx_summary rate;   /**< of the known rates across years */
	jx_summary points; /**< of the known scores across years */
	size_t nmissing_years;
} jx_variance_row;

typedef struct {
	jx_units *units;
	jx_variance_row *rows;
	size_t nrows;
} jx_variance_result;

JX_API int jx_variance_compute(jx_variance_result **out, const jx_series *s,
			       const jx_analysis_options *o);
JX_API void jx_variance_result_free(jx_variance_result *r);
/** Columns: level, level1, level2, level3, n, mean, variance, sd, cv, min, max,
 *  mean_points, sd_points, missing_years, rates, provenance. */
JX_API int jx_variance_table(jx_table **out, const jx_variance_result *r,
			     const jx_analysis_options *o);

/** Decomposition of the total score's variance across years into categories. */
typedef struct {
	const jx_unit *unit; /**< a level-1 unit */
	double mean_points;  /**< mean score over the years used (0 where absent) */
	double covariance;   /**< cov(category score, total score) */
	double share;        /**< covariance / var(total) */
} jx_decomp_row;

typedef struct {
	jx_units *units;
	int *years; /**< years used (total score known) */
	size_t nyears;
	double total_mean, total_variance;
	jx_decomp_row *rows;
	size_t nrows;
} jx_decomp_result;

/** Needs two years with a known total (else JX_EMATH). */
JX_API int jx_variance_decompose(jx_decomp_result **out, const jx_series *s,
				 const jx_analysis_options *o);
JX_API void jx_decomp_result_free(jx_decomp_result *r);
/** Columns: level1, years, mean_points, covariance, variance, share, provenance; a last row
 *  "合计" with the total's variance (share 1). */
JX_API int jx_decomp_table(jx_table **out, const jx_decomp_result *r, const jx_analysis_options *o);

/** Spread of one unit's rate across departments in one year. */
typedef struct {
	int level;
	char *key, *level1, *level2, *level3;
	size_t n; /**< departments with a known rate */
	double mean, sd, min, max;
	char *min_department, *max_department;
	jx_provenance provenance; /**< synthetic when any department's data is */
} jx_across_row;

typedef struct {
	int year;
	jx_kind kind;
	size_t ndepartments;
	jx_across_row
		*rows; /**< units shared by at least 2 departments, unit order of first sight */
	size_t nrows;
	jx_provenance provenance; /**< synthetic when any row is */
} jx_across_result;

/** Reads every department's series of one year (one department at a time). */
JX_API int jx_variance_across(jx_across_result **out, jx_store *st, int year,
			      const jx_analysis_options *o);
JX_API void jx_across_result_free(jx_across_result *r);
/** Columns: level, level1, level2, level3, n, mean, sd, min, max, min_department,
 *  max_department, provenance (never a department column: one table for all). */
JX_API int jx_across_table(jx_table **out, const jx_across_result *r, const jx_analysis_options *o);

/* ===================================================================== */
/* deductions (src/lib/analysis_deductions.c)                             */
/* ===================================================================== */

/** Points lost by one unit over the range. */
typedef struct {
	const jx_unit *unit;
	double points;    /**< Σ (weight − score) over years with a known score */
	double share;     /**< points / points of all units of that level */
	double cum_share; /**< running share in descending order */
	size_t nyears_deducted, nyears_present, nmissing_years;
} jx_pareto_row;

/** Runs and transitions of one indicator. */
typedef struct {
	const jx_unit *unit;
	size_t nyears_present, nyears_deducted;
	int longest_run, longest_from, longest_to; /**< consecutive evaluated years deducted */
	int current_run;                           /**< run ending at the last evaluated year */
	size_t new_, resolved, persistent,
		clean; /**< transitions between consecutive evaluated years */
} jx_run_row;

/** Transition counts between two consecutive evaluated years. */
typedef struct {
	int year_from, year_to;
	size_t new_;       /**< clean → deducted */
	size_t resolved;   /**< deducted → clean */
	size_t persistent; /**< deducted → deducted */
	size_t clean;      /**< clean → clean */
	size_t other;      /**< present in only one year, or a score missing */
} jx_transition_row;

/** Two indicators deducted together across evaluated years. */
typedef struct {
	const jx_unit *a, *b;
	size_t n11, n10, n01,
		n00; /**< years: both, a only, b only, neither (both present, known) */
	double phi;
	double p_value; /**< one-sided Fisher exact test of co-deduction */
	double q_value; /**< Benjamini–Hochberg over the pairs tested in the department; NaN
			     when its margins cannot give p < pairs_alpha (not tested) */
} jx_pair_row;

/** The most indicators the pairs view pairs (the square of it bounds the work). */
#define JX_PAIRS_MAX_UNITS 2000

typedef struct {
	jx_units *units;
	double total_points;   /**< points lost by all indicators */
	jx_pareto_row *pareto; /**< categories then indicators, each by points descending */
	size_t npareto;
	jx_run_row *runs; /**< indicators (level 3), in unit order */
	size_t nruns;
	jx_transition_row *transitions;
	size_t ntransitions;
	jx_pair_row *pairs; /**< q < o->pairs_alpha, by q; with o->pairs_all every pair co-present
			     >= 4 years and deducted together at least once */
	size_t npairs;
	size_t npairs_tested; /**< pairs co-present >= 4 years whose margins allow p < pairs_alpha */
	size_t pairs_left_out; /**< indicators deducted at least once but not paired (the cap) */
} jx_deductions_result;

typedef enum {
	JX_DED_PARETO = 0,
	JX_DED_RUNS,
	JX_DED_TRANSITIONS,
	JX_DED_PAIRS
} jx_deductions_view;

/** Parse "pareto", "runs", "transitions", "pairs". 0 or JX_EINVAL. */
JX_API int jx_deductions_view_parse(const char *s, jx_deductions_view *out);

/** Pareto rows honour o->level (default: categories and indicators). */
JX_API int jx_deductions_compute(jx_deductions_result **out, const jx_series *s,
				 const jx_analysis_options *o);
JX_API void jx_deductions_result_free(jx_deductions_result *r);
/**
 * pareto: level, level1, level2, level3, points_lost, share, cum_share, years_deducted,
 *         years_present, missing_years, deducted_years;
 * runs: level, level1, level2, level3, years_present, years_deducted, deducted_years,
 *       longest_run, longest_from, longest_to, current_run, new, resolved, persistent, clean;
 * transitions: year_from, year_to, new, resolved, persistent, clean, other;
 * pairs: level3_a, level3_b, phi, both, a_only, b_only, neither, key_a, key_b;
 * each then provenance; pairs then p_value, q_value.
 */
JX_API int jx_deductions_table(jx_table **out, const jx_deductions_result *r,
			       jx_deductions_view view, const jx_analysis_options *o);

/* ===================================================================== */
/* weak indicators (src/lib/analysis_weak.c)                              */
/* ===================================================================== */

/**
 * The weak rules (docs/report.md, "Weak indicators"), over the window (the
 * last weak_window evaluated years) of indicators present in the latest year.
 */
enum {
	JX_WEAK_NEW = 1 << 0,        /**< lost >= weak_new_share of its weight in the latest year,
					  or lost points in the latest window year only */
	JX_WEAK_PERSISTENT = 1 << 1, /**< lost points in >= weak_min_deducted window years,
					  the latest among them */
	JX_WEAK_LARGE = 1 << 2,      /**< its points lost over the window >= weak_large_share
					  of the department's */
	JX_WEAK_LOW_RATE = 1 << 3,   /**< opt-in (weak_low_rate): mean window rate < threshold */
	JX_WEAK_FALLING = 1 << 4,    /**< opt-in (weak_trend): falling trend (q < alpha) */
	JX_WEAK_RESOLVED = 1 << 5    /**< not weak: lost points in the window before its last
					  weak_resolved_years, full marks in all of those */
};

/** The rules that make a unit weak (every bit but JX_WEAK_RESOLVED). */
#define JX_WEAK_ANY \
	(JX_WEAK_NEW | JX_WEAK_PERSISTENT | JX_WEAK_LARGE | JX_WEAK_LOW_RATE | JX_WEAK_FALLING)

typedef struct {
	const jx_unit *unit;
	unsigned rules;        /**< JX_WEAK_* that fired (JX_WEAK_RESOLVED alone for improved) */
	size_t window_present; /**< window years in which the unit is present */
	size_t ndeducted;      /**< window years in which it lost points */
	double mean_rate;      /**< over the window's known rates */
	double points_lost;    /**< over the window (known scores) */
	jx_trend_row
		trend; /**< the trend over the whole range; the units examined are its family */
	double latest_lost;   /**< points lost in the latest year (NaN when its score is missing) */
	double latest_weight; /**< its weight in the latest year */
	double share;         /**< points_lost / the department's points lost over the window
				   (NaN when the department lost none) */
} jx_weak_row;

typedef struct {
	jx_units *units;
	int *window; /**< the last N evaluated years, ascending */
	size_t nwindow;
	size_t nchecked;   /**< units examined (present in the latest year) */
	jx_weak_row *rows; /**< weak units only, in unit order */
	size_t nrows;
	jx_weak_row *improved; /**< resolved units (not weak), in unit order */
	size_t nimproved;
	double dept_points; /**< the department's points lost over the window (level-3 units) */
} jx_weak_result;

/** Only level-3 units unless o->level says otherwise (JX_LEVEL_ALL means 3 here). */
JX_API int jx_weak_compute(jx_weak_result **out, const jx_series *s, const jx_analysis_options *o);
JX_API void jx_weak_result_free(jx_weak_result *r);
/** Columns: level, level1, level2, level3, rules ("new,persistent,large"; "resolved" for an
 *  improved unit), reason (each rule with its numbers), deducted_years, window_years,
 *  mean_rate, points_lost, slope, p_value, evidence ("2021 0.75 (-0.5); 2022 ? (missing); ..."
 *  per window year), provenance, q_value (the trend's, over the units examined), latest_lost,
 *  share_of_lost. Weak rows first, then the improved ones. */
JX_API int jx_weak_table(jx_table **out, const jx_weak_result *r, const jx_analysis_options *o);
/** "new,persistent,large" style list of the rules in a bit set (codes, never translated). */
JX_API void jx_weak_rules_format(char *buf, size_t size, unsigned rules);

/* ===================================================================== */
/* figures: budget, final accounts, execution (src/lib/analysis_figures.c) */
/* ===================================================================== */

/** The normal band of a budget execution rate (final expenditure ÷ budget): a rate outside
 *  [JX_EXECUTION_LOW, JX_EXECUTION_HIGH] is marked by the figures table, warned of by the
 *  overview and turned into the report's rule R8 (docs/report.md). Defined here once. */
#define JX_EXECUTION_LOW 0.90
#define JX_EXECUTION_HIGH 1.10

/** One year of a department's money (万元; NaN when not given). */
typedef struct {
	int year;
	double budget_total, budget_basic, budget_project;
	double income_total, expenditure_total, expenditure_basic, expenditure_project;
	double execution_rate;             /**< expenditure_total / budget_total */
	double basic_share, project_share; /**< of expenditure_total */
	double budget_growth, income_growth,
		expenditure_growth; /**< annualised over the gap to the previous year with figures;
				       −1 for a drop to 0, NaN from 0 */
	int gap; /**< years since the previous year with figures (0 for the first) */
} jx_funds_year;

typedef struct {
	char *department;
	jx_funds_year *years;
	size_t nyears;
	double mean_growth; /**< mean of the last growth_years expenditure growths */
	size_t ngrowth;     /**< how many growths went into it */
	double threshold;
	int warning; /**< 1 when mean_growth > threshold with ngrowth == growth_years */
	jx_provenance provenance; /**< synthetic when any year's figures are */
	int judged; /**< 1 when ngrowth == growth_years; else the verdict is withheld */
} jx_funds_result;

/** From figure records (any order; one per year). */
JX_API int jx_funds_compute(jx_funds_result **out, const char *department, jx_figures *const *figs,
			    size_t n, const jx_analysis_options *o);
/** Load a department's figures from the store for the years in o (open range: the years
 *  of its evaluations) and compute. JX_ENOTFOUND when there are none. */
JX_API int jx_funds_load(jx_funds_result **out, jx_store *st, const char *department,
			 const jx_analysis_options *o);
JX_API void jx_funds_result_free(jx_funds_result *r);
/** Columns: year, budget_total, budget_basic, budget_project, income_total, expenditure_total,
 *  expenditure_basic, expenditure_project, execution_rate, basic_share, project_share,
 *  budget_growth, income_growth, expenditure_growth, gap_years, mean_expenditure_growth and
 *  growth_warning ("yes"/"no" on the latest year's row; empty when fewer than growth_years
 *  growths give no verdict), provenance. */
JX_API int jx_funds_table(jx_table **out, const jx_funds_result *r, const jx_analysis_options *o);

/* ===================================================================== */
/* rank (src/lib/analysis_rank.c)                                         */
/* ===================================================================== */

typedef struct {
	char *department;
	char *project; /**< the project's name when projects are ranked, else NULL */
	double total_score, total_weight;
	double rate; /**< total_score / total_weight; NaN when a score is missing */
	char *grade;
	size_t rank; /**< 1 = best among its peers; ties share the better rank; 0 when the rate
			  is unknown or the department has no peer */
	double percentile; /**< 100 × (peers with rate <= this) / ranked peers; NaN unranked */
	size_t nmissing;
	jx_provenance provenance; /**< also the peer group: real ranks with real only */
	size_t npeers; /**< departments of the peer group with a known rate, itself included
			    (0 when its rate is unknown; 1: no peer group) */
} jx_rank_row;

/** One department's category rate against the median of all departments. */
typedef struct {
	const char *department; /**< borrowed from the rank rows */
	const char *project;    /**< borrowed from the rank rows (NULL for departments) */
	char *key, *level1;
	double rate, median, delta; /**< delta = rate − median of its peer group */
	size_t n;                   /**< departments of its peer group with this category */
	jx_provenance provenance;
} jx_rank_category;

typedef struct {
	int year;
	jx_kind kind;      /**< the basis: every total ranked is of this kind */
	jx_rank_row *rows; /**< real peer group first, then synthetic; each by rank, unknown last */
	size_t nrows;
	jx_rank_category *cats; /**< department order of rows, categories in unit order */
	size_t ncats;
	jx_provenance provenance; /**< synthetic when any department's data is */
	int projects;             /**< projects are ranked (a project column in the tables) */
} jx_rank_result;

/** Departments with an evaluation of o->kind (self by default) in year, ranked within their
 *  peer group (provenance). JX_ENOTFOUND when there is none. */
JX_API int jx_rank_compute(jx_rank_result **out, jx_store *st, int year,
			   const jx_analysis_options *o);
/**
 * Rank project evaluations of year instead: project JX_PROJECT_ALL ranks every
 * project (of department only, when not NULL), a name every department's
 * project of that name (its key in each department: the same programme run in
 * several departments). The tables get a project column after department.
 */
JX_API int jx_rank_compute_projects(jx_rank_result **out, jx_store *st, int year,
				    const char *department, const char *project,
				    const jx_analysis_options *o);
JX_API void jx_rank_result_free(jx_rank_result *r);
/** Columns: rank, department, [project,] total_score, total_weight, rate, grade, percentile,
 *  missing, provenance, peers. */
JX_API int jx_rank_table(jx_table **out, const jx_rank_result *r, const jx_analysis_options *o);
/** Columns: department, [project,] level1, rate, median, delta_pp, departments, provenance. */
JX_API int jx_rank_category_table(jx_table **out, const jx_rank_result *r,
				  const jx_analysis_options *o);

/* ===================================================================== */
/* projects (src/lib/analysis/projects.c, projects_table.c)              */
/* ===================================================================== */

/** One missed target of a project-year, with the department's own reason. */
typedef struct {
	int year;
	char *level1, *level2, *level3, *key;
	char *target, *actual, *reason; /**< as the table wrote them; reason may be NULL */
} jx_missed_target;

/** One year of one project (its self-evaluation or review, as o->kind says). */
typedef struct {
	int year;
	double total_score, total_weight; /**< sums of the rows, the fund row included */
	double rate; /**< total_score / total_weight; NaN when a score is missing */
	char *grade;
	int64_t budget, executed; /**< 全年预算数, 全年执行数 in 元 cents; -1 when not stated */
	double execution_rate; /**< executed / budget, else the stated 执行率; NaN when neither */
	size_t ntargets, nmet, nmissed, nunknown; /**< rows with a completion, by completion */
	size_t missed_first; /**< its missed targets: jx_projects_result.missed[missed_first ..
				  missed_first + nmissed) */
	jx_provenance provenance;
} jx_project_year;

/** One project over the years, with the two rules across years. */
typedef struct {
	char *key, *name;
	jx_project_year *years;
	size_t nyears;
	size_t nrate_years,
		nslow_years; /**< years with a known execution rate, and below threshold */
	double mean_execution_rate, min_execution_rate; /**< over the known years; NaN when none */
	int slow;       /**< below the threshold in every known year, known in at least 2 */
	char *repeated; /**< "家长满意度 (2022, 2023)": indicators missed in >= min years, or NULL */
	size_t nrepeated;
	jx_provenance provenance;
} jx_project_summary;

typedef struct {
	char *department;
	jx_kind kind;
	jx_project_summary *projects; /**< by name */
	size_t nprojects;
	jx_missed_target *missed; /**< every missed target, by project, year, row */
	size_t nmissed;
	double threshold;
	int min_missed;
	jx_provenance provenance; /**< synthetic when any project's data is */
} jx_projects_result;

/**
 * A department's projects in o's year range (kind o->kind): per project and
 * year the total, grade, execution rate (from its fund block) and targets
 * met, missed and unknown with the missed ones' reasons; across years the
 * projects whose execution rate stays below o->project_threshold and the
 * indicators missed in o->project_min_missed or more years (docs/methods.md).
 * JX_ENOTFOUND when the department has no project evaluation in range.
 */
JX_API int jx_projects_compute(jx_projects_result **out, jx_store *st, const char *department,
			const jx_analysis_options *o);
JX_API void jx_projects_result_free(jx_projects_result *r);

typedef enum { JX_PROJECTS_YEARS = 0, JX_PROJECTS_MISSED, JX_PROJECTS_FLAGS } jx_projects_view;
/** Parse "years", "missed", "flags". 0 or JX_EINVAL. */
JX_API int jx_projects_view_parse(const char *s, jx_projects_view *out);
/**
 * years: project, year, total_score, total_weight, rate, grade, budget, executed,
 *        money_unit, execution_rate, targets, met, missed, unknown, missed_targets;
 * missed: project, year, level1, level2, level3, target, actual, reason;
 * flags: project, first_year, last_year, years, rate_years, years_below,
 *        mean_execution_rate, min_execution_rate, slow, repeated_missed, flags;
 * each after an optional department column, then provenance. Money in 万元
 * (o->money_wan) or 元.
 */
JX_API int jx_projects_table(jx_table **out, const jx_projects_result *r, jx_projects_view view,
		      const jx_analysis_options *o);

/* ---- one evaluation as a table; indicators across years ---- */

/**
 * One evaluation's indicator rows with a subtotal per level-1 category and
 * the 合计 row (columns: row_type, level1, level2, level3, weight, score,
 * deduction, rate, score_origin, line, and scored_weight only when a score is
 * missing); a deduction counts known scores only; a subtotal with a missing
 * score has no score or rate (incomplete) but its scored_weight.
 * A declared category or total weight that differs from its rows becomes a
 * note. NULL on ENOMEM; freed with jx_table_free.
 */
JX_API jx_table *jx_evaluation_table(const jx_evaluation *ev);
/** Figures as a table (item, label, value, unit). NULL on ENOMEM. */
JX_API jx_table *jx_figures_table(const jx_figures *f);

/**
 * The table of `jixiao indicators`: columns department, key, level3, years,
 * n_years and, when unmatched, suggestion and distance. *out freed with
 * jx_table_free.
 */
JX_API int jx_indicators_table_new(jx_table **out, int unmatched);
/**
 * Add one department's level-3 keys (aliases applied) with the years they
 * occur in. unmatched: only keys missing from some evaluated year, each with
 * the closest other key by edit distance as a rename suggestion.
 */
JX_API int jx_indicators_add(jx_table *t, const jx_series *sr, int unmatched);
/**
 * The indicators table of one department (its evaluations of kind), or of
 * every department that has evaluations of kind when department is NULL.
 * JX_ENOTFOUND when the named department has none. *out freed with
 * jx_table_free; NULL on error.
 */
JX_API int jx_indicators_collect(jx_table **out, jx_store *st, const char *department, jx_kind kind,
				 int unmatched);

/**
 * The listing of stored evaluations as `jixiao list` prints it: one row each
 * (department, year, kind, total weight and score, grade, points deducted,
 * provenance, and scored_weight when some evaluation has a missing score: its
 * total and grade are then empty), marked when a score is missing or inferred
 * or the import warned, with a note counting those. *out freed with
 * jx_table_free.
 */
JX_API int jx_evaluation_list_table(jx_table **out, const jx_eval_summary *v, size_t n);

#ifdef __cplusplus
}
#endif
#endif
