/* number_text.h -- jx_number_format with a shortcut for the common numbers. */
#ifndef JX_NUMBER_TEXT_H
#define JX_NUMBER_TEXT_H

#include <stddef.h>

/**
 * Exactly jx_number_format's text of v (same bytes for every double), but
 * whole numbers and numbers of one or two decimals -- most scores, weights
 * and counts -- skip its printf/strtod round trip. Used where millions of
 * numbers are formatted: tables (table.c) and the import's content hash.
 */
void jx__number_text(char *buf, size_t size, double v);

#endif
