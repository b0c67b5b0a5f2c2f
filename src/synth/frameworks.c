/* SPDX-License-Identifier: GPL-3.0-or-later */
/* frameworks.c -- the two indicator frameworks and how they change over the years.
 *
 * Older years (before SYNTH_NEW_FRAMEWORK_YEAR) use a framework in the
 * style of the Ministry of Finance's 2013 common indicators for whole-
 * department evaluation: 投入/过程/产出/效果, 26 level-3 indicators. Later
 * years use the reference report's framework: 部门决策/部门管理/部门履职/
 * 履职绩效/可持续发展能力 weighted 20/35/25/10/10, 36 level-3 indicators;
 * its 部门履职 and 履职绩效 rows are the department's own.
 *
 * Inside each framework one revision year changes things, so that the
 * history has the drift real ones have:
 *   old, from 2018: 支付进度率 renamed 资金支付进度率 (aliases.csv joins them),
 *     结转结余变动率 dropped, 基础信息完善性 added, weights of 预算完成率
 *     and 预算调整率 changed;
 *   new, from 2022: 预算编制的科学性 renamed 预算编制科学规范 (aliases.csv),
 *     "三公"经费控制率 written with curly quotes “三公”经费控制率 (joined by
 *     normalisation alone), 内部控制监督评价 added with the other two
 *     内部控制 weights cut from 3 to 2, 人才队伍建设/人员培训情况 dropped and
 *     信息化建设情况/部门创新情况 raised from 4 to 5.
 * A row is identified across such changes by its slot.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "synth.h"

#define Y0 0
#define Y9 9999
#define OLD_A Y0, SYNTH_OLD_REVISION_YEAR - 1
#define OLD_B SYNTH_OLD_REVISION_YEAR, SYNTH_NEW_FRAMEWORK_YEAR - 1
#define OLD Y0, SYNTH_NEW_FRAMEWORK_YEAR - 1
#define NEW_A SYNTH_NEW_FRAMEWORK_YEAR, SYNTH_NEW_REVISION_YEAR - 1
#define NEW_B SYNTH_NEW_REVISION_YEAR, Y9
#define NEW SYNTH_NEW_FRAMEWORK_YEAR, Y9

/* Department-specific rows: level3 NULL, slot = SLOT_DUTY + i or SLOT_OUTCOME + i. */
#define SLOT_DUTY 70
#define SLOT_OUTCOME (SLOT_DUTY + SYNTH_NDUTIES)

typedef struct {
	int from, to;
	const char *level1;
	double level1_weight;
	const char *level2, *level3, *explanation;
	double weight;
	int slot;
} def;

#define TOU "投入", 20
#define GUO "过程", 40
#define CHU "产出", 20
#define XIAO "效果", 20
#define JC "部门决策", 20
#define GL "部门管理", 35
#define LZ "部门履职", 25
#define JX "履职绩效", 10
#define KC "可持续发展能力", 10

