#!/usr/bin/env bash
# Two junheng binaries timed in one run, alternating, on the same inputs:
#
#   bench/ab.sh OLD NEW [REPEAT]
#
# For each of: `analyze` of the demo county with --out (workbook, JSON and
# charts), the national batch (bench/gen_counties.py national) with
# summary.json + summary.xlsx, and the same batch with its text summary on
# stdout only.  Prints each side's median wall time over REPEAT runs
# (default 5) and NEW/OLD.  BENCH_DIR keeps the generated national file
# between runs (default: a temporary folder); BENCH_JOBS is --jobs (default
# the number of cores).  Timings on a shared virtual machine move by 15%
# from run to run: read a ratio, never one time, and assert none in a test.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
old=${1:?usage: bench/ab.sh OLD NEW [REPEAT]}
new=${2:?usage: bench/ab.sh OLD NEW [REPEAT]}
repeat=${3:-5}
jobs=${BENCH_JOBS:-$(nproc)}
if [ -n "${BENCH_DIR:-}" ]; then
    work=$BENCH_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/junheng-ab.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
export SOURCE_DATE_EPOCH=1577836800 LC_ALL=C.UTF-8 TZ=UTC
data=$work/counties-national.csv
[ -s "$data" ] || python3 "$here/gen_counties.py" national --out "$data" || exit 2

# seconds of one run of "$@" (output folders replaced with --force)
secs() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || echo "ab.sh: failed ($?): $*" >&2
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_case() { # name, then the arguments after the binary
    local name=$1 i o n
    shift
    : >"$work/$name.old"
    : >"$work/$name.new"
    for i in $(seq "$repeat"); do
        for side in old new; do
            [ "$side" = old ] && bin=$old || bin=$new
            secs "$bin" "$@" --out "$work/out-$side-$name" --force >>"$work/$name.$side"
        done
    done
    o=$(median <"$work/$name.old")
    n=$(median <"$work/$name.new")
    awk -v c="$name" -v o="$o" -v n="$n" -v r="$repeat" 'BEGIN {
        printf "%-22s old %7.3f s   new %7.3f s   new/old %.3f   (median of %d)\n", c, o, n, n / o, r }'
}
run_text() { # like run_case, without --out
    local name=$1 i o n
    shift
    : >"$work/$name.old"
    : >"$work/$name.new"
    for i in $(seq "$repeat"); do
        secs "$old" "$@" >>"$work/$name.old"
        secs "$new" "$@" >>"$work/$name.new"
    done
    o=$(median <"$work/$name.old")
    n=$(median <"$work/$name.new")
    awk -v c="$name" -v o="$o" -v n="$n" -v r="$repeat" 'BEGIN {
        printf "%-22s old %7.3f s   new %7.3f s   new/old %.3f   (median of %d)\n", c, o, n, n / o, r }'
}

echo "old: $old"
echo "new: $new"
run_case analyze-demo-out analyze "$src/datasets/qingxi-county.csv"
run_case national-batch batch "$data" --no-charts --jobs "$jobs"
run_text national-figures batch "$data" --no-charts --jobs "$jobs"
