#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# report_e2e_plain.sh -- the body of the planning report (sections 一 to 六) is in plain words:
# for every bundled department, in Chinese and English, as HTML and Markdown, no statistics
# vocabulary (p =, q =, φ, OLS, 标准误 / standard error, confidence or prediction intervals,
# the names of the tests) appears before the appendix; the statistics are in the appendix,
# where the same patterns must be found (so the check can fail) (issue 21, item 2).
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -euo pipefail
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"

db=$tmp/t.db
J() { "$JIXIAO" --db "$db" "$@"; }
J init >/dev/null
J import -q "$JX_SOURCE_DIR"/datasets/real/*.txt \
  $(find "$JX_SOURCE_DIR/datasets/synthetic" -name '*.csv' ! -name aliases.csv | sort) \
  $(find "$JX_SOURCE_DIR/datasets/synthetic" -name '*.txt' | sort) >/dev/null
J alias add --file "$JX_SOURCE_DIR/datasets/synthetic/aliases.csv" >/dev/null

n=0
while IFS= read -r dept; do
  for lang in zh en; do
    for ext in html md; do
      J --lang "$lang" report --dept "$dept" --no-charts --out "$tmp/r$n-$lang.$ext" >/dev/null 2>"$tmp/err" ||
        { cat "$tmp/err"; fail "$dept: report --lang $lang ($ext) failed"; }
    done
  done
  n=$((n + 1))
done < <(J list --format csv | tail -n +2 | cut -d, -f1 | sort -u)
[ "$n" -ge 14 ] || fail "expected the 14 bundled departments, found $n"

out=$(python3 - "$tmp" <<'PY' 2>&1) || fail "$out"
import glob, re, sys
stats = re.compile(r"\bp ?[=<≤]|\bq ?[=<≤]|φ|\bOLS\b|标准误|standard error|\bSE\b|p 值|q 值|"
                   r"p-value|q-value|置信|confidence|预测区间|prediction interval|\binterval\b|"
                   r"符号检验|sign test|Mann|Kendall|Fisher|Theil|R²")
seen = {}
for f in sorted(glob.glob(sys.argv[1] + "/r*-*.*")):
    s = open(f, encoding="utf-8").read()
    s = re.sub(r"<(style|script)\b.*?</\1>", "", s, flags=re.S)
    i = s.find('<section id="appendix">') if f.endswith(".html") else s.find('<a id="appendix"></a>')
    if i < 0:
        sys.exit("%s: no appendix" % f)
    body = re.sub(r"<[^>]*>", "", s[:i])
    m = stats.search(body)
    if m:
        sys.exit("%s: statistics in the body: ...%s..." % (f, body[max(0, m.start() - 60):m.end() + 30]))
    lang = f.rsplit("-", 1)[1].split(".")[0]
    seen[lang] = seen.get(lang, 0) + len(stats.findall(re.sub(r"<[^>]*>", "", s[i:])))
for lang in ("zh", "en"):
    if not seen.get(lang):
        sys.exit("no statistics found in any %s appendix: the check cannot fail" % lang)
print("bodies plain; appendix matches:", seen)
PY
echo "$out"
finish
