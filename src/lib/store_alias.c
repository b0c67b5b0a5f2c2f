/* store_alias.c -- indicator aliases (renames joined across years) and grade bands. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_internal.h"

char *jx__normalize_key_arg(const char *arg)
{
	jx__buf b;
	const char *p = arg;
	if (!strchr(arg, '/'))
		return jx_name_normalize(arg);
	jx__buf_init(&b);
	while (p) {
		const char *slash = strchr(p, '/');
		char *part = jx__strndup(p, slash ? (size_t)(slash - p) : strlen(p));
		char *norm = part ? jx_name_normalize(part) : NULL;
		free(part);
		if (!norm) {
			jx__buf_free(&b);
			return NULL;
		}
		jx__buf_puts(&b, norm);
		free(norm);
		if (slash)
			jx__buf_puts(&b, "/");
		p = slash ? slash + 1 : NULL;
	}
	return jx__buf_detach(&b);
}

/* A full key stays as it is; a bare level-3 name must match exactly one stored key. */
static int to_key(jx_store *s, char **out, const char *arg)
{
	char *norm = jx__normalize_key_arg(arg), *found = NULL;
	sqlite3_stmt *st;
	int rc, n = 0;
	*out = NULL;
	if (!norm)
		return jx__oom();
	if (!*norm) {
		free(norm);
		return jx__error(JX_EINVAL, "empty indicator name");
	}
	if (strchr(norm, '/')) {
		*out = norm;
		return 0;
	}
	if ((rc = jx__prepare(s->db, &st, "SELECT DISTINCT key FROM indicator"
					  " WHERE key LIKE '%/' || ?1 ESCAPE '\\'"
					  " UNION SELECT old_key FROM alias WHERE old_key LIKE '%/' || ?1"
					  " ESCAPE '\\'")) != 0) {
		free(norm);
		return rc;
	}
	{
		/* escape LIKE wildcards in the name */
		jx__buf e;
		jx__buf_init(&e);
		for (const char *c = norm; *c; c++) {
			if (*c == '%' || *c == '_' || *c == '\\')
				jx__buf_put(&e, "\\", 1);
			jx__buf_put(&e, c, 1);
		}
		char *esc = jx__buf_detach(&e);
		jx__bind_text(st, 1, esc ? esc : norm);
		free(esc);
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *last = strrchr(k, '/');
		if (!last || strcmp(last + 1, norm) != 0)
			continue;
		if (n++ == 0)
			found = jx__strdup(k);
	}
	sqlite3_finalize(st);
	if (n == 0)
		rc = jx__error(JX_ENOTFOUND, "no stored indicator is named '%s'; give the full key "
				"level1/level2/level3 (see `jixiao indicators`)", arg);
	else if (n > 1)
		rc = jx__error(JX_EINVAL, "'%s' names %d different indicators; give the full key "
				"level1/level2/level3 (see `jixiao indicators`)", arg, n);
	free(norm);
	if (rc) {
		free(found);
		return rc;
	}
	*out = found;
	return 0;
}

int jx_store_alias_resolve(jx_store *s, char **out, const char *key)
{
	char **olds = NULL, **news = NULL;
	size_t n = 0;
	const char *cur = key;
	int rc;
	*out = NULL;
	if ((rc = jx_store_alias_list(s, &olds, &news, &n)) != 0)
		return rc;
	for (size_t hops = 0; hops <= n; hops++) {
		size_t i;
		for (i = 0; i < n && strcmp(olds[i], cur) != 0; i++)
			;
		if (i == n)
			break;
		cur = news[i];
	}
	*out = jx__strdup(cur);
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	return *out ? 0 : jx__oom();
}

int jx_store_alias_add(jx_store *s, const char *old_arg, const char *new_arg)
{
	char *old_key = NULL, *new_key = NULL, *end = NULL;
	sqlite3_stmt *st = NULL;
	int rc;
	if ((rc = to_key(s, &old_key, old_arg)) != 0 || (rc = to_key(s, &new_key, new_arg)) != 0)
		goto out;
	if (!strcmp(old_key, new_key)) {
		rc = jx__error(JX_EINVAL, "'%s' and '%s' are the same indicator", old_arg, new_arg);
		goto out;
	}
	if ((rc = jx_store_alias_resolve(s, &end, new_key)) != 0)
		goto out;
	if (!strcmp(end, old_key)) {
		rc = jx__error(JX_EINVAL, "alias %s -> %s would make a cycle", old_key, new_key);
		goto out;
	}
	if ((rc = jx__prepare(s->db, &st, "INSERT INTO alias(old_key, new_key) VALUES (?1, ?2)"
					  " ON CONFLICT(old_key) DO UPDATE SET new_key = excluded.new_key")) != 0)
		goto out;
	jx__bind_text(st, 1, old_key);
	jx__bind_text(st, 2, new_key);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = jx__db_error(s->db, "adding an alias");
out:
	sqlite3_finalize(st);
	free(old_key);
	free(new_key);
	free(end);
	return rc;
}

