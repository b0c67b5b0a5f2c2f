/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_table.c -- the indicator table of a report, read by content.
 *
 * Exports shift cells left or right and leave merged cells empty, so a row's
 * cells are given roles by what they hold, not where they sit: a name with a
 * "(N分)" suffix is a level-1 with its declared weight; the trailing numbers
 * are weight then score; the longest sentence-like cell is the explanation;
 * the remaining names are level-2/level-3 in order, level-1 and level-2
 * carried forward from the rows above. The table runs from its header (found
 * by its column names) to the 合计 row; blank lines and page numbers inside it
 * are skipped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

#define EPS 1e-6

/* What the header told us, and what is carried down from the rows above. */
typedef struct {
	jx__rp_columns col;
	char *l1;     /* carried level-1 (group name) */
	size_t group; /* index into d->groups of the carried level-1 */
	char *l2;     /* carried level-2 */
} tstate;

enum { ROW_OK, ROW_TOTAL, ROW_SUB, ROW_NONUM };

/* ---- one row ---- */

static size_t find_group(jx__rp_doc *d, const char *name)
{
	size_t i;
	char *key = jx_name_normalize(name);
	if (!key)
		return d->ngroups; /* ENOMEM: enter_group's own strdup will report it */
	for (i = 0; i < d->ngroups; i++) {
		char *k = jx_name_normalize(d->groups[i].name);
		int same = k && !strcmp(k, key);
		free(k);
		if (same)
			break;
	}
	free(key);
	return i;
}

int jx__rp_group_at(jx__rp_doc *d, const char *name, double w, int line, size_t *out)
{
	size_t g = find_group(d, name);
	if (g == d->ngroups) {
		jx__rp_group *gr;
		if (jx__grow((void **)&d->groups, &d->groups_cap, d->ngroups + 1, sizeof(*gr)) != 0)
			return JX_ENOMEM;
		gr = &d->groups[d->ngroups];
		if (!(gr->name = jx__strdup(name)))
			return jx__oom();
		gr->declared = w;
		gr->line = line;
		gr->sub_weight = gr->sub_score = NAN;
		d->ngroups++;
	} else if (isnan(d->groups[g].declared) && !isnan(w)) {
		d->groups[g].declared = w;
		d->groups[g].line = line;
	}
	*out = g;
	return 0;
}

/* Make name (declared weight w, NaN if none) the carried level-1. */
static int enter_group(jx__rp_doc *d, tstate *st, const char *name, double w, int line)
{
	size_t g;
	int rc = jx__rp_group_at(d, name, w, line, &g);
	if (rc != 0)
		return rc;
	if (st->group != g || !st->l1) {
		free(st->l2);
		st->l2 = NULL;
	}
	st->group = g;
	free(st->l1);
	if (!(st->l1 = jx__strdup(d->groups[g].name)))
		return jx__oom();
	return 0;
}

/* Index of the explanation among the text cells idx[0..n), or n when none. */
static size_t pick_explanation(const jx__rp_cells *cs, const size_t *idx, size_t n)
{
	size_t best = n, best_len = 0;
	int best_marked = 0;
	for (size_t i = 0; i < n; i++) {
		const char *t = cs->c[idx[i]].text;
		int marked = strpbrk(t, "0123456789%,;:?!") || strstr(t, "\xEF\xBC\x8C") ||
			     strstr(t, "\xE3\x80\x82") || strstr(t, "\xEF\xBC\x9B") ||
			     strstr(t, "\xEF\xBC\x9A") || strstr(t, "\xE3\x80\x81") ||
			     strstr(t, "\xEF\xBC\x9F") || strchr(t, ' ');
		size_t len = jx__utf8_count(t);
		if (best == n || marked > best_marked ||
		    (marked == best_marked && len >= best_len)) {
			best = i;
			best_len = len;
			best_marked = marked;
		}
	}
	return best;
}

