/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report_merge.c -- one suggestion entry per indicator whatever rules fired: R4 (losses
 * concentrated) and R5 (deducted together) on an indicator that R1 already covers are merged
 * into its entry, which then lists every rule with its own evidence link.
 *
 * Fixture 并局 (synthetic, self, 2019-2024, weights A 50, B 30, C 20), by hand:
 *   A loses 1 point in 2022, 2023, 2024; B loses 0.5 in the same years; C never.
 *   R1: A and B, runs of 3 (2022-2024).
 *   R4: points lost A 3, B 1.5 (4.5): A alone carries 3/4.5 = 66.7% ≥ 50%: merged into A's R1.
 *   R5: A-B deducted together 3 years, clean together 3: phi = (3·3 − 0)/sqrt(3·3·3·3) = 1;
 *       one-sided Fisher p = 1/C(6,3) = 0.05 < 0.1 (the only pair: q = p): the pair, merged
 *       into A's entry (the first that names one of the two).
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

static int setup(void **state)
{
	jx_batch *b = jx_batch_new("fixture");
	jx_init();
	tu_catalogs();
	if (!b)
		return -1;
	for (int y = 2019; y <= 2024; y++) {
		jx_evaluation *ev = jx_evaluation_new("并局", y, JX_KIND_SELF);
		int lost = y >= 2022;
		assert_non_null(ev);
		ev->provenance = JX_PROV_SYNTHETIC;
		assert_non_null(jx_evaluation_add_row(ev, "管理", "制度", "A", "", 50, 50 - lost,
						      JX_ORIGIN_STATED, 1));
		assert_non_null(jx_evaluation_add_row(ev, "管理", "制度", "B", "", 30,
						      30 - 0.5 * lost, JX_ORIGIN_STATED, 2));
		assert_non_null(jx_evaluation_add_row(ev, "管理", "制度", "C", "", 20, 20,
						      JX_ORIGIN_STATED, 3));
		jx_batch_add_evaluation(b, ev);
	}
	return tu_store_fixture(state, b);
}

static size_t naming(const jx_report *r, const char *level3)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsuggestions; i++) {
		const jx_suggestion *s = &r->suggestions[i];
		n += (s->unit && s->unit->level3 && !strcmp(s->unit->level3, level3)) ||
		     (s->unit2 && s->unit2->level3 && !strcmp(s->unit2->level3, level3));
	}
	return n;
}

static void test_report__merge_rules_on_one_indicator(void **state)
{
	jx_report_request req;
	jx_report *r = NULL;
	const jx_suggestion *a = NULL;
	char *md = NULL;
	jx_report_request_init(&req);
	req.department = "并局";
	req.format = JX_REPORT_MD;
	req.charts = 0;
	assert_int_equal(jx_report_build(&r, *state, &req), 0);
	for (size_t i = 0; i < r->nsuggestions; i++) {
		const jx_suggestion *s = &r->suggestions[i];
		assert_int_not_equal(s->rule, JX_RULE_CONCENTRATED);
		assert_int_not_equal(s->rule, JX_RULE_PAIR);
		if (s->rule == JX_RULE_PERSISTENT && !strcmp(s->unit->level3, "A"))
			a = s;
	}
	/* one entry for A, one for B */
	assert_int_equal(naming(r, "A"), 1);
	assert_int_equal(naming(r, "B"), 1);
	assert_non_null(a);
	assert_int_equal(a->nmerged, 2);
	assert_int_equal(a->merged[0].rule, JX_RULE_CONCENTRATED);
	assert_true(fabs(a->merged[0].value - 3 / 4.5) < 1e-9);
	assert_int_equal(a->merged[0].count, 1);
	assert_int_equal(a->merged[1].rule, JX_RULE_PAIR);
	assert_string_equal(a->merged[1].unit->level3, "A");
	assert_string_equal(a->merged[1].unit2->level3, "B");
	assert_true(fabs(a->merged[1].value - 1) < 1e-12);
	assert_int_equal(a->merged[1].count, 3);
	assert_string_equal(a->merged[1].anchor, "pair-1");
	/* the entry lists its three rules, each sentence with its own evidence link */
	assert_int_equal(jx_report_render(&md, r, *state, &req), 0);
	if (!strstr(md, "<strong>【R1 持续扣分、R4 扣分集中、R5 同时扣分】</strong>「A」已连续 3 "
			"年扣分"))
		fail_msg("no merged entry for A in:\n%s",
			 strstr(md, "## 五") ? strstr(md, "## 五") : md);
	assert_non_null(
		strstr(md, "「A」单项即占全期扣分的 66.7%：优先对其整改。 [→ 证据](#pareto-"));
	assert_non_null(strstr(md, "「A」与「B」常在同一年扣分（3 年同时扣分）"));
	assert_non_null(strstr(md, "[→ 证据](#pair-1)"));
	free(md);
	jx_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report__merge_rules_on_one_indicator),
	};
	return cmocka_run_group_tests(tests, setup, tu_store_teardown);
}
