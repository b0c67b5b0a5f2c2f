/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_report.c -- `jixiao report`: the planning report of one department (HTML or Markdown). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"

static const cli_option options[] = {
	CLI_SHARED_REQUIRED(DEPT, N_("department (required)")),
	CLI_SHARED_REQUIRED(OUT, N_("output file (required); - writes HTML, or Markdown without "
				    "charts, to standard output")),
	CLI_SHARED_HELP(YEARS, N_("year range (default: all years)")),
	CLI_SHARED_HELP(KIND, N_("evaluations analysed (default self)")),
	{'f', "format", "html|md", N_("output format (default: md for a .md file, else html)"), 0},
	{'l', "lang", "zh|en", N_("language of the report (default: the global --lang, else zh)"),
	 0},
	{'n', "no-charts", NULL, N_("leave the charts out (no gnuplot needed)"), 0},
	CLI_SHARED_HELP(TEMPLATES, N_("chart templates (see `jixiao plot --help`)")),
	{'s', "summary", NULL, N_("also print a three-line summary on stdout"), 0},
	{'T', "timeout", "SECONDS", N_("stop gnuplot after this long, per chart (default 60)"), 0},
	CLI_END};

const cli_spec spec_report = {
	"report",
	NULL,
	NULL,
	N_("Write the planning report of one department: summary (latest score, grade,\n"
	   "change, rank), category trends, weak indicators with the rule\n"
	   "that fired, deduction patterns, next year's forecast with prediction\n"
	   "intervals, budget execution and growth, self-evaluation vs review, planning\n"
	   "suggestions derived by the rules of docs/report.md (each linked to its\n"
	   "evidence) and the data provenance. Numbers are those of `jixiao trend`,\n"
	   "`forecast`, `compare`, `deductions`, `weak`, `figures` and `rank`.\n"
	   "\n"
	   "HTML is one self-contained file (charts inline as SVG, printable on A4);\n"
	   "Markdown puts the charts as PNG files in FILE_charts/ beside FILE.md.\n"
	   "Reports that use synthetic data say so in a banner.\n"
	   "\n"
	   "The written file is printed on stdout. The date shown in the report is\n"
	   "today's, or $SOURCE_DATE_EPOCH's when set (reproducible output).\n"),
	"  jixiao report --dept 南京市公安局禁毒支队 --out report.html\n"
	"  jixiao report --dept 示例市财政局 --years 2018-2024 --lang en --out report.md\n",
	options};

typedef struct {
	jx_report_request req;
	const char *out;
	int format_set, summary;
	char date[32];
} report_args;

static int own_option(void *ctx, int key, const char *arg)
{
	report_args *a = ctx;
	switch (key) {
	case 'f':
		a->format_set = 1;
		return jx_report_format_parse(arg, &a->req.format)
			       ? cli_usage("report", _("--format must be html or md"))
			       : 0;
	case 'l':
		return jx_lang_parse(arg, &a->req.lang)
			       ? cli_usage("report", _("--lang must be zh or en"))
			       : 0;
	case 'n': a->req.charts = 0; return 0;
	case 'T': return cli_int_option("report", "timeout", arg, 1, 86400, &a->req.timeout);
	default: a->summary = 1; return 0;
	}
}

/* The shared options into the request, and what is required. */
static int check_args(report_args *a, const cli_args *c)
{
	if (cli_no_positionals(c) != CLI_GO)
		return JX_EXIT_USAGE;
	a->req.department = c->dept;
	a->out = c->out;
	a->req.year_from = c->year_from;
	a->req.year_to = c->year_to;
	if (c->kind >= 0)
		a->req.kind = (jx_kind)c->kind;
	a->req.templates_dir = c->templates;
	if (!a->req.department)
		return cli_usage("report", _("--dept is required"));
	if (!a->out)
		return cli_usage("report", _("--out is required"));
	if (!strcmp(a->out, "-") && a->format_set && a->req.format == JX_REPORT_MD && a->req.charts)
		return cli_usage("report", _("Markdown charts need files: give --out FILE.md, or "
					     "--no-charts for standard output"));
	if (!a->format_set) {
		size_t n = strlen(a->out);
		a->req.format = n > 3 && !strcmp(a->out + n - 3, ".md") ? JX_REPORT_MD
									: JX_REPORT_HTML;
	}
	return 0;
}

/* Today, or SOURCE_DATE_EPOCH (UTC) for reproducible output. */
static void report_date(char *buf, size_t size)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;
	if (epoch && *epoch) {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
		buf[0] = '\0';
}

/* Into the file, or to standard output for "-". */
static int write_report(jx_report *r, jx_store *s, const report_args *a)
{
	char *text = NULL;
	int rc;
	if (strcmp(a->out, "-"))
		return jx_report_write(r, s, &a->req, a->out);
	if ((rc = jx_report_render(&text, r, s, &a->req)) == 0)
		fputs(text, stdout);
	free(text);
	return rc;
}

int cmd_report(jx_cli *cli, int argc, char **argv)
{
	report_args a;
	cli_args c;
	jx_store *s = NULL;
	jx_report *r = NULL;
	char *dept = NULL;
	int rc;
	memset(&a, 0, sizeof(a));
	jx_report_request_init(&a.req);
	a.req.lang = cli->doc_lang; /* the global --lang, else Chinese; the report's --lang wins */
	if ((rc = cli_parse(&c, &spec_report, argc, argv, own_option, &a)) != CLI_GO)
		return rc;
	if ((rc = check_args(&a, &c)) != 0)
		return rc;
	report_date(a.date, sizeof(a.date));
	a.req.generated = a.date[0] ? a.date : NULL;
	if ((rc = cli_open_store(cli, &s, CLI_STORE_READ)) != 0)
		return rc;
	if ((rc = cli_find_department(s, a.req.department, &dept)) != 0)
		goto out;
	a.req.department = dept;
	if (jx_report_build(&r, s, &a.req) != 0 || write_report(r, s, &a) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	for (size_t i = 0; i < r->nmessages; i++)
		cli_warn("%s", r->messages[i]);
	if (strcmp(a.out, "-"))
		printf("%s\n", a.out);
	if (a.summary) {
		char *text = NULL;
		if (jx_report_summary(&text, r, cli->lang) != 0) { /* terminal output */
			rc = cli_fail_jx();
			goto out;
		}
		fputs(text, stdout);
		free(text);
	}
	if (fflush(stdout) != 0)
		rc = cli_fail(_("cannot write output: %s"), strerror(errno));
out:
	jx_report_free(r);
	free(dept);
	jx_store_free(s);
	return rc;
}
