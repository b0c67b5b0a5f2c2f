/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recognise_table.c -- the rows of a document's evaluation table into evaluations.
 *
 * Columns have roles (header.c), so a row's cells are read by position:
 * its level-1, level-2 and leaf names, explanation, weight, score and review
 * score. Below the header, each row is one of:
 *
 * - blank, or the header repeated (a page break): skipped;
 * - 合计 / 总分 / 总计: the declared totals; the table ends there;
 * - 小计: the current level-1's subtotal;
 * - a "其中" row, a template placeholder ("……", "指标2:" alone), or a row
 *   whose weight is "/" or "—" (not assessed): skipped, said in --dry-run;
 * - a category row (names but no numbers, "投入 (15分)"): the level-1 or
 *   level-2 carried to the rows below, with its declared weight;
 * - an indicator: weight > 0 and scores in 0..weight (or missing).
 *
 * Merged and blank level-1 / level-2 cells carry the value from above.
 * Errors name the cell ("表 2 第 14 行 第 5 列: weight 'x' is not a number").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

#define EPS 1e-6

/* One row's cells by role: text (a merged cell's text in every row it covers, for
 * names), whether the cell begins in this row, and where it is. */
typedef struct {
	const char *text[JX__ROLE_COUNT];
	int own[JX__ROLE_COUNT];
	jx_doc_origin at[JX__ROLE_COUNT];
	int anchor_row[JX__ROLE_COUNT], anchor_col[JX__ROLE_COUNT];
	jx__role shares[JX__ROLE_COUNT]; /* the earlier role whose cell spans this one */
} rowview;

typedef struct {
	jx__rc *rc;
	const jx_doc_table *t;
	const jx__header *h;
	jx__role leaf;         /* the deepest name column */
	char *l1, *l2;         /* carried down */
	char *l1_raw, *l2_raw; /* the cell texts they were read from */
	size_t group[JX__RC_KINDS];
	int have_group, l2_line;
	double l2_declared;
	int ended;                            /* the 合计 row was read */
	size_t after_end;                     /* non-blank rows after it */
	char *reg_dept, *reg_year, *reg_kind; /* a register's cells, carried down */
	size_t traced;                        /* rows listed in the description */
} reader;

static void view_row(const reader *rd, size_t r, rowview *v)
{
	memset(v, 0, sizeof(*v));
	for (int k = 1; k < JX__ROLE_COUNT; k++) {
		const jx_doc_cell *s;
		int c = rd->h->col[k];
		v->text[k] = "";
		v->anchor_row[k] = v->anchor_col[k] = -1;
		if (c < 0 || !(s = jx_doc_table_slot(rd->t, r, (size_t)c)))
			continue;
		v->at[k] = s->origin;
		v->anchor_row[k] = s->anchor_row;
		v->anchor_col[k] = s->anchor_col;
		v->own[k] = s->anchor_row == (int)r;
		/* a cell spanning several role columns counts once, in its first column */
		for (int j = 1; j < k; j++)
			if (v->anchor_row[j] == s->anchor_row &&
			    v->anchor_col[j] == s->anchor_col) {
				v->anchor_row[k] = -1;
				v->shares[k] = (jx__role)j;
				break;
			}
		if (v->anchor_row[k] >= 0)
			v->text[k] = jx_doc_table_text(rd->t, r, (size_t)c);
	}
}

/* A number cell's text: only a cell that begins in this row (a merged weight is not
 * repeated into the rows it covers). */
static const char *num_text(const rowview *v, jx__role k)
{
	return v->own[k] ? v->text[k] : "";
}

static int row_blank(const jx_doc_table *t, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const jx_doc_cell *s = jx_doc_table_slot(t, r, c);
		if (s->rowspan && s->text && *s->text)
			return 0;
	}
	return 1;
}

enum { ROW_PLAIN, ROW_SUBTOTAL, ROW_TOTAL };

static int total_kind_of(const char *text);

static int total_kind(const char *text)
{
	/* 合计, 总计, 小计, 总分, "部门管理小计": short, with 计 or 分 (quick: most cells,
	 * explanations above all, are no total) */
	if (strlen(text) > 64 || (!strstr(text, "计") && !strstr(text, "分")))
		return ROW_PLAIN;
	return total_kind_of(text);
}

