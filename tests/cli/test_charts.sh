#!/usr/bin/env bash
# End-to-end tests of the charts (src/report/report_charts.c, plots/*.gp).
#
# usage: tests/cli/test_charts.sh BINARY SOURCE_DIR
#
# 1. the demo county gives every chart as PNG and PDF, nothing else, no
#    scratch file left, the same bytes on a second run; the supplementary
#    Lorenz chart of each level and a contribution chart only for the one
#    CV over its limit (src/report/report_diag_charts.c);
# 2. school and county names that are gnuplot code (backquotes, system(),
#    "!", "@" macros, enhanced-text markup, paths, quotes) are drawn as text
#    and never run, and nothing is written outside the output folder;
# 3. a gnuplot that does not exist: one warning, everything else written;
# 4. degenerate data (a level with one school, an indicator whose county
#    mean is 0) still renders every chart;
# 5. a gnuplot that fails: exit 4 and no report at all.
# Exits 77 (skipped) when gnuplot is not installed.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BINARY SOURCE_DIR" >&2
    exit 2
fi
if ! command -v gnuplot >/dev/null; then
    echo "skipped: gnuplot is not installed"
    exit 77
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
DEMO=$SRC/datasets/qingxi-county.csv
export JUNHENG_PLOTS_DIR=$SRC/plots
export SOURCE_DATE_EPOCH=1577836800

passed=0
failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/junheng-charts.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok() {
    passed=$((passed + 1))
    echo "ok - $1"
}

not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
}

# check DESCRIPTION COMMAND...: pass when the command succeeds.
check() {
    local what=$1
    shift
    if "$@"; then ok "$what"; else not_ok "$what"; fi
}

is_png() {
    [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = \
        "89504e470d0a1a0a" ]
}

is_pdf() {
    [ -s "$1" ] && [ "$(head -c 5 "$1")" = "%PDF-" ]
}

INDICATORS="degree_teachers_per100 backbone_teachers_per100
pe_art_teachers_per100 teaching_area_per_student sports_area_per_student
equipment_value_per_student multimedia_rooms_per100"

# all_charts DIR LEVEL...: every chart of the levels is a PNG and a PDF.
all_charts() {
    local dir=$1 level ind name
    shift
    for level in "$@"; do
        for ind in $INDICATORS cv; do
            name=$dir/$level-$ind
            if ! is_png "$name.png" || ! is_pdf "$name.pdf"; then
                echo "# missing or broken: $name.png/.pdf" >&2
                return 1
            fi
        done
    done
}

# only_charts DIR COUNT: exactly COUNT files, all *.png or *.pdf, and no
# name starting with "." (scratch folders, temporary outputs).
only_charts() {
    local n others hidden
    n=$(find "$1" -type f | wc -l)
    others=$(find "$1" -type f ! -name '*.png' ! -name '*.pdf' | wc -l)
    hidden=$(find "$1" -mindepth 1 -name '.*' | wc -l)
    [ "$n" -eq "$2" ] && [ "$others" -eq 0 ] && [ "$hidden" -eq 0 ] || {
        echo "# $1: $n files (want $2), $others not charts," \
            "$hidden hidden" >&2
        find "$1" -mindepth 1 >&2
        return 1
    }
}

# pdf_has FILE TEXT: the PDF draws TEXT (skipped without pdftotext).
pdf_has() {
    command -v pdftotext >/dev/null || return 0
    pdftotext "$1" - 2>/dev/null | grep -qF -- "$2"
}

# --- 1. the demo county ---------------------------------------------------
out=$TMP/demo
"$BIN" analyze "$DEMO" --out "$out" >/dev/null 2>"$TMP/demo.err"
check "demo: analyze exits 0" [ $? -eq 0 ]
check "demo: 14 indicator charts and 2 CV charts, PNG and PDF" \
    all_charts "$out/charts" primary junior
