/* SPDX-License-Identifier: GPL-3.0-or-later */
/* utf8.c -- decoding and encoding one UTF-8 code point (strict: no overlongs, no surrogates;
 * jx__utf8_next walks over bad bytes one at a time). */
#include <string.h>
#include "base/internal.h"

/* Decode one UTF-8 code point at s (len bytes left). Returns bytes used, 0 if invalid. */
size_t jx__utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		unsigned v = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4 && len >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		unsigned v = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
			     (s[3] & 0x3F);
		if (v < 0x10000 || v > 0x10FFFF)
			return 0;
		*cp = v;
		return 4;
	}
	return 0;
}

size_t jx__utf8_next(const char *s, size_t len, unsigned *cp)
{
	size_t n = jx__utf8_decode((const unsigned char *)s, len, cp);
	if (n)
		return n;
	*cp = 0xDC00 + (unsigned char)s[0];
	return 1;
}

size_t jx__utf8_count(const char *s)
{
	size_t n = 0, i = 0, len = strlen(s);
	unsigned cp;
	while (i < len) {
		i += jx__utf8_next(s + i, len - i, &cp);
		n++;
	}
	return n;
}

void jx__utf8_put(jx__buf *b, unsigned cp)
{
	char t[4];
	if (cp < 0x80) {
		t[0] = (char)cp;
		jx__buf_put(b, t, 1);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		jx__buf_put(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		jx__buf_put(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		jx__buf_put(b, t, 4);
	}
}
