/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_deductions.c -- appendix 3: where and how points are lost.
 *
 * Everything here is one jx_deductions_compute result (what `jixiao
 * deductions` prints in its four views): the Pareto of points lost, the
 * runs of deducted years per indicator, the transitions between
 * consecutive years and the pairs of indicators deducted together. */
#include <stdlib.h>
#include "report/internal.h"

#define PARETO_TOP 10 /* indicators listed in the Pareto table */

static const char *present_text(rd_doc *d, size_t deducted, size_t present)
{
	return rd_printf(d, "%zu/%zu", deducted, present);
}

static void pareto_categories(rd_doc *d, const jx_deductions_result *ded)
{
	static const char *const heads[] = {N_("Category"), N_("Points lost"), N_("Share"),
					    N_("Years deducted / present")};
	rd_table *t = rd_table_heads(d, "t-pareto-cat", _("Points lost by category"), heads, 4,
				     0xe /* 1-3 */);
	for (size_t i = 0; i < ded->npareto; i++) {
		const jx_pareto_row *p = &ded->pareto[i];
		rd_row *row;
		if (p->unit->level != JX_LEVEL_1)
			continue;
		row = rd_row_add(d, t, NULL, 0);
		rd_cell_set(row, 0, rp_unit_name(d, p->unit), NULL, 0);
		rd_cell_set(row, 1, rd_pts(d, p->points), NULL, 0);
		rd_cell_set(row, 2, rd_pct(d, p->share), NULL, 0);
		rd_cell_set(row, 3, present_text(d, p->nyears_deducted, p->nyears_present), NULL,
			    0);
	}
}

static void pareto_indicators(rd_doc *d, const jx_deductions_result *ded)
{
	static const char *const heads[] = {N_("#"),
					    N_("Category / group"),
					    N_("Indicator"),
					    N_("Points lost"),
					    N_("Share"),
					    N_("Cumulative"),
					    N_("Years deducted / present")};
	rd_table *t = rd_table_heads(d, "t-pareto", _("Indicators that lost the most points"),
				     heads, 7, 0x79 /* 0, 3-6 */);
	size_t shown = 0, rest = 0;
	double rest_points = 0;
	for (size_t i = 0; i < ded->npareto; i++) {
		const jx_pareto_row *p = &ded->pareto[i];
		rd_row *row;
		if (p->unit->level != JX_LEVEL_3 || !(p->points > 0))
			continue;
		if (shown == PARETO_TOP) {
			rest++;
			rest_points += p->points;
			continue;
		}
		row = rd_row_add(d, t, rp_anchor(d, "pareto", rp_unit_index(ded->units, p->unit)),
				 0);
		rd_cell_set(row, 0, rd_printf(d, "%zu", ++shown), NULL, 0);
		rd_cell_set(row, 1, rp_unit_path(d, p->unit), NULL, RD_MUTED);
		rd_cell_set(row, 2, rp_unit_name(d, p->unit), NULL, 0);
		rd_cell_set(row, 3, rd_pts(d, p->points), NULL, 0);
		rd_cell_set(row, 4, rd_pct(d, p->share), NULL, 0);
		rd_cell_set(row, 5, rd_pct(d, p->cum_share), NULL, 0);
		rd_cell_set(row, 6, present_text(d, p->nyears_deducted, p->nyears_present), NULL,
			    0);
	}
	if (rest)
		t->note = rd_printf(d,
				    ngettext("The other %zu indicator lost %s points.",
					     "The other %zu indicators lost %s points.", rest),
				    rest, rd_pts(d, rest_points));
}

static int by_run(const void *pa, const void *pb)
{
	const jx_run_row *a = *(const jx_run_row *const *)pa, *b = *(const jx_run_row *const *)pb;
	if (a->current_run != b->current_run)
		return a->current_run > b->current_run ? -1 : 1;
	if (a->longest_run != b->longest_run)
		return a->longest_run > b->longest_run ? -1 : 1;
	if (a->nyears_deducted != b->nyears_deducted)
		return a->nyears_deducted > b->nyears_deducted ? -1 : 1;
	return (a->unit > b->unit) - (a->unit < b->unit);
}

static const char *deducted_years(rd_doc *d, const jx_units *u, const jx_unit *un)
{
	const char *s = "";
	for (size_t y = 0; y < u->nyears; y++)
		if (jx_unit_year_deducted(&un->years[y]))
			s = *s ? rd_printf(d, "%s%s%d", s, _(", "), u->years[y])
			       : rd_printf(d, "%d", u->years[y]);
	return s;
}

