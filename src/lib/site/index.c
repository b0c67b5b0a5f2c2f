/* SPDX-License-Identifier: GPL-3.0-or-later */
/* index.c -- the site's index: the department × year heat table with a search
 * box and pages of 100 departments (plain JavaScript, no network), then the
 * early warnings, the system-wide weak indicators, self vs review and the
 * distribution per year, each linking to the department and indicator pages. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "site/internal.h"

static void dept_link(jx__buf *b, const jx_overview *ov, size_t d, const char *prefix)
{
	jx__buf_printf(b, "<a href=\"%sdept/d%zu.html\">", prefix, d);
	jx__site_esc(b, ov->departments[d]);
	jx__buf_puts(b, "</a>");
}

static void matrix_row(jx__buf *b, const jx_overview *ov, size_t d, const size_t *first)
{
	size_t i = first[d];
	jx__buf_puts(b, "<tr data-name=\"");
	jx__site_esc(b, ov->departments[d]);
	jx__buf_puts(b, "\"><td class=\"l\">");
	dept_link(b, ov, d, "");
	jx__buf_puts(b, "</td>");
	for (size_t y = 0; y < ov->nyears; y++) {
		const jx_overview_cell *c = i < ov->ncells && ov->cells[i].dept == d &&
							    ov->cells[i].year == ov->years[y]
						    ? &ov->cells[i++]
						    : NULL;
		if (!c) {
			jx__buf_puts(b, "<td></td>");
			continue;
		}
		jx__buf_printf(b, "<td class=\"%s\" title=\"", jx__site_grade_class(ov, c->grade));
		jx__site_esc(b, c->grade);
		if (c->rank)
			jx__buf_printf(b, " #%zu/%zu", c->rank, c->peers);
		jx__buf_puts(b, "\">");
		if (isnan(c->total_score))
			jx__buf_puts(b, "?");
		else
			jx__buf_printf(b, "%g", jx__tidy(c->total_score));
		jx__buf_puts(b, "</td>");
	}
	jx__buf_printf(b, "<td class=\"l\">%s</td></tr>\n",
		       jx_provenance_name(ov->cells[first[d]].provenance));
}

static int matrix(jx__site_page *p, const jx_overview *ov)
{
	jx__buf *b = &p->b;
	size_t *first = calloc(ov->ndepartments + 1, sizeof(size_t)), *order = NULL;
	if (!first || jx_overview_order(&order, ov, JX_OV_SORT_DEPARTMENT)) {
		free(first);
		return jx__oom();
	}
	for (size_t i = ov->ncells; i-- > 0;)
		first[ov->cells[i].dept] = i;
	jx__buf_printf(b, "<h2 id=\"matrix\">%s</h2>\n<p class=\"note\">", _("Totals by year"));
	jx__buf_printf(b, _("basis: %s totals; cell colour = grade; hover for rank among peers"),
		       jx_kind_label(ov->kind));
	jx__buf_printf(b,
		       "</p>\n<p><input id=\"q\" type=\"search\" placeholder=\"%s\"> "
		       "<span id=\"count\"></span></p>\n<table id=\"m\"><thead><tr>"
		       "<th class=\"l\">%s</th>",
		       _("search departments"), _("department"));
	for (size_t y = 0; y < ov->nyears; y++)
		jx__buf_printf(b, "<th>%d</th>", ov->years[y]);
	jx__buf_printf(b, "<th class=\"l\">%s</th></tr></thead>\n<tbody>\n", _("provenance"));
	for (size_t k = 0; k < ov->ndepartments; k++) {
		matrix_row(b, ov, order[k], first);
		jx__site_page_spill(p);
	}
	jx__buf_puts(b, "</tbody></table>\n<p id=\"pager\"></p>\n");
	free(first);
	free(order);
	return 0;
}

static void warnings(jx__site_page *p, const jx_overview *ov)
{
	jx__buf *b = &p->b;
	jx__buf_printf(b, "<h2 id=\"warnings\">%s (%zu)</h2>\n", _("Early warnings"),
		       ov->nwarnings);
	jx__buf_printf(b,
		       "<table><tr><th class=\"l\">%s</th><th>%s</th><th class=\"l\">%s</th>"
		       "<th class=\"l\">%s</th><th class=\"l\">%s</th></tr>\n",
		       _("department"), _("year"), _("warning"), _("subject"), _("evidence"));
	for (size_t i = 0; i < ov->nwarnings; i++) {
		const jx_overview_warning *w = &ov->warnings[i];
		jx__buf_puts(b, "<tr><td class=\"l\">");
		dept_link(b, ov, w->dept, "");
		jx__buf_printf(b, "</td><td>%d</td><td class=\"l\">%s</td><td class=\"l\">",
			       w->year, jx_warning_code_name(w->code));
		jx__site_esc(b, w->subject);
		jx__buf_puts(b, "</td><td class=\"l\">");
		jx__site_esc(b, w->evidence);
		jx__buf_puts(b, "</td></tr>\n");
		jx__site_page_spill(p);
	}
	jx__buf_puts(b, "</table>\n");
}

static void weak(jx__buf *b, const jx_overview *ov)
{
	jx__buf_printf(b,
		       "<h2 id=\"weak\">%s</h2>\n<table><tr><th class=\"l\">%s</th>"
		       "<th class=\"l\">%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		       "<th class=\"l\">%s</th></tr>\n",
		       _("Indicators weak in many departments"), _("category"), _("indicator"),
		       _("departments deducted (latest year)"), _("share"),
		       _("departments flagged weak"), _("points lost (window)"), _("trend"));
	for (size_t i = 0; i < ov->nindicators; i++) {
		const jx_overview_indicator *ind = &ov->indicators[i];
		jx__buf_puts(b, "<tr><td class=\"l\">");
		jx__site_esc(b, ind->level1);
		jx__buf_printf(b, "</td><td class=\"l\"><a href=\"weak/w%zu.html\">", i);
		jx__site_esc(b, ind->name);
		jx__buf_printf(b, "</a></td><td>%zu / %zu</td><td>%.1f%%</td><td>%zu</td>",
			       ind->deducted_latest, ind->present_latest,
			       ind->present_latest ? 100.0 * (double)ind->deducted_latest /
							     (double)ind->present_latest
						   : 0.0,
			       ind->weak);
		jx__buf_printf(b, "<td>%g</td><td class=\"l\">%s</td></tr>\n",
			       jx__ov_window_points(ov, ind), jx_direction_name(ind->direction));
	}
	jx__buf_puts(b, "</table>\n");
}

static void gap(jx__site_page *p, const jx_overview *ov)
{
	jx__buf *b = &p->b;
	jx__buf_printf(b, "<h2 id=\"gap\">%s</h2>\n<p class=\"note\">%s</p>\n", _("Self vs review"),
		       _("gap = self-evaluation total rate minus the review's, in percentage "
			 "points; over-scoring when the one-sided sign test's q (Benjamini-"
			 "Hochberg across these departments) is below 0.05"));
	jx__buf_printf(b,
		       "<table><tr><th class=\"l\">%s</th><th>%s</th><th>%s</th><th>%s</th>"
		       "<th>%s</th><th class=\"l\">%s</th></tr>\n",
		       _("department"), _("years"), _("mean gap"), _("trend per year"), "q",
		       _("verdict"));
	for (size_t i = 0; i < ov->ngaps; i++) {
		const jx_gap_result *g = ov->gaps[i];
		size_t d = jx__ov_department(ov, g->department);
		jx__buf_puts(b, g->verdict == JX_GAP_OVER ? "<tr class=\"g3\"><td class=\"l\">"
							  : "<tr><td class=\"l\">");
		dept_link(b, ov, d, "");
		jx__buf_printf(b, "</td><td>%zu</td><td>%+.2f</td>", g->n, g->mean_gap_rate * 100);
		if (isnan(g->slope_pp))
			jx__buf_puts(b, "<td></td>");
		else
			jx__buf_printf(b, "<td>%+.2f</td>", g->slope_pp);
		if (isnan(g->q_value))
			jx__buf_puts(b, "<td></td>");
		else
			jx__buf_printf(b, "<td>%.4f</td>", g->q_value);
		jx__buf_printf(b, "<td class=\"l\">%s</td></tr>\n",
			       jx_gap_verdict_name(g->verdict));
		jx__site_page_spill(p);
	}
	jx__buf_puts(b, "</table>\n");
}

static int distribution(jx__buf *b, const jx_overview *ov)
{
	jx_table *t = NULL;
	int rc = jx_overview_table(&t, ov, JX_OV_DISTRIBUTION, JX_OV_SORT_DEPARTMENT, 0);
	if (rc)
		return rc;
	jx__buf_printf(b, "<h2 id=\"dist\">%s</h2>\n<table><tr>", _("Distribution per year"));
	for (size_t c = 0; c < jx_table_columns(t); c++)
		jx__buf_printf(b, "<th>%s</th>", c == 0 ? _("year") : "");
	jx__buf_puts(b, "</tr>\n");
	for (size_t r = 0; r < jx_table_rows(t); r++) {
		jx__buf_puts(b, "<tr>");
		for (size_t c = 0; c < jx_table_columns(t); c++) {
			jx__buf_puts(b, "<td>");
			jx__site_esc(b, jx_table_cell(t, r, c));
			jx__buf_puts(b, "</td>");
		}
		jx__buf_puts(b, "</tr>\n");
	}
	jx__buf_puts(b, "</table>\n");
	jx_table_free(t);
	return 0;
}

/* The overview's charts (as `jixiao overview --plot` draws them) inline below the matrix:
 * drawn by gnuplot once per site, each as SVG with its ids prefixed. A chart with nothing to
 * draw (no review for the gap chart) is left out; when gnuplot cannot draw at all (not
 * installed) the section says why and the rest of the site is still written. */
