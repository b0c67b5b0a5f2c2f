/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stream.c -- tables without ruling lines, from the gaps between words.
 *
 * tabula's and camelot's "stream" idea: a line of a table is words with
 * wide gaps between them (chunks), and the gaps of consecutive lines line
 * up. A run of lines where at least three lines split into chunks is a
 * candidate; its columns are the x ranges that chunks of those lines
 * cover, separated by the ranges none covers, and a line of one chunk
 * belongs to it only if that chunk sits inside a column. A cell's text
 * wraps over several lines, so a line starts a new row only when it has
 * something in a number column (weights and scores: a column mostly of
 * numbers) or sits clearly further below the line before than lines inside
 * a cell do; other lines continue the row above. Three columns and three
 * lines at least: two chunks on a line are more often a label and its
 * value than a table. */
#include <math.h>
#include <string.h>
#include "pdf/internal.h"

#define CHUNK_GAP 0.8   /* em: a gap this wide separates chunks */
#define MAX_CHUNKS 64   /* per line; more is not a table */
#define BLOCK_PITCH 2.6 /* em: lines further apart than this are not one table */
#define MAX_LOOSE 8     /* one-chunk lines in a row inside a table */
#define ROW_PITCH 1.45  /* a line this much further down than the closest pair starts a row */

typedef struct {
	double x0, x1;
} span;

typedef struct {
	span *c;  /* into a pool shared by all lines */
	size_t n; /* MAX_CHUNKS + 1: too many */
} chunks;

/* The chunks of a line, written at pool (room for all its characters). */
static void line_chunks(chunks *out, span *pool, const jx__pdf_char *chars, const jx__pdf_line *l)
{
	double last = -HUGE_VAL;
	out->c = pool;
	out->n = 0;
	for (size_t k = 0; k < l->n; k++) {
		const jx__pdf_char *c = &chars[l->idx[k]];
		if (c->cp == 0x20)
			continue;
		if (out->n && c->box.x0 - last <= CHUNK_GAP * l->em) {
			out->c[out->n - 1].x1 = fmax(out->c[out->n - 1].x1, c->box.x1);
		} else if (out->n < MAX_CHUNKS) {
			out->c[out->n].x0 = c->box.x0;
			out->c[out->n++].x1 = c->box.x1;
		} else {
			out->n = MAX_CHUNKS + 1;
			return;
		}
		last = fmax(last, c->box.x1);
	}
}

static int multi(const chunks *c)
{
	return c->n >= 2 && c->n <= MAX_CHUNKS;
}

static double mid_y(const jx__pdf_line *l)
{
	return (l->box.y0 + l->box.y1) / 2;
}

static int cmp_span(const void *a, const void *b)
{
	const span *p = a, *q = b;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* Columns of lines [a, b): the x ranges chunks of its multi-chunk lines cover. */
static int find_columns(span **out, size_t *ncols, const chunks *ch, size_t a, size_t b)
{
	span *s = NULL;
	size_t n = 0, cap = 0, m = 0;
	*out = NULL;
	*ncols = 0;
	for (size_t i = a; i < b; i++)
		for (size_t k = 0; multi(&ch[i]) && k < ch[i].n; k++) {
			if (jx__grow((void **)&s, &cap, n + 1, sizeof(*s)) != 0) {
				free(s);
				return jx__oom();
			}
			s[n++] = ch[i].c[k];
		}
	jx__sort(s, n, sizeof(*s), cmp_span);
	for (size_t i = 0; i < n; i++) {
		if (m && s[i].x0 <= s[m - 1].x1)
			s[m - 1].x1 = fmax(s[m - 1].x1, s[i].x1);
		else
			s[m++] = s[i];
	}
	*out = s;
	*ncols = m;
	return 0;
}

/* 1 when every chunk of the line lies inside one column. */
static int fits(const span *cols, size_t ncols, const chunks *c, double em)
{
	if (c->n > MAX_CHUNKS)
		return 0;
	for (size_t i = 0; i < c->n; i++) {
		int in = 0;
		for (size_t k = 0; k < ncols && !in; k++)
			in = c->c[i].x0 >= cols[k].x0 - 0.5 * em &&
			     c->c[i].x1 <= cols[k].x1 + 0.5 * em;
		if (!in)
			return 0;
	}
	return 1;
}

/* The next run of lines from `from` that may be a table: [*a, *b); the number of its
 * multi-chunk lines, 0 when there is no run left. */
static size_t find_run(size_t *a, size_t *b, const chunks *ch, const jx__pdf_line *lines, size_t n,
		       size_t from)
{
	size_t i = from, last, nmulti = 1, loose = 0;
	while (i < n && !multi(&ch[i]))
		i++;
	if (i >= n)
		return 0;
	*a = last = i;
	for (size_t k = i + 1; k < n; k++) {
		if (mid_y(&lines[k]) - mid_y(&lines[k - 1]) > BLOCK_PITCH * lines[k].em)
			break;
		if (multi(&ch[k]))
			last = k, loose = 0, nmulti++;
		else if (++loose > MAX_LOOSE)
			break;
	}
	*b = last + 1;
	return nmulti;
}

/* "12", "3.5", "95%", "5分", "—", "/": what weight and score cells hold. */
static int numeric(const char *s)
{
	size_t len = strlen(s), digits = 0;
	if (!strcmp(s, "—") || !strcmp(s, "/") || !strcmp(s, "-") || !strcmp(s, "／"))
		return 1;
	if (len >= 3 && !strcmp(s + len - 3, "分"))
		len -= 3;
	for (size_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!strchr(" .%+-/", s[i]))
			return 0;
	}
	return digits > 0;
}

