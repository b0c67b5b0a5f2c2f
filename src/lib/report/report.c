/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c -- the planning report: gather one department's findings.
 *
 * jx_report_build runs the same analysis functions as the analysis
 * commands (trend, forecast, compare, deductions, weak, figures, rank, self
 * vs review) with the same defaults, so every number in the report is one
 * those commands print. It also collects what the provenance section
 * needs (which evaluations, real or synthetic, their import warnings) and
 * derives the planning suggestions (rules.c). Writing is in
 * write.c.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "report/internal.h"

void jx_report_request_init(jx_report_request *r)
{
	memset(r, 0, sizeof(*r));
	r->kind = JX_KIND_SELF;
	r->format = JX_REPORT_HTML;
	r->lang = JX_LANG_ZH;
	r->charts = 1;
}

int jx_report_format_parse(const char *s, jx_report_format *out)
{
	if (s && !strcmp(s, "html"))
		*out = JX_REPORT_HTML;
	else if (s && (!strcmp(s, "md") || !strcmp(s, "markdown")))
		*out = JX_REPORT_MD;
	else
		return jx__error(JX_EINVAL, _("unknown report format '%s' (html, md)"), s ? s : "");
	return 0;
}

void jx__report_message(jx_report *r, const char *fmt, ...)
{
	va_list ap;
	char *msg, **v;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(msg = malloc((size_t)n + 1)))
		return;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!(v = realloc(r->messages, (r->nmessages + 1) * sizeof(*v)))) {
		free(msg);
		return;
	}
	r->messages = v;
	r->messages[r->nmessages++] = msg;
}

/* Analyses that always run; an error in any of them is the report's error. */
static int run_core(jx_report *r)
{
	const jx_analysis_options *o = &r->options;
	int rc;
	if ((rc = jx_trend_compute(&r->trend, r->series, o)) ||
	    (rc = jx_deductions_compute(&r->deductions, r->series, o)) ||
	    (rc = jx_weak_compute(&r->weak, r->series, o)))
		return rc;
	rc = jx_forecast_compute(&r->forecast, r->series, o);
	if (rc == JX_EMATH) {
		if (!(r->forecast_note = jx__strdup(jx_error_last())))
			return jx__oom();
		jx_error_clear();
		rc = 0;
	}
	if (rc == 0 && r->year_previous)
		rc = jx_compare_compute(&r->compare, r->series, r->year_previous, r->year_latest,
					o);
	return rc;
}

/* The headline totals, review first, and the self-minus-review gap over the years. */
static int review_first(jx_report *r, jx_store *st)
{
	int rc = jx_standing_load(&r->standing, st, r->department, &r->options);
	if (rc == JX_ENOTFOUND)
		return 0;
	if (rc)
		return rc;
	r->standing_latest = jx_standing_find(r->standing, r->year_latest);
	for (size_t i = 0; i < r->standing->nyears; i++)
		if (isfinite(r->standing->years[i].gap_rate))
			return jx_gap_compute(&r->gap, r->standing, r->options.alpha);
	return 0;
}

static int dup_text(char **out, const char *s)
{
	if (!s || !*s)
		return 0;
	return (*out = jx__strdup(s)) ? 0 : jx__oom();
}

/* The department's own words in its latest report: functions, problems, suggestions. */
static int own_words(jx_report *r, jx_store *st)
{
	jx_evaluation *ev = NULL;
	int rc = jx_store_load_evaluation(st, &ev, r->department, r->year_latest, r->kind);
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		return 0;
	}
	if (rc == 0 && !(rc = dup_text(&r->functions, ev->functions)) &&
	    !(rc = dup_text(&r->stated_problems, ev->problems)))
		rc = dup_text(&r->stated_suggestions, ev->suggestions);
	if (rc == 0)
		r->latest = ev; /* its indicators: targets, actuals, reasons */
	else
		jx_evaluation_free(ev);
	return rc;
}

/* Figures, rank and the review: absent data is normal, not an error. */
static int run_optional(jx_report *r, jx_store *st)
{
	jx_series *review = NULL;
	int rc = jx_funds_load(&r->funds, st, r->department, &r->options);
	if (rc == JX_ENOTFOUND)
		rc = 0;
	if (rc == 0 && !r->rank)
		rc = jx_rank_compute(&r->rank, st, r->year_latest, &r->options);
	for (size_t i = 0; rc == 0 && i < r->rank->nrows; i++)
		if (!strcmp(r->rank->rows[i].department, r->department))
			r->rank_row = &r->rank->rows[i];
	if (rc == 0 && r->kind == JX_KIND_SELF) {
		rc = jx_store_series(st, &review, r->department, JX_KIND_REVIEW,
				     r->options.year_from, r->options.year_to);
		if (rc == 0)
			rc = jx_compare_self_review(&r->selfreview, r->series, review, &r->options);
		else if (rc == JX_ENOTFOUND)
			rc = 0;
	}
	jx_series_free(review);
	if (rc == 0)
		rc = review_first(r, st);
	if (rc == 0)
		rc = own_words(r, st);
	if (rc == 0 && (rc = jx_projects_compute(&r->projects, st, r->department, &r->options)) ==
			       JX_ENOTFOUND)
		rc = 0;
	if (rc == 0)
		jx_error_clear();
	return rc;
}

