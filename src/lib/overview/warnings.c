/* SPDX-License-Identifier: GPL-3.0-or-later */
/* warnings.c -- early warnings of one department, one row each with its
 * evidence, by the rules of the planning report (docs/report.md, "Early
 * warnings"): the growth warning of `figures` (R9), the latest execution
 * rate outside [90%, 110%] (R8), a drop of the headline grade (review
 * first), and an indicator the weak rules newly call persistent. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "overview/internal.h"

const char *jx_warning_code_name(jx_warning_code c)
{
	static const char *const names[] = {"growth", "execution", "grade_drop",
					    "persistent_deduction"};
	return (unsigned)c < sizeof(names) / sizeof(*names) ? names[c] : "";
}

void jx__ov_pct(char *buf, size_t size, double rate)
{
	if (isnan(rate))
		snprintf(buf, size, "?");
	else
		snprintf(buf, size, "%.1f%%", rate * 100);
}

static int add(jx__ov_state *s, size_t d, int year, jx_warning_code code, const char *subject,
	       double value, char *evidence, jx_provenance prov)
{
	jx_overview *ov = s->ov;
	jx_overview_warning *w;
	if (!evidence || jx__grow((void **)&ov->warnings, &s->cap_warnings, ov->nwarnings + 1,
				  sizeof(*ov->warnings))) {
		free(evidence);
		return jx__oom();
	}
	w = &ov->warnings[ov->nwarnings];
	*w = (jx_overview_warning){d, year, code, NULL, value, evidence, prov};
	if (subject && !(w->subject = jx__strdup(subject))) {
		free(evidence);
		return jx__oom();
	}
	ov->nwarnings++;
	return 0;
}

/* The first year of the last fu->ngrowth known growths (those the verdict averaged). */
static size_t growth_start(const jx_funds_result *fu)
{
	size_t i = fu->nyears, n = 0;
	while (i > 0 && n < fu->ngrowth)
		n += !isnan(fu->years[--i].expenditure_growth);
	return i;
}

static int growth_warning(jx__ov_state *s, size_t d, const jx_funds_result *fu)
{
	const jx_funds_year *last = &fu->years[fu->nyears - 1];
	char a[32], b[32];
	jx__buf ev;
	jx__buf_init(&ev);
	jx__ov_pct(a, sizeof(a), fu->mean_growth);
	jx__ov_pct(b, sizeof(b), fu->threshold);
	jx__buf_printf(&ev, _("mean expenditure growth %s > %s:"), a, b);
	for (size_t i = growth_start(fu); i < fu->nyears; i++)
		if (!isnan(fu->years[i].expenditure_growth)) {
			jx__ov_pct(a, sizeof(a), fu->years[i].expenditure_growth);
			jx__buf_printf(&ev, " %d %s%s", fu->years[i].year,
				       fu->years[i].expenditure_growth >= 0 ? "+" : "", a);
		}
	return add(s, d, last->year, JX_WARN_GROWTH, NULL, fu->mean_growth, jx__buf_detach(&ev),
		   fu->provenance);
}

static int funds_warnings(jx__ov_state *s, size_t d, const jx_funds_result *fu)
{
	const jx_funds_year *last = &fu->years[fu->nyears - 1];
	char a[32];
	int rc = fu->warning ? growth_warning(s, d, fu) : 0;
	if (rc || !isfinite(last->execution_rate) ||
	    (last->execution_rate >= JX_EXECUTION_LOW && last->execution_rate <= JX_EXECUTION_HIGH))
		return rc;
	jx__ov_pct(a, sizeof(a), last->execution_rate);
	return add(s, d, last->year, JX_WARN_EXECUTION, NULL, last->execution_rate,
		   jx__sprintf(_("execution rate %s (expenditure %.2f / budget %.2f 万元), "
				 "outside 90%%-110%%"),
			       a, last->expenditure_total, last->budget_total),
		   fu->provenance);
}

