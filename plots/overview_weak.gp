# SPDX-License-Identifier: GPL-3.0-or-later
# overview_weak.gp -- indicators deducted in many departments: per year, the share
# of the departments with the indicator that lost points on it.
# Data: $shares, one data set per indicator (index i-1: year, share %, deducted,
# departments with it); indicator[]; year_min, year_max; ylabel_text.

set xrange [year_min - 0.5 : year_max + 0.5]
set xtics year_min, (year_max - year_min > 12 ? 2 : 1), year_max
set yrange [0 : 105]
set ylabel ylabel_text
set key outside right top vertical font ',9'
set bmargin 5
set tmargin 6

plot for [i=1:n_indicator] $shares index (i - 1) using 1:2 with linespoints ls i \
    title indicator[i]
