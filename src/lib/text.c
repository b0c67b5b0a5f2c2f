/* text.c -- encodings, name normalisation, canonical keys, exact numbers, display width.
 *
 * Reports arrive as UTF-8 or GB18030 with any line ends; everything inside
 * jixiao is UTF-8 with "\n". Indicator names drift between years in width,
 * quotes and spacing, so matching uses a normalised form (jx_name_normalize),
 * and the canonical key of a row is its normalised level1/level2/level3 path. */
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

/* Decode one UTF-8 code point at s (len bytes left). Returns bytes used, 0 if invalid. */
static size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		unsigned v = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4 && len >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (s[3] & 0xC0) == 0x80) {
		unsigned v = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
			     (s[3] & 0x3F);
		if (v < 0x10000 || v > 0x10FFFF)
			return 0;
		*cp = v;
		return 4;
	}
	return 0;
}

static void utf8_put(jx__buf *b, unsigned cp)
{
	char t[4];
	if (cp < 0x80) {
		t[0] = (char)cp;
		jx__buf_put(b, t, 1);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		jx__buf_put(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		jx__buf_put(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		jx__buf_put(b, t, 4);
	}
}

int jx_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	size_t i = 0, n;
	unsigned cp;
	while (i < len) {
		n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			if (bad_offset)
				*bad_offset = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

/* 1-based line number of byte offset off (\n, \r\n and lone \r end lines). */
static int line_of(const char *data, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
			line++;
	return line;
}

/* GB18030 -> UTF-8 with iconv; on failure *bad gets the input offset. */
static int gb18030_to_utf8(jx__buf *out, const char *data, size_t len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char chunk[4096];
	char *in = (char *)data;
	size_t inleft = len;
	int rc = 0;
	if (cd == (iconv_t)-1)
		return jx__error(JX_EIO, "iconv cannot convert GB18030: %s", strerror(errno));
	while (inleft > 0) {
		char *o = chunk;
		size_t oleft = sizeof(chunk);
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		jx__buf_put(out, chunk, sizeof(chunk) - oleft);
		if (r == (size_t)-1 && errno != E2BIG) {
			*bad = (size_t)(in - data);
			rc = JX_EPARSE;
			break;
		}
	}
	iconv_close(cd);
	return rc;
}

int jx_text_decode(char **out, size_t *out_len, jx_encoding *detected, const char *name,
		   const char *data, size_t len, jx_encoding enc)
{
	jx__buf raw, res;
	const char *src = data;
	size_t srclen = len, bad = 0, i;
	jx_encoding used = JX_ENC_UTF8;
	int rc = 0;

	*out = NULL;
	*out_len = 0;
	jx__buf_init(&raw);
	jx__buf_init(&res);
	if (memchr(data, '\0', len)) {
		size_t off = (size_t)((const char *)memchr(data, '\0', len) - data);
		return jx__error(JX_EPARSE, "%s:%d: contains a NUL byte; this is not a text file",
				 name, line_of(data, off));
	}
	if (enc != JX_ENC_GB18030 && len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		src += 3;
		srclen -= 3;
	}
	if (enc == JX_ENC_GB18030 || (enc == JX_ENC_AUTO && !jx_utf8_valid(src, srclen, &bad))) {
		size_t utf8_bad = bad;
		if (gb18030_to_utf8(&raw, src, srclen, &bad) != 0) {
			if (enc == JX_ENC_GB18030)
				rc = jx__error(JX_EPARSE, "%s:%d: invalid GB18030 byte sequence", name,
					       line_of(src, bad));
			else
				rc = jx__error(JX_EPARSE,
					       "%s:%d: invalid UTF-8 byte sequence, and the file is "
					       "not GB18030 either (mixed or unknown encoding)",
					       name, line_of(src, utf8_bad));
			goto out;
		}
		used = JX_ENC_GB18030;
		src = raw.data ? raw.data : "";
		srclen = raw.len;
	} else if (enc == JX_ENC_UTF8 && !jx_utf8_valid(src, srclen, &bad)) {
		rc = jx__error(JX_EPARSE, "%s:%d: invalid UTF-8 byte sequence", name,
			       line_of(src, bad));
		goto out;
	}
	/* fold line ends; refuse control characters that text files do not carry */
	for (i = 0; i < srclen; i++) {
		unsigned char c = (unsigned char)src[i];
		if (c == '\r') {
			if (i + 1 < srclen && src[i + 1] == '\n')
				i++;
			jx__buf_put(&res, "\n", 1);
		} else if (c == '\f') {
			jx__buf_put(&res, "\n", 1);
		} else if (c < 0x20 && c != '\n' && c != '\t') {
			rc = jx__error(JX_EPARSE,
				       "%s:%d: control character 0x%02X; this is not a text file", name,
				       line_of(src, i), c);
			goto out;
		} else {
			jx__buf_put(&res, src + i, 1);
		}
	}
	*out = jx__buf_detach(&res);
	if (!*out) {
		rc = JX_ENOMEM;
		goto out;
	}
	*out_len = strlen(*out);
	if (detected)
		*detected = used;
out:
	jx__buf_free(&raw);
	jx__buf_free(&res);
	return rc;
}

int jx_encoding_parse(const char *s, jx_encoding *out)
{
	if (!strcmp(s, "auto"))
		*out = JX_ENC_AUTO;
	else if (!strcmp(s, "utf-8") || !strcmp(s, "utf8") || !strcmp(s, "UTF-8"))
		*out = JX_ENC_UTF8;
	else if (!strcmp(s, "gb18030") || !strcmp(s, "gbk") || !strcmp(s, "GB18030") ||
		 !strcmp(s, "GBK"))
		*out = JX_ENC_GB18030;
	else
		return jx__error(JX_EINVAL, "unknown encoding '%s' (auto, utf-8, gb18030)", s);
	return 0;
}

const char *jx_encoding_name(jx_encoding e)
{
	return e == JX_ENC_GB18030 ? "gb18030" : e == JX_ENC_UTF8 ? "utf-8" : "auto";
}

/* ---- names and keys ---- */

static int is_space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	       cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

static int is_quote_cp(unsigned cp)
{
	return cp == '"' || cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
	       cp == 0x201C || cp == 0x201D || cp == 0x300C || cp == 0x300D || cp == 0x300E ||
	       cp == 0x300F;
}

static unsigned fold_cp(unsigned cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

/* Length of a trailing "(N分)" suffix in folded, space-free ASCII/UTF-8 s, else 0. */
static size_t weight_suffix_len(const char *s, size_t len)
{
	static const char fen[] = "\xE5\x88\x86"; /* 分 */
	size_t i;
	if (len < 5 || s[len - 1] != ')')
		return 0;
	i = len - 1;
	if (i < 3 || memcmp(s + i - 3, fen, 3) != 0)
		return 0;
	i -= 3;
	if (i == 0 || !((s[i - 1] >= '0' && s[i - 1] <= '9')))
		return 0;
	while (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.'))
		i--;
	if (i == 0 || s[i - 1] != '(')
		return 0;
	return len - (i - 1);
}

char *jx_name_normalize(const char *name)
{
	jx__buf b;
	const unsigned char *s = (const unsigned char *)name;
	size_t len = strlen(name), i = 0, n;
	unsigned cp;
	char *out;
	jx__buf_init(&b);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (!n) { /* not UTF-8: keep the byte */
			jx__buf_put(&b, (const char *)s + i, 1);
			i++;
			continue;
		}
		i += n;
		if (cp == 0x3000)
			cp = ' ';
		cp = fold_cp(cp);
		if (is_space_cp(cp) || is_quote_cp(cp))
			continue;
		utf8_put(&b, cp);
	}
	out = jx__buf_detach(&b);
	if (out)
		out[strlen(out) - weight_suffix_len(out, strlen(out))] = '\0';
	return out;
}

char *jx_key_make(const char *level1, const char *level2, const char *level3)
{
	char *a = jx_name_normalize(level1), *b = jx_name_normalize(level2),
	     *c = jx_name_normalize(level3), *key = NULL;
	if (a && b && c)
		key = jx__sprintf("%s/%s/%s", a, b, c);
	free(a);
	free(b);
	free(c);
	return key;
}

static int is_trim_byte_seq(const char *p, size_t *n)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f') {
		*n = 1;
		return 1;
	}
	if (!strncmp(p, "\xE3\x80\x80", 3)) { /* U+3000 */
		*n = 3;
		return 1;
	}
	if (!strncmp(p, "\xC2\xA0", 2)) {
		*n = 2;
		return 1;
	}
	return 0;
}

char *jx_trim(char *s)
{
	size_t n, len, start = 0;
	if (!s)
		return s;
	while (s[start] && is_trim_byte_seq(s + start, &n))
		start += n;
	if (start)
		memmove(s, s + start, strlen(s + start) + 1);
	len = strlen(s);
	for (;;) {
		if (len >= 1 && strchr(" \t\n\r\v\f", s[len - 1]))
			len--;
		else if (len >= 3 && !memcmp(s + len - 3, "\xE3\x80\x80", 3))
			len -= 3;
		else if (len >= 2 && !memcmp(s + len - 2, "\xC2\xA0", 2))
			len -= 2;
		else
			break;
	}
	s[len] = '\0';
	return s;
}

/* Copy of s with full-width ASCII folded to half-width (for numbers and suffixes). */
static char *fold_copy(const char *s)
{
	jx__buf b;
	size_t len = strlen(s), i = 0, n;
	unsigned cp;
	jx__buf_init(&b);
	while (i < len) {
		n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			jx__buf_put(&b, s + i, 1);
			i++;
			continue;
		}
		i += n;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000)
			cp = ' ';
		utf8_put(&b, cp);
	}
	return jx__buf_detach(&b);
}

