#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# readonly.sh -- read commands open the database read-only and leave nothing behind.
#
# The owner (user daemon) keeps a database; a reader (user nobody) may not
# write it. Cases (docs/reliability.md): (a) the owner reads its own file made
# read-only, then makes it writable again and imports; (b) a directory nobody
# may write (a read-only mount), with a name that needs %-encoding in a URI:
# reads work, and a -wal left with unfinished writes is refused clearly until
# the owner has opened the database; (c) a shared directory: the reader's
# `list` must leave no -wal/-shm of its own, so the owner's next import works.
# Each case failed before read commands opened the database read-only.
# Needs root to run as the two users (setpriv); skipped otherwise.
set -u
: "${JIXIAO:?path of the built jixiao}" "${JX_SOURCE_DIR:?source dir}"
. "$(dirname "$0")/lib.sh"
[ "$(id -u)" -eq 0 ] || skip "needs root to run commands as other users"
command -v setpriv >/dev/null || skip "setpriv not found"
command -v sqlite3 >/dev/null || skip "sqlite3 not found"
fx="$JX_SOURCE_DIR/tests/fixtures/csv"
chmod 0755 "$tmp"

as_owner() { setpriv --reuid=daemon --regid=daemon --clear-groups "$@"; }
as_reader() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
as_reader test -x "$JIXIAO" || skip "$JIXIAO cannot be run by nobody"
as_owner test -r "$fx/canonical_scores.csv" || skip "the fixtures cannot be read by daemon"

# jx WHO EXPECTED_EXIT ARGS...: jixiao ARGS as as_owner/as_reader; output in $tmp/out, $tmp/err.
jx() {
	local who=$1 want=$2 got
	shift 2
	"$who" "$JIXIAO" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || {
		sed 's/^/  stdout: /' "$tmp/out" >&2
		sed 's/^/  stderr: /' "$tmp/err" >&2
		fail "$who jixiao $* exited $got, expected $want"
	}
}

# make_db DIR: DIR (the owner's) with the owner's database DIR/db holding the canonical scores.
make_db() {
	mkdir -p "$1" && chown daemon:daemon "$1" || fail "cannot make $1"
	jx as_owner 0 --db "$1/db" init
	jx as_owner 0 --db "$1/db" import "$fx/canonical_scores.csv"
}

# reads DB WHO: the read commands work as WHO and show the stored evaluations.
reads() {
	jx "$2" 0 --db "$1" list --format csv
	has "$tmp/out" "示例市教育局,2023,self"
	jx "$2" 0 --db "$1" export --format csv --out -
	has "$tmp/out" "示例市交通局"
	jx "$2" 0 --db "$1" show 示例市教育局 2023
}

# no_side_files DIR WHAT: DIR holds db and nothing else.
no_side_files() {
	[ "$(ls -A "$1")" = "db" ] || fail "$2: left $(ls -A "$1" | tr '\n' ' ')"
}

# (a) a read-only file in a writable directory: no -wal/-shm copied from its mode 0444, which
# kept the owner's next write out after the owner made the file writable again.
a="$tmp/a"
make_db "$a"
chmod 0444 "$a/db"
before=$(db_dump "$a/db")
reads "$a/db" as_owner
no_side_files "$a" "(a) reading a read-only file"
[ "$(db_dump "$a/db")" = "$before" ] || fail "(a) reading changed the database"
chmod 0644 "$a/db"
jx as_owner 0 --db "$a/db" import "$fx/canonical_figures.csv"
has "$tmp/out" "figures: 3 added"

# (b) a directory the reader cannot write (a read-only mount); its name needs %-encoding.
b="$tmp/b?#%41"
make_db "$b"
chmod 0555 "$b"
reads "$b/db" as_reader
no_side_files "$b" "(b) reading in a read-only directory"
# unfinished writes: a writer stopped with its -wal full and its -shm gone
chmod 0755 "$b"
as_owner /usr/bin/python3 - "$b/db" <<'EOF' || fail "(b) cannot leave a -wal behind"
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE evaluation SET imported_at = imported_at || ' '")
os._exit(0)  # no close: no checkpoint, the -wal keeps the write
EOF
rm -f "$b/db-shm"
[ -s "$b/db-wal" ] || fail "(b) the setup left no -wal"
chmod 0555 "$b"
jx as_reader 1 --db "$b/db" list
has "$tmp/err" "unfinished writes"
has "$tmp/err" "its owner must open it once"
jx as_reader 1 --db "$b/db" export --format csv --out -
has "$tmp/err" "unfinished writes"
# the owner opens it once where it may write; then the reader reads the write through its files
chmod 0755 "$b"
jx as_owner 0 --db "$b/db" list
chmod 0555 "$b"
jx as_reader 0 --db "$b/db" list --format csv
has "$tmp/out" "示例市教育局,2023,self"
chmod 0755 "$b"

# (c) a shared directory: the reader leaves no file of its own, the owner imports afterwards
c="$tmp/c"
make_db "$c"
chmod 1777 "$c"
reads "$c/db" as_reader
[ -z "$(find "$c" -user nobody)" ] || fail "(c) the reader left $(find "$c" -user nobody)"
jx as_owner 0 --db "$c/db" import "$fx/canonical_figures.csv"
has "$tmp/out" "figures: 3 added"
jx as_reader 0 --db "$c/db" figures --dept 示例市交通局 --format csv
has "$tmp/out" "3087.55"
jx as_owner 0 --db "$c/db" import "$fx/canonical_reasons.csv"
finish
