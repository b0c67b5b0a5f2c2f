/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c -- helpers shared by the command files: messages, option values, output. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	fputs("jixiao: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return JX_EXIT_ERROR;
}

int cli_fail_jx(void)
{
	const char *m = jx_error_last();
	return cli_fail("%s", *m ? m : _("unknown error"));
}

int cli_outsets_open(jx_outset **charts, const char *dir, jx_outset **scripts,
		     const char *script_dir)
{
	*charts = *scripts = NULL;
	if (jx_outset_open(charts, dir) != 0 ||
	    (script_dir && jx_outset_open(scripts, script_dir) != 0)) {
		jx_outset_abort(*charts);
		*charts = NULL;
		return cli_fail_jx();
	}
	return 0;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "jixiao %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("(see `jixiao %s --help`)"), cmd);
	fputc('\n', stderr);
	return JX_EXIT_USAGE;
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "jixiao: %s", _("warning: "));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* An in-memory database is gone when the command ends: refused where something is stored. */
int cli_refuse_memory(const jx_cli *cli)
{
	if (strcmp(cli->db_path, ":memory:") != 0)
		return JX_EXIT_OK;
	return cli_fail(_(":memory: is a database that is gone when the command ends; name a "
			  "file with --db to store into"));
}

int cli_open_store(jx_cli *cli, jx_store **out, int mode)
{
	int rc, flags = mode == CLI_STORE_CREATE ? JX_STORE_CREATE : 0;
	if (mode != CLI_STORE_READ && (rc = cli_refuse_memory(cli)) != 0)
		return rc;
	/* readers open read-only (an in-memory database is made, and so written, by the open) */
	if (mode == CLI_STORE_READ && strcmp(cli->db_path, ":memory:") != 0)
		flags = JX_STORE_READONLY | JX_STORE_MIGRATE_FIRST;
	if (jx_store_open(out, cli->db_path, flags) != 0)
		return cli_fail_jx();
	return JX_EXIT_OK;
}

int cli_find_department(jx_store *s, const char *name, char **out)
{
	*out = NULL;
	return jx_store_find_department(s, out, name) != 0 ? cli_fail_jx() : JX_EXIT_OK;
}

int cli_find_project(jx_store *s, const char *dept, const char *name, char **key)
{
	*key = NULL;
	if (!name)
		return JX_EXIT_OK;
	if (!strcmp(name, "all"))
		*key = strdup(JX_PROJECT_ALL);
	else if (jx_store_find_project(s, key, dept, name) != 0)
		return cli_fail_jx();
	return *key ? JX_EXIT_OK : cli_fail(_("out of memory"));
}

int cli_parse_int(const char *s, int *out)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < -2147483647L || v > 2147483647L)
		return -1;
	*out = (int)v;
	return 0;
}

int cli_parse_double(const char *s, double *out)
{
	return jx_number_parse(s, out) == 0 ? (jx_error_clear(), 0) : -1;
}

int cli_parse_years(const char *s, int *from, int *to)
{
	const char *dash = strchr(s, '-');
	char a[16] = "", b[16] = "";
	*from = *to = 0;
	if (!dash) {
		if (cli_parse_int(s, from) != 0)
			return -1;
		*to = *from;
	} else {
		size_t la = (size_t)(dash - s), lb = strlen(dash + 1);
		if (la >= sizeof(a) || lb >= sizeof(b))
			return -1;
		memcpy(a, s, la);
		memcpy(b, dash + 1, lb + 1);
		if ((la && cli_parse_int(a, from) != 0) || (lb && cli_parse_int(b, to) != 0))
			return -1;
		if (!la && !lb)
			return -1;
	}
	if ((*from && (*from < 1900 || *from > 2100)) || (*to && (*to < 1900 || *to > 2100)))
		return -1;
	if (*from && *to && *from > *to)
		return -1;
	return 0;
}

int cli_parse_format(const char *s, jx_format *fmt)
{
	return jx_format_parse(s, fmt) == 0 ? 0 : -1;
}

int cli_parse_kind(const char *s, jx_kind *kind)
{
	return jx_kind_parse(s, kind) == 0 ? 0 : -1;
}

int cli_print_table(jx_table *t, jx_format fmt, int bom)
{
	int rc;
	cli_table_width(t);
	if (fmt == JX_FMT_CSV)
		cli_csv_headers(t);
	rc = fmt == JX_FMT_TABLE ? jx_table_write_view(t, stdout, cli_view(t))
				 : jx_table_write(t, stdout, fmt, bom);
	if (rc != 0 || fflush(stdout) != 0)
		return cli_fail(_("cannot write output: %s"), strerror(errno));
	return JX_EXIT_OK;
}

int cli_int_option(const char *cmd, const char *name, const char *arg, int lo, int hi, int *out)
{
	int v;
	if (cli_parse_int(arg, &v) || v < lo || v > hi)
		return cli_usage(cmd, _("--%s must be a whole number from %d to %d"), name, lo, hi);
	*out = v;
	return 0;
}

int cli_double_option(const char *cmd, const char *name, const char *arg, double lo, double hi,
		      double *out)
{
	double v;
	if (cli_parse_double(arg, &v) || !(v >= lo && v <= hi))
		return cli_usage(cmd, _("--%s must be a number from %g to %g"), name, lo, hi);
	*out = v;
	return 0;
}
