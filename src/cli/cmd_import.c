/* cmd_import.c -- `jixiao import FILE...`: read every file first, then store all in one transaction. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] import [options] FILE...\n"
	"\n"
	"Import published reports (部门整体绩效自我评价报告 as text, UTF-8 or GB18030)\n"
	"and canonical CSV files (scores or figures; see docs/formats.md). The format is\n"
	"decided by content. All files are read and checked before anything is written,\n"
	"then stored in one transaction: on any error the database is unchanged.\n"
	"Re-importing identical content is a no-op; different content for a stored\n"
	"(department, year, kind) is refused unless --replace.\n"
	"\n"
	"options:\n"
	"  --dry-run            print what would be stored (table, figures, warnings); write nothing\n"
	"  --replace            replace stored evaluations/figures that differ\n"
	"  --dept NAME          department (overrides the file)\n"
	"  --year YEAR          year (overrides the file)\n"
	"  --kind self|review   kind of evaluation (default: self for reports, column for CSV)\n"
	"  --format auto|report|csv   input format (default auto)\n"
	"  --encoding auto|utf-8|gb18030   input encoding (default auto)\n"
	"  -q, --quiet          do not print warnings\n"
	"\n"
	"examples:\n"
	"  jixiao import datasets/real/2023_nanjing_psb_narcotics_detachment.txt\n"
	"  jixiao import --dry-run report.txt\n"
	"  jixiao import datasets/synthetic/*.csv\n";

static void print_dry_run(const jx_batch *b)
{
	for (size_t i = 0; i < b->nevals; i++) {
		const jx_evaluation *ev = b->evals[i];
		jx_table *t = cli_evaluation_table(ev);
		char ts[64];
		jx_number_format(ts, sizeof(ts), jx_evaluation_score_sum(ev));
		printf("%s: %s %d (%s, %s): %zu indicators, total score %s\n", b->source_name,
		       ev->department, ev->year, jx_kind_name(ev->kind),
		       jx_provenance_name(ev->provenance), ev->nrows, ts);
		if (t)
			jx_table_write(t, stdout, JX_FMT_TABLE, 0);
		jx_table_free(t);
		for (size_t k = 0; k < ev->nwarnings; k++)
			printf("warning: %s:%d: %s\n", b->source_name, ev->warnings[k].line,
			       ev->warnings[k].message);
	}
	for (size_t i = 0; i < b->nfigs; i++) {
		jx_table *t = cli_figures_table(b->figs[i]);
		printf("%s: figures of %s %d\n", b->source_name, b->figs[i]->department,
		       b->figs[i]->year);
		if (t)
			jx_table_write(t, stdout, JX_FMT_TABLE, 0);
		jx_table_free(t);
	}
}

static int parse_options(int argc, char **argv, jx_read_options *ro, unsigned *flags, int *quiet)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, 0, 'n'}, {"replace", no_argument, 0, 'r'},
		{"dept", required_argument, 0, 'd'}, {"year", required_argument, 0, 'y'},
		{"kind", required_argument, 0, 'k'}, {"format", required_argument, 0, 'f'},
		{"encoding", required_argument, 0, 'e'}, {"quiet", no_argument, 0, 'q'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
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
				return cli_usage("import", "--year must be a year, not '%s'", optarg);
			break;
		case 'k':
			if (cli_parse_kind(optarg, &kind))
				return cli_usage("import", "--kind must be self or review");
			ro->kind = (int)kind;
			break;
		case 'f':
			if (!strcmp(optarg, "auto")) ro->format = JX_INPUT_AUTO;
			else if (!strcmp(optarg, "report")) ro->format = JX_INPUT_REPORT;
			else if (!strcmp(optarg, "csv")) ro->format = JX_INPUT_CSV_SCORES;
			else return cli_usage("import", "--format must be auto, report or csv");
			break;
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
	jx_batch **batches = NULL;
	jx_import_stats st;
	jx_store *s = NULL;
	unsigned flags = 0;
	int quiet = 0, rc, nfiles;

	if ((rc = parse_options(argc, argv, &ro, &flags, &quiet)) != 0)
		return rc < 0 ? cli_help(help) : rc;
	nfiles = argc - optind;
	if (nfiles <= 0)
		return cli_usage("import", "no input file given");
	if (!(batches = calloc((size_t)nfiles, sizeof(*batches))))
		return cli_fail("out of memory");
	for (int i = 0; i < nfiles; i++) {
		if (jx_read_file(&batches[i], argv[optind + i], &ro) != 0) {
			rc = cli_fail_jx();
			goto out;
		}
		if (!quiet && !(flags & JX_IMPORT_DRY_RUN))
			for (size_t e = 0; e < batches[i]->nevals; e++)
				for (size_t k = 0; k < batches[i]->evals[e]->nwarnings; k++)
					fprintf(stderr, "%s:%d: warning: %s\n", batches[i]->source_name,
						batches[i]->evals[e]->warnings[k].line,
						batches[i]->evals[e]->warnings[k].message);
		if (flags & JX_IMPORT_DRY_RUN)
			print_dry_run(batches[i]);
	}
	if ((flags & JX_IMPORT_DRY_RUN) && access(cli->db_path, F_OK) != 0) {
		printf("dry run: nothing written (%s does not exist yet)\n", cli->db_path);
		goto out;
	}
	if ((rc = cli_open_store(cli, &s, !(flags & JX_IMPORT_DRY_RUN))) != 0)
		goto out;
	if (jx_store_import(s, batches, (size_t)nfiles, flags, &st) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	printf("%s%zu evaluation%s added, %zu replaced, %zu unchanged; %zu indicator rows; "
	       "figures: %zu added, %zu replaced, %zu unchanged\n",
	       (flags & JX_IMPORT_DRY_RUN) ? "dry run, nothing written: would have " : "", st.added,
	       st.added == 1 ? "" : "s", st.replaced, st.unchanged, st.rows, st.figures_added,
	       st.figures_replaced, st.figures_unchanged);
	if (st.unchanged && !st.added && !st.replaced)
		printf("identical content is already stored; nothing to do\n");
out:
	for (int i = 0; i < nfiles; i++)
		jx_batch_free(batches[i]);
	free(batches);
	jx_store_free(s);
	return rc;
}
