/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store/internal.h -- what the store's files share. */
#ifndef JX_STORE_INTERNAL_H
#define JX_STORE_INTERNAL_H

#include <sqlite3.h>
#include "text/internal.h"
#include "jixiao/store.h"
#include "jixiao/output.h"

/* What the series read path (store_series.c) keeps between calls. */
typedef struct {
	sqlite3_stmt *evaluations, *project_evaluations, *rows, *data_version, *breaks;
	char **alias_old, **alias_new; /* sorted by old key */
	size_t nalias;
	int aliases_loaded;
	sqlite3_int64 alias_changes; /* sqlite3_total_changes64() when the aliases were loaded */
	int alias_data_version;      /* PRAGMA data_version then (changes by other connections) */
} jx__series_cache;

struct jx_store {
	sqlite3 *db;
	char *path; /* protected from outputs while open (jx_output_protect) */
	int opened_version;
	int readonly;
	int private_file;  /* JX_STORE_PRIVATE: no other connection until it is closed */
	int migrate_first; /* JX_STORE_MIGRATE_FIRST */
	int reading;       /* depth of jx_store_read_begin (snapshot.c) */
	jx__series_cache series;
};

/** Finalise and free the series cache (jx_store_free). */
void jx__series_cache_free(jx__series_cache *c);

/** Record SQLite's message for db as a JX_EDB error ("what: message"). */
int jx__db_error(sqlite3 *db, const char *what);
/** Prepare sql; on failure records the error. */
int jx__prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql);
/** Run SQL without results. */
int jx__exec(sqlite3 *db, const char *sql);
/** Bind text, or NULL when s is NULL. */
int jx__bind_text(sqlite3_stmt *st, int i, const char *s);
/** Bind a double, or NULL when NaN. */
int jx__bind_double(sqlite3_stmt *st, int i, double v);
/** Text bound without a copy (it must live until the statement has stepped), or NULL. */
int jx__bind_static(sqlite3_stmt *st, int i, const char *s);
/** Column as double, NaN for NULL. */
double jx__column_double(sqlite3_stmt *st, int i);
/** Column as a malloc'd string ("" for NULL). NULL on ENOMEM. */
char *jx__column_strdup(sqlite3_stmt *st, int i);

/**
 * Prepare head + the WHERE clause of filter f + tail, and bind f. head is a
 * query over evaluations or figures (alias x) joined with their department
 * (alias d); the clause holds x.year BETWEEN ?2 AND ?3 (open ends are
 * JX_YEAR_MIN / JX_YEAR_MAX), then d.name = ?1 when f names a department and
 * x.kind = ?4 when with_kind and f names a kind. f may be NULL (everything).
 */
int jx__prepare_filtered(sqlite3 *db, sqlite3_stmt **st, const char *head, const char *x,
			 const jx_filter *f, int with_kind, const char *tail);
/**
 * jx__prepare_filtered for a query over evaluations (or a project's figures)
 * that has x.project_id: also selects by f->project (NULL: the departments'
 * own rows; JX_PROJECT_ALL: every project's; else the keys that resolve to
 * that project, bound as ?5).
 */
int jx__prepare_scoped(jx_store *s, sqlite3_stmt **st, const char *head, const char *x,
		       const jx_filter *f, int with_kind, const char *tail);
/** Bind f again to a statement jx__prepare_filtered made with the same parts set. */
void jx__filter_bind(sqlite3_stmt *st, const jx_filter *f);

/**
 * The name a read-only connection opens path by (readonly.c): *uri NULL for path itself,
 * else a malloc'd `file:...?immutable=1` URI (the caller frees) when this process may
 * not write the file or its directory and so must create no -wal/-shm. JX_EDB when
 * such a reader finds unfinished writes it cannot read.
 */
int jx__store_readonly_name(char **uri, const char *path);
/** The URI "file:PATH?immutable=1", PATH's '?', '#', '%' %-encoded; malloc'd, NULL on ENOMEM. */
char *jx__store_immutable_uri(const char *path);
/** 1 when db was opened with immutable=1 (it reads without locks). */
int jx__store_is_immutable(sqlite3 *db);

/** Apply migrations up to version `to` (used by open and by tests of migration). */
int jx__store_migrate(sqlite3 *db, int from, int to);

/** Grade bands from the database (defaults if the table is empty). */
int jx__store_bands(sqlite3 *db, jx_grade_band *out, size_t cap, size_t *n);

/**
 * The content hash of an evaluation (what decides "unchanged" on re-import),
 * built in the scratch buffer b. Stored in every database: never change it.
 */
void jx__content_hash(jx__buf *b, char out[65], const jx_evaluation *ev);

/** Columns of one indicator row in the import's multi-row INSERT; the first
 *  JX__ROW_PLAIN_COLS (up to source_line) are all an evaluation without targets needs. */
#define JX__ROW_COLS 21
#define JX__ROW_PLAIN_COLS 12
/** Whether row r has a target, actual value, reason or completion (the last 9 columns). */
int jx__row_has_target(const jx_indicator *r);
/** Bind row i of ev (evaluation id eid) as row k of a multi-row INSERT of indicator rows
 *  of ncols (JX__ROW_COLS or JX__ROW_PLAIN_COLS) columns each. */
void jx__bind_row(sqlite3_stmt *st, int k, int ncols, sqlite3_int64 eid, const jx_evaluation *ev,
		  size_t i);

/** jx_import_evaluation (source SHA-256 to come) with its content hash already made. */
int jx__import_evaluation_hashed(jx_import *im, const char *source_name, const jx_evaluation *ev,
				 const char content_sha256[65]);

/** Alias pairs from sql ("SELECT old, new ... ORDER BY old") as parallel arrays. */
int jx__alias_pairs(jx_store *s, const char *sql, char ***olds, char ***news, size_t *n);
/** Follow old -> new pairs from key to the end of its chain (at most n hops). Borrowed. */
const char *jx__alias_follow(char *const *olds, char *const *news, size_t n, const char *key);

/**
 * The value to bind for a project parameter (?5 of jx__prepare_scoped): NULL (department
 * evaluations), JX_PROJECT_ALL, or the set of stored project keys that
 * resolve to project's key through the project aliases, as "\x1fk1\x1fk2\x1f".
 * *out is NULL or malloc'd (free()); *set is what to bind.
 */
int jx__project_param(jx_store *s, char **out, const char **set, const char *project);

/** The query of a department's declared framework breaks (?1 = name), by year. */
extern const char jx__framework_sql[];
/** Read a department's declared breaks with cached (reset after) or a new statement. */
int jx__framework_read(sqlite3 *db, sqlite3_stmt *cached, const char *department,
		       jx_break_decl **out, size_t *n);

#endif
