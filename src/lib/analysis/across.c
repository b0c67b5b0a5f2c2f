/* SPDX-License-Identifier: GPL-3.0-or-later */
/* across.c -- spread of one year's rates across departments.
 *
 * Reads one department's series at a time (never the whole database) and
 * keeps only the rates per shared unit (docs/methods.md §6.2).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

/* Rates gathered for one unit key. */
typedef struct {
	double *rates;
	size_t *depts; /* index into the department list */
	size_t n, cap;
} gathered;

typedef struct {
	jx__keymap map;
	gathered *g;
	size_t gcap, ng;     /* ng: entries of g initialised */
	jx_across_row *rows; /* names of each key, filled on first sight */
	size_t rows_cap;
} across_state;

static int gather_unit(across_state *st, jx_across_result *r, const jx_unit *un, double rate,
		       size_t dept, jx_provenance un_prov)
{
	size_t idx;
	int found = jx__keymap_get(&st->map, &idx, un->level, un->key, 1);
	gathered *g;
	if (found < 0)
		return found;
	if (!found) {
		jx_across_row *row;
		if (jx__grow((void **)&st->g, &st->gcap, idx + 1, sizeof(*st->g)) ||
		    jx__grow((void **)&r->rows, &st->rows_cap, idx + 1, sizeof(*r->rows)))
			return JX_ENOMEM;
		memset(&st->g[idx], 0, sizeof(st->g[idx]));
		st->ng = idx + 1;
		row = &r->rows[idx];
		memset(row, 0, sizeof(*row));
		r->nrows = idx + 1;
		row->level = un->level;
		if (!(row->key = jx__strdup(un->key)) ||
		    (un->level1 && !(row->level1 = jx__strdup(un->level1))) ||
		    (un->level2 && !(row->level2 = jx__strdup(un->level2))) ||
		    (un->level3 && !(row->level3 = jx__strdup(un->level3))))
			return jx__oom();
	}
	if (un_prov == JX_PROV_SYNTHETIC)
		r->rows[idx].provenance = r->provenance = JX_PROV_SYNTHETIC;
	g = &st->g[idx];
	if (jx__grow((void **)&g->rates, &g->cap, g->n + 1, sizeof(*g->rates)) ||
	    !(g->depts = realloc(g->depts, g->cap * sizeof(*g->depts))))
		return jx__oom();
	g->rates[g->n] = rate;
	g->depts[g->n++] = dept;
	return 0;
}

static int gather_department(across_state *st, jx_across_result *r, jx_store *s, const char *dept,
			     size_t di, const jx_analysis_options *o)
{
	jx_series *sr = NULL;
	jx_units *u = NULL;
	int rc = jx_store_series(s, &sr, dept, r->kind, r->year, r->year);
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		return 0;
	}
	if (rc || (rc = jx_units_build(&u, sr, NULL)))
		goto out;
	r->ndepartments++;
	for (size_t i = 0; i < u->nunits && rc == 0; i++) {
		const jx_unit *un = &u->units[i];
		if (jx_level_selected(o, un->level) && !isnan(un->years[0].rate))
			rc = gather_unit(st, r, un, un->years[0].rate, di, u->provenance);
	}
out:
	jx_units_free(u);
	jx_series_free(sr);
	return rc;
}

/* Summaries; keep units seen in at least two departments. */
static int summarise(across_state *st, jx_across_result *r, char **depts)
{
	size_t keep = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		gathered *g = &st->g[i];
		jx_across_row row = r->rows[i];
		jx_summary sm;
		size_t lo = 0, hi = 0;
		if (g->n < 2) {
			free(row.key), free(row.level1), free(row.level2), free(row.level3);
			continue;
		}
		jx_stats_summary(&sm, g->rates, g->n);
		for (size_t k = 1; k < g->n; k++) {
			lo = g->rates[k] < g->rates[lo] ? k : lo;
			hi = g->rates[k] > g->rates[hi] ? k : hi;
		}
		row.n = g->n;
		row.mean = sm.mean;
		row.sd = sm.sd;
		row.min = sm.min;
		row.max = sm.max;
		row.min_department = jx__strdup(depts[g->depts[lo]]);
		row.max_department = jx__strdup(depts[g->depts[hi]]);
		r->rows[keep++] = row;
		if (!row.min_department || !row.max_department) {
			r->nrows = keep;
			return jx__oom();
		}
	}
	r->nrows = keep;
	return 0;
}

