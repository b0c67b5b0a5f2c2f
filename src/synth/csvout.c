/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csvout.c -- the canonical CSV files: scores, figures and aliases.
 *
 * Formats are the importer's (docs/formats.md): UTF-8, LF, '#' comment lines
 * before the header (the last one "# provenance: synthetic"), RFC 4180
 * quoting through jx_csv_write_field, numbers in their shortest exact form
 * through jx_number_format / jx_cents_format, so nothing depends on the
 * locale or the platform's printf of doubles.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "jixiao.h"
#include "synth.h"

void synth_write_comments(FILE *f, const char *options)
{
	fprintf(f,
		"# 合成数据 synthetic data: fictional departments of the fictional city 示例市 "
		"made by jixiao-synth %s; not real reports\n",
		options);
	fputs("# provenance: synthetic\n", f);
}

static void put_field(FILE *f, const char *s, int last)
{
	jx_csv_write_field(f, s);
	fputc(last ? '\n' : ',', f);
}

void synth_write_score_rows(FILE *f, const synth_dept *d, const synth_year *y, int review)
{
	char weight[32], score[32], year[16];

	snprintf(year, sizeof year, "%d", y->year);
	for (size_t i = 0; i < y->nrows; i++) {
		const synth_row *r = &y->rows[i];
		int half = review ? y->review_half[i] : y->self_half[i];

		jx_number_format(weight, sizeof weight, r->weight);
		jx_number_format(score, sizeof score, half / 2.0);
		put_field(f, d->name, 0);
		put_field(f, year, 0);
		put_field(f, review ? "review" : "self", 0);
		put_field(f, r->level1, 0);
		put_field(f, r->level2, 0);
		put_field(f, r->level3, 0);
		put_field(f, r->explanation, 0);
		put_field(f, weight, 0);
		put_field(f, score, 0);
		put_field(f, "stated", 1);
	}
}

void synth_write_figure_rows(FILE *f, const synth_dept *d, const synth_year *y)
{
	char value[32], year[16];

	snprintf(year, sizeof year, "%d", y->year);
	for (int i = 0; i < FIG_COUNT; i++) {
		if (!y->has_fig[i])
			continue;
		jx_cents_format(value, sizeof value, y->fig[i]);
		put_field(f, d->name, 0);
		put_field(f, year, 0);
		put_field(f, jx_figure_items()[i], 0); /* FIG_* follow the library's order */
		put_field(f, value, 0);
		put_field(f, jx_figure_unit(jx_figure_items()[i]), 1);
	}
}

/* One line per rename that normalisation does not already join. */
static int write_alias(FILE *f, const synth_row *o, const synth_row *n)
{
	char *from = jx_key_make(o->level1, o->level2, o->level3);
	char *to = jx_key_make(n->level1, n->level2, n->level3);
	int rc = from != NULL && to != NULL ? 0 : -1;

	if (rc == 0 && strcmp(from, to) != 0) {
		put_field(f, from, 0);
		put_field(f, to, 1);
	}
	free(from);
	free(to);
	return rc;
}

int synth_write_aliases(const char *path)
{
	const synth_row *olds[16], *news[16];
	size_t n = synth_renames(olds, news, 16);
	FILE *f = fopen(path, "w");
	int rc = 0;

	if (f == NULL) {
		fprintf(stderr, "jixiao-synth: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fputs("# 合成数据 synthetic data: indicator renames in jixiao-synth's fictional "
	      "frameworks\n"
	      "# provenance: synthetic\n"
	      "old,new\n",
	      f);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = write_alias(f, olds[i], news[i]);
	if (fclose(f) != 0 || rc != 0) {
		fprintf(stderr, "jixiao-synth: %s: write failed\n", path);
		return -1;
	}
	return 0;
}
