/* SPDX-License-Identifier: GPL-3.0-or-later */
/* html.c -- the report document as one self-contained HTML file.
 *
 * The output is also well-formed XML (every element closed, attributes
 * quoted, numeric character references only) so that `xmllint --noout`
 * can check it. CSS is inline, charts are inline SVG, and there is no
 * script and no external resource: the file can be mailed or archived
 * alone. Screen: a centred page; print: A4 with page numbers, and the
 * synthetic-data mark in the footer of every page when it applies.
 */
#include <stdlib.h>
#include <string.h>
#include "report/internal.h"

static const char css[] =
	":root{--ink:#1d2939;--muted:#667085;--line:#d0d5dd;--soft:#f2f4f7;--brand:#1f3a5f;"
	"--accent:#2e6da4;--bad:#b42318;--badbg:#fef3f2;--good:#067647}\n"
	"*{box-sizing:border-box}\n"
	"html{background:#e9edf2}\n"
	"body{margin:0;color:var(--ink);font:15px/1.65 'Noto Sans CJK SC','Source Han Sans SC',"
	"'PingFang SC','Microsoft YaHei',sans-serif;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}\n"
	".page{max-width:1040px;margin:24px auto;background:#fff;padding:36px 56px 44px;"
	"box-shadow:0 1px 4px rgba(16,24,40,.15)}\n"
	".banner{background:var(--badbg);border:1px solid #fda29b;border-left:6px solid var(--bad);"
	"color:var(--bad);padding:10px 16px;margin:0 0 22px;font-weight:600}\n"
	"header.cover{border-bottom:3px solid "
	"var(--brand);padding-bottom:14px;margin-bottom:22px}\n"
	".kicker{color:var(--accent);font-size:13px;letter-spacing:.06em;margin:0}\n"
	"h1{font-size:28px;margin:4px 0 6px;color:var(--brand);line-height:1.3}\n"
	".subtitle{font-size:16px;margin:0}\n"
	".meta{font-size:12px;color:var(--muted);margin:4px 0 0}\n"
	"nav.toc{background:var(--soft);padding:10px 20px 12px;border-radius:6px}\n"
	"nav.toc p{font-size:13px;margin:0 0 4px;color:var(--muted);font-weight:600}\n"
	"nav.toc ol{margin:0;padding:0;list-style:none;columns:3;column-gap:24px;font-size:14px}\n"
	"nav.toc a{color:var(--brand);text-decoration:none}\n"
	"section{margin-top:34px}\n"
	"h2{font-size:21px;color:var(--brand);border-bottom:1px solid var(--line);"
	"padding-bottom:6px;margin:0 0 12px}\n"
	"h3{font-size:16px;margin:22px 0 8px}\n"
	"p{margin:8px 0}\n"
	"a{color:var(--accent)}\n"
	".cards{display:grid;grid-template-columns:repeat(5,1fr);gap:12px;margin:14px 0 6px}\n"
	".card{border:1px solid var(--line);border-top:4px solid var(--brand);border-radius:6px;"
	"padding:8px 12px 10px}\n"
	".card.good{border-top-color:var(--good)}\n.card.bad{border-top-color:var(--bad)}\n"
	".card .label{font-size:12px;color:var(--muted)}\n"
	".card .value{font-size:24px;font-weight:700;line-height:1.35;"
	"font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	".card.good .value{color:var(--good)}\n.card.bad .value{color:var(--bad)}\n"
	".card .sub{font-size:12px;color:var(--muted)}\n"
	".tablewrap{overflow-x:auto;margin:14px 0 4px}\n"
	"table{border-collapse:collapse;width:100%;font-size:13px;"
	"font-variant-numeric:tabular-nums;line-height:1.5}\n"
	"caption{text-align:left;font-weight:600;font-size:14px;padding:0 0 6px}\n"
	"th{background:var(--soft);color:#344054;font-weight:600;text-align:left;padding:6px 8px;"
	"border-bottom:2px solid var(--line);vertical-align:bottom}\n"
	"td{padding:5px 8px;border-bottom:1px solid #eaecf0;vertical-align:top}\n"
	"th.num,td.num{text-align:right;white-space:nowrap}\n"
	"tr.total td{font-weight:700;background:#f8fafc}\n"
	"td.bad,span.bad{color:var(--bad);font-weight:600}\n"
	"td.good{color:var(--good)}\n.muted{color:var(--muted)}\n"
	"td.muted{font-size:12px}\n.strong{font-weight:600}\n"
	"tr:target td,li:target{background:#fff6d5}\n"
	".tnote{font-size:12px;color:var(--muted);margin:2px 0 12px}\n"
	"figure.chart{margin:18px 0;text-align:center}\n"
	"figure.chart svg{width:100%;height:auto;max-width:920px}\n"
	"figcaption{font-size:13px;color:var(--muted);margin-top:2px}\n"
	".note{background:var(--soft);border-left:4px solid var(--line);padding:8px 12px}\n"
	".missing{color:var(--bad)}\n"
	"ol.plan{padding-left:1.6em}\n"
	"ol.plan li{margin:8px 0;padding:2px 4px}\n"
	"ol.plan a,td a{text-decoration:none}\n"
	"footer{margin-top:36px;border-top:1px solid var(--line);padding-top:8px;font-size:12px;"
	"color:var(--muted)}\n"
	"@page{size:A4;margin:15mm 13mm 17mm;"
	"@bottom-right{content:counter(page) ' / ' counter(pages);font-size:9pt;color:#667085}}\n"
	"@media print{html{background:#fff}"
	".page{max-width:none;margin:0;padding:0;box-shadow:none}"
	"body{font-size:10.5pt}table{font-size:8.5pt}.card .value{font-size:17pt}"
	"h2,h3,caption{break-after:avoid}tr,figure,.card,li{break-inside:avoid}"
	"thead{display:table-header-group}a{color:inherit}"
	"figure.chart svg{max-height:118mm}.tablewrap{overflow:visible}"
	".cards{gap:6px}.card{padding:6px 8px}}\n"
	"@media screen and (max-width:820px){.cards{grid-template-columns:repeat(2,1fr)}"
	".page{padding:20px}nav.toc ol{columns:1}}\n";

