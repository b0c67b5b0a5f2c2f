/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_legacy.c -- the legacy binary formats: compound files sniffed by their root streams,
 * .xls/.et read into the table model through FreeXL, .doc/.wps converted by LibreOffice.
 *
 * The fixtures (tests/fixtures/legacy, made by make.py from one synthetic table) were
 * written by openpyxl/python-docx and converted by LibreOffice; the expected cells below
 * are the values make.py writes. Small compound files are built here byte by byte from
 * the MS-CFB layout. The LibreOffice step is checked with fake `soffice` scripts put first
 * on PATH (arguments, output, failure, time limit) and, when it is installed, for real.
 * ctest-labels: slow (LibreOffice converts for real, ~15 s) */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <zip.h>
#include "ingest/internal.h"
#include "jixiao.h"
#include "testutil.h"

#define FIX "tests/fixtures/legacy/"

static char *fixture(const char *name, size_t *len)
{
	char *data = tu_read(tu_src(name), len);
	assert_non_null(data);
	return data;
}

/* ---- compound files ---- */

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8), p[2] = (unsigned char)(v >> 16),
	p[3] = (unsigned char)(v >> 24);
}

/* Directory entry i of a hand-made file: name, type, left, right, child. */
static void entry(unsigned char *dir, int i, const char *name, int type, uint32_t left,
		  uint32_t right, uint32_t child)
{
	unsigned char *e = dir + 128 * i;
	size_t k = strlen(name);
	for (size_t j = 0; j < k; j++)
		e[2 * j] = (unsigned char)name[j];
	e[0x40] = (unsigned char)(2 * (k + 1));
	e[0x42] = (unsigned char)type;
	put32(e + 0x44, left);
	put32(e + 0x48, right);
	put32(e + 0x4C, child);
}

/* A version-3 compound file: header, FAT in sector 0, directory in sector 1 (4 entries). */
static void cfb_make(unsigned char f[1536], uint32_t dir_next)
{
	static const unsigned char sig[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	memset(f, 0, 1536);
	memcpy(f, sig, 8);
	f[0x1A] = 3, f[0x1C] = 0xFE, f[0x1D] = 0xFF, f[0x1E] = 9, f[0x20] = 6;
	put32(f + 0x2C, 1);           /* one FAT sector */
	put32(f + 0x30, 1);           /* directory starts in sector 1 */
	put32(f + 0x3C, 0xFFFFFFFEu); /* no mini FAT */
	put32(f + 0x44, 0xFFFFFFFEu); /* no DIFAT sectors */
	for (int i = 0; i < 109; i++)
		put32(f + 0x4C + 4 * i, i == 0 ? 0 : 0xFFFFFFFFu);
	for (int i = 0; i < 128; i++)
		put32(f + 512 + 4 * i, i == 0 ? 0xFFFFFFFDu : i == 1 ? dir_next : 0xFFFFFFFFu);
}

static void test_legacy__sniff_root_streams(void **state)
{
	static const char *const files[][2] = {
		{FIX "eval.doc", "word"}, {FIX "eval.wps", "word"},  {FIX "eval.xls", "excel"},
		{FIX "eval.et", "excel"}, {FIX "eval.docx", "none"}, {FIX "eval.xlsx", "none"}};
	const uint32_t none = 0xFFFFFFFFu;
	unsigned char f[1536], *dir = f + 1024;
	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		size_t len;
		char *data = fixture(files[i][0], &len);
		jx__cfb_kind want = !strcmp(files[i][1], "word")    ? JX__CFB_WORD
				    : !strcmp(files[i][1], "excel") ? JX__CFB_EXCEL
								    : JX__CFB_NONE;
		assert_int_equal(jx__cfb_sniff(data, len), want);
		if (want != JX__CFB_NONE) /* cut to its header and a sector: not readable */
			assert_int_equal(jx__cfb_sniff(data, 1024), JX__CFB_DAMAGED);
		free(data);
	}
	/* a password-protected OOXML package: EncryptionInfo with EncryptedPackage beside it */
	cfb_make(f, 0xFFFFFFFEu);
	entry(dir, 0, "Root Entry", 5, none, none, 1);
	entry(dir, 1, "EncryptionInfo", 2, none, 2, none);
	entry(dir, 2, "EncryptedPackage", 2, none, none, none);
	assert_int_equal(jx__cfb_sniff((const char *)f, sizeof(f)), JX__CFB_ENCRYPTED);
	/* a Workbook inside a storage (an embedded sheet) is not the file's own */
	cfb_make(f, 0xFFFFFFFEu);
	entry(dir, 0, "Root Entry", 5, none, none, 1);
	entry(dir, 1, "ObjectPool", 1, none, 3, 2);
	entry(dir, 2, "Workbook", 2, none, none, none);
	entry(dir, 3, "WordDocument", 2, none, none, none);
	assert_int_equal(jx__cfb_sniff((const char *)f, sizeof(f)), JX__CFB_WORD);
	entry(dir, 3, "Other", 2, none, none, none);
	assert_int_equal(jx__cfb_sniff((const char *)f, sizeof(f)), JX__CFB_OTHER);
	/* a sibling loop and a directory chain that loops on itself end, unread */
	entry(dir, 1, "Workbook", 2, 1, 1, none);
	assert_int_equal(jx__cfb_sniff((const char *)f, sizeof(f)), JX__CFB_EXCEL);
	cfb_make(f, 1);
	entry(dir, 0, "Root Entry", 5, none, none, 1);
	entry(dir, 1, "Workbook", 2, none, none, none);
	assert_int_equal(jx__cfb_sniff((const char *)f, sizeof(f)), JX__CFB_DAMAGED);
	assert_int_equal(jx__cfb_sniff("not a compound file", 19), JX__CFB_NONE);
}

