/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c -- the jixiao executable: global options, then dispatch to cmd_<name>(). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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
	fprintf(out,
		"usage: jixiao [--db PATH] [--lang zh|en] <command> [options]\n"
		"\n"
		"jixiao keeps years of department performance evaluations (绩效自评) in one\n"
		"SQLite database and analyses them. The database is --db PATH, else $JIXIAO_DB,\n"
		"else ./jixiao.db. Messages and tables follow the locale (Chinese under a zh_*\n"
		"locale, else English); reports, charts and workbooks are Chinese; --lang sets "
		"both.\n"
		"\n"
		"commands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, "\n%s\n%s\n%s\n", _("`jixiao <command> --help` describes each command."),
		_("`jixiao --list-options <command>` prints its options, one a line."),
		_("Exit codes: 0 ok, 1 error, 2 usage."));
}

/*
 * Where the message catalogs are: $JIXIAO_LOCALEDIR, else locale/ beside the
 * executable (the build tree), else ../share/locale from it (an installed
 * tree), else the configured install location.
 */
static const char *locale_dir(char *buf, size_t size)
{
	const char *env = getenv("JIXIAO_LOCALEDIR");
	char exe[4096];
	ssize_t n;
	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(buf, size, "%s/locale", exe);
			if (access(buf, F_OK) == 0)
				return buf;
			snprintf(buf, size, "%s/../share/locale", exe);
			if (access(buf, F_OK) == 0)
				return buf;
		}
	}
	return JX_LOCALEDIR;
}

/* --lang zh|en before the command: messages and documents both in that language. */
static int global_lang(jx_cli *cli, const char *v)
{
	jx_lang lang;
	if (jx_lang_parse(v, &lang) != 0) {
		fprintf(stderr, "jixiao: %s\n", jx_error_last());
		return JX_EXIT_USAGE;
	}
	cli->lang = cli->doc_lang = lang;
	cli->lang_given = 1;
	jx_i18n_set(lang);
	return 0;
}

int main(int argc, char **argv)
{
	char localedir[4200];
	const command *c;
	jx_cli cli;
	int i = 1;

	/* UTF-8 text handling only; numbers always use the C locale */
	setlocale(LC_CTYPE, "C.UTF-8");
	jx_init();
	cli.lang = jx_lang_from_environment(); /* terminal output follows the locale */
	jx_i18n_init(locale_dir(localedir, sizeof(localedir)));
	cli.doc_lang = JX_LANG_ZH; /* documents are Chinese by default */
	cli.lang_given = 0;
	jx_i18n_set(cli.lang);
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
		} else if ((!strcmp(argv[i], "--lang") && i + 1 < argc) ||
			   !strncmp(argv[i], "--lang=", 7)) {
			int rc = global_lang(&cli, argv[i][6] == '=' ? argv[i] + 7 : argv[i + 1]);
			if (rc)
				return rc;
			i += argv[i][6] == '=' ? 1 : 2;
		} else if (!strcmp(argv[i], "--list-options")) {
			return list_options(i + 1 < argc ? argv[i + 1] : NULL);
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cli.db_path = argv[i + 1];
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cli.db_path = argv[i] + 5;
			i++;
		} else {
			fprintf(stderr, _("jixiao: unknown option '%s'\n"), argv[i]);
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
	fprintf(stderr, _("jixiao: unknown command '%s' (see jixiao --help)\n"), argv[i]);
	return JX_EXIT_USAGE;
}