static const def defs[] = {
	/* ---- old framework ---- */
	{OLD, TOU, "目标设定", "绩效目标合理性",
	 "部门整体绩效目标是否依据充分，是否符合部门职能和发展规划。", 4, 0},
	{OLD, TOU, "目标设定", "绩效指标明确性",
	 "部门绩效目标是否细化分解为具体指标，是否清晰、可衡量。", 4, 1},
	{OLD, TOU, "预算配置", "在职人员控制率", "在职人员数是否控制在核定编制数以内。", 4, 2},
	{OLD, TOU, "预算配置", "“三公经费”变动率", "本年度“三公经费”预算数与上年度相比的变动情况。",
	 4, 3},
	{OLD, TOU, "预算配置", "重点支出安排率",
	 "重点项目支出占项目总支出的比例，反映对履职重点的保障程度。", 4, 4},
	{OLD_A, GUO, "预算执行", "预算完成率", "部门预算完成数与预算数的比率。", 4, 5},
	{OLD_B, GUO, "预算执行", "预算完成率", "部门预算完成数与预算数的比率。", 5, 5},
	{OLD_A, GUO, "预算执行", "预算调整率", "部门本年度预算调整数与预算数的比率。", 3, 6},
	{OLD_B, GUO, "预算执行", "预算调整率", "部门本年度预算调整数与预算数的比率。", 2, 6},
	{OLD_A, GUO, "预算执行", "支付进度率", "部门实际支付进度与既定支付进度的比率。", 3, 7},
	{OLD_B, GUO, "预算执行", "资金支付进度率", "部门实际支付进度与既定支付进度的比率。", 3, 7},
	{OLD, GUO, "预算执行", "结转结余率", "部门本年度结转结余总额与支出预算数的比率。", 3, 8},
	{OLD_A, GUO, "预算执行", "结转结余变动率", "本年度结转结余资金与上年度相比的变动情况。", 2,
	 9},
	{OLD, GUO, "预算执行", "“三公经费”控制率", "本年度“三公经费”实际支出数与预算安排数的比率。",
	 3, 10},
	{OLD, GUO, "预算执行", "政府采购执行率", "本年度实际政府采购金额与政府采购预算的比率。", 3,
	 11},
	{OLD, GUO, "预算管理", "管理制度健全性",
	 "部门是否制定了合法、合规、完整的财务和业务管理制度。", 4, 12},
	{OLD, GUO, "预算管理", "资金使用合规性", "部门资金使用是否符合国家财经法规和财务管理制度。",
	 4, 13},
	{OLD, GUO, "预算管理", "预决算信息公开性", "部门是否按照规定的内容和时限公开预决算信息。",
	 3, 14},
	{OLD_B, GUO, "预算管理", "基础信息完善性",
	 "部门基础数据信息和会计信息资料是否真实、完整、准确。", 2, 15},
	{OLD, GUO, "资产管理", "管理制度健全性", "部门是否制定了合法、合规、完整的资产管理制度。",
	 3, 16},
	{OLD, GUO, "资产管理", "资产管理安全性",
	 "资产保存是否完整、使用是否合规、配置是否合理、处置是否规范。", 3, 17},
	{OLD, GUO, "资产管理", "固定资产利用率", "实际在用固定资产总额与所有固定资产总额的比率。",
	 2, 18},
	{OLD, CHU, "职责履行", "实际完成率", "部门实际完成的工作数与计划工作数的比率。", 6, 19},
	{OLD, CHU, "职责履行", "完成及时率", "部门在规定时限内完成的工作数与计划工作数的比率。", 5,
	 20},
	{OLD, CHU, "职责履行", "质量达标率", "达到质量标准的工作数与实际完成工作数的比率。", 5, 21},
	{OLD, CHU, "职责履行", "重点工作办结率", "部门重点工作实际完成数与交办或下达数的比率。", 4,
	 22},
	{OLD, XIAO, "履职效益", "经济效益", "部门履行职责对经济发展所带来的直接或间接影响。", 4,
	 23},
	{OLD, XIAO, "履职效益", "社会效益", "部门履行职责对社会发展所带来的直接或间接影响。", 6,
	 24},
	{OLD, XIAO, "履职效益", "生态效益", "部门履行职责对生态环境所带来的直接或间接影响。", 2,
	 25},
	{OLD, XIAO, "履职效益", "社会公众或服务对象满意度",
	 "社会公众或部门服务对象对部门履职效果的满意程度。", 8, 26},
	/* ---- new framework: the reference report's ---- */
	{NEW, JC, "决策机制", "决策制度的科学性",
	 "部门是否建立了决策制度，决策制度是否符合上级要求，是否科学可行。", 2, 30},
	{NEW, JC, "决策机制", "决策流程的规范性", "决策流程设计是否依据充分，是否规范。", 2, 31},
	{NEW, JC, "决策机制", "决策执行监督制衡机制",
	 "部门决策过程中，是否建立监督机制，监督机制是否有效执行。", 2, 32},
	{NEW, JC, "中长期规划", "中长期规划明确性", "部门是否具有明确的中长期规划。", 2, 33},
	{NEW, JC, "中长期规划", "中长期规划与部门职能的匹配性",
	 "部门中长期规划是否与部门职能相匹配。", 2, 34},
	{NEW, JC, "年度工作计划", "年度工作计划明确性", "部门是否具有明确的年度工作计划。", 2, 35},
	{NEW, JC, "年度工作计划", "年度工作计划与部门职能的匹配性",
	 "年度工作计划是否与部门职能相匹配。", 2, 36},
	{NEW_A, JC, "部门预算编制", "预算编制的科学性",
	 "内部预算编制是否有相应的制度保障，流程设计是否科学规范，执行是否有效。", 3, 37},
	{NEW_B, JC, "部门预算编制", "预算编制科学规范",
	 "内部预算编制是否有相应的制度保障，流程设计是否科学规范，执行是否有效。", 3, 37},
	{NEW, JC, "部门预算编制", "预算编制与重点工作任务的匹配性",
	 "内部预算编制是否与重点工作任务相匹配。", 3, 38},
	{NEW, GL, "预算执行", "部门预算执行率", "部门预算执行进度情况。", 2, 39},
	{NEW, GL, "预算执行", "专项资金执行率", "专项资金执行进度情况。", 2, 40},
	{NEW_A, GL, "预算执行", "\"三公\"经费控制率", "部门三公经费控制情况，若不超支则不扣分。", 2,
	 41},
	{NEW_B, GL, "预算执行", "“三公”经费控制率", "部门三公经费控制情况，若不超支则不扣分。", 2,
	 41},
	{NEW, GL, "预算执行", "预决算信息公开情况",
	 "预决算是否在“双平台”进行公开，内容和时限是否符合要求。", 2, 42},
	{NEW, GL, "收支管理", "收支管理制度健全性", "收支管理相关制度的建设情况。", 2, 43},
	{NEW, GL, "收支管理", "收支管理是否按制度执行", "是否严格按照制度执行收支管理各项工作。", 2,
	 44},
	{NEW, GL, "资产管理", "资产管理制度健全性", "部门资产管理制度建设情况。", 2, 45},
	{NEW, GL, "资产管理", "资产管理是否按制度执行", "资产管理制度执行情况。", 2, 46},
	{NEW, GL, "政府采购管理", "政府采购管理制度健全性", "政府采购制度建设情况。", 2, 47},
	{NEW, GL, "政府采购管理", "政府采购管理是否按制度执行", "部门政府采购制度执行情况。", 2,
	 48},
	{NEW, GL, "建设项目管理", "建设项目管理制度健全性",
	 "建设项目管理制度是否建立，是否齐全，是否科学。", 2, 49},
	{NEW, GL, "建设项目管理", "建设项目管理是否按制度执行",
	 "建设项目管理是否严格按照制度执行。", 2, 50},
	{NEW_A, GL, "内部控制管理", "内部控制建设情况", "部门内部控制机制建设情况。", 3, 51},
	{NEW_B, GL, "内部控制管理", "内部控制建设情况", "部门内部控制机制建设情况。", 2, 51},
	{NEW_A, GL, "内部控制管理", "内部控制执行情况", "部门内部控制机制执行情况。", 3, 52},
	{NEW_B, GL, "内部控制管理", "内部控制执行情况", "部门内部控制机制执行情况。", 2, 52},
	{NEW_B, GL, "内部控制管理", "内部控制监督评价", "部门内控监督评价情况。", 2, 53},
	{NEW, GL, "预算绩效管理", "组织管理情况",
	 "部门预算绩效管理制度建设情况，包含制度建设、职能配置、分行业的指标体系建设等。", 1, 54},
	{NEW, GL, "预算绩效管理", "工作开展情况",
	 "部门预算绩效管理执行情况，包含事前评估、目标管理、跟踪评价、自评价和整改落实。", 2, 55},
	{NEW, GL, "预算绩效管理", "绩效信息公开",
	 "绩效信息是否按照规定的内容和时限在“双平台”进行公开。", 2, 56},
	{NEW, LZ, NULL, NULL, NULL, 5, SLOT_DUTY + 0},
	{NEW, LZ, NULL, NULL, NULL, 5, SLOT_DUTY + 1},
	{NEW, LZ, NULL, NULL, NULL, 5, SLOT_DUTY + 2},
	{NEW, LZ, NULL, NULL, NULL, 5, SLOT_DUTY + 3},
	{NEW, LZ, NULL, NULL, NULL, 5, SLOT_DUTY + 4},
	{NEW, JX, NULL, NULL, NULL, 5, SLOT_OUTCOME + 0},
	{NEW, JX, NULL, NULL, NULL, 5, SLOT_OUTCOME + 1},
	{NEW_A, KC, "信息化建设", "信息化建设情况",
	 "办公流程、业务开展等是否能通过部门的信息系统实现。", 4, 57},
	{NEW_B, KC, "信息化建设", "信息化建设情况",
	 "办公流程、业务开展等是否能通过部门的信息系统实现。", 5, 57},
	{NEW_A, KC, "人才队伍建设", "人员培训情况",
	 "部门是否制定人员培训计划并按计划开展业务培训。", 2, 58},
	{NEW_A, KC, "部门创新", "部门创新情况",
	 "是否通过制度创新、方法创新等方式不断提高履职能力。", 4, 59},
	{NEW_B, KC, "部门创新", "部门创新情况",
	 "是否通过制度创新、方法创新等方式不断提高履职能力。", 5, 59},
};

