/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.c -- opening a jixiao database: schema, migrations, connection settings.
 *
 * The schema lives here and only here (docs/schema.md describes it). Each
 * entry of `migrations` takes the database from version i to i+1; open runs
 * the missing ones forward in one transaction and refuses a newer file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include "store/internal.h"
#include "store/testing.h"

static const char *const migrations[] = {
	/* 0 -> 1: the core model */
	"CREATE TABLE department(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL UNIQUE);\n"
	"CREATE TABLE evaluation(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  department_id INTEGER NOT NULL REFERENCES department(id),\n"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('self','review')),\n"
	"  declared_weight REAL,\n"
	"  declared_score REAL,\n"
	"  self_score REAL,\n"
	"  total_weight REAL NOT NULL,\n"
	"  total_score REAL NOT NULL,\n"
	"  grade TEXT NOT NULL,\n"
	"  provenance TEXT NOT NULL CHECK (provenance IN ('real','synthetic')),\n"
	"  problems TEXT, suggestions TEXT, conclusion TEXT,\n"
	"  source_name TEXT NOT NULL,\n"
	"  source_sha256 TEXT NOT NULL,\n"
	"  content_sha256 TEXT NOT NULL,\n"
	"  imported_at TEXT NOT NULL,\n"
	"  UNIQUE (department_id, year, kind));\n"
	"CREATE TABLE indicator(\n"
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  level1 TEXT NOT NULL,\n"
	"  level1_weight REAL,\n"
	"  level2 TEXT NOT NULL,\n"
	"  level3 TEXT NOT NULL,\n"
	"  key TEXT NOT NULL,\n"
	"  explanation TEXT NOT NULL,\n"
	"  weight REAL NOT NULL CHECK (weight > 0),\n"
	"  score REAL CHECK (score IS NULL OR (score >= 0 AND score <= weight + 1e-9)),\n"
	"  score_origin TEXT NOT NULL CHECK (score_origin IN ('stated','inferred','missing')),\n"
	"  source_line INTEGER,\n"
	"  PRIMARY KEY (evaluation_id, seq)) WITHOUT ROWID;\n"
	"CREATE TABLE import_warning(\n"
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  line INTEGER,\n"
	"  message TEXT NOT NULL,\n"
	"  PRIMARY KEY (evaluation_id, seq)) WITHOUT ROWID;\n"
	"CREATE TABLE figure(\n"
	"  department_id INTEGER NOT NULL REFERENCES department(id),\n"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),\n"
	"  item TEXT NOT NULL,\n"
	"  value_cents INTEGER NOT NULL,\n"
	"  provenance TEXT NOT NULL CHECK (provenance IN ('real','synthetic')),\n"
	"  source_name TEXT NOT NULL,\n"
	"  PRIMARY KEY (department_id, year, item)) WITHOUT ROWID;\n",
	/* 1 -> 2: indicator aliases and configurable grade bands */
	"CREATE TABLE alias(\n"
	"  old_key TEXT PRIMARY KEY,\n"
	"  new_key TEXT NOT NULL) WITHOUT ROWID;\n"
	"CREATE TABLE grade_band(\n"
	"  grade TEXT PRIMARY KEY,\n"
	"  min_score REAL NOT NULL CHECK (min_score >= 0 AND min_score <= 100));\n"
	"INSERT INTO grade_band VALUES ('优', 90), ('良', 80), ('中', 60), ('差', 0);\n",
	/* 2 -> 3: framework breaks declared by people (detected ones are computed on read) */
	"CREATE TABLE framework_break(\n"
	"  department_id INTEGER NOT NULL REFERENCES department(id),\n"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),\n"
	"  is_break INTEGER NOT NULL CHECK (is_break IN (0, 1)),\n"
	"  PRIMARY KEY (department_id, year)) WITHOUT ROWID;\n",
	/* 3 -> 4: project evaluations (项目支出绩效自评表). An evaluation gets a scope:
	 * project_id NULL is the department as a whole (every evaluation so far), else
	 * one project of the department. The UNIQUE constraint must include the
	 * project, so the table is rebuilt (foreign keys are off during migrations:
	 * dropping the old table must not cascade to the indicator rows). Rows gain
	 * target, actual value, reason and their parsed forms; CHECKs are written as
	 * comparisons, not IN lists, which cost every multi-row INSERT a temporary
	 * index. */
	"CREATE TABLE project(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  department_id INTEGER NOT NULL REFERENCES department(id),\n"
	"  key TEXT NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  UNIQUE (department_id, key));\n"
	"CREATE TABLE project_alias(\n"
	"  old_key TEXT PRIMARY KEY,\n"
	"  new_key TEXT NOT NULL) WITHOUT ROWID;\n"
	"CREATE TABLE evaluation_v4(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  department_id INTEGER NOT NULL REFERENCES department(id),\n"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('self','review')),\n"
	"  declared_weight REAL,\n"
	"  declared_score REAL,\n"
	"  self_score REAL,\n"
	"  total_weight REAL NOT NULL,\n"
	"  total_score REAL NOT NULL,\n"
	"  grade TEXT NOT NULL,\n"
	"  provenance TEXT NOT NULL CHECK (provenance IN ('real','synthetic')),\n"
	"  problems TEXT, suggestions TEXT, conclusion TEXT,\n"
	"  source_name TEXT NOT NULL,\n"
	"  source_sha256 TEXT NOT NULL,\n"
	"  content_sha256 TEXT NOT NULL,\n"
	"  imported_at TEXT NOT NULL,\n"
	"  project_id INTEGER REFERENCES project(id),\n"
	"  project_name TEXT,\n"
	"  supervisor TEXT, implementer TEXT, goal TEXT, outcome TEXT,\n"
	"  UNIQUE (department_id, year, kind, project_id));\n"
	"INSERT INTO evaluation_v4(id, department_id, year, kind, declared_weight, "
	"declared_score,\n"
	"  self_score, total_weight, total_score, grade, provenance, problems, suggestions,\n"
	"  conclusion, source_name, source_sha256, content_sha256, imported_at)\n"
	"  SELECT id, department_id, year, kind, declared_weight, declared_score, self_score,\n"
	"  total_weight, total_score, grade, provenance, problems, suggestions, conclusion,\n"
	"  source_name, source_sha256, content_sha256, imported_at FROM evaluation;\n"
	"DROP TABLE evaluation;\n"
	"ALTER TABLE evaluation_v4 RENAME TO evaluation;\n"
	"CREATE UNIQUE INDEX evaluation_department ON evaluation(department_id, year, kind)\n"
	"  WHERE project_id IS NULL;\n"
	"ALTER TABLE indicator ADD COLUMN target TEXT;\n"
	"ALTER TABLE indicator ADD COLUMN actual TEXT;\n"
	"ALTER TABLE indicator ADD COLUMN reason TEXT;\n"
	"ALTER TABLE indicator ADD COLUMN target_bound TEXT CHECK (target_bound IS NULL OR\n"
	"  target_bound = 'ge' OR target_bound = 'gt' OR target_bound = 'le' OR\n"
	"  target_bound = 'lt' OR target_bound = 'eq');\n"
	"ALTER TABLE indicator ADD COLUMN target_value REAL;\n"
	"ALTER TABLE indicator ADD COLUMN target_unit TEXT;\n"
	"ALTER TABLE indicator ADD COLUMN actual_value REAL;\n"
	"ALTER TABLE indicator ADD COLUMN actual_unit TEXT;\n"
	"ALTER TABLE indicator ADD COLUMN completion TEXT CHECK (completion IS NULL OR\n"
	"  completion = 'met' OR completion = 'missed' OR completion = 'unknown');\n"
	"CREATE TABLE project_figure(\n"
	"  project_id INTEGER NOT NULL REFERENCES project(id),\n"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),\n"
	"  item TEXT NOT NULL,\n"
	"  value_cents INTEGER NOT NULL,\n"
	"  provenance TEXT NOT NULL CHECK (provenance IN ('real','synthetic')),\n"
	"  source_name TEXT NOT NULL,\n"
	"  PRIMARY KEY (project_id, year, item)) WITHOUT ROWID;\n",
	/* 4 -> 5: the weight of the rows with a known score; a total with a missing score is
	 * unknown and has no grade (it was graded as if the score were 0) */
	"ALTER TABLE evaluation ADD COLUMN scored_weight REAL;\n"
	"UPDATE evaluation SET scored_weight = (SELECT total(i.weight) FROM indicator i\n"
	"  WHERE i.evaluation_id = evaluation.id AND i.score IS NOT NULL);\n"
	"UPDATE evaluation SET grade = '' WHERE scored_weight < total_weight - 1e-9;\n",
	/* 5 -> 6: indicator rows by key, so that an alias between two indicators that
	 * occur in one evaluation is found (and refused) without reading every row */
	"CREATE INDEX indicator_by_key ON indicator(key);\n",
	/* 6 -> 7: the department's functions (部门主要职能) as its report states them */
	"ALTER TABLE evaluation ADD COLUMN functions TEXT;\n",
	/* 7 -> 8: indicator.score_origin's CHECK as comparisons (origin_check, below) */
	NULL,
	/* 8 -> 9: the staffing sentence(s) (实有在职人员 …) as the report states them */
	"ALTER TABLE evaluation ADD COLUMN staffing TEXT;\n",
	/* 9 -> 10: no index on indicator(key). Kept up on every imported row it cost an import
	 * into a database that already holds data more than everything else the import writes
	 * (issue 23); the alias checks, its only user, read the rows of their keys once per
	 * command instead (alias.c). */
	"DROP INDEX IF EXISTS indicator_by_key;\n",
};

