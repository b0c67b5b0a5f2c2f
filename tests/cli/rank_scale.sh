#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# rank_scale.sh -- the rank chart at province scale: with more than 40 departments it shows
# the top 15 and the departments around the chosen one (a chart of thousands of bars is
# unreadable and taller than Cairo can draw), and the report stays fast enough to build.
set -u
. "$(dirname "$0")/lib.sh"
"$JX_SYNTH" --departments 100 --years 3 --no-reports --out-dir "$tmp" >/dev/null || fail_later "jixiao-synth failed"
db="$tmp/r.db"
"$JIXIAO" --db "$db" import -q "$tmp/scores.csv" "$tmp/figures.csv" >/dev/null || fail_later "import failed"
last=$("$JIXIAO" --db "$db" rank --format csv | tail -n 1 | cut -d, -f2)
first=$("$JIXIAO" --db "$db" rank --format csv | sed -n 2p | cut -d, -f2)
for d in "$first" "$last"; do
  "$JIXIAO" --db "$db" plot rank --dept "$d" --out "$tmp/rank.png" --script "$tmp/rank.gp" >/dev/null 2>"$tmp/err" ||
    fail_later "plot rank for $d: $(cat "$tmp/err")"
  grep -q "共 100 个部门，显示前 15 名及本部门附近" "$tmp/rank.gp" || fail_later "$d: no subset note"
  [ "$(grep -c "^[0-9]* [0-9.]* [01] [0-9]*$" "$tmp/rank.gp")" -eq 40 ] || fail_later "$d: expected 40 bars"
  grep -Eq "^[0-9]+ [0-9.]+ 1 [0-9]+$" "$tmp/rank.gp" || fail_later "$d: chosen department not highlighted"
  h=$(od -An -tu1 -j20 -N4 "$tmp/rank.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  [ "$h" -gt 0 ] && [ "$h" -lt 2000 ] || fail_later "$d: PNG height $h"
done
finish