#define NDEFS (sizeof defs / sizeof defs[0])

static void row_from_def(synth_row *r, const def *d, const synth_template *tpl)
{
	r->level1 = d->level1;
	r->level1_weight = d->level1_weight;
	r->level2 = d->level2;
	r->level3 = d->level3;
	r->explanation = d->explanation;
	r->weight = d->weight;
	r->slot = d->slot;
	r->mgmt = strcmp(d->level1, "部门管理") == 0 || strcmp(d->level1, "过程") == 0;
	if (d->level3 == NULL) {
		const synth_duty *own = d->slot >= SLOT_OUTCOME
						? &tpl->outcomes[d->slot - SLOT_OUTCOME]
						: &tpl->duties[d->slot - SLOT_DUTY];
		r->level2 = own->level2;
		r->level3 = own->level3;
		r->explanation = own->explanation;
	}
}

size_t synth_framework(synth_row *rows, int year, const synth_template *tpl)
{
	size_t n = 0;

	for (size_t i = 0; i < NDEFS && n < SYNTH_MAX_ROWS; i++)
		if (defs[i].from <= year && year <= defs[i].to)
			row_from_def(&rows[n++], &defs[i], tpl);
	return n;
}

static int check_level1(const synth_row *rows, size_t n, size_t first, char *msg, size_t msgsize)
{
	double sum = 0;

	for (size_t j = first; j < n; j++)
		if (strcmp(rows[j].level1, rows[first].level1) == 0)
			sum += rows[j].weight;
	if (sum != rows[first].level1_weight) {
		snprintf(msg, msgsize, "%s: rows add up to %g, declared %g", rows[first].level1,
			 sum, rows[first].level1_weight);
		return -1;
	}
	return 0;
}

