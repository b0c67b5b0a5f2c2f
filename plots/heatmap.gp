# SPDX-License-Identifier: GPL-3.0-or-later
# heatmap.gp -- deducted points per indicator (rows) and year (columns): the indicators
# that lost points only, at most 18, in fonts that stay legible printed on A4.
# Data: $cells (year, row, deducted points, state: 0 scored, 1 inferred,
# 2 missing; no line = indicator not assessed that year);
# indicator[1..n_indicator] (row i-1); category[1..n_category] with
# category_first[] (its first row); year_min, year_max, max_deducted; cblabel_text.

set xrange [year_min - 0.5 : year_max + 0.5]
set yrange [n_indicator - 0.5 : -0.5]
set x2range [year_min - 0.5 : year_max + 0.5]
set xtics 1 scale 0 font ',11'
unset x2tics
set ytics scale 0 font ',11'
set ytics ()
do for [i=1:n_indicator] { set ytics add (indicator[i] i - 1) }
set grid noytics
unset grid
set border 0
unset key
set lmargin 37
set rmargin 15
set tmargin 5
set bmargin 7

# empty (grey) = not assessed; white = no deduction; warm colours = points lost
set object 1 rectangle from graph 0, graph 0 to graph 1, graph 1 behind \
    fillcolor rgb '#eeeeee' fillstyle solid 1.0 noborder
set palette defined (0 '#ffffff', 0.001 '#fdd9b5', 0.5 '#f08a4b', 1 '#b2182b')
set cbrange [0 : (max_deducted > 1 ? max_deducted : 1)]
set cblabel cblabel_text offset 0, 0.4
set colorbox horizontal user origin screen 0.4, character 3.2 size screen 0.25, character 0.9
set cbtics scale 0.5 offset 0, 0.4 font ',9'

# category separators and names
do for [g=1:n_category] {
    if (g > 1) {
        set arrow from graph 0, first category_first[g] - 0.5 \
            to graph 1, first category_first[g] - 0.5 nohead lc rgb '#333333' lw 1.5 front
    }
    set label 100 + g category[g] at graph 1.01, first category_first[g] - 0.3 \
        left font ',10' textcolor rgb '#333333'
}

# (the cell text is written inline: a user function given a NaN argument makes
# gnuplot 5.4 label the cell with the raw column text instead)
plot $cells using 1:2:(0.48):(0.48):($4 < 2 ? $3 : NaN) \
        with boxxyerror fillstyle solid 1.0 noborder fillcolor palette, \
     $cells using 1:2:(0.48):($4 == 2 ? 0.48 : NaN) \
        with boxxyerror fillstyle pattern 4 lc rgb '#999999', \
     $cells using 1:2:($4 == 2 ? '?' : ($3 > 0 ? sprintf($4 == 1 ? '%g*' : '%g', $3) \
        : ($4 == 1 ? '*' : ''))) with labels font ',11'
