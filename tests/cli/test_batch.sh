#!/usr/bin/env bash
# End-to-end tests of `junheng batch` and `junheng trend`, run by CTest:
#   test_batch.sh JUNHENG_BINARY SOURCE_DIR
#
#  1. the benchmark script runs at a small size and junheng agrees with the
#     pandas reference on every mean and CV (bench/run.sh 20);
#  2. grouping by county and year; the same school code in two counties;
#  3. per-county folders, and a county called ../evil (and other hostile
#     names) stays inside the output folder;
#  4. --jobs 2 writes the same bytes as --jobs 1;
#  5. a bad row in one county: exit 3 naming file:line:col, nothing written;
#  6. a folder of one file per county gives the figures of the single file;
#  7. no progress line when stderr is not a terminal; trend; charts.
# Exits 77 (skipped) when /usr/bin/python3 has no pandas.
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 BINARY SOURCE_DIR" >&2
    exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
PY=/usr/bin/python3
if ! "$PY" -c 'import pandas' 2>/dev/null; then
    echo "skipped: $PY has no pandas (apt-get install python3-pandas)"
    exit 77
fi
export SOURCE_DATE_EPOCH=1577836800
export JUNHENG_PLOTS_DIR=$SRC/plots
TMP=$(mktemp -d "${TMPDIR:-/tmp}/junheng-batch.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
check() {
    local what=$1
    shift
    if "$@"; then ok "$what"; else not_ok "$what"; fi
}
# expect_exit NAME CODE COMMAND...: stdout and stderr in $TMP/out, $TMP/err
expect_exit() {
    local name=$1 code=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    if [ "$rc" -eq "$code" ]; then ok "$name (exit $rc)"
    else not_ok "$name: exit $rc, expected $code; stderr: $(head -c 400 "$TMP/err")"; fi
}
gen() { "$PY" "$SRC/bench/gen_counties.py" "$@"; }
# pyjson FILE 'python expression over d' : true when it holds
pyjson() {
    "$PY" - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ok = eval(sys.argv[2])
if not ok:
    sys.stderr.write("# failed: %s\n" % sys.argv[2])
sys.exit(0 if ok else 1)
PY
}

# --- 1. the benchmark at a small size, agreement with pandas --------------
BENCH_DIR=$TMP/bench BENCH_JOBS=2 bash "$SRC/bench/run.sh" 20 "$BIN" \
    >"$TMP/bench.out" 2>&1
rc=$?
sed 's/^/# /' "$TMP/bench.out"
if [ $rc -eq 77 ]; then
    echo "# bench/run.sh skipped itself (no /usr/bin/time?): not counted"
else
    check "bench/run.sh 20 runs and junheng agrees with pandas" [ $rc -eq 0 ]
    check "bench/run.sh compared every figure" \
        grep -q "agreement: 560 figures compared, 0 differ" "$TMP/bench.out"
fi

# --- 2. grouping by county and year ----------------------------------------
gen 4 --years 2021,2022,2023 --out "$TMP/years.csv"
expect_exit "years: batch" 0 "$BIN" batch "$TMP/years.csv" -f json --no-charts
cp "$TMP/out" "$TMP/years.json"
check "years: 4 counties x 3 years = 12 groups" \
    pyjson "$TMP/years.json" 'd["counties"] == 4 and d["groups"] == 12 and d["has_years"]'
check "years: each county has 2021, 2022, 2023 in order" \
    pyjson "$TMP/years.json" '[r["year"] for r in d["results"]] == [2021, 2022, 2023] * 4'
check "years: ranks run within each year and level" \
    pyjson "$TMP/years.json" 'all(lv["ranked"] == 4 and 1 <= lv["rank"] <= 4 for r in d["results"] for lv in r["levels"])'
"$PY" "$SRC/bench/reference_pandas.py" "$TMP/years.csv" \
    --compare "$TMP/years.json" >"$TMP/cmp" 2>/dev/null
check "years: every figure agrees with pandas" [ $? -eq 0 ]
expect_exit "trend of one county" 0 "$BIN" trend "$TMP/years.csv" \
    --county-name "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["county"])' "$TMP/years.json")" -f json
check "trend: three years, seven CVs each" \
    pyjson "$TMP/out" 'd["years"] == [2021, 2022, 2023] and all(len(i["cv"]) == 3 for l in d["levels"] for i in l["indicators"])'
expect_exit "trend needs --county-name with several counties" 2 \
    "$BIN" trend "$TMP/years.csv"
check "trend: the message asks for --county-name in Chinese" \
    grep -qF "junheng: 输入中有 4 个县：请用 --county-name NAME 选择其中一个" "$TMP/err"
expect_exit "trend of a county not in the input" 3 \
    "$BIN" trend "$TMP/years.csv" --county-name 没有这个县
check "trend: an unknown county is named, in Chinese" \
    grep -qF "junheng: 输入中没有名为“没有这个县”的县（输入共有 4 个县）" "$TMP/err"
expect_exit "trend of a county not in the input, --lang en" 3 \
    "$BIN" trend "$TMP/years.csv" --county-name 没有这个县 --lang en
check "trend --lang en: an unknown county is named in English" \
    grep -qF "junheng: no county '没有这个县' in the input (it has 4)" "$TMP/err"

# The same school code in two counties is fine; twice in one is not.
cat >"$TMP/codes.csv" <<'EOF'
县区,学校代码,学校名称,学校类型,小学在校生数,初中在校生数,高中在校生数,高于规定学历教师数,县级以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数
甲县,001,甲一小,小学,400,0,0,24,5,5,2400,4000,1000000,12
甲县,002,甲二小,小学,300,0,0,15,3,3,1500,2600,700000,8
乙县,001,乙一小,小学,500,0,0,30,6,6,3000,5000,1300000,14
乙县,002,乙二小,小学,200,0,0,9,2,2,1000,1500,450000,5
EOF
expect_exit "codes: a code repeated across counties" 0 \
    "$BIN" batch "$TMP/codes.csv" -f json --no-charts
check "codes: two counties, two schools each" \
    pyjson "$TMP/out" '[(r["county"], r["levels"][0]["schools"]) for r in d["results"]] == [("甲县", 2), ("乙县", 2)]'
sed 's/^乙县,002/甲县,001/' "$TMP/codes.csv" >"$TMP/dup.csv"
expect_exit "codes: a code repeated within a county" 3 \
    "$BIN" batch "$TMP/dup.csv" --no-charts --lang en
check "codes: the message names the line and the duplicate" \
    grep -q "dup.csv:5:2: .*duplicate school code '001'" "$TMP/err"
# A county with no school to evaluate: the error says which county, in
# Chinese by default (a full-width colon after the label), English with
# --lang en.
sed 's/^甲县,001,甲一小,小学,[0-9]*/甲县,001,甲一小,教学点,10/; s/^甲县,002,甲二小,小学,[0-9]*/甲县,002,甲二小,教学点,20/' \
    "$TMP/codes.csv" >"$TMP/nokids.csv"
expect_exit "no school evaluated in one county" 3 \
    "$BIN" batch "$TMP/nokids.csv" --no-charts --out "$TMP/nokids"
check "no school evaluated: Chinese, labelled with the county" \
    grep -q "nokids.csv: 甲县：没有参与评估的学校：全部2行都被排除在外" "$TMP/err"
expect_exit "no school evaluated in one county, english" 3 \
    "$BIN" batch "$TMP/nokids.csv" --no-charts --out "$TMP/nokids" --lang en
check "no school evaluated: English, labelled with the county" \
    grep -q "nokids.csv: 甲县: no school is evaluated: all 2 rows were excluded$" "$TMP/err"

# --- 3. per-county folders and hostile county names -------------------------
mkdir -p "$TMP/h"
{
    head -1 "$TMP/codes.csv"
    sed -n 2p "$TMP/codes.csv" | sed 's/^甲县/..\/evil/'
    sed -n 3p "$TMP/codes.csv" | sed 's/^甲县/..\/evil/'
    sed -n 2p "$TMP/codes.csv" | sed 's/^甲县/\/tmp\/abs/'
    sed -n 2p "$TMP/codes.csv" | sed 's/^甲县/.hidden/'
    sed -n 2p "$TMP/codes.csv" | sed 's/^甲县/charts/'
    sed -n 2p "$TMP/codes.csv" | sed 's/^甲县/a\\\\b/'
    sed -n 2p "$TMP/codes.csv" | sed 's/^甲县/"x`touch PWNED`$(touch PWNED2)"/'
    sed -n 4p "$TMP/codes.csv"
} >"$TMP/h/hostile.csv"
before=$(cd "$TMP" && find . -path ./h/out -prune -o -print | sort)
(cd "$TMP/h" && "$BIN" batch hostile.csv --out out --per-county --jobs 2 \
    >"$TMP/out" 2>"$TMP/err")
rc=$?
check "hostile: batch --per-county exits 0" [ $rc -eq 0 ]
after=$(cd "$TMP" && find . -path ./h/out -prune -o -print | sort)
check "hostile: nothing written outside the output folder" \
    [ "$before" = "$after" -a ! -e "$TMP/evil" -a ! -e /tmp/abs ]
check "hostile: ../evil has its report inside the folder" \
    [ -s "$TMP/h/out/_._evil/report.xlsx" -a -s "$TMP/h/out/_._evil/report.json" ]
check "hostile: every county folder is a plain name inside out/" \
    [ "$(find "$TMP/h/out" -mindepth 1 -maxdepth 1 -type d | wc -l)" -eq 8 ]
check "hostile: a county called charts does not take the charts folder" \
    [ -s "$TMP/h/out/charts-2/report.json" ]
check "hostile: no command ran" \
    [ -z "$(find "$TMP" -name 'PWNED*' 2>/dev/null)" -a ! -e /PWNED ]
check "hostile: summary.json names each folder" \
    pyjson "$TMP/h/out/summary.json" 'sorted(r["folder"] for r in d["results"]) == sorted(["_._evil", "_tmp_abs", "_hidden", "charts-2", "a__b", "x`touch PWNED`$(touch PWNED2)", "乙县"])'
check "hostile: no staging folder left (only the manifest is hidden)" \
    [ -z "$(find "$TMP/h/out" -name '.*' -not -path "$TMP/h/out/.junheng-manifest")" ]
if command -v gnuplot >/dev/null; then
    check "hostile: per-county charts and the distribution charts render" \
        [ -s "$TMP/h/out/_._evil/charts/primary-cv.png" -a \
          -s "$TMP/h/out/charts/cv-primary.png" -a \
          -s "$TMP/h/out/charts/cv-primary.pdf" ]
fi
# A second run without one county removes that county's old folder, and
# only folders the earlier summary.json names.
grep -v '^\.\./evil' "$TMP/h/hostile.csv" >"$TMP/h/fewer.csv"
mkdir -p "$TMP/h/out/mine" && echo keep >"$TMP/h/out/mine/notes.txt"
(cd "$TMP/h" && "$BIN" batch fewer.csv --out out --per-county --no-charts \
    >/dev/null 2>&1)
check "rerun: a county gone from the input leaves no folder behind" \
    [ ! -e "$TMP/h/out/_._evil" -a -s "$TMP/h/out/乙县/report.json" ]
check "rerun: a folder of the user's own in the output folder is kept" \
    [ -s "$TMP/h/out/mine/notes.txt" ]

# Years: DIR/<county>/<year>/ and a trend chart per county.
expect_exit "years: --per-county" 0 "$BIN" batch "$TMP/years.csv" \
    --out "$TMP/yout" --per-county --jobs 2
first=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["folder"])' "$TMP/yout/summary.json")
check "years: DIR/<county>/<year>/report.xlsx" \
    [ -s "$TMP/yout/$first/2021/report.xlsx" -a -s "$TMP/yout/$first/2023/report.json" ]
