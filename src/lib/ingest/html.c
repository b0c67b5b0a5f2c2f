/* SPDX-License-Identifier: GPL-3.0-or-later */
/* html.c -- a web page into the table model.
 *
 * Government sites publish evaluations as pages: GB2312 or UTF-8, the text
 * in nested <p>/<span>/<font>, tables with rowspan/colspan, and around the
 * article a navigation bar, breadcrumbs ("当前位置：首页 > …") and a footer.
 * The page is decoded first (html_charset.c), parsed by libxml2's HTML
 * parser (no network), and walked:
 *
 * - <script>, <style>, <nav>, <header>, <footer>, forms and elements whose
 *   id or class names a navigation part (nav, menu, breadcrumb, footer, …)
 *   are skipped, unless they hold a table; so are breadcrumb paragraphs;
 * - block elements (p, div, h1-h6, li, br, ...) end a paragraph; white
 *   space is collapsed as a browser shows it, &nbsp; included;
 * - a <table> that holds another table is layout: its cells are read as
 *   paragraphs; any other table becomes a grid, rowspan and colspan placed
 *   as the HTML table model places them, a cell's paragraphs joined by "\n".
 *
 * Places are lines of the file ("r.html:40:"); rows and columns of a table
 * are counted from its own <tr> and grid columns.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "ingest/internal.h"

#define HTML_MAX_DEPTH 256 /* element nesting walked */
#define HTML_MAX_COLSPAN 1000
#define HTML_MAX_ROWSPAN 65534

typedef struct {
	jx_doc *doc;
	jx__buf para; /* the paragraph being gathered */
	int para_line;
	int pending_space;
	int article; /* inside <article> or <main>: its <header> is the article's */
} walker;

static int is_name(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

static int in_list(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

static int is_block(const xmlNode *n)
{
	static const char *const blocks[] = {
		"p",       "div",     "h1",      "h2",         "h3",         "h4", "h5",
		"h6",      "li",      "ul",      "ol",         "br",         "tr", "table",
		"section", "article", "hr",      "blockquote", "pre",        "dt", "dd",
		"dl",      "center",  "address", "caption",    "td",         "th", "tbody",
		"thead",   "tfoot",   "main",    "figure",     "figcaption", NULL};
	return n->type == XML_ELEMENT_NODE && in_list((const char *)n->name, blocks);
}

/* 1 when some element below n is a <table> (within the depth cap). */
static int holds_table(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < HTML_MAX_DEPTH; c = c->next)
		if (is_name(c, "table") ||
		    (c->type == XML_ELEMENT_NODE && holds_table(c, depth + 1)))
			return 1;
	return 0;
}

/* An id or class token that names page furniture. */
static int furniture_token(const char *tok, size_t len)
{
	static const char *const words[] = {
		"nav",    "navbar",    "navigation", "menu",   "breadcrumb", "breadcrumbs",
		"crumb",  "crumbs",    "footer",     "foot",   "topbar",     "sidebar",
		"share",  "copyright", "banner",     "header", "dh",         "daohang",
		"weizhi", "position",  "location",   "bottom", "skip",       NULL};
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == len && !strncasecmp(tok, words[i], len))
			return 1;
	return 0;
}

static int furniture_attr(const xmlNode *n, const char *attr)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	int hit = 0;
	if (!v)
		return 0;
	for (const char *p = (const char *)v; *p && !hit;) {
		size_t len = strcspn(p, " \t-_");
		hit = len && furniture_token(p, len);
		p += len;
		p += strspn(p, " \t-_");
	}
	xmlFree(v);
	return hit;
}

/* Elements that are no part of the article (article: inside <article> or <main>). */
static int skipped(const xmlNode *n, int article)
{
	static const char *const names[] = {"script", "style",  "noscript", "template", "iframe",
					    "object", "embed",  "svg",      "nav",      "aside",
					    "form",   "select", "button",   "input",    "textarea",
					    "head",   "menu",   NULL};
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (in_list((const char *)n->name, names))
		return 1;
	if (article)
		return 0;
	if (is_name(n, "header") || is_name(n, "footer"))
		return 1;
	return (furniture_attr(n, "id") || furniture_attr(n, "class")) && !holds_table(n, 0);
}

