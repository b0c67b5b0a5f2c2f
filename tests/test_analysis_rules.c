/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_analysis_rules.c -- the rules the report, `weak` and the overview share, on hand-made
 * departments: weak indicators by points and recency, review first, the self-minus-review
 * gap test, ranks within peer groups, figures' growth verdict, unknown totals. Every
 * expected number is worked out by hand in the comment above its test. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "jixiao.h"

static void assert_close(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g", got, want);
}

static jx_series *fx_series(jx_store *st, const char *dept, jx_kind kind)
{
	jx_series *s = NULL;
	return jx_store_series(st, &s, dept, kind, 0, 0) ? NULL : s;
}

static jx_store *empty_store(void)
{
	jx_store *st = NULL;
	jx_init();
	assert_int_equal(jx_store_open(&st, ":memory:", JX_STORE_CREATE), 0);
	return st;
}

/* Import one department-year of (name, weight, score) rows under 履职/产出; NAN = missing. */
typedef struct {
	const char *l3;
	double weight, score;
} row3;

static void put(jx_store *st, const char *dept, int year, jx_kind kind, jx_provenance prov,
		const row3 *r, size_t n)
{
	jx_batch *b = jx_batch_new("hand.csv");
	jx_evaluation *ev = jx_evaluation_new(dept, year, kind);
	assert_non_null(b);
	assert_non_null(ev);
	ev->provenance = prov;
	for (size_t i = 0; i < n; i++)
		assert_non_null(jx_evaluation_add_row(
			ev, "履职", "产出", r[i].l3, "", r[i].weight, r[i].score,
			isnan(r[i].score) ? JX_ORIGIN_MISSING : JX_ORIGIN_STATED, (int)i + 2));
	assert_int_equal(jx_batch_add_evaluation(b, ev), 0);
	if (jx_store_import(st, &b, 1, 0, NULL))
		fail_msg("%s", jx_error_last());
	jx_batch_free(b);
}

/*
 * 戊, 2022-2024 (window 3), Z fills each year to 100 and is always full:
 *   A w10:  9, 10,  4   lost 1, 0, 6
 *   B w5:   0,  5,  5   lost 5, 0, 0   (组织管理 0% then 100%, 100%)
 *   C w20: 18, 18, 18   lost 2, 2, 2   (2 points every year on a 20-point indicator)
 *   D w2:   2,  2,  1   lost 0, 0, 1   (1 point on a 2-point indicator, latest year only)
 *   E w10:  8,  8,  -   lost 2, 2, absent in 2024 (left the framework)
 *   F w10:  8,  8, 10   lost 2, 2, 0
 *   G w10:  9, 10, 10   lost 1, 0, 0
 *   H w10:  -,  -, 10   new in 2024, full
 * The department lost 13 + 6 + 9 = 28 points in the window.
 *   A: new (6 >= 5 = half its weight), persistent (2022 and 2024), large (7/28 = .25).
 *   B: resolved (lost in 2022, full in 2023 and 2024) although 5/28 = .179 is large.
 *   C: persistent (3 of 3) and large (6/28 = .214): flagged, unlike under the old rule.
 *   D: new (its only loss in the window); 1/28 not large.
 *   E: not examined (absent in 2024). F: lost in 2022-2023 but not 2024, 4/28 = .143 < .15:
 *   nothing, and not resolved (one clean year). G: resolved. H, Z: clean.
 */
static void wu(jx_store *st)
{
	const row3 y22[] = {{"A", 10, 9}, {"B", 5, 0},  {"C", 20, 18}, {"D", 2, 2},
			    {"E", 10, 8}, {"F", 10, 8}, {"G", 10, 9},  {"Z", 33, 33}};
	const row3 y23[] = {{"A", 10, 10}, {"B", 5, 5},  {"C", 20, 18}, {"D", 2, 2},
			    {"E", 10, 8},  {"F", 10, 8}, {"G", 10, 10}, {"Z", 33, 33}};
	const row3 y24[] = {{"A", 10, 4},  {"B", 5, 5},   {"C", 20, 18}, {"D", 2, 1},
			    {"H", 10, 10}, {"F", 10, 10}, {"G", 10, 10}, {"Z", 33, 33}};
	put(st, "戊", 2022, JX_KIND_SELF, JX_PROV_SYNTHETIC, y22, 8);
	put(st, "戊", 2023, JX_KIND_SELF, JX_PROV_SYNTHETIC, y23, 8);
	put(st, "戊", 2024, JX_KIND_SELF, JX_PROV_SYNTHETIC, y24, 8);
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

static const jx_weak_row *weak_row(const jx_weak_result *r, const char *name)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (!strcmp(r->rows[i].unit->name, name))
			return &r->rows[i];
	return NULL;
}