typedef struct {
	const jx__pdf_char *chars;
	const jx__pdf_line *lines;
	const span *cols;
	size_t ncols;
	double *edge; /* ncols + 1 boundaries for taking characters */
} table_ctx;

static char *cell_text(const table_ctx *t, size_t a, size_t b, size_t col)
{
	jx__buf buf;
	jx__buf_init(&buf);
	jx__pdf_join(&buf, t->chars, t->lines, a, b, t->edge[col], t->edge[col + 1], 0);
	jx__buf_put(&buf, "", 0);
	return jx__buf_detach(&buf);
}

/* Which lines of [a, b) start a row: a number in a number column, or a wide pitch. */
static int row_starts(unsigned char *start, const table_ctx *t, size_t a, size_t b)
{
	size_t *filled = calloc(t->ncols, sizeof(size_t)), *nums = calloc(t->ncols, sizeof(size_t));
	unsigned char *has = calloc((b - a) * t->ncols, 1);
	double min_pitch = HUGE_VAL, max_pitch = 0;
	int anchors = 0;
	if (!filled || !nums || !has) {
		free(filled), free(nums), free(has);
		return jx__oom();
	}
	for (size_t i = a; i < b; i++)
		for (size_t k = 0; k < t->ncols; k++) {
			char *s = cell_text(t, i, i + 1, k);
			if (!s) {
				free(filled), free(nums), free(has);
				return jx__oom();
			}
			if (*s) {
				filled[k]++;
				nums[k] += numeric(s);
				has[(i - a) * t->ncols + k] = 1;
			}
			free(s);
		}
	for (size_t i = a + 1; i < b; i++) {
		double p = mid_y(&t->lines[i]) - mid_y(&t->lines[i - 1]);
		min_pitch = fmin(min_pitch, p);
		max_pitch = fmax(max_pitch, p);
	}
	for (size_t k = 0; k < t->ncols; k++)
		anchors += filled[k] >= 2 && nums[k] * 10 >= filled[k] * 6;
	for (size_t i = a; i < b; i++) {
		int s = i == a;
		for (size_t k = 0; k < t->ncols && !s && anchors; k++)
			s = has[(i - a) * t->ncols + k] && filled[k] >= 2 &&
			    nums[k] * 10 >= filled[k] * 6;
		if (!s && max_pitch > ROW_PITCH * min_pitch)
			s = mid_y(&t->lines[i]) - mid_y(&t->lines[i - 1]) > ROW_PITCH * min_pitch;
		if (!s && !anchors && max_pitch <= ROW_PITCH * min_pitch)
			s = 1; /* nothing tells rows apart: one line, one row */
		start[i - a] = (unsigned char)s;
	}
	free(filled), free(nums), free(has);
	return 0;
}

static int build(jx__pdf_table **out, const table_ctx *t, size_t a, size_t b, int page)
{
	unsigned char *start = calloc(b - a, 1);
	jx__pdf_table *tb = calloc(1, sizeof(*tb));
	size_t nrows = 0, r = 0;
	int rc;
	*out = NULL;
	if (!start || !tb) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = row_starts(start, t, a, b)) != 0)
		goto out;
	for (size_t i = a; i < b; i++)
		nrows += start[i - a];
	tb->ncols = t->ncols;
	tb->nrows = nrows;
	tb->page_first = tb->page_last = page;
	if (!(tb->xs = malloc((t->ncols + 1) * sizeof(double))) ||
	    !(tb->ys = malloc((nrows + 1) * sizeof(double)))) {
		rc = jx__oom();
		goto out;
	}
	tb->xs[0] = t->cols[0].x0;
	tb->xs[t->ncols] = t->cols[t->ncols - 1].x1;
	for (size_t k = 1; k < t->ncols; k++)
		tb->xs[k] = t->edge[k];
	for (size_t i = a; i < b && rc == 0; r++) {
		size_t j = i + 1;
		while (j < b && !start[j - a])
			j++;
		tb->ys[r] = t->lines[i].box.y0;
		for (size_t k = 0; k < t->ncols && rc == 0; k++) {
			char *s = cell_text(t, i, j, k);
			jx__pdf_box box = {tb->xs[k], t->lines[i].box.y0, tb->xs[k + 1],
					   t->lines[j - 1].box.y1};
			rc = s ? jx__pdf_table_add(tb, r, k, 1, 1, s, page, box) : jx__oom();
			free(s);
		}
		i = j;
	}
	tb->ys[nrows] = t->lines[b - 1].box.y1;
	tb->box.x0 = tb->xs[0];
	tb->box.x1 = tb->xs[t->ncols];
	tb->box.y0 = tb->ys[0];
	tb->box.y1 = tb->ys[nrows];
