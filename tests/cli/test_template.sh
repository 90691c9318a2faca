#!/usr/bin/env bash
# Issue 15, item 4: one template for everything.  Run by CTest:
#   test_template.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# `junheng template` holds every column analyze (both standards), the
# guarantee checks and evaluate read, grouped and explained; template ->
# fill -> check -> analyze -> evaluate gives the CSV's figures, with no
# school column missing.
source "$(dirname "$0")/trust_lib.sh" "$@"
export SOURCE_DATE_EPOCH=1700000000
fill="$src/tests/cli/fill_template.py"
data="$src/datasets/qingxi-county.csv"
facts="$src/datasets/qingxi-county-facts.csv"

# run OUT ERR ARGS...: run junheng, stdout to OUT, stderr to ERR; sets rc.
run() { local o=$1 e=$2; shift 2; timeout 120 "$bin" "$@" >"$o" 2>"$e"; rc=$?; }
# template_to DEST.xlsx ARGS...: `junheng template ARGS` written to DEST,
# whether --out takes the workbook (this branch) or a folder (issue 15,
# item 6: DIR/junheng-template.xlsx, DIR/junheng-county-facts.xlsx); sets rc.
template_to() {
    local dest=$1; shift
    run "$tmp/o" "$tmp/e" template "$@" --out "$dest"
    if [ "$rc" -eq 2 ] && grep -q -- "--out DIR" "$tmp/e"; then
        local d="$dest.d"
        rm -rf "$d"
        run "$tmp/o" "$tmp/e" template "$@" --out "$d"
        if [ "$rc" -eq 0 ]; then mv "$d"/junheng-*.xlsx "$dest"; rm -rf "$d"; fi
    fi
}
# pycheck NAME JSONFILE EXPR: EXPR over d (the parsed JSON) must hold.
pycheck() {
    if "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($3) else 1)" "$2" 2>"$tmp/pyerr"; then
        ok "$1"
    else bad "$1: $3 does not hold ($(head -c 300 "$tmp/pyerr"))"; fi
}
# pywb NAME XLSX EXPR: EXPR over wb (openpyxl) and ws (its first sheet),
# head (the header row's values) must hold.
pywb() {
    if "$py" -c "
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1]); ws = wb.worksheets[0]
head = [c.value for c in ws[1]]
sys.exit(0 if ($3) else 1)" "$2" 2>"$tmp/pyerr"; then
        ok "$1"
    else bad "$1: $3 does not hold ($(head -c 300 "$tmp/pyerr"))"; fi
}
# same_cvs NAME A.json B.json: every indicator CV of both levels equal.
same_cvs() {
    if "$py" - "$2" "$3" <<'PY' 2>"$tmp/pyerr"; then ok "$1"; else bad "$1 ($(head -c 400 "$tmp/pyerr"))"; fi
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
ca = {(l["level"], i["id"]): i["cv"] for l in a["levels"] for i in l["indicators"]}
cb = {(l["level"], i["id"]): i["cv"] for l in b["levels"] for i in l["indicators"]}
assert ca.keys() == cb.keys() and len(ca) >= 10, (ca.keys(), cb.keys())
for k in ca:
    assert abs(ca[k] - cb[k]) < 1e-12, (k, ca[k], cb[k])
PY
}

