/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_overview.c -- `jixiao overview`: every department at once, for the finance bureau. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	CLI_SHARED_HELP(DEPT, N_("departments: names or unique parts, separated by commas "
				 "(default every department)")),
	CLI_SHARED(YEARS),
	CLI_SHARED_HELP(KIND, N_("the basis of totals and ranks (default self)")),
	{'f', "format", "table|csv|json|xlsx",
	 N_("output format (default table); xlsx (a workbook of every view) needs --out"), 0},
	CLI_SHARED(HEADERS),
	CLI_SHARED_HELP(OUT, N_("xlsx: the workbook's file")),
	{'v', "view", "matrix|weak|gap|movers|warnings|distribution",
	 N_("what to show (default matrix)"), 0},
	{'s', "sort", "department|rate|change|rank",
	 N_("order of departments in the matrix (default department)"), 0},
	{'t', "top", "N", N_("movers: the N largest falls and rises (default 10)"), 0},
	{'m', "min-departments", "N",
	 N_("weak: indicators deducted in at least N departments (default 2)"), 0},
	{'p', "plot", "DIR",
	 N_("draw the overview's charts into DIR with gnuplot (grades, heat, weak, gap, rank)"), 0},
	{'i', "image", "png|svg|pdf", N_("--plot: image format (default png)"), 0},
	{'S', "script", "DIR", N_("--plot: also write each chart's gnuplot script into DIR"), 0},
	CLI_SHARED_HELP(TEMPLATES, N_("--plot: chart templates (see `jixiao plot --help`)")),
	CLI_END};

const cli_spec spec_overview = {
	"overview",
	NULL,
	NULL,
	N_("Every department at once, as the finance bureau reads them, in six views:\n"
	   "  matrix        (default) department x year totals with grade, the change\n"
	   "                from the previous evaluated year, and the rank of `jixiao\n"
	   "                rank` (one basis: --kind; peer groups by provenance); wide in\n"
	   "                the terminal, one row per department and year in CSV/JSON\n"
	   "  weak          indicators (canonical keys, aliases applied) deducted in\n"
	   "                several departments in the last 3 years: departments and\n"
	   "                share deducted, points lost, how many the weak rules flag,\n"
	   "                the trend of the share (Mann-Kendall, q over the indicators)\n"
	   "  gap           self minus review per department: mean and trend of the gap,\n"
	   "                the one-sided sign test with BH across departments\n"
	   "  movers        the largest falls and rises of the latest year (not across a\n"
	   "                new indicator framework), with grade changes\n"
	   "  warnings      early warnings, one row each with its evidence: expenditure\n"
	   "                growth, execution rate outside 90%-110%, a grade drop (review\n"
	   "                first), an indicator newly deducted persistently\n"
	   "  distribution  per year and peer group: quartiles of totals, departments per\n"
	   "                grade\n"
	   "--plot DIR draws, instead of the table, DIR/grades.png (departments per grade\n"
	   "and year), heat.png (department x year, coloured by grade: the first 40\n"
	   "departments in --sort order, or --top N of them), weak.png (share of\n"
	   "departments deducted per year, the first 8 weak indicators), gap.png (self vs\n"
	   "review per department, over-scoring named) and rank.png (the latest year, the\n"
	   "best and worst 40, or --top N); a chart with nothing to draw is skipped.\n"
	   "Methods: docs/methods.md section 15; rules: docs/report.md.\n"),
	"  jixiao overview\n"
	"  jixiao overview --sort change --years 2020-2024\n"
	"  jixiao overview --view warnings --format csv > warnings.csv\n"
	"  jixiao overview --view weak --dept 民政局,教育局\n"
	"  jixiao overview --plot 总览图 --sort rate --image svg\n"
	"  jixiao overview --format xlsx --out 绩效总览.xlsx\n",
	options};

typedef struct {
	struct {
		const char *cmd, *dept;
		jx_format fmt;
	} a;
	jx_overview_view view;
	jx_overview_sort sort;
	jx_overview_request req;
	const char *plot_dir, *script_dir, *out;
	int xlsx;
	jx_plot_request plot;
	int top_set;
} overview_args;

