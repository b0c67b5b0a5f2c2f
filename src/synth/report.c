/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c -- department-years written as report text, in the reference report's layout.
 *
 * The layout follows the real report (datasets/real/): title line, the
 * same section headings and the same sentence patterns for staffing,
 * budget, final accounts, special funds and the self-score (the budget
 * sentence even breaks across a blank line as it does there), then the
 * indicator table with merged level-1/level-2 cells left empty. Tables are
 * written with tabs, or padded with runs of spaces the way `pdftotext
 * -layout` writes them; one file is converted to GB18030 with iconv.
 * The text is built in memory, then written (and converted) in one go.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "jixiao.h"
#include "synth.h"

size_t synth_report_plan(synth_report_spec *out, size_t cap, int ndepartments, int first_year,
			 int nyears)
{
	/* dept, years before the last, layout, GB18030, score cell left empty */
	static const int plan[][5] = {
		{0, 3, SYNTH_LAYOUT_SPACES, 0, 0}, {0, 2, SYNTH_LAYOUT_TABS, 0, 0},
		{0, 0, SYNTH_LAYOUT_TABS, 1, 0},   {1, 5, SYNTH_LAYOUT_TABS, 0, 0},
		{1, 1, SYNTH_LAYOUT_SPACES, 0, 1},
	};
	int last = first_year + nyears - 1;
	size_t n = 0;

	for (size_t i = 0; i < sizeof plan / sizeof plan[0] && n < cap; i++) {
		if (plan[i][0] >= ndepartments || last - plan[i][1] < first_year)
			continue;
		out[n].dept = plan[i][0];
		out[n].year = last - plan[i][1];
		out[n].layout = (synth_layout)plan[i][2];
		out[n].gb18030 = plan[i][3];
		out[n].drop_score = plan[i][4];
		n++;
	}
	return n;
}

const synth_report_spec *synth_report_find(const synth_report_spec *plan, size_t n, int dept,
					   int year)
{
	for (size_t i = 0; i < n; i++)
		if (plan[i].dept == dept && plan[i].year == year)
			return &plan[i];
	return NULL;
}

static const char *money(char *buf, size_t size, const synth_year *y, int item)
{
	jx_cents_format(buf, size, y->fig[item]);
	return buf;
}

static int count(const synth_year *y, int item)
{
	return (int)(y->fig[item] / 100);
}

static void write_overview(FILE *f, const synth_dept *d, const synth_year *y,
			   const synth_narrative *nar)
{
	fprintf(f, "%d 年度%s 部门整体绩效自我评价报告\n\n", y->year, d->name);
	fputs("一、部门概况\n\n（一）部门基本情况\n\n1、部门基本情况\n\n", f);
	fprintf(f, "%d 年底%s实有在职人员 %d 人，离退休人员 %d 人。", y->year, d->name,
		count(y, FIG_STAFF_IN_POST), count(y, FIG_STAFF_RETIRED));
	if (y->has_fig[FIG_AUXILIARY_STAFF])
		fprintf(f, "另有在册警务辅助人员编制数为 %d 人。", count(y, FIG_AUXILIARY_STAFF));
	fprintf(f, "公务用车编制数为 %d 辆，实有车辆数为 %d 辆。内设机构包括%s等主要机构。\n\n",
		count(y, FIG_VEHICLES_QUOTA), count(y, FIG_VEHICLES_ACTUAL), nar->units);
	fputs("2、部门主要职能\n\n", f);
	for (int i = 0; i < 8 && nar->functions[i] != NULL; i++)
		fprintf(f, "（%d）%s\n\n", i + 1, nar->functions[i]);
}

