/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paste.c -- tables pasted as text into the table model: what copying a table from Word,
 * Excel or a web page into Notepad gives, and Markdown-style `|` tables.
 *
 * A text is a pasted table when it holds `|` rows (`| 一级指标 | 分值 |`, lines
 * with two or more bars; `|---|---|` rules are skipped), or when most of its
 * lines are rows of tab-separated cells (Word, Excel, a browser), or -- when
 * it has neither -- of cells separated by two or more spaces. A published
 * report, whose table is a small part of its prose, stays with the report
 * reader (report*.c). Consecutive rows make one table, other lines are
 * paragraphs (title, 单位 line, notes), places are the file's lines, and the
 * recogniser reads the result as it reads a Word table.
 *
 * Copies lose merged cells unevenly: Word and Excel leave a merged cell's
 * other slots empty (the recogniser carries the value down), but a browser
 * drops the slots a rowspan covers, so a row comes out shorter, and an
 * editor may trim a row's trailing tabs. A short row is therefore placed by
 * content: its missing cells are taken as one gap inside the row (merged
 * cells) and the rest at its end (trimmed), placed so that its numbers fall
 * under the header's number columns (序号, 分值, 得分, 复核得分) and its words
 * under the others -- the gap leftmost on a tie, as a browser drops the
 * merged category cells; a row without numbers (a category label) stays on
 * the left. Cells split at two spaces lose their empty cells the same way and are
 * placed the same way.
 */
#include <string.h>
#include "ingest/internal.h"

enum { SEP_NONE, SEP_PIPE, SEP_TAB, SEP_SPACES };

#define MAX_FIELDS 64

typedef struct {
	const char *at[MAX_FIELDS]; /* field starts (in the line) */
	size_t len[MAX_FIELDS];
	size_t n;
	int rule; /* a |---|---| line */
} fields;

/* Trim ASCII blanks, U+3000 and NBSP off a field's ends. */
static void trim(const char **s, size_t *n)
{
	for (;;) {
		if (*n && (**s == ' ' || **s == '\t' || **s == '\r')) {
			(*s)++, (*n)--;
		} else if (*n >= 3 && !memcmp(*s, "\xE3\x80\x80", 3)) {
			*s += 3, *n -= 3;
		} else if (*n >= 2 && !memcmp(*s, "\xC2\xA0", 2)) {
			*s += 2, *n -= 2;
		} else if (*n &&
			   ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r')) {
			(*n)--;
		} else if (*n >= 3 && !memcmp(*s + *n - 3, "\xE3\x80\x80", 3)) {
			*n -= 3;
		} else if (*n >= 2 && !memcmp(*s + *n - 2, "\xC2\xA0", 2)) {
			*n -= 2;
		} else {
			return;
		}
	}
}

static void add(fields *f, const char *s, size_t n)
{
	trim(&s, &n);
	if (f->n < MAX_FIELDS) {
		f->at[f->n] = s;
		f->len[f->n++] = n;
	}
}

/* Length of the separator at s (n bytes left): a bar ('|' or the box-drawing '│'). */
static size_t bar(const char *s, size_t n)
{
	if (n && *s == '|')
		return 1;
	return n >= 3 && !memcmp(s, "\xE2\x94\x82", 3) ? 3 : 0;
}

/* Split a line by bars; leading and trailing bars are the table's frame. */
static void split_pipes(fields *f, const char *s, size_t n)
{
	size_t i = 0, start, bars = 0, k;
	int rule = 1;
	trim(&s, &n);
	if ((k = bar(s, n)))
		i = k;
	for (start = i; i <= n; i++) {
		k = i < n ? bar(s + i, n - i) : 0;
		if (i == n || k) {
			if (i < n || i > start)
				add(f, s + start, i - start);
			bars += k > 0;
			i += k ? k - 1 : 0;
			start = i + 1;
		} else if (!strchr("-:=+ ", s[i])) {
			rule = 0;
		}
	}
	if (f->n && f->len[f->n - 1] == 0 && n && bar(s + n - 1, 1))
		f->n--; /* the closing bar */
	f->rule = rule && bars > 0;
}

/* The run of blanks at s that separates cells: a tab (SEP_TAB); two spaces or more, an
 * ideographic space counting two (SEP_SPACES). Its length, or 0. */
static size_t gap_at(const char *s, size_t n, int sep)
{
	size_t i = 0, width = 0;
	if (sep == SEP_TAB)
		return n && *s == '\t';
	for (;;) {
		if (i < n && s[i] == ' ')
			i++, width++;
		else if (i + 3 <= n && !memcmp(s + i, "\xE3\x80\x80", 3))
			i += 3, width += 2;
		else
			break;
	}
	return width >= 2 ? i : 0;
}

