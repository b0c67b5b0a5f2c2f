/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plot.c -- the chart driver: request, script assembly, drawing to a file or to memory.
 *
 * A script is, in this order: encoding and terminal, the output file,
 * variables and data blocks written by the chart's preparation (text only
 * as quoted strings, see escape.c), the shared template "common" and
 * the chart's template. Templates are code written by us (or by the user
 * with --templates); they read the variables and never contain data.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "plot/internal.h"

static const struct {
	const char *name;
	plot__chart_fn fn;
} charts[JX_CHART_COUNT] = {
	{"total", plot__chart_total},     {"categories", plot__chart_categories},
	{"heatmap", plot__chart_heatmap}, {"pareto", plot__chart_pareto},
	{"weak", plot__chart_weak},       {"figures", plot__chart_figures},
	{"rank", plot__chart_rank},       {"projects", plot__chart_projects},
};

static const char *const image_names[] = {"png", "svg", "pdf"};

#define DEFAULT_WIDTH 1000
#define DEFAULT_HEIGHT 600
#define FONT_SIZE 10

void jx_plot_request_init(jx_plot_request *r)
{
	memset(r, 0, sizeof(*r));
	r->chart = JX_CHART_TOTAL;
	r->kind = JX_KIND_SELF;
	r->format = JX_IMAGE_PNG;
	r->lang = JX_LANG_ZH;
}

const char *jx_chart_name(jx_chart c)
{
	return (unsigned)c < JX_CHART_COUNT ? charts[c].name : NULL;
}

int jx_chart_parse(const char *s, jx_chart *out)
{
	int i;
	for (i = 0; s && i < JX_CHART_COUNT; i++)
		if (strcmp(s, charts[i].name) == 0) {
			*out = (jx_chart)i;
			return 0;
		}
	return jx__error(JX_EINVAL,
			 _("unknown chart '%s' (total, categories, heatmap, pareto, "
			   "weak, figures, rank, projects)"),
			 s ? s : "");
}

const char *jx_image_format_name(jx_image_format f)
{
	return (unsigned)f < 3 ? image_names[f] : NULL;
}

int jx_image_format_parse(const char *s, jx_image_format *out)
{
	int i;
	for (i = 0; s && i < 3; i++)
		if (strcmp(s, image_names[i]) == 0) {
			*out = (jx_image_format)i;
			return 0;
		}
	return jx__error(JX_EINVAL, _("unknown image format '%s' (png, svg, pdf)"), s ? s : "");
}

static int check_years(const jx_plot_request *req)
{
	if (req->year_from && req->year_to && req->year_from > req->year_to)
		return jx__error(JX_EINVAL, _("year range %d-%d is empty"), req->year_from,
				 req->year_to);
	return 0;
}

/* The font family for the terminal; warns once when there is no CJK font. */
static const char *terminal_font(const jx_plot_request *req)
{
	static int warned;
	const char *f = req->font ? req->font : jx_plot_cjk_font();
	if (f)
		return f;
	if (!warned) {
		fputs(_("jixiao: warning: fontconfig finds no font with Chinese glyphs (install "
			"fonts-noto-cjk); drawing with the default font\n"),
		      stderr);
		warned = 1;
	}
	return "sans";
}

/* Terminal options shared by the formats: size, no enhanced text, the font. */
static char *terminal_options(const jx_plot_request *req, int w, int h, const char *qfont)
{
	if (req->format == JX_IMAGE_PDF) /* pdfcairo measures in inches */
		return jx__sprintf("size %d.%02din,%d.%02din noenhanced font %s", w / 100, w % 100,
				   h / 100, h % 100, qfont);
	return jx__sprintf("size %d,%d noenhanced font %s background rgb 'white'", w, h, qfont);
}

/* The output as gnuplot must see it: a relative path gets "./", so that no name
 * ("|command", "<file") is ever taken for a pipe. malloc'd. */
static char *pipe_safe(const char *out)
{
	return out[0] == '/' || !strncmp(out, "./", 2) ? jx__strdup(out) : jx__sprintf("./%s", out);
}

static void emit_terminal(jx__buf *b, const jx_plot_request *req, int w, int h, const char *out)
{
	char *font = jx__sprintf("%s,%d", terminal_font(req), FONT_SIZE);
	char *safe = out ? pipe_safe(out) : NULL;
	char *qfont = jx_plot_quote(font), *qout = safe ? jx_plot_quote(safe) : NULL;
	char *opts = qfont ? terminal_options(req, w, h, qfont) : NULL;
	if (!font || !opts || (out && (!safe || !qout))) {
		b->failed = 1;
		goto out;
	}
	jx__buf_puts(b, "set encoding utf8\n");
	if (req->format == JX_IMAGE_PNG) /* pngcairo when this gnuplot has it, else libgd's png */
		jx__buf_printf(b,
			       "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
			       "  set terminal pngcairo %s\n} else {\n  set terminal png %s\n}\n",
			       opts, opts);
	else
		jx__buf_printf(b, "set terminal %s %s\n",
			       req->format == JX_IMAGE_SVG ? "svg" : "pdfcairo", opts);
	if (qout)
		jx__buf_printf(b, "set output %s\n", qout);
	plot__emit_int(b, "chart_width", w);
	plot__emit_int(b, "chart_height", h);
	plot__emit_string(b, "font_family", font);
out:
	free(font);
	free(safe);
	free(qfont);
	free(qout);
	free(opts);
}

