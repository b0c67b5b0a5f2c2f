#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# synth_reproduce.sh -- datasets/synthetic/ is exactly what jixiao-synth writes.
#
# Regenerates the committed set with the committed options into a temporary
# directory and compares every byte (diff -r: a changed, missing or extra
# file fails). Also checks that the committed set is the full one (so that
# two empty directories cannot pass), that the output depends on the seed
# only, and the generator's usage errors.
set -u
: "${JX_SYNTH:?JX_SYNTH must name the jixiao-synth executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

committed="$JX_SOURCE_DIR/datasets/synthetic"
. "$(dirname "$0")/lib.sh"

# 1. Byte-for-byte reproduction with the committed options (the defaults, spelled out).
"$JX_SYNTH" --seed 20240601 --departments 13 --years 9 --first-year 2016 \
	--out-dir "$tmp/synthetic" || fail "jixiao-synth exited $?"
diff -r "$tmp/synthetic" "$committed" >"$tmp/diff" 2>&1 ||
	{ head -n 20 "$tmp/diff" >&2; fail "datasets/synthetic differs from the generator's output"; }
"$JX_SYNTH" --out-dir "$tmp/defaults" || fail "jixiao-synth (defaults) exited $?"
diff -r "$tmp/defaults" "$committed" >/dev/null || fail "the defaults do not write the committed set"

# 2. The committed set is the whole set: 13 departments x 9 years, 5 reports, 2 aliases.
for f in scores.csv figures.csv aliases.csv projects.csv project_figures.csv reports/jindu-2021.txt reports/jindu-2022.txt \
	reports/jindu-2024-gb18030.txt reports/jiaojing-2019.txt reports/jiaojing-2023.txt; do
	[ -s "$committed/$f" ] || fail "missing or empty: datasets/synthetic/$f"
done
[ "$(ls "$committed/reports" | wc -l)" -eq 5 ] || fail "datasets/synthetic/reports must hold 5 files"
self_evals=$(grep -v '^#' "$committed/scores.csv" | tail -n +2 | awk -F, '$3 == "self" { print $1 "," $2 }' | sort -u | wc -l)
[ "$self_evals" -eq $((13 * 9 - 5)) ] || fail "scores.csv holds $self_evals self-evaluations, expected 112"
[ "$(sed -n 2p "$committed/scores.csv")" = "# provenance: synthetic" ] || fail "scores.csv: provenance line"
[ "$(head -n 1 "$committed/reports/jindu-2022.txt")" = "# provenance: synthetic" ] || fail "report: provenance line"
[ "$(grep -vc "^#" "$committed/aliases.csv")" -eq 3 ] || fail "aliases.csv: header and two aliases expected"
# projects: 35 projects (2 or 3 per department), 272 project-years with a fund block each
projects=$(grep -v '^#' "$committed/projects.csv" | tail -n +2 | awk -F, '{ p = $11; sub(/^[0-9]+年/, "", p); print $1 "," p }' | sort -u | wc -l)
[ "$projects" -eq 35 ] || fail "projects.csv holds $projects projects, expected 35"
pyears=$(grep -c ',project_execution_rate,' "$committed/project_figures.csv")
[ "$pyears" -eq 272 ] || fail "project_figures.csv holds $pyears project-years, expected 272"
[ "$(sed -n 2p "$committed/projects.csv")" = "# provenance: synthetic" ] || fail "projects.csv: provenance line"

# --truth writes its file and changes nothing in the data set.
"$JX_SYNTH" --out-dir "$tmp/truth" --truth "$tmp/truth.csv" || fail "jixiao-synth --truth exited $?"
diff -r "$tmp/truth" "$committed" >/dev/null || fail "--truth changed the data set"
[ "$(head -n 1 "$tmp/truth.csv")" = "department,trend,growth" ] || fail "truth header"
grep -qx '示例市民政局,decline,0' "$tmp/truth.csv" || fail "truth: 民政局 declines"
grep -qx '示例市交通运输局,improve,0' "$tmp/truth.csv" || fail "truth: 交通运输局 improves"
[ "$(grep -c ',stable,' "$tmp/truth.csv")" -eq 9 ] || fail "truth: 9 stable departments"

# 3. Same options, same bytes; another seed, other bytes.
"$JX_SYNTH" --seed 7 --departments 3 --years 4 --out-dir "$tmp/a" || fail "run a"
"$JX_SYNTH" --seed 7 --departments 3 --years 4 --out-dir "$tmp/b" || fail "run b"
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "two runs with the same options differ"
"$JX_SYNTH" --seed 8 --departments 3 --years 4 --out-dir "$tmp/c" || fail "run c"
cmp -s "$tmp/a/scores.csv" "$tmp/c/scores.csv" && fail "--seed does not change the output"

# 4. A department does not depend on how many others are drawn: the first 3 of 13
#    are the 3 of a --departments 3 run (same seed, same years, no reports).
"$JX_SYNTH" --departments 3 --no-reports --out-dir "$tmp/d3" || fail "run d3"
"$JX_SYNTH" --departments 13 --no-reports --out-dir "$tmp/d13" || fail "run d13"
n3=$(wc -l <"$tmp/d3/scores.csv")
head -n "$n3" "$tmp/d13/scores.csv" | tail -n +2 | cmp -s - <(tail -n +2 "$tmp/d3/scores.csv") ||
	fail "departments depend on --departments"
[ ! -e "$tmp/d13/reports" ] || fail "--no-reports wrote reports"

# 5. Usage: --help exits 0, bad options exit 2 with a message.
"$JX_SYNTH" --help | grep -q -- '--departments' || fail "--help"
for bad in "--years 0" "--departments x" "--bogus" "--seed" "extra"; do
	# shellcheck disable=SC2086
	"$JX_SYNTH" $bad --out-dir "$tmp/bad" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "'$bad' exited $rc, expected 2"
	grep -q 'jixiao-synth:' "$tmp/err" || fail "'$bad' gave no message"
done
[ ! -e "$tmp/bad" ] || fail "a usage error wrote files"
echo "synth_reproduce: ok"
