#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# foundation.sh -- end-to-end runs of the built jixiao: init, import of the real report,
# list/show, canonical round trips, bad input leaving the database byte-for-byte as it
# was, re-import, --replace, --dry-run, usage errors, --help of every command, --version.
#
# Expected values come from the report itself (datasets/real/*.txt): 36 indicators,
# weights 100, score 98 (自评价综合得分 98 分), deductions 1 (工作开展情况) + 1 (部门创新情况),
# one blank score (部门预算执行率) that 合计 fixes at 2.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
real_txt="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.txt"
real_csv="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.csv"
fixtures="$JX_SOURCE_DIR/tests/fixtures/csv"
dept=南京市公安局禁毒支队
for f in "$real_txt" "$real_csv" "$fixtures/canonical_scores.csv" "$fixtures/canonical_figures.csv"; do
	[ -s "$f" ] || fail "missing fixture $f"
done
command -v sqlite3 >/dev/null || fail "sqlite3 (the Debian package) is needed by this test"

# content of a database, and the bytes of its file once the WAL is checkpointed
file_sum() {
	sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null || fail "checkpoint $1"
	sha256sum <"$1"
}

# ---- 1. --version, --help, usage errors ----
run 0 --version
grep -qE '^jixiao [0-9]+\.[0-9]+\.[0-9]+ \(schema [0-9]+\)$' "$tmp/out" || fail "--version: $(cat "$tmp/out")"
run 0 --help
has "$tmp/out" "usage: jixiao [--db PATH] [--lang zh|en] <command>"
commands=$(awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }' "$tmp/out")
for c in init import export list show alias indicators grades; do
	grep -qx "$c" <<<"$commands" || fail "--help does not list the command $c"
done
for c in $commands; do
	run 0 "$c" --help
	has "$tmp/out" "usage: jixiao" "$c --help"
	[ -s "$tmp/err" ] && fail "$c --help wrote to stderr"
done
db="$tmp/j.db"
run 2
run 2 frobnicate
has "$tmp/err" "unknown command 'frobnicate'"
run 2 --bogus list
run 2 --db "$db" import
has "$tmp/err" "no input file"
run 2 --db "$db" list --format xml
run 2 --db "$db" list --bogus
run 2 --db "$db" show "$dept"
run 2 --db "$db" show "$dept" twenty
run 2 --db "$db" export --what everything
run 2 --db "$db" export --format table
run 2 --db "$db" import --kind annual "$real_txt"
run 2 --db "$db" init extra
[ -e "$db" ] && fail "a usage error created the database"
run 1 --db "$db" list
[ -e "$db" ] && fail "list on a missing database created it"

# ---- 2. init ----
run 0 --db "$db" init
has "$tmp/out" "created"
[ "$(sqlite3 "$db" 'PRAGMA user_version')" = 10 ] || fail "user_version is not 10"
[ "$(sqlite3 "$db" 'PRAGMA application_id')" = $((0x4A584442)) ] || fail "application_id is not JXDB"
run 0 --db "$db" init
has "$tmp/out" "up to date"

# ---- 3. the real report ----
run 0 --db "$db" import "$real_txt"
has "$tmp/out" "1 evaluation added"
has "$tmp/out" "36 indicator rows"
has "$tmp/err" "warning"
has "$tmp/err" "部门预算执行率"
run 0 --db "$db" list --format csv
printf '%s\n' "department,year,kind,total_weight,total_score,grade,deducted,provenance" \
	"$dept,2023,self,100,98,优,2,real" >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || { diff "$tmp/want" "$tmp/out" >&2; fail "list --format csv"; }
# JIXIAO_DB names the database too
JIXIAO_DB="$db" "$JIXIAO" list --format csv >"$tmp/out2" || fail "list with JIXIAO_DB"
cmp -s "$tmp/out2" "$tmp/want" || fail "JIXIAO_DB was not used"