/* ---- paragraphs ---- */

static int is_html_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Append text to b as a browser shows it: white space and NBSP collapse to one space. */
static void put_text(jx__buf *b, int *pending, const char *s)
{
	while (*s) {
		if (is_html_space((unsigned char)*s) || !strncmp(s, "\xC2\xA0", 2)) {
			s += (unsigned char)*s == 0xC2 ? 2 : 1;
			*pending = 1;
			continue;
		}
		if (*pending && b->len)
			jx__buf_put(b, " ", 1);
		*pending = 0;
		jx__buf_put(b, s, 1);
		s++;
	}
}

/* Breadcrumbs that are not marked up as such: "当前位置：首页 > 政务公开 > …". */
static int breadcrumb(const char *text)
{
	static const char *const heads[] = {"当前位置", "您现在的位置", "您的位置",
					    "所在位置", "现在的位置",   NULL};
	for (int i = 0; heads[i]; i++)
		if (!strncmp(text, heads[i], strlen(heads[i])))
			return 1;
	return 0;
}

static int flush(walker *w)
{
	jx_doc_origin o = {0, 0, w->para_line, 0};
	int rc = 0;
	jx__buf_put(&w->para, "", 0);
	if (w->para.failed)
		return jx__oom();
	if (w->para.len && !breadcrumb(w->para.data + strspn(w->para.data, " ")))
		rc = jx_doc_add_paragraph(w->doc, w->para.data, o);
	w->para.len = 0;
	w->pending_space = 0;
	w->para_line = 0;
	return rc;
}

/* ---- tables ---- */

static int html_table(walker *w, const xmlNode *table);
static int walk(walker *w, const xmlNode *n, int depth);

/* A cell's text: its lines (block elements end one) joined by "\n". */
static void cell_text(jx__buf *b, int *pending, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < HTML_MAX_DEPTH; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			put_text(b, pending, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && !skipped(c, 1)) {
			int block = is_block(c);
			if (block && b->len && b->data[b->len - 1] != '\n')
				jx__buf_put(b, "\n", 1), *pending = 0;
			cell_text(b, pending, c, depth + 1);
			if (block && b->len && b->data[b->len - 1] != '\n')
				jx__buf_put(b, "\n", 1), *pending = 0;
		}
	}
}

static int span_attr(const xmlNode *n, const char *name, int max)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	int given = v != NULL;
	long k = v ? strtol((const char *)v, NULL, 10) : 1;
	xmlFree(v);
	if (k < 1) /* rowspan="0": to the end of the table; a bad colspan is 1 */
		k = name[0] == 'r' && given && k == 0 ? 0 : 1;
	return k > max ? max : (int)k;
}

typedef struct {
	const xmlNode *node;
	size_t r, c;
	int rowspan, colspan;
} hcell;

typedef struct {
	hcell *cells;
	size_t n, cap;
	size_t nrows, ncols;
	size_t *busy; /* per column: first row no longer covered by a rowspan above */
	size_t busy_cap;
} grid;

static int place_cell(grid *g, const xmlNode *td, size_t r, size_t *c)
{
	int rs = span_attr(td, "rowspan", HTML_MAX_ROWSPAN),
	    cs = span_attr(td, "colspan", HTML_MAX_COLSPAN);
	size_t k;
	while (*c < g->ncols && g->busy[*c] > r)
		(*c)++;
	if (jx__grow((void **)&g->busy, &g->busy_cap, *c + (size_t)cs, sizeof(*g->busy)) != 0 ||
	    jx__grow((void **)&g->cells, &g->cap, g->n + 1, sizeof(*g->cells)) != 0)
		return JX_ENOMEM;
	for (k = g->ncols; k < *c + (size_t)cs; k++)
		g->busy[k] = 0;
	/* a colspan running into a cell spanning down from above stops there */
	for (k = 1; k < (size_t)cs; k++)
		if (*c + k < g->ncols && g->busy[*c + k] > r)
			break;
	cs = (int)k;
	if (*c + (size_t)cs > g->ncols)
		g->ncols = *c + (size_t)cs;
	for (k = *c; k < *c + (size_t)cs; k++)
		g->busy[k] = rs ? r + (size_t)rs : (size_t)-1;
	g->cells[g->n].node = td;
	g->cells[g->n].r = r;
	g->cells[g->n].c = *c;
	g->cells[g->n].rowspan = rs;
	g->cells[g->n].colspan = cs;
	g->n++;
	*c += (size_t)cs;
	return 0;
}

