/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h -- what every command file of the jixiao executable shares.
 *
 * Each command lives in src/cli/cmd_<name>.c as
 *     const cli_spec spec_<name>;   (its options, usage and help: opt.h)
 *     int cmd_<name>(jx_cli *cli, int argc, char **argv);
 * and is listed once in commands.def. argv[0] is the command name; parse
 * the rest with cli_parse(). Data goes to stdout, diagnostics to stderr,
 * texts meant for people through _(). Return one of the JX_EXIT_ codes.
 */
#ifndef JX_CLI_H
#define JX_CLI_H

#include <libintl.h>
#include <stdio.h>
#include "jixiao.h"
#include "opt.h"

/* Messages, help and terminal tables go through gettext (domain "jixiao"). */
#define _(s) dgettext("jixiao", s)
#define N_(s) (s)
#undef ngettext /* the default domain's: ours is "jixiao" */
#define ngettext(one, many, n) dngettext("jixiao", one, many, n)

enum { JX_EXIT_OK = 0, JX_EXIT_ERROR = 1, JX_EXIT_USAGE = 2 };

typedef struct {
	const char *db_path; /* --db, else $JIXIAO_DB, else ./jixiao.db */
	jx_lang lang;        /* messages, --help, terminal tables: the locale's, or --lang */
	jx_lang doc_lang;    /* reports, charts, workbooks: Chinese, or --lang */
	int lang_given;      /* --lang was given before the command */
} jx_cli;

#define JX_COMMAND(name, summary)                           \
	int cmd_##name(jx_cli *cli, int argc, char **argv); \
	extern const cli_spec spec_##name;
#include "commands.def"
#undef JX_COMMAND

/** Print "jixiao: <message>" to stderr; returns JX_EXIT_ERROR. */
int cli_fail(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/** Print jx_error_last() as a failure; returns JX_EXIT_ERROR. */
int cli_fail_jx(void);
/** Open the output set dir and, when script_dir is set, the scripts' set beside it: both
 * or neither (all-or-nothing chart outputs). 0, or cli_fail_jx()'s exit code after the message. */
int cli_outsets_open(jx_outset **charts, const char *dir, jx_outset **scripts,
		     const char *script_dir);
/** Print "jixiao <cmd>: <message>" and a pointer to --help; returns JX_EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/** Print a warning "jixiao: warning: ..." to stderr. */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/** JX_EXIT_ERROR (printed) when the database is ":memory:", where something would be stored. */
int cli_refuse_memory(const jx_cli *cli);
/** How a command opens the database: to read (read-only, docs/reliability.md), to write an
 *  existing one, or to write creating it when missing. */
enum { CLI_STORE_READ = 0, CLI_STORE_CREATE = 1, CLI_STORE_WRITE = 2 };
/** Open the database in a CLI_STORE_ mode (":memory:" refused where something is stored).
 *  On failure prints and returns JX_EXIT_ERROR. */
int cli_open_store(jx_cli *cli, jx_store **out, int mode);

/** Resolve a department given by name or a unique part of it into *out (malloc'd, the
 *  caller frees); on failure prints and returns JX_EXIT_ERROR. */
int cli_find_department(jx_store *s, const char *name, char **out);

/** --project NAME|all into a filter's project (*key malloc'd: JX_PROJECT_ALL, or the key
 *  of the project called name in dept, or in any department when dept is NULL); NULL name:
 *  *key NULL. On failure prints and returns JX_EXIT_ERROR. */
int cli_find_project(jx_store *s, const char *dept, const char *name, char **key);

/** "2016-2023", "2016-", "-2023" or "2023". 0 or -1. */
int cli_parse_years(const char *s, int *from, int *to);
/** "table", "csv", "json". 0 or -1. */
int cli_parse_format(const char *s, jx_format *fmt);
/** "self", "review". 0 or -1. */
int cli_parse_kind(const char *s, jx_kind *kind);
/** Strict integer parse. 0 or -1. */
int cli_parse_int(const char *s, int *out);
int cli_parse_double(const char *s, double *out);

/** Write t to stdout in fmt; prints and returns JX_EXIT_ERROR on I/O failure. Terminal
 *  tables cut long cells at JX_TABLE_MAX_WIDTH columns unless --wide was given. */
int cli_print_table(jx_table *t, jx_format fmt, int bom);
/** --wide: terminal tables show long cells whole (for the rest of the process). */
void cli_set_wide(int on);
/** --headers zh: CSV column names in Chinese (for the rest of the process). */
void cli_set_headers(int zh);
int cli_headers_zh(void);
/** Before t is written as CSV: under --headers zh, each column's CSV name in Chinese (the
 *  import's name for the column, else its heading's Chinese translation). */
void cli_csv_headers(jx_table *t);
/** Apply --wide (or the default cap) to t before it is written. */
void cli_table_width(jx_table *t);
/** How terminal tables are shown: TERMINAL_WIDTH columns of the essential columns unless
 *  --wide, numbers for people, codes in the messages' language (view.c); for table t,
 *  whose columns tell a few same-named columns' units apart. */
const jx_table_view *cli_view(const jx_table *t);

#endif
