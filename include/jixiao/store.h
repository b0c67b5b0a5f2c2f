/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.h -- the SQLite store: one database file keeps every evaluation.
 *
 * Schema in docs/schema.md. Every connection turns foreign keys on, uses
 * WAL and a busy timeout. Imports are transactions: on any error nothing
 * of the batch is written.
 */
#ifndef JIXIAO_STORE_H
#define JIXIAO_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jx_store jx_store;

/** The schema version this build writes (PRAGMA user_version). */
#define JX_SCHEMA_VERSION 10
/** PRAGMA application_id of a jixiao database ("JXDB"). */
#define JX_APPLICATION_ID 0x4A584442

enum {
	JX_STORE_CREATE = 1 << 0,   /**< create the file if missing */
	JX_STORE_READONLY = 1 << 1, /**< open read-only (no migration) */
	/** with JX_STORE_READONLY: a file of an older schema is migrated read-write
	 *  first (as any writer would), then opened read-only */
	JX_STORE_MIGRATE_FIRST = 1 << 2,
	/** a file no other connection opens until it is closed (a new database being built
	 *  under a temporary name): its transactions keep their rollback journal in memory
	 *  instead of writing every page twice through the WAL; the next open turns WAL on */
	JX_STORE_PRIVATE = 1 << 3
};

/**
 * Open (and migrate forward) a database; ":memory:" works. A file that is
 * not a jixiao database, or was written by a newer version, is refused
 * (JX_EINVAL / JX_EVERSION). *out is the caller's, freed with jx_store_free.
 * Read-only, a process that may not write the file or its directory creates
 * no -wal/-shm beside it: it reads the file with SQLite's immutable=1 when no
 * write is unfinished, and is refused (JX_EDB) when one is.
 */
JX_API int jx_store_open(jx_store **out, const char *path, int flags);
JX_API void jx_store_free(jx_store *s);

/** The schema version found in the file before migration (0 for a new file). */
JX_API int jx_store_opened_version(const jx_store *s);

enum {
	JX_IMPORT_REPLACE = 1 << 0, /**< replace different content for the same identity */
	JX_IMPORT_DRY_RUN = 1 << 1  /**< validate and count, then roll back */
};

/** What an import did, per evaluation or figure set. */
typedef struct {
	size_t added, replaced, unchanged;                         /**< evaluations */
	size_t figures_added, figures_replaced, figures_unchanged; /**< figure sets */
	size_t rows;                                               /**< indicator rows written */
} jx_import_stats;

/**
 * Import batches in ONE transaction. Identical content already stored is
 * counted unchanged; different content for an existing (department, year,
 * kind) is refused with JX_EEXISTS (naming it) unless JX_IMPORT_REPLACE.
 * On any error the database is left as it was. stats may be NULL.
 */
JX_API int jx_store_import(jx_store *s, jx_batch *const *batches, size_t nbatches, unsigned flags,
			   jx_import_stats *stats);

/**
 * An import in progress: one transaction, from jx_import_begin to
 * jx_import_commit, fed one evaluation or figure set at a time (e.g. from
 * jx_read_file_stream) so that memory does not grow with the input. The
 * checks and outcomes are those of jx_store_import. After the first error
 * every call returns it and nothing is written; freeing an import that was
 * not committed rolls it back.
 */
typedef struct jx_import jx_import;

/** Begin an import (BEGIN IMMEDIATE) with JX_IMPORT_* flags. *out freed with jx_import_free. */
JX_API int jx_import_begin(jx_import **out, jx_store *s, unsigned flags);
/**
 * Store one evaluation read from source_name. source_sha256 is the hex
 * SHA-256 of the source's bytes, or NULL when it is not known yet: then
 * jx_import_source_end gives it to every evaluation stored since.
 */
JX_API int jx_import_evaluation(jx_import *im, const char *source_name, const char *source_sha256,
				const jx_evaluation *ev);
/** Store one figure set read from source_name. */
JX_API int jx_import_figures(jx_import *im, const char *source_name, const jx_figures *f);
/** The SHA-256 of the source just read, for the evaluations stored without one. */
JX_API int jx_import_source_end(jx_import *im, const char *source_sha256);
/**
 * Commit (roll back under JX_IMPORT_DRY_RUN, or after an error); stats may be
 * NULL. Returns the import's first error, or 0.
 */
JX_API int jx_import_commit(jx_import *im, jx_import_stats *stats);
/** Free (rolling back an import that was not committed). NULL-safe. */
JX_API void jx_import_free(jx_import *im);

