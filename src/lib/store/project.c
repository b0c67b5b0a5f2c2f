/* SPDX-License-Identifier: GPL-3.0-or-later */
/* project.c -- a department's projects: listing and finding them by name, project
 * aliases (renamed projects joined across years, applied on read like indicator
 * aliases), and the project part of the read filters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

static int project_aliases(jx_store *s, char ***olds, char ***news, size_t *n)
{
	return jx__alias_pairs(s, "SELECT old_key, new_key FROM project_alias ORDER BY old_key",
			       olds, news, n);
}

int jx__project_param(jx_store *s, char **out, const char **set, const char *project)
{
	char **olds = NULL, **news = NULL;
	const char *target;
	size_t n = 0;
	jx__buf b;
	int rc;
	*out = NULL;
	*set = project;
	if (!project || !strcmp(project, JX_PROJECT_ALL))
		return 0;
	if ((rc = project_aliases(s, &olds, &news, &n)) != 0)
		return rc;
	target = jx__alias_follow(olds, news, n, project);
	jx__buf_init(&b);
	jx__buf_printf(&b, "\x1f%s\x1f", target);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(jx__alias_follow(olds, news, n, olds[i]), target))
			jx__buf_printf(&b, "%s\x1f", olds[i]);
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	if (!(*out = jx__buf_detach(&b)))
		return jx__oom();
	*set = *out;
	return 0;
}

/* ---- listing ---- */

void jx_project_infos_free(jx_project_info *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].key);
		free(v[i].name);
	}
	free(v);
}

/* The entry of key in v, appended when new; NULL on ENOMEM. */
static jx_project_info *info_of(jx_project_info **v, size_t *n, size_t *cap, const char *key)
{
	jx_project_info *p;
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i].key, key))
			return &(*v)[i];
	if (jx__grow((void **)v, cap, *n + 1, sizeof(**v)) != 0)
		return NULL;
	p = &(*v)[(*n)++];
	memset(p, 0, sizeof(*p));
	if (!(p->key = jx__strdup(key))) {
		(*n)--;
		jx__oom();
		return NULL;
	}
	return p;
}

/* One evaluation (key, year, name as written) into its project's entry; years come in order. */
static int add_year(jx_project_info *p, int year, const char *written)
{
	char *name = jx_project_name_clean(written ? written : "");
	if (!name)
		return jx__oom();
	if (p->nyears == 0 || p->year_last != year)
		p->nyears++;
	if (p->nyears == 1)
		p->year_first = year;
	p->year_last = year;
	if (*name) { /* the latest year's name is the one shown */
		free(p->name);
		p->name = name;
	} else {
		free(name);
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	const jx_project_info *x = a, *y = b;
	int c = strcmp(x->name ? x->name : "", y->name ? y->name : "");
	return c ? c : strcmp(x->key, y->key);
}

int jx_store_projects(jx_store *s, jx_project_info **out, size_t *n, const char *department)
{
	static const char sql[] =
		"SELECT p.key, e.year, coalesce(e.project_name, p.name) FROM department d"
		" JOIN project p ON p.department_id = d.id JOIN evaluation e ON e.project_id = p.id"
		" WHERE d.name = ?1 ORDER BY e.year, p.key";
	char **olds = NULL, **news = NULL;
	jx_project_info *v = NULL;
	size_t nalias = 0, cap = 0, cnt = 0;
	sqlite3_stmt *st = NULL;
	int rc, step = SQLITE_DONE;
	*out = NULL;
	*n = 0;
	if ((rc = project_aliases(s, &olds, &news, &nalias)) != 0 ||
	    (rc = jx__prepare(s->db, &st, sql)) != 0)
		goto out;
	jx__bind_text(st, 1, department);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = jx__alias_follow(olds, news, nalias,
						   (const char *)sqlite3_column_text(st, 0));
		jx_project_info *p = info_of(&v, &cnt, &cap, key);
		rc = p ? add_year(p, sqlite3_column_int(st, 1),
				  (const char *)sqlite3_column_text(st, 2))
		       : JX_ENOMEM;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing projects");
out:
	sqlite3_finalize(st);
	jx_strings_free(olds, nalias);
	jx_strings_free(news, nalias);
	if (rc) {
		jx_project_infos_free(v, cnt);
		return rc;
	}
	jx__sort(v, cnt, sizeof(*v), by_name);
	*out = v;
	*n = cnt;
	return 0;
}

/* ---- finding ---- */

typedef struct {
	char *found;   /* the resolved key found */
	int exact;     /* found by its whole key */
	int nmatch;    /* distinct resolved keys containing the name */
	jx__buf names; /* the first few of them, for the message */
} project_match;

static void consider(project_match *m, const char *resolved, const char *raw, const char *name,
		     const char *want)
{
	if (m->exact)
		return;
	if (!strcmp(resolved, want) || !strcmp(raw, want)) {
		free(m->found);
		m->found = jx__strdup(resolved);
		m->exact = 1;
		return;
	}
	if (!strstr(raw, want) && !strstr(resolved, want))
		return;
	if (m->found && !strcmp(m->found, resolved))
		return;
	if (m->nmatch++ == 0)
		m->found = jx__strdup(resolved);
	if (m->nmatch <= 5)
		jx__buf_printf(&m->names, "%s%s", m->nmatch > 1 ? ", " : "", name);
}

int jx_store_find_project(jx_store *s, char **key_out, const char *department, const char *name)
{
	static const char sql[] = "SELECT p.key, p.name FROM project p JOIN department d"
				  " ON d.id = p.department_id WHERE ?1 IS NULL OR d.name = ?1"
				  " ORDER BY p.key";
	char **olds = NULL, **news = NULL, *want = jx_project_key(name ? name : "");
	project_match m = {NULL, 0, 0, {NULL, 0, 0, 0}};
	size_t nalias = 0;
	sqlite3_stmt *st = NULL;
	int rc;
	*key_out = NULL;
	if (!want)
		return jx__oom();
	if (!*want) {
		free(want);
		return jx__error(JX_EINVAL, _("empty project name"));
	}
	if ((rc = project_aliases(s, &olds, &news, &nalias)) != 0 ||
	    (rc = jx__prepare(s->db, &st, sql)) != 0)
		goto out;
	jx__bind_text(st, 1, department);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *raw = (const char *)sqlite3_column_text(st, 0);
		consider(&m, jx__alias_follow(olds, news, nalias, raw), raw,
			 (const char *)sqlite3_column_text(st, 1),
			 jx__alias_follow(olds, news, nalias, want));
	}
	if (!m.found && (m.exact || m.nmatch))
		rc = jx__oom();
	else if (!m.exact && m.nmatch == 0)
		rc = jx__error(JX_ENOTFOUND,
			       _("no project named '%s' is stored%s%s (see `jixiao projects`)"),
			       name, department ? " for " : "", department ? department : "");
	else if (!m.exact && m.nmatch > 1)
		rc = jx__error(JX_EINVAL, _("'%s' matches %d projects (%s): give the full name"),
			       name, m.nmatch, m.names.data ? m.names.data : "");
out:
	sqlite3_finalize(st);
	jx_strings_free(olds, nalias);
	jx_strings_free(news, nalias);
	jx__buf_free(&m.names);
	free(want);
	if (rc) {
		free(m.found);
		return rc;
	}
	*key_out = m.found;
	return 0;
}

