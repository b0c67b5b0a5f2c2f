/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_table.c -- the indicator table at the end of a report, tab- or space-separated.
 *
 * As in the reference report: a title line, the header 一级指标 二级指标
 * 三级指标 指标解释 权重 得分, the level-1 cell "部门决策 (20分)" only on the
 * first row of its category and the level-2 cell only on the first row of
 * its group (merged cells export as empty ones), a blank line where a page
 * broke, and the 合计 row. Trailing empty cells are not written. With
 * spaces, every column is padded to its widest cell (CJK counted as two
 * columns) and columns are separated by at least two spaces, as
 * `pdftotext -layout` does.
 */
#include <string.h>
#include "jixiao.h"
#include "synth.h"

#define NCOLS 6
#define GAP 2

typedef struct {
	const char *cell[NCOLS];
	char level1[96], weight[16], score[16];
} table_row;

static void fill_row(table_row *t, const synth_year *y, size_t i, int drop)
{
	const synth_row *r = &y->rows[i];
	int new_level1 = i == 0 || strcmp(y->rows[i - 1].level1, r->level1) != 0;
	int new_level2 = new_level1 || strcmp(y->rows[i - 1].level2, r->level2) != 0;
	char w[16];

	jx_number_format(w, sizeof w, r->level1_weight);
	snprintf(t->level1, sizeof t->level1, "%s (%s分)", r->level1, w);
	jx_number_format(t->weight, sizeof t->weight, r->weight);
	jx_number_format(t->score, sizeof t->score, y->self_half[i] / 2.0);
	t->cell[0] = new_level1 ? t->level1 : "";
	t->cell[1] = new_level2 ? r->level2 : "";
	t->cell[2] = r->level3;
	t->cell[3] = r->explanation;
	t->cell[4] = t->weight;
	t->cell[5] = drop ? "" : t->score;
}

size_t synth_dropped_row(const synth_report_spec *spec, const synth_year *y)
{
	if (!spec->drop_score)
		return (size_t)-1;
	for (size_t i = 0; i < y->nrows; i++)
		if (y->rows[i].mgmt)
			return i;
	return (size_t)-1;
}

static int last_cell(const table_row *t)
{
	int last = NCOLS - 1;

	while (last > 0 && t->cell[last][0] == '\0')
		last--;
	return last;
}

static void put_row(FILE *f, const table_row *t, synth_layout layout, const size_t *width)
{
	int last = last_cell(t);

	for (int c = 0; c <= last; c++) {
		fputs(t->cell[c], f);
		if (c == last)
			break;
		if (layout == SYNTH_LAYOUT_TABS) {
			fputc('\t', f);
			continue;
		}
		for (size_t pad = jx_display_width(t->cell[c]); pad < width[c] + GAP; pad++)
			fputc(' ', f);
	}
	fputc('\n', f);
}

void synth_write_table(FILE *f, const synth_report_spec *spec, const synth_dept *d,
		       const synth_year *y)
{
	table_row rows[SYNTH_MAX_ROWS + 2];
	size_t n = 0, width[NCOLS] = {0}, drop = synth_dropped_row(spec, y);
	int named = (size_t)d->number < synth_template_count();
	static const char *const header[NCOLS] = {"一级指标", "二级指标", "三级指标",
						  "指标解释", "权重",     "得分"};

	memcpy(rows[n++].cell, header, sizeof header);
	for (size_t i = 0; i < y->nrows; i++)
		fill_row(&rows[n++], y, i, i == drop);
	jx_number_format(rows[n].weight, sizeof rows[n].weight, 100);
	jx_number_format(rows[n].score, sizeof rows[n].score, synth_total_half(y, 0) / 2.0);
	rows[n].cell[0] = "合计";
	rows[n].cell[1] = rows[n].cell[2] = rows[n].cell[3] = "";
	rows[n].cell[4] = rows[n].weight;
	rows[n].cell[5] = rows[n].score;
	n++;
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < NCOLS; c++) {
			size_t w = jx_display_width(rows[i].cell[c]);
			width[c] = w > width[c] ? w : width[c];
		}
	fprintf(f, "%s部门整体绩效评价指标体系\n\n", named ? d->tpl->short_name : d->name);
	for (size_t i = 0; i < n; i++) {
		if (i == n / 2) /* a page break in the middle of the table */
			fputc('\n', f);
		put_row(f, &rows[i], spec->layout, width);
	}
}