# ---------------------------------------------------------------------------
family columns
template_to "$tmp/tpl.xlsx"
[ "$rc" -eq 0 ] && ok "template written" || bad "template: exit $rc $(cat "$tmp/e")"
template_to "$tmp/tpl-en.xlsx" --lang en
# The keys every reader needs: both standards' indicators, the guarantee
# checks (largest class, music and art rooms and areas, certified teachers,
# training and public funds), the 2019 relaxations, and 年级数.
KEYS="['code','name','type','students_primary (persons)','classes_primary (classes)','grades_primary','grades_junior','teachers_primary (persons)','teachers_junior (persons)','senior_title_teachers_primary (persons)','computers (units)','books (volumes)','largest_class_primary (persons)','largest_class_junior (persons)','music_rooms (rooms)','art_rooms (rooms)','music_room_min_area (m2)','art_room_min_area (m2)','certified_teachers_primary (persons)','certified_teachers_junior (persons)','training_funds (yuan)','public_funds (yuan)','pe_art_parttime_teachers_primary (persons)','leased_sports_area (m2)','rooms_pre2016','size_relaxation_eligible','degree_teachers_primary (persons)','multimedia_rooms (rooms)']"
pywb "English template: every column analyze, the guarantee checks and evaluate read" "$tmp/tpl-en.xlsx" "all(k in head for k in $KEYS)"
pywb "Chinese template: 小学年级数, 初中年级数, 最大班额, 持证, 培训经费, 公用经费" "$tmp/tpl.xlsx" "all(k in head for k in ['小学年级数','初中年级数','小学最大班额(人)','初中最大班额(人)','小学持证专任教师数(人)','教师培训经费(元)','公用经费预算(元)','音乐专用教室数(间)','最小美术教室面积(平方米)','计算机台数(台)','图书册数(册)','小学专任教师数(人)'])"
pywb "the header is still row 1 and every header names a column" "$tmp/tpl.xlsx" "head[0] == '学校代码' and None not in head and len(head) == 47"
# Every example row is still marked 示例 and carries a value in every
# column its school type has (a primary school has no junior figures).
pywb "example rows: 示例 in every name, a value in every column of their type" "$tmp/tpl.xlsx" "
all('示例' in ws.cell(row=r, column=2).value for r in range(2, 10)) and ws.max_row == 9 and
all(sum(ws.cell(row=r, column=c).value is None for r in range(2, 10)) <= 4 for c in range(1, 48) if head[c-1] not in ('所属学校代码',)) and
all(ws.cell(row=r, column=head.index(h)+1).value is not None for r in range(2, 10) for h in ('音乐专用教室数(间)','美术专用教室数(间)','教师培训经费(元)','公用经费预算(元)','计算机台数(台)','图书册数(册)'))"
pywb "every header cell explains itself (必填/选填, group, who reads it)" "$tmp/tpl.xlsx" "all(c.comment is not None and ('必填' in c.comment.text or '选填' in c.comment.text) and '用于' in c.comment.text for c in ws[1])"
pywb "quality-2017 (default): 网络多媒体教室数 required (orange), 计算机台数 optional" "$tmp/tpl.xlsx" "
ws.cell(row=1, column=head.index('网络多媒体教室数(间)')+1).comment.text.startswith('必填') and
ws.cell(row=1, column=head.index('计算机台数(台)')+1).comment.text.startswith('选填') and
ws.cell(row=1, column=head.index('网络多媒体教室数(间)')+1).fill.fgColor.rgb == 'FFFCE4D6' and
ws.cell(row=1, column=head.index('计算机台数(台)')+1).fill.fgColor.rgb != 'FFFCE4D6' and
ws.cell(row=1, column=head.index('小学最大班额(人)')+1).comment.text.startswith('必填')"
template_to "$tmp/tpl-b.xlsx" --standard basic-2012
[ "$rc" -eq 0 ] && ok "template --standard basic-2012 is accepted" || bad "template --standard basic-2012: exit $rc $(cat "$tmp/e")"
pywb "basic-2012: 计算机台数 and 图书册数 required, 网络多媒体教室数 optional" "$tmp/tpl-b.xlsx" "
ws.cell(row=1, column=head.index('计算机台数(台)')+1).comment.text.startswith('必填') and
ws.cell(row=1, column=head.index('图书册数(册)')+1).comment.text.startswith('必填') and
ws.cell(row=1, column=head.index('网络多媒体教室数(间)')+1).comment.text.startswith('选填') and
'basic-2012' in ws.cell(row=1, column=1).comment.text"
pywb "说明: the columns grouped, each 必填 or 选填 with the standard's indicator" "$tmp/tpl-b.xlsx" "
[r for r in wb['说明'].iter_rows(values_only=True) if r[0] == '五、政府保障程度（学校层面）'] and
[r for r in wb['说明'].iter_rows(values_only=True) if r[0] == '计算机台数(台)' and r[1].startswith('必填') and 'basic-2012 指标' in r[1]] and
[r for r in wb['说明'].iter_rows(values_only=True) if r[0] == '小学年级数' and r[1].startswith('选填')]"
rm -f "$tmp/never.xlsx"
template_to "$tmp/never.xlsx" --standard no-such-standard
if [ "$rc" -eq 3 ] && grep -q "no-such-standard" "$tmp/e" && [ ! -e "$tmp/never.xlsx" ] && [ ! -e "$tmp/never.xlsx.d/junheng-template.xlsx" ]; then
    ok "template --standard with an unknown standard: exit 3, no file"
