#!/usr/bin/env bash
# Trust at the edges (issue 13), family: outdir. Run by CTest:
#   test_trust_outdir.sh JUNHENG_BINARY SOURCE_DIR PYTHON
#
# The output folder is junheng's only in part: it replaces what its
# manifest (.junheng-manifest) says it wrote, never the user's files, all
# or nothing, one run at a time, and never touches or reads back an input.
source "$(dirname "$0")/trust_lib.sh" "$@"
export SOURCE_DATE_EPOCH=1577836800
export JUNHENG_PLOTS_DIR=$src/plots
# Immutable files (chattr +i, as root) must be thawed before $tmp goes.
trap 'chattr -R -i "$tmp" 2>/dev/null; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

H="county,code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
A=$(csv a.csv "$H" "青溪县,1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3" "青溪县,2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5")
B=$(csv b.csv "$H" "青溪县,1,甲小学,小学,150,0,0,5,1,1,700,800,250000,3" "青溪县,2,乙小学,小学,200,0,0,12,2,2,1000,1600,460000,5")
# Two counties, so that a batch has several entries to swap.
T=$(csv two.csv "$H" "甲县,1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3" "甲县,2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5" \
    "乙县,1,丙小学,小学,120,0,0,6,1,1,600,900,250000,3" "乙县,2,丁小学,小学,220,0,0,11,2,2,1000,1600,460000,5")
T2=$(csv two2.csv "$H" "甲县,1,甲小学,小学,130,0,0,5,1,1,600,800,250000,3" "甲县,2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5" \
    "乙县,1,丙小学,小学,120,0,0,7,1,1,600,900,250000,3" "乙县,2,丁小学,小学,220,0,0,11,2,2,1000,1600,460000,5")
have_gnuplot=false
command -v gnuplot >/dev/null && have_gnuplot=true
# Root ignores permissions: use the immutable flag then, chmod otherwise.
freeze() { if [ "$(id -u)" -eq 0 ]; then chattr +i "$1"; else chmod a-w "$1"; fi; }
thaw() { if [ "$(id -u)" -eq 0 ]; then chattr -i "$1"; else chmod u+w "$1"; fi; }
can_freeze() { : >"$tmp/fz"; freeze "$tmp/fz" 2>/dev/null && ! (echo x >"$tmp/fz") 2>/dev/null; local r=$?; thaw "$tmp/fz" 2>/dev/null; rm -f "$tmp/fz"; return $r; }
# sums DIR: checksum and path of every file in DIR (staging folders aside).
sums() { (cd "$1" && find . -path './.junheng-staging-*' -prune -o -type f -print0 | sort -z | xargs -0 -r sha256sum); }
# run NAME CODE CMD...: CMD exits CODE; stderr in $tmp/err.
run() {
    local name=$1 code=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ $rc -eq "$code" ]; then return 0; fi
    bad "$name: exit $rc, expected $code ($(head -c 300 "$tmp/err"))"
    return 1
}
# says NAME TEXT: the message in $tmp/err holds TEXT (a grep pattern).
says() { grep -q -- "$2" "$tmp/err" && return 0; bad "$1: the message lacks '$2': $(head -c 400 "$tmp/err")"; return 1; }
# same NAME BEFORE AFTER: the two checksum lists are equal.
same() { if [ "$2" = "$3" ]; then return 0; fi; bad "$1: files changed: $(diff <(echo "$2") <(echo "$3") | head -5 | tr '\n' ' ')"; return 1; }

# ---------------------------------------------------------------------
family out_path
for cmd in "analyze $A" "plan $A" "batch $A" "trend $A" "evaluate $A --county $A" "verify $A --claims $A"; do
    mkdir -p "$tmp/cwd" && rm -rf "${tmp:?}/cwd/"*
    # shellcheck disable=SC2086
    if run "--out '' ($cmd)" 2 bash -c "cd '$tmp/cwd' && exec '$bin' $cmd --out ''"; then
        if grep -q -- "--out" "$tmp/err" && [ -z "$(ls -A "$tmp/cwd")" ]; then ok "--out '' refused with exit 2 (${cmd%% *})"
        else bad "--out '' (${cmd%% *}): message '$(cat "$tmp/err")' or files written"; fi
    fi
done
if run "template --out ''" 2 bash -c "cd '$tmp/cwd' && exec '$bin' template --out ''"; then
    grep -q -- "--out" "$tmp/err" && [ -z "$(ls -A "$tmp/cwd")" ] && ok "template --out '' refused with exit 2" ||
        bad "template --out '': $(cat "$tmp/err")"
