/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_scale.c -- the province-scale paths: streaming CSV reads, imports stored as they are
 * read (on a second thread), the series cache and tables written piece by piece.
 *
 * Each streaming case is checked against the whole-file reader (jx_read_file)
 * or against an independent calculation written here: SHA-256 straight from
 * OpenSSL over the file's bytes, the content hash rebuilt with printf and
 * jx_number_format as the store wrote it before it was made faster, counts
 * by hand. Speed is measured by scripts/bench, not here. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include "base/internal.h"
#include "store/testing.h"
#include "jixiao.h"
#include "testutil.h"

#define HEADER "department,year,kind,level1,level2,level3,explanation,weight,score,score_origin\n"
#define FHEADER "department,year,item,value,unit\n"

typedef struct {
	char *dir;
	char path[600];
} tmpfile_t;

static const char *tmp_write(tmpfile_t *t, const char *name, const char *text, size_t len)
{
	if (!t->dir)
		t->dir = tu_mkdtemp();
	assert_non_null(t->dir);
	snprintf(t->path, sizeof(t->path), "%s/%s", t->dir, name);
	assert_int_equal(tu_write(t->path, text, len), 0);
	return t->path;
}

static void tmp_drop(tmpfile_t *t)
{
	if (t->dir)
		tu_rmdir(t->dir);
	free(t->dir);
	t->dir = NULL;
}

/* A sink that keeps everything it is handed, in order. */
typedef struct {
	jx_evaluation *evals[4096];
	size_t nevals;
	jx_figures *figs[256];
	size_t nfigs;
	size_t fail_at; /* 1-based evaluation to refuse with JX_EEXISTS, 0 = none */
} collected;

static int collect_eval(void *ctx, jx_evaluation *ev)
{
	collected *c = ctx;
	if (c->fail_at && c->nevals + 1 == c->fail_at)
		return jx__error(JX_EEXISTS, "refused by the test");
	assert_true(c->nevals < 4096);
	c->evals[c->nevals++] = ev;
	return JX_READ_KEEP;
}

static int collect_figs(void *ctx, jx_figures *f)
{
	collected *c = ctx;
	assert_true(c->nfigs < 256);
	c->figs[c->nfigs++] = f;
	return JX_READ_KEEP;
}

static void collected_free(collected *c)
{
	for (size_t i = 0; i < c->nevals; i++)
		jx_evaluation_free(c->evals[i]);
	for (size_t i = 0; i < c->nfigs; i++)
		jx_figures_free(c->figs[i]);
	memset(c, 0, sizeof(*c));
}

static int stream(collected *c, const char *path, char sha[65])
{
	jx_read_sink sink = {collect_eval, collect_figs, NULL};
	sink.ctx = c;
	jx_error_clear();
	return jx_read_file_stream(path, NULL, &sink, sha);
}

static void sha256_of_file(char out[65], const char *path)
{
	size_t len = 0;
	char *data = tu_read(path, &len);
	unsigned char md[32];
	unsigned int n = 0;
	assert_non_null(data);
	assert_int_equal(EVP_Digest(data, len, md, &n, EVP_sha256(), NULL), 1);
	for (unsigned i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	free(data);
}

static void same_evaluation(const jx_evaluation *a, const jx_evaluation *b)
{
	assert_string_equal(a->department, b->department);
	assert_int_equal(a->year, b->year);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->provenance, b->provenance);
	assert_int_equal(a->nrows, b->nrows);
	for (size_t i = 0; i < a->nrows; i++) {
		const jx_indicator *x = &a->rows[i], *y = &b->rows[i];
		assert_string_equal(x->level1, y->level1);
		assert_true(x->level1_weight == y->level1_weight ||
			    (isnan(x->level1_weight) && isnan(y->level1_weight)));
		assert_string_equal(x->level2, y->level2);
		assert_string_equal(x->level3, y->level3);
		assert_string_equal(x->explanation, y->explanation);
		assert_string_equal(x->key, y->key);
		assert_memory_equal(&x->weight, &y->weight, sizeof(double));
		assert_true(x->score == y->score || (isnan(x->score) && isnan(y->score)));
		assert_int_equal(x->origin, y->origin);
		assert_int_equal(x->line, y->line);
	}
}

/*
 * A scores file of n evaluations (department i / 2, years 2016 + i % 2) with
 * CRLF line ends, a BOM, quoted explanations spanning lines and weights
 * with decimals; the first comment line is padded so that a CR falls on the
 * last byte of the reader's first 1 MiB piece when pad_to_piece is set.
 */