else bad "template --standard unknown: exit $rc, $(head -c 300 "$tmp/e")"; fi
template_to "$tmp/tpl2.xlsx"
cmp -s "$tmp/tpl.xlsx" "$tmp/tpl2.xlsx" && ok "template bytes reproducible" || bad "template bytes differ between runs"
# The bare template is still refused: its rows are examples.
run "$tmp/o" "$tmp/e" check "$tmp/tpl.xlsx" --lang en
[ "$rc" -eq 3 ] && grep -q "example rows" "$tmp/e" && ok "the bare template is refused (examples only)" || bad "bare template: exit $rc"
run "$tmp/o" "$tmp/e" check "$tmp/tpl-en.xlsx" --lang en
[ "$rc" -eq 3 ] && grep -q "example rows" "$tmp/e" && ! grep -q "unit" "$tmp/e" && ok "the English template's headers are all read (books (volumes) too)" || bad "English template headers: exit $rc $(head -c 300 "$tmp/e")"
# A header the template writes is read: 租借体育场地面积(平方米) is an area.
f=$(csv leased.csv "学校代码,学校名称,学校类型,小学在校生数,初中在校生数,高于规定学历教师数,县级以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积(平方米),体育运动场馆面积(平方米),教学仪器设备值(万元),网络多媒体教室数(间),租借体育场地面积(平方米)" \
    "1,甲小学,小学,100,0,5,1,1,600,800,25,3,0" "2,乙小学,小学,200,0,10,2,2,1000,1600,46,5,300")
run "$tmp/o" "$tmp/e" check "$f"
[ "$rc" -eq 0 ] && ok "header 租借体育场地面积(平方米) is an area" || bad "租借体育场地面积(平方米): exit $rc $(head -c 300 "$tmp/o" "$tmp/e")"

# ---------------------------------------------------------------------------
family workflow
# template -> filled with datasets/qingxi-county.csv -> check -> analyze ->
# evaluate with the filled facts template: the CSV's figures, no school
# column missing.
"$py" "$fill" schools "$tmp/tpl.xlsx" "$data" "$tmp/filled.xlsx"
"$py" "$fill" schools "$tmp/tpl.xlsx" "$data" "$tmp/filled-keep.xlsx" keep
template_to "$tmp/facts-tpl.xlsx" --county
"$py" "$fill" facts "$tmp/facts-tpl.xlsx" "$facts" "$tmp/facts.xlsx"
if "$py" - "$tmp/facts-tpl.xlsx" "$facts" <<'PY' 2>"$tmp/pyerr"; then ok "the facts template: every fact of the sample, grouped by 部分, each with its limit column and how to fill it"; else bad "facts template coverage: $(head -c 300 "$tmp/pyerr")"; fi
import csv, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1]).worksheets[0]
rows = list(ws.iter_rows(min_row=2, values_only=True))
items = [r[1] for r in rows]
with open(sys.argv[2], encoding="utf-8-sig") as f:
    given = [r["item"] for r in csv.DictReader(f)]
assert set(given) <= set(items), set(given) - set(items)
assert len(items) == len(set(items)) and len(items) >= len(given)
parts = [r[0] for r in rows]
assert all(parts) and all(r[6] for r in rows)
seen = []
for p in parts:
    if not seen or seen[-1] != p:
        assert p not in seen, "part %s not contiguous" % p
        seen.append(p)
