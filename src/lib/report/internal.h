/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report/internal.h -- the report's document model, shared by the report module's files.
 *
 * The findings (jx_report) are turned into a small document -- headings,
 * paragraphs of spans, lists, tables, charts, metric cards -- by the section
 * builders; the HTML and Markdown writers only render that document. Text
 * in the document is plain (never escaped): each writer escapes it for its
 * format. All memory of a document lives in one arena freed with rd_free.
 */
#ifndef JX_REPORT_INTERNAL_H
#define JX_REPORT_INTERNAL_H

#include <stddef.h>
#include "text/internal.h"
#include "jixiao/analysis.h"
#include "jixiao/output.h"
#include "jixiao/plot.h"
#include "jixiao/report.h"

/* ---- document ---- */

enum {
	RD_NUM = 1u << 0,
	RD_BAD = 1u << 1,
	RD_GOOD = 1u << 2,
	RD_MUTED = 1u << 3,
	RD_STRONG = 1u << 4,
	RD_TOTAL = 1u << 5
};

/** A run of text, optionally a link to an anchor ("#weak-3") and/or strong. */
typedef struct {
	const char *text;
	const char *href;
	unsigned cls;
} rd_span;

typedef struct {
	rd_span *spans;
	size_t n, cap;
} rd_inline;

typedef struct {
	const char *text;
	const char *href; /**< link on the cell text, or NULL */
	unsigned cls;
} rd_cell;

typedef struct {
	const char *id; /**< anchor of the row, or NULL */
	unsigned cls;
	rd_cell *cells;
} rd_row;

typedef struct {
	const char *id;
	const char *caption;
	size_t ncols;
	const char **heads;
	unsigned *colcls; /**< RD_NUM for right-aligned columns */
	rd_row *rows;
	size_t nrows, cap;
	const char *note; /**< line under the table, or NULL */
} rd_table;

typedef struct {
	jx_chart chart;
	const char *id, *caption;
	int width, height; /**< 0 = the chart's default */
	const char *svg;   /**< HTML: the sanitised <svg> element (set by the charts step) */
	const char *src;   /**< Markdown: relative path of the PNG */
	const char *error; /**< why the chart is missing */
} rd_chart;

typedef struct {
	const char *label, *value, *sub;
	unsigned cls;
} rd_card;

typedef enum {
	RD_HEADING,
	RD_PARA,
	RD_LIST,
	RD_OLIST,
	RD_TABLE,
	RD_CHART,
	RD_CARDS,
	RD_NOTE
} rd_kind;

typedef struct {
	rd_kind kind;
	int level;        /**< heading level (2 = section, 3 = subsection) */
	const char *id;   /**< anchor of a heading, paragraph or note */
	rd_inline inl;    /**< heading text, paragraph, note */
	rd_inline *items; /**< list items */
	const char **item_ids;
	size_t nitems, items_cap;
	rd_table *table;
	rd_chart *chart;
	rd_card *cards;
	size_t ncards, cards_cap;
} rd_block;

typedef struct {
	jx_lang lang;
	const char *title, *subtitle, *generated;
	const char *banner;    /**< synthetic-data banner text, or NULL */
	int nfigures, ntables; /**< numbering of captions */
	rd_block *blocks;
	size_t n, cap;
	jx__arena arena;
	int failed; /**< an allocation failed; the document is incomplete */
} rd_doc;

void rd_init(rd_doc *d, jx_lang lang);
void rd_free(rd_doc *d);
/** Arena memory (zeroed); never NULL (a static scrap on ENOMEM, with d->failed set). */
void *rd_alloc(rd_doc *d, size_t size);
/** printf into the arena; "" on ENOMEM. */
const char *rd_printf(rd_doc *d, const char *fmt, ...) JX__PRINTF(2, 3);
const char *rd_strdup(rd_doc *d, const char *s);

rd_block *rd_heading(rd_doc *d, int level, const char *id, const char *text);
rd_block *rd_para(rd_doc *d);
/** A paragraph of one span, with an anchor id (may be NULL). */
rd_block *rd_para_text(rd_doc *d, const char *id, const char *text);
rd_block *rd_note(rd_doc *d, const char *text);
rd_block *rd_list(rd_doc *d, int ordered);
/** Append a new item to a list block; returns its inline to fill. */
rd_inline *rd_item(rd_doc *d, rd_block *list, const char *id);
void rd_span_add(rd_doc *d, rd_inline *in, const char *text, const char *href, unsigned cls);

rd_block *rd_cards(rd_doc *d);
void rd_card_add(rd_doc *d, rd_block *b, const char *label, const char *value, const char *sub,
		 unsigned cls);

rd_block *rd_chart_add(rd_doc *d, jx_chart chart, const char *id, const char *caption);

/** A table with ncols columns; heads[i] and colcls[i] set with rd_col. */
rd_table *rd_table_add(rd_doc *d, const char *id, const char *caption, size_t ncols);
void rd_col(rd_table *t, size_t i, const char *head, unsigned cls);
/** New row (id may be NULL); cells empty. */
rd_row *rd_row_add(rd_doc *d, rd_table *t, const char *id, unsigned cls);
void rd_cell_set(rd_row *r, size_t i, const char *text, const char *href, unsigned cls);

/* ---- numbers as the report prints them (docs/report.md, "Numbers") ---- */

