/* csv.c -- the canonical CSV formats (scores and figures), read with libcsv.
 *
 * libcsv does the RFC 4180 tokenising; this file feeds it one physical line
 * at a time so that every row and field can be named as file:line:column,
 * then validates rows into evaluations / figure sets. Leading lines that
 * start with '#' are comments; "# provenance: synthetic|real" marks the file. */
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define MAX_FIELDS 16

enum { F_SCORES, F_FIGURES };

/* column roles */
enum { C_DEPT, C_YEAR, C_KIND, C_L1, C_L2, C_L3, C_EXPL, C_WEIGHT, C_SCORE, C_ORIGIN,
       C_ITEM, C_VALUE, C_UNIT, C_PROV, C_COUNT };

static const char *const col_names[C_COUNT] = {
	"department", "year", "kind", "level1", "level2", "level3", "explanation",
	"weight", "score", "score_origin", "item", "value", "unit", "provenance"};

/* evaluation / figure-set lookup by (department, year, kind) */
typedef struct {
	char *key;
	void *value;
} slot;

typedef struct {
	slot *slots;
	size_t cap, n;
} index_map;

typedef struct {
	const char *name;
	int what;
	const jx_read_options *opts;
	jx_batch *batch;
	jx_provenance provenance;
	/* tokenising state */
	char *fields[MAX_FIELDS];
	size_t nfields;
	int too_many;
	int line, row_line, at_row_start, header_done;
	int col_of[C_COUNT]; /* role -> field index, -1 when absent */
	size_t ncols;
	int rc; /* first error; parsing stops */
	index_map map;
	void *last;
	char last_key[512];
} reader;

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void *map_get(index_map *m, const char *key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].key)
			return NULL;
		if (!strcmp(m->slots[i].key, key))
			return m->slots[i].value;
	}
}

static int map_put(index_map *m, const char *key, void *value)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64;
		slot *ns = calloc(ncap, sizeof(*ns));
		if (!ns)
			return jx__oom();
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slots[i].key)
				continue;
			size_t j = hash_str(m->slots[i].key) & (ncap - 1);
			while (ns[j].key)
				j = (j + 1) & (ncap - 1);
			ns[j] = m->slots[i];
		}
		free(m->slots);
		m->slots = ns;
		m->cap = ncap;
	}
	size_t i = hash_str(key) & (m->cap - 1);
	while (m->slots[i].key)
		i = (i + 1) & (m->cap - 1);
	if (!(m->slots[i].key = jx__strdup(key)))
		return jx__oom();
	m->slots[i].value = value;
	m->n++;
	return 0;
}

static void map_free(index_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
}

static int fail(reader *r, int col, const char *fmt, ...) JX__PRINTF(3, 4);
static int fail(reader *r, int col, const char *fmt, ...)
{
	char msg[700];
	va_list ap;
	if (r->rc)
		return r->rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (col > 0)
		r->rc = jx__error(JX_EPARSE, "%s:%d:%d: %s", r->name, r->row_line, col, msg);
	else
		r->rc = jx__error(JX_EPARSE, "%s:%d: %s", r->name, r->row_line, msg);
	return r->rc;
}

static const char *field(reader *r, int role)
{
	int i = r->col_of[role];
	return i >= 0 && (size_t)i < r->nfields ? r->fields[i] : NULL;
}

static int colno(reader *r, int role) { return r->col_of[role] + 1; }

static int header_row(reader *r)
{
	static const int scores_req[] = {C_DEPT, C_YEAR, C_KIND, C_L1, C_L2, C_L3, C_EXPL,
					 C_WEIGHT, C_SCORE};
	static const int figures_req[] = {C_DEPT, C_YEAR, C_ITEM, C_VALUE, C_UNIT};
	const int *req = r->what == F_SCORES ? scores_req : figures_req;
	size_t nreq = r->what == F_SCORES ? 9 : 5, i;
	for (i = 0; i < C_COUNT; i++)
		r->col_of[i] = -1;
	for (i = 0; i < r->nfields; i++) {
		int role = -1;
		for (int k = 0; k < C_COUNT; k++)
			if (!strcmp(r->fields[i], col_names[k]))
				role = k;
		if (role < 0)
			return fail(r, (int)i + 1, "unknown column '%s'", r->fields[i]);
		if (r->col_of[role] >= 0)
			return fail(r, (int)i + 1, "column '%s' appears twice", r->fields[i]);
		r->col_of[role] = (int)i;
	}
	for (i = 0; i < nreq; i++)
		if (r->col_of[req[i]] < 0)
			return fail(r, 0, "missing column '%s' in the header (expected %s)",
				    col_names[req[i]],
				    r->what == F_SCORES ? JX_CSV_SCORES_HEADER : JX_CSV_FIGURES_HEADER);
	r->ncols = r->nfields;
	r->header_done = 1;
	return 0;
}

