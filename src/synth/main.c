/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c -- jixiao-synth: write the synthetic multi-year dataset.
 *
 * Options, then one pass over the departments: each department's years are
 * drawn and written straight out (scores.csv, figures.csv, or a report
 * file for the department-years chosen by synth_report_plan), so memory
 * stays flat for --departments 2000. With the defaults the output is
 * exactly datasets/synthetic/ (tests/cli/synth_reproduce.sh checks it).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "synth.h"

enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2 };

typedef struct {
	unsigned long seed;
	int departments, years, first_year, reports;
	const char *out_dir;
	const char *truth; /* --truth FILE: what each department was made to do, or NULL */
	char options[160]; /* the options that shape the content, for file headers */
} synth_opts;

static const char usage_text[] =
	"usage: jixiao-synth [--seed N] [--departments N] [--years Y] [--first-year Y]\n"
	"                    [--out-dir DIR] [--no-reports]\n"
	"\n"
	"Write a synthetic (fictional) multi-year history of department performance\n"
	"self-evaluations: DIR/scores.csv, DIR/figures.csv, DIR/aliases.csv, the\n"
	"departments' budget projects (项目支出绩效自评表) in DIR/projects.csv and\n"
	"DIR/project_figures.csv and, unless --no-reports, a few department-years as\n"
	"report text in DIR/reports/. Every file is marked synthetic. The output\n"
	"depends only on the options below.\n"
	"\n"
	"  --seed N          random seed (default 20240601)\n"
	"  --departments N   number of departments, 1-100000 (default 13)\n"
	"  --years Y         number of consecutive years, 1-100 (default 9)\n"
	"  --first-year Y    first year, 1990-2100 (default 2016)\n"
	"  --out-dir DIR     where to write (default .); created if missing\n"
	"  --no-reports      write every department-year as CSV, no report text\n"
	"  --truth FILE      also write FILE: department,trend (stable, decline, improve),\n"
	"                    growth -- what the generator made each department do, for\n"
	"                    scripts/backtest (not part of the data set)\n"
	"  --help            this text\n"
	"\n"
	"The defaults write the committed set: jixiao-synth --out-dir datasets/synthetic\n";

static int usage(const char *fmt, const char *arg)
{
	fputs("jixiao-synth: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'jixiao-synth --help'.\n", stderr);
	return EXIT_USAGE;
}

static int parse_long(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int parse_args(synth_opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {{"seed", required_argument, NULL, 's'},
						 {"departments", required_argument, NULL, 'd'},
						 {"years", required_argument, NULL, 'y'},
						 {"first-year", required_argument, NULL, 'f'},
						 {"out-dir", required_argument, NULL, 'o'},
						 {"no-reports", no_argument, NULL, 'n'},
						 {"truth", required_argument, NULL, 't'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	long long v;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (parse_long(optarg, 0, 4294967295LL, &v) < 0)
				return usage("--seed wants a number 0-4294967295, not '%s'",
					     optarg);
			o->seed = (unsigned long)v;
			break;
		case 'd':
			if (parse_long(optarg, 1, 100000, &v) < 0)
				return usage("--departments wants a number 1-100000, not '%s'",
					     optarg);
			o->departments = (int)v;
			break;
		case 'y':
			if (parse_long(optarg, 1, 100, &v) < 0)
				return usage("--years wants a number 1-100, not '%s'", optarg);
			o->years = (int)v;
			break;
		case 'f':
			if (parse_long(optarg, 1990, 2100, &v) < 0)
				return usage("--first-year wants a year 1990-2100, not '%s'",
					     optarg);
			o->first_year = (int)v;
			break;
		case 'o': o->out_dir = optarg; break;
		case 'n': o->reports = 0; break;
		case 't': o->truth = optarg; break;
		case 'h': fputs(usage_text, stdout); return -1;
		case ':': return usage("option '%s' needs a value", argv[optind - 1]);
		default: return usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage("unexpected argument '%s'", argv[optind]);
	if (o->first_year + o->years - 1 > 2100)
		return usage("%s", "the last year would be after 2100");
	snprintf(o->options, sizeof o->options,
		 "--seed %lu --departments %d --years %d --first-year %d%s", o->seed,
		 o->departments, o->years, o->first_year, o->reports ? "" : " --no-reports");
	return EXIT_OK;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
	char buf[4096];
	size_t len = strlen(path);

	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char keep = *p;
		*p = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "jixiao-synth: %s: %s\n", buf, strerror(errno));
			return -1;
		}
		if (keep == '\0')
			return 0;
		*p = keep;
	}
}

