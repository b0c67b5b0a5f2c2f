/* SPDX-License-Identifier: GPL-3.0-or-later */
/* words.c -- numbers and labels as a chart shows them to people.
 *
 * A chart is drawn in one language (jx_plot_request.lang): its texts are
 * catalog entries translated while the chart is prepared (plot.c switches
 * the language). Numbers are written here without printf's %f, which
 * follows LC_NUMERIC, so that a chart reads "0.024" whatever locale the
 * program using the library has set; p- and q-values as "p < 0.001" or with
 * three decimals, never "p = 8.77e-05" (docs/methods.md).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "plot/internal.h"

void plot__fixed(char *buf, size_t size, double v, int decimals)
{
	static const long long pow10[] = {1, 10, 100, 1000, 10000};
	long long scaled, whole, frac;
	int neg;
	if (decimals < 0 || decimals > 4 || !isfinite(v) || fabs(v) >= 1e12) {
		snprintf(buf, size, "%s", isnan(v) ? "–" : v > 0 ? "∞" : "-∞");
		return;
	}
	scaled = llround(fabs(v) * (double)pow10[decimals]);
	neg = v < 0 && scaled > 0;
	whole = scaled / pow10[decimals];
	frac = scaled % pow10[decimals];
	if (decimals)
		snprintf(buf, size, "%s%lld.%0*lld", neg ? "-" : "", whole, decimals, frac);
	else
		snprintf(buf, size, "%s%lld", neg ? "-" : "", whole);
}

void plot__p_text(char *buf, size_t size, char name, double p)
{
	char num[32];
	if (isfinite(p) && p < 0.0005) {
		snprintf(buf, size, "%c < 0.001", name);
		return;
	}
	plot__fixed(num, sizeof(num), p, 3);
	snprintf(buf, size, "%c = %s", name, num);
}

void plot__emit_axes(plot__script *ps, const char *x, const char *y, const char *y2)
{
	plot__emit_string(&ps->vars, "xlabel_text", x ? x : "");
	plot__emit_string(&ps->vars, "ylabel_text", y ? y : "");
	plot__emit_string(&ps->vars, "y2label_text", y2 ? y2 : "");
}
