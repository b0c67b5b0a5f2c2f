/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.h -- writing stored data back out in the canonical formats. */
#ifndef JIXIAO_EXPORT_H
#define JIXIAO_EXPORT_H

#include <stdio.h>
#include "store.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write the scores of every evaluation matching f as canonical CSV
 * (JX_FMT_CSV: "# provenance: X" line when all rows share one provenance,
 * else an extra provenance column; then JX_CSV_SCORES_HEADER and rows ordered
 * by department, year, kind, source order) or as a JSON array (JX_FMT_JSON).
 * A canonical file imported and exported again is byte-identical.
 * flags (CSV only): JX_EXPORT_BOM writes a UTF-8 BOM first and makes text cells
 * formula-safe (for Excel and WPS); JX_EXPORT_HEADERS_ZH names the columns in Chinese,
 * with the names the CSV reader accepts (jx_csv_column_zh; a column without one keeps
 * its English name), so the file imports back the same. Returns 0, JX_EDB or JX_EIO.
 */
JX_API int jx_export_scores(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int flags);

/** The same for figures (department,year,item,value,unit; items in canonical order). */
JX_API int jx_export_figures(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int flags);

/** Flags of jx_export_scores and jx_export_figures (1 is the BOM, as when this was a flag). */
#define JX_EXPORT_BOM 1
#define JX_EXPORT_HEADERS_ZH 2

#ifdef __cplusplus
}
#endif
#endif
