/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_check.c -- reconcile a report's table with 合计, level-1 weights and the text.
 *
 * A published table often lacks one score (a merged cell the export lost).
 * When exactly one is missing and a declared total fixes it (the level-1
 * 小计, else the 合计 row) it is inferred and marked so; otherwise it stays
 * missing. The rows' weights must add up to what 合计 declares (100 when it
 * declares no weight or is absent), as in canonical CSV: otherwise the table
 * is wrong or cut short, and the file is refused. Every other disagreement
 * between the rows and what the report declares (a level-1 "(35分)", a 小计,
 * the 合计 score, the self-score in the text) becomes a warning that names
 * the lines involved.
 *
 * A project table's fund row (年度资金总额, 分值 10) is counted inside the 100
 * points by the Ministry's template and on top of them by many tables: 总分
 * is checked against the rows with it, then without it, and a warning says
 * which one it matched; neither is an error as usual.
 */
#include <math.h>
#include <string.h>
#include "ingest/internal.h"

#define EPS 1e-6

static const char *num(char *buf, double v)
{
	jx_number_format(buf, 32, v);
	return buf;
}

static size_t group_of(const jx__rp_doc *d, const jx_indicator *r)
{
	size_t g;
	for (g = 0; g < d->ngroups; g++)
		if (!strcmp(d->groups[g].name, r->level1))
			break;
	return g;
}

/* Sums of weights and known scores of group g ((size_t)-1: all rows that 合计 counts:
 * without the fund row when it comes on top); returns the missing count. */
static size_t sums(const jx__rp_doc *d, size_t g, double *w, double *s)
{
	size_t miss = 0;
	*w = *s = 0;
	for (size_t i = 0; i < d->ev->nrows; i++) {
		const jx_indicator *r = &d->ev->rows[i];
		if (g != (size_t)-1 && group_of(d, r) != g)
			continue;
		if (g == (size_t)-1 && d->fund_out && jx_indicator_is_fund(r))
			continue;
		*w += r->weight;
		if (isnan(r->score))
			miss++;
		else
			*s += r->score;
	}
	return miss;
}

/* Infer row r's score as total − known, from what (e.g. "合计 98") at line at. */
static int infer(jx__rp_doc *d, jx_indicator *r, double total, double known, const char *what,
		 int at)
{
	char a[32], b[32], c[32], where[128];
	double v = round((total - known) * 1e4) / 1e4;
	jx__rp_where(d, at, 0, where, sizeof(where));
	if (v < -EPS || v > r->weight + EPS)
		return jx__rp_warn(d, r->line,
				   _("score of %s/%s/%s is missing; %s %s (%s) would make it "
				     "%s, outside 0..%s, so it is left missing"),
				   r->level1, r->level2, r->level3, what, num(a, total), where,
				   num(b, v), num(c, r->weight));
	r->score = v < 0 ? 0 : v;
	r->origin = JX_ORIGIN_INFERRED;
	return jx__rp_warn(
		d, r->line, _("score of %s/%s/%s is missing; inferred as %s from %s %s (%s)"),
		r->level1, r->level2, r->level3, num(a, r->score), what, num(b, total), where);
}

