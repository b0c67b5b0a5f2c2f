#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# public_api.py SOURCE_DIR -- every function of the public headers is exported.
#
# The library is compiled with hidden visibility; only functions declared
# JX_API (jixiao/common.h) are exported from a shared libjixiao. This check
# fails on a function declared in include/jixiao/*.h without JX_API, and on a
# header that uses JX_API without including common.h (directly or through
# another public header), so that a new function cannot be left out of the
# shared library unnoticed. (ctest package_shared then checks the exported
# symbols themselves.)
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
headers = sorted(glob.glob(os.path.join(root, "include", "jixiao", "*.h")))
# a declaration at the start of a line: a return type, then jx_name(
decl = re.compile(r"^(?!typedef|JX_API|#|/|\*| |\t|})[A-Za-z_][\w \*]*?\b(jx_\w+)\s*\(", re.M)
includes = re.compile(r'^#include "(?:jixiao/)?(\w+\.h)"', re.M)

problems = []
deps = {}
for path in headers:
    text = open(path, encoding="utf-8").read()
    name = os.path.basename(path)
    deps[name] = includes.findall(text)
    for m in decl.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        problems.append(f"{path}:{line}: {m.group(1)} is declared without JX_API")


def reaches_common(name, seen=()):
    if name == "common.h":
        return True
    return any(reaches_common(d, seen + (name,)) for d in deps.get(name, []) if d not in seen)


for name in deps:
    if name != "common.h" and not reaches_common(name):
        problems.append(f"include/jixiao/{name}: does not include common.h (JX_API)")
if len(headers) < 10:
    problems.append(f"only {len(headers)} public headers found under {root}/include/jixiao")
for p in problems:
    print(p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"public_api: {len(headers)} headers, every function JX_API")
