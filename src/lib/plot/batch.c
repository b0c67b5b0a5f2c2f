/* SPDX-License-Identifier: GPL-3.0-or-later */
/* batch.c -- several charts drawn by one gnuplot.
 *
 * A gnuplot that draws a small chart spends most of its time starting:
 * loading its libraries, fontconfig's configuration and the fonts (~60 of
 * ~90 ms for one of `plot all`'s PNGs). A batch prepares each chart as
 * jx_plot_draw would, then hands gnuplot all the scripts at once, each
 * followed by `reset session` (variables, functions and settings back to
 * the defaults; every script sets its terminal and output itself), so the
 * images are the ones separate runs make, byte for byte. Only the built-in
 * templates are known to leave nothing `reset session` keeps (line types,
 * for one): a request with its own templates makes the batch draw one
 * gnuplot per chart, as does a failure of the shared run, so that the
 * failure found is one chart's, with the message jx_plot_draw gives.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "plot/internal.h"

typedef struct {
	char *script;   /* drawing into path */
	char *path;     /* the file gnuplot writes */
	jx_output *out; /* the target, or NULL: the image stays in memory */
	jx_image_format format;
	char *program; /* NULL = gnuplot on PATH */
	int timeout;   /* seconds, 0 = JX_PLOT_TIMEOUT */
	int rc;        /* the outcome of the run */
	char *message; /* its message when rc != 0 */
	char *image;   /* in memory, once drawn */
	size_t len;
} batch_item;

struct jx_plot_batch {
	batch_item *items;
	size_t n, cap;
	int alone; /* some chart has templates of its own: one gnuplot per chart */
};

int jx_plot_batch_new(jx_plot_batch **out)
{
	if (!(*out = calloc(1, sizeof(**out))))
		return jx__oom();
	return 0;
}

size_t jx_plot_batch_count(const jx_plot_batch *b)
{
	return b->n;
}

static void item_free(batch_item *it)
{
	jx_output_abort(it->out);
	if (!it->out && it->path)
		unlink(it->path);
	free(it->script);
	free(it->path);
	free(it->program);
	free(it->message);
	free(it->image);
}

void jx_plot_batch_free(jx_plot_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++)
		item_free(&b->items[i]);
	free(b->items);
	free(b);
}

/* Where gnuplot draws it: beside the target (jx_output), or a temporary file. */
static int item_place(batch_item *it, const jx_plot_request *req)
{
	int rc;
	if (!req->out_path)
		return plot__temp_image(&it->path);
	if (!*req->out_path)
		return jx__error(JX_EINVAL, _("an output file is required"));
	if ((rc = jx_output_open(&it->out, req->out_path)) != 0)
		return rc;
	if (!(it->path = jx__strdup(jx_output_temp_path(it->out))))
		return jx__oom();
	return 0;
}

int jx_plot_batch_add(jx_plot_batch *b, jx_store *s, const jx_plot_request *req)
{
	plot__ctx ctx;
	plot__job job = plot__chart_job(&ctx, s, req);
	jx_plot_request at = *req;
	batch_item it;
	int rc;
	if (req->script_path)
		return jx__error(JX_EINVAL, _("a chart drawn with others keeps no script"));
	if (jx__grow((void **)&b->items, &b->cap, b->n + 1, sizeof(*b->items)))
		return JX_ENOMEM;
	memset(&it, 0, sizeof(it));
	it.format = req->format;
	it.timeout = req->timeout > 0 ? req->timeout : JX_PLOT_TIMEOUT;
	if ((rc = item_place(&it, req)) != 0 ||
	    (req->gnuplot && !(it.program = jx__strdup(req->gnuplot)) && (rc = jx__oom()))) {
		item_free(&it);
		return rc;
	}
	at.out_path = it.path;
	if ((rc = plot__script_text(&it.script, &job, &at)) != 0) {
		item_free(&it);
		return rc;
	}
	if (req->templates_dir ||
	    (b->n > 0 && (!it.program != !b->items[0].program ||
			  (it.program && strcmp(it.program, b->items[0].program)))))
		b->alone = 1;
	b->items[b->n++] = it;
	return 0;
}

/* Every script, each followed by `reset session`, for one gnuplot; NULL on ENOMEM. */
static char *joined(const jx_plot_batch *b, int *timeout)
{
	jx__buf all;
	jx__buf_init(&all);
	*timeout = 0;
	for (size_t i = 0; i < b->n; i++) {
		jx__buf_puts(&all, b->items[i].script);
		jx__buf_puts(&all, "reset session\n");
		*timeout += b->items[i].timeout;
	}
	return jx__buf_detach(&all);
}

/* All charts by one gnuplot; 0 when it ran and every image is there. */
static int run_shared(jx_plot_batch *b)
{
	int timeout, rc;
	char *script = joined(b, &timeout);
	if (!script)
		return jx__oom();
	rc = plot__run(script, b->items[0].program, timeout);
	free(script);
	for (size_t i = 0; rc == 0 && i < b->n; i++)
		rc = plot__verify_image(b->items[i].path, b->items[i].format);
	return rc;
}

/* Chart i drawn alone, as jx_plot_draw draws it. */
static int run_alone(batch_item *it)
{
	int rc = plot__run(it->script, it->program, it->timeout);
	return rc ? rc : plot__verify_image(it->path, it->format);
}

/* The image drawn for it into place: the target replaced, or read into memory. */
static int finish(batch_item *it)
{
	int rc;
	if (it->out) {
		rc = jx_output_commit(it->out);
		it->out = NULL;
		return rc;
	}
	rc = jx__read_file(&it->image, &it->len, it->path, PLOT__IMAGE_MAX);
	unlink(it->path);
	return rc;
}

int jx_plot_batch_run(jx_plot_batch *b)
{
	int shared = !b->alone && b->n > 1;
	size_t first = b->n;
	if (shared && run_shared(b) != 0) {
		jx_error_clear();
		shared = 0; /* again one by one: the failure is then a chart's own */
	}
	for (size_t i = 0; i < b->n; i++) {
		batch_item *it = &b->items[i];
		it->rc = shared ? 0 : run_alone(it);
		if (it->rc == 0)
			it->rc = finish(it);
		if (it->rc != 0 && !(it->message = jx__strdup(jx_error_last())))
			it->rc = jx__oom();
		if (it->rc != 0 && first == b->n)
			first = i;
	}
	if (first == b->n)
		return 0;
	return jx__error(b->items[first].rc, "%s",
			 b->items[first].message ? b->items[first].message : "");
}

int jx_plot_batch_failure(const jx_plot_batch *b, size_t i, const char **message)
{
	if (message)
		*message = i < b->n && b->items[i].message ? b->items[i].message : "";
	return i < b->n ? b->items[i].rc : JX_ENOTFOUND;
}

int jx_plot_batch_take(jx_plot_batch *b, size_t i, char **out, size_t *len)
{
	*out = NULL;
	if (len)
		*len = 0;
	if (i >= b->n || !b->items[i].image)
		return jx__error(JX_ENOTFOUND, _("no image in memory for chart %zu"), i);
	*out = b->items[i].image;
	if (len)
		*len = b->items[i].len;
	b->items[i].image = NULL;
	return 0;
}
