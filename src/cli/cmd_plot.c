/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_plot.c -- `jixiao plot`: draw one chart, or all seven, with gnuplot. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include "cli.h"

static const cli_option options[] = {
	CLI_SHARED_REQUIRED(DEPT, N_("department (required)")),
	CLI_SHARED_HELP(YEARS, N_("year range (default: all years)")),
	{'Y', "year", "Y", N_("rank: the year (default: the department's latest)"), 0},
	CLI_SHARED_HELP(KIND, N_("evaluations used (default self)")),
	CLI_SHARED_HELP(OUT, N_("output file (one chart)")),
	{'O', "out-dir", "DIR", N_("output directory (all)"), 0},
	{'f', "format", "png|svg|pdf",
	 N_("image format (default: from the --out extension, else png)"), 0},
	{'s', "size", "WxH", N_("size in pixels (PDF: 100 px per inch; default per chart)"), 0},
	CLI_SHARED(TEMPLATES),
	{'T', "timeout", "SECONDS", N_("stop gnuplot after this long (default 60)"), 0},
	{'S', "script", "FILE",
	 N_("also write the gnuplot script (all: a directory of <chart>.gp)"), 0},
	CLI_END};
static const char *const forms[] = {"all --dept NAME --out-dir DIR [options]", NULL};

const cli_spec spec_plot = {
	"plot", "CHART", forms,
	/* xgettext:no-c-format */
	N_("Draw a chart with gnuplot (Debian package gnuplot-nox). CHART is one of:\n"
	   "  total       total score per year over the grade bands, OLS trend, next\n"
	   "              year's forecast with its 95% prediction interval\n"
	   "  categories  score rate of each level-1 category per year\n"
	   "  heatmap     points deducted per indicator and year\n"
	   "  pareto      points lost by indicator, sorted, with the cumulative share\n"
	   "  weak        one panel per weak indicator (the rules of `jixiao weak`)\n"
	   "  figures     budget vs final expenditure per year, execution rate\n"
	   "  rank        all departments' totals for one year, NAME highlighted\n"
	   "  all         the seven above into DIR as total.png, categories.png, ...\n"
	   "One chart needs --out FILE, all needs --out-dir DIR.\n"
	   "\n"
	   "Charts are in Chinese, or in English with jixiao --lang en plot ...; Chinese\n"
	   "needs a CJK font (fonts-noto-cjk). Charts drawn from synthetic data say so.\n"
	   "The written files are printed on stdout.\n"),
	"  jixiao plot total --dept 南京市公安局禁毒支队 --out total.png\n"
	"  jixiao plot all --dept 南京市公安局禁毒支队 --out-dir charts --format svg\n",
	options};

typedef struct {
	jx_plot_request req;
	const char *out_dir, *script;
	int all, format_set;
} plot_args;

static int parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a = strtol(s, &end, 10), b;
	if (end == s || (*end != 'x' && *end != 'X'))
		return -1;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (end == s || *end || a < 100 || b < 100 || a > 10000 || b > 10000)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

/* The format from a file name's extension, when it names one. */
static void format_from_name(jx_image_format *f, const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (dot)
		jx_image_format_parse(dot + 1, f);
	jx_error_clear();
}

static int own_option(void *ctx, int key, const char *arg)
{
	plot_args *a = ctx;
	switch (key) {
	case 'Y':
		return cli_parse_int(arg, &a->req.rank_year)
			       ? cli_usage("plot", _("bad year '%s'"), arg)
			       : 0;
	case 'O': a->out_dir = arg; return 0;
	case 'f':
		a->format_set = 1;
		return jx_image_format_parse(arg, &a->req.format)
			       ? cli_usage("plot", _("--format must be png, svg or pdf"))
			       : 0;
	case 's':
		return parse_size(arg, &a->req.width, &a->req.height)
			       ? cli_usage("plot", _("--size must be WxH in pixels, e.g. 1000x600"))
			       : 0;
	case 'T': return cli_int_option("plot", "timeout", arg, 1, 86400, &a->req.timeout);
	default: a->script = arg; return 0;
	}
}

/* The chart (positional), the shared options into the request, what goes together. */
static int check_args(plot_args *a, const cli_args *c)
{
	if (c->npos < 1)
		return cli_usage("plot",
				 _("which chart? (total, categories, heatmap, pareto, weak, "
				   "figures, rank or all)"));
	if (c->npos > 1)
		return cli_usage("plot", _("unexpected argument '%s'"), c->pos[1]);
	a->all = strcmp(c->pos[0], "all") == 0;
	if (!a->all && jx_chart_parse(c->pos[0], &a->req.chart) != 0)
		return cli_usage("plot", "%s", jx_error_last());
	a->req.department = c->dept;
	a->req.year_from = c->year_from;
	a->req.year_to = c->year_to;
	if (c->kind >= 0)
		a->req.kind = (jx_kind)c->kind;
	a->req.out_path = c->out;
	a->req.templates_dir = c->templates;
	if (!a->req.department)
		return cli_usage("plot", _("--dept is required"));
	if (a->all ? !a->out_dir : !a->req.out_path)
		return cli_usage("plot",
				 a->all ? _("plot all needs --out-dir") : _("--out is required"));
	if (!a->format_set && !a->all)
		format_from_name(&a->req.format, a->req.out_path);
	return 0;
}

/* "dir/name.ext" (malloc'd; NULL on ENOMEM). */
static char *image_path(const char *dir, const char *name, jx_image_format f)
{
	char *p = malloc(strlen(dir) + strlen(name) + 8);
	if (p)
		sprintf(p, "%s/%s.%s", dir, name, jx_image_format_name(f));
	return p;
}

