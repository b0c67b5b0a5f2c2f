/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.c -- the canonical CSV formats (scores and figures).
 *
 * csv_rows.c tokenises (libcsv, one physical line at a time, so that every
 * row and field can be named as file:line:column); this file checks each
 * row; csv_names.c reads the header; csv_assemble.c gathers the rows into
 * evaluations and figure sets. The reader is a push parser (ingest/internal.h): the whole text
 * at once for jx_csv_read_*, or piece by piece from jx_read_file_stream.
 * Leading lines that start with '#' are comments; "# provenance:
 * synthetic|real" marks the file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

typedef jx__csv reader;

int jx__csv_fail(reader *r, int col, const char *fmt, ...)
{
	char msg[700];
	va_list ap;
	if (r->rc)
		return r->rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (col > 0)
		r->rc = jx__error(JX_EPARSE, "%s:%d:%d: %s", r->name, r->rows.row_line, col, msg);
	else
		r->rc = jx__error(JX_EPARSE, "%s:%d: %s", r->name, r->rows.row_line, msg);
	return r->rc;
}

/* short name inside this file */
#define fail jx__csv_fail

static const char *field(reader *r, int role)
{
	int i = r->col_of[role];
	return i >= 0 && (size_t)i < r->rows.nfields ? r->rows.fields[i] : NULL;
}

static int colno(reader *r, int role)
{
	return r->col_of[role] + 1;
}

/* 1 when s holds a control character (free text may hold line breaks and tabs). Checked text
 * (read.c's decode, jx_text_decode) holds none but those two. */
static int control(const char *s, int free_text)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 && !(free_text && (*p == '\n' || *p == '\t')))
			return 1;
	return 0;
}

static int check_name(reader *r, int role, const char *s, int required)
{
	if (required && (!s || !*s))
		return fail(r, colno(r, role), _("%s is empty"), jx__csv_role_name(role));
	/* names are keys and stay on one line; the explanation is free text (a quoted
	 * field may span lines, RFC 4180) */
	int free_text = role == JX__COL_EXPL || role == JX__COL_TARGET || role == JX__COL_ACTUAL ||
			role == JX__COL_REASON || role == JX__COL_STAFFING;
	if (s && (r->text_checked ? !free_text && strpbrk(s, "\t\n") : control(s, free_text)))
		return fail(r, colno(r, role), _("%s contains a line break or control character"),
			    jx__csv_role_name(role));
	if (s && !r->text_checked && !jx_utf8_valid(s, strlen(s), NULL))
		return fail(r, colno(r, role), _("%s is not valid UTF-8"), jx__csv_role_name(role));
	return 0;
}

/*
 * jx_number_parse, with a shortcut for what files mostly hold: plain ASCII
 * decimals of at most 15 digits. Their value m / 10^d (m < 2^53 and 10^d
 * exact) is one correctly rounded division, which is what strtod gives.
 */
static int parse_number(const char *s, double *out)
{
	static const double pow10[] = {1,   1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	const char *p = s + (*s == '-');
	long long m = 0;
	int digits = 0, frac = -1;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 15)
				return jx_number_parse(s, out);
			m = m * 10 + (*p - '0');
			frac += frac >= 0;
		} else if (*p == '.' && frac < 0 && digits) {
			frac = 0;
		} else {
			break;
		}
	}
	if (*p || !digits || frac == 0)
		return jx_number_parse(s, out);
	*out = (double)m / pow10[frac < 0 ? 0 : frac];
	if (*s == '-')
		*out = -*out;
	return 0;
}

/* The row's year: the file's, or --year where it states none (relabel.c). */
static int parse_year(reader *r, int *year)
{
	const char *s = field(r, JX__COL_YEAR);
	int given = r->opts->year > 0, stated = 0;
	double v;
	if (s && *s && !(given && r->opts->relabel)) {
		if (parse_number(s, &v) != 0 || v != floor(v) || v < JX_YEAR_MIN || v > JX_YEAR_MAX)
			return fail(r, colno(r, JX__COL_YEAR),
				    _("year '%s' is not a year between %d and %d"), s, JX_YEAR_MIN,
				    JX_YEAR_MAX);
		stated = (int)v;
	}
	if (!stated && !given)
		return fail(r, colno(r, JX__COL_YEAR),
			    _("year '%s' is not a year between %d and %d"), s ? s : "", JX_YEAR_MIN,
			    JX_YEAR_MAX);
	if (jx__pick_year(r->opts, stated, year, r->name, r->rows.row_line) != 0)
		return r->rc = jx_error_code();
	return 0;
}

