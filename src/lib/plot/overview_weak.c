/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview_weak.c -- the system-wide weak indicators over the years: for the
 * first indicators of the weak view (the most departments deducted in the
 * latest year), the share of the departments that have the indicator which
 * lost points on it, one line per indicator. */
#include <math.h>
#include <stdlib.h>
#include "plot/internal.h"

int plot__ov_weak(plot__script *ps, const plot__ov *c)
{
	const jx_overview *ov = c->ov;
	size_t n = ov->nindicators < JX_OVERVIEW_CHART_INDICATORS ? ov->nindicators
								  : JX_OVERVIEW_CHART_INDICATORS;
	const char **names = malloc((n + 1) * sizeof(*names));
	if (!names)
		return jx__oom();
	if (n == 0) {
		free(names);
		return jx__error(JX_ENOTFOUND,
				 _("no indicator is deducted in several departments"));
	}
	for (size_t i = 0; i < n; i++)
		names[i] = ov->indicators[i].name;
	plot__ov_titles(ps, c, _("Indicators deducted in many departments"), 0, NULL);
	plot__emit_string_array(&ps->vars, "indicator", names, n);
	plot__emit_int(&ps->vars, "year_min", ov->years[0]);
	plot__emit_int(&ps->vars, "year_max", ov->years[ov->nyears - 1]);
	plot__emit_string(&ps->vars, "ylabel_text",
			  _("departments deducted, percent of those with the indicator"));
	/* one data set per indicator (index i - 1), years where it is present */
	plot__block_begin(&ps->vars, "shares");
	for (size_t i = 0; i < n; i++) {
		const jx_overview_indicator *ind = &ov->indicators[i];
		if (i)
			jx__buf_puts(&ps->vars, "\n\n");
		for (size_t y = 0; y < ov->nyears; y++) {
			if (!ind->present[y])
				continue;
			jx__buf_printf(&ps->vars, "%d ", ov->years[y]);
			plot__put_number(&ps->vars, 100.0 * (double)ind->deducted[y] /
							    (double)ind->present[y]);
			jx__buf_printf(&ps->vars, " %zu %zu\n", ind->deducted[y], ind->present[y]);
		}
	}
	plot__block_end(&ps->vars);
	if (ov->nindicators > n) {
		char *note = jx__sprintf(_("the first %zu of %zu indicators (see overview --view "
					   "weak)"),
					 n, ov->nindicators);
		if (!note)
			ps->vars.failed = 1;
		plot__emit_note(ps, note);
		free(note);
	}
	ps->width = 1100;
	free(names);
	return 0;
}
