#!/usr/bin/env bash
# School-level government-guarantee checks end to end:
#   test_guarantee.sh BINARY SOURCE_DIR PYTHON
# The demo county fails on purpose: 城关第一小学 a class of 52 (45),
# 第二中学 2 music rooms for 36 classes (3), 石门镇中心小学 rooms of 73 and
# 70 m² built before 2016 (96, 90; 73 and 67 under the 2019 provision),
# 龙潭乡中学 27 of 28 teachers certified, 清水乡中心小学 training funds at
# 4% (5%); 黄岭九年一贯制学校 and 马鞍乡中心小学 leave a column blank.
set -u
bin=$(realpath "$1") src=$(realpath "$2") py=${3:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
check() { local n=$1; shift; if "$@"; then ok "$n"; else bad "$n"; fi; }
run() {
    local code=$1; shift
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ $rc -ne "$code" ]; then
        bad "junheng $*: exit $rc, expected $code: $(head -c 300 "$tmp/err")"
        return 1
    fi
    return 0
}
# json PYTHON-EXPR: holds for d = the JSON in $tmp/out (g = d['guarantee'],
# s = its schools by code)
json() {
    "$py" -c "
import json, sys
d = json.load(open('$tmp/out'))
g = d.get('guarantee')
s = {x['code']: x for x in g['schools']} if g else {}
sys.exit(0 if ($1) else 1)"
}
demo=$src/datasets/qingxi-county.csv

run 0 analyze "$demo" -f json && check "summary: 35 checked, 28 pass, 5 fail, 2 incomplete" json "
g['columns_given'] and g['summary']['schools_checked'] == 35
and g['summary']['schools_pass'] == 28 and g['summary']['schools_fail'] == 5
and g['summary']['schools_incomplete'] == 2 and len(g['schools']) == 35"
check "schools not checked, with reasons" json "
sorted(x['reason'] for x in g['skipped']) == ['include_no', 'special'] + ['teaching_point'] * 6 + ['vocational']"
check "item counts" json "
{i['id']: (i['applicable'], i['pass'], i['fail'], i['not_given']) for i in g['summary']['items']} == {
 'school_size': (35, 35, 0, 0), 'class_size_primary': (25, 24, 1, 0),
 'class_size_junior': (15, 15, 0, 0), 'music_rooms': (35, 34, 1, 0),
 'art_rooms': (35, 35, 0, 0), 'music_room_area': (35, 34, 1, 0),
 'art_room_area': (35, 34, 1, 0), 'certified_teachers': (35, 33, 1, 1),
 'training_funds': (35, 33, 1, 1)}"
check "a class of 52: 7 over 45" json "
s['3623010002']['failed'] == ['class_size_primary']
and s['3623010002']['checks']['class_size_primary']['value'] == 52
and s['3623010002']['checks']['class_size_primary']['limit'] == 45
and s['3623010002']['checks']['class_size_primary']['shortfall'] == 7
and s['3623010002']['checks']['class_size_junior']['status'] == 'not_applicable'
and s['3623010002']['checks']['school_size']['value'] == 1980"
check "36 classes need 3 music rooms" json "
s['3623010028']['failed'] == ['music_rooms']
and s['3623010028']['checks']['music_rooms']['value'] == 2
and s['3623010028']['checks']['music_rooms']['limit'] == 3
and s['3623010028']['checks']['music_rooms']['base'] == 36
and s['3623010028']['checks']['music_rooms']['shortfall'] == 1"
check "73 and 70 m² rooms fail 96 and 90" json "
s['3623010008']['failed'] == ['music_room_area', 'art_room_area']
and s['3623010008']['checks']['music_room_area']['limit'] == 96
and s['3623010008']['checks']['music_room_area']['shortfall'] == 23
and s['3623010008']['checks']['art_room_area']['shortfall'] == 20
and not s['3623010008']['checks']['music_room_area']['relaxed']"
check "27 of 28 certified" json "
s['3623010034']['failed'] == ['certified_teachers']
and abs(s['3623010034']['checks']['certified_teachers']['value'] - 27 / 28) < 1e-12
and s['3623010034']['checks']['certified_teachers']['shortfall'] == 1"
check "training funds at 4%" json "
s['3623010018']['failed'] == ['training_funds']
and abs(s['3623010018']['checks']['training_funds']['value'] - 0.04) < 1e-3
and s['3623010018']['checks']['training_funds']['limit'] == 0.05"
check "blank is not given, never a pass" json "
s['3623010039']['not_given'] == ['certified_teachers'] and not s['3623010039']['pass']
and s['3623010039']['checks']['certified_teachers']['status'] == 'not_given'
and s['3623010025']['not_given'] == ['training_funds'] and s['3623010025']['failed'] == []"
check "notes in Chinese" json "
s['3623010028']['checks']['music_rooms']['note'] == '还需音乐专用教室1间（36个班应配3间，现有2间）'"
check "the other JSON keys are unchanged" json "
d['standard'] == 'quality-2017' and len(d['schools']) == 43 and list(d)[-2:] == ['guarantee', 'diagnostics']"

run 0 analyze "$demo" -f json --lang en && check "notes in English" json "
s['3623010008']['checks']['music_room_area']['note'] == 'smallest music room 73 m², 23 m² too small (at least 96 m²)'"

