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
 * bom: write a UTF-8 BOM first (CSV only). Returns 0, JX_EDB or JX_EIO.
 */
JX_API int jx_export_scores(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int bom);

/** The same for figures (department,year,item,value,unit; items in canonical order). */
JX_API int jx_export_figures(jx_store *s, FILE *out, const jx_filter *f, jx_format fmt, int bom);

#ifdef __cplusplus
}
#endif
#endif