/* ---- .xls / .et ---- */

static void check_eval_sheet(const jx_doc *d)
{
	const jx_doc_table *t = d->blocks[0].table, *notes = d->blocks[1].table;
	char place[64];
	assert_int_equal(d->format, JX_DOC_XLS);
	assert_int_equal(d->nblocks, 2); /* the sheet 空白 has no value: not a table */
	assert_non_null(t);
	assert_string_equal(t->sheet, "自评表");
	assert_int_equal(t->number, 1);
	assert_int_equal(t->nrows, 15);
	assert_int_equal(t->ncols, 7);
	assert_string_equal(jx_doc_table_text(t, 0, 0), "# provenance: synthetic");
	assert_string_equal(jx_doc_table_text(t, 2, 0),
			    "2023年度示例市文化和旅游局部门整体支出绩效自评表");
	assert_string_equal(jx_doc_table_text(t, 3, 0), "单位（盖章）：示例市文化和旅游局");
	assert_string_equal(jx_doc_table_text(t, 4, 4), "分值");
	assert_string_equal(jx_doc_table_text(t, 5, 0), "投入（15分）");
	assert_string_equal(jx_doc_table_text(t, 5, 4), "4");
	assert_string_equal(jx_doc_table_text(t, 6, 0), ""); /* merged down: blank */
	assert_string_equal(jx_doc_table_text(t, 6, 1), "");
	assert_string_equal(jx_doc_table_text(t, 6, 5), "3.5"); /* 0.1 * 35 = 3.5000000000000004 */
	assert_string_equal(jx_doc_table_text(t, 6, 6), "个别收入未纳入预算");
	assert_string_equal(jx_doc_table_text(t, 13, 2), "群众满意度");
	assert_string_equal(jx_doc_table_text(t, 14, 0), "合计");
	assert_string_equal(jx_doc_table_text(t, 14, 4), "100");
	assert_string_equal(jx_doc_table_text(t, 14, 5), "95.5");
	jx_doc_place(place, sizeof(place), d, t, jx_doc_table_slot(t, 6, 5)->origin);
	assert_string_equal(place, "自评表!F7");
	jx_doc_place(place, sizeof(place), d, t, jx_doc_table_slot(t, 6, 0)->origin);
	assert_string_equal(place, "自评表!A7"); /* blank slots know their place too */
	assert_string_equal(notes->sheet, "说明");
	assert_int_equal(notes->nrows, 3);
	assert_int_equal(notes->ncols, 1);
	assert_int_equal(d->nnotes, 1);
	assert_string_equal(d->notes[0], "sheet 空白 is empty");
}