/* The rows of a table (its own tr, also inside thead/tbody/tfoot). */
static int place_rows(grid *g, const xmlNode *parent, int depth)
{
	int rc;
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (is_name(n, "tr")) {
			size_t c = 0;
			for (const xmlNode *td = n->children; td; td = td->next)
				if ((is_name(td, "td") || is_name(td, "th")) &&
				    (rc = place_cell(g, td, g->nrows, &c)) != 0)
					return rc;
			g->nrows++;
		} else if (depth == 0 &&
			   (is_name(n, "thead") || is_name(n, "tbody") || is_name(n, "tfoot"))) {
			if ((rc = place_rows(g, n, 1)) != 0)
				return rc;
		}
	}
	return 0;
}

static int fill_table(walker *w, grid *g, jx_doc_table *t)
{
	jx__buf b;
	int rc = 0;
	jx__buf_init(&b);
	for (size_t i = 0; i < g->n && rc == 0; i++) {
		hcell *h = &g->cells[i];
		jx_doc_origin o = {(int)h->r + 1, (int)h->c + 1, (int)xmlGetLineNo(h->node), 0};
		size_t rows_left = g->nrows - h->r;
		int pending = 0;
		b.len = 0;
		cell_text(&b, &pending, h->node, 0);
		jx__buf_put(&b, "", 0);
		if (b.failed) {
			rc = jx__oom();
			break;
		}
		if (!h->rowspan || (size_t)h->rowspan > rows_left)
			h->rowspan = (int)rows_left;
		rc = jx_doc_table_set(t, h->r, h->c, b.data, h->rowspan, h->colspan, o);
	}
	jx__buf_free(&b);
	(void)w;
	return rc;
}

static int html_table(walker *w, const xmlNode *table)
{
	grid g;
	jx_doc_table *t;
	int rc;
	memset(&g, 0, sizeof(g));
	if ((rc = flush(w)) != 0)
		return rc;
	for (const xmlNode *c = table->children; c; c = c->next)
		if (is_name(c, "caption")) { /* the table's title, as a paragraph before it */
			w->para_line = (int)xmlGetLineNo(c);
			cell_text(&w->para, &w->pending_space, c, 0);
			if ((rc = flush(w)) != 0)
				return rc;
		}
	if ((rc = place_rows(&g, table, 0)) != 0)
		goto out;
	if (g.nrows && g.ncols) {
		if ((rc = jx_doc_add_table(&t, w->doc, g.nrows, g.ncols)) != 0)
			goto out;
		t->line = (int)xmlGetLineNo(table);
		rc = fill_table(w, &g, t);
	}
out:
	free(g.cells);
	free(g.busy);
	return rc;
}

/* ---- the walk ---- */

static int walk_children(walker *w, const xmlNode *n, int depth)
{
	int rc;
	for (const xmlNode *c = n->children; c; c = c->next)
		if ((rc = walk(w, c, depth + 1)) != 0)
			return rc;
	return 0;
}

static int walk(walker *w, const xmlNode *n, int depth)
{
	int rc, article;
	if (depth > HTML_MAX_DEPTH)
		return jx__error(JX_EPARSE,
				 _("%s:%d: elements nested more than %d deep; refusing the page"),
				 w->doc->name, (int)xmlGetLineNo(n), HTML_MAX_DEPTH);
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (!w->para_line)
			w->para_line = (int)xmlGetLineNo(n);
		put_text(&w->para, &w->pending_space, (const char *)n->content);
		return w->para.failed ? jx__oom() : 0;
	}
	if (n->type != XML_ELEMENT_NODE || skipped(n, w->article))
		return 0;
	if (is_name(n, "table") && !holds_table(n, 0))
		return html_table(w, n);
	if (is_block(n) && (rc = flush(w)) != 0)
		return rc;
	article = is_name(n, "article") || is_name(n, "main");
	w->article += article;
	rc = walk_children(w, n, depth);
	w->article -= article;
	if (rc != 0)
		return rc;
	return is_block(n) ? flush(w) : 0;
}

