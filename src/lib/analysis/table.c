/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table.c -- shared pieces of the analysis result tables.
 *
 * Every unit table starts with the same columns (optionally department and
 * project, then level, level1, level2, level3) so that CSV from different commands
 * joins on them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

int jx__table_columns(jx_table *t, const jx__col *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (jx_table_add_column(t, cols[i].name, cols[i].heading, cols[i].type,
					cols[i].decimals) < 0)
			return jx__oom();
	return 0;
}

int jx__table_start(jx_table **out, int *base, const jx__col *cols, size_t n,
		    const jx_analysis_options *o, jx_provenance prov)
{
	jx_table *t = jx_table_new();
	*out = NULL;
	if (!t)
		return jx__oom();
	*base = 0;
	if (o && o->with_department) {
		if (jx_table_add_column(t, "department", N_("department"), JX_COL_TEXT, 0) < 0)
			goto oom;
		*base = 1;
	}
	if (o && o->with_project) {
		if (jx_table_add_column(t, "project", N_("project"), JX_COL_TEXT, 0) < 0)
			goto oom;
		*base += 1;
	}
	if (jx__table_columns(t, cols, n) != 0)
		goto oom;
	if (jx_table_add_column(t, "provenance", N_("source"), JX_COL_TEXT, 0) < 0)
		goto oom;
	if (prov == JX_PROV_SYNTHETIC &&
	    jx_table_add_note(t, "%s",
			      _("synthetic data: fictional departments, not real evaluations")))
		goto oom;
	*out = t;
	return 0;
oom:
	jx_table_free(t);
	return jx__oom();
}

/* The provenance column, searched from the end: it is the last column of
 * jx__table_start, before a few columns added later (this runs once a row). */
static int provenance_column(const jx_table *t)
{
	for (size_t i = jx_table_columns(t); i-- > 0;)
		if (!strcmp(jx_table_column_name(t, i), "provenance"))
			return (int)i;
	return -1;
}

int jx__table_row(jx_table *t, const char *department, const char *project, jx_provenance prov,
		  const jx_analysis_options *o)
{
	if (jx_table_add_row(t))
		return jx__oom();
	if (o && o->with_department && jx_table_set_text(t, 0, department))
		return jx__oom();
	if (o && o->with_project && jx_table_set_text(t, o->with_department, project))
		return jx__oom();
	if (jx_table_set_text(t, provenance_column(t), jx_provenance_name(prov)))
		return jx__oom();
	return 0;
}

int jx__table_unit(jx_table *t, int col, const jx_unit *un)
{
	if (jx_table_set_text(t, col, jx_level_name(un->level)) ||
	    jx_table_set_text(t, col + 1, un->level == 0 ? un->name : un->level1) ||
	    jx_table_set_text(t, col + 2, un->level2) || jx_table_set_text(t, col + 3, un->level3))
		return jx__oom();
	return 0;
}

double jx__tidy(double points)
{
	return isfinite(points) ? round(points * 1e6) / 1e6 + 0.0 : points;
}

/* Round to 12 significant digits. Powers of ten up to 1e22 are exact
 * doubles, so round(v·10^k)/10^k is the double nearest the 12-digit
 * decimal; outside that range fall back to printing and parsing. When the
 * first way is taken, *dec = k and *digits = round(v·10^k); else *dec = -1. */
static double round12(double v, int *dec, double *digits)
{
	static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
				     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
	char buf[40];
	int k;
	*dec = -1;
	if (!isfinite(v) || v == 0)
		return v;
	k = 11 - (int)floor(log10(fabs(v)));
	if (k >= 0 && k <= 22) {
		*dec = k;
		*digits = round(v * p10[k]);
		return *digits / p10[k];
	}
	if (k < 0 && k >= -22)
		return round(v / p10[-k]) * p10[-k];
	snprintf(buf, sizeof(buf), "%.12g", v);
	return strtod(buf, NULL);
}

/* Digits of n (n >= 0) into buf, backwards from end; returns the start. */
static char *digits(char *end, long long n)
{
	do
		*--end = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	return end;
}

/* Why the text is jx__number_text's: *r is the double nearest m / 10^d (m the
 * rounded digits without trailing zeros, at most 13 of them), and that text
 * reads back as *r. jx__number_text prints the smallest d that reads back; a
 * shorter decimal reading back as *r too would be a second decimal of at most
 * 15 significant digits with the same double, and there is none (doubles keep
 * 15 digits apart). test_analysis__number12_as_number_text checks it. */
