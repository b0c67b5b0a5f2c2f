/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_plot.c -- `jixiao plot`: draw one chart, or all seven, with gnuplot. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] plot CHART --dept NAME --out FILE [options]\n"
	"       jixiao [--db PATH] plot all --dept NAME --out-dir DIR [options]\n"
	"\n"
	"Draw a chart with gnuplot (Debian package gnuplot-nox). CHART is one of:\n"
	"  total       total score per year over the grade bands, OLS trend, next\n"
	"              year's forecast with its 95% prediction interval\n"
	"  categories  score rate of each level-1 category per year\n"
	"  heatmap     points deducted per indicator and year\n"
	"  pareto      points lost by indicator, sorted, with the cumulative share\n"
	"  weak        one panel per weak indicator (the rules of `jixiao weak`)\n"
	"  figures     budget vs final expenditure per year, execution rate\n"
	"  rank        all departments' totals for one year, NAME highlighted\n"
	"  all         the seven above into DIR as total.png, categories.png, ...\n"
	"\n"
	"options:\n"
	"  --dept NAME        department (required)\n"
	"  --years A-B        year range (default: all years)\n"
	"  --year Y           rank: the year (default: the department's latest)\n"
	"  --kind self|review evaluations used (default self)\n"
	"  --out FILE         output file (one chart)\n"
	"  --out-dir DIR      output directory (all)\n"
	"  --format png|svg|pdf  image format (default: from the --out extension, else png)\n"
	"  --size WxH         size in pixels (PDF: 100 px per inch; default per chart)\n"
	"  --templates DIR    use DIR/<chart>.gp (and DIR/common.gp) instead of the\n"
	"                     built-in templates where present\n"
	"  --script FILE      also write the gnuplot script (with all: a directory,\n"
	"                     one <chart>.gp each)\n"
	"\n"
	"Chinese labels need a CJK font (fonts-noto-cjk). Charts drawn from synthetic\n"
	"data say so. The written files are printed on stdout.\n"
	"\n"
	"examples:\n"
	"  jixiao plot total --dept 南京市公安局禁毒支队 --out total.png\n"
	"  jixiao plot all --dept 南京市公安局禁毒支队 --out-dir charts --format svg\n";

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

static int parse_option(plot_args *a, int c, const char *arg)
{
	jx_kind kind;
	switch (c) {
	case 'd': a->req.department = arg; return 0;
	case 'y':
		return cli_parse_years(arg, &a->req.year_from, &a->req.year_to)
			       ? cli_usage("plot", "bad year range '%s'", arg)
			       : 0;
	case 'Y':
		return cli_parse_int(arg, &a->req.rank_year)
			       ? cli_usage("plot", "bad year '%s'", arg)
			       : 0;
	case 'k':
		if (cli_parse_kind(arg, &kind))
			return cli_usage("plot", "--kind must be self or review");
		a->req.kind = kind;
		return 0;
	case 'o': a->req.out_path = arg; return 0;
	case 'O': a->out_dir = arg; return 0;
	case 'f':
		a->format_set = 1;
		return jx_image_format_parse(arg, &a->req.format)
			       ? cli_usage("plot", "--format must be png, svg or pdf")
			       : 0;
	case 's':
		return parse_size(arg, &a->req.width, &a->req.height)
			       ? cli_usage("plot", "--size must be WxH in pixels, e.g. 1000x600")
			       : 0;
	case 't': a->req.templates_dir = arg; return 0;
	case 'S': a->script = arg; return 0;
	default: return cli_usage("plot", "unknown option");
	}
}

