/* SPDX-License-Identifier: GPL-3.0-or-later */
/* readonly.c -- how a read-only connection opens a WAL database without leaving files behind.
 *
 * A WAL database is read through its -wal and -shm files, which SQLite creates
 * when they are missing. A reader who may not write the database (another
 * user, a read-only file or mount, a directory it cannot write) must not
 * create them: they would belong to the reader, and the owner's next write
 * would fail on them ("attempt to write a readonly database"), or they cannot
 * be created at all. Such a reader opens the file with SQLite's `immutable`
 * URI parameter when no write is unfinished (no -wal, or an empty one), and
 * is refused when there is one and no -shm to read it through: only a writer
 * can bring such a file back together. docs/reliability.md tells the cases.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "store/internal.h"

/* "path" + suffix, malloc'd. */
static char *with_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), m = strlen(suffix);
	char *s = malloc(n + m + 1);
	if (s) {
		memcpy(s, path, n);
		memcpy(s + n, suffix, m + 1);
	}
	return s;
}

/* The size of path + suffix: -1 when there is no such file, -2 on ENOMEM. */
static long long side_file_size(const char *path, const char *suffix)
{
	struct stat st;
	char *name = with_suffix(path, suffix);
	long long size;
	if (!name)
		return -2;
	size = stat(name, &st) == 0 ? (long long)st.st_size : -1;
	free(name);
	return size;
}

/* 1 when this process may write both the file and its directory (where SQLite makes -wal). */
static int may_write(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int ok;
	if (access(path, W_OK) != 0)
		return 0;
	if (!slash)
		return access(".", W_OK) == 0;
	if (!(dir = jx__strndup(path, (size_t)(slash - path + (slash == path)))))
		return 0;
	ok = access(dir, W_OK) == 0;
	free(dir);
	return ok;
}

char *jx__store_immutable_uri(const char *path)
{
	/* "file:" + "//" (an empty authority before an absolute path) + path with
	 * '?', '#' and '%' as %XX + "?immutable=1" */
	size_t n = strlen(path), k = 0;
	char *uri = malloc(7 + 3 * n + 13);
	if (!uri)
		return NULL;
	k += (size_t)sprintf(uri, "file:%s", path[0] == '/' ? "//" : "");
	for (size_t i = 0; i < n; i++)
		if (path[i] == '?' || path[i] == '#' || path[i] == '%')
			k += (size_t)sprintf(uri + k, "%%%02X", (unsigned char)path[i]);
		else
			uri[k++] = path[i];
	strcpy(uri + k, "?immutable=1");
	return uri;
}

int jx__store_readonly_name(char **uri, const char *path)
{
	long long wal, shm, journal;
	*uri = NULL;
	if (!strcmp(path, ":memory:") || !strncmp(path, "file:", 5) || may_write(path))
		return 0;
	wal = side_file_size(path, "-wal");
	shm = side_file_size(path, "-shm");
	journal = side_file_size(path, "-journal");
	if (wal == -2 || shm == -2 || journal == -2)
		return jx__oom();
	if ((wal > 0 && shm < 0) || journal > 0)
		return jx__error(
			JX_EDB,
			_("%s: the database has unfinished writes (its %s file), which cannot "
			  "be completed from here; its owner must open it once with any jixiao "
			  "command where the directory is writable"),
			path, journal > 0 ? "-journal" : "-wal");
	if (wal >= 0 && shm >= 0)
		return 0; /* a writer has it open: read through its files, creating none */
	if (!(*uri = jx__store_immutable_uri(path)))
		return jx__oom();
	return 0;
}

int jx__store_is_immutable(sqlite3 *db)
{
	const char *name = db ? sqlite3_db_filename(db, "main") : NULL;
	return name && sqlite3_uri_boolean(name, "immutable", 0);
}
