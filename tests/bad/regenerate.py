#!/usr/bin/env python3
"""regenerate.py -- rebuild the committed bad-input corpus from the real report and its CSV.

The cases are committed; run this only when the reference files change. Big cases
(a 1 MB line, a 200 MB file) are not committed: tests/cli/bad_inputs.sh makes them
at test time. MANIFEST says what each case must do.
"""
import os

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '..', '..')
rep = open(os.path.join(root, 'datasets/real/2023_nanjing_psb_narcotics_detachment.txt'), 'rb').read()
csv = open(os.path.join(root, 'datasets/real/2023_nanjing_psb_narcotics_detachment.csv'), 'rb').read()
R = rep.split(b'\n')          # R[i] is line i+1
C = csv.split(b'\n')          # C[0] provenance comment, C[1] header, C[2..] rows
HEAD = C[1]
ROWS = [r for r in C[2:] if r]


def w(name, data):
    with open(os.path.join(here, name), 'wb') as f:
        f.write(data)


def rep_with(lines):
    return b'\n'.join(lines)


def rep_sub(lineno, old, new):
    L = list(R)
    assert old in L[lineno - 1], (lineno, old)
    L[lineno - 1] = L[lineno - 1].replace(old, new, 1)
    return rep_with(L)


def csv_with(rows, head=HEAD):
    return b'\n'.join([C[0], head] + rows) + b'\n'


def row_sub(i, old, new):
    rows = list(ROWS)
    assert old in rows[i], (i, old)
    rows[i] = rows[i].replace(old, new, 1)
    return rows


# ---- report text ----
w('r_empty.txt', b'')
w('r_blank_lines.txt', b'\n\n   \n\t\n')
w('r_title_only.txt', R[2] + b'\n')
w('r_header_only.txt', rep_with(R[:139]) + b'\n')           # table header, no rows
w('r_truncated_mid_table.txt', rep_with(R[:159]) + b'\n')   # stops after row 159
w('r_truncated_mid_row.txt', rep_with(R[:159]) + b'\n' + R[159][:40])
w('r_no_title.txt', rep_with(R[:2] + R[3:]))
w('r_year_0.txt', rep_sub(3, b'2023 ', b'0 '))
w('r_year_0000.txt', rep_sub(3, b'2023 ', b'0000 '))
w('r_year_99999.txt', rep_sub(3, b'2023 ', b'99999 '))
w('r_score_nonnumeric.txt', rep_sub(141, b'\t2\t2', b'\t2\tabc'))
w('r_score_negative.txt', rep_sub(141, b'\t2\t2', b'\t2\t-1'))
w('r_weight_negative.txt', rep_sub(141, b'\t2\t2', b'\t-2\t2'))
w('r_weight_zero.txt', rep_sub(141, b'\t2\t2', b'\t0\t0'))
w('r_score_above_weight.txt', rep_sub(170, b'\t5\t5', b'\t5\t7'))
w('r_score_huge.txt', rep_sub(141, b'\t2\t2', b'\t2\t1' + b'0' * 400))
L = list(R); L.insert(142, R[141])
w('r_duplicate_indicator.txt', rep_with(L))
w('r_wrong_total.txt', rep_sub(177, b'\t100\t98', b'\t100\t80'))
w('r_weights_not_100.txt', rep_sub(174, b'\t5\t5', b'\t15\t5'))
w('r_shifted_unresolvable.txt', rep_sub(153, b'\t\t\xe6\x94\xb6', b'\t2\t2\t2\t2\t\xe6\x94\xb6'))
L = list(R); L[139:177] = [b'\t'.join(l.split(b'\t')[::-1]) for l in R[139:177]]
w('r_columns_reversed.txt', rep_with(L))
w('r_invalid_utf8.txt', rep_sub(142, b'\xe5\x86\xb3', b'\xe5\x86'))   # truncated 3-byte sequence
w('r_invalid_utf8_overlong.txt', rep_sub(145, b'\xe5\xb9\xb4', b'\xc0\xaf'))
gb = rep.decode('utf-8').encode('gb18030')
w('r_mixed_encodings.txt', rep_with(R[:150] + [R[150].decode().encode('gb18030')] + R[151:]))
i = gb.index('部门决策'.encode('gb18030'))
w('r_invalid_gb18030.txt', gb[:i] + b'\x81\x20\xff\xff' + gb[i:])
w('r_nul_bytes.txt', rep_sub(142, b'\t2\t2', b'\t2\x00\t2'))
# UTF-16 with a byte-order mark is read (tests/cli/readers_text.sh); without one it is refused
w('r_utf16le_no_bom.txt', rep.decode('utf-8').encode('utf-16-le'))
w('r_binary.bin', bytes((i * 97 + 13) % 256 for i in range(3000)))
w('r_title_three_lines.txt', rep_sub(3, '2023 年度南京市公安局禁毒支队 部'.encode(),
                                     '2023 年度\n南京市公安局禁毒支队\n部'.encode()))  # refused: --dept/--year
# a title broken inside the department name now reads whole: it became the positive
# fixture tests/fixtures/report/title_two_lines.txt (made by its regenerate.sh)

