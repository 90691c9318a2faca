# junheng - one indicator of one level before and after a rectification
# plan: every school's value before (light) and after (solid), sorted by
# the value before.
#
# Run by junheng (src/report_plan_charts.c) as
#     gnuplot -d -c plan_bars.gp SCRATCH COUNT PDF [FIRST]
# For N = FIRST..COUNT it reads
#     SCRATCH/plan_bars-N-meta.tsv  one line: count, threshold,
#                                   has_threshold, mean before, mean after,
#                                   widest school name (display columns, a
#                                   Chinese character is 2), title, caption,
#                                   y label, key texts (before, after,
#                                   after for a school raised, threshold,
#                                   mean before, mean after)
#     SCRATCH/plan_bars-N.tsv       per school: position, value before,
#                                   value after, raised (1/0), school name,
#                                   value after as printed ("" if not raised)
# and writes SCRATCH/plan_bars-N.png (and .pdf when PDF is 1).
#
# Keep the safety rules: every text shown comes from the data files through
# strcol() or xticlabels(); never pass data through eval, system(),
# backquotes, "@" macros, or a format of sprintf(); keep "noenhanced".

if (ARGC < 3) {
    print "usage: gnuplot -d -c plan_bars.gp SCRATCH COUNT PDF"
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
c_before = 0xb9c6d6     # values before the plan
c_after = 0x4e79a7      # values after it
c_raised = 0x2ca02c     # after, for a school the plan raises
c_threshold = 0xe8a33d
c_mean_before = 0x8c8c8c
c_mean_after = 0x1f4e79
c_grid = 0xd9d9d9
c_none = 0xff000000     # fully transparent: no threshold in the standard

do for [i = first:count] {
    meta = sprintf("%s/plan_bars-%d-meta.tsv", scratch, i)
    data = sprintf("%s/plan_bars-%d.tsv", scratch, i)
    stats meta using (n = int(column(1)), thr = column(2), \
                      has_thr = int(column(3)), mean_b = column(4), \
                      mean_a = column(5), name_cols = column(6), \
                      t_title = strcol(7), t_caption = strcol(8), \
                      t_ylabel = strcol(9), t_before = strcol(10), \
                      t_after = strcol(11), t_raised = strcol(12), \
                      t_thr = strcol(13), t_mean_b = strcol(14), \
                      t_mean_a = strcol(15), 0) nooutput
    tic_size = n <= 30 ? 12 : n <= 45 ? 10 : 9
    tic_angle = n <= 30 ? 45 : n <= 45 ? 60 : 90
    value_size = n <= 30 ? 10 : 8
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
            set output sprintf("%s/plan_bars-%d.png", scratch, i)
        } else {
            set terminal pdfcairo size 29.7cm,16.7cm noenhanced \
                font font_name.",13" linewidth 1.5
            set output sprintf("%s/plan_bars-%d.pdf", scratch, i)
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
        set offsets 0, 0, graph 0.08, 0
        set lmargin left
        set bmargin bottom
        set rmargin 4
        set style fill solid 0.95 border lc rgb "#ffffff"
        set style textbox opaque noborder margins 0.5, 0.5
        set boxwidth 0.38
        # The after value of a raised school, rotated when bars are many;
        # the unwanted layer gets y = -1 (below the range, not drawn).
        plot data using ($1 - 0.2):2:xticlabels(5) \
                 with boxes lc rgb c_before title t_before, \
             data using ($1 + 0.2):3:($4 > 0 ? c_raised : c_after) \
                 with boxes lc rgb variable notitle, \
             keyentry with boxes lc rgb c_after title t_after, \
             keyentry with boxes lc rgb c_raised title t_raised, \
             thr with lines lc rgb (has_thr ? c_threshold : c_none) lw 2.5 \
                 title t_thr, \
             mean_b with lines lc rgb c_mean_before lw 1.8 dt (8, 5) \
                 title t_mean_b, \
             mean_a with lines lc rgb c_mean_after lw 1.8 dt (3, 3) \
                 title t_mean_a, \
             data using ($1 + 0.2):(n > 24 || $4 == 0 ? -1 : $3):(strcol(6)) \
                 with labels boxed center offset 0, 0.7 tc rgb c_raised \
                 font font_name.",".value_size notitle, \
             data using ($1 + 0.2):(n <= 24 || $4 == 0 ? -1 : $3):(strcol(6)) \
                 with labels boxed rotate by 90 left offset 0, 0.4 \
                 tc rgb c_raised font font_name.",".value_size notitle
        unset output
    }
}
