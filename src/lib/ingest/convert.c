/* SPDX-License-Identifier: GPL-3.0-or-later */
/* convert.c -- old binary Word/WPS/Excel files to OOXML with LibreOffice, when it is there.
 *
 * .doc and .wps (and an .xls or .et that FreeXL cannot read) have no small C
 * reader; LibreOffice reads them well. When `soffice` is on PATH the file is
 * converted to .docx/.xlsx, which the OOXML readers then read like any other;
 * when it is not, the error says how to convert the file by hand. LibreOffice
 * is never required.
 *
 * The conversion runs in a private temporary directory (0700) that holds the
 * input copy, the output and a private LibreOffice profile: with the user's
 * own profile, soffice hands the job to an already running LibreOffice and
 * silently produces nothing. soffice is started without a shell, with stdin
 * from /dev/null, in its own process group, and killed with that group when
 * it exceeds the time limit (JIXIAO_CONVERT_TIMEOUT seconds, default 120).
 * The directory is removed afterwards whatever happened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include "ingest/internal.h"

#define DEFAULT_TIMEOUT 120.0

/* What each kind is, the file it is written to, and how to convert it by hand. */
static const struct {
	const char *what, *input, *target, *package, *by_hand;
} kinds[] = {
	{"a Word 97-2003 or WPS document (.doc/.wps)", "in.doc", "docx", "libreoffice-writer-nogui",
	 "Word 文档 (*.docx)"},
	{"an Excel 97-2003 or WPS workbook (.xls/.et)", "in.xls", "xlsx", "libreoffice-calc-nogui",
	 "Excel 工作簿 (*.xlsx)"},
};

static double timeout_seconds(void)
{
	const char *s = getenv("JIXIAO_CONVERT_TIMEOUT");
	char *end;
	double t = s ? strtod(s, &end) : 0;
	return s && end != s && !*end && t > 0 && t <= 3600 ? t : DEFAULT_TIMEOUT;
}

/* "file://" URL of an absolute path, bytes other than unreserved ones and '/' %-escaped. */
static char *file_url(const char *path)
{
	jx__buf b;
	jx__buf_init(&b);
	jx__buf_puts(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			jx__buf_put(&b, (const char *)p, 1);
		else
			jx__buf_printf(&b, "%%%02X", *p);
	}
	return jx__buf_detach(&b);
}

/* The last line LibreOffice wrote (its reason), trimmed; "" when none. */
static void last_line(char *buf, size_t size, const char *log_path)
{
	char *text = NULL, *end, *start;
	size_t len = 0;
	buf[0] = '\0';
	if (jx__read_file(&text, &len, log_path, 1 << 20) != 0) {
		jx_error_clear();
		return;
	}
	for (end = text + len;
	     end > text && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ');)
		*--end = '\0';
	start = strrchr(text, '\n');
	snprintf(buf, size, "%s", start ? start + 1 : text);
	free(text);
}

typedef struct {
	char *dir, *profile, *input, *outdir, *output, *log;
} workspace;

static void workspace_free(workspace *w)
{
	jx__tempdir_remove(w->dir);
	free(w->dir);
	free(w->profile);
	free(w->input);
	free(w->outdir);
	free(w->output);
	free(w->log);
}

static int workspace_make(workspace *w, int k, const char *data, size_t len)
{
	char *url;
	int rc;
	memset(w, 0, sizeof(*w));
	if ((rc = jx__tempdir_make(&w->dir)) != 0)
		return rc;
	url = jx__sprintf("%s/profile", w->dir);
	w->profile = url ? file_url(url) : NULL;
	free(url);
	w->input = jx__sprintf("%s/%s", w->dir, kinds[k].input);
	w->outdir = jx__sprintf("%s/out", w->dir);
	w->output = jx__sprintf("%s/out/in.%s", w->dir, kinds[k].target);
	w->log = jx__sprintf("%s/soffice.log", w->dir);
	if (!w->profile || !w->input || !w->outdir || !w->output || !w->log)
		return jx__oom();
	return jx__write_new_file(w->input, data, len);
}

/* Run soffice on the workspace's input; 0 when it exited 0 (the output may still be absent). */
static int run_soffice(const char *prog, const workspace *w, int k, const char *name)
{
	char *env = jx__sprintf("-env:UserInstallation=%s", w->profile);
	char *argv[] = {"soffice",
			"--headless",
			"--invisible",
			"--norestore",
			"--nologo",
			"--nodefault",
			"--nolockcheck",
			"--nofirststartwizard",
			env,
			"--convert-to",
			(char *)kinds[k].target,
			"--outdir",
			w->outdir,
			w->input,
			NULL};
	double limit = timeout_seconds();
	int fd, status = 0, rc;
	char why[300];
	if (!env)
		return jx__oom();
	fd = open(w->log, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		free(env);
		return jx__error(JX_EIO, _("%s: cannot write in %s"), name, w->dir);
	}
	rc = jx__run(&status, prog, argv, fd, limit);
	close(fd);
	free(env);
	if (rc != 0)
		return jx__error(
			JX_EIO,
			_("%s: LibreOffice did not finish converting %s within %g s and was "
			  "stopped (JIXIAO_CONVERT_TIMEOUT sets the limit); open it in Word or "
			  "WPS and save it as %s"),
			name, kinds[k].what, limit, kinds[k].by_hand);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		last_line(why, sizeof(why), w->log);
		return jx__error(JX_EIO, _("%s: LibreOffice could not convert %s (%s %d)%s%s"),
				 name, kinds[k].what, WIFEXITED(status) ? "exit" : "signal",
				 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status),
				 why[0] ? ": " : "", why);
	}
	return 0;
}

int jx__soffice_convert(char **out, size_t *outlen, const char *name, const char *data, size_t len,
			int excel)
{
	int k = excel ? 1 : 0, rc;
	char *prog = NULL, why[300];
	workspace w;
	*out = NULL;
	*outlen = 0;
	if (jx__find_program(&prog, "soffice") != 0)
		return jx__error(
			JX_ENOTFOUND,
			_("%s: %s; jixiao reads it through LibreOffice, which is not installed "
			  "(soffice is not on PATH). Install it (Debian: apt-get install %s), or "
			  "open the file in Word or WPS, save it as %s (文件 → 另存为) and "
			  "import that"),
			name, kinds[k].what, kinds[k].package, kinds[k].by_hand);
	if ((rc = workspace_make(&w, k, data, len)) == 0 &&
	    (rc = run_soffice(prog, &w, k, name)) == 0 &&
	    (rc = jx__read_file(out, outlen, w.output, JX_MAX_INPUT)) != 0) {
		last_line(why, sizeof(why), w.log);
		rc = jx__error(JX_EIO, _("%s: LibreOffice wrote no %s file for %s%s%s"), name,
			       kinds[k].target, kinds[k].what, why[0] ? ": " : "", why);
	}
	workspace_free(&w);
	free(prog);
	return rc;
}
