#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bad_inputs.sh -- every case of tests/bad/MANIFEST against a database holding the real report.
#
# A bad case must exit with the listed code, name "file:line:" and the listed fragment on
# stderr, and leave the database's content dump (sqlite3 .dump) exactly as it was. A
# hostile-but-valid name (ok_*) must import and come back unchanged through list, show and
# export. Big cases (a 1 MB line, 200 MB files) are generated here, in a temp dir.
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -u
: "${JIXIAO:?path of the built jixiao}" "${JX_SOURCE_DIR:?source dir}"
command -v sqlite3 >/dev/null || { echo "bad_inputs: sqlite3 not found" >&2; exit 1; }
PY=/usr/bin/python3 # Debian's, with python3-docx (generated document cases)
bad="$JX_SOURCE_DIR/tests/bad"
real="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment"
. "$(dirname "$0")/lib.sh"
passed=0 xfail=0

# ---- generated cases ----
gen_case() {
	local out="$tmp/${1#@}"
	case "$1" in
	@r_1mb_line.txt) # a 1 MiB line of repeated names inside the indicator table
		{ head -n 150 "$real.txt"; yes 部门 | head -n 174763 | tr -d '\n'; echo
		  tail -n +151 "$real.txt"; } > "$out" ;;
	@c_1mb_line.csv) # a row whose weight is a 1 MiB run of digits
		awk -F, -v OFS=, 'NR == 6 { s = "9"; while (length(s) < 1048576) s = s s; $8 = s } { print }' \
			"$real.csv" > "$out" ;;
	@c_200mb.csv) # 200 MiB: the real CSV followed by one of its rows repeated
		{ cat "$real.csv"; yes "$(sed -n 3p "$real.csv")" | head -c $((200 * 1024 * 1024)); } > "$out" ;;
	@r_200mb_bad_tail.txt) # 200 MiB of valid text after the report, one invalid byte pair at its end
		{ cat "$real.txt"; echo; yes "补充说明：无。" | head -c $((200 * 1024 * 1024)); printf '\xff\xfe\n'; } > "$out" ;;
	@d_10001_entries.docx|@h_huge_table.html) # made by the documents' corpus script
		"$PY" "$bad/make_docs.py" --generated "${1#@}" "$out" ;;
	*) echo "bad_inputs: unknown generated case $1" >&2; exit 1 ;;
	esac
	echo "$out"
}

# ---- the database every case starts from ----
base="$tmp/base.db"
"$JIXIAO" --db "$base" import -q "$real.txt" >/dev/null 2>&1 || { echo "cannot import the real report" >&2; exit 1; }
sqlite3 "$base" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
sqlite3 "$base" .dump > "$tmp/base.dump"

# Where the message says the fault is: a line (and column), or for documents a cell, a
# paragraph, a part of the archive and line, or the file itself (the archive as a whole).
place_text='[0-9]+(:[0-9]+)?'
place_doc="($place_text|表 [0-9]+ 第 [0-9]+ 行 第 [0-9]+ 列|段落 [0-9]+|[^:]*![A-Z]+[0-9]+|(word|xl)/[^:]+:[0-9]+)"
check_bad() { # file want_exit frag opts...
	local file=$1 want=$2 frag=$3; shift 3
	local db="$tmp/case.db" rc place=":$place_text"
	case "${file##*/}" in
	d_*.docx|x_*.xlsx|h_*.html) place="(:$place_doc)?" ;;
	esac
	rm -f "$db" "$db-wal" "$db-shm"; cp "$base" "$db"
	"$JIXIAO" --db "$db" import "$@" "$file" >/dev/null 2>"$tmp/err"; rc=$?
	local ok=1
	[ "$rc" = "$want" ] || ok=0
	grep -qF -- "$frag" "$tmp/err" || ok=0
	grep -qF -- "$file:" "$tmp/err" && grep -Eq -- "^jixiao: .*$place: " "$tmp/err" || ok=0
	sqlite3 "$db" .dump > "$tmp/after.dump" 2>&1
	cmp -s "$tmp/base.dump" "$tmp/after.dump" || ok=0
	if [ "$xf" = 1 ]; then
		if [ $ok = 1 ]; then fail_later "$case: known bug is fixed: drop the '?' in MANIFEST"; else
			echo "XFAIL $case (known bug: exit $rc, wanted $want '$frag')"; xfail=$((xfail + 1)); fi
		return
	fi
	[ $ok = 1 ] && { passed=$((passed + 1)); return; }
	fail_later "$case: exit $rc (want $want), stderr: $(head -c 300 "$tmp/err")"
	cmp -s "$tmp/base.dump" "$tmp/after.dump" || fail_later "$case: database changed"
}

check_ok() { # file department
	local file=$1 dept=$2 db="$tmp/case.db" n
	rm -f "$db" "$db-wal" "$db-shm"; cp "$base" "$db"
	"$JIXIAO" --db "$db" import -q "$file" >/dev/null 2>"$tmp/err" || { fail_later "$case: import failed: $(cat "$tmp/err")"; return; }
	n=$(sqlite3 "$db" "SELECT count(*) FROM evaluation") || { fail_later "$case: evaluation table gone"; return; }
	[ "$n" = 2 ] || { fail_later "$case: expected 2 evaluations, found $n"; return; }
	n=$("$JIXIAO" --db "$db" show "$dept" 2023 --format csv 2>/dev/null | grep -c '^indicator,')
	[ "$n" = 36 ] || { fail_later "$case: show gave $n indicator rows, not 36"; return; }
	"$JIXIAO" --db "$db" export --dept "$dept" > "$tmp/export.csv" || { fail_later "$case: export failed"; return; }
	[ "$(grep -vc '^#' "$tmp/export.csv")" = 37 ] || { fail_later "$case: export has not 36 rows"; return; }
	case "$file" in
	*.csv) cmp -s "$file" "$tmp/export.csv" || { fail_later "$case: export differs from the file"; return; } ;;
	esac
	# the name comes back from list exactly (CSV-quoted as RFC 4180 says)
	local q=$dept
	case "$dept" in *[\",]*) q="\"${dept//\"/\"\"}\"" ;; esac
	"$JIXIAO" --db "$db" list --format csv | grep -qxF -- "$q,2023,self,100,98,优,2,real" ||
		{ fail_later "$case: list does not show the name unchanged"; return; }
	[ ! -e /tmp/jx_pwned ] || { fail_later "$case: /tmp/jx_pwned exists: a name was executed"; return; }
	passed=$((passed + 1))
}

while IFS=$'\t' read -r file want frag opts; do
	case "$file" in ''|'#'*) continue ;; esac
	case=$file xf=0
	case "$want" in *'?') xf=1 want=${want%'?'} ;; esac
	case "$file" in @*) path=$(gen_case "$file") ;; *) path="$bad/$file" ;; esac
	[ -f "$path" ] || { fail_later "$case: missing file $path"; continue; }
	if [ "$want" = 0 ]; then check_ok "$path" "$frag"; else
		# shellcheck disable=SC2086
		check_bad "$path" "$want" "$frag" $opts; fi
	case "$file" in @*) rm -f "$path" ;; esac
done < "$bad/MANIFEST"

total=$((passed + fails + xfail))
echo "bad_inputs: $passed passed, $xfail known bugs (XFAIL), $fails failed, of $total cases"
[ "$total" -ge 40 ] || { echo "bad_inputs: fewer than 40 cases" >&2; exit 1; }
finish
