/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aliases.c -- an alias file (ingest/aliasfile.c) stored all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include "import/internal.h"

int jx_import_aliases(jx_store *s, const char *path, size_t *count)
{
	char *data = NULL, *text = NULL;
	size_t len = 0, tlen = 0, n = 0, failed;
	jx_alias_pair *pairs = NULL;
	int rc;
	if (count)
		*count = 0;
	if ((rc = jx__read_file(&data, &len, path, 16u << 20)) != 0)
		return rc;
	rc = jx_text_decode(&text, &tlen, NULL, path, data, len, JX_ENC_UTF8);
	free(data);
	if (rc)
		return rc;
	rc = jx_alias_file_read(&pairs, &n, path, text, tlen);
	free(text);
	if (rc)
		return rc;
	if ((rc = jx_store_alias_add_all(s, pairs, n, &failed)) != 0 && failed < n)
		rc = jx__error_prefix(JX_EINVAL, "%s:%d: ", path, pairs[failed].line);
	if (rc == 0 && count)
		*count = n;
	jx_alias_pairs_free(pairs, n);
	return rc;
}
