/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_synth.c -- the synthetic-data generator (src/synth/) against its stated assumptions.
 *
 * The generator is linked as the library jixiao-synth is made of
 * (jixiao_synth). The checks: every framework adds up; the newer
 * framework is the reference report's, as the importer reads the real
 * report; the random model keeps the properties datasets/README.md
 * promises (exact figure identities, 95-112 % execution, the growth case,
 * persistent and concentrated deductions, lower reviews, the declining and
 * improving departments); and every report the generator writes is read
 * back by the importer to exactly the generated values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "jixiao.h"
#include "testutil.h"

#include "synth.h"

#define SEED SYNTH_DEFAULT_SEED
#define FIRST SYNTH_DEFAULT_FIRST_YEAR
#define NYEARS SYNTH_DEFAULT_YEARS

/* All years of department n (seed, FIRST, nyears) into ys[nyears]. */
static void history(synth_year *ys, int n, unsigned long seed, int nyears)
{
	synth_dept d;
	synth_state st;

	synth_dept_make(&d, n);
	assert_int_equal(synth_state_init(&st, &d, seed, FIRST, nyears), 0);
	for (int i = 0; i < nyears; i++)
		synth_next_year(&st, &ys[i]);
	synth_state_free(&st);
}

static int setup(void **state)
{
	(void)state;
	jx_init();
	return 0;
}

/* 26 level-3 rows before 2020 (5 + 13 + 4 + 4, counted in frameworks.c's
 * table), 36 from 2020 (the reference report's count); weights 100. */
static void test_synth__frameworks_add_up(void **state)
{
	synth_row rows[SYNTH_MAX_ROWS];
	char msg[256];
	(void)state;

	for (size_t t = 0; t < synth_template_count(); t++)
		for (int y = 2000; y <= 2040; y++) {
			size_t n = synth_framework(rows, y, synth_template_at(t));
			if (synth_framework_check(rows, n, msg, sizeof msg) != 0)
				fail_msg("template %zu year %d: %s", t, y, msg);
			assert_int_equal(n, y < 2020 ? 26 : 36);
			assert_string_equal(rows[0].level1, y < 2020 ? "投入" : "部门决策");
		}
}

/* The real report, read by the importer, has exactly the rows, names and
 * weights of the first department's 2023 framework; only one explanation
 * differs (the real one names 南京市, the fictional one 示例市). */
static void test_synth__reference_framework(void **state)
{
	synth_row rows[SYNTH_MAX_ROWS];
	jx_read_options o = jx_read_options_default();
	jx_batch *b = NULL;
	size_t n = synth_framework(rows, 2023, synth_template_at(0)), differ = 0;
	(void)state;

	assert_int_equal(
		jx_read_file(&b, tu_src("datasets/real/2023_nanjing_psb_narcotics_detachment.txt"),
			     &o),
		0);
	assert_int_equal(b->nevals, 1);
	assert_int_equal(b->evals[0]->nrows, n);
	for (size_t i = 0; i < n; i++) {
		const jx_indicator *r = &b->evals[0]->rows[i];
		char *key = jx_key_make(rows[i].level1, rows[i].level2, rows[i].level3);
		assert_string_equal(r->key, key);
		assert_string_equal(r->level3, rows[i].level3);
		assert_true(r->weight == rows[i].weight);
		assert_true(r->level1_weight == rows[i].level1_weight);
		differ += strcmp(r->explanation, rows[i].explanation) != 0;
		free(key);
	}
	assert_int_equal(differ, 1);
	jx_batch_free(b);
}

