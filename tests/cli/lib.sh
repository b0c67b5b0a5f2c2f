# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh -- what the CLI tests share; sourced, not run (ctest runs only the other *.sh).
#
#   . "$(dirname "$0")/lib.sh"
#
# Gives: $tmp, a fresh directory removed when the test exits; $test_name (the
# script's name); $fails; the helpers below. The test sets its own shell
# options (set -u, set -e...) before sourcing. ctest passes JIXIAO, JX_SYNTH,
# JX_SOURCE_DIR, JX_BINARY_DIR and JX_SANITIZE (tests/CMakeLists.txt).

test_name=$(basename "$0" .sh)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# fail MESSAGE...: stop here, the test failed.
fail() {
	echo "$test_name: FAIL: $*" >&2
	exit 1
}

# fail_later MESSAGE...: count a failure and go on; finish reports the count.
fail_later() {
	echo "$test_name: FAIL: $*" >&2
	fails=$((fails + 1))
}

# finish: exit 1 when fail_later was called, else say ok.
finish() {
	if [ "$fails" -ne 0 ]; then
		echo "$test_name: $fails failure(s)" >&2
		exit 1
	fi
	echo "$test_name: ok"
}

# skip REASON: the test cannot run here (ctest counts exit 77 as skipped).
skip() {
	echo "$test_name: skipped: $*"
	exit 77
}

# run EXPECTED_EXIT ARGS...: run jixiao ARGS (after --db "$run_db" when run_db is
# set), stdout into $tmp/out, stderr into $tmp/err; fail on another exit code.
run() {
	local want=$1 got
	shift
	if [ -n "${run_db:-}" ]; then
		"$JIXIAO" --db "$run_db" "$@" >"$tmp/out" 2>"$tmp/err"
	else
		"$JIXIAO" "$@" >"$tmp/out" 2>"$tmp/err"
	fi
	got=$?
	[ "$got" -eq "$want" ] || {
		sed 's/^/  stdout: /' "$tmp/out" >&2
		sed 's/^/  stderr: /' "$tmp/err" >&2
		fail "jixiao $* exited $got, expected $want"
	}
}

# has FILE TEXT [WHAT]: FILE contains TEXT (a fixed string), else fail showing FILE.
has() {
	grep -qF -- "$2" "$1" || {
		sed 's/^/  | /' "$1" >&2
		fail "${3:-$1} lacks: $2"
	}
}

# hasnt FILE TEXT [WHAT]: FILE does not contain TEXT.
hasnt() {
	! grep -qF -- "$2" "$1" || {
		sed 's/^/  | /' "$1" >&2
		fail "${3:-$1} has: $2"
	}
}

# db_dump FILE: the content of a database as SQL, independent of its pages.
db_dump() { sqlite3 "$1" .dump; }
