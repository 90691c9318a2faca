#!/usr/bin/env bash
# End-to-end tests of `junheng analyze`, run by CTest:
#   test_analyze.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# Every figure of the demo county is checked against tests/cli/reference.py,
# an independent implementation of the rules in plain Python.
set -u
bin=$(realpath "$1") src=$(realpath "$2") py=${3:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
check() { # check NAME COMMAND...
    local name=$1; shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}
# expect_exit NAME CODE COMMAND...: run, keep stdout/stderr in $tmp/out,err
expect_exit() {
    local name=$1 code=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$code" ]; then ok "$name (exit $rc)"
    else bad "$name: exit $rc, expected $code; stderr: $(head -c 300 "$tmp/err")"; fi
}

demo=$src/datasets/qingxi-county.csv
demo_gbk=$src/datasets/qingxi-county-gbk.csv

# 1. The demo's JSON agrees with the independent reference, figure by figure.
"$py" "$src/tests/cli/reference.py" "$demo" >"$tmp/ref.json"
expect_exit "demo json" 0 "$bin" analyze "$demo" --format json
cp "$tmp/out" "$tmp/demo.json"
check "demo json matches the reference" \
    "$py" "$src/tests/cli/compare_json.py" "$tmp/ref.json" "$tmp/demo.json"
expect_exit "demo gbk json" 0 "$bin" analyze "$demo_gbk" -f json
check "GBK file gives the same figures" \
    "$py" "$src/tests/cli/compare_json.py" "$tmp/ref.json" "$tmp/out"
"$py" "$src/tests/cli/reference.py" "$src/tests/data/hand3.csv" >"$tmp/ref3.json"
expect_exit "hand3 json" 0 "$bin" analyze "$src/tests/data/hand3.csv" -f json
check "hand3 matches the reference" \
    "$py" "$src/tests/cli/compare_json.py" "$tmp/ref3.json" "$tmp/out"

# 2. Hand-checked figures from the demo's README and the contract fields.
check "demo: primary sports-area CV 0.552 fails, junior CVs pass" "$py" - "$tmp/demo.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["standard"] == "quality-2017" and d["pass"] is False
p, j = d["levels"]
assert (p["level"], j["level"]) == ("primary", "junior")
assert (p["schools"], j["schools"]) == (28, 15)
assert (p["students"], j["students"]) == (17868, 12340)
sports = [i for i in p["indicators"] if i["id"] == "sports_area_per_student"][0]
assert round(sports["cv"], 3) == 0.552 and sports["cv_pass"] is False
assert sports["cv_limit"] == 0.5
assert all(i["cv_pass"] for i in j["indicators"])
assert p["cv_pass"] is False and j["cv_pass"] is True
failing = sorted(s["code"] for s in d["schools"] if not s["pass"])
assert failing == ["3623010002", "3623010012", "3623010022", "3623010033",
                   "3623010037"], failing
reasons = {e["code"]: e["reason"] for e in d["excluded"]}
assert reasons["3623010043"] == "special" and reasons["3623010027"] == "include_no"
assert len(d["excluded"]) == 6
w = [x for x in d["warnings"] if x["code"] == "3623010038"]
assert len(w) == 1 and "student share" in w[0]["message"]
for key in ("id", "name", "threshold", "mean", "cv", "cv_limit", "cv_pass",
            "min", "max", "below_threshold"):
    assert key in p["indicators"][0], key
for key in ("code", "name", "level", "students", "values", "met", "pass", "failed"):
    assert key in d["schools"][0], key
PY

# 2b. Urban/town/rural figures recomputed from the schools' own values.
check "by_locality: weighted mean and CV within each locality" "$py" - "$tmp/demo.json" "$demo" <<'PY'
import csv, json, math, sys
d = json.load(open(sys.argv[1]))
loc = {}
names = {"城区": "urban", "镇区": "town", "乡村": "rural"}
with open(sys.argv[2], encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        loc[r["学校代码"]] = names.get(r["城乡类型"], "unknown")
checked = 0
for lv in d["levels"]:
    for ind in lv["indicators"]:
        for g in ind["by_locality"]:
            xs = [(s["students"], s["values"][ind["id"]]) for s in d["schools"]
                  if s["level"] == lv["level"] and loc[s["code"]] == g["locality"]]
            P = sum(p for p, _ in xs)
            m = sum(p * x for p, x in xs) / P
            cv = math.sqrt(sum(p * (x - m) ** 2 for p, x in xs) / P) / m
            assert len(xs) == g["schools"] and P == g["students"], g
            assert abs(m - g["mean"]) <= 1e-9 * abs(m), (g, m)
            assert abs(cv - g["cv"]) <= 1e-9 * max(cv, 1e-12), (g, cv)
            checked += 1
assert checked == 42, checked  # 2 levels x 7 indicators x 3 localities
PY

# 3. Text output: the verdict, the failing schools, both languages.
expect_exit "demo text" 0 "$bin" analyze "$demo"
check "text names the failing schools" grep -q "3623010012 桃源镇溪口小学" "$tmp/out"
check "text gives the verdict" grep -q "未达到优质均衡资源配置要求" "$tmp/out"
check "text warns on stderr (in Chinese by default)" grep -q "警告：.*qingxi-county.csv:39" "$tmp/err"
check "the warning is the Chinese text" grep -q "只填了全校合计" "$tmp/err"
expect_exit "demo text in English" 0 "$bin" analyze "$demo" --lang en
check "--lang en warns in English" grep -q "warning: .*qingxi-county.csv:39: .*given only for the whole school" "$tmp/err"
expect_exit "demo text en" 0 "$bin" analyze "$demo" --lang en
check "english text" grep -q "does not meet the resource standard" "$tmp/out"
check "text shows the locality table" grep -q "Urban" "$tmp/out"

# 4. Exit codes.
expect_exit "--strict on a failing county" 1 "$bin" analyze "$demo" --strict
expect_exit "--strict on a passing county" 0 "$bin" analyze "$src/tests/data/hand3.csv" --strict
# The usage errors say in Chinese (the default) what to write instead.
expect_exit "no file" 2 "$bin" analyze
check "no file: 没有给出输入文件, pointing at --help" grep -q "^junheng: 没有给出输入文件（用法见“junheng analyze --help”）$" "$tmp/err"
expect_exit "two files" 2 "$bin" analyze "$demo" "$demo"
check "two files: 只能给出一个输入文件" grep -q "^junheng: 只能给出一个输入文件（每次只分析一个）$" "$tmp/err"
expect_exit "unknown option" 2 "$bin" analyze "$demo" --bogus
check "unknown option: 未知选项, pointing at --help" grep -q "^junheng: 未知选项“--bogus”（可用的选项见“junheng analyze --help”）$" "$tmp/err"
expect_exit "option without its value" 2 "$bin" analyze "$demo" --out
check "option without its value: 缺少参数值" grep -q "^junheng: 选项“--out”后面缺少参数值" "$tmp/err"
expect_exit "bad format" 2 "$bin" analyze "$demo" --format xml
check "bad format: says text or json" grep -q "^junheng: 未知的格式“xml”：--format 可写 text（文字）或 json$" "$tmp/err"
expect_exit "bad encoding" 2 "$bin" analyze "$demo" --encoding latin9
check "bad encoding: lists the encodings" grep -q "^junheng: 未知的编码“latin9”：--encoding 可写 auto、utf-8、gbk、gb18030 或 utf-16le$" "$tmp/err"
expect_exit "bad language" 2 "$bin" analyze "$demo" --lang fr
check "bad language: says zh or en" grep -q "^junheng: 未知的语言“fr”：--lang 可写 zh（中文）或 en（英文）$" "$tmp/err"
expect_exit "empty --out" 2 "$bin" analyze "$demo" --out ""
check "empty --out: asks for a folder name" grep -q "^junheng: --out 后面要写文件夹名称，不能为空$" "$tmp/err"
# English with --lang en, byte for byte as before, wherever --lang stands.
expect_exit "unknown option, English" 2 "$bin" analyze --lang en "$demo" --bogus
check "unknown option in English" grep -qx "junheng: unknown option '--bogus' (see 'junheng analyze --help')" "$tmp/err"
expect_exit "bad encoding, English" 2 "$bin" analyze "$demo" --encoding latin9 --lang en
check "bad encoding in English" grep -qx "junheng: unknown encoding 'latin9' (auto, utf-8, gbk, gb18030, utf-16le)" "$tmp/err"
JUNHENG_LANG=en expect_exit "no file, JUNHENG_LANG=en" 2 "$bin" analyze
check "no file in English with JUNHENG_LANG=en" grep -qx "junheng: no input file given (see 'junheng analyze --help')" "$tmp/err"
expect_exit "unknown command" 2 "$bin" frobnicate
expect_exit "--help" 0 "$bin" analyze --help
check "--help shows the Chinese usage" grep -q "^用法：junheng analyze 文件 \[选项\]$" "$tmp/out"
check "--help is Chinese: no English option text" bash -c "! grep -q 'write report.xlsx' '$tmp/out'"
expect_exit "--help --lang en" 0 "$bin" analyze --help --lang en
check "--help --lang en shows the English usage" grep -q "^usage: junheng analyze FILE \[options\]$" "$tmp/out"
expect_exit "top --help" 0 "$bin" --help
check "top --help lists analyze" grep -q "analyze" "$tmp/out"
expect_exit "--version" 0 "$bin" --version
check "--version prints a version" grep -Eq "^junheng [0-9]+\.[0-9]+" "$tmp/out"

# 5. Bad input: a clear message with file:line:col, exit 3, no output.
head -1 "$src/tests/data/hand3.csv" >"$tmp/bad.csv"
sed -n 2p "$src/tests/data/hand3.csv" >>"$tmp/bad.csv"
sed -n 3p "$src/tests/data/hand3.csv" | sed 's/,1000,/,abc,/' >>"$tmp/bad.csv"
expect_exit "bad number" 3 "$bin" analyze "$tmp/bad.csv" --out "$tmp/badout" --lang en
check "message names file, line and column" \
    grep -q "bad.csv:3:10: .*'abc' is not a number" "$tmp/err"
check "no output folder for bad input" test ! -e "$tmp/badout"
expect_exit "missing file" 3 "$bin" analyze "$tmp/nonexistent.csv"
check "missing file message" grep -q "nonexistent.csv: 无法打开文件：没有这个文件或文件夹$" "$tmp/err"
expect_exit "missing file, --lang en" 3 "$bin" analyze "$tmp/nonexistent.csv" --lang en
check "missing file message in English" grep -q "nonexistent.csv: cannot open: No such file or directory$" "$tmp/err"
printf 'code,name,type,students_primary\n"1,broken\n' >"$tmp/quote.csv"
expect_exit "broken quote" 3 "$bin" analyze "$tmp/quote.csv"
check "broken quote names the line and column" grep -q "quote.csv:2:1: 引号有误：从这一行开始的带引号单元格直到文件末尾都没有闭合" "$tmp/err"
expect_exit "broken quote (--lang en)" 3 "$bin" analyze "$tmp/quote.csv" --lang en
check "broken quote names the line and column (--lang en)" grep -q "quote.csv:2:1: broken quoting" "$tmp/err"

# Without gnuplot the charts are skipped with a warning, the rest written.
expect_exit "no gnuplot" 0 "$bin" analyze "$demo" --out "$tmp/nogp" --gnuplot "$tmp/no-such-gnuplot"
check "no gnuplot: 警告 ... 未生成图表，其余均已写出" grep -q "^junheng: 警告：.*no-such-gnuplot.*；未生成图表，其余均已写出$" "$tmp/err"
check "no gnuplot: report.xlsx written all the same" test -s "$tmp/nogp/report.xlsx"
expect_exit "no gnuplot, English" 0 "$bin" analyze "$demo" --out "$tmp/nogp" --gnuplot "$tmp/no-such-gnuplot" --lang en
check "no gnuplot in English: charts skipped, everything else written" grep -q "^junheng: warning: .*no-such-gnuplot.*; charts skipped, everything else written$" "$tmp/err"

# 6. Reports folder: JSON there equals stdout's JSON; nothing staged is left.
expect_exit "reports" 0 "$bin" analyze "$demo" --out "$tmp/rep" --no-charts -f json
check "report.json written" cmp -s "$tmp/out" "$tmp/rep/report.json"
check "no staging folder left" test -z "$(find "$tmp/rep" -name '.junheng-staging-*')"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
