/* SPDX-License-Identifier: GPL-3.0-or-later */
/* header.c -- find a table's indicator header and give each column its role.
 *
 * The header is the first row, among a table's first rows, whose cells name
 * an indicator column, a weight column and a score (or review-score) column
 * (synonyms.c). It may span two rows: "指标" over "一级 | 二级 | 三级",
 * "年度" over "指标值", "得分" over "自评 | 复核". The row below is taken as
 * the header's second row when it holds no number and each of its own
 * cells, alone or joined with the cell above it, is a known column name;
 * each column then gets the longest name that matches among
 * upper+lower, lower+upper, lower and upper.
 */
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

/* How many rows from the top a header may start at (titles and notes above it). */
#define HEADER_SEARCH_ROWS 15

/* The role of one header text (already normalised), trying it without a trailing
 * "(...)" unit too; *len the byte length of what matched. */
static jx__role role_of_norm(char *norm, size_t *len)
{
	jx__role r = jx__col_lookup(norm);
	char *open;
	if (r == JX__ROLE_NONE && (open = strrchr(norm, '(')) != NULL && open > norm &&
	    norm[strlen(norm) - 1] == ')') {
		*open = '\0';
		r = jx__col_lookup(norm);
	}
	*len = r == JX__ROLE_NONE ? 0 : strlen(norm);
	return r;
}

/* The role a header text names; 0 or JX_ENOMEM. */
static int role_of(const char *a, const char *b, jx__role *role, size_t *len)
{
	char *joined = jx__sprintf("%s%s", a, b ? b : ""), *norm;
	*role = JX__ROLE_NONE;
	*len = 0;
	if (!joined)
		return jx__oom();
	norm = jx_name_normalize(joined);
	free(joined);
	if (!norm)
		return jx__oom();
	if (*norm)
		*role = role_of_norm(norm, len);
	free(norm);
	return 0;
}

/* Role of column c when the header is rows r (and r+1 when two): *uses_lower and
 * *uses_upper say whether each row's cell took part. 0 or JX_ENOMEM. */
static int column_role(const jx_doc_table *t, size_t r, size_t c, int two, jx__role *out,
		       int *uses_lower, int *uses_upper)
{
	const char *up = jx_doc_table_text(t, r, c), *lo;
	const jx_doc_cell *below = jx_doc_table_slot(t, r + 1, c);
	const char *forms[4][2];
	jx__role role;
	size_t len, best = 0;
	int rc;
	*out = JX__ROLE_NONE;
	*uses_lower = *uses_upper = 0;
	if (!two || !below || below->rowspan == 0) { /* covered: the upper cell goes down */
		rc = role_of(up, NULL, out, &len);
		*uses_upper = *out != JX__ROLE_NONE;
		return rc;
	}
	lo = jx_doc_table_text(t, r + 1, c);
	forms[0][0] = up, forms[0][1] = lo;
	forms[1][0] = lo, forms[1][1] = up;
	forms[2][0] = lo, forms[2][1] = NULL;
	forms[3][0] = up, forms[3][1] = NULL;
	for (int f = 0; f < 4; f++) {
		if ((rc = role_of(forms[f][0], forms[f][1], &role, &len)) != 0)
			return rc;
		if (role != JX__ROLE_NONE && len > best) {
			best = len;
			*out = role;
			*uses_lower = f < 3 && *lo;
			*uses_upper = f != 2 && *up;
		}
	}
	return 0;
}

/* 1 when some cell of row r reads as a number (a data row, not a header). */
static int row_has_number(const jx_doc_table *t, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		double v;
		const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
		if (s->rowspan && jx__cell_number(jx_doc_table_text(t, r, c), &v) == JX__NUM_OK)
			return 1;
	}
	return 0;
}

/* Roles of every column for a header at row r of one or two rows. *lower_ok: with two
 * rows, every non-empty own cell of the second row took part in a name (and one did),
 * and so did every cell of the first row that spans one column only (a title or a
 * "单位：…" line above a header is no header row). */