static void test_analysis_rules__weak_by_points_and_recency(void **state)
{
	jx_store *st = empty_store();
	jx_weak_result *r;
	(void)state;
	wu(st);
	r = weak_of(st, "戊", NULL);
	assert_close(r->dept_points, 28, 0);
	assert_int_equal(r->nchecked, 8); /* A B C D F G H Z; not E */
	assert_int_equal(r->nrows, 3);
	assert_int_equal(weak_row(r, "A")->rules, JX_WEAK_NEW | JX_WEAK_PERSISTENT | JX_WEAK_LARGE);
	assert_close(weak_row(r, "A")->latest_lost, 6, 0);
	assert_close(weak_row(r, "A")->share, 7.0 / 28, 1e-12);
	assert_int_equal(weak_row(r, "C")->rules, JX_WEAK_PERSISTENT | JX_WEAK_LARGE);
	assert_close(weak_row(r, "C")->share, 6.0 / 28, 1e-12);
	assert_int_equal(weak_row(r, "D")->rules, JX_WEAK_NEW);
	assert_null(weak_row(r, "E"));
	assert_null(weak_row(r, "F"));
	assert_null(weak_row(r, "B"));
	assert_int_equal(r->nimproved, 2);
	assert_string_equal(r->improved[0].unit->name, "B");
	assert_string_equal(r->improved[1].unit->name, "G");
	assert_int_equal(r->improved[0].rules, JX_WEAK_RESOLVED);
	jx_weak_result_free(r);
	jx_store_free(st);
}

/* The rules' parameters: a large share of 0.14 makes F (4/28 = .143) large. With one clean
 * year enough F is resolved too (B, F, G improved). A new share of 0.7 and K = 3 leave A
 * large only (6 < 7 and not its only loss; 2 years < 3), C persistent and large, D new (its
 * only loss). A share of 0 is refused. */
static void test_analysis_rules__weak_parameters(void **state)
{
	jx_analysis_options o;
	jx_weak_result *r;
	jx_store *st = empty_store();
	(void)state;
	wu(st);
	jx_analysis_options_init(&o);
	o.weak_large_share = 0.14;
	r = weak_of(st, "戊", &o);
	assert_int_equal(weak_row(r, "F")->rules, JX_WEAK_LARGE);
	jx_weak_result_free(r);
	jx_analysis_options_init(&o);
	o.weak_resolved_years = 1;
	r = weak_of(st, "戊", &o);
	assert_null(weak_row(r, "F"));
	assert_int_equal(r->nimproved, 3); /* B, F, G */
	assert_string_equal(r->improved[1].unit->name, "F");
	jx_weak_result_free(r);
	jx_analysis_options_init(&o);
	o.weak_new_share = 0.7;
	o.weak_min_deducted = 3;
	r = weak_of(st, "戊", &o);
	assert_int_equal(weak_row(r, "A")->rules, JX_WEAK_LARGE);
	assert_int_equal(weak_row(r, "C")->rules, JX_WEAK_PERSISTENT | JX_WEAK_LARGE);
	assert_int_equal(weak_row(r, "D")->rules, JX_WEAK_NEW);
	jx_weak_result_free(r);
	jx_analysis_options_init(&o);
	o.weak_large_share = 0;
	assert_int_equal(jx_weak_compute(&r, NULL, &o), JX_EINVAL);
	jx_store_free(st);
}

/*
 * 己 self 2022 90, 2023 88, 2024 84.5; reviews 2022 85, 2024 77.5 (中); 2023 none.
 * The headline of 2024 is the review's 77.5 and 中 with the self 84.5 (良) beside it; of
 * 2023 the self's 88 (良). Gaps: 2022 +5, 2024 +7: mean 6 points, 2 years above, none
 * below: sign test p = 0.5² = 0.25 = p_min ≥ 0.05, too few years.
 */
