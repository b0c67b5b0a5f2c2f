/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read.c -- reading an input file: size limit, encoding, format detection, dispatch.
 *
 * jx_read_file reads a file whole; jx_read_file_stream reads canonical CSV
 * in pieces of whole lines (decoded as jx_text_decode would: BOM dropped,
 * CR and CRLF folded, UTF-8 checked) into the push reader of csv.c, hashing
 * the bytes as they pass, so that memory does not grow with the file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "ingest/internal.h"

jx_read_options jx_read_options_default(void)
{
	jx_read_options o;
	memset(&o, 0, sizeof(o));
	o.kind = -1;
	o.encoding = JX_ENC_AUTO;
	o.format = JX_INPUT_AUTO;
	return o;
}

/* First line that is neither blank nor a '#' comment. */
static const char *first_content_line(const char *text, size_t len, size_t *n)
{
	size_t off = 0;
	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t k = off;
		while (k < end && (text[k] == ' ' || text[k] == '\t'))
			k++;
		if (k < end && text[k] != '#') {
			*n = end - off;
			return text + off;
		}
		off = end + 1;
	}
	*n = 0;
	return NULL;
}

jx_input_format jx_input_detect(const char *text, size_t len)
{
	size_t n;
	const char *line = first_content_line(text, len, &n);
	/* a header naming department and year (English or Chinese, quoted or not) */
	jx_input_format fmt = line ? jx__csv_detect(line, n) : JX_INPUT_REPORT;
	/* a table pasted from Word, Excel or a web page rather than report prose */
	return fmt == JX_INPUT_REPORT && jx__paste_detect(text, len) ? JX_INPUT_TABLE : fmt;
}

/* A document (docx, html, ...): its reader into the table model, then the recogniser. */
static int read_document(jx_batch **out, const char *name, const char *data, size_t len,
			 const jx_read_options *opts, jx_input_format fmt)
{
	jx_read_options o = *opts;
	jx_doc *doc = NULL;
	int rc;
	o.format = fmt;
	if ((rc = jx_doc_load(&doc, name, data, len, &o)) == 0 &&
	    (rc = jx_doc_read(out, doc, opts)) == 0)
		jx__sha256_hex((*out)->source_sha256, data, len);
	jx_doc_free(doc);
	return rc;
}

/* A table pasted as text: into the table model (paste.c), then the recogniser. */
static int read_pasted(jx_batch **out, const char *name, const char *text, size_t len,
		       const jx_read_options *opts)
{
	jx_doc *doc = NULL;
	int rc = jx__paste_read(&doc, name, text, len);
	if (rc == 0)
		rc = jx_doc_read(out, doc, opts);
	jx_doc_free(doc);
	return rc;
}

int jx_read_buffer(jx_batch **out, const char *name, const char *data, size_t len,
		   const jx_read_options *opts)
{
	jx_read_options defaults = jx_read_options_default();
	jx_input_format fmt;
	char *text = NULL;
	size_t tlen = 0;
	int rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (len == 0)
		return jx__error(JX_EPARSE, _("%s:1: empty file"), name);
	if (len > JX_MAX_INPUT)
		return jx__error(JX_EINVAL, _("%s: file is larger than %zu MiB; refusing it"), name,
				 JX_MAX_INPUT >> 20);
	fmt = opts->format;
	if (fmt == JX_INPUT_AUTO && (rc = jx__sniff_document(data, len, name, &fmt)) != 0)
		return rc;
	if (jx__input_is_document(fmt))
		return read_document(out, name, data, len, opts, fmt);
	if ((rc = jx_text_decode(&text, &tlen, NULL, name, data, len, opts->encoding)) != 0)
		return rc;
	fmt = fmt != JX_INPUT_AUTO ? fmt : jx_input_detect(text, tlen);
	/* "csv" means either CSV kind: the header decides which */
	if (fmt == JX_INPUT_CSV_SCORES && jx_input_detect(text, tlen) == JX_INPUT_CSV_FIGURES)
		fmt = JX_INPUT_CSV_FIGURES;
	if (fmt == JX_INPUT_CSV_SCORES || fmt == JX_INPUT_CSV_FIGURES)
		rc = jx__csv_read_checked(out, name, text, tlen, opts, fmt == JX_INPUT_CSV_FIGURES);
	else if (fmt == JX_INPUT_TABLE)
		rc = read_pasted(out, name, text, tlen, opts);
	else
		rc = jx_report_read(out, name, text, tlen, opts);
	if (rc == 0)
		jx__sha256_hex((*out)->source_sha256, data, len);
	free(text);
	return rc;
}

