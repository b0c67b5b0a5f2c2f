/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_csv_excel.c -- canonical CSV as people save it from Excel or WPS: Chinese headers
 * and codes, quote-all headers, blank rows, merged cells left blank, extra columns, near
 * misses, GBK and UTF-16 -- through both the whole-file and the streaming reader.
 *
 * Each case is compared with the same evaluation written in the machine format
 * (English header, one value per cell), read by the same library: what people save
 * must store exactly what jixiao itself would have written. Line and column numbers
 * in messages were counted by hand. */
#include <iconv.h>
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

#define HEADER "department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
/* the machine form every case below must equal: three rows adding up to 100 */
#define MACHINE                                                                                                       \
	HEADER "禁毒支队,2023,self,部门决策 (20分),决策机制,决策制度,是否科学。,20,18,stated\n" \
	       "禁毒支队,2023,self,部门决策 (20分),决策机制,决策流程,,30,,missing\n"                 \
	       "禁毒支队,2023,self,部门管理,预算执行,执行率,,50,45.5,inferred\n"

static jx_batch *read_ok(const char *name, const char *text, size_t len, jx_encoding enc)
{
	jx_read_options o = jx_read_options_default();
	jx_batch *b = NULL;
	o.encoding = enc;
	jx_error_clear();
	if (jx_read_buffer(&b, name, text, len, &o) != 0)
		fail_msg("%s: %s", name, jx_error_last());
	return b;
}

/* The rows of a and b are the same: names, keys, weights, scores, origins. */
static void same_rows(const jx_evaluation *a, const jx_evaluation *b)
{
	assert_string_equal(a->department, b->department);
	assert_int_equal(a->year, b->year);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->provenance, b->provenance);
	assert_int_equal(a->nrows, b->nrows);
	for (size_t i = 0; i < a->nrows; i++) {
		const jx_indicator *x = &a->rows[i], *y = &b->rows[i];
		assert_string_equal(x->level1, y->level1);
		assert_string_equal(x->level2, y->level2);
		assert_string_equal(x->level3, y->level3);
		assert_string_equal(x->key, y->key);
		assert_string_equal(x->explanation, y->explanation);
		assert_true(x->weight == y->weight);
		assert_true((isnan(x->score) && isnan(y->score)) || x->score == y->score);
		assert_true((isnan(x->level1_weight) && isnan(y->level1_weight)) ||
			    x->level1_weight == y->level1_weight);
		assert_int_equal(x->origin, y->origin);
	}
}

/* text must read to the same single evaluation as MACHINE. */
static jx_batch *same_as_machine(const char *name, const char *text, size_t len, jx_encoding enc)
{
	jx_batch *want = read_ok("machine.csv", MACHINE, strlen(MACHINE), JX_ENC_AUTO);
	jx_batch *got = read_ok(name, text, len, enc);
	assert_int_equal(got->nevals, 1);
	same_rows(got->evals[0], want->evals[0]);
	jx_batch_free(want);
	return got;
}

static void expect_error(const char *text, const char *prefix, const char *part)
{
	jx_batch *b = (jx_batch *)1;
	const char *msg;
	jx_error_clear();
	assert_int_equal(jx_read_buffer(&b, "x.csv", text, strlen(text), NULL), JX_EPARSE);
	assert_null(b);
	msg = jx_error_last();
	if (strncmp(msg, prefix, strlen(prefix)) != 0 || !strstr(msg, part))
		fail_msg("message '%s' is not '%s...%s'", msg, prefix, part);
}

