/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import.h -- reading files into the store: the layer above ingest and store. */
#ifndef JIXIAO_IMPORT_H
#define JIXIAO_IMPORT_H

#include <stddef.h>
#include "ingest.h"
#include "model.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Told of each part jx_import_files reads, on the importing thread, before it is stored. */
typedef struct {
	void (*evaluation)(void *ctx, const char *source, const jx_evaluation *ev);
	void (*figures)(void *ctx, const char *source, const jx_figures *f);
	void *ctx;
} jx_import_observer;

/**
 * Read files (jx_read_file_stream) and store what they hold through im, in
 * file order. Reading runs on a second thread while this one writes, so the
 * two overlap on two cores; at most 64 evaluations wait in between. obs may
 * be NULL. Returns 0 or the first error, reading or storing (im is then
 * failed: commit returns the error and rolls back).
 */
JX_API int jx_import_files(jx_import *im, const char *const *paths, size_t npaths,
			   const jx_read_options *opts, const jx_import_observer *obs);

/**
 * The whole import of files into the database at db_path, in one
 * transaction (flags: JX_IMPORT_*). A database that does not exist yet is
 * built under a temporary name beside db_path and put in place only when
 * the import succeeded, so a failed import creates no file. A dry run needs
 * an existing database. stats may be NULL. 0 or the first error.
 */
JX_API int jx_import_into(const char *db_path, const char *const *files, size_t nfiles,
			  const jx_read_options *ro, unsigned flags, const jx_import_observer *obs,
			  jx_import_stats *stats);

/**
 * Load aliases from a CSV file with header "old,new" (UTF-8), all or
 * nothing; errors name the file and line. *count (may be NULL) gets the
 * number loaded.
 */
JX_API int jx_import_aliases(jx_store *s, const char *path, size_t *count);

#ifdef __cplusplus
}
#endif
#endif