/* The two renames aliases.csv carries, and the quote-only rename it must not carry. */
static void test_synth__aliases_join_renames(void **state)
{
	char *dir = tu_mkdtemp(), path[512], *text;
	synth_row a[SYNTH_MAX_ROWS], b[SYNTH_MAX_ROWS];
	const synth_template *t = synth_template_at(0);
	(void)state;

	snprintf(path, sizeof path, "%s/aliases.csv", dir);
	assert_int_equal(synth_write_aliases(path), 0);
	text = tu_read(path, NULL);
	assert_non_null(text);
	assert_string_equal(
		text,
		"# 合成数据 synthetic data: indicator renames in jixiao-synth's "
		"fictional frameworks\n"
		"# provenance: synthetic\n"
		"old,new\n"
		"过程/预算执行/支付进度率,过程/预算执行/资金支付进度率\n"
		"部门决策/部门预算编制/预算编制的科学性,部门决策/部门预算编制/预算编制科学规范\n");
	/* "三公"经费控制率 (2021) and “三公”经费控制率 (2022): one key. */
	synth_framework(a, 2021, t);
	synth_framework(b, 2022, t);
	assert_int_equal(a[11].slot, 41);
	assert_int_equal(b[11].slot, 41);
	assert_string_not_equal(a[11].level3, b[11].level3);
	char *ka = jx_key_make(a[11].level1, a[11].level2, a[11].level3);
	char *kb = jx_key_make(b[11].level1, b[11].level2, b[11].level3);
	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
	free(text);
	tu_rmdir(dir);
	free(dir);
}

/* Same seed and department, same history; department seeds are distinct. */
static void test_synth__deterministic(void **state)
{
	synth_year a[NYEARS], b[NYEARS];
	(void)state;

	history(a, 7, SEED, NYEARS);
	history(b, 7, SEED, NYEARS);
	for (int i = 0; i < NYEARS; i++) {
		assert_memory_equal(a[i].self_half, b[i].self_half, sizeof a[i].self_half);
		assert_memory_equal(a[i].fig, b[i].fig, sizeof a[i].fig);
		assert_int_equal(a[i].has_review, b[i].has_review);
	}
	history(b, 7, SEED + 1, NYEARS);
	assert_true(memcmp(a[0].fig, b[0].fig, sizeof a[0].fig) != 0);
	for (int i = 0; i < 2000; i++)
		for (int j = i + 1; j < 2000; j++)
			if (synth_dept_seed(SEED, i) == synth_dept_seed(SEED, j))
				fail_msg("departments %d and %d share a seed", i, j);
}

static void check_figures(const synth_year *y, int spurt)
{
	const int64_t *f = y->fig;
	double ratio = (double)f[FIG_EXPENDITURE_TOTAL] / (double)f[FIG_BUDGET_TOTAL];

	assert_true(f[FIG_BUDGET_BASIC] + f[FIG_BUDGET_PROJECT] == f[FIG_BUDGET_TOTAL]);
	assert_true(f[FIG_INCOME_FISCAL] + f[FIG_INCOME_OTHER] == f[FIG_INCOME_TOTAL]);
	assert_true(f[FIG_EXPENDITURE_BASIC] + f[FIG_EXPENDITURE_PROJECT] ==
		    f[FIG_EXPENDITURE_TOTAL]);
	assert_true(f[FIG_BUDGET_PROJECT] >= 0 && f[FIG_EXPENDITURE_PROJECT] >= 0 &&
		    f[FIG_INCOME_OTHER] >= 0);
	assert_true(f[FIG_SPECIAL_FUNDS] % 100 == 0);
	assert_true(f[FIG_STAFF_IN_POST] % 100 == 0 && f[FIG_STAFF_IN_POST] >= 500);
	assert_true(f[FIG_VEHICLES_ACTUAL] <= f[FIG_VEHICLES_QUOTA]);
	assert_true(f[FIG_SELF_SCORE] == 50 * synth_total_half(y, 0));
	if (!spurt && (ratio < 0.95 - 1e-4 || ratio > 1.12 + 1e-4))
		fail_msg("%d: expenditure/budget %.4f outside 0.95-1.12", y->year, ratio);
	if (spurt && (ratio < 1.0 - 1e-4 || ratio > 1.06 + 1e-4))
		fail_msg("%d: growth year expenditure/budget %.4f outside 1.00-1.06", y->year,
			 ratio);
}

