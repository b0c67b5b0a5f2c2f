/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escape.c -- text and numbers as gnuplot literals, the only way data enters a script.
 *
 * Checked against gnuplot 5.4: inside "double quotes" gnuplot processes
 * backslash escapes and runs `backtick` commands when the line is read;
 * inside 'single quotes' it does nothing at all except '' for one quote
 * (no backticks, no @macros, no backslashes). Quoted fields of data blocks
 * know no escape for a double quote. So every text becomes a single-quoted
 * string variable (or array element) and data blocks carry numbers only.
 * A line break would end the command, and a trailing backslash would join
 * lines, so control characters become spaces; a string always ends with
 * its closing quote.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

char *jx_plot_quote(const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t n = strlen((const char *)s), i = 0, seq;
	unsigned cp;
	jx__buf b;
	jx__buf_init(&b);
	jx__buf_put(&b, "'", 1);
	while (i < n) {
		if (s[i] == '\'') {
			jx__buf_put(&b, "''", 2);
			i++;
		} else if (s[i] < 0x20 || s[i] == 0x7f) {
			jx__buf_put(&b, " ", 1);
			i++;
		} else if ((seq = jx__utf8_decode(s + i, n - i, &cp)) == 0) {
			jx__buf_puts(&b, "\xef\xbf\xbd"); /* U+FFFD */
			i++;
		} else {
			jx__buf_put(&b, (const char *)s + i, seq);
			i += seq;
		}
	}
	jx__buf_put(&b, "'", 1);
	return jx__buf_detach(&b);
}

static void put_quoted(jx__buf *b, const char *text)
{
	char *q = jx_plot_quote(text);
	if (!q) {
		b->failed = 1;
		return;
	}
	jx__buf_puts(b, q);
	free(q);
}

void plot__put_number(jx__buf *b, double v)
{
	char num[64];
	if (isnan(v)) {
		jx__buf_puts(b, "NaN");
		return;
	}
	if (isinf(v)) {
		jx__buf_puts(b, v > 0 ? "1e308" : "-1e308");
		return;
	}
	jx_number_format(num, sizeof(num), v);
	jx__buf_puts(b, num);
}

void plot__emit_string(jx__buf *b, const char *name, const char *text)
{
	jx__buf_printf(b, "%s = ", name);
	put_quoted(b, text);
	jx__buf_puts(b, "\n");
}

void plot__emit_number(jx__buf *b, const char *name, double v)
{
	jx__buf_printf(b, "%s = ", name);
	plot__put_number(b, v);
	jx__buf_puts(b, "\n");
}

void plot__emit_int(jx__buf *b, const char *name, long v)
{
	jx__buf_printf(b, "%s = %ld\n", name, v);
}

static void put_string_at(jx__buf *b, const void *v, size_t i)
{
	put_quoted(b, ((const char *const *)v)[i]);
}

static void put_number_at(jx__buf *b, const void *v, size_t i)
{
	plot__put_number(b, ((const double *)v)[i]);
}

/* n_<name> and array <name>[n], element i written by put(b, v, i). */
static void emit_array(jx__buf *b, const char *name, const void *v, size_t n,
		       void (*put)(jx__buf *b, const void *v, size_t i))
{
	/* gnuplot arrays have at least one element; templates loop to n_<name>. */
	jx__buf_printf(b, "n_%s = %zu\narray %s[%zu]\n", name, n, name, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		jx__buf_printf(b, "%s[%zu] = ", name, i + 1);
		put(b, v, i);
		jx__buf_puts(b, "\n");
	}
}

void plot__emit_string_array(jx__buf *b, const char *name, const char *const *v, size_t n)
{
	emit_array(b, name, v, n, put_string_at);
}

void plot__emit_number_array(jx__buf *b, const char *name, const double *v, size_t n)
{
	emit_array(b, name, v, n, put_number_at);
}

void plot__block_begin(jx__buf *b, const char *name)
{
	jx__buf_printf(b, "$%s << EOD\n", name);
}

void plot__block_end(jx__buf *b)
{
	jx__buf_puts(b, "EOD\n");
}
