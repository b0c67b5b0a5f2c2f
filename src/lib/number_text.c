/* number_text.c -- jx_number_format with a shortcut for the common numbers.
 *
 * jx_number_format prints %.15g and reads it back (up to three times) to
 * find the shortest text that gives the same double. For a v with
 * |v| < 1e12 that is k / 10^d for an integer k and d <= 2 (checked as
 * k / 10^d == v, one correctly rounded division, which is what strtod does
 * with the text of k / 10^d) and no shorter form (k is not a multiple of
 * 10 when d > 0), that text is "k / 10^d" written out; %.15g prints the
 * same digits for such a v, with no exponent. */
#include <math.h>
#include <string.h>
#include "number_text.h"
#include "internal.h"

void jx__number_text(char *buf, size_t size, double v)
{
	static const double scale[] = {1, 10, 100};
	if (!isnan(v) && fabs(v) < 1e12 && size >= 24) {
		for (int d = 0; d < 3; d++) {
			double k = nearbyint(v * scale[d]);
			unsigned long long a = (unsigned long long)fabs(k);
			char digits[32], *p = digits + sizeof(digits);
			if (k / scale[d] != v || (d > 0 && a % 10 == 0))
				continue;
			*--p = '\0';
			for (int i = 0; i < d; i++, a /= 10)
				*--p = (char)('0' + a % 10);
			if (d > 0)
				*--p = '.';
			do
				*--p = (char)('0' + a % 10);
			while ((a /= 10) > 0);
			if (k < 0 && v != 0)
				*--p = '-';
			memcpy(buf, p, (size_t)(digits + sizeof(digits) - p));
			return;
		}
	}
	jx_number_format(buf, size, v);
}