/* The printed pages' synthetic-data mark, in the document's language (a catalog text: trusted,
 * without quotes). */
static const char css_synthetic[] =
	"@page{@bottom-left{content:'%s';font-size:9pt;color:#b42318}}\n";

/* Append text escaped for HTML (& < > " '). */
static void html_escape(jx__buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': jx__buf_puts(b, "&amp;"); break;
		case '<': jx__buf_puts(b, "&lt;"); break;
		case '>': jx__buf_puts(b, "&gt;"); break;
		case '"': jx__buf_puts(b, "&quot;"); break;
		case '\'': jx__buf_puts(b, "&#39;"); break;
		default:
			/* control characters are not allowed in XML: a space instead */
			if (c < 0x20 && c != '\n' && c != '\t')
				c = ' ';
			jx__buf_put(b, (const char *)&c, 1);
		}
	}
}

static void classes(jx__buf *b, unsigned cls)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {{RD_NUM, "num"},     {RD_BAD, "bad"},       {RD_GOOD, "good"},
		     {RD_MUTED, "muted"}, {RD_STRONG, "strong"}, {RD_TOTAL, "total"}};
	int first = 1;
	if (!cls)
		return;
	jx__buf_puts(b, " class=\"");
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (cls & names[i].bit) {
			jx__buf_printf(b, "%s%s", first ? "" : " ", names[i].name);
			first = 0;
		}
	jx__buf_puts(b, "\"");
}

static void id_attr(jx__buf *b, const char *id)
{
	if (!id)
		return;
	jx__buf_puts(b, " id=\"");
	html_escape(b, id);
	jx__buf_puts(b, "\"");
}

static void text_link(jx__buf *b, const char *text, const char *href, unsigned cls)
{
	if (href) {
		jx__buf_puts(b, "<a href=\"");
		html_escape(b, href);
		jx__buf_puts(b, "\">");
	}
	if (cls) {
		jx__buf_puts(b, "<span");
		classes(b, cls);
		jx__buf_puts(b, ">");
	}
	html_escape(b, text);
	if (cls)
		jx__buf_puts(b, "</span>");
	if (href)
		jx__buf_puts(b, "</a>");
}

