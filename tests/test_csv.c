/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_csv.c -- the canonical CSV readers through jx_read_buffer: edge cases and errors.
 *
 * Every error case asserts the code, that the message starts with
 * "name:line:" (plus "column:" when one field is at fault) and that it names
 * the problem. Line and column numbers were counted by hand. */
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
#include "ingest/internal.h"

#define HEADER "department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
#define FHEADER "department,year,item,value,unit\n"
/* two rows adding up to 100, the first row on the line after the header */
#define ROW_A                                  \
	"禁毒支队,2023,self,部门决策 " \
	"(20分),决策机制,决策制度的科学性,是否科学可行。,20,18,stated\n"
#define ROW_B "禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,,80,80,\n"

static int read_opts(jx_batch **b, const char *text, const jx_read_options *o)
{
	jx_error_clear();
	return jx_read_buffer(b, "s.csv", text, strlen(text), o);
}

static int read_text(jx_batch **b, const char *text)
{
	return read_opts(b, text, NULL);
}

/* The text must be refused with code, a message starting with prefix and mentioning part. */
static void expect_error(const char *text, int code, const char *prefix, const char *part)
{
	jx_batch *b = (jx_batch *)1;
	int rc = read_text(&b, text);
	const char *msg = jx_error_last();
	if (rc != code)
		fail_msg("expected code %d, got %d (%s) for:\n%s", code, rc, msg, text);
	assert_null(b);
	if (strncmp(msg, prefix, strlen(prefix)) != 0)
		fail_msg("message '%s' does not start with '%s'", msg, prefix);
	if (!strstr(msg, part))
		fail_msg("message '%s' does not mention '%s'", msg, part);
}

static void test_csv__reads_scores(void **state)
{
	jx_batch *b = NULL;
	jx_evaluation *ev;
	(void)state;
	assert_int_equal(read_text(&b, HEADER ROW_A ROW_B), 0);
	assert_int_equal(b->nevals, 1);
	assert_int_equal(b->nfigs, 0);
	assert_string_equal(b->source_name, "s.csv");
	assert_int_equal(strlen(b->source_sha256), 64);
	ev = b->evals[0];
	assert_string_equal(ev->department, "禁毒支队");
	assert_int_equal(ev->year, 2023);
	assert_int_equal(ev->kind, JX_KIND_SELF);
	assert_int_equal(ev->provenance, JX_PROV_REAL);
	assert_int_equal(ev->line, 2);
	assert_int_equal(ev->nrows, 2);
	assert_string_equal(ev->rows[0].level1, "部门决策");
	assert_true(ev->rows[0].level1_weight == 20);
	assert_string_equal(ev->rows[0].level2, "决策机制");
	assert_string_equal(ev->rows[0].level3, "决策制度的科学性");
	assert_string_equal(ev->rows[0].explanation, "是否科学可行。");
	assert_string_equal(ev->rows[0].key, "部门决策/决策机制/决策制度的科学性");
	assert_true(ev->rows[0].weight == 20 && ev->rows[0].score == 18);
	assert_int_equal(ev->rows[0].origin, JX_ORIGIN_STATED);
	assert_int_equal(ev->rows[0].line, 2);
	assert_true(isnan(ev->rows[1].level1_weight));
	assert_string_equal(ev->rows[1].explanation, "");
	assert_int_equal(ev->rows[1].origin, JX_ORIGIN_STATED); /* empty origin = stated */
	assert_int_equal(ev->rows[1].line, 3);
	assert_true(jx_evaluation_weight_sum(ev) == 100 && jx_evaluation_score_sum(ev) == 98);
	jx_batch_free(b);

	/* score_origin is optional as a column */
	assert_int_equal(
		read_text(&b, "department,year,kind,level1,level2,level3,explanation,weight,score\n"
			      "部门,2020,review,甲,乙,丙,,100,60\n"),
		0);
	assert_int_equal(b->evals[0]->kind, JX_KIND_REVIEW);
	assert_true(b->evals[0]->rows[0].score == 60);
	jx_batch_free(b);
}

static void test_csv__bom_crlf_and_cr(void **state)
{
	jx_batch *b = NULL;
	static const char crlf[] =
		"\xEF\xBB\xBF"
		"department,year,kind,level1,level2,level3,explanation,weight,score,score_"
		"origin\r\n"
		"禁毒支队,2023,self,部门决策 "
		"(20分),决策机制,决策制度的科学性,是否科学可行。,20,18,stated\r\n"
		"禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,,80,80,\r\n";
	static const char cr[] =
		"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\r"
		"禁毒支队,2023,self,部门决策,决策机制,决策制度的科学性,,20,18,stated\r"
		"禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,,80,x,\r";
	(void)state;
	assert_int_equal(read_text(&b, crlf), 0);
	assert_int_equal(b->nevals, 1);
	assert_string_equal(b->evals[0]->department, "禁毒支队"); /* the BOM is not in the name */
	assert_int_equal(b->evals[0]->nrows, 2);
	assert_string_equal(b->evals[0]->rows[1].level3, "部门预算执行率"); /* no stray \r */
	assert_true(b->evals[0]->rows[1].score == 80);
	assert_int_equal(b->evals[0]->rows[1].line, 3);
	jx_batch_free(b);
	/* no line end after the last row */
	assert_int_equal(read_text(&b, HEADER ROW_A
				   "禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,,80,80,"),
			 0);
	assert_int_equal(b->evals[0]->nrows, 2);
	assert_string_equal(b->evals[0]->rows[1].level3, "部门预算执行率");
	jx_batch_free(b);
	expect_error(HEADER ROW_A "禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,,80,-1",
		     JX_EPARSE, "s.csv:3:", "expected 10 fields, found 9");
	/* CR-only line ends count lines too: the bad score is on line 3, column 9 */
	expect_error(cr, JX_EPARSE, "s.csv:3:9:", "score 'x' is not a number");
	/* a BOM before the header does not shift columns: column 1 of line 2 */
	expect_error("\xEF\xBB\xBF" HEADER ",2023,self,甲,乙,丙,,100,100,\n", JX_EPARSE,
		     "s.csv:2:1:", "department is empty");
}

