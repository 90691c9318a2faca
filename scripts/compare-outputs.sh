#!/usr/bin/env bash
# Byte-identity harness: run two junheng binaries over the same fixed list
# of command lines and report every difference.
#
#   scripts/compare-outputs.sh OLD_BIN NEW_BIN [WORKDIR]
#
# Every command line runs once per binary, each in its own empty folder
# WORKDIR/{old,new}/c/ID, with the inputs copied to WORKDIR/{old,new}/in and
# passed as relative paths (../../in/...), so that messages naming files
# are the same on both sides.  Compared byte for byte (cmp, diff -r): the
# exit status, stdout, stderr and everything the command left in its
# folder (the --out folder and anything written to the current folder),
# and at the end the two input trees (nothing may write into an input).
# A differing .xlsx is unzipped on both sides and the XML parts that
# differ are named, with the first lines of their diff.
#
# One line per command: "same  ID  ARGS" or "DIFF  ID  ARGS: what", with
# details indented below; at the end "N commands, M differ".  Exit 0 when
# nothing differs, 1 when something does, 2 on a usage or set-up error.
#
# Nothing is normalised.  Environment: SOURCE_DATE_EPOCH=1577836800,
# LC_ALL=C.UTF-8, TZ=UTC; JUNHENG_PLOTS_DIR and the JUNHENG_TEST_* hooks
# unset (each binary finds its own gnuplot templates).  The claims used by
# verify are made once, by OLD_BIN (analyze of the demo: report.xlsx, and
# CSVs written from report.json, one of them deliberately false), so both
# binaries check the same submitted figures.  WORKDIR (default: a temporary
# folder, removed afterwards) keeps the generated national file between
# runs (WORKDIR/gen); everything else in it is made afresh.  The wall time
# of each command line (both binaries, side by side) goes to WORKDIR/times.txt.
set -u
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 OLD_BIN NEW_BIN [WORKDIR]" >&2
    exit 2
fi
old_bin=$(readlink -f "$1")
new_bin=$(readlink -f "$2")
for b in "$old_bin" "$new_bin"; do
    [ -x "$b" ] || { echo "compare-outputs: $b is not an executable" >&2; exit 2; }
done
src=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 3 ]; then
    work=$(mkdir -p "$3" && cd "$3" && pwd) || exit 2
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/junheng-compare.XXXXXX") || exit 2
    trap 'rm -rf "$work"' EXIT
fi
py=/usr/bin/python3
limit=
command -v timeout >/dev/null && limit="timeout 600"   # a hung binary: exit 124

export SOURCE_DATE_EPOCH=1577836800 LC_ALL=C.UTF-8 TZ=UTC
unset LANG LANGUAGE JUNHENG_PLOTS_DIR JUNHENG_TEST_FAIL_RENAME JUNHENG_TEST_KILL_RENAME

# ---------------------------------------------------------------- inputs
rm -rf "$work/in" "$work/old" "$work/new" "$work/tmp" "$work/times.txt"
mkdir -p "$work/in/datasets" "$work/in/data" "$work/in/fuzz" "$work/in/gen" \
    "$work/in/claims" "$work/gen" "$work/tmp" || exit 2
