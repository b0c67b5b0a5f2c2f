#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n_pseudo.sh -- the main commands under the pseudo catalog (x_PSEUDO: every translation
# is its msgid wrapped in ⟦…⟧): a line for people whose text is not wrapped never went
# through gettext. tests/i18n/pseudo_check.py allows only data (names from the input,
# numbers, codes, file places, quoted values); it lists every line that bypasses gettext.
set -euo pipefail
J=${JIXIAO:?}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
unset LANGUAGE
src=$JX_SOURCE_DIR
db=$tmp/t.db
syn=$src/datasets/synthetic
"$J" --db "$db" import "$syn/scores.csv" "$syn/figures.csv" "$syn/projects.csv" \
  "$syn/project_figures.csv" >/dev/null 2>&1 || fail "import"
"$J" --db "$db" alias add --file "$syn/aliases.csv" >/dev/null || fail "aliases"
d=示例市公安局禁毒支队
export JIXIAO_CATALOG=x_PSEUDO
pj() { "$J" --db "$db" --lang zh "$@" 2>&1 || true; }
{
  # the main commands, their other views, and a few usage errors
  pj list
  pj show "$d" 2023
  pj compare --dept "$d"
  pj compare --dept 示例市住房和城乡建设局 --self-vs-review
  pj compare --gap
  pj trend --dept "$d"
  pj weak --dept "$d"
  pj forecast --dept "$d"
  pj variance --dept "$d"
  pj variance --across 2023
  for v in pareto runs transitions pairs; do pj deductions --dept "$d" --view $v; done
  pj rank
  pj rank --categories
  pj figures --dept "$d"
  for v in years missed flags; do pj projects --dept 示例市教育局 --view $v; done
  for v in matrix weak gap movers warnings distribution; do pj overview --view $v; done
  pj trend
  pj list --format xml
  pj show 不存在 2023
  pj report --dept "$d" --format md --no-charts --out "$tmp/r.md"
  cat "$tmp/r.md"
  # import errors: every bad input of tests/bad
  for f in "$src"/tests/bad/*; do
    case $f in */MANIFEST) continue ;; esac
    "$J" --db "$tmp/bad.db" --lang zh import "$f" 2>&1 || true
  done
} >"$tmp/out"
[ "$(grep -c '⟦' "$tmp/out")" -gt 500 ] || fail "the pseudo catalog was not used"
# shellcheck disable=SC2046 # the data files
python3 "$src/tests/i18n/pseudo_check.py" "$tmp/out" "$syn"/*.csv "$src"/datasets/real/*.txt \
  "$src/src/lib/model/figures.c" $(find "$src/tests/bad" -type f) >&2 ||
  fail_later "texts for people that bypass gettext (above)"
finish