static char *make_scores(size_t n, int pad_to_piece, size_t *len)
{
	jx__buf b;
	size_t fixed;
	jx__buf_init(&b);
	jx__buf_puts(&b, "\xEF\xBB\xBF# padding\r\n# provenance: synthetic\r\n");
	fixed = b.len;
	jx__buf_puts(&b, "department,year,kind,level1,level2,level3,explanation,weight,score,score_"
			 "origin\r\n");
	/* weights: 12 x 2.5 + 12 x 2.75 + 11 x 3 + 4 = 100 */
	for (size_t i = 0; i < n; i++)
		for (int r = 0; r < 36; r++)
			jx__buf_printf(
				&b,
				"部门%zu,%zu,self,类别%d "
				"(%d分),二级%d,指标%d,\"说明，第%d条\r\n第二行\",%s,%s,%s\r\n",
				i / 2, 2016 + i % 2, r / 12,
				r < 12   ? 30
				: r < 24 ? 33
					 : 37,
				r / 4, r, r,
				r < 12   ? "2.5"
				: r < 24 ? "2.75"
				: r < 35 ? "3"
					 : "4",
				r == 7 ? "" : (r < 12 ? "2.5" : "1.25"),
				r == 7 ? "missing" : "stated");
	assert_false(b.failed);
	if (pad_to_piece) {
		/* find a CR after 1 MiB, then pad the first comment so that it lands at 1 MiB - 1 */
		size_t piece = (size_t)1 << 20, at = piece - 1;
		while (b.data[at] != '\r')
			at--;
		{
			size_t pad = piece - 1 - at;
			jx__buf out;
			jx__buf_init(&out);
			jx__buf_put(&out, b.data, 3 + 9); /* BOM "# padding" */
			for (size_t k = 0; k < pad; k++)
				jx__buf_put(&out, "x", 1);
			jx__buf_put(&out, b.data + 12, b.len - 12);
			assert_int_equal(out.data[piece - 1], '\r');
			assert_int_equal(out.data[piece], '\n');
			jx__buf_free(&b);
			b = out;
		}
	}
	(void)fixed;
	*len = b.len;
	return jx__buf_detach(&b);
}

/* ---- streaming reads ---- */

static void test_scale__stream_equals_whole_read(void **state)
{
	tmpfile_t t = {0};
	collected c = {0};
	jx_batch *b = NULL;
	char sha[65], want[65];
	size_t len;
	char *text = make_scores(800, 1, &len); /* 800 x 36 rows, about 2.6 MB: three pieces */
	const char *path = tmp_write(&t, "s.csv", text, len);
	(void)state;
	assert_true(len > 2 * ((size_t)1 << 20));
	assert_int_equal(stream(&c, path, sha), 0);
	assert_int_equal(jx_read_file(&b, path, NULL), 0);
	assert_int_equal(c.nevals, 800);
	assert_int_equal(b->nevals, 800);
	/* contiguous evaluations come out in file order, each as the whole reader gives it */
	for (size_t i = 0; i < 800; i++)
		same_evaluation(c.evals[i], b->evals[i]);
	assert_int_equal(c.evals[0]->line, 4);
	assert_int_equal(c.evals[1]->rows[0].line, 4 + 36 * 2);
	assert_string_equal(c.evals[0]->rows[0].explanation, "说明，第0条\n第二行");
	assert_int_equal(c.evals[0]->provenance, JX_PROV_SYNTHETIC);
	sha256_of_file(want, path);
	assert_string_equal(sha, want);
	assert_string_equal(b->source_sha256, want);
	jx_batch_free(b);
	collected_free(&c);
	free(text);
	tmp_drop(&t);
}

static void test_scale__spread_rows_are_held_until_they_add_up(void **state)
{
	tmpfile_t t = {0};
	collected c = {0};
	static const char text[] = HEADER "甲,2022,self,一,二,三,,60,60,\n"
					  "甲,2023,self,一,二,三,,60,60,\n"
					  "甲,2022,self,一,二,四,,40,40,\n"
					  "甲,2023,self,一,二,四,,40,40,\n";
	(void)state;
	assert_int_equal(stream(&c, tmp_write(&t, "s.csv", text, strlen(text)), NULL), 0);
	/* 2022 adds up when 2023 takes over on line 5, 2023 at the end */
	assert_int_equal(c.nevals, 2);
	assert_int_equal(c.evals[0]->year, 2022);
	assert_int_equal(c.evals[0]->nrows, 2);
	assert_int_equal(c.evals[0]->rows[1].line, 4);
	assert_int_equal(c.evals[1]->year, 2023);
	assert_int_equal(c.evals[1]->nrows, 2);
	collected_free(&c);
	tmp_drop(&t);
}

