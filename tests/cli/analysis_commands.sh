#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# analysis_commands.sh -- end-to-end runs of the analysis commands (compare, trend,
# forecast, variance, deductions, weak, figures, rank) on tests/fixtures/analysis/*.csv
# in all three formats, with --all-departments streaming, and their exit codes.
#
# The expected numbers are the hand calculations of docs/methods.md (the same
# fixture as tests/support/analysis_fixture.h), printed to 12 significant digits:
# total trend of 甲 = −29/5900 per year; forecast 2022 = 0.89779 in [0.60533, 0.98371];
# variance shares −1.25/20.75 and 22/20.75; 流程 2017→2019 −20 pp; 执行率 lost 14 of 33.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
fx="$JX_SOURCE_DIR/tests/fixtures/analysis"
db="$tmp/a.db"
run_db=$db

line() { grep -qxF -- "$1" "$tmp/out" || { sed 's/^/  | /' "$tmp/out" >&2; fail "no line: $1"; }; }
count() { # count PATTERN WANT: lines of stdout matching the fixed string
	local n
	n=$(grep -cF -- "$1" "$tmp/out")
	[ "$n" -eq "$2" ] || { sed 's/^/  | /' "$tmp/out" >&2; fail "$n lines with '$1', expected $2"; }
}
json_ok() { # an array of objects, one per line, brackets balanced
	head -c1 "$tmp/out" | grep -q '\[' || fail "JSON does not start with ["
	tail -n1 "$tmp/out" | grep -qx '\]' || fail "JSON does not end with ]"
	[ "$(grep -c '^  {.*}[,]\?$' "$tmp/out")" -eq "$1" ] || { cat "$tmp/out" >&2; fail "JSON objects != $1"; }
}

run 0 import "$fx/scores.csv" "$fx/figures.csv"

# ---- trend: three formats ----
run 0 trend --dept 甲 --level total --format csv
line 'level,level1,level2,level3,n,first_year,last_year,slope,slope_se,t,p_value,r2,theil_sen,direction,missing_years,inferred_years,rates,provenance,q_value,mk_s,p_method,periods'
count 'total,合计,,,4,2016,2021,-0.00491525423729,' 1
# four years in one period: S = 0 (three falls, three rises), p = 1, too few years to tell
count ',1,0.171737798652,-0.0015,too few years,1,1,2016 0.96; 2017 0.9; 2019 0.91; 2020 ?*; 2021 0.92,synthetic,,0,exact,2016-2021' 1
run 0 trend --dept 甲 --level total --format json
json_ok 1
has "$tmp/out" '"slope": -0.00491525423729'
has "$tmp/out" '"direction": "too few years"'
has "$tmp/out" '"provenance": "synthetic"'
has "$tmp/out" '"q_value": null'
run 0 trend --dept 甲 --wide
has "$tmp/out" 'synthetic data: fictional departments'
has "$tmp/out" 'too few years'
has "$tmp/out" ' trend '
count '  3     ' 7 # seven indicators
# the trend with x = year, first three years only: −19/1400
run 0 trend --dept 甲 --years 2016-2020 --level total --format csv
count 'total,合计,,,3,2016,2019,-0.0135714285714,' 1

# ---- compare ----
run 0 compare --dept 甲 --from 2017 --to 2019 --level 3 --format csv
line '3,决策,机制,流程,10,9,0.9,10,7,0.7,-20,-2,declined,0,0,0,synthetic'
line '3,管理,预算,公开,,,,10,9,0.9,,,new,0,0,0,synthetic'
line '3,管理,预算,预决算公开,10,10,1,,,,,,dropped,0,0,0,synthetic'
run 0 compare --dept 甲 --from 2019 --to 2021 --format json --level 3
json_ok 6
has "$tmp/out" '"status": "weight changed"'
run 0 compare --dept 甲 --from 2019 --to 2020 --level total --format csv
line 'total,合计,,,100,91,0.91,100,,,,,unknown,0,1,1,synthetic'
run 0 compare --self-vs-review --dept 甲 --level 3 --format csv
line '2021,3,管理,资产,资产制度,40,40,40,38,2,1,0.95,5,yes,synthetic'
count ',yes,synthetic' 2
# the alias joins the renamed indicator
run 0 alias add 管理/预算/预决算公开 管理/预算/公开
run 0 compare --dept 甲 --from 2017 --to 2019 --level 3 --format csv
line '3,管理,预算,公开,10,10,1,10,9,0.9,-10,-1,declined,0,0,0,synthetic'
run 0 alias remove 管理/预算/预决算公开