#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

int jx__db_error(sqlite3 *db, const char *what)
{
	int code = db ? sqlite3_errcode(db) & 0xff : 0;
	if ((code == SQLITE_CORRUPT || code == SQLITE_NOTADB) && jx__store_is_immutable(db))
		return jx__error(JX_EDB,
				 _("%s: the database changed while it was being read without locks "
				   "(this user may not write to it); run the command again"),
				 what);
	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		return jx__error(JX_EDB,
				 _("the database file is damaged (%s: %s); nothing was changed: "
				   "restore it from a backup"),
				 what, sqlite3_errmsg(db));
	return jx__error(JX_EDB, "%s: %s", what, db ? sqlite3_errmsg(db) : "no database");
}

int jx__prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return jx__db_error(db, "prepare");
	return 0;
}

int jx__exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		int rc = jx__error(JX_EDB, _("database: %s"), err ? err : sqlite3_errmsg(db));
		sqlite3_free(err);
		return rc;
	}
	return 0;
}

int jx__bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

int jx__bind_double(sqlite3_stmt *st, int i, double v)
{
	return isnan(v) ? sqlite3_bind_null(st, i) : sqlite3_bind_double(st, i, v);
}

int jx__bind_static(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

double jx__column_double(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

char *jx__column_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return jx__strdup(s ? (const char *)s : "");
}

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = jx__prepare(db, &st, sql);
	if (rc)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	else
		rc = jx__db_error(db, sql);
	sqlite3_finalize(st);
	return rc;
}

