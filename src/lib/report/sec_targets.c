/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_targets.c -- section 3 (绩效目标完成情况): the latest year's indicators, target
 * against result.
 *
 * One row per indicator of the department's latest evaluation as stored:
 * its target and actual value where the table gave them, full marks,
 * score, rate, points lost and the department's own reason for them; a
 * note when the report gives no reason for any of them. */
#include <math.h>
#include "report/internal.h"

static int has_targets(const jx_evaluation *ev)
{
	for (size_t i = 0; i < ev->nrows; i++)
		if ((ev->rows[i].target && *ev->rows[i].target) ||
		    (ev->rows[i].actual && *ev->rows[i].actual))
			return 1;
	return 0;
}

static int has_reasons(const jx_evaluation *ev)
{
	for (size_t i = 0; i < ev->nrows; i++)
		if (ev->rows[i].reason && *ev->rows[i].reason)
			return 1;
	return 0;
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : RD_DASH;
}

static void target_row(rd_doc *d, rd_table *t, const jx_indicator *ind, size_t i, int targets)
{
	double lost = isnan(ind->score) ? NAN : ind->weight - ind->score;
	rd_row *row = rd_row_add(d, t, rp_anchor(d, "target", i), 0);
	size_t c = 0;
	rd_cell_set(row, c++, ind->level1 ? ind->level1 : "", NULL, RD_MUTED);
	rd_cell_set(row, c++, ind->level3 ? ind->level3 : "", NULL, 0);
	if (targets)
		rd_cell_set(row, c++,
			    rd_printf(d, "%s → %s", or_dash(ind->target), or_dash(ind->actual)),
			    NULL, 0);
	rd_cell_set(row, c++, rd_pts(d, ind->weight), NULL, 0);
	rd_cell_set(row, c++, isnan(ind->score) ? RD_DASH : rd_pts(d, ind->score), NULL, 0);
	rd_cell_set(row, c++,
		    ind->weight > 0 && !isnan(ind->score) ? rd_pct(d, ind->score / ind->weight)
							  : RD_DASH,
		    NULL, 0);
	rd_cell_set(row, c++, isnan(lost) ? RD_DASH : rd_pts(d, lost), NULL,
		    lost > 1e-9 ? RD_BAD : 0);
	rd_cell_set(row, c, or_dash(ind->reason), NULL, ind->reason && *ind->reason ? 0 : RD_MUTED);
}

static void targets_summary(rd_doc *d, const jx_evaluation *ev)
{
	double weight = 0, lost = 0;
	size_t nlost = 0, nmissing = 0;
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *ind = &ev->rows[i];
		weight += ind->weight;
		if (isnan(ind->score)) {
			nmissing++;
			continue;
		}
		if (ind->weight - ind->score > 1e-9) {
			nlost++;
			lost += ind->weight - ind->score;
		}
	}
	rd_para_text(d, NULL,
		     rd_printf(d,
			       ngettext("In %d: %zu indicator, %s points in all; %zu lost points "
					"(%s in all), %zu has no score.",
					"In %d: %zu indicators, %s points in all; %zu lost points "
					"(%s in all), %zu have no score.",
					ev->nrows),
			       ev->year, ev->nrows, rd_pts(d, weight), nlost, rd_pts(d, lost),
			       nmissing));
}

void rp_sec_targets(rd_doc *d, const jx_report *r)
{
	static const char *const heads_t[] = {
		N_("Category"), N_("Indicator"), N_("Target → actual"), N_("Full marks"),
		N_("Score"),    N_("Rate"),      N_("Points lost"),     N_("Reason given")};
	static const char *const heads[] = {N_("Category"),    N_("Indicator"), N_("Full marks"),
					    N_("Score"),       N_("Rate"),      N_("Points lost"),
					    N_("Reason given")};
	const jx_evaluation *ev = r->latest;
	int targets;
	rd_table *t;
	rd_heading(d, 2, "targets", _("3. Performance targets and results"));
	if (!ev || !ev->nrows) {
		rd_note(d, rd_printf(d, _("The %d evaluation's indicators could not be read."),
				     r->year_latest));
		return;
	}
	targets_summary(d, ev);
	targets = has_targets(ev);
	t = targets ? rd_table_heads(
			      d, "t-targets",
			      rd_printf(d, _("Indicators of %d: targets and results"), ev->year),
			      heads_t, 8, 0x78 /* 3-6 */)
		    : rd_table_heads(
			      d, "t-targets",
			      rd_printf(d, _("Indicators of %d: targets and results"), ev->year),
			      heads, 7, 0x3c /* 2-5 */);
	for (size_t i = 0; i < ev->nrows; i++)
		target_row(d, t, &ev->rows[i], i, targets);
	/* the reasons column is empty when the report's table has none (the seed's and the
	 * synthetic reports' tables: 指标解释 is the scoring rule, not a reason) */
	if (!has_reasons(ev))
		rd_note(d, rd_printf(d,
				     _("The %d report gives no reason per indicator (its table has "
				       "no reason column); what the department says about its "
				       "problems is quoted in section 4."),
				     ev->year));
}
