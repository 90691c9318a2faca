#!/usr/bin/env bash
# Batch memory follows the data, not the number of files (issue 13): run
#   test_memory.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# by CTest (skipped, 77, in a sanitized build: ulimit -v cannot hold ASan's
# shadow memory) and by scripts/test.sh with the ordinary valgrind build.
source "$(dirname "$0")/trust_lib.sh" "$@"

# ---------------------------------------------------------------------
family batch_memory
# 2,000 small counties, one file each: memory must follow the data.  The
# old table arena took an 8 MiB block per file (16 GiB of address space
# for 2,000 files); under 1.5 GiB of address space the batch must run.
# Under AddressSanitizer (shadow memory needs terabytes of address space)
# ulimit -v cannot be used: the case is skipped with a note.
if nm -D "$bin" 2>/dev/null | grep -q __asan_init || nm "$bin" 2>/dev/null | grep -q __asan_init; then
    echo "note: sanitized build; batch_memory (ulimit -v) skipped, run it with an ordinary build"
    exit 77
else
    mkdir -p "$tmp/many"
    "$py" - "$tmp/many" <<'EOF'
import sys
d = sys.argv[1]
head = ("code,name,type,students_primary,students_junior,students_senior,"
        "degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,"
        "sports_area,equipment_value,multimedia_rooms\n")
for i in range(2000):
    with open(f"{d}/c{i:05d}.csv", "w") as f:  # five digits: no year in the name
        f.write(head)
        for k in range(1, 4):
            p = 100 + (i * 7 + k * 31) % 400
            f.write(f"{k},学校{k},小学,{p},0,0,{p // 20},{p // 80 + 1},"
                    f"{p // 90 + 1},{p * 5},{p * 8},{p * 2500},{p // 40 + 1}\n")
EOF
    (ulimit -v 1572864; "$bin" batch "$tmp/many" -j 2 -f json --no-charts >"$tmp/j" 2>"$tmp/err")
    rc=$?
    [ $rc -eq 0 ] && json_eval "$tmp/j" "d['counties'] == 2000 and len(d['inputs']) == 2000" &&
        ok "2,000 county files under a 1.5 GiB address-space limit" ||
        bad "2,000 files under ulimit -v 1.5 GiB: exit $rc, $(head -c 200 "$tmp/err")"
fi

finish
