/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recognise_parts.c -- a document holding several project tables: one evaluation each.
 *
 * A department hands in one 项目支出绩效自评表 per project, often all in one
 * Word file (or one workbook, a sheet each), sometimes after its own 部门整体
 * table. The recogniser reads one indicator table; here the document is cut
 * into parts, each read on its own (jx__rc_read_one):
 *
 *   - the part of project k runs from the block after the previous indicator
 *     table to its own indicator table (the 项目名称, the fund block and the
 *     title lines above it), the last one to the end of the document; the
 *     document's leading "#" comment lines (provenance) go before each part;
 *   - the blocks before the first project part, when they hold an indicator
 *     table, are the department's own part, read as before;
 *   - an indicator table after the first project part that names no 项目名称
 *     is not guessed at: the previous project's evaluation gets a warning.
 *
 * A document with no project part, or a single indicator table, is read whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

typedef struct {
	size_t first, last; /* blocks first..last (inclusive) */
	size_t table;       /* the block of its indicator table */
	int project;        /* a 项目名称 names a project in it */
} part;

/* The blocks of indicator tables; *n of them (malloc'd array, NULL when none). */
static int indicator_tables(size_t **out, size_t *n, const jx_doc *doc)
{
	size_t *v = NULL, cap = 0;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		jx__header h;
		int found;
		if (doc->blocks[i].kind != JX_BLOCK_TABLE)
			continue;
		if ((found = jx__header_find(&h, doc->blocks[i].table)) < 0) {
			free(v);
			return found;
		}
		if (!found)
			continue;
		jx__header_clear(&h);
		if (jx__grow((void **)&v, &cap, *n + 1, sizeof(*v)) != 0) {
			free(v);
			return JX_ENOMEM;
		}
		v[(*n)++] = i;
	}
	*out = v;
	return 0;
}

/* Read blocks first..last (and the leading comment lines when first > 0) as a document. */
static int read_blocks(jx_batch **out, const jx_doc *doc, size_t first, size_t last,
		       const jx_read_options *opts)
{
	jx_doc sub;
	size_t n = 0;
	int e;
	memset(&sub, 0, sizeof(sub));
	sub.name = doc->name;
	sub.format = doc->format;
	if (!(sub.blocks = malloc((last + 1) * sizeof(*sub.blocks))))
		return jx__oom();
	for (size_t i = 0; i < first; i++) {
		const jx_doc_block *b = &doc->blocks[i];
		if (b->kind == JX_BLOCK_TABLE)
			break;
		if (b->text && b->text[0] == '#')
			sub.blocks[n++] = *b;
	}
	for (size_t i = first; i <= last; i++)
		sub.blocks[n++] = doc->blocks[i];
	sub.nblocks = sub.cap = n;
	if (first == 0) { /* the readers' notes, once */
		sub.notes = doc->notes;
		sub.nnotes = doc->nnotes;
	}
	e = jx__rc_read_one(out, &sub, opts);
	free(sub.blocks);
	return e;
}

/* Move what part holds into all (the part's batch is left empty). */
static int take(jx_batch *all, jx_batch *b)
{
	for (size_t i = 0; i < b->nevals; i++) {
		if (jx_batch_add_evaluation(all, b->evals[i]) != 0)
			return JX_ENOMEM;
		b->evals[i] = NULL;
	}
	for (size_t i = 0; i < b->nfigs; i++) {
		if (jx_batch_add_figures(all, b->figs[i]) != 0)
			return JX_ENOMEM;
		b->figs[i] = NULL;
	}
	return 0;
}

/* An indicator table that names no project after the project tables: said, not read. */
static int unread_table(jx_batch *all, const jx_doc *doc, const jx_doc_table *t)
{
	jx_evaluation *ev = all->nevals ? all->evals[all->nevals - 1] : NULL;
	char at[128];
	if (!ev)
		return 0;
	if (t->line > 0)
		return jx_evaluation_warn(ev, t->line, "%s",
					  _("an indicator table after the project tables names no "
					    "项目名称: not read"));
	jx_doc_place(at, sizeof(at), doc, t, jx_doc_table_slot(t, 0, 0)->origin);
	return jx_evaluation_warn(
		ev, 0, "%s: %s", at,
		_("an indicator table after the project tables names no 项目名称: "
		  "not read"));
}

/* Read the parts in document order into *out. */
static int read_parts(jx_batch **out, const jx_doc *doc, const part *p, size_t n,
		      const jx_read_options *opts)
{
	jx_batch *all = jx_batch_new(doc->name), *b = NULL;
	size_t k = 0;
	int e = 0;
	if (!all)
		return jx__oom();
	while (k < n && !p[k].project)
		k++;
	if (k > 0) /* the department's own table and what comes before the projects */
		e = read_blocks(&b, doc, 0, p[k].first - 1, opts);
	for (; e == 0; k++) {
		if (b && (e = take(all, b)) != 0)
			break;
		jx_batch_free(b);
		b = NULL;
		if (k >= n)
			break;
		if (p[k].project)
			e = read_blocks(&b, doc, p[k].first, p[k].last, opts);
		else
			e = unread_table(all, doc, doc->blocks[p[k].table].table);
	}
	jx_batch_free(b);
	if (e) {
		jx_batch_free(all);
		return e;
	}
	*out = all;
	return 0;
}

int jx_doc_read(jx_batch **out, const jx_doc *doc, const jx_read_options *opts)
{
	size_t *tables = NULL, n = 0, nproj = 0;
	part *p = NULL;
	int e;
	*out = NULL;
	if ((e = indicator_tables(&tables, &n, doc)) != 0)
		return e;
	if (n < 2) {
		free(tables);
		return jx__rc_read_one(out, doc, opts);
	}
	if (!(p = calloc(n, sizeof(*p)))) {
		free(tables);
		return jx__oom();
	}
	for (size_t k = 0; k < n && e >= 0; k++) {
		p[k].first = k ? tables[k - 1] + 1 : 0;
		p[k].last = k + 1 < n ? tables[k] : doc->nblocks - 1;
		p[k].table = tables[k];
		e = p[k].project = jx__rc_names_project(doc, p[k].first, tables[k]);
		nproj += e > 0;
	}
	if (e >= 0)
		e = nproj ? read_parts(out, doc, p, n, opts) : jx__rc_read_one(out, doc, opts);
	free(tables);
	free(p);
	return e;
}
