/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_analysis_periods.c -- framework periods and the trend test across a break.
 *
 * Department 丁 replaces its framework in 2020 (old: 投入/目标/A, B, 50 points
 * each; new: 决策/机制/X 40 and Y 60), total rates
 *   2016 .98  2017 .99  2018 .96  2019 .95 | 2020 1  2021 .97  2022 .95  2023 .93  2024 .95
 * 戊 keeps one framework and does not move. Expected values are worked out in the
 * comments (fractions; the exact p by enumerating every ordering in Python).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "analysis_fixture.h"

static int ding(jx_batch *b, int year, double s1, double s2)
{
	const fx_row old_rows[] = {{"投入", "目标", "A", 50, s1, FX_S},
				   {"投入", "目标", "B", 50, s2, FX_S}};
	const fx_row new_rows[] = {{"决策", "机制", "X", 40, s1, FX_S},
				   {"决策", "机制", "Y", 60, s2, FX_S}};
	return fx_eval(b, "丁", year, JX_KIND_SELF, year < 2020 ? old_rows : new_rows, 2);
}

static int wu(jx_batch *b, int year, double s1)
{
	const fx_row rows[] = {{"决策", "机制", "X", 50, s1, FX_S},
			       {"决策", "机制", "Y", 50, 50, FX_S}};
	return fx_eval(b, "戊", year, JX_KIND_SELF, rows, 2);
}

static int setup_periods(void **state)
{
	static const double a[9] = {50, 50, 49, 48, 40, 40, 38, 36, 37},
			    b[9] = {48, 49, 47, 47, 60, 57, 57, 57, 58},
			    w[9] = {50, 49, 50, 48, 50, 49, 50, 49, 50};
	jx_store *st = NULL;
	jx_batch *bt = jx_batch_new("periods.csv");
	int rc = !bt;
	jx_init();
	for (int i = 0; i < 9 && !rc; i++)
		rc = ding(bt, 2016 + i, a[i], b[i]) || wu(bt, 2016 + i, w[i]);
	rc = rc || jx_store_open(&st, ":memory:", JX_STORE_CREATE) ||
	     jx_store_import(st, &bt, 1, 0, NULL);
	jx_batch_free(bt);
	*state = st;
	return rc ? -1 : 0;
}

static jx_trend_result *trend_of(jx_store *st, const char *dept, int level, int from, int to)
{
	jx_series *s = fx_series(st, dept, JX_KIND_SELF);
	jx_trend_result *r = NULL;
	jx_analysis_options o;
	jx_analysis_options_init(&o);
	o.level = level;
	o.year_from = from;
	o.year_to = to;
	assert_non_null(s);
	assert_int_equal(jx_trend_compute(&r, s, &o), 0);
	jx_series_free(s);
	return r;
}

/* 2020 keeps none of 2019's two keys (0 < 2/2): a break; 2021 keeps both. */
static void test_analysis__periods_detected(void **state)
{
	jx_series *s = fx_series(*state, "丁", JX_KIND_SELF);
	jx_units *u;
	int first, last;
	assert_int_equal(jx_units_build(&u, s, NULL), 0);
	assert_int_equal(u->nperiods, 2);
	assert_int_equal(u->periods[4].year, 2020);
	assert_int_equal(u->periods[4].nkeys, 2);
	assert_int_equal(u->periods[4].ncarried, 0);
	assert_true(u->periods[4].detected && u->periods[4].is_break);
	assert_int_equal(u->periods[4].declared, -1);
	assert_int_equal(u->periods[5].ncarried, 2);
	assert_false(u->periods[5].is_break);
	assert_int_equal(u->periods[3].period, 0);
	assert_int_equal(u->periods[8].period, 1);
	jx_units_period_years(u, 1, &first, &last);
	assert_int_equal(first, 2020);
	assert_int_equal(last, 2024);
	jx_units_free(u);
	jx_series_free(s);
}

/* Total: S = −4 (old: one rise, five falls) + −7 (new: eight falls, one tie,
 * one rise) = −11. The exact p over the 4!·5!/2! orderings (a tie of .95 in the
 * new period) is 3/80 = 0.0375; alone in its family q = p < 0.05: falling.
 * Across the break least squares would see 0.98 → 1 as a rise; the step fit's
 * slope is −1/75 per year (within Sxx 15, Sxy −0.2), Sen's −13/800. */
static void test_analysis__trend_across_a_break(void **state)
{
	jx_trend_result *r = trend_of(*state, "丁", JX_LEVEL_TOTAL, 0, 0);
	const jx_trend_row *row = &r->rows[0];
	assert_int_equal(r->nrows, 1);
	assert_int_equal(row->n, 9);
	assert_close(row->mk.s, -11, 0);
	assert_int_equal(row->mk.nperiods, 2);
	assert_close(row->mk.p_value, 3.0 / 80, 1e-14);
	assert_close(row->mk.p_min, 1.0 / 720, 1e-15); /* 2/(24·60) */
	assert_close(row->q_value, 3.0 / 80, 1e-14);
	assert_int_equal(row->direction, JX_DIR_FALLING);
	assert_close(row->fit.slope, -1.0 / 75, 1e-12);
	assert_close(row->theil_sen, -13.0 / 800, 1e-12);
	jx_trend_result_free(r);
	/* four years of the old framework alone: at best p = 2/4! — too few years */
	r = trend_of(*state, "丁", JX_LEVEL_TOTAL, 2016, 2019);
	assert_int_equal(r->rows[0].direction, JX_DIR_TOO_FEW);
	assert_close(r->rows[0].mk.p_min_years, 1.0 / 12, 1e-15);
	jx_trend_result_free(r);
}

