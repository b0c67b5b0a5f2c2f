/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx.c -- the Excel/WPS workbook: scores, compare, weak, figures, projects, totals,
 * evaluations (libxlsxwriter).
 *
 * Each analysis sheet is filled from the same jx_table the analysis
 * command prints (with its department column), column by column through a
 * small spec (CSV column name → Chinese header and number format), so the
 * workbook holds exactly the numbers of `jixiao compare|weak|figures
 * --format csv`. Numbers are written as numbers (rates as fractions with
 * a percent format), missing values as empty cells.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "export/internal.h"

#define put_text(x, s, c, text) jx__xsheet_text(x, s, c, text)
#define put_number(x, s, c, v, kind) jx__xsheet_number(x, s, c, v, kind)

/* "new,persistent" → "新增扣分、持续扣分" (the codes of jx_weak_rules_format). */
static void rules_zh(char *buf, size_t size, const char *rules)
{
	static const char *const codes[][2] = {
		{"new", "新增扣分"},          {"persistent", "持续扣分"}, {"large", "扣分占比大"},
		{"low_rate", "平均得分率低"}, {"falling", "显著下降"},    {"resolved", "已改善"}};
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(codes) / sizeof(*codes); i++)
		if (strstr(rules, codes[i][0]))
			snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", buf[0] ? "、" : "",
				 codes[i][1]);
}

static void put_label(xbook *x, xsheet *s, size_t c, const char *column, const char *code)
{
	static const char *const levels[][2] = {{"total", "合计"},
						{"1", "一级"},
						{"2", "二级"},
						{"3", "三级"}};
	char buf[128];
	const char *text = code;
	if (!strcmp(column, "level")) {
		for (size_t i = 0; i < 4; i++)
			if (!strcmp(code, levels[i][0]))
				text = levels[i][1];
	} else if (!strcmp(column, "status")) {
		for (int st = JX_CMP_IMPROVED; st <= JX_CMP_UNKNOWN; st++)
			if (!strcmp(code, jx_compare_status_name((jx_compare_status)st)))
				text = jx_compare_status_label((jx_compare_status)st);
	} else if (!strcmp(column, "rules")) {
		rules_zh(buf, sizeof(buf), code);
		text = buf;
	} else if (!strcmp(column, "kind")) {
		jx_kind k;
		if (jx_kind_parse(code, &k) == 0)
			text = jx_kind_label(k);
	} else if (!strcmp(column, "provenance")) {
		jx_provenance p;
		if (jx_provenance_parse(code, &p) == 0)
			text = jx_provenance_label(p);
	} else if (!strcmp(column, "growth_warning")) {
		text = !strcmp(code, "yes") ? "预警" : !strcmp(code, "no") ? "未超过" : "";
	}
	put_text(x, s, c, text);
}

/* Rows of t into the sheet, by column name; year_from/to fill "@from"/"@to". */
static void put_table(xbook *x, xsheet *s, const jx_table *t, int year_from, int year_to)
{
	int idx[32];
	for (size_t c = 0; c < s->ncols && c < 32; c++)
		idx[c] = s->cols[c].name[0] == '@' ? -1 : jx_table_find_column(t, s->cols[c].name);
	for (size_t r = 0; r < jx_table_rows(t); r++, jx__xsheet_next(s)) {
		jx__xsheet_row(x, s);
		for (size_t c = 0; c < s->ncols && c < 32; c++) {
			const xcol *col = &s->cols[c];
			if (col->name[0] == '@')
				put_number(x, s, c,
					   !strcmp(col->name, "@from") ? year_from : year_to,
					   X_INT);
			else if (idx[c] < 0)
				continue;
			else if (col->kind == X_TEXT)
				put_text(x, s, c, jx_table_cell(t, r, (size_t)idx[c]));
			else if (col->kind == X_LABEL)
				put_label(x, s, c, col->name, jx_table_cell(t, r, (size_t)idx[c]));
			else
				put_number(x, s, c, jx_table_number(t, r, (size_t)idx[c]),
					   col->kind);
		}
	}
}

/* ---- scores: one row per indicator and year, straight from the store ---- */

