/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c -- the jixiao executable: global options, then dispatch to cmd_<name>(). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

typedef struct {
	const char *name;
	int (*fn)(jx_cli *, int, char **);
	const cli_spec *spec;
	const char *summary;
} command;

static const command commands[] = {
#define JX_COMMAND(name, summary) {#name, cmd_##name, &spec_##name, summary},
#include "commands.def"
#undef JX_COMMAND
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static const command *find_command(const char *name)
{
	for (size_t k = 0; k < N_COMMANDS; k++)
		if (!strcmp(name, commands[k].name))
			return &commands[k];
	return NULL;
}

/* `jixiao --list-options CMD`: the options of CMD's spec table, one a line. */
static int list_options(const char *name)
{
	const command *c = name ? find_command(name) : NULL;
	if (!c) {
		fprintf(stderr, "jixiao: %s\n", _("--list-options needs a command name"));
		return JX_EXIT_USAGE;
	}
	cli_spec_list(c->spec, stdout);
	return JX_EXIT_OK;
}

static void usage(FILE *out)
{
	fprintf(out, "%s jixiao [--db PATH] <command> [options]\n\n%s\n%s\n", _("usage:"),
		_("jixiao keeps years of department performance evaluations (绩效自评) in one\n"
		  "SQLite database and analyses them. The database is --db PATH, else $JIXIAO_DB,\n"
		  "else ./jixiao.db."),
		_("commands:"));
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, "\n%s\n",
		_("`jixiao <command> --help` describes each command; `jixiao --list-options\n"
		  "<command>` prints its options one a line (for shell completion).\n"
		  "Exit codes: 0 ok, 1 error, 2 usage."));
}

int main(int argc, char **argv)
{
	const command *c;
	jx_cli cli;
	int i = 1;

	/* UTF-8 text handling only; numbers always use the C locale */
	setlocale(LC_CTYPE, "C.UTF-8");
	jx_init();
	cli.db_path = getenv("JIXIAO_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "jixiao.db";
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return JX_EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("jixiao %s (schema %d)\n"
			       "Copyright (C) 2026 the jixiao authors.\n"
			       "License GPL-3.0-or-later "
			       "<https://www.gnu.org/licenses/gpl-3.0.html>.\n"
			       "This is free software: you are free to change and redistribute "
			       "it.\n"
			       "There is NO WARRANTY, to the extent permitted by law.\n",
			       JX_VERSION, JX_SCHEMA_VERSION);
			return JX_EXIT_OK;
		} else if (!strcmp(argv[i], "--list-options")) {
			return list_options(i + 1 < argc ? argv[i + 1] : NULL);
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cli.db_path = argv[i + 1];
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cli.db_path = argv[i] + 5;
			i++;
		} else {
			fprintf(stderr, "jixiao: ");
			fprintf(stderr, _("unknown option '%s'"), argv[i]);
			fputc('\n', stderr);
			usage(stderr);
			return JX_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return JX_EXIT_USAGE;
	}
	if ((c = find_command(argv[i])) != NULL)
		return c->fn(&cli, argc - i, argv + i);
	fprintf(stderr, "jixiao: ");
	fprintf(stderr, _("unknown command '%s' (see jixiao --help)"), argv[i]);
	fputc('\n', stderr);
	return JX_EXIT_USAGE;
}
