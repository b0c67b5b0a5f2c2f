/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jixiao.h -- umbrella header of the jixiao library (绩效).
 *
 * jixiao keeps many years of public-sector performance evaluations in
 * SQLite, analyses them with GSL and draws charts with gnuplot.
 * Include this one header; each module has its own under jixiao/.
 */
#ifndef JIXIAO_H
#define JIXIAO_H

#include "jixiao/common.h"
#include "jixiao/output.h"
#include "jixiao/model.h"
#include "jixiao/text.h"
#include "jixiao/table.h"
#include "jixiao/store.h"
#include "jixiao/doc.h"
#include "jixiao/ingest.h"
#include "jixiao/import.h"
#include "jixiao/export.h"
#include "jixiao/analysis.h"
#include "jixiao/plot.h"
#include "jixiao/report.h"
#include "jixiao/overview.h"
#include "jixiao/site.h"
#include "jixiao/xlsx.h"

#endif
