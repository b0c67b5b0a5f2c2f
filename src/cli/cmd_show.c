/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_show.c -- `jixiao show DEPT YEAR`: one evaluation's table, subtotals, figures, warnings. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const cli_option options[] = {
	CLI_SHARED_HELP(PROJECT, N_("a project evaluation of the department (项目支出绩效自评表)")),
	CLI_SHARED(KIND),
	CLI_SHARED(FORMAT),
	CLI_SHARED(HEADERS),
	CLI_SHARED(WIDE),
	CLI_END};

const cli_spec spec_show = {
	"show",
	"DEPT YEAR",
	NULL,
	N_("The indicator table of one evaluation with level-1 subtotals and 合计. In the\n"
	   "table, * marks rows that lost points or have no score. The table format also\n"
	   "prints the year's figures, the text sections and the import warnings. With\n"
	   "--project, a project's evaluation: its rows with target, actual value,\n"
	   "completion (met, missed, unknown) and reason, and its fund block.\n"),
	"  jixiao show 南京市公安局禁毒支队 2023\n"
	"  jixiao show 教育局 2023 --project 营养改善\n",
	options};

static void print_heading(const jx_evaluation *ev)
{
	char ss[64];
	jx_number_format(ss, sizeof(ss), ev->self_score);
	if (ev->project)
		printf("%s / %s", ev->department, ev->project);
	else
		printf("%s", ev->department);
	printf(_(" %d (%s, %s data)"), ev->year, jx_kind_label(ev->kind),
	       jx_provenance_label(ev->provenance));
	if (ss[0])
		printf(_(", self-score stated in the text: %s"), ss);
	putchar('\n');
}

static void print_text(const char *title, const char *body)
{
	if (body && *body)
		printf("\n%s\n%s\n", title, body);
}

/* What the terminal table adds below the indicators: figures and text sections. */
static void print_details(jx_store *s, const jx_evaluation *ev, const char *project)
{
	jx_figures *fig = NULL;
	if (jx_store_load_project_figures(s, &fig, ev->department, project, ev->year) == 0) {
		jx_table *ft = jx_figures_table(fig);
		printf("\n");
		printf(project ? _("fund block 项目资金 (%d)") : _("figures 收支与人员 (%d)"),
		       ev->year);
		printf("\n");
		if (ft)
			jx_table_write_view(ft, stdout, cli_view(ft));
		jx_table_free(ft);
	}
	jx_error_clear();
	jx_figures_free(fig);
	print_text("主管部门", ev->supervisor);
	print_text("实施单位", ev->implementer);
	print_text("年度总体目标", ev->goal);
	print_text("实际完成情况", ev->outcome);
	print_text("评价结论", ev->conclusion);
	print_text("存在问题及原因分析", ev->problems);
	print_text("有关建议", ev->suggestions);
}

static void print_warnings(const jx_evaluation *ev, FILE *w)
{
	if (!ev->nwarnings)
		return;
	fprintf(w, "\n%s\n", _("import warnings:"));
	for (size_t i = 0; i < ev->nwarnings; i++)
		if (ev->warnings[i].line > 0)
			fprintf(w, "  %s %d: %s\n", _("line"), ev->warnings[i].line,
				ev->warnings[i].message);
		else /* a document's warning names its place itself */
			fprintf(w, "  %s\n", ev->warnings[i].message);
}

/* One evaluation (the department's, or its project key's) printed in a's format. */
static int show_one(jx_store *s, const cli_args *a, const char *dept, const char *project, int year)
{
	jx_evaluation *ev = NULL;
	jx_table *t = NULL;
	int rc = 0;
	if (jx_store_load_project_evaluation(s, &ev, dept, project, year,
					     a->kind < 0 ? JX_KIND_SELF : (jx_kind)a->kind) != 0)
		return cli_fail_jx();
	if (!(t = jx_evaluation_table(ev)))
		rc = cli_fail(_("out of memory"));
	if (rc == 0 && a->format == JX_FMT_TABLE)
		print_heading(ev);
	if (rc == 0 && (rc = cli_print_table(t, a->format, 0)) == 0) {
		if (a->format == JX_FMT_TABLE)
			print_details(s, ev, project);
		print_warnings(ev, a->format == JX_FMT_TABLE ? stdout : stderr);
	}
	jx_table_free(t);
	jx_evaluation_free(ev);
	return rc;
}

/* --project all: every project evaluated that year, one after another (terminal only). */
static int show_all(jx_store *s, const cli_args *a, const char *dept, int year)
{
	jx_filter f = {dept, year, year, a->kind < 0 ? JX_KIND_SELF : a->kind, JX_PROJECT_ALL};
	jx_eval_summary *v = NULL;
	size_t n = 0;
	int rc = 0;
	if (a->format != JX_FMT_TABLE)
		return cli_usage("show", _("--project all prints tables: name one project for %s"),
				 a->format == JX_FMT_CSV ? "csv" : "json");
	if (jx_store_list(s, &f, &v, &n) != 0)
		return cli_fail_jx();
	if (n == 0)
		rc = cli_fail(_("%s has no project evaluations in %d"), dept, year);
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *key = jx_project_key(v[i].project);
		if (i)
			putchar('\n');
		rc = key ? show_one(s, a, dept, key, year) : cli_fail(_("out of memory"));
		free(key);
	}
	jx_eval_summaries_free(v, n);
	return rc;
}

int cmd_show(jx_cli *cli, int argc, char **argv)
{
	jx_store *s = NULL;
	char *dept = NULL, *project = NULL;
	int rc, year;
	cli_args a;

	if ((rc = cli_parse(&a, &spec_show, argc, argv, NULL, NULL)) != CLI_GO)
		return rc;
	if (a.npos != 2)
		return cli_usage("show", _("give a department and a year"));
	if (cli_parse_int(a.pos[1], &year))
		return cli_usage("show", _("'%s' is not a year"), a.pos[1]);
	if ((rc = cli_open_store(cli, &s, CLI_STORE_READ)) != 0)
		return rc;
	if ((rc = cli_find_department(s, a.pos[0], &dept)) != 0)
		goto out;
	if (a.project && !strcmp(a.project, "all"))
		rc = show_all(s, &a, dept, year);
	else if ((rc = cli_find_project(s, dept, a.project, &project)) == 0)
		rc = show_one(s, &a, dept, project, year);
out:
	free(dept);
	free(project);
	jx_store_free(s);
	return rc;
}
