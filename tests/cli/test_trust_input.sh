#!/usr/bin/env bash
# Trust at the edges (issue 13), family: input. Run by CTest:
#   test_trust_input.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# Never a silent wrong figure from input: template examples, several
# counties, total rows, header units, .xlsx cells, line numbers, pipes and
# devices, names too long for a workbook.
source "$(dirname "$0")/trust_lib.sh" "$@"

H="code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
# tests/data/hand3.csv, worked by hand in tests/data/hand3.md: primary
# teaching-area CV 0.097048 (0.09704783639255671), 3 schools, 1000 pupils.
R1="1000000001,甲小学,小学,100,0,0,5,1,1,600,800,250000,3"
R2="1000000002,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5"
R3="1000000003,丙小学,小学,700,0,0,35,7,7,3150,5600,1470000,17"
HAND_CV=0.09704783639255671

# run OUT ERR ARGS...: run junheng, stdout to OUT, stderr to ERR; sets rc.
run() { local o=$1 e=$2; shift 2; timeout 60 "$bin" "$@" >"$o" 2>"$e"; rc=$?; }
# pycheck NAME JSONFILE EXPR: EXPR over d (the parsed JSON) must hold.
pycheck() {
    if "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($3) else 1)" "$2" 2>"$tmp/pyerr"; then
        ok "$1"
    else bad "$1: $3 does not hold ($(head -c 300 "$tmp/pyerr"))"; fi
}
# The primary teaching-area CV of a JSON report.
TA_CV="[i['cv'] for l in d['levels'] if l['level']=='primary' for i in l['indicators'] if i['id']=='teaching_area_per_student'][0]"
PRIM="[l for l in d['levels'] if l['level']=='primary'][0]"
# refuses NAME PATTERN ARGS...: exit 3, stderr matches PATTERN, nothing on
# stdout, no output folder $tmp/never.
refuses() {
    local name=$1 pattern=$2; shift 2
    rm -rf "$tmp/never"
    run "$tmp/o" "$tmp/e" "$@"
    if [ "$rc" -ne 3 ]; then bad "$name: exit $rc, expected 3 ($(head -c 300 "$tmp/e"))"
    elif ! grep -Eq -- "$pattern" "$tmp/e"; then bad "$name: message '$(head -c 400 "$tmp/e")' lacks /$pattern/"
    elif [ -s "$tmp/o" ]; then bad "$name: printed a partial report"
    elif [ -e "$tmp/never" ]; then bad "$name: output folder was created"
    else ok "$name"; fi
}

# ---------------------------------------------------------------------------
family examples
# The template's eight example rows (lines 2-9), then hand3's three schools
# below them, as a clerk who forgot to delete the examples would.
SOURCE_DATE_EPOCH=1700000000 "$bin" template --out "$tmp/tpl.d" >/dev/null 2>&1
SOURCE_DATE_EPOCH=1700000000 "$bin" template --lang en --out "$tmp/tpl-en.d" >/dev/null 2>&1
cp "$tmp/tpl.d/junheng-template.xlsx" "$tmp/tpl.xlsx"
cp "$tmp/tpl-en.d/junheng-template.xlsx" "$tmp/tpl-en.xlsx"
"$py" - "$tmp" <<'EOF'
import sys
from openpyxl import load_workbook
tmp = sys.argv[1]
rows = [("1000000001", "甲小学", 100, 5, 1, 1, 600, 800, 25, 3),
        ("1000000002", "乙小学", 200, 10, 2, 2, 1000, 1600, 46, 5),
        ("1000000003", "丙小学", 700, 35, 7, 7, 3150, 5600, 147, 17)]
for lang, kind, county in (("", "小学", "测试县"), ("-en", "primary", "Test")):
    wb = load_workbook(f"{tmp}/tpl{lang}.xlsx")
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(head)}
    for k, r in enumerate(rows):
        row = 10 + k
        code, name, p, deg, bb, pe, ta, sa, eq, mm = r
        vals = {}
        for h in head:
            if h is None:
                continue
            if h in ("学校代码", "code"):
                vals[h] = code
            elif h in ("学校名称", "name"):
                vals[h] = name
            elif h in ("学校类型", "type"):
                vals[h] = kind
            elif h.startswith("小学在校生数") or h.startswith("students_primary"):
                vals[h] = p
            elif h.startswith("小学高于") or h.startswith("degree_teachers_primary"):
                vals[h] = deg
            elif h.startswith("小学县级") or h.startswith("backbone_teachers_primary"):
                vals[h] = bb
            elif h.startswith("小学体育") or h.startswith("pe_art_teachers_primary"):
                vals[h] = pe
            elif h.startswith("教学及辅助") or h.startswith("teaching_area"):
                vals[h] = ta
            elif h.startswith("体育运动场馆") or h.startswith("sports_area"):
                vals[h] = sa
            elif h.startswith("教学仪器") or h.startswith("equipment_value"):
                vals[h] = eq
            elif h.startswith("网络多媒体") or h.startswith("multimedia_rooms"):
                vals[h] = mm
            elif h in ("县区", "county"):
                vals[h] = county
        for h, v in vals.items():
            ws.cell(row=row, column=col[h], value=v)
    wb.save(f"{tmp}/below{lang}.xlsx")
