/* SPDX-License-Identifier: GPL-3.0-or-later */
/* alias.c -- indicator aliases: renames joined across years, applied on read. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/internal.h"

/* A key or name argument in its normalised key form ("a/b/c"), or a normalised name. */
static char *normalize_key_arg(const char *arg)
{
	jx__buf b;
	const char *p = arg;
	if (!strchr(arg, '/'))
		return jx_name_normalize(arg);
	jx__buf_init(&b);
	while (p) {
		const char *slash = strchr(p, '/');
		char *part = jx__strndup(p, slash ? (size_t)(slash - p) : strlen(p));
		char *norm = part ? jx_name_normalize(part) : NULL;
		free(part);
		if (!norm) {
			jx__buf_free(&b);
			return NULL;
		}
		jx__buf_puts(&b, norm);
		free(norm);
		if (slash)
			jx__buf_puts(&b, "/");
		p = slash ? slash + 1 : NULL;
	}
	return jx__buf_detach(&b);
}

static int key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The stored indicator keys, read once per command and only when a bare name must be found:
 * indicator has no index on key (schema 10), so every look-up reads every row. */
typedef struct {
	char **keys; /* distinct, sorted */
	size_t n;
	int loaded;
} key_list;

static void key_list_free(key_list *kl)
{
	jx_strings_free(kl->keys, kl->n);
	memset(kl, 0, sizeof(*kl));
}

static int key_list_load(jx_store *s, key_list *kl)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, step;
	if (kl->loaded)
		return 0;
	if ((rc = jx__prepare(s->db, &st, "SELECT DISTINCT key FROM indicator ORDER BY key")))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = jx__grow((void **)&kl->keys, &cap, kl->n + 1, sizeof(*kl->keys))) != 0)
			break;
		if (!(kl->keys[kl->n] = jx__column_strdup(st, 0))) {
			rc = jx__oom();
			break;
		}
		kl->n++;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing indicator keys");
	sqlite3_finalize(st);
	kl->loaded = rc == 0;
	return rc;
}

/* Whether key's last part is name. */
static int ends_with_name(const char *key, const char *name)
{
	const char *last = strrchr(key, '/');
	return last && strcmp(last + 1, name) == 0;
}

/* The keys whose last part is name, of indicator rows and of aliases (a key renamed away may
 * be in no row any more): how many, and the first (malloc'd) in *first. */
static int keys_named(jx_store *s, key_list *kl, const char *name, char **first, int *n)
{
	sqlite3_stmt *st;
	int rc, step = SQLITE_DONE;
	*first = NULL;
	*n = 0;
	if ((rc = key_list_load(s, kl)) != 0 ||
	    (rc = jx__prepare(s->db, &st, "SELECT old_key FROM alias ORDER BY old_key")) != 0)
		return rc;
	for (size_t i = 0; i < kl->n && rc == 0; i++)
		if (ends_with_name(kl->keys[i], name) && (*n)++ == 0 &&
		    !(*first = jx__strdup(kl->keys[i])))
			rc = jx__oom();
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		if (!ends_with_name(k, name) ||
		    bsearch(&k, kl->keys, kl->n, sizeof(*kl->keys), key_cmp))
			continue;
		if ((*n)++ == 0 && !(*first = jx__strdup(k)))
			rc = jx__oom();
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing aliases");
	sqlite3_finalize(st);
	return rc;
}

/* A full key stays as it is; a bare level-3 name must match exactly one stored key. */
static int to_key(jx_store *s, key_list *kl, char **out, const char *arg)
{
	char *norm = normalize_key_arg(arg), *found = NULL;
	int rc, n = 0;
	*out = NULL;
	if (!norm)
		return jx__oom();
	if (!*norm) {
		free(norm);
		return jx__error(JX_EINVAL, _("empty indicator name"));
	}
	if (strchr(norm, '/')) {
		*out = norm;
		return 0;
	}
	rc = keys_named(s, kl, norm, &found, &n);
	if (rc == 0 && n == 0)
		rc = jx__error(JX_ENOTFOUND,
			       _("no stored indicator is named '%s'; give the full key "
				 "level1/level2/level3 (see `jixiao indicators`)"),
			       arg);
	else if (rc == 0 && n > 1)
		rc = jx__error(JX_EINVAL,
			       _("'%s' names %d different indicators; give the full key "
				 "level1/level2/level3 (see `jixiao indicators`)"),
			       arg, n);
	free(norm);
	if (rc) {
		free(found);
		return rc;
	}
	*out = found;
	return 0;
}

