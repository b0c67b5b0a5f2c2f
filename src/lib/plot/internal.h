/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plot/internal.h -- shared by the plot module's files; not part of the API.
 *
 * A chart is prepared by one plot__chart_<name> function that reads the
 * store and the analysis and writes variables and data blocks into a
 * plot__script with the emitters below. Only these emitters put anything
 * into the script before the template; every string goes through
 * jx_plot_quote, every number through plot__emit_number (C locale).
 */
#ifndef JX_PLOT_INTERNAL_H
#define JX_PLOT_INTERNAL_H

#include "text/internal.h"
#include "jixiao/analysis.h"
#include "jixiao/plot.h"
#include "jixiao/output.h"

/** Run gnuplot on script, killing it after timeout seconds (0: JX_PLOT_TIMEOUT). */
int plot__run(const char *script, const char *program, int timeout);

/** What a chart preparation produces besides the variables. */
typedef struct {
	jx__buf vars;               /**< variables and data blocks */
	int synthetic;              /**< any evaluation / figure drawn is synthetic */
	const char *synthetic_text; /**< the mark of synthetic data in the chart's language */
	int width, height;          /**< the chart's preferred size (pixels) */
} plot__script;

/** Context handed to each chart. */
typedef struct {
	jx_store *store;
	const jx_plot_request *req;
} plot__ctx;

typedef int (*plot__chart_fn)(plot__script *ps, const plot__ctx *ctx);

/** A chart to draw: its preparation, and the template it is drawn with. */
typedef struct {
	const char *name;          /**< named in the script's first line */
	const char *template_name; /**< plots/<template_name>.gp */
	int (*prepare)(plot__script *ps, const void *arg);
	const void *arg;
} plot__job;

/** The whole script of job (its output req->out_path); *out free(). */
int plot__script_text(char **out, const plot__job *job, const jx_plot_request *req);
/** Draw job into req->out_path as jx_plot_draw does (atomic, checked, script kept). */
int plot__draw(const plot__job *job, const jx_plot_request *req);

/** The job of a department chart (req->chart); ctx is filled and must outlive the job. */
plot__job plot__chart_job(plot__ctx *ctx, jx_store *s, const jx_plot_request *req);
/** 0 when the file gnuplot wrote at path holds an image of format fmt, else JX_EIO. */
int plot__verify_image(const char *path, jx_image_format fmt);
/** A new empty temporary file for an image kept in memory (*path malloc'd; unlink it). */
int plot__temp_image(char **path);
/** The largest image read back into memory. */
#define PLOT__IMAGE_MAX ((size_t)256 << 20)

int plot__chart_total(plot__script *ps, const plot__ctx *ctx);
int plot__chart_categories(plot__script *ps, const plot__ctx *ctx);
int plot__chart_heatmap(plot__script *ps, const plot__ctx *ctx);
int plot__chart_pareto(plot__script *ps, const plot__ctx *ctx);
int plot__chart_weak(plot__script *ps, const plot__ctx *ctx);
int plot__chart_figures(plot__script *ps, const plot__ctx *ctx);
int plot__chart_rank(plot__script *ps, const plot__ctx *ctx);
int plot__chart_projects(plot__script *ps, const plot__ctx *ctx);

/* ---- the overview's charts (overview_*.c) ---- */

/** What an overview chart is drawn from. */
typedef struct {
	const jx_overview *ov;
	const jx_overview_plot *op;
	const jx_plot_request *req;
} plot__ov;

int plot__ov_grades(plot__script *ps, const plot__ov *c);
int plot__ov_heat(plot__script *ps, const plot__ov *c);
int plot__ov_weak(plot__script *ps, const plot__ov *c);
int plot__ov_gap(plot__script *ps, const plot__ov *c);
int plot__ov_rank(plot__script *ps, const plot__ov *c);
/** title_text (chart_title) and subtitle_text (the overview's years, or year when not 0;
 *  departments, kind, extra when not NULL). */
void plot__ov_titles(plot__script *ps, const plot__ov *c, const char *chart_title, int year,
		     const char *extra);