/* The row's department: the file's, or --dept where it names none (relabel.c). */
static int pick_department(reader *r, const char **dept)
{
	*dept = jx__pick_department(r->opts, field(r, JX__COL_DEPT), r->name, r->rows.row_line);
	if (!*dept && r->opts->department && *r->opts->department)
		return r->rc = jx_error_code(); /* the file names another */
	return 0;
}

/* The row's kind: the file's, or --kind where it states none (relabel.c). */
static int pick_kind(reader *r, jx_kind *kind)
{
	const char *s = field(r, JX__COL_KIND);
	int stated = -1;
	if (s && *s && !(r->opts->kind >= 0 && r->opts->relabel) &&
	    (stated = jx__csv_code(JX__COL_KIND, s)) < 0)
		return fail(r, colno(r, JX__COL_KIND), _("kind must be self or review, not '%s'"),
			    s);
	if (stated < 0 && r->opts->kind < 0)
		return fail(r, colno(r, JX__COL_KIND), _("kind must be self or review, not '%s'"),
			    s ? s : "");
	if (jx__pick_kind(r->opts, stated, kind, r->name, r->rows.row_line) != 0)
		return r->rc = jx_error_code();
	return 0;
}

static int row_provenance(reader *r, jx_provenance *p)
{
	const char *s = field(r, JX__COL_PROV);
	int code = s && *s ? jx__csv_code(JX__COL_PROV, s) : (int)r->provenance;
	if (code < 0)
		return fail(r, colno(r, JX__COL_PROV),
			    _("provenance must be real or synthetic, not '%s'"), s);
	*p = (jx_provenance)code;
	return 0;
}

/* Keep *slot equal to s (a copy); 0 or JX_ENOMEM. */
static int remember(reader *r, char **slot, const char *s)
{
	if (*slot && !strcmp(*slot, s))
		return 0;
	free(*slot);
	if (!(*slot = jx__strdup(s)))
		return r->rc = jx__oom();
	return 0;
}

/*
 * Blank level-1 and level-2 cells under a merged cell, as Excel saves them:
 * a blank level1 takes the row above's, and then so does a blank level2
 * (a row that names its level1 keeps its level2 as written, empty or not).
 */
static int carry_down(reader *r, const char **l1, const char **l2)
{
	if (!**l1 && r->carry_l1) {
		*l1 = r->carry_l1;
		if (!**l2 && r->carry_l2)
			*l2 = r->carry_l2;
	}
	if (remember(r, &r->carry_l1, *l1) || remember(r, &r->carry_l2, *l2))
		return r->rc;
	*l1 = r->carry_l1;
	*l2 = r->carry_l2;
	return 0;
}

/* The optional level1_weight column (the workbook's 一级指标分值): the declared weight of
 * the row's level-1 category, over one written in its name ("决策（20分）"). */
static int level1_weight(reader *r, jx_indicator *row)
{
	const char *s = field(r, JX__COL_L1W);
	double w;
	if (!s || !*s)
		return 0;
	if (parse_number(s, &w) != 0 || !(w > 0))
		return fail(r, colno(r, JX__COL_L1W),
			    _("level1_weight must be a number greater than 0, not '%s'"), s);
	row->level1_weight = w;
	return 0;
}

/* The row's target, actual and reason (columns most files do not have): without any, what
 * jx_indicator_set_target leaves on a new row, without its three parses. */
static int set_target(reader *r, jx_indicator *row, int year)
{
	const char *target = field(r, JX__COL_TARGET), *actual = field(r, JX__COL_ACTUAL),
		   *reason = field(r, JX__COL_REASON);
	if ((!target || !*target) && (!actual || !*actual) && (!reason || !*reason)) {
		row->target_q.value = row->actual_q.value = NAN;
		return 0;
	}
	return jx_indicator_set_target(row, year, target, actual, reason);
}

