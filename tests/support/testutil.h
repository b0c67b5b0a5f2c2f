/* SPDX-License-Identifier: GPL-3.0-or-later */
/* testutil.h -- helpers shared by the cmocka test programs. */
#ifndef JX_TESTUTIL_H
#define JX_TESTUTIL_H

#include <stddef.h>
#include "jixiao.h"

struct sqlite3;

/** Path under the source tree (JX_SOURCE_DIR "/" rel); static buffer, valid until next call. */
const char *tu_src(const char *rel);
/** Bind the message catalogs of the build tree (build/locale), as the CLI does at start-up;
 *  the language is then the environment's (English under the suite's C.UTF-8). */
void tu_catalogs(void);
/** The built jixiao executable. */
const char *tu_jixiao(void);

/** Read a whole file (NUL-terminated, malloc'd); NULL on failure. len may be NULL. */
char *tu_read(const char *path, size_t *len);
/** Write bytes to a file; 0 or -1. */
int tu_write(const char *path, const void *data, size_t len);

/** A fresh temporary directory (malloc'd path). Removed by tu_rmdir. */
char *tu_mkdtemp(void);
/** rm -rf path. */
void tu_rmdir(const char *path);

/**
 * Run argv (NULL-terminated; argv[0] a path) with stdout/stderr captured
 * into malloc'd strings (may be NULL if unwanted). Returns the exit code,
 * or -1 if it could not run, 128+signal if killed.
 */
int tu_run(char *const argv[], char **out, char **err);

/**
 * A content dump of a database (every table's rows in order, as text),
 * independent of page layout: equal dumps = equal content. malloc'd.
 */
char *tu_db_dump(const char *path);

/** Open (creating) the store at path; fails the test with the library's message otherwise. */
jx_store *tu_store_open(const char *path);
/** A cmocka group state: a new in-memory store holding batch b (freed), in *state; 0, or -1
 *  when the store cannot be opened or the import fails. Free with tu_store_teardown. */
int tu_store_fixture(void **state, jx_batch *b);
/** Free the store of tu_store_fixture. */
int tu_store_teardown(void **state);
/** The one integer a query gives (its first row's first column); fails the test otherwise. */
long long tu_query_int(struct sqlite3 *db, const char *sql);

/** The row of ev whose level-3 name is l3; fails the test when there is none. */
const jx_indicator *tu_row_named(const jx_evaluation *ev, const char *l3);
/** jx_read_file of the source tree's rel (tu_src); fails the test with the error when it
 *  does not read. */
jx_batch *tu_read_fixture(const char *rel, const jx_read_options *opts);

#endif
