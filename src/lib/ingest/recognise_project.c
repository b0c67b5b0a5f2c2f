/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recognise_project.c -- what a 项目支出绩效自评表 says besides its indicator rows.
 *
 * The Ministry of Finance's template (财预〔2020〕10号) puts, above the
 * indicator table and usually in the same Word or Excel table:
 *
 *   项目名称 | name
 *   主管部门 | … | 实施单位 | …
 *   项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *                  | 年度资金总额 | 100 | 120 | 110 | 10 | 91.67% | 9.17
 *                  | 其中：当年财政拨款 | …   (上年结转资金, 其他资金)
 *   年度总体目标 | 预期目标 | 实际完成情况
 *                | …        | …
 *
 * A document is a project table when a 项目名称 cell (or line) names the
 * project; its department is then the 实施单位 when named, else the 主管部门.
 * The fund block is read by its column headers wherever it is; its amounts
 * stay exact (万元 with up to six decimals is cents of 元), its 分值/得分 become
 * the fund row of the evaluation (JX_FUND_LEVEL1..3). A 部门整体支出绩效自评表
 * in this layout has no 项目名称: it stays a department evaluation, with its
 * fund row and its targets.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

enum { F_START, F_BUDGET, F_EXECUTED, F_WEIGHT, F_RATE, F_SCORE, F_NCOLS };

static const char *const fund_heads[F_NCOLS] = {"年初预算数", "全年预算数", "全年执行数",
						"分值",       "执行率",     "得分"};

/* Labels of the fund block's rows, normalised, by jx__rc_project.money row. */
static const struct {
	const char *label;
	int row;
} fund_rows[] = {{"年度资金总额", 0}, {"资金总额", 0},     {"合计", 0},     {"当年财政拨款", 1},
		 {"财政拨款", 1},     {"上年结转资金", 2}, {"上年结转", 2}, {"其他资金", 3}};

/* The normalised text of a cell that begins at (r, c), "" otherwise; NULL on ENOMEM. */
static char *own_norm(const jx_doc_table *t, size_t r, size_t c)
{
	const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
	if (!s || !s->rowspan || s->anchor_row != (int)r || !s->text)
		return jx__strdup("");
	return jx_name_normalize(s->text);
}

/* The next cell with text right of (r, c) in row r (its own or spanning into it). */
static const jx_doc_cell *value_cell(const jx_doc_table *t, size_t r, size_t c)
{
	const jx_doc_cell *label = jx_doc_table_slot(t, r, c);
	for (size_t k = c + 1; k < t->ncols; k++) {
		const jx_doc_cell *s = jx_doc_table_slot(t, r, k);
		const jx_doc_cell *a = s->rowspan ? s
						  : jx_doc_table_slot(t, (size_t)s->anchor_row,
								      (size_t)s->anchor_col);
		if (a == label)
			continue;
		if (a && a->text && *a->text)
			return a;
	}
	return NULL;
}

/* Keep *field (when still unset) = the value of a label: after its colon ("项目名称：…"),
 * else the next cell of its row; *at (may be NULL) its numbered line. */
static int take_label(jx__rc *rc, char **field, int *at, const jx_doc_table *t, size_t r, size_t c,
		      const char *text)
{
	const char *wide = strstr(text, "："), *ascii = strchr(text, ':'), *after = NULL;
	const jx_doc_cell *v = NULL;
	char *value = NULL;
	if (*field)
		return 0;
	if (wide && (!ascii || wide < ascii))
		after = wide + strlen("：");
	else if (ascii)
		after = ascii + 1;
	if (after && !(value = jx__cell_name(after)))
		return jx__oom();
	if (value && !*value) {
		free(value);
		value = NULL;
	}
	if (!value && t && (v = value_cell(t, r, c)) && !(value = jx__cell_name(v->text)))
		return jx__oom();
	if (!value)
		return 0;
	*field = value;
	if (at && t && (*at = jx__rc_line(rc, t, (v ? v : jx_doc_table_slot(t, r, c))->origin)) < 0)
		return *at;
	return 0;
}

/* 1 when a normalised cell is the label ("项目名称") or starts "label:". */
static int label_is(const char *norm, const char *label)
{
	size_t n = strlen(label);
	return !strncmp(norm, label, n) && (!norm[n] || norm[n] == ':');
}