int jx_name_split_weight(char **name_out, double *weight, const char *cell)
{
	char *f = fold_copy(cell), *p, *open;
	size_t len;
	*name_out = NULL;
	*weight = NAN;
	if (!f)
		return jx__oom();
	jx_trim(f);
	len = strlen(f);
	/* "<name> ( 20 分 )" after folding: find the last '(' and check the rest */
	open = strrchr(f, '(');
	if (open && len > 0 && f[len - 1] == ')') {
		char num[64];
		size_t k = 0;
		p = open + 1;
		while (*p == ' ')
			p++;
		while (((*p >= '0' && *p <= '9') || *p == '.') && k + 1 < sizeof(num))
			num[k++] = *p++;
		num[k] = '\0';
		while (*p == ' ')
			p++;
		if (k > 0 && !strncmp(p, "\xE5\x88\x86", 3)) {
			p += 3;
			while (*p == ' ')
				p++;
			if (*p == ')' && p[1] == '\0') {
				/* the name keeps its original (unfolded) spelling */
				size_t name_bytes;
				char *orig = jx__strdup(cell), *o;
				if (!orig) {
					free(f);
					return jx__oom();
				}
				jx_trim(orig);
				/* cut orig at its last '(' or '（' */
				o = NULL;
				for (char *q = orig; *q; q++)
					if (*q == '(' || !strncmp(q, "\xEF\xBC\x88", 3))
						o = q;
				name_bytes = o ? (size_t)(o - orig) : strlen(orig);
				orig[name_bytes] = '\0';
				jx_trim(orig);
				*weight = strtod(num, NULL);
				*name_out = orig;
				free(f);
				return 1;
			}
		}
	}
	free(f);
	*name_out = jx__strdup(cell);
	if (!*name_out)
		return jx__oom();
	jx_trim(*name_out);
	return 0;
}