static int own_option(void *ctx, int key, const char *arg)
{
	overview_args *p = ctx;
	int n;
	switch (key) {
	case 'v':
		if (jx_overview_view_parse(arg, &p->view))
			return cli_usage(p->a.cmd, "%s", jx_error_last());
		return 0;
	case 's':
		if (jx_overview_sort_parse(arg, &p->sort))
			return cli_usage(p->a.cmd, "%s", jx_error_last());
		return 0;
	case 't':
		if (cli_int_option(p->a.cmd, "top", arg, 1, 100000, &n))
			return JX_EXIT_USAGE;
		p->req.top = (size_t)n;
		p->top_set = 1;
		return 0;
	case 'f':
		if (!strcmp(arg, "xlsx")) {
			p->xlsx = 1;
			return 0;
		}
		if (cli_parse_format(arg, &p->a.fmt))
			return cli_usage(p->a.cmd, _("--format must be table, csv, json or xlsx"));
		return 0;
	case 'p': p->plot_dir = arg; return 0;
	case 'S': p->script_dir = arg; return 0;
	case 'i':
		if (jx_image_format_parse(arg, &p->plot.format))
			return cli_usage(p->a.cmd, _("--image must be png, svg or pdf"));
		return 0;
	default:
		if (cli_int_option(p->a.cmd, "min-departments", arg, 1, 100000, &n))
			return JX_EXIT_USAGE;
		p->req.min_departments = (size_t)n;
		return 0;
	}
}

/* "dir/name.ext" (malloc'd; NULL on ENOMEM). */
static char *chart_path(const char *dir, const char *name, const char *ext)
{
	char *p = malloc(strlen(dir) + strlen(name) + strlen(ext) + 3);
	if (p)
		sprintf(p, "%s/%s.%s", dir, name, ext);
	return p;
}

/* Every overview chart into dir (and its script into script_dir); drawn[i] set. Exit code. */
static int draw_charts(overview_args *p, const jx_overview *ov, const char *dir,
		       const char *script_dir, int *drawn)
{
	jx_overview_plot op = {0};
	op.sort = p->sort;
	op.rows = p->top_set ? (p->req.top < 200 ? p->req.top : 200) : 0;
	for (int i = 0; i < JX_OVERVIEW_CHART_COUNT; i++) {
		const char *name = jx_overview_chart_name((jx_overview_chart)i);
		char *out = chart_path(dir, name, jx_image_format_name(p->plot.format));
		char *gp = script_dir ? chart_path(script_dir, name, "gp") : NULL;
		int oom = !out || (script_dir && !gp), rc = oom ? -1 : 0;
		op.chart = (jx_overview_chart)i;
		p->plot.out_path = out;
		p->plot.script_path = gp;
		if (rc == 0 && (rc = jx_plot_overview_draw(ov, &op, &p->plot)) == 0)
			drawn[i] = 1;
		free(out);
		free(gp);
		p->plot.out_path = p->plot.script_path = NULL;
		if (rc && !oom && jx_error_code() == JX_ENOTFOUND)
			cli_warn(_("%s skipped: %s"), name, jx_error_last());
		else if (rc)
			return cli_fail("%s: %s", name, oom ? _("out of memory") : jx_error_last());
	}
	return JX_EXIT_OK;
}

/* The charts into --plot DIR, all or none (as `plot all`); the files written on stdout. */
static int plot_overview(overview_args *p, const jx_overview *ov, jx_lang lang)
{
	jx_outset *charts = NULL, *scripts = NULL;
	int drawn[JX_OVERVIEW_CHART_COUNT] = {0}, rc;
	p->plot.lang = lang; /* charts are documents: in the documents' language */
	if ((rc = cli_outsets_open(&charts, p->plot_dir, &scripts, p->script_dir)) != 0)
		return rc;
	rc = draw_charts(p, ov, jx_outset_temp_dir(charts),
			 scripts ? jx_outset_temp_dir(scripts) : NULL, drawn);
	if (rc == 0 && scripts && (rc = jx_outset_commit(scripts) ? cli_fail_jx() : 0) == 0)
		scripts = NULL;
	if (rc == 0 && (rc = jx_outset_commit(charts) ? cli_fail_jx() : 0) == 0)
		charts = NULL;
	jx_outset_abort(scripts);
	jx_outset_abort(charts);
	for (int i = 0; rc == 0 && i < JX_OVERVIEW_CHART_COUNT; i++)
		if (drawn[i])
			printf("%s/%s.%s\n", p->plot_dir,
			       jx_overview_chart_name((jx_overview_chart)i),
			       jx_image_format_name(p->plot.format));
	return rc;
}

