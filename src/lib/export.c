/* export.c -- stored scores and figures written as canonical CSV or JSON, streamed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "store_internal.h"

static const char *kind_text(const jx_filter *f)
{
	return f && f->kind >= 0 ? jx_kind_name((jx_kind)f->kind) : NULL;
}

static void bind_filter(sqlite3_stmt *st, const jx_filter *f)
{
	jx__bind_text(st, 1, f ? f->department : NULL);
	sqlite3_bind_int(st, 2, f && f->year_from ? f->year_from : 0);
	sqlite3_bind_int(st, 3, f && f->year_to ? f->year_to : 9999);
	jx__bind_text(st, 4, kind_text(f));
}

#define FILTER_WHERE                                                                       \
	" WHERE (?1 IS NULL OR d.name = ?1) AND e.year >= ?2 AND e.year <= ?3"              \
	" AND (?4 IS NULL OR e.kind = ?4)"

/* The single provenance of the selection, or NULL when mixed (or empty). */
static int uniform_provenance(sqlite3 *db, const char *from_sql, const jx_filter *f, char *out,
			      size_t size)
{
	sqlite3_stmt *st;
	char sql[512];
	int rc;
	snprintf(sql, sizeof(sql), "SELECT min(x.provenance), count(DISTINCT x.provenance) %s",
		 from_sql);
	if ((rc = jx__prepare(db, &st, sql)) != 0)
		return rc;
	bind_filter(st, f);
	out[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1) == 1)
		snprintf(out, size, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return 0;
}

static void json_str(FILE *out, const char *s)
{
	json_t *j = json_string(s ? s : "");
	char *d = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	fputs(d ? d : "null", out);
	free(d);
	json_decref(j);
}

int jx_export_scores(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int bom)
{
	static const char from[] =
		"FROM evaluation x JOIN department d ON d.id = x.department_id"
		" WHERE (?1 IS NULL OR d.name = ?1) AND x.year >= ?2 AND x.year <= ?3"
		" AND (?4 IS NULL OR x.kind = ?4)";
	static const char sql[] =
		"SELECT d.name, e.year, e.kind, i.level1, i.level2, i.level3, i.explanation,"
		" i.weight, i.score, i.score_origin, e.provenance"
		" FROM evaluation e JOIN department d ON d.id = e.department_id"
		" JOIN indicator i ON i.evaluation_id = e.id" FILTER_WHERE
		" ORDER BY d.name, e.year, e.kind = 'review', i.seq";
	sqlite3_stmt *st;
	char prov[16];
	int rc, step, nrow = 0;
	if ((rc = uniform_provenance(s->db, from, f, prov, sizeof(prov))) != 0 ||
	    (rc = jx__prepare(s->db, &st, sql)) != 0)
		return rc;
	bind_filter(st, f);
	if (fmt == JX_FMT_CSV) {
		if (bom)
			fputs("\xEF\xBB\xBF", out);
		if (prov[0])
			fprintf(out, "# provenance: %s\n", prov);
		fprintf(out, "%s%s\n", JX_CSV_SCORES_HEADER, prov[0] ? "" : ",provenance");
	} else
		fputs("[", out);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char w[64], sc[64];
		jx_number_format(w, sizeof(w), sqlite3_column_double(st, 7));
		jx_number_format(sc, sizeof(sc), jx__column_double(st, 8));
		if (fmt == JX_FMT_CSV) {
			for (int c = 0; c < 7; c++) {
				if (c == 1)
					fprintf(out, "%d", sqlite3_column_int(st, 1));
				else
					jx_csv_write_field(out, (const char *)sqlite3_column_text(st, c));
				fputc(',', out);
			}
			fprintf(out, "%s,%s,%s", w, sc, (const char *)sqlite3_column_text(st, 9));
			if (!prov[0]) {
				fputc(',', out);
				fputs((const char *)sqlite3_column_text(st, 10), out);
			}
			fputc('\n', out);
		} else {
			static const char *const names[] = {"department", "year", "kind", "level1",
							    "level2", "level3", "explanation"};
			fputs(nrow ? ",\n  {" : "\n  {", out);
			for (int c = 0; c < 7; c++) {
				fprintf(out, "\"%s\": ", names[c]);
				if (c == 1)
					fprintf(out, "%d", sqlite3_column_int(st, 1));
				else
					json_str(out, (const char *)sqlite3_column_text(st, c));
				fputs(", ", out);
			}
			fprintf(out, "\"weight\": %s, \"score\": %s, \"score_origin\": \"%s\", "
				     "\"provenance\": \"%s\"}",
				w, sc[0] ? sc : "null", sqlite3_column_text(st, 9),
				sqlite3_column_text(st, 10));
		}
		nrow++;
	}
	if (fmt != JX_FMT_CSV)
		fputs(nrow ? "\n]\n" : "]\n", out);
	if (step != SQLITE_DONE)
		rc = jx__db_error(s->db, "exporting scores");
	sqlite3_finalize(st);
	if (rc == 0 && ferror(out))
		rc = jx__error(JX_EIO, "write error while exporting");
	return rc;
}

