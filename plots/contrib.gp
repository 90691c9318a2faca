# junheng - supplementary analysis (补充分析): every school's share of the
# weighted squared deviation of one indicator whose CV fails its limit,
# largest first, the largest labelled.
#
# Run by junheng (src/report_diag_charts.c) as
#     gnuplot -d -c contrib.gp SCRATCH COUNT PDF [FIRST]
# For N = FIRST..COUNT it reads
#     SCRATCH/contrib-N-meta.tsv  one line: count, widest school name
#                                 (display columns), title, caption,
#                                 y label, key texts (below the county
#                                 mean, above it)
#     SCRATCH/contrib-N.tsv       per school, largest share first:
#                                 position, share (%), above the mean
#                                 (1/0), labelled (1/0), school name,
#                                 share as printed ("" when not labelled)
# and writes SCRATCH/contrib-N.png (and .pdf when PDF is 1).
#
# Keep the safety rules: every text shown comes from the data files through
# strcol() or xticlabels(); never pass data through eval, system(),
# backquotes, "@" macros, or a format of sprintf(); keep "noenhanced".

if (ARGC < 3) {
    print "usage: gnuplot -d -c contrib.gp SCRATCH COUNT PDF"
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
c_below = 0xd62728      # a school below the county mean
c_above = 0x4e79a7      # above it
c_grid = 0xd9d9d9

do for [i = first:count] {
    meta = sprintf("%s/contrib-%d-meta.tsv", scratch, i)
    data = sprintf("%s/contrib-%d.tsv", scratch, i)
    stats meta using (n = int(column(1)), name_cols = column(2), \
                      t_title = strcol(3), t_caption = strcol(4), \
                      t_ylabel = strcol(5), t_below = strcol(6), \
                      t_above = strcol(7), 0) nooutput
    tic_size = n <= 30 ? 12 : n <= 45 ? 10 : 9
    tic_angle = n <= 30 ? 45 : n <= 45 ? 60 : 90
    slots = n < 8 ? 8 : n
    name_em = name_cols / 2.0 * tic_size / 13.0
    bottom = 2.6 + name_em / 1.2 * sin(tic_angle * pi / 180) \
             + cos(tic_angle * pi / 180)
    left = name_em * cos(tic_angle * pi / 180) / 0.6
    left = left > 12 ? left : 12

    do for [t = 1:(pdf ? 2 : 1)] {
        if (t == 1) {
            set terminal pngcairo size 1600,900 noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/contrib-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,16.7cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/contrib-%d.pdf", scratch, i)
        }
        reset
        set encoding utf8
        set datafile separator "\t"
        set datafile commentschars ""
        set label 1 t_title at screen 0.5, 0.955 center noenhanced \
            font font_name.",21"
        set tmargin at screen 0.855
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
        set offsets 0, 0, graph 0.1, 0
        set lmargin left
        set bmargin bottom
        set rmargin 4
        set style fill solid 0.9 border lc rgb "#ffffff"
        set style textbox opaque noborder margins 0.5, 0.5
        set boxwidth 0.72
        plot data using 1:2:($3 > 0 ? c_above : c_below):xticlabels(5) \
                 with boxes lc rgb variable notitle, \
             keyentry with boxes lc rgb c_below title t_below, \
             keyentry with boxes lc rgb c_above title t_above, \
             data using 1:($4 > 0 ? $2 : -1):(strcol(6)) \
                 with labels boxed center offset 0, 0.8 tc rgb "#222222" \
                 font font_name.",12" notitle
        unset output
    }
}
