/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview_charts.c -- the overview's charts: their names, their titles, the
 * grade distribution per year, and the driver that hands each to plot.c.
 *
 * An overview chart is drawn from a computed jx_overview (jixiao/overview.h),
 * never from the store again, so its numbers are those `jixiao overview`
 * prints. Its title names no department (none is highlighted); the subtitle
 * says the years, how many departments and the basis kind. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

static const struct {
	const char *name, *template_name;
	int (*fn)(plot__script *ps, const plot__ov *c);
} ov_charts[JX_OVERVIEW_CHART_COUNT] = {
	{"grades", "overview_grades", plot__ov_grades},
	{"heat", "overview_heat", plot__ov_heat},
	{"weak", "overview_weak", plot__ov_weak},
	{"gap", "overview_gap", plot__ov_gap},
	{"rank", "rank", plot__ov_rank},
};

const char *jx_overview_chart_name(jx_overview_chart c)
{
	return (unsigned)c < JX_OVERVIEW_CHART_COUNT ? ov_charts[c].name : NULL;
}

static int prepare(plot__script *ps, const void *arg)
{
	const plot__ov *c = arg;
	if (!c->ov || !c->ov->ndepartments || !c->ov->nyears)
		return jx__error(JX_ENOTFOUND, _("no department to draw"));
	if (c->op->rows > 200)
		return jx__error(JX_EINVAL, _("at most 200 departments fit on a chart"));
	ps->synthetic = c->ov->provenance == JX_PROV_SYNTHETIC;
	return ov_charts[c->op->chart].fn(ps, c);
}

static int job_of(plot__job *job, plot__ov *c, const jx_overview *ov, const jx_overview_plot *op,
		  const jx_plot_request *req)
{
	if ((unsigned)op->chart >= JX_OVERVIEW_CHART_COUNT)
		return jx__error(JX_EINVAL, _("bad chart or image format"));
	c->ov = ov;
	c->op = op;
	c->req = req;
	job->name = ov_charts[op->chart].name;
	job->template_name = ov_charts[op->chart].template_name;
	job->prepare = prepare;
	job->arg = c;
	return 0;
}

int jx_plot_overview_script(char **out, const jx_overview *ov, const jx_overview_plot *op,
			    const jx_plot_request *req)
{
	plot__ov c;
	plot__job job;
	int rc = job_of(&job, &c, ov, op, req);
	*out = NULL;
	return rc ? rc : plot__script_text(out, &job, req);
}

int jx_plot_overview_draw(const jx_overview *ov, const jx_overview_plot *op,
			  const jx_plot_request *req)
{
	plot__ov c;
	plot__job job;
	int rc = job_of(&job, &c, ov, op, req);
	return rc ? rc : plot__draw(&job, req);
}

void plot__ov_titles(plot__script *ps, const plot__ov *c, const char *chart_title, int year,
		     const char *extra)
{
	const jx_overview *ov = c->ov;
	char years[48];
	char *sub;
	int from = year ? year : ov->years[0], to = year ? year : ov->years[ov->nyears - 1];
	if (from != to)
		snprintf(years, sizeof(years), "%d–%d", from, to);
	else
		snprintf(years, sizeof(years), "%d", from);
	sub = jx__sprintf(ngettext("%s · %zu department · %s%s%s", "%s · %zu departments · %s%s%s",
				   ov->ndepartments),
			  years, ov->ndepartments, jx_kind_label(ov->kind), extra ? " · " : "",
			  extra ? extra : "");
	if (!sub)
		ps->vars.failed = 1;
	plot__emit_string(&ps->vars, "title_text", chart_title);
	plot__emit_string(&ps->vars, "subtitle_text", sub ? sub : "");
	free(sub);
}

void plot__ov_bands(plot__script *ps, const jx_overview *ov)
{
	const char *names[16];
	double mins[16];
	for (size_t i = 0; i < ov->nbands; i++) {
		names[i] = ov->bands[i].grade;
		mins[i] = ov->bands[i].min_score;
	}
	plot__emit_string_array(&ps->vars, "band_name", names, ov->nbands);
	plot__emit_number_array(&ps->vars, "band_min", mins, ov->nbands);
}

int plot__ov_band(const jx_overview *ov, const char *grade)
{
	for (size_t i = 0; grade && *grade && i < ov->nbands; i++)
		if (!strcmp(ov->bands[i].grade, grade))
			return (int)i + 1;
	return 0;
}

double plot__ov_percent(const jx_overview_cell *cell)
{
	return plot__ratio_percent(cell->total_score, cell->total_weight, cell->rate);
}

void plot__emit_rank_axis(plot__script *ps, const double *pct, size_t n)
{
	double lo = INFINITY, hi = -INFINITY, max;
	for (size_t i = 0; i < n; i++)
		if (!isnan(pct[i])) {
			lo = pct[i] < lo ? pct[i] : lo;
			hi = pct[i] > hi ? pct[i] : hi;
		}
	if (isinf(lo)) {
		lo = 0;
		hi = 100;
	}
	max = hi;
	/* whole fives a little beyond the data, room for the value labels on the right */
	lo = floor((lo - 2) / 5) * 5;
	hi = ceil((hi + 4) / 5) * 5;
	plot__emit_number(&ps->vars, "rank_xmin", lo < 0 ? 0 : lo);
	plot__emit_number(&ps->vars, "rank_xmax", hi > 100 && max <= 100 ? 100 : hi);
}

/* ---- grades: departments per grade and year, stacked ---- */

int plot__ov_grades(plot__script *ps, const plot__ov *c)
{
	const jx_overview *ov = c->ov;
	size_t counts[17];
	plot__ov_titles(ps, c, _("Departments per grade and year"), 0, NULL);
	plot__ov_bands(ps, ov);
	plot__emit_string(&ps->vars, "unknown_text", _("total unknown"));
	plot__emit_string(&ps->vars, "ylabel_text", _("departments"));
	plot__block_begin(&ps->vars, "grades");
	for (size_t y = 0; y < ov->nyears; y++) {
		memset(counts, 0, sizeof(counts));
		for (size_t i = 0; i < ov->ncells; i++)
			if (ov->cells[i].year == ov->years[y])
				counts[plot__ov_band(ov, ov->cells[i].grade)]++;
		jx__buf_printf(&ps->vars, "%d", ov->years[y]);
		for (size_t b = 1; b <= ov->nbands; b++)
			jx__buf_printf(&ps->vars, " %zu", counts[b]);
		jx__buf_printf(&ps->vars, " %zu\n", counts[0]);
	}
	plot__block_end(&ps->vars);
	ps->width = (int)(ov->nyears * 60 + 360 > 800 ? ov->nyears * 60 + 360 : 800);
	return 0;
}