/** One line of `jixiao list`. */
typedef struct {
	char *department;
	int year;
	jx_kind kind;
	char *project; /**< the project's name (its key's), NULL for a department evaluation */
	double total_weight; /**< sum of row weights */
	double total_score;  /**< sum of the scores; NaN (unknown) when a score is missing */
	char *grade;         /**< "" when the total is unknown */
	double deducted; /**< sum over rows of weight − score (known scores: scored_weight − their
			      scores) */
	jx_provenance provenance;
	size_t nrows, nmissing, ninferred, nwarnings;
	char *source_name;
	double scored_weight; /**< weight of the rows with a known score (= total_weight when none
				   is missing) */
} jx_eval_summary;

/** Filter for listings; NULL/0 fields mean "any". */
typedef struct {
	const char *department;
	int year_from, year_to; /**< 0 = open */
	int kind;               /**< -1 any, else jx_kind */
	/** NULL: evaluations of departments as a whole only (as before projects);
	 *  JX_PROJECT_ALL: every project evaluation; else one project's key (see
	 *  jx_store_find_project), aliases followed. */
	const char *project;
} jx_filter;

/** jx_filter.project for "every project". */
#define JX_PROJECT_ALL "*"

/** All matching evaluations ordered by department, year, kind. *out freed with jx_eval_summaries_free. */
JX_API int jx_store_list(jx_store *s, const jx_filter *f, jx_eval_summary **out, size_t *n);
JX_API void jx_eval_summaries_free(jx_eval_summary *v, size_t n);
/** Called by jx_store_list_each for each evaluation in turn: 0 goes on, anything else (a
 *  JX_E* code with its message) stops the listing and is returned. e's strings are freed
 *  when fn returns, except those fn takes (it sets their pointers to NULL). */
typedef int (*jx_eval_summary_fn)(void *ctx, jx_eval_summary *e);
/** jx_store_list one evaluation at a time, in the same order, without holding the listing
 *  (80,000 evaluations take ~19 MB as an array). Returns 0 or the first failure. */
JX_API int jx_store_list_each(jx_store *s, const jx_filter *f, jx_eval_summary_fn fn, void *ctx);

/**
 * Load one stored evaluation whole (rows in source order, warnings, texts).
 * JX_ENOTFOUND when absent. *out freed with jx_evaluation_free.
 */
JX_API int jx_store_load_evaluation(jx_store *s, jx_evaluation **out, const char *department,
				    int year, jx_kind kind);
/**
 * The same for one project of the department (project: a key, aliases
 * followed; NULL is jx_store_load_evaluation). ev->project is the name as
 * the table wrote it that year.
 */
JX_API int jx_store_load_project_evaluation(jx_store *s, jx_evaluation **out,
					    const char *department, const char *project, int year,
					    jx_kind kind);

/** Figures of one department and year; JX_ENOTFOUND when none. *out freed with jx_figures_free. */
JX_API int jx_store_load_figures(jx_store *s, jx_figures **out, const char *department, int year);
/** A project's figures (its fund block) of one year; project is a key (aliases followed). */
JX_API int jx_store_load_project_figures(jx_store *s, jx_figures **out, const char *department,
					 const char *project, int year);

/* ---- projects ---- */

/** One project of a department, as jx_store_projects lists it. */
typedef struct {
	char *key;  /**< alias-resolved key */
	char *name; /**< display name (latest year's, without its year) */
	int year_first, year_last;
	size_t nyears; /**< years with a self-evaluation or review */
} jx_project_info;

/** The projects of a department (aliases merged), ordered by name. *out freed with
 *  jx_project_infos_free. A department without projects gives n = 0. */
JX_API int jx_store_projects(jx_store *s, jx_project_info **out, size_t *n, const char *department);
JX_API void jx_project_infos_free(jx_project_info *v, size_t n);

/**
 * Find a project of department by name: its key (the name normalised without
 * a leading year, aliases followed), else the one project whose key contains
 * it. department NULL: any department. No match is JX_ENOTFOUND, several are
 * JX_EINVAL naming them. *key_out (free()) is the project's key.
 */
JX_API int jx_store_find_project(jx_store *s, char **key_out, const char *department,
				 const char *name);

/** Map a renamed project onto its successor (names or keys; normalised like project names). */
JX_API int jx_store_project_alias_add(jx_store *s, const char *old_name, const char *new_name);
JX_API int jx_store_project_alias_remove(jx_store *s, const char *old_name);
/** All project aliases as parallel arrays (free both with jx_strings_free). */
JX_API int jx_store_project_alias_list(jx_store *s, char ***olds, char ***news, size_t *n);

/**
 * Find a stored department by name: the exact name, else the one department
 * whose name contains `name` (so "财政局" finds "示例市财政局"). No match is
 * JX_ENOTFOUND; several matches are JX_EINVAL naming them. *out (free())
 * is the full name.
 */
JX_API int jx_store_find_department(jx_store *s, char **out, const char *name);