static int total_kind_of(const char *text)
{
	static const char *const totals[] = {"合计",   "总计",   "总分",     "合计得分", "总计得分",
					     "合计分", "总得分", "得分合计", NULL};
	char *n = jx_name_normalize(text);
	size_t len;
	int kind = ROW_PLAIN;
	if (!n)
		return ROW_PLAIN;
	for (int i = 0; totals[i]; i++)
		if (!strcmp(n, totals[i]))
			kind = ROW_TOTAL;
	len = strlen(n);
	if (kind == ROW_PLAIN && len >= 6 && !strcmp(n + len - 6, "小计"))
		kind = ROW_SUBTOTAL;
	free(n);
	return kind;
}

/* 合计 or 小计 in a cell that begins in this row, left of the weight column (a total
 * often sits in an unnamed first column or spans the name columns). */
static int row_total_kind(const reader *rd, size_t r)
{
	int stop = rd->h->col[JX__ROLE_WEIGHT];
	for (size_t c = 0; c < (size_t)stop; c++) {
		const jx_doc_cell *s = jx_doc_table_slot(rd->t, r, c);
		int kind;
		if (!s->rowspan || s->anchor_row != (int)r || !s->text || !*s->text)
			continue;
		if ((kind = total_kind(s->text)) != ROW_PLAIN)
			return kind;
	}
	return ROW_PLAIN;
}

/* "……", "...", "——", "指标2:", "指标二：" alone: a template row nobody filled in. */
static int is_placeholder(const char *text)
{
	char *n = jx_name_normalize(text);
	const char *p;
	int yes = 0;
	if (!n)
		return 0;
	p = n;
	while (*p == '.' || !strncmp(p, "\xE2\x80\xA6", 3) || !strncmp(p, "\xE2\x80\x94", 3) ||
	       !strncmp(p, "\xC2\xB7", 2) || *p == '-')
		p += *p == '.' || *p == '-' ? 1 : (unsigned char)*p == 0xC2 ? 2 : 3;
	if (p != n && !*p)
		yes = 1;
	else if (!strncmp(n, "指标", 6)) {
		p = n + 6;
		while ((*p >= '0' && *p <= '9') || !strncmp(p, "一", 3) || !strncmp(p, "二", 3) ||
		       !strncmp(p, "三", 3) || !strncmp(p, "四", 3) || !strncmp(p, "五", 3))
			p += *p >= '0' && *p <= '9' ? 1 : 3;
		yes = p > n + 6 && (!*p || !strcmp(p, ":"));
	}
	free(n);
	return yes;
}

static int starts_with_qizhong(const char *text)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	return !strncmp(p, "其中", 6);
}

/* The row's id: a numbered line at its score cell (else weight, else leaf). */
static int row_id(reader *rd, const rowview *v)
{
	jx__role at = rd->h->col[JX__ROLE_SCORE] >= 0    ? JX__ROLE_SCORE
		      : rd->h->col[JX__ROLE_REVIEW] >= 0 ? JX__ROLE_REVIEW
							 : JX__ROLE_WEIGHT;
	return jx__rc_line(rd->rc, rd->t, v->at[at]);
}

/* Rows listed in --dry-run's account of a table; the rest are counted. */
#define TRACE_ROWS 2000

static void trace_at(reader *rd, const rowview *v, jx__role k, const char *what)
{
	char at[128];
	if (!rd->rc->opts->describe || rd->traced++ >= TRACE_ROWS)
		return;
	jx__rc_place_text(rd->rc, rd->t, v->at[k], 0, at, sizeof(at));
	jx__rc_trace(rd->rc, "  %s: %s\n", at, what);
}

/* ---- totals ---- */

static const jx__role score_roles[JX__RC_KINDS] = {JX__ROLE_SCORE, JX__ROLE_REVIEW};

static int formula_fail(reader *rd, const rowview *v, jx__role k)
{
	return jx__rc_fail(rd->rc, rd->t, v->at[k],
			   _("%s: a formula (%s) without a computed value; open the file in Excel "
			     "or WPS and save it again, so that its values are stored"),
			   jx__col_label(k), num_text(v, k));
}

