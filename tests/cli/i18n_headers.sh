#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n_headers.sh -- `--headers zh`: the CSV of every command that writes CSV names its columns
# in Chinese (the import's names where it has one, else the heading's translation; golden
# headers in tests/i18n/headers_zh.txt), whatever --lang; the rows are the same bytes as with
# English names, which stay the default; the canonical export with Chinese names imports back
# into the same database (exported again in English byte for byte).
set -euo pipefail
J=${JIXIAO:?}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
unset LANGUAGE
db=$tmp/t.db
syn=$JX_SOURCE_DIR/datasets/synthetic
"$J" --db "$db" import "$syn/scores.csv" "$syn/figures.csv" "$syn/projects.csv" \
  "$syn/project_figures.csv" >/dev/null 2>&1 || fail "import"
"$J" --db "$db" alias add --file "$syn/aliases.csv" >/dev/null || fail "aliases"
d=示例市公安局禁毒支队
d2=示例市住房和城乡建设局 # has review evaluations
p=示例市教育局        # has projects
# header: the first line that is not a '#' comment
header() { awk '!/^#/ { print; exit }' "$1"; }
while IFS= read -r c; do
  echo "== $c"
  # shellcheck disable=SC2086 # the command's words
  "$J" --db "$db" --lang en $c --format csv --headers zh >"$tmp/zh" 2>"$tmp/err" ||
    fail_later "$c --headers zh failed: $(cat "$tmp/err")"
  # shellcheck disable=SC2086
  "$J" --db "$db" --lang en $c --format csv >"$tmp/en" 2>/dev/null || fail_later "$c failed"
  header "$tmp/zh"
  en=$(header "$tmp/en")
  zh=$(header "$tmp/zh")
  ! printf '%s' "$en" | grep -qP '[\x{3400}-\x{9fff}]' || fail_later "$c: default header not English"
  [ "$(printf '%s' "$en" | tr -cd , | wc -c)" = "$(printf '%s' "$zh" | tr -cd , | wc -c)" ] ||
    fail_later "$c: the Chinese header has another number of columns"
  dups=$(printf '%s\n' "$zh" | tr , '\n' | sort | uniq -d)
  [ -z "$dups" ] || fail_later "$c: Chinese header names twice: $dups"
  cmp -s <(grep -v '^#' "$tmp/en" | tail -n +2) <(grep -v '^#' "$tmp/zh" | tail -n +2) ||
    fail_later "$c: rows differ under --headers zh"
done >"$tmp/headers" <<EOF
list
show $d 2023
compare --dept $d
compare --dept $d2 --self-vs-review
compare --gap
trend --dept $d
weak --dept $d
deductions --dept $d
deductions --dept $d --view runs
deductions --dept $d --view transitions
deductions --dept $d --view pairs --all
figures --dept $d
rank
rank --categories
forecast --dept $d
variance --dept $d
variance --dept $d --decompose
variance --across 2023
projects --dept $p
projects --dept $p --view missed
projects --dept $p --view flags
overview
overview --view weak
overview --view gap
overview --view movers
overview --view warnings
overview --view distribution
indicators --dept $d
framework list $d
grades
alias list
export
export --what figures
export --project all
export --what figures --project all
EOF
diff -u "$JX_SOURCE_DIR/tests/i18n/headers_zh.txt" "$tmp/headers" >&2 ||
  fail_later "Chinese CSV headers differ from tests/i18n/headers_zh.txt"
"$J" --db "$db" list --format csv --headers fr >/dev/null 2>"$tmp/err" &&
  fail_later "--headers fr accepted"
grep -q -- '--headers must be en or zh' "$tmp/err" || fail_later "--headers fr: $(cat "$tmp/err")"

# Round trip: the canonical export with Chinese names imports into an empty database that then
# exports the same bytes (in English) as the first.
for w in scores figures; do
  for pr in "" "--project all"; do
    # shellcheck disable=SC2086 # no option or two words
    "$J" --db "$db" export --what "$w" $pr --headers zh --out "$tmp/$w${pr:+_p}.zh.csv" ||
      fail "export $w $pr --headers zh"
  done
done
"$J" --db "$tmp/back.db" import "$tmp/scores.zh.csv" "$tmp/figures.zh.csv" "$tmp/scores_p.zh.csv" \
  "$tmp/figures_p.zh.csv" >"$tmp/out" 2>&1 || fail "import of the Chinese-header export: $(cat "$tmp/out")"
for w in scores figures; do
  for pr in "" "--project all"; do
    # shellcheck disable=SC2086
    "$J" --db "$db" export --what "$w" $pr >"$tmp/a.csv"
    # shellcheck disable=SC2086
    "$J" --db "$tmp/back.db" export --what "$w" $pr >"$tmp/b.csv"
    [ -s "$tmp/a.csv" ] || fail_later "export $w $pr is empty"
    cmp -s "$tmp/a.csv" "$tmp/b.csv" || fail_later "export $w $pr differs after the round trip"
  done
done
finish