static void spans(jx__buf *b, const rd_inline *in)
{
	for (size_t i = 0; i < in->n; i++)
		text_link(b, in->spans[i].text, in->spans[i].href, in->spans[i].cls);
}

static void table(jx__buf *b, const rd_table *t)
{
	jx__buf_puts(b, "<div class=\"tablewrap\"><table");
	id_attr(b, t->id);
	jx__buf_puts(b, ">");
	if (t->caption) {
		jx__buf_puts(b, "<caption>");
		html_escape(b, t->caption);
		jx__buf_puts(b, "</caption>");
	}
	jx__buf_puts(b, "\n<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		jx__buf_puts(b, "<th");
		classes(b, t->colcls[c]);
		jx__buf_puts(b, ">");
		html_escape(b, t->heads[c]);
		jx__buf_puts(b, "</th>");
	}
	jx__buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const rd_row *row = &t->rows[r];
		jx__buf_puts(b, "<tr");
		id_attr(b, row->id);
		classes(b, row->cls);
		jx__buf_puts(b, ">");
		for (size_t c = 0; c < t->ncols; c++) {
			const rd_cell *cell = &row->cells[c];
			jx__buf_puts(b, "<td");
			classes(b, t->colcls[c] | cell->cls);
			jx__buf_puts(b, ">");
			text_link(b, cell->text ? cell->text : "", cell->href, 0);
			jx__buf_puts(b, "</td>");
		}
		jx__buf_puts(b, "</tr>\n");
	}
	jx__buf_puts(b, "</tbody></table></div>\n");
	if (t->note) {
		jx__buf_puts(b, "<p class=\"tnote\">");
		html_escape(b, t->note);
		jx__buf_puts(b, "</p>\n");
	}
}

static void chart(jx__buf *b, const rd_doc *d, const rd_chart *c)
{
	if (!c->svg && !c->error)
		return; /* charts were not asked for */
	jx__buf_puts(b, "<figure class=\"chart\"");
	id_attr(b, c->id);
	jx__buf_puts(b, ">\n");
	if (c->svg) {
		jx__buf_puts(b, c->svg);
	} else {
		char *msg = jx__sprintf(_("Chart not drawn: %s"), c->error);
		jx__buf_puts(b, "<p class=\"note missing\">");
		html_escape(b, msg ? msg : c->error);
		jx__buf_puts(b, "</p>\n");
		free(msg);
	}
	jx__buf_puts(b, "<figcaption>");
	html_escape(b, c->caption);
	jx__buf_puts(b, "</figcaption></figure>\n");
}

static void cards(jx__buf *b, const rd_block *blk)
{
	jx__buf_puts(b, "<div class=\"cards\">\n");
	for (size_t i = 0; i < blk->ncards; i++) {
		const rd_card *c = &blk->cards[i];
		jx__buf_printf(b, "<div class=\"card%s\"><div class=\"label\">",
			       c->cls & RD_GOOD  ? " good"
			       : c->cls & RD_BAD ? " bad"
						 : "");
		html_escape(b, c->label);
		jx__buf_puts(b, "</div><div class=\"value\">");
		html_escape(b, c->value);
		jx__buf_puts(b, "</div>");
		if (c->sub) {
			jx__buf_puts(b, "<div class=\"sub\">");
			html_escape(b, c->sub);
			jx__buf_puts(b, "</div>");
		}
		jx__buf_puts(b, "</div>\n");
	}
	jx__buf_puts(b, "</div>\n");
}

static void list(jx__buf *b, const rd_block *blk)
{
	int ordered = blk->kind == RD_OLIST;
	jx__buf_puts(b, ordered ? "<ol class=\"plan\">\n" : "<ul>\n");
	for (size_t i = 0; i < blk->nitems; i++) {
		jx__buf_puts(b, "<li");
		id_attr(b, blk->item_ids[i]);
		jx__buf_puts(b, ">");
		spans(b, &blk->items[i]);
		jx__buf_puts(b, "</li>\n");
	}
	jx__buf_puts(b, ordered ? "</ol>\n" : "</ul>\n");
}