# ---- canonical CSV ----
w('c_empty.csv', b'')
w('c_header_only.csv', HEAD + b'\n')
w('c_unbalanced_quote.csv', csv_with(row_sub(3, b',2,2,stated', b',"2,2,stated')))
w('c_unbalanced_quote_eof.csv', csv_with(ROWS + [b'"\xe5\x8d\x97\xe4\xba\xac,2023,self']))
w('c_missing_column.csv', csv_with([b','.join(r.split(b',')[:8]) for r in ROWS],
                                   b'department,year,kind,level1,level2,level3,explanation,weight'))
# an unknown column is ignored with a warning; one that looks like a typo of a known one is not
w('c_unknown_column.csv', csv_with([r + b',x' for r in ROWS], HEAD.replace(b'weight', b'weigth') + b',colour'))
HEAD_ZH = '部门,年度,类型,一级指标,二级指标,三级指标,指标解释,权重,得 分,得分来源'.encode()
w('c_unknown_column_zh.csv', csv_with(ROWS, HEAD_ZH))
w('c_short_row.csv', csv_with(ROWS[:5] + [b'\xe5\x8d\x97,2023,self'] + ROWS[5:]))
w('c_weight_nonnumeric.csv', csv_with(row_sub(4, b',2,2,stated', b',two,2,stated')))
w('c_score_nonnumeric.csv', csv_with(row_sub(4, b',2,2,stated', b',2,2x,stated')))
w('c_score_negative.csv', csv_with(row_sub(4, b',2,2,stated', b',2,-0.5,stated')))
w('c_weight_zero.csv', csv_with(row_sub(4, b',2,2,stated', b',0,0,stated')))
w('c_score_above_weight.csv', csv_with(row_sub(4, b',2,2,stated', b',2,2.01,stated')))
w('c_score_nan.csv', csv_with(row_sub(4, b',2,2,stated', b',2,nan,stated')))
w('c_score_inf.csv', csv_with(row_sub(4, b',2,2,stated', b',2,inf,stated')))
w('c_weight_double_dot.csv', csv_with(row_sub(4, b',2,2,stated', b',2.5.1,2,stated')))
w('c_duplicate_indicator.csv', csv_with(ROWS[:6] + [ROWS[5]] + ROWS[6:]))
w('c_wrong_total.csv', csv_with(row_sub(4, b',2,2,stated', b',3,2,stated')))
w('c_truncated_rows.csv', csv_with(ROWS[:20]))
w('c_truncated_mid_row.csv', b'\n'.join([C[0], HEAD] + ROWS[:20]) + b'\n' + ROWS[20][:30])
w('c_year_0.csv', csv_with([r.replace(b',2023,', b',0,', 1) for r in ROWS]))
w('c_year_99999.csv', csv_with([r.replace(b',2023,', b',99999,', 1) for r in ROWS]))
w('c_year_text.csv', csv_with([r.replace(b',2023,', b',2023a,', 1) for r in ROWS]))
w('c_kind_invalid.csv', csv_with([r.replace(b',self,', b',audit,', 1) for r in ROWS]))
w('c_origin_invalid.csv', csv_with(row_sub(4, b',stated', b',guessed')))
w('c_dept_empty.csv', csv_with(row_sub(4, '南京市公安局禁毒支队'.encode(), b'')))
w('c_dept_newline.csv', csv_with([r.replace('南京市公安局禁毒支队'.encode(),
                                              '"南京市公安局\n禁毒支队"'.encode(), 1) for r in ROWS]))
w('c_invalid_utf8.csv', csv_with(row_sub(4, b',2,2,stated', b',2,2,stat\xff\xfeed')))
# GB18030 CSV is read now (tests/cli/readers_text.sh); c_gb18030.csv left the corpus
w('c_mixed_encodings.csv', csv_with(ROWS[:7] + [ROWS[7].decode().encode('gb18030')] + ROWS[8:]))
w('c_nul_byte.csv', csv_with(row_sub(4, b',2,2,stated', b',2,2\x00,stated')))
w('c_figures_bad_value.csv', b'department,year,item,value,unit\n'
  + '南京市公安局禁毒支队,2023,budget_total,3563.83.1,万元\n'.encode())
w('c_figures_unknown_item.csv', b'department,year,item,value,unit\n'
  + '南京市公安局禁毒支队,2023,budget_tota1,3563.83,万元\n'.encode())
w('c_figures_negative.csv', b'department,year,item,value,unit\n'
  + '南京市公安局禁毒支队,2023,budget_total,-3563.83,万元\n'.encode())
w('c_sql_in_number.csv', csv_with(row_sub(4, b',2,2,stated', b",2,2);DROP TABLE evaluation;--,stated")))

# ---- hostile but valid names: must import (exit 0) and come back unchanged ----
hostile = {
    'ok_name_quotes.csv': '禁毒支队"甲"\'乙\'',
    'ok_name_semicolons.csv': '禁毒支队;一;二;',
    'ok_name_sql.csv': "'); DROP TABLE evaluation;--",
    'ok_name_html_shell.csv': '<script>alert(1)</script> $(touch /tmp/jx_pwned) `id` | ;',
    'ok_name_gnuplot.csv': '"; system("touch /tmp/jx_pwned"); set output "/tmp/x',
}
for name, dept in hostile.items():
    q = '"' + dept.replace('"', '""') + '"' if any(ch in dept for ch in '",\n') else dept
    rows = [r.replace('南京市公安局禁毒支队'.encode(), q.encode(), 1) for r in ROWS]
    w(name, csv_with(rows))
