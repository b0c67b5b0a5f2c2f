/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recognise.c -- any document in the table model into evaluations (jx_doc_read).
 *
 * Every reader (docx, html, xlsx, pdf, ...) fills a jx_doc; this one
 * recogniser reads it, so every format follows the same rules:
 *
 * 1. The evaluation table is the first table with an indicator header
 *    (header.c); its rows become rows of a self and/or a review evaluation
 *    (recognise_table.c).
 * 2. The paragraphs, in document order, with the rows of the other tables
 *    and the rows above the header (a sheet's title rows), are handed to the
 *    report-text reader as lines: its title, figure and section readers read
 *    them as they read a report's text (report.c, report_text.c).
 * 3. Department and year come from the title, 单位/部门 and 年度 lines and
 *    cells (recognise_meta.c); the options supply what is missing.
 * 4. Totals are reconciled by the report-text reader's rules (report_check.c).
 *
 * Paragraphs and table rows are numbered as lines 1..n, so that those
 * readers' messages name places ("表 2 第 14 行 第 6 列", "Sheet1!F14",
 * "line 40") through jx__rp_places.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

static int line_based(const jx_doc *d)
{
	return d->format == JX_DOC_HTML || d->format == JX_DOC_TEXT || d->format == JX_DOC_CSV;
}

void jx__rc_place_text(const jx__rc *rc, const jx_doc_table *t, jx_doc_origin o, int bare,
		       char *buf, size_t size)
{
	if (line_based(rc->doc) && o.line > 0)
		snprintf(buf, size, bare ? "%d" : "line %d", o.line);
	else if (t && line_based(rc->doc))
		snprintf(buf, size, "表 %d 第 %d 行 第 %d 列", t->number, o.row, o.col);
	else
		jx_doc_place(buf, size, rc->doc, t, o);
	if (!*buf)
		snprintf(buf, size, "%s", t ? "表" : "1");
}

