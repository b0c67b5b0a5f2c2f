#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n_lang.sh -- the language of messages: the locale's (Chinese under zh_*), --lang over it,
# on a machine without any zh_CN locale generated; the pseudo catalog wraps gettext'd texts.
set -euo pipefail
J=${JIXIAO:?}
. "$(dirname "$0")/lib.sh"
zh=$(env -u LC_ALL -u LANGUAGE LANG=zh_CN.UTF-8 "$J" --help)
echo "$zh" | grep -q "退出码：0 成功" || fail "LANG=zh_CN.UTF-8 did not give Chinese: $zh"
en=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$J" --help)
echo "$en" | grep -q "Exit codes: 0 ok" || fail "C.UTF-8 did not give English"
echo "$en" | grep -q "退出码" && fail "C.UTF-8 gave Chinese"
over=$(env -u LANGUAGE LC_ALL=zh_CN.UTF-8 "$J" --lang en --help)
echo "$over" | grep -q "Exit codes: 0 ok" || fail "--lang en did not override a Chinese locale"
over=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$J" --lang=zh --help)
echo "$over" | grep -q "退出码" || fail "--lang=zh did not override an English locale"
pseudo=$(env -u LANGUAGE LC_ALL=C.UTF-8 JIXIAO_CATALOG=x_PSEUDO "$J" --lang zh --help)
echo "$pseudo" | grep -q "⟦Exit codes: 0 ok, 1 error, 2 usage.⟧" || fail "pseudo catalog not used: $pseudo"
# Documents: Chinese by default whatever the locale; the global --lang and the report's own
# --lang choose; the terminal summary follows the messages' language.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/r.db
"$J" --db "$db" import "$JX_SOURCE_DIR"/datasets/real/*.txt >/dev/null 2>&1 || fail "import"
# A reader's warning speaks the interface's language too (the seed's inferred score).
w=$(env -u LANGUAGE LC_ALL=C.UTF-8 "$J" --lang zh --db "$tmp/w.db" import "$JX_SOURCE_DIR"/datasets/real/*.txt 2>&1 >/dev/null)
grep -qF ":149: 警告：部门管理/预算执行/部门预算执行率 的得分缺失；根据合计 98（第 177 行）推算为 2" <<<"$w" ||
	fail "the seed's warning is not Chinese under --lang zh: $w"
# Errors keep the `file:place: what is wrong` shape in Chinese too: ASCII ": " after the
# place (editors and scripts parse it), the message itself in Chinese.
zherr() { env -u LANGUAGE LC_ALL=C.UTF-8 "$J" --lang zh --db "$db" import "$JX_SOURCE_DIR/tests/fixtures/docs/$1" 2>&1 || true; }
err="$(zherr encrypted.docx)
$(zherr formula.xlsx)"
grep -qF "encrypted.docx: 加密" <<<"$err" && grep -qF "formula.xlsx:评分表!E5: 得分: 公式" <<<"$err" ||
	fail "a Chinese error lost the ASCII ': ' after its place: $err"
grep -qE "(docx|xlsx)[^ ]*：" <<<"$err" && fail "a full-width colon after the place: $err"
dept=南京市公安局禁毒支队
rep() { "$J" --db "$db" "$@" --dept "$dept" --no-charts --out - 2>&1; }
has() { grep -qF -- "$2" <<<"$1"; }
out=$(rep report)
has "$out" "部门整体绩效分析与规划参考报告" || fail "default report is not Chinese"
has "$out" "Performance Analysis" && fail "default report has English headings"
out=$(rep --lang en report)
has "$out" "<h1>Performance Analysis and Planning Report</h1>" ||
  fail "global --lang en did not give an English report"
has "$out" "(1 evaluated year)" || fail "English plural of one year"
# the department's own words (functions, staff, problems, suggestions) are data, quoted as written
has "$out" "Problems the department itself reported (2023 report, as written)" ||
  fail "English heading of the department's own words"
words=$(grep -vF -e '>Functions (as its ' -e '>Staff (as its ' -e '>Problems and causes: <' -e '>Suggestions: <' \
  -e '<tr id="target-' <<<"$out") # data quoted as written: own words, indicator names
has "$words" "年" && fail "Chinese words in the English report"
has "$(rep --lang en report --lang zh)" "部门整体绩效分析与规划参考报告" ||
  fail "report --lang zh did not win over the global --lang en"
sum=$(env -u LANGUAGE LC_ALL=zh_CN.UTF-8 "$J" --db "$db" report --dept "$dept" --no-charts \
  --out "$tmp/r.md" --summary | tail -n 3)
echo "$sum" | grep -q "薄弱指标" || fail "summary under a Chinese locale: $sum"
sum=$("$J" --db "$db" report --dept "$dept" --no-charts --out "$tmp/r.md" --summary | tail -n 3)
echo "$sum" | grep -q "weak indicator" || fail "summary under C.UTF-8: $sum"
set +e
"$J" --lang fr --help >/dev/null 2>&1
rc=$?
set -e
[ $rc -eq 2 ] || fail "--lang fr should be a usage error (2), got $rc"
echo "ok"