fi
# --out naming a file: refused, the file untouched, the message says --out
# takes a folder.
echo "my file" >"$tmp/afile"
if run "--out a file" 4 "$bin" analyze "$A" --out "$tmp/afile" --no-charts; then
    says "--out a file" "afile: 这是一个已有的文件，不是文件夹；--out 要写一个文件夹（不存在时会新建），请换一个名称$" &&
        [ "$(cat "$tmp/afile")" = "my file" ] && ok "--out naming a file: refused in Chinese, the file untouched"
fi
for c in analyze plan evaluate verify batch trend; do
    if "$bin" $c --help | grep -q -- "--force"; then ok "$c --help documents --force"
    else bad "$c --help lacks --force"; fi
done
grep -q -- "--force" "$src/README.md" && grep -q "junheng-manifest" "$src/README.md" &&
    ok "README documents --force and the manifest" || bad "README lacks --force or the manifest"
if can_freeze; then
    mkdir -p "$tmp/ro" && "$bin" analyze "$A" --out "$tmp/ro" --no-charts >/dev/null 2>&1
    before=$(sums "$tmp/ro"); freeze "$tmp/ro"
    if run "read-only output folder" 4 "$bin" analyze "$B" --out "$tmp/ro" --no-charts; then
        says "read-only output folder" "$tmp/ro: 无法在输出文件夹中建立临时文件夹：" && same "read-only folder" "$before" "$(sums "$tmp/ro")" &&
            ok "read-only output folder: exit 4 naming it, nothing changed"
    fi
    thaw "$tmp/ro"
fi

# ---------------------------------------------------------------------
family user_files
# The user's charts/ folder (notes and the input file in it), no manifest.
mkdir -p "$tmp/u1/charts" && echo "my notes" >"$tmp/u1/charts/notes.txt" && cp "$A" "$tmp/u1/charts/in.csv"
before=$(sums "$tmp/u1")
if run "user's charts/ folder" 4 "$bin" analyze "$tmp/u1/charts/in.csv" --out "$tmp/u1"; then
    says "user's charts/" "输出文件夹“$tmp/u1”中的“charts/in.csv”是这次运行读取的文件" &&
        same "user's charts/" "$before" "$(sums "$tmp/u1")" &&
        ok "a user's charts/ folder stops the run naming it, nothing changed"
fi
if run "user's charts/ with --no-charts" 0 "$bin" analyze "$tmp/u1/charts/in.csv" --out "$tmp/u1" --no-charts; then
    same "user's charts/ --no-charts" "$before" "$(sums "$tmp/u1" | grep ' ./charts/')" &&
        [ -s "$tmp/u1/report.json" ] && ok "--no-charts leaves a user's charts/ folder alone and writes the rest"
fi
# The user's own report.json, no manifest.
mkdir -p "$tmp/u2" && echo '{"mine": true}' >"$tmp/u2/report.json"
before=$(sums "$tmp/u2")
if run "user's report.json" 4 "$bin" analyze "$A" --out "$tmp/u2" --no-charts; then
    says "user's report.json" "输出文件夹“$tmp/u2”中的“report.json”不是 junheng 写的，挡住了要写出的结果；未作任何改动。请把它移走，或换一个输出文件夹（--out），或加 --force 替换它$" &&
        same "user's report.json" "$before" "$(sums "$tmp/u2")" &&
        ok "a user's report.json stops the run before anything is written"
fi
if run "user's report.json, --lang en" 4 "$bin" analyze "$A" --out "$tmp/u2" --no-charts --lang en; then
    says "user's report.json, --lang en" "u2/report.json: not written by junheng (not in .junheng-manifest), in the way of an output; nothing was changed (move it away, or rerun with --force to replace it)$" &&
        ok "--lang en: the user's file in the way, in English"
fi
if run "--force over the user's report.json" 0 "$bin" analyze "$A" --out "$tmp/u2" --no-charts --force; then
    grep -q '"schools"' "$tmp/u2/report.json" && ok "--force replaces the user's report.json" ||
        bad "--force: report.json not replaced"
fi
# A symlink named report.json pointing outside: never followed.
mkdir -p "$tmp/u3" && echo "outside" >"$tmp/outside.txt" && ln -s "$tmp/outside.txt" "$tmp/u3/report.json"
o=$(sha256sum <"$tmp/outside.txt")
if run "symlink report.json" 4 "$bin" analyze "$A" --out "$tmp/u3" --no-charts; then
    [ "$o" = "$(sha256sum <"$tmp/outside.txt")" ] && [ -L "$tmp/u3/report.json" ] &&
        ok "a symlink named report.json stops the run, its target untouched" || bad "symlink followed"
