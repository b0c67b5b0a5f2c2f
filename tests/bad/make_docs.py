#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make_docs.py -- the bad-input corpus of the document readers (d_* Word, x_* Excel,
h_* web pages): malformed, hostile and wrong files, made here with python3-docx,
python3-openpyxl and zipfile; MANIFEST says what each must do. Every file is
synthetic ("示例" departments). Run from anywhere:

    /usr/bin/python3 tests/bad/make_docs.py

Cases too big to commit (a zip with 10,001 entries, a page of 17,000 rows) are made by
tests/cli/bad_inputs.sh at test time through `make_docs.py --generated NAME OUT`.
"""
import io
import os
import struct
import sys
import zipfile

import docx
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2024, 1, 1, 0, 0, 0)


def good_docx(rows=None, title="2023年度示例市测试局部门整体支出绩效自评报告"):
    """A small valid .docx as bytes: a title and a 100-point table (rows overridable)."""
    rows = rows or [["投入(50分)", "预算", "执行率", "50", "45"],
                    ["产出(50分)", "数量", "完成率", "50", "48"],
                    ["合计", "", "", "100", "93"]]
    d = docx.Document()
    d.add_paragraph("# provenance: synthetic")
    if title:
        d.add_paragraph(title)
    t = d.add_table(rows=len(rows) + 1, cols=5)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "分值", "得分"]):
        t.cell(0, c).text = h
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    import datetime
    d.core_properties.created = d.core_properties.modified = datetime.datetime(2024, 1, 1)
    d.core_properties.author = "jixiao fixtures"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def rezip(data, replace=None, extra=None, drop=()):
    """The archive data with entries replaced (name -> bytes), added or dropped."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename in drop:
                continue
            body = (replace or {}).get(info.filename, src.read(info.filename))
            z.writestr(zipfile.ZipInfo(info.filename, date_time=STAMP), body,
                       zipfile.ZIP_DEFLATED)
        for name, body in (extra or {}).items():
            z.writestr(zipfile.ZipInfo(name, date_time=STAMP), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def document_xml(data):
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def with_doctype(xml, dtd):
    """The XML with a document type declaration inserted after its declaration."""
    head, sep, rest = xml.partition(b"?>")
    return head + sep + dtd + rest


def lying_size(data, entry):
    """Patch the sizes entry declares (local header and central directory) to 10 bytes
    while its data inflates to more: the reader must stop at what was declared."""
    b = bytearray(data)
    name = entry.encode()
    for sig, off_size, off_name in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        i = 0
        while (i := b.find(sig, i)) >= 0:
            n = struct.unpack_from("<H", b, i + (26 if sig == b"PK\x03\x04" else 28))[0]
            if bytes(b[i + off_name:i + off_name + n]) == name:
                struct.pack_into("<I", b, i + off_size, 10)
            i += 4
    return bytes(b)


def claimed_size(data, entry, size):
    """Patch only the central directory's uncompressed size of entry (what libzip stats)."""
    b = bytearray(data)
    name = entry.encode()
    i = 0
    while (i := b.find(b"PK\x01\x02", i)) >= 0:
        n = struct.unpack_from("<H", b, i + 28)[0]
        if bytes(b[i + 46:i + 46 + n]) == name:
            struct.pack_into("<I", b, i + 24, size)
        i += 4
    return bytes(b)


def good_xlsx(rows, sheet_xml=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评分表"
    ws.append(["# provenance: synthetic"])
    ws.append(["2023年度示例市测试局部门整体支出绩效自评表"])
    ws.append(["一级指标", "二级指标", "三级指标", "分值", "得分"])
    for r in rows:
        ws.append(r)
    import datetime
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    out = io.BytesIO()
    wb.save(out)
    data = out.getvalue()
    if sheet_xml:
        data = rezip(data, replace={"xl/worksheets/sheet1.xml": sheet_xml})
    return data


SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def sheet(rows_xml):
    return SHEET_HEAD + b"<sheetData>" + rows_xml + b"</sheetData></worksheet>"


def inl(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


HEADER_ROWS = (b'<row r="1">' + inl("A1", "2023年度示例市测试局部门整体支出绩效自评表") + b"</row>"
               + b'<row r="2">' + inl("A2", "一级指标") + inl("B2", "二级指标") + inl("C2", "三级指标")
               + inl("D2", "分值") + inl("E2", "得分") + b"</row>")


def html(body, charset="utf-8", encoding="utf-8"):
    page = f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<meta name="provenance" content="synthetic"><title>示例</title></head><body>
<p>2023年度示例市测试局部门整体支出绩效自评报告</p>
{body}
</body></html>
"""
    return page.encode(encoding)


TABLE = """<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td><td>得分</td></tr>
<tr><td>投入(50分)</td><td>预算</td><td>执行率</td><td>{w}</td><td>45</td></tr>
<tr><td>产出(50分)</td><td>数量</td><td>完成率</td><td>50</td><td>48</td></tr>
<tr><td>合计</td><td></td><td></td><td>100</td><td>93</td></tr></table>"""


def cases():
    g = good_docx()
    doc = document_xml(g)
    yield "d_weight_text.docx", good_docx([["投入(50分)", "预算", "执行率", "5o", "45"],
                                           ["产出(50分)", "数量", "完成率", "50", "48"]])
    yield "d_score_above_weight.docx", good_docx([["投入(50分)", "预算", "执行率", "50", "60"],
                                                  ["产出(50分)", "数量", "完成率", "50", "48"]])
    yield "d_weights_not_100.docx", good_docx([["投入(50分)", "预算", "执行率", "40", "35"],
                                               ["产出(50分)", "数量", "完成率", "50", "48"],
                                               ["合计", "", "", "100", "83"]])
    yield "d_no_department.docx", good_docx(title="部门整体支出绩效自评表（2023年度）")
    yield "d_duplicate_indicator.docx", good_docx([["投入(50分)", "预算", "执行率", "50", "45"],
                                                   ["投入(50分)", "预算", "执行率", "50", "48"]])
    yield "d_cut_short.docx", g[:len(g) // 2]
    yield "d_xxe.docx", rezip(g, replace={"word/document.xml": with_doctype(
        doc, b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>')})
    yield "d_billion_laughs.docx", rezip(g, replace={"word/document.xml": with_doctype(
        doc, b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">'
                   % ((98 + i,) + (97 + i,) * 10) for i in range(9)) + b"]>")})
    deep = b"<w:sdt><w:sdtContent>" * 150 + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * 150
    yield "d_deep_nesting.docx", rezip(g, replace={"word/document.xml": doc.replace(
        b"<w:body>", b"<w:body>" + deep, 1)})
    yield "d_bad_xml.docx", rezip(g, replace={"word/document.xml": doc[:len(doc) // 2]})
    yield "d_no_document_part.docx", rezip(g, drop=("word/document.xml",),
                                           extra={"word/other.xml": b"<x/>"})
    yield "d_lying_size.docx", lying_size(g, "word/document.xml")
    yield "d_claims_2gib.docx", claimed_size(g, "word/document.xml", 0x7FFFFFFF)
    yield "d_zip_bomb_ratio.docx", rezip(g, extra={"word/media/zeros.bin": bytes(64 << 20)})
    yield "x_formula_no_value.xlsx", good_xlsx([["投入(50分)", "预算", "执行率", 50, "=D4*0.9"],
                                                ["产出(50分)", "数量", "完成率", 50, 48]])
    yield "x_missing_shared_string.xlsx", good_xlsx([], sheet(
        HEADER_ROWS + b'<row r="3"><c r="A3" t="s"><v>9999</v></c></row>'))
    yield "x_bad_cell_ref.xlsx", good_xlsx([], sheet(
        HEADER_ROWS + b'<row r="3"><c r="ZZZZ3"><v>1</v></c></row>'))
    yield "x_rows_out_of_order.xlsx", good_xlsx([], sheet(
        HEADER_ROWS + b'<row r="1"><c r="A1"><v>1</v></c></row>'))
    yield "x_dtd.xlsx", good_xlsx([], with_doctype(sheet(HEADER_ROWS),
                                                   b'<!DOCTYPE worksheet [<!ENTITY e "x">]>'))
    yield "x_weight_text.xlsx", good_xlsx([["投入(50分)", "预算", "执行率", "五十", 45],
                                           ["产出(50分)", "数量", "完成率", 50, 48]])
    yield "h_weight_text.html", html(TABLE.format(w="5o"))
    yield "h_no_table.html", html("<p>本页没有表格。</p>")
    yield "h_invalid_gb.html", html(TABLE.format(w="50"), charset="gb2312",
                                    encoding="gbk")[:-40] + b"\xff\xfe\xff\xfe" + b"</body></html>\n"
    yield "h_deep_nesting.html", html("<div>" * 400 + TABLE.format(w="50") + "</div>" * 400)
    yield "d_relabel.docx", good_docx()


def huge_table(out):
    """h_huge_table.html: 17,000 rows of colspan=1000, a grid beyond the 16 M cells allowed."""
    with open(out, "wb") as f:
        f.write(html("<table>" + "<tr><td colspan=1000>x</td></tr>" * 17000 + "</table>"))


def many_entries(out):
    """d_10001_entries.docx: a .docx with 10,001 entries (more than the reader takes)."""
    g = good_docx()
    extra = {f"word/media/e{i}.bin": b"" for i in range(10001)}
    with open(out, "wb") as f:
        f.write(rezip(g, extra=extra))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--generated":
        {"d_10001_entries.docx": many_entries,
         "h_huge_table.html": huge_table}[sys.argv[2]](sys.argv[3])
        return
    for name, data in cases():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