static int charts(jx__site_page *p, const jx__site *s)
{
	jx__buf *b = &p->b;
	char *path = jx__sprintf("%s/chart.svg", s->tmp);
	int rc = 0;
	if (!path)
		return jx__oom();
	jx__buf_printf(b, "<h2 id=\"charts\">%s</h2>\n", _("Charts"));
	for (int c = 0; c < JX_OVERVIEW_CHART_COUNT && rc == 0; c++) {
		jx_overview_plot op = {(jx_overview_chart)c, JX_OV_SORT_DEPARTMENT, 0};
		jx_plot_request pr;
		char prefix[16], *svg = NULL, *inl = NULL;
		size_t len;
		jx_plot_request_init(&pr);
		pr.format = JX_IMAGE_SVG;
		pr.lang = s->req->lang;
		pr.out_path = path;
		if (jx_plot_overview_draw(s->ov, &op, &pr) != 0) {
			if (jx_error_code() == JX_ENOTFOUND)
				continue;
			jx__buf_puts(b, "<p class=\"note\">");
			jx__site_esc(b, jx_error_last());
			jx__buf_puts(b, "</p>\n");
			break;
		}
		rc = jx__read_file(&svg, &len, path, 64u << 20);
		remove(path);
		snprintf(prefix, sizeof(prefix), "ov%d-", c);
		if (rc == 0 && !(inl = jx_report_svg_inline(svg, prefix)))
			rc = jx__oom();
		if (rc == 0)
			jx__buf_printf(b, "<figure class=\"chart\">%s</figure>\n", inl);
		jx__site_page_spill(p);
		free(inl);
		free(svg);
	}
	free(path);
	return rc;
}

