/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tempdir.c -- a private temporary directory (mode 0700 under $TMPDIR or /tmp), files
 * written into it, and its removal with everything a helper program left inside.
 *
 * Used where a library needs a file on disk (FreeXL opens only paths) or a
 * helper needs a place of its own (LibreOffice's profile and output). */
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/internal.h"

int jx__tempdir_make(char **out)
{
	const char *dir = getenv("TMPDIR");
	char *path = jx__sprintf("%s/jixiao-XXXXXX", dir && *dir ? dir : "/tmp");
	*out = NULL;
	if (!path)
		return jx__oom();
	if (!mkdtemp(path)) {
		int rc = jx__error(JX_EIO, _("cannot make a temporary directory %s: %s"), path,
				   strerror(errno));
		free(path);
		return rc;
	}
	*out = path;
	return 0;
}

int jx__write_new_file(const char *path, const void *data, size_t len)
{
	const char *p = data;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return jx__error(JX_EIO, "%s: %s", path, strerror(errno));
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int err = errno;
			close(fd);
			return jx__error(JX_EIO, "%s: %s", path, strerror(err));
		}
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) != 0)
		return jx__error(JX_EIO, "%s: %s", path, strerror(errno));
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0; /* go on: remove what can be removed */
}

void jx__tempdir_remove(const char *path)
{
	if (path && *path)
		nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
