/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_deductions.c -- where points are lost: heatmap, pareto.
 *
 * heatmap: deducted points (weight − score) of the level-3 units that lost
 * points (or have a missing score) in some evaluated year (at most HEAT_MAX,
 * those that lost most; the others are counted in a note), so that the chart stays legible on A4; no
 * cell where the indicator was not assessed that year, a hatched "?" cell
 * where its score is missing, "*" after a value whose score was inferred.
 * Rows are grouped by category (jx_units order).
 * pareto: jx_deductions_compute's indicator rows (points lost over the
 * range, descending, with the cumulative share), the first MAX_BARS drawn.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

#define MAX_BARS 15
#define HEAT_MAX 18 /* rows of the heatmap: legible on A4 (about 8 pt when printed) */

/* Rows of the heatmap: level-3 units; categories with their first row. */
typedef struct {
	const jx_unit **rows;
	const char **labels, **cats;
	double *cat_first;
	size_t nrows, ncats;
	size_t nleft; /* indicators that lost points but are not drawn */
} heat_layout;

/* Points a unit lost over the years (known scores); a unit that lost none but has a missing
 * score counts a token 1e-6, so that its "?" is drawn when there is room. */
static double unit_lost(const jx_units *u, const jx_unit *un)
{
	double sum = 0;
	int missing = 0;
	for (size_t y = 0; y < u->nyears; y++) {
		if (jx_unit_year_deducted(&un->years[y]))
			sum += un->years[y].weight - un->years[y].score;
		missing |= un->years[y].nmissing > 0;
	}
	return sum > 0 ? sum : missing ? 1e-6 : 0;
}

/* The smallest loss a drawn row may have: the HEAT_MAX-th largest (ties all drawn). */
static double heat_cutoff(const jx_units *u, size_t *nlost)
{
	double *v = malloc((u->nunits + 1) * sizeof(*v)), cut = 0;
	size_t n = 0;
	for (size_t i = 0; v && i < u->nunits; i++)
		if (u->units[i].level == JX_LEVEL_3 && unit_lost(u, &u->units[i]) > 0)
			v[n++] = unit_lost(u, &u->units[i]);
	*nlost = n;
	for (size_t i = 0; v && n > HEAT_MAX && i < HEAT_MAX; i++) { /* partial selection */
		size_t best = i;
		for (size_t j = i + 1; j < n; j++)
			best = v[j] > v[best] ? j : best;
		cut = v[best], v[best] = v[i], v[i] = cut;
	}
	free(v);
	return *nlost > HEAT_MAX ? cut : 1e-7;
}

static int heat_layout_build(heat_layout *h, const jx_units *u)
{
	size_t i, nlost = 0;
	const char *cat = NULL;
	double cut;
	memset(h, 0, sizeof(*h));
	cut = heat_cutoff(u, &nlost);
	h->rows = malloc((u->nunits + 1) * sizeof(*h->rows));
	h->labels = malloc((u->nunits + 1) * sizeof(*h->labels));
	h->cats = malloc((u->nunits + 1) * sizeof(*h->cats));
	h->cat_first = malloc((u->nunits + 1) * sizeof(*h->cat_first));
	if (!h->rows || !h->labels || !h->cats || !h->cat_first)
		return jx__oom();
	for (i = 0; i < u->nunits; i++) {
		const jx_unit *un = &u->units[i];
		if (un->level == JX_LEVEL_1)
			cat = un->name;
		if (un->level != JX_LEVEL_3 || !(unit_lost(u, un) >= cut))
			continue;
		if (cat) { /* the category's first indicator */
			h->cats[h->ncats] = cat;
			h->cat_first[h->ncats++] = (double)h->nrows;
			cat = NULL;
		}
		h->rows[h->nrows] = un;
		h->labels[h->nrows++] = un->name;
	}
	h->nleft = nlost - h->nrows;
	return 0;
}

static void heat_layout_free(heat_layout *h)
{
	free(h->rows);
	free(h->labels);
	free(h->cats);
	free(h->cat_first);
}

/* $cells: year row deducted state (0 scored, 1 inferred, 2 missing). Returns the largest loss. */
static double emit_cells(plot__script *ps, const jx_units *u, const heat_layout *h,
			 size_t *nmissing, size_t *ninferred)
{
	double max_lost = 0;
	size_t r, y;
	plot__block_begin(&ps->vars, "cells");
	for (r = 0; r < h->nrows; r++)
		for (y = 0; y < u->nyears; y++) {
			const jx_unit_year *uy = &h->rows[r]->years[y];
			double lost = uy->weight - uy->score;
			int state = uy->nmissing ? 2 : uy->ninferred ? 1 : 0;
			if (!uy->nrows)
				continue;
			*ninferred += state == 1;
			if (state == 2)
				lost = NAN, ++*nmissing;
			else if (lost > max_lost)
				max_lost = lost;
			jx__buf_printf(&ps->vars, "%d %zu ", u->years[y], r);
			plot__put_number(&ps->vars, lost);
			jx__buf_printf(&ps->vars, " %d\n", state);
		}
	plot__block_end(&ps->vars);
	return max_lost;
}

