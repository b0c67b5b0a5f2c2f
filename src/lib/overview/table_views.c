/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table_views.c -- the other views as tables: system-wide weak indicators,
 * self vs review, movers, warnings, the distribution per year. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>
#include "overview/internal.h"

int jx__ov_table_start(jx_table **t, const jx__col *cols, size_t n, const jx_overview *ov)
{
	jx_analysis_options o = ov->o;
	int base;
	o.with_department = 0;
	o.with_project = 0;
	return jx__table_start(t, &base, cols, n, &o, ov->provenance);
}

static const jx__col weak_cols[] = {
	{"level1", N_("level 1"), JX_COL_TEXT, 0},
	{"level3", N_("level 3"), JX_COL_TEXT, 0},
	{"key", N_("key"), JX_COL_TEXT, 0},
	{"departments", N_("depts involved"), JX_COL_INT, 0},
	{"deducted", N_("depts deducted"), JX_COL_INT, 0},
	{"share", N_("share deducted"), JX_COL_FIXED, 3},
	{"deducted_window", N_("recently deducted"), JX_COL_INT, 0},
	{"weak_departments", N_("weak depts"), JX_COL_INT, 0},
	{"points_lost", N_("recent lost"), JX_COL_NUMBER, 0},
	{"shares", N_("shares by year"), JX_COL_TEXT, 0},
	{"direction", N_("trend"), JX_COL_TEXT, 0},
	{"p_value", N_("p-value"), JX_COL_FIXED, 4},
	{"q_value", N_("q"), JX_COL_FIXED, 4},
	{"sen_slope_pp", N_("change/yr (pp)"), JX_COL_FIXED, 2},
};

static char *shares_text(const jx_overview *ov, const jx_overview_indicator *ind)
{
	jx__buf b;
	jx__buf_init(&b);
	for (size_t y = 0; y < ov->nyears; y++)
		if (ind->present[y])
			jx__buf_printf(&b, "%s%d %zu/%zu", b.len ? "; " : "", ov->years[y],
				       ind->deducted[y], ind->present[y]);
	return jx__buf_detach(&b);
}

double jx__ov_window_points(const jx_overview *ov, const jx_overview_indicator *ind)
{
	double sum = 0;
	for (size_t y = ov->nyears - ov->nwindow; y < ov->nyears; y++)
		sum += ind->points[y];
	return jx__tidy(sum);
}

static int weak_row(jx_table *t, const jx_overview *ov, const jx_overview_indicator *ind)
{
	char *sh = shares_text(ov, ind);
	int bad = !sh || jx_table_add_row(t) || jx_table_set_text(t, 0, ind->level1) ||
		  jx_table_set_text(t, 1, ind->name) || jx_table_set_text(t, 2, ind->key) ||
		  jx_table_set_int(t, 3, (long long)ind->present_latest) ||
		  jx_table_set_int(t, 4, (long long)ind->deducted_latest) ||
		  (ind->present_latest &&
		   jx__set_number(t, 5,
				  (double)ind->deducted_latest / (double)ind->present_latest)) ||
		  jx_table_set_int(t, 6, (long long)ind->window_deducted) ||
		  jx_table_set_int(t, 7, (long long)ind->weak) ||
		  jx__set_number(t, 8, jx__ov_window_points(ov, ind)) ||
		  jx_table_set_text(t, 9, sh) ||
		  jx_table_set_text(t, 10, jx_direction_name(ind->direction)) ||
		  jx__set_number(t, 11, ind->mk.p_value) || jx__set_number(t, 12, ind->q_value) ||
		  jx__set_number(t, 13, ind->sen) ||
		  jx_table_set_text(t, 14, jx_provenance_name(ind->provenance));
	free(sh);
	return bad ? jx__oom() : 0;
}

static int weak_table(jx_table **out, const jx_overview *ov)
{
	int rc = jx__ov_table_start(out, weak_cols, sizeof(weak_cols) / sizeof(*weak_cols), ov);
	if (rc == 0 && jx_table_add_note(*out,
					 _("indicators deducted in at least one of the last %zu "
					   "year(s) in several departments; departments, deducted "
					   "and share: the latest year %d; direction: Mann-Kendall "
					   "of the share deducted, q over the %zu indicators"),
					 ov->nwindow, ov->nyears ? ov->years[ov->nyears - 1] : 0,
					 ov->nindicators))
		rc = jx__oom();
	for (size_t i = 0; rc == 0 && i < ov->nindicators; i++)
		rc = weak_row(*out, ov, &ov->indicators[i]);
	return rc;
}

static int gap_view(jx_table **out, const jx_overview *ov)
{
	jx_analysis_options o = ov->o;
	o.with_department = 0;
	return jx_gap_table(out, ov->gaps, ov->ngaps, &o);
}

static const jx__col warning_cols[] = {
	{"department", N_("department"), JX_COL_TEXT, 0},
	{"year", N_("year"), JX_COL_INT, 0},
	{"warning", N_("warning"), JX_COL_TEXT, 0},
	{"subject", N_("subject"), JX_COL_TEXT, 0},
	{"value", N_("value"), JX_COL_NUMBER, 0},
	{"evidence", N_("grounds"), JX_COL_TEXT, 0},
};

static int warnings_table(jx_table **out, const jx_overview *ov)
{
	int rc = jx__ov_table_start(out, warning_cols, sizeof(warning_cols) / sizeof(*warning_cols),
				    ov);
	for (size_t i = 0; rc == 0 && i < ov->nwarnings; i++) {
		const jx_overview_warning *w = &ov->warnings[i];
		if (jx_table_add_row(*out) ||
		    jx_table_set_text(*out, 0, ov->departments[w->dept]) ||
		    jx_table_set_int(*out, 1, w->year) ||
		    jx_table_set_text(*out, 2, jx_warning_code_name(w->code)) ||
		    jx_table_set_text(*out, 3, w->subject) || jx__set_number(*out, 4, w->value) ||
		    jx_table_set_text(*out, 5, w->evidence) ||
		    jx_table_set_text(*out, 6, jx_provenance_name(w->provenance)))
			rc = jx__oom();
	}
	return rc;
}

int jx_overview_table(jx_table **out, const jx_overview *ov, jx_overview_view view,
		      jx_overview_sort sort, int wide)
{
	int rc;
	*out = NULL;
	switch (view) {
	case JX_OV_MATRIX: return jx__ov_matrix_table(out, ov, sort, wide);
	case JX_OV_WEAK: rc = weak_table(out, ov); break;
	case JX_OV_GAP: rc = gap_view(out, ov); break;
	case JX_OV_MOVERS: rc = jx__ov_movers_table(out, ov); break;
	case JX_OV_WARNINGS: rc = warnings_table(out, ov); break;
	default: rc = jx__ov_distribution_table(out, ov); break;
	}
	if (rc) {
		jx_table_free(*out);
		*out = NULL;
	}
	return rc;
}
