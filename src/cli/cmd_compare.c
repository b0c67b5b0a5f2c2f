/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_compare.c -- `jixiao compare`: one year against another, or self against review. */
#include <stdlib.h>
#include "analysis_cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] compare [--dept NAME] [--from Y1] [--to Y2]\n"
	"                             [--level 1|2|3|total|all] [--kind self|review]\n"
	"                             [--format table|csv|json]\n"
	"       jixiao [--db PATH] compare --self-vs-review [--dept NAME] [--years A-B]\n"
	"                             [--level ...] [--all] [--format ...]\n"
	"\n"
	"Per unit (indicator, level-2 group, category, total): weight, score and score\n"
	"rate (score / weight) in each year, Δ rate in percentage points, Δ points and a\n"
	"status: improved, declined, unchanged, new (absent in Y1), dropped (absent in\n"
	"Y2), weight changed (Δ rate still shown), unknown (a score is missing).\n"
	"Rows are sorted by level and then by Δ rate, largest declines first (starred).\n"
	"Default years: the last two evaluated years.\n"
	"\n"
	"--self-vs-review matches the department's self-evaluation with the finance\n"
	"bureau's review of the same year, unit by unit, and lists where the self\n"
	"score is higher (--all: every matched unit).\n"
	"\n"
	"examples:\n"
	"  jixiao compare --dept 禁毒支队 --from 2022 --to 2023\n"
	"  jixiao compare --self-vs-review --dept 禁毒支队 --level 3\n";

typedef struct {
	int from, to, self_review, all;
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
	int rc = jx_store_series(st, &review, s->department, JX_KIND_REVIEW, a->o.year_from,
				 a->o.year_to);
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
		cli_warn("only one evaluated year (%d): comparing it with itself", from);
	rc = jx_compare_table(out, r, &a->o);
	jx_compare_result_free(r);
	return rc;
}

static int compare_option(ana_args *a, compare_ctx *cx, int c, const char *arg)
{
	switch (c) {
	case 'F': return ana_int_option(a, "from", arg, 1900, 2100, &cx->from);
	case 'T': return ana_int_option(a, "to", arg, 1900, 2100, &cx->to);
	case 'S': cx->self_review = 1; return 0;
	case 'a': cx->all = 1; return 0;
	default: return ANA_NOT_MINE;
	}
}

int cmd_compare(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {ANA_COMMON_OPTIONS,
					     {"from", required_argument, 0, 'F'},
					     {"to", required_argument, 0, 'T'},
					     {"self-vs-review", no_argument, 0, 'S'},
					     {"all", no_argument, 0, 'a'},
					     {0, 0, 0, 0}};
	compare_ctx cx = {0, 0, 0, 0};
	ana_args a;
	int c, rc;

	ana_args_init(&a, "compare");
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((rc = ana_common_option(&a, c, optarg, help)) == ANA_CONTINUE)
			continue;
		if (rc != ANA_NOT_MINE)
			return rc;
		if ((rc = compare_option(&a, &cx, c, optarg)) == ANA_NOT_MINE)
			return ana_bad_option(&a, c, argc, argv);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return ana_bad_option(&a, 0, argc, argv);
	if (cx.self_review && (cx.from || cx.to))
		return cli_usage(a.cmd, "--self-vs-review takes --years, not --from/--to");
	if (cx.self_review && a.o.kind == JX_KIND_REVIEW)
		return cli_usage(a.cmd, "--self-vs-review reads both kinds; drop --kind");
	if (cx.from && cx.to && cx.from > cx.to)
		return cli_usage(a.cmd, "--from %d is after --to %d", cx.from, cx.to);
	return ana_run(cli, &a, compare_table, &cx);
}