/* 项目名称, 主管部门, 实施单位 in the cells of table t above row stop. */
static int labels_in_table(jx__rc *rc, const jx_doc_table *t, size_t stop)
{
	jx__rc_project *p = &rc->proj;
	int e = 0;
	for (size_t r = 0; r < stop && e == 0; r++)
		for (size_t c = 0; c < t->ncols && e == 0; c++) {
			const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
			char *n;
			if (!s->rowspan || s->anchor_row != (int)r || s->anchor_col != (int)c ||
			    !s->text || !*s->text)
				continue;
			if (!(n = jx_name_normalize(s->text)))
				return jx__oom();
			if (label_is(n, "项目名称"))
				e = take_label(rc, &p->name, &p->name_at, t, r, c, s->text);
			else if (label_is(n, "主管部门") || label_is(n, "主管单位"))
				e = take_label(rc, &p->supervisor, &p->supervisor_at, t, r, c,
					       s->text);
			else if (label_is(n, "实施单位") || label_is(n, "项目实施单位"))
				e = take_label(rc, &p->implementer, &p->implementer_at, t, r, c,
					       s->text);
			free(n);
		}
	return e;
}

/* "项目名称：…" (and the two units) as paragraphs. */
static int labels_in_paragraphs(jx__rc *rc)
{
	jx__rc_project *p = &rc->proj;
	int e = 0;
	for (size_t i = 0; i < rc->doc->nblocks && e == 0; i++) {
		const jx_doc_block *b = &rc->doc->blocks[i];
		char *n;
		if (b->kind != JX_BLOCK_PARAGRAPH)
			continue;
		if (!(n = jx_name_normalize(b->text ? b->text : "")))
			return jx__oom();
		if (label_is(n, "项目名称") && strchr(n, ':'))
			e = take_label(rc, &p->name, NULL, NULL, 0, 0, b->text);
		else if ((label_is(n, "主管部门") || label_is(n, "主管单位")) && strchr(n, ':'))
			e = take_label(rc, &p->supervisor, NULL, NULL, 0, 0, b->text);
		else if (label_is(n, "实施单位") && strchr(n, ':'))
			e = take_label(rc, &p->implementer, NULL, NULL, 0, 0, b->text);
		free(n);
	}
	return e;
}

int jx__rc_names_project(const jx_doc *doc, size_t first, size_t last)
{
	int found = 0;
	for (size_t i = first; i <= last && i < doc->nblocks && !found; i++) {
		const jx_doc_block *b = &doc->blocks[i];
		const jx_doc_table *t = b->table;
		size_t ncells = b->kind == JX_BLOCK_TABLE ? t->nrows * t->ncols : 1;
		for (size_t k = 0; k < ncells && !found; k++) {
			const char *text = b->kind == JX_BLOCK_TABLE ? t->cells[k].text : b->text;
			char *n;
			if (!text || !*text)
				continue;
			if (!(n = jx_name_normalize(text)))
				return jx__oom();
			found = label_is(n, "项目名称") &&
				(b->kind == JX_BLOCK_TABLE || strchr(n, ':') != NULL);
			free(n);
		}
	}
	return found;
}

/* ---- the fund block ---- */

/* The columns of a fund header row r: 1 when it names 年初预算数, 全年预算数 or 全年执行数. */
static int fund_header(const jx_doc_table *t, size_t r, int col[F_NCOLS])
{
	int money = 0;
	for (int k = 0; k < F_NCOLS; k++)
		col[k] = -1;
	for (size_t c = 0; c < t->ncols; c++) {
		char *n = own_norm(t, r, c);
		if (!n)
			return JX_ENOMEM;
		for (int k = 0; k < F_NCOLS; k++)
			if (col[k] < 0 && !strcmp(n, fund_heads[k])) {
				col[k] = (int)c;
				money += k <= F_EXECUTED;
			}
		free(n);
	}
	return money > 0;
}