/* 合计/总计 (ROW_TOTAL), 小计 (ROW_SUB) or an indicator (ROW_OK), from the text cells. */
static int text_kind(const jx__rp_cells *cs, size_t ntext)
{
	char joined[256] = "";
	size_t len;
	for (size_t i = 0; i < ntext; i++)
		if (strlen(joined) + strlen(cs->c[i].fold) < sizeof(joined))
			strcat(joined, cs->c[i].fold);
	if (!strcmp(joined, "合计") || !strcmp(joined, "总计") || !strcmp(joined, "总分") ||
	    !strcmp(joined, "合计得分") || !strcmp(joined, "总计得分") || !strcmp(joined, "合计分"))
		return ROW_TOTAL;
	len = strlen(joined);
	if (len >= 6 && !strcmp(joined + len - 6, "小计"))
		return ROW_SUB;
	return ROW_OK;
}

/* Weight and score from the numeric cells [j, k); *score NaN when missing. */
static int row_numbers(jx__rp_doc *d, const tstate *st, const jx__rp_cells *cs, size_t j, size_t k,
		       int line, double *weight, double *score)
{
	const jx__rp_cell *wc, *sc = NULL;
	double v = 0;
	int kind;
	if (k - j == 2) {
		wc = &cs->c[st->col.score_first ? j + 1 : j];
		sc = &cs->c[st->col.score_first ? j : j + 1];
	} else {
		wc = &cs->c[j];
	}
	kind = jx__rp_cell_kind(wc, &v);
	if (kind == JX__RP_NEG)
		return jx__rp_fail(d, line, _("weight %s is negative"), wc->text);
	if (kind != JX__RP_NUM)
		return jx__rp_fail(d, line, _("weight '%s' is not a number"), wc->text);
	if (v <= 0)
		return jx__rp_fail(d, line, _("weight must be greater than 0, not %s"), wc->text);
	*weight = v;
	*score = NAN;
	if (!sc)
		return 0;
	kind = jx__rp_cell_kind(sc, &v);
	if (kind == JX__RP_NEG)
		return jx__rp_fail(d, line, _("score %s is negative"), sc->text);
	if (kind == JX__RP_BAD)
		return jx__rp_fail(d, line, _("score '%s' is not a number"), sc->text);
	if (kind == JX__RP_NUM)
		*score = v;
	return 0;
}

/* 合计 (or 小计) row: record the declared totals. */
static int total_row(jx__rp_doc *d, tstate *st, int kind, double w, double s, size_t nnum, int line)
{
	if (nnum == 1) { /* one number: the weight when it matches the rows, else the score */
		double wsum = jx_evaluation_weight_sum(d->ev);
		if (kind == ROW_TOTAL && fabs(w - wsum) > EPS)
			s = w, w = NAN;
	}
	if (kind == ROW_TOTAL) {
		d->ev->total_weight = w;
		d->ev->total_score = s;
		d->total_line = line;
		return 0;
	}
	if (!st->l1)
		return jx__rp_fail(d, line, _("小计 row before any level-1 indicator"));
	d->groups[st->group].sub_weight = w;
	d->groups[st->group].sub_score = s;
	d->groups[st->group].sub_line = line;
	return 0;
}

/* Resolve the names of a row: level-1 (with its weight), level-2, level-3, explanation. */
static int row_names(jx__rp_doc *d, tstate *st, const jx__rp_cells *cs, size_t ntext, int line,
		     const char **l3, const char **expl)
{
	size_t idx[JX__RP_MAX_CELLS], n = 0, e, i, l1_at = ntext;
	char *l1name = NULL;
	double l1w = NAN;
	int rc = 0;
	for (i = 0; i < ntext; i++) {
		if (l1_at == ntext) {
			int r = jx_name_split_weight(&l1name, &l1w, cs->c[i].text);
			if (r < 0)
				return r;
			if (r == 1) {
				l1_at = i;
				continue;
			}
			free(l1name);
			l1name = NULL;
		}
		idx[n++] = i;
	}
	*expl = "";
	if (st->col.have_expl && n >= 2 && (e = pick_explanation(cs, idx, n)) < n) {
		*expl = cs->c[idx[e]].text;
		memmove(idx + e, idx + e + 1, (n - e - 1) * sizeof(*idx));
		n--;
	}
	if (n == 0 || n > 3 || (n == 3 && l1name)) {
		rc = jx__rp_fail(
			d, line,
			n == 0 ? _("cannot resolve this table row: no indicator name")
			       : _("cannot resolve this table row: %zu names where at most %d "
				   "fit (level-1, level-2, level-3)"),
			n, l1name ? 2 : 3);
		goto out;
	}
	if (n == 3)
		l1name = jx__strdup(cs->c[idx[0]].text);
	if ((l1name && (rc = enter_group(d, st, l1name, l1w, line)) != 0))
		goto out;
	if (!st->l1) {
		rc = jx__rp_fail(d, line,
				 _("cannot resolve this table row: no level-1 indicator "
				   "in it or above it"));
		goto out;
	}
	if (n >= 2) {
		free(st->l2);
		if (!(st->l2 = jx__strdup(cs->c[idx[n - 2]].text))) {
			rc = jx__oom();
			goto out;
		}
	} else if (!st->l2) {
		rc = jx__rp_fail(d, line,
				 _("cannot resolve this table row: no level-2 indicator "
				   "in it or above it under %s"),
				 st->l1);
		goto out;
	}
	*l3 = cs->c[idx[n - 1]].text;
out:
	free(l1name);
	return rc;
}

