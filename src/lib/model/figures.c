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

const char *const *jx_figure_items(void)
{
	return figure_items;
}

const char *jx_figure_unit(const char *item)
{
	if (!item)
		return NULL;
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

static int figure_index(const char *item)
{
	for (int i = 0; figure_items[i]; i++)
		if (!strcmp(figure_items[i], item))
			return i;
	return -1;
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

void jx_figures_free(jx_figures *f)
{
	size_t i;
	if (!f)
		return;
	for (i = 0; i < f->nitems; i++)
		free(f->items[i].item);
	free(f->items);
	free(f->department);
	free(f);
}

int jx_figures_set(jx_figures *f, const char *item, int64_t cents, int line)
{
	size_t i, at;
	int idx = figure_index(item);
	if (idx < 0)
		return jx__error(JX_EINVAL, "unknown figure item '%s'", item);
	for (i = 0; i < f->nitems; i++)
		if (!strcmp(f->items[i].item, item)) {
			f->items[i].cents = cents;
			f->items[i].line = line;
			return 0;
		}
	if (jx__grow((void **)&f->items, &f->items_cap, f->nitems + 1, sizeof(*f->items)) != 0)
		return JX_ENOMEM;
	/* keep items in canonical order so that output is stable */
	for (at = 0; at < f->nitems && figure_index(f->items[at].item) < idx; at++)
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
	static const char *const labels[][2] = {{"budget_total", "部门预算数"},
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
						{"self_score", "自评得分"}};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(labels[i][0], item))
			return labels[i][1];
	return item;
}
