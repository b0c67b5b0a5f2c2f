#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# projects.sh -- project evaluations end to end: import of the project fixtures, list,
# show, export round trip, `projects`, rank, trend and plot with --project, and the
# errors (an unknown project, a project item without a project) that change nothing.
#
# Expected values are the hand-computed ones of tests/test_analysis_projects.c:
# 义务教育营养改善计划专项资金 2022 93/100 (execution 90%), 2023 108/110;
# 校舍维修改造资金 2022 91/100 (70%), 2023 86/100 良 (60%).
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "projects: FAIL: $*" >&2; exit 1; }
fx="$JX_SOURCE_DIR/tests/fixtures/csv"
scores="$fx/canonical_project_scores.csv" figures="$fx/canonical_project_figures.csv"
db="$tmp/p.db"
dept=示例县教育局 meal=义务教育营养改善计划专项资金 school=校舍维修改造资金

run() { # EXPECTED_EXIT ARGS...
	local want=$1 got
	shift
	"$JIXIAO" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || { sed 's/^/  stderr: /' "$tmp/err" >&2; fail "jixiao $* exited $got, expected $want"; }
}
has() { grep -qF -- "$2" "$1" || { sed 's/^/  | /' "$1" >&2; fail "${3:-$1} lacks: $2"; }; }

# ---- import; again is unchanged ----
run 0 import "$scores" "$figures"
has "$tmp/out" "4 evaluations added"
has "$tmp/out" "figures: 4 added"
run 0 import "$scores" "$figures"
has "$tmp/out" "4 unchanged"

# ---- list: nothing of the department itself, the projects with --project ----
run 0 list --format csv
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "list without --project shows project evaluations"
run 0 list --project all --format csv
has "$tmp/out" "department,year,kind,total_weight,total_score,grade,deducted,provenance,project"
has "$tmp/out" "$dept,2023,self,110,108,优,2,synthetic,$meal"
[ "$(wc -l <"$tmp/out")" -eq 5 ] || fail "list --project all: $(cat "$tmp/out")"
run 0 list --project 校舍 --format csv
[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "list --project 校舍 lists other projects"

# ---- show: targets, completion, reasons, the fund block ----
run 0 show "$dept" 2023 --project 校舍 --format csv
has "$tmp/out" "indicator,产出指标,时效指标,完工时间,20,10,10,0.5,stated,"
has "$tmp/out" ",2023年8月底前,2023年11月,missed,雨季延误工期"
run 0 show "$dept" 2023 --project 校舍
has "$tmp/out" "project_executed"
has "$tmp/out" "570000"
run 2 show "$dept" 2023 --project all --format csv

# ---- export: the files come back byte for byte ----
run 0 export --project all
cmp -s "$tmp/out" "$scores" || { diff "$scores" "$tmp/out" | head >&2; fail "scores round trip"; }
run 0 export --project all --what figures
cmp -s "$tmp/out" "$figures" || { diff "$figures" "$tmp/out" | head >&2; fail "figures round trip"; }

# ---- projects ----
run 0 projects --dept 示例县 --format csv
has "$tmp/out" "$school,2023,86,100,0.86,良,95,57,万元,0.6,4,3,1,0,完工时间: 2023年8月底前 → 2023年11月 (雨季延误工期),synthetic"
run 0 projects --dept 示例县 --view flags --format csv
has "$tmp/out" "$school,2022,2023,2,2,2,0.65,0.6,yes,,slow_execution,synthetic"
has "$tmp/out" "$meal,2022,2023,2,2,0,"
run 0 projects --dept 示例县 --view missed --unit 元 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == 5, len(d)' "$tmp/out" ||
	fail "projects --view missed --format json: not 5 missed targets"
run 0 projects --dept 示例县 --threshold 0.65
grep -q '^\* 校舍维修改造资金' "$tmp/out" || fail "starred rows: $(cat "$tmp/out")"

# ---- rank, trend, compare with --project ----
run 0 rank --project all --year 2023 --format csv
has "$tmp/out" "1,$dept,$meal,108,110,0.981818181818,优,100,0,synthetic"
has "$tmp/out" "2,$dept,$school,86,100,0.86,良,50,0,synthetic"
run 0 trend --dept 示例县 --project all --level total --format csv
head -n 1 "$tmp/out" | grep -q '^project,level,' || fail "trend --project all: no project column"
run 0 compare --dept 示例县 --project 义务教育 --level total --format csv
has "$tmp/out" "total,合计,,,100,93,0.93,110,108,0.9818"

# ---- errors change nothing ----
before=$(sqlite3 "$db" .dump | sha256sum)
run 1 trend --dept 示例县 --project 道路
has "$tmp/err" "no project named '道路'"
printf 'department,year,item,value,unit,project\n%s,2023,project_budget,100,元,\n' "$dept" >"$tmp/bad.csv"
run 1 import "$tmp/bad.csv"
has "$tmp/err" "bad.csv:2:3: project_budget is a figure of a project, so the project column must name it"
[ "$(sqlite3 "$db" .dump | sha256sum)" = "$before" ] || fail "a refused command changed the database"

# ---- the chart (when gnuplot is there) ----
if command -v gnuplot >/dev/null; then
	run 0 plot projects --dept 示例县 --out "$tmp/p.svg"
	grep -q '校舍维修改造资金' "$tmp/p.svg" || fail "the projects chart lacks a project"
fi
echo "projects: ok"
