/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table_matrix.c -- the matrix (long for CSV/JSON, wide for people) and the
 * distribution of totals per year. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>
#include "overview/internal.h"

static const jx__col matrix_cols[] = {
	{"department", N_("department"), JX_COL_TEXT, 0},
	{"year", N_("year"), JX_COL_INT, 0},
	{"basis", N_("basis"), JX_COL_TEXT, 0},
	{"total_score", N_("total score"), JX_COL_NUMBER, 0},
	{"total_weight", N_("full marks"), JX_COL_NUMBER, 0},
	{"rate", N_("rate"), JX_COL_FIXED, 4},
	{"grade", N_("grade"), JX_COL_TEXT, 0},
	{"change_pp", N_("change (pp)"), JX_COL_FIXED, 1},
	{"new_period", N_("new framework"), JX_COL_INT, 0},
	{"rank", N_("place"), JX_COL_INT, 0},
	{"peers", N_("group size"), JX_COL_INT, 0},
};

static int basis_note(jx_table *t, const jx_overview *ov)
{
	return jx_table_add_note(t,
				 _("basis: %s totals of %zu department(s); ranks among the "
				   "departments of the same provenance (jixiao rank)"),
				 jx_kind_label(ov->kind), ov->ndepartments);
}

/* The long matrix: its columns and the basis stated in a note. */
static int start(jx_table **t, const jx_overview *ov)
{
	int rc = jx__ov_table_start(t, matrix_cols, sizeof(matrix_cols) / sizeof(*matrix_cols), ov);
	return rc ? rc : basis_note(*t, ov) ? jx__oom() : 0;
}

static int matrix_row(jx_table *t, const jx_overview *ov, const jx_overview_cell *c)
{
	int bad = jx_table_add_row(t) || jx_table_set_text(t, 0, ov->departments[c->dept]) ||
		  jx_table_set_int(t, 1, c->year) ||
		  jx_table_set_text(t, 2, jx_kind_name(ov->kind)) ||
		  jx__set_number(t, 3, c->total_score) || jx__set_number(t, 4, c->total_weight) ||
		  jx__set_number(t, 5, c->rate) || jx_table_set_text(t, 6, c->grade) ||
		  jx__set_number(t, 7, c->change_pp) || jx_table_set_int(t, 8, c->new_period) ||
		  (c->rank && jx_table_set_int(t, 9, (long long)c->rank)) ||
		  (c->peers && jx_table_set_int(t, 10, (long long)c->peers)) ||
		  jx_table_set_text(t, 11, jx_provenance_name(c->provenance));
	return bad ? jx__oom() : 0;
}

/* The rows of the departments order[from .. from + n). */
static int matrix_long(jx_table *t, const jx_overview *ov, const size_t *order, size_t from,
		       size_t n)
{
	int rc = 0;
	size_t *first = calloc(ov->ndepartments + 1, sizeof(size_t));
	if (!first)
		return jx__oom();
	for (size_t i = ov->ncells; i-- > 0;)
		first[ov->cells[i].dept] = i;
	for (size_t k = from; rc == 0 && k < from + n && k < ov->ndepartments; k++)
		for (size_t i = first[order[k]];
		     rc == 0 && i < ov->ncells && ov->cells[i].dept == order[k]; i++)
			rc = matrix_row(t, ov, &ov->cells[i]);
	free(first);
	return rc;
}

int jx_overview_matrix_part(jx_table **out, const jx_overview *ov, const size_t *order, size_t from,
			    size_t n)
{
	int rc = start(out, ov);
	if (rc == 0 && (rc = matrix_long(*out, ov, order, from, n))) {
		jx_table_free(*out);
		*out = NULL;
	}
	return rc;
}

/* Wide: department, one "84.5 良" column per year, the latest rank, provenance. */
static int matrix_wide(jx_table **out, const jx_overview *ov, const size_t *order)
{
	jx_table *t = jx_table_new();
	char name[16], cell[64];
	int bad = !t || jx_table_add_column(t, "department", N_("department"), JX_COL_TEXT, 0) < 0;
	for (size_t y = 0; !bad && y < ov->nyears; y++) {
		snprintf(name, sizeof(name), "%d", ov->years[y]);
		bad = jx_table_add_column(t, name, name, JX_COL_TEXT, 0) < 0;
	}
	bad = bad || jx_table_add_column(t, "provenance", N_("source"), JX_COL_TEXT, 0) < 0;
	for (size_t k = 0; !bad && k < ov->ndepartments; k++) {
		jx_provenance prov = JX_PROV_REAL;
		bad = jx_table_add_row(t) || jx_table_set_text(t, 0, ov->departments[order[k]]);
		for (size_t i = jx__ov_first_cell(ov, order[k]);
		     !bad && i < ov->ncells && ov->cells[i].dept == order[k]; i++) {
			const jx_overview_cell *c = &ov->cells[i];
			size_t y = 0;
			while (ov->years[y] != c->year)
				y++;
			if (isnan(c->total_score))
				snprintf(cell, sizeof(cell), "?");
			else
				snprintf(cell, sizeof(cell), "%g %s", jx__tidy(c->total_score),
					 c->grade);
			prov = c->provenance == JX_PROV_SYNTHETIC ? c->provenance : prov;
			bad = jx_table_set_text(t, (int)y + 1, cell);
		}
		bad = bad || jx_table_set_text(t, (int)ov->nyears + 1, jx_provenance_name(prov));
	}
	if (bad) {
		jx_table_free(t);
		return jx__oom();
	}
	*out = t;
	return 0;
}

int jx__ov_matrix_table(jx_table **out, const jx_overview *ov, jx_overview_sort sort, int wide)
{
	size_t *order = NULL;
	int rc = jx_overview_order(&order, ov, sort);
	*out = NULL;
	if (rc == 0 && wide)
		rc = matrix_wide(out, ov, order);
	else if (rc == 0)
		rc = jx_overview_matrix_part(out, ov, order, 0, ov->ndepartments);
	if (rc == 0 && wide &&
	    ((ov->provenance == JX_PROV_SYNTHETIC &&
	      jx_table_add_note(
		      *out, "%s",
		      _("synthetic data: fictional departments, not real evaluations"))) ||
	     basis_note(*out, ov)))
		rc = jx__oom();
	free(order);
	return rc;
}