int jx_read_file(jx_batch **out, const char *path, const jx_read_options *opts)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	*out = NULL;
	if ((rc = jx__read_file(&data, &len, path, JX_MAX_INPUT)) != 0)
		return rc;
	rc = jx_read_buffer(out, path, data, len, opts);
	free(data);
	return rc;
}

/* ---- streaming ---- */

#define PIECE ((size_t)1 << 20)

typedef struct {
	const char *path;
	FILE *f;
	EVP_MD_CTX *md;
	char *raw; /* bytes read and not yet decoded */
	size_t rawlen, rawcap;
	char *text; /* decoded text of whole lines */
	size_t textcap;
	int eof, line; /* line: lines decoded so far */
	size_t total;  /* bytes read */
} instream;

/* Read up to PIECE more bytes into in->raw; sets eof. */
static int fill(instream *in)
{
	size_t got;
	if (jx__grow((void **)&in->raw, &in->rawcap, in->rawlen + PIECE, 1) != 0)
		return JX_ENOMEM;
	got = fread(in->raw + in->rawlen, 1, PIECE, in->f);
	if (got == 0 && ferror(in->f))
		return jx__error(JX_EIO, _("%s: read error: %s"), in->path, strerror(errno));
	if (got && EVP_DigestUpdate(in->md, in->raw + in->rawlen, got) != 1)
		return jx__error(JX_EINVAL, _("%s: SHA-256 failed"), in->path);
	in->rawlen += got;
	in->total += got;
	in->eof = got == 0 || feof(in->f);
	return 0;
}

/* Length of the leading part of b that is whole lines (all of it at the end of the file). */
static size_t whole_lines(const char *b, size_t n, int eof)
{
	if (eof)
		return n;
	for (size_t i = n; i > 0; i--)
		if (b[i - 1] == '\n' || (b[i - 1] == '\r' && i < n))
			return i; /* a CR is a line end when the next byte is known not to be LF */
	return 0;
}

/* Line (1-based, counted from the file's start) of offset off in s[0..n). */
static int line_at(const instream *in, const char *s, size_t n, size_t off)
{
	int line = in->line + 1;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
			line++;
	return line;
}

/*
 * Decode n bytes of whole lines as jx_text_decode does for UTF-8 (same
 * checks, same order, same messages). *out points at s itself when nothing
 * needs folding, else at in->text. Returns 1 when s is not UTF-8 (in->line
 * then counts the lines before the bad byte; the caller finds out what it
 * is), else 0 or a JX_E* code.
 */
static int decode(instream *in, const char *s, size_t n, const char **out, size_t *outlen)
{
	const char *nul = memchr(s, '\0', n);
	size_t bad = 0, k = 0, i;
	if (nul)
		return jx__error(JX_EPARSE,
				 _("%s:%d: contains a NUL byte; this is not a text file"), in->path,
				 line_at(in, s, n, (size_t)(nul - s)));
	if (!jx_utf8_valid(s, n, &bad)) {
		in->line = line_at(in, s, n, bad) - 1;
		return 1;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f')
			return jx__error(
				JX_EPARSE,
				_("%s:%d: control character 0x%02X; this is not a text file"),
				in->path, line_at(in, s, n, i), c);
		if (c == '\r' || c == '\f')
			break;
	}
	if (i == n) { /* the common case: LF line ends, nothing to fold */
		*out = s;
		*outlen = n;
		return 0;
	}
	if (jx__grow((void **)&in->text, &in->textcap, n + 1, 1) != 0)
		return JX_ENOMEM;
	memcpy(in->text, s, i);
	for (k = i; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f')
			return jx__error(
				JX_EPARSE,
				_("%s:%d: control character 0x%02X; this is not a text file"),
				in->path, line_at(in, s, n, i), c);
		in->text[k++] = (c == '\r' || c == '\f') ? '\n' : (char)c;
	}
	*out = in->text;
	*outlen = k;
	return 0;
}

static int count_lines(const char *s, size_t n)
{
	int lines = 0;
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		lines++;
	return lines;
}

