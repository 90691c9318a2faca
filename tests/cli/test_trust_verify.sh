#!/usr/bin/env bash
# Trust at the edges (issue 13), family: verify. Run by CTest:
#   test_trust_verify.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# verify never agrees with a false claim and never flags a true one: a
# claim holds when it and the recomputed figure, each rounded as the
# official table prints them (CVs 3 decimals, means and school values 2,
# counts exact), are equal.  The counties below are built so that every
# figure is known by hand (see the comment above each).
source "$(dirname "$0")/trust_lib.sh" "$@"

# run NAME CODE ARGS...: run verify, keep stdout/stderr in $tmp/out, err;
# record a failed case when the exit code differs (returns 1 then).
run() {
    local name=$1 code=$2
    shift 2
    "$bin" verify "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -ne "$code" ]; then
        bad "$name: exit $rc, expected $code; $(head -c 400 "$tmp/out") $(head -c 300 "$tmp/err")"
        return 1
    fi
    return 0
}
# pycheck NAME SCRIPT ARGS...: the case passes when the python script does.
pycheck() {
    local name=$1 script=$2
    shift 2
    if "$py" -c "$script" "$@" 2>"$tmp/pyerr"; then ok "$name"
    else bad "$name: $(tail -c 400 "$tmp/pyerr")"; fi
}
# expect NAME CODE CHECK ARGS...: exit CODE and the JSON on stdout passes
# the python expression CHECK (d is the JSON; f the findings).
expect() {
    local name=$1 code=$2 check=$3
    shift 3
    run "$name" "$code" "$@" -f json || return
    pycheck "$name" "
import json, sys
d = json.load(open(sys.argv[1])); f = d['findings']
assert ($check), json.dumps(f, ensure_ascii=False)[:600]" "$tmp/out"
}

H="code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
# county SPORTS_A SPORTS_B: two primary schools of 1000 pupils alike in
# everything but the sports ground.  With a = A/1000, b = B/1000 the
# weighted mean is (a + b) / 2 and the population SD |a − b| / 2, so
# CV = |A − B| / (A + B): 15047 and 4953 give 10094 / 20000 = 0.5047.
# Every other indicator is the same in both schools (CV 0); the teaching
# area per pupil is 5.00, the sports mean (A + B) / 2000.
county() {
    csv "c$1-$2.csv" "$H" "1,甲小学,小学,1000,0,0,50,12,10,5000,$1,2500000,25" \
        "2,乙小学,小学,1000,0,0,50,12,10,5000,$2,2500000,25"
}
c5047=$(county 15047 4953)  # CV 0.5047, mean 10.00
c49=$(county 14900 5100)    # CV 0.49
c5004=$(county 15004 4996)  # CV 0.5004
c084=$(county 10840 9160)   # CV 0.084
c0838=$(county 10838 9162) # CV 0.0838, printed 0.084
c085=$(county 10850 9150)   # CV 0.085
c124=$(county 11240 8760)   # CV 0.124
cl() { # cl NAME CV-TEXT: a 表Ⅲ claim of the primary sports CV
    csv "$1" "level,indicator,cv" "primary,sports_area_per_student,$2"
}
S=sports_area_per_student

family rounding
expect "0e9 does not match a CV of 0.5047" 1 \
    "len(f) == 1 and f[0]['kind'] == 'differs' and 'fewer_decimals' in f[0]['notes']" \
    "$c5047" --claims "$(cl e9.csv 0e9)"
expect "0 does not agree with a CV of 0.49" 1 \
    "len(f) == 1 and f[0]['kind'] == 'differs' and f[0]['claim']['rounded'] == 0" \
    "$c49" --claims "$(cl zero.csv 0)"
expect "1e1 is 10, not 5.00 give or take 5" 1 \
    "len(f) == 1 and f[0]['kind'] == 'differs' and abs(f[0]['recomputed'] - 5) < 1e-9" \
    "$c5047" --claims "$(csv e1.csv level,indicator,mean primary,teaching_area_per_student,1e1)"
expect "1e1 agrees with a mean of 10.00" 0 "d['checked'] == 1 and f == []" \
    "$c5047" --claims "$(csv e1b.csv level,indicator,mean primary,$S,1e1)"
