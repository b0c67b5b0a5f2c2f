/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c -- names and canonical keys, edit distance, widths, exact numbers, decoding.
 *
 * Every expected value below was worked out by hand (or, for GB18030 bytes,
 * produced by iconv in the test itself), not taken from the code under test. */
#include <iconv.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "jixiao.h"
#include "testutil.h"
#include "text/internal.h"

/* Assert that normalising in gives want. */
static void check_norm(const char *in, const char *want)
{
	char *got = jx_name_normalize(in);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void check_prefix(const char *msg, const char *prefix)
{
	if (strncmp(msg, prefix, strlen(prefix)) != 0)
		fail_msg("message '%s' does not start with '%s'", msg, prefix);
}

static void check_contains(const char *msg, const char *part)
{
	if (!strstr(msg, part))
		fail_msg("message '%s' does not mention '%s'", msg, part);
}

/* ---- normalisation and keys ---- */

static void test_text__normalize_folds_fullwidth_and_case(void **state)
{
	(void)state;
	/* Ａ = U+FF21 -> 'A' -> 'a'; １ = U+FF11 -> '1' */
	check_norm("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\xEF\xBC\x91\xEF\xBC\x92", "abc12");
	check_norm("ABC xyz", "abcxyz");
	check_norm("PPP项目", "ppp项目");
	/* full-width percent and colon fold too: ％ U+FF05, ： U+FF1A */
	check_norm("达到１：３０\xEF\xBC\x85", "达到1:30%");
}

static void test_text__normalize_removes_spaces_and_quotes(void **state)
{
	(void)state;
	check_norm("部门\xE3\x80\x80决策", "部门决策");     /* ideographic space */
	check_norm(" 部门 决策\t", "部门决策");             /* ASCII spaces and tab */
	check_norm("部门\xC2\xA0决策", "部门决策");         /* no-break space */
	check_norm("“三公”经费控制率", "三公经费控制率");   /* U+201C U+201D */
	check_norm("\"三公\"经费控制率", "三公经费控制率"); /* ASCII quotes */
	check_norm("‘三公’经费控制率", "三公经费控制率");   /* U+2018 U+2019 */
	check_norm("「三公」经费控制率", "三公经费控制率"); /* U+300C U+300D */
	check_norm("『双平台』公开", "双平台公开");         /* U+300E U+300F */
	check_norm("'单引号'", "单引号");
}

static void test_text__normalize_strips_weight_suffix(void **state)
{
	(void)state;
	check_norm("部门决策 (20分)", "部门决策");
	check_norm("部门决策（20分）", "部门决策");   /* full-width parentheses */
	check_norm("部门决策（２０分）", "部门决策"); /* and full-width digits */
	check_norm("部门决策 ( 20 分 )", "部门决策");
	check_norm("履职效益(12.5分)", "履职效益");
	/* only a trailing suffix is a weight; other parentheses stay */
	check_norm("预算(执行)率", "预算(执行)率");
	check_norm("A(20分)B", "a(20分)b");
	check_norm("得分(分)", "得分(分)");
}

static void test_text__key_same_for_drifting_names(void **state)
{
	char *a, *b, *c, *d;
	(void)state;
	a = jx_key_make("部门管理 (35分)", "预算执行", "“三公”经费控制率");
	b = jx_key_make("部门管理（35分）", "预算 执行", "\"三公\"经费控制率");
	c = jx_key_make("部门管理", "预算执行", "三公经费控制率");
	d = jx_key_make("部门管理", "预算执行", "三公经费控制");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_non_null(d);
	assert_string_equal(a, "部门管理/预算执行/三公经费控制率");
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	assert_string_not_equal(a, d);
	free(a);
	free(b);
	free(c);
	free(d);
}

static void test_text__split_weight(void **state)
{
	char *name = NULL;
	double w = 0;
	(void)state;
	assert_int_equal(jx_name_split_weight(&name, &w, "部门决策 (20分)"), 1);
	assert_string_equal(name, "部门决策");
	assert_true(w == 20.0);
	free(name);

	assert_int_equal(jx_name_split_weight(&name, &w, "部门决策（20分）"), 1);
	assert_string_equal(name, "部门决策");
	assert_true(w == 20.0);
	free(name);

	assert_int_equal(jx_name_split_weight(&name, &w, " 部门管理 （ ３５ 分 ） "), 1);
	assert_string_equal(name, "部门管理");
	assert_true(w == 35.0);
	free(name);

	assert_int_equal(jx_name_split_weight(&name, &w, "产出(12.5分)"), 1);
	assert_string_equal(name, "产出");
	assert_true(w == 12.5);
	free(name);

	/* the name keeps its inner parentheses */
	assert_int_equal(jx_name_split_weight(&name, &w, "部门(本级)（10分）"), 1);
	assert_string_equal(name, "部门(本级)");
	assert_true(w == 10.0);
	free(name);

	assert_int_equal(jx_name_split_weight(&name, &w, "  部门决策\xE3\x80\x80"), 0);
	assert_string_equal(name, "部门决策");
	assert_true(isnan(w));
	free(name);

	assert_int_equal(jx_name_split_weight(&name, &w, "预算(执行)"), 0);
	assert_string_equal(name, "预算(执行)");
	assert_true(isnan(w));
	free(name);
}

/* ---- edit distance and width ---- */

static void test_text__levenshtein_counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(jx_levenshtein("中文", "中午"), 1); /* 3 bytes differ, one character */
	assert_int_equal(jx_levenshtein("kitten", "sitting"), 3);
	assert_int_equal(jx_levenshtein("", "三公"), 2);
	assert_int_equal(jx_levenshtein("三公", ""), 2);
	assert_int_equal(jx_levenshtein("三公经费控制率", "“三公”经费控制率"), 2);
	assert_int_equal(jx_levenshtein("资金支付进度率", "支付进度率"), 2);
	assert_int_equal(jx_levenshtein("预算编制科学规范", "预算编制的科学性"), 3);
	assert_int_equal(jx_levenshtein("相同", "相同"), 0);
}