PY
run "$tmp/o" "$tmp/e" check "$tmp/filled.xlsx"
[ "$rc" -eq 0 ] && grep -q "没有错误" "$tmp/o" && grep -q "表头在第 1 行" "$tmp/o" && ok "filled template: check finds no error" || bad "check filled: exit $rc $(head -c 600 "$tmp/o")"
run "$tmp/o" "$tmp/e" check "$tmp/filled-keep.xlsx"
[ "$rc" -eq 0 ] && ok "filled template with the examples kept: check finds no error" || bad "check filled-keep: exit $rc $(head -c 600 "$tmp/o")"
run "$tmp/a0.json" "$tmp/e" analyze "$data" -f json --no-charts
run "$tmp/a1.json" "$tmp/e" analyze "$tmp/filled.xlsx" -f json --no-charts
[ "$rc" -eq 0 ] && same_cvs "analyze: the filled template gives the CSV's CVs" "$tmp/a0.json" "$tmp/a1.json" || bad "analyze filled: exit $rc"
run "$tmp/a2.json" "$tmp/e" analyze "$tmp/filled-keep.xlsx" -f json --no-charts
same_cvs "analyze: examples kept change nothing" "$tmp/a0.json" "$tmp/a2.json"
run "$tmp/e0.json" "$tmp/e" evaluate "$data" --county "$facts" -f json
run "$tmp/e1.json" "$tmp/e" evaluate "$tmp/filled.xlsx" --county "$tmp/facts.xlsx" -f json
[ "$rc" -eq 0 ] && ok "evaluate the filled templates: exit 0" || bad "evaluate filled: exit $rc $(head -c 300 "$tmp/e")"
pycheck "evaluate: every school column given, no fact missing" "$tmp/e1.json" "d['guarantee']['columns_given'] is True and d['missing'] == []"
pycheck "evaluate: 政府保障程度 judged (not 数据不全)" "$tmp/e1.json" "[p['verdict'] for p in d['parts'] if p['id'] == 'guarantee'][0] in ('pass', 'fail')"
"$py" -c "
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
assert a['guarantee']['summary'] == b['guarantee']['summary']
assert [(p['id'], p['verdict']) for p in a['parts']] == [(p['id'], p['verdict']) for p in b['parts']]
assert a['verdict'] == b['verdict']
" "$tmp/e0.json" "$tmp/e1.json" 2>"$tmp/pyerr" && ok "evaluate: the CSV's guarantee summary and verdicts" || bad "evaluate differs from the CSV's: $(head -c 300 "$tmp/pyerr")"
run "$tmp/t1.txt" "$tmp/e" evaluate "$tmp/filled.xlsx" --county "$tmp/facts.xlsx"
n=$(grep -c "未提供" "$tmp/t1.txt")
[ "$n" -le 2 ] && ok "evaluate text: $n lines of 未提供 (the CSV's own two blanks)" || bad "evaluate text: $n lines of 未提供"
# basic-2012: template --standard basic-2012 -> filled -> check -> analyze.
"$py" "$fill" schools "$tmp/tpl-b.xlsx" "$data" "$tmp/filled-b.xlsx"
run "$tmp/o" "$tmp/e" check "$tmp/filled-b.xlsx" --standard basic-2012
[ "$rc" -eq 0 ] && ok "basic-2012: check the filled template" || bad "basic-2012 check: exit $rc $(head -c 600 "$tmp/o")"
run "$tmp/b0.json" "$tmp/e" analyze "$data" --standard basic-2012 -f json --no-charts
run "$tmp/b1.json" "$tmp/e" analyze "$tmp/filled-b.xlsx" --standard basic-2012 -f json --no-charts
[ "$rc" -eq 0 ] && same_cvs "basic-2012: analyze the filled template, the CSV's CVs" "$tmp/b0.json" "$tmp/b1.json" || bad "basic-2012 analyze: exit $rc $(head -c 300 "$tmp/e")"

# ---------------------------------------------------------------------------
family facts_check
# Every problem of a facts file, each with its line; evaluate still stops
# at the first.
ff=$(csv badfacts.csv "item,value,note" "salary_ratio,abc," "foo,1," "visits,1," "visits,2," ",5," \
    "monitoring_level,#DIV/0!," "junior_entrants,100," "junior_grade3,120,")
