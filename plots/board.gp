# junheng - one page for the presentation board (展板): the county
# evaluation's four parts and the veto, the CV of every resource indicator
# against its limit for both levels, and the items that fail.
#
# Run by junheng (src/report_evaluate_chart.c) as
#     gnuplot -d -c board.gp SCRATCH COUNT PDF [FIRST]
# For N = 1..COUNT (one board) it reads
#     SCRATCH/board-N-meta.tsv   one line: indicators, primary CV limit,
#                                junior CV limit, item lines, title,
#                                verdict, CV title, CV y label, key texts
#                                (primary, junior, above the limit,
#                                primary limit, junior limit), items title
#     SCRATCH/board-N-parts.tsv  per part: position, verdict (0 met, 1 not
#                                met, 2 incomplete), part name, verdict
#                                in words
#     SCRATCH/board-N-cv.tsv     per indicator: position, primary CV, over
#                                (1/0), junior CV, over (1/0), short name,
#                                primary CV as printed, junior CV as printed
#     SCRATCH/board-N-items.tsv  per line: position from the top, verdict,
#                                text
# and writes SCRATCH/board-N.png (and .pdf when PDF is 1).
#
# You may change colours, fonts, sizes and layout here.  Keep the safety
# rules: every text shown comes from the data files through strcol() or
# xticlabels(); never pass data through eval, system(), backquotes, "@"
# macros, or a format of sprintf(); keep "noenhanced".

if (ARGC < 3) {
    print "usage: gnuplot -d -c board.gp SCRATCH COUNT PDF"
    exit status 2
}
scratch = ARG1
count = int(ARG2)
pdf = int(ARG3)
first = ARGC >= 4 ? int(ARG4) : 1

set encoding utf8
set datafile separator "\t"
set datafile commentschars ""

font_name = "Noto Sans CJK SC"
c_pass = 0x59a14f
c_fail = 0xd62728
c_incomplete = 0xe8a33d
c_primary = 0x4e79a7
c_junior = 0x76b7b2
c_grid = 0xd9d9d9

do for [i = first:count] {
    meta = sprintf("%s/board-%d-meta.tsv", scratch, i)
    parts = sprintf("%s/board-%d-parts.tsv", scratch, i)
    cvs = sprintf("%s/board-%d-cv.tsv", scratch, i)
    items = sprintf("%s/board-%d-items.tsv", scratch, i)
    stats meta using (n = int(column(1)), lim_p = column(2), \
                      lim_j = column(3), nitems = int(column(4)), \
                      t_title = strcol(5), t_verdict = strcol(6), \
                      t_cv = strcol(7), t_ylabel = strcol(8), \
                      t_primary = strcol(9), t_junior = strcol(10), \
                      t_over = strcol(11), t_lim_p = strcol(12), \
                      t_lim_j = strcol(13), t_items = strcol(14), 0) nooutput
    stats cvs using 2 nooutput
    top = STATS_max
    stats cvs using 4 nooutput
    top = STATS_max > top ? STATS_max : top
    top = lim_p > top ? lim_p : top
    top = lim_j > top ? lim_j : top
    top = top > 0 ? top * 1.2 : 1

    do for [t = 1:(pdf ? 2 : 1)] {
        if (t == 1) {
            set terminal pngcairo size 1600,1200 noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/board-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,22.3cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/board-%d.pdf", scratch, i)
        }
        reset
        set encoding utf8
        set datafile separator "\t"
        set datafile commentschars ""
        set multiplot
        set label 1 t_title at screen 0.5, 0.965 center noenhanced \
            font font_name.":Bold,22"
        set label 2 t_verdict at screen 0.5, 0.925 center noenhanced \
            font font_name.":Bold,17"

        # The four parts and the veto.
        set origin 0, 0.78
        set size 1, 0.12
        set lmargin 4
        set rmargin 4
        set tmargin 0
        set bmargin 0
        unset border
        unset xtics
        unset ytics
        unset key
        set xrange [0.5 : 5.5]
        set yrange [0 : 1]
        set style fill solid 0.95 noborder
        plot parts using 1:(0.5):(0.46):(0.42): \
                 ($2 == 0 ? c_pass : $2 == 1 ? c_fail : c_incomplete) \
                 with boxxyerror lc rgb variable notitle, \
             parts using 1:(0.66):(strcol(3)) with labels center \
                 tc rgb "#ffffff" font font_name.":Bold,15" notitle, \
             parts using 1:(0.34):(strcol(4)) with labels center \
                 tc rgb "#ffffff" font font_name.":Bold,15" notitle
        unset label

        # The CVs of both levels against their limits.
        set origin 0, 0.40
        set size 1, 0.37
        set lmargin 12
        set rmargin 4
        set tmargin 5.5
        set bmargin 3
        set border 3 lc rgb "#666666"
        set grid ytics lc rgb c_grid lw 0.7 dt 1
        set xtics nomirror scale 0 noenhanced font font_name.",13"
        set ytics nomirror noenhanced font font_name.",12" format "%.2f"
        set ylabel t_ylabel noenhanced font font_name.",13"
        set title t_cv noenhanced font font_name.":Bold,15"
        set key at graph 0.5, 1.02 center bottom horizontal noenhanced \
            samplen 2 width 1 font font_name.",12"
        set xrange [0.4 : n + 0.6]
        set yrange [0 : top]
        set boxwidth 0.34
        set style fill solid 0.9 border lc rgb "#ffffff"
        plot cvs using ($1 - 0.18):2:($3 > 0 ? c_fail : c_primary): \
                 xticlabels(6) with boxes lc rgb variable notitle, \
             cvs using ($1 + 0.18):4:($5 > 0 ? c_fail : c_junior) \
                 with boxes lc rgb variable notitle, \
             keyentry with boxes lc rgb c_primary title t_primary, \
             keyentry with boxes lc rgb c_junior title t_junior, \
             keyentry with boxes lc rgb c_fail title t_over, \
             lim_p with lines lc rgb c_primary lw 2 dt 2 title t_lim_p, \
             lim_j with lines lc rgb c_junior lw 2 dt 2 title t_lim_j, \
             cvs using ($1 - 0.18):2:(strcol(7)) with labels center \
                 offset 0, 0.7 font font_name.",11" notitle, \
             cvs using ($1 + 0.18):4:(strcol(8)) with labels center \
                 offset 0, 0.7 font font_name.",11" notitle
        unset title
        unset ylabel
        unset grid

        # The items that fail or lack facts.
        set origin 0, 0.0
        set size 1, 0.38
        set lmargin 4
        set rmargin 4
        set tmargin 2.5
        set bmargin 1
        unset border
        unset xtics
        unset ytics
        unset key
        set title t_items noenhanced font font_name.":Bold,15"
        set xrange [0 : 1]
        set yrange [-(nitems > 16 ? nitems : 16) - 0.5 : 0.5]
        if (nitems > 0) {
            plot items using (0.01):(-$1): \
                     ($2 == 1 ? c_fail : c_incomplete) \
                     with points pt 5 ps 1.6 lc rgb variable notitle, \
                 items using (0.03):(-$1):(strcol(3)) with labels left \
                     font font_name.",13" notitle
        } else {
            plot NaN notitle
        }
        unset multiplot
        unset output
    }
}