static const xcol score_cols[] = {{"department", "部门", X_TEXT},
				  {"year", "年度", X_INT},
				  {"kind", "类型", X_TEXT},
				  {"level1", "一级指标", X_TEXT},
				  {"level2", "二级指标", X_TEXT},
				  {"level3", "三级指标", X_TEXT},
				  {"weight", "权重", X_NUM},
				  {"score", "得分", X_NUM},
				  {"rate", "得分率", X_PCT},
				  {"lost", "扣分", X_NUM},
				  {"origin", "得分来源", X_TEXT},
				  {"provenance", "数据性质", X_TEXT},
				  {"explanation", "指标解释", X_TEXT},
				  {"level1_weight", "一级指标分值", X_NUM}};

static const char *origin_zh(jx_origin o)
{
	return o == JX_ORIGIN_INFERRED ? "推算" : o == JX_ORIGIN_MISSING ? "缺失" : "原文";
}

static void score_rows(xbook *x, xsheet *s, const jx_evaluation *ev)
{
	for (size_t i = 0; i < ev->nrows; i++, jx__xsheet_next(s)) {
		const jx_indicator *in = &ev->rows[i];
		jx__xsheet_row(x, s);
		put_text(x, s, 0, ev->department);
		put_number(x, s, 1, ev->year, X_INT);
		put_text(x, s, 2, jx_kind_label(ev->kind));
		put_text(x, s, 3, in->level1);
		put_text(x, s, 4, in->level2);
		put_text(x, s, 5, in->level3);
		put_number(x, s, 6, in->weight, X_NUM);
		put_number(x, s, 7, in->score, X_NUM);
		put_number(x, s, 8, in->score / in->weight, X_PCT);
		put_number(x, s, 9, round((in->weight - in->score) * 100) / 100, X_NUM);
		put_text(x, s, 10, origin_zh(in->origin));
		put_text(x, s, 11, jx_provenance_label(ev->provenance));
		put_text(x, s, 12, in->explanation);
		put_number(x, s, 13, in->level1_weight, X_NUM);
	}
}

typedef void (*xrows)(xbook *x, xsheet *s, const jx_evaluation *ev);

/* A sheet filled from each stored evaluation in turn (scores, evaluations). */
static int stored_sheet(xbook *x, jx_store *st, const jx_eval_summary *evs, size_t n,
			const char *name, const xcol *cols, size_t ncols, xrows rows)
{
	xsheet s;
	int rc = 0;
	jx__xsheet_start(x, &s, name, cols, ncols);
	for (size_t i = 0; i < n && rc == 0; i++) {
		jx_evaluation *ev = NULL;
		if ((rc = jx_store_load_evaluation(st, &ev, evs[i].department, evs[i].year,
						   evs[i].kind)) == 0)
			rows(x, &s, ev);
		jx_evaluation_free(ev);
	}
	jx__xsheet_end(x, &s);
	return rc;
}

static int scores_sheet(xbook *x, jx_store *st, const jx_eval_summary *evs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (evs[i].provenance == JX_PROV_SYNTHETIC)
			x->nsynthetic++;
		else
			x->nreal++;
	return stored_sheet(x, st, evs, n, "scores", score_cols,
			    sizeof(score_cols) / sizeof(*score_cols), score_rows);
}

/* ---- analysis sheets, one department at a time ---- */

static const xcol compare_cols[] = {{"department", "部门", X_TEXT},
				    {"level", "层级", X_LABEL},
				    {"level1", "一级指标", X_TEXT},
				    {"level2", "二级指标", X_TEXT},
				    {"level3", "三级指标", X_TEXT},
				    {"@from", "上年度", X_INT},
				    {"@to", "本年度", X_INT},
				    {"weight_from", "上年度权重", X_NUM},
				    {"score_from", "上年度得分", X_NUM},
				    {"rate_from", "上年度得分率", X_PCT},
				    {"weight_to", "本年度权重", X_NUM},
				    {"score_to", "本年度得分", X_NUM},
				    {"rate_to", "本年度得分率", X_PCT},
				    {"delta_rate_pp", "得分率变动（百分点）", X_PP},
				    {"delta_points", "得分变动", X_NUM},
				    {"status", "状态", X_LABEL}};

