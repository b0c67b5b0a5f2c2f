/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aliasfile.c -- alias files: CSV with the header "old,new", one rename a row,
 * '#' comment lines before the header. Read into pairs with their lines;
 * storing them is the import module's job. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <csv.h>
#include "ingest/internal.h"

typedef struct {
	const char *name;
	char *f[3];
	size_t nf;
	int row, rc;
	int line, row_line, at_row_start; /* physical lines, for "file:line:" messages */
	jx_alias_pair *pairs;
	size_t n, cap;
} alias_file;

static void af_field(void *data, size_t len, void *ctx)
{
	alias_file *a = ctx;
	if (a->nf < 3)
		a->f[a->nf] = jx__strndup(data ? data : "", data ? len : 0);
	a->nf++;
}

static int add_pair(alias_file *a)
{
	int rc = jx__grow((void **)&a->pairs, &a->cap, a->n + 1, sizeof(*a->pairs));
	if (rc)
		return rc;
	a->pairs[a->n].old_key = a->f[0];
	a->pairs[a->n].new_key = a->f[1];
	a->pairs[a->n].line = a->row_line;
	a->f[0] = a->f[1] = NULL;
	a->n++;
	return 0;
}

static void af_row(int c, void *ctx)
{
	alias_file *a = ctx;
	(void)c;
	a->row++;
	if (!a->rc) {
		if (a->nf != 2 || !a->f[0] || !a->f[1])
			a->rc = jx__error(JX_EPARSE, "%s:%d: expected 2 fields (old,new)", a->name,
					  a->row_line);
		else if (a->row == 1) {
			if (strcmp(a->f[0], "old") || strcmp(a->f[1], "new"))
				a->rc = jx__error(JX_EPARSE, "%s:%d: header must be 'old,new'",
						  a->name, a->row_line);
		} else
			a->rc = add_pair(a);
	}
	for (size_t i = 0; i < 3; i++) {
		free(a->f[i]);
		a->f[i] = NULL;
	}
	a->nf = 0;
	a->at_row_start = 1;
}

/* Feed text to libcsv one physical line at a time, noting where each row starts. */
static int alias_parse(struct csv_parser *p, alias_file *a, const char *text, size_t len)
{
	size_t off = 0;
	a->at_row_start = 1;
	while (off < len && !a->rc) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) + 1 : len;
		a->line++;
		if (a->at_row_start && end - off > (nl ? 1u : 0u)) {
			a->row_line = a->line;
			a->at_row_start = 0;
		}
		if (csv_parse(p, text + off, end - off, af_field, af_row, a) != end - off)
			return -1;
		off = end;
	}
	return a->rc ? 0 : csv_fini(p, af_field, af_row, a);
}

int jx_alias_file_read(jx_alias_pair **out, size_t *n, const char *name, const char *text,
		       size_t len)
{
	struct csv_parser p;
	alias_file a;
	size_t off = 0;
	memset(&a, 0, sizeof(a));
	a.name = name;
	*out = NULL;
	*n = 0;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return jx__oom();
	/* '#' comment lines before the header (e.g. "# provenance: synthetic") */
	while (off < len && text[off] == '#') {
		const char *nl = memchr(text + off, '\n', len - off);
		off = nl ? (size_t)(nl - text) + 1 : len;
		a.line++;
	}
	if (alias_parse(&p, &a, text + off, len - off) != 0 && !a.rc)
		a.rc = jx__error(JX_EPARSE, "%s:%d: malformed CSV: %s", name,
				 a.row_line ? a.row_line : 1, csv_strerror(csv_error(&p)));
	csv_free(&p);
	if (a.rc) {
		jx_alias_pairs_free(a.pairs, a.n);
		return a.rc;
	}
	*out = a.pairs;
	*n = a.n;
	return 0;
}