static int add_indicator(jx__rp_doc *d, tstate *st, const char *l3, const char *expl, double w,
			 double s, int line)
{
	jx_indicator *row;
	size_t i;
	if (!isnan(s) && s > w + EPS)
		return jx__rp_fail(d, line, _("score %g of %s is above its weight %g"), s, l3, w);
	row = jx_evaluation_add_row(d->ev, st->l1, st->l2, l3, expl, w, s,
				    isnan(s) ? JX_ORIGIN_MISSING : JX_ORIGIN_STATED, line);
	if (!row)
		return JX_ENOMEM;
	row->level1_weight = d->groups[st->group].declared;
	for (i = 0; i + 1 < d->ev->nrows; i++)
		if (!strcmp(d->ev->rows[i].key, row->key))
			return jx__rp_fail(
				d, line, _("duplicate indicator %s/%s/%s (already at line %d)"),
				row->level1, row->level2, row->level3, d->ev->rows[i].line);
	d->last_row_line = line;
	return 0;
}

/* One table line (cells already split). Returns ROW_* or a negative error. */
static int parse_row(jx__rp_doc *d, tstate *st, const jx__rp_cells *cs, int line)
{
	size_t k = cs->n, j, t;
	double w = NAN, s = NAN, v;
	const char *l3 = NULL, *expl = NULL;
	int rc, kind;
	if (cs->overflow)
		return jx__rp_fail(d, line, _("cannot resolve this table row: more than %d cells"),
				   JX__RP_MAX_CELLS);
	if (st->col.remarks) { /* columns after the numbers (备注): skip up to that many text cells */
		for (t = cs->n; t > 0 && jx__rp_cell_kind(&cs->c[t - 1], &v) == JX__RP_TEXT; t--)
			;
		if (t > 0 && cs->n - t <= (size_t)st->col.remarks)
			k = t;
	}
	for (j = k; j > 0 && k - j < 2 && jx__rp_cell_kind(&cs->c[j - 1], &v) != JX__RP_TEXT; j--)
		;
	if (j == k)
		return ROW_NONUM;
	kind = text_kind(cs, j);
	if (j == 0 && kind == ROW_OK)
		return jx__rp_fail(d, line,
				   _("cannot resolve this table row: numbers but no indicator "
				     "name"));
	if ((rc = row_numbers(d, st, cs, j, k, line, &w, &s)) != 0)
		return rc;
	if (kind != ROW_OK)
		return (rc = total_row(d, st, kind, w, s, k - j, line)) != 0 ? rc : kind;
	if ((rc = row_names(d, st, cs, j, line, &l3, &expl)) != 0)
		return rc;
	if ((rc = add_indicator(d, st, l3, expl, w, s, line)) != 0)
		return rc;
	return ROW_OK;
}

/* ---- the table ---- */

/* 1 when some line from i on looks like a table row (text then numbers) or 合计. */
static int row_follows(const jx__rp_doc *d, size_t i)
{
	jx__rp_cells cs;
	double v;
	int found = 0;
	memset(&cs, 0, sizeof(cs));
	for (; i < d->nlines && !found; i++) {
		size_t n;
		if (jx__rp_split_cells(&cs, &d->lines[i]) != 0)
			break;
		n = cs.n;
		found = n >= 2 && jx__rp_cell_kind(&cs.c[n - 1], &v) != JX__RP_TEXT &&
			jx__rp_cell_kind(&cs.c[0], &v) == JX__RP_TEXT;
		jx__rp_cells_clear(&cs);
	}
	jx__rp_cells_clear(&cs);
	return found;
}