static void test_text__display_width(void **state)
{
	(void)state;
	assert_int_equal(jx_display_width(""), 0);
	assert_int_equal(jx_display_width("abc"), 3);
	assert_int_equal(jx_display_width("部门"), 4);
	assert_int_equal(jx_display_width("ab部门c"), 7);
	assert_int_equal(jx_display_width("\xEF\xBC\xA1\xEF\xBC\xA2"), 4); /* ＡＢ full-width */
	assert_int_equal(jx_display_width("（20分）"), 8);                 /* （ ） are wide */
	assert_int_equal(jx_display_width("“三公”"), 6);    /* curly quotes are narrow */
	assert_int_equal(jx_display_width("e\xCC\x81"), 1); /* e + combining acute */
}

/* ---- numbers ---- */

static void test_text__number_parse_accepts(void **state)
{
	double v = -1;
	(void)state;
	assert_int_equal(jx_number_parse("2", &v), 0);
	assert_true(v == 2.0);
	assert_int_equal(jx_number_parse(" 1.5 ", &v), 0);
	assert_true(v == 1.5);
	assert_int_equal(jx_number_parse("-3", &v), 0);
	assert_true(v == -3.0);
	assert_int_equal(jx_number_parse("+0.25", &v), 0);
	assert_true(v == 0.25);
	assert_int_equal(jx_number_parse("３５６３.８３", &v), 0); /* full-width digits */
	assert_true(v == 3563.83);
	assert_int_equal(jx_number_parse("１２．５", &v), 0); /* full-width full stop ． U+FF0E */
	assert_true(v == 12.5);
	assert_int_equal(jx_number_parse("\xE3\x80\x80"
					 "98\xE3\x80\x80",
					 &v),
			 0);
	assert_true(v == 98.0);
}

static void test_text__number_parse_rejects(void **state)
{
	static const char *const bad[] = {"1e3", "0x10",  "nan", "NaN", "inf", "",
					  "   ", "1.2.3", "1.",  ".",   "-",   "+",
					  "1,5", "12a",   "a12", "1 2", "--1", "９分"};
	double v = 42;
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		jx_error_clear();
		if (jx_number_parse(bad[i], &v) != JX_EINVAL)
			fail_msg("'%s' was accepted as a number", bad[i]);
		assert_int_equal(jx_error_code(), JX_EINVAL);
		assert_true(v == 42); /* output untouched on failure */
	}
	assert_int_equal(jx_number_parse(NULL, &v), JX_EINVAL);
}

