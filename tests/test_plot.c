/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_plot.c -- charts: the gnuplot script of each chart, the files gnuplot writes, escaping.
 *
 * A small fixture is imported through the canonical CSV reader into a
 * temporary store. Expected numbers are worked out by hand below (see
 * the comment on the fixture); nothing is taken from the analysis module.
 *
 * ctest-labels: slow (gnuplot draws every chart)
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "jixiao.h"
#include "testutil.h"

/*
 * 测试部门, self-evaluations 2019-2022, weights add up to 100:
 *   部门决策  A 决策机制/决策制度的科学性 (20)   20 18 20 20
 *             B 预算编制/预算编制科学规范 (30)   27 27 24 25
 *   部门管理  C 预算执行/部门预算执行率 (30)     30 29 30 28
 *             D 资产管理/资产管理制度健全性      18/20 20/20 8/10 10/10
 *             E 绩效管理/绩效信息公开 (10)       -  -  7 10   (new in 2021)
 * totals 95 94 89 93; 部门决策 94 90 88 90 %; 部门管理 96 98 90 96 %.
 * deducted A 0 2 0 0, B 3 3 6 5, C 0 1 0 2, D 2 0 2 0, E - - 3 0; in all 29.
 * Two more departments evaluated in 2022 only: 对照部门甲 97, 对照部门乙 85.
 */
static const char fixture_scores[] =
	"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
	"测试部门,2019,self,部门决策,决策机制,决策制度的科学性,,20,20,stated\n"
	"测试部门,2019,self,部门决策,预算编制,预算编制科学规范,,30,27,stated\n"
	"测试部门,2019,self,部门管理,预算执行,部门预算执行率,,30,30,stated\n"
	"测试部门,2019,self,部门管理,资产管理,资产管理制度健全性,,20,18,stated\n"
	"测试部门,2020,self,部门决策,决策机制,决策制度的科学性,,20,18,stated\n"
	"测试部门,2020,self,部门决策,预算编制,预算编制科学规范,,30,27,stated\n"
	"测试部门,2020,self,部门管理,预算执行,部门预算执行率,,30,29,stated\n"
	"测试部门,2020,self,部门管理,资产管理,资产管理制度健全性,,20,20,stated\n"
	"测试部门,2021,self,部门决策,决策机制,决策制度的科学性,,20,20,stated\n"
	"测试部门,2021,self,部门决策,预算编制,预算编制科学规范,,30,24,stated\n"
	"测试部门,2021,self,部门管理,预算执行,部门预算执行率,,30,30,stated\n"
	"测试部门,2021,self,部门管理,资产管理,资产管理制度健全性,,10,8,stated\n"
	"测试部门,2021,self,部门管理,绩效管理,绩效信息公开,,10,7,stated\n"
	"测试部门,2022,self,部门决策,决策机制,决策制度的科学性,,20,20,stated\n"
	"测试部门,2022,self,部门决策,预算编制,预算编制科学规范,,30,25,stated\n"
	"测试部门,2022,self,部门管理,预算执行,部门预算执行率,,30,28,stated\n"
	"测试部门,2022,self,部门管理,资产管理,资产管理制度健全性,,10,10,stated\n"
	"测试部门,2022,self,部门管理,绩效管理,绩效信息公开,,10,10,stated\n"
	"对照部门甲,2022,self,部门决策,决策机制,决策制度的科学性,,100,97,stated\n"
	"对照部门乙,2022,self,部门决策,决策机制,决策制度的科学性,,100,85,stated\n";

/* budget 1000 1100 1200 1250, expenditure 950 1155 1140 1250: execution 95 105 95 100 %. */
static const char fixture_figures[] =
	"department,year,item,value,unit\n"
	"测试部门,2019,budget_total,1000,万元\n测试部门,2019,expenditure_total,950,万元\n"
	"测试部门,2020,budget_total,1100,万元\n测试部门,2020,expenditure_total,1155,万元\n"
	"测试部门,2021,budget_total,1200,万元\n测试部门,2021,expenditure_total,1140,万元\n"
	"测试部门,2022,budget_total,1250,万元\n测试部门,2022,expenditure_total,1250,万元\n";

static const char synthetic_scores[] =
	"# provenance: synthetic\n"
	"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
	"合成部门,2021,self,部门决策,决策机制,决策制度的科学性,,100,90,stated\n"
	"合成部门,2022,self,部门决策,决策机制,决策制度的科学性,,100,95,stated\n";

/* Two projects of 测试部门: 道路修缮 executed 800,000 of 1,000,000 元 in 2021 (80%) and
 * 1,900,000 of 2,000,000 in 2022 (95%); 路灯改造 in 2022 only, its stated rate 100%. */
static const char project_scores[] =
	"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin,project,"
	"target,actual,reason\n"
	"测试部门,2021,self,项目资金,年度资金总额,预算执行率,,10,8,stated,2021年道路修缮,,,\n"
	"测试部门,2021,self,产出指标,数量指标,修缮里程,,90,90,stated,2021年道路修缮,≥10公里,12公里,"
	"\n"
	"测试部门,2022,self,项目资金,年度资金总额,预算执行率,,10,9.5,stated,道路修缮,,,\n"
	"测试部门,2022,self,产出指标,数量指标,修缮里程,,90,80,stated,道路修缮,≥10公里,9公里,涨价\n"
	"测试部门,2022,self,项目资金,年度资金总额,预算执行率,,10,10,stated,路灯改造,,,\n"
	"测试部门,2022,self,产出指标,数量指标,改造路灯,,90,90,stated,路灯改造,200盏,200盏,\n";
static const char project_figures[] = "department,year,item,value,unit,project\n"
				      "测试部门,2021,project_budget,1000000,元,道路修缮\n"
				      "测试部门,2021,project_executed,800000,元,道路修缮\n"
				      "测试部门,2022,project_budget,2000000,元,道路修缮\n"
				      "测试部门,2022,project_executed,1900000,元,道路修缮\n"
				      "测试部门,2022,project_execution_rate,100,%,路灯改造\n";

typedef struct {
	char *dir;
	char path[512];
	jx_store *store;
} fixture;

