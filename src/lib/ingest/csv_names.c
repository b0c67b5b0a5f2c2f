/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv_names.c -- canonical CSV as people save it: English and Chinese column names,
 * coded values in Chinese, unknown columns ignored, near misses refused.
 *
 * The English names are the machine format that `jixiao export` writes; the
 * Chinese ones are those of the workbook's scores sheet (部门, 年度, …), so
 * that a sheet saved as CSV from Excel or WPS imports as it is. A header
 * name matches exactly (after trimming). A name that is not known but
 * differs from a known one only by spaces, case, full-width letters or a
 * small typo (`weigth`, `得 分`) is refused with "did you mean": ignoring it
 * would silently lose a column. Any other unknown column (备注, 序号, the
 * workbook's 得分率 and 扣分) is ignored, and named in one warning (stored with the
 * evaluation, so in English like the readers' other warnings, not in the user's locale). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

typedef struct {
	int role;
	const char *name;
	int figures; /* 0: scores files, 1: figures files, 2: both */
} colname;

static const colname names[] = {
	{JX__COL_DEPT, "department", 2},   {JX__COL_DEPT, "部门", 2},
	{JX__COL_YEAR, "year", 2},         {JX__COL_YEAR, "年度", 2},
	{JX__COL_KIND, "kind", 0},         {JX__COL_KIND, "类型", 0},
	{JX__COL_L1, "level1", 0},         {JX__COL_L1, "一级指标", 0},
	{JX__COL_L2, "level2", 0},         {JX__COL_L2, "二级指标", 0},
	{JX__COL_L3, "level3", 0},         {JX__COL_L3, "三级指标", 0},
	{JX__COL_EXPL, "explanation", 0},  {JX__COL_EXPL, "指标解释", 0},
	{JX__COL_WEIGHT, "weight", 0},     {JX__COL_WEIGHT, "权重", 0},
	{JX__COL_WEIGHT, "分值", 0},       {JX__COL_SCORE, "score", 0},
	{JX__COL_SCORE, "得分", 0},        {JX__COL_ORIGIN, "score_origin", 0},
	{JX__COL_ORIGIN, "得分来源", 0},   {JX__COL_ITEM, "item", 1},
	{JX__COL_VALUE, "value", 1},       {JX__COL_UNIT, "unit", 1},
	{JX__COL_PROV, "provenance", 2},   {JX__COL_PROV, "数据性质", 2},
	{JX__COL_PROJECT, "project", 2},   {JX__COL_PROJECT, "项目", 2},
	{JX__COL_TARGET, "target", 0},     {JX__COL_TARGET, "年度指标值", 0},
	{JX__COL_ACTUAL, "actual", 0},     {JX__COL_ACTUAL, "实际完成值", 0},
	{JX__COL_REASON, "reason", 0},     {JX__COL_REASON, "原因", 0},
	{JX__COL_L1W, "level1_weight", 0}, {JX__COL_L1W, "一级指标分值", 0},
	{JX__COL_STAFFING, "staffing", 0}, {JX__COL_STAFFING, "人员情况", 0}};

#define NNAMES (sizeof(names) / sizeof(*names))

const char *jx__csv_role_name(int role)
{
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i].role == role)
			return names[i].name;
	return "?";
}

/* The first name of name's role that is not ASCII: the Chinese one (权重 before 分值). */
const char *jx_csv_column_zh(const char *name)
{
	int role = -1;
	for (size_t i = 0; i < NNAMES && role < 0; i++)
		if (name && !strcmp(names[i].name, name))
			role = names[i].role;
	for (size_t i = 0; role >= 0 && i < NNAMES; i++)
		if (names[i].role == role && (unsigned char)names[i].name[0] >= 0x80)
			return names[i].name;
	return NULL;
}

/* The role a header name has in a scores (figures 0) or figures file; -1 when none. */
static int role_of(const char *name, int figures)
{
	for (size_t i = 0; i < NNAMES; i++)
		if ((names[i].figures == 2 || names[i].figures == figures) &&
		    !strcmp(name, names[i].name))
			return names[i].role;
	return -1;
}

/* The known name that an unknown one is a near miss of, or NULL (see the file comment). */
static const char *near_miss(const char *name, int figures)
{
	char *norm = strlen(name) <= 64 ? jx_name_normalize(name) : NULL;
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; norm && *norm && i < NNAMES; i++) {
		char *known;
		size_t len = jx__utf8_count(names[i].name),
		       allowed = len >= 5   ? 2
				 : len >= 3 ? 1
					    : 0,
		       d;
		if (names[i].figures != 2 && names[i].figures != figures)
			continue;
		if (!(known = jx_name_normalize(names[i].name)))
			break;
		d = jx_levenshtein(norm, known);
		free(known);
		if (d <= allowed && d < best_d) {
			best = names[i].name;
			best_d = d;
		}
	}
	free(norm);
	return best;
}

/* Add "'name'" (or "column N" for an empty name) to the list of ignored columns. */
static void ignore(jx__buf *b, const char *name, size_t col)
{
	if (b->len)
		jx__buf_puts(b, ", ");
	if (*name)
		jx__buf_printf(b, "'%s'", name);
	else
		jx__buf_printf(b, "column %zu (no name)", col + 1);
}

