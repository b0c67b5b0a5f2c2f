/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csvfield.c -- one CSV field with RFC 4180 quoting: the one quoting rule of every
 * CSV jixiao writes (canonical export, tables). A field is quoted when it holds
 * a comma, a quote or a line end, or starts or ends with a space. */
#include <stdio.h>
#include <string.h>
#include "text/internal.h"

static int needs_quotes(const char *s, size_t n)
{
	return n > 0 && (strpbrk(s, ",\"\n\r") || s[0] == ' ' || s[n - 1] == ' ');
}

void jx__csv_field(jx__buf *b, const char *s)
{
	size_t n = strlen(s);
	if (!needs_quotes(s, n)) {
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

int jx_csv_write_field(FILE *out, const char *s)
{
	size_t n = strlen(s);
	if (!needs_quotes(s, n))
		return fputs(s, out) < 0 ? JX_EIO : 0;
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
	return ferror(out) ? JX_EIO : 0;
}