static const xcol weak_cols[] = {{"department", "部门", X_TEXT},
				 {"level1", "一级指标", X_TEXT},
				 {"level2", "二级指标", X_TEXT},
				 {"level3", "三级指标", X_TEXT},
				 {"rules", "触发规则", X_LABEL},
				 {"deducted_years", "窗口内扣分年数", X_INT},
				 {"window_years", "窗口内评价年数", X_INT},
				 {"mean_rate", "窗口平均得分率", X_PCT},
				 {"points_lost", "窗口扣分", X_NUM},
				 {"slope", "得分率斜率（每年）", X_PCT},
				 {"p_value", "p值", X_P},
				 {"evidence", "证据（年 得分率 (扣分)）", X_TEXT}};

static const xcol figure_cols[] = {{"department", "部门", X_TEXT},
				   {"year", "年度", X_INT},
				   {"budget_total", NULL, X_MONEY},
				   {"budget_basic", NULL, X_MONEY},
				   {"budget_project", NULL, X_MONEY},
				   {"income_total", NULL, X_MONEY},
				   {"expenditure_total", NULL, X_MONEY},
				   {"expenditure_basic", NULL, X_MONEY},
				   {"expenditure_project", NULL, X_MONEY},
				   {"execution_rate", "预算执行率", X_PCT},
				   {"basic_share", "基本支出占比", X_PCT},
				   {"project_share", "项目支出占比", X_PCT},
				   {"budget_growth", "预算增长率", X_PCT},
				   {"income_growth", "收入增长率", X_PCT},
				   {"expenditure_growth", "支出增长率", X_PCT},
				   {"mean_expenditure_growth", "近年平均支出增长", X_PCT},
				   {"growth_warning", "增长预警", X_LABEL}};

static const xcol project_cols[] = {{"department", "部门", X_TEXT},
				    {"project", "项目", X_TEXT},
				    {"year", "年度", X_INT},
				    {"total_score", "总分", X_NUM},
				    {"total_weight", "总权重", X_NUM},
				    {"rate", "得分率", X_PCT},
				    {"grade", "等级", X_TEXT},
				    {"budget", "全年预算数（万元）", X_MONEY},
				    {"executed", "全年执行数（万元）", X_MONEY},
				    {"execution_rate", "预算执行率", X_PCT},
				    {"targets", "绩效指标数", X_INT},
				    {"met", "达成", X_INT},
				    {"missed", "未达成", X_INT},
				    {"unknown", "无法判断", X_INT},
				    {"missed_targets", "未达成指标及部门说明的原因", X_TEXT}};

typedef struct {
	xsheet compare, weak, figures, projects;
	jx_analysis_options o;
} xanalysis;

/* The department's project-years (`jixiao projects --format csv`), when it has any. */
static int project_rows(xbook *x, xanalysis *a, jx_store *st, const char *dept)
{
	jx_projects_result *r = NULL;
	jx_table *t = NULL;
	int rc = jx_projects_compute(&r, st, dept, &a->o);
	if (rc == 0 && (rc = jx_projects_table(&t, r, JX_PROJECTS_YEARS, &a->o)) == 0)
		put_table(x, &a->projects, t, 0, 0);
	jx_table_free(t);
	jx_projects_result_free(r);
	return rc == JX_ENOTFOUND ? 0 : rc;
}

static int department_sheets(xbook *x, xanalysis *a, jx_store *st, const char *dept)
{
	jx_series *s = NULL;
	jx_compare_result *cmp = NULL;
	jx_weak_result *weak = NULL;
	jx_funds_result *funds = NULL;
	jx_table *t = NULL;
	int rc = jx_store_series(st, &s, dept, a->o.kind, a->o.year_from, a->o.year_to);
	if (rc == JX_ENOTFOUND)
		goto figures;
	if (rc)
		goto out;
	if (s->nyears >= 2) {
		int from = s->years[s->nyears - 2].year, to = s->years[s->nyears - 1].year;
		if ((rc = jx_compare_compute(&cmp, s, from, to, &a->o)) ||
		    (rc = jx_compare_table(&t, cmp, &a->o)))
			goto out;
		put_table(x, &a->compare, t, from, to);
		jx_table_free(t);
		t = NULL;
	}
	if ((rc = jx_weak_compute(&weak, s, &a->o)) || (rc = jx_weak_table(&t, weak, &a->o)))
		goto out;
	put_table(x, &a->weak, t, 0, 0);
	jx_table_free(t);
	t = NULL;
figures:
	rc = jx_funds_load(&funds, st, dept, &a->o);
	if (rc == 0 && (rc = jx_funds_table(&t, funds, &a->o)) == 0)
		put_table(x, &a->figures, t, 0, 0);
	if (rc == JX_ENOTFOUND)
		rc = 0;
	if (rc == 0)
		rc = project_rows(x, a, st, dept);
out:
	jx_table_free(t);
	jx_funds_result_free(funds);
	jx_weak_result_free(weak);
	jx_compare_result_free(cmp);
	jx_series_free(s);
	if (rc == 0)
		jx_error_clear();
	return rc;
}

