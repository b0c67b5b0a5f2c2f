/* SPDX-License-Identifier: GPL-3.0-or-later */
/* figures.c -- budget, final accounts and execution per year.
 *
 * Execution rate = final expenditure ÷ budget; basic and project shares of
 * the final expenditure; growth against the previous year with figures,
 * annualised over a gap ((v_t / v_s)^(1/(t−s)) − 1; a drop to zero is −100%);
 * a warning when the mean of the last N expenditure growths exceeds a
 * threshold, and no verdict at all with fewer than N growths
 * (docs/methods.md §9). Amounts are kept in 万元 as stored (hundredths).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

static double item(const jx_figures *f, const char *name)
{
	int64_t cents;
	return jx_figures_get(f, name, &cents) ? (double)cents / 100 : NAN;
}

static double ratio(double a, double b)
{
	return b > 0 && !isnan(a) ? a / b : NAN;
}

/* A drop to zero is −100% (0^(1/gap) − 1); growth from zero is undefined (NaN). */
static double growth(double now, double before, int gap)
{
	if (!(now >= 0) || !(before > 0) || gap < 1)
		return NAN;
	return gap == 1 ? now / before - 1 : pow(now / before, 1.0 / gap) - 1;
}

static void fill_year(jx_funds_year *y, const jx_figures *f)
{
	y->year = f->year;
	y->budget_total = item(f, "budget_total");
	y->budget_basic = item(f, "budget_basic");
	y->budget_project = item(f, "budget_project");
	y->income_total = item(f, "income_total");
	y->expenditure_total = item(f, "expenditure_total");
	y->expenditure_basic = item(f, "expenditure_basic");
	y->expenditure_project = item(f, "expenditure_project");
	y->execution_rate = ratio(y->expenditure_total, y->budget_total);
	y->basic_share = ratio(y->expenditure_basic, y->expenditure_total);
	y->project_share = ratio(y->expenditure_project, y->expenditure_total);
	y->budget_growth = y->income_growth = y->expenditure_growth = NAN;
}

static int cmp_year(const void *a, const void *b)
{
	int x = ((const jx_funds_year *)a)->year, y = ((const jx_funds_year *)b)->year;
	return (x > y) - (x < y);
}

static void growths(jx_funds_result *r, int years)
{
	double sum = 0;
	for (size_t i = 1; i < r->nyears; i++) {
		jx_funds_year *y = &r->years[i], *p = &r->years[i - 1];
		y->gap = y->year - p->year;
		y->budget_growth = growth(y->budget_total, p->budget_total, y->gap);
		y->income_growth = growth(y->income_total, p->income_total, y->gap);
		y->expenditure_growth = growth(y->expenditure_total, p->expenditure_total, y->gap);
	}
	r->ngrowth = 0;
	for (size_t i = r->nyears; i-- > 1 && r->ngrowth < (size_t)years;) {
		if (isnan(r->years[i].expenditure_growth))
			break; /* the last N consecutive growths only */
		sum += r->years[i].expenditure_growth;
		r->ngrowth++;
	}
	r->mean_growth = r->ngrowth ? sum / (double)r->ngrowth : NAN;
	r->judged = r->ngrowth == (size_t)years;
	r->warning = r->judged && r->mean_growth > r->threshold;
}

int jx_funds_compute(jx_funds_result **out, const char *department, jx_figures *const *figs,
		     size_t n, const jx_analysis_options *o)
{
	jx_funds_result *r;
	int years = o ? o->growth_years : 3;

	*out = NULL;
	if (years < 1)
		return jx__error(JX_EINVAL, _("figures: growth years must be at least 1"));
	if (!(r = calloc(1, sizeof(*r))) || !(r->department = jx__strdup(department)) ||
	    !(r->years = calloc(n + 1, sizeof(*r->years)))) {
		jx_funds_result_free(r);
		return jx__oom();
	}
	r->threshold = o ? o->growth_threshold : 0.15;
	for (size_t i = 0; i < n; i++) {
		fill_year(&r->years[r->nyears++], figs[i]);
		if (figs[i]->provenance == JX_PROV_SYNTHETIC)
			r->provenance = JX_PROV_SYNTHETIC;
	}
	jx__sort(r->years, r->nyears, sizeof(*r->years), cmp_year);
	for (size_t i = 1; i < r->nyears; i++)
		if (r->years[i].year == r->years[i - 1].year) {
			int year = r->years[i].year;
			jx_funds_result_free(r);
			return jx__error(JX_EINVAL, _("figures of %s given twice for %d"),
					 department, year);
		}
	growths(r, years);
	*out = r;
	return 0;
}

void jx_funds_result_free(jx_funds_result *r)
{
	if (!r)
		return;
	free(r->department);
	free(r->years);
	free(r);
}

