/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mem.c -- allocation helpers: copies of strings, printf into new memory, growing arrays. */
#include <stdio.h>
#include <string.h>
#include "base/internal.h"

char *jx__strdup(const char *s)
{
	return s ? jx__strndup(s, strlen(s)) : NULL;
}

char *jx__strndup(const char *s, size_t n)
{
	char *p;
	if (!s)
		return NULL;
	p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *jx__sprintf(const char *fmt, ...)
{
	va_list ap;
	jx__buf b;
	jx__buf_init(&b);
	va_start(ap, fmt);
	{
		va_list ap2;
		int n;
		va_copy(ap2, ap);
		n = vsnprintf(NULL, 0, fmt, ap2);
		va_end(ap2);
		if (n >= 0 && jx__grow((void **)&b.data, &b.cap, (size_t)n + 1, 1) == 0) {
			vsnprintf(b.data, (size_t)n + 1, fmt, ap);
			b.len = (size_t)n;
		} else {
			b.failed = 1;
		}
	}
	va_end(ap);
	return jx__buf_detach(&b);
}

int jx__grow(void **arr, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *p;
	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 2 / elem)
			return jx__oom();
		ncap *= 2;
	}
	p = realloc(*arr, ncap * elem);
	if (!p)
		return jx__oom();
	*arr = p;
	*cap = ncap;
	return 0;
}
