/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escape.c -- text and numbers as gnuplot literals, the only way data enters a script.
 *
 * Checked against gnuplot 5.4: inside "double quotes" gnuplot processes
 * backslash escapes and runs `backtick` commands when the line is read;
 * inside 'single quotes' it does nothing at all (no backticks, no @macros,
 * no backslashes). Its '' escape for a quote is read as one only after a
 * character that is not a quote (a string starting with '' or holding ''''
 * is a syntax error), so a quote is never escaped: the text is cut at each
 * quote into single-quoted pieces joined by the string operator, the quote
 * itself made by sprintf('%c',39): it's -> 'it'.sprintf('%c',39).'s'. Not
 * "'": gnuplot's @macro expansion, which runs on the whole line first,
 * counts that lone ' as opening a string and so expands an @name that
 * follows it (found by the fuzz test). Every ' in the output is one of a
 * pair around a piece. That is an expression, accepted wherever gnuplot
 * takes a string (variables, set output, font). Quoted fields of data
 * blocks know no escape for a double quote, so data blocks carry numbers
 * only. A line break would end the command, and a trailing backslash would
 * join lines, so control characters become spaces. tests/test_plot.c reads
 * random strings back from the SVG that the real gnuplot draws.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

/* One quote character, written without a quote that is not paired (see above). */
#define QUOTE "sprintf('%c',39)"

/* Append one sanitised character of s (n bytes left) to b; returns the bytes read. */
static size_t put_char(jx__buf *b, const unsigned char *s, size_t n)
{
	size_t seq;
	unsigned cp;
	if (s[0] < 0x20 || s[0] == 0x7f) {
		jx__buf_put(b, " ", 1);
		return 1;
	}
	if ((seq = jx__utf8_decode(s, n, &cp)) == 0) {
		jx__buf_puts(b, "\xef\xbf\xbd"); /* U+FFFD */
		return 1;
	}
	jx__buf_put(b, (const char *)s, seq);
	return seq;
}

char *jx_plot_quote(const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t n = strlen((const char *)s), i = 0;
	int open = 0, pieces = 0; /* inside a '...' piece; pieces written so far */
	jx__buf b;
	jx__buf_init(&b);
	while (i < n) {
		if (s[i] == '\'') { /* close the piece, then .sprintf('%c',39) */
			jx__buf_puts(&b, open ? "'." QUOTE : pieces ? "." QUOTE : QUOTE);
			open = 0;
			pieces++;
			i++;
			continue;
		}
		if (!open) {
			jx__buf_puts(&b, pieces ? ".'" : "'");
			open = 1;
			pieces++;
		}
		i += put_char(&b, s + i, n - i);
	}
	if (open)
		jx__buf_put(&b, "'", 1);
	else if (!pieces)
		jx__buf_puts(&b, "''");
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
