/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.c -- one output file written atomically: a temporary file beside the
 * target, flushed to disk, renamed over the target only on success.
 *
 * rename() within one directory replaces the target in one step, so a
 * reader sees the old file or the new one, never a half-written one, and a
 * failure (full disk, a killed writer, a crash before the rename) leaves
 * the old file as it was. The temporary name is ours (".jixiao-XXXXXX"),
 * always starting with "/" or "./", so external writers given it cannot
 * take it for a pipe or an option; the target's own name is used by
 * rename() byte for byte.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/internal.h"
#include "jixiao/output.h"

struct jx_output {
	char *path, *temp;
	FILE *f;
};

char *jx__temp_beside(const char *path, const char *what)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return jx__sprintf("./.jixiao-%sXXXXXX", what);
	return jx__sprintf("%s%.*s.jixiao-%sXXXXXX", path[0] == '/' ? "" : "./",
			   (int)(slash - path + 1), path, what);
}

/* The mode the output gets: the replaced file's, else 0666 less the umask. */
static mode_t output_mode(const char *path)
{
	struct stat st;
	mode_t mask;
	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(022);
	umask(mask);
	return 0666 & ~mask;
}

int jx__sync_dir_of(const char *path)
{
	char *dir;
	const char *slash = strrchr(path, '/');
	int fd, rc = 0;
	dir = !slash          ? jx__strdup(".")
	      : slash == path ? jx__strdup("/")
			      : jx__strndup(path, (size_t)(slash - path));
	if (!dir)
		return jx__oom();
	if ((fd = open(dir, O_RDONLY)) >= 0) {
		if (fsync(fd) != 0 && errno != EINVAL)
			rc = jx__error(JX_EIO, "%s: %s", dir, strerror(errno));
		close(fd);
	}
	free(dir);
	return rc;
}

void jx_output_abort(jx_output *o)
{
	if (!o)
		return;
	if (o->f)
		fclose(o->f);
	if (o->temp)
		unlink(o->temp);
	free(o->temp);
	free(o->path);
	free(o);
}

int jx_output_open(jx_output **out, const char *path)
{
	struct stat st;
	jx_output *o;
	int fd, rc;
	*out = NULL;
	if ((rc = jx_output_check(path)) != 0)
		return rc;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return jx__error(JX_EINVAL, _("%s: is a directory"), path);
	if (!(o = calloc(1, sizeof(*o))) || !(o->path = jx__strdup(path)) ||
	    !(o->temp = jx__temp_beside(path, ""))) {
		jx_output_abort(o);
		return jx__oom();
	}
	if ((fd = mkstemp(o->temp)) < 0) {
		rc = jx__error(JX_EIO, _("%s: cannot create a file there: %s"), path,
			       strerror(errno));
		free(o->temp);
		o->temp = NULL;
		jx_output_abort(o);
		return rc;
	}
	if (fchmod(fd, output_mode(path)) != 0 || !(o->f = fdopen(fd, "wb"))) {
		rc = jx__error(JX_EIO, "%s: %s", path, strerror(errno));
		if (!o->f)
			close(fd);
		jx_output_abort(o);
		return rc;
	}
	*out = o;
	return 0;
}

FILE *jx_output_stream(jx_output *o)
{
	return o->f;
}

const char *jx_output_temp_path(const jx_output *o)
{
	return o->temp;
}

const char *jx_output_path(const jx_output *o)
{
	return o->path;
}

int jx_output_commit(jx_output *o)
{
	int rc = 0;
	if (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0)
		rc = jx__error(JX_EIO, _("%s: cannot write: %s"), o->path, strerror(errno));
	if (fclose(o->f) != 0 && rc == 0)
		rc = jx__error(JX_EIO, _("%s: cannot write: %s"), o->path, strerror(errno));
	o->f = NULL;
	if (rc == 0)
		rc = jx_output_check(o->path); /* the database may have moved there meanwhile */
	if (rc == 0 && rename(o->temp, o->path) != 0)
		rc = jx__error(JX_EIO, _("%s: cannot put the file in place: %s"), o->path,
			       strerror(errno));
	if (rc == 0) {
		free(o->temp); /* renamed: nothing left to remove */
		o->temp = NULL;
		rc = jx__sync_dir_of(o->path);
	}
	jx_output_abort(o);
	return rc;
}
