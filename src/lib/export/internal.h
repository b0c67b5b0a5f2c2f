/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export/internal.h -- what the export module's files share (canonical CSV/JSON, the xlsx workbook); not part of the API. */
#ifndef JX_EXPORT_INTERNAL_H
#define JX_EXPORT_INTERNAL_H

#include "text/internal.h"
#include "jixiao/analysis.h"
#include "jixiao/export.h"
#include "jixiao/output.h"
#include "jixiao/ingest.h"
#include "jixiao/store.h"
#include "jixiao/table.h"
#include "jixiao/xlsx.h"

#endif