static void runs_table(rd_doc *d, const jx_deductions_result *ded)
{
	static const char *const heads[] = {
		N_("Category / group"),         N_("Indicator"),   N_("Years with deductions"),
		N_("Years deducted / present"), N_("Longest run"), N_("Current run")};
	const jx_run_row **v = rd_alloc(d, (ded->nruns + 1) * sizeof(*v));
	size_t n = 0;
	rd_table *t;
	for (size_t i = 0; v && i < ded->nruns; i++)
		if (ded->runs[i].nyears_deducted)
			v[n++] = &ded->runs[i];
	if (!n) {
		rd_note(d, _("No indicator lost points."));
		return;
	}
	jx__sort(v, n, sizeof(*v), by_run);
	t = rd_table_heads(d, "t-runs",
			   _("Indicators that lost points (by the run up to the latest year)"),
			   heads, 6, 0x38 /* 3-5 */);
	for (size_t i = 0; i < n; i++) {
		const jx_run_row *run = v[i];
		rd_row *row = rd_row_add(
			d, t, rp_anchor(d, "run", rp_unit_index(ded->units, run->unit)), 0);
		rd_cell_set(row, 0, rp_unit_path(d, run->unit), NULL, RD_MUTED);
		rd_cell_set(row, 1, rp_unit_name(d, run->unit), NULL, 0);
		rd_cell_set(row, 2, deducted_years(d, ded->units, run->unit), NULL, 0);
		rd_cell_set(row, 3, present_text(d, run->nyears_deducted, run->nyears_present),
			    NULL, 0);
		rd_cell_set(row, 4,
			    rd_printf(d, _("%d (%d–%d)"), run->longest_run, run->longest_from,
				      run->longest_to),
			    NULL, 0);
		rd_cell_set(row, 5, rd_printf(d, "%d", run->current_run), NULL,
			    run->current_run >= 3 ? RD_BAD : 0);
	}
}

static void transitions_table(rd_doc *d, const jx_deductions_result *ded)
{
	static const char *const heads[] = {N_("Years"),      N_("New"),   N_("Resolved"),
					    N_("Persistent"), N_("Clean"), N_("Other")};
	rd_table *t;
	if (!ded->ntransitions)
		return;
	t = rd_table_heads(
		d, "t-trans",
		_("Indicators changing state between consecutive evaluated years (counts)"), heads,
		6, 0x3e /* 1-5 */);
	for (size_t i = 0; i < ded->ntransitions; i++) {
		const jx_transition_row *tr = &ded->transitions[i];
		rd_row *row = rd_row_add(d, t, rp_anchor(d, "trans", (size_t)tr->year_to), 0);
		rd_cell_set(row, 0, rd_printf(d, "%d→%d", tr->year_from, tr->year_to), NULL, 0);
		rd_cell_set(row, 1, rd_printf(d, "%zu", tr->new_), NULL, tr->new_ ? RD_BAD : 0);
		rd_cell_set(row, 2, rd_printf(d, "%zu", tr->resolved), NULL,
			    tr->resolved ? RD_GOOD : 0);
		rd_cell_set(row, 3, rd_printf(d, "%zu", tr->persistent), NULL, 0);
		rd_cell_set(row, 4, rd_printf(d, "%zu", tr->clean), NULL, 0);
		rd_cell_set(row, 5, rd_printf(d, "%zu", tr->other), NULL, 0);
	}
}

static void pairs_table(rd_doc *d, const jx_deductions_result *ded)
{
	static const char *const heads[] = {
		N_("Indicator A"), N_("Indicator B"), "φ" /* a symbol, not translated */,
		N_("Both"),        N_("A only"),      N_("B only"),
		N_("Neither")};
	rd_table *t;
	if (!ded->npairs) {
		rd_note(d, _("No pairs of indicators deducted together."));
		return;
	}
	t = rd_table_heads(d, "t-pairs",
			   _("Pairs of indicators deducted in the same years (phi coefficient)"),
			   heads, 7, 0x7c /* 2-6 */);
	for (size_t i = 0; i < ded->npairs; i++) {
		const jx_pair_row *p = &ded->pairs[i];
		rd_row *row = rd_row_add(d, t, rp_anchor(d, "pair", i + 1), 0);
		rd_cell_set(row, 0, rp_unit_label(d, ded->units, p->a), NULL, 0);
		rd_cell_set(row, 1, rp_unit_label(d, ded->units, p->b), NULL, 0);
		rd_cell_set(row, 2, rd_fixed(d, p->phi, 2), NULL, 0);
		rd_cell_set(row, 3, rd_printf(d, "%zu", p->n11), NULL, 0);
		rd_cell_set(row, 4, rd_printf(d, "%zu", p->n10), NULL, 0);
		rd_cell_set(row, 5, rd_printf(d, "%zu", p->n01), NULL, 0);
		rd_cell_set(row, 6, rd_printf(d, "%zu", p->n00), NULL, 0);
	}
}

void rp_sec_deductions(rd_doc *d, const jx_report *r)
{
	const jx_deductions_result *ded = r->deductions;
	const jx_units *u = ded->units;
	rd_heading(d, 2, "deductions", _("Appendix 3. Deduction patterns"));
	rd_para_text(d, NULL,
		     rd_printf(d,
			       ngettext("In %s the indicators lost %s point in all.",
					"In %s the indicators lost %s points in all.",
					rp_plural(ded->total_points)),
			       rp_years(d, u->years[0], u->years[u->nyears - 1]),
			       rd_pts(d, ded->total_points)));
	rd_heading(d, 3, "pareto", _("Where points are lost (Pareto)"));
	if (ded->total_points > 0)
		rd_chart_add(d, JX_CHART_PARETO, "chart-pareto", rp_chart_title(JX_CHART_PARETO));
	pareto_categories(d, ded);
	if (ded->total_points > 0)
		pareto_indicators(d, ded);
	rd_heading(d, 3, "heatmap", _("Points lost by indicator and year"));
	rd_chart_add(d, JX_CHART_HEATMAP, "chart-heatmap", rp_chart_title(JX_CHART_HEATMAP));
	rd_heading(d, 3, "runs", _("Runs of deductions"));
	runs_table(d, ded);
	transitions_table(d, ded);
	rd_heading(d, 3, "pairs", _("Indicators deducted together"));
	pairs_table(d, ded);
}
