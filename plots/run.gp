# junheng - run several templates in one gnuplot process.
#
# Run by junheng (src/gnuplot.c) as
#     gnuplot -d -c run.gp SCRATCH LIST PDF
# LIST is a data file with one line per template: its path, the first and
# the last chart it renders here.  Each is called as
#     call TEMPLATE SCRATCH LAST PDF FIRST
# so that one process pays gnuplot's start and the loading of the fonts
# once for many charts; junheng starts one such process per core, each
# with its share of the charts.  The template paths come from junheng's
# templates folder, never from the input.
if (ARGC < 3) {
    print "usage: gnuplot -d -c run.gp SCRATCH LIST PDF"
    exit status 2
}
run_scratch = ARG1
run_list = ARG2
run_pdf = ARG3
set datafile separator "\t"
set datafile commentschars ""
stats run_list using 2 nooutput
run_count = STATS_records
do for [run_k = 0:run_count - 1] {
    # A template may change the data file settings: set them again.
    set datafile separator "\t"
    set datafile commentschars ""
    stats run_list every ::run_k::run_k using \
        (run_tmpl = strcol(1), run_first = sprintf("%d", column(2)), \
         run_last = sprintf("%d", column(3)), 0) nooutput
    call run_tmpl run_scratch run_last run_pdf run_first
}
