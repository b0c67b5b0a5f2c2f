/* model.c -- construction and destruction of evaluations, figures and batches. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

jx_evaluation *jx_evaluation_new(const char *department, int year, jx_kind kind)
{
	jx_evaluation *ev = calloc(1, sizeof(*ev));
	if (!ev)
		return NULL;
	ev->department = jx__strdup(department ? department : "");
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
	free(ev->problems);
	free(ev->suggestions);
	free(ev->conclusion);
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
	r.level1 = jx__strdup(level1 ? level1 : "");
	r.level2 = jx__strdup(level2 ? level2 : "");
	r.level3 = jx__strdup(level3 ? level3 : "");
	r.explanation = jx__strdup(explanation ? explanation : "");
	r.key = jx_key_make(r.level1 ? r.level1 : "", r.level2 ? r.level2 : "",
			    r.level3 ? r.level3 : "");
	if (!r.level1 || !r.level2 || !r.level3 || !r.explanation || !r.key) {
		row_free(&r);
		jx__oom();
		return NULL;
	}
	r.level1_weight = NAN;
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

/* ---- figures ---- */

static const char *const figure_items[] = {
	"budget_total", "budget_basic", "budget_project",
	"income_total", "income_fiscal", "income_other",
	"expenditure_total", "expenditure_basic", "expenditure_project",
	"special_funds", "staff_in_post", "staff_retired", "auxiliary_staff",
	"vehicles_quota", "vehicles_actual", "self_score", NULL
};

const char *const *jx_figure_items(void) { return figure_items; }

const char *jx_figure_unit(const char *item)
{
	if (!item)
		return NULL;
	if (!strncmp(item, "staff_", 6) || !strcmp(item, "auxiliary_staff"))
		return "人";
	if (!strncmp(item, "vehicles_", 9))
		return "辆";
	if (!strcmp(item, "self_score"))
		return "分";
	for (size_t i = 0; figure_items[i]; i++)
		if (!strcmp(figure_items[i], item))
			return "万元";
	return NULL;
}

static int figure_index(const char *item)
{
	for (int i = 0; figure_items[i]; i++)
		if (!strcmp(figure_items[i], item))
			return i;
	return -1;
}

jx_figures *jx_figures_new(const char *department, int year)
{
	jx_figures *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->department = jx__strdup(department ? department : "");
	if (!f->department) {
		free(f);
		return NULL;
	}
	f->year = year;
	f->provenance = JX_PROV_REAL;
	return f;
}

void jx_figures_free(jx_figures *f)
{
	size_t i;
	if (!f)
		return;
	for (i = 0; i < f->nitems; i++)
		free(f->items[i].item);
	free(f->items);
	free(f->department);
	free(f);
}

int jx_figures_set(jx_figures *f, const char *item, int64_t cents, int line)
{
	size_t i, at;
	int idx = figure_index(item);
	if (idx < 0)
		return jx__error(JX_EINVAL, "unknown figure item '%s'", item);
	for (i = 0; i < f->nitems; i++)
		if (!strcmp(f->items[i].item, item)) {
			f->items[i].cents = cents;
			f->items[i].line = line;
			return 0;
		}
	if (jx__grow((void **)&f->items, &f->items_cap, f->nitems + 1, sizeof(*f->items)) != 0)
		return JX_ENOMEM;
	/* keep items in canonical order so that output is stable */
	for (at = 0; at < f->nitems && figure_index(f->items[at].item) < idx; at++)
		;
	memmove(&f->items[at + 1], &f->items[at], (f->nitems - at) * sizeof(*f->items));
	f->items[at].item = jx__strdup(item);
	if (!f->items[at].item) {
		memmove(&f->items[at], &f->items[at + 1], (f->nitems - at) * sizeof(*f->items));
		return jx__oom();
	}
	f->items[at].cents = cents;
	f->items[at].line = line;
	f->nitems++;
	return 0;
}

int jx_figures_get(const jx_figures *f, const char *item, int64_t *cents)
{
	for (size_t i = 0; f && i < f->nitems; i++)
		if (!strcmp(f->items[i].item, item)) {
			if (cents)
				*cents = f->items[i].cents;
			return 1;
		}
	return 0;
}

/* ---- batches ---- */

jx_batch *jx_batch_new(const char *source_name)
{
	jx_batch *b = calloc(1, sizeof(*b));
	if (!b)
		return NULL;
	b->source_name = jx__strdup(source_name ? source_name : "");
	if (!b->source_name) {
		free(b);
		return NULL;
	}
	return b;
}

void jx_batch_free(jx_batch *b)
{
	size_t i;
	if (!b)
		return;
	for (i = 0; i < b->nevals; i++)
		jx_evaluation_free(b->evals[i]);
	for (i = 0; i < b->nfigs; i++)
		jx_figures_free(b->figs[i]);
	free(b->evals);
	free(b->figs);
	free(b->source_name);
	free(b);
}

int jx_batch_add_evaluation(jx_batch *b, jx_evaluation *ev)
{
	if (jx__grow((void **)&b->evals, &b->evals_cap, b->nevals + 1, sizeof(*b->evals)) != 0)
		return JX_ENOMEM;
	b->evals[b->nevals++] = ev;
	return 0;
}

int jx_batch_add_figures(jx_batch *b, jx_figures *f)
{
	if (jx__grow((void **)&b->figs, &b->figs_cap, b->nfigs + 1, sizeof(*b->figs)) != 0)
		return JX_ENOMEM;
	b->figs[b->nfigs++] = f;
	return 0;
}

/* ---- names ---- */

static const char *const kind_names[] = {"self", "review"};
static const char *const origin_names[] = {"stated", "inferred", "missing"};
static const char *const provenance_names[] = {"real", "synthetic"};

static int name_lookup(const char *const *names, int n, const char *s, int *out)
{
	for (int i = 0; s && i < n; i++)
		if (!strcmp(names[i], s)) {
			*out = i;
			return 0;
		}
	return JX_EINVAL;
}

const char *jx_kind_name(jx_kind k) { return (unsigned)k < 2 ? kind_names[k] : "?"; }
const char *jx_origin_name(jx_origin o) { return (unsigned)o < 3 ? origin_names[o] : "?"; }
const char *jx_provenance_name(jx_provenance p)
{
	return (unsigned)p < 2 ? provenance_names[p] : "?";
}

int jx_kind_parse(const char *s, jx_kind *out)
{
	int v;
	if (name_lookup(kind_names, 2, s, &v))
		return jx__error(JX_EINVAL, "kind must be 'self' or 'review', not '%s'", s ? s : "");
	*out = (jx_kind)v;
	return 0;
}

int jx_origin_parse(const char *s, jx_origin *out)
{
	int v;
	if (name_lookup(origin_names, 3, s, &v))
		return jx__error(JX_EINVAL, "score_origin must be stated, inferred or missing, not '%s'",
				 s ? s : "");
	*out = (jx_origin)v;
	return 0;
}

int jx_provenance_parse(const char *s, jx_provenance *out)
{
	int v;
	if (name_lookup(provenance_names, 2, s, &v))
		return jx__error(JX_EINVAL, "provenance must be 'real' or 'synthetic', not '%s'",
				 s ? s : "");
	*out = (jx_provenance)v;
	return 0;
}