/* Split at tabs, or at runs of two or more spaces; leading blanks are not a cell. */
static void split_blanks(fields *f, const char *s, size_t n, int sep)
{
	size_t start = 0, i = 0, g;
	if (sep == SEP_SPACES)
		trim(&s, &n);
	while (i < n) {
		if ((g = gap_at(s + i, n - i, sep)) != 0) {
			add(f, s + start, i - start);
			i += g;
			start = i;
		} else {
			i++;
		}
	}
	add(f, s + start, n - start);
}

static void split(fields *f, const char *s, size_t n, int sep)
{
	memset(f, 0, sizeof(*f));
	if (sep == SEP_PIPE)
		split_pipes(f, s, n);
	else
		split_blanks(f, s, n, sep);
}

/* 1 when the line is a row for sep: two fields or more (a rule counts, for '|'). */
static int is_row(const char *s, size_t n, int sep)
{
	fields f;
	size_t bars = 0;
	if (sep == SEP_PIPE) {
		for (size_t i = 0; i < n; i++)
			bars += bar(s + i, n - i) > 0;
		if (bars < 2)
			return 0;
	}
	split(&f, s, n, sep);
	return f.rule || f.n >= 2;
}

/* The next line at *off: its start and length (no line end); 0 at the end. */
static int next_line(const char *text, size_t len, size_t *off, const char **s, size_t *n)
{
	const char *nl;
	if (*off >= len)
		return 0;
	*s = text + *off;
	nl = memchr(*s, '\n', len - *off);
	*n = nl ? (size_t)(nl - *s) : len - *off;
	*off += *n + 1;
	return 1;
}

/* Lines looked at to decide (a pasted table is short; a long report needs no more). */
#define DETECT_LINES 4000

int jx__paste_detect(const char *text, size_t len)
{
	static const int seps[] = {SEP_PIPE, SEP_TAB, SEP_SPACES};
	size_t lines = 0, rows[4] = {0}, run[4] = {0}, longest[4] = {0};
	size_t off = 0, n;
	const char *s;
	while (lines < DETECT_LINES && next_line(text, len, &off, &s, &n)) {
		size_t k = strspn(s, " \t");
		if (k >= n || s[k] == '#')
			continue;
		lines++;
		for (size_t i = 0; i < 3; i++) {
			int sep = seps[i], row = is_row(s, n, sep);
			rows[sep] += row;
			run[sep] = row ? run[sep] + 1 : 0;
			longest[sep] = run[sep] > longest[sep] ? run[sep] : longest[sep];
		}
	}
	/* a block of three `|` rows at least (a header, its rule and a row) */
	if (longest[SEP_PIPE] >= 3)
		return SEP_PIPE;
	for (size_t i = 1; i < 3; i++)
		if (longest[seps[i]] >= 3 && 2 * rows[seps[i]] >= lines &&
		    (seps[i] == SEP_TAB || rows[SEP_TAB] < 3))
			return seps[i];
	return SEP_NONE;
}

/* ---- the document ---- */

typedef struct {
	const char *s;
	size_t n;
	int line; /* 1-based */
	int row;  /* a row of cells (not a paragraph) */
} pline;

/* The recogniser's idea of a cell: 1 a number (or a dash), -1 words, 0 empty. */
static int cell_kind(const char *text)
{
	double v;
	switch (jx__cell_number(text, &v)) {
	case JX__NUM_EMPTY: return 0;
	case JX__NUM_TEXT: return -1;
	default: return 1;
	}
}

/* What a column wants: 1 a number, -1 words, 0 either. */
static int column_kind(jx__role r)
{
	switch (r) {
	case JX__ROLE_SEQ:
	case JX__ROLE_WEIGHT:
	case JX__ROLE_SCORE:
	case JX__ROLE_REVIEW: return 1;
	case JX__ROLE_NONE:
	case JX__ROLE_TARGET:
	case JX__ROLE_ACTUAL: return 0;
	default: return -1;
	}
}

/* Where a short row's missing cells go: *gap of them before its field *at, the rest at
 * its end -- the placement that puts its numbers under the header's number columns and
 * its words under the others, the leftmost and widest gap on a tie. A row without
 * numbers (a category label) keeps its cells on the left. */
static void best_placement(const int *kinds, size_t n, const jx__header *h, size_t *at, size_t *gap)
{
	size_t k = h->ncols - n;
	long best = 0;
	int numbers = 0, found = 0;
	*at = n;
	*gap = 0;
	for (size_t i = 0; i < n; i++)
		numbers |= kinds[i] > 0;
	for (size_t p = 0; numbers && p <= n; p++)
		for (size_t g = k + 1; g-- > 0;) {
			long score = 0;
			for (size_t i = 0; i < n; i++)
				score += kinds[i] * column_kind(h->roles[i < p ? i : i + g]);
			if (!found || score > best) {
				found = 1;
				best = score;
				*at = p;
				*gap = g;
			}
		}
}

/* Field i of f as a cell text (malloc'd), or NULL on ENOMEM. */
static char *field_text(const fields *f, size_t i)
{
	char *t = jx__strndup(f->at[i], f->len[i]);
	if (!t)
		jx__oom();
	return t;
}

