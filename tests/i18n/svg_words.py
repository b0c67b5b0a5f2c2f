#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""svg_words.py -- the words a chart shows are in one language.

    svg_words.py zh|en DATA_DIR FILE.svg...

Reads the text elements of each SVG gnuplot wrote. Data (every field with a Chinese
character in DATA_DIR/*.csv: departments, categories, indicators, projects) is taken out
first. Then under zh no English word may remain beyond the methods' names (OLS,
Mann-Kendall, Sen, p, q, R²); under en no Chinese character may remain. Prints each
offending text and exits 1.
"""
import csv
import glob
import html
import re
import sys

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ALLOWED = {"OLS", "Mann", "Kendall", "Sen", "p", "q", "R"}


def data_names(folder):
    names = set()
    for path in glob.glob(folder + "/*.csv"):
        with open(path, encoding="utf-8") as f:
            for row in csv.reader(l for l in f if not l.startswith("#")):
                names.update(v for v in row if CJK.search(v))
    return sorted(names, key=len, reverse=True)


def texts(path):
    s = open(path, encoding="utf-8").read()
    for t in re.findall(r"<text\b[^>]*>(.*?)</text>", s, re.S):
        t = html.unescape(re.sub(r"<[^>]+>", "", t)).strip()
        if t:
            yield t


def main():
    lang, folder, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    names, bad, seen = data_names(folder), [], 0
    for path in files:
        for t in texts(path):
            seen += 1
            rest = t
            for n in names:
                rest = rest.replace(n, " ")
            if lang == "zh":
                words = set(re.findall(r"[A-Za-z]+", rest)) - ALLOWED
            else:
                words = set(CJK.findall(rest))
            if words:
                bad.append(f"{path}: {t!r}: {' '.join(sorted(words))}")
    print("\n".join(bad) if bad else f"{seen} texts in {len(files)} charts: {lang} only")
    sys.exit(1 if bad or not seen else 0)


if __name__ == "__main__":
    main()
