/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart_rates.c -- charts of score rates over the years: categories, weak.
 *
 * categories: the rate of every level-1 unit per evaluated year (jx_units:
 * Σ score ÷ Σ weight; unknown when a row's score is missing, drawn as a
 * gap and counted in a note).
 * weak: one panel per indicator flagged by jx_weak_compute (default
 * rules), its rate in every evaluated year, the rule window shaded.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

#define MAX_PANELS 12

int plot__chart_categories(plot__script *ps, const plot__ctx *ctx)
{
	plot__units pu;
	jx_units *u;
	const jx_unit **cats = NULL;
	const char **names = NULL;
	size_t n = 0, i, y, unknown = 0;
	char *note = NULL;
	int rc;
	if ((rc = plot__units_begin(&pu, ps, ctx, _("score rate by category"))) != 0)
		goto out;
	u = pu.u;
	cats = malloc((u->nunits + 1) * sizeof(*cats));
	names = malloc((u->nunits + 1) * sizeof(*names));
	if (!cats || !names) {
		rc = jx__oom();
		goto out;
	}
	for (i = 0; i < u->nunits; i++)
		if (u->units[i].level == JX_LEVEL_1) {
			cats[n] = &u->units[i];
			names[n++] = u->units[i].name;
		}
	plot__emit_string_array(&ps->vars, "category", names, n);
	plot__block_begin(&ps->vars, "rates");
	for (y = 0; y < u->nyears; y++) {
		jx__buf_printf(&ps->vars, "%d", u->years[y]);
		for (i = 0; i < n; i++) {
			const jx_unit_year *uy = &cats[i]->years[y];
			unknown += uy->nrows > 0 && isnan(uy->rate);
			jx__buf_puts(&ps->vars, " ");
			plot__put_number(&ps->vars, plot__percent(uy));
		}
		jx__buf_puts(&ps->vars, "\n");
	}
	plot__block_end(&ps->vars);
	if (unknown)
		note = jx__sprintf(ngettext("%zu category-year with a missing score is not drawn",
					    "%zu category-years with a missing score are not drawn",
					    unknown),
				   unknown);
	plot__emit_axes(ps, _("year"), _("score rate (%)"), NULL);
	plot__emit_note(ps, note);
out:
	free(note);
	free(cats);
	free(names);
	plot__units_end(&pu);
	return rc;
}

/* Which rules fired, in words: "new · persistent 2/3 · large 23.1%" (新增 · 持续 2/3 · 占扣分 23.1%). */
static char *rules_text(const jx_weak_row *w, const jx_weak_result *r)
{
	char num[32];
	jx__buf b;
	jx__buf_init(&b);
	if (w->rules & JX_WEAK_NEW)
		jx__buf_puts(&b, _("new"));
	if (w->rules & JX_WEAK_PERSISTENT)
		jx__buf_printf(&b, _("%spersistent %zu/%zu"), b.len ? " · " : "", w->ndeducted,
			       r->nwindow);
	if (w->rules & JX_WEAK_LARGE) {
		jx_number_format(num, sizeof(num), round(w->share * 1000.0) / 10.0);
		jx__buf_printf(&b, _("%slarge share %s%%"), b.len ? " · " : "", num);
	}
	if (w->rules & JX_WEAK_LOW_RATE) {
		jx_number_format(num, sizeof(num), round(w->mean_rate * 1000.0) / 10.0);
		jx__buf_printf(&b, _("%smean rate %s%%"), b.len ? " · " : "", num);
	}
	if (w->rules & JX_WEAK_FALLING)
		jx__buf_printf(&b, _("%sfalling"), b.len ? " · " : "");
	return jx__buf_detach(&b);
}