const char *jx__alias_follow(char *const *olds, char *const *news, size_t n, const char *key)
{
	for (size_t hops = 0; hops <= n; hops++) {
		size_t i;
		for (i = 0; i < n && strcmp(olds[i], key) != 0; i++)
			;
		if (i == n)
			break;
		key = news[i];
	}
	return key;
}

int jx_store_alias_resolve(jx_store *s, char **out, const char *key)
{
	char **olds = NULL, **news = NULL;
	size_t n = 0;
	int rc;
	*out = NULL;
	if ((rc = jx_store_alias_list(s, &olds, &news, &n)) != 0)
		return rc;
	*out = jx__strdup(jx__alias_follow(olds, news, n, key));
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	return *out ? 0 : jx__oom();
}

/* The evaluations that hold the keys of olds and news (n each, NULL skipped), in a temporary
 * table (key, evaluation) filled by one pass over the rows: with no index on indicator(key)
 * a look-up per alias would read every row, and a file of aliases holds many. */
static int occurrences_load(jx_store *s, char *const *olds, char *const *news, size_t n)
{
	sqlite3_stmt *st;
	int rc = jx__exec(s->db,
			  "CREATE TEMP TABLE IF NOT EXISTS jx_alias_key(key TEXT PRIMARY KEY)"
			  " WITHOUT ROWID;"
			  "CREATE TEMP TABLE IF NOT EXISTS jx_alias_occ(key TEXT NOT NULL,"
			  " evaluation_id INTEGER NOT NULL, PRIMARY KEY (key, evaluation_id))"
			  " WITHOUT ROWID;"
			  "DELETE FROM temp.jx_alias_key; DELETE FROM temp.jx_alias_occ");
	if (rc || (rc = jx__prepare(s->db, &st,
				    "INSERT OR IGNORE INTO temp.jx_alias_key(key) VALUES (?1)")))
		return rc;
	for (size_t i = 0; i < 2 * n && rc == 0; i++) {
		const char *key = i < n ? olds[i] : news[i - n];
		if (!key)
			continue;
		jx__bind_static(st, 1, key);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = jx__db_error(s->db, "checking aliases");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc ? rc
		  : jx__exec(s->db, "INSERT OR IGNORE INTO temp.jx_alias_occ(key, evaluation_id)"
				    " SELECT key, evaluation_id FROM indicator"
				    " WHERE key IN (SELECT key FROM temp.jx_alias_key)");
}

static void occurrences_drop(jx_store *s)
{
	sqlite3_exec(s->db, "DROP TABLE IF EXISTS temp.jx_alias_occ;"
			    "DROP TABLE IF EXISTS temp.jx_alias_key",
		     NULL, NULL, NULL);
}

/* Refuse old -> new when both occur in one evaluation: the alias would merge two
 * indicators into one row of the analysis. Both keys are in the occurrences loaded. */
static int check_apart(jx_store *s, const char *old_key, const char *new_key)
{
	sqlite3_stmt *st;
	int rc = jx__prepare(s->db, &st,
			     "SELECT d.name, e.year, e.kind FROM temp.jx_alias_occ a"
			     " JOIN temp.jx_alias_occ b ON b.key = ?2"
			     " AND b.evaluation_id = a.evaluation_id"
			     " JOIN evaluation e ON e.id = a.evaluation_id"
			     " JOIN department d ON d.id = e.department_id"
			     " WHERE a.key = ?1 ORDER BY a.evaluation_id LIMIT 1");
	if (rc)
		return rc;
	jx__bind_text(st, 1, old_key);
	jx__bind_text(st, 2, new_key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		rc = jx__error(
			JX_EINVAL,
			_("alias %s -> %s refused: both occur in %s %d (%s), so they are two "
			  "indicators, not one renamed"),
			old_key, new_key, (const char *)sqlite3_column_text(st, 0),
			sqlite3_column_int(st, 1), (const char *)sqlite3_column_text(st, 2));
	else
		rc = rc == SQLITE_DONE ? 0 : jx__db_error(s->db, "checking an alias");
	sqlite3_finalize(st);
	return rc;
}

/* The keys of one pair: not the same indicator (whether they occur apart is checked once
 * the keys of every pair are known). */
static int pair_keys(jx_store *s, key_list *kl, const char *old_arg, const char *new_arg,
		     char **old_key, char **new_key)
{
	int rc;
	*old_key = *new_key = NULL;
	if ((rc = to_key(s, kl, old_key, old_arg)) != 0 ||
	    (rc = to_key(s, kl, new_key, new_arg)) != 0)
		return rc;
	if (!strcmp(*old_key, *new_key))
		return jx__error(JX_EINVAL, _("'%s' and '%s' are the same indicator"), old_arg,
				 new_arg);
	return 0;
}

static int insert_alias(jx_store *s, const char *old_key, const char *new_key)
{
	sqlite3_stmt *st = NULL;
	int rc = jx__prepare(s->db, &st,
			     "INSERT INTO alias(old_key, new_key) VALUES (?1, ?2)"
			     " ON CONFLICT(old_key) DO UPDATE SET new_key = excluded.new_key");
	if (rc)
		return rc;
	jx__bind_text(st, 1, old_key);
	jx__bind_text(st, 2, new_key);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = jx__db_error(s->db, "adding an alias");
	sqlite3_finalize(st);
	return rc;
}

/* One alias, in one transaction with its checks: the keys, the chain it joins (no cycle), and
 * that old occurs apart from new and from the end of new's chain. */
int jx_store_alias_add(jx_store *s, const char *old_arg, const char *new_arg)
{
	key_list kl = {0};
	char *keys[3] = {NULL, NULL, NULL}; /* old; new and the end of new's chain */
	int rc;
	if ((rc = jx__exec(s->db, "BEGIN IMMEDIATE")) != 0)
		return rc;
	if ((rc = pair_keys(s, &kl, old_arg, new_arg, &keys[0], &keys[1])) == 0 &&
	    (rc = jx_store_alias_resolve(s, &keys[2], keys[1])) == 0 && !strcmp(keys[2], keys[0]))
		rc = jx__error(JX_EINVAL, _("alias %s -> %s would make a cycle"), keys[0], keys[1]);
	if (rc == 0 && (rc = occurrences_load(s, keys, keys + 1, 2)) == 0 &&
	    (rc = check_apart(s, keys[0], keys[1])) == 0 &&
	    (strcmp(keys[2], keys[1]) == 0 || (rc = check_apart(s, keys[0], keys[2])) == 0))
		rc = insert_alias(s, keys[0], keys[1]);
	occurrences_drop(s);
	if (rc == 0)
		rc = jx__exec(s->db, "COMMIT");
	if (rc)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	key_list_free(&kl);
	for (int i = 0; i < 3; i++)
		free(keys[i]);
	return rc;
}

int jx_store_alias_remove(jx_store *s, const char *old_arg)
{
	char *key = normalize_key_arg(old_arg);
	sqlite3_stmt *st;
	int rc;
	if (!key)
		return jx__oom();
	if ((rc = jx__prepare(s->db, &st, "DELETE FROM alias WHERE old_key = ?1")) == 0) {
		jx__bind_text(st, 1, key);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = jx__db_error(s->db, "removing an alias");
		else if (sqlite3_changes(s->db) == 0)
			rc = jx__error(JX_ENOTFOUND, _("no alias for '%s'"), old_arg);
		sqlite3_finalize(st);
	}
	free(key);
	return rc;
}

int jx__alias_pairs(jx_store *s, const char *sql, char ***olds, char ***news, size_t *n)
{
	sqlite3_stmt *st;
	char **o = NULL, **w = NULL;
	size_t ocap = 0, wcap = 0, cnt = 0;
	int rc, step;
	*olds = *news = NULL;
	*n = 0;
	if ((rc = jx__prepare(s->db, &st, sql)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = jx__grow((void **)&o, &ocap, cnt + 1, sizeof(*o))) ||
		    (rc = jx__grow((void **)&w, &wcap, cnt + 1, sizeof(*w))))
			break;
		o[cnt] = jx__column_strdup(st, 0);
		w[cnt] = jx__column_strdup(st, 1);
		cnt++;
		if (!o[cnt - 1] || !w[cnt - 1]) {
			rc = jx__oom();
			break;
		}
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = jx__db_error(s->db, "listing aliases");
	sqlite3_finalize(st);
	if (rc) {
		jx_strings_free(o, cnt);
		jx_strings_free(w, cnt);
		return rc;
	}
	*olds = o;
	*news = w;
	*n = cnt;
	return 0;
}

/* The new key of old (one step), or NULL when old has no alias (*next malloc'd). */
static int alias_step(jx_store *s, char **next, const char *old)
{
	sqlite3_stmt *st;
	int rc = jx__prepare(s->db, &st, "SELECT new_key FROM alias WHERE old_key = ?1");
	*next = NULL;
	if (rc)
		return rc;
	jx__bind_text(st, 1, old);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && !(*next = jx__column_strdup(st, 0)))
		rc = JX_ENOMEM;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
	       : rc == JX_ENOMEM                     ? jx__oom()
						     : jx__db_error(s->db, "an alias");
}

/* An old key on a cycle of the stored aliases, or NULL (into *at; malloc'd). Each alias is an
 * edge old -> new and an old key has one: walking from every key, marking where each walk
 * went, sees each key a bounded number of times, so the check is n log n (the look-ups). */
static int find_cycle(jx_store *s, char **at)
{
	char **olds = NULL, **news = NULL;
	unsigned char *state = NULL; /* 0 unseen, 1 on the current walk, 2 done */
	size_t n = 0;
	int rc;
	*at = NULL;
	if ((rc = jx_store_alias_list(s, &olds, &news, &n)) != 0) /* sorted by old key */
		return rc;
	if (!(state = calloc(n ? n : 1, 1)))
		rc = jx__oom();
	for (size_t start = 0; rc == 0 && start < n && !*at; start++) {
		size_t i = start;
		char **hit;
		int back = 0; /* the walk came back onto itself */
		while (state[i] == 0) {
			state[i] = 1;
			if (!(hit = bsearch(&news[i], olds, n, sizeof(*olds), key_cmp)))
				break;
			i = (size_t)(hit - olds);
			back = state[i] == 1;
		}
		if (back && !(*at = jx__strdup(olds[i])))
			rc = jx__oom();
		for (size_t j = start; state[j] == 1;) { /* close the walk */
			state[j] = 2;
			if (!(hit = bsearch(&news[j], olds, n, sizeof(*olds), key_cmp)))
				break;
			j = (size_t)(hit - olds);
		}
	}
	free(state);
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	return rc;
}

/* The pair of the file that closed the cycle through key at (the last one on it), as the
 * error: "alias OLD -> NEW would make a cycle", *failed its index. Only on the error path. */
static int name_cycle(jx_store *s, const char *at, char **olds, char **news, size_t n,
		      size_t *failed)
{
	char *cur = jx__strdup(at), *next = NULL;
	int rc = 0;
	*failed = 0;
	for (size_t hops = 0; cur && hops <= n && rc == 0; hops++) {
		for (size_t i = 0; i < n; i++)
			if (olds[i] && !strcmp(olds[i], cur) && i >= *failed)
				*failed = i;
		if ((rc = alias_step(s, &next, cur)) == 0) {
			free(cur);
			cur = next;
			if (cur && !strcmp(cur, at))
				break;
		}
	}
	free(cur);
	if (rc)
		return rc;
	return jx__error(JX_EINVAL, _("alias %s -> %s would make a cycle"), olds[*failed],
			 news[*failed]);
}

int jx_store_alias_list(jx_store *s, char ***olds, char ***news, size_t *n)
{
	return jx__alias_pairs(s, "SELECT old_key, new_key FROM alias ORDER BY old_key", olds, news,
			       n);
}

int jx_store_alias_add_all(jx_store *s, const jx_alias_pair *pairs, size_t n, size_t *failed)
{
	char **olds = calloc(n ? n : 1, sizeof(char *)), **news = calloc(n ? n : 1, sizeof(char *));
	char *cycle = NULL;
	key_list kl = {0};
	int rc;
	*failed = n;
	if (!olds || !news) {
		free(olds);
		free(news);
		return jx__oom();
	}
	if ((rc = jx__exec(s->db, "BEGIN IMMEDIATE")) != 0) {
		free(olds);
		free(news);
		return rc;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = pair_keys(s, &kl, pairs[i].old_key, pairs[i].new_key, &olds[i],
				    &news[i])) == 0)
			rc = insert_alias(s, olds[i], news[i]);
		if (rc)
			*failed = i;
	}
	/* whether each pair's keys occur apart: one read of the rows of all of them */
	if (rc == 0 && (rc = occurrences_load(s, olds, news, n)) == 0)
		for (size_t i = 0; i < n && rc == 0; i++)
			if ((rc = check_apart(s, olds[i], news[i])) != 0)
				*failed = i;
	occurrences_drop(s);
	if (rc == 0 && (rc = find_cycle(s, &cycle)) == 0 && cycle)
		rc = name_cycle(s, cycle, olds, news, n, failed);
	if (rc == 0)
		rc = jx__exec(s->db, "COMMIT");
	if (rc)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	free(cycle);
	key_list_free(&kl);
	jx_strings_free(olds, n);
	jx_strings_free(news, n);
	return rc;
}
