/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grades.c -- grade bands (优/良/中/差 by default) and the grade of a total. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

static const jx_grade_band default_bands[] = {{"优", 90}, {"良", 80}, {"中", 60}, {"差", 0}};

static int band_cmp(const void *a, const void *b)
{
	double x = ((const jx_grade_band *)a)->min_score, y = ((const jx_grade_band *)b)->min_score;
	return x < y ? 1 : x > y ? -1 : 0;
}

int jx__store_bands(sqlite3 *db, jx_grade_band *out, size_t cap, size_t *n)
{
	sqlite3_stmt *st;
	int rc;
	*n = 0;
	if ((rc = jx__prepare(db, &st,
			      "SELECT grade, min_score FROM grade_band"
			      " ORDER BY min_score DESC")) != 0)
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW && *n < cap) {
		snprintf(out[*n].grade, sizeof(out[*n].grade), "%s", sqlite3_column_text(st, 0));
		out[*n].min_score = sqlite3_column_double(st, 1);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (*n == 0)
		for (size_t i = 0; i < 4 && i < cap; i++)
			out[(*n)++] = default_bands[i];
	return 0;
}

int jx_store_grade_bands(jx_store *s, jx_grade_band *out, size_t cap, size_t *n)
{
	return jx__store_bands(s->db, out, cap, n);
}

const char *jx_grade_of(const jx_grade_band *bands, size_t n, double score, double total_weight)
{
	double pct = total_weight > 0 ? score / total_weight * 100.0 : NAN;
	if (isnan(pct) || n == 0)
		return "";
	for (size_t i = 0; i < n; i++)
		if (pct + 1e-9 >= bands[i].min_score)
			return bands[i].grade;
	return bands[n - 1].grade;
}

/* The bands as given must be strictly ordered by minimum, highest first (优=90 良=80 ...) or
 * lowest first, and name each grade once: a band out of order is a typo, not a wish. */
static int check_order(const jx_grade_band *b, size_t n)
{
	int dir = n > 1 && b[n - 1].min_score > b[0].min_score ? 1 : -1; /* from the ends */
	for (size_t i = 1; i < n; i++) {
		if (dir * (b[i].min_score - b[i - 1].min_score) <= 0)
			return jx__error(
				JX_EINVAL,
				_("grade bands are not strictly ordered: %s=%g after %s=%g "
				  "(give them from the highest minimum to the lowest)"),
				b[i].grade, b[i].min_score, b[i - 1].grade, b[i - 1].min_score);
		for (size_t k = 0; k < i; k++)
			if (!strcmp(b[i].grade, b[k].grade))
				return jx__error(JX_EINVAL, _("grade %s is given twice"),
						 b[i].grade);
	}
	return 0;
}

int jx_store_set_grade_bands(jx_store *s, const jx_grade_band *bands, size_t n)
{
	jx_grade_band sorted[16];
	sqlite3_stmt *ins = NULL, *sel = NULL, *upd = NULL;
	int rc;
	if (n == 0 || n > 16)
		return jx__error(JX_EINVAL, _("give between 1 and 16 grade bands"));
	if ((rc = check_order(bands, n)) != 0)
		return rc;
	memcpy(sorted, bands, n * sizeof(*bands));
	jx__sort(sorted, n, sizeof(*sorted), band_cmp);
	for (size_t i = 0; i < n; i++) {
		if (!sorted[i].grade[0] || sorted[i].min_score < 0 || sorted[i].min_score > 100)
			return jx__error(JX_EINVAL,
					 _("a grade band needs a name and a minimum in 0..100"));
		if (i && sorted[i].min_score == sorted[i - 1].min_score)
			return jx__error(JX_EINVAL, _("two grade bands start at the same score"));
	}
	if (sorted[n - 1].min_score != 0)
		return jx__error(JX_EINVAL, _("the lowest grade band must start at 0"));
	if ((rc = jx__exec(s->db, "BEGIN IMMEDIATE")) != 0)
		return rc;
	if ((rc = jx__exec(s->db, "DELETE FROM grade_band")) ||
	    (rc = jx__prepare(s->db, &ins,
			      "INSERT INTO grade_band(grade, min_score) VALUES (?1, ?2)")))
		goto out;
	for (size_t i = 0; i < n && !rc; i++) {
		jx__bind_text(ins, 1, sorted[i].grade);
		sqlite3_bind_double(ins, 2, sorted[i].min_score);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = jx__db_error(s->db, "storing grade bands");
		sqlite3_reset(ins);
	}
	if (rc ||
	    (rc = jx__prepare(
		     s->db, &sel,
		     "SELECT id, total_score, total_weight, scored_weight FROM evaluation")) ||
	    (rc = jx__prepare(s->db, &upd, "UPDATE evaluation SET grade = ?2 WHERE id = ?1")))
		goto out;
	while (sqlite3_step(sel) == SQLITE_ROW && !rc) {
		double tw = sqlite3_column_double(sel, 2);
		sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
		jx__bind_text(upd, 2,
			      sqlite3_column_double(sel, 3) < tw - 1e-9
				      ? "" /* a missing score: the total is unknown */
				      : jx_grade_of(sorted, n, sqlite3_column_double(sel, 1), tw));
		if (sqlite3_step(upd) != SQLITE_DONE)
			rc = jx__db_error(s->db, "updating grades");
		sqlite3_reset(upd);
	}
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	if (rc == 0)
		rc = jx__exec(s->db, "COMMIT");
	if (rc)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
