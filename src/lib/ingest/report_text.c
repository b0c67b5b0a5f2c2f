/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_text.c -- figures, staffing, self-score and text sections from the prose.
 *
 * PDF exports break sentences across lines and insert blank lines in the
 * middle of them ("其中：基本支出" … "2904.67 万元"), so the prose is read as
 * one stream: every prose line folded (full-width to half-width), trimmed and
 * joined to the next, with a space only where ASCII meets ASCII. A figure is a
 * keyword, a short gap ("为", "编制数为"), a number and its unit; the parts of
 * a total (其中：基本支出 …) are looked for in the same sentence as the total.
 * The first occurrence wins (the reference repeats its expenditure sentence).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

typedef struct {
	jx__buf s;  /* the stream */
	size_t *at; /* stream offset of each document line, or (size_t)-1 */
	const jx__rp_doc *d;
} stream;

static const char *const U_AMOUNT[] = {"万元", NULL};
static const char *const U_PEOPLE[] = {"人", "名", NULL};
static const char *const U_CARS[] = {"辆", "台", NULL};
static const char *const U_SCORE[] = {"分", NULL};

static int is_ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '.';
}

static int build_stream(stream *st, const jx__rp_doc *d)
{
	size_t i;
	jx__buf_init(&st->s);
	st->d = d;
	st->at = malloc((d->nlines + 1) * sizeof(*st->at));
	if (!st->at)
		return jx__oom();
	for (i = 0; i < d->nlines; i++) {
		const char *f = d->lines[i].fold;
		size_t len;
		st->at[i] = (size_t)-1;
		if (!jx__rp_is_prose(d, i))
			continue;
		f += strspn(f, " \t");
		len = strlen(f);
		while (len && (f[len - 1] == ' ' || f[len - 1] == '\t'))
			len--;
		if (!len)
			continue;
		if (st->s.len && is_ascii_alnum(st->s.data[st->s.len - 1]) && is_ascii_alnum(f[0]))
			jx__buf_put(&st->s, " ", 1);
		st->at[i] = st->s.len;
		jx__buf_put(&st->s, f, len);
	}
	if (st->s.failed)
		return jx__oom();
	if (!st->s.data)
		jx__buf_put(&st->s, "", 0);
	return st->s.failed ? jx__oom() : 0;
}

/* Line number of stream offset off. */
static int line_at(const stream *st, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < st->d->nlines; i++) {
		if (st->at[i] == (size_t)-1)
			continue;
		if (st->at[i] > off)
			break;
		line = st->d->lines[i].no;
	}
	return line;
}

/* A number at s[p..) ("3563.83", "1,234.5"); its end, or p when none. */
static size_t scan_number(const char *s, size_t p, size_t end)
{
	size_t q = p;
	while (q < end && s[q] >= '0' && s[q] <= '9')
		q++;
	if (q == p)
		return p;
	while (q + 3 < end && s[q] == ',' && strspn(s + q + 1, "0123456789") == 3)
		q += 4;
	if (q + 1 < end && s[q] == '.' && s[q + 1] >= '0' && s[q + 1] <= '9')
		for (q++; q < end && s[q] >= '0' && s[q] <= '9'; q++)
			;
	return q;
}

/* A gap of at most max code points without digits or clause punctuation, then a
 * number and one of units. Fills *num and *nend (end of the unit). */
static int number_after(const char *s, size_t p, size_t end, int max, const char *const *units,
			size_t *num, size_t *nlen, size_t *nend)
{
	unsigned cp;
	size_t q, u;
	for (int gap = 0;; gap++) {
		if (p >= end)
			return 0;
		if (s[p] >= '0' && s[p] <= '9')
			break;
		if (gap >= max || strchr(",;!?", s[p]) || !strncmp(s + p, "\xE3\x80\x82", 3) ||
		    !strncmp(s + p, "\xE3\x80\x81", 3))
			return 0;
		p += jx__utf8_next(s + p, end - p, &cp);
	}
	q = scan_number(s, p, end);
	*num = p;
	*nlen = q - p;
	while (q < end && s[q] == ' ')
		q++;
	for (u = 0; units[u]; u++)
		if (!strncmp(s + q, units[u], strlen(units[u]))) {
			*nend = q + strlen(units[u]);
			return 1;
		}
	return 0;
}

