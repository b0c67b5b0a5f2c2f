#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# docs_zh_guide.sh -- docs/zh/用户指南.md stays true: every command of its console blocks runs,
# in order, in a fresh directory holding the bundled datasets and the test fixtures, under a
# Chinese locale (no generated zh_CN locale needed: see src/lib/base/i18n.c), and prints what
# the guide shows (tests/docs/check_guide.py says how the shown output is compared).
# ctest-labels: slow (imports the bundled data, draws nine charts, writes a report and a site)
set -u
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"
work=$tmp/work
mkdir -p "$work" "$tmp/bin"
ln -s "$JX_SOURCE_DIR/datasets" "$work/datasets"
ln -s "$JX_SOURCE_DIR/tests" "$work/tests"
ln -s "$JIXIAO" "$tmp/bin/jixiao" # `jixiao` as the guide writes it
unset LC_ALL LC_MESSAGES LANGUAGE JIXIAO_DB
export LANG=zh_CN.UTF-8 JIXIAO_LOCALEDIR="${JX_BINARY_DIR:?}/locale" PATH="$tmp/bin:$PATH"
guide=$JX_SOURCE_DIR/docs/zh/用户指南.md
python3 "$JX_SOURCE_DIR/tests/docs/check_guide.py" "$guide" "$work" >"$tmp/out" 2>&1 ||
	fail "$(cat "$tmp/out")"
# the guide is where the README and the English guide say
grep -q '](docs/zh/用户指南.md)' "$JX_SOURCE_DIR/README.md" || fail_later "README does not link the guide"
grep -q '](zh/用户指南.md)' "$JX_SOURCE_DIR/docs/user-guide.md" ||
	fail_later "docs/user-guide.md does not link the guide"
finish
