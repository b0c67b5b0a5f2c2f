/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_analysis_projects.c -- `jixiao projects`, rank --project and the project series,
 * on tests/fixtures/csv/canonical_project_*.csv.
 *
 * Every expected number is worked out by hand from those files (the sums are
 * written out below), and completions follow docs/methods.md §13. */
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
#include "testutil.h"

#define DEPT "示例县教育局"
#define MEAL "义务教育营养改善计划专项资金"
#define SCHOOL "校舍维修改造资金"

static int setup(void **state)
{
	static const char *const files[] = {"tests/fixtures/csv/canonical_project_scores.csv",
					    "tests/fixtures/csv/canonical_project_figures.csv"};
	jx_store *s = NULL;
	jx_init();
	assert_int_equal(jx_store_open(&s, ":memory:", JX_STORE_CREATE), 0);
	for (size_t i = 0; i < 2; i++) {
		jx_batch *b = NULL;
		if (jx_read_file(&b, tu_src(files[i]), NULL) != 0 ||
		    jx_store_import(s, &b, 1, 0, NULL) != 0)
			fail_msg("%s: %s", files[i], jx_error_last());
		jx_batch_free(b);
	}
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	jx_store_free(*state);
	return 0;
}

static jx_projects_result *compute(jx_store *s, const jx_analysis_options *o)
{
	jx_projects_result *r = NULL;
	if (jx_projects_compute(&r, s, DEPT, o) != 0)
		fail_msg("%s", jx_error_last());
	return r;
}

/* Per project and year: totals, grade, money, execution rate, completions. */
static void test_analysis__projects_years(void **state)
{
	jx_projects_result *r = compute(*state, NULL);
	const jx_project_summary *meal, *school;
	const jx_project_year *y;
	(void)state;
	assert_int_equal(r->nprojects, 2);
	meal = &r->projects[0]; /* by name: 义 (U+4E49) before 校 (U+6821) */
	school = &r->projects[1];
	assert_string_equal(meal->name, MEAL);
	assert_string_equal(school->name, SCHOOL);
	assert_int_equal(meal->nyears, 2);
	/* 2022: 9 + 20 + 15 + 12 + 10 + 18 + 9 = 93 of 100 (the fund row inside) */
	y = &meal->years[0];
	assert_int_equal(y->year, 2022);
	assert_true(y->total_score == 93 && y->total_weight == 100);
	assert_true(fabs(y->rate - 0.93) < 1e-12);
	assert_string_equal(y->grade, "优");
	assert_true(y->budget == 125000000 && y->executed == 112500000); /* 元 cents */
	assert_true(fabs(y->execution_rate - 0.9) < 1e-12);              /* 1,125,000 / 1,250,000 */
	/* 受益学生人数 met, 合格率 met, 9月前 / 2022年10月 missed, 5元/天 the same words:
	 * met, 有效改善 / 基本改善 unknown, ≥90% / 88% missed */
	assert_int_equal(y->ntargets, 6);
	assert_int_equal(y->nmet, 3);
	assert_int_equal(y->nmissed, 2);
	assert_int_equal(y->nunknown, 1);
	/* 2023: 10 + 25 + 15 + 15 + 15 + 20 + 8 = 108 of 110 (the fund row on top) */
	y = &meal->years[1];
	assert_true(y->total_score == 108 && y->total_weight == 110);
	assert_true(fabs(y->rate - 108.0 / 110.0) < 1e-12);
	assert_true(fabs(y->execution_rate - 1298765.43 / 1300000.0) < 1e-12);
	assert_int_equal(y->nmet, 5);
	assert_int_equal(y->nmissed, 1);
	/* 校舍 2023: 6 + 30 + 10 + 30 + 10 = 86: 良 */
	y = &school->years[1];
	assert_true(y->total_score == 86);
	assert_string_equal(y->grade, "良");
	assert_true(fabs(y->execution_rate - 0.6) < 1e-12); /* 570,000 / 950,000 */
	assert_int_equal(r->provenance, JX_PROV_SYNTHETIC);
	jx_projects_result_free(r);
}

/* The missed targets with their reasons, in project, year, row order. */
static void test_analysis__projects_missed_targets(void **state)
{
	jx_projects_result *r = compute(*state, NULL);
	(void)state;
	assert_int_equal(r->nmissed, 5);
	assert_string_equal(r->missed[0].level3, "补助资金拨付及时性");
	assert_string_equal(r->missed[0].target, "9月前");
	assert_string_equal(r->missed[0].actual, "2022年10月");
	assert_string_equal(r->missed[0].reason, "资金调度滞后, 已建立按月拨付台账");
	assert_string_equal(r->missed[1].level3, "家长满意度");
	assert_int_equal(r->missed[2].year, 2023);
	assert_string_equal(r->missed[2].reason, "满意度调查样本偏少");
	assert_string_equal(r->missed[3].level3, "维修校舍面积"); /* 2600 < 3000 平方米 */
	assert_string_equal(r->missed[4].level3, "完工时间");     /* 2023年11月 > 8月底 */
	assert_int_equal(r->projects[1].years[0].missed_first, 3);
	jx_projects_result_free(r);
}

/* Across years: 校舍 below 90% both years (0.7, 0.6: slow, mean 0.65); the meal
 * project at 0.9 and 0.999 is not slow but misses 家长满意度 in both years. */
