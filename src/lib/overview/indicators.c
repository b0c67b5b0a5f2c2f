/* SPDX-License-Identifier: GPL-3.0-or-later */
/* indicators.c -- system-wide weak indicators: level-3 indicators (canonical
 * keys, aliases applied) that lose points in many departments. Per year the
 * departments where each is present and deducted; over the window (the last
 * weak_window years of the overview) the departments deducted at least once
 * and those the weak rules flag; the trend of the share deducted by
 * Mann–Kendall with Benjamini–Hochberg over the indicators listed
 * (docs/methods.md §15). */
#include <math.h>
#include <string.h>
#include "overview/internal.h"

void jx__ov_indicator_free(jx_overview_indicator *ind)
{
	free(ind->key);
	free(ind->level1);
	free(ind->name);
	free(ind->present);
	free(ind->deducted);
	free(ind->points);
	free(ind->losses);
}

static int year_index(const jx_overview *ov, int year, size_t *idx)
{
	for (size_t i = 0; i < ov->nyears; i++)
		if (ov->years[i] == year) {
			*idx = i;
			return 1;
		}
	return 0;
}

static int set_names(jx_overview_indicator *ind, const jx_unit *un)
{
	char *l1 = jx__strdup(un->level1 ? un->level1 : ""), *name = jx__strdup(un->name);
	if (!l1 || !name) {
		free(l1);
		free(name);
		return jx__oom();
	}
	free(ind->level1);
	free(ind->name);
	ind->level1 = l1;
	ind->name = name;
	return 0;
}

/* The indicator of un's key, added when new. */
static int find(jx_overview_indicator **out, jx__ov_state *s, const jx_unit *un)
{
	size_t idx = s->nind, ny = s->ov->nyears ? s->ov->nyears : 1;
	jx_overview_indicator *ind;
	int rc = jx__keymap_get(&s->keys, &idx, JX_LEVEL_3, un->key, 1);
	if (rc < 0)
		return rc;
	if (idx == s->nind) {
		if (jx__grow((void **)&s->ind, &s->cap_ind, s->nind + 1, sizeof(*s->ind)))
			return jx__oom();
		ind = memset(&s->ind[s->nind++], 0, sizeof(*ind));
		ind->present = calloc(ny, sizeof(size_t));
		ind->deducted = calloc(ny, sizeof(size_t));
		ind->points = calloc(ny, sizeof(double));
		if (!(ind->key = jx__strdup(un->key)) || !ind->present || !ind->deducted ||
		    !ind->points)
			return jx__oom();
	}
	*out = &s->ind[idx];
	return 0;
}

static int add_loss(jx_overview_indicator *ind, size_t d, int year, const jx_unit_year *uy)
{
	if (jx__grow((void **)&ind->losses, &ind->losses_cap, ind->nlosses + 1,
		     sizeof(*ind->losses)))
		return jx__oom();
	ind->losses[ind->nlosses++] = (jx_overview_loss){d, year, uy->weight, uy->score};
	return 0;
}

/* One unit's years into its indicator; the names follow the latest year seen. */
static int add_unit(jx__ov_state *s, size_t d, const jx_units *u, const jx_unit *un, int flagged)
{
	jx_overview_indicator *ind = NULL;
	int rc = find(&ind, s, un), in_window = 0, latest = 0;
	for (size_t y = 0; rc == 0 && y < u->nyears; y++) {
		const jx_unit_year *uy = &un->years[y];
		size_t i;
		if (!uy->nrows || !year_index(s->ov, u->years[y], &i))
			continue;
		ind->present[i]++;
		if (jx_unit_year_deducted(uy)) {
			ind->deducted[i]++;
			ind->points[i] = jx__tidy(ind->points[i] + uy->weight - uy->score);
			if (i + s->ov->nwindow >= s->ov->nyears) {
				in_window = 1;
				rc = add_loss(ind, d, u->years[y], uy);
			}
		}
		latest = u->years[y] > latest ? u->years[y] : latest;
	}
	if (rc == 0 && latest >= ind->year_last) {
		ind->year_last = latest;
		rc = set_names(ind, un);
	}
	if (rc == 0) {
		ind->window_deducted += (size_t)in_window;
		ind->weak += (size_t)flagged;
		if (u->provenance == JX_PROV_SYNTHETIC)
			ind->provenance = JX_PROV_SYNTHETIC;
	}
	return rc;
}

