/* SPDX-License-Identifier: GPL-3.0-or-later */
/* svg.c -- gnuplot's SVG made fit to sit inline in the HTML report.
 *
 * Several charts share one HTML document, and gnuplot names its ids the
 * same way in every file (gnuplot_canvas, gpPt0, ...), so each chart's ids
 * get a prefix, and references to them (href="#x", url(#x)) follow. The
 * prolog (XML declaration, DOCTYPE) is dropped, and so is anything that
 * could run: <script> elements and on* attributes. Text between tags is
 * copied as it is: gnuplot has already escaped it as XML.
 */
#include <ctype.h>
#include <string.h>
#include "report/internal.h"

/* Start of "<name" followed by a space, '>' or '/'; NULL when absent. */
static const char *find_tag(const char *s, const char *end, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = s; p && p + n < end; p = memchr(p + 1, '<', (size_t)(end - p - 1))) {
		if (*p == '<' && !strncmp(p + 1, name, n) &&
		    (isspace((unsigned char)p[n + 1]) || p[n + 1] == '>' || p[n + 1] == '/'))
			return p;
	}
	return NULL;
}

/* 1 when the tag at p (p[0] == '<') is <name ...> (checked at p only). */
static int tag_is(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);
	return p + n + 1 < end && p[0] == '<' && !strncmp(p + 1, name, n) &&
	       (isspace((unsigned char)p[n + 1]) || p[n + 1] == '>' || p[n + 1] == '/');
}

/* Attribute value with references to ids prefixed. */
static void put_value(jx__buf *b, const char *name, size_t nlen, const char *v, size_t vlen,
		      const char *prefix)
{
	int is_id = nlen == 2 && !strncmp(name, "id", 2);
	int is_href = (nlen == 4 && !strncmp(name, "href", 4)) ||
		      (nlen == 10 && !strncmp(name, "xlink:href", 10));
	if (is_id)
		jx__buf_puts(b, prefix);
	if (is_href && vlen && v[0] == '#') {
		jx__buf_put(b, "#", 1);
		jx__buf_puts(b, prefix);
		v++;
		vlen--;
	}
	for (size_t i = 0; i < vlen; i++) {
		if (vlen - i >= 5 && !strncmp(v + i, "url(#", 5)) {
			jx__buf_put(b, "url(#", 5);
			jx__buf_puts(b, prefix);
			i += 4;
			continue;
		}
		jx__buf_put(b, v + i, 1);
	}
}

/* Copy one start or end tag at p (which is '<'), rewriting attributes; returns the end. */
static const char *put_tag(jx__buf *b, const char *p, const char *end, const char *prefix)
{
	const char *q = p + 1;
	while (q < end && *q != '>' && !isspace((unsigned char)*q) && *q != '/')
		q++;
	jx__buf_put(b, p, (size_t)(q - p));
	while (q < end && *q != '>') {
		const char *name = q, *v;
		size_t nlen;
		char quote;
		if (isspace((unsigned char)*q) || *q == '/') {
			jx__buf_put(b, q++, 1);
			continue;
		}
		while (q < end && *q != '=' && *q != '>' && !isspace((unsigned char)*q))
			q++;
		nlen = (size_t)(q - name);
		if (!nlen) {
			jx__buf_put(b, q++, 1);
			continue;
		}
		if (q >= end || *q != '=' || (q[1] != '"' && q[1] != '\'')) {
			jx__buf_put(b, name, nlen);
			continue;
		}
		quote = q[1];
		v = q + 2;
		if (!(q = memchr(v, quote, (size_t)(end - v))))
			return end;
		if (nlen >= 2 && (name[0] == 'o' || name[0] == 'O') &&
		    (name[1] == 'n' || name[1] == 'N')) {
			q++; /* an event handler: dropped */
			continue;
		}
		jx__buf_put(b, name, nlen);
		jx__buf_printf(b, "=%c", quote);
		put_value(b, name, nlen, v, (size_t)(q - v), prefix);
		jx__buf_put(b, &quote, 1);
		q++;
	}
	if (q < end)
		jx__buf_put(b, q++, 1);
	return q;
}

/* Copy from p to the end of a construct ending with close; returns the end. */
static const char *put_until(jx__buf *b, const char *p, const char *end, const char *close,
			     int keep)
{
	const char *q = strstr(p, close);
	q = q && q < end ? q + strlen(close) : end;
	if (keep)
		jx__buf_put(b, p, (size_t)(q - p));
	return q;
}

char *rp_svg_inline(const char *svg, const char *prefix)
{
	const char *end, *p, *last = NULL;
	jx__buf b;
	if (!svg)
		return NULL;
	end = svg + strlen(svg);
	if (!(p = find_tag(svg, end, "svg")))
		return NULL;
	for (const char *m = strstr(p, "</svg>"); m; m = strstr(m + 1, "</svg>"))
		last = m;
	if (!last)
		return NULL;
	end = last + strlen("</svg>");
	jx__buf_init(&b);
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		if (!lt) {
			jx__buf_put(&b, p, (size_t)(end - p));
			break;
		}
		jx__buf_put(&b, p, (size_t)(lt - p));
		if (!strncmp(lt, "<!--", 4))
			p = put_until(&b, lt, end, "-->", 0);
		else if (!strncmp(lt, "<![CDATA[", 9))
			p = put_until(&b, lt, end, "]]>", 1);
		else if (!strncmp(lt, "<?", 2))
			p = put_until(&b, lt, end, "?>", 0);
		else if (tag_is(lt, end, "script"))
			p = put_until(&b, lt, end, "</script>", 0);
		else
			p = put_tag(&b, lt, end, prefix);
	}
	jx__buf_puts(&b, "\n");
	return jx__buf_detach(&b);
}

char *jx_report_svg_inline(const char *svg, const char *prefix)
{
	return rp_svg_inline(svg, prefix);
}
