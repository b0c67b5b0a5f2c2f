/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_review.c -- appendix 7: the self-evaluation against the finance bureau's review.
 *
 * Rows of jx_compare_self_review (as `jixiao compare --self-vs-review`):
 * the totals per year, then the indicators the review scored lower. */
#include "report/internal.h"

static void totals_table(rd_doc *d, const jx_selfreview_result *sr)
{
	static const char *const heads[] = {N_("Year"), N_("Self"), N_("Review"),
					    N_("Difference (self − review)")};
	rd_table *t = rd_table_heads(d, "t-review-total", _("Total: self-evaluation and review"),
				     heads, 4, 0xe /* 1-3 */);
	for (size_t i = 0; i < sr->nrows; i++) {
		const jx_selfreview_row *s = &sr->rows[i];
		rd_row *row;
		if (s->unit->level != JX_LEVEL_TOTAL)
			continue;
		row = rd_row_add(d, t, rp_anchor(d, "sr", i), 0);
		rd_cell_set(row, 0, rd_printf(d, "%d", s->year), NULL, 0);
		rd_cell_set(row, 1, rd_pts(d, s->self->score), NULL, 0);
		rd_cell_set(row, 2, rd_pts(d, s->review->score), NULL, 0);
		rd_cell_set(row, 3, rd_dpts(d, s->diff_points), NULL,
			    s->diff_points > 0 ? RD_BAD : 0);
	}
}

static void indicators_table(rd_doc *d, const jx_selfreview_result *sr)
{
	static const char *const heads[] = {N_("Year"),
					    N_("Category / group"),
					    N_("Indicator"),
					    N_("Weight"),
					    N_("Self"),
					    N_("Review"),
					    N_("Difference (self − review)")};
	size_t n = 0;
	rd_table *t;
	for (size_t i = 0; i < sr->nrows; i++)
		n += sr->rows[i].unit->level == JX_LEVEL_3 && sr->rows[i].diff_points > 0;
	if (!n) {
		rd_note(d, _("The review scored no indicator below the self-evaluation."));
		return;
	}
	t = rd_table_heads(d, "t-review",
			   rd_printf(d, _("Indicators the review scored lower (%zu)"), n), heads, 7,
			   0x78 /* 3-6 */);
	for (size_t i = 0; i < sr->nrows; i++) {
		const jx_selfreview_row *s = &sr->rows[i];
		rd_row *row;
		if (s->unit->level != JX_LEVEL_3 || !(s->diff_points > 0))
			continue;
		row = rd_row_add(d, t, rp_anchor(d, "sr", i), 0);
		rd_cell_set(row, 0, rd_printf(d, "%d", s->year), NULL, 0);
		rd_cell_set(row, 1, rp_unit_path(d, s->unit), NULL, RD_MUTED);
		rd_cell_set(row, 2, rp_unit_name(d, s->unit), NULL, 0);
		rd_cell_set(row, 3, rd_pts(d, s->self->weight), NULL, 0);
		rd_cell_set(row, 4, rd_pts(d, s->self->score), NULL, 0);
		rd_cell_set(row, 5, rd_pts(d, s->review->score), NULL, 0);
		rd_cell_set(row, 6, rd_dpts(d, s->diff_points), NULL, RD_BAD);
	}
}

/* The sign test of over-scoring behind section 2's plain finding (docs/methods.md). */
static void gap_para(rd_doc *d, const jx_report *r)
{
	const jx_gap_result *g = r->gap;
	if (!g || !g->n)
		return;
	rd_para_text(
		d, "gap",
		g->verdict == JX_GAP_TOO_FEW
			? rd_printf(d,
				    _("Over-scoring, %s: self-evaluation rate minus review rate "
				      "averaged %s pp over %zu years with a review (higher in %zu, "
				      "lower in %zu); a one-sided sign test needs 5 such years at "
				      "least."),
				    rp_years(d, g->year_first, g->year_last),
				    rd_pp(d, g->mean_gap_rate), g->n, g->nhigher, g->nlower)
			: rd_printf(d,
				    _("Over-scoring, %s: self-evaluation rate minus review rate "
				      "averaged %s pp over %zu years with a review (higher in %zu, "
				      "lower in %zu); one-sided sign test p = %s: %s."),
				    rp_years(d, g->year_first, g->year_last),
				    rd_pp(d, g->mean_gap_rate), g->n, g->nhigher, g->nlower,
				    rd_p(d, g->p_value),
				    g->verdict == JX_GAP_OVER ? _("systematic over-scoring")
							      : _("over-scoring not shown")));
}

void rp_sec_review(rd_doc *d, const jx_report *r)
{
	rd_heading(d, 2, "review", _("Appendix 7. Self-evaluation and review"));
	gap_para(d, r);
	if (r->kind == JX_KIND_REVIEW) {
		rd_note(d,
			_("This report analyses the finance bureau's reviews; the comparison with "
			  "the self-evaluation is in the self-evaluation report (--kind self)."));
		return;
	}
	if (!r->selfreview || !r->selfreview->nrows) {
		rd_note(d, _("No finance-bureau review in the range: nothing to compare."));
		return;
	}
	rd_para_text(d, NULL,
		     _("Self-scores tend to run high. The tables compare the self-evaluation with "
		       "the finance bureau's review by year and list the indicators the review "
		       "scored lower."));
	totals_table(d, r->selfreview);
	indicators_table(d, r->selfreview);
}
