/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report.c -- the planning report: rules, numbers, escaping, writers.
 *
 * A fixture store is built through the public model API; every expected
 * number below is worked out by hand in the comment on the fixture, not
 * taken from the analysis module. Charts are left out here (no gnuplot);
 * tests/cli/report_*.sh run the whole thing with charts and a browser.
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

/*
 * 甲局, self-evaluations 2019-2023 (weights 100):
 *   决策  目标/目标设定 A (20)   20 18 17 16 15   deducted 2020-2023: current run 4
 *         预算/预算编制 B (20)   20 20 20 20 20
 *   管理  资金/资金使用 C (30)   30 30 30 30 27   new deduction in 2023 (3 points)
 *         资产/资产管理 D (30)   30 27 30 27 30   deducted 2020, 2022
 * totals 100 95 97 93 92; 决策 rates 1 .95 .925 .9 .875; A rates 1 .9 .85 .8 .75.
 * Review 2022: A scored 14 (self 16), the rest as the self-evaluation.
 * Figures 2020-2023: budget 100 each year, expenditure 60 80 100 120.
 *
 * Rules:
 *  R1  A: run 4 (2020-2023), best rate 1.
 *  R2  the weak indicators (window 2021-2023, 18 points lost: A 12, C 3, D 3) that R1 and R6
 *      leave: D, large (3/18 >= 15%), target full marks (its 2023 rate is 100%).
 *  R3  Mann–Kendall (one framework period), family = the units of the report's trend
 *      that could reach p < .05: total (S = −8 of 10 pairs: p = 2·5/120 = 1/12), 决策,
 *      目标 and A (strictly falling: S = −10, p = 2/120 = 1/60); 管理 (1 .95 1 .95 .95),
 *      C, D have ties that forbid p < .05, B is constant. BH over the four: q = 1/60·4/3
 *      = 1/45 for the three, 1/12 for the total: 决策 falls (slope −.03), the total does
 *      not any more; A falls too but R1 covers it.
 *  R4  points lost A 14, D 6, C 3 (23): A alone carries 14/23 ≥ 1/2 (merged into A's R1).
 *  R5  A-D: both 2, A only 2, D only 0, neither 1: phi = 2/sqrt(4·1·2·3) = .408 < .5: no.
 *  R6  C: clean 2022, deducted 2023, 3 points.
 *  R7  forecast of the total for 2024 on the logit of the shrunk rate (docs/methods.md
 *      §4, worked out in Python from the totals 100 95 97 93 92: t(.975, 4 df)):
 *      forecast .80995, interval [.49901, .95048]; pi_low < .9 (grade 优 from 90).
 *  R8  2023 execution 120/100 = 1.2 > 1.1.
 *  R9  growths 80/60−1, 100/80−1, 120/100−1: mean (1/3 + 1/4 + 1/5)/3 = .26111 > .15.
 *  R10 2022 review below self on A by 2 (one indicator; merged into A's R1).
 */
#define DEPT "甲局"

static const double score_a[5] = {20, 18, 17, 16, 15};
static const double score_c[5] = {30, 30, 30, 30, 27};
static const double score_d[5] = {30, 27, 30, 27, 30};

static jx_evaluation *evaluation(const char *dept, int year, jx_kind kind, double a, double c,
				 double d)
{
	jx_evaluation *ev = jx_evaluation_new(dept, year, kind);
	assert_non_null(ev);
	ev->provenance = JX_PROV_SYNTHETIC;
	assert_non_null(jx_evaluation_add_row(ev, "决策", "目标", "目标设定", "", 20, a,
					      JX_ORIGIN_STATED, 1));
	assert_non_null(jx_evaluation_add_row(ev, "决策", "预算", "预算编制", "", 20, 20,
					      JX_ORIGIN_STATED, 2));
	assert_non_null(jx_evaluation_add_row(ev, "管理", "资金", "资金使用", "", 30, c,
					      JX_ORIGIN_STATED, 3));
	assert_non_null(jx_evaluation_add_row(ev, "管理", "资产", "资产管理", "", 30, d,
					      JX_ORIGIN_STATED, 4));
	return ev;
}

static jx_figures *figures(int year, double budget, double expenditure)
{
	jx_figures *f = jx_figures_new(DEPT, year);
	assert_non_null(f);
	f->provenance = JX_PROV_SYNTHETIC;
	assert_int_equal(jx_figures_set(f, "budget_total", (int64_t)(budget * 100), 1), 0);
	assert_int_equal(jx_figures_set(f, "expenditure_total", (int64_t)(expenditure * 100), 2),
			 0);
	return f;
}

