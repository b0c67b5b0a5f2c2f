/* SPDX-License-Identifier: GPL-3.0-or-later */
/* view.c -- how the terminal shows the result tables: 100 columns wide with the essential
 * columns (name, rates, change, status) unless --wide, rates as percentages, money with
 * thousands separators, slopes and standard deviations of rates in percentage points, English
 * codes in the messages' language (jx_table_view).
 *
 * Columns are chosen by their CSV names, which are the same across commands (docs/formats.md),
 * so one list serves every command. CSV and JSON are never shown through a view. */
#include <string.h>
#include "cli.h"

enum { TERMINAL_WIDTH = 100 };

static int wide_tables;

void cli_set_wide(int on)
{
	wide_tables = on;
}

static int zh_headers;

void cli_set_headers(int zh)
{
	zh_headers = zh;
}

int cli_headers_zh(void)
{
	return zh_headers;
}

/* The Chinese CSV name of a column: the headings are English msgids, so their zh_CN
 * translations (the headings of `--lang zh`); provenance and score_origin, which hold the
 * codes the import reads, take the import's names (数据性质, 得分来源). */
static const char *zh_name(const jx_table *t, size_t c)
{
	const char *name = jx_table_column_name(t, c), *h = jx_table_column_heading(t, c);
	if (!strcmp(name, "provenance") || !strcmp(name, "score_origin"))
		return jx_csv_column_zh(name);
	return h && *h ? _(h) : NULL;
}

/* Under --headers zh, whatever the interface's language (switched for the moment:
 * gettext reads the catalog anew). */
void cli_csv_headers(jx_table *t)
{
	jx_lang was = jx_i18n_lang();
	if (!zh_headers)
		return;
	jx_i18n_set(JX_LANG_ZH);
	for (size_t c = 0; c < jx_table_columns(t); c++) {
		const char *zh = zh_name(t, c);
		if (zh)
			jx_table_set_csv_name(t, c, zh);
	}
	jx_i18n_set(was);
}

void cli_table_width(jx_table *t)
{
	jx_table_set_max_width(t, wide_tables ? 0 : JX_TABLE_MAX_WIDTH);
}

/* Shown by default; a table with none of them shows every column. */
static const char *const essential[] = {
	"department", "project", "year", "kind", "rank", "level1", "level2", "level3",
	/* show */
	"row_type", "weight", "score", "deduction", "score_origin",
	/* list, rank, projects */
	"total_weight", "total_score", "grade", "deducted", "percentile", "execution_rate",
	"missed",
	/* compare */
	"rate_from", "rate_to", "delta_rate_pp", "delta_points", "status",
	/* trend, forecast, variance */
	"n", "slope", "p_value", "q_value", "direction", "forecast", "pi_low", "pi_high", "mean",
	"sd", "min", "max",
	/* deductions, weak */
	"points_lost", "share", "cum_share", "years_deducted", "rules", "mean_rate", "latest_lost",
	/* figures */
	"budget_total", "expenditure_total", "expenditure_growth", "growth_warning", "rate",
	/* overview: its matrix has a column per year ("#") */
	"#", "mean_gap_pp", "verdict", "change_pp", "grade_from", "grade_to", "warning", "subject",
	"value", "q1", "median", "q3", NULL};

static const char *const percent[] = {"rate",
				      "rate_from",
				      "rate_to",
				      "mean_rate",
				      "share",
				      "cum_share",
				      "share_of_lost",
				      "execution_rate",
				      "basic_share",
				      "project_share",
				      "budget_growth",
				      "income_growth",
				      "expenditure_growth",
				      "mean_expenditure_growth",
				      "forecast",
				      "pi_low",
				      "pi_high",
				      "mean",
				      "min",
				      "max",
				      NULL};

static const char *const money[] = {"budget_total",
				    "budget_basic",
				    "budget_project",
				    "income_total",
				    "expenditure_total",
				    "expenditure_basic",
				    "expenditure_project",
				    "budget",
				    "executed",
				    NULL};

static const char *const points[] = {"total_weight", "total_score", "deducted",    "weight_from",
				     "score_from",   "weight_to",   "score_to",    "delta_points",
				     "points_lost",  "latest_lost", "mean_points", "weight",
				     "score",        "deduction",   NULL};

static const char *const codes[] = {"row_type", "item",      "kind",         "provenance",
				    "status",   "direction", "rules",        "growth_warning",
				    "verdict",  "warning",   "score_origin", NULL};

static int listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

/* A name that means another unit in one kind of table, read from the table by cli_view:
 * forecast's slope is on the logit scale, the overview distribution's min, max and mean
 * are points (the trend's slope and the variance's min are fractions). */