# A clerk edited the first example's figures into a real school but kept
# its name (still marked 示例).
wb = load_workbook(f"{tmp}/below.xlsx")
ws = wb.worksheets[0]
ws.delete_rows(3, 7)          # keep the first example (line 2) only
ws.cell(row=2, column=6, value=400)
wb.save(f"{tmp}/edited.xlsx")
EOF
run "$tmp/below.json" "$tmp/below.err" analyze "$tmp/below.xlsx" -f json
if [ "$rc" -ne 0 ]; then bad "examples below: exit $rc ($(head -c 300 "$tmp/below.err"))"; else
    pycheck "examples skipped: primary CV is hand3's 0.097048" "$tmp/below.json" "abs($TA_CV - $HAND_CV) < 1e-9"
    pycheck "examples skipped: 3 primary schools, 1000 pupils" "$tmp/below.json" "$PRIM['schools'] == 3 and $PRIM['students'] == 1000"
    pycheck "examples skipped: no other level counted" "$tmp/below.json" "len(d['levels']) == 1 and len(d['schools']) == 3"
    pycheck "examples skipped: county is the real one" "$tmp/below.json" "d['county'] == '测试县'"
fi
if grep -q "学校数据!B2" "$tmp/below.err" && grep -q "学校数据!B9" "$tmp/below.err" && grep -q "示例行" "$tmp/below.err"; then
    ok "examples skipped: a warning names each example row"
else bad "examples skipped: no warning naming rows 2-9: $(head -c 400 "$tmp/below.err")"; fi
run "$tmp/o" "$tmp/e" check "$tmp/below.xlsx"
if grep -q "学校数据!B2" "$tmp/o" "$tmp/e" && grep -q "示例" "$tmp/o" "$tmp/e"; then
    ok "check names the example rows"
else bad "check says nothing of the examples: $(head -c 400 "$tmp/o")"; fi
run "$tmp/en.json" "$tmp/e" analyze "$tmp/below-en.xlsx" -f json
if [ "$rc" -ne 0 ]; then bad "English examples: exit $rc"; else
    pycheck "English template: examples skipped, CV 0.097048" "$tmp/en.json" "abs($TA_CV - $HAND_CV) < 1e-9 and len(d['schools']) == 3"
fi
refuses "the bare template (examples only) is refused" "only the template's example rows" analyze "$tmp/tpl.xlsx" --out "$tmp/never" --lang en
run "$tmp/o" "$tmp/e" analyze "$tmp/edited.xlsx" -f json
if grep -q "学校数据!B2" "$tmp/e" && "$py" -c "import json,sys; d=json.load(open('$tmp/o')); sys.exit(0 if len(d['schools'])==3 else 1)" 2>/dev/null; then
    ok "an edited example still marked 示例 is still skipped, and said so"
else bad "an edited example: exit $rc $(head -c 300 "$tmp/e")"; fi
# Hostile: a school whose name merely resembles the marker is counted.
f=$(csv like.csv "$H" "$R1" "1000000002,示范小学,小学,200,0,0,10,2,2,1000,1600,460000,5" "$R3")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "示范小学 (not 示例) is a school" "$tmp/o" "len(d['schools']) == 3 and abs($TA_CV - $HAND_CV) < 1e-9"
f=$(csv csvex.csv "$H,county" "$R1,测试县" "9,某某小学（示例）,小学,1200,0,0,27,18,14,7200,12000,3000000,32,示例县" "$R2,测试县" "$R3,测试县")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
if grep -q "csvex.csv:3" "$tmp/e"; then
    pycheck "a CSV example row in the middle is skipped (line 3 named)" "$tmp/o" "abs($TA_CV - $HAND_CV) < 1e-9 and d['county'] == '测试县'"
else bad "a CSV example row: no warning naming line 3: $(head -c 300 "$tmp/e")"; fi
f=$(csv excode.csv "$H" "$R1" "示例0001,某小学,小学,1200,0,0,27,18,14,7200,12000,3000000,32" "$R2" "$R3")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
if grep -q "excode.csv:3" "$tmp/e"; then
    pycheck "示例 in the code: the row is skipped" "$tmp/o" "len(d['schools']) == 3 and abs($TA_CV - $HAND_CV) < 1e-9"
else bad "示例 in the code: no warning naming line 3"; fi
f=$(csv excounty.csv "$H,county" "$R1,示例县" "$R2,示例县" "$R3,示例县")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
if [ "$rc" -eq 0 ] && grep -q "示例县" "$tmp/e"; then ok "real schools left in 示例县: warned"
else bad "real schools in 示例县: exit $rc, no warning: $(head -c 300 "$tmp/e")"; fi