expect "0.5 is compared with round(0.5047, 3) = 0.505, with a note" 1 \
    "len(f) == 1 and f[0]['kind'] == 'differs' and 'fewer_decimals' in f[0]['notes'] and f[0]['recomputed_rounded'] == 0.505" \
    "$c5047" --claims "$(cl half.csv 0.5)"
expect "extra decimals of a county are rounded away (0.50474)" 0 "f == []" \
    "$c5047" --claims "$(cl extra.csv 0.50474)"
expect "half up: 0.1235 prints as 0.124" 0 "f == []" \
    "$c124" --claims "$(cl h1235.csv 0.1235)"
expect "half up: 0.0845 prints as 0.085" 0 "f == []" \
    "$c085" --claims "$(cl h0845.csv 0.0845)"
expect "half up: 0.0845 is not 0.084" 1 "len(f) == 1" \
    "$c084" --claims "$(cl h0845b.csv 0.0845)"
expect "0.124 is not 0.085 (a plain difference still found)" 1 \
    "len(f) == 1 and f[0]['claim']['rounded'] == 0.124" \
    "$c085" --claims "$(cl diff.csv 0.124)"
# Binary noise: 0.084 (for a CV of 0.0838) saved by a program that
# stores the double 0.08400000000000001, and by one that stores 0.084.
"$py" - "$tmp/noise.xlsx" "$tmp/clean.xlsx" <<'PY' || bad "writing noise.xlsx"
import sys, openpyxl
for path, v in ((sys.argv[1], 0.08400000000000001), (sys.argv[2], 0.084)):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "表Ⅲ"
    ws.append(["学段", "指标", "差异系数"])
    ws.append(["小学", "生均体育运动场馆面积", v])
    wb.save(path)
PY
expect "0.08400000000000001 in a cell is the claim 0.084" 0 \
    "d['checked'] == 1 and f == []" "$c0838" --claims "$tmp/noise.xlsx"
expect "the same claim stored cleanly" 0 "d['checked'] == 1 and f == []" \
    "$c0838" --claims "$tmp/clean.xlsx"
# A recomputed figure exactly halfway (7625 / 1000 = 7.625, 12.375) holds
# printed either way: 7.63 as Excel prints it, 7.62 as printf does.
c7625=$(county 7625 12375)
expect "a recomputed 7.625 holds as 7.63 (Excel)" 0 "d['checked'] == 2 and f == []" \
    "$c7625" --claims "$(csv t1.csv code,indicator,value "1,$S,7.63" "2,$S,12.38")"
expect "a recomputed 7.625 holds as 7.62 (printf)" 0 "d['checked'] == 2 and f == []" \
    "$c7625" --claims "$(csv t2.csv code,indicator,value "1,$S,7.62" "2,$S,12.37")"
expect "but not as 7.61" 1 "len(f) == 1 and f[0]['claim']['line'] == 2" \
    "$c7625" --claims "$(csv t3.csv code,indicator,value "1,$S,7.61" "2,$S,12.38")"
run "text of a plain difference" 1 "$c085" --claims "$tmp/diff.csv" &&
    if grep -q "申报 0.124，重算 0.085" "$tmp/out"; then ok "text shows both figures as printed"
    else bad "text shows both figures as printed: $(cat "$tmp/out")"; fi

family limits
expect "0.50 claimed for 0.5047: differs, and rounding hides a failure" 1 \
    "len(f) == 1 and f[0]['kind'] == 'differs' and 'hides_failure' in f[0]['notes']" \
    "$c5047" --claims "$(cl l050.csv 0.50)"
expect "0.500 claimed for 0.5004: equal as printed, but hides a failure" 1 \
    "len(f) == 1 and f[0]['kind'] == 'hides_failure' and f[0]['limit'] == 0.5" \
    "$c5004" --claims "$(cl l0500.csv 0.500)"
run "text says rounding hides the failure" 1 "$c5004" --claims "$tmp/l0500.csv" &&
    if grep -q "四舍五入后掩盖了未达标" "$tmp/out"; then ok "text says rounding hides the failure"
    else bad "text says rounding hides the failure: $(cat "$tmp/out")"; fi
