/* SPDX-License-Identifier: GPL-3.0-or-later */
/* base/internal.h -- the library's building blocks: errors, memory, buffers, UTF-8,
 * hashing, files. Every module's private header starts from this one; not
 * part of the API. Names use the jx__ prefix (libgit2's git__ habit). */
#ifndef JX_BASE_INTERNAL_H
#define JX_BASE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <libintl.h>
#include "jixiao/common.h"

/* Texts for people go through gettext with the library's own domain (the
 * catalogs are po/<lang>.po, bound by the CLI at start-up): _("...") where
 * the text is used, N_("...") to mark a text kept in a table and translated
 * later with _(). Codes and CSV/JSON field names are never translated. */
#define JX_TEXTDOMAIN "jixiao"
#define _(s) dgettext(JX_TEXTDOMAIN, s)
#define N_(s) (s)

#if defined(__GNUC__)
#define JX__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define JX__PRINTF(a, b)
#endif

/** Record an error (message printf-style) and return code, so callers can
 *  write `return jx__error(JX_EINVAL, "...")`. */
int jx__error(int code, const char *fmt, ...) JX__PRINTF(2, 3);
int jx__verror(int code, const char *fmt, va_list ap);
/** Record JX_ENOMEM. */
int jx__oom(void);

/** strdup that returns NULL for NULL. */
char *jx__strdup(const char *s);
char *jx__strndup(const char *s, size_t n);
/** malloc'd printf. NULL on ENOMEM. */
char *jx__sprintf(const char *fmt, ...) JX__PRINTF(1, 2);

/** Grow *arr (element size elem) so that it holds at least need elements. 0 or JX_ENOMEM. */
int jx__grow(void **arr, size_t *cap, size_t need, size_t elem);

/** qsort that accepts an empty (NULL) array: qsort(NULL, 0, ...) is undefined behaviour. */
static inline void jx__sort(void *base, size_t n, size_t size,
			    int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/** A growable byte buffer. */
typedef struct {
	char *data;
	size_t len, cap;
	int failed; /* set on ENOMEM; further appends are ignored */
} jx__buf;
void jx__buf_init(jx__buf *b);
void jx__buf_free(jx__buf *b);
void jx__buf_put(jx__buf *b, const char *s, size_t n);
void jx__buf_puts(jx__buf *b, const char *s);
void jx__buf_printf(jx__buf *b, const char *fmt, ...) JX__PRINTF(2, 3);
/** Hand the NUL-terminated data out (caller frees) and reset b; NULL on earlier ENOMEM. */
char *jx__buf_detach(jx__buf *b);

/** SHA-256 of bytes, as 64 lower-case hex digits + NUL into out[65]. */
void jx__sha256_hex(char out[65], const void *data, size_t len);

/** Decode one UTF-8 code point at s (len bytes left, len > 0) into *cp.
 *  Returns the bytes used, or 0 when s does not start with a valid sequence
 *  (overlong forms, surrogates and code points above U+10FFFF are invalid). */
size_t jx__utf8_decode(const unsigned char *s, size_t len, unsigned *cp);
/** Append code point cp to b as UTF-8. */
void jx__utf8_put(jx__buf *b, unsigned cp);

/** path resolved as far as it exists (guard.c): realpath of the file, or of its
 *  directory followed by its name (a dangling symlink stays itself). malloc'd;
 *  NULL when the directory does not exist (errno) or on ENOMEM. */
char *jx__resolve_path(const char *path);

/** A mkstemp/mkdtemp template beside path: "<dir>/.jixiao-<what>XXXXXX", always
 *  starting with "/" or "./" (output.c). malloc'd; NULL on ENOMEM. */
char *jx__temp_beside(const char *path, const char *what);
/** fsync the directory holding path (best effort where directories cannot be synced). */
int jx__sync_dir_of(const char *path);

/** Read a whole file (at most max bytes; larger is JX_EINVAL). *out malloc'd, NUL-terminated. */
int jx__read_file(char **out, size_t *len, const char *path, size_t max);

#endif
