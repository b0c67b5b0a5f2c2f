/* SPDX-License-Identifier: GPL-3.0-or-later */
/* formats.c -- which reader a file needs, decided by its content; the document readers.
 *
 * A file's first bytes say what it is, whatever its name: a zip archive
 * holding word/document.xml is a .docx, one holding xl/workbook.xml an
 * .xlsx; "%PDF-" a PDF; an OLE2 compound file an encrypted Office file
 * (EncryptedPackage) or an old binary .xls/.et (Workbook) or .doc/.wps
 * (WordDocument), as the streams of its root say (cfb.c); markup that opens
 * with <html>, <!DOCTYPE html>, <table> ... a web page; anything else is
 * text (report text or CSV, jx_input_detect). A format without a reader
 * gets a message saying what it would need, never a misreading.
 *
 * The document readers are listed in one table (doc_readers): a new reader
 * is one line there and one value of jx_input_format.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "ingest/internal.h"

typedef int (*doc_loader)(jx_doc **out, const char *name, const char *data, size_t len,
			  const jx_read_options *opts);

static int load_docx(jx_doc **out, const char *name, const char *data, size_t len,
		     const jx_read_options *opts)
{
	(void)opts;
	return jx_docx_load(out, name, data, len);
}

static int load_html(jx_doc **out, const char *name, const char *data, size_t len,
		     const jx_read_options *opts)
{
	return jx_html_load(out, name, data, len, opts->encoding);
}

static int load_xlsx(jx_doc **out, const char *name, const char *data, size_t len,
		     const jx_read_options *opts)
{
	(void)opts;
	return jx_xlsx_load(out, name, data, len);
}

static int load_pdf(jx_doc **out, const char *name, const char *data, size_t len,
		    const jx_read_options *opts)
{
	return jx_pdf_load(out, name, data, len, opts);
}

static int load_xls(jx_doc **out, const char *name, const char *data, size_t len,
		    const jx_read_options *opts)
{
	(void)opts;
	return jx_doc_read_xls(out, name, data, len);
}

/* Word 97-2003 / WPS: LibreOffice makes a .docx of it, read as any .docx under the
 * file's own name. */
static int load_doc(jx_doc **out, const char *name, const char *data, size_t len,
		    const jx_read_options *opts)
{
	char *docx = NULL;
	size_t n = 0;
	int rc;
	(void)opts;
	if ((rc = jx__soffice_convert(&docx, &n, name, data, len, 0)) == 0 &&
	    (rc = jx_docx_load(out, name, docx, n)) == 0)
		rc = jx_doc_note(*out, "converted from Word 97-2003 (.doc/.wps) to .docx by "
				       "LibreOffice; places are those of the converted document");
	free(docx);
	return rc;
}

static const struct {
	jx_input_format format;
	const char *name;
	doc_loader load; /* NULL: a text format (report, CSV) */
} formats[] = {
	{JX_INPUT_AUTO, "auto", NULL},      {JX_INPUT_REPORT, "report", NULL},
	{JX_INPUT_CSV_SCORES, "csv", NULL}, {JX_INPUT_CSV_FIGURES, "csv", NULL},
	{JX_INPUT_DOCX, "docx", load_docx}, {JX_INPUT_XLSX, "xlsx", load_xlsx},
	{JX_INPUT_HTML, "html", load_html}, {JX_INPUT_PDF, "pdf", load_pdf},
	{JX_INPUT_XLS, "xls", load_xls},    {JX_INPUT_DOC, "doc", load_doc},
	{JX_INPUT_TABLE, "table", NULL},
};

#define NFORMATS (sizeof(formats) / sizeof(*formats))

const char *jx_input_format_name(jx_input_format f)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i].format == f)
			return formats[i].name;
	return "?";
}

int jx_input_format_parse(const char *s, jx_input_format *out)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (!strcmp(s, formats[i].name)) {
			*out = formats[i].format;
			return 0;
		}
	return jx__error(
		JX_EINVAL,
		_("unknown format '%s' (auto, report, csv, docx, xlsx, html, pdf, xls, doc, "
		  "table)"),
		s);
}

/* ---- sniffing ---- */

enum {
	KIND_TEXT,
	KIND_DOCX,
	KIND_XLSX,
	KIND_ZIP,
	KIND_ZIP_BAD,
	KIND_PDF,
	KIND_HTML,
	KIND_OLE_ENCRYPTED,
	KIND_OLE_XLS,
	KIND_OLE_DOC,
	KIND_OLE_DAMAGED,
	KIND_OLE
};

/* What a compound file holds, by the streams of its root (cfb.c). */
static int ole_kind(const char *data, size_t len)
{
	switch (jx__cfb_sniff(data, len)) {
	case JX__CFB_ENCRYPTED: return KIND_OLE_ENCRYPTED;
	case JX__CFB_EXCEL: return KIND_OLE_XLS;
	case JX__CFB_WORD: return KIND_OLE_DOC;
	case JX__CFB_DAMAGED: return KIND_OLE_DAMAGED;
	default: return KIND_OLE;
	}
}

static int zip_kind(const char *data, size_t len)
{
	jx__zip *z = NULL;
	int kind = KIND_ZIP;
	if (jx__zip_open(&z, "", data, len) != 0) {
		jx_error_clear();
		return KIND_ZIP_BAD;
	}
	if (jx__zip_has(z, "word/document.xml"))
		kind = KIND_DOCX;
	else if (jx__zip_has(z, "xl/workbook.xml"))
		kind = KIND_XLSX;
	jx__zip_close(z);
	return kind;
}