static void test_analysis_rules__review_first(void **state)
{
	const row3 s22[] = {{"A", 50, 45}, {"B", 50, 45}}, s23[] = {{"A", 50, 44}, {"B", 50, 44}},
		   s24[] = {{"A", 50, 44.5}, {"B", 50, 40}}, r22[] = {{"A", 50, 40}, {"B", 50, 45}},
		   r24[] = {{"A", 50, 37.5}, {"B", 50, 40}};
	jx_standing_result *s = NULL;
	jx_gap_result *g = NULL;
	const jx_standing *y;
	jx_store *st = empty_store();
	(void)state;
	put(st, "己", 2022, JX_KIND_SELF, JX_PROV_SYNTHETIC, s22, 2);
	put(st, "己", 2023, JX_KIND_SELF, JX_PROV_SYNTHETIC, s23, 2);
	put(st, "己", 2024, JX_KIND_SELF, JX_PROV_SYNTHETIC, s24, 2);
	put(st, "己", 2022, JX_KIND_REVIEW, JX_PROV_SYNTHETIC, r22, 2);
	put(st, "己", 2024, JX_KIND_REVIEW, JX_PROV_SYNTHETIC, r24, 2);
	assert_int_equal(jx_standing_load(&s, st, "己", NULL), 0);
	assert_int_equal(s->nyears, 3);
	y = jx_standing_find(s, 2024);
	assert_int_equal(y->basis, JX_KIND_REVIEW);
	assert_close(y->score, 77.5, 0);
	assert_string_equal(y->grade, "中");
	assert_close(y->self_score, 84.5, 0);
	assert_string_equal(y->self_grade, "良");
	assert_close(y->gap_points, 7, 0);
	y = jx_standing_find(s, 2023);
	assert_int_equal(y->basis, JX_KIND_SELF);
	assert_close(y->score, 88, 0);
	assert_false(y->has_review);
	assert_true(isnan(y->gap_rate));
	assert_int_equal(jx_gap_compute(&g, s, 0.05), 0);
	assert_int_equal(g->n, 2);
	assert_int_equal(g->nhigher, 2);
	assert_close(g->mean_gap_points, 6, 0);
	assert_close(g->mean_gap_rate, 0.06, 1e-12);
	assert_close(g->p_value, 0.25, 1e-12);
	assert_close(g->p_min, 0.25, 1e-12);
	assert_true(isnan(g->q_value));
	assert_int_equal(g->verdict, JX_GAP_TOO_FEW);
	assert_string_equal(jx_gap_verdict_name(g->verdict), "too few years");
	jx_gap_result_free(g);
	jx_standing_result_free(s);
	jx_store_free(st);
}

/* A review with a missing score has no total: the headline stays the self-evaluation's,
 * and that year has no gap. */
static void test_analysis_rules__review_unknown_total(void **state)
{
	const row3 s1[] = {{"A", 50, 45}, {"B", 50, 50}}, r1[] = {{"A", 50, 40}, {"B", 50, NAN}};
	jx_standing_result *s = NULL;
	const jx_standing *y;
	jx_store *st = empty_store();
	(void)state;
	put(st, "庚", 2024, JX_KIND_SELF, JX_PROV_REAL, s1, 2);
	put(st, "庚", 2024, JX_KIND_REVIEW, JX_PROV_REAL, r1, 2);
	assert_int_equal(jx_standing_load(&s, st, "庚", NULL), 0);
	y = jx_standing_find(s, 2024);
	assert_true(y->has_review);
	assert_true(isnan(y->review_score));
	assert_string_equal(y->review_grade, "");
	assert_int_equal(y->basis, JX_KIND_SELF);
	assert_close(y->score, 95, 0);
	assert_true(isnan(y->gap_points));
	assert_int_equal(s->provenance, JX_PROV_REAL);
	jx_standing_result_free(s);
	assert_int_equal(jx_standing_load(&s, st, "无此部门", NULL), JX_ENOTFOUND);
	jx_store_free(st);
}

