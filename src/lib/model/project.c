/* SPDX-License-Identifier: GPL-3.0-or-later */
/* project.c -- project evaluations: project names and keys, the scope of an
 * evaluation, and a row's target, actual value and reason.
 *
 * A project is the same project every year although its table names the
 * year ("2023年义务教育营养改善计划专项资金"), so its key is its name
 * without a leading year, normalised like an indicator name. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/internal.h"

/* The digit value of an ASCII or full-width digit, else -1. */
static int digit_of(unsigned cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

static int space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* Bytes of a leading "2023年", "２０２３ 年度", "(2023年度)" in s, else 0. */
static size_t leading_year(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, n;
	unsigned cp;
	int digits = 0, open = 0;
	while (i < len && (n = jx__utf8_decode(p + i, len - i, &cp)) != 0) {
		if (digits == 0 && !open && (cp == '(' || cp == 0xFF08)) {
			open = 1;
		} else if (digit_of(cp) >= 0 && digits < 4) {
			digits++;
		} else if (digits == 4 && space_cp(cp)) {
			;
		} else if (digits == 4 && cp == 0x5E74) { /* 年 */
			i += n;
			if (!strncmp(s + i, "度", strlen("度")))
				i += strlen("度");
			if (open && (s[i] == ')' || !strncmp(s + i, "）", strlen("）"))))
				i += s[i] == ')' ? 1 : strlen("）");
			return i;
		} else {
			return 0;
		}
		i += n;
	}
	return 0;
}

char *jx_project_name_clean(const char *name)
{
	char *copy, *rest;
	size_t skip;
	if (!(copy = jx__strdup(name ? name : "")))
		return NULL;
	jx_trim(copy);
	skip = leading_year(copy);
	rest = copy + skip;
	jx_trim(rest);
	if (skip && *rest) {
		memmove(copy, rest, strlen(rest) + 1);
		return copy;
	}
	if (skip) { /* only a year: keep it */
		free(copy);
		copy = jx__strdup(name);
		if (copy)
			jx_trim(copy);
	}
	return copy;
}

char *jx_project_key(const char *name)
{
	char *clean = jx_project_name_clean(name), *key;
	if (!clean)
		return NULL;
	key = jx_name_normalize(clean);
	free(clean);
	return key;
}

int jx_evaluation_set_text(char **field, const char *s)
{
	char *copy = NULL;
	if (s && *s && !(copy = jx__strdup(s)))
		return jx__oom();
	free(*field);
	*field = copy;
	return 0;
}

int jx_evaluation_set_project(jx_evaluation *ev, const char *name)
{
	return jx_evaluation_set_text(&ev->project, name);
}

static int contains(const char *s, const char *part)
{
	return s && strstr(s, part) != NULL;
}

int jx_indicator_is_cost(const jx_indicator *r)
{
	return contains(r->level1, "成本") || contains(r->level2, "成本");
}

int jx_indicator_is_fund(const jx_indicator *r)
{
	/* the names are already in normal form, so this is their key */
	return r->key && !strcmp(r->key, JX_FUND_LEVEL1 "/" JX_FUND_LEVEL2 "/" JX_FUND_LEVEL3);
}

int jx_indicator_set_target(jx_indicator *r, int year, const char *target, const char *actual,
			    const char *reason)
{
	int cost = jx_indicator_is_cost(r);
	if (jx_evaluation_set_text(&r->target, target) ||
	    jx_evaluation_set_text(&r->actual, actual) ||
	    jx_evaluation_set_text(&r->reason, reason))
		return JX_ENOMEM;
	jx_quantity_parse(&r->target_q, r->target, year, cost, 1);
	jx_quantity_parse(&r->actual_q, r->actual, year, cost, 0);
	r->completion = jx_completion_of(&r->target_q, &r->actual_q, r->target, r->actual);
	return 0;
}