/** Department names, sorted. *out is an array of n strings; free with jx_strings_free. */
JX_API int jx_store_departments(jx_store *s, char ***out, size_t *n);

/**
 * Read as one snapshot until jx_store_read_end: a read transaction around many
 * reads (one set of locks instead of one per statement; every read sees the same
 * data). Calls nest; inside an import's transaction they do nothing. Never write
 * between the two. 0 or JX_EDB.
 */
JX_API int jx_store_read_begin(jx_store *s);
/** End what jx_store_read_begin began (the outermost call ends the transaction). */
JX_API void jx_store_read_end(jx_store *s);

JX_API void jx_strings_free(char **v, size_t n);

/* ---- the series the analysis reads ---- */

/** One scored row of one year, with its key resolved through aliases. */
typedef struct {
	int year;
	const char *level1, *level2, *level3; /**< borrowed from the series' string pool */
	const char *key;                      /**< alias-resolved canonical key */
	double weight;
	double score; /**< NaN when missing */
	jx_origin origin;
} jx_score_row;

/** Per-evaluation header inside a series. */
typedef struct {
	int year;
	double total_weight, total_score; /**< sums over rows (known scores) */
	size_t nmissing;
	jx_provenance provenance;
} jx_series_year;

/**
 * A framework break declared by people (`jixiao framework add|remove`): the
 * year a new indicator framework starts (is_break 1), or a year detection
 * would call a break that is not one (is_break 0). Detected breaks are not
 * stored: the analysis finds them on read (docs/methods.md §2).
 */
typedef struct {
	int year;
	int is_break;
} jx_break_decl;

/** All rows of one department (or one of its projects) and kind in a year range,
 *  ordered by year then source order. */
typedef struct {
	char *department;
	jx_kind kind;
	char *project;     /**< the project's display name, NULL for the department as a whole */
	char *project_key; /**< the key it was read by (jx_store_project_series), or NULL */
	jx_series_year *years;
	size_t nyears;
	jx_score_row *rows;
	size_t nrows;
	void *pool_;           /* private */
	jx_break_decl *breaks; /**< the department's declared breaks, by year (any year) */
	size_t nbreaks;
} jx_series;

/**
 * Load a department's series (year_from/year_to 0 = open). A department
 * with no evaluation of that kind in range gives JX_ENOTFOUND.
 * *out freed with jx_series_free.
 */
JX_API int jx_store_series(jx_store *s, jx_series **out, const char *department, jx_kind kind,
			   int year_from, int year_to);
/** The series of one project of department (project: a key, aliases followed; NULL is
 *  jx_store_series). */
JX_API int jx_store_project_series(jx_store *s, jx_series **out, const char *department,
				   const char *project, jx_kind kind, int year_from, int year_to);
JX_API void jx_series_free(jx_series *sr);

/** Called with each department's series by jx_store_year_series; non-zero stops the pass. */
typedef int (*jx_series_fn)(void *ctx, const jx_series *sr);
/**
 * The series of every department with an evaluation of kind in year (its own, not its
 * projects'), read in one statement in department-name order (jx_store_departments'): what
 * jx_store_series(s, .., name, kind, year, year) gives each, without the framework breaks
 * (a one-year series has no use for them). Each series is lent to fn for the call only.
 * 0, fn's non-zero return, or JX_EDB / JX_ENOMEM.
 */
JX_API int jx_store_year_series(jx_store *s, int year, jx_kind kind, jx_series_fn fn, void *ctx);

/** Per-department, per-year totals of one kind for one year (for ranking). */
typedef struct {
	char *department;
	double total_score, total_weight; /**< total_score NaN when a score is missing */
	char *grade;                      /**< "" then */
	char *project; /**< the project's name, NULL for a department evaluation */
} jx_year_total;
JX_API int jx_store_year_totals(jx_store *s, jx_year_total **out, size_t *n, int year,
				jx_kind kind);
/** The same for project evaluations: project JX_PROJECT_ALL (every project of every
 *  department, or of department when not NULL) or one key (that project wherever it is). */
JX_API int jx_store_project_year_totals(jx_store *s, jx_year_total **out, size_t *n, int year,
					jx_kind kind, const char *department, const char *project);
JX_API void jx_year_totals_free(jx_year_total *v, size_t n);

/* ---- declared framework breaks (table framework_break) ---- */

/**
 * Declare that a new framework starts in year (is_break 1) or that year is
 * no break whatever detection says (is_break 0), replacing an earlier
 * declaration for that year. department is a stored name (exact).
 * JX_ENOTFOUND when no such department; JX_EINVAL for a year outside 1900–2100.
 */