static void test_scale__rows_after_hand_on_are_refused(void **state)
{
	tmpfile_t t = {0};
	collected c = {0};
	jx_batch *b = NULL;
	static const char text[] = HEADER "甲,2022,self,一,二,三,,100,60,\n"
					  "甲,2023,self,一,二,三,,100,60,\n"
					  "甲,2022,self,一,二,四,,10,10,\n";
	const char *path = tmp_write(&t, "s.csv", text, strlen(text));
	(void)state;
	assert_int_equal(stream(&c, path, NULL), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(),
			       "s.csv:4: a row of 甲 2022 self after its rows from "
			       "line 2 already added up"));
	/* the whole reader refuses the same file, for the weights */
	assert_int_equal(jx_read_file(&b, path, NULL), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "s.csv:2: weights of 甲 2022 self add up to 110"));
	collected_free(&c);
	tmp_drop(&t);
}

static void test_scale__weights_error_names_first_in_file(void **state)
{
	tmpfile_t t = {0};
	collected c = {0};
	static const char text[] = HEADER "甲,2021,self,一,二,三,,100,60,\n"
					  "甲,2022,self,一,二,三,,60,60,\n"
					  "甲,2023,self,一,二,三,,70,60,\n"
					  "甲,2024,self,一,二,三,,100,60,\n";
	(void)state;
	assert_int_equal(stream(&c, tmp_write(&t, "s.csv", text, strlen(text)), NULL), JX_EPARSE);
	assert_non_null(
		strstr(jx_error_last(), "s.csv:3: weights of 甲 2022 self add up to 60, not 100"));
	assert_int_equal(c.nevals, 2); /* 2021 and 2024 were complete */
	collected_free(&c);
	tmp_drop(&t);
}

static void test_scale__figures_of_a_year_stay_together(void **state)
{
	tmpfile_t t = {0};
	collected c = {0};
	jx_batch *b = NULL;
	static const char ok[] = FHEADER "甲,2023,budget_total,1,万元\n甲,2023,staff_in_post,3,人\n"
					 "甲,2024,budget_total,2,万元\n";
	static const char spread[] = FHEADER
		"甲,2023,budget_total,1,万元\n甲,2024,budget_total,2,万元\n"
		"甲,2023,staff_in_post,3,人\n";
	const char *path;
	(void)state;
	assert_int_equal(stream(&c, tmp_write(&t, "f.csv", ok, strlen(ok)), NULL), 0);
	assert_int_equal(c.nfigs, 2);
	assert_int_equal(c.figs[0]->nitems, 2);
	collected_free(&c);
	path = tmp_write(&t, "f.csv", spread, strlen(spread));
	assert_int_equal(stream(&c, path, NULL), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(),
			       "f.csv:4: figures of 甲 2023 continue here after rows "
			       "of another department-year (they began on line 2)"));
	/* the whole reader gathers them */
	assert_int_equal(jx_read_file(&b, path, NULL), 0);
	assert_int_equal(b->nfigs, 2);
	assert_int_equal(b->figs[0]->nitems, 2);
	jx_batch_free(b);
	collected_free(&c);
	tmp_drop(&t);
}

