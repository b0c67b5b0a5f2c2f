#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# readers_legacy.sh -- the old binary formats end to end through `jixiao import`:
# .xls and .et (FreeXL), .doc and .wps (LibreOffice, when soffice is on PATH), all made
# by tests/fixtures/legacy/make.py from one synthetic table.
#
# Each file must store exactly the rows of eval.expected.csv (written by make.py from
# its own data, not by jixiao): the canonical export is compared byte for byte. Without
# soffice on PATH (PATH manipulated here) a .doc is refused with how to convert it; a
# soffice that hangs is killed at JIXIAO_CONVERT_TIMEOUT; bad files leave the database
# as it was.
# ctest-labels: slow (LibreOffice converts for real, ~15 s)
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
fix="$JX_SOURCE_DIR/tests/fixtures/legacy"
want="$fix/eval.expected.csv"
export TMPDIR="$tmp/tmp" # the readers' private directories go here: checked empty below
mkdir -p "$TMPDIR"

no_leftovers() { [ -z "$(ls -A "$TMPDIR")" ] || fail "temporary files left: $(ls "$TMPDIR")"; }

# ---- .xls and .et: the same rows as the canonical file, provenance included ----
for f in eval.xls eval.et; do
	db="$tmp/$f.db"
	run 0 --db "$db" import "$fix/$f"
	has "$tmp/out" "1 evaluation added"
	run 0 --db "$db" export
	cmp -s "$tmp/out" "$want" || { diff "$tmp/out" "$want" >&2; fail "$f stores other rows"; }
	run 0 --db "$db" show 示例市文化和旅游局 2023 --format csv
	has "$tmp/out" "total,合计,,,100,95.5"
done
# the .xls and the canonical CSV are the same content
run 0 --db "$tmp/eval.xls.db" import "$fix/eval.et"
has "$tmp/out" "identical content is already stored; nothing to do"
# --dry-run says how the sheet was read, with Excel's places
run 0 --db "$tmp/dry.db" import --dry-run "$fix/eval.xls"
has "$tmp/out" "列 A → 一级指标, 列 B → 二级指标, 列 C → 三级指标"
has "$tmp/out" "自评表!F7: 投入 / 预算编制 / 预算编制完整性: 分值 4, 得分 3.5"
has "$tmp/out" "sheet 空白 is empty"
no_leftovers

# ---- .doc and .wps without soffice: refused, saying how to convert ----
mkdir -p "$tmp/bin"
for t in cmp sqlite3; do ln -s "$(command -v $t)" "$tmp/bin/$t" 2>/dev/null; done
db="$tmp/nosoffice.db"
PATH="$tmp/bin" run 1 --db "$db" import "$fix/eval.doc"
has "$tmp/err" "$fix/eval.doc: a Word 97-2003 or WPS document (.doc/.wps)"
has "$tmp/err" "soffice is not on PATH"
has "$tmp/err" "另存为"
[ ! -e "$db" ] || fail "a refused import created a database"

# ---- a soffice that never finishes: killed at the limit, nothing left behind ----
cat >"$tmp/bin/soffice" <<EOF
#!/bin/sh
echo \$\$ >"$tmp/soffice.pid"
exec sleep 300
EOF
chmod +x "$tmp/bin/soffice"
start=$(date +%s)
PATH="$tmp/bin:/usr/bin:/bin" JIXIAO_CONVERT_TIMEOUT=2 run 1 --db "$db" import "$fix/eval.wps"
has "$tmp/err" "LibreOffice did not finish converting a Word 97-2003 or WPS document (.doc/.wps) within 2 s and was stopped"
[ $(($(date +%s) - start)) -lt 60 ] || fail "the time limit did not stop soffice"
pid=$(cat "$tmp/soffice.pid")
! kill -0 "$pid" 2>/dev/null || grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null ||
	fail "the hanging soffice ($pid) is still running"
[ ! -e "$db" ] || fail "a refused import created a database"
no_leftovers
rm -f "$tmp/bin/soffice"

# ---- .doc and .wps through the real LibreOffice ----
if command -v soffice >/dev/null; then
	for f in eval.doc eval.wps; do
		db="$tmp/$f.db"
		run 0 --db "$db" import "$fix/$f"
		run 0 --db "$db" export
		cmp -s "$tmp/out" "$want" || { diff "$tmp/out" "$want" >&2; fail "$f stores other rows"; }
	done
	no_leftovers
else
	echo "readers_legacy: soffice not installed: .doc/.wps conversion not checked"
fi

# ---- bad binary files leave the database as it was ----
db="$tmp/base.db"
run 0 --db "$db" import "$fix/eval.xls"
before=$(db_dump "$db")
head -c 4000 "$fix/eval.xls" >"$tmp/cut.xls"
printf '\320\317\021\340\241\261\032\341' >"$tmp/sig_only.xls"
head -c 600 /dev/zero >>"$tmp/sig_only.xls"
for bad in "$tmp/cut.xls:a damaged Office file (.doc, .xls, .wps or .et): its directory cannot be read" \
	"$tmp/sig_only.xls:a damaged Office file" \
	"$fix/damaged_freexl_overread.xls:neither a Word document nor an Excel workbook"; do
	file=${bad%%:*} frag=${bad#*:}
	run 1 --db "$db" import "$file"
	has "$tmp/err" "$file: "
	has "$tmp/err" "$frag"
	[ "$(db_dump "$db")" = "$before" ] || fail "$file changed the database"
done
no_leftovers
finish
