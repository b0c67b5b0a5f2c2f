/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xml.c -- libxml2's streaming reader over a part of an Office file, made safe.
 *
 * The XML of a .docx or .xlsx is untrusted. The reader is set up so that it
 * never touches the network (XML_PARSE_NONET) and never loads a DTD or an
 * external entity (no XML_PARSE_DTDLOAD / NOENT: entities are not
 * substituted); a document type declaration at all is refused, since
 * Office parts have none, which also refuses entity-amplification bombs
 * before any expansion; nesting deeper than JX__XML_MAX_DEPTH is refused
 * (libxml2 itself stops at 256). The part is inflated piece by piece as the
 * reader asks for it (zip.c), so a large sheet never sits in memory whole.
 * libxml2's own messages are captured, not printed: the first becomes
 * "file:part:line: XML error: ...".
 */
#include <stdio.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include "ingest/internal.h"

static int io_read(void *ctx, char *buf, int len)
{
	jx__xml *x = ctx;
	long got = jx__zip_entry_read(x->file, buf, (size_t)len);
	if (got < 0) {
		x->io_failed = (int)got;
		return -1;
	}
	return (int)got;
}

static int io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void on_error(void *ctx, xmlErrorPtr err)
{
	jx__xml *x = ctx;
	size_t n;
	if (!err || x->message[0])
		return;
	snprintf(x->message, sizeof(x->message), "%s", err->message ? err->message : "error");
	n = strlen(x->message);
	while (n && (x->message[n - 1] == '\n' || x->message[n - 1] == ' '))
		x->message[--n] = '\0';
	x->error_line = err->line;
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int jx__xml_open(jx__xml *x, const jx__zip *z, const char *entry, size_t max)
{
	int rc;
	memset(x, 0, sizeof(*x));
	x->name = jx__zip_name(z);
	snprintf(x->entry, sizeof(x->entry), "%s", entry);
	if ((rc = jx__zip_entry_open(&x->file, z, entry, max)) != 0)
		return rc;
	xmlSetGenericErrorFunc(NULL, quiet);
	x->reader = xmlReaderForIO(io_read, io_close, x, entry, NULL,
				   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
					   XML_PARSE_COMPACT);
	if (!x->reader) {
		jx__zip_entry_close(x->file);
		x->file = NULL;
		return jx__oom();
	}
	xmlTextReaderSetStructuredErrorHandler(x->reader, on_error, x);
	return 0;
}

void jx__xml_close(jx__xml *x)
{
	if (x->reader)
		xmlFreeTextReader(x->reader);
	jx__zip_entry_close(x->file);
	x->reader = NULL;
	x->file = NULL;
}

int jx__xml_fail(const jx__xml *x, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return jx__error(JX_EPARSE, "%s:%s:%d: %s", x->name, x->entry,
			 xmlTextReaderGetParserLineNumber(x->reader), msg);
}

int jx__xml_next(jx__xml *x)
{
	int ret = xmlTextReaderRead(x->reader), type;
	if (ret == 1) {
		type = xmlTextReaderNodeType(x->reader);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE ||
		    type == XML_READER_TYPE_ENTITY_REFERENCE)
			return jx__xml_fail(
				x, _("a DTD or entity is not allowed in an Office document"));
		if (xmlTextReaderDepth(x->reader) > JX__XML_MAX_DEPTH)
			return jx__xml_fail(x, _("elements nested more than %d deep"),
					    JX__XML_MAX_DEPTH);
		return 1;
	}
	if (x->io_failed)
		return x->io_failed;
	if (ret < 0 || x->message[0])
		return jx__error(JX_EPARSE, _("%s:%s:%d: XML error: %s"), x->name, x->entry,
				 x->error_line, x->message[0] ? x->message : "not well-formed");
	return 0;
}

int jx__xml_skip(jx__xml *x)
{
	int ret = xmlTextReaderNext(x->reader);
	if (ret < 0 || x->io_failed)
		return x->io_failed ? x->io_failed
				    : jx__error(JX_EPARSE, _("%s:%s:%d: XML error: %s"), x->name,
						x->entry, x->error_line,
						x->message[0] ? x->message : "not well-formed");
	return ret;
}

const char *jx__xml_local(const jx__xml *x)
{
	const xmlChar *n = xmlTextReaderConstLocalName(x->reader);
	return n ? (const char *)n : "";
}

int jx__xml_type(const jx__xml *x)
{
	return xmlTextReaderNodeType(x->reader);
}

int jx__xml_empty(const jx__xml *x)
{
	return xmlTextReaderIsEmptyElement(x->reader) == 1;
}

const char *jx__xml_value(const jx__xml *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->reader);
	return v ? (const char *)v : "";
}

char *jx__xml_attr(const jx__xml *x, const char *local)
{
	xmlChar *v = NULL;
	if (xmlTextReaderMoveToFirstAttribute(x->reader) != 1)
		return NULL;
	do {
		const xmlChar *n = xmlTextReaderConstLocalName(x->reader);
		if (n && !strcmp((const char *)n, local)) {
			v = xmlTextReaderValue(x->reader);
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(x->reader) == 1);
	xmlTextReaderMoveToElement(x->reader);
	if (!v)
		return NULL;
	{
		char *copy = jx__strdup((const char *)v);
		xmlFree(v);
		return copy;
	}
}

int jx__xml_line(const jx__xml *x)
{
	return xmlTextReaderGetParserLineNumber(x->reader);
}
