/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_import.c -- `jixiao import FILE...`: every file into one transaction.
 *
 * Files are read piece by piece and each evaluation is stored as soon as it
 * is read and checked (jx_import_files: reading on a second thread), inside
 * the one transaction that the whole import is: on any error it is rolled
 * back and the database is as it was. A new database is built beside its
 * path and put in place only on success (jx_import_into), so a failed
 * import creates none. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const cli_option options[] = {
	{'n', "dry-run", NULL,
	 N_("print what would be stored (table, figures, warnings; for documents also the role\n"
	    "of each column and the place of each row); write nothing"),
	 0},
	{'r', "replace", NULL, N_("replace stored evaluations/figures that differ"), 0},
	CLI_SHARED_HELP(DEPT, N_("department, where a file names none")),
	{'y', "year", "YEAR", N_("year, where a file states none"), 0},
	CLI_SHARED_HELP(KIND,
			N_("kind, where a file states none (reports state none: default self)")),
	{'R', "relabel", NULL, N_("let --dept, --year and --kind replace what a file states"), 0},
	{'f', "format", "auto|report|csv|table|docx|xlsx|html|xls|doc|pdf",
	 N_("input format (default auto: by content)"), 0},
	{'g', "debug-grid", "FILE",
	 N_("PDF: draw the ruling lines and cells found over the pages into FILE (PNG), to see\n"
	    "why a table was misread; one input file only"),
	 0},
	{'e', "encoding", "auto|utf-8|gb18030|utf-16", N_("input encoding (default auto)"), 0},
	{'q', "quiet", NULL, N_("do not print warnings"), CLI_SHORT},
	CLI_END};

const cli_spec spec_import = {
	"import",
	"FILE...",
	NULL,
	N_("Import published reports (部门整体绩效自我评价报告 as text: UTF-8, GB18030 or\n"
	   "UTF-16), Word documents (.docx; .doc and .wps through LibreOffice when it is\n"
	   "installed), Excel workbooks (.xlsx; 97-2003 and WPS .xls, .et), web pages\n"
	   "(HTML, GB2312 or UTF-8), PDF files with a text layer, tables pasted as text\n"
	   "(tabs, |, aligned columns) and canonical CSV files (scores or figures, English\n"
	   "or Chinese headers; see docs/formats.md). The format is decided by content,\n"
	   "not by the file name.\n"
	   "All files are stored in one transaction, each evaluation as soon as it is\n"
	   "read and checked: on any error the database is unchanged.\n"
	   "Re-importing identical content is a no-op; different content for a stored\n"
	   "(department, year, kind) is refused unless --replace, and two different\n"
	   "versions of one evaluation in one import are refused. --dept, --year and\n"
	   "--kind supply what a file does not state; a file stating other values is\n"
	   "refused unless --relabel.\n"),
	"  jixiao import datasets/real/2023_nanjing_psb_narcotics_detachment.txt\n"
	"  jixiao import --dry-run report.txt\n"
	"  jixiao import --dry-run 自评报告.docx\n"
	"  jixiao import --dry-run --debug-grid grid.png 自评报告.pdf\n"
	"  jixiao import datasets/synthetic/*.csv\n",
	options};

typedef struct {
	unsigned flags;
	int quiet;
	const char *source; /* a dry run without a database: the file being read */
	jx_read_options ro;
} importing;

/* "file:40: warning: msg", or "file: warning: 表 2 第 14 行 第 5 列: msg" for a document's
 * warning, which carries its place in its text (dry is the dry run's "warning: file:..."). */
static void print_warning(FILE *f, const char *source, const jx_warning *w, int dry)
{
	if (dry && w->line > 0)
		fprintf(f, "%s%s:%d: %s\n", _("warning: "), source, w->line, w->message);
	else if (dry)
		fprintf(f, "%s%s:%s\n", _("warning: "), source, w->message);
	else if (w->line > 0)
		fprintf(f, "%s:%d: %s%s\n", source, w->line, _("warning: "), w->message);
	else
		fprintf(f, "%s: %s%s\n", source, _("warning: "), w->message);
}

static void print_evaluation(const char *source, const jx_evaluation *ev)
{
	jx_table *t = jx_evaluation_table(ev);
	char ts[64];
	if (ev->reading)
		printf("%s: %s\n%s", source, _("how the document was read:"), ev->reading);
	jx_number_format(ts, sizeof(ts), jx_evaluation_score_sum(ev));
	if (ev->project)
		printf(_("%s: %s %d, project %s (%s, %s): %zu indicators, total score %s\n"),
		       source, ev->department, ev->year, ev->project, jx_kind_name(ev->kind),
		       jx_provenance_name(ev->provenance), ev->nrows, ts);
	else
		printf(_("%s: %s %d (%s, %s): %zu indicators, total score %s\n"), source,
		       ev->department, ev->year, jx_kind_name(ev->kind),
		       jx_provenance_name(ev->provenance), ev->nrows, ts);
	if (t)
		jx_table_write_view(t, stdout, cli_view(t));
	jx_table_free(t);
	for (size_t k = 0; k < ev->nwarnings; k++)
		print_warning(stdout, source, &ev->warnings[k], 1);
}

