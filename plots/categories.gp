# SPDX-License-Identifier: GPL-3.0-or-later
# categories.gp -- score rate of each level-1 category per year, one line each.
# Data: $rates (year, then one rate in percent per category, NaN = unknown);
# category[1..n_category]; year_min, year_max.

set xrange [year_min - 0.5 : year_max + 0.5]
set xtics 1
set yrange [*:100.8]
set offsets 0, 0, 1, 0
set key outside right top vertical Left reverse
set bmargin 5
eval mark_breaks

plot for [i=1:n_category] $rates using 1:(column(i + 1)) with linespoints ls i \
    title category[i]