static void test_csv__quoted_commas_quotes_and_newlines(void **state)
{
	jx_batch *b = NULL;
	jx_evaluation *ev;
	static const char text[] = HEADER
		"禁毒支队,2023,self,部门决策,决策机制,\"制度,规范\",\"含\"\"引号\"\"与,逗号\",20,"
		"20,stated\n"
		"禁毒支队,2023,self,部门决策,决策机制,流程,\"第一行\n第二行\n第三行\",30,30,\n"
		"禁毒支队,2023,self,部门管理,预算执行,执行率,,50,45,\n";
	(void)state;
	assert_int_equal(read_text(&b, text), 0);
	ev = b->evals[0];
	assert_int_equal(ev->nrows, 3);
	assert_string_equal(ev->rows[0].level3, "制度,规范");
	assert_string_equal(ev->rows[0].explanation, "含\"引号\"与,逗号");
	assert_string_equal(ev->rows[1].explanation, "第一行\n第二行\n第三行");
	assert_int_equal(ev->rows[1].line, 3);
	assert_int_equal(ev->rows[2].line, 6); /* the quoted field took lines 3-5 */
	jx_batch_free(b);

	/* an error after a multi-line field names the physical line of its row */
	expect_error(HEADER "禁毒支队,2023,self,部门决策,决策机制,流程,\"第一行\n第二行\",50,50,\n"
			    "禁毒支队,2023,self,部门管理,预算执行,执行率,,五十,45,\n",
		     JX_EPARSE, "s.csv:4:8:", "weight '五十' is not a number");
	/* a line break inside a name is refused (names are keys), at the row's first line */
	expect_error(HEADER "禁毒支队,2023,self,部门决策,决策机制,\"流\n程\",,100,50,\n", JX_EPARSE,
		     "s.csv:2:6:", "level3 contains a line break");
}

static void test_csv__bad_numbers(void **state)
{
	(void)state;
	expect_error(HEADER "甲,2023,self,一,二,三,,abc,1,\n", JX_EPARSE,
		     "s.csv:2:8:", "weight 'abc' is not a number");
	expect_error(HEADER "甲,2023,self,一,二,三,,100,1e1,\n", JX_EPARSE,
		     "s.csv:2:9:", "score '1e1' is not a number");
	expect_error(HEADER "甲,2023,self,一,二,三,,100,nan,\n", JX_EPARSE,
		     "s.csv:2:9:", "score 'nan' is not a number");
	expect_error(HEADER "甲,2023,self,一,二,三,,0x64,1,\n", JX_EPARSE,
		     "s.csv:2:8:", "is not a number");
	expect_error(HEADER "甲,2023,self,一,二,三,,100,1.2.3,\n", JX_EPARSE,
		     "s.csv:2:9:", "is not a number");
	expect_error(HEADER "甲,二〇二三,self,一,二,三,,100,1,\n", JX_EPARSE,
		     "s.csv:2:2:", "is not a year");
}

static void test_csv__weights_and_scores_checked(void **state)
{
	(void)state;
	expect_error(HEADER ROW_A "禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,,80,81,\n",
		     JX_EPARSE, "s.csv:3:9:", "score 81 is above its weight 80");
	expect_error(HEADER "甲,2023,self,一,二,三,,100,-1,\n", JX_EPARSE,
		     "s.csv:2:9:", "score -1 is negative");
	expect_error(HEADER "甲,2023,self,一,二,三,,0,0,\n", JX_EPARSE,
		     "s.csv:2:8:", "weight must be greater than 0");
	expect_error(HEADER "甲,2023,self,一,二,三,,-5,0,\n", JX_EPARSE,
		     "s.csv:2:8:", "weight must be greater than 0");
	expect_error(HEADER "甲,0,self,一,二,三,,100,1,\n", JX_EPARSE,
		     "s.csv:2:2:", "year '0' is not a year");
	expect_error(HEADER "甲,99999,self,一,二,三,,100,1,\n", JX_EPARSE,
		     "s.csv:2:2:", "year '99999' is not a year");
	expect_error(HEADER "甲,2023.5,self,一,二,三,,100,1,\n", JX_EPARSE,
		     "s.csv:2:2:", "is not a year");
	expect_error(HEADER "甲,2023,annual,一,二,三,,100,1,\n", JX_EPARSE,
		     "s.csv:2:3:", "kind must be self or review");
	expect_error(HEADER "甲,2023,self,一,二,,,100,1,\n", JX_EPARSE,
		     "s.csv:2:6:", "level3 is empty");
	expect_error(HEADER "甲,2023,self,,二,三,,100,1,\n", JX_EPARSE,
		     "s.csv:2:4:", "level1 is empty");
}