/*
 * The sign test by hand: with m years with a gap and k above, p = Σ_{i≥k} C(m,i)/2^m.
 * 6 above of 6: 1/64; 5 of 6: (6 + 1)/64 = 7/64; 4 of 5: (5 + 1)/32 = 6/32; 0 of 3: 1.
 * Three departments as one family, BH over those whose p_min = 1/2^m < 0.05 (m = 6, 6, 5):
 * p = 1/64, 7/64, 6/32 → sorted q: 3/64 · ... : q1 = min(1/64·3/1, q2) = 3/64,
 * q2 = min(7/64·3/2, q3) = 21/128, q3 = 6/32·3/3 = 6/32. Only the first is over-scoring.
 */
static void test_analysis_rules__gap_sign_test_and_family(void **state)
{
	double p, pmin;
	jx_gap_result a = {0}, b = {0}, c = {0}, d = {0};
	jx_gap_result *v[] = {&a, &b, &c, &d};
	(void)state;
	jx_stats_sign_test(&p, &pmin, 6, 0);
	assert_close(p, 1.0 / 64, 1e-15);
	assert_close(pmin, 1.0 / 64, 1e-15);
	jx_stats_sign_test(&p, &pmin, 5, 1);
	assert_close(p, 7.0 / 64, 1e-15);
	jx_stats_sign_test(&p, &pmin, 4, 1);
	assert_close(p, 6.0 / 32, 1e-15);
	jx_stats_sign_test(&p, &pmin, 0, 3);
	assert_close(p, 1, 0);
	a.p_value = 1.0 / 64, a.p_min = 1.0 / 64;
	b.p_value = 7.0 / 64, b.p_min = 1.0 / 64;
	c.p_value = 6.0 / 32, c.p_min = 1.0 / 32;
	d.p_value = 0.25, d.p_min = 0.25; /* two years: not in the family */
	assert_int_equal(jx_gap_family(v, 4, 0.05), 0);
	assert_close(a.q_value, 3.0 / 64, 1e-15);
	assert_close(b.q_value, 21.0 / 128, 1e-15);
	assert_close(c.q_value, 6.0 / 32, 1e-15);
	assert_true(isnan(d.q_value));
	assert_int_equal(a.verdict, JX_GAP_OVER);
	assert_int_equal(b.verdict, JX_GAP_NOT_SHOWN);
	assert_int_equal(d.verdict, JX_GAP_TOO_FEW);
}

/*
 * 2023: 甲 (real) 98, 乙 95, 丙 90, 丁 95 (synthetic). The real 甲 has no peer group: no
 * rank; the synthetic ones rank among themselves: 乙 and 丁 share 1, 丙 is 3; percentile of
 * 丙 = 1/3. Category medians are taken within each group (甲 alone: its own rate). With a
 * second real department 戊 at 99, 甲 is 2 of 2 real. --kind review ranks the reviewed.
 */