int jx__rc_fail(const jx__rc *rc, const jx_doc_table *t, jx_doc_origin o, const char *fmt, ...)
{
	char msg[768], at[128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	jx__rc_place_text(rc, t, o, 1, at, sizeof(at));
	return jx__error(JX_EPARSE, "%s:%s: %s", rc->doc->name, at, msg);
}

void jx__rc_trace(jx__rc *rc, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	if (!rc->opts->describe)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	jx__buf_puts(&rc->trace, buf);
}

int jx__rc_line(jx__rc *rc, const jx_doc_table *t, jx_doc_origin origin)
{
	if (jx__grow((void **)&rc->places, &rc->places_cap, rc->nplaces + 1, sizeof(*rc->places)) !=
	    0)
		return JX_ENOMEM;
	rc->places[rc->nplaces].table = t;
	rc->places[rc->nplaces].origin = origin;
	return (int)++rc->nplaces;
}

/* ---- lines as jx__rp_places sees them ---- */

static void where(const void *ctx, int line, int bare, char *buf, size_t size)
{
	const jx__rc *rc = ctx;
	jx_doc_origin none = {0, 0, 0, 0};
	if (line < 1 || (size_t)line > rc->nplaces)
		jx__rc_place_text(rc, rc->table, none, bare, buf, size);
	else
		jx__rc_place_text(rc, rc->places[line - 1].table, rc->places[line - 1].origin, bare,
				  buf, size);
}

static int line_of(const void *ctx, int line)
{
	const jx__rc *rc = ctx;
	if (line < 1 || (size_t)line > rc->nplaces || !line_based(rc->doc))
		return 0;
	return rc->places[line - 1].origin.line;
}

/* The number stored as a row's or figure's source line: its line, else its sheet/table row. */
static int stored_line(const jx__rc *rc, int line)
{
	const jx_doc_origin *o;
	if (line < 1 || (size_t)line > rc->nplaces)
		return 0;
	o = &rc->places[line - 1].origin;
	return o->line > 0 ? o->line : o->row;
}

/* ---- paragraphs and other tables' rows as lines ---- */

/* A table row as one line of text: its own cells' texts, two spaces apart. */
static int row_line(jx__rc *rc, const jx_doc_table *t, size_t r)
{
	jx__buf b;
	char *text;
	int id;
	jx_doc_origin o = jx_doc_table_slot(t, r, 0)->origin;
	jx__buf_init(&b);
	for (size_t c = 0; c < t->ncols; c++) {
		const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
		if (!s->rowspan || (int)r != s->anchor_row || !s->text || !*s->text)
			continue;
		if (b.len)
			jx__buf_put(&b, "  ", 2);
		for (const char *p = s->text; *p; p++)
			jx__buf_put(&b, (unsigned char)*p < 0x20 ? " " : p, 1);
	}
	if (!b.len) {
		jx__buf_free(&b);
		return 0;
	}
	if (!(text = jx__buf_detach(&b)) ||
	    jx__grow((void **)&rc->owned, &rc->owned_cap, rc->nowned + 1, sizeof(char *)) != 0) {
		free(text);
		return jx__oom();
	}
	rc->owned[rc->nowned++] = text;
	if ((id = jx__rc_line(rc, t, o)) < 0)
		return id;
	return jx__rp_add_line(&rc->rp[0], text, strlen(text), id);
}

static int paragraph_line(jx__rc *rc, const jx_doc_block *b)
{
	int id = jx__rc_line(rc, NULL, b->origin);
	if (id < 0)
		return id;
	return jx__rp_add_line(&rc->rp[0], b->text, strlen(b->text), id);
}

/* Every paragraph and every table row outside the evaluation table's header and
 * body, in document order, as lines of rp[0]. */
static int make_lines(jx__rc *rc)
{
	int e = 0;
	for (size_t i = 0; i < rc->doc->nblocks && e == 0; i++) {
		const jx_doc_block *b = &rc->doc->blocks[i];
		size_t stop;
		if (b->kind == JX_BLOCK_PARAGRAPH) {
			e = paragraph_line(rc, b);
			continue;
		}
		stop = b->table == rc->table ? rc->head.row : b->table->nrows;
		for (size_t r = 0; r < stop && e == 0; r++)
			e = row_line(rc, b->table, r);
	}
	return e;
}

/* ---- finding the evaluation table ---- */

/* The first row's texts of a table, for the message when no table has a header. */
static void describe_first_row(jx__buf *b, const jx_doc_table *t)
{
	jx__buf_printf(b, "%s表 %d:", b->len ? "; " : " (", t->number);
	for (size_t c = 0; c < t->ncols && c < 8; c++) {
		const jx_doc_cell *s = jx_doc_table_slot(t, 0, c);
		if (s->rowspan && s->text && *s->text)
			jx__buf_printf(b, " %.40s", s->text);
	}
}

static int find_table(jx__rc *rc)
{
	jx__buf seen;
	int found = 0, e = 0, ntables = 0;
	jx__buf_init(&seen);
	for (size_t i = 0; i < rc->doc->nblocks && !found; i++) {
		const jx_doc_table *t = rc->doc->blocks[i].table;
		if (rc->doc->blocks[i].kind != JX_BLOCK_TABLE)
			continue;
		ntables++;
		if ((found = jx__header_find(&rc->head, t)) < 0) {
			e = found;
			break;
		}
		if (found) {
			/* the one thing reading changes: a streamed sheet's tail is consumed */
			rc->table = (jx_doc_table *)t;
			rc->table_block = i;
		} else if (ntables <= 4) {
			describe_first_row(&seen, t);
		}
	}
	if (e == 0 && !found) {
		if (seen.len)
			jx__buf_puts(&seen, ")");
		e = jx__error(JX_EPARSE,
			      _("%s: no indicator table found: looked for a table whose header "
				"names an indicator column (一级指标/二级指标/三级指标/指标), a "
				"weight column (权重/分值/标准分/满分) and a score column "
				"(得分/自评得分/评分/复核得分); tables in the file: %d%s"),
			      rc->doc->name, ntables, seen.data ? seen.data : "");
	}
	jx__buf_free(&seen);
	return e;
}

/* Notes on the tables that are not the evaluation table. */
static void trace_other_tables(jx__rc *rc)
{
	for (size_t i = 0; i < rc->doc->nblocks; i++) {
		const jx_doc_table *t = rc->doc->blocks[i].table;
		jx__header h;
		if (rc->doc->blocks[i].kind != JX_BLOCK_TABLE || t == rc->table)
			continue;
		if (i > rc->table_block && jx__header_find(&h, t) == 1) {
			jx__rc_trace(rc, "表 %d: %s\n", t->number,
				     _("also has an indicator header; only the first indicator "
				       "table is read"));
			jx__header_clear(&h);
		} else if (t->sheet) {
			jx__rc_trace(rc, "%s (表 %d): %s\n", t->sheet, t->number,
				     _("no indicator header: read for figures only"));
		} else {
			jx__rc_trace(rc, "表 %d (%zu × %zu): %s\n", t->number, t->nrows, t->ncols,
				     _("no indicator header: read for figures only"));
		}
	}
}

/* ---- assembling ---- */

int jx__rc_begin(jx__rc *rc)
{
	for (int k = 0; k < JX__RC_KINDS; k++) {
		jx__rp_doc *d = &rc->rp[k];
		if (!rc->has_kind[k] && k != 0)
			continue;
		if (!(d->ev = jx_evaluation_new(rc->dept, rc->year, rc->kind_of[k])))
			return jx__oom();
		d->ev->provenance = rc->prov;
		d->total_line = d->last_row_line = d->self_score_line = 0;
		d->no_total_ok = rc->reg; /* a register holds no 合计 per evaluation */
	}
	if (!rc->reg) { /* a register's figures would belong to no one department-year */
		if (!(rc->rp[0].figs = jx_figures_new(rc->dept, rc->year)))
			return jx__oom();
		rc->rp[0].figs->provenance = rc->prov;
	}
	return 0;
}

/* Rows and warnings: lines become the places' own line numbers. */
static void settle_lines(jx__rc *rc, jx_evaluation *ev)
{
	for (size_t i = 0; i < ev->nrows; i++)
		ev->rows[i].line = stored_line(rc, ev->rows[i].line);
	ev->line = stored_line(rc, ev->line);
}

/* A table without a self column gave its prose warnings to a scratch evaluation. */
static int move_warnings(jx_evaluation *to, const jx_evaluation *from)
{
	for (size_t i = 0; i < from->nwarnings; i++)
		if (jx_evaluation_warn(to, from->warnings[i].line, "%s", from->warnings[i].message))
			return JX_ENOMEM;
	return 0;
}

/* Hand an evaluation on: to the sink (which may keep it) or into the batch. */
static int emit_evaluation(jx__rc *rc, jx_evaluation *ev)
{
	int r;
	if (!rc->sink) {
		if ((r = jx_batch_add_evaluation(rc->batch, ev)) != 0)
			jx_evaluation_free(ev);
		return r;
	}
	r = rc->sink->evaluation ? rc->sink->evaluation(rc->sink->ctx, ev) : 0;
	if (r != JX_READ_KEEP)
		jx_evaluation_free(ev);
	return r < 0 ? r : 0;
}

static int emit_figures(jx__rc *rc, jx_figures *f)
{
	int r;
	for (size_t i = 0; i < f->nitems; i++)
		f->items[i].line = stored_line(rc, f->items[i].line);
	f->line = stored_line(
		rc, rc->rp[0].title < rc->rp[0].nlines ? rc->rp[0].lines[rc->rp[0].title].no : 0);
	if (!f->nitems) {
		jx_figures_free(f);
		return 0;
	}
	if (!rc->sink) {
		if ((r = jx_batch_add_figures(rc->batch, f)) != 0)
			jx_figures_free(f);
		return r;
	}
	r = rc->sink->figures ? rc->sink->figures(rc->sink->ctx, f) : 0;
	if (r != JX_READ_KEEP)
		jx_figures_free(f);
	return r < 0 ? r : 0;
}

int jx__rc_flush(jx__rc *rc)
{
	int e = 0, first = 1;
	if (!rc->rp[0].ev)
		return 0;
	for (int k = 0; k < JX__RC_KINDS && e == 0; k++)
		if (rc->has_kind[k])
			e = jx__rp_reconcile(&rc->rp[k]);
	if (e == 0 && !rc->has_kind[0])
		e = move_warnings(rc->rp[1].ev, rc->rp[0].ev);
	for (int k = 0; k < JX__RC_KINDS && e == 0; k++) {
		jx_evaluation *ev = rc->rp[k].ev;
		if (!rc->has_kind[k])
			continue;
		rc->rp[k].ev = NULL;
		settle_lines(rc, ev);
		if (first && rc->opts->describe && rc->trace.len)
			ev->reading = jx__buf_detach(&rc->trace); /* this evaluation's account */
		first = 0;
		e = emit_evaluation(rc, ev);
	}
	if (e == 0 && rc->rp[0].figs) {
		e = emit_figures(rc, rc->rp[0].figs);
		rc->rp[0].figs = NULL;
	}
	for (int k = 0; k < JX__RC_KINDS; k++) {
		jx_evaluation_free(rc->rp[k].ev);
		rc->rp[k].ev = NULL;
		jx__rp_groups_clear(&rc->rp[k]);
	}
	return e;
}

static void rc_free(jx__rc *rc)
{
	for (int k = 0; k < JX__RC_KINDS; k++)
		jx__rp_doc_free(&rc->rp[k]);
	for (size_t i = 0; i < rc->nowned; i++)
		free(rc->owned[i]);
	free(rc->owned);
	free(rc->places);
	free(rc->dept);
	jx__rc_project_clear(&rc->proj);
	jx_doc_table_free(rc->stream_row);
	jx__header_clear(&rc->head);
	jx__buf_free(&rc->trace);
}

static int recognise(jx__rc *rc)
{
	int e;
	if ((e = find_table(rc)) != 0 || (e = make_lines(rc)) != 0 ||
	    (e = jx__rc_read_meta(rc)) != 0)
		return e;
	if ((e = jx__rc_read_project(rc)) != 0)
		return e;
	for (size_t i = 0; i < rc->doc->nnotes; i++)
		jx__rc_trace(rc, "%s\n", rc->doc->notes[i]);
	jx__rc_trace_header(rc, rc->table, &rc->head);
	if ((e = jx__rc_settle_meta(rc)) != 0)
		return e;
	jx__rc_trace_project(rc);
	if ((!rc->reg && ((e = jx__rc_begin(rc)) != 0 || (e = jx__rc_project_records(rc)) != 0)) ||
	    (e = jx__rc_read_table(rc)) != 0)
		return e;
	trace_other_tables(rc);
	/* a project's figures are its fund block, not the department's prose */
	if (!rc->reg && ((!rc->proj.is_project && (e = jx__rp_read_figures(&rc->rp[0])) != 0) ||
			 (e = jx__rp_read_sections(&rc->rp[0])) != 0))
		return e;
	return jx__rc_flush(rc);
}

int jx__rc_read_one(const jx_doc *doc, const jx_read_options *opts, const jx_read_sink *sink,
		    jx_batch *batch)
{
	jx_read_options defaults = jx_read_options_default();
	jx__rc rc;
	int e;
	if (jx__workbook_is_own(doc)) /* read back as exported, not as people lay sheets out */
		return jx__workbook_read(doc, opts ? opts : &defaults, sink, batch);
	memset(&rc, 0, sizeof(rc));
	rc.doc = doc;
	rc.opts = opts ? opts : &defaults;
	rc.sink = sink;
	rc.batch = batch;
	rc.where.where = where;
	rc.where.line_of = line_of;
	rc.where.ctx = &rc;
	for (int k = 0; k < JX__RC_KINDS; k++) {
		rc.rp[k].name = doc->name;
		rc.rp[k].places = &rc.where;
	}
	jx__buf_init(&rc.trace);
	e = recognise(&rc);
	rc_free(&rc);
	return e;
}

int jx_doc_read(jx_batch **out, const jx_doc *doc, const jx_read_options *opts)
{
	jx_batch *b = jx_batch_new(doc->name);
	int e;
	*out = NULL;
	if (!b)
		return jx__oom();
	if ((e = jx__doc_read_sink(doc, opts, NULL, b)) != 0) {
		jx_batch_free(b);
		return e;
	}
	*out = b;
	return 0;
}