/*
 * Not UTF-8 after a first piece that was (a GB18030 file is read whole from
 * the start, see stream_format): what came before may already be stored, so
 * the file cannot be re-read another way. The whole-file decoder says what
 * the bytes are (GB18030 or neither) when the file is small enough.
 */
static int not_utf8(instream *in, const jx_read_options *opts)
{
	char *text = NULL, *data = NULL;
	size_t len = 0, tlen = 0;
	jx_encoding used = JX_ENC_UTF8;
	int rc;
	if (in->total <= JX_MAX_INPUT &&
	    (rc = jx__read_file(&data, &len, in->path, JX_MAX_INPUT)) == 0) {
		rc = jx_text_decode(&text, &tlen, &used, in->path, data, len, opts->encoding);
		free(data);
		free(text);
		if (rc != 0)
			return rc;
	}
	if (used == JX_ENC_GB18030)
		return jx__error(JX_EPARSE,
				 _("%s:%d: not UTF-8 from here on, although the first megabyte is; "
				   "if the file is GB18030/GBK, pass --encoding gb18030"),
				 in->path, in->line + 1);
	return jx__error(JX_EPARSE, _("%s:%d: invalid UTF-8 byte sequence"), in->path,
			 in->line + 1);
}

/* Feed the file through the CSV reader r, piece by piece. */
static int pump(instream *in, jx__csv *r, const jx_read_options *opts)
{
	size_t skip = in->rawlen >= 3 && !memcmp(in->raw, "\xEF\xBB\xBF", 3) ? 3 : 0;
	int rc = 0;
	for (;;) {
		size_t n = whole_lines(in->raw + skip, in->rawlen - skip, in->eof), tlen = 0;
		const char *text = NULL;
		if (n > 0 || in->eof) {
			if ((rc = decode(in, in->raw + skip, n, &text, &tlen)) == 1)
				return not_utf8(in, opts);
			if (rc != 0 || (rc = jx__csv_feed(r, text, tlen)) != 0)
				return rc;
			in->line += count_lines(text, tlen);
			memmove(in->raw, in->raw + skip + n, in->rawlen - skip - n);
			in->rawlen -= skip + n;
			skip = 0;
		}
		if (in->eof)
			return jx__csv_finish(r, NULL);
		if ((rc = fill(in)) != 0)
			return rc;
	}
}

/* Hand a whole batch to the sink (what it keeps leaves the batch). */
static int hand_on(jx_batch *b, const jx_read_sink *sink)
{
	int rc = 0;
	for (size_t i = 0; i < b->nevals && rc >= 0; i++)
		if (sink->evaluation &&
		    (rc = sink->evaluation(sink->ctx, b->evals[i])) == JX_READ_KEEP)
			b->evals[i] = NULL;
	for (size_t i = 0; i < b->nfigs && rc >= 0; i++)
		if (sink->figures && (rc = sink->figures(sink->ctx, b->figs[i])) == JX_READ_KEEP)
			b->figs[i] = NULL;
	return rc < 0 ? rc : 0;
}

/* A document: its evaluations handed to the sink as the recogniser completes them
 * (a register of many evaluations, a streamed sheet, never held all at once). */
static int read_document_to(const char *path, const char *data, size_t len,
			    const jx_read_options *opts, jx_input_format fmt,
			    const jx_read_sink *sink, char sha256[65])
{
	jx_read_options o = *opts;
	jx_doc *doc = NULL;
	int rc;
	o.format = fmt;
	if ((rc = jx_doc_load(&doc, path, data, len, &o)) == 0)
		rc = jx__doc_read_sink(doc, opts, sink, NULL);
	jx_doc_free(doc);
	if (rc == 0 && sha256)
		jx__sha256_hex(sha256, data, len);
	return rc;
}

/* Not canonical UTF-8 CSV (or not known from the first piece): read it whole. */
static int read_whole(const char *path, const jx_read_options *opts, const jx_read_sink *sink,
		      char sha256[65])
{
	jx_batch *b = NULL;
	jx_input_format fmt = opts->format;
	char *data = NULL;
	size_t len = 0;
	int rc;
	if ((rc = jx__read_file(&data, &len, path, JX_MAX_INPUT)) != 0)
		return rc;
	if (len && fmt == JX_INPUT_AUTO && (rc = jx__sniff_document(data, len, path, &fmt)) != 0)
		goto out;
	if (len && jx__input_is_document(fmt)) {
		rc = read_document_to(path, data, len, opts, fmt, sink, sha256);
		goto out;
	}
	if ((rc = jx_read_buffer(&b, path, data, len, opts)) == 0)
		rc = hand_on(b, sink);
	if (rc == 0 && sha256)
		memcpy(sha256, b->source_sha256, 65);
out:
	jx_batch_free(b);
	free(data);
	return rc;
}

