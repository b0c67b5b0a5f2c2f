/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ingest_report.c -- the report-text reader on the reference report and its variants.
 *
 * The reference is datasets/real/2023_nanjing_psb_narcotics_detachment.txt.
 * Its table is transcribed by hand below (expected[]); every variant is
 * derived from the reference inside the test (CRLF, GB18030, space-laid
 * columns, full-width forms, rows removed or changed), so the variants
 * cannot drift from it. The committed fixtures in tests/fixtures/report/ are
 * checked too, because the CLI tests use them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <iconv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jixiao.h"
#include "testutil.h"

#define SEED "datasets/real/2023_nanjing_psb_narcotics_detachment.txt"
#define NAME "report.txt"

/* The reference table, by hand: level-1, level-2, level-3, weight, score (-1 = not stated), line. */
static const struct {
	const char *l1, *l2, *l3;
	double weight, score;
	int line;
} expected[] = {
	{"部门决策", "决策机制", "决策制度的科学性", 2, 2, 140},
	{"部门决策", "决策机制", "决策流程的规范性", 2, 2, 141},
	{"部门决策", "决策机制", "决策执行监督制衡机制", 2, 2, 142},
	{"部门决策", "中长期规划", "中长期规划明确性", 2, 2, 143},
	{"部门决策", "中长期规划", "中长期规划与部门职能的匹配性", 2, 2, 144},
	{"部门决策", "年度工作计划", "年度工作计划明确性", 2, 2, 145},
	{"部门决策", "年度工作计划", "年度工作计划与部门职能的匹配性", 2, 2, 146},
	{"部门决策", "部门预算编制", "预算编制科学规范", 3, 3, 147},
	{"部门决策", "部门预算编制", "预算编制与重点工作任务的匹配性", 3, 3, 148},
	{"部门管理", "预算执行", "部门预算执行率", 2, -1, 149},
	{"部门管理", "预算执行", "专项资金执行率", 2, 2, 150},
	{"部门管理", "预算执行", "“三公”经费控制率", 2, 2, 151},
	{"部门管理", "预算执行", "预决算信息公开情况", 2, 2, 152},
	{"部门管理", "收支管理", "收支管理制度健全性", 2, 2, 153},
	{"部门管理", "收支管理", "收支管理是否按制度执行", 2, 2, 154},
	{"部门管理", "资产管理", "资产管理制度健全性", 2, 2, 155},
	{"部门管理", "资产管理", "资产管理是否按制度执行", 2, 2, 156},
	{"部门管理", "政府采购管理", "政府采购管理制度健全性", 2, 2, 158},
	{"部门管理", "政府采购管理", "政府采购管理是否按制度执行", 2, 2, 159},
	{"部门管理", "建设项目管理", "建设项目管理制度健全性", 2, 2, 160},
	{"部门管理", "建设项目管理", "建设项目管理是否按制度执行", 2, 2, 161},
	{"部门管理", "内部控制管理", "内部控制建设情况", 2, 2, 162},
	{"部门管理", "内部控制管理", "内部控制执行情况", 2, 2, 163},
	{"部门管理", "内部控制管理", "内部控制监督评价", 2, 2, 164},
	{"部门管理", "预算绩效管理", "组织管理情况", 1, 1, 165},
	{"部门管理", "预算绩效管理", "工作开展情况", 2, 1, 166},
	{"部门管理", "预算绩效管理", "绩效信息公开", 2, 2, 167},
	{"部门履职", "社会影响", "戒毒康复率", 5, 5, 168},
	{"部门履职", "打击违法犯罪", "各类毒品案件打击数量", 5, 5, 169},
	{"部门履职", "打击违法犯罪", "社会禁毒满意度", 5, 5, 170},
	{"部门履职", "社区工作", "社区戒毒社工人数", 5, 5, 171},
	{"部门履职", "强制隔离戒毒数", "强制隔离戒毒数", 5, 5, 172},
	{"履职绩效", "社会效益", "吸毒诱发相关案件增减情况", 5, 5, 173},
	{"履职绩效", "满意度", "公安队伍满意度", 5, 5, 174},
	{"可持续发展能力", "信息化建设", "信息化建设情况", 5, 5, 175},
	{"可持续发展能力", "部门创新", "部门创新情况", 5, 4, 176},
};
#define NEXPECTED (sizeof(expected) / sizeof(expected[0]))

/* Level-1 declared weights and scores as the report states them. */
static const struct {
	const char *name;
	double declared, score;
} level1[] = {
	{"部门决策", 20, 20}, {"部门管理", 35, 34},      {"部门履职", 25, 25},
	{"履职绩效", 10, 10}, {"可持续发展能力", 10, 9},
};

/* Figures as the text states them, in hundredths. */
static const struct {
	const char *item;
	int64_t cents;
	int line;
} figures[] = {
	{"budget_total", 356383, 45},       {"budget_basic", 290467, 47},
	{"budget_project", 65916, 47},      {"income_total", 390842, 51},
	{"income_fiscal", 390691, 51},      {"income_other", 151, 51},
	{"expenditure_total", 392005, 55},  {"expenditure_basic", 320343, 55},
	{"expenditure_project", 71662, 55}, {"special_funds", 82000, 59},
	{"staff_in_post", 5900, 11},        {"staff_retired", 2000, 11},
	{"auxiliary_staff", 1700, 11},      {"vehicles_quota", 1400, 11},
	{"vehicles_actual", 1400, 11},      {"self_score", 9800, 97},
};

#define assert_num(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

/* ---- helpers ---- */

static char *seed_text(size_t *len)
{
	char *t = tu_read(tu_src(SEED), len);
	assert_non_null(t);
	return t;
}

static jx_batch *read_ok(const char *data, size_t len, const jx_read_options *opts)
{
	jx_batch *b = NULL;
	jx_read_options o = opts ? *opts : jx_read_options_default();
	int rc;
	o.format = JX_INPUT_REPORT;
	rc = jx_read_buffer(&b, NAME, data, len, &o);
	if (rc != 0)
		fail_msg("unexpected error %d: %s", rc, jx_error_last());
	assert_non_null(b);
	assert_int_equal(b->nevals, 1);
	assert_int_equal(b->nfigs, 1);
	return b;
}

/* The read fails with code and a message starting "report.txt:<line>:". */
static void read_fails(const char *data, size_t len, int code, int line)
{
	jx_batch *b = NULL;
	jx_read_options o = jx_read_options_default();
	char prefix[64];
	o.format = JX_INPUT_REPORT;
	assert_int_equal(jx_read_buffer(&b, NAME, data, len, &o), code);
	assert_null(b);
	snprintf(prefix, sizeof(prefix), "%s:%d:", NAME, line);
	if (strncmp(jx_error_last(), prefix, strlen(prefix)) != 0)
		fail_msg("message '%s' does not start with '%s'", jx_error_last(), prefix);
}

/* Text with line `line` replaced by repl (NULL = removed). */
static char *with_line(const char *text, int line, const char *repl)
{
	size_t len = strlen(text), cap = len + (repl ? strlen(repl) : 0) + 2, o = 0;
	char *out = malloc(cap);
	const char *p = text;
	int no = 1;
	assert_non_null(out);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (no == line) {
			if (repl) {
				memcpy(out + o, repl, strlen(repl));
				o += strlen(repl);
				if (nl)
					out[o++] = '\n';
			}
		} else {
			memcpy(out + o, p, n + (nl != NULL));
			o += n + (nl != NULL);
		}
		p += n + (nl != NULL);
		no++;
	}
	out[o] = '\0';
	return out;
}

