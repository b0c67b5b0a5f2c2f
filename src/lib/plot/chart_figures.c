/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_figures.c -- the money chart: jx_funds_load's years, budget (预算数) and
 * final expenditure (决算支出) in 万元 as bars, the execution rate
 * expenditure ÷ budget in percent as a line on the second axis. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

/* 1 when any year's figures of the department are synthetic. */
static int figures_synthetic(jx_store *s, const char *dept, const jx_funds_result *f)
{
	size_t i;
	int synthetic = 0;
	for (i = 0; i < f->nyears && !synthetic; i++) {
		jx_figures *fig = NULL;
		if (jx_store_load_figures(s, &fig, dept, f->years[i].year) == 0)
			synthetic = fig->provenance == JX_PROV_SYNTHETIC;
		jx_figures_free(fig);
	}
	return synthetic;
}

int plot__chart_figures(plot__script *ps, const plot__ctx *ctx)
{
	jx_funds_result *f = NULL;
	jx_analysis_options o;
	size_t i;
	int rc;
	plot__options(&o, ctx->req);
	rc = jx_funds_load(&f, ctx->store, ctx->req->department, &o);
	if (rc == 0 && f->nyears == 0)
		rc = JX_ENOTFOUND;
	if (rc == JX_ENOTFOUND)
		rc = jx__error(JX_ENOTFOUND, _("no figures stored for %s in the years asked for"),
			       ctx->req->department);
	if (rc)
		goto out;
	ps->synthetic = figures_synthetic(ctx->store, ctx->req->department, f);
	plot__emit_titles(ps, ctx->req, _("budget and final expenditure"), f->years[0].year,
			  f->years[f->nyears - 1].year);
	plot__emit_int(&ps->vars, "year_min", f->years[0].year);
	plot__emit_int(&ps->vars, "year_max", f->years[f->nyears - 1].year);
	plot__emit_int(&ps->vars, "n_year", (long)f->nyears);
	plot__block_begin(&ps->vars, "figures");
	for (i = 0; i < f->nyears; i++) {
		const jx_funds_year *y = &f->years[i];
		jx__buf_printf(&ps->vars, "%d ", y->year);
		plot__put_number(&ps->vars, y->budget_total);
		jx__buf_puts(&ps->vars, " ");
		plot__put_number(&ps->vars, y->expenditure_total);
		jx__buf_puts(&ps->vars, " ");
		plot__put_number(&ps->vars,
				 plot__ratio_percent(y->expenditure_total, y->budget_total,
						     y->execution_rate));
		jx__buf_puts(&ps->vars, "\n");
	}
	plot__block_end(&ps->vars);
	plot__emit_axes(ps, _("year"), _("amount (10,000 yuan)"), _("execution rate (%)"));
	plot__emit_string(&ps->vars, "key_budget", _("budget"));
	plot__emit_string(&ps->vars, "key_expenditure", _("final expenditure"));
	plot__emit_string(&ps->vars, "key_rate", _("execution rate"));
	plot__emit_note(ps, f->warning ? _("mean yearly growth of expenditure above the threshold")
				       : NULL);
out:
	jx_funds_result_free(f);
	return rc;
}
