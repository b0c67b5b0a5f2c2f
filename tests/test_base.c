/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_base.c -- the building blocks of base/: the FNV-1a hash, the arena, the
 * lenient UTF-8 walk, the error prefix, and what a child process of jx__child_run may not
 * do (the limits on its time and output are tested in test_legacy.c).
 *
 * Expected hashes are the published FNV-1a 64-bit test vectors (and, for the
 * seeded and UTF-8 cases, values computed with a few lines of Python written
 * down next to them), not output of the code under test. */
#include <setjmp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>
#include "base/internal.h"

/* ---- hash ---- */

static void test_base__hash_eight_bytes_a_step(void **state)
{
	(void)state;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* python: x = ((B ^ seed) + len * P) % 2**64; per 8 bytes (little-endian, the tail
	 * zero-padded) x = ((x ^ w) * P) % 2**64; x ^= x >> 29; then x ^= x >> 32;
	 * x = (x * 0xd6e8feb86659fd93) % 2**64; x ^ (x >> 32) -- B, P: FNV-1a 64's */
	assert_true(jx__hash("", 0, 0) == 0xfdbdf6ac4fc52e7fULL);
	assert_true(jx__hash("a", 1, 0) == 0x062d52b6e00df374ULL);
	assert_true(jx__hash("foobar", 6, 0) == 0x405928ac4ccd7acfULL);
	assert_true(jx__hash("a", 1, 3) == 0xc8889ce89e5a18b7ULL);
	assert_true(jx__hash("预算", strlen("预算"), 0) == 0x2cb9f721b7ed40d3ULL);
	assert_true(jx__hash("部门决策/决策机制", strlen("部门决策/决策机制"), 0) ==
		    0x8b84bddfb9aa07c3ULL);
#endif
	/* a NUL byte and the length count: "ab" and "ab\0" differ */
	assert_true(jx__hash("ab", 2, 0) != jx__hash("ab", 3, 0));
	/* only len bytes count */
	assert_true(jx__hash("foobar!", 6, 0) == jx__hash("foobar", 6, 0));
	assert_true(jx__hash("部门决策/决策机制!", strlen("部门决策/决策机制"), 0) ==
		    jx__hash("部门决策/决策机制", strlen("部门决策/决策机制"), 0));
}

/* ---- arena ---- */

static void test_base__arena_aligns_and_keeps_everything(void **state)
{
	jx__arena a;
	char *s[200];
	(void)state;
	jx__arena_init(&a, 256);
	for (int i = 0; i < 200; i++) {
		char want[32];
		double *d;
		snprintf(want, sizeof(want), "s%d", i * 7);
		assert_non_null(s[i] = jx__arena_strndup(&a, want, strlen(want)));
		/* an odd-sized string, then an aligned piece after it */
		assert_non_null(d = jx__arena_alloc(&a, sizeof(double) * 3));
		assert_int_equal((uintptr_t)d % alignof(max_align_t), 0);
		d[0] = d[1] = d[2] = i; /* writes must not run into the strings */
	}
	for (int i = 0; i < 200; i++) {
		char want[32];
		snprintf(want, sizeof(want), "s%d", i * 7);
		assert_string_equal(s[i], want);
	}
	jx__arena_free(&a);
	assert_null(a.head);
}

static void test_base__arena_big_pieces_keep_the_current_block(void **state)
{
	jx__arena a;
	char *small1, *big, *small2;
	(void)state;
	jx__arena_init(&a, 1024);
	small1 = jx__arena_strndup(&a, "abc", 3);
	big = jx__arena_alloc(&a, 5000); /* larger than a block: a block of its own */
	small2 = jx__arena_strndup(&a, "de", 2);
	assert_non_null(small1);
	assert_non_null(big);
	assert_non_null(small2);
	memset(big, 'x', 5000);
	/* the second string went into the first block, right after the first one */
	assert_ptr_equal(small2, small1 + 4);
	assert_string_equal(small1, "abc");
	assert_string_equal(small2, "de");
	/* strndup copies exactly n bytes and ends them */
	assert_string_equal(jx__arena_strndup(&a, "hello world", 5), "hello");
	jx__arena_free(&a);
	/* an emptied arena is usable again */
	assert_string_equal(jx__arena_strndup(&a, "again", 5), "again");
	jx__arena_free(&a);
}

/* ---- UTF-8 ---- */

/* The code points jx__utf8_next walks through in s, into cps; their count. */
static size_t walk(unsigned *cps, const char *s)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len; n++)
		i += jx__utf8_next(s + i, len - i, &cps[n]);
	return n;
}

