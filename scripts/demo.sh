#!/usr/bin/env bash
# Install what is missing, build junheng and analyze the demo county into
# reports/ (workbook, JSON and charts).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DJH_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
build/release/junheng analyze datasets/qingxi-county.csv --out reports
echo
echo "报告已写入 $(pwd)/reports："
ls reports reports/charts 2>/dev/null | sed 's/^/  /'