static void check_scores(const synth_year *y)
{
	for (size_t i = 0; i < y->nrows; i++) {
		int whole = (int)(2 * y->rows[i].weight);
		assert_in_range(y->self_half[i], 0, whole);
		if (y->has_review)
			assert_in_range(y->review_half[i], 0, y->self_half[i]);
	}
	/* At least two review cuts of at least half a point each. */
	if (y->has_review)
		assert_true(synth_total_half(y, 1) <= synth_total_half(y, 0) - 2);
}

/* Figures and scores of 500 departments x 10 years keep their identities and ranges. */
static void test_synth__year_invariants(void **state)
{
	synth_year ys[10];
	double growth = 0;
	int ngrowth = 0;
	(void)state;

	for (int n = 0; n < 500; n++) {
		synth_dept d;
		synth_dept_make(&d, n);
		history(ys, n, SEED, 10);
		for (int i = 0; i < 10; i++) {
			int spurt = d.growth && i >= 5 && i < 8; /* growth_from = 10/2 */
			check_figures(&ys[i], spurt);
			check_scores(&ys[i]);
			if (i > 0 && !spurt && !(d.growth && i == 8)) {
				growth += (double)ys[i].fig[FIG_BUDGET_TOTAL] /
						  ys[i - 1].fig[FIG_BUDGET_TOTAL] -
					  1;
				ngrowth++;
			}
		}
	}
	/* Budgets grow 4 % a year on average (N(0.04, 0.03) clipped). */
	assert_true(fabs(growth / ngrowth - 0.04) < 0.005);
}

static double exp_growth(const synth_year *ys, int i)
{
	return (double)ys[i].fig[FIG_EXPENDITURE_TOTAL] / ys[i - 1].fig[FIG_EXPENDITURE_TOTAL] - 1;
}

/* 示例市应急管理局's expenditure grows > 15 % in 2020, 2021 and 2022; no
 * other named department has three such years in a row. */
static void test_synth__growth_case(void **state)
{
	synth_year ys[NYEARS];
	(void)state;

	for (int n = 0; n < (int)synth_template_count(); n++) {
		int run = 0, longest = 0;
		history(ys, n, SEED, NYEARS);
		for (int i = 1; i < NYEARS; i++) {
			run = exp_growth(ys, i) > 0.15 ? run + 1 : 0;
			longest = run > longest ? run : longest;
		}
		if (strcmp(synth_template_at(n)->name, "示例市应急管理局") == 0) {
			for (int y = 2020; y <= 2022; y++)
				assert_true(exp_growth(ys, y - FIRST) > 0.15);
		} else {
			assert_true(longest < 3);
		}
	}
}

/* Deductions persist: over 1000 departments, an indicator deducted last
 * year is deducted again far more often than one that was not (model:
 * >= 0.45 against ~0.05). Reviews cut mostly management rows (model: 80 %). */
static void test_synth__persistence_and_reviews(void **state)
{
	synth_year ys[10];
	long dd = 0, d_ = 0, nd = 0, n_ = 0, mgmt_cut = 0, all_cut = 0, reviewed = 0, years = 0;
	(void)state;

	for (int n = 0; n < 1000; n++) {
		synth_dept d;
		synth_dept_make(&d, n);
		history(ys, n, SEED, 10);
		for (int i = 0; i < 10; i++) {
			for (size_t r = 0; r < ys[i].nrows; r++) {
				int whole = (int)(2 * ys[i].rows[r].weight),
				    cut = ys[i].self_half[r] < whole;
				if (ys[i].has_review) {
					int rc = ys[i].self_half[r] - ys[i].review_half[r];
					all_cut += rc;
					mgmt_cut += ys[i].rows[r].mgmt ? rc : 0;
				}
				if (i == 0)
					continue;
				for (size_t q = 0; q < ys[i - 1].nrows; q++) {
					if (ys[i - 1].rows[q].slot != ys[i].rows[r].slot)
						continue;
					int was = ys[i - 1].self_half[q] <
						  (int)(2 * ys[i - 1].rows[q].weight);
					if (was) {
						d_++;
						dd += cut;
					} else {
						n_++;
						nd += cut;
					}
				}
			}
			if (d.reviewed) { /* the finance bureau does not review itself */
				years++;
				reviewed += ys[i].has_review;
			}
		}
	}
	assert_true((double)dd / d_ > 0.55);
	assert_true((double)nd / n_ < 0.15);
	assert_true((double)mgmt_cut / all_cut > 0.7);
	assert_true(fabs((double)reviewed / years - 0.3) < 0.03);
}

