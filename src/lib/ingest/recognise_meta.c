/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recognise_meta.c -- department, year, kind and provenance of a document.
 *
 * The department and year come from the document itself: its title as the
 * report-text reader finds it ("2023年度<部门>部门整体支出绩效自评报告"),
 * else a labelled line or cell (单位（盖章）：…, 部门名称 | …, 预算单位名称 | …)
 * and a year line or cell (（2022年度）, 评价年度 | 2022). --dept, --year and
 * --kind supply what the document does not state; they replace what it
 * does state only with --relabel, and are refused otherwise, so that a file
 * is never stored under another department by a slip of the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

static const char *const dept_labels[] = {
	"单位",         "单位名称",       "部门",           "部门名称",
	"单位(盖章)",   "部门(盖章)",     "单位名称(盖章)", "预算单位",
	"预算单位名称", "填报单位",       "填报单位(盖章)", "被评价单位",
	"部门(单位)",   "部门(单位)名称", "评价对象",       NULL};
static const char *const year_labels[] = {"年度", "评价年度", "所属年度", "预算年度",
					  "年份", "评价年份", NULL};
/* a 单位 that names a unit of measure, not a department */
static const char *const units[] = {"万元", "元", "千元", "亿元", "分", "%", "人", NULL};

static int in_list(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

/* The value after the first colon of text (full-width or not), up to two spaces, a tab
 * or the next "label：", white space removed. NULL on ENOMEM; "" when none. */
static char *value_after_colon(const char *text)
{
	const char *p, *end;
	const char *c1 = strchr(text, ':'), *c2 = strstr(text, "\xEF\xBC\x9A"); /* ： */
	if (!c1 && !c2)
		return jx__strdup("");
	p = c1 && (!c2 || c1 < c2) ? c1 + 1 : c2 + 3;
	for (end = p; *end; end++)
		if (*end == '\t' || *end == '\n' || !strncmp(end, "  ", 2) ||
		    !strncmp(end, "\xE3\x80\x80", 3) || *end == ':' ||
		    !strncmp(end, "\xEF\xBC\x9A", 3))
			break;
	/* "示例局 填报日期：…": the next label starts after the last space */
	if (*end == ':' || !strncmp(end, "\xEF\xBC\x9A", 3)) {
		const char *sp = end;
		while (sp > p && sp[-1] != ' ')
			sp--;
		if (sp > p)
			end = sp;
	}
	return jx__rp_squeeze(p, (size_t)(end - p));
}

/* The label of "label：value" or of "label" alone, normalised (*label), and the value
 * after the colon (*value, "" when none). 0 or JX_ENOMEM. */
static int split_label(const char *text, char **label, char **value)
{
	char *f = jx__fold_copy(text, strlen(text)), *colon;
	*label = *value = NULL;
	if (!f)
		return jx__oom();
	if ((colon = strchr(f, ':')) != NULL)
		*colon = '\0';
	*label = jx_name_normalize(f);
	free(f);
	if (!*label || !(*value = value_after_colon(text))) {
		free(*label);
		*label = NULL;
		return jx__oom();
	}
	return 0;
}

/* A department value; not a unit of measure ("单位：万元"). */
static int accept_dept(const char *value)
{
	return *value && !in_list(value, units) && strncmp(value, "万元", 6) != 0;
}

/* A year in text: the first 4 digits 1900..2100 (full-width digits folded). 0 when none. */
static int year_in(const char *text)
{
	char *f = jx__fold_copy(text, strlen(text));
	int year = 0;
	if (!f)
		return 0;
	for (const char *p = f; *p && !year; p++) {
		if (p[0] >= '1' && p[0] <= '2' && strspn(p, "0123456789") == 4 &&
		    (p == f || !(p[-1] >= '0' && p[-1] <= '9'))) {
			int y = atoi(p);
			year = y >= JX_YEAR_MIN && y <= JX_YEAR_MAX ? y : 0;
		}
	}
	free(f);
	return year;
}

/* "（2022年度）", "2022年度", "2022 年" alone on a line. */
static int year_line(const char *text)
{
	char *n = jx_name_normalize(text);
	int year = 0;
	size_t len;
	if (!n)
		return 0;
	len = strlen(n);
	if (len >= 2 && n[0] == '(' && n[len - 1] == ')') {
		memmove(n, n + 1, len - 2);
		n[len - 2] = '\0';
	}
	if (strspn(n, "0123456789") == 4 && (!strcmp(n + 4, "年度") || !strcmp(n + 4, "年")))
		year = year_in(n);
	free(n);
	return year;
}

/* Take a labelled value found at line id; *value may be taken (set to NULL). */
static void take_value(jx__rc *rc, const char *label, char **value, int id)
{
	int y;
	if (!rc->dept && in_list(label, dept_labels) && accept_dept(*value)) {
		rc->dept = *value;
		rc->dept_at = id;
		*value = NULL;
	} else if (!rc->year && in_list(label, year_labels) && (y = year_in(*value)) != 0) {
		rc->year = y;
		rc->year_at = id;
	}
}

/* Department or year from one line of text ("单位（盖章）：示例局", "（2022年度）"). */
static int meta_from_text(jx__rc *rc, const char *text, int id)
{
	char *label, *value;
	int y;
	if (split_label(text, &label, &value) != 0)
		return JX_ENOMEM;
	if (*value)
		take_value(rc, label, &value, id);
	else if (!rc->year && (y = year_line(text)) != 0)
		rc->year = y, rc->year_at = id;
	free(label);
	free(value);
	return 0;
}

/* The next cell of row r after column c that has text, or NULL. */
static const jx_doc_cell *next_cell(const jx_doc_table *t, size_t r, size_t c)
{
	for (c++; c < t->ncols; c++) {
		const jx_doc_cell *n = jx_doc_table_slot(t, r, c);
		if (n->rowspan && n->anchor_col == (int)c && n->text && *n->text)
			return n;
	}
	return NULL;
}

/* A label cell followed by its value cell ("预算单位名称 | 示例局"), or one cell
 * "单位：示例局", in a table row outside the evaluation table's body. */
static int meta_from_cells(jx__rc *rc, const jx_doc_table *t, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const jx_doc_cell *s = jx_doc_table_slot(t, r, c), *n;
		char *label, *value;
		int id, e = 0;
		if (!s->rowspan || s->anchor_row != (int)r || s->anchor_col != (int)c || !s->text ||
		    !*s->text)
			continue;
		if (split_label(s->text, &label, &value) != 0)
			return JX_ENOMEM;
		n = *value ? s : next_cell(t, r, c);
		if (n && (in_list(label, dept_labels) || in_list(label, year_labels))) {
			if ((id = jx__rc_line(rc, t, n->origin)) < 0)
				e = id;
			else if (n == s)
				take_value(rc, label, &value, id);
			else if (!(free(value), value = jx__rp_squeeze(n->text, strlen(n->text))))
				e = jx__oom();
			else
				take_value(rc, label, &value, id);
		}
		free(label);
		free(value);
		if (e)
			return e;
	}
	return 0;
}