fi
if run "--force over a symlink" 0 "$bin" analyze "$A" --out "$tmp/u3" --no-charts --force; then
    [ "$o" = "$(sha256sum <"$tmp/outside.txt")" ] && [ ! -L "$tmp/u3/report.json" ] && [ -s "$tmp/u3/report.json" ] &&
        ok "--force replaces the symlink itself, never its target" || bad "--force wrote through the symlink"
fi
# A symlink named charts to a folder of the user's elsewhere: never
# entered, even with --force (the link is replaced, not what it points to).
mkdir -p "$tmp/elsewhere" "$tmp/u7" && echo precious >"$tmp/elsewhere/cv.png" && ln -s "$tmp/elsewhere" "$tmp/u7/charts"
e=$(sums "$tmp/elsewhere")
if $have_gnuplot && run "symlink charts" 4 "$bin" analyze "$A" --out "$tmp/u7"; then
    [ -L "$tmp/u7/charts" ] && [ "$e" = "$(sums "$tmp/elsewhere")" ] && says "symlink charts" "u7”中的“charts”" &&
        ok "a symlink named charts stops the run, its target untouched" || bad "symlink charts followed"
fi
if $have_gnuplot && run "--force over a symlink named charts" 0 "$bin" analyze "$A" --out "$tmp/u7" --force; then
    [ ! -L "$tmp/u7/charts" ] && [ -d "$tmp/u7/charts" ] && [ "$e" = "$(sums "$tmp/elsewhere")" ] &&
        ok "--force replaces a symlink named charts, never the folder it points to" ||
        bad "--force wrote into the folder a symlink named charts points to"
fi
# A user's folder named report.xlsx.
mkdir -p "$tmp/u4/report.xlsx" && echo x >"$tmp/u4/report.xlsx/keep.txt"
before=$(sums "$tmp/u4")
if run "user's folder report.xlsx" 4 "$bin" analyze "$A" --out "$tmp/u4" --no-charts; then
    same "folder report.xlsx" "$before" "$(sums "$tmp/u4")" && ok "a user's folder named report.xlsx stops the run"
fi
if $have_gnuplot; then
    # Re-run with --no-charts: junheng's old charts go, the user's file
    # added to charts/ stays.
    "$bin" analyze "$A" --out "$tmp/u5" >/dev/null 2>&1
    n=$(ls "$tmp/u5/charts" | wc -l)
    echo mine >"$tmp/u5/charts/mine.txt"
    if run "--no-charts rerun" 0 "$bin" analyze "$A" --out "$tmp/u5" --no-charts; then
        [ "$n" -gt 2 ] && [ "$(ls "$tmp/u5/charts")" = mine.txt ] && [ -s "$tmp/u5/report.xlsx" ] &&
            ok "--no-charts rerun removes only junheng's own $n old charts" ||
            bad "--no-charts rerun left: $(ls "$tmp/u5/charts" | tr '\n' ' ')"
    fi
    # A user's file inside junheng's charts/: a run that would replace
    # charts/ stops, unless --force.
    "$bin" analyze "$A" --out "$tmp/u6" >/dev/null 2>&1
    echo mine >"$tmp/u6/charts/mine.txt"
    before=$(sums "$tmp/u6")
    if run "user file in junheng's charts/" 4 "$bin" analyze "$B" --out "$tmp/u6"; then
        says "user file in junheng's charts/" "u6”中的“charts/mine.txt”不是 junheng 写的" && same "file in charts/" "$before" "$(sums "$tmp/u6")" &&
            ok "a user's file inside junheng's charts/ stops a run that would replace it"
    fi
fi

# ---------------------------------------------------------------------
family manifest
"$bin" analyze "$A" --out "$tmp/m1" >/dev/null 2>&1
"$bin" analyze "$A" --out "$tmp/m2" >/dev/null 2>&1
if [ -s "$tmp/m1/.junheng-manifest" ] && cmp -s "$tmp/m1/.junheng-manifest" "$tmp/m2/.junheng-manifest" &&
    grep -q "report.json" "$tmp/m1/.junheng-manifest" && grep -q "report.xlsx" "$tmp/m1/.junheng-manifest"; then
    ok "the manifest lists the outputs and is byte-reproducible"
