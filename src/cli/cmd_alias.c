/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_alias.c -- `jixiao alias add|remove|list`: join renamed indicators across years. */
#include <string.h>
#include "cli.h"

static const cli_option options[] = {
	{'F', "file", "ALIASES.csv", N_("add: load the aliases of a CSV file (header old,new)"), 0},
	CLI_SHARED_HELP(FORMAT, N_("list: output format (default table)")),
	CLI_SHARED(HEADERS),
	CLI_SHARED(WIDE),
	CLI_END};
static const char *const forms[] = {"add --file ALIASES.csv", "remove OLD",
				    "list [--format table|csv|json]", NULL};

const cli_spec spec_alias = {
	"alias",
	"add OLD NEW",
	forms,
	N_("Map a renamed indicator onto its successor so that the analysis follows it\n"
	   "across years. OLD and NEW are canonical keys level1/level2/level3 (as printed\n"
	   "by `jixiao indicators`) or a level-3 name that names exactly one stored key.\n"
	   "Names are normalised (full-width, spaces, quotes, \"(N分)\"). An alias file is\n"
	   "CSV with the header old,new.\n"),
	"  jixiao alias add 部门管理/预算执行/预决算信息公开情况 部门管理/预算执行/预决算公开\n"
	"  jixiao alias add --file datasets/synthetic/aliases.csv\n",
	options};

static int own_option(void *ctx, int key, const char *arg)
{
	(void)key;
	*(const char **)ctx = arg; /* --file */
	return 0;
}

static int list_aliases(jx_store *s, jx_format fmt)
{
	char **olds = NULL, **news = NULL;
	size_t n = 0;
	jx_table *t;
	int rc;
	if (jx_store_alias_list(s, &olds, &news, &n) != 0)
		return cli_fail_jx();
	if (!(t = jx_table_new())) {
		rc = cli_fail(_("out of memory"));
		goto out;
	}
	jx_table_add_column(t, "old_key", N_("old indicator"), JX_COL_TEXT, 0);
	jx_table_add_column(t, "new_key", N_("new indicator"), JX_COL_TEXT, 0);
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

/* The words after the subcommand fit it: 0 or a usage exit code. */
static int check_usage(const cli_args *a, const char *sub, const char *file)
{
	if (!strcmp(sub, "list")) {
		if (a->npos != 1 || file)
			return cli_usage("alias", _("list takes only --format"));
	} else if (!strcmp(sub, "add")) {
		if (a->format_set || (file ? a->npos != 1 : a->npos != 3))
			return cli_usage("alias", _("add takes OLD NEW, or --file FILE"));
	} else if (!strcmp(sub, "remove")) {
		if (a->npos != 2 || file || a->format_set)
			return cli_usage("alias", _("remove takes OLD"));
	} else
		return cli_usage("alias", _("say add, remove or list"));
	return 0;
}

static int run(jx_store *s, const cli_args *a, const char *sub, const char *file)
{
	size_t n = 0;
	if (!strcmp(sub, "list"))
		return list_aliases(s, a->format);
	if (file) {
		if (jx_import_aliases(s, file, &n) != 0)
			return cli_fail_jx();
		printf(n == 1 ? _("%zu alias loaded from %s\n") : _("%zu aliases loaded from %s\n"),
		       n, file);
	} else if (!strcmp(sub, "add")) {
		if (jx_store_alias_add(s, a->pos[1], a->pos[2]) != 0)
			return cli_fail_jx();
		printf(_("alias added: %s -> %s\n"), a->pos[1], a->pos[2]);
	} else if (jx_store_alias_remove(s, a->pos[1]) != 0)
		return cli_fail_jx();
	return JX_EXIT_OK;
}

int cmd_alias(jx_cli *cli, int argc, char **argv)
{
	const char *file = NULL, *sub;
	jx_store *s = NULL;
	cli_args a;
	int rc;

	if ((rc = cli_parse(&a, &spec_alias, argc, argv, own_option, &file)) != CLI_GO)
		return rc;
	sub = a.npos > 0 ? a.pos[0] : "";
	if ((rc = check_usage(&a, sub, file)) != 0)
		return rc;
	if ((rc = cli_open_store(cli, &s,
				 strcmp(sub, "list") ? CLI_STORE_CREATE : CLI_STORE_READ)) != 0)
		return rc;
	rc = run(s, &a, sub, file);
	jx_store_free(s);
	return rc;
}
