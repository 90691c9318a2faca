#!/usr/bin/env bash
# Install what is missing, build junheng with warnings as errors and with
# AddressSanitizer + UndefinedBehaviorSanitizer, and run the whole test
# suite (cmocka unit tests and end-to-end runs of the binary) with CTest.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-libreoffice
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DJH_WERROR=ON \
      -DJH_SANITIZE=ON >/dev/null
cmake --build build/test -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build/test
ctest --output-on-failure -j"$(nproc)"
