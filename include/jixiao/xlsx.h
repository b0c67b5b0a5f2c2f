/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx.h -- the Excel/WPS workbook export (libxlsxwriter).
 *
 * One .xlsx with the sheets budget offices ask for: scores (one row per
 * indicator and year), compare (the latest two evaluated years of each
 * department), weak (the weak indicators with their evidence), figures
 * (budget, final accounts, execution, growth) and about (what was
 * exported, and whether any of it is synthetic). Chinese headers, numbers
 * stored as numbers, a frozen header row, column widths from the content.
 */
#ifndef JIXIAO_XLSX_H
#define JIXIAO_XLSX_H

#include <stddef.h>
#include "overview.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write the workbook for the evaluations matching f (department, years;
 * f->kind -1 = scores of both kinds, the analyses on self-evaluations,
 * else that kind throughout) to path. f may be NULL (everything). The
 * sheets' texts are in lang (labels, headings); messages stay in the
 * current language (jx_i18n_set).
 * JX_ENOTFOUND when nothing matches; JX_EIO when the file cannot be
 * written (libxlsxwriter's message); the file may then be missing.
 */
JX_API int jx_xlsx_export(jx_store *st, const char *path, const jx_filter *f, jx_lang lang);

/** What ends a text cut at Excel's limit of 32,767 characters per cell. */
#define JX_XLSX_CUT_MARK "…[截断]"

/** What jx_xlsx_write wrote. */
typedef struct {
	size_t scores_rows;   /**< data rows of the scores sheets */
	size_t scores_sheets; /**< scores and its continuation sheets (scores_2, ...) */
	size_t cells_cut;     /**< texts cut at 32,767 characters, ending in JX_XLSX_CUT_MARK */
	char first_cut[48];   /**< where the first was cut, "sheet!cell" ("" when none) */
} jx_xlsx_summary;

/**
 * jx_xlsx_export, saying in *out (may be NULL) what was written. A sheet
 * reaching Excel's 1,048,576 rows goes on in continuation sheets (scores_2,
 * scores_3, ... with the header again), named with their rows in the about
 * sheet; a longer text is cut with JX_XLSX_CUT_MARK (the only loss: the
 * caller should warn when out->cells_cut > 0). Any libxlsxwriter error is
 * JX_EIO with its message, and nothing is left at path.
 */
JX_API int jx_xlsx_write(jx_xlsx_summary *out, jx_store *st, const char *path, const jx_filter *f,
			 jx_lang lang);

/**
 * The finance bureau's overview (jixiao/overview.h) as a workbook at path, one
 * sheet per view with a Chinese name: 矩阵 (wide, as people read it: one row
 * per department in sort order, one column per year holding the total in
 * percent of the total weight, filled with its grade's colour -- 优 green, 良
 * yellow, 中 orange, 差 red, unknown grey), 薄弱指标, 自评与复核, 变动, 预警
 * and 分布 (the columns of jx_overview_table under their headings in lang,
 * numbers as numbers; messages stay in the current language). Every sheet ends in a 数据性质 column (真实 / 合成), has
 * its header row frozen (矩阵 also its first column) and an autofilter over its
 * rows. Texts are written as strings, never as formulas. Written atomically
 * (jixiao/output.h: refused onto the open database); on any error nothing is
 * left at path. Headings of the matrix and messages: JX_EIO as jx_xlsx_write.
 */
JX_API int jx_xlsx_overview_write(const jx_overview *ov, const char *path, jx_overview_sort sort,
				  jx_lang lang);

#ifdef __cplusplus
}
#endif
#endif
