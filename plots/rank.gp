# SPDX-License-Identifier: GPL-3.0-or-later
# rank.gp -- departments' total scores (% of total weight) for one year, best
# first, the chosen department highlighted; grade bands shaded.
# Data: $ranks (position, rate %, highlighted 0/1, rank); department[],
# grade[] (by position); band_name[], band_min[] (best first); rank_year;
# rank_xmin, rank_xmax (the axis fitted to the data; 0-100 when not set).

rank_lo = exists('rank_xmin') ? rank_xmin : 0
rank_hi = exists('rank_xmax') ? rank_xmax : 100
set yrange [n_department - 0.5 : -0.5]
set xrange [rank_lo : rank_hi]
set ytics ()
do for [i=1:n_department] { set ytics add (department[i] i - 1) }
set ytics scale 0
rank_step = rank_hi - rank_lo > 40 ? 10 : 5
set xtics rank_step
set grid xtics noytics lc rgb '#e3e3e3'
unset key
set lmargin 30
set rmargin 10
set bmargin 5
set tmargin 6

# the bands inside the axis, cut at its ends; a band outside it is not drawn
do for [b=1:n_band_name] {
    upper = b == 1 ? rank_hi : (band_min[b - 1] < rank_hi ? band_min[b - 1] : rank_hi)
    lower = band_min[b] > rank_lo ? band_min[b] : rank_lo
    if (upper > lower) {
        set object 10 + b rectangle from first lower, graph 0 to first upper, graph 1 \
            behind fillcolor rgb band_color[b] fillstyle solid 1.0 noborder
        set label 30 + b band_name[b] at first (lower + upper) / 2, graph 1.02 center \
            font ',10' textcolor rgb '#555555'
    }
}

plot $ranks using (0):1:(0):($3 > 0 ? NaN : $2):($1 - 0.35):($1 + 0.35) \
        with boxxyerror fillstyle solid 0.9 noborder lc rgb '#9ecae1', \
     $ranks using (0):1:(0):($3 > 0 ? $2 : NaN):($1 - 0.35):($1 + 0.35) \
        with boxxyerror fillstyle solid 1.0 noborder lc rgb '#d62728', \
     $ranks using ($2 == $2 ? $2 : 0):1:($2 == $2 ? sprintf('%.1f %s', $2, grade[int($1) + 1]) \
        : '?') with labels left offset 0.6, 0 font ',9'