static void import_text(jx_store *s, const char *name, const char *text, int figures)
{
	jx_batch *b = NULL;
	jx_read_options o = jx_read_options_default();
	int rc = figures ? jx_csv_read_figures(&b, name, text, strlen(text), &o)
			 : jx_csv_read_scores(&b, name, text, strlen(text), &o);
	if (rc)
		fail_msg("%s: %s", name, jx_error_last());
	if (jx_store_import(s, &b, 1, 0, NULL) != 0)
		fail_msg("import %s: %s", name, jx_error_last());
	jx_batch_free(b);
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	jx_init();
	tu_catalogs(); /* the charts are Chinese by default: the zh_CN catalog of the build */
	f->dir = tu_mkdtemp();
	snprintf(f->path, sizeof(f->path), "%s/plot.db", f->dir);
	if (jx_store_open(&f->store, f->path, JX_STORE_CREATE) != 0)
		fail_msg("open: %s", jx_error_last());
	import_text(f->store, "scores.csv", fixture_scores, 0);
	import_text(f->store, "figures.csv", fixture_figures, 1);
	import_text(f->store, "synthetic.csv", synthetic_scores, 0);
	import_text(f->store, "projects.csv", project_scores, 0);
	import_text(f->store, "project_figures.csv", project_figures, 1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	jx_store_free(f->store);
	tu_rmdir(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

static jx_plot_request request(jx_chart chart, const char *dept)
{
	jx_plot_request r;
	jx_plot_request_init(&r);
	r.chart = chart;
	r.department = dept;
	return r;
}

static char *script_of(fixture *f, jx_chart chart, const char *dept)
{
	jx_plot_request r = request(chart, dept);
	char *script = NULL;
	r.out_path = "/nowhere/chart.png";
	if (jx_plot_script(&script, f->store, &r) != 0)
		fail_msg("script %s: %s", jx_chart_name(chart), jx_error_last());
	return script;
}

/* The number assigned to name in a script ("name = 1.5"). */
static double script_number(const char *script, const char *name)
{
	char key[128];
	const char *at;
	snprintf(key, sizeof(key), "\n%s = ", name);
	at = strstr(script, key);
	if (!at)
		fail_msg("no '%s' in the script", name);
	return strtod(at + strlen(key), NULL);
}

/* The text of data block name, between "$name << EOD\n" and "EOD\n"; malloc'd. */
static char *script_block(const char *script, const char *name)
{
	char key[128];
	const char *at, *end;
	snprintf(key, sizeof(key), "$%s << EOD\n", name);
	at = strstr(script, key);
	if (!at)
		fail_msg("no block %s", name);
	at += strlen(key);
	end = strstr(at, "EOD\n");
	assert_non_null(end);
	return strndup(at, (size_t)(end - at));
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("expected to find <%s>", needle);
}

/* ---- escaping ---- */

static void test_plot__quote_escapes(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"部门决策", "'部门决策'"},
		{"it's", "'it'.sprintf('%c',39).'s'"},
		{"'", "sprintf('%c',39)"},
		{"''x", "sprintf('%c',39).sprintf('%c',39).'x'"},
		{"a'", "'a'.sprintf('%c',39)"},
		{"'@x", "sprintf('%c',39).'@x'"},
		{"a\nb\r\tc", "'a b  c'"}, /* each control character becomes a space */
		{"\\ \"q\" `x` @m $(y) {}_^&", "'\\ \"q\" `x` @m $(y) {}_^&'"},
		{"bad\xff\xfeutf8", "'bad\xef\xbf\xbd\xef\xbf\xbdutf8'"},
		{"", "''"},
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *q = jx_plot_quote(cases[i].in);
		assert_string_equal(q, cases[i].out);
		free(q);
	}
}

/* gnuplot itself reads every quoted string back as the original text. */
static void test_plot__quote_round_trips_through_gnuplot(void **state)
{
	static const char *const texts[] = {
		"a'b\"c",
		"`touch MARKER`",
		"system(\"touch MARKER\")",
		"@title_text",
		"x_1^2 &amp; {b} \\n \\",
		"trailing backslash \\",
		"两行\n文本",
		"中文'引号'",
		"'starts with a quote",
		"two''quotes and '''three",
		"''''",
	};

	char *dir = tu_mkdtemp(), out[600], marker[600];
	size_t i;
	(void)state;
	snprintf(out, sizeof(out), "%s/print.txt", dir);
	snprintf(marker, sizeof(marker), "%s/MARKER", dir);
	assert_int_equal(chdir(dir), 0);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		char *qout = jx_plot_quote(out), *qtext = jx_plot_quote(texts[i]), *script, *got;
		char expect[256];
		size_t j;
		script = malloc(strlen(qout) + strlen(qtext) + 64);
		sprintf(script, "set print %s\nprint %s\nunset print\n", qout, qtext);
		assert_int_equal(jx_plot_run(script, NULL), 0);
		got = tu_read(out, NULL);
		assert_non_null(got);
		snprintf(expect, sizeof(expect), "%s\n", texts[i]);
		for (j = 0; expect[j + 1]; j++)
			if (expect[j] == '\n')
				expect[j] = ' ';
		assert_string_equal(got, expect);
		free(got);
		free(script);
		free(qout);
		free(qtext);
	}
	assert_int_not_equal(access(marker, F_OK), 0);
	assert_int_equal(chdir("/"), 0);
	tu_rmdir(dir);
	free(dir);
}

/* ---- the escaper against the real gnuplot: labels read back from its SVG ---- */

static const char *const fuzz_tokens[] = {
	"'",    "''",  "'''",   "\"",     "\\", "`",   "@",          "$",  "%",  "&",
	"<",    ">",   "{",     "}",      "^",  "_",   "|",          "#",  ";",  ",",
	".",    " ",   "a",     "Z",      "0",  "中",  "文",         "\n", "\t", "\r",
	"\xff", "]]>", "&amp;", "`date`", "@x", "\\n", "system('x')"};

/* What the label must read: control characters as spaces, a byte that is not UTF-8 as U+FFFD. */
static void expected_label(char *out, const char *in)
{
	for (; *in; in++) {
		if ((unsigned char)*in == 0xff) {
			strcpy(out, "\xef\xbf\xbd");
			out += 3;
		} else
			*out++ = (unsigned char)*in < 0x20 ? ' ' : *in;
	}
	*out = '\0';
}

/* The text of the n-th <text> element of svg, XML entities undone, into out. */
static int svg_label(char *out, size_t size, const char *svg, int n)
{
	const char *p = svg, *end;
	size_t k = 0;
	for (int i = 0; i <= n; i++) {
		if (!(p = strstr(p, "<text")) || !(p = strchr(p, '>')))
			return -1;
		p++;
	}
	if (!(end = strstr(p, "</text>")))
		return -1;
	while (p < end && k + 1 < size) {
		static const char *const ent[][2] = {{"&amp;", "&"},
						     {"&lt;", "<"},
						     {"&gt;", ">"},
						     {"&quot;", "\""},
						     {"&apos;", "'"}};
		size_t e, found = 0;
		for (e = 0; e < 5 && !found; e++)
			if (!strncmp(p, ent[e][0], strlen(ent[e][0]))) {
				out[k++] = ent[e][1][0];
				p += strlen(ent[e][0]);
				found = 1;
			}
		if (!found)
			out[k++] = *p++;
	}
	out[k] = '\0';
	return 0;
}

/* 200 random strings of awkward tokens (fixed seed), quoted by jx_plot_quote and drawn as labels
 * by gnuplot into one SVG: each label reads back as its text. */
static void test_plot__quote_fuzz_svg_labels(void **state)
{
	enum { N = 200 };
	char *dir = tu_mkdtemp(), svg_path[600], *texts[N], *svg, *script = NULL;
	unsigned seed = 20261129;
	size_t script_len = 0;
	FILE *f = open_memstream(&script, &script_len);
	(void)state;
	assert_non_null(f);
	snprintf(svg_path, sizeof(svg_path), "%s/labels.svg", dir);
	fprintf(f, "set terminal svg noenhanced size 800,600\nset output '%s'\n", svg_path);
	for (int i = 0; i < N; i++) {
		char text[512] = "", *q;
		int ntok = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 8;
		for (int t = 0; t < ntok; t++) {
			seed = seed * 1103515245u + 12345u;
			strcat(text, fuzz_tokens[(seed >> 16) %
						 (sizeof(fuzz_tokens) / sizeof(fuzz_tokens[0]))]);
		}
		if (text[0] == ' ')
			text[0] = 'b'; /* a label starting with blanks is drawn the same */
		texts[i] = strdup(text);
		q = jx_plot_quote(text);
		fprintf(f, "set label %d %s at graph 0.5, graph %g\n", i + 1, q, (double)i / N);
		free(q);
	}
	fputs("unset border; unset tics; unset key\nset xrange [0:1]; set yrange [0:1]\n"
	      "plot -1 notitle\n",
	      f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(jx_plot_run(script, NULL), 0);
	svg = tu_read(svg_path, NULL);
	assert_non_null(svg);
	for (int i = 0; i < N; i++) {
		char want[1600], got[1600];
		expected_label(want, texts[i]);
		assert_int_equal(svg_label(got, sizeof(got), svg, i), 0);
		assert_string_equal(got, want);
		free(texts[i]);
	}
	free(svg);
	free(script);
	tu_rmdir(dir);
	free(dir);
}

/* ---- the script of each chart ---- */

static void test_plot__script_header(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_TOTAL, "测试部门");
	const char *font = jx_plot_cjk_font();
	char expect[300];
	assert_non_null(font); /* fonts-noto-cjk is a build dependency */
	snprintf(expect, sizeof(expect),
		 "set terminal pngcairo size 1000,600 noenhanced font '%s,10' "
		 "background rgb 'white'",
		 font);
	assert_contains(s, expect);
	assert_contains(s, "\nset output '/nowhere/chart.png'\n");
	assert_contains(s, "\ntitle_text = '测试部门 · 总分与趋势'\n");
	assert_contains(s, "\nsubtitle_text = '2019–2022 · 自评'\n");
	assert_contains(s, "\nsynthetic = 0\n");
	assert_contains(s, "# ---- template common ----\n");
	assert_contains(s, "# ---- template total ----\n");
	/* the template comes after every variable */
	assert_true(strstr(s, "# ---- template common") > strstr(s, "$totals << EOD"));
	free(s);
}

