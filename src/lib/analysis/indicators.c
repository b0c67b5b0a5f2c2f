/* SPDX-License-Identifier: GPL-3.0-or-later */
/* indicators.c -- a department's level-3 keys across its years, and rename suggestions
 * for the keys that are missing from some years (`jixiao indicators`). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/internal.h"

typedef struct {
	const char *key, *level1, *level2, *level3;
	unsigned char *present; /* per year index */
	int n;
} key_info;

static void years_text(char *buf, size_t size, const jx_series *sr, const unsigned char *present)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sr->nyears; i++) {
		size_t j = i;
		if (!present[i])
			continue;
		while (j + 1 < sr->nyears && present[j + 1] &&
		       sr->years[j + 1].year == sr->years[j].year + 1)
			j++;
		if (j > i)
			len += (size_t)snprintf(buf + len, size - len, "%s%d-%d", len ? "," : "",
						sr->years[i].year, sr->years[j].year);
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%d", len ? "," : "",
						sr->years[i].year);
		if (len >= size)
			return;
		i = j;
	}
}

int jx_indicators_add(jx_table *t, const jx_series *sr, int unmatched)
{
	key_info *k = calloc(sr->nrows ? sr->nrows : 1, sizeof(*k));
	size_t nk = 0, yi = 0;
	char years[512];
	if (!k)
		return jx__oom();
	for (size_t r = 0; r < sr->nrows; r++) {
		const jx_score_row *row = &sr->rows[r];
		size_t i;
		while (sr->years[yi].year != row->year)
			yi++;
		for (i = 0; i < nk && strcmp(k[i].key, row->key); i++)
			;
		if (i == nk) {
			k[nk].key = row->key;
			if (!(k[nk].present = calloc(sr->nyears, 1)))
				break;
			nk++;
		}
		k[i].level1 = row->level1, k[i].level2 = row->level2, k[i].level3 = row->level3;
		if (!k[i].present[yi])
			k[i].present[yi] = 1, k[i].n++;
	}
	for (size_t i = 0; i < nk; i++) {
		size_t best = (size_t)-1, bestd = (size_t)-1;
		if (unmatched && k[i].n == (int)sr->nyears)
			continue;
		jx_table_add_row(t);
		jx_table_set_text(t, 0, sr->department);
		jx_table_set_text(t, 1, k[i].key);
		jx_table_set_text(t, 2, k[i].level3);
		years_text(years, sizeof(years), sr, k[i].present);
		jx_table_set_text(t, 3, years);
		jx_table_set_int(t, 4, k[i].n);
		if (!unmatched)
			continue;
		for (size_t j = 0; j < nk; j++) {
			size_t d;
			if (j == i)
				continue;
			d = jx_levenshtein(k[i].key, k[j].key);
			if (d < bestd)
				bestd = d, best = j;
		}
		if (best != (size_t)-1) {
			jx_table_set_text(t, 5, k[best].key);
			jx_table_set_int(t, 6, (long long)bestd);
		}
	}
	for (size_t i = 0; i < nk; i++)
		free(k[i].present);
	free(k);
	return 0;
}

int jx_indicators_table_new(jx_table **out, int unmatched)
{
	jx_table *t = jx_table_new();
	*out = NULL;
	if (!t)
		return jx__oom();
	jx_table_add_column(t, "department", "部门", JX_COL_TEXT, 0);
	jx_table_add_column(t, "key", "指标键", JX_COL_TEXT, 0);
	jx_table_add_column(t, "level3", "三级指标", JX_COL_TEXT, 0);
	jx_table_add_column(t, "years", "年度", JX_COL_TEXT, 0);
	jx_table_add_column(t, "n_years", "年数", JX_COL_INT, 0);
	if (unmatched) {
		jx_table_add_column(t, "suggestion", "最接近的指标", JX_COL_TEXT, 0);
		jx_table_add_column(t, "distance", "编辑距离", JX_COL_INT, 0);
	}
	*out = t;
	return 0;
}

int jx_indicators_collect(jx_table **out, jx_store *st, const char *department, jx_kind kind,
			  int unmatched)
{
	char **depts = NULL;
	size_t nd = 0;
	jx_table *t = NULL;
	int rc;
	*out = NULL;
	if (department) {
		if (!(depts = calloc(1, sizeof(*depts))) || !(depts[0] = strdup(department))) {
			free(depts);
			return jx__error(JX_ENOMEM, "out of memory");
		}
		nd = 1;
	} else if ((rc = jx_store_departments(st, &depts, &nd)) != 0)
		return rc;
	if ((rc = jx_indicators_table_new(&t, unmatched)) != 0)
		goto out;
	for (size_t i = 0; i < nd; i++) {
		jx_series *sr = NULL;
		rc = jx_store_series(st, &sr, depts[i], kind, 0, 0);
		if (rc == JX_ENOTFOUND && !department) {
			jx_error_clear();
			rc = 0;
			continue;
		}
		if (rc == 0)
			rc = jx_indicators_add(t, sr, unmatched);
		jx_series_free(sr);
		if (rc)
			goto out;
	}
	*out = t;
	t = NULL;
out:
	jx_table_free(t);
	jx_strings_free(depts, nd);
	return rc;
}
