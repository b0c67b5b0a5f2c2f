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

static const char help[] =
	"usage: jixiao [--db PATH] import [options] FILE...\n"
	"\n"
	"Import published reports (部门整体绩效自我评价报告 as text, UTF-8 or GB18030),\n"
	"Word documents (.docx), web pages (.html, GB2312 or UTF-8) and canonical CSV\n"
	"files (scores or figures; see docs/formats.md). The format is decided by\n"
	"content, not by the file name. All files are stored in one transaction, each evaluation\n"
	"as soon as it is read and checked: on any error the database is unchanged.\n"
	"Re-importing identical content is a no-op; different content for a stored\n"
	"(department, year, kind) is refused unless --replace.\n"
	"\n"
	"options:\n"
	"  --dry-run            print what would be stored (for documents also the role of\n"
	"                       each column and the place of each row), figures, warnings;\n"
	"                       write nothing\n"
	"  --replace            replace stored evaluations/figures that differ\n"
	"  --dept NAME          department (overrides the file; for documents: when the\n"
	"                       document states none, else only with --relabel)\n"
	"  --year YEAR          year (likewise)\n"
	"  --kind self|review   kind of evaluation (default: self for reports, column for CSV\n"
	"                       and documents)\n"
	"  --relabel            let --dept/--year/--kind replace what a document states\n"
	"  --format auto|report|csv|docx|html   input format (default auto: by content)\n"
	"  --encoding auto|utf-8|gb18030   input encoding (default auto)\n"
	"  -q, --quiet          do not print warnings\n"
	"\n"
	"examples:\n"
	"  jixiao import datasets/real/2023_nanjing_psb_narcotics_detachment.txt\n"
	"  jixiao import --dry-run report.txt\n"
	"  jixiao import --dry-run 自评报告.docx\n"
	"  jixiao import datasets/synthetic/*.csv\n";

typedef struct {
	unsigned flags;
	int quiet;
	const char *source; /* a dry run without a database: the file being read */
} importing;

/* "file:40: msg", or "file:表 2 第 14 行 第 5 列: msg" when the message carries its place. */
static void print_warning(FILE *f, const char *source, const jx_warning *w, int prefix)
{
	if (w->line > 0)
		fprintf(f, prefix ? "warning: %s:%d: %s\n" : "%s:%d: warning: %s\n", source,
			w->line, w->message);
	else
		fprintf(f, prefix ? "warning: %s:%s\n" : "%s: warning: %s\n", source, w->message);
}

static void print_evaluation(const char *source, const jx_evaluation *ev)
{
	jx_table *t = jx_evaluation_table(ev);
	char ts[64];
	if (ev->reading)
		printf("%s: %s\n%s", source, _("how the document was read:"), ev->reading);
	jx_number_format(ts, sizeof(ts), jx_evaluation_score_sum(ev));
	printf("%s: %s %d (%s, %s): %zu indicators, total score %s\n", source, ev->department,
	       ev->year, jx_kind_name(ev->kind), jx_provenance_name(ev->provenance), ev->nrows, ts);
	if (t)
		jx_table_write(t, stdout, JX_FMT_TABLE, 0);
	jx_table_free(t);
	for (size_t k = 0; k < ev->nwarnings; k++)
		print_warning(stdout, source, &ev->warnings[k], 1);
}

static void print_figures(const char *source, const jx_figures *f)
{
	jx_table *t = jx_figures_table(f);
	printf("%s: figures of %s %d\n", source, f->department, f->year);
	if (t)
		jx_table_write(t, stdout, JX_FMT_TABLE, 0);
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

static int parse_options(int argc, char **argv, jx_read_options *ro, unsigned *flags, int *quiet)
{
	static const struct option opts[] = {{"dry-run", no_argument, 0, 'n'},
					     {"replace", no_argument, 0, 'r'},
					     {"dept", required_argument, 0, 'd'},
					     {"year", required_argument, 0, 'y'},
					     {"kind", required_argument, 0, 'k'},
					     {"format", required_argument, 0, 'f'},
					     {"encoding", required_argument, 0, 'e'},
					     {"quiet", no_argument, 0, 'q'},
					     {"relabel", no_argument, 0, 'R'},
					     {"help", no_argument, 0, 'h'},
					     {0, 0, 0, 0}};
	int c;
	jx_kind kind;
	while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
		switch (c) {
		case 'n': *flags |= JX_IMPORT_DRY_RUN; break;
		case 'r': *flags |= JX_IMPORT_REPLACE; break;
		case 'q': *quiet = 1; break;
		case 'd': ro->department = optarg; break;
		case 'y':
			if (cli_parse_int(optarg, &ro->year) || ro->year < 1900 || ro->year > 2100)
				return cli_usage("import", "--year must be a year, not '%s'",
						 optarg);
			break;
		case 'k':
			if (cli_parse_kind(optarg, &kind))
				return cli_usage("import", "--kind must be self or review");
			ro->kind = (int)kind;
			break;
		case 'f':
			if (jx_input_format_parse(optarg, &ro->format) != 0)
				return cli_usage("import",
						 "--format must be auto, report, csv, docx, xlsx, "
						 "html or pdf");
			break;
		case 'R': ro->relabel = 1; break;
		case 'e':
			if (jx_encoding_parse(optarg, &ro->encoding))
				return cli_usage("import", "%s", jx_error_last());
			break;
		case 'h': return -1;
		case ':': return cli_usage("import", "%s needs a value", argv[optind - 1]);
		default: return cli_usage("import", "unknown option '%s'", argv[optind - 1]);
		}
	}
	return 0;
}

int cmd_import(jx_cli *cli, int argc, char **argv)
{
	jx_read_options ro = jx_read_options_default();
	importing c = {0, 0, NULL};
	jx_import_observer obs = {seen_evaluation, seen_figures, NULL};
	jx_import_stats st;
	const char *path = cli->db_path;
	int rc, nfiles, dry;

	if ((rc = parse_options(argc, argv, &ro, &c.flags, &c.quiet)) != 0)
		return rc < 0 ? cli_help(help) : rc;
	nfiles = argc - optind;
	if (nfiles <= 0)
		return cli_usage("import", "no input file given");
	obs.ctx = &c;
	dry = (c.flags & JX_IMPORT_DRY_RUN) != 0;
	ro.describe = dry;
	if (dry && strcmp(path, ":memory:") != 0 && access(path, F_OK) != 0) {
		if ((rc = show_all(&c, argv + optind, nfiles, &ro)) == 0)
			printf("dry run: nothing written (%s does not exist yet)\n", path);
		return rc;
	}
	if (jx_import_into(path, (const char *const *)(argv + optind), (size_t)nfiles, &ro, c.flags,
			   &obs, &st) != 0)
		return cli_fail_jx();
	printf("%s%zu evaluation%s added, %zu replaced, %zu unchanged; %zu indicator rows; "
	       "figures: %zu added, %zu replaced, %zu unchanged\n",
	       dry ? "dry run, nothing written: would have " : "", st.added,
	       st.added == 1 ? "" : "s", st.replaced, st.unchanged, st.rows, st.figures_added,
	       st.figures_replaced, st.figures_unchanged);
	if (st.unchanged && !st.added && !st.replaced)
		printf("identical content is already stored; nothing to do\n");
	return JX_EXIT_OK;
}
