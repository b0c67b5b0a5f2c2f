#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""pseudo_check.py -- lines of output that bypass gettext, under the pseudo catalog.

    pseudo_check.py OUTPUT DATA...

OUTPUT is what jixiao printed with JIXIAO_CATALOG=x_PSEUDO --lang zh, where every
translated text is wrapped in ⟦…⟧. A line passes when, once the wrapped parts are
removed, what is left is data: numbers and punctuation, the program's name, file
names and places (file:line:), values quoted from the input ('…', "…", “…”), Markdown's
tags and link targets, and
Chinese text found in the DATA files (the names of departments, indicators and
figures come from the input). Any other English word or Chinese text is a text
for people that did not go through gettext: the line is printed and the exit
status is 1. Allowed besides (below): 合计, the total's key in every table; the grade
names 优 良 中 差 (stored bands, data); libzip's messages; the readers' stored warnings.
"""
import re
import sys

ALLOWED_CJK = {"合计", "优", "良", "中", "差"}
# Messages of the libraries jixiao quotes after its own (libzip), like strerror's.
EXTERNAL = ["Not a zip archive"]
# Known gap: the readers' warnings are stored with the evaluation in English (docs/formats.md)
# and printed as stored; a line "⟦warning: ⟧…" is not checked until they are message codes.
STORED_WARNING = "⟦warning: ⟧"


def strip_wrapped(line):
    """The line without its ⟦…⟧ parts (nested; a part cut with … ends there)."""
    out, depth = [], 0
    for ch in line:
        if ch == "⟦":
            depth += 1
            out.append(" ")
        elif ch == "⟧":
            depth = max(0, depth - 1)
        elif depth and ch == "…":
            depth = 0
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def residue(line):
    if STORED_WARNING in line:
        return ""
    for e in EXTERNAL:
        line = line.replace(e, " ")
    r = strip_wrapped(line)
    r = re.sub(r"^jixiao( [a-z]+)?: ", " ", r)
    r = re.sub(r"<[^<>]*>|\]\([^()]*\)", " ", r)  # Markdown's HTML tags and link targets
    r = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", " ", r)  # quoted input values
    r = re.sub(r"\S*[/\\]\S*|\S+\.(csv|txt|md|html|xlsx|docx|png|svg|db)\b(:\d+)*:?", " ", r)
    return r


def main():
    text = sys.stdin.read() if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8").read()
    data = ""
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            data += f.read()
    bad = 0
    for line in text.splitlines():
        r = residue(line)
        words = re.findall(r"[A-Za-z][A-Za-z_-]*", r)
        cjk = [w for w in re.findall(r"[\u3400-\u9fff]+", r) if w not in ALLOWED_CJK and w not in data]
        if words or cjk:
            print("bypasses gettext: %s   [%s]" % (line, " ".join(words + cjk)))
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
