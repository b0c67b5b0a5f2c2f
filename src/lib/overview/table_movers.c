/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table_movers.c -- movers (each department's latest change, framework-aware)
 * and the distribution of totals per year and peer group. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>
#include "overview/internal.h"

static const jx__col mover_cols[] = {
	{"direction", N_("direction"), JX_COL_TEXT, 0},
	{"department", N_("department"), JX_COL_TEXT, 0},
	{"year_from", N_("year from"), JX_COL_INT, 0},
	{"year_to", N_("year to"), JX_COL_INT, 0},
	{"rate_from", N_("rate from"), JX_COL_FIXED, 4},
	{"rate_to", N_("rate to"), JX_COL_FIXED, 4},
	{"change_pp", N_("change (pp)"), JX_COL_FIXED, 1},
	{"grade_from", N_("grade from"), JX_COL_TEXT, 0},
	{"grade_to", N_("grade to"), JX_COL_TEXT, 0},
	{"grade_change", N_("grade change"), JX_COL_TEXT, 0},
};

static int band_of(const jx_overview *ov, const char *grade)
{
	for (size_t i = 0; i < ov->nbands; i++)
		if (!strcmp(ov->bands[i].grade, grade))
			return (int)i;
	return -1;
}

static const char *grade_change(const jx_overview *ov, const jx_overview_cell *from,
				const jx_overview_cell *to)
{
	int a = band_of(ov, from->grade), b = band_of(ov, to->grade);
	return a < 0 || b < 0 ? "" : b > a ? "down" : b < a ? "up" : "same";
}

static int mover_row(jx_table *t, const jx_overview *ov, const jx_overview_cell *to)
{
	const jx_overview_cell *from = to - 1;
	int bad = jx_table_add_row(t) ||
		  jx_table_set_text(t, 0, to->change_pp < 0 ? "falling" : "rising") ||
		  jx_table_set_text(t, 1, ov->departments[to->dept]) ||
		  jx_table_set_int(t, 2, from->year) || jx_table_set_int(t, 3, to->year) ||
		  jx__set_number(t, 4, from->rate) || jx__set_number(t, 5, to->rate) ||
		  jx__set_number(t, 6, to->change_pp) || jx_table_set_text(t, 7, from->grade) ||
		  jx_table_set_text(t, 8, to->grade) ||
		  jx_table_set_text(t, 9, grade_change(ov, from, to)) ||
		  jx_table_set_text(t, 10, jx_provenance_name(to->provenance));
	return bad ? jx__oom() : 0;
}

static int cmp_change(const void *pa, const void *pb)
{
	const jx_overview_cell *a = *(const jx_overview_cell *const *)pa,
			       *b = *(const jx_overview_cell *const *)pb;
	if (a->change_pp != b->change_pp)
		return a->change_pp < b->change_pp ? -1 : 1;
	return (a->dept > b->dept) - (a->dept < b->dept);
}

/* Each department's latest cell when it has a change within one framework period. */
static size_t latest_changes(const jx_overview_cell **v, const jx_overview *ov, size_t *nbreak)
{
	size_t n = 0;
	*nbreak = 0;
	for (size_t i = 0; i < ov->ncells; i++) {
		const jx_overview_cell *c = &ov->cells[i];
		if (i + 1 < ov->ncells && ov->cells[i + 1].dept == c->dept)
			continue; /* not the department's latest year */
		if (isnan(c->change_pp))
			continue;
		if (c->new_period)
			(*nbreak)++;
		else
			v[n++] = c;
	}
	return n;
}

int jx__ov_movers_table(jx_table **out, const jx_overview *ov)
{
	const jx_overview_cell **v = malloc((ov->ndepartments + 1) * sizeof(*v));
	size_t n, nbreak, k;
	int rc = v ? jx__ov_table_start(out, mover_cols, sizeof(mover_cols) / sizeof(*mover_cols),
					ov)
		   : jx__oom();
	if (rc) {
		free(v);
		return rc;
	}
	n = latest_changes(v, ov, &nbreak);
	jx__sort(v, n, sizeof(*v), cmp_change);
	if (jx_table_add_note(
		    *out,
		    _("each department's latest change from its previous evaluated "
		      "year; the %zu largest falls and rises; %zu department(s) left "
		      "out because a new indicator framework starts in their latest year"),
		    ov->top, nbreak))
		rc = jx__oom();
	for (k = 0; rc == 0 && k < n && k < ov->top && v[k]->change_pp < 0; k++)
		rc = mover_row(*out, ov, v[k]);
	for (k = 0; rc == 0 && k < n && k < ov->top && v[n - 1 - k]->change_pp > 0; k++)
		rc = mover_row(*out, ov, v[n - 1 - k]);
	free(v);
	return rc;
}

static const jx__col dist_cols[] = {
	{"year", N_("year"), JX_COL_INT, 0},
	{"departments", N_("departments"), JX_COL_INT, 0},
	{"known", N_("known totals"), JX_COL_INT, 0},
	{"min", N_("min"), JX_COL_FIXED, 1},
	{"q1", N_("lower quartile"), JX_COL_FIXED, 1},
	{"median", N_("median"), JX_COL_FIXED, 1},
	{"q3", N_("upper quartile"), JX_COL_FIXED, 1},
	{"max", N_("max"), JX_COL_FIXED, 1},
	{"mean", N_("mean"), JX_COL_FIXED, 1},
	{"grades", N_("grades"), JX_COL_TEXT, 0},
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* "优:3;良:5;中:2;差:0;unknown:1" of the cells of one year and provenance. */
static char *grade_counts(const jx_overview *ov, int year, jx_provenance prov)
{
	jx__buf b;
	size_t unknown = 0;
	jx__buf_init(&b);
	for (size_t g = 0; g <= ov->nbands; g++) {
		size_t n = 0;
		for (size_t i = 0; i < ov->ncells; i++) {
			const jx_overview_cell *c = &ov->cells[i];
			if (c->year != year || c->provenance != prov)
				continue;
			if (g < ov->nbands)
				n += !strcmp(c->grade, ov->bands[g].grade);
			else
				unknown += !*c->grade;
		}
		if (g < ov->nbands)
			jx__buf_printf(&b, "%s%s:%zu", g ? ";" : "", ov->bands[g].grade, n);
	}
	jx__buf_printf(&b, ";unknown:%zu", unknown);
	return jx__buf_detach(&b);
}

/* One row: the totals (percent of the total weight) of one year and provenance. */
static int dist_row(jx_table *t, const jx_overview *ov, int year, jx_provenance prov, double *v)
{
	size_t n = 0, all = 0;
	char *grades;
	int bad;
	for (size_t i = 0; i < ov->ncells; i++)
		if (ov->cells[i].year == year && ov->cells[i].provenance == prov) {
			all++;
			if (!isnan(ov->cells[i].rate))
				v[n++] = ov->cells[i].rate * 100;
		}
	if (!all)
		return 0;
	jx__sort(v, n, sizeof(*v), cmp_double);
	grades = grade_counts(ov, year, prov);
	bad = !grades || jx_table_add_row(t) || jx_table_set_int(t, 0, year) ||
	      jx_table_set_int(t, 1, (long long)all) || jx_table_set_int(t, 2, (long long)n);
	if (!bad && n)
		bad = jx__set_number(t, 3, v[0]) ||
		      jx__set_number(t, 4, gsl_stats_quantile_from_sorted_data(v, 1, n, 0.25)) ||
		      jx__set_number(t, 5, gsl_stats_median_from_sorted_data(v, 1, n)) ||
		      jx__set_number(t, 6, gsl_stats_quantile_from_sorted_data(v, 1, n, 0.75)) ||
		      jx__set_number(t, 7, v[n - 1]) ||
		      jx__set_number(t, 8, gsl_stats_mean(v, 1, n));
	bad = bad || jx_table_set_text(t, 9, grades) ||
	      jx_table_set_text(t, 10, jx_provenance_name(prov));
	free(grades);
	return bad ? jx__oom() : 0;
}

int jx__ov_distribution_table(jx_table **out, const jx_overview *ov)
{
	double *v = malloc((ov->ncells + 1) * sizeof(double));
	int rc = v ? jx__ov_table_start(out, dist_cols, sizeof(dist_cols) / sizeof(*dist_cols), ov)
		   : jx__oom();
	if (rc == 0 &&
	    jx_table_add_note(*out, _("totals in percent of the total weight; "
				      "quartiles as GSL computes them (linear "
				      "interpolation); one row per year and peer group")))
		rc = jx__oom();
	for (size_t y = 0; rc == 0 && y < ov->nyears; y++)
		for (int p = JX_PROV_REAL; rc == 0 && p <= JX_PROV_SYNTHETIC; p++)
			rc = dist_row(*out, ov, ov->years[y], (jx_provenance)p, v);
	free(v);
	return rc;
}
