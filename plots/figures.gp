# SPDX-License-Identifier: GPL-3.0-or-later
# figures.gp -- budget vs final expenditure per year (bars, 万元) with the
# execution rate (line, percent) on the second axis.
# Data: $figures (year, budget, expenditure, execution rate %); year_min, year_max;
# key_budget, key_expenditure, key_rate (the keys' texts).

set xrange [year_min - 0.6 : year_max + 0.6]
set xtics 1
set yrange [0 : *]
set y2range [0 : *]
set y2tics
set ytics nomirror
set offsets 0, 0, graph 0.12, 0
set boxwidth 0.36
set style fill solid 0.85 noborder
set key at screen 0.5, character 2.8 center center horizontal
set bmargin 7

plot $figures using ($1 - 0.19):2 with boxes ls 1 title key_budget, \
     $figures using ($1 + 0.19):3 with boxes ls 2 title key_expenditure, \
     $figures using 1:4 axes x1y2 with linespoints ls 4 lw 2.5 title key_rate, \
     $figures using 1:4:(sprintf('%.1f%%', $4)) axes x1y2 with labels offset 0, 1.1 \
        textcolor rgb '#d62728' font ',9' notitle, \
     100 axes x1y2 with lines dt 2 lc rgb '#999999' lw 1 notitle
