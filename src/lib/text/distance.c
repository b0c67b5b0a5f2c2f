/* SPDX-License-Identifier: GPL-3.0-or-later */
/* distance.c -- edit distance between names, in code points (rename suggestions). */
#include <stdlib.h>
#include <string.h>
#include "text/internal.h"

/* Edit distance, or max + 1 as soon as it must exceed max (every entry of a row is above it). */
static size_t distance(const char *a, const char *b, size_t max)
{
	unsigned *ca, *cb;
	size_t na = 0, nb = 0, la = strlen(a), lb = strlen(b), i, j, n, *prev, *cur, res;
	unsigned cp;
	ca = malloc((la + 1) * sizeof(*ca));
	cb = malloc((lb + 1) * sizeof(*cb));
	prev = malloc((lb + 2) * sizeof(*prev));
	cur = malloc((lb + 2) * sizeof(*cur));
	if (!ca || !cb || !prev || !cur) {
		free(ca), free(cb), free(prev), free(cur);
		return (size_t)-1;
	}
	for (i = 0; i < la; i += n) {
		n = jx__utf8_next(a + i, la - i, &cp);
		ca[na++] = cp;
	}
	for (i = 0; i < lb; i += n) {
		n = jx__utf8_next(b + i, lb - i, &cp);
		cb[nb++] = cp;
	}
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	res = (na > nb ? na - nb : nb - na) > max ? max + 1 : (size_t)-2;
	for (i = 1; i <= na && res == (size_t)-2; i++) {
		size_t row_min = cur[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1,
			       sub = prev[j - 1] + (ca[i - 1] != cb[j - 1]);
			cur[j] = del < ins ? (del < sub ? del : sub) : (ins < sub ? ins : sub);
			row_min = cur[j] < row_min ? cur[j] : row_min;
		}
		memcpy(prev, cur, (nb + 1) * sizeof(*prev));
		if (row_min > max)
			res = max + 1;
	}
	if (res == (size_t)-2)
		res = prev[nb] > max ? max + 1 : prev[nb];
	free(ca), free(cb), free(prev), free(cur);
	return res;
}

size_t jx_levenshtein(const char *a, const char *b)
{
	return distance(a, b, (size_t)-3);
}

size_t jx_levenshtein_within(const char *a, const char *b, size_t max)
{
	return distance(a, b, max < (size_t)-3 ? max : (size_t)-3);
}
