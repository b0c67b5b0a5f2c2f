#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# outputs.sh -- the output guarantees of docs/reliability.md, end to end (issue 13):
#  1. every case of tests/outputs/CASES: exit code, message, the database's content
#     unchanged, the pre-existing output file unchanged (when the case says so), no
#     temporary file left, no command run (no PWNED file);
#  2. what a table line cannot say: names used byte for byte, "-" as standard output,
#     `plot all` all or nothing, the script of a chart naming its real output.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"
command -v gnuplot >/dev/null || { echo "outputs: gnuplot missing: skipped"; exit 77; }
command -v sqlite3 >/dev/null || { echo "outputs: sqlite3 missing"; exit 1; }

ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
fail() { echo "outputs: FAIL: $*" >&2; exit 1; }
fx="$JX_SOURCE_DIR/tests/fixtures/analysis"
cases="$JX_SOURCE_DIR/tests/outputs/CASES"
base="$ROOT/base.db"
"$JIXIAO" --db "$base" import "$fx/scores.csv" "$fx/figures.csv" \
	"$JX_SOURCE_DIR/tests/outputs/quote_dept.csv" >/dev/null || fail "cannot build the database"
export SOURCE_DATE_EPOCH=1700000000

# fake gnuplots: silent (exit 0, no file), junk (a file that is no image), slow, failing
fake() {
	mkdir -p "$ROOT/fake_$1"
	printf '#!/bin/sh\n%s\n' "$2" >"$ROOT/fake_$1/gnuplot"
	chmod +x "$ROOT/fake_$1/gnuplot"
}
fake silent 'cat >/dev/null; exit 0'
fake junk "out=\$(sed -n \"s/^set output '\\(.*\\)'\$/\\1/p\"); echo 'not an image' >\"\$out\"; exit 0"
fake slow 'sleep 30'
fake fail 'echo "line 3: boom" >&2; exit 1'
FAKE_SILENT=$ROOT/fake_silent FAKE_JUNK=$ROOT/fake_junk FAKE_SLOW=$ROOT/fake_slow
FAKE_FAIL=$ROOT/fake_fail
SRC=$JX_SOURCE_DIR

# Overwrite every page of a database but the first (the header) with junk.
damage() {
	local size pages
	size=$(stat -c %s "$1") pages=$(($(stat -c %s "$1") / 4096))
	[ "$pages" -ge 2 ] || return 1
	head -c $((size - 4096)) /dev/zero | tr '\0' '\132' |
		dd of="$1" bs=4096 seek=1 conv=notrunc status=none
}

# A fresh working state: the database (in WAL mode, with symlink and hard link), $OUT.
setup() {
	TMP=$ROOT/work # what the cases call $TMP: the working directory
	rm -rf "$TMP" && mkdir -p "$TMP/sub" && cd "$TMP" || fail "setup"
	DB="$TMP/p.db" OUT="$TMP/keep.out"
	cp "$base" "$DB" && ln -s "$DB" db_link && ln "$DB" db_hard || fail "setup links"
	printf 'previous\n' >"$OUT"
	: >empty.db && ln -s "$TMP/nowhere.db" dangling.db || fail "setup databases"
	cp "$base" corrupt.db && sqlite3 corrupt.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null &&
		damage corrupt.db || fail "setup corrupt.db"
	sqlite3 "$DB" .dump >"$ROOT/dump.before"
}

# Everything a case must leave as it was.
after_case() {
	local name=$1 keep=$2
	sqlite3 "$DB" .dump >"$ROOT/dump.after"
	cmp -s "$ROOT/dump.before" "$ROOT/dump.after" || fail "$name: the database changed"
	if [ "$keep" = yes ] && [ "$(cat "$OUT")" != previous ]; then
		fail "$name: the existing output file changed"
	fi
	left=$(find "$ROOT/work" -name '.jixiao-*')
	[ -z "$left" ] || fail "$name: temporary files left: $left"
	[ -z "$(find "$ROOT" -name PWNED)" ] || fail "$name: a command ran (PWNED exists)"
	[ ! -e "$TMP/new.db" ] || fail "$name: a failed import created a database"
	[ ! -s "$TMP/empty.db" ] || fail "$name: the empty file was made a database"
	[ -z "$(find "$TMP" -name '*.import-*')" ] || fail "$name: an import's temporary database stays"
}

