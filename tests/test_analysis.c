/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_analysis.c -- units, compare, trend, forecast and variance on a small
 * store (tests/support/analysis_fixture.h). Expected numbers are worked out
 * by hand in the comments from the fixture's table. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "analysis_fixture.h"
#include "analysis/internal.h"

#define PI 3.14159265358979323846

static jx_units *units_of(jx_store *st, const char *dept)
{
	jx_series *s = fx_series(st, dept, JX_KIND_SELF);
	jx_units *u = NULL;
	assert_non_null(s);
	assert_int_equal(jx_units_build(&u, s, NULL), 0);
	jx_series_free(s);
	return u;
}

/* Level-1/level-2 keys are prefixes of the level-3 keys. */
static char *prefix_key(const char *a, const char *b)
{
	char *k = jx_key_make(a, b ? b : "x", "x");
	*strrchr(k, '/') = '\0';
	if (!b)
		*strrchr(k, '/') = '\0';
	return k;
}

static char *key(const char *a, const char *b, const char *c)
{
	return c ? jx_key_make(a, b, c) : prefix_key(a, b);
}

static const jx_unit *find(const jx_units *u, int level, const char *a, const char *b,
			   const char *c)
{
	char *k = level == 0 ? strdup("") : key(a, b, c);
	const jx_unit *un = jx_units_find(u, level, k);
	free(k);
	assert_non_null(un);
	return un;
}

static size_t yi(const jx_units *u, int year)
{
	for (size_t i = 0; i < u->nyears; i++)
		if (u->years[i] == year)
			return i;
	fail_msg("year %d not in units", year);
	return 0;
}

static void test_analysis__units_sum_levels_and_keep_missing_unknown(void **state)
{
	jx_units *u = units_of(*state, "甲");
	const jx_unit *tot = find(u, 0, NULL, NULL, NULL), *mgmt = find(u, 1, "管理", NULL, NULL);
	const jx_unit *budget = find(u, 2, "管理", "预算", NULL),
		      *dec = find(u, 1, "决策", NULL, NULL);
	const jx_unit *exe = find(u, 3, "管理", "预算", "执行率");

	assert_int_equal(u->nyears, 5); /* 2016 2017 2019 2020 2021: 2018 is a gap */
	assert_int_equal(u->years[2], 2019);
	/* total + 2 categories + 3 groups + 7 indicators (预决算公开 and 公开 apart) */
	assert_int_equal(u->nunits, 13);
	assert_ptr_equal(&u->units[0], tot);
	assert_string_equal(u->units[1].name, "决策"); /* the latest report lists 决策 first */
	/* 2016: 管理 = 18 + 10 + 50 of 20 + 10 + 50 → 78/80 */
	assert_close(mgmt->years[yi(u, 2016)].weight, 80, 0);
	assert_close(mgmt->years[yi(u, 2016)].score, 78, 0);
	assert_close(mgmt->years[yi(u, 2016)].rate, 0.975, 1e-15);
	assert_close(tot->years[yi(u, 2016)].rate, 0.96, 1e-15);
	/* 2019: 预算 = 执行率 17/20 + 公开 9/10 → 26/30 */
	assert_close(budget->years[yi(u, 2019)].rate, 26.0 / 30, 1e-15);
	/* 2020: 执行率 missing → it, 预算, 管理 and the total are unknown, never 0 */
	assert_true(isnan(exe->years[yi(u, 2020)].rate));
	assert_int_equal(exe->years[yi(u, 2020)].nrows, 1);
	assert_true(isnan(budget->years[yi(u, 2020)].score));
	assert_true(isnan(mgmt->years[yi(u, 2020)].rate));
	assert_int_equal(mgmt->years[yi(u, 2020)].nmissing, 1);
	assert_true(isnan(tot->years[yi(u, 2020)].rate));
	/* 决策 2020 = 10 + 8 (inferred) of 20: used, and flagged */
	assert_close(dec->years[yi(u, 2020)].rate, 0.9, 1e-15);
	assert_int_equal(dec->years[yi(u, 2020)].ninferred, 1);
	jx_units_free(u);
}

/* The same sums, ignoring what jx_units_find needs: both NaN or equal. */
static void assert_same_year(const jx_unit_year *a, const jx_unit_year *b)
{
	assert_true(a->weight == b->weight);
	assert_true(a->score == b->score || (isnan(a->score) && isnan(b->score)));
	assert_true(a->rate == b->rate || (isnan(a->rate) && isnan(b->rate)));
	assert_int_equal(a->nrows, b->nrows);
	assert_int_equal(a->nmissing, b->nmissing);
}