static void test_scale__decode_errors_as_whole_read(void **state)
{
	static const char *const cases[] = {
		HEADER "甲,2023,self,一,二,三,,100,60,\n甲,2023,self,一,二,\x01四,,0,0,\n",
		HEADER "甲,2023,self,一,二,三,,100,60,\n\xff\xfe,2023\n",
	};
	tmpfile_t t = {0};
	collected c = {0};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *path = tmp_write(&t, "d.csv", cases[i], strlen(cases[i]));
		jx_batch *b = NULL;
		char whole[1024];
		assert_true(jx_read_file(&b, path, NULL) < 0);
		snprintf(whole, sizeof(whole), "%s", jx_error_last());
		assert_true(stream(&c, path, NULL) < 0);
		assert_string_equal(jx_error_last(), whole);
		assert_non_null(strstr(whole, "d.csv:3: "));
		collected_free(&c);
	}
	/* GBK from the first line: both read it whole, to the same evaluation */
	{
		static const char gbk[] = HEADER "\xbc\xd7,2023,self,\xd2\xbb,\xb6\xfe,\xc8\xfd,,"
						 "100,60,\n"; /* 甲 一 二 三 in GBK */
		const char *path = tmp_write(&t, "gbk.csv", gbk, strlen(gbk));
		jx_batch *b = NULL;
		assert_int_equal(jx_read_file(&b, path, NULL), 0);
		assert_int_equal(stream(&c, path, NULL), 0);
		assert_int_equal(c.nevals, 1);
		assert_string_equal(c.evals[0]->department, "甲");
		assert_string_equal(b->evals[0]->rows[0].key, "一/二/三");
		assert_string_equal(c.evals[0]->rows[0].key, "一/二/三");
		assert_true(c.evals[0]->rows[0].score == 60);
		jx_batch_free(b);
		collected_free(&c);
	}
	/* a lone CR in a leading comment ends that line when decoded: both readers see a
	 * first line that is not a comment, so both read the file as report text */
	{
		static const char cr[] = "# note\rnot a comment\n" HEADER
					 "甲,2023,self,一,二,三,,100,60,\n";
		const char *path = tmp_write(&t, "cr.csv", cr, strlen(cr));
		jx_batch *b = NULL;
		char whole[1024];
		assert_true(jx_read_file(&b, path, NULL) < 0);
		snprintf(whole, sizeof(whole), "%s", jx_error_last());
		assert_true(stream(&c, path, NULL) < 0);
		assert_string_equal(jx_error_last(), whole);
	}
	/* a NUL byte, in a file of its own (strlen stops at it) */
	{
		static const char nul[] = HEADER "甲,2023,self,一,二,三,,100,60,\n\0\n";
		const char *path = tmp_write(&t, "n.csv", nul, sizeof(nul) - 1);
		assert_true(stream(&c, path, NULL) < 0);
		assert_non_null(strstr(jx_error_last(), "n.csv:3: contains a NUL byte"));
	}
	tmp_drop(&t);
}

static void test_scale__sink_error_stops_the_read(void **state)
{
	tmpfile_t t = {0};
	collected c = {0};
	size_t len;
	char *text = make_scores(10, 0, &len);
	(void)state;
	c.fail_at = 3;
	assert_int_equal(stream(&c, tmp_write(&t, "s.csv", text, len), NULL), JX_EEXISTS);
	assert_string_equal(jx_error_last(), "refused by the test");
	assert_int_equal(c.nevals, 2);
	collected_free(&c);
	free(text);
	tmp_drop(&t);
}

static void test_scale__reports_are_read_whole(void **state)
{
	collected c = {0};
	jx_batch *b = NULL;
	char sha[65];
	const char *path = tu_src("datasets/real/2023_nanjing_psb_narcotics_detachment.txt");
	(void)state;
	assert_int_equal(stream(&c, path, sha), 0);
	assert_int_equal(jx_read_file(&b, path, NULL), 0);
	assert_int_equal(c.nevals, 1);
	assert_int_equal(c.nfigs, 1);
	same_evaluation(c.evals[0], b->evals[0]);
	assert_int_equal(c.evals[0]->nrows, 36);
	assert_string_equal(sha, b->source_sha256);
	jx_batch_free(b);
	collected_free(&c);
}

/* ---- imports ---- */

static jx_store *open_file(const char *path)
{
	jx_store *s = NULL;
	if (jx_store_open(&s, path, JX_STORE_CREATE) != 0)
		fail_msg("open %s: %s", path, jx_error_last());
	return s;
}

static long long query_int(jx_store *s, const char *sql)
{
	return tu_query_int(jx__store_sqlite(s), sql);
}

static int import_files(jx_store *s, const char *const *paths, size_t n, jx_import_stats *st)
{
	jx_import *im = NULL;
	int rc = jx_import_begin(&im, s, 0);
	if (rc == 0)
		rc = jx_import_files(im, paths, n, NULL, NULL);
	if (rc == 0)
		rc = jx_import_commit(im, st);
	jx_import_free(im);
	return rc;
}

