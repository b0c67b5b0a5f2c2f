#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# consumer.sh [--shared] -- the installed library as another program sees it.
# ctest-labels: slow
#
# Installs the build (with --shared: a build of libjixiao as a shared library,
# made in $JX_BINARY_DIR/package-shared and kept between runs) into a temporary
# prefix, moves the prefix elsewhere (nothing may depend on where it was
# installed), then builds tests/package/consumer.c twice -- with
# `pkg-config --cflags --libs jixiao` and with find_package(jixiao) -- and
# runs both. A shared library must export the functions of the public headers
# (JX_API) and nothing else, and the installed jixiao must find it by itself.
set -u
: "${JX_SOURCE_DIR:?}" "${JX_BINARY_DIR:?}" "${CMAKE_COMMAND:=cmake}" "${CC:=cc}"
. "$JX_SOURCE_DIR/tests/cli/lib.sh"
# an instrumented library links only into instrumented programs
[ "${JX_SANITIZE:-OFF}" = ON ] && skip "sanitizer build"
command -v pkg-config >/dev/null || fail "pkg-config is needed"
here="$JX_SOURCE_DIR/tests/package"

build=$JX_BINARY_DIR
if [ "${1:-}" = --shared ]; then
	build=$JX_BINARY_DIR/package-shared
	"$CMAKE_COMMAND" -S "$JX_SOURCE_DIR" -B "$build" -DBUILD_SHARED_LIBS=ON -DBUILD_TESTING=OFF \
		-DJX_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$tmp/configure.log" 2>&1 ||
		{ cat "$tmp/configure.log" >&2; fail "configuring the shared build"; }
	"$CMAKE_COMMAND" --build "$build" -j2 >"$tmp/build.log" 2>&1 ||
		{ tail -30 "$tmp/build.log" >&2; fail "building the shared library"; }
fi
"$CMAKE_COMMAND" --install "$build" --prefix "$tmp/installed" >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log" >&2; fail "install"; }
mv "$tmp/installed" "$tmp/moved"
prefix=$tmp/moved
pc=$(find "$prefix" -name jixiao.pc) && [ -n "$pc" ] || fail "no jixiao.pc installed"
libdir=$(dirname "$(dirname "$pc")")
export PKG_CONFIG_PATH=$(dirname "$pc")

cat >"$tmp/want" <<'OUT'
version 0.1.0
normalised ab
示例局 2023 self 94/100 优
error -1 '12,5' is not a number
OUT
check_run() { # NAME PROGRAM: its output is the expected one
	"$2" >"$tmp/$1.out" 2>"$tmp/$1.err" || { cat "$tmp/$1.err" >&2; fail "$1 exited $?"; }
	diff "$tmp/want" "$tmp/$1.out" >&2 || fail "$1 printed something else"
}

# 1. pkg-config: the prefix follows the file; plain --libs links
[ "$(cd "$(pkg-config --variable=prefix jixiao)" && pwd -P)" = "$(cd "$prefix" && pwd -P)" ] ||
	fail "jixiao.pc names prefix $(pkg-config --variable=prefix jixiao), not $prefix"
# shellcheck disable=SC2046
"$CC" -std=c11 -Wall -Wextra -pedantic -Werror -o "$tmp/consumer-pc" "$here/consumer.c" \
	$(pkg-config --cflags --libs jixiao) 2>"$tmp/cc.err" ||
	{ cat "$tmp/cc.err" >&2; fail "cc consumer.c \$(pkg-config --cflags --libs jixiao)"; }
LD_LIBRARY_PATH=$libdir check_run pkg-config "$tmp/consumer-pc"

# 2. find_package(jixiao) and jixiao::jixiao
"$CMAKE_COMMAND" -S "$here" -B "$tmp/cm" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$CC" \
	>"$tmp/cm.log" 2>&1 || { cat "$tmp/cm.log" >&2; fail "find_package(jixiao)"; }
"$CMAKE_COMMAND" --build "$tmp/cm" >>"$tmp/cm.log" 2>&1 || { cat "$tmp/cm.log" >&2; fail "building with jixiao::jixiao"; }
check_run find_package "$tmp/cm/consumer"

# 3. a shared library: the public API and nothing more, found by the installed programs
if [ "${1:-}" = --shared ]; then
	so=$(find "$libdir" -maxdepth 1 -name 'libjixiao.so.*' | head -n1)
	[ -n "$so" ] || fail "no libjixiao.so installed"
	nm -D --defined-only "$so" | awk '$2 == "T" { print $3 }' | sort >"$tmp/exported"
	grep -ho 'JX_API [^(]*(' "$prefix"/include/jixiao/*.h | grep -o 'jx_[a-z0-9_]*($' | tr -d '(' |
		sort -u >"$tmp/declared"
	diff "$tmp/declared" "$tmp/exported" >&2 || fail "exported symbols (>) differ from JX_API declarations (<)"
	[ "$(wc -l <"$tmp/declared")" -gt 200 ] || fail "only $(wc -l <"$tmp/declared") JX_API functions found"
	env -u LD_LIBRARY_PATH "$prefix/bin/jixiao" --version >"$tmp/version" 2>&1 ||
		{ cat "$tmp/version" >&2; fail "the installed jixiao does not find its library"; }
	ldd "$prefix/bin/jixiao" | grep -q "$prefix" || fail "the installed jixiao uses another libjixiao"
fi
echo "$test_name ${1:-}: ok"
