# SPDX-License-Identifier: GPL-3.0-or-later
# pareto.gp -- points lost by indicator over the years, bars sorted, with the
# cumulative share of all points lost as a line on the second axis.
# Data: $pareto (position, points lost, cumulative share %, years deducted);
# indicator[] (by position); total_points; empty_text (said when nothing was lost).

unset key
set y2range [0 : 105]
set y2tics 0, 20, 100 format '%.0f%%'
set ytics nomirror
set yrange [0 : *]
set offsets 0, 0, graph 0.08, 0
set xrange [-0.6 : (n_indicator > 0 ? n_indicator : 1) - 0.4]
set xtics () rotate by 35 right font ',9' scale 0
do for [i=1:n_indicator] { set xtics add (indicator[i] i - 1) }
set boxwidth 0.7
set style fill solid 0.85 noborder
set bmargin 12
set lmargin 10
set rmargin 10

if (n_indicator == 0) {
    set label 2 empty_text at graph 0.5, graph 0.5 center \
        font ',12'
    set yrange [0 : 1]
    plot NaN notitle
} else {
    plot $pareto using 1:2 with boxes ls 1, \
         $pareto using 1:2:(sprintf('%g', $2)) with labels offset 0, 0.7 font ',9', \
         $pareto using 1:3 axes x1y2 with linespoints ls 2 lw 2, \
         80 axes x1y2 with lines dt 2 lc rgb '#999999' lw 1
}