# ---------------------------------------------------------------------------
family counties
"$py" - "$tmp" "$H" <<'EOF'
import sys
tmp, head = sys.argv[1], sys.argv[2]
with open(tmp + "/twelve.csv", "w") as f:
    f.write(head + ",county\n")
    n = 0
    for c in range(12):
        for i in range(50 + c % 3):
            n += 1
            p = 100 + (n * 37) % 900
            f.write(f"{n},学校{n},小学,{p},0,0,{p // 20},{p // 80},{p // 90 + 1},"
                    f"{p * 5},{p * 8},{p * 2500},{p // 40 + 1},第{c + 1}县\n")
EOF
refuses "12 counties: analyze refuses, names them and the file" "twelve.csv: “县区”列中有 12 个县（区）（“第1县”、“第2县”、“第3县”、“第4县”……）：一次只能分析一个县（区）；请用 junheng batch .*twelve.csv 一次分析全部" analyze "$tmp/twelve.csv" --out "$tmp/never"
refuses "12 counties, --lang en: in English" "twelve.csv: .*12 counties.*'第1县'.*batch" analyze "$tmp/twelve.csv" --out "$tmp/never" --lang en
refuses "12 counties: check refuses" "twelve.csv: .*12 个县（区）.*junheng batch" check "$tmp/twelve.csv"
refuses "12 counties: plan refuses" "twelve.csv: .*12 个县（区）" plan "$tmp/twelve.csv" --out "$tmp/never"
f=$(csv two.csv "$H,county" "$R1,东县" "$R2,东县" "$R3,西县")
refuses "two counties, one school in the second" "two.csv: .*2 个县（区）（“东县”、“西县”）" analyze "$f" -f json
refuses "two counties: verify refuses" "two.csv: .*2 个县（区）.*junheng batch" verify "$f" --claims "$f"
refuses "two counties: evaluate refuses" "two.csv: .*2 个县（区）.*junheng batch" evaluate "$f" --county "$f"
f=$(csv blankc.csv "$H,county" "$R1,东县" "$R2," "$R3,东县")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "one county with a blank cell is one county" "$tmp/o" "d['county'] == '东县' and len(d['schools']) == 3"
run "$tmp/o" "$tmp/e" batch "$tmp/twelve.csv" --out "$tmp/batch12" --no-charts
if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then ok "batch still takes the 12 counties"; else bad "batch on 12 counties: exit $rc $(head -c 300 "$tmp/e")"; fi
f=$(csv bex.csv "$H,county" "9,城关小学（示例）,小学,1200,0,0,27,18,14,7200,12000,3000000,32,示例县" "$R1,东县" "$R2,东县" "$R3,西县")
run "$tmp/bex.json" "$tmp/e" batch "$f" --out "$tmp/bexo" --no-charts -f json
if [ "$rc" -le 1 ] && grep -q "bex.csv:2: .*示例行" "$tmp/e"; then
    pycheck "batch: the template's examples make no county 示例县 (2 counties)" "$tmp/bex.json" "d['counties'] == 2"
else bad "batch with example rows: exit $rc $(head -c 300 "$tmp/e")"; fi

# ---------------------------------------------------------------------------
family totals
S1="1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3"
S2="2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5"
S3="3,丙小学,小学,300,0,0,15,3,3,1500,2400,690000,7"
f=$(csv tot1.csv "$H" "$S1" "$S2" "$S3" "合计,合计,小学,600,0,0,30,6,6,3100,4800,1400000,15")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "合计 in the code: 3 schools, 600 pupils" "$tmp/o" "$PRIM['schools'] == 3 and $PRIM['students'] == 600"
if grep -q "tot1.csv:5" "$tmp/e"; then ok "合计 row: the warning names line 5"; else bad "合计 row: no warning naming line 5: $(head -c 300 "$tmp/e")"; fi
f=$(csv tot2.csv "$H" "$S1" "99,总 计,小学,300,0,0,15,3,3,1600,2400,710000,8" "$S2" "$S3")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "'总 计' with a code, in the middle: 3 schools, 600 pupils" "$tmp/o" "$PRIM['schools'] == 3 and $PRIM['students'] == 600"
grep -q "tot2.csv:3" "$tmp/e" && ok "总 计: line 3 named" || bad "总 计: no warning naming line 3"
f=$(csv tot3.csv "$H" "$S1" "$S2" "$S3" "X1,全县合计,小学,600,0,0,30,6,6,3100,4800,1400000,15" "X2,小　计,小学,600,0,0,30,6,6,3100,4800,1400000,15" "全县,,小学,600,0,0,30,6,6,3100,4800,1400000,15")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "全县合计, 小　计 (full-width space), 全县: none counted" "$tmp/o" "$PRIM['schools'] == 3 and $PRIM['students'] == 600"
f=$(csv tot4.csv "$H" "$S1" "$S2" "$S3" "4,合计小学,小学,300,0,0,15,3,3,1500,2400,690000,7")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "a school called 合计小学 is a school (4 schools)" "$tmp/o" "$PRIM['schools'] == 4 and $PRIM['students'] == 900"
f=$(csv tot5.csv "$H" "$S1" "$S2" "$S3" ",合计（3所）,小学,600,0,0,30,6,6,3100,4800,1400000,15" "TOTAL,Grand Total,小学,600,0,0,30,6,6,3100,4800,1400000,15")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "合计（3所） and 'Grand Total': not counted" "$tmp/o" "$PRIM['schools'] == 3 and $PRIM['students'] == 600"
run "$tmp/o" "$tmp/e" check "$tmp/tot1.csv"
grep -q "tot1.csv:5" "$tmp/o" "$tmp/e" && ok "check names the total row" || bad "check does not name the total row"

