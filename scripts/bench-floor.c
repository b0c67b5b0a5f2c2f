/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-floor.c -- the physical floor of a whole-database analysis (scripts/bench).
 *
 * Steps, with sqlite3_step, through the rows an analysis command reads -- self
 * evaluations: department, year, provenance, the three names, key, weight,
 * score, origin -- in the analysis's order (department name, year, source
 * order), touches each column once (so that SQLite decodes it) and prints
 * nothing but, on stderr, the row count. The loops are forced by CROSS JOIN
 * in the order the indexes give (department names; a department's own
 * evaluations by year; an evaluation's rows by seq), so only ORDER BY d.name
 * is asked for and no sort is needed: the program checks the whole order as
 * it steps and fails if it does not hold. No mutexes (SQLITE_OPEN_NOMUTEX), as jixiao opens its
 * database. Built by scripts/bench:
 *   cc -O2 scripts/bench-floor.c -lsqlite3 -o build-bench/bench-floor
 * Usage: bench-floor DB
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static const char query[] =
	"SELECT d.name, e.year, e.provenance, i.level1, i.level2, i.level3, i.key, i.weight, "
	"i.score, i.score_origin, i.seq FROM department d CROSS JOIN evaluation e ON "
	"e.department_id = d.id CROSS JOIN indicator i ON i.evaluation_id = e.id "
	"WHERE e.kind = 'self' AND e.project_id IS NULL ORDER BY d.name";

/* Whether this row follows (department, year, seq) of the previous one in order. */
static int in_order(sqlite3_stmt *st, char *dept, size_t size, int *year, long long *seq)
{
	const char *d = (const char *)sqlite3_column_text(st, 0);
	int y = sqlite3_column_int(st, 1), cmp = strcmp(d, dept), ok;
	long long q = sqlite3_column_int64(st, 10);
	ok = cmp > 0 || (cmp == 0 && (y > *year || (y == *year && q > *seq)));
	if (cmp != 0)
		snprintf(dept, size, "%s", d);
	*year = y;
	*seq = q;
	return ok;
}

int main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long rows = 0, bytes = 0, seq = -1;
	double sum = 0;
	char dept[1024] = "";
	int rc, year = 0;

	if (argc != 2) {
		fputs("usage: bench-floor DB\n", stderr);
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
		    SQLITE_OK ||
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
		if (!in_order(st, dept, sizeof(dept), &year, &seq)) {
			fprintf(stderr, "bench-floor: row %lld is out of order\n", rows + 1);
			rc = SQLITE_ERROR;
			break;
		}
		rows++;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ERROR)
		fprintf(stderr, "bench-floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
	else
		fprintf(stderr, "%lld rows (%lld bytes of text, checksum %g)\n", rows, bytes, sum);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc == SQLITE_DONE ? 0 : 1;
}
