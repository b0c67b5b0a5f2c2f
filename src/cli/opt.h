/* SPDX-License-Identifier: GPL-3.0-or-later */
/* opt.h -- one option-spec table per command drives parsing, the usage line and --help.
 *
 * A command describes itself once:
 *
 *     static const cli_option options[] = {
 *             CLI_SHARED(DEPT), CLI_SHARED(FORMAT),
 *             {'u', "unmatched", NULL, N_("only keys missing in some years"), 0},
 *             CLI_END};
 *     const cli_spec spec_indicators = {"indicators", NULL, NULL, N_("..."), "...", options};
 *
 * and parses with cli_parse(): shared options (options.def) land in
 * cli_args, its own ones go to a callback, positionals are gathered in
 * order. `--opt=value` and `--opt value` are the same everywhere; a unique
 * prefix of a long name is accepted (as getopt_long did); `--` ends the
 * options. -h/--help is implicit in every table: it prints the help built
 * from the spec and stops with exit code 0.
 */
#ifndef JX_CLI_OPT_H
#define JX_CLI_OPT_H

#include "jixiao.h"

/** Keys of the shared options (above any character a command uses for its own). */
enum {
	CLI_O_NONE = 255,
#define JX_OPTION(id, name, arg, help) CLI_O_##id,
#include "options.def"
#undef JX_OPTION
	CLI_O_HELP
};

/* cli_option.flags */
enum {
	CLI_REQUIRED = 1, /* shown without brackets in the usage line */
	CLI_SHORT = 2     /* the key character is also a short option: -q */
};

typedef struct {
	int key;          /* a character of the command's own, or CLI_O_* of a shared option */
	const char *name; /* long name without "--"; NULL: the shared option's */
	const char *arg;  /* placeholder of the value ("NAME"), NULL for a flag */
	const char *help; /* one line, N_(); NULL: the shared option's */
	int flags;        /* CLI_REQUIRED, CLI_SHORT */
} cli_option;

#define CLI_SHARED(id)                          \
	{                                       \
		CLI_O_##id, NULL, NULL, NULL, 0 \
	}
#define CLI_SHARED_HELP(id, help)               \
	{                                       \
		CLI_O_##id, NULL, NULL, help, 0 \
	}
#define CLI_SHARED_REQUIRED(id, help)                      \
	{                                                  \
		CLI_O_##id, NULL, NULL, help, CLI_REQUIRED \
	}
#define CLI_END                        \
	{                              \
		0, NULL, NULL, NULL, 0 \
	}

typedef struct {
	const char *name; /* the command */
	const char *args; /* positionals after the name in the usage line, or NULL */
	const char *const
		*forms;       /* more usage lines (after "jixiao [--db PATH] name "), NULL-ended */
	const char *about;    /* N_(): what the command does, paragraphs */
	const char *examples; /* command lines, not translated */
	const cli_option *options; /* ends with CLI_END */
} cli_spec;

/** What cli_parse gathered: the shared options' values and the positionals. */
typedef struct {
	const cli_spec *spec;
	const char *dept; /* --dept or NULL */
	const char *project; /* --project NAME or "all", or NULL */
	int all_departments;
	int year_from, year_to; /* --years; 0 = open */
	int level, level_set;   /* --level (JX_LEVEL_* / -1 all) */
	int kind;               /* --kind, -1 when not given */
	jx_format format;       /* --format table|csv|json (default table) */
	int format_set;
	const char *out;       /* --out or NULL */
	const char *templates; /* --templates or NULL */
	char **pos;            /* positionals in order (a permutation of argv) */
	int npos;
} cli_args;

/** The command's own option key with its value (NULL for a flag): 0 or an exit code. */
typedef int (*cli_own_fn)(void *ctx, int key, const char *arg);

enum { CLI_GO = -1 };

/**
 * Parse argv[1..argc) (argv[0] is the command name) by spec. Returns CLI_GO
 * to go on, or an exit code to return at once: JX_EXIT_OK after --help,
 * JX_EXIT_USAGE after printing what is wrong. own may be NULL when the
 * table has only shared options. argv is permuted: positionals first.
 */
int cli_parse(cli_args *a, const cli_spec *spec, int argc, char **argv, cli_own_fn own, void *ctx);

/** Refuse positionals when the command takes none: CLI_GO or JX_EXIT_USAGE. */
int cli_no_positionals(const cli_args *a);

/** The entry with a shared option's name, argument and help filled in from options.def. */
cli_option cli_option_resolve(const cli_option *o);

/** Print the help built from spec to out. */
void cli_spec_help(const cli_spec *spec, FILE *out);

/** Print the spec's options, one "--name ARG" (or "--name") a line, for completion and tests. */
void cli_spec_list(const cli_spec *spec, FILE *out);

/** A whole number lo..hi for option --name into *out: 0 or JX_EXIT_USAGE (message printed). */
int cli_int_option(const char *cmd, const char *name, const char *arg, int lo, int hi, int *out);
/** A number lo..hi for option --name into *out: 0 or JX_EXIT_USAGE. */
int cli_double_option(const char *cmd, const char *name, const char *arg, double lo, double hi,
		      double *out);

#endif
