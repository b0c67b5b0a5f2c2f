/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_projects.c -- appendix 6: the department's budget projects (项目支出绩效自评表).
 *
 * What `jixiao projects` computes (jx_projects_compute, same threshold and
 * rules): the execution rate of each project per year as a chart, a table
 * of the latest year per project with the mean execution rate and points
 * lost, the missed targets with the department's own reasons, and the
 * projects that keep spending slowly or keep missing the same target. */
#include <math.h>
#include <string.h>
#include "report/internal.h"

/* Points lost by a project over its years (known totals only). */
static double points_lost(const jx_project_summary *p)
{
	double lost = 0;
	for (size_t y = 0; y < p->nyears; y++)
		if (!isnan(p->years[y].rate))
			lost += p->years[y].total_weight - p->years[y].total_score;
	return lost;
}

static const char *flags_text(rd_doc *d, const jx_project_summary *p)
{
	if (p->slow && p->repeated)
		return rd_printf(d, "%s%s%s", _("slow every year"), _("; "),
				 _("targets missed again"));
	return p->slow ? _("slow every year") : p->repeated ? _("targets missed again") : "";
}

static void projects_table(rd_doc *d, const jx_projects_result *pr)
{
	static const char *const heads[] = {N_("Project"),
					    N_("Years"),
					    N_("Latest total"),
					    N_("Latest execution"),
					    N_("Mean execution"),
					    N_("Latest missed / targets"),
					    N_("Points lost in all"),
					    N_("Attention")};
	rd_table *t = rd_table_heads(d, "t-projects",
				     _("Projects: execution and targets (latest year)"), heads, 8,
				     0x7c /* 2-6 */);
	for (size_t i = 0; i < pr->nprojects; i++) {
		const jx_project_summary *p = &pr->projects[i];
		const jx_project_year *y = &p->years[p->nyears - 1];
		rd_row *row = rd_row_add(d, t, rp_anchor(d, "proj", i + 1), 0);
		rd_cell_set(row, 0, p->name, NULL, RD_STRONG);
		rd_cell_set(row, 1, rp_years(d, p->years[0].year, y->year), NULL, 0);
		rd_cell_set(row, 2,
			    rd_printf(d, "%s / %s %s", rd_pts(d, y->total_score),
				      rd_pts(d, y->total_weight), y->grade),
			    NULL, 0);
		rd_cell_set(row, 3, rd_pct(d, y->execution_rate), NULL,
			    y->execution_rate < pr->threshold - 1e-9 ? RD_BAD : 0);
		rd_cell_set(row, 4, rd_pct(d, p->mean_execution_rate), NULL, p->slow ? RD_BAD : 0);
		rd_cell_set(row, 5, rd_printf(d, "%zu / %zu", y->nmissed, y->ntargets), NULL,
			    y->nmissed ? RD_BAD : 0);
		rd_cell_set(row, 6, rd_pts(d, points_lost(p)), NULL, 0);
		rd_cell_set(row, 7, flags_text(d, p), NULL, RD_BAD);
	}
}

/* Every missed target in range, by project, with the department's reason. */
static void missed_list(rd_doc *d, const jx_projects_result *pr)
{
	rd_block *list;
	rd_heading(d, 3, "projects-missed", _("Missed targets and the department's own reasons"));
	if (!pr->nmissed) {
		rd_note(d, _("No target was missed in the range (or none could be judged)."));
		return;
	}
	list = rd_list(d, 0);
	for (size_t i = 0; i < pr->nprojects; i++) {
		const jx_project_summary *p = &pr->projects[i];
		for (size_t y = 0; y < p->nyears; y++)
			for (size_t m = p->years[y].missed_first;
			     m < p->years[y].missed_first + p->years[y].nmissed; m++) {
				const jx_missed_target *mt = &pr->missed[m];
				rd_inline *in = rd_item(d, list, NULL);
				rd_span_add(d, in, p->name, NULL, RD_STRONG);
				rd_span_add(d, in, " · ", NULL, 0);
				rd_span_add(d, in,
					    rd_printf(d, _("%d, “%s”: target %s, actual %s"),
						      mt->year, mt->level3, mt->target, mt->actual),
					    NULL, 0);
				rd_span_add(d, in,
					    mt->reason ? rd_printf(d, _("; reason: %s"), mt->reason)
						       : _("; no reason given"),
					    NULL, mt->reason ? 0 : RD_MUTED);
			}
	}
}

/* The projects the rules across years flag: slow every year, targets missed again. */
static void again_list(rd_doc *d, const jx_projects_result *pr)
{
	rd_block *list = NULL;
	rd_heading(d, 3, "projects-again", _("Projects that lose points again and again"));
	for (size_t i = 0; i < pr->nprojects; i++) {
		const jx_project_summary *p = &pr->projects[i];
		const char *href = rd_printf(d, "#%s", rp_anchor(d, "proj", i + 1));
		if ((p->slow || p->repeated) && !list)
			list = rd_list(d, 0);
		if (p->slow)
			rd_span_add(
				d, rd_item(d, list, NULL),
				rd_printf(
					d,
					ngettext("“%s”: %d–%d, execution in its %zu year below %s "
						 "(mean %s, "
						 "lowest %s)",
						 "“%s”: %d–%d, execution in all %zu years below %s "
						 "(mean %s, lowest %s)",
						 p->nrate_years),
					p->name, p->years[0].year, p->years[p->nyears - 1].year,
					p->nrate_years, rd_pct(d, pr->threshold),
					rd_pct(d, p->mean_execution_rate),
					rd_pct(d, p->min_execution_rate)),
				href, 0);
		if (p->repeated)
			rd_span_add(d, rd_item(d, list, NULL),
				    rd_printf(d, _("“%s”: %s"), p->name, p->repeated), href, 0);
	}
	if (!list)
		rd_note(d, _("No project is slow every year or misses the same target again."));
}

/* The years any project was evaluated in. */
static const char *project_years(rd_doc *d, const jx_projects_result *pr)
{
	int first = 0, last = 0;
	for (size_t i = 0; i < pr->nprojects; i++) {
		const jx_project_summary *p = &pr->projects[i];
		if (!first || p->years[0].year < first)
			first = p->years[0].year;
		if (p->years[p->nyears - 1].year > last)
			last = p->years[p->nyears - 1].year;
	}
	return rp_years(d, first, last);
}

void rp_sec_projects(rd_doc *d, const jx_report *r)
{
	const jx_projects_result *pr = r->projects;
	rd_heading(d, 2, "projects", _("Appendix 6. Budget projects"));
	if (!pr || !pr->nprojects) {
		rd_note(d, _("No project self-evaluations of this department in the range."));
		return;
	}
	rd_para_text(
		d, NULL,
		rd_printf(
			d,
			ngettext(
				"%s: %zu project of this department has a project self-evaluation. "
				"Execution rate = executed ÷ adjusted budget (the stated rate "
				"when they are not given); below %s counts as slow. Targets are "
				"compared with actual values; a target that does not parse counts "
				"as unknown, never as missed.",
				"%s: %zu projects of this department have a project "
				"self-evaluation. Execution rate = executed ÷ adjusted budget (the "
				"stated rate when they are not given); below %s counts as slow. "
				"Targets are compared with actual values; a target that does not "
				"parse counts as unknown, never as missed.",
				pr->nprojects),
			project_years(d, pr), pr->nprojects, rd_pct(d, pr->threshold)));
	rd_chart_add(d, JX_CHART_PROJECTS, "chart-projects", rp_chart_title(JX_CHART_PROJECTS));
	projects_table(d, pr);
	again_list(d, pr);
	missed_list(d, pr);
}
