/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fold.c -- copies of text with code points mapped one by one: full-width forms
 * folded to half-width, spaces dropped, names normalised.
 *
 * Documents typed on Chinese systems mix full-width digits, letters and
 * punctuation (１２．５, （２０分）), the ideographic space U+3000 and the
 * no-break space that Word and web pages put in; every reader folds them the
 * same way, here. */
#include <string.h>
#include "text/internal.h"

unsigned jx__fold_cp(unsigned cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000 || cp == 0xA0)
		return ' ';
	return cp;
}

int jx__is_space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

char *jx__text_map(const char *s, size_t len, unsigned (*map)(unsigned cp))
{
	jx__buf b;
	size_t i = 0, n;
	unsigned cp, to;
	jx__buf_init(&b);
	if (jx__grow((void **)&b.data, &b.cap, len + 1, 1) != 0)
		return NULL;
	b.data[0] = '\0';
	while (i < len) {
		n = jx__utf8_next(s + i, len - i, &cp);
		to = map(cp);
		if (to == cp)
			jx__buf_put(&b, s + i, n); /* as it was, bad bytes too */
		else if (to != JX__DROP)
			jx__utf8_put(&b, to);
		i += n;
	}
	return jx__buf_detach(&b);
}

char *jx__fold_copy(const char *s, size_t len)
{
	return jx__text_map(s, len, jx__fold_cp);
}