int synth_framework_check(const synth_row *rows, size_t n, char *msg, size_t msgsize)
{
	double total = 0;
	unsigned char seen[SYNTH_NSLOTS] = {0};

	for (size_t i = 0; i < n; i++) {
		if (!(rows[i].weight > 0) || rows[i].slot < 0 || rows[i].slot >= SYNTH_NSLOTS ||
		    seen[rows[i].slot]++) {
			snprintf(msg, msgsize, "row %zu (%s): bad weight or slot", i,
				 rows[i].level3);
			return -1;
		}
		total += rows[i].weight;
		if ((i == 0 || strcmp(rows[i - 1].level1, rows[i].level1) != 0) &&
		    check_level1(rows, n, i, msg, msgsize) < 0)
			return -1;
	}
	if (total != 100) {
		snprintf(msg, msgsize, "weights add up to %g, not 100", total);
		return -1;
	}
	return 0;
}

/* The flat framework (--flat, for scripts/bench): 投入/过程/产出/效果, each with
 * three level-2 groups of three indicators named 指标01 … 指标36, no
 * explanations; 28 weigh 3 and the last 8 weigh 2 (100 in all). Slots 0-35. */
size_t synth_flat_framework(synth_row *rows)
{
	static const char *const level1[] = {"投入", "过程", "产出", "效果"};
	static const char *const level2[] = {"甲组", "乙组", "丙组"};
	static const double level1_weight[] = {27, 27, 27, 19};
	static char level3[SYNTH_FLAT_ROWS][16];

	for (int i = 0; i < SYNTH_FLAT_ROWS; i++) {
		snprintf(level3[i], sizeof level3[i], "指标%02d", i + 1);
		rows[i] = (synth_row){level1[i / 9],
				      level1_weight[i / 9],
				      level2[i / 3 % 3],
				      level3[i],
				      "",
				      i < 28 ? 3 : 2,
				      i,
				      i / 9 == 1};
	}
	return SYNTH_FLAT_ROWS;
}

/* Renames: rows of one slot in consecutive year ranges whose level-2 or
 * level-3 text differs. Some differ only in what normalisation folds (the
 * quotes of "三公"); the aliases writer drops those by comparing keys. Only
 * the fixed framework rows are renamed, so no template is needed. */
size_t synth_renames(const synth_row **old_rows, const synth_row **new_rows, size_t cap)
{
	static synth_row rows[NDEFS];
	size_t n = 0;

	for (size_t i = 0; i < NDEFS; i++)
		if (defs[i].level3 != NULL)
			row_from_def(&rows[i], &defs[i], NULL);
	for (size_t i = 0; i < NDEFS; i++) {
		for (size_t j = i + 1; j < NDEFS && n < cap; j++) {
			if (defs[i].level3 == NULL || defs[j].level3 == NULL ||
			    defs[i].slot != defs[j].slot || defs[i].to >= defs[j].from ||
			    defs[j].from != defs[i].to + 1)
				continue;
			if (strcmp(defs[i].level3, defs[j].level3) == 0 &&
			    strcmp(defs[i].level2, defs[j].level2) == 0)
				continue;
			old_rows[n] = &rows[i];
			new_rows[n] = &rows[j];
			n++;
		}
	}
	return n;
}