static int logit_slope, point_stats;

static jx_col_show show(const char *name)
{
	if (point_stats && (!strcmp(name, "min") || !strcmp(name, "max") || !strcmp(name, "mean")))
		return JX_SHOW_POINTS;
	if (!strcmp(name, "slope") || !strcmp(name, "theil_sen"))
		return logit_slope ? JX_SHOW_AS_IS : JX_SHOW_RATE_PP;
	if (!strcmp(name, "sd") || !strcmp(name, "slope_se"))
		return JX_SHOW_SPREAD_PP;
	if (listed(percent, name))
		return JX_SHOW_PERCENT;
	if (!strcmp(name, "delta_rate_pp"))
		return JX_SHOW_PP;
	if (listed(money, name))
		return JX_SHOW_MONEY;
	if (listed(points, name))
		return JX_SHOW_POINTS;
	return listed(codes, name) ? JX_SHOW_CODE : JX_SHOW_AS_IS;
}

/* One code of the column called name in the current language; NULL when not one of ours. */
static const char *code_label(const char *name, const char *code)
{
	/* TRANSLATORS: the rules of `jixiao weak` and the growth warning, as table cells */
	static const char *const other[][2] = {{"new", N_("new deduction")},
					       {"persistent", N_("persistent deduction")},
					       {"large", N_("large share lost")},
					       {"low_rate", N_("low mean rate")},
					       {"resolved", N_("resolved")},
					       {"yes", N_("warning")},
					       {"no", N_("no warning")},
					       /* TRANSLATORS: the kinds of rows of `jixiao show` */
					       /* TRANSLATORS: verdicts of `compare --gap`, warnings
						  of `overview --view warnings` */
					       {"over-scoring", N_("over-scoring")},
					       {"not shown", N_("not shown")},
					       {"growth", N_("expenditure growth")},
					       {"execution", N_("execution rate")},
					       {"grade_drop", N_("grade drop")},
					       {"persistent_deduction", N_("persistent deduction")},
					       {"indicator", N_("indicator")},
					       {"subtotal", N_("subtotal")},
					       {"total", N_("total")}};
	jx_kind k;
	jx_provenance p;
	jx_origin g;
	if (!strcmp(name, "item")) /* figure items: their Chinese names, English keep the key */
		return jx_i18n_lang() == JX_LANG_ZH ? jx_figure_label(code) : code;
	for (size_t i = 0; i < sizeof(other) / sizeof(*other); i++)
		if (strcmp(name, "status") && !strcmp(code, other[i][0]))
			return _(other[i][1]);
	for (int s = JX_CMP_IMPROVED; s <= JX_CMP_UNKNOWN; s++)
		if (!strcmp(code, jx_compare_status_name((jx_compare_status)s)))
			return jx_compare_status_label((jx_compare_status)s);
	for (int d = JX_DIR_TOO_FEW; d <= JX_DIR_FALLING; d++)
		if (!strcmp(code, jx_direction_name((jx_direction)d)))
			return jx_direction_label((jx_direction)d);
	if (jx_kind_parse(code, &k) == 0)
		return jx_kind_label(k);
	if (jx_provenance_parse(code, &p) == 0)
		return jx_provenance_label(p);
	if (jx_origin_parse(code, &g) == 0)
		return jx_origin_label(g);
	return NULL;
}

/* "new,persistent" → "new deduction, persistent deduction" in the current language. */
static const char *label(char *buf, size_t size, const char *name, const char *cell)
{
	size_t o = 0;
	buf[0] = '\0';
	for (const char *p = cell; *p && o + 1 < size;) {
		char one[64];
		size_t n = strcspn(p, ",");
		const char *text;
		snprintf(one, sizeof(one), "%.*s", (int)n, p);
		text = code_label(name, one);
		/* TRANSLATORS: between the names of several rules in one table cell */
		int k = snprintf(buf + o, size - o, "%s%s", o ? _(", ") : "", text ? text : one);
		if (k < 0 || (size_t)k >= size - o)
			break; /* cut: the cell is only shown */
		o += (size_t)k;
		p += n + (p[n] == ',');
	}
	return buf;
}

const jx_table_view *cli_view(const jx_table *t)
{
	static jx_table_view v;
	logit_slope = jx_table_find_column(t, "t_quantile") >= 0;
	point_stats = jx_table_find_column(t, "q1") >= 0;
	v.width = wide_tables ? 0 : TERMINAL_WIDTH;
	v.essential = essential;
	v.show = show;
	v.label = label;
	return &v;
}
