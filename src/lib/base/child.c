/* SPDX-License-Identifier: GPL-3.0-or-later */
/* child.c -- running a parser of untrusted files in a child process, with limits.
 *
 * Third-party parsers of binary formats have a history of memory errors on
 * hostile files (jixiao's own fuzzing found a stack over-read in FreeXL
 * 1.0.6). Such a parser runs in a forked child: it writes what it read to a
 * pipe, the parent reads that within a wall-clock limit and checks it, and
 * a crash, a hang or a runaway allocation in the child becomes an error
 * message instead of the end (or the compromise) of the import. The child
 * gets CPU-time and memory limits (the memory limit, 2 GiB above what it
 * inherits, is left off in sanitizer builds, whose shadow memory it would
 * break), may create no file (RLIMIT_FSIZE 0) nor core dump, keeps no
 * descriptor of the parent's but its pipe (not the database's), reads
 * stdin from and writes stdout/stderr to /dev/null (a parser's complaints
 * about a damaged file would only confuse; JX_CHILD_STDERR=1 keeps stderr
 * for debugging), and leaves with _exit, running no atexit handler and
 * flushing no stdio buffer of the parent's. The child of a multi-threaded
 * process uses only the forking thread; glibc keeps malloc usable in it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
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

#define CHILD_MEMORY ((rlim_t)2 << 30) /* bytes of address space above what it inherits */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int jx__write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t k = write(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		len -= (size_t)k;
	}
	return 0;
}

static void set_limit(int resource, rlim_t soft, rlim_t hard)
{
	struct rlimit r;
	r.rlim_cur = soft;
	r.rlim_max = hard;
	setrlimit(resource, &r);
}

#ifndef JX__SANITIZED
/* Size of the address space now (Linux /proc/self/statm, in pages); 0 when unknown. */
static rlim_t address_space(void)
{
	unsigned long pages = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f)
		return 0;
	if (fscanf(f, "%lu", &pages) != 1)
		pages = 0;
	fclose(f);
	return (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE);
}
#endif

static void child_limits(double timeout_s)
{
	set_limit(RLIMIT_CPU, (rlim_t)timeout_s + 1, (rlim_t)timeout_s + 2);
	set_limit(RLIMIT_FSIZE, 0, 0);
	set_limit(RLIMIT_CORE, 0, 0);
#ifndef JX__SANITIZED
	{
		rlim_t mem = address_space() + CHILD_MEMORY;
		set_limit(RLIMIT_AS, mem, mem);
	}
#endif
}

/* Every descriptor above 2 closed but keep; stdin, stdout and stderr on /dev/null. */
static void child_descriptors(int keep)
{
	int null = open("/dev/null", O_RDWR), fds[1024];
	size_t n = 0;
	DIR *d = opendir("/proc/self/fd");
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		if (!getenv("JX_CHILD_STDERR"))
			dup2(null, STDERR_FILENO);
	}
	if (!d) {
		for (int fd = 3; fd < 4096; fd++)
			if (fd != keep)
				close(fd);
		return;
	}
	for (struct dirent *e; (e = readdir(d)) != NULL && n < sizeof(fds) / sizeof(*fds);) {
		int fd = atoi(e->d_name);
		if (fd > 2 && fd != keep && fd != dirfd(d))
			fds[n++] = fd;
	}
	closedir(d);
	for (size_t i = 0; i < n; i++)
		close(fds[i]);
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
		return jx__error(JX_EIO, _("pipe: %s"), strerror(errno));
	fflush(NULL); /* nothing buffered before the fork is written twice */
	if ((pid = fork()) < 0) {
		int err = errno;
		close(pfd[0]);
		close(pfd[1]);
		return jx__error(JX_EIO, _("fork: %s"), strerror(err));
	}
	if (pid == 0) {
		/* a crash ends the child, whatever handlers the parent had installed */
		static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGPIPE};
		for (size_t i = 0; i < sizeof(fatal) / sizeof(*fatal); i++)
			signal(fatal[i], SIG_DFL);
		close(pfd[0]);
		child_descriptors(pfd[1]);
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