static int setup(void **state)
{
	jx_store *st = NULL;
	jx_batch *b = jx_batch_new("fixture");
	jx_init();
	tu_catalogs();
	if (!b || jx_store_open(&st, ":memory:", JX_STORE_CREATE) != 0)
		return -1;
	for (int i = 0; i < 5; i++)
		jx_batch_add_evaluation(b, evaluation(DEPT, 2019 + i, JX_KIND_SELF, score_a[i],
						      score_c[i], score_d[i]));
	jx_batch_add_evaluation(b, evaluation(DEPT, 2022, JX_KIND_REVIEW, 14, 30, 27));
	jx_batch_add_evaluation(b, evaluation("乙局", 2023, JX_KIND_SELF, 20, 30, 30));
	for (int i = 0; i < 4; i++)
		jx_batch_add_figures(b, figures(2020 + i, 100, 60 + 20 * i));
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

static jx_report *build(jx_store *st, const char *dept)
{
	jx_report_request req;
	jx_report *r = NULL;
	jx_report_request_init(&req);
	req.department = dept;
	assert_int_equal(jx_report_build(&r, st, &req), 0);
	return r;
}

static const jx_suggestion *find(const jx_report *r, jx_rule rule, size_t nth)
{
	for (size_t i = 0; i < r->nsuggestions; i++)
		if (r->suggestions[i].rule == rule && nth-- == 0)
			return &r->suggestions[i];
	return NULL;
}

static size_t count(const jx_report *r, jx_rule rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsuggestions; i++)
		n += r->suggestions[i].rule == rule;
	return n;
}

/* Two-sided p of Student t with 3 degrees of freedom (closed form). */
static double p_t3(double t)
{
	double u = fabs(t) / sqrt(3.0);
	return 2 * (1 - (0.5 + (u / (1 + u * u) + atan(u)) / 3.14159265358979323846));
}