# ---- forecast ----
run 0 forecast --dept 甲 --level total --format csv
# the logit of the shrunk rate, dispersion pooled (tests/test_analysis.c has the numbers)
count 'total,合计,,,4,2022,0.897790218423,0.605326583768,0.983707820151,0.897790218423,0.605326583768,0.983707820151,' 1
count ',synthetic,logit_trend,2016-2021,3' 1
# two years: an interval from the pooled year-to-year changes, no point forecast
run 0 forecast --dept 丙 --level total --format csv
count 'total,合计,,,2,2022,,0.256212998631,1,,0.256212998631,1.00203356511,' 1
count ',pooled_changes,2020-2021,2' 1
run 1 forecast --dept 乙
has "$tmp/err" 'at least 3 years'

# ---- variance ----
run 0 variance --dept 甲 --decompose --format csv
line '决策,4,18.25,-0.416666666667,,-0.0602409638554,synthetic'
line '管理,4,74,7.33333333333,,1.06024096386,synthetic'
run 0 variance --dept 甲 --level 3 --format csv
count '3,决策,机制,流程,5,0.82,0.007,' 1
count '3,决策,机制,制度,5,1,0,0,0,1,1,' 1 # identical rates: variance 0, cv 0
run 0 variance --across 2021 --level total --format csv
line 'total,合计,,,3,0.896666666667,0.0404145188433,0.85,0.92,乙,丙,synthetic'

# ---- deductions ----
run 0 deductions --dept 甲 --level 3 --format csv
count '3,管理,预算,执行率,14,0.424242424242,0.424242424242,4,5,1,' 1
run 0 deductions --dept 甲 --view runs --format csv
count '3,决策,机制,流程,5,5,"2016, 2017, 2019, 2020, 2021",5,2016,2021,5,0,0,4,0,synthetic' 1
run 0 deductions --dept 甲 --view transitions --format csv
line '2019,2020,0,2,1,1,1,synthetic'
# pairs need 4 years both known and a Fisher test that could pass: none here
run 0 deductions --dept 甲 --view pairs --format json
line '[]'
run 0 deductions --dept 甲 --view pairs --all --format csv
# 流程 and 执行率 both deducted in all 4 years both are known: p = 1, no q
line '流程,执行率,,4,0,0,0,决策/机制/流程,管理/预算/执行率,synthetic,1,'
count ',synthetic,1,' 3

# ---- weak ----
# window 2019-2021, the department lost 9 + 2 + 8 = 19 points: 流程 (3, 2, 1) persistent and
# 6/19 large, 执行率 (3, ?, 5) persistent and 8/19 large, 绩效 new (2021 only); 公开 and
# 资产制度 lost in 2019 only, full marks since: resolved, listed after the weak ones
run 0 weak --dept 甲 --format csv
count ',synthetic' 5
has "$tmp/out" '3,决策,机制,流程,"persistent,large","persistent: lost points in 3 of the last 3 years (rule: >= 2, the latest included); large: 0.3158 of the department'"'"'s points lost (rule: >= 0.15)",3,3,0.8,6,'
has "$tmp/out" '2019 0.7 (-3); 2020 0.8 (-2) inferred; 2021 0.9 (-1),synthetic,,1,0.315789473684'
has "$tmp/out" '3,管理,预算,绩效,new,"new: lost 2 of 10 in 2021, the only loss in the window",1,1,'
count ',resolved,' 2
# K = 3 leaves 执行率 (2 years) not persistent, a share of 0.5 not large; with one clean
# year enough, 公开 and 资产制度 stay resolved
run 0 weak --dept 甲 --min-deducted 3 --large-share 0.5 --resolved-years 1 --format csv
count ',synthetic' 4
count ',persistent,' 1
count ',new,' 1
run 0 weak --dept 甲 --threshold 0.85 --format csv
count 'low_rate' 3