static int analysis_sheets(xbook *x, jx_store *st, const jx_filter *f, const jx_eval_summary *evs,
			   size_t n)
{
	xanalysis a;
	int rc = 0;
	jx_analysis_options_init(&a.o);
	a.o.year_from = f->year_from;
	a.o.year_to = f->year_to;
	a.o.kind = f->kind == JX_KIND_REVIEW ? JX_KIND_REVIEW : JX_KIND_SELF;
	a.o.with_department = 1;
	jx__xsheet_start(x, &a.compare, "compare", compare_cols,
			 sizeof(compare_cols) / sizeof(*compare_cols));
	jx__xsheet_start(x, &a.weak, "weak", weak_cols, sizeof(weak_cols) / sizeof(*weak_cols));
	jx__xsheet_start(x, &a.figures, "figures", figure_cols,
			 sizeof(figure_cols) / sizeof(*figure_cols));
	jx__xsheet_start(x, &a.projects, "projects", project_cols,
			 sizeof(project_cols) / sizeof(*project_cols));
	for (size_t i = 0; i < n && rc == 0; i++)
		if (i == 0 || strcmp(evs[i].department, evs[i - 1].department))
			rc = department_sheets(x, &a, st, evs[i].department);
	jx__xsheet_end(x, &a.compare);
	jx__xsheet_end(x, &a.weak);
	jx__xsheet_end(x, &a.figures);
	jx__xsheet_end(x, &a.projects);
	return rc;
}

/* ---- totals: one row per evaluation, as `jixiao list` (unknown totals stay empty) ---- */

static const xcol total_cols[] = {
	{"department", "部门", X_TEXT},     {"year", "年度", X_INT},
	{"kind", "类型", X_LABEL},          {"total_weight", "总权重", X_NUM},
	{"total_score", "总得分", X_NUM},   {"grade", "等级", X_TEXT},
	{"deducted", "扣分", X_NUM},        {"scored_weight", "有得分的权重", X_NUM},
	{"provenance", "数据性质", X_LABEL}};

static int totals_sheet(xbook *x, const jx_eval_summary *evs, size_t n)
{
	jx_table *t = NULL;
	xsheet s;
	int rc = jx_evaluation_list_table(&t, evs, n);
	if (rc)
		return rc;
	jx__xsheet_start(x, &s, "totals", total_cols, sizeof(total_cols) / sizeof(*total_cols));
	put_table(x, &s, t, 0, 0);
	jx__xsheet_end(x, &s);
	jx_table_free(t);
	return 0;
}

/* ---- evaluations: what each evaluation states besides its rows (import reads it back) ---- */

static const xcol evaluation_cols[] = {{"department", "部门", X_TEXT},
				       {"year", "年度", X_INT},
				       {"kind", "类型", X_TEXT},
				       {"provenance", "数据性质", X_TEXT},
				       {"total_weight", "合计分值（原文）", X_NUM},
				       {"total_score", "合计得分（原文）", X_NUM},
				       {"self_score", "自评得分（原文）", X_NUM},
				       {"problems", "存在问题及原因分析", X_TEXT},
				       {"suggestions", "有关建议", X_TEXT},
				       {"conclusion", "评价结论", X_TEXT},
				       {"functions", "部门主要职能", X_TEXT},
				       {"staffing", "人员情况", X_TEXT}};