if command -v gnuplot >/dev/null; then
    check "years: trend charts per county and distributions per year" \
        [ -s "$TMP/yout/$first/trend-primary.png" -a \
          -s "$TMP/yout/$first/trend-junior.pdf" -a \
          -s "$TMP/yout/charts/cv-primary-2022.png" ]
fi

# --- 4. --jobs 2 gives the same bytes as --jobs 1 -----------------------------
gen 60 --out "$TMP/c60.csv"
"$BIN" batch "$TMP/c60.csv" --out "$TMP/j1" --jobs 1 --no-charts >/dev/null 2>&1
"$BIN" batch "$TMP/c60.csv" --out "$TMP/j2" --jobs 2 --no-charts >/dev/null 2>&1
check "jobs: summary.json identical with 1 and 2 jobs" \
    cmp -s "$TMP/j1/summary.json" "$TMP/j2/summary.json"
check "jobs: summary.xlsx identical with 1 and 2 jobs" \
    cmp -s "$TMP/j1/summary.xlsx" "$TMP/j2/summary.xlsx"
check "jobs: summary.xlsx has the summary and the failing sheets" \
    "$PY" -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
sys.exit(0 if "县区汇总" in wb and "未达标县区及原因" in wb else 1)' "$TMP/j1/summary.xlsx"

