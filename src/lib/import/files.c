/* SPDX-License-Identifier: GPL-3.0-or-later */
/* files.c -- reading files into an import, reading and writing side by side.
 *
 * Reading and checking a file (csv.c) and writing it into SQLite take
 * about a third and two thirds of an import's time. A reader thread runs
 * jx_read_file_stream and passes each evaluation, as it completes, through
 * a small bounded queue to the calling thread, which stores it; so the two
 * overlap on a second core, and memory stays at QUEUE_CAP evaluations (and
 * DONE_CAP stored ones not yet freed, below). Only
 * the calling thread touches the database and calls the observer, in file
 * order. The first error, on either side, stops both. What the writer has
 * stored goes back through the queue's lock to the reader, which frees it:
 * freed on the other thread, the reader's allocations were handed between
 * malloc arenas under locks (issue 23). */
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include "import/internal.h"

#define QUEUE_CAP 64
#define DONE_CAP 128

enum { ITEM_EVAL, ITEM_FIGS, ITEM_SOURCE_END, ITEM_DONE, ITEM_FAILED };

typedef struct {
	int what;
	size_t source;   /* index into paths */
	void *part;      /* ITEM_EVAL / ITEM_FIGS: owned by the item */
	char sha256[65]; /* ITEM_EVAL: its content hash; ITEM_SOURCE_END: the file's */
	int rc;          /* ITEM_FAILED */
	char *message;   /* ITEM_FAILED: jx_error_last() of the reader thread */
} item;

typedef struct {
	mtx_t lock;
	cnd_t not_empty, roomy; /* roomy: at most half full (the reader waits for that) */
	item q[QUEUE_CAP];
	size_t head, count;
	void *done[DONE_CAP]; /* stored evaluations and figure sets, for the reader to free */
	int done_figs[DONE_CAP];
	size_t ndone;
	int stopped; /* the writer gave up: the reader stops at its next push */
	/* the reader's */
	const char *const *paths;
	size_t npaths, current;
	const jx_read_options *opts;
	jx__buf hashbuf;
} pipeline;

static void free_part(void *part, int figs);

static void item_free(item *it)
{
	if (it->what == ITEM_EVAL || it->what == ITEM_FIGS)
		free_part(it->part, it->what == ITEM_FIGS);
	free(it->message);
	memset(it, 0, sizeof(*it));
}

static void free_part(void *part, int figs)
{
	if (figs)
		jx_figures_free(part);
	else
		jx_evaluation_free(part);
}

/* Queue it (waiting while the queue is full); JX_EINVAL when the writer has stopped
 * (it stays the caller's). Each side wakes the other only when that one may wait. What the
 * writer gave back is freed here, outside the lock. */
static int push(pipeline *p, const item *it)
{
	void *done[DONE_CAP];
	int done_figs[DONE_CAP], stopped;
	size_t ndone;
	mtx_lock(&p->lock);
	ndone = p->ndone;
	memcpy(done, p->done, ndone * sizeof(*done));
	memcpy(done_figs, p->done_figs, ndone * sizeof(*done_figs));
	p->ndone = 0;
	while (p->count == QUEUE_CAP && !p->stopped)
		cnd_wait(&p->roomy, &p->lock);
	if (!(stopped = p->stopped)) {
		p->q[(p->head + p->count) % QUEUE_CAP] = *it;
		if (p->count++ == 0)
			cnd_signal(&p->not_empty);
	}
	mtx_unlock(&p->lock);
	for (size_t i = 0; i < ndone; i++)
		free_part(done[i], done_figs[i]);
	return stopped ? jx__error(JX_EINVAL, _("import stopped")) : 0;
}

/* The next item into *out; *stored (the item the writer is done with) goes back to the reader,
 * or is freed here when the reader has not taken enough back. */
static void pop(pipeline *p, item *out, item *stored)
{
	mtx_lock(&p->lock);
	if ((stored->what == ITEM_EVAL || stored->what == ITEM_FIGS) && p->ndone < DONE_CAP) {
		p->done_figs[p->ndone] = stored->what == ITEM_FIGS;
		p->done[p->ndone++] = stored->part;
		stored->what = ITEM_DONE; /* nothing left to free */
	}
	while (p->count == 0)
		cnd_wait(&p->not_empty, &p->lock);
	*out = p->q[p->head];
	p->head = (p->head + 1) % QUEUE_CAP;
	if (p->count-- == QUEUE_CAP / 2 + 1)
		cnd_signal(&p->roomy);
	mtx_unlock(&p->lock);
}