static int migrate(sqlite3 *db, int from, int to);

/* Migration 7 -> 8. SQLite builds a temporary index for a CHECK's IN list of
 * three or more values for every row a multi-row INSERT inserts: with
 * score_origin IN ('stated','inferred','missing') that was a quarter of the
 * import's SQL time (issue 23). The constraint is replaced by the equivalent
 * comparisons in place, by SQLite's documented procedure for changing a CHECK
 * (https://sqlite.org/lang_altertable.html#otheralter): edit the table's SQL
 * with writable_schema and bump schema_version; no row moves. */
static int origin_check(sqlite3 *db)
{
	static const char edit[] =
		"UPDATE sqlite_schema SET sql = replace(sql,"
		" 'CHECK (score_origin IN (''stated'',''inferred'',''missing''))',"
		" 'CHECK (score_origin = ''stated'' OR score_origin = ''inferred'' OR"
		" score_origin = ''missing'')')"
		" WHERE type = 'table' AND name = 'indicator'"
		" AND instr(sql, 'score_origin IN (''stated'',''inferred'',''missing'')') > 0";
	char sql[64];
	int version = 0, rc;
	if ((rc = pragma_int(db, "PRAGMA schema_version", &version)) != 0 ||
	    (rc = jx__exec(db, "PRAGMA writable_schema = ON")) != 0)
		return rc;
	if ((rc = jx__exec(db, edit)) == 0 && sqlite3_changes(db) != 1)
		rc = jx__error(JX_EDB, _("indicator's score_origin CHECK is not the expected one"));
	snprintf(sql, sizeof(sql), "PRAGMA schema_version = %d", version + 1);
	if (rc == 0)
		rc = jx__exec(db, sql);
	sqlite3_exec(db, "PRAGMA writable_schema = OFF", NULL, NULL, NULL);
	return rc;
}

/* Foreign keys are off while tables are rebuilt (PRAGMA foreign_keys is a no-op
 * inside a transaction, so around it); the result is checked before COMMIT. */
int jx__store_migrate(sqlite3 *db, int from, int to)
{
	int fk = 0, rc;
	if ((rc = pragma_int(db, "PRAGMA foreign_keys", &fk)) != 0 ||
	    (rc = jx__exec(db, "PRAGMA foreign_keys = OFF")) != 0)
		return rc;
	rc = migrate(db, from, to);
	if (fk)
		sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return rc;
}

