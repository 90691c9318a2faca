#!/usr/bin/env bash
# Issue 15, items 2 and 3: the names people use, and errors that teach.
#   test_names.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# Headers of the statistics system and provincial forms (学校（机构）标识码,
# 办学类型, 所在区县, Alt+Enter inside a header cell, full-width
# parentheses and spaces, units) give the same figures as the canonical
# headers; each type name maps to its kind; a missing or misspelt column
# names the header found and the nearest known name, in Chinese by default
# (--lang en: English); a bad value names its cell (学校数据!H5) or
# file:line:col.
source "$(dirname "$0")/trust_lib.sh" "$@"

run() { local o=$1 e=$2; shift 2; timeout 120 "$bin" "$@" >"$o" 2>"$e"; rc=$?; }
pycheck() {
    if "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($3) else 1)" "$2" 2>"$tmp/pyerr"; then
        ok "$1"
    else bad "$1: $3 does not hold ($(head -c 300 "$tmp/pyerr"))"; fi
}
# errs NAME RC PATTERN ARGS...: exit RC, and stderr or stdout matching PATTERN.
errs() {
    local name=$1 want=$2 pattern=$3; shift 3
    run "$tmp/o" "$tmp/e" "$@"
    if [ "$rc" -ne "$want" ]; then bad "$name: exit $rc, expected $want ($(head -c 300 "$tmp/e"))"
    elif ! cat "$tmp/e" "$tmp/o" | grep -Eq -- "$pattern"; then bad "$name: message '$(head -c 600 "$tmp/e")' lacks /$pattern/"
    else ok "$name"; fi
}
# The figures of an analyze JSON that must not depend on header spellings.
FIG='json.dumps([[l["level"], l.get("schools"), [[i["id"], i.get("cv"), i.get("mean")] for i in l["indicators"]]] for l in d["levels"]], sort_keys=True)'
figures() { "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); print($FIG)" "$1"; }

Q="$src/datasets/qingxi-county.csv"
run "$tmp/canon.json" "$tmp/e" analyze "$Q" -f json
figures "$tmp/canon.json" >"$tmp/canon.fig" 2>/dev/null