static int assign_roles(const jx_doc_table *t, size_t r, int two, jx__role *roles, int *lower_ok)
{
	int rc, lower, upper, any = 0;
	*lower_ok = 1;
	for (size_t c = 0; c < t->ncols; c++) {
		const jx_doc_cell *below = jx_doc_table_slot(t, r + 1, c);
		const jx_doc_cell *above = jx_doc_table_slot(t, r, c);
		if ((rc = column_role(t, r, c, two, &roles[c], &lower, &upper)) != 0)
			return rc;
		any |= lower;
		if (two && below && below->rowspan && *jx_doc_table_text(t, r + 1, c) && !lower)
			*lower_ok = 0;
		if (two && above->rowspan == 1 && above->colspan == 1 && above->text &&
		    *above->text && !upper)
			*lower_ok = 0;
	}
	*lower_ok = *lower_ok && any;
	return 0;
}

static int is_evaluation_header(const jx__role *roles, size_t n)
{
	int ind = 0, weight = 0, score = 0;
	for (size_t c = 0; c < n; c++) {
		ind |= roles[c] == JX__ROLE_LEVEL1 || roles[c] == JX__ROLE_LEVEL2 ||
		       roles[c] == JX__ROLE_LEVEL3 || roles[c] == JX__ROLE_INDICATOR;
		weight |= roles[c] == JX__ROLE_WEIGHT;
		score |= roles[c] == JX__ROLE_SCORE || roles[c] == JX__ROLE_REVIEW;
	}
	return ind && weight && score;
}

static void fill_columns(jx__header *h)
{
	for (int k = 0; k < JX__ROLE_COUNT; k++)
		h->col[k] = -1;
	for (size_t c = 0; c < h->ncols; c++)
		if (h->col[h->roles[c]] < 0)
			h->col[h->roles[c]] = (int)c;
	/* one 指标 column beside level-1/level-2 columns is the level-3 */
	if (h->col[JX__ROLE_LEVEL3] < 0 && h->col[JX__ROLE_INDICATOR] >= 0 &&
	    (h->col[JX__ROLE_LEVEL1] >= 0 || h->col[JX__ROLE_LEVEL2] >= 0)) {
		h->col[JX__ROLE_LEVEL3] = h->col[JX__ROLE_INDICATOR];
		h->col[JX__ROLE_INDICATOR] = -1;
	}
}

/* Try a header of one or two rows at row r; 1 when found (h filled), 0 not, < 0 error. */
static int try_row(jx__header *h, const jx_doc_table *t, size_t r)
{
	jx__role *one = NULL, *two = NULL;
	int rc, lower_ok = 0, found = 0;
	if (row_has_number(t, r))
		return 0;
	if (!(one = calloc(t->ncols, sizeof(*one))) || !(two = calloc(t->ncols, sizeof(*two)))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = assign_roles(t, r, 0, one, &lower_ok)) != 0)
		goto out;
	if (r + 1 < t->nrows && !row_has_number(t, r + 1) &&
	    (rc = assign_roles(t, r, 1, two, &lower_ok)) != 0)
		goto out;
	h->row = r;
	h->ncols = t->ncols;
	if (r + 1 < t->nrows && lower_ok && is_evaluation_header(two, t->ncols)) {
		h->nrows = 2;
		h->roles = two;
		two = NULL;
		found = 1;
	} else if (is_evaluation_header(one, t->ncols)) {
		h->nrows = 1;
		h->roles = one;
		one = NULL;
		found = 1;
	}
	if (found)
		fill_columns(h);
out:
	free(one);
	free(two);
	return rc < 0 ? rc : found;
}

int jx__header_find(jx__header *h, const jx_doc_table *t)
{
	int rc;
	memset(h, 0, sizeof(*h));
	for (size_t r = 0; r < t->nrows && r < HEADER_SEARCH_ROWS; r++)
		if ((rc = try_row(h, t, r)) != 0)
			return rc;
	return 0;
}

int jx__header_repeats(const jx__header *h, const jx_doc_table *t, size_t r)
{
	jx__role role;
	size_t len;
	int same = 0;
	const char *w = jx_doc_table_text(t, r, (size_t)h->col[JX__ROLE_WEIGHT]);
	if (*w >= '0' && *w <= '9')
		return 0; /* a weight: a row of the table (most rows; checked first, it is quick) */
	for (size_t c = 0; c < t->ncols; c++) {
		const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
		if (!s->rowspan || !*jx_doc_table_text(t, r, c))
			continue;
		if (role_of(jx_doc_table_text(t, r, c), NULL, &role, &len) != 0)
			return 0;
		if (role == JX__ROLE_NONE)
			return 0;
		same += role == h->roles[c];
	}
	return same >= 2;
}

void jx__header_clear(jx__header *h)
{
	free(h->roles);
	memset(h, 0, sizeof(*h));
}