expect "0.505 for 0.5047 holds (fails, as the data)" 0 "f == []" \
    "$c5047" --claims "$(cl l0505.csv 0.505)"
expect "0.490 for 0.49 holds (passes, as the data)" 0 "f == []" \
    "$c49" --claims "$(cl l049.csv 0.490)"
expect "a percentage 50% for 0.5047 hides the failure too" 1 \
    "len(f) == 1 and sorted(f[0]['notes']) == ['fewer_decimals', 'hides_failure']" \
    "$c5047" --claims "$(cl pct.csv 50%)"
expect "a negative CV is a difference" 1 "len(f) == 1 and f[0]['claim']['value'] < 0" \
    "$c49" --claims "$(cl neg.csv -0.490)"

family verdicts
# County c5047: school 1 sports 15.047 (meets 7.5), school 2 4.953 (below
# 85% of 7.5 = 6.375), every other indicator met: school 1 passes with 7
# indicators met, school 2 fails with 6; the sports CV 0.5047 fails 0.50.
expect "a CV verdict 达标 for a CV of 0.5047 is a finding" 1 \
    "len(f) == 1 and f[0]['claim']['field'] == 'verdict' and f[0]['recomputed'] == 0" \
    "$c5047" --claims "$(csv v1.csv 学段,指标,差异系数,是否达标 "小学,$S,0.505,达标")"
expect "the CV verdict 未达标 holds" 0 "d['checked'] == 2 and f == []" \
    "$c5047" --claims "$(csv v2.csv 学段,指标,差异系数,是否达标 "小学,$S,0.505,未达标")"
expect "per-school 是否达标 and 达标指标数 are checked" 1 \
    "sorted((x['claim']['code'], x['claim']['field']) for x in f) == [('2', 'met_count'), ('2', 'verdict')]" \
    "$c5047" --claims "$(csv v3.csv "学校代码,学段,$S,达标指标数,是否达标" \
        "1,小学,15.05,7,是" "2,小学,4.95,7,是")"
expect "correct per-school verdicts hold" 0 "d['checked'] == 6 and f == []" \
    "$c5047" --claims "$(csv v4.csv "学校代码,学段,$S,达标指标数,是否达标" \
        "1,小学,15.05,7,是" "2,小学,4.95,6,否")"
expect "表Ⅱ-1 counts and shares are checked" 1 \
    "sorted(x['claim']['field'] for x in f) == ['pass_count', 'pass_share', 'section_count']" \
    "$c5047" --claims "$(csv v5.csv 学段,指标,达标学校数,学校数,达标比例 \
        "小学,$S,2,2,100%" "小学,学校综合达标,1,3,50%")"
expect "correct 表Ⅱ-1 rows hold" 0 "d['checked'] == 6 and f == []" \
    "$c5047" --claims "$(csv v6.csv 学段,指标,达标学校数,学校数,达标比例 \
        "小学,$S,1,2,50.00%" "小学,学校综合达标,1,2,0.5")"
run "a verdict that is not one is an error naming the cell" 3 "$c5047" \
    --claims "$(csv v7.csv 学段,指标,差异系数,是否达标 "小学,$S,0.505,maybe")" &&
    if grep -q "v7.csv:2:4" "$tmp/err"; then ok "bad verdict names the cell"
    else bad "bad verdict names the cell: $(cat "$tmp/err")"; fi
expect "a count of 1.5 schools is not 1 or 2" 1 "len(f) == 1" \
    "$c5047" --claims "$(csv v8.csv 学段,指标,达标学校数 "小学,$S,1.5")"

family sheets
demo=$src/datasets/qingxi-county.csv
"$bin" analyze "$demo" --out "$tmp/an" --no-charts >/dev/null 2>&1 ||
    bad "analyze the demo"
book=$tmp/an/report.xlsx
sum_before=$(sha256sum "$book")
expect "junheng's own report.xlsx agrees, every claims sheet read" 0 "f == [] and
  {b['sheet'] for b in d['read']} == {'表Ⅱ-2 初中', '表Ⅱ-2 小学', '汇总', '补充分析'} and
  {'计算过程-小学', '排除与提示'} <= {b['sheet'] for b in d['skipped']} and
  all(b['reason'] for b in d['skipped'])" "$demo" --claims "$book"
