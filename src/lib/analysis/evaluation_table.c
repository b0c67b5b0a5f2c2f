/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evaluation_table.c -- one evaluation as a table: its indicator rows with level-1
 * subtotals and 合计, as `show` and `import --dry-run` print it; its figures. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

enum { C_TYPE, C_L1, C_L2, C_L3, C_WEIGHT, C_SCORE, C_DED, C_RATE, C_ORIGIN, C_LINE };

static const jx__col evaluation_cols[] = {
	{"row_type", N_("row"), JX_COL_TEXT, 0},        {"level1", N_("level 1"), JX_COL_TEXT, 0},
	{"level2", N_("level 2"), JX_COL_TEXT, 0},      {"level3", N_("level 3"), JX_COL_TEXT, 0},
	{"weight", N_("weighting"), JX_COL_NUMBER, 0},  {"score", N_("score"), JX_COL_NUMBER, 0},
	{"deduction", N_("lost"), JX_COL_NUMBER, 0},    {"rate", N_("rate"), JX_COL_FIXED, 3},
	{"score_origin", N_("origin"), JX_COL_TEXT, 0}, {"line", N_("line no."), JX_COL_INT, 0},
};

static const jx__col figures_cols[] = {
	{"item", N_("item"), JX_COL_TEXT, 0},
	{"label", N_("label"), JX_COL_TEXT, 0},
	{"value", N_("value"), JX_COL_TEXT, 0},
	{"unit", N_("unit"), JX_COL_TEXT, 0},
};

static const jx__col list_cols[] = {
	{"department", N_("department"), JX_COL_TEXT, 0},
	{"year", N_("year"), JX_COL_INT, 0},
	{"kind", N_("kind"), JX_COL_TEXT, 0},
	{"total_weight", N_("total weight"), JX_COL_NUMBER, 0},
	{"total_score", N_("score total"), JX_COL_NUMBER, 0},
	{"grade", N_("grade"), JX_COL_TEXT, 0},
	{"deducted", N_("lost"), JX_COL_NUMBER, 0},
	{"provenance", N_("source"), JX_COL_TEXT, 0},
};

/* An optional column (docs/formats.md): written only when some evaluation (show: some row)
 * has a missing score, so that tables of complete evaluations keep their fields. */
static const jx__col scored_col[] = {{"scored_weight", N_("scored weight"), JX_COL_NUMBER, 0}};

/* A new table of cols; NULL on ENOMEM. */
static jx_table *table_of(const jx__col *cols, size_t n)
{
	jx_table *t = jx_table_new();
	if (t && jx__table_columns(t, cols, n) != 0) {
		jx_table_free(t);
		return NULL;
	}
	return t;
}

/* w: weight of all rows; ws: weight of the rows with a known score (the deduction is
 * ws - s, as in `jixiao list`: a missing score is not a deduction). With a missing score
 * the subtotal is unknown, not the sum of the others; scored_weight says how much has one. */
static void subtotal(jx_table *t, const char *type, const char *label, double w, double ws,
		     double s, size_t missing, double declared)
{
	jx_table_add_row(t);
	jx_table_set_text(t, C_TYPE, type);
	jx_table_set_text(t, C_L1, label);
	jx_table_set_number(t, C_WEIGHT, jx__tidy(w));
	jx_table_set_number(t, C_SCORE, missing ? NAN : jx__tidy(s));
	jx_table_set_number(t, C_DED, jx__tidy(ws - s));
	jx_table_set_number(t, C_RATE, w > 0 && !missing ? s / w : NAN);
	if (missing) {
		jx_table_set_text(t, C_ORIGIN, "incomplete");
		jx_table_set_number(t, jx_table_find_column(t, "scored_weight"), jx__tidy(ws));
	}
	if (!isnan(declared) && fabs(declared - w) > 1e-9) {
		char buf[64];
		jx_number_format(buf, sizeof(buf), declared);
		jx_table_add_note(t, _("note: %s declares weight %s but its rows add up to %g"),
				  label, buf, w);
	}
}

/* Columns target, actual, completion, reason (after the others) when some row has
 * a target, an actual value or a reason; *first is the first of them, else -1. */
static int target_columns(jx_table *t, const jx_evaluation *ev, int *first)
{
	static const jx__col cols[] = {{"target", N_("target"), JX_COL_TEXT, 0},
				       {"actual", N_("actual"), JX_COL_TEXT, 0},
				       {"completion", N_("completion"), JX_COL_TEXT, 0},
				       {"reason", N_("reason"), JX_COL_TEXT, 0}};
	*first = -1;
	for (size_t i = 0; i < ev->nrows; i++)
		if (ev->rows[i].target || ev->rows[i].actual || ev->rows[i].reason) {
			*first = (int)jx_table_columns(t);
			return jx__table_columns(t, cols, sizeof(cols) / sizeof(*cols));
		}
	return 0;
}

static void row_targets(jx_table *t, int col, const jx_indicator *r)
{
	jx_table_set_text(t, col, r->target);
	jx_table_set_text(t, col + 1, r->actual);
	jx_table_set_text(t, col + 2, jx_completion_name(r->completion));
	jx_table_set_text(t, col + 3, r->reason);
}

