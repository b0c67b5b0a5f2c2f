#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overview_xlsx.sh -- `jixiao overview --format xlsx --out FILE` read back with openpyxl as
# a bureau analyst's Excel would: the six sheets with their Chinese names in order, every
# value equal to `overview --format csv` (the matrix wide, one row per department, in
# percent of the total weight), the grade fills of the matrix, frozen header rows (and the
# matrix's first column), an autofilter over every sheet's rows, a 数据性质 column
# (真实/合成) on every sheet, a department named like a formula stored as text; errors
# (no --out, --out onto the database, a missing directory) leave no file and the database
# unchanged.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3 # Debian's, with python3-openpyxl (scripts/common.sh)
"$py" -c 'import openpyxl' 2>/dev/null || fail "python3-openpyxl is needed by this test"

data="$JX_SOURCE_DIR/datasets"
run_db="$tmp/o.db"
run 0 init
run 0 import "$data/synthetic/scores.csv" "$data/synthetic/figures.csv" \
	"$data/real/2023_nanjing_psb_narcotics_detachment.csv"
run 0 alias add --file "$data/synthetic/aliases.csv"
# a department named like a formula: text in the workbook, never a formula
{
	echo '# provenance: synthetic'
	echo 'department,year,kind,level1,level2,level3,explanation,weight,score,score_origin'
	for y in 2023 2024; do
		echo "\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",$y,self,决策,目标,目标明确性,,60,$((40 + y - 2023)),stated"
		echo "\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",$y,self,决策,目标,绩效指标,,40,30,stated"
	done
} >"$tmp/formula.csv"
run 0 import "$tmp/formula.csv"

for v in matrix weak gap movers warnings distribution; do
	run 0 overview --view "$v" --format csv --sort rate
	cp "$tmp/out" "$tmp/$v.csv"
done
run 0 overview --format xlsx --out "$tmp/ov.xlsx" --sort rate
grep -qx "$tmp/ov.xlsx" "$tmp/out" || fail "the workbook's path is not printed"

"$py" - "$tmp" <<'PY' || fail "the workbook differs from the CSV views"
import csv, sys, openpyxl
from openpyxl.utils import get_column_letter
tmp = sys.argv[1]
wb = openpyxl.load_workbook(f"{tmp}/ov.xlsx")
names = ["矩阵", "薄弱指标", "自评与复核", "变动", "预警", "分布"]
assert wb.sheetnames == names, wb.sheetnames

def rows(name):
    return list(csv.reader(l for l in open(f"{tmp}/{name}.csv", encoding="utf-8") if not l.startswith("#")))

nature = {"real": "真实", "synthetic": "合成"}
for ws in wb.worksheets:
    head = [c.value for c in ws[1]]
    assert head[-1] == "数据性质" or "数据性质" in head, (ws.title, head)
    assert ws.freeze_panes == ("B2" if ws.title == "矩阵" else "A2"), (ws.title, ws.freeze_panes)
    if ws.max_row > 1:
        want = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
        assert ws.auto_filter.ref == want, (ws.title, ws.auto_filter.ref, want)

# the matrix, wide: departments in --sort rate order, percent of the total weight, fills
m = rows("matrix")
h = m[0]
cells = [dict(zip(h, r)) for r in m[1:]]
order = []
for r in cells:
    if r["department"] not in order:
        order.append(r["department"])
ws = wb["矩阵"]
years = [c.value for c in ws[1]][1:-1]
assert years == sorted({r["year"] for r in cells}), years
assert [ws.cell(i, 1).value for i in range(2, ws.max_row + 1)] == order, "departments or order"
fills = {"优": "FFC8E6C9", "良": "FFFFF3C4", "中": "FFFFD8A8", "差": "FFF8B4B4", "": "FFEEEEEE"}
seen = 0
for r in cells:
    row = order.index(r["department"]) + 2
    c = ws.cell(row, years.index(r["year"]) + 2)
    if r["total_score"]:
        want = 100 * float(r["total_score"]) / float(r["total_weight"])
        assert c.data_type == "n" and abs(c.value - want) < 1e-9, (r, c.value)
    else:
        assert c.value is None, (r, c.value)
    assert c.fill.fgColor.rgb == fills[r["grade"]], (r, c.fill.fgColor.rgb)
    assert ws.cell(row, len(years) + 2).value == nature[r["provenance"]], r
    seen += 1
assert seen == len(cells) and seen > 100, seen
# a year the department was not evaluated: an empty cell without a fill
present = {(r["department"], r["year"]) for r in cells}
empty = [(d, y) for d in order for y in years if (d, y) not in present]
assert empty, "the fixture has departments missing some years"
for d, y in empty:
    c = ws.cell(order.index(d) + 2, years.index(y) + 2)
    assert c.value is None and c.fill.fill_type is None, (d, y)
hyper = '=HYPERLINK("http://example.invalid","x")'
c = ws.cell(order.index(hyper) + 2, 1)
assert c.value == hyper and c.data_type == "s", (c.value, c.data_type)

# headings in the documents' language: Chinese by default
assert wb["薄弱指标"]["A1"].value == "一级指标", wb["薄弱指标"]["A1"].value

# the other views: the CSV column for column, provenance as 数据性质
for sheet, view in zip(names[1:], ["weak", "gap", "movers", "warnings", "distribution"]):
    v = rows(view)
    ws = wb[sheet]
    got = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert ws.max_column == len(v[0]), (sheet, ws.max_column, v[0])
    assert len(got) == len(v) - 1, (sheet, len(got), len(v) - 1)
    for g, w in zip(got, v[1:]):
        for name, a, b in zip(v[0], g, w):
            if name == "provenance":
                assert a == nature[b], (sheet, a, b)
            elif b == "":
                assert a is None, (sheet, name, a)
            elif isinstance(a, (int, float)):
                assert float(b) == a, (sheet, name, a, b)
            else:
                assert a == b, (sheet, name, a, b)
    if view in ("weak", "gap", "warnings"):
        assert len(got) > 0, (sheet, "empty on the bundled data")
PY

# ---- errors: nothing written, the database unchanged ----
before=$(db_dump "$run_db")
run 2 overview --format xlsx
has "$tmp/err" "--out"
run 2 overview --out "$tmp/x.xlsx"
run 1 overview --format xlsx --out "$run_db"
run 1 overview --format xlsx --out "$tmp/no/such/dir/x.xlsx"
[ ! -e "$tmp/x.xlsx" ] || fail "a workbook was written without --format xlsx"
[ "$(db_dump "$run_db")" = "$before" ] || fail "overview --format xlsx changed the database"
leftover=$(find "$tmp" -name '.jixiao*' | head -1)
[ -z "$leftover" ] || fail "a temporary file was left: $leftover"
finish
