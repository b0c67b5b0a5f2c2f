/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run.c -- run gnuplot on a script fed through a pipe, and report its own message.
 *
 * gnuplot is started with posix_spawn (no shell, so no file name or text
 * is ever parsed by one) and told to load /dev/stdin: loading a file makes
 * it stop at the first error and name the line, unlike reading commands
 * from a pipe, where it carries on. Its stderr goes to an unlinked
 * temporary file so that a failure reports what gnuplot said. SIGPIPE is
 * blocked in this thread while writing, in case gnuplot dies early.
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

#define GNUPLOT_MISSING "gnuplot not found: install the Debian package gnuplot-nox"

/* gnuplot on PATH (or the path given); *out malloc'd. 0 or JX_EIO saying how to install it. */
static int find_program(char **out, const char *name)
{
	char why[300];
	if (jx__find_program(out, name) == 0)
		return 0;
	snprintf(why, sizeof(why), "%s", jx_error_last());
	if (strchr(name, '/'))
		return jx__error(JX_EIO, GNUPLOT_MISSING " (%s)", why);
	return jx__error(JX_EIO, GNUPLOT_MISSING);
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

/* Write all of text to fd with SIGPIPE blocked; 0 or errno. */
static int write_all(int fd, const char *text, size_t len)
{
	sigset_t pipe_set, old;
	int err = 0;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	while (len > 0) {
		ssize_t n = write(fd, text, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		text += n;
		len -= (size_t)n;
	}
	if (err == EPIPE && !sigismember(&old, SIGPIPE)) {
		struct timespec zero = {0, 0};
		while (sigtimedwait(&pipe_set, NULL, &zero) == SIGPIPE)
			;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return err;
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

static int spawn_gnuplot(pid_t *pid, int *to_child, const char *prog, int err_fd)
{
	posix_spawn_file_actions_t fa;
	char *argv[3];
	int pfd[2], rc;
	if (pipe(pfd) != 0)
		return jx__error(JX_EIO, "pipe: %s", strerror(errno));
	fcntl(pfd[1], F_SETFD, FD_CLOEXEC);
	argv[0] = (char *)"gnuplot";
	argv[1] = (char *)"/dev/stdin";
	argv[2] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pfd[0], 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
	posix_spawn_file_actions_addclose(&fa, pfd[0]);
	rc = posix_spawn(pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pfd[0]);
	if (rc != 0) {
		close(pfd[1]);
		return jx__error(JX_EIO, "cannot start %s: %s", prog, strerror(rc));
	}
	*to_child = pfd[1];
	return 0;
}

int jx_plot_run(const char *script, const char *program)
{
	char *prog = NULL, *msg = NULL;
	int err_fd = -1, to_child = -1, status = 0, werr, rc;
	pid_t pid;
	rc = find_program(&prog, program ? program : "gnuplot");
	if (rc)
		goto out;
	if ((err_fd = temp_fd()) < 0) {
		rc = jx__error(JX_EIO, "temporary file for gnuplot: %s", strerror(errno));
		goto out;
	}
	if ((rc = spawn_gnuplot(&pid, &to_child, prog, err_fd)) != 0)
		goto out;
	werr = write_all(to_child, script, strlen(script));
	close(to_child);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || (werr && werr != EPIPE)) {
		msg = read_message(err_fd);
		if (WIFSIGNALED(status))
			rc = jx__error(JX_EIO, "gnuplot killed by signal %d: %s", WTERMSIG(status),
				       msg ? msg : "");
		else if (werr && werr != EPIPE && WEXITSTATUS(status) == 0)
			rc = jx__error(JX_EIO, "writing to gnuplot: %s", strerror(werr));
		else
			rc = jx__error(JX_EIO, "gnuplot failed: %s",
				       msg && *msg ? msg : "(no message)");
	}
out:
	if (err_fd >= 0)
		close(err_fd);
	free(prog);
	free(msg);
	return rc;
}
