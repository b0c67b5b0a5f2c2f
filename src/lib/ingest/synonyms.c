/* SPDX-License-Identifier: GPL-3.0-or-later */
/* synonyms.c -- the names real tables give their columns, and the role each name plays.
 *
 * This table is the one place the recogniser learns column names from: a
 * new variant seen in a published table is one more line here (and in the
 * list in docs/formats.md). A header cell is matched after jx_name_normalize
 * (full-width forms folded, spaces, line breaks and quotes removed) exactly
 * against these names; a trailing "(分)" / "(%)" unit is tried off too.
 * Where a header spans two rows, the longest name that matches any of the
 * joined forms wins (header.c), so 年度 over 指标值 is 年度指标值, a target,
 * and 得分 over 自评 is 自评得分, a score. 部门, 年度 and 类型 columns make a
 * register: a table holding the rows of many evaluations.
 */
#include <string.h>
#include "ingest/internal.h"

typedef struct {
	const char *name; /* normalised: no spaces, half-width */
	jx__role role;
} synonym;

static const synonym synonyms[] = {
	{"序号", JX__ROLE_SEQ},
	{"一级指标", JX__ROLE_LEVEL1},
	{"一级", JX__ROLE_LEVEL1},
	{"一级指标名称", JX__ROLE_LEVEL1},
	{"二级指标", JX__ROLE_LEVEL2},
	{"二级", JX__ROLE_LEVEL2},
	{"二级指标名称", JX__ROLE_LEVEL2},
	{"三级指标", JX__ROLE_LEVEL3},
	{"三级", JX__ROLE_LEVEL3},
	{"三级指标名称", JX__ROLE_LEVEL3},
	{"指标", JX__ROLE_INDICATOR},
	{"指标名称", JX__ROLE_INDICATOR},
	{"指标解释", JX__ROLE_EXPLANATION},
	{"指标说明", JX__ROLE_EXPLANATION},
	{"指标内涵", JX__ROLE_EXPLANATION},
	{"指标内容", JX__ROLE_EXPLANATION},
	{"评分标准", JX__ROLE_RULE},
	{"评分细则", JX__ROLE_RULE},
	{"评分办法", JX__ROLE_RULE},
	{"评分方法", JX__ROLE_RULE},
	{"评分规则", JX__ROLE_RULE},
	{"评价标准", JX__ROLE_RULE},
	{"计分方法", JX__ROLE_RULE},
	{"指标说明及评分标准", JX__ROLE_RULE},
	{"权重", JX__ROLE_WEIGHT},
	{"分值", JX__ROLE_WEIGHT},
	{"指标分值", JX__ROLE_WEIGHT},
	{"标准分", JX__ROLE_WEIGHT},
	{"标准分值", JX__ROLE_WEIGHT},
	{"满分", JX__ROLE_WEIGHT},
	{"权重分", JX__ROLE_WEIGHT},
	{"得分", JX__ROLE_SCORE},
	{"自评得分", JX__ROLE_SCORE},
	{"自评分", JX__ROLE_SCORE},
	{"评价得分", JX__ROLE_SCORE},
	{"实际得分", JX__ROLE_SCORE},
	{"实得分", JX__ROLE_SCORE},
	{"评分", JX__ROLE_SCORE},
	{"复核得分", JX__ROLE_REVIEW},
	{"复核分", JX__ROLE_REVIEW},
	{"复核评分", JX__ROLE_REVIEW},
	{"评价组评分", JX__ROLE_REVIEW},
	{"财政评价得分", JX__ROLE_REVIEW},
	{"财政复核得分", JX__ROLE_REVIEW},
	{"扣分原因", JX__ROLE_REASON},
	{"扣分说明", JX__ROLE_REASON},
	{"扣分理由", JX__ROLE_REASON},
	{"扣分原因和其他说明", JX__ROLE_REASON},
	{"偏差原因分析及改进措施", JX__ROLE_REASON},
	{"未完成原因及拟采取的改进措施", JX__ROLE_REASON},
	{"年度指标值", JX__ROLE_TARGET},
	{"年度目标值", JX__ROLE_TARGET},
	{"目标值", JX__ROLE_TARGET},
	{"指标值", JX__ROLE_TARGET},
	{"实际完成值", JX__ROLE_ACTUAL},
	{"完成值", JX__ROLE_ACTUAL},
	{"实际值", JX__ROLE_ACTUAL},
	{"全年实际值", JX__ROLE_ACTUAL},
	{"度量单位", JX__ROLE_UNIT},
	{"计量单位", JX__ROLE_UNIT},
	{"指标性质", JX__ROLE_NATURE},
	{"备注", JX__ROLE_NOTE},
	{"部门", JX__ROLE_DEPARTMENT},
	{"部门名称", JX__ROLE_DEPARTMENT},
	{"单位名称", JX__ROLE_DEPARTMENT},
	{"预算单位", JX__ROLE_DEPARTMENT},
	{"预算单位名称", JX__ROLE_DEPARTMENT},
	{"被评价单位", JX__ROLE_DEPARTMENT},
	{"年度", JX__ROLE_YEAR},
	{"年份", JX__ROLE_YEAR},
	{"评价年度", JX__ROLE_YEAR},
	{"所属年度", JX__ROLE_YEAR},
	{"类型", JX__ROLE_KIND},
	{"评价类型", JX__ROLE_KIND},
};

/* What --dry-run calls each role: the usual header of such a column. */
static const char *const labels[JX__ROLE_COUNT] = {
	"",         "序号",     "一级指标", "二级指标", "三级指标", "指标",       "指标解释",
	"评分标准", "分值",     "得分",     "复核得分", "扣分原因", "年度指标值", "实际完成值",
	"度量单位", "指标性质", "备注",     "部门",     "年度",     "类型",
};

jx__role jx__col_lookup(const char *norm)
{
	for (size_t i = 0; i < sizeof(synonyms) / sizeof(*synonyms); i++)
		if (!strcmp(norm, synonyms[i].name))
			return synonyms[i].role;
	return JX__ROLE_NONE;
}

const char *jx__col_label(jx__role role)
{
	return (unsigned)role < JX__ROLE_COUNT ? labels[role] : "";
}
