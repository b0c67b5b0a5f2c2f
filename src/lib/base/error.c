/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.c -- the thread-local last error, and library set-up.
 *
 * Each thread keeps the code and one-line message of its last failure, set
 * where the failure is first seen (libgit2's git_error_last habit). */
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "base/internal.h"

static _Thread_local char last_message[1024];
static _Thread_local int last_code;

const char *jx_error_last(void)
{
	return last_message;
}

int jx_error_code(void)
{
	return last_code;
}

void jx_error_clear(void)
{
	last_message[0] = '\0';
	last_code = 0;
}

static int verror(int code, const char *fmt, va_list ap)
{
	vsnprintf(last_message, sizeof(last_message), fmt, ap);
	last_code = code;
	return code;
}

int jx__error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(code, fmt, ap);
	va_end(ap);
	return code;
}

int jx__error_prefix(int code, const char *fmt, ...)
{
	char message[sizeof(last_message)];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(message))
		snprintf(message + n, sizeof(message) - (size_t)n, "%s", last_message);
	return jx__error(code, "%s", message);
}

int jx__oom(void)
{
	return jx__error(JX_ENOMEM, _("out of memory"));
}

void jx_init(void)
{
	gsl_set_error_handler_off();
}
