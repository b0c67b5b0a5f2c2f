# SPDX-License-Identifier: GPL-3.0-or-later
# overview_heat.gp -- the department × year table: each cell the total score (% of
# the total weight), coloured by its grade.
# Data: $heat (year, row 0.., rate %, grade 1..n in band order or 0 unknown);
# department[] (rows, top first); year_min, year_max; legend_text.

# the grade colours of the site and the workbook (as integers): 优 良 中 差, unknown
array heat_rgb[5] = [13166281, 16774084, 16767144, 16299188, 15658734]
heat_color(g) = g >= 1 && g <= 4 ? heat_rgb[g] : heat_rgb[5]

set xrange [year_min - 0.5 : year_max + 0.5]
set yrange [n_department - 0.5 : -0.5]
set xtics year_min, (year_max - year_min > 12 ? 2 : 1), year_max scale 0 nomirror
set x2tics year_min, (year_max - year_min > 12 ? 2 : 1), year_max scale 0
set format x2 '%.0f'
set ytics ()
do for [i=1:n_department] { set ytics add (department[i] i - 1) }
set ytics scale 0 font ',9'
unset grid
set border 0
unset key
set bmargin 5
set tmargin 7
set label 902 legend_text at screen 0.005, character 2.2 left font ',9' textcolor rgb '#555555'

plot $heat using 1:2:(0.49):(0.49):(heat_color(int($4))) \
        with boxxyerror fillstyle solid 1.0 noborder lc rgb variable, \
     $heat using 1:2:($3 == $3 ? sprintf('%.1f', $3) : '?') with labels font ',8' \
        textcolor rgb '#222222'
