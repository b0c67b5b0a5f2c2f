/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis_cli.c -- shared options and the per-department loop of the analysis commands.
 *
 * With --all-departments each department's table is written as soon as it
 * is built and then freed: CSV gets one header line, JSON one array, the
 * terminal one block per department. Nothing of the whole database is
 * kept in memory (issue 9's streaming requirement). All reads are one read
 * transaction (jx_store_read_begin).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

int ana_parse(ana_args *a, const cli_spec *spec, int argc, char **argv, cli_own_fn own, void *ctx)
{
	cli_args c;
	int rc;
	memset(a, 0, sizeof(*a));
	a->cmd = spec->name;
	a->fmt = JX_FMT_TABLE;
	jx_analysis_options_init(&a->o);
	if ((rc = cli_parse(&c, spec, argc, argv, own, ctx)) != CLI_GO ||
	    (rc = cli_no_positionals(&c)) != CLI_GO)
		return rc;
	a->dept = c.dept;
	a->project = c.project;
	a->all_departments = c.all_departments;
	a->fmt = c.format;
	a->o.year_from = c.year_from;
	a->o.year_to = c.year_to;
	if (c.level_set)
		a->o.level = c.level;
	if (c.kind >= 0)
		a->o.kind = (jx_kind)c.kind;
	return CLI_GO;
}

/* Whether the command's table has --all-departments (to suggest it). */
static int all_departments_known(const char *cmd)
{
	return strcmp(cmd, "compare") && strcmp(cmd, "figures");
}

int ana_department(jx_store *st, const ana_args *a, const char **dept, char **owned)
{
	char **names = NULL;
	size_t n = 0;
	*owned = NULL;
	*dept = a->dept;
	if (a->dept) {
		if (jx_store_find_department(st, owned, a->dept))
			return cli_fail_jx();
		*dept = *owned;
		return JX_EXIT_OK;
	}
	if (jx_store_departments(st, &names, &n))
		return cli_fail_jx();
	if (n == 1) {
		*dept = *owned = names[0];
		names[0] = NULL;
		jx_strings_free(names, n);
		return JX_EXIT_OK;
	}
	jx_strings_free(names, n);
	if (n == 0)
		return cli_fail(_("no evaluations stored (import some with `jixiao import`)"));
	if (all_departments_known(a->cmd))
		return cli_usage(a->cmd,
				 _("the database holds %zu departments: name one with --dept or "
				   "use --all-departments"),
				 n);
	return cli_usage(a->cmd, _("the database holds %zu departments: name one with --dept"), n);
}

/* ---- streaming output ---- */

/* Write a department's table: CSV rows under one header, JSON objects inside
 * one array, terminal tables one after another. */
int ana_stream_write(ana_stream *s, jx_table *t)
{
	int rc;
	if (s->fmt == JX_FMT_TABLE && s->written)
		fputc('\n', stdout);
	if (s->fmt == JX_FMT_TABLE) {
		cli_table_width(t);
		rc = jx_table_write_view(t, stdout, cli_view(t));
	} else if (s->fmt == JX_FMT_CSV && s->written == 0) {
		cli_csv_headers(t);
		rc = jx_table_write(t, stdout, JX_FMT_CSV, 0);
	} else {
		if (s->fmt == JX_FMT_JSON && s->rows == 0 && jx_table_rows(t) > 0)
			fputc('[', stdout);
		rc = jx_table_write_rows(t, stdout, s->fmt, s->rows == 0);
	}
	s->written++;
	s->rows += jx_table_rows(t);
	return rc ? -1 : 0;
}

int ana_stream_end(ana_stream *s)
{
	if (s->fmt == JX_FMT_JSON)
		fputs(s->rows ? "\n]\n" : "[]\n", stdout);
	if (fflush(stdout) || ferror(stdout))
		return cli_fail(_("cannot write output: %s"), strerror(errno));
	return JX_EXIT_OK;
}

/* What one_series and one_department return for a department or project with
 * nothing in range, skipped under --all-departments (exit codes are >= 0). */
#define SKIPPED (-1)

/* One series -- the department's own (project NULL) or one of its projects' (a key) --
 * to a table and the output. Missing evaluations are SKIPPED when skip. */
static int one_series(ana_stream *out, jx_store *st, const char *dept, const char *project,
		      ana_args *a, ana_table_fn fn, void *ctx, int skip)
{
	jx_series *s = NULL;
	jx_table *t = NULL;
	int rc = jx_store_project_series(st, &s, dept, project, a->o.kind, a->o.year_from,
					 a->o.year_to);
	if (rc == JX_ENOTFOUND && skip) {
		jx_error_clear();
		return SKIPPED;
	}
	if (rc || (rc = fn(&t, st, s, a, ctx))) {
		jx_series_free(s);
		return cli_fail_jx();
	}
	jx_series_free(s);
	if (!t) /* fn had nothing to show (and said so) */
		return 0;
	rc = ana_stream_write(out, t) ? cli_fail(_("cannot write output: %s"), strerror(errno)) : 0;
	jx_table_free(t);
	return rc;
}

/* Every project of a department (--project all), each its own series. */
static int all_projects(ana_stream *out, jx_store *st, const char *dept, ana_args *a,
			ana_table_fn fn, void *ctx, size_t *found)
{
	jx_project_info *p = NULL;
	size_t n = 0;
	int rc = 0;
	if (jx_store_projects(st, &p, &n, dept))
		return cli_fail_jx();
	for (size_t i = 0; i < n && rc == 0; i++)
		if ((rc = one_series(out, st, dept, p[i].key, a, fn, ctx, 1)) == SKIPPED)
			rc = 0;
		else if (rc == 0)
			++*found;
	jx_project_infos_free(p, n);
	return rc;
}

/* One department: its own series, or the projects --project names. SKIPPED when it
 * has nothing in range under --all-departments. */
static int one_department(ana_stream *out, jx_store *st, const char *dept, ana_args *a,
			  ana_table_fn fn, void *ctx)
{
	size_t found = 0;
	char *key = NULL;
	int rc;
	if (!a->project)
		return one_series(out, st, dept, NULL, a, fn, ctx, a->all_departments);
	if (!strcmp(a->project, "all")) {
		rc = all_projects(out, st, dept, a, fn, ctx, &found);
		if (rc == 0 && !found && !a->all_departments)
			rc = cli_fail(_("%s has no project evaluations in range"), dept);
		return rc == 0 && !found ? SKIPPED : rc;
	}
	rc = jx_store_find_project(st, &key, dept, a->project);
	if (rc == JX_ENOTFOUND && a->all_departments) {
		jx_error_clear();
		return SKIPPED;
	}
	if (rc)
		return cli_fail_jx();
	rc = one_series(out, st, dept, key, a, fn, ctx, a->all_departments);
	free(key);
	return rc;
}

static int all_departments(ana_stream *out, jx_store *st, ana_args *a, ana_table_fn fn, void *ctx)
{
	char **names = NULL;
	size_t n = 0, skipped = 0;
	int rc = 0;
	if (jx_store_departments(st, &names, &n))
		return cli_fail_jx();
	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = one_department(out, st, names[i], a, fn, ctx);
		if (rc == SKIPPED) {
			skipped++;
			rc = 0;
		}
	}
	if (rc == 0 && skipped && !a->project)
		cli_warn(_("%zu of %zu departments have no %s evaluation in range; skipped"),
			 skipped, n, jx_kind_name(a->o.kind));
	else if (rc == 0 && skipped)
		cli_warn(_("%zu of %zu departments have no such project evaluation in range; "
			   "skipped"),
			 skipped, n);
	jx_strings_free(names, n);
	return rc;
}

