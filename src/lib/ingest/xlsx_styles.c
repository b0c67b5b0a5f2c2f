/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx_styles.c -- which cell styles of a workbook show a number as a percentage.
 *
 * A cell formatted as a percentage stores 0.85 and Excel shows "85%". A
 * cell's s="N" attribute names entry N of <cellXfs> in xl/styles.xml; that
 * entry's numFmtId is a built-in format (9 is "0%", 10 is "0.00%") or one of
 * the workbook's own <numFmt numFmtId formatCode>, a percentage when its
 * code has a % outside quotes and not escaped by a backslash ("0.0%",
 * "0%;[Red]-0%"; not "0\"%\"" or "0\%", which show a literal %). Only
 * <cellXfs> counts: <cellStyleXfs> are the named styles cells inherit from,
 * already resolved into the cell's own xf by Excel, WPS and LibreOffice.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include "ingest/internal.h"

#define STYLES_MAX_PART ((size_t)64 << 20)
#define STYLES_MAX_XF 65536 /* Excel's own limit is 64,000 cell formats */

typedef struct {
	long *id; /* custom formats that are percentages */
	size_t n, cap;
} id_list;

/* A format code showing a percentage: a % outside "..." and not after a backslash. */
static int percent_code(const char *code)
{
	int quoted = 0;
	for (const char *c = code; *c; c++) {
		if (*c == '"')
			quoted = !quoted;
		else if (*c == '\\' && !quoted && c[1])
			c++;
		else if (*c == '%' && !quoted)
			return 1;
	}
	return 0;
}

static int is_percent_id(const id_list *custom, long id)
{
	if (id == 9 || id == 10)
		return 1;
	for (size_t i = 0; i < custom->n; i++)
		if (custom->id[i] == id)
			return 1;
	return 0;
}

static int num_fmt(jx__xml *x, id_list *custom)
{
	char *id = jx__xml_attr(x, "numFmtId"), *code = jx__xml_attr(x, "formatCode");
	int rc = 0;
	if (id && code && percent_code(code)) {
		if (jx__grow((void **)&custom->id, &custom->cap, custom->n + 1,
			     sizeof(*custom->id)) != 0)
			rc = JX_ENOMEM;
		else
			custom->id[custom->n++] = strtol(id, NULL, 10);
	}
	free(id);
	free(code);
	return rc;
}

static int cell_xf(jx__xml *x, jx__xlsx_book *b, const id_list *custom)
{
	char *id;
	if (b->nxf >= STYLES_MAX_XF)
		return jx__xml_fail(x, "more than %d cell formats", STYLES_MAX_XF);
	if (jx__grow((void **)&b->percent, &b->percent_cap, b->nxf + 1, 1) != 0)
		return JX_ENOMEM;
	id = jx__xml_attr(x, "numFmtId");
	b->percent[b->nxf++] = (unsigned char)(id && is_percent_id(custom, strtol(id, NULL, 10)));
	free(id);
	return 0;
}

int jx__xlsx_read_styles(jx__xlsx_book *b)
{
	jx__xml x;
	id_list custom = {NULL, 0, 0};
	int rc, in_xfs = 0;
	if (!jx__zip_has(b->zip, "xl/styles.xml"))
		return 0;
	if ((rc = jx__xml_open(&x, b->zip, "xl/styles.xml", STYLES_MAX_PART)) != 0)
		return rc;
	while ((rc = jx__xml_next(&x)) == 1) {
		int type = jx__xml_type(&x);
		const char *n = jx__xml_local(&x);
		if (type == XML_READER_TYPE_ELEMENT && !strcmp(n, "numFmt"))
			rc = num_fmt(&x, &custom);
		else if (type == XML_READER_TYPE_ELEMENT && !strcmp(n, "cellXfs"))
			in_xfs = !jx__xml_empty(&x);
		else if (type == XML_READER_TYPE_END_ELEMENT && !strcmp(n, "cellXfs"))
			in_xfs = 0;
		else if (type == XML_READER_TYPE_ELEMENT && in_xfs && !strcmp(n, "xf"))
			rc = cell_xf(&x, b, &custom);
		if (rc < 0)
			break;
		rc = 1;
	}
	free(custom.id);
	jx__xml_close(&x);
	return rc < 0 ? rc : 0;
}

int jx__xlsx_percent_style(const jx__xlsx_book *b, long style)
{
	return style >= 0 && (size_t)style < b->nxf && b->percent[style];
}
