/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview.h -- the finance bureau's view: every department at once.
 *
 * One pass over the departments (one at a time, so memory grows with the
 * number of department-years, not with their rows) gathers what the bureau
 * reads first: the department × year matrix of totals with grade, change
 * and rank; the indicators that lose points in many departments; the
 * self-minus-review gap of each department with Benjamini–Hochberg across
 * departments; the movers; the early warnings; the distribution per year.
 * Every rule is the analysis module's (ranks: jx_rank_compute; weak:
 * jx_weak_compute; gap: jx_gap_compute and jx_gap_family; growth:
 * jx_funds_load), so `overview` says what `rank`, `weak`, `compare --gap`
 * and `figures` say. Formulas: docs/methods.md §15.
 */
#ifndef JIXIAO_OVERVIEW_H
#define JIXIAO_OVERVIEW_H

#include <stddef.h>
#include "analysis.h"
#include "store.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What to look at; start from jx_overview_request_init. */
typedef struct {
	const char *const *departments; /**< stored names; NULL: every department */
	size_t ndepartments;
	jx_analysis_options
		o;  /**< years, kind (the basis of totals and ranks), alpha, weak rules */
	size_t top; /**< movers listed per direction (10) */
	size_t min_departments; /**< weak: deducted in at least this many departments (2) */
	int keep_ranks; /**< keep in jx_overview.ranks the jx_rank_result of each year that is
			     some department's latest -- the ranking a report borrows --
			     without its category rates (0) */
} jx_overview_request;

/** Fill r with the defaults above. */
JX_API void jx_overview_request_init(jx_overview_request *r);

/** One department in one year: its total of the basis kind, as `jixiao list` gives it. */
typedef struct {
	size_t dept; /**< index into jx_overview.departments */
	int year;
	double total_score, total_weight;
	double rate;      /**< NaN when a score is missing */
	char grade[16];   /**< "" when the total is unknown */
	double change_pp; /**< rate change from the department's previous evaluated year, in
			       percentage points (NaN for its first year or an unknown rate) */
	int new_period;   /**< 1 when a new indicator framework starts this year (methods §2) */
	size_t rank;      /**< jx_rank_compute's (0: unknown total or no peer group) */
	size_t peers;     /**< its peer group's ranked departments */
	jx_provenance provenance;
} jx_overview_cell;

/** One department's loss on an indicator in a window year. */
typedef struct {
	size_t dept; /**< index into jx_overview.departments */
	int year;
	double weight, score;
} jx_overview_loss;

/** An indicator (level 3, by canonical key after aliases) across departments. */
typedef struct {
	char *key, *level1, *name; /**< display names from the latest year seen */
	int year_last;             /**< the latest year it is present in some department */
	size_t *present;           /**< per jx_overview.years: departments where it is present */
	size_t *deducted;          /**< ... where it lost points */
	double *points;            /**< ... points lost (known scores) */
	size_t present_latest, deducted_latest; /**< the same in the latest overview year */
	size_t window_deducted; /**< departments deducted in at least one window year */
	size_t weak;            /**< departments whose weak rules flag it */
	double window_points;   /**< points lost over the window, all departments */
	jx_mk mk;               /**< Mann–Kendall of the share deducted over the years */
	double sen;             /**< Sen's slope of that share per year */
	double q_value;         /**< Benjamini–Hochberg over the indicators listed */
	jx_direction direction;
	jx_provenance provenance;
	jx_overview_loss *losses; /**< its losses in window years, by department then year */
	size_t nlosses, losses_cap;
} jx_overview_indicator;

/** Early warnings (docs/report.md, "Early warnings"). */
typedef enum {
	JX_WARN_GROWTH = 0, /**< expenditure growth above the threshold (figures, R9) */
	JX_WARN_EXECUTION,  /**< latest execution rate outside the band (R8) */
	JX_WARN_GRADE_DROP, /**< headline grade (review first) lower than the year before */
	JX_WARN_PERSISTENT  /**< an indicator newly persistent under the weak rules */
} jx_warning_code;

/** "growth", "execution", "grade_drop", "persistent_deduction" (codes, never translated). */
JX_API const char *jx_warning_code_name(jx_warning_code c);

typedef struct {
	size_t dept;
	int year;
	jx_warning_code code;
	char *subject;  /**< the indicator (persistent), else NULL */
	double value;   /**< growth, execution rate, the new total rate, points lost */
	char *evidence; /**< the numbers behind it, one line */
	jx_provenance provenance;
} jx_overview_warning;