static void test_plot__script_total(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_TOTAL, "测试部门"), *b = script_block(s, "totals");
	/* OLS of rate on year, by hand: x̄ = 2020.5, Sxx = 5, ȳ = 0.9275, Sxy = −0.055 */
	double slope = -0.055 / 5, intercept = 0.9275 - slope * 2020.5;
	double sse = 0.006 * 0.006 + 0.007 * 0.007 + 0.032 * 0.032 + 0.019 * 0.019;
	double sst = 0.0225 * 0.0225 + 0.0125 * 0.0125 + 0.0375 * 0.0375 + 0.0025 * 0.0025;
	double sd = sqrt(sse / 2), t = slope / (sd / sqrt(5.0));
	double p = 1 - fabs(t) / sqrt(2 + t * t); /* two-sided p for 2 df in closed form */
	assert_string_equal(b, "2019 95 95 100\n2020 94 94 100\n2021 89 89 100\n2022 93 93 100\n");
	assert_contains(s, "\nn_band_name = 4\n");
	assert_contains(s, "\nband_name[1] = '优'\n");
	assert_contains(s, "\nband_min[1] = 90\n");
	assert_contains(s, "\nband_name[4] = '差'\n");
	assert_int_equal(script_number(s, "has_trend"), 1);
	assert_float_equal(script_number(s, "trend_slope"), 100 * slope, 1e-9);
	assert_float_equal(script_number(s, "trend_intercept"), 100 * intercept, 1e-6);
	assert_float_equal(script_number(s, "trend_r2"), 1 - sse / sst, 1e-9);
	assert_float_equal(script_number(s, "trend_p"), p, 1e-6);
	assert_int_equal(script_number(s, "has_forecast"), 1);
	assert_int_equal(script_number(s, "forecast_year"), 2023);
	/* forecast 2023 on the logit of the shrunk rate (docs/methods.md §4; worked out
	 * in Python from the totals 95 94 89 93: t(0.975, 3 df), dispersion pooled over
	 * the total's own residuals and the one-residual prior) */
	assert_float_equal(script_number(s, "forecast"), 89.69355380622891, 1e-6);
	assert_float_equal(script_number(s, "pi_low"), 62.13424247016922, 1e-6);
	assert_float_equal(script_number(s, "pi_high"), 98.18717090140239, 1e-6);
	assert_float_equal(script_number(s, "year_min"), 2019, 0);
	assert_float_equal(script_number(s, "year_max"), 2022, 0);
	free(b);
	free(s);
}

static void test_plot__script_categories(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_CATEGORIES, "测试部门"), *b = script_block(s, "rates");
	assert_contains(s, "\nn_category = 2\n");
	assert_contains(s, "\ncategory[1] = '部门决策'\n");
	assert_contains(s, "\ncategory[2] = '部门管理'\n");
	assert_string_equal(b, "2019 94 96\n2020 90 98\n2021 88 90\n2022 90 96\n");
	assert_contains(s, "\nnote_text = ''\n");
	free(b);
	free(s);
}

static void test_plot__script_heatmap(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_HEATMAP, "测试部门"), *b = script_block(s, "cells");
	assert_contains(s, "\nn_indicator = 5\n");
	assert_contains(s, "\nindicator[1] = '决策制度的科学性'\n");
	assert_contains(s, "\nindicator[2] = '预算编制科学规范'\n");
	assert_contains(s, "\nindicator[5] = '绩效信息公开'\n");
	assert_contains(s, "\ncategory[2] = '部门管理'\n");
	assert_contains(s, "\ncategory_first[2] = 2\n");
	assert_float_equal(script_number(s, "max_deducted"), 6, 0);
	/* year row deducted state; E (row 4) has no cell before 2021 */
	assert_string_equal(b, "2019 0 0 0\n2020 0 2 0\n2021 0 0 0\n2022 0 0 0\n"
			       "2019 1 3 0\n2020 1 3 0\n2021 1 6 0\n2022 1 5 0\n"
			       "2019 2 0 0\n2020 2 1 0\n2021 2 0 0\n2022 2 2 0\n"
			       "2019 3 2 0\n2020 3 0 0\n2021 3 2 0\n2022 3 0 0\n"
			       "2021 4 3 0\n2022 4 0 0\n");
	free(b);
	free(s);
}

static void test_plot__script_pareto(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_PARETO, "测试部门"), *b = script_block(s, "pareto");
	double pos, pts, cum;
	int years, n = 0;
	const char *line = b;
	/* B 17, D 4, then C 3 and E 3, A 2; cumulative share of 29 */
	static const double want_pts[] = {17, 4, 3, 3, 2};
	static const double want_cum[] = {17, 21, 24, 27, 29};
	assert_float_equal(script_number(s, "total_points"), 29, 1e-9);
	assert_contains(s, "\nn_indicator = 5\n");
	assert_contains(s, "\nindicator[1] = '预算编制科学规范'\n");
	assert_contains(s, "\nindicator[2] = '资产管理制度健全性'\n");
	assert_contains(s, "\nindicator[5] = '决策制度的科学性'\n");
	while (sscanf(line, "%lf %lf %lf %d", &pos, &pts, &cum, &years) == 4) {
		assert_float_equal(pos, n, 0);
		assert_float_equal(pts, want_pts[n], 1e-9);
		assert_float_equal(cum, 100 * want_cum[n] / 29, 1e-9);
		n++;
		line = strchr(line, '\n') + 1;
	}
	assert_int_equal(n, 5);
	free(b);
	free(s);
}

static void test_plot__script_weak(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_WEAK, "测试部门"), *b = script_block(s, "weak");
	/* window 2020-2022; the department lost 6 + 11 + 7 = 24 points there. B lost 3, 6, 5:
	 * persistent, 14/24 = 58.3% large; C lost 1, 0, 2: persistent, 3/24 not large. A (lost
	 * 2 in 2020, full since) is resolved; D and E lost in 2021 only, clean in 2022: nothing.
	 * No low_rate rule by default: no threshold line (0). */
	assert_contains(s, "\nn_indicator = 2\n");
	assert_contains(s, "\nindicator[1] = '预算编制科学规范'\n");
	assert_contains(s, "\nindicator[2] = '部门预算执行率'\n");
	assert_contains(s, "\nrule[1] = '持续 3/3 · 占扣分 58.3%'\n");
	assert_contains(s, "\nrule[2] = '持续 2/3'\n");
	assert_float_equal(script_number(s, "window_first"), 2020, 0);
	assert_float_equal(script_number(s, "window_last"), 2022, 0);
	assert_float_equal(script_number(s, "threshold"), 0, 0);
	/* one data set per panel, rates in percent, 1 = deducted */
	assert_string_equal(b, "2019 90 1\n2020 90 1\n2021 80 1\n2022 83.33333333333333 1\n\n\n"
			       "2019 100 0\n2020 96.66666666666667 1\n2021 100 0\n"
			       "2022 93.33333333333333 1\n");
	free(b);
	free(s);
}