static void test_csv_excel__chinese_headers_and_codes(void **state)
{
	/* the workbook's scores sheet saved as CSV: its Chinese headers and labels */
	static const char zh[] =
		"部门,年度,类型,一级指标,二级指标,三级指标,指标解释,权重,得分,得分来源,数据性质\n"
		"禁毒支队,2023,自评,部门决策 (20分),决策机制,决策制度,是否科学。,20,18,原文,真实\n"
		"禁毒支队,2023,自评,部门决策 (20分),决策机制,决策流程,,30,,缺失,真实\n"
		"禁毒支队,2023,自评,部门管理,预算执行,执行率,,50,45.5,推算,真实\n";
	/* English and Chinese side by side, 分值 for the weight, columns in another order */
	static const char mixed[] =
		"年度,department,kind,一级指标,level2,三级指标,分值,score,得分来源,explanation\n"
		"2023,禁毒支队,self,部门决策 (20分),决策机制,决策制度,20,18,stated,是否科学。\n"
		"2023,禁毒支队,self,部门决策 (20分),决策机制,决策流程,30,,,\n"
		"2023,禁毒支队,self,部门管理,预算执行,执行率,50,45.5,inferred,\n";
	(void)state;
	assert_int_equal(jx_input_detect(zh, strlen(zh)), JX_INPUT_CSV_SCORES);
	jx_batch_free(same_as_machine("zh.csv", zh, strlen(zh), JX_ENC_AUTO));
	jx_batch_free(same_as_machine("mixed.csv", mixed, strlen(mixed), JX_ENC_AUTO));
}

/* The workbook's 一级指标分值 column: the declared level-1 weight the name no longer holds. */
static void test_csv_excel__level1_weight_column(void **state)
{
	static const char wb[] =
		"部门,年度,类型,一级指标,二级指标,三级指标,指标解释,权重,得分,"
		"得分率,扣分,得分来源,数据性质,一级指标分值\n"
		"禁毒支队,2023,自评,部门决策,决策机制,决策制度,是否科学。,20,18,0."
		"9,2,原文,真实,20\n"
		"禁毒支队,2023,自评,部门决策,决策机制,决策流程,,30,,,,缺失,真实,20\n"
		"禁毒支队,2023,自评,部门管理,预算执行,执行率,,50,45.5,0.91,4.5,推算,"
		"真实,\n";
	static const char both[] =
		"department,year,kind,level1,level2,level3,weight,score,level1_weight\n"
		"甲,2023,self,一 (30分),二,三,100,1,100\n";
	jx_batch *b;
	(void)state;
	b = same_as_machine("wb.csv", wb, strlen(wb), JX_ENC_AUTO);
	assert_true(b->evals[0]->rows[0].level1_weight == 20);
	assert_true(isnan(b->evals[0]->rows[2].level1_weight));
	jx_batch_free(b);
	/* the column wins over a weight in the name; a bad value names its cell */
	b = read_ok("w.csv", both, strlen(both), JX_ENC_AUTO);
	assert_string_equal(b->evals[0]->rows[0].level1, "一");
	assert_true(b->evals[0]->rows[0].level1_weight == 100);
	jx_batch_free(b);
	expect_error("department,year,kind,level1,level2,level3,weight,score,level1_weight\n"
		     "甲,2023,self,一,二,三,100,1,二十\n",
		     "x.csv:2:9:", "level1_weight must be a number greater than 0, not '二十'");
}

static void test_csv_excel__review_kinds_and_synthetic(void **state)
{
	static const char *const review[] = {"复核", "财政复核", "财政评价", "review"};
	char text[512];
	(void)state;
	for (size_t i = 0; i < 4; i++) {
		jx_batch *b;
		snprintf(text, sizeof(text),
			 "部门,年度,类型,一级指标,二级指标,三级指标,权重,得分,数据性质\n"
			 "甲,2022,%s,一,二,三,100,91,合成\n",
			 review[i]);
		b = read_ok("k.csv", text, strlen(text), JX_ENC_AUTO);
		assert_int_equal(b->evals[0]->kind, JX_KIND_REVIEW);
		assert_int_equal(b->evals[0]->provenance, JX_PROV_SYNTHETIC);
		assert_true(b->evals[0]->rows[0].score == 91);
		assert_string_equal(b->evals[0]->rows[0].explanation, ""); /* no 指标解释 column */
		jx_batch_free(b);
	}
	expect_error("部门,年度,类型,一级指标,二级指标,三级指标,权重,得分\n"
		     "甲,2022,审计,一,二,三,100,91\n",
		     "x.csv:2:3:", "kind must be self or review, not '审计'");
	expect_error("部门,年度,类型,一级指标,二级指标,三级指标,权重,得分,数据性质\n"
		     "甲,2022,自评,一,二,三,100,91,虚构\n",
		     "x.csv:2:9:", "provenance must be real or synthetic, not '虚构'");
}

