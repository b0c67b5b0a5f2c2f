/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview/internal.h -- what the overview's files share; not API. */
#ifndef JX_OVERVIEW_INTERNAL_H
#define JX_OVERVIEW_INTERNAL_H

#include "analysis/internal.h"
#include "jixiao/overview.h"

/** The overview while it is computed: the result and the indicator map. */
typedef struct {
	jx_overview *ov;
	jx__keymap keys;            /* indicator key -> index into ind */
	jx_overview_indicator *ind; /* every indicator seen (filtered at the end) */
	size_t nind, cap_ind;
	size_t cap_gaps, cap_warnings;
	size_t *first; /* per department: its first cell */
	size_t *count; /* per department: its cells */
	size_t min_departments;
} jx__ov_state;

/** Index of department name in ov->departments, or (size_t)-1. */
size_t jx__ov_department(const jx_overview *ov, const char *name);

/** Departments, cells and years from the store's listing; ranks per year. */
int jx__ov_cells(jx__ov_state *s, jx_store *st, const jx_overview_request *req);

/** Index of department d's first cell (cells are by department, then year; binary
 *  search), ov->ncells when it has none. */
size_t jx__ov_first_cell(const jx_overview *ov, size_t d);

/** The cell of department d in year, or NULL. */
jx_overview_cell *jx__ov_cell(const jx__ov_state *s, size_t d, int year);

/** Add one department's indicators (its weak result over o's years) to the map. */
int jx__ov_indicators_add(jx__ov_state *s, size_t d, const jx_weak_result *wk);
/** Keep the indicators deducted in enough departments, test their shares, sort. */
int jx__ov_indicators_finish(jx__ov_state *s);
void jx__ov_indicator_free(jx_overview_indicator *ind);

/** The early warnings of department d. */
int jx__ov_warnings_add(jx__ov_state *s, size_t d, const jx_weak_result *wk,
			const jx_standing_result *sd, const jx_funds_result *fu);

/** A view's table: cols, then provenance; the synthetic note when ov is. */
int jx__ov_table_start(jx_table **t, const jx__col *cols, size_t n, const jx_overview *ov);
/** The views built in their own files. */
int jx__ov_matrix_table(jx_table **out, const jx_overview *ov, jx_overview_sort sort, int wide);
int jx__ov_movers_table(jx_table **out, const jx_overview *ov);
int jx__ov_distribution_table(jx_table **out, const jx_overview *ov);

/** An indicator's points lost over the window, all departments. */
double jx__ov_window_points(const jx_overview *ov, const jx_overview_indicator *ind);

/** Percent with one decimal, for evidence texts ("84.5"). */
void jx__ov_pct(char *buf, size_t size, double rate);

#endif
