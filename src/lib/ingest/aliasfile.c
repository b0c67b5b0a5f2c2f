/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aliasfile.c -- alias files: CSV with the header "old,new", one rename a row,
 * '#' comment lines before the header. Read (through csv_rows.c, as the
 * canonical CSV) into pairs with their lines; storing them is the import
 * module's job. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

typedef struct {
	int row;
	jx_alias_pair *pairs;
	size_t n, cap;
} alias_file;

static int add_pair(alias_file *a, const jx__csv_rows *t)
{
	jx_alias_pair *p;
	int rc = jx__grow((void **)&a->pairs, &a->cap, a->n + 1, sizeof(*a->pairs));
	if (rc)
		return rc;
	p = &a->pairs[a->n];
	p->old_key = jx__strdup(t->fields[0]);
	p->new_key = jx__strdup(t->fields[1]);
	p->line = t->row_line;
	a->n++; /* freed with the others when a copy failed */
	return p->old_key && p->new_key ? 0 : jx__oom();
}

static int on_row(void *ctx, jx__csv_rows *t)
{
	alias_file *a = ctx;
	if (t->nfields != 2 || t->too_many)
		return jx__error(JX_EPARSE, _("%s:%d: expected 2 fields (old,new)"), t->name,
				 t->row_line);
	if (++a->row > 1)
		return add_pair(a, t);
	if (strcmp(t->fields[0], "old") || strcmp(t->fields[1], "new"))
		return jx__error(JX_EPARSE, _("%s:%d: header must be 'old,new'"), t->name,
				 t->row_line);
	return 0;
}

int jx_alias_file_read(jx_alias_pair **out, size_t *n, const char *name, const char *text,
		       size_t len)
{
	jx__csv_rows t;
	alias_file a;
	int rc;
	memset(&a, 0, sizeof(a));
	*out = NULL;
	*n = 0;
	if ((rc = jx__csv_rows_init(&t, name, on_row, NULL, &a)) != 0)
		return rc;
	if ((rc = jx__csv_rows_feed(&t, text, len)) == 0)
		rc = jx__csv_rows_finish(&t);
	jx__csv_rows_free(&t);
	if (rc) {
		jx_alias_pairs_free(a.pairs, a.n);
		return rc;
	}
	*out = a.pairs;
	*n = a.n;
	return 0;
}