int jx_export_figures(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int bom)
{
	static const char from[] =
		"FROM figure x JOIN department d ON d.id = x.department_id"
		" WHERE (?1 IS NULL OR d.name = ?1) AND x.year >= ?2 AND x.year <= ?3"
		" AND (?4 IS NULL OR ?4 IS NOT NULL)";
	static const char sql[] =
		"SELECT d.name, e.year, e.item, e.value_cents, e.provenance"
		" FROM figure e JOIN department d ON d.id = e.department_id"
		" WHERE (?1 IS NULL OR d.name = ?1) AND e.year >= ?2 AND e.year <= ?3"
		" AND (?4 IS NULL OR ?4 IS NOT NULL)"
		" ORDER BY d.name, e.year, instr(?5, ',' || e.item || ',')";
	sqlite3_stmt *st;
	char prov[16], order[512] = ",";
	int rc, step, nrow = 0;
	for (const char *const *it = jx_figure_items(); *it; it++) {
		strcat(order, *it);
		strcat(order, ",");
	}
	if ((rc = uniform_provenance(s->db, from, f, prov, sizeof(prov))) != 0 ||
	    (rc = jx__prepare(s->db, &st, sql)) != 0)
		return rc;
	bind_filter(st, f);
	sqlite3_bind_text(st, 5, order, -1, SQLITE_TRANSIENT);
	if (fmt == JX_FMT_CSV) {
		if (bom)
			fputs("\xEF\xBB\xBF", out);
		if (prov[0])
			fprintf(out, "# provenance: %s\n", prov);
		fprintf(out, "%s%s\n", JX_CSV_FIGURES_HEADER, prov[0] ? "" : ",provenance");
	} else
		fputs("[", out);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char v[64];
		const char *item = (const char *)sqlite3_column_text(st, 2);
		jx_cents_format(v, sizeof(v), sqlite3_column_int64(st, 3));
		if (fmt == JX_FMT_CSV) {
			jx_csv_write_field(out, (const char *)sqlite3_column_text(st, 0));
			fprintf(out, ",%d,%s,%s,%s", sqlite3_column_int(st, 1), item, v,
				jx_figure_unit(item) ? jx_figure_unit(item) : "");
			if (!prov[0])
				fprintf(out, ",%s", sqlite3_column_text(st, 4));
			fputc('\n', out);
		} else {
			fputs(nrow ? ",\n  {\"department\": " : "\n  {\"department\": ", out);
			json_str(out, (const char *)sqlite3_column_text(st, 0));
			fprintf(out, ", \"year\": %d, \"item\": \"%s\", \"value\": %s, \"unit\": \"%s\", "
				     "\"provenance\": \"%s\"}",
				sqlite3_column_int(st, 1), item, v,
				jx_figure_unit(item) ? jx_figure_unit(item) : "",
				sqlite3_column_text(st, 4));
		}
		nrow++;
	}
	if (fmt != JX_FMT_CSV)
		fputs(nrow ? "\n]\n" : "]\n", out);
	if (step != SQLITE_DONE)
		rc = jx__db_error(s->db, "exporting figures");
	sqlite3_finalize(st);
	if (rc == 0 && ferror(out))
		rc = jx__error(JX_EIO, "write error while exporting");
	return rc;
}
