/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_show.c -- `jixiao show DEPT YEAR`: one evaluation's table, subtotals, figures, warnings. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] show DEPT YEAR [--kind self|review] [--format table|csv|json]\n"
	"\n"
	"The indicator table of one evaluation with level-1 subtotals and 合计. In the\n"
	"table, * marks rows that lost points or have no score. The table format also\n"
	"prints the year's figures, the text sections and the import warnings.\n"
	"\n"
	"example:\n"
	"  jixiao show 南京市公安局禁毒支队 2023\n";

static void print_text(const char *title, const char *body)
{
	if (body && *body)
		printf("\n%s\n%s\n", title, body);
}

int cmd_show(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {{"kind", required_argument, 0, 'k'},
					     {"format", required_argument, 0, 'f'},
					     {"help", no_argument, 0, 'h'},
					     {0, 0, 0, 0}};
	jx_format fmt = JX_FMT_TABLE;
	jx_kind kind = JX_KIND_SELF;
	jx_evaluation *ev = NULL;
	jx_figures *fig = NULL;
	jx_store *s = NULL;
	jx_table *t = NULL;
	char *dept = NULL;
	int c, rc, year;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			if (cli_parse_kind(optarg, &kind))
				return cli_usage("show", "--kind must be self or review");
			break;
		case 'f':
			if (cli_parse_format(optarg, &fmt))
				return cli_usage("show", "--format must be table, csv or json");
			break;
		case 'h': return cli_help(help);
		case ':': return cli_usage("show", "%s needs a value", argv[optind - 1]);
		default: return cli_usage("show", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return cli_usage("show", "give a department and a year");
	if (cli_parse_int(argv[optind + 1], &year))
		return cli_usage("show", "'%s' is not a year", argv[optind + 1]);
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	if (jx_store_find_department(s, &dept, argv[optind]) != 0 ||
	    jx_store_load_evaluation(s, &ev, dept, year, kind) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	if (!(t = jx_evaluation_table(ev))) {
		rc = cli_fail("out of memory");
		goto out;
	}
	if (fmt == JX_FMT_TABLE) {
		char ss[64];
		jx_number_format(ss, sizeof(ss), ev->self_score);
		printf("%s %d (%s, %s)%s%s\n", ev->department, ev->year, jx_kind_name(ev->kind),
		       ev->provenance == JX_PROV_SYNTHETIC ? "synthetic data 合成数据" : "real",
		       ss[0] ? ", self-score stated in the text: " : "", ss);
	}
	if ((rc = cli_print_table(t, fmt, 0)) != 0)
		goto out;
	if (fmt == JX_FMT_TABLE) {
		if (jx_store_load_figures(s, &fig, ev->department, ev->year) == 0) {
			jx_table *ft = jx_figures_table(fig);
			printf("\nfigures 收支与人员 (%d)\n", ev->year);
			if (ft)
				jx_table_write(ft, stdout, JX_FMT_TABLE, 0);
			jx_table_free(ft);
		}
		print_text("评价结论", ev->conclusion);
		print_text("存在问题及原因分析", ev->problems);
		print_text("有关建议", ev->suggestions);
	}
	if (ev->nwarnings) {
		FILE *w = fmt == JX_FMT_TABLE ? stdout : stderr;
		fprintf(w, "\nimport warnings:\n");
		for (size_t i = 0; i < ev->nwarnings; i++)
			if (ev->warnings[i].line > 0)
				fprintf(w, "  line %d: %s\n", ev->warnings[i].line,
					ev->warnings[i].message);
			else /* a document's warning names its place itself */
				fprintf(w, "  %s\n", ev->warnings[i].message);
	}
out:
	jx_table_free(t);
	jx_evaluation_free(ev);
	jx_figures_free(fig);
	free(dept);
	jx_store_free(s);
	return rc;
}
