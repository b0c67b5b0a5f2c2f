/* SPDX-License-Identifier: GPL-3.0-or-later */
/* recognise_trace.c -- how the recogniser read a table, said for `import --dry-run`.
 *
 * The description names the evaluation table, the role each column got
 * ("列 3 → 三级指标", "列 C → 三级指标" in a sheet), then each row with its
 * place and what became of it (recognise_table.c adds those), and notes on
 * the other tables. It is built only when jx_read_options.describe asks.
 */
#include <stdio.h>
#include <string.h>
#include "ingest/internal.h"

static int spreadsheet(const jx_doc *d)
{
	return d->format == JX_DOC_XLSX || d->format == JX_DOC_XLS;
}

/* "列 3" / "列 C" of a header slot. */
static void column_name(const jx__rc *rc, const jx_doc_cell *s, size_t c, char *buf, size_t size)
{
	char letters[16];
	int col = s->origin.col ? s->origin.col : (int)c + 1;
	if (spreadsheet(rc->doc)) {
		jx__doc_column_letters(letters, sizeof(letters), col);
		snprintf(buf, size, "列 %s", letters);
	} else {
		snprintf(buf, size, "列 %d", col);
	}
}

void jx__rc_trace_header(jx__rc *rc, const jx_doc_table *t, const jx__header *h)
{
	const jx_doc_cell *first = jx_doc_table_slot(t, h->row, 0);
	char name[32];
	int row;
	if (!rc->opts->describe)
		return;
	if (t->sheet)
		jx__rc_trace(rc, "%s (表 %d): ", t->sheet, t->number);
	else
		jx__rc_trace(rc, "表 %d: ", t->number);
	row = first->origin.row ? first->origin.row : (int)h->row + 1;
	if (h->nrows == 2)
		jx__rc_trace(rc, _("indicator table, header in rows %d and %d of %zu rows"), row,
			     row + 1, t->nrows);
	else
		jx__rc_trace(rc, _("indicator table, header in row %d of %zu rows"), row, t->nrows);
	jx__rc_trace(rc, "\n  ");
	for (size_t c = 0; c < t->ncols; c++) {
		const jx_doc_cell *s = jx_doc_table_slot(t, h->row, c);
		const char *text = jx_doc_table_text(t, h->row, c);
		column_name(rc, s, c, name, sizeof(name));
		if (h->roles[c] != JX__ROLE_NONE)
			jx__rc_trace(rc, "%s%s → %s", c ? ", " : "", name,
				     jx__col_label(h->roles[c]));
		else
			jx__rc_trace(rc, "%s%s “%.30s” → %s", c ? ", " : "", name, text,
				     _("not read"));
		if (h->roles[c] != JX__ROLE_NONE && h->col[h->roles[c]] != (int)c &&
		    !(h->roles[c] == JX__ROLE_INDICATOR && h->col[JX__ROLE_LEVEL3] == (int)c))
			jx__rc_trace(rc, " (%s)", _("a second such column: not read"));
	}
	jx__rc_trace(rc, "\n");
}
