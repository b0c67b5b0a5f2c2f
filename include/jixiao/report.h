/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h -- the planning report: one department's findings, written as HTML or Markdown.
 *
 * The report gathers the analyses (trend, forecast, deductions, weak
 * indicators, figures, rank, self vs review) for one department and turns
 * them into planning suggestions by the documented rules of docs/report.md.
 * Every number comes from the analysis functions of analysis.h, so the
 * report says what `jixiao trend`, `jixiao weak`, ... print.
 *
 * Two steps: jx_report_build computes the findings (no output), and
 * jx_report_write renders them, drawing the charts through plot.h (HTML:
 * inline SVG in one self-contained file; Markdown: PNG files beside it).
 */
#ifndef JIXIAO_REPORT_H
#define JIXIAO_REPORT_H

#include <stddef.h>
#include "analysis.h"
#include "model.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { JX_REPORT_HTML = 0, JX_REPORT_MD = 1 } jx_report_format;

/** Parse "html", "md" (or "markdown"). 0 or JX_EINVAL. */
JX_API int jx_report_format_parse(const char *s, jx_report_format *out);

/** What to report on and how; start from jx_report_request_init(). */
typedef struct {
	const char *department;    /**< required */
	int year_from, year_to;    /**< inclusive; 0 = open */
	jx_kind kind;              /**< evaluations analysed (default self) */
	jx_report_format format;   /**< default HTML */
	jx_lang lang;              /**< default Chinese */
	int charts;                /**< 1 = draw charts (default); 0 = leave them out */
	const char *templates_dir; /**< chart templates (NULL = built-in) */
	const char *gnuplot;       /**< gnuplot program (NULL = "gnuplot" on PATH) */
	int timeout;               /**< seconds each gnuplot run may take; 0 = JX_PLOT_TIMEOUT */
	const char *generated;     /**< date printed as "generated on" (NULL = none) */
	/** Ranks computed once for many reports (a site): when one of these has the
	 *  report's latest year and kind it is used (borrowed) instead of ranking all
	 *  departments again; NULL = compute. */
	jx_rank_result *const *ranks;
	size_t nranks;
} jx_report_request;

/** Fill r with the defaults above. */
JX_API void jx_report_request_init(jx_report_request *r);

/** The planning-suggestion rules (docs/report.md gives trigger and evidence of each). */
typedef enum {
	JX_RULE_PERSISTENT =
		1, /**< R1: indicator deducted in >= 3 consecutive evaluated years up to the latest */
	JX_RULE_LOW_RATE, /**< R2: weak indicator, mean rate over the window below the threshold */
	JX_RULE_FALLING,  /**< R3: significant falling trend (total, category or indicator) */
	JX_RULE_CONCENTRATED, /**< R4: at most 3 indicators carry half of all points lost (one
				 entry per indicator, or merged into its entry) */
	JX_RULE_PAIR,         /**< R5: two indicators deducted together (phi >= 0.5, >= 2 years) */
	JX_RULE_NEW, /**< R6: indicator deducted in the latest year, clean the year before */
	JX_RULE_FORECAST_GRADE, /**< R7: lower prediction bound of the total below the latest grade's band */
	JX_RULE_EXECUTION, /**< R8: budget execution rate of the latest year outside [90%, 110%] */
	JX_RULE_GROWTH,    /**< R9: expenditure growth warning of the figures analysis */
	JX_RULE_SELF_HIGH, /**< R10: review scored indicators below the self-evaluation */
	JX_RULE_PROJECT_SLOW,    /**< R11: a project's execution rate below 90% in every year */
	JX_RULE_PROJECT_REPEATED /**< R12: a project's target missed in two years or more */
} jx_rule;

/** "R1".."R10"; "" when out of range. Borrowed. */
JX_API const char *jx_rule_id(jx_rule rule);
/** "persistent", "low_rate", ... Borrowed. */
JX_API const char *jx_rule_name(jx_rule rule);

/** A rule merged into another rule's entry that names the same indicator (R4, R5, R10),
 *  with its evidence as a suggestion of its own would hold it (docs/report.md, "One entry
 *  per indicator"). */
typedef struct {
	jx_rule rule;
	const jx_unit *unit;  /**< the indicator it names (R5: the first of the pair) */
	const jx_unit *unit2; /**< R5: the second of the pair; else NULL */
	int year;             /**< R10: the review year */
	double value, value2; /**< as jx_suggestion's for the rule */
	size_t count;         /**< as jx_suggestion's for the rule */
	char anchor[40];      /**< id of its evidence */
} jx_suggestion_merged;

/** Rules merged into one entry at most (R4 once, R5 up to 3 pairs, R10 once). */
#define JX_SUGGESTION_MERGED_MAX 5

/** One planning suggestion with the evidence that triggered it. */
typedef struct {
	jx_rule rule;
	const jx_unit *
		unit; /**< subject (borrowed from the report's results); NULL for department-wide rules */
	const jx_unit *unit2; /**< second indicator (R4, R5) or NULL */
	int year, year2;      /**< years of the evidence (meaning per rule, docs/report.md) */
	double value, value2; /**< numbers of the evidence (meaning per rule, docs/report.md) */
	size_t count;         /**< how many units the rule covers (R4, R10), else 1 */
	const char *project;  /**< subject of R11, R12 (borrowed from the report's projects) */
	char anchor[40];      /**< id of the evidence in the report, e.g. "weak-3" */
	/** Other rules that fired on the same indicator, in the order they fired: the entry
	 *  lists every rule (one entry per indicator whatever rules fired). */
	jx_suggestion_merged merged[JX_SUGGESTION_MERGED_MAX];
	size_t nmerged;
} jx_suggestion;

/** At most this many problems are ranked (docs/report.md, "The main problems"). */
#define JX_PROBLEMS_MAX 5