static int infer_missing(jx__rp_doc *d)
{
	double w, s;
	size_t i, miss;
	int rc;
	/* a level-1 subtotal fixes a lone missing score inside its group */
	for (i = 0; i < d->ev->nrows; i++) {
		jx_indicator *r = &d->ev->rows[i];
		size_t g = group_of(d, r);
		if (r->origin != JX_ORIGIN_MISSING || g == d->ngroups ||
		    isnan(d->groups[g].sub_score))
			continue;
		if (sums(d, g, &w, &s) == 1 && (rc = infer(d, r, d->groups[g].sub_score, s, "小计",
							   d->groups[g].sub_line)) != 0)
			return rc;
	}
	miss = sums(d, (size_t)-1, &w, &s);
	for (i = 0; i < d->ev->nrows; i++) {
		jx_indicator *r = &d->ev->rows[i];
		if (r->origin != JX_ORIGIN_MISSING)
			continue;
		if (d->fund_out && jx_indicator_is_fund(r))
			rc = jx__rp_warn(
				d, r->line,
				_("the fund row's score is missing and is left missing: 总分 "
				  "does not count the fund row"));
		else if (miss == 1 && !isnan(d->ev->total_score))
			rc = infer(d, r, d->ev->total_score, s, "合计", d->total_line);
		else
			rc = jx__rp_warn(d, r->line,
					 _("score of %s/%s/%s is missing and is left missing: %s"),
					 r->level1, r->level2, r->level3,
					 !d->total_line ? _("there is no 合计 row to infer it from")
					 : isnan(d->ev->total_score)
						 ? _("the 合计 row states no score")
						 : _("more than one score is missing, so 合计 "
						     "cannot tell them apart"));
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Declared level-1 weights and 小计 rows against the rows under them. */
static int check_groups(jx__rp_doc *d)
{
	char a[32], b[32];
	double w, s;
	int rc = 0;
	for (size_t g = 0; g < d->ngroups && rc == 0; g++) {
		const jx__rp_group *gr = &d->groups[g];
		size_t miss = sums(d, g, &w, &s);
		if (!isnan(gr->declared) && fabs(gr->declared - w) > EPS)
			rc = jx__rp_warn(
				d, gr->line,
				_("%s declares %s points but its rows' weights add up to %s"),
				gr->name, num(a, gr->declared), num(b, w));
		if (rc == 0 && !isnan(gr->sub_weight) && fabs(gr->sub_weight - w) > EPS)
			rc = jx__rp_warn(d, gr->sub_line,
					 _("小计 weight %s of %s differs from its rows' sum %s"),
					 num(a, gr->sub_weight), gr->name, num(b, w));
		if (rc == 0 && !miss && !isnan(gr->sub_score) && fabs(gr->sub_score - s) > EPS)
			rc = jx__rp_warn(d, gr->sub_line,
					 _("小计 score %s of %s differs from its rows' sum %s"),
					 num(a, gr->sub_score), gr->name, num(b, s));
	}
	return rc;
}

/* The rows' weights against 合计's weight, or 100: an error, since a table whose
 * weights do not add up is wrong or truncated and no score rate could be trusted. */
static int check_weights(jx__rp_doc *d)
{
	char a[32], b[32], where[128];
	double w, s, want = isnan(d->ev->total_weight) ? 100 : d->ev->total_weight;
	sums(d, (size_t)-1, &w, &s);
	if (fabs(w - want) <= EPS)
		return 0;
	jx__rp_where(d, d->last_row_line, 0, where, sizeof(where));
	if (!d->total_line)
		return jx__rp_fail(d, d->last_row_line,
				   _("the indicator table ends at %s without a 合计 row and its "
				     "weights add up to %s, not 100; the table looks truncated"),
				   where, num(a, w));
	if (isnan(d->ev->total_weight))
		return jx__rp_fail(
			d, d->total_line,
			_("the indicator rows' weights add up to %s, not 100 (合计 states "
			  "no weight); a row is missing or a weight is wrong"),
			num(a, w));
	for (size_t i = 0; i < d->ev->nrows; i++)
		if (jx_indicator_is_fund(&d->ev->rows[i])) {
			char c[32];
			return jx__rp_fail(
				d, d->total_line,
				_("the indicator rows' weights add up to %s with the fund row "
				  "and %s without it, not %s as 合计 states; a row is missing "
				  "or a weight is wrong"),
				num(a, w), num(c, w - d->ev->rows[i].weight), num(b, want));
		}
	return jx__rp_fail(d, d->total_line,
			   _("the indicator rows' weights add up to %s, not %s as 合计 states; a "
			     "row is missing or a weight is wrong"),
			   num(a, w), num(b, want));
}

/* Without 合计 a warning; with it, the sum of scores against the 合计 score. */
static int check_totals(jx__rp_doc *d)
{
	char a[32], b[32], where[128];
	double w, s;
	size_t miss = sums(d, (size_t)-1, &w, &s);
	jx__rp_where(d, d->last_row_line, 0, where, sizeof(where));
	if (!d->total_line && d->no_total_ok)
		return 0;
	if (!d->total_line)
		return jx__rp_warn(d, d->last_row_line,
				   _("the table has no 合计 row (it ends at %s): totals are "
				     "not declared and missing scores cannot be inferred"),
				   where);
	if (!miss && !isnan(d->ev->total_score) && fabs(d->ev->total_score - s) > EPS)
		return jx__rp_warn(d, d->total_line, _("scores add up to %s but 合计 states %s"),
				   num(a, s), num(b, d->ev->total_score));
	return 0;
}

/* The self-score stated in the text against 合计 (or the complete sum). */
static int check_self_score(jx__rp_doc *d)
{
	char a[32], b[32], where[128];
	double w, s;
	size_t miss = sums(d, (size_t)-1, &w, &s);
	double self = d->ev->self_score;
	if (isnan(self))
		return 0;
	if (!isnan(d->ev->total_score)) {
		jx__rp_where(d, d->total_line, 0, where, sizeof(where));
		if (fabs(self - d->ev->total_score) > EPS)
			return jx__rp_warn(
				d, d->self_score_line,
				_("the text states a self-score of %s but 合计 (%s) states %s"),
				num(a, self), where, num(b, d->ev->total_score));
		return 0;
	}
	if (!miss && fabs(self - s) > EPS)
		return jx__rp_warn(d, d->self_score_line,
				   _("the text states a self-score of %s but the table's scores "
				     "add up to %s"),
				   num(a, self), num(b, s));
	return 0;
}

/* Whether 总分 counts the fund row (年度资金总额), said in a warning: d->fund_out when it
 * matches the rows without it. Nothing to say without a fund row or a 合计 row. */
static int fund_in_total(jx__rp_doc *d)
{
	char a[32], b[32], c[32];
	double w, s, fund = 0, want = isnan(d->ev->total_weight) ? 100 : d->ev->total_weight;
	int found = 0;
	for (size_t i = 0; i < d->ev->nrows && !found; i++)
		if ((found = jx_indicator_is_fund(&d->ev->rows[i])) != 0)
			fund = d->ev->rows[i].weight;
	d->fund_out = 0;
	if (!found || !d->total_line)
		return 0;
	sums(d, (size_t)-1, &w, &s);
	if (fabs(w - want) <= EPS)
		return jx__rp_warn(d, d->total_line,
				   _("总分 %s counts the fund row (年度资金总额, %s points): the "
				     "indicator rows without it add up to %s"),
				   num(a, want), num(b, fund), num(c, w - fund));
	if (fabs(w - fund - want) > EPS)
		return 0; /* neither: check_weights says so */
	d->fund_out = 1;
	return jx__rp_warn(
		d, d->total_line,
		_("总分 %s matches the indicator rows without the fund row (年度资金总额, %s "
		  "points), which comes on top: %s points in all"),
		num(a, want), num(b, fund), num(c, w));
}

int jx__rp_reconcile(jx__rp_doc *d)
{
	int rc;
	if ((rc = fund_in_total(d)) != 0 || (rc = check_weights(d)) != 0 ||
	    (rc = check_groups(d)) != 0 || (rc = infer_missing(d)) != 0 ||
	    (rc = check_totals(d)) != 0 || (rc = check_self_score(d)) != 0)
		return rc;
	return 0;
}
