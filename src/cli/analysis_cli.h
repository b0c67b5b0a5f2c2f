/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis_cli.h -- options and output shared by the analysis commands
 * (compare, trend, forecast, variance, deductions, weak, figures, rank).
 *
 * Every analysis command takes --dept, --years, --level, --kind, --format;
 * trend, variance, deductions and weak also take --all-departments, which
 * reads one department at a time and streams each department's rows
 * (CSV header once, one JSON array) so that memory does not grow with the
 * database.
 */
#ifndef JX_ANALYSIS_CLI_H
#define JX_ANALYSIS_CLI_H

#include "cli.h"

/** Option codes of the shared options (getopt_long values). */
enum {
	ANA_OPT_DEPT = 'd',
	ANA_OPT_YEARS = 'y',
	ANA_OPT_LEVEL = 'l',
	ANA_OPT_FORMAT = 'f',
	ANA_OPT_KIND = 'k',
	ANA_OPT_ALL = 'A',
	ANA_OPT_HELP = 'h'
};

#define ANA_COMMON_OPTIONS                                        \
	{"dept", required_argument, 0, ANA_OPT_DEPT},             \
		{"years", required_argument, 0, ANA_OPT_YEARS},   \
		{"level", required_argument, 0, ANA_OPT_LEVEL},   \
		{"format", required_argument, 0, ANA_OPT_FORMAT}, \
		{"kind", required_argument, 0, ANA_OPT_KIND},     \
	{                                                         \
		"help", no_argument, 0, ANA_OPT_HELP              \
	}

/** The parsed shared options. */
typedef struct {
	const char *cmd;  /* command name, for messages */
	const char *dept; /* --dept, or NULL */
	int all_departments;
	jx_format fmt;
	jx_analysis_options o;
} ana_args;

void ana_args_init(ana_args *a, const char *cmd);

enum { ANA_NOT_MINE = -1, ANA_CONTINUE = -2 };

/**
 * Handle one shared option c with value arg: ANA_NOT_MINE when c is not a
 * shared option, ANA_CONTINUE when handled, else an exit code the command
 * returns at once (0 after printing help, 2 for a bad value).
 */
int ana_common_option(ana_args *a, int c, const char *arg, const char *help);

/** Report getopt's ':' / '?' / stray arguments; returns the usage exit code. */
int ana_bad_option(const ana_args *a, int c, int argc, char **argv);

/** Parse a number option into *out (with a range check lo..hi); usage code or 0. */
int ana_double_option(const ana_args *a, const char *name, const char *arg, double lo, double hi,
		      double *out);
int ana_int_option(const ana_args *a, const char *name, const char *arg, int lo, int hi, int *out);

/**
 * Build one department's table from its series. st is the open store (for
 * commands that read more than the series); ctx is the command's own.
 */
typedef int (*ana_table_fn)(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
			    void *ctx);

/**
 * Open the store and run fn on --dept (or the only department), or on every
 * department with --all-departments, printing as it goes. Returns an exit code.
 */
int ana_run(jx_cli *cli, ana_args *a, ana_table_fn fn, void *ctx);

/** Tables of one output, written one after another (CSV header once, one JSON array). */
typedef struct {
	jx_format fmt;
	size_t written; /* tables written so far */
	size_t rows;    /* rows written so far */
} ana_stream;
/** Write one table's rows; -1 on an I/O error (errno set). */
int ana_stream_write(ana_stream *s, const jx_table *t);
/** Close the output (JSON's bracket) and flush; an exit code. */
int ana_stream_end(ana_stream *s);

/** Resolve --dept: the option, else the only department stored. Exit code; *dept borrowed
 *  from a or malloc'd into *owned. */
int ana_department(jx_store *st, const ana_args *a, const char **dept, char **owned);

#endif