cp "$src"/datasets/*.csv "$work/in/datasets/" || exit 2
cp -r "$src"/tests/data/. "$work/in/data/" || exit 2
cp -r "$src"/tests/fuzz/regressions/. "$work/in/fuzz/" || exit 2
gen=$src/bench/gen_counties.py
nat=$work/gen/national.csv
if [ ! -s "$nat" ] || [ "$gen" -nt "$nat" ]; then
    "$py" "$gen" national --out "$nat.part" && mv "$nat.part" "$nat" || exit 2
fi
cp "$nat" "$work/in/gen/national.csv" || exit 2
{
    "$py" "$gen" 3 --years 2021,2022,2023 --out "$work/in/gen/multi.csv" &&
    "$py" "$gen" 1 --seed 7 --years 2020,2021,2022,2023 --out "$work/in/gen/one.csv" &&
    "$py" "$gen" 3 --seed 11 --split "$work/in/gen/split" &&
    "$py" "$gen" 2 --seed 5 --years 2021,2022 --split "$work/in/gen/split-years"
} >/dev/null || { echo "compare-outputs: gen_counties.py failed" >&2; exit 2; }
# One county, one file per year named after it, without a 年份 column.
"$py" - "$work/in/gen/one.csv" "$work/in/gen/years" <<'PY' || exit 2
import csv, os, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
y = rows[0].index("年份")
os.makedirs(sys.argv[2])
for year in sorted({r[y] for r in rows[1:]})[1:]:
    with open(os.path.join(sys.argv[2], year + ".csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(
            [r[:y] + r[y + 1:] for r in rows if r is rows[0] or r[y] == year])
PY
printf 'key,yuan_per_unit\nsports_area,800\n网络多媒体教室数,60000\n' \
    >"$work/in/gen/costs.csv"

# Claims: OLD_BIN's own report of the demo, as the workbook and as CSVs.
(cd "$work/tmp" && "$old_bin" analyze ../in/datasets/qingxi-county.csv \
    --out claims-src --no-charts >/dev/null 2>&1) ||
    { echo "compare-outputs: OLD_BIN analyze of the demo failed" >&2; exit 2; }
cp "$work/tmp/claims-src/report.xlsx" "$work/in/claims/report.xlsx"
"$py" - "$work/tmp/claims-src/report.json" "$work/in/claims" <<'PY' || exit 2
import json, sys
d = json.load(open(sys.argv[1]))
out = sys.argv[2]
county = ["level,indicator,mean,cv"]
school = ["code,level,indicator,value"]
for lv in d["levels"]:
    for ind in lv["indicators"]:
        county.append("%s,%s,%.2f,%.3f" % (lv["level"], ind["id"], ind["mean"], ind["cv"]))
for s in d["schools"]:
    for k, v in sorted(s["values"].items()):
        if v is not None:
            school.append("%s,%s,%s,%.2f" % (s["code"], s["level"], k, v))
open(out + "/county.csv", "w").write("\n".join(county) + "\n")
open(out + "/schools.csv", "w").write("\n".join(school) + "\n")
# A false claim: the first CV raised by 0.1, the second mean halved.
bad = county[:]
f = bad[1].split(","); f[3] = "%.3f" % (float(f[3]) + 0.1); bad[1] = ",".join(f)
f = bad[2].split(","); f[2] = "%.2f" % (float(f[2]) / 2); bad[2] = ",".join(f)
open(out + "/false.csv", "w").write("\n".join(bad) + "\n")
PY
# Workbook inputs: OLD_BIN's templates filled with the demo (tests/cli/fill_template.py).
xlsx_inputs=false
if "$py" -c 'import openpyxl' 2>/dev/null; then
    (cd "$work/tmp" && "$old_bin" template --out tpl >/dev/null 2>&1 &&
        "$old_bin" template --county --out tpl >/dev/null 2>&1 &&
        "$py" "$src/tests/cli/fill_template.py" schools tpl/junheng-template.xlsx \
            ../in/datasets/qingxi-county.csv ../in/gen/schools.xlsx keep &&
        "$py" "$src/tests/cli/fill_template.py" facts tpl/junheng-county-facts.xlsx \
            ../in/datasets/qingxi-county-facts.csv ../in/gen/facts.xlsx) >/dev/null &&
        xlsx_inputs=true
fi
$xlsx_inputs || echo "compare-outputs: no .xlsx inputs (needs openpyxl for $py)" >&2
for side in old new; do
    mkdir -p "$work/$side/c" "$work/$side/res" && cp -r "$work/in" "$work/$side/in" || exit 2
done

# ---------------------------------------------------------------- running
n=0
ndiff=0

# Empty, or text by grep's reckoning (no NUL byte).
is_text() {
    [ ! -s "$1" ] || grep -qI . "$1" 2>/dev/null
}

# The first lines of a diff of two files, XML split at its tags.
show_diff() {
    if [ "${1##*.}" = xml ] || [ "${1##*.}" = rels ]; then
        diff <(sed 's/></>\n</g' "$1") <(sed 's/></>\n</g' "$2") | head -n 12
    elif is_text "$1" && is_text "$2"; then
        diff "$1" "$2" | head -n 12
    else
        echo "binary files differ: $(cmp "$1" "$2" 2>&1 | head -n 1)"
    fi | sed 's/^/        /'
}

# Unzip two workbooks and show the parts that differ.
show_xlsx() {
    local a=$work/tmp/xa b=$work/tmp/xb part
    rm -rf "$a" "$b"
    mkdir -p "$a" "$b"
    (cd "$a" && unzip -qo "$1" 2>/dev/null)
    (cd "$b" && unzip -qo "$2" 2>/dev/null)
    diff <(cd "$a" && find . -type f | sort) <(cd "$b" && find . -type f | sort) |
        grep '^[<>]' | sed 's/^/      part only in: /'
    (cd "$a" && find . -type f | sort) | while read -r part; do
        [ -f "$b/$part" ] || continue
        cmp -s "$a/$part" "$b/$part" && continue
        echo "      part differs: ${part#./}"
        show_diff "$a/$part" "$b/$part"
    done
    if cmp -s <(unzip -Z1 "$1" 2>/dev/null) <(unzip -Z1 "$2" 2>/dev/null); then :; else
        echo "      zip member order or names differ"
    fi
}

# run ID ARGS...: run ARGS under both binaries, compare, print one line.
run() {
    local id=$1 side bin what="" detail="" f
    shift
    n=$((n + 1))
    local t0
    t0=$(date +%s%N)
    for side in old new; do
        [ $side = old ] && bin=$old_bin || bin=$new_bin
        mkdir -p "$work/$side/c/$id"
        (cd "$work/$side/c/$id" &&
            $limit "$bin" "$@" >"$work/$side/res/$id.out" 2>"$work/$side/res/$id.err" </dev/null
         echo $? >"$work/$side/res/$id.rc") &
    done
    wait
    echo "$(( ($(date +%s%N) - t0) / 1000000 )) ms  $id" >>"$work/times.txt"
    local o=$work/old n_=$work/new
    if ! cmp -s "$o/res/$id.rc" "$n_/res/$id.rc"; then
        what="$what exit $(cat "$o/res/$id.rc")->$(cat "$n_/res/$id.rc"),"
    fi
    for f in out err; do
        if ! cmp -s "$o/res/$id.$f" "$n_/res/$id.$f"; then
            [ $f = out ] && what="$what stdout," || what="$what stderr,"
            detail="$detail    std$f:"$'\n'"$(show_diff "$o/res/$id.$f" "$n_/res/$id.$f")"$'\n'
        fi
    done
    local files
    files=$(diff -rq "$o/c/$id" "$n_/c/$id" 2>&1)
    if [ -n "$files" ]; then
        local line a b rel
        while IFS= read -r line; do
            case $line in
            Only\ in*)
                rel=${line#Only in }; rel=${rel/#$o\/c\/$id/old}; rel=${rel/#$n_\/c\/$id/new}
                rel=${rel/: //}
                what="$what only in $rel,"
                ;;
            Files\ *)
                a=${line#Files }; a=${a%% and *}
                b=${line#* and }; b=${b% differ}
                rel=${a#$o/c/$id/}
                what="$what $rel,"
                if [ "${rel##*.}" = xlsx ]; then
                    detail="$detail    $rel:"$'\n'"$(show_xlsx "$a" "$b")"$'\n'
                else
                    detail="$detail    $rel:"$'\n'"$(show_diff "$a" "$b")"$'\n'
                fi
                ;;
            *) what="$what $line,"
            esac
        done <<<"$files"
    fi
    if [ -z "$what" ]; then
        printf 'same  %-28s junheng %s\n' "$id" "$*"
    else
        ndiff=$((ndiff + 1))
        printf 'DIFF  %-28s junheng %s:%s\n' "$id" "$*" "${what%,}"
        printf '%s' "$detail"
    fi
}

# ---------------------------------------------------------------- commands
I=../../in                      # the inputs, from a command's folder
demo=$I/datasets/qingxi-county.csv
gbk=$I/datasets/qingxi-county-gbk.csv
facts=$I/datasets/qingxi-county-facts.csv
prov=$I/data/province-split12-share80.ini
schools=("$demo" "$gbk" "$I/data/hand3.csv" "$I/data/hand3.xls")
$xlsx_inputs && schools+=("$I/gen/schools.xlsx")
start=$(date +%s)

# Help, version, usage errors.
run help --help
run noargs
run version --version
run unknown-command frobnicate
commands=$("$old_bin" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 {print $1}')
for c in $commands; do
    run "help-$c" "$c" --help
    run "badopt-$c" "$c" --no-such-option
done

# standards
run standards standards
for s in $("$old_bin" standards | awk '{print $1}'); do
    run "standards-show-$s" standards show "$s"
done
run standards-show-province standards show "$prov"
run standards-show-missing standards show no-such-standard
for f in "$work"/in/fuzz/standard/*; do
    b=$(basename "$f")
    run "fuzz-standard-show-$b" standards show "$I/fuzz/standard/$b"
    run "fuzz-standard-analyze-$b" analyze "$demo" --standard "$I/fuzz/standard/$b"
done

# analyze
k=0
for f in "${schools[@]}"; do
    k=$((k + 1))
    run "analyze-$k" analyze "$f"
    run "analyze-$k-json" analyze "$f" -f json
    run "analyze-$k-out" analyze "$f" --out out
done
run analyze-gbk-enc analyze "$gbk" -e gbk -f json
run analyze-basic analyze "$demo" --standard basic-2012 --out out
run analyze-basic-text analyze "$demo" --standard basic-2012
run analyze-en analyze "$demo" --lang en --out out
run analyze-en-text analyze "$demo" --lang en
run analyze-province analyze "$demo" --standard "$prov" --out out
run analyze-province-text analyze "$demo" --standard "$prov"
run analyze-strict analyze "$demo" --strict
run analyze-indoor analyze "$demo" --subtract-indoor-sports -f json
run analyze-no-indoor analyze "$demo" --no-subtract-indoor-sports --no-charts --out out
run analyze-facts analyze "$facts"
run analyze-missing analyze no-such-file.csv
run analyze-multi analyze "$I/gen/multi.csv"
for f in "$work"/in/fuzz/csv/* "$work"/in/fuzz/xls/*; do
    r=${f#$work/in/}
    run "fuzz-analyze-$(basename "$f")" analyze "$I/$r"
    run "fuzz-check-$(basename "$f")" check "$I/$r"
done

# check
k=0
for f in "${schools[@]}" "$I/data/hand3.md" "$I/data/hand3-xls.md"; do
    k=$((k + 1))
    run "check-$k" check "$f"
done
run check-out check "$demo" --out out
run check-json check "$demo" -f json
run check-en check "$demo" --lang en
run check-county check "$demo" --county "$facts"
run check-county-only check --county "$facts" --out out
run check-county-bad check --county "$demo"
run check-basic check "$demo" --standard basic-2012 -f json
run check-multi check "$I/gen/multi.csv" --out out

# template
run template template
run template-out template --out out
run template-basic template --standard basic-2012 --out out
run template-province template --standard "$prov" --out out
run template-en template --lang en --out out
run template-county template --county --out out
run template-county-en template --county --lang en --out out
run template-xlsx-out template --out t.xlsx

# plan
run plan plan "$demo"
run plan-json plan "$demo" -f json
run plan-out plan "$demo" --out out
run plan-costs plan "$demo" -f json --out out \
    --cost sports_area=800 --cost teaching_area=3000 \
    --cost degree_teachers=120000 --cost backbone_teachers=150000 \
    --cost pe_art_teachers=120000 --cost multimedia_rooms=60000
run plan-costs-file plan "$demo" --costs "$I/gen/costs.csv" --cost sports_area=900
run plan-fix-all plan "$demo" --fix-all -f json
run plan-en plan "$demo" --lang en --out out
run plan-basic plan "$demo" --standard basic-2012
run plan-strict plan "$demo" --strict --no-charts
run plan-hand3 plan "$I/data/hand3.csv" --out out
run plan-old-spelling plan "$demo" -c sports_area=800

# verify
C=$I/claims
run verify-xlsx verify "$demo" --claims "$C/report.xlsx"
for s in 1 2 3; do
    run "verify-xlsx-sheet$s" verify "$demo" --claims "$C/report.xlsx" --claims-sheet $s -f json
done
run verify-county verify "$demo" --claims "$C/county.csv"
run verify-schools verify "$demo" --claims "$C/schools.csv" -f json
run verify-false verify "$demo" --claims "$C/false.csv"
run verify-false-en verify "$demo" --claims "$C/false.csv" --lang en
run verify-out verify "$demo" --claims "$C/false.csv" --claims "$C/report.xlsx" --out out
run verify-gbk verify "$gbk" --claims "$C/county.csv"
run verify-no-claims verify "$demo"
run verify-old-spelling verify "$demo" -c "$C/county.csv"
for f in "$work"/in/fuzz/claims/*; do
    run "fuzz-verify-$(basename "$f")" verify "$demo" --claims "$I/fuzz/claims/$(basename "$f")"
done

# evaluate
run evaluate evaluate "$demo" --county "$facts"
run evaluate-c evaluate "$demo" -c "$facts" -f json
run evaluate-out evaluate "$demo" --county "$facts" --out out
run evaluate-en evaluate "$demo" --county "$facts" --lang en --out out
run evaluate-strict evaluate "$demo" --county "$facts" --strict
run evaluate-hand3 evaluate "$I/data/hand3.csv" --county "$facts"
run evaluate-no-facts evaluate "$demo"
run evaluate-bad-facts evaluate "$demo" --county "$demo"
if $xlsx_inputs; then
    run evaluate-xlsx evaluate "$I/gen/schools.xlsx" --county "$I/gen/facts.xlsx" --out out
    run check-county-xlsx check "$I/gen/schools.xlsx" --county "$I/gen/facts.xlsx" --county-sheet 1
fi
if command -v soffice >/dev/null 2>&1; then
    run evaluate-pdf evaluate "$demo" --county "$facts" --out out --pdf
else
    echo "skip  evaluate-pdf                 (no soffice)"
fi

# batch
run batch-multi batch "$I/gen/multi.csv"
run batch-multi-json batch "$I/gen/multi.csv" -f json
run batch-multi-out batch "$I/gen/multi.csv" --out out --per-county --no-charts
run batch-multi-en batch "$I/gen/multi.csv" --lang en --out out -j 1
run batch-split batch "$I/gen/split" --out out
run batch-years batch "$I/gen/split-years" --out out --per-county
run batch-year-files batch "$I/gen/years" -f json
run batch-files batch "$demo" "$gbk" "$I/data/hand3.csv"
run batch-strict batch "$I/gen/multi.csv" --strict
run batch-datasets batch "$I/datasets"
run batch-national batch "$I/gen/national.csv"
run batch-national-out batch "$I/gen/national.csv" --out out

# trend
run trend-one trend "$I/gen/one.csv"
run trend-one-out trend "$I/gen/one.csv" --out out
run trend-one-json trend "$I/gen/one.csv" -f json --lang en
run trend-years trend "$I/gen/years" --out out
run trend-year-flag trend "$I/gen/years/2022.csv" "$I/gen/years/2023.csv" \
    --year "$I/gen/years/2022.csv=2019"
run trend-split-years trend "$I/gen/split-years" --county-name "$(ls "$work/in/gen/split-years" | head -n 1 | sed 's/\.csv$//')"
run trend-multi trend "$I/gen/multi.csv"
run trend-multi-name trend "$I/gen/multi.csv" --county-name 安华县 --out out
run trend-demo trend "$demo"
run trend-demo-year trend "$demo" --year "$demo=2023"
run trend-old-spelling trend "$I/gen/multi.csv" --county 安华县

# Nothing may have written into an input.
n=$((n + 1))
if d=$(diff -rq "$work/old/in" "$work/new/in" 2>&1); then
    echo "same  inputs                       (no command changed an input differently)"
else
    ndiff=$((ndiff + 1))
    echo "DIFF  inputs                       the input trees differ:"
    printf '%s\n' "$d" | sed 's/^/    /' | head -n 20
fi
echo "$n commands, $ndiff differ ($(( $(date +%s) - start )) s; outputs in $work/{old,new})"
[ "$ndiff" -eq 0 ]
