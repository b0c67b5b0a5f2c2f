/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_show.c -- `jixiao show DEPT YEAR`: one evaluation's table, subtotals, figures, warnings. */
#include <stdlib.h>
#include "cli.h"

static const cli_option options[] = {CLI_SHARED(KIND), CLI_SHARED(FORMAT), CLI_END};

const cli_spec spec_show = {
	"show",
	"DEPT YEAR",
	NULL,
	N_("The indicator table of one evaluation with level-1 subtotals and 合计. In the\n"
	   "table, * marks rows that lost points or have no score. The table format also\n"
	   "prints the year's figures, the text sections and the import warnings.\n"),
	"  jixiao show 南京市公安局禁毒支队 2023\n",
	options};

static void print_heading(const jx_evaluation *ev)
{
	char ss[64];
	jx_number_format(ss, sizeof(ss), ev->self_score);
	printf(_("%s %d (%s, %s data)"), ev->department, ev->year, jx_kind_label(ev->kind),
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
static void print_details(jx_store *s, const jx_evaluation *ev)
{
	jx_figures *fig = NULL;
	if (jx_store_load_figures(s, &fig, ev->department, ev->year) == 0) {
		jx_table *ft = jx_figures_table(fig);
		printf("\n");
		printf(_("figures 收支与人员 (%d)"), ev->year);
		printf("\n");
		if (ft)
			jx_table_write(ft, stdout, JX_FMT_TABLE, 0);
		jx_table_free(ft);
	}
	jx_error_clear();
	jx_figures_free(fig);
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

int cmd_show(jx_cli *cli, int argc, char **argv)
{
	jx_evaluation *ev = NULL;
	jx_store *s = NULL;
	jx_table *t = NULL;
	char *dept = NULL;
	int rc, year;
	cli_args a;

	if ((rc = cli_parse(&a, &spec_show, argc, argv, NULL, NULL)) != CLI_GO)
		return rc;
	if (a.npos != 2)
		return cli_usage("show", _("give a department and a year"));
	if (cli_parse_int(a.pos[1], &year))
		return cli_usage("show", _("'%s' is not a year"), a.pos[1]);
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	if ((rc = cli_find_department(s, a.pos[0], &dept)) != 0)
		goto out;
	if (jx_store_load_evaluation(s, &ev, dept, year,
				     a.kind < 0 ? JX_KIND_SELF : (jx_kind)a.kind) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	if (!(t = jx_evaluation_table(ev))) {
		rc = cli_fail(_("out of memory"));
		goto out;
	}
	if (a.format == JX_FMT_TABLE)
		print_heading(ev);
	if ((rc = cli_print_table(t, a.format, 0)) != 0)
		goto out;
	if (a.format == JX_FMT_TABLE)
		print_details(s, ev);
	print_warnings(ev, a.format == JX_FMT_TABLE ? stdout : stderr);
out:
	jx_table_free(t);
	jx_evaluation_free(ev);
	free(dept);
	jx_store_free(s);
	return rc;
}
