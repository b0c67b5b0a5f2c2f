/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_staff.c -- the staffing sentence(s) of a report, as it states them.
 *
 * Reports state their staff in a sentence or two of 部门基本情况 ("实有在职人员
 * 59 人，离退休人员 20 人。另有在册警务辅助人员编制数为 17 人。公务用车编制数为 14
 * 辆…"), sometimes under a heading of their own (人员情况, 人员编制 …). A
 * staffing sentence names staff or vehicles (在职人员, 编制数, 实有人数, 离退休,
 * 车辆编制 …) and a count (digits, then 人, 名 or 辆). The text kept is every
 * staffing sentence of the first paragraph that has one, and of the paragraphs
 * right after it that have one too, in the report's own words: a sentence of the
 * same paragraph on something else (内设机构 …) is left out, and the next
 * paragraph without staffing (or the next section) ends it. At most
 * STAFF_MAX_SENTENCES sentences and about STAFF_MAX_BYTES bytes. The numbers are
 * read separately, as figures (report_text.c: staff_in_post …). */
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

#define STAFF_MAX_SENTENCES 8
#define STAFF_MAX_BYTES 1200

static const char *const staff_headings[] = {"人员情况",   "人员编制",   "编制情况",
					     "人员构成",   "机构人员",   "编制人数",
					     "人员及车辆", "人员和车辆", NULL};

static const char *const staff_words[] = {
	"在职人员", "在职人数", "在职职工", "在编人员", "在编人数", "编制人数",
	"编制数",   "人员编制", "行政编制", "事业编制", "实有人数", "实有人员",
	"离退休",   "退休人员", "辅助人员", "辅警",     "编外人员", "聘用人员",
	"车辆编制", "公务用车", "实有车辆", NULL};

/* Bytes of the digit at s (ASCII or full-width), 0 when none. */
static size_t digit_len(const char *s, size_t len)
{
	if (len && s[0] >= '0' && s[0] <= '9')
		return 1;
	if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99)
		return 3;
	return 0;
}

/* 1 when s[0..len) holds a count: digits, spaces, then 人, 名 or 辆. */
static int has_count(const char *s, size_t len)
{
	static const char *const units[] = {"人", "名", "辆", NULL};
	size_t p = 0, q, n;
	while (p < len) {
		for (q = p; (n = digit_len(s + q, len - q)) > 0;)
			q += n;
		if (q == p) {
			p++;
			continue;
		}
		while (q < len &&
		       (s[q] == ' ' || (len - q >= 3 && !memcmp(s + q, "\xE3\x80\x80", 3))))
			q += s[q] == ' ' ? 1 : 3;
		for (int u = 0; units[u]; u++)
			if (len - q >= strlen(units[u]) &&
			    !memcmp(s + q, units[u], strlen(units[u])))
				return 1;
		p = q;
	}
	return 0;
}

static int is_staffing(const char *s, size_t len)
{
	for (int w = 0; staff_words[w]; w++) {
		size_t wl = strlen(staff_words[w]);
		for (size_t p = 0; p + wl <= len; p++)
			if (!memcmp(s + p, staff_words[w], wl))
				return has_count(s, len);
	}
	return 0;
}

/* Length of the sentence at s: through its 。；; or to the end of the paragraph. */
static size_t sentence_len(const char *s, size_t len)
{
	for (size_t p = 0; p < len; p++) {
		if (s[p] == ';')
			return p + 1;
		if (len - p >= 3 && (!memcmp(s + p, "。", 3) || !memcmp(s + p, "；", 3)))
			return p + 3;
	}
	return len;
}

/* The staffing sentences of paragraph s[0..len) appended to b; how many. */
static int take_sentences(jx__buf *b, const char *s, size_t len, int *budget)
{
	int n = 0;
	for (size_t p = 0, k; p<len && * budget> 0 && b->len < STAFF_MAX_BYTES; p += k) {
		while (p < len && s[p] == ' ')
			p++;
		k = sentence_len(s + p, len - p);
		if (!k || !is_staffing(s + p, k))
			continue;
		if (n == 0 && b->len)
			jx__buf_put(b, "\n", 1);
		jx__buf_put(b, s + p, k);
		n++;
		(*budget)--;
	}
	return n;
}

/* The staffing paragraphs of text (paragraphs one a line) into *out (NULL when none). */
static int pick(const char *text, char **out)
{
	jx__buf b;
	int budget = STAFF_MAX_SENTENCES, found = 0;
	jx__buf_init(&b);
	for (const char *p = text; *p && budget > 0 && b.len < STAFF_MAX_BYTES;) {
		size_t len = strcspn(p, "\n");
		int n = take_sentences(&b, p, len, &budget);
		if (found && !n)
			break; /* the staffing paragraphs ended */
		found |= n > 0;
		p += len + (p[len] == '\n');
	}
	return jx__buf_take(out, &b);
}

int jx__rp_read_staffing(jx__rp_doc *d)
{
	size_t h = jx__rp_find_heading(d, staff_headings, 0);
	char *text = NULL;
	int rc;
	/* under a heading of its own, else anywhere in the prose */
	if ((rc = jx__rp_section_text(d, h, &text)) == 0 && text)
		rc = pick(text, &d->ev->staffing);
	if (rc == 0 && !d->ev->staffing && h < d->nlines) {
		free(text);
		text = NULL;
		if ((rc = jx__rp_section_text(d, d->nlines, &text)) == 0 && text)
			rc = pick(text, &d->ev->staffing);
	}
	free(text);
	return rc;
}
