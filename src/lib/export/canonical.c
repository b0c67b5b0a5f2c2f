/* SPDX-License-Identifier: GPL-3.0-or-later */
/* canonical.c -- stored scores and figures written as canonical CSV or JSON, streamed
 * row by row from the store (jx_store_scan_scores / _figures).
 *
 * The columns project, target, actual, reason and staffing are written only when some
 * row of the selection has a value for them (jx_store_optional_columns), so
 * a file without them exports back exactly as it was imported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "export/internal.h"

typedef struct {
	FILE *out;
	jx_format fmt;
	int provenance_column; /* the selection mixes provenances: one column per row */
	unsigned optional;     /* JX_COLUMN_* written */
	size_t nrow;
	int formula_safe; /* CSV for spreadsheets (--bom): text cells neutralised */
} writer;

/* The optional columns, in the order they are written. */
static const struct {
	unsigned bit;
	const char *name;
} optional_columns[] = {{JX_COLUMN_PROJECT, "project"},
			{JX_COLUMN_TARGET, "target"},
			{JX_COLUMN_ACTUAL, "actual"},
			{JX_COLUMN_REASON, "reason"},
			{JX_COLUMN_STAFFING, "staffing"}};

#define NOPTIONAL (sizeof(optional_columns) / sizeof(optional_columns[0]))

static void json_str(FILE *out, const char *s)
{
	json_t *j = json_string(s ? s : "");
	char *d = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	fputs(d ? d : "null", out);
	free(d);
	json_decref(j);
}

/* One header name, after a comma unless first: in Chinese when zh and the reader has one. */
static void header_name(FILE *out, const char *name, size_t len, int zh, int first)
{
	char buf[64];
	const char *cn;
	snprintf(buf, sizeof(buf), "%.*s", (int)len, name);
	cn = zh ? jx_csv_column_zh(buf) : NULL;
	fprintf(out, "%s%s", first ? "" : ",", cn ? cn : buf);
}

/* The CSV preamble: BOM, "# provenance: X" when uniform, the header. */
static void csv_start(FILE *out, int flags, int provenance, const char *header, unsigned optional)
{
	int zh = (flags & JX_EXPORT_HEADERS_ZH) != 0;
	if (flags & JX_EXPORT_BOM)
		fputs("\xEF\xBB\xBF", out);
	if (provenance >= 0)
		fprintf(out, "# provenance: %s\n", jx_provenance_name((jx_provenance)provenance));
	for (const char *p = header; *p;) {
		size_t n = strcspn(p, ",");
		header_name(out, p, n, zh, p == header);
		p += n + (p[n] == ',');
	}
	for (size_t i = 0; i < NOPTIONAL; i++)
		if (optional & optional_columns[i].bit)
			header_name(out, optional_columns[i].name, strlen(optional_columns[i].name),
				    zh, 0);
	if (provenance < 0)
		header_name(out, "provenance", strlen("provenance"), zh, 0);
	fputc('\n', out);
}

/* The optional fields of a row that has them (values in optional_columns order). */
static void optional_fields(const writer *w, const char *const values[NOPTIONAL])
{
	for (size_t i = 0; i < NOPTIONAL; i++) {
		if (!(w->optional & optional_columns[i].bit))
			continue;
		if (w->fmt == JX_FMT_CSV) {
			fputc(',', w->out);
			jx_csv_write_cell(w->out, values[i] ? values[i] : "", w->formula_safe);
		} else {
			fprintf(w->out, ", \"%s\": ", optional_columns[i].name);
			if (values[i])
				json_str(w->out, values[i]);
			else
				fputs("null", w->out);
		}
	}
}