static void test_plot__script_figures(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_FIGURES, "测试部门"), *b = script_block(s, "figures");
	assert_string_equal(b, "2019 1000 950 95\n2020 1100 1155 105\n2021 1200 1140 95\n"
			       "2022 1250 1250 100\n");
	assert_contains(s, "\ntitle_text = '测试部门 · 预算与决算支出'\n");
	free(b);
	free(s);
}

static void test_plot__script_rank(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_RANK, "测试部门"), *b = script_block(s, "ranks");
	assert_float_equal(script_number(s, "rank_year"), 2022, 0);
	/* 2022: 对照部门甲 97, 合成部门 95 (synthetic), 测试部门 93, 对照部门乙 85; the real
	 * 测试部门 is drawn among its real peers only, so the chart is not synthetic */
	assert_contains(s, "\nn_department = 3\n");
	assert_contains(s, "\ndepartment[1] = '对照部门甲'\n");
	assert_contains(s, "\ndepartment[2] = '测试部门'\n");
	assert_contains(s, "\ndepartment[3] = '对照部门乙'\n");
	assert_null(strstr(s, "合成部门"));
	assert_contains(s, "\ngrade[1] = '优'\n");
	assert_contains(s, "\ngrade[3] = '良'\n");
	assert_contains(s, "\nsynthetic = 0\n");
	/* position, % of weight, highlighted, rank */
	assert_string_equal(b, "0 97 0 1\n1 93 1 2\n2 85 0 3\n");
	free(b);
	free(s);
}

/* A ranking the caller brings (the report's) is drawn as it is when it is of the rank year
 * and kind, instead of ranking every department again; one of another year is not used. */
static void test_plot__script_rank_given(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_RANK, "测试部门");
	jx_rank_result *given = NULL;
	char *plain = script_of(f, JX_CHART_RANK, "测试部门"), *s = NULL, *b;
	assert_int_equal(jx_rank_compute(&given, f->store, 2022, NULL), 0);
	r.out_path = "/nowhere/chart.png";
	r.rank = given;
	assert_int_equal(jx_plot_script(&s, f->store, &r), 0);
	assert_string_equal(s, plain); /* the same ranking: the same script */
	free(s);
	for (size_t i = 0; i < given->nrows; i++) /* marked, to see which one is drawn */
		given->rows[i].rank += 10;
	assert_int_equal(jx_plot_script(&s, f->store, &r), 0);
	b = script_block(s, "ranks");
	assert_string_equal(b, "0 97 0 11\n1 93 1 12\n2 85 0 13\n");
	free(b);
	free(s);
	given->year = 2021; /* not the rank year (2022): ranked here again */
	assert_int_equal(jx_plot_script(&s, f->store, &r), 0);
	assert_string_equal(s, plain);
	free(s);
	jx_rank_result_free(given);
	free(plain);
}

/* Execution rates per project and year in percent (路灯改造 sorts before 道路修缮:
 * U+8DEF < U+9053), a gap where a project was not evaluated, the 90% line. */
static void test_plot__script_projects(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_PROJECTS, "测试部门"), *b = script_block(s, "rates");
	jx_plot_request r = request(JX_CHART_PROJECTS, "对照部门甲");
	char *none = NULL;
	assert_string_equal(b, "2021 NaN 80\n2022 100 95\n");
	assert_true(script_number(s, "threshold") == 90);
	assert_true(script_number(s, "year_min") == 2021);
	assert_contains(s, "project[1] = '路灯改造'");
	assert_contains(s, "project[2] = '道路修缮'");
	free(b);
	free(s);
	/* a department without projects has nothing to draw */
	assert_int_equal(jx_plot_script(&none, f->store, &r), JX_ENOTFOUND);
	assert_null(none);
}

static char *render_svg(fixture *f, jx_chart chart, const char *dept)
{
	jx_plot_request r = request(chart, dept);
	char *svg = NULL;
	r.format = JX_IMAGE_SVG;
	if (jx_plot_render(&svg, NULL, f->store, &r) != 0)
		fail_msg("%s: %s", jx_chart_name(chart), jx_error_last());
	assert_non_null(strstr(svg, "<svg"));
	assert_non_null(strstr(svg, "</svg>"));
	return svg;
}

/* 换框部门: 2020 and 2021 on one framework (A, B), 2022 on another (C, D: none carried
 * over, a break); reviews of 2020 (80) and 2022 (a missing score: not drawn). The total
 * chart marks the break at 2022 and draws the 2020 review beside the self-evaluation; the
 * categories chart marks the break too. */
static void test_plot__breaks_and_reviews_marked(void **state)
{
	fixture *f = *state;
	char *s, *b, *svg;
	import_text(
		f->store, "break.csv",
		"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
		"换框部门,2020,self,甲,乙,A,,50,45,stated\n换框部门,2020,self,甲,乙,B,,50,50,"
		"stated\n"
		"换框部门,2021,self,甲,乙,A,,50,48,stated\n换框部门,2021,self,甲,乙,B,,50,50,"
		"stated\n"
		"换框部门,2022,self,甲,乙,C,,50,40,stated\n换框部门,2022,self,甲,乙,D,,50,50,"
		"stated\n"
		"换框部门,2020,review,甲,乙,A,,50,30,stated\n换框部门,2020,review,甲,乙,B,,50,50,"
		"stated\n"
		"换框部门,2022,review,甲,乙,C,,50,,\n换框部门,2022,review,甲,乙,D,,50,50,stated\n",
		0);
	s = script_of(f, JX_CHART_TOTAL, "换框部门");
	assert_contains(s, "\nn_break_year = 1\n");
	assert_contains(s, "\nbreak_year[1] = 2022\n");
	assert_contains(s, "\nn_review = 1\n");
	b = script_block(s, "reviews");
	assert_string_equal(b, "2020 80\n");
	free(b);
	free(s);
	svg = render_svg(f, JX_CHART_TOTAL, "换框部门");
	assert_contains(svg, "2022 年起新指标体系");
	assert_contains(svg, "财政复核");
	free(svg);
	svg = render_svg(f, JX_CHART_CATEGORIES, "换框部门");
	assert_contains(svg, "2022 年起新指标体系");
	free(svg);
	/* without a break or a review: nothing marked */
	s = script_of(f, JX_CHART_TOTAL, "测试部门");
	assert_contains(s, "\nn_break_year = 0\n");
	assert_contains(s, "\nn_review = 0\n");
	free(s);
	svg = render_svg(f, JX_CHART_TOTAL, "测试部门");
	assert_null(strstr(svg, "新指标体系"));
	assert_null(strstr(svg, "财政复核"));
	free(svg);
}

/* The heatmap draws only indicators that lost points: 换框部门's B and D never did. With 20
 * indicators of weight 5 that lost 0.25..5 points, the 18 that lost most are drawn (3..20) and the note
 * counts the 2 left out. */
