/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_read.c -- libFuzzer harness: arbitrary bytes through jx_read_buffer.
 *
 * Built twice (tests/fuzz/CMakeLists.txt): fuzz_report with JX_FUZZ_FORMAT
 * JX_INPUT_REPORT, fuzz_csv with JX_INPUT_CSV_SCORES ("csv" means either CSV
 * kind: the header line picks scores or figures). The reader must never
 * crash, leak, hang or read out of bounds, whatever the bytes; it either
 * returns a batch or an error with a message.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "jixiao.h"

#ifndef JX_FUZZ_FORMAT
#error "define JX_FUZZ_FORMAT (a jx_input_format) and JX_FUZZ_NAME"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_read_options opts = jx_read_options_default();
	jx_batch *batch = NULL;
	int rc;

	opts.format = JX_FUZZ_FORMAT;
	jx_error_clear();
	rc = jx_read_buffer(&batch, JX_FUZZ_NAME, (const char *)data, size, &opts);
	if (rc != 0 && jx_error_last()[0] == '\0')
		abort(); /* every failure must carry a message */
	if (rc == 0 && batch == NULL)
		abort();
	jx_batch_free(batch);
	return 0;
}
