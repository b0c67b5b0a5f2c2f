/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_projects.c -- the projects chart: each project's execution rate per year
 * (jx_projects_compute: 全年执行数 ÷ 全年预算数, else the stated 执行率), in
 * percent, one line per project, against the slow-execution threshold. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

/* The evaluated years of any project, ascending, into *years (malloc'd). */
static int project_years(int **years, size_t *n, const jx_projects_result *r)
{
	size_t cap = 0;
	*years = NULL;
	*n = 0;
	for (size_t p = 0; p < r->nprojects; p++)
		for (size_t y = 0; y < r->projects[p].nyears; y++) {
			int year = r->projects[p].years[y].year, at = 0;
			size_t i = 0;
			while (i < *n && (*years)[i] < year)
				i++;
			at = i < *n && (*years)[i] == year;
			if (at)
				continue;
			if (jx__grow((void **)years, &cap, *n + 1, sizeof(**years)))
				return JX_ENOMEM;
			memmove(*years + i + 1, *years + i, (*n - i) * sizeof(**years));
			(*years)[i] = year;
			++*n;
		}
	return 0;
}

/* A project's execution rate in percent in year (NaN when not evaluated or unknown). */
static double rate_in(const jx_project_summary *p, int year)
{
	for (size_t y = 0; y < p->nyears; y++)
		if (p->years[y].year == year)
			return round(p->years[y].execution_rate * 1e6) / 1e4;
	return NAN;
}

int plot__chart_projects(plot__script *ps, const plot__ctx *ctx)
{
	jx_projects_result *r = NULL;
	jx_analysis_options o;
	const char **names = NULL;
	int *years = NULL;
	size_t nyears = 0, slow = 0;
	char *note = NULL;
	int rc;
	plot__options(&o, ctx->req);
	if ((rc = jx_projects_compute(&r, ctx->store, ctx->req->department, &o)) ||
	    (rc = project_years(&years, &nyears, r)))
		goto out;
	if (!(names = malloc((r->nprojects + 1) * sizeof(*names)))) {
		rc = jx__oom();
		goto out;
	}
	for (size_t p = 0; p < r->nprojects; p++) {
		names[p] = r->projects[p].name;
		slow += r->projects[p].slow;
	}
	ps->synthetic = r->provenance == JX_PROV_SYNTHETIC;
	plot__emit_titles(ps, ctx->req, _("execution rate of the projects"), years[0],
			  years[nyears - 1]);
	plot__emit_int(&ps->vars, "year_min", years[0]);
	plot__emit_int(&ps->vars, "year_max", years[nyears - 1]);
	plot__emit_number(&ps->vars, "threshold", 100.0 * o.project_threshold);
	plot__emit_string_array(&ps->vars, "project", names, r->nprojects);
	plot__block_begin(&ps->vars, "rates");
	for (size_t y = 0; y < nyears; y++) {
		jx__buf_printf(&ps->vars, "%d", years[y]);
		for (size_t p = 0; p < r->nprojects; p++) {
			jx__buf_puts(&ps->vars, " ");
			plot__put_number(&ps->vars, rate_in(&r->projects[p], years[y]));
		}
		jx__buf_puts(&ps->vars, "\n");
	}
	plot__block_end(&ps->vars);
	if (slow)
		note = jx__sprintf(ngettext("%zu project below the threshold in every year",
					    "%zu projects below the threshold in every year", slow),
				   slow);
	plot__emit_axes(ps, _("year"), _("execution rate (%)"), NULL);
	plot__emit_note(ps, note);
out:
	free(note);
	free(names);
	free(years);
	jx_projects_result_free(r);
	return rc;
}
