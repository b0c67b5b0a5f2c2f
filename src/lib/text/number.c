/* SPDX-License-Identifier: GPL-3.0-or-later */
/* number.c -- exact numbers: parsing scores and money, the shortest text of a double. */
#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text/internal.h"

/* Numbers are read and written in the C locale whatever setlocale() says
 * (a comma-decimal LC_NUMERIC would turn 1.5 into "1,5"): the calling thread
 * switches to this locale around strtod/snprintf. NULL if it cannot be made. */
static locale_t c_numeric(void)
{
	static _Thread_local locale_t loc = (locale_t)0;
	if (!loc)
		loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	return loc;
}

int jx__is_decimal(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');
	int digits = 0, dot = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && !dot && digits)
			dot = 1;
		else
			return 0;
	}
	return digits && p[-1] != '.';
}

/* Fold and trim s into buf; check it is [+-]?digits[.digits]. Returns 0 or -1. */
static int number_text(char *buf, size_t size, const char *s)
{
	char *f = jx__fold_copy(s, strlen(s));
	if (!f)
		return -1;
	jx_trim(f);
	if (strlen(f) >= size) {
		free(f);
		return -1;
	}
	strcpy(buf, f);
	free(f);
	return jx__is_decimal(buf) ? 0 : -1;
}

int jx_number_parse(const char *s, double *out)
{
	char buf[64];
	char *end;
	double v;
	if (!s || number_text(buf, sizeof(buf), s) != 0)
		return jx__error(JX_EINVAL, _("'%s' is not a number"), s ? s : "");
	{
		locale_t c = c_numeric(), prev = c ? uselocale(c) : (locale_t)0;
		errno = 0;
		v = strtod(buf, &end);
		if (c)
			uselocale(prev);
	}
	if (*end || errno == ERANGE || !isfinite(v))
		return jx__error(JX_EINVAL, _("'%s' is not a number in range"), s);
	*out = v;
	return 0;
}

int jx_scaled_parse(const char *s, int decimals, int64_t *out)
{
	char buf[64];
	const char *p;
	int neg = 0, frac = 0, seen_dot = 0;
	int64_t v = 0;
	if (!s || number_text(buf, sizeof(buf), s) != 0)
		return jx__error(JX_EINVAL, _("'%s' is not a number"), s ? s : "");
	p = buf;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; *p; p++) {
		if (*p == '.') {
			seen_dot = 1;
			continue;
		}
		if (seen_dot && ++frac > decimals) {
			if (*p != '0')
				return decimals == 2
					       ? jx__error(
							 JX_EINVAL,
							 _("'%s' has more than two decimal places "
							   "(amounts are kept to 0.01)"),
							 s)
					       : jx__error(
							 JX_EINVAL,
							 _("'%s' has more than %d decimal places"),
							 s, decimals);
			continue;
		}
		if (v > (INT64_MAX - (*p - '0')) / 10)
			return jx__error(JX_EINVAL, _("'%s' is too large"), s);
		v = v * 10 + (*p - '0');
	}
	for (; frac < decimals; frac++) {
		if (v > INT64_MAX / 10)
			return jx__error(JX_EINVAL, _("'%s' is too large"), s);
		v *= 10;
	}
	*out = neg ? -v : v;
	return 0;
}

int jx_cents_parse(const char *s, int64_t *out)
{
	return jx_scaled_parse(s, 2, out);
}

void jx_cents_format(char *buf, size_t size, int64_t cents)
{
	uint64_t a = cents < 0 ? (uint64_t)(-(cents + 1)) + 1 : (uint64_t)cents;
	const char *sign = cents < 0 ? "-" : "";
	unsigned long long ip = (unsigned long long)(a / 100), fp = (unsigned long long)(a % 100);
	if (fp == 0)
		snprintf(buf, size, "%s%llu", sign, ip);
	else if (fp % 10 == 0)
		snprintf(buf, size, "%s%llu.%llu", sign, ip, fp / 10);
	else
		snprintf(buf, size, "%s%llu.%02llu", sign, ip, fp);
}

/* Print v with p significant digits; 1 when it parses back to v. */
static int general_trips(char *buf, size_t size, int p, double v)
{
	snprintf(buf, size, "%.*g", p, v);
	return strtod(buf, NULL) == v;
}

