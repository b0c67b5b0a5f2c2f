/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_cells.c -- table lines as cells: splitting, numbers, header, page furniture.
 *
 * Word exports separate cells with tabs; `pdftotext -layout` pads columns
 * with spaces, so a run of two or more spaces (ASCII, U+3000 or NBSP) also
 * separates cells, while a single space stays inside a cell ("部门决策 (20分)").
 * Empty cells are dropped: the table reader decides roles by content.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

void jx__rp_cells_clear(jx__rp_cells *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		free(cs->c[i].text);
		free(cs->c[i].fold);
	}
	cs->n = 0;
}

static int add_cell(jx__rp_cells *cs, const char *s, size_t len)
{
	char *t;
	if (cs->n == JX__RP_MAX_CELLS) {
		cs->overflow = 1;
		return 0;
	}
	if (!(t = jx__strndup(s, len)))
		return jx__oom();
	jx_trim(t);
	if (!*t) {
		free(t);
		return 0;
	}
	cs->c[cs->n].text = t;
	cs->c[cs->n].fold = jx_name_normalize(t); /* folded, no spaces: for matching */
	if (!cs->c[cs->n].fold) {
		free(t);
		return jx__oom();
	}
	cs->n++;
	return 0;
}

/* Bytes of a space unit at s (ASCII space, U+3000, NBSP), else 0. */
static size_t space_unit(const char *s, size_t left)
{
	if (*s == ' ')
		return 1;
	if (left >= 3 && !memcmp(s, "\xE3\x80\x80", 3))
		return 3;
	if (left >= 2 && !memcmp(s, "\xC2\xA0", 2))
		return 2;
	return 0;
}

int jx__rp_split_cells(jx__rp_cells *cs, const jx__rp_line *l)
{
	size_t i = 0, start = 0, n;
	int rc;
	cs->n = 0;
	cs->overflow = 0;
	while (i < l->len) {
		size_t run = 0, j = i;
		if (l->text[i] == '\t' || l->text[i] == '\f') {
			if ((rc = add_cell(cs, l->text + start, i - start)) != 0)
				return rc;
			start = ++i;
			continue;
		}
		while (j < l->len && (n = space_unit(l->text + j, l->len - j)) != 0)
			j += n, run++;
		if (run >= 2) {
			if ((rc = add_cell(cs, l->text + start, i - start)) != 0)
				return rc;
			start = i = j;
			continue;
		}
		i = run ? j : i + 1;
	}
	return add_cell(cs, l->text + start, l->len - start);
}

int jx__rp_cell_kind(const jx__rp_cell *c, double *v)
{
	/* "—", "——", "–", "无" and friends: a score left blank on purpose */
	static const char *const place[] = {"-",
					    "--",
					    "/",
					    "\xE2\x80\x94",
					    "\xE2\x80\x94\xE2\x80\x94",
					    "\xE2\x80\x93",
					    "\xE6\x97\xA0",
					    "n/a",
					    "na",
					    NULL};
	char buf[64];
	const char *f = c->fold, *p;
	size_t len = strlen(f);
	for (int i = 0; place[i]; i++)
		if (!strcmp(f, place[i]))
			return JX__RP_PLACEHOLDER;
	if (len >= 3 && !strcmp(f + len - 3, "\xE5\x88\x86")) /* "2分" */
		len -= 3;
	if (len == 0 || len >= sizeof(buf) || !strchr("0123456789+-.", f[0]))
		return JX__RP_TEXT;
	memcpy(buf, f, len);
	buf[len] = '\0';
	for (p = buf; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return JX__RP_TEXT; /* "90%以上", "1:30 ..." are text */
	if (!jx__is_decimal(buf) || jx_number_parse(buf, v) != 0)
		return JX__RP_BAD;
	return *v < 0 ? JX__RP_NEG : JX__RP_NUM;
}

/* ---- the header ---- */

enum { H_NONE, H_LEVEL, H_EXPL, H_WEIGHT, H_SCORE };

static int header_role(const char *f)
{
	static const char *const levels[] = {"一级指标", "二级指标",     "三级指标",
					     "指标名称", "三级指标名称", "一级",
					     "二级",     "三级",         NULL};
	static const char *const expl[] = {"解释",     "评分标准", "说明",     "评分细则",
					   "评价标准", "评分办法", "计分方法", "评价要点",
					   "指标内容", NULL};
	int i;
	for (i = 0; levels[i]; i++)
		if (!strcmp(f, levels[i]))
			return H_LEVEL;
	for (i = 0; expl[i]; i++)
		if (strstr(f, expl[i]))
			return H_EXPL;
	if (strstr(f, "权重") || strstr(f, "分值") || !strcmp(f, "标准分") || !strcmp(f, "满分"))
		return H_WEIGHT;
	if (strstr(f, "得分") || !strcmp(f, "自评分") || !strcmp(f, "评分") || !strcmp(f, "实得分"))
		return H_SCORE;
	return H_NONE;
}

int jx__rp_is_header(const jx__rp_cells *cs, jx__rp_columns *col)
{
	int level = 0, expl = 0, weight = -1, score = -1, after = 0;
	for (size_t i = 0; i < cs->n; i++) {
		int r = header_role(cs->c[i].fold);
		if (weight >= 0 && score >= 0) {
			after++;
			continue;
		}
		if (r == H_LEVEL)
			level = 1;
		else if (r == H_EXPL)
			expl = 1;
		else if (r == H_WEIGHT && weight < 0)
			weight = (int)i;
		else if (r == H_SCORE && score < 0)
			score = (int)i;
	}
	if (!level || weight < 0 || score < 0)
		return 0;
	if (col) {
		col->have_expl = expl;
		col->score_first = score < weight;
		col->remarks = after;
	}
	return 1;
}

int jx__rp_is_page_number(const jx__rp_line *l)
{
	char *s = jx_name_normalize(l->fold);
	const char *p;
	int ok = 0;
	if (!s)
		return 0;
	p = s;
	while (*p == '-' || !strncmp(p, "\xE2\x80\x94", 3))
		p += *p == '-' ? 1 : 3;
	if (!strncmp(p, "\xE7\xAC\xAC", 3)) /* 第 */
		p += 3;
	if (*p >= '0' && *p <= '9') {
		p += strspn(p, "0123456789");
		if (!strncmp(p, "\xE9\xA1\xB5", 3)) /* 页 */
			p += 3;
		if (!strncmp(p, "\xE5\x85\xB1", 3)) { /* 共N页 */
			p += 3;
			p += strspn(p, "0123456789");
			if (!strncmp(p, "\xE9\xA1\xB5", 3))
				p += 3;
		} else if (*p == '/') {
			p++;
			p += strspn(p, "0123456789");
		}
		while (*p == '-' || !strncmp(p, "\xE2\x80\x94", 3))
			p += *p == '-' ? 1 : 3;
		ok = *p == '\0';
	}
	free(s);
	return ok;
}