# lorenz_charts DIR LEVEL...: the Lorenz chart of each level, PNG and PDF.
lorenz_charts() {
    local dir=$1 level
    shift
    for level in "$@"; do
        is_png "$dir/$level-lorenz.png" && is_pdf "$dir/$level-lorenz.pdf" ||
            return 1
    done
}
check "demo: a supplementary Lorenz chart for each level" \
    lorenz_charts "$out/charts" primary junior
check "demo: a contribution chart only for primary sports_area_per_student" \
    eval '[ "$(cd "$out/charts" && ls | grep contribution | tr "\n" " ")" = \
"primary-contribution-sports_area_per_student.pdf primary-contribution-sports_area_per_student.png " ] &&
          is_png "$out/charts/primary-contribution-sports_area_per_student.png" &&
          is_pdf "$out/charts/primary-contribution-sports_area_per_student.pdf"'
check "demo: the diagnostics charts say they are supplementary" \
    eval 'pdf_has "$out/charts/primary-lorenz.pdf" "补充分析" &&
          pdf_has "$out/charts/primary-lorenz.pdf" "基尼系数 0.283" &&
          pdf_has "$out/charts/primary-contribution-sports_area_per_student.pdf" \
              "补充分析" &&
          pdf_has "$out/charts/primary-contribution-sports_area_per_student.pdf" \
              "15.5%"'
check "demo: no other file and no scratch file in the charts folder" \
    only_charts "$out/charts" 38
check "demo: nothing hidden left anywhere in the output folder (but the manifest)" \
    [ -z "$(find "$out" -mindepth 1 -name '.*' -not -path "$out/.junheng-manifest")" ]
check "demo: the CV chart draws its Chinese title and the failing CV" \
    eval 'pdf_has "$out/charts/primary-cv.pdf" "资源配置指标校际差异系数" &&
          pdf_has "$out/charts/primary-cv.pdf" "0.552"'
check "demo: the bar chart draws the threshold and the county mean" \
    eval 'pdf_has "$out/charts/primary-sports_area_per_student.pdf" \
              "标准值 7.50" &&
          pdf_has "$out/charts/primary-sports_area_per_student.pdf" \
              "县域均值 12.08"'
"$BIN" analyze "$DEMO" --out "$TMP/demo2" >/dev/null 2>&1
same=yes
for f in "$out"/charts/*; do
    cmp -s "$f" "$TMP/demo2/charts/${f##*/}" || {
        echo "# differs between runs: ${f##*/}" >&2
        same=no
    }
done
check "demo: a second run gives the same bytes" [ "$same" = yes ]
"$BIN" analyze "$DEMO" --lang en --out "$TMP/demo-en" >/dev/null 2>&1
check "demo: English charts" \
    eval 'all_charts "$TMP/demo-en/charts" primary junior &&
          pdf_has "$TMP/demo-en/charts/primary-cv.pdf" \
              "Difference coefficients" &&
          pdf_has "$TMP/demo-en/charts/junior-lorenz.pdf" \
              "Lorenz curves (supplementary)"'