/* '#' paragraphs before anything else: comments, "# provenance: synthetic". */
static int read_comments(jx__rc *rc, size_t *first)
{
	jx__rp_doc *d = &rc->rp[0];
	size_t i;
	int e;
	for (i = 0; i < d->nlines; i++) {
		if (d->lines[i].fold[strspn(d->lines[i].fold, " \t")] != '#')
			break;
		d->lines[i].comment = 1;
		if ((e = jx__rp_read_comment(d, &d->lines[i], &rc->prov)) != 0)
			return e;
	}
	*first = i;
	return 0;
}

int jx__rc_read_meta(jx__rc *rc)
{
	jx__rp_doc *d = &rc->rp[0];
	size_t first;
	int e;
	d->title = d->table_first = d->caption = d->nlines;
	if ((e = read_comments(rc, &first)) != 0 ||
	    (e = jx__rp_find_title(d, first, &rc->dept, &rc->year)) != 0)
		return e;
	if (rc->dept && !*rc->dept) {
		free(rc->dept);
		rc->dept = NULL;
	}
	if (d->title < d->nlines)
		rc->dept_at = rc->year_at = d->lines[d->title].no;
	for (size_t i = first; i < d->nlines && (!rc->dept || !rc->year); i++)
		if (!d->lines[i].comment &&
		    (e = meta_from_text(rc, d->lines[i].text, d->lines[i].no)) != 0)
			return e;
	for (size_t i = 0; i < rc->doc->nblocks && (!rc->dept || !rc->year); i++) {
		const jx_doc_table *t = rc->doc->blocks[i].table;
		size_t stop;
		if (rc->doc->blocks[i].kind != JX_BLOCK_TABLE)
			continue;
		stop = t == rc->table ? rc->head.row : t->nrows;
		for (size_t r = 0; r < stop; r++)
			if ((e = meta_from_cells(rc, t, r)) != 0)
				return e;
	}
	return 0;
}

/* ---- what the document states against the options ---- */

static int refuse_relabel(const jx__rc *rc, int at, const char *what, const char *stated,
			  const char *option, const char *given)
{
	char place[128];
	jx__rp_where(&rc->rp[0], at, 1, place, sizeof(place));
	return jx__error(JX_EINVAL,
			 _("%s:%s: the document states the %s '%s'; %s '%s' would relabel it: "
			   "pass --relabel as well to store it as '%s'"),
			 rc->doc->name, place, what, stated, option, given, given);
}

static int settle_dept(jx__rc *rc)
{
	const char *opt = rc->opts->department;
	if (!opt || !*opt)
		return 0;
	if (rc->dept && strcmp(rc->dept, opt) != 0 && !rc->opts->relabel)
		return refuse_relabel(rc, rc->dept_at, "department", rc->dept, "--dept", opt);
	free(rc->dept);
	return (rc->dept = jx__strdup(opt)) ? 0 : jx__oom();
}

