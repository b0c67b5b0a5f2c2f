/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_site.c -- `jixiao site`: the overview as a static site in a directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis_cli.h"

static const cli_option options[] = {
	{'o', "out-dir", "DIR", N_("the site's directory (created when missing)"), CLI_REQUIRED},
	CLI_SHARED_HELP(DEPT, N_("departments: names or unique parts, separated by commas "
				 "(default every department)")),
	CLI_SHARED(YEARS),
	CLI_SHARED_HELP(KIND, N_("the basis of totals and ranks (default self)")),
	{'c', "charts", NULL,
	 N_("draw each department report's charts (slow for many departments)"), 0},
	CLI_SHARED_HELP(TEMPLATES, N_("chart templates (see `jixiao plot --help`)")),
	CLI_END};

const cli_spec spec_site = {
	"site",
	NULL,
	NULL,
	N_("The overview as a static site the finance bureau can open from a shared\n"
	   "folder or put on its intranet, no server needed: DIR/index.html (the\n"
	   "department x year table coloured by grade with a search box, early\n"
	   "warnings, indicators weak in many departments, self vs review, the\n"
	   "distribution per year), one page per department (its planning report) in\n"
	   "DIR/dept/ and one per weak indicator in DIR/weak/, linked both ways. Every\n"
	   "page is self-contained: no external resources. The site is written as a set:\n"
	   "when anything fails, DIR is left as it was. Prints the index's path.\n"),
	"  jixiao site --out-dir 绩效总览\n"
	"  jixiao site --out-dir site --years 2020-2024 --charts\n",
	options};

typedef struct {
	jx_site_request req;
	const char *dir;
} site_args;

static int own_option(void *ctx, int key, const char *arg)
{
	site_args *a = ctx;
	if (key == 'o')
		a->dir = arg;
	else
		a->req.charts = 1;
	return 0;
}

int cmd_site(jx_cli *cli, int argc, char **argv)
{
	site_args a = {0};
	cli_args c;
	jx_store *st = NULL;
	jx_site_stats stats;
	char **names = NULL;
	size_t n = 0;
	int rc;
	jx_site_request_init(&a.req);
	if ((rc = cli_parse(&c, &spec_site, argc, argv, own_option, &a)) != CLI_GO ||
	    (rc = cli_no_positionals(&c)) != CLI_GO)
		return rc;
	if (!a.dir)
		return cli_usage("site", _("--out-dir is required"));
	a.req.overview.o.year_from = c.year_from;
	a.req.overview.o.year_to = c.year_to;
	if (c.kind >= 0)
		a.req.overview.o.kind = (jx_kind)c.kind;
	a.req.templates_dir = c.templates;
	a.req.lang = cli->doc_lang;
	if ((rc = cli_open_store(cli, &st, 0)))
		return rc;
	if (c.dept && (rc = ana_department_list(st, "site", c.dept, &names, &n)) == 0) {
		a.req.overview.departments = (const char *const *)names;
		a.req.overview.ndepartments = n;
	}
	if (rc == 0 && jx_site_write(st, &a.req, a.dir, &stats))
		rc = cli_fail_jx();
	else if (rc == 0)
		printf("%s/index.html\n", a.dir);
	ana_strings_free(names, n);
	jx_store_free(st);
	return rc;
}