/* The workbook of every view: a document, its headings in the documents' language (Chinese
 * unless --lang en); sheet names Chinese; values as in CSV. */
static int write_xlsx(const overview_args *p, const jx_overview *ov, jx_lang lang)
{
	if (jx_xlsx_overview_write(ov, p->out, p->sort, lang))
		return cli_fail_jx();
	printf("%s\n", p->out);
	return JX_EXIT_OK;
}

/* Departments per part of the long matrix written as CSV or JSON. */
#define MATRIX_PART 500

/* The long matrix (CSV, JSON) written a part at a time: whole, the table of 8,000
 * departments took ~30 MB (docs/performance.md). The same bytes as one table. */
static int matrix_stream(const overview_args *p, const jx_overview *ov)
{
	ana_stream out = {p->a.fmt, 0, 0};
	size_t *order = NULL;
	int rc = 0;
	if (jx_overview_order(&order, ov, p->sort))
		return cli_fail_jx();
	for (size_t k = 0; rc == 0 && k < ov->ndepartments; k += MATRIX_PART) {
		jx_table *t = NULL;
		if (jx_overview_matrix_part(&t, ov, order, k, MATRIX_PART))
			rc = cli_fail_jx();
		else if (ana_stream_write(&out, t))
			rc = cli_fail(_("cannot write output: %s"), strerror(errno));
		jx_table_free(t);
	}
	free(order);
	return rc ? rc : ana_stream_end(&out);
}

static int run(overview_args *p, jx_store *st, jx_lang lang)
{
	jx_overview *ov = NULL;
	jx_table *t = NULL;
	int rc;
	if (jx_overview_compute(&ov, st, &p->req))
		rc = cli_fail_jx();
	else if (p->plot_dir)
		rc = plot_overview(p, ov, lang);
	else if (p->xlsx)
		rc = write_xlsx(p, ov, lang);
	else if (p->view == JX_OV_MATRIX && p->a.fmt != JX_FMT_TABLE)
		rc = matrix_stream(p, ov);
	else if (jx_overview_table(&t, ov, p->view, p->sort, p->a.fmt == JX_FMT_TABLE))
		rc = cli_fail_jx();
	else
		rc = cli_print_table(t, p->a.fmt, 0);
	jx_table_free(t);
	jx_overview_free(ov);
	return rc;
}

/* The shared options into p; CLI_GO or an exit code. */
static int parse(overview_args *p, int argc, char **argv)
{
	cli_args c;
	int rc;
	if ((rc = cli_parse(&c, &spec_overview, argc, argv, own_option, p)) != CLI_GO ||
	    (rc = cli_no_positionals(&c)) != CLI_GO)
		return rc;
	p->a.dept = c.dept;
	p->out = c.out;
	p->req.o.year_from = c.year_from;
	p->req.o.year_to = c.year_to;
	if (c.kind >= 0)
		p->req.o.kind = (jx_kind)c.kind;
	p->plot.templates_dir = c.templates;
	if (p->script_dir && !p->plot_dir)
		return cli_usage(p->a.cmd, _("--script needs --plot DIR"));
	if (p->xlsx != !!p->out)
		return cli_usage(p->a.cmd, p->xlsx ? _("--format xlsx needs --out FILE")
						   : _("--out is for --format xlsx"));
	return CLI_GO;
}

int cmd_overview(jx_cli *cli, int argc, char **argv)
{
	overview_args p = {.view = JX_OV_MATRIX, .sort = JX_OV_SORT_DEPARTMENT};
	jx_store *st = NULL;
	char **names = NULL;
	size_t n = 0;
	int rc;
	p.a.cmd = "overview";
	p.a.fmt = JX_FMT_TABLE;
	jx_overview_request_init(&p.req);
	jx_plot_request_init(&p.plot);
	if ((rc = parse(&p, argc, argv)) != CLI_GO)
		return rc;
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if (p.a.dept && (rc = ana_department_list(st, p.a.cmd, p.a.dept, &names, &n)) == 0) {
		p.req.departments = (const char *const *)names;
		p.req.ndepartments = n;
	}
	if (rc == 0)
		rc = run(&p, st, cli->doc_lang);
	ana_strings_free(names, n);
	jx_store_free(st);
	return rc;
}
