/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plot.h -- charts drawn by gnuplot from the store and the analysis.
 *
 * Each chart is a gnuplot template (plots/<name>.gp, compiled into the
 * library, overridable with a templates directory). The library writes,
 * before the template, only the terminal and output lines, variables that
 * hold text as escaped single-quoted gnuplot strings, and data blocks of
 * numbers in the C locale; text never becomes gnuplot code. gnuplot runs as
 * a child process fed through a pipe; its own message is reported when it
 * fails.
 */
#ifndef JIXIAO_PLOT_H
#define JIXIAO_PLOT_H

#include <stddef.h>
#include "analysis.h"
#include "model.h"
#include "overview.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The charts, in the order `jixiao plot all` draws them. */
typedef enum {
	JX_CHART_TOTAL = 0,      /**< total score per year, grade bands, OLS trend, forecast + PI */
	JX_CHART_CATEGORIES = 1, /**< score rate of each level-1 category per year */
	JX_CHART_HEATMAP = 2,    /**< deducted points, indicator x year */
	JX_CHART_PARETO = 3,     /**< points lost by indicator, sorted, cumulative share */
	JX_CHART_WEAK = 4,       /**< one panel per weak indicator: its rate over the years */
	JX_CHART_FIGURES = 5,    /**< budget vs final expenditure, execution rate */
	JX_CHART_RANK = 6,       /**< departments' totals for one year */
	JX_CHART_PROJECTS = 7    /**< each project's execution rate per year, the 90% line */
} jx_chart;

#define JX_CHART_COUNT 8

typedef enum { JX_IMAGE_PNG = 0, JX_IMAGE_SVG = 1, JX_IMAGE_PDF = 2 } jx_image_format;

/** What to draw and where; start from jx_plot_request_init(). */
typedef struct {
	jx_chart chart;
	const char *department;    /**< required */
	int year_from, year_to;    /**< 0 = open */
	jx_kind kind;              /**< evaluations used (default self) */
	int rank_year;             /**< rank: the year (0 = the department's latest in range) */
	jx_image_format format;    /**< default PNG */
	int width, height;         /**< pixels (PDF: 100 px per inch); 0 = the chart's default */
	const char *out_path;      /**< file gnuplot writes (jx_plot_draw) */
	const char *templates_dir; /**< NULL = built-in; else DIR/<chart>.gp when present */
	const char *script_path;   /**< also write the whole script here; NULL = no */
	const char *gnuplot;       /**< program; NULL = "gnuplot" searched in PATH */
	const char *font;          /**< font family; NULL = a CJK family found by fontconfig */
	int timeout;               /**< seconds gnuplot may run before it is killed; 0 = 60 */
	jx_lang lang;              /**< the chart's texts (titles, axes, keys, notes); default
					Chinese. Messages stay in the caller's (jx_i18n_set). */
	/** rank: the departments' ranking already computed (jx_rank_compute of the rank year
	 *  and kind; borrowed), so that a caller drawing it beside its own use of it (the
	 *  report) does not rank every department twice; NULL or another year = computed */
	const jx_rank_result *rank;
} jx_plot_request;

/** The default time limit of one gnuplot run, in seconds. */
#define JX_PLOT_TIMEOUT 60

/** Fill r with the defaults (PNG, self, Chinese, built-in templates, sizes per chart). */
JX_API void jx_plot_request_init(jx_plot_request *r);

/** "total", "categories", ... Borrowed; NULL when out of range. */
JX_API const char *jx_chart_name(jx_chart c);
/** Parse a chart name. 0 or JX_EINVAL. */
JX_API int jx_chart_parse(const char *s, jx_chart *out);
/** "png", "svg", "pdf" (and the file extension). Borrowed. */
JX_API const char *jx_image_format_name(jx_image_format f);
JX_API int jx_image_format_parse(const char *s, jx_image_format *out);

/**
 * Build the complete gnuplot script for req (req->out_path is written into
 * the `set output` line; NULL leaves the output unset). Reads the store,
 * runs the analysis, does not run gnuplot. JX_ENOTFOUND when there is
 * nothing to draw (no evaluation, no figures...). *out (NUL-terminated) is
 * the caller's, freed with free().
 */
JX_API int jx_plot_script(char **out, jx_store *s, const jx_plot_request *req);

/**
 * Draw the chart into req->out_path (and write req->script_path when set),
 * both atomically (jixiao/output.h): gnuplot writes a temporary file beside
 * the target, which must then be non-empty and start with the PNG, SVG or
 * PDF signature before it replaces the target. Nothing to draw:
 * JX_ENOTFOUND. A refused path (the open database, "-"): JX_EINVAL. gnuplot
 * not on PATH: JX_EIO with "gnuplot not found: install the Debian package
 * gnuplot-nox"; gnuplot failing, running longer than req->timeout, or
 * writing no valid image: JX_EIO saying so. On error the previous files are
 * untouched and no temporary file stays.
 */
JX_API int jx_plot_draw(jx_store *s, const jx_plot_request *req);

/**
 * Draw the chart and hand back the image bytes (SVG text is NUL-terminated)
 * instead of a file; req->out_path is ignored. *out is the caller's, freed
 * with free(); *len may be NULL.
 */
JX_API int jx_plot_render(char **out, size_t *len, jx_store *s, const jx_plot_request *req);