static int check_name(reader *r, int role, const char *s, int required)
{
	if (required && (!s || !*s))
		return fail(r, colno(r, role), "%s is empty", col_names[role]);
	/* names are keys and stay on one line; the explanation is free text (a quoted
	 * field may span lines, RFC 4180) */
	for (const char *p = s; p && *p; p++)
		if ((unsigned char)*p < 0x20 && !(role == C_EXPL && (*p == '\n' || *p == '\t')))
			return fail(r, colno(r, role), "%s contains a line break or control character",
				    col_names[role]);
	if (s && !jx_utf8_valid(s, strlen(s), NULL))
		return fail(r, colno(r, role), "%s is not valid UTF-8", col_names[role]);
	return 0;
}

static int parse_year(reader *r, int *year)
{
	const char *s = field(r, C_YEAR);
	double v;
	if (r->opts->year) {
		*year = r->opts->year;
		return 0;
	}
	if (jx_number_parse(s, &v) != 0 || v != floor(v) || v < 1900 || v > 2100)
		return fail(r, colno(r, C_YEAR), "year '%s' is not a year between 1900 and 2100", s);
	*year = (int)v;
	return 0;
}

static int row_provenance(reader *r, jx_provenance *p)
{
	const char *s = field(r, C_PROV);
	*p = r->provenance;
	if (s && *s && jx_provenance_parse(s, p) != 0)
		return fail(r, colno(r, C_PROV), "provenance must be real or synthetic, not '%s'", s);
	return 0;
}

static int scores_row(reader *r)
{
	const char *dept = r->opts->department ? r->opts->department : field(r, C_DEPT);
	const char *l1 = field(r, C_L1), *l2 = field(r, C_L2), *l3 = field(r, C_L3);
	const char *expl = field(r, C_EXPL), *ws = field(r, C_WEIGHT), *ss = field(r, C_SCORE);
	const char *os = field(r, C_ORIGIN);
	char key[512], *l1name = NULL;
	double weight, score = NAN, l1w;
	jx_origin origin = JX_ORIGIN_STATED;
	jx_kind kind;
	jx_provenance prov;
	jx_evaluation *ev;
	jx_indicator *row;
	int year, rc;

	if (check_name(r, C_DEPT, dept, 1) || parse_year(r, &year) || check_name(r, C_L1, l1, 1) ||
	    check_name(r, C_L2, l2, 0) || check_name(r, C_L3, l3, 1) || check_name(r, C_EXPL, expl, 0) ||
	    row_provenance(r, &prov))
		return r->rc;
	if (r->opts->kind >= 0)
		kind = (jx_kind)r->opts->kind;
	else if (jx_kind_parse(field(r, C_KIND), &kind) != 0)
		return fail(r, colno(r, C_KIND), "kind must be self or review, not '%s'",
			    field(r, C_KIND));
	if (jx_number_parse(ws, &weight) != 0)
		return fail(r, colno(r, C_WEIGHT), "weight '%s' is not a number", ws);
	if (!(weight > 0))
		return fail(r, colno(r, C_WEIGHT), "weight must be greater than 0, not %s", ws);
	if (os && *os && jx_origin_parse(os, &origin) != 0)
		return fail(r, colno(r, C_ORIGIN), "score_origin must be stated, inferred or missing, not '%s'", os);
	if (!*ss) {
		if (os && *os && origin != JX_ORIGIN_MISSING)
			return fail(r, colno(r, C_SCORE), "score is empty but score_origin is '%s'", os);
		origin = JX_ORIGIN_MISSING;
	} else {
		if (origin == JX_ORIGIN_MISSING)
			return fail(r, colno(r, C_ORIGIN), "score_origin is 'missing' but score is '%s'", ss);
		if (jx_number_parse(ss, &score) != 0)
			return fail(r, colno(r, C_SCORE), "score '%s' is not a number", ss);
		if (score < 0)
			return fail(r, colno(r, C_SCORE), "score %s is negative", ss);
		if (score > weight + 1e-9)
			return fail(r, colno(r, C_SCORE), "score %s is above its weight %s", ss, ws);
	}
	snprintf(key, sizeof(key), "%s\x1f%d\x1f%d", dept, year, (int)kind);
	if (r->last && !strcmp(key, r->last_key))
		ev = r->last;
	else if (!(ev = map_get(&r->map, key))) {
		if (!(ev = jx_evaluation_new(dept, year, kind)))
			return r->rc = jx__oom();
		ev->provenance = prov;
		ev->line = r->row_line;
		if (!isnan(r->opts->total_weight) && r->opts->total_weight > 0)
			ev->total_weight = r->opts->total_weight;
		if (jx_batch_add_evaluation(r->batch, ev) || map_put(&r->map, key, ev)) {
			jx_evaluation_free(ev);
			return r->rc = JX_ENOMEM;
		}
	}
	r->last = ev;
	snprintf(r->last_key, sizeof(r->last_key), "%s", key);
	if (ev->provenance != prov)
		return fail(r, colno(r, C_PROV), "provenance differs within one evaluation");
	if ((rc = jx_name_split_weight(&l1name, &l1w, l1)) < 0)
		return r->rc = rc;
	row = jx_evaluation_add_row(ev, l1name, l2, l3, expl, weight, score, origin, r->row_line);
	free(l1name);
	if (!row)
		return r->rc = JX_ENOMEM;
	row->level1_weight = l1w;
	for (size_t i = 0; i + 1 < ev->nrows; i++)
		if (!strcmp(ev->rows[i].key, row->key))
			return fail(r, colno(r, C_L3), "duplicate indicator '%s' (also on line %d)",
				    row->key, ev->rows[i].line);
	return 0;
}