/* A number for a total: the value, NaN when empty; an error when it is not a number. */
static int total_number(reader *rd, const rowview *v, jx__role k, double *out)
{
	int kind = jx__cell_number(num_text(v, k), out);
	if (kind == JX__NUM_OK)
		return 0;
	*out = NAN;
	if (kind == JX__NUM_EMPTY || kind == JX__NUM_DASH)
		return 0;
	if (kind == JX__NUM_FORMULA)
		return formula_fail(rd, v, k);
	return jx__rc_fail(rd->rc, rd->t, v->at[k], _("%s '%s' of the total row is not a number"),
			   jx__col_label(k), num_text(v, k));
}

static int total_row(reader *rd, const rowview *v, int sub)
{
	jx__rc *rc = rd->rc;
	double w, s;
	int id = row_id(rd, v), e;
	if (id < 0)
		return id;
	if ((e = total_number(rd, v, JX__ROLE_WEIGHT, &w)) != 0)
		return e;
	if (sub && !rd->have_group)
		return jx__rc_fail(rc, rd->t, v->at[JX__ROLE_WEIGHT],
				   _("小计 row before any level-1 indicator"));
	for (int k = 0; k < JX__RC_KINDS; k++) {
		jx__rp_doc *d = &rc->rp[k];
		if (!rc->has_kind[k])
			continue;
		if ((e = total_number(rd, v, score_roles[k], &s)) != 0)
			return e;
		if (sub) {
			d->groups[rd->group[k]].sub_weight = w;
			d->groups[rd->group[k]].sub_score = s;
			d->groups[rd->group[k]].sub_line = id;
		} else {
			d->ev->total_weight = w;
			d->ev->total_score = s;
			d->total_line = id;
		}
	}
	if (rc->opts->describe) {
		char what[256];
		snprintf(what, sizeof(what), "%s: %s %s, %s %s", sub ? "小计" : "合计",
			 jx__col_label(JX__ROLE_WEIGHT), num_text(v, JX__ROLE_WEIGHT),
			 jx__col_label(JX__ROLE_SCORE),
			 num_text(v, rc->has_kind[0] ? JX__ROLE_SCORE : JX__ROLE_REVIEW));
		trace_at(rd, v, rc->has_kind[0] ? JX__ROLE_SCORE : JX__ROLE_REVIEW, what);
	}
	rd->ended = !sub;
	return 0;
}

/* ---- names ---- */

/* A new level-1 from a cell ("部门决策 (20分)"): the group of every kind. */
static int close_level2(reader *rd);

/* A level-1 from a cell ("部门决策 (20分)") at role k: the group of every kind.
 * 1 when it is a new one, 0 when it is the carried one, or an error. */
static int enter_level1(reader *rd, const rowview *v, jx__role k, const char *text)
{
	char *name = NULL;
	double w;
	int e, line;
	if (rd->l1_raw && !strcmp(rd->l1_raw, text))
		return 0; /* the same cell text as the row above: nothing to read again */
	free(rd->l1_raw);
	if (!(rd->l1_raw = jx__strdup(text)) || (e = jx__cell_label(&name, &w, text)) != 0)
		return rd->l1_raw ? e : jx__oom();
	if (!*name || (rd->l1 && !strcmp(rd->l1, name))) {
		free(name);
		return 0;
	}
	if ((line = jx__rc_line(rd->rc, rd->t, v->at[k])) < 0 || (e = close_level2(rd)) != 0) {
		free(name);
		return line < 0 ? line : e;
	}
	for (int i = 0; i < JX__RC_KINDS && e == 0; i++)
		if (rd->rc->rp[i].ev)
			e = jx__rp_group_at(&rd->rc->rp[i], name, w, line, &rd->group[i]);
	if (e != 0) {
		free(name);
		return e;
	}
	free(rd->l1);
	free(rd->l2);
	free(rd->l2_raw);
	rd->l1 = name;
	rd->l2 = NULL;
	rd->l2_raw = NULL;
	rd->have_group = 1;
	return 1;
}