/* The content hash is made here, on the reader's side, to even out the two threads' work. */
static int keep_evaluation(void *ctx, jx_evaluation *ev)
{
	pipeline *p = ctx;
	item it = {ITEM_EVAL, p->current, ev, "", 0, NULL};
	jx__content_hash(&p->hashbuf, it.sha256, ev);
	return push(p, &it) == 0 ? JX_READ_KEEP : JX_EINVAL;
}

static int keep_figures(void *ctx, jx_figures *f)
{
	pipeline *p = ctx;
	item it = {ITEM_FIGS, p->current, f, "", 0, NULL};
	return push(p, &it) == 0 ? JX_READ_KEEP : JX_EINVAL;
}

static int reader_main(void *arg)
{
	pipeline *p = arg;
	jx_read_sink sink = {keep_evaluation, keep_figures, NULL};
	item it;
	int rc = 0;
	sink.ctx = p;
	for (p->current = 0; p->current < p->npaths && rc == 0; p->current++) {
		memset(&it, 0, sizeof(it));
		it.source = p->current;
		if ((rc = jx_read_file_stream(p->paths[p->current], p->opts, &sink, it.sha256)) !=
		    0) {
			it.what = ITEM_FAILED;
			it.rc = rc;
			it.message = jx__strdup(jx_error_last());
		} else {
			it.what = ITEM_SOURCE_END;
		}
		if (push(p, &it) != 0) {
			free(it.message);
			return 0;
		}
	}
	if (rc == 0) {
		memset(&it, 0, sizeof(it));
		it.what = ITEM_DONE;
		push(p, &it);
	}
	return 0;
}

/* Store one item; 1 when the reader is done, 0 to go on, or an error. */
static int take(jx_import *im, pipeline *p, item *it, const jx_import_observer *obs)
{
	const char *source = p->paths[it->source];
	switch (it->what) {
	case ITEM_EVAL:
		if (obs && obs->evaluation)
			obs->evaluation(obs->ctx, source, it->part);
		return jx__import_evaluation_hashed(im, source, it->part, it->sha256);
	case ITEM_FIGS:
		if (obs && obs->figures)
			obs->figures(obs->ctx, source, it->part);
		return jx_import_figures(im, source, it->part);
	case ITEM_SOURCE_END: return jx_import_source_end(im, it->sha256);
	case ITEM_FAILED:
		return jx__error(it->rc, "%s", it->message ? it->message : "out of memory");
	default: return 1;
	}
}

int jx_import_files(jx_import *im, const char *const *paths, size_t npaths,
		    const jx_read_options *opts, const jx_import_observer *obs)
{
	pipeline p;
	thrd_t reader;
	item it;
	int rc = 0;

	memset(&p, 0, sizeof(p));
	jx__buf_init(&p.hashbuf);
	p.paths = paths;
	p.npaths = npaths;
	p.opts = opts;
	if (mtx_init(&p.lock, mtx_plain) != thrd_success)
		return jx__error(JX_ENOMEM, _("cannot create a mutex"));
	if (cnd_init(&p.not_empty) != thrd_success) {
		mtx_destroy(&p.lock);
		return jx__error(JX_ENOMEM, _("cannot create a condition variable"));
	}
	if (cnd_init(&p.roomy) != thrd_success) {
		cnd_destroy(&p.not_empty);
		mtx_destroy(&p.lock);
		return jx__error(JX_ENOMEM, _("cannot create a condition variable"));
	}
	if (thrd_create(&reader, reader_main, &p) != thrd_success) {
		rc = jx__error(JX_ENOMEM, _("cannot start the reading thread"));
		goto out;
	}
	memset(&it, 0, sizeof(it));
	it.what = ITEM_DONE; /* nothing stored yet */
	while (rc == 0) {
		item stored = it;
		pop(&p, &it, &stored);
		item_free(&stored);
		rc = take(im, &p, &it, obs);
	}
	item_free(&it);
	/* stop the reader (it may wait for room), then drop what it queued */
	mtx_lock(&p.lock);
	p.stopped = 1;
	cnd_broadcast(&p.roomy);
	mtx_unlock(&p.lock);
	thrd_join(reader, NULL);
	while (p.count) {
		item_free(&p.q[p.head]);
		p.head = (p.head + 1) % QUEUE_CAP;
		p.count--;
	}
	while (p.ndone) {
		p.ndone--;
		free_part(p.done[p.ndone], p.done_figs[p.ndone]);
	}
out:
	jx__buf_free(&p.hashbuf);
	cnd_destroy(&p.roomy);
	cnd_destroy(&p.not_empty);
	mtx_destroy(&p.lock);
	return rc == 1 ? 0 : rc;
}