/* Excel's "CSV UTF-8": BOM, CRLF, every field quoted, blank rows below the table. */
static void test_csv_excel__quote_all_bom_crlf_blank_rows(void **state)
{
	static const char text[] =
		"\xEF\xBB\xBF\"department\",\"year\",\"kind\",\"level1\",\"level2\",\"level3\","
		"\"explanation\",\"weight\",\"score\",\"score_origin\"\r\n"
		"\"禁毒支队\",\"2023\",\"self\",\"部门决策 (20分)\",\"决策机制\",\"决策制度\","
		"\"是否科学。\",\"20\",\"18\",\"stated\"\r\n"
		",,,,,,,,,\r\n" /* a blank row between rows is skipped too */
		"\"禁毒支队\",\"2023\",\"self\",\"部门决策 (20分)\",\"决策机制\",\"决策流程\","
		"\"\",\"30\",\"\",\"missing\"\r\n"
		"\"禁毒支队\",\"2023\",\"self\",\"部门管理\",\"预算执行\",\"执行率\",\"\",\"50\","
		"\"45.5\",\"inferred\"\r\n"
		",,,,,,,,,\r\n,,,,,,,,,\r\n\"\",\"\",,,,,,,,\r\n\r\n";
	jx_batch *b;
	(void)state;
	assert_int_equal(jx_input_detect(text + 3, strlen(text) - 3), JX_INPUT_CSV_SCORES);
	b = same_as_machine("q.csv", text, strlen(text), JX_ENC_AUTO);
	assert_int_equal(b->evals[0]->rows[2].line, 5);
	jx_batch_free(b);
}

/* Merged level-1/level-2 cells leave blanks below their first row. */
static void test_csv_excel__blank_level_cells_carried_down(void **state)
{
	static const char merged[] = HEADER
		"禁毒支队,2023,self,部门决策 (20分),决策机制,决策制度,是否科学。,20,18,stated\n"
		"禁毒支队,2023,self,,,决策流程,,30,,missing\n"
		"禁毒支队,2023,self,部门管理,预算执行,执行率,,50,45.5,inferred\n";
	/* a row naming its level1 keeps its (empty) level2: no carry */
	static const char own[] = HEADER "甲,2023,self,一,二,a,,50,50,\n"
					 "甲,2023,self,一,,b,,30,30,\n"
					 "甲,2023,self,,,c,,20,20,\n";
	jx_batch *b;
	(void)state;
	jx_batch_free(same_as_machine("merged.csv", merged, strlen(merged), JX_ENC_AUTO));
	b = read_ok("own.csv", own, strlen(own), JX_ENC_AUTO);
	assert_string_equal(b->evals[0]->rows[0].key, "一/二/a");
	assert_string_equal(b->evals[0]->rows[1].key, "一//b");
	assert_string_equal(b->evals[0]->rows[2].key, "一//c");
	jx_batch_free(b);
	/* nothing above to carry: still an error, on the row's own line */
	expect_error(HEADER "甲,2023,self,,二,a,,100,50,\n", "x.csv:2:4:", "level1 is empty");
}