run "$tmp/o" "$tmp/e" check --county "$ff"
if [ "$rc" -eq 3 ] && [ "$(grep -c '错误：.*badfacts.csv:' "$tmp/o")" -eq 6 ] &&
    grep -q "badfacts.csv:2:2: salary_ratio" "$tmp/o" && grep -q "badfacts.csv:3:1: 未知的项目“foo”" "$tmp/o" &&
    grep -q "badfacts.csv:5:1: 项目“visits”填了两次（第一次在第 4 行）" "$tmp/o" && grep -q "badfacts.csv:6:1: 有值“5”但没有项目" "$tmp/o" &&
    grep -q "badfacts.csv:7:2: monitoring_level.*#DIV/0!" "$tmp/o" && grep -q "badfacts.csv:8:2: junior_entrants" "$tmp/o" &&
    grep -q "有错误：改正后再运行 junheng evaluate" "$tmp/o"; then
    ok "check --county: all six problems, each with its line and column, in Chinese"
else bad "check --county bad facts: exit $rc, $(head -c 900 "$tmp/o") $(head -c 300 "$tmp/e")"; fi
run "$tmp/o" "$tmp/e" evaluate "$tmp/filled.xlsx" --county "$ff"
[ "$rc" -eq 3 ] && [ ! -s "$tmp/o" ] && grep -q "badfacts.csv:2:2: salary_ratio" "$tmp/e" && [ "$(wc -l <"$tmp/e")" -le 2 ] &&
    ok "evaluate still stops at the first problem (line 2), prints no report" || bad "evaluate bad facts: exit $rc $(head -c 400 "$tmp/e")"
run "$tmp/o" "$tmp/e" check --county "$tmp/facts.xlsx"
[ "$rc" -eq 0 ] && grep -q "没有错误，可以运行 junheng evaluate" "$tmp/o" && ok "check --county on the filled facts template: no error" || bad "check filled facts: exit $rc $(head -c 400 "$tmp/o")"
"$py" - "$tmp/facts.xlsx" "$tmp/facts-bad.xlsx" <<'PY'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1]); ws = wb.worksheets[0]
for r in range(2, ws.max_row + 1):
    if ws.cell(row=r, column=2).value == "salary_ratio":
        ws.cell(row=r, column=4, value="一比一")
    if ws.cell(row=r, column=2).value == "rotation_share":
        ws.cell(row=r, column=4, value="#DIV/0!")  # an error cell
wb.save(sys.argv[2])
PY
sha=$(sha256sum "$tmp/facts-bad.xlsx")
run "$tmp/o" "$tmp/e" check "$tmp/filled.xlsx" --county "$tmp/facts-bad.xlsx" -f json
pycheck "check FILE --county FACTS -f json: the schools ok, the facts' two problems with their cells" "$tmp/o" \
    "d['ok'] and not d['facts']['ok'] and len(d['facts']['errors']) == 2 and d['facts']['errors'][0]['cell'] == '评估事实!D5' and d['facts']['errors'][1]['cell'].startswith('评估事实!D') and all('message_zh' in e for e in d['facts']['errors'])"
[ "$rc" -eq 3 ] && [ "$sha" = "$(sha256sum "$tmp/facts-bad.xlsx")" ] && ok "check with a bad facts file: exit 3, the file untouched" || bad "check json facts: exit $rc"
run "$tmp/o" "$tmp/e" check "$tmp/facts-bad.xlsx"
[ "$rc" -eq 3 ] && grep -q "县级指标文件，2 个问题" "$tmp/o" && grep -q "评估事实!D5: salary_ratio" "$tmp/o" &&
    ok "check FACTS.xlsx (the facts template's sheet) is checked as a facts file" || bad "check facts workbook as FILE: exit $rc $(head -c 400 "$tmp/o" "$tmp/e")"
run "$tmp/o" "$tmp/e" check "$tmp/facts.xlsx" --out "$tmp/cf"
[ "$rc" -eq 0 ] && grep -q "没有错误，可以运行 junheng evaluate" "$tmp/o" && [ -s "$tmp/cf/check.xlsx" ] &&
    ok "check FACTS.xlsx --out: no error, check.xlsx written" || bad "check facts workbook clean: exit $rc $(head -c 400 "$tmp/o" "$tmp/e")"
