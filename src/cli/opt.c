/* SPDX-License-Identifier: GPL-3.0-or-later */
/* opt.c -- parsing a command line by its spec table, and the help built from it.
 *
 * Written by hand rather than on getopt_long so that the table is the only
 * description of a command's options: the same entries give the parser its
 * names, the usage line its synopsis and --help its lines, and there is no
 * global parser state to reset between commands (tests call several).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

typedef struct {
	const char *name, *arg, *help;
} shared_def;

static const shared_def shared[] = {
#define JX_OPTION(id, name, arg, help) {name, arg, help},
#include "options.def"
#undef JX_OPTION
};

static const cli_option help_option = {CLI_O_HELP, "help", NULL, N_("show this help"), 0};

cli_option cli_option_resolve(const cli_option *o)
{
	cli_option r = *o;
	if (o->key > CLI_O_NONE && o->key < CLI_O_HELP) {
		const shared_def *d = &shared[o->key - CLI_O_NONE - 1];
		if (!r.name) {
			r.name = d->name;
			r.arg = d->arg;
		}
		if (!r.help)
			r.help = d->help;
	}
	return r;
}

/* The option named by s (up to len bytes): exact name, else a unique prefix. 0, 1 none, 2 ambiguous. */
static int find_long(cli_option *out, const cli_spec *spec, const char *s, size_t len)
{
	int matches = 0;
	for (const cli_option *o = spec->options;; o++) {
		cli_option r = o->key ? cli_option_resolve(o) : help_option;
		if (!strncmp(r.name, s, len)) {
			if (strlen(r.name) == len) {
				*out = r;
				return 0;
			}
			if (matches++ == 0)
				*out = r;
		}
		if (!o->key)
			break;
	}
	return matches == 1 ? 0 : matches ? 2 : 1;
}

static int parse_level(const char *s, int *level)
{
	if (!strcmp(s, "1") || !strcmp(s, "2") || !strcmp(s, "3"))
		*level = s[0] - '0';
	else if (!strcmp(s, "total"))
		*level = JX_LEVEL_TOTAL;
	else if (!strcmp(s, "all"))
		*level = JX_LEVEL_ALL;
	else
		return -1;
	return 0;
}

/* Store the value of a shared option: CLI_GO or JX_EXIT_USAGE. */
static int shared_value(cli_args *a, int key, const char *arg)
{
	const char *cmd = a->spec->name;
	jx_kind kind;
	switch (key) {
	case CLI_O_DEPT: a->dept = arg; break;
	case CLI_O_PROJECT:
		if (!*arg)
			return cli_usage(cmd, _("--project needs a project name or all"));
		a->project = arg;
		break;
	case CLI_O_ALL_DEPARTMENTS: a->all_departments = 1; break;
	case CLI_O_YEARS:
		if (cli_parse_years(arg, &a->year_from, &a->year_to))
			return cli_usage(cmd, _("bad year range '%s' (e.g. 2016-2023)"), arg);
		break;
	case CLI_O_LEVEL:
		if (parse_level(arg, &a->level))
			return cli_usage(cmd, _("--level must be 1, 2, 3, total or all"));
		a->level_set = 1;
		break;
	case CLI_O_KIND:
		if (cli_parse_kind(arg, &kind))
			return cli_usage(cmd, _("--kind must be self or review"));
		a->kind = (int)kind;
		break;
	case CLI_O_FORMAT:
		if (cli_parse_format(arg, &a->format))
			return cli_usage(cmd, _("--format must be table, csv or json"));
		a->format_set = 1;
		break;
	case CLI_O_HEADERS:
		if (strcmp(arg, "en") && strcmp(arg, "zh"))
			return cli_usage(cmd, _("--headers must be en or zh"));
		cli_set_headers(!strcmp(arg, "zh"));
		break;
	case CLI_O_OUT: a->out = arg; break;
	case CLI_O_WIDE: cli_set_wide(1); break;
	case CLI_O_TEMPLATES: a->templates = arg; break;
	default: return cli_usage(cmd, _("option %d has no parser (a bug)"), key);
	}
	return CLI_GO;
}

/* Hand one option with its value to the shared parser or the command. */
static int dispatch(cli_args *a, const cli_option *o, const char *arg, cli_own_fn own, void *ctx)
{
	int rc;
	if (o->key == CLI_O_HELP) {
		cli_spec_help(a->spec, stdout);
		return JX_EXIT_OK;
	}
	if (o->key > CLI_O_NONE)
		return shared_value(a, o->key, arg);
	if (!own)
		return cli_usage(a->spec->name, _("option --%s has no handler (a bug)"), o->name);
	rc = own(ctx, o->key, arg);
	return rc ? rc : CLI_GO;
}

/* "--name", "--name=value" or "--name value" at argv[*i]. */
static int long_option(cli_args *a, int argc, char **argv, int *i, cli_own_fn own, void *ctx)
{
	const char *s = argv[*i] + 2, *eq = strchr(s, '=');
	size_t len = eq ? (size_t)(eq - s) : strlen(s);
	cli_option o;
	int found = find_long(&o, a->spec, s, len);
	if (found == 1)
		return cli_usage(a->spec->name, _("unknown option '%s'"), argv[*i]);
	if (found == 2)
		return cli_usage(a->spec->name, _("option '%s' is ambiguous"), argv[*i]);
	if (!o.arg && eq)
		return cli_usage(a->spec->name, _("--%s takes no value"), o.name);
	if (o.arg && !eq && *i + 1 >= argc)
		return cli_usage(a->spec->name, _("%s needs a value"), argv[*i]);
	return dispatch(a, &o, o.arg ? (eq ? eq + 1 : argv[++*i]) : NULL, own, ctx);
}

/* "-h", or "-X [value]" for an option whose key is the character X. */
static int short_option(cli_args *a, int argc, char **argv, int *i, cli_own_fn own, void *ctx)
{
	const char *s = argv[*i];
	if (s[2] == '\0' && s[1] == 'h')
		return dispatch(a, &help_option, NULL, own, ctx);
	for (const cli_option *o = a->spec->options; s[2] == '\0' && o->key; o++) {
		cli_option r = cli_option_resolve(o);
		if ((o->flags & CLI_SHORT) && o->key == s[1]) {
			if (r.arg && *i + 1 >= argc)
				return cli_usage(a->spec->name, _("%s needs a value"), s);
			return dispatch(a, &r, r.arg ? argv[++*i] : NULL, own, ctx);
		}
	}
	return cli_usage(a->spec->name, _("unknown option '%s'"), s);
}

int cli_parse(cli_args *a, const cli_spec *spec, int argc, char **argv, cli_own_fn own, void *ctx)
{
	int i, rc, only_positionals = 0;
	memset(a, 0, sizeof(*a));
	a->spec = spec;
	a->kind = -1;
	a->level = JX_LEVEL_ALL;
	a->format = JX_FMT_TABLE;
	a->pos = argv + 1;
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (only_positionals || s[0] != '-' || s[1] == '\0') {
			a->pos[a->npos++] = argv[i]; /* a slot already read: never ahead of i */
			continue;
		}
		if (!strcmp(s, "--")) {
			only_positionals = 1;
			continue;
		}
		rc = s[1] == '-' ? long_option(a, argc, argv, &i, own, ctx)
				 : short_option(a, argc, argv, &i, own, ctx);
		if (rc != CLI_GO)
			return rc;
	}
	return CLI_GO;
}

int cli_no_positionals(const cli_args *a)
{
	if (a->npos > 0)
		return cli_usage(a->spec->name, _("unexpected argument '%s'"), a->pos[0]);
	return CLI_GO;
}
