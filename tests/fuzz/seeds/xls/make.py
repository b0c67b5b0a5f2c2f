#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make.py -- seeds of fuzz_xls's record parser: streams as the .xls child sends them
(src/lib/ingest/xls_records.c: type byte, two uint32, a uint32 text length, the text;
little-endian as on the machines jixiao runs on). Run it to rewrite the seeds."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def rec(kind, a=0, b=0, text=''):
    t = text.encode('utf-8')
    return kind.encode() + struct.pack('<III', a, b, len(t)) + t


def write(name, *records):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(b''.join(records))


write('sheet.rec', rec('S', 3, 3, '自评表'), rec('C', 0, 0, '三级指标'), rec('C', 0, 1, '分值'),
      rec('C', 0, 2, '得分'), rec('C', 1, 0, '预算执行率'), rec('C', 1, 1, '100'),
      rec('C', 1, 2, '95.5'), rec('C', 2, 0, '合计'), rec('S', 0, 0, '空白'), rec('D'))
write('failed.rec', rec('X', 0xFFFFFFEF), rec('D'))
write('password.rec', rec('P'), rec('D'))
