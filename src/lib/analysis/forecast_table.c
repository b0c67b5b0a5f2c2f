/* SPDX-License-Identifier: GPL-3.0-or-later */
/* forecast_table.c -- a forecast result as a table. */
#include <math.h>
#include <stdio.h>
#include "analysis/internal.h"

static const jx__col forecast_cols[] = {
	JX__UNIT_COLS,
	{"n", N_("years"), JX_COL_INT, 0},
	{"year", N_("forecast year"), JX_COL_INT, 0},
	{"forecast", N_("forecast"), JX_COL_FIXED, 3},
	{"pi_low", N_("lower"), JX_COL_FIXED, 3},
	{"pi_high", N_("upper"), JX_COL_FIXED, 3},
	{"forecast_raw", N_("forecast (raw)"), JX_COL_FIXED, 4},
	{"pi_low_raw", N_("lower (raw)"), JX_COL_FIXED, 4},
	{"pi_high_raw", N_("upper (raw)"), JX_COL_FIXED, 4},
	{"slope", N_("logit slope/yr"), JX_COL_FIXED, 4},
	{"resid_sd", N_("pooled resid. SD"), JX_COL_FIXED, 4},
	{"t_quantile", N_("t quantile"), JX_COL_FIXED, 3},
	{"weight", N_("weighting"), JX_COL_NUMBER, 0},
	{"note", N_("note"), JX_COL_TEXT, 0},
};

/* Added after provenance (docs/formats.md, Changes). */
static const jx__col forecast_tail[] = {
	{"method", N_("method"), JX_COL_TEXT, 0},
	{"period", N_("framework period"), JX_COL_TEXT, 0},
	{"df", N_("df"), JX_COL_NUMBER, 0},
};

static void note_of(char *note, size_t size, const jx_forecast_result *r,
		    const jx_forecast_row *row)
{
	note[0] = '\0';
	if (row->method == JX_FC_NONE && !row->unit->years[r->units->nyears - 1].nrows)
		snprintf(note, size, _("not in the latest evaluation (%d)"),
			 r->units->years[r->units->nyears - 1]);
	else if (row->method == JX_FC_NONE)
		snprintf(note, size, _("no forecast: nothing to pool"));
	else if (row->method == JX_FC_POOLED_CHANGES)
		snprintf(note, size,
			 _("%zu year(s) in this framework period: no point forecast; "
			   "interval from pooled year-to-year changes"),
			 row->n);
	else if (row->widened)
		snprintf(note, size, _("interval widened to one half point"));
}

static int forecast_table_row(jx_table *t, int c, int tail, const jx_forecast_result *r,
			      const jx_forecast_row *row, const jx_analysis_options *o)
{
	char note[160], period[32] = "";
	if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance, o) ||
	    jx__table_unit(t, c, row->unit))
		return JX_ENOMEM;
	note_of(note, sizeof(note), r, row);
	if (row->period_first)
		snprintf(period, sizeof(period), "%d-%d", row->period_first, row->period_last);
	return jx_table_set_int(t, c + 4, (long long)row->n) | jx_table_set_int(t, c + 5, r->year) |
	       jx__set_number(t, c + 6, row->forecast) | jx__set_number(t, c + 7, row->pi_low) |
	       jx__set_number(t, c + 8, row->pi_high) | jx__set_number(t, c + 9, row->raw_fit) |
	       jx__set_number(t, c + 10, row->raw_low) | jx__set_number(t, c + 11, row->raw_high) |
	       jx__set_number(t, c + 12, row->ok ? row->fit.slope : NAN) |
	       jx__set_number(t, c + 13, row->fit.resid_sd) |
	       jx__set_number(t, c + 14, row->pred.t_quantile) |
	       jx__set_number(t, c + 15, row->last_weight) |
	       jx_table_set_text(t, c + 16, note[0] ? note : NULL) |
	       jx_table_set_text(t, tail,
				 row->method ? jx_forecast_method_name(row->method) : NULL) |
	       jx_table_set_text(t, tail + 1, period[0] ? period : NULL) |
	       jx__set_number(t, tail + 2, row->df);
}

int jx_forecast_table(jx_table **out, const jx_forecast_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, tail, rc;
	if ((rc = jx__table_start(&t, &c, forecast_cols,
				  sizeof(forecast_cols) / sizeof(*forecast_cols), o,
				  r->units->provenance)))
		return rc;
	tail = (int)jx_table_columns(t);
	if ((rc = jx__table_columns(t, forecast_tail,
				    sizeof(forecast_tail) / sizeof(*forecast_tail)))) {
		jx_table_free(t);
		return rc;
	}
	jx_table_add_note(t,
			  _("%s (%s): rate in %d within the current framework period: a line on "
			    "the logit of (score + 0.5)/(weight + 1), residual variance pooled "
			    "over the units of the same level; %g%% interval, inside [0, 1]"),
			  r->units->scope, jx_kind_label(r->units->kind), r->year,
			  r->confidence * 100);
	for (size_t i = 0; i < r->nrows; i++)
		if ((rc = forecast_table_row(t, c, tail, r, &r->rows[i], o))) {
			jx_table_free(t);
			return jx__oom();
		}
	*out = t;
	return 0;
}