/* <meta name="provenance" content="synthetic">: the "# provenance:" line of a text file. */
static int provenance_meta(walker *w, const xmlNode *meta)
{
	xmlChar *name = xmlGetProp(meta, (const xmlChar *)"name");
	xmlChar *content = xmlGetProp(meta, (const xmlChar *)"content");
	jx_doc_origin o = {0, 0, (int)xmlGetLineNo(meta), 0};
	int rc = 0;
	if (name && content && !strcasecmp((const char *)name, "provenance")) {
		char *line = jx__sprintf("# provenance: %s", (const char *)content);
		rc = line ? jx_doc_add_paragraph(w->doc, line, o) : jx__oom();
		free(line);
	}
	xmlFree(name);
	xmlFree(content);
	return rc;
}

/* The page's provenance mark, then its <title> as a paragraph before the body (a title
 * the body may lack). */
static int page_title(walker *w, const xmlDoc *doc)
{
	const xmlNode *root = xmlDocGetRootElement(doc), *head = NULL;
	int rc;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (is_name(c, "head"))
			head = c;
	for (const xmlNode *c = head ? head->children : NULL; c; c = c->next)
		if (is_name(c, "meta") && (rc = provenance_meta(w, c)) != 0)
			return rc;
	for (const xmlNode *c = head ? head->children : NULL; c; c = c->next)
		if (is_name(c, "title")) {
			int pending = 0;
			w->para_line = (int)xmlGetLineNo(c);
			cell_text(&w->para, &pending, c, 0);
			if ((rc = flush(w)) != 0)
				return rc;
		}
	return 0;
}

/* libxml2's fatal errors (nesting too deep, ...): the parse stopped there. */
typedef struct {
	char message[256];
	int line;
} fatal_error;

static void on_error(void *ctx, xmlErrorPtr err)
{
	fatal_error *f = ctx;
	size_t n;
	if (!err || err->level != XML_ERR_FATAL || f->message[0])
		return;
	snprintf(f->message, sizeof(f->message), "%s", err->message ? err->message : "error");
	n = strlen(f->message);
	while (n && (f->message[n - 1] == '\n' || f->message[n - 1] == ' '))
		f->message[--n] = '\0';
	f->line = err->line > 0 ? err->line : 1;
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int jx_html_load(jx_doc **out, const char *name, const char *data, size_t len, jx_encoding enc)
{
	walker w;
	fatal_error fatal = {"", 0};
	xmlDoc *doc = NULL;
	char *text = NULL, *note = NULL;
	size_t tlen = 0;
	int rc;
	*out = NULL;
	memset(&w, 0, sizeof(w));
	jx__buf_init(&w.para);
	if ((rc = jx__html_decode(&text, &tlen, &note, name, data, len, enc)) != 0)
		return rc;
	if (!(w.doc = jx_doc_new(name, JX_DOC_HTML))) {
		rc = jx__oom();
		goto out;
	}
	if (note && (rc = jx_doc_note(w.doc, "%s", note)) != 0)
		goto out;
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(&fatal, on_error);
	doc = htmlReadMemory(text, (int)tlen, name, "UTF-8",
			     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				     HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (fatal.message[0]) { /* the parser gave up part way: the page would be read cut short */
		rc = jx__error(JX_EPARSE, _("%s:%d: the page cannot be read: %s"), name, fatal.line,
			       fatal.message);
		goto out;
	}
	if (!doc || !xmlDocGetRootElement(doc)) {
		rc = jx__error(JX_EPARSE, _("%s:1: not a web page that can be read"), name);
		goto out;
	}
	if ((rc = page_title(&w, doc)) != 0 || (rc = walk(&w, xmlDocGetRootElement(doc), 0)) != 0 ||
	    (rc = flush(&w)) != 0)
		goto out;
	*out = w.doc;
	w.doc = NULL;
out:
	if (doc)
		xmlFreeDoc(doc);
	jx_doc_free(w.doc);
	jx__buf_free(&w.para);
	free(text);
	free(note);
	return rc;
}