int ana_run(jx_cli *cli, ana_args *a, ana_table_fn fn, void *ctx)
{
	ana_stream out = {a->fmt, 0, 0};
	jx_store *st = NULL;
	const char *dept;
	char *owned = NULL;
	int rc;

	if (a->all_departments && a->dept)
		return cli_usage(a->cmd, _("--dept and --all-departments exclude each other"));
	if ((rc = cli_open_store(cli, &st, CLI_STORE_READ)))
		return rc;
	a->o.with_project = a->project && !strcmp(a->project, "all");
	/* One read transaction for all the statements (a few per department): one set
	 * of file locks instead of one per statement, and one snapshot of the data. */
	if (jx_store_read_begin(st)) {
		jx_store_free(st);
		return cli_fail_jx();
	}
	if (a->all_departments) {
		a->o.with_department = 1;
		rc = all_departments(&out, st, a, fn, ctx);
	} else if ((rc = ana_department(st, a, &dept, &owned)) == 0) {
		rc = one_department(&out, st, dept, a, fn, ctx);
	}
	jx_store_read_end(st);
	if (rc == 0)
		rc = ana_stream_end(&out);
	free(owned);
	jx_store_free(st);
	return rc;
}

int ana_department_list(jx_store *st, const char *cmd, const char *list, char ***names, size_t *n)
{
	char *copy = strdup(list), *save = NULL, *part;
	int rc = copy ? 0 : cli_fail("%s", strerror(ENOMEM));
	for (part = copy ? strtok_r(copy, ",", &save) : NULL; part && rc == 0;
	     part = strtok_r(NULL, ",", &save)) {
		char **v = realloc(*names, (*n + 1) * sizeof(*v));
		if (!v) {
			rc = cli_fail("%s", strerror(ENOMEM));
			break;
		}
		*names = v;
		if ((rc = cli_find_department(st, part, &v[*n])) == 0)
			(*n)++;
	}
	free(copy);
	if (rc == 0 && *n == 0)
		rc = cli_usage(cmd, _("--dept names no department"));
	return rc;
}

void ana_strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
