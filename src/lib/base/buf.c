/* SPDX-License-Identifier: GPL-3.0-or-later */
/* buf.c -- the growable byte buffer; a failed allocation sticks until the buffer is freed. */
#include <stdio.h>
#include <string.h>
#include "base/internal.h"

void jx__buf_init(jx__buf *b)
{
	memset(b, 0, sizeof(*b));
}

void jx__buf_free(jx__buf *b)
{
	free(b->data);
	jx__buf_init(b);
}

void jx__buf_put(jx__buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (jx__grow((void **)&b->data, &b->cap, b->len + n + 1, 1) != 0) {
		b->failed = 1;
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void jx__buf_puts(jx__buf *b, const char *s)
{
	jx__buf_put(b, s, strlen(s));
}

void jx__buf_printf(jx__buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	if (b->failed)
		return;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || jx__grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1) != 0)
		b->failed = 1;
	else {
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		b->len += (size_t)n;
	}
	va_end(ap);
}

char *jx__buf_detach(jx__buf *b)
{
	char *p;
	if (b->failed) {
		jx__buf_free(b);
		jx__oom();
		return NULL;
	}
	if (!b->data) {
		p = jx__strdup("");
		if (!p)
			jx__oom();
		return p;
	}
	p = b->data;
	jx__buf_init(b);
	return p;
}

int jx__buf_take(char **out, jx__buf *b)
{
	*out = NULL;
	if (b->failed) {
		jx__buf_free(b);
		return jx__oom();
	}
	if (b->len && !(*out = jx__buf_detach(b)))
		return JX_ENOMEM;
	jx__buf_free(b);
	return 0;
}
