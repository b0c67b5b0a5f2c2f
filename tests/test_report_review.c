/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report_review.c -- the report reads the review first, ranks among peers, and writes
 * Markdown whose emphasis CommonMark accepts.
 *
 * Fixture (weights 100: A 50, B 50 with B always 50), every number by hand:
 *   丙局 (synthetic) self   2022 88, 2023 86, 2024 85 (良 from 80)
 *                    review 2022 85, 2023 80, 2024 75 (中 from 60)
 *     headline 2024: the review, 75 / 100 中, self 85 良 beside it;
 *     gaps 3, 6, 10 pp: mean 6.33 pp, self higher in 3 of 3 years; sign test
 *     p = 0.5^3 = 0.125 = the smallest p of 3 years ≥ 0.05: too few years.
 *   丁局 (synthetic) self 2024 90.   In 2024 丙局 ranks 2 of the 2 synthetic departments
 *                                     (percentile 100 × 1/2 = 50).
 *   真局 (real)      self 2024 95.   Alone among real departments: no peer group, no rank,
 *                                     no synthetic banner although 2 synthetic departments
 *                                     were evaluated that year.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "report/internal.h"
#include "testutil.h"

static jx_evaluation *evaluation(const char *dept, int year, jx_kind kind, double a,
				 jx_provenance prov)
{
	jx_evaluation *ev = jx_evaluation_new(dept, year, kind);
	assert_non_null(ev);
	ev->provenance = prov;
	assert_non_null(
		jx_evaluation_add_row(ev, "决策", "目标", "A", "", 50, a, JX_ORIGIN_STATED, 1));
	assert_non_null(
		jx_evaluation_add_row(ev, "决策", "预算", "B", "", 50, 50, JX_ORIGIN_STATED, 2));
	return ev;
}

static int setup(void **state)
{
	static const double self_a[3] = {38, 36, 35}, review_a[3] = {35, 30, 25};
	jx_store *st = NULL;
	jx_evaluation *real, *moved;
	jx_batch *b = jx_batch_new("fixture");
	jx_init();
	tu_catalogs(); /* the Chinese report needs the built catalog */
	if (!b || jx_store_open(&st, ":memory:", JX_STORE_CREATE) != 0)
		return -1;
	for (int i = 0; i < 3; i++) {
		jx_batch_add_evaluation(b, evaluation("丙局", 2022 + i, JX_KIND_SELF, self_a[i],
						      JX_PROV_SYNTHETIC));
		jx_batch_add_evaluation(b, evaluation("丙局", 2022 + i, JX_KIND_REVIEW, review_a[i],
						      JX_PROV_SYNTHETIC));
	}
	jx_batch_add_evaluation(b, evaluation("丁局", 2024, JX_KIND_SELF, 40, JX_PROV_SYNTHETIC));
	/* 换局: 2020 and 2021 on A, B; 2022 on C, D (none carried over): a framework break */
	jx_batch_add_evaluation(b, evaluation("换局", 2020, JX_KIND_SELF, 40, JX_PROV_SYNTHETIC));
	jx_batch_add_evaluation(b, evaluation("换局", 2021, JX_KIND_SELF, 42, JX_PROV_SYNTHETIC));
	moved = jx_evaluation_new("换局", 2022, JX_KIND_SELF);
	assert_non_null(moved);
	moved->provenance = JX_PROV_SYNTHETIC;
	assert_non_null(
		jx_evaluation_add_row(moved, "甲", "乙", "C", "", 50, 44, JX_ORIGIN_STATED, 1));
	assert_non_null(
		jx_evaluation_add_row(moved, "甲", "乙", "D", "", 50, 50, JX_ORIGIN_STATED, 2));
	jx_batch_add_evaluation(b, moved);
	real = evaluation("真局", 2024, JX_KIND_SELF, 45, JX_PROV_REAL);
	real->functions = strdup("负责全市禁毒工作。");
	real->problems = strdup("经费不足。");
	real->suggestions = strdup("加强培训。");
	jx_batch_add_evaluation(b, real);
	if (jx_store_import(st, &b, 1, 0, NULL) != 0)
		return -1;
	jx_batch_free(b);
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	jx_store_free(*state);
	return 0;
}

static char *markdown(jx_store *st, jx_report **out, const char *dept, jx_lang lang)
{
	jx_report_request req;
	char *text = NULL;
	jx_report_request_init(&req);
	req.department = dept;
	req.format = JX_REPORT_MD;
	req.lang = lang;
	req.charts = 0;
	assert_int_equal(jx_report_build(out, st, &req), 0);
	assert_int_equal(jx_report_render(&text, *out, st, &req), 0);
	return text;
}

