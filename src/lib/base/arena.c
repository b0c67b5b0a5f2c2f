/* SPDX-License-Identifier: GPL-3.0-or-later */
/* arena.c -- memory handed out in pieces from large blocks and freed in one go.
 *
 * For what lives and dies together in great numbers: the strings of a
 * series, the cell texts of a table, the nodes of a report document.
 * Pieces are never freed one by one. A request larger than a quarter of the
 * block size gets a block of its own, put behind the current one so that
 * the current block's free space is not lost. */
#include <stdalign.h>
#include <stdint.h>
#include <string.h>
#include "base/internal.h"

struct jx__arena_block {
	jx__arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

void jx__arena_init(jx__arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size ? block_size : 4096;
}

void jx__arena_free(jx__arena *a)
{
	while (a->head) {
		jx__arena_block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}

static jx__arena_block *new_block(size_t cap)
{
	jx__arena_block *b;
	if (cap > SIZE_MAX - sizeof(*b) || !(b = malloc(sizeof(*b) + cap))) {
		jx__oom();
		return NULL;
	}
	b->used = 0;
	b->cap = cap;
	return b;
}

/* size bytes at an offset that is a multiple of align (a power of two). */
static void *take(jx__arena *a, size_t size, size_t align)
{
	jx__arena_block *b = a->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (b && at <= b->cap && b->cap - at >= size) {
		b->used = at + size;
		return (char *)b->data + at;
	}
	if (size > a->block_size / 4) { /* a block of its own, behind the current one */
		if (!(b = new_block(size)))
			return NULL;
		b->used = size;
		b->next = a->head ? a->head->next : NULL;
		if (a->head)
			a->head->next = b;
		else
			a->head = b;
		return b->data;
	}
	if (!(b = new_block(a->block_size)))
		return NULL;
	b->next = a->head;
	a->head = b;
	b->used = size;
	return b->data;
}

void *jx__arena_alloc(jx__arena *a, size_t size)
{
	return take(a, size ? size : 1, alignof(max_align_t));
}

char *jx__arena_strndup(jx__arena *a, const char *s, size_t n)
{
	char *p;
	if (n == SIZE_MAX || !(p = take(a, n + 1, 1)))
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
