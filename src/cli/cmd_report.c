/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_report.c -- `jixiao report`: the planning report of one department (HTML or Markdown). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] report --dept NAME --out FILE [options]\n"
	"\n"
	"Write the planning report of one department: summary (latest score, grade,\n"
	"change, rank), category trends, persistently weak indicators with the rule\n"
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
	"options:\n"
	"  --dept NAME          department (required)\n"
	"  --out FILE           output file (required)\n"
	"  --years A-B          year range (default: all years)\n"
	"  --kind self|review   evaluations analysed (default self)\n"
	"  --format html|md     output format (default: md for a .md file, else html)\n"
	"  --lang zh|en         language of headings and labels (default zh)\n"
	"  --no-charts          leave the charts out (no gnuplot needed)\n"
	"  --templates DIR      chart templates (see `jixiao plot --help`)\n"
	"  --summary            also print a three-line summary on stdout\n"
	"\n"
	"The written file is printed on stdout. The date shown in the report is\n"
	"today's, or $SOURCE_DATE_EPOCH's when set (reproducible output).\n"
	"\n"
	"examples:\n"
	"  jixiao report --dept 南京市公安局禁毒支队 --out report.html\n"
	"  jixiao report --dept 示例市财政局 --years 2018-2024 --lang en --out report.md\n";

typedef struct {
	jx_report_request req;
	const char *out;
	int format_set, summary;
	char date[32];
} report_args;

static int parse_option(report_args *a, int c, const char *arg)
{
	jx_kind kind;
	switch (c) {
	case 'd': a->req.department = arg; return 0;
	case 'o': a->out = arg; return 0;
	case 'y':
		return cli_parse_years(arg, &a->req.year_from, &a->req.year_to)
			       ? cli_usage("report", "bad year range '%s'", arg)
			       : 0;
	case 'k':
		if (cli_parse_kind(arg, &kind))
			return cli_usage("report", "--kind must be self or review");
		a->req.kind = kind;
		return 0;
	case 'f':
		a->format_set = 1;
		return jx_report_format_parse(arg, &a->req.format)
			       ? cli_usage("report", "--format must be html or md")
			       : 0;
	case 'l':
		return jx_lang_parse(arg, &a->req.lang)
			       ? cli_usage("report", "--lang must be zh or en")
			       : 0;
	case 'n': a->req.charts = 0; return 0;
	case 't': a->req.templates_dir = arg; return 0;
	case 's': a->summary = 1; return 0;
	default: return cli_usage("report", "unknown option");
	}
}

static int parse_args(report_args *a, int argc, char **argv)
{
	static const struct option opts[] = {{"dept", required_argument, 0, 'd'},
					     {"out", required_argument, 0, 'o'},
					     {"years", required_argument, 0, 'y'},
					     {"kind", required_argument, 0, 'k'},
					     {"format", required_argument, 0, 'f'},
					     {"lang", required_argument, 0, 'l'},
					     {"no-charts", no_argument, 0, 'n'},
					     {"templates", required_argument, 0, 't'},
					     {"summary", no_argument, 0, 's'},
					     {"help", no_argument, 0, 'h'},
					     {0, 0, 0, 0}};
	int c, rc;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h')
			return cli_help(help), -1;
		if (c == ':')
			return cli_usage("report", "%s needs a value", argv[optind - 1]);
		if (c == '?')
			return cli_usage("report", "unknown option '%s'", argv[optind - 1]);
		if ((rc = parse_option(a, c, optarg)) != 0)
			return rc;
	}
	if (optind < argc)
		return cli_usage("report", "unexpected argument '%s'", argv[optind]);
	if (!a->req.department)
		return cli_usage("report", "--dept is required");
	if (!a->out)
		return cli_usage("report", "--out is required");
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

int cmd_report(jx_cli *cli, int argc, char **argv)
{
	report_args a;
	jx_store *s = NULL;
	jx_report *r = NULL;
	char *dept = NULL;
	int rc;
	memset(&a, 0, sizeof(a));
	jx_report_request_init(&a.req);
	if ((rc = parse_args(&a, argc, argv)) != 0)
		return rc < 0 ? JX_EXIT_OK : rc;
	report_date(a.date, sizeof(a.date));
	a.req.generated = a.date[0] ? a.date : NULL;
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	if (jx_store_find_department(s, &dept, a.req.department) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	a.req.department = dept;
	if (jx_report_build(&r, s, &a.req) != 0 || jx_report_write(r, s, &a.req, a.out) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	for (size_t i = 0; i < r->nmessages; i++)
		cli_warn("%s", r->messages[i]);
	printf("%s\n", a.out);
	if (a.summary) {
		char *text = NULL;
		if (jx_report_summary(&text, r, a.req.lang) != 0) {
			rc = cli_fail_jx();
			goto out;
		}
		fputs(text, stdout);
		free(text);
	}
	if (fflush(stdout) != 0)
		rc = cli_fail("cannot write output");
out:
	jx_report_free(r);
	free(dept);
	jx_store_free(s);
	return rc;
}
