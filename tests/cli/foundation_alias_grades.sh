#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# foundation_alias_grades.sh -- `indicators --unmatched`, `alias` and `grades` end to end.
#
# Fixture tests/fixtures/csv/renamed.csv (synthetic): one department, 2021 and 2022; the
# indicator 支付进度率 (2021) is renamed 资金支付进度率 (2022), two characters apart.
# Totals: 2021 45+50 = 95 (优), 2022 40+45 = 85 (良).
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"
. "$(dirname "$0")/lib.sh"
db="$tmp/j.db"
run_db=$db
same() { # EXPECTED-LINES...: stdout must be exactly these lines
	printf '%s\n' "$@" >"$tmp/want"
	cmp -s "$tmp/out" "$tmp/want" || { diff "$tmp/want" "$tmp/out" >&2; fail "unexpected output"; }
}
dept=示例市测试局
old=投入/预算执行/支付进度率
new=投入/预算执行/资金支付进度率

run 0 init
run 0 import "$JX_SOURCE_DIR/tests/fixtures/csv/renamed.csv"
run 0 list --format csv
same "department,year,kind,total_weight,total_score,grade,deducted,provenance" \
	"$dept,2021,self,100,95,优,5,synthetic" "$dept,2022,self,100,85,良,15,synthetic"

# ---- indicators: the renamed pair, each suggesting the other at distance 2 ----
run 0 indicators --unmatched --format csv
same "department,key,level3,years,n_years,suggestion,distance" \
	"$dept,$old,支付进度率,2021,1,$new,2" "$dept,$new,资金支付进度率,2022,1,$old,2"
run 0 indicators --format csv
same "department,key,level3,years,n_years" "$dept,$old,支付进度率,2021,1" \
	"$dept,产出/产出数量/完成率,完成率,2021-2022,2" "$dept,$new,资金支付进度率,2022,1"

# ---- alias: join them (bare level-3 names are enough when they name one key) ----
run 0 alias add 支付进度率 资金支付进度率
has "$tmp/out" "alias added"
run 0 alias list --format csv
same "old_key,new_key" "$old,$new"
run 0 indicators --unmatched --format csv
same "department,key,level3,years,n_years,suggestion,distance"
run 0 indicators --format csv
same "department,key,level3,years,n_years" "$dept,$new,资金支付进度率,2021-2022,2" \
	"$dept,产出/产出数量/完成率,完成率,2021-2022,2"
run 1 alias add "$new" "“支付进度率”"
has "$tmp/err" "cycle"
run 1 alias add 没有这个指标 资金支付进度率
has "$tmp/err" "no stored indicator is named '没有这个指标'"
run 2 alias add onlyone
run 2 alias rename a b
run 0 alias remove "$old"
run 0 alias list --format csv
same "old_key,new_key"
run 1 alias remove "$old"

# an alias file is all or nothing: the second row makes a cycle, so the first is not kept
printf 'old,new\n%s,%s\n%s,%s\n' "$old" "$new" "$new" "$old" >"$tmp/aliases.csv"
run 1 alias add --file "$tmp/aliases.csv"
has "$tmp/err" "$tmp/aliases.csv:3: alias $new -> $old would make a cycle"
run 0 alias list --format csv
same "old_key,new_key"
# errors name the physical line (a blank line does not shift it)
printf '# provenance: synthetic\nold,new\n\n%s,%s,extra\n' "$old" "$new" >"$tmp/aliases.csv"
run 1 alias add --file "$tmp/aliases.csv"
has "$tmp/err" "$tmp/aliases.csv:4: expected 2 fields (old,new)"

# ---- grades: defaults, re-grading, refusals ----
run 0 grades --format csv
same "grade,min_score" "优,90" "良,80" "中,60" "差,0"
run 0 grades set 达标=90 未达标=0
run 0 list --format csv
same "department,year,kind,total_weight,total_score,grade,deducted,provenance" \
	"$dept,2021,self,100,95,达标,5,synthetic" "$dept,2022,self,100,85,未达标,15,synthetic"
run 1 grades set A=95 B=10
has "$tmp/err" "lowest grade band must start at 0"
run 2 grades set A95
run 2 grades set A=ninety
run 0 grades --format csv
same "grade,min_score" "达标,90" "未达标,0"

echo "foundation_alias_grades: ok"
