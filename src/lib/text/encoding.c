/* SPDX-License-Identifier: GPL-3.0-or-later */
/* encoding.c -- input text to UTF-8: validation, GB18030 and UTF-16 through iconv,
 * encoding names.
 *
 * Reports arrive as UTF-8 or GB18030 with any line ends, sometimes as UTF-16
 * with a byte-order mark (Windows "Unicode 文本"); everything inside jixiao is
 * UTF-8 with "\n". */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text/internal.h"

/*
 * Checked as jx__utf8_decode checks, faster for what files hold: ASCII runs
 * 8 bytes at a time, and the 3-byte sequences of CJK text (lead bytes E1-EC,
 * EE, EF, which can be neither overlong nor surrogates) inline. Every import
 * checks its whole text here (issue 23).
 */
int jx_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned cp;
	uint64_t w;
	while (i < len) {
		unsigned c = u[i];
		if (c < 0x80) {
			for (i++;
			     i + 8 <= len && (memcpy(&w, u + i, 8), !(w & 0x8080808080808080u));)
				i += 8;
			continue;
		}
		if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < len &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (!(n = jx__utf8_decode(u + i, len - i, &cp))) {
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

int jx__text_convert(jx__buf *out, const char *from, const char *data, size_t len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char chunk[4096];
	char *in = (char *)data;
	size_t inleft = len;
	int rc = 0;
	if (cd == (iconv_t)-1)
		return jx__error(JX_EIO, _("iconv cannot convert %s: %s"), from, strerror(errno));
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

/* Lines in the first n bytes of b's data, plus one: where decoding stopped. */
static int line_after(const jx__buf *b)
{
	return b->data ? line_of(b->data, b->len) : 1;
}

/*
 * UTF-16 (Windows "Unicode text"): a byte-order mark says which way round;
 * without one, --encoding utf-16 means little-endian as Windows writes it.
 * 1 when data is not UTF-16 (no mark, not asked for), else 0 or JX_EPARSE.
 */
static int from_utf16(jx__buf *out, const char *name, const char *data, size_t len, jx_encoding enc)
{
	const char *from = "UTF-16LE";
	size_t bad = 0;
	if (len >= 2 && !memcmp(data, "\xFE\xFF", 2))
		from = "UTF-16BE";
	else if (!(len >= 2 && !memcmp(data, "\xFF\xFE", 2)) && enc != JX_ENC_UTF16)
		return 1;
	if (len >= 2 && (!memcmp(data, "\xFE\xFF", 2) || !memcmp(data, "\xFF\xFE", 2))) {
		data += 2;
		len -= 2;
	}
	if (len % 2) { /* decode what is whole to say on which line the text stops */
		jx__text_convert(out, from, data, len - 1, &bad);
		return jx__error(
			JX_EPARSE,
			_("%s:%d: UTF-16 text with an odd number of bytes (the file is cut off)"),
			name, line_after(out));
	}
	if (jx__text_convert(out, from, data, len, &bad) != 0)
		return jx__error(JX_EPARSE, _("%s:%d: invalid %s sequence (unpaired surrogate?)"),
				 name, line_after(out), from);
	return 0;
}

/* GB18030 -> UTF-8 into raw; the error names the line of the first bad byte. */
static int from_gb18030(jx__buf *raw, const char *name, const char *src, size_t srclen,
			jx_encoding enc)
{
	size_t utf8_bad = 0, bad = 0;
	if (enc != JX_ENC_GB18030)
		jx_utf8_valid(src, srclen, &utf8_bad);
	if (jx__text_convert(raw, "GB18030", src, srclen, &bad) == 0)
		return 0;
	if (enc == JX_ENC_GB18030)
		return jx__error(JX_EPARSE, _("%s:%d: invalid GB18030 byte sequence"), name,
				 line_of(src, bad));
	return jx__error(JX_EPARSE,
			 _("%s:%d: invalid UTF-8 byte sequence, and the file is "
			   "not GB18030 either (mixed or unknown encoding)"),
			 name, line_of(src, utf8_bad));
}

/* A NUL byte: say where, and that two NULs in a row of every other byte look like UTF-16. */
static int nul_byte(const char *name, const char *data, size_t len)
{
	size_t off = (size_t)((const char *)memchr(data, '\0', len) - data);
	int alternate = len >= 4 && (!data[0] || !data[1]) && (!data[2] || !data[3]);
	return jx__error(JX_EPARSE, _("%s:%d: contains a NUL byte; this is not a text file%s"),
			 name, line_of(data, off),
			 alternate ? " (UTF-16 without a byte-order mark? pass --encoding utf-16)"
				   : "");
}

/* Line ends folded to "\n", control characters refused; the result into res. */
static int fold_lines(jx__buf *res, const char *name, const char *src, size_t srclen)
{
	for (size_t i = 0; i < srclen; i++) {
		unsigned char c = (unsigned char)src[i];
		if (c == '\r') {
			if (i + 1 < srclen && src[i + 1] == '\n')
				i++;
			jx__buf_put(res, "\n", 1);
		} else if (c == '\f') {
			jx__buf_put(res, "\n", 1);
		} else if (c == '\0' || (c < 0x20 && c != '\n' && c != '\t')) {
			return jx__error(
				JX_EPARSE,
				c ? "%s:%d: control character 0x%02X; this is not a text file"
				  : "%s:%d: contains a NUL byte (U+0000); this is not a text file",
				name, line_of(src, i), c);
		} else {
			jx__buf_put(res, src + i, 1);
		}
	}
	return 0;
}

int jx_text_decode(char **out, size_t *out_len, jx_encoding *detected, const char *name,
		   const char *data, size_t len, jx_encoding enc)
{
	jx__buf raw, res;
	const char *src = data;
	size_t srclen = len, bad = 0;
	jx_encoding used = JX_ENC_UTF8;
	int rc = 0;

	*out = NULL;
	*out_len = 0;
	jx__buf_init(&raw);
	jx__buf_init(&res);
	if ((rc = from_utf16(&raw, name, data, len, enc)) == 0) {
		used = JX_ENC_UTF16;
		src = raw.data ? raw.data : "";
		srclen = raw.len;
	} else if (rc != 1) {
		goto out;
	} else if (memchr(data, '\0', len)) {
		rc = nul_byte(name, data, len);
		goto out;
	} else {
		rc = 0;
		if (enc != JX_ENC_GB18030 && len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
			src += 3;
			srclen -= 3;
		}
		if (enc == JX_ENC_GB18030 ||
		    (enc == JX_ENC_AUTO && !jx_utf8_valid(src, srclen, NULL))) {
			if ((rc = from_gb18030(&raw, name, src, srclen, enc)) != 0)
				goto out;
			used = JX_ENC_GB18030;
			src = raw.data ? raw.data : "";
			srclen = raw.len;
		} else if (enc == JX_ENC_UTF8 && !jx_utf8_valid(src, srclen, &bad)) {
			rc = jx__error(JX_EPARSE, _("%s:%d: invalid UTF-8 byte sequence"), name,
				       line_of(src, bad));
			goto out;
		}
	}
	if ((rc = fold_lines(&res, name, src, srclen)) != 0)
		goto out;
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
	else if (!strcmp(s, "utf-16") || !strcmp(s, "utf16") || !strcmp(s, "UTF-16"))
		*out = JX_ENC_UTF16;
	else
		return jx__error(JX_EINVAL,
				 _("unknown encoding '%s' (auto, utf-8, gb18030, utf-16)"), s);
	return 0;
}
