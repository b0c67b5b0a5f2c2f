/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text/internal.h -- what the text module's files share; not part of the API. */
#ifndef JX_TEXT_INTERNAL_H
#define JX_TEXT_INTERNAL_H

#include "base/internal.h"
#include "jixiao/text.h"

/** Copy of s with full-width ASCII folded to half-width and U+3000 to a space
 *  (for numbers and weight suffixes). NULL on ENOMEM. */
char *jx__fold_copy(const char *s);

/**
 * Exactly jx_number_format's text of v (same bytes for every double), but
 * whole numbers and numbers of one or two decimals -- most scores, weights
 * and counts -- skip its printf/strtod round trip. Used where millions of
 * numbers are formatted: tables and the import's content hash.
 */
void jx__number_text(char *buf, size_t size, double v);

/** Append s to b as one CSV field, quoted as jx_csv_write_field quotes it. */
void jx__csv_field(jx__buf *b, const char *s, int formula_safe);

#endif
