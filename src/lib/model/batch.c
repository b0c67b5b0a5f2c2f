/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch.c -- what one input file holds: evaluations and figure sets. */
#include <stdlib.h>
#include "model/internal.h"

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

void jx_alias_pairs_free(jx_alias_pair *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].old_key);
		free(v[i].new_key);
	}
	free(v);
}
