/* SPDX-License-Identifier: GPL-3.0-or-later */
/* overview_gap.c -- self-evaluation against the finance bureau's review: one
 * point per department with years of both totals, at its mean review rate
 * (x) and mean self rate (y) over those years; above the diagonal the
 * department scores itself higher than the bureau does. Departments whose
 * over-scoring the sign test shows (q < alpha, BH across departments) are
 * drawn in red and named -- the GAP_LABELS largest gaps when there are more. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plot/internal.h"

#define GAP_LABELS 20

/* Label flags: the over-scoring departments with the largest mean gaps, at most GAP_LABELS. */
static size_t choose_labels(int *label, const jx_overview *ov)
{
	size_t nover = 0;
	for (size_t i = 0; i < ov->ngaps; i++)
		nover += label[i] = ov->gaps[i]->verdict == JX_GAP_OVER;
	for (size_t k = nover; k > GAP_LABELS; k--) { /* drop the smallest gap left */
		size_t drop = (size_t)-1;
		for (size_t i = 0; i < ov->ngaps; i++)
			if (label[i] &&
			    (drop == (size_t)-1 ||
			     ov->gaps[i]->mean_gap_rate < ov->gaps[drop]->mean_gap_rate))
				drop = i;
		label[drop] = 0;
	}
	return nover;
}

/* label[], label_x[], label_y[]: the named points (drawn with `set label`, which
 * takes the text as it is; a `with labels` column would reinterpret it). */
static void emit_labels(plot__script *ps, const jx_overview *ov, const int *label)
{
	const char **names = malloc((ov->ngaps + 1) * sizeof(*names));
	double *x = malloc((ov->ngaps + 1) * sizeof(*x)), *y = malloc((ov->ngaps + 1) * sizeof(*y));
	size_t n = 0;
	if (!names || !x || !y)
		ps->vars.failed = 1;
	for (size_t i = 0; names && x && y && i < ov->ngaps; i++)
		if (label[i]) {
			names[n] = ov->gaps[i]->department;
			x[n] = 100 * ov->gap_review_rate[i];
			y[n++] = 100 * ov->gap_self_rate[i];
		}
	plot__emit_string_array(&ps->vars, "label", names, n);
	plot__emit_number_array(&ps->vars, "label_x", x, n);
	plot__emit_number_array(&ps->vars, "label_y", y, n);
	free(names);
	free(x);
	free(y);
}

/* $gap (review %, self %, over-scoring 0/1) and the square axis around it. */
static void emit_points(plot__script *ps, const jx_overview *ov)
{
	double lo = INFINITY, hi = -INFINITY;
	plot__block_begin(&ps->vars, "gap");
	for (size_t i = 0; i < ov->ngaps; i++) {
		double x = 100 * ov->gap_review_rate[i], y = 100 * ov->gap_self_rate[i];
		lo = fmin(lo, fmin(x, y));
		hi = fmax(hi, fmax(x, y));
		plot__put_number(&ps->vars, x);
		jx__buf_puts(&ps->vars, " ");
		plot__put_number(&ps->vars, y);
		jx__buf_printf(&ps->vars, " %d\n", ov->gaps[i]->verdict == JX_GAP_OVER);
	}
	plot__block_end(&ps->vars);
	plot__emit_number(&ps->vars, "axis_min", floor((lo - 1) / 5) * 5);
	plot__emit_number(&ps->vars, "axis_max", ceil((hi + 1) / 5) * 5);
}

int plot__ov_gap(plot__script *ps, const plot__ov *c)
{
	const jx_overview *ov = c->ov;
	int *label = calloc(ov->ngaps + 1, sizeof(*label));
	char *note = NULL, *over = NULL;
	size_t nover;
	if (!label)
		return jx__oom();
	if (ov->ngaps == 0) {
		free(label);
		return jx__error(JX_ENOTFOUND, _("no department has a year with both a "
						 "self-evaluation and a review"));
	}
	nover = choose_labels(label, ov);
	plot__ov_titles(ps, c, _("Self-evaluation against the finance bureau's review"), 0, NULL);
	plot__emit_string(&ps->vars, "xlabel_text", _("review: mean score rate, percent"));
	plot__emit_string(&ps->vars, "ylabel_text", _("self-evaluation: mean score rate, percent"));
	over = jx__sprintf(_("over-scoring shown (q < %g)"), ov->o.alpha);
	plot__emit_string(&ps->vars, "over_text", over ? over : "");
	plot__emit_string(&ps->vars, "other_text", _("other departments"));
	plot__emit_string(&ps->vars, "diagonal_text", _("self = review"));
	emit_points(ps, ov);
	emit_labels(ps, ov, label);
	if (nover > GAP_LABELS &&
	    !(note = jx__sprintf(_("%zu departments over-score; the %d with the largest gaps "
				   "are named"),
				 nover, GAP_LABELS)))
		ps->vars.failed = 1;
	plot__emit_note(ps, note);
	ps->width = 900;
	ps->height = 800;
	if (!over)
		ps->vars.failed = 1;
	free(over);
	free(note);
	free(label);
	return 0;
}
