/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx_overview.c -- the finance bureau's overview as a workbook, one sheet per view.
 *
 * The matrix is written wide, as a bureau analyst reads it in Excel (one row
 * per department, one column per year), its cells filled with the grade's
 * colour -- the colours of the site's heat table and of `overview --plot`.
 * The other views are the tables `overview --format csv` prints, column for
 * column under their Chinese headings, so the workbook and the CSV carry the
 * same values; only provenance becomes 数据性质 (真实 / 合成). Rows go through
 * the workbook's sheet writer (xlsx_sheet.c): strings stay strings (a name
 * starting with '=' is never a formula), the header row is frozen and an
 * autofilter covers the rows. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "export/internal.h"
#include "table/internal.h"

/* At most this many years in the wide matrix (the sheet writer's 32 columns). */
#define MATRIX_YEARS 30

static const struct {
	const char *sheet;
	jx_overview_view view;
} view_sheets[] = {
	{"薄弱指标", JX_OV_WEAK}, {"自评与复核", JX_OV_GAP},    {"变动", JX_OV_MOVERS},
	{"预警", JX_OV_WARNINGS}, {"分布", JX_OV_DISTRIBUTION},
};

/* The fills of the grades 优 良 中 差 (the first four bands) and of an unknown total. */
static const lxw_color_t grade_rgb[5] = {0xC8E6C9, 0xFFF3C4, 0xFFD8A8, 0xF8B4B4, 0xEEEEEE};

static const char *nature(const char *provenance)
{
	return !strcmp(provenance, "synthetic") ? "合成"
	       : !strcmp(provenance, "real")    ? "真实"
						: provenance;
}

static void grade_formats(lxw_format **fill, xbook *x)
{
	for (int g = 0; g < 5; g++) {
		fill[g] = workbook_add_format(x->wb);
		format_set_bg_color(fill[g], grade_rgb[g]);
		format_set_pattern(fill[g], LXW_PATTERN_SOLID);
		format_set_num_format(fill[g], "0.0");
		format_set_align(fill[g], LXW_ALIGN_VERTICAL_TOP);
	}
}

/* The fill of a cell's grade: its band among the first four, else unknown's. */
static lxw_format *cell_fill(lxw_format **fill, const jx_overview *ov, const char *grade)
{
	for (size_t i = 0; *grade && i < ov->nbands && i < 4; i++)
		if (!strcmp(ov->bands[i].grade, grade))
			return fill[i];
	return fill[4];
}

static void matrix_row(xbook *x, xsheet *s, const jx_overview *ov, size_t d, size_t y0,
		       lxw_format **fill)
{
	const char *prov = "real";
	jx__xsheet_row(x, s);
	jx__xsheet_text(x, s, 0, ov->departments[d]);
	for (size_t i = 0; i < ov->ncells; i++) {
		const jx_overview_cell *c = &ov->cells[i];
		size_t y = 0;
		if (c->dept != d)
			continue;
		prov = c->provenance == JX_PROV_SYNTHETIC ? "synthetic" : prov;
		while (y < ov->nyears && ov->years[y] != c->year)
			y++;
		if (y < y0 || y == ov->nyears || !s->ws || x->err != LXW_NO_ERROR)
			continue;
		if (isnan(c->rate) || !(c->total_weight > 0))
			jx__xbook_check(x, s,
					worksheet_write_blank(s->ws, s->row,
							      (lxw_col_t)(y - y0 + 1), fill[4]));
		else
			jx__xbook_check(
				x, s,
				worksheet_write_number(s->ws, s->row, (lxw_col_t)(y - y0 + 1),
						       100.0 * c->total_score / c->total_weight,
						       cell_fill(fill, ov, c->grade)));
	}
	jx__xsheet_text(x, s, ov->nyears - y0 + 1, nature(prov));
	jx__xsheet_next(s);
}