static int draw_one(jx_store *s, plot_args *a)
{
	a->req.script_path = a->script;
	if (jx_plot_draw(s, &a->req) != 0)
		return cli_fail_jx();
	printf("%s\n", a->req.out_path);
	return JX_EXIT_OK;
}

/* chart's script as the user keeps it, naming its final file, into the scripts' temporary dir. */
static int keep_script(jx_store *s, const plot_args *a, const char *script_dir, const char *name)
{
	jx_plot_request r = a->req;
	char *final = image_path(a->out_dir, name, a->req.format), *path, *text = NULL;
	jx_output *o = NULL;
	int rc = -1;
	path = final ? malloc(strlen(script_dir) + strlen(name) + 8) : NULL;
	if (path) {
		sprintf(path, "%s/%s.gp", script_dir, name);
		r.out_path = final;
		if (jx_plot_script(&text, s, &r) == 0 && jx_output_open(&o, path) == 0) {
			fputs(text, jx_output_stream(o));
			rc = jx_output_commit(o);
		}
	}
	free(text);
	free(path);
	free(final);
	return rc ? -1 : 0;
}

/* Every chart with data prepared into b (its image in dir, a temporary one); added[] the
 * charts in b's order. Exit code. */
static int add_charts(jx_plot_batch *b, jx_store *s, plot_args *a, const char *dir,
		      const char *script_dir, int *added)
{
	for (int i = 0; i < JX_CHART_COUNT; i++) {
		const char *name = jx_chart_name((jx_chart)i);
		char *out = image_path(dir, name, a->req.format);
		int rc;
		if (!out)
			return cli_fail(_("out of memory"));
		a->req.chart = (jx_chart)i;
		a->req.out_path = out;
		a->req.script_path = NULL;
		rc = jx_plot_batch_add(b, s, &a->req);
		if (rc == 0)
			added[jx_plot_batch_count(b) - 1] = i;
		if (rc == 0 && script_dir)
			rc = keep_script(s, a, script_dir, name);
		free(out);
		a->req.out_path = NULL;
		if (rc != 0 && jx_error_code() == JX_ENOTFOUND)
			cli_warn(_("%s skipped: %s"), name, jx_error_last());
		else if (rc != 0)
			return cli_fail("%s: %s", name, jx_error_last());
	}
	return JX_EXIT_OK;
}

/* Every chart into dir (a temporary one), by one gnuplot; drawn[i] set for those drawn.
 * Exit code. */
static int draw_charts(jx_store *s, plot_args *a, const char *dir, const char *script_dir,
		       int *drawn)
{
	jx_plot_batch *b = NULL;
	int added[JX_CHART_COUNT], rc;
	if (jx_plot_batch_new(&b) != 0)
		return cli_fail_jx();
	rc = add_charts(b, s, a, dir, script_dir, added);
	if (rc == JX_EXIT_OK && jx_plot_batch_run(b) != 0) {
		for (size_t k = 0; k < jx_plot_batch_count(b); k++) {
			const char *msg;
			if (jx_plot_batch_failure(b, k, &msg) != 0) {
				rc = cli_fail("%s: %s", jx_chart_name((jx_chart)added[k]), msg);
				break;
			}
		}
	}
	for (size_t k = 0; rc == JX_EXIT_OK && k < jx_plot_batch_count(b); k++)
		drawn[added[k]] = 1;
	jx_plot_batch_free(b);
	return rc;
}

/* All charts into out_dir, all or none: drawn in a temporary directory beside it and moved
 * in only when every chart with data was drawn. A chart without data is skipped with a warning. */
static int draw_all(jx_store *s, plot_args *a)
{
	jx_outset *charts = NULL, *scripts = NULL;
	int drawn[JX_CHART_COUNT] = {0}, n = 0, rc;
	if ((rc = cli_outsets_open(&charts, a->out_dir, &scripts, a->script)) != 0)
		return rc;
	rc = draw_charts(s, a, jx_outset_temp_dir(charts),
			 scripts ? jx_outset_temp_dir(scripts) : NULL, drawn);
	for (int i = 0; i < JX_CHART_COUNT; i++)
		n += drawn[i];
	if (rc == 0 && n == 0)
		rc = cli_fail(_("no chart drawn for %s"), a->req.department);
	if (rc == 0 && scripts && (rc = jx_outset_commit(scripts) ? cli_fail_jx() : 0) == 0)
		scripts = NULL;
	if (rc == 0 && (rc = jx_outset_commit(charts) ? cli_fail_jx() : 0) == 0)
		charts = NULL;
	jx_outset_abort(scripts);
	jx_outset_abort(charts);
	for (int i = 0; rc == 0 && i < JX_CHART_COUNT; i++)
		if (drawn[i]) {
			char *p = image_path(a->out_dir, jx_chart_name((jx_chart)i), a->req.format);
			printf("%s\n", p ? p : "");
			free(p);
		}
	return rc;
}

int cmd_plot(jx_cli *cli, int argc, char **argv)
{
	plot_args a;
	cli_args c;
	jx_store *s = NULL;
	char *dept = NULL;
	int rc;
	memset(&a, 0, sizeof(a));
	jx_plot_request_init(&a.req);
	a.req.lang = cli->doc_lang; /* a chart is a document: Chinese, or the global --lang */
	if ((rc = cli_parse(&c, &spec_plot, argc, argv, own_option, &a)) != CLI_GO)
		return rc;
	if ((rc = check_args(&a, &c)) != 0)
		return rc;
	if ((rc = cli_open_store(cli, &s, CLI_STORE_READ)) != 0)
		return rc;
	if ((rc = cli_find_department(s, a.req.department, &dept)) == 0) {
		a.req.department = dept;
		rc = a.all ? draw_all(s, &a) : draw_one(s, &a);
	}
	free(dept);
	jx_store_free(s);
	return rc;
}
