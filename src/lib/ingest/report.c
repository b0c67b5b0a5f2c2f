/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c -- read a published 部门整体绩效自我评价报告 from its text.
 *
 * The text comes from Word or a PDF export, so nothing can be trusted to sit
 * on one line or in one column. This file splits the text into lines, keeps a
 * folded copy of each (full-width ASCII to half-width) for matching, finds
 * the provenance comment and the title (department and year), then hands the
 * lines to the table reader, the prose readers and the reconciliation, and
 * packs the result into a jx_batch. See docs/formats.md, "Report text layout".
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "ingest/internal.h"

void jx__rp_where(const jx__rp_doc *d, int line, int bare, char *buf, size_t size)
{
	if (d->places)
		d->places->where(d->places->ctx, line, bare, buf, size);
	else
		snprintf(buf, size, bare ? "%d" : _("line %d"), line > 0 ? line : 1);
}

int jx__rp_fail(const jx__rp_doc *d, int line, const char *fmt, ...)
{
	char msg[768], at[128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	jx__rp_where(d, line, 1, at, sizeof(at));
	return jx__error(JX_EPARSE, "%s:%s: %s", d->name, at, msg);
}

int jx__rp_warn(const jx__rp_doc *d, int line, const char *fmt, ...)
{
	char msg[1024], at[128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!d->places)
		return jx_evaluation_warn(d->ev, line, "%s", msg);
	if (d->places->line_of(d->places->ctx, line) > 0)
		return jx_evaluation_warn(d->ev, d->places->line_of(d->places->ctx, line), "%s",
					  msg);
	jx__rp_where(d, line, 1, at, sizeof(at));
	return jx_evaluation_warn(d->ev, 0, "%s: %s", at, msg);
}

int jx__rp_is_prose(const jx__rp_doc *d, size_t i)
{
	if (d->lines[i].comment || i == d->title || i == d->caption)
		return 0;
	return !(d->table_first < d->nlines && i >= d->table_first && i <= d->table_last);
}

static int is_cn_numeral(unsigned cp)
{
	static const unsigned digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
					  0x4E03, 0x516B, 0x4E5D, 0x5341, 0x96F6, 0x3007};
	for (size_t i = 0; i < sizeof(digits) / sizeof(digits[0]); i++)
		if (cp == digits[i])
			return 1;
	return 0;
}

/* Skip a run of Chinese numerals (cn) or ASCII digits at s; returns bytes skipped. */
static size_t skip_numerals(const char *s, int cn)
{
	size_t i = 0, n;
	unsigned cp;
	for (;;) {
		n = jx__utf8_next(s + i, strlen(s + i), &cp);
		if (!s[i] || !(cn ? is_cn_numeral(cp) : (cp >= '0' && cp <= '9')))
			return i;
		i += n;
	}
}

/* Level of a numbered heading in folded, left-trimmed f ("一、" 1, "(一)" 2, "1、" 3, "(1)" 4). */
static int heading_level(const char *f)
{
	static const char *const enders[] = {"\xE3\x80\x82", ";", ",", NULL}; /* 。 */
	int level = 0;
	size_t k, len;
	const char *rest = f;
	if ((k = skip_numerals(f, 1)) && !strncmp(f + k, "\xE3\x80\x81", 3))
		level = 1, rest = f + k + 3;
	else if (f[0] == '(' && (k = skip_numerals(f + 1, 1)) && f[1 + k] == ')')
		level = 2, rest = f + k + 2;
	else if ((k = skip_numerals(f, 0)) && !strncmp(f + k, "\xE3\x80\x81", 3))
		level = 3, rest = f + k + 3;
	else if (k && f[k] == '.' && !(f[k + 1] >= '0' && f[k + 1] <= '9'))
		level = 3, rest = f + k + 1;
	else if (f[0] == '(' && (k = skip_numerals(f + 1, 0)) && f[1 + k] == ')')
		level = 4, rest = f + k + 2;
	if (!level)
		return 0;
	len = strlen(rest);
	while (len && rest[len - 1] == ' ')
		len--;
	if (len == 0 || jx__utf8_count(rest) > 40)
		return 0;
	for (int e = 0; enders[e]; e++) {
		size_t el = strlen(enders[e]);
		if (len >= el && !memcmp(rest + len - el, enders[e], el))
			return 0;
	}
	return level;
}