static void expect(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("the report lacks:\n%s\n---\n%.3000s", part, text);
}

/* Whether the summary section of r asks for a chart. */
static int summary_has_chart(const jx_report *r, jx_chart chart)
{
	rd_doc d;
	int found = 0;
	rd_init(&d, JX_LANG_ZH);
	rp_sec_summary(&d, r);
	for (size_t i = 0; i < d.n; i++)
		found |= d.blocks[i].kind == RD_CHART && d.blocks[i].chart->chart == chart;
	rd_free(&d);
	return found;
}

static void test_report__headline_is_the_review(void **state)
{
	jx_report *r = NULL;
	char *md = markdown(*state, &r, "丙局", JX_LANG_ZH), *sum = NULL;
	const jx_suggestion *r7;
	assert_non_null(r->standing_latest);
	assert_int_equal(r->standing_latest->basis, JX_KIND_REVIEW);
	assert_float_equal(r->standing_latest->score, 75, 1e-9);
	expect(md, "- 2024 年总分（财政复核）：**75 / 100**（等级：中；自评 85 分（良））");
	expect(md, "2024 年财政复核 75 分（中），自评 85 分（良），本报告以复核结果为准。");
	/* the gap over the years as a finding: mean 6.33 pp, 3 of 3 higher, p 0.125 too few */
	assert_non_null(r->gap);
	assert_int_equal(r->gap->n, 3);
	assert_float_equal(r->gap->mean_gap_rate, (0.03 + 0.06 + 0.10) / 3, 1e-12);
	assert_float_equal(r->gap->p_value, 0.125, 1e-12);
	assert_int_equal(r->gap->verdict, JX_GAP_TOO_FEW);
	expect(md, "2022–2024 年 3 个有复核的年度中，自评得分率减复核得分率平均为 +6.3 个百分点，"
		   "3 年自评较高、0 年较低：有复核的年度太少");
	assert_int_equal(jx_report_summary(&sum, r, JX_LANG_ZH), 0);
	expect(sum, "丙局：2024 年总分 75 / 100，等级 中（财政复核；自评 85 分），部门排名 2/2，"
		    "较 2023 年 -1 分。\n");
	free(sum);
	/* R7 keeps the headline's grade: 中 from 60%, not the self-evaluation's 良. The forecast
	 * of 88, 86, 85 (`jixiao forecast`: logit trend, t(.975, 2 df)) has its lower bound at
	 * 52.3% < 60%, so R7 fires, with 中's minimum */
	r7 = NULL;
	for (size_t i = 0; i < r->nsuggestions; i++)
		if (r->suggestions[i].rule == JX_RULE_FORECAST_GRADE)
			r7 = &r->suggestions[i];
	assert_non_null(r7);
	assert_float_equal(r7->value, 0.523181662446, 1e-6);
	assert_float_equal(r7->value2, 0.60, 1e-12);
	free(md);
	jx_report_free(r);
}

static void test_report__ranked_among_peers_only(void **state)
{
	jx_report *r = NULL;
	char *md = markdown(*state, &r, "丙局", JX_LANG_ZH);
	assert_int_equal(r->rank_row->rank, 2);
	assert_int_equal(r->rank_row->npeers, 2);
	assert_int_equal(r->rank_synthetic, 2); /* 丙局 and 丁局, not 真局 */
	expect(md, "- 2024 年部门排名：**2 / 2**（按自评总分，2 个合成部门中 · 百分位 50.0）");
	expect(md, "2024 年排名比较中有 2 个部门的评价为合成数据");
	assert_true(summary_has_chart(r, JX_CHART_RANK));
	free(md);
	jx_report_free(r);

	md = markdown(*state, &r, "真局", JX_LANG_ZH);
	assert_int_equal(r->synthetic, 0);
	assert_int_equal(r->rank_synthetic, 0);
	assert_int_equal(r->rank_row->npeers, 1);
	assert_int_equal(r->rank_row->rank, 0);
	assert_null(strstr(md, "合成数据"));
	assert_null(strstr(md, "synthetic"));
	expect(md, "- 2024 年部门排名：<strong>—</strong>（没有同类（真实）部门可比）");
	assert_false(summary_has_chart(r, JX_CHART_RANK)); /* no chart of one bar */
	free(md);
	jx_report_free(r);
}

