/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_export.c -- `jixiao export`: stored scores or figures as canonical CSV or JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] export [options]\n"
	"\n"
	"Write stored data in the canonical formats of docs/formats.md. A canonical CSV\n"
	"file that was imported exports back byte for byte.\n"
	"\n"
	"options:\n"
	"  --what scores|figures  what to export (default scores)\n"
	"  --format csv|json|xlsx output format (default csv); xlsx writes one workbook\n"
	"                         (sheets scores, compare, weak, figures) and needs --out\n"
	"  --dept NAME            only this department\n"
	"  --year YEAR | --years A-B   only these years\n"
	"  --kind self|review     only this kind (scores)\n"
	"  --out FILE             write to FILE instead of standard output\n"
	"  --bom                  start CSV with a UTF-8 byte-order mark (for Excel on Windows)\n"
	"\n"
	"examples:\n"
	"  jixiao export --dept 示例市财政局 > scores.csv\n"
	"  jixiao export --what figures --format json --years 2020-2024\n"
	"  jixiao export --format xlsx --dept 示例市财政局 --out 绩效.xlsx\n";

int cmd_export(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"what", required_argument, 0, 'w'},  {"format", required_argument, 0, 'f'},
		{"dept", required_argument, 0, 'd'},  {"year", required_argument, 0, 'y'},
		{"years", required_argument, 0, 'Y'}, {"kind", required_argument, 0, 'k'},
		{"out", required_argument, 0, 'o'},   {"bom", no_argument, 0, 'b'},
		{"help", no_argument, 0, 'h'},        {0, 0, 0, 0}};
	jx_filter f = {NULL, 0, 0, -1, NULL};
	jx_format fmt = JX_FMT_CSV;
	const char *what = "scores", *out_path = NULL, *fmt_name = "csv";
	jx_store *s = NULL;
	char *dept = NULL;
	FILE *out = stdout;
	int c, bom = 0, rc = 0;
	jx_kind kind;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'w': what = optarg; break;
		case 'f': fmt_name = optarg; break;
		case 'd': f.department = optarg; break;
		case 'y':
		case 'Y':
			if (cli_parse_years(optarg, &f.year_from, &f.year_to))
				return cli_usage("export", "bad year range '%s'", optarg);
			break;
		case 'k':
			if (cli_parse_kind(optarg, &kind))
				return cli_usage("export", "--kind must be self or review");
			f.kind = (int)kind;
			break;
		case 'o': out_path = optarg; break;
		case 'b': bom = 1; break;
		case 'h': return cli_help(help);
		case ':': return cli_usage("export", "%s needs a value", argv[optind - 1]);
		default: return cli_usage("export", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage("export", "unexpected argument '%s'", argv[optind]);
	if (strcmp(what, "scores") && strcmp(what, "figures"))
		return cli_usage("export", "--what must be scores or figures");
	if (strcmp(fmt_name, "csv") && strcmp(fmt_name, "json") && strcmp(fmt_name, "xlsx"))
		return cli_usage("export", "--format must be csv, json or xlsx");
	if (!strcmp(fmt_name, "xlsx") && !out_path)
		return cli_usage("export", "--format xlsx needs --out FILE");
	fmt = !strcmp(fmt_name, "json") ? JX_FMT_JSON : JX_FMT_CSV;
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	if (f.department) {
		if (jx_store_find_department(s, &dept, f.department) != 0) {
			rc = cli_fail_jx();
			jx_store_free(s);
			return rc;
		}
		f.department = dept;
	}
	if (!strcmp(fmt_name, "xlsx")) {
		rc = jx_xlsx_export(s, out_path, &f) != 0 ? cli_fail_jx() : JX_EXIT_OK;
		goto done;
	}
	if (out_path && !(out = fopen(out_path, "wb"))) {
		rc = cli_fail("%s: %s", out_path, strerror(errno));
		goto done;
	}
	if ((!strcmp(what, "scores") ? jx_export_scores(s, out, &f, fmt, bom)
				     : jx_export_figures(s, out, &f, fmt, bom)) != 0)
		rc = cli_fail_jx();
	if (out != stdout && fclose(out) != 0 && rc == 0)
		rc = cli_fail("%s: %s", out_path, strerror(errno));
	else if (out == stdout && fflush(stdout) != 0 && rc == 0)
		rc = cli_fail("cannot write output: %s", strerror(errno));
done:
	free(dept);
	jx_store_free(s);
	return rc;
}