if [ "$(sha256sum "$book")" = "$sum_before" ]; then ok "claims workbook untouched"
else bad "claims workbook untouched"; fi
"$bin" analyze "$demo" --lang en --out "$tmp/an_en" --no-charts >/dev/null 2>&1 ||
    bad "analyze the demo in English"
expect "junheng's own English report.xlsx agrees, verdicts and counts read" 0 \
    "f == [] and d['checked'] == 497" "$demo" --claims "$tmp/an_en/report.xlsx"
"$bin" analyze "$demo" --standard basic-2012 --out "$tmp/an12" --no-charts >/dev/null 2>&1 ||
    bad "analyze the demo under the 2012 standard"
expect "the 2012 report.xlsx agrees (composite CV, '-' cells)" 0 \
    "f == [] and d['checked'] == 428" "$demo" --standard basic-2012 --claims "$tmp/an12/report.xlsx"
"$py" - "$tmp/an12/report.xlsx" "$tmp/comp.xlsx" <<'PY' || bad "pasting a composite CV"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["汇总"]
for row in ws.iter_rows():
    if row[0].value == "初中" and str(row[1].value).startswith("综合差异系数"):
        row[4].value = 0.2   # the real composite is far from it
        break
wb.save(sys.argv[2])
PY
expect "a wrong composite CV (2012) is found" 1 \
    "[(x['claim']['cell'], x['claim']['indicator']) for x in f] == [('汇总!E30', None)]" \
    "$demo" --standard basic-2012 --claims "$tmp/comp.xlsx"
"$py" - "$book" "$tmp/pasted.xlsx" <<'PY' || bad "pasting wrong figures"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["汇总"]
for row in ws.iter_rows():
    if row[0].value == "初中" and str(row[1].value).startswith("生均教学仪器设备值"):
        row[4].value = 0.301      # a 表Ⅲ CV pasted over the formula
        break
ws = wb["表Ⅱ-2 初中"]
ws["K6"].value = 2.0              # 青溪县城关中学 PE/art teachers (1.21)
wb.save(sys.argv[2])
PY
expect "wrong figures pasted into 汇总 and 表Ⅱ-2 初中 are found" 1 \
    "sorted(x['claim']['cell'] for x in f) == ['汇总!E25', '表Ⅱ-2 初中!K6']" \
    "$demo" --claims "$tmp/pasted.xlsx"
pycheck "formulas saved without results are counted as empty cells" "
import json, sys; d = json.load(open(sys.argv[1]))
(b,) = [b for b in d['read'] if b['sheet'] == '汇总' and b['first_row'] == 12]
assert b['empty_cells'] == 27 and b['claims'] == 15, b" "$tmp/out"
run "text names the sheets read and skipped" 1 "$demo" --claims "$tmp/pasted.xlsx" &&
    if grep -q "已读取.*汇总 第12–26行，15项，空单元格27个" "$tmp/out" && grep -q "未读取.*计算过程-小学" "$tmp/out"
    then ok "text names the sheets read and skipped"
    else bad "text names the sheets read and skipped: $(head -c 800 "$tmp/out")"; fi
"$py" - "$tmp/cover.xlsx" "$tmp/nothing.xlsx" <<'PY' || bad "writing cover.xlsx"
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "封面"
ws["A1"] = "青溪县义务教育优质均衡发展申报材料"
ws["A3"] = "2024年"
ws2 = wb.create_sheet("表Ⅲ")
ws2.append(["表Ⅲ 资源配置指标校际差异系数"])
ws2.append(["学段", "指标", "差异系数"])
ws2.append(["小学", "生均体育运动场馆面积", 0.490])
wb.save(sys.argv[1])
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "封面"
ws["A1"] = "申报材料"
ws.append(["学校", "备注"])
ws.append(["甲小学", "无"])
wb.save(sys.argv[2])
PY
expect "a cover sheet first is passed over" 0 \
    "d['checked'] == 1 and f == [] and d['skipped'][0]['sheet'] == '封面'" \
    "$c49" --claims "$tmp/cover.xlsx"
