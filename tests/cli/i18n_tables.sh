#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n_tables.sh -- terminal tables for people: the synthetic demo department's tables fit 100
# columns (--wide shows every column), speak Chinese under --lang zh (headings, codes; the
# English words allowed are the methods' names below, docs/zh/用户指南.md), show rates as
# percentages and money with thousands separators; CSV keeps English codes and fractions.
# Column headings are catalog entries: no Chinese in them under --lang en, and under --lang zh
# exactly the headings of tests/i18n/headings_zh.txt.
set -euo pipefail
J=${JIXIAO:?}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8 # wc -L counts CJK characters as 2 columns
unset LANGUAGE
db=$tmp/t.db
syn=$JX_SOURCE_DIR/datasets/synthetic
"$J" --db "$db" import "$syn/scores.csv" "$syn/figures.csv" >/dev/null 2>&1 || fail "import"
"$J" --db "$db" alias add --file "$syn/aliases.csv" >/dev/null || fail "aliases"
d=示例市公安局禁毒支队
allowed='^(logit|Sen|OLS|Mann-Kendall|Benjamini-Hochberg)$'
for c in "list" "compare --dept $d" "trend --dept $d" "weak --dept $d" \
  "deductions --dept $d" "figures --dept $d" "rank" "forecast --dept $d" \
  "variance --dept $d" "show $d 2023"; do
  # shellcheck disable=SC2086 # the command's words
  "$J" --db "$db" --lang zh $c >"$tmp/out" 2>&1 || fail "$c failed"
  grep -E '^(  |\* )' "$tmp/out" >"$tmp/rows" || fail "$c: no table"
  w=$(wc -L <"$tmp/rows")
  [ "$w" -le 100 ] || fail_later "$c: table $w columns wide (> 100)"
  words=$({ grep -oE '[A-Za-z][A-Za-z_-]+' "$tmp/rows" || true; } | { grep -vE "$allowed" || true; } |
    sort -u | tr '\n' ' ')
  [ -z "$words" ] || fail_later "$c --lang zh: English in the table: $words"
  # shellcheck disable=SC2086 # the command's words
  "$J" --db "$db" --lang en $c >"$tmp/out" 2>&1 || fail "$c --lang en failed"
  w=$(grep -E '^(  |\* )' "$tmp/out" | wc -L)
  [ "$w" -le 100 ] || fail_later "$c --lang en: table $w columns wide (> 100)"
done
"$J" --db "$db" --lang zh trend --dept "$d" --wide >"$tmp/out"
[ "$(grep -E '^(  |\* )' "$tmp/out" | wc -L)" -gt 100 ] || fail_later "trend --wide is not wide"
grep -q 'Sen斜率' "$tmp/out" || fail_later "trend --wide lacks a column"
# 2020 → 2023 of 部门管理: 34.5/35 → 33.5/35, shown as 98.6% → 95.7%, -2.9 points, 下降
"$J" --db "$db" --lang zh compare --dept "$d" >"$tmp/out"
grep -qE '^\* +部门管理 +98\.6% +95\.7% +-2\.9 +-1 +下降' "$tmp/out" ||
  fail_later "compare row of 部门管理 not as expected: $(grep 部门管理 "$tmp/out" | head -1)"
"$J" --db "$db" --lang en compare --dept "$d" >"$tmp/out"
grep -qE '^\* +部门管理 .* declined$' "$tmp/out" ||
  fail_later "compare --lang en: status not in English"