static void print_figures(const char *source, const jx_figures *f)
{
	jx_table *t = jx_figures_table(f);
	if (f->project)
		printf(_("%s: figures of %s %d, project %s\n"), source, f->department, f->year,
		       f->project);
	else
		printf(_("%s: figures of %s %d\n"), source, f->department, f->year);
	if (t)
		jx_table_write_view(t, stdout, cli_view(t));
	jx_table_free(t);
}

/* Before each evaluation is stored: a dry run shows it, a real one its warnings. */
static void seen_evaluation(void *ctx, const char *source, const jx_evaluation *ev)
{
	const importing *c = ctx;
	if (c->flags & JX_IMPORT_DRY_RUN)
		print_evaluation(source, ev);
	else if (!c->quiet)
		for (size_t k = 0; k < ev->nwarnings; k++)
			print_warning(stderr, source, &ev->warnings[k], 0);
}

static void seen_figures(void *ctx, const char *source, const jx_figures *f)
{
	const importing *c = ctx;
	if (c->flags & JX_IMPORT_DRY_RUN)
		print_figures(source, f);
}

/* A dry run without a database: read and show, nothing else. */
static int show_evaluation(void *ctx, jx_evaluation *ev)
{
	seen_evaluation(ctx, ((importing *)ctx)->source, ev);
	return 0;
}

static int show_figures(void *ctx, jx_figures *f)
{
	seen_figures(ctx, ((importing *)ctx)->source, f);
	return 0;
}

static int show_all(importing *c, char **files, int nfiles, const jx_read_options *ro)
{
	jx_read_sink sink = {show_evaluation, show_figures, NULL};
	sink.ctx = c;
	for (int i = 0; i < nfiles; i++) {
		c->source = files[i];
		if (jx_read_file_stream(files[i], ro, &sink, NULL) != 0)
			return cli_fail_jx();
	}
	return JX_EXIT_OK;
}

static int own_option(void *ctx, int key, const char *arg)
{
	importing *c = ctx;
	switch (key) {
	case 'n': c->flags |= JX_IMPORT_DRY_RUN; break;
	case 'r': c->flags |= JX_IMPORT_REPLACE; break;
	case 'q': c->quiet = 1; break;
	case 'y':
		if (cli_parse_int(arg, &c->ro.year) || c->ro.year < 1900 || c->ro.year > 2100)
			return cli_usage("import", _("--year must be a year, not '%s'"), arg);
		break;
	case 'f':
		if (jx_input_format_parse(arg, &c->ro.format) != 0)
			return cli_usage("import",
					 _("--format must be auto, report, csv, table, docx, "
					   "xlsx, html, pdf, xls or doc"));
		break;
	case 'R': c->ro.relabel = 1; break;
	case 'g': c->ro.debug_grid = arg; break;
	default:
		if (jx_encoding_parse(arg, &c->ro.encoding))
			return cli_usage("import", "%s", jx_error_last());
		break;
	}
	return 0;
}

static void print_stats(const jx_import_stats *st, int dry)
{
	if (dry)
		printf("%s", _("dry run, nothing written: would have "));
	printf(st->added == 1 ? _("%zu evaluation added, %zu replaced, %zu unchanged; ")
			      : _("%zu evaluations added, %zu replaced, %zu unchanged; "),
	       st->added, st->replaced, st->unchanged);
	printf(_("%zu indicator rows; figures: %zu added, %zu replaced, %zu unchanged\n"), st->rows,
	       st->figures_added, st->figures_replaced, st->figures_unchanged);
	if (st->unchanged && !st->added && !st->replaced)
		printf("%s\n", _("identical content is already stored; nothing to do"));
}

int cmd_import(jx_cli *cli, int argc, char **argv)
{
	importing c = {0, 0, NULL, jx_read_options_default()};
	jx_import_observer obs = {seen_evaluation, seen_figures, NULL};
	jx_import_stats st;
	const char *path = cli->db_path;
	cli_args a;
	int rc;

	if ((rc = cli_parse(&a, &spec_import, argc, argv, own_option, &c)) != CLI_GO)
		return rc;
	if (a.npos <= 0)
		return cli_usage("import", _("no input file given"));
	if (c.ro.debug_grid && a.npos > 1)
		return cli_usage("import", _("--debug-grid draws one file: give one input file"));
	c.ro.department = a.dept;
	if (a.kind >= 0)
		c.ro.kind = a.kind;
	obs.ctx = &c;
	c.ro.describe = (c.flags & JX_IMPORT_DRY_RUN) != 0;
	if ((c.flags & JX_IMPORT_DRY_RUN) && strcmp(path, ":memory:") != 0 &&
	    access(path, F_OK) != 0) {
		if ((rc = show_all(&c, a.pos, a.npos, &c.ro)) == 0)
			printf(_("dry run: nothing written (%s does not exist yet)\n"), path);
		return rc;
	}
	if (!(c.flags & JX_IMPORT_DRY_RUN) && (rc = cli_refuse_memory(cli)) != 0)
		return rc;
	if (jx_import_into(path, (const char *const *)a.pos, (size_t)a.npos, &c.ro, c.flags, &obs,
			   &st) != 0)
		return cli_fail_jx();
	print_stats(&st, (c.flags & JX_IMPORT_DRY_RUN) != 0);
	return JX_EXIT_OK;
}
