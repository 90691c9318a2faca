# junheng - the difference coefficients of every county, per indicator.
#
# Run by junheng batch (src/report_batch_charts.c) as
#     gnuplot -d -c dist.gp SCRATCH COUNT PDF [FIRST]
# For N = FIRST..COUNT it reads
#     SCRATCH/dist-N-meta.tsv  one line: indicators, limit, has_limit,
#                              y top, counties, title, caption, y label,
#                              key texts (within, over, limit)
#     SCRATCH/dist-N-box.tsv   per indicator: position, minimum, lower
#                              quartile, median, upper quartile, maximum
#                              (all cut at the y top), short name, count
#                              text ("超限 12/2850")
#     SCRATCH/dist-N-pts.tsv   per county and indicator: position with a
#                              fixed jitter, CV (cut at the y top), over
#                              the limit (1/0), cut (1/0)
# and writes SCRATCH/dist-N.png (and SCRATCH/dist-N.pdf when PDF is 1).
#
# Thousands of counties do not fit as bars: each indicator is a box plot
# (box: quartiles, line: median, whiskers: minimum to maximum) over a strip
# of faint dots, one per county, red when over the limit.  Dots above the
# y top are drawn as triangles on the top edge.
#
# You may change colours, fonts, sizes and layout here.  Keep the safety
# rules: every text shown comes from the data files through strcol() or
# xticlabels(); never pass data through eval, system(), backquotes, "@"
# macros, or a format of sprintf(); keep "noenhanced".

if (ARGC < 3) {
    print "usage: gnuplot -d -c dist.gp SCRATCH COUNT PDF [FIRST]"
    exit status 2
}
scratch = ARG1
count = int(ARG2)
pdf = int(ARG3)
first = ARGC >= 4 ? int(ARG4) : 1

set encoding utf8
set datafile separator "\t"
set datafile commentschars ""

# One face for everything: a bold title would embed a second CJK font
# in every PDF, which costs more to subset than the rest of the chart.
font_name = "Noto Sans CJK SC"
c_ok = 0x4e79a7         # counties within the limit
c_over = 0xd62728       # counties over it
c_box = 0x333333
c_limit = 0xe8a33d      # limit line
c_grid = 0xd9d9d9
c_none = 0xff000000     # fully transparent: no single-CV limit

do for [i = first:count] {
    meta = sprintf("%s/dist-%d-meta.tsv", scratch, i)
    boxes = sprintf("%s/dist-%d-box.tsv", scratch, i)
    pts = sprintf("%s/dist-%d-pts.tsv", scratch, i)
    stats meta using (n = int(column(1)), limit = column(2), \
                      has_limit = int(column(3)), top = column(4), \
                      ncounties = int(column(5)), t_title = strcol(6), \
                      t_caption = strcol(7), t_ylabel = strcol(8), \
                      t_ok = strcol(9), t_over = strcol(10), \
                      t_limit = strcol(11), 0) nooutput
    # Fainter and smaller dots when there are many counties.
    alpha = ncounties <= 50 ? 0x00 : ncounties <= 500 ? 0x60 : 0xa8
    psize = ncounties <= 50 ? 1.0 : ncounties <= 500 ? 0.6 : 0.45
    dot_ok = alpha * 0x1000000 + c_ok
    dot_over = (alpha > 0x60 ? 0x60 : alpha) * 0x1000000 + c_over

    do for [t = 1:(pdf ? 2 : 1)] {
        if (t == 1) {
            set terminal pngcairo size 1600,900 noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/dist-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,16.7cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/dist-%d.pdf", scratch, i)
        }
        reset
        set encoding utf8
        set datafile separator "\t"
        set datafile commentschars ""
        set label 1 t_title at screen 0.5, 0.955 center noenhanced \
            font font_name.",21"
        set tmargin at screen 0.855
        set label 2 t_caption at screen 0.5, 0.03 center noenhanced \
            font font_name.",12" textcolor rgb "#444444"
        set bmargin 6
        set ylabel t_ylabel noenhanced font font_name.",13"
        set key at screen 0.5, 0.912 center top horizontal noenhanced \
            reverse Left samplen 2.5 spacing 1.2 width 1 font font_name.",13"
        set border 3 lc rgb "#666666"
        set grid ytics lc rgb c_grid lw 0.7 dt 1
        set xtics nomirror scale 0 noenhanced font font_name.",14"
        set ytics nomirror noenhanced font font_name.",12" format "%.2f"
        set xrange [0.4 : n + 0.6]
        set yrange [0 : top * 1.06]
        set lmargin 12
        set rmargin 4
        set boxwidth 0.5
        set style fill empty
        plot pts using 1:($3 > 0 || $4 > 0 ? -1 : $2) \
                 with points pt 7 ps psize lc rgb dot_ok notitle, \
             pts using 1:($3 > 0 && $4 == 0 ? $2 : -1) \
                 with points pt 7 ps psize lc rgb dot_over notitle, \
             pts using 1:($4 > 0 ? $2 : -1) \
                 with points pt 9 ps 1.0 lc rgb c_over notitle, \
             boxes using 1:3:2:6:5:xticlabels(7) with candlesticks \
                 whiskerbars 0.5 lw 1.6 lc rgb c_box notitle, \
             boxes using 1:4:4:4:4 with candlesticks lw 2.6 \
                 lc rgb c_box notitle, \
             boxes using 1:(top * 1.03):(strcol(8)) with labels \
                 center font font_name.",12" tc rgb "#222222" notitle, \
             keyentry with points pt 7 ps 1.2 lc rgb c_ok title t_ok, \
             keyentry with points pt 7 ps 1.2 lc rgb c_over title t_over, \
             limit with lines lc rgb (has_limit ? c_limit : c_none) lw 2.5 \
                 dt (10, 5) title t_limit
        unset output
    }
}