static void test_csv_excel__unknown_columns_one_warning(void **state)
{
	static const char text[] =
		"序号,部门,年度,类型,一级指标,二级指标,三级指标,权重,得分,得分率,扣分,备注\n"
		"1,甲,2023,自评,一,二,a,60,54,90%,6,说明\n"
		"2,甲,2023,自评,一,二,b,40,40,100%,0,\n"
		"3,乙,2023,自评,一,二,a,100,99,99%,1,\n";
	jx_batch *b = read_ok("u.csv", text, strlen(text), JX_ENC_AUTO);
	(void)state;
	assert_int_equal(b->nevals, 2);
	assert_int_equal(b->evals[0]->nrows, 2);
	assert_true(b->evals[0]->rows[0].weight == 60 && b->evals[0]->rows[0].score == 54);
	assert_int_equal(b->evals[0]->nwarnings, 1);
	assert_int_equal(b->evals[0]->warnings[0].line, 1);
	assert_string_equal(
		b->evals[0]->warnings[0].message,
		"columns not known to jixiao were ignored: '序号', '得分率', '扣分', '备注'");
	assert_int_equal(b->evals[1]->nwarnings, 0); /* one warning per file */
	jx_batch_free(b);
}

static void test_csv_excel__near_misses_refused(void **state)
{
	static const char *const cases[][3] = {
		{"department,year,kind,level1,level2,level3,weigth,score\n",
		 "x.csv:1:7:", "unknown column 'weigth': did you mean 'weight'?"},
		{"部门,年度,类型,一级指标,二级指标,三级指标,权重,得 分\n",
		 "x.csv:1:8:", "unknown column '得 分': did you mean '得分'?"},
		{"部门,年度,类型,一级 指标,二级指标,三级指标,权重,得分\n",
		 "x.csv:1:4:", "did you mean '一级指标'?"},
		{"department,year,Kind,level1,level2,level3,weight,score\n",
		 "x.csv:1:3:", "unknown column 'Kind': did you mean 'kind'?"},
		{"department,year,kind,level1,level2,level3,ｗｅｉｇｈｔ,score\n",
		 "x.csv:1:7:", "did you mean 'weight'?"},
		{"department,year,kind,level1,level2,level,weight,score\n",
		 "x.csv:1:6:", "unknown column 'level': did you mean 'level1'?"},
		{"department,year,kind,level1,level2,level3,weight,score,provenence\n",
		 "x.csv:1:9:", "did you mean 'provenance'?"},
		/* figures files keep refusing every unknown column */
		{"department,year,item,value,unit,note\n", "x.csv:1:6:", "unknown column 'note'"},
	};
	char text[512];
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		snprintf(text, sizeof(text), "%s甲,2023,self,一,二,三,100,1,real\n", cases[i][0]);
		expect_error(text, cases[i][1], cases[i][2]);
	}
}