# ---------------------------------------------------------------------------
family units
HU="code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,UNIT,equipment_value,multimedia_rooms"
# Sports areas of hand3 (800, 1600, 5600 m²) in 亩: 1 亩 = 10000/15 m².
f=$(csv mu.csv "${HU/UNIT/体育运动场馆面积(亩)}" "1000000001,甲小学,小学,100,0,0,5,1,1,600,1.2,250000,3" "1000000002,乙小学,小学,200,0,0,10,2,2,1000,2.4,460000,5" "1000000003,丙小学,小学,700,0,0,35,7,7,3150,8.4,1470000,17")
run "$tmp/mu.json" "$tmp/e" analyze "$f" -f json
"$bin" analyze "$src/tests/data/hand3.csv" -f json >"$tmp/hand3.json" 2>/dev/null
SPV="{s['code']: s['values']['sports_area_per_student'] for s in d['schools']}"
pycheck "sports area in 亩 read as 10000/15 m² each (甲 8.0 m²/pupil)" "$tmp/mu.json" "abs($SPV['1000000001'] - 8.0) < 1e-9 and abs($SPV['1000000003'] - 8.0) < 1e-9"
grep -q "亩" "$tmp/e" && ok "亩: the conversion is said" || bad "亩 converted silently"
f=$(csv qy.csv "${HU/UNIT/sports_area}" "1000000001,甲小学,小学,100,0,0,5,1,1,600,800,250,3" "1000000002,乙小学,小学,200,0,0,10,2,2,1000,1600,460,5" "1000000003,丙小学,小学,700,0,0,35,7,7,3150,5600,1470,17")
sed -i '1s/equipment_value/教学仪器设备值(千元)/' "$f"
run "$tmp/qy.json" "$tmp/e" analyze "$f" -f json
EQV="{s['code']: s['values']['equipment_value_per_student'] for s in d['schools']}"
pycheck "equipment in 千元 read ×1000 (甲 2500 元/pupil)" "$tmp/qy.json" "abs($EQV['1000000001'] - 2500) < 1e-9 and abs($EQV['1000000003'] - 2100) < 1e-9"
run "$tmp/o" "$tmp/e2" check "$f"
cat "$tmp/e2" "$tmp/o" >>"$tmp/e"
grep -q "万元" "$tmp/e" && bad "千元: a message speaks of 万元: $(grep 万元 "$tmp/e" | head -1)" || ok "千元: no message speaks of 万元"
f=$(csv ha.csv "${HU/UNIT/体育运动场馆面积(公顷)}" "$R1" "$R2" "$R3")
refuses "an unknown unit (公顷) is refused, naming the header" "ha.csv:1:11: .*体育运动场馆面积\(公顷\).*公顷" analyze "$f" --out "$tmp/never"
f=$(csv wrongkind.csv "${HU/UNIT/体育运动场馆面积(万元)}" "$R1" "$R2" "$R3")
refuses "a money unit on an area column is refused" "wrongkind.csv:1:11: .*万元" analyze "$f" --out "$tmp/never"
f=$(csv perpupil.csv "${HU/UNIT/体育运动场馆面积(平方米/生)}" "$R1" "$R2" "$R3")
refuses "a per-pupil unit is refused" "perpupil.csv:1:11: " analyze "$f" --out "$tmp/never"
f=$(csv okunits.csv "code,name,type,students_primary(人),students_junior,students_senior,degree_teachers(人),backbone_teachers,pe_art_teachers,teaching_area(㎡),sports_area(m²),equipment_value(元),multimedia_rooms(间)" "$R1" "$R2" "$R3")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
pycheck "known units (人 ㎡ m² 元 间) read as before" "$tmp/o" "abs($TA_CV - $HAND_CV) < 1e-9"
f=$(csv qycell.csv "${HU/UNIT/sports_area}" "1000000001,甲小学,小学,100,0,0,5,1,1,600,800,25万元,3" "$R2" "$R3")
sed -i '1s/equipment_value/教学仪器设备值(千元)/' "$f"
refuses "25万元 in a 千元 column is refused, not read as 25 千元" "qycell.csv:2:12: .*万元.*千元" analyze "$f" --out "$tmp/never"
f=$(csv mucell.csv "$H" "1000000001,甲小学,小学,100,0,0,5,1,1,600,1.2亩,250000,3" "$R2" "$R3")
refuses "1.2亩 under a m² header is refused, not read as 1.2 m²" "mucell.csv:2:11: .*亩" analyze "$f" --out "$tmp/never"
f=$(csv yuanpeople.csv "code,name,type,students_primary(元),students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms" "$R1" "$R2" "$R3")
refuses "元 on an enrollment column is refused" "yuanpeople.csv:1:4: .*元" analyze "$f" --out "$tmp/never"
# Magnitudes: 万元 typed into a 元 column; sports area in the wrong unit.
f=$(csv mag.csv "$H" "$R1" "1000000002,乙小学,小学,200,0,0,10,2,2,1000,1600,46,5" "1000000003,丙小学,小学,700,0,0,35,7,7,3150,1400000,1470000,17")
run "$tmp/o" "$tmp/e" analyze "$f" -f json
if grep -q "mag.csv:3" "$tmp/e" && grep -q "乙小学" "$tmp/e" && grep -q "万元" "$tmp/e"; then ok "equipment 0.23 元/pupil: warned (乙小学, line 3, 万元?)"
else bad "equipment 0.23 元/pupil: no warning: $(head -c 300 "$tmp/e")"; fi
if grep -q "mag.csv:4" "$tmp/e" && grep -q "丙小学" "$tmp/e"; then ok "sports area 2000 m²/pupil: warned (丙小学, line 4)"
else bad "sports area 2000 m²/pupil: no warning"; fi

