/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_analysis_patterns.c -- deductions (Pareto, runs, transitions, pairs),
 * weak indicators, figures and ranking on the fixture store
 * (tests/support/analysis_fixture.h); expected numbers worked out by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "analysis_fixture.h"

static jx_deductions_result *deductions_of(jx_store *st, const char *dept)
{
	jx_series *s = fx_series(st, dept, JX_KIND_SELF);
	jx_deductions_result *r = NULL;
	assert_non_null(s);
	assert_int_equal(jx_deductions_compute(&r, s, NULL), 0);
	jx_series_free(s);
	return r;
}

static const jx_pareto_row *pareto_row(const jx_deductions_result *r, int level, const char *name)
{
	for (size_t i = 0; i < r->npareto; i++)
		if (r->pareto[i].unit->level == level && !strcmp(r->pareto[i].unit->name, name))
			return &r->pareto[i];
	fail_msg("no pareto row %s", name);
	return NULL;
}

/* Points lost per indicator (weight − score, known years):
 * 执行率 2+4+3+5 = 14 (2020 missing), 流程 2+1+3+2+1 = 9, 资产制度 5+2 = 7,
 * 绩效 2, 公开 1, 制度 0, 预决算公开 0; total 33. Categories: 管理
 * 2+9+6+7 = 24 (2020 unknown), 决策 9. */
static void test_analysis__pareto_of_points_lost(void **state)
{
	jx_deductions_result *r = deductions_of(*state, "甲");
	const jx_pareto_row *row;
	assert_close(r->total_points, 33, 0);
	assert_int_equal(r->npareto, 2 + 7);
	assert_string_equal(r->pareto[0].unit->name, "管理"); /* categories first, by points */
	assert_close(r->pareto[0].points, 24, 0);
	assert_close(r->pareto[0].share, 24.0 / 33, 1e-12);
	assert_close(r->pareto[1].cum_share, 1, 1e-12);
	assert_string_equal(r->pareto[2].unit->name, "执行率");
	assert_close(r->pareto[2].points, 14, 0);
	assert_close(r->pareto[2].share, 14.0 / 33, 1e-12);
	assert_string_equal(r->pareto[3].unit->name, "流程");
	assert_close(r->pareto[3].cum_share, 23.0 / 33, 1e-12);
	row = pareto_row(r, 3, "执行率");
	assert_int_equal(row->nyears_deducted, 4);
	assert_int_equal(row->nyears_present, 5);
	assert_int_equal(row->nmissing_years, 1);
	assert_close(pareto_row(r, 3, "资产制度")->points, 7, 0);
	assert_close(pareto_row(r, 3, "制度")->points, 0, 0);
	assert_close(r->pareto[r->npareto - 1].cum_share, 1, 1e-12);
	jx_deductions_result_free(r);
}

static const jx_run_row *run_row(const jx_deductions_result *r, const char *name)
{
	for (size_t i = 0; i < r->nruns; i++)
		if (!strcmp(r->runs[i].unit->name, name))
			return &r->runs[i];
	fail_msg("no run row %s", name);
	return NULL;
}

/* 流程 is deducted in all 5 evaluated years (2018 was not evaluated, so the
 * run is unbroken): longest 5 = current 5. 执行率: 2016, 2017, 2019, then
 * missing (breaks), 2021: longest 3 (2016–2019), current 1. 资产制度:
 * 2017–2019, current 0. */
static void test_analysis__runs_of_deducted_years(void **state)
{
	jx_deductions_result *r = deductions_of(*state, "甲");
	const jx_run_row *row = run_row(r, "流程");
	assert_int_equal(row->longest_run, 5);
	assert_int_equal(row->longest_from, 2016);
	assert_int_equal(row->longest_to, 2021);
	assert_int_equal(row->current_run, 5);
	assert_int_equal(row->persistent, 4);
	row = run_row(r, "执行率");
	assert_int_equal(row->longest_run, 3);
	assert_int_equal(row->longest_to, 2019);
	assert_int_equal(row->current_run, 1);
	row = run_row(r, "资产制度");
	assert_int_equal(row->longest_run, 2);
	assert_int_equal(row->longest_from, 2017);
	assert_int_equal(row->current_run, 0);
	assert_int_equal(row->new_, 1);
	assert_int_equal(row->resolved, 1);
	assert_int_equal(run_row(r, "绩效")->longest_run, 1);
	jx_deductions_result_free(r);
}