int jx_store_alias_remove(jx_store *s, const char *old_arg)
{
	char *key = jx__normalize_key_arg(old_arg);
	sqlite3_stmt *st;
	int rc;
	if (!key)
		return jx__oom();
	if ((rc = jx__prepare(s->db, &st, "DELETE FROM alias WHERE old_key = ?1")) == 0) {
		jx__bind_text(st, 1, key);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = jx__db_error(s->db, "removing an alias");
		else if (sqlite3_changes(s->db) == 0)
			rc = jx__error(JX_ENOTFOUND, "no alias for '%s'", old_arg);
		sqlite3_finalize(st);
	}
	free(key);
	return rc;
}

int jx_store_alias_list(jx_store *s, char ***olds, char ***news, size_t *n)
{
	sqlite3_stmt *st;
	char **o = NULL, **w = NULL;
	size_t ocap = 0, wcap = 0, cnt = 0;
	int rc, step;
	*olds = *news = NULL;
	*n = 0;
	if ((rc = jx__prepare(s->db, &st, "SELECT old_key, new_key FROM alias ORDER BY old_key")))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = jx__grow((void **)&o, &ocap, cnt + 1, sizeof(*o))) ||
		    (rc = jx__grow((void **)&w, &wcap, cnt + 1, sizeof(*w))))
			break;
		o[cnt] = jx__column_strdup(st, 0);
		w[cnt] = jx__column_strdup(st, 1);
		cnt++;
		if (!o[cnt - 1] || !w[cnt - 1]) {
			rc = jx__oom();
			break;
		}
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing aliases");
	sqlite3_finalize(st);
	if (rc) {
		jx_strings_free(o, cnt);
		jx_strings_free(w, cnt);
		return rc;
	}
	*olds = o;
	*news = w;
	*n = cnt;
	return 0;
}

/* ---- grades ---- */

static const jx_grade_band default_bands[] = {{"优", 90}, {"良", 80}, {"中", 60}, {"差", 0}};

static int band_cmp(const void *a, const void *b)
{
	double x = ((const jx_grade_band *)a)->min_score, y = ((const jx_grade_band *)b)->min_score;
	return x < y ? 1 : x > y ? -1 : 0;
}

int jx__store_bands(sqlite3 *db, jx_grade_band *out, size_t cap, size_t *n)
{
	sqlite3_stmt *st;
	int rc;
	*n = 0;
	if ((rc = jx__prepare(db, &st, "SELECT grade, min_score FROM grade_band"
				       " ORDER BY min_score DESC")) != 0)
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW && *n < cap) {
		snprintf(out[*n].grade, sizeof(out[*n].grade), "%s", sqlite3_column_text(st, 0));
		out[*n].min_score = sqlite3_column_double(st, 1);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (*n == 0)
		for (size_t i = 0; i < 4 && i < cap; i++)
			out[(*n)++] = default_bands[i];
	return 0;
}

int jx_store_grade_bands(jx_store *s, jx_grade_band *out, size_t cap, size_t *n)
{
	return jx__store_bands(s->db, out, cap, n);
}

const char *jx_grade_of(const jx_grade_band *bands, size_t n, double score, double total_weight)
{
	double pct = total_weight > 0 ? score / total_weight * 100.0 : NAN;
	if (isnan(pct) || n == 0)
		return "";
	for (size_t i = 0; i < n; i++)
		if (pct + 1e-9 >= bands[i].min_score)
			return bands[i].grade;
	return bands[n - 1].grade;
}

