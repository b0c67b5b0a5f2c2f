/* SPDX-License-Identifier: GPL-3.0-or-later */
/* database.c -- an import into a database file, created atomically when new.
 *
 * A new database is built under a temporary name beside its path and linked
 * into place only when the import succeeded (link() refuses to replace a
 * file that appeared meanwhile): a failed import leaves no file, and no one
 * sees a half-built one. No one else opens it meanwhile either, so it is
 * built with its rollback journal in memory (JX_STORE_PRIVATE): every page
 * is written once, not into the WAL and again at the checkpoint -- that
 * second write was what made a large import slower per row than a small one
 * (issue 23). SQLite syncs the file at the commit, before it is linked. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "import/internal.h"

#define PATH_MAX_LEN 4096

/* Remove a database file and its WAL companions. */
static void remove_db(const char *path)
{
	char side[PATH_MAX_LEN + 64];
	remove(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	remove(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	remove(side);
}

static int run(const char *path, int create, const char *const *files, size_t nfiles,
	       const jx_read_options *ro, unsigned flags, const jx_import_observer *obs,
	       jx_import_stats *stats)
{
	jx_store *s = NULL;
	jx_import *im = NULL;
	int rc;
	if ((rc = jx_store_open(&s, path, create ? JX_STORE_CREATE | JX_STORE_PRIVATE : 0)) == 0 &&
	    (rc = jx_import_begin(&im, s, flags)) == 0 &&
	    (rc = jx_import_files(im, files, nfiles, ro, obs)) == 0)
		rc = jx_import_commit(im, stats);
	jx_import_free(im);
	jx_store_free(s); /* closes (and checkpoints) before a new file is linked into place */
	return rc;
}

/* The directory a new database goes into exists; the message names the database, not the
 * temporary file it is built in. */
static int directory_exists(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[PATH_MAX_LEN + 1];
	struct stat st;
	if (!slash)
		return 0;
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path + (slash == path)), path);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return jx__error(JX_ENOTFOUND, _("%s: the directory %s does not exist"), path, dir);
	return 0;
}

int jx_import_into(const char *db_path, const char *const *files, size_t nfiles,
		   const jx_read_options *ro, unsigned flags, const jx_import_observer *obs,
		   jx_import_stats *stats)
{
	char tmp[PATH_MAX_LEN + 32];
	int rc;
	if (!strcmp(db_path, ":memory:") || access(db_path, F_OK) == 0 ||
	    (flags & JX_IMPORT_DRY_RUN))
		return run(db_path, 0, files, nfiles, ro, flags, obs, stats);
	if (strlen(db_path) > PATH_MAX_LEN)
		return jx__error(JX_EINVAL, _("%s: path too long"), db_path);
	if ((rc = directory_exists(db_path)) != 0) /* before a temporary name is made there */
		return rc;
	snprintf(tmp, sizeof(tmp), "%s.import-%ld", db_path, (long)getpid());
	remove_db(tmp);
	rc = run(tmp, 1, files, nfiles, ro, flags, obs, stats);
	if (rc == 0 && link(tmp, db_path) != 0)
		rc = jx__error(
			JX_EIO,
			_("%s: %s; nothing imported (the database was created by someone else "
			  "during the import: import again)"),
			db_path, strerror(errno));
	remove_db(tmp);
	return rc;
}
