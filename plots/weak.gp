# SPDX-License-Identifier: GPL-3.0-or-later
# weak.gp -- small multiples: one panel per weak indicator, its rate per year.
# Data: $weak, one data set per panel (index i-1: year, rate %, deducted 0/1);
# indicator[], rule[] (which rules fired); n_cols, n_rows; window_first,
# window_last (the years the rules look at); threshold (%, 0 = no line); year_min, year_max;
# empty_text (said when no indicator is weak), legend_text (how to read the panels).

unset key
set xrange [year_min - 0.5 : year_max + 0.5]
set xtics year_min, (year_max - year_min > 5 ? 2 : 1) font ',9'
set ytics font ',9'
set yrange [0 : 105]

if (n_indicator == 0) {
    set label 2 empty_text at graph 0.5, graph 0.5 \
        center font ',12'
    plot NaN notitle
} else {
    set multiplot layout n_rows, n_cols title sprintf("%s\n%s%s", title_text, subtitle_text, \
        synthetic ? ' · ' . synthetic_text : '') font ',13' \
        margins screen 0.07, 0.98, character 5.5, screen (1 - 130.0 / chart_height) \
        spacing screen 0.06, character 5.5
    unset title
    # the footnotes (900, 901 of common.gp, 902) belong to the page, not to a panel:
    # drawn with the first panel only
    set label 902 legend_text at screen 0.005, character 2.2 left font ',9' textcolor rgb '#555555'
    set object 1 rectangle from first window_first - 0.5, graph 0 to first window_last + 0.5, graph 1 \
        behind fillcolor rgb '#fff3cd' fillstyle solid 1.0 noborder
    do for [i=1:n_indicator] {
        set title sprintf("%s\n%s", indicator[i], rule[i]) font ',10'
        plot $weak index (i - 1) using 1:2 with linespoints ls 1, \
             $weak index (i - 1) using 1:($3 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb '#d62728', \
             (threshold > 0 ? threshold : NaN) with lines dt 2 lc rgb '#999999'
        unset label 900; unset label 901; unset label 902
    }
    unset multiplot
}
