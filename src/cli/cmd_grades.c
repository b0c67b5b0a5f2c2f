/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_grades.c -- `jixiao grades [set GRADE=MIN ...]`: the grade bands stored in the database. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] grades [--format table|csv|json]\n"
	"       jixiao [--db PATH] grades set GRADE=MIN...\n"
	"\n"
	"Show or set the grade bands. A score (as a percentage of the total weight) at or\n"
	"above MIN gets GRADE; the lowest band must start at 0. Default (Ministry of\n"
	"Finance): 优 >= 90, 良 80-<90, 中 60-<80, 差 < 60. Setting bands re-grades every\n"
	"stored evaluation.\n"
	"\n"
	"example:\n"
	"  jixiao grades set 优=90 良=80 中=60 差=0\n";

int cmd_grades(jx_cli *cli, int argc, char **argv)
{
	jx_grade_band bands[16];
	jx_format fmt = JX_FMT_TABLE;
	jx_store *s;
	jx_table *t;
	size_t n = 0;
	int rc;

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return cli_help(help);
	if (argc > 1 && !strcmp(argv[1], "set")) {
		if (argc < 3 || argc - 2 > 16)
			return cli_usage("grades", "give 1 to 16 bands as GRADE=MIN");
		for (int i = 2; i < argc; i++) {
			char *eq = strchr(argv[i], '=');
			if (!eq || eq == argv[i] ||
			    (size_t)(eq - argv[i]) >= sizeof(bands[0].grade) ||
			    cli_parse_double(eq + 1, &bands[n].min_score))
				return cli_usage("grades", "bad band '%s' (want GRADE=MIN)",
						 argv[i]);
			snprintf(bands[n].grade, sizeof(bands[n].grade), "%.*s",
				 (int)(eq - argv[i]), argv[i]);
			n++;
		}
		if ((rc = cli_open_store(cli, &s, 1)) != 0)
			return rc;
		rc = jx_store_set_grade_bands(s, bands, n) != 0 ? cli_fail_jx() : JX_EXIT_OK;
		jx_store_free(s);
		if (rc == 0)
			printf("grade bands set; stored evaluations re-graded\n");
		return rc;
	}
	if (argc == 3 && !strcmp(argv[1], "--format")) {
		if (cli_parse_format(argv[2], &fmt))
			return cli_usage("grades", "--format must be table, csv or json");
	} else if (argc > 1)
		return cli_usage("grades", "unexpected argument '%s'", argv[1]);
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	jx_store_grade_bands(s, bands, 16, &n);
	jx_store_free(s);
	if (!(t = jx_table_new()))
		return cli_fail("out of memory");
	jx_table_add_column(t, "grade", "等级", JX_COL_TEXT, 0);
	jx_table_add_column(t, "min_score", "最低得分(%)", JX_COL_NUMBER, 0);
	for (size_t i = 0; i < n; i++) {
		jx_table_add_row(t);
		jx_table_set_text(t, 0, bands[i].grade);
		jx_table_set_number(t, 1, bands[i].min_score);
	}
	rc = cli_print_table(t, fmt, 0);
	jx_table_free(t);
	return rc;
}
