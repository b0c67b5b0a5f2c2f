/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc.c -- the report's document model: an arena, blocks, tables, and numbers as printed.
 *
 * Section builders add blocks; on ENOMEM the functions hand back scraps of
 * static memory and set d->failed, so builders need no error paths and the
 * caller checks d->failed once at the end.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report/internal.h"

void rd_init(rd_doc *d, jx_lang lang)
{
	memset(d, 0, sizeof(*d));
	d->lang = lang;
	jx__arena_init(&d->arena, 64 * 1024);
}

void rd_free(rd_doc *d)
{
	jx__arena_free(&d->arena);
}

static void *scrap(rd_doc *d)
{
	static max_align_t junk[64];
	d->failed = 1;
	memset(junk, 0, sizeof(junk));
	return junk;
}

void *rd_alloc(rd_doc *d, size_t size)
{
	void *p = jx__arena_alloc(&d->arena, size);
	if (!p)
		return size <= sizeof(max_align_t) * 64 ? scrap(d) : (d->failed = 1, NULL);
	return memset(p, 0, size);
}

const char *rd_strdup(rd_doc *d, const char *s)
{
	size_t n = strlen(s ? s : "");
	char *p = rd_alloc(d, n + 1);
	if (!p || d->failed)
		return "";
	memcpy(p, s ? s : "", n + 1);
	return p;
}

