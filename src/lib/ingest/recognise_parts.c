/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recognise_parts.c -- a document holding several project tables: one evaluation each.
 *
 * A department hands in one 项目支出绩效自评表 per project, often all in one
 * Word file (or one workbook, a sheet each), sometimes after its own 部门整体
 * table. The recogniser reads one indicator table; here the document is cut
 * into parts, each read on its own (jx__rc_read_one) and handed on as it is
 * read (to the sink of a streaming read, else into the batch):
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

/* Passes what one project part reads on to the real sink (or batch), with the warning
 * about the indicator tables after it that name no project. */
typedef struct {
	const jx_doc *doc;
	const jx_read_sink *sink; /* NULL: into batch */
	jx_batch *batch;
	const part *p; /* the parts after this one that are not read */
	size_t nunread;
} relay;

/* An indicator table that names no project after the project tables: said, not read. */
static int unread_table(jx_evaluation *ev, const jx_doc *doc, const jx_doc_table *t)
{
	char at[128];
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

static int relay_evaluation(void *ctx, jx_evaluation *ev)
{
	relay *r = ctx;
	for (size_t i = 0; i < r->nunread; i++)
		if (unread_table(ev, r->doc, r->doc->blocks[r->p[i].table].table) != 0)
			return JX_ENOMEM;
	if (r->sink)
		return r->sink->evaluation ? r->sink->evaluation(r->sink->ctx, ev) : 0;
	return jx_batch_add_evaluation(r->batch, ev) != 0 ? JX_ENOMEM : JX_READ_KEEP;
}

static int relay_figures(void *ctx, jx_figures *f)
{
	relay *r = ctx;
	if (r->sink)
		return r->sink->figures ? r->sink->figures(r->sink->ctx, f) : 0;
	return jx_batch_add_figures(r->batch, f) != 0 ? JX_ENOMEM : JX_READ_KEEP;
}

/* Read blocks first..last (and the leading comment lines when first > 0) as a document;
 * the unread parts after it are said on its evaluations. */
static int read_blocks(const jx_doc *doc, const part *pt, const part *unread, size_t nunread,
		       const jx_read_options *opts, const jx_read_sink *sink, jx_batch *batch)
{
	relay r = {doc, sink, batch, unread, nunread};
	jx_read_sink via = {relay_evaluation, relay_figures, &r};
	jx_doc sub;
	size_t n = 0;
	int e;
	memset(&sub, 0, sizeof(sub));
	sub.name = doc->name;
	sub.format = doc->format;
	if (!(sub.blocks = malloc((pt->last + 1) * sizeof(*sub.blocks))))
		return jx__oom();
	for (size_t i = 0; i < pt->first; i++) {
		const jx_doc_block *b = &doc->blocks[i];
		if (b->kind == JX_BLOCK_TABLE)
			break;
		if (b->text && b->text[0] == '#')
			sub.blocks[n++] = *b;
	}
	for (size_t i = pt->first; i <= pt->last; i++)
		sub.blocks[n++] = doc->blocks[i];
	sub.nblocks = sub.cap = n;
	if (pt->first == 0) { /* the readers' notes, once */
		sub.notes = doc->notes;
		sub.nnotes = doc->nnotes;
	}
	e = jx__rc_read_one(&sub, opts, nunread ? &via : sink, batch);
	free(sub.blocks);
	return e;
}

/* Read the parts in document order: the department's own part (before the first
 * project), each project part, the tables after a project that name none said on it. */
static int read_parts(const jx_doc *doc, const part *p, size_t n, const jx_read_options *opts,
		      const jx_read_sink *sink, jx_batch *batch)
{
	size_t k = 0;
	int e = 0;
	while (k < n && !p[k].project)
		k++;
	if (k > 0) { /* the department's own table and what comes before the projects */
		part own = {0, p[k].first - 1, p[0].table, 0};
		e = read_blocks(doc, &own, NULL, 0, opts, sink, batch);
	}
	while (e == 0 && k < n) {
		size_t next = k + 1;
		while (next < n && !p[next].project)
			next++;
		e = read_blocks(doc, &p[k], &p[k + 1], next - k - 1, opts, sink, batch);
		k = next;
	}
	return e;
}

int jx__doc_read_sink(const jx_doc *doc, const jx_read_options *opts, const jx_read_sink *sink,
		      jx_batch *batch)
{
	size_t *tables = NULL, n = 0, nproj = 0;
	part *p = NULL;
	int e;
	if ((e = indicator_tables(&tables, &n, doc)) != 0)
		return e;
	if (n < 2) {
		free(tables);
		return jx__rc_read_one(doc, opts, sink, batch);
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
		e = nproj ? read_parts(doc, p, n, opts, sink, batch)
			  : jx__rc_read_one(doc, opts, sink, batch);
	free(tables);
	free(p);
	return e;
}
