#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# docs_import.sh -- `jixiao import` of Word documents and web pages end to end: values
# stored, --dry-run's account of columns and rows, the options' rule (--relabel), and
# files that cannot be read (exit 1, file:place: message, database unchanged).
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fx="$JX_SOURCE_DIR/tests/fixtures/docs"
db="$tmp/j.db"

# a dry run on no database: how each table was read, before anything is stored
"$JIXIAO" --db "$db" import --dry-run "$fx/review.docx" >"$tmp/out" 2>&1 || fail "dry run exit $?"
grep -q "列 1 → 序号, 列 2 → 一级指标, 列 3 → 二级指标, 列 4 → 三级指标, 列 5 → 分值, 列 6 → 得分, 列 7 → 复核得分, 列 8 → 扣分原因" "$tmp/out" ||
  fail "dry run lacks the column roles: $(head -5 "$tmp/out")"
grep -q "表 1 第 6 行 第 6 列: 过程 / 组织实施 / 管理制度健全性: 分值 15, 得分 14, 复核得分 12" "$tmp/out" ||
  fail "dry run lacks a row with its place"
grep -q "^warning: .*review.docx:表 1 第 9 行 第 6 列: scores add up to 95 but 合计 states 96" "$tmp/out" ||
  fail "dry run lacks the warning with its place"
[ ! -e "$db" ] || fail "a dry run created the database"

# the files into one database; values as the fixtures' tables add up
"$JIXIAO" --db "$db" import "$fx/basic.docx" "$fx/review.docx" "$fx/gb2312_nav.html" \
  "$fx/utf8_single.html" "$fx/lo_table.docx" >"$tmp/out" 2>"$tmp/err" || fail "import exit $?: $(cat "$tmp/err")"
grep -q "^$fx/basic.docx: warning: 表 2 第 4 行 第 6 列: score of 投入/预算执行/预算执行率 is missing; inferred as 5.5" "$tmp/err" ||
  fail "import warning: $(cat "$tmp/err")"
"$JIXIAO" --db "$db" list --format csv >"$tmp/list"
for want in "示例市文化旅游局,2023,self,100,91," "示例县审计局,2022,self,100,95," \
  "示例县审计局,2022,review,100,87," "示例区教育局,2021,self,100,88," \
  "示例镇人民政府,2020,review,100,90," "示例市园林局,2023,self,100,93,"; do
  grep -q "^$want" "$tmp/list" || fail "list lacks $want: $(cat "$tmp/list")"
done
"$JIXIAO" --db "$db" export --dept 示例区教育局 >"$tmp/x.csv" || fail "export"
grep -q "^示例区教育局,2021,self,效益,满意度,学生满意度,\"由王喆负责统计$" "$tmp/x.csv" ||
  fail "export of the GB2312 page: $(grep 学生 "$tmp/x.csv")"
"$JIXIAO" --db "$db" figures --dept 示例市文化旅游局 --format csv | grep -q "^2023,1200.5,800.5,400," ||
  fail "figures of basic.docx"
"$JIXIAO" --db "$db" show 示例市文化旅游局 2023 | grep -q "^  表 2 第 4 行 第 6 列: score of" ||
  fail "show prints the warning with its place"
# the same files again: nothing to do
"$JIXIAO" --db "$db" import "$fx/basic.docx" "$fx/review.docx" >"$tmp/out" 2>&1 || fail "re-import"
grep -q "identical content is already stored" "$tmp/out" || fail "re-import not a no-op: $(cat "$tmp/out")"

# --dept/--year supply; replacing what the document states needs --relabel
before=$(sqlite3 "$db" .dump)
"$JIXIAO" --db "$db" import --dept 别的局 "$fx/lo_table.docx" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "lo_table.docx:段落 2: the document states the department '示例市园林局'; --dept '别的局' would relabel it" "$tmp/err" ||
  fail "relabel without --relabel: exit $rc, $(cat "$tmp/err")"
[ "$(sqlite3 "$db" .dump)" = "$before" ] || fail "refused relabel changed the database"
"$JIXIAO" --db "$db" import --dept 别的局 --relabel "$fx/lo_table.docx" >/dev/null 2>&1 || fail "--relabel"
"$JIXIAO" --db "$db" list --format csv | grep -q "^别的局,2023,self,100,93," || fail "relabelled row"

# what cannot be read: exit 1, file: or file:place:, database unchanged
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n' >"$tmp/r.pdf"
head -c 3000 "$fx/basic.docx" >"$tmp/cut.docx"
before=$(sqlite3 "$db" .dump)
for f in "$fx/encrypted.docx|an encrypted (password-protected) Office file" \
  "$fx/project.docx|project.docx:段落 1: no department found: the project table names none" \
  "$tmp/r.pdf|r.pdf: not a readable PDF" \
  "$tmp/cut.docx|cut.docx: not a valid zip archive"; do
  file=${f%%|*} want=${f#*|}
  "$JIXIAO" --db "$db" import "$file" >/dev/null 2>"$tmp/err"; rc=$?
  [ $rc -eq 1 ] || fail "$file: exit $rc"
  grep -qF "$want" "$tmp/err" || fail "$file: $(cat "$tmp/err")"
  [ "$(sqlite3 "$db" .dump)" = "$before" ] || fail "$file: database changed"
done
# --format overrides what the content says
"$JIXIAO" --db "$db" import --format docx "$fx/utf8_single.html" >/dev/null 2>"$tmp/err" &&
  fail "--format docx on a page was accepted"
grep -q "not a valid zip archive" "$tmp/err" || fail "--format docx: $(cat "$tmp/err")"

[ $fails -eq 0 ] && echo "docs_import: all passed" || { echo "docs_import: $fails failure(s)"; exit 1; }