else bad "manifest missing or differs between identical runs"; fi
if run "rerun into junheng's own folder" 0 "$bin" analyze "$B" --out "$tmp/m1" --no-charts; then
    "$bin" analyze "$B" --out "$tmp/m3" --no-charts >/dev/null 2>&1
    cmp -s "$tmp/m1/report.json" "$tmp/m3/report.json" && [ -s "$tmp/m1/.junheng-manifest" ] &&
        ! grep -q "charts" "$tmp/m1/.junheng-manifest" &&
        [ ! -e "$tmp/m1/charts" ] &&
        ok "a rerun replaces junheng's own outputs and the manifest drops the old charts" ||
        bad "rerun: report differs or old charts listed"
fi
# Two commands into one folder: each replaces only its own.
"$bin" analyze "$A" --out "$tmp/m4" --no-charts >/dev/null 2>&1
aj=$(sha256sum <"$tmp/m4/report.json")
"$bin" plan "$A" --out "$tmp/m4" --no-charts >/dev/null 2>&1
if run "plan rerun beside analyze" 0 "$bin" plan "$B" --out "$tmp/m4" --no-charts; then
    [ "$aj" = "$(sha256sum <"$tmp/m4/report.json")" ] && [ -s "$tmp/m4/plan.json" ] &&
        grep -q "report.json" "$tmp/m4/.junheng-manifest" && grep -q "plan.json" "$tmp/m4/.junheng-manifest" &&
        ok "analyze and plan share a folder; each rerun replaces only its own" || bad "plan touched analyze's outputs"
fi
# A manifest that claims files outside the folder or the user's file.
mkdir -p "$tmp/m5" && echo keep >"$tmp/m5/notes.txt" && echo keep >"$tmp/m5-outside.txt"
"$bin" analyze "$A" --out "$tmp/m5" --no-charts >/dev/null 2>&1
printf 'analyze ../m5-outside.txt\nanalyze /etc/hostname\nanalyze ./\nanalyze \n' >>"$tmp/m5/.junheng-manifest"
before=$(sha256sum "$tmp/m5-outside.txt" "$tmp/m5/notes.txt")
if run "tampered manifest" 0 "$bin" analyze "$B" --out "$tmp/m5" --no-charts; then
    [ "$before" = "$(sha256sum "$tmp/m5-outside.txt" "$tmp/m5/notes.txt")" ] && [ -e /etc/hostname ] &&
        ok "manifest lines naming paths outside the folder are ignored" || bad "tampered manifest removed a file"
fi

# ---------------------------------------------------------------------
family atomic
# Per-county batch of two counties, then a rerun with other figures whose
# swap fails at a frozen county folder: the old set stays, complete.
"$bin" batch "$T" --out "$tmp/a1" --per-county --no-charts >/dev/null 2>&1
"$bin" batch "$T2" --out "$tmp/a1new" --per-county --no-charts >/dev/null 2>&1
old=$(sums "$tmp/a1") new=$(sums "$tmp/a1new")
if can_freeze; then
    freeze "$tmp/a1/乙县"
    if run "swap fails at one entry" 4 "$bin" batch "$T2" --out "$tmp/a1" --per-county --no-charts; then
        same "failed swap keeps the old set" "$old" "$(sums "$tmp/a1")" && [ -z "$(ls -A "$tmp/a1" | grep staging)" ] &&
            ok "a swap that fails at one folder leaves the complete old set"
    fi
    thaw "$tmp/a1/乙县"
fi
# The test hook JUNHENG_TEST_FAIL_RENAME=N fails the Nth rename of the swap.
# 4 names out, 4 in, then the manifest: 9 renames.
for n in 1 2 3 4 5 6 7 8 9; do
    if run "fail at rename $n" 4 env JUNHENG_TEST_FAIL_RENAME=$n "$bin" batch "$T2" --out "$tmp/a1" --per-county --no-charts; then
        same "fail at rename $n" "$old" "$(sums "$tmp/a1")" && [ -z "$(ls -A "$tmp/a1" | grep junheng-staging)" ] &&
            ok "swap failing at rename $n: the complete old set, no staging left"
    fi