static int last_text_line(const jx__rp_doc *d, size_t i)
{
	for (i++; i < d->nlines; i++)
		if (strspn(d->lines[i].fold, " \t") != strlen(d->lines[i].fold))
			return 0;
	return 1;
}

/* The header line: the first line naming level, weight and score columns. */
static int find_header(jx__rp_doc *d, tstate *st)
{
	jx__rp_cells cs;
	int rc = 0;
	size_t i, from = d->title < d->nlines ? d->title + 1 : 0;
	memset(&cs, 0, sizeof(cs));
	for (i = from; i < d->nlines; i++) {
		if ((rc = jx__rp_split_cells(&cs, &d->lines[i])) < 0)
			break;
		if (cs.n >= 3 && jx__rp_is_header(&cs, &st->col)) {
			jx__rp_cells_clear(&cs);
			d->table_first = i;
			return 0;
		}
		jx__rp_cells_clear(&cs);
	}
	jx__rp_cells_clear(&cs);
	if (rc < 0)
		return rc;
	return jx__rp_fail(
		d, d->lines[d->nlines - 1].no,
		_("no indicator table found: expected a header row naming 一级指标/二级指标/"
		  "三级指标, 权重 (or 分值) and 得分, cells separated by tabs or 2+ spaces"));
}

/* A short unnumbered line just above the header ("…评价指标体系") is its caption. */
static void find_caption(jx__rp_doc *d)
{
	size_t i = d->table_first;
	while (i > 0 && strspn(d->lines[i - 1].fold, " \t") == strlen(d->lines[i - 1].fold))
		i--;
	if (i == 0 || i - 1 == d->title)
		return;
	i--;
	if (!d->lines[i].heading && jx__utf8_count(d->lines[i].fold) <= 40 &&
	    (strstr(d->lines[i].fold, "指标") || strstr(d->lines[i].fold, "评分表") ||
	     strstr(d->lines[i].fold, "评价表")) &&
	    !strstr(d->lines[i].fold, "\xE3\x80\x82"))
		d->caption = i;
}

/* A line without numbers inside the table: end of table, truncation or an error. */
static int no_number_row(jx__rp_doc *d, size_t i)
{
	int line = d->lines[i].no;
	if (row_follows(d, i + 1))
		return jx__rp_fail(d, line,
				   _("cannot resolve this table row: no weight or score "
				     "(cells wrapped over several lines are not supported)"));
	if (last_text_line(d, i))
		return jx__rp_fail(d, line,
				   _("the table is cut off here: this row has no weight or "
				     "score and no 合计 row follows (truncated file?)"));
	return 0; /* prose after a table without 合计: the table ended above */
}

int jx__rp_read_table(jx__rp_doc *d)
{
	tstate st;
	jx__rp_cells cs;
	size_t i;
	int rc = 0, r;
	memset(&st, 0, sizeof(st));
	memset(&cs, 0, sizeof(cs));
	if ((rc = find_header(d, &st)) != 0)
		return rc;
	find_caption(d);
	d->table_last = d->table_first;
	for (i = d->table_first + 1; i < d->nlines; i++) {
		if (strspn(d->lines[i].fold, " \t") == strlen(d->lines[i].fold))
			continue;
		jx__rp_cells_clear(&cs);
		if ((rc = jx__rp_split_cells(&cs, &d->lines[i])) != 0)
			break;
		if (jx__rp_is_page_number(&d->lines[i]) || jx__rp_is_header(&cs, NULL))
			continue;
		r = parse_row(d, &st, &cs, d->lines[i].no);
		if (r < 0) {
			rc = r;
			break;
		}
		if (r == ROW_NONUM) {
			rc = no_number_row(d, i);
			break;
		}
		d->table_last = i;
		if (r == ROW_TOTAL)
			break;
	}
	jx__rp_cells_clear(&cs);
	free(st.l1);
	free(st.l2);
	if (rc == 0 && d->ev->nrows == 0)
		rc = jx__rp_fail(d, d->lines[d->table_first].no,
				 _("the indicator table has no rows"));
	return rc;
}
