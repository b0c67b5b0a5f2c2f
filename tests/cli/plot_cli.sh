#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# plot_cli.sh -- `jixiao plot` end to end: all seven charts from the bundled
# synthetic history, format from the extension, --script, usage errors, a
# missing gnuplot, a machine without a CJK font, charts skipped for lack of data.
# ctest-labels: slow (more than a few seconds; ctest -LE slow leaves it out)
set -u
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }

db=$tmp/t.db
dept=示例市公安局禁毒支队
"$JIXIAO" --db "$db" init >/dev/null || fail_later "init"
"$JIXIAO" --db "$db" import -q "$JX_SOURCE_DIR/datasets/synthetic/scores.csv" \
	"$JX_SOURCE_DIR/datasets/synthetic/figures.csv" >/dev/null || fail_later "import"

# all seven charts, each a real PNG, their paths on stdout
"$JIXIAO" --db "$db" plot all --dept "$dept" --out-dir "$tmp" >"$tmp/out" 2>"$tmp/err" \
	|| fail_later "plot all exit $?: $(cat "$tmp/err")"
for c in total categories heatmap pareto weak figures rank; do
	is_png "$tmp/$c.png" || fail_later "$c.png is not a PNG"
	grep -qx "$tmp/$c.png" "$tmp/out" || fail_later "$c.png not listed on stdout"
done

# the format follows the extension; --script writes the script that ran
"$JIXIAO" --db "$db" plot heatmap --dept "$dept" --out "$tmp/h.svg" --script "$tmp/h.gp" \
	>/dev/null || fail_later "plot heatmap svg"
grep -q '<svg' "$tmp/h.svg" || fail_later "h.svg is not SVG"
grep -q '>合成数据<' "$tmp/h.svg" || fail_later "synthetic data not marked"
grep -q "^set terminal svg size" "$tmp/h.gp" || fail_later "script has no svg terminal"
grep -q '^\$cells << EOD$' "$tmp/h.gp" || fail_later "script has no cells block"

# usage errors exit 2, data errors exit 1
"$JIXIAO" --db "$db" plot --help | grep -q 'plot all --dept' || fail_later "--help"
"$JIXIAO" --db "$db" plot bogus --dept "$dept" --out "$tmp/x.png" 2>/dev/null
[ $? -eq 2 ] || fail_later "unknown chart should exit 2"
"$JIXIAO" --db "$db" plot total --out "$tmp/x.png" 2>/dev/null
[ $? -eq 2 ] || fail_later "missing --dept should exit 2"
"$JIXIAO" --db "$db" plot total --dept "$dept" --out "$tmp/x.png" --size 10x10 2>/dev/null
[ $? -eq 2 ] || fail_later "bad --size should exit 2"
"$JIXIAO" --db "$db" plot total --dept 没有这个部门 --out "$tmp/x.png" 2>"$tmp/err"
[ $? -eq 1 ] || fail_later "unknown department should exit 1"
grep -q '没有这个部门' "$tmp/err" || fail_later "unknown department not named: $(cat "$tmp/err")"

# no gnuplot on PATH: exit 1 and name the package
mkdir "$tmp/empty"
PATH="$tmp/empty" "$JIXIAO" --db "$db" plot total --dept "$dept" --out "$tmp/g.png" 2>"$tmp/err"
[ $? -eq 1 ] || fail_later "missing gnuplot should exit 1"
grep -q 'gnuplot not found: install the Debian package gnuplot-nox' "$tmp/err" \
	|| fail_later "missing gnuplot message: $(cat "$tmp/err")"

# no CJK font: one warning for all seven charts, and they are drawn anyway
mkdir "$tmp/nofont"
printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s/nofont</cachedir></fontconfig>\n' "$tmp" \
	>"$tmp/nofont/fonts.conf"
FONTCONFIG_FILE="$tmp/nofont/fonts.conf" "$JIXIAO" --db "$db" plot all --dept "$dept" \
	--out-dir "$tmp/nofont" >/dev/null 2>"$tmp/err" || fail_later "plot all without a CJK font"
[ "$(grep -c 'no font with Chinese glyphs' "$tmp/err")" = 1 ] \
	|| fail_later "expected one font warning: $(cat "$tmp/err")"
is_png "$tmp/nofont/rank.png" || fail_later "rank.png not drawn without a CJK font"

# a department without figures: `all` skips that chart with a warning
printf 'department,year,kind,level1,level2,level3,explanation,weight,score\n无数部门,2022,self,甲,乙,丙,,100,90\n' \
	>"$tmp/one.csv"
"$JIXIAO" --db "$db" import -q "$tmp/one.csv" >/dev/null || fail_later "import one.csv"
mkdir "$tmp/one"
"$JIXIAO" --db "$db" plot all --dept 无数部门 --out-dir "$tmp/one" >/dev/null 2>"$tmp/err" \
	|| fail_later "plot all for a one-year department: $(cat "$tmp/err")"
grep -q 'figures skipped: no figures stored for 无数部门' "$tmp/err" \
	|| fail_later "figures not reported as skipped: $(cat "$tmp/err")"
[ ! -e "$tmp/one/figures.png" ] || fail_later "figures.png should not exist"
is_png "$tmp/one/total.png" || fail_later "total.png for one year"

finish