static void test_plot__heatmap_only_lost_points(void **state)
{
	fixture *f = *state;
	char csv[4096], *s;
	size_t n;
	import_text(
		f->store, "break.csv",
		"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
		"换框部门,2020,self,甲,乙,A,,50,45,stated\n换框部门,2020,self,甲,乙,B,,50,50,"
		"stated\n"
		"换框部门,2022,self,甲,乙,C,,50,40,stated\n换框部门,2022,self,甲,乙,D,,50,50,"
		"stated\n",
		0);
	s = script_of(f, JX_CHART_HEATMAP, "换框部门");
	assert_contains(s, "\nn_indicator = 2\n");
	assert_contains(s,
			"\nindicator[1] = 'C'\n"); /* jx_units order: the latest framework first */
	assert_contains(s, "\nindicator[2] = 'A'\n");
	assert_contains(s, "只列出扣过分的指标'\n");
	free(s);
	n = (size_t)snprintf(csv, sizeof(csv),
			     "department,year,kind,level1,level2,level3,"
			     "explanation,weight,score\n");
	for (int i = 1; i <= 20; i++)
		n += (size_t)snprintf(csv + n, sizeof(csv) - n,
				      "多项部门,2022,self,甲,乙,指标%02d,,5,%g\n", i, 5 - 0.25 * i);
	import_text(f->store, "many.csv", csv, 0);
	s = script_of(f, JX_CHART_HEATMAP, "多项部门");
	assert_contains(s, "\nn_indicator = 18\n");
	assert_contains(s, "\nindicator[1] = '指标03'\n");
	assert_contains(s, "\nindicator[18] = '指标20'\n");
	assert_null(strstr(s, "'指标02'"));
	assert_contains(s, "；另有 2 项扣分较少的指标未画出");
	free(s);
}

static void test_plot__year_range_limits_data(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_CATEGORIES, "测试部门");
	char *s = NULL, *b;
	r.year_from = 2020;
	r.year_to = 2021;
	assert_int_equal(jx_plot_script(&s, f->store, &r), 0);
	b = script_block(s, "rates");
	assert_string_equal(b, "2020 90 98\n2021 88 90\n");
	assert_contains(s, "\nsubtitle_text = '2020–2021 · 自评'\n");
	free(b);
	free(s);
	r.year_from = 2022;
	r.year_to = 2020;
	assert_int_equal(jx_plot_script(&s, f->store, &r), JX_EINVAL);
}

static void test_plot__synthetic_is_marked(void **state)
{
	fixture *f = *state;
	char *s = script_of(f, JX_CHART_CATEGORIES, "合成部门");
	jx_plot_request r = request(JX_CHART_CATEGORIES, "合成部门");
	char *svg = NULL;
	assert_contains(s, "\nsynthetic = 1\n");
	assert_contains(s, "\nsynthetic_text = '合成数据'\n");
	r.format = JX_IMAGE_SVG;
	assert_int_equal(jx_plot_render(&svg, NULL, f->store, &r), 0);
	assert_contains(svg, "合成数据");
	assert_null(strstr(svg, "synthetic data"));
	free(svg);
	free(s);
}

static void test_plot__nothing_to_draw(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_TOTAL, "没有的部门");
	char *s = NULL;
	assert_int_equal(jx_plot_script(&s, f->store, &r), JX_ENOTFOUND);
	assert_contains(jx_error_last(), "没有的部门");
	r = request(JX_CHART_FIGURES, "合成部门"); /* evaluations but no figures */
	assert_int_equal(jx_plot_script(&s, f->store, &r), JX_ENOTFOUND);
	assert_null(s);
}

static void test_plot__missing_and_inferred_scores_shown(void **state)
{
	fixture *f = *state;
	char *s, *b, *svg;
	jx_plot_request r = request(JX_CHART_HEATMAP, "缺失部门");
	import_text(
		f->store, "missing.csv",
		"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
		"缺失部门,2022,self,类别,二级,未知项,,50,,\n"
		"缺失部门,2022,self,类别,二级,推算项,,50,45,inferred\n",
		0);
	s = script_of(f, JX_CHART_HEATMAP, "缺失部门");
	b = script_block(s, "cells");
	assert_string_equal(b, "2022 0 NaN 2\n2022 1 5 1\n");
	assert_contains(s, "\nnote_text = '只列出扣过分的指标；? = 得分缺失；* = 推算得分'\n");
	r.format = JX_IMAGE_SVG;
	assert_int_equal(jx_plot_render(&svg, NULL, f->store, &r), 0);
	assert_contains(svg, ">?</text>");
	assert_contains(svg, ">5*</text>");
	free(svg);
	free(b);
	free(s);
	/* the category's rate is unknown that year: no point, and a note says why */
	s = script_of(f, JX_CHART_CATEGORIES, "缺失部门");
	b = script_block(s, "rates");
	assert_string_equal(b, "2022 NaN\n");
	assert_contains(s, "\nnote_text = '1 个类别年度含缺失得分，未画出'\n");
	free(b);
	free(s);
}

/* ---- real output from gnuplot ---- */

/* Width and height from a PNG's IHDR chunk; fails unless the signature is right. */
static void png_size(const char *data, size_t len, unsigned *w, unsigned *h)
{
	const unsigned char *p = (const unsigned char *)data;
	assert_true(len > 24);
	assert_memory_equal(p, "\x89PNG\r\n\x1a\n", 8);
	assert_memory_equal(p + 12, "IHDR", 4);
	*w = (unsigned)p[16] << 24 | (unsigned)p[17] << 16 | (unsigned)p[18] << 8 | p[19];
	*h = (unsigned)p[20] << 24 | (unsigned)p[21] << 16 | (unsigned)p[22] << 8 | p[23];
}

static void draw_png(fixture *f, jx_chart chart, int width, int height, unsigned want_w,
		     unsigned want_h)
{
	jx_plot_request r = request(chart, "测试部门");
	char out[600], *data;
	size_t len = 0;
	unsigned w, h;
	snprintf(out, sizeof(out), "%s/%s.png", f->dir, jx_chart_name(chart));
	r.out_path = out;
	r.width = width;
	r.height = height;
	if (jx_plot_draw(f->store, &r) != 0)
		fail_msg("%s: %s", jx_chart_name(chart), jx_error_last());
	data = tu_read(out, &len);
	assert_non_null(data);
	png_size(data, len, &w, &h);
	assert_int_equal(w, want_w);
	assert_int_equal(h, want_h);
	free(data);
}

static void test_plot__png_of_each_chart(void **state)
{
	fixture *f = *state;
	draw_png(f, JX_CHART_TOTAL, 0, 0, 1000, 600);
	draw_png(f, JX_CHART_CATEGORIES, 0, 0, 1000, 600);
	draw_png(f, JX_CHART_HEATMAP, 0, 0, 940, 420); /* 5 rows that lost points: the minimum */
	draw_png(f, JX_CHART_PARETO, 0, 0, 1100, 700);
	draw_png(f, JX_CHART_WEAK, 0, 0, 1000, 400); /* 2 panels in one row: 150 + 250 */
	draw_png(f, JX_CHART_FIGURES, 0, 0, 1000, 600);
	draw_png(f, JX_CHART_RANK, 0, 0, 1000, 450);
	draw_png(f, JX_CHART_PROJECTS, 0, 0, 1000, 600);
	draw_png(f, JX_CHART_TOTAL, 640, 480, 640, 480); /* --size */
}

