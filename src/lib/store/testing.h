/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store/testing.h -- test-only access to the store's SQLite handle, for tests that
 * inspect or interrupt the database directly. Library code never includes this:
 * the store's SQL stays inside the store module. */
#ifndef JX_STORE_TESTING_H
#define JX_STORE_TESTING_H

#include "jixiao/store.h"

struct sqlite3;
/** The store's SQLite connection, borrowed. */
struct sqlite3 *jx__store_sqlite(jx_store *s);

#endif