/* Filter by the search box, then show 100 rows a page. */
static const char script[] =
	"<script>\n(function(){var q=document.getElementById('q'),rows=Array.prototype.slice."
	"call(document.querySelectorAll('#m tbody tr')),pager=document.getElementById('pager'),"
	"count=document.getElementById('count'),size=100,page=0;function shown(){var s=q.value."
	"trim();return rows.filter(function(r){return !s||r.getAttribute('data-name').indexOf(s)"
	">=0;});}function draw(){var m=shown(),pages=Math.max(1,Math.ceil(m.length/size));if(page"
	">=pages)page=pages-1;rows.forEach(function(r){r.style.display='none';});m.slice(page*"
	"size,(page+1)*size).forEach(function(r){r.style.display='';});count.textContent=m."
	"length+' / '+rows.length;pager.textContent='';if(pages>1){var p=document.createElement("
	"'button'),n=document.createElement('button'),t=document.createElement('span');p."
	"textContent='<';n.textContent='>';t.textContent=(page+1)+' / '+pages;p.onclick="
	"function(){if(page>0){page--;draw();}};n.onclick=function(){if(page<pages-1){page++;"
	"draw();}};pager.appendChild(p);pager.appendChild(t);pager.appendChild(n);}}q."
	"addEventListener('input',function(){page=0;draw();});draw();})();\n</script>\n";

/* The head, the counts and the table of contents. */
static void top(jx__buf *b, const jx__site *s)
{
	const jx_overview *ov = s->ov;
	jx__site_head(b, _("Performance overview of all departments"), ov);
	jx__buf_printf(b, "<h1>%s</h1>\n<p class=\"note\">",
		       _("Performance overview of all departments"));
	jx__buf_printf(b, _("%zu departments, %d-%d"), ov->ndepartments, ov->years[0],
		       ov->years[ov->nyears - 1]);
	if (s->req->generated) {
		jx__buf_puts(b, " · ");
		jx__site_esc(b, s->req->generated);
	}
	jx__buf_printf(b,
		       "</p>\n<nav><a href=\"#matrix\">%s</a><a href=\"#charts\">%s</a>"
		       "<a href=\"#warnings\">%s</a>"
		       "<a href=\"#weak\">%s</a><a href=\"#gap\">%s</a><a href=\"#dist\">%s</a>"
		       "</nav>\n",
		       _("Totals by year"), _("Charts"), _("Early warnings"),
		       _("Indicators weak in many departments"), _("Self vs review"),
		       _("Distribution per year"));
}

/* Written while it is built (jx__site_page): at 8,000 departments it is ~10 MB. */
int jx__site_index(jx__site *s)
{
	const jx_overview *ov = s->ov;
	jx__site_page p;
	int rc = jx__site_page_open(&p, s, "index.html");
	if (rc)
		return rc;
	top(&p.b, s);
	if ((rc = matrix(&p, ov)) == 0 && (rc = charts(&p, s)) == 0) {
		warnings(&p, ov);
		weak(&p.b, ov);
		gap(&p, ov);
		rc = distribution(&p.b, ov);
	}
	jx__buf_puts(&p.b, script);
	jx__site_tail(&p.b);
	return jx__site_page_close(&p, s, rc);
}