# ---------------------------------------------------------------------------
family xlsx
for m in twov inlinev vinline dup dupcase; do "$py" - "$tmp/$m.xlsx" "$m" <<'EOF'
import sys, zipfile, warnings
out, mode = sys.argv[1], sys.argv[2]
head = ["code", "name", "type", "students_primary", "students_junior",
        "students_senior", "degree_teachers", "backbone_teachers",
        "pe_art_teachers", "teaching_area", "sports_area", "equipment_value",
        "multimedia_rooms"]
rows = [["1000000001", "甲小学", "小学", 100, 0, 0, 5, 1, 1, 600, 800, 250000, 3],
        ["1000000002", "乙小学", "小学", 200, 0, 0, 10, 2, 2, 1000, 1600, 460000, 5],
        ["1000000003", "丙小学", "小学", 700, 0, 0, 35, 7, 7, 3150, 5600, 1470000, 17]]
def cell(r, j, v):
    ref = chr(65 + j) + str(r)
    if r == 2 and j == 9:   # 甲's teaching area, J2
        if mode == "twov":
            return f'<c r="{ref}"><v>9</v><v>600</v></c>'
        if mode == "inlinev":
            return f'<c r="{ref}" t="inlineStr"><is><t>600</t></is><v>9</v></c>'
        if mode == "vinline":
            return f'<c r="{ref}" t="inlineStr"><v>9</v><is><t>600</t></is></c>'
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
    return f'<c r="{ref}"><v>{v}</v></c>'
xml = "".join(f'<row r="{i + 1}">' + "".join(cell(i + 1, j, v) for j, v in enumerate(row)) + "</row>"
              for i, row in enumerate([head] + rows))