out:
	free(start);
	if (rc == 0)
		*out = tb;
	else
		jx__pdf_table_free(tb);
	return rc;
}

/* A run [a, b) narrowed until its one-chunk lines fit its columns; its columns. */
static int settle(span **cols, size_t *ncols, size_t a, size_t *b, const chunks *ch,
		  const jx__pdf_line *lines, size_t n)
{
	int rc;
	for (;;) {
		size_t k, nmulti = 0;
		if ((rc = find_columns(cols, ncols, ch, a, *b)) != 0)
			return rc;
		for (k = a; k < *b && fits(*cols, *ncols, &ch[k], lines[k].em); k++)
			nmulti += multi(&ch[k]);
		if (k == *b)
			break;
		free(*cols);
		*cols = NULL;
		*ncols = 0;
		*b = k;
		if (nmulti < 3)
			return 0;
	}
	/* lines of one chunk just after the run continue its last row */
	while (*b < n && ch[*b].n == 1 && fits(*cols, *ncols, &ch[*b], lines[*b].em) &&
	       mid_y(&lines[*b]) - mid_y(&lines[*b - 1]) <= BLOCK_PITCH * lines[*b].em)
		(*b)++;
	return 0;
}

static int add_table(jx__pdf_table ***tables, size_t *ntables, size_t *cap, jx__pdf_table *t)
{
	if (jx__grow((void **)tables, cap, *ntables + 1, sizeof(**tables)) != 0) {
		jx__pdf_table_free(t);
		return jx__oom();
	}
	(*tables)[(*ntables)++] = t;
	return 0;
}

static int one_table(jx__pdf_table ***tables, size_t *ntables, size_t *cap,
		     const jx__pdf_char *chars, const jx__pdf_line *lines, const span *cols,
		     size_t ncols, size_t a, size_t b, int page)
{
	double *edge = malloc((ncols + 1) * sizeof(*edge));
	table_ctx ctx = {chars, lines, cols, ncols, edge};
	jx__pdf_table *t = NULL;
	int rc;
	if (!edge)
		return jx__oom();
	edge[0] = -HUGE_VAL;
	edge[ncols] = HUGE_VAL;
	for (size_t k = 1; k < ncols; k++)
		edge[k] = (cols[k - 1].x1 + cols[k].x0) / 2;
	if ((rc = build(&t, &ctx, a, b, page)) == 0)
		rc = add_table(tables, ntables, cap, t);
	free(edge);
	return rc;
}

int jx__pdf_stream_tables(jx__pdf_table ***tables, size_t *ntables, size_t *cap,
			  unsigned char *used, const jx__pdf_char *chars, const jx__pdf_line *lines,
			  size_t n, int page)
{
	chunks *ch = malloc((n ? n : 1) * sizeof(*ch));
	size_t from = 0, a, b, total = 0;
	span *pool;
	int rc = 0;
	for (size_t i = 0; i < n; i++)
		total += lines[i].n;
	pool = malloc((total ? total : 1) * sizeof(*pool));
	if (!ch || !pool) {
		free(ch);
		free(pool);
		return jx__oom();
	}
	total = 0;
	for (size_t i = 0; i < n; i++) {
		line_chunks(&ch[i], pool + total, chars, &lines[i]);
		total += lines[i].n;
	}
	while (rc == 0) {
		span *cols = NULL;
		size_t ncols = 0, nmulti = find_run(&a, &b, ch, lines, n, from);
		if (nmulti == 0)
			break;
		from = b;
		if (nmulti < 3)
			continue;
		if ((rc = settle(&cols, &ncols, a, &b, ch, lines, n)) == 0 && cols && ncols >= 3) {
			rc = one_table(tables, ntables, cap, chars, lines, cols, ncols, a, b, page);
			if (rc == 0)
				memset(used + a, 1, b - a);
			from = b; /* re-scan what a narrowed run left out */
		}
		free(cols);
	}
	free(ch);
	free(pool);
	return rc;
}
