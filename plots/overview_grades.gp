# SPDX-License-Identifier: GPL-3.0-or-later
# overview_grades.gp -- how many departments got each grade, per year (stacked bars).
# Data: $grades (year, then departments per grade in band order, then unknown);
# band_name[] (best first); unknown_text; ylabel_text.

# the grade colours of the site and the workbook: 优 良 中 差, then unknown
array ov_grade_color[5] = ['#c8e6c9', '#fff3c4', '#ffd8a8', '#f8b4b4', '#eeeeee']
# (as line styles 21-25: with `set style increment user` a histogram takes its colour
# from a line style, not from lc/fc)
do for [b=1:5] { set style line 20 + b lc rgb ov_grade_color[b] }
grade_style(b) = 20 + (b <= n_band_name && b <= 4 ? b : 5)

set style data histograms
set style histogram rowstacked
set style fill solid 1.0 border lc rgb '#666666'
set boxwidth 0.7
set yrange [0 : *]
set ylabel ylabel_text
set xtics nomirror scale 0
set key outside right top vertical
set bmargin 5
set tmargin 6

plot for [b=1:n_band_name + 1] $grades using (column(b + 1)):xtic(1) \
    title (b <= n_band_name ? band_name[b] : unknown_text) ls grade_style(b)
