/* SPDX-License-Identifier: GPL-3.0-or-later */
/* file.c -- reading a whole file into memory, with a size bound. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/internal.h"

int jx__read_file(char **out, size_t *len, const char *path, size_t max)
{
	FILE *f;
	char *data = NULL;
	size_t cap = 0, n = 0, got;
	int rc = 0;

	*out = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (!f)
		return jx__error(JX_EIO, "%s: %s", path, strerror(errno));
	for (;;) {
		if ((rc = jx__grow((void **)&data, &cap, n + 65536 + 1, 1)) != 0)
			goto out;
		got = fread(data + n, 1, cap - n - 1, f);
		n += got;
		if (n > max) {
			rc = jx__error(JX_EINVAL,
				       _("%s: file is larger than %zu MiB; refusing to read it"),
				       path, max >> 20);
			goto out;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		rc = jx__error(JX_EIO, _("%s: read error: %s"), path, strerror(errno));
		goto out;
	}
	data[n] = '\0';
	*out = data;
	*len = n;
	data = NULL;
out:
	free(data);
	fclose(f);
	return rc;
}