/* Copy of s with the first `old` replaced by `repl` (old must occur). */
static char *replaced(const char *s, const char *old, const char *repl)
{
	const char *at = strstr(s, old);
	char *out;
	assert_non_null(at);
	out = malloc(strlen(s) - strlen(old) + strlen(repl) + 1);
	assert_non_null(out);
	sprintf(out, "%.*s%s%s", (int)(at - s), s, repl, at + strlen(old));
	return out;
}

/* Line `line` of text (malloc'd, no "\n"). */
static char *line_of(const char *text, int line)
{
	const char *p = text;
	for (int no = 1; no < line; no++) {
		p = strchr(p, '\n');
		assert_non_null(p);
		p++;
	}
	return strndup(p, strcspn(p, "\n"));
}

/* text with line `line` replaced by repl fails at line `at`. */
static void fails_with_line_in(const char *text, int line, const char *repl, int at)
{
	char *t = with_line(text, line, repl);
	read_fails(t, strlen(t), JX_EPARSE, at);
	free(t);
}

/* The reference with line `line` replaced by repl fails at line `at`. */
static void fails_with_line(int line, const char *repl, int at)
{
	size_t len;
	char *text = seed_text(&len);
	fails_with_line_in(text, line, repl, at);
	free(text);
}

static int has_warning(const jx_evaluation *ev, int line, const char *part)
{
	for (size_t i = 0; i < ev->nwarnings; i++)
		if (ev->warnings[i].line == line && strstr(ev->warnings[i].message, part))
			return 1;
	return 0;
}

/* Compare names by their normalised form (full-width folded, spaces removed). */
static void assert_same_name(const char *got, const char *want)
{
	char *g = jx_name_normalize(got), *w = jx_name_normalize(want);
	if (strcmp(g, w) != 0)
		fail_msg("'%s' is not '%s'", got, want);
	free(g);
	free(w);
}

/* ---- the reference, in full ---- */

static void check_rows(const jx_evaluation *ev, int shift)
{
	assert_int_equal(ev->nrows, 36);
	for (size_t i = 0; i < NEXPECTED; i++) {
		const jx_indicator *r = &ev->rows[i];
		char *key = jx_key_make(expected[i].l1, expected[i].l2, expected[i].l3);
		assert_same_name(r->level1, expected[i].l1);
		assert_same_name(r->level2, expected[i].l2);
		assert_same_name(r->level3, expected[i].l3);
		assert_string_equal(r->key, key);
		free(key);
		assert_num(r->weight, expected[i].weight);
		assert_int_equal(r->line, expected[i].line + shift);
		if (expected[i].score < 0) {
			assert_int_equal(r->origin, JX_ORIGIN_INFERRED);
			assert_num(r->score, 2); /* 合计 98 − stated 96 */
		} else {
			assert_int_equal(r->origin, JX_ORIGIN_STATED);
			assert_num(r->score, expected[i].score);
		}
		assert_true(r->explanation[0] != '\0');
	}
}

static void check_sums(const jx_evaluation *ev)
{
	double wsum = 0, stated = 0;
	int deductions = 0;
	for (size_t i = 0; i < NEXPECTED; i++) {
		wsum += expected[i].weight;
		stated += expected[i].score < 0 ? 0 : expected[i].score;
	}
	assert_num(wsum, 100); /* the hand transcription agrees with the issue */
	assert_num(stated, 96);
	assert_num(jx_evaluation_weight_sum(ev), 100);
	assert_num(jx_evaluation_score_sum(ev), 98);
	for (size_t g = 0; g < sizeof(level1) / sizeof(level1[0]); g++) {
		double w = 0, s = 0;
		for (size_t i = 0; i < ev->nrows; i++)
			if (!strcmp(ev->rows[i].level1, level1[g].name)) {
				w += ev->rows[i].weight;
				s += ev->rows[i].score;
				assert_num(ev->rows[i].level1_weight, level1[g].declared);
			}
		assert_num(w, level1[g].declared);
		assert_num(s, level1[g].score);
	}
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *r = &ev->rows[i];
		if (r->weight - r->score > 1e-9) {
			deductions++;
			assert_num(r->weight - r->score, 1);
			assert_true((!strcmp(r->level2, "预算绩效管理") &&
				     !strcmp(r->level3, "工作开展情况")) ||
				    (!strcmp(r->level2, "部门创新") &&
				     !strcmp(r->level3, "部门创新情况")));
		}
	}
	assert_int_equal(deductions, 2);
	assert_num(ev->total_weight, 100);
	assert_num(ev->total_score, 98);
	assert_num(ev->self_score, 98);
}

static void check_figures(const jx_figures *f, int shift)
{
	assert_string_equal(f->department, "南京市公安局禁毒支队");
	assert_int_equal(f->year, 2023);
	assert_int_equal(f->nitems, sizeof(figures) / sizeof(figures[0]));
	for (size_t i = 0; i < sizeof(figures) / sizeof(figures[0]); i++) {
		int64_t v = -1;
		assert_true(jx_figures_get(f, figures[i].item, &v));
		if (v != figures[i].cents)
			fail_msg("%s: %lld, expected %lld", figures[i].item, (long long)v,
				 (long long)figures[i].cents);
		for (size_t k = 0; k < f->nitems; k++)
			if (!strcmp(f->items[k].item, figures[i].item))
				assert_int_equal(f->items[k].line, figures[i].line + shift);
	}
}

/* Section texts against the reference's own lines (names compared normalised). */
static void check_sections(const jx_evaluation *ev, const char *ref)
{
	char *l95 = line_of(ref, 95), *l97 = line_of(ref, 97), *l123 = line_of(ref, 123),
	     *l125 = line_of(ref, 125), *l129 = line_of(ref, 129), *l131 = line_of(ref, 131);
	char buf[8192];
	assert_non_null(ev->problems);
	assert_non_null(ev->suggestions);
	assert_non_null(ev->conclusion);
	snprintf(buf, sizeof(buf), "%s%s", l123, l125); /* one sentence broken by the PDF */
	assert_same_name(ev->problems, buf);
	assert_null(strchr(ev->problems, '\n'));
	snprintf(buf, sizeof(buf), "%s\n%s", l129, l131); /* two paragraphs */
	assert_same_name(ev->suggestions, buf);
	assert_non_null(strchr(ev->suggestions, '\n'));
	snprintf(buf, sizeof(buf), "%s%s", l95, l97);
	assert_same_name(ev->conclusion, buf);
	free(l95), free(l97), free(l123), free(l125), free(l129), free(l131);
}

/* Everything the issue expects from the reference report; shift = lines added above the
 * table, title_line = where the title starts. */
static void check_reference_at(const jx_batch *b, int shift, int title_line)
{
	const jx_evaluation *ev = b->evals[0];
	size_t len;
	char *ref = seed_text(&len);
	assert_string_equal(ev->department, "南京市公安局禁毒支队");
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->kind, JX_KIND_SELF);
	assert_int_equal(ev->line, title_line);
	check_rows(ev, shift);
	check_sums(ev);
	assert_int_equal(ev->nwarnings, 1);
	assert_int_equal(ev->warnings[0].line, 149 + shift);
	assert_non_null(strstr(ev->warnings[0].message, "部门预算执行率"));
	assert_non_null(strstr(ev->warnings[0].message, "inferred as 2"));
	assert_non_null(strstr(ev->warnings[0].message, "合计 98"));
	check_figures(b->figs[0], shift);
	check_sections(ev, ref);
	free(ref);
}

