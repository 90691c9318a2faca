#!/usr/bin/env bash
# Install what is missing, build junheng with warnings as errors and with
# AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer), and run
# the whole test suite (cmocka unit tests, end-to-end runs of the binary,
# fuzz corpora) with CTest; then the end-to-end commands under valgrind
# with an ordinary build, and each libFuzzer target for a few seconds.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-libreoffice
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DJH_WERROR=ON \
      -DJH_SANITIZE=ON >/dev/null
cmake --build build/test -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
scripts/valgrind.sh
# Batch memory under ulimit -v needs an ordinary build (ASan's shadow
# memory cannot live under the limit): the valgrind build above.
bash tests/cli/test_memory.sh build/valgrind/junheng . /usr/bin/python3
# A short, deterministic fuzzing run of every target (fixed seed and run
# counts, so CI answers the same on the same code); long runs:
# scripts/fuzz.sh 3600.
scripts/fuzz.sh --ci
# The test suite last, so that its summary closes the output.
cd build/test
ctest --output-on-failure -j"$(nproc)"
