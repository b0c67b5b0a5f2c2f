/* SPDX-License-Identifier: GPL-3.0-or-later */
/* font.c -- find a font family with Chinese glyphs through fontconfig.
 *
 * Asks fontconfig for the best sans-serif match for language zh-cn and
 * keeps it only when it really covers the characters charts use (a match
 * always returns something, often a Latin font). gnuplot's cairo terminals
 * resolve the family name through fontconfig again; the SVG terminal
 * writes it into font-family.
 */
#include <fontconfig/fontconfig.h>
#include <string.h>
#include <threads.h>
#include "plot/internal.h"

static char found_family[256];
static once_flag looked_up = ONCE_FLAG_INIT;

/* Characters every chart shows: 绩效部门得分率年度预算 */
static const FcChar32 probe[] = {0x7ee9, 0x6548, 0x90e8, 0x95e8, 0x5f97, 0x5206,
				 0x7387, 0x5e74, 0x5ea6, 0x9884, 0x7b97};

static int covers_chinese(FcPattern *font)
{
	FcCharSet *cs = NULL;
	size_t i;
	if (FcPatternGetCharSet(font, FC_CHARSET, 0, &cs) != FcResultMatch || !cs)
		return 0;
	for (i = 0; i < sizeof(probe) / sizeof(probe[0]); i++)
		if (!FcCharSetHasChar(cs, probe[i]))
			return 0;
	return 1;
}

static void lookup(void)
{
	FcConfig *cfg = FcInitLoadConfigAndFonts();
	FcPattern *pat = NULL, *font = NULL;
	FcResult res;
	FcChar8 *family = NULL;
	if (!cfg)
		return;
	pat = FcNameParse((const FcChar8 *)"sans-serif:lang=zh-cn");
	if (!pat)
		goto out;
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	font = FcFontMatch(cfg, pat, &res);
	if (font && covers_chinese(font) &&
	    FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch && family &&
	    strlen((const char *)family) < sizeof(found_family))
		strcpy(found_family, (const char *)family);
out:
	if (font)
		FcPatternDestroy(font);
	if (pat)
		FcPatternDestroy(pat);
	FcConfigDestroy(cfg);
}

const char *jx_plot_cjk_font(void)
{
	call_once(&looked_up, lookup);
	return found_family[0] ? found_family : NULL;
}