/* The reference with shift lines added on top (the title moves down with them). */
static void check_reference(const jx_batch *b, int shift)
{
	check_reference_at(b, shift, 3 + shift);
}

static void test_ingest_report__reference(void **state)
{
	size_t len;
	char *text = seed_text(&len);
	jx_batch *b = read_ok(text, len, NULL);
	const jx_evaluation *ev = b->evals[0];
	(void)state;
	check_reference(b, 0);
	assert_int_equal(ev->provenance, JX_PROV_REAL);
	assert_int_equal(b->figs[0]->provenance, JX_PROV_REAL);
	assert_string_equal(b->source_name, NAME);
	/* exact texts where the layout is untouched */
	assert_string_equal(tu_row_named(ev, "部门预算执行率")->explanation,
			    "部门预算执行进度情况。");
	assert_string_equal(tu_row_named(ev, "社区戒毒社工人数")->explanation,
			    "社工数与社区吸毒人员数达到 1:30");
	assert_string_equal(tu_row_named(ev, "强制隔离戒毒数")->explanation,
			    "强制隔离戒毒数与往年相比增加");
	assert_string_equal(ev->rows[0].level1, "部门决策");
	assert_true(!strncmp(ev->problems, "2023 年我支队对绩效管理存在问题", 40));
	/* 部门主要职能: its twelve items, from the first to the last */
	assert_non_null(ev->functions);
	assert_true(!strncmp(ev->functions, "（1）贯彻执行党和国家有关公安工作的方针", 50));
	assert_non_null(strstr(ev->functions, "（12）开展常见毒品的定性定量检测分析"));
	assert_null(strstr(ev->functions, "部门收支情况"));
	/* the staffing sentences, exactly; 内设机构 (the same paragraph) and 部门主要职能
	 * (the next section) are left out */
	assert_string_equal(ev->staffing,
			    "2023 年底南京市公安局禁毒支队实有在职人员 59 人，离退休人员 20 "
			    "人。另有在册警务辅助人员编制数为 17 人。公务用车编制数为 14 辆，"
			    "实有车辆数为 14 辆。");
	jx_batch_free(b);
	free(text);
}

/* ---- variants of the reference ---- */

/* The seed's staffing paragraph replaced by text (the seed's 1、部门基本情况 and its paragraph). */
static jx_batch *with_staffing(const char *text, char **seed)
{
	size_t len;
	char *base = seed_text(&len), *at = strstr(base, "1、部门基本情况"), *end, *out;
	jx_batch *b;
	assert_non_null(at);
	end = strstr(at, "主要机构。");
	assert_non_null(end);
	end += strlen("主要机构。");
	out = malloc(strlen(base) + strlen(text) + 1);
	assert_non_null(out);
	sprintf(out, "%.*s%s%s", (int)(at - base), base, text, end);
	free(base);
	b = read_ok(out, strlen(out), NULL);
	*seed = out;
	return b;
}

/* Staffing under a heading of its own (人员编制情况): its numbered paragraphs, up to the
 * first paragraph without a count of staff; 人员经费 (money) is not staffing. */
static void test_ingest_report__staffing_heading(void **state)
{
	char *text;
	jx_batch *b = with_staffing(
		"1、人员编制情况\n\n（1）编制人数 60 人，其中行政编制 40 人。基本支出中人员经费"
		" 500 万元。\n\n（2）实有人数 59 人；离退休人员 20 名。\n\n内设机构 9 个。\n\n"
		"（3）公务用车编制数为 14 辆。",
		&text);
	(void)state;
	assert_string_equal(b->evals[0]->staffing, "（1）编制人数 60 人，其中行政编制 40 人。\n"
						   "（2）实有人数 59 人；离退休人员 20 名。");
	jx_batch_free(b);
	free(text);
}

/* Bounded: at most eight sentences; a report without staffing has none (the 在职 of a
 * sentence without a count is not staffing). */
static void test_ingest_report__staffing_bounded(void **state)
{
	char *text;
	jx_batch *b = with_staffing(
		"1、部门基本情况\n\n在职人员 1 人。在职人员 2 人。在职人员 3 人。"
		"在职人员 4 人。在职人员 5 人。在职人员 6 人。在职人员 7 人。"
		"在职人员 8 人。在职人员 9 人。",
		&text);
	(void)state;
	assert_string_equal(
		b->evals[0]->staffing,
		"在职人员 1 人。在职人员 2 人。在职人员 3 人。在职人员 4 人。在职人员 5 "
		"人。在职人员 6 人。在职人员 7 人。在职人员 8 人。");
	jx_batch_free(b);
	free(text);
	b = with_staffing("1、部门基本情况\n\n在职人员已全部到岗。", &text);
	assert_null(b->evals[0]->staffing);
	jx_batch_free(b);
	free(text);
}

static char *crlf(const char *text, size_t *len)
{
	size_t n = strlen(text), o = 0;
	char *out = malloc(2 * n + 1);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n')
			out[o++] = '\r';
		out[o++] = text[i];
	}
	out[o] = '\0';
	*len = o;
	return out;
}

static char *gb18030(const char *text, size_t *len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = strlen(text), cap = 2 * inleft + 16, outleft = cap;
	char *out = malloc(cap), *in = (char *)text, *o = out;
	assert_true(cd != (iconv_t)-1);
	assert_non_null(out);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	*len = cap - outleft;
	return out;
}

/* The table (lines 139..177) laid out in columns padded with spaces, like pdftotext -layout. */
static char *spaced(const char *text)
{
	size_t width[16] = {0}, cap = strlen(text) * 4 + 1024, o = 0;
	char *out = malloc(cap);
	assert_non_null(out);
	for (int pass = 0; pass < 2; pass++) {
		const char *p = text;
		o = 0;
		for (int no = 1; *p; no++) {
			size_t n = strcspn(p, "\n"), col = 0, at = 0;
			char *line = strndup(p, n), *cell = line, *tab;
			int in_table = no >= 139 && no <= 177;
			for (;;) {
				tab = in_table ? strchr(cell, '\t') : NULL;
				if (tab)
					*tab = '\0';
				if (pass == 0 && in_table && jx_display_width(cell) > width[col])
					width[col] = jx_display_width(cell);
				if (pass == 1) {
					memcpy(out + o, cell, strlen(cell));
					o += strlen(cell);
					at += jx_display_width(cell);
					if (tab) /* pad to the column's width + 3 */
						for (; at < width[col] + 3; at++)
							out[o++] = ' ';
					at = 0;
				}
				if (!tab)
					break;
				cell = tab + 1;
				col++;
			}
			free(line);
			p += n;
			if (*p == '\n') {
				if (pass == 1)
					out[o++] = '\n';
				p++;
			}
		}
	}
	out[o] = '\0';
	return out;
}

