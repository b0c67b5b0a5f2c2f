/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_appendix.c -- the statistics appendix's opening: what it holds and why it is apart.
 *
 * The body (sections 1-6) says in plain words what the numbers mean and
 * links here; the trend tests, q-values, forecasts with their intervals,
 * deduction patterns and the review follow as appendices 1-8. */
#include "report/internal.h"

void rp_sec_appendix(rd_doc *d)
{
	rd_heading(d, 2, "appendix", _("Appendix: the statistics"));
	rd_para_text(d, NULL,
		     _("The analyses behind the findings above, with their tests, q-values, "
		       "intervals and the data's provenance; the sections above link to the "
		       "table or chart that holds their evidence."));
}
