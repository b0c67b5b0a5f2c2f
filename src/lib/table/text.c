/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c -- a result table as aligned text for people: a view picks the columns, shows
 * rates as percentages, money with thousands separators and codes in the current language,
 * and cuts long text with "…" (by display width, so CJK columns stay aligned) to fit.
 *
 * Numbers are rounded once, from the cell's double, to what is shown: 0.895 is "89.5%",
 * 10.010000000000005 points "10.01". CSV and JSON never go through here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "table/internal.h"

enum { MIN_CUT = 6 }; /* a text column is never cut narrower than this */

typedef struct {
	const jx_table *t;
	const jx_table_view *v;
	size_t *cols;      /* the shown columns, in table order */
	size_t n;          /* how many */
	jx_col_show *show; /* per shown column */
	size_t *w;         /* display width per shown column */
	size_t *cap;       /* cut text longer than this (SIZE_MAX: never) */
} layout;

/* "1234567.5" → "1,234,567.50". */
static void money_text(char *buf, size_t size, double v)
{
	char raw[64], *dot;
	size_t len, lead, o = 0;
	snprintf(raw, sizeof(raw), "%.2f", fabs(v) < 0.005 ? 0.0 : v);
	dot = strchr(raw, '.');
	len = dot ? (size_t)(dot - raw) : strlen(raw);
	lead = raw[0] == '-';
	for (size_t i = 0; raw[i] && o + 2 < size; i++) {
		if (i > lead && i < len && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
}

/* Up to two decimals without trailing zeros: 33.50 → "33.5", 97.00 → "97". */
static void points_text(char *buf, size_t size, double v)
{
	char *end;
	snprintf(buf, size, "%.2f", fabs(v) < 0.005 ? 0.0 : v);
	end = buf + strlen(buf);
	while (end > buf && end[-1] == '0')
		*--end = '\0';
	if (end > buf && end[-1] == '.')
		end[-1] = '\0';
}

/* The text of one cell as shown; buf when it had to be made. */
static const char *shown(const layout *l, size_t r, size_t k, char *buf, size_t size)
{
	const jx_table *t = l->t;
	size_t c = l->cols[k];
	const cell *ce = &t->cells[r * t->ncols + c];
	int num = t->cols[c].type != JX_COL_TEXT && ce->text && isfinite(ce->value);
	double v = ce->value;
	switch (num ? l->show[k] : JX_SHOW_AS_IS) {
	case JX_SHOW_PERCENT:
		snprintf(buf, size, "%.1f%%", fabs(v) < 0.0005 ? 0.0 : v * 100);
		return buf;
	case JX_SHOW_PP:
		snprintf(buf, size, fabs(v) < 0.05 ? "%.1f" : "%+.1f", fabs(v) < 0.05 ? 0.0 : v);
		return buf;
	case JX_SHOW_RATE_PP:
	case JX_SHOW_SPREAD_PP:
		v *= 100;
		snprintf(buf, size,
			 fabs(v) < 0.05 || l->show[k] == JX_SHOW_SPREAD_PP ? "%.1f" : "%+.1f",
			 fabs(v) < 0.05 ? 0.0 : v);
		return buf;
	case JX_SHOW_POINTS: points_text(buf, size, v); return buf;
	case JX_SHOW_MONEY: money_text(buf, size, v); return buf;
	default: break;
	}
	if (l->show[k] == JX_SHOW_CODE && ce->text && l->v && l->v->label)
		return l->v->label(buf, size, t->cols[c].name, ce->text);
	if (t->cols[c].type == JX_COL_FIXED && num) {
		snprintf(buf, size, "%.*f", t->cols[c].decimals, v);
		return buf;
	}
	if (!ce->text)
		return t->cols[c].type == JX_COL_TEXT ? "" : "-";
	return ce->text;
}

/* s in at most cap display columns: a copy cut with "…" at the end when longer. */
static const char *cut(char *buf, size_t size, const char *s, size_t cap)
{
	size_t n;
	if (cap < 2 || jx_display_width(s) <= cap)
		return s;
	n = jx_display_prefix(s, cap - 1, NULL);
	if (n + 4 > size)
		n = jx_display_prefix(s, (size - 4) / 4, NULL); /* at most 4 bytes a column */
	memcpy(buf, s, n);
	memcpy(buf + n, "\xe2\x80\xa6", 4); /* … and the NUL */
	return buf;
}

/* Shown column k's heading: its msgid in the current language ("" and data such as a year
 * stay as they are: gettext gives back a text it has no entry for), with the unit of the
 * percentage-point views; made in buf when it needs the unit. */
static const char *heading(const layout *l, size_t k, char *buf, size_t size)
{
	const char *h = l->t->cols[l->cols[k]].heading;
	if (!*h)
		return h;
	if (l->show[k] != JX_SHOW_RATE_PP && l->show[k] != JX_SHOW_SPREAD_PP)
		return _(h);
	/* TRANSLATORS: a column heading with its unit, percentage points */
	snprintf(buf, size, _("%s (pp)"), _(h));
	return buf;
}

/* "#" in the essential list stands for every column named by a number (one per year). */
static int is_essential(const jx_table_view *v, const char *name)
{
	for (const char *const *e = v->essential; *e; e++)
		if (!strcmp(*e, name) ||
		    (!strcmp(*e, "#") && *name && strspn(name, "0123456789") == strlen(name)))
			return 1;
	return 0;
}

/* The columns shown: every one, or (essential) the essential ones when the table has any. */
static void pick(layout *l, int essential)
{
	const jx_table *t = l->t;
	const jx_table_view *v = l->v;
	int some = 0;
	for (size_t c = 0; essential && v && v->essential && c < t->ncols; c++)
		some |= is_essential(v, t->cols[c].name);
	l->n = 0;
	for (size_t c = 0; c < t->ncols; c++)
		if (!some || is_essential(v, t->cols[c].name)) {
			l->show[l->n] = v && v->show ? v->show(t->cols[c].name) : JX_SHOW_AS_IS;
			l->cap[l->n] = (size_t)-1;
			l->cols[l->n++] = c;
		}
}

static void measure(layout *l)
{
	char buf[256];
	for (size_t k = 0; k < l->n; k++) {
		size_t dw;
		l->w[k] = jx_display_width(heading(l, k, buf, sizeof(buf)));
		for (size_t r = 0; r < l->t->nrows; r++)
			if ((dw = jx_display_width(shown(l, r, k, buf, sizeof(buf)))) > l->w[k])
				l->w[k] = dw;
		if (l->t->max_width && l->w[k] > l->t->max_width) /* jx_table_set_max_width */
			l->w[k] = l->cap[k] = l->t->max_width < 2 ? 2 : l->t->max_width;
	}
}

static size_t line_width(const layout *l)
{
	size_t total = 2;
	for (size_t k = 0; k < l->n; k++)
		total += l->w[k] + (k ? 2 : 0);
	return total;
}

/* Narrow the widest text columns, evening them out, until the line fits (or none can). */
static void fit(layout *l, size_t width)
{
	for (;;) {
		size_t total = 2, widest = (size_t)-1, next = MIN_CUT, cut_by;
		for (size_t k = 0; k < l->n; k++) {
			total += l->w[k] + (k ? 2 : 0);
			if (l->t->cols[l->cols[k]].type == JX_COL_TEXT && l->w[k] > MIN_CUT &&
			    (widest == (size_t)-1 || l->w[k] > l->w[widest]))
				widest = k;
		}
		if (total <= width || widest == (size_t)-1)
			return;
		for (size_t k = 0; k < l->n; k++) /* the next widest text column, or MIN_CUT */
			if (k != widest && l->t->cols[l->cols[k]].type == JX_COL_TEXT &&
			    l->w[k] > next && l->w[k] <= l->w[widest])
				next = l->w[k];
		cut_by = l->w[widest] - next;
		if (cut_by == 0)
			cut_by = 1;
		if (cut_by > total - width)
			cut_by = total - width;
		l->w[widest] -= cut_by;
		l->cap[widest] = l->w[widest];
	}
}

static void pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

/* Row r - 1 of the table (r = 0: the headings). */
static void put_line(const layout *l, FILE *out, size_t r)
{
	char buf[256], cbuf[1024];
	fputs(r > 0 && l->t->marks[r - 1] ? "* " : "  ", out);
	for (size_t k = 0; k < l->n; k++) {
		size_t c = l->cols[k];
		const char *s = r == 0 ? heading(l, k, buf, sizeof(buf))
				       : shown(l, r - 1, k, buf, sizeof(buf));
		size_t dw;
		int right = r > 0 && l->t->cols[c].type != JX_COL_TEXT;
		s = cut(cbuf, sizeof(cbuf), s, l->cap[k]);
		dw = jx_display_width(s);
		if (k)
			fputs("  ", out);
		if (right)
			pad(out, l->w[k] - dw);
		fputs(s, out);
		if (!right && k + 1 < l->n)
			pad(out, l->w[k] > dw ? l->w[k] - dw : 0);
	}
	fputc('\n', out);
}

int jx__table_write_text(const jx_table *t, FILE *out, const jx_table_view *v)
{
	size_t n = t->ncols ? t->ncols : 1;
	layout l = {t,
		    v,
		    calloc(n, sizeof(size_t)),
		    0,
		    calloc(n, sizeof(jx_col_show)),
		    calloc(n, sizeof(size_t)),
		    calloc(n, sizeof(size_t))};
	int rc = 0;
	if (!l.cols || !l.show || !l.w || !l.cap) {
		rc = jx__oom();
		goto out;
	}
	for (size_t r = 0; r < t->nnotes; r++)
		fprintf(out, "%s\n", t->notes[r]);
	pick(&l, 0);
	measure(&l);
	if (v && v->width && line_width(&l) > v->width) { /* too wide: the essential columns */
		pick(&l, 1);
		measure(&l);
		fit(&l, v->width);
	}
	for (size_t r = 0; r <= t->nrows; r++)
		put_line(&l, out, r);
out:
	free(l.cols);
	free(l.show);
	free(l.w);
	free(l.cap);
	return rc;
}

int jx_table_write_view(const jx_table *t, FILE *out, const jx_table_view *v)
{
	int rc;
	if ((rc = jx_table_status(t)) != 0)
		return rc;
	rc = jx__table_write_text(t, out, v);
	if (rc == 0 && ferror(out))
		rc = jx__error(JX_EIO, _("write error on output"));
	return rc;
}