/** band_name[] and band_min[] from the overview's grade bands. */
void plot__ov_bands(plot__script *ps, const jx_overview *ov);
/** The index of grade among the overview's bands plus 1; 0 when unknown. */
int plot__ov_band(const jx_overview *ov, const char *grade);
/** 100·score÷weight of a cell; NaN when its rate is unknown. */
double plot__ov_percent(const jx_overview_cell *cell);
/** rank_xmin, rank_xmax: the rank chart's axis fitted to the percentages (NaN skipped). */
void plot__emit_rank_axis(plot__script *ps, const double *pct, size_t n);

/* ---- emitters (escape.c); all set b->failed on ENOMEM ---- */

/** name = '<text>' */
void plot__emit_string(jx__buf *b, const char *name, const char *text);
/** name = <number> (NaN as NaN) */
void plot__emit_number(jx__buf *b, const char *name, double v);
void plot__emit_int(jx__buf *b, const char *name, long v);
/** array name[n] and one assignment per element (n may be 0: "array name[1]" left empty). */
void plot__emit_string_array(jx__buf *b, const char *name, const char *const *v, size_t n);
void plot__emit_number_array(jx__buf *b, const char *name, const double *v, size_t n);
/** A number as a data-block field: shortest C-locale form, "NaN" for NaN. */
void plot__put_number(jx__buf *b, double v);
/** "$name << EOD" and "EOD" around rows written with plot__put_number. */
void plot__block_begin(jx__buf *b, const char *name);
void plot__block_end(jx__buf *b);

/**
 * title_text ("<department> · <chart_title>") and subtitle_text (years drawn
 * and kind); year_to 0 = a single year.
 */
void plot__emit_titles(plot__script *ps, const jx_plot_request *req, const char *chart_title,
		       int year_from, int year_to);

/** band_name[] and band_min[] (grade bands, highest first) from the store. */
int plot__emit_bands(plot__script *ps, jx_store *s);

/* ---- data helpers (data.c) ---- */

/** Analysis options for the request (its years and kind; other options at their defaults). */
void plot__options(jx_analysis_options *o, const jx_plot_request *req);
/** What a chart of one department's units starts from. */
typedef struct {
	jx_series *sr;
	jx_units *u;
	jx_analysis_options o; /**< plot__options of the request */
} plot__units;
/**
 * Load the request's series and its units, set ps->synthetic from the
 * series, write the titles (chart_title over the units' years) and the
 * years. JX_ENOTFOUND (with a message) when nothing was evaluated. Free
 * with plot__units_end, also after a failure.
 */
int plot__units_begin(plot__units *pu, plot__script *ps, const plot__ctx *ctx,
		      const char *chart_title);
void plot__units_end(plot__units *pu);
/**
 * A unit-year's rate in percent, computed as 100·score÷weight (so that 89
 * of 100 prints as 89, not 89.00000000000001); NaN when unknown or absent.
 */
double plot__percent(const jx_unit_year *uy);
/** note_text = text ("" when NULL). */
void plot__emit_note(plot__script *ps, const char *text);
/** a / b in percent (100·a÷b); NaN when known is 0 or b is not positive. */
double plot__ratio_percent(double a, double b, double known);

/* ---- words for people (words.c); the chart's language is current while it is prepared ---- */

/** v with exactly `decimals` (0..4) decimals and a point whatever LC_NUMERIC says ("–" for NaN). */
void plot__fixed(char *buf, size_t size, double v, int decimals);
/** "p < 0.001" or "p = 0.024" (name 'p' or 'q'); "p = –" when p is NaN. */
void plot__p_text(char *buf, size_t size, char name, double p);
/** xlabel_text, ylabel_text, y2label_text (NULL: ""): the axis titles the templates set. */
void plot__emit_axes(plot__script *ps, const char *x, const char *y, const char *y2);

/* ---- templates (template.c) ---- */

/** Template text of name: DIR/<name>.gp when dir has it, else built-in. *out malloc'd. */
int plot__template_load(char **out, const char *dir, const char *name);

#endif