static void test_analysis__projects_rules(void **state)
{
	jx_analysis_options o;
	jx_projects_result *r = compute(*state, NULL);
	const jx_project_summary *meal = &r->projects[0], *school = &r->projects[1];
	(void)state;
	assert_false(meal->slow);
	assert_int_equal(meal->nrate_years, 2);
	assert_int_equal(meal->nslow_years, 0); /* 0.9 is not below 0.9 */
	assert_true(fabs(meal->mean_execution_rate - (0.9 + 1298765.43 / 1300000.0) / 2) < 1e-12);
	assert_string_equal(meal->repeated, "家长满意度 (2022, 2023)");
	assert_true(school->slow);
	assert_true(fabs(school->mean_execution_rate - 0.65) < 1e-12);
	assert_true(fabs(school->min_execution_rate - 0.6) < 1e-12);
	assert_null(school->repeated); /* two different indicators */
	jx_projects_result_free(r);
	/* a stricter threshold makes 0.9 slow, a looser one frees 校舍; 3 years to repeat */
	jx_analysis_options_init(&o);
	o.project_threshold = 0.65;
	o.project_min_missed = 3;
	r = compute(*state, &o);
	assert_false(r->projects[1].slow); /* 0.7 is not below 0.65 */
	assert_null(r->projects[0].repeated);
	jx_projects_result_free(r);
	o.year_from = o.year_to = 2023;
	r = compute(*state, &o);
	assert_int_equal(r->projects[0].nyears, 1);
	assert_false(r->projects[1].slow); /* one year only */
	jx_projects_result_free(r);
}

static char *table_csv(const jx_projects_result *r, jx_projects_view view,
		       const jx_analysis_options *o)
{
	jx_table *t = NULL;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_int_equal(jx_projects_table(&t, r, view, o), 0);
	assert_int_equal(jx_table_write(t, f, JX_FMT_CSV, 0), 0);
	fclose(f);
	jx_table_free(t);
	return buf;
}

/* The three views as CSV: the rows hand-computed above, money in 万元 or 元. */
static void test_analysis__projects_tables(void **state)
{
	jx_analysis_options o;
	jx_projects_result *r = compute(*state, NULL);
	char *csv;
	(void)state;
	jx_analysis_options_init(&o);
	csv = table_csv(r, JX_PROJECTS_YEARS, &o);
	assert_non_null(strstr(csv, "project,year,total_score,total_weight,rate,grade,budget,"
				    "executed,money_unit,execution_rate,targets,met,missed,unknown,"
				    "missed_targets,provenance\n"));
	assert_non_null(strstr(csv,
			       MEAL ",2022,93,100,0.93,优,125,112.5,万元,0.9,6,3,2,1,"
				    "\"补助资金拨付及时性: 9月前 → 2022年10月 (资金调度滞后, "
				    "已建立按月拨付台账); 家长满意度: ≥90% → 88% (个别学校菜品口味"
				    "反映较多)\",synthetic\n"));
	assert_non_null(strstr(csv, SCHOOL ",2023,86,100,0.86,良,95,57,万元,0.6,4,3,1,0,"));
	free(csv);
	o.money_wan = 0;
	csv = table_csv(r, JX_PROJECTS_YEARS, &o);
	assert_non_null(strstr(csv, SCHOOL ",2023,86,100,0.86,良,950000,570000,元,0.6,"));
	free(csv);
	csv = table_csv(r, JX_PROJECTS_MISSED, &o);
	assert_non_null(strstr(csv, SCHOOL ",2023,产出指标,时效指标,完工时间,2023年8月底前,"
					   "2023年11月,雨季延误工期,synthetic\n"));
	free(csv);
	csv = table_csv(r, JX_PROJECTS_FLAGS, &o);
	assert_non_null(strstr(csv, MEAL ",2022,2023,2,2,0,"));
	assert_non_null(strstr(csv, ",no,\"家长满意度 (2022, 2023)\",repeated_missed,synthetic\n"));
	assert_non_null(strstr(csv, SCHOOL ",2022,2023,2,2,2,0.65,0.6,yes,,slow_execution,"));
	free(csv);
	jx_projects_result_free(r);
}

/* rank --project all: 校舍 2023 (86%) below 义务 2023 (108 / 110 = 98.18%). */
static void test_analysis__rank_projects(void **state)
{
	jx_rank_result *r = NULL;
	(void)state;
	assert_int_equal(jx_rank_compute_projects(&r, *state, 2023, NULL, JX_PROJECT_ALL, NULL), 0);
	assert_int_equal(r->nrows, 2);
	assert_string_equal(r->rows[0].project, MEAL);
	assert_true(fabs(r->rows[0].rate - 108.0 / 110.0) < 1e-12);
	assert_string_equal(r->rows[1].project, SCHOOL);
	assert_int_equal(r->rows[1].rank, 2);
	assert_true(r->rows[1].percentile == 50);
	jx_rank_result_free(r);
	/* without projects there is nothing to rank: this store holds none of the departments' */
	assert_int_equal(jx_rank_compute(&r, *state, 2023, NULL), JX_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analysis__projects_years),
		cmocka_unit_test(test_analysis__projects_missed_targets),
		cmocka_unit_test(test_analysis__projects_rules),
		cmocka_unit_test(test_analysis__projects_tables),
		cmocka_unit_test(test_analysis__rank_projects),
	};
	return cmocka_run_group_tests_name("analysis_projects", tests, setup, teardown);
}