static void assert_transition(const jx_transition_row *t, int from, size_t nw, size_t res,
			      size_t per, size_t clean, size_t other)
{
	assert_int_equal(t->year_from, from);
	assert_int_equal(t->new_, nw);
	assert_int_equal(t->resolved, res);
	assert_int_equal(t->persistent, per);
	assert_int_equal(t->clean, clean);
	assert_int_equal(t->other, other);
}

/* Between consecutive evaluated years (see the fixture table):
 * 2016→17: 资产制度 new; 流程, 执行率 persistent; 制度, 预决算公开 clean.
 * 2017→19: 流程, 执行率, 资产制度 persistent; 制度 clean; 预决算公开 gone and
 *          公开 new in name only: 2 other (with the alias: 公开 clean → deducted).
 * 2019→20: 公开, 资产制度 resolved; 流程 persistent; 制度 clean; 执行率 missing.
 * 2020→21: 流程 persistent; 制度, 公开, 资产制度 clean; 执行率 missing, 绩效 new row. */
static void test_analysis__transitions_between_years(void **state)
{
	jx_deductions_result *r = deductions_of(*state, "甲");
	assert_int_equal(r->ntransitions, 4);
	assert_transition(&r->transitions[0], 2016, 1, 0, 2, 2, 0);
	assert_transition(&r->transitions[1], 2017, 0, 0, 3, 1, 2);
	assert_int_equal(r->transitions[1].year_to, 2019);
	assert_transition(&r->transitions[2], 2019, 0, 2, 1, 1, 1);
	assert_transition(&r->transitions[3], 2020, 0, 0, 1, 3, 2);
	jx_deductions_result_free(r);

	assert_int_equal(fx_alias(*state), 0);
	r = deductions_of(*state, "甲");
	assert_transition(&r->transitions[1], 2017, 1, 0, 3, 1, 0);
	jx_deductions_result_free(r);
}

/* Pairs need support: at least 4 years both known, and a one-sided Fisher test.
 * Without the alias 公开 & 资产制度 share only 2019–2021 (3 years): not kept. With
 * it, over 2016–2021 (2020 missing for neither): (0,0), (0,1), (1,1), (0,0), (0,0) →
 * n11 1, n01 1, n00 3, phi = 3/sqrt(1·4·2·3) = 3/√24; Fisher P(X ≥ 1) with 公开
 * deducted once and 资产制度 twice in 5 years = C(2,1)·C(3,0)/C(5,1) = 2/5, also the
 * smallest p these margins allow: not a test that could pass 0.1, so no q. Nothing
 * is listed by default; --all lists it with its p. */
static void test_analysis__co_deduction_pairs(void **state)
{
	jx_deductions_result *r = deductions_of(*state, "甲");
	jx_analysis_options o;
	jx_series *s;
	const jx_pair_row *p = NULL;
	assert_int_equal(r->npairs, 0);
	assert_int_equal(r->npairs_tested, 0);
	jx_deductions_result_free(r);

	assert_int_equal(fx_alias(*state), 0);
	jx_analysis_options_init(&o);
	o.pairs_all = 1;
	s = fx_series(*state, "甲", JX_KIND_SELF);
	assert_int_equal(jx_deductions_compute(&r, s, &o), 0);
	for (size_t i = 0; i < r->npairs; i++)
		if (!strcmp(r->pairs[i].a->name, "公开") &&
		    !strcmp(r->pairs[i].b->name, "资产制度"))
			p = &r->pairs[i];
	assert_non_null(p);
	assert_close(p->phi, 3 / sqrt(24), 1e-12);
	assert_int_equal(p->n11, 1);
	assert_int_equal(p->n01, 1);
	assert_int_equal(p->n00, 3);
	assert_close(p->p_value, 0.4, 1e-12);
	assert_true(isnan(p->q_value));
	jx_deductions_result_free(r);
	jx_series_free(s);
}

