#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# pdf_import.sh -- `jixiao import` of PDF files end to end: each PDF printed from a .docx
# (LibreOffice) or a web page (Chromium) stores the same values as its source -- the same
# rows by key, weights and scores exactly equal, names and explanations equal ignoring
# white space (staffing too), the same figures and provenance; --dry-run shows the grid found;
# --debug-grid draws it into a PNG (never over the database); scanned, encrypted and
# unreadable PDFs fail with their message and leave the database as it was.
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
px="$JX_SOURCE_DIR/tests/fixtures/pdf"
dx="$JX_SOURCE_DIR/tests/fixtures/docs"

# same_values A.db B.db: the canonical exports hold the same values (see above).
same_values() {
	"$JIXIAO" --db "$1" export >"$tmp/a.csv" && "$JIXIAO" --db "$2" export >"$tmp/b.csv" &&
		"$JIXIAO" --db "$1" export --what figures >"$tmp/af.csv" &&
		"$JIXIAO" --db "$2" export --what figures >"$tmp/bf.csv" || return 1
	python3 - "$tmp/a.csv" "$tmp/b.csv" "$tmp/af.csv" "$tmp/bf.csv" <<'EOF'
import csv, re, sys
def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    comments = [l for l in lines if l.startswith("#")]
    body = [l for l in lines if not l.startswith("#")]
    return comments, list(csv.DictReader(body))
squeeze = lambda s: re.sub(r"\s+", "", s or "")
ca, a = rows(sys.argv[1]); cb, b = rows(sys.argv[2])
if ca != cb:
    sys.exit("provenance lines differ: %s / %s" % (ca, cb))
def keyed(rs):
    out = {}
    for r in rs:
        k = tuple(squeeze(r[c]) for c in ("department", "year", "kind", "level1", "level2", "level3"))
        if k in out:
            sys.exit("key twice: %s" % (k,))
        out[k] = r
    return out
ka, kb = keyed(a), keyed(b)
if set(ka) != set(kb):
    sys.exit("rows differ: only in the source %s; only in the PDF %s" %
             (sorted(set(ka) - set(kb)), sorted(set(kb) - set(ka))))
for k, r in ka.items():
    s = kb[k]
    for c in r:
        same = squeeze(r[c]) == squeeze(s[c]) if c in ("explanation", "staffing") else r[c] == s[c]
        if not same and c not in ("department", "level1", "level2", "level3"):
            sys.exit("%s, %s: %r != %r" % (k, c, r[c], s[c]))
if open(sys.argv[3], encoding="utf-8").read() != open(sys.argv[4], encoding="utf-8").read():
    sys.exit("figures differ")
print(len(ka), "rows")
EOF
}

# each PDF against its source, in databases of their own
for pair in "$px/ruled.docx $px/ruled-lo.pdf 25" "$px/ruled.html $px/ruled-chromium.pdf 25" \
	"$px/ruleless.docx $px/ruleless-lo.pdf 25" "$px/ruleless.html $px/ruleless-chromium.pdf 25" \
	"$dx/basic.docx $px/docs-basic-lo.pdf 7" "$dx/review.docx $px/docs-review-lo.pdf 12" \
	"$dx/lo_table.docx $px/docs-lo_table-lo.pdf 4" "$px/ruled.docx $px/split-lo.pdf 25" \
	"$dx/gb2312_nav.html $px/docs-gb2312_nav-chromium.pdf 5"; do
	set -- $pair
	rm -f "$tmp/s.db" "$tmp/p.db"
	"$JIXIAO" --db "$tmp/s.db" import "$1" >/dev/null 2>"$tmp/err" || fail "$1: $(cat "$tmp/err")"
	"$JIXIAO" --db "$tmp/p.db" import "$2" >/dev/null 2>"$tmp/err" || fail "$2: $(cat "$tmp/err")"
	out=$(same_values "$tmp/s.db" "$tmp/p.db" 2>&1) || fail "$(basename "$2"): $out"
	case "$out" in *"$3 rows"*) ;; *) fail "$(basename "$2"): $out, expected $3 rows" ;; esac
done

