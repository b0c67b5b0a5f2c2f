/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h -- text handling shared by every module: encodings, names, numbers, widths. */
#ifndef JIXIAO_TEXT_H
#define JIXIAO_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	JX_ENC_AUTO = 0, /**< UTF-16 with a BOM; else UTF-8 (BOM or not) if valid, else GB18030 if
			    valid, else refuse */
	JX_ENC_UTF8 = 1,
	JX_ENC_GB18030 = 2,
	JX_ENC_UTF16 = 3 /**< UTF-16: the BOM says LE or BE; without one, LE */
} jx_encoding;

/**
 * Decode a file's bytes into UTF-8 with "\n" line ends (CRLF and lone CR
 * folded), BOM removed. A file starting with a UTF-16 byte-order mark is
 * UTF-16 whatever enc says. A NUL byte, or bytes valid in neither encoding,
 * give JX_EPARSE with "name:line: ..." in the error message.
 * *out (NUL-terminated, *out_len bytes) is the caller's, freed with free().
 * *detected (may be NULL) says which encoding was used.
 */
JX_API int jx_text_decode(char **out, size_t *out_len, jx_encoding *detected, const char *name,
			  const char *data, size_t len, jx_encoding enc);

/** Parse "auto", "utf-8"/"utf8", "gb18030"/"gbk", "utf-16"/"utf16". 0 or JX_EINVAL. */
JX_API int jx_encoding_parse(const char *s, jx_encoding *out);

/** 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates), else 0; *bad_offset set on failure. */
JX_API int jx_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/**
 * Normalise a name for matching: full-width ASCII folded to half-width,
 * ideographic space folded, all white space and quote marks removed, ASCII
 * lower-cased, a trailing weight suffix such as "(20分)" removed.
 * Returns a new string (free()), or NULL on ENOMEM.
 */
JX_API char *jx_name_normalize(const char *name);

/**
 * A copy of s without invisible or direction-changing characters (U+200B-U+200F,
 * U+202A-U+202E, U+2066-U+2069, U+FEFF), which web pages and Word files carry
 * innocently and which would make two names look alike but differ. Every name
 * read into an evaluation or figure set goes through it (the model's
 * constructors). New string (free()); NULL on ENOMEM. s NULL counts as "".
 */
JX_API char *jx_strip_invisible(const char *s);

/**
 * The canonical key of an indicator: normalised level1 "/" level2 "/" level3.
 * New string (free()), NULL on ENOMEM.
 */
JX_API char *jx_key_make(const char *level1, const char *level2, const char *level3);

/**
 * Split "部门决策 (20分)" / "部门决策（20分）" into its name and declared weight.
 * Returns 1 when a weight suffix was found (*name_out without it, trimmed),
 * 0 when not (*name_out is a trimmed copy, *weight NaN), JX_ENOMEM.
 */
JX_API int jx_name_split_weight(char **name_out, double *weight, const char *cell);

/** Trim ASCII and ideographic white space in place; returns s. */
JX_API char *jx_trim(char *s);

/** Edit distance between two UTF-8 strings, counted over code points. */
JX_API size_t jx_levenshtein(const char *a, const char *b);
/** jx_levenshtein, or max + 1 as soon as the distance must exceed max (cheaper for a search
 *  that only wants something closer than what it has). */
JX_API size_t jx_levenshtein_within(const char *a, const char *b, size_t max);

/** Columns a UTF-8 string takes in a terminal (CJK and full-width = 2). */
JX_API size_t jx_display_width(const char *s);
/** Bytes of the longest prefix of s that takes at most max_cols columns (whole code points);
 *  *cols (may be NULL) gets its width. */
JX_API size_t jx_display_prefix(const char *s, size_t max_cols, size_t *cols);

/**
 * Parse a decimal number (ASCII or full-width digits, optional sign, '.').
 * The whole string (after trimming) must be the number. 0 or JX_EINVAL.
 */
JX_API int jx_number_parse(const char *s, double *out);

/**
 * Parse a decimal with at most two fractional digits into hundredths,
 * exactly (no floating point). 0 or JX_EINVAL.
 */
JX_API int jx_cents_parse(const char *s, int64_t *out);

/**
 * Parse a decimal with at most `decimals` fractional digits into value ×
 * 10^decimals, exactly: a 万元 amount as 元 cents is decimals 6
 * ("123.456789" → 12345678900). 0 or JX_EINVAL (naming the problem).
 */
JX_API int jx_scaled_parse(const char *s, int decimals, int64_t *out);

/** Format hundredths in the shortest form: 356383 -> "3563.83", 82000 -> "820", 150 -> "1.5". */
JX_API void jx_cents_format(char *buf, size_t size, int64_t cents);

/**
 * Format a double in its shortest form that reads back to the same value
 * ("2", "1.5", "0.1"); "" for NaN. C locale regardless of setlocale().
 */
JX_API void jx_number_format(char *buf, size_t size, double v);

/** Write one CSV field with RFC 4180 quoting when needed (a comma, quote or line
 *  end inside, or a space at either end). 0 or JX_EIO. */
JX_API int jx_csv_write_field(FILE *out, const char *s);
/** 1 when a spreadsheet would take text s for a formula (it starts with =, +, -, @,
 *  tab or CR). */
JX_API int jx_csv_formula_risk(const char *s);
/** jx_csv_write_field, and with formula_safe a text at risk first gets a ' (OWASP):
 *  for CSV meant for spreadsheets (--bom), never for numbers. 0 or JX_EIO. */
JX_API int jx_csv_write_cell(FILE *out, const char *s, int formula_safe);

#ifdef __cplusplus
}
#endif
#endif