static void write_money(FILE *f, const synth_year *y, const synth_narrative *nar)
{
	char a[32], b[32], c[32];
	int64_t special = y->fig[FIG_SPECIAL_FUNDS];
	int64_t city = (special / 100 * 4 + 50) / 100 * 100; /* about 4 %, whole 万元 */

	fputs("（二）部门收支情况\n\n1、部门预算情况\n\n", f);
	/* The reference report breaks this sentence across a blank line. */
	fprintf(f, "%d年度部门预算数为%s万元，其中：基本支出\n\n%s 万元，项目支出 %s 万元。\n\n",
		y->year, money(a, sizeof a, y, FIG_BUDGET_TOTAL),
		money(b, sizeof b, y, FIG_BUDGET_BASIC), money(c, sizeof c, y, FIG_BUDGET_PROJECT));
	fprintf(f,
		"2、部门决算收入情况\n\n%d 年度部门决算总收入 %s 万元，其中：财政拨款收入 %s "
		"万元，其他收入 %s 万元。\n\n",
		y->year, money(a, sizeof a, y, FIG_INCOME_TOTAL),
		money(b, sizeof b, y, FIG_INCOME_FISCAL), money(c, sizeof c, y, FIG_INCOME_OTHER));
	fprintf(f,
		"3、部门决算支出情况\n\n%d 年度部门决算总支出 %s 万元，其中：基本支出 %s "
		"万元、项目支出 %s 万元。\n\n",
		y->year, money(a, sizeof a, y, FIG_EXPENDITURE_TOTAL),
		money(b, sizeof b, y, FIG_EXPENDITURE_BASIC),
		money(c, sizeof c, y, FIG_EXPENDITURE_PROJECT));
	jx_cents_format(a, sizeof a, special);
	jx_cents_format(b, sizeof b, city);
	jx_cents_format(c, sizeof c, special - city);
	fprintf(f,
		"4、市级专项项目收支情况\n\n%d 年度全市%s %s 万元，全部下拨%s。主要用于%s。"
		"其中在 %d 年市财政直接安排市本级 %s 万元，通过各区财政下拨各区 %s 万元。\n\n",
		y->year, nar->special_name, a, nar->special_target, nar->special_use, y->year, b,
		c);
}

static void write_goals(FILE *f, const synth_dept *d, const synth_year *y,
			const synth_narrative *nar)
{
	char score[32];

	fprintf(f, "（三）部门绩效目标\n\n1、中长期阶段性目标\n\n%s\n\n2、年度目标\n\n",
		nar->long_goal);
	fprintf(f,
		"%d年，%s在市委、市政府和上级部门的正确领导下，围绕年度重点任务，"
		"统筹发展和安全，扎实推进各项工作。\n\n",
		y->year, d->name);
	for (int i = 0; i < 4 && nar->year_goals[i] != NULL; i++)
		fprintf(f, "%s\n\n", nar->year_goals[i]);
	fputs("二、评价结论\n\n（一）评价对象和目的\n\n", f);
	fprintf(f,
		"通过对市财政 %d 年度安排我%s的预算配置、预算资金管理、资产管理、职责履行、"
		"履职效益等内容的绩效考评，提高财政资金的使用效率，为财政部门预算管理提供决策依据。"
		"\n\n",
		y->year, nar->self_word);
	fputs("（二）评价原则和方法\n\n遵循客观公正，操作简便高效，尊重客观实际，实事求是的原则；"
	      "主要采用因素分析法、投入产出效益分析法、比较法等方法。\n\n",
	      f);
	jx_number_format(score, sizeof score, synth_total_half(y, 0) / 2.0);
	fprintf(f, "（三）评价结论\n\n%d 年，%s自评价综合得分 %s 分。\n\n", y->year,
		nar->conclusion, score);
}

