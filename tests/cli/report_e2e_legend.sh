#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# report_e2e_legend.sh -- the total chart's legend never covers the data: on every bundled
# department, read from the SVG gnuplot writes, the legend box lies outside (above) the plot
# area and does not intersect the forecast's prediction interval (issue 21).
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -euo pipefail
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"

db=$tmp/t.db
J() { "$JIXIAO" --db "$db" "$@"; }
J init >/dev/null
J import -q "$JX_SOURCE_DIR"/datasets/real/*.txt \
  $(find "$JX_SOURCE_DIR/datasets/synthetic" -name '*.csv' ! -name aliases.csv | sort) \
  $(find "$JX_SOURCE_DIR/datasets/synthetic" -name '*.txt' | sort) >/dev/null
J alias add --file "$JX_SOURCE_DIR/datasets/synthetic/aliases.csv" >/dev/null

n=0 bands=0
while IFS= read -r dept; do
  svg=$tmp/total-$n.svg
  J plot total --dept "$dept" --format svg --out "$svg" >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err"; fail "$dept: plot total failed"; }
  out=$(python3 - "$svg" 2>&1 <<'PY') || fail "$dept: $out"
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
num = r"(-?[0-9.]+)"
# the legend box: the first closed rectangle drawn in the key's colour (common.gp: #cccccc)
key = re.search(r"stroke='rgb\(204, 204, 204\)'\s+d='M%s,%s L%s,%s L%s,%s L%s,%s L%s,%s Z" % ((num,) * 10), svg)
# the plot area: the border (left and bottom lines) M x,top L x,bottom L right,bottom
border = re.search(r"d='M%s,%s L\1,%s L%s,\3" % (num, num, num, num), svg)
if not key or not border:
    sys.exit("no legend box or no border in the SVG")
kx = sorted(float(key.group(i)) for i in (1, 3, 5, 7))
ky = sorted(float(key.group(i)) for i in (2, 4, 6, 8))
top = float(border.group(2))
if ky[-1] > top:
    sys.exit("legend box (y %.1f-%.1f) reaches into the plot area (top %.1f)" % (ky[0], ky[-1], top))
bands = 0
# the forecast's interval: a vertical red segment (yerrorbars, ls 4) M x,low L x,high
for m in re.finditer(r"stroke='rgb\(214,\s*39,\s*40\)'\s+d='M%s,%s L\1,%s" % (num, num, num), svg):
    x, y0, y1 = float(m.group(1)), *sorted((float(m.group(2)), float(m.group(3))))
    bands += 1
    if kx[0] <= x <= kx[-1] and y0 <= ky[-1] and y1 >= ky[0]:
        sys.exit("legend box intersects the forecast interval at x %.1f" % x)
print(bands)
PY
  n=$((n + 1)) bands=$((bands + out))
done < <(J list --format csv | tail -n +2 | cut -d, -f1 | sort -u)
[ "$n" -ge 13 ] || fail "only $n total charts checked"
[ "$bands" -ge 12 ] || fail "only $bands forecast intervals found in the charts"
echo "report_e2e_legend: $n charts, $bands forecast intervals, legend outside the plot area"
