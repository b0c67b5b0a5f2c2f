#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# readers_text.sh -- text files as people save them, end to end through `jixiao import`:
# the real report as Windows "Unicode 文本" (UTF-16 LE and BE, with a byte-order mark), the
# real canonical CSV in GBK, the same CSV as Excel/WPS saves the workbook's scores sheet
# (Chinese headers and labels, BOM, CRLF, every field quoted, merged level cells left blank,
# extra columns, blank rows below the table), and tables pasted as text.
#
# Each variant must store exactly what the UTF-8 original stores: the canonical export
# of the database (and its content dump, for the report) is compared byte for byte.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
real_txt="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.txt"
real_csv="$JX_SOURCE_DIR/datasets/real/2023_nanjing_psb_narcotics_detachment.csv"
command -v python3 >/dev/null || fail "python3 is needed by this test"

# import FILE [options] into a new database named after it; its export into $tmp/NAME.export
import_export() {
	local file=$1 name db
	shift
	name=$(basename "$file")
	db="$tmp/$name.db"
	run 0 --db "$db" import "$@" "$file"
	cp "$tmp/err" "$tmp/$name.err"
	run 0 --db "$db" export
	cp "$tmp/out" "$tmp/$name.export"
}

# ---- the report in UTF-16 (BOM), both byte orders, and without a BOM when told ----
import_export "$real_txt"
python3 - "$real_txt" "$tmp" <<'EOF'
import sys
text = open(sys.argv[1], encoding='utf-8').read().replace('\n', '\r\n')  # Notepad's line ends
open(sys.argv[2] + '/le.txt', 'wb').write(b'\xff\xfe' + text.encode('utf-16-le'))
open(sys.argv[2] + '/be.txt', 'wb').write(b'\xfe\xff' + text.encode('utf-16-be'))
open(sys.argv[2] + '/nobom.txt', 'wb').write(text.encode('utf-16-le'))
EOF
want="$tmp/$(basename "$real_txt").export"
for v in le be; do
	import_export "$tmp/$v.txt"
	cmp -s "$tmp/$v.txt.export" "$want" || fail "UTF-16 $v report stores other scores"
	has "$tmp/$v.txt.err" "$tmp/$v.txt:149: warning: score of 部门管理/预算执行/部门预算执行率 is missing"
done
run 1 --db "$tmp/x.db" import "$tmp/nobom.txt"
has "$tmp/err" "$tmp/nobom.txt:2: contains a NUL byte" # the report starts with a blank line
has "$tmp/err" "pass --encoding utf-16"
import_export "$tmp/nobom.txt" --encoding utf-16
cmp -s "$tmp/nobom.txt.export" "$want" || fail "UTF-16 without BOM (--encoding utf-16) differs"

# ---- the canonical CSV in GBK: detected; --encoding gb18030 still works ----
iconv -f UTF-8 -t GB18030 "$real_csv" >"$tmp/gbk.csv" || fail "iconv"
import_export "$tmp/gbk.csv"
cmp -s "$tmp/gbk.csv.export" "$real_csv" || fail "GBK CSV does not export back to the UTF-8 file"
cp "$tmp/gbk.csv" "$tmp/gbk2.csv"
import_export "$tmp/gbk2.csv" --encoding gb18030
cmp -s "$tmp/gbk2.csv.export" "$real_csv" || fail "GBK CSV with --encoding gb18030 differs"

# ---- the scores sheet as Excel saves it (CSV UTF-8, and GBK "CSV (逗号分隔)") ----
python3 - "$real_csv" "$tmp" <<'EOF'
import csv, sys
rows = list(csv.reader(l for l in open(sys.argv[1], encoding='utf-8') if not l.startswith('#')))
head = ['序号', '部门', '年度', '类型', '一级指标', '二级指标', '三级指标', '权重', '得分',
        '得分率', '扣分', '得分来源', '数据性质', '指标解释', '备注']
kind = {'self': '自评', 'review': '复核'}
origin = {'stated': '原文', 'inferred': '推算', 'missing': '缺失'}
out, prev = [head], None
for i, r in enumerate(rows[1:], 1):
    d, y, k, l1, l2, l3, ex, w, s, o = r
    rate = '%.1f%%' % (100 * float(s) / float(w)) if s else ''
    c1, c2 = l1, l2
    if prev and prev[0] == l1:      # merged cells: blank under the first row
        c1 = ''
        c2 = '' if prev[1] == l2 else l2
    prev = (l1, l2)
    out.append([str(i), d, y, kind[k], c1, c2, l3, w, s, rate, '', origin[o], '真实', ex, ''])
out += [[''] * len(head)] * 3      # the blank rows below the table
q = lambda f: '"' + f.replace('"', '""') + '"'
text = ''.join(','.join(q(f) for f in r) + '\r\n' for r in out)
open(sys.argv[2] + '/excel_utf8.csv', 'wb').write(b'\xef\xbb\xbf' + text.encode('utf-8'))
open(sys.argv[2] + '/excel_gbk.csv', 'wb').write(text.encode('gb18030'))
EOF
grep -q '^"[0-9]*","南京市公安局禁毒支队","2023","自评","","",' "$tmp/excel_utf8.csv" ||
	fail "the Excel-like fixture has no blank (merged) level cells"
for v in excel_utf8 excel_gbk; do
	import_export "$tmp/$v.csv"
	cmp -s "$tmp/$v.csv.export" "$real_csv" || {
		diff "$tmp/$v.csv.export" "$real_csv" | head -5 >&2
		fail "$v.csv does not store what the canonical CSV stores"
	}
	has "$tmp/$v.csv.err" "$tmp/$v.csv:1: warning: columns not known to jixiao were ignored: '序号', '得分率', '扣分', '备注'"
	[ "$(grep -c warning "$tmp/$v.csv.err")" = 1 ] || fail "$v.csv: more than one warning"
done
# re-importing the machine CSV onto it: identical content
run 0 --db "$tmp/excel_utf8.csv.db" import "$real_csv"
has "$tmp/out" "identical content is already stored; nothing to do"

# ---- a table copied out of Word into Notepad (tabs, CRLF, merged cells left empty):
# the recogniser reads it; the export is the hand-written canonical file ----
paste="$JX_SOURCE_DIR/tests/fixtures/paste"
import_export "$paste/word_tabs.txt"
cmp -s "$tmp/word_tabs.txt.export" "$paste/word_tabs.expected.csv" || {
	diff "$tmp/word_tabs.txt.export" "$paste/word_tabs.expected.csv" >&2
	fail "the pasted Word table stores other rows"
}
run 0 --db "$tmp/p.db" import --dry-run "$paste/browser_rowspan.txt"
has "$tmp/out" "line 10: 产出 / 产出质量 / 养护达标率: 分值 10, 得分 10, 复核得分 9"
# forced to be report text, it is not one
run 1 --db "$tmp/p.db" import --format report "$paste/markdown_pipes.md"

# a typo in a column name is refused, naming the column and what it looks like
sed '1s/"权重"/"权 重"/' "$tmp/excel_utf8.csv" >"$tmp/typo.csv"
run 1 --db "$tmp/typo.db" import "$tmp/typo.csv"
has "$tmp/err" "$tmp/typo.csv:1:8: unknown column '权 重': did you mean '权重'?"
[ ! -e "$tmp/typo.db" ] || fail "a refused import created a database"
echo "readers_text: ok"
