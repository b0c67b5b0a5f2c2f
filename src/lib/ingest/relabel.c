/* SPDX-License-Identifier: GPL-3.0-or-later */
/* relabel.c -- the one rule for --dept, --year and --kind against what a file states.
 *
 * The options supply what a file lacks. Where the file states its own value
 * and the option names another, the file is refused, unless relabel is set
 * (`--relabel`): then the option wins. A value equal to the file's (names
 * compared in their matching form) is no conflict. Every reader takes the
 * three values through these functions, so the rule is the same for CSV,
 * report text and the document formats.
 */
#include <stdlib.h>
#include <string.h>
#include "ingest/internal.h"

static int same_name(const char *a, const char *b)
{
	char *na = jx_name_normalize(a), *nb = jx_name_normalize(b);
	int same = na && nb && !strcmp(na, nb);
	free(na);
	free(nb);
	return same;
}

static int conflict(const char *name, int line, const char *what, const char *stated,
		    const char *option, const char *given)
{
	return jx__error(JX_EPARSE,
			 _("%s:%d: the file says %s %s, %s says %s; give --relabel to replace "
			   "what the file says"),
			 name, line > 0 ? line : 1, what, stated, option, given);
}

const char *jx__pick_department(const jx_read_options *o, const char *stated, const char *name,
				int line)
{
	const char *given = o && o->department && *o->department ? o->department : NULL;
	if (!given)
		return stated;
	if (!stated || !*stated || o->relabel)
		return given;
	if (same_name(stated, given))
		return stated; /* the file's own spelling */
	conflict(name, line, _("department"), stated, "--dept", given);
	return NULL;
}

int jx__pick_year(const jx_read_options *o, int stated, int *year, const char *name, int line)
{
	char a[16], b[16];
	int given = o ? o->year : 0;
	*year = stated;
	if (given <= 0 || stated == given)
		return 0;
	if (stated <= 0 || o->relabel) {
		*year = given;
		return 0;
	}
	snprintf(a, sizeof(a), "%d", stated);
	snprintf(b, sizeof(b), "%d", given);
	return conflict(name, line, _("year"), a, "--year", b);
}

int jx__pick_kind(const jx_read_options *o, int stated, jx_kind *kind, const char *name, int line)
{
	int given = o ? o->kind : -1;
	*kind = stated >= 0 ? (jx_kind)stated : JX_KIND_SELF;
	if (given < 0 || stated == given)
		return 0;
	if (stated < 0 || o->relabel) {
		*kind = (jx_kind)given;
		return 0;
	}
	return conflict(name, line, _("kind"), jx_kind_name((jx_kind)stated), "--kind",
			jx_kind_name((jx_kind)given));
}