static void test_report__rules_fire_on_fixture(void **state)
{
	jx_report *r = build(*state, DEPT);
	const jx_suggestion *s;
	double t_total = -0.018 / sqrt(0.00088 / 30);
	double pi_low = 0.4990060668343473;

	assert_int_equal(r->year_latest, 2023);
	assert_int_equal(r->year_previous, 2022);
	/* R1 */
	assert_int_equal(count(r, JX_RULE_PERSISTENT), 1);
	s = find(r, JX_RULE_PERSISTENT, 0);
	assert_string_equal(s->unit->level3, "目标设定");
	assert_int_equal((int)s->value, 4);
	assert_int_equal(s->year, 2020);
	assert_int_equal(s->year2, 2023);
	assert_true(fabs(s->value2 - 1) < 1e-12);
	assert_int_equal(strncmp(s->anchor, "run-", 4), 0);
	/* R2: the weak indicators no more specific rule covers. Window 2021-2023: A lost
	 * 3 + 4 + 5, C 3 (2023), D 3 (2022): 18 points. A has R1, C (new since 2022) R6; D is
	 * large (3/18 = 16.7% >= 15%), full marks in 2023: its target is full marks */
	assert_int_equal(count(r, JX_RULE_LOW_RATE), 1);
	s = find(r, JX_RULE_LOW_RATE, 0);
	assert_string_equal(s->unit->level3, "资产管理");
	assert_true(fabs(s->value - 3) < 1e-9);
	assert_true(fabs(s->value2 - 1) < 1e-12);
	assert_int_equal(s->count, 3);
	assert_int_equal(strncmp(s->anchor, "weak-", 5), 0);
	/* R3: 决策 only (the total's least-squares p ≈ .045 was a false alarm's kind) */
	assert_true(p_t3(t_total) < 0.05);
	assert_int_equal(count(r, JX_RULE_FALLING), 1);
	s = find(r, JX_RULE_FALLING, 0);
	assert_string_equal(s->unit->level1, "决策");
	assert_int_equal(s->unit->level, JX_LEVEL_1);
	assert_true(fabs(s->value - -0.03) < 1e-12);
	assert_true(fabs(s->value2 - 1.0 / 60) < 1e-12);
	assert_true(fabs(jx_trend_find(r->trend, 0, "")->q_value - 1.0 / 12) < 1e-12);
	assert_true(fabs(jx_trend_find(r->trend, 1, "决策")->q_value - 1.0 / 45) < 1e-12);
	/* R4 and R10 name A, which R1 covers: merged into R1's entry, in the order they
	 * fired (one entry per indicator whatever rules fired) */
	assert_int_equal(count(r, JX_RULE_CONCENTRATED), 0);
	assert_int_equal(count(r, JX_RULE_SELF_HIGH), 0);
	s = find(r, JX_RULE_PERSISTENT, 0);
	assert_int_equal(s->nmerged, 2);
	assert_int_equal(s->merged[0].rule, JX_RULE_CONCENTRATED);
	assert_int_equal(s->merged[0].count, 1);
	assert_string_equal(s->merged[0].unit->level3, "目标设定");
	assert_true(fabs(s->merged[0].value - 14.0 / 23) < 1e-12);
	assert_int_equal(strncmp(s->merged[0].anchor, "pareto-", 7), 0);
	/* R5 */
	assert_int_equal(count(r, JX_RULE_PAIR), 0);
	/* R6 */
	assert_int_equal(count(r, JX_RULE_NEW), 1);
	s = find(r, JX_RULE_NEW, 0);
	assert_string_equal(s->unit->level3, "资金使用");
	assert_true(fabs(s->value - 3) < 1e-9);
	assert_int_equal(s->year, 2023);
	assert_int_equal(s->year2, 2022);
	/* R7 */
	s = find(r, JX_RULE_FORECAST_GRADE, 0);
	assert_non_null(s);
	assert_true(fabs(s->value - pi_low) < 1e-6);
	assert_true(fabs(s->value2 - 0.9) < 1e-12);
	assert_int_equal(s->year, 2024);
	/* R8, R9 */
	s = find(r, JX_RULE_EXECUTION, 0);
	assert_non_null(s);
	assert_true(fabs(s->value - 1.2) < 1e-12);
	assert_string_equal(s->anchor, "fig-2023");
	s = find(r, JX_RULE_GROWTH, 0);
	assert_non_null(s);
	assert_true(fabs(s->value - (1.0 / 3 + 0.25 + 0.2) / 3) < 1e-12);
	assert_string_equal(s->anchor, "growth");
	/* R10, merged into A's R1 entry */
	s = find(r, JX_RULE_PERSISTENT, 0);
	assert_int_equal(s->merged[1].rule, JX_RULE_SELF_HIGH);
	assert_int_equal(s->merged[1].year, 2022);
	assert_int_equal(s->merged[1].count, 1);
	assert_true(fabs(s->merged[1].value - 2) < 1e-12);
	assert_string_equal(s->merged[1].unit->level3, "目标设定");
	assert_int_equal(strncmp(s->merged[1].anchor, "sr-", 3), 0);
	/* in rule order, nothing else: R1 (with R4, R10), R2, R3 (决策), R6, R7, R8, R9 */
	assert_int_equal(r->nsuggestions, 7);
	for (size_t i = 0; i < r->nsuggestions; i++)
		assert_int_equal(r->suggestions[i].nmerged,
				 r->suggestions[i].rule == JX_RULE_PERSISTENT ? 2 : 0);
	for (size_t i = 1; i < r->nsuggestions; i++)
		assert_true(r->suggestions[i - 1].rule <= r->suggestions[i].rule);
	assert_int_equal(r->synthetic, 1);
	jx_report_free(r);
}

static char *render(jx_store *st, jx_report *r, jx_report_format fmt, jx_lang lang)
{
	jx_report_request req;
	char *text = NULL;
	jx_report_request_init(&req);
	req.department = r->department;
	req.format = fmt;
	req.lang = lang;
	req.charts = 0;
	req.generated = "2024-06-01";
	assert_int_equal(jx_report_render(&text, r, st, &req), 0);
	return text;
}

/* Every suggestion links to an element of the document with its anchor. */
static void test_report__suggestions_link_to_evidence(void **state)
{
	jx_report *r = build(*state, DEPT);
	char *html = render(*state, r, JX_REPORT_HTML, JX_LANG_ZH), id[64], href[64];
	for (size_t i = 0; i < r->nsuggestions; i++) {
		snprintf(id, sizeof(id), " id=\"%s\"", r->suggestions[i].anchor);
		snprintf(href, sizeof(href), "href=\"#%s\"", r->suggestions[i].anchor);
		if (!strstr(html, id) || !strstr(html, href))
			fail_msg("suggestion %zu (%s): no %s or %s", i,
				 jx_rule_id(r->suggestions[i].rule), id, href);
	}
	/* the numbers of R1 and R9 as the report prints them */
	assert_non_null(strstr(html, "「目标设定」已连续 4 年扣分（2020–2023 年）"));
	assert_non_null(strstr(html, "近 3 年支出年均增长 26.1%，超过 15.0% 的预警线"));
	assert_non_null(strstr(html, "合成数据："));
	free(html);
	jx_report_free(r);
}