/* Store the number s[num..num+nlen) as item; a value with more than two decimals is a warning. */
static int store_number(jx__rp_doc *d, const stream *st, const char *item, size_t num, size_t nlen,
			int64_t *cents)
{
	char buf[64];
	size_t k = 0;
	int line = line_at(st, num);
	for (size_t i = 0; i < nlen && k + 1 < sizeof(buf); i++)
		if (st->s.data[num + i] != ',')
			buf[k++] = st->s.data[num + i];
	buf[k] = '\0';
	if (jx_cents_parse(buf, cents) != 0)
		return jx__rp_warn(d, line,
				   _("%s %s has more than two decimal places; "
				     "not stored"),
				   item, buf)
			       ? JX_ENOMEM
			       : 1;
	return jx_figures_set(d->figs, item, *cents, line);
}

/* The first keys[] in [from, to) followed by a number and a unit; stored as item.
 * *after gets the end of the match. Returns 1 found, 0 not, < 0 error. */
static int find_figure(jx__rp_doc *d, const stream *st, const char *item, const char *const *keys,
		       const char *const *units, int max_gap, size_t from, size_t to, size_t *after,
		       int64_t *cents)
{
	const char *s = st->s.data;
	size_t p, num, nlen, nend;
	unsigned cp;
	for (p = from; p < to; p += jx__utf8_next(s + p, to - p, &cp))
		for (int k = 0; keys[k]; k++) {
			size_t kl = strlen(keys[k]);
			int rc;
			if (p + kl > to || memcmp(s + p, keys[k], kl) != 0 ||
			    !number_after(s, p + kl, to, max_gap, units, &num, &nlen, &nend))
				continue;
			if ((rc = store_number(d, st, item, num, nlen, cents)) < 0)
				return rc;
			if (after)
				*after = nend;
			return rc == 0;
		}
	return 0;
}

/* End of the sentence from p: the next "。", extended over a following "其中…" sentence. */
static size_t sentence_end(const stream *st, size_t p)
{
	const char *s = st->s.data, *e;
	for (;;) {
		e = strstr(s + p, "\xE3\x80\x82");
		if (!e)
			return st->s.len;
		p = (size_t)(e - s) + 3;
		if (strncmp(s + p, "其中", 6) != 0)
			return p;
	}
}

/* A total and its two parts in one sentence ("总支出 X 万元，其中：基本支出 Y 万元、项目支出 Z 万元"). */
typedef struct {
	const char *total, *part1, *part2; /* figure items (jx_figure_label names them) */
	const char *const *keys, *const *keys1, *const *keys2;
} split_spec;

static const char *const K_BUDGET[] = {"部门预算数", "部门预算总额", "年初预算数", "预算数", NULL};
static const char *const K_INCOME[] = {"决算总收入", "决算收入", "收入总计", "总收入", NULL};
static const char *const K_SPEND[] = {"决算总支出", "决算支出", "支出总计", "总支出", NULL};
static const char *const K_BASIC[] = {"基本支出", NULL};
static const char *const K_PROJECT[] = {"项目支出", NULL};
static const char *const K_FISCAL[] = {"财政拨款收入", "财政拨款", NULL};
static const char *const K_OTHER[] = {"其他收入", NULL};

static const split_spec splits[] = {
	{"budget_total", "budget_basic", "budget_project", K_BUDGET, K_BASIC, K_PROJECT},
	{"income_total", "income_fiscal", "income_other", K_INCOME, K_FISCAL, K_OTHER},
	{"expenditure_total", "expenditure_basic", "expenditure_project", K_SPEND, K_BASIC,
	 K_PROJECT},
};

static int read_split(jx__rp_doc *d, const stream *st, const split_spec *sp)
{
	size_t after = 0, end;
	int64_t total = 0, p1 = 0, p2 = 0;
	int f0, f1, f2;
	char a[32], b[32], c[32];
	f0 = find_figure(d, st, sp->total, sp->keys, U_AMOUNT, 6, 0, st->s.len, &after, &total);
	if (f0 <= 0)
		return f0;
	end = sentence_end(st, after);
	if ((f1 = find_figure(d, st, sp->part1, sp->keys1, U_AMOUNT, 6, after, end, NULL, &p1)) < 0)
		return f1;
	if ((f2 = find_figure(d, st, sp->part2, sp->keys2, U_AMOUNT, 6, after, end, NULL, &p2)) < 0)
		return f2;
	if (f1 && f2 && p1 + p2 != total) {
		jx_cents_format(a, sizeof(a), p1);
		jx_cents_format(b, sizeof(b), p2);
		jx_cents_format(c, sizeof(c), total);
		return jx__rp_warn(d, line_at(st, after),
				   _("%s %s + %s %s does not add up to %s %s 万元"),
				   jx_figure_label(sp->part1), a, jx_figure_label(sp->part2), b,
				   jx_figure_label(sp->total), c);
	}
	return 0;
}