/* 矩阵: departments in order, the last MATRIX_YEARS years, the header and first column frozen. */
static void matrix_sheet(xbook *x, const jx_overview *ov, const size_t *order, lxw_format **fill)
{
	size_t ny = ov->nyears > MATRIX_YEARS ? MATRIX_YEARS : ov->nyears, y0 = ov->nyears - ny;
	char heads[MATRIX_YEARS][12];
	xcol cols[MATRIX_YEARS + 2];
	lxw_worksheet *ws;
	xsheet s;
	cols[0] = (xcol){"department", "部门", X_TEXT};
	for (size_t k = 0; k < ny; k++) {
		snprintf(heads[k], sizeof(heads[k]), "%d", ov->years[y0 + k]);
		cols[k + 1] = (xcol){heads[k], heads[k], X_PP};
	}
	cols[ny + 1] = (xcol){"provenance", "数据性质", X_TEXT};
	jx__xsheet_start(x, &s, "矩阵", cols, ny + 2);
	for (size_t k = 0; k < ny; k++)
		jx__xsheet_widen(&s, k + 1, 8);
	for (size_t i = 0; i < ov->ndepartments; i++)
		matrix_row(x, &s, ov, order[i], y0, fill);
	ws = s.ws;
	jx__xsheet_end(x, &s);
	if (ws && x->err == LXW_NO_ERROR)
		worksheet_freeze_panes(ws, 1, 1);
}

/* A view's table as a sheet: its columns and values, provenance as 数据性质. */
static int view_sheet(xbook *x, const jx_overview *ov, jx_overview_view view, const char *name)
{
	jx_table *t = NULL;
	xcol cols[32];
	xsheet s;
	int rc = jx_overview_table(&t, ov, view, JX_OV_SORT_DEPARTMENT, 0);
	size_t n = rc ? 0 : t->ncols < 32 ? t->ncols : 32;
	for (size_t c = 0; c < n; c++) {
		const column *tc = &t->cols[c];
		int prov = !strcmp(tc->name, "provenance");
		cols[c] = (xcol){tc->name,
				 prov           ? "数据性质"
				 : *tc->heading ? _(tc->heading)
						: "",
				 tc->type == JX_COL_TEXT  ? X_TEXT
				 : tc->type == JX_COL_INT ? X_INT
							  : X_NUM};
	}
	if (rc == 0)
		jx__xsheet_start(x, &s, name, cols, n);
	for (size_t r = 0; rc == 0 && r < t->nrows; r++) {
		jx__xsheet_row(x, &s);
		for (size_t c = 0; c < n; c++)
			if (cols[c].kind == X_TEXT)
				jx__xsheet_text(x, &s, c,
						!strcmp(cols[c].name, "provenance")
							? nature(jx_table_cell(t, r, c))
							: jx_table_cell(t, r, c));
			else
				jx__xsheet_number(x, &s, c, jx_table_number(t, r, c), cols[c].kind);
		jx__xsheet_next(&s);
	}
	if (rc == 0)
		jx__xsheet_end(x, &s);
	jx_table_free(t);
	return rc;
}

int jx_xlsx_overview_write(const jx_overview *ov, const char *path, jx_overview_sort sort,
			   jx_lang lang)
{
	jx_lang caller = jx_i18n_lang();
	lxw_format *fill[5];
	jx_output *o = NULL;
	size_t *order = NULL;
	xbook x;
	int rc;
	memset(&x, 0, sizeof(x));
	if ((rc = jx_output_open(&o, path)) != 0)
		return rc;
	if ((rc = jx_overview_order(&order, ov, sort)) != 0)
		goto out;
	if (!(x.wb = jx__xbook_open(jx_output_temp_path(o)))) {
		rc = jx__error(JX_EIO, _("%s: cannot start the workbook"), path);
		goto out;
	}
	jx__xbook_formats(&x);
	grade_formats(fill, &x);
	matrix_sheet(&x, ov, order, fill);
	jx_i18n_set(lang); /* the views' headings in the workbook's language */
	for (size_t i = 0; rc == 0 && i < sizeof(view_sheets) / sizeof(*view_sheets); i++)
		rc = view_sheet(&x, ov, view_sheets[i].view, view_sheets[i].sheet);
	jx_i18n_set(caller); /* messages in the caller's */
	rc = jx__xbook_close(&x, path, rc);
out:
	if (rc == 0)
		rc = jx_output_commit(o);
	else
		jx_output_abort(o);
	free(order);
	free(x.parts);
	return rc;
}