static int settle_year(jx__rc *rc)
{
	char a[16], b[16];
	if (rc->opts->year <= 0)
		return 0;
	if (rc->year && rc->year != rc->opts->year && !rc->opts->relabel) {
		snprintf(a, sizeof(a), "%d", rc->year);
		snprintf(b, sizeof(b), "%d", rc->opts->year);
		return refuse_relabel(rc, rc->year_at, "year", a, "--year", b);
	}
	rc->year = rc->opts->year;
	return 0;
}

/* 1 when the self-score column's header says 自评 (the kind is then stated). */
static int self_stated(const jx__rc *rc)
{
	const char *h = jx_doc_table_text(rc->table, rc->head.row,
					  (size_t)rc->head.col[JX__ROLE_SCORE]);
	return strstr(h, "自评") != NULL;
}

/* The kinds the columns give: 得分 self, 复核得分 review; --kind for a lone column. */
static int settle_kinds(jx__rc *rc)
{
	int want = rc->opts->kind, k;
	jx_doc_origin at = jx_doc_table_slot(rc->table, rc->head.row, 0)->origin;
	rc->has_kind[0] = rc->head.col[JX__ROLE_SCORE] >= 0;
	rc->has_kind[1] = rc->head.col[JX__ROLE_REVIEW] >= 0;
	rc->kind_of[0] = JX_KIND_SELF;
	rc->kind_of[1] = JX_KIND_REVIEW;
	if (want < 0 || rc->head.col[JX__ROLE_KIND] >= 0)
		return 0;
	if (rc->has_kind[0] && rc->has_kind[1])
		return jx__rc_fail(rc, rc->table, at,
				   _("--kind cannot apply: the table has both a self-score and a "
				     "review-score column, which give one evaluation each"));
	k = rc->has_kind[0] ? 0 : 1;
	if ((k == 1 || self_stated(rc)) && want != (int)rc->kind_of[k] && !rc->opts->relabel)
		return jx__rc_fail(
			rc, rc->table, at,
			_("the table's score column says %s; --kind %s would relabel it: "
			  "pass --relabel as well"),
			jx_kind_name(rc->kind_of[k]), jx_kind_name((jx_kind)want));
	rc->kind_of[k] = (jx_kind)want;
	return 0;
}

/* A register's column states every row's value: an option replaces them only with
 * --relabel (then every row gets it). */
static int column_option(jx__rc *rc, jx__role role, const char *option, int given)
{
	char place[128];
	int col = rc->head.col[role];
	if (col < 0 || !given || rc->opts->relabel)
		return 0;
	jx__rc_place_text(rc, rc->table,
			  jx_doc_table_slot(rc->table, rc->head.row, (size_t)col)->origin, 1, place,
			  sizeof(place));
	return jx__error(JX_EINVAL,
			 _("%s:%s: the table has a %s column, which states each row's value; %s "
			   "would relabel every row: pass --relabel as well"),
			 rc->doc->name, place, jx__col_label(role), option);
}

int jx__rc_settle_meta(jx__rc *rc)
{
	int e, at = rc->rp[0].title < rc->rp[0].nlines ? rc->rp[0].lines[rc->rp[0].title].no : 1;
	char place[128];
	const jx__header *h = &rc->head;
	rc->reg = h->col[JX__ROLE_DEPARTMENT] >= 0 || h->col[JX__ROLE_YEAR] >= 0 ||
		  h->col[JX__ROLE_KIND] >= 0;
	if ((e = column_option(rc, JX__ROLE_DEPARTMENT, "--dept",
			       rc->opts->department && *rc->opts->department)) != 0 ||
	    (e = column_option(rc, JX__ROLE_YEAR, "--year", rc->opts->year > 0)) != 0 ||
	    (e = column_option(rc, JX__ROLE_KIND, "--kind", rc->opts->kind >= 0)) != 0)
		return e;
	if ((e = settle_dept(rc)) != 0 || (e = settle_year(rc)) != 0 || (e = settle_kinds(rc)) != 0)
		return e;
	/* a register's columns give what the document does not */
	if ((rc->dept || h->col[JX__ROLE_DEPARTMENT] >= 0) &&
	    (rc->year || h->col[JX__ROLE_YEAR] >= 0))
		return 0;
	jx__rp_where(&rc->rp[0], at, 1, place, sizeof(place));
	if (!rc->dept && h->col[JX__ROLE_DEPARTMENT] < 0 && rc->proj.is_project)
		return jx__error(JX_EPARSE,
				 _("%s:%s: no department found: the project table names none in a "
				   "实施单位 or 主管部门 cell; --dept can supply it"),
				 rc->doc->name, place);
	if (!rc->dept && h->col[JX__ROLE_DEPARTMENT] < 0)
		return jx__error(
			JX_EPARSE,
			_("%s:%s: no department found: looked for a title like "
			  "\"2023年度<部门>部门整体支出绩效自评报告\" and for a 单位, 部门, "
			  "单位（盖章） or 预算单位名称 line or cell; --dept can supply it"),
			rc->doc->name, place);
	return jx__error(
		JX_EPARSE,
		_("%s:%s: no year found: looked for a title like \"2023年度<部门>…\", a "
		  "\"（2023年度）\" line and a 年度 or 评价年度 cell; --year can supply it"),
		rc->doc->name, place);
}