/* Row r of t holds the fields of line l: from the left, or (h given, a row below the
 * header shorter than the table) where their contents fit. */
static int place_row(jx_doc_table *t, size_t r, const pline *l, int sep, const jx__header *h)
{
	int kinds[MAX_FIELDS];
	size_t at, gap = 0;
	fields f;
	int rc;
	split(&f, l->s, l->n, sep);
	for (size_t c = 0; c < t->ncols; c++) {
		jx_doc_origin o = {(int)r + 1, (int)c + 1, l->line, 0};
		if ((rc = jx_doc_table_set(t, r, c, "", 1, 1, o)) != 0)
			return rc;
	}
	for (size_t i = 0; h && i < f.n; i++) {
		char *cell = field_text(&f, i);
		if (!cell)
			return JX_ENOMEM;
		kinds[i] = cell_kind(cell);
		free(cell);
	}
	at = f.n;
	if (h && f.n < t->ncols && r >= h->row + h->nrows)
		best_placement(kinds, f.n, h, &at, &gap);
	for (size_t i = 0; i < f.n; i++) {
		size_t c = i < at ? i : i + gap;
		jx_doc_origin o = {(int)r + 1, (int)c + 1, l->line, 0};
		char *cell = field_text(&f, i);
		if (!cell)
			return JX_ENOMEM;
		rc = jx_doc_table_set(t, r, c, cell, 1, 1, o);
		free(cell);
		if (rc)
			return rc;
	}
	return 0;
}

/* The rows among lines[first..end) into one table of d: placed from the left, then,
 * once the header is known, the short rows where they fit. */
static int add_table(jx_doc *d, const pline *lines, size_t first, size_t end, int sep)
{
	size_t nrows = 0, width = 0, r;
	jx_doc_table *t;
	jx__header h;
	fields f;
	int rc, found = 0;
	for (size_t i = first; i < end; i++) {
		if (!lines[i].row)
			continue;
		split(&f, lines[i].s, lines[i].n, sep);
		nrows += !f.rule;
		width = !f.rule && f.n > width ? f.n : width;
	}
	if (!nrows)
		return 0;
	if (nrows * width > JX__GRID_MAX_CELLS)
		return jx__error(
			JX_EPARSE,
			_("%s:%d: a pasted table of %zu rows × %zu columns, more than jixiao "
			  "reads (%zu cells)"),
			d->name, lines[first].line, nrows, width, (size_t)JX__GRID_MAX_CELLS);
	if ((rc = jx_doc_add_table(&t, d, nrows, width)) != 0)
		return rc;
	t->line = lines[first].line;
	memset(&h, 0, sizeof(h));
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		if (pass == 1 && (found = jx__header_find(&h, t)) <= 0)
			break;
		r = 0;
		for (size_t i = first; i < end && rc == 0; i++) {
			split(&f, lines[i].s, lines[i].n, sep);
			if (lines[i].row && !f.rule)
				rc = place_row(t, r++, &lines[i], sep, pass ? &h : NULL);
		}
	}
	jx__header_clear(&h);
	return rc ? rc : found < 0 ? found : 0;
}

/* The text's lines, each marked row or not (blank lines dropped). */
static int lines_of(pline **out, size_t *n, const char *text, size_t len, int sep)
{
	size_t off = 0, cap = 0, k;
	const char *s;
	int line = 0;
	*out = NULL;
	*n = 0;
	while (next_line(text, len, &off, &s, &k)) {
		size_t lead = strspn(s, " \t");
		line++;
		if (lead >= k)
			continue;
		if (jx__grow((void **)out, &cap, *n + 1, sizeof(**out)) != 0)
			return JX_ENOMEM;
		(*out)[*n].s = s;
		(*out)[*n].n = k;
		(*out)[*n].line = line;
		(*out)[*n].row = s[lead] != '#' && is_row(s, k, sep);
		(*n)++;
	}
	return 0;
}

int jx__paste_read(jx_doc **out, const char *name, const char *text, size_t len)
{
	int sep = jx__paste_detect(text, len), rc = 0;
	pline *lines = NULL;
	size_t n = 0, i = 0;
	jx_doc *d;
	*out = NULL;
	if (sep == SEP_NONE)
		sep = SEP_TAB;
	if (!(d = jx_doc_new(name, JX_DOC_TEXT)))
		return jx__oom();
	rc = lines_of(&lines, &n, text, len, sep);
	while (rc == 0 && i < n) {
		size_t end = i;
		if (!lines[i].row) {
			char *para = jx__strndup(lines[i].s, lines[i].n);
			jx_doc_origin o = {0, 0, lines[i].line, 0};
			rc = para ? jx_doc_add_paragraph(d, para, o) : jx__oom();
			free(para);
			i++;
			continue;
		}
		while (end < n && lines[end].row)
			end++;
		rc = add_table(d, lines, i, end, sep);
		i = end;
	}
	free(lines);
	if (rc == 0)
		*out = d;
	else
		jx_doc_free(d);
	return rc;
}