static void evaluation_row(xbook *x, xsheet *s, const jx_evaluation *ev)
{
	jx__xsheet_row(x, s);
	put_text(x, s, 0, ev->department);
	put_number(x, s, 1, ev->year, X_INT);
	put_text(x, s, 2, jx_kind_label(ev->kind));
	put_text(x, s, 3, jx_provenance_label(ev->provenance));
	put_number(x, s, 4, ev->total_weight, X_NUM);
	put_number(x, s, 5, ev->total_score, X_NUM);
	put_number(x, s, 6, ev->self_score, X_NUM);
	put_text(x, s, 7, ev->problems);
	put_text(x, s, 8, ev->suggestions);
	put_text(x, s, 9, ev->conclusion);
	put_text(x, s, 10, ev->functions);
	put_text(x, s, 11, ev->staffing);
	jx__xsheet_next(s);
}

static int evaluations_sheet(xbook *x, jx_store *st, const jx_eval_summary *evs, size_t n)
{
	return stored_sheet(x, st, evs, n, "evaluations", evaluation_cols,
			    sizeof(evaluation_cols) / sizeof(*evaluation_cols), evaluation_row);
}

/* "scores（1048575 行）、scores_2（12 行）、compare（3 行）…": every sheet and its rows. */
static char *sheet_list(const xbook *x)
{
	char *list = malloc(x->nparts * 64 + 1), *p = list;
	if (!list)
		return NULL;
	*p = '\0';
	for (size_t i = 0; i < x->nparts; i++)
		p += sprintf(p, "%s%s（%zu 行）", i ? "、" : "", x->parts[i].title,
			     x->parts[i].rows);
	return list;
}

static void about_sheet(xbook *x, const jx_filter *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "about");
	char years[64], counts[128], cut[160], *sheets = sheet_list(x);
	const char *rows[][2] = {
		{"内容", "scores：每个三级指标每年一行；compare：各部门最近两个评价年度的对比；"
			 "weak：薄弱指标及依据（含已改善的指标）；figures：预算、决算与执行；"
			 "projects：各项目每年的总分、预算执行率和未达成的绩效目标及原因；"
			 "totals：每份评价的总分与等级（有缺失得分的评价总分未知、不评等级）；"
			 "evaluations：每份评价原文所写的合计、自评得分和文字部分。"
			 "本工作簿可由 jixiao import 导回"},
		{"部门", f->department ? f->department : "全部"},
		{"年度", years},
		{"评价", counts},
		{"数据性质", x->nsynthetic
				     ? "含合成数据（虚构，不是真实报告） / contains synthetic data"
				     : "全部为真实报告的数据"},
		{"生成", "jixiao " JX_VERSION "；计算方法见 docs/methods.md"},
		{"工作表", sheets ? sheets : ""},
		{"截断", cut}};
	size_t nrows = sizeof(rows) / sizeof(*rows) - (x->ncut ? 0 : 1);
	if (!ws || !sheets) {
		jx__xbook_check(x, NULL, LXW_ERROR_MEMORY_MALLOC_FAILED);
		free(sheets);
		return;
	}
	if (f->year_from || f->year_to)
		snprintf(years, sizeof(years), "%d–%d", f->year_from, f->year_to);
	else
		snprintf(years, sizeof(years), "全部");
	snprintf(counts, sizeof(counts), "%zu 份（真实 %zu，合成 %zu）", x->nreal + x->nsynthetic,
		 x->nreal, x->nsynthetic);
	snprintf(cut, sizeof(cut),
		 "%zu 个单元格超过 Excel 的 32,767 字符，已截断并标以“%s”（第一个在 %s）", x->ncut,
		 JX_XLSX_CUT_MARK, x->cut_at);
	for (size_t i = 0; i < nrows; i++) {
		jx__xbook_check(x, NULL,
				worksheet_write_string(ws, (lxw_row_t)i, 0, rows[i][0], x->head));
		jx__xbook_check(x, NULL,
				worksheet_write_string(ws, (lxw_row_t)i, 1, rows[i][1], x->note));
	}
	jx__xbook_check(x, NULL, worksheet_set_column(ws, 0, 0, 12, NULL));
	jx__xbook_check(x, NULL, worksheet_set_column(ws, 1, 1, 90, NULL));
	free(sheets);
}