# --- 4b. a file large enough (4 MB) to be read and parsed in pieces ------------
# With --jobs 2 each thread reads, checks and parses its own run of lines;
# a quote (a field may span lines) or a byte that is not UTF-8 anywhere
# sends the whole file back to the ordinary reader.  Either way the bytes
# written, and the lines named, are those of one parser.
gen 700 --out "$TMP/c700.csv"
n700=$(wc -l <"$TMP/c700.csv")
"$BIN" batch "$TMP/c700.csv" --out "$TMP/p1" --jobs 1 --no-charts >/dev/null 2>&1
"$BIN" batch "$TMP/c700.csv" --out "$TMP/p2" --jobs 2 --no-charts >/dev/null 2>&1
check "pieces: a $(($(wc -c <"$TMP/c700.csv") / 1048576)) MB file gives the same summary.json with 1 and 2 jobs" \
    eval '[ "$(wc -c <"$TMP/c700.csv")" -gt 4194304 ] &&
          cmp -s "$TMP/p1/summary.json" "$TMP/p2/summary.json"'
check "pieces: the warnings name lines past the first piece" \
    pyjson "$TMP/p2/summary.json" \
    "max(int(w['line']) for w in d['warnings']) > $n700 * 3 // 4"
late=$((n700 - 40))
awk -F, -v n="$late" 'NR == n { OFS = ","; $3 = "\"" $3 "\"" } { print }' \
    "$TMP/c700.csv" >"$TMP/quoted.csv"
