/* SPDX-License-Identifier: GPL-3.0-or-later */
/* names.c -- the enumerated codes of the model (kind, origin, provenance): their
 * stable English codes, parsing, and labels for people. */
#include <string.h>
#include "model/internal.h"

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

const char *jx_kind_name(jx_kind k)
{
	return (unsigned)k < 2 ? kind_names[k] : "?";
}
const char *jx_origin_name(jx_origin o)
{
	return (unsigned)o < 3 ? origin_names[o] : "?";
}
const char *jx_provenance_name(jx_provenance p)
{
	return (unsigned)p < 2 ? provenance_names[p] : "?";
}

int jx_kind_parse(const char *s, jx_kind *out)
{
	int v;
	if (name_lookup(kind_names, 2, s, &v))
		return jx__error(JX_EINVAL, _("kind must be 'self' or 'review', not '%s'"),
				 s ? s : "");
	*out = (jx_kind)v;
	return 0;
}

int jx_origin_parse(const char *s, jx_origin *out)
{
	int v;
	if (name_lookup(origin_names, 3, s, &v))
		return jx__error(JX_EINVAL,
				 _("score_origin must be stated, inferred or missing, not '%s'"),
				 s ? s : "");
	*out = (jx_origin)v;
	return 0;
}

int jx_provenance_parse(const char *s, jx_provenance *out)
{
	int v;
	if (name_lookup(provenance_names, 2, s, &v))
		return jx__error(JX_EINVAL, _("provenance must be 'real' or 'synthetic', not '%s'"),
				 s ? s : "");
	*out = (jx_provenance)v;
	return 0;
}

const char *jx_kind_label(jx_kind k)
{
	static const char *const labels[] = {N_("self-evaluation"), N_("finance-bureau review")};
	return (unsigned)k < 2 ? _(labels[k]) : "?";
}

const char *jx_provenance_label(jx_provenance p)
{
	/* TRANSLATORS: the provenance of data: real, or made by jixiao-synth */
	static const char *const labels[] = {N_("real"), N_("synthetic")};
	return (unsigned)p < 2 ? _(labels[p]) : "?";
}

const char *jx_origin_label(jx_origin o)
{
	/* TRANSLATORS: where a score comes from: stated in the report, inferred, missing */
	static const char *const labels[] = {N_("stated"), N_("inferred"), N_("missing")};
	return (unsigned)o < 3 ? _(labels[o]) : "?";
}

/* The grade names of the default bands (docs/schema.md) in the current language; other
 * names are the user's own and come back as they are. */
const char *jx_grade_label(const char *name)
{
	static const char *const zh[] = {"优", "良", "中", "差"};
	static const char *const labels[] = {N_("excellent"), N_("good"), N_("fair"), N_("poor")};
	for (size_t i = 0; name && i < sizeof(zh) / sizeof(*zh); i++)
		if (!strcmp(name, zh[i]))
			return _(labels[i]);
	return name;
}