/* Digits, parentheses, colons, '.', '%' and '/' as full-width forms everywhere. */
static char *fullwidth(const char *text)
{
	size_t n = strlen(text), o = 0;
	char *out = malloc(3 * n + 1);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((c >= '0' && c <= '9') || strchr("():.%/", c)) {
			unsigned cp = c + 0xFEE0u;
			out[o++] = (char)(0xE0 | (cp >> 12));
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return out;
}

static void test_ingest_report__crlf(void **state)
{
	size_t len, clen;
	char *text = seed_text(&len), *c = crlf(text, &clen);
	jx_batch *b;
	(void)state;
	assert_non_null(strstr(c, "\r\n"));
	b = read_ok(c, clen, NULL);
	check_reference(b, 0);
	jx_batch_free(b);
	free(c);
	free(text);
}

static void test_ingest_report__gb18030(void **state)
{
	size_t len, glen;
	char *text = seed_text(&len), *g = gb18030(text, &glen);
	jx_batch *b;
	(void)state;
	assert_false(jx_utf8_valid(g, glen, NULL)); /* really not UTF-8 any more */
	b = read_ok(g, glen, NULL);
	check_reference(b, 0);
	assert_string_equal(b->evals[0]->rows[0].explanation,
			    "部门是否建立了决策制度，决策制度是否符合上级要求，是否科学可行。");
	jx_batch_free(b);
	free(g);
	free(text);
}

static void test_ingest_report__spaces(void **state)
{
	size_t len;
	char *text = seed_text(&len), *s = spaced(text), *row149 = line_of(s, 149);
	jx_batch *b;
	(void)state;
	assert_null(strchr(row149, '\t'));
	assert_non_null(strstr(row149, "   部门管理 (35分)   ")); /* shifted, as in the original */
	b = read_ok(s, strlen(s), NULL);
	check_reference(b, 0);
	assert_string_equal(tu_row_named(b->evals[0], "社区戒毒社工人数")->explanation,
			    "社工数与社区吸毒人员数达到 1:30");
	jx_batch_free(b);
	free(row149);
	free(s);
	free(text);
}

static void test_ingest_report__fullwidth(void **state)
{
	size_t len;
	char *text = seed_text(&len), *f = fullwidth(text);
	jx_batch *b;
	(void)state;
	assert_non_null(strstr(f, "部门决策 （２０分）"));
	assert_non_null(strstr(f, "３５６３．８３"));
	b = read_ok(f, strlen(f), NULL);
	check_reference(b, 0);
	assert_string_equal(b->evals[0]->rows[0].level1, "部门决策");
	jx_batch_free(b);
	free(f);
	free(text);
}

/* ---- reconciliation ---- */

static void test_ingest_report__no_total_row(void **state)
{
	size_t len;
	char *text = seed_text(&len), *t = with_line(text, 177, NULL);
	jx_batch *b;
	const jx_evaluation *ev;
	const jx_indicator *r;
	(void)state;
	assert_null(strstr(t, "合计"));
	b = read_ok(t, strlen(t), NULL);
	ev = b->evals[0];
	assert_int_equal(ev->nrows, 36);
	r = tu_row_named(ev, "部门预算执行率");
	assert_int_equal(r->origin, JX_ORIGIN_MISSING); /* nothing to infer it from */
	assert_true(isnan(r->score));
	assert_true(isnan(ev->total_weight));
	assert_true(isnan(ev->total_score));
	assert_num(jx_evaluation_score_sum(ev), 96);
	assert_int_equal(ev->nwarnings, 2);
	assert_true(has_warning(ev, 176, "no 合计 row"));
	assert_true(has_warning(ev, 149, "left missing"));
	jx_batch_free(b);
	free(t);
	free(text);
}

static void test_ingest_report__two_scores_missing(void **state)
{
	size_t len;
	char *text = seed_text(&len), *l150 = line_of(text, 150), *t;
	jx_batch *b;
	const jx_evaluation *ev;
	(void)state;
	l150[strlen(l150) - 2] = '\0'; /* drop "\t2": the score of 专项资金执行率 */
	t = with_line(text, 150, l150);
	b = read_ok(t, strlen(t), NULL);
	ev = b->evals[0];
	assert_int_equal(tu_row_named(ev, "部门预算执行率")->origin, JX_ORIGIN_MISSING);
	assert_int_equal(tu_row_named(ev, "专项资金执行率")->origin, JX_ORIGIN_MISSING);
	assert_true(isnan(tu_row_named(ev, "专项资金执行率")->score));
	assert_num(tu_row_named(ev, "专项资金执行率")->weight, 2);
	assert_num(ev->total_score, 98);
	assert_num(jx_evaluation_score_sum(ev), 94);
	assert_int_equal(ev->nwarnings, 2);
	assert_true(has_warning(ev, 149, "more than one score is missing"));
	assert_true(has_warning(ev, 150, "more than one score is missing"));
	jx_batch_free(b);
	free(t);
	free(l150);
	free(text);
}

/* 合计 97 instead of 98: the missing score becomes 1, and the text's 98 disagrees. */
static void test_ingest_report__total_disagrees(void **state)
{
	size_t len;
	char *text = seed_text(&len), *t = with_line(text, 177, "合计\t\t\t\t100\t97");
	jx_batch *b;
	const jx_evaluation *ev;
	(void)state;
	b = read_ok(t, strlen(t), NULL);
	ev = b->evals[0];
	assert_num(tu_row_named(ev, "部门预算执行率")->score, 1);
	assert_int_equal(ev->nwarnings, 2);
	assert_true(has_warning(ev, 149, "inferred as 1 from 合计 97"));
	assert_true(has_warning(ev, 97, "self-score of 98"));
	jx_batch_free(b);
	free(t);
	free(text);
}

/* A declared level-1 weight that its rows do not add up to, while the total is right:
 * a warning, and the file is stored. */
static void test_ingest_report__declared_weights_disagree(void **state)
{
	size_t len;
	char *text = seed_text(&len), *l140 = line_of(text, 140), *t;
	char *at = strstr(l140, "(20分)");
	jx_batch *b;
	const jx_evaluation *ev;
	(void)state;
	at[2] = '1'; /* (21分) */
	t = with_line(text, 140, l140);
	b = read_ok(t, strlen(t), NULL);
	ev = b->evals[0];
	assert_num(ev->rows[0].level1_weight, 21);
	assert_num(jx_evaluation_weight_sum(ev), 100);
	assert_int_equal(ev->nwarnings, 2);
	assert_true(has_warning(ev, 140, "declares 21 points but its rows' weights add up to 20"));
	assert_true(has_warning(ev, 149, "inferred as 2"));
	jx_batch_free(b);
	free(t);
	free(l140);
	free(text);
}

/* Rows whose weights do not add up to the 合计 weight: refused at the 合计 line. */
static void test_ingest_report__weights_not_total(void **state)
{
	size_t len;
	char *text = seed_text(&len), *l174 = line_of(text, 174), *r174, *t;
	(void)state;
	/* 合计 101 over the reference rows (2×21 + 3×2 + 1 + 5×10 = 100) */
	fails_with_line(177, "合计\t\t\t\t101\t98", 177);
	assert_non_null(strstr(jx_error_last(), "weights add up to 100, not 101 as 合计 states"));
	/* 公安队伍满意度 weighs 15 instead of 5: 110 against 合计 100 (tests/bad/r_weights_not_100.txt) */
	r174 = replaced(l174, "\t5\t5", "\t15\t5");
	fails_with_line(174, r174, 177);
	assert_string_equal(jx_error_last(),
			    NAME ":177: the indicator rows' weights add up to 110, not 100 as 合计 "
				 "states; a row is missing or a weight is wrong");
	/* the same with a 合计 that states only its score (98): the weights must add up to 100 */
	t = with_line(text, 174, r174);
	fails_with_line_in(t, 177, "合计\t\t\t\t98", 177);
	assert_non_null(strstr(jx_error_last(), "add up to 110, not 100 (合计 states no weight)"));
	free(t);
	free(r174);
	free(l174);
	free(text);
}

/* A 合计 of 120 that the rows add up to is a valid table; the level-1 "(10分)" its rows
 * exceed stays a warning. */
static void test_ingest_report__total_weight_not_100(void **state)
{
	size_t len;
	char *text = seed_text(&len), *l174 = line_of(text, 174), *r174, *t, *u;
	jx_batch *b;
	const jx_evaluation *ev;
	(void)state;
	r174 = replaced(l174, "\t5\t5", "\t25\t5"); /* 公安队伍满意度 weighs 25: 100 + 20 = 120 */
	t = with_line(text, 174, r174);
	u = with_line(t, 177, "合计\t\t\t\t120\t98");
	b = read_ok(u, strlen(u), NULL);
	ev = b->evals[0];
	assert_num(jx_evaluation_weight_sum(ev), 120);
	assert_num(ev->total_weight, 120);
	assert_num(tu_row_named(ev, "部门预算执行率")->score, 2); /* 98 − 96 */
	assert_int_equal(ev->nwarnings, 2);
	assert_true(has_warning(ev, 173,
				"履职绩效 declares 10 points but its rows' weights add up to 30"));
	assert_true(has_warning(ev, 149, "inferred as 2 from 合计 98"));
	jx_batch_free(b);
	free(u);
	free(t);
	free(r174);
	free(l174);
	free(text);
}

/* A 合计 with one number that is not the weights' sum is its score (the weights add up
 * to 100, as they must when 合计 states no weight). */
static void test_ingest_report__total_score_only(void **state)
{
	size_t len;
	char *text = seed_text(&len), *t = with_line(text, 177, "合计\t\t\t\t98");
	jx_batch *b;
	(void)state;
	b = read_ok(t, strlen(t), NULL);
	assert_true(isnan(b->evals[0]->total_weight));
	assert_num(b->evals[0]->total_score, 98);
	assert_num(tu_row_named(b->evals[0], "部门预算执行率")->score, 2);
	assert_int_equal(b->evals[0]->nwarnings, 1);
	jx_batch_free(b);
	free(t);
	free(text);
}

/* Blank lines, a form feed, a page number and a repeated header inside the table. */
static void test_ingest_report__page_break_in_table(void **state)
{
	size_t len;
	char *text = seed_text(&len), *hdr = line_of(text, 139), *l165 = line_of(text, 165);
	char repl[4096];
	char *t;
	jx_batch *b;
	(void)state;
	snprintf(repl, sizeof(repl), "\n\f- 12 -\n\n%s\n%s", hdr, l165);
	t = with_line(text, 165, repl); /* 5 lines inserted before 165 */
	b = read_ok(t, strlen(t), NULL);
	assert_int_equal(b->evals[0]->nrows, 36);
	assert_int_equal(b->evals[0]->nwarnings, 1);
	assert_int_equal(tu_row_named(b->evals[0], "组织管理情况")->line, 170);
	assert_num(b->evals[0]->total_score, 98);
	jx_batch_free(b);
	free(t);
	free(hdr);
	free(l165);
	free(text);
}

/* Header synonyms: 评分标准 / 分值 / 自评得分, and cells in pdftotext layout. */
static void test_ingest_report__header_synonyms(void **state)
{
	size_t len;
	char *text = seed_text(&len),
	     *t = with_line(text, 139, "一级指标\t二级指标\t三级指标\t评分标准\t分值\t自评得分"),
	     *s;
	jx_batch *b;
	(void)state;
	s = spaced(t);
	b = read_ok(s, strlen(s), NULL);
	check_reference(b, 0);
	jx_batch_free(b);
	free(s);
	free(t);
	free(text);
}

/* The table ends (without 合计) and prose follows: a warning when the weights add up to 100,
 * an error when they do not (rows are missing). */
static void test_ingest_report__prose_after_table(void **state)
{
	size_t len;
	char *text = seed_text(&len),
	     *t = with_line(text, 177, "\n南京市公安局禁毒支队\n2024年3月");
	char *u, *v;
	jx_batch *b;
	(void)state;
	b = read_ok(t, strlen(t), NULL);
	assert_int_equal(b->evals[0]->nrows, 36);
	assert_true(has_warning(b->evals[0], 176, "no 合计 row"));
	jx_batch_free(b);
	free(t);
	/* ... but not when rows are missing: 175-177 replaced by prose leaves 90 of 100 */
	t = with_line(text, 175, "\n南京市公安局禁毒支队\n2024年3月");
	u = with_line(t, 178, NULL);
	v = with_line(u, 178, NULL);
	assert_non_null(strstr(v, "满意度。\t5\t5\n\n南京市公安局禁毒支队\n2024年3月"));
	assert_null(strstr(v, "合计"));
	read_fails(v, strlen(v), JX_EPARSE, 174);
	assert_string_equal(jx_error_last(), NAME
			    ":174: the indicator table ends at line 174 without a 合计 row and "
			    "its weights add up to 90, not 100; the table looks truncated");
	free(v);
	free(u);
	free(t);
	free(text);
}

/* A 小计 row fixes the missing score of its level-1 even without 合计. */
static void test_ingest_report__subtotal_row(void **state)
{
	size_t len;
	char *text = seed_text(&len), *l167 = line_of(text, 167), repl[2048], *t, *u;
	jx_batch *b;
	const jx_evaluation *ev;
	(void)state;
	snprintf(repl, sizeof(repl), "%s\n小计\t\t\t\t35\t34", l167);
	t = with_line(text, 177, NULL); /* no 合计 */
	u = with_line(t, 167, repl);    /* 小计 at line 168 */
	b = read_ok(u, strlen(u), NULL);
	ev = b->evals[0];
	assert_int_equal(ev->nrows, 36);
	assert_int_equal(tu_row_named(ev, "部门预算执行率")->origin, JX_ORIGIN_INFERRED);
	assert_num(tu_row_named(ev, "部门预算执行率")->score, 2); /* 34 − 32 stated */
	assert_true(has_warning(ev, 149, "inferred as 2 from 小计 34 (line 168)"));
	assert_true(has_warning(ev, 177, "no 合计 row"));
	assert_int_equal(ev->nwarnings, 2);
	jx_batch_free(b);
	free(u);
	free(t);
	free(l167);
	free(text);
}

/* 得分 before 权重 in the header swaps the trailing numbers; a 备注 column is ignored. */
static void test_ingest_report__score_column_first(void **state)
{
	size_t len;
	char *text = seed_text(&len), *t, *u, *v, *w;
	jx_batch *b;
	(void)state;
	t = with_line(text, 139, "一级指标\t二级指标\t三级指标\t指标解释\t得分\t权重\t备注");
	u = with_line(t, 166, "\t\t工作开展情况\t部门预算绩效管理执行情况。\t1\t2\t整改未完成");
	v = with_line(u, 176,
		      "\t部门创新\t部门创新情况\t是否通过制度创新、方法创新等方式不断提高履职能力。"
		      "\t4\t5");
	w = with_line(v, 177, "合计\t\t\t\t98\t100");
	b = read_ok(w, strlen(w), NULL);
	check_rows(b->evals[0], 0);
	check_sums(b->evals[0]);
	assert_string_equal(tu_row_named(b->evals[0], "工作开展情况")->explanation,
			    "部门预算绩效管理执行情况。");
	assert_int_equal(b->evals[0]->nwarnings, 1);
	jx_batch_free(b);
	free(w), free(v), free(u), free(t), free(text);
}

/* A score written as "—" is missing, like an empty one. */
static void test_ingest_report__placeholder_score(void **state)
{
	size_t len;
	char *text = seed_text(&len),
	     *t = with_line(text, 150, "专项资金执行率\t\t\t专项资金执行进度情况。\t2\t—");
	jx_batch *b;
	(void)state;
	b = read_ok(t, strlen(t), NULL);
	assert_int_equal(tu_row_named(b->evals[0], "专项资金执行率")->origin, JX_ORIGIN_MISSING);
	assert_int_equal(tu_row_named(b->evals[0], "部门预算执行率")->origin, JX_ORIGIN_MISSING);
	assert_int_equal(b->evals[0]->nwarnings, 2);
	jx_batch_free(b);
	free(t);
	free(text);
}

/* ---- errors: JX_EPARSE, "report.txt:<line>:", no batch ---- */

static void test_ingest_report__score_above_weight(void **state)
{
	(void)state;
	fails_with_line(
		140, "部门决策 (20分)\t决策机制\t决策制度的科学性\t部门是否建立了决策制度。\t2\t3",
		140);
	assert_non_null(strstr(jx_error_last(), "above its weight"));
}

static void test_ingest_report__bad_numbers(void **state)
{
	(void)state;
	fails_with_line(141, "\t\t决策流程的规范性\t决策流程设计是否依据充分，是否规范。\t-2\t2",
			141);
	assert_non_null(strstr(jx_error_last(), "negative"));
	fails_with_line(141, "\t\t决策流程的规范性\t决策流程设计是否依据充分，是否规范。\t2\t-1",
			141);
	assert_non_null(strstr(jx_error_last(), "negative"));
	fails_with_line(141, "\t\t决策流程的规范性\t决策流程设计是否依据充分，是否规范。\t2x\t2",
			141);
	assert_non_null(strstr(jx_error_last(), "not a number"));
	fails_with_line(141, "\t\t决策流程的规范性\t决策流程设计是否依据充分，是否规范。\t0\t0",
			141);
	assert_non_null(strstr(jx_error_last(), "greater than 0"));
}

static void test_ingest_report__duplicate_indicator(void **state)
{
	size_t len;
	char *text = seed_text(&len), *l141 = line_of(text, 141), repl[2048];
	(void)state;
	snprintf(repl, sizeof(repl), "%s\n%s", l141, l141);
	fails_with_line(141, repl, 142);
	assert_non_null(strstr(jx_error_last(), "duplicate indicator"));
	assert_non_null(strstr(jx_error_last(), "line 141"));
	free(l141);
	free(text);
}

static void test_ingest_report__unresolvable_row(void **state)
{
	size_t len;
	char *text = seed_text(&len), *l160 = line_of(text, 160), repl[2048];
	(void)state;
	snprintf(repl, sizeof(repl), "\t\t说明文字\n%s", l160);
	fails_with_line(160, repl, 160); /* text, no numbers, rows follow */
	assert_non_null(strstr(jx_error_last(), "cannot resolve"));
	free(l160);
	free(text);
}

/* Cut in the middle of row 160: header found, no 合计, a malformed last row. */
static void test_ingest_report__truncated(void **state)
{
	size_t len;
	char *text = seed_text(&len), *cut = strstr(text, "建设项目管理制度是否建立");
	(void)state;
	assert_non_null(cut);
	read_fails(text, (size_t)(cut - text) + strlen("建设项目管理制度是否建立"), JX_EPARSE, 160);
	assert_non_null(strstr(jx_error_last(), "cut off"));
	free(text);
}

/* Cut right after a whole row: no 合计 and weights that add up to 40, not 100: refused
 * (tests/bad/r_truncated_mid_table.txt). Cut after the last row, the table is whole. */
static void test_ingest_report__truncated_after_row(void **state)
{
	size_t len;
	char *text = seed_text(&len), *cut = strstr(text, "\n\t建设项目管理\t");
	jx_batch *b;
	(void)state;
	assert_non_null(cut);
	read_fails(text, (size_t)(cut - text) + 1, JX_EPARSE, 159);
	/* 部门决策 20 + 部门管理 rows 149-156 (8 × 2) and 158-159 (2 × 2) = 40 */
	assert_string_equal(jx_error_last(), NAME
			    ":159: the indicator table ends at line 159 without a 合计 row and "
			    "its weights add up to 40, not 100; the table looks truncated");
	cut = strstr(text, "\n合计\t");
	assert_non_null(cut);
	b = read_ok(text, (size_t)(cut - text) + 1, NULL);
	assert_int_equal(b->evals[0]->nrows, 36);
	assert_int_equal(b->evals[0]->nwarnings, 2);
	assert_true(has_warning(b->evals[0], 176, "no 合计 row (it ends at line 176)"));
	assert_true(has_warning(b->evals[0], 149, "no 合计 row to infer it from"));
	jx_batch_free(b);
	free(text);
}

static void test_ingest_report__empty(void **state)
{
	jx_batch *b = NULL;
	(void)state;
	read_fails("", 0, JX_EPARSE, 1);
	assert_int_equal(jx_report_read(&b, NAME, "\n \n\t\n", 5, NULL), JX_EPARSE);
	assert_null(b);
	assert_string_equal(jx_error_last(), NAME ":1: empty report: the file has no text");
}

static void test_ingest_report__random_bytes(void **state)
{
	unsigned char data[4096];
	uint32_t x = 2463534242u;
	jx_batch *b = NULL;
	jx_read_options o = jx_read_options_default();
	const char *msg, *p;
	(void)state;
	for (size_t i = 0; i < sizeof(data); i++) { /* xorshift32: fixed, reproducible bytes */
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		data[i] = (unsigned char)x;
	}
	o.format = JX_INPUT_REPORT;
	assert_int_equal(jx_read_buffer(&b, NAME, (const char *)data, sizeof(data), &o), JX_EPARSE);
	assert_null(b);
	msg = jx_error_last();
	assert_true(!strncmp(msg, NAME ":", strlen(NAME ":")));
	p = msg + strlen(NAME ":");
	assert_true(*p >= '1' && *p <= '9');
	p += strspn(p, "0123456789");
	assert_true(*p == ':');
}

static void test_ingest_report__no_table(void **state)
{
	size_t len;
	char *text = seed_text(&len), *cut = strstr(text, "一级指标\t");
	(void)state;
	read_fails(text, (size_t)(cut - text), JX_EPARSE, 139);
	assert_non_null(strstr(jx_error_last(), "no indicator table"));
	free(text);
}

static void test_ingest_report__no_rows(void **state)
{
	size_t len;
	char *text = seed_text(&len), *cut = strstr(text, "部门决策 (20分)\t");
	(void)state;
	read_fails(text, (size_t)(cut - text), JX_EPARSE, 139);
	assert_non_null(strstr(jx_error_last(), "no rows"));
	free(text);
}

/* ---- title, overrides, provenance ---- */

static void test_ingest_report__title_missing(void **state)
{
	size_t len;
	char *text = seed_text(&len), *t = with_line(text, 3, "部门整体绩效自我评价报告");
	jx_read_options o = jx_read_options_default();
	jx_batch *b;
	(void)state;
	read_fails(t, strlen(t), JX_EPARSE, 3);
	assert_non_null(strstr(jx_error_last(), "department and year"));
	assert_non_null(strstr(jx_error_last(), "--dept and --year"));
	o.department = "南京市公安局禁毒支队"; /* the department alone is not enough */
	assert_int_equal(jx_report_read(&b, NAME, t, strlen(t), &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), NAME ":3: no year found"));
	o.year = 2023;
	b = read_ok(t, strlen(t), &o);
	assert_string_equal(b->evals[0]->department, "南京市公安局禁毒支队");
	assert_int_equal(b->evals[0]->year, 2023);
	check_rows(b->evals[0], 0);
	jx_batch_free(b);
	free(t);
	free(text);
}

