#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# concurrency.sh -- 4 imports into one database at once, with readers running meanwhile.
#
# The writers import four disjoint parts of a synthetic history (split by
# department) at the same moment: all must exit 0 with no "database is locked"
# on stderr, and the counts afterwards must be exact. Readers (list, trend, and
# a direct sqlite3 query) run in a loop during the imports; since each import is
# one transaction, every snapshot must hold the real report plus the whole of
# some subset of the four parts -- never part of one, never a short evaluation.
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -u
: "${JIXIAO:?path of the built jixiao}" "${JX_SOURCE_DIR:?source dir}" "${JX_SYNTH:?path of jixiao-synth}"
command -v sqlite3 >/dev/null || { echo "concurrency: sqlite3 not found" >&2; exit 1; }
. "$(dirname "$0")/lib.sh"
real="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.txt"

"$JX_SYNTH" --departments 120 --years 10 --no-reports --out-dir "$tmp/synth" >/dev/null || exit 1
# Split scores.csv by department into part0..3 (names carry no commas or quotes).
awk -F, -v dir="$tmp" 'NR <= 3 { for (p = 0; p < 4; p++) print > (dir "/part" p ".csv"); next }
	{ if (!($1 in part)) part[$1] = (n++) % 4; print > (dir "/part" part[$1] ".csv") }' \
	"$tmp/synth/scores.csv"
# Expected evaluations and rows per part (counted from the files, independently of jixiao).
declare -a ev rows
for p in 0 1 2 3; do
	rows[p]=$(tail -n +4 "$tmp/part$p.csv" | wc -l)
	ev[p]=$(tail -n +4 "$tmp/part$p.csv" | cut -d, -f1-3 | sort -u | wc -l)
done
# Legal evaluation counts of a snapshot: 1 (the real report) + any subset sum.
legal=" "
for m in $(seq 0 15); do
	s=1
	for p in 0 1 2 3; do [ $(((m >> p) & 1)) = 1 ] && s=$((s + ev[p])); done
	legal="$legal$s "
done

reader() { # loop until the stop file exists; record every bad snapshot
	local db=$1 out=$2 n i=0
	while [ ! -e "$tmp/stop" ]; do
		i=$((i + 1))
		if "$JIXIAO" --db "$db" list --format csv > "$tmp/list.$i" 2> "$tmp/list.err"; then
			n=$(($(wc -l < "$tmp/list.$i") - 1))
			case "$legal" in *" $n "*) ;; *) echo "list saw $n evaluations" >> "$out" ;; esac
			# every listed evaluation is whole: total weight 100
			awk -F, 'NR > 1 && $(NF - 4) != 100 { bad++ } END { exit bad > 0 }' "$tmp/list.$i" ||
				echo "list saw an evaluation whose weights are not 100" >> "$out"
		else
			echo "list failed: $(cat "$tmp/list.err")" >> "$out"
		fi
		rm -f "$tmp/list.$i"
		if [ "$has_trend" = 1 ]; then
			"$JIXIAO" --db "$db" trend --all-departments --format csv > "$tmp/trend.csv" 2> "$tmp/trend.err" ||
				echo "trend failed: $(head -c 300 "$tmp/trend.err")" >> "$out"
			grep -q '^南京市公安局禁毒支队,total,' "$tmp/trend.csv" || echo "trend lost the real report" >> "$out"
		fi
		# one SELECT is one snapshot: no evaluation may have fewer rows than weight 100 needs
		n=$(sqlite3 -cmd '.timeout 60000' "$db" "SELECT count(*) FROM evaluation e WHERE
			(SELECT round(sum(weight), 6) FROM indicator WHERE evaluation_id = e.id) IS NOT 100" 2>&1)
		[ "$n" = 0 ] || echo "sqlite3 saw $n half evaluations" >> "$out"
		echo . >> "$out.count"
	done
}

has_trend=0
"$JIXIAO" trend --help >/dev/null 2>&1 && has_trend=1
for round in 1 2 3; do
	db="$tmp/round$round.db"
	rm -f "$tmp/stop" "$tmp/readers.bad" "$tmp/readers.bad.count"
	"$JIXIAO" --db "$db" import -q "$real" >/dev/null 2>&1 || { fail_later "cannot import the real report"; break; }
	reader "$db" "$tmp/readers.bad" & rpid=$!
	pids=()
	for p in 0 1 2 3; do
		"$JIXIAO" --db "$db" import -q "$tmp/part$p.csv" > "$tmp/out$p" 2> "$tmp/err$p" & pids+=($!)
	done
	for p in 0 1 2 3; do
		wait "${pids[p]}" || fail_later "round $round: import $p exited $?: $(head -c 300 "$tmp/err$p")"
		grep -qi 'locked\|busy' "$tmp/err$p" && fail_later "round $round: import $p: $(cat "$tmp/err$p")"
	done
	touch "$tmp/stop"; wait "$rpid"
	[ -s "$tmp/readers.bad" ] && fail_later "round $round readers: $(sort | uniq -c < "$tmp/readers.bad" | head -5)"
	snaps=$(wc -l < "$tmp/readers.bad.count" 2>/dev/null || echo 0)
	want_ev=$((1 + ev[0] + ev[1] + ev[2] + ev[3]))
	want_rows=$((36 + rows[0] + rows[1] + rows[2] + rows[3]))
	got=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM evaluation) || ' ' || (SELECT count(*) FROM indicator)")
	[ "$got" = "$want_ev $want_rows" ] || fail_later "round $round: counts $got, want $want_ev $want_rows"
	[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail_later "round $round: integrity_check"
	echo "round $round: 4 imports ok; $got evaluations/rows (want $want_ev $want_rows); $snaps reader snapshots"
done
finish