static char *convert(const char *to, const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t inleft = strlen(utf8), outleft = inleft * 4 + 16;
	char *out = malloc(outleft), *o = out, *in = (char *)utf8;
	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

/* Windows "Unicode 文本" (UTF-16 with a BOM) and GBK, as Excel and WPS save them. */
static void test_csv_excel__utf16_and_gbk(void **state)
{
	static const struct {
		const char *iconv_name, *bom;
		size_t bomlen;
		jx_encoding enc;
	} cases[] = {
		{"UTF-16LE", "\xFF\xFE", 2, JX_ENC_AUTO}, {"UTF-16BE", "\xFE\xFF", 2, JX_ENC_AUTO},
		{"UTF-16LE", "", 0, JX_ENC_UTF16},        {"UTF-16LE", "\xFF\xFE", 2, JX_ENC_UTF8},
		{"GB18030", "", 0, JX_ENC_AUTO},          {"GB18030", "", 0, JX_ENC_GB18030},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		size_t len;
		char *body = convert(cases[i].iconv_name, MACHINE, &len);
		char *text = malloc(len + cases[i].bomlen);
		memcpy(text, cases[i].bom, cases[i].bomlen);
		memcpy(text + cases[i].bomlen, body, len);
		jx_batch_free(same_as_machine("e.csv", text, len + cases[i].bomlen, cases[i].enc));
		free(body);
		free(text);
	}
}

/* The streaming reader (what `jixiao import` uses) gives what the whole-file one gives. */
static void test_csv_excel__streamed_like_whole(void **state)
{
	static const char zh[] =
		"\xEF\xBB\xBF部门,年度,类型,一级指标,二级指标,三级指标,指标解释,权重,得分,备注\r\n"
		"禁毒支队,2023,自评,部门决策 (20分),决策机制,决策制度,是否科学。,20,18,\r\n"
		"禁毒支队,2023,自评,,,决策流程,,30,,x\r\n"
		"禁毒支队,2023,自评,部门管理,预算执行,执行率,,50,45.5,\r\n,,,,,,,,,\r\n";
	char *dir = tu_mkdtemp(), path[600];
	size_t len;
	char *u16 = convert("UTF-16LE", zh + 3, &len), *bom = malloc(len + 2);
	(void)state;
	memcpy(bom, "\xFF\xFE", 2);
	memcpy(bom + 2, u16, len);
	for (int pass = 0; pass < 2; pass++) {
		jx_batch *whole = NULL;
		jx_read_sink none = {NULL, NULL, NULL};
		snprintf(path, sizeof(path), "%s/s%d.csv", dir, pass);
		assert_int_equal(
			pass ? tu_write(path, bom, len + 2) : tu_write(path, zh, strlen(zh)), 0);
		assert_int_equal(jx_read_file(&whole, path, NULL), 0);
		assert_int_equal(whole->nevals, 1);
		assert_int_equal(whole->evals[0]->nrows, 3);
		assert_string_equal(whole->evals[0]->rows[1].key, "部门决策/决策机制/决策流程");
		assert_true(isnan(whole->evals[0]->rows[1].score));
		assert_string_equal(whole->evals[0]->warnings[0].message,
				    "columns not known to jixiao were ignored: '备注'");
		assert_int_equal(jx_read_file_stream(path, NULL, &none, NULL), 0);
		jx_batch_free(whole);
	}
	free(u16);
	free(bom);
	tu_rmdir(dir);
	free(dir);
}

static void test_csv_excel__detect(void **state)
{
	static const struct {
		const char *text;
		jx_input_format want;
	} cases[] = {
		{"department,year,kind,level1\n", JX_INPUT_CSV_SCORES},
		{"\"department\",\"year\",\"item\",\"value\",\"unit\"\n", JX_INPUT_CSV_FIGURES},
		{"# provenance: real\n部门,年度,三级指标,权重,得分\n", JX_INPUT_CSV_SCORES},
		{" 部门 , 年度 ,类型,一级指标,权重,得分\n", JX_INPUT_CSV_SCORES},
		{"部门,年度\n", JX_INPUT_REPORT},                  /* two fields: not a table */
		{"department,year,colour\n", JX_INPUT_CSV_SCORES}, /* refused by the reader */
		{"部门,三级指标,权重,得分\n", JX_INPUT_REPORT},
		{"2023 年度南京市公安局禁毒支队 部门整体绩效自我评价报告\n", JX_INPUT_REPORT},
		{"", JX_INPUT_REPORT},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		if (jx_input_detect(cases[i].text, strlen(cases[i].text)) != cases[i].want)
			fail_msg("case %zu: '%s'", i, cases[i].text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_excel__chinese_headers_and_codes),
		cmocka_unit_test(test_csv_excel__level1_weight_column),
		cmocka_unit_test(test_csv_excel__review_kinds_and_synthetic),
		cmocka_unit_test(test_csv_excel__quote_all_bom_crlf_blank_rows),
		cmocka_unit_test(test_csv_excel__blank_level_cells_carried_down),
		cmocka_unit_test(test_csv_excel__unknown_columns_one_warning),
		cmocka_unit_test(test_csv_excel__near_misses_refused),
		cmocka_unit_test(test_csv_excel__utf16_and_gbk),
		cmocka_unit_test(test_csv_excel__streamed_like_whole),
		cmocka_unit_test(test_csv_excel__detect),
	};
	return cmocka_run_group_tests_name("csv_excel", tests, NULL, NULL);
}
