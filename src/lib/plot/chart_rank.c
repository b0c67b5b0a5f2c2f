/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_rank.c -- the peer group of one department in one year (jx_rank_compute):
 * every department of the same provenance, its total as a percentage of its
 * total weight, best first, the requested department highlighted;
 * departments whose total is unknown are listed without a bar. A real
 * department is never drawn among synthetic ones. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

/* The year to rank: asked, or the department's latest evaluated year in range. */
static int rank_year(int *year, const plot__ctx *ctx)
{
	const jx_plot_request *req = ctx->req;
	jx_filter f = {req->department, req->year_from, req->year_to, (int)req->kind, NULL};
	jx_eval_summary *ev = NULL;
	size_t n = 0;
	int rc;
	if (req->rank_year) {
		*year = req->rank_year;
		return 0;
	}
	if ((rc = jx_store_list(ctx->store, &f, &ev, &n)) != 0)
		return rc;
	if (n == 0)
		return jx__error(JX_ENOTFOUND, _("%s: no evaluation (%s) in the years asked for"),
				 req->department, jx_kind_label(req->kind));
	*year = ev[n - 1].year;
	jx_eval_summaries_free(ev, n);
	return 0;
}

/* *peers: the rows of r's peer group prov (their strings borrowed from r; free peers->rows
 * only). */
static int peer_view(jx_rank_result *peers, const jx_rank_result *r, jx_provenance prov)
{
	*peers = *r;
	peers->nrows = 0;
	if (!(peers->rows = malloc((r->nrows + 1) * sizeof(*peers->rows))))
		return jx__oom();
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].provenance == prov)
			peers->rows[peers->nrows++] = r->rows[i];
	return 0;
}

/* The ranking of year: the one the request brings (the report's own, computed once for
 * all its sections) when it is of that year and kind, else computed here into *owned. */
static int ranking(const jx_rank_result **out, jx_rank_result **owned, const plot__ctx *ctx,
		   int year)
{
	const jx_rank_result *given = ctx->req->rank;
	jx_analysis_options o;
	int rc;
	if (given && given->year == year && given->kind == ctx->req->kind && !given->projects) {
		*out = given;
		return 0;
	}
	plot__options(&o, ctx->req);
	if ((rc = jx_rank_compute(owned, ctx->store, year, &o)) == 0)
		*out = *owned;
	return rc;
}

/* At most this many bars: beyond it (a province has thousands of departments,
 * and Cairo cannot draw an image taller than 32767 px) the chart shows the
 * top RANK_TOP and the departments around the chosen one. */
#define RANK_MAX_BARS 40
#define RANK_TOP 15

/* Rows to draw, in rank order: all of them, or the top and a window around `at`. */
static size_t rank_selection(size_t *sel, size_t nrows, size_t at)
{
	size_t n = 0, i, lo, hi;
	if (nrows <= RANK_MAX_BARS) {
		for (i = 0; i < nrows; i++)
			sel[n++] = i;
		return n;
	}
	lo = at > (RANK_MAX_BARS - RANK_TOP) / 2 ? at - (RANK_MAX_BARS - RANK_TOP) / 2 : 0;
	if (lo < RANK_TOP)
		lo = RANK_TOP;
	hi = lo + (RANK_MAX_BARS - RANK_TOP);
	if (hi > nrows) {
		hi = nrows;
		lo = hi - (RANK_MAX_BARS - RANK_TOP);
	}
	for (i = 0; i < RANK_TOP; i++)
		sel[n++] = i;
	for (i = lo; i < hi; i++)
		sel[n++] = i;
	return n;
}