static FILE *open_csv(const char *dir, const char *name, const char *header, const char *options)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL) {
		fprintf(stderr, "jixiao-synth: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	synth_write_comments(f, options);
	fprintf(f, "%s\n", header);
	return f;
}

/* Refuse to write if some year's framework is inconsistent (a bug, not input). */
static int check_frameworks(const synth_opts *o)
{
	synth_row rows[SYNTH_MAX_ROWS];
	char msg[256];

	for (size_t t = 0; t < synth_template_count(); t++)
		for (int y = o->first_year; y < o->first_year + o->years; y++) {
			size_t n = synth_framework(rows, y, synth_template_at(t));
			if (synth_framework_check(rows, n, msg, sizeof msg) < 0) {
				fprintf(stderr, "jixiao-synth: internal error: framework %d: %s\n",
					y, msg);
				return -1;
			}
		}
	return 0;
}

typedef struct {
	FILE *scores, *figures;
	synth_project_out projects;
	char reports_dir[4096];
	synth_report_spec plan[8];
	size_t nplan;
} synth_out;

static int write_department(synth_out *out, const synth_opts *o, int n)
{
	synth_dept d;
	synth_state st;
	synth_year y;

	synth_dept_make(&d, n);
	if (synth_state_init(&st, &d, o->seed, o->first_year, o->years) < 0) {
		fprintf(stderr, "jixiao-synth: out of memory\n");
		return -1;
	}
	for (int i = 0; i < o->years; i++) {
		const synth_report_spec *spec;

		synth_next_year(&st, &y);
		spec = synth_report_find(out->plan, out->nplan, n, y.year);
		if (spec != NULL) {
			if (synth_write_report(out->reports_dir, spec, &d, &y, o->options) < 0) {
				synth_state_free(&st);
				return -1;
			}
		} else {
			synth_write_score_rows(out->scores, &d, &y, 0);
			synth_write_figure_rows(out->figures, &d, &y);
		}
		if (y.has_review)
			synth_write_score_rows(out->scores, &d, &y, 1);
	}
	synth_state_free(&st);
	if (synth_write_projects(&out->projects, &d, o->seed, o->first_year, o->years) < 0) {
		fprintf(stderr, "jixiao-synth: out of memory\n");
		return -1;
	}
	return 0;
}

/* Close f (named name under dir); -1 when anything written to it failed. */
static int close_csv(FILE *f, const char *dir, const char *name)
{
	if (f != NULL && (ferror(f) | fclose(f)) != 0) {
		fprintf(stderr, "jixiao-synth: %s/%s: write failed\n", dir, name);
		return -1;
	}
	return 0;
}

/* The ground truth of the run, one line per department (for scripts/backtest). */
static int write_truth(const synth_opts *o)
{
	static const char *const trends[] = {"stable", "decline", "improve"};
	FILE *f = fopen(o->truth, "w");
	if (f == NULL) {
		fprintf(stderr, "jixiao-synth: %s: %s\n", o->truth, strerror(errno));
		return -1;
	}
	fputs("department,trend,growth\n", f);
	for (int n = 0; n < o->departments; n++) {
		synth_dept d;
		synth_dept_make(&d, n);
		fprintf(f, "%s,%s,%d\n", d.name, trends[d.trend], d.growth);
	}
	if ((ferror(f) | fclose(f)) != 0) {
		fprintf(stderr, "jixiao-synth: %s: write failed\n", o->truth);
		return -1;
	}
	return 0;
}

static int run(const synth_opts *o)
{
	synth_out out = {0};
	char path[4096];
	int rc = EXIT_ERROR;

	if (check_frameworks(o) < 0 || make_dirs(o->out_dir) < 0)
		return EXIT_ERROR;
	snprintf(out.reports_dir, sizeof out.reports_dir, "%s/reports", o->out_dir);
	if (o->reports) {
		out.nplan = synth_report_plan(out.plan, 8, o->departments, o->first_year, o->years);
		if (make_dirs(out.reports_dir) < 0)
			return EXIT_ERROR;
	}
	out.scores = open_csv(o->out_dir, "scores.csv",
			      "department,year,kind,level1,level2,level3,explanation,weight,score,"
			      "score_origin",
			      o->options);
	out.figures = open_csv(o->out_dir, "figures.csv", "department,year,item,value,unit",
			       o->options);
	out.projects.scores = open_csv(o->out_dir, "projects.csv",
				       "department,year,kind,level1,level2,level3,explanation,"
				       "weight,score,score_origin,project,target,actual,reason",
				       o->options);
	out.projects.figures = open_csv(o->out_dir, "project_figures.csv",
					"department,year,item,value,unit,project", o->options);
	if (out.scores == NULL || out.figures == NULL || out.projects.scores == NULL ||
	    out.projects.figures == NULL)
		goto out;
	for (int n = 0; n < o->departments; n++)
		if (write_department(&out, o, n) < 0)
			goto out;
	snprintf(path, sizeof path, "%s/aliases.csv", o->out_dir);
	if (synth_write_aliases(path) < 0 || (o->truth && write_truth(o) < 0))
		goto out;
	rc = EXIT_OK;
out:
	if (close_csv(out.scores, o->out_dir, "scores.csv") < 0 ||
	    close_csv(out.figures, o->out_dir, "figures.csv") < 0 ||
	    close_csv(out.projects.scores, o->out_dir, "projects.csv") < 0 ||
	    close_csv(out.projects.figures, o->out_dir, "project_figures.csv") < 0)
		rc = EXIT_ERROR;
	return rc;
}

int main(int argc, char **argv)
{
	synth_opts o = {SYNTH_DEFAULT_SEED,
			SYNTH_DEFAULT_DEPARTMENTS,
			SYNTH_DEFAULT_YEARS,
			SYNTH_DEFAULT_FIRST_YEAR,
			1,
			".",
			NULL,
			""};
	int rc = parse_args(&o, argc, argv);

	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc != EXIT_OK)
		return rc;
	return run(&o);
}