static void block(jx__buf *b, const rd_doc *d, const rd_block *blk, int *in_section)
{
	switch (blk->kind) {
	case RD_HEADING:
		if (blk->level == 2) {
			jx__buf_puts(b, *in_section ? "</section>\n<section" : "<section");
			id_attr(b, blk->id);
			jx__buf_puts(b, ">\n<h2>");
			*in_section = 1;
		} else {
			jx__buf_puts(b, "<h3");
			id_attr(b, blk->id);
			jx__buf_puts(b, ">");
		}
		spans(b, &blk->inl);
		jx__buf_puts(b, blk->level == 2 ? "</h2>\n" : "</h3>\n");
		break;
	case RD_PARA:
	case RD_NOTE:
		jx__buf_puts(b, "<p");
		id_attr(b, blk->id);
		jx__buf_puts(b, blk->kind == RD_NOTE ? " class=\"note\">" : ">");
		spans(b, &blk->inl);
		jx__buf_puts(b, "</p>\n");
		break;
	case RD_LIST:
	case RD_OLIST: list(b, blk); break;
	case RD_TABLE: table(b, blk->table); break;
	case RD_CHART: chart(b, d, blk->chart); break;
	case RD_CARDS: cards(b, blk); break;
	}
}

static void toc(jx__buf *b, const rd_doc *d)
{
	jx__buf_puts(b, "<nav class=\"toc\"><p>");
	html_escape(b, _("Contents"));
	jx__buf_puts(b, "</p><ol>\n");
	for (size_t i = 0; i < d->n; i++) {
		const rd_block *blk = &d->blocks[i];
		if (blk->kind != RD_HEADING || blk->level != 2 || !blk->id)
			continue;
		jx__buf_puts(b, "<li><a href=\"#");
		html_escape(b, blk->id);
		jx__buf_puts(b, "\">");
		spans(b, &blk->inl);
		jx__buf_puts(b, "</a></li>\n");
	}
	jx__buf_puts(b, "</ol></nav>\n");
}

static void head(jx__buf *b, const rd_doc *d)
{
	jx__buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
	jx__buf_puts(b, d->lang == JX_LANG_EN ? "en" : "zh-CN");
	jx__buf_puts(b,
		     "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
		     "<meta name=\"generator\" content=\"jixiao " JX_VERSION "\"/>\n<title>");
	html_escape(b, d->title);
	jx__buf_puts(b, " \xe2\x80\x94 ");
	html_escape(b, d->subtitle);
	jx__buf_printf(b, "</title>\n<style>\n%s", css);
	if (d->banner)
		jx__buf_printf(b, css_synthetic, _("synthetic data"));
	jx__buf_puts(b, "</style>\n</head>\n");
}

char *rp_write_html(const rd_doc *d)
{
	jx__buf b;
	int in_section = 0;
	jx__buf_init(&b);
	head(&b, d);
	jx__buf_puts(&b, "<body>\n<div class=\"page\">\n");
	if (d->banner) {
		jx__buf_puts(&b, "<div class=\"banner\" role=\"note\">");
		html_escape(&b, d->banner);
		jx__buf_puts(&b, "</div>\n");
	}
	jx__buf_puts(&b, "<header class=\"cover\"><p class=\"kicker\">");
	html_escape(&b, _("Department performance · planning brief for next year"));
	jx__buf_puts(&b, "</p><h1>");
	html_escape(&b, d->title);
	jx__buf_puts(&b, "</h1><p class=\"subtitle\">");
	html_escape(&b, d->subtitle);
	jx__buf_puts(&b, "</p><p class=\"meta\">");
	html_escape(&b, d->generated);
	jx__buf_puts(&b, "</p></header>\n");
	toc(&b, d);
	for (size_t i = 0; i < d->n; i++)
		block(&b, d, &d->blocks[i], &in_section);
	if (in_section)
		jx__buf_puts(&b, "</section>\n");
	jx__buf_puts(&b, "<footer>");
	html_escape(&b, d->generated);
	jx__buf_puts(&b, "</footer>\n</div>\n</body>\n</html>\n");
	return jx__buf_detach(&b);
}
