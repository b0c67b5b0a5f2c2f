# SPDX-License-Identifier: GPL-3.0-or-later
# projects.gp -- the execution rate (全年执行数 / 全年预算数) of each project per year,
# one line each, against the threshold line (90% by default).
# Data: $rates (year, then one rate in percent per project, NaN = no fund block);
# project[1..n_project]; year_min, year_max; threshold (percent).

set xrange [year_min - 0.5 : year_max + 0.5]
set xtics 1
set yrange [*:105]
set offsets 0, 0, 2, 0
set key outside right top vertical Left reverse
set bmargin 5
set arrow 1 from graph 0, first threshold to graph 1, first threshold nohead \
    lc rgb '#b22222' dt 2 lw 1.5 front
set label 1 sprintf('%g%%', threshold) at graph 1, first threshold offset 0.5, 0 left \
    font ',9' textcolor rgb '#b22222' front

plot for [i=1:n_project] $rates using 1:(column(i + 1)) with linespoints ls ((i - 1) % 8 + 1) \
    title project[i]
