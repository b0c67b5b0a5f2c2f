#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_catalog.py -- every text for people has a Chinese translation.

    check_catalog.py POT PO SAME_LIST

POT is the template extracted from the sources at build time (build/po/jixiao.pot).
Fails (exit 1) when a msgid of POT has no translation in PO, or a fuzzy one, or a
translation equal to its msgid (unless the msgid is listed in SAME_LIST: texts such
as "CSV" or "OLS" that are the same in Chinese), or when PO does not pass
`msgfmt --check`. Prints what to do.
"""
import subprocess
import sys


def entries(path):
    """msgid(+plural) -> (msgstr list, fuzzy) of a .po/.pot file (simple PO grammar)."""
    out, cur, key, fuzzy = {}, None, None, False

    def unq(s):
        return bytes(s.strip()[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def flush():
        nonlocal cur
        if cur and cur.get("msgid") is not None and cur["msgid"] != "":
            k = cur["msgid"] + ("\0" + cur["msgid_plural"] if "msgid_plural" in cur else "")
            strs = [v for kk, v in sorted(cur.items()) if kk.startswith("msgstr")]
            out[k] = (strs, cur.get("fuzzy", False))
        cur = None

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            cur = {"fuzzy": True}
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("msgid "):
            if cur is None or "msgid" in cur:
                fz = cur.get("fuzzy", False) if cur and "msgid" not in cur else False
                flush()
                cur = {"fuzzy": fz}
            key = "msgid"
            cur[key] = unq(line[6:])
        elif line.startswith("msgid_plural "):
            key = "msgid_plural"
            cur[key] = unq(line[13:])
        elif line.startswith("msgstr"):
            head, _, rest = line.partition(" ")
            key = head
            cur[key] = unq(rest)
        elif line.startswith('"') and cur is not None and key:
            cur[key] += unq(line)
        elif not line.strip():
            flush()
            key = None
    flush()
    return out


def main():
    pot, po, same_list = sys.argv[1:4]
    same = {l.rstrip("\n") for l in open(same_list, encoding="utf-8") if l.strip() and not l.startswith("#")}
    r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", po],
                       capture_output=True, text=True)
    problems = []
    if r.returncode != 0:
        problems.append(f"{po}: msgfmt --check failed:\n{r.stderr}")
    want, have = entries(pot), entries(po)
    for k in sorted(want):
        msgid = k.split("\0")[0]
        if k not in have:
            problems.append(f"not translated: {msgid!r}")
            continue
        strs, fuzzy = have[k]
        if fuzzy:
            problems.append(f"fuzzy translation: {msgid!r}")
        elif not strs or any(not s for s in strs):
            problems.append(f"not translated: {msgid!r}")
        elif strs[0] == msgid and msgid not in same:
            problems.append(f"translation equals the English text: {msgid!r} "
                            f"(translate it, or list it in {same_list} if it is the same in Chinese)")
    for p in problems:
        print(p)
    print(f"{len(want)} texts to translate, {len(problems)} problem(s); {r.stderr.strip()}")
    if problems:
        print("fix: run scripts/po-update, then translate the new entries of po/zh_CN.po")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