/* The optional staffing column: the evaluation's (every row that fills it states the same). */
static int staffing(reader *r, jx_evaluation *ev)
{
	const char *s = field(r, JX__COL_STAFFING);
	if (!s || !*s)
		return 0;
	if (ev->staffing && strcmp(ev->staffing, s) != 0)
		return fail(r, colno(r, JX__COL_STAFFING),
			    _("staffing differs within one evaluation"));
	return remember(r, &ev->staffing, s);
}

static int scores_row(reader *r)
{
	const char *dept = NULL;
	const char *l1 = field(r, JX__COL_L1), *l2 = field(r, JX__COL_L2),
		   *l3 = field(r, JX__COL_L3);
	const char *expl = field(r, JX__COL_EXPL), *ws = field(r, JX__COL_WEIGHT),
		   *ss = field(r, JX__COL_SCORE);
	const char *os = field(r, JX__COL_ORIGIN), *project = field(r, JX__COL_PROJECT);
	double weight, score = NAN;
	jx_origin origin = JX_ORIGIN_STATED;
	jx_kind kind;
	jx_provenance prov = JX_PROV_REAL;
	jx_evaluation *ev;
	jx_indicator *row;
	const jx_indicator *dup;
	int year, code = 0; /* set before use; GCC -O2 with sanitizers cannot see it */

	if (!expl)
		expl = "";
	if (pick_department(r, &dept) || check_name(r, JX__COL_DEPT, dept, 1) ||
	    parse_year(r, &year) || carry_down(r, &l1, &l2) || check_name(r, JX__COL_L1, l1, 1) ||
	    check_name(r, JX__COL_L2, l2, 0) || check_name(r, JX__COL_L3, l3, 1) ||
	    check_name(r, JX__COL_EXPL, expl, 0) || check_name(r, JX__COL_PROJECT, project, 0) ||
	    check_name(r, JX__COL_TARGET, field(r, JX__COL_TARGET), 0) ||
	    check_name(r, JX__COL_ACTUAL, field(r, JX__COL_ACTUAL), 0) ||
	    check_name(r, JX__COL_REASON, field(r, JX__COL_REASON), 0) ||
	    check_name(r, JX__COL_STAFFING, field(r, JX__COL_STAFFING), 0) ||
	    row_provenance(r, &prov))
		return r->rc;
	if (project && !*project)
		project = NULL;
	if (pick_kind(r, &kind))
		return r->rc;
	if (parse_number(ws, &weight) != 0)
		return fail(r, colno(r, JX__COL_WEIGHT), _("weight '%s' is not a number"), ws);
	if (!(weight > 0))
		return fail(r, colno(r, JX__COL_WEIGHT), _("weight must be greater than 0, not %s"),
			    ws);
	if (os && *os && (code = jx__csv_code(JX__COL_ORIGIN, os)) < 0)
		return fail(r, colno(r, JX__COL_ORIGIN),
			    _("score_origin must be stated, inferred or missing, not '%s'"), os);
	if (os && *os)
		origin = (jx_origin)code;
	if (!*ss) {
		if (os && *os && origin != JX_ORIGIN_MISSING)
			return fail(r, colno(r, JX__COL_SCORE),
				    _("score is empty but score_origin is '%s'"), os);
		origin = JX_ORIGIN_MISSING;
	} else {
		if (origin == JX_ORIGIN_MISSING)
			return fail(r, colno(r, JX__COL_ORIGIN),
				    _("score_origin is 'missing' but score is '%s'"), ss);
		if (parse_number(ss, &score) != 0)
			return fail(r, colno(r, JX__COL_SCORE), _("score '%s' is not a number"),
				    ss);
		if (score < 0)
			return fail(r, colno(r, JX__COL_SCORE), _("score %s is negative"), ss);
		if (score > weight + 1e-9)
			return fail(r, colno(r, JX__COL_SCORE),
				    _("score %s is above its weight %s"), ss, ws);
	}
	if (jx__csv_evaluation(r, &ev, dept, year, kind, project, prov) != 0)
		return r->rc;
	if (ev->provenance != prov)
		return fail(r, colno(r, JX__COL_PROV),
			    _("provenance differs within one evaluation"));
	if (staffing(r, ev) != 0)
		return r->rc;
	if (!(row = jx__csv_add_row(r, ev, l1, l2, l3, expl, weight, score, origin)) ||
	    set_target(r, row, year) != 0)
		return r->rc = JX_ENOMEM;
	if (level1_weight(r, row) != 0)
		return r->rc;
	if ((dup = jx__csv_same_key(r, ev)) != NULL)
		return fail(r, colno(r, JX__COL_L3),
			    _("duplicate indicator '%s' (also on line %d)"), row->key, dup->line);
	return 0;
}

