/* SPDX-License-Identifier: GPL-3.0-or-later */
/* header_alone.c -- include/jixiao.h must compile by itself with -Wall -Wextra -pedantic -Werror. */
#include <jixiao.h>
int jx_header_alone_probe(void);
int jx_header_alone_probe(void)
{
	return JX_OK;
}