run "a workbook without any claim is an error, not 全部相符" 3 "$c49" --claims "$tmp/nothing.xlsx" &&
    if grep -q "nothing.xlsx" "$tmp/err" && ! grep -q "相符" "$tmp/out"; then ok "no claim at all: exit 3 naming the file"
    else bad "no claim at all: exit 3 naming the file: $(cat "$tmp/err")"; fi
run "one claims file of two without any claim is an error" 3 "$c49" \
    --claims "$tmp/cover.xlsx" --claims "$tmp/nothing.xlsx" &&
    if grep -q "nothing.xlsx: 没有找到上报数据（跳过的工作表：“封面”）：表头应类似 level,indicator,mean,cv" "$tmp/err"
    then ok "the empty claims file is named, with its sheets (in Chinese)"
    else bad "the empty claims file is named, with its sheets: $(cat "$tmp/err")"; fi
run "the same, --lang en" 3 "$c49" --claims "$tmp/cover.xlsx" --claims "$tmp/nothing.xlsx" --lang en &&
    if grep -q "nothing.xlsx: no claims found (sheets passed over: '封面')" "$tmp/err"
    then ok "--lang en: the empty claims file is named, with its sheets, in English"
    else bad "--lang en: the empty claims file: $(cat "$tmp/err")"; fi
run "a header without rows is no claim: an error" 3 "$c49" --claims "$(csv hdr.csv level,indicator,cv)" &&
    ok "a header without rows is an error"
run "a CSV without any claim is an error" 3 "$c49" --claims "$(csv none.csv "学校,备注" "甲小学,无")" &&
    ok "a CSV without any claim is an error"
"$py" - "$tmp/hidden.xlsx" <<'PY' || bad "writing hidden.xlsx"
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "表Ⅲ"
ws.append(["学段", "指标", "差异系数"])
ws.append(["小学", "生均体育运动场馆面积", 0.490])
cs = wb.create_chartsheet("图表")
ch = BarChart(); ch.add_data(Reference(ws, min_col=3, min_row=1, max_row=2))
cs.add_chart(ch)
ws3 = wb.create_sheet("旧稿"); ws3.sheet_state = "hidden"
ws3.append(["学段", "指标", "差异系数"]); ws3.append(["小学", "生均体育运动场馆面积", 0.3])
wb.save(sys.argv[1])
PY
expect "a chart sheet is passed over, a hidden sheet's claims are checked" 1 \
    "[x['claim']['cell'] for x in f] == ['旧稿!C2'] and 'duplicate' in f[0]['notes'] and
     [b['sheet'] for b in d['skipped']] == ['图表']" "$c49" --claims "$tmp/hidden.xlsx"
run "--claims-sheet still reads one sheet" 0 "$c49" --claims "$tmp/cover.xlsx" --claims-sheet 表Ⅲ -f json &&
    pycheck "--claims-sheet reads that sheet only" "
import json, sys; d = json.load(open(sys.argv[1]))
assert [b['sheet'] for b in d['read']] == ['表Ⅲ'] and d['skipped'] == [], d['read']" "$tmp/out"
run "verify.xlsx lists the sheets read" 1 "$demo" --claims "$tmp/pasted.xlsx" --out "$tmp/vo" &&
    pycheck "verify.xlsx lists the sheets read" "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb[wb.sheetnames[0]]
cells = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
assert any('表Ⅱ-2 初中' in c and '已读取' in c for c in cells), cells[-12:]
assert any('计算过程-小学' in c for c in cells), cells[-12:]" "$tmp/vo/verify.xlsx"

family layout
expect "a title row between two blocks is passed over" 1 \
    "d['checked'] == 3 and len(f) == 1 and f[0]['claim']['line'] == 5" \
    "$c49" --claims "$(csv title.csv level,indicator,cv "primary,$S,0.490" \
        "表Ⅱ-2 学校资源配置指标情况（小学）" code,indicator,value "1,$S,14.91" "2,$S,5.10")"
expect "a row with only an indicator does not end the block" 1 \
    "d['checked'] == 3 and len(f) == 1 and f[0]['claim']['line'] == 4" \
    "$c49" --claims "$(csv lone.csv indicator,primary_mean,primary_cv \
        "$S,10.00,0.490" "teaching_area_per_student" "degree_teachers_per100,5.01")"