static double mean_total(const synth_year *ys, int from, int to)
{
	double s = 0;
	for (int i = from; i < to; i++)
		s += synth_total_half(&ys[i], 0) / 2.0;
	return s / (to - from);
}

/* The committed set's documented trends: 民政局 and 住房和城乡建设局 decline,
 * 交通运输局 and 农业农村局 improve (first three years against last three);
 * nine self-scores in ten are 90 or more, none below 80. */
static void test_synth__trends_of_committed_set(void **state)
{
	synth_year ys[NYEARS];
	int high = 0, all = 0;
	(void)state;

	for (int n = 0; n < SYNTH_DEFAULT_DEPARTMENTS; n++) {
		const char *name = synth_template_at(n)->name;
		double first, last;
		history(ys, n, SEED, NYEARS);
		first = mean_total(ys, 0, 3);
		last = mean_total(ys, NYEARS - 3, NYEARS);
		if (!strcmp(name, "示例市民政局") || !strcmp(name, "示例市住房和城乡建设局"))
			assert_true(last < first - 5);
		if (!strcmp(name, "示例市交通运输局") || !strcmp(name, "示例市农业农村局"))
			assert_true(last > first + 1);
		for (int i = 0; i < NYEARS; i++) {
			double t = synth_total_half(&ys[i], 0) / 2.0;
			assert_true(t >= 80);
			high += t >= 90;
			all++;
		}
	}
	assert_true(high * 10 >= all * 9);
}

static void compare_read_back(const jx_batch *b, const synth_dept *d, const synth_year *y,
			      const synth_report_spec *spec)
{
	const jx_evaluation *ev = b->evals[0];
	size_t drop = synth_dropped_row(spec, y), nfig = 0;

	assert_int_equal(b->nevals, 1);
	assert_int_equal(b->nfigs, 1);
	assert_string_equal(ev->department, d->name);
	assert_int_equal(ev->year, y->year);
	assert_int_equal(ev->kind, JX_KIND_SELF);
	assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(ev->nrows, y->nrows);
	assert_int_equal(ev->nwarnings, spec->drop_score ? 1 : 0);
	assert_true(ev->self_score == synth_total_half(y, 0) / 2.0);
	for (size_t i = 0; i < y->nrows; i++) {
		char *key = jx_key_make(y->rows[i].level1, y->rows[i].level2, y->rows[i].level3);
		assert_string_equal(ev->rows[i].key, key);
		assert_string_equal(ev->rows[i].explanation, y->rows[i].explanation);
		assert_true(ev->rows[i].weight == y->rows[i].weight);
		assert_true(ev->rows[i].score == y->self_half[i] / 2.0);
		assert_int_equal(ev->rows[i].origin,
				 i == drop ? JX_ORIGIN_INFERRED : JX_ORIGIN_STATED);
		free(key);
	}
	/* the generator's FIG_* index the library's items */
	assert_null(jx_figure_items()[FIG_COUNT]);
	assert_string_equal(jx_figure_items()[FIG_EXPENDITURE_BASIC], "expenditure_basic");
	assert_string_equal(jx_figure_items()[FIG_SELF_SCORE], "self_score");
	for (int k = 0; k < FIG_COUNT; k++) {
		int64_t c;
		if (!y->has_fig[k])
			continue;
		nfig++;
		if (!jx_figures_get(b->figs[0], jx_figure_items()[k], &c))
			fail_msg("%d: %s not read", y->year, jx_figure_items()[k]);
		assert_true(c == y->fig[k]);
	}
	assert_int_equal(b->figs[0]->nitems, nfig);
}

/* Every report of the default plan, written and read back by the importer,
 * gives exactly the generated rows, scores and figures; the one score cell
 * left empty is inferred (the one intended warning); the GB18030 file is
 * not UTF-8 and still reads. */
