#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# scale_paths.sh -- the province-scale paths end to end: streamed import, --all-departments output.
#
# Import stores each evaluation as it is read, in one transaction: a failure late in a
# file leaves the database as it was, and a database the failed import created is
# removed again. --all-departments writes one CSV header / one JSON array whatever the
# number of departments, with exactly the rows of the departments one by one.
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -u
: "${JIXIAO:?path of the built jixiao}" "${JX_SOURCE_DIR:?source dir}" "${JX_SYNTH:?path of jixiao-synth}"
command -v sqlite3 >/dev/null || { echo "scale_paths: sqlite3 not found" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"

"$JX_SYNTH" --departments 12 --years 4 --no-reports --out-dir "$tmp/s" >/dev/null || exit 1
scores="$tmp/s/scores.csv" figures="$tmp/s/figures.csv"
ndept=$(tail -n +4 "$scores" | cut -d, -f1 | sort -u | wc -l)
[ "$ndept" = 12 ] || fail_later "the synthetic set has $ndept departments, not 12"

# ---- a failed import into a new database leaves no file behind ----
db="$tmp/new.db"
{ cat "$scores"; sed -n 4p "$scores" | sed 's/,stated$/,guessed/'; } > "$tmp/bad_end.csv"
last=$(wc -l < "$tmp/bad_end.csv")
"$JIXIAO" --db "$db" import "$tmp/bad_end.csv" >/dev/null 2>"$tmp/err" && fail_later "bad file imported"
grep -q "bad_end.csv:$last:10: score_origin must be stated" "$tmp/err" || fail_later "error does not name line $last: $(cat "$tmp/err")"
for f in "$db" "$db-wal" "$db-shm"; do [ -e "$f" ] && fail_later "$f left behind by a failed import"; done

# ---- into an existing database: unchanged ----
"$JIXIAO" --db "$db" import -q "$scores" "$figures" >"$tmp/out" || fail_later "import of the synthetic set"
rows=$(sqlite3 "$db" "SELECT count(*) FROM indicator")
[ "$rows" = $(( $(wc -l < "$scores") - 3 )) ] || fail_later "$rows indicator rows stored"
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
before=$(db_dump "$db")
# figures of one department-year spread over the file: the streamed import refuses them
{ head -n 3 "$figures"; sed -n 4p "$figures"; tail -n 1 "$figures"; sed -n 5p "$figures"; } > "$tmp/spread.csv"
"$JIXIAO" --db "$tmp/other.db" import "$tmp/spread.csv" >/dev/null 2>"$tmp/err" && fail_later "spread figures imported"
grep -q "spread.csv:6: figures of .* continue here after rows of another department-year (they began on line 4)" "$tmp/err" ||
	fail_later "spread figures: $(cat "$tmp/err")"
"$JIXIAO" --db "$db" import "$tmp/bad_end.csv" >/dev/null 2>&1 && fail_later "bad file imported"
[ "$(db_dump "$db")" = "$before" ] || fail_later "a failed import changed the database"
"$JIXIAO" --db "$db" import "$scores" "$figures" >"$tmp/out" 2>/dev/null || fail_later "re-import"
grep -q "identical content is already stored" "$tmp/out" || fail_later "re-import: $(cat "$tmp/out")"

# ---- --all-departments: the departments' rows, one header, one array ----
for cmd in trend variance deductions weak; do
	"$JIXIAO" --db "$db" "$cmd" --all-departments --format csv >"$tmp/all.csv" 2>/dev/null || fail_later "$cmd csv"
	[ "$(grep -c '^department,' "$tmp/all.csv")" = 1 ] || fail_later "$cmd: not one header"
	: >"$tmp/each.csv"
	sqlite3 "$db" "SELECT name FROM department ORDER BY name" | while IFS= read -r d; do
		"$JIXIAO" --db "$db" "$cmd" --dept "$d" --format csv 2>/dev/null | tail -n +2 >>"$tmp/each.csv"
	done
	# the per-department output has no department column: compare row counts and the rest
	[ "$(($(wc -l < "$tmp/all.csv") - 1))" = "$(wc -l < "$tmp/each.csv")" ] ||
		fail_later "$cmd: $(($(wc -l < "$tmp/all.csv") - 1)) rows for all, $(wc -l < "$tmp/each.csv") one by one"
	"$JIXIAO" --db "$db" "$cmd" --all-departments --format json >"$tmp/all.json" 2>/dev/null || fail_later "$cmd json"
	n=$(sqlite3 :memory: "SELECT CASE WHEN json_valid(readfile('$tmp/all.json')) THEN json_array_length(readfile('$tmp/all.json')) ELSE -1 END")
	[ "$n" = "$(($(wc -l < "$tmp/all.csv") - 1))" ] || fail_later "$cmd: JSON has $n objects"
done

finish
