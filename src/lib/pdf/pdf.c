/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.c -- a PDF file read into tables and paragraphs: the child's geometry, laid out.
 *
 * What cannot be read gets a message saying what to do: an encrypted file
 * needs its password (and an unprotected copy), a scanned one needs OCR
 * first, a damaged one a fresh export from the program that made it. */
#include <signal.h>
#include <string.h>
#include "pdf/internal.h"

#define TIMEOUT 120.0                  /* seconds of wall-clock (and CPU) time for the child */
#define MAX_ANSWER ((size_t)256 << 20) /* bytes the parent accepts from it */

/* What stopped the child, for people. */
static int child_error(const char *name, const jx__child_result *res)
{
	if (res->too_much)
		return jx__error(JX_EPARSE,
				 _("%s: the PDF reader produced more than %zu MiB; stopped"), name,
				 MAX_ANSWER >> 20);
	if (res->timed_out)
		return jx__error(
			JX_EPARSE,
			_("%s: reading the PDF took longer than %u s; stopped (a damaged or "
			  "hostile file?)"),
			name, (unsigned)TIMEOUT);
	if (res->signal == SIGXCPU || res->signal == SIGKILL)
		return jx__error(
			JX_EPARSE,
			_("%s: reading the PDF used more than %u s of CPU time; stopped (a "
			  "damaged or hostile file?)"),
			name, (unsigned)TIMEOUT);
	if (res->signal == SIGABRT)
		return jx__error(JX_EPARSE,
				 _("%s: the PDF reader gave up on this file (it needed more memory "
				   "than allowed, or poppler could not go on)"),
				 name);
	if (res->signal)
		return jx__error(JX_EPARSE,
				 _("%s: the PDF reader crashed on this file (signal %d)"), name,
				 res->signal);
	if (res->exit_code != 0)
		return jx__error(JX_EPARSE, _("%s: the PDF reader failed on this file (status %d)"),
				 name, res->exit_code);
	return 0;
}

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
	jx__child_result res;
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
	jx__buf_init(&answer);
	if ((rc = jx__child_run(&answer, &res, jx__pdf_extract, &job, TIMEOUT, MAX_ANSWER)) != 0 ||
	    (rc = child_error(name, &res)) != 0) {
		jx__buf_free(&answer);
		return rc;
	}
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
