/* SPDX-License-Identifier: GPL-3.0-or-later */
/* projects.c -- a department's budget projects over the years (项目支出绩效自评表).
 *
 * Each department runs two or three projects of projects_pool.c (its
 * domain's, and one or two any department may run), each for a span of years, drawn from a random stream of its own: seeded from --seed
 * and the department's number mixed with a constant, so adding projects left
 * every department evaluation exactly as before. Per project-year: the fund
 * block (budget at the start, adjusted budget, executed, execution rate; 元,
 * exact cents), the fund row (分值 10, 得分 = rate × 10), and the indicators
 * with their targets, actual values and, when missed, the department's
 * reason. What real tables do, this does too: the fund row is inside the
 * 100 points (产出 50, 效益 30, 满意度 10) or on top of them (产出 60: 110 in
 * all); names sometimes carry the year; targets are numbers, percentages,
 * deadlines, cost caps or words. Some projects spend slowly year after
 * year, and some miss the same target again and again.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "jixiao.h"
#include "synth.h"

#define PROJECT_SALT 0x50524F4AUL /* "PROJ" */
#define FUND_WEIGHT 10

/* One indicator in one year, as written. */
typedef struct {
	const synth_pind *ind;
	int weight;
	double score;
	char target[64], actual[64];
	const char *reason;
} pyear_row;

/* A project over its years: what stays the same. */
typedef struct {
	const synth_project_tpl *tpl;
	int start, end; /* year indices, inclusive */
	double exec_mean;
	size_t weak; /* the indicator that keeps missing its target */
	double budget_wan;
} project_plan;

static double uniform(gsl_rng *r, double lo, double hi)
{
	return lo + (hi - lo) * gsl_rng_uniform(r);
}

static void number(char *buf, size_t size, double v, const char *unit)
{
	char n[48];
	jx_number_format(n, sizeof n, v);
	snprintf(buf, size, "%s%s", n, unit ? unit : "");
}

/* Target and actual text of a count ("≥12000人" or "12000人"). */
static void count_texts(gsl_rng *r, pyear_row *row, int missed)
{
	const synth_pind *p = row->ind;
	double actual = round(p->target * (missed ? uniform(r, 0.82, 0.97) : uniform(r, 1, 1.12)));
	char t[48];
	number(t, sizeof t, p->target, p->unit);
	snprintf(row->target, sizeof row->target, "%s%s", gsl_rng_uniform(r) < 0.5 ? "≥" : "", t);
	number(row->actual, sizeof row->actual, actual, p->unit);
}

/* "≥95%", "95%以上", or "0%" for a rate that must stay at zero. */
static void pct_texts(gsl_rng *r, pyear_row *row, int missed)
{
	double t = row->ind->target, a;
	if (t == 0) {
		snprintf(row->target, sizeof row->target, "0%%");
		a = missed ? uniform(r, 0.1, 1.5) : 0;
	} else {
		if (t >= 100)
			snprintf(row->target, sizeof row->target, "100%%");
		else if (gsl_rng_uniform(r) < 0.7)
			snprintf(row->target, sizeof row->target, "≥%g%%", t);
		else
			snprintf(row->target, sizeof row->target, "%g%%以上", t);
		a = missed ? t - uniform(r, 1, 6) : (t >= 100 ? 100 : uniform(r, t, 100));
	}
	number(row->actual, sizeof row->actual, round(a * 10) / 10, "%");
}

/* "9月前" or "2023年9月底前"; the month it was done. */
static void date_texts(gsl_rng *r, pyear_row *row, int missed, int year)
{
	int m = (int)row->ind->target, done;
	if (gsl_rng_uniform(r) < 0.5)
		snprintf(row->target, sizeof row->target, "%d月前", m);
	else
		snprintf(row->target, sizeof row->target, "%d年%d月底前", year, m);
	done = missed ? m + 1 + (int)gsl_rng_uniform_int(r, 3)
		      : m - (int)gsl_rng_uniform_int(r, m < 4 ? (unsigned long)m : 4UL);
	if (done > 12)
		snprintf(row->actual, sizeof row->actual, "%d年%d月", year + 1, done - 12);
	else
		snprintf(row->actual, sizeof row->actual, "%d年%d月", year, done);
}

