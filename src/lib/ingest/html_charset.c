/* SPDX-License-Identifier: GPL-3.0-or-later */
/* html_charset.c -- a web page's bytes into UTF-8: the declared charset, else detected.
 *
 * Chinese government pages are GB2312 or GBK as often as UTF-8, and their
 * declarations are not always true. The charset a page declares
 * (<meta charset=…>, <meta http-equiv … content="…; charset=…">, an XML
 * declaration) is looked for in its first 8 KiB. GB2312, GBK and their
 * aliases are decoded as GB18030, their superset (a GB2312 page often uses
 * GBK characters). A page declaring UTF-8, or nothing, is read as UTF-8
 * when its bytes are UTF-8, else as GB18030 with a note. Any other
 * declared charset goes through iconv. --encoding overrides all this.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "ingest/internal.h"

#define HTML_MAX_BYTES ((size_t)64 << 20)
#define CHARSET_WINDOW 8192

static int isalnum_ascii(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The first "charset=NAME" or XML "encoding=NAME" in the page's head; "" when none. */
static void declared_charset(char *out, size_t size, const char *data, size_t len)
{
	static const char *const keys[] = {"charset", "encoding", NULL};
	size_t end = len < CHARSET_WINDOW ? len : CHARSET_WINDOW, best = end;
	out[0] = '\0';
	for (int k = 0; keys[k]; k++) {
		size_t kl = strlen(keys[k]);
		for (size_t i = 0; i + kl < end && i < best; i++) {
			size_t p = i + kl, n = 0;
			if (strncasecmp(data + i, keys[k], kl) != 0)
				continue;
			while (p < end && (data[p] == ' ' || data[p] == '\t'))
				p++;
			if (p >= end || data[p] != '=')
				continue;
			p++;
			while (p < end && strchr(" \t\"'", data[p]))
				p++;
			while (p + n < end && n + 1 < size &&
			       (isalnum_ascii(data[p + n]) || strchr("-_.:", data[p + n])))
				n++;
			if (!n)
				continue;
			memcpy(out, data + p, n);
			out[n] = '\0';
			best = i;
			break;
		}
	}
}

static int gb_family(const char *cs)
{
	static const char *const names[] = {"gb2312", "gbk",         "gb18030",    "x-gbk",
					    "cp936",  "euc-cn",      "x-euc-cn",   "csgb2312",
					    "ms936",  "windows-936", "gb_2312-80", NULL};
	for (int i = 0; names[i]; i++)
		if (!strcasecmp(cs, names[i]))
			return 1;
	return 0;
}

static int utf8_name(const char *cs)
{
	return !*cs || !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8");
}

/* Another declared charset through iconv; its bytes then checked as UTF-8 text. */
static int convert_other(char **out, size_t *outlen, const char *name, const char *cs,
			 const char *data, size_t len)
{
	jx__buf b;
	size_t bad = 0;
	int rc;
	jx__buf_init(&b);
	rc = jx__text_convert(&b, cs, data, len, &bad);
	if (rc == JX_EIO) {
		jx__buf_free(&b);
		return jx__error(JX_EPARSE,
				 _("%s:1: the page declares charset %s, which cannot be "
				   "read; pass --encoding utf-8 or gb18030 if it is wrong"),
				 name, cs);
	}
	if (rc != 0) {
		jx__buf_free(&b);
		return jx__error(JX_EPARSE,
				 _("%s: the page's bytes are not valid %s (at byte %zu)"), name, cs,
				 bad);
	}
	jx__buf_put(&b, "", 0);
	if (b.failed) {
		jx__buf_free(&b);
		return jx__oom();
	}
	rc = jx_text_decode(out, outlen, NULL, name, b.data, b.len - 1, JX_ENC_UTF8);
	jx__buf_free(&b);
	return rc;
}

int jx__html_decode(char **out, size_t *outlen, char **note, const char *name, const char *data,
		    size_t len, jx_encoding enc)
{
	char cs[40];
	jx_encoding used = JX_ENC_UTF8;
	int rc;
	*out = NULL;
	*outlen = 0;
	*note = NULL;
	if (len > HTML_MAX_BYTES)
		return jx__error(JX_EINVAL, _("%s: a web page larger than %zu MiB; refusing it"),
				 name, HTML_MAX_BYTES >> 20);
	if (len >= 2 && (!memcmp(data, "\xFF\xFE", 2) || !memcmp(data, "\xFE\xFF", 2)))
		return jx__error(JX_EPARSE,
				 _("%s:1: a UTF-16 web page: save it as UTF-8 and import "
				   "that"),
				 name);
	if (enc != JX_ENC_AUTO)
		return jx_text_decode(out, outlen, NULL, name, data, len, enc);
	declared_charset(cs, sizeof(cs), data, len);
	if (gb_family(cs))
		return jx_text_decode(out, outlen, NULL, name, data, len, JX_ENC_GB18030);
	if (!utf8_name(cs))
		return convert_other(out, outlen, name, cs, data, len);
	if ((rc = jx_text_decode(out, outlen, &used, name, data, len, JX_ENC_AUTO)) != 0)
		return rc;
	if (used == JX_ENC_GB18030 &&
	    !(*note = jx__sprintf("%s: %s", name,
				  *cs ? _("the page declares UTF-8 but its bytes are not UTF-8; "
					  "read as GB18030")
				      : _("no charset declared; the bytes read as GB18030"))))
		return jx__oom();
	return 0;
}