done
# JUNHENG_TEST_KILL_RENAME=N: killed before the Nth rename; the next run
# (made to fail its own swap at once) recovers the old or the new set.
for n in 1 3 4 5 7 9; do
    rm -rf "$tmp/a2" && cp -a "$tmp/a1" "$tmp/a2"
    (env JUNHENG_TEST_KILL_RENAME=$n "$bin" batch "$T2" --out "$tmp/a2" --per-county --no-charts >/dev/null 2>&1; exit $?) 2>/dev/null
    rc=$?
    env JUNHENG_TEST_FAIL_RENAME=1 "$bin" batch "$T2" --out "$tmp/a2" --per-county --no-charts >/dev/null 2>&1
    got=$(sums "$tmp/a2")
    if [ $rc -ne 137 ]; then bad "killed at rename $n: exit $rc, expected 137 (SIGKILL)"
    elif [ "$got" = "$old" ] || [ "$got" = "$new" ]; then
        ok "killed at rename $n (exit $rc): recovered the complete $([ "$got" = "$old" ] && echo old || echo new) set"
    else bad "killed at rename $n: a mixed set: $(diff <(echo "$old") <(echo "$got") | head -4 | tr '\n' ' ')"; fi
done

# ---------------------------------------------------------------------
family lock
mkdir -p "$tmp/l1" && "$bin" analyze "$A" --out "$tmp/l1" --no-charts >/dev/null 2>&1
before=$(sums "$tmp/l1")
flock "$tmp/l1" sleep 30 &
holder=$!
sleep 0.3
if run "folder in use" 4 "$bin" analyze "$B" --out "$tmp/l1" --no-charts; then
    says "folder in use" "l1: 输出文件夹正被另一次 junheng 运行使用，未作任何改动；请等那次运行结束后再试，或用 --out 换一个文件夹" &&
        same "folder in use" "$before" "$(sums "$tmp/l1")" &&
        ok "a run into a folder another run holds is refused with exit 4, nothing changed"
fi
if run "folder in use, --lang en" 4 "$bin" analyze "$B" --out "$tmp/l1" --no-charts --lang en; then
    says "folder in use, --lang en" "l1: the output folder is in use by another junheng run; nothing was changed (try again when it ends)$" &&
        ok "--lang en: the folder in use, in English"
fi
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
# Two runs at once, 20 times: never a mix.
"$bin" analyze "$A" --out "$tmp/la" --no-charts >/dev/null 2>&1
"$bin" analyze "$B" --out "$tmp/lb" --no-charts >/dev/null 2>&1
pa="$(sha256sum <"$tmp/la/report.json") $(sha256sum <"$tmp/la/report.xlsx")"
pb="$(sha256sum <"$tmp/lb/report.json") $(sha256sum <"$tmp/lb/report.xlsx")"
mixed=0 refused=0 badexit=0
for i in $(seq 1 20); do
    rm -rf "$tmp/l2"
    "$bin" analyze "$A" --out "$tmp/l2" --no-charts >/dev/null 2>"$tmp/e1" & p1=$!
    "$bin" analyze "$B" --out "$tmp/l2" --no-charts >/dev/null 2>"$tmp/e2" & p2=$!
    wait $p1; r1=$?; wait $p2; r2=$?
    for r in $r1 $r2; do
        case $r in 0) ;; 4) refused=$((refused + 1)) ;; *) badexit=$((badexit + 1)) ;; esac
    done
    if [ $r1 -eq 4 ] && ! grep -q "正被另一次 junheng 运行使用" "$tmp/e1"; then badexit=$((badexit + 1)); fi
    if [ $r2 -eq 4 ] && ! grep -q "正被另一次 junheng 运行使用" "$tmp/e2"; then badexit=$((badexit + 1)); fi
    got="$(sha256sum <"$tmp/l2/report.json") $(sha256sum <"$tmp/l2/report.xlsx")"
    [ "$got" = "$pa" ] || [ "$got" = "$pb" ] || mixed=$((mixed + 1))
done
if [ $mixed -eq 0 ] && [ $badexit -eq 0 ]; then ok "20 pairs of concurrent runs: never a mixed set ($refused refused)"
else bad "concurrent runs: $mixed mixed sets, $badexit unexpected exits"; fi

# ---------------------------------------------------------------------
family inputs_in_out
# batch DIR/青溪县/2023.csv --out DIR --per-county: the user's folder.
mkdir -p "$tmp/i1/青溪县" && cp "$A" "$tmp/i1/青溪县/2023.csv" && echo notes >"$tmp/i1/青溪县/notes.txt"
before=$(sums "$tmp/i1")
if run "per-county over the input's folder" 4 "$bin" batch "$tmp/i1/青溪县/2023.csv" --out "$tmp/i1" --per-county --no-charts; then
    says "per-county over the input's folder" "输出文件夹“$tmp/i1”中的“青溪县/2023.csv”是这次运行读取的文件，写出结果会替换它；未作任何改动。请用 --out 换一个输出文件夹" && same "input's folder" "$before" "$(sums "$tmp/i1")" &&
        ok "batch --per-county stops at the folder holding the input, nothing changed"
