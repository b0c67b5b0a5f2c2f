#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# report_injection.sh -- hostile names in the database come out of the report as text.
#
# A department and an indicator named with <script>, quotes, & and a
# backtick command go through import, analysis, charts and both writers. The
# HTML must stay well-formed with no script element, show the names escaped
# (&lt;script&gt; ... &amp; &quot;) and literally after parsing; the Markdown
# must backslash-escape them; gnuplot must not run the backtick command.
set -euo pipefail
: "${JIXIAO:?}"
. "$(dirname "$0")/lib.sh"
cd "$tmp"

dept='<script>alert(1)</script> & "quotes"'
ind='指标<script>alert(1)</script> & "q" `touch MARK`'
csv_dept='"<script>alert(1)</script> & ""quotes"""'
csv_ind='"指标<script>alert(1)</script> & ""q"" `touch MARK`"'
{
  echo '# provenance: synthetic'
  echo 'department,year,kind,level1,level2,level3,explanation,weight,score,score_origin'
  for year in 2021 2022 2023; do
    echo "$csv_dept,$year,self,决策<b>,机制&amp;,$csv_ind,解释 <i>,60,$((40 + year - 2021)),stated"
    echo "$csv_dept,$year,self,决策<b>,机制&amp;,另一指标,,40,40,stated"
  done
} >hostile.csv

J() { "$JIXIAO" --db "$tmp/t.db" "$@"; }
J init >/dev/null
J import -q hostile.csv >/dev/null || fail "import of the hostile fixture failed"
J report --dept "$dept" --out r.html >/dev/null 2>err || { cat err; fail "report failed"; }
J report --dept "$dept" --out r.md >/dev/null 2>>err || { cat err; fail "Markdown report failed"; }

[ ! -e MARK ] || fail "a backtick command in a name was executed"
xmllint --noout r.html || fail "HTML is not well-formed"
grep -qiF '<script' r.html && fail "a <script> tag reached the HTML"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;' r.html ||
  fail "the department name is not HTML-escaped"
grep -qF '指标&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; `touch MARK`' r.html ||
  fail "the indicator name is not HTML-escaped"
grep -qF '决策&lt;b&gt;' r.html || fail "the category name is not HTML-escaped"
grep -qF '机制&amp;amp;' r.html || fail "an entity-like name is not escaped as text"
[ "$(xmllint --xpath 'count(//script)' r.html)" = 0 ] || fail "script element in the HTML"
xmllint --xpath 'string(//p[@class="subtitle"])' r.html | grep -qF "$dept" ||
  fail "the department name does not read literally"
[ "$(xmllint --xpath 'count(//table[@id="t-weak"]/tbody/tr)' r.html)" = 1 ] ||
  fail "the hostile indicator should be weak (deducted 3 years)"
xmllint --xpath 'string(//table[@id="t-weak"]/tbody/tr[1]/td[3])' r.html | grep -qxF "$ind" ||
  fail "the indicator name does not read literally in the weak table"
# Charts carry the names as SVG text, escaped by gnuplot and kept as they are.
[ "$(xmllint --xpath 'count(//*[local-name()="svg"])' r.html)" -ge 5 ] || fail "charts missing"
# (into a file first: grep -q stops at the first match, and under pipefail xmllint's SIGPIPE
# would fail the pipeline whenever the match comes early in a long output)
xmllint --xpath '//*[local-name()="text"]' r.html >texts.txt
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' texts.txt || fail "chart text does not show the name"

grep -qF '\<script\>alert(1)\</script\> \& "quotes"' r.md || fail "Markdown does not escape the name"
grep -F '<script' r.md | grep -vqF '\<script' && fail "a raw <script> reached the Markdown"
[ ! -e MARK ] || fail "a backtick command in a name was executed"
echo "report_injection: ok"