static void test_text__cents_parse_exact(void **state)
{
	int64_t a = 0, b = 0, c = 0;
	(void)state;
	assert_int_equal(jx_cents_parse("3563.83", &a), 0);
	assert_true(a == 356383);
	assert_int_equal(jx_cents_parse("820", &a), 0);
	assert_true(a == 82000);
	assert_int_equal(jx_cents_parse("1.5", &a), 0);
	assert_true(a == 150);
	assert_int_equal(jx_cents_parse("-5.05", &a), 0);
	assert_true(a == -505);
	assert_int_equal(jx_cents_parse("１２", &a), 0);
	assert_true(a == 1200);
	/* 0.1 + 0.2 is exactly 0.3 in hundredths (not 0.30000000000000004) */
	assert_int_equal(jx_cents_parse("0.1", &a), 0);
	assert_int_equal(jx_cents_parse("0.2", &b), 0);
	assert_int_equal(jx_cents_parse("0.3", &c), 0);
	assert_true(a == 10 && b == 20 && c == 30);
	assert_true(a + b == c);
	/* the parts of the real report's budget add up exactly: 2904.67 + 659.16 = 3563.83 */
	assert_int_equal(jx_cents_parse("2904.67", &a), 0);
	assert_int_equal(jx_cents_parse("659.16", &b), 0);
	assert_int_equal(jx_cents_parse("3563.83", &c), 0);
	assert_true(a + b == c);
	/* more than two decimals only when the extra ones are zeros */
	assert_int_equal(jx_cents_parse("1.230", &a), 0);
	assert_true(a == 123);
	assert_int_equal(jx_cents_parse("7.0000", &a), 0);
	assert_true(a == 700);
	a = 99;
	assert_int_equal(jx_cents_parse("1.234", &a), JX_EINVAL);
	check_contains(jx_error_last(), "more than two decimal");
	assert_int_equal(jx_cents_parse("0.001", &a), JX_EINVAL);
	assert_int_equal(jx_cents_parse("1e3", &a), JX_EINVAL);
	assert_int_equal(jx_cents_parse("", &a), JX_EINVAL);
	assert_int_equal(jx_cents_parse("99999999999999999999", &a), JX_EINVAL);
	assert_true(a == 99);
	/* large amounts stay exact where a double would not: 2^53 + 1 hundredths */
	assert_int_equal(jx_cents_parse("90071992547409.93", &a), 0);
	assert_true(a == INT64_C(9007199254740993));
	assert_int_equal(jx_cents_parse("92233720368547758.08", &a), JX_EINVAL); /* > INT64_MAX */
}

static void test_text__cents_format_shortest(void **state)
{
	char buf[64];
	static const struct {
		int64_t cents;
		const char *text;
	} cases[] = {{356383, "3563.83"},
		     {82000, "820"},
		     {150, "1.5"},
		     {10, "0.1"},
		     {5, "0.05"},
		     {0, "0"},
		     {-550, "-5.5"},
		     {-5, "-0.05"},
		     {100, "1"},
		     {101, "1.01"},
		     {INT64_MAX, "92233720368547758.07"},
		     {INT64_MIN, "-92233720368547758.08"}};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t back;
		jx_cents_format(buf, sizeof(buf), cases[i].cents);
		assert_string_equal(buf, cases[i].text);
		if (cases[i].cents != INT64_MIN) {
			assert_int_equal(jx_cents_parse(buf, &back), 0);
			assert_true(back == cases[i].cents);
		}
	}
}

static void test_text__number_format_shortest(void **state)
{
	char buf[64];
	static const struct {
		double v;
		const char *text;
	} cases[] = {{2, "2"},
		     {1.5, "1.5"},
		     {3563.83, "3563.83"},
		     {0.1, "0.1"},
		     {-0.5, "-0.5"},
		     {98, "98"},
		     {0.75, "0.75"},
		     {100, "100"},
		     {1e-7, "1e-07"},
		     {1e20, "1e+20"},
		     {0.1 + 0.2, "0.30000000000000004"},
		     {2.0 / 3, "0.6666666666666666"}};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		jx_number_format(buf, sizeof(buf), cases[i].v);
		assert_string_equal(buf, cases[i].text);
		assert_true(strtod(buf, NULL) == cases[i].v);
	}
	jx_number_format(buf, sizeof(buf), NAN);
	assert_string_equal(buf, "");
	jx_number_format(buf, sizeof(buf), 0.0);
	assert_string_equal(buf, "0");
}

