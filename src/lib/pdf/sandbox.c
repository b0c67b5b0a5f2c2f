/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sandbox.c -- run a function in a child process under CPU-time, memory and wall-clock
 * limits, and gather what it writes to a pipe.
 *
 * The PDF reader parses and renders untrusted files with poppler; a hostile
 * or damaged file must not hang, exhaust or crash the importer. The child
 * is forked without exec (the library has no helper executable to find):
 * poppler, glib and fontconfig are never initialised in the parent, so the
 * child starts them fresh whatever other threads of the parent hold. It
 * closes every inherited descriptor but its pipe (the database among them),
 * sends stdout/stderr to /dev/null (poppler's complaints about damaged files
 * would only confuse), may not create files, and leaves with _exit so that
 * no atexit handler or stdio buffer of the parent runs twice. The parent
 * reads with a deadline, accepts a bounded amount, and kills the child
 * when time is up. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "pdf/internal.h"

/* AddressSanitizer reserves terabytes of address space up front: an address-space
 * limit would stop the child at once, so sanitizer builds go without it. */
#if defined(__SANITIZE_ADDRESS__)
#define JX__NO_AS_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JX__NO_AS_LIMIT 1
#endif
#endif

jx__sandbox_limits jx__pdf_limits(void)
{
	jx__sandbox_limits l;
	l.cpu_seconds = 60;
	l.wall_seconds = 120;
	l.memory = (size_t)1 << 30;
	l.max_output = (size_t)256 << 20;
	return l;
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

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#ifndef JX__NO_AS_LIMIT
/* Size of the address space now (Linux /proc/self/statm, in pages); 0 when unknown. */
static size_t address_space(void)
{
	unsigned long pages = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f)
		return 0;
	if (fscanf(f, "%lu", &pages) != 1)
		pages = 0;
	fclose(f);
	return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}
#endif

/* Close every descriptor above 2 but keep. */
static void close_others(int keep)
{
	DIR *d = opendir("/proc/self/fd");
	if (d) {
		int fds[1024];
		size_t n = 0;
		struct dirent *e;
		while ((e = readdir(d)) != NULL && n < sizeof(fds) / sizeof(*fds)) {
			int fd = atoi(e->d_name);
			if (fd > 2 && fd != keep && fd != dirfd(d))
				fds[n++] = fd;
		}
		closedir(d);
		for (size_t i = 0; i < n; i++)
			close(fds[i]);
		return;
	}
	for (int fd = 3; fd < 4096; fd++)
		if (fd != keep)
			close(fd);
}

static void set_limit(int resource, rlim_t value)
{
	struct rlimit r;
	r.rlim_cur = r.rlim_max = value;
	setrlimit(resource, &r);
}

static void child(int wfd, jx__sandbox_fn fn, void *ctx, const jx__sandbox_limits *lim)
{
	int null = open("/dev/null", O_RDWR);
	if (null >= 0 && !getenv("JX_SANDBOX_STDERR")) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	}
	close_others(wfd);
	/* the parent's handlers (a test harness's, say) must not catch the child's crash */
	signal(SIGPIPE, SIG_DFL);
	signal(SIGSEGV, SIG_DFL);
	signal(SIGBUS, SIG_DFL);
	signal(SIGFPE, SIG_DFL);
	signal(SIGILL, SIG_DFL);
	signal(SIGABRT, SIG_DFL);
	set_limit(RLIMIT_CORE, 0);
	set_limit(RLIMIT_FSIZE, 0);
	if (lim->cpu_seconds)
		set_limit(RLIMIT_CPU, lim->cpu_seconds);
#ifndef JX__NO_AS_LIMIT
	if (lim->memory)
		set_limit(RLIMIT_AS, (rlim_t)(address_space() + lim->memory));
#endif
	_exit(fn(wfd, ctx) == 0 ? 0 : 3);
}

