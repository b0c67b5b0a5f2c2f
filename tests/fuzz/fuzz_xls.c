/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_xls.c -- libFuzzer harness: arbitrary bytes through the legacy-binary path.
 *
 * The same bytes go to the compound-file sniffer (ingest/cfb.c, jixiao's own
 * parser of untrusted sector chains and directory trees) and to the parser
 * of the records the .xls child sends (xls_records.c: a child subverted by
 * the file it parsed may send anything). Neither may crash, leak, hang or
 * read out of bounds; the record parser either gives a document whose every
 * slot is consistent or an error with a message.
 *
 * FreeXL itself runs in a forked child (base/child.c) and is not fuzzed here:
 * a child of an instrumented process dies through libFuzzer's own handlers,
 * which write misleading crash artifacts for the parent's input, and the
 * child's crashes are contained by design (tests/test_legacy.c checks a
 * crashing, hanging and flooding child). An earlier version of this harness
 * ran FreeXL in-process and found it over-reading the stack within seconds:
 * tests/fixtures/legacy/damaged_freexl_overread.xls.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "ingest/internal.h"
#include "jixiao.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every slot points at an anchor inside the grid that is its own anchor, and every
 * slot's text can be read. */
static void check(const jx_doc *d)
{
	for (size_t b = 0; b < d->nblocks; b++) {
		const jx_doc_table *t = d->blocks[b].table;
		for (size_t i = 0; t && i < t->nrows * t->ncols; i++) {
			const jx_doc_cell *c = &t->cells[i], *a;
			if ((size_t)c->anchor_row >= t->nrows || (size_t)c->anchor_col >= t->ncols)
				abort();
			a = jx_doc_table_slot(t, (size_t)c->anchor_row, (size_t)c->anchor_col);
			if (a->rowspan < 1 || a->anchor_row != c->anchor_row ||
			    !jx_doc_table_text(t, i / t->ncols, i % t->ncols))
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_doc *doc = NULL;
	int rc;
	jx__cfb_kind kind = jx__cfb_sniff((const char *)data, size);
	if (kind > JX__CFB_DAMAGED)
		abort();
	jx_error_clear();
	rc = jx__xls_records_read(&doc, "fuzz.rec", (const char *)data, size);
	if (rc != 0 && jx_error_last()[0] == '\0')
		abort(); /* every failure must carry a message */
	if (rc == 0 && !doc)
		abort();
	if (doc)
		check(doc);
	jx_doc_free(doc);
	return 0;
}