/* jx__number_text (the fast path the tables and the content hash use) prints what
 * jx_number_format prints: decimals of 0-15 places, numbers rounded to 12 significant
 * digits as the analyses round them, arbitrary doubles, and the edges of the fast
 * path's range (1e-6, 1e12, 1e15 digits, signs, zeros). A fixed LCG: reproducible. */
static void test_text__number_text_fast_path_matches(void **state)
{
	static const double edges[] = {0.0,
				       -0.0,
				       1e-6,
				       -1e-6,
				       9.99999e-7,
				       1e12,
				       -1e12,
				       999999999999.5,
				       1e-5,
				       123456789012.345,
				       0.000001234567890123,
				       999999999999999.0 / 1e3,
				       0.1 + 0.2,
				       2.0 / 3,
				       1e15,
				       5e-324};
	char fast[64], slow[64];
	unsigned long long x = 20240601;
	(void)state;
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		jx__number_text(fast, sizeof(fast), edges[i]);
		jx_number_format(slow, sizeof(slow), edges[i]);
		assert_string_equal(fast, slow);
	}
	for (int i = 0; i < 1000000; i++) {
		double v, p10 = 1;
		int d;
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		d = (int)(x >> 60); /* 0-15 decimal places */
		for (int j = 0; j < d; j++)
			p10 *= 10;
		switch (i % 3) {
		case 0: /* a decimal k / 10^d */
			v = (double)(long long)((x >> 11) % 1000000000000000ULL) / p10;
			break;
		case 1: /* rounded to 12 significant digits, as jx__set_number does */
			v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * p10;
			v = strtod((snprintf(slow, sizeof(slow), "%.12g", v), slow), NULL);
			break;
		default: /* any double of a moderate size */
			v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 1e6 / p10;
		}
		jx__number_text(fast, sizeof(fast), v);
		jx_number_format(slow, sizeof(slow), v);
		if (strcmp(fast, slow) != 0)
			fail_msg("%.17g: fast path '%s', jx_number_format '%s'", v, fast, slow);
	}
}

/* The header promises the C locale regardless of setlocale(). Where no
 * comma-decimal locale is installed, compile de_DE into a temporary LOCPATH
 * with localedef (skipped only when even that is impossible). */
static void test_text__numbers_ignore_locale(void **state)
{
	/* a locale compiled once into the build tree (localedef takes seconds) */
	static const char dir[] = JX_BINARY_DIR "/tests/locale";
	char buf[64], path[512];
	double v = 0;
	int ok;
	(void)state;
	ok = setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL;
	snprintf(path, sizeof(path), "%s/de_DE.UTF-8", dir);
	if (!ok && access(path, R_OK) == 0) {
		setenv("LOCPATH", dir, 1);
		ok = setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL;
	}
	if (!ok && access("/usr/bin/localedef", X_OK) == 0 &&
	    access("/usr/share/i18n/locales/de_DE", R_OK) == 0) {
		char *argv[] = {"/usr/bin/localedef", "-i", "de_DE", "-f", "UTF-8", path, NULL};
		mkdir(dir, 0755);                    /* or it exists */
		if (tu_run(argv, NULL, NULL) <= 1) { /* 1 = warnings only */
			setenv("LOCPATH", dir, 1);
			ok = setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL;
		}
	}
	if (!ok) {
		skip();
		return;
	}
	/* the locale really uses a decimal comma */
	snprintf(buf, sizeof(buf), "%.1f", 1.5);
	assert_string_equal(buf, "1,5");
	jx_number_format(buf, sizeof(buf), 1.5);
	assert_string_equal(buf, "1.5");
	jx_number_format(buf, sizeof(buf), 3563.83);
	assert_string_equal(buf, "3563.83");
	assert_int_equal(jx_number_parse("3563.83", &v), 0);
	assert_true(v == 3563.83);
	assert_int_equal(jx_number_parse("1,5", &v), JX_EINVAL);
	setlocale(LC_NUMERIC, "C");
	unsetenv("LOCPATH");
}

