/* SPDX-License-Identifier: GPL-3.0-or-later */
/* periods.c -- framework periods: where a department's indicator framework changes.
 *
 * A year starts a new period when fewer than half of its level-3 keys
 * (after aliases) occur in the previous evaluated year: a framework was
 * replaced, not revised (renames that an alias joins, a few indicators
 * added or dropped stay in one period). People may declare a break
 * detection missed, or deny one it found (`jixiao framework`); a declared
 * break at a year without an evaluation starts the period at the next
 * evaluated year. Totals and categories are compared across periods only
 * through the within-period tests (docs/methods.md §2).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "analysis/internal.h"

/* Declarations in force for the year range (prev_year, year]: a break
 * declared there applies; a denial applies to that exact year only. */
static int declared(const jx_series *s, int prev_year, int year)
{
	int d = -1;
	for (size_t i = 0; s && i < s->nbreaks; i++) {
		const jx_break_decl *b = &s->breaks[i];
		if (b->is_break && b->year > prev_year && b->year <= year)
			return 1;
		if (!b->is_break && b->year == year)
			d = 0;
	}
	return d;
}

static void count_keys(jx_period_year *py, const jx_units *u, size_t y)
{
	for (size_t i = 0; i < u->nunits; i++) {
		const jx_unit *un = &u->units[i];
		if (un->level != JX_LEVEL_3 || !un->years[y].nrows)
			continue;
		py->nkeys++;
		py->ncarried += y > 0 && un->years[y - 1].nrows > 0;
	}
}

int jx__units_periods(jx_units *u, const jx_series *s)
{
	if (!(u->periods = calloc(u->nyears ? u->nyears : 1, sizeof(*u->periods))))
		return jx__oom();
	u->nperiods = u->nyears ? 1 : 0;
	for (size_t y = 0; y < u->nyears; y++) {
		jx_period_year *py = &u->periods[y];
		py->year = u->years[y];
		count_keys(py, u, y);
		py->declared = y > 0 ? declared(s, u->years[y - 1], u->years[y]) : -1;
		py->detected = y > 0 && 2 * py->ncarried < py->nkeys;
		py->is_break = y > 0 && (py->declared >= 0 ? py->declared : py->detected);
		u->nperiods += (size_t)py->is_break;
		py->period = u->nperiods - 1;
	}
	return 0;
}

size_t jx_unit_points_periods(const jx_units *u, const jx_unit *unit, double *x, double *y,
			      size_t *period)
{
	size_t n = 0;
	for (size_t i = 0; i < u->nyears; i++)
		if (!isnan(unit->years[i].rate)) {
			x[n] = (double)u->years[i];
			y[n] = unit->years[i].rate;
			if (period)
				period[n] = u->periods[i].period;
			n++;
		}
	return n;
}

void jx_units_period_years(const jx_units *u, size_t p, int *first, int *last)
{
	*first = *last = 0;
	for (size_t y = 0; y < u->nyears; y++)
		if (u->periods[y].period == p) {
			if (!*first)
				*first = u->years[y];
			*last = u->years[y];
		}
}

/* As snprintf(buf, size, "%s%d-%d", sep ? "; " : "", first, last), without
 * printf: this runs once per result row. */
static size_t period_piece(char *buf, size_t size, int sep, int first, int last)
{
	char tmp[64], *end = tmp + sizeof(tmp), *p = jx__int_digits(end, last);
	size_t n;
	*--p = '-';
	p = jx__int_digits(p, first);
	if (sep) {
		*--p = ' ';
		*--p = ';';
	}
	n = (size_t)(end - p);
	memcpy(buf, p, n < size ? n : size - 1);
	buf[n < size ? n : size - 1] = '\0';
	return n;
}

void jx_unit_periods_text(char *buf, size_t size, const jx_units *u, const jx_unit *unit)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t p = 0; p < u->nperiods && len < size; p++) {
		int first = 0, last = 0;
		for (size_t y = 0; y < u->nyears; y++)
			if (u->periods[y].period == p && !isnan(unit->years[y].rate)) {
				first = first ? first : u->years[y];
				last = u->years[y];
			}
		if (!first)
			continue;
		len += period_piece(buf + len, size - len, len > 0, first, last);
	}
}

static const jx__col framework_cols[] = {
	{"year", N_("year"), JX_COL_INT, 0},
	{"keys", N_("level-3 count"), JX_COL_INT, 0},
	{"carried_over", N_("carried over"), JX_COL_INT, 0},
	{"carried_share", N_("carried share"), JX_COL_FIXED, 3},
	{"detected", N_("detected"), JX_COL_TEXT, 0},
	{"declared", N_("declared"), JX_COL_TEXT, 0},
	{"new_period", N_("new period"), JX_COL_TEXT, 0},
	{"period", N_("framework period"), JX_COL_TEXT, 0},
};

static int framework_row(jx_table *t, int c, const jx_units *u, size_t y,
			 const jx_analysis_options *o)
{
	const jx_period_year *py = &u->periods[y];
	char period[32];
	int first, last;
	jx_units_period_years(u, py->period, &first, &last);
	snprintf(period, sizeof(period), "%d-%d", first, last);
	if (jx__table_row(t, u->department, u->project, u->provenance, o))
		return JX_ENOMEM;
	return jx_table_set_int(t, c, py->year) | jx_table_set_int(t, c + 1, (long long)py->nkeys) |
	       (y ? jx_table_set_int(t, c + 2, (long long)py->ncarried) |
				jx__set_number(t, c + 3,
					       py->nkeys ? (double)py->ncarried / (double)py->nkeys
							 : NAN) |
				jx_table_set_text(t, c + 4, py->detected ? "yes" : "no")
		  : 0) |
	       jx_table_set_text(t, c + 5,
				 py->declared < 0 ? NULL
				 : py->declared   ? "break"
						  : "no break") |
	       jx_table_set_text(t, c + 6, py->is_break ? "yes" : "no") |
	       jx_table_set_text(t, c + 7, period);
}

int jx_framework_table(jx_table **out, const jx_units *u, const jx_analysis_options *o)
{
	jx_table *t;
	int c, rc;
	if ((rc = jx__table_start(&t, &c, framework_cols,
				  sizeof(framework_cols) / sizeof(*framework_cols), o,
				  u->provenance)))
		return rc;
	jx_table_add_note(t,
			  _("%s (%s): a year starts a new framework period when fewer than half "
			    "of its level-3 indicators (after aliases) were evaluated the year "
			    "before, or when declared with `jixiao framework add`"),
			  u->scope, jx_kind_label(u->kind));
	for (size_t y = 0; y < u->nyears; y++)
		if (framework_row(t, c, u, y, o)) {
			jx_table_free(t);
			return jx__oom();
		}
	*out = t;
	return 0;
}