static jx_weak_result *weak_of(jx_store *st, const char *dept, const jx_analysis_options *o)
{
	jx_series *s = fx_series(st, dept, JX_KIND_SELF);
	jx_weak_result *r = NULL;
	assert_non_null(s);
	assert_int_equal(jx_weak_compute(&r, s, o), 0);
	jx_series_free(s);
	return r;
}

/* Window 2019–2021; every indicator present in 2021 is examined (预决算公开 is not).
 * Points lost in the window (the department's): 2019 3 + 3 + 1 + 2 = 9, 2020 2 (执行率
 * missing), 2021 1 + 5 + 2 = 8: 19. 流程: lost 3, 2, 1 → persistent, 6/19 = .316 large.
 * 执行率: lost 3, ?, 5 → persistent (2 years, 2021 among them), 8/19 large. 绩效: 2021
 * only, lost 2 of 10 → new (its only loss), 2/19 not large. 公开 (lost 1 in 2019, full
 * 2020–2021) and 资产制度 (lost 2 in 2019) are resolved: improved, not weak. */
static void test_analysis__weak_default_rules(void **state)
{
	jx_weak_result *r = weak_of(*state, "甲", NULL);
	char rules[64];
	assert_int_equal(r->nwindow, 3);
	assert_int_equal(r->window[0], 2019);
	assert_int_equal(r->nchecked, 6);
	assert_close(r->dept_points, 19, 0);
	assert_int_equal(r->nrows, 3);
	assert_string_equal(r->rows[0].unit->name, "流程");
	assert_int_equal(r->rows[0].rules, JX_WEAK_PERSISTENT | JX_WEAK_LARGE);
	assert_int_equal(r->rows[0].ndeducted, 3);
	assert_close(r->rows[0].mean_rate, 0.8, 1e-12);
	assert_close(r->rows[0].points_lost, 6, 0);
	assert_close(r->rows[0].share, 6.0 / 19, 1e-12);
	assert_close(r->rows[0].latest_lost, 1, 0);
	assert_string_equal(r->rows[1].unit->name, "执行率");
	assert_int_equal(r->rows[1].rules, JX_WEAK_PERSISTENT | JX_WEAK_LARGE);
	assert_int_equal(r->rows[1].ndeducted, 2);
	assert_close(r->rows[1].mean_rate, 0.825, 1e-12);
	assert_close(r->rows[1].points_lost, 8, 0);
	assert_string_equal(r->rows[2].unit->name, "绩效");
	assert_int_equal(r->rows[2].rules, JX_WEAK_NEW);
	assert_int_equal(r->nimproved, 2);
	assert_string_equal(r->improved[0].unit->name, "公开");
	assert_int_equal(r->improved[0].rules, JX_WEAK_RESOLVED);
	assert_string_equal(r->improved[1].unit->name, "资产制度");
	jx_weak_rules_format(rules, sizeof(rules), r->rows[0].rules);
	assert_string_equal(rules, "persistent,large");
	jx_weak_rules_format(rules, sizeof(rules), JX_WEAK_NEW | JX_WEAK_FALLING);
	assert_string_equal(rules, "new,falling");
	jx_weak_result_free(r);
}

/* With K = 3 only 流程 is persistent; a large share of 0.35 leaves 执行率 (.421) large
 * and 流程 (.316) not. The low_rate rule, turned on at 0.85, adds itself to all three
 * (means .8, .825, .8). Categories: 决策 lost 3, 2, 1; 管理 lost 6, ? (a missing score),
 * 7: both persistent. A window of 0 is refused. */