static void test_legacy__xls_and_et_cells(void **state)
{
	static const char *const files[] = {FIX "eval.xls", FIX "eval.et"};
	(void)state;
	for (size_t i = 0; i < 2; i++) {
		size_t len;
		char *data = fixture(files[i], &len);
		jx_doc *d = NULL;
		assert_int_equal(jx_doc_read_xls(&d, files[i], data, len), 0);
		assert_string_equal(d->name, files[i]);
		check_eval_sheet(d);
		jx_doc_free(d);
		free(data);
	}
}

/* Through jx_read_file (content sniffing, FreeXL, the recogniser): the values make.py
 * wrote -- weights 4 4 7 10 5 10 20 20 20, scores 4 3.5 7 9 5 10 18 20 19, 合计 100 / 95.5,
 * 投入 declared 15 -- and the provenance its first row states. */
static void test_legacy__xls_reads_evaluation(void **state)
{
	static const double weight[] = {4, 4, 7, 10, 5, 10, 20, 20, 20};
	static const double score[] = {4, 3.5, 7, 9, 5, 10, 18, 20, 19};
	static const char *const files[] = {FIX "eval.xls", FIX "eval.et"};
	(void)state;
	for (size_t f = 0; f < 2; f++) {
		jx_batch *b = NULL;
		const jx_evaluation *ev;
		if (jx_read_file(&b, tu_src(files[f]), NULL) != 0)
			fail_msg("%s: %s", files[f], jx_error_last());
		assert_int_equal(b->nevals, 1);
		ev = b->evals[0];
		assert_string_equal(ev->department, "示例市文化和旅游局");
		assert_int_equal(ev->year, 2023);
		assert_int_equal(ev->kind, JX_KIND_SELF);
		assert_int_equal(ev->provenance, JX_PROV_SYNTHETIC);
		assert_int_equal(ev->nrows, 9);
		for (size_t i = 0; i < 9; i++) {
			assert_true(ev->rows[i].weight == weight[i]);
			assert_true(ev->rows[i].score == score[i]);
		}
		assert_string_equal(ev->rows[1].key, "投入/预算编制/预算编制完整性");
		assert_string_equal(ev->rows[8].key, "效益/社会效益/群众满意度");
		assert_true(ev->rows[0].level1_weight == 15);
		assert_true(ev->total_weight == 100 && ev->total_score == 95.5);
		jx_batch_free(b);
	}
}

static void expect_xls_error(const char *data, size_t len, const char *want)
{
	jx_doc *d = (jx_doc *)1;
	jx_error_clear();
	assert_int_equal(jx_doc_read_xls(&d, "b.xls", data, len), JX_EPARSE);
	assert_null(d);
	if (strncmp(jx_error_last(), "b.xls: ", 7) != 0 || !strstr(jx_error_last(), want))
		fail_msg("'%s' does not say '%s'", jx_error_last(), want);
}

static void test_legacy__xls_refused(void **state)
{
	size_t len, dlen, olen;
	char *xls = fixture(FIX "eval.xls", &len), *doc = fixture(FIX "eval.doc", &dlen);
	char *over = fixture(FIX "damaged_freexl_overread.xls", &olen);
	(void)state;
	expect_xls_error("PK\3\4 not a compound file", 24, "not an Excel 97-2003 workbook");
	expect_xls_error(doc, dlen, "holds no Excel workbook");
	expect_xls_error(xls, len / 2, "not a readable Excel 97-2003 workbook");
	/* FreeXL 1.0.6 over-reads the stack on this one (found by fuzz_xls): an error here,
	 * FreeXL's own or, under a sanitizer, its child's crash */
	expect_xls_error(over, olen, "workbook");
	free(xls);
	free(doc);
	free(over);
}

/* Records as a (subverted) child might send them: every one checked. */
static void put(char **p, char type, uint32_t a, uint32_t b, const char *text)
{
	uint32_t n = text ? (uint32_t)strlen(text) : 0;
	*(*p)++ = type;
	memcpy(*p, &a, 4);
	memcpy(*p + 4, &b, 4);
	memcpy(*p + 8, &n, 4);
	memcpy(*p + 12, text ? text : "", n);
	*p += 12 + n;
}