#define RD_DASH "\xe2\x80\x94" /* — for an unknown value */
/** rate 0.9523 → "95.2%" (one decimal); NaN → —. */
const char *rd_pct(rd_doc *d, double rate);
/** rate as a whole percent, for thresholds in sentences: 0.9 → "90%", 1.1 → "110%". */
const char *rd_pct0(rd_doc *d, double rate);
/** rate difference 0.012 → "+1.2" percentage points; 0 → "0.0". */
const char *rd_pp(rd_doc *d, double delta);
/** slope of a rate per year → "+1.25" percentage points per year (two decimals). */
const char *rd_slope(rd_doc *d, double slope);
/** points: at most two decimals, trailing zeros dropped ("98", "97.5"). */
const char *rd_pts(rd_doc *d, double v);
/** signed points ("+1.5", "-2", "0"). */
const char *rd_dpts(rd_doc *d, double v);
/** p-value: three decimals, "<0.001" below. */
const char *rd_p(rd_doc *d, double p);
/** p-value in a sentence: "p = 0.012", "p < 0.001". */
const char *rd_p_is(rd_doc *d, double p);
/** fixed decimals ("0.85"). */
const char *rd_fixed(rd_doc *d, double v, int decimals);
/** money in 万元: two decimals with thousands separators ("3,563.83"). */
const char *rd_money(rd_doc *d, double v);

/* ---- texts (labels.c): English msgids through gettext, in the current language ---- */

/** A table with the n columns headed heads (N_() texts, translated here); column c
 *  is RD_NUM when bit c of numeric is set. */
rd_table *rd_table_heads(rd_doc *d, const char *id, const char *caption, const char *const *heads,
			 size_t n, unsigned numeric);
/** Caption of a chart in the report. */
const char *rp_chart_title(jx_chart c);
/** Short label of a suggestion rule ("persistent deduction" / "持续扣分"). */
const char *rp_rule_label(jx_rule rule);
/** n for ngettext() of an amount of points: 1 exactly for one point, else 2. */
unsigned long rp_plural(double points);

/* ---- building the document (report_sec_*.c) ---- */

/** A unit's display name: the total's name, a category, or "level3". */
const char *rp_unit_name(rd_doc *d, const jx_unit *un);
/** "level1 / level2" of a unit below level 1 (its place in the framework). */
const char *rp_unit_path(rd_doc *d, const jx_unit *un);
/** The name of a unit, with its level-2 group ("预算管理 · 管理制度健全性") when another
 *  indicator of u has the same name. */
const char *rp_unit_label(rd_doc *d, const jx_units *u, const jx_unit *un);
/** Index of a unit within its units (for anchors). */
size_t rp_unit_index(const jx_units *u, const jx_unit *un);
/** "2016–2024", or "2023" for one year. */
const char *rp_years(rd_doc *d, int from, int to);
/** Anchor ids used by the sections and the rules. */
const char *rp_anchor(rd_doc *d, const char *prefix, size_t i);

/** Profile mode (docs/report.md, "One or two years"): fewer than 3 evaluated years, no trend
 *  test, no forecast and no chart of a single point. */
#define RP_PROFILE_YEARS 3
int rp_profile(const jx_report *r);

void rp_sec_basics(rd_doc *d, const jx_report *r);
void rp_sec_summary(rd_doc *d, const jx_report *r);
void rp_sec_targets(rd_doc *d, const jx_report *r);
void rp_sec_problems(rd_doc *d, const jx_report *r);
void rp_sec_budget(rd_doc *d, const jx_report *r);
void rp_sec_appendix(rd_doc *d);
void rp_sec_trends(rd_doc *d, const jx_report *r);
void rp_sec_weak(rd_doc *d, const jx_report *r);
void rp_sec_deductions(rd_doc *d, const jx_report *r);
void rp_sec_forecast(rd_doc *d, const jx_report *r);
void rp_sec_figures(rd_doc *d, const jx_report *r);
void rp_sec_projects(rd_doc *d, const jx_report *r);
void rp_sec_review(rd_doc *d, const jx_report *r);
void rp_sec_suggestions(rd_doc *d, const jx_report *r);
void rp_sec_provenance(rd_doc *d, const jx_report *r);

/* ---- findings → suggestions (rules.c) ---- */

/** Fill r->suggestions from the findings. 0 or JX_ENOMEM. */
int jx__report_rules(jx_report *r);

/** Fill r->problems: the indicators that lost points in the latest year, ranked by those
 *  points times their deducted years in the window (problems.c). Cannot fail. */
int jx__report_problems(jx_report *r);
/** The latest evaluation's indicator matching a unit (key, then level-3 name), or NULL. */
const jx_indicator *rp_latest_indicator(const jx_report *r, const jx_unit *un);

/* ---- writers ---- */

/** HTML document (html.c); NULL on ENOMEM. */
char *rp_write_html(const rd_doc *d);
/** Markdown document (md.c); NULL on ENOMEM. */
char *rp_write_md(const rd_doc *d);
/** The <svg> element of a gnuplot SVG file with ids prefixed and scripts removed
 *  (svg.c); NULL on ENOMEM or when there is no <svg> element. */
char *rp_svg_inline(const char *svg, const char *prefix);

/** Add a message to r->messages (printf-style); ignores ENOMEM. */
void jx__report_message(jx_report *r, const char *fmt, ...) JX__PRINTF(2, 3);

#endif
