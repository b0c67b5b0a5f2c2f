/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis/internal.h -- helpers shared by the analysis files; not API. */
#ifndef JX_ANALYSIS_INTERNAL_H
#define JX_ANALYSIS_INTERNAL_H

#include "text/internal.h"
#include "jixiao/analysis.h"
#include "jixiao/store.h"
#include "jixiao/table.h"

/** Scores closer than this are equal (scores are given to 0.01 at most). */
#define JX__EPS 1e-9

/** Round a sum of points to 1e-6, removing binary dust (0.1 + 0.2 → 0.3);
 *  points are given to 0.01, so nothing real is lost. NaN stays NaN. */
double jx__tidy(double points);

/** A column of a result table. */
typedef struct {
	const char *name, *heading;
	jx_col_type type;
	int decimals;
} jx__col;

/** Add cols to t (after jx__table_start: after the provenance column, where fields
 *  added later go). 0 or JX_ENOMEM. */
int jx__table_columns(jx_table *t, const jx__col *cols, size_t n);

/**
 * New table with an optional leading department column (o->with_department) and
 * project column (o->with_project),
 * then cols, then a last `provenance` column. *base is the index of cols[0].
 * When prov is synthetic the table gets a note saying so. 0 or JX_ENOMEM.
 */
int jx__table_start(jx_table **out, int *base, const jx__col *cols, size_t n,
		    const jx_analysis_options *o, jx_provenance prov);

/** Start a row; fills the department, project and provenance columns. 0 or JX_ENOMEM. */
int jx__table_row(jx_table *t, const char *department, const char *project, jx_provenance prov,
		  const jx_analysis_options *o);

/** The four unit columns every unit table starts with (at col..col+3). */
#define JX__UNIT_COLS                                                                      \
	{"level", N_("level"), JX_COL_TEXT, 0}, {"level1", N_("level 1"), JX_COL_TEXT, 0}, \
		{"level2", N_("level 2"), JX_COL_TEXT, 0},                                 \
	{                                                                                  \
		"level3", N_("level 3"), JX_COL_TEXT, 0                                    \
	}

/** Fill level, level1, level2, level3 of the last row from un (at col..col+3). */
int jx__table_unit(jx_table *t, int col, const jx_unit *un);

/**
 * jx_table_set_number with the value rounded to 12 significant digits:
 * inputs carry at most 6, so nothing real is lost, and CSV/JSON read
 * "-20" instead of "-20.000000000000007" on every machine alike.
 */
int jx__set_number(jx_table *t, int col, double v);

/** v rounded to 12 significant digits into *r (jx__set_number's rounding) and, when
 * 1e-6 <= |*r| < 1e12 and it needs at most 15 decimals, into buf (size >= 24) the
 * text jx__number_text writes for *r, without its search: 1. Else 0 (*r still set). */
int jx__number12(char *buf, size_t size, double *r, double v);

/** A rate with at most 4 decimals, trailing zeros dropped ("0.95", "1"). */
void jx__format_rate(char *buf, size_t size, double v);

/** The decimal digits of n (|n| < 2^63) written backwards from end; returns their start. */
char *jx__int_digits(char *end, long long n);

/** Append the decimal digits of n. */
void jx__buf_int(jx__buf *b, long long n);

/** Sort doubles ascending, in place: an insertion sort up to 64 values (the pairwise
 *  slopes of a unit's years: qsort's calls through a comparator were a tenth of
 *  `trend`), qsort beyond. NaNs compare equal to everything, as with qsort. */
void jx__sort_doubles(double *v, size_t n);

/** Clamp to [0, 1]; NaN stays NaN. */
double jx__clamp01(double v);

/** "2016 0.95; 2018 0.9*; 2019 ?" — a unit's rates per year present (* inferred, ? missing).
 *  New string (free()), NULL on ENOMEM. */
char *jx__rates_text(const jx_units *u, const jx_unit *un);

/** Units of the levels o selects. */
size_t jx__count_selected(const jx_units *u, const jx_analysis_options *o);

/** Fill u->periods and u->nperiods from the level-3 keys and s's declarations. */
int jx__units_periods(jx_units *u, const jx_series *s);

/** Free a unit's key, names and years (NULL-safe; the fields become NULL). */
void jx__unit_free_fields(jx_unit *un);

/**
 * The trend test of row->unit: step fit, pooled Sen's slope, Mann–Kendall
 * within periods; q_value NaN and direction too-few until jx__trend_decide.
 * Scratch x, y, per of u->nyears each. 0 or a JX_E code.
 */
int jx__trend_unit(jx_trend_row *row, const jx_units *u, double *x, double *y, size_t *per);

/** Benjamini–Hochberg over the rows that could reach p < alpha, then each direction. */
int jx__trend_decide(jx_trend_row *const *rows, size_t n, double alpha);

/** jx_units_build's total and level-1 units only, without periods, from every year of s:
 *  the same sums for what the ranks use, without the groups and indicators. */
int jx__units_build_top(jx_units **out, const jx_series *s);

/** A category of a one-year series: its key (keylen bytes of a row's key, borrowed from the
 *  series), the name its first row gives, and its sums. */
typedef struct {
	const char *key, *level1;
	size_t keylen;
	jx_unit_year y;
} jx__top_cat;
/** The total and the categories (in first-seen order) of a one-year series. */
typedef struct {
	jx_unit_year total;
	jx__top_cat *cats;
	size_t ncats, cap;
	jx_provenance provenance;
} jx__top;
/** What jx__units_build_top sums for a series of one year, without making units (the ranks
 *  of every department: no allocation once t has grown). t is reused between calls; free
 *  t->cats. JX_EINVAL for a series of other than one year. */
int jx__units_top(jx__top *t, const jx_series *s);

/** A (level, key) → index map; zero-initialise, free with jx__keymap_free. */
typedef struct {
	char **keys;
	int *levels;
	size_t n, cap;
	size_t *slots, nslots;
} jx__keymap;

/**
 * Look (level, key) up: 1 and *idx when found; else, when insert, add it
 * with the next index (0, 1, 2, ...) and return 0; else return 0 with *idx
 * unchanged. JX_ENOMEM on failure.
 */
int jx__keymap_get(jx__keymap *m, size_t *idx, int level, const char *key, int insert);
void jx__keymap_free(jx__keymap *m);

#endif
