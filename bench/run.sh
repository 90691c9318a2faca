#!/usr/bin/env bash
# Benchmark `junheng batch` against a pandas implementation of the same
# figures, on the same synthetic file, in the same run.
#
#   bench/run.sh [SCALE] [JUNHENG]
#
# SCALE: a number of counties, or "national" (2,850 counties, about
# 200,000 school sections); default 200.  JUNHENG: the binary (default
# build/release/junheng, else build/dev/junheng, else the first junheng on
# PATH).  BENCH_DIR: where to work (default: a temporary folder, removed
# afterwards).  BENCH_JOBS: --jobs for junheng (default: the number of
# cores).  BENCH_REPEAT: run each side this many times, alternating, and
# report the median wall time and the largest peak (default 1; timings on
# a shared virtual machine move by 15% from run to run).
#
# Prints, for junheng (summary.json and summary.xlsx, no charts) and for
# bench/reference_pandas.py: wall time, peak memory (/usr/bin/time -v),
# the ratio, then junheng's stage profile, and checks that every mean and
# CV agrees within 1e-9 relative.  Also timed: junheng making the same
# figures without writing files (its text summary on stdout), which is
# what the pandas reference does.  Exit 0 when they agree, 1 when they do
# not, 77 when python3-pandas or /usr/bin/time is missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
scale=${1:-200}
bin=${2:-}
py=/usr/bin/python3
if [ -z "$bin" ]; then
    for b in "$src/build/release/junheng" "$src/build/dev/junheng"; do
        [ -x "$b" ] && { bin=$b; break; }
    done
    [ -n "$bin" ] || bin=$(command -v junheng || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "run.sh: no junheng binary (build it, or pass its path)" >&2
    exit 2
fi
if ! "$py" -c 'import pandas' 2>/dev/null; then
    echo "run.sh: skipped: $py has no pandas (apt-get install python3-pandas)"
    exit 77
fi
if [ ! -x /usr/bin/time ]; then
    echo "run.sh: skipped: /usr/bin/time is missing (apt-get install time)"
    exit 77
fi
jobs=${BENCH_JOBS:-$(nproc)}
if [ -n "${BENCH_DIR:-}" ]; then
    work=$BENCH_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/junheng-bench.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
export SOURCE_DATE_EPOCH=1577836800

data=$work/counties-$scale.csv
if [ ! -s "$data" ]; then
    "$py" "$here/gen_counties.py" "$scale" --out "$data" || exit 2
fi
bytes=$(stat -c %s "$data")
rows=$(($(wc -l <"$data") - 1))

# seconds and peak KB from a /usr/bin/time -v log
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i];
    printf "%.2f", s }' "$1"; }
peak() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }

# A plain read of the file, for scale (the page cache is warm after the
# generator wrote it).
t0=$(date +%s.%N)
cat "$data" >/dev/null
t1=$(date +%s.%N)
cat_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')

repeat=${BENCH_REPEAT:-1}
jws="" pws="" fws="" jm=0 pm=0
for i in $(seq 1 "$repeat"); do
    rm -rf "$work/out"
    /usr/bin/time -v -o "$work/junheng.time" "$bin" batch "$data" \
        --out "$work/out" --no-charts --jobs "$jobs" --profile --format json \
        >"$work/junheng.json" 2>"$work/junheng.err"
    rc_j=$?
    [ $rc_j -ne 0 ] && break
    /usr/bin/time -v -o "$work/pandas.time" "$py" "$here/reference_pandas.py" \
        "$data" --compare "$work/out/summary.json" >"$work/compare.txt" \
        2>"$work/pandas.err"
    rc_p=$?
    /usr/bin/time -v -o "$work/figures.time" "$bin" batch "$data" \
        --no-charts --jobs "$jobs" >/dev/null 2>&1
    jws="$jws $(wall "$work/junheng.time")" pws="$pws $(wall "$work/pandas.time")"
    fws="$fws $(wall "$work/figures.time")"
    m=$(peak "$work/junheng.time"); [ "$m" -gt "$jm" ] && jm=$m
    m=$(peak "$work/pandas.time"); [ "$m" -gt "$pm" ] && pm=$m
done
median() {
    echo "$@" | tr ' ' '\n' | sed '/^$/d' | sort -g | awk '
        { v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

if [ $rc_j -ne 0 ]; then
    echo "run.sh: junheng failed (exit $rc_j):" >&2
    tail -5 "$work/junheng.err" >&2
    exit 1
fi
jw=$(median $jws) pw=$(median $pws) fw=$(median $fws)
echo "file:     $data"
echo "          $rows rows, $bytes bytes; cat to /dev/null: $cat_s s"
[ "$repeat" -gt 1 ] && echo "runs:     $repeat each, alternating; median wall time (junheng:$jws s; pandas:$pws s; figures only:$fws s)"
printf "junheng:  %6.2f s  %7d KB peak   (batch --no-charts --jobs %s: summary.json + summary.xlsx)\n" "$jw" "$jm" "$jobs"
printf "pandas:   %6.2f s  %7d KB peak   (reference_pandas.py: read, split, weighted CVs)\n" "$pw" "$pm"
awk -v a="$pw" -v b="$jw" 'BEGIN { if (b > 0) printf "ratio:    junheng is %.1fx faster\n", a / b }'
awk -v a="$pw" -v b="$fw" 'BEGIN { if (b > 0) printf "figures:  %6.2f s  (batch --no-charts, text summary on stdout, no files: the work of the reference): %.1fx faster\n", b, a / b }'
grep -hE "profile:|--profile 耗时：" "$work/junheng.err" | sed 's/^junheng: /          /'
grep -h "reference_pandas:" "$work/pandas.err" | sed 's/^/          /'
echo "agreement: $(tail -1 "$work/compare.txt")"
if [ $rc_p -ne 0 ]; then
    head -20 "$work/compare.txt"
    echo "run.sh: junheng and the pandas reference disagree" >&2
    exit 1
fi
exit 0