/* One year of a real department: a profile. Its functions under 基本情况, the suggestions
 * second (before the statistics), its own problems and suggestions beside ours, no trend
 * table and no forecast table. A (weight 50) lost 5 points in 2024, the only loss: new and
 * large, R2; its rate 45/50 = 90% reaches 90%, so the target is full marks. */
static void test_report__profile_of_one_year(void **state)
{
	jx_report *r = NULL;
	char *md = markdown(*state, &r, "真局", JX_LANG_ZH);
	const char *sugg = strstr(md, "## 五、改进建议"),
		   *trends = strstr(md, "## 附录一　类别趋势");
	expect(md, "## 一、基本情况\n\n<strong>部门主要职能（2024 年评价报告所述）：</strong>"
		   "负责全市禁毒工作。\n");
	assert_non_null(sugg);
	assert_non_null(trends);
	assert_true(sugg < trends);
	/* A alone carries all points lost (R4): one entry with both rules */
	expect(md,
	       "【R2 薄弱指标、R4 扣分集中】</strong>「A」2024 年扣 5 分：查明失分原因，落实整改，"
	       "下年度得分率达到 100.0%。 [→ 证据](#weak-1) 「A」单项即占全期扣分的 100.0%：优先"
	       "对其整改。 [→ 证据](#pareto-");
	expect(md, "### 部门自述的存在问题及原因（2024 年评价报告原文）\n\n<strong>存在问题及原因："
		   "</strong>经费不足。\n");
	expect(md, "### 部门自述的有关建议（2024 年评价报告原文）\n\n<strong>有关建议：</strong>"
		   "加强培训。\n");
	expect(md, "本部门在所选范围内只有 1 个评价年度（2024 年）：不做趋势检验");
	expect(md, "> 评价年度少于 3 个（1 个），不做下年度预测。");
	assert_null(strstr(md, "t-trend")); /* no table of "too few years" */
	assert_null(strstr(md, "t-forecast"));
	expect(md, "- 年度变化：<strong>—</strong>（仅一个评价年度）");
	free(md);
	jx_report_free(r);
}

/* A framework break is stated in words in the trends section (the charts draw a line). */
static void test_report__framework_break_in_words(void **state)
{
	jx_report *r = NULL;
	char *md = markdown(*state, &r, "换局", JX_LANG_ZH);
	expect(md,
	       "2022 年起采用新的指标体系（2 项三级指标中 0 项沿用上一评价年度）：跨体系的得分率"
	       "升降不直接比较");
	free(md);
	jx_report_free(r);
	md = markdown(*state, &r, "丙局", JX_LANG_ZH); /* one framework: nothing said */
	assert_null(strstr(md, "新的指标体系"));
	free(md);
	jx_report_free(r);
}

/* "**" beside punctuation is not emphasis in CommonMark ("**【R4】**扣分" shows its
 * asterisks): such text gets the HTML element, text between letters keeps "**". */
static void test_report__markdown_emphasis_is_commonmark(void **state)
{
	rd_doc d;
	rd_block *p;
	char *md;
	(void)state;
	rd_init(&d, JX_LANG_ZH);
	d.title = "标题";
	d.subtitle = "丙局";
	d.generated = "今天";
	p = rd_para(&d);
	rd_span_add(&d, &p->inl, "【R4 扣分集中】", NULL, RD_STRONG);
	rd_span_add(&d, &p->inl, "扣分集中于", NULL, 0);
	rd_span_add(&d, &p->inl, "资金使用", NULL, RD_STRONG);
	rd_span_add(&d, &p->inl, "，", NULL, 0);
	rd_span_add(&d, &p->inl, "-4.5 分", NULL, RD_BAD);
	rd_span_add(&d, &p->inl, "high", NULL, RD_STRONG);
	rd_span_add(&d, &p->inl, "95.0%", NULL, RD_STRONG);
	md = rp_write_md(&d);
	assert_non_null(md);
	expect(md, "**丙局**  \n");
	expect(md,
	       "<strong>【R4 扣分集中】</strong>扣分集中于**资金使用**，<strong>\\-4.5 分</strong>"
	       "**high**<strong>95.0%</strong>\n");
	free(md);
	rd_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_report__headline_is_the_review, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_report__ranked_among_peers_only, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_report__profile_of_one_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_report__framework_break_in_words, setup,
						teardown),
		cmocka_unit_test(test_report__markdown_emphasis_is_commonmark),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