static void test_csv__missing_scores_and_origin(void **state)
{
	jx_batch *b = NULL;
	jx_evaluation *ev;
	(void)state;
	assert_int_equal(read_text(&b, HEADER "甲,2023,self,一,二,三,,60,,\n"
					      "甲,2023,self,一,二,四,,30,,missing\n"
					      "甲,2023,self,一,二,五,,10,10,inferred\n"),
			 0);
	ev = b->evals[0];
	assert_int_equal(ev->rows[0].origin, JX_ORIGIN_MISSING);
	assert_true(isnan(ev->rows[0].score));
	assert_int_equal(ev->rows[1].origin, JX_ORIGIN_MISSING);
	assert_int_equal(ev->rows[2].origin, JX_ORIGIN_INFERRED);
	assert_true(ev->rows[2].score == 10);
	assert_true(jx_evaluation_score_sum(ev) == 10); /* missing scores are skipped */
	jx_batch_free(b);

	expect_error(HEADER "甲,2023,self,一,二,三,,100,,stated\n", JX_EPARSE,
		     "s.csv:2:9:", "score is empty but score_origin is 'stated'");
	expect_error(HEADER "甲,2023,self,一,二,三,,100,,inferred\n", JX_EPARSE,
		     "s.csv:2:9:", "score is empty but score_origin is 'inferred'");
	expect_error(HEADER "甲,2023,self,一,二,三,,100,5,missing\n", JX_EPARSE,
		     "s.csv:2:10:", "score_origin is 'missing' but score is '5'");
	expect_error(HEADER "甲,2023,self,一,二,三,,100,5,guessed\n", JX_EPARSE,
		     "s.csv:2:10:", "score_origin must be stated, inferred or missing");
}

static void test_csv__header_problems(void **state)
{
	(void)state;
	expect_error("department,year,kind,level1,level2,level3,explanation,weight\n"
		     "甲,2023,self,一,二,三,,100\n",
		     JX_EPARSE, "s.csv:1:", "missing column 'score'");
	expect_error("# provenance: real\n"
		     "department,year,level1,level2,level3,weight,score\n"
		     "甲,2023,一,二,三,100,1\n",
		     JX_EPARSE, "s.csv:2:", "missing column 'kind'");
	/* a near miss of a known column is refused (an unknown one is ignored: test_csv_excel) */
	expect_error(
		"department,year,kind,level1,level2,level3,explanation,weigth,score,score_origin\n"
		"甲,2023,self,一,二,三,,100,1,\n",
		JX_EPARSE, "s.csv:1:8:", "unknown column 'weigth': did you mean 'weight'?");
	expect_error("department,year,kind,level1,level2,level3,explanation,weight,score,weight\n"
		     "甲,2023,self,一,二,三,,100,1,100\n",
		     JX_EPARSE, "s.csv:1:10:", "column 'weight' appears twice");
	/* an extra field in one row */
	expect_error(HEADER ROW_A
		     "禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,,80,80,,多余\n",
		     JX_EPARSE, "s.csv:3:", "expected 10 fields, found 11");
	/* a missing field in one row */
	expect_error(HEADER ROW_A "禁毒支队,2023,self,部门管理,预算执行,部门预算执行率,80,80,\n",
		     JX_EPARSE, "s.csv:3:", "expected 10 fields, found 9");
	expect_error(HEADER "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,"
			    "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,"
			    "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z\n",
		     JX_EPARSE, "s.csv:2:", "more than 64 fields");
}

static void test_csv__provenance(void **state)
{
	jx_batch *b = NULL;
	(void)state;
	assert_int_equal(read_text(&b, "# 合成数据 synthetic data: made up\n"
				       "# provenance: synthetic\n" HEADER
				       "示例局,2020,self,一,二,三,,100,99,\n"),
			 0);
	assert_int_equal(b->evals[0]->provenance, JX_PROV_SYNTHETIC);
	assert_int_equal(b->evals[0]->line, 4);
	assert_int_equal(b->evals[0]->rows[0].line, 4);
	jx_batch_free(b);
	assert_int_equal(
		read_text(&b, "# provenance: real\n" HEADER "甲,2020,self,一,二,三,,100,99,\n"), 0);
	assert_int_equal(b->evals[0]->provenance, JX_PROV_REAL);
	jx_batch_free(b);
	/* a provenance column, row by row */
	assert_int_equal(read_text(&b,
				   "department,year,kind,level1,level2,level3,explanation,weight,"
				   "score,score_origin,provenance\n"
				   "甲,2020,self,一,二,三,,100,99,stated,real\n"
				   "乙,2020,self,一,二,三,,100,98,stated,synthetic\n"),
			 0);
	assert_int_equal(b->nevals, 2);
	assert_int_equal(b->evals[0]->provenance, JX_PROV_REAL);
	assert_int_equal(b->evals[1]->provenance, JX_PROV_SYNTHETIC);
	jx_batch_free(b);
	expect_error(
		"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin,"
		"provenance\n甲,2020,self,一,二,三,,50,50,stated,real\n"
		"甲,2020,self,一,二,四,,50,50,stated,synthetic\n",
		JX_EPARSE, "s.csv:3:11:", "provenance differs within one evaluation");
	expect_error(
		"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin,"
		"provenance\n甲,2020,self,一,二,三,,100,50,stated,fake\n",
		JX_EPARSE, "s.csv:2:11:", "provenance must be real or synthetic");
}

static void test_csv__duplicate_indicator_names_both_lines(void **state)
{
	(void)state;
	/* “三公” and 三公 are the same indicator once normalised */
	expect_error(HEADER "甲,2023,self,部门管理,预算执行,“三公”经费控制率,,50,50,\n"
			    "甲,2023,self,部门管理,预算执行,部门预算执行率,,25,25,\n"
			    "甲,2023,self,部门管理 (100分),预算执行,三公经费控制率,,25,25,\n",
		     JX_EPARSE, "s.csv:4:6:",
		     "duplicate indicator '部门管理/预算执行/三公经费控制率' (also on line 2)");
}