/* The ranks' sums without units (jx__units_top) are jx__units_build_top's, year by year. */
static void test_analysis__units_top_sums_as_units(void **state)
{
	static const int years[] = {2016, 2017, 2019, 2020, 2021};
	jx__top t;
	jx_series *s = NULL;
	memset(&t, 0, sizeof(t));
	for (size_t i = 0; i < 5; i++) {
		jx_units *u = NULL;
		size_t k = 0;
		assert_int_equal(
			jx_store_series(*state, &s, "甲", JX_KIND_SELF, years[i], years[i]), 0);
		assert_int_equal(jx__units_build_top(&u, s), 0);
		assert_int_equal(jx__units_top(&t, s), 0);
		assert_int_equal(t.provenance, u->provenance);
		assert_same_year(&t.total, &jx_units_find(u, JX_LEVEL_TOTAL, "")->years[0]);
		for (size_t j = 0; j < u->nunits; j++) {
			const jx_unit *un = &u->units[j];
			if (un->level != JX_LEVEL_1)
				continue;
			assert_true(k < t.ncats); /* the same categories in the same order */
			assert_int_equal(t.cats[k].keylen, strlen(un->key));
			assert_memory_equal(t.cats[k].key, un->key, t.cats[k].keylen);
			assert_string_equal(t.cats[k].level1, un->level1);
			assert_same_year(&t.cats[k].y, &un->years[0]);
			k++;
		}
		assert_int_equal(k, t.ncats);
		if (years[i] == 2016) { /* 管理 78 of 80; the total 0.96 (by hand, above) */
			assert_close(t.total.rate, 0.96, 1e-15);
			assert_int_equal(t.ncats, 2);
		}
		if (years[i] == 2020) /* 执行率 missing: the total is unknown, never 0 */
			assert_true(isnan(t.total.rate) && t.total.nmissing == 1);
		jx_units_free(u);
		jx_series_free(s);
	}
	s = fx_series(*state, "甲", JX_KIND_SELF); /* every year: not what it is for */
	assert_int_equal(jx__units_top(&t, s), JX_EINVAL);
	jx_series_free(s);
	free(t.cats);
}

/* jx__number12's text is jx__number_text's for the rounded value, without its search:
 * hand-made values, then a million of every magnitude from 1e-8 to 1e13. */
static void test_analysis__number12_as_number_text(void **state)
{
	static const struct {
		double v;
		const char *text;
	} hand[] = {{0.95, "0.95"},     {-1234.5, "-1234.5"}, {1.23456789012345, "1.23456789012"},
		    {1e-6, "0.000001"}, {0.1 + 0.2, "0.3"},   {2.0 / 3, "0.666666666667"},
		    {100, "100"},       {-0.0625, "-0.0625"}, {999999999999.4, "999999999999"}};
	char text[40], ref[64];
	uint64_t x = 88172645463325252ULL;
	size_t fast = 0;
	double r;
	(void)state;
	for (size_t i = 0; i < sizeof(hand) / sizeof(*hand); i++) {
		assert_int_equal(jx__number12(text, sizeof(text), &r, hand[i].v), 1);
		assert_string_equal(text, hand[i].text);
	}
	for (int i = 0; i < 1000000; i++) {
		double v, mant;
		int e;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;       /* xorshift64 */
		mant = (double)(x >> 11) / 9007199254740992.0; /* [0, 1) */
		e = (int)(x % 22) - 8;
		v = (x & 1 ? -1 : 1) * (1 + 9 * mant) * pow(10, e);
		if (i % 3 == 0) /* few digits: scores and rates */
			v = round(v * 100) / 100;
		if (!jx__number12(text, sizeof(text), &r, v)) {
			/* more than 15 decimals (below 1e-4), or 1e12 and up: jx__number_text's
			 * own search gives up there too */
			assert_true(fabs(v) < 1e-4 || fabs(v) >= 9.9e11 || v == 0);
			continue;
		}
		fast++;
		jx__number_text(ref, sizeof(ref), r);
		assert_string_equal(text, ref);
		assert_true(strtod(text, NULL) == r);
		assert_true(fabs(r - v) <= 5.01e-12 * fabs(v)); /* 12 significant digits */
	}
	assert_true(fast > 600000);
}

static void test_analysis__alias_joins_renamed_indicator(void **state)
{
	jx_units *u;
	const jx_unit *pub;
	char *old_key = key("管理", "预算", "预决算公开");
	assert_int_equal(fx_alias(*state), 0);
	u = units_of(*state, "甲");
	assert_int_equal(u->nunits, 12); /* 预决算公开 is now 公开 */
	assert_null(jx_units_find(u, 3, old_key));
	pub = find(u, 3, "管理", "预算", "公开");
	assert_string_equal(pub->name, "公开"); /* the latest name */
	assert_int_equal(pub->years[yi(u, 2016)].nrows, 1);
	assert_close(pub->years[yi(u, 2016)].rate, 1, 0);
	assert_close(pub->years[yi(u, 2019)].rate, 0.9, 1e-15);
	free(old_key);
	jx_units_free(u);
}

static const jx_compare_row *cmp_row(const jx_compare_result *r, int level, const char *a,
				     const char *b, const char *c)
{
	char *k = level == 0 ? strdup("") : key(a, b, c);
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].unit->level == level && !strcmp(r->rows[i].unit->key, k)) {
			free(k);
			return &r->rows[i];
		}
	fail_msg("no compare row for %s", k);
	return NULL;
}

/* 2017 → 2019: 流程 0.9 → 0.7 (−20 pp, −2 points), 执行率 0.8 → 0.85 (+5 pp),
 * 资产制度 0.9 → 0.96 (+6 pp), total 0.90 → 0.91 (+1 point); 预决算公开
 * dropped and 公开 new until the alias joins them (then 1 → 0.9, −10 pp). */
