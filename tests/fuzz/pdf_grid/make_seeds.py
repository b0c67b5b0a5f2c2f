#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make_seeds.py -- seed inputs for fuzz_pdf_grid (tests/fuzz/fuzz_pdf_grid.c): page geometry
# in its seven-byte records (a ruled table with merged cells, a rule-less table, a table
# continued on a second page with its header repeated, a page number) and one answer of
# the PDF child in its wire format (first byte 0xFF). Run it to rewrite the seeds here.
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 595.0, 842.0
IDEOGRAPH, DIGIT, SPACE = 0, 8, 13  # indexes into the harness's code point table


def q(v, extent):
    return max(0, min(65535, int(round(v / extent * 65535))))


def hline(y, x0, x1):
    return struct.pack(">BHHH", 0, q(y, H), q(x0, W), q(x1, W))


def vline(x, y0, y1):
    return struct.pack(">BHHH", 1, q(x, W), q(y0, H), q(y1, H))


def char(x, y, kind=IDEOGRAPH, w=10.0, h=13.0):
    # the harness scales y by height / width, so store y * width / height
    return struct.pack(">BHHBB", 2 | (kind << 2), q(x, W), q(y * W / H, W), int(w * 8), int(h * 8))


def text(x, y, n, kind=IDEOGRAPH):
    return b"".join(char(x + 10 * i, y, kind) for i in range(n))


def new_page():
    return struct.pack(">BHHH", 3 | 0x40, 0, 0, 0)


def ruled(top, rows=4):
    out = b"".join(hline(top + 20 * r, 50, 350) for r in range(rows + 1) if r != 2) + \
        hline(top + 40, 50, 250)
    out += vline(50, top, top + 20 * rows) + vline(150, top + 20, top + 20 * rows) + \
        vline(250, top, top + 20 * rows) + vline(350, top, top + 20 * rows)
    for r in range(rows):
        out += text(55, top + 20 * r + 4, 3) + text(255, top + 20 * r + 4, 1, DIGIT)
    return out


def stream(top):
    out = b""
    for r in range(5):
        y = top + 18 * r
        out += text(50, y, 4) + text(150, y, 6) + text(300, y, 1, DIGIT) + text(350, y, 1, DIGIT)
    return out


def wire():
    page = struct.pack("<iiiIIIII", 1, 59500, 84200, 1, 1, 0, 0, 0)
    page += struct.pack("<Iiiiii", 0x6307, 1000, 2000, 2050, 3370, 1050)
    page += struct.pack("<Biii", 1, 10050, 5000, 30025)
    status = struct.pack("<iiI", 0, 1, 0)
    return b"\xff" + b"S" + struct.pack("<I", len(status)) + status + \
        b"P" + struct.pack("<I", len(page)) + page + b"E" + struct.pack("<I", 0)


SEEDS = {
    "ruled": ruled(100),
    "stream": text(50, 60, 8) + stream(100) + text(50, 300, 10),
    "continued": ruled(700) + text(290, 800, 3, DIGIT) + new_page() + ruled(100) +
    text(290, 800, 3, DIGIT),
    "wire": wire(),
}

for name, data in SEEDS.items():
    with open(os.path.join(HERE, name + ".bin"), "wb") as f:
        f.write(data)
