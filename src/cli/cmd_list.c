/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_list.c -- `jixiao list`: one row per stored evaluation. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] list [--dept NAME] [--years A-B] [--kind self|review]\n"
	"                          [--format table|csv|json]\n"
	"\n"
	"One row per evaluation: department, year, kind, total weight and score, grade,\n"
	"points deducted and provenance (real or synthetic). In the table, * marks an\n"
	"evaluation with a missing or inferred score or import warnings.\n"
	"\n"
	"example:\n"
	"  jixiao list --years 2022-2024 --format csv\n";

int cmd_list(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {{"dept", required_argument, 0, 'd'},
					     {"years", required_argument, 0, 'y'},
					     {"year", required_argument, 0, 'y'},
					     {"kind", required_argument, 0, 'k'},
					     {"format", required_argument, 0, 'f'},
					     {"help", no_argument, 0, 'h'},
					     {0, 0, 0, 0}};
	jx_filter f = {NULL, 0, 0, -1, NULL};
	jx_format fmt = JX_FMT_TABLE;
	jx_eval_summary *v = NULL;
	jx_store *s = NULL;
	char *dept = NULL;
	jx_table *t = NULL;
	size_t n = 0, flagged = 0;
	int c, rc;
	jx_kind kind;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': f.department = optarg; break;
		case 'y':
			if (cli_parse_years(optarg, &f.year_from, &f.year_to))
				return cli_usage("list", "bad year range '%s'", optarg);
			break;
		case 'k':
			if (cli_parse_kind(optarg, &kind))
				return cli_usage("list", "--kind must be self or review");
			f.kind = (int)kind;
			break;
		case 'f':
			if (cli_parse_format(optarg, &fmt))
				return cli_usage("list", "--format must be table, csv or json");
			break;
		case 'h': return cli_help(help);
		case ':': return cli_usage("list", "%s needs a value", argv[optind - 1]);
		default: return cli_usage("list", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage("list", "unexpected argument '%s'", argv[optind]);
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
	if (jx_store_list(s, &f, &v, &n) != 0 || !(t = jx_table_new())) {
		rc = cli_fail_jx();
		goto out;
	}
	jx_table_add_column(t, "department", "部门", JX_COL_TEXT, 0);
	jx_table_add_column(t, "year", "年度", JX_COL_INT, 0);
	jx_table_add_column(t, "kind", "类型", JX_COL_TEXT, 0);
	jx_table_add_column(t, "total_weight", "总权重", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "total_score", "总得分", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "grade", "等级", JX_COL_TEXT, 0);
	jx_table_add_column(t, "deducted", "扣分", JX_COL_NUMBER, 0);
	jx_table_add_column(t, "provenance", "数据来源", JX_COL_TEXT, 0);
	for (size_t i = 0; i < n; i++) {
		jx_table_add_row(t);
		jx_table_set_text(t, 0, v[i].department);
		jx_table_set_int(t, 1, v[i].year);
		jx_table_set_text(t, 2, jx_kind_name(v[i].kind));
		jx_table_set_number(t, 3, v[i].total_weight);
		jx_table_set_number(t, 4, v[i].total_score);
		jx_table_set_text(t, 5, v[i].grade);
		jx_table_set_number(t, 6, v[i].deducted);
		jx_table_set_text(t, 7, jx_provenance_name(v[i].provenance));
		if (v[i].nmissing || v[i].ninferred || v[i].nwarnings) {
			jx_table_mark_row(t);
			flagged++;
		}
	}
	if (flagged)
		jx_table_add_note(t,
				  "* %zu evaluation%s with missing or inferred scores or import "
				  "warnings (see `jixiao show`)",
				  flagged, flagged == 1 ? "" : "s");
	if (n == 0 && fmt == JX_FMT_TABLE)
		fprintf(stderr,
			"jixiao: no evaluations stored in %s (import some with `jixiao import`)\n",
			cli->db_path);
	rc = cli_print_table(t, fmt, 0);
out:
	jx_table_free(t);
	jx_eval_summaries_free(v, n);
	free(dept);
	jx_store_free(s);
	return rc;
}
