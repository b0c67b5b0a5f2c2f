# SPDX-License-Identifier: GPL-3.0-or-later
# overview_gap.gp -- self-evaluation against the review, one point per department
# (mean rates over its years with both); the diagonal is self = review.
# Data: $gap (review %, self %, over-scoring 0/1); label[], label_x[], label_y[] (the
# points named); axis_min, axis_max; texts xlabel_text, ylabel_text, over_text,
# other_text, diagonal_text.

set xrange [axis_min : axis_max]
set yrange [axis_min : axis_max]
set size ratio -1
set xlabel xlabel_text
set ylabel ylabel_text
set grid xtics ytics lc rgb '#e3e3e3'
set key top left
set bmargin 5
set tmargin 6
set samples 2
do for [k=1:n_label] {
    set label 100 + k label[k] at first label_x[k], first label_y[k] left offset 0.8, 0 \
        font ',8' textcolor rgb '#b22222' front
}

plot x with lines dt 2 lw 1.5 lc rgb '#777777' title diagonal_text, \
     $gap using 1:($3 > 0 ? NaN : $2) with points pt 7 ps 0.8 lc rgb '#1f77b4' \
        title other_text, \
     $gap using 1:($3 > 0 ? $2 : NaN) with points pt 7 ps 1.1 lc rgb '#d62728' \
        title over_text
