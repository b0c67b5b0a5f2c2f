/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cells.c -- what a document's table cell says: a number, a name, a category with its weight.
 *
 * Cells come from Word, Excel and web pages as people typed them: numbers
 * with 分 or %, full-width digits, a dash for "not assessed"; names wrapped
 * over several lines or spaced out for looks ("投 入"); category labels that
 * carry their points ("产出指标（50分）", "产出指标(50)") and sometimes their
 * number in the table ("一、投入（20分）").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

int jx__cell_number(const char *text, double *v)
{
	jx__rp_cell cell;
	size_t len;
	int kind;
	char *norm;
	if (text && text[0] == '=' && text[1])
		return JX__NUM_FORMULA; /* xlsx_sheet.c: a formula nobody computed */
	if (!(norm = jx_name_normalize(text ? text : "")))
		return JX__NUM_TEXT; /* ENOMEM: callers treat it as not a number */
	len = strlen(norm);
	if (len == 0) {
		free(norm);
		return JX__NUM_EMPTY;
	}
	if (len > 1 && norm[len - 1] == '%')
		norm[len - 1] = '\0';
	cell.text = norm;
	cell.fold = norm;
	kind = jx__rp_cell_kind(&cell, v);
	free(norm);
	switch (kind) {
	case JX__RP_NUM: return JX__NUM_OK;
	case JX__RP_NEG: return JX__NUM_NEG;
	case JX__RP_BAD: return JX__NUM_BAD;
	case JX__RP_PLACEHOLDER: return JX__NUM_DASH;
	default: return JX__NUM_TEXT;
	}
}

static int is_break_cp(unsigned cp)
{
	return cp < 0x20 || cp == ' ' || cp == 0x7F || cp == 0xA0 || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

char *jx__cell_name(const char *text)
{
	jx__buf b;
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t len = strlen((const char *)s), i = 0, n;
	unsigned cp, last = 0;
	int pending = 0; /* a break was seen since the last character written */
	jx__buf_init(&b);
	while (i < len) {
		if (!(n = jx__utf8_decode(s + i, len - i, &cp))) {
			cp = 0xFFFD; /* readers hand over UTF-8; never let a bad byte through */
			n = 1;
		}
		i += n;
		if (is_break_cp(cp)) {
			pending = b.len > 0;
			continue;
		}
		if (pending && last < 0x80 && cp < 0x80)
			jx__buf_put(&b, " ", 1);
		pending = 0;
		jx__utf8_put(&b, cp);
		last = cp;
	}
	if (!b.data)
		jx__buf_put(&b, "", 0);
	return jx__buf_detach(&b);
}

/* "name(50)" / "name（50）": the number in a trailing bracket; 1 found, 0 not. */
static int bare_weight(const char *name, size_t *cut, double *w)
{
	size_t len = strlen(name), close = 0, open;
	char num[32];
	size_t k = 0;
	if (len >= 1 && name[len - 1] == ')')
		close = 1;
	else if (len >= 3 && !memcmp(name + len - 3, "\xEF\xBC\x89", 3)) /* ） */
		close = 3;
	if (!close)
		return 0;
	for (open = len - close; open > 0; open--)
		if (name[open - 1] == '(' ||
		    (open >= 3 && !memcmp(name + open - 3, "\xEF\xBC\x88", 3))) /* （ */
			break;
	if (open == 0)
		return 0;
	for (size_t i = open; i < len - close && k + 1 < sizeof(num); i++) {
		if (!strchr("0123456789.", name[i]))
			return 0;
		num[k++] = name[i];
	}
	num[k] = '\0';
	if (k == 0 || jx_number_parse(num, w) != 0 || *w <= 0 || *w > 100)
		return 0;
	*cut = name[open - 1] == '(' ? open - 1 : open - 3;
	return *cut > 0;
}

static int cn_numeral(const char *p)
{
	static const char *const digits[] = {"一", "二", "三", "四", "五", "六",
					     "七", "八", "九", "十", NULL};
	for (int i = 0; digits[i]; i++)
		if (!strncmp(p, digits[i], 3))
			return 1;
	return 0;
}

/* Bytes of a leading enumeration of a category label: "一、", "（一）", "(1)", "1、", "1.". */
static size_t enumeration(const char *s)
{
	const char *p = s;
	int open = 0;
	if (*p == '(' || !strncmp(p, "\xEF\xBC\x88", 3)) /* ( （ */
		p += *p == '(' ? 1 : 3, open = 1;
	if (!(cn_numeral(p) || (*p >= '0' && *p <= '9')))
		return 0;
	while (cn_numeral(p) || (*p >= '0' && *p <= '9'))
		p += cn_numeral(p) ? 3 : 1;
	if (open && (*p == ')' || !strncmp(p, "\xEF\xBC\x89", 3)))
		p += *p == ')' ? 1 : 3;
	else if (!open && !strncmp(p, "\xE3\x80\x81", 3)) /* 、 */
		p += 3;
	else if (!open && (*p == '.' || !strncmp(p, "\xEF\xBC\x8E", 3)) &&
		 !(p[1] >= '0' && p[1] <= '9'))
		p += *p == '.' ? 1 : 3;
	else
		return 0;
	return *p ? (size_t)(p - s) : 0;
}

int jx__cell_label(char **name, double *weight, const char *text)
{
	char *clean = jx__cell_name(text), *split = NULL;
	size_t cut;
	int rc;
	*name = NULL;
	*weight = NAN;
	if (!clean)
		return jx__oom();
	if ((rc = jx_name_split_weight(&split, weight, clean)) < 0) {
		free(clean);
		return rc;
	}
	free(clean);
	if (rc == 0 && bare_weight(split, &cut, weight))
		split[cut] = '\0';
	/* the name without the weight or its enumeration, spaces settled again */
	*name = jx__cell_name(split + enumeration(split));
	free(split);
	return *name ? 0 : jx__oom();
}