/* "≤80万元" or a bare "80万元" (a cost's bare target is a cap). */
static void cost_texts(gsl_rng *r, pyear_row *row, int missed)
{
	const synth_pind *p = row->ind;
	double a = round(p->target * (missed ? uniform(r, 1.02, 1.12) : uniform(r, 0.9, 1)) * 100) /
		   100;
	char t[48];
	number(t, sizeof t, p->target, p->unit);
	snprintf(row->target, sizeof row->target, "%s%s", gsl_rng_uniform(r) < 0.6 ? "≤" : "", t);
	number(row->actual, sizeof row->actual, a, p->unit);
}

static void draw_row(gsl_rng *r, pyear_row *row, int missed, int year)
{
	const char *words = missed ? (gsl_rng_uniform(r) < 0.5 ? "基本实现" : "部分实现") : NULL;
	switch (row->ind->kind) {
	case SYNTH_T_COUNT: count_texts(r, row, missed); break;
	case SYNTH_T_PCT: pct_texts(r, row, missed); break;
	case SYNTH_T_DATE: date_texts(r, row, missed, year); break;
	case SYNTH_T_COST: cost_texts(r, row, missed); break;
	case SYNTH_T_TEXT:
		snprintf(row->target, sizeof row->target, "%s", row->ind->text);
		snprintf(row->actual, sizeof row->actual, "%s", words ? words : row->ind->text);
		break;
	}
	row->score = missed ? round(row->weight * uniform(r, 0.5, 0.9) * 2) / 2 : row->weight;
}

/* Integer weights of one level-1 category shared among its k indicators. */
static int share(int total, size_t k, size_t i)
{
	return total / (int)k + (i < (size_t)total % k ? 1 : 0);
}

/* The weight of indicator i: 产出 50 (60 with the fund row on top), 效益 30, 满意度 10. */
static int weight_of(const synth_project_tpl *tpl, size_t i, int on_top)
{
	const char *l1 = tpl->ind[i].level1;
	int total = !strcmp(l1, "产出指标")   ? (on_top ? 60 : 50)
		    : !strcmp(l1, "效益指标") ? 30
					      : 10;
	size_t k = 0, at = 0;
	for (size_t j = 0; j < tpl->nind; j++)
		if (!strcmp(tpl->ind[j].level1, l1)) {
			if (j == i)
				at = k;
			k++;
		}
	return share(total, k, at);
}

static void put(FILE *f, const char *s, int last)
{
	jx_csv_write_field(f, s);
	fputc(last ? '\n' : ',', f);
}

static void write_row(FILE *f, const synth_dept *d, int year, const char *project,
		      const char *const names[3], double weight, double score, const char *target,
		      const char *actual, const char *reason)
{
	char y[16], w[32], s[32];
	snprintf(y, sizeof y, "%d", year);
	jx_number_format(w, sizeof w, weight);
	jx_number_format(s, sizeof s, score);
	put(f, d->name, 0);
	put(f, y, 0);
	put(f, "self", 0);
	for (int i = 0; i < 3; i++)
		put(f, names[i], 0);
	put(f, "", 0);
	put(f, w, 0);
	put(f, s, 0);
	put(f, "stated", 0);
	put(f, project, 0);
	put(f, target, 0);
	put(f, actual, 0);
	put(f, reason, 1);
}

static void write_figure(FILE *f, const synth_dept *d, int year, const char *project,
			 const char *item, int64_t cents, const char *unit)
{
	char v[48];
	jx_cents_format(v, sizeof v, cents);
	jx_csv_write_field(f, d->name);
	fprintf(f, ",%d,%s,%s,%s,", year, item, v, unit);
	jx_csv_write_field(f, project);
	fputc('\n', f);
}

/* The fund block of a year: budgets rounded to 100 元, executed to the cent.
 * Returns the execution rate in hundredths of a percent. */
