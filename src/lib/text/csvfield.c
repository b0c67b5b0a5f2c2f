/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csvfield.c -- one CSV field with RFC 4180 quoting: the one quoting rule of every
 * CSV jixiao writes (canonical export, tables). A field is quoted when it holds
 * a comma, a quote or a line end, or starts or ends with a space.
 *
 * CSV meant for a spreadsheet (written with a byte-order mark) is also made
 * formula-safe, as OWASP advises against CSV injection: a text cell that
 * starts with =, +, -, @, a tab or a carriage return gets a leading ', so
 * Excel and WPS show it as text instead of evaluating it. Numbers are never
 * written through the safe path (a negative number stays a number), and the
 * plain machine format is left byte for byte as it is, so it round-trips. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text/internal.h"

int jx__csv_plain(const char *s, size_t *len)
{
	/* the bytes that end the scan: the string's end and those that need quotes */
	static const unsigned char stop[256] =
		{[0] = 1, [','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1};
	size_t n = 0;
	while (!stop[(unsigned char)s[n]])
		n++;
	*len = n;
	return !s[n] && (n == 0 || (s[0] != ' ' && s[n - 1] != ' '));
}

int jx_csv_formula_risk(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
	       s[0] == '\r';
}

void jx__csv_field(jx__buf *b, const char *s, int formula_safe)
{
	size_t n;
	if (formula_safe && jx_csv_formula_risk(s)) {
		char *safe = jx__sprintf("'%s", s);
		if (!safe) {
			b->failed = 1;
			return;
		}
		jx__csv_field(b, safe, 0);
		free(safe);
		return;
	}
	if (jx__csv_plain(s, &n)) {
		jx__buf_put(b, s, n);
		return;
	}
	jx__buf_put(b, "\"", 1);
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		jx__buf_put(b, s, (size_t)(q - s) + 1); /* up to and with the quote, */
		jx__buf_put(b, "\"", 1);                /* then doubled */
	}
	jx__buf_puts(b, s);
	jx__buf_put(b, "\"", 1);
}

int jx_csv_write_cell(FILE *out, const char *s, int formula_safe)
{
	char *safe;
	int rc;
	if (!formula_safe || !jx_csv_formula_risk(s))
		return jx_csv_write_field(out, s);
	if (!(safe = jx__sprintf("'%s", s))) /* inside the field, before any quoting */
		return jx__oom();
	rc = jx_csv_write_field(out, safe);
	free(safe);
	return rc;
}

int jx_csv_write_field(FILE *out, const char *s)
{
	size_t n;
	if (jx__csv_plain(s, &n))
		return fwrite(s, 1, n, out) < n ? JX_EIO : 0;
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
	return ferror(out) ? JX_EIO : 0;
}
