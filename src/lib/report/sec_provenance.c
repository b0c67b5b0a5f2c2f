/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_provenance.c -- section 9: which evaluations, real or synthetic, and their warnings. */
#include "report/internal.h"

#define WARNINGS_MAX 40 /* import warnings listed; the rest are counted */

static void evals_table(rd_doc *d, const jx_report *r)
{
	static const rp_text heads[] = {T_COL_YEAR,       T_COL_KIND,    T_COL_SOURCE,   T_COL_PROV,
					T_COL_ROWS,       T_COL_MISSING, T_COL_INFERRED, T_COL_WARN,
					T_COL_TOTALSCORE, T_COL_GRADE};
	rd_table *t = rd_table_heads(d, "t-evals", RP_TR(d, T_TBL_EVALS), heads, 10,
				     0x1f0 /* 4-8 */);
	for (size_t i = 0; i < r->nevals; i++) {
		const jx_eval_summary *e = &r->evals[i];
		rd_row *row = rd_row_add(d, t, NULL, 0);
		rd_cell_set(row, 0, rd_printf(d, "%d", e->year), NULL, 0);
		rd_cell_set(row, 1, rp_kind(d->lang, e->kind), NULL, 0);
		rd_cell_set(row, 2, e->source_name ? e->source_name : "", NULL, RD_MUTED);
		rd_cell_set(row, 3, rp_provenance(d->lang, e->provenance), NULL,
			    e->provenance == JX_PROV_SYNTHETIC ? RD_BAD : RD_GOOD);
		rd_cell_set(row, 4, rd_printf(d, "%zu", e->nrows), NULL, 0);
		rd_cell_set(row, 5, rd_printf(d, "%zu", e->nmissing), NULL,
			    e->nmissing ? RD_BAD : 0);
		rd_cell_set(row, 6, rd_printf(d, "%zu", e->ninferred), NULL, 0);
		rd_cell_set(row, 7, rd_printf(d, "%zu", e->nwarnings), NULL, 0);
		rd_cell_set(row, 8, rd_pts(d, e->total_score), NULL, 0);
		rd_cell_set(row, 9, e->grade ? e->grade : "", NULL, 0);
	}
}

static void warnings_list(rd_doc *d, const jx_report *r)
{
	rd_block *list;
	size_t n = r->nwarnings < WARNINGS_MAX ? r->nwarnings : WARNINGS_MAX;
	rd_heading(d, 3, "warnings", RP_TR(d, T_SUB_WARNINGS));
	if (!r->nwarnings) {
		rd_para_text(d, NULL, RP_TR(d, T_WARN_NONE));
		return;
	}
	list = rd_list(d, 0);
	for (size_t i = 0; i < n; i++) {
		const jx_report_warning *w = &r->warnings[i];
		rd_inline *in = rd_item(d, list, NULL);
		/* a warning of a document carries its place ("表 2 第 14 行 …") in its text */
		rd_span_add(d, in,
			    w->line > 0 ? rd_printf(d, RP_TR(d, T_WARN_ITEM), w->year,
						    rp_kind(d->lang, w->kind), w->line)
					: rd_printf(d, RP_TR(d, T_WARN_ITEM_PLACE), w->year,
						    rp_kind(d->lang, w->kind)),
			    NULL, RD_MUTED);
		rd_span_add(d, in, w->message, NULL, 0);
	}
	if (r->nwarnings > n)
		rd_para_text(d, NULL, rd_printf(d, RP_TR(d, T_WARN_MORE), r->nwarnings - n));
}

/* The ranking's peer group: departments of the same provenance as this one. */
static void peers_para(rd_doc *d, const jx_report *r)
{
	size_t n = 0;
	jx_provenance p = r->rank_row ? r->rank_row->provenance : JX_PROV_REAL;
	for (size_t i = 0; r->rank_row && i < r->rank->nrows; i++)
		n += r->rank->rows[i].provenance == p;
	rd_para_text(d, NULL,
		     n > 1 ? rd_printf(d, RP_TR(d, T_PROV_PEERS), r->year_latest,
				       rp_provenance(d->lang, p), n, r->rank_synthetic)
			   : rd_printf(d, RP_TR(d, T_PROV_NO_PEERS), r->year_latest,
				       rp_provenance(d->lang, p)));
}

void rp_sec_provenance(rd_doc *d, const jx_report *r)
{
	const jx_series *s = r->series;
	rd_heading(d, 2, "provenance", RP_TR(d, T_SEC_PROVENANCE));
	rd_para_text(d, NULL,
		     rd_printf(d, RP_TR(d, T_PROV_INTRO), r->department, rp_kind(d->lang, r->kind),
			       rp_years(d, s->years[0].year, s->years[s->nyears - 1].year)));
	evals_table(d, r);
	if (r->funds)
		rd_para_text(d, NULL,
			     rd_printf(d, RP_TR(d, T_PROV_FIGURES), r->funds->nyears,
				       r->figures_synthetic));
	peers_para(d, r);
	warnings_list(d, r);
	rd_para_text(d, NULL, RP_TR(d, T_PROV_METHODS));
}
