/* SPDX-License-Identifier: GPL-3.0-or-later */
/* site.h -- the overview as a static site: an index, one page per department, one per
 * system-wide weak indicator, linked both ways.
 *
 * The site needs no server and no network: every page is one self-contained
 * HTML file (CSS inline, charts inline as SVG, a department search box in
 * plain JavaScript on the index); it opens from a shared folder. Results
 * shared by the pages -- the overview and each year's ranks -- are computed
 * once for the whole site. The site is written as a set (jixiao/output.h,
 * jx_outset): built in a temporary directory beside the target and moved
 * into place only when every page was written.
 */
#ifndef JIXIAO_SITE_H
#define JIXIAO_SITE_H

#include <stddef.h>
#include "overview.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What to build; start from jx_site_request_init. */
typedef struct {
	jx_overview_request overview; /**< departments, years, kind, rules */
	jx_lang lang;                 /**< the pages' language (Chinese by default) */
	int charts;                   /**< department pages also with their report's gnuplot
					   charts (0: only the small inline chart every page has,
					   drawn without gnuplot; much faster for thousands) */
	const char *templates_dir;    /**< chart templates (NULL = built-in) */
	const char *gnuplot;          /**< gnuplot program (NULL = on PATH) */
	int timeout;                  /**< seconds per gnuplot run; 0 = JX_PLOT_TIMEOUT */
	const char *generated;        /**< date printed on the pages (NULL = none) */
} jx_site_request;

/** Fill r with the defaults above. */
JX_API void jx_site_request_init(jx_site_request *r);

/** What a site holds. */
typedef struct {
	size_t departments; /**< department pages */
	size_t indicators;  /**< weak-indicator pages */
	size_t files;       /**< files written (index included) */
} jx_site_stats;

/**
 * Build the site into dir (created when missing; files of an earlier site are
 * replaced, others left alone): dir/index.html, dir/dept/dN.html,
 * dir/weak/wN.html. On any error nothing in dir changed. JX_ENOTFOUND when
 * there is no department to show; JX_EINVAL when dir is refused. stats may
 * be NULL.
 */
JX_API int jx_site_write(jx_store *st, const jx_site_request *req, const char *dir,
			 jx_site_stats *stats);

#ifdef __cplusplus
}
#endif
#endif
