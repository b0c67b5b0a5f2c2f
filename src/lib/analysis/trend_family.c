/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trend_family.c -- one unit level of every department as one family of tests.
 *
 * `trend --all-departments --level total` asks of each department whether
 * its total is rising or falling: one question per department, so the
 * Benjamini–Hochberg correction runs over the departments together. The
 * departments are read one at a time; each result keeps only its rows'
 * units (jx_trend_result_compact), so memory grows by one small result per
 * department, not by its whole series.
 */
#include <stdlib.h>
#include "analysis/internal.h"

void jx_trend_results_free(jx_trend_result **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		jx_trend_result_free(v[i]);
	free(v);
}

/* One department's compacted result, or *r NULL when it has nothing in range. */
static int one(jx_trend_result **r, jx_store *st, const char *dept, const jx_analysis_options *o)
{
	jx_series *s = NULL;
	int rc = jx_store_series(st, &s, dept, o->kind, o->year_from, o->year_to);
	*r = NULL;
	if (rc == JX_ENOTFOUND) {
		jx_error_clear();
		return 0;
	}
	if (rc == 0 && (rc = jx_trend_compute(r, s, o)) == 0 &&
	    (rc = jx_trend_result_compact(*r)) != 0) {
		jx_trend_result_free(*r);
		*r = NULL;
	}
	jx_series_free(s);
	return rc;
}

int jx_trend_departments(jx_trend_result ***out, size_t *n, size_t *nskipped, jx_store *st,
			 const jx_analysis_options *o)
{
	char **names = NULL;
	size_t nnames = 0, cap = 0;
	int rc;
	*out = NULL;
	*n = *nskipped = 0;
	if ((rc = jx_store_departments(st, &names, &nnames)))
		return rc;
	for (size_t i = 0; i < nnames && rc == 0; i++) {
		jx_trend_result *r;
		if ((rc = one(&r, st, names[i], o)) || !r) {
			*nskipped += rc == 0;
			continue;
		}
		if (jx__grow((void **)out, &cap, *n + 1, sizeof(**out))) {
			jx_trend_result_free(r);
			rc = JX_ENOMEM;
			break;
		}
		(*out)[(*n)++] = r;
	}
	jx_strings_free(names, nnames);
	if (rc == 0)
		rc = jx_trend_family(*out, *n);
	if (rc) {
		jx_trend_results_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