static void test_scale__import_files_stores_and_hashes(void **state)
{
	tmpfile_t t = {0};
	char db[700], scores[700], sha[65], query[300];
	const char *paths[2];
	jx_import_stats st;
	jx_store *s;
	size_t len;
	char *text = make_scores(300, 0, &len);
	static const char figs[] = FHEADER "部门0,2016,budget_total,3563.83,万元\n";
	(void)state;
	snprintf(scores, sizeof(scores), "%s", tmp_write(&t, "s.csv", text, len));
	paths[0] = scores;
	paths[1] = tmp_write(&t, "f.csv", figs, strlen(figs));
	snprintf(db, sizeof(db), "%s/j.db", t.dir);
	s = open_file(db);
	assert_int_equal(import_files(s, paths, 2, &st), 0);
	assert_int_equal(st.added, 300);
	assert_int_equal(st.rows, 300 * 36);
	assert_int_equal(st.figures_added, 1);
	assert_int_equal(query_int(s, "SELECT count(*) FROM indicator"), 300 * 36);
	assert_int_equal(query_int(s, "SELECT count(*) FROM indicator WHERE score IS NULL"), 300);
	assert_int_equal(query_int(s, "SELECT value_cents FROM figure"), 356383);
	/* every evaluation carries the SHA-256 of its file, known only after the last row */
	sha256_of_file(sha, scores);
	snprintf(query, sizeof(query), "SELECT count(*) FROM evaluation WHERE source_sha256 = '%s'",
		 sha);
	assert_int_equal(query_int(s, query), 300);
	/* again: identical content, nothing to do */
	assert_int_equal(import_files(s, paths, 2, &st), 0);
	assert_int_equal(st.unchanged, 300);
	assert_int_equal(st.added + st.replaced, 0);
	assert_int_equal(st.figures_unchanged, 1);
	jx_store_free(s);
	free(text);
	tmp_drop(&t);
}

static void test_scale__late_error_leaves_database_unchanged(void **state)
{
	tmpfile_t t = {0};
	char db[700], good[700], *before, *after;
	const char *paths[2];
	jx_store *s;
	size_t len;
	char *text = make_scores(200, 0, &len);
	jx__buf bad;
	(void)state;
	snprintf(good, sizeof(good), "%s", tmp_write(&t, "good.csv", text, len));
	/* the same rows under other department names, and a bad score on the very last line */
	jx__buf_init(&bad);
	jx__buf_puts(&bad, HEADER);
	for (int i = 0; i < 50; i++) {
		jx__buf_printf(&bad,
			       "乙%d,2020,self,一,二,三,,60,60,\n乙%d,2020,self,一,二,四,,40,40,\n",
			       i, i);
	}
	jx__buf_puts(&bad, "乙x,2020,self,一,二,三,,100,x,\n");
	paths[0] = good;
	paths[1] = tmp_write(&t, "bad.csv", bad.data, bad.len);
	snprintf(db, sizeof(db), "%s/j.db", t.dir);
	s = open_file(db);
	assert_int_equal(import_files(s, paths, 1, NULL), 0);
	jx_store_free(s);
	before = tu_db_dump(db);
	s = open_file(db);
	/* the first file again (unchanged), then the bad one */
	assert_int_equal(import_files(s, paths, 2, NULL), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), "bad.csv:102:9: score 'x' is not a number"));
	jx_store_free(s);
	after = tu_db_dump(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	jx__buf_free(&bad);
	free(text);
	tmp_drop(&t);
}