static void test_ingest_report__title_spacing(void **state)
{
	size_t len;
	char *text = seed_text(&len),
	     *t = with_line(text, 3,
			    "  ２０２３年度 南京市公安局 禁毒支队部门整体绩效自我评价报告");
	jx_batch *b;
	(void)state;
	b = read_ok(t, strlen(t), NULL);
	assert_string_equal(b->evals[0]->department, "南京市公安局禁毒支队");
	assert_int_equal(b->evals[0]->year, 2023);
	jx_batch_free(b);
	free(t);
	/* the department before the year, and a title over two lines */
	t = with_line(text, 3, "南京市公安局禁毒支队2023年度部门整体绩效自评报告");
	b = read_ok(t, strlen(t), NULL);
	assert_string_equal(b->evals[0]->department, "南京市公安局禁毒支队");
	assert_int_equal(b->evals[0]->year, 2023);
	jx_batch_free(b);
	free(t);
	t = with_line(text, 3, "2023年度南京市公安局禁毒支队\n部门整体绩效自我评价报告");
	b = read_ok(t, strlen(t), NULL);
	assert_string_equal(b->evals[0]->department, "南京市公安局禁毒支队");
	assert_int_equal(b->evals[0]->year, 2023);
	assert_int_equal(b->evals[0]->nrows, 36);
	jx_batch_free(b);
	free(t);
	free(text);
}

