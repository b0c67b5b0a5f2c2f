/* SPDX-License-Identifier: GPL-3.0-or-later */
/* distance.c -- edit distance between names, in code points (rename suggestions). */
#include <stdlib.h>
#include <string.h>
#include "text/internal.h"

size_t jx_levenshtein(const char *a, const char *b)
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
	for (i = 1; i <= na; i++) {
		cur[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1,
			       sub = prev[j - 1] + (ca[i - 1] != cb[j - 1]);
			cur[j] = del < ins ? (del < sub ? del : sub) : (ins < sub ? ins : sub);
		}
		memcpy(prev, cur, (nb + 1) * sizeof(*prev));
	}
	res = prev[nb];
	free(ca), free(cb), free(prev), free(cur);
	return res;
}
