/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deductions_table.c -- the four views of a deductions result as tables. */
#include <math.h>
#include <stdlib.h>
#include "analysis/internal.h"

/* "2019, 2021, 2022" — the years a unit was deducted. */
static char *deducted_years(const jx_units *u, const jx_unit *un)
{
	jx__buf b;
	jx__buf_init(&b);
	for (size_t y = 0; y < u->nyears; y++)
		if (jx_unit_year_deducted(&un->years[y]))
			jx__buf_printf(&b, "%s%d", b.len ? ", " : "", u->years[y]);
	return jx__buf_detach(&b);
}

/* A new row for unit un: department, provenance and the unit's names from column c;
 * *years its deducted years (the caller frees). 0 or JX_ENOMEM. */
static int unit_row(jx_table *t, int c, const jx_deductions_result *r, const jx_unit *un,
		    const jx_analysis_options *o, char **years)
{
	*years = NULL;
	if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance, o) ||
	    jx__table_unit(t, c, un) || !(*years = deducted_years(r->units, un)))
		return JX_ENOMEM;
	return 0;
}

static const jx__col pareto_cols[] = {
	JX__UNIT_COLS,
	{"points_lost", N_("lost"), JX_COL_NUMBER, 0},
	{"share", N_("share"), JX_COL_FIXED, 3},
	{"cum_share", N_("cum. share"), JX_COL_FIXED, 3},
	{"years_deducted", N_("years deducted"), JX_COL_INT, 0},
	{"years_present", N_("years present"), JX_COL_INT, 0},
	{"missing_years", N_("missing years"), JX_COL_INT, 0},
	{"deducted_years", N_("deducted in"), JX_COL_TEXT, 0},
};

static int pareto_table(jx_table *t, int c, const jx_deductions_result *r,
			const jx_analysis_options *o)
{
	for (size_t i = 0; i < r->npareto; i++) {
		const jx_pareto_row *row = &r->pareto[i];
		char *years;
		int bad;
		if (unit_row(t, c, r, row->unit, o, &years))
			return JX_ENOMEM;
		bad = jx__set_number(t, c + 4, row->points) | jx__set_number(t, c + 5, row->share) |
		      jx__set_number(t, c + 6, row->cum_share) |
		      jx_table_set_int(t, c + 7, (long long)row->nyears_deducted) |
		      jx_table_set_int(t, c + 8, (long long)row->nyears_present) |
		      jx_table_set_int(t, c + 9, (long long)row->nmissing_years) |
		      jx_table_set_text(t, c + 10, years);
		free(years);
		if (bad)
			return JX_ENOMEM;
	}
	return 0;
}

static const jx__col runs_cols[] = {
	JX__UNIT_COLS,
	{"years_present", N_("years present"), JX_COL_INT, 0},
	{"years_deducted", N_("years deducted"), JX_COL_INT, 0},
	{"deducted_years", N_("deducted in"), JX_COL_TEXT, 0},
	{"longest_run", N_("longest run"), JX_COL_INT, 0},
	{"longest_from", N_("from"), JX_COL_INT, 0},
	{"longest_to", N_("to"), JX_COL_INT, 0},
	{"current_run", N_("current run"), JX_COL_INT, 0},
	{"new", N_("new"), JX_COL_INT, 0},
	{"resolved", N_("times resolved"), JX_COL_INT, 0},
	{"persistent", N_("persistent"), JX_COL_INT, 0},
	{"clean", N_("no deduction"), JX_COL_INT, 0},
};

static int runs_table(jx_table *t, int c, const jx_deductions_result *r,
		      const jx_analysis_options *o)
{
	for (size_t i = 0; i < r->nruns; i++) {
		const jx_run_row *row = &r->runs[i];
		char *years;
		int bad;
		if (unit_row(t, c, r, row->unit, o, &years))
			return JX_ENOMEM;
		bad = jx_table_set_int(t, c + 4, (long long)row->nyears_present) |
		      jx_table_set_int(t, c + 5, (long long)row->nyears_deducted) |
		      jx_table_set_text(t, c + 6, years) |
		      jx_table_set_int(t, c + 7, row->longest_run) |
		      (row->longest_run ? jx_table_set_int(t, c + 8, row->longest_from) |
						  jx_table_set_int(t, c + 9, row->longest_to)
					: 0) |
		      jx_table_set_int(t, c + 10, row->current_run) |
		      jx_table_set_int(t, c + 11, (long long)row->new_) |
		      jx_table_set_int(t, c + 12, (long long)row->resolved) |
		      jx_table_set_int(t, c + 13, (long long)row->persistent) |
		      jx_table_set_int(t, c + 14, (long long)row->clean);
		free(years);
		if (row->current_run > 0)
			jx_table_mark_row(t);
		if (bad)
			return JX_ENOMEM;
	}
	return 0;
}

static const jx__col transition_cols[] = {
	{"year_from", N_("from year"), JX_COL_INT, 0},
	{"year_to", N_("to year"), JX_COL_INT, 0},
	{"new", N_("new deductions"), JX_COL_INT, 0},
	{"resolved", N_("resolved deductions"), JX_COL_INT, 0},
	{"persistent", N_("persistent deductions"), JX_COL_INT, 0},
	{"clean", N_("clean in both"), JX_COL_INT, 0},
	{"other", N_("other (missing/one year)"), JX_COL_INT, 0},
};