static int figures_row(reader *r)
{
	const char *dept = r->opts->department ? r->opts->department : field(r, C_DEPT);
	const char *item = field(r, C_ITEM), *vs = field(r, C_VALUE), *unit = field(r, C_UNIT);
	const char *want;
	char key[512];
	int64_t cents;
	jx_figures *f;
	jx_provenance prov;
	int year;

	if (check_name(r, C_DEPT, dept, 1) || parse_year(r, &year) || row_provenance(r, &prov))
		return r->rc;
	if (!(want = jx_figure_unit(item)))
		return fail(r, colno(r, C_ITEM), "unknown figure item '%s' (see docs/formats.md)", item);
	if (*unit && strcmp(unit, want) != 0)
		return fail(r, colno(r, C_UNIT), "unit of %s must be %s, not '%s'", item, want, unit);
	if (jx_cents_parse(vs, &cents) != 0)
		return fail(r, colno(r, C_VALUE), "%s", jx_error_last());
	if (cents < 0)
		return fail(r, colno(r, C_VALUE), "%s must not be negative (%s)", item, vs);
	if (strcmp(want, "万元") != 0 && strcmp(want, "分") != 0 && cents % 100 != 0)
		return fail(r, colno(r, C_VALUE), "%s is a count and must be a whole number, not %s", item, vs);
	snprintf(key, sizeof(key), "%s\x1f%d", dept, year);
	if (!(f = map_get(&r->map, key))) {
		if (!(f = jx_figures_new(dept, year)))
			return r->rc = jx__oom();
		f->provenance = prov;
		f->line = r->row_line;
		if (jx_batch_add_figures(r->batch, f) || map_put(&r->map, key, f)) {
			jx_figures_free(f);
			return r->rc = JX_ENOMEM;
		}
	}
	if (jx_figures_get(f, item, NULL)) {
		int prev = 0;
		for (size_t i = 0; i < f->nitems; i++)
			if (!strcmp(f->items[i].item, item))
				prev = f->items[i].line;
		return fail(r, colno(r, C_ITEM), "%s of %s %d given twice (also on line %d)", item, dept,
			    year, prev);
	}
	if (jx_figures_set(f, item, cents, r->row_line) != 0)
		return r->rc = jx_error_code();
	return 0;
}

static void on_field(void *s, size_t len, void *data)
{
	reader *r = data;
	if (r->rc)
		return;
	if (r->nfields >= MAX_FIELDS) {
		r->too_many = 1;
		return;
	}
	if (!(r->fields[r->nfields] = jx__strndup(s ? s : "", s ? len : 0))) {
		r->rc = jx__oom();
		return;
	}
	r->nfields++;
}