static void test_analysis__compare_two_years(void **state)
{
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_compare_result *r;
	const jx_compare_row *row;
	assert_int_equal(jx_compare_compute(&r, s, 2017, 2019, NULL), 0);
	row = cmp_row(r, 3, "决策", "机制", "流程");
	assert_close(row->delta_rate * 100, -20, 1e-9);
	assert_close(row->delta_points, -2, 0);
	assert_int_equal(row->status, JX_CMP_DECLINED);
	row = cmp_row(r, 3, "管理", "预算", "执行率");
	assert_close(row->delta_rate * 100, 5, 1e-9);
	assert_int_equal(row->status, JX_CMP_IMPROVED);
	assert_int_equal(cmp_row(r, 3, "管理", "资产", "资产制度")->status, JX_CMP_IMPROVED);
	assert_int_equal(cmp_row(r, 3, "决策", "机制", "制度")->status, JX_CMP_UNCHANGED);
	assert_int_equal(cmp_row(r, 3, "管理", "预算", "预决算公开")->status, JX_CMP_DROPPED);
	assert_int_equal(cmp_row(r, 3, "管理", "预算", "公开")->status, JX_CMP_NEW);
	row = cmp_row(r, 0, NULL, NULL, NULL);
	assert_ptr_equal(row, &r->rows[0]); /* total first */
	assert_close(row->delta_points, 1, 0);
	assert_close(row->delta_rate * 100, 1, 1e-9);
	/* level 3 sorted by Δ rate: 流程 (−20 pp) is the first indicator row */
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].unit->level == 3) {
			assert_string_equal(r->rows[i].unit->name, "流程");
			break;
		}
	jx_compare_result_free(r);
	jx_series_free(s);

	assert_int_equal(fx_alias(*state), 0);
	s = fx_series(*state, "甲", JX_KIND_SELF);
	assert_int_equal(jx_compare_compute(&r, s, 2017, 2019, NULL), 0);
	row = cmp_row(r, 3, "管理", "预算", "公开");
	assert_int_equal(row->status, JX_CMP_DECLINED);
	assert_close(row->delta_rate * 100, -10, 1e-9);
	jx_compare_result_free(r);
	jx_series_free(s);
}

/* 2019 → 2021: 执行率 weight 20 → 25, rate 0.85 → 0.8 (−5 pp): "weight changed";
 * 绩效 new; 2019 → 2020: 执行率 missing in 2020 → unknown, not 0. */
static void test_analysis__compare_weight_change_and_missing(void **state)
{
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_compare_result *r;
	const jx_compare_row *row;
	jx_analysis_options o;
	assert_int_equal(jx_compare_compute(&r, s, 2019, 2021, NULL), 0);
	row = cmp_row(r, 3, "管理", "预算", "执行率");
	assert_int_equal(row->status, JX_CMP_WEIGHT_CHANGED);
	assert_close(row->from->weight, 20, 0);
	assert_close(row->to->weight, 25, 0);
	assert_close(row->delta_rate * 100, -5, 1e-9);
	assert_int_equal(cmp_row(r, 3, "管理", "预算", "绩效")->status, JX_CMP_NEW);
	jx_compare_result_free(r);

	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_3;
	assert_int_equal(jx_compare_compute(&r, s, 2019, 2020, &o), 0);
	row = cmp_row(r, 3, "管理", "预算", "执行率");
	assert_int_equal(row->status, JX_CMP_UNKNOWN);
	assert_true(isnan(row->delta_rate));
	for (size_t i = 0; i < r->nrows; i++)
		assert_int_equal(r->rows[i].unit->level, 3);
	jx_compare_result_free(r);

	assert_int_equal(jx_compare_compute(&r, s, 2018, 2019, NULL), JX_ENOTFOUND);
	assert_null(r);
	assert_non_null(strstr(jx_error_last(), "2018"));
	jx_series_free(s);
}

static const jx_trend_row *trend_row(const jx_trend_result *r, int level, const char *a,
				     const char *b, const char *c)
{
	char *k = level == 0 ? strdup("") : key(a, b, c);
	const jx_trend_row *row = jx_trend_find(r, level, k);
	free(k);
	assert_non_null(row);
	return row;
}

/* Total rates 0.96 (2016), 0.90 (2017), 0.91 (2019); 2020 unknown; 2021 0.92.
 * One framework period (4 or 5 of each year's indicators were there the year
 * before), so the step fit is the plain least-squares line.
 * Using the first three years only (--years 2016-2020):
 * x̄ = 6052/3, dx = (−4, −1, 5)/3, Sxx = 14/3; 300·dy = (11, −7, −4);
 * Sxy = (−44 + 7 − 20)/900 = −57/900 → slope = −19/1400 (x = row position
 * would give −0.025). Residuals 39·(2, −3, 1)/4200, SSE = 1521·14/4200²;
 * se = sqrt(SSE/Sxx) (1 df); p = 1 − (2/π)·atan|t| (Cauchy);
 * SST = 186/90000, R² = 1 − SSE/SST. Theil–Sen: median(−0.06, −0.05/3, 0.005).
 * Mann–Kendall: pairs −, −, + → S = −1; of the 3! orders S = 3, 1, 1, −1, −1, −3,
 * so P(|S| ≥ 1) = 1; the best three years could do is p = 2/3! = 1/3 ≥ 0.05:
 * too few years to tell. */
