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
	const char *summary;
} command;

static const command commands[] = {
#define JX_COMMAND(name, summary) {#name, cmd_##name, summary},
#include "commands.def"
#undef JX_COMMAND
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: jixiao [--db PATH] <command> [options]\n"
		"\n"
		"jixiao keeps years of department performance evaluations (绩效自评) in one\n"
		"SQLite database and analyses them. The database is --db PATH, else $JIXIAO_DB,\n"
		"else ./jixiao.db.\n"
		"\n"
		"commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n`jixiao <command> --help` describes each command.\n"
		     "Exit codes: 0 ok, 1 error, 2 usage.\n");
}

int main(int argc, char **argv)
{
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
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cli.db_path = argv[i + 1];
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cli.db_path = argv[i] + 5;
			i++;
		} else {
			fprintf(stderr, "jixiao: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return JX_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return JX_EXIT_USAGE;
	}
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (!strcmp(argv[i], commands[k].name)) {
			optind = 0; /* glibc: full reset of getopt state */
			opterr = 0;
			return commands[k].fn(&cli, argc - i, argv + i);
		}
	fprintf(stderr, "jixiao: unknown command '%s' (see jixiao --help)\n", argv[i]);
	return JX_EXIT_USAGE;
}