static void test_csv__weights_must_add_up(void **state)
{
	jx_batch *b = NULL;
	jx_read_options o = jx_read_options_default();
	(void)state;
	/* the second evaluation (first row on line 4) adds up to 90 */
	expect_error(HEADER "甲,2022,self,一,二,三,,60,60,\n"
			    "甲,2022,self,一,二,四,,40,40,\n"
			    "甲,2023,self,一,二,三,,60,60,\n"
			    "甲,2023,self,一,二,四,,30,30,\n",
		     JX_EPARSE, "s.csv:4:", "weights of 甲 2023 self add up to 90, not 100");
	/* rows of one evaluation need not be adjacent */
	assert_int_equal(read_text(&b, HEADER "甲,2022,self,一,二,三,,60,60,\n"
					      "甲,2023,self,一,二,三,,60,60,\n"
					      "甲,2022,self,一,二,四,,40,40,\n"
					      "甲,2023,self,一,二,四,,40,40,\n"),
			 0);
	assert_int_equal(b->nevals, 2);
	assert_int_equal(b->evals[0]->nrows, 2);
	assert_int_equal(b->evals[1]->nrows, 2);
	jx_batch_free(b);
	/* a declared total other than 100 */
	o.total_weight = 50;
	assert_int_equal(read_opts(&b,
				   HEADER "甲,2022,self,一,二,三,,30,30,\n"
					  "甲,2022,self,一,二,四,,20,20,\n",
				   &o),
			 0);
	jx_batch_free(b);
	assert_int_equal(read_opts(&b, HEADER "甲,2022,self,一,二,三,,30,30,\n", &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "add up to 30, not 50"));
}

static void test_csv__malformed_and_empty(void **state)
{
	jx_batch *b = (jx_batch *)1;
	(void)state;
	/* a quote that is never closed: the row starts on line 3 */
	expect_error(HEADER ROW_A "禁毒支队,2023,self,\"部门管理,预算执行,部门预算执行率,,80,80,\n",
		     JX_EPARSE, "s.csv:3:", "never closed");
	/* a quote inside an unquoted field */
	expect_error(HEADER ROW_A "禁毒支队,2023,self,部门\"管理,预算执行,部门预算执行率,,80,80,\n",
		     JX_EPARSE, "s.csv:3:", "malformed CSV");
	/* text after a closing quote */
	expect_error(HEADER "甲,2023,self,\"一\"x,二,三,,100,1,\n", JX_EPARSE,
		     "s.csv:2:", "malformed CSV");
	expect_error("", JX_EPARSE, "s.csv:1:", "empty file");
	expect_error(HEADER, JX_EPARSE, "s.csv:1:", "no data rows");
	expect_error("# provenance: real\n" HEADER "\n\n", JX_EPARSE, "s.csv:", "no data rows");
	/* the CSV reader itself, without the format detection */
	jx_error_clear();
	assert_int_equal(jx_csv_read_scores(&b, "d.csv", "", 0, NULL), JX_EPARSE);
	assert_null(b);
	assert_non_null(strstr(jx_error_last(), "d.csv:1: empty file"));
	assert_int_equal(jx_csv_read_scores(&b, "d.csv", "# only a comment\n", 17, NULL),
			 JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "no header"));
}

/* --dept/--year/--kind supply what a file lacks; a file stating other values is refused,
 * naming both, unless relabel; equal values are no conflict (issue 13.9). */
static void test_csv__overrides(void **state)
{
	static const char *const no_dept = HEADER
		",2023,self,部门决策,决策机制,决策制度的科学性,,20,18,stated\n"
		",2023,self,部门管理,预算执行,部门预算执行率,,80,80,stated\n";
	jx_batch *b = NULL;
	jx_read_options o = jx_read_options_default();
	(void)state;
	o.department = "另一个部门";
	o.year = 2019;
	o.kind = JX_KIND_REVIEW;
	assert_int_equal(read_opts(&b, HEADER ROW_A ROW_B, &o), JX_EPARSE);
	assert_null(b);
	assert_string_equal(jx_error_last(),
			    "s.csv:2: the file says department 禁毒支队, --dept says "
			    "另一个部门; give --relabel to replace what the file says");
	o.department = "禁毒支队";
	assert_int_equal(read_opts(&b, HEADER ROW_A ROW_B, &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "the file says year 2023, --year says 2019"));
	o.year = 2023;
	assert_int_equal(read_opts(&b, HEADER ROW_A ROW_B, &o), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "the file says kind self, --kind says review"));
	/* a file whose department cells are empty: --dept supplies them */
	o.department = "另一个部门";
	o.kind = -1;
	assert_int_equal(read_opts(&b, no_dept, &o), 0);
	assert_string_equal(b->evals[0]->department, "另一个部门");
	jx_batch_free(b);
	o.kind = JX_KIND_REVIEW;
	o.year = 2019;
	o.relabel = 1;
	assert_int_equal(read_opts(&b, HEADER ROW_A ROW_B, &o), 0);
	assert_string_equal(b->evals[0]->department, "另一个部门");
	assert_int_equal(b->evals[0]->year, 2019);
	assert_int_equal(b->evals[0]->kind, JX_KIND_REVIEW);
	jx_batch_free(b);
}

