/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report_problems.c -- the report's main problems: ranked by the points lost in the
 * latest year times the years of the window (3) in which the indicator lost points.
 *
 * Fixture 问局 (synthetic, self, 2022-2024), points lost per year, by hand:
 *   indicator weight  2022 2023 2024   latest × deducted years = priority, window points
 *   A          20       2    2    2      2 × 3 = 6   (window 6)
 *   B          10       0    0    5      5 × 1 = 5   (window 5)
 *   C          10       0    1    3      3 × 2 = 6   (window 4: after A on the tie)
 *   D          10       4    4    0      no loss in 2024: not a problem
 *   E          10       1    0    1      1 × 2 = 2
 *   F          10     0.5  0.5  0.5    0.5 × 3 = 1.5
 *   G          30       0    0    1      1 × 1 = 1   (sixth: left out, at most 5)
 * So: A, C, B, E, F. A's 2024 row states its reason "制度未执行".
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

static const char *const names[] = {"A", "B", "C", "D", "E", "F", "G"};
static const double weights[] = {20, 10, 10, 10, 10, 10, 30};
static const double lost[3][7] = {{2, 0, 0, 4, 1, 0.5, 0},
				  {2, 0, 1, 4, 0, 0.5, 0},
				  {2, 5, 3, 0, 1, 0.5, 1}};

static int setup(void **state)
{
	jx_batch *b = jx_batch_new("fixture");
	jx_init();
	tu_catalogs();
	if (!b)
		return -1;
	for (int y = 0; y < 3; y++) {
		jx_evaluation *ev = jx_evaluation_new("问局", 2022 + y, JX_KIND_SELF);
		assert_non_null(ev);
		ev->provenance = JX_PROV_SYNTHETIC;
		for (int i = 0; i < 7; i++) {
			jx_indicator *row = jx_evaluation_add_row(
				ev, "管理", "制度", names[i], "", weights[i],
				weights[i] - lost[y][i], JX_ORIGIN_STATED, i + 1);
			assert_non_null(row);
			if (y == 2 && i == 0)
				assert_int_equal(jx_indicator_set_target(row, 2024, NULL, NULL,
									 "制度未执行"),
						 0);
		}
		jx_batch_add_evaluation(b, ev);
	}
	return tu_store_fixture(state, b);
}

static jx_report *build(jx_store *st)
{
	jx_report_request req;
	jx_report *r = NULL;
	jx_report_request_init(&req);
	req.department = "问局";
	req.charts = 0;
	assert_int_equal(jx_report_build(&r, st, &req), 0);
	return r;
}

static void test_report__problems_ranked_by_recurring_loss(void **state)
{
	static const char *const order[] = {"A", "C", "B", "E", "F"};
	static const double latest[] = {2, 3, 5, 1, 0.5}, window[] = {6, 4, 5, 2, 1.5};
	static const size_t years[] = {3, 2, 1, 2, 3};
	jx_report *r = build(*state);
	assert_int_equal(r->nproblems, 5);
	for (size_t i = 0; i < 5; i++) {
		const jx_problem *p = &r->problems[i];
		assert_string_equal(p->unit->level3, order[i]);
		assert_true(fabs(p->latest_lost - latest[i]) < 1e-9);
		assert_true(fabs(p->window_lost - window[i]) < 1e-9);
		assert_int_equal(p->ndeducted, years[i]);
		assert_int_equal(p->nwindow, 3);
		assert_true(fabs(p->priority - latest[i] * (double)years[i]) < 1e-9);
	}
	assert_non_null(r->problems[0].reason);
	assert_string_equal(r->problems[0].reason, "制度未执行");
	assert_null(r->problems[1].reason);
	jx_report_free(r);
}

/* The section: each problem with its years and points, the reason, a link to its row. */
static void test_report__problems_section(void **state)
{
	jx_report_request req;
	jx_report *r = build(*state);
	char *md = NULL;
	jx_report_request_init(&req);
	req.department = "问局";
	req.format = JX_REPORT_MD;
	req.charts = 0;
	assert_int_equal(jx_report_render(&md, r, *state, &req), 0);
	assert_non_null(strstr(md,
			       "1. <a id=\"problem-1\"></a><strong>「A」</strong>：扣 2 分（满分 "
			       "20 分，2024 年）；扣分年数 3 / 近 3 个评价年度：2022 (2)、2023 "
			       "(2)、2024 (2)。部门说明的原因：制度未执行 [→ 证据](#target-0)"));
	assert_non_null(strstr(md,
			       "2. <a id=\"problem-2\"></a><strong>「C」</strong>：扣 3 分（满分 "
			       "10 分，2024 年）；扣分年数 2 / 近 3 个评价年度：2023 (1)、2024 "
			       "(3)。部门报告未说明原因。 [→ 证据](#target-2)"));
	assert_null(strstr(md, "problem-6"));
	/* the targets table: A's row with its reason; the conclusion names the five */
	assert_non_null(strstr(md, "| <a id=\"target-0\"></a>管理 | A | 20 | 18 | 90.0% | **2** | "
				   "制度未执行 |"));
	assert_null(strstr(md, "没有逐项说明扣分原因")); /* A states one: no note */
	assert_non_null(strstr(md, "2024 年的主要问题：「A」、「C」、「B」、「E」、「F」；"));
	free(md);
	jx_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report__problems_ranked_by_recurring_loss),
		cmocka_unit_test(test_report__problems_section),
	};
	return cmocka_run_group_tests(tests, setup, tu_store_teardown);
}