static int transitions_table(jx_table *t, int c, const jx_deductions_result *r,
			     const jx_analysis_options *o)
{
	for (size_t i = 0; i < r->ntransitions; i++) {
		const jx_transition_row *row = &r->transitions[i];
		if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance,
				  o) ||
		    (jx_table_set_int(t, c, row->year_from) |
		     jx_table_set_int(t, c + 1, row->year_to) |
		     jx_table_set_int(t, c + 2, (long long)row->new_) |
		     jx_table_set_int(t, c + 3, (long long)row->resolved) |
		     jx_table_set_int(t, c + 4, (long long)row->persistent) |
		     jx_table_set_int(t, c + 5, (long long)row->clean) |
		     jx_table_set_int(t, c + 6, (long long)row->other)))
			return JX_ENOMEM;
	}
	return 0;
}

static const jx__col pair_cols[] = {
	{"level3_a", N_("indicator A"), JX_COL_TEXT, 0},
	{"level3_b", N_("indicator B"), JX_COL_TEXT, 0},
	{"phi", N_("phi"), JX_COL_FIXED, 3},
	{"both", N_("both deducted"), JX_COL_INT, 0},
	{"a_only", N_("only A"), JX_COL_INT, 0},
	{"b_only", N_("only B"), JX_COL_INT, 0},
	{"neither", N_("neither"), JX_COL_INT, 0},
	{"key_a", N_("key A"), JX_COL_TEXT, 0},
	{"key_b", N_("key B"), JX_COL_TEXT, 0},
};

/* Added after provenance (docs/formats.md, Changes). */
static const jx__col pair_tail[] = {{"p_value", N_("p-value"), JX_COL_FIXED, 4},
				    {"q_value", N_("q"), JX_COL_FIXED, 4}};

static int pairs_table(jx_table *t, int c, const jx_deductions_result *r,
		       const jx_analysis_options *o)
{
	int tail = (int)jx_table_columns(t);
	if (jx__table_columns(t, pair_tail, 2))
		return JX_ENOMEM;
	for (size_t i = 0; i < r->npairs; i++) {
		const jx_pair_row *p = &r->pairs[i];
		if (jx__table_row(t, r->units->department, r->units->project, r->units->provenance,
				  o) ||
		    (jx_table_set_text(t, c, p->a->level3) |
		     jx_table_set_text(t, c + 1, p->b->level3) | jx__set_number(t, c + 2, p->phi) |
		     jx_table_set_int(t, c + 3, (long long)p->n11) |
		     jx_table_set_int(t, c + 4, (long long)p->n10) |
		     jx_table_set_int(t, c + 5, (long long)p->n01) |
		     jx_table_set_int(t, c + 6, (long long)p->n00) |
		     jx_table_set_text(t, c + 7, p->a->key) |
		     jx_table_set_text(t, c + 8, p->b->key) | jx__set_number(t, tail, p->p_value) |
		     jx__set_number(t, tail + 1, p->q_value)))
			return JX_ENOMEM;
	}
	return 0;
}

static const char *const view_notes[] = {
	N_("points lost = Σ (weight − score) over years with a known score; share within each "
	   "level"),
	N_("runs: consecutive evaluated years deducted; a year absent or missing breaks a run"),
	N_("transitions of indicators between consecutive evaluated years"),
	N_("pairs deducted together over the years both are known (at least 4): one-sided Fisher "
	   "exact test, Benjamini-Hochberg q over the pairs tested in the department"),
};

int jx_deductions_table(jx_table **out, const jx_deductions_result *r, jx_deductions_view view,
			const jx_analysis_options *o)
{
	static const struct {
		const jx__col *cols;
		size_t n;
		int (*fill)(jx_table *, int, const jx_deductions_result *,
			    const jx_analysis_options *);
	} views[] = {
		{pareto_cols, sizeof(pareto_cols) / sizeof(*pareto_cols), pareto_table},
		{runs_cols, sizeof(runs_cols) / sizeof(*runs_cols), runs_table},
		{transition_cols, sizeof(transition_cols) / sizeof(*transition_cols),
		 transitions_table},
		{pair_cols, sizeof(pair_cols) / sizeof(*pair_cols), pairs_table},
	};
	jx_table *t;
	int c, rc;
	*out = NULL;
	if ((unsigned)view > JX_DED_PAIRS)
		return jx__error(JX_EINVAL, _("unknown deductions view %d"), (int)view);
	if ((rc = jx__table_start(&t, &c, views[view].cols, views[view].n, o,
				  r->units->provenance)))
		return rc;
	jx_table_add_note(t, _("%s (%s), %d–%d: %g points lost by indicators; %s"), r->units->scope,
			  jx_kind_label(r->units->kind), r->units->years[0],
			  r->units->years[r->units->nyears - 1], r->total_points,
			  _(view_notes[view]));
	if (view == JX_DED_PAIRS && r->pairs_left_out)
		jx_table_add_note(
			t,
			_("pairs: only the %d indicators deducted most often are paired; %zu "
			  "more deducted indicators are left out (and out of the tests)"),
			JX_PAIRS_MAX_UNITS, r->pairs_left_out);
	if (view == JX_DED_PAIRS)
		jx_table_add_note(t,
				  _("%zu pairs tested (their margins allow p < %g), %zu listed; "
				    "with 5 years of a framework the smallest possible p is 0.1"),
				  r->npairs_tested, o ? o->pairs_alpha : 0.1, r->npairs);
	if ((rc = views[view].fill(t, c, r, o))) {
		jx_table_free(t);
		return rc == JX_ENOMEM ? jx__oom() : rc;
	}
	*out = t;
	return 0;
}