# show: level-1 subtotals (weights 20/35/25/10/10, scores 20/34/25/10/9) and 合计
run 0 --db "$db" show "$dept" 2023 --format csv
has "$tmp/out" "row_type,level1,level2,level3,weight,score,deduction,rate,score_origin,line"
has "$tmp/out" "subtotal,部门决策,,,20,20,0,1,,"
has "$tmp/out" "subtotal,部门管理,,,35,34,1,0.9714285714285714,,"
has "$tmp/out" "subtotal,部门履职,,,25,25,0,1,,"
has "$tmp/out" "subtotal,履职绩效,,,10,10,0,1,,"
has "$tmp/out" "subtotal,可持续发展能力,,,10,9,1,0.9,,"
has "$tmp/out" "total,合计,,,100,98,2,0.98,,"
has "$tmp/out" "indicator,部门管理,预算执行,部门预算执行率,2,2,0,1,inferred,"
[ "$(grep -c '^indicator,' "$tmp/out")" -eq 36 ] || fail "show: 36 indicator rows expected"
[ "$(grep -c '^subtotal,' "$tmp/out")" -eq 5 ] || fail "show: 5 subtotals expected"
run 0 --db "$db" show "$dept" 2023
has "$tmp/out" "合计"
grep -qE '^\* +indicator +部门管理 +预算绩效管理 +工作开展情况 +2 +1 +1 ' "$tmp/out" ||
	fail "show: the deduction of 工作开展情况 is not marked"
grep -qE '^  +subtotal +部门管理 .* 35 +34 +1 ' "$tmp/out" || fail "show: 部门管理 subtotal"
has "$tmp/out" "3563.83"
run 1 --db "$db" show "$dept" 2022
has "$tmp/err" "no self evaluation"

# the report reads into exactly the committed transcription, plus the staffing column
# (the report's staffing sentences, on every row; the transcription has none)
run 0 --db "$db" export --dept "$dept"
python3 - "$tmp/out" "$tmp/nostaff.csv" <<'EOF' || fail "export: the staffing column"
import csv, sys
want = ("2023 年底南京市公安局禁毒支队实有在职人员 59 人，离退休人员 20 人。另有在册警务辅助人员"
        "编制数为 17 人。公务用车编制数为 14 辆，实有车辆数为 14 辆。")
lines = open(sys.argv[1], encoding="utf-8", newline="").read().split("\n")
rows = list(csv.reader(lines[1:-1]))
assert rows[0][-1] == "staffing", rows[0]
assert all(r[-1] == want for r in rows[1:]), "staffing differs"
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    f.write(lines[0] + "\n")
    for l in lines[1:-1]:
        f.write(l[:l.rindex(",")] + "\n")  # the staffing text holds no ASCII comma
EOF
cmp -s "$tmp/nostaff.csv" "$real_csv" || { diff "$real_csv" "$tmp/nostaff.csv" | head >&2; fail "report export != $real_csv"; }

# ---- 4. re-import is a no-op ----
before=$(db_dump "$db")
run 0 --db "$db" import "$real_txt"
has "$tmp/out" "1 unchanged"
has "$tmp/out" "identical content is already stored"
[ "$(db_dump "$db")" = "$before" ] || fail "re-import changed the database"

# ---- 5. canonical round trips (fresh database each) ----
roundtrip() { # FILE WHAT
	local d="$tmp/rt.db"
	rm -f "$d" "$d-wal" "$d-shm"
	run 0 --db "$d" import "$1"
	run 0 --db "$d" export --what "$2"
	cmp "$tmp/out" "$1" >&2 || { diff "$1" "$tmp/out" | head >&2; fail "round trip of $1"; }
	run 0 --db "$d" export --what "$2" --out "$tmp/rt.out"
	cmp -s "$tmp/rt.out" "$1" || fail "export --out of $1"
}
roundtrip "$real_csv" scores
roundtrip "$fixtures/canonical_scores.csv" scores
roundtrip "$fixtures/canonical_figures.csv" figures

# a missing score is not a deduction, in `list` and in `show` alike: 交通局 2022 self has
# weights 10+15+25+20+30, scores 9.5+15+(missing)+20+28.25, deductions 0.5+0+1.75 = 2.25;
# its total is unknown (not 72.75), it has no grade (not 中), and 75 points have a score
run 0 --db "$tmp/rt.db" import "$fixtures/canonical_scores.csv"
run 0 --db "$tmp/rt.db" list --format csv --dept 示例市交通局 --years 2022 --kind self
printf '%s\n' "department,year,kind,total_weight,total_score,grade,deducted,provenance,scored_weight" \
	"示例市交通局,2022,self,100,,,2.25,synthetic,75" >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || { diff "$tmp/want" "$tmp/out" >&2; fail "list of the fixture"; }