/* A level-2 (its declared weight is checked when it ends). 1 new, 0 the carried one. */
static int enter_level2(reader *rd, const rowview *v, const char *text)
{
	char *name = NULL;
	double w;
	int e;
	if (rd->l2_raw && !strcmp(rd->l2_raw, text))
		return 0;
	free(rd->l2_raw);
	if (!(rd->l2_raw = jx__strdup(text)) || (e = jx__cell_label(&name, &w, text)) != 0)
		return rd->l2_raw ? e : jx__oom();
	if (!*name || (rd->l2 && !strcmp(rd->l2, name))) {
		free(name);
		return 0;
	}
	if ((e = close_level2(rd)) != 0) {
		free(name);
		return e;
	}
	free(rd->l2);
	rd->l2 = name;
	rd->l2_declared = w;
	rd->l2_line = 0;
	if (!isnan(w) && (rd->l2_line = jx__rc_line(rd->rc, rd->t, v->at[JX__ROLE_LEVEL2])) < 0)
		return rd->l2_line;
	return 1;
}

/* The evaluation whose rows are the table's (self, else review). */
static const jx_evaluation *rows_of(const reader *rd)
{
	return rd->rc->has_kind[0] ? rd->rc->rp[0].ev : rd->rc->rp[1].ev;
}

static int close_level2(reader *rd)
{
	char a[32], b[32];
	double sum = 0;
	const jx_evaluation *ev = rows_of(rd);
	int e = 0;
	if (!rd->l2 || isnan(rd->l2_declared))
		return 0;
	for (size_t i = 0; i < ev->nrows; i++)
		if (rd->l1 && !strcmp(ev->rows[i].level1, rd->l1) &&
		    !strcmp(ev->rows[i].level2, rd->l2))
			sum += ev->rows[i].weight;
	jx_number_format(a, sizeof(a), rd->l2_declared);
	jx_number_format(b, sizeof(b), sum);
	for (int k = 0; k < JX__RC_KINDS && e == 0; k++)
		if (rd->rc->has_kind[k] && fabs(sum - rd->l2_declared) > EPS)
			e = jx__rp_warn(
				&rd->rc->rp[k], rd->l2_line,
				_("%s declares %s points but its rows' weights add up to %s"),
				rd->l2, a, b);
	rd->l2_declared = NAN;
	return e;
}

/* The level-1 and level-2 of this row: its own cells, else carried from above.
 * The number of new names, or an error. */
static int carry_names(reader *rd, const rowview *v)
{
	int e1 = 0, e2 = 0;
	if (*v->text[JX__ROLE_LEVEL1] && rd->leaf != JX__ROLE_LEVEL1 &&
	    (e1 = enter_level1(rd, v, JX__ROLE_LEVEL1, v->text[JX__ROLE_LEVEL1])) < 0)
		return e1;
	if (*v->text[JX__ROLE_LEVEL2] && rd->leaf != JX__ROLE_LEVEL2 &&
	    (e2 = enter_level2(rd, v, v->text[JX__ROLE_LEVEL2])) < 0)
		return e2;
	return e1 + e2;
}

/* The leaf name of the row: its own cell, or the level-2 cell spanning it. */
static const char *leaf_text(const reader *rd, const rowview *v)
{
	jx__role k = rd->leaf;
	if (*v->text[k])
		return v->own[k] ? v->text[k] : "";
	if (v->shares[k] == JX__ROLE_LEVEL2 && v->own[JX__ROLE_LEVEL2])
		return v->text[JX__ROLE_LEVEL2];
	return "";
}

/* ---- one row ---- */

/* A row without weight or score: a category, a placeholder or nothing to read. */
static int no_number_row(reader *rd, const rowview *v)
{
	const char *leaf = leaf_text(rd, v);
	int e;
	if (*leaf && is_placeholder(leaf)) {
		trace_at(rd, v, rd->leaf, _("skipped: a template placeholder row"));
		return 0;
	}
	if (rd->leaf == JX__ROLE_INDICATOR || rd->h->col[JX__ROLE_LEVEL1] < 0)
		/* one name column: a row without numbers is a category (level-1) */
		e = *leaf ? enter_level1(rd, v, rd->leaf, leaf) : 0;
	else
		e = carry_names(rd, v);
	if (e < 0)
		return e;
	if (e > 0)
		trace_at(rd, v, rd->leaf == JX__ROLE_INDICATOR ? rd->leaf : JX__ROLE_LEVEL1,
			 _("category row"));
	else if (*leaf && v->shares[rd->leaf] == JX__ROLE_NONE)
		trace_at(rd, v, rd->leaf, _("skipped: no weight and no score"));
	return 0;
}