static void test_report__sections_and_english(void **state)
{
	static const char *const ids[] = {"basics",      "summary",    "targets",   "problems",
					  "suggestions", "budget-use", "appendix",  "trends",
					  "weak",        "deductions", "forecast",  "figures",
					  "projects",    "review",     "provenance"};
	jx_report *r = build(*state, DEPT);
	char *zh = render(*state, r, JX_REPORT_HTML, JX_LANG_ZH);
	char *en = render(*state, r, JX_REPORT_HTML, JX_LANG_EN), sec[64];
	for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++) {
		snprintf(sec, sizeof(sec), "<section id=\"%s\">", ids[i]);
		assert_non_null(strstr(zh, sec));
		assert_non_null(strstr(en, sec));
	}
	assert_non_null(strstr(zh, "<h2>二、评价结论</h2>"));
	/* 甲局 has no project evaluations: appendix 6 says so */
	assert_non_null(strstr(zh, "所选年度内没有该部门的项目支出绩效自评表。"));
	assert_non_null(strstr(en, "<h2>2. Conclusion</h2>"));
	assert_non_null(strstr(en, "<html lang=\"en\">"));
	assert_null(strstr(en, "改进建议"));
	/* the printed pages' synthetic-data mark in one language */
	assert_non_null(strstr(zh, "@page{@bottom-left{content:'合成数据';"));
	assert_non_null(strstr(en, "@page{@bottom-left{content:'synthetic data';"));
	/* the summary card: 92 of 100 in 2023, 93 → 92 is -1 point */
	assert_non_null(strstr(zh, "<div class=\"value\">92 / 100</div>"));
	assert_non_null(strstr(zh, "<div class=\"value\">-1 分</div>"));
	/* 结果应用与预算建议: 2023 execution 120/100 > 110%; one indicator (A) deducted 4
	 * years running (R1); no projects, so no project line */
	assert_non_null(strstr(zh, "<li>2023 年预算执行率 120.0%，超过 110%：下年度预算编制更准确，"
				   "减少年中追加。"));
	assert_non_null(strstr(zh, "<li>1 项指标已连续 3 年以上扣分：下年度预算安排与这些指标的整改"
				   "目标挂钩，整改不到位的相关支出从严核定。"));
	assert_non_null(strstr(zh, "href=\"#fig-2023\"")); /* its evidence */
	assert_null(strstr(zh, "个项目各年预算执行率均低于"));
	assert_non_null(strstr(en, "Budget execution in 2023 was 120.0%, above 110%"));
	assert_null(strstr(zh, "<script"));
	free(zh);
	free(en);
	jx_report_free(r);
}

