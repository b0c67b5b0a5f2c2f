/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write.c -- the report's findings as a document, with charts, into a file.
 *
 * Order of work: the section builders turn the findings into a document;
 * the charts are drawn through the plot library (HTML: SVG text, made fit
 * to inline; Markdown: PNG files in a directory beside the .md); then the
 * writer of the format renders the document. A chart that cannot be drawn
 * is noted in the report and in r->messages, and the report is still
 * written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "report/internal.h"

static const char *banner_text(rd_doc *d, const jx_report *r)
{
	size_t used = 0, synthetic = 0;
	const char *s = "";
	if (!r->synthetic)
		return NULL;
	for (size_t i = 0; i < r->nevals; i++)
		if (r->evals[i].kind == r->kind || r->selfreview) {
			used++;
			synthetic += r->evals[i].provenance == JX_PROV_SYNTHETIC;
		}
	if (synthetic)
		s = rd_printf(d, RP_TR(d, T_BANNER_OWN), used, synthetic);
	if (r->figures_synthetic)
		s = rd_printf(d, "%s%s%s", s, *s ? RP_TR(d, T_SEP) : "", RP_TR(d, T_BANNER_FIG));
	if (r->rank_synthetic)
		s = rd_printf(
			d, "%s%s%s", s, *s ? RP_TR(d, T_SEP) : "",
			rd_printf(d, RP_TR(d, T_BANNER_PEERS), r->year_latest, r->rank_synthetic));
	if (r->projects_synthetic)
		s = rd_printf(d, "%s%s%s", s, *s ? RP_TR(d, T_SEP) : "", RP_TR(d, T_BANNER_PROJ));
	return rd_printf(d, "%s%s%s", RP_TR(d, T_BANNER), s, RP_TR(d, T_BANNER_END));
}

static void build_doc(rd_doc *d, const jx_report *r, const jx_report_request *req)
{
	const jx_series *s = r->series;
	d->title = RP_TR(d, T_TITLE);
	d->subtitle = rd_printf(d, RP_TR(d, T_SUBTITLE), r->department, rp_kind(d->lang, r->kind),
				rp_years(d, s->years[0].year, s->years[s->nyears - 1].year),
				s->nyears);
	d->generated = req->generated
			       ? rd_printf(d, RP_TR(d, T_GENERATED), JX_VERSION, req->generated)
			       : rd_printf(d, RP_TR(d, T_GENERATED_NODATE), JX_VERSION);
	d->banner = banner_text(d, r);
	rp_sec_summary(d, r);
	rp_sec_suggestions(d, r); /* on the first pages: what the reader acts on */
	rp_sec_trends(d, r);
	rp_sec_weak(d, r);
	rp_sec_deductions(d, r);
	rp_sec_forecast(d, r);
	rp_sec_figures(d, r);
	rp_sec_projects(d, r);
	rp_sec_review(d, r);
	rp_sec_provenance(d, r);
}

/* Where Markdown charts go: "<path without .md>_charts", and its name relative to the .md. */
typedef struct {
	char *dir;       /* NULL: no chart files (rendering to a string) */
	const char *rel; /* points into dir */
} md_place;

static int md_place_make(md_place *m, const char *path)
{
	size_t n = strlen(path);
	const char *slash;
	if (n > 3 && !strcmp(path + n - 3, ".md"))
		n -= 3;
	if (!(m->dir = malloc(n + sizeof("_charts"))))
		return jx__oom();
	memcpy(m->dir, path, n);
	strcpy(m->dir + n, "_charts");
	slash = strrchr(m->dir, '/');
	m->rel = slash ? slash + 1 : m->dir;
	if (mkdir(m->dir, 0777) != 0 && errno != EEXIST)
		return jx__error(JX_EIO, "%s: %s", m->dir, strerror(errno));
	return 0;
}

static void chart_failed(rd_doc *d, jx_report *r, rd_chart *c)
{
	const char *msg = *jx_error_last() ? jx_error_last() : "unknown error";
	c->error = rd_strdup(d, msg);
	jx__report_message(r, "chart %s not drawn: %s", jx_chart_name(c->chart), msg);
	jx_error_clear();
}

