/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis_fixture.h -- a small multi-year store for the analysis tests.
 *
 * Header-only (static functions) so that each analysis test program can
 * build the same :memory: database. The numbers are chosen so that every
 * statistic can be worked out by hand; the hand calculations are in the
 * tests next to the assertions.
 *
 * Department 甲 (self), weights add up to 100 each year:
 *
 *   indicator (l1/l2/l3)      2016    2017    2019    2020        2021
 *   决策/机制/制度            10/10   10/10   10/10   10/10       10/10
 *   决策/机制/流程            8/10    9/10    7/10    8/10 inf.   9/10
 *   管理/预算/执行率          18/20   16/20   17/20   missing/20  20/25
 *   管理/预算/预决算公开      10/10   10/10   -       -           -
 *   管理/预算/公开            -       -       9/10    10/10       5/5
 *   管理/资产/资产制度        50/50   45/50   48/50   50/50       40/40
 *   管理/预算/绩效            -       -       -       -           8/10
 *   total                     96      90      91      unknown     92
 *
 * (2018 was not evaluated: a gap. 预决算公开 was renamed 公开 in 2019; the
 * alias joins them only when a test adds it. 2021 changes weights.)
 * Review of 甲 2021: 流程 8, 资产制度 38, the rest as the self-evaluation.
 * Department 乙: 2021 only; 丙: 2020 and 2021; both on the 2016 tree.
 */
#ifndef JX_ANALYSIS_FIXTURE_H
#define JX_ANALYSIS_FIXTURE_H

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "jixiao.h"

typedef struct {
	const char *l1, *l2, *l3;
	double weight, score;
	jx_origin origin;
} fx_row;

#define FX_S JX_ORIGIN_STATED
#define FX_I JX_ORIGIN_INFERRED
#define FX_M JX_ORIGIN_MISSING

static int fx_eval(jx_batch *b, const char *dept, int year, jx_kind kind, const fx_row *rows,
		   size_t n)
{
	jx_evaluation *ev = jx_evaluation_new(dept, year, kind);
	if (!ev)
		return -1;
	ev->provenance = JX_PROV_SYNTHETIC; /* made up for the tests */
	for (size_t i = 0; i < n; i++)
		if (!jx_evaluation_add_row(ev, rows[i].l1, rows[i].l2, rows[i].l3, "",
					   rows[i].weight,
					   rows[i].origin == FX_M ? NAN : rows[i].score,
					   rows[i].origin, (int)i + 2))
			return -1;
	return jx_batch_add_evaluation(b, ev);
}

/* The 2016 tree with five scores (制度, 流程, 执行率, 预决算公开, 资产制度). */
static int fx_old_tree(jx_batch *b, const char *dept, int year, const double s[5])
{
	const fx_row rows[] = {
		{"决策", "机制", "制度", 10, s[0], FX_S},
		{"决策", "机制", "流程", 10, s[1], FX_S},
		{"管理", "预算", "执行率", 20, s[2], FX_S},
		{"管理", "预算", "预决算公开", 10, s[3], FX_S},
		{"管理", "资产", "资产制度", 50, s[4], FX_S},
	};
	return fx_eval(b, dept, year, JX_KIND_SELF, rows, 5);
}

static int fx_new_tree(jx_batch *b, int year, const fx_row *rows5)
{
	return fx_eval(b, "甲", year, JX_KIND_SELF, rows5, 5);
}

static jx_store *fx_store(void)
{
	static const double y2016[5] = {10, 8, 18, 10, 50}, y2017[5] = {10, 9, 16, 10, 45};
	static const double yi[5] = {10, 7, 16, 10, 42}, b20[5] = {10, 10, 20, 10, 50},
			    b21[5] = {10, 10, 18, 10, 44};
	const fx_row r2019[] = {{"决策", "机制", "制度", 10, 10, FX_S},
				{"决策", "机制", "流程", 10, 7, FX_S},
				{"管理", "预算", "执行率", 20, 17, FX_S},
				{"管理", "预算", "公开", 10, 9, FX_S},
				{"管理", "资产", "资产制度", 50, 48, FX_S}};
	const fx_row r2020[] = {{"决策", "机制", "制度", 10, 10, FX_S},
				{"决策", "机制", "流程", 10, 8, FX_I},
				{"管理", "预算", "执行率", 20, 0, FX_M},
				{"管理", "预算", "公开", 10, 10, FX_S},
				{"管理", "资产", "资产制度", 50, 50, FX_S}};
	const fx_row r2021[] = {
		{"决策", "机制", "制度", 10, 10, FX_S},     {"决策", "机制", "流程", 10, 9, FX_S},
		{"管理", "预算", "执行率", 25, 20, FX_S},   {"管理", "预算", "公开", 5, 5, FX_S},
		{"管理", "资产", "资产制度", 40, 40, FX_S}, {"管理", "预算", "绩效", 10, 8, FX_S}};
	fx_row review[6];
	jx_store *st = NULL;
	jx_batch *b = jx_batch_new("fixture.csv");
	int rc = !b;

	memcpy(review, r2021, sizeof(review));
	review[1].score = 8;
	review[4].score = 38;
	rc = rc || fx_old_tree(b, "甲", 2016, y2016) || fx_old_tree(b, "甲", 2017, y2017) ||
	     fx_new_tree(b, 2019, r2019) || fx_new_tree(b, 2020, r2020) ||
	     fx_eval(b, "甲", 2021, JX_KIND_SELF, r2021, 6) ||
	     fx_eval(b, "甲", 2021, JX_KIND_REVIEW, review, 6) || fx_old_tree(b, "乙", 2021, yi) ||
	     fx_old_tree(b, "丙", 2020, b20) || fx_old_tree(b, "丙", 2021, b21);
	rc = rc || jx_store_open(&st, ":memory:", JX_STORE_CREATE) ||
	     jx_store_import(st, &b, 1, 0, NULL);
	jx_batch_free(b);
	if (rc) {
		jx_store_free(st);
		return NULL;
	}
	return st;
}

/* Join 预决算公开 onto its successor 公开. 0 on success. */
static int fx_alias(jx_store *st)
{
	char *old_key = jx_key_make("管理", "预算", "预决算公开"),
	     *new_key = jx_key_make("管理", "预算", "公开");
	int rc = jx_store_alias_add(st, old_key, new_key);
	free(old_key);
	free(new_key);
	return rc;
}

static jx_series *fx_series(jx_store *st, const char *dept, jx_kind kind)
{
	jx_series *s = NULL;
	return jx_store_series(st, &s, dept, kind, 0, 0) ? NULL : s;
}

/* cmocka helpers shared by the analysis test programs (cmocka.h comes first there). */
#ifdef cmocka_unit_test
static void assert_close(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g", got, want);
}

static int setup(void **state)
{
	jx_init();
	*state = fx_store();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	jx_store_free(*state);
	return 0;
}
#endif

#endif