static void test_plot__svg_has_chinese_text(void **state)
{
	fixture *f = *state;
	static const struct {
		jx_chart chart;
		const char *texts[3];
	} cases[] = {
		{JX_CHART_TOTAL, {"测试部门 · 总分与趋势", "优", "OLS"}},
		{JX_CHART_CATEGORIES, {"部门决策", "部门管理", "得分率"}},
		{JX_CHART_HEATMAP, {"预算编制科学规范", "绩效信息公开", "部门管理"}},
		{JX_CHART_PARETO, {"预算编制科学规范", "资产管理制度健全性", "累计占比"}},
		{JX_CHART_WEAK, {"部门预算执行率", "持续 3/3", "预算编制科学规范"}},
		{JX_CHART_FIGURES, {"预算数", "105.0%", "执行率"}},
		{JX_CHART_RANK, {"对照部门甲", "对照部门乙", "97.0 优"}},
		{JX_CHART_PROJECTS, {"道路修缮", "路灯改造", "执行率"}},
	};
	size_t i, j;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *svg = render_svg(f, cases[i].chart, "测试部门");
		for (j = 0; j < 3; j++)
			if (!strstr(svg, cases[i].texts[j]))
				fail_msg("%s: no text <%s> in the SVG",
					 jx_chart_name(cases[i].chart), cases[i].texts[j]);
		free(svg);
	}
	{ /* the weak chart's footnotes belong to the page: drawn once, not once per panel */
		char *svg = render_svg(f, JX_CHART_WEAK, "测试部门");
		size_t n = 0, m = 0;
		for (const char *p = svg; (p = strstr(p, "阴影：规则窗口")); p++)
			n++;
		for (const char *p = svg; (p = strstr(p, "薄弱指标 2 / ")); p++)
			m++;
		assert_int_equal(n, 1);
		assert_int_equal(m, 1);
		free(svg);
	}
}

static void test_plot__pdf(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_FIGURES, "测试部门");
	char *pdf = NULL;
	size_t len = 0;
	r.format = JX_IMAGE_PDF;
	assert_int_equal(jx_plot_render(&pdf, &len, f->store, &r), 0);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
}

static void test_plot__script_file_is_what_ran(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_RANK, "测试部门");
	char out[600], script_path[600], *written, *built = NULL;
	snprintf(out, sizeof(out), "%s/rank.svg", f->dir);
	snprintf(script_path, sizeof(script_path), "%s/rank.gp", f->dir);
	r.out_path = out;
	r.format = JX_IMAGE_SVG;
	r.script_path = script_path;
	assert_int_equal(jx_plot_draw(f->store, &r), 0);
	assert_int_equal(jx_plot_script(&built, f->store, &r), 0);
	written = tu_read(script_path, NULL);
	assert_non_null(written);
	assert_string_equal(written, built);
	free(written);
	free(built);
}

/* ---- failures ---- */

static void test_plot__missing_gnuplot(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_TOTAL, "测试部门");
	char *old = strdup(getenv("PATH")), *empty = tu_mkdtemp(), out[600];
	snprintf(out, sizeof(out), "%s/never.png", f->dir);
	r.out_path = out;
	setenv("PATH", empty, 1);
	assert_int_equal(jx_plot_draw(f->store, &r), JX_EIO);
	setenv("PATH", old, 1);
	assert_string_equal(jx_error_last(),
			    "gnuplot not found: install the Debian package gnuplot-nox");
	assert_int_not_equal(access(out, F_OK), 0);
	tu_rmdir(empty);
	free(empty);
	free(old);
}

static void write_template(const char *dir, const char *name, const char *text)
{
	char path[600];
	snprintf(path, sizeof(path), "%s/%s.gp", dir, name);
	assert_int_equal(tu_write(path, text, strlen(text)), 0);
}

static void test_plot__gnuplot_message_reported(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_CATEGORIES, "测试部门");
	char *tpl = tu_mkdtemp(), out[600];
	snprintf(out, sizeof(out), "%s/broken.png", f->dir);
	write_template(tpl, "categories", "# a broken template\nplot no_such_function(x)\n");
	r.out_path = out;
	r.templates_dir = tpl;
	assert_int_equal(jx_plot_draw(f->store, &r), JX_EIO);
	assert_contains(jx_error_last(), "gnuplot failed: ");
	assert_contains(jx_error_last(), "undefined function: no_such_function");
	tu_rmdir(tpl);
	free(tpl);
}

/* ---- several charts by one gnuplot ---- */

/* Files a and b hold the same bytes. */
static void assert_same_file(const char *a, const char *b)
{
	size_t na = 0, nb = 0;
	char *da = tu_read(a, &na), *db = tu_read(b, &nb);
	assert_non_null(da);
	assert_non_null(db);
	assert_true(na > 0 && na == nb && !memcmp(da, db, na));
	free(da);
	free(db);
}

/* Charts total, rank and figures into dir/<tag>-<chart>.png and total as SVG in memory,
 * drawn by one batch (gnuplot program: NULL = on PATH); *svg the SVG. */
static jx_plot_batch *batch_of_charts(fixture *f, const char *tag, const char *program, char **svg)
{
	static const jx_chart charts[] = {JX_CHART_TOTAL, JX_CHART_RANK, JX_CHART_FIGURES};
	jx_plot_batch *b = NULL;
	jx_plot_request r;
	char out[600];
	assert_int_equal(jx_plot_batch_new(&b), 0);
	for (size_t i = 0; i < 3; i++) {
		r = request(charts[i], "测试部门");
		snprintf(out, sizeof(out), "%s/%s-%s.png", f->dir, tag, jx_chart_name(charts[i]));
		r.out_path = out;
		r.gnuplot = program;
		assert_int_equal(jx_plot_batch_add(b, f->store, &r), 0);
	}
	r = request(JX_CHART_FIGURES, "合成部门"); /* evaluations but no figures: left out */
	assert_int_equal(jx_plot_batch_add(b, f->store, &r), JX_ENOTFOUND);
	r = request(JX_CHART_TOTAL, "测试部门");
	r.format = JX_IMAGE_SVG;
	r.gnuplot = program;
	assert_int_equal(jx_plot_batch_add(b, f->store, &r), 0);
	assert_int_equal(jx_plot_batch_count(b), 4);
	assert_int_equal(jx_plot_batch_run(b), 0);
	assert_int_equal(jx_plot_batch_take(b, 3, svg, NULL), 0);
	assert_int_equal(jx_plot_batch_take(b, 0, &(char *){NULL}, NULL), JX_ENOTFOUND);
	return b;
}

static void test_plot__batch_draws_what_draw_draws(void **state)
{
	fixture *f = *state;
	static const char *const names[] = {"total", "rank", "figures"};
	static const char refusing[] = "#!/bin/sh\nif grep -q '^reset session' \"$1\"; then\n"
				       "  echo 'a batch' >&2; exit 1\nfi\nexec gnuplot \"$@\"\n";
	char *svg = NULL, *alone = NULL, a[600], b[600], wrapper[600];
	const char *msg;
	jx_plot_request r;
	jx_plot_batch *batch = batch_of_charts(f, "batch", NULL, &svg);
	jx_plot_batch_free(batch);
	/* each image is the one a gnuplot of its own draws, byte for byte */
	for (size_t i = 0; i < 3; i++) {
		jx_chart c;
		assert_int_equal(jx_chart_parse(names[i], &c), 0);
		r = request(c, "测试部门");
		snprintf(a, sizeof(a), "%s/batch-%s.png", f->dir, names[i]);
		snprintf(b, sizeof(b), "%s/alone-%s.png", f->dir, names[i]);
		r.out_path = b;
		assert_int_equal(jx_plot_draw(f->store, &r), 0);
		assert_same_file(a, b);
	}
	r = request(JX_CHART_TOTAL, "测试部门");
	r.format = JX_IMAGE_SVG;
	assert_int_equal(jx_plot_render(&alone, NULL, f->store, &r), 0);
	assert_string_equal(svg, alone);
	free(svg);
	/* a gnuplot that refuses the shared script: each chart is drawn alone, the same */
	snprintf(wrapper, sizeof(wrapper), "%s/gnuplot-refusing-batches", f->dir);
	assert_int_equal(tu_write(wrapper, refusing, strlen(refusing)), 0);
	assert_int_equal(chmod(wrapper, 0755), 0);
	batch = batch_of_charts(f, "fallback", wrapper, &svg);
	assert_int_equal(jx_plot_batch_failure(batch, 1, &msg), 0);
	jx_plot_batch_free(batch);
	for (size_t i = 0; i < 3; i++) {
		snprintf(a, sizeof(a), "%s/fallback-%s.png", f->dir, names[i]);
		snprintf(b, sizeof(b), "%s/alone-%s.png", f->dir, names[i]);
		assert_same_file(a, b);
	}
	assert_string_equal(svg, alone);
	free(svg);
	free(alone);
}

