/* SPDX-License-Identifier: GPL-3.0-or-later */
/* names.c -- name normalisation, canonical keys, trimming, weights in labels.
 *
 * Indicator names drift between years in width, quotes and spacing, so
 * matching uses a normalised form (jx_name_normalize), and the canonical key
 * of a row is its normalised level1/level2/level3 path. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text/internal.h"

static int is_space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	       cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

static int is_quote_cp(unsigned cp)
{
	return cp == '"' || cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
	       cp == 0x201C || cp == 0x201D || cp == 0x300C || cp == 0x300D || cp == 0x300E ||
	       cp == 0x300F;
}

/* A name's code point as matching sees it: folded, lower case; spaces and quotes dropped. */
static unsigned normalize_cp(unsigned cp)
{
	cp = jx__fold_cp(cp);
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return is_space_cp(cp) || is_quote_cp(cp) ? JX__DROP : cp;
}

/* Length of a trailing "(N分)" suffix in folded, space-free ASCII/UTF-8 s, else 0. */
static size_t weight_suffix_len(const char *s, size_t len)
{
	static const char fen[] = "\xE5\x88\x86"; /* 分 */
	size_t i;
	if (len < 5 || s[len - 1] != ')')
		return 0;
	i = len - 1;
	if (i < 3 || memcmp(s + i - 3, fen, 3) != 0)
		return 0;
	i -= 3;
	if (i == 0 || !((s[i - 1] >= '0' && s[i - 1] <= '9')))
		return 0;
	while (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.'))
		i--;
	if (i == 0 || s[i - 1] != '(')
		return 0;
	return len - (i - 1);
}

char *jx_name_normalize(const char *name)
{
	char *out = jx__text_map(name, strlen(name), normalize_cp);
	if (out)
		out[strlen(out) - weight_suffix_len(out, strlen(out))] = '\0';
	return out;
}

/* Length of an invisible or direction-changing character at s (n bytes left), else 0:
 * U+200B-U+200F (zero-width space, non-joiner, joiner, LRM, RLM), U+202A-U+202E
 * (embeddings, overrides), U+2066-U+2069 (isolates), U+FEFF. All are 3 bytes. */
static size_t invisible_at(const unsigned char *s, size_t n)
{
	if (n < 3)
		return 0;
	if (s[0] == 0xE2 && s[1] == 0x80 &&
	    ((s[2] >= 0x8B && s[2] <= 0x8F) || (s[2] >= 0xAA && s[2] <= 0xAE)))
		return 3;
	if (s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)
		return 3;
	return s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
}

size_t jx__strip_invisible_n(char *s, size_t len)
{
	size_t r = 0, w = 0, k;
	while (r < len) {
		if ((k = invisible_at((const unsigned char *)s + r, len - r)) != 0) {
			r += k;
			continue;
		}
		s[w++] = s[r++];
	}
	if (w < len)
		s[w] = '\0';
	return w;
}

char *jx_strip_invisible(const char *s)
{
	char *out = jx__strdup(s ? s : "");
	if (out)
		jx__strip_invisible_n(out, strlen(out));
	else
		jx__oom();
	return out;
}

char *jx_key_make(const char *level1, const char *level2, const char *level3)
{
	char *a = jx_name_normalize(level1), *b = jx_name_normalize(level2),
	     *c = jx_name_normalize(level3), *key = NULL;
	if (a && b && c)
		key = jx__sprintf("%s/%s/%s", a, b, c);
	free(a);
	free(b);
	free(c);
	return key;
}

static int is_trim_byte_seq(const char *p, size_t *n)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f') {
		*n = 1;
		return 1;
	}
	if (!strncmp(p, "\xE3\x80\x80", 3)) { /* U+3000 */
		*n = 3;
		return 1;
	}
	if (!strncmp(p, "\xC2\xA0", 2)) {
		*n = 2;
		return 1;
	}
	return 0;
}

char *jx_trim(char *s)
{
	size_t n, len, start = 0;
	if (!s)
		return s;
	while (s[start] && is_trim_byte_seq(s + start, &n))
		start += n;
	if (start)
		memmove(s, s + start, strlen(s + start) + 1);
	len = strlen(s);
	for (;;) {
		if (len >= 1 && strchr(" \t\n\r\v\f", s[len - 1]))
			len--;
		else if (len >= 3 && !memcmp(s + len - 3, "\xE3\x80\x80", 3))
			len -= 3;
		else if (len >= 2 && !memcmp(s + len - 2, "\xC2\xA0", 2))
			len -= 2;
		else
			break;
	}
	s[len] = '\0';
	return s;
}

int jx_name_split_weight(char **name_out, double *weight, const char *cell)
{
	char *f = jx__fold_copy(cell, strlen(cell)), *p, *open;
	size_t len;
	*name_out = NULL;
	*weight = NAN;
	if (!f)
		return jx__oom();
	jx_trim(f);
	len = strlen(f);
	/* "<name> ( 20 分 )" after folding: find the last '(' and check the rest */
	open = strrchr(f, '(');
	if (open && len > 0 && f[len - 1] == ')') {
		char num[64];
		size_t k = 0;
		p = open + 1;
		while (*p == ' ')
			p++;
		while (((*p >= '0' && *p <= '9') || *p == '.') && k + 1 < sizeof(num))
			num[k++] = *p++;
		num[k] = '\0';
		while (*p == ' ')
			p++;
		if (k > 0 && !strncmp(p, "\xE5\x88\x86", 3)) {
			p += 3;
			while (*p == ' ')
				p++;
			if (*p == ')' && p[1] == '\0') {
				/* the name keeps its original (unfolded) spelling */
				size_t name_bytes;
				char *orig = jx__strdup(cell), *o;
				if (!orig) {
					free(f);
					return jx__oom();
				}
				jx_trim(orig);
				/* cut orig at its last '(' or '（' */
				o = NULL;
				for (char *q = orig; *q; q++)
					if (*q == '(' || !strncmp(q, "\xEF\xBC\x88", 3))
						o = q;
				name_bytes = o ? (size_t)(o - orig) : strlen(orig);
				orig[name_bytes] = '\0';
				jx_trim(orig);
				*weight = strtod(num, NULL);
				*name_out = orig;
				free(f);
				return 1;
			}
		}
	}
	free(f);
	*name_out = jx__strdup(cell);
	if (!*name_out)
		return jx__oom();
	jx_trim(*name_out);
	return 0;
}
