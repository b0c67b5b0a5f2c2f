/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.c -- a PDF file read into tables and paragraphs: the child's geometry, laid out.
 *
 * What cannot be read gets a message saying what to do: an encrypted file
 * needs its password (and an unprotected copy), a scanned one needs OCR
 * first, a damaged one a fresh export from the program that made it. */
#include <string.h>
#include "pdf/internal.h"

static int status_error(const char *name, int status, const char *msg)
{
	switch (status) {
	case JX__PDF_ENCRYPTED:
		return jx__error(
			JX_EPARSE,
			_("%s: the PDF is encrypted (it needs a password to open); open it "
			  "with its password and save or print an unprotected copy, then "
			  "import that"),
			name);
	case JX__PDF_TOO_MANY_PAGES:
		return jx__error(JX_EPARSE, _("%s: the PDF has more than %d pages; refusing it"),
				 name, JX__PDF_MAX_PAGES);
	default:
		return jx__error(JX_EPARSE,
				 _("%s: not a readable PDF (%s); export it again from the program "
				   "that made it"),
				 name, msg && *msg ? msg : _("damaged"));
	}
}

static int check_text(const char *name, jx__pdf_layout *l, size_t npages)
{
	if (npages == 0)
		return jx__error(JX_EPARSE, _("%s: the PDF has no pages"), name);
	if ((size_t)l->pages_without_text == npages)
		return jx__error(JX_EPARSE,
				 _("%s: no page of this PDF has a text layer -- it is a scan (an "
				   "image of paper); it needs OCR first (for example ocrmypdf -l "
				   "chi_sim), then import the result"),
				 name);
	if (l->pages_without_text)
		return jx__pdf_layout_note(l,
					   _("%d of %zu pages have no text layer (scanned?); their "
					     "content is not read"),
					   l->pages_without_text, npages);
	return 0;
}

int jx__pdf_read(jx__pdf_layout **out, const char *name, const char *data, size_t len,
		 const char *debug_png)
{
	jx__sandbox_limits lim = jx__pdf_limits();
	jx__pdf_job job;
	jx__pdf_geometry g;
	jx__pdf_layout *l = NULL;
	jx__buf answer;
	char *msg = NULL;
	int status = 0, rc;

	*out = NULL;
	memset(&g, 0, sizeof(g));
	job.data = data;
	job.len = len;
	job.images = debug_png != NULL;
	if ((rc = jx__sandbox_run(&answer, name, jx__pdf_extract, &job, &lim)) != 0)
		return rc;
	rc = jx__wire_decode(&g, &status, &msg, name, (const unsigned char *)answer.data,
			     answer.len);
	jx__buf_free(&answer);
	if (rc == 0 && status != JX__PDF_OK)
		rc = status_error(name, status, msg);
	if (rc != 0)
		goto out;
	if (!(l = calloc(1, sizeof(*l)))) {
		rc = jx__oom();
		goto out;
	}
	if ((rc = jx__pdf_layout_document(l, &g)) != 0 || (rc = check_text(name, l, g.npages)) != 0)
		goto out;
	if (debug_png && (rc = jx__pdf_debug_png(debug_png, &g, l)) != 0)
		goto out;
	*out = l;
	l = NULL;
out:
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
	free(msg);
	return rc;
}