static void test_scale__writer_error_stops_the_reader(void **state)
{
	tmpfile_t t = {0};
	char db[700], first[700], *before, *after;
	const char *paths[2];
	jx_store *s;
	jx__buf b1, b2;
	(void)state;
	/* the second file changes 甲 2020, stored from the first: refused */
	jx__buf_init(&b1);
	jx__buf_init(&b2);
	jx__buf_puts(&b1, HEADER "甲,2020,self,一,二,三,,100,90,\n");
	jx__buf_puts(&b2, HEADER "甲,2020,self,一,二,三,,100,80,\n");
	for (int i = 0; i < 3000;
	     i++) /* more than the queue holds, so the reader must be stopped */
		jx__buf_printf(&b2, "丙%d,2020,self,一,二,三,,100,80,\n", i);
	snprintf(first, sizeof(first), "%s", tmp_write(&t, "a.csv", b1.data, b1.len));
	paths[0] = first;
	paths[1] = tmp_write(&t, "b.csv", b2.data, b2.len);
	snprintf(db, sizeof(db), "%s/j.db", t.dir);
	s = open_file(db);
	assert_int_equal(import_files(s, paths, 1, NULL), 0);
	jx_store_free(s);
	before = tu_db_dump(db);
	s = open_file(db);
	assert_int_equal(import_files(s, paths, 2, NULL), JX_EEXISTS);
	/* a.csv is this run's version of 甲 2020 (unchanged), so b.csv names it (issue 13.9) */
	assert_non_null(strstr(jx_error_last(), "b.csv:2: 甲 2020 (self) is also in "));
	assert_non_null(strstr(jx_error_last(), "a.csv with different content"));
	jx_store_free(s);
	after = tu_db_dump(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	jx__buf_free(&b1);
	jx__buf_free(&b2);
	tmp_drop(&t);
}

static void test_scale__commit_needs_the_source_hash(void **state)
{
	jx_store *s = NULL;
	jx_import *im = NULL;
	jx_evaluation *ev = jx_evaluation_new("甲", 2020, JX_KIND_SELF);
	(void)state;
	assert_int_equal(jx_store_open(&s, ":memory:", JX_STORE_CREATE), 0);
	assert_non_null(
		jx_evaluation_add_row(ev, "一", "二", "三", "", 100, 90, JX_ORIGIN_STATED, 2));
	assert_int_equal(jx_import_begin(&im, s, 0), 0);
	assert_int_equal(jx_import_evaluation(im, "x.csv", NULL, ev), 0);
	assert_int_equal(jx_import_commit(im, NULL), JX_EINVAL);
	jx_import_free(im);
	assert_int_equal(query_int(s, "SELECT count(*) FROM evaluation"), 0);
	/* with it, committed */
	assert_int_equal(jx_import_begin(&im, s, 0), 0);
	assert_int_equal(jx_import_evaluation(im, "x.csv", NULL, ev), 0);
	assert_int_equal(jx_import_source_end(im, "ab"), 0);
	assert_int_equal(jx_import_commit(im, NULL), 0);
	jx_import_free(im);
	assert_int_equal(query_int(s, "SELECT count(*) FROM evaluation WHERE source_sha256 = 'ab'"),
			 1);
	/* freed without a commit: rolled back */
	assert_int_equal(jx_import_begin(&im, s, JX_IMPORT_REPLACE), 0);
	ev->rows[0].score = 50;
	assert_int_equal(jx_import_evaluation(im, "y.csv", "cd", ev), 0);
	jx_import_free(im);
	assert_int_equal(query_int(s, "SELECT count(*) FROM evaluation WHERE source_sha256 = 'ab'"),
			 1);
	jx_evaluation_free(ev);
	jx_store_free(s);
}

/* The content hash as the store built it before: printf and jx_number_format. */
static void old_content_hash(char out[65], const jx_evaluation *ev)
{
	jx__buf b;
	char n1[64], n2[64], n3[64];
	unsigned char md[32];
	unsigned int n = 0;
	jx__buf_init(&b);
	jx_number_format(n1, sizeof(n1), ev->total_weight);
	jx_number_format(n2, sizeof(n2), ev->total_score);
	jx_number_format(n3, sizeof(n3), ev->self_score);
	jx__buf_printf(&b, "%s\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e", ev->department, ev->year,
		       jx_kind_name(ev->kind), jx_provenance_name(ev->provenance), n1, n2, n3);
	jx__buf_printf(&b, "%s\x1f%s\x1f%s\x1e", ev->problems ? ev->problems : "",
		       ev->suggestions ? ev->suggestions : "",
		       ev->conclusion ? ev->conclusion : "");
	for (size_t i = 0; i < ev->nrows; i++) {
		const jx_indicator *r = &ev->rows[i];
		jx_number_format(n1, sizeof(n1), r->weight);
		jx_number_format(n2, sizeof(n2), r->score);
		jx_number_format(n3, sizeof(n3), r->level1_weight);
		jx__buf_printf(&b, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e", r->level1,
			       n3, r->level2, r->level3, r->explanation, n1, n2,
			       jx_origin_name(r->origin));
	}
	EVP_Digest(b.data, b.len, md, &n, EVP_sha256(), NULL);
	for (unsigned i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	jx__buf_free(&b);
}

static void test_scale__content_hash_is_unchanged(void **state)
{
	static const double values[] = {2,           1.5,     0.25,  3563.83, -4,    0.1,  1e-7,
					123456789.5, 1.0 / 3, 2.675, 1e15,    99.99, 0.05, 7.125};
	jx_batch *b = NULL;
	jx_store *s = NULL;
	jx_evaluation *ev = jx_evaluation_new("示例", 2020, JX_KIND_REVIEW);
	sqlite3_stmt *st;
	char want[65];
	size_t nv = sizeof(values) / sizeof(values[0]);
	(void)state;
	/* rows with every kind of number, plus the real report */
	ev->total_weight = 100.5;
	ev->self_score = 97.25;
	ev->problems = jx__strdup("问题");
	for (size_t i = 0; i < nv; i++) {
		double w = fabs(values[i]), sc = values[(i + 3) % nv];
		char l3[32];
		int known = sc >= 0 && sc <= w;
		jx_indicator *r;
		snprintf(l3, sizeof(l3), "指标%zu", i);
		r = jx_evaluation_add_row(ev, "一", "二", l3, i % 2 ? "说明" : "", w,
					  known ? sc : NAN,
					  known ? JX_ORIGIN_STATED : JX_ORIGIN_MISSING, 0);
		assert_non_null(r);
		r->level1_weight = values[(i + 5) % nv];
	}
	assert_int_equal(jx_store_open(&s, ":memory:", JX_STORE_CREATE), 0);
	assert_int_equal(jx_batch_add_evaluation(b = jx_batch_new("x"), ev), 0);
	snprintf(b->source_sha256, sizeof(b->source_sha256), "00");
	assert_int_equal(jx_store_import(s, &b, 1, 0, NULL), 0);
	old_content_hash(want, ev);
	assert_int_equal(sqlite3_prepare_v2(jx__store_sqlite(s),
					    "SELECT content_sha256 FROM evaluation", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), want);
	sqlite3_finalize(st);
	jx_batch_free(b);
	/* the same through the reading thread, for the real report */
	{
		const char *path = tu_src(
			"datasets/real/2023_nanjing_psb_narcotics_detachment.csv");
		jx_batch *real = NULL;
		assert_int_equal(jx_read_file(&real, path, NULL), 0);
		old_content_hash(want, real->evals[0]);
		assert_int_equal(import_files(s, &path, 1, NULL), 0);
		assert_int_equal(sqlite3_prepare_v2(
					 jx__store_sqlite(s),
					 "SELECT content_sha256 FROM evaluation WHERE year = 2023",
					 -1, &st, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), want);
		sqlite3_finalize(st);
		jx_batch_free(real);
	}
	jx_store_free(s);
}

/* ---- the series cache ---- */

static void add_two_years(jx_store *s)
{
	jx_batch *b = jx_batch_new("t.csv");
	for (int y = 2021; y <= 2022; y++) {
		jx_evaluation *ev = jx_evaluation_new("甲", y, JX_KIND_SELF);
		assert_non_null(jx_evaluation_add_row(ev, "一", "二", y == 2021 ? "旧名" : "新名",
						      "", 100, 90, JX_ORIGIN_STATED, 2));
		assert_int_equal(jx_batch_add_evaluation(b, ev), 0);
	}
	assert_int_equal(jx_store_import(s, &b, 1, 0, NULL), 0);
	jx_batch_free(b);
}

static void assert_keys(jx_store *s, const char *k2021, const char *k2022)
{
	jx_series *sr = NULL;
	assert_int_equal(jx_store_series(s, &sr, "甲", JX_KIND_SELF, 0, 0), 0);
	assert_int_equal(sr->nrows, 2);
	assert_int_equal(sr->nyears, 2);
	assert_string_equal(sr->rows[0].key, k2021);
	assert_string_equal(sr->rows[1].key, k2022);
	assert_true(sr->years[1].total_score == 90 && sr->years[1].total_weight == 100);
	jx_series_free(sr);
}

static void test_scale__series_sees_alias_changes(void **state)
{
	tmpfile_t t = {0};
	char db[700];
	jx_store *a, *b;
	(void)state;
	t.dir = tu_mkdtemp();
	snprintf(db, sizeof(db), "%s/j.db", t.dir);
	a = open_file(db);
	add_two_years(a);
	assert_keys(a, "一/二/旧名", "一/二/新名");
	/* on the same connection */
	assert_int_equal(jx_store_alias_add(a, "一/二/旧名", "一/二/新名"), 0);
	assert_keys(a, "一/二/新名", "一/二/新名");
	/* from another connection: a must not keep its cached list */
	b = open_file(db);
	assert_int_equal(jx_store_alias_remove(b, "一/二/旧名"), 0);
	jx_store_free(b);
	assert_keys(a, "一/二/旧名", "一/二/新名");
	jx_store_free(a);
	tmp_drop(&t);
}

/* ---- tables written in pieces ---- */

static jx_table *small_table(int from, int n)
{
	jx_table *t = jx_table_new();
	assert_int_equal(jx_table_add_column(t, "name", NULL, JX_COL_TEXT, 0), 0);
	assert_int_equal(jx_table_add_column(t, "value", NULL, JX_COL_NUMBER, 0), 1);
	for (int i = from; i < from + n; i++) {
		char name[32];
		snprintf(name, sizeof(name), i % 2 ? "a,\"%d\"" : "b%d", i);
		assert_int_equal(jx_table_add_row(t), 0);
		assert_int_equal(jx_table_set_text(t, 0, name), 0);
		assert_int_equal(jx_table_set_number(t, 1, i / 4.0), 0);
	}
	return t;
}

static char *written(jx_format fmt, int rows_only_from_second)
{
	char *buf = NULL;
	size_t len = 0, rows = 0;
	FILE *f = open_memstream(&buf, &len);
	jx_table *parts[3] = {small_table(0, 0), small_table(0, 3), small_table(3, 2)};
	if (!rows_only_from_second) {
		jx_table *all = small_table(0, 5);
		jx_table_write(all, f, fmt, 0);
		jx_table_free(all);
	} else {
		for (int i = 0; i < 3; i++) {
			if (fmt == JX_FMT_CSV && i == 0)
				jx_table_write(parts[i], f, fmt, 0);
			else {
				if (fmt == JX_FMT_JSON && rows == 0 && jx_table_rows(parts[i]))
					fputc('[', f);
				assert_int_equal(jx_table_write_rows(parts[i], f, fmt, rows == 0),
						 0);
			}
			rows += jx_table_rows(parts[i]);
		}
		if (fmt == JX_FMT_JSON)
			fputs(rows ? "\n]\n" : "[]\n", f);
	}
	for (int i = 0; i < 3; i++)
		jx_table_free(parts[i]);
	fclose(f);
	return buf;
}

static void test_scale__table_rows_concatenate(void **state)
{
	char *whole, *pieces;
	(void)state;
	whole = written(JX_FMT_CSV, 0);
	pieces = written(JX_FMT_CSV, 1);
	assert_string_equal(whole, "name,value\nb0,0\n\"a,\"\"1\"\"\",0.25\nb2,0.5\n"
				   "\"a,\"\"3\"\"\",0.75\nb4,1\n");
	assert_string_equal(pieces, whole);
	free(whole);
	free(pieces);
	whole = written(JX_FMT_JSON, 0);
	pieces = written(JX_FMT_JSON, 1);
	assert_string_equal(pieces, whole);
	assert_non_null(strstr(
		whole, "[\n  {\"name\": \"b0\", \"value\": 0},\n  {\"name\": \"a,\\\"1\\\"\""));
	free(whole);
	free(pieces);
}

static void test_scale__table_numbers_as_number_format(void **state)
{
	static const double values[] = {0,        -0.0,    1,     -1,   0.5,  0.05, 0.1,
					2.675,    1.0 / 3, 1e-7,  1e11, 1e12, 1e15, 123456789012.25,
					-3563.83, 99.999,  1e300, 4.35};
	jx_table *t = jx_table_new();
	(void)state;
	assert_int_equal(jx_table_add_column(t, "v", NULL, JX_COL_NUMBER, 0), 0);
	assert_int_equal(jx_table_add_column(t, "i", NULL, JX_COL_INT, 0), 1);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		char want[64];
		assert_int_equal(jx_table_add_row(t), 0);
		assert_int_equal(jx_table_set_number(t, 0, values[i]), 0);
		jx_number_format(want, sizeof(want), values[i]);
		assert_string_equal(jx_table_cell(t, i, 0), want);
	}
	assert_int_equal(jx_table_set_int(t, 1, -9223372036854775807LL - 1), 0);
	assert_string_equal(jx_table_cell(t, jx_table_rows(t) - 1, 1), "-9223372036854775808");
	jx_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale__stream_equals_whole_read),
		cmocka_unit_test(test_scale__spread_rows_are_held_until_they_add_up),
		cmocka_unit_test(test_scale__rows_after_hand_on_are_refused),
		cmocka_unit_test(test_scale__weights_error_names_first_in_file),
		cmocka_unit_test(test_scale__figures_of_a_year_stay_together),
		cmocka_unit_test(test_scale__decode_errors_as_whole_read),
		cmocka_unit_test(test_scale__sink_error_stops_the_read),
		cmocka_unit_test(test_scale__reports_are_read_whole),
		cmocka_unit_test(test_scale__import_files_stores_and_hashes),
		cmocka_unit_test(test_scale__late_error_leaves_database_unchanged),
		cmocka_unit_test(test_scale__writer_error_stops_the_reader),
		cmocka_unit_test(test_scale__commit_needs_the_source_hash),
		cmocka_unit_test(test_scale__content_hash_is_unchanged),
		cmocka_unit_test(test_scale__series_sees_alias_changes),
		cmocka_unit_test(test_scale__table_rows_concatenate),
		cmocka_unit_test(test_scale__table_numbers_as_number_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
