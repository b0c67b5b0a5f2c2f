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
	return cli_fail("%s", *m ? m : "unknown error");
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "jixiao %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see `jixiao %s --help`)\n", cmd);
	return JX_EXIT_USAGE;
}

int cli_help(const char *text)
{
	fputs(text, stdout);
	return JX_EXIT_OK;
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;
	fputs("jixiao: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_open_store(jx_cli *cli, jx_store **out, int create)
{
	if (jx_store_open(out, cli->db_path, create ? JX_STORE_CREATE : 0) != 0)
		return cli_fail_jx();
	return JX_EXIT_OK;
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

int cli_parse_level(const char *s, int *level)
{
	if (!strcmp(s, "1") || !strcmp(s, "2") || !strcmp(s, "3"))
		*level = s[0] - '0';
	else if (!strcmp(s, "total"))
		*level = 0;
	else if (!strcmp(s, "all"))
		*level = -1;
	else
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

int cli_print_table(const jx_table *t, jx_format fmt, int bom)
{
	if (jx_table_write(t, stdout, fmt, bom) != 0 || fflush(stdout) != 0)
		return cli_fail("cannot write output: %s", strerror(errno));
	return JX_EXIT_OK;
}