static int score_row(void *ctx, const jx_stored_score *r)
{
	static const char *const names[] = {"department", "year",   "kind",       "level1",
					    "level2",     "level3", "explanation"};
	writer *w = ctx;
	const char *text[7] = {r->department, NULL,      jx_kind_name(r->kind), r->level1,
			       r->level2,     r->level3, r->explanation};
	const char *const extra[NOPTIONAL] = {r->project, r->target, r->actual, r->reason,
					      r->staffing};
	char wt[64], sc[64];
	jx_number_format(wt, sizeof(wt), r->weight);
	jx_number_format(sc, sizeof(sc), r->score);
	if (w->fmt == JX_FMT_CSV) {
		for (int c = 0; c < 7; c++) {
			if (c == 1)
				fprintf(w->out, "%d", r->year);
			else
				jx_csv_write_cell(w->out, text[c], w->formula_safe);
			fputc(',', w->out);
		}
		fprintf(w->out, "%s,%s,%s", wt, sc, jx_origin_name(r->origin));
		optional_fields(w, extra);
		if (w->provenance_column)
			fprintf(w->out, ",%s", jx_provenance_name(r->provenance));
		fputc('\n', w->out);
	} else {
		fputs(w->nrow ? ",\n  {" : "\n  {", w->out);
		for (int c = 0; c < 7; c++) {
			fprintf(w->out, "\"%s\": ", names[c]);
			if (c == 1)
				fprintf(w->out, "%d", r->year);
			else
				json_str(w->out, text[c]);
			fputs(", ", w->out);
		}
		fprintf(w->out, "\"weight\": %s, \"score\": %s, \"score_origin\": \"%s\"", wt,
			sc[0] ? sc : "null", jx_origin_name(r->origin));
		optional_fields(w, extra);
		fprintf(w->out, ", \"provenance\": \"%s\"}", jx_provenance_name(r->provenance));
	}
	w->nrow++;
	return ferror(w->out) ? jx__error(JX_EIO, _("write error while exporting")) : 0;
}

static int figure_row(void *ctx, const jx_stored_figure *r)
{
	writer *w = ctx;
	const char *unit = jx_figure_unit(r->item);
	const char *const extra[NOPTIONAL] = {r->project, NULL, NULL, NULL, NULL};
	char v[64];
	jx_cents_format(v, sizeof(v), r->cents);
	if (w->fmt == JX_FMT_CSV) {
		jx_csv_write_cell(w->out, r->department, w->formula_safe);
		fprintf(w->out, ",%d,%s,%s,%s", r->year, r->item, v, unit ? unit : "");
		optional_fields(w, extra);
		if (w->provenance_column)
			fprintf(w->out, ",%s", jx_provenance_name(r->provenance));
		fputc('\n', w->out);
	} else {
		fputs(w->nrow ? ",\n  {\"department\": " : "\n  {\"department\": ", w->out);
		json_str(w->out, r->department);
		fprintf(w->out, ", \"year\": %d, \"item\": \"%s\", \"value\": %s, \"unit\": \"%s\"",
			r->year, r->item, v, unit ? unit : "");
		optional_fields(w, extra);
		fprintf(w->out, ", \"provenance\": \"%s\"}", jx_provenance_name(r->provenance));
	}
	w->nrow++;
	return ferror(w->out) ? jx__error(JX_EIO, _("write error while exporting")) : 0;
}

static int export(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int flags, int figures)
{
	writer w = {out, fmt, 0, 0, 0, (flags & JX_EXPORT_BOM) != 0};
	int prov, rc;
	if ((rc = jx_store_uniform_provenance(s, &prov, f, figures)) != 0 ||
	    (rc = jx_store_optional_columns(s, &w.optional, f, figures)) != 0)
		return rc;
	w.provenance_column = prov < 0;
	if (fmt == JX_FMT_CSV)
		csv_start(out, flags, prov, figures ? JX_CSV_FIGURES_HEADER : JX_CSV_SCORES_HEADER,
			  w.optional);
	else
		fputs("[", out);
	rc = figures ? jx_store_scan_figures(s, f, figure_row, &w)
		     : jx_store_scan_scores(s, f, score_row, &w);
	if (fmt != JX_FMT_CSV)
		fputs(w.nrow ? "\n]\n" : "]\n", out);
	if (rc == 0 && ferror(out))
		rc = jx__error(JX_EIO, _("write error while exporting"));
	return rc;
}

int jx_export_scores(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int flags)
{
	return export(s, out, f, fmt, flags, 0);
}

int jx_export_figures(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int flags)
{
	return export(s, out, f, fmt, flags, 1);
}
