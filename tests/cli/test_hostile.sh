#!/usr/bin/env bash
# Hostile input for `junheng analyze`, run by CTest:
#   test_hostile.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# Each case must give either a correct result or a clear message naming the
# file and line (and column), the documented exit code, and no output files.
set -u
bin=$(realpath "$1") src=$(realpath "$2") py=${3:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

H="code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
ROW2="2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5"

# rejects NAME FILE PATTERN: exit 3, stderr matches PATTERN, no output.
rejects() {
    local name=$1 file=$2 pattern=$3 out="$tmp/out-$RANDOM"
    # --lang en: the patterns match the English messages.
    "$bin" analyze "$file" --out "$out" --lang en >"$tmp/stdout" 2>"$tmp/stderr"
    local rc=$?
    if [ $rc -ne 3 ]; then bad "$name: exit $rc, expected 3 ($(head -c 200 "$tmp/stderr"))"
    elif ! grep -Eq -- "$pattern" "$tmp/stderr"; then bad "$name: message '$(cat "$tmp/stderr")' lacks /$pattern/"
    elif [ -e "$out" ]; then bad "$name: output folder was created"
    elif [ -s "$tmp/stdout" ]; then bad "$name: printed a partial report"
    else ok "$name"; fi
}
# rejects_zh NAME FILE PATTERN [ARGS...]: as rejects, in the default
# language (Chinese), with ARGS after the file.
rejects_zh() {
    local name=$1 file=$2 pattern=$3 out="$tmp/out-$RANDOM"
    shift 3
    env -u JUNHENG_LANG "$bin" analyze "$file" --out "$out" "$@" \
        >"$tmp/stdout" 2>"$tmp/stderr"
    local rc=$?
    if [ $rc -ne 3 ]; then bad "$name: exit $rc, expected 3 ($(head -c 200 "$tmp/stderr"))"
    elif ! grep -Eq -- "$pattern" "$tmp/stderr"; then bad "$name: message '$(cat "$tmp/stderr")' lacks /$pattern/"
    elif grep -Eq "[a-z]{3,} [a-z]{3,}" "$tmp/stderr"; then bad "$name: English words in the Chinese message '$(cat "$tmp/stderr")'"
    elif [ -e "$out" ]; then bad "$name: output folder was created"
    elif [ -s "$tmp/stdout" ]; then bad "$name: printed a partial report"
    else ok "$name"; fi
}
# accepts NAME FILE [PYTHON-CHECK]: exit 0 and the JSON passes the check.
accepts() {
    local name=$1 file=$2 check=${3:-True}
    if ! "$bin" analyze "$file" -f json >"$tmp/json" 2>"$tmp/stderr"; then
        bad "$name: exit $?, $(head -c 200 "$tmp/stderr")"; return
    fi
    if "$py" -c "import json,sys; d=json.load(open('$tmp/json')); sys.exit(0 if ($check) else 1)"; then
        ok "$name"
    else bad "$name: check failed: $check"; fi
}

csv() { local f="$tmp/$1"; shift; printf '%s\n' "$@" >"$f"; echo "$f"; }

# Encodings and line endings.
printf '%s\n1,\x80\x80,小学\n' "$H" >"$tmp/enc.csv"
rejects "bytes valid in no encoding" "$tmp/enc.csv" "enc.csv:2: text is neither UTF-8 nor GBK"
f=$(csv lf.csv "$H" "1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3" "$ROW2")
printf '%s\r\n1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3\n%s\r\n' "$H" "$ROW2" >"$tmp/mixed.csv"
"$bin" analyze "$f" -f json | grep -v '"source"\|"county"' >"$tmp/a.json"
"$bin" analyze "$tmp/mixed.csv" -f json | grep -v '"source"\|"county"' >"$tmp/b.json"
if cmp -s "$tmp/a.json" "$tmp/b.json"; then ok "mixed CRLF/LF line endings"; else bad "mixed line endings change the result"; fi

# Quoting and sizes.
rejects "stray quote" "$(csv q.csv "$H" '1,甲"小学,小学,100,0,0,5,1,1,600,800,250000,3')" "q.csv:2:2: broken quoting"
rejects "unclosed quote" "$(csv q2.csv "$H" "$ROW2" '"3,丙小学,小学,100,0,0,5,1,1,600,800,250000,3')" "q2.csv:3:1: broken quoting"
"$py" -c "
import sys
sys.stdout.write('$H\n1,' + 'x' * (10 * 1024 * 1024) + ',小学,100,0,0,5,1,1,600,800,250000,3\n')" >"$tmp/big.csv"
rejects "10 MB cell" "$tmp/big.csv" "big.csv:2:2: cell is longer than"
rejects "binary file" "$(printf 'code,name\x00\x01\x02\n' >"$tmp/bin.csv"; echo "$tmp/bin.csv")" "bin.csv:1: text contains a NUL byte"
rejects "a zip that is no workbook" "$(printf 'PK\x03\x04\x00\x00garbage' >"$tmp/zip.csv"; echo "$tmp/zip.csv")" "zip.csv: .*(damaged|truncated)"
# The same in Chinese (the default): what is wrong, then what to do.
rejects_zh "stray quote (Chinese)" "$tmp/q.csv" \
    "q.csv:2:2: 引号有误：有多余或未闭合的双引号；单元格内的双引号应写成两个（\"\"），或用 Excel、WPS 打开后另存为 .xlsx$"
rejects_zh "unclosed quote (Chinese)" "$tmp/q2.csv" \
    "q2.csv:3:1: 引号有误：从这一行开始的带引号单元格直到文件末尾都没有闭合；请补上缺少的双引号$"
rejects_zh "10 MB cell (Chinese)" "$tmp/big.csv" \
    "big.csv:2:2: 单元格超过 [0-9]+ 字节，不予读取；请缩短该单元格$"
rejects_zh "a zip that is no workbook (Chinese)" "$tmp/zip.csv" \
    "zip.csv: 工作簿已损坏或不完整（.*）；请重新复制或下载该文件，或用 Excel 或 WPS 打开后另存$"
rejects_zh "a zip without xl/workbook.xml (Chinese)" "$(
    "$py" -c "
import zipfile, sys
z = zipfile.ZipFile(sys.argv[1], 'w')
z.writestr('[Content_Types].xml', '<Types/>')
z.close()" "$tmp/noworkbook.xlsx"; echo "$tmp/noworkbook.xlsx")" \
    "noworkbook.xlsx: 不是 .xlsx 工作簿：zip 压缩包中没有“xl/workbook.xml”；请用 Excel 或 WPS 打开后另存为 .xlsx$"
# A workbook with a password to open is an OLE2 file holding an
# EncryptedPackage stream: say so, and what to do.
"$py" "$src/tests/cli/mk_encrypted_xlsx.py" "$tmp/locked.xlsx"
rejects_zh "an encrypted .xlsx (Chinese)" "$tmp/locked.xlsx" \
    "locked.xlsx: 工作簿设有打开密码（已加密），无法读取；请用 Excel 或 WPS 打开，取消密码后另存为 .xlsx$"
rejects "an encrypted .xlsx" "$tmp/locked.xlsx" \
    "locked.xlsx: the workbook is encrypted with a password: save an unprotected copy as .xlsx$"

# A million rows.  One county cannot have them: refused at the first row
# past the limit, quickly, with nothing written.  Spread over 5,000
# counties of 200 schools they are a national-scale batch: every county's
# figures must equal those of the same 200 schools analysed alone.
"$py" - "$tmp" <<'EOF'
import sys
tmp = sys.argv[1]
head = ("code,name,type,students_primary,students_junior,students_senior,"
        "degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,"
        "sports_area,equipment_value,multimedia_rooms")
def row(i):
    p = 100 + (i * 37) % 900
    return (f"{i},学校{i},小学,{p},0,0,{p // 20 + i % 7},{p // 80 + i % 3},"
            f"{p // 90 + 1},{p * 5 + i % 50},{p * 8 + i % 70},"
            f"{p * 2500 + i % 1000},{p // 40 + 1}")
with open(tmp + "/million.csv", "w") as f:
    f.write(head + "\n")
    f.writelines(row(i) + "\n" for i in range(1, 1000001))
rows = [row(i) for i in range(1, 201)]
with open(tmp + "/one200.csv", "w") as f:
    f.write(head + "\n" + "\n".join(rows) + "\n")
with open(tmp + "/million-batch.csv", "w") as f:
    f.write("县区," + head + "\n")
    for c in range(5000):
        f.writelines("县%04d,%s\n" % (c, r) for r in rows)
EOF
rejects "a million rows in one county" "$tmp/million.csv" \
    "million.csv:20002: more than 20000 schools in one county"
"$bin" analyze "$tmp/one200.csv" -f json >"$tmp/one200.json" 2>/dev/null
"$bin" batch "$tmp/million-batch.csv" --out "$tmp/mb" --no-charts \
    >/dev/null 2>"$tmp/mb.err"
rc=$?
if [ $rc -ne 0 ]; then bad "a million rows in 5,000 counties: exit $rc ($(head -c 200 "$tmp/mb.err"))"
elif "$py" - "$tmp/one200.json" "$tmp/mb/summary.json" <<'EOF'
import json, sys
one = json.load(open(sys.argv[1]))
want = {i["id"]: (i["mean"], i["cv"]) for l in one["levels"]
        if l["level"] == "primary" for i in l["indicators"]}
s = json.load(open(sys.argv[2]))
assert s["counties"] == 5000 and len(s["results"]) == 5000, s["counties"]
for r in s["results"]:
    assert r["rows"] == 200, r
    (lv,) = r["levels"]
    assert lv["schools"] == 200, lv
    for i in lv["indicators"]:
        m, cv = want[i["id"]]
        assert abs(i["mean"] - m) <= 1e-12 * abs(m), (r["county"], i)
        assert abs(i["cv"] - cv) <= 1e-12 * abs(cv), (r["county"], i)
EOF
then ok "a million rows in 5,000 counties: every county's figures are those of its 200 schools alone"
else bad "a million rows in 5,000 counties: figures differ from one county analysed alone"; fi

# A damaged .xls whose header declares 2.8 GB: FreeXL asks for it and, in
# junheng's child with its 2 GiB cap (not under sanitizers), cannot have it.
rejects "a damaged .xls declaring gigabytes" \
    "$src/tests/fuzz/regressions/xls/freexl-declares-2.8GB.xls" \
    "freexl-declares-2.8GB.xls: the workbook is damaged"
rejects_zh "a damaged .xls declaring gigabytes (Chinese)" \
    "$src/tests/fuzz/regressions/xls/freexl-declares-2.8GB.xls" \
    "freexl-declares-2.8GB.xls: 工作簿已损坏.*另存为 .xlsx（FreeXL 错误 -?[0-9]+）$"
# FreeXL itself reads past a stack buffer on this file (in junheng's child,
# which reports it): AddressSanitizer stops the child with its own report,
# so the message is checked in an ordinary build only.
if nm "$bin" 2>/dev/null | grep -q __asan_init; then
    echo "note: sanitized build; the FreeXL text-conversion case is checked in an ordinary build"
else
    rejects_zh "a .xls whose text FreeXL cannot convert (Chinese)" \
        "$src/tests/fuzz/regressions/xls/freexl-utf16-stack-underflow.xls" \
        "stack-underflow.xls: 工作簿中的文字无法转换为 UTF-8；请用 Excel 或 WPS 打开后另存为 .xlsx（FreeXL 错误 -?[0-9]+）$"
fi

# Bad values, each named by line and column.
for v in nan NaN inf -inf Infinity 1e999 -5 abc 0x10; do
    rejects "value '$v'" "$(csv v.csv "$H" "$ROW2" "1,甲小学,小学,100,0,0,5,1,1,$v,800,250000,3")" "v.csv:3:10: "
done
# 年级数: a whole number from 1 to the level's most grades (6, 4), and a
# village school's own count reaches 表Ⅱ-2 (the 六三 default otherwise).
for v in 0 7 2.5 -1; do
    rejects "grades_primary '$v'" "$(csv g.csv "$H,grades_primary" "1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3,$v")" "g.csv:2:14: grades_primary: "
done
rejects "a junior school of 5 grades" "$(csv gj.csv "$H,grades" "1,甲中学,初中,0,100,0,5,1,1,600,800,250000,3,5")" "gj.csv:2:14: grades: a junior school with 5 grades: expected 1 to 4"
f=$(csv g4.csv "$H,年级数" "1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3,4" "$ROW2,")
if "$bin" analyze "$f" --out "$tmp/g4" --no-charts >/dev/null 2>&1 &&
    "$py" - "$tmp/g4/report.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["表Ⅱ-2 小学"]
head = [c.value for c in ws[3]]
col = head.index("年级数")
got = {r[1]: r[col] for r in ws.iter_rows(min_row=4, values_only=True) if r[1]}
sys.exit(0 if got == {"1": 4, "2": 6} else 1)
PY
then ok "年级数 from the file in 表Ⅱ-2 (4), else 6"
else bad "年级数 from the file in 表Ⅱ-2"; fi
rejects "empty required value" "$(csv e.csv "$H" "1,甲小学,小学,100,0,0,5,1,1,,800,250000,3")" "e.csv:2:10: .*blank is not zero"
rejects "duplicate codes" "$(csv d.csv "$H" "$ROW2" "$ROW2")" "d.csv:3:1: duplicate school code '2'"
rejects "every school excluded" "$(csv x.csv "$H" "1,特校,特殊教育学校,100,0,0,5,1,1,600,800,250000,3")" "no school is evaluated"
rejects "header only" "$(csv h.csv "$H")" "no schools"
rejects "empty file" "$(: >"$tmp/empty.csv"; echo "$tmp/empty.csv")" "empty.csv: "
rejects "no code column" "$(csv n.csv "name,type" "甲,小学")" "required column 学校代码"

# Zero enrollment, one school, zero mean: correct results.
accepts "zero enrollment is excluded with a reason" \
    "$(csv z.csv "$H" "1,甲小学,小学,0,0,0,5,1,1,600,800,250000,3" "$ROW2")" \
    "d['excluded'][0]['reason'] == 'no_students' and d['levels'][0]['schools'] == 1"
accepts "a level with one school has CV 0" "$(csv one.csv "$H" "$ROW2")" \
    "all(i['cv'] == 0 for i in d['levels'][0]['indicators'])"
accepts "weighted mean 0 gives an undefined CV, never 0" \
    "$(csv zm.csv "$H" "1,甲小学,小学,100,0,0,5,1,1,600,800,250000,0" "2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,0")" \
    "d['levels'][0]['indicators'][6]['cv'] is None and not d['levels'][0]['indicators'][6]['cv_pass'] and not d['pass'] and any('undefined' in w['message'] for w in d['warnings'])"

# Names that try to escape: nothing is written outside the output folder.
mkdir -p "$tmp/jail/work"
f=$(csv names.csv "$H" "1,../../../escape,小学,100,0,0,5,1,1,600,800,250000,3" '2,"a/b\c:*?<>|",小学,200,0,0,10,2,2,1000,1600,460000,5')
(cd "$tmp/jail/work" && "$bin" analyze "$f" --out rep --no-charts >/dev/null 2>&1)
n=$(find "$tmp/jail" -newer "$f" -not -path "$tmp/jail/work/rep*" -not -name work | wc -l)
if [ "$n" -eq 0 ] && [ -s "$tmp/jail/work/rep/report.json" ]; then ok "path separators in names stay in the output folder"
else bad "names with path separators wrote $n file(s) outside the output folder"; fi

# Output problems: exit 4, nothing half-written.
: >"$tmp/afile"
"$bin" analyze "$f" --out "$tmp/afile" >/dev/null 2>"$tmp/stderr"
rc=$?
if [ $rc -eq 4 ] && grep -q "afile" "$tmp/stderr"; then ok "output path is a file (exit 4)"; else bad "output path is a file: exit $rc"; fi

# A killed run leaves the previous reports intact; its leftovers are swept.
"$bin" analyze "$f" --out "$tmp/keep" --no-charts -f json >/dev/null 2>&1
cp "$tmp/keep/report.json" "$tmp/keep.json"
mkdir -p "$tmp/keep/.junheng-staging-999999999-abcdef"
: >"$tmp/keep/.junheng-staging-999999999-abcdef/report.json"
"$bin" analyze "$f" --out "$tmp/keep" --no-charts >/dev/null 2>&1
if cmp -s "$tmp/keep.json" "$tmp/keep/report.json" && [ -z "$(find "$tmp/keep" -name '.junheng-staging-*')" ]; then
    ok "stale staging folder of a dead run is removed, reports intact"
else bad "stale staging folder left or report changed"; fi

# Outputs of an earlier run that this run does not produce are removed:
# no stale charts beside a new report.
"$bin" analyze "$f" --out "$tmp/stale" >/dev/null 2>&1
n1=$(ls "$tmp/stale/charts" 2>/dev/null | wc -l)
"$bin" analyze "$f" --out "$tmp/stale" --no-charts >/dev/null 2>&1
if [ "$n1" -gt 0 ] && [ ! -e "$tmp/stale/charts" ] && [ -s "$tmp/stale/report.xlsx" ]; then
    ok "charts of an earlier run are removed when none are made"
else bad "stale charts: $n1 before, $(ls "$tmp/stale" | tr '\n' ' ') after"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