static void test_csv__figures(void **state)
{
	jx_batch *b = NULL;
	int64_t c = 0;
	(void)state;
	assert_int_equal(read_text(&b, FHEADER "禁毒支队,2023,budget_total,3563.83,万元\n"
					       "禁毒支队,2023,budget_basic,2904.67,万元\n"
					       "禁毒支队,2023,staff_in_post,59,人\n"
					       "禁毒支队,2023,special_funds,820,\n"
					       "禁毒支队,2023,self_score,97.5,分\n"
					       "禁毒支队,2022,vehicles_actual,14,辆\n"),
			 0);
	assert_int_equal(b->nevals, 0);
	assert_int_equal(b->nfigs, 2);
	assert_int_equal(b->figs[0]->year, 2023);
	assert_int_equal(b->figs[0]->nitems, 5);
	assert_int_equal(jx_figures_get(b->figs[0], "budget_total", &c), 1);
	assert_true(c == 356383);
	assert_int_equal(jx_figures_get(b->figs[0], "budget_basic", &c), 1);
	assert_true(c == 290467);
	assert_int_equal(jx_figures_get(b->figs[0], "staff_in_post", &c), 1);
	assert_true(c == 5900);
	assert_int_equal(jx_figures_get(b->figs[0], "special_funds", &c),
			 1); /* empty unit is fine */
	assert_true(c == 82000);
	assert_int_equal(jx_figures_get(b->figs[0], "self_score", &c), 1);
	assert_true(c == 9750);
	assert_int_equal(jx_figures_get(b->figs[0], "income_total", &c), 0);
	/* items in canonical order whatever the file order */
	assert_string_equal(b->figs[0]->items[0].item, "budget_total");
	assert_string_equal(b->figs[0]->items[4].item, "self_score");
	assert_int_equal(jx_figures_get(b->figs[1], "vehicles_actual", &c), 1);
	assert_true(c == 1400);
	jx_batch_free(b);

	expect_error(FHEADER "甲,2023,budget_totl,1,万元\n", JX_EPARSE,
		     "s.csv:2:3:", "unknown figure item 'budget_totl'");
	expect_error(FHEADER "甲,2023,budget_total,1,元\n", JX_EPARSE,
		     "s.csv:2:5:", "unit of budget_total must be 万元, not '元'");
	expect_error(FHEADER "甲,2023,staff_in_post,59.5,人\n", JX_EPARSE,
		     "s.csv:2:4:", "staff_in_post is a count and must be a whole number");
	expect_error(FHEADER "甲,2023,budget_total,1.234,万元\n", JX_EPARSE,
		     "s.csv:2:4:", "more than two decimal places");
	expect_error(FHEADER "甲,2023,budget_total,-3,万元\n", JX_EPARSE,
		     "s.csv:2:4:", "must not be negative");
	expect_error(FHEADER "甲,2023,budget_total,很多,万元\n", JX_EPARSE,
		     "s.csv:2:4:", "is not a number");
	expect_error(FHEADER "甲,2023,budget_total,1,万元\n甲,2024,budget_total,2,万元\n"
			     "甲,2023,budget_total,1.5,万元\n",
		     JX_EPARSE,
		     "s.csv:4:3:", "budget_total of 甲 2023 given twice (also on line 2)");
	expect_error(FHEADER "甲,1899,budget_total,1,万元\n", JX_EPARSE,
		     "s.csv:2:2:", "not a year");
	expect_error("department,year,item,value\n甲,2023,budget_total,1\n", JX_EPARSE,
		     "s.csv:1:", "missing column 'unit'");
}