/* Text from the database is escaped in HTML and Markdown. */
static void test_report__names_escaped(void **state)
{
	static const char hostile[] = "<script>alert(1)</script> & \"q\" 'x' |*_[a](b)";
	jx_batch *b = jx_batch_new("hostile");
	jx_report *r;
	char *html, *md;
	for (int y = 2021; y <= 2023; y++)
		jx_batch_add_evaluation(b, evaluation(hostile, y, JX_KIND_SELF, 15, 30, 30));
	assert_int_equal(jx_store_import(*state, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
	r = build(*state, hostile);
	html = render(*state, r, JX_REPORT_HTML, JX_LANG_ZH);
	md = render(*state, r, JX_REPORT_MD, JX_LANG_ZH);
	assert_null(strstr(html, "<script"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; "
				     "&#39;x&#39; |*_[a](b)"));
	for (const char *p = strstr(md, "<script"); p; p = strstr(p + 1, "<script"))
		if (p == md || p[-1] != '\\')
			fail_msg("an unescaped <script in the Markdown");
	assert_non_null(
		strstr(md, "\\<script\\>alert(1)\\</script\\> \\& \"q\" 'x' \\|\\*\\_\\[a\\](b)"));
	free(html);
	free(md);
	jx_report_free(r);
}

static void test_report__numbers_as_printed(void **state)
{
	rd_doc d;
	(void)state;
	rd_init(&d, JX_LANG_ZH);
	assert_string_equal(rd_pct(&d, 0.123456), "12.3%");
	assert_string_equal(rd_pct(&d, 1), "100.0%");
	assert_string_equal(rd_pct(&d, NAN), RD_DASH);
	assert_string_equal(rd_pp(&d, -0.0004), "0.0");
	assert_string_equal(rd_pp(&d, 0.0125001), "+1.3");
	assert_string_equal(rd_slope(&d, -0.0035), "-0.35");
	assert_string_equal(rd_pts(&d, 97.5), "97.5");
	assert_string_equal(rd_pts(&d, 0.1 + 0.2), "0.3");
	assert_string_equal(rd_dpts(&d, 2), "+2");
	assert_string_equal(rd_dpts(&d, -0.5), "-0.5");
	assert_string_equal(rd_dpts(&d, 0), "0");
	assert_string_equal(rd_p(&d, 0.0004), "<0.001");
	assert_string_equal(rd_p(&d, 0.0889847), "0.089");
	assert_string_equal(rd_money(&d, 3563.83), "3,563.83");
	assert_string_equal(rd_money(&d, -1234567.5), "-1,234,567.50");
	assert_string_equal(rd_money(&d, 999), "999.00");
	assert_false(d.failed);
	rd_free(&d);
}

/* Length of the department's or a unit's name (data, not translated) at p, or 0. */
static size_t data_name_at(const jx_report *r, const char *p)
{
	const jx_units *u = r->trend->units;
	size_t best = 0;
	for (size_t i = 0; i < u->nunits; i++) {
		const char *names[] = {u->units[i].level1, u->units[i].level2, u->units[i].level3};
		for (size_t k = 0; k < 3; k++)
			if (names[k] && *names[k] && !strncmp(p, names[k], strlen(names[k])) &&
			    strlen(names[k]) > best)
				best = strlen(names[k]);
	}
	for (size_t i = 0; i < r->rank->nrows; i++) {
		const char *dept = r->rank->rows[i].department;
		if (!strncmp(p, dept, strlen(dept)) && strlen(dept) > best)
			best = strlen(dept);
	}
	return best;
}

/* The English report of one evaluated year: plurals right, grades and words in English, no
 * Chinese left but the department's and indicators' names (data). */
static void test_report__english_one_year(void **state)
{
	jx_report *r = build(*state, "乙局");
	char *en = render(*state, r, JX_REPORT_MD, JX_LANG_EN), *sum = NULL;
	assert_non_null(strstr(en, "乙局 \\| self-evaluation \\| 2023 (1 evaluated year)"));
	assert_null(strstr(en, "1 evaluated years"));
	assert_non_null(strstr(en, "0 planning suggestions"));
	/* profile mode: one sentence of its own, in English */
	assert_non_null(strstr(en, "Fewer than 3 evaluated years (1): no forecast for next year."));
	assert_null(strstr(en, "评价年度少于"));
	/* the grade band 优 of the store is "excellent" in English */
	assert_int_equal(jx_report_summary(&sum, r, JX_LANG_EN), 0);
	assert_string_equal(sum,
			    "乙局, 2023: total score 100 / 100, grade excellent, rank 1/2.\n"
			    "0 weak indicators.\n"
			    "Fewer than 3 evaluated years: no forecast; 0 planning suggestions.\n");
	/* the caller's language (English here) is back after a Chinese document */
	free(render(*state, r, JX_REPORT_HTML, JX_LANG_ZH));
	assert_int_equal(jx_i18n_lang(), JX_LANG_EN);
	assert_string_equal(jx_kind_label(JX_KIND_SELF), "self-evaluation");
	for (const char *p = en; *p; p++) {
		size_t skip = data_name_at(r, p);
		if (skip)
			p += skip - 1;
		else if ((unsigned char)p[0] == 0xe4 ||
			 ((unsigned char)p[0] >= 0xe5 && (unsigned char)p[0] <= 0xe9))
			fail_msg("Chinese in the English report: %.40s", p);
	}
	free(sum);
	free(en);
	jx_report_free(r);
	assert_string_equal(jx_rule_id(JX_RULE_PERSISTENT), "R1");
	assert_string_equal(jx_rule_id(JX_RULE_SELF_HIGH), "R10");
	assert_string_equal(jx_rule_name(JX_RULE_GROWTH), "growth");
}

static void test_report__svg_made_inline(void **state)
{
	static const char svg[] =
		"<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\n"
		"<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">\n"
		"<svg width=\"600\" height=\"400\" viewBox=\"0 0 600 400\" onload=\"evil()\" "
		"xmlns=\"http://www.w3.org/2000/svg\" "
		"xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
		"<!-- a comment -->\n<script type=\"text/javascript\"><![CDATA[ alert(1) "
		"]]></script>\n"
		"<defs><path id='gpPt0' d='M0 0'/><clipPath id=\"c1\"><rect/></clipPath></defs>\n"
		"<g clip-path=\"url(#c1)\"><use xlink:href=\"#gpPt0\" x=\"1\"/>"
		"<text>id=\"x\" &lt;b&gt; url(#c1)</text></g>\n</svg>\n";
	char *out = rp_svg_inline(svg, "c7-");
	(void)state;
	assert_non_null(out);
	assert_int_equal(strncmp(out, "<svg width=\"600\"", 16), 0);
	assert_null(strstr(out, "<?xml"));
	assert_null(strstr(out, "DOCTYPE"));
	assert_null(strstr(out, "script"));
	assert_null(strstr(out, "onload"));
	assert_null(strstr(out, "comment"));
	assert_non_null(strstr(out, "<path id='c7-gpPt0' d='M0 0'/>"));
	assert_non_null(strstr(out, "<clipPath id=\"c7-c1\">"));
	assert_non_null(strstr(out, "clip-path=\"url(#c7-c1)\""));
	assert_non_null(strstr(out, "xlink:href=\"#c7-gpPt0\""));
	/* text between tags is left as gnuplot escaped it */
	assert_non_null(strstr(out, "<text>id=\"x\" &lt;b&gt; url(#c1)</text>"));
	assert_non_null(strstr(out, "</svg>\n"));
	free(out);
	assert_null(rp_svg_inline("<html>no svg</html>", "c1-"));
}

/* One evaluated year: no trend, no comparison, no forecast, still every section. */
static void test_report__one_year(void **state)
{
	jx_report *r = build(*state, "乙局");
	char *html, *sum = NULL;
	assert_int_equal(r->year_previous, 0);
	assert_null(r->compare);
	assert_null(r->forecast);
	assert_non_null(r->forecast_note);
	assert_null(r->funds);
	assert_null(r->selfreview);
	assert_int_equal(r->nsuggestions, 0);
	/* 2023: 甲局 92, 乙局 100 → rank 1 of 2 */
	assert_non_null(r->rank_row);
	assert_int_equal(r->rank_row->rank, 1);
	html = render(*state, r, JX_REPORT_HTML, JX_LANG_ZH);
	assert_non_null(strstr(html, "<section id=\"provenance\">"));
	assert_non_null(strstr(html, "评价年度少于 3 个（1 个），不做下年度预测。"));
	assert_null(strstr(html, "无法预测")); /* not the analysis's English message */
	assert_int_equal(jx_report_summary(&sum, r, JX_LANG_ZH), 0);
	assert_string_equal(sum, "乙局：2023 年总分 100 / 100，等级 优，部门排名 1/2。\n"
				 "薄弱指标 0 项。\n"
				 "评价年度不足 3 个，未做预测；规划建议 0 条。\n");
	free(sum);
	free(html);
	jx_report_free(r);
}

static void test_report__bad_requests(void **state)
{
	jx_report_request req;
	jx_report *r = (jx_report *)1;
	jx_report_format f;
	jx_lang l;
	jx_report_request_init(&req);
	assert_int_equal(jx_report_build(&r, *state, &req), JX_EINVAL);
	assert_null(r);
	req.department = "没有这个部门";
	assert_int_equal(jx_report_build(&r, *state, &req), JX_ENOTFOUND);
	assert_null(r);
	req.department = DEPT;
	req.year_from = 2030;
	assert_int_equal(jx_report_build(&r, *state, &req), JX_ENOTFOUND);
	assert_int_equal(jx_report_format_parse("md", &f), 0);
	assert_int_equal(f, JX_REPORT_MD);
	assert_int_equal(jx_report_format_parse("pdf", &f), JX_EINVAL);
	assert_int_equal(jx_lang_parse("en", &l), 0);
	assert_int_equal(jx_lang_parse("fr", &l), JX_EINVAL);
	jx_report_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_report__rules_fire_on_fixture, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_report__suggestions_link_to_evidence, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_report__sections_and_english, setup, teardown),
		cmocka_unit_test_setup_teardown(test_report__names_escaped, setup, teardown),
		cmocka_unit_test(test_report__numbers_as_printed),
		cmocka_unit_test_setup_teardown(test_report__english_one_year, setup, teardown),
		cmocka_unit_test(test_report__svg_made_inline),
		cmocka_unit_test_setup_teardown(test_report__one_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_report__bad_requests, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
