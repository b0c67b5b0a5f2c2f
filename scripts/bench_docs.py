#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench_docs.py -- the document benchmark's data and its Python side (scripts/bench).
#
#   bench_docs.py make-xlsx OUT ROWS   a register workbook of ROWS indicator rows
#                                      (40 per evaluation, 10 years per department)
#   bench_docs.py make-docx DIR N      N small .docx reports, one department each
#   bench_docs.py read-xlsx FILE       what a user would script: openpyxl read-only,
#                                      every row's values
#   bench_docs.py read-docx FILE...    python-docx: every paragraph's and cell's text
#
# All data is synthetic (departments "示例市第N局", marked "# provenance: synthetic").
# The workbook's sheet holds its text as inline strings, as large registers are
# often written by programs, so that 100,000 rows make a sheet of about 100 MB.
import io
import os
import sys
import zipfile

PER_EVAL = 40  # indicators per evaluation, weight 2.5 each
EXPLANATION = ("该指标用于考察部门在预算编制、预算执行、资产管理和绩效管理等方面的规范程度与实际成效，"
               "依据有关制度文件、年度工作计划和实际完成情况综合评定；评价时查阅相关资料并抽样核实，"
               "完全达到要求的得满分，部分达到的按完成比例计分，未达到的不得分。") * 2


def indicator(i):
    l1 = ["投入", "过程", "产出", "效益"][i // 10]
    return l1, f"{l1}二级{i % 10 // 4}", f"{l1}三级指标{i % 10}"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;")


def cell(ref, v, number=False):
    if number:
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{esc(v)}</t></is></c>'


CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
      'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
      'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
      'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
      'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'spreadsheetml.worksheet+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
      'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      'relationships"><sheets><sheet name="汇总" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
          'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
          'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
          'Target="worksheets/sheet1.xml"/></Relationships>')


def make_xlsx(out, rows):
    head = ["部门", "年度", "类型", "一级指标", "二级指标", "三级指标", "指标解释", "分值", "得分"]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CT), ("_rels/.rels", RELS),
                           ("xl/workbook.xml", WB), ("xl/_rels/workbook.xml.rels", WBRELS)):
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            f.write(('<row r="1">' + cell("A1", "# provenance: synthetic") + "</row>").encode())
            f.write(('<row r="2">' + "".join(cell(chr(65 + i) + "2", h)
                                             for i, h in enumerate(head)) + "</row>").encode())
            for n in range(rows):
                r, ev, i = n + 3, n // PER_EVAL, n % PER_EVAL
                l1, l2, l3 = indicator(i)
                score = "2.5" if (n * 7) % 10 else "2"
                vals = [f"示例市第{ev // 10 + 1}局", str(2014 + ev % 10), "自评", l1, l2, l3,
                        EXPLANATION]
                row = "".join(cell(chr(65 + k) + str(r), v, k == 1) for k, v in enumerate(vals))
                row += cell(f"H{r}", "2.5", True) + cell(f"I{r}", score, True)
                f.write(f'<row r="{r}">{row}</row>'.encode())
            f.write(b"</sheetData></worksheet>")


def make_docx(outdir, n):
    import datetime
    import docx
    os.makedirs(outdir, exist_ok=True)
    d = docx.Document()
    d.add_paragraph("# provenance: synthetic")
    d.add_paragraph("2023年度DEPTNAME部门整体支出绩效自评报告")
    d.add_paragraph("一、部门概况")
    d.add_paragraph("2023年度部门预算数为1200.50万元，其中：基本支出800.50万元，项目支出400万元。")
    t = d.add_table(rows=PER_EVAL + 2, cols=6)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标解释", "分值", "得分"]):
        t.cell(0, c).text = h
    for i in range(PER_EVAL):
        l1, l2, l3 = indicator(i)
        for c, v in enumerate([l1 + "(25分)", l2, l3, EXPLANATION[:60], "2.5", "2.5"]):
            t.cell(i + 1, c).text = v
    for c, v in enumerate(["合计", "", "", "", "100", "100"]):
        t.cell(PER_EVAL + 1, c).text = v
    d.core_properties.created = d.core_properties.modified = datetime.datetime(2024, 1, 1)
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    for k in range(n):
        with zipfile.ZipFile(os.path.join(outdir, f"report{k:04d}.docx"), "w",
                             zipfile.ZIP_DEFLATED) as z:
            for name, data in parts:
                if name == "word/document.xml":
                    data = data.replace(b"DEPTNAME", f"示例市第{k + 1}局".encode())
                z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                           zipfile.ZIP_DEFLATED)


def read_xlsx(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += len(row)
    print(n)


def read_docx(paths):
    import docx
    n = 0
    for p in paths:
        d = docx.Document(p)
        n += sum(len(par.text) for par in d.paragraphs)
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    n += len(c.text)
    print(n)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "make-xlsx":
        make_xlsx(sys.argv[2], int(sys.argv[3]))
    elif cmd == "make-docx":
        make_docx(sys.argv[2], int(sys.argv[3]))
    elif cmd == "read-xlsx":
        read_xlsx(sys.argv[2])
    elif cmd == "read-docx":
        read_docx(sys.argv[2:])
    else:
        sys.exit(__doc__ if __doc__ else "usage: see the header of bench_docs.py")
