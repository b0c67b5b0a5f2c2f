#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind_cli.sh -- the end-to-end CLI paths under valgrind memcheck: zero errors and
# zero definite leaks. Skipped (77) in the sanitizer build, where valgrind cannot run.
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -u
. "$(dirname "$0")/lib.sh"
[ "${JX_SANITIZE:-OFF}" = "ON" ] && skip "ASan build"
command -v valgrind >/dev/null || fail "valgrind missing (Debian package valgrind)"
db="$tmp/v.db"
src="$JX_SOURCE_DIR"
vg() { # vg NAME ARGS...: run jixiao under memcheck; output kept in $tmp/NAME.*
  local name=$1; shift
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --log-file="$tmp/$name.vg" "$JIXIAO" --db "$db" "$@" \
    >"$tmp/$name.out" 2>"$tmp/$name.err"
  local rc=$?
  if [ $rc -eq 99 ] || [ -s "$tmp/$name.vg" ]; then
    sed 's/^/  /' "$tmp/$name.vg" | head -40
    fail_later "$name: valgrind reported the above"
  fi
  return $rc
}
expect() { # expect RC NAME ARGS...
  local want=$1 name=$2; shift 2
  vg "$name" "$@"; local rc=$?
  [ $rc -eq "$want" ] || fail_later "$name exited $rc, expected $want: $(head -3 "$tmp/$name.err")"
}
d=示例市公安局禁毒支队
expect 0 init init
expect 0 import_report import -q "$src/datasets/real/2023_nanjing_psb_narcotics_detachment.txt"
expect 0 import_csv import -q "$src/datasets/synthetic/scores.csv" "$src/datasets/synthetic/figures.csv" \
  "$src"/datasets/synthetic/reports/*.txt
expect 0 alias alias add --file "$src/datasets/synthetic/aliases.csv"
expect 1 import_bad import "$src/tests/fixtures/report/score_above_weight.txt"
expect 1 import_random import "$src/tests/fixtures/report/random.bin"
expect 0 list list --format json
expect 0 show show 南京市公安局禁毒支队 2023
expect 0 export export --format json --dept $d
expect 0 compare compare --dept $d
expect 0 selfreview compare --self-vs-review --dept 示例市教育局
expect 0 trend trend --all-departments --format csv
expect 0 forecast forecast --dept $d --level 1
expect 0 variance variance --dept $d --decompose
expect 0 deductions deductions --dept $d --view pairs
expect 0 weak weak --dept $d
expect 0 figures figures --dept 示例市应急管理局
expect 0 rank rank --categories
expect 0 indicators indicators --unmatched
expect 0 plot plot total --dept $d --out "$tmp/t.svg"
expect 0 report report --dept $d --out "$tmp/r.html" --no-charts
expect 0 xlsx export --format xlsx --dept $d --out "$tmp/r.xlsx"
expect 2 usage trend --level 9
finish
