/* plot_charts_other.c -- charts of money and of all departments: figures, rank.
 *
 * figures: jx_funds_load's years: budget (预算数) and final expenditure
 * (决算支出) in 万元 as bars, the execution rate expenditure ÷ budget in
 * percent as a line on the second axis.
 * rank: jx_rank_compute for one year: every department's total as a
 * percentage of its total weight, best first, the requested department
 * highlighted; departments whose total is unknown are listed without a bar.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot_internal.h"

/* a / b in percent as 100·a÷b (93 of 100 prints as 93); NaN when unknown. */
static double percent(double a, double b, double known)
{
	return isnan(known) || !(b > 0) ? NAN : 100.0 * a / b;
}

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
		rc = jx__error(JX_ENOTFOUND, "no figures stored for %s in the years asked for",
			       ctx->req->department);
	if (rc)
		goto out;
	ps->synthetic = figures_synthetic(ctx->store, ctx->req->department, f);
	plot__emit_titles(ps, ctx->req, "预算与决算支出 budget and expenditure", f->years[0].year,
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
				 percent(y->expenditure_total, y->budget_total, y->execution_rate));
		jx__buf_puts(&ps->vars, "\n");
	}
	plot__block_end(&ps->vars);
	plot__emit_note(ps, f->warning ? "支出年均增长超过阈值 expenditure growth above threshold"
				       : NULL);
out:
	jx_funds_result_free(f);
	return rc;
}

/* The year to rank: asked, or the department's latest evaluated year in range. */
static int rank_year(int *year, const plot__ctx *ctx)
{
	const jx_plot_request *req = ctx->req;
	jx_filter f = {req->department, req->year_from, req->year_to, (int)req->kind};
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
		return jx__error(JX_ENOTFOUND, "no %s evaluation of %s in the years asked for",
				 jx_kind_name(req->kind), req->department);
	*year = ev[n - 1].year;
	jx_eval_summaries_free(ev, n);
	return 0;
}

/* 1 when any evaluation of that year and kind is synthetic. */
static int year_synthetic(jx_store *s, int year, jx_kind kind, int *synthetic)
{
	jx_filter f = {NULL, year, year, (int)kind};
	jx_eval_summary *ev = NULL;
	size_t n = 0, i;
	int rc = jx_store_list(s, &f, &ev, &n);
	for (i = 0; rc == 0 && i < n; i++)
		*synthetic |= ev[i].provenance == JX_PROV_SYNTHETIC;
	jx_eval_summaries_free(ev, n);
	return rc;
}

static void emit_ranks(plot__script *ps, const jx_rank_result *r, const char *dept)
{
	const char **names = malloc((r->nrows + 1) * sizeof(*names));
	const char **grades = malloc((r->nrows + 1) * sizeof(*grades));
	size_t i, n = names && grades ? r->nrows : 0;
	if (!names || !grades)
		ps->vars.failed = 1;
	for (i = 0; i < n; i++) {
		names[i] = r->rows[i].department;
		grades[i] = r->rows[i].grade ? r->rows[i].grade : "";
	}
	plot__emit_string_array(&ps->vars, "department", names, n);
	plot__emit_string_array(&ps->vars, "grade", grades, n);
	plot__block_begin(&ps->vars, "ranks");
	for (i = 0; i < n; i++) {
		jx__buf_printf(&ps->vars, "%zu ", i);
		plot__put_number(&ps->vars, percent(r->rows[i].total_score, r->rows[i].total_weight,
						    r->rows[i].rate));
		jx__buf_printf(&ps->vars, " %d %zu\n", strcmp(r->rows[i].department, dept) == 0,
			       r->rows[i].rank);
	}
	plot__block_end(&ps->vars);
	free(names);
	free(grades);
}

int plot__chart_rank(plot__script *ps, const plot__ctx *ctx)
{
	jx_rank_result *r = NULL;
	jx_analysis_options o;
	size_t i;
	int year = 0, rc, found = 0;
	plot__options(&o, ctx->req);
	if ((rc = rank_year(&year, ctx)) != 0 ||
	    (rc = jx_rank_compute(&r, ctx->store, year, &o)) != 0 ||
	    (rc = year_synthetic(ctx->store, year, ctx->req->kind, &ps->synthetic)) != 0)
		goto out;
	for (i = 0; i < r->nrows; i++)
		found |= strcmp(r->rows[i].department, ctx->req->department) == 0;
	if (!found) {
		rc = jx__error(JX_ENOTFOUND, "no %s evaluation of %s in %d",
			       jx_kind_name(ctx->req->kind), ctx->req->department, year);
		goto out;
	}
	ps->height = (int)(r->nrows * 30 + 170 > 450 ? r->nrows * 30 + 170 : 450);
	plot__emit_titles(ps, ctx->req, "部门总分排名 departments ranked", year, 0);
	plot__emit_int(&ps->vars, "rank_year", year);
	if ((rc = plot__emit_bands(ps, ctx->store)) != 0)
		goto out;
	emit_ranks(ps, r, ctx->req->department);
	plot__emit_note(ps, NULL);
out:
	jx_rank_result_free(r);
	return rc;
}
