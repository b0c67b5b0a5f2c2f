/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.h -- writing output files safely: atomically, never onto the database.
 *
 * Every file jixiao writes for the user (CSV/JSON exports, workbooks,
 * charts, gnuplot scripts, reports) goes through these functions:
 *
 *  - the data is written to a temporary file beside the target (same
 *    directory, so the same file system), flushed to disk, and renamed over
 *    the target only when everything succeeded; on any failure the previous
 *    file is untouched and no partial or empty file stays behind;
 *  - a target that is, after symlinks (same device and inode, or the same
 *    resolved path), a protected file -- the open database or its
 *    -wal/-shm/-journal files, protected by jx_store_open -- is refused;
 *  - "-" is never a file name (it means standard output, which only the
 *    caller can decide to use); the target's name is used byte for byte;
 *  - external writers (gnuplot, libxlsxwriter) get the temporary path,
 *    which always starts with "/" or "./" so that no program can read it as
 *    a pipe ("|command") or an option.
 *
 * Outputs of several files are built in a temporary directory beside the
 * target directory (jx_outset) and moved into place file by file only when
 * all of them were written.
 */
#ifndef JIXIAO_OUTPUT_H
#define JIXIAO_OUTPUT_H

#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One output file being written. */
typedef struct jx_output jx_output;

/**
 * Start writing path: checks it (jx_output_check), refuses a directory, and
 * creates the temporary file. *out is the caller's: finish it with exactly
 * one of jx_output_commit or jx_output_abort. JX_EINVAL (refused) or JX_EIO.
 */
JX_API int jx_output_open(jx_output **out, const char *path);

/** The temporary file as a stream (binary). Borrowed until commit/abort. */
JX_API FILE *jx_output_stream(jx_output *o);

/** The temporary file's path, for a writer that opens it by name. Borrowed. */
JX_API const char *jx_output_temp_path(const jx_output *o);

/** The target path given to jx_output_open. Borrowed. */
JX_API const char *jx_output_path(const jx_output *o);

/**
 * Flush and sync the temporary file and rename it over the target (checked
 * again). Frees o whatever happens; on failure the temporary file is removed
 * and the target is as it was. 0 or JX_EIO / JX_EINVAL.
 */
JX_API int jx_output_commit(jx_output *o);

/** Remove the temporary file and free o (NULL-safe). The target is untouched. */
JX_API void jx_output_abort(jx_output *o);

/**
 * 0 when path may be written; JX_EINVAL with "PATH: ..." when it is "-",
 * empty, or a protected file (the open database, its -wal, -shm or -journal
 * file) after symlinks.
 */
JX_API int jx_output_check(const char *path);

/**
 * Protect path (and path-wal, path-shm, path-journal) from every output of
 * this process until the matching jx_output_unprotect; counted, so the same
 * path may be protected more than once. ":memory:" and "" are ignored. 0 or
 * JX_ENOMEM / JX_EINVAL (too many).
 */
JX_API int jx_output_protect(const char *path);
JX_API void jx_output_unprotect(const char *path);

/** A set of output files put into one directory together. */
typedef struct jx_outset jx_outset;

/**
 * Start a set whose files go into dir (created at commit when missing): a
 * temporary directory is made beside dir. Write the files (and at most one
 * level of subdirectories) under jx_outset_temp_dir. JX_EINVAL or JX_EIO.
 */
JX_API int jx_outset_open(jx_outset **out, const char *dir);

/** The temporary directory to write into. Borrowed. */
JX_API const char *jx_outset_temp_dir(const jx_outset *s);

/**
 * Move every file of the temporary directory into dir (subdirectories'
 * files into the same subdirectories of dir, those first), each by an
 * atomic rename checked with jx_output_check; then remove the temporary
 * directory and free s. On failure before the first move nothing changed.
 */
JX_API int jx_outset_commit(jx_outset *s);

/** Remove the temporary directory with what was written in it; free s (NULL-safe). */
JX_API void jx_outset_abort(jx_outset *s);

#ifdef __cplusplus
}
#endif
#endif
