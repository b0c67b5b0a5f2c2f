/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_overview.c -- the finance bureau's overview on four hand-made departments.
 *
 * Every department has two indicators under 履职/产出, A and B, of weight 50 each
 * (self scores; R = the bureau's review):
 *
 *          2021      2022           2023           2024
 *   甲     50+50=100 50+45=95       45+40=85       40+50=90       synthetic
 *     R              50+40=90       40+40=80       42+50=92
 *   乙               50+50=100      48+50=98       44+40=84       synthetic
 *     R                                            44+40=84
 *   丙                              30+40=70       50+45=95       synthetic
 *   丁                                             40+50=90       real
 *
 * 甲's figures: expenditure 100, 120, 144, 172.8 (2021-2024; +20% a year), budget
 * equal to expenditure but 200 in 2024 (execution 86.4%).
 * Every expected number below is worked out by hand from this table.
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
#include "jixiao.h"

static void assert_close(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g", got, want);
}

static void put(jx_store *st, const char *dept, int year, jx_kind kind, jx_provenance prov,
		double a, double b)
{
	jx_batch *bt = jx_batch_new("hand.csv");
	jx_evaluation *ev = jx_evaluation_new(dept, year, kind);
	assert_non_null(bt);
	assert_non_null(ev);
	ev->provenance = prov;
	assert_non_null(
		jx_evaluation_add_row(ev, "履职", "产出", "A", "", 50, a, JX_ORIGIN_STATED, 2));
	assert_non_null(
		jx_evaluation_add_row(ev, "履职", "产出", "B", "", 50, b, JX_ORIGIN_STATED, 3));
	assert_int_equal(jx_batch_add_evaluation(bt, ev), 0);
	if (jx_store_import(st, &bt, 1, 0, NULL))
		fail_msg("%s", jx_error_last());
	jx_batch_free(bt);
}

static void money(jx_store *st, int year, double budget, double expenditure)
{
	jx_batch *bt = jx_batch_new("hand.csv");
	jx_figures *f = jx_figures_new("甲", year);
	assert_non_null(bt);
	assert_non_null(f);
	f->provenance = JX_PROV_SYNTHETIC;
	assert_int_equal(jx_figures_set(f, "budget_total", llround(budget * 100), 0), 0);
	assert_int_equal(jx_figures_set(f, "expenditure_total", llround(expenditure * 100), 0), 0);
	assert_int_equal(jx_batch_add_figures(bt, f), 0);
	if (jx_store_import(st, &bt, 1, 0, NULL))
		fail_msg("%s", jx_error_last());
	jx_batch_free(bt);
}

static int setup(void **state)
{
	jx_store *st = NULL;
	const jx_kind S = JX_KIND_SELF, R = JX_KIND_REVIEW;
	const jx_provenance F = JX_PROV_SYNTHETIC;
	jx_init();
	assert_int_equal(jx_store_open(&st, ":memory:", JX_STORE_CREATE), 0);
	put(st, "甲", 2021, S, F, 50, 50);
	put(st, "甲", 2022, S, F, 50, 45);
	put(st, "甲", 2023, S, F, 45, 40);
	put(st, "甲", 2024, S, F, 40, 50);
	put(st, "甲", 2022, R, F, 50, 40);
	put(st, "甲", 2023, R, F, 40, 40);
	put(st, "甲", 2024, R, F, 42, 50);
	put(st, "乙", 2022, S, F, 50, 50);
	put(st, "乙", 2023, S, F, 48, 50);
	put(st, "乙", 2024, S, F, 44, 40);
	put(st, "乙", 2024, R, F, 44, 40);
	put(st, "丙", 2023, S, F, 30, 40);
	put(st, "丙", 2024, S, F, 50, 45);
	put(st, "丁", 2024, S, JX_PROV_REAL, 40, 50);
	money(st, 2021, 100, 100);
	money(st, 2022, 120, 120);
	money(st, 2023, 144, 144);
	money(st, 2024, 200, 172.8);
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	jx_store_free(*state);
	return 0;
}

static jx_overview *compute(jx_store *st, const char *const *names, size_t n)
{
	jx_overview_request req;
	jx_overview *ov = NULL;
	jx_overview_request_init(&req);
	req.departments = names;
	req.ndepartments = n;
	req.top = 1;
	if (jx_overview_compute(&ov, st, &req))
		fail_msg("%s", jx_error_last());
	return ov;
}

static const jx_overview_cell *cell(const jx_overview *ov, const char *dept, int year)
{
	for (size_t i = 0; i < ov->ncells; i++)
		if (!strcmp(ov->departments[ov->cells[i].dept], dept) && ov->cells[i].year == year)
			return &ov->cells[i];
	fail_msg("no cell %s %d", dept, year);
	return NULL;
}

/* Departments in name order (strcmp: 丁 U+4E01 < 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532), years
 * 2021-2024; totals as stored; change from the previous evaluated year; ranks of 2024
 * among the three synthetic departments: 丙 95 (1), 甲 90 (2), 乙 84 (3); 丁, the only
 * real department, has no peer group (rank 0, peers 1); 甲 alone in 2021 likewise. */
static void test_overview__matrix(void **state)
{
	jx_overview *ov = compute(*state, NULL, 0);
	const jx_overview_cell *c;
	assert_int_equal(ov->ndepartments, 4);
	assert_string_equal(ov->departments[0], "丁");
	assert_string_equal(ov->departments[3], "甲");
	assert_int_equal(ov->nyears, 4);
	assert_int_equal(ov->years[0], 2021);
	assert_int_equal(ov->ncells, 10);
	assert_int_equal(ov->provenance, JX_PROV_SYNTHETIC);
	c = cell(ov, "甲", 2022);
	assert_close(c->total_score, 95, 1e-9);
	assert_close(c->change_pp, -5, 1e-9);
	assert_string_equal(c->grade, "优");
	c = cell(ov, "甲", 2023);
	assert_close(c->change_pp, -10, 1e-9);
	assert_string_equal(c->grade, "良");
	assert_int_equal(c->rank, 2); /* 乙 98, 甲 85, 丙 70 */
	assert_true(isnan(cell(ov, "甲", 2021)->change_pp));
	assert_int_equal(cell(ov, "甲", 2021)->rank, 0);
	assert_int_equal(cell(ov, "丙", 2024)->rank, 1);
	assert_int_equal(cell(ov, "甲", 2024)->rank, 2);
	assert_int_equal(cell(ov, "乙", 2024)->rank, 3);
	assert_int_equal(cell(ov, "乙", 2024)->peers, 3);
	assert_close(cell(ov, "丙", 2024)->change_pp, 25, 1e-9);
	c = cell(ov, "丁", 2024);
	assert_int_equal(c->rank, 0);
	assert_int_equal(c->peers, 1);
	assert_int_equal(c->provenance, JX_PROV_REAL);
	jx_overview_free(ov);
}

/* --sort: rate (latest known: 丙 95, 丁 90 and 甲 90 by name, 乙 84); change (乙 -14,
 * 甲 +5, 丙 +25, 丁 none last). */
static void test_overview__order(void **state)
{
	jx_overview *ov = compute(*state, NULL, 0);
	size_t *o = NULL;
	assert_int_equal(jx_overview_order(&o, ov, JX_OV_SORT_RATE), 0);
	assert_string_equal(ov->departments[o[0]], "丙");
	assert_string_equal(ov->departments[o[1]], "丁");
	assert_string_equal(ov->departments[o[2]], "甲");
	assert_string_equal(ov->departments[o[3]], "乙");
	free(o);
	assert_int_equal(jx_overview_order(&o, ov, JX_OV_SORT_CHANGE), 0);
	assert_string_equal(ov->departments[o[0]], "乙");
	assert_string_equal(ov->departments[o[1]], "甲");
	assert_string_equal(ov->departments[o[2]], "丙");
	assert_string_equal(ov->departments[o[3]], "丁");
	free(o);
	jx_overview_free(ov);
}

/*
 * Window 2022-2024. A: deducted in 2023 by 甲 乙 丙 (3 of 3), in 2024 by 甲 乙 丁 (3 of 4);
 * departments deducted in the window: 4; points 2023: 5+2+20, 2024: 10+6+10 -> 53.
 * Share 0, 0, 1, .75 (2021-2024): Sen's slope = median(0, .5, .25, 1, .375, -.25) =
 * .3125 -> 31.25 pp a year; 4 years cannot reach 0.05 (too few years).
 * B: 2024 乙 丙 (2 of 4), window 甲 乙 丙 = 3, points 5 + 20 + 15 = 40; shares 0, .5, 2/3,
 * .5: Sen = median(.5, 1/3, 1/6, 1/6, 0, -1/6) = 1/6.
 * Flagged by the weak rules: A in 甲 (persistent, large), 乙 (persistent), 丙 (large:
 * 20 of its 35 points), 丁 (new) = 4; B in 甲 (large: 15 of 30), 乙 (new), 丙
 * (persistent) = 3.
 */
static void test_overview__weak_indicators(void **state)
{
	jx_overview *ov = compute(*state, NULL, 0);
	const jx_overview_indicator *a, *b;
	assert_int_equal(ov->nindicators, 2);
	a = &ov->indicators[0];
	b = &ov->indicators[1];
	assert_string_equal(a->name, "A");
	assert_int_equal(a->deducted_latest, 3);
	assert_int_equal(a->present_latest, 4);
	assert_int_equal(a->deducted[2], 3);
	assert_int_equal(a->present[2], 3);
	assert_int_equal(a->window_deducted, 4);
	assert_int_equal(a->weak, 4);
	assert_close(a->points[2] + a->points[3], 53, 1e-9);
	assert_close(a->sen, 31.25, 1e-9);
	assert_close(a->mk.s, 3, 1e-9);
	assert_int_equal(a->direction, JX_DIR_TOO_FEW);
	assert_string_equal(b->name, "B");
	assert_int_equal(b->deducted_latest, 2);
	assert_int_equal(b->window_deducted, 3);
	assert_int_equal(b->weak, 3);
	assert_close(b->points[1] + b->points[2] + b->points[3], 40, 1e-9);
	assert_close(b->sen, 100.0 / 6, 1e-9);
	jx_overview_free(ov);
}

/* 甲's gaps (self - review): 2022 +5, 2023 +5, 2024 -2 pp; mean 8/3 points; sign test
 * P(X >= 2 | n = 3) = 4/8; Sen's slope median(0, -3.5, -7) = -3.5 pp a year. 乙: one year,
 * equal. Neither can reach 0.05: too few years, q empty. */
static void test_overview__gap(void **state)
{
	jx_overview *ov = compute(*state, NULL, 0);
	const jx_gap_result *g;
	assert_int_equal(ov->ngaps, 2);
	g = strcmp(ov->gaps[0]->department, "甲") ? ov->gaps[1] : ov->gaps[0];
	assert_int_equal(g->n, 3);
	assert_int_equal(g->nhigher, 2);
	assert_int_equal(g->nlower, 1);
	assert_close(g->mean_gap_points, 8.0 / 3, 1e-6);
	assert_close(g->p_value, 0.5, 1e-12);
	assert_close(g->slope_pp, -3.5, 1e-9);
	assert_int_equal(g->verdict, JX_GAP_TOO_FEW);
	assert_true(isnan(g->q_value));
	jx_overview_free(ov);
}

/* Warnings, by department (丁 丙 乙 甲) then code:
 * 丙: B newly persistent (2023 and 2024; a year earlier only 2023): 15 points;
 * 乙: grade drop 2023 优 (self 98) -> 2024 良 (review 84); A newly persistent (8 points);
 * 甲: growth 20% > 15% (three growths of 20%); execution 172.8 / 200 = 86.4%; A newly
 * persistent (0, 5, 10 lost in 2022-2024; before, only 2023 of 2021-2023): 15 points.
 * 甲's review-first grades 优 良 优 end with a rise: no drop. */
static void test_overview__warnings(void **state)
{
	jx_overview *ov = compute(*state, NULL, 0);
	const jx_overview_warning *w = ov->warnings;
	assert_int_equal(ov->nwarnings, 6);
	assert_string_equal(ov->departments[w[0].dept], "丙");
	assert_int_equal(w[0].code, JX_WARN_PERSISTENT);
	assert_string_equal(w[0].subject, "B");
	assert_close(w[0].value, 15, 1e-9);
	assert_string_equal(ov->departments[w[1].dept], "乙");
	assert_int_equal(w[1].code, JX_WARN_GRADE_DROP);
	assert_close(w[1].value, 0.84, 1e-9);
	assert_non_null(strstr(w[1].evidence, "2023 优 98.0%"));
	assert_non_null(strstr(w[1].evidence, "2024 良 84.0%"));
	assert_int_equal(w[2].code, JX_WARN_PERSISTENT);
	assert_close(w[2].value, 8, 1e-9);
	assert_string_equal(ov->departments[w[3].dept], "甲");
	assert_int_equal(w[3].code, JX_WARN_GROWTH);
	assert_close(w[3].value, 0.2, 1e-9);
	assert_int_equal(w[4].code, JX_WARN_EXECUTION);
	assert_close(w[4].value, 0.864, 1e-9);
	assert_int_equal(w[5].code, JX_WARN_PERSISTENT);
	assert_string_equal(w[5].subject, "A");
	assert_close(w[5].value, 15, 1e-9);
	assert_int_equal(w[5].year, 2024);
	jx_overview_free(ov);
}

/* Movers (top 1): latest changes 乙 -14, 甲 +5, 丙 +25 (丁 has one year): falling 乙
 * (优 -> 良, down), rising 丙 (中 -> 优, up). Distribution 2024, synthetic: 84, 90, 95:
 * q1 = 84 + .5 (90 - 84) = 87, median 90, q3 = 92.5, mean 89.667; 优 2, 良 1. */
static void test_overview__movers_distribution(void **state)
{
	jx_overview *ov = compute(*state, NULL, 0);
	jx_table *t = NULL;
	size_t r;
	assert_int_equal(jx_overview_table(&t, ov, JX_OV_MOVERS, 0, 0), 0);
	assert_int_equal(jx_table_rows(t), 2);
	assert_string_equal(jx_table_cell(t, 0, 0), "falling");
	assert_string_equal(jx_table_cell(t, 0, 1), "乙");
	assert_string_equal(jx_table_cell(t, 0, 6), "-14");
	assert_string_equal(jx_table_cell(t, 0, 9), "down");
	assert_string_equal(jx_table_cell(t, 1, 1), "丙");
	assert_string_equal(jx_table_cell(t, 1, 9), "up");
	jx_table_free(t);
	assert_int_equal(jx_overview_table(&t, ov, JX_OV_DISTRIBUTION, 0, 0), 0);
	/* 2021 s, 2022 s, 2023 s, 2024 real, 2024 s */
	assert_int_equal(jx_table_rows(t), 5);
	r = 4;
	assert_string_equal(jx_table_cell(t, r, 0), "2024");
	assert_string_equal(jx_table_cell(t, r, 10), "synthetic");
	assert_close(jx_table_number(t, r, 4), 87, 1e-9);
	assert_close(jx_table_number(t, r, 5), 90, 1e-9);
	assert_close(jx_table_number(t, r, 6), 92.5, 1e-9);
	assert_close(jx_table_number(t, r, 8), 269.0 / 3, 1e-9);
	assert_string_equal(jx_table_cell(t, r, 9), "优:2;良:1;中:0;差:0;unknown:0");
	assert_string_equal(jx_table_cell(t, 3, 9), "优:1;良:0;中:0;差:0;unknown:0");
	jx_table_free(t);
	jx_overview_free(ov);
}

/* --dept: only the named departments; ranks are still those of `jixiao rank` (all
 * departments); an unknown name is refused. */
static void test_overview__departments(void **state)
{
	const char *const two[] = {"乙", "甲"}, *const bad[] = {"戊"};
	jx_overview *ov = compute(*state, two, 2);
	jx_overview_request req;
	assert_int_equal(ov->ndepartments, 2);
	assert_int_equal(cell(ov, "乙", 2024)->rank, 3);
	jx_overview_free(ov);
	jx_overview_request_init(&req);
	req.departments = bad;
	req.ndepartments = 1;
	ov = NULL;
	assert_int_equal(jx_overview_compute(&ov, *state, &req), JX_ENOTFOUND);
	assert_null(ov);
	assert_non_null(strstr(jx_error_last(), "戊"));
}

/* keep_ranks (a site): only the years that are some department's latest are kept -- the
 * rankings the department pages borrow -- and those without category rates. 甲 2021-2023,
 * 乙 2021, 丙 2021-2023 but 2022 (latest years 2023, 2021, 2023): 2021 and 2023 are kept,
 * 2022 is not, yet its ranks still reach the cells.
 *   2021: 甲 100, 乙 90, 丙 80 -> 1, 2, 3 of 3;  2022: 甲 95 alone (no peer, rank 0);
 *   2023: 丙 95, 甲 85 -> 1, 2 of 2. */
static void test_overview__kept_ranks(void **state)
{
	jx_store *st = NULL;
	jx_overview_request req;
	jx_overview *ov = NULL;
	const jx_provenance F = JX_PROV_SYNTHETIC;
	(void)state;
	assert_int_equal(jx_store_open(&st, ":memory:", JX_STORE_CREATE), 0);
	put(st, "甲", 2021, JX_KIND_SELF, F, 50, 50);
	put(st, "甲", 2022, JX_KIND_SELF, F, 50, 45);
	put(st, "甲", 2023, JX_KIND_SELF, F, 45, 40);
	put(st, "乙", 2021, JX_KIND_SELF, F, 50, 40);
	put(st, "丙", 2021, JX_KIND_SELF, F, 40, 40);
	put(st, "丙", 2023, JX_KIND_SELF, F, 50, 45);
	jx_overview_request_init(&req);
	req.keep_ranks = 1;
	if (jx_overview_compute(&ov, st, &req))
		fail_msg("%s", jx_error_last());
	assert_int_equal(ov->nranks, 2);
	assert_int_equal(ov->ranks[0]->year, 2021);
	assert_int_equal(ov->ranks[1]->year, 2023);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(ov->ranks[i]->ncats, 0);
		assert_null(ov->ranks[i]->cats);
	}
	assert_int_equal(ov->ranks[0]->nrows, 3);
	assert_string_equal(ov->ranks[0]->rows[1].department, "乙");
	assert_int_equal(ov->ranks[0]->rows[1].rank, 2);
	assert_int_equal(ov->ranks[0]->rows[1].npeers, 3);
	assert_int_equal(ov->ranks[1]->nrows, 2);
	assert_string_equal(ov->ranks[1]->rows[0].department, "丙");
	assert_close(ov->ranks[1]->rows[0].rate, 0.95, 1e-12);
	assert_int_equal(ov->ranks[1]->rows[0].rank, 1);
	assert_int_equal(cell(ov, "甲", 2022)->rank, 0);
	assert_int_equal(cell(ov, "甲", 2022)->peers, 1);
	assert_int_equal(cell(ov, "甲", 2023)->rank, 2);
	assert_int_equal(cell(ov, "乙", 2021)->rank, 2);
	jx_overview_free(ov);
	req.keep_ranks = 0;
	assert_int_equal(jx_overview_compute(&ov, st, &req), 0);
	assert_int_equal(ov->nranks, 0);
	assert_null(ov->ranks);
	jx_overview_free(ov);
	jx_store_free(st);
}