int jx__rp_add_line(jx__rp_doc *d, const char *text, size_t len, int no)
{
	jx__rp_line *l;
	const char *f;
	if (jx__grow((void **)&d->lines, &d->lines_cap, d->nlines + 1, sizeof(*d->lines)) != 0)
		return JX_ENOMEM;
	l = &d->lines[d->nlines];
	memset(l, 0, sizeof(*l));
	l->text = text;
	l->len = len;
	if (l->len && l->text[l->len - 1] == '\r')
		l->len--;
	l->no = no;
	l->fold = jx__fold_copy(l->text, l->len);
	if (!l->fold)
		return jx__oom();
	d->nlines++;
	for (f = l->fold; *f == ' ' || *f == '\t' || *f == '\f'; f++)
		;
	l->heading = heading_level(f);
	return 0;
}

static int split_lines(jx__rp_doc *d, const char *text, size_t len)
{
	size_t start = 0, i;
	int rc;
	for (i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		if ((rc = jx__rp_add_line(d, text + start, i - start, (int)d->nlines + 1)) != 0)
			return rc;
		start = i + 1;
	}
	return 0;
}

static int is_blank(const jx__rp_line *l)
{
	return strspn(l->fold, " \t\f\r\v") == strlen(l->fold);
}

/* "# provenance: synthetic" (also full-width colon); other '#' lines are comments. */
int jx__rp_read_comment(const jx__rp_doc *d, const jx__rp_line *l, jx_provenance *prov)
{
	char *p = l->fold + strspn(l->fold, " \t") + 1, *v;
	p += strspn(p, " \t");
	if (strncasecmp(p, "provenance", 10) != 0)
		return 0;
	p += 10;
	p += strspn(p, " \t");
	if (*p != ':')
		return 0;
	v = jx__strdup(p + 1);
	if (!v)
		return jx__oom();
	jx_trim(v);
	if (jx_provenance_parse(v, prov) != 0) {
		free(v);
		return jx__rp_fail(d, l->no,
				   _("provenance must be 'real' or 'synthetic', not '%s'"),
				   p + 1 + strspn(p + 1, " \t"));
	}
	free(v);
	return 0;
}

/* Find "2023 年(度)" in s[0..len): year, and the bytes [ys, ye) it covers. */
static int find_year(const char *s, size_t len, int *year, size_t *ys, size_t *ye)
{
	size_t i = 0, n, j;
	unsigned cp;
	while (i < len) {
		int digits = 0, v = 0;
		j = i;
		for (;;) {
			n = j < len ? jx__utf8_next(s + j, len - j, &cp) : 0;
			if (!n || !((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)))
				break;
			if (digits < 5) /* longer runs are no year; avoid int overflow */
				v = v * 10 + (int)(cp >= 0xFF10 ? cp - 0xFF10 : cp - '0');
			digits++;
			j += n;
		}
		if (digits == 4 && v >= 1990 && v <= JX_YEAR_MAX) {
			size_t k = j;
			while (k < len && (s[k] == ' ' || !strncmp(s + k, "\xE3\x80\x80", 3)))
				k += s[k] == ' ' ? 1 : 3;
			if (k + 3 <= len && !memcmp(s + k, "\xE5\xB9\xB4", 3)) { /* 年 */
				k += 3;
				if (k + 3 <= len && !memcmp(s + k, "\xE5\xBA\xA6", 3)) /* 度 */
					k += 3;
				*year = v;
				*ys = i;
				*ye = k;
				return 1;
			}
		}
		i = digits ? j : i + jx__utf8_next(s + i, len - i, &cp);
	}
	return 0;
}

static const char *const title_words[] = {
	"部门整体",     "整体支出",     "整体绩效", "部门绩效",     "绩效自评",
	"绩效自我评价", "自我评价报告", "自评报告", "绩效评价报告", NULL};