static void expect_records(const char *rec, size_t len, int code, const char *want)
{
	jx_doc *d = (jx_doc *)1;
	jx_error_clear();
	assert_int_equal(jx__xls_records_read(&d, "r.xls", rec, len), code);
	assert_null(d);
	if (!strstr(jx_error_last(), want))
		fail_msg("'%s' does not say '%s'", jx_error_last(), want);
}

static void test_legacy__xls_records_checked(void **state)
{
	/* an index outside the sheet, a cell before any sheet, text that is not UTF-8, an
	 * unknown type, bytes after the end, a grid larger than the table model takes, what
	 * FreeXL said (-17: no workbook), a password */
	static const struct {
		struct {
			char type;
			uint32_t a, b;
			const char *text;
		} r[2];
		int code;
		const char *want;
	} bad[] = {
		{{{'S', 2, 3, "a"}, {'C', 2, 0, "x"}}, JX_EPARSE, "stopped early"},
		{{{'C', 0, 0, "x"}}, JX_EPARSE, "stopped early"},
		{{{'S', 1, 1, "\xff\xfe"}}, JX_EPARSE, "stopped early"},
		{{{'Q', 1, 1, NULL}}, JX_EPARSE, "stopped early"},
		{{{'D', 0, 0, NULL}, {'S', 1, 1, "a"}}, JX_EPARSE, "stopped early"},
		{{{'S', 65536, 65536, "big"}},
		 JX_EPARSE,
		 "r.xls: sheet big spans 65536 rows × 65536"},
		{{{'S', 3, 0x430003, "wide"}},
		 JX_EPARSE,
		 "more than jixiao reads from an .xls sheet"},
		{{{'X', (uint32_t)-17, 0, NULL}},
		 JX_EPARSE,
		 "r.xls: the file holds no Excel workbook"},
		{{{'P', 0, 0, NULL}}, JX_EPARSE, "r.xls: the workbook is password-protected"},
	};
	char rec[512], *p = rec;
	jx_doc *d = NULL;
	(void)state;
	put(&p, 'S', 2, 3, "表一");
	put(&p, 'C', 1, 2, "合计");
	put(&p, 'S', 0, 0, "空");
	put(&p, 'D', 0, 0, NULL);
	assert_int_equal(jx__xls_records_read(&d, "r.xls", rec, (size_t)(p - rec)), 0);
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].table->sheet, "表一");
	assert_string_equal(jx_doc_table_text(d->blocks[0].table, 1, 2), "合计");
	assert_string_equal(d->notes[0], "sheet 空 is empty");
	jx_doc_free(d);
	/* no end record; a bad length */
	expect_records(rec, (size_t)(p - rec) - 13, JX_EPARSE, "r.xls: the workbook could not");
	memcpy(rec + 9, "\xff\xff\xff\x7f", 4);
	expect_records(rec, (size_t)(p - rec), JX_EPARSE, "stopped early");
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		p = rec;
		for (size_t k = 0; k < 2 && bad[i].r[k].type; k++)
			put(&p, bad[i].r[k].type, bad[i].r[k].a, bad[i].r[k].b, bad[i].r[k].text);
		expect_records(rec, (size_t)(p - rec), bad[i].code, bad[i].want);
	}
}

/* ---- the child process a parser runs in ---- */

static int child_crashes(void *arg, int fd)
{
	(void)arg;
	if (write(fd, "partial", 7) != 7)
		return 1;
	raise(SIGSEGV);
	return 0;
}

static int child_hangs(void *arg, int fd)
{
	(void)arg;
	(void)fd;
	for (;;)
		pause();
	return 0;
}

static int child_floods(void *arg, int fd)
{
	char block[4096];
	(void)arg;
	memset(block, 'x', sizeof(block));
	while (write(fd, block, sizeof(block)) > 0)
		;
	return 1;
}

static int child_answers(void *arg, int fd)
{
	return write(fd, arg, strlen(arg)) == (ssize_t)strlen(arg) ? 0 : 1;
}