static int add_warnings(jx_report *r, const jx_evaluation *ev)
{
	jx_report_warning *v;
	if (!ev->nwarnings)
		return 0;
	v = realloc(r->warnings, (r->nwarnings + ev->nwarnings) * sizeof(*v));
	if (!v)
		return jx__oom();
	r->warnings = v;
	for (size_t i = 0; i < ev->nwarnings; i++) {
		jx_report_warning *w = &r->warnings[r->nwarnings];
		w->year = ev->year;
		w->kind = ev->kind;
		w->line = ev->warnings[i].line;
		if (!(w->message = jx__strdup(ev->warnings[i].message)))
			return jx__oom();
		r->nwarnings++;
	}
	return 0;
}

/* Which evaluations, real or synthetic, and their import warnings. */
static int provenance(jx_report *r, jx_store *st)
{
	jx_filter f = {r->department, r->options.year_from, r->options.year_to, -1, NULL};
	int rc = jx_store_list(st, &f, &r->evals, &r->nevals);
	for (size_t i = 0; rc == 0 && i < r->nevals; i++) {
		jx_evaluation *ev = NULL;
		if (r->evals[i].provenance == JX_PROV_SYNTHETIC &&
		    (r->evals[i].kind == r->kind || r->selfreview))
			r->synthetic = 1;
		if (!r->evals[i].nwarnings)
			continue;
		rc = jx_store_load_evaluation(st, &ev, r->department, r->evals[i].year,
					      r->evals[i].kind);
		if (rc == 0)
			rc = add_warnings(r, ev);
		jx_evaluation_free(ev);
	}
	for (size_t i = 0; rc == 0 && r->funds && i < r->funds->nyears; i++) {
		jx_figures *fg = NULL;
		if ((rc = jx_store_load_figures(st, &fg, r->department, r->funds->years[i].year)) ==
			    0 &&
		    fg->provenance == JX_PROV_SYNTHETIC) {
			r->figures_synthetic++;
			r->synthetic = 1;
		}
		if (rc == JX_ENOTFOUND)
			rc = 0;
		jx_figures_free(fg);
	}
	/* the ranking's synthetic departments: only its peer group counts (a real department is
	 * ranked among real ones only, docs/report.md "Ranks on one basis, among peers") */
	for (size_t i = 0; r->rank_row && i < r->rank->nrows; i++)
		r->rank_synthetic += r->rank_row->provenance == JX_PROV_SYNTHETIC &&
				     r->rank->rows[i].provenance == JX_PROV_SYNTHETIC;
	if (r->rank_synthetic)
		r->synthetic = 1;
	if (r->projects && r->projects->provenance == JX_PROV_SYNTHETIC)
		r->synthetic = r->projects_synthetic = 1;
	return rc;
}

static int check_request(const jx_report_request *req)
{
	if (!req || !req->department || !*req->department)
		return jx__error(JX_EINVAL, _("report: a department is required"));
	if (req->year_from && req->year_to && req->year_from > req->year_to)
		return jx__error(JX_EINVAL, _("report: year range %d-%d is empty"), req->year_from,
				 req->year_to);
	return 0;
}

int jx_report_build(jx_report **out, jx_store *st, const jx_report_request *req)
{
	jx_report *r;
	int rc;

	*out = NULL;
	if ((rc = check_request(req)))
		return rc;
	if (!(r = calloc(1, sizeof(*r))) || !(r->department = jx__strdup(req->department))) {
		free(r);
		return jx__oom();
	}
	r->kind = req->kind;
	jx_analysis_options_init(&r->options);
	r->options.year_from = req->year_from;
	r->options.year_to = req->year_to;
	r->options.kind = req->kind;
	if ((rc = jx_store_series(st, &r->series, req->department, req->kind, req->year_from,
				  req->year_to)))
		goto out;
	r->year_latest = r->series->years[r->series->nyears - 1].year;
	if (r->series->nyears > 1)
		r->year_previous = r->series->years[r->series->nyears - 2].year;
	for (size_t i = 0; !r->rank && i < req->nranks; i++)
		if (req->ranks[i]->year == r->year_latest && req->ranks[i]->kind == r->kind &&
		    !req->ranks[i]->projects) {
			r->rank = req->ranks[i]; /* shared by a site: computed once */
			r->rank_borrowed = 1;
		}
	if ((rc = run_core(r)) || (rc = run_optional(r, st)) || (rc = provenance(r, st)) ||
	    (rc = jx_store_grade_bands(st, r->bands, sizeof(r->bands) / sizeof(*r->bands),
				       &r->nbands)) ||
	    (rc = jx__report_rules(r)) || (rc = jx__report_problems(r)))
		goto out;
out:
	if (rc) {
		jx_report_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void jx_report_free(jx_report *r)
{
	if (!r)
		return;
	free(r->department);
	jx_series_free(r->series);
	jx_trend_result_free(r->trend);
	jx_forecast_result_free(r->forecast);
	free(r->forecast_note);
	jx_compare_result_free(r->compare);
	jx_deductions_result_free(r->deductions);
	jx_weak_result_free(r->weak);
	jx_funds_result_free(r->funds);
	if (!r->rank_borrowed)
		jx_rank_result_free(r->rank);
	jx_selfreview_result_free(r->selfreview);
	jx_projects_result_free(r->projects);
	jx_standing_result_free(r->standing);
	jx_gap_result_free(r->gap);
	free(r->functions);
	free(r->stated_problems);
	free(r->stated_suggestions);
	jx_evaluation_free(r->latest);
	jx_eval_summaries_free(r->evals, r->nevals);
	for (size_t i = 0; i < r->nwarnings; i++)
		free(r->warnings[i].message);
	free(r->warnings);
	free(r->suggestions);
	for (size_t i = 0; i < r->nmessages; i++)
		free(r->messages[i]);
	free(r->messages);
	free(r);
}
