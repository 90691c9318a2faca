# junheng - one county's difference coefficients across the years.
#
# Run by junheng batch --per-county and junheng trend
# (src/report_batch_charts.c) as
#     gnuplot -d -c trend.gp SCRATCH COUNT PDF [FIRST]
# For N = FIRST..COUNT it reads
#     SCRATCH/trend-N-meta.tsv  one line: indicators, limit, has_limit,
#                               first year, last year, y top, title,
#                               caption, y label, limit key text
#     SCRATCH/trend-N.tsv       a header line (the year column's name,
#                               then each indicator's short name), then
#                               per year: the year and each CV ("?" when
#                               undefined or absent)
# and writes SCRATCH/trend-N.png (and SCRATCH/trend-N.pdf when PDF is 1).
#
# You may change colours, fonts, sizes and layout here.  Keep the safety
# rules: every text shown comes from the data files through strcol() or
# columnheader(); never pass data through eval, system(), backquotes, "@"
# macros, or a format of sprintf(); keep "noenhanced".

if (ARGC < 3) {
    print "usage: gnuplot -d -c trend.gp SCRATCH COUNT PDF [FIRST]"
    exit status 2
}
scratch = ARG1
count = int(ARG2)
pdf = int(ARG3)
first = ARGC >= 4 ? int(ARG4) : 1

set encoding utf8
set datafile separator "\t"
set datafile commentschars ""
set datafile missing "?"

# One face for everything: a bold title would embed a second CJK font
# in every PDF, which costs more to subset than the rest of the chart.
font_name = "Noto Sans CJK SC"
c_limit = 0xd62728
c_grid = 0xd9d9d9
c_none = 0xff000000
array palette[8] = [0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0x76b7b2, \
                    0xedc948, 0x9c755f, 0xff9da7]
array points[8] = [7, 5, 9, 11, 13, 15, 7, 5]

do for [i = first:count] {
    meta = sprintf("%s/trend-%d-meta.tsv", scratch, i)
    data = sprintf("%s/trend-%d.tsv", scratch, i)
    stats meta using (n = int(column(1)), limit = column(2), \
                      has_limit = int(column(3)), y0 = int(column(4)), \
                      y1 = int(column(5)), top = column(6), \
                      t_title = strcol(7), t_caption = strcol(8), \
                      t_ylabel = strcol(9), t_limit = strcol(10), 0) nooutput

    do for [t = 1:(pdf ? 2 : 1)] {
        if (t == 1) {
            set terminal pngcairo size 1600,900 noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/trend-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,16.7cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/trend-%d.pdf", scratch, i)
        }
        reset
        set encoding utf8
        set datafile separator "\t"
        set datafile commentschars ""
        set datafile missing "?"
        set label 1 t_title at screen 0.5, 0.955 center noenhanced \
            font font_name.",21"
        set tmargin at screen 0.9
        set xlabel t_caption noenhanced font font_name.",12" \
            textcolor rgb "#444444" offset 0, -0.2
        set ylabel t_ylabel noenhanced font font_name.",13"
        set key outside right top vertical noenhanced Left reverse \
            samplen 2.5 spacing 1.3 font font_name.",13"
        set border 3 lc rgb "#666666"
        set grid ytics lc rgb c_grid lw 0.7 dt 1
        set xtics y0, 1, y1 nomirror scale 0 format "%.0f" \
            font font_name.",14"
        set ytics nomirror font font_name.",12" format "%.2f"
        set xrange [y0 - 0.4 : y1 + 0.4]
        set yrange [0 : top]
        set lmargin 12
        plot for [k = 1:n] data using 1:(column(k + 1)) \
                 with linespoints lw 2.2 pt points[(k - 1) % 8 + 1] ps 1.6 \
                 lc rgb palette[(k - 1) % 8 + 1] title columnheader(k + 1), \
             limit with lines lc rgb (has_limit ? c_limit : c_none) lw 2.5 \
                 dt (10, 5) title t_limit
        unset output
    }
}