static int append_template(jx__buf *b, const char *dir, const char *name)
{
	char *text = NULL;
	int rc = plot__template_load(&text, dir, name);
	if (rc)
		return rc;
	jx__buf_printf(b, "# ---- template %s ----\n", name);
	jx__buf_puts(b, text);
	if (b->len && b->data[b->len - 1] != '\n')
		jx__buf_puts(b, "\n");
	free(text);
	return 0;
}

/* A chart of one department: the request names it and its years. */
static int prepare_chart(plot__script *ps, const void *arg)
{
	const plot__ctx *ctx = arg;
	const jx_plot_request *req = ctx->req;
	int rc;
	if ((unsigned)req->chart >= JX_CHART_COUNT)
		return jx__error(JX_EINVAL, _("bad chart or image format"));
	if (!req->department || !*req->department)
		return jx__error(JX_EINVAL, _("a department is required"));
	if ((rc = check_years(req)) != 0)
		return rc;
	return charts[req->chart].fn(ps, ctx);
}

/* The chart's preparation in its language (req->lang): every text it makes (titles, axes,
 * keys, notes, labels of codes) is a catalog entry translated there. A failure's message is
 * for the caller, in the caller's language: the preparation, which only reads, fails the
 * same way again under it. */
static int prepare(plot__script *ps, const plot__job *job, const jx_plot_request *req)
{
	jx_lang caller = jx_i18n_lang();
	plot__script again;
	int rc, rc_again;
	jx_i18n_set(req->lang);
	rc = job->prepare(ps, job->arg);
	ps->synthetic_text = _("synthetic data"); /* catalog texts stay valid after the switch */
	jx_i18n_set(caller);
	if (rc == 0 || rc == JX_ENOMEM || caller == req->lang)
		return rc;
	memset(&again, 0, sizeof(again));
	jx__buf_init(&again.vars);
	rc_again = job->prepare(&again, job->arg);
	jx__buf_free(&again.vars);
	return rc_again ? rc_again : rc;
}

static int build_script(char **out, const plot__job *job, const jx_plot_request *req,
			const char *path)
{
	plot__script ps;
	jx__buf b;
	int rc, w, h;
	memset(&ps, 0, sizeof(ps));
	jx__buf_init(&ps.vars);
	jx__buf_init(&b);
	if ((unsigned)req->format > JX_IMAGE_PDF)
		return jx__error(JX_EINVAL, _("bad chart or image format"));
	if ((rc = prepare(&ps, job, req)) != 0)
		goto out;
	w = req->width > 0 ? req->width : ps.width > 0 ? ps.width : DEFAULT_WIDTH;
	h = req->height > 0 ? req->height : ps.height > 0 ? ps.height : DEFAULT_HEIGHT;
	jx__buf_printf(&b, "# jixiao %s chart '%s': generated; every text below is quoted\n",
		       JX_VERSION, job->name);
	emit_terminal(&b, req, w, h, path);
	plot__emit_int(&b, "synthetic", ps.synthetic);
	plot__emit_string(&b, "synthetic_text", ps.synthetic ? ps.synthetic_text : "");
	if (ps.vars.data)
		jx__buf_put(&b, ps.vars.data, ps.vars.len);
	if ((rc = append_template(&b, req->templates_dir, "common")) != 0 ||
	    (rc = append_template(&b, req->templates_dir, job->template_name)) != 0)
		goto out;
	jx__buf_puts(&b, "unset output\n");
	if (ps.vars.failed || !(*out = jx__buf_detach(&b)))
		rc = jx__oom();
out:
	jx__buf_free(&ps.vars);
	jx__buf_free(&b);
	return rc;
}

/* The job of a department chart; ctx is filled and must outlive the job. */
plot__job plot__chart_job(plot__ctx *ctx, jx_store *s, const jx_plot_request *req)
{
	plot__job job;
	ctx->store = s;
	ctx->req = req;
	job.name = job.template_name = (unsigned)req->chart < JX_CHART_COUNT
					       ? charts[req->chart].name
					       : "";
	job.prepare = prepare_chart;
	job.arg = ctx;
	return job;
}

int plot__script_text(char **out, const plot__job *job, const jx_plot_request *req)
{
	*out = NULL;
	return build_script(out, job, req, req->out_path);
}

int jx_plot_script(char **out, jx_store *s, const jx_plot_request *req)
{
	plot__ctx ctx;
	plot__job job = plot__chart_job(&ctx, s, req);
	return plot__script_text(out, &job, req);
}

