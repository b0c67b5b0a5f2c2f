/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis_cli.c -- shared options and the per-department loop of the analysis commands.
 *
 * With --all-departments each department's table is written as soon as it
 * is built and then freed: CSV gets one header line, JSON one array, the
 * terminal one block per department. Nothing of the whole database is
 * kept in memory (issue 9's streaming requirement).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

void ana_args_init(ana_args *a, const char *cmd)
{
	memset(a, 0, sizeof(*a));
	a->cmd = cmd;
	a->fmt = JX_FMT_TABLE;
	jx_analysis_options_init(&a->o);
}

int ana_common_option(ana_args *a, int c, const char *arg, const char *help)
{
	switch (c) {
	case ANA_OPT_DEPT: a->dept = arg; break;
	case ANA_OPT_YEARS:
		if (cli_parse_years(arg, &a->o.year_from, &a->o.year_to))
			return cli_usage(a->cmd, "bad year range '%s' (e.g. 2016-2023)", arg);
		break;
	case ANA_OPT_LEVEL:
		if (cli_parse_level(arg, &a->o.level))
			return cli_usage(a->cmd, "--level must be 1, 2, 3, total or all");
		break;
	case ANA_OPT_FORMAT:
		if (cli_parse_format(arg, &a->fmt))
			return cli_usage(a->cmd, "--format must be table, csv or json");
		break;
	case ANA_OPT_KIND:
		if (cli_parse_kind(arg, &a->o.kind))
			return cli_usage(a->cmd, "--kind must be self or review");
		break;
	case ANA_OPT_ALL: a->all_departments = 1; break;
	case ANA_OPT_HELP: return cli_help(help);
	default: return ANA_NOT_MINE;
	}
	return ANA_CONTINUE;
}

int ana_bad_option(const ana_args *a, int c, int argc, char **argv)
{
	if (c == ':')
		return cli_usage(a->cmd, "%s needs a value", argv[optind - 1]);
	if (c == '?')
		return cli_usage(a->cmd, "unknown option '%s'", argv[optind - 1]);
	if (optind < argc)
		return cli_usage(a->cmd, "unexpected argument '%s'", argv[optind]);
	return cli_usage(a->cmd, "bad option");
}

int ana_double_option(const ana_args *a, const char *name, const char *arg, double lo, double hi,
		      double *out)
{
	double v;
	if (cli_parse_double(arg, &v) || !(v >= lo && v <= hi))
		return cli_usage(a->cmd, "--%s must be a number from %g to %g", name, lo, hi);
	*out = v;
	return 0;
}

int ana_int_option(const ana_args *a, const char *name, const char *arg, int lo, int hi, int *out)
{
	int v;
	if (cli_parse_int(arg, &v) || v < lo || v > hi)
		return cli_usage(a->cmd, "--%s must be a whole number from %d to %d", name, lo, hi);
	*out = v;
	return 0;
}

int ana_department(jx_store *st, const ana_args *a, const char **dept, char **owned)
{
	char **names = NULL;
	size_t n = 0;
	*owned = NULL;
	*dept = a->dept;
	if (a->dept) {
		if (jx_store_find_department(st, owned, a->dept))
			return cli_fail_jx();
		*dept = *owned;
		return JX_EXIT_OK;
	}
	if (jx_store_departments(st, &names, &n))
		return cli_fail_jx();
	if (n == 1) {
		*dept = *owned = names[0];
		names[0] = NULL;
		jx_strings_free(names, n);
		return JX_EXIT_OK;
	}
	jx_strings_free(names, n);
	if (n == 0)
		return cli_fail("no evaluations stored (import some with `jixiao import`)");
	return cli_usage(a->cmd, "the database holds %zu departments: name one with --dept%s", n,
			 strcmp(a->cmd, "compare") && strcmp(a->cmd, "forecast") &&
					 strcmp(a->cmd, "figures")
				 ? " or use --all-departments"
				 : "");
}

/* ---- streaming output ---- */

/* Write a department's table: CSV rows under one header, JSON objects inside
 * one array, terminal tables one after another. */
int ana_stream_write(ana_stream *s, const jx_table *t)
{
	int rc;
	if (s->fmt == JX_FMT_TABLE && s->written)
		fputc('\n', stdout);
	if (s->fmt == JX_FMT_CSV && s->written == 0)
		rc = jx_table_write(t, stdout, JX_FMT_CSV, 0);
	else {
		if (s->fmt == JX_FMT_JSON && s->rows == 0 && jx_table_rows(t) > 0)
			fputc('[', stdout);
		rc = jx_table_write_rows(t, stdout, s->fmt, s->rows == 0);
	}
	s->written++;
	s->rows += jx_table_rows(t);
	return rc ? -1 : 0;
}

int ana_stream_end(ana_stream *s)
{
	if (s->fmt == JX_FMT_JSON)
		fputs(s->rows ? "\n]\n" : "[]\n", stdout);
	if (fflush(stdout) || ferror(stdout))
		return cli_fail("cannot write output: %s", strerror(errno));
	return JX_EXIT_OK;
}

/* One department: series, table, output. Missing evaluations are skipped (1). */
static int one_department(ana_stream *out, jx_store *st, const char *dept, ana_args *a,
			  ana_table_fn fn, void *ctx)
{
	jx_series *s = NULL;
	jx_table *t = NULL;
	int rc = jx_store_series(st, &s, dept, a->o.kind, a->o.year_from, a->o.year_to);
	if (rc == JX_ENOTFOUND && a->all_departments) {
		jx_error_clear();
		return 1;
	}
	if (rc || (rc = fn(&t, st, s, a, ctx))) {
		jx_series_free(s);
		return cli_fail_jx();
	}
	jx_series_free(s);
	rc = ana_stream_write(out, t) ? cli_fail("cannot write output: %s", strerror(errno)) : 0;
	jx_table_free(t);
	return rc;
}

static int all_departments(ana_stream *out, jx_store *st, ana_args *a, ana_table_fn fn, void *ctx)
{
	char **names = NULL;
	size_t n = 0, skipped = 0;
	int rc = 0;
	if (jx_store_departments(st, &names, &n))
		return cli_fail_jx();
	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = one_department(out, st, names[i], a, fn, ctx);
		if (rc == 1) {
			skipped++;
			rc = 0;
		}
	}
	if (rc == 0 && skipped)
		cli_warn("%zu of %zu departments have no %s evaluation in range; skipped", skipped,
			 n, jx_kind_name(a->o.kind));
	jx_strings_free(names, n);
	return rc;
}

int ana_run(jx_cli *cli, ana_args *a, ana_table_fn fn, void *ctx)
{
	ana_stream out = {a->fmt, 0, 0};
	jx_store *st = NULL;
	const char *dept;
	char *owned = NULL;
	int rc;

	if (a->all_departments && a->dept)
		return cli_usage(a->cmd, "--dept and --all-departments exclude each other");
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if (a->all_departments) {
		a->o.with_department = 1;
		rc = all_departments(&out, st, a, fn, ctx);
	} else if ((rc = ana_department(st, a, &dept, &owned)) == 0) {
		rc = one_department(&out, st, dept, a, fn, ctx);
	}
	if (rc == 0)
		rc = ana_stream_end(&out);
	free(owned);
	jx_store_free(st);
	return rc;
}