/**
 * Several department charts drawn by one gnuplot: its start-up and font set-up, most of
 * what a small chart costs, are paid once. jx_plot_batch_add prepares a chart at once (it
 * reads the store then, and fails as jx_plot_draw does: JX_ENOTFOUND when there is nothing
 * to draw, the chart then left out); jx_plot_batch_run draws every chart added, each into a
 * temporary file checked as jx_plot_draw checks it, with `reset session` between charts (so
 * each image is byte for byte the one jx_plot_draw makes), then moves each into place
 * (req->out_path, atomically), or keeps it in memory when req->out_path is NULL
 * (jx_plot_batch_take). If the shared gnuplot fails, or a request names its own templates
 * (which could leave settings `reset session` keeps), the charts are drawn one gnuplot
 * each, so that a failure is the chart's own, with jx_plot_draw's message
 * (jx_plot_batch_failure). req->script_path is refused (JX_EINVAL). The time limit of the
 * shared run is the sum of the charts' limits.
 */
typedef struct jx_plot_batch jx_plot_batch;
/** A new empty batch; free with jx_plot_batch_free. 0 or JX_ENOMEM. */
JX_API int jx_plot_batch_new(jx_plot_batch **out);
/** Prepare req's chart (req and its strings are read during the call only). */
JX_API int jx_plot_batch_add(jx_plot_batch *b, jx_store *s, const jx_plot_request *req);
/** Charts added so far (the index of the next one). */
JX_API size_t jx_plot_batch_count(const jx_plot_batch *b);
/** Draw every chart added. 0 when all were drawn, else the first failure's code. */
JX_API int jx_plot_batch_run(jx_plot_batch *b);
/** Chart i's failure in the run: its code (0 = drawn), *message (borrowed) what went wrong. */
JX_API int jx_plot_batch_failure(const jx_plot_batch *b, size_t i, const char **message);
/** Chart i's image drawn in memory: *out (the caller's, free()) and *len; JX_ENOTFOUND
 *  when it was not drawn or went to a file. */
JX_API int jx_plot_batch_take(jx_plot_batch *b, size_t i, char **out, size_t *len);
/** Free the batch and the temporary files it still holds; NULL is fine. */
JX_API void jx_plot_batch_free(jx_plot_batch *b);

/**
 * Text as a gnuplot string expression: single-quoted pieces joined with the
 * string operator, each quote written as sprintf('%c',39) (it's ->
 * 'it'.sprintf('%c',39).'s'), control characters (newlines, tabs...) turned into
 * spaces, bytes that are not UTF-8 replaced by U+FFFD. Inside single quotes
 * gnuplot expands nothing (no backslash escapes, backticks or @macros). New
 * string (free()); NULL on ENOMEM.
 */
JX_API char *jx_plot_quote(const char *text);

/**
 * A font family with Chinese glyphs found through fontconfig (language
 * zh-cn), e.g. "Noto Sans CJK SC"; NULL when there is none. Looked up once
 * per process; borrowed.
 */
JX_API const char *jx_plot_cjk_font(void);

/**
 * Run gnuplot on a script (what jx_plot_draw does after building it), with
 * the default time limit. program NULL = "gnuplot" on PATH. Errors as
 * jx_plot_draw.
 */
JX_API int jx_plot_run(const char *script, const char *program);

/** The built-in template text of a name ("total", ... or "common"); NULL if none. Borrowed. */
JX_API const char *jx_plot_builtin_template(const char *name);

/* ---- charts of every department at once (jixiao/overview.h) ---- */

/** The overview's charts, in the order `jixiao overview --plot` draws them. */
typedef enum {
	JX_OVCHART_GRADES = 0, /**< departments per grade and year, stacked bars */
	JX_OVCHART_HEAT = 1,   /**< departments × years: score rate, cells coloured by grade */
	JX_OVCHART_WEAK = 2,   /**< system-wide weak indicators: share of departments deducted */
	JX_OVCHART_GAP = 3,    /**< mean self vs mean review rate per department, the diagonal */
	JX_OVCHART_RANK = 4    /**< the latest year's totals ranked, grade bands, axis fitted */
} jx_overview_chart;

#define JX_OVERVIEW_CHART_COUNT 5
/** At most this many departments in the heat table and the rank chart by default. */
#define JX_OVERVIEW_CHART_ROWS 40
/** At most this many indicators in the weak chart (the first of the weak view). */
#define JX_OVERVIEW_CHART_INDICATORS 8

/** "grades", "heat", "weak", "gap", "rank" (file names). Borrowed; NULL when out of range. */
JX_API const char *jx_overview_chart_name(jx_overview_chart c);

/** Which overview chart, and which departments it shows. */
typedef struct {
	jx_overview_chart chart;
	jx_overview_sort sort; /**< heat: the order of departments; the first `rows` are drawn */
	size_t rows;           /**< heat, rank: at most this many departments (0: 40, max 200) */
} jx_overview_plot;

/**
 * The gnuplot script of an overview chart, as jx_plot_script (req's format,
 * size, templates, font and out_path are used; its department, years, kind
 * and chart are not: the overview has them). JX_ENOTFOUND when there is
 * nothing to draw (no review for the gap chart, no weak indicator...).
 * *out free().
 */
JX_API int jx_plot_overview_script(char **out, const jx_overview *ov, const jx_overview_plot *op,
				   const jx_plot_request *req);
/** Draw an overview chart into req->out_path; atomic and checked as jx_plot_draw. */
JX_API int jx_plot_overview_draw(const jx_overview *ov, const jx_overview_plot *op,
				 const jx_plot_request *req);

#ifdef __cplusplus
}
#endif
#endif