/* A title broken inside the department name is joined: the first line has the year, the
 * second ends the title ("支队 部门整体绩效自我评价报告"). */
static void test_ingest_report__title_split_in_name(void **state)
{
	static const struct {
		const char *title, *dept;
	} cases[] = {
		{"2023 年度南京市公安局禁毒\n支队 部门整体绩效自我评价报告",
		 "南京市公安局禁毒支队"},
		{"2023 年度\n南京市公安局禁毒支队 部门整体绩效自我评价报告",
		 "南京市公安局禁毒支队"},
		{"２０２３年度南京市公安局\n禁毒支队部门整体绩效自评报告", "南京市公安局禁毒支队"},
		{"南京市公安局禁毒支队2023年度\n部门整体绩效自我评价报告", "南京市公安局禁毒支队"},
	};
	size_t len;
	char *text = seed_text(&len);
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *t = with_line(text, 3, cases[i].title);
		jx_batch *b = read_ok(t, strlen(t), NULL);
		if (strcmp(b->evals[0]->department, cases[i].dept) != 0)
			fail_msg("'%s' read as '%s'", cases[i].title, b->evals[0]->department);
		assert_string_equal(b->figs[0]->department, cases[i].dept);
		assert_int_equal(b->evals[0]->year, 2023);
		assert_int_equal(b->evals[0]->line, 3);
		check_rows(b->evals[0], 1);
		jx_batch_free(b);
		free(t);
	}
	free(text);
}