"$BIN" batch "$TMP/quoted.csv" --out "$TMP/p3" --jobs 2 --no-charts >/dev/null 2>&1
check "pieces: a quoted name near the end reads as the plain file does" \
    eval 'sed "s/quoted\.csv/c700.csv/g" "$TMP/p3/summary.json" |
          cmp -s - "$TMP/p1/summary.json"'
awk -F, -v n="$late" 'NR == n { OFS = ","; $7 = "abc" } { print }' \
    "$TMP/c700.csv" >"$TMP/late.csv"
expect_exit "pieces: a bad value near the end: exit 3" 3 "$BIN" batch \
    "$TMP/late.csv" --jobs 2 --no-charts --lang en
check "pieces: the message names the line of the whole file" \
    grep -q "late.csv:$late:7: .*'abc' is not a number" "$TMP/err"
"$PY" - "$TMP/c700.csv" "$late" >"$TMP/notutf8.csv" <<'PY'
import sys
lines = open(sys.argv[1], "rb").read().split(b"\n")
n = int(sys.argv[2]) - 1
f = lines[n].split(b",")
f[2] += b"\xff"  # a byte that is never UTF-8, in the school name
lines[n] = b",".join(f)
sys.stdout.buffer.write(b"\n".join(lines))
PY
"$BIN" batch "$TMP/notutf8.csv" --out "$TMP/u1" --jobs 1 --no-charts \
    >/dev/null 2>"$TMP/err1"
