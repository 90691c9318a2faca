#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each for a while.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default 60 s, every target)
# The seed corpus in tests/fuzz/corpus/<name>/ is copied, never modified;
# crashes land in build/fuzz/artifacts/ and must become regression tests.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
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
status=0
for t in "${targets[@]}"; do
    name=${t#fuzz_}
    work=build/fuzz/corpus-$name
    mkdir -p "$work"
    cp -n tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null || true
    echo "fuzzing $t for ${secs}s"
    if ! build/fuzz/tests/fuzz/"$t" -max_total_time="$secs" -max_len=65536 \
            -rss_limit_mb=2048 -artifact_prefix=build/fuzz/artifacts/"$name"- \
            -print_final_stats=1 "$work" 2>build/fuzz/"$t".log; then
        echo "$t: crash, see build/fuzz/artifacts and build/fuzz/$t.log"
        tail -30 build/fuzz/"$t".log
        status=1
    else
        grep -E "stat::number_of_executed_units|cov:" build/fuzz/"$t".log | tail -2
    fi
done
exit $status