/* Position of a grade among the bands (0 the best); -1 when unknown. */
static int grade_index(const jx_standing_result *sd, const char *grade)
{
	for (size_t i = 0; grade && *grade && i < sd->nbands; i++)
		if (!strcmp(sd->bands[i].grade, grade))
			return (int)i;
	return -1;
}

static int grade_drop(jx__ov_state *s, size_t d, const jx_standing_result *sd)
{
	const jx_standing *now, *before;
	char a[32], b[32], self[32];
	int gi_now, gi_before;
	if (sd->nyears < 2)
		return 0;
	now = &sd->years[sd->nyears - 1];
	before = &sd->years[sd->nyears - 2];
	gi_now = grade_index(sd, now->grade);
	gi_before = grade_index(sd, before->grade);
	if (gi_now < 0 || gi_before < 0 || gi_now <= gi_before)
		return 0;
	jx__ov_pct(a, sizeof(a), before->rate);
	jx__ov_pct(b, sizeof(b), now->rate);
	jx__ov_pct(self, sizeof(self), now->self_rate);
	return add(s, d, now->year, JX_WARN_GRADE_DROP, NULL, now->rate,
		   now->basis == JX_KIND_REVIEW
			   ? jx__sprintf(_("%d %s %s (%s) -> %d %s %s (review; self %s)"),
					 before->year, before->grade, a,
					 jx_kind_name(before->basis), now->year, now->grade, b,
					 self)
			   : jx__sprintf(_("%d %s %s (%s) -> %d %s %s (self)"), before->year,
					 before->grade, a, jx_kind_name(before->basis), now->year,
					 now->grade, b),
		   now->provenance);
}

/* Persistent over the window ending at year index end (exclusive): lost points in end - 1
 * and in at least min_deducted of the window's years. */
static int persistent_at(const jx_unit *un, size_t end, size_t window, int min_deducted)
{
	size_t first = end > window ? end - window : 0, n = 0;
	if (end == 0 || !jx_unit_year_deducted(&un->years[end - 1]))
		return 0;
	for (size_t y = first; y < end; y++)
		n += (size_t)jx_unit_year_deducted(&un->years[y]);
	return (int)n >= min_deducted;
}

static char *deducted_years(const jx_units *u, const jx_unit *un, size_t window)
{
	jx__buf b;
	jx__buf_init(&b);
	for (size_t y = u->nyears > window ? u->nyears - window : 0; y < u->nyears; y++) {
		const jx_unit_year *uy = &un->years[y];
		if (!uy->nrows)
			continue;
		jx__buf_printf(&b, "%s%d ", b.len ? "; " : "", u->years[y]);
		if (isnan(uy->score))
			jx__buf_puts(&b, "?");
		else
			jx__buf_printf(&b, "%g/%g", jx__tidy(uy->score), jx__tidy(uy->weight));
	}
	return jx__buf_detach(&b);
}

static int persistent(jx__ov_state *s, size_t d, const jx_weak_result *wk)
{
	const jx_units *u = wk->units;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < wk->nrows; i++) {
		const jx_weak_row *row = &wk->rows[i];
		if (!(row->rules & JX_WEAK_PERSISTENT) ||
		    persistent_at(row->unit, u->nyears - 1, wk->nwindow,
				  s->ov->o.weak_min_deducted))
			continue;
		rc = add(s, d, u->years[u->nyears - 1], JX_WARN_PERSISTENT, row->unit->name,
			 row->points_lost, deducted_years(u, row->unit, wk->nwindow),
			 u->provenance);
	}
	return rc;
}

int jx__ov_warnings_add(jx__ov_state *s, size_t d, const jx_weak_result *wk,
			const jx_standing_result *sd, const jx_funds_result *fu)
{
	int rc = 0;
	if (fu && fu->nyears)
		rc = funds_warnings(s, d, fu);
	if (rc == 0 && sd)
		rc = grade_drop(s, d, sd);
	if (rc == 0 && wk)
		rc = persistent(s, d, wk);
	return rc;
}