static char *to_gb18030(const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = strlen(utf8), outleft = inleft * 2 + 16;
	char *out = malloc(outleft + 1), *o = out, *in = (char *)utf8;
	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

/* GB18030/GBK CSV (as Excel saves "CSV" on a Chinese Windows) is detected like report
 * text; --encoding gb18030 says so explicitly, --encoding utf-8 refuses it. */
static void test_csv__gb18030_read(void **state)
{
	jx_read_options o = jx_read_options_default();
	jx_batch *b = (jx_batch *)1;
	size_t len;
	char *gb = to_gb18030(HEADER ROW_A ROW_B, &len);
	(void)state;
	for (int pass = 0; pass < 2; pass++) {
		o.encoding = pass == 0 ? JX_ENC_AUTO : JX_ENC_GB18030;
		assert_int_equal(jx_read_buffer(&b, "gb.csv", gb, len, &o), 0);
		assert_string_equal(b->evals[0]->department, "禁毒支队");
		assert_string_equal(b->evals[0]->rows[0].level1, "部门决策");
		assert_true(b->evals[0]->rows[0].level1_weight == 20);
		assert_true(jx_evaluation_score_sum(b->evals[0]) == 98);
		jx_batch_free(b);
	}
	o.encoding = JX_ENC_UTF8;
	jx_error_clear();
	assert_int_equal(jx_read_buffer(&b, "gb.csv", gb, len, &o), JX_EPARSE);
	assert_null(b);
	assert_true(strncmp(jx_error_last(), "gb.csv:2:", 9) == 0);
	assert_non_null(strstr(jx_error_last(), "invalid UTF-8"));
	free(gb);
}

static void test_csv__write_field_quoting(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	(void)state;
	jx_csv_write_field(f, "plain");
	fputc('|', f);
	jx_csv_write_field(f, "a,b");
	fputc('|', f);
	jx_csv_write_field(f, "q\"q");
	fputc('|', f);
	jx_csv_write_field(f, "two\nlines");
	fputc('|', f);
	jx_csv_write_field(f, " lead");
	fputc('|', f);
	jx_csv_write_field(f, "");
	fclose(f);
	assert_string_equal(buf, "plain|\"a,b\"|\"q\"\"q\"|\"two\nlines\"|\" lead\"|");
	free(buf);
}

/* Project columns: a project evaluation with its fund row on top of 100 (110 in
 * all) or inside it; targets parsed; a missing fund row with 110 is refused. */
#define PHEADER                                                                                    \
	"department,year,kind,level1,level2,level3,explanation,weight,score,score_origin,project," \
	"target,actual,reason\n"
#define PROW(year, l1, l2, l3, w, s, target, actual, reason)                                 \
	"县教育局," year ",self," l1 "," l2 "," l3 ",," w "," s ",,2023年营养餐补助," target \
	"," actual "," reason "\n"

/* The staffing column: the evaluation's, under its Chinese name too; rows that leave it
 * empty keep the evaluation's; two different texts in one evaluation are refused. */
static void test_csv__staffing_column(void **state)
{
	static const char head[] = "部门,年度,类型,一级指标,二级指标,三级指标,分值,得分,人员情况\n";
	jx_batch *b = NULL;
	char text[1024];
	(void)state;
	snprintf(text, sizeof(text),
		 "%s甲局,2023,自评,a,b,c,60,50,\n甲局,2023,自评,a,b,d,40,40,"
		 "在职人员 9 人。\n",
		 head);
	assert_int_equal(read_text(&b, text), 0);
	assert_string_equal(b->evals[0]->staffing, "在职人员 9 人。");
	jx_batch_free(b);
	snprintf(text, sizeof(text),
		 "%s甲局,2023,自评,a,b,c,60,50,在职人员 9 人。\n甲局,2023,自评,"
		 "a,b,d,40,40,在职人员 8 人。\n",
		 head);
	expect_error(text, JX_EPARSE, "s.csv:3:9: ", "staffing differs within one evaluation");
}

static void test_csv__project_columns(void **state)
{
	jx_batch *b = NULL;
	jx_evaluation *ev;
	(void)state;
	/* 10 + 100: the fund row on top, as some tables count it */
	assert_int_equal(read_text(&b,
				   PHEADER PROW("2023", "项目资金", "年度资金总额", "预算执行率",
						"10", "9", "", "", "")
					   PROW("2023", "产出指标", "数量指标", "受益人数", "60",
						"60", "≥1000人", "1200人", "")
						   PROW("2023", "产出指标", "时效指标", "完成时间",
							"40", "30", "9月前", "10月", "雨季延误")),
			 0);
	assert_int_equal(b->nevals, 1);
	ev = b->evals[0];
	assert_string_equal(ev->project, "2023年营养餐补助");
	assert_int_equal(ev->nrows, 3);
	assert_true(jx_indicator_is_fund(&ev->rows[0]));
	assert_null(ev->rows[0].target);
	assert_int_equal(ev->rows[1].completion, JX_DONE_MET);
	assert_int_equal(ev->rows[2].completion, JX_DONE_MISSED);
	assert_true(ev->rows[2].target_q.value == 20230900);
	assert_string_equal(ev->rows[2].reason, "雨季延误");
	jx_batch_free(b);
	/* without a fund row 110 does not add up */
	expect_error(
		PHEADER PROW("2023", "产出指标", "数量指标", "受益人数", "70", "60", "", "", "")
			PROW("2023", "产出指标", "时效指标", "完成时间", "40", "30", "", "", ""),
		JX_EPARSE, "s.csv:2:", "with or without the fund row");
	/* the same rows without a project are a department evaluation: 110 is refused */
	expect_error(HEADER "县教育局,2023,self,项目资金,年度资金总额,预算执行率,,10,9,\n"
			    "县教育局,2023,self,产出指标,数量指标,受益人数,,100,90,\n",
		     JX_EPARSE, "s.csv:2:", "add up to 110, not 100");
	/* a line break inside a reason is text; inside a project name it is refused */
	assert_int_equal(read_text(&b, PHEADER "县教育局,2023,self,产出指标,数量指标,受益人数,,100,"
					       "90,,营养餐,1000人,900人,\"第一行\n第二行\"\n"),
			 0);
	assert_string_equal(b->evals[0]->rows[0].reason, "第一行\n第二行");
	jx_batch_free(b);
	expect_error(PHEADER "县教育局,2023,self,产出指标,数量指标,受益人数,,100,90,,\"营\n养\","
			     ",,\n",
		     JX_EPARSE, "s.csv:2:11:", "project contains a line break");
}

/* A project's figures: money in 元, 万元 converted exactly (6 decimals), the project
 * column required for project items and refused for department items. */
static void test_csv__project_figures(void **state)
{
	jx_batch *b = NULL;
	int64_t c = 0;
	(void)state;
	assert_int_equal(read_text(&b, "department,year,item,value,unit,project\n"
				       "县教育局,2023,project_budget,123.456789,万元,校舍维修\n"
				       "县教育局,2023,project_executed,1000000.5,元,校舍维修\n"
				       "县教育局,2023,project_execution_rate,81.01,%,校舍维修\n"
				       "县教育局,2023,budget_total,3563.83,万元,\n"),
			 0);
	assert_int_equal(b->nfigs, 2);
	assert_string_equal(b->figs[0]->project, "校舍维修");
	assert_int_equal(jx_figures_get(b->figs[0], "project_budget", &c), 1);
	assert_true(c == 123456789); /* 1,234,567.89 元 */
	assert_int_equal(jx_figures_get(b->figs[0], "project_executed", &c), 1);
	assert_true(c == 100000050);
	assert_int_equal(jx_figures_get(b->figs[0], "project_execution_rate", &c), 1);
	assert_true(c == 8101);
	assert_null(b->figs[1]->project);
	assert_int_equal(jx_figures_get(b->figs[1], "budget_total", &c), 1);
	assert_true(c == 356383); /* department figures stay in hundredths of 万元 */
	jx_batch_free(b);
	expect_error("department,year,item,value,unit,project\n"
		     "县教育局,2023,project_budget,1.2345678,万元,校舍维修\n",
		     JX_EPARSE, "s.csv:2:4:", "more than 6 decimal places");
	expect_error("department,year,item,value,unit,project\n"
		     "县教育局,2023,project_budget,100,元,\n",
		     JX_EPARSE, "s.csv:2:3:", "project column must name it");
	expect_error("department,year,item,value,unit,project\n"
		     "县教育局,2023,budget_total,100,万元,校舍维修\n",
		     JX_EPARSE, "s.csv:2:3:", "must be empty");
	expect_error("department,year,item,value,unit,project\n"
		     "县教育局,2023,project_execution_rate,81,万元,校舍维修\n",
		     JX_EPARSE, "s.csv:2:5:", "unit of project_execution_rate must be %");
	expect_error("department,year,item,value,unit,target\n"
		     "县教育局,2023,budget_total,100,万元,1\n",
		     JX_EPARSE, "s.csv:1:6:", "unknown column 'target'");
}

/* ---- the row reader shared with alias files (csv_rows.c) ---- */

typedef struct {
	char seen[512];
	int comments;
	int fail_at; /* row number whose callback fails, 0 none */
	int rows;
} rows_log;

static int log_row(void *ctx, jx__csv_rows *t)
{
	rows_log *g = ctx;
	size_t n = strlen(g->seen);
	snprintf(g->seen + n, sizeof(g->seen) - n, "%d:", t->row_line);
	for (size_t i = 0; i < t->nfields; i++) {
		n = strlen(g->seen);
		snprintf(g->seen + n, sizeof(g->seen) - n, "[%s]", t->fields[i]);
	}
	n = strlen(g->seen);
	snprintf(g->seen + n, sizeof(g->seen) - n, "%s;", t->too_many ? "+" : "");
	return ++g->rows == g->fail_at ? jx__error(JX_EINVAL, "row %d refused", g->rows) : 0;
}

static void log_comment(void *ctx, const char *text, size_t len)
{
	rows_log *g = ctx;
	size_t n = strlen(g->seen);
	snprintf(g->seen + n, sizeof(g->seen) - n, "#%.*s;", (int)len, text);
	g->comments++;
}

static int read_rows(rows_log *g, const char *text, int comments)
{
	jx__csv_rows t;
	int rc;
	memset(g->seen, 0, sizeof(g->seen));
	g->rows = 0;
	assert_int_equal(jx__csv_rows_init(&t, "r.csv", log_row, comments ? log_comment : NULL, g),
			 0);
	/* fed in two pieces of whole lines, as the streaming reader does */
	const char *cut = strchr(text, '\n');
	size_t first = cut ? (size_t)(cut - text) + 1 : strlen(text);
	if ((rc = jx__csv_rows_feed(&t, text, first)) == 0 &&
	    (rc = jx__csv_rows_feed(&t, text + first, strlen(text) - first)) == 0)
		rc = jx__csv_rows_finish(&t);
	jx__csv_rows_free(&t);
	return rc;
}

static void test_csv__rows_with_their_lines(void **state)
{
	rows_log g = {{0}, 0, 0, 0};
	char many[2 * JX__CSV_MAX_FIELDS + 16] = ""; /* "x,x,…": two bytes a field */
	(void)state;
	/* comments only before the first row; a quoted field over two lines; a blank
	 * line; the last row without a line end */
	assert_int_equal(read_rows(&g, "# one\n#two\na,\"b\nc\",\nd,\"#e\"\n\n#f,g\nh", 1), 0);
	assert_string_equal(g.seen, "# one;#two;3:[a][b\nc][];5:[d][#e];7:[#f][g];8:[h];");
	/* without a comment callback the comments are skipped, lines still counted */
	assert_int_equal(read_rows(&g, "#x\n#y\na,b\n", 0), 0);
	assert_string_equal(g.seen, "3:[a][b];");
	/* more fields than the reader keeps */
	for (int i = 0; i < JX__CSV_MAX_FIELDS + 2; i++)
		strcat(many, i ? ",x" : "x");
	assert_int_equal(read_rows(&g, many, 0), 0);
	assert_non_null(strstr(g.seen, "+;"));
	/* an unclosed quote names the line its row starts on */
	assert_int_equal(read_rows(&g, "a\nb,\"c\nd\n", 0), JX_EPARSE);
	assert_string_equal(jx_error_last(), "r.csv:2: malformed CSV: error parsing data while "
					     "strict checking enabled (a quoted field is never "
					     "closed)");
	/* a row callback's error stops the reading and is returned */
	g.fail_at = 2;
	assert_int_equal(read_rows(&g, "a\nb\nc\n", 0), JX_EINVAL);
	assert_string_equal(g.seen, "1:[a];2:[b];");
	assert_string_equal(jx_error_last(), "row 2 refused");
}

/* The same text with LF line ends (lines without a quote are split by csv_rows.c itself) and
 * with CRLF line ends (every line goes to libcsv) gives the rows written out by hand. */
static void rows_both_ways(const char *lf, const char *want)
{
	rows_log g = {{0}, 0, 0, 0};
	char crlf[512];
	size_t k = 0;
	for (const char *p = lf; *p && k + 2 < sizeof(crlf); p++) {
		if (*p == '\n')
			crlf[k++] = '\r';
		crlf[k++] = *p;
	}
	crlf[k] = '\0';
	assert_int_equal(read_rows(&g, lf, 0), 0);
	assert_string_equal(g.seen, want);
	assert_int_equal(read_rows(&g, crlf, 0), 0);
	assert_string_equal(g.seen, want);
}

static void test_csv__plain_lines_split_as_libcsv(void **state)
{
	rows_log g = {{0}, 0, 0, 0};
	char many[2 * JX__CSV_MAX_FIELDS + 16] = "";
	(void)state;
	/* spaces and tabs around fields go, inside them stay; empty fields; a line of only
	 * spaces is no row (and the next row names its own line) */
	rows_both_ways(" a , b c\t,\t\t,d  \n,\n \t \n\ne,\n", "1:[a][b c][][d];2:[][];5:[e][];");
	/* invisible characters leave a field after its spaces are trimmed */
	rows_both_ways("a\xE2\x80\x8B ,\xEF\xBB\xBF b,\xE2\x80\x94\n", "1:[a][ b][\xE2\x80\x94];");
	/* a quote sends the line to libcsv; a row over two lines, then plain lines again */
	assert_int_equal(read_rows(&g, "x,\" q \"\ny,\"1\n2\",z\nw\n", 0), 0);
	assert_string_equal(g.seen, "1:[x][ q ];2:[y][1\n2][z];4:[w];");
	/* more fields than the reader keeps, on a plain line */
	for (int i = 0; i < JX__CSV_MAX_FIELDS + 2; i++)
		strcat(many, i ? ",x" : "x");
	strcat(many, "\n");
	assert_int_equal(read_rows(&g, many, 0), 0);
	assert_non_null(strstr(g.seen, "+;"));
	/* a quote inside an unquoted field is refused, as libcsv refuses it */
	assert_int_equal(read_rows(&g, "a\nb,c\"d\n", 0), JX_EPARSE);
	assert_string_equal(jx_error_last(), "r.csv:2: malformed CSV: error parsing data while "
					     "strict checking enabled");
}

static void test_csv__alias_files(void **state)
{
	const char ok[] = "# provenance: synthetic\nold,new\n旧/名,新/名\n\"a,b\",c\n";
	jx_alias_pair *p = NULL;
	size_t n = 0;
	(void)state;
	assert_int_equal(jx_alias_file_read(&p, &n, "al.csv", ok, strlen(ok)), 0);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].old_key, "旧/名");
	assert_string_equal(p[0].new_key, "新/名");
	assert_int_equal(p[0].line, 3);
	assert_string_equal(p[1].old_key, "a,b");
	assert_int_equal(p[1].line, 4);
	jx_alias_pairs_free(p, n);
	assert_int_equal(jx_alias_file_read(&p, &n, "al.csv", "from,to\na,b\n", 12), JX_EPARSE);
	assert_string_equal(jx_error_last(), "al.csv:1: header must be 'old,new'");
	assert_null(p);
	assert_int_equal(jx_alias_file_read(&p, &n, "al.csv", "old,new\na,b\nc\n", 14), JX_EPARSE);
	assert_string_equal(jx_error_last(), "al.csv:3: expected 2 fields (old,new)");
	assert_int_equal(jx_alias_file_read(&p, &n, "al.csv", "old,new\n\"a,b\n", 13), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "al.csv:2: malformed CSV"));
	assert_int_equal(n, 0);
}