jx_table *jx_evaluation_table(const jx_evaluation *ev)
{
	jx_table *t = table_of(evaluation_cols, sizeof(evaluation_cols) / sizeof(*evaluation_cols));
	double w1 = 0, s1 = 0, wt = 0, st = 0, k1 = 0, kt = 0;
	size_t m1 = 0, mt = 0;
	int tc;
	if (!t || target_columns(t, ev, &tc) != 0) {
		jx_table_free(t);
		return NULL;
	}
	for (size_t i = 0; i < ev->nrows; i++)
		if (isnan(ev->rows[i].score)) { /* the optional column, only when needed */
			if (jx__table_columns(t, scored_col, 1)) {
				jx_table_free(t);
				return NULL;
			}
			break;
		}
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *r = &ev->rows[i];
		int first = i == 0 || strcmp(r->level1, ev->rows[i - 1].level1) != 0;
		if (first && i > 0) {
			subtotal(t, "subtotal", ev->rows[i - 1].level1, w1, k1, s1, m1,
				 ev->rows[i - 1].level1_weight);
			w1 = s1 = k1 = 0;
			m1 = 0;
		}
		jx_table_add_row(t);
		jx_table_set_text(t, C_TYPE, "indicator");
		jx_table_set_text(t, C_L1, r->level1);
		jx_table_set_text(t, C_L2, r->level2);
		jx_table_set_text(t, C_L3, r->level3);
		jx_table_set_number(t, C_WEIGHT, r->weight);
		jx_table_set_number(t, C_SCORE, r->score);
		jx_table_set_number(t, C_DED,
				    isnan(r->score) ? NAN : jx__tidy(r->weight - r->score));
		jx_table_set_number(t, C_RATE, isnan(r->score) ? NAN : r->score / r->weight);
		jx_table_set_text(t, C_ORIGIN, jx_origin_name(r->origin));
		if (r->line > 0)
			jx_table_set_int(t, C_LINE, r->line);
		if (tc >= 0)
			row_targets(t, tc, r);
		if (isnan(r->score) || r->score < r->weight - 1e-9)
			jx_table_mark_row(t);
		w1 += r->weight;
		wt += r->weight;
		if (isnan(r->score))
			m1++, mt++;
		else
			s1 += r->score, st += r->score, k1 += r->weight, kt += r->weight;
	}
	if (ev->nrows)
		subtotal(t, "subtotal", ev->rows[ev->nrows - 1].level1, w1, k1, s1, m1,
			 ev->rows[ev->nrows - 1].level1_weight);
	subtotal(t, "total", "合计", wt, kt, st, mt, ev->total_weight);
	return t;
}

jx_table *jx_figures_table(const jx_figures *f)
{
	jx_table *t = table_of(figures_cols, sizeof(figures_cols) / sizeof(*figures_cols));
	if (!t)
		return NULL;
	for (size_t i = 0; f && i < f->nitems; i++) {
		char v[64];
		jx_cents_format(v, sizeof(v), f->items[i].cents);
		jx_table_add_row(t);
		jx_table_set_text(t, 0, f->items[i].item);
		jx_table_set_text(t, 1, jx_figure_label(f->items[i].item));
		jx_table_set_text(t, 2, v);
		jx_table_set_text(t, 3, jx_figure_unit(f->items[i].item));
	}
	return t;
}

int jx_evaluation_list_table(jx_table **out, const jx_eval_summary *v, size_t n)
{
	jx_table *t = table_of(list_cols, sizeof(list_cols) / sizeof(*list_cols));
	size_t flagged = 0, unknown = 0;
	int project = -1, scored = -1;
	*out = NULL;
	if (!t)
		return jx__oom();
	for (size_t i = 0; i < n && project < 0; i++) /* a project column only when needed */
		if (v[i].project && (project = jx_table_add_column(t, "project", N_("project"),
								   JX_COL_TEXT, 0)) < 0) {
			jx_table_free(t);
			return jx__oom();
		}
	for (size_t i = 0; i < n; i++)
		unknown += isnan(v[i].total_score);
	if (unknown && (jx__table_columns(t, scored_col, 1) ||
			(scored = jx_table_find_column(t, "scored_weight")) < 0)) {
		jx_table_free(t);
		return jx__oom();
	}
	for (size_t i = 0; i < n; i++) {
		jx_table_add_row(t);
		jx_table_set_text(t, 0, v[i].department);
		jx_table_set_int(t, 1, v[i].year);
		jx_table_set_text(t, 2, jx_kind_name(v[i].kind));
		jx_table_set_number(t, 3, v[i].total_weight);
		jx_table_set_number(t, 4, jx__tidy(v[i].total_score));
		jx_table_set_text(t, 5, v[i].grade);
		jx_table_set_number(t, 6, jx__tidy(v[i].deducted)); /* sums in SQL: binary dust */
		jx_table_set_text(t, 7, jx_provenance_name(v[i].provenance));
		if (project >= 0)
			jx_table_set_text(t, project, v[i].project);
		if (scored >= 0 && isnan(v[i].total_score))
			jx_table_set_number(t, scored, jx__tidy(v[i].scored_weight));
		if (v[i].nmissing || v[i].ninferred || v[i].nwarnings) {
			jx_table_mark_row(t);
			flagged++;
		}
	}
	if (flagged)
		jx_table_add_note(t,
				  dngettext(JX_TEXTDOMAIN,
					    "* %zu evaluation with missing or inferred scores or "
					    "import warnings (see `jixiao show`)",
					    "* %zu evaluations with missing or inferred scores or "
					    "import warnings (see `jixiao show`)",
					    flagged),
				  flagged);
	if (unknown)
		jx_table_add_note(
			t,
			dngettext(JX_TEXTDOMAIN,
				  "%zu evaluation has a missing score: its total is unknown "
				  "and it has no grade (scored_weight: the weight that has "
				  "a score)",
				  "%zu evaluations have a missing score: their totals are "
				  "unknown and they have no grade (scored_weight: the weight "
				  "that has a score)",
				  unknown),
			unknown);
	*out = t;
	return 0;
}