lxw_workbook *jx__xbook_open(const char *temp_path)
{
	const char *slash = strrchr(temp_path, '/');
	char *dir = slash ? jx__strndup(temp_path,
					(size_t)(slash - temp_path + (slash == temp_path)))
			  : jx__strdup(".");
	lxw_workbook_options opt = {LXW_TRUE, dir, LXW_TRUE};
	lxw_workbook *wb = dir ? workbook_new_opt(temp_path, &opt) : NULL;
	free(dir); /* workbook_new_opt keeps a copy */
	return wb;
}

static void summarise(jx_xlsx_summary *out, const xbook *x)
{
	memset(out, 0, sizeof(*out));
	out->cells_cut = x->ncut;
	snprintf(out->first_cut, sizeof(out->first_cut), "%s", x->cut_at);
	for (size_t i = 0; i < x->nparts; i++)
		if (!strncmp(x->parts[i].title, "scores", 6) &&
		    (!x->parts[i].title[6] || x->parts[i].title[6] == '_')) {
			out->scores_rows += x->parts[i].rows;
			out->scores_sheets++;
		}
}

/* The sheets, then close: 0 or the first error (libxlsxwriter's, with the sheet). */
/* The sheets are in lang, the messages in the caller's language (back before closing). */
static int fill(xbook *x, jx_store *st, const char *path, const jx_filter *f,
		const jx_eval_summary *evs, size_t n, jx_lang lang)
{
	jx_lang caller = jx_i18n_lang();
	int rc;
	jx__xbook_formats(x);
	jx_i18n_set(lang);
	if ((rc = scores_sheet(x, st, evs, n)) == 0 &&
	    (rc = analysis_sheets(x, st, f, evs, n)) == 0 && (rc = totals_sheet(x, evs, n)) == 0 &&
	    (rc = evaluations_sheet(x, st, evs, n)) == 0)
		about_sheet(x, f);
	jx_i18n_set(caller);
	return jx__xbook_close(x, path, rc);
}

int jx__xbook_close(xbook *x, const char *path, int rc)
{
	lxw_error err = workbook_close(x->wb);
	if (rc == 0 && x->err != LXW_NO_ERROR)
		rc = jx__error(JX_EIO, _("%s: the workbook could not be written (sheet %s: %s)"),
			       path, x->err_sheet, lxw_strerror(x->err));
	else if (rc == 0 && err != LXW_NO_ERROR)
		rc = jx__error(JX_EIO, _("%s: the workbook could not be written (%s)"), path,
			       lxw_strerror(err));
	return rc;
}

int jx_xlsx_write(jx_xlsx_summary *out, jx_store *st, const char *path, const jx_filter *f,
		  jx_lang lang)
{
	jx_filter all = {NULL, 0, 0, -1, NULL};
	jx_eval_summary *evs = NULL;
	jx_output *o = NULL;
	size_t n = 0;
	xbook x;
	int rc;

	memset(&x, 0, sizeof(x));
	if (out)
		memset(out, 0, sizeof(*out));
	if ((rc = jx_output_open(&o, path)) != 0)
		return rc;
	f = f ? f : &all;
	if ((rc = jx_store_list(st, f, &evs, &n)))
		goto out;
	if (!n) {
		rc = jx__error(JX_ENOTFOUND, _("xlsx: no evaluation matches%s%s"),
			       f->department ? " department " : "",
			       f->department ? f->department : "");
		goto out;
	}
	if (!(x.wb = jx__xbook_open(jx_output_temp_path(o)))) {
		rc = jx__error(JX_EIO, _("%s: cannot start the workbook"), path);
		goto out;
	}
	if ((rc = fill(&x, st, path, f, evs, n, lang)) == 0 && out)
		summarise(out, &x);
out:
	if (rc == 0)
		rc = jx_output_commit(o);
	else
		jx_output_abort(o);
	jx_eval_summaries_free(evs, n);
	free(x.parts);
	return rc;
}

int jx_xlsx_export(jx_store *st, const char *path, const jx_filter *f, jx_lang lang)
{
	return jx_xlsx_write(NULL, st, path, f, lang);
}
