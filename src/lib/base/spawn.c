/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spawn.c -- running a helper program: found on PATH, started without a shell, in a
 * process group of its own, waited for at most a time limit, then killed.
 *
 * No shell ever sees a file name or an argument (posix_spawn with an argv).
 * A helper that hangs -- LibreOffice waiting on a dialog no one will see, or
 * stuck on a hostile file -- is killed with its whole process group, since
 * soffice starts soffice.bin as a child. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "base/internal.h"

extern char **environ;

int jx__find_program(char **out, const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	*out = NULL;
	if (strchr(name, '/')) {
		if (access(name, X_OK) != 0)
			return jx__error(JX_ENOTFOUND, "%s: %s", name, strerror(errno));
		*out = jx__strdup(name);
		return *out ? 0 : jx__oom();
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = end + 1) {
		char *cand;
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		cand = jx__sprintf("%.*s/%s", (int)(end - p), end > p ? p : ".", name);
		if (!cand)
			return jx__oom();
		if (end > p && access(cand, X_OK) == 0) {
			*out = cand;
			return 0;
		}
		free(cand);
		if (!*end)
			break;
	}
	return jx__error(JX_ENOTFOUND, _("%s not found on PATH"), name);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Start prog in a new process group, stdin /dev/null, stdout and stderr into log_fd. */
static int start(pid_t *pid, const char *prog, char *const argv[], int log_fd)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	int rc;
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&at);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, log_fd, 1);
	posix_spawn_file_actions_adddup2(&fa, log_fd, 2);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	rc = posix_spawn(pid, prog, &fa, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	return rc ? jx__error(JX_EIO, _("cannot start %s: %s"), prog, strerror(rc)) : 0;
}

int jx__run(int *status, const char *prog, char *const argv[], int log_fd, double timeout_s)
{
	struct timespec pause = {0, 20 * 1000 * 1000};
	double deadline;
	pid_t pid, got;
	int rc;
	*status = 0;
	if ((rc = start(&pid, prog, argv, log_fd)) != 0)
		return rc;
	deadline = now() + timeout_s;
	while ((got = waitpid(pid, status, WNOHANG)) == 0 || (got < 0 && errno == EINTR)) {
		if (now() >= deadline) {
			kill(-pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			return jx__error(JX_EIO, _("%s did not finish within %g s and was killed"),
					 prog, timeout_s);
		}
		nanosleep(&pause, NULL);
	}
	if (got < 0)
		return jx__error(JX_EIO, _("waiting for %s: %s"), prog, strerror(errno));
	kill(-pid, SIGKILL); /* what it left running in its group (its own children) */
	return 0;
}