# The 2019 provision: rooms built before 2016 may be 73 and 67 m².
run 0 analyze "$demo" -f json --provision relax_2019_rooms_pre2016 && check "relax_2019_rooms_pre2016: 石门镇中心小学 passes" json "
g['provisions']['relax_2019_rooms_pre2016'] and s['3623010008']['pass']
and s['3623010008']['checks']['music_room_area']['limit'] == 73
and s['3623010008']['checks']['music_room_area']['relaxed']
and s['3623010008']['checks']['art_room_area']['limit'] == 67
and g['summary']['schools_pass'] == 29"

run 0 analyze "$demo" && check "text: the section and a failing school" \
    grep -q "3623010028 青溪县第二中学：还需音乐专用教室1间" "$tmp/out"
check "text: the counts" grep -q "检查35所学校：28所全部达标" "$tmp/out"

# The workbook sheet: one row per school, failing cells red, blanks amber.
run 0 analyze "$demo" --no-charts --out "$tmp/rep" && check "workbook sheet" "$py" - "$tmp/rep/report.xlsx" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[-2:] == ["学校办学条件", "补充分析"], wb.sheetnames
ws = wb["学校办学条件"]
head = [c.value for c in ws[3]]
col = {h: i + 1 for i, h in enumerate(head)}
rows = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1)
        if ws.cell(r, 2).value}
def fill(r, h):
    return ws.cell(rows[r], col[h]).fill.fgColor.rgb
r = rows["3623010002"]
assert ws.cell(r, col["小学最大班额"]).value == 52
assert fill("3623010002", "小学最大班额").endswith("FFC7CE"), fill("3623010002", "小学最大班额")
assert ws.cell(r, col["是否达标"]).value == "否"
assert "超过上限45人7人" in ws.cell(r, col["备注"]).value
assert not fill("3623010001", "小学最大班额").endswith("FFC7CE")
assert ws.cell(rows["3623010001"], col["是否达标"]).value == "是"
r = rows["3623010028"]
assert ws.cell(r, col["应配音乐教室（间）"]).value == "=ROUNDUP(I%d/12,0)" % r
assert fill("3623010028", "音乐专用教室（间）").endswith("FFC7CE")
assert ws.cell(rows["3623010039"], col["持证专任教师数"]).value == "未提供"
assert fill("3623010039", "持证专任教师数").endswith("FFEB9C")
assert ws.cell(rows["3623010039"], col["是否达标"]).value == "数据不全"
assert ws.cell(rows["3623010034"], col["持证比例"]).value == "=Q%d/P%d" % ((rows["3623010034"],) * 2)
assert fill("3623010034", "持证比例").endswith("FFC7CE")
assert len([c for c in rows if c.startswith("36230100")]) >= 35
PY

# A file without the columns: stated as not given, no sheet.
"$py" - "$demo" "$tmp/old.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
n = rows[0].index("纳入计算") + 1
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(r[:n] for r in rows)
PY
run 0 analyze "$tmp/old.csv" -f json && check "no columns: not given, nothing passes" json "
not g['columns_given'] and g['summary']['schools_pass'] == 0
and g['summary']['schools_incomplete'] == 35
and all(i['pass'] == 0 for i in g['summary']['items'] if i['id'] != 'school_size')"
run 0 analyze "$tmp/old.csv" && check "no columns: one line of text" \
    grep -q "未提供办学条件数据" "$tmp/out"
run 0 analyze "$tmp/old.csv" --no-charts --out "$tmp/old" && check "no columns: no sheet" \
    "$py" -c "import openpyxl,sys; sys.exit('学校办学条件' in openpyxl.load_workbook('$tmp/old/report.xlsx').sheetnames)"

# The 2012 standard has no guarantee items.
run 0 analyze "$demo" --standard basic-2012 -f json && check "basic-2012: no guarantee key" json "g is None"

# A bad yes/no names the file, line and column; no output.
"$py" - "$demo" "$tmp/badflag.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
rows[3][rows[0].index("专用教室2016年前建成")] = "大概"
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)
PY
col=$("$py" -c "import csv; print(next(csv.reader(open('$demo', encoding='utf-8-sig'))).index('专用教室2016年前建成') + 1)")
run 3 analyze "$tmp/badflag.csv" --out "$tmp/bad" --lang en && check "bad flag names its cell" \
    grep -q "badflag.csv:4:$col: '大概' in 专用教室2016年前建成 is neither 是 nor 否" "$tmp/err"
check "bad flag: no output" test ! -e "$tmp/bad/report.json"

# A province file changes a limit: classes of 52 pass at 55.
cat >"$tmp/prov.ini" <<'INI'
[standard]
base = quality-2017
id = province-test
[guarantee]
class_size_max_primary = 55
INI
run 0 analyze "$demo" -f json --standard "$tmp/prov.ini" && check "province limit" json "
g['limits']['class_size_max_primary'] == 55
and s['3623010002']['checks']['class_size_primary']['status'] == 'pass'"
run 0 standards show "$tmp/prov.ini" && check "standards show prints [guarantee]" \
    grep -q "^class_size_max_primary = 55$" "$tmp/out"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