/* 1 when the weak rules flag the unit in this result. */
static int flagged(const jx_weak_result *wk, const jx_unit *un)
{
	for (size_t i = 0; i < wk->nrows; i++)
		if (wk->rows[i].unit == un && (wk->rows[i].rules & JX_WEAK_ANY))
			return 1;
	return 0;
}

int jx__ov_indicators_add(jx__ov_state *s, size_t d, const jx_weak_result *wk)
{
	const jx_units *u = wk->units;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < u->nunits; i++)
		if (u->units[i].level == JX_LEVEL_3)
			rc = add_unit(s, d, u, &u->units[i], flagged(wk, &u->units[i]));
	return rc;
}

/* Share deducted per year (years where it is present somewhere) into x, y. */
static size_t shares(const jx_overview *ov, const jx_overview_indicator *ind, double *x, double *y)
{
	size_t n = 0;
	for (size_t i = 0; i < ov->nyears; i++)
		if (ind->present[i]) {
			x[n] = ov->years[i];
			y[n++] = (double)ind->deducted[i] / (double)ind->present[i];
		}
	return n;
}

/* Mann–Kendall (one period) and Sen's slope of the share deducted. */
static int test_share(jx_overview_indicator *ind, const jx_overview *ov, double *x, double *y,
		      size_t *period)
{
	size_t n = shares(ov, ind, x, y);
	int rc;
	memset(period, 0, ov->nyears * sizeof(*period));
	ind->sen = NAN;
	ind->q_value = NAN;
	if ((rc = jx_stats_mann_kendall(&ind->mk, y, period, n)))
		return rc;
	if (n >= 2 && jx_stats_theil_sen(&ind->sen, NULL, x, y, n) == 0)
		ind->sen *= 100;
	jx_error_clear();
	return 0;
}

static int cmp_indicator(const void *pa, const void *pb)
{
	const jx_overview_indicator *a = pa, *b = pb;
	if (a->deducted_latest != b->deducted_latest)
		return a->deducted_latest > b->deducted_latest ? -1 : 1;
	if (a->window_deducted != b->window_deducted)
		return a->window_deducted > b->window_deducted ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* q-values over the indicators kept, then each direction (as trend.c decides). */
static int decide(jx_overview_indicator *v, size_t n, double alpha)
{
	double *p = malloc((n ? n : 1) * sizeof(double)), *q = malloc((n ? n : 1) * sizeof(double));
	int rc = p && q ? 0 : jx__oom();
	for (size_t i = 0; rc == 0 && i < n; i++)
		p[i] = v[i].mk.p_min < alpha ? v[i].mk.p_value : NAN;
	if (rc == 0 && (rc = jx_stats_bh(q, p, n)) == 0)
		for (size_t i = 0; i < n; i++) {
			v[i].q_value = q[i];
			v[i].direction = !(v[i].mk.p_min < alpha)            ? JX_DIR_TOO_FEW
					 : !(q[i] < alpha) || v[i].mk.s == 0 ? JX_DIR_FLAT
					 : v[i].mk.s > 0                     ? JX_DIR_RISING
									     : JX_DIR_FALLING;
		}
	free(p);
	free(q);
	return rc;
}

int jx__ov_indicators_finish(jx__ov_state *s)
{
	jx_overview *ov = s->ov;
	size_t kept = 0, ny = ov->nyears ? ov->nyears : 1, *period = malloc(ny * sizeof(size_t));
	double *x = malloc(ny * sizeof(double)), *y = malloc(ny * sizeof(double));
	int rc = x && y && period ? 0 : jx__oom();
	for (size_t i = 0; i < s->nind; i++) {
		if (rc == 0 && s->ind[i].window_deducted >= s->min_departments &&
		    (rc = test_share(&s->ind[i], ov, x, y, period)) == 0) {
			s->ind[i].present_latest = s->ind[i].present[ov->nyears - 1];
			s->ind[i].deducted_latest = s->ind[i].deducted[ov->nyears - 1];
			s->ind[kept++] = s->ind[i];
		} else
			jx__ov_indicator_free(&s->ind[i]);
	}
	s->nind = 0;
	jx__sort(s->ind, kept, sizeof(*s->ind), cmp_indicator);
	ov->indicators = s->ind;
	ov->nindicators = kept;
	s->ind = NULL;
	if (rc == 0)
		rc = decide(ov->indicators, kept, ov->o.alpha);
	free(x);
	free(y);
	free(period);
	return rc;
}
