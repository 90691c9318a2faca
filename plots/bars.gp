# junheng - one indicator of one level: every school's value, sorted.
#
# Run by junheng (src/report_charts.c) as
#     gnuplot -d -c bars.gp SCRATCH COUNT PDF [FIRST]
# For N = 1..COUNT it reads
#     SCRATCH/bars-N-meta.tsv  one line: count, threshold, has_threshold,
#                              county mean, widest school name (display
#                              columns, a Chinese character is 2), title,
#                              caption, y label, key texts (threshold,
#                              mean, met, below)
#     SCRATCH/bars-N.tsv       per bar: position, value, meets (1/0),
#                              school name, value as printed (2 decimals)
# and writes SCRATCH/bars-N.png (and SCRATCH/bars-N.pdf when PDF is 1).
#
# You may change colours, fonts, sizes and layout here.  Keep the safety
# rules: every text shown comes from the data files through strcol() or
# xticlabels(); never pass data through eval, system(), backquotes, "@"
# macros, or a format of sprintf(); keep "noenhanced" so that _ ^ { } @ in
# names stay literal.

if (ARGC < 3) {
    print "usage: gnuplot -d -c bars.gp SCRATCH COUNT PDF"
    exit status 2
}
scratch = ARG1
count = int(ARG2)
pdf = int(ARG3)
# Optional: the first chart to render (charts FIRST..COUNT), so that
# junheng can split the charts between processes.
first = ARGC >= 4 ? int(ARG4) : 1

set encoding utf8
set datafile separator "\t"
set datafile commentschars ""

# One face for everything: a bold title would embed a second CJK font
# in every PDF, which costs more to subset than the rest of the chart.
font_name = "Noto Sans CJK SC"
c_met = 0x4e79a7        # bars meeting the threshold
c_below = 0xd62728      # bars below it
c_threshold = 0xe8a33d  # threshold line
c_mean = 0x3a3a3a       # county mean line
c_grid = 0xd9d9d9
c_none = 0xff000000     # fully transparent: no threshold in the standard
v_color(met) = met > 0 ? 0x333333 : c_below   # value printed on a bar

do for [i = first:count] {
    meta = sprintf("%s/bars-%d-meta.tsv", scratch, i)
    data = sprintf("%s/bars-%d.tsv", scratch, i)
    stats meta using (n = int(column(1)), thr = column(2), \
                      has_thr = int(column(3)), mean = column(4), \
                      name_cols = column(5), \
                      t_title = strcol(6), t_caption = strcol(7), \
                      t_ylabel = strcol(8), t_thr = strcol(9), \
                      t_mean = strcol(10), t_met = strcol(11), \
                      t_below = strcol(12), 0) nooutput
    # Smaller school names and rotated values when there are many bars.
    # The values are two label layers, horizontal and rotated; the one not
    # wanted gets y = -1, below the y range, and is not drawn.  (A layer of
    # undefined points would stop the plot, and with "boxed" it crashes
    # gnuplot 5.4.4.)
    tic_size = n <= 30 ? 12 : n <= 45 ? 10 : 9
    tic_angle = n <= 30 ? 45 : n <= 45 ? 60 : 90
    value_size = n <= 30 ? 10 : 8
    value_angle = n <= 24 ? 0 : 90
    # At least 8 bar widths across, so that a few bars stay slim, centred.
    slots = n < 8 ? 8 : n
    # Room under the plot for the rotated school names and the caption, in
    # character heights.  (gnuplot's own estimate counts the bytes of UTF-8
    # text and leaves a wide gap under Chinese names.)  A name of c display
    # columns is about c / 2 em wide; a character height is about 1.2 em.
    name_em = name_cols / 2.0 * tic_size / 13.0
    bottom = 2.6 + name_em / 1.2 * sin(tic_angle * pi / 180) \
             + cos(tic_angle * pi / 180)
    # The first name leans left past the y axis: widen the left margin (in
    # character widths, about 0.6 em) when names are long.
    left = name_em * cos(tic_angle * pi / 180) / 0.6
    left = left > 12 ? left : 12

    do for [t = 1:(pdf ? 2 : 1)] {
        if (t == 1) {
            set terminal pngcairo size 1600,900 noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/bars-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,16.7cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/bars-%d.pdf", scratch, i)
        }
        reset
        set encoding utf8
        set datafile separator "\t"
        set datafile commentschars ""
        # Title, then the key under it, then the plot.
        set label 1 t_title at screen 0.5, 0.955 center noenhanced \
            font font_name.",21"
        set tmargin at screen 0.855
        # The caption sits at the bottom of the page: with an explicit
        # bmargin, an xlabel would be placed by gnuplot's estimate instead.
        set label 2 t_caption at screen 0.5, 0.025 center noenhanced \
            font font_name.",12" textcolor rgb "#444444"
        set ylabel t_ylabel noenhanced font font_name.",13"
        set key at screen 0.5, 0.912 center top horizontal noenhanced \
            reverse Left samplen 2.5 spacing 1.2 width 1 font font_name.",13"
        set border 3 lc rgb "#666666"
        set grid ytics lc rgb c_grid lw 0.7 dt 1
        set xtics nomirror scale 0 rotate by tic_angle right noenhanced \
            font font_name.",".tic_size
        set ytics nomirror noenhanced font font_name.",12"
        set xrange [(n + 1 - slots) / 2.0 - 0.1 : (n + 1 + slots) / 2.0 + 0.1]
        set yrange [0 : *]
        set offsets 0, 0, graph 0.08, 0
        set lmargin left
        set bmargin bottom
        set rmargin 4
        set style fill solid 0.9 border lc rgb "#ffffff"
        set style textbox opaque noborder margins 0.5, 0.5
        set boxwidth 0.72
        plot data using 1:2:($3 > 0 ? c_met : c_below):xticlabels(4) \
                 with boxes lc rgb variable notitle, \
             keyentry with boxes lc rgb c_met title t_met, \
             keyentry with boxes lc rgb c_below title t_below, \
             thr with lines lc rgb (has_thr ? c_threshold : c_none) lw 2.5 \
                 title t_thr, \
             mean with lines lc rgb c_mean lw 1.8 dt (8, 5) title t_mean, \
             data using 1:(value_angle ? -1 : $2):(strcol(5)):(v_color($3)) \
                 with labels boxed center offset 0, 0.7 tc rgb variable \
                 font font_name.",".value_size notitle, \
             data using 1:(value_angle ? $2 : -1):(strcol(5)):(v_color($3)) \
                 with labels boxed rotate by 90 left offset 0, 0.4 \
                 tc rgb variable font font_name.",".value_size notitle
        unset output
    }
}