/* A chart that fails is the one reported; the others are drawn. */
static void test_plot__batch_failure_is_the_charts(void **state)
{
	fixture *f = *state;
	jx_plot_batch *b = NULL;
	jx_plot_request r;
	char *tpl = tu_mkdtemp(), ok[600], broken[600];
	const char *msg = NULL;
	struct stat st;
	write_template(tpl, "categories", "# a broken template\nplot no_such_function(x)\n");
	snprintf(ok, sizeof(ok), "%s/drawn.png", f->dir);
	snprintf(broken, sizeof(broken), "%s/never.png", f->dir);
	assert_int_equal(jx_plot_batch_new(&b), 0);
	r = request(JX_CHART_CATEGORIES, "测试部门");
	r.out_path = broken;
	r.templates_dir = tpl;
	assert_int_equal(jx_plot_batch_add(b, f->store, &r), 0);
	r = request(JX_CHART_TOTAL, "测试部门");
	r.out_path = ok;
	assert_int_equal(jx_plot_batch_add(b, f->store, &r), 0);
	r.script_path = ok; /* a batch keeps no scripts */
	assert_int_equal(jx_plot_batch_add(b, f->store, &r), JX_EINVAL);
	assert_int_equal(jx_plot_batch_run(b), JX_EIO);
	assert_contains(jx_error_last(), "undefined function: no_such_function");
	assert_int_equal(jx_plot_batch_failure(b, 0, &msg), JX_EIO);
	assert_contains(msg, "gnuplot failed: ");
	assert_int_equal(jx_plot_batch_failure(b, 1, &msg), 0);
	assert_int_equal(stat(ok, &st), 0);
	assert_true(st.st_size > 0);
	assert_int_not_equal(stat(broken, &st), 0); /* nothing left where it failed */
	jx_plot_batch_free(b);
	tu_rmdir(tpl);
	free(tpl);
}

static void test_plot__templates_dir_overrides(void **state)
{
	fixture *f = *state;
	jx_plot_request r = request(JX_CHART_FIGURES, "测试部门");
	char *tpl = tu_mkdtemp(), *s = NULL, missing[600];
	write_template(tpl, "figures", "# my own figures\nplot $figures using 1:2 with lines\n");
	r.templates_dir = tpl;
	assert_int_equal(jx_plot_script(&s, f->store, &r), 0);
	assert_contains(s, "# my own figures\n");
	/* charts without a file in the directory keep the built-in template */
	assert_contains(s, jx_plot_builtin_template("common"));
	assert_null(strstr(s, jx_plot_builtin_template("figures")));
	free(s);
	snprintf(missing, sizeof(missing), "%s/nope", tpl);
	r.templates_dir = missing;
	assert_int_equal(jx_plot_script(&s, f->store, &r), JX_ENOTFOUND);
	tu_rmdir(tpl);
	free(tpl);
}

/* ---- hostile names ---- */

/* RFC 4180 field. */
static void csv_field(char *out, size_t size, const char *s)
{
	size_t n = 0;
	out[n++] = '"';
	for (; *s && n + 3 < size; s++) {
		if (*s == '"')
			out[n++] = '"';
		out[n++] = *s;
	}
	out[n++] = '"';
	out[n] = '\0';
}

/* Text as gnuplot's SVG terminal writes it: & and < escaped. */
static void svg_text(char *out, size_t size, const char *s)
{
	size_t n = 0;
	for (; *s && n + 6 < size; s++) {
		if (*s == '&')
			n += (size_t)snprintf(out + n, size - n, "&amp;");
		else if (*s == '<')
			n += (size_t)snprintf(out + n, size - n, "&lt;");
		else
			out[n++] = *s;
	}
	out[n] = '\0';
}

static void test_plot__hostile_names_stay_text(void **state)
{
	fixture *f = *state;
	char *dir = tu_mkdtemp(), marker[600], names[5][700], dept[700], cat[] = "类别\"双'引号";
	char csv[16384], fd[1500], fc[700], fn[1500], want[1500], *svg;
	size_t i, n = 0;
	int year;
	jx_plot_request r;
	snprintf(marker, sizeof(marker), "%s/MARKER", dir);
	snprintf(names[0], sizeof(names[0]), "`touch %s`", marker);
	snprintf(names[1], sizeof(names[1]), "system(\"touch %s\")", marker);
	snprintf(names[2], sizeof(names[2]), "a'b\"c \\ d ' . system('touch %s') . '", marker);
	snprintf(names[3], sizeof(names[3]), "@title_text _x ^y &z {w} <v> \\n");
	snprintf(names[4], sizeof(names[4]), "$(touch %s) `touch MARKER` \\", marker);
	snprintf(dept, sizeof(dept), "部门'; `touch %s`; \"", marker);
	n += (size_t)snprintf(csv + n, sizeof(csv) - n, "%s\n",
			      "department,year,kind,level1,level2,level3,explanation,weight,score");
	csv_field(fd, sizeof(fd), dept);
	csv_field(fc, sizeof(fc), cat);
	for (year = 2021; year <= 2022; year++)
		for (i = 0; i < 5; i++) {
			csv_field(fn, sizeof(fn), names[i]);
			n += (size_t)snprintf(csv + n, sizeof(csv) - n,
					      "%s,%d,self,%s,二级,%s,,20,%d\n", fd, year, fc, fn,
					      15 + (int)i); /* each loses points: a heatmap row */
		}
	import_text(f->store, "hostile.csv", csv, 0);
	assert_int_equal(chdir(dir), 0); /* where a relative `touch MARKER` would land */
	r = request(JX_CHART_HEATMAP, dept);
	r.format = JX_IMAGE_SVG;
	assert_int_equal(jx_plot_render(&svg, NULL, f->store, &r), 0);
	for (i = 0; i < 5; i++) {
		svg_text(want, sizeof(want), names[i]);
		if (!strstr(svg, want))
			fail_msg("name %zu not shown literally: <%s>", i, want);
	}
	svg_text(want, sizeof(want), dept);
	assert_contains(svg, want);
	free(svg);
	r.chart = JX_CHART_CATEGORIES;
	assert_int_equal(jx_plot_render(&svg, NULL, f->store, &r), 0);
	svg_text(want, sizeof(want), cat);
	assert_contains(svg, want);
	free(svg);
	assert_int_not_equal(access(marker, F_OK), 0);
	assert_int_not_equal(access("MARKER", F_OK), 0);
	assert_int_equal(chdir("/"), 0);
	tu_rmdir(dir);
	free(dir);
}