/* The CSV kind the first piece shows, or JX_INPUT_REPORT when the file is read whole
 * (a report, GB18030 or UTF-16, an explicit format the content does not show, an empty file,
 * or lone CR / form feed line ends in the first piece, which decoding turns into
 * line ends that the raw bytes do not show to jx_input_detect). */
static jx_input_format stream_format(const instream *in, const jx_read_options *opts)
{
	size_t skip = in->rawlen >= 3 && !memcmp(in->raw, "\xEF\xBB\xBF", 3) ? 3 : 0;
	jx_input_format seen = jx_input_detect(in->raw + skip, in->rawlen - skip);
	size_t whole = whole_lines(in->raw + skip, in->rawlen - skip, in->eof);
	if (in->rawlen == 0 || opts->encoding == JX_ENC_GB18030 || opts->encoding == JX_ENC_UTF16 ||
	    memchr(in->raw, '\f', in->rawlen) ||
	    (in->rawlen >= 2 &&
	     (!memcmp(in->raw, "\xFF\xFE", 2) || !memcmp(in->raw, "\xFE\xFF", 2))))
		return JX_INPUT_REPORT;
	/* not UTF-8 from the start (GB18030/GBK as Excel saves CSV in China): read whole */
	if (!jx_utf8_valid(in->raw + skip, whole, NULL))
		return JX_INPUT_REPORT;
	for (const char *cr = in->raw; (cr = memchr(cr, '\r', in->rawlen - (size_t)(cr - in->raw)));
	     cr++)
		if ((size_t)(cr - in->raw) + 1 < in->rawlen && cr[1] != '\n')
			return JX_INPUT_REPORT;
	/* as in jx_read_buffer: "csv" means either CSV kind, the header decides */
	if (opts->format != JX_INPUT_AUTO && opts->format != JX_INPUT_CSV_SCORES &&
	    opts->format != seen)
		return JX_INPUT_REPORT;
	/* only canonical CSV is streamed; report text and pasted tables are read whole */
	return seen == JX_INPUT_CSV_SCORES || seen == JX_INPUT_CSV_FIGURES ? seen : JX_INPUT_REPORT;
}

int jx_read_file_stream(const char *path, const jx_read_options *opts, const jx_read_sink *sink,
			char sha256[65])
{
	jx_read_options defaults = jx_read_options_default();
	instream in;
	jx__csv *r = NULL;
	jx_input_format fmt;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	int rc;

	if (!opts)
		opts = &defaults;
	memset(&in, 0, sizeof(in));
	in.path = path;
	if (!(in.f = fopen(path, "rb")))
		return jx__error(JX_EIO, "%s: %s", path, strerror(errno));
	if (!(in.md = EVP_MD_CTX_new()) || EVP_DigestInit_ex(in.md, EVP_sha256(), NULL) != 1) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = fill(&in)) != 0)
		goto out;
	if ((fmt = stream_format(&in, opts)) == JX_INPUT_REPORT) {
		fclose(in.f);
		in.f = NULL;
		rc = read_whole(path, opts, sink, sha256);
		goto out;
	}
	if ((rc = jx__csv_new(&r, path, fmt == JX_INPUT_CSV_FIGURES, opts, sink)) != 0)
		goto out;
	r->text_checked = 1;
	if ((rc = pump(&in, r, opts)) != 0)
		goto out;
	if (EVP_DigestFinal_ex(in.md, md, &mdlen) != 1 || mdlen != 32) {
		rc = jx__error(JX_EINVAL, _("%s: SHA-256 failed"), path);
		goto out;
	}
	for (unsigned i = 0; sha256 && i < 32; i++)
		snprintf(sha256 + 2 * i, 3, "%02x", md[i]);
out:
	jx__csv_free(r);
	EVP_MD_CTX_free(in.md);
	if (in.f)
		fclose(in.f);
	free(in.raw);
	free(in.text);
	return rc;
}