ns = "http://schemas.openxmlformats.org"
sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>{xml}</sheetData></worksheet>'
parts = {
    "[Content_Types].xml": f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="学校数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
warnings.simplefilter("ignore")   # zipfile warns about the duplicate name
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for k, v in parts.items():
        z.writestr(k, v)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
    if mode == "dup":   # LibreOffice reads this second copy
        z.writestr("xl/worksheets/sheet1.xml", sheet.replace("<v>600</v>", "<v>900</v>"))
    if mode == "dupcase":   # junheng looks entries up without case
        z.writestr("XL/Worksheets/Sheet1.xml", sheet.replace("<v>600</v>", "<v>900</v>"))
EOF
done
TA1="[s for s in d['schools'] if s['code']=='1000000001'][0]['values']['teaching_area_per_student']"
run "$tmp/o" "$tmp/e" analyze "$tmp/twov.xlsx" -f json
pycheck "two <v> in a cell: the last (600), as LibreOffice reads it" "$tmp/o" "abs($TA1 - 6.0) < 1e-12 and abs($TA_CV - $HAND_CV) < 1e-9"
run "$tmp/o" "$tmp/e" analyze "$tmp/inlinev.xlsx" -f json
pycheck "inline string then a stray <v>: the <is> text (600)" "$tmp/o" "abs($TA1 - 6.0) < 1e-12"
run "$tmp/o" "$tmp/e" analyze "$tmp/vinline.xlsx" -f json
pycheck "a stray <v> then the inline string: the <is> text (600)" "$tmp/o" "abs($TA1 - 6.0) < 1e-12"
# The same files through LibreOffice (when installed): its reading of the
# cell J2 must be junheng's (two <v>: the last; duplicate entry: refused
# by junheng, LibreOffice reads the second copy).
if command -v soffice >/dev/null 2>&1; then
    mkdir -p "$tmp/lo"
    timeout 180 soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
        --convert-to csv --outdir "$tmp/lo" "$tmp/twov.xlsx" >/dev/null 2>&1
    if [ "$(sed -n 2p "$tmp/lo/twov.csv" 2>/dev/null | cut -d, -f10)" = 600 ]; then
        ok "LibreOffice reads the two-<v> cell as 600 too"
    else bad "LibreOffice reads the two-<v> cell as '$(sed -n 2p "$tmp/lo/twov.csv" 2>/dev/null | cut -d, -f10)'"; fi
fi
refuses "duplicate zip entries: refused as damaged" "dup.xlsx: 工作簿已损坏：zip 压缩包中“xl/worksheets/sheet1.xml”出现了两次.*；请用电子表格程序打开后重新保存" analyze "$tmp/dup.xlsx" --out "$tmp/never"
refuses "duplicate zip entries: refused as damaged (--lang en)" "dup.xlsx: the workbook is damaged: its zip holds the entry 'xl/worksheets/sheet1.xml' twice" analyze "$tmp/dup.xlsx" --out "$tmp/never" --lang en
refuses "duplicate zip entries: check refuses too" "dup.xlsx: 工作簿已损坏.*出现了两次" check "$tmp/dup.xlsx"
refuses "entries differing only in case: refused as damaged" "dupcase.xlsx: 工作簿已损坏" analyze "$tmp/dupcase.xlsx" --out "$tmp/never"

# ---------------------------------------------------------------------------
family lines
# Excel for Mac writes CR-only line ends.
printf '%s\r%s\r%s\r%s\r' "$H" "$R1" "1000000002,乙小学,小学,abc,0,0,10,2,2,1000,1600,460000,5" "$R3" >"$tmp/cr.csv"
refuses "CR-only: the error names line 3" "cr.csv:3:4: " analyze "$tmp/cr.csv" --out "$tmp/never"
run "$tmp/o" "$tmp/e" check "$tmp/cr.csv" -f json
pycheck "CR-only: check's JSON says line 3" "$tmp/o" "[e['line'] for e in d['errors']] == [3]"
iconv -f utf-8 -t gb18030 "$tmp/cr.csv" >"$tmp/crgbk.csv"
refuses "CR-only in GBK: the error names line 3" "crgbk.csv:3:4: " analyze "$tmp/crgbk.csv" --out "$tmp/never"
printf '%s\r%s\r%s\r%s\r' "$H" "$R1" "$R2" "$R3" >"$tmp/crok.csv"
run "$tmp/o" "$tmp/e" analyze "$tmp/crok.csv" -f json
pycheck "CR-only: schools on lines 2, 3, 4 and the hand CV" "$tmp/o" "[s['line'] for s in d['schools']] == [2, 3, 4] and abs($TA_CV - $HAND_CV) < 1e-9"
printf '%s\r\r%s\r\n%s\n%s\r' "$H" "$R1" "$R2" '"1000000003",丙小学,小学,700,0,0,35,7,7,3150,5600,1470000,17' >"$tmp/crmix.csv"
run "$tmp/o" "$tmp/e" analyze "$tmp/crmix.csv" -f json
pycheck "CR, blank CR line, CRLF and LF mixed: lines 3, 4, 5" "$tmp/o" "[s['line'] for s in d['schools']] == [3, 4, 5]"
printf '%s\r%s\r1000000002,"乙\r小学",小学,200,0,0,10,2,2,1000,1600,460000,5\r%s\r' "$H" "$R1" "$R3" >"$tmp/crq.csv"
run "$tmp/o" "$tmp/e" analyze "$tmp/crq.csv" -f json
pycheck "a CR inside quotes: the next school is on line 5" "$tmp/o" "[s['line'] for s in d['schools']] == [2, 3, 5]"
# Messages of the school data and of the bytes, in Chinese by default.
refuses "a blank required value: its cell, in Chinese" \
    "blank.csv:3:10: 乙小学（1000000002）缺少“教学及辅助用房面积”；空白不等于零，没有请填 0$" \
    analyze "$(csv blank.csv "$H" "$R1" "1000000002,乙小学,小学,200,0,0,10,2,2,,1600,460000,5")" --out "$tmp/never"
refuses "junior pupils in a primary school: check the type, in Chinese" \
    "type.csv:3:5: 乙小学（1000000002）是小学，却有 30 名初中学生；请核对学校类型是否填对$" \
    analyze "$(csv type.csv "$H" "$R1" "1000000002,乙小学,小学,200,30,0,10,2,2,1000,1600,460000,5")" --out "$tmp/never"
cut -d, -f1-9,11- "$tmp/blank.csv" >"$tmp/nocol.csv"
refuses "a column an indicator needs: named, in Chinese" \
    "nocol.csv: 缺少必需的列「教学及辅助用房面积」，指标“生均教学及辅助用房面积”要用到它" analyze "$tmp/nocol.csv" --out "$tmp/never"
printf '%s\n1000000001,甲\0小学\n' "$H" >"$tmp/nul.csv"
refuses "a NUL byte, in Chinese" "nul.csv:2: 文件中有 NUL 字节：可能是二进制文件" analyze "$tmp/nul.csv" --out "$tmp/never"
printf '%s\n1000000001,甲\x80\x80小学\n' "$H" >"$tmp/enc.csv"
refuses "bytes in no encoding, in Chinese" \
    "enc.csv:2: 文字编码既不是 UTF-8 也不是 GBK/GB18030（无效字节 0x80，位于第 [0-9]+ 字节后）；请用 --encoding 指明编码" \
    analyze "$tmp/enc.csv" --out "$tmp/never"

# ---------------------------------------------------------------------------
family streams
"$py" -c "
import sys
rows = ['$H']
for i in range(1, 401):
    p = 100 + (i * 37) % 900
    rows.append(f'{i},学校{i},小学,{p},0,0,{p // 20 + i % 7},{p // 80 + i % 3},{p // 90 + 1},{p * 5 + i % 50},{p * 8 + i % 70},{p * 2500 + i % 1000},{p // 40 + 1}')
open('$tmp/big400.csv', 'w').write('\n'.join(rows) + '\n')"
"$bin" analyze "$tmp/big400.csv" -f json 2>/dev/null | grep -v '"source"\|"county"' >"$tmp/file.json"
cat "$tmp/big400.csv" | timeout 30 "$bin" analyze /dev/stdin -f json 2>"$tmp/e" | grep -v '"source"\|"county"' >"$tmp/pipe.json"
if [ -s "$tmp/file.json" ] && cmp -s "$tmp/file.json" "$tmp/pipe.json"; then ok "a 400-school file through a pipe: the same figures"
else bad "through a pipe: $(head -c 300 "$tmp/e")"; fi
timeout 30 "$bin" analyze <(cat "$tmp/big400.csv") -f json 2>"$tmp/e" | grep -v '"source"\|"county"' >"$tmp/ps.json"
cmp -s "$tmp/file.json" "$tmp/ps.json" && ok "process substitution <(cat file): the same figures" || bad "process substitution: $(head -c 300 "$tmp/e")"
cat "$src/tests/data/hand3.xls" | timeout 30 "$bin" analyze /dev/stdin -f json >"$tmp/o" 2>"$tmp/e"; rc=$?
if [ "$rc" -eq 0 ] || grep -q "stdin" "$tmp/e"; then ok "an .xls workbook through a pipe: read or refused by name (exit $rc)"
else bad "an .xls through a pipe: exit $rc $(head -c 300 "$tmp/e")"; fi
run "$tmp/o" "$tmp/e" analyze <(cat "$tmp/crok.csv") -f json
pycheck "a pipe of CR-only text: lines 2, 3, 4" "$tmp/o" "[s['line'] for s in d['schools']] == [2, 3, 4]"
run "$tmp/o" "$tmp/e" analyze <(cat "$tmp/below.xlsx") -f json
pycheck "an .xlsx workbook through a pipe: examples skipped, CV 0.097048" "$tmp/o" "abs($TA_CV - $HAND_CV) < 1e-9 and len(d['schools']) == 3"
mkfifo "$tmp/fifo"
mkfifo "$tmp/fifo2"
cat "$tmp/big400.csv" >"$tmp/fifo2" &
writer=$!
sleep 0.3
timeout 30 "$bin" analyze "$tmp/fifo2" -f json 2>"$tmp/e" | grep -v '"source"\|"county"' >"$tmp/fifo.json"
wait "$writer" 2>/dev/null
cmp -s "$tmp/file.json" "$tmp/fifo.json" && ok "a FIFO whose writer waits: read whole, the same figures" || bad "a FIFO with a writer: $(head -c 300 "$tmp/e")"
start=$(date +%s)
refuses "a pipe over the 1 MiB standards limit: refused while reading" "/dev/fd/[0-9]+: 文件太大，超过了 1048576 字节的上限" analyze "$tmp/crok.csv" --standard <(head -c 3000000 /dev/zero | tr '\0' a) --out "$tmp/never"
refuses "a FIFO without a writer: refused at once, no hang" "fifo: 没有可读的内容：管道是空的，或没有程序向它写入" analyze "$tmp/fifo" --out "$tmp/never"
[ $(( $(date +%s) - start )) -lt 10 ] && ok "the FIFO took under 10 s" || bad "the FIFO took $(( $(date +%s) - start )) s"
start=$(date +%s)
refuses "batch on a FIFO without a writer: refused at once" "fifo: nothing to read" batch "$tmp/fifo" --out "$tmp/never" --no-charts --lang en
[ $(( $(date +%s) - start )) -lt 10 ] && ok "batch: the FIFO took under 10 s" || bad "batch: the FIFO took $(( $(date +%s) - start )) s"
start=$(date +%s)
refuses "/dev/zero: refused at once" "/dev/zero: 这不是文件，而是设备；junheng 只读取文件和管道$" analyze /dev/zero --out "$tmp/never"
[ $(( $(date +%s) - start )) -lt 3 ] && ok "/dev/zero took under 3 s" || bad "/dev/zero took $(( $(date +%s) - start )) s"
refuses "a folder is refused" ": 这是一个文件夹，不是文件；请写出其中要读取的文件名$" analyze "$tmp" --out "$tmp/never"
refuses "/dev/zero as a standards file" "/dev/zero: 这不是文件，而是设备" analyze "$tmp/crok.csv" --standard /dev/zero --out "$tmp/never"
refuses "/dev/zero, --lang en" "/dev/zero: not a file but a device: junheng reads files and pipes$" analyze /dev/zero --out "$tmp/never" --lang en

# ---------------------------------------------------------------------------
family names
"$py" - "$tmp" "$H" <<'EOF'
import sys
tmp, head = sys.argv[1], sys.argv[2]
r = lambda name: f"1000000002,{name},小学,200,0,0,10,2,2,1000,1600,460000,5"
r1 = "1000000001,甲小学,小学,100,0,0,5,1,1,600,800,250000,3"
r3 = "1000000003,丙小学,小学,700,0,0,35,7,7,3150,5600,1470000,17"
for name, text in (("long40k", "x" * 40000), ("long32767", "名" * 21000),
                   ("exact", "x" * 32767), ("over", "x" * 32768)):
    open(f"{tmp}/{name}.csv", "w").write("\n".join([head, r1, r(text), r3]) + "\n")
EOF
refuses "a 40,000-character name: refused at its cell" "long40k.csv:3:2: .*32767" analyze "$tmp/long40k.csv" --out "$tmp/never"
refuses "a 32,768-character name: refused" "over.csv:3:2: " analyze "$tmp/over.csv" --out "$tmp/never"
refuses "a long code: refused at its cell" "longcode.csv:2:1: " analyze "$(csv longcode.csv "$H" "$("$py" -c "print('9'*33000)"),甲小学,小学,100,0,0,5,1,1,600,800,250000,3" "$R2")" --out "$tmp/never"
run "$tmp/o" "$tmp/e" analyze "$tmp/exact.csv" --out "$tmp/exact" --no-charts
[ "$rc" -eq 0 ] && [ -s "$tmp/exact/report.xlsx" ] && ok "a 32,767-character name fits the workbook" || bad "a 32,767-character name: exit $rc $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" analyze "$tmp/long32767.csv" --out "$tmp/cjk" --no-charts
[ "$rc" -eq 0 ] && [ -s "$tmp/cjk/report.xlsx" ] && ok "a 21,000-character Chinese name (63,000 bytes) fits the workbook" || bad "a 21,000-character Chinese name: exit $rc $(head -c 300 "$tmp/e")"
refuses "a long county name is refused too" "longcounty.csv:2:14: " analyze "$(csv longcounty.csv "$H,county" "$R1,$("$py" -c "print('x'*33000)")" "$R2," "$R3,")" --out "$tmp/never"

# ---------------------------------------------------------------------------
family check_text
# check's findings in Chinese by default: a blank enrollment without the
# column key, and the analysis's own error (no school left to evaluate)
# with its Chinese text; English with --lang en.
f=$(csv blank.csv "$H" "1000000001,甲小学,小学,,0,0,5,1,1,600,800,250000,3" "$R2" "$R3")
run "$tmp/o" "$tmp/e" check "$f"
if grep -q "blank.csv:2:4: 甲小学（1000000001，小学）没有填小学在校生数：空白不等于0，没有学生请填0$" "$tmp/o" &&
    ! grep -q "students_primary" "$tmp/o"; then ok "check: blank enrollment in Chinese, no column key"
else bad "check: blank enrollment: $(head -c 600 "$tmp/o")"; fi
run "$tmp/o" "$tmp/e" check "$f" --lang en
grep -q "blank.csv:2:4: .*甲小学 (1000000001, 小学) has no 小学在校生数 (students_primary): blank is not zero" "$tmp/o" &&
    ok "check --lang en: blank enrollment in English" || bad "check --lang en: $(head -c 600 "$tmp/o")"
f=$(csv onlytp.csv "$H" "1000000001,甲教学点,教学点,10,0,0,1,1,1,50,80,25000,1")
run "$tmp/o" "$tmp/e" check "$f"
grep -q "onlytp.csv: 没有参与评估的学校：全部1行都被排除在外，请检查学校类型、在校生数和「纳入计算」列$" "$tmp/o" &&
    ok "check: the analysis's error in Chinese" || bad "check: no school evaluated: $(head -c 600 "$tmp/o")"
run "$tmp/o" "$tmp/e" check "$f" --lang en
grep -q "onlytp.csv: no school is evaluated: all 1 rows were excluded$" "$tmp/o" &&
    ok "check --lang en: the analysis's error in English" || bad "check --lang en: no school evaluated: $(head -c 600 "$tmp/o")"

finish