static void emit_panels(plot__script *ps, const jx_weak_result *r, size_t n)
{
	const jx_units *u = r->units;
	const char **names = malloc((n + 1) * sizeof(*names));
	char **rules = calloc(n + 1, sizeof(*rules));
	size_t i, y;
	if (!names || !rules)
		ps->vars.failed = 1;
	for (i = 0; names && rules && i < n; i++) {
		names[i] = r->rows[i].unit->name;
		if (!(rules[i] = rules_text(&r->rows[i], r)))
			ps->vars.failed = 1;
	}
	plot__emit_string_array(&ps->vars, "indicator", names, names && rules ? n : 0);
	plot__emit_string_array(&ps->vars, "rule", (const char *const *)rules,
				names && rules ? n : 0);
	/* one data set per panel (index i-1), separated by two blank lines */
	plot__block_begin(&ps->vars, "weak");
	for (i = 0; i < n; i++) {
		for (y = 0; y < u->nyears; y++) {
			const jx_unit_year *uy = &r->rows[i].unit->years[y];
			if (!uy->nrows)
				continue;
			jx__buf_printf(&ps->vars, "%d ", u->years[y]);
			plot__put_number(&ps->vars, plot__percent(uy));
			jx__buf_printf(&ps->vars, " %d\n", jx_unit_year_deducted(uy));
		}
		jx__buf_puts(&ps->vars, i + 1 < n ? "\n\n" : "");
	}
	plot__block_end(&ps->vars);
	for (i = 0; rules && i < n; i++)
		free(rules[i]);
	free(rules);
	free(names);
}

/* "weak indicators: 3 of 30; the first 12 shown; rules over the last 3 years: ..." */
static char *weak_note(const jx_weak_result *r, const jx_analysis_options *o, size_t shown)
{
	char share[32], large[32];
	jx__buf b;
	/* numbers through jx_number_format: printf's %g would follow LC_NUMERIC */
	jx_number_format(share, sizeof(share), 100.0 * o->weak_new_share);
	jx_number_format(large, sizeof(large), 100.0 * o->weak_large_share);
	jx__buf_init(&b);
	jx__buf_printf(&b, _("weak indicators: %zu of %zu"), r->nrows, r->nchecked);
	if (r->nrows > shown)
		jx__buf_printf(&b, _("; the first %zu shown"), shown);
	jx__buf_printf(
		&b,
		_("; rules over the last %d years: new (the latest year lost ≥ %s%% of the "
		  "weight, or only the latest year lost points), persistent (points lost in "
		  "≥ %d years including the latest), large share (≥ %s%% of the points lost)"),
		o->weak_window, share, o->weak_min_deducted, large);
	return jx__buf_detach(&b);
}

int plot__chart_weak(plot__script *ps, const plot__ctx *ctx)
{
	plot__units pu;
	const jx_analysis_options *o = &pu.o;
	jx_weak_result *r = NULL;
	char *note = NULL;
	size_t n, cols, rows;
	int rc, threshold_drawn;
	if ((rc = plot__units_begin(&pu, ps, ctx, _("weak indicators"))) != 0 ||
	    (rc = jx_weak_compute(&r, pu.sr, o)) != 0)
		goto out;
	n = r->nrows < MAX_PANELS ? r->nrows : MAX_PANELS;
	cols = n <= 3 ? (n ? n : 1) : n == 4 ? 2 : 3;
	rows = n ? (n + cols - 1) / cols : 1;
	ps->width = 1000;
	ps->height = (int)(150 + 250 * rows);
	plot__emit_int(&ps->vars, "n_cols", (long)cols);
	plot__emit_int(&ps->vars, "n_rows", (long)rows);
	plot__emit_int(&ps->vars, "window_first", r->nwindow ? r->window[0] : 0);
	plot__emit_int(&ps->vars, "window_last", r->nwindow ? r->window[r->nwindow - 1] : 0);
	/* the threshold line only when the low_rate rule is on (0: none drawn) */
	threshold_drawn = o->weak_low_rate && o->weak_threshold > 0;
	plot__emit_number(&ps->vars, "threshold", o->weak_low_rate ? 100.0 * o->weak_threshold : 0);
	emit_panels(ps, r, n);
	note = weak_note(r, o, n);
	plot__emit_note(ps, note);
	plot__emit_string(&ps->vars, "empty_text", _("no indicator flagged as weak"));
	plot__emit_string(&ps->vars, "legend_text",
			  threshold_drawn
				  ? _("vertical axis: score rate % · red dots: years deducted "
				      "· shaded: rule window · dashed: threshold")
				  : _("vertical axis: score rate % · red dots: years deducted "
				      "· shaded: rule window"));
out:
	free(note);
	jx_weak_result_free(r);
	plot__units_end(&pu);
	return rc;
}