static void on_row(int c, void *data)
{
	reader *r = data;
	(void)c;
	if (!r->rc) {
		if (r->too_many)
			fail(r, 0, "more than %d fields", MAX_FIELDS);
		else if (!r->header_done)
			header_row(r);
		else if (r->nfields != r->ncols)
			fail(r, 0, "expected %zu fields, found %zu", r->ncols, r->nfields);
		else if (r->what == F_SCORES)
			scores_row(r);
		else
			figures_row(r);
	}
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
	r->too_many = 0;
	r->at_row_start = 1;
}

/* Skip '#' comment lines at the top; read "# provenance: X". Returns bytes consumed. */
static size_t comments(reader *r, const char *text, size_t len)
{
	size_t off = 0;
	while (off < len && text[off] == '#') {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) + 1 : len;
		char *line = jx__strndup(text + off + 1, end - off - 1);
		if (line) {
			jx_trim(line);
			if (!strncmp(line, "provenance:", 11)) {
				char *v = jx_trim(line + 11);
				jx_provenance p;
				if (jx_provenance_parse(v, &p) == 0)
					r->provenance = p;
			}
			free(line);
		}
		r->line++;
		off = end;
	}
	return off;
}

static int check_totals(reader *r)
{
	for (size_t i = 0; i < r->batch->nevals; i++) {
		jx_evaluation *ev = r->batch->evals[i];
		double want = isnan(ev->total_weight) ? 100 : ev->total_weight;
		double got = jx_evaluation_weight_sum(ev);
		char a[64], b[64];
		if (fabs(got - want) > 1e-6) {
			jx_number_format(a, sizeof(a), got);
			jx_number_format(b, sizeof(b), want);
			r->row_line = ev->line;
			return fail(r, 0, "weights of %s %d %s add up to %s, not %s", ev->department,
				    ev->year, jx_kind_name(ev->kind), a, b);
		}
	}
	return 0;
}

static int read_csv(jx_batch **out, const char *name, const char *text, size_t len,
		    const jx_read_options *opts, int what)
{
	struct csv_parser p;
	reader r;
	size_t off;
	jx_read_options defaults = jx_read_options_default();

	*out = NULL;
	memset(&r, 0, sizeof(r));
	r.name = name;
	r.what = what;
	r.opts = opts ? opts : &defaults;
	r.provenance = JX_PROV_REAL;
	r.line = 0;
	r.at_row_start = 1;
	if (!(r.batch = jx_batch_new(name)))
		return jx__oom();
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		jx_batch_free(r.batch);
		return jx__oom();
	}
	off = comments(&r, text, len);
	while (off < len && !r.rc) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) + 1 : len;
		r.line++;
		if (r.at_row_start && end - off > (nl ? 1u : 0u)) {
			r.row_line = r.line;
			r.at_row_start = 0;
		}
		if (csv_parse(&p, text + off, end - off, on_field, on_row, &r) != end - off && !r.rc)
			fail(&r, 0, "malformed CSV: %s", csv_strerror(csv_error(&p)));
		off = end;
	}
	if (!r.rc && csv_fini(&p, on_field, on_row, &r) != 0)
		fail(&r, 0, "malformed CSV: %s (a quoted field is never closed)",
		     csv_strerror(csv_error(&p)));
	if (!r.rc && !r.header_done) {
		r.row_line = r.line ? r.line : 1;
		fail(&r, 0, "empty file: no header line");
	}
	if (!r.rc && r.batch->nevals == 0 && r.batch->nfigs == 0) {
		r.row_line = r.line;
		fail(&r, 0, "no data rows after the header");
	}
	if (!r.rc && what == F_SCORES)
		check_totals(&r);
	for (size_t i = 0; i < r.nfields; i++)
		free(r.fields[i]);
	csv_free(&p);
	map_free(&r.map);
	if (r.rc) {
		jx_batch_free(r.batch);
		return r.rc;
	}
	*out = r.batch;
	return 0;
}

int jx_csv_read_scores(jx_batch **out, const char *name, const char *text, size_t len,
		       const jx_read_options *opts)
{
	return read_csv(out, name, text, len, opts, F_SCORES);
}

int jx_csv_read_figures(jx_batch **out, const char *name, const char *text, size_t len,
			const jx_read_options *opts)
{
	return read_csv(out, name, text, len, opts, F_FIGURES);
}

int jx_csv_write_field(FILE *out, const char *s)
{
	size_t n = strlen(s);
	int quote = n > 0 && (strpbrk(s, ",\"\n\r") || s[0] == ' ' || s[n - 1] == ' ');
	if (!quote)
		return fputs(s, out) < 0 ? JX_EIO : 0;
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
	return ferror(out) ? JX_EIO : 0;
}