/* Weight of an indicator row; 1 when the row is not assessed ("/", "—"), else 0 or an error. */
static int row_weight(reader *rd, const rowview *v, double *w)
{
	const char *text = num_text(v, JX__ROLE_WEIGHT);
	switch (jx__cell_number(text, w)) {
	case JX__NUM_OK:
		if (*w > 0)
			return 0;
		return jx__rc_fail(rd->rc, rd->t, v->at[JX__ROLE_WEIGHT],
				   _("weight must be greater than 0, not %s"), text);
	case JX__NUM_DASH: return 1;
	case JX__NUM_FORMULA: return formula_fail(rd, v, JX__ROLE_WEIGHT);
	case JX__NUM_NEG:
		return jx__rc_fail(rd->rc, rd->t, v->at[JX__ROLE_WEIGHT],
				   _("weight %s is negative"), text);
	case JX__NUM_EMPTY:
		return jx__rc_fail(rd->rc, rd->t, v->at[JX__ROLE_WEIGHT],
				   _("the row has a score but no weight"));
	default:
		return jx__rc_fail(rd->rc, rd->t, v->at[JX__ROLE_WEIGHT],
				   _("weight '%s' is not a number"), text);
	}
}

/* Score of kind k; NaN when missing ("", "—"). */
static int row_score(reader *rd, const rowview *v, int k, double w, double *s)
{
	jx__role role = score_roles[k];
	const char *text = num_text(v, role);
	switch (jx__cell_number(text, s)) {
	case JX__NUM_OK:
		if (*s <= w + EPS)
			return 0;
		return jx__rc_fail(rd->rc, rd->t, v->at[role], _("%s %s is above its weight %s"),
				   jx__col_label(role), text, num_text(v, JX__ROLE_WEIGHT));
	case JX__NUM_EMPTY:
	case JX__NUM_DASH: *s = NAN; return 0;
	case JX__NUM_FORMULA: return formula_fail(rd, v, role);
	case JX__NUM_NEG:
		return jx__rc_fail(rd->rc, rd->t, v->at[role], _("%s %s is negative"),
				   jx__col_label(role), text);
	default:
		return jx__rc_fail(rd->rc, rd->t, v->at[role], _("%s '%s' is not a number"),
				   jx__col_label(role), text);
	}
}

/* The row's explanation: 指标解释, else 评分标准. */
static const char *explanation(const rowview *v)
{
	return *v->text[JX__ROLE_EXPLANATION] ? v->text[JX__ROLE_EXPLANATION]
					      : v->text[JX__ROLE_RULE];
}

static int duplicate(reader *rd, const jx_evaluation *ev, const rowview *v)
{
	const jx_indicator *row = &ev->rows[ev->nrows - 1];
	char at[128];
	for (size_t i = 0; i + 1 < ev->nrows; i++)
		if (!strcmp(ev->rows[i].key, row->key)) {
			jx__rp_where(&rd->rc->rp[0], ev->rows[i].line, 0, at, sizeof(at));
			return jx__rc_fail(rd->rc, rd->t, v->at[rd->leaf],
					   _("duplicate indicator %s/%s/%s (already at %s)"),
					   row->level1, row->level2, row->level3, at);
		}
	return 0;
}

static void trace_indicator(reader *rd, const rowview *v, const char *l3, const double *s)
{
	char what[768], a[32];
	size_t n;
	if (!rd->rc->opts->describe)
		return;
	n = (size_t)snprintf(what, sizeof(what), "%s / %s / %s: %s %s", rd->l1,
			     rd->l2 ? rd->l2 : "", l3, jx__col_label(JX__ROLE_WEIGHT),
			     num_text(v, JX__ROLE_WEIGHT));
	for (int k = 0; k < JX__RC_KINDS && n < sizeof(what); k++) {
		if (!rd->rc->has_kind[k])
			continue;
		jx_number_format(a, sizeof(a), s[k]);
		n += (size_t)snprintf(what + n, sizeof(what) - n, ", %s %s",
				      jx__col_label(score_roles[k]), *a ? a : "—");
	}
	trace_at(rd, v, rd->h->col[JX__ROLE_SCORE] >= 0 ? JX__ROLE_SCORE : JX__ROLE_WEIGHT, what);
}