n=0
while IFS=$'\t' read -r name want frag keep env args; do
	case "$name" in '#'* | '') continue ;; esac
	setup
	env_words=()
	[ "$env" = - ] || env_words=("$(eval "echo \"$env\"")")
	eval "set -- $args"
	env "${env_words[@]}" "$JIXIAO" --db "$DB" "$@" >"$ROOT/out" 2>"$ROOT/err"
	got=$?
	[ "$got" -eq "$want" ] ||
		{ cat "$ROOT/err" >&2; fail "$name: exit $got, expected $want"; }
	if [ "$frag" != - ] && ! grep -qF -- "$frag" "$ROOT/err"; then
		cat "$ROOT/err" >&2
		fail "$name: stderr lacks '$frag'"
	fi
	after_case "$name" "$keep"
	n=$((n + 1))
done <"$cases"
[ "$n" -ge 30 ] || fail "only $n cases read from $cases"

# --- what a table line cannot say ---
setup
# names byte for byte: a newline, a byte that is not UTF-8, a leading quote
for name in $'new\nline' $'bad\xffbyte' "'quoted''name"; do
	"$JIXIAO" --db "$DB" plot total --dept 甲 --format svg --out "$ROOT/work/$name" >/dev/null ||
		fail "plot --out with a byte-exact name failed"
	head -c 5 "$ROOT/work/$name" | grep -q '<' || fail "the chart was not written under its exact name"
	"$JIXIAO" --db "$DB" export --out "$ROOT/work/$name.csv" || fail "export byte-exact name"
	[ -s "$ROOT/work/$name.csv" ] || fail "export did not write its exact name"
done
after_case names yes
# "-" is standard output for export and the HTML report, never a file named "-"
"$JIXIAO" --db "$DB" export --out - >"$ROOT/stdout.csv" || fail "export --out -"
"$JIXIAO" --db "$DB" export >"$ROOT/plain.csv" || fail "export"
cmp -s "$ROOT/stdout.csv" "$ROOT/plain.csv" || fail "export --out - differs from standard output"
"$JIXIAO" --db "$DB" report --dept 甲 --no-charts --out - >"$ROOT/report.html" || fail "report -"
grep -q '</html>' "$ROOT/report.html" || fail "report --out - wrote no HTML"
[ ! -e "$ROOT/work/-" ] || fail "a file named - was written"
# plot all: all or nothing -- a failing gnuplot leaves the previous set as it was
mkdir -p charts && printf 'old total\n' >charts/total.png
PATH="$FAKE_FAIL:$PATH" "$JIXIAO" --db "$DB" plot all --dept 甲 --out-dir charts >/dev/null 2>&1 &&
	fail "plot all with a failing gnuplot succeeded"
[ "$(cat charts/total.png)" = "old total" ] || fail "plot all replaced a chart before failing"
[ "$(ls charts)" = total.png ] || fail "plot all left new files after failing: $(ls charts)"
"$JIXIAO" --db "$DB" plot all --dept 甲 --out-dir charts --script scripts >"$ROOT/out" ||
	fail "plot all"
[ "$(head -c 4 charts/total.png | tail -c 3)" = PNG ] || fail "plot all did not replace total.png"
grep -qF "set output './charts/total.png'" scripts/total.gp ||
	fail "the kept script does not name the chart's real file: $(grep 'set output' scripts/total.gp)"
after_case plot_all yes
echo "ok: $n cases of $cases and the byte-exact, standard-output and all-or-nothing checks"
