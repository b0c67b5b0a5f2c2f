/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart.c -- the small chart at the top of each department page, as inline SVG
 * written here, without gnuplot.
 *
 * One gnuplot run per chart and department costs about 0.4 s of CPU: for the
 * 2,000 departments of a province that is a quarter of an hour, more than the
 * whole site may take (docs/performance.md). This chart needs nothing the
 * overview has not computed already: the department's totals per year (bars
 * in percent of the total weight, filled with the grade's colour of the heat
 * table, the value above), the grade bands as dashed lines, its rank among the
 * departments of the same provenance under each year, and where a new
 * indicator framework starts. Every text is escaped; numbers are written in
 * the C locale. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "site/internal.h"

#define W 640
#define H 250
#define ML 46 /* margins: left (axis labels), right, top, bottom (years, ranks) */
#define MR 16
#define MT 30
#define MB 56

static const char *fill_of(const char *cls)
{
	static const char *const fill[] = {"#c8e6c9", "#fff3c4", "#ffd8a8", "#f8b4b4"};
	return cls[1] >= '0' && cls[1] <= '3' ? fill[cls[1] - '0'] : "#eeeeee";
}

typedef struct {
	double lo, hi; /* the y axis, percent */
} axis;

static double y_of(const axis *a, double v)
{
	return MT + (double)(H - MT - MB) * (a->hi - v) / (a->hi - a->lo);
}

/* The axis: from a round ten below the lowest known total (at most 80) to 100. */
static axis fit(const jx_overview_cell *const *c, size_t n)
{
	axis a = {INFINITY, 100};
	for (size_t i = 0; i < n; i++) {
		double v = 100.0 * c[i]->total_score / c[i]->total_weight;
		if (!isnan(c[i]->rate)) {
			a.lo = v < a.lo ? v : a.lo;
			a.hi = v > a.hi ? ceil(v / 10) * 10 : a.hi;
		}
	}
	a.lo = isinf(a.lo) ? 0 : floor((a.lo - 5) / 10) * 10;
	a.lo = a.lo < 0 ? 0 : a.lo > 80 ? 80 : a.lo;
	return a;
}

static void grid(jx__buf *b, const jx_overview *ov, const axis *a)
{
	for (double v = a->lo; v <= a->hi + 1e-9; v += 10)
		jx__buf_printf(
			b,
			"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>"
			"<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" "
			"font-size=\"11\">%g</text>\n",
			ML, y_of(a, v), W - MR, y_of(a, v), ML - 6, y_of(a, v) + 4, v);
	for (size_t i = 0; i < ov->nbands; i++) {
		double v = ov->bands[i].min_score;
		if (!(v > a->lo && v < a->hi))
			continue;
		jx__buf_printf(
			b,
			"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\" "
			"stroke-dasharray=\"4 3\"/><text x=\"%d\" y=\"%.1f\" font-size=\"10\" "
			"fill=\"#555\">",
			ML, y_of(a, v), W - MR, y_of(a, v), ML + 3, y_of(a, v) - 3);
		jx__site_esc(b, ov->bands[i].grade);
		jx__buf_printf(b, " ≥ %g</text>\n", v);
	}
}

/* One year: the bar and its value, the year and the rank under it, a framework break. */
static void year_bar(jx__buf *b, const jx_overview *ov, const jx_overview_cell *c, const axis *a,
		     double x, double slot)
{
	double w = slot * 0.6 > 48 ? 48 : slot * 0.6, mid = x + slot / 2;
	if (c->new_period)
		jx__buf_printf(
			b,
			"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#6a3d9a\" "
			"stroke-dasharray=\"2 3\"/>\n",
			x, MT, x, H - MB);
	if (!isnan(c->rate) && c->total_weight > 0) {
		double v = 100.0 * c->total_score / c->total_weight, top = y_of(a, v);
		jx__buf_printf(b,
			       "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			       "height=\"%.1f\" fill=\"%s\" stroke=\"#777\"/>"
			       "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
			       "font-size=\"11\">%.1f</text>\n",
			       mid - w / 2, top, w, y_of(a, a->lo) - top,
			       fill_of(jx__site_grade_class(ov, c->grade)), mid, top - 4, v);
	} else {
		jx__buf_printf(b,
			       "<text class=\"value\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
			       "font-size=\"11\">?</text>\n",
			       mid, H - MB - 4);
	}
	jx__buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%d",
		       mid, H - MB + 16, c->year);
	jx__buf_puts(b, "</text>\n");
	if (c->rank)
		jx__buf_printf(b,
			       "<text class=\"rank\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
			       "font-size=\"10\" fill=\"#555\">#%zu/%zu</text>\n",
			       mid, H - MB + 32, c->rank, c->peers);
}

void jx__site_chart(jx__buf *b, const jx__site *s, size_t d)
{
	const jx_overview *ov = s->ov;
	const jx_overview_cell **c = malloc((ov->nyears + 1) * sizeof(*c));
	const char *title = _("Total score per year (percent of the total weight)");
	size_t n = 0;
	axis a;
	for (size_t i = jx__ov_first_cell(ov, d);
	     c && i < ov->ncells && ov->cells[i].dept == d && n < ov->nyears; i++)
		c[n++] = &ov->cells[i];
	if (!c || n == 0) {
		b->failed |= !c;
		free(c);
		return;
	}
	a = fit(c, n);
	jx__buf_printf(
		b,
		"<figure class=\"site-chart\" style=\"margin:.5em 1em\">"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
		"height=\"%d\" role=\"img\" font-family=\"sans-serif\"><title>",
		W, H, W, H);
	jx__site_esc(b, title);
	jx__buf_printf(b, "</title>\n<text x=\"%d\" y=\"18\" font-size=\"13\">", ML);
	jx__site_esc(b, title);
	jx__buf_puts(b, "</text>\n");
	if (s->dept_prov[d] == JX_PROV_SYNTHETIC)
		jx__buf_printf(b,
			       "<text x=\"%d\" y=\"18\" text-anchor=\"end\" font-size=\"11\" "
			       "fill=\"#b22222\">合成数据 synthetic data</text>\n",
			       W - MR);
	grid(b, ov, &a);
	for (size_t i = 0; i < n; i++)
		year_bar(b, ov, c[i], &a, ML + (double)i * (W - ML - MR) / (double)n,
			 (double)(W - ML - MR) / (double)n);
	jx__buf_puts(b, "</svg><figcaption class=\"note\">");
	jx__site_esc(b, _("bars coloured by grade; under each year the rank among the departments "
			  "of the same provenance; a dotted line where a new indicator framework "
			  "starts"));
	jx__buf_puts(b, "</figcaption></figure>\n");
	free(c);
}
