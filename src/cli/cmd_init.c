/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_init.c -- `jixiao init`: create the database, or migrate it to this version. */
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] init\n"
	"\n"
	"Create the database (default ./jixiao.db or $JIXIAO_DB) or migrate an older one\n"
	"to this version's schema. Safe to run again.\n"
	"\n"
	"example:\n"
	"  jixiao --db finance.db init\n";

int cmd_init(jx_cli *cli, int argc, char **argv)
{
	jx_store *s;
	int rc;
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return cli_help(help);
	if (argc > 1)
		return cli_usage("init", "unexpected argument '%s'", argv[1]);
	if ((rc = cli_open_store(cli, &s, 1)) != 0)
		return rc;
	if (jx_store_opened_version(s) == 0)
		printf("created %s (schema version %d)\n", cli->db_path, JX_SCHEMA_VERSION);
	else if (jx_store_opened_version(s) < JX_SCHEMA_VERSION)
		printf("migrated %s from schema version %d to %d\n", cli->db_path,
		       jx_store_opened_version(s), JX_SCHEMA_VERSION);
	else
		printf("%s is up to date (schema version %d)\n", cli->db_path, JX_SCHEMA_VERSION);
	jx_store_free(s);
	return JX_EXIT_OK;
}