static int64_t fund_block(gsl_rng *r, synth_project_out *out, const synth_dept *d, int year,
			  const char *project, const project_plan *pl)
{
	int64_t start = (int64_t)llround(pl->budget_wan * uniform(r, 0.85, 1.1) * 100) * 10000;
	int64_t budget = (int64_t)llround(start * uniform(r, 0.95, 1.15) / 10000.0) * 10000;
	double rate = gsl_ran_gaussian(r, 0.04) + pl->exec_mean;
	int64_t executed, rate_h;
	rate = rate < 0.45 ? 0.45 : rate > 1 ? 1 : rate;
	executed = (int64_t)llround(budget * rate);
	rate_h = (int64_t)llround(executed * 10000.0 / budget);
	write_figure(out->figures, d, year, project, "project_budget_start", start, "元");
	write_figure(out->figures, d, year, project, "project_budget", budget, "元");
	write_figure(out->figures, d, year, project, "project_executed", executed, "元");
	write_figure(out->figures, d, year, project, "project_execution_rate", rate_h, "%");
	return rate_h;
}

static void project_year(gsl_rng *r, synth_project_out *out, const synth_dept *d, int year,
			 const project_plan *pl)
{
	static const char *const fund_names[3] = {JX_FUND_LEVEL1, JX_FUND_LEVEL2, JX_FUND_LEVEL3};
	const synth_project_tpl *tpl = pl->tpl;
	pyear_row rows[SYNTH_PROJECT_MAXIND];
	char project[160];
	int on_top = gsl_rng_uniform(r) < 0.35;
	int64_t rate_h;

	if (gsl_rng_uniform(r) < 0.5)
		snprintf(project, sizeof project, "%d年%s", year, tpl->name);
	else
		snprintf(project, sizeof project, "%s", tpl->name);
	rate_h = fund_block(r, out, d, year, project, pl);
	write_row(out->scores, d, year, project, fund_names, FUND_WEIGHT,
		  (double)llround(rate_h / 10.0) / 100, "", "", "");
	for (size_t i = 0; i < tpl->nind; i++) {
		pyear_row *row = &rows[i];
		const char *names[3] = {tpl->ind[i].level1, tpl->ind[i].level2, tpl->ind[i].level3};
		int missed = gsl_rng_uniform(r) < (i == pl->weak ? 0.65 : 0.08);
		memset(row, 0, sizeof(*row));
		row->ind = &tpl->ind[i];
		row->weight = weight_of(tpl, i, on_top);
		draw_row(r, row, missed, year);
		row->reason = missed ? tpl->reasons[gsl_rng_uniform_int(r, 3)] : "";
		write_row(out->scores, d, year, project, names, row->weight, row->score,
			  row->target, row->actual, row->reason);
	}
}

int synth_write_projects(synth_project_out *out, const synth_dept *d, unsigned long seed,
			 int first_year, int nyears)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	size_t first;
	int nproj;
	if (!r)
		return -1;
	gsl_rng_set(r, synth_dept_seed(seed ^ PROJECT_SALT, d->number));
	nproj = 2 + (gsl_rng_uniform(r) < 0.5);
	first = gsl_rng_uniform_int(r, synth_project_generic_count());
	for (int p = 0; p < nproj; p++) {
		project_plan pl;
		pl.tpl = p == 0 ? synth_project_domain((size_t)d->number % synth_template_count())
				: synth_project_generic(first + (size_t)p - 1);
		pl.start = p == 0 ? 0
				  : (int)gsl_rng_uniform_int(r, (unsigned long)(nyears / 3 + 1));
		pl.end = nyears - 1 -
			 (gsl_rng_uniform(r) < 0.25 ? 1 + (int)gsl_rng_uniform_int(r, 2) : 0);
		if (pl.end < pl.start)
			pl.end = pl.start;
		pl.exec_mean = gsl_rng_uniform(r) < 0.35 ? 0.82 : 0.965;
		pl.weak = gsl_rng_uniform_int(r, pl.tpl->nind);
		pl.budget_wan = pl.tpl->budget_wan * uniform(r, 0.7, 1.3);
		for (int y = pl.start; y <= pl.end; y++)
			project_year(r, out, d, first_year + y, &pl);
	}
	gsl_rng_free(r);
	return 0;
}