/* Single facts: keyword, gap, number, unit. */
typedef struct {
	const char *item;
	const char *const *keys, *const *units;
	int gap;
} fact_spec;

static const char *const K_STAFF[] = {"在职人员", "在职人数", "在编人员", "在编人数", NULL};
static const char *const K_RETIRED[] = {"离退休人员", "离退休人数", "退休人员", NULL};
static const char *const K_AUX[] = {"警务辅助人员", "辅警人员", "辅警", "辅助人员", NULL};
static const char *const K_QUOTA[] = {"公务用车编制数", "车辆编制数", "用车编制数", "公务用车编制",
				      NULL};
static const char *const K_CARS[] = {"实有车辆数", "实有车辆", "实有公务用车", NULL};
static const char *const K_SELF[] = {"自评价综合得分", "自评综合得分", "综合得分", "自评得分",
				     "自评价得分",     "自评总分",     "自评分",   NULL};

static const fact_spec facts[] = {
	{"staff_in_post", K_STAFF, U_PEOPLE, 8}, {"staff_retired", K_RETIRED, U_PEOPLE, 8},
	{"auxiliary_staff", K_AUX, U_PEOPLE, 8}, {"vehicles_quota", K_QUOTA, U_CARS, 8},
	{"vehicles_actual", K_CARS, U_CARS, 8},
};

/* Offsets in the stream of the section under the first heading that contains word. */
static int section_range(const stream *st, const char *word, size_t *from, size_t *to)
{
	const jx__rp_doc *d = st->d;
	size_t i, h;
	for (h = 0; h < d->nlines; h++)
		if (d->lines[h].heading && st->at[h] != (size_t)-1 &&
		    strstr(d->lines[h].fold, word))
			break;
	if (h == d->nlines)
		return 0;
	*from = st->at[h];
	*to = st->s.len;
	for (i = h + 1; i < d->nlines; i++)
		if (st->at[i] != (size_t)-1 && d->lines[i].heading &&
		    d->lines[i].heading <= d->lines[h].heading) {
			*to = st->at[i];
			break;
		}
	return 1;
}

/* 市级专项: the first amount under a heading naming 专项, else "专项资金 N 万元". */
static int read_special(jx__rp_doc *d, const stream *st)
{
	static const char *const any[] = {"", NULL};
	static const char *const keys[] = {"专项资金", "专项经费", "专项补助经费", NULL};
	size_t from, to;
	int64_t v;
	int rc;
	if (section_range(st, "专项", &from, &to) &&
	    (rc = find_figure(d, st, "special_funds", any, U_AMOUNT, 0, from, to, NULL, &v)) != 0)
		return rc < 0 ? rc : 0;
	rc = find_figure(d, st, "special_funds", keys, U_AMOUNT, 8, 0, st->s.len, NULL, &v);
	return rc < 0 ? rc : 0;
}

int jx__rp_read_figures(jx__rp_doc *d)
{
	stream st;
	int64_t v;
	size_t i, after;
	int rc = 0;
	if ((rc = build_stream(&st, d)) != 0)
		goto out;
	for (i = 0; i < sizeof(splits) / sizeof(splits[0]) && rc == 0; i++)
		rc = read_split(d, &st, &splits[i]);
	for (i = 0; i < sizeof(facts) / sizeof(facts[0]) && rc >= 0; i++)
		rc = find_figure(d, &st, facts[i].item, facts[i].keys, facts[i].units, facts[i].gap,
				 0, st.s.len, NULL, &v);
	if (rc >= 0)
		rc = read_special(d, &st);
	if (rc >= 0 && (rc = find_figure(d, &st, "self_score", K_SELF, U_SCORE, 6, 0, st.s.len,
					 &after, &v)) > 0) {
		d->ev->self_score = (double)v / 100.0;
		d->self_score_line = line_at(&st, after - 1);
	}
	rc = rc < 0 ? rc : 0;
out:
	jx__buf_free(&st.s);
	free(st.at);
	return rc;
}

