/* SPDX-License-Identifier: GPL-3.0-or-later */
/* encoding.c -- input text to UTF-8: validation, GB18030 through iconv, encoding names.
 *
 * Reports arrive as UTF-8 or GB18030 with any line ends; everything inside
 * jixiao is UTF-8 with "\n". */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text/internal.h"

int jx_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	size_t i = 0, n;
	unsigned cp;
	while (i < len) {
		n = jx__utf8_decode((const unsigned char *)s + i, len - i, &cp);
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

int jx__text_convert(jx__buf *out, const char *from, const char *data, size_t len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char chunk[4096];
	char *in = (char *)data;
	size_t inleft = len;
	int rc = 0;
	if (cd == (iconv_t)-1)
		return jx__error(JX_EIO, "iconv cannot convert %s: %s", from, strerror(errno));
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
		if (jx__text_convert(&raw, "GB18030", src, srclen, &bad) != 0) {
			if (enc == JX_ENC_GB18030)
				rc = jx__error(JX_EPARSE, "%s:%d: invalid GB18030 byte sequence",
					       name, line_of(src, bad));
			else
				rc = jx__error(
					JX_EPARSE,
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
				       "%s:%d: control character 0x%02X; this is not a text file",
				       name, line_of(src, i), c);
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