/* ---- decoding ---- */

static char *to_gb18030(const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = strlen(utf8), outleft = inleft * 2 + 16;
	char *out = malloc(outleft), *o = out, *in = (char *)utf8;
	assert_true(cd != (iconv_t)-1);
	assert_non_null(out);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

static void test_text__decode_bom_and_line_ends(void **state)
{
	static const char in[] = "\xEF\xBB\xBF"
				 "一\r\n二\r三\n四\r\n";
	char *out = NULL;
	size_t n = 0;
	jx_encoding used = JX_ENC_AUTO;
	(void)state;
	assert_int_equal(jx_text_decode(&out, &n, &used, "t.txt", in, sizeof(in) - 1, JX_ENC_AUTO),
			 0);
	assert_string_equal(out, "一\n二\n三\n四\n");
	assert_int_equal(n, strlen("一\n二\n三\n四\n"));
	assert_int_equal(used, JX_ENC_UTF8);
	free(out);
	/* tabs stay */
	assert_int_equal(jx_text_decode(&out, &n, NULL, "t.txt", "a\tb", 3, JX_ENC_UTF8), 0);
	assert_string_equal(out, "a\tb");
	free(out);
}

static void test_text__decode_gb18030(void **state)
{
	static const char sentence[] = "2023 年度南京市公安局禁毒支队 部门整体绩效自我评价报告\n"
				       "自评价综合得分 98 分。\n";
	size_t glen, n;
	char *gb = to_gb18030(sentence, &glen), *out = NULL;
	jx_encoding used = JX_ENC_UTF8;
	(void)state;
	/* the bytes really are different from UTF-8 (and not valid UTF-8) */
	assert_true(glen != strlen(sentence));
	assert_int_equal(jx_utf8_valid(gb, glen, NULL), 0);
	assert_int_equal(jx_text_decode(&out, &n, &used, "gb.txt", gb, glen, JX_ENC_AUTO), 0);
	assert_string_equal(out, sentence);
	assert_int_equal(used, JX_ENC_GB18030);
	free(out);
	/* told gb18030 explicitly: same */
	assert_int_equal(jx_text_decode(&out, &n, &used, "gb.txt", gb, glen, JX_ENC_GB18030), 0);
	assert_string_equal(out, sentence);
	free(out);
	/* told utf-8: refused at the first line */
	assert_int_equal(jx_text_decode(&out, &n, &used, "gb.txt", gb, glen, JX_ENC_UTF8),
			 JX_EPARSE);
	assert_null(out);
	check_prefix(jx_error_last(), "gb.txt:1:");
	free(gb);
}

static void test_text__decode_invalid_names_line(void **state)
{
	/* line 3 holds 0xFF, which is neither UTF-8 nor GB18030 */
	static const char in[] = "第一行\n第二行\nbad \xFF\xFF here\n第四行\n";
	char *out = NULL;
	size_t n;
	(void)state;
	assert_int_equal(jx_text_decode(&out, &n, NULL, "x.txt", in, sizeof(in) - 1, JX_ENC_AUTO),
			 JX_EPARSE);
	assert_null(out);
	assert_int_equal(jx_error_code(), JX_EPARSE);
	check_prefix(jx_error_last(), "x.txt:3:");
	check_contains(jx_error_last(), "UTF-8");
	/* same with CR line ends: still line 3 */
	static const char cr[] = "a\rb\r\xFF\r";
	assert_int_equal(jx_text_decode(&out, &n, NULL, "cr.txt", cr, sizeof(cr) - 1, JX_ENC_AUTO),
			 JX_EPARSE);
	check_prefix(jx_error_last(), "cr.txt:3:");
	/* told gb18030, an invalid sequence on line 2 */
	static const char gb[] = "abc\r\nd\xFF"
				 "e\r\n";
	assert_int_equal(
		jx_text_decode(&out, &n, NULL, "g.txt", gb, sizeof(gb) - 1, JX_ENC_GB18030),
		JX_EPARSE);
	check_prefix(jx_error_last(), "g.txt:2:");
	check_contains(jx_error_last(), "GB18030");
}

static void test_text__decode_refuses_nul_and_control(void **state)
{
	static const char nul[] = "one\ntwo\nth\0ree\n";
	static const char ctl[] = "one\ntwo\x01\n";
	static const char esc[] = "a\r\nb\r\nc\r\n\x1b[31m\r\n";
	char *out = NULL;
	size_t n;
	(void)state;
	assert_int_equal(jx_text_decode(&out, &n, NULL, "n.txt", nul, sizeof(nul) - 1, JX_ENC_AUTO),
			 JX_EPARSE);
	assert_null(out);
	check_prefix(jx_error_last(), "n.txt:3:");
	check_contains(jx_error_last(), "NUL");
	assert_int_equal(jx_text_decode(&out, &n, NULL, "c.txt", ctl, sizeof(ctl) - 1, JX_ENC_AUTO),
			 JX_EPARSE);
	check_prefix(jx_error_last(), "c.txt:2:");
	check_contains(jx_error_last(), "control character 0x01");
	assert_int_equal(jx_text_decode(&out, &n, NULL, "e.txt", esc, sizeof(esc) - 1, JX_ENC_AUTO),
			 JX_EPARSE);
	check_prefix(jx_error_last(), "e.txt:4:");
	check_contains(jx_error_last(), "0x1B");
}

/* Windows "Unicode 文本": UTF-16 with a byte-order mark, either way round (bytes by hand). */
static void test_text__decode_utf16(void **state)
{
	/* "一\r\n二" = U+4E00 CR LF U+4E8C */
	static const char le[] = "\xFF\xFE\x00\x4E\x0D\x00\x0A\x00\x8C\x4E";
	static const char be[] = "\xFE\xFF\x4E\x00\x00\x0D\x00\x0A\x4E\x8C";
	static const char odd[] = "\xFF\xFE\x00\x4E\x0A\x00\x8C";              /* cut in line 2 */
	static const char lone[] = "\xFF\xFE\x0A\x00\x0A\x00\x00\xD8\x41\x00"; /* U+D800 A */
	static const char nul[] = "\xFF\xFE\x41\x00\x00\x00";                  /* A U+0000 */
	static const char nobom[] = "\x41\x00\x0A\x00\x42\x00";                /* A LF B, LE */
	char *out = NULL;
	size_t n = 0;
	jx_encoding used = JX_ENC_AUTO;
	(void)state;
	assert_int_equal(jx_text_decode(&out, &n, &used, "u.txt", le, sizeof(le) - 1, JX_ENC_AUTO),
			 0);
	assert_string_equal(out, "一\n二");
	assert_int_equal(used, JX_ENC_UTF16);
	free(out);
	/* the mark wins over an --encoding that says otherwise */
	assert_int_equal(jx_text_decode(&out, &n, &used, "u.txt", be, sizeof(be) - 1, JX_ENC_UTF8),
			 0);
	assert_string_equal(out, "一\n二");
	free(out);
	assert_int_equal(jx_text_decode(&out, &n, NULL, "u.txt", odd, sizeof(odd) - 1, JX_ENC_AUTO),
			 JX_EPARSE);
	check_prefix(jx_error_last(), "u.txt:2:");
	check_contains(jx_error_last(), "odd number of bytes");
	assert_int_equal(
		jx_text_decode(&out, &n, NULL, "u.txt", lone, sizeof(lone) - 1, JX_ENC_AUTO),
		JX_EPARSE);
	check_prefix(jx_error_last(), "u.txt:3:");
	check_contains(jx_error_last(), "invalid UTF-16LE");
	assert_int_equal(jx_text_decode(&out, &n, NULL, "u.txt", nul, sizeof(nul) - 1, JX_ENC_AUTO),
			 JX_EPARSE);
	check_contains(jx_error_last(), "NUL");
	/* no mark: NUL bytes, with a hint; --encoding utf-16 reads it as little-endian */
	assert_int_equal(
		jx_text_decode(&out, &n, NULL, "u.txt", nobom, sizeof(nobom) - 1, JX_ENC_AUTO),
		JX_EPARSE);
	check_prefix(jx_error_last(), "u.txt:1:");
	check_contains(jx_error_last(), "pass --encoding utf-16");
	assert_int_equal(
		jx_text_decode(&out, &n, NULL, "u.txt", nobom, sizeof(nobom) - 1, JX_ENC_UTF16), 0);
	assert_string_equal(out, "A\nB");
	free(out);
	assert_int_equal(jx_encoding_parse("utf-16", &used), 0);
	assert_int_equal(used, JX_ENC_UTF16);
}

static void test_text__utf8_valid(void **state)
{
	size_t bad = 0;
	(void)state;
	assert_int_equal(jx_utf8_valid("部门", 6, &bad), 1);
	assert_int_equal(jx_utf8_valid("ab\xC0\xAF", 4, &bad), 0); /* overlong '/' */
	assert_int_equal(bad, 2);
	assert_int_equal(jx_utf8_valid("\xED\xA0\x80", 3, &bad), 0); /* surrogate D800 */
	assert_int_equal(bad, 0);
	assert_int_equal(jx_utf8_valid("x\xE9\x83", 3, &bad), 0); /* truncated 部 */
	assert_int_equal(bad, 1);
}

/* The validator's fast paths (ASCII runs, CJK sequences) answer as decoding code point by
 * code point does, bad offset included, on random strings of the bytes that matter. */
static void test_text__utf8_valid_as_decoding(void **state)
{
	static const unsigned char pick[] = {'a',  ' ',  0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF,
					     0xE0, 0xE1, 0xE4, 0xE9, 0xEC, 0xED, 0xEE, 0xEF,
					     0xF0, 0xF4, 0xF5, 0xA0, 0x9F, 0x8F, 0x90, 0xFF};
	unsigned seed = 23;
	(void)state;
	for (int round = 0; round < 200000; round++) {
		unsigned char s[24];
		size_t len = 1 + (seed >> 8) % sizeof(s), i = 0, n, bad = 99;
		unsigned cp;
		int want = 1;
		for (size_t k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			/* mostly well-formed runs: ASCII, or 部 (E9 83 A8) */
			s[k] = (seed >> 16) % 4 == 0   ? pick[(seed >> 20) % sizeof(pick)]
			       : (seed >> 16) % 4 == 1 ? 'x'
						       : (unsigned char)"\xE9\x83\xA8"[k % 3];
		}
		while (i < len && (n = jx__utf8_decode(s + i, len - i, &cp)) != 0)
			i += n;
		want = i == len;
		assert_int_equal(jx_utf8_valid((const char *)s, len, &bad), want);
		if (!want)
			assert_int_equal(bad, i);
	}
}

/* ---- folding (fold.c) ---- */

static unsigned upper_or_drop_digits(unsigned cp)
{
	if (cp >= '0' && cp <= '9')
		return JX__DROP;
	if (cp == 'x')
		return 0xD7; /* × */
	return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
}

static void test_text__fold_and_map(void **state)
{
	char *s;
	(void)state;
	/* ＡＢ１２ U+FF21 U+FF22 U+FF11 U+FF12, ideographic space, NBSP, ％ U+FF05 */
	assert_int_equal(jx__fold_cp(0xFF21), 'A');
	assert_int_equal(jx__fold_cp(0xFF5E), '~');
	assert_int_equal(jx__fold_cp(0x3000), ' ');
	assert_int_equal(jx__fold_cp(0xA0), ' ');
	assert_int_equal(jx__fold_cp(0x9884), 0x9884); /* 预 stays */
	assert_int_equal(jx__fold_cp(0xFF5F), 0xFF5F); /* past the block */
	s = jx__fold_copy(
		"\xEF\xBC\xA1\xEF\xBC\xA2\xE3\x80\x80\xEF\xBC\x91\xC2\xA0\xEF\xBC\x85预",
		strlen("\xEF\xBC\xA1\xEF\xBC\xA2\xE3\x80\x80\xEF\xBC\x91\xC2\xA0\xEF\xBC\x85预"));
	assert_string_equal(s, "AB 1 %预");
	free(s);
	/* only len bytes; a bad byte is kept as it was */
	s = jx__fold_copy("\xEF\xBC\x91\xFF\xEF\xBC\x92", 7);
	assert_string_equal(s, "1\xFF"
			       "2");
	free(s);
	/* a map may drop code points and write new ones (× is two bytes) */
	s = jx__text_map("a1b2x", 5, upper_or_drop_digits);
	assert_string_equal(s, "AB\xC3\x97");
	free(s);
	assert_true(jx__is_space_cp(0x3000) && jx__is_space_cp(0xA0) && jx__is_space_cp('\t'));
	assert_false(jx__is_space_cp('\n') || jx__is_space_cp(0x2003));
}

static void test_text__is_decimal(void **state)
{
	static const char *const yes[] = {"0", "12", "-1.5", "+0.25", "007", NULL};
	static const char *const no[] = {"",   "-",  "+",  ".5",  "5.",  "1.2.3", "1e3",
					 " 1", "1 ", "１", "--1", "0x1", NULL};
	(void)state;
	for (int i = 0; yes[i]; i++)
		if (!jx__is_decimal(yes[i]))
			fail_msg("'%s' should be a decimal", yes[i]);
	for (int i = 0; no[i]; i++)
		if (jx__is_decimal(no[i]))
			fail_msg("'%s' should not be a decimal", no[i]);
}

/* A no-break space before the closing parenthesis no longer hides the weight
 * (the weight suffix is read on the folded copy, which folds NBSP now). */
static void test_text__split_weight_nbsp(void **state)
{
	char *name = NULL;
	double w = 0;
	(void)state;
	assert_int_equal(jx_name_split_weight(&name, &w, "部门决策（２０分\xC2\xA0）"), 1);
	assert_string_equal(name, "部门决策");
	assert_true(w == 20);
	free(name);
}

/* Every invisible or direction character of the list goes; visible text stays byte for byte. */
static void test_text__strip_invisible(void **state)
{
	static const char *const gone[] = {
		"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x80\x8E", "\xE2\x80\x8F",
		"\xE2\x80\xAA", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA9", "\xEF\xBB\xBF"};
	char in[64], *out;
	(void)state;
	for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++) {
		snprintf(in, sizeof(in), "%s财政%s局%s", gone[i], gone[i], gone[i]);
		out = jx_strip_invisible(in);
		assert_string_equal(out, "财政局");
		free(out);
	}
	/* neighbours of the ranges stay: U+2010 hyphen, U+2029, U+206A, and a plain space */
	out = jx_strip_invisible("a\xE2\x80\x90 b\xE2\x80\xA9\xE2\x81\xAA");
	assert_string_equal(out, "a\xE2\x80\x90 b\xE2\x80\xA9\xE2\x81\xAA");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text__number_text_fast_path_matches),
		cmocka_unit_test(test_text__strip_invisible),
		cmocka_unit_test(test_text__normalize_folds_fullwidth_and_case),
		cmocka_unit_test(test_text__normalize_removes_spaces_and_quotes),
		cmocka_unit_test(test_text__normalize_strips_weight_suffix),
		cmocka_unit_test(test_text__key_same_for_drifting_names),
		cmocka_unit_test(test_text__split_weight),
		cmocka_unit_test(test_text__split_weight_nbsp),
		cmocka_unit_test(test_text__fold_and_map),
		cmocka_unit_test(test_text__is_decimal),
		cmocka_unit_test(test_text__levenshtein_counts_code_points),
		cmocka_unit_test(test_text__display_width),
		cmocka_unit_test(test_text__number_parse_accepts),
		cmocka_unit_test(test_text__number_parse_rejects),
		cmocka_unit_test(test_text__cents_parse_exact),
		cmocka_unit_test(test_text__cents_format_shortest),
		cmocka_unit_test(test_text__number_format_shortest),
		cmocka_unit_test(test_text__numbers_ignore_locale),
		cmocka_unit_test(test_text__decode_bom_and_line_ends),
		cmocka_unit_test(test_text__decode_gb18030),
		cmocka_unit_test(test_text__decode_invalid_names_line),
		cmocka_unit_test(test_text__decode_refuses_nul_and_control),
		cmocka_unit_test(test_text__decode_utf16),
		cmocka_unit_test(test_text__utf8_valid),
		cmocka_unit_test(test_text__utf8_valid_as_decoding),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