int plot__chart_heatmap(plot__script *ps, const plot__ctx *ctx)
{
	plot__units pu;
	jx_units *u;
	heat_layout h;
	size_t nmissing = 0, ninferred = 0;
	char *note = NULL;
	jx__buf nb;
	int rc;
	memset(&h, 0, sizeof(h));
	if ((rc = plot__units_begin(&pu, ps, ctx, _("points deducted by indicator and year"))) !=
		    0 ||
	    (rc = heat_layout_build(&h, u = pu.u)) != 0)
		goto out;
	/* about 940 px wide, rows of 30 px: printed on A4 (184 mm wide) the text is ~8 pt */
	ps->height = (int)(h.nrows * 30 + 200 > 420 ? h.nrows * 30 + 200 : 420);
	ps->width = 940;
	plot__emit_string_array(&ps->vars, "indicator", h.labels, h.nrows);
	plot__emit_string_array(&ps->vars, "category", h.cats, h.ncats);
	plot__emit_number_array(&ps->vars, "category_first", h.cat_first, h.ncats);
	plot__emit_number(&ps->vars, "max_deducted", emit_cells(ps, u, &h, &nmissing, &ninferred));
	jx__buf_init(&nb);
	jx__buf_puts(&nb, h.nrows ? _("indicators that lost points only")
				  : _("no indicator lost points"));
	if (h.nleft)
		jx__buf_printf(
			&nb,
			ngettext("; %zu more indicator that lost fewer points is not shown",
				 "; %zu more indicators that lost fewer points are not shown",
				 h.nleft),
			h.nleft);
	if (nmissing)
		jx__buf_puts(&nb, _("; ? = score missing"));
	if (ninferred)
		jx__buf_puts(&nb, _("; * = inferred score"));
	note = jx__buf_detach(&nb);
	plot__emit_string(&ps->vars, "cblabel_text", _("points deducted"));
	plot__emit_note(ps, note);
out:
	free(note);
	heat_layout_free(&h);
	plot__units_end(&pu);
	return rc;
}

static void emit_bars(plot__script *ps, const jx_deductions_result *d, size_t *nlost)
{
	const char **labels = malloc((d->npareto + 1) * sizeof(*labels));
	size_t i, n = 0;
	*nlost = 0;
	for (i = 0; i < d->npareto; i++)
		*nlost += d->pareto[i].unit->level == JX_LEVEL_3 && d->pareto[i].points > 0;
	if (!labels)
		ps->vars.failed = 1;
	plot__block_begin(&ps->vars, "pareto");
	for (i = 0; labels && i < d->npareto && n < MAX_BARS; i++) {
		const jx_pareto_row *p = &d->pareto[i];
		if (p->unit->level != JX_LEVEL_3 || !(p->points > 0))
			continue;
		labels[n] = p->unit->name;
		jx__buf_printf(&ps->vars, "%zu ", n++);
		plot__put_number(&ps->vars, p->points);
		jx__buf_puts(&ps->vars, " ");
		plot__put_number(&ps->vars, 100.0 * p->cum_share);
		jx__buf_printf(&ps->vars, " %zu\n", p->nyears_deducted);
	}
	plot__block_end(&ps->vars);
	plot__emit_string_array(&ps->vars, "indicator", labels, labels ? n : 0);
	free(labels);
}

int plot__chart_pareto(plot__script *ps, const plot__ctx *ctx)
{
	plot__units pu;
	jx_deductions_result *d = NULL;
	char *note = NULL, total[32];
	size_t nlost = 0;
	int rc;
	if ((rc = plot__units_begin(&pu, ps, ctx, _("points lost by indicator"))) != 0)
		goto out;
	pu.o.level = JX_LEVEL_3;
	if ((rc = jx_deductions_compute(&d, pu.sr, &pu.o)) != 0)
		goto out;
	ps->width = 1100;
	ps->height = 700;
	plot__emit_number(&ps->vars, "total_points", d->total_points);
	emit_bars(ps, d, &nlost);
	jx_number_format(total, sizeof(total), round(d->total_points * 100.0) / 100.0);
	note = jx__sprintf(ngettext("points lost in all: %s, by %zu indicator",
				    "points lost in all: %s, by %zu indicators", nlost),
			   total, nlost);
	if (note && nlost > MAX_BARS) {
		char *more = jx__sprintf(_("%s; the first %d shown"), note, MAX_BARS);
		free(note);
		note = more;
	}
	plot__emit_axes(ps, NULL, _("points lost"), _("cumulative share (%)"));
	plot__emit_string(&ps->vars, "empty_text", _("no points lost in these years"));
	plot__emit_note(ps, note);
out:
	free(note);
	jx_deductions_result_free(d);
	plot__units_end(&pu);
	return rc;
}
