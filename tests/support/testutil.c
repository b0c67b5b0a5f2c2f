/* SPDX-License-Identifier: GPL-3.0-or-later */
/* testutil.c -- helpers shared by the cmocka test programs. */
#define _DEFAULT_SOURCE
#include "testutil.h"
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "jixiao.h"

extern char **environ;

void tu_catalogs(void)
{
	jx_i18n_init(JX_BINARY_DIR "/locale");
}

const char *tu_src(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof(buf), "%s/%s", JX_SOURCE_DIR, rel);
	return buf;
}

const char *tu_jixiao(void)
{
	return JX_BINARY_DIR "/jixiao";
}

char *tu_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	if (!f)
		return NULL;
	do {
		if (n + 65536 + 1 > cap) {
			cap = (n + 65536 + 1) * 2;
			char *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int tu_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	if (fwrite(data, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

char *tu_mkdtemp(void)
{
	char tmpl[] = "/tmp/jxtest.XXXXXX";
	char *d = mkdtemp(tmpl);
	return d ? strdup(d) : NULL;
}

void tu_rmdir(const char *path)
{
	char *argv[] = {"/bin/rm", "-rf", (char *)path, NULL};
	if (path && strncmp(path, "/tmp/", 5) == 0)
		tu_run(argv, NULL, NULL);
}

static char *slurp_fd(int fd)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;
	ssize_t got;
	lseek(fd, 0, SEEK_SET);
	for (;;) {
		if (n + 4097 > cap) {
			cap = (n + 4097) * 2;
			char *nb = realloc(buf, cap);
			if (!nb)
				break;
			buf = nb;
		}
		got = read(fd, buf + n, cap - n - 1);
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	if (buf)
		buf[n] = '\0';
	return buf;
}

int tu_run(char *const argv[], char **out, char **err)
{
	char opath[] = "/tmp/jxout.XXXXXX", epath[] = "/tmp/jxerr.XXXXXX";
	int ofd = mkstemp(opath), efd = mkstemp(epath), status = 0, rc;
	posix_spawn_file_actions_t fa;
	pid_t pid;
	if (ofd < 0 || efd < 0)
		return -1;
	unlink(opath);
	unlink(epath);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, ofd, 1);
	posix_spawn_file_actions_adddup2(&fa, efd, 2);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		close(ofd);
		close(efd);
		return -1;
	}
	waitpid(pid, &status, 0);
	if (out)
		*out = slurp_fd(ofd);
	if (err)
		*err = slurp_fd(efd);
	close(ofd);
	close(efd);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

char *tu_db_dump(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *tables = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(mem, "cannot open: %s\n", sqlite3_errmsg(db));
		goto out;
	}
	if (sqlite3_prepare_v2(db,
			       "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
			       -1, &tables, NULL) != SQLITE_OK)
		goto out;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[512];
		sqlite3_stmt *rows;
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\" ORDER BY 1, 2", name);
		fprintf(mem, "== %s\n", name);
		if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK)
			continue;
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(rows); c++) {
				const unsigned char *t = sqlite3_column_text(rows, c);
				fprintf(mem, "%s%s", c ? "|" : "", t ? (const char *)t : "NULL");
			}
			fputc('\n', mem);
		}
		sqlite3_finalize(rows);
	}
	{
		sqlite3_stmt *uv;
		if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &uv, NULL) == SQLITE_OK) {
			if (sqlite3_step(uv) == SQLITE_ROW)
				fprintf(mem, "user_version=%d\n", sqlite3_column_int(uv, 0));
			sqlite3_finalize(uv);
		}
	}
out:
	sqlite3_finalize(tables);
	sqlite3_close(db);
	fclose(mem);
	return buf;
}

const jx_indicator *tu_row_named(const jx_evaluation *ev, const char *l3)
{
	for (size_t i = 0; i < ev->nrows; i++)
		if (!strcmp(ev->rows[i].level3, l3))
			return &ev->rows[i];
	fail_msg("no row %s", l3);
	return NULL;
}

jx_batch *tu_read_fixture(const char *rel, const jx_read_options *opts)
{
	jx_batch *b = NULL;
	if (jx_read_file(&b, tu_src(rel), opts) != 0)
		fail_msg("%s: %s", rel, jx_error_last());
	return b;
}

jx_store *tu_store_open(const char *path)
{
	jx_store *s = NULL;
	if (jx_store_open(&s, path, JX_STORE_CREATE) != 0)
		fail_msg("open %s: %s", path, jx_error_last());
	return s;
}

int tu_store_fixture(void **state, jx_batch *b)
{
	jx_store *st = NULL;
	int rc = !b || jx_store_open(&st, ":memory:", JX_STORE_CREATE) != 0 ||
		 jx_store_import(st, &b, 1, 0, NULL) != 0;
	jx_batch_free(b);
	if (rc) {
		jx_store_free(st);
		return -1;
	}
	*state = st;
	return 0;
}

int tu_store_teardown(void **state)
{
	jx_store_free(*state);
	return 0;
}

long long tu_query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}
