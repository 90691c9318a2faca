#!/usr/bin/env bash
# Files per year for trend and batch (issue 15, item 5). Run by CTest:
#   test_years.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# A county office keeps one file per year (青溪县/2021.csv, 2022.csv...,
# or 2023年青溪县学校数据.csv).  The year of a file: its 年份 column, else
# a year in its name, else in its folder's name, else --year FILE=YYYY.
# trend's year-on-year change table (text, JSON, trend.xlsx) must equal
# the differences of the per-year CVs and means that analyze gives.
source "$(dirname "$0")/trust_lib.sh" "$@"

# run NAME CODE ARGS...: run junheng, stdout/stderr in $tmp/out, $tmp/err;
# a failed case when the exit code differs (returns 1 then).
run() {
    local name=$1 code=$2
    shift 2
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -ne "$code" ]; then
        bad "$name: exit $rc, expected $code; $(head -c 300 "$tmp/out") $(head -c 400 "$tmp/err")"
        return 1
    fi
    return 0
}
pycheck() {
    local name=$1 script=$2
    shift 2
    if "$py" -c "$script" "$@" 2>"$tmp/pyerr"; then ok "$name"
    else bad "$name: $(tail -c 600 "$tmp/pyerr")"; fi
}
# has NAME FILE TEXT: the case passes when FILE holds TEXT.
has() {
    if grep -qF -- "$3" "$2"; then ok "$1"
    else bad "$1: '$3' not in $(head -c 600 "$2")"; fi
}

