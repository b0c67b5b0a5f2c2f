/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_model.c -- the model: targets and actual values parsed, completion, project
 * names and keys, a project's figures.
 *
 * Every expected value below was worked out by hand from the rules in
 * docs/methods.md ("Targets and completion"): a percentage is a fraction, a
 * date is yyyymmdd with 00 for what the text does not give, a bare target is
 * "at least" (at most for a cost indicator and for a date). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "jixiao.h"

typedef struct {
	const char *text;
	int cost, is_target;
	int parsed;
	jx_bound bound;
	double value;
	const char *unit;
	int implied;
} parse_case;

static void test_model__quantities_parse(void **state)
{
	static const parse_case cases[] = {
		{"≥95%", 0, 1, 1, JX_BOUND_GE, 0.95, "%", 0},
		{"＞＝９５％", 0, 1, 1, JX_BOUND_GE, 0.95, "%", 0}, /* full-width */
		{"不低于90%", 0, 1, 1, JX_BOUND_GE, 0.90, "%", 0},
		{"95%以上", 0, 1, 1, JX_BOUND_GE, 0.95, "%", 0},
		{"≥95%（含）", 0, 1, 1, JX_BOUND_GE, 0.95, "%", 0},
		{"735人次", 0, 1, 1, JX_BOUND_GE, 735, "人次", 1},
		{"735人次", 1, 1, 1, JX_BOUND_LE, 735, "人次", 1}, /* a cost's bare target */
		{"≤50万元", 1, 1, 1, JX_BOUND_LE, 50, "万元", 0},
		{"1,000个", 0, 1, 1, JX_BOUND_GE, 1000, "个", 1},
		{"3个工作日内", 0, 1, 1, JX_BOUND_LE, 3, "个工作日", 0},
		{"<5‰", 0, 1, 1, JX_BOUND_LT, 0.005, "%", 0},
		{"9月前", 0, 1, 1, JX_BOUND_LE, 20230900, "date", 0},
		{"6月30日前", 0, 1, 1, JX_BOUND_LE, 20230630, "date", 0},
		{"2019年", 0, 1, 1, JX_BOUND_LE, 20190000, "date", 1},
		{"年底前", 0, 1, 1, JX_BOUND_LE, 20230000, "date", 0},
		{"2023年8月底前", 0, 1, 1, JX_BOUND_LE, 20230800, "date", 0},
		{"2023-12-31", 0, 1, 1, JX_BOUND_LE, 20231231, "date", 1},
		{"2023年10月", 0, 0, 1, JX_BOUND_EQ, 20231000, "date", 1}, /* an actual */
		{"98.5%", 0, 0, 1, JX_BOUND_EQ, 0.985, "%", 1},
		{"有效", 0, 1, 0, JX_BOUND_NONE, NAN, "", 0},
		{"90%-100%", 0, 1, 0, JX_BOUND_NONE, NAN, "", 0}, /* a range is not guessed */
		{"5元/天", 0, 1, 0, JX_BOUND_NONE, NAN, "", 0},
		{"2023.12", 0, 1, 1, JX_BOUND_GE, 2023.12, "", 1}, /* an amount, not a month */
		{"0%", 0, 1, 1, JX_BOUND_LE, 0, "%", 1},           /* a bare 0 is a cap */
		{"", 0, 1, 0, JX_BOUND_NONE, NAN, "", 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const parse_case *c = &cases[i];
		jx_quantity q;
		int ok = jx_quantity_parse(&q, c->text, 2023, c->cost, c->is_target);
		if (ok != c->parsed || q.bound != c->bound || strcmp(q.unit, c->unit) != 0 ||
		    (c->parsed && (fabs(q.value - c->value) > 1e-12 || q.implied != c->implied)) ||
		    (!c->parsed && !isnan(q.value)))
			fail_msg("'%s': got parsed %d bound %s value %.12g unit '%s' implied %d",
				 c->text, ok, jx_bound_name(q.bound), q.value, q.unit, q.implied);
	}
}

typedef struct {
	const char *target, *actual;
	int cost;
	jx_completion want;
} done_case;

static void test_model__completion(void **state)
{
	static const done_case cases[] = {
		{"≥95%", "98%", 0, JX_DONE_MET},
		{"≥95%", "95%", 0, JX_DONE_MET}, /* equal meets ≥ */
		{"≥95%", "90%", 0, JX_DONE_MISSED},
		{">95%", "95%", 0, JX_DONE_MISSED},
		{"735人次", "800人次", 0, JX_DONE_MET},
		{"735人次", "700", 0, JX_DONE_MISSED}, /* a bare actual takes 人次 */
		{"50万元", "52", 1, JX_DONE_MISSED},   /* cost: at most 50 */
		{"≤50万元", "48.5万元", 1, JX_DONE_MET},
		{"5万人次", "60000人次", 0, JX_DONE_MET}, /* 万人次 = 10^4 人次 */
		{"≥95%", "0.98", 0, JX_DONE_MET}, /* a spreadsheet's 98% without its format */
		{"≥95%", "0.9", 0, JX_DONE_MISSED},
		{"≥95%", "98", 0, JX_DONE_UNKNOWN},   /* a bare 98 against a percentage */
		{"≥95%", "98人", 0, JX_DONE_UNKNOWN}, /* different units */
		{"9月前", "2023年8月", 0, JX_DONE_MET},
		{"9月前", "2023年10月", 0, JX_DONE_MISSED},
		{"9月前", "2023年9月", 0, JX_DONE_MET},      /* within September */
		{"6月30日前", "2023年", 0, JX_DONE_UNKNOWN}, /* a year may or may not be by June */
		{"2023年", "2022年11月", 0, JX_DONE_MET},
		{"2022年", "2023年", 0, JX_DONE_MISSED},
		{"0", "0.3%", 0, JX_DONE_UNKNOWN}, /* a bare 0 against a percentage */
		{"0%", "0.3%", 0, JX_DONE_MISSED},
		{"有效", "有效", 0, JX_DONE_MET},     /* text: the same words meet */
		{"有效", "良好", 0, JX_DONE_UNKNOWN}, /* never missed */
		{"90%-100%", "80%", 0, JX_DONE_UNKNOWN},
		{"≥95%", "", 0, JX_DONE_NONE},
		{"", "98%", 0, JX_DONE_NONE},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const done_case *c = &cases[i];
		jx_quantity t, a;
		jx_completion got;
		jx_quantity_parse(&t, c->target, 2023, c->cost, 1);
		jx_quantity_parse(&a, c->actual, 2023, c->cost, 0);
		got = jx_completion_of(&t, &a, c->target, c->actual);
		if (got != c->want)
			fail_msg("'%s' / '%s': %s, expected %s", c->target, c->actual,
				 jx_completion_name(got), jx_completion_name(c->want));
	}
}

/* A row's target is parsed in its evaluation's year, a cost row's bare target as a cap. */
static void test_model__row_targets(void **state)
{
	jx_evaluation *ev = jx_evaluation_new("示例县教育局", 2022, JX_KIND_SELF);
	jx_indicator *cost, *date, *fund;
	(void)state;
	assert_non_null(ev);
	assert_int_equal(jx_evaluation_set_project(ev, "2022年义务教育营养改善计划专项资金"), 0);
	cost = jx_evaluation_add_row(ev, "产出指标", "成本指标", "生均补助", "", 10, 10,
				     JX_ORIGIN_STATED, 3);
	assert_non_null(cost);
	assert_true(jx_indicator_is_cost(cost));
	assert_int_equal(jx_indicator_set_target(cost, ev->year, "5元", "4.5元", NULL), 0);
	assert_int_equal(cost->target_q.bound, JX_BOUND_LE);
	assert_int_equal(cost->completion, JX_DONE_MET);
	assert_null(cost->reason);
	date = jx_evaluation_add_row(ev, "产出指标", "时效指标", "拨付", "", 10, 8,
				     JX_ORIGIN_STATED, 4);
	assert_non_null(date);
	assert_false(jx_indicator_is_cost(date));
	assert_int_equal(jx_indicator_set_target(date, ev->year, "9月前", "10月", "调度滞后"), 0);
	assert_true(date->target_q.value == 20220900 && date->actual_q.value == 20221000);
	assert_int_equal(date->completion, JX_DONE_MISSED);
	assert_string_equal(date->reason, "调度滞后");
	fund = jx_evaluation_add_row(ev, JX_FUND_LEVEL1, JX_FUND_LEVEL2, JX_FUND_LEVEL3, "", 10, 9,
				     JX_ORIGIN_STATED, 5);
	assert_true(jx_indicator_is_fund(fund));
	assert_false(jx_indicator_is_fund(date));
	/* clearing: "" and NULL both mean none */
	assert_int_equal(jx_indicator_set_target(date, ev->year, "", NULL, ""), 0);
	assert_null(date->target);
	assert_int_equal(date->completion, JX_DONE_NONE);
	jx_evaluation_free(ev);
}

static void test_model__project_names(void **state)
{
	static const char *const same[] = {
		"2023年义务教育营养改善计划专项资金", "2022年度义务教育营养改善计划专项资金",
		"２０２１ 年 义务教育营养改善计划专项资金",
		"（2020年度）义务教育营养改善计划专项资金", " 义务教育 营养改善计划专项资金 "};
	char *key0 = jx_project_key(same[0]), *clean;
	(void)state;
	assert_string_equal(key0, "义务教育营养改善计划专项资金");
	for (size_t i = 1; i < sizeof(same) / sizeof(same[0]); i++) {
		char *k = jx_project_key(same[i]);
		if (strcmp(k, key0) != 0)
			fail_msg("'%s' has key '%s', not '%s'", same[i], k, key0);
		free(k);
	}
	clean = jx_project_name_clean("2023年义务教育营养改善计划专项资金");
	assert_string_equal(clean, "义务教育营养改善计划专项资金");
	free(clean);
	/* a name that is only a year keeps it; a year inside the name stays */
	clean = jx_project_name_clean("2023年");
	assert_string_equal(clean, "2023年");
	free(clean);
	clean = jx_project_name_clean("老旧小区2023年改造");
	assert_string_equal(clean, "老旧小区2023年改造");
	free(clean);
	free(key0);
}

/* Project figures take only the fund-block items, department figures only theirs. */
static void test_model__project_figures(void **state)
{
	jx_figures *p = jx_figures_new_project("示例县教育局", 2023, "校舍维修改造资金");
	jx_figures *d = jx_figures_new("示例县教育局", 2023);
	int64_t v = 0;
	(void)state;
	assert_non_null(p);
	assert_non_null(d);
	assert_int_equal(jx_figures_set(p, "project_executed", 57000000, 1), 0);
	assert_int_equal(jx_figures_set(p, "project_budget", 95000000, 2), 0);
	assert_int_equal(jx_figures_set(p, "budget_total", 1, 3), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "department"));
	assert_int_equal(jx_figures_set(d, "project_budget", 1, 3), JX_EINVAL);
	assert_non_null(strstr(jx_error_last(), "project"));
	/* canonical order: the budget before what was executed */
	assert_string_equal(p->items[0].item, "project_budget");
	assert_int_equal(jx_figures_get(p, "project_executed", &v), 1);
	assert_true(v == 57000000);
	assert_string_equal(jx_figure_unit("project_executed"), "元");
	assert_string_equal(jx_figure_unit("project_execution_rate"), "%");
	assert_string_equal(jx_figure_label("project_budget_start"), "年初预算数");
	jx_figures_free(p);
	jx_figures_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model__quantities_parse),
		cmocka_unit_test(test_model__completion),
		cmocka_unit_test(test_model__row_targets),
		cmocka_unit_test(test_model__project_names),
		cmocka_unit_test(test_model__project_figures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
