#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# report_import.sh -- `jixiao import` of report text end to end: the reference report and
# the variants in tests/fixtures/report (good ones import, bad ones exit 1 with file:line
# and leave the database content unchanged).
set -u
. "$(dirname "$0")/lib.sh"
fx="$JX_SOURCE_DIR/tests/fixtures/report"
ref="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.txt"
db="$tmp/j.db"

"$JIXIAO" --db "$db" import "$ref" >"$tmp/out" 2>"$tmp/err" || fail_later "reference import exit $?"
[ "$(grep -c 'warning' "$tmp/err")" -eq 1 ] || fail_later "expected exactly one warning: $(cat "$tmp/err")"
grep -q "2023_nanjing_psb_narcotics_detachment.txt:149: warning: .*部门预算执行率.*inferred as 2" "$tmp/err" ||
  fail_later "inference warning with line 149 missing: $(cat "$tmp/err")"
row=$("$JIXIAO" --db "$db" list --format csv | tail -n 1)
[ "$row" = "南京市公安局禁毒支队,2023,self,100,98,优,2,real" ] || fail_later "list row: $row"
"$JIXIAO" --db "$db" show 南京市公安局禁毒支队 2023 | grep -q "line 149: score of" || fail_later "show lacks the warning"

# variants that read like the reference (same department/year: import into fresh databases)
for v in crlf gb18030 spaces fullwidth; do
  d="$tmp/$v.db"
  "$JIXIAO" --db "$d" import -q "$fx/$v.txt" >/dev/null 2>&1 || fail_later "$v: exit $?"
  r=$("$JIXIAO" --db "$d" list --format csv | tail -n 1)
  [ "$r" = "南京市公安局禁毒支队,2023,self,100,98,优,2,real" ] || fail_later "$v: $r"
done
# no 合计 / two missing: imported, scores stay missing, warned
for v in no_total two_missing; do
  d="$tmp/$v.db"
  "$JIXIAO" --db "$d" import "$fx/$v.txt" >/dev/null 2>"$tmp/err" || fail_later "$v: exit $?"
  grep -q "warning" "$tmp/err" || fail_later "$v: no warning"
  "$JIXIAO" --db "$d" show 南京市公安局禁毒支队 2023 --format csv | grep -q ",missing," || fail_later "$v: no missing row"
done

# bad inputs: exit 1, file:line: message, database unchanged
before=$(sqlite3 "$db" .dump)
for v in score_above_weight.txt truncated.txt empty.txt random.bin; do
  "$JIXIAO" --db "$db" import "$fx/$v" >/dev/null 2>"$tmp/err"; rc=$?
  [ $rc -eq 1 ] || fail_later "$v: exit $rc, expected 1"
  grep -Eq "$v:[0-9]+: " "$tmp/err" || fail_later "$v: no file:line: in '$(cat "$tmp/err")'"
  [ "$(sqlite3 "$db" .dump)" = "$before" ] || fail_later "$v: database changed"
done
grep -q "above its weight" <("$JIXIAO" --db "$db" import "$fx/score_above_weight.txt" 2>&1) ||
  fail_later "score_above_weight: message does not say so"

# departments by a unique part of their name; ambiguous parts refused with the candidates
"$JIXIAO" --db "$db" show 禁毒支队 2023 | head -n 1 | grep -q "^南京市公安局禁毒支队 2023" || fail_later "show by part of the name"
"$JIXIAO" --db "$db" import -q "$JX_SOURCE_DIR/datasets/synthetic/reports/jindu-2021.txt" >/dev/null || fail_later "synthetic report import"
"$JIXIAO" --db "$db" show 禁毒支队 2023 >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "matches 2 departments (南京市公安局禁毒支队, 示例市公安局禁毒支队)" "$tmp/err" ||
  fail_later "ambiguous name: exit $rc, $(cat "$tmp/err")"

finish
