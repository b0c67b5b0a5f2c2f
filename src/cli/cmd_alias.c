/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_alias.c -- `jixiao alias add|remove|list`: join renamed indicators across years. */
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] alias add OLD NEW\n"
	"       jixiao [--db PATH] alias add --file ALIASES.csv\n"
	"       jixiao [--db PATH] alias remove OLD\n"
	"       jixiao [--db PATH] alias list [--format table|csv|json]\n"
	"\n"
	"Map a renamed indicator onto its successor so that the analysis follows it\n"
	"across years. OLD and NEW are canonical keys level1/level2/level3 (as printed\n"
	"by `jixiao indicators`) or a level-3 name that names exactly one stored key.\n"
	"Names are normalised (full-width, spaces, quotes, \"(N分)\"). An alias file is\n"
	"CSV with the header old,new.\n"
	"\n"
	"examples:\n"
	"  jixiao alias add 部门管理/预算执行/预决算信息公开情况 部门管理/预算执行/预决算公开\n"
	"  jixiao alias add --file datasets/synthetic/aliases.csv\n";

static int list_aliases(jx_store *s, jx_format fmt)
{
	char **olds = NULL, **news = NULL;
	size_t n = 0;
	jx_table *t;
	int rc;
	if (jx_store_alias_list(s, &olds, &news, &n) != 0)
		return cli_fail_jx();
	if (!(t = jx_table_new())) {
		rc = cli_fail("out of memory");
		goto out;
	}
	jx_table_add_column(t, "old_key", "原指标", JX_COL_TEXT, 0);
	jx_table_add_column(t, "new_key", "现指标", JX_COL_TEXT, 0);
	for (size_t i = 0; i < n; i++) {
		jx_table_add_row(t);
		jx_table_set_text(t, 0, olds[i]);
		jx_table_set_text(t, 1, news[i]);
	}
	rc = cli_print_table(t, fmt, 0);
out:
	jx_table_free(t);
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	return rc;
}

int cmd_alias(jx_cli *cli, int argc, char **argv)
{
	jx_store *s = NULL;
	jx_format fmt = JX_FMT_TABLE;
	const char *sub = argc > 1 ? argv[1] : "";
	int rc;

	if (!strcmp(sub, "--help") || !strcmp(sub, "-h"))
		return cli_help(help);
	if (!strcmp(sub, "list")) {
		if (argc == 4 && !strcmp(argv[2], "--format")) {
			if (cli_parse_format(argv[3], &fmt))
				return cli_usage("alias", "--format must be table, csv or json");
		} else if (argc != 2)
			return cli_usage("alias", "list takes only --format");
	} else if (!strcmp(sub, "add")) {
		if (argc != 4)
			return cli_usage("alias", "add takes OLD NEW, or --file FILE");
	} else if (!strcmp(sub, "remove")) {
		if (argc != 3)
			return cli_usage("alias", "remove takes OLD");
	} else
		return cli_usage("alias", "say add, remove or list");
	if ((rc = cli_open_store(cli, &s, strcmp(sub, "list") != 0)) != 0)
		return rc;
	if (!strcmp(sub, "list"))
		rc = list_aliases(s, fmt);
	else if (!strcmp(sub, "add") && !strcmp(argv[2], "--file")) {
		size_t n = 0;
		if (jx_import_aliases(s, argv[3], &n) != 0)
			rc = cli_fail_jx();
		else
			printf("%zu alias%s loaded from %s\n", n, n == 1 ? "" : "es", argv[3]);
	} else if (!strcmp(sub, "add")) {
		if (jx_store_alias_add(s, argv[2], argv[3]) != 0)
			rc = cli_fail_jx();
		else
			printf("alias added: %s -> %s\n", argv[2], argv[3]);
	} else if (jx_store_alias_remove(s, argv[2]) != 0)
		rc = cli_fail_jx();
	jx_store_free(s);
	return rc;
}
