#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# options_spec.sh -- every command's option-spec table against what the executable does:
#  1. `CMD --help` lists exactly the options of the spec table (`jixiao --list-options CMD`),
#     no more and no fewer, and the usage line names each of them;
#  2. every option that takes a value works as `--opt=value` and as `--opt value`, with
#     the same exit code, stdout and stderr (on a fresh copy of one database each time),
#     and is accepted (never a usage error) with a valid sample value;
#  3. a flag given a value (`--flag=x`) is a usage error naming the flag;
#  4. the case of the issue: `grades --format=csv` prints the bands as CSV.
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
fx="$JX_SOURCE_DIR/tests/fixtures/analysis"
export SOURCE_DATE_EPOCH=1700000000

base="$tmp/base.db"
"$JIXIAO" --db "$base" import "$fx/scores.csv" "$fx/figures.csv" >/dev/null 2>&1 ||
	fail "cannot import the analysis fixture"
printf 'old,new\n' >"$tmp/aliases.csv"
mkdir -p "$tmp/templates"

commands=$("$JIXIAO" --help | sed -n '/^commands:/,/^$/p' | awk 'NF && !/:$/ {print $1}')
[ "$(wc -w <<<"$commands")" -ge 18 ] || fail "jixiao --help lists too few commands: $commands"

# The options section of a --help text as "--name ARG" lines, sorted.
help_options() {
	sed -n '/^options:$/,/^$/p' | grep -E '^  -' |
		sed -E 's/^  (-[a-z], )?//; s/ {2,}.*$//' | sort
}

# 1. --help lists exactly the spec table's options
for c in $commands; do
	"$JIXIAO" --list-options "$c" | sort >"$tmp/spec" || fail "--list-options $c"
	[ -s "$tmp/spec" ] || fail "--list-options $c printed nothing"
	"$JIXIAO" "$c" --help >"$tmp/help" 2>"$tmp/err" || fail "$c --help failed"
	help_options <"$tmp/help" >"$tmp/listed"
	diff -u "$tmp/spec" "$tmp/listed" >"$tmp/diff" ||
		{ cat "$tmp/diff" >&2; fail "$c --help does not list exactly its spec table"; }
	usage=$(sed -n '/^usage:/,/^$/p' "$tmp/help")
	while read -r name _; do
		[ "$name" = --help ] && continue
		grep -qF -- "$name" <<<"$usage" || fail "$c: the usage line lacks $name"
	done <"$tmp/spec"
done

# A valid sample value for an option of a command, by its placeholder.
sample() {
	local c=$1 name=$2 arg=$3
	case "$arg" in
	NAME) echo 甲 ;;
	A-B) echo 2016-2021 ;;
	Y | YEAR | Y2) [ "$c" = forecast ] && echo 2022 || echo 2021 ;;
	Y1) echo 2020 ;;
	self\|review) echo self ;;
	table\|csv\|json) echo csv ;;
	table\|csv\|json\|xlsx) echo csv ;;
	1\|2\|3\|total\|all) echo 1 ;;
	FILE) case "$c" in plot) [ "$name" = --script ] && echo "$tmp/s.gp" || echo "$tmp/o.svg" ;;
	      report) echo "$tmp/r.md" ;; *) echo "$tmp/o.out" ;; esac ;;
	DIR) [ "$name" = --templates ] && echo "$tmp/templates" || echo "$tmp/dir" ;;
	ALIASES.csv) echo "$tmp/aliases.csv" ;;
	P) echo 0.1 ;; S) echo 0.3 ;; C) echo 0.9 ;; N) echo 3 ;; K) echo 2 ;; R) echo 0.8 ;; G) echo 0.2 ;;
	WxH) echo 800x600 ;; SECONDS) echo 30 ;;
	csv\|json\|xlsx) echo json ;; png\|svg\|pdf) echo svg ;; html\|md) echo md ;;
	zh\|en) echo en ;; en\|zh) echo zh ;; scores\|figures) echo figures ;;
	pareto\|runs\|transitions\|pairs) echo runs ;;
	matrix\|weak\|gap\|movers\|warnings\|distribution) echo weak ;;
	department\|rate\|change\|rank) echo rate ;;
	NAME\|all) echo all ;; 万元\|元) echo 元 ;; years\|missed\|flags) echo flags ;;
	auto\|report\|csv\|table\|docx\|xlsx\|html\|xls\|doc\|pdf) echo csv ;; auto\|utf-8\|gb18030\|utf-16) echo utf-8 ;;
	*) fail "no sample value for $c $name $arg (add one to this test)" ;;
	esac
}

