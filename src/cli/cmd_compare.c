/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_compare.c -- `jixiao compare`: one year against another, or self against review. */
#include <stdlib.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	ANA_SHARED,
	ANA_PROJECT,
	{'F', "from", "Y1", N_("the earlier year (default: the one before --to)"), 0},
	{'T', "to", "Y2", N_("the later year (default: the last evaluated year)"), 0},
	{'S', "self-vs-review", NULL, N_("the self-evaluation against the review, unit by unit"),
	 0},
	{'a', "all", NULL, N_("with --self-vs-review: every matched unit"), 0},
	{'g', "gap", NULL,
	 N_("the self-minus-review gap of the totals and a test of over-scoring, one row per "
	    "department (every department without --dept)"),
	 0},
	CLI_END};

const cli_spec spec_compare = {
	"compare",
	NULL,
	NULL,
	N_("Per unit (indicator, level-2 group, category, total): weight, score and score\n"
	   "rate (score / weight) in each year, Δ rate in percentage points, Δ points and a\n"
	   "status: improved, declined, unchanged, new (absent in Y1), dropped (absent in\n"
	   "Y2), weight changed (Δ rate still shown), unknown (a score is missing).\n"
	   "Rows are sorted by level and then by Δ rate, largest declines first (starred).\n"
	   "Default years: the last two evaluated years.\n"
	   "\n"
	   "--self-vs-review matches the department's self-evaluation with the finance\n"
	   "bureau's review of the same year, unit by unit, and lists where the self\n"
	   "score is higher (--all: every matched unit); it takes --years, not --from/--to.\n"
	   "\n"
	   "--gap: per department, over the years in which both totals are known, the mean\n"
	   "of self rate - review rate and a one-sided exact sign test of over-scoring\n"
	   "(years above against years below); q-values by Benjamini-Hochberg across the\n"
	   "departments listed. Fewer than 5 years with a gap cannot reach 0.05: \"too few\n"
	   "years\". Reasons: docs/report.md.\n"),
	"  jixiao compare --dept 禁毒支队 --from 2022 --to 2023\n"
	"  jixiao compare --self-vs-review --dept 禁毒支队 --level 3\n"
	"  jixiao compare --gap --format csv\n",
	options};

typedef struct {
	ana_args a;
	int from, to, self_review, all, gap;
} compare_ctx;

/* Fill in missing years from the series: Y2 = the last, Y1 = the one before Y2. */
static void default_years(int *from, int *to, const jx_series *s)
{
	size_t i;
	if (!*to && s->nyears)
		*to = *from && *from >= s->years[s->nyears - 1].year ? *from
								     : s->years[s->nyears - 1].year;
	if (*from)
		return;
	for (i = s->nyears; i-- > 0;)
		if (s->years[i].year < *to) {
			*from = s->years[i].year;
			return;
		}
	*from = *to;
}

static int self_review(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
		       const compare_ctx *cx)
{
	jx_series *review = NULL;
	jx_selfreview_result *r = NULL;
	int rc = jx_store_project_series(st, &review, s->department, s->project_key, JX_KIND_REVIEW,
					 a->o.year_from, a->o.year_to);
	if (rc == 0 && (rc = jx_compare_self_review(&r, s, review, &a->o)) == 0)
		rc = jx_selfreview_table(out, r, &a->o, !cx->all);
	jx_selfreview_result_free(r);
	jx_series_free(review);
	return rc;
}

static int compare_table(jx_table **out, jx_store *st, const jx_series *s, const ana_args *a,
			 void *ctx)
{
	const compare_ctx *cx = ctx;
	jx_compare_result *r;
	int from = cx->from, to = cx->to, rc;
	if (cx->self_review)
		return self_review(out, st, s, a, cx);
	default_years(&from, &to, s);
	if ((rc = jx_compare_compute(&r, s, from, to, &a->o)))
		return rc;
	if (from == to)
		cli_warn(_("only one evaluated year (%d): comparing it with itself"), from);
	rc = jx_compare_table(out, r, &a->o);
	jx_compare_result_free(r);
	return rc;
}

static int own_option(void *ctx, int key, const char *arg)
{
	compare_ctx *cx = ctx;
	switch (key) {
	case 'F': return cli_int_option(cx->a.cmd, "from", arg, 1900, 2100, &cx->from);
	case 'T': return cli_int_option(cx->a.cmd, "to", arg, 1900, 2100, &cx->to);
	case 'S': cx->self_review = 1; return 0;
	case 'g': cx->gap = 1; return 0;
	default: cx->all = 1; return 0;
	}
}

/* --gap: one department (--dept), or every department as one family. */
static int gap_print(jx_cli *cli, const ana_args *a)
{
	jx_store *st = NULL;
	jx_gap_result **v = NULL;
	jx_standing_result *s = NULL;
	jx_table *t = NULL;
	char *dept = NULL;
	size_t n = 0;
	int rc;
	if ((rc = cli_open_store(cli, &st, CLI_STORE_READ)))
		return rc;
	if (a->dept) {
		if (!(v = calloc(1, sizeof(*v))) || jx_store_find_department(st, &dept, a->dept) ||
		    jx_standing_load(&s, st, dept, &a->o) || jx_gap_compute(&v[0], s, a->o.alpha)) {
			rc = v ? cli_fail_jx() : cli_fail(_("out of memory"));
			goto out;
		}
		n = 1;
	} else if (jx_gap_departments(&v, &n, st, &a->o)) {
		rc = cli_fail_jx();
		goto out;
	}
	rc = jx_gap_table(&t, v, n, &a->o) ? cli_fail_jx() : cli_print_table(t, a->fmt, 0);
out:
	jx_table_free(t);
	jx_gap_results_free(v, n);
	jx_standing_result_free(s);
	free(dept);
	jx_store_free(st);
	return rc;
}

int cmd_compare(jx_cli *cli, int argc, char **argv)
{
	compare_ctx cx = {.from = 0, .to = 0, .self_review = 0, .all = 0, .gap = 0};
	int rc = ana_parse(&cx.a, &spec_compare, argc, argv, own_option, &cx);
	if (rc != CLI_GO)
		return rc;
	if (cx.self_review && (cx.from || cx.to))
		return cli_usage(cx.a.cmd, _("--self-vs-review takes --years, not --from/--to"));
	if (cx.self_review && cx.a.o.kind == JX_KIND_REVIEW)
		return cli_usage(cx.a.cmd, _("--self-vs-review reads both kinds; drop --kind"));
	if (cx.from && cx.to && cx.from > cx.to)
		return cli_usage(cx.a.cmd, _("--from %d is after --to %d"), cx.from, cx.to);
	if (cx.gap && (cx.from || cx.to || cx.a.o.kind == JX_KIND_REVIEW))
		return cli_usage(cx.a.cmd, _("--gap reads both kinds and takes --years only"));
	if (cx.gap)
		return gap_print(cli, &cx.a);
	return ana_run(cli, &cx.a, compare_table, &cx);
}