static void test_analysis_rules__rank_within_peer_group(void **state)
{
	const row3 a[] = {{"A", 100, 98}}, b[] = {{"A", 100, 95}}, c[] = {{"A", 100, 90}},
		   e[] = {{"A", 100, 99}}, rv[] = {{"A", 100, 80}};
	jx_analysis_options o;
	jx_rank_result *r = NULL;
	jx_store *st = empty_store();
	(void)state;
	put(st, "甲", 2023, JX_KIND_SELF, JX_PROV_REAL, a, 1);
	put(st, "乙", 2023, JX_KIND_SELF, JX_PROV_SYNTHETIC, b, 1);
	put(st, "丙", 2023, JX_KIND_SELF, JX_PROV_SYNTHETIC, c, 1);
	put(st, "丁", 2023, JX_KIND_SELF, JX_PROV_SYNTHETIC, b, 1);
	put(st, "乙", 2023, JX_KIND_REVIEW, JX_PROV_SYNTHETIC, rv, 1);
	assert_int_equal(jx_rank_compute(&r, st, 2023, NULL), 0);
	assert_int_equal(r->nrows, 4);
	assert_string_equal(r->rows[0].department, "甲"); /* the real group first */
	assert_int_equal(r->rows[0].rank, 0);
	assert_int_equal(r->rows[0].npeers, 1);
	assert_true(isnan(r->rows[0].percentile));
	assert_int_equal(r->rows[1].rank, 1);
	assert_int_equal(r->rows[2].rank, 1);
	assert_close(r->rows[1].percentile, 100, 1e-12); /* ties: all three at or below */
	assert_close(r->rows[2].percentile, 100, 1e-12);
	assert_string_equal(r->rows[3].department, "丙");
	assert_int_equal(r->rows[3].rank, 3);
	assert_int_equal(r->rows[3].npeers, 3);
	assert_close(r->rows[3].percentile, 100.0 / 3, 1e-12);
	for (size_t i = 0; i < r->ncats; i++)
		if (!strcmp(r->cats[i].department, "甲"))
			assert_close(r->cats[i].median, 0.98, 1e-12);
		else
			assert_close(r->cats[i].median, 0.95, 1e-12);
	jx_rank_result_free(r);
	put(st, "戊", 2023, JX_KIND_SELF, JX_PROV_REAL, e, 1);
	assert_int_equal(jx_rank_compute(&r, st, 2023, NULL), 0);
	assert_string_equal(r->rows[0].department, "戊");
	assert_int_equal(r->rows[1].rank, 2);
	assert_int_equal(r->rows[1].npeers, 2);
	jx_rank_result_free(r);
	jx_analysis_options_init(&o);
	o.kind = JX_KIND_REVIEW;
	assert_int_equal(jx_rank_compute(&r, st, 2023, &o), 0);
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->kind, JX_KIND_REVIEW);
	assert_close(r->rows[0].rate, 0.8, 1e-12);
	jx_rank_result_free(r);
	jx_store_free(st);
}

static jx_figures *spent(int year, double exp)
{
	jx_figures *f = jx_figures_new("甲", year);
	assert_non_null(f);
	assert_int_equal(jx_figures_set(f, "expenditure_total", llround(exp * 100), 0), 0);
	return f;
}

/* Expenditure 100, 120, 0, 50 (2020-2023): growths +20%, −100% (a drop to zero), then
 * undefined (from zero). The last three growths are not all there: no verdict, even with
 * a threshold of −1; over two years the two known ones are used: (0.2 − 1)/2 = −0.4. */
static void test_analysis_rules__figures_growth_verdict(void **state)
{
	jx_figures *f[4] = {spent(2020, 100), spent(2021, 120), spent(2022, 0), spent(2023, 50)};
	jx_funds_result *r;
	jx_analysis_options o;
	jx_table *t;
	(void)state;
	jx_analysis_options_init(&o);
	assert_int_equal(jx_funds_compute(&r, "甲", f, 4, &o), 0);
	assert_close(r->years[1].expenditure_growth, 0.2, 1e-12);
	assert_close(r->years[2].expenditure_growth, -1, 0);
	assert_true(isnan(r->years[3].expenditure_growth));
	assert_int_equal(r->ngrowth, 0); /* the last growth is undefined: nothing consecutive */
	assert_false(r->judged);
	assert_false(r->warning);
	assert_int_equal(jx_funds_table(&t, r, &o), 0);
	{
		const char *cell = jx_table_cell(t, 3,
						 (size_t)jx_table_find_column(t, "growth_warning"));
		assert_true(!cell || !*cell); /* neither yes nor no */
	}
	jx_table_free(t);
	jx_funds_result_free(r);
	jx_figures_free(f[3]);
	o.growth_years = 2;
	o.growth_threshold = -1;
	assert_int_equal(jx_funds_compute(&r, "甲", f, 3, &o), 0);
	assert_int_equal(r->ngrowth, 2);
	assert_close(r->mean_growth, -0.4, 1e-12);
	assert_true(r->judged);
	assert_true(r->warning); /* −0.4 > −1 */
	jx_funds_result_free(r);
	for (int i = 0; i < 3; i++)
		jx_figures_free(f[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analysis_rules__weak_by_points_and_recency),
		cmocka_unit_test(test_analysis_rules__weak_parameters),
		cmocka_unit_test(test_analysis_rules__review_first),
		cmocka_unit_test(test_analysis_rules__review_unknown_total),
		cmocka_unit_test(test_analysis_rules__gap_sign_test_and_family),
		cmocka_unit_test(test_analysis_rules__rank_within_peer_group),
		cmocka_unit_test(test_analysis_rules__figures_growth_verdict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
