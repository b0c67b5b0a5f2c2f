#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# crash_consistency.sh -- SIGKILL a large import at varied moments; the database must stay whole.
#
# One import is one transaction, so after any kill the database must pass
# PRAGMA integrity_check, still hold what it held before (the real report), and
# hold either none or all of the import's evaluations, each with exactly the
# indicator rows the CSV gives it. The expected counts come from the CSV itself,
# loaded by sqlite3's own CSV reader (independent of jixiao's).
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -u
: "${JIXIAO:?path of the built jixiao}" "${JX_SOURCE_DIR:?source dir}" "${JX_SYNTH:?path of jixiao-synth}"
command -v sqlite3 >/dev/null || { echo "crash_consistency: sqlite3 not found" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"
real="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.txt"

"$JX_SYNTH" --departments 200 --years 10 --no-reports --out-dir "$tmp/synth" >/dev/null || exit 1
csv="$tmp/synth/scores.csv"

# Expected (department, year, kind) -> rows, from the CSV (2 comment lines, then the header).
sqlite3 "$tmp/expect.db" ".import --csv --skip 2 $csv raw" \
	"CREATE TABLE expect AS SELECT department, CAST(year AS INTEGER) AS year, kind, count(*) AS n
	   FROM raw GROUP BY 1, 2, 3; DROP TABLE raw;" || exit 1
n_eval=$(sqlite3 "$tmp/expect.db" "SELECT count(*) FROM expect")
[ "$n_eval" -gt 1000 ] || { echo "crash_consistency: only $n_eval evaluations in the CSV" >&2; exit 1; }

base="$tmp/base.db"
"$JIXIAO" --db "$base" import -q "$real" >/dev/null 2>&1 || exit 1
sqlite3 "$base" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

# Check one database: prints "empty", "full" or a reason it is broken.
check_db() {
	local db=$1 ic
	ic=$(sqlite3 "$db" 'PRAGMA integrity_check;' 2>&1)
	[ "$ic" = ok ] || { echo "integrity_check: $ic"; return; }
	sqlite3 "$db" "ATTACH '$tmp/expect.db' AS x;
	  WITH got AS (SELECT d.name AS department, e.year, e.kind, count(i.seq) AS n
	               FROM evaluation e JOIN department d ON d.id = e.department_id
	               LEFT JOIN indicator i ON i.evaluation_id = e.id
	               WHERE e.provenance = 'synthetic' GROUP BY e.id)
	  SELECT CASE
	    WHEN (SELECT count(*) FROM evaluation WHERE provenance = 'real') != 1 THEN 'the real report is gone'
	    WHEN (SELECT count(*) FROM indicator i JOIN evaluation e ON e.id = i.evaluation_id
	          WHERE e.provenance = 'real') != 36 THEN 'the real report lost rows'
	    WHEN EXISTS (SELECT 1 FROM got LEFT JOIN x.expect USING (department, year, kind)
	                 WHERE x.expect.n IS NULL OR x.expect.n != got.n) THEN 'a half-written evaluation'
	    WHEN (SELECT count(*) FROM got) = 0 THEN 'empty'
	    WHEN (SELECT count(*) FROM got) = (SELECT count(*) FROM x.expect) THEN 'full'
	    ELSE 'partial: ' || (SELECT count(*) FROM got) || ' of ' || (SELECT count(*) FROM x.expect) END;" 2>&1
}

empty=0 full=0 kills=0
# How long one whole import takes here; the kills land at fractions of it.
db="$tmp/run.db"; cp "$base" "$db"
t0=$(date +%s%N)
"$JIXIAO" --db "$db" import -q "$csv" >/dev/null 2>&1 || { echo "crash_consistency: import failed" >&2; exit 1; }
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$(check_db "$db")" = full ] || { echo "crash_consistency: uninterrupted import not full" >&2; exit 1; }
rm -f "$db" "$db-wal" "$db-shm"

# Plain delays (fractions of 85% of the import time, which varies run to run, from the start), and ("w" prefix) fractions
# after the write phase has begun (the WAL has grown past 64 KiB), so that kills also land
# mid-write and mid-commit.
fractions="0.01 0.05 0.1 0.15 0.2 0.25 0.3 0.35 0.4 0.45 0.5 0.55 0.6 0.65 0.7 0.75 0.8 0.85 0.9 0.95 0.98
           w0 w0.01 w0.02 w0.04 w0.06 w0.08 w0.1 w0.15 w0.2 w0.25 w0.3 w0.4 w0.5 w0.6 w0.7"
sleeps=$(for f in $fractions; do
	case $f in w*) w=w f=${f#w} ;; *) w= ;; esac
	awk -v f="$f" -v ms="$ms" -v w="$w" 'BEGIN { printf "%s%.3f\n", w, 0.85 * f * ms / 1000 }'
done)
wal_started() { [ "$(stat -c %s "$1-wal" 2>/dev/null || echo 0)" -gt 65536 ]; }
for s in $sleeps; do
	db="$tmp/run.db"
	rm -f "$db" "$db-wal" "$db-shm"; cp "$base" "$db"
	"$JIXIAO" --db "$db" import -q "$csv" >/dev/null 2>&1 &
	pid=$!
	case "$s" in
	w*) while kill -0 "$pid" 2>/dev/null && ! wal_started "$db"; do sleep 0.005; done
	    sleep "${s#w}" ;;
	*) sleep "$s" ;;
	esac
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ $? = 137 ] && kills=$((kills + 1)) # died of the SIGKILL, not finished before it
	state=$(check_db "$db")
	echo "kill after $s s: $state"
	case "$state" in
	empty) empty=$((empty + 1)) ;;
	full) full=$((full + 1)) ;;
	*) fail_later "after SIGKILL at $s s: $state" ;;
	esac
	# a killed import can be repeated and then completes whole
	if [ $((kills % 10)) = 5 ]; then
		"$JIXIAO" --db "$db" import -q "$csv" >/dev/null 2>&1 || fail_later "re-import after kill"
		[ "$(check_db "$db")" = full ] || fail_later "re-import not full"
	fi
done
echo "crash_consistency: import takes ${ms} ms; $kills kills landed; afterwards $empty empty, $full full, $fails broken ($n_eval evaluations per import)"
[ "$kills" -ge 20 ] || fail "only $kills of the kills hit a running import"
finish
