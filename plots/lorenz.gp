# junheng - supplementary analysis (补充分析): the pupil-weighted Lorenz
# curves of every indicator of one level, with the line of equality.
#
# Run by junheng (src/report_diag_charts.c) as
#     gnuplot -d -c lorenz.gp SCRATCH COUNT PDF [FIRST]
# For N = FIRST..COUNT it reads
#     SCRATCH/lorenz-N-meta.tsv  one line: number of curves, title,
#                                caption, x label, y label, equality text
#     SCRATCH/lorenz-N-keys.tsv  per curve: its key text (name and Gini)
#     SCRATCH/lorenz-N.tsv       per curve a block (blocks separated by two
#                                blank lines): cumulative pupil share,
#                                cumulative share of the indicator
# and writes SCRATCH/lorenz-N.png (and .pdf when PDF is 1).
#
# Keep the safety rules: every text shown comes from the data files through
# strcol(); never pass data through eval, system(), backquotes, "@" macros,
# or a format of sprintf(); keep "noenhanced".

if (ARGC < 3) {
    print "usage: gnuplot -d -c lorenz.gp SCRATCH COUNT PDF"
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
array colors[8] = [0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, \
                   0xb07aa1, 0x9c755f, 0xedc948]
c_grid = 0xd9d9d9

do for [i = first:count] {
    meta = sprintf("%s/lorenz-%d-meta.tsv", scratch, i)
    keys = sprintf("%s/lorenz-%d-keys.tsv", scratch, i)
    data = sprintf("%s/lorenz-%d.tsv", scratch, i)
    stats meta using (m = int(column(1)), t_title = strcol(2), \
                      t_caption = strcol(3), t_xlabel = strcol(4), \
                      t_ylabel = strcol(5), t_equal = strcol(6), 0) nooutput
    array t_key[m > 0 ? m : 1]
    do for [k = 1:m] {
        stats keys every ::(k - 1)::(k - 1) using (s = strcol(1), 0) nooutput
        t_key[k] = s
    }

    do for [t = 1:(pdf ? 2 : 1)] {
        if (t == 1) {
            set terminal pngcairo size 1600,900 noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/lorenz-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,16.7cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/lorenz-%d.pdf", scratch, i)
        }
        reset
        set encoding utf8
        set datafile separator "\t"
        set datafile commentschars ""
        set label 1 t_title at screen 0.5, 0.955 center noenhanced \
            font font_name.",21"
        set tmargin at screen 0.885
        set bmargin at screen 0.16
        set label 2 t_caption at screen 0.5, 0.03 center noenhanced \
            font font_name.",12" textcolor rgb "#444444"
        set xlabel t_xlabel noenhanced font font_name.",13"
        set ylabel t_ylabel noenhanced font font_name.",13"
        # A square plot on the left, the key on the right.
        set lmargin at screen 0.14
        set rmargin at screen 0.56
        set key at screen 0.60, 0.86 left top vertical noenhanced \
            reverse Left samplen 3 spacing 1.5 width 1 font font_name.",13"
        set border 3 lc rgb "#666666"
        set grid xtics ytics lc rgb c_grid lw 0.7 dt 1
        set xtics nomirror 10 noenhanced font font_name.",12" format "%.0f%%"
        set ytics nomirror 10 noenhanced font font_name.",12" format "%.0f%%"
        set xrange [0 : 100]
        set yrange [0 : 100]
        plot x with lines lc rgb "#555555" lw 1.5 dt (6, 4) title t_equal, \
             for [k = 1:m] data index (k - 1) using ($1 * 100):($2 * 100) \
                 with linespoints lc rgb colors[(k - 1) % 8 + 1] lw 2 \
                 pt 7 ps 0.5 title t_key[k]
        unset output
    }
}
