#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_guide.py -- every command a user guide shows still runs and still prints what it shows.

    check_guide.py GUIDE.md WORKDIR

Runs the commands of the ```console blocks of GUIDE.md, in order, in WORKDIR (with bash,
stdout and stderr together; `jixiao` is whatever is first on PATH). In a block, a line
"$ command" is a command and the lines after it, up to the next command or the end of the
block, are what it prints:

  - a line that is only "…" stands for any number of lines;
  - a line ending in "…" must begin the printed line (long lines, messages cut short);
  - any other line must equal the printed line;

runs of spaces count as one, so that column widths may change. A command shown without
output may print anything, but must succeed unless its output is shown. Prints each
difference and exits 1 when there is one, 2 when the guide shows no command.
"""
import os
import re
import subprocess
import sys


def blocks(path):
    """(line number, command, [expected lines]) of the console blocks, in order."""
    out, inside, cur = [], False, None
    for no, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("```"):
            inside = line.strip() == "```console" if not inside else False
            cur = None
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            cur = (no, line[2:], [])
            out.append(cur)
        elif cur is not None:
            cur[2].append(line)
    return out


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def matches(expected, actual):
    """None when actual (lines) is what expected shows, else what differs."""
    i = 0
    skipping = False
    for e in expected:
        if norm(e) == "…":
            skipping = True
            continue
        want = norm(e)
        prefix = want.endswith("…") and len(want) > 1
        ok = (lambda a: norm(a).startswith(want[:-1].rstrip())) if prefix else \
            (lambda a: norm(a) == want)
        while i < len(actual) and not ok(actual[i]):
            if not skipping:
                return f"expected: {e!r}\n     got: {actual[i]!r}"
            i += 1
        if i == len(actual):
            return f"expected: {e!r}\n     got: (no more output)"
        i += 1
        skipping = False
    if not skipping and i < len(actual):
        return f"printed more than shown, from: {actual[i]!r}"
    return None


def main():
    guide, workdir = sys.argv[1], sys.argv[2]
    cmds, bad = blocks(guide), 0
    if not cmds:
        print(f"{guide}: no ```console block with a command")
        sys.exit(2)
    for no, cmd, expected in cmds:
        r = subprocess.run(["bash", "-c", cmd], cwd=workdir, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=os.environ)
        actual = r.stdout.decode("utf-8", "replace").splitlines()
        while expected and not expected[-1].strip():
            expected.pop()
        problem = None
        if r.returncode != 0 and not expected:
            problem = f"exit {r.returncode}: " + "\n".join(actual[-5:])
        elif expected:
            problem = matches(expected, actual)
        if problem:
            bad += 1
            print(f"{guide}:{no}: $ {cmd}\n{problem}\n")
    print(f"{len(cmds)} commands, {bad} differ from {guide}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
