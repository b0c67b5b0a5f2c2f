#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# framework_periods.sh -- `jixiao framework` and the trend test on the bundled data.
#
# The synthetic departments replace their indicator framework in 2020 (none of
# 2020's 36 level-3 keys were evaluated in 2019): detected as a break. 示例市民政局's
# total falls within both periods: S = −2 (2016–2019) + −10 (2020–2024) = −12, exact
# two-sided p = 2·34/2880 = 0.0236 (enumeration in docs/methods.md §2): falling on its
# own; in the family of all fourteen departments' totals BH gives q = 0.307: flat.
# add/remove round-trip, refusals leave the database unchanged.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
db="$tmp/f.db"
ds="$JX_SOURCE_DIR/datasets"
J() { "$JIXIAO" --db "$db" "$@"; }
csv() { J "$@" --format csv; }

J init >/dev/null || fail "init"
J import -q "$ds"/real/*.txt $(find "$ds/synthetic" -name '*.csv' ! -name aliases.csv | sort) \
	$(find "$ds/synthetic" -name '*.txt' | sort) >/dev/null 2>&1 || fail "import"
J alias add --file "$ds/synthetic/aliases.csv" >/dev/null || fail "aliases"

# ---- detection ----
out=$(csv framework list 民政局) || fail "framework list"
echo "$out" | grep -qx '2020,36,0,0,yes,,yes,2020-2024,synthetic' || { echo "$out" >&2; fail "2020 break"; }
echo "$out" | grep -qx '2022,36,35,0.972222222222,no,,no,2020-2024,synthetic' || fail "2022 revision is no break"
[ "$(echo "$out" | grep -c ',yes,')" -eq 1 ] || fail "one break only"
[ "$(csv framework list | tail -n +2 | grep -c ',yes,20')" -eq 13 ] || fail "13 synthetic departments break in 2020"

# ---- the trend test ----
out=$(csv trend --dept 民政局 --level total) || fail "trend"
echo "$out" | grep -q ',0.0236111111111,.*,falling,.*,synthetic,0.0236111111111,-12,exact,2016-2019; 2020-2024$' ||
	{ echo "$out" >&2; fail "民政局 total: S = -12, p = 17/720, falling"; }
out=$(csv trend --all-departments --level total) || fail "trend all"
echo "$out" | grep -q '^示例市民政局,.*,flat,.*,0.306944444444,-12,exact,' ||
	{ echo "$out" >&2; fail "民政局 in the family of 14: q = 0.307"; }
echo "$out" | grep -q '^南京市公安局禁毒支队,.*,too few years,' || fail "real department: one year"

# ---- declarations ----
before=$(sqlite3 "$db" 'SELECT count(*) FROM framework_break')
J framework add 民政局 2022 >"$tmp/out" || fail "add"
grep -q '示例市民政局: a new framework period starts in 2022' "$tmp/out" || fail "add message"
csv framework list 民政局 | grep -qx '2022,36,35,0.972222222222,no,break,yes,2022-2024,synthetic' || fail "declared break"
csv trend --dept 民政局 --level total | grep -q ',2016-2019; 2020-2021; 2022-2024$' || fail "three periods"
J framework remove 民政局 2022 >/dev/null || fail "remove declared"
J framework remove 民政局 2020 >/dev/null || fail "deny detected"
csv framework list 民政局 | grep -qx '2020,36,0,0,yes,no break,no,2016-2024,synthetic' || fail "denied break"
J framework add 民政局 2020 >/dev/null || fail "re-add"
csv framework list 民政局 | grep -qx '2020,36,0,0,yes,break,yes,2020-2024,synthetic' || fail "re-added"
J framework remove 民政局 2020 >/dev/null && J framework add 民政局 2020 >/dev/null || fail "round trip"
J framework remove 民政局 2020 >/dev/null && ! J framework remove 民政局 2020 2>/dev/null || fail "a denied break cannot be removed twice"

# ---- refusals: clear message, exit code, database unchanged ----
sum=$(sqlite3 "$db" 'SELECT group_concat(year || is_break) FROM framework_break')
J framework remove 民政局 2021 2>"$tmp/err"; [ $? -eq 1 ] || fail "remove a non-break must exit 1"
grep -q '示例市民政局: 2021 does not start a framework period' "$tmp/err" || fail "message"
J framework add 不存在的部门 2021 2>"$tmp/err"; [ $? -eq 1 ] || fail "unknown department"
J framework add 民政局 1800 2>"$tmp/err"; [ $? -eq 2 ] || fail "bad year is a usage error"
J framework add 民政局 2>"$tmp/err"; [ $? -eq 2 ] || fail "missing year"
J framework frobnicate 2>"$tmp/err"; [ $? -eq 2 ] || fail "unknown subcommand"
[ "$(sqlite3 "$db" 'SELECT group_concat(year || is_break) FROM framework_break')" = "$sum" ] ||
	fail "a refused change wrote to the database"
J framework --help | grep -q 'framework add DEPT YEAR' || fail "--help"
echo "framework_periods: ok (declarations before: $before)"
