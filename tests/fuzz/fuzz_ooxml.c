/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_ooxml.c -- libFuzzer harness: Word and Excel files through their readers and the
 * recogniser.
 *
 * Built twice (tests/fuzz/CMakeLists.txt): fuzz_docx (JX_FUZZ_PART
 * "word/document.xml") and fuzz_xlsx ("xl/worksheets/sheet1.xml"). Random
 * changes to a zip archive rarely survive its CRCs, so an input that does
 * not start with "PK" is taken as the XML of that part and wrapped here in a
 * small stored zip with the other parts a valid file needs: the fuzzer then
 * reaches the XML readers and the recogniser. An input starting with "PK" is
 * read as a whole file (the zip reader and its caps). Either way the reader
 * must never crash, leak, hang or read out of bounds; it returns a batch or
 * an error with a message.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "jixiao.h"

#ifndef JX_FUZZ_PART
#error "define JX_FUZZ_PART (the part the input becomes) and JX_FUZZ_NAME"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	unsigned char *b;
	size_t len, cap;
} buf;

static void put(buf *o, const void *p, size_t n)
{
	if (o->len + n > o->cap) {
		o->cap = (o->len + n) * 2;
		o->b = realloc(o->b, o->cap);
		if (!o->b)
			abort();
	}
	memcpy(o->b + o->len, p, n);
	o->len += n;
}

static void le(buf *o, uint32_t v, int bytes)
{
	unsigned char c[4] = {v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF};
	put(o, c, (size_t)bytes);
}

typedef struct {
	const char *name;
	const void *data;
	size_t len;
} part;

/* A zip of stored (uncompressed) parts. */
static void zip(buf *o, const part *parts, size_t n)
{
	uint32_t offs[8], crcs[8];
	size_t cd;
	for (size_t i = 0; i < n; i++) {
		offs[i] = (uint32_t)o->len;
		crcs[i] = (uint32_t)crc32(0, parts[i].data, (uInt)parts[i].len);
		le(o, 0x04034b50, 4), le(o, 20, 2), le(o, 0, 2), le(o, 0, 2), le(o, 0, 4);
		le(o, crcs[i], 4), le(o, (uint32_t)parts[i].len, 4),
			le(o, (uint32_t)parts[i].len, 4);
		le(o, (uint32_t)strlen(parts[i].name), 2), le(o, 0, 2);
		put(o, parts[i].name, strlen(parts[i].name));
		put(o, parts[i].data, parts[i].len);
	}
	cd = o->len;
	for (size_t i = 0; i < n; i++) {
		le(o, 0x02014b50, 4), le(o, 20, 2), le(o, 20, 2), le(o, 0, 2), le(o, 0, 2);
		le(o, 0, 4), le(o, crcs[i], 4), le(o, (uint32_t)parts[i].len, 4);
		le(o, (uint32_t)parts[i].len, 4), le(o, (uint32_t)strlen(parts[i].name), 2);
		le(o, 0, 2), le(o, 0, 2), le(o, 0, 2), le(o, 0, 2), le(o, 0, 4), le(o, offs[i], 4);
		put(o, parts[i].name, strlen(parts[i].name));
	}
	le(o, 0x06054b50, 4), le(o, 0, 2), le(o, 0, 2), le(o, (uint32_t)n, 2),
		le(o, (uint32_t)n, 2);
	le(o, (uint32_t)(o->len - cd), 4), le(o, (uint32_t)cd, 4), le(o, 0, 2);
}

static const char workbook[] =
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
	"</sheets></workbook>";
static const char rels[] = "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
			   "Target=\"worksheets/sheet1.xml\"/></Relationships>";
static const char sst[] = "<sst><si><t>一级指标</t></si><si><t>二级指标</t></si><si><t>三级指标"
			  "</t></si><si><t>分值</t></si><si><t>得分</t></si><si><r><t>合</t></r>"
			  "<r><t>计</t></r><rPh><t>x</t></rPh></si></sst>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jx_read_options opts = jx_read_options_default();
	jx_batch *batch = NULL;
	buf o = {NULL, 0, 0};
	int rc;
	if (size < 2 || memcmp(data, "PK", 2) != 0) {
		part parts[] = {{JX_FUZZ_PART, data, size},
				{"xl/workbook.xml", workbook, sizeof(workbook) - 1},
				{"xl/_rels/workbook.xml.rels", rels, sizeof(rels) - 1},
				{"xl/sharedStrings.xml", sst, sizeof(sst) - 1}};
		zip(&o, parts, strcmp(JX_FUZZ_PART, "word/document.xml") ? 4 : 1);
		data = o.b;
		size = o.len;
	}
	opts.describe = 1;
	jx_error_clear();
	rc = jx_read_buffer(&batch, JX_FUZZ_NAME, (const char *)data, size, &opts);
	if (rc != 0 && jx_error_last()[0] == '\0')
		abort(); /* every failure must carry a message */
	if (rc == 0 && batch == NULL)
		abort();
	jx_batch_free(batch);
	free(o.b);
	return 0;
}