/* Which money row a row's label (left of the first amount column) names; -1 none. */
static int fund_row_kind(const jx_doc_table *t, size_t r, int first)
{
	for (size_t c = 0; c < (size_t)first; c++) {
		char *n = jx_name_normalize(jx_doc_table_text(t, r, c)), *p;
		int kind = -1;
		if (!n)
			return -1;
		p = n;
		if (!strncmp(p, "其中", 6))
			p += 6 + (p[6] == ':');
		for (size_t i = 0; i < sizeof(fund_rows) / sizeof(*fund_rows); i++)
			if (!strcmp(p, fund_rows[i].label))
				kind = fund_rows[i].row;
		free(n);
		if (kind >= 0)
			return kind;
	}
	return -1;
}

/* An amount cell: cents of 元 (万元 × 10^6 exactly), -1 when empty or a dash. Thousands
 * separators ("800,000.00") and a unit word after the number are dropped. */
static int money_cell(jx__rc *rc, const jx_doc_table *t, size_t r, int c, const char *what,
		      int64_t *out)
{
	const jx_doc_cell *s = jx_doc_table_slot(t, r, (size_t)c);
	char *n;
	double v;
	int kind, e = 0;
	*out = -1;
	if (!s || !s->rowspan || s->anchor_row != (int)r)
		return 0;
	if (!(n = jx_name_normalize(s->text ? s->text : "")))
		return jx__oom();
	for (char *p = n, *q = n;; p++) /* "800,000.00" → "800000.00" */
		if (*p != ',' || p == n || !(p[-1] >= '0' && p[-1] <= '9'))
			if (!(*q++ = *p))
				break;
	kind = jx__cell_number(n, &v);
	if (kind == JX__NUM_EMPTY || kind == JX__NUM_DASH)
		goto out;
	if (kind != JX__NUM_OK) {
		e = jx__rc_fail(rc, t, s->origin, _("%s '%s' is not an amount"), what, s->text);
		goto out;
	}
	for (char *p = n, *q = n;; p++) /* a unit word out: the digits and the point stay */
		if (!*p || (*p >= '0' && *p <= '9') || *p == '.')
			if (!(*q++ = *p))
				break;
	if (jx_scaled_parse(n, rc->proj.wan ? 6 : 2, out) != 0)
		e = jx__rc_fail(rc, t, s->origin, "%s '%s': %s", what, s->text, jx_error_last());
out:
	free(n);
	return e;
}

/* 执行率 as hundredths of a percent ("91.67%" → 9167; a fraction 0.9167 → 9167). */
static int rate_cell(jx__rc *rc, const jx_doc_table *t, size_t r, int c)
{
	const jx_doc_cell *s = jx_doc_table_slot(t, r, (size_t)c);
	double v;
	int kind;
	if (!s || !s->rowspan || s->anchor_row != (int)r)
		return 0;
	kind = jx__cell_number(s->text, &v);
	if (kind == JX__NUM_EMPTY || kind == JX__NUM_DASH)
		return 0;
	if (kind != JX__NUM_OK)
		return jx__rc_fail(rc, t, s->origin, _("执行率 '%s' is not a rate"), s->text);
	if (!strchr(s->text, '%') && !strstr(s->text, "％") && v <= 1.5)
		v *= 100;
	rc->proj.rate = (int64_t)llround(v * 100);
	rc->proj.rate_at = jx__rc_line(rc, t, s->origin);
	return rc->proj.rate_at < 0 ? rc->proj.rate_at : 0;
}

/* 分值 and 得分 of the 年度资金总额 row: the fund row's weight and score. */
static int fund_points(jx__rc *rc, const jx_doc_table *t, size_t r, const int col[F_NCOLS])
{
	jx__rc_project *p = &rc->proj;
	const jx_doc_cell *w = col[F_WEIGHT] >= 0 ? jx_doc_table_slot(t, r, (size_t)col[F_WEIGHT])
						  : NULL;
	const jx_doc_cell *s = col[F_SCORE] >= 0 ? jx_doc_table_slot(t, r, (size_t)col[F_SCORE])
						 : NULL;
	int kind;
	p->fund_weight = p->fund_score = NAN;
	if (!w || (kind = jx__cell_number(w->text, &p->fund_weight)) != JX__NUM_OK) {
		p->fund_weight = NAN;
		return 0; /* no 分值 (or "/"): the fund row is not scored */
	}
	if (!(p->fund_weight > 0))
		return jx__rc_fail(rc, t, w->origin, _("分值 of the fund row must be above 0"));
	if (s && (kind = jx__cell_number(s->text, &p->fund_score)) != JX__NUM_OK) {
		p->fund_score = NAN;
		if (kind != JX__NUM_EMPTY && kind != JX__NUM_DASH)
			return jx__rc_fail(rc, t, s->origin,
					   _("得分 '%s' of the fund row is not a "
					     "number"),
					   s->text);
	}
	if (p->fund_score > p->fund_weight + 1e-6)
		return jx__rc_fail(rc, t, s->origin,
				   _("得分 %s of the fund row is above its 分值 %s"), s->text,
				   w->text);
	p->fund_at = jx__rc_line(rc, t, (s ? s : w)->origin);
	return p->fund_at < 0 ? p->fund_at : 0;
}