size_t jx_levenshtein(const char *a, const char *b)
{
	unsigned *ca, *cb;
	size_t na = 0, nb = 0, la = strlen(a), lb = strlen(b), i, j, n, *prev, *cur, res;
	unsigned cp;
	ca = malloc((la + 1) * sizeof(*ca));
	cb = malloc((lb + 1) * sizeof(*cb));
	prev = malloc((lb + 2) * sizeof(*prev));
	cur = malloc((lb + 2) * sizeof(*cur));
	if (!ca || !cb || !prev || !cur) {
		free(ca), free(cb), free(prev), free(cur);
		return (size_t)-1;
	}
	for (i = 0; i < la; i += n) {
		n = utf8_decode((const unsigned char *)a + i, la - i, &cp);
		if (!n)
			n = 1, cp = (unsigned char)a[i];
		ca[na++] = cp;
	}
	for (i = 0; i < lb; i += n) {
		n = utf8_decode((const unsigned char *)b + i, lb - i, &cp);
		if (!n)
			n = 1, cp = (unsigned char)b[i];
		cb[nb++] = cp;
	}
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	for (i = 1; i <= na; i++) {
		cur[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1,
			       sub = prev[j - 1] + (ca[i - 1] != cb[j - 1]);
			cur[j] = del < ins ? (del < sub ? del : sub) : (ins < sub ? ins : sub);
		}
		memcpy(prev, cur, (nb + 1) * sizeof(*prev));
	}
	res = prev[nb];
	free(ca), free(cb), free(prev), free(cur);
	return res;
}

static int wide_cp(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t jx_display_width(const char *s)
{
	size_t w = 0, i = 0, len = strlen(s), n;
	unsigned cp;
	while (i < len) {
		n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (!n) {
			w++;
			i++;
			continue;
		}
		i += n;
		if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B)
			continue;
		w += wide_cp(cp) ? 2 : 1;
	}
	return w;
}

/* ---- numbers ---- */

/* Numbers are read and written in the C locale whatever setlocale() says
 * (a comma-decimal LC_NUMERIC would turn 1.5 into "1,5"): the calling thread
 * switches to this locale around strtod/snprintf. NULL if it cannot be made. */
static locale_t c_numeric(void)
{
	static _Thread_local locale_t loc = (locale_t)0;
	if (!loc)
		loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	return loc;
}