const char *rd_printf(rd_doc *d, const char *fmt, ...)
{
	va_list ap;
	char small[256], *p;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	if ((size_t)n < sizeof(small))
		return rd_strdup(d, small);
	if (!(p = rd_alloc(d, (size_t)n + 1)))
		return "";
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Grow an arena array to hold need elements (old contents copied; the old copy stays in the arena). */
static void *grow(rd_doc *d, void *arr, size_t *cap, size_t need, size_t elem)
{
	void *p;
	if (need <= *cap)
		return arr;
	size_t n = *cap ? *cap * 2 : 8;
	while (n < need)
		n *= 2;
	if (!(p = rd_alloc(d, n * elem)) || d->failed)
		return arr;
	if (arr)
		memcpy(p, arr, *cap * elem);
	*cap = n;
	return p;
}

static rd_block *block(rd_doc *d, rd_kind kind)
{
	rd_block *b;
	d->blocks = grow(d, d->blocks, &d->cap, d->n + 1, sizeof(*d->blocks));
	if (d->failed)
		return scrap(d);
	b = &d->blocks[d->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

void rd_span_add(rd_doc *d, rd_inline *in, const char *text, const char *href, unsigned cls)
{
	in->spans = grow(d, in->spans, &in->cap, in->n + 1, sizeof(*in->spans));
	if (!d->failed)
		in->spans[in->n++] = (rd_span){rd_strdup(d, text), href ? rd_strdup(d, href) : NULL,
					       cls};
}

rd_block *rd_heading(rd_doc *d, int level, const char *id, const char *text)
{
	rd_block *b = block(d, RD_HEADING);
	b->level = level;
	b->id = id ? rd_strdup(d, id) : NULL;
	rd_span_add(d, &b->inl, text, NULL, 0);
	return b;
}

rd_block *rd_para(rd_doc *d)
{
	return block(d, RD_PARA);
}

rd_block *rd_para_text(rd_doc *d, const char *id, const char *text)
{
	rd_block *b = block(d, RD_PARA);
	b->id = id ? rd_strdup(d, id) : NULL;
	rd_span_add(d, &b->inl, text, NULL, 0);
	return b;
}

rd_block *rd_note(rd_doc *d, const char *text)
{
	rd_block *b = block(d, RD_NOTE);
	rd_span_add(d, &b->inl, text, NULL, 0);
	return b;
}

rd_block *rd_list(rd_doc *d, int ordered)
{
	return block(d, ordered ? RD_OLIST : RD_LIST);
}

rd_inline *rd_item(rd_doc *d, rd_block *list, const char *id)
{
	size_t cap = list->items_cap;
	list->items = grow(d, list->items, &list->items_cap, list->nitems + 1,
			   sizeof(*list->items));
	list->item_ids = grow(d, list->item_ids, &cap, list->nitems + 1, sizeof(*list->item_ids));
	if (d->failed)
		return scrap(d);
	memset(&list->items[list->nitems], 0, sizeof(*list->items));
	list->item_ids[list->nitems] = id ? rd_strdup(d, id) : NULL;
	return &list->items[list->nitems++];
}

rd_block *rd_cards(rd_doc *d)
{
	return block(d, RD_CARDS);
}

void rd_card_add(rd_doc *d, rd_block *b, const char *label, const char *value, const char *sub,
		 unsigned cls)
{
	b->cards = grow(d, b->cards, &b->cards_cap, b->ncards + 1, sizeof(*b->cards));
	if (!d->failed)
		b->cards[b->ncards++] = (rd_card){rd_strdup(d, label), rd_strdup(d, value),
						  sub ? rd_strdup(d, sub) : NULL, cls};
}

rd_block *rd_chart_add(rd_doc *d, jx_chart chart, const char *id, const char *caption)
{
	rd_block *b = block(d, RD_CHART);
	b->chart = rd_alloc(d, sizeof(*b->chart));
	if (d->failed)
		return b;
	b->chart->chart = chart;
	b->chart->id = rd_strdup(d, id);
	b->chart->caption = rd_printf(d, _("Figure %d. %s"), ++d->nfigures, caption);
	return b;
}

rd_table *rd_table_add(rd_doc *d, const char *id, const char *caption, size_t ncols)
{
	rd_block *b = block(d, RD_TABLE);
	rd_table *t = rd_alloc(d, sizeof(*t));
	if (d->failed)
		return t;
	t->id = id ? rd_strdup(d, id) : NULL;
	t->caption = caption ? rd_printf(d, _("Table %d. %s"), ++d->ntables, caption) : NULL;
	t->ncols = ncols;
	t->heads = rd_alloc(d, ncols * sizeof(*t->heads));
	t->colcls = rd_alloc(d, ncols * sizeof(*t->colcls));
	b->table = t;
	return t;
}

rd_table *rd_table_heads(rd_doc *d, const char *id, const char *caption, const char *const *heads,
			 size_t n, unsigned numeric)
{
	rd_table *t = rd_table_add(d, id, caption, n);
	for (size_t c = 0; c < n; c++)
		rd_col(t, c, _(heads[c]), numeric >> c & 1 ? RD_NUM : 0);
	return t;
}

void rd_col(rd_table *t, size_t i, const char *head, unsigned cls)
{
	if (t->heads && i < t->ncols) {
		t->heads[i] = head;
		t->colcls[i] = cls;
	}
}

rd_row *rd_row_add(rd_doc *d, rd_table *t, const char *id, unsigned cls)
{
	rd_row *r;
	t->rows = grow(d, t->rows, &t->cap, t->nrows + 1, sizeof(*t->rows));
	if (d->failed)
		return scrap(d);
	r = &t->rows[t->nrows++];
	r->id = id ? rd_strdup(d, id) : NULL;
	r->cls = cls;
	r->cells = rd_alloc(d, (t->ncols ? t->ncols : 1) * sizeof(*r->cells));
	return r;
}

void rd_cell_set(rd_row *r, size_t i, const char *text, const char *href, unsigned cls)
{
	if (!r->cells)
		return;
	r->cells[i].text = text;
	r->cells[i].href = href;
	r->cells[i].cls = cls;
}

/* ---- numbers ---- */

/* printf with decimals; a value that rounds to zero prints without a sign. */
static const char *fixed(rd_doc *d, double v, int decimals, int sign)
{
	char buf[64];
	if (!isfinite(v))
		return RD_DASH;
	snprintf(buf, sizeof(buf), sign ? "%+.*f" : "%.*f", decimals, v);
	if (strspn(buf + (buf[0] == '-' || buf[0] == '+'), "0.") ==
	    strlen(buf + (buf[0] == '-' || buf[0] == '+')))
		snprintf(buf, sizeof(buf), "%.*f", decimals, 0.0);
	return rd_strdup(d, buf);
}

const char *rd_pct(rd_doc *d, double rate)
{
	const char *s = fixed(d, rate * 100, 1, 0);
	return isfinite(rate) ? rd_printf(d, "%s%%", s) : s;
}

const char *rd_pp(rd_doc *d, double delta)
{
	return fixed(d, delta * 100, 1, 1);
}
const char *rd_slope(rd_doc *d, double slope)
{
	return fixed(d, slope * 100, 2, 1);
}
const char *rd_fixed(rd_doc *d, double v, int decimals)
{
	return fixed(d, v, decimals, 0);
}

const char *rd_pts(rd_doc *d, double v)
{
	char buf[64];
	if (!isfinite(v))
		return RD_DASH;
	jx_number_format(buf, sizeof(buf), round(v * 100) / 100 + 0.0);
	return rd_strdup(d, buf);
}

const char *rd_dpts(rd_doc *d, double v)
{
	const char *s = rd_pts(d, v);
	if (!isfinite(v) || s[0] == '-' || !strcmp(s, "0"))
		return s;
	return rd_printf(d, "+%s", s);
}

const char *rd_p(rd_doc *d, double p)
{
	if (isfinite(p) && p < 0.0005)
		return "<0.001";
	return fixed(d, p, 3, 0);
}

const char *rd_p_is(rd_doc *d, double p)
{
	if (isfinite(p) && p < 0.0005)
		return "p < 0.001";
	return rd_printf(d, "p = %s", fixed(d, p, 3, 0));
}

unsigned long rp_plural(double points)
{
	return points == 1 ? 1 : 2;
}

const char *rd_pct0(rd_doc *d, double rate)
{
	return rd_printf(d, "%.0f%%", rate * 100);
}

const char *rd_money(rd_doc *d, double v)
{
	char buf[64], out[96];
	size_t n, i, o = 0, lead;
	if (!isfinite(v))
		return RD_DASH;
	snprintf(buf, sizeof(buf), "%.2f", v);
	lead = buf[0] == '-';
	n = strcspn(buf + lead, ".");
	if (lead)
		out[o++] = '-';
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = buf[lead + i];
	}
	snprintf(out + o, sizeof(out) - o, "%s", buf + lead + n);
	return rd_strdup(d, out);
}
