#!/usr/bin/env bash
# Run the end-to-end commands on the demo county under valgrind (memcheck)
# with an ordinary build, so that memory errors the sanitizers cannot see
# in shared libraries (FreeXL, libxlsxwriter, libcsv) are found too.
# Exits non-zero on the first error valgrind reports.
set -eu
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind not installed: skipped"; exit 0; }
cmake -S . -B build/valgrind -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJH_BUILD_TESTS=OFF >/dev/null
cmake --build build/valgrind -j"$(nproc)" >/dev/null
bin=build/valgrind/junheng
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg() {
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            --suppressions=tests/valgrind.supp "$bin" "$@" >/dev/null 2>"$tmp/err"; then
        echo "valgrind ok: junheng $*"
    else
        rc=$?
        if [ $rc -eq 99 ]; then echo "valgrind FAILED: junheng $*"; cat "$tmp/err"; exit 1; fi
        echo "valgrind ok (exit $rc): junheng $*"
    fi
}
vg analyze datasets/qingxi-county.csv --out "$tmp/a" --no-charts
vg analyze datasets/qingxi-county-gbk.csv -f json
vg analyze datasets/qingxi-county.csv --standard basic-2012 -f json
vg analyze tests/data/hand3.xls -f json
vg analyze tests/fuzz/corpus/xlsx/hand3-openpyxl.xlsx -f json
vg check datasets/qingxi-county.csv
vg plan datasets/qingxi-county.csv --out "$tmp/p" --no-charts
vg template --out "$tmp/t"
vg template --county --out "$tmp/t"
vg verify datasets/qingxi-county.csv -c x
vg standards show quality-2017
vg analyze tests/fuzz/regressions/xls/freexl-utf16-stack-underflow.xls
echo "valgrind: no errors"
