#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   time-boxed runs (default 60 s)
#   scripts/fuzz.sh --ci                    the short, deterministic runs of
#                                           CI: fixed seed and run counts
# The seed corpus in tests/fuzz/corpus/<name>/ is copied, never modified,
# and every input in tests/fuzz/regressions/<name>/ runs first; crashes land
# in build/fuzz/artifacts/ and must become regression tests.
set -eu
cd "$(dirname "$0")/.."
ci=0
if [ "${1:-}" = "--ci" ]; then ci=1; shift; secs=0; else secs=${1:-60}; shift || true; fi
if ! command -v clang >/dev/null || [ ! -d /usr/lib/llvm-14/lib/clang ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
CC=clang cmake -S . -B build/fuzz -DJH_FUZZ=ON -DJH_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=($(sed -n 's/^set(JH_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt))
fi
cmake --build build/fuzz -j"$(nproc)" --target "${targets[@]}" >/dev/null
mkdir -p build/fuzz/artifacts
# FreeXL's own out-of-bounds read, contained in junheng's child process,
# is not a finding: see tests/fuzz/asan.supp.
export ASAN_OPTIONS="suppressions=$(pwd)/tests/fuzz/asan.supp${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
status=0
for t in "${targets[@]}"; do
    name=${t#fuzz_}
    work=build/fuzz/corpus-$name
    if [ $ci -eq 1 ]; then
        # Same corpus, seed and count every time: CI gives the same answer
        # on the same code.  .xls inputs fork a reader each: fewer runs.
        rm -rf "$work"
        runs=20000; [ "$name" = xls ] && runs=300
        limit=(-seed=1 -runs=$runs)
        echo "fuzzing $t: $runs runs, seed 1"
    else
        limit=(-max_total_time="$secs")
        echo "fuzzing $t for ${secs}s"
    fi
    mkdir -p "$work"
    cp -n tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null || true
    dirs=("$work")
    [ -d tests/fuzz/regressions/"$name" ] && dirs+=(tests/fuzz/regressions/"$name")
    # FreeXL reserves whatever size a damaged header declares (up to 4 GB,
    # never touched) before it fails; junheng's .xls child runs under a
    # 2 GiB address-space cap in ordinary builds (src/import/xls.c), which
    # sanitizers cannot have.  Let such a reservation pass here.
    extra=()
    [ "$name" = xls ] && extra=(-malloc_limit_mb=8192)
    if ! build/fuzz/tests/fuzz/"$t" "${limit[@]}" "${extra[@]}" -max_len=65536 \
            -rss_limit_mb=2048 -artifact_prefix=build/fuzz/artifacts/"$name"- \
            -print_final_stats=1 "${dirs[@]}" 2>build/fuzz/"$t".log; then
        echo "$t: crash, see build/fuzz/artifacts and build/fuzz/$t.log"
        tail -30 build/fuzz/"$t".log
        status=1
    else
        grep -E "stat::number_of_executed_units|cov:" build/fuzz/"$t".log | tail -2
    fi
done
exit $status
