#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# make_seeds.sh -- the XML seeds of fuzz_docx and fuzz_xlsx: the document and sheet parts of
# the document fixtures (tests/fixtures/docs), which those harnesses wrap in a zip.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fx="$here/../../fixtures/docs"
mkdir -p "$here/docx" "$here/xlsx"
for f in "$fx"/*.docx; do
  n=$(basename "$f" .docx)
  unzip -p "$f" word/document.xml >"$here/docx/$n.xml" 2>/dev/null || rm -f "$here/docx/$n.xml"
done
for f in "$fx"/*.xlsx; do
  n=$(basename "$f" .xlsx)
  for s in $(unzip -Z1 "$f" | grep '^xl/worksheets/sheet[0-9]*\.xml$'); do
    unzip -p "$f" "$s" >"$here/xlsx/$n-$(basename "$s")"
  done
done