static void write_results(FILE *f, const synth_year *y, const synth_narrative *nar)
{
	static const char *const num[] = {"一", "二", "三", "四", "五"};
	char a[32], b[32], c[32];
	int i;

	fputs("三、部门履职成效\n\n", f);
	for (i = 0; i < 3 && nar->results[i] != NULL; i++) {
		const char *bar = strchr(nar->results[i], '|');
		fprintf(f, "（%s）%.*s\n\n%s\n\n", num[i], (int)(bar - nar->results[i]),
			nar->results[i], bar + 1);
	}
	fprintf(f,
		"（%s）合理安排经费，产生社会效益\n\n%d 年度部门决算总支出 %s 万元，其中：基本支出 "
		"%s 万元、项目支出 %s 万元。除%s平时正常运转外，资金主要投向一线业务工作，"
		"取得了较好的成果。\n\n",
		num[i], y->year, money(a, sizeof a, y, FIG_EXPENDITURE_TOTAL),
		money(b, sizeof b, y, FIG_EXPENDITURE_BASIC),
		money(c, sizeof c, y, FIG_EXPENDITURE_PROJECT), nar->self_word);
}

/* 存在问题: the year's actual deductions, then the department's standing text. */
static void write_problems(FILE *f, const synth_year *y, const synth_narrative *nar)
{
	char cut[32];
	int listed = 0;

	fprintf(f, "四、存在问题及原因分析\n\n%d 年我%s对绩效管理存在问题及原因分析如下：", y->year,
		nar->self_word);
	for (size_t i = 0; i < y->nrows; i++) {
		int whole = (int)(2 * y->rows[i].weight);
		if (y->self_half[i] == whole)
			continue;
		jx_number_format(cut, sizeof cut, (whole - y->self_half[i]) / 2.0);
		fprintf(f, "%s%s“%s”指标扣 %s 分", listed++ ? "，" : "自评中", y->rows[i].level2,
			y->rows[i].level3, cut);
	}
	fprintf(f, "%s%s\n\n五、有关建议\n\n", listed ? "。" : "自评未扣分，但仍存在不足。",
		nar->problems);
	for (int i = 0; i < 3 && nar->advice[i] != NULL; i++)
		fprintf(f, "%d、%s\n\n", i + 1, nar->advice[i]);
	fputs("六、评价工作开展情况及其他需说明的情况\n\n无。\n\n", f);
}

static int write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "jixiao-synth: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Convert UTF-8 to GB18030 with glibc's iconv and write. */
static int write_gb18030(const char *path, char *text, size_t len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t cap = 2 * len + 16, left = cap, inleft = len;
	char *out = malloc(cap), *in = text, *o = out;
	int rc = -1;

	if (cd == (iconv_t)-1 || out == NULL) {
		fprintf(stderr, "jixiao-synth: iconv UTF-8 -> GB18030 unavailable\n");
		goto out;
	}
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		fprintf(stderr, "jixiao-synth: %s: cannot convert to GB18030: %s\n", path,
			strerror(errno));
		goto out;
	}
	rc = write_bytes(path, out, cap - left);
out:
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	free(out);
	return rc;
}

int synth_write_report(const char *dir, const synth_report_spec *spec, const synth_dept *d,
		       const synth_year *y, const char *options)
{
	const synth_narrative *nar = synth_narrative_for(d->slug);
	char path[4096], *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (f == NULL) {
		fprintf(stderr, "jixiao-synth: out of memory\n");
		return -1;
	}
	fprintf(f,
		"# provenance: synthetic\n# 合成数据 synthetic report: fictional department of the "
		"fictional city 示例市 made by jixiao-synth %s; not a real report\n\n",
		options);
	write_overview(f, d, y, nar);
	write_money(f, y, nar);
	write_goals(f, d, y, nar);
	write_results(f, y, nar);
	write_problems(f, y, nar);
	synth_write_table(f, spec, d, y);
	if (fclose(f) != 0 || text == NULL) {
		fprintf(stderr, "jixiao-synth: out of memory\n");
		free(text);
		return -1;
	}
	snprintf(path, sizeof path, "%s/%s-%d%s.txt", dir, d->slug, y->year,
		 spec->gb18030 ? "-gb18030" : "");
	rc = spec->gb18030 ? write_gb18030(path, text, len) : write_bytes(path, text, len);
	free(text);
	return rc;
}