/* Earliest title word in s[0..len); its offset, or len when none. */
static size_t find_title_word(const char *s, size_t len)
{
	size_t best = len;
	for (int w = 0; title_words[w]; w++) {
		size_t wl = strlen(title_words[w]);
		for (size_t i = 0; i + wl <= len && i < best; i++)
			if (!memcmp(s + i, title_words[w], wl)) {
				best = i;
				break;
			}
	}
	return best;
}

static unsigned drop_space(unsigned cp)
{
	return jx__is_space_cp(cp) || cp < 0x20 ? JX__DROP : cp;
}

char *jx__rp_squeeze(const char *s, size_t len)
{
	return jx__text_map(s, len, drop_space);
}

/* 1 when s[0..len) has sentence punctuation (，。；：！？ or their ASCII forms). */
static int has_stop(const char *s, size_t len)
{
	static const unsigned stops[] = {',',    ';',    ':',    '!',    '?',   0xFF0C,
					 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F};
	size_t i = 0;
	unsigned cp;
	while (i < len) {
		i += jx__utf8_next(s + i, len - i, &cp);
		for (size_t k = 0; k < sizeof(stops) / sizeof(stops[0]); k++)
			if (cp == stops[k])
				return 1;
	}
	return 0;
}

/* 1 when line n ends a title that line t (year, no title word) began: n is a
 * short unnumbered line carrying a title word, and neither line is a sentence.
 * *pre (may be NULL): bytes of n before the title word, the department's tail. */
static int title_continues(const jx__rp_line *t, const jx__rp_line *n, size_t *pre)
{
	size_t ys, ye, p;
	int year;
	if (!find_year(t->text, t->len, &year, &ys, &ye) ||
	    find_title_word(t->text, t->len) < t->len || strstr(t->fold, "报告") ||
	    has_stop(t->text, t->len))
		return 0;
	p = find_title_word(n->text, n->len);
	if (p == n->len || n->heading || has_stop(n->text, n->len) || jx__utf8_count(n->fold) > 40)
		return 0;
	if (pre)
		*pre = p;
	return 1;
}

/* "a" followed by "b", each squeezed; NULL on ENOMEM. */
static char *squeeze2(const char *a, size_t alen, const char *b, size_t blen)
{
	char *sa = jx__rp_squeeze(a, alen), *sb = jx__rp_squeeze(b, blen), *out = NULL;
	if (sa && sb && (out = malloc(strlen(sa) + strlen(sb) + 1)) != NULL) {
		strcpy(out, sa);
		strcat(out, sb);
	}
	free(sa);
	free(sb);
	return out;
}

/* Department and year from the title at line t, continued on line n (NULL: none):
 * "2023 年度南京市公安局禁毒" + "支队 部门整体绩效自我评价报告" reads 南京市公安局禁毒支队. */
static int is_bracket(const char *p, size_t *n)
{
	static const char *const brackets[] = {"（", "）", "(",  ")",  "【", "】", "[",
					       "]",  "《", "》", "〔", "〕", NULL};
	for (int i = 0; brackets[i]; i++)
		if (!strncmp(p, brackets[i], strlen(brackets[i]))) {
			*n = strlen(brackets[i]);
			return 1;
		}
	return 0;
}

/* 1 when s is nothing but brackets. */
static int only_brackets(const char *s)
{
	size_t n;
	while (*s && is_bracket(s, &n))
		s += n;
	return !*s;
}

/* Drop opening brackets at the end of s ("示例局（" before "（2023年度）"). */
static void trim_brackets(char *s)
{
	static const char *const open[] = {"（", "(", "【", "[", "《", "〔", NULL};
	for (int again = 1; again;) {
		size_t len = strlen(s);
		again = 0;
		for (int i = 0; open[i]; i++) {
			size_t k = strlen(open[i]);
			if (len >= k && !strcmp(s + len - k, open[i])) {
				s[len - k] = '\0';
				again = 1;
				break;
			}
		}
	}
}