/* "（万元）" / "（元）" in the fund header row or the row above: the block's unit. */
static int fund_unit_wan(const jx_doc_table *t, size_t r)
{
	for (size_t k = r > 0 ? r - 1 : 0; k <= r; k++)
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = jx_doc_table_text(t, k, c);
			if (strstr(s, "万元"))
				return 1;
			if (strstr(s, "元)") || strstr(s, "元）") || strstr(s, "单位：元"))
				return 0;
		}
	return 1; /* the template's unit */
}

/* The rows under a fund header at r: amounts, rate and points. */
static int fund_block(jx__rc *rc, const jx_doc_table *t, size_t r, const int col[F_NCOLS])
{
	jx__rc_project *p = &rc->proj;
	int first = col[F_START] >= 0    ? col[F_START]
		    : col[F_BUDGET] >= 0 ? col[F_BUDGET]
					 : col[F_EXECUTED];
	static const char *const what[3] = {"年初预算数", "全年预算数", "全年执行数"};
	int e = 0;
	p->has_fund = 1;
	p->wan = fund_unit_wan(t, r);
	for (size_t k = r + 1; k < t->nrows && k <= r + 6 && e == 0; k++) {
		int kind = fund_row_kind(t, k, first);
		if (kind < 0)
			break;
		for (int m = 0; m < 3 && e == 0; m++)
			if (col[m] >= 0)
				e = money_cell(rc, t, k, col[m], what[m], &p->money[kind][m]);
		if (kind == 0) {
			p->fund_table = t;
			p->fund_origin = jx_doc_table_slot(t, k, (size_t)first)->origin;
		}
		if (kind == 0 && e == 0 && col[F_RATE] >= 0)
			e = rate_cell(rc, t, k, col[F_RATE]);
		if (kind == 0 && e == 0)
			e = fund_points(rc, t, k, col);
	}
	return e;
}

/* The fund block in any table: its header row's columns, then its rows. */
static int find_fund_block(jx__rc *rc)
{
	int col[F_NCOLS], e = 0;
	for (size_t i = 0; i < rc->doc->nblocks; i++) {
		const jx_doc_table *t = rc->doc->blocks[i].table;
		size_t stop;
		if (rc->doc->blocks[i].kind != JX_BLOCK_TABLE)
			continue;
		stop = t == rc->table ? rc->head.row : t->nrows;
		for (size_t r = 0; r < stop; r++) {
			if ((e = fund_header(t, r, col)) < 0)
				return e;
			if (e)
				return fund_block(rc, t, r, col);
		}
	}
	return 0;
}

/* 年度总体目标: the texts under the 预期目标 and 实际完成情况 headers. */
static int goal_texts(jx__rc *rc, const jx_doc_table *t, size_t stop)
{
	for (size_t r = 0; r + 1 < stop; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			char *n = own_norm(t, r, c), **field = NULL;
			const char *below;
			if (!n)
				return jx__oom();
			if (!strcmp(n, "预期目标"))
				field = &rc->proj.goal;
			else if (!strcmp(n, "实际完成情况"))
				field = &rc->proj.outcome;
			free(n);
			below = field ? jx_doc_table_text(t, r + 1, c) : "";
			if (field && !*field && *below && !(*field = jx__strdup(below)))
				return jx__oom();
		}
	return 0;
}