/* Fold and trim s into buf; check it is [+-]?digits[.digits]. Returns 0 or -1. */
static int number_text(char *buf, size_t size, const char *s)
{
	char *f = fold_copy(s);
	const char *p;
	int digits = 0, dot = 0;
	if (!f)
		return -1;
	jx_trim(f);
	if (strlen(f) >= size) {
		free(f);
		return -1;
	}
	strcpy(buf, f);
	free(f);
	p = buf;
	if (*p == '+' || *p == '-')
		p++;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && !dot && digits)
			dot = 1;
		else
			return -1;
	}
	if (!digits || (dot && p[-1] == '.'))
		return -1;
	return 0;
}

int jx_number_parse(const char *s, double *out)
{
	char buf[64];
	char *end;
	double v;
	if (!s || number_text(buf, sizeof(buf), s) != 0)
		return jx__error(JX_EINVAL, "'%s' is not a number", s ? s : "");
	{
		locale_t c = c_numeric(), prev = c ? uselocale(c) : (locale_t)0;
		errno = 0;
		v = strtod(buf, &end);
		if (c)
			uselocale(prev);
	}
	if (*end || errno == ERANGE || !isfinite(v))
		return jx__error(JX_EINVAL, "'%s' is not a number in range", s);
	*out = v;
	return 0;
}

int jx_cents_parse(const char *s, int64_t *out)
{
	char buf[64];
	const char *p;
	int neg = 0, frac = 0, seen_dot = 0;
	int64_t v = 0;
	if (!s || number_text(buf, sizeof(buf), s) != 0)
		return jx__error(JX_EINVAL, "'%s' is not a number", s ? s : "");
	p = buf;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; *p; p++) {
		if (*p == '.') {
			seen_dot = 1;
			continue;
		}
		if (seen_dot && ++frac > 2) {
			if (*p != '0')
				return jx__error(JX_EINVAL,
						 "'%s' has more than two decimal places (amounts are "
						 "kept to 0.01)",
						 s);
			continue;
		}
		if (v > (INT64_MAX - (*p - '0')) / 10)
			return jx__error(JX_EINVAL, "'%s' is too large", s);
		v = v * 10 + (*p - '0');
	}
	for (; frac < 2; frac++) {
		if (v > INT64_MAX / 10)
			return jx__error(JX_EINVAL, "'%s' is too large", s);
		v *= 10;
	}
	*out = neg ? -v : v;
	return 0;
}

void jx_cents_format(char *buf, size_t size, int64_t cents)
{
	uint64_t a = cents < 0 ? (uint64_t)(-(cents + 1)) + 1 : (uint64_t)cents;
	const char *sign = cents < 0 ? "-" : "";
	unsigned long long ip = (unsigned long long)(a / 100), fp = (unsigned long long)(a % 100);
	if (fp == 0)
		snprintf(buf, size, "%s%llu", sign, ip);
	else if (fp % 10 == 0)
		snprintf(buf, size, "%s%llu.%llu", sign, ip, fp / 10);
	else
		snprintf(buf, size, "%s%llu.%02llu", sign, ip, fp);
}

/* Print v with p significant digits; 1 when it parses back to v. */
static int general_trips(char *buf, size_t size, int p, double v)
{
	snprintf(buf, size, "%.*g", p, v);
	return strtod(buf, NULL) == v;
}

/* Shortest text that reads back as v, without an exponent for 1e-6 <= |v| <
 * 1e15 when at most 17 decimals do. %.15g strips trailing zeros, and a double
 * nearest a decimal of <= 15 digits prints back as that decimal, so the first
 * of 15, 16, 17 digits that round-trips is the shortest form (subnormals,
 * with fewer digits, are searched from 1). Same output as trying every
 * precision in turn, at a fifth of the cost: the analysis formats ~10^6
 * numbers, and this was its hot spot. */
static void number_format_c(char *buf, size_t size, double v)
{
	char *ex;
	int p, sig = 0, d;
	if (isnan(v)) {
		snprintf(buf, size, "%s", "");
		return;
	}
	if (v == 0) {
		snprintf(buf, size, "0");
		return;
	}
	for (p = fabs(v) < DBL_MIN ? 1 : 15; p < 17 && !general_trips(buf, size, p, v); p++)
		;
	if (p == 17)
		snprintf(buf, size, "%.17g", v);
	if (!(fabs(v) < 1e15 && fabs(v) >= 1e-6) || !(ex = strchr(buf, 'e')))
		return;
	for (const char *c = buf; c < ex; c++)
		sig += *c >= '0' && *c <= '9';
	d = sig - 1 - atoi(ex + 1);
	if (d <= 17)
		snprintf(buf, size, "%.*f", d < 0 ? 0 : d, v);
}

void jx_number_format(char *buf, size_t size, double v)
{
	locale_t c = c_numeric(), prev = c ? uselocale(c) : (locale_t)0;
	number_format_c(buf, size, v);
	if (c)
		uselocale(prev);
}
