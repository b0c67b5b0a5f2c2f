/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report_projects.c -- the report's appendix 附录六　项目支出绩效 and rules R11, R12.
 *
 * The department 示例县教育局 gets two self-evaluations of its own (so that it
 * has a report) and the projects of tests/fixtures/csv/canonical_project_*.csv.
 * Hand-computed from those files:
 *   义务教育营养改善计划专项资金 2022: 93 / 100, execution 1,125,000 / 1,250,000 = 90.0%;
 *     2023: 108 / 110, execution 1,298,765.43 / 1,300,000 = 99.905% → 99.9%; mean 94.95%
 *     → 95.0% (one decimal); points lost 7 + 2 = 9; 2023: 1 of 6 targets missed;
 *     家长满意度 missed in 2022 and 2023 (R12).
 *   校舍维修改造资金 2022: 91 / 100, execution 70%; 2023: 86 / 100 良, 60%; mean 65.0%,
 *     lowest 60.0%; points lost 9 + 14 = 23; below 90% both years (R11).
 *   Missed targets: 5 (义务 2022: 2, 2023: 1; 校舍 2022: 1, 2023: 1).
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
#include "testutil.h"

#define DEPT "示例县教育局"

static const char own[] =
	"# provenance: synthetic\n"
	"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
	"示例县教育局,2022,self,部门决策,决策机制,决策制度,,40,40,stated\n"
	"示例县教育局,2022,self,部门管理,预算执行,执行率,,60,55,stated\n"
	"示例县教育局,2023,self,部门决策,决策机制,决策制度,,40,38,stated\n"
	"示例县教育局,2023,self,部门管理,预算执行,执行率,,60,57,stated\n";

static void import(jx_store *s, jx_batch *b)
{
	if (jx_store_import(s, &b, 1, 0, NULL) != 0)
		fail_msg("import: %s", jx_error_last());
	jx_batch_free(b);
}

static int setup(void **state)
{
	static const char *const files[] = {"tests/fixtures/csv/canonical_project_scores.csv",
					    "tests/fixtures/csv/canonical_project_figures.csv"};
	jx_store *s = NULL;
	jx_batch *b = NULL;
	jx_init();
	tu_catalogs();
	assert_int_equal(jx_store_open(&s, ":memory:", JX_STORE_CREATE), 0);
	assert_int_equal(jx_read_buffer(&b, "own.csv", own, sizeof(own) - 1, NULL), 0);
	import(s, b);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(jx_read_file(&b, tu_src(files[i]), NULL), 0);
		import(s, b);
	}
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	jx_store_free(*state);
	return 0;
}

static char *markdown(jx_store *s, jx_report **out, jx_lang lang)
{
	jx_report_request req;
	char *text = NULL;
	jx_report_request_init(&req);
	req.department = DEPT;
	req.format = JX_REPORT_MD;
	req.lang = lang;
	req.charts = 0;
	assert_int_equal(jx_report_build(out, s, &req), 0);
	assert_int_equal(jx_report_render(&text, *out, s, &req), 0);
	return text;
}

static void expect(const char *md, const char *part)
{
	if (!strstr(md, part))
		fail_msg("the report lacks:\n%s", part);
}

static void test_report__projects_section(void **state)
{
	jx_report *r = NULL;
	char *md = markdown(*state, &r, JX_LANG_ZH);
	expect(md, "## 附录六　项目支出绩效");
	expect(md, "## 附录七　自评与财政复核");
	expect(md, "## 附录八　数据来源");
	expect(md, "本部门在 2022–2023 年有 2 个项目的支出绩效自评。");
	/* the table: latest year, execution, mean, missed / targets, points lost */
	expect(md, "义务教育营养改善计划专项资金 | 2022–2023 | 108 / 110 优 | 99.9% | 95.0% | "
		   "**1 / 6** | 9 | **目标反复未达成** |");
	expect(md, "校舍维修改造资金 | 2022–2023 | 86 / 100 良 | <strong>60.0%</strong> | "
		   "<strong>65.0%</strong> | "
		   "**1 / 4** | 23 | **执行持续偏慢** |");
	/* the rules across years */
	expect(md, "「校舍维修改造资金」：2022–2023 年 2 个年度执行率均低于 90.0%（平均 65.0%，"
		   "最低 60.0%）](#proj-2)");
	expect(md, "「义务教育营养改善计划专项资金」：家长满意度 (2022, 2023)](#proj-1)");
	/* every missed target with the department's reason */
	expect(md,
	       "**义务教育营养改善计划专项资金** · 2022 年「补助资金拨付及时性」：指标值 9月前，"
	       "实际完成 2022年10月；原因：资金调度滞后, 已建立按月拨付台账");
	expect(md, "**校舍维修改造资金** · 2023 年「完工时间」：指标值 2023年8月底前，实际完成 "
		   "2023年11月；原因：雨季延误工期");
	/* 结果应用与预算建议: the one slow project (R11) weighs on next year's budget */
	expect(md,
	       "\n- 1 个项目各年预算执行率均低于 90%：下年度相应压减或调整这些项目的预算。 [→ 证据]"
	       "(#projects)\n");
	/* the suggestions */
	expect(md, "【R11 项目执行偏慢】</strong>项目「校舍维修改造资金」2022–2023 "
		   "年各年预算执行率均低于 "
		   "90.0%（平均 65.0%）");
	expect(md,
	       "【R12 "
	       "项目目标反复未达成】</strong>项目「义务教育营养改善计划专项资金」的绩效目标反复未"
	       "达成（家长满意度 (2022, 2023)）");
	assert_non_null(r->projects);
	assert_int_equal(r->projects->nmissed, 5);
	assert_true(r->projects_synthetic);
	free(md);
	jx_report_free(r);
}

/* The same in English. */
static void test_report__projects_english(void **state)
{
	jx_report *r = NULL;
	char *md = markdown(*state, &r, JX_LANG_EN);
	expect(md, "## Appendix 6. Budget projects");
	expect(md, "## Appendix 8. Data provenance");
	expect(md, "\u201c校舍维修改造资金\u201d: 2022–2023, execution in all 2 years below 90.0% "
		   "(mean 65.0%, lowest 60.0%)");
	free(md);
	jx_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report__projects_section),
		cmocka_unit_test(test_report__projects_english),
	};
	return cmocka_run_group_tests_name("report_projects", tests, setup, teardown);
}
