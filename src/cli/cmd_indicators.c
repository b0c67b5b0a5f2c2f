/* cmd_indicators.c -- `jixiao indicators`: canonical keys per department and the years they appear. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char help[] =
	"usage: jixiao [--db PATH] indicators [--dept NAME] [--kind self|review] [--unmatched]\n"
	"                                [--format table|csv|json]\n"
	"\n"
	"List each department's level-3 indicators by canonical key (aliases applied)\n"
	"with the years in which they appear. --unmatched lists only keys missing from\n"
	"some of the department's evaluated years, each with the closest other key by\n"
	"edit distance (over characters) as a suggestion for `jixiao alias add`.\n"
	"\n"
	"example:\n"
	"  jixiao indicators --dept 示例市财政局 --unmatched\n";

typedef struct {
	const char *key, *level1, *level2, *level3;
	unsigned char *present; /* per year index */
	int n;
} key_info;

static void years_text(char *buf, size_t size, const jx_series *sr, const unsigned char *present)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sr->nyears; i++) {
		size_t j = i;
		if (!present[i])
			continue;
		while (j + 1 < sr->nyears && present[j + 1] && sr->years[j + 1].year == sr->years[j].year + 1)
			j++;
		if (j > i)
			len += (size_t)snprintf(buf + len, size - len, "%s%d-%d", len ? "," : "",
						sr->years[i].year, sr->years[j].year);
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%d", len ? "," : "", sr->years[i].year);
		if (len >= size)
			return;
		i = j;
	}
}

static int department_rows(jx_table *t, const jx_series *sr, int unmatched)
{
	key_info *k = calloc(sr->nrows ? sr->nrows : 1, sizeof(*k));
	size_t nk = 0, yi = 0;
	char years[512];
	if (!k)
		return -1;
	for (size_t r = 0; r < sr->nrows; r++) {
		const jx_score_row *row = &sr->rows[r];
		size_t i;
		while (sr->years[yi].year != row->year)
			yi++;
		for (i = 0; i < nk && strcmp(k[i].key, row->key); i++)
			;
		if (i == nk) {
			k[nk].key = row->key;
			if (!(k[nk].present = calloc(sr->nyears, 1)))
				break;
			nk++;
		}
		k[i].level1 = row->level1, k[i].level2 = row->level2, k[i].level3 = row->level3;
		if (!k[i].present[yi])
			k[i].present[yi] = 1, k[i].n++;
	}
	for (size_t i = 0; i < nk; i++) {
		size_t best = (size_t)-1, bestd = (size_t)-1;
		if (unmatched && k[i].n == (int)sr->nyears)
			continue;
		jx_table_add_row(t);
		jx_table_set_text(t, 0, sr->department);
		jx_table_set_text(t, 1, k[i].key);
		jx_table_set_text(t, 2, k[i].level3);
		years_text(years, sizeof(years), sr, k[i].present);
		jx_table_set_text(t, 3, years);
		jx_table_set_int(t, 4, k[i].n);
		if (!unmatched)
			continue;
		for (size_t j = 0; j < nk; j++) {
			size_t d;
			if (j == i)
				continue;
			d = jx_levenshtein(k[i].key, k[j].key);
			if (d < bestd)
				bestd = d, best = j;
		}
		if (best != (size_t)-1) {
			jx_table_set_text(t, 5, k[best].key);
			jx_table_set_int(t, 6, (long long)bestd);
		}
	}
	for (size_t i = 0; i < nk; i++)
		free(k[i].present);
	free(k);
	return 0;
}

int cmd_indicators(jx_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dept", required_argument, 0, 'd'}, {"kind", required_argument, 0, 'k'},
		{"unmatched", no_argument, 0, 'u'}, {"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *dept = NULL;
	jx_kind kind = JX_KIND_SELF;
	jx_format fmt = JX_FMT_TABLE;
	char **depts = NULL;
	size_t nd = 0;
	jx_store *s = NULL;
	jx_table *t = NULL;
	int c, rc, unmatched = 0;

	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dept = optarg; break;
		case 'k':
			if (cli_parse_kind(optarg, &kind))
				return cli_usage("indicators", "--kind must be self or review");
			break;
		case 'u': unmatched = 1; break;
		case 'f':
			if (cli_parse_format(optarg, &fmt))
				return cli_usage("indicators", "--format must be table, csv or json");
			break;
		case 'h': return cli_help(help);
		case ':': return cli_usage("indicators", "%s needs a value", argv[optind - 1]);
		default: return cli_usage("indicators", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage("indicators", "unexpected argument '%s'", argv[optind]);
	if ((rc = cli_open_store(cli, &s, 0)) != 0)
		return rc;
	if (dept) {
		if (!(depts = calloc(1, sizeof(*depts))) || !(depts[0] = strdup(dept))) {
			rc = cli_fail("out of memory");
			goto out;
		}
		nd = 1;
	} else if (jx_store_departments(s, &depts, &nd) != 0) {
		rc = cli_fail_jx();
		goto out;
	}
	if (!(t = jx_table_new())) {
		rc = cli_fail("out of memory");
		goto out;
	}
	jx_table_add_column(t, "department", "部门", JX_COL_TEXT, 0);
	jx_table_add_column(t, "key", "指标键", JX_COL_TEXT, 0);
	jx_table_add_column(t, "level3", "三级指标", JX_COL_TEXT, 0);
	jx_table_add_column(t, "years", "年度", JX_COL_TEXT, 0);
	jx_table_add_column(t, "n_years", "年数", JX_COL_INT, 0);
	if (unmatched) {
		jx_table_add_column(t, "suggestion", "最接近的指标", JX_COL_TEXT, 0);
		jx_table_add_column(t, "distance", "编辑距离", JX_COL_INT, 0);
	}
	for (size_t i = 0; i < nd; i++) {
		jx_series *sr = NULL;
		int lrc = jx_store_series(s, &sr, depts[i], kind, 0, 0);
		if (lrc == JX_ENOTFOUND && !dept)
			continue;
		if (lrc != 0) {
			rc = cli_fail_jx();
			goto out;
		}
		lrc = department_rows(t, sr, unmatched);
		jx_series_free(sr);
		if (lrc) {
			rc = cli_fail("out of memory");
			goto out;
		}
	}
	rc = cli_print_table(t, fmt, 0);
out:
	jx_table_free(t);
	jx_strings_free(depts, nd);
	jx_store_free(s);
	return rc;
}
