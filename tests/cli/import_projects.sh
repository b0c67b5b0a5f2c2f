#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# import_projects.sh -- project tables (项目支出绩效自评表) and a 部门整体支出绩效自评表 in the
# same layout through `jixiao import`, in each format tests/fixtures/projects/make.py
# writes them: what is stored must be exactly its expected_*.csv (written by make.py
# from its own data, not by jixiao), compared byte for byte after a canonical export;
# the 总分 warnings name their place; the same table in two formats is one content;
# `projects` shows the imported project; a bad fund block changes nothing.
set -u
: "${JIXIAO:?JIXIAO must name the jixiao executable}"
: "${JX_SOURCE_DIR:?JX_SOURCE_DIR must name the source tree}"

. "$(dirname "$0")/lib.sh"
fx="$JX_SOURCE_DIR/tests/fixtures/projects"

same() { # FILE WANT WHAT
	cmp -s "$1" "$2" || { diff "$2" "$1" >&2; fail "$3"; }
}

# ---- each file stores its expected rows and figures ----
for spec in a.docx:a:a a.html:a:a a.pdf:a:a b.txt:b:b b.xls:b_xls:b b.xlsx:b:b; do
	IFS=: read -r f rows figs <<<"$spec"
	run_db="$tmp/$f.db"
	run 0 import "$fx/$f"
	has "$tmp/out" "1 evaluation added" "import $f"
	run 0 export --project all
	same "$tmp/out" "$fx/expected_$rows.csv" "$f stores other rows"
	run 0 export --project all --what figures
	same "$tmp/out" "$fx/expected_${figs}_figures.csv" "$f stores other figures"
	run 0 export
	[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "$f: a project evaluation exported as the department's"
done

# ---- the warnings: 总分 with or without the fund row, a stated 执行率 off the amounts ----
run_db="$tmp/w.db"
run 0 import "$fx/a.docx" "$fx/b.txt"
has "$tmp/err" "a.docx: warning: 表 1 第 19 行 第 8 列: 总分 100 counts the fund row (年度资金总额, 10 points): the indicator rows without it add up to 90"
has "$tmp/err" "b.txt:20: warning: 总分 100 matches the indicator rows without the fund row (年度资金总额, 10 points), which comes on top: 110 points in all"
has "$tmp/err" "b.txt:6: warning: 执行率 88% differs from 全年执行数 / 全年预算数 = 87.5%; the analysis uses the amounts"
# the web page holds the same table as the Word file: nothing new
run 0 import "$fx/a.html"
has "$tmp/out" "identical content is already stored; nothing to do"

# ---- projects: 90.8 of 100, 110.44 / 125.5 = 88%, 2 of 7 targets missed, 1 unknown ----
run 0 projects --dept 示例县学生资助管理中心 --format csv
has "$tmp/out" "义务教育营养改善计划专项资金,2023,90.8,100,0.908,优,125.5,110.44,万元,0.88,7,4,2,1,供餐天数: ≥200天 → 196天 (春季学期延迟开学，供餐天数减少); 资金拨付及时率: ≥95% → 90% (部分资金拨付滞后，下年度加快拨付进度),synthetic"
# 103.75 of 110 (the fund row on top), 70 / 80 万元 = 87.5%
run 0 projects --dept 示例县公路事业发展中心 --format csv
has "$tmp/out" "乡村道路养护工程,2022,103.75,110,0.943181818182,优,80,70,万元,0.875,6,5,1,0,"

# ---- a 部门整体支出绩效自评表 in the project layout: the department's own evaluation ----
run_db="$tmp/c.db"
run 0 import "$fx/c.docx"
has "$tmp/err" "c.docx: warning: 表 1 第 14 行 第 8 列: 总分 100 counts the fund row"
run 0 export
same "$tmp/out" "$fx/expected_c.csv" "c.docx stores other rows"
run 0 list --project all --format csv
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "c.docx was stored as a project"

# ---- one file, the department's table and two projects (a sheet each in the workbook; the
# .xlsx shows its percentage cells as Excel does, like the .docx; the .xls reader gets no formats) ----
for spec in d.docx: d.xls:_xls d.xlsx:; do
	IFS=: read -r f x <<<"$spec"
	run_db="$tmp/$f.db"
	run 0 import "$fx/$f"
	has "$tmp/out" "3 evaluations added" "import $f"
	[ "$f" = d.docx ] || has "$tmp/err" "$f: warning: 退耕还林!H15: 总分 100 matches the indicator rows without the fund row"
	run 0 export
	same "$tmp/out" "$fx/expected_c$x.csv" "$f stores other department rows"
	run 0 export --project all
	same "$tmp/out" "$fx/expected_d$x.csv" "$f stores other project rows"
	run 0 export --project all --what figures
	same "$tmp/out" "$fx/expected_d_figures.csv" "$f stores other figures"
done
run_db="$tmp/d.docx.db"
run 0 import "$fx/d.docx"
has "$tmp/err" "d.docx: warning: 表 4 第 1 行 第 1 列: an indicator table after the project tables names no 项目名称: not read"
# 森林防火 57/60 = 95%, 退耕还林 150/200 = 75% (below 90%: marked)
run 0 projects --dept 示例县林业局 --format csv
has "$tmp/out" "森林防火专项资金,2023,97.5,100,0.975,优,60,57,万元,0.95,3,2,1,0,"
has "$tmp/out" "退耕还林补助资金,2023,102.5,110,0.931818181818,优,200,150,万元,0.75,3,2,1,0,"

# ---- --dry-run: how the project and its fund block were read ----
run_db="$tmp/dry.db"
run 0 import --dry-run "$fx/b.xls"
has "$tmp/out" "项目名称 → 乡村道路养护工程; 主管部门 示例县交通运输局, 实施单位 示例县公路事业发展中心"
has "$tmp/out" "项目自评表!D7: 年度资金总额 (the table in 元): 年初预算数 800000 元, 全年预算数 800000 元, 全年执行数 700000 元, 执行率 88%"
has "$tmp/out" "项目自评表!D16: skipped: a 其中 row (part of the row above)"
[ ! -e "$tmp/dry.db" ] || fail "a dry run created the database"

# ---- a fund block that does not read: exit 1, its place, database unchanged ----
run_db="$tmp/w.db"
sed 's/^\t年度资金总额\t\t800,000.00/\t年度资金总额\t\t八十万/' "$fx/b.txt" >"$tmp/bad.txt"
before=$(db_dump "$tmp/w.db")
run 1 import "$tmp/bad.txt"
has "$tmp/err" "bad.txt:6: 年初预算数 '八十万' is not an amount"
[ "$(db_dump "$tmp/w.db")" = "$before" ] || fail "a refused import changed the database"

finish
