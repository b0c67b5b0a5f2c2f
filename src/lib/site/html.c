/* SPDX-License-Identifier: GPL-3.0-or-later */
/* html.c -- the pieces every page of the site shares: escaping, the head with
 * its inline CSS, grade colours, saving a page. No text reaches a page
 * unescaped; no page loads anything from elsewhere. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "site/internal.h"

void jx__site_esc(jx__buf *b, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': jx__buf_puts(b, "&amp;"); break;
		case '<': jx__buf_puts(b, "&lt;"); break;
		case '>': jx__buf_puts(b, "&gt;"); break;
		case '"': jx__buf_puts(b, "&quot;"); break;
		case '\'': jx__buf_puts(b, "&#39;"); break;
		default: jx__buf_put(b, s, 1);
		}
}

static const char css[] =
	"body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:1.5em;"
	"color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px "
	"solid #ccc}table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid "
	"#ccc;padding:.2em .45em;text-align:right}th{background:#f2f2f2}td.l,th.l{text-align:"
	"left}.g0{background:#c8e6c9}.g1{background:#fff3c4}.g2{background:#ffd8a8}.g3{"
	"background:#f8b4b4}.gu{background:#eee}.banner{background:#fff3c4;border:1px solid "
	"#e0b000;padding:.5em;margin:.5em 0}nav a{margin-right:.8em}.note{color:#555;"
	"font-size:.9em}#pager button{margin:0 .3em}";

void jx__site_head(jx__buf *b, const char *title, const jx_overview *ov)
{
	jx__buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	jx__site_esc(b, title);
	jx__buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
	if (ov->provenance == JX_PROV_SYNTHETIC) {
		jx__buf_puts(b, "<p class=\"banner\">");
		jx__buf_puts(b, "合成数据 · ");
		jx__site_esc(b, _("synthetic data: the departments marked synthetic are fictional, "
				  "made by jixiao-synth; they are not real evaluations."));
		jx__buf_puts(b, "</p>\n");
	}
}

void jx__site_tail(jx__buf *b)
{
	jx__buf_puts(b, "</body>\n</html>\n");
}

const char *jx__site_grade_class(const jx_overview *ov, const char *grade)
{
	static const char *const classes[] = {"g0", "g1", "g2", "g3"};
	for (size_t i = 0; grade && *grade && i < ov->nbands; i++)
		if (!strcmp(ov->bands[i].grade, grade))
			return classes[i < 3 ? i : 3];
	return "gu";
}

int jx__site_page_open(jx__site_page *p, const jx__site *s, const char *name)
{
	char *path = jx__sprintf("%s/%s", s->tmp, name);
	memset(p, 0, sizeof(*p));
	jx__buf_init(&p->b);
	p->name = name;
	if (!path)
		return jx__oom();
	p->f = fopen(path, "wb");
	free(path);
	return p->f ? 0 : jx__error(JX_EIO, "%s: %s", name, strerror(errno));
}

/* Write what b holds and empty it (its room is kept); a failure is kept in p->rc. */
static void page_write(jx__site_page *p)
{
	if (p->rc == 0 && p->b.failed)
		p->rc = jx__oom();
	if (p->rc == 0 && p->b.len && fwrite(p->b.data, 1, p->b.len, p->f) != p->b.len)
		p->rc = jx__error(JX_EIO, "%s: %s", p->name, strerror(errno));
	p->b.len = 0;
	if (p->b.data)
		p->b.data[0] = '\0';
}

void jx__site_page_spill(jx__site_page *p)
{
	if (p->b.len >= 64u << 10 || p->b.failed)
		page_write(p);
}

int jx__site_page_close(jx__site_page *p, jx__site *s, int rc)
{
	if (rc == 0)
		page_write(p);
	rc = rc ? rc : p->rc;
	if (p->f && fclose(p->f) && rc == 0)
		rc = jx__error(JX_EIO, "%s: %s", p->name, strerror(errno));
	if (rc == 0)
		s->stats.files++;
	jx__buf_free(&p->b);
	p->f = NULL;
	return rc;
}

int jx__site_save(jx__site *s, const char *name, jx__buf *b)
{
	jx__site_page p;
	int rc = jx__site_page_open(&p, s, name);
	if (rc) {
		jx__buf_free(b);
		return rc;
	}
	p.b = *b;
	jx__buf_init(b);
	return jx__site_page_close(&p, s, 0);
}
