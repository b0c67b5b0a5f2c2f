/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_indicators.c -- `jixiao indicators`: canonical keys per department and the years they appear. */
#include "cli.h"

static const cli_option options[] = {
	CLI_SHARED(DEPT),
	CLI_SHARED(KIND),
	{'u', "unmatched", NULL, N_("only keys missing from some years, with a rename suggestion"),
	 0},
	CLI_SHARED(FORMAT),
	CLI_SHARED(HEADERS),
	CLI_SHARED(WIDE),
	CLI_END};

const cli_spec spec_indicators = {
	"indicators",
	NULL,
	NULL,
	N_("List each department's level-3 indicators by canonical key (aliases applied)\n"
	   "with the years in which they appear. --unmatched lists only keys missing from\n"
	   "some of the department's evaluated years, each with the closest other key by\n"
	   "edit distance (over characters) as a suggestion for `jixiao alias add`.\n"),
	"  jixiao indicators --dept 示例市财政局 --unmatched\n",
	options};

static int own_option(void *ctx, int key, const char *arg)
{
	(void)key;
	(void)arg;
	*(int *)ctx = 1; /* --unmatched, the only one */
	return 0;
}

int cmd_indicators(jx_cli *cli, int argc, char **argv)
{
	jx_store *s = NULL;
	jx_table *t = NULL;
	int rc, unmatched = 0;
	cli_args a;

	if ((rc = cli_parse(&a, &spec_indicators, argc, argv, own_option, &unmatched)) != CLI_GO ||
	    (rc = cli_no_positionals(&a)) != CLI_GO)
		return rc;
	if ((rc = cli_open_store(cli, &s, CLI_STORE_READ)) != 0)
		return rc;
	if (jx_indicators_collect(&t, s, a.dept, a.kind < 0 ? JX_KIND_SELF : (jx_kind)a.kind,
				  unmatched) != 0)
		rc = cli_fail_jx();
	else
		rc = cli_print_table(t, a.format, 0);
	jx_table_free(t);
	jx_store_free(s);
	return rc;
}