# --dry-run shows the grid found, page by page, before the recogniser's account
db="$tmp/j.db"
"$JIXIAO" --db "$db" import --dry-run "$px/ruled-chromium.pdf" >"$tmp/out" 2>&1 || fail "dry run exit $?"
grep -q "^table 1: 27 rows × 6 columns, pages 1-3, cells from the ruling lines$" "$tmp/out" ||
	fail "dry run lacks the grid's size: $(head -3 "$tmp/out")"
grep -q "^    -- 第 2 页 --$" "$tmp/out" || fail "dry run lacks the page marks"
grep -q "^    3 | ↑ | ↑ | 决策流程的规范性 | 决策流程设计是否依据充分，是… | 3 | 3$" "$tmp/out" ||
	fail "dry run lacks a grid row: $(grep '^    3 |' "$tmp/out")"
grep -q "^  第 3 页 表 1 第 27 行 第 6 列: 合计: 分值 100, 得分 93$" "$tmp/out" ||
	fail "dry run lacks a row with its page"
"$JIXIAO" --db "$db" import --dry-run "$px/ruleless-lo.pdf" >"$tmp/out" 2>&1 || fail "dry run exit $?"
grep -q "^table 1: 27 rows × 6 columns, pages 1-4, columns from the gaps between words$" \
	"$tmp/out" || fail "dry run of a rule-less table: $(head -3 "$tmp/out")"
[ ! -e "$db" ] || fail "a dry run created the database"

# --debug-grid: a PNG of the pages with tables (4 pages of 612 × 792 pt at 100 dpi, 24 px
# apart), red ruling lines on them (ImageMagick counts them)
"$JIXIAO" --db "$db" import --dry-run --debug-grid "$tmp/grid.png" "$px/ruled-lo.pdf" \
	>/dev/null 2>"$tmp/err" || fail "--debug-grid: $(cat "$tmp/err")"
size=$(identify -format "%w %h %[type]" "$tmp/grid.png" 2>&1)
[ "$size" = "851 4497 TrueColor" ] || fail "--debug-grid picture: $size"
# pixels of the red the lines are drawn in (over white: #EB3333)
red=$(convert "$tmp/grid.png" -fuzz 25% -fill black +opaque "#EB3333" -fill white \
	-opaque "#EB3333" -format "%[fx:round(mean*w*h)]" info: 2>&1)
[ "$red" -gt 20000 ] 2>/dev/null || fail "--debug-grid draws no lines: $red red pixels"
"$JIXIAO" --db "$db" import "$px/ruled-lo.pdf" >/dev/null 2>&1 || fail "import into a new database"
before=$(sqlite3 "$db" .dump)
"$JIXIAO" --db "$db" import --replace --debug-grid "$db" "$px/ruled-chromium.pdf" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] && grep -q "is the open database" "$tmp/err" ||
	fail "--debug-grid onto the database: exit $rc, $(cat "$tmp/err")"
[ "$(sqlite3 "$db" .dump)" = "$before" ] || fail "--debug-grid onto the database changed it"
"$JIXIAO" --db "$db" import --debug-grid "$tmp/g.png" "$px/ruled-lo.pdf" "$px/ruled-chromium.pdf" \
	>/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- "--debug-grid draws one file" "$tmp/err" || fail "--debug-grid with two files"

# what cannot be read: exit 1, the file and what to do, database unchanged
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\nthe rest is missing\n' >"$tmp/cut.pdf"
for f in "$px/scanned.pdf|scanned.pdf: no page of this PDF has a text layer" \
	"$px/encrypted.pdf|encrypted.pdf: the PDF is encrypted" \
	"$tmp/cut.pdf|cut.pdf: not a readable PDF" \
	"$px/docs-utf8_single-chromium.pdf|docs-utf8_single-chromium.pdf: no indicator table found"; do
	file=${f%%|*} want=${f#*|}
	"$JIXIAO" --db "$db" import "$file" >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc -eq 1 ] || fail "$file: exit $rc"
	grep -qF "$want" "$tmp/err" || fail "$file: $(cat "$tmp/err")"
	[ "$(sqlite3 "$db" .dump)" = "$before" ] || fail "$file: database changed"
done

[ $fails -eq 0 ] && echo "pdf_import: all passed" || { echo "pdf_import: $fails failure(s)"; exit 1; }
