/* SPDX-License-Identifier: GPL-3.0-or-later */
/* common.h -- version, error codes and the thread-local error message. */
#ifndef JIXIAO_COMMON_H
#define JIXIAO_COMMON_H

/*
 * JX_API marks the functions of the library's API. The library is compiled
 * with hidden visibility (-fvisibility=hidden), so that a shared libjixiao
 * exports these and nothing else: the jx__ internals stay inside.
 */
#if defined(__GNUC__) && __GNUC__ >= 4
#define JX_API __attribute__((visibility("default")))
#else
#define JX_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define JX_VERSION "0.1.0"
#define JX_VERSION_MAJOR 0
#define JX_VERSION_MINOR 1
#define JX_VERSION_PATCH 0

/** Error codes. Every function that can fail returns 0 or one of these. */
enum {
	JX_OK = 0,
	JX_EINVAL = -1,    /**< invalid argument or invalid data */
	JX_EPARSE = -2,    /**< input could not be parsed */
	JX_ENOTFOUND = -3, /**< the thing asked for does not exist */
	JX_EDB = -4,       /**< SQLite failed */
	JX_EMATH = -5,     /**< a statistic cannot be computed (GSL error, too few points) */
	JX_EIO = -6,       /**< file or pipe failure */
	JX_ENOMEM = -7,    /**< out of memory */
	JX_EEXISTS = -8,   /**< different data already stored under the same identity */
	JX_EVERSION = -9   /**< database written by a newer jixiao */
};

/**
 * The message of the last error raised on this thread, or "" when none.
 * Borrowed: valid until the next jixiao call on this thread.
 */
JX_API const char *jx_error_last(void);

/** The code of the last error raised on this thread (0 when none). */
JX_API int jx_error_code(void);

/** Forget the last error. */
JX_API void jx_error_clear(void);

/** Language of texts for people (reports, charts, labels). Codes and CSV/JSON
 *  field names are English whatever the language. */
typedef enum { JX_LANG_ZH = 0, JX_LANG_EN = 1 } jx_lang;

/** "zh" or "en" into *out; JX_EINVAL otherwise. */
JX_API int jx_lang_parse(const char *s, jx_lang *out);

/**
 * Bind the library's message catalogs (domain "jixiao") to localedir, or to
 * the default system location when NULL, and set LC_MESSAGES to C.UTF-8 so
 * that the language chosen with jx_i18n_set works whether or not the
 * machine has a Chinese locale; the language is then the environment's
 * (jx_lang_from_environment). 0 or JX_ENOMEM.
 */
JX_API int jx_i18n_init(const char *localedir);
/** The language of texts for people from now on, for the whole process. */
JX_API void jx_i18n_set(jx_lang lang);
/** The language set last (English before any call). */
JX_API jx_lang jx_i18n_lang(void);
/**
 * The language the environment asks for: Chinese when the first set of
 * LC_ALL, LC_MESSAGES, LANG names a Chinese locale (zh...), or when it names
 * a real locale and LANGUAGE starts with zh; English otherwise.
 */
JX_API jx_lang jx_lang_from_environment(void);

/**
 * One-time library set-up: turns GSL's aborting error handler off so that
 * GSL failures come back as JX_EMATH. Safe to call more than once.
 */
JX_API void jx_init(void);

#ifdef __cplusplus
}
#endif
#endif
