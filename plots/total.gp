# SPDX-License-Identifier: GPL-3.0-or-later
# total.gp -- total score per year (% of total weight) over the grade bands,
# with the OLS trend line and next year's forecast and prediction interval.
# Data: $totals (year, rate %, score, weight); band_name[], band_min[];
# has_trend, trend_intercept, trend_slope (% per year), trend_p, trend_r2,
# trend_n, direction_text; has_forecast, forecast_year, forecast, pi_low,
# pi_high, confidence; year_min, year_max; $reviews (year, review total %) and n_review
# (the finance bureau's review, drawn beside the self-evaluation); break_year[].
# Texts: trend_text (the fit, or why there is none), forecast_text, key_total, key_trend,
# key_forecast, key_review.

x_max = has_forecast ? forecast_year : year_max
set xrange [year_min - 0.6 : x_max + 0.6]
set xtics 1
set key outside top center horizontal  # above the plot: never over the forecast band
set bmargin 8

# y range: the data, the interval and the nearest band edges
stats $totals using 2 nooutput
y_lo = STATS_min
y_hi = STATS_max
if (n_review > 0) {
    stats $reviews using 2 nooutput
    y_lo = STATS_min < y_lo ? STATS_min : y_lo
    y_hi = STATS_max > y_hi ? STATS_max : y_hi
}
if (has_forecast) { y_lo = pi_low < y_lo ? pi_low : y_lo; y_hi = pi_high > y_hi ? pi_high : y_hi }
y_lo = floor((y_lo - 3) / 5) * 5
y_hi = y_hi + 3 > 100 ? 100 : ceil((y_hi + 3) / 5) * 5
set yrange [y_lo : y_hi]

do for [b=1:n_band_name] {
    upper = b == 1 ? 100 : band_min[b - 1]
    if (upper > y_lo && band_min[b] < y_hi) {
        set object 10 + b rectangle from graph 0, first band_min[b] to graph 1, first upper \
            behind fillcolor rgb band_color[b] fillstyle solid 1.0 noborder
        set label 30 + b band_name[b] \
            at graph 0.01, first ((band_min[b] > y_lo ? band_min[b] : y_lo) + (upper < y_hi ? upper : y_hi)) / 2 \
            left font ',12' textcolor rgb '#888888'
    }
}

set label 2 trend_text . (has_forecast ? "\n" . forecast_text : '') at screen 0.07, character 3.6 left front font ',10'

trend(x) = trend_intercept + trend_slope * x
eval mark_breaks

plot $totals using 1:2 with linespoints ls 1 lw 2.5 title key_total, \
     $totals using 1:2:(sprintf('%.1f', $2)) with labels offset 0, 1.2 font ',9' notitle, \
     (has_trend && x >= year_min - 0.05 && x <= year_max + 0.05 ? trend(x) : NaN) with lines ls 2 dt 2 \
        title (has_trend ? key_trend : ''), \
     (has_forecast && x >= year_max - 0.05 && x <= forecast_year + 0.05 ? trend(x) : NaN) with lines ls 2 dt 3 lw 1 \
        notitle, \
     $totals every ::0::0 using (has_forecast ? forecast_year : NaN):(forecast):(pi_low):(pi_high) \
        with yerrorbars ls 4 pt 9 ps 1.6 \
        title (has_forecast ? key_forecast : ''), \
     $reviews using 1:2 with points pt 5 ps 1.5 lc rgb '#d62728' \
        title (n_review > 0 ? key_review : ''), \
     $reviews using 1:2:(sprintf('%.1f', $2)) with labels offset 0, -1.2 font ',9' \
        textcolor rgb '#d62728' notitle
