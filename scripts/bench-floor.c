/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-floor.c -- the physical floor of a whole-database analysis (scripts/bench).
 *
 * Steps, with sqlite3_step, through the rows an analysis command reads -- self
 * evaluations: department, year, provenance, the three names, key, weight,
 * score, origin -- in the analysis's order (department name, year, source
 * order), touches each column once (so that SQLite decodes it) and prints
 * nothing but, on stderr, the row count. Built by scripts/bench:
 *   cc -O2 scripts/bench-floor.c -lsqlite3 -o build-bench/bench-floor
 * Usage: bench-floor DB
 */
#include <sqlite3.h>
#include <stdio.h>

static const char query[] =
	"SELECT d.name, e.year, e.provenance, i.level1, i.level2, i.level3, i.key, i.weight, "
	"i.score, i.score_origin FROM department d CROSS JOIN evaluation e ON e.department_id = "
	"d.id CROSS JOIN indicator i ON i.evaluation_id = e.id WHERE e.kind = 'self' AND "
	"e.project_id IS NULL ORDER BY d.name, e.year, i.seq";

int main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long rows = 0, bytes = 0;
	double sum = 0;
	int rc;

	if (argc != 2) {
		fputs("usage: bench-floor DB\n", stderr);
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, query, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int c = 0; c < 10; c++)
			if (c == 1 || c == 7 || c == 8)
				sum += sqlite3_column_double(st, c);
			else
				bytes += sqlite3_column_bytes(st, c);
		rows++;
	}
	if (rc != SQLITE_DONE)
		fprintf(stderr, "bench-floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
	else
		fprintf(stderr, "%lld rows (%lld bytes of text, checksum %g)\n", rows, bytes, sum);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc == SQLITE_DONE ? 0 : 1;
}
