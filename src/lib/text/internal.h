/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text/internal.h -- what the text module's files share; not part of the API. */
#ifndef JX_TEXT_INTERNAL_H
#define JX_TEXT_INTERNAL_H

#include "base/internal.h"
#include "jixiao/text.h"

/** Full-width ASCII (U+FF01..U+FF5E) to ASCII, the ideographic space U+3000
 *  and the no-break space U+00A0 to ' '; every other code point unchanged. */
unsigned jx__fold_cp(unsigned cp);
/** 1 for the spaces of a line of a document: ' ', '\t', U+3000, U+00A0. */
int jx__is_space_cp(unsigned cp);

/** What a jx__text_map map returns to drop a code point. */
#define JX__DROP 0xFFFFFFFFu
/**
 * Copy of s[0..len) with each code point replaced by map(cp): JX__DROP drops
 * it, cp itself keeps its bytes as they were (bad bytes come to map as
 * jx__utf8_next gives them), anything else is written as UTF-8. NULL on
 * ENOMEM (not recorded).
 */
char *jx__text_map(const char *s, size_t len, unsigned (*map)(unsigned cp));
/** jx__text_map with jx__fold_cp: full-width forms and spaces folded. */
char *jx__fold_copy(const char *s, size_t len);

/** 1 when s is [+-]?digits[.digits] (ASCII; no spaces, no exponent), else 0. */
int jx__is_decimal(const char *s);

/**
 * Exactly jx_number_format's text of v (same bytes for every double), but
 * whole numbers and numbers of one or two decimals -- most scores, weights
 * and counts -- skip its printf/strtod round trip. Used where millions of
 * numbers are formatted: tables and the import's content hash.
 */
void jx__number_text(char *buf, size_t size, double v);

/** Bytes in encoding from (an iconv name) appended to out as UTF-8. JX_EPARSE when
 *  they are not valid in it (*bad: the offset), JX_EIO when iconv lacks it. */
int jx__text_convert(jx__buf *out, const char *from, const char *data, size_t len, size_t *bad);

/** v as a spreadsheet shows it: 15 significant digits, so that a binary double's
 *  noise goes (0.89999999999999991 is "0.9"); C locale, never "-0". */
void jx__number_shown(char *buf, size_t size, double v);
/** A number as a spreadsheet stores it ("0.9", "1.5E-3"), C locale: 0, or -1 when s
 *  is not one or out of range. */
int jx__number_read(const char *s, double *out);

/** Append s to b as one CSV field, quoted as jx_csv_write_field quotes it. */
void jx__csv_field(jx__buf *b, const char *s, int formula_safe);
/** 1 when s is written into CSV as it is (no quotes: the rule of jx__csv_field), with its
 *  length in *len; 0 when it needs quotes. One scan. */
int jx__csv_plain(const char *s, size_t *len);
/** Remove invisible and direction characters (jx_strip_invisible) from s[0..len) in place;
 *  returns the new length (s NUL-terminated there when it shrank). */
size_t jx__strip_invisible_n(char *s, size_t len);

#endif