/* Markup that opens a web page, after a BOM, white space and comments. */
static int looks_like_html(const char *data, size_t len)
{
	static const char *const openers[] = {"<!doctype html", "<html", "<head",  "<body",
					      "<table",         "<meta", "<title", NULL};
	size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	size_t end = len < 4096 ? len : 4096;
	for (;;) {
		while (i < end && strchr(" \t\r\n\f", data[i]))
			i++;
		if (i + 4 <= end && !memcmp(data + i, "<!--", 4)) {
			const char *close = NULL;
			for (size_t k = i + 4; k + 3 <= end && !close; k++)
				if (!memcmp(data + k, "-->", 3))
					close = data + k;
			if (!close)
				return 0;
			i = (size_t)(close - data) + 3;
			continue;
		}
		if (i + 5 <= end && !memcmp(data + i, "<?xml", 5)) {
			while (i < end && data[i] != '>')
				i++;
			i++;
			continue;
		}
		break;
	}
	for (int k = 0; i < end && openers[k]; k++)
		if (end - i >= strlen(openers[k]) &&
		    !strncasecmp(data + i, openers[k], strlen(openers[k])))
			return 1;
	return 0;
}

static int sniff(const char *data, size_t len)
{
	if (len >= 4 && (!memcmp(data, "PK\x03\x04", 4) || !memcmp(data, "PK\x05\x06", 4)))
		return zip_kind(data, len);
	if (len >= 5 && !memcmp(data, "%PDF-", 5))
		return KIND_PDF;
	if (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return ole_kind(data, len);
	if (looks_like_html(data, len))
		return KIND_HTML;
	return KIND_TEXT;
}

static jx_input_format kind_format(int kind, const char *data, size_t len)
{
	switch (kind) {
	case KIND_DOCX: return JX_INPUT_DOCX;
	case KIND_XLSX: return JX_INPUT_XLSX;
	case KIND_PDF: return JX_INPUT_PDF;
	case KIND_HTML: return JX_INPUT_HTML;
	case KIND_OLE_XLS: return JX_INPUT_XLS;
	case KIND_OLE_DOC: return JX_INPUT_DOC;
	case KIND_TEXT: return memchr(data, '\0', len) ? JX_INPUT_AUTO : jx_input_detect(data, len);
	default: return JX_INPUT_AUTO;
	}
}

jx_input_format jx_input_sniff(const char *data, size_t len)
{
	return kind_format(sniff(data, len), data, len);
}

/* Binary files no reader takes: what they are and what would be needed. */
static int refuse(const char *name, int kind, const char *data, size_t len)
{
	jx__zip *z = NULL;
	switch (kind) {
	case KIND_ZIP_BAD: /* its own message: damaged, cut short, a zip bomb, ... */
		if (jx__zip_open(&z, name, data, len) == 0) {
			jx__zip_close(z);
			return jx__error(JX_EPARSE, _("%s: a damaged zip archive"), name);
		}
		return jx_error_code();
	case KIND_OLE_ENCRYPTED:
		return jx__error(
			JX_EPARSE,
			_("%s: an encrypted (password-protected) Office file: jixiao cannot "
			  "read encrypted files; open it in Word, Excel or WPS, remove the "
			  "password and save it again"),
			name);
	case KIND_OLE:
		return jx__error(
			JX_EPARSE,
			_("%s: an Office file that is neither a Word document nor an Excel "
			  "workbook (a PowerPoint file?); save the evaluation table as .docx "
			  "or .xlsx (另存为) and import that"),
			name);
	case KIND_OLE_DAMAGED:
		return jx__error(
			JX_EPARSE,
			_("%s: a damaged Office file (.doc, .xls, .wps or .et): its directory "
			  "cannot be read (the file is cut short or corrupted)"),
			name);
	case KIND_ZIP:
		return jx__error(
			JX_EPARSE,
			_("%s: a zip archive that is neither a Word document (.docx) nor an "
			  "Excel workbook (.xlsx)"),
			name);
	default: return 0;
	}
}

int jx__sniff_document(const char *data, size_t len, const char *name, jx_input_format *fmt)
{
	int kind = sniff(data, len);
	*fmt = kind == KIND_TEXT ? JX_INPUT_AUTO : kind_format(kind, data, len);
	return refuse(name, kind, data, len);
}

int jx__input_is_document(jx_input_format f)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i].format == f)
			return formats[i].load != NULL;
	return 0;
}

int jx_doc_load(jx_doc **out, const char *name, const char *data, size_t len,
		const jx_read_options *opts)
{
	jx_read_options defaults = jx_read_options_default();
	jx_input_format fmt;
	int rc;
	*out = NULL;
	if (!opts)
		opts = &defaults;
	fmt = opts->format;
	if (fmt == JX_INPUT_AUTO && (rc = jx__sniff_document(data, len, name, &fmt)) != 0)
		return rc;
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i].format == fmt && formats[i].load)
			return formats[i].load(out, name, data, len, opts);
	return jx__error(JX_EINVAL, _("%s: not a document (%s); read it with jx_read_buffer"), name,
			 jx_input_format_name(fmt));
}