# --- 2. hostile names -----------------------------------------------------
work=$TMP/hostile
mkdir -p "$work"
# The county name is the file name (there is no 县区 column).
county='`touch PWNED`"q"'"'"'s'"'"'@ARG1$(touch PWNED4)%s\n'
cat >"$work/$county.csv" <<'EOF'
code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms
1000000001,a`touch PWNED`b @ARG1 \n\0042,小学,100,0,0,5,1,1,600,800,250000,3
1000000002,"system(""touch PWNED2"") {/Symbol a}_x^2 %s%n",小学,200,0,0,10,2,2,1000,1600,460000,5
1000000003,"""; !touch PWNED3 ../../evil 'q' #x",小学,700,0,0,35,6,7,3150,5600,1470000,17
EOF
before=$(cd "$work" && find . | sort)
(cd "$work" && "$BIN" analyze "$county.csv" --out out >/dev/null \
    2>"$TMP/hostile.err")
check "hostile: analyze exits 0" [ $? -eq 0 ]
check "hostile: every primary chart renders" \
    all_charts "$work/out/charts" primary
check "hostile: only the charts in the charts folder" \
    only_charts "$work/out/charts" 18
check "hostile: no command ran (no PWNED file anywhere)" \
    [ -z "$(find "$TMP" "$SRC" -name 'PWNED*' 2>/dev/null)" -a \
      ! -e "$PWD/PWNED" -a ! -e "$HOME/PWNED" ]
after=$(cd "$work" && find . ! -path './out' ! -path './out/*' | sort)
check "hostile: nothing written outside the output folder" \
    [ "$before" = "$after" -a ! -e "$TMP/evil" -a ! -e "$work/evil" ]
check "hostile: the county name is drawn literally in the title" \
    pdf_has "$work/out/charts/primary-cv.pdf" \
    '`touch PWNED`"q"'"'"'s'"'"'@ARG1$(touch PWNED4)'

# gnuplot opens a pipe for an output named "|cmd": the output folder may
# not be taken for one.
mkdir -p "$TMP/pipe"
(cd "$TMP/pipe" && "$BIN" analyze "$work/$county.csv" \
    --out '|touch PWNED5;x' >/dev/null 2>&1)
rc=$?
check "hostile: an output folder named '|cmd' is a folder, not a pipe" \
    eval '[ $rc -eq 0 ] &&
          all_charts "$TMP/pipe/|touch PWNED5;x/charts" primary &&
          [ -z "$(find "$TMP" -name PWNED5)" ]'

# --- 3. gnuplot missing ---------------------------------------------------
out=$TMP/nognuplot
"$BIN" analyze "$DEMO" --out "$out" --gnuplot /nonexistent/gnuplot \
    >/dev/null 2>"$TMP/nognuplot.err"
check "no gnuplot: analyze exits 0" [ $? -eq 0 ]
check "no gnuplot: exactly one warning line (警告) mentions gnuplot" \
    eval '[ "$(grep -c gnuplot "$TMP/nognuplot.err")" -eq 1 ] &&
          grep gnuplot "$TMP/nognuplot.err" | grep -q "^junheng: 警告：.*未生成图表，其余均已写出$"'
check "no gnuplot: the report is still written" \
    eval '[ -s "$out/report.xlsx" ] || [ -s "$out/report.json" ]'
check "no gnuplot: no chart and no scratch file" \
    [ -z "$(find "$out" -mindepth 1 -path "$out/charts/*")" -a \
      -z "$(find "$out" -mindepth 1 -name '.*' -not -path "$out/.junheng-manifest")" ]

# --- 4. degenerate data ---------------------------------------------------
cat >"$TMP/tiny.csv" <<'EOF'
code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms
1000000001,甲小学,小学,100,0,0,5,0,1,600,800,250000,3
1000000002,乙小学,小学,200,0,0,10,0,2,1000,1600,460000,5
1000000003,丙初中,初中,0,700,0,35,0,7,3150,5600,1470000,17
EOF
"$BIN" analyze "$TMP/tiny.csv" --out "$TMP/tiny" >/dev/null 2>&1
rc=$?
check "degenerate: one junior school and a zero mean still render" \
    eval '[ $rc -eq 0 ] && all_charts "$TMP/tiny/charts" primary junior &&
          lorenz_charts "$TMP/tiny/charts" primary junior'

# --- 5. gnuplot fails -----------------------------------------------------
out=$TMP/failing
"$BIN" analyze "$DEMO" --out "$out" --gnuplot false >/dev/null \
    2>"$TMP/failing.err"
check "failing gnuplot: analyze exits 4" [ $? -eq 4 ]
check "failing gnuplot: the error names gnuplot, in Chinese" \
    grep -q "^junheng: gnuplot 出错退出（退出状态 1，图表模板 [a-z_-]*\.gp" \
    "$TMP/failing.err"
check "failing gnuplot: nothing is written" \
    [ -z "$(find "$out" -mindepth 1 2>/dev/null)" ]
"$BIN" analyze "$DEMO" --out "$out" --gnuplot false --lang en >/dev/null \
    2>"$TMP/failing-en.err"
rc=$?
check "failing gnuplot: --lang en exits 4 with the English error" \
    eval '[ $rc -eq 4 ] &&
          grep -q "^junheng: gnuplot failed with status 1 rendering [a-z_-]*\.gp" \
              "$TMP/failing-en.err"'
# A gnuplot that succeeds without drawing: the missing chart is named.
"$BIN" analyze "$DEMO" --out "$TMP/silent" --gnuplot true >/dev/null \
    2>"$TMP/silent.err"
rc=$?
check "silent gnuplot: exit 4 naming the chart that was not drawn, in Chinese" \
    eval '[ $rc -eq 4 ] &&
          grep -q "^junheng: gnuplot 没有生成 png 文件：图表“[a-z_0-9-]*”（模板 [a-z_-]*\.gp）$" \
              "$TMP/silent.err"'

# --- 6. one wave: the charts shared out between one process per core -----
# A gnuplot that records what it is asked to render, then renders it.
real_gnuplot=$(command -v gnuplot)
cat >"$TMP/gp-spy" <<EOF
#!/bin/sh
echo "\$3" >>"$TMP/spy.runners"
cat "\$5" >>"$TMP/spy.lists"
echo "LC_NUMERIC=\$LC_NUMERIC GLIBC_TUNABLES=\$GLIBC_TUNABLES" >>"$TMP/spy.env"
exec "$real_gnuplot" "\$@"
EOF
chmod +x "$TMP/gp-spy"
out=$TMP/wave
"$BIN" analyze "$DEMO" --out "$out" --gnuplot "$TMP/gp-spy" >/dev/null \
    2>/dev/null
rc=$?
cores=$(getconf _NPROCESSORS_ONLN)
procs=$(wc -l <"$TMP/spy.runners")
# Every chart number of every template, one line "template n" each.
awk -F'\t' '{ n = split($1, p, "/"); t = p[n]; sub(/\.gp$/, "", t);
              if ($3 - $2 > 1000) { print "absurd range:", $0; next }
              for (i = $2; i <= $3; i++) print t, i }' "$TMP/spy.lists" |
    sort >"$TMP/spy.charts"
contribs=$(ls "$out/charts" | grep -c 'contribution.*\.png$')
{
    for i in $(seq 1 14); do echo "bars $i"; done
    printf 'cv 1\ncv 2\nlorenz 1\nlorenz 2\n'
    for i in $(seq 1 "$contribs"); do echo "contrib $i"; done
} | sort >"$TMP/spy.want"
check "one wave: analyze exits 0 with every chart" \
    eval '[ $rc -eq 0 ] && all_charts "$out/charts" primary junior &&
          lorenz_charts "$out/charts" primary junior'
check "one wave: $procs gnuplot process(es) for $cores core(s), all through run.gp" \
    eval '[ "$procs" -ge 1 ] && [ "$procs" -le "$cores" ] &&
          [ "$(grep -vc "/run\.gp$" "$TMP/spy.runners")" -eq 0 ]'
check "one wave: every chart, the supplementary ones too, rendered exactly once" \
    cmp -s "$TMP/spy.charts" "$TMP/spy.want"
# gnuplot reads numbers in the C locale, and its malloc keeps each chart's
# image for the next one (huge pages) unless the user set tunables.
check "one wave: gnuplot's environment has LC_NUMERIC=C and the malloc tunables" \
    eval '[ "$(grep -c "^LC_NUMERIC=C GLIBC_TUNABLES=glibc.malloc.hugetlb=1:" \
              "$TMP/spy.env")" -eq "$procs" ]'
rm -f "$TMP/spy.env" "$TMP/spy.runners" "$TMP/spy.lists"
GLIBC_TUNABLES=glibc.malloc.check=0 "$BIN" analyze "$DEMO" --out "$TMP/wave2" \
    --gnuplot "$TMP/gp-spy" >/dev/null 2>/dev/null
check "one wave: a GLIBC_TUNABLES of the user's own is passed on as it is" \
    eval '[ "$(sort -u "$TMP/spy.env")" = \
            "LC_NUMERIC=C GLIBC_TUNABLES=glibc.malloc.check=0" ]'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
