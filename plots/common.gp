# SPDX-License-Identifier: GPL-3.0-or-later
# common.gp -- the look shared by every chart; read before the chart's own template.
#
# Set by jixiao before this file: the terminal (noenhanced: text is drawn
# literally), chart_width, chart_height, font_family, title_text,
# subtitle_text, synthetic, synthetic_text, note_text, the axis titles xlabel_text,
# ylabel_text, y2label_text and the chart's data. Every text is a variable, in the
# chart's one language (--lang); use it as an expression (set title title_text),
# never by pasting it into a command, and write no words here.

set encoding utf8
# (NaN read as undefined: lines break there)
set termoption noenhanced

if (synthetic) {
    set title sprintf("%s\n%s · %s", title_text, subtitle_text, synthetic_text) font ',13'
    set label 900 synthetic_text at screen 0.995, character 0.9 right \
        font ',10' textcolor rgb '#b22222' front
} else {
    set title sprintf("%s\n%s", title_text, subtitle_text) font ',13'
}
if (exists("note_text") && strlen(note_text) > 0) {
    set label 901 note_text at screen 0.005, character 0.9 left font ',9' \
        textcolor rgb '#555555' front
}

set border 3 lc rgb '#555555'
set tics nomirror out scale 0.6
set grid ytics lc rgb '#e3e3e3' lw 1 dt 1
set key noautotitle
set key box lc rgb '#cccccc' opaque

# A qualitative palette (Tableau 10) for series; ls 1..8.
set style line 1 lc rgb '#1f77b4' lw 2 pt 7 ps 1.1
set style line 2 lc rgb '#ff7f0e' lw 2 pt 5 ps 1.1
set style line 3 lc rgb '#2ca02c' lw 2 pt 9 ps 1.2
set style line 4 lc rgb '#d62728' lw 2 pt 11 ps 1.2
set style line 5 lc rgb '#9467bd' lw 2 pt 13 ps 1.2
set style line 6 lc rgb '#8c564b' lw 2 pt 7 ps 1.1
set style line 7 lc rgb '#e377c2' lw 2 pt 5 ps 1.1
set style line 8 lc rgb '#7f7f7f' lw 2 pt 9 ps 1.2
set style increment user

# Grade band fill colours, best first (优 良 中 差 ...).
array band_color[6] = ['#d9f0d3', '#e8f4fa', '#fff3cd', '#f8d7da', '#eeeeee', '#eeeeee']

# Framework breaks (break_year[1..n_break_year] with break_label[], set by the charts over
# years): a dotted line before the first year of each new indicator framework, labelled once. A chart calls
# `eval mark_breaks` after its x range is set; charts without years never do.
mark_breaks = "do for [k=1:(exists('n_break_year') ? n_break_year : 0)] { " . \
    "set arrow 800 + k from first break_year[k] - 0.5, graph 0 to first break_year[k] - 0.5, graph 1 " . \
    "nohead dt 3 lw 1.5 lc rgb '#6a3d9a' back; " . \
    "set label 850 + k break_label[k] " . \
    "at first break_year[k] - 0.45, graph 0.97 left font ',9' textcolor rgb '#6a3d9a' front }"

# Axis titles (empty: none).
if (exists("xlabel_text") && strlen(xlabel_text) > 0) { set xlabel xlabel_text }
if (exists("ylabel_text") && strlen(ylabel_text) > 0) { set ylabel ylabel_text }
if (exists("y2label_text") && strlen(y2label_text) > 0) { set y2label y2label_text }

# Years on the x axis: whole numbers only.
set format x '%.0f'