static void test_analysis__trend_uses_calendar_years(void **state)
{
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_trend_result *r;
	jx_analysis_options o;
	const jx_trend_row *row;
	double sse = 1521.0 * 14 / (4200.0 * 4200), se = sqrt(sse / (14.0 / 3)), t;
	jx_analysis_options_init(&o);
	o.year_to = 2020;
	assert_int_equal(jx_trend_compute(&r, s, &o), 0);
	row = trend_row(r, 0, NULL, NULL, NULL);
	assert_int_equal(row->n, 3);
	assert_int_equal(row->year_first, 2016);
	assert_int_equal(row->year_last, 2019);
	assert_int_equal(row->nmissing_years, 1); /* 2020 */
	assert_close(row->fit.slope, -19.0 / 1400, 1e-12);
	assert_close(row->fit.slope_se, se, 1e-12);
	t = (-19.0 / 1400) / se;
	assert_close(row->fit.t, t, 1e-9);
	assert_close(row->fit.p_value, 1 - 2 / PI * atan(fabs(t)), 1e-9);
	assert_close(row->fit.r2, 1 - sse / (186.0 / 90000), 1e-9);
	assert_close(row->theil_sen, -0.05 / 3, 1e-12);
	assert_close(row->mk.s, -1, 0);
	assert_close(row->mk.p_value, 1, 1e-15);
	assert_close(row->mk.p_min_years, 1.0 / 3, 1e-15);
	assert_true(row->mk.exact);
	assert_true(isnan(row->q_value)); /* cannot be significant: not in the family */
	assert_int_equal(row->direction, JX_DIR_TOO_FEW);
	jx_trend_result_free(r);
	jx_series_free(s);
}

/* 制度 is 10/10 every year: slope 0, R² undefined, flat; 绩效 exists only in
 * 2021: one point, too few years; the level filter keeps only categories. */
static void test_analysis__trend_identical_and_late_indicator(void **state)
{
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_trend_result *r;
	jx_analysis_options o;
	const jx_trend_row *row;
	assert_int_equal(jx_trend_compute(&r, s, NULL), 0);
	row = trend_row(r, 3, "决策", "机制", "制度");
	assert_int_equal(row->n, 5);
	assert_close(row->fit.slope, 0, 1e-12);
	assert_close(row->theil_sen, 0, 0);
	assert_true(isnan(row->fit.r2));
	assert_int_equal(row->direction, JX_DIR_FLAT);
	row = trend_row(r, 3, "管理", "预算", "绩效");
	assert_int_equal(row->n, 1);
	assert_int_equal(row->year_first, 2021);
	assert_true(isnan(row->fit.slope));
	assert_int_equal(row->direction, JX_DIR_TOO_FEW);
	assert_string_equal(jx_direction_name(row->direction), "too few years");
	row = trend_row(r, 3, "决策", "机制", "流程"); /* 2020 is inferred */
	assert_int_equal(row->ninferred_years, 1);
	jx_trend_result_free(r);

	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_1;
	assert_int_equal(jx_trend_compute(&r, s, &o), 0);
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->rows[0].unit->level, 1);
	assert_int_equal(r->rows[1].unit->level, 1);
	jx_trend_result_free(r);
	jx_series_free(s);
}

/* 乙 has one year: n = 1, no slope. 丙 has two: 1.00 (2020) → 0.92 (2021),
 * slope = Theil–Sen = −0.08, R² = 1, no standard error, too few years. */
static void test_analysis__trend_one_and_two_years(void **state)
{
	jx_series *s = fx_series(*state, "乙", JX_KIND_SELF);
	jx_trend_result *r;
	assert_int_equal(jx_trend_compute(&r, s, NULL), 0);
	assert_int_equal(r->rows[0].n, 1);
	assert_true(isnan(r->rows[0].fit.slope));
	assert_int_equal(r->rows[0].direction, JX_DIR_TOO_FEW);
	jx_trend_result_free(r);
	jx_series_free(s);

	s = fx_series(*state, "丙", JX_KIND_SELF);
	assert_int_equal(jx_trend_compute(&r, s, NULL), 0);
	assert_int_equal(r->rows[0].n, 2);
	assert_close(r->rows[0].fit.slope, -0.08, 1e-12);
	assert_close(r->rows[0].theil_sen, -0.08, 1e-12);
	assert_close(r->rows[0].fit.r2, 1, 1e-12);
	assert_true(isnan(r->rows[0].fit.slope_se));
	assert_int_equal(r->rows[0].direction, JX_DIR_TOO_FEW);
	jx_trend_result_free(r);
	jx_series_free(s);
}

/* Total over 2016, 2017, 2019, 2021 = 96, 90, 91, 92 of 100 (one framework
 * period); forecast 2022 on the logit of the shrunk rate: z = log((s + ½)/(100 − s
 * + ½)), v = 1/(101·p(1 − p)) with p = (s + ½)/101. Least squares of z on the
 * year: b = −0.0899213 per year; Σ e²/v = 2.75540 (df 2) plus the prior (1, df 1):
 * φ = 3.75540/3 = 1.25180; ẑ(2022) = 2.130703; sd = sqrt(φ·v(expit ẑ)) = 0.361424;
 * se = sd·sqrt(1 + 1/4 + 3.75²/14.75) = 0.536492; t(0.975, 3) = 3.18244630528;
 * back to the rate r = (expit(z)·101 − ½)/100: forecast 0.897790, interval
 * [0.605327, 0.983708] (computed in Python, not with the code under test). */