static int title_parts(const jx__rp_line *t, const jx__rp_line *n, char **dept, int *year)
{
	size_t ys, ye, end, pre = 0;
	if (!find_year(t->text, t->len, year, &ys, &ye))
		return 0;
	end = ye + find_title_word(t->text + ye, t->len - ye);
	if (end == t->len && n && title_continues(t, n, &pre))
		*dept = squeeze2(t->text + ye, end - ye, n->text, pre);
	else
		*dept = jx__rp_squeeze(t->text + ye, end - ye);
	if (*dept && only_brackets(*dept))
		**dept = '\0'; /* "…自评表（2023年度）": nothing but the bracket after the year */
	if (*dept && !**dept) { /* "南京市…支队2023年度部门整体…" */
		free(*dept);
		/* the text before the year, up to a title word ("部门整体…（2023年度）": none) */
		*dept = jx__rp_squeeze(t->text, find_title_word(t->text, ys));
		if (*dept && only_brackets(*dept))
			**dept = '\0';
		else if (*dept)
			trim_brackets(*dept);
	}
	return *dept ? 0 : jx__oom();
}

/* The title: the first line near the top with a year and a title word, or a
 * year and a next line that ends the title (see title_continues). */
static size_t find_title(const jx__rp_doc *d, size_t from)
{
	size_t i, seen = 0;
	for (i = from; i < d->nlines && seen < 20; i++) {
		const jx__rp_line *l = &d->lines[i];
		int y;
		size_t ys, ye;
		if (is_blank(l))
			continue;
		if (l->heading == 1 && seen)
			break;
		seen++;
		if (!find_year(l->text, l->len, &y, &ys, &ye))
			continue;
		if (find_title_word(l->text, l->len) < l->len || strstr(l->fold, "报告"))
			return i;
		if (i + 1 < d->nlines && title_continues(l, &d->lines[i + 1], NULL))
			return i;
	}
	return d->nlines;
}

/* --dept and --year against the title's department and year (relabel.c). */
static int pick_title_values(jx__rp_doc *d, const jx_read_options *opts, char **dept, int *year)
{
	int line = d->title < d->nlines ? d->lines[d->title].no : 1, rc;
	const char *pick;
	if (!opts)
		return 0;
	if (!(pick = jx__pick_department(opts, *dept, d->name, line)) && opts->department &&
	    *opts->department)
		return jx_error_code();
	if (pick && pick != *dept) {
		char *copy = jx__strdup(pick);
		if (!copy)
			return jx__oom();
		free(*dept);
		*dept = copy;
	}
	if ((rc = jx__pick_year(opts, *year, year, d->name, line)) != 0)
		return rc;
	return 0;
}

/* The title; a title-like line that names no department (a web page's breadcrumb
 * "2020年度部门整体绩效自评报告汇总" above the report's own title, as a printed page
 * keeps it) gives way to the next one that does, if any. */
int jx__rp_find_title(jx__rp_doc *d, size_t from, char **dept, int *year)
{
	size_t first = d->nlines;
	int first_year = 0;
	for (;;) {
		const jx__rp_line *next;
		int rc;
		d->title = find_title(d, from);
		if (d->title >= d->nlines)
			break;
		next = d->title + 1 < d->nlines ? &d->lines[d->title + 1] : NULL;
		if ((rc = title_parts(&d->lines[d->title], next, dept, year)) != 0 || **dept)
			return rc;
		if (first == d->nlines) {
			first = d->title;
			first_year = *year;
		}
		free(*dept);
		*dept = NULL;
		from = d->title + 1;
	}
	d->title = first;
	if (first < d->nlines) {
		*year = first_year;
		if (!(*dept = jx__strdup("")))
			return jx__oom();
	}
	return 0;
}