static int figures_row(reader *r)
{
	const char *dept = NULL;
	const char *item = field(r, JX__COL_ITEM), *vs = field(r, JX__COL_VALUE),
		   *unit = field(r, JX__COL_UNIT), *project = field(r, JX__COL_PROJECT);
	const char *want;
	int64_t cents;
	jx_figures *f;
	jx_provenance prov = JX_PROV_REAL;
	int year, wan;

	if (pick_department(r, &dept) || check_name(r, JX__COL_DEPT, dept, 1) ||
	    parse_year(r, &year) || check_name(r, JX__COL_PROJECT, project, 0) ||
	    row_provenance(r, &prov))
		return r->rc;
	if (project && !*project)
		project = NULL;
	if (!(want = jx_figure_unit(item)))
		return fail(r, colno(r, JX__COL_ITEM),
			    _("unknown figure item '%s' (see docs/formats.md)"), item);
	if (!project != !jx_figure_is_project(item))
		return fail(r, colno(r, JX__COL_ITEM),
			    project ? _("%s is a figure of a department, so the project column "
					"must be empty")
				    : _("%s is a figure of a project, so the project column must "
					"name it"),
			    item);
	/* a project's money is kept in 元; 万元 converts exactly */
	wan = *unit && !strcmp(want, "元") && !strcmp(unit, "万元");
	if (*unit && strcmp(unit, want) != 0 && !wan)
		return fail(r, colno(r, JX__COL_UNIT), _("unit of %s must be %s, not '%s'"), item,
			    want, unit);
	if (jx_scaled_parse(vs, wan ? 6 : 2, &cents) != 0)
		return fail(r, colno(r, JX__COL_VALUE), "%s", jx_error_last());
	if (cents < 0)
		return fail(r, colno(r, JX__COL_VALUE), _("%s must not be negative (%s)"), item,
			    vs);
	if ((!strcmp(want, "人") || !strcmp(want, "辆")) && cents % 100 != 0)
		return fail(r, colno(r, JX__COL_VALUE),
			    _("%s is a count and must be a whole number, not %s"), item, vs);
	if (jx__csv_figures(r, &f, dept, year, project, prov) != 0)
		return r->rc;
	if (jx_figures_get(f, item, NULL)) {
		int prev = 0;
		for (size_t i = 0; i < f->nitems; i++)
			if (!strcmp(f->items[i].item, item))
				prev = f->items[i].line;
		return fail(r, colno(r, JX__COL_ITEM),
			    _("%s of %s%s%s %d given twice (also on line %d)"), item, dept,
			    project ? " / " : "", project ? project : "", year, prev);
	}
	if (jx_figures_set(f, item, cents, r->rows.row_line) != 0)
		return r->rc = jx_error_code();
	return 0;
}

/* ---- rows ---- */

static int empty_row(const jx__csv_rows *t)
{
	for (size_t i = 0; i < t->nfields; i++)
		if (t->fields[i][0])
			return 0;
	return 1;
}

