/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_problems.c -- section 4 (存在问题及原因): the main problems, ranked, each with its
 * evidence, beside the problems the department itself reported.
 *
 * The ranking is problems.c's; this file words each problem with the years
 * it lost points in the window, the points, and the department's own
 * reason when its report gives one. */
#include <math.h>
#include "report/internal.h"

/* "2022 (2), 2024 (3)": the window years in which the unit lost points, with the points. */
static const char *deducted_years(rd_doc *d, const jx_report *r, const jx_problem *p)
{
	const jx_units *u = r->deductions->units;
	const char *s = "";
	for (size_t y = u->nyears - p->nwindow; y < u->nyears; y++) {
		const jx_unit_year *uy = &p->unit->years[y];
		const char *one;
		if (!uy->nrows || isnan(uy->score) || !(uy->weight - uy->score > 1e-9))
			continue;
		one = rd_printf(d, "%d (%s)", u->years[y], rd_pts(d, uy->weight - uy->score));
		s = *s ? rd_printf(d, "%s%s%s", s, _(", "), one) : one;
	}
	return s;
}

static void problem_item(rd_doc *d, rd_inline *in, const jx_report *r, const jx_problem *p)
{
	const jx_units *u = r->deductions->units;
	const jx_unit_year *uy = &p->unit->years[u->nyears - 1];
	const jx_indicator *ind = rp_latest_indicator(r, p->unit);
	rd_span_add(d, in, rd_printf(d, _("“%s”"), rp_unit_label(d, u, p->unit)), NULL, RD_STRONG);
	if (p->nwindow == 1) /* one evaluated year: no history to tell */
		rd_span_add(d, in,
			    rd_printf(d, _(": lost %s of %s points in %d. "),
				      rd_pts(d, p->latest_lost), rd_pts(d, uy->weight),
				      r->year_latest),
			    NULL, 0);
	else
		rd_span_add(
			d, in,
			rd_printf(
				d,
				ngettext(": lost %s of %s points in %d; lost points in %zu of the "
					 "last %zu evaluated year: %s. ",
					 ": lost %s of %s points in %d; lost points in %zu of the "
					 "last %zu evaluated years: %s. ",
					 p->nwindow),
				rd_pts(d, p->latest_lost), rd_pts(d, uy->weight), r->year_latest,
				p->ndeducted, p->nwindow, deducted_years(d, r, p)),
			NULL, 0);
	rd_span_add(d, in,
		    p->reason ? rd_printf(d, _("The department's reason: %s"), p->reason)
			      : _("The department's report gives no reason."),
		    NULL, p->reason ? 0 : RD_MUTED);
	rd_span_add(d, in, " ", NULL, 0);
	rd_span_add(d, in, rd_printf(d, "→ %s", _("evidence")),
		    ind ? rp_anchor(d, "#target", (size_t)(ind - r->latest->rows)) : "#targets",
		    RD_MUTED);
}

void rp_sec_problems(rd_doc *d, const jx_report *r)
{
	rd_block *list;
	rd_heading(d, 2, "problems", _("4. Problems and their causes"));
	if (!r->nproblems) {
		rd_note(d, rd_printf(d, _("No indicator lost points in %d."), r->year_latest));
	} else {
		rd_para_text(
			d, NULL,
			_("The indicators that lost points in the latest year, most important "
			  "first: points lost in that year times the number of recent years in "
			  "which the indicator lost points (docs/report.md, “The main "
			  "problems”)."));
		list = rd_list(d, 1);
		for (size_t i = 0; i < r->nproblems; i++)
			problem_item(d, rd_item(d, list, rp_anchor(d, "problem", i + 1)), r,
				     &r->problems[i]);
	}
	if (r->stated_problems) {
		rd_block *p;
		rd_heading(d, 3, "own-problems",
			   rd_printf(d,
				     _("Problems the department itself reported (%d report, as "
				       "written)"),
				     r->year_latest));
		p = rd_para(d);
		rd_span_add(d, &p->inl, _("Problems and causes: "), NULL, RD_STRONG);
		rd_span_add(d, &p->inl, r->stated_problems, NULL, 0);
	}
}
