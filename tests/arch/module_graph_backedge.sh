#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# module_graph_backedge.sh -- the module-graph check fails when a back-edge is
# added on purpose (store including the report's private header), and passes
# again without it: proof that arch_module_graph can fail.
set -euo pipefail
src=${JX_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src" "$tmp/docs"
cp -r "$src/src/lib" "$tmp/src/"
cp -r "$src/include" "$tmp/"
cp "$src/docs/architecture.md" "$tmp/docs/"
python3 "$src/tests/arch/module_graph.py" "$tmp" >/dev/null ||
  { echo "FAIL: the unmodified copy does not pass"; exit 1; }
sed -i '0,/#include "store\/internal.h"/s//#include "store\/internal.h"\n#include "report\/internal.h"/' \
  "$tmp/src/lib/store/series.c"
grep -q '#include "report/internal.h"' "$tmp/src/lib/store/series.c" ||
  { echo "FAIL: could not add the back-edge"; exit 1; }
if out=$(python3 "$src/tests/arch/module_graph.py" "$tmp"); then
  echo "FAIL: a store -> report back-edge was not caught"; echo "$out"; exit 1
fi
echo "$out" | grep -q "store uses report, an edge docs/architecture.md does not allow" ||
  { echo "FAIL: unexpected message"; echo "$out"; exit 1; }
echo "$out" | grep -q "module cycle:" ||
  { echo "FAIL: the cycle report -> ... -> store -> report was not named"; echo "$out"; exit 1; }
# and an umbrella include inside the library
git -C "$src" show HEAD:src/lib/store/series.c >/dev/null 2>&1 || true
cp "$src/src/lib/store/series.c" "$tmp/src/lib/store/series.c"
sed -i '0,/#include "store\/internal.h"/s//#include "jixiao.h"\n#include "store\/internal.h"/' \
  "$tmp/src/lib/store/series.c"
if out=$(python3 "$src/tests/arch/module_graph.py" "$tmp"); then
  echo "FAIL: an umbrella include in the library was not caught"; exit 1
fi
echo "$out" | grep -q "umbrella header" || { echo "FAIL: $out"; exit 1; }
echo "ok: back-edge and umbrella include are caught"