static void test_synth__reports_read_back(void **state)
{
	synth_report_spec plan[8];
	size_t np = synth_report_plan(plan, 8, SYNTH_DEFAULT_DEPARTMENTS, FIRST, NYEARS);
	char *dir = tu_mkdtemp(), path[512];
	int gb = 0, spaces = 0, drops = 0;
	(void)state;

	assert_int_equal(np, 5);
	for (size_t p = 0; p < np; p++) {
		synth_year ys[NYEARS], *y;
		synth_dept d;
		jx_batch *b = NULL;
		jx_read_options o = jx_read_options_default();
		size_t len;
		char *bytes;

		synth_dept_make(&d, plan[p].dept);
		history(ys, plan[p].dept, SEED, NYEARS);
		y = &ys[plan[p].year - FIRST];
		assert_int_equal(synth_write_report(dir, &plan[p], &d, y, "--test"), 0);
		snprintf(path, sizeof path, "%s/%s-%d%s.txt", dir, d.slug, y->year,
			 plan[p].gb18030 ? "-gb18030" : "");
		bytes = tu_read(path, &len);
		assert_non_null(bytes);
		assert_int_equal(jx_utf8_valid(bytes, len, NULL) == 0, plan[p].gb18030 != 0);
		free(bytes);
		if (jx_read_file(&b, path, &o) != 0)
			fail_msg("%s: %s", path, jx_error_last());
		compare_read_back(b, &d, y, &plan[p]);
		jx_batch_free(b);
		gb += plan[p].gb18030;
		spaces += plan[p].layout == SYNTH_LAYOUT_SPACES;
		drops += plan[p].drop_score;
	}
	assert_int_equal(gb, 1);
	assert_int_equal(spaces, 2);
	assert_int_equal(drops, 1);
	tu_rmdir(dir);
	free(dir);
}

/* The committed CSV files read without warnings: every self-evaluation not
 * written as a report, every review, every year's figures. */
static void test_synth__committed_csv_reads(void **state)
{
	jx_read_options o = jx_read_options_default();
	jx_batch *b = NULL;
	size_t reviews = 0;
	synth_year ys[NYEARS];
	(void)state;

	for (int n = 0; n < SYNTH_DEFAULT_DEPARTMENTS; n++) {
		history(ys, n, SEED, NYEARS);
		for (int i = 0; i < NYEARS; i++)
			reviews += ys[i].has_review;
	}
	assert_int_equal(jx_read_file(&b, tu_src("datasets/synthetic/scores.csv"), &o), 0);
	assert_int_equal(b->nevals, SYNTH_DEFAULT_DEPARTMENTS * NYEARS - 5 + reviews);
	for (size_t e = 0; e < b->nevals; e++) {
		assert_int_equal(b->evals[e]->nwarnings, 0);
		assert_int_equal(b->evals[e]->provenance, JX_PROV_SYNTHETIC);
		assert_true(jx_evaluation_weight_sum(b->evals[e]) == 100);
	}
	jx_batch_free(b);
	b = NULL;
	assert_int_equal(jx_read_file(&b, tu_src("datasets/synthetic/figures.csv"), &o), 0);
	assert_int_equal(b->nfigs, SYNTH_DEFAULT_DEPARTMENTS * NYEARS - 5);
	jx_batch_free(b);
}

/* Department n's projects as the generator writes them, read back by the importer. */
static void read_projects(jx_batch **scores, jx_batch **figures, int n)
{
	char *sbuf = NULL, *fbuf = NULL;
	size_t slen = 0, flen = 0;
	synth_project_out out;
	synth_dept d;
	synth_dept_make(&d, n);
	out.scores = open_memstream(&sbuf, &slen);
	out.figures = open_memstream(&fbuf, &flen);
	assert_non_null(out.scores);
	assert_non_null(out.figures);
	fputs("department,year,kind,level1,level2,level3,explanation,weight,score,score_origin,"
	      "project,target,actual,reason\n",
	      out.scores);
	fputs("department,year,item,value,unit,project\n", out.figures);
	assert_int_equal(synth_write_projects(&out, &d, SEED, FIRST, NYEARS), 0);
	fclose(out.scores);
	fclose(out.figures);
	if (jx_read_buffer(scores, "projects.csv", sbuf, slen, NULL) != 0 ||
	    jx_read_buffer(figures, "project_figures.csv", fbuf, flen, NULL) != 0)
		fail_msg("department %d: %s", n, jx_error_last());
	free(sbuf);
	free(fbuf);
}

