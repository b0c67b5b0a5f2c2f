/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.c -- which language texts for people come out in, through GNU gettext.
 *
 * Every text for people is an English msgid (English needs no catalog);
 * po/zh_CN.po translates them. The language is chosen by jixiao, not left to
 * whatever locales the machine has generated: LC_MESSAGES is set to
 * C.UTF-8 (always present on Debian 12) and the catalog is named through
 * LANGUAGE, which glibc honours under any locale but plain "C". Changing the
 * language at run time (a Chinese report written from an English session)
 * bumps _nl_msg_cat_cntr, the documented way to make GNU gettext forget the
 * translations it has cached. Not thread-safe: switch before starting
 * threads that translate. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/internal.h"

extern int _nl_msg_cat_cntr;

static jx_lang current = JX_LANG_EN;

static const char *catalog_of(jx_lang lang)
{
	const char *test = getenv("JIXIAO_CATALOG"); /* test hook: e.g. the pseudo catalog */
	if (test && *test && lang == JX_LANG_ZH)
		return test;
	return lang == JX_LANG_ZH ? "zh_CN" : "en";
}

int jx_i18n_init(const char *localedir)
{
	jx_lang lang = jx_lang_from_environment(); /* before LANGUAGE is ours */
	if (!setlocale(LC_MESSAGES, "C.UTF-8"))
		setlocale(LC_MESSAGES, "C.utf8");
	if (localedir && !bindtextdomain(JX_TEXTDOMAIN, localedir))
		return jx__error(JX_ENOMEM, _("cannot bind the message catalogs to %s"), localedir);
	bind_textdomain_codeset(JX_TEXTDOMAIN, "UTF-8");
	jx_i18n_set(lang);
	return 0;
}

void jx_i18n_set(jx_lang lang)
{
	current = lang == JX_LANG_ZH ? JX_LANG_ZH : JX_LANG_EN;
	setenv("LANGUAGE", catalog_of(current), 1);
	++_nl_msg_cat_cntr;
}

jx_lang jx_i18n_lang(void)
{
	return current;
}

/* "zh", "zh_CN.UTF-8", "zh_TW" ... */
static int chinese(const char *v)
{
	return v && !strncmp(v, "zh", 2);
}

jx_lang jx_lang_from_environment(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *language = getenv("LANGUAGE");
	for (size_t i = 0; i < sizeof(vars) / sizeof(*vars); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			/* LANGUAGE, a list of preferences, counts only beside a real locale */
			if (strcmp(v, "C") && strcmp(v, "POSIX") && language && *language)
				return chinese(language) ? JX_LANG_ZH : JX_LANG_EN;
			return chinese(v) ? JX_LANG_ZH : JX_LANG_EN;
		}
	}
	return JX_LANG_EN;
}