fi
if run "per-county over the input's folder, --force" 4 "$bin" batch "$tmp/i1/青溪县/2023.csv" --out "$tmp/i1" --per-county --no-charts --force; then
    says "per-county over the input's folder, --force" "i1”中的“青溪县/2023.csv”是这次运行读取的文件" && same "input's folder --force" "$before" "$(sums "$tmp/i1")" &&
        ok "even --force never replaces a folder holding an input"
fi
# The input inside junheng's own charts/ folder, with --force.
if $have_gnuplot; then
    "$bin" analyze "$A" --out "$tmp/i2" >/dev/null 2>&1
    cp "$B" "$tmp/i2/charts/in.csv"
    before=$(sums "$tmp/i2")
    if run "input in junheng's charts/ --force" 4 "$bin" analyze "$tmp/i2/charts/in.csv" --out "$tmp/i2" --force; then
        says "input in junheng's charts/ --force" "i2”中的“charts/in.csv”是这次运行读取的文件" && same "input in charts/" "$before" "$(sums "$tmp/i2")" &&
            ok "--force never removes the input file inside charts/"
    fi
    # The same with --no-charts: junheng's old charts go, the input stays.
    if run "input in junheng's charts/ --no-charts" 0 "$bin" analyze "$tmp/i2/charts/in.csv" --out "$tmp/i2" --no-charts; then
        [ "$(ls "$tmp/i2/charts")" = in.csv ] && cmp -s "$B" "$tmp/i2/charts/in.csv" &&
            ok "--no-charts removes junheng's old charts around an input, never the input" ||
            bad "charts/ after --no-charts: $(ls "$tmp/i2/charts" | tr '\n' ' ')"
    fi
fi
# The input hard-linked as report.json (same file under two names): even
# --force does not replace it.
mkdir -p "$tmp/i5" && cp "$A" "$tmp/i5/in.csv" && ln "$tmp/i5/in.csv" "$tmp/i5/report.json"
before=$(sums "$tmp/i5")
if run "input hard-linked as report.json" 4 "$bin" analyze "$tmp/i5/in.csv" --out "$tmp/i5" --no-charts --force; then
    says "input hard-linked as report.json" "i5”中的“report.json”是这次运行读取的文件" && same "hard link" "$before" "$(sums "$tmp/i5")" &&
        ok "an input under an output's name (hard link) is never replaced, even with --force"
fi
# The input beside the outputs: read, untouched.
mkdir -p "$tmp/i3" && cp "$A" "$tmp/i3/a.csv"
s=$(sha256sum <"$tmp/i3/a.csv")
run "input beside outputs" 0 "$bin" analyze "$tmp/i3/a.csv" --out "$tmp/i3" --no-charts &&
    [ "$s" = "$(sha256sum <"$tmp/i3/a.csv")" ] && ok "an input beside the outputs stays as it was"
# batch DIR --out DIR twice: junheng's own outputs are never read back.
mkdir -p "$tmp/i4" && cp "$A" "$tmp/i4/青溪县.csv" && cp "$T" "$tmp/i4/two.csv"
if run "batch DIR --out DIR (1)" 0 "$bin" batch "$tmp/i4" --out "$tmp/i4" --per-county --no-charts -f json; then
    cp "$tmp/out" "$tmp/i4-first.json"
    if run "batch DIR --out DIR (2)" 0 "$bin" batch "$tmp/i4" --out "$tmp/i4" --per-county --no-charts -f json; then
        cmp -s "$tmp/out" "$tmp/i4-first.json" && ! grep -q "summary" "$tmp/err" &&
            ok "batch DIR --out DIR twice gives the same summary" || bad "second batch DIR --out DIR differs: $(head -c 200 "$tmp/err")"
    fi
fi
# A county folder of the output given as an input folder: its reports are
# junheng's (the parent's manifest), not schools.
cp "$A" "$tmp/i4/甲县/more.csv" 2>/dev/null
if run "county folder as input" 0 "$bin" batch "$tmp/i4/甲县" --no-charts -f json; then
    "$py" -c "import json,sys; d=json.load(open('$tmp/out')); sys.exit(0 if len(d['results'])==1 else 1)" &&
        ok "a county folder given as input skips the reports junheng wrote there" || bad "county folder input read reports"
fi

finish