run 0 --db "$tmp/rt.db" show 示例市交通局 2022 --format csv
has "$tmp/out" "subtotal,过程,,,45,,0,,incomplete,,20"
has "$tmp/out" "total,合计,,,100,,2.25,,incomplete,,75"
has "$tmp/out" "indicator,过程,资金管理,资金使用合规性,25,,,,missing,5"
run 0 --db "$tmp/rt.db" show 示例市交通局 2022
has "$tmp/out" "synthetic"

# ---- 6. a CSV with one bad row: exit 1, the row named, the database unchanged ----
cp "$fixtures/canonical_scores.csv" "$tmp/bad.csv"
# line 12 (示例市交通局 2023 self 完成率; lines 5-6 hold one quoted two-line field):
# score 61 above weight 60
sed -i '12s/,60,59.75,/,60,61,/' "$tmp/bad.csv"
grep -q ',60,61,' "$tmp/bad.csv" || fail "could not make the bad fixture"
dump_before=$(db_dump "$db")
sum_before=$(file_sum "$db")
run 1 --db "$db" import "$fixtures/canonical_figures.csv" "$tmp/bad.csv"
has "$tmp/err" "$tmp/bad.csv:12:9: score 61 is above its weight 60"
[ "$(db_dump "$db")" = "$dump_before" ] || fail "the failed import changed the database content"
[ "$(file_sum "$db")" = "$sum_before" ] || fail "the failed import changed the database file"
# a failure inside the transaction (conflict) is rolled back the same way: the first file's
# new evaluations are not kept either
sed 's/,5,4,stated$/,5,3,stated/' "$real_csv" >"$tmp/changed.csv"
grep -q ',5,3,stated$' "$tmp/changed.csv" || fail "could not make the changed fixture"
run 1 --db "$db" import "$fixtures/canonical_scores.csv" "$tmp/changed.csv"
has "$tmp/err" "$dept 2023 (self) is already stored with different content"
has "$tmp/err" "--replace"
[ "$(db_dump "$db")" = "$dump_before" ] || fail "the refused import changed the database content"
[ "$(file_sum "$db")" = "$sum_before" ] || fail "the refused import changed the database file"

# other bad input: a missing file; a GB18030 CSV is read (detected, or --encoding gb18030),
# refused only when told it is UTF-8
run 1 --db "$db" import "$tmp/no-such-file.csv"
has "$tmp/err" "$tmp/no-such-file.csv: No such file or directory"
iconv -f UTF-8 -t GB18030 "$fixtures/canonical_scores.csv" >"$tmp/gb.csv" || fail "iconv"
run 1 --db "$db" import --encoding utf-8 "$tmp/gb.csv"
has "$tmp/err" "$tmp/gb.csv:3: invalid UTF-8 byte sequence"
[ "$(file_sum "$db")" = "$sum_before" ] || fail "a refused file changed the database file"
for enc in auto gb18030; do
	rm -f "$tmp/gb.db"
	run 0 --db "$tmp/gb.db" import --encoding $enc "$tmp/gb.csv"
	run 0 --db "$tmp/gb.db" export
	cmp -s "$tmp/out" "$fixtures/canonical_scores.csv" ||
		fail "GB18030 import (--encoding $enc) did not give the UTF-8 file back"
done
run 1 --db "$db" export --out "$tmp/no-such-dir/x.csv"
has "$tmp/err" "No such file or directory"

# ---- 7. --dry-run writes nothing ----
run 0 --db "$db" import --dry-run "$fixtures/canonical_scores.csv"
has "$tmp/out" "dry run, nothing written"
has "$tmp/out" "4 evaluations added"
[ "$(db_dump "$db")" = "$dump_before" ] || fail "--dry-run changed the database"

# ---- 8. --replace ----
run 0 --db "$db" import --replace "$tmp/changed.csv"
has "$tmp/out" "1 replaced"
run 0 --db "$db" list --format csv
has "$tmp/out" "$dept,2023,self,100,97,优,3,real"
run 0 --db "$db" export --dept "$dept"
cmp -s "$tmp/out" "$tmp/changed.csv" || fail "export after --replace"

echo "foundation: ok"
