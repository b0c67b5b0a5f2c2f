#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# report_screenshot.sh -- the HTML report opened in headless Chromium: it renders and prints on A4.
#
# The report of a bundled department is rendered by Debian's chromium to a
# 1280x2000 PNG. "Not blank" is measured with ImageMagick's identify: the
# number of distinct colours (%k) must be at least 1000 (text, charts and
# colour bands; a blank page has 1, and a page of plain text a few hundred),
# and at least 100 times that of the same browser's render of an empty page
# (so a broken browser that draws nothing fails). The same file printed to
# PDF must come out as several A4 pages (the @page rule).
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -euo pipefail
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || fail "chromium not found (Debian package chromium; scripts/test installs it)"
command -v identify >/dev/null || fail "identify not found (Debian package imagemagick)"

db=$tmp/t.db
J() { "$JIXIAO" --db "$db" "$@"; }
J init >/dev/null
J import -q "$JX_SOURCE_DIR"/datasets/real/*.txt \
  $(find "$JX_SOURCE_DIR/datasets/synthetic" -name '*.csv' ! -name aliases.csv | sort) >/dev/null
J report --dept 示例市公安局禁毒支队 --out "$tmp/report.html" >/dev/null

browse() { # browse URL ARGS...: headless chromium, isolated profile, no network
  local url=$1
  shift
  timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$(mktemp -d -p "$tmp")" "$@" "$url" >"$tmp/chromium.log" 2>&1 ||
    { tail -20 "$tmp/chromium.log" >&2; fail "chromium failed on $url"; }
}

browse "file://$tmp/report.html" --screenshot="$tmp/shot.png" --window-size=1280,2000
[ -s "$tmp/shot.png" ] || fail "no screenshot written"
read -r w h colours < <(identify -format '%w %h %k\n' "$tmp/shot.png")
[ "$w" = 1280 ] && [ "$h" = 2000 ] || fail "screenshot is ${w}x$h, expected 1280x2000"

printf '<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body></body></html>\n' >"$tmp/blank.html"
browse "file://$tmp/blank.html" --screenshot="$tmp/blank.png" --window-size=1280,2000
blank=$(identify -format '%k' "$tmp/blank.png")
echo "distinct colours: report $colours, empty page $blank"
[ "$colours" -ge 1000 ] || fail "screenshot looks blank: $colours distinct colours"
[ "$colours" -ge $((100 * blank)) ] || fail "screenshot hardly differs from an empty page"

browse "file://$tmp/report.html" --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf"
pages=$(grep -a -c '/Type /Page\b' "$tmp/report.pdf" || true)
a4=$(grep -a -o '/MediaBox \[0 0 59[45][.0-9]* 84[12][.0-9]*\]' "$tmp/report.pdf" | wc -l)
[ "$pages" -ge 5 ] || fail "printed report has $pages pages"
[ "$a4" = "$pages" ] || fail "$a4 of $pages printed pages are A4"
echo "report_screenshot: ok ($pages A4 pages)"