int jx_variance_across(jx_across_result **out, jx_store *st, int year, const jx_analysis_options *o)
{
	jx_across_result *r;
	across_state ss;
	char **depts = NULL;
	size_t ndepts = 0;
	int rc;

	*out = NULL;
	memset(&ss, 0, sizeof(ss));
	if (!(r = calloc(1, sizeof(*r))))
		return jx__oom();
	r->year = year;
	r->kind = o ? o->kind : JX_KIND_SELF;
	if ((rc = jx_store_departments(st, &depts, &ndepts)))
		goto out;
	for (size_t i = 0; i < ndepts && rc == 0; i++)
		rc = gather_department(&ss, r, st, depts[i], i, o);
	if (rc == 0 && r->ndepartments == 0)
		rc = jx__error(JX_ENOTFOUND, _("no %s evaluations in %d"), jx_kind_name(r->kind),
			       year);
	if (rc == 0)
		rc = summarise(&ss, r, depts);
out:
	for (size_t i = 0; i < ss.ng; i++) {
		free(ss.g[i].rates);
		free(ss.g[i].depts);
	}
	free(ss.g);
	jx__keymap_free(&ss.map);
	jx_strings_free(depts, ndepts);
	if (rc) {
		jx_across_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_across_result_free(jx_across_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nrows; i++) {
		jx_across_row *row = &r->rows[i];
		free(row->key), free(row->level1), free(row->level2), free(row->level3);
		free(row->min_department), free(row->max_department);
	}
	free(r->rows);
	free(r);
}

static const jx__col across_cols[] = {
	JX__UNIT_COLS,
	{"n", N_("departments"), JX_COL_INT, 0},
	{"mean", N_("mean rate"), JX_COL_FIXED, 4},
	{"sd", N_("SD"), JX_COL_FIXED, 4},
	{"min", N_("min"), JX_COL_FIXED, 4},
	{"max", N_("max"), JX_COL_FIXED, 4},
	{"min_department", N_("min dept"), JX_COL_TEXT, 0},
	{"max_department", N_("max dept"), JX_COL_TEXT, 0},
};

int jx_across_table(jx_table **out, const jx_across_result *r, const jx_analysis_options *o)
{
	jx_analysis_options plain;
	jx_table *t;
	int c, rc, bad = 0;
	if (o) { /* one table for all departments: no department column */
		plain = *o;
		plain.with_department = 0;
		o = &plain;
	}
	if ((rc = jx__table_start(&t, &c, across_cols, sizeof(across_cols) / sizeof(*across_cols),
				  o, r->provenance)))
		return rc;
	jx_table_add_note(t, _("%d (%s): rates of units shared by at least 2 of %zu departments"),
			  r->year, jx_kind_name(r->kind), r->ndepartments);
	for (size_t i = 0; i < r->nrows && !bad; i++) {
		const jx_across_row *row = &r->rows[i];
		jx_unit un = {row->level,  row->key,    NULL, row->level1,
			      row->level2, row->level3, NULL};
		un.name = row->level == 0 ? "合计" : row->level1;
		bad = jx__table_row(t, NULL, NULL, row->provenance, o) | jx__table_unit(t, c, &un) |
		      jx_table_set_int(t, c + 4, (long long)row->n) |
		      jx__set_number(t, c + 5, row->mean) | jx__set_number(t, c + 6, row->sd) |
		      jx__set_number(t, c + 7, row->min) | jx__set_number(t, c + 8, row->max) |
		      jx_table_set_text(t, c + 9, row->min_department) |
		      jx_table_set_text(t, c + 10, row->max_department);
	}
	if (bad) {
		jx_table_free(t);
		return jx__oom();
	}
	*out = t;
	return 0;
}