/* The foreign_key_check of the migrated schema: 0 when nothing dangles. */
static int foreign_keys_hold(sqlite3 *db)
{
	sqlite3_stmt *st;
	int rc = jx__prepare(db, &st, "PRAGMA foreign_key_check");
	if (rc)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = jx__error(JX_EDB, _("a row of table %s refers to a missing row"),
			       (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

static int migrate(sqlite3 *db, int from, int to)
{
	char sql[64];
	int rc;
	if ((rc = jx__exec(db, "BEGIN IMMEDIATE")) != 0)
		return rc;
	/* another process may have migrated between our check and the write lock */
	if ((rc = pragma_int(db, "PRAGMA user_version", &from)) != 0 || from >= to) {
		sqlite3_exec(db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
		return rc;
	}
	for (int v = from; v < to && rc == 0; v++)
		rc = migrations[v] ? jx__exec(db, migrations[v]) : origin_check(db);
	if (rc == 0) {
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", to);
		rc = jx__exec(db, sql);
	}
	if (rc == 0) {
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", (int)JX_APPLICATION_ID);
		rc = jx__exec(db, sql);
	}
	if (rc == 0)
		rc = foreign_keys_hold(db);
	if (rc == 0)
		rc = jx__exec(db, "COMMIT");
	if (rc != 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		rc = jx__error_prefix(JX_EDB, _("migrating the database to version %d failed: "),
				      to);
	}
	return rc;
}

static int check_and_migrate(jx_store *s, const char *path)
{
	int app = 0, version = 0, ntables = 0, rc;
	if ((rc = pragma_int(s->db, "PRAGMA application_id", &app)) ||
	    (rc = pragma_int(s->db, "PRAGMA user_version", &version)) ||
	    (rc = pragma_int(s->db, "SELECT count(*) FROM sqlite_master", &ntables)))
		return rc;
	s->opened_version = version;
	if (app != (int)JX_APPLICATION_ID && (app != 0 || ntables != 0))
		return jx__error(JX_EINVAL, _("%s: not a jixiao database (application_id %d)"),
				 path, app);
	if (version > JX_SCHEMA_VERSION)
		return jx__error(JX_EVERSION,
				 _("%s: database schema version %d is newer than this jixiao "
				   "understands (%d); upgrade jixiao"),
				 path, version, JX_SCHEMA_VERSION);
	if (version == JX_SCHEMA_VERSION)
		return 0;
	if (s->readonly && s->migrate_first)
		return 1;
	if (s->readonly)
		return jx__error(JX_EVERSION,
				 _("%s: database needs migration from version %d; open it "
				   "read-write once"),
				 path, version);
	/* A new file gets 16 KiB pages (SQLite's default is 4 KiB): a bulk import writes a
	 * quarter of the pages and b-tree cells, 15-20% less time at province scale (issue 23,
	 * performance.md); the page cache stays the same number of bytes. Only an empty file
	 * takes a page size; an existing one keeps its own. */
	if (version == 0 && ntables == 0 && (rc = jx__exec(s->db, "PRAGMA page_size = 16384")))
		return rc;
	return jx__store_migrate(s->db, version, JX_SCHEMA_VERSION);
}

/* No output of this process may write over the open database (jx_output_check). */
static int protect(jx_store *s, const char *path)
{
	int rc;
	if (!(s->path = jx__strdup(path)))
		return jx__oom();
	if ((rc = jx_output_protect(path)) != 0) {
		free(s->path);
		s->path = NULL;
	}
	return rc;
}

/* What is at path, said clearly before SQLite says "unable to open database file": no file
 * (run init), no directory, a link to nothing, a directory, an empty file (never silently
 * made a database: only init or a new import creates one). 0 when it may be opened. */
static int check_path(const char *path, int create)
{
	struct stat st, target;
	char *dir;
	if (!strcmp(path, ":memory:") || !strncmp(path, "file:", 5))
		return 0;
	if (lstat(path, &st) != 0) {
		const char *slash = strrchr(path, '/');
		dir = slash ? jx__strndup(path, (size_t)(slash - path + (slash == path))) : NULL;
		if (dir && stat(dir, &target) != 0) {
			int rc = jx__error(JX_ENOTFOUND, _("%s: the directory %s does not exist"),
					   path, dir);
			free(dir);
			return rc;
		}
		free(dir);
		if (errno == ENOENT && !create)
			return jx__error(
				JX_ENOTFOUND,
				_("%s: no database here; create one with `jixiao init` (or "
				  "name another with --db)"),
				path);
		return 0;
	}
	if (S_ISLNK(st.st_mode) && stat(path, &target) != 0)
		return jx__error(JX_ENOTFOUND,
				 _("%s: a symbolic link to a file that does not exist"), path);
	if (S_ISDIR(st.st_mode) || (S_ISLNK(st.st_mode) && S_ISDIR(target.st_mode)))
		return jx__error(JX_EINVAL, _("%s: is a directory, not a database"), path);
	if (!S_ISLNK(st.st_mode) && st.st_size == 0 && !create)
		return jx__error(JX_EINVAL,
				 _("%s: an empty file, not a jixiao database (run `jixiao init` to "
				   "make it one)"),
				 path);
	return 0;
}

/* A read-only open of a file that needs migration: migrate it read-write once, then open
 * it read-only as asked. */
static int migrate_then_open(jx_store **out, const char *path, int flags)
{
	jx_store *rw = NULL;
	int rc = jx_store_open(&rw, path, 0);
	jx_store_free(rw);
	return rc ? rc : jx_store_open(out, path, flags & ~JX_STORE_MIGRATE_FIRST);
}

static int open_db(jx_store *s, const char *path, int flags)
{
	char *uri = NULL;
	int oflags, rc = 0;
	s->readonly = (flags & JX_STORE_READONLY) != 0;
	s->migrate_first = (flags & JX_STORE_MIGRATE_FIRST) != 0;
	s->private_file = (flags & JX_STORE_PRIVATE) != 0;
	oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if ((flags & JX_STORE_CREATE) && !s->readonly)
		oflags |= SQLITE_OPEN_CREATE;
	if (s->readonly && (rc = jx__store_readonly_name(&uri, path)) != 0)
		return rc;
	if (sqlite3_open_v2(uri ? uri : path, &s->db,
			    oflags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0),
			    NULL) != SQLITE_OK)
		rc = jx__error(JX_EDB, _("%s: cannot open database: %s"), path,
			       s->db ? sqlite3_errmsg(s->db) : "out of memory");
	free(uri);
	return rc;
}

/* Set the journal mode. Changing it needs an exclusive lock, and SQLite answers
 * SQLITE_BUSY at once, without the busy handler, while another connection holds
 * the file (a concurrent import that has just created it): retry for as long as
 * the busy timeout would have waited. */
static int journal_mode(sqlite3 *db, const char *sql)
{
	for (int waited = 0;; waited += 10) {
		int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= 60000)
			return jx__exec(db, sql); /* the error, as jx__exec words it */
		sqlite3_sleep(10);
	}
}

int jx_store_open(jx_store **out, const char *path, int flags)
{
	jx_store *s;
	int rc;
	*out = NULL;
	if ((rc = check_path(path, (flags & JX_STORE_CREATE) != 0)) != 0)
		return rc;
	if (!(s = calloc(1, sizeof(*s))))
		return jx__oom();
	if ((rc = open_db(s, path, flags)) != 0)
		goto fail;
	sqlite3_busy_timeout(s->db, 60000);
	sqlite3_extended_result_codes(s->db, 1);
	if ((rc = jx__exec(s->db, "PRAGMA foreign_keys = ON")) != 0)
		goto fail;
	/* check before anything writes: a refused file (not ours, or newer) stays untouched */
	if ((rc = check_and_migrate(s, path)) == 1) {
		jx_store_free(s);
		return migrate_then_open(out, path, flags);
	}
	if (rc != 0)
		goto fail;
	if (!s->readonly && strcmp(path, ":memory:") != 0 &&
	    (rc = journal_mode(s->db, (flags & JX_STORE_PRIVATE) ? "PRAGMA journal_mode = MEMORY"
								 : "PRAGMA journal_mode = WAL")) !=
		    0) {
		rc = jx__error_prefix(JX_EDB, "%s: ", path);
		goto fail;
	}
	if ((rc = protect(s, path)) != 0)
		goto fail;
	*out = s;
	return 0;
fail:
	jx_store_free(s);
	return rc;
}

void jx_store_free(jx_store *s)
{
	if (!s)
		return;
	jx__series_cache_free(&s->series);
	sqlite3_close(s->db);
	if (s->path)
		jx_output_unprotect(s->path);
	free(s->path);
	free(s);
}

int jx_store_opened_version(const jx_store *s)
{
	return s->opened_version;
}

struct sqlite3 *jx__store_sqlite(jx_store *s)
{
	return s->db;
}

void jx_strings_free(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
