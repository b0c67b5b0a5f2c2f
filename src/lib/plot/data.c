/* SPDX-License-Identifier: GPL-3.0-or-later */
/* data.c -- what several charts read: the request's units, years and grade bands.
 *
 * Charts take their numbers from the analysis module (jx_units and the
 * compute functions), so a chart always shows what `jixiao trend`,
 * `deductions`, `weak`... print for the same options.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

void plot__options(jx_analysis_options *o, const jx_plot_request *req)
{
	jx_analysis_options_init(o);
	o->year_from = req->year_from;
	o->year_to = req->year_to;
	o->kind = req->kind;
}

/* break_label[k]: "2021 new indicator framework" beside the dotted line of break_year[k]. */
static void emit_break_labels(plot__script *ps, const double *years, size_t n)
{
	char **labels = calloc(n + 1, sizeof(*labels));
	size_t i;
	for (i = 0; labels && i < n; i++)
		if (!(labels[i] = jx__sprintf(_("%d new indicator framework"), (int)years[i])))
			ps->vars.failed = 1;
	if (!labels)
		ps->vars.failed = 1;
	plot__emit_string_array(&ps->vars, "break_label", (const char *const *)labels,
				labels ? n : 0);
	for (i = 0; labels && i < n; i++)
		free(labels[i]);
	free(labels);
}

/* year_min, year_max, n_year and the number array year[] of the units; break_year[], the
 * years a new indicator framework starts (docs/methods.md §2): marked on the charts over
 * years, so that a step between frameworks does not read as a trend. */
static void emit_years(plot__script *ps, const jx_units *u)
{
	size_t i, n;
	double *years = malloc((u->nyears + 1) * sizeof(double));
	if (!years) {
		ps->vars.failed = 1;
		return;
	}
	for (i = 0; i < u->nyears; i++)
		years[i] = u->years[i];
	plot__emit_int(&ps->vars, "year_min", u->years[0]);
	plot__emit_int(&ps->vars, "year_max", u->years[u->nyears - 1]);
	plot__emit_number_array(&ps->vars, "year", years, u->nyears);
	for (i = 0, n = 0; u->periods && i < u->nyears; i++)
		if (u->periods[i].is_break)
			years[n++] = u->years[i];
	plot__emit_number_array(&ps->vars, "break_year", years, n);
	emit_break_labels(ps, years, n);
	free(years);
}

/* The request's series and units; JX_ENOTFOUND (with a message) when nothing was evaluated. */
static int load_units(plot__units *pu, const plot__ctx *ctx)
{
	const jx_plot_request *req = ctx->req;
	int rc = jx_store_series(ctx->store, &pu->sr, req->department, req->kind, req->year_from,
				 req->year_to);
	if (rc == 0 && pu->sr->nyears == 0)
		rc = JX_ENOTFOUND;
	if (rc == 0)
		rc = jx_units_build(&pu->u, pu->sr, &pu->o);
	if (rc == JX_ENOTFOUND || (rc == 0 && pu->u->nyears == 0))
		rc = jx__error(JX_ENOTFOUND, _("%s: no evaluation (%s) in the years asked for"),
			       req->department, jx_kind_label(req->kind));
	return rc;
}

int plot__units_begin(plot__units *pu, plot__script *ps, const plot__ctx *ctx, const char *title)
{
	int rc;
	memset(pu, 0, sizeof(*pu));
	plot__options(&pu->o, ctx->req);
	if ((rc = load_units(pu, ctx)) != 0) {
		plot__units_end(pu);
		return rc;
	}
	for (size_t i = 0; i < pu->sr->nyears; i++)
		ps->synthetic |= pu->sr->years[i].provenance == JX_PROV_SYNTHETIC;
	plot__emit_titles(ps, ctx->req, title, pu->u->years[0], pu->u->years[pu->u->nyears - 1]);
	emit_years(ps, pu->u);
	return 0;
}

void plot__units_end(plot__units *pu)
{
	jx_units_free(pu->u);
	jx_series_free(pu->sr);
	pu->u = NULL;
	pu->sr = NULL;
}

double plot__percent(const jx_unit_year *uy)
{
	if (!uy->nrows || isnan(uy->rate) || !(uy->weight > 0))
		return NAN;
	return 100.0 * uy->score / uy->weight;
}

void plot__emit_note(plot__script *ps, const char *text)
{
	plot__emit_string(&ps->vars, "note_text", text ? text : "");
}

int plot__emit_bands(plot__script *ps, jx_store *s)
{
	jx_grade_band bands[16];
	const char *names[16];
	double mins[16];
	size_t n = 0, i;
	int rc = jx_store_grade_bands(s, bands, 16, &n);
	if (rc)
		return rc;
	for (i = 0; i < n;
	     i++) { /* the default bands' names (优 良 中 差) in the chart's language */
		names[i] = jx_grade_label(bands[i].grade);
		mins[i] = bands[i].min_score;
	}
	plot__emit_string_array(&ps->vars, "band_name", names, n);
	plot__emit_number_array(&ps->vars, "band_min", mins, n);
	return 0;
}

/* a / b in percent as 100·a÷b (93 of 100 prints as 93); NaN when unknown. */
double plot__ratio_percent(double a, double b, double known)
{
	return isnan(known) || !(b > 0) ? NAN : 100.0 * a / b;
}