/* Read the child's output until EOF, the deadline or the size limit. */
static int gather(jx__buf *out, int rfd, double deadline, size_t max, const char **why)
{
	char chunk[65536];
	for (;;) {
		struct pollfd p = {rfd, POLLIN, 0};
		double left = deadline - now();
		int r;
		ssize_t k;
		if (left <= 0) {
			*why = "time";
			return -1;
		}
		r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*why = "poll";
			return -1;
		}
		if (r == 0)
			continue;
		k = read(rfd, chunk, sizeof(chunk));
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			*why = "read";
			return -1;
		}
		if (k == 0)
			return 0;
		if (out->len + (size_t)k > max) {
			*why = "size";
			return -1;
		}
		jx__buf_put(out, chunk, (size_t)k);
		if (out->failed) {
			*why = "memory";
			return -1;
		}
	}
}

/* Wait for the child until the deadline, then kill it. */
static int reap(pid_t pid, double deadline, int *killed)
{
	int status = 0;
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -1;
		if (now() >= deadline && !*killed) {
			kill(pid, SIGKILL);
			*killed = 1;
		}
		if (*killed) {
			while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
				;
			return r == pid ? status : -1;
		} else {
			struct timespec ts = {0, 5 * 1000 * 1000};
			nanosleep(&ts, NULL);
		}
	}
}

static int explain(const char *name, int status, int killed, const char *why,
		   const jx__sandbox_limits *lim)
{
	if (killed && why && !strcmp(why, "size"))
		return jx__error(JX_EPARSE,
				 _("%s: the PDF reader produced more than %zu MiB; stopped"), name,
				 lim->max_output >> 20);
	if (killed && why && strcmp(why, "time") != 0)
		return jx__error(JX_EIO, _("%s: reading the PDF reader's answer failed (%s)"), name,
				 why);
	if (killed)
		return jx__error(
			JX_EPARSE,
			_("%s: reading the PDF took longer than %u s; stopped (a damaged or "
			  "hostile file?)"),
			name, lim->wall_seconds);
	if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL))
		return jx__error(
			JX_EPARSE,
			_("%s: reading the PDF used more than %u s of CPU time; stopped (a "
			  "damaged or hostile file?)"),
			name, lim->cpu_seconds);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT)
		return jx__error(
			JX_EPARSE,
			_("%s: the PDF reader gave up on this file (it needed more than %zu "
			  "MiB of memory, or poppler could not go on)"),
			name, lim->memory >> 20);
	if (WIFSIGNALED(status))
		return jx__error(JX_EPARSE,
				 _("%s: the PDF reader crashed on this file (signal %d)"), name,
				 WTERMSIG(status));
	return jx__error(JX_EPARSE, _("%s: the PDF reader failed on this file (status %d)"), name,
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int jx__sandbox_run(jx__buf *out, const char *name, jx__sandbox_fn fn, void *ctx,
		    const jx__sandbox_limits *lim)
{
	int fds[2], status, killed = 0, rc;
	const char *why = NULL;
	double deadline = now() + (lim->wall_seconds ? lim->wall_seconds : 1e9);
	pid_t pid;

	jx__buf_init(out);
	if (pipe(fds) != 0)
		return jx__error(JX_EIO, "%s: pipe: %s", name, strerror(errno));
	fflush(NULL); /* nothing buffered is written twice */
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return jx__error(JX_EIO, "%s: fork: %s", name, strerror(errno));
	}
	if (pid == 0) {
		close(fds[0]);
		child(fds[1], fn, ctx, lim);
	}
	close(fds[1]);
	rc = gather(out, fds[0], deadline, lim->max_output, &why);
	if (rc != 0) {
		kill(pid, SIGKILL);
		killed = 1;
	}
	close(fds[0]);
	status = reap(pid, deadline, &killed);
	if (status == -1) {
		jx__buf_free(out);
		return jx__error(JX_EIO, "%s: waitpid: %s", name, strerror(errno));
	}
	if (killed || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		jx__buf_free(out);
		return explain(name, status, killed, why, lim);
	}
	return 0;
}
