/* SPDX-License-Identifier: GPL-3.0-or-later */
/* snapshot.c -- many reads as one read transaction.
 *
 * Outside a transaction every statement SQLite steps opens and closes a read
 * transaction of its own: in WAL mode that is a few file locks and a look at
 * the shared-memory index each time. A caller that reads one department after
 * another (the ranks read every department of a year, ~4 statements each)
 * wraps its reads in jx_store_read_begin/_end instead: one snapshot, one set
 * of locks, and every read sees the same data. Calls nest; inside an import's
 * transaction they do nothing. */
#include "store/internal.h"

int jx_store_read_begin(jx_store *s)
{
	int rc;
	if (s->reading > 0) { /* nested */
		s->reading++;
		return 0;
	}
	if (!sqlite3_get_autocommit(s->db)) /* inside a transaction already: it is the snapshot */
		return 0;
	if ((rc = jx__exec(s->db, "BEGIN")) != 0)
		return rc;
	s->reading = 1;
	return 0;
}

void jx_store_read_end(jx_store *s)
{
	if (s->reading == 0 || --s->reading > 0)
		return;
	/* a read transaction has nothing to commit; ending it cannot lose data */
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}
