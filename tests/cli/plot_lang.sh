#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# plot_lang.sh -- every chart in one language: `jixiao --lang zh plot all` draws no English
# word beyond the methods' names (OLS, Mann-Kendall, p, q, R²), `--lang en` no Chinese
# character beyond the data (department, category, indicator and project names), checked on
# the text elements of the SVGs gnuplot writes (tests/i18n/svg_words.py). Charts are Chinese
# without --lang whatever the locale; p-values are written for people.
# ctest-labels: slow (gnuplot draws 32 charts)
set -u
: "${JIXIAO:?}" "${JX_SOURCE_DIR:?}"
. "$(dirname "$0")/lib.sh"
syn=$JX_SOURCE_DIR/datasets/synthetic
words=$JX_SOURCE_DIR/tests/i18n/svg_words.py
db=$tmp/t.db
"$JIXIAO" --db "$db" init >/dev/null || fail "init"
"$JIXIAO" --db "$db" import -q "$syn/scores.csv" "$syn/figures.csv" "$syn/projects.csv" \
	"$syn/project_figures.csv" >/dev/null || fail "import"
"$JIXIAO" --db "$db" alias add --file "$syn/aliases.csv" >/dev/null || fail "aliases"

# 禁毒支队: reviews, a framework break, weak indicators, projects; 住房和城乡建设局: a forecast
for dept in 示例市公安局禁毒支队 示例市住房和城乡建设局; do
	for lang in zh en; do
		out=$tmp/$lang-$dept
		"$JIXIAO" --db "$db" --lang "$lang" plot all --dept "$dept" --out-dir "$out" \
			--format svg >/dev/null 2>"$tmp/err" || fail_later "$lang $dept: $(cat "$tmp/err")"
		python3 "$words" "$lang" "$syn" "$out"/*.svg >"$tmp/words" ||
			fail_later "--lang $lang, $dept: $(cat "$tmp/words")"
	done
done
zh=$tmp/zh-示例市住房和城乡建设局
en=$tmp/en-示例市住房和城乡建设局
grep -q '预测区间' "$zh/total.svg" || fail_later "zh: the forecast is not drawn"
grep -q 'prediction interval' "$en/total.svg" || fail_later "en: the forecast is not drawn"
grep -q '>合成数据<' "$zh/total.svg" || fail_later "zh: synthetic data not marked"
grep -q '>synthetic data<' "$en/total.svg" || fail_later "en: synthetic data not marked"
# p and q to three decimals or "p < 0.001", never gnuplot's %g ("p = 0.0236", "8.77e-05")
grep -qE 'p = 0\.[0-9]{3}，|p < 0\.001，' "$zh/total.svg" || fail_later "zh: no p-value for people"
grep -qE 'p = [0-9.]*e-|p = 0\.[0-9]{4}' "$zh/total.svg" "$en/total.svg" &&
	fail_later "a p-value not written for people"

# documents are Chinese by default, also in an English locale
LC_ALL=C.UTF-8 LANGUAGE= "$JIXIAO" --db "$db" plot total --dept 示例市住房和城乡建设局 \
	--out "$tmp/default.svg" >/dev/null || fail_later "plot without --lang"
python3 "$words" zh "$syn" "$tmp/default.svg" >"$tmp/words" ||
	fail_later "default chart is not Chinese: $(cat "$tmp/words")"
finish
