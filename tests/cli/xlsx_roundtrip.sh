#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# xlsx_roundtrip.sh -- `jixiao export --format xlsx` then `jixiao import` of that workbook
# stores the same evaluations: the canonical CSV of both databases is the same byte for
# byte (provenance included), every evaluation's content hash is the same (level-1
# weights, declared totals, self-score and text sections included), and importing the
# workbook onto the database it came from changes nothing. A workbook edited badly is
# refused at its cell, the database unchanged.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
real_txt="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.txt"
synthetic="$JX_SOURCE_DIR/datasets/synthetic/scores.csv"
py=/usr/bin/python3 # Debian's, with python3-openpyxl (scripts/common.sh)
"$py" -c 'import openpyxl' 2>/dev/null || fail "python3-openpyxl is needed by this test"
command -v sqlite3 >/dev/null || fail "sqlite3 is needed by this test"

hashes() {
	sqlite3 "$1" "SELECT d.name, e.year, e.kind, e.provenance, e.content_sha256,
	  e.declared_weight, e.declared_score, e.self_score, length(e.problems)
	  FROM evaluation e JOIN department d ON d.id = e.department_id
	  WHERE e.project_id IS NULL ORDER BY 1, 2, 3"
}

# the real report (declared 合计, self-score, texts, a score inferred from 合计) and the
# synthetic scores (146 evaluations of both kinds, synthetic provenance)
run 0 --db "$tmp/a.db" import "$real_txt"
run 0 --db "$tmp/a.db" import "$synthetic"
run 0 --db "$tmp/a.db" export --format xlsx --out "$tmp/a.xlsx"
run 0 --db "$tmp/a.db" export
cp "$tmp/out" "$tmp/a.csv"

run 0 --db "$tmp/b.db" import "$tmp/a.xlsx"
has "$tmp/out" "146 evaluations added"
hasnt "$tmp/err" "warning"
run 0 --db "$tmp/b.db" export
cmp "$tmp/a.csv" "$tmp/out" || fail "canonical CSV of the re-imported workbook differs"
has "$tmp/out" ",synthetic"
has "$tmp/out" ",real"
hashes "$tmp/a.db" >"$tmp/a.hashes"
hashes "$tmp/b.db" >"$tmp/b.hashes"
[ "$(wc -l <"$tmp/a.hashes")" -eq 146 ] || fail "expected 146 evaluations in a.db"
diff "$tmp/a.hashes" "$tmp/b.hashes" || fail "content hashes differ after the round trip"
# the real report's declared total 100 and 98 and its texts came back
grep -q '^南京市公安局禁毒支队|2023|self|real|[0-9a-f]*|100.0|98.0|' "$tmp/b.hashes" ||
	fail "the real report's declared totals are not in b.db: $(grep 南京 "$tmp/b.hashes")"

# onto the database it came from: nothing to do
cp "$tmp/a.db" "$tmp/a0.db"
run 0 --db "$tmp/a.db" import "$tmp/a.xlsx"
has "$tmp/out" "0 evaluations added, 0 replaced, 146 unchanged"
has "$tmp/out" "identical content is already stored; nothing to do"
[ "$(db_dump "$tmp/a.db")" = "$(db_dump "$tmp/a0.db")" ] || fail "re-import changed a.db"

# --dry-run says how the workbook was read
run 0 --db "$tmp/c.db" import --dry-run "$tmp/a.xlsx"
has "$tmp/out" "a.xlsx: a workbook written by jixiao"

# edited badly: refused at the cell, nothing stored
"$py" - "$tmp" <<'PY'
import sys, openpyxl
d = sys.argv[1]
wb = openpyxl.load_workbook(d + '/a.xlsx')
wb['evaluations']['C2'] = '审计'
wb.save(d + '/kind.xlsx')
wb = openpyxl.load_workbook(d + '/a.xlsx')
wb['scores']['H2'] = 999  # 得分 of the first row, above its weight
wb.save(d + '/score.xlsx')
PY
run 1 --db "$tmp/d.db" import "$tmp/kind.xlsx"
has "$tmp/err" "kind.xlsx!evaluations:2: kind must be 自评 or 复核, not '审计'"
run 1 --db "$tmp/d.db" import "$tmp/score.xlsx"
has "$tmp/err" "score.xlsx!scores:2:8: score 999 is above its weight"
[ ! -e "$tmp/d.db" ] || {
	run 0 --db "$tmp/d.db" list
	hasnt "$tmp/out" "2023"
}
finish
