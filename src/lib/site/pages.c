/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pages.c -- one page per department (its planning report, from the report
 * module, with a bar linking back to the index and to the system-wide weak
 * indicators it loses) and one per weak indicator (which departments lose it,
 * over the years, each linked to its page). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "site/internal.h"

/* The bar at the top of a department page. */
static void dept_nav(jx__buf *b, const jx__site *s, size_t d)
{
	const jx_overview *ov = s->ov;
	jx__buf_printf(b,
		       "<nav class=\"site\" style=\"font-family:sans-serif;margin:.5em 1em\">"
		       "<a href=\"../index.html\">%s</a>",
		       _("Overview of all departments"));
	if (s->dept_first[d] < s->dept_first[d + 1])
		jx__buf_printf(b, " %s:", _("indicators weak in many departments"));
	for (size_t k = s->dept_first[d]; k < s->dept_first[d + 1]; k++) {
		size_t i = s->dept_weak[k];
		jx__buf_printf(b, " <a href=\"../weak/w%zu.html\">", i);
		jx__site_esc(b, ov->indicators[i].name);
		jx__buf_puts(b, "</a>");
	}
	jx__buf_puts(b, "</nav>\n");
}

int jx__site_department(jx__site *s, jx_store *st, size_t d)
{
	jx_report_request rq;
	jx_report *r = NULL;
	char *html = NULL, *body, name[48];
	jx__buf b;
	int rc;
	jx_report_request_init(&rq);
	rq.department = s->ov->departments[d];
	rq.year_from = s->req->overview.o.year_from;
	rq.year_to = s->req->overview.o.year_to;
	rq.kind = s->ov->kind;
	rq.lang = s->req->lang;
	rq.charts = s->req->charts;
	rq.templates_dir = s->req->templates_dir;
	rq.gnuplot = s->req->gnuplot;
	rq.timeout = s->req->timeout;
	rq.generated = s->req->generated;
	rq.ranks = s->ov->ranks;
	rq.nranks = s->ov->nranks;
	if ((rc = jx_report_build(&r, st, &rq)) || (rc = jx_report_render(&html, r, st, &rq))) {
		jx_report_free(r);
		return jx__error_prefix(rc, "%s: ", s->ov->departments[d]);
	}
	jx_report_free(r);
	jx__buf_init(&b);
	body = strstr(html, "<body>");
	body = body ? body + strlen("<body>") : html;
	jx__buf_put(&b, html, (size_t)(body - html));
	jx__buf_puts(&b, "\n");
	dept_nav(&b, s, d);
	jx__site_chart(&b, s, d);
	jx__buf_puts(&b, body);
	free(html);
	snprintf(name, sizeof(name), "dept/d%zu.html", d);
	return jx__site_save(s, name, &b);
}

static void year_table(jx__buf *b, const jx_overview *ov, const jx_overview_indicator *ind)
{
	jx__buf_printf(b,
		       "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		       "</tr>\n",
		       _("year"), _("departments"), _("deducted"), _("share"), _("points lost"));
	for (size_t y = 0; y < ov->nyears; y++)
		if (ind->present[y])
			jx__buf_printf(b,
				       "<tr><td>%d</td><td>%zu</td><td>%zu</td><td>%.1f%%</td>"
				       "<td>%g</td></tr>\n",
				       ov->years[y], ind->present[y], ind->deducted[y],
				       100.0 * (double)ind->deducted[y] / (double)ind->present[y],
				       jx__tidy(ind->points[y]));
	jx__buf_puts(b, "</table>\n");
}

static void loss_table(jx__buf *b, const jx_overview *ov, const jx_overview_indicator *ind,
		       const jx_provenance *prov)
{
	jx__buf_printf(b,
		       "<h2>%s</h2>\n<table><tr><th class=\"l\">%s</th><th>%s</th><th>%s</th>"
		       "<th>%s</th><th class=\"l\">%s</th></tr>\n",
		       _("Departments that lost points on it"), _("department"), _("year"),
		       _("score"), _("weight"), _("provenance"));
	for (size_t k = 0; k < ind->nlosses; k++) {
		const jx_overview_loss *l = &ind->losses[k];
		jx__buf_printf(b, "<tr><td class=\"l\"><a href=\"../dept/d%zu.html\">", l->dept);
		jx__site_esc(b, ov->departments[l->dept]);
		jx__buf_printf(b,
			       "</a></td><td>%d</td><td>%g</td><td>%g</td><td class=\"l\">%s</td>"
			       "</tr>\n",
			       l->year, jx__tidy(l->score), jx__tidy(l->weight),
			       jx_provenance_name(prov[l->dept]));
	}
	jx__buf_puts(b, "</table>\n");
}

int jx__site_indicator(jx__site *s, size_t i)
{
	const jx_overview *ov = s->ov;
	const jx_overview_indicator *ind = &ov->indicators[i];
	char name[48];
	jx__buf b;
	jx__buf_init(&b);
	jx__site_head(&b, ind->name, ov);
	jx__buf_printf(&b, "<nav><a href=\"../index.html#weak\">%s</a></nav>\n<h1>",
		       _("Overview of all departments"));
	jx__site_esc(&b, ind->name);
	jx__buf_puts(&b, "</h1>\n<p class=\"note\">");
	jx__site_esc(&b, ind->key);
	jx__buf_printf(&b, " · %s: %s", _("trend of the share deducted"),
		       jx_direction_name(ind->direction));
	jx__buf_puts(&b, "</p>\n");
	year_table(&b, ov, ind);
	loss_table(&b, ov, ind, s->dept_prov);
	jx__site_tail(&b);
	snprintf(name, sizeof(name), "weak/w%zu.html", i);
	return jx__site_save(s, name, &b);
}