echo "exit $?" >>"$TMP/err1"
"$BIN" batch "$TMP/notutf8.csv" --out "$TMP/u2" --jobs 2 --no-charts \
    >/dev/null 2>"$TMP/err2"
echo "exit $?" >>"$TMP/err2"
check "pieces: a byte that is not UTF-8 near the end: refused at its line, as with one job" \
    eval '[ "$(grep -c "$(printf "\\377")" "$TMP/notutf8.csv")" -eq 1 ] &&
          cmp -s "$TMP/err1" "$TMP/err2" && [ ! -e "$TMP/u2" ] &&
          grep -q "notutf8.csv:$late: 文字编码既不是 UTF-8 也不是 GBK/GB18030（无效字节 0xFF，位于第 [0-9]* 字节后）；请用 --encoding 指明编码" "$TMP/err2"'

expect_exit "pieces: --encoding utf-8 and a byte that is not: exit 3" 3 \
    "$BIN" batch "$TMP/notutf8.csv" --encoding utf-8 --jobs 2 --no-charts
check "pieces: ... named at its line of the whole file" \
    grep -q "notutf8.csv:$late: 文字不是有效的 UTF-8 编码（无效字节 0xFF，位于第 [0-9]* 字节后）" "$TMP/err"
expect_exit "pieces: the same with --lang en" 3 \
    "$BIN" batch "$TMP/notutf8.csv" --encoding utf-8 --jobs 2 --no-charts --lang en
check "pieces: ... in English with --lang en" \
    grep -q "notutf8.csv:$late: text is not valid UTF-8: invalid byte 0xFF at offset [0-9]*$" "$TMP/err"

# --- 5. a bad row in one county: exit 3, file:line:col, nothing written -----
awk -F, 'NR == 1000 { OFS = ","; $7 = "abc" } { print }' "$TMP/c60.csv" \
    >"$TMP/bad.csv"
expect_exit "bad row: exit 3" 3 "$BIN" batch "$TMP/bad.csv" --out "$TMP/badout" \
    --jobs 2 --per-county --lang en
check "bad row: the message names file, line and column" \
    grep -q "bad.csv:1000:7: .*'abc' is not a number" "$TMP/err"
check "bad row: nothing written" [ ! -e "$TMP/badout" ]
expect_exit "bad row: the same error with one job" 3 "$BIN" batch "$TMP/bad.csv" \
    --jobs 1 --no-charts
check "bad row: one job names the same cell" \
    grep -q "bad.csv:1000:7: " "$TMP/err"
awk -F, 'NR == 30 { OFS = ","; $1 = "" } { print }' "$TMP/c60.csv" \
    >"$TMP/nocounty.csv"
expect_exit "blank county in a CSV row: exit 3" 3 "$BIN" batch "$TMP/nocounty.csv"
check "blank county: names the cell" grep -q "nocounty.csv:30:1: " "$TMP/err"

# --- 6. a folder of one file per county --------------------------------------
gen 60 --split "$TMP/split"
expect_exit "folder: batch DIR" 0 "$BIN" batch "$TMP/split" -f json --no-charts
cp "$TMP/out" "$TMP/split.json"
"$BIN" batch "$TMP/c60.csv" -f json --no-charts >"$TMP/one.json" 2>/dev/null
check "folder: the same figures as the single file" "$PY" - "$TMP/split.json" \
    "$TMP/one.json" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
key = lambda d: {r["county"]: r["levels"] for r in d["results"]}
sys.exit(0 if key(a) == key(b) and len(a["inputs"]) == 60 else 1)
PY
cp "$TMP/split/$(ls "$TMP/split" | head -1)" "$TMP/split/copy.csv"
expect_exit "folder: one county in two files" 3 "$BIN" batch "$TMP/split" --no-charts
check "folder: the message names both files" \
    grep -q "的数据出现在两个文件中：“$TMP/split/.*”（第 [0-9]* 行）和“$TMP/split/.*”；同一县（区）同一年份的数据只能来自一个文件" "$TMP/err"