static void test_analysis__weak_options(void **state)
{
	jx_analysis_options o;
	jx_weak_result *r;
	jx_analysis_options_init(&o);
	o.weak_min_deducted = 3;
	o.weak_large_share = 0.35;
	r = weak_of(*state, "甲", &o);
	assert_int_equal(r->nrows, 3);
	assert_string_equal(r->rows[0].unit->name, "流程");
	assert_int_equal(r->rows[0].rules, JX_WEAK_PERSISTENT);
	assert_string_equal(r->rows[1].unit->name, "执行率");
	assert_int_equal(r->rows[1].rules, JX_WEAK_LARGE);
	assert_int_equal(r->rows[2].rules, JX_WEAK_NEW);
	jx_weak_result_free(r);
	o.weak_low_rate = 1;
	o.weak_threshold = 0.85;
	r = weak_of(*state, "甲", &o);
	assert_int_equal(r->rows[0].rules, JX_WEAK_PERSISTENT | JX_WEAK_LOW_RATE);
	assert_int_equal(r->rows[1].rules, JX_WEAK_LARGE | JX_WEAK_LOW_RATE);
	assert_int_equal(r->rows[2].rules, JX_WEAK_NEW | JX_WEAK_LOW_RATE);
	jx_weak_result_free(r);
	o.weak_low_rate = 0;
	o.level = JX_LEVEL_1; /* categories: 管理 lost in 2019 and 2021, 决策 in all three */
	o.weak_min_deducted = 2;
	r = weak_of(*state, "甲", &o);
	assert_int_equal(r->nchecked, 2);
	assert_int_equal(r->nrows, 2);
	jx_weak_result_free(r);
	o.weak_window = 0;
	{
		jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
		assert_int_equal(jx_weak_compute(&r, s, &o), JX_EINVAL);
		assert_null(r);
		jx_series_free(s);
	}
}

/* 丁: indicator A at 0.99, 0.97, 0.96, 0.93, 0.92 over 2017–2021 (B always
 * full). x̄ = 2019, Sxx = 10, Sxy = −0.18 → slope −0.018; residuals
 * (0, −2, 6, −6, 2)/1000, SSE = 8e−5, se = sqrt(SSE/3/10). With 3 df,
 * F(t) = 1/2 + (1/π)[(t/√3)/(1 + t²/3) + atan(t/√3)], p = 2(1 − F(|t|)).
 * With the count rule out of reach (K = 4 > window) and the falling rule
 * turned on, A is large (all the department's points) and falling. */