# What a command needs besides the option under test to get past its usage checks.
needs() {
	local c=$1 name=$2
	case "$c" in
	show) echo "甲 2020" ;;
	import) echo "--dry-run $fx/scores.csv" ;;
	alias) [ "$name" = --file ] && echo add || echo list ;;
	framework) echo "list 甲" ;;
	plot) [ "$name" = --out-dir ] && echo "all --dept 甲" || echo "total --dept 甲 --out $tmp/o.svg" ;;
	report) echo "--dept 甲 --out $tmp/r.md --no-charts" ;;
	variance) [ "$name" = --across ] && echo "" || echo "--dept 甲" ;;
	compare | trend | forecast | deductions | weak | figures | projects) echo "--dept 甲" ;;
	rank) echo "--project all" ;;
	site) [ "$name" = --out-dir ] && echo "" || echo "--out-dir $tmp/dir" ;;
	overview) case "$name" in --out) echo "--format xlsx" ;; --script) echo "--plot $tmp/pdir" ;;
	          *) echo "" ;; esac ;;
	*) echo "" ;;
	esac
}

# run_case TAG ARGS...: on a fresh copy of the database, keep exit code and output.
run_case() {
	local tag=$1
	shift
	cp "$base" "$tmp/db"
	rm -rf "$tmp/dir" "$tmp/o.svg" "$tmp/s.gp" "$tmp/r.md" "$tmp/o.out" "$tmp"/r_charts
	(cd "$tmp" && "$JIXIAO" --db "$tmp/db" "$@" >"$tmp/$tag.out" 2>"$tmp/$tag.err")
	echo $? >"$tmp/$tag.rc"
}

# 2. --opt=value and --opt value agree, and are accepted
checked=0
for c in $commands; do
	while read -r name arg; do
		[ -n "$arg" ] || continue
		v=$(sample "$c" "$name" "$arg")
		# shellcheck disable=SC2046 # the words of needs are meant to split
		run_case eq "$c" $(needs "$c" "$name") "$name=$v"
		# shellcheck disable=SC2046
		run_case sp "$c" $(needs "$c" "$name") "$name" "$v"
		for part in rc out err; do
			cmp -s "$tmp/eq.$part" "$tmp/sp.$part" || {
				diff "$tmp/sp.$part" "$tmp/eq.$part" >&2
				fail "$c $name=$v and $c $name $v differ ($part)"
			}
		done
		[ "$(cat "$tmp/eq.rc")" -ne 2 ] ||
			{ cat "$tmp/eq.err" >&2; fail "$c $name=$v is a usage error"; }
		checked=$((checked + 1))
	done < <("$JIXIAO" --list-options "$c")
done
[ "$checked" -ge 60 ] || fail "only $checked options with values were checked"

# 3. a flag given a value
for c in $commands; do
	while read -r name arg; do
		[ -z "$arg" ] && [ "$name" != --help ] || continue
		"$JIXIAO" --db "$tmp/db" "$c" "$name=1" >/dev/null 2>"$tmp/err"
		rc=$?
		[ "$rc" -eq 2 ] || fail "$c $name=1 exited $rc, expected 2"
		grep -qF -- "$name takes no value" "$tmp/err" || fail "$c $name=1: $(cat "$tmp/err")"
	done < <("$JIXIAO" --list-options "$c")
done

# 4. the case of the issue
cp "$base" "$tmp/db"
"$JIXIAO" --db "$tmp/db" grades --format=csv >"$tmp/out" 2>"$tmp/err" ||
	fail "grades --format=csv: $(cat "$tmp/err")"
printf 'grade,min_score\n优,90\n良,80\n中,60\n差,0\n' >"$tmp/want"
cmp -s "$tmp/want" "$tmp/out" || { diff "$tmp/want" "$tmp/out" >&2; fail "grades --format=csv"; }
echo "ok: $checked value options of $(wc -w <<<"$commands") commands"
