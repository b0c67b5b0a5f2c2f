/* SPDX-License-Identifier: GPL-3.0-or-later */
/* site/internal.h -- what the site's files share; not API. */
#ifndef JX_SITE_INTERNAL_H
#define JX_SITE_INTERNAL_H

#include <stdio.h>
#include "jixiao/plot.h"
#include "jixiao/report.h"
#include "overview/internal.h"
#include "jixiao/output.h"
#include "jixiao/site.h"

/** The site being written. */
typedef struct {
	const jx_site_request *req;
	jx_overview *ov;
	const char *tmp;    /* the outset's temporary directory */
	size_t *dept_weak;  /* (department, indicator) pairs: indicator indices by department */
	size_t *dept_first; /* per department: its first pair; dept_first[n] = the end */
	jx_provenance *dept_prov; /* per department: synthetic when any of its years is */
	jx_site_stats stats;
} jx__site;

/** Text escaped for HTML (& < > " ') onto b. */
void jx__site_esc(jx__buf *b, const char *s);
/** The page head (title escaped, the site's CSS) and the synthetic banner when ov is. */
void jx__site_head(jx__buf *b, const char *title, const jx_overview *ov);
/** "</body></html>". */
void jx__site_tail(jx__buf *b);
/** The CSS class of a grade: "g0" (best band) .. "g3", "gu" unknown. */
const char *jx__site_grade_class(const jx_overview *ov, const char *grade);
/** Write b (consumed) to tmp/name; JX_ENOMEM or JX_EIO. */
int jx__site_save(jx__site *s, const char *name, jx__buf *b);

/** A page written while it is built: what b holds goes to the file whenever it
 *  is large, so a page as long as the 8,000 departments' index never sits in
 *  memory whole (docs/performance.md). */
typedef struct {
	jx__buf b;
	FILE *f;
	const char *name; /* borrowed, for messages */
	int rc;           /* the first failure to write */
} jx__site_page;
/** Open tmp/name; b starts empty. JX_ENOMEM or JX_EIO. */
int jx__site_page_open(jx__site_page *p, const jx__site *s, const char *name);
/** Write b out and empty it once it holds 64 KiB (a failure is kept for close). */
void jx__site_page_spill(jx__site_page *p);
/** The rest written (unless rc, a failure while building, which is returned), the file
 *  closed and counted; b freed. JX_ENOMEM or JX_EIO. */
int jx__site_page_close(jx__site_page *p, jx__site *s, int rc);

/** The department's small chart (totals per year by grade, ranks), inline SVG (chart.c). */
void jx__site_chart(jx__buf *b, const jx__site *s, size_t d);

int jx__site_index(jx__site *s);
int jx__site_department(jx__site *s, jx_store *st, size_t d);
int jx__site_indicator(jx__site *s, size_t i);

#endif