static int read_head(jx__rp_doc *d, const jx_read_options *opts, char **dept, int *year,
		     jx_provenance *prov)
{
	size_t i, first = d->nlines;
	int rc, want_dept, want_year, line;
	*dept = NULL;
	*year = 0;
	*prov = JX_PROV_REAL;
	for (i = 0; i < d->nlines; i++) {
		if (is_blank(&d->lines[i]))
			continue;
		if (d->lines[i].fold[strspn(d->lines[i].fold, " \t")] != '#')
			break;
		d->lines[i].comment = 1;
		if ((rc = jx__rp_read_comment(d, &d->lines[i], prov)) != 0)
			return rc;
	}
	first = i;
	if ((rc = jx__rp_find_title(d, first, dept, year)) != 0)
		return rc;
	if ((rc = pick_title_values(d, opts, dept, year)) != 0)
		return rc;
	want_dept = !*dept || !**dept;
	want_year = *year <= 0;
	if (!want_dept && !want_year)
		return 0;
	line = d->title < d->nlines ? d->lines[d->title].no
	       : first < d->nlines  ? d->lines[first].no
				    : 1;
	/* whole sentences, for the translations */
	if (want_dept && want_year)
		return jx__rp_fail(
			d, line,
			_("no department and year found: the title should read like "
			  "\"2023 年度<部门> 部门整体绩效自我评价报告\"; --dept and --year "
			  "can supply them"));
	if (want_dept)
		return jx__rp_fail(
			d, line,
			_("no department found: the title should read like \"2023 "
			  "年度<部门> 部门整体绩效自我评价报告\"; --dept can supply it"));
	return jx__rp_fail(d, line,
			   _("no year found: the title should read like \"2023 年度<部门> "
			     "部门整体绩效自我评价报告\"; --year can supply it"));
}

static int only_blank(const jx__rp_doc *d)
{
	for (size_t i = 0; i < d->nlines; i++)
		if (!is_blank(&d->lines[i]))
			return 0;
	return 1;
}

void jx__rp_groups_clear(jx__rp_doc *d)
{
	for (size_t i = 0; i < d->ngroups; i++)
		free(d->groups[i].name);
	d->ngroups = 0;
}

void jx__rp_doc_free(jx__rp_doc *d)
{
	for (size_t i = 0; i < d->nlines; i++)
		free(d->lines[i].fold);
	free(d->lines);
	jx__rp_groups_clear(d);
	free(d->groups);
	jx_evaluation_free(d->ev);
	jx_figures_free(d->figs);
}

/* Build the evaluation and figures from what read_head found. */
static int make_records(jx__rp_doc *d, const jx_read_options *opts, const char *dept, int year,
			jx_provenance prov)
{
	jx_kind kind = opts && opts->kind >= 0 ? (jx_kind)opts->kind : JX_KIND_SELF; /* reports
											state no kind */
	int line = d->title < d->nlines ? d->lines[d->title].no : 1;
	d->ev = jx_evaluation_new(dept, year, kind);
	d->figs = jx_figures_new(dept, year);
	if (!d->ev || !d->figs)
		return jx__oom();
	d->ev->provenance = d->figs->provenance = prov;
	d->ev->line = d->figs->line = line;
	return 0;
}

int jx_report_read(jx_batch **out, const char *name, const char *text, size_t len,
		   const jx_read_options *opts)
{
	jx__rp_doc d;
	jx_batch *b = NULL;
	char *dept = NULL;
	int year = 0, rc;
	jx_provenance prov = JX_PROV_REAL;

	*out = NULL;
	memset(&d, 0, sizeof(d));
	d.name = name ? name : "<report>";
	if ((rc = split_lines(&d, text ? text : "", text ? len : 0)) != 0)
		goto out;
	d.title = d.table_first = d.caption = d.nlines;
	if (only_blank(&d)) {
		rc = jx__rp_fail(&d, 1, _("empty report: the file has no text"));
		goto out;
	}
	if ((rc = read_head(&d, opts, &dept, &year, &prov)) != 0 ||
	    (rc = make_records(&d, opts, dept, year, prov)) != 0 ||
	    (rc = jx__rp_read_table(&d)) != 0 || (rc = jx__rp_read_figures(&d)) != 0 ||
	    (rc = jx__rp_read_sections(&d)) != 0 || (rc = jx__rp_reconcile(&d)) != 0)
		goto out;
	if (!(b = jx_batch_new(d.name))) {
		rc = jx__oom();
		goto out;
	}
	jx__sha256_hex(b->source_sha256, text ? text : "", text ? len : 0);
	if ((rc = jx_batch_add_evaluation(b, d.ev)) != 0)
		goto out;
	d.ev = NULL;
	if ((rc = jx_batch_add_figures(b, d.figs)) != 0)
		goto out;
	d.figs = NULL;
	*out = b;
	b = NULL;
out:
	jx_batch_free(b);
	free(dept);
	jx__rp_doc_free(&d);
	return rc;
}
