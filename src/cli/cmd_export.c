/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_export.c -- `jixiao export`: stored scores or figures as canonical CSV or JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const cli_option options[] = {
	{'w', "what", "scores|figures", N_("what to export (default scores)"), 0},
	{'f', "format", "csv|json|xlsx",
	 N_("output format (default csv); xlsx (a workbook) needs --out"), 0},
	CLI_SHARED_HELP(DEPT, N_("only this department")),
	CLI_SHARED_HELP(PROJECT, N_("a project's evaluations and fund block (all: every "
				    "project's) instead of the departments' own")),
	{CLI_O_YEARS, "year", "Y", N_("only this year"), 0},
	CLI_SHARED_HELP(YEARS, N_("only these years")),
	CLI_SHARED_HELP(KIND, N_("only this kind (scores)")),
	CLI_SHARED_HELP(OUT, N_("write to FILE (atomically) instead of standard output; - is "
				"standard output")),
	{'b', "bom", NULL,
	 N_("CSV for Excel/WPS: a UTF-8 byte-order mark, and text that looks like a formula starts "
	    "with '"),
	 0},
	CLI_SHARED(HEADERS),
	CLI_END};

const cli_spec spec_export = {
	"export",
	NULL,
	NULL,
	N_("Write stored data in the canonical formats of docs/formats.md. A canonical CSV\n"
	   "file that was imported exports back byte for byte. --format xlsx writes one\n"
	   "workbook (sheets scores, compare, weak, figures, projects). Without --project\n"
	   "the departments' own evaluations and figures; with --project all the project\n"
	   "evaluations (columns project, target, actual, reason) and their fund blocks.\n"),
	"  jixiao export --dept 示例市财政局 > scores.csv\n"
	"  jixiao export --project all --what figures > project_figures.csv\n"
	"  jixiao export --what figures --format json --years 2020-2024\n"
	"  jixiao export --format xlsx --dept 示例市财政局 --out 绩效.xlsx\n",
	options};

typedef struct {
	const char *what, *format;
	int bom;
} export_args;

static int own_option(void *ctx, int key, const char *arg)
{
	export_args *e = ctx;
	switch (key) {
	case 'w':
		if (strcmp(arg, "scores") && strcmp(arg, "figures"))
			return cli_usage("export", _("--what must be scores or figures"));
		e->what = arg;
		break;
	case 'f':
		if (strcmp(arg, "csv") && strcmp(arg, "json") && strcmp(arg, "xlsx"))
			return cli_usage("export", _("--format must be csv, json or xlsx"));
		e->format = arg;
		break;
	default: e->bom = 1; break;
	}
	return 0;
}

/* Canonical CSV or JSON to out_path (atomically), or to standard output for NULL or "-". */
static int write_text(jx_store *s, const jx_filter *f, const export_args *e, const char *out_path)
{
	jx_format fmt = !strcmp(e->format, "json") ? JX_FMT_JSON : JX_FMT_CSV;
	jx_output *o = NULL;
	int rc, flags = (e->bom ? JX_EXPORT_BOM : 0) |
			(cli_headers_zh() ? JX_EXPORT_HEADERS_ZH : 0);
	if (out_path && strcmp(out_path, "-") && jx_output_open(&o, out_path) != 0)
		return cli_fail_jx();
	rc = !strcmp(e->what, "scores")
		     ? jx_export_scores(s, o ? jx_output_stream(o) : stdout, f, fmt, flags)
		     : jx_export_figures(s, o ? jx_output_stream(o) : stdout, f, fmt, flags);
	if (rc != 0) {
		jx_output_abort(o);
		return cli_fail_jx();
	}
	if (o)
		return jx_output_commit(o) != 0 ? cli_fail_jx() : JX_EXIT_OK;
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_fail(_("cannot write output: %s"), strerror(errno));
	return JX_EXIT_OK;
}

/* The workbook; a warning when a text had to be cut at Excel's limit. */
static int write_xlsx(jx_store *s, const jx_filter *f, const char *out, jx_lang lang)
{
	jx_xlsx_summary sum;
	if (jx_xlsx_write(&sum, s, out, f, lang) != 0)
		return cli_fail_jx();
	if (sum.cells_cut)
		cli_warn(
			_("%s: %zu text(s) longer than Excel's 32,767 characters per cell were cut "
			  "and end in \"%s\" (the first at %s); the full texts are in `jixiao "
			  "export --format csv`"),
			out, sum.cells_cut, JX_XLSX_CUT_MARK, sum.first_cut);
	return JX_EXIT_OK;
}

int cmd_export(jx_cli *cli, int argc, char **argv)
{
	export_args e = {"scores", "csv", 0};
	jx_store *s = NULL;
	char *dept = NULL, *project = NULL;
	cli_args a;
	int rc;

	if ((rc = cli_parse(&a, &spec_export, argc, argv, own_option, &e)) != CLI_GO ||
	    (rc = cli_no_positionals(&a)) != CLI_GO)
		return rc;
	if (!strcmp(e.format, "xlsx") && !a.out)
		return cli_usage("export", _("--format xlsx needs --out FILE"));
	if ((rc = cli_open_store(cli, &s, CLI_STORE_READ)) != 0)
		return rc;
	if ((!a.dept || (rc = cli_find_department(s, a.dept, &dept)) == 0) &&
	    (rc = cli_find_project(s, dept, a.project, &project)) == 0) {
		jx_filter f = {dept, a.year_from, a.year_to, a.kind, project};
		if (!strcmp(e.format, "xlsx")) /* a document: in the documents' language */
			rc = write_xlsx(s, &f, a.out, cli->doc_lang);
		else
			rc = write_text(s, &f, &e, a.out);
	}
	free(dept);
	free(project);
	jx_store_free(s);
	return rc;
}