static int parse_args(plot_args *a, int argc, char **argv)
{
	static const struct option opts[] = {{"dept", required_argument, 0, 'd'},
					     {"years", required_argument, 0, 'y'},
					     {"year", required_argument, 0, 'Y'},
					     {"kind", required_argument, 0, 'k'},
					     {"out", required_argument, 0, 'o'},
					     {"out-dir", required_argument, 0, 'O'},
					     {"format", required_argument, 0, 'f'},
					     {"size", required_argument, 0, 's'},
					     {"templates", required_argument, 0, 't'},
					     {"script", required_argument, 0, 'S'},
					     {"help", no_argument, 0, 'h'},
					     {0, 0, 0, 0}};
	int c, rc;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h')
			return cli_help(help), -1;
		if (c == ':')
			return cli_usage("plot", "%s needs a value", argv[optind - 1]);
		if (c == '?')
			return cli_usage("plot", "unknown option '%s'", argv[optind - 1]);
		if ((rc = parse_option(a, c, optarg)) != 0)
			return rc;
	}
	if (optind >= argc)
		return cli_usage("plot", "which chart? (total, categories, heatmap, pareto, weak, "
					 "figures, rank or all)");
	if (optind + 1 < argc)
		return cli_usage("plot", "unexpected argument '%s'", argv[optind + 1]);
	a->all = strcmp(argv[optind], "all") == 0;
	if (!a->all && jx_chart_parse(argv[optind], &a->req.chart) != 0)
		return cli_usage("plot", "%s", jx_error_last());
	if (!a->req.department)
		return cli_usage("plot", "--dept is required");
	if (a->all ? !a->out_dir : !a->req.out_path)
		return cli_usage("plot", a->all ? "plot all needs --out-dir" : "--out is required");
	if (!a->format_set && !a->all)
		format_from_name(&a->req.format, a->req.out_path);
	return 0;
}

static int draw_one(jx_store *s, plot_args *a)
{
	a->req.script_path = a->script;
	if (jx_plot_draw(s, &a->req) != 0)
		return cli_fail_jx();
	printf("%s\n", a->req.out_path);
	return JX_EXIT_OK;
}

/* All charts into out_dir; a chart without data is skipped with a warning. */
static int draw_all(jx_store *s, plot_args *a)
{
	int i, drawn = 0, rc = JX_EXIT_OK;
	if (mkdir(a->out_dir, 0777) != 0 && errno != EEXIST)
		return cli_fail("%s: cannot create the directory: %s", a->out_dir, strerror(errno));
	for (i = 0; i < JX_CHART_COUNT && rc == JX_EXIT_OK; i++) {
		const char *name = jx_chart_name((jx_chart)i);
		char *out = malloc(strlen(a->out_dir) + 32), *script = NULL;
		if (a->script)
			script = malloc(strlen(a->script) + 32);
		if (!out || (a->script && !script)) {
			free(out);
			return cli_fail("out of memory");
		}
		sprintf(out, "%s/%s.%s", a->out_dir, name, jx_image_format_name(a->req.format));
		if (script)
			sprintf(script, "%s/%s.gp", a->script, name);
		a->req.chart = (jx_chart)i;
		a->req.out_path = out;
		a->req.script_path = script;
		if (jx_plot_draw(s, &a->req) == 0) {
			printf("%s\n", out);
			drawn++;
		} else if (jx_error_code() == JX_ENOTFOUND) {
			cli_warn("%s skipped: %s", name, jx_error_last());
		} else {
			rc = cli_fail("%s: %s", name, jx_error_last());
		}
		free(out);
		free(script);
	}
	if (rc == JX_EXIT_OK && drawn == 0)
		rc = cli_fail("no chart drawn for %s", a->req.department);
	return rc;
}

int cmd_plot(jx_cli *cli, int argc, char **argv)
{
	plot_args a;
	jx_store *s = NULL;
	int rc;
	memset(&a, 0, sizeof(a));
	jx_plot_request_init(&a.req);
	if ((rc = parse_args(&a, argc, argv)) != 0)
		return rc < 0 ? JX_EXIT_OK : rc;
	char *dept = NULL;
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	if (jx_store_find_department(s, &dept, a.req.department) != 0)
		rc = cli_fail_jx();
	else {
		a.req.department = dept;
		rc = a.all ? draw_all(s, &a) : draw_one(s, &a);
	}
	free(dept);
	jx_store_free(s);
	return rc;
}