static int names_project_table(const char *text)
{
	return (strstr(text, "项目支出绩效自评表") || strstr(text, "项目绩效自评表")) &&
	       jx__utf8_count(text) <= 60 && !strstr(text, "。");
}

/* The department a project table belongs to: the 实施单位, else the 主管部门; the title's
 * department is dropped when it is the title's own words ("2023年度项目支出…"). */
static int project_department(jx__rc *rc)
{
	jx__rc_project *p = &rc->proj;
	const char *unit = p->implementer ? p->implementer : p->supervisor;
	if (!unit) {
		if (rc->dept && strstr(rc->dept, "项目")) {
			free(rc->dept);
			rc->dept = NULL;
		}
		return 0;
	}
	free(rc->dept);
	if (!(rc->dept = jx__strdup(unit)))
		return jx__oom();
	rc->dept_at = p->implementer ? p->implementer_at : p->supervisor_at;
	return 0;
}

int jx__rc_read_project(jx__rc *rc)
{
	jx__rc_project *p = &rc->proj;
	const jx__rp_doc *d = &rc->rp[0];
	int e = 0;
	p->rate = -1;
	p->fund_weight = p->fund_score = NAN;
	for (int i = 0; i < 4; i++)
		for (int m = 0; m < 3; m++)
			p->money[i][m] = -1;
	for (size_t i = 0; i < rc->doc->nblocks && e == 0; i++) {
		const jx_doc_table *t = rc->doc->blocks[i].table;
		if (rc->doc->blocks[i].kind != JX_BLOCK_TABLE)
			continue;
		/* a label row right above the indicator header may have been taken into it */
		e = labels_in_table(rc, t,
				    t == rc->table ? rc->head.row + rc->head.nrows : t->nrows);
		if (e == 0)
			e = goal_texts(rc, t, t == rc->table ? rc->head.row : t->nrows);
	}
	if (e == 0)
		e = labels_in_paragraphs(rc);
	if (e == 0)
		e = find_fund_block(rc);
	if (e)
		return e;
	p->is_project = p->name != NULL;
	if (!p->is_project && d->title < d->nlines && names_project_table(d->lines[d->title].fold))
		return jx__rc_fail(
			rc, NULL, jx_doc_table_slot(rc->table, 0, 0)->origin,
			_("this is a 项目支出绩效自评表 but no 项目名称 names the project"));
	if (p->is_project)
		e = project_department(rc);
	return e;
}

/* ---- onto the records ---- */

static const char *const figure_item[4][3] = {
	{"project_budget_start", "project_budget", "project_executed"},
	{"project_fiscal_budget_start", "project_fiscal_budget", "project_fiscal_executed"},
	{"project_carryover_budget_start", "project_carryover_budget",
	 "project_carryover_executed"},
	{"project_other_budget_start", "project_other_budget", "project_other_executed"}};

/* The fund block as the project's figures (rp[0].figs, made anew for the project). */
static int project_figures(jx__rc *rc)
{
	jx__rc_project *p = &rc->proj;
	jx_figures *f = jx_figures_new_project(rc->dept, rc->year, p->name);
	int e = 0;
	if (!f)
		return jx__oom();
	f->provenance = rc->prov;
	for (int i = 0; i < 4 && e == 0; i++)
		for (int m = 0; m < 3 && e == 0; m++)
			if (p->money[i][m] >= 0)
				e = jx_figures_set(f, figure_item[i][m], p->money[i][m],
						   p->fund_at);
	if (e == 0 && p->rate >= 0)
		e = jx_figures_set(f, "project_execution_rate", p->rate, p->rate_at);
	if (e) {
		jx_figures_free(f);
		return e;
	}
	jx_figures_free(rc->rp[0].figs);
	rc->rp[0].figs = f;
	return 0;
}

/* A stated 执行率 that is not 全年执行数 ÷ 全年预算数 (to 0.01%): a warning. */
static int check_rate(jx__rc *rc, jx__rp_doc *d)
{
	const jx__rc_project *p = &rc->proj;
	int64_t computed;
	char a[32], b[32];
	if (p->rate < 0 || p->money[0][1] <= 0 || p->money[0][2] < 0)
		return 0;
	computed = (int64_t)llround((double)p->money[0][2] * 10000.0 / (double)p->money[0][1]);
	if (llabs(computed - p->rate) <= 1)
		return 0;
	jx_cents_format(a, sizeof(a), p->rate);
	jx_cents_format(b, sizeof(b), computed);
	return jx__rp_warn(
		d, p->rate_at,
		_("执行率 %s%% differs from 全年执行数 / 全年预算数 = %s%%; the analysis uses "
		  "the amounts"),
		a, b);
}

