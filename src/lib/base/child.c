/* SPDX-License-Identifier: GPL-3.0-or-later */
/* child.c -- running a parser of untrusted files in a child process, with limits.
 *
 * Third-party parsers of binary formats have a history of memory errors on
 * hostile files (jixiao's own fuzzing found a stack over-read in FreeXL
 * 1.0.6). Such a parser runs in a forked child: it writes what it read to a
 * pipe, the parent reads that within a wall-clock limit and checks it, and
 * a crash, a hang or a runaway allocation in the child becomes an error
 * message instead of the end (or the compromise) of the import. The child
 * gets CPU-time and memory limits (the memory limit is left off in
 * sanitizer builds, whose shadow memory it would break) and leaves with
 * _exit, running no atexit handler and flushing no stdio buffer of the
 * parent's. The child of a multi-threaded process uses only the forking
 * thread; glibc keeps malloc usable in it. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "base/internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define JX__SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define JX__SANITIZED 1
#endif
#endif

#define CHILD_MEMORY ((rlim_t)2 << 30) /* bytes of address space */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void child_limits(double timeout_s)
{
	struct rlimit cpu = {(rlim_t)timeout_s + 1, (rlim_t)timeout_s + 2};
	setrlimit(RLIMIT_CPU, &cpu);
#ifndef JX__SANITIZED
	{
		struct rlimit mem = {CHILD_MEMORY, CHILD_MEMORY};
		setrlimit(RLIMIT_AS, &mem);
	}
#endif
}

/* Read the child's output until it closes the pipe, the deadline, or max bytes. */
static void collect(jx__buf *out, jx__child_result *res, int fd, double deadline, size_t max)
{
	char chunk[65536];
	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		double left = deadline - now();
		ssize_t n;
		int r;
		if (left <= 0) {
			res->timed_out = 1;
			return;
		}
		r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue; /* the deadline is checked above */
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		if (out->len + (size_t)n > max) {
			res->too_much = 1;
			return;
		}
		jx__buf_put(out, chunk, (size_t)n);
	}
}

int jx__child_run(jx__buf *out, jx__child_result *res, int (*fn)(void *arg, int fd), void *arg,
		  double timeout_s, size_t max)
{
	int pfd[2], status = 0;
	pid_t pid;
	memset(res, 0, sizeof(*res));
	if (pipe(pfd) != 0)
		return jx__error(JX_EIO, "pipe: %s", strerror(errno));
	if ((pid = fork()) < 0) {
		int err = errno;
		close(pfd[0]);
		close(pfd[1]);
		return jx__error(JX_EIO, "fork: %s", strerror(err));
	}
	if (pid == 0) {
		/* a crash ends the child, whatever handlers the parent had installed */
		static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGPIPE};
		for (size_t i = 0; i < sizeof(fatal) / sizeof(*fatal); i++)
			signal(fatal[i], SIG_DFL);
		close(pfd[0]);
		child_limits(timeout_s);
		_exit(fn(arg, pfd[1]) == 0 ? 0 : 1);
	}
	close(pfd[1]);
	collect(out, res, pfd[0], now() + timeout_s, max);
	close(pfd[0]);
	if (res->timed_out || res->too_much)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	res->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	res->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (out->failed)
		return jx__oom();
	return 0;
}
