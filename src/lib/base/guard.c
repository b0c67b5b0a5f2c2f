/* SPDX-License-Identifier: GPL-3.0-or-later */
/* guard.c -- the files no output may replace: the open database and its companions.
 *
 * jx_store_open protects its database; every output path is checked here
 * first (jx_output_check). A target matches a protected file when both
 * resolve to the same path (the target's directory resolved, then its
 * name; symlinks followed) or, when it exists, to the same device and
 * inode (hard links). The -wal, -shm and -journal files count even before
 * SQLite creates them.
 */
/* realpath: X/Open in glibc (_POSIX_C_SOURCE alone does not declare it) */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "base/internal.h"
#include "jixiao/output.h"

enum { MAX_GUARDED = 32 };

typedef struct {
	char *path; /* resolved */
	int refs;
} guarded;

static guarded table[MAX_GUARDED];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const companions[] = {"", "-wal", "-shm", "-journal"};

char *jx__resolve_path(const char *path)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	char *dir, *dir_real, *out = realpath(path, NULL);
	if (out)
		return out;
	if (!slash)
		dir = jx__strdup(".");
	else if (slash == path)
		dir = jx__strdup("/");
	else
		dir = jx__strndup(path, (size_t)(slash - path));
	if (!dir)
		return NULL;
	dir_real = realpath(dir, NULL);
	out = dir_real ? jx__sprintf("%s/%s", strcmp(dir_real, "/") ? dir_real : "", name) : NULL;
	free(dir_real);
	free(dir);
	return out;
}

int jx_output_protect(const char *path)
{
	char *real;
	int rc = 0, free_slot = -1;
	if (!path || !*path || !strcmp(path, ":memory:"))
		return 0;
	if (!(real = jx__resolve_path(path)))
		return jx__error(JX_EINVAL, "%s: %s", path, strerror(errno));
	pthread_mutex_lock(&lock);
	for (int i = 0; i < MAX_GUARDED; i++) {
		if (table[i].path && !strcmp(table[i].path, real)) {
			table[i].refs++;
			goto out;
		}
		if (!table[i].path && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0)
		rc = jx__error(JX_EINVAL, _("too many open databases"));
	else {
		table[free_slot].path = real;
		table[free_slot].refs = 1;
		real = NULL;
	}
out:
	pthread_mutex_unlock(&lock);
	free(real);
	return rc;
}

void jx_output_unprotect(const char *path)
{
	char *real;
	if (!path || !*path || !strcmp(path, ":memory:") || !(real = jx__resolve_path(path)))
		return;
	pthread_mutex_lock(&lock);
	for (int i = 0; i < MAX_GUARDED; i++)
		if (table[i].path && !strcmp(table[i].path, real) && --table[i].refs == 0) {
			free(table[i].path);
			table[i].path = NULL;
		}
	pthread_mutex_unlock(&lock);
	free(real);
}

/* Whether the target (resolved; stat'ed when st) is protected file p or a companion. */
static int matches(const char *target, const struct stat *st, const char *p)
{
	char name[PATH_MAX + 16];
	struct stat ps;
	for (size_t k = 0; k < sizeof(companions) / sizeof(companions[0]); k++) {
		snprintf(name, sizeof(name), "%s%s", p, companions[k]);
		if (!strcmp(target, name))
			return 1;
		if (st && stat(name, &ps) == 0 && ps.st_dev == st->st_dev &&
		    ps.st_ino == st->st_ino)
			return 1;
	}
	return 0;
}

int jx_output_check(const char *path)
{
	struct stat st;
	char *target;
	int hit = 0, exists;
	if (!path || !*path)
		return jx__error(JX_EINVAL, _("an output file name is required"));
	if (!strcmp(path, "-"))
		return jx__error(JX_EINVAL,
				 _("-: standard output cannot take this output; name a file"));
	exists = stat(path, &st) == 0;
	if (!(target = jx__resolve_path(path)))
		return 0; /* its directory does not exist: creating the file will say so */
	pthread_mutex_lock(&lock);
	for (int i = 0; i < MAX_GUARDED && !hit; i++)
		hit = table[i].path && matches(target, exists ? &st : NULL, table[i].path);
	pthread_mutex_unlock(&lock);
	free(target);
	if (hit)
		return jx__error(JX_EINVAL,
				 _("%s: is the open database (or its -wal, -shm or -journal file); "
				   "refusing to write over it"),
				 path);
	return 0;
}
