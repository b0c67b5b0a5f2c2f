/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outset.c -- outputs of several files (`plot all`, a Markdown report and its
 * charts) built in a temporary directory beside their target directory and
 * moved into it only when every file was written.
 *
 * All targets are checked before the first move (never the database, never
 * a directory where a file goes); each move is one rename, so every file
 * is whole. Files in subdirectories (the report's FILE_charts/) move before
 * the top-level ones that refer to them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/internal.h"
#include "jixiao/output.h"

struct jx_outset {
	char *dir, *temp;
};

typedef int (*entry_fn)(jx_outset *s, const char *sub, const char *name, int is_dir);

/* Call fn on each entry of temp[/sub] (not "." or ".."); stops at the first error. */
static int each_entry(jx_outset *s, const char *sub, entry_fn fn)
{
	char *path = sub ? jx__sprintf("%s/%s", s->temp, sub) : jx__strdup(s->temp);
	struct dirent *e;
	struct stat st;
	DIR *d;
	int rc = 0;
	if (!path)
		return jx__oom();
	if (!(d = opendir(path))) {
		rc = jx__error(JX_EIO, "%s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		char *full;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (!(full = jx__sprintf("%s/%s", path, e->d_name)))
			rc = jx__oom();
		else if (lstat(full, &st) == 0)
			rc = fn(s, sub, e->d_name, S_ISDIR(st.st_mode));
		free(full);
	}
	closedir(d);
	free(path);
	return rc;
}

/* "dir[/sub]/name" or "temp[/sub]/name". */
static char *join(const char *base, const char *sub, const char *name)
{
	return sub ? jx__sprintf("%s/%s/%s", base, sub, name) : jx__sprintf("%s/%s", base, name);
}

static int remove_entry(jx_outset *s, const char *sub, const char *name, int is_dir)
{
	char *p = join(s->temp, sub, name);
	if (p && is_dir && !sub) {
		each_entry(s, name, remove_entry);
		rmdir(p);
	} else if (p)
		unlink(p);
	free(p);
	return 0;
}

void jx_outset_abort(jx_outset *s)
{
	if (!s)
		return;
	if (s->temp) {
		each_entry(s, NULL, remove_entry);
		rmdir(s->temp);
	}
	free(s->temp);
	free(s->dir);
	free(s);
}

int jx_outset_open(jx_outset **out, const char *dir)
{
	struct stat st;
	jx_outset *s;
	size_t n;
	int rc;
	*out = NULL;
	if ((rc = jx_output_check(dir)) != 0)
		return rc;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
		return jx__error(JX_EINVAL, _("%s: is not a directory"), dir);
	if (!(s = calloc(1, sizeof(*s))) || !(s->dir = jx__strdup(dir)))
		goto oom;
	for (n = strlen(s->dir); n > 1 && s->dir[n - 1] == '/'; n--)
		s->dir[n - 1] = '\0';
	if (!(s->temp = jx__temp_beside(s->dir, "dir-")))
		goto oom;
	if (!mkdtemp(s->temp)) {
		rc = jx__error(JX_EIO, _("%s: cannot create a directory beside it: %s"), dir,
			       strerror(errno));
		free(s->temp);
		s->temp = NULL;
		jx_outset_abort(s);
		return rc;
	}
	*out = s;
	return 0;
oom:
	jx_outset_abort(s);
	return jx__oom();
}

const char *jx_outset_temp_dir(const jx_outset *s)
{
	return s->temp;
}

/* Before anything moves: every file target may be written. */
static int check_entry(jx_outset *s, const char *sub, const char *name, int is_dir)
{
	char *target = join(s->dir, sub, name);
	struct stat st;
	int rc = 0;
	if (!target)
		return jx__oom();
	if (is_dir && !sub)
		rc = each_entry(s, name, check_entry);
	else if (is_dir)
		rc = jx__error(JX_EINVAL, _("%s: nested directories are not supported"), target);
	else if ((rc = jx_output_check(target)) == 0 && stat(target, &st) == 0 &&
		 S_ISDIR(st.st_mode))
		rc = jx__error(JX_EINVAL, _("%s: is a directory"), target);
	free(target);
	return rc;
}

static int move_file(jx_outset *s, const char *sub, const char *name)
{
	char *from = join(s->temp, sub, name), *to = join(s->dir, sub, name);
	int rc = 0;
	if (!from || !to)
		rc = jx__oom();
	else if (rename(from, to) != 0)
		rc = jx__error(JX_EIO, _("%s: cannot put the file in place: %s"), to,
			       strerror(errno));
	free(from);
	free(to);
	return rc;
}

static int move_sub_file(jx_outset *s, const char *sub, const char *name, int is_dir)
{
	return is_dir ? 0 : move_file(s, sub, name);
}

/* Pass 1: each subdirectory's files, into the same subdirectory of dir. */
static int move_subdirs(jx_outset *s, const char *sub, const char *name, int is_dir)
{
	char *target;
	int rc;
	if (sub || !is_dir)
		return 0;
	if (!(target = join(s->dir, NULL, name)))
		return jx__oom();
	rc = mkdir(target, 0777) != 0 && errno != EEXIST
		     ? jx__error(JX_EIO, "%s: %s", target, strerror(errno))
		     : each_entry(s, name, move_sub_file);
	free(target);
	return rc;
}

/* Pass 2: the top-level files. */
static int move_top(jx_outset *s, const char *sub, const char *name, int is_dir)
{
	return is_dir ? 0 : move_file(s, sub, name);
}

int jx_outset_commit(jx_outset *s)
{
	int rc = each_entry(s, NULL, check_entry);
	if (rc == 0 && mkdir(s->dir, 0777) != 0 && errno != EEXIST)
		rc = jx__error(JX_EIO, _("%s: cannot create the directory: %s"), s->dir,
			       strerror(errno));
	if (rc == 0)
		rc = each_entry(s, NULL, move_subdirs);
	if (rc == 0)
		rc = each_entry(s, NULL, move_top);
	if (rc == 0) {
		char *inside = jx__sprintf("%s/.", s->dir);
		rc = inside ? jx__sync_dir_of(inside) : jx__oom();
		free(inside);
	}
	jx_outset_abort(s);
	return rc;
}