static int required(jx__csv *r)
{
	static const int scores_req[] = {JX__COL_DEPT, JX__COL_YEAR, JX__COL_KIND,   JX__COL_L1,
					 JX__COL_L2,   JX__COL_L3,   JX__COL_WEIGHT, JX__COL_SCORE};
	static const int figures_req[] = {JX__COL_DEPT, JX__COL_YEAR, JX__COL_ITEM, JX__COL_VALUE,
					  JX__COL_UNIT};
	const int *req = !r->figures ? scores_req : figures_req;
	size_t nreq = !r->figures ? sizeof(scores_req) / sizeof(*req)
				  : sizeof(figures_req) / sizeof(*req);
	for (size_t i = 0; i < nreq; i++)
		if (r->col_of[req[i]] < 0)
			return jx__csv_fail(
				r, 0, _("missing column '%s' in the header (expected %s)"),
				jx__csv_role_name(req[i]),
				!r->figures ? JX_CSV_SCORES_HEADER : JX_CSV_FIGURES_HEADER);
	return 0;
}

int jx__csv_header(jx__csv *r)
{
	jx__buf ignored;
	int rc = 0;
	jx__buf_init(&ignored);
	for (size_t i = 0; i < JX__COL_COUNT; i++)
		r->col_of[i] = -1;
	for (size_t i = 0; i < r->rows.nfields && rc == 0; i++) {
		char *name = jx_trim((char *)r->rows.fields[i]);
		int role = role_of(name, r->figures);
		const char *near;
		if (role >= 0 && r->col_of[role] >= 0)
			rc = jx__csv_fail(r, (int)i + 1, _("column '%s' appears twice"), name);
		else if (role >= 0)
			r->col_of[role] = (int)i;
		else if ((near = near_miss(name, r->figures)) != NULL)
			rc = jx__csv_fail(r, (int)i + 1,
					  _("unknown column '%s': did you mean '%s'?"), name, near);
		else if (r->figures)
			rc = jx__csv_fail(r, (int)i + 1, _("unknown column '%s' (expected %s)"),
					  name, JX_CSV_FIGURES_HEADER);
		else
			ignore(&ignored, name, i);
	}
	if (rc == 0 && (rc = required(r)) == 0 && ignored.len) {
		free(r->header_note);
		r->header_note = jx__sprintf("columns not known to jixiao were ignored: %s",
					     ignored.data);
		if (!r->header_note)
			rc = r->rc = jx__oom();
	}
	jx__buf_free(&ignored);
	r->ncols = r->rows.nfields;
	r->header_done = rc == 0;
	r->header_line = r->rows.row_line;
	return rc;
}

/* ---- coded values ---- */

static const struct {
	int role;
	const char *text;
	int code;
} codes[] = {
	{JX__COL_KIND, "self", JX_KIND_SELF},
	{JX__COL_KIND, "自评", JX_KIND_SELF},
	{JX__COL_KIND, "review", JX_KIND_REVIEW},
	{JX__COL_KIND, "复核", JX_KIND_REVIEW},
	{JX__COL_KIND, "财政复核", JX_KIND_REVIEW},
	{JX__COL_KIND, "财政评价", JX_KIND_REVIEW},
	{JX__COL_KIND, "self-evaluation", JX_KIND_SELF},         /* an English workbook's labels */
	{JX__COL_KIND, "finance-bureau review", JX_KIND_REVIEW}, /* (export --lang en) */
	{JX__COL_ORIGIN, "stated", JX_ORIGIN_STATED},
	{JX__COL_ORIGIN, "原文", JX_ORIGIN_STATED},
	{JX__COL_ORIGIN, "inferred", JX_ORIGIN_INFERRED},
	{JX__COL_ORIGIN, "推算", JX_ORIGIN_INFERRED},
	{JX__COL_ORIGIN, "missing", JX_ORIGIN_MISSING},
	{JX__COL_ORIGIN, "缺失", JX_ORIGIN_MISSING},
	{JX__COL_PROV, "real", JX_PROV_REAL},
	{JX__COL_PROV, "真实", JX_PROV_REAL},
	{JX__COL_PROV, "synthetic", JX_PROV_SYNTHETIC},
	{JX__COL_PROV, "合成", JX_PROV_SYNTHETIC},
};

int jx__csv_code(int role, const char *s)
{
	for (size_t i = 0; s && i < sizeof(codes) / sizeof(*codes); i++)
		if (codes[i].role == role && !strcmp(s, codes[i].text))
			return codes[i].code;
	return -1;
}

/* ---- recognising a header line (format detection) ---- */

/* The field of a CSV line starting at *at (quotes removed, trimmed) into buf; *at moves
 * past its comma. 0 when the line has no more fields. */
static int next_field(size_t *at, const char *line, size_t n, char *buf, size_t size)
{
	size_t i = *at, k = 0;
	int quoted = 0;
	if (i > n)
		return 0;
	for (; i < n && (quoted || line[i] != ','); i++) {
		char c = line[i];
		if (c == '"' && quoted && i + 1 < n && line[i + 1] == '"')
			i++;
		else if (c == '"') {
			quoted = !quoted;
			continue;
		}
		if (k + 1 < size)
			buf[k++] = c;
	}
	*at = i + 1;
	buf[k] = '\0';
	jx_trim(buf);
	return 1;
}

jx_input_format jx__csv_detect(const char *line, size_t n)
{
	char field[64];
	int seen[JX__COL_COUNT] = {0};
	size_t at = 0, nfields = 0;
	while (next_field(&at, line, n, field, sizeof(field))) {
		int role = role_of(field, 0);
		if (role < 0)
			role = role_of(field, 1);
		if (role >= 0)
			seen[role] = 1;
		nfields++;
	}
	/* department and year, and more columns (whatever they are: the reader says
	 * what is wrong with them) */
	if (!seen[JX__COL_DEPT] || !seen[JX__COL_YEAR] || nfields < 3)
		return JX_INPUT_REPORT;
	return seen[JX__COL_ITEM] ? JX_INPUT_CSV_FIGURES : JX_INPUT_CSV_SCORES;
}