/* ---- free-text sections ---- */

/* 1 when the trimmed text ends a sentence (。！？；：, possibly inside closing quotes). */
static int ends_sentence(const char *t, size_t len)
{
	static const char *const stops[] = {"。", "！", "？", "；", "：", "…",
					    "!",  "?",  ";",  ":",  NULL};
	static const char *const closers[] = {"”", "’", "」", "）", ")", NULL};
	for (int pass = 0; pass < 2; pass++) {
		int closed = 0;
		for (int i = 0; stops[i]; i++) {
			size_t n = strlen(stops[i]);
			if (len >= n && !memcmp(t + len - n, stops[i], n))
				return 1;
		}
		for (int i = 0; closers[i] && !closed; i++) {
			size_t n = strlen(closers[i]);
			if (len >= n && !memcmp(t + len - n, closers[i], n))
				len -= n, closed = 1;
		}
		if (!closed)
			return 0;
	}
	return 0;
}

int jx__rp_section_text(const jx__rp_doc *d, size_t h, char **out)
{
	jx__buf b;
	int open = 0; /* the last paragraph is unfinished (its sentence goes on) */
	int level = h < d->nlines ? d->lines[h].heading : 0;
	jx__buf_init(&b);
	for (size_t i = h < d->nlines ? h + 1 : 0; i < d->nlines; i++) {
		const jx__rp_line *l = &d->lines[i];
		const char *t = l->text;
		size_t len = l->len;
		if (!jx__rp_is_prose(d, i)) {
			if (i == d->caption || i == d->table_first)
				break;
			continue;
		}
		if (l->heading && l->heading <= level)
			break;
		while (len && strchr(" \t", *t))
			t++, len--;
		while (len >= 3 && !memcmp(t, "\xE3\x80\x80", 3))
			t += 3, len -= 3;
		while (len && strchr(" \t", t[len - 1]))
			len--;
		while (len >= 3 && !memcmp(t + len - 3, "\xE3\x80\x80", 3))
			len -= 3;
		if (!len)
			continue;
		if (b.len && (!open || l->heading))
			jx__buf_put(&b, "\n", 1);
		else if (b.len && is_ascii_alnum(b.data[b.len - 1]) && is_ascii_alnum(t[0]))
			jx__buf_put(&b, " ", 1);
		jx__buf_put(&b, t, len);
		open = !l->heading && !ends_sentence(t, len);
	}
	return jx__buf_take(out, &b);
}

size_t jx__rp_find_heading(const jx__rp_doc *d, const char *const *words, int last)
{
	size_t found = d->nlines;
	for (size_t i = 0; i < d->nlines; i++) {
		if (!d->lines[i].heading || !jx__rp_is_prose(d, i))
			continue;
		for (int w = 0; words[w]; w++)
			if (strstr(d->lines[i].fold, words[w])) {
				found = i;
				break;
			}
		if (found < d->nlines && !last)
			break;
	}
	return found;
}

static int read_section(const jx__rp_doc *d, const char *const *words, int last, char **out)
{
	size_t h = jx__rp_find_heading(d, words, last);
	if (h == d->nlines)
		return 0;
	return jx__rp_section_text(d, h, out);
}

int jx__rp_read_sections(jx__rp_doc *d)
{
	static const char *const problems[] = {"存在问题", "存在的问题", "问题及原因", "主要问题",
					       NULL};
	static const char *const suggestions[] = {"建议", NULL};
	static const char *const conclusion[] = {"评价结论", "自评结论", NULL};
	static const char *const functions[] = {"主要职能", "部门职能", "职能职责", NULL};
	int rc;
	if ((rc = read_section(d, functions, 0, &d->ev->functions)) != 0 ||
	    (rc = read_section(d, problems, 0, &d->ev->problems)) != 0 ||
	    (rc = read_section(d, suggestions, 0, &d->ev->suggestions)) != 0 ||
	    (rc = read_section(d, conclusion, 1, &d->ev->conclusion)) != 0 ||
	    (rc = jx__rp_read_staffing(d)) != 0)
		return rc;
	return 0;
}