# The per-year files: datasets/qingxi-county.csv with values changed by
# year so that the CVs differ (sports area, equipment, backbone teachers).
# mkyears DIR [nocounty] [yearcol]: DIR/2021.csv, 2022.csv, 2023.csv.
mkyears() {
    "$py" - "$src/datasets/qingxi-county.csv" "$@" <<'PY'
import csv, os, sys
src, out = sys.argv[1], sys.argv[2]
opts = sys.argv[3:]
rows = list(csv.reader(open(src, encoding="utf-8-sig")))
head, body = rows[0], rows[1:]
os.makedirs(out, exist_ok=True)
def col(name):
    return [i for i, h in enumerate(head) if h.startswith(name)][0]
sports, equip, backbone = col("体育运动场馆面积"), col("教学仪器设备值"), col("县级以上骨干教师数")
for y, year in enumerate((2021, 2022, 2023)):
    new = []
    for i, r in enumerate(body):
        r = list(r)
        if r[sports] and i % 3 == 0:
            r[sports] = "%g" % (float(r[sports]) * (1 + 0.4 * y))
        if r[equip] and i % 4 == 1:
            r[equip] = "%g" % (float(r[equip]) * (1 + 0.5 * y))
        if r[backbone] and i % 5 == 2:
            r[backbone] = "%d" % (int(r[backbone]) + 3 * y)
        new.append(r)
    h = list(head)
    if "nocounty" in opts:
        k = h.index("县区")
        h = h[:k] + h[k + 1:]
        new = [r[:k] + r[k + 1:] for r in new]
    name = os.path.join(out, "%d.csv" % year)
    if "yearcol" in opts:
        name = os.path.join(out, "all.csv")
        first = y == 0
        with open(name, "w" if first else "a", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            if first:
                w.writerow(["年份"] + h)
            for r in new:
                w.writerow([str(year)] + r)
        continue
    with open(name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(h)
        w.writerows(new)
PY
}

# The changes expected, from analyze -f json of each year's file alone.
# expect_changes DIR: $tmp/expect.json {level: {indicator: [[year, cv, mean]...]}}
expect_changes() {
    local d=$1 y
    for y in 2021 2022 2023; do
        "$bin" analyze "$d/$y.csv" -f json >"$tmp/a$y.json" 2>/dev/null
    done
    "$py" - "$tmp" >"$tmp/expect.json" <<'PY'
import json, sys
t = sys.argv[1]
out = {}
for y in (2021, 2022, 2023):
    d = json.load(open("%s/a%d.json" % (t, y)))
    for lv in d["levels"]:
        for ind in lv["indicators"]:
            out.setdefault(lv["level"], {}).setdefault(ind["id"], []).append(
                [y, ind["cv"], ind["mean"]])
print(json.dumps(out))
PY
}

# check_changes NAME JSON: every change in trend's JSON equals the
# difference of analyze's figures, exactly, with the right direction.
check_changes() {
    pycheck "$1" '
import json, sys
t = json.load(open(sys.argv[1])); e = json.load(open(sys.argv[2]))
seen = 0
assert [l["level"] for l in t["changes"]] == sorted(e, key=["primary", "junior"].index), (t["changes"], e.keys())
for lv in t["changes"]:
    for ind in lv["indicators"]:
        ex = e[lv["level"]][ind["id"]]
        assert [y["year"] for y in ind["years"]] == [r[0] for r in ex]
        for i, y in enumerate(ind["years"]):
            assert y["cv"] == ex[i][1] and y["mean"] == ex[i][2], (y, ex[i])
            if i == 0:
                assert y["cv_change"] is None and y["cv_direction"] is None
                continue
            d = ex[i][1] - ex[i - 1][1]
            assert y["cv_change"] == d, (y, d)
            assert y["mean_change"] == ex[i][2] - ex[i - 1][2]
            s = "%+.3f" % d
            want = "same" if s in ("+0.000", "-0.000") else ("up" if d > 0 else "down")
            assert y["cv_direction"] == want, (y, want)
            assert y["gap"] == {"up": "wider", "down": "narrower", "same": "unchanged"}[want]
            seen += 1
assert seen == 2 * 7 * 2, seen
dirs = {y["cv_direction"] for l in t["changes"] for i in l["indicators"] for y in i["years"][1:]}
assert "up" in dirs or "down" in dirs, dirs
' "$2" "$tmp/expect.json"
}

# --- years in the file names ---------------------------------------------
family "years in file names"
mkdir -p "$tmp/w"
mkyears "$tmp/w/青溪县"
expect_changes "$tmp/w/青溪县"
if run "trend of a folder of 2021.csv, 2022.csv, 2023.csv" 0 trend "$tmp/w/青溪县" -f json; then
    cp "$tmp/out" "$tmp/trend.json"
    pycheck "trend: years 2021, 2022, 2023 of 青溪县" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["years"] == [2021, 2022, 2023] and d["county"] == "青溪县", d["years"]
' "$tmp/trend.json"
    check_changes "trend JSON: every change = CV(y) - CV(y-1) from analyze" "$tmp/trend.json"
    pycheck "trend JSON: hand check, primary sports area CV(2023) - CV(2022)" '
import json, sys
t = json.load(open(sys.argv[1]))
a22 = json.load(open(sys.argv[2])); a23 = json.load(open(sys.argv[3]))
def cv(d):
    return [i["cv"] for i in d["levels"][0]["indicators"] if i["id"] == "sports_area_per_student"][0]
lv = [l for l in t["levels"] if l["level"] == "primary"][0]
per_year = [i["cv"] for i in lv["indicators"] if i["id"] == "sports_area_per_student"][0]
assert per_year[1] == cv(a22) and per_year[2] == cv(a23)
ch = [i for l in t["changes"] if l["level"] == "primary" for i in l["indicators"] if i["id"] == "sports_area_per_student"][0]
assert ch["years"][2]["cv_change"] == per_year[2] - per_year[1]
assert abs(per_year[2] - per_year[1]) > 0.001, per_year
' "$tmp/trend.json" "$tmp/a2022.json" "$tmp/a2023.json"
fi
if run "trend text in Chinese" 0 trend "$tmp/w/青溪县"; then
    cp "$tmp/out" "$tmp/trend.txt"
    has "text: the change table's title" "$tmp/trend.txt" "逐年变化 · 小学"
    has "text: Chinese indicator names in the per-year table" "$tmp/trend.txt" "生均体育场馆"
    if grep -q "sports_area_\|degree_teach" "$tmp/trend.txt"; then
        bad "text: truncated indicator ids still in the headers"
    else ok "text: no truncated indicator ids"; fi
    pycheck "text: each change rounded as printed, with 上升/下降/持平 and the gap" '
import json, sys
t = json.load(open(sys.argv[1])); text = open(sys.argv[2], encoding="utf-8").read()
words = {"up": "上升（差距扩大）", "down": "下降（差距缩小）", "same": "持平（差距不变）"}
mw = {"up": "上升", "down": "下降", "same": "持平"}
n = 0
for l in t["changes"]:
    for i in l["indicators"]:
        for y in i["years"][1:]:
            s = "%d  %.3f    %+.3f %s" % (y["year"], y["cv"], y["cv_change"], words[y["cv_direction"]])
            assert s in text, s
            m = "%+.2f %s" % (y["mean_change"], mw[y["mean_direction"]])
            assert m in text, m
            n += 1
assert n == 28
' "$tmp/trend.json" "$tmp/trend.txt"
fi
if run "trend text in English" 0 trend "$tmp/w/青溪县" --lang en; then
    has "English: indicator names" "$tmp/out" "Sports area"
    has "English: the change table" "$tmp/out" "Year-on-year change · Primary"
    if grep -qE "[+-][0-9]\.[0-9]{3} (up|down|same) \(gap (wider|narrower|unchanged)\)" "$tmp/out"; then
        ok "English: up/down/same with the gap"
    else bad "English: no 'up/down (gap ...)' in $(tail -c 600 "$tmp/out")"; fi
fi
mkdir -p "$tmp/w/o"
if run "trend --out writes trend.xlsx" 0 trend "$tmp/w/青溪县" --out "$tmp/w/o" --no-charts; then
    pycheck "workbook: the change sheet equals the JSON, at full precision" '
import json, sys, openpyxl
t = json.load(open(sys.argv[1]))
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb["逐年变化"]
rows = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[2] is not None and isinstance(r[2], int)]
lv = {"primary": "小学", "junior": "初中"}
words = {"up": "上升", "down": "下降", "same": "持平"}
gaps = {"up": "差距扩大", "down": "差距缩小", "same": "差距不变"}
want = []
for l in t["changes"]:
    for i in l["indicators"]:
        for y in i["years"]:
            want.append((lv[l["level"]], i["name_zh"], y))
assert len(rows) == len(want) == 42, (len(rows), len(want))
for r, (lname, iname, y) in zip(rows, want):
    assert r[0] == lname and r[1] == iname and r[2] == y["year"], (r, y)
    # libxlsxwriter writes 16 significant digits (%.16G): equal to 1e-15
    close = lambda a, b: abs(a - b) <= 1e-15 * max(1.0, abs(b))
    assert close(r[3], y["cv"]) and close(r[7], y["mean"]), (r, y)
    if y["cv_change"] is None:
        assert r[4] == "-"
        continue
    assert close(r[4], y["cv_change"]) and r[5] == words[y["cv_direction"]] and r[6] == gaps[y["cv_direction"]], (r, y)
    assert close(r[8], y["mean_change"]) and r[9] == words[y["mean_direction"]], (r, y)
assert ws.cell(row=3, column=4).number_format == "0.000"
assert ws.cell(row=4, column=5).number_format == "+0.000;-0.000;0.000"
assert [c.value for c in ws[2]] == ["学段", "指标", "年份", "差异系数", "变化", "方向", "校际差距", "均值", "变化", "方向"]
cvs = wb["差异系数"]
assert [c.value for c in cvs["A"][2:5]] == [2021, 2022, 2023]
' "$tmp/trend.json" "$tmp/w/o/trend.xlsx"
fi
mkdir -p "$tmp/w/o2"
if SOURCE_DATE_EPOCH=1700000000 run "trend.xlsx again" 0 trend "$tmp/w/青溪县" --out "$tmp/w/o2" --no-charts &&
    SOURCE_DATE_EPOCH=1700000000 run "trend.xlsx a third time" 0 trend "$tmp/w/青溪县" --out "$tmp/w/o" --no-charts; then
    if cmp -s "$tmp/w/o/trend.xlsx" "$tmp/w/o2/trend.xlsx"; then ok "trend.xlsx: same input, same bytes"
    else bad "trend.xlsx: two runs differ"; fi
fi
if run "batch of the per-year folder" 0 batch "$tmp/w/青溪县" -f json --no-charts; then
    pycheck "batch: one county, three years" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["has_years"] and d["groups"] == 3 and d["counties"] == 1, (d["groups"], d["counties"])
assert [r["year"] for r in d["results"]] == [2021, 2022, 2023]
assert {r["county"] for r in d["results"]} == {"青溪县"}
' "$tmp/out"
fi
# Without a 县区 column the county is the name without the year, or the folder's.
mkyears "$tmp/n/青溪县" nocounty
if run "no county column: 青溪县/2021.csv ... is one county" 0 trend "$tmp/n/青溪县" -f json; then
    pycheck "no county column: the county is the folder, 青溪县" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["county"] == "青溪县" and d["years"] == [2021, 2022, 2023], (d["county"], d["years"])
' "$tmp/out"
fi
mkdir -p "$tmp/n2"
for y in 2021 2022 2023; do cp "$tmp/n/青溪县/$y.csv" "$tmp/n2/${y}年青溪县学校数据.csv"; done
if run "2021年青溪县学校数据.csv ...: years from the names" 0 trend "$tmp/n2" -f json; then
    pycheck "the county is the name without the year" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["county"] == "青溪县学校数据" and d["years"] == [2021, 2022, 2023], (d["county"], d["years"])
' "$tmp/out"
fi
mkdir -p "$tmp/f/青溪县2022" "$tmp/f/青溪县2023"
cp "$tmp/w/青溪县/2022.csv" "$tmp/f/青溪县2022/学校.csv"
cp "$tmp/w/青溪县/2023.csv" "$tmp/f/青溪县2023/学校.csv"
if run "year in the folder's name (青溪县2023/学校.csv)" 0 trend "$tmp/f/青溪县2022/学校.csv" "$tmp/f/青溪县2023/学校.csv" -f json; then
    pycheck "folder years: 2022, 2023" '
import json, sys
d = json.load(open(sys.argv[1])); assert d["years"] == [2022, 2023], d["years"]
' "$tmp/out"
fi

# A clerk's workbook per year: 青溪县/2023.xlsx next to 2022.csv.
mkdir -p "$tmp/x/青溪县"
cp "$tmp/w/青溪县/2022.csv" "$tmp/x/青溪县/2022.csv"
"$py" - "$tmp/w/青溪县/2023.csv" "$tmp/x/青溪县/2023.xlsx" <<'PY'
import csv, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active
for i, r in enumerate(csv.reader(open(sys.argv[1], encoding="utf-8"))):
    out = []
    for j, v in enumerate(r):
        try:
            out.append(float(v) if i > 0 and j > 3 and v != "" else v)
        except ValueError:
            out.append(v)
    ws.append(out)
wb.save(sys.argv[2])
PY
if run "a .xlsx per year: 青溪县/2023.xlsx" 0 trend "$tmp/x/青溪县" -f json; then
    pycheck "xlsx year: the same CVs as the CSV of that year" '
import json, sys
t = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
assert t["years"] == [2022, 2023]
for lv, al in zip(t["levels"], a["levels"]):
    for i, ai in zip(lv["indicators"], al["indicators"]):
        assert abs(i["cv"][1] - ai["cv"]) < 1e-12, (i, ai["cv"])
' "$tmp/out" "$tmp/a2023.json"
fi
# An undefined CV (every school reports 0 multimedia rooms in 2022): its
# changes are undefined, not a number.
mkdir -p "$tmp/u"
cp "$tmp/w/青溪县/2021.csv" "$tmp/w/青溪县/2023.csv" "$tmp/u/"
"$py" - "$tmp/w/青溪县/2022.csv" "$tmp/u/2022.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
k = [i for i, h in enumerate(rows[0]) if h.startswith("网络多媒体教室数")][0]
for r in rows[1:]:
    r[k] = "0"
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows(rows)
PY
if run "a year with an undefined CV" 0 trend "$tmp/u" -f json; then
    pycheck "undefined CV: its changes are null, the others numbers" '
import json, sys
t = json.load(open(sys.argv[1]))
ch = [i for l in t["changes"] if l["level"] == "primary" for i in l["indicators"] if i["id"] == "multimedia_rooms_per100"][0]["years"]
assert ch[1]["cv"] is None and ch[1]["cv_change"] is None and ch[2]["cv_change"] is None, ch
assert ch[1]["mean_change"] is not None and ch[1]["mean_direction"] == "down"
' "$tmp/out"
    run "undefined CV in the text" 0 trend "$tmp/u" && has "undefined CV: 无法计算 in the change table" "$tmp/out" "无法计算"
fi
mkdir -p "$tmp/e"
cp "$tmp/w/青溪县/2021.csv" "$tmp/e/a=b.csv"
if run "--year for a file with '=' in its name" 0 trend "$tmp/e/a=b.csv" "$tmp/w/青溪县/2022.csv"     --year "$tmp/e/a=b.csv=2021" -f json; then
    pycheck "'=' in a name: years 2021, 2022" '
import json, sys
assert json.load(open(sys.argv[1]))["years"] == [2021, 2022]
' "$tmp/out"
fi

# --- a 年份 column --------------------------------------------------------
family "year column"
mkyears "$tmp/c" yearcol
if run "trend of one file with a 年份 column" 0 trend "$tmp/c/all.csv" -f json; then
    check_changes "year column: the same changes as the files per year" "$tmp/out"
fi
mkdir -p "$tmp/c2"
cp "$tmp/c/all.csv" "$tmp/c2/2020.csv"
if run "the 年份 column wins over a year in the name" 0 trend "$tmp/c2/2020.csv" -f json; then
    pycheck "years from the column, not 2020" '
import json, sys
d = json.load(open(sys.argv[1])); assert d["years"] == [2021, 2022, 2023], d["years"]
' "$tmp/out"
fi
run "--year for a file with a 年份 column is refused" 3 trend "$tmp/c/all.csv" --year "$tmp/c/all.csv=2020" &&
    has "the message says why" "$tmp/err" "年份"

# --- --year FILE=YYYY ------------------------------------------------------
family "--year"
mkdir -p "$tmp/p/plain"
for y in 2021 2022 2023; do cp "$tmp/w/青溪县/$y.csv" "$tmp/p/plain/f$((y - 2000))x.csv"; done
# f21x.csv: "21" is no year; the names give none
if run "--year FILE=YYYY for files without a year" 0 trend "$tmp/p/plain" -f json \
    --year "$tmp/p/plain/f21x.csv=2021" --year "$tmp/p/plain/f22x.csv=2022" \
    --year "$tmp/p/plain/./f23x.csv=2023"; then
    check_changes "--year: the same changes as the named files" "$tmp/out"
fi
run "--year in trend --help" 0 trend --help && has "trend --help names --year" "$tmp/out" "--year FILE=YYYY"
run "--year in batch --help" 0 batch --help && has "batch --help names --year" "$tmp/out" "--year FILE=YYYY"
run "--year for a file that is not an input" 2 trend "$tmp/p/plain/f21x.csv" --year "$tmp/p/nothere.csv=2021" &&
    has "the message names the file" "$tmp/err" "nothere.csv" &&
    has "the message says it is no input, in Chinese" "$tmp/err" "不是输入文件之一"
run "--year without =YYYY" 2 trend "$tmp/p/plain/f21x.csv" --year "$tmp/p/plain/f21x.csv" &&
    has "--year without =YYYY: the message shows the form" "$tmp/err" "--year 的值应为 FILE=YYYY"
run "--year with a year that is not one" 2 trend "$tmp/p/plain/f21x.csv" --year "$tmp/p/plain/f21x.csv=21" &&
    has "--year=21: the message shows the form" "$tmp/err" "年份在 1900 到 2999 之间"
run "--year=21 with --lang en" 2 trend "$tmp/p/plain/f21x.csv" --year "$tmp/p/plain/f21x.csv=21" --lang en &&
    has "--year=21 --lang en: the English form" "$tmp/err" "--year needs FILE=YYYY (a year from 1900 to 2999), not '$tmp/p/plain/f21x.csv=21'"
run "--year giving one file two years" 2 trend "$tmp/p/plain/f21x.csv" \
    --year "$tmp/p/plain/f21x.csv=2021" --year "$tmp/p/plain/f21x.csv=2022" &&
    has "two years for one file: the message says so" "$tmp/err" "指定了两个年份：2021 和 2022"
run "--year giving one file two years, --lang en" 2 trend "$tmp/p/plain/f21x.csv" --lang en \
    --year "$tmp/p/plain/f21x.csv=2021" --year "$tmp/p/plain/f21x.csv=2022" &&
    has "two years for one file, --lang en: the English text" "$tmp/err" "two years, 2021 and 2022"
if run "batch takes --year" 0 batch "$tmp/p/plain/f21x.csv" "$tmp/w/青溪县/2022.csv" \
    --year "$tmp/p/plain/f21x.csv=2021" -f json --no-charts; then
    pycheck "batch --year: 2021 and 2022" '
import json, sys
d = json.load(open(sys.argv[1])); assert [r["year"] for r in d["results"]] == [2021, 2022]
' "$tmp/out"
fi

if run "--year is taken over a year in the name" 0 trend "$tmp/w/青溪县/2021.csv" "$tmp/w/青溪县/2022.csv" \
    --year "$tmp/w/青溪县/2021.csv=2019" -f json; then
    pycheck "--year over the name: 2019, 2022" '
import json, sys
assert json.load(open(sys.argv[1]))["years"] == [2019, 2022]
' "$tmp/out"
fi

# --- counties named after files per year -----------------------------------
family "counties from file names"
# Two counties' files per year in one folder, without a 县区 column.
mkdir -p "$tmp/two"
cp "$tmp/n/青溪县/2021.csv" "$tmp/two/2021年甲县.csv"
cp "$tmp/n/青溪县/2022.csv" "$tmp/two/2022年甲县.csv"
cp "$tmp/n/青溪县/2021.csv" "$tmp/two/乙县_2021.csv"
if run "batch: two counties, files per year named after them" 0 batch "$tmp/two" -f json --no-charts; then
    pycheck "batch: 甲县 2021, 2022 and 乙县 2021" '
import json, sys
d = json.load(open(sys.argv[1]))
got = [(r["county"], r["year"]) for r in d["results"]]
assert got == [("甲县", 2021), ("甲县", 2022), ("乙县", 2021)], got
' "$tmp/out"
fi
run "trend needs --county-name for them" 2 trend "$tmp/two" && has "trend: the message asks for --county-name" "$tmp/err" "输入中有 2 个县：请用 --county-name NAME 选择其中一个"
if run "trend --county-name 甲县" 0 trend "$tmp/two" --county-name 甲县 -f json; then
    pycheck "trend --county-name 甲县: 2021, 2022" '
import json, sys
d = json.load(open(sys.argv[1])); assert d["county"] == "甲县" and d["years"] == [2021, 2022]
' "$tmp/out"
fi

# --- a file without a year --------------------------------------------------
family "missing year"
mkdir -p "$tmp/m/out"
echo keep >"$tmp/m/out/mine.txt"
if run "trend of a file without a year is refused" 3 trend "$tmp/p/plain/f21x.csv" --out "$tmp/m/out"; then
    has "the message names the file" "$tmp/err" "f21x.csv"
    has "the message names the 年份 column" "$tmp/err" "年份"
    has "the message names the file's or folder's name" "$tmp/err" "或在文件名或所在文件夹名中写上年份（如 2023.csv、2023年青溪县.xlsx、青溪县2023/）"
    has "the message gives the three ways, in Chinese" "$tmp/err" "无法确定这个文件的年份：请任选一种方法注明年份——在表中加一列“年份”；"
    has "the message names --year" "$tmp/err" "--year $tmp/p/plain/f21x.csv=2023"
    if [ "$(ls "$tmp/m/out")" = "mine.txt" ]; then ok "nothing written"
    else bad "missing year: written $(ls "$tmp/m/out")"; fi
fi
run "batch mixing a file with a year and one without is refused" 3 batch "$tmp/w/青溪县/2021.csv" "$tmp/p/plain/f22x.csv" --no-charts &&
    has "batch: the message names the file without a year" "$tmp/err" "f22x.csv: 无法确定这个文件的年份"
run "batch mixing a file with a year and one without, --lang en" 3 batch "$tmp/w/青溪县/2021.csv" "$tmp/p/plain/f22x.csv" --no-charts --lang en &&
    has "batch: the English message names the file and the folder's name" "$tmp/err" "f22x.csv: no year for this file (无法确定年份): give the table a year (年份) column, or put the year in the file's or its folder's name"
run "batch of one file without any year still works" 0 batch "$tmp/p/plain/f22x.csv" --no-charts && ok "batch of one file without any year still works"
mkdir -p "$tmp/m/two"
cp "$tmp/w/青溪县/2021.csv" "$tmp/m/two/2021-2022.csv"
run "two different years in a name is no year" 3 trend "$tmp/m/two/2021-2022.csv" && ok "two different years in a name is no year"
cp "$tmp/w/青溪县/2021.csv" "$tmp/m/two/20215.csv"
run "a longer run of digits is no year" 3 trend "$tmp/m/two/20215.csv" && ok "a longer run of digits is no year"

# --- one county-year from two files ----------------------------------------
family "duplicate county-year"
mkdir -p "$tmp/d"
cp "$tmp/w/青溪县/2022.csv" "$tmp/d/2022.csv"
cp "$tmp/w/青溪县/2023.csv" "$tmp/d/2023.csv"
cp "$tmp/w/青溪县/2023.csv" "$tmp/d/2023年青溪县.csv"
if run "two files of 青溪县 2023 are refused" 3 trend "$tmp/d"; then
    has "the message names the county-year" "$tmp/err" "青溪县 2023 的数据出现在两个文件中"
    has "the message says how to fix it" "$tmp/err" "或为每个文件注明各自的年份：加一列“年份”，在文件名或文件夹名中写上年份，或用 --year 文件名=2023 指定"
    has "the message names the first file" "$tmp/err" "$tmp/d/2023.csv"
    has "the message names the second file" "$tmp/err" "$tmp/d/2023年青溪县.csv"
fi
run "two files of 青溪县 2023, --lang en" 3 trend "$tmp/d" --lang en &&
    has "the English message names the county-year" "$tmp/err" "青溪县 2023 comes from two files"
run "batch refuses them too" 3 batch "$tmp/d" --no-charts &&
    has "batch: the message names both" "$tmp/err" "2023年青溪县.csv"
run "--year making two files one county-year is refused" 3 trend "$tmp/d/2022.csv" "$tmp/p/plain/f21x.csv" \
    --year "$tmp/p/plain/f21x.csv=2022" && has "--year duplicate: names f21x.csv" "$tmp/err" "f21x.csv"

finish