static void test_legacy__child_limits(void **state)
{
	jx__child_result res;
	jx__buf out;
	(void)state;
	jx__buf_init(&out);
	assert_int_equal(jx__child_run(&out, &res, child_answers, "hello", 10, 100), 0);
	assert_int_equal(res.exit_code, 0);
	assert_int_equal(res.signal, 0);
	assert_int_equal(out.len, 5);
	assert_memory_equal(out.data, "hello", 5);
	out.len = 0;
	assert_int_equal(jx__child_run(&out, &res, child_crashes, NULL, 10, 100), 0);
	assert_int_equal(res.signal, SIGSEGV);
	assert_int_equal(res.exit_code, -1);
	assert_int_equal(out.len, 7); /* what it sent before */
	out.len = 0;
	assert_int_equal(jx__child_run(&out, &res, child_floods, NULL, 10, 100000), 0);
	assert_true(res.too_much);
	assert_true(out.len <= 100000);
	out.len = 0;
	assert_int_equal(jx__child_run(&out, &res, child_hangs, NULL, 0.5, 100), 0);
	assert_true(res.timed_out);
	assert_int_equal(res.signal, SIGKILL);
	jx__buf_free(&out);
}

/* ---- LibreOffice ---- */

typedef struct {
	char *dir;      /* a temporary directory: bin/ (first on PATH) and tmp/ (TMPDIR) */
	char *old_path; /* restored afterwards */
	char *old_tmp;
} fake_env;

/* script with every @DIR@ replaced by dir; malloc'd. */
static char *with_dir(const char *script, const char *dir)
{
	char *out = malloc(strlen(script) * 2 + strlen(dir) * 8 + 64), *o = out;
	o += sprintf(o, "#!/bin/sh\n");
	for (const char *p = script; *p;)
		if (!strncmp(p, "@DIR@", 5)) {
			o += sprintf(o, "%s", dir);
			p += 5;
		} else
			*o++ = *p++;
	*o++ = '\n';
	*o = '\0';
	return out;
}

/* A fake soffice (script body, @DIR@ for the test's directory) first on PATH; TMPDIR a
 * fresh directory with a space in its name. script NULL: no soffice at all. */
