/* SPDX-License-Identifier: GPL-3.0-or-later */
/* help.c -- `jixiao <command> --help`, built from the command's spec table:
 * the usage line lists the table's options, the options section their help
 * lines, so neither can drift from what the parser accepts. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

enum { HELP_WIDTH = 80, HELP_COLUMN = 28 };

/* "--name ARG", or with the short form "-q, --quiet". */
static void option_words(char *buf, size_t size, const cli_option *o, int with_short)
{
	cli_option r = cli_option_resolve(o);
	if (with_short && (o->flags & CLI_SHORT))
		snprintf(buf, size, "-%c, --%s%s%s", (char)o->key, r.name, r.arg ? " " : "",
			 r.arg ? r.arg : "");
	else
		snprintf(buf, size, "--%s%s%s", r.name, r.arg ? " " : "", r.arg ? r.arg : "");
}

static void usage_lines(const cli_spec *spec, FILE *out)
{
	char head[128], word[160];
	size_t col, indent;
	snprintf(head, sizeof(head), "%s jixiao [--db PATH] %s", _("usage:"), spec->name);
	fputs(head, out);
	col = indent = jx_display_width(head); /* "用法：" takes 6 columns, 9 bytes */
	if (spec->args) {
		fprintf(out, " %s", spec->args);
		col += 1 + strlen(spec->args);
	}
	for (const cli_option *o = spec->options; o->key; o++) {
		char words[128];
		option_words(words, sizeof(words), o, 0);
		snprintf(word, sizeof(word), (o->flags & CLI_REQUIRED) ? "%s" : "[%s]", words);
		if (col + 1 + strlen(word) > HELP_WIDTH) {
			fprintf(out, "\n%*s", (int)indent, "");
			col = indent;
		}
		fprintf(out, " %s", word);
		col += 1 + strlen(word);
	}
	fputc('\n', out);
	for (const char *const *f = spec->forms; f && *f; f++)
		fprintf(out, "%*s jixiao [--db PATH] %s %s\n", (int)jx_display_width(_("usage:")),
			"", spec->name, *f);
}

static void option_line(const cli_option *o, FILE *out)
{
	char words[128];
	cli_option r = cli_option_resolve(o);
	option_words(words, sizeof(words), o, 1);
	if (strlen(words) + 4 > HELP_COLUMN) /* two spaces at least before the help */
		fprintf(out, "  %s\n%*s%s\n", words, HELP_COLUMN, "", _(r.help));
	else
		fprintf(out, "  %-*s%s\n", HELP_COLUMN - 2, words, _(r.help));
}

void cli_spec_help(const cli_spec *spec, FILE *out)
{
	static const cli_option help = {'h', "help", NULL, N_("show this help"), CLI_SHORT};
	usage_lines(spec, out);
	if (spec->about)
		fprintf(out, "\n%s", _(spec->about));
	fprintf(out, "\n%s\n", _("options:"));
	for (const cli_option *o = spec->options; o->key; o++)
		option_line(o, out);
	option_line(&help, out);
	if (spec->examples)
		fprintf(out, "\n%s\n%s", _("examples:"), spec->examples);
}

void cli_spec_list(const cli_spec *spec, FILE *out)
{
	char words[128];
	for (const cli_option *o = spec->options; o->key; o++) {
		option_words(words, sizeof(words), o, 0);
		fprintf(out, "%s\n", words);
	}
	fputs("--help\n", out);
}