int jx_funds_load(jx_funds_result **out, jx_store *st, const char *department,
		  const jx_analysis_options *o)
{
	jx_figures **figs = NULL;
	int *years = NULL;
	size_t n = 0, nf = 0;
	int rc;

	*out = NULL;
	if ((rc = jx_store_figure_years(st, &years, &n, department, o ? o->year_from : 0,
					o ? o->year_to : 0)))
		return rc;
	if (n == 0) {
		rc = jx__error(JX_ENOTFOUND, _("no figures of '%s'%s"), department,
			       o && (o->year_from || o->year_to) ? " in that year range" : "");
		goto out;
	}
	if (!(figs = calloc(n, sizeof(*figs)))) {
		rc = jx__oom();
		goto out;
	}
	for (; nf < n; nf++)
		if ((rc = jx_store_load_figures(st, &figs[nf], department, years[nf])))
			goto out;
	rc = jx_funds_compute(out, department, figs, nf, o);
out:
	for (size_t i = 0; i < nf; i++)
		jx_figures_free(figs[i]);
	free(figs);
	free(years);
	return rc;
}

static const jx__col funds_cols[] = {
	{"year", N_("year"), JX_COL_INT, 0},
	{"budget_total", N_("budget total"), JX_COL_NUMBER, 0},
	{"budget_basic", N_("budget basic"), JX_COL_NUMBER, 0},
	{"budget_project", N_("budget project"), JX_COL_NUMBER, 0},
	{"income_total", N_("income"), JX_COL_NUMBER, 0},
	{"expenditure_total", N_("expenditure"), JX_COL_NUMBER, 0},
	{"expenditure_basic", N_("basic exp."), JX_COL_NUMBER, 0},
	{"expenditure_project", N_("project exp."), JX_COL_NUMBER, 0},
	{"execution_rate", N_("execution"), JX_COL_FIXED, 4},
	{"basic_share", N_("basic share"), JX_COL_FIXED, 4},
	{"project_share", N_("project share"), JX_COL_FIXED, 4},
	{"budget_growth", N_("budget growth"), JX_COL_FIXED, 4},
	{"income_growth", N_("income growth"), JX_COL_FIXED, 4},
	{"expenditure_growth", N_("exp. growth"), JX_COL_FIXED, 4},
	{"gap_years", N_("gap years"), JX_COL_INT, 0},
	{"mean_expenditure_growth", N_("recent mean exp. growth"), JX_COL_FIXED, 4},
	{"growth_warning", N_("growth warning"), JX_COL_TEXT, 0},
};

static int funds_row(jx_table *t, int c, const jx_funds_result *r, const jx_funds_year *y,
		     const jx_analysis_options *o)
{
	const double v[] = {y->budget_total,        y->budget_basic,      y->budget_project,
			    y->income_total,        y->expenditure_total, y->expenditure_basic,
			    y->expenditure_project, y->execution_rate,    y->basic_share,
			    y->project_share,       y->budget_growth,     y->income_growth,
			    y->expenditure_growth};
	int bad;
	if (jx__table_row(t, r->department, NULL, r->provenance, o))
		return JX_ENOMEM;
	bad = jx_table_set_int(t, c, y->year);
	for (int i = 0; i < 13; i++)
		bad |= jx__set_number(t, c + 1 + i, v[i]);
	if (y->gap)
		bad |= jx_table_set_int(t, c + 14, y->gap);
	if (y == &r->years[r->nyears - 1]) /* the verdict sits on the latest year */
		bad |= jx__set_number(t, c + 15, r->mean_growth) |
		       jx_table_set_text(t, c + 16,
					 !r->judged   ? ""
					 : r->warning ? "yes"
						      : "no");
	return bad ? JX_ENOMEM : 0;
}

int jx_funds_table(jx_table **out, const jx_funds_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	size_t want = o ? (size_t)o->growth_years : 3;
	int c, rc;
	if ((rc = jx__table_start(&t, &c, funds_cols, sizeof(funds_cols) / sizeof(*funds_cols), o,
				  r->provenance)))
		return rc;
	jx_table_add_note(
		t,
		_("%s: amounts in 10,000 yuan; execution rate = final expenditure / budget; "
		  "growth against the previous year with figures, annualised over gaps"),
		r->department);
	if (r->ngrowth)
		jx_table_add_note(
			t,
			ngettext("%s: mean expenditure growth over the last %zu year = %.1f%% "
				 "(threshold %.1f%%)%s",
				 "%s: mean expenditure growth over the last %zu years = %.1f%% "
				 "(threshold %.1f%%)%s",
				 r->ngrowth),
			r->warning ? _("WARNING") : _("growth"), r->ngrowth, r->mean_growth * 100,
			r->threshold * 100,
			r->warning          ? _(" — exceeds the threshold")
			: r->ngrowth < want ? _(" — too few years to warn")
					    : "");
	for (size_t i = 0; i < r->nyears; i++)
		if ((rc = funds_row(t, c, r, &r->years[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}