expect_exit "folder: one county in two files, --lang en" 3 "$BIN" batch "$TMP/split" --no-charts --lang en
check "folder: the message names both files in English" \
    grep -q "each county-year must come from one file" "$TMP/err"

# --- 7. progress only on a terminal; usage ------------------------------------
expect_exit "no terminal: no progress line" 0 "$BIN" batch "$TMP/c60.csv" \
    --no-charts
check "no terminal: stderr has no carriage return" \
    eval '! grep -q "$(printf "\r")" "$TMP/err"'
expect_exit "--per-county needs --out" 2 "$BIN" batch "$TMP/c60.csv" --per-county
check "--per-county needs --out: says so in Chinese" \
    grep -qF "junheng: --per-county 需要同时给出 --out DIR" "$TMP/err"
expect_exit "bad --jobs" 2 "$BIN" batch "$TMP/c60.csv" --jobs 0
check "bad --jobs: says so in Chinese" \
    grep -qF "junheng: --jobs 的值应为 1 到 256 之间的数字，不能是“0”" "$TMP/err"
expect_exit "bad --jobs, --lang en" 2 "$BIN" batch "$TMP/c60.csv" --jobs 0 --lang en
check "bad --jobs, --lang en: the English text" \
    grep -qF "junheng: --jobs needs a number from 1 to 256, not '0'" "$TMP/err"
expect_exit "no input" 2 "$BIN" batch
check "no input: says so in Chinese" \
    grep -qF "junheng: 没有给出输入文件（见“junheng batch --help”）" "$TMP/err"
mkdir -p "$TMP/empty"
expect_exit "a folder without school files" 3 "$BIN" batch "$TMP/empty"
check "a folder without school files: says so in Chinese" \
    grep -qF "文件夹“$TMP/empty”中没有学校数据文件" "$TMP/err"
expect_exit "no gnuplot: everything else written" 0 "$BIN" batch \
    "$SRC/datasets/qingxi-county.csv" --out "$TMP/nognuplot" --gnuplot /nonexistent/gnuplot
check "no gnuplot: a Chinese warning that the charts were skipped" \
    grep -q "^junheng: 警告：.*gnuplot.*；已跳过图表，其余文件均已写出$" "$TMP/err"
expect_exit "no gnuplot, --lang en" 0 "$BIN" batch "$SRC/datasets/qingxi-county.csv" \
    --out "$TMP/nognuplot-en" --gnuplot /nonexistent/gnuplot --lang en
check "no gnuplot, --lang en: the English warning" \
    grep -q "^junheng: warning: .*gnuplot.*; charts skipped, everything else written$" "$TMP/err"
expect_exit "--help" 0 "$BIN" batch --help
check "--help documents the ranking (Chinese by default)" \
    grep -q "^排名（同一年份、同一学段内）" "$TMP/out"
check "--help: the Chinese usage line" \
    grep -qx "用法：junheng batch 输入... \[选项\]" "$TMP/out"
check "--help: no English sentence in the Chinese help" \
    eval '! grep -qE "Ranking|Options:|usage:|show this help" "$TMP/out"'
expect_exit "--help --lang en" 0 "$BIN" batch --help --lang en
check "--help --lang en documents the ranking" grep -q "Ranking" "$TMP/out"
if command -v script >/dev/null; then
    script -qec "$BIN batch $TMP/c60.csv --no-charts --jobs 2" /dev/null \
        >"$TMP/tty.out" 2>&1
    check "terminal: progress with counties done and elapsed time (Chinese)" \
        grep -q "县 60/60  已用 [0-9]*:[0-9][0-9]" "$TMP/tty.out"
    script -qec "$BIN batch $TMP/c60.csv --no-charts --jobs 2 --lang en" \
        /dev/null >"$TMP/tty.out" 2>&1
    check "terminal, --lang en: progress with counties done and elapsed time" \
        grep -q "counties 60/60  [0-9]*:[0-9][0-9] elapsed" "$TMP/tty.out"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