/* A name with a line break (the CSV reader refuses one; a batch can carry it). */
static void test_plot__line_break_in_a_name(void **state)
{
	fixture *f = *state;
	jx_evaluation *ev = jx_evaluation_new("换行部门", 2022, JX_KIND_SELF);
	jx_batch *b = jx_batch_new("built-in-test");
	jx_plot_request r = request(JX_CHART_HEATMAP, "换行部门");
	char *s = NULL, *svg = NULL;
	assert_non_null(jx_evaluation_add_row(ev, "类别", "二级", "第一行\n第二行\tset output", "",
					      100, 90, JX_ORIGIN_STATED, 0));
	assert_int_equal(jx_batch_add_evaluation(b, ev), 0);
	if (jx_store_import(f->store, &b, 1, 0, NULL) != 0) {
		/* the store may refuse control characters; then only the quoting is at stake */
		jx_batch_free(b);
		skip();
	}
	jx_batch_free(b);
	assert_int_equal(jx_plot_script(&s, f->store, &r), 0);
	assert_contains(s, "\nindicator[1] = '第一行 第二行 set output'\n");
	free(s);
	r.format = JX_IMAGE_SVG;
	assert_int_equal(jx_plot_render(&svg, NULL, f->store, &r), 0);
	assert_contains(svg, "第一行 第二行 set output");
	free(svg);
}

/* ---- one language per chart ---- */

static char *script_in(fixture *f, jx_chart chart, const char *dept, jx_lang lang)
{
	jx_plot_request r = request(chart, dept);
	char *script = NULL;
	r.lang = lang;
	if (jx_plot_script(&script, f->store, &r) != 0)
		fail_msg("script %s: %s", jx_chart_name(chart), jx_error_last());
	return script;
}

/* The total chart of 测试部门 in each language. The fit by hand (test_plot__script_total):
 * slope −1.1 points a year, R² = 1 − 0.00147 ÷ 0.002075 = 0.29, p = 1 − |t| ÷ √(2 + t²) with
 * t = −0.011 ÷ √(0.000735 ÷ 5) = −0.9073 → 0.460; forecast 89.69 in 62.13–98.19. */
static void test_plot__texts_follow_lang(void **state)
{
	fixture *f = *state;
	char *en = script_in(f, JX_CHART_TOTAL, "测试部门", JX_LANG_EN);
	char *zh = script_in(f, JX_CHART_TOTAL, "测试部门", JX_LANG_ZH);
	jx_plot_request r;
	assert_contains(en, "\ntitle_text = '测试部门 · total score and trend'\n");
	assert_contains(en, "\nsubtitle_text = '2019–2022 · self-evaluation'\n");
	assert_contains(en, "\nband_name[1] = 'excellent'\n");
	assert_contains(en, "\nxlabel_text = 'year'\n");
	assert_contains(en, "\nkey_review = 'finance-bureau review'\n");
	assert_contains(en, "\ntrend_text = 'OLS -1.10 points per year, p = 0.460, R² = 0.29 "
			    "(n = 4); Mann-Kendall: ");
	assert_contains(en, "\nforecast_text = '2023 forecast 89.7, 95% prediction interval "
			    "62.1–98.2'\n");
	assert_contains(zh, "\ntitle_text = '测试部门 · 总分与趋势'\n");
	assert_contains(zh, "\nband_name[1] = '优'\n");
	assert_contains(zh, "\nxlabel_text = '年度'\n");
	assert_contains(zh, "\nkey_review = '财政复核'\n");
	assert_contains(zh, "\ntrend_text = 'OLS 趋势 -1.10 分/年，p = 0.460，R² = 0.29（4 年）；"
			    "Mann-Kendall：");
	assert_contains(zh, "\nforecast_text = '2023 年预测 89.7，95% 预测区间 62.1–98.2'\n");
	free(en);
	free(zh);
	en = script_in(f, JX_CHART_WEAK, "测试部门", JX_LANG_EN);
	assert_contains(en, "\nrule[1] = 'persistent 3/3 · large share 58.3%'\n");
	assert_contains(en, "\nlegend_text = 'vertical axis: score rate % · red dots: years "
			    "deducted · shaded: rule window'\n");
	free(en);
	/* messages are in the caller's language, whatever the chart's */
	r = request(JX_CHART_TOTAL, "没有的部门");
	r.lang = JX_LANG_ZH;
	assert_int_equal(jx_plot_script(&en, f->store, &r), JX_ENOTFOUND);
	assert_string_equal(jx_error_last(),
			    "没有的部门: no evaluation (self-evaluation) in the years asked for");
	assert_int_equal(jx_i18n_lang(), JX_LANG_EN);
	jx_i18n_set(JX_LANG_ZH);
	r.lang = JX_LANG_EN;
	assert_int_equal(jx_plot_script(&en, f->store, &r), JX_ENOTFOUND);
	jx_i18n_set(JX_LANG_EN);
	assert_string_equal(jx_error_last(), "没有的部门：所选年度没有自评记录");
}

/* p below 0.0005 is written "p < 0.001", never in exponent form: a steady rise 60 71 80 90 99
 * (by hand: Sxy = 97, Sxx = 10, slope 9.7; residuals −0.6 0.7 0 0.3 −0.4, SSE 1.1 of SST 942,
 * R² = 0.9988; t = 9.7 ÷ √(1.1 ÷ 3 ÷ 10) = 50.7 on 3 df, p ≈ 2e-5). */
static void test_plot__p_values_for_people(void **state)
{
	fixture *f = *state;
	static const int score[] = {60, 71, 80, 90, 99};
	char csv[2048], *s;
	size_t n = (size_t)snprintf(csv, sizeof(csv),
				    "department,year,kind,level1,level2,"
				    "level3,explanation,weight,score\n");
	for (int i = 0; i < 5; i++)
		n += (size_t)snprintf(csv + n, sizeof(csv) - n,
				      "陡升部门,%d,self,甲,乙,丙,,100,%d\n", 2018 + i, score[i]);
	import_text(f->store, "steep.csv", csv, 0);
	s = script_in(f, JX_CHART_TOTAL, "陡升部门", JX_LANG_EN);
	assert_true(script_number(s, "trend_p") < 0.0005);
	assert_contains(s,
			"\ntrend_text = 'OLS +9.70 points per year, p < 0.001, R² = 1.00 (n = 5)");
	free(s);
}

#define T(test) cmocka_unit_test_setup_teardown(test, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plot__quote_escapes),
		cmocka_unit_test(test_plot__quote_round_trips_through_gnuplot),
		cmocka_unit_test(test_plot__quote_fuzz_svg_labels),
		T(test_plot__script_header),
		T(test_plot__script_total),
		T(test_plot__script_categories),
		T(test_plot__script_heatmap),
		T(test_plot__script_pareto),
		T(test_plot__script_weak),
		T(test_plot__script_figures),
		T(test_plot__script_rank),
		T(test_plot__script_rank_given),
		T(test_plot__script_projects),
		T(test_plot__breaks_and_reviews_marked),
		T(test_plot__heatmap_only_lost_points),
		T(test_plot__year_range_limits_data),
		T(test_plot__synthetic_is_marked),
		T(test_plot__nothing_to_draw),
		T(test_plot__missing_and_inferred_scores_shown),
		T(test_plot__png_of_each_chart),
		T(test_plot__batch_draws_what_draw_draws),
		T(test_plot__batch_failure_is_the_charts),
		T(test_plot__svg_has_chinese_text),
		T(test_plot__pdf),
		T(test_plot__script_file_is_what_ran),
		T(test_plot__missing_gnuplot),
		T(test_plot__gnuplot_message_reported),
		T(test_plot__templates_dir_overrides),
		T(test_plot__hostile_names_stay_text),
		T(test_plot__line_break_in_a_name),
		T(test_plot__texts_follow_lang),
		T(test_plot__p_values_for_people),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