static void test_analysis__forecast_prediction_interval(void **state)
{
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_forecast_result *r;
	jx_analysis_options o;
	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_TOTAL;
	assert_int_equal(jx_forecast_compute(&r, s, &o), 0);
	assert_int_equal(r->year, 2022);
	assert_int_equal(r->nrows, 1);
	assert_true(r->rows[0].ok);
	assert_int_equal(r->rows[0].method, JX_FC_LOGIT_TREND);
	assert_int_equal(r->rows[0].n, 4);
	assert_int_equal(r->rows[0].period_first, 2016);
	assert_int_equal(r->rows[0].period_last, 2021);
	assert_close(r->rows[0].fit.slope, -0.08992126541630288, 1e-12);
	assert_close(r->rows[0].df, 3, 0);
	assert_close(r->rows[0].pred.fit, 2.130702719640908, 1e-9);
	assert_close(r->rows[0].fit.resid_sd, 0.3614243430138197, 1e-9);
	assert_close(r->rows[0].pred.se, 0.5364917780023976, 1e-9);
	assert_close(r->rows[0].pred.t_quantile, 3.18244630528, 1e-9);
	assert_close(r->rows[0].forecast, 0.8977902184225459, 1e-9);
	assert_close(r->rows[0].pi_low, 0.6053265837681014, 1e-9);
	assert_close(r->rows[0].pi_high, 0.9837078201514089, 1e-9);
	assert_false(r->rows[0].widened);
	jx_forecast_result_free(r);
	jx_series_free(s);
}

/* 丙 has two years (100, then 92): no line, no point forecast; the interval is
 * the latest z ± t(0.975, 2)·sd from the pooled change: Δz = z(92) − z(100),
 * Σ Δ²/(v₁ + v₂) = 3.97679 (1 change) plus the prior: φ = 4.97679/2 = 2.48840;
 * sd = sqrt(φ·2·v(92)) = 0.799567; t = 4.30265272975 → [0.256213, 1]: the upper
 * bound reaches full marks (the predictive distribution has an atom there). */
static void test_analysis__forecast_two_years_pooled_changes(void **state)
{
	jx_series *s = fx_series(*state, "丙", JX_KIND_SELF);
	jx_forecast_result *r;
	jx_analysis_options o;
	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_TOTAL;
	assert_int_equal(jx_forecast_compute(&r, s, &o), 0);
	assert_false(r->rows[0].ok);
	assert_int_equal(r->rows[0].method, JX_FC_POOLED_CHANGES);
	assert_true(isnan(r->rows[0].forecast));
	assert_close(r->rows[0].df, 2, 0);
	assert_close(r->rows[0].fit.resid_sd, 0.7995674068122085, 1e-9);
	assert_close(r->rows[0].pi_low, 0.25621299863070546, 1e-9);
	assert_close(r->rows[0].pi_high, 1, 0);
	assert_close(r->rows[0].raw_high, 1.0020335651119607, 1e-9);
	jx_forecast_result_free(r);
	jx_series_free(s);
	/* 乙 has one year and no change anywhere: nothing to forecast from */
	s = fx_series(*state, "乙", JX_KIND_SELF);
	assert_int_equal(jx_forecast_compute(&r, s, NULL), JX_EMATH);
	assert_null(r);
	assert_non_null(strstr(jx_error_last(), "at least 3 years"));
	jx_series_free(s);
}

static const jx_variance_row *var_row(const jx_variance_result *r, int level, const char *a,
				      const char *b, const char *c)
{
	char *k = key(a, b, c);
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].unit->level == level && !strcmp(r->rows[i].unit->key, k)) {
			free(k);
			return &r->rows[i];
		}
	fail_msg("no variance row %s", k);
	return NULL;
}

/* 流程 rates 0.8, 0.9, 0.7, 0.8, 0.9: mean 0.82, deviations (−2, 8, −12, −2, 8)/100,
 * Σd² = 0.028, variance 0.028/4 = 0.007. 执行率: 0.9, 0.8, 0.85, ?, 0.8 → n 4,
 * mean 0.8375, Σd² = 0.006875, variance 0.006875/3. 制度: identical → 0, cv 0. */
static void test_analysis__variance_across_years(void **state)
{
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_variance_result *r;
	const jx_variance_row *row;
	assert_int_equal(jx_variance_compute(&r, s, NULL), 0);
	row = var_row(r, 3, "决策", "机制", "流程");
	assert_int_equal(row->rate.n, 5);
	assert_close(row->rate.mean, 0.82, 1e-12);
	assert_close(row->rate.variance, 0.007, 1e-12);
	assert_close(row->rate.sd, sqrt(0.007), 1e-12);
	assert_close(row->rate.cv, sqrt(0.007) / 0.82, 1e-12);
	row = var_row(r, 3, "管理", "预算", "执行率");
	assert_int_equal(row->rate.n, 4);
	assert_int_equal(row->nmissing_years, 1);
	assert_close(row->rate.variance, 0.006875 / 3, 1e-12);
	row = var_row(r, 3, "决策", "机制", "制度");
	assert_true(row->rate.variance == 0 && row->rate.cv == 0);
	row = var_row(r, 3, "管理", "预算", "绩效");
	assert_int_equal(row->rate.n, 1);
	assert_true(isnan(row->rate.variance));
	jx_variance_result_free(r);
	jx_series_free(s);
}

/* Years with a known total: 2016, 2017, 2019, 2021. Totals 96, 90, 91, 92
 * (mean 92.25, Σd² = 20.75, variance 20.75/3); 决策 18, 19, 17, 19;
 * 管理 78, 71, 74, 73. Σ(d_cat·d_total): 决策 −1.25, 管理 22 → shares
 * −1.25/20.75 and 22/20.75, adding up to 1. */