JX_API int jx_store_framework_declare(jx_store *s, const char *department, int year, int is_break);
/** Drop the declaration for that year; JX_ENOTFOUND when there is none. */
JX_API int jx_store_framework_undeclare(jx_store *s, const char *department, int year);
/** The declarations of a department by year; *out (free()) may be NULL when n is 0. */
JX_API int jx_store_framework_list(jx_store *s, const char *department, jx_break_decl **out,
				   size_t *n);

/* ---- aliases ---- */

/**
 * Map old onto new (both are keys or names; they are normalised first).
 * Refuses a mapping that would make a cycle (JX_EINVAL).
 */
JX_API int jx_store_alias_add(jx_store *s, const char *old_key, const char *new_key);
JX_API int jx_store_alias_remove(jx_store *s, const char *old_key);
/**
 * Add n aliases in one transaction, all or nothing. On failure *failed is
 * the index of the pair that was refused (n when the failure was not a
 * pair's) and nothing is stored.
 */
JX_API int jx_store_alias_add_all(jx_store *s, const jx_alias_pair *pairs, size_t n,
				  size_t *failed);
/** Follow aliases from key to its final successor. *out new string (free()). */
JX_API int jx_store_alias_resolve(jx_store *s, char **out, const char *key);
/** All aliases as parallel arrays (free both with jx_strings_free). */
JX_API int jx_store_alias_list(jx_store *s, char ***olds, char ***news, size_t *n);

/* ---- grades ---- */

/** A grade band: scores >= min_score (as a percentage of total weight) get this grade. */
typedef struct {
	char grade[16];
	double min_score;
} jx_grade_band;

/** Bands sorted by min_score descending (default 优 90, 良 80, 中 60, 差 0). */
JX_API int jx_store_grade_bands(jx_store *s, jx_grade_band *out, size_t cap, size_t *n);
/** Replace the bands (sorted internally). Evaluations' stored grades are recomputed. */
JX_API int jx_store_set_grade_bands(jx_store *s, const jx_grade_band *bands, size_t n);
/** Grade of a score out of total_weight using bands. Borrowed string. */
JX_API const char *jx_grade_of(const jx_grade_band *bands, size_t n, double score,
			       double total_weight);

/* ---- reading stored rows in canonical order (for the canonical writers) ---- */

/** One stored score row; strings are borrowed for the length of the callback. */
typedef struct {
	const char *department;
	int year;
	jx_kind kind;
	const char *level1, *level2, *level3, *explanation;
	double weight, score; /**< score NaN when missing */
	jx_origin origin;
	jx_provenance provenance;
	const char *project;                  /**< NULL for a department evaluation */
	const char *target, *actual, *reason; /**< NULL when none */
	const char *staffing; /**< the evaluation's staffing sentences, NULL when none */
} jx_stored_score;

/** One stored figure; strings borrowed for the length of the callback. */
typedef struct {
	const char *department;
	int year;
	const char *item;
	int64_t cents;
	jx_provenance provenance;
	const char *project; /**< NULL for a department's figures */
} jx_stored_figure;

/** Called once per row; a non-zero return stops the scan and is returned. */
typedef int (*jx_stored_score_fn)(void *ctx, const jx_stored_score *row);
typedef int (*jx_stored_figure_fn)(void *ctx, const jx_stored_figure *row);

/**
 * Every score row matching f, ordered by department, year, kind (self
 * first) and source order, handed to fn one at a time (constant memory).
 */
JX_API int jx_store_scan_scores(jx_store *s, const jx_filter *f, jx_stored_score_fn fn, void *ctx);
/** Every figure matching f (kind ignored), ordered by department, year, canonical item order. */
JX_API int jx_store_scan_figures(jx_store *s, const jx_filter *f, jx_stored_figure_fn fn,
				 void *ctx);
/**
 * *out = the one jx_provenance every matching evaluation (figures: figure)
 * shares, or -1 when they mix or none match.
 */
JX_API int jx_store_uniform_provenance(jx_store *s, int *out, const jx_filter *f, int figures);

/** The optional columns of the canonical files that some matching row fills. */
enum {
	JX_COLUMN_PROJECT = 1 << 0,
	JX_COLUMN_TARGET = 1 << 1,
	JX_COLUMN_ACTUAL = 1 << 2,
	JX_COLUMN_REASON = 1 << 3,
	JX_COLUMN_STAFFING = 1 << 4
};
/** *out = the JX_COLUMN_* bits some row matching f has a value for (figures: only
 *  PROJECT). */
JX_API int jx_store_optional_columns(jx_store *s, unsigned *out, const jx_filter *f, int figures);

/** The years with figures of a department, ascending, within [from, to] (0 = open).
 *  *out malloc'd (free()). */
JX_API int jx_store_figure_years(jx_store *s, int **out, size_t *n, const char *department,
				 int from, int to);

#ifdef __cplusplus
}
#endif
#endif
