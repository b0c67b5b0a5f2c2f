/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_init.c -- `jixiao init`: create the database, or migrate it to this version. */
#include <string.h>
#include "cli.h"

static const cli_option options[] = {CLI_END};

const cli_spec spec_init = {
	"init",
	NULL,
	NULL,
	N_("Create the database (default ./jixiao.db or $JIXIAO_DB) or migrate an older one\n"
	   "to this version's schema. Safe to run again.\n"),
	"  jixiao --db finance.db init\n",
	options};

int cmd_init(jx_cli *cli, int argc, char **argv)
{
	cli_args a;
	jx_store *s;
	int rc, version;
	if ((rc = cli_parse(&a, &spec_init, argc, argv, NULL, NULL)) != CLI_GO ||
	    (rc = cli_no_positionals(&a)) != CLI_GO)
		return rc;
	if ((rc = cli_open_store(cli, &s, CLI_STORE_CREATE)) != 0)
		return rc;
	version = jx_store_opened_version(s);
	if (version == 0)
		printf(_("created %s (schema version %d)\n"), cli->db_path, JX_SCHEMA_VERSION);
	else if (version < JX_SCHEMA_VERSION)
		printf(_("migrated %s from schema version %d to %d\n"), cli->db_path, version,
		       JX_SCHEMA_VERSION);
	else
		printf(_("%s is up to date (schema version %d)\n"), cli->db_path,
		       JX_SCHEMA_VERSION);
	jx_store_free(s);
	return JX_EXIT_OK;
}