/* The image gnuplot wrote at path is whole enough to be one: non-empty, with the signature. */
int plot__verify_image(const char *path, jx_image_format fmt)
{
	unsigned char head[64];
	size_t n = 0, skip = 0;
	FILE *f = fopen(path, "rb");
	if (f) {
		n = fread(head, 1, sizeof(head), f);
		fclose(f);
	}
	while (skip < n && (head[skip] == ' ' || head[skip] == '\n' || head[skip] == '\r' ||
			    head[skip] == '\t'))
		skip++;
	if (fmt == JX_IMAGE_PNG && n >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8))
		return 0;
	if (fmt == JX_IMAGE_PDF && n >= 5 && !memcmp(head, "%PDF-", 5))
		return 0;
	if (fmt == JX_IMAGE_SVG && n - skip >= 5 &&
	    (!memcmp(head + skip, "<?xml", 5) || !memcmp(head + skip, "<svg", 4)))
		return 0;
	return jx__error(JX_EIO,
			 n ? _("gnuplot exited without error but wrote no %s image")
			   : _("gnuplot exited without error but wrote nothing (expected a %s "
			       "image)"),
			 jx_image_format_name(fmt));
}

/* gnuplot draws into gnuplot_path (a temporary file), which must then hold an image. */
static int draw_to(const plot__job *job, const jx_plot_request *req, const char *gnuplot_path)
{
	char *script = NULL;
	int rc = build_script(&script, job, req, gnuplot_path);
	if (rc == 0)
		rc = plot__run(script, req->gnuplot, req->timeout);
	if (rc == 0)
		rc = plot__verify_image(gnuplot_path, req->format);
	free(script);
	return rc;
}

/* The script as the user keeps it: its output is the target (pipe-safe, see emit_terminal). */
static int write_script(jx_output *o, const plot__job *job, const jx_plot_request *req)
{
	char *script = NULL;
	int rc = build_script(&script, job, req, req->out_path);
	if (rc == 0 && fputs(script, jx_output_stream(o)) < 0)
		rc = jx__error(JX_EIO, "%s: %s", jx_output_path(o), strerror(errno));
	free(script);
	return rc;
}

int plot__draw(const plot__job *job, const jx_plot_request *req)
{
	jx_output *out = NULL, *script = NULL;
	int rc;
	if (!req->out_path || !*req->out_path)
		return jx__error(JX_EINVAL, _("an output file is required"));
	if ((rc = jx_output_open(&out, req->out_path)) != 0)
		return rc;
	if (req->script_path && (rc = jx_output_open(&script, req->script_path)) != 0) {
		jx_output_abort(out);
		return rc;
	}
	rc = draw_to(job, req, jx_output_temp_path(out));
	if (rc == 0 && script)
		rc = write_script(script, job, req);
	if (rc == 0 && script) {
		rc = jx_output_commit(script);
		script = NULL;
	}
	if (rc == 0) {
		rc = jx_output_commit(out);
		out = NULL;
	}
	jx_output_abort(script);
	jx_output_abort(out);
	return rc;
}

int jx_plot_draw(jx_store *s, const jx_plot_request *req)
{
	plot__ctx ctx;
	plot__job job = plot__chart_job(&ctx, s, req);
	return plot__draw(&job, req);
}

int plot__temp_image(char **path)
{
	const char *dir = getenv("TMPDIR");
	int fd;
	*path = jx__sprintf("%s%s/jixiao-chart-XXXXXX", dir && *dir && *dir != '/' ? "./" : "",
			    dir && *dir ? dir : "/tmp");
	if (!*path)
		return jx__oom();
	if ((fd = mkstemp(*path)) < 0) {
		int rc = jx__error(JX_EIO, _("temporary file: %s"), strerror(errno));
		free(*path);
		*path = NULL;
		return rc;
	}
	close(fd);
	return 0;
}

int jx_plot_render(char **out, size_t *len, jx_store *s, const jx_plot_request *req)
{
	plot__ctx ctx;
	plot__job job = plot__chart_job(&ctx, s, req);
	char *path = NULL;
	size_t n = 0;
	int rc;
	*out = NULL;
	if ((rc = plot__temp_image(&path)) != 0)
		return rc;
	rc = draw_to(&job, req, path);
	if (rc == 0)
		rc = jx__read_file(out, &n, path, PLOT__IMAGE_MAX);
	unlink(path);
	if (len)
		*len = n;
	free(path);
	return rc;
}

void plot__emit_titles(plot__script *ps, const jx_plot_request *req, const char *chart_title,
		       int year_from, int year_to)
{
	char years[48];
	char *title = jx__sprintf("%s · %s", req->department, chart_title);
	char *subtitle;
	if (year_to && year_to != year_from)
		snprintf(years, sizeof(years), "%d–%d", year_from, year_to);
	else
		snprintf(years, sizeof(years), "%d", year_from);
	subtitle = jx__sprintf("%s · %s", years, jx_kind_label(req->kind));
	if (!title || !subtitle)
		ps->vars.failed = 1;
	plot__emit_string(&ps->vars, "title_text", title ? title : "");
	plot__emit_string(&ps->vars, "subtitle_text", subtitle ? subtitle : "");
	free(title);
	free(subtitle);
}