/* A title that cannot be put together unambiguously is refused with a pointer to
 * --dept/--year, never stored under a partial name. */
static void test_ingest_report__title_split_refused(void **state)
{
	static const char *const titles[] = {
		"2023 年度\n南京市公安局禁毒支队\n部门整体绩效自我评价报告",  /* three lines */
		"2023 年度南京市公安局禁毒，\n支队 部门整体绩效自我评价报告", /* a sentence */
		"2023 年度南京市公安局禁毒\n支队根据要求，开展了部门整体绩效自我评价。",
	};
	size_t len;
	char *text = seed_text(&len);
	jx_read_options o = jx_read_options_default();
	(void)state;
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		char *t = with_line(text, 3, titles[i]);
		jx_batch *b = NULL;
		read_fails(t, strlen(t), JX_EPARSE, 3);
		assert_non_null(strstr(jx_error_last(), "no department and year found"));
		assert_non_null(strstr(jx_error_last(), "--dept and --year can supply them"));
		o.department = "南京市公安局禁毒支队";
		o.year = 2023;
		assert_int_equal(jx_report_read(&b, NAME, t, strlen(t), &o), 0);
		assert_string_equal(b->evals[0]->department, "南京市公安局禁毒支队");
		jx_batch_free(b);
		free(t);
	}
	free(text);
}

static void test_ingest_report__overrides(void **state)
{
	size_t len;
	char *text = seed_text(&len);
	jx_read_options o = jx_read_options_default();
	jx_batch *b;
	(void)state;
	o.department = "禁毒支队";
	o.year = 2022;
	o.kind = JX_KIND_REVIEW; /* a report states no kind: supplied without --relabel */
	assert_int_equal(jx_report_read(&b, NAME, text, len, &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(),
			       ":3: the file says department 南京市公安局禁毒支队, "
			       "--dept says 禁毒支队; give --relabel"));
	o.department = "南京市公安局禁毒支队"; /* the title's own: no conflict */
	assert_int_equal(jx_report_read(&b, NAME, text, len, &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "the file says year 2023, --year says 2022"));
	o.department = "禁毒支队";
	o.relabel = 1;
	b = read_ok(text, len, &o);
	assert_string_equal(b->evals[0]->department, "禁毒支队");
	assert_string_equal(b->figs[0]->department, "禁毒支队");
	assert_int_equal(b->evals[0]->year, 2022);
	assert_int_equal(b->figs[0]->year, 2022);
	assert_int_equal(b->evals[0]->kind, JX_KIND_REVIEW);
	jx_batch_free(b);
	free(text);
}