int jx__number12(char *buf, size_t size, double *r, double v)
{
	double m;
	int d;
	unsigned long long a;
	char tmp[40], *p = tmp + sizeof(tmp);
	*r = round12(v, &d, &m);
	if (d < 0 || size < 24 || !(fabs(*r) >= 1e-6 && fabs(*r) < 1e12))
		return 0;
	for (a = (unsigned long long)fabs(m); d > 0 && a % 10 == 0; d--)
		a /= 10;
	if (d > 15)
		return 0;
	*--p = '\0';
	for (int i = 0; i < d; i++, a /= 10)
		*--p = (char)('0' + a % 10);
	if (d > 0)
		*--p = '.';
	p = digits(p, (long long)a);
	if (m < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof(tmp) - p));
	return 1;
}

int jx__set_number(jx_table *t, int col, double v)
{
	char text[40];
	double r;
	if (jx__number12(text, sizeof(text), &r, v))
		return jx_table_set_number_text(t, col, r, text);
	return jx_table_set_number(t, col, r);
}

void jx__format_rate(char *buf, size_t size, double v)
{
	char tmp[48], *p = tmp + sizeof(tmp) - 1;
	long long r, frac;
	int nfrac = 4;
	if (!isfinite(v) || fabs(v) >= 1e12) { /* not a rate: print it plainly */
		snprintf(buf, size, "%.4f", v);
		return;
	}
	r = llround(fabs(v) * 10000); /* fixed point, no printf: this runs per year per row */
	*p = '\0';
	for (frac = r % 10000; nfrac > 0 && frac % 10 == 0; nfrac--)
		frac /= 10;
	if (nfrac > 0) {
		for (int i = 0; i < nfrac; i++, frac /= 10)
			*--p = (char)('0' + frac % 10);
		*--p = '.';
	}
	p = digits(p, r / 10000);
	if (v < 0 && r != 0)
		*--p = '-';
	if (size > 0) { /* not snprintf("%s"): this copy was most of the rates column's cost */
		size_t n = strlen(p) < size - 1 ? strlen(p) : size - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
	}
}

char *jx__int_digits(char *end, long long n)
{
	char *p = digits(end, n < 0 ? -n : n);
	if (n < 0)
		*--p = '-';
	return p;
}

void jx__buf_int(jx__buf *b, long long n)
{
	char tmp[24], *end = tmp + sizeof(tmp), *p = jx__int_digits(end, n);
	jx__buf_put(b, p, (size_t)(end - p));
}

double jx__clamp01(double v)
{
	if (isnan(v))
		return v;
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* ---- a small (level, key) → index map ---- */

static size_t keymap_hash(int level, const char *s)
{
	return (size_t)jx__hash(s, strlen(s), (uint64_t)(level + 1));
}

static int keymap_grow(jx__keymap *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 64, *slots = calloc(n, sizeof(*slots));
	if (!slots)
		return jx__oom();
	for (size_t i = 0; i < m->n; i++) {
		size_t j = keymap_hash(m->levels[i], m->keys[i]) & (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = i + 1;
	}
	free(m->slots);
	m->slots = slots;
	m->nslots = n;
	return 0;
}

int jx__keymap_get(jx__keymap *m, size_t *idx, int level, const char *key, int insert)
{
	size_t j;
	if ((m->n + 1) * 2 > m->nslots && keymap_grow(m))
		return JX_ENOMEM;
	for (j = keymap_hash(level, key) & (m->nslots - 1); m->slots[j];
	     j = (j + 1) & (m->nslots - 1)) {
		size_t i = m->slots[j] - 1;
		if (m->levels[i] == level && !strcmp(m->keys[i], key)) {
			*idx = i;
			return 1;
		}
	}
	if (!insert)
		return 0;
	if (jx__grow((void **)&m->keys, &m->cap, m->n + 1, sizeof(*m->keys)))
		return JX_ENOMEM;
	if (!(m->levels = realloc(m->levels, m->cap * sizeof(*m->levels))) ||
	    !(m->keys[m->n] = jx__strdup(key)))
		return jx__oom();
	m->levels[m->n] = level;
	m->slots[j] = m->n + 1;
	*idx = m->n++;
	return 0;
}

void jx__keymap_free(jx__keymap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->levels);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

size_t jx__count_selected(const jx_units *u, const jx_analysis_options *o)
{
	size_t n = 0;
	for (size_t i = 0; i < u->nunits; i++)
		n += (size_t)jx_level_selected(o, u->units[i].level);
	return n;
}
