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
		return jx__error(JX_EINVAL, "kind must be 'self' or 'review', not '%s'",
				 s ? s : "");
	*out = (jx_kind)v;
	return 0;
}

int jx_origin_parse(const char *s, jx_origin *out)
{
	int v;
	if (name_lookup(origin_names, 3, s, &v))
		return jx__error(JX_EINVAL,
				 "score_origin must be stated, inferred or missing, not '%s'",
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

const char *jx_kind_label(jx_kind k, jx_lang lang)
{
	static const char *const zh[] = {"自评", "财政复核"};
	static const char *const en[] = {"self-evaluation", "finance-bureau review"};
	return (unsigned)k < 2 ? (lang == JX_LANG_EN ? en : zh)[k] : "?";
}

const char *jx_provenance_label(jx_provenance p, jx_lang lang)
{
	static const char *const zh[] = {"真实", "合成"};
	static const char *const en[] = {"real", "synthetic"};
	return (unsigned)p < 2 ? (lang == JX_LANG_EN ? en : zh)[p] : "?";
}
