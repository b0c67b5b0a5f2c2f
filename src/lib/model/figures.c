/* SPDX-License-Identifier: GPL-3.0-or-later */
/* figures.c -- the budget, accounts and staffing figures of one department and year. */
#include <stdlib.h>
#include <string.h>
#include "model/internal.h"

static const char *const figure_items[] = {"budget_total",
					   "budget_basic",
					   "budget_project",
					   "income_total",
					   "income_fiscal",
					   "income_other",
					   "expenditure_total",
					   "expenditure_basic",
					   "expenditure_project",
					   "special_funds",
					   "staff_in_post",
					   "staff_retired",
					   "auxiliary_staff",
					   "vehicles_quota",
					   "vehicles_actual",
					   "self_score",
					   NULL};

/* A project's fund block (项目资金): money in 元, kept as cents whatever unit the table used. */
static const char *const project_items[] = {"project_budget_start",
					    "project_budget",
					    "project_executed",
					    "project_execution_rate",
					    "project_fiscal_budget_start",
					    "project_fiscal_budget",
					    "project_fiscal_executed",
					    "project_carryover_budget_start",
					    "project_carryover_budget",
					    "project_carryover_executed",
					    "project_other_budget_start",
					    "project_other_budget",
					    "project_other_executed",
					    NULL};

const char *const *jx_figure_items(void)
{
	return figure_items;
}

const char *const *jx_project_figure_items(void)
{
	return project_items;
}

static int index_in(const char *const *items, const char *item)
{
	for (int i = 0; item && items[i]; i++)
		if (!strcmp(items[i], item))
			return i;
	return -1;
}

int jx_figure_is_project(const char *item)
{
	return index_in(project_items, item) >= 0;
}

const char *jx_figure_unit(const char *item)
{
	if (!item)
		return NULL;
	if (jx_figure_is_project(item))
		return strcmp(item, "project_execution_rate") ? "元" : "%";
	if (!strncmp(item, "staff_", 6) || !strcmp(item, "auxiliary_staff"))
		return "人";
	if (!strncmp(item, "vehicles_", 9))
		return "辆";
	if (!strcmp(item, "self_score"))
		return "分";
	for (size_t i = 0; figure_items[i]; i++)
		if (!strcmp(figure_items[i], item))
			return "万元";
	return NULL;
}

/* The item's place in the canonical order of f's kind of figures, -1 when it is not one. */
static int figure_index(const jx_figures *f, const char *item)
{
	return index_in(f->project ? project_items : figure_items, item);
}

jx_figures *jx_figures_new(const char *department, int year)
{
	jx_figures *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->department = jx_strip_invisible(department);
	if (!f->department) {
		free(f);
		return NULL;
	}
	f->year = year;
	f->provenance = JX_PROV_REAL;
	return f;
}

jx_figures *jx_figures_new_project(const char *department, int year, const char *project)
{
	jx_figures *f = jx_figures_new(department, year);
	if (f && !(f->project = jx__strdup(project ? project : ""))) {
		jx_figures_free(f);
		return NULL;
	}
	return f;
}

void jx_figures_free(jx_figures *f)
{
	size_t i;
	if (!f)
		return;
	for (i = 0; i < f->nitems; i++)
		free(f->items[i].item);
	free(f->items);
	free(f->department);
	free(f->project);
	free(f);
}

int jx_figures_set(jx_figures *f, const char *item, int64_t cents, int line)
{
	size_t i, at;
	int idx = figure_index(f, item);
	if (idx < 0 && jx_figure_is_project(item))
		return jx__error(JX_EINVAL, _("figure item '%s' belongs to a project's figures"),
				 item);
	if (idx < 0 && index_in(figure_items, item) >= 0)
		return jx__error(JX_EINVAL, _("figure item '%s' belongs to a department's figures"),
				 item);
	if (idx < 0)
		return jx__error(JX_EINVAL, _("unknown figure item '%s'"), item);
	for (i = 0; i < f->nitems; i++)
		if (!strcmp(f->items[i].item, item)) {
			f->items[i].cents = cents;
			f->items[i].line = line;
			return 0;
		}
	if (jx__grow((void **)&f->items, &f->items_cap, f->nitems + 1, sizeof(*f->items)) != 0)
		return JX_ENOMEM;
	/* keep items in canonical order so that output is stable */
	for (at = 0; at < f->nitems && figure_index(f, f->items[at].item) < idx; at++)
		;
	memmove(&f->items[at + 1], &f->items[at], (f->nitems - at) * sizeof(*f->items));
	f->items[at].item = jx__strdup(item);
	if (!f->items[at].item) {
		memmove(&f->items[at], &f->items[at + 1], (f->nitems - at) * sizeof(*f->items));
		return jx__oom();
	}
	f->items[at].cents = cents;
	f->items[at].line = line;
	f->nitems++;
	return 0;
}

int jx_figures_get(const jx_figures *f, const char *item, int64_t *cents)
{
	for (size_t i = 0; f && i < f->nitems; i++)
		if (!strcmp(f->items[i].item, item)) {
			if (cents)
				*cents = f->items[i].cents;
			return 1;
		}
	return 0;
}

const char *jx_figure_label(const char *item)
{
	static const char *const labels[][2] = {
		{"budget_total", "部门预算数"},
		{"budget_basic", "预算·基本支出"},
		{"budget_project", "预算·项目支出"},
		{"income_total", "决算总收入"},
		{"income_fiscal", "财政拨款收入"},
		{"income_other", "其他收入"},
		{"expenditure_total", "决算总支出"},
		{"expenditure_basic", "决算·基本支出"},
		{"expenditure_project", "决算·项目支出"},
		{"special_funds", "市级专项资金"},
		{"staff_in_post", "在职人员"},
		{"staff_retired", "离退休人员"},
		{"auxiliary_staff", "警务辅助人员"},
		{"vehicles_quota", "公务用车编制数"},
		{"vehicles_actual", "实有车辆数"},
		{"self_score", "自评得分"},
		{"project_budget_start", "年初预算数"},
		{"project_budget", "全年预算数"},
		{"project_executed", "全年执行数"},
		{"project_execution_rate", "执行率"},
		{"project_fiscal_budget_start", "当年财政拨款·年初预算数"},
		{"project_fiscal_budget", "当年财政拨款·全年预算数"},
		{"project_fiscal_executed", "当年财政拨款·全年执行数"},
		{"project_carryover_budget_start", "上年结转资金·年初预算数"},
		{"project_carryover_budget", "上年结转资金·全年预算数"},
		{"project_carryover_executed", "上年结转资金·全年执行数"},
		{"project_other_budget_start", "其他资金·年初预算数"},
		{"project_other_budget", "其他资金·全年预算数"},
		{"project_other_executed", "其他资金·全年执行数"}};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(labels[i][0], item))
			return labels[i][1];
	return item;
}