# rename CSV OUT FROM=TO...: the qingxi header with some names replaced.
rename() {
    local out=$1; shift
    "$py" - "$Q" "$out" "$@" <<'PYEOF'
import csv, sys
src, out, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = list(csv.reader(open(src, encoding="utf-8-sig")))
m = dict(p.split("=", 1) for p in pairs)
rows[0] = [m.get(h, h).replace("\\n", "\n").replace("\\r", "\r") for h in rows[0]]
with open(out, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
PYEOF
}
same_figures() {
    local name=$1 file=$2
    run "$tmp/v.json" "$tmp/v.err" analyze "$file" -f json
    if [ "$rc" -ne 0 ]; then bad "$name: exit $rc ($(head -c 400 "$tmp/v.err"))"; return; fi
    figures "$tmp/v.json" >"$tmp/v.fig" 2>/dev/null
    if [ -s "$tmp/canon.fig" ] && cmp -s "$tmp/canon.fig" "$tmp/v.fig"; then ok "$name"
    else bad "$name: figures differ from the canonical headers"; fi
}

family headers
rename "$tmp/national.csv" \
    "学校代码=学校（机构）标识码" "学校名称=学校（机构）名称" "学校类型=办学类型" \
    "县区=所在区县" "举办者类型=举办者"
same_figures "statistics-system headers (学校（机构）标识码, 学校（机构）名称, 办学类型, 所在区县)" "$tmp/national.csv"
rename "$tmp/ascii.csv" \
    "学校代码=学校(机构)标识码" "学校名称=学校(机构)名称" "县区=区县"
same_figures "ASCII parentheses in 学校(机构)标识码, 区县" "$tmp/ascii.csv"
rename "$tmp/code2.csv" "学校代码=机构代码" "县区=县（市、区）" "举办者类型=举办者类型"
same_figures "机构代码 and 县（市、区）" "$tmp/code2.csv"
rename "$tmp/code3.csv" "学校代码=学校标识码" "县区=县区"
same_figures "学校标识码" "$tmp/code3.csv"
rename "$tmp/broken.csv" \
    "体育运动场馆面积(平方米)=体育运动场馆\\n面积(平方米)" \
    "教学及辅助用房面积(平方米)=教学及辅助\\r\\n用房面积（㎡）" \
    "学校名称=学校　名称" "教学仪器设备值(万元)=教学仪器设备值（万元）" \
    "图书册数=图书册数 (册)"
same_figures "headers broken across lines (LF, CR LF), full-width space and parentheses, units" "$tmp/broken.csv"
rename "$tmp/county1.csv" "县区=县市区"
same_figures "县市区" "$tmp/county1.csv"
pycheck "the canonical run has figures" "$tmp/canon.json" 'len(d["levels"]) == 2 and all(l["indicators"] for l in d["levels"])'

# Alt+Enter in an .xlsx built with openpyxl: the cell holds a line feed.
"$py" - "$Q" "$tmp/altenter.xlsx" <<'PYEOF'
import csv, sys
from openpyxl import Workbook
from openpyxl.styles import Alignment
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
wb = Workbook(); ws = wb.active; ws.title = "学校数据"
ren = {"体育运动场馆面积(平方米)": "体育运动场馆\n面积(平方米)",
       "学校代码": "学校（机构）\n标识码", "学校类型": "办学\n类型",
       "教学仪器设备值(万元)": "教学仪器\n设备值\n（万元）"}
ws.append([ren.get(h, h) for h in rows[0]])
for c in ws[1]:
    c.alignment = Alignment(wrap_text=True)
for r in rows[1:]:
    out = []
    for v in r:
        try:
            out.append(float(v) if "." in v else int(v))
        except ValueError:
            out.append(v if v != "" else None)
    ws.append(out)
wb.save(sys.argv[2])
PYEOF
same_figures "Alt+Enter headers in an .xlsx (体育运动场馆\\n面积, 学校（机构）\\n标识码)" "$tmp/altenter.xlsx"

# batch reads the county column with the same table of names: two
# counties in one file give two reports.
"$py" - "$Q" "$tmp/two.csv" <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
for i, r in enumerate(rows[1:]):
    if i % 2:
        r[0] = "白水县"
        r[1] = "9" + r[1][1:]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows(rows)
PYEOF
for h in 所在区县 县（市、区） 区县 县市区; do
    "$py" - "$tmp/two.csv" "$tmp/batch-$h.csv" "$h" <<'PYEOF'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
lines[0] = lines[0].replace("县区", sys.argv[3], 1)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PYEOF
    rm -rf "$tmp/bout"
    run "$tmp/o" "$tmp/e" batch "$tmp/batch-$h.csv" --out "$tmp/bout" -f json
    if [ "$rc" -eq 0 ] && grep -q "白水县" "$tmp/o" && grep -q "青溪县" "$tmp/o"; then ok "batch reads $h as the county column (two counties)"
    else bad "batch with $h: exit $rc, counties not told apart ($(head -c 300 "$tmp/e"))"; fi
done

family types
# One school of each type name; the sections they give are counted.
T="code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
csv types.csv "$T" \
    "1,一,九年制学校,100,50,0,8,2,2,900,1200,300000,4" \
    "2,二,九年一贯制,100,50,0,8,2,2,900,1200,300000,4" \
    "3,三,九年一贯制学校,100,50,0,8,2,2,900,1200,300000,4" \
    "4,四,完全小学,100,0,0,8,2,2,900,1200,300000,4" \
    "5,五,非完全小学,100,0,0,8,2,2,900,1200,300000,4" \
    "6,六,初级小学,100,0,0,8,2,2,900,1200,300000,4" \
    "7,七,小学教学点,30,0,0,8,2,2,900,1200,300000,4" \
    "8,八,十二年制学校,100,50,60,8,2,2,900,1200,300000,4" \
    "9,九,十二年一贯制,100,50,60,8,2,2,900,1200,300000,4" \
    "10,十,完全中学,0,80,60,8,2,2,900,1200,300000,4" \
    "11,十一,初级中学,0,80,0,8,2,2,900,1200,300000,4" \
    "12,十二,独立设置初中,0,80,0,8,2,2,900,1200,300000,4" \
    "13,十三,特殊教育学校,40,0,0,8,2,2,900,1200,300000,4" \
    "14,十四,小学,100,0,0,8,2,2,900,1200,300000,4" >/dev/null
run "$tmp/types.json" "$tmp/e" analyze "$tmp/types.csv" -f json
if [ "$rc" -ne 0 ]; then bad "type names: analyze exit $rc ($(head -c 400 "$tmp/e"))"; fi
# primary sections: 3 nine-year + 3 primary + 2 twelve-year + 1 小学 = 9
# (a teaching point is no section of its own, a special school none)
# junior sections: 3 nine-year + 2 twelve-year + 1 complete + 2 junior = 8
pycheck "type names: 9 primary sections (九年制, 完全小学, 初级小学, 小学教学点, 十二年制 ...)" "$tmp/types.json" '[l["schools"] for l in d["levels"] if l["level"]=="primary"] == [9]'
pycheck "type names: 8 junior sections (九年一贯制, 完全中学, 初级中学, 独立设置初中 ...)" "$tmp/types.json" '[l["schools"] for l in d["levels"] if l["level"]=="junior"] == [8]'
pycheck "type names: each school keeps its kind" "$tmp/types.json" \
    '{s["code"]: s["type"] for s in d["schools"]} == {"1":"nine_year","2":"nine_year","3":"nine_year","4":"primary","5":"primary","6":"primary","8":"twelve_year","9":"twelve_year","10":"complete_secondary","11":"junior","12":"junior","14":"primary"}'
run "$tmp/typesc.json" "$tmp/e" check "$tmp/types.csv" -f json
pycheck "type names: check counts each kind (小学教学点 a teaching point, 特殊教育学校 special)" "$tmp/typesc.json" \
    'd["by_type"] == {"primary":4,"nine_year":3,"teaching_point":1,"twelve_year":2,"complete_secondary":1,"junior":2,"special":1,"vocational":0}'

family errors
# 学校名 for 学校名称: the header found, the nearest name, the template.
csv nameless.csv "学校代码,学校名,学校类型,小学在校生数,教学及辅助用房面积" "1,甲小学,小学,100,600" "2,乙小学,小学,200,1000" >/dev/null
errs "学校名: Chinese message by default, exit 3" 3 "缺少必需的列「学校名称」" check "$tmp/nameless.csv"
errs "学校名: the header found is shown" 3 "学校代码 \| 学校名 \| 学校类型" check "$tmp/nameless.csv"
errs "学校名: the nearest name is suggested" 3 "找到「学校名」，是否指「学校名称」？" analyze "$tmp/nameless.csv"
errs "学校名: points to junheng template" 3 "junheng template" analyze "$tmp/nameless.csv"
errs "学校名: names the file and the header line" 3 "nameless.csv:1: " analyze "$tmp/nameless.csv"
errs "学校名 --lang en: English text" 3 "required column 学校名称 \(name\) is missing.*found '学校名', did you mean '学校名称'\?" analyze "$tmp/nameless.csv" --lang en
run "$tmp/o" "$tmp/e" analyze "$tmp/nameless.csv" --lang en
if grep -q "缺少" "$tmp/e"; then bad "--lang en: Chinese text in the English message"; else ok "--lang en: no Chinese sentence"; fi
# No suggestion when nothing is close.
csv far.csv "学校代码,备注,学校类型,小学在校生数" "1,甲,小学,100" >/dev/null
run "$tmp/o" "$tmp/e" check "$tmp/far.csv"
if [ "$rc" -eq 3 ] && ! grep -q "是否指" "$tmp/e" && grep -q "学校名称" "$tmp/e"; then ok "no suggestion when no header is close (备注)"
else bad "far header: exit $rc, '$(head -c 300 "$tmp/e")'"; fi
# A typo'd indicator header is not silently dropped: check names it.
csv typo.csv "学校代码,学校名称,学校类型,小学在校生数,教学及辅助用房面级(平方米)" "1,甲小学,小学,100,600" "2,乙小学,小学,200,1000" >/dev/null
errs "typo'd indicator header: the nearest name is suggested" 3 "教学及辅助用房面级.*是否指「教学及辅助用房面积」" check "$tmp/typo.csv"
errs "typo'd indicator header --lang en" 3 "did you mean '教学及辅助用房面积'" check "$tmp/typo.csv" --lang en
# Bad numbers: the cell as Excel shows it, file:line:col in text.
"$py" - "$tmp/bad.xlsx" <<'PYEOF'
import sys
from openpyxl import Workbook
wb = Workbook(); ws = wb.active; ws.title = "学校数据"
ws.append(["县区示例表"])
ws.append([])
ws.append(["学校代码", "学校名称", "学校类型", "小学在校生数", "初中在校生数", "高中在校生数", "专任教师数", "教学及辅助用房面积"])
ws.append(["1", "甲小学", "小学", 100, 0, 0, 5, 600])
ws.append(["2", "乙小学", "小学", 200, 0, 0, 9, "一千二"])
wb.save(sys.argv[1])
PYEOF
errs "bad number in .xlsx: 学校数据!H5, in Chinese" 3 "学校数据!H5.*不是数字" analyze "$tmp/bad.xlsx"
errs "bad number in .xlsx --lang en" 3 "学校数据!H5.*is not a number" analyze "$tmp/bad.xlsx" --lang en
csv bad.csv "学校代码,学校名称,学校类型,小学在校生数,教学及辅助用房面积" "1,甲小学,小学,100,600" "2,乙小学,小学,两百,1000" >/dev/null
errs "bad number in a CSV: file:line:col, in Chinese" 3 "bad.csv:3:4: .*“两百”不是数字" analyze "$tmp/bad.csv"
errs "bad number in a CSV --lang en" 3 "bad.csv:3:4: .*'两百' is not a number" analyze "$tmp/bad.csv" --lang en
errs "unknown type: Chinese by default" 3 "未知的学校类型“幼儿园”" analyze "$(csv kg.csv "学校代码,学校名称,学校类型,小学在校生数" "1,甲,幼儿园,100")"
errs "no enrollment column: Chinese by default" 3 "缺少在校生数列" analyze "$(csv noenr.csv "学校代码,学校名称,学校类型,教学及辅助用房面积" "1,甲,小学,100")"

# Hostile: two spellings of one column are refused, not silently merged.
errs "学校代码 and 学校（机构）标识码 both: refused as the same column" 3 "“学校（机构）标识码”列与“学校代码”列含义相同" \
    analyze "$(csv twocode.csv "学校代码,学校名称,学校类型,小学在校生数,学校（机构）标识码" "1,甲,小学,100,9")"
# Hostile: a header cell of 20,000 characters is only an unknown column.
long=$(printf '学%.0s' $(seq 1 20000))
run "$tmp/o" "$tmp/e" check "$(csv longh.csv "学校代码,学校名称,学校类型,小学在校生数,$long" "1,甲,小学,100,5")"
if [ "$rc" -eq 3 ] && grep -q "缺少必需的列" "$tmp/o"; then ok "a 20,000-character header cell is read as an unknown column"
else bad "long header: exit $rc ($(head -c 300 "$tmp/e"))"; fi

finish
