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

#ifdef __cplusplus
}
#endif
#endif
