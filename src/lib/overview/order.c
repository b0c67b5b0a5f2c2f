/* SPDX-License-Identifier: GPL-3.0-or-later */
/* order.c -- the views' names and the order of departments (`--sort`). */
#include <math.h>
#include <string.h>
#include "overview/internal.h"

int jx_overview_view_parse(const char *s, jx_overview_view *out)
{
	static const char *const names[] = {"matrix", "weak",     "gap",
					    "movers", "warnings", "distribution"};
	for (size_t i = 0; s && i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(s, names[i])) {
			*out = (jx_overview_view)i;
			return 0;
		}
	return jx__error(JX_EINVAL,
			 _("unknown view '%s' (matrix, weak, gap, movers, warnings, distribution)"),
			 s ? s : "");
}

int jx_overview_sort_parse(const char *s, jx_overview_sort *out)
{
	static const char *const names[] = {"department", "rate", "change", "rank"};
	for (size_t i = 0; s && i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(s, names[i])) {
			*out = (jx_overview_sort)i;
			return 0;
		}
	return jx__error(JX_EINVAL, _("unknown sort '%s' (department, rate, change, rank)"),
			 s ? s : "");
}

/* Sort key of a department: its latest cell with a known rate. */
typedef struct {
	size_t dept;
	const jx_overview_cell *latest; /* NULL: no known rate */
	jx_overview_sort sort;
} order_key;

static double key_value(const order_key *k)
{
	switch (k->sort) {
	case JX_OV_SORT_RATE: return -k->latest->rate;
	case JX_OV_SORT_CHANGE: return k->latest->change_pp;
	case JX_OV_SORT_RANK: return k->latest->rank ? (double)k->latest->rank : NAN;
	default: return 0;
	}
}

/* Known first by value, then by name (the names are in ascending order: dept index). */
static int cmp_key(const void *pa, const void *pb)
{
	const order_key *a = pa, *b = pb;
	double va = a->latest ? key_value(a) : NAN, vb = b->latest ? key_value(b) : NAN;
	if (isnan(va) != isnan(vb))
		return isnan(va) ? 1 : -1;
	if (!isnan(va) && va != vb)
		return va < vb ? -1 : 1;
	return (a->dept > b->dept) - (a->dept < b->dept);
}

int jx_overview_order(size_t **out, const jx_overview *ov, jx_overview_sort sort)
{
	order_key *k = calloc(ov->ndepartments ? ov->ndepartments : 1, sizeof(*k));
	size_t *v = malloc((ov->ndepartments ? ov->ndepartments : 1) * sizeof(*v));
	*out = NULL;
	if (!k || !v) {
		free(k);
		free(v);
		return jx__oom();
	}
	for (size_t d = 0; d < ov->ndepartments; d++)
		k[d] = (order_key){d, NULL, sort};
	for (size_t i = 0; i < ov->ncells; i++)
		if (!isnan(ov->cells[i].rate))
			k[ov->cells[i].dept].latest = &ov->cells[i];
	jx__sort(k, ov->ndepartments, sizeof(*k), cmp_key);
	for (size_t d = 0; d < ov->ndepartments; d++)
		v[d] = k[d].dept;
	free(k);
	*out = v;
	return 0;
}