"$py" - "$tmp/vmerge.xlsx" <<'PY' || bad "writing vmerge.xlsx"
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "表Ⅲ"
ws.append(["学段", "指标", "县域均值", "差异系数"])
ws.append(["小学", "生均体育运动场馆面积", 10.00, 0.490])
ws.append([None, "生均教学及辅助用房面积", 5.00, 0.000])
ws.append([None, "每百名学生拥有网络多媒体教室数", 2.50, 0.100])
ws.merge_cells("A2:A4")
wb.save(sys.argv[1])
PY
expect "a 学段 cell merged down its rows gives their level" 1 \
    "d['checked'] == 6 and [x['claim']['cell'] for x in f] == ['表Ⅲ!D4']" \
    "$c49" --claims "$tmp/vmerge.xlsx"
"$py" - "$tmp/merged.xlsx" <<'PY' || bad "writing merged.xlsx"
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "申报"
ws.append(["学段", "指标", "差异系数"])
ws.append(["小学", "生均体育运动场馆面积", "0.490"])
ws.append(["表Ⅱ-2（小学）"]); ws.merge_cells("A3:C3")
ws.append(["学校代码", "生均体育运动场馆面积", "是否达标"])
ws.append(["1", 14.90, "是"])
ws.append(["2", 5.10, "否"])
wb.save(sys.argv[1])
PY
expect "a merged title cell between blocks, level from the title" 0 \
    "d['checked'] == 5 and f == []" "$c49" --claims "$tmp/merged.xlsx"
expect "spaces around a claim" 0 "d['checked'] == 1 and f == []" \
    "$c49" --claims "$(cl sp.csv '" 0.490 "')"
expect "a no-break space pasted from a web page" 0 "d['checked'] == 1 and f == []" \
    "$c49" --claims "$(cl nbsp.csv $'0.490\xc2\xa0')"
expect "full-width digits ０.４９０" 0 "d['checked'] == 1 and f == []" \
    "$c49" --claims "$(cl fw.csv '０.４９０')"
expect "an empty cell is no claim, the others are checked" 1 "d['checked'] == 1 and len(f) == 1" \
    "$c49" --claims "$(csv empty.csv level,indicator,mean,cv "primary,$S,,0.480")"
run "an indicator the standard does not have is an error naming the cell" 3 \
    "$c49" --claims "$(csv noind.csv level,indicator,cv primary,computers_per100,0.1)" &&
    if grep -q "noind.csv:2:2: 未知的指标“computers_per100”（请填写指标的中文名称、简称或标识，写法见 docs/claims.md）" "$tmp/err"; then ok "unknown indicator names the cell"
    else bad "unknown indicator names the cell: $(cat "$tmp/err")"; fi
run "a wide column for an indicator of another standard is an error naming it" 3 \
    "$c49" --claims "$(csv wideind.csv "学校代码,$S,生均图书册数" "1,14.90,30" "2,5.10,25")" &&
    if grep -q "wideind.csv:1:3: 列「生均图书册数」是标准 basic-2012 的指标，不属于标准 quality-2017（请用 --standard 选择标准）" "$tmp/err"
    then ok "the other standard's column is named"
    else bad "the other standard's column is named: $(cat "$tmp/err")"; fi
run "the other standard's column, --lang en" 3 \
    "$c49" --lang en --claims "$tmp/wideind.csv" &&
    if grep -q "wideind.csv:1:3: column '生均图书册数' is an indicator of standard basic-2012, not of quality-2017" "$tmp/err"
    then ok "the other standard's column is named in English"
    else bad "the other standard's column is named in English: $(cat "$tmp/err")"; fi
expect "duplicate claims with different values: the wrong one is found" 1 \
    "len(f) == 1 and f[0]['claim']['line'] == 3 and 'duplicate' in f[0]['notes']" \
    "$c49" --claims "$(csv dup.csv level,indicator,cv "primary,$S,0.490" "primary,$S,0.495")"
expect "a county-wide row (总体结论) is passed over" 0 "d['checked'] == 2 and f == []" \
    "$c49" --claims "$(csv overall.csv 学段,学校数,是否达标 "小学,2,未达标" "总体结论,,未达标")"

finish
