#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# site.sh -- `jixiao site` on the bundled data as a user opens it: every link of every page
# resolves to a file, nothing is loaded from elsewhere, the index's numbers are `list`'s,
# each department page has its own chart (inline SVG written by jixiao, no gnuplot) whose
# bars are `list`'s totals, the index and a department page render in headless Chromium
# (not blank, the search script ran, no console error), and a failing build leaves the
# directory as it was.
# ctest-labels: slow
set -euo pipefail
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"
chromium=${CHROMIUM:-/usr/bin/chromium}

data="$JX_SOURCE_DIR/datasets"
run_db="$tmp/s.db"
set +e
run 0 init
run 0 import "$data/synthetic/scores.csv" "$data/synthetic/figures.csv" \
	"$data/real/2023_nanjing_psb_narcotics_detachment.csv"
run 0 alias add --file "$data/synthetic/aliases.csv"
before=$(db_dump "$run_db")

# ---- build; the index path is printed ----
run 0 site --out-dir "$tmp/site"
has "$tmp/out" "$tmp/site/index.html"
[ -s "$tmp/site/index.html" ] || fail "no index.html"
# the index is written in 64 KiB pieces as it is built: this one takes several, and the
# checks below read it whole
[ "$(stat -c %s "$tmp/site/index.html")" -gt 131072 ] || fail "index under 128 KiB: not written in pieces"
ndept=$(ls "$tmp/site/dept" | wc -l)
[ "$ndept" -eq 14 ] || fail "$ndept department pages, expected 14"
ls "$tmp/site/weak"/w0.html >/dev/null || fail "no weak-indicator page"
run 0 list --kind self --format csv
cp "$tmp/out" "$tmp/list.csv"
set -e

# ---- every link resolves; nothing external; the matrix is list's ----
python3 - "$tmp/site" "$tmp/list.csv" <<'PY'
import csv, html.parser, os, re, sys
root, listing = sys.argv[1], sys.argv[2]
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.links = []; self.rows = []; self.row = None; self.cell = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("href", "src"):
            if k in a: self.links.append((tag, a[k]))
        if tag == "link" or (tag == "script" and "src" in a):
            raise AssertionError("external resource: %s %s" % (tag, a))
        if tag == "tr" and "data-name" in a: self.row = [a["data-name"]]
        if tag == "td" and self.row is not None: self.cell = ""
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
    def handle_endtag(self, tag):
        if tag == "td" and self.row is not None: self.row.append(self.cell); self.cell = None
        if tag == "tr" and self.row is not None: self.rows.append(self.row); self.row = None
pages = links = 0
index = None
for d, _, files in os.walk(root):
    for f in files:
        path = os.path.join(d, f); p = Page(); p.feed(open(path, encoding="utf-8").read())
        pages += 1
        if f == "index.html" and d == root: index = p
        for tag, url in p.links:
            assert not re.match(r"^[a-z]+:", url), (path, url)  # no http:, file:, data:
            target = url.split("#")[0]
            if not target: continue
            assert os.path.isfile(os.path.normpath(os.path.join(d, target))), (path, url)
            links += 1
years = [int(y) for y in re.findall(r"<th>(\d{4})</th>", open(os.path.join(root, "index.html"), encoding="utf-8").read())]
lst = {(r["department"], int(r["year"])): r for r in csv.DictReader(open(listing, encoding="utf-8"))}
cells = 0
for row in index.rows:
    name, vals = row[0], row[2:2 + len(years)]
    for y, v in zip(years, vals):
        l = lst.get((name, y))
        if l is None:
            assert v == "", (name, y, v)
        else:
            assert v == (l["total_score"] or "?"), (name, y, v, l["total_score"]); cells += 1