f=$(csv nohead.csv "a,b" "1,2")
run "$tmp/o" "$tmp/e" check --county "$f"
[ "$rc" -eq 3 ] && grep -q "没有表头" "$tmp/o" && ok "check --county: a file without item/value header is one finding" || bad "no header facts: exit $rc $(head -c 300 "$tmp/o" "$tmp/e")"
run "$tmp/o" "$tmp/e" check
[ "$rc" -eq 2 ] && grep -qx "junheng: 没有给出输入文件（用法见“junheng check --help”）" "$tmp/e" &&
    ok "check with neither a file nor --county: usage error, 没有给出输入文件" || bad "check without operands: exit $rc $(cat "$tmp/e")"

# ---------------------------------------------------------------------------
family check_out
# check --out DIR: check.xlsx, one row per finding, through the output
# folder (manifest, --force, inputs never replaced).
run "$tmp/o" "$tmp/e" check "$tmp/filled.xlsx" --county "$ff" --out "$tmp/co"
pywb "check --out: one row per finding (file, sheet, line, cell, column, 级别, 说明)" "$tmp/co/check.xlsx" "
wb.sheetnames == ['检查结果'] and head == ['序号','文件','工作表','行','单元格','列','级别','说明'] and ws.max_row == 8 and
ws.cell(row=2, column=2).value.endswith('/filled.xlsx') and [c.value for c in ws[2]][2:8] == ['学校数据',23,'Q23','Q','警告','枫林乡塘尾教学点（3623010022）的县级以上骨干教师数在小学学段为0'] and
[c.value for c in ws[3]][3] == 2 and [c.value for c in ws[3]][6] == '错误' and
[c.value for c in ws[5]][7] == '项目“visits”填了两次（第一次在第 4 行）'"
[ "$rc" -eq 3 ] && grep -q "check check.xlsx" "$tmp/co/.junheng-manifest" && ok "check --out with errors: exit 3, check.xlsx written and in the manifest" || bad "check --out: exit $rc $(cat "$tmp/co/.junheng-manifest" 2>/dev/null)"
cp "$tmp/co/check.xlsx" "$tmp/co-first.xlsx"
run "$tmp/o" "$tmp/e" check "$tmp/filled.xlsx" --county "$ff" --out "$tmp/co"
cmp -s "$tmp/co/check.xlsx" "$tmp/co-first.xlsx" && ok "check --out again: junheng's own check.xlsx replaced, same bytes" || bad "check --out rerun: exit $rc $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" check "$tmp/filled-b.xlsx" --standard basic-2012 --lang en --out "$tmp/co2"
pywb "check --out on a clean file, English: one row 'no problem found'" "$tmp/co2/check.xlsx" "head[0] == 'no' and ws.max_row == 2 and ws.cell(row=2, column=8).value == 'no problem found'"
mkdir -p "$tmp/user"; echo "my notes" >"$tmp/user/check.xlsx"; sha=$(sha256sum "$tmp/user/check.xlsx")
run "$tmp/o" "$tmp/e" check "$tmp/filled.xlsx" --out "$tmp/user"
[ "$rc" -ne 0 ] && [ "$sha" = "$(sha256sum "$tmp/user/check.xlsx")" ] && grep -q -- "--force" "$tmp/e" && ok "the user's own check.xlsx is not replaced without --force (exit $rc)" || bad "user check.xlsx: exit $rc $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" check "$tmp/filled.xlsx" --out "$tmp/user" --force
pywb "with --force it is replaced by the findings" "$tmp/user/check.xlsx" "head[1] == '文件'"
run "$tmp/o" "$tmp/e" check "$tmp/no-such.csv"
rc0=$rc
run "$tmp/o" "$tmp/e" check "$tmp/no-such.csv" --out "$tmp/never-dir"
[ "$rc" -eq "$rc0" ] && [ "$rc" -ne 0 ] && [ ! -e "$tmp/never-dir" ] && ok "an input that cannot be read: exit $rc as without --out, no output folder" || bad "unreadable input: exit $rc, $(ls "$tmp/never-dir" 2>&1)"
run "$tmp/o" "$tmp/e" check "$tmp/tpl.xlsx" --out "$tmp/never-dir"
[ "$rc" -eq 3 ] && [ ! -e "$tmp/never-dir" ] && ok "the bare template (refused as a whole): exit 3, no output folder" || bad "bare template --out: exit $rc, $(ls "$tmp/never-dir" 2>&1)"
mkdir -p "$tmp/in"; cp "$tmp/filled.xlsx" "$tmp/in/check.xlsx"; sha=$(sha256sum "$tmp/in/check.xlsx")
run "$tmp/o" "$tmp/e" check "$tmp/in/check.xlsx" --out "$tmp/in" --force
[ "$rc" -ne 0 ] && [ "$sha" = "$(sha256sum "$tmp/in/check.xlsx")" ] && ok "an input named check.xlsx in DIR is never replaced, even with --force (exit $rc)" || bad "input check.xlsx: exit $rc"
run "$tmp/o" "$tmp/e" check "$tmp/filled.xlsx" --out ""
[ "$rc" -eq 2 ] && ok "check --out '': usage error" || bad "check --out '': exit $rc"