/* The figures of ev's project and year in b. */
static const jx_figures *figures_of(const jx_batch *b, const jx_evaluation *ev)
{
	for (size_t i = 0; i < b->nfigs; i++)
		if (b->figs[i]->year == ev->year && !strcmp(b->figs[i]->project, ev->project))
			return b->figs[i];
	fail_msg("no figures for %s %d", ev->project, ev->year);
	return NULL;
}

/* Projects keep what the generator promises (datasets/README.md): every project-year
 * has a fund row of 10 first, scored rate × 10, its weights 100 or 110 (both occur);
 * the stated rate is executed ÷ budget; a missed target always has a reason, a
 * reason only a deducted row; names with and without the year share a key. */
static void test_synth__projects(void **state)
{
	size_t on_top = 0, inside = 0, missed = 0, unknown = 0, with_year = 0;
	(void)state;
	for (int n = 0; n < 13; n++) {
		jx_batch *sb = NULL, *fb = NULL;
		read_projects(&sb, &fb, n);
		assert_true(sb->nevals >= 2 * 3);
		for (size_t e = 0; e < sb->nevals; e++) {
			const jx_evaluation *ev = sb->evals[e];
			const jx_figures *f = figures_of(fb, ev);
			double w = jx_evaluation_weight_sum(ev);
			int64_t budget, executed, rate;
			char *key = jx_project_key(ev->project);
			const char *clean;
			assert_true(jx_indicator_is_fund(&ev->rows[0]));
			assert_true(ev->rows[0].weight == 10);
			assert_true(w == 100 || w == 110);
			on_top += w == 110;
			inside += w == 100;
			assert_int_equal(jx_figures_get(f, "project_budget", &budget), 1);
			assert_int_equal(jx_figures_get(f, "project_executed", &executed), 1);
			assert_int_equal(jx_figures_get(f, "project_execution_rate", &rate), 1);
			assert_true(llabs(rate - llround(executed * 10000.0 / budget)) == 0);
			assert_true(fabs(ev->rows[0].score - llround(rate / 10.0) / 100.0) < 1e-9);
			for (size_t i = 1; i < ev->nrows; i++) {
				const jx_indicator *r = &ev->rows[i];
				assert_non_null(r->target);
				if (r->completion == JX_DONE_MISSED) {
					missed++;
					assert_non_null(r->reason);
				}
				unknown += r->completion == JX_DONE_UNKNOWN;
				if (r->reason)
					assert_true(r->score < r->weight);
			}
			/* "2019年X" is X: the key is the name after the year, counted by hand */
			clean = ev->project;
			if (clean[0] >= '0' && clean[0] <= '9' && !strncmp(clean + 4, "年", 3)) {
				clean += 4 + 3;
				with_year++;
			}
			assert_string_equal(key, clean);
			free(key);
		}
		jx_batch_free(sb);
		jx_batch_free(fb);
	}
	assert_true(on_top > 10 && inside > 10);
	assert_true(missed > 20 && unknown > 5 && with_year > 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_synth__frameworks_add_up),
		cmocka_unit_test(test_synth__reference_framework),
		cmocka_unit_test(test_synth__aliases_join_renames),
		cmocka_unit_test(test_synth__deterministic),
		cmocka_unit_test(test_synth__year_invariants),
		cmocka_unit_test(test_synth__growth_case),
		cmocka_unit_test(test_synth__persistence_and_reviews),
		cmocka_unit_test(test_synth__trends_of_committed_set),
		cmocka_unit_test(test_synth__reports_read_back),
		cmocka_unit_test(test_synth__committed_csv_reads),
		cmocka_unit_test(test_synth__projects),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
