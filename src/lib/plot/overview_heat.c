/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview_heat.c -- the department × year heat table and the rank chart of the overview.
 *
 * Both show at most a few dozen departments (op->rows, 40 by default): a
 * label per row stays readable up to about that many. The heat table keeps
 * the first departments in the chosen order (`--sort`); the rank chart, with
 * no department to centre on, the best and the worst of the peer group. What
 * is left out is said on the chart. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

static size_t rows_of(const plot__ov *c)
{
	return c->op->rows ? c->op->rows : JX_OVERVIEW_CHART_ROWS;
}

static void heat_rows(plot__script *ps, const jx_overview *ov, const size_t *order, size_t n)
{
	plot__block_begin(&ps->vars, "heat");
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < ov->ncells; i++) {
			const jx_overview_cell *cell = &ov->cells[i];
			if (cell->dept != order[r])
				continue;
			jx__buf_printf(&ps->vars, "%d %zu ", cell->year, r);
			plot__put_number(&ps->vars, plot__ov_percent(cell));
			jx__buf_printf(&ps->vars, " %d\n", plot__ov_band(ov, cell->grade));
		}
	plot__block_end(&ps->vars);
}

int plot__ov_heat(plot__script *ps, const plot__ov *c)
{
	const jx_overview *ov = c->ov;
	size_t *order = NULL, n = ov->ndepartments < rows_of(c) ? ov->ndepartments : rows_of(c);
	const char **names = malloc((n + 1) * sizeof(*names));
	char *note = NULL;
	int rc = names ? jx_overview_order(&order, ov, c->op->sort) : jx__oom();
	if (rc)
		goto out;
	for (size_t r = 0; r < n; r++)
		names[r] = ov->departments[order[r]];
	plot__ov_titles(ps, c, _("Score rate per department and year"), 0, NULL);
	plot__ov_bands(ps, ov);
	plot__emit_string_array(&ps->vars, "department", names, n);
	plot__emit_int(&ps->vars, "year_min", ov->years[0]);
	plot__emit_int(&ps->vars, "year_max", ov->years[ov->nyears - 1]);
	plot__emit_string(
		&ps->vars, "legend_text",
		_("cells: total score in percent of the total weight, coloured by grade"));
	heat_rows(ps, ov, order, n);
	if (n < ov->ndepartments &&
	    !(note = jx__sprintf(_("%zu of %zu departments shown: the first in the order "
				   "chosen with --sort (or name them with --dept)"),
				 n, ov->ndepartments)))
		rc = jx__oom();
	plot__emit_note(ps, note);
	ps->height = (int)(n * 24 + 200 > 450 ? n * 24 + 200 : 450);
	ps->width = (int)(ov->nyears * 70 + 380 > 800 ? ov->nyears * 70 + 380 : 800);
out:
	free(note);
	free(order);
	free(names);
	return rc;
}

/* ---- rank: the latest year's peer group, best first ---- */

static int cmp_rank(const void *pa, const void *pb)
{
	const jx_overview_cell *a = *(const jx_overview_cell *const *)pa,
			       *b = *(const jx_overview_cell *const *)pb;
	if (a->rank != b->rank)
		return (a->rank > b->rank) - (a->rank < b->rank);
	return (a->dept > b->dept) - (a->dept < b->dept); /* departments are in name order */
}

/* The ranked cells of year in one peer group (real when there is a real one), by rank. */
static size_t ranked_cells(const jx_overview_cell **sel, const jx_overview *ov, int year)
{
	size_t n = 0;
	int real = 0;
	for (size_t i = 0; i < ov->ncells; i++)
		real |= ov->cells[i].year == year && ov->cells[i].rank &&
			ov->cells[i].provenance == JX_PROV_REAL;
	for (size_t i = 0; i < ov->ncells; i++)
		if (ov->cells[i].year == year && ov->cells[i].rank &&
		    (ov->cells[i].provenance == JX_PROV_REAL) == real)
			sel[n++] = &ov->cells[i];
	jx__sort(sel, n, sizeof(*sel), cmp_rank);
	return n;
}

/* department[], grade[], $ranks and the axis of the bars drawn: all n, or the best
 * and the worst `keep` (each named with its rank). */
static void emit_ranked(plot__script *ps, const jx_overview *ov, const jx_overview_cell **sel,
			size_t n, size_t keep)
{
	size_t m = n > keep ? keep : n, top = n > keep ? keep - keep / 2 : n;
	const char **names = malloc((m + 1) * sizeof(*names)),
		   **grades = malloc((m + 1) * sizeof(*grades));
	char **owned = calloc(m + 1, sizeof(*owned));
	double *pct = malloc((m + 1) * sizeof(*pct));
	if (!names || !grades || !owned || !pct) {
		ps->vars.failed = 1;
		m = 0;
	}
	for (size_t k = 0; k < m; k++) {
		const jx_overview_cell *cell = sel[k < top ? k : n - (m - k)];
		const char *name = ov->departments[cell->dept];
		owned[k] = n > keep ? jx__sprintf("#%zu %s", cell->rank, name) : NULL;
		names[k] = owned[k] ? owned[k] : name;
		grades[k] = cell->grade;
		pct[k] = plot__ov_percent(cell);
	}
	plot__emit_string_array(&ps->vars, "department", names, m);
	plot__emit_string_array(&ps->vars, "grade", grades, m);
	plot__emit_rank_axis(ps, pct, m);
	plot__block_begin(&ps->vars, "ranks");
	for (size_t k = 0; k < m; k++) {
		jx__buf_printf(&ps->vars, "%zu ", k);
		plot__put_number(&ps->vars, pct[k]);
		jx__buf_printf(&ps->vars, " 0 %zu\n", sel[k < top ? k : n - (m - k)]->rank);
	}
	plot__block_end(&ps->vars);
	for (size_t k = 0; owned && k < m; k++)
		free(owned[k]);
	free(owned);
	free(names);
	free(grades);
	free(pct);
}

int plot__ov_rank(plot__script *ps, const plot__ov *c)
{
	const jx_overview *ov = c->ov;
	int year = ov->years[ov->nyears - 1];
	const jx_overview_cell **sel = malloc((ov->ncells + 1) * sizeof(*sel));
	size_t n = sel ? ranked_cells(sel, ov, year) : 0, keep = rows_of(c);
	char *peers = NULL, *note = NULL;
	int rc = 0;
	if (!sel)
		return jx__oom();
	if (n == 0) {
		rc = jx__error(JX_ENOTFOUND, _("no department has a known total in %d"), year);
		goto out;
	}
	ps->synthetic = sel[0]->provenance == JX_PROV_SYNTHETIC;
	peers = jx__sprintf(_("peers: the %s departments"),
			    jx_provenance_label(sel[0]->provenance));
	plot__ov_titles(ps, c, _("Departments ranked by total score"), year, peers);
	plot__emit_int(&ps->vars, "rank_year", year);
	plot__emit_axes(ps, _("total score (percent of the total weight)"), NULL, NULL);
	plot__ov_bands(ps, ov);
	emit_ranked(ps, ov, sel, n, keep);
	if (n > keep && !(note = jx__sprintf(_("%zu of %zu departments shown: the best %zu and "
					       "the worst %zu"),
					     keep, n, keep - keep / 2, keep / 2)))
		rc = jx__oom();
	plot__emit_note(ps, note);
	n = n > keep ? keep : n;
	ps->height = (int)(n * 30 + 170 > 450 ? n * 30 + 170 : 450);
out:
	free(peers);
	free(note);
	free(sel);
	return rc;
}