# ---------------------------------------------------------------------------
family template_messages
# What template says, in Chinese by default and in English with --lang en.
mkdir -p "$tmp/msg"
(cd "$tmp/msg" && exec "$bin" template >/dev/null 2>"$tmp/e"); rc=$?
[ "$rc" -eq 0 ] && grep -qx "junheng: 已写出 ./junheng-template.xlsx" "$tmp/e" &&
    ok "template: 已写出 ./junheng-template.xlsx" || bad "template written message: exit $rc $(cat "$tmp/e")"
(cd "$tmp/msg" && exec "$bin" template --county --lang en >/dev/null 2>"$tmp/e"); rc=$?
[ "$rc" -eq 0 ] && grep -qx "junheng: wrote ./junheng-county-facts.xlsx" "$tmp/e" &&
    ok "template --county --lang en: wrote ./junheng-county-facts.xlsx" || bad "English written message: exit $rc $(cat "$tmp/e")"
(cd "$tmp/msg" && exec "$bin" template >/dev/null 2>"$tmp/e"); rc=$?
[ "$rc" -eq 4 ] && grep -qx "junheng: ./junheng-template.xlsx：已经存在（可能已经填写）；没有做任何改动（请先把它移走，或加 --force 重新运行以替换它）" "$tmp/e" &&
    ok "a second template: exit 4, 已经存在 ... 加 --force" || bad "second template: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" template extra.csv
[ "$rc" -eq 2 ] && grep -q "多余的参数“extra.csv”" "$tmp/e" && ok "template FILE: exit 2, 多余的参数" || bad "template extra operand: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" template --bogus
[ "$rc" -eq 2 ] && grep -qx "junheng: 未知选项“--bogus”（可用的选项见“junheng template --help”）" "$tmp/e" &&
    ok "template --bogus: exit 2, 未知选项" || bad "template --bogus: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" template --bogus --lang en
[ "$rc" -eq 2 ] && grep -qx "junheng: unknown option '--bogus' (see 'junheng template --help')" "$tmp/e" &&
    ok "template --bogus --lang en: the English message" || bad "template --bogus --lang en: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" template --out
[ "$rc" -eq 2 ] && grep -q "选项“--out”后面缺少参数值" "$tmp/e" && ok "template --out without a value: exit 2, 缺少参数值" || bad "template --out: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" template --out x.xlsx
[ "$rc" -eq 2 ] && grep -qx "junheng: --out 应写文件夹，而不是工作簿：请写 --out DIR（工作簿写为 DIR/junheng-template.xlsx）" "$tmp/e" &&
    ok "template --out x.xlsx: exit 2, --out 应写文件夹" || bad "template --out x.xlsx: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" template --help
[ "$rc" -eq 0 ] && grep -q "^用法：junheng template" "$tmp/o" && grep -q "^退出状态" "$tmp/o" &&
    ok "template --help: Chinese, with 退出状态" || bad "template --help: exit $rc"

finish
