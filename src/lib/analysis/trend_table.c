/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trend_table.c -- a trend result as a table; the rates-per-year evidence text. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

/* The longest piece of one year: "; ", a year, " ", a rate (jx__format_rate into 40 bytes), "*". */
#define RATES_YEAR_MAX (2 + 20 + 1 + 39 + 1)

/* "2016 0.95; 2018 0.9; 2019 ?" — a unit's rates per evaluated year (? = missing).
 * Written straight into one allocation of the longest possible size: this runs
 * once per result row, and growing a buffer piece by piece was most of its cost. */
char *jx__rates_text(const jx_units *u, const jx_unit *un)
{
	char *text, *p, tmp[24], *end = tmp + sizeof(tmp);
	if (u->nyears > (SIZE_MAX - 1) / RATES_YEAR_MAX ||
	    !(text = malloc(u->nyears * RATES_YEAR_MAX + 1))) {
		jx__oom();
		return NULL;
	}
	p = text;
	for (size_t i = 0; i < u->nyears; i++) {
		const jx_unit_year *uy = &un->years[i];
		char *d;
		if (!uy->nrows)
			continue;
		if (p != text) {
			*p++ = ';';
			*p++ = ' ';
		}
		d = jx__int_digits(end, u->years[i]);
		memcpy(p, d, (size_t)(end - d));
		p += end - d;
		*p++ = ' ';
		if (isnan(uy->rate))
			*p++ = '?';
		else {
			jx__format_rate(p, 40, uy->rate);
			p += strlen(p);
		}
		if (uy->ninferred)
			*p++ = '*';
	}
	*p = '\0';
	return text;
}

static const jx__col trend_cols[] = {
	JX__UNIT_COLS,
	{"n", N_("years"), JX_COL_INT, 0},
	{"first_year", N_("from"), JX_COL_INT, 0},
	{"last_year", N_("to"), JX_COL_INT, 0},
	{"slope", N_("slope/yr"), JX_COL_FIXED, 4},
	{"slope_se", N_("SE"), JX_COL_FIXED, 4},
	{"t", N_("t"), JX_COL_FIXED, 2},
	{"p_value", N_("p-value"), JX_COL_FIXED, 4},
	{"r2", N_("R²"), JX_COL_FIXED, 3},
	{"theil_sen", N_("Sen slope"), JX_COL_FIXED, 4},
	{"direction", N_("trend"), JX_COL_TEXT, 0},
	{"missing_years", N_("missing years"), JX_COL_INT, 0},
	{"inferred_years", N_("inferred years"), JX_COL_INT, 0},
	{"rates", N_("rates (year value)"), JX_COL_TEXT, 0},
};

/* Added after provenance (docs/formats.md, Changes). */
static const jx__col trend_tail[] = {
	{"q_value", N_("q"), JX_COL_FIXED, 4},
	{"mk_s", N_("MK S"), JX_COL_INT, 0},
	{"p_method", N_("p method"), JX_COL_TEXT, 0},
	{"periods", N_("framework period"), JX_COL_TEXT, 0},
};

static int trend_tail_cells(jx_table *t, int c, const jx_trend_result *r, const jx_trend_row *row)
{
	char periods[256];
	jx_unit_periods_text(periods, sizeof(periods), r->units, row->unit);
	return jx__set_number(t, c, row->q_value) |
	       (isnan(row->mk.s) ? 0 : jx_table_set_int(t, c + 1, (long long)row->mk.s)) |
	       (isnan(row->mk.p_value)
			? 0
			: jx_table_set_text(t, c + 2, row->mk.exact ? "exact" : "normal")) |
	       jx_table_set_text(t, c + 3, periods[0] ? periods : NULL);
}

static int trend_table_row(jx_table *t, int c, int tail, const jx_trend_result *r,
			   const jx_trend_row *row, const jx_analysis_options *o)
{
	char *rates;
	int bad;
	if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance, o) ||
	    jx__table_unit(t, c, row->unit))
		return JX_ENOMEM;
	if (!(rates = jx__rates_text(r->units, row->unit)))
		return JX_ENOMEM;
	bad = jx_table_set_int(t, c + 4, (long long)row->n) |
	      (row->n ? jx_table_set_int(t, c + 5, row->year_first) |
				jx_table_set_int(t, c + 6, row->year_last)
		      : 0) |
	      jx__set_number(t, c + 7, row->fit.slope) |
	      jx__set_number(t, c + 8, row->fit.slope_se) | jx__set_number(t, c + 9, row->fit.t) |
	      jx__set_number(t, c + 10, row->mk.p_value) | jx__set_number(t, c + 11, row->fit.r2) |
	      jx__set_number(t, c + 12, row->theil_sen) |
	      jx_table_set_text(t, c + 13, jx_direction_name(row->direction)) |
	      jx_table_set_int(t, c + 14, (long long)row->nmissing_years) |
	      jx_table_set_int(t, c + 15, (long long)row->ninferred_years) |
	      jx_table_set_text(t, c + 16, rates) | trend_tail_cells(t, tail, r, row);
	free(rates);
	if (row->direction == JX_DIR_FALLING)
		jx_table_mark_row(t);
	return bad ? JX_ENOMEM : 0;
}

int jx_trend_table(jx_table **out, const jx_trend_result *r, const jx_analysis_options *o)
{
	jx_table *t;
	int c, tail, rc;
	if ((rc = jx__table_start(&t, &c, trend_cols, sizeof(trend_cols) / sizeof(*trend_cols), o,
				  r->units->provenance)))
		return rc;
	tail = (int)jx_table_columns(t);
	if ((rc = jx__table_columns(t, trend_tail, sizeof(trend_tail) / sizeof(*trend_tail)))) {
		jx_table_free(t);
		return rc;
	}
	jx_table_add_note(t,
			  _("%s (%s): rising / falling = Mann-Kendall test within framework "
			    "periods, Benjamini-Hochberg q < %g over the units listed; slope = "
			    "least squares with a step at each framework break; * = includes "
			    "inferred scores, ? = missing"),
			  r->units->scope, jx_kind_label(r->units->kind), r->alpha);
	for (size_t i = 0; i < r->nrows; i++)
		if ((rc = trend_table_row(t, c, tail, r, &r->rows[i], o))) {
			jx_table_free(t);
			return rc;
		}
	*out = t;
	return 0;
}
