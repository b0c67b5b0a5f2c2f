/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_grades.c -- `jixiao grades [set GRADE=MIN ...]`: the grade bands stored in the database. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const cli_option options[] = {CLI_SHARED(FORMAT), CLI_SHARED(HEADERS), CLI_SHARED(WIDE),
				     CLI_END};
static const char *const forms[] = {"set GRADE=MIN...", NULL};

const cli_spec spec_grades = {
	"grades",
	NULL,
	forms,
	N_("Show or set the grade bands. A score (as a percentage of the total weight) at or\n"
	   "above MIN gets GRADE; the lowest band must start at 0. Default (Ministry of\n"
	   "Finance): 优 >= 90, 良 80-<90, 中 60-<80, 差 < 60. Setting bands re-grades every\n"
	   "stored evaluation.\n"),
	"  jixiao grades set 优=90 良=80 中=60 差=0\n",
	options};

/* "GRADE=MIN" words into bands: 0 or a usage exit code. */
static int parse_bands(jx_grade_band *bands, size_t *n, char **words, int nwords)
{
	if (nwords < 1 || nwords > 16)
		return cli_usage("grades", _("give 1 to 16 bands as GRADE=MIN"));
	for (*n = 0; *n < (size_t)nwords; (*n)++) {
		const char *w = words[*n], *eq = strchr(w, '=');
		jx_grade_band *b = &bands[*n];
		if (!eq || eq == w || (size_t)(eq - w) >= sizeof(b->grade) ||
		    cli_parse_double(eq + 1, &b->min_score))
			return cli_usage("grades", _("bad band '%s' (want GRADE=MIN)"), w);
		snprintf(b->grade, sizeof(b->grade), "%.*s", (int)(eq - w), w);
	}
	return 0;
}

static int set_bands(jx_cli *cli, const cli_args *a)
{
	jx_grade_band bands[16];
	jx_store *s;
	size_t n = 0;
	int rc;
	if ((rc = parse_bands(bands, &n, a->pos + 1, a->npos - 1)) != 0)
		return rc;
	if ((rc = cli_open_store(cli, &s, CLI_STORE_CREATE)) != 0)
		return rc;
	rc = jx_store_set_grade_bands(s, bands, n) != 0 ? cli_fail_jx() : JX_EXIT_OK;
	jx_store_free(s);
	if (rc == 0)
		printf("%s\n", _("grade bands set; stored evaluations re-graded"));
	return rc;
}

static int show_bands(jx_cli *cli, jx_format fmt)
{
	jx_grade_band bands[16];
	jx_store *s;
	jx_table *t;
	size_t n = 0;
	int rc;
	if ((rc = cli_open_store(cli, &s, CLI_STORE_READ)) != 0)
		return rc;
	jx_store_grade_bands(s, bands, 16, &n);
	jx_store_free(s);
	if (!(t = jx_table_new()))
		return cli_fail(_("out of memory"));
	jx_table_add_column(t, "grade", N_("grade"), JX_COL_TEXT, 0);
	jx_table_add_column(t, "min_score", N_("min score (%)"), JX_COL_NUMBER, 0);
	for (size_t i = 0; i < n; i++) {
		jx_table_add_row(t);
		jx_table_set_text(t, 0, bands[i].grade);
		jx_table_set_number(t, 1, bands[i].min_score);
	}
	rc = cli_print_table(t, fmt, 0);
	jx_table_free(t);
	return rc;
}

int cmd_grades(jx_cli *cli, int argc, char **argv)
{
	cli_args a;
	int rc;
	if ((rc = cli_parse(&a, &spec_grades, argc, argv, NULL, NULL)) != CLI_GO)
		return rc;
	if (a.npos > 0 && !strcmp(a.pos[0], "set")) {
		if (a.format_set)
			return cli_usage("grades", _("grades set takes no --format"));
		return set_bands(cli, &a);
	}
	if ((rc = cli_no_positionals(&a)) != CLI_GO)
		return rc;
	return show_bands(cli, a.format);
}