static void emit_ranks(plot__script *ps, const jx_rank_result *r, const char *dept, size_t at)
{
	size_t *sel = malloc((r->nrows + 1) * sizeof(*sel));
	const char **names = malloc((r->nrows + 1) * sizeof(*names));
	const char **grades = malloc((r->nrows + 1) * sizeof(*grades));
	char **owned = calloc(r->nrows + 1, sizeof(*owned));
	size_t i, n = sel && names && grades && owned ? rank_selection(sel, r->nrows, at) : 0;
	int subset = n < r->nrows;
	if (!sel || !names || !grades || !owned)
		ps->vars.failed = 1;
	for (i = 0; i < n; i++) {
		const jx_rank_row *row = &r->rows[sel[i]];
		/* in a subset, say each bar's rank so that the gap is visible */
		if (subset && (owned[i] = jx__sprintf("#%zu %s", row->rank, row->department)))
			names[i] = owned[i];
		else
			names[i] = row->department;
		grades[i] = row->grade ? jx_grade_label(row->grade) : "";
	}
	plot__emit_string_array(&ps->vars, "department", names, n);
	plot__emit_string_array(&ps->vars, "grade", grades, n);
	plot__block_begin(&ps->vars, "ranks");
	for (i = 0; i < n; i++) {
		const jx_rank_row *row = &r->rows[sel[i]];
		jx__buf_printf(&ps->vars, "%zu ", i);
		plot__put_number(&ps->vars, plot__ratio_percent(row->total_score, row->total_weight,
								row->rate));
		jx__buf_printf(&ps->vars, " %d %zu\n", strcmp(row->department, dept) == 0,
			       row->rank);
	}
	plot__block_end(&ps->vars);
	for (i = 0; owned && i < n; i++)
		free(owned[i]);
	free(owned);
	free(sel);
	free(names);
	free(grades);
}

/* The axis fitted to the peer group's totals (plot__emit_rank_axis). */
static void emit_axis(plot__script *ps, const jx_rank_result *r)
{
	double *pct = malloc((r->nrows + 1) * sizeof(*pct));
	if (!pct) {
		ps->vars.failed = 1;
		return;
	}
	for (size_t i = 0; i < r->nrows; i++)
		pct[i] = plot__ratio_percent(r->rows[i].total_score, r->rows[i].total_weight,
					     r->rows[i].rate);
	plot__emit_rank_axis(ps, pct, r->nrows);
	free(pct);
}

int plot__chart_rank(plot__script *ps, const plot__ctx *ctx)
{
	jx_rank_result *owned = NULL, peers = {0}, *r = &peers;
	const jx_rank_result *all = NULL;
	size_t i, at = 0, bars;
	char note[160];
	int year = 0, rc, found = 0;
	if ((rc = rank_year(&year, ctx)) != 0 || (rc = ranking(&all, &owned, ctx, year)) != 0)
		goto out;
	for (i = 0; i < all->nrows && !found && rc == 0; i++)
		if (strcmp(all->rows[i].department, ctx->req->department) == 0) {
			found = 1;
			rc = peer_view(&peers, all, all->rows[i].provenance);
		}
	if (rc)
		goto out;
	if (!found) {
		rc = jx__error(JX_ENOTFOUND, _("%s: no evaluation (%s) in %d"),
			       ctx->req->department, jx_kind_label(ctx->req->kind), year);
		goto out;
	}
	for (i = 0; i < r->nrows; i++) {
		if (strcmp(r->rows[i].department, ctx->req->department) == 0)
			at = i;
		ps->synthetic |= r->rows[i].provenance == JX_PROV_SYNTHETIC;
	}
	bars = r->nrows > RANK_MAX_BARS ? RANK_MAX_BARS : r->nrows;
	ps->height = (int)(bars * 30 + 170 > 450 ? bars * 30 + 170 : 450);
	plot__emit_titles(ps, ctx->req, _("departments ranked by total score"), year, 0);
	plot__emit_int(&ps->vars, "rank_year", year);
	if ((rc = plot__emit_bands(ps, ctx->store)) != 0)
		goto out;
	emit_ranks(ps, r, ctx->req->department, at);
	emit_axis(ps, r);
	if (r->nrows > RANK_MAX_BARS)
		snprintf(note, sizeof(note),
			 _("%zu departments: the top %d and those around this one are shown"),
			 r->nrows, RANK_TOP);
	plot__emit_axes(ps, _("total score (percent of the total weight)"), NULL, NULL);
	plot__emit_note(ps, r->nrows > RANK_MAX_BARS ? note : NULL);
out:
	free(peers.rows);
	jx_rank_result_free(owned);
	return rc;
}