# ---- figures ----
run 0 figures --dept 甲 --format csv
line '2021,100,,,95,90,60,30,0.9,0.666666666667,0.333333333333,,,,,,,synthetic'
line '2025,,,,,143.75,,,,,,,,0.200016695884,1,0.133338898628,no,synthetic'
run 0 figures --dept 甲 --growth-threshold 0.12 --format json
has "$tmp/out" '"growth_warning": "yes"'
has "$tmp/err" 'warning: 甲: mean expenditure growth'
# four growths asked for, three exist: no verdict at all (neither yes nor no)
run 0 figures --dept 甲 --growth-years 4 --format csv
line '2025,,,,,143.75,,,,,,,,0.200016695884,1,0.133338898628,,synthetic'

# ---- rank ----
run 0 rank --year 2021 --format csv
line '3,乙,85,100,0.85,良,33.3333333333,0,synthetic,3'
count ',100,0.92,优,100,0,synthetic' 2
has "$tmp/out" 'rank,department,total_score,total_weight,rate,grade,percentile,missing,provenance,peers'
# 2020: 甲's total is unknown (a missing score), 丙 has no peer left: neither is ranked
run 0 rank --year 2020 --format csv
line ',丙,100,100,1,优,,0,synthetic,1'
line ',甲,,100,,,,1,synthetic,'
run 0 rank --year 2021 --kind review --format table
has "$tmp/out" 'ranked on review totals only'

# ---- list agrees with trend on unknown totals ----
run 0 list --dept 甲 --format csv
has "$tmp/out" 'department,year,kind,total_weight,total_score,grade,deducted,provenance,scored_weight'
line '甲,2020,self,100,,,2,synthetic,80'
line '甲,2019,self,100,91,优,9,synthetic,'
run 0 trend --dept 甲 --level total --format csv
has "$tmp/out" '2019 0.91; 2020 ?*; 2021 0.92'
run 0 show 甲 2020 --format csv
line 'total,合计,,,100,,2,,incomplete,,80'
run 0 list --dept 丙 --format csv
line 'department,year,kind,total_weight,total_score,grade,deducted,provenance'

# ---- self against review: the gap test ----
run 0 compare --gap --format csv
line '甲,1,2021,2021,1,0,0,3,3,0.5,,too few years,synthetic,'
run 0 rank --year 2021 --categories --format csv
line '甲,管理,0.9125,0.9,1.25,3,synthetic'

# ---- --all-departments streams one department at a time ----
run 0 trend --all-departments --level total --format csv
count 'department,level,' 1
count ',total,合计,' 3
run 0 deductions --all-departments --view transitions --format json
json_ok 5 # 丙 1, 乙 0 (one year), 甲 4
run 0 weak --all-departments --format csv
count 'department,' 1
run 0 variance --all-departments --level 1 --format table --wide
count '  source' 3 # a heading line per department
run 0 trend --all-departments --kind review --level total --format csv
count ',total,' 1
has "$tmp/err" '2 of 3 departments have no review evaluation'

# ---- errors ----
run 2 trend --dept 甲 --level 4
run 2 trend --dept 甲 --all-departments
run 2 trend
has "$tmp/err" 'name one with --dept'
run 1 trend --dept 不存在
has "$tmp/err" "no department named '不存在'"
run 1 compare --dept 甲 --from 2018 --to 2019
has "$tmp/err" '2018'
run 2 compare --dept 甲 --from 2020 --to 2019
run 2 weak --dept 甲 --window 0
for c in compare trend forecast variance deductions weak figures rank; do
	run 0 "$c" --help
	has "$tmp/out" "usage: jixiao [--db PATH] $c"
done
echo "analysis_commands: ok"
