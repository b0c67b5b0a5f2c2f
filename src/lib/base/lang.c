/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.c -- the language codes of texts for people. */
#include <string.h>
#include "base/internal.h"

int jx_lang_parse(const char *s, jx_lang *out)
{
	if (s && !strcmp(s, "zh"))
		*out = JX_LANG_ZH;
	else if (s && !strcmp(s, "en"))
		*out = JX_LANG_EN;
	else
		return jx__error(JX_EINVAL, _("unknown language '%s' (zh, en)"), s ? s : "");
	return 0;
}