/* Shortest text that reads back as v, without an exponent for 1e-6 <= |v| <
 * 1e15 when at most 17 decimals do. %.15g strips trailing zeros, and a double
 * nearest a decimal of <= 15 digits prints back as that decimal, so the first
 * of 15, 16, 17 digits that round-trips is the shortest form (subnormals,
 * with fewer digits, are searched from 1). Same output as trying every
 * precision in turn, at a fifth of the cost: the analysis formats ~10^6
 * numbers, and this was its hot spot. */
static void number_format_c(char *buf, size_t size, double v)
{
	char *ex;
	int p, sig = 0, d;
	if (isnan(v)) {
		snprintf(buf, size, "%s", "");
		return;
	}
	if (v == 0) {
		snprintf(buf, size, "0");
		return;
	}
	for (p = fabs(v) < DBL_MIN ? 1 : 15; p < 17 && !general_trips(buf, size, p, v); p++)
		;
	if (p == 17)
		snprintf(buf, size, "%.17g", v);
	if (!(fabs(v) < 1e15 && fabs(v) >= 1e-6) || !(ex = strchr(buf, 'e')))
		return;
	for (const char *c = buf; c < ex; c++)
		sig += *c >= '0' && *c <= '9';
	d = sig - 1 - atoi(ex + 1);
	if (d <= 17)
		snprintf(buf, size, "%.*f", d < 0 ? 0 : d, v);
}

void jx_number_format(char *buf, size_t size, double v)
{
	locale_t c = c_numeric(), prev = c ? uselocale(c) : (locale_t)0;
	number_format_c(buf, size, v);
	if (c)
		uselocale(prev);
}

/* ---- the fast path of jx_number_format ----
 *
 * jx_number_format prints %.15g and reads it back (up to three times) to
 * find the shortest text that gives the same double. For a v with
 * 1e-6 <= |v| < 1e12 (or 0) that is k / 10^d for an integer |k| < 10^15 and
 * d <= 15 (checked as k / 10^d == v: k and 10^d are exact doubles, so this is
 * one correctly rounded division, which is what strtod does with the text
 * of k / 10^d) and no shorter form (the smallest such d; k is then not a
 * multiple of 10 when d > 0), that text is "k / 10^d" written out: %.15g
 * prints the same digits for such a v (at most 15 of them), and
 * jx_number_format writes it without an exponent in that range. Scores
 * (d <= 2) and the analyses' numbers rounded to 12 significant digits
 * (jx__set_number) all take this path; tests/test_text.c compares it with
 * jx_number_format on a million values. */

void jx__number_text(char *buf, size_t size, double v)
{
	static const double scale[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	if (!isnan(v) && fabs(v) < 1e12 && (v == 0 || fabs(v) >= 1e-6) && size >= 24) {
		for (int d = 0; d < 16; d++) {
			double k = nearbyint(v * scale[d]);
			unsigned long long a = (unsigned long long)fabs(k);
			char digits[32], *p = digits + sizeof(digits);
			if (fabs(k) >= 1e15)
				break;
			if (k / scale[d] != v || (d > 0 && a % 10 == 0))
				continue;
			*--p = '\0';
			for (int i = 0; i < d; i++, a /= 10)
				*--p = (char)('0' + a % 10);
			if (d > 0)
				*--p = '.';
			do
				*--p = (char)('0' + a % 10);
			while ((a /= 10) > 0);
			if (k < 0 && v != 0)
				*--p = '-';
			memcpy(buf, p, (size_t)(digits + sizeof(digits) - p));
			return;
		}
	}
	jx_number_format(buf, size, v);
}

void jx__number_shown(char *buf, size_t size, double v)
{
	locale_t c = c_numeric(), prev = c ? uselocale(c) : (locale_t)0;
	snprintf(buf, size, "%.15g", v == 0 ? 0.0 : v); /* no "-0" */
	if (c)
		uselocale(prev);
}

int jx__number_read(const char *s, double *out)
{
	char *end;
	locale_t c;
	locale_t prev;
	if (!s || !*s || strchr(" \t\n", *s))
		return -1;
	c = c_numeric();
	prev = c ? uselocale(c) : (locale_t)0;
	errno = 0;
	*out = strtod(s, &end);
	if (c)
		uselocale(prev);
	return *end || errno == ERANGE || !isfinite(*out) ? -1 : 0;
}
