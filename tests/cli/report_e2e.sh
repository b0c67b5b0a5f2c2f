#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# report_e2e.sh -- `jixiao report` end to end on the bundled datasets.
#
# Imports datasets/ the way scripts/demo does, writes the HTML report of a
# synthetic department with many years and of the real one-year report, and
# checks: every section present; the document well-formed (xmllint --noout);
# every in-page link lands on an id; the numbers in the report equal what the
# analysis commands print (their --format csv output, parsed with sqlite3,
# compared within the rounding of the report's display); the synthetic banner;
# English headings with --lang en; Markdown with its PNG charts beside it.
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -euo pipefail
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"
checks=0
ok() { checks=$((checks + 1)); }

db=$tmp/t.db
J() { "$JIXIAO" --db "$db" "$@"; }
J init >/dev/null
files=("$JX_SOURCE_DIR"/datasets/real/*.txt)
files+=($(find "$JX_SOURCE_DIR/datasets/synthetic" -name '*.csv' ! -name aliases.csv | sort)
        $(find "$JX_SOURCE_DIR/datasets/synthetic" -name '*.txt' | sort))
J import -q "${files[@]}" >/dev/null
J alias add --file "$JX_SOURCE_DIR/datasets/synthetic/aliases.csv" >/dev/null

# q CSV SQL: rows of a CSV file (table t), fields separated by \x1f (empty fields kept).
q() { sqlite3 -batch -noheader -separator $'\x1f' :memory: -cmd ".import --csv $1 t" "$2"; }
# xp XPATH: string value in the report under test ($html).
xp() { xmllint --xpath "$1" "$html" 2>/dev/null || true; }
# near SHOWN VALUE SCALE DECIMALS WHAT: the report's SHOWN text is VALUE×SCALE rounded
# to DECIMALS ("—" for an empty VALUE, "<0.001" for tiny p-values).
near() {
  awk -v s="$1" -v v="$2" -v k="$3" -v d="$4" 'BEGIN {
    if (v == "") exit !(s == "\342\200\224")
    if (s == "<0.001") exit !(v * k < 0.0005 + 1e-12)
    gsub(/[%,+]/, "", s)
    if (s !~ /^-?[0-9]+(\.[0-9]+)?$/) exit 1
    diff = s - v * k; if (diff < 0) diff = -diff
    exit !(diff <= 0.5 * 10 ^ (-d) + 1e-9) }' || fail "$5: report shows '$1', the analysis prints '$2'"
  ok
}
same() { [ "$1" = "$2" ] || fail "$3: report shows '$1', expected '$2'"; ok; }

dept=示例市公安局禁毒支队
html=$tmp/r.html
J report --dept "$dept" --out "$html" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail "report failed"; }
grep -qx "$html" "$tmp/out" || fail "report does not print the file it wrote"
[ ! -s "$tmp/err" ] || { cat "$tmp/err"; fail "report warned"; }

# ---- well-formed, self-contained, sections, links ----
xmllint --noout "$html" || fail "HTML is not well-formed"
ok
for id in basics summary targets problems suggestions budget-use appendix trends weak deductions forecast figures projects review provenance; do
  same "$(xp "count(//section[@id='$id']/h2)")" 1 "section $id"
done
# the bureau's order: the body, then the statistics appendix
same "$(xp "//section/@id" | sed 's/.*id="\([^"]*\)".*/\1/' | tr '\n' ' ')" "basics summary targets problems suggestions budget-use appendix trends weak deductions forecast figures projects review provenance " "section order"
same "$(xp 'count(//script)')" 0 "script elements"
same "$(xp "count(//@*[local-name()='href' or local-name()='src'][not(starts-with(., '#') or starts-with(., 'data:'))])")" 0 \
  "external references"
n_svg=$(xp 'count(//*[local-name()="svg"])')
[ "$n_svg" -ge 6 ] || fail "expected at least 6 inline SVG charts, found $n_svg"; ok
for href in $(xp "//a/@href" | sed -n 's/.*href="#\([^"]*\)".*/\1/p' | sort -u); do
  same "$(xp "count(//*[@id='$href'])")" 1 "link target #$href"
done
same "$(xp "count(//div[@class='banner'][contains(., '合成数据')])")" 1 "synthetic banner"
n_sug=$(xp "count(//section[@id='suggestions']//li)")
[ "$n_sug" -ge 1 ] || fail "no planning suggestion"; ok
same "$(xp "count(//section[@id='suggestions']//li[not(a[starts-with(@href,'#')])])")" 0 \
  "suggestions without an evidence link"

# ---- 绩效目标完成情况: one row per indicator of the latest evaluation, as `show` prints it;
# 存在问题及原因: each problem lost points in the latest year (its row of that table) ----
J show "$dept" 2024 --format csv >"$tmp/show.csv"
same "$(xp "count(//table[@id='t-targets']/tbody/tr)")" \
  "$(q "$tmp/show.csv" "select count(*) from t where row_type = 'indicator'")" "indicator rows"
while IFS=$'\x1f' read -r i l3 w sc ded; do
  row="//tr[@id='target-$i']"
  same "$(xp "normalize-space($row/td[2])")" "$l3" "target row $i name"
  near "$(xp "normalize-space($row/td[last()-4])")" "$w" 1 2 "target row $i full marks"
  near "$(xp "normalize-space($row/td[last()-3])")" "$sc" 1 2 "target row $i score"
  near "$(xp "normalize-space($row/td[last()-1])")" "$ded" 1 2 "target row $i points lost"
done < <(q "$tmp/show.csv" "select row_number() over (order by rowid) - 1, level3, weight, score, deduction from t where row_type = 'indicator'")
n_prob=$(xp "count(//section[@id='problems']/ol/li)")
[ "$n_prob" -ge 1 ] && [ "$n_prob" -le 5 ] || fail "$n_prob main problems, expected 1 to 5"; ok
for k in $(seq 1 "$n_prob"); do
  t=$(xp "string(//li[@id='problem-$k']/a/@href)"); t=${t#\#}
  ded=$(xp "normalize-space(//tr[@id='$t']/td[last()-1])")
  [ "${ded:-0}" != 0 ] || fail "problem $k links to $t, which lost no points"; ok
done

# ---- summary: rank, score, grade, change ----
latest=$(J list --dept "$dept" --kind self --format csv | tail -1 | cut -d, -f2)
J rank --year "$latest" --format csv >"$tmp/rank.csv"
IFS=$'\x1f' read -r rank score weight grade < <(q "$tmp/rank.csv" \
  "select rank, total_score, total_weight, grade from t where department = '$dept'")
nranked=$(q "$tmp/rank.csv" "select count(*) from t where rank <> ''")
card() { xp "normalize-space(//section[@id='summary']/div[@class='cards']/div[$1]/div[@class='$2'])"; }
same "$(card 1 value)" "$score / $weight" "summary score"
same "$(card 1 sub)" "等级：$grade" "summary grade"
same "$(card 3 value)" "$rank / $nranked" "summary rank"
prev=$(J list --dept "$dept" --kind self --format csv | tail -2 | head -1 | cut -d, -f2)
J compare --dept "$dept" --from "$prev" --to "$latest" --level total --format csv >"$tmp/cmp.csv"
near "$(card 2 value | sed 's/ 分$//')" "$(q "$tmp/cmp.csv" "select delta_points from t")" 1 2 "change in points"

# ---- trends: total and categories ----
J trend --dept "$dept" --level total --format csv >"$tmp/trend.csv"
J trend --dept "$dept" --level 1 --format csv | tail -n +2 >>"$tmp/trend.csv"
declare -A dir_zh=([flat]=无显著趋势 [rising]=显著上升 [falling]=显著下降 ["too few years"]=年度不足)
while IFS=$'\x1f' read -r level name n slope se p r2 ts direction; do
  [ "$level" = total ] && name=合计（总分）
  row="//table[@id='t-trend']/tbody/tr[td[1]='$name']"
  same "$(xp "count($row)")" 1 "trend row $name"
  same "$(xp "string($row/td[2])")" "$n" "trend n of $name"
  near "$(xp "string($row/td[3])")" "$slope" 100 2 "trend slope of $name"
  near "$(xp "string($row/td[4])")" "$se" 100 2 "trend slope_se of $name"
  near "$(xp "string($row/td[5])")" "$p" 1 3 "trend p of $name"
  near "$(xp "string($row/td[6])")" "$r2" 1 2 "trend r2 of $name"
  near "$(xp "string($row/td[7])")" "$ts" 100 2 "Theil-Sen of $name"
  same "$(xp "string($row/td[8])")" "${dir_zh[$direction]}" "direction of $name"
done < <(q "$tmp/trend.csv" "select level, level1, n, slope, slope_se, p_value, r2, theil_sen, direction from t")

J compare --dept "$dept" --from "$prev" --to "$latest" --level 1 --format csv >"$tmp/cmp1.csv"
while IFS=$'\x1f' read -r name rate_to dpp dpts; do
  row="//table[@id='t-compare']/tbody/tr[td[1]='$name']"
  near "$(xp "string($row/td[6])")" "$rate_to" 100 1 "compare rate of $name"
  near "$(xp "string($row/td[7])")" "$dpp" 1 1 "compare delta pp of $name"
  near "$(xp "string($row/td[8])")" "$dpts" 1 2 "compare delta points of $name"
done < <(q "$tmp/cmp1.csv" "select level1, rate_to, delta_rate_pp, delta_points from t")

# ---- weak indicators ----
J weak --dept "$dept" --format csv >"$tmp/weak.csv"
nweak=$(q "$tmp/weak.csv" "select count(*) from t where rules <> 'resolved'")
[ "$nweak" -ge 1 ] || fail "the dataset should have weak indicators"
same "$(xp "count(//table[@id='t-weak']/tbody/tr)")" "$nweak" "number of weak indicators"
while IFS=$'\x1f' read -r l1 l2 l3 ded win mean lost; do
  row="//table[@id='t-weak']/tbody/tr[td[2]='$l1 / $l2' and td[3]='$l3']"
  same "$(xp "count($row)")" 1 "weak row $l3"
  same "$(xp "string($row/td[5])")" "$ded/$win" "weak deducted years of $l3"
  near "$(xp "string($row/td[6])")" "$mean" 100 1 "weak mean rate of $l3"
  near "$(xp "string($row/td[7])")" "$lost" 1 2 "weak points lost of $l3"
done < <(q "$tmp/weak.csv" "select level1, level2, level3, deducted_years, window_years, mean_rate, points_lost from t where rules <> 'resolved'")

# ---- deductions: Pareto, runs, transitions, pairs ----
J deductions --dept "$dept" --level 3 --format csv >"$tmp/pareto.csv"
while IFS=$'\x1f' read -r l1 l2 l3 pts share cum; do
  row="//table[@id='t-pareto']/tbody/tr[td[2]='$l1 / $l2' and td[3]='$l3']"
  near "$(xp "string($row/td[4])")" "$pts" 1 2 "Pareto points of $l3"
  near "$(xp "string($row/td[5])")" "$share" 100 1 "Pareto share of $l3"
  near "$(xp "string($row/td[6])")" "$cum" 100 1 "Pareto cumulative share of $l3"
done < <(q "$tmp/pareto.csv" "select level1, level2, level3, points_lost, share, cum_share from t
                              where points_lost > 0 limit 10")
J deductions --dept "$dept" --view runs --format csv >"$tmp/runs.csv"
while IFS=$'\x1f' read -r l1 l2 l3 longest current; do
  row="//table[@id='t-runs']/tbody/tr[td[1]='$l1 / $l2' and td[2]='$l3']"
  same "$(xp "string($row/td[6])")" "$current" "current run of $l3"
  same "$(xp "substring-before(string($row/td[5]), ' ')")" "$longest" "longest run of $l3"
done < <(q "$tmp/runs.csv" "select level1, level2, level3, longest_run, current_run from t where years_deducted > 0")
J deductions --dept "$dept" --view transitions --format csv >"$tmp/trans.csv"
while IFS=$'\x1f' read -r to new resolved persistent clean; do
  row="//tr[@id='trans-$to']"
  same "$(xp "concat($row/td[2],' ',$row/td[3],' ',$row/td[4],' ',$row/td[5])")" \
    "$new $resolved $persistent $clean" "transitions into $to"
done < <(q "$tmp/trans.csv" "select year_to, new, resolved, persistent, clean from t")
J deductions --dept "$dept" --view pairs --format csv >"$tmp/pairs.csv"
i=0
while IFS=$'\x1f' read -r phi both; do
  i=$((i + 1))
  near "$(xp "string(//tr[@id='pair-$i']/td[3])")" "$phi" 1 2 "phi of pair $i"
  same "$(xp "string(//tr[@id='pair-$i']/td[4])")" "$both" "years together of pair $i"
done < <(q "$tmp/pairs.csv" "select phi, both from t")

# ---- forecast ----
J forecast --dept "$dept" --level total --format csv >"$tmp/fc.csv"
J forecast --dept "$dept" --level 1 --format csv | tail -n +2 >>"$tmp/fc.csv"
while IFS=$'\x1f' read -r level name fc lo hi; do
  [ "$level" = total ] && name=合计（总分）
  row="//table[@id='t-forecast']/tbody/tr[td[1]='$name']"
  near "$(xp "string($row/td[3])")" "$fc" 100 1 "forecast of $name"
  near "$(xp "string($row/td[4])")" "$lo" 100 1 "forecast pi_low of $name"
  near "$(xp "string($row/td[5])")" "$hi" 100 1 "forecast pi_high of $name"
done < <(q "$tmp/fc.csv" "select level, level1, forecast, pi_low, pi_high from t where forecast <> ''")

# ---- figures ----
J figures --dept "$dept" --format csv >"$tmp/fig.csv"
while IFS=$'\x1f' read -r year budget expend exec growth; do
  row="//tr[@id='fig-$year']"
  near "$(xp "string($row/td[2])")" "$budget" 1 2 "budget $year"
  near "$(xp "string($row/td[4])")" "$expend" 1 2 "expenditure $year"
  near "$(xp "string($row/td[5])")" "$exec" 100 1 "execution rate $year"
  near "$(xp "string($row/td[8])")" "$growth" 100 1 "expenditure growth $year"
done < <(q "$tmp/fig.csv" "select year, budget_total, expenditure_total, execution_rate, expenditure_growth from t")

# ---- self-evaluation vs review ----
J compare --dept "$dept" --self-vs-review --level total --format csv >"$tmp/sr.csv"
while IFS=$'\x1f' read -r year self review diff; do
  row="//table[@id='t-review-total']/tbody/tr[td[1]='$year']"
  near "$(xp "string($row/td[2])")" "$self" 1 2 "self score $year"
  near "$(xp "string($row/td[3])")" "$review" 1 2 "review score $year"
  near "$(xp "string($row/td[4])")" "$diff" 1 2 "self - review $year"
done < <(q "$tmp/sr.csv" "select year, self_score, review_score, diff_points from t")

# ---- English ----
J report --dept "$dept" --lang en --no-charts --out "$tmp/en.html" >/dev/null
html=$tmp/en.html
xmllint --noout "$html" || fail "English HTML is not well-formed"
same "$(xp "normalize-space(//section[@id='summary']/h2)")" "2. Conclusion" "English heading"
same "$(xp "normalize-space(//section[@id='suggestions']/h2)")" "5. Improvement suggestions" "English heading"
same "$(xp "normalize-space(//section[@id='trends']/h2)")" "Appendix 1. Category trends" "English heading"
same "$(xp "string(/html/@lang)")" "en" "lang attribute"

# ---- the real one-year report: every section, no trend, no forecast ----
html=$tmp/real.html
J report --dept 南京市公安局禁毒支队 --out "$html" >/dev/null
xmllint --noout "$html" || fail "real report is not well-formed"
for id in basics summary targets problems suggestions budget-use appendix trends weak deductions forecast figures projects review provenance; do
  same "$(xp "count(//section[@id='$id']/h2)")" 1 "real report section $id"
done
same "$(xp "normalize-space(//section[@id='summary']/div[@class='cards']/div[1]/div[@class='value'])")" \
  "98 / 100" "real report score (the report states 98)"
same "$(xp "count(//section[@id='provenance']//td[.='真实'])")" 1 "real evaluation marked real"
# 绩效目标完成情况: the seed's table has no reason column, and the note says so
same "$(xp "count(//section[@id='targets']/p[@class='note'][starts-with(., '2023 年评价报告没有逐项说明扣分原因')])")" \
  "1" "the note on the missing reasons"
# 基本情况: its staffing sentences as the report states them, after its functions
same "$(xp "normalize-space(//section[@id='basics']/p[2])")" \
  "人员情况（2023 年评价报告所述）：2023 年底南京市公安局禁毒支队实有在职人员 59 人，离退休人员 20 人。另有在册警务辅助人员编制数为 17 人。公务用车编制数为 14 辆，实有车辆数为 14 辆。" \
  "the real report's staffing in 基本情况"
# among all the synthetic departments of 2023 it is still real: no banner, no rank, no rank chart
same "$(xp "count(//div[@class='banner'])")" 0 "banner on the real report beside synthetic data"
same "$(grep -c 'synthetic' "$html" || true)" 0 "synthetic data (banner, page footer, chart) in the real report"
same "$(xp "count(//figure[@id='chart-rank'])")" 0 "rank chart of the real department"
same "$(xp "normalize-space(//section[@id='summary']/div[@class='cards']/div[3]/div[@class='value'])")" \
  "—" "rank of the real department"

# ---- review first: 示例市民政局's headline is its 2024 review (77.5, 中), self beside ----
html=$tmp/mz.html
J report --dept 示例市民政局 --no-charts --out "$html" >/dev/null
J list --dept 示例市民政局 --year 2024 --format csv >"$tmp/mz.csv"
rv=$(q "$tmp/mz.csv" "SELECT total_score || ' / ' || total_weight || '|' || grade FROM t WHERE kind = 'review'")
sf=$(q "$tmp/mz.csv" "SELECT total_score || '|' || grade FROM t WHERE kind = 'self'")
same "$(xp "normalize-space(//section[@id='summary']/div[@class='cards']/div[1]/div[@class='label'])")" \
  "2024 年总分（财政复核）" "the headline's basis"
same "$(xp "normalize-space(//section[@id='summary']/div[@class='cards']/div[1]/div[@class='value'])")" \
  "${rv%|*}" "the headline is the review's total"
same "$(xp "normalize-space(//section[@id='summary']/div[@class='cards']/div[1]/div[@class='sub'])")" \
  "等级：${rv#*|}；自评 ${sf%|*} 分（${sf#*|}）" "the review's grade, the self-evaluation beside it"

# A database with only the real report: no synthetic banner.
db=$tmp/real.db
J init >/dev/null
J import -q "$JX_SOURCE_DIR"/datasets/real/*.txt >/dev/null
J report --dept 南京市公安局禁毒支队 --no-charts --out "$html" >/dev/null
same "$(xp "count(//div[@class='banner'])")" 0 "banner on real data"
db=$tmp/t.db

# ---- Markdown: same content, charts as PNG beside it ----
J report --dept "$dept" --out "$tmp/r.md" >/dev/null
grep -q '^## 二、评价结论' "$tmp/r.md" || fail "Markdown lacks the conclusion"
grep -q "^## 附录八　数据来源" "$tmp/r.md" || fail "Markdown lacks the provenance"
grep -q '<a id="weak-1"></a>' "$tmp/r.md" || fail "Markdown lacks evidence anchors"
pngs=$(grep -o '](r_charts/[a-z]*\.png)' "$tmp/r.md" | wc -l)
[ "$pngs" -ge 6 ] || fail "Markdown links $pngs charts, expected at least 6"; ok
for f in $(grep -o 'r_charts/[a-z]*\.png' "$tmp/r.md"); do
  [ "$(head -c 8 "$tmp/$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$f is not a PNG"
done
ok

# CommonMark (cmark-gfm, with and without raw HTML): no emphasis left as literal asterisks
for d in "$dept" 示例市民政局 南京市公安局禁毒支队; do
  J report --dept "$d" --no-charts --out "$tmp/c.md" >/dev/null
  for mode in --smart --unsafe; do # the default omits raw HTML, --unsafe renders it
    n=$(cmark-gfm "$mode" -e table "$tmp/c.md" | sed 's/<[^>]*>//g' | grep -c '\*' || true)
    same "$n" 0 "$d: lines with a literal * under cmark-gfm $mode"
  done
done

echo "report_e2e: $checks checks passed"