/** The whole overview. Everything belongs to it (jx_overview_free). */
typedef struct {
	jx_kind kind;
	jx_analysis_options o;
	char **departments; /**< in name order */
	size_t ndepartments;
	int *years; /**< every year with an evaluation of kind, ascending */
	size_t nyears;
	int *window; /**< the last o.weak_window of them */
	size_t nwindow;
	jx_overview_cell *cells; /**< by department, then year */
	size_t ncells;
	jx_overview_indicator *indicators; /**< deducted in >= min_departments, by departments
					       deducted in the latest year, descending */
	size_t nindicators;
	jx_gap_result **gaps; /**< departments with a year of both totals; one BH family */
	size_t ngaps;
	jx_overview_warning *warnings; /**< by department, then code */
	size_t nwarnings;
	size_t top;
	jx_grade_band bands[16];
	size_t nbands;
	jx_provenance provenance; /**< synthetic when any department used is */
	jx_rank_result **ranks;   /**< with keep_ranks: one per year that is some department's
				       latest, ascending, rows only (ncats 0); else NULL */
	size_t nranks;
	double *gap_self_rate;   /**< per gaps[i]: mean self rate over its years with both
				       totals (a fraction, like cells' rate) */
	double *gap_review_rate; /**< per gaps[i]: mean review rate over the same years */
} jx_overview;

/**
 * Compute the overview (no output). JX_ENOTFOUND when no department has an
 * evaluation of the kind in range, or a named department does not exist.
 * *out freed with jx_overview_free; NULL on error.
 */
JX_API int jx_overview_compute(jx_overview **out, jx_store *st, const jx_overview_request *req);
JX_API void jx_overview_free(jx_overview *ov);

typedef enum {
	JX_OV_MATRIX = 0,
	JX_OV_WEAK,
	JX_OV_GAP,
	JX_OV_MOVERS,
	JX_OV_WARNINGS,
	JX_OV_DISTRIBUTION
} jx_overview_view;

/** Parse "matrix", "weak", "gap", "movers", "warnings", "distribution". 0 or JX_EINVAL. */
JX_API int jx_overview_view_parse(const char *s, jx_overview_view *out);

typedef enum {
	JX_OV_SORT_DEPARTMENT = 0, /**< by name */
	JX_OV_SORT_RATE,           /**< by the latest year's rate, best first */
	JX_OV_SORT_CHANGE,         /**< by the latest change, largest fall first */
	JX_OV_SORT_RANK            /**< by the latest year's rank in its peer group */
} jx_overview_sort;

/** Parse "department", "rate", "change", "rank". 0 or JX_EINVAL. */
JX_API int jx_overview_sort_parse(const char *s, jx_overview_sort *out);

/**
 * The departments in sort order (indices into ov->departments; the latest
 * year is each department's own latest year with a known rate; unknown
 * last, ties by name). *out (free()) has ov->ndepartments entries.
 */
JX_API int jx_overview_order(size_t **out, const jx_overview *ov, jx_overview_sort sort);

/**
 * One view as a table.
 * matrix (long): department, year, basis, total_score, total_weight, rate, grade, change_pp,
 *   new_period, rank, peers, provenance -- one row per department and year, departments in
 *   sort order; wide (for people): department, then one "score grade" column per year;
 * weak: level1, level3, key, departments, deducted, share, deducted_window, weak_departments,
 *   points_lost, shares, direction, p_value, q_value, sen_slope_pp, provenance;
 * gap: the columns of jx_gap_table;
 * movers: direction (falling / rising), department, year_from, year_to, rate_from, rate_to,
 *   change_pp, grade_from, grade_to, grade_change (down / up / same), provenance;
 * warnings: department, year, warning, subject, value, evidence, provenance;
 * distribution: year, departments, known, min, q1, median, q3, max, mean, grades
 *   ("优:3;良:5;中:2;差:0;unknown:1"), provenance -- one row per year and peer group.
 * Rates are percentages in the tables (84.5), as the reports print them.
 */
JX_API int jx_overview_table(jx_table **out, const jx_overview *ov, jx_overview_view view,
			     jx_overview_sort sort, int wide);

/**
 * Part of the long matrix: the rows of the departments order[from .. from + n) (order from
 * jx_overview_order), under the columns of jx_overview_table's long matrix. The parts one
 * after another (jx_table_write_rows) are that table's rows, so a large overview is
 * written without holding all of it (80,000 rows for 8,000 departments). *out freed with
 * jx_table_free; NULL on error.
 */
JX_API int jx_overview_matrix_part(jx_table **out, const jx_overview *ov, const size_t *order,
				   size_t from, size_t n);

#ifdef __cplusplus
}
#endif
#endif
