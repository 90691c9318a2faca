# junheng - the difference coefficients (差异系数) of one level.
#
# Run by junheng (src/report_charts.c) as
#     gnuplot -d -c cv.gp SCRATCH COUNT PDF [FIRST]
# For N = 1..COUNT it reads
#     SCRATCH/cv-N-meta.tsv  one line: count, limit, has_limit, title,
#                            caption, y label, key texts (within the
#                            limit, above it, limit line)
#     SCRATCH/cv-N.tsv       per indicator: position, CV (0 when
#                            undefined), within the limit (1/0), short
#                            name, CV as printed (3 decimals)
# and writes SCRATCH/cv-N.png (and SCRATCH/cv-N.pdf when PDF is 1).
#
# You may change colours, fonts, sizes and layout here.  Keep the safety
# rules: every text shown comes from the data files through strcol() or
# xticlabels(); never pass data through eval, system(), backquotes, "@"
# macros, or a format of sprintf(); keep "noenhanced" so that _ ^ { } @ in
# names stay literal.

if (ARGC < 3) {
    print "usage: gnuplot -d -c cv.gp SCRATCH COUNT PDF"
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
c_ok = 0x4e79a7         # CV within the limit
c_over = 0xd62728       # CV above the limit
c_limit = 0xe8a33d      # limit line
c_grid = 0xd9d9d9
c_none = 0xff000000     # fully transparent: no single-CV limit in the standard

do for [i = first:count] {
    meta = sprintf("%s/cv-%d-meta.tsv", scratch, i)
    data = sprintf("%s/cv-%d.tsv", scratch, i)
    stats meta using (n = int(column(1)), limit = column(2), \
                      has_limit = int(column(3)), t_title = strcol(4), \
                      t_caption = strcol(5), t_ylabel = strcol(6), \
                      t_ok = strcol(7), t_over = strcol(8), \
                      t_limit = strcol(9), 0) nooutput
    stats data using 2 nooutput
    top = STATS_max > limit ? STATS_max : limit
    top = top > 0 ? top * 1.18 : 1

    do for [t = 1:(pdf ? 2 : 1)] {
        if (t == 1) {
            set terminal pngcairo size 1600,900 noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/cv-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,16.7cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/cv-%d.pdf", scratch, i)
        }
        reset
        set encoding utf8
        set datafile separator "\t"
        set datafile commentschars ""
        # Title, then the key under it, then the plot.
        set label 1 t_title at screen 0.5, 0.955 center noenhanced \
            font font_name.",21"
        set tmargin at screen 0.855
        set xlabel t_caption noenhanced font font_name.",12" \
            textcolor rgb "#444444" offset 0, -0.2
        set ylabel t_ylabel noenhanced font font_name.",13"
        set key at screen 0.5, 0.912 center top horizontal noenhanced \
            reverse Left samplen 2.5 spacing 1.2 width 1 font font_name.",13"
        set border 3 lc rgb "#666666"
        set grid ytics lc rgb c_grid lw 0.7 dt 1
        set xtics nomirror scale 0 noenhanced font font_name.",14"
        set ytics nomirror noenhanced font font_name.",12" format "%.2f"
        set xrange [0.4 : n + 0.6]
        set yrange [0 : top]
        set lmargin 12
        set rmargin 4
        set style fill solid 0.9 border lc rgb "#ffffff"
        set style textbox opaque noborder margins 0.5, 0.5
        set boxwidth 0.6
        plot data using 1:2:($3 > 0 ? c_ok : c_over):xticlabels(4) \
                 with boxes lc rgb variable notitle, \
             keyentry with boxes lc rgb c_ok title t_ok, \
             keyentry with boxes lc rgb c_over title t_over, \
             limit with lines lc rgb (has_limit ? c_limit : c_none) lw 2.5 \
                 title t_limit, \
             data using 1:2:(strcol(5)):($3 > 0 ? 0x222222 : c_over) \
                 with labels boxed center offset 0, 0.9 tc rgb variable \
                 font font_name.",15" notitle
        unset output
    }
}
