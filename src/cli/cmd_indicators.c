/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_indicators.c -- `jixiao indicators`: canonical keys per department and the years they appear. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] indicators [--dept NAME] [--kind self|review] [--unmatched]\n"
	"                                [--format table|csv|json]\n"
	"\n"
	"List each department's level-3 indicators by canonical key (aliases applied)\n"
	"with the years in which they appear. --unmatched lists only keys missing from\n"
	"some of the department's evaluated years, each with the closest other key by\n"
	"edit distance (over characters) as a suggestion for `jixiao alias add`.\n"
	"\n"
	"example:\n"
	"  jixiao indicators --dept 示例市财政局 --unmatched\n";

int cmd_indicators(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dept", required_argument, 0, 'd'}, {"kind", required_argument, 0, 'k'},
		{"unmatched", no_argument, 0, 'u'},  {"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'},       {0, 0, 0, 0}};
	const char *dept = NULL;
	jx_kind kind = JX_KIND_SELF;
	jx_format fmt = JX_FMT_TABLE;
	char **depts = NULL;
	size_t nd = 0;
	jx_store *s = NULL;
	jx_table *t = NULL;
	int c, rc, unmatched = 0;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dept = optarg; break;
		case 'k':
			if (cli_parse_kind(optarg, &kind))
				return cli_usage("indicators", "--kind must be self or review");
			break;
		case 'u': unmatched = 1; break;
		case 'f':
			if (cli_parse_format(optarg, &fmt))
				return cli_usage("indicators",
						 "--format must be table, csv or json");
			break;
		case 'h': return cli_help(help);
		case ':': return cli_usage("indicators", "%s needs a value", argv[optind - 1]);
		default: return cli_usage("indicators", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage("indicators", "unexpected argument '%s'", argv[optind]);
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	if (dept) {
		if (!(depts = calloc(1, sizeof(*depts))) || !(depts[0] = strdup(dept))) {
			rc = cli_fail("out of memory");
			goto out;
		}
		nd = 1;
	} else if (jx_store_departments(s, &depts, &nd) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	if (jx_indicators_table_new(&t, unmatched) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	for (size_t i = 0; i < nd; i++) {
		jx_series *sr = NULL;
		int lrc = jx_store_series(s, &sr, depts[i], kind, 0, 0);
		if (lrc == JX_ENOTFOUND && !dept)
			continue;
		if (lrc != 0) {
			rc = cli_fail_jx();
			goto out;
		}
		lrc = jx_indicators_add(t, sr, unmatched);
		jx_series_free(sr);
		if (lrc) {
			rc = cli_fail_jx();
			goto out;
		}
	}
	rc = cli_print_table(t, fmt, 0);
out:
	jx_table_free(t);
	jx_strings_free(depts, nd);
	jx_store_free(s);
	return rc;
}