static int add_indicator(reader *rd, const rowview *v, const char *l3, double w, const double *s)
{
	jx_indicator *row;
	int id = row_id(rd, v), e;
	if (id < 0)
		return id;
	for (int k = 0; k < JX__RC_KINDS; k++) {
		jx__rp_doc *d = &rd->rc->rp[k];
		if (!rd->rc->has_kind[k])
			continue;
		row = jx_evaluation_add_row(d->ev, rd->l1, rd->l2 ? rd->l2 : "", l3, explanation(v),
					    w, s[k],
					    isnan(s[k]) ? JX_ORIGIN_MISSING : JX_ORIGIN_STATED, id);
		if (!row)
			return JX_ENOMEM;
		row->level1_weight = d->groups[rd->group[k]].declared;
		if (jx_indicator_set_target(row, d->ev->year, v->text[JX__ROLE_TARGET],
					    v->text[JX__ROLE_ACTUAL],
					    v->text[JX__ROLE_REASON]) != 0)
			return JX_ENOMEM;
		if ((e = duplicate(rd, d->ev, v)) != 0)
			return e;
		d->last_row_line = id;
		if (!d->ev->line)
			d->ev->line = id;
	}
	trace_indicator(rd, v, l3, s);
	return 0;
}

/* "指标1：受益学生人数" → "受益学生人数": the template numbers its indicators, and the
 * numbers change when one is added; the name is what stays. */
static void strip_numbering(char *name)
{
	char *p = name;
	if (strncmp(p, "指标", 6) != 0)
		return;
	p += 6;
	while ((*p >= '0' && *p <= '9') || !strncmp(p, "一", 3) || !strncmp(p, "二", 3) ||
	       !strncmp(p, "三", 3) || !strncmp(p, "四", 3) || !strncmp(p, "五", 3) ||
	       !strncmp(p, "六", 3) || !strncmp(p, "七", 3) || !strncmp(p, "八", 3) ||
	       !strncmp(p, "九", 3) || !strncmp(p, "十", 3))
		p += *p >= '0' && *p <= '9' ? 1 : 3;
	if (p == name + 6)
		return;
	if (*p == ':')
		p++;
	else if (!strncmp(p, "：", 3))
		p += 3;
	else
		return;
	if (*p)
		memmove(name, p, strlen(p) + 1);
}

static int indicator_row(reader *rd, const rowview *v)
{
	double w, s[JX__RC_KINDS] = {NAN, NAN};
	char *l3 = NULL;
	const char *leaf = leaf_text(rd, v);
	int e;
	if ((e = row_weight(rd, v, &w)) != 0) {
		if (e == 1)
			trace_at(rd, v, JX__ROLE_WEIGHT,
				 _("skipped: not assessed (weight / or —)"));
		return e == 1 ? 0 : e;
	}
	for (int k = 0; k < JX__RC_KINDS; k++)
		if (rd->rc->has_kind[k] && (e = row_score(rd, v, k, w, &s[k])) != 0)
			return e;
	if ((e = carry_names(rd, v)) < 0)
		return e;
	if (!*leaf)
		return jx__rc_fail(
			rd->rc, rd->t, v->at[JX__ROLE_WEIGHT],
			_("cannot resolve this table row: a weight but no indicator name "
			  "in the %s column"),
			jx__col_label(rd->leaf));
	if (!rd->l1)
		return jx__rc_fail(rd->rc, rd->t, v->at[rd->leaf],
				   _("cannot resolve this table row: no level-1 indicator in it or "
				     "above it"));
	if (rd->h->col[JX__ROLE_LEVEL2] >= 0 && rd->leaf != JX__ROLE_LEVEL2 && !rd->l2)
		return jx__rc_fail(rd->rc, rd->t, v->at[rd->leaf],
				   _("cannot resolve this table row: no level-2 indicator in it or "
				     "above it under %s"),
				   rd->l1);
	if (!(l3 = jx__cell_name(leaf)))
		return jx__oom();
	strip_numbering(l3);
	e = add_indicator(rd, v, l3, w, s);
	free(l3);
	return e;
}