static void draw_chart(rd_doc *d, jx_report *r, rd_chart *c, jx_store *st,
		       const jx_report_request *req, const md_place *md, size_t i)
{
	jx_plot_request pr;
	char *svg = NULL, *inl = NULL, *file = NULL;
	jx_plot_request_init(&pr);
	pr.chart = c->chart;
	pr.department = r->department;
	pr.year_from = req->year_from;
	pr.year_to = req->year_to;
	pr.kind = r->kind;
	pr.rank_year = r->year_latest;
	pr.templates_dir = req->templates_dir;
	pr.gnuplot = req->gnuplot;
	pr.timeout = req->timeout;
	if (req->format == JX_REPORT_HTML) {
		char prefix[32];
		snprintf(prefix, sizeof(prefix), "c%zu-", i);
		pr.format = JX_IMAGE_SVG;
		if (jx_plot_render(&svg, NULL, st, &pr) != 0)
			chart_failed(d, r, c);
		else if (!(inl = rp_svg_inline(svg, prefix)))
			jx__report_message(r, "chart %s: gnuplot wrote no <svg> element",
					   jx_chart_name(c->chart));
		else
			c->svg = rd_strdup(d, inl);
	} else if (md->dir) {
		pr.format = JX_IMAGE_PNG;
		if (!(file = jx__sprintf("%s/%s.png", md->dir, jx_chart_name(c->chart))))
			d->failed = 1;
		pr.out_path = file;
		if (file && jx_plot_draw(st, &pr) != 0)
			chart_failed(d, r, c);
		else if (file)
			c->src = rd_printf(d, "%s/%s.png", md->rel, jx_chart_name(c->chart));
	}
	free(svg);
	free(inl);
	free(file);
}

static int render(char **out, jx_report *r, jx_store *st, const jx_report_request *req,
		  const md_place *md)
{
	rd_doc d;
	int rc = 0;
	*out = NULL;
	rd_init(&d, req->lang);
	build_doc(&d, r, req);
	for (size_t i = 0; req->charts && i < d.n; i++)
		if (d.blocks[i].kind == RD_CHART && d.blocks[i].chart)
			draw_chart(&d, r, d.blocks[i].chart, st, req, md, i);
	if (!d.failed)
		*out = req->format == JX_REPORT_HTML ? rp_write_html(&d) : rp_write_md(&d);
	if (!*out)
		rc = jx__oom();
	rd_free(&d);
	return rc;
}

int jx_report_render(char **out, jx_report *r, jx_store *st, const jx_report_request *req)
{
	md_place md = {NULL, NULL};
	return render(out, r, st, req, &md);
}

/* text into path, atomically. */
static int write_file(const char *path, const char *text)
{
	jx_output *o = NULL;
	int rc = jx_output_open(&o, path);
	if (rc)
		return rc;
	if (fputs(text, jx_output_stream(o)) < 0) {
		rc = jx__error(JX_EIO, "%s: %s", path, strerror(errno));
		jx_output_abort(o);
		return rc;
	}
	return jx_output_commit(o);
}

/* Markdown with its charts: FILE.md and FILE_charts/ built in a temporary directory beside
 * them, moved in (charts first) only when the report was rendered. */
static int write_md_set(jx_report *r, jx_store *st, const jx_report_request *req, const char *path)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	char *dir = slash ? jx__strndup(path, (size_t)(slash - path + (slash == path))) : NULL;
	char *text = NULL, *tmp_md = NULL;
	md_place md = {NULL, NULL};
	jx_outset *set = NULL;
	int rc;
	if ((slash && !dir) || (rc = jx_outset_open(&set, dir ? dir : ".")) != 0) {
		free(dir);
		return dir || !slash ? rc : jx__oom();
	}
	if (!(tmp_md = jx__sprintf("%s/%s", jx_outset_temp_dir(set), base)))
		rc = jx__oom();
	if (rc == 0 && (rc = md_place_make(&md, tmp_md)) == 0 &&
	    (rc = render(&text, r, st, req, &md)) == 0)
		rc = write_file(tmp_md, text);
	if (rc == 0) {
		rc = jx_outset_commit(set);
		set = NULL;
	}
	jx_outset_abort(set);
	free(text);
	free(tmp_md);
	free(md.dir);
	free(dir);
	return rc;
}

int jx_report_write(jx_report *r, jx_store *st, const jx_report_request *req, const char *path)
{
	char *text = NULL;
	int rc;
	if ((rc = jx_output_check(path)) != 0)
		return rc;
	if (req->format == JX_REPORT_MD && req->charts)
		return write_md_set(r, st, req, path);
	if ((rc = jx_report_render(&text, r, st, req)) == 0)
		rc = write_file(path, text);
	free(text);
	return rc;
}
