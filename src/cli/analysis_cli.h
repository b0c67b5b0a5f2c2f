/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis_cli.h -- options and output shared by the analysis commands
 * (compare, trend, forecast, variance, deductions, weak, figures, rank).
 *
 * Every analysis command takes --dept, --years, --level, --kind, --format;
 * trend, forecast, variance, deductions and weak also take --all-departments, which
 * reads one department at a time and streams each department's rows
 * (CSV header once, one JSON array) so that memory does not grow with the
 * database.
 */
#ifndef JX_ANALYSIS_CLI_H
#define JX_ANALYSIS_CLI_H

#include "cli.h"

/** --project for an analysis command's spec table. */
#define ANA_PROJECT CLI_SHARED(PROJECT)

/** The options every analysis command shares, for its spec table. */
#define ANA_SHARED                                                                \
	CLI_SHARED(DEPT), CLI_SHARED(YEARS), CLI_SHARED(LEVEL), CLI_SHARED(KIND), \
		CLI_SHARED(FORMAT), CLI_SHARED(HEADERS), CLI_SHARED(WIDE)

/** The parsed shared options. */
typedef struct {
	const char *cmd;     /* command name, for messages */
	const char *dept;    /* --dept, or NULL */
	const char *project; /* --project NAME or "all", or NULL: the department as a whole */
	int all_departments;
	jx_format fmt;
	jx_analysis_options o;
} ana_args;

/**
 * Parse argv by spec: the shared options into a (defaults first), the
 * command's own through own(ctx, key, value); no positionals. CLI_GO to go
 * on, else the exit code to return (help printed, or a usage error).
 */
int ana_parse(ana_args *a, const cli_spec *spec, int argc, char **argv, cli_own_fn own, void *ctx);

/**
 * Build one department's table from its series. st is the open store (for
 * commands that read more than the series); ctx is the command's own. A
 * function may return 0 with *out NULL: nothing to write for this series.
 */
typedef int (*ana_table_fn)(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
			    void *ctx);

/**
 * Open the store and run fn on --dept (or the only department), or on every
 * department with --all-departments, printing as it goes; with --project on
 * that project's series instead (--project all: each project of the
 * department in turn, with a project column). Returns an exit code.
 */
int ana_run(jx_cli *cli, ana_args *a, ana_table_fn fn, void *ctx);

/** Tables of one output, written one after another (CSV header once, one JSON array). */
typedef struct {
	jx_format fmt;
	size_t written; /* tables written so far */
	size_t rows;    /* rows written so far */
} ana_stream;
/** Write one table's rows; -1 on an I/O error (errno set). */
int ana_stream_write(ana_stream *s, jx_table *t);
/** Close the output (JSON's bracket) and flush; an exit code. */
int ana_stream_end(ana_stream *s);

/** Resolve --dept: the option, else the only department stored. Exit code; *dept borrowed
 *  from a or malloc'd into *owned. */
int ana_department(jx_store *st, const ana_args *a, const char **dept, char **owned);

/** --dept a,b,c: each a name or unique part, resolved to its stored name into *names (n of
 *  them; free with ana_strings_free). An exit code. */
int ana_department_list(jx_store *st, const char *cmd, const char *list, char ***names, size_t *n);
void ana_strings_free(char **v, size_t n);

#endif