/* ---- aliases ---- */

int jx_store_project_alias_list(jx_store *s, char ***olds, char ***news, size_t *n)
{
	return project_aliases(s, olds, news, n);
}

int jx_store_project_alias_add(jx_store *s, const char *old_name, const char *new_name)
{
	char *old_key = jx_project_key(old_name), *new_key = jx_project_key(new_name);
	char **olds = NULL, **news = NULL;
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	int rc = 0;
	if (!old_key || !new_key)
		rc = jx__oom();
	else if (!*old_key || !*new_key)
		rc = jx__error(JX_EINVAL, _("empty project name"));
	else if (!strcmp(old_key, new_key))
		rc = jx__error(JX_EINVAL, _("'%s' and '%s' are the same project"), old_name,
			       new_name);
	if (rc || (rc = project_aliases(s, &olds, &news, &n)) != 0)
		goto out;
	if (!strcmp(jx__alias_follow(olds, news, n, new_key), old_key)) {
		rc = jx__error(JX_EINVAL, _("project alias %s -> %s would make a cycle"), old_key,
			       new_key);
		goto out;
	}
	if ((rc = jx__prepare(s->db, &st,
			      "INSERT INTO project_alias(old_key, new_key) VALUES (?1, ?2)"
			      " ON CONFLICT(old_key) DO UPDATE SET new_key = excluded.new_key")))
		goto out;
	jx__bind_text(st, 1, old_key);
	jx__bind_text(st, 2, new_key);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = jx__db_error(s->db, "adding a project alias");
out:
	sqlite3_finalize(st);
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	free(old_key);
	free(new_key);
	return rc;
}

int jx_store_project_alias_remove(jx_store *s, const char *old_name)
{
	char *key = jx_project_key(old_name);
	sqlite3_stmt *st;
	int rc;
	if (!key)
		return jx__oom();
	if ((rc = jx__prepare(s->db, &st, "DELETE FROM project_alias WHERE old_key = ?1")) == 0) {
		jx__bind_text(st, 1, key);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = jx__db_error(s->db, "removing a project alias");
		else if (sqlite3_changes(s->db) == 0)
			rc = jx__error(JX_ENOTFOUND, _("no project alias for '%s'"), old_name);
		sqlite3_finalize(st);
	}
	free(key);
	return rc;
}