/* The whole long matrix written by fmt, or its parts of size departments one after
 * another as `overview --format csv|json` writes them (malloc'd text). */
static char *matrix_text(const jx_overview *ov, const size_t *order, jx_format fmt, size_t size)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	for (size_t k = 0; k < ov->ndepartments; k += size) {
		jx_table *t = NULL;
		assert_int_equal(jx_overview_matrix_part(&t, ov, order, k, size), 0);
		if (size == ov->ndepartments)
			assert_int_equal(jx_table_write(t, f, fmt, 0), 0);
		else if (k == 0 && fmt == JX_FMT_CSV)
			assert_int_equal(jx_table_write(t, f, fmt, 0), 0);
		else {
			if (k == 0) /* JSON: the array opens before the first rows */
				fputc('[', f);
			assert_int_equal(jx_table_write_rows(t, f, fmt, k == 0), 0);
		}
		jx_table_free(t);
	}
	if (size != ov->ndepartments && fmt == JX_FMT_JSON)
		fputs("\n]\n", f);
	fclose(f);
	return text;
}

/* The matrix in parts: one department per part (乙's three years, ...), the rows of the
 * whole table in the same order, byte for byte, as CSV and as JSON; a part past the end
 * is empty. */
static void test_overview__matrix_parts(void **state)
{
	jx_overview *ov = compute(*state, NULL, 0);
	jx_table *t = NULL, *whole = NULL;
	size_t *order = NULL;
	assert_int_equal(jx_overview_order(&order, ov, JX_OV_SORT_CHANGE), 0);
	assert_int_equal(jx_overview_matrix_part(&t, ov, order, 0, 1), 0);
	assert_int_equal(jx_table_rows(t), 3); /* 乙 2022-2024, the largest fall first */
	assert_string_equal(jx_table_cell(t, 2, 0), "乙");
	assert_string_equal(jx_table_cell(t, 2, 1), "2024");
	jx_table_free(t);
	assert_int_equal(jx_overview_matrix_part(&t, ov, order, 4, 1), 0);
	assert_int_equal(jx_table_rows(t), 0);
	jx_table_free(t);
	assert_int_equal(jx_overview_table(&whole, ov, JX_OV_MATRIX, JX_OV_SORT_CHANGE, 0), 0);
	assert_int_equal(jx_table_rows(whole), 10);
	for (int f = 0; f < 2; f++) {
		jx_format fmt = f ? JX_FMT_JSON : JX_FMT_CSV;
		char *all = NULL, *parts = matrix_text(ov, order, fmt, 1), *two;
		size_t len = 0;
		FILE *out = open_memstream(&all, &len);
		assert_int_equal(jx_table_write(whole, out, fmt, 0), 0);
		fclose(out);
		two = matrix_text(ov, order, fmt, 3);
		assert_string_equal(parts, all);
		assert_string_equal(two, all);
		free(all);
		free(parts);
		free(two);
	}
	jx_table_free(whole);
	free(order);
	jx_overview_free(ov);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overview__matrix),
		cmocka_unit_test(test_overview__order),
		cmocka_unit_test(test_overview__weak_indicators),
		cmocka_unit_test(test_overview__gap),
		cmocka_unit_test(test_overview__warnings),
		cmocka_unit_test(test_overview__movers_distribution),
		cmocka_unit_test(test_overview__departments),
		cmocka_unit_test(test_overview__kept_ranks),
		cmocka_unit_test(test_overview__matrix_parts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