# figures: 2016 budget 3087.55 万元 → 3,087.55; execution 3286.35 / 3087.55 = 106.4%
"$J" --db "$db" --lang zh figures --dept "$d" >"$tmp/out"
grep -qE '^  2016 +3,087\.55 +3,286\.35 +106\.4%' "$tmp/out" || fail_later "figures 2016 row"
# Slopes and standard deviations of rates in percentage points (CSV keeps fractions). The total's
# rates 2016-2019: 1, 0.985, 0.96, 0.985; 2020-2023 (a new framework period): 0.975, -, -, 0.97.
# Slope with a step at the break, by hand: Sxy = -0.035 + -0.0075, Sxx = 5 + 4.5, so
# -0.0425 / 9.5 = -0.00447 a year = -0.4 points a year. SD (n - 1) of the six rates: mean
# 0.979167, squares summed 0.000970833, / 5 = 0.000194167, sqrt = 0.013934 = 1.4 points.
"$J" --db "$db" --lang zh trend --dept "$d" --level total >"$tmp/out"
grep -q '斜率/年(百分点)' "$tmp/out" || fail_later "trend: slope heading without its unit"
grep -qE '^  合计 +6 +-0\.4 +0\.3333 ' "$tmp/out" ||
  fail_later "trend slope not -0.4 points a year: $(grep 合计 "$tmp/out")"
"$J" --db "$db" --lang en variance --dept "$d" --level total >"$tmp/out"
grep -q 'SD (pp)' "$tmp/out" || fail_later "variance: SD heading without its unit"
grep -qE '^  合计 +6 +97\.9% +1\.4 +96\.0% +100\.0%$' "$tmp/out" ||
  fail_later "variance SD not 1.4 points: $(grep 合计 "$tmp/out")"
"$J" --db "$db" --lang zh variance --dept "$d" --level total --format csv >"$tmp/csv"
grep -q ',0.0139343699774,' "$tmp/csv" || fail_later "variance CSV: sd not a fraction"
# CSV unchanged: English codes, rates as fractions
"$J" --db "$db" --lang zh compare --dept "$d" --format csv >"$tmp/csv"
head -n 1 "$tmp/csv" | grep -q '^level,level1,level2,level3,weight_from,' || fail_later "CSV header"
grep -q ',declined,' "$tmp/csv" || fail_later "CSV status code translated"
grep -q ',35,33.5,0.957142857143,' "$tmp/csv" || fail_later "CSV rate not a fraction"
# Headings of every table of the main commands (--wide: every column): the first line of each
# block of table lines.
d2=示例市住房和城乡建设局 # has review evaluations
p=示例市教育局        # has projects
headings() { # LANG: the heading lines, one block per command
  while IFS= read -r c; do
    echo "== $c"
    # shellcheck disable=SC2086 # the command's words
    "$J" --db "$db" --lang "$1" $c >"$tmp/h" 2>&1 || echo "FAILED"
    awk '/^(  |\* )/ { if (!intable) print; intable = 1; next } { intable = 0 }' "$tmp/h" |
      sed 's/  */ /g'
  done <<EOF
list
show $d 2023 --wide
compare --dept $d --wide
compare --dept $d2 --self-vs-review --wide
compare --gap --wide
trend --dept $d --wide
weak --dept $d --wide
deductions --dept $d --wide
deductions --dept $d --view runs --wide
deductions --dept $d --view transitions --wide
deductions --dept $d --view pairs --all --wide
figures --dept $d --wide
rank --wide
rank --categories --wide
rank --project all --wide
forecast --dept $d --wide
variance --dept $d --wide
variance --dept $d --decompose --wide
variance --across 2023 --wide
projects --dept $p
projects --dept $p --view missed
projects --dept $p --view flags
overview
overview --view weak
overview --view gap
overview --view movers
overview --view warnings
overview --view distribution
indicators --dept $d --wide
indicators --dept $d --unmatched --wide
grades
alias list
EOF
}
"$J" --db "$db" import "$syn/projects.csv" "$syn/project_figures.csv" >/dev/null 2>&1 ||
  fail "import projects"
headings en >"$tmp/en"
! grep -q FAILED "$tmp/en" || fail_later "a command failed: $(grep -B3 FAILED "$tmp/en" | head -4)"
cjk=$({ grep -P '[\x{3400}-\x{9fff}]' "$tmp/en" || true; } | { grep -v '^== ' || true; })
[ -z "$cjk" ] || fail_later "--lang en: Chinese in headings: $cjk"
headings zh >"$tmp/zh"
diff -u "$JX_SOURCE_DIR/tests/i18n/headings_zh.txt" "$tmp/zh" >&2 ||
  fail_later "--lang zh: headings differ from tests/i18n/headings_zh.txt"
finish