static void fake_soffice(fake_env *e, const char *script)
{
	char path[700], *body;
	e->dir = tu_mkdtemp();
	assert_non_null(e->dir);
	e->old_path = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	e->old_tmp = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	snprintf(path, sizeof(path), "%s/bin", e->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/tmp dir", e->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	setenv("TMPDIR", path, 1);
	snprintf(path, sizeof(path), "%s/bin:/usr/bin:/bin", e->dir);
	setenv("PATH", path, 1);
	if (!script)
		return;
	snprintf(path, sizeof(path), "%s/bin/soffice", e->dir);
	body = with_dir(script, e->dir);
	assert_int_equal(tu_write(path, body, strlen(body)), 0);
	assert_int_equal(chmod(path, 0700), 0);
	free(body);
}

static void fake_end(fake_env *e)
{
	setenv("PATH", e->old_path, 1);
	if (e->old_tmp)
		setenv("TMPDIR", e->old_tmp, 1);
	else
		unsetenv("TMPDIR");
	unsetenv("JIXIAO_CONVERT_TIMEOUT");
	tu_rmdir(e->dir);
	free(e->dir);
	free(e->old_path);
	free(e->old_tmp);
}

/* The private directory is gone: TMPDIR is empty again. */
static void tmpdir_empty(const fake_env *e)
{
	char cmd[800], *out = NULL;
	char *argv[] = {"/bin/ls", "-A", cmd, NULL};
	snprintf(cmd, sizeof(cmd), "%s/tmp dir", e->dir);
	assert_int_equal(tu_run(argv, &out, NULL), 0);
	assert_string_equal(out, "");
	free(out);
}

static void test_legacy__convert_without_soffice(void **state)
{
	fake_env e;
	char *out = (char *)1;
	size_t n = 1;
	(void)state;
	fake_soffice(&e, NULL); /* PATH: an empty directory, /usr/bin, /bin */
	setenv("PATH", e.dir, 1);
	assert_int_equal(jx__soffice_convert(&out, &n, "r.doc", "x", 1, 0), JX_ENOTFOUND);
	assert_null(out);
	assert_int_equal(n, 0);
	assert_non_null(strstr(jx_error_last(), "r.doc: a Word 97-2003 or WPS document"));
	assert_non_null(strstr(jx_error_last(), "soffice is not on PATH"));
	assert_non_null(strstr(jx_error_last(), "apt-get install libreoffice-writer-nogui"));
	assert_non_null(strstr(jx_error_last(), "Word 文档 (*.docx) (文件 → 另存为)"));
	assert_int_equal(jx__soffice_convert(&out, &n, "b.et", "x", 1, 1), JX_ENOTFOUND);
	assert_non_null(strstr(jx_error_last(), "libreoffice-calc-nogui"));
	assert_non_null(strstr(jx_error_last(), "Excel 工作簿 (*.xlsx)"));
	fake_end(&e);
}

/* The arguments soffice gets, one per line, and what it reads and writes. */
static void test_legacy__convert_arguments(void **state)
{
	static const char script[] =
		"printf '%s\\n' \"$@\" >'@DIR@/args'\n"
		"for a in \"$@\"; do [ \"$prev\" = --outdir ] && out=$a; prev=$a; in=$a; done\n"
		"cmp -s \"$in\" \"$JX_EXPECT\" || exit 3\n"
		"mkdir -p \"$out\" && printf converted >\"$out/in.docx\"";
	fake_env e;
	char path[800], *out = NULL, *got, *want_url, *doc;
	size_t n = 0, len;
	(void)state;
	fake_soffice(&e, script);
	setenv("JX_EXPECT", tu_src(FIX "eval.doc"), 1);
	doc = fixture(FIX "eval.doc", &len);
	assert_int_equal(jx__soffice_convert(&out, &n, "a b'$(x).doc", doc, len, 0), 0);
	unsetenv("JX_EXPECT");
	free(doc);
	assert_int_equal(n, 9);
	assert_memory_equal(out, "converted", 9);
	free(out);
	snprintf(path, sizeof(path), "%s/args", e.dir);
	got = tu_read(path, NULL);
	assert_non_null(got);
	assert_non_null(strstr(got, "--headless\n"));
	assert_non_null(strstr(got, "--norestore\n"));
	assert_non_null(strstr(got, "\n--convert-to\ndocx\n--outdir\n"));
	/* a private profile in the private directory, its path %-escaped in the URL */
	want_url = malloc(strlen(e.dir) + 64);
	sprintf(want_url, "-env:UserInstallation=file://%s/tmp%%20dir/jixiao-", e.dir);
	assert_non_null(strstr(got, want_url));
	assert_non_null(strstr(got, "/profile\n"));
	/* the input is a copy in that directory, never the user's file name */
	assert_null(strstr(got, "a b'$(x).doc"));
	assert_non_null(strstr(got, "/in.doc\n"));
	free(want_url);
	free(got);
	tmpdir_empty(&e);
	fake_end(&e);
}

static void test_legacy__convert_failures(void **state)
{
	fake_env e;
	char *out = NULL;
	size_t n = 0;
	(void)state;
	fake_soffice(&e, "echo 'Error: source file could not be loaded' >&2; exit 1");
	assert_int_equal(jx__soffice_convert(&out, &n, "r.doc", "x", 1, 0), JX_EIO);
	assert_null(out);
	assert_non_null(strstr(jx_error_last(), "r.doc: LibreOffice could not convert a Word "
						"97-2003 or WPS document (.doc/.wps) (exit 1): "
						"Error: source file could not be loaded"));
	tmpdir_empty(&e);
	fake_end(&e);
	fake_soffice(&e, "echo 'nothing to do'; exit 0");
	assert_int_equal(jx__soffice_convert(&out, &n, "b.xls", "x", 1, 1), JX_EIO);
	assert_non_null(strstr(jx_error_last(), "b.xls: LibreOffice wrote no xlsx file for an "
						"Excel 97-2003 or WPS workbook (.xls/.et): "
						"nothing to do"));
	tmpdir_empty(&e);
	fake_end(&e);
}

/* 1 when process pid is gone (or a zombie nobody has reaped yet). */
static int gone(pid_t pid)
{
	char path[64], *stat;
	int dead;
	if (kill(pid, 0) != 0)
		return errno == ESRCH;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (!(stat = tu_read(path, NULL)))
		return 1;
	dead = strstr(stat, ") Z ") != NULL;
	free(stat);
	return dead;
}

/* A soffice that never finishes, with a child of its own: both killed at the limit. */
static void test_legacy__convert_time_limit(void **state)
{
	fake_env e;
	char pids[800], *text, *out = NULL;
	size_t n = 0;
	long child = 0, self = 0;
	(void)state;
	fake_soffice(&e, "sleep 300 & echo $! $$ >'@DIR@/pids'; wait");
	snprintf(pids, sizeof(pids), "%s/pids", e.dir);
	setenv("JIXIAO_CONVERT_TIMEOUT", "1", 1);
	assert_int_equal(jx__soffice_convert(&out, &n, "slow.doc", "x", 1, 0), JX_EIO);
	assert_non_null(strstr(jx_error_last(),
			       "slow.doc: LibreOffice did not finish converting a "
			       "Word 97-2003 or WPS document (.doc/.wps) within 1 s"
			       " and was stopped"));
	text = tu_read(pids, NULL);
	assert_non_null(text);
	assert_int_equal(sscanf(text, "%ld %ld", &child, &self), 2);
	free(text);
	assert_true(gone((pid_t)self));
	for (int i = 0; i < 100 && !gone((pid_t)child); i++) { /* SIGKILL is delivered async */
		struct timespec pause = {0, 10 * 1000 * 1000};
		nanosleep(&pause, NULL);
	}
	assert_true(gone((pid_t)child));
	tmpdir_empty(&e);
	fake_end(&e);
}

/* The real LibreOffice, when installed: .doc -> .docx and .xls -> .xlsx with their text. */
static void zip_has(const char *data, size_t len, const char *entry, const char *text)
{
	zip_error_t err;
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
	zip_file_t *f = z ? zip_fopen(z, entry, 0) : NULL;
	char *buf = calloc(1, 1 << 20);
	assert_non_null(f);
	assert_true(zip_fread(f, buf, (1 << 20) - 1) > 0);
	assert_non_null(strstr(buf, text));
	free(buf);
	zip_fclose(f);
	zip_close(z);
}

static void test_legacy__convert_real_libreoffice(void **state)
{
	char *prog = NULL, *out = NULL, *data;
	size_t n = 0, len;
	(void)state;
	if (jx__find_program(&prog, "soffice") != 0) {
		jx_error_clear();
		skip(); /* LibreOffice is never required */
	}
	free(prog);
	data = fixture(FIX "eval.doc", &len);
	assert_int_equal(jx__soffice_convert(&out, &n, "eval.doc", data, len, 0), 0);
	zip_has(out, n, "word/document.xml", "示例市文化和旅游局");
	free(out);
	free(data);
	data = fixture(FIX "eval.xls", &len);
	assert_int_equal(jx__soffice_convert(&out, &n, "eval.xls", data, len, 1), 0);
	zip_has(out, n, "xl/sharedStrings.xml", "群众满意度");
	free(out);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_legacy__sniff_root_streams),
		cmocka_unit_test(test_legacy__xls_and_et_cells),
		cmocka_unit_test(test_legacy__xls_reads_evaluation),
		cmocka_unit_test(test_legacy__xls_refused),
		cmocka_unit_test(test_legacy__xls_records_checked),
		cmocka_unit_test(test_legacy__child_limits),
		cmocka_unit_test(test_legacy__convert_without_soffice),
		cmocka_unit_test(test_legacy__convert_arguments),
		cmocka_unit_test(test_legacy__convert_failures),
		cmocka_unit_test(test_legacy__convert_time_limit),
		cmocka_unit_test(test_legacy__convert_real_libreoffice),
	};
	return cmocka_run_group_tests_name("legacy", tests, NULL, NULL);
}
