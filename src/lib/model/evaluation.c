/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evaluation.c -- one evaluation in memory: its indicator rows, warnings and sums. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/internal.h"

jx_evaluation *jx_evaluation_new(const char *department, int year, jx_kind kind)
{
	jx_evaluation *ev = calloc(1, sizeof(*ev));
	if (!ev)
		return NULL;
	ev->department = jx_strip_invisible(department);
	if (!ev->department) {
		free(ev);
		return NULL;
	}
	ev->year = year;
	ev->kind = kind;
	ev->total_weight = NAN;
	ev->total_score = NAN;
	ev->self_score = NAN;
	ev->provenance = JX_PROV_REAL;
	return ev;
}

static void row_free(jx_indicator *r)
{
	free(r->level1);
	free(r->level2);
	free(r->level3);
	free(r->explanation);
	free(r->key);
	free(r->target);
	free(r->actual);
	free(r->reason);
}

void jx_evaluation_free(jx_evaluation *ev)
{
	size_t i;
	if (!ev)
		return;
	for (i = 0; i < ev->nrows; i++)
		row_free(&ev->rows[i]);
	for (i = 0; i < ev->nwarnings; i++)
		free(ev->warnings[i].message);
	free(ev->rows);
	free(ev->warnings);
	free(ev->department);
	free(ev->project);
	free(ev->supervisor);
	free(ev->implementer);
	free(ev->goal);
	free(ev->outcome);
	free(ev->problems);
	free(ev->functions);
	free(ev->staffing);
	free(ev->suggestions);
	free(ev->conclusion);
	free(ev->reading);
	free(ev);
}

jx_indicator *jx_evaluation_add_row(jx_evaluation *ev, const char *level1, const char *level2,
				    const char *level3, const char *explanation, double weight,
				    double score, jx_origin origin, int line)
{
	jx_indicator r;
	memset(&r, 0, sizeof(r));
	if (jx__grow((void **)&ev->rows, &ev->rows_cap, ev->nrows + 1, sizeof(*ev->rows)) != 0)
		return NULL;
	r.level1 = jx_strip_invisible(level1); /* names: no look-alikes (text.h) */
	r.level2 = jx_strip_invisible(level2);
	r.level3 = jx_strip_invisible(level3);
	r.explanation = jx__strdup(explanation ? explanation : "");
	r.key = jx_key_make(r.level1 ? r.level1 : "", r.level2 ? r.level2 : "",
			    r.level3 ? r.level3 : "");
	if (!r.level1 || !r.level2 || !r.level3 || !r.explanation || !r.key) {
		row_free(&r);
		jx__oom();
		return NULL;
	}
	r.level1_weight = NAN;
	r.target_q.value = r.actual_q.value = NAN;
	r.weight = weight;
	r.score = origin == JX_ORIGIN_MISSING ? NAN : score;
	r.origin = origin;
	r.line = line;
	ev->rows[ev->nrows] = r;
	return &ev->rows[ev->nrows++];
}

int jx_evaluation_warn(jx_evaluation *ev, int line, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];
	char *msg;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (jx__grow((void **)&ev->warnings, &ev->warnings_cap, ev->nwarnings + 1,
		     sizeof(*ev->warnings)) != 0)
		return JX_ENOMEM;
	msg = jx__strdup(buf);
	if (!msg)
		return jx__oom();
	ev->warnings[ev->nwarnings].line = line;
	ev->warnings[ev->nwarnings].message = msg;
	ev->nwarnings++;
	return 0;
}

double jx_evaluation_weight_sum(const jx_evaluation *ev)
{
	double s = 0;
	size_t i;
	for (i = 0; i < ev->nrows; i++)
		s += ev->rows[i].weight;
	return s;
}

double jx_evaluation_score_sum(const jx_evaluation *ev)
{
	double s = 0;
	size_t i;
	for (i = 0; i < ev->nrows; i++)
		if (!isnan(ev->rows[i].score))
			s += ev->rows[i].score;
	return s;
}