/* Invisible and direction characters that web pages and Word files carry are removed from
 * names as they are read, so look-alike departments and indicators are one (issue 13.11). */
static void test_csv__names_lose_invisible_characters(void **state)
{
	static const char *const text = HEADER
		"禁毒\xE2\x80\x8B支队,2023,self,部门\xE2\x80\xAE决策,决策机制,决策制度,,20,18,"
		"stated\n"
		"\xEF\xBB\xBF禁毒支队\xE2\x81\xA6,2023,self,部门管理,预算\xE2\x80\x8E执行,执行率,,"
		"80,"
		"80,stated\n";
	jx_batch *b = NULL;
	(void)state;
	assert_int_equal(read_text(&b, text), 0);
	assert_int_equal(b->nevals, 1); /* one department, not two look-alikes */
	assert_string_equal(b->evals[0]->department, "禁毒支队");
	assert_string_equal(b->evals[0]->rows[0].level1, "部门决策");
	assert_string_equal(b->evals[0]->rows[1].level2, "预算执行");
	assert_string_equal(b->evals[0]->rows[1].key, "部门管理/预算执行/执行率");
	jx_batch_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv__names_lose_invisible_characters),
		cmocka_unit_test(test_csv__reads_scores),
		cmocka_unit_test(test_csv__bom_crlf_and_cr),
		cmocka_unit_test(test_csv__quoted_commas_quotes_and_newlines),
		cmocka_unit_test(test_csv__bad_numbers),
		cmocka_unit_test(test_csv__weights_and_scores_checked),
		cmocka_unit_test(test_csv__missing_scores_and_origin),
		cmocka_unit_test(test_csv__header_problems),
		cmocka_unit_test(test_csv__provenance),
		cmocka_unit_test(test_csv__duplicate_indicator_names_both_lines),
		cmocka_unit_test(test_csv__weights_must_add_up),
		cmocka_unit_test(test_csv__malformed_and_empty),
		cmocka_unit_test(test_csv__overrides),
		cmocka_unit_test(test_csv__figures),
		cmocka_unit_test(test_csv__gb18030_read),
		cmocka_unit_test(test_csv__write_field_quoting),
		cmocka_unit_test(test_csv__project_columns),
		cmocka_unit_test(test_csv__staffing_column),
		cmocka_unit_test(test_csv__project_figures),
		cmocka_unit_test(test_csv__rows_with_their_lines),
		cmocka_unit_test(test_csv__plain_lines_split_as_libcsv),
		cmocka_unit_test(test_csv__alias_files),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