int jx_store_set_grade_bands(jx_store *s, const jx_grade_band *bands, size_t n)
{
	jx_grade_band sorted[16];
	sqlite3_stmt *ins = NULL, *sel = NULL, *upd = NULL;
	int rc;
	if (n == 0 || n > 16)
		return jx__error(JX_EINVAL, "give between 1 and 16 grade bands");
	memcpy(sorted, bands, n * sizeof(*bands));
	jx__sort(sorted, n, sizeof(*sorted), band_cmp);
	for (size_t i = 0; i < n; i++) {
		if (!sorted[i].grade[0] || sorted[i].min_score < 0 || sorted[i].min_score > 100)
			return jx__error(JX_EINVAL, "a grade band needs a name and a minimum in 0..100");
		if (i && sorted[i].min_score == sorted[i - 1].min_score)
			return jx__error(JX_EINVAL, "two grade bands start at the same score");
	}
	if (sorted[n - 1].min_score != 0)
		return jx__error(JX_EINVAL, "the lowest grade band must start at 0");
	if ((rc = jx__exec(s->db, "BEGIN IMMEDIATE")) != 0)
		return rc;
	if ((rc = jx__exec(s->db, "DELETE FROM grade_band")) ||
	    (rc = jx__prepare(s->db, &ins, "INSERT INTO grade_band(grade, min_score) VALUES (?1, ?2)")))
		goto out;
	for (size_t i = 0; i < n && !rc; i++) {
		jx__bind_text(ins, 1, sorted[i].grade);
		sqlite3_bind_double(ins, 2, sorted[i].min_score);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = jx__db_error(s->db, "storing grade bands");
		sqlite3_reset(ins);
	}
	if (rc || (rc = jx__prepare(s->db, &sel, "SELECT id, total_score, total_weight FROM evaluation")) ||
	    (rc = jx__prepare(s->db, &upd, "UPDATE evaluation SET grade = ?2 WHERE id = ?1")))
		goto out;
	while (sqlite3_step(sel) == SQLITE_ROW && !rc) {
		sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
		jx__bind_text(upd, 2, jx_grade_of(sorted, n, sqlite3_column_double(sel, 1),
						  sqlite3_column_double(sel, 2)));
		if (sqlite3_step(upd) != SQLITE_DONE)
			rc = jx__db_error(s->db, "updating grades");
		sqlite3_reset(upd);
	}
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	if (rc == 0)
		rc = jx__exec(s->db, "COMMIT");
	if (rc)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* ---- alias files: CSV with header "old,new" ---- */

#include <csv.h>

typedef struct {
	jx_store *s;
	const char *name;
	char *f[3];
	size_t nf;
	int row, rc, count;
	int line, row_line, at_row_start; /* physical lines, for "file:line:" messages */
} alias_file;

static void af_field(void *data, size_t len, void *ctx)
{
	alias_file *a = ctx;
	if (a->nf < 3)
		a->f[a->nf] = jx__strndup(data ? data : "", data ? len : 0);
	a->nf++;
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
				a->rc = jx__error(JX_EPARSE, "%s:%d: header must be 'old,new'", a->name,
						  a->row_line);
		} else if (jx_store_alias_add(a->s, a->f[0], a->f[1]) != 0) {
			char msg[800];
			snprintf(msg, sizeof(msg), "%s", jx_error_last());
			a->rc = jx__error(JX_EINVAL, "%s:%d: %s", a->name, a->row_line, msg);
		} else
			a->count++;
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

int jx_store_alias_load(jx_store *s, const char *path, size_t *count)
{
	struct csv_parser p;
	alias_file a;
	char *data = NULL, *text = NULL;
	size_t len = 0, tlen = 0;
	int rc;
	memset(&a, 0, sizeof(a));
	a.s = s;
	a.name = path;
	if ((rc = jx__read_file(&data, &len, path, 16u << 20)) != 0)
		return rc;
	rc = jx_text_decode(&text, &tlen, NULL, path, data, len, JX_ENC_UTF8);
	free(data);
	if (rc)
		return rc;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(text);
		return jx__oom();
	}
	/* '#' comment lines before the header (e.g. "# provenance: synthetic") */
	size_t off = 0;
	while (off < tlen && text[off] == '#') {
		const char *nl = memchr(text + off, '\n', tlen - off);
		off = nl ? (size_t)(nl - text) + 1 : tlen;
		a.line++;
	}
	if ((rc = jx__exec(s->db, "BEGIN IMMEDIATE")) == 0) {
		if (alias_parse(&p, &a, text + off, tlen - off) != 0 && !a.rc)
			a.rc = jx__error(JX_EPARSE, "%s:%d: malformed CSV: %s", path,
					 a.row_line ? a.row_line : 1, csv_strerror(csv_error(&p)));
		rc = a.rc ? a.rc : jx__exec(s->db, "COMMIT");
		if (rc)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	csv_free(&p);
	free(text);
	if (count)
		*count = (size_t)a.count;
	return rc;
}
