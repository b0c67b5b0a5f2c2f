/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_xls.c -- libFuzzer harness: arbitrary bytes through the legacy-binary path.
 *
 * The same bytes go to the compound-file sniffer (ingest/cfb.c, jixiao's own
 * parser of untrusted sector chains and directory trees), to the parser of
 * the records the .xls child sends (xls_records.c: a subverted child may send
 * anything), and, for one compound file in 32, through the whole
 * .xls reader (FreeXL in a child process, whose crashes must come back as
 * errors). None may crash, leak, hang or read out of bounds; a reader either
 * gives a document whose every slot is consistent or an error with a message.
 * Seeds: tests/fixtures/legacy (damaged_freexl_overread.xls is the input on
 * which this harness found FreeXL 1.0.6 over-reading the stack).
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

/* The whole reader forks a child (~30 ms in an instrumented process), so it runs on one
 * input in 32, chosen by content so that a run stays reproducible; the sniffer and the
 * record parser run on every input. */
static int sampled(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h % 32 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_doc *doc = NULL;
	int rc;
	jx__cfb_kind kind = jx__cfb_sniff((const char *)data, size);
	if (kind > JX__CFB_DAMAGED)
		abort();
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && (!jx__cfb_is((const char *)data, size) || !sampled(data, size)))
			break;
		jx_error_clear();
		rc = pass == 0 ? jx__xls_records_read(&doc, "fuzz.rec", (const char *)data, size)
			       : jx_doc_read_xls(&doc, "fuzz.xls", (const char *)data, size);
		if (rc != 0 && jx_error_last()[0] == '\0')
			abort(); /* every failure must carry a message */
		if (rc == 0 && !doc)
			abort();
		if (doc)
			check(doc);
		jx_doc_free(doc);
		doc = NULL;
	}
	return 0;
}
