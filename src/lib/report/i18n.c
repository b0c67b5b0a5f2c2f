/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.c -- the report's texts in Chinese (the default) and English.
 *
 * The texts themselves are in strings.def, one RP_T(key, zh, en) line
 * each, so that a key cannot exist in one language only. */
#include "report/internal.h"

static const char *const texts[T__COUNT][2] = {
#define RP_T(key, zh, en) [key] = {zh, en},
#include "report/strings.def"
#undef RP_T
};

const char *rp_tr(jx_lang lang, rp_text key)
{
	if ((unsigned)key >= T__COUNT)
		return "";
	return texts[key][lang == JX_LANG_EN ? 1 : 0];
}

const char *rp_kind(jx_lang lang, jx_kind k)
{
	return jx_kind_label(k, lang);
}

const char *rp_provenance(jx_lang lang, jx_provenance p)
{
	return jx_provenance_label(p, lang);
}

const char *rp_direction(jx_lang lang, jx_direction dir)
{
	switch (dir) {
	case JX_DIR_FLAT: return rp_tr(lang, T_DIR_FLAT);
	case JX_DIR_RISING: return rp_tr(lang, T_DIR_RISING);
	case JX_DIR_FALLING: return rp_tr(lang, T_DIR_FALLING);
	default: return rp_tr(lang, T_DIR_FEW);
	}
}

const char *rp_status(jx_lang lang, jx_compare_status st)
{
	return jx_compare_status_label(st, lang);
}

const char *rp_chart_title(jx_lang lang, jx_chart c)
{
	static const rp_text keys[] = {T_CAP_TOTAL,  T_CAP_CATEGORIES, T_CAP_HEATMAP,
				       T_CAP_PARETO, T_CAP_WEAK,       T_CAP_FIGURES,
				       T_CAP_RANK,   T_CAP_PROJECTS};
	return (unsigned)c < sizeof(keys) / sizeof(*keys) ? rp_tr(lang, keys[c]) : "";
}

const char *rp_rule_label(jx_lang lang, jx_rule rule)
{
	static const rp_text keys[] = {T_R1, T_R2, T_R3, T_R4,  T_R5,  T_R6,
				       T_R7, T_R8, T_R9, T_R10, T_R11, T_R12};
	unsigned i = (unsigned)rule - 1;
	return i < sizeof(keys) / sizeof(*keys) ? rp_tr(lang, keys[i]) : "";
}