static int any_number(const rowview *v)
{
	double x;
	static const jx__role k[] = {JX__ROLE_WEIGHT, JX__ROLE_SCORE, JX__ROLE_REVIEW};
	for (int i = 0; i < 3; i++) {
		int kind = jx__cell_number(num_text(v, k[i]), &x);
		if (kind != JX__NUM_EMPTY && (kind != JX__NUM_DASH || k[i] == JX__ROLE_WEIGHT))
			return 1;
	}
	return 0;
}

/* ---- a register: each row's department, year and kind ---- */

/* A register cell's text, or the last one above it when blank (merged or empty). */
static int carried(char **last, const rowview *v, jx__role k)
{
	char *t;
	if (!*v->text[k] || (*last && !strcmp(*last, v->text[k])))
		return 0;
	if (!(t = jx__strdup(v->text[k])))
		return jx__oom();
	jx_trim(t);
	free(*last);
	*last = t;
	return 0;
}

static int row_year(reader *rd, const rowview *v, int *year)
{
	char *end;
	long y;
	const jx__rc *rc = rd->rc;
	if (rc->head.col[JX__ROLE_YEAR] < 0 || (rc->opts->relabel && rc->opts->year > 0))
		return 0;
	if (!rd->reg_year)
		return jx__rc_fail(rc, rd->t, v->at[JX__ROLE_YEAR],
				   _("no year in this row's 年度 cell or above it"));
	y = strtol(rd->reg_year, &end, 10);
	if (end == rd->reg_year || (*end && strcmp(end, "年") && strcmp(end, "年度")) ||
	    y < JX_YEAR_MIN || y > JX_YEAR_MAX)
		return jx__rc_fail(rc, rd->t, v->at[JX__ROLE_YEAR], _("year '%s' is not a year"),
				   rd->reg_year);
	*year = (int)y;
	return 0;
}

static int row_kind(reader *rd, const rowview *v, jx_kind *kind)
{
	const jx__rc *rc = rd->rc;
	int code;
	if (rc->head.col[JX__ROLE_KIND] < 0 || (rc->opts->relabel && rc->opts->kind >= 0))
		return 0;
	if (!rd->reg_kind || (code = jx__csv_code(JX__COL_KIND, rd->reg_kind)) < 0)
		return jx__rc_fail(rc, rd->t, v->at[JX__ROLE_KIND],
				   _("kind must be 自评/self or 复核/review, not '%s'"),
				   rd->reg_kind ? rd->reg_kind : "");
	*kind = (jx_kind)code;
	return 0;
}

/* The evaluation this row belongs to; a new one ends the last (it is handed on). */
static int register_row(reader *rd, const rowview *v)
{
	jx__rc *rc = rd->rc;
	const char *dept = rc->dept;
	int year = rc->year, e;
	jx_kind kind = rc->kind_of[0];
	if ((e = carried(&rd->reg_dept, v, JX__ROLE_DEPARTMENT)) != 0 ||
	    (e = carried(&rd->reg_year, v, JX__ROLE_YEAR)) != 0 ||
	    (e = carried(&rd->reg_kind, v, JX__ROLE_KIND)) != 0)
		return e;
	if (rc->head.col[JX__ROLE_DEPARTMENT] >= 0 && !(rc->opts->relabel && rc->opts->department))
		dept = rd->reg_dept;
	if (!dept || !*dept)
		return jx__rc_fail(rc, rd->t, v->at[JX__ROLE_DEPARTMENT],
				   _("no department in this row's 部门 cell or above it"));
	if ((e = row_year(rd, v, &year)) != 0 || (e = row_kind(rd, v, &kind)) != 0)
		return e;
	if (rc->rp[0].ev && !strcmp(rc->rp[0].ev->department, dept) && rc->rp[0].ev->year == year &&
	    rc->kind_of[0] == kind)
		return 0;
	if ((e = close_level2(rd)) != 0 || (e = jx__rc_flush(rc)) != 0)
		return e;
	if (dept != rc->dept) {
		free(rc->dept);
		if (!(rc->dept = jx__strdup(dept)))
			return jx__oom();
	}
	rc->year = year;
	rc->kind_of[0] = kind;
	free(rd->l1), free(rd->l2), free(rd->l1_raw), free(rd->l2_raw);
	rd->l1 = rd->l2 = rd->l1_raw = rd->l2_raw = NULL;
	rd->have_group = 0;
	return jx__rc_begin(rc);
}

