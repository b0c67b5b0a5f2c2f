#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# overview.sh -- `jixiao overview` on the bundled data as a user runs it: the matrix
# against `jixiao list` (every department and year: total, weight, grade), the views in
# CSV and JSON, --sort, --dept lists, and errors that leave the database unchanged.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"
. "$(dirname "$0")/lib.sh"

data="$JX_SOURCE_DIR/datasets"
run_db="$tmp/o.db"
run 0 init
run 0 import "$data/synthetic/scores.csv" "$data/synthetic/figures.csv" \
	"$data/real/2023_nanjing_psb_narcotics_detachment.csv"
run 0 alias add --file "$data/synthetic/aliases.csv"

# ---- the matrix agrees with list, cell by cell ----
run 0 list --kind self --format csv
cp "$tmp/out" "$tmp/list.csv"
run 0 overview --format csv
cp "$tmp/out" "$tmp/matrix.csv"
head -1 "$tmp/matrix.csv" | grep -qx 'department,year,basis,total_score,total_weight,rate,grade,change_pp,new_period,rank,peers,provenance' ||
	fail "matrix header: $(head -1 "$tmp/matrix.csv")"
python3 - "$tmp/list.csv" "$tmp/matrix.csv" <<'PY' || fail "matrix differs from list"
import csv, sys
lst = {(r["department"], r["year"]): r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
mat = {(r["department"], r["year"]): r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
assert set(lst) == set(mat), (set(lst) ^ set(mat))
for k, m in mat.items():
    l = lst[k]
    for f in ("total_score", "total_weight", "grade", "provenance"):
        assert l[f] == m[f], (k, f, l[f], m[f])
    assert m["basis"] == "self"
# the change is the difference of rates from the department's previous listed year
prev = {}
for k in sorted(mat, key=lambda k: (k[0], int(k[1]))):
    m = mat[k]
    rate = float(m["total_score"]) / float(m["total_weight"]) if m["total_score"] else None
    p = prev.get(k[0])
    if p is not None and rate is not None:
        assert abs(float(m["change_pp"]) - (rate - p) * 100) < 1e-6, (k, m["change_pp"])
    elif m["change_pp"]:
        raise AssertionError((k, "change without a previous year"))
    prev[k[0]] = rate
print(len(mat), "cells agree")
PY

# ---- ranks as `jixiao rank` gives them ----
run 0 rank --year 2024 --format csv
cp "$tmp/out" "$tmp/rank.csv"
python3 - "$tmp/rank.csv" "$tmp/matrix.csv" <<'PY' || fail "matrix ranks differ from rank"
import csv, sys
rk = {r["department"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
n = 0
for m in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    if m["year"] == "2024":
        assert rk[m["department"]]["rank"] == m["rank"], (m["department"], m["rank"])
        n += 1
assert n == len(rk), (n, len(rk))
PY

# ---- the real department stays out of the synthetic peer group ----
has "$tmp/matrix.csv" '南京市公安局禁毒支队,2023,self,98,100,0.98,优,,0,,1,real'

# ---- the wide table says what is synthetic; every view in every format ----
run 0 overview
has "$tmp/out" "synthetic data: fictional departments" # one language, as every table
has "$tmp/out" "示例市民政局"
for view in matrix weak gap movers warnings distribution; do
	run 0 overview --view "$view" --format json
	python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); assert isinstance(v, list) and v, "empty"' \
		"$tmp/out" || fail "overview --view $view --format json is not a non-empty array"
	run 0 overview --view "$view" --format csv
	run 0 overview --view "$view"
done

# ---- warnings: 示例市民政局's review took it from 良 to 中 in 2024 ----
run 0 overview --view warnings --format csv
has "$tmp/out" '示例市民政局,2024,grade_drop,,0.775,2023 良 89.0% (self) -> 2024 中 77.5% (review; self 84.5%),synthetic'

# ---- movers: 民政局's fall of 4.5 points leads ----
run 0 overview --view movers --top 1 --format csv
[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "movers --top 1 gives $(wc -l <"$tmp/out") lines"
has "$tmp/out" 'falling,示例市民政局,2023,2024,0.89,0.845,-4.5,良,良,same,synthetic'

# ---- --sort rate: the best 2024 total first (文化广电和旅游局 100) ----
run 0 overview --sort rate --format csv
sed -n 2p "$tmp/out" | grep -q '^示例市文化广电和旅游局,' || fail "--sort rate: $(sed -n 2p "$tmp/out")"

# ---- --dept a list of unique parts ----
run 0 overview --dept 民政局,教育局 --format csv
cut -d, -f1 "$tmp/out" | sort -u | tr '\n' ' ' | grep -qx 'department 示例市教育局 示例市民政局 ' ||
	fail "--dept list: $(cut -d, -f1 "$tmp/out" | sort -u | tr '\n' ' ')"

# ---- errors: usage, unknown department; the database is unchanged ----
before=$(db_dump "$run_db")
run 2 overview --view nonsense
has "$tmp/err" "nonsense"
run 1 overview --dept 不存在的部门
has "$tmp/err" "不存在的部门"
run 1 overview --years 1990-1991
[ "$(db_dump "$run_db")" = "$before" ] || fail "overview changed the database"
finish
