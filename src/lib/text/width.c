/* SPDX-License-Identifier: GPL-3.0-or-later */
/* width.c -- display width of UTF-8 text in a terminal (CJK and full-width count two). */
#include <string.h>
#include "text/internal.h"

static int wide_cp(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

static size_t cp_width(unsigned cp)
{
	if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B)
		return 0;
	return wide_cp(cp) ? 2 : 1;
}

size_t jx_display_width(const char *s)
{
	size_t w = 0, i = 0, len = strlen(s);
	unsigned cp;
	while (i < len) {
		i += jx__utf8_next(s + i, len - i, &cp);
		w += cp_width(cp);
	}
	return w;
}

size_t jx_display_prefix(const char *s, size_t max_cols, size_t *cols)
{
	size_t w = 0, i = 0, len = strlen(s), n;
	unsigned cp;
	while (i < len) {
		n = jx__utf8_next(s + i, len - i, &cp);
		if (w + cp_width(cp) > max_cols)
			break;
		w += cp_width(cp);
		i += n;
	}
	if (cols)
		*cols = w;
	return i;
}
