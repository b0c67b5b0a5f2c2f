/* read.c -- reading an input file: size limit, encoding, format detection, dispatch. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

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
	if (line && n >= 16 && !strncmp(line, "department,year,", 16)) {
		if (n >= 20 && !strncmp(line + 16, "item", 4))
			return JX_INPUT_CSV_FIGURES;
		return JX_INPUT_CSV_SCORES;
	}
	return JX_INPUT_REPORT;
}

int jx_read_buffer(jx_batch **out, const char *name, const char *data, size_t len,
		   const jx_read_options *opts)
{
	jx_read_options defaults = jx_read_options_default();
	jx_encoding used = JX_ENC_UTF8;
	jx_input_format fmt;
	char *text = NULL;
	size_t tlen = 0;
	int rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (len == 0)
		return jx__error(JX_EPARSE, "%s:1: empty file", name);
	if (len > JX_MAX_INPUT)
		return jx__error(JX_EINVAL, "%s: file is larger than %zu MiB; refusing it", name,
				 JX_MAX_INPUT >> 20);
	if ((rc = jx_text_decode(&text, &tlen, &used, name, data, len, opts->encoding)) != 0)
		return rc;
	fmt = opts->format != JX_INPUT_AUTO ? opts->format : jx_input_detect(text, tlen);
	/* "csv" means either CSV kind: the header decides which */
	if (fmt == JX_INPUT_CSV_SCORES && jx_input_detect(text, tlen) == JX_INPUT_CSV_FIGURES)
		fmt = JX_INPUT_CSV_FIGURES;
	if (fmt != JX_INPUT_REPORT && used == JX_ENC_GB18030 && opts->encoding != JX_ENC_GB18030) {
		rc = jx__error(JX_EPARSE,
			       "%s:1: not UTF-8 (it reads as GB18030/GBK); canonical CSV must be "
			       "UTF-8: convert it (iconv -f GB18030 -t UTF-8) or pass --encoding gb18030",
			       name);
		goto out;
	}
	if (fmt == JX_INPUT_CSV_SCORES)
		rc = jx_csv_read_scores(out, name, text, tlen, opts);
	else if (fmt == JX_INPUT_CSV_FIGURES)
		rc = jx_csv_read_figures(out, name, text, tlen, opts);
	else
		rc = jx_report_read(out, name, text, tlen, opts);
	if (rc == 0)
		jx__sha256_hex((*out)->source_sha256, data, len);
out:
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