static void test_analysis__variance_decomposition(void **state)
{
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_decomp_result *r;
	double sum = 0;
	assert_int_equal(jx_variance_decompose(&r, s, NULL), 0);
	assert_int_equal(r->nyears, 4);
	assert_int_equal(r->years[3], 2021);
	assert_close(r->total_variance, 20.75 / 3, 1e-12);
	assert_int_equal(r->nrows, 2);
	for (size_t i = 0; i < r->nrows; i++) {
		if (!strcmp(r->rows[i].unit->name, "决策")) {
			assert_close(r->rows[i].share, -1.25 / 20.75, 1e-12);
			assert_close(r->rows[i].mean_points, 18.25, 1e-12);
		} else {
			assert_close(r->rows[i].share, 22 / 20.75, 1e-12);
		}
		sum += r->rows[i].share;
	}
	assert_close(sum, 1, 1e-12);
	jx_decomp_result_free(r);
	jx_series_free(s);

	s = fx_series(*state, "乙", JX_KIND_SELF);
	assert_int_equal(jx_variance_decompose(&r, s, NULL), JX_EMATH);
	jx_series_free(s);
}

/* 2021 totals: 甲 0.92, 乙 0.85, 丙 0.92 → mean 2.69/3, deviations
 * (0.07, −0.14, 0.07)/3, Σd² = 0.0294/9, variance 0.0294/18. 绩效 is only in 甲. */
static void test_analysis__variance_across_departments(void **state)
{
	jx_across_result *r;
	jx_analysis_options o;
	int seen_total = 0;
	jx_analysis_options_init(&o);
	assert_int_equal(jx_variance_across(&r, *state, 2021, &o), 0);
	assert_int_equal(r->ndepartments, 3);
	for (size_t i = 0; i < r->nrows; i++) {
		const jx_across_row *row = &r->rows[i];
		assert_true(row->n >= 2);
		assert_true(!row->level3 || strcmp(row->level3, "绩效"));
		if (row->level == 0) {
			seen_total = 1;
			assert_int_equal(row->n, 3);
			assert_close(row->mean, 2.69 / 3, 1e-12);
			assert_close(row->sd, sqrt(0.0294 / 18), 1e-12);
			assert_close(row->min, 0.85, 1e-15);
			assert_string_equal(row->min_department, "乙");
			assert_close(row->max, 0.92, 1e-15);
		}
	}
	assert_true(seen_total);
	jx_across_result_free(r);
	assert_int_equal(jx_variance_across(&r, *state, 2010, &o), JX_ENOTFOUND);
}

/* Review of 甲 2021 gives 流程 8 (self 9) and 资产制度 38 (self 40): two
 * indicators, their groups (机制, 资产), both categories and the total
 * score higher in the self-evaluation: 7 units. */
static void test_analysis__self_versus_review(void **state)
{
	jx_series *self = fx_series(*state, "甲", JX_KIND_SELF);
	jx_series *review = fx_series(*state, "甲", JX_KIND_REVIEW);
	jx_selfreview_result *r;
	jx_analysis_options o;
	assert_non_null(review);
	assert_int_equal(jx_compare_self_review(&r, self, review, NULL), 0);
	assert_int_equal(r->nhigher, 7);
	assert_int_equal(r->rows[0].unit->level, 0);
	assert_close(r->rows[0].diff_points, 3, 0);
	jx_selfreview_result_free(r);

	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_3;
	assert_int_equal(jx_compare_self_review(&r, self, review, &o), 0);
	assert_int_equal(r->nrows, 6);
	assert_int_equal(r->nhigher, 2);
	assert_string_equal(r->rows[0].unit->name, "资产制度");
	assert_close(r->rows[0].diff_points, 2, 0);
	assert_close(r->rows[0].diff_rate, 0.05, 1e-12);
	assert_string_equal(r->rows[1].unit->name, "流程");
	assert_int_equal(r->rows[0].year, 2021);
	jx_selfreview_result_free(r);
	jx_series_free(self);
	jx_series_free(review);
}

/* 戊: X is evaluated 2016–2019 only, Y 2016–2021. Forecasting 2022, X has 4
 * known years but is no longer evaluated: no forecast, and it says why. */