/* The units of one result are one family: 丁 at level 3 has A, B (2016–2019) and
 * X, Y (2020–2024). X = 1, 1, .95, .9, .925: S = −7, p = 2/15 (ties 1, 1: 60
 * orderings, smallest p 1/30 < .05, in the family); Y = 1, .95, .95, .95, .9667:
 * S = −1. A and B have 4 years (p ≥ 1/12): too few, not in the family. */
static void test_analysis__trend_family_of_units(void **state)
{
	jx_trend_result *r = trend_of(*state, "丁", JX_LEVEL_3, 0, 0);
	const jx_trend_row *x = jx_trend_find(r, 3, "决策/机制/x"),
			   *a = jx_trend_find(r, 3, "投入/目标/a");
	assert_non_null(x);
	assert_non_null(a);
	assert_close(x->mk.s, -7, 0);
	assert_close(x->mk.p_value, 2.0 / 15, 1e-14);
	assert_close(x->mk.p_min, 1.0 / 30, 1e-15);
	assert_int_equal(a->direction, JX_DIR_TOO_FEW);
	assert_true(isnan(a->q_value));
	/* q of X = BH over the testable units (X and Y): q_X ≥ p_X, flat */
	assert_true(x->q_value >= x->mk.p_value);
	assert_int_equal(x->direction, JX_DIR_FLAT);
	jx_trend_result_free(r);
}

/* Declarations: a break declared in 2022 makes three periods (the new period
 * splits: 1 .97 | .95 .93 .95); denying 2020 makes one. */
static void test_analysis__periods_declared(void **state)
{
	jx_store *st = *state;
	jx_trend_result *r;
	assert_int_equal(jx_store_framework_declare(st, "丁", 2022, 1), 0);
	r = trend_of(st, "丁", JX_LEVEL_TOTAL, 0, 0);
	assert_int_equal(r->units->nperiods, 3);
	assert_int_equal(r->units->periods[6].declared, 1);
	/* S = −4 + (−1) + (−1 + 0 + 1 = 0) = −5 */
	assert_close(r->rows[0].mk.s, -5, 0);
	jx_trend_result_free(r);
	assert_int_equal(jx_store_framework_undeclare(st, "丁", 2022), 0);
	assert_int_equal(jx_store_framework_declare(st, "丁", 2020, 0), 0);
	r = trend_of(st, "丁", JX_LEVEL_TOTAL, 0, 0);
	assert_int_equal(r->units->nperiods, 1);
	assert_true(r->units->periods[4].detected);
	assert_false(r->units->periods[4].is_break);
	jx_trend_result_free(r);
	assert_int_equal(jx_store_framework_undeclare(st, "丁", 2020), 0);
}

/* --all-departments --level total: one family across departments. 丁 p = 3/80;
 * 戊 (1 .99 1 .98 1 .99 1 .99 1, one period of 9 with ties) has S = 1, p = 1;
 * BH over the two: q(丁) = min(1, 2·3/80) = 3/40 > 0.05 — no longer falling:
 * one department in fourteen that looks like this is what chance gives. */
static void test_analysis__trend_family_across_departments(void **state)
{
	jx_trend_result **rs = NULL;
	size_t n = 0, skipped = 0;
	jx_analysis_options o;
	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_TOTAL;
	assert_int_equal(jx_trend_departments(&rs, &n, &skipped, *state, &o), 0);
	assert_int_equal(n, 2);
	assert_int_equal(skipped, 0);
	assert_string_equal(rs[0]->units->department, "丁");
	assert_int_equal(rs[0]->units->nunits, 1); /* compacted */
	assert_string_equal(rs[0]->rows[0].unit->name, "合计");
	assert_close(rs[0]->rows[0].mk.p_value, 3.0 / 80, 1e-14);
	assert_close(rs[1]->rows[0].mk.s, 1, 0);
	assert_close(rs[1]->rows[0].mk.p_value, 1, 1e-12);
	assert_close(rs[0]->rows[0].q_value, 3.0 / 40, 1e-14);
	assert_int_equal(rs[0]->rows[0].direction, JX_DIR_FLAT);
	jx_trend_results_free(rs, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analysis__periods_detected),
		cmocka_unit_test(test_analysis__trend_across_a_break),
		cmocka_unit_test(test_analysis__trend_family_of_units),
		cmocka_unit_test(test_analysis__periods_declared),
		cmocka_unit_test(test_analysis__trend_family_across_departments),
	};
	(void)setup; /* the shared fixture's; this program builds its own store */
	(void)fx_alias;
	return cmocka_run_group_tests(tests, setup_periods, teardown);
}
