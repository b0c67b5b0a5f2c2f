/* SPDX-License-Identifier: GPL-3.0-or-later */
/* base/internal.h -- the library's building blocks: errors, memory, buffers, UTF-8,
 * hashing, files. Every module's private header starts from this one; not
 * part of the API. Names use the jx__ prefix (libgit2's git__ habit). */
#ifndef JX_BASE_INTERNAL_H
#define JX_BASE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <libintl.h>
#include "jixiao/common.h"

/* Texts for people go through gettext with the library's own domain (the
 * catalogs are po/<lang>.po, bound by the CLI at start-up): _("...") where
 * the text is used, N_("...") to mark a text kept in a table and translated
 * later with _(), ngettext(one, many, n) for a text with a count (plural forms;
 * English-only callers still get "1 year" / "2 years"). Codes and CSV/JSON
 * field names are never translated. */
#define JX_TEXTDOMAIN "jixiao"
#define _(s) dgettext(JX_TEXTDOMAIN, s)
#define N_(s) (s)
#undef ngettext /* libintl.h's, from the default domain: ours uses the library's domain */
#define ngettext(one, many, n) dngettext(JX_TEXTDOMAIN, one, many, n)

#if defined(__GNUC__)
#define JX__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define JX__PRINTF(a, b)
#endif

/** Record an error (message printf-style) and return code, so callers can
 *  write `return jx__error(JX_EINVAL, "...")`. */
int jx__error(int code, const char *fmt, ...) JX__PRINTF(2, 3);
/** Record JX_ENOMEM. */
int jx__oom(void);
/** Put a printf-style prefix before the message of the error being handled
 *  and record it under code: `return jx__error_prefix(JX_EDB, "%s: ", path)`
 *  turns "disk I/O error" into "jixiao.db: disk I/O error". */
int jx__error_prefix(int code, const char *fmt, ...) JX__PRINTF(2, 3);

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
/** Hand the text out as *out, or NULL when b is empty; b is freed either way.
 *  0, or JX_ENOMEM (the error set) after an earlier ENOMEM. */
int jx__buf_take(char **out, jx__buf *b);

/** 64-bit FNV-1a of len bytes, from the offset basis xor seed (seed 0: plain
 *  FNV-1a). For in-memory hash tables only: never store the value. */
uint64_t jx__hash(const void *data, size_t len, uint64_t seed);

/** SHA-256 of bytes, as 64 lower-case hex digits + NUL into out[65]. */
void jx__sha256_hex(char out[65], const void *data, size_t len);

/** Decode one UTF-8 code point at s (len bytes left, len > 0) into *cp.
 *  Returns the bytes used, or 0 when s does not start with a valid sequence
 *  (overlong forms, surrogates and code points above U+10FFFF are invalid). */
size_t jx__utf8_decode(const unsigned char *s, size_t len, unsigned *cp);
/** The code point at s (len bytes left, len > 0), leniently: a byte that
 *  does not start a valid sequence comes back alone as U+DC00 + byte (a lone
 *  surrogate, which no valid UTF-8 decodes to: Python's "surrogateescape"),
 *  so that text with bad bytes can still be walked. Returns the bytes used (>= 1). */
size_t jx__utf8_next(const char *s, size_t len, unsigned *cp);
/** Code points in the NUL-terminated s (a bad byte counts one, as jx__utf8_next walks). */
size_t jx__utf8_count(const char *s);
/** 1 when cp stands for a bad byte in jx__utf8_next's result. */
#define JX__UTF8_BAD_BYTE(cp) ((cp) >= 0xDC80 && (cp) <= 0xDCFF)
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

/**
 * An arena: memory handed out in pieces and freed all at once. Pieces from
 * jx__arena_alloc are aligned for any type; strings are packed. Both return
 * NULL (JX_ENOMEM recorded) when memory runs out; the arena stays usable.
 */
typedef struct jx__arena_block jx__arena_block;
typedef struct {
	jx__arena_block *head;
	size_t block_size;
} jx__arena;
/** An empty arena taking memory in blocks of block_size bytes (0: 4 KiB). */
void jx__arena_init(jx__arena *a, size_t block_size);
/** Free everything the arena handed out; it is empty and usable again. */
void jx__arena_free(jx__arena *a);
/** size bytes, uninitialised, aligned like max_align_t. */
void *jx__arena_alloc(jx__arena *a, size_t size);
/** A copy of the n bytes at s followed by a NUL. */
char *jx__arena_strndup(jx__arena *a, const char *s, size_t n);

/* ---- helper programs and temporary files (spawn.c, tempdir.c) ---- */

/** Search PATH for an executable (a name with a '/' is taken as a path); *out malloc'd.
 *  0, JX_ENOTFOUND ("NAME not found on PATH") or JX_ENOMEM. */
int jx__find_program(char **out, const char *name);
/**
 * Run prog (a path) with argv and no shell, in a process group of its own,
 * stdin from /dev/null, stdout and stderr into log_fd; wait at most
 * timeout_s seconds, then kill the whole group (JX_EIO, "... was killed").
 * On return the group is gone. *status gets the wait status. 0 or JX_EIO.
 */
int jx__run(int *status, const char *prog, char *const argv[], int log_fd, double timeout_s);
/** How a child of jx__child_run ended. */
typedef struct {
	int exit_code; /**< its exit status, -1 when killed by a signal */
	int signal;    /**< the signal that ended it, else 0 */
	int timed_out; /**< killed at the time limit */
	int too_much;  /**< killed for writing more than the limit */
} jx__child_result;
/** write(2) all of data, retrying on EINTR and short writes. 0 or -1 (errno set). */
int jx__write_all(int fd, const void *data, size_t len);
/**
 * Run fn(arg, fd) in a forked child with CPU-time and memory limits, no
 * file creation, no inherited descriptor but fd, stdio on /dev/null; what
 * it writes to fd is appended to out (at most max bytes), for at most
 * timeout_s seconds, after which the child is killed. The child exits 0
 * when fn returns 0. *res says how it ended; the return value is 0, or
 * JX_EIO/JX_ENOMEM when the child could not be run or its output kept.
 */
int jx__child_run(jx__buf *out, jx__child_result *res, int (*fn)(void *arg, int fd), void *arg,
		  double timeout_s, size_t max);
/** A new private directory (0700) under $TMPDIR or /tmp; *out malloc'd. 0 or JX_EIO. */
int jx__tempdir_make(char **out);
/** Create path (which must not exist, mode 0600) holding len bytes. 0 or JX_EIO. */
int jx__write_new_file(const char *path, const void *data, size_t len);
/** Remove path and everything below it, symbolic links not followed. NULL-safe. */
void jx__tempdir_remove(const char *path);

/** Read a whole file (at most max bytes; larger is JX_EINVAL). *out malloc'd, NUL-terminated. */
int jx__read_file(char **out, size_t *len, const char *path, size_t max);

#endif