static void test_analysis__forecast_skips_dropped_indicator(void **state)
{
	jx_batch *b = jx_batch_new("dropped.csv");
	jx_forecast_result *r;
	jx_analysis_options o;
	jx_series *s;
	jx_table *t;
	for (int y = 2016; y <= 2021; y++) {
		const fx_row both[2] = {{"产出", "数量", "X", 50, 45 + (y % 3), FX_S},
					{"产出", "数量", "Y", 50, 40 + (y % 4), FX_S}};
		const fx_row late[1] = {{"产出", "数量", "Y", 100, 90 + (y % 4), FX_S}};
		assert_int_equal(y <= 2019 ? fx_eval(b, "戊", y, JX_KIND_SELF, both, 2)
					   : fx_eval(b, "戊", y, JX_KIND_SELF, late, 1),
				 0);
	}
	assert_int_equal(jx_store_import(*state, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
	s = fx_series(*state, "戊", JX_KIND_SELF);
	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_3;
	assert_int_equal(jx_forecast_compute(&r, s, &o), 0);
	assert_int_equal(r->nrows, 2);
	assert_string_equal(r->rows[0].unit->name, "Y"); /* latest evaluation's order */
	assert_true(r->rows[0].ok);
	assert_int_equal(r->rows[1].n, 4);
	assert_false(r->rows[1].ok);
	assert_true(isnan(r->rows[1].forecast));
	assert_int_equal(jx_forecast_table(&t, r, &o), 0);
	assert_string_equal(jx_table_cell(t, 1, (size_t)jx_table_find_column(t, "note")),
			    "not in the latest evaluation (2021)");
	jx_table_free(t);
	jx_forecast_result_free(r);
	jx_series_free(s);
}

/* The table carries the result's numbers under the documented column names,
 * a department column on request, and the provenance of the data. */
static void test_analysis__trend_table_columns(void **state)
{
	static const char *const names[] = {
		"level",         "level1", "level2",     "level3",  "n",         "slope",
		"slope_se",      "t",      "p_value",    "r2",      "theil_sen", "direction",
		"missing_years", "rates",  "provenance", "q_value", "mk_s",      "p_method",
		"periods"};
	jx_series *s = fx_series(*state, "甲", JX_KIND_SELF);
	jx_trend_result *r;
	jx_analysis_options o;
	jx_table *t;
	jx_analysis_options_init(&o);
	o.level = JX_LEVEL_TOTAL;
	o.with_department = 1;
	assert_int_equal(jx_trend_compute(&r, s, &o), 0);
	assert_int_equal(jx_trend_table(&t, r, &o), 0);
	assert_int_equal(jx_table_rows(t), 1);
	assert_int_equal(jx_table_find_column(t, "department"), 0);
	assert_string_equal(jx_table_cell(t, 0, 0), "甲");
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		assert_true(jx_table_find_column(t, names[i]) > 0);
	assert_close(jx_table_number(t, 0, (size_t)jx_table_find_column(t, "slope")), -29.0 / 5900,
		     1e-14); /* −0.0725/14.75, §4 of docs/methods.md */
	/* four years in one period: p can be no smaller than 2/4! = 0.083 */
	assert_string_equal(jx_table_cell(t, 0, (size_t)jx_table_find_column(t, "direction")),
			    "too few years");
	/* 0.96 0.90 0.91 0.92: pairs − − − + + + → S = 0, p = 1 */
	assert_string_equal(jx_table_cell(t, 0, (size_t)jx_table_find_column(t, "mk_s")), "0");
	assert_string_equal(jx_table_cell(t, 0, (size_t)jx_table_find_column(t, "p_value")), "1");
	assert_string_equal(jx_table_cell(t, 0, (size_t)jx_table_find_column(t, "p_method")),
			    "exact");
	assert_string_equal(jx_table_cell(t, 0, (size_t)jx_table_find_column(t, "periods")),
			    "2016-2021");
	/* new fields follow provenance (docs/formats.md, Changes) */
	assert_true(jx_table_find_column(t, "q_value") > jx_table_find_column(t, "provenance"));
	assert_string_equal(jx_table_cell(t, 0, (size_t)jx_table_find_column(t, "rates")),
			    "2016 0.96; 2017 0.9; 2019 0.91; 2020 ?*; 2021 0.92");
	assert_string_equal(jx_table_cell(t, 0, (size_t)jx_table_find_column(t, "provenance")),
			    "synthetic"); /* the fixture says so */
	jx_table_free(t);
	jx_trend_result_free(r);
	jx_series_free(s);
}

/* Rename suggestions against an independent brute force over all pairs: 4 years of 25 keys,
 * a fixed-seed share of them renamed by one or two characters each year. Every unmatched key's
 * suggestion is at the least distance among the keys that never share a year with it, and
 * never is such a key (an alias between them would merge two indicators). */
static void test_analysis__indicator_suggestions_match_brute_force(void **state)
{
	enum { YEARS = 4, KEYS = 25 };
	static const char *const alphabet[] = {"预", "算", "执", "行", "率", "资", "金", "绩",
					       "效", "目", "标", "完", "成", "a",  "b"};
	char names[YEARS][KEYS][64], csv[YEARS * KEYS * 120 + 256], *p = csv;
	unsigned seed = 7;
	jx_batch *b = NULL;
	jx_store *s = NULL;
	jx_table *t = NULL;
	(void)state;
	p += sprintf(p, "department,year,kind,level1,level2,level3,explanation,weight,score,"
			"score_origin\n");
	for (int y = 0; y < YEARS; y++)
		for (int i = 0; i < KEYS; i++) {
			seed = seed * 1103515245u + 12345u;
			if (y == 0) {
				sprintf(names[y][i], "指标%d", i);
				for (int c = 0; c < 3; c++)
					strcat(names[y][i], alphabet[(seed >> (8 + 4 * c)) % 15]);
			} else { /* renamed (one more character) or kept; strcpy then strcat, as GCC's
				  * -Wrestrict takes sprintf from names[y - 1] into names[y] for
				  * an overlap (the sanitizer build's -Werror) */
				strcpy(names[y][i], names[y - 1][i]);
				if ((seed >> 16) % 3 == 0)
					strcat(names[y][i], alphabet[(seed >> 20) % 15]);
			}
			p += sprintf(p, "甲,%d,self,类,组,%s,,4,4,stated\n", 2020 + y, names[y][i]);
		}
	assert_int_equal(jx_read_buffer(&b, "keys.csv", csv, strlen(csv), NULL), 0);
	assert_int_equal(jx_store_open(&s, ":memory:", JX_STORE_CREATE), 0);
	assert_int_equal(jx_store_import(s, &b, 1, 0, NULL), 0);
	assert_int_equal(jx_indicators_collect(&t, s, "甲", JX_KIND_SELF, 1), 0);
	assert_true(jx_table_rows(t) > 10);
	for (size_t r = 0; r < jx_table_rows(t); r++) {
		const char *key = jx_table_cell(t, r, 1), *got = jx_table_cell(t, r, 5);
		size_t want = (size_t)-1;
		int in_year[YEARS] = {0};
		for (int y = 0; y < YEARS; y++) /* the years of key */
			for (int i = 0; i < KEYS; i++)
				if (!strcmp(strrchr(key, '/') + 1, names[y][i]))
					in_year[y] = 1;
		for (int y2 = 0; y2 < YEARS; y2++) /* every other key: the brute force */
			for (int j = 0; j < KEYS; j++) {
				char other[128];
				int shares = 0;
				snprintf(other, sizeof(other), "类/组/%.64s", names[y2][j]);
				for (int y = 0; y < YEARS; y++)
					for (int i = 0; i < KEYS; i++)
						shares |= in_year[y] &&
							  !strcmp(names[y][i], names[y2][j]);
				if (!shares && strcmp(other, key) &&
				    jx_levenshtein(key, other) < want)
					want = jx_levenshtein(key, other);
			}
		if (want == (size_t)-1) {
			assert_string_equal(got, "");
			continue;
		}
		assert_int_equal(jx_levenshtein(key, got), want);
		assert_int_equal(atoi(jx_table_cell(t, r, 6)), (int)want);
	}
	jx_table_free(t);
	jx_batch_free(b);
	jx_store_free(s);
}

/* The pairs are computed only when asked (the CLI asks for --view pairs alone), among the
 * indicators deducted at least once, at most JX_PAIRS_MAX_UNITS of them: with 100 more, those
 * deducted least often are left out, and the table says so. */
static void test_analysis__deduction_pairs_capped(void **state)
{
	enum { N = JX_PAIRS_MAX_UNITS + 100 };
	size_t size = (size_t)N * 2 * 64 + 256, len = 0;
	char *csv = malloc(size);
	jx_read_options ro = jx_read_options_default();
	jx_analysis_options o;
	jx_deductions_result *r = NULL;
	jx_series *sr = NULL;
	jx_batch *b = NULL;
	jx_store *s = NULL;
	jx_table *t = NULL;
	(void)state;
	len += (size_t)snprintf(csv, size,
				"department,year,kind,level1,level2,level3,explanation,"
				"weight,score,score_origin\n");
	for (int y = 0; y < 2; y++)
		for (int i = 0; i < N; i++) /* the first 100 lose a point in one year only */
			len += (size_t)snprintf(csv + len, size - len,
						"甲,%d,self,类,组,指标%d,,2,%d,stated\n", 2020 + y,
						i, i < 100 && y == 0 ? 2 : 1);
	ro.total_weight = 2.0 * N;
	assert_int_equal(jx_read_buffer(&b, "pairs.csv", csv, len, &ro), 0);
	assert_int_equal(jx_store_open(&s, ":memory:", JX_STORE_CREATE), 0);
	assert_int_equal(jx_store_import(s, &b, 1, 0, NULL), 0);
	assert_int_equal(jx_store_series(s, &sr, "甲", JX_KIND_SELF, 0, 0), 0);
	jx_analysis_options_init(&o);
	o.deduction_pairs = 0;
	assert_int_equal(jx_deductions_compute(&r, sr, &o), 0);
	assert_int_equal(r->npairs, 0);
	assert_int_equal(r->pairs_left_out, 0);
	jx_deductions_result_free(r);
	o.deduction_pairs = 1;
	assert_int_equal(jx_deductions_compute(&r, sr, &o), 0);
	assert_int_equal(r->pairs_left_out, 100);
	assert_int_equal(jx_deductions_table(&t, r, JX_DED_PAIRS, &o), 0);
	{
		char *text = NULL;
		size_t tlen = 0;
		FILE *f = open_memstream(&text, &tlen);
		assert_int_equal(jx_table_write(t, f, JX_FMT_TABLE, 0), 0);
		fclose(f);
		assert_non_null(strstr(text, "100 more deducted indicators are left out"));
		free(text);
	}
	jx_table_free(t);
	jx_deductions_result_free(r);
	jx_series_free(sr);
	jx_batch_free(b);
	jx_store_free(s);
	free(csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analysis__number12_as_number_text),
		cmocka_unit_test(test_analysis__deduction_pairs_capped),
		cmocka_unit_test(test_analysis__indicator_suggestions_match_brute_force),
		cmocka_unit_test_setup_teardown(
			test_analysis__units_sum_levels_and_keep_missing_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__alias_joins_renamed_indicator, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__units_top_sums_as_units, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__compare_two_years, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__compare_weight_change_and_missing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__trend_uses_calendar_years, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__trend_identical_and_late_indicator,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__trend_one_and_two_years, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__forecast_prediction_interval, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__forecast_two_years_pooled_changes,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__variance_across_years, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__variance_decomposition, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__variance_across_departments, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_analysis__self_versus_review, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__forecast_skips_dropped_indicator,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis__trend_table_columns, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