/** One of the department's main problems: an indicator that lost points in the latest year,
 *  ranked by those points times the years it lost points in the window (persistence). */
typedef struct {
	const jx_unit *unit; /**< the indicator (borrowed from the report's deductions) */
	double latest_lost;  /**< points lost in the latest year (> 0) */
	double window_lost;  /**< points lost over the window (known scores) */
	size_t ndeducted;    /**< window years in which it lost points (1..nwindow) */
	size_t nwindow;      /**< evaluated years in the window (options.weak_window) */
	double priority;     /**< latest_lost × ndeducted: the ranking key */
	const char *reason;  /**< the department's own 扣分原因 in the latest year, or NULL
				  (borrowed from latest) */
} jx_problem;

/** One import warning of an evaluation used. */
typedef struct {
	int year;
	jx_kind kind;
	int line;
	char *message;
} jx_report_warning;

/** The findings of one department. Everything is the report's (see jx_report_free). */
typedef struct {
	char *department;
	jx_kind kind;
	jx_analysis_options options; /**< what the analyses ran with */
	jx_series *series;           /**< the evaluations of `kind` in range */
	int year_latest,
		year_previous;  /**< last two evaluated years (year_previous 0 when one year) */
	jx_trend_result *trend; /**< every level */
	jx_forecast_result
		*forecast; /**< NULL when no unit has 3 known years (see forecast_note) */
	char *forecast_note;
	jx_compare_result *compare; /**< year_previous → year_latest; NULL with one year */
	jx_deductions_result *deductions;
	jx_weak_result *weak;
	jx_funds_result *funds;           /**< NULL when the department has no figures */
	jx_rank_result *rank;             /**< all departments in year_latest */
	int rank_borrowed;                /**< rank is the request's (not freed with the report) */
	const jx_rank_row *rank_row;      /**< this department's row in rank (borrowed) */
	jx_selfreview_result *selfreview; /**< NULL when there is no review evaluation in range */
	jx_projects_result *projects;     /**< NULL when the department has no project evaluation */
	jx_eval_summary *evals;           /**< this department's evaluations in range, both kinds */
	size_t nevals;
	jx_report_warning *warnings; /**< import warnings of those evaluations */
	size_t nwarnings;
	jx_grade_band bands[8];
	size_t nbands;
	int synthetic;              /**< some evaluation or figure used is synthetic */
	size_t figures_synthetic;   /**< years of figures that are synthetic */
	size_t rank_synthetic;      /**< departments in the rank whose evaluation is synthetic */
	int projects_synthetic;     /**< some project evaluation used is synthetic */
	jx_suggestion *suggestions; /**< in rule order */
	size_t nsuggestions;
	char **messages; /**< non-fatal problems (a chart that could not be drawn...) */
	size_t nmessages;
	/** Self and review totals per year, the headline review first (docs/report.md,
	 *  "Review first"); NULL only when the department has no evaluation in range. */
	jx_standing_result *standing;
	const jx_standing *standing_latest; /**< year_latest's (borrowed from standing), or NULL */
	jx_gap_result *gap; /**< the self-minus-review gap test; NULL when no year has both */
	/** What the department's own report of year_latest (the report's kind) states, as
	 *  written: 部门主要职能, 存在问题及原因, 有关建议; each NULL when it says nothing. */
	char *functions, *stated_problems, *stated_suggestions;
	/** The department's evaluation of year_latest and the report's kind, as stored (its
	 *  indicators with targets, actuals and reasons); NULL when it cannot be loaded. */
	jx_evaluation *latest;
	/** The main problems, highest priority first (docs/report.md, "The main problems"). */
	jx_problem problems[JX_PROBLEMS_MAX];
	size_t nproblems;
} jx_report;

/**
 * Compute the findings for req->department (no output is written).
 * JX_ENOTFOUND when the department has no evaluation of req->kind in the
 * range. *out freed with jx_report_free; NULL on error.
 */
JX_API int jx_report_build(jx_report **out, jx_store *st, const jx_report_request *req);
JX_API void jx_report_free(jx_report *r);

/**
 * Write the report to path in req->format and req->lang. HTML: one file,
 * charts inline as SVG, CSS inline, no scripts, no external resources.
 * Markdown: charts as PNG files in the directory "<path without .md>_charts"
 * next to it. Written atomically (jixiao/output.h): the file, and for
 * Markdown its charts, are built beside the target and put in place only
 * when all was rendered; on failure the previous files are untouched. A
 * chart that cannot be drawn leaves a note in the report and a line in
 * r->messages; the call still succeeds. JX_EINVAL when path is refused (the
 * open database, "-"), JX_EIO when it cannot be written.
 */
JX_API int jx_report_write(jx_report *r, jx_store *st, const jx_report_request *req,
			   const char *path);

/**
 * The same report as a string (Markdown charts are then left out). *out is
 * the caller's, freed with free().
 */
JX_API int jx_report_render(char **out, jx_report *r, jx_store *st, const jx_report_request *req);

/**
 * Three lines (each ending in "\n") for a terminal: the latest score, grade,
 * rank and change; the weak indicators and the largest loss; the forecast
 * and the number of suggestions. *out is the caller's, freed with free().
 */
JX_API int jx_report_summary(char **out, const jx_report *r, jx_lang lang);

/**
 * gnuplot's SVG made fit to sit inline in an HTML page, as the report places its
 * charts: the prolog dropped, ids (and references to them) prefixed with prefix so
 * that several charts can share a page, <script> elements and on* attributes
 * removed. New string (free()); NULL on ENOMEM or when svg holds no <svg>.
 */
JX_API char *jx_report_svg_inline(const char *svg, const char *prefix);

#ifdef __cplusplus
}
#endif
#endif