static void test_base__utf8_next_walks_over_bad_bytes(void **state)
{
	unsigned cp[16];
	(void)state;
	/* 预 U+9884, 算 U+7B97, then ASCII */
	assert_int_equal(walk(cp, "预算a"), 3);
	assert_int_equal(cp[0], 0x9884);
	assert_int_equal(cp[1], 0x7B97);
	assert_int_equal(cp[2], 'a');
	/* overlong '/' (C0 AF), a surrogate (ED A0 80), a lone continuation byte:
	 * each byte alone, as U+DC00 + byte */
	assert_int_equal(walk(cp, "\xC0\xAF|\xED\xA0\x80|\x80"), 8);
	assert_int_equal(cp[0], 0xDCC0);
	assert_int_equal(cp[1], 0xDCAF);
	assert_int_equal(cp[2], '|');
	assert_int_equal(cp[3], 0xDCED);
	assert_int_equal(cp[4], 0xDCA0);
	assert_int_equal(cp[5], 0xDC80);
	assert_int_equal(cp[6], '|');
	assert_int_equal(cp[7], 0xDC80);
	assert_true(JX__UTF8_BAD_BYTE(cp[7]));
	assert_false(JX__UTF8_BAD_BYTE(0x9884));
	/* a sequence cut short by the end of the text */
	assert_int_equal(walk(cp, "\xE9\xA2"), 2);
	assert_int_equal(cp[0], 0xDCE9);
	/* counting walks the same way */
	assert_int_equal(jx__utf8_count(""), 0);
	assert_int_equal(jx__utf8_count("预算a"), 3);
	assert_int_equal(jx__utf8_count("\xC0\xAF|\xED\xA0\x80|\x80"), 8);
}

/* ---- errors ---- */

static void test_base__error_prefix_keeps_the_message(void **state)
{
	(void)state;
	jx__error(JX_EPARSE, "weight %d is not a number", 7);
	assert_int_equal(jx__error_prefix(JX_EDB, "%s:%d: ", "aliases.csv", 3), JX_EDB);
	assert_string_equal(jx_error_last(), "aliases.csv:3: weight 7 is not a number");
	assert_int_equal(jx_error_code(), JX_EDB);
	/* the prefix may quote the message itself */
	jx__error(JX_EIO, "disk full");
	jx__error_prefix(JX_EIO, "[%s] ", jx_error_last());
	assert_string_equal(jx_error_last(), "[disk full] disk full");
	jx_error_clear();
}

/* ---- a child's confinement ---- */

static int child_writes_a_file(void *arg, int fd)
{
	int out = open(arg, O_WRONLY);
	(void)fd;
	if (out >= 0 && write(out, "written", 7) != 7)
		return 1; /* (the first byte written kills it: SIGXFSZ) */
	return 0;
}

static int child_checks_descriptor(void *arg, int fd)
{
	int inherited = *(int *)arg;
	const char *answer = fcntl(inherited, F_GETFD) == -1 && errno == EBADF ? "closed" : "open";
	return jx__write_all(fd, answer, strlen(answer));
}

static void test_base__child_cannot_write_files(void **state)
{
	char path[] = "/tmp/jx-child-XXXXXX";
	int fd = mkstemp(path);
	jx__child_result res;
	jx__buf out;
	(void)state;
	assert_true(fd >= 0);
	close(fd);
	jx__buf_init(&out);
	assert_int_equal(jx__child_run(&out, &res, child_writes_a_file, path, 10, 100), 0);
	assert_int_not_equal(res.signal, 0); /* SIGXFSZ */
	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(lseek(fd, 0, SEEK_END), 0);
	close(fd);
	unlink(path);
	jx__buf_free(&out);
}

static void test_base__child_inherits_no_descriptors(void **state)
{
	int fd = open("/dev/null", O_RDONLY); /* as the database's would be: no O_CLOEXEC */
	jx__child_result res;
	jx__buf out;
	(void)state;
	assert_true(fd > 2);
	jx__buf_init(&out);
	assert_int_equal(jx__child_run(&out, &res, child_checks_descriptor, &fd, 10, 100), 0);
	assert_int_equal(res.exit_code, 0);
	assert_int_equal(out.len, 6);
	assert_memory_equal(out.data, "closed", 6);
	assert_true(fcntl(fd, F_GETFD) != -1); /* the parent's stays open */
	close(fd);
	jx__buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base__hash_eight_bytes_a_step),
		cmocka_unit_test(test_base__arena_aligns_and_keeps_everything),
		cmocka_unit_test(test_base__arena_big_pieces_keep_the_current_block),
		cmocka_unit_test(test_base__utf8_next_walks_over_bad_bytes),
		cmocka_unit_test(test_base__error_prefix_keeps_the_message),
		cmocka_unit_test(test_base__child_cannot_write_files),
		cmocka_unit_test(test_base__child_inherits_no_descriptors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
