/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sec_provenance.c -- appendix 8: which evaluations, real or synthetic, and their warnings. */
#include "report/internal.h"

#define WARNINGS_MAX 40 /* import warnings listed; the rest are counted */

static void evals_table(rd_doc *d, const jx_report *r)
{
	static const char *const heads[] = {
		N_("Year"),    N_("Kind"),     N_("Source file"), N_("Provenance"),  N_("Rows"),
		N_("Missing"), N_("Inferred"), N_("Warnings"),    N_("Total score"), N_("Grade")};
	rd_table *t = rd_table_heads(d, "t-evals", _("Evaluations used"), heads, 10,
				     0x1f0 /* 4-8 */);
	for (size_t i = 0; i < r->nevals; i++) {
		const jx_eval_summary *e = &r->evals[i];
		rd_row *row = rd_row_add(d, t, NULL, 0);
		rd_cell_set(row, 0, rd_printf(d, "%d", e->year), NULL, 0);
		rd_cell_set(row, 1, jx_kind_label(e->kind), NULL, 0);
		rd_cell_set(row, 2, e->source_name ? e->source_name : "", NULL, RD_MUTED);
		rd_cell_set(row, 3, jx_provenance_label(e->provenance), NULL,
			    e->provenance == JX_PROV_SYNTHETIC ? RD_BAD : RD_GOOD);
		rd_cell_set(row, 4, rd_printf(d, "%zu", e->nrows), NULL, 0);
		rd_cell_set(row, 5, rd_printf(d, "%zu", e->nmissing), NULL,
			    e->nmissing ? RD_BAD : 0);
		rd_cell_set(row, 6, rd_printf(d, "%zu", e->ninferred), NULL, 0);
		rd_cell_set(row, 7, rd_printf(d, "%zu", e->nwarnings), NULL, 0);
		rd_cell_set(row, 8, rd_pts(d, e->total_score), NULL, 0);
		rd_cell_set(row, 9, e->grade ? jx_grade_label(e->grade) : "", NULL, 0);
	}
}

static void warnings_list(rd_doc *d, const jx_report *r)
{
	rd_block *list;
	size_t n = r->nwarnings < WARNINGS_MAX ? r->nwarnings : WARNINGS_MAX;
	rd_heading(d, 3, "warnings", _("Import warnings"));
	if (!r->nwarnings) {
		rd_para_text(d, NULL, _("The evaluations used have no import warnings."));
		return;
	}
	list = rd_list(d, 0);
	for (size_t i = 0; i < n; i++) {
		const jx_report_warning *w = &r->warnings[i];
		rd_inline *in = rd_item(d, list, NULL);
		/* a warning of a document carries its place ("表 2 第 14 行 …") in its text */
		rd_span_add(d, in,
			    w->line > 0
				    ? rd_printf(d, _("%d %s, line %d: "), w->year,
						jx_kind_label(w->kind), w->line)
				    : rd_printf(d, _("%d %s: "), w->year, jx_kind_label(w->kind)),
			    NULL, RD_MUTED);
		rd_span_add(d, in, w->message, NULL, 0);
	}
	if (r->nwarnings > n)
		rd_para_text(d, NULL,
			     rd_printf(d,
				       ngettext("%zu more warning not listed (see jixiao show).",
						"%zu more warnings not listed (see jixiao show).",
						r->nwarnings - n),
				       r->nwarnings - n));
}

/* The ranking's peer group: departments of the same provenance as this one. */
static void peers_para(rd_doc *d, const jx_report *r)
{
	size_t n = 0;
	jx_provenance p = r->rank_row ? r->rank_row->provenance : JX_PROV_REAL;
	for (size_t i = 0; r->rank_row && i < r->rank->nrows; i++)
		n += r->rank->rows[i].provenance == p;
	rd_para_text(
		d, NULL,
		n > 1 ? rd_printf(d,
				  ngettext("The %d ranking compares %s departments only: %zu "
					   "department, %zu of them with synthetic evaluations; "
					   "real and synthetic departments are never ranked "
					   "together.",
					   "The %d ranking compares %s departments only: %zu "
					   "departments, %zu of them with synthetic evaluations; "
					   "real and synthetic departments are never ranked "
					   "together.",
					   n),
				  r->year_latest, jx_provenance_label(p), n, r->rank_synthetic)
		      : rd_printf(d,
				  _("In %d no other %s department was evaluated: this "
				    "department is not ranked; real and synthetic departments "
				    "are never ranked together."),
				  r->year_latest, jx_provenance_label(p)));
}

void rp_sec_provenance(rd_doc *d, const jx_report *r)
{
	const jx_series *s = r->series;
	rd_heading(d, 2, "provenance", _("Appendix 8. Data provenance"));
	rd_para_text(d, NULL,
		     rd_printf(d,
			       _("This report analyses %s: %s, %s. The evaluations used are listed "
				 "below."),
			       r->department, jx_kind_label(r->kind),
			       rp_years(d, s->years[0].year, s->years[s->nyears - 1].year)));
	evals_table(d, r);
	if (r->funds)
		rd_para_text(d, NULL,
			     rd_printf(d,
				       ngettext("Figures: %zu year, %zu of them synthetic.",
						"Figures: %zu years, %zu of them synthetic.",
						r->funds->nyears),
				       r->funds->nyears, r->figures_synthetic));
	peers_para(d, r);
	warnings_list(d, r);
	rd_para_text(d, NULL,
		     _("Methods are in docs/methods.md, the suggestion rules in docs/report.md. "
		       "The numbers come from the same computations as the jixiao trend, forecast, "
		       "compare, deductions, weak, figures and rank commands."));
}
