/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quantity.c -- targets and actual values (年度指标值, 实际完成值) parsed, and
 * whether an actual value meets its target.
 *
 * Real tables write targets many ways: "≥95%", "不低于95%", "95%以上",
 * "735人次", "≤50万元", "9月前", "2019年", "有效". What parses becomes a
 * bound, a value and a unit; what does not stays text, and then completion is
 * unknown unless the actual text says the same thing. A value is never
 * guessed: a range ("90%-100%") or a sentence does not parse. Rules with
 * examples: docs/methods.md ("Targets and completion"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/internal.h"

typedef struct {
	const char *text;
	jx_bound bound;
} affix;

/* Longest first where one is a prefix of another (">=" before ">"). */
static const affix prefixes[] = {
	{">=", JX_BOUND_GE},     {"≥", JX_BOUND_GE},      {"≧", JX_BOUND_GE},
	{"不低于", JX_BOUND_GE}, {"不少于", JX_BOUND_GE}, {"不小于", JX_BOUND_GE},
	{"至少", JX_BOUND_GE},   {"达到", JX_BOUND_GE},   {"<=", JX_BOUND_LE},
	{"≤", JX_BOUND_LE},      {"≦", JX_BOUND_LE},      {"不超过", JX_BOUND_LE},
	{"不高于", JX_BOUND_LE}, {"不大于", JX_BOUND_LE}, {"不多于", JX_BOUND_LE},
	{"控制在", JX_BOUND_LE}, {">", JX_BOUND_GT},      {"大于", JX_BOUND_GT},
	{"超过", JX_BOUND_GT},   {"高于", JX_BOUND_GT},   {"<", JX_BOUND_LT},
	{"小于", JX_BOUND_LT},   {"低于", JX_BOUND_LT},   {"少于", JX_BOUND_LT},
	{"=", JX_BOUND_EQ},      {"等于", JX_BOUND_EQ},
};

static const affix suffixes[] = {
	{"及以上", JX_BOUND_GE}, {"以上", JX_BOUND_GE}, {"及以下", JX_BOUND_LE},
	{"以下", JX_BOUND_LE},   {"以内", JX_BOUND_LE}, {"之前", JX_BOUND_LE},
	{"以前", JX_BOUND_LE},   {"前", JX_BOUND_LE},   {"内", JX_BOUND_LE},
};

#define NPREFIXES (sizeof(prefixes) / sizeof(prefixes[0]))
#define NSUFFIXES (sizeof(suffixes) / sizeof(suffixes[0]))

static int starts(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

static int ends(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && !memcmp(s + len - n, p, n);
}

/* Strip a trailing "(…)" remark ("≥95%(含)"); s is normalised (half-width parentheses). */
static size_t strip_remark(const char *s, size_t len)
{
	if (len > 2 && s[len - 1] == ')') {
		const char *open = memchr(s, '(', len);
		if (open && open > s)
			return (size_t)(open - s);
	}
	return len;
}

/* Digits of a 1-4 digit number at *p into *v; advances. 0 when none. */
static int small_int(const char **p, int maxdigits, int *v)
{
	int n = 0;
	*v = 0;
	while (n < maxdigits && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

/* A date filling the whole of [s, end): 2023年9月30日, 2023年, 9月, 12月底, 年底,
 * 2023-09-30, 2023.9. *v = yyyymmdd with 00 for what the text does not give. */
static int parse_date(const char *s, const char *end, int year, double *v)
{
	const char *p = s;
	int y = 0, m = 0, d = 0, n;
	const char *q = p;
	if ((n = small_int(&q, 4, &y)) == 4 && q < end && (*q == '-' || *q == '/' || *q == '.')) {
		char sep = *q++;
		if (!small_int(&q, 2, &m))
			return 0;
		if (q < end && *q == sep) {
			q++;
			if (!small_int(&q, 2, &d))
				return 0;
		} else if (sep == '.') {
			return 0; /* "2023.12" is an amount as often as a month */
		}
		p = q;
	} else {
		q = p;
		if (small_int(&q, 4, &y) == 4 && starts(q, "年")) {
			p = q + strlen("年");
			if (starts(p, "度"))
				p += strlen("度");
		} else {
			y = 0;
		}
		q = p;
		if (small_int(&q, 2, &m) && starts(q, "月")) {
			p = q + strlen("月");
			q = p;
			if (small_int(&q, 2, &d) && (starts(q, "日") || starts(q, "号")))
				p = q + strlen("日");
			else
				d = 0;
		} else {
			m = 0;
		}
		if (!y && !m && (starts(p, "年底") || starts(p, "年末")))
			p += strlen("年底");
		else if (!d && (y || m) && (starts(p, "底") || starts(p, "末")))
			p += strlen("底");
		else if (m && !d && starts(p, "初"))
			p += strlen("初");
		else if (m && !d && (starts(p, "上旬") || starts(p, "中旬") || starts(p, "下旬")))
			p += strlen("上旬");
		if (p == s)
			return 0;
	}
	if (p != end || m > 12 || d > 31 || (y && (y < JX_YEAR_MIN || y > JX_YEAR_MAX)))
		return 0;
	if (!y)
		y = year;
	if (y < JX_YEAR_MIN || y > JX_YEAR_MAX)
		return 0;
	*v = (double)y * 10000 + m * 100 + d;
	return 1;
}

/* A number with optional thousands separators, then a unit without digits. */
static int parse_number(const char *s, const char *end, double *v, char *unit, size_t usize)
{
	char digits[64];
	size_t nd = 0, ulen;
	const char *p = s;
	int seen = 0, dot = 0;
	if (p < end && (*p == '-' || *p == '+'))
		digits[nd++] = *p++;
	for (; p < end && nd + 1 < sizeof(digits); p++) {
		if (*p >= '0' && *p <= '9')
			digits[nd++] = *p, seen = 1;
		else if (*p == '.' && !dot && seen)
			digits[nd++] = *p, dot = 1;
		else if (*p == ',' && seen && !dot && p + 1 < end && p[1] >= '0' && p[1] <= '9')
			continue;
		else
			break;
	}
	if (!seen || (nd && digits[nd - 1] == '.'))
		return 0;
	digits[nd] = '\0';
	ulen = (size_t)(end - p);
	if (ulen >= usize)
		return 0;
	for (const char *u = p; u < end; u++)
		if ((*u >= '0' && *u <= '9') || *u == '.' || *u == ',' || *u == '-' || *u == '~' ||
		    *u == '/' || *u == '(' || *u == ')' || *u == '+')
			return 0;
	*v = strtod(digits, NULL);
	memcpy(unit, p, ulen);
	unit[ulen] = '\0';
	if (!strcmp(unit, "%")) {
		*v /= 100;
	} else if (!strcmp(unit, "‰")) {
		*v /= 1000;
		strcpy(unit, "%");
	}
	return isfinite(*v);
}

/* The written bound of s[0..*len) from a prefix or a suffix; trims them off. */
static jx_bound take_bound(const char **s, size_t *len)
{
	jx_bound pre = JX_BOUND_NONE, suf = JX_BOUND_NONE;
	for (size_t i = 0; i < NPREFIXES; i++)
		if (starts(*s, prefixes[i].text) && *len > strlen(prefixes[i].text)) {
			pre = prefixes[i].bound;
			*len -= strlen(prefixes[i].text);
			*s += strlen(prefixes[i].text);
			break;
		}
	for (size_t i = 0; i < NSUFFIXES; i++)
		if (ends(*s, *len, suffixes[i].text) && *len > strlen(suffixes[i].text)) {
			suf = suffixes[i].bound;
			*len -= strlen(suffixes[i].text);
			break;
		}
	return pre != JX_BOUND_NONE ? pre : suf;
}

int jx_quantity_parse(jx_quantity *out, const char *text, int year, int cost, int is_target)
{
	char *norm;
	const char *s;
	size_t len;
	jx_bound bound;
	int ok;
	memset(out, 0, sizeof(*out));
	out->value = NAN;
	if (!text || !*text || !(norm = jx_name_normalize(text)))
		return 0;
	s = norm;
	len = strip_remark(s, strlen(s));
	bound = take_bound(&s, &len);
	if ((ok = parse_date(s, s + len, year, &out->value)) != 0)
		strcpy(out->unit, "date");
	else
		ok = parse_number(s, s + len, &out->value, out->unit, sizeof(out->unit));
	free(norm);
	if (!ok) {
		out->value = NAN;
		out->unit[0] = '\0';
		return 0;
	}
	out->implied = bound == JX_BOUND_NONE;
	if (!is_target)
		out->bound = bound == JX_BOUND_NONE ? JX_BOUND_EQ : bound;
	else if (bound != JX_BOUND_NONE)
		out->bound = bound;
	else /* "at least 0" would always hold: a bare 0 (事故发生率 0) is a cap */
		out->bound = cost || !strcmp(out->unit, "date") || out->value == 0 ? JX_BOUND_LE
										   : JX_BOUND_GE;
	return 1;
}

/* ---- completion ---- */

/* First and last day of a date's period, as yyyymmdd (day 31 stands for the month's end). */
static void date_period(double v, double *first, double *last)
{
	long n = (long)v, y = n / 10000, m = n / 100 % 100, d = n % 100;
	*first = (double)(y * 10000 + (m ? m : 1) * 100 + (d ? d : 1));
	*last = (double)(y * 10000 + (m ? m : 12) * 100 + (d ? d : 31));
}

static jx_completion met_if(int met, int missed)
{
	return met ? JX_DONE_MET : missed ? JX_DONE_MISSED : JX_DONE_UNKNOWN;
}

static jx_completion date_completion(jx_bound b, double target, double actual)
{
	double t0, t1, a0, a1;
	date_period(target, &t0, &t1);
	date_period(actual, &a0, &a1);
	switch (b) {
	case JX_BOUND_LE: return met_if(a1 <= t1, a0 > t1);
	case JX_BOUND_LT: return met_if(a1 < t0, a0 >= t0);
	case JX_BOUND_GE: return met_if(a0 >= t0, a1 < t0);
	case JX_BOUND_GT: return met_if(a0 > t1, a1 <= t1);
	case JX_BOUND_EQ: return met_if(a0 >= t0 && a1 <= t1, a1 < t0 || a0 > t1);
	default: return JX_DONE_UNKNOWN;
	}
}

/* The factor that turns a value in unit a into unit b (1 when equal, 1e4 for
 * 万X against X, 1 for a bare number against a counting unit); 0 when not comparable. */
static double unit_factor(const char *a, const char *b)
{
	static const char wan[] = "万";
	int special_a = !strcmp(a, "%") || !strcmp(a, "date");
	int special_b = !strcmp(b, "%") || !strcmp(b, "date");
	if (!strcmp(a, b))
		return 1;
	if ((!*a && !special_b) || (!*b && !special_a))
		return 1;
	if (starts(a, wan) && !strcmp(a + strlen(wan), b) && *b)
		return 1e4;
	if (starts(b, wan) && !strcmp(b + strlen(wan), a) && *a)
		return 1e-4;
	return 0;
}

static int text_same(const char *a, const char *b)
{
	char *na = jx_name_normalize(a), *nb = jx_name_normalize(b);
	int same = na && nb && *na && !strcmp(na, nb);
	free(na);
	free(nb);
	return same;
}

jx_completion jx_completion_of(const jx_quantity *target, const jx_quantity *actual,
			       const char *target_text, const char *actual_text)
{
	double f, a, t, eps;
	if (!target_text || !*target_text || !actual_text || !*actual_text)
		return JX_DONE_NONE;
	if (target->bound == JX_BOUND_NONE || actual->bound == JX_BOUND_NONE)
		return text_same(target_text, actual_text) ? JX_DONE_MET : JX_DONE_UNKNOWN;
	if (!strcmp(target->unit, "date") || !strcmp(actual->unit, "date"))
		return strcmp(target->unit, actual->unit)
			       ? JX_DONE_UNKNOWN
			       : date_completion(target->bound, target->value, actual->value);
	f = unit_factor(actual->unit, target->unit);
	if (f == 0 && !*actual->unit && !strcmp(target->unit, "%") && actual->value >= 0 &&
	    actual->value <= 1.5)
		f = 1; /* a spreadsheet's percent cell read without its format: 0.82 is 82% */
	if (f == 0)
		return JX_DONE_UNKNOWN;
	a = actual->value * f;
	t = target->value;
	eps = 1e-9 * (fabs(t) > 1 ? fabs(t) : 1);
	switch (target->bound) {
	case JX_BOUND_GE: return a >= t - eps ? JX_DONE_MET : JX_DONE_MISSED;
	case JX_BOUND_GT: return a > t + eps ? JX_DONE_MET : JX_DONE_MISSED;
	case JX_BOUND_LE: return a <= t + eps ? JX_DONE_MET : JX_DONE_MISSED;
	case JX_BOUND_LT: return a < t - eps ? JX_DONE_MET : JX_DONE_MISSED;
	case JX_BOUND_EQ: return fabs(a - t) <= eps ? JX_DONE_MET : JX_DONE_MISSED;
	default: return JX_DONE_UNKNOWN;
	}
}

/* ---- codes ---- */

static const char *const completion_names[] = {"", "met", "missed", "unknown"};
static const char *const bound_names[] = {"", "ge", "gt", "le", "lt", "eq"};

const char *jx_completion_name(jx_completion c)
{
	return (unsigned)c < 4 ? completion_names[c] : "?";
}

int jx_completion_parse(const char *s, jx_completion *out)
{
	for (int i = 1; s && i < 4; i++)
		if (!strcmp(s, completion_names[i])) {
			*out = (jx_completion)i;
			return 0;
		}
	return jx__error(JX_EINVAL, _("completion must be met, missed or unknown, not '%s'"),
			 s ? s : "");
}

const char *jx_completion_label(jx_completion c)
{
	/* TRANSLATORS: whether a project's target was met */
	static const char *const labels[] = {"", N_("met"), N_("missed"), N_("cannot tell")};
	return (unsigned)c < 4 ? (*labels[c] ? _(labels[c]) : "") : "?";
}

const char *jx_bound_name(jx_bound b)
{
	return (unsigned)b < 6 ? bound_names[b] : "?";
}

int jx_bound_parse(const char *s, jx_bound *out)
{
	for (int i = 1; s && i < 6; i++)
		if (!strcmp(s, bound_names[i])) {
			*out = (jx_bound)i;
			return 0;
		}
	return jx__error(JX_EINVAL, _("bound must be ge, gt, le, lt or eq, not '%s'"), s ? s : "");
}