static void test_ingest_report__provenance(void **state)
{
	size_t len;
	char *text = seed_text(&len), *t = malloc(len + 128);
	jx_batch *b;
	(void)state;
	sprintf(t, "# provenance: synthetic\n# made by a test\n%s", text);
	b = read_ok(t, strlen(t), NULL);
	assert_int_equal(b->evals[0]->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(b->figs[0]->provenance, JX_PROV_SYNTHETIC);
	check_reference(b, 2);
	jx_batch_free(b);
	sprintf(t, "# provenance: invented\n%s", text);
	read_fails(t, strlen(t), JX_EPARSE, 1);
	assert_non_null(strstr(jx_error_last(), "real' or 'synthetic"));
	free(t);
	free(text);
}

/* The committed fixtures behave as their names say (the CLI tests use them). */
static void test_ingest_report__fixtures(void **state)
{
	static const struct {
		const char *file;
		int rc, line; /* line of the error, or of the first warning */
		size_t warnings;
		int shift; /* lines added above the table (the title stays at line 3) */
	} cases[] = {
		{"crlf.txt", 0, 149, 1, 0},
		{"gb18030.txt", 0, 149, 1, 0},
		{"spaces.txt", 0, 149, 1, 0},
		{"fullwidth.txt", 0, 149, 1, 0},
		{"no_total.txt", 0, 149, 2, 0},
		{"two_missing.txt", 0, 149, 2, 0},
		{"title_two_lines.txt", 0, 150, 1, 1},
		{"score_above_weight.txt", JX_EPARSE, 140, 0, 0},
		{"truncated.txt", JX_EPARSE, 160, 0, 0},
		{"empty.txt", JX_EPARSE, 1, 0, 0},
		{"random.bin", JX_EPARSE, 0, 0, 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char rel[256], prefix[512];
		jx_batch *b = NULL;
		int rc;
		snprintf(rel, sizeof(rel), "tests/fixtures/report/%s", cases[i].file);
		rc = jx_read_file(&b, tu_src(rel), NULL);
		if (rc != cases[i].rc)
			fail_msg("%s: %d (%s), expected %d", cases[i].file, rc, jx_error_last(),
				 cases[i].rc);
		if (rc == 0) {
			const jx_evaluation *ev = b->evals[0];
			assert_int_equal(ev->nrows, 36);
			assert_int_equal(ev->nwarnings, cases[i].warnings);
			assert_int_equal(ev->warnings[0].line, cases[i].line);
			if (cases[i].warnings == 1)
				check_reference_at(b, cases[i].shift, 3);
			jx_batch_free(b);
			continue;
		}
		assert_null(b);
		snprintf(prefix, sizeof(prefix), "%s:%d:", tu_src(rel), cases[i].line);
		if (cases[i].line && strncmp(jx_error_last(), prefix, strlen(prefix)) != 0)
			fail_msg("%s: '%s'", cases[i].file, jx_error_last());
	}
}

/* ---- the synthetic generator's reports ---- */

static const jx_evaluation *find_eval(const jx_batch *b, const char *dept, int year, jx_kind k)
{
	for (size_t i = 0; i < b->nevals; i++)
		if (!strcmp(b->evals[i]->department, dept) && b->evals[i]->year == year &&
		    b->evals[i]->kind == k)
			return b->evals[i];
	return NULL;
}

static const jx_figures *find_figs(const jx_batch *b, const char *dept, int year)
{
	for (size_t i = 0; i < b->nfigs; i++)
		if (!strcmp(b->figs[i]->department, dept) && b->figs[i]->year == year)
			return b->figs[i];
	return NULL;
}

/* One report against the generator's own record of the same department-year. */
static void check_against_truth(const jx_batch *rep, const jx_batch *scores, const jx_batch *figs,
				const char *file)
{
	const jx_evaluation *ev = rep->evals[0], *truth;
	const jx_figures *tf;
	size_t inferred = 0;
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(rep->figs[0]->provenance, JX_PROV_SYNTHETIC);
	truth = find_eval(scores, ev->department, ev->year, ev->kind);
	if (!truth)
		fail_msg("%s: %s %d not in the generator's CSV", file, ev->department, ev->year);
	assert_int_equal(ev->nrows, truth->nrows);
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *r = &ev->rows[i], *t = &truth->rows[i];
		assert_string_equal(r->key, t->key);
		assert_string_equal(r->level3, t->level3);
		assert_string_equal(r->explanation, t->explanation);
		assert_num(r->weight, t->weight);
		assert_num(r->score, t->score); /* inferred scores come out right too */
		assert_true(r->origin != JX_ORIGIN_MISSING);
		inferred += r->origin == JX_ORIGIN_INFERRED;
	}
	assert_int_equal(ev->nwarnings, inferred); /* only inference warnings */
	assert_non_null(ev->problems);
	assert_non_null(ev->suggestions);
	assert_non_null(ev->conclusion);
	tf = find_figs(figs, ev->department, ev->year);
	assert_non_null(tf);
	assert_int_equal(rep->figs[0]->nitems, tf->nitems);
	for (size_t i = 0; i < tf->nitems; i++) {
		int64_t v = -1;
		assert_true(jx_figures_get(rep->figs[0], tf->items[i].item, &v));
		if (v != tf->items[i].cents)
			fail_msg("%s: %s %lld, generator says %lld", file, tf->items[i].item,
				 (long long)v, (long long)tf->items[i].cents);
	}
}

/* Every committed synthetic report imports and equals what jixiao-synth --no-reports
 * writes as CSV for the same department-year (same default seed). */
static void test_ingest_report__synthetic_reports(void **state)
{
	char *dir = tu_mkdtemp(), path[4096];
	char *argv[] = {JX_BINARY_DIR "/jixiao-synth", "--no-reports", "--out-dir", dir, NULL};
	jx_batch *scores = NULL, *figs = NULL;
	DIR *d;
	struct dirent *e;
	int n = 0;
	(void)state;
	assert_int_equal(tu_run(argv, NULL, NULL), 0);
	snprintf(path, sizeof(path), "%s/scores.csv", dir);
	assert_int_equal(jx_read_file(&scores, path, NULL), 0);
	snprintf(path, sizeof(path), "%s/figures.csv", dir);
	assert_int_equal(jx_read_file(&figs, path, NULL), 0);
	d = opendir(tu_src("datasets/synthetic/reports"));
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		jx_batch *b = NULL;
		if (!strstr(e->d_name, ".txt"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", tu_src("datasets/synthetic/reports"),
			 e->d_name);
		if (jx_read_file(&b, path, NULL) != 0)
			fail_msg("%s: %s", e->d_name, jx_error_last());
		check_against_truth(b, scores, figs, e->d_name);
		jx_batch_free(b);
		n++;
	}
	closedir(d);
	assert_true(n >= 1);
	jx_batch_free(scores);
	jx_batch_free(figs);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ingest_report__reference),
		cmocka_unit_test(test_ingest_report__staffing_heading),
		cmocka_unit_test(test_ingest_report__staffing_bounded),
		cmocka_unit_test(test_ingest_report__crlf),
		cmocka_unit_test(test_ingest_report__gb18030),
		cmocka_unit_test(test_ingest_report__spaces),
		cmocka_unit_test(test_ingest_report__fullwidth),
		cmocka_unit_test(test_ingest_report__no_total_row),
		cmocka_unit_test(test_ingest_report__two_scores_missing),
		cmocka_unit_test(test_ingest_report__total_disagrees),
		cmocka_unit_test(test_ingest_report__declared_weights_disagree),
		cmocka_unit_test(test_ingest_report__weights_not_total),
		cmocka_unit_test(test_ingest_report__total_weight_not_100),
		cmocka_unit_test(test_ingest_report__total_score_only),
		cmocka_unit_test(test_ingest_report__page_break_in_table),
		cmocka_unit_test(test_ingest_report__header_synonyms),
		cmocka_unit_test(test_ingest_report__prose_after_table),
		cmocka_unit_test(test_ingest_report__subtotal_row),
		cmocka_unit_test(test_ingest_report__score_column_first),
		cmocka_unit_test(test_ingest_report__placeholder_score),
		cmocka_unit_test(test_ingest_report__score_above_weight),
		cmocka_unit_test(test_ingest_report__bad_numbers),
		cmocka_unit_test(test_ingest_report__duplicate_indicator),
		cmocka_unit_test(test_ingest_report__unresolvable_row),
		cmocka_unit_test(test_ingest_report__truncated),
		cmocka_unit_test(test_ingest_report__truncated_after_row),
		cmocka_unit_test(test_ingest_report__empty),
		cmocka_unit_test(test_ingest_report__random_bytes),
		cmocka_unit_test(test_ingest_report__no_table),
		cmocka_unit_test(test_ingest_report__no_rows),
		cmocka_unit_test(test_ingest_report__title_missing),
		cmocka_unit_test(test_ingest_report__title_spacing),
		cmocka_unit_test(test_ingest_report__title_split_in_name),
		cmocka_unit_test(test_ingest_report__title_split_refused),
		cmocka_unit_test(test_ingest_report__overrides),
		cmocka_unit_test(test_ingest_report__provenance),
		cmocka_unit_test(test_ingest_report__fixtures),
		cmocka_unit_test(test_ingest_report__synthetic_reports),
	};
	jx_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
