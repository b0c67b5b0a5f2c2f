/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_list.c -- `jixiao list`: one row per stored evaluation. */
#include <stdlib.h>
#include "cli.h"

static const cli_option options[] = {
	CLI_SHARED(DEPT),
	CLI_SHARED(PROJECT),
	CLI_SHARED(YEARS),
	{CLI_O_YEARS, "year", "Y", N_("one year (the same as --years Y)"), 0},
	CLI_SHARED_HELP(KIND, N_("only this kind of evaluation (default both)")),
	CLI_SHARED(FORMAT),
	CLI_SHARED(HEADERS),
	CLI_SHARED(WIDE),
	CLI_END};

const cli_spec spec_list = {
	"list",
	NULL,
	NULL,
	N_("One row per evaluation: department, year, kind, total weight and score, grade,\n"
	   "points deducted and provenance (real or synthetic). In the table, * marks an\n"
	   "evaluation with a missing or inferred score or import warnings. With --project\n"
	   "the project evaluations (项目支出绩效自评表) instead, with a project column.\n"),
	"  jixiao list --years 2022-2024 --format csv\n"
	"  jixiao list --dept 教育局 --project all\n",
	options};

int cmd_list(jx_cli *cli, int argc, char **argv)
{
	jx_eval_summary *v = NULL;
	jx_store *s = NULL;
	jx_table *t = NULL;
	char *dept = NULL, *project = NULL;
	size_t n = 0;
	cli_args a;
	int rc;

	if ((rc = cli_parse(&a, &spec_list, argc, argv, NULL, NULL)) != CLI_GO ||
	    (rc = cli_no_positionals(&a)) != CLI_GO)
		return rc;
	if ((rc = cli_open_store(cli, &s, CLI_STORE_READ)) != 0)
		return rc;
	if ((!a.dept || (rc = cli_find_department(s, a.dept, &dept)) == 0) &&
	    (rc = cli_find_project(s, dept, a.project, &project)) == 0) {
		jx_filter f = {dept, a.year_from, a.year_to, a.kind, project};
		if (jx_store_list(s, &f, &v, &n) != 0 || jx_evaluation_list_table(&t, v, n) != 0)
			rc = cli_fail_jx();
	}
	if (rc == 0 && n == 0 && a.format == JX_FMT_TABLE) {
		fprintf(stderr, "jixiao: ");
		fprintf(stderr, _("no evaluations stored in %s (import some with `jixiao import`)"),
			cli->db_path);
		fputc('\n', stderr);
	}
	if (rc == 0)
		rc = cli_print_table(t, a.format, 0);
	jx_table_free(t);
	jx_eval_summaries_free(v, n);
	free(dept);
	free(project);
	jx_store_free(s);
	return rc;
}