static int on_row(void *ctx, jx__csv_rows *t)
{
	reader *r = ctx;
	if (t->too_many)
		fail(r, 0, _("more than %d fields"), JX__CSV_MAX_FIELDS);
	else if (!r->header_done)
		jx__csv_header(r);
	else if (empty_row(t))
		; /* Excel saves the blank rows below a table as ",,,,": skipped */
	else if (t->nfields != r->ncols)
		fail(r, 0, _("expected %zu fields, found %zu"), r->ncols, t->nfields);
	else {
		r->ndata++;
		if (r->figures)
			figures_row(r);
		else
			scores_row(r);
	}
	return r->rc;
}

/* A '#' line at the top: a comment; "# provenance: X" marks the file. */
static void on_comment(void *ctx, const char *text, size_t len)
{
	reader *r = ctx;
	char *line = jx__strndup(text, len);
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
}

int jx__csv_feed(reader *r, const char *text, size_t len)
{
	int rc;
	if (!r->rc && (rc = jx__csv_rows_feed(&r->rows, text, len)) != 0)
		r->rc = rc;
	return r->rc;
}

int jx__csv_new(reader **out, const char *name, int figures, const jx_read_options *opts,
		const jx_read_sink *sink)
{
	reader *r = calloc(1, sizeof(*r));
	*out = NULL;
	if (!r)
		return jx__oom();
	r->name = name;
	r->figures = figures;
	r->defaults = jx_read_options_default();
	r->opts = opts ? opts : &r->defaults;
	r->streaming = sink != NULL;
	if (sink)
		r->sink = *sink;
	r->provenance = JX_PROV_REAL;
	if (!r->streaming && !(r->batch = jx_batch_new(name))) {
		free(r);
		return jx__oom();
	}
	if (jx__csv_rows_init(&r->rows, name, on_row, on_comment, r) != 0) {
		jx__csv_free(r);
		return JX_ENOMEM;
	}
	r->rows_ready = 1;
	*out = r;
	return 0;
}

int jx__csv_finish(reader *r, jx_batch **batch)
{
	int rc;
	if (!r->rc && (rc = jx__csv_rows_finish(&r->rows)) != 0)
		r->rc = rc;
	if (!r->rc && !r->header_done) {
		r->rows.row_line = r->rows.line ? r->rows.line : 1;
		fail(r, 0, _("empty file: no header line"));
	}
	if (!r->rc && r->ndata == 0) {
		r->rows.row_line = r->rows.line;
		fail(r, 0, _("no data rows after the header"));
	}
	if (!r->rc)
		jx__csv_assemble_end(r);
	if (!r->rc && !r->streaming) {
		*batch = r->batch;
		r->batch = NULL;
	}
	return r->rc;
}

void jx__csv_free(reader *r)
{
	if (!r)
		return;
	jx__csv_assemble_free(r);
	if (r->rows_ready)
		jx__csv_rows_free(&r->rows);
	jx_batch_free(r->batch);
	free(r->header_note);
	free(r->carry_l1);
	free(r->carry_l2);
	free(r);
}

int jx__csv_read_checked(jx_batch **out, const char *name, const char *text, size_t len,
			 const jx_read_options *opts, int figures)
{
	reader *r;
	int rc;
	*out = NULL;
	if ((rc = jx__csv_new(&r, name, figures, opts, NULL)) != 0)
		return rc;
	r->text_checked = 1;
	if ((rc = jx__csv_feed(r, text, len)) == 0)
		rc = jx__csv_finish(r, out);
	jx__csv_free(r);
	return rc;
}

static int read_csv(jx_batch **out, const char *name, const char *text, size_t len,
		    const jx_read_options *opts, int figures)
{
	reader *r;
	int rc;
	*out = NULL;
	if ((rc = jx__csv_new(&r, name, figures, opts, NULL)) != 0)
		return rc;
	if ((rc = jx__csv_feed(r, text, len)) == 0)
		rc = jx__csv_finish(r, out);
	jx__csv_free(r);
	return rc;
}

int jx_csv_read_scores(jx_batch **out, const char *name, const char *text, size_t len,
		       const jx_read_options *opts)
{
	return read_csv(out, name, text, len, opts, 0);
}

int jx_csv_read_figures(jx_batch **out, const char *name, const char *text, size_t len,
			const jx_read_options *opts)
{
	return read_csv(out, name, text, len, opts, 1);
}