assert cells == len(lst), (cells, len(lst))
print("%d pages, %d links resolve, %d matrix cells agree with list" % (pages, links, cells))
PY
# every department page links back to the index, every weak page to a department
grep -L 'href="../index.html"' "$tmp/site/dept"/*.html | grep . && fail "a department page lacks the link back"
grep -q 'href="../dept/d' "$tmp/site/weak/w0.html" || fail "weak page links no department"
grep -q 'href="weak/w0.html"' "$tmp/site/index.html" || fail "index does not link the weak page"
grep -q '合成数据' "$tmp/site/index.html" || fail "index does not mark synthetic data"

# ---- the overview's charts inline below the matrix (gnuplot, once per site), nothing left beside ----
python3 - "$tmp/site/index.html" <<'PY' || fail "the index's charts"
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.index('<h2 id="charts">')
j = s.index("<h2", i + 5)
sec = s[i:j]
assert len(re.findall(r'<figure class="chart"><svg', sec)) == 5, "not the 5 overview charts"
for t in ("逐年各等级部门数", "合成数据"):
    assert t in sec, t
assert "<script" not in sec and "<?xml" not in sec, "the SVG was not made fit to sit inline"
for n, fig in enumerate(re.findall(r'<figure class="chart">(.*?)</figure>', sec, re.S)):
    bad = [x for x in re.findall(r'\bid="([^"]+)"', fig) if not x.startswith("ov%d-" % n)]
    assert not bad, ("ids of one chart could clash with another's", bad[:3])
PY
[ -e "$tmp/site/chart.svg" ] && fail "the charts' temporary file stayed in the site"

# ---- each department page's own chart: inline SVG written by jixiao, its bars list's totals ----
python3 - "$tmp/site" "$tmp/list.csv" <<'PY'
import csv, html, re, sys, xml.etree.ElementTree as ET
root, listing = sys.argv[1], sys.argv[2]
index = open(f"{root}/index.html", encoding="utf-8").read()
pages = {html.unescape(n): p for n, p in re.findall(r'<tr data-name="([^"]*)"><td class="l"><a href="dept/(d\d+)\.html">', index)}
lst = {}
for r in csv.DictReader(open(listing, encoding="utf-8")):
    lst.setdefault(r["department"], []).append(r)
assert len(pages) == len(lst) == 14, (len(pages), len(lst))
ns = {"s": "http://www.w3.org/2000/svg"}
for name, page in pages.items():
    text = open(f"{root}/dept/{page}.html", encoding="utf-8").read()
    m = re.search(r'<figure class="site-chart"[^>]*>(<svg.*?</svg>)', text, re.S)
    assert m, (name, "no chart")
    svg = ET.fromstring(m.group(1))  # well-formed
    values = [t.text for t in svg.iterfind(".//s:text[@class='value']", ns)]
    want = ["%.1f" % (100 * float(r["total_score"]) / float(r["total_weight"])) if r["total_score"] else "?"
            for r in sorted(lst[name], key=lambda r: int(r["year"]))]
    assert values == want, (name, values, want)
    assert len(svg.findall(".//s:rect[@class='bar']", ns)) == sum(v != "?" for v in want), name
    synthetic = lst[name][0]["provenance"] == "synthetic"
    assert ("合成数据" in m.group(1)) == synthetic, (name, synthetic)
print("%d department charts agree with list" % len(pages))
PY

# ---- the browser: not blank, the search script ran, no console error ----
if [ -x "$chromium" ] && command -v identify >/dev/null; then
	browse() { # browse URL ARGS...: headless chromium, isolated profile, no network
		local url=$1
		shift
		timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
			--no-first-run --disable-background-networking --disable-component-update \
			--disable-sync --hide-scrollbars --enable-logging=stderr --v=0 \
			--user-data-dir="$(mktemp -d -p "$tmp")" "$@" "$url" >"$tmp/chromium.out" \
			2>"$tmp/chromium.log" || { tail -20 "$tmp/chromium.log" >&2; fail "chromium failed on $url"; }
		! grep -E 'Uncaught|CONSOLE.*(Error|error)' "$tmp/chromium.log" ||
			fail "console errors on $url"
	}
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body></body></html>\n' >"$tmp/blank.html"
	browse "file://$tmp/blank.html" --screenshot="$tmp/blank.png" --window-size=1280,1600
	blank=$(identify -format '%k' "$tmp/blank.png")
	for page in index.html dept/d1.html; do
		browse "file://$tmp/site/$page" --screenshot="$tmp/shot.png" --window-size=1280,1600
		colours=$(identify -format '%k' "$tmp/shot.png")
		echo "$page: $colours distinct colours (empty page $blank)"
		[ "$colours" -ge 200 ] && [ "$colours" -ge $((50 * blank)) ] ||
			fail "$page looks blank: $colours colours"
	done
	browse "file://$tmp/site/index.html" --dump-dom
	grep -q '<span id="count">14 / 14</span>' "$tmp/chromium.out" ||
		fail "the search script did not run: $(grep -o '<span id="count">[^<]*' "$tmp/chromium.out")"
else
	echo "site: chromium or identify missing: rendering not checked" >&2
	fails=$((fails + 1))
fi

# ---- a failing build leaves the site as it was; the database is never written ----
set +e
sum=$(cd "$tmp/site" && find . -type f -exec sha256sum {} + | sort | sha256sum)
run 1 site --out-dir "$tmp/site" --years 1990-1991
[ "$(cd "$tmp/site" && find . -type f -exec sha256sum {} + | sort | sha256sum)" = "$sum" ] ||
	fail "a failed build changed the site"
run 2 site
[ "$(db_dump "$run_db")" = "$before" ] || fail "site changed the database"
finish