static int read_row(reader *rd, size_t r)
{
	rowview v;
	int total = row_total_kind(rd, r), e;
	view_row(rd, r, &v);
	if (rd->rc->reg && (e = register_row(rd, &v)) != 0)
		return e;
	if (total != ROW_PLAIN)
		return total_row(rd, &v, total == ROW_SUBTOTAL);
	if (starts_with_qizhong(leaf_text(rd, &v)) ||
	    starts_with_qizhong(v.text[JX__ROLE_LEVEL2])) {
		trace_at(rd, &v, rd->leaf, _("skipped: a 其中 row (part of the row above)"));
		return 0;
	}
	if (!any_number(&v))
		return no_number_row(rd, &v);
	return indicator_row(rd, &v);
}

/* The deepest name column: 三级指标, else 指标, else 二级指标, else 一级指标. */
static jx__role leaf_role(const jx__header *h)
{
	if (h->col[JX__ROLE_LEVEL3] >= 0)
		return JX__ROLE_LEVEL3;
	if (h->col[JX__ROLE_INDICATOR] >= 0)
		return JX__ROLE_INDICATOR;
	return h->col[JX__ROLE_LEVEL2] >= 0 ? JX__ROLE_LEVEL2 : JX__ROLE_LEVEL1;
}

/* Row r of t (the grid, or a streamed row). */
static int next_row(reader *rd, const jx_doc_table *t, size_t r)
{
	jx__rc *rc = rd->rc;
	rd->t = t;
	if (row_blank(t, r))
		return 0;
	if (rd->ended && !rc->reg) { /* in a register, 合计 ends one evaluation only */
		rd->after_end++;
		return 0;
	}
	if (jx__header_repeats(&rc->head, t, r)) {
		char at[128];
		jx__rc_place_text(rc, t, jx_doc_table_slot(t, r, 0)->origin, 0, at, sizeof(at));
		jx__rc_trace(rc, "  %s: %s\n", at, _("skipped: the header repeated"));
		return 0;
	}
	return read_row(rd, r);
}

/* The rows of a very large sheet after its grid, one at a time into one row table
 * (kept until the end: the places of the rows read point at it). */
static int streamed_rows(reader *rd, jx_doc_table *t)
{
	jx__rc *rc = rd->rc;
	int e;
	if (!(rc->stream_row = jx_doc_table_new(1, t->ncols)) ||
	    !(rc->stream_row->sheet = jx__strdup(t->sheet)))
		return jx__oom();
	rc->stream_row->number = t->number;
	while ((e = t->more->next(t->more, rc->stream_row)) == 1)
		if ((e = next_row(rd, rc->stream_row, 0)) != 0)
			return e;
	return e;
}

int jx__rc_read_table(jx__rc *rc)
{
	reader rd;
	jx_doc_table *t = rc->table;
	int e = 0;
	memset(&rd, 0, sizeof(rd));
	rd.rc = rc;
	rd.t = t;
	rd.h = &rc->head;
	rd.leaf = leaf_role(&rc->head);
	rd.l2_declared = NAN;
	for (size_t r = rc->head.row + rc->head.nrows; r < t->nrows && e == 0; r++)
		e = next_row(&rd, t, r);
	if (e == 0 && t->more)
		e = streamed_rows(&rd, t);
	if (e == 0)
		e = close_level2(&rd);
	if (e == 0 && rd.after_end)
		jx__rc_trace(rc, "  %zu %s\n", rd.after_end, _("rows after 合计 not read"));
	if (e == 0 && rd.traced > TRACE_ROWS)
		jx__rc_trace(rc, "  %zu %s\n", rd.traced - TRACE_ROWS,
			     _("more rows read, not listed"));
	if (e == 0 && (!rc->rp[0].ev || rc->rp[0].ev->nrows == 0) &&
	    (!rc->rp[1].ev || rc->rp[1].ev->nrows == 0))
		e = jx__rc_fail(rc, rc->table,
				jx_doc_table_slot(rc->table, rc->head.row, 0)->origin,
				_("the indicator table has no rows"));
	free(rd.l1);
	free(rd.l2);
	free(rd.l1_raw);
	free(rd.l2_raw);
	free(rd.reg_dept);
	free(rd.reg_year);
	free(rd.reg_kind);
	return e;
}
