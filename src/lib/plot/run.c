/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run.c -- run gnuplot on a script, within a time limit, and report its own message.
 *
 * gnuplot is started with posix_spawn (no shell, so no file name or text
 * is ever parsed by one) and told to load /dev/stdin: loading a file makes
 * it stop at the first error and name the line, unlike reading commands
 * from a pipe, where it carries on. Its stdin is an unlinked temporary
 * file holding the script (so writing it never blocks on a gnuplot that
 * does not read), its stderr another one so that a failure reports what
 * gnuplot said. It runs in its own process group, killed whole when it
 * takes longer than the time limit.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "plot/internal.h"

extern char **environ;

#define GNUPLOT_MISSING N_("gnuplot not found: install the Debian package gnuplot-nox")

/* gnuplot on PATH (or the path given); *out malloc'd. 0 or JX_EIO saying how to install it. */
static int find_program(char **out, const char *name)
{
	char why[300];
	if (jx__find_program(out, name) == 0)
		return 0;
	snprintf(why, sizeof(why), "%s", jx_error_last());
	if (strchr(name, '/'))
		return jx__error(JX_EIO, "%s (%s)", _(GNUPLOT_MISSING), why);
	return jx__error(JX_EIO, "%s", _(GNUPLOT_MISSING));
}

/* A temporary file for gnuplot's stderr, already unlinked. -1 on failure. */
static int temp_fd(void)
{
	const char *dir = getenv("TMPDIR");
	char *tmpl = jx__sprintf("%s/jixiao-gnuplot-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd;
	if (!tmpl)
		return -1;
	fd = mkstemp(tmpl);
	if (fd >= 0)
		unlink(tmpl);
	free(tmpl);
	return fd;
}

/* The script in an unlinked temporary file, positioned at its start. -1 on failure (errno). */
static int script_fd(const char *text)
{
	size_t len = strlen(text);
	int fd = temp_fd();
	while (fd >= 0 && len > 0) {
		ssize_t n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		text += n;
		len -= (size_t)n;
	}
	if (fd >= 0 && lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* gnuplot's stderr, trimmed, with "/dev/stdin" renamed; malloc'd. */
static char *read_message(int fd)
{
	char buf[900];
	ssize_t n;
	jx__buf b;
	const char *src = "\"/dev/stdin\" ";
	char *text, *at;
	jx__buf_init(&b);
	if (lseek(fd, 0, SEEK_SET) == 0)
		while ((n = read(fd, buf, sizeof(buf))) > 0 && b.len < 4000)
			jx__buf_put(&b, buf, (size_t)n);
	text = jx__buf_detach(&b);
	if (!text)
		return NULL;
	if ((at = strstr(text, src)) != NULL)
		memmove(at, at + strlen(src), strlen(at + strlen(src)) + 1);
	{ /* one line: runs of white space (gnuplot's caret lines) become one space */
		char *w = text;
		for (at = text; *at; at++) {
			int space = (*at == '\n' || *at == ' ' || *at == '\t' || *at == '\r');
			if (space && (w == text || w[-1] == ' '))
				continue;
			*w++ = space ? ' ' : *at;
		}
		if (w > text && w[-1] == ' ')
			w--;
		*w = '\0';
	}
	return text;
}

static int spawn_gnuplot(pid_t *pid, const char *prog, int in_fd, int err_fd)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	char *argv[3];
	int rc;
	argv[0] = (char *)"gnuplot";
	argv[1] = (char *)"/dev/stdin";
	argv[2] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP); /* its own group: killed whole */
	posix_spawnattr_setpgroup(&at, 0);
	rc = posix_spawn(pid, prog, &fa, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return jx__error(JX_EIO, _("cannot start %s: %s"), prog, strerror(rc));
	return 0;
}

/* Wait for pid at most seconds; then kill its process group. 1 when it was killed. */
static int wait_limited(pid_t pid, int *status, int seconds)
{
	struct timespec step = {0, 10 * 1000 * 1000}, now, end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += seconds;
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > end.tv_sec ||
		    (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec))
			break;
		nanosleep(&step, NULL);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return 1;
}

static int failure(int status, int err_fd)
{
	char *msg = read_message(err_fd);
	int rc;
	if (WIFSIGNALED(status))
		rc = jx__error(JX_EIO, _("gnuplot killed by signal %d: %s"), WTERMSIG(status),
			       msg ? msg : "");
	else
		rc = jx__error(JX_EIO, _("gnuplot failed: %s"), msg && *msg ? msg : "(no message)");
	free(msg);
	return rc;
}

int plot__run(const char *script, const char *program, int timeout)
{
	char *prog = NULL;
	int err_fd = -1, in_fd = -1, status = 0, rc;
	pid_t pid;
	if (timeout <= 0)
		timeout = JX_PLOT_TIMEOUT;
	if ((rc = find_program(&prog, program ? program : "gnuplot")) != 0)
		goto out;
	if ((err_fd = temp_fd()) < 0 || (in_fd = script_fd(script)) < 0) {
		rc = jx__error(JX_EIO, _("temporary file for gnuplot: %s"), strerror(errno));
		goto out;
	}
	if ((rc = spawn_gnuplot(&pid, prog, in_fd, err_fd)) != 0)
		goto out;
	if (wait_limited(pid, &status, timeout))
		rc = jx__error(JX_EIO,
			       _("gnuplot did not finish within %d s and was stopped (--timeout "
				 "sets the limit)"),
			       timeout);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		rc = failure(status, err_fd);
out:
	if (err_fd >= 0)
		close(err_fd);
	if (in_fd >= 0)
		close(in_fd);
	free(prog);
	return rc;
}

int jx_plot_run(const char *script, const char *program)
{
	return plot__run(script, program, 0);
}
