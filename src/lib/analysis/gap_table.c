/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gap_table.c -- the self-minus-review gap of departments as a table (`compare
 * --self-vs-review --gap`): one row per department, the family's q-values. */
#include <math.h>
#include <stdlib.h>
#include "analysis/internal.h"

static const jx__col gap_cols[] = {
	{"department", N_("department"), JX_COL_TEXT, 0},
	{"years", N_("reviewed years"), JX_COL_INT, 0},
	{"first_year", N_("first"), JX_COL_INT, 0},
	{"last_year", N_("last"), JX_COL_INT, 0},
	{"self_higher", N_("years self higher"), JX_COL_INT, 0},
	{"self_lower", N_("years self lower"), JX_COL_INT, 0},
	{"equal", N_("equal years"), JX_COL_INT, 0},
	{"mean_gap_pp", N_("mean gap (pp)"), JX_COL_FIXED, 2},
	{"mean_gap_points", N_("mean gap (points)"), JX_COL_NUMBER, 0},
	{"p_value", N_("p (sign test)"), JX_COL_FIXED, 4},
	{"q_value", N_("q"), JX_COL_FIXED, 4},
	{"verdict", N_("verdict"), JX_COL_TEXT, 0},
};

static int gap_row(jx_table *t, const jx_gap_result *g, const jx_analysis_options *o)
{
	int bad = jx__table_row(t, NULL, NULL, g->provenance, o);
	bad = bad ||
	      (jx_table_set_text(t, 0, g->department) | jx_table_set_int(t, 1, (long long)g->n) |
	       (g->n ? jx_table_set_int(t, 2, g->year_first) | jx_table_set_int(t, 3, g->year_last)
		     : 0) |
	       jx_table_set_int(t, 4, (long long)g->nhigher) |
	       jx_table_set_int(t, 5, (long long)g->nlower) |
	       jx_table_set_int(t, 6, (long long)g->nequal) |
	       jx__set_number(t, 7, g->mean_gap_rate * 100) |
	       jx__set_number(t, 8, g->mean_gap_points) | jx__set_number(t, 9, g->p_value) |
	       jx__set_number(t, 10, g->q_value) |
	       jx_table_set_text(t, 11, jx_gap_verdict_name(g->verdict)));
	bad = bad || jx__set_number(t, jx_table_find_column(t, "slope_pp"), g->slope_pp);
	if (!bad && g->verdict == JX_GAP_OVER)
		jx_table_mark_row(t);
	return bad ? jx__oom() : 0;
}

int jx_gap_table(jx_table **out, jx_gap_result *const *v, size_t n, const jx_analysis_options *o)
{
	jx_analysis_options plain;
	jx_provenance prov = JX_PROV_REAL;
	jx_table *t;
	int c, rc;
	if (o) { /* the department is a column of its own here */
		plain = *o;
		plain.with_department = 0;
		plain.with_project = 0;
		o = &plain;
	}
	for (size_t i = 0; i < n; i++)
		if (v[i]->provenance == JX_PROV_SYNTHETIC)
			prov = JX_PROV_SYNTHETIC;
	if ((rc = jx__table_start(&t, &c, gap_cols, sizeof(gap_cols) / sizeof(*gap_cols), o, prov)))
		return rc;
	if (jx_table_add_column(t, "slope_pp", N_("gap change/yr (pp)"), JX_COL_FIXED, 2) < 0) {
		jx_table_free(t);
		return jx__oom();
	}
	jx_table_add_note(t,
			  _("gap = self-evaluation total rate - review total rate, years with both "
			    "known; p: one-sided exact sign test of over-scoring (years above vs "
			    "below); q: Benjamini-Hochberg over the %zu department(s) listed; "
			    "over-scoring when q < %g; fewer than 5 years with a gap cannot reach "
			    "0.05 (too few years)"),
			  n, o ? o->alpha : 0.05);
	for (size_t i = 0; i < n; i++)
		if ((rc = gap_row(t, v[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}