/* The fund row (分值 and 得分 of 年度资金总额) as the evaluation's first row. */
static int fund_row(jx__rc *rc, jx__rp_doc *d)
{
	const jx__rc_project *p = &rc->proj;
	jx_indicator *row;
	if (isnan(p->fund_weight))
		return 0;
	row = jx_evaluation_add_row(d->ev, JX_FUND_LEVEL1, JX_FUND_LEVEL2, JX_FUND_LEVEL3, "",
				    p->fund_weight, p->fund_score,
				    isnan(p->fund_score) ? JX_ORIGIN_MISSING : JX_ORIGIN_STATED,
				    p->fund_at);
	if (!row)
		return JX_ENOMEM;
	if (!d->ev->line)
		d->ev->line = p->fund_at;
	return 0;
}

int jx__rc_project_records(jx__rc *rc)
{
	jx__rc_project *p = &rc->proj;
	int e = 0;
	for (int k = 0; k < JX__RC_KINDS && e == 0; k++) {
		jx_evaluation *ev = rc->rp[k].ev;
		if (!ev)
			continue;
		if (p->is_project && (jx_evaluation_set_project(ev, p->name) ||
				      jx_evaluation_set_text(&ev->supervisor, p->supervisor) ||
				      jx_evaluation_set_text(&ev->implementer, p->implementer) ||
				      jx_evaluation_set_text(&ev->goal, p->goal) ||
				      jx_evaluation_set_text(&ev->outcome, p->outcome)))
			return JX_ENOMEM;
		e = fund_row(rc, &rc->rp[k]);
	}
	if (e == 0 && p->is_project)
		e = project_figures(rc);
	if (e == 0)
		e = check_rate(rc, &rc->rp[0]);
	return e;
}

/* "1200000 元" of an amount, "—" when not stated. */
static const char *amount(char *buf, size_t size, int64_t cents)
{
	if (cents < 0)
		return "—";
	jx_cents_format(buf, size - 4, cents);
	strcat(buf, " 元");
	return buf;
}

void jx__rc_trace_project(jx__rc *rc)
{
	const jx__rc_project *p = &rc->proj;
	char at[128], a[3][40], r[32];
	if (p->is_project)
		jx__rc_trace(
			rc,
			_("  项目名称 → %s; 主管部门 %s, 实施单位 %s; the evaluation's department: "
			  "%s\n"),
			p->name, p->supervisor ? p->supervisor : "—",
			p->implementer ? p->implementer : "—", rc->dept ? rc->dept : "—");
	if (!p->fund_table)
		return;
	jx__rc_place_text(rc, p->fund_table, p->fund_origin, 0, at, sizeof(at));
	for (int m = 0; m < 3; m++)
		amount(a[m], sizeof(a[m]), p->money[0][m]);
	if (p->rate >= 0) {
		jx_cents_format(r, sizeof(r) - 1, p->rate);
		strcat(r, "%");
	} else {
		strcpy(r, "—");
	}
	jx__rc_trace(rc,
		     _("  %s: 年度资金总额 (the table in %s): 年初预算数 %s, 全年预算数 %s, "
		       "全年执行数 %s, "
		       "执行率 %s\n"),
		     at, p->wan ? "万元" : "元", a[0], a[1], a[2], r);
	if (!isnan(p->fund_weight))
		jx__rc_trace(rc, _("  the fund row: 分值 %g, 得分 %g\n"), p->fund_weight,
			     p->fund_score);
	else
		jx__rc_trace(rc, "  %s\n", _("no 分值 for the fund block: no fund row"));
}

void jx__rc_project_clear(jx__rc_project *p)
{
	free(p->name);
	free(p->supervisor);
	free(p->implementer);
	free(p->goal);
	free(p->outcome);
	memset(p, 0, sizeof(*p));
}