static void test_analysis__weak_falling_trend(void **state)
{
	static const double scores[5] = {49.5, 48.5, 48, 46.5, 46};
	jx_batch *b = jx_batch_new("falling.csv");
	jx_analysis_options o;
	jx_weak_result *r;
	double se = sqrt(8e-5 / 3 / 10), t = -0.018 / se, u = fabs(t) / sqrt(3.0), p;
	p = 2 * (1 - (0.5 + (u / (1 + u * u) + atan(u)) / 3.14159265358979323846));
	for (int y = 0; y < 5; y++) {
		const fx_row rows[2] = {{"履职", "产出", "A", 50, scores[y], FX_S},
					{"履职", "产出", "B", 50, 50, FX_S}};
		assert_int_equal(fx_eval(b, "丁", 2017 + y, JX_KIND_SELF, rows, 2), 0);
	}
	assert_int_equal(jx_store_import(*state, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
	jx_analysis_options_init(&o);
	o.weak_min_deducted = 4;
	o.weak_trend = 1;
	r = weak_of(*state, "丁", &o);
	assert_int_equal(r->nrows, 1);
	assert_string_equal(r->rows[0].unit->name, "A");
	assert_int_equal(r->rows[0].rules, JX_WEAK_LARGE | JX_WEAK_FALLING);
	assert_close(r->rows[0].trend.fit.slope, -0.018, 1e-12);
	assert_close(r->rows[0].trend.fit.p_value, p, 1e-9);
	assert_true(p < 0.05);
	jx_weak_result_free(r);
}

static jx_figures *figs(int year, double budget, double exp, double basic, double project)
{
	jx_figures *f = jx_figures_new("甲", year);
	assert_non_null(f);
	if (!isnan(budget))
		assert_int_equal(jx_figures_set(f, "budget_total", llround(budget * 100), 0), 0);
	assert_int_equal(jx_figures_set(f, "expenditure_total", llround(exp * 100), 0), 0);
	if (!isnan(basic)) {
		assert_int_equal(jx_figures_set(f, "expenditure_basic", llround(basic * 100), 0),
				 0);
		assert_int_equal(
			jx_figures_set(f, "expenditure_project", llround(project * 100), 0), 0);
	}
	return f;
}

/* 2021: budget 100, spent 90 (60 basic, 30 project): execution 0.9, shares 2/3, 1/3.
 * 2022: budget 110, spent 99: growth 0.1 both. 2024 (gap of 2): spent 119.79 =
 * 99·1.1²: annualised growth 0.1. 2025: 143.75, growth 143.75/119.79 − 1.
 * Mean of the last three growths = (0.2 + 143.75/119.79 − 1)/3 ≈ 0.1334. */
static void test_analysis__figures_execution_and_growth(void **state)
{
	jx_figures *f[4];
	jx_funds_result *r;
	jx_analysis_options o;
	double g25 = 143.75 / 119.79 - 1, mean = (0.2 + g25) / 3;
	(void)state;
	f[0] = figs(2025, NAN, 143.75, NAN, 0); /* any order */
	f[1] = figs(2021, 100, 90, 60, 30);
	f[2] = figs(2022, 110, 99, NAN, 0);
	f[3] = figs(2024, NAN, 119.79, NAN, 0);
	jx_analysis_options_init(&o);
	assert_int_equal(jx_funds_compute(&r, "甲", f, 4, &o), 0);
	assert_int_equal(r->nyears, 4);
	assert_int_equal(r->years[0].year, 2021);
	assert_close(r->years[0].execution_rate, 0.9, 1e-15);
	assert_close(r->years[0].basic_share, 2.0 / 3, 1e-15);
	assert_close(r->years[0].project_share, 1.0 / 3, 1e-15);
	assert_true(isnan(r->years[0].expenditure_growth));
	assert_close(r->years[1].budget_growth, 0.1, 1e-12);
	assert_close(r->years[1].expenditure_growth, 0.1, 1e-12);
	assert_int_equal(r->years[2].gap, 2);
	assert_close(r->years[2].expenditure_growth, 0.1, 1e-12);
	assert_true(isnan(r->years[2].execution_rate)); /* no budget that year */
	assert_close(r->years[3].expenditure_growth, g25, 1e-12);
	assert_int_equal(r->ngrowth, 3);
	assert_close(r->mean_growth, mean, 1e-12);
	assert_false(r->warning); /* 13.3% <= 15% */
	jx_funds_result_free(r);
	o.growth_threshold = 0.12;
	assert_int_equal(jx_funds_compute(&r, "甲", f, 4, &o), 0);
	assert_true(r->warning);
	jx_funds_result_free(r);
	o.growth_years = 4; /* only three growths exist: no verdict */
	assert_int_equal(jx_funds_compute(&r, "甲", f, 4, &o), 0);
	assert_false(r->warning);
	jx_funds_result_free(r);
	f[3]->year = 2021; /* two records for one year are refused */
	assert_int_equal(jx_funds_compute(&r, "甲", f, 4, &o), JX_EINVAL);
	assert_null(r);
	assert_non_null(strstr(jx_error_last(), "2021"));
	for (int i = 0; i < 4; i++)
		jx_figures_free(f[i]);
}

static void test_analysis__figures_from_store(void **state)
{
	jx_batch *b = jx_batch_new("figures.csv");
	jx_funds_result *r;
	assert_int_equal(jx_batch_add_figures(b, figs(2021, 100, 90, 60, 30)), 0);
	assert_int_equal(jx_batch_add_figures(b, figs(2023, 121, 108.9, NAN, 0)), 0);
	assert_int_equal(jx_store_import(*state, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
	assert_int_equal(jx_funds_load(&r, *state, "甲", NULL), 0);
	assert_int_equal(r->nyears, 2);
	/* 90 → 108.9 over two years: sqrt(1.21) − 1 = 0.1 a year */
	assert_close(r->years[1].expenditure_growth, 0.1, 1e-12);
	assert_close(r->years[1].execution_rate, 0.9, 1e-12);
	jx_funds_result_free(r);
	assert_int_equal(jx_funds_load(&r, *state, "乙", NULL), JX_ENOTFOUND);
}

/* 2021: 甲 92/100, 丙 92/100 (tie: both rank 1), 乙 85/100 (rank 3).
 * Percentile = share at or below: 3/3 and 1/3. Category 管理: 甲 73/80,
 * 乙 68/80, 丙 72/80 → median 0.9; 决策: 0.95, 0.85, 1.0 → median 0.95. */
static void test_analysis__rank_year(void **state)
{
	jx_rank_result *r;
	assert_int_equal(jx_rank_compute(&r, *state, 2021, NULL), 0);
	assert_int_equal(r->nrows, 3);
	assert_int_equal(r->rows[0].rank, 1);
	assert_int_equal(r->rows[1].rank, 1);
	assert_string_equal(r->rows[2].department, "乙");
	assert_int_equal(r->rows[2].rank, 3);
	assert_close(r->rows[0].percentile, 100, 1e-12);
	assert_close(r->rows[2].percentile, 100.0 / 3, 1e-12);
	assert_int_equal(r->rows[2].npeers, 3);
	assert_string_equal(r->rows[0].grade, "优");
	assert_string_equal(r->rows[2].grade, "良");
	for (size_t i = 0; i < r->ncats; i++) {
		const jx_rank_category *c = &r->cats[i];
		assert_int_equal(c->n, 3);
		if (!strcmp(c->level1, "管理"))
			assert_close(c->median, 0.9, 1e-12);
		else
			assert_close(c->median, 0.95, 1e-12);
		if (!strcmp(c->department, "甲") && !strcmp(c->level1, "管理"))
			assert_close(c->delta, 73.0 / 80 - 0.9, 1e-12);
	}
	assert_int_equal(r->ncats, 6);
	jx_rank_result_free(r);
}

/* 2020: 丙 100/100; 甲 has a missing score: no rank, listed last, counted. That leaves
 * 丙 the only department with a known total: no peer group, so no rank either. */
static void test_analysis__rank_unknown_total_last(void **state)
{
	jx_rank_result *r;
	assert_int_equal(jx_rank_compute(&r, *state, 2020, NULL), 0);
	assert_int_equal(r->nrows, 2);
	assert_string_equal(r->rows[0].department, "丙");
	assert_int_equal(r->rows[0].rank, 0);
	assert_int_equal(r->rows[0].npeers, 1);
	assert_true(isnan(r->rows[0].percentile));
	assert_int_equal(r->rows[1].npeers, 0);
	assert_string_equal(r->rows[1].department, "甲");
	assert_int_equal(r->rows[1].rank, 0);
	assert_int_equal(r->rows[1].nmissing, 1);
	assert_true(isnan(r->rows[1].percentile));
	assert_null(r->rows[1].grade);
	jx_rank_result_free(r);
	assert_int_equal(jx_rank_compute(&r, *state, 2005, NULL), JX_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_analysis__pareto_of_points_lost, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__runs_of_deducted_years, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__transitions_between_years, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__co_deduction_pairs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__weak_default_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__weak_options, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__weak_falling_trend, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__figures_execution_and_growth, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__figures_from_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__rank_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__rank_unknown_total_last, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
