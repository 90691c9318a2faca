#!/usr/bin/env bash
# End-to-end tests of `junheng plan`, run by CTest:
#   test_plan.sh JUNHENG_BINARY SOURCE_DIR [PYTHON]
# The demo's plan is checked independently: its additions are written back
# into a copy of the demo CSV and the independent reference implementation
# (tests/cli/reference.py) must find that copy passing, with the CVs the
# plan projected; the level t of the primary sports-area fix is recomputed
# by a bisection written here from the definition.
set -u
bin=$1 src=$2 py=${3:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
check() { # check NAME COMMAND...
    local name=$1; shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}
expect_exit() {
    local name=$1 code=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq "$code" ]; then ok "$name (exit $rc)"
    else bad "$name: exit $rc, expected $code; stderr: $(head -c 300 "$tmp/err")"; fi
}

demo=$src/datasets/qingxi-county.csv

# 1. The demo's plan, as JSON, with costs.
expect_exit "demo plan json" 0 "$bin" plan "$demo" -f json --strict \
    --cost sports_area=800 --cost teaching_area=3000 \
    --cost degree_teachers=120000 --cost backbone_teachers=150000 \
    --cost pe_art_teachers=120000 --cost multimedia_rooms=60000
cp "$tmp/out" "$tmp/plan.json"
"$bin" analyze "$demo" -f json >"$tmp/demo.json" 2>/dev/null

check "plan: shortfalls, required fixes, totals and costs" "$py" - "$tmp/plan.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
assert p["pass"] is True and p["projection"]["pass"] is True
assert p["projection"]["pass_before"] is False
sec = {(s["code"], s["level"]): s for s in p["sections"]}
# 7 sections miss an indicator; 5 fail (datasets/README.md).
assert len(sec) == 7, list(sec)
assert sorted(c for (c, _), s in sec.items() if not s["pass_before"]) == [
    "3623010002", "3623010012", "3623010022", "3623010033", "3623010037"]
# 青溪县城关第一小学: 9108 m² for 1980 pupils; 7.5 needs 14850 (5742 more),
# 85% needs 12622.5, so 12623 (3515 more).  One miss: the rule needs 85%.
s = sec[("3623010002", "primary")]
f = s["shortfalls"][0]
assert f["indicator"] == "sports_area_per_student"
assert f["to_threshold"]["whole_addition"] == 5742
assert f["to_floor"]["whole_addition"] == 3515
assert f["required"] == "floor" and s["rule"] == "cost"
assert f["to_floor"]["cost"] == 3515 * 800
# 枫林九年一贯制学校 junior: 11 degree teachers for 260 pupils; 5.3 needs
# 13.78 (3 more), 85% needs 11.713 (1 more).
f = sec[("3623010037", "junior")]["shortfalls"][0]
assert (f["to_threshold"]["whole_addition"], f["to_floor"]["whole_addition"]) == (3, 1)
# Passing sections have shortfalls but nothing required.
assert sec[("3623010013", "primary")]["rule"] == "none"
assert all(x["required"] == "none" for x in sec[("3623010013", "primary")]["shortfalls"])
# Totals are the sum over schools, costs the additions priced.
costs = p["costs"]
tot = {}
for sc in p["schools"]:
    c = sum(n * costs[q] for q, n in sc["additions"].items())
    assert abs(c - sc["cost"]) < 1e-6, sc
    for q, n in sc["additions"].items():
        tot[q] = tot.get(q, 0) + n
assert tot == p["totals"]["additions"], (tot, p["totals"])
assert p["totals"]["cost_complete"] is True
assert abs(p["totals"]["cost"] - sum(sc["cost"] for sc in p["schools"])) < 1e-6
# One CV fix: primary sports area.
(fx,) = p["cv_fixes"]
assert (fx["level"], fx["indicator"]) == ("primary", "sports_area_per_student")
assert round(fx["cv_original"], 3) == 0.552 and fx["cv_limit"] == 0.5
assert abs(fx["cv_at_t"] - 0.5) < 1e-12
assert fx["total_whole_addition"] == sum(x["whole_addition"] for x in fx["schools"])
assert fx["total_exact"] <= fx["total_whole_addition"] <= fx["total_exact"] + len(fx["schools"])
for x in fx["schools"]:
    assert x["value_before"] < fx["level_t"] <= x["value_after"] + 1e-9
lv = [l for l in p["projection"]["levels"] if l["level"] == "primary"][0]
ind = [i for i in lv["indicators"] if i["id"] == "sports_area_per_student"][0]
assert ind["cv"] <= 0.5 and ind["cv_pass"] is True and ind["cv_before"] > 0.5
PY

check "level t agrees with a bisection from the definition" "$py" - "$tmp/plan.json" "$tmp/demo.json" <<'PY'
import json, math, sys
p = json.load(open(sys.argv[1]))
d = json.load(open(sys.argv[2]))
k = "sports_area_per_student"
vals = {s["code"]: (s["values"][k], s["students"]) for s in d["schools"]
        if s["level"] == "primary"}
# The per-school fix first: 青溪县城关第一小学 adds 3515 m².
v, w = vals["3623010002"]
vals["3623010002"] = (v + 3515 / w, w)
def cv(t):
    xs = [(max(x, t), w) for x, w in vals.values()]
    P = sum(w for _, w in xs)
    m = sum(x * w for x, w in xs) / P
    return math.sqrt(sum(w * (x - m) ** 2 for x, w in xs) / P) / m
lo, hi = min(x for x, _ in vals.values()), max(x for x, _ in vals.values())
for _ in range(200):
    mid = (lo + hi) / 2
    lo, hi = (lo, mid) if cv(mid) <= 0.5 else (mid, hi)
t = p["cv_fixes"][0]["level_t"]
assert abs(t - hi) <= 1e-9 * hi, (t, hi)
assert round(t, 4) == 8.1398, t
exact = sum(max(0, hi - x) * w for x, w in vals.values())
assert abs(exact - p["cv_fixes"][0]["total_exact"]) < 1e-6 * exact
PY

# The additions written back into the data: the reference implementation
# must find the county passing, with the CVs the plan projected.
check "projection agrees with the reference on the changed data" "$py" - \
    "$tmp/plan.json" "$demo" "$tmp/after.csv" <<'PY'
import csv, json, sys
p = json.load(open(sys.argv[1]))
col = {"degree_teachers": "高于规定学历教师数",
       "backbone_teachers": "县级以上骨干教师数",
       "pe_art_teachers": "体育艺术专任教师数",
       "teaching_area": "教学及辅助用房面积(平方米)",
       "sports_area": "体育运动场馆面积(平方米)",
       "equipment_value": "教学仪器设备值(万元)",
       "multimedia_rooms": "网络多媒体教室数(间)"}
zh = {"primary": "小学", "junior": "初中"}
add = {s["code"]: s for s in p["schools"]}
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
combined = 0
for r in rows:
    s = add.get(r["学校代码"])
    if s is None:
        continue
    for q, n in s["additions"].items():
        if q == "equipment_value":
            n = n / 10000
        by = {l: a[q] for l, a in s["section_additions"].items() if q in a}
        if by and r[zh[next(iter(by))] + col[q]] != "":
            # Teachers of a combined school go to their section's column.
            combined += 1
            for l, m in by.items():
                c = zh[l] + col[q]
                r[c] = repr(float(r[c]) + m)
        else:
            r[col[q]] = repr(float(r[col[q]]) + n)
assert combined == 1   # 枫林九年一贯制学校's junior degree teacher
with open(sys.argv[3], "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(rows)
PY
"$py" "$src/tests/cli/reference.py" "$tmp/after.csv" >"$tmp/ref_after.json"
check "reference: the changed county passes with the projected CVs" "$py" - \
    "$tmp/plan.json" "$tmp/ref_after.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
r = json.load(open(sys.argv[2]))
assert r["pass"] is True, "reference says the planned county still fails"
for lp, lr in zip(p["projection"]["levels"], r["levels"]):
    assert lp["level"] == lr["level"]
    assert lp["schools_passing"] == sum(1 for s in r["schools"]
                                        if s["level"] == lr["level"] and s["pass"])
    for ip, ir in zip(lp["indicators"], lr["indicators"]):
        assert ip["id"] == ir["id"]
        assert abs(ip["cv"] - ir["cv"]) <= 1e-9 * ir["cv"], (ip, ir)
        assert abs(ip["mean"] - ir["mean"]) <= 1e-9 * ir["mean"], (ip, ir)
PY

# 2. Text in both languages.
expect_exit "demo plan text" 0 "$bin" plan "$demo"
check "text: level t of the sports-area fix" grep -q "t = 8.1398 平方米/生" "$tmp/out"
check "text: the county passes after the plan" grep -q "整改后县域达到资源配置要求" "$tmp/out"
check "text: strict rule for 青溪县城关第一小学" grep -q "生均体育场馆 补到标准值的85%：3515 平方米" "$tmp/out"
expect_exit "demo plan english" 0 "$bin" plan "$demo" --lang en
check "english text" grep -q "after the plan the county meets the resource standard" "$tmp/out"

# 3. Costs from a file; errors.
printf 'key,yuan_per_unit\nsports_area,800\n网络多媒体教室数,60000\n' >"$tmp/costs.csv"
expect_exit "costs file" 0 "$bin" plan "$demo" -f json --costs "$tmp/costs.csv" --cost sports_area=900
check "costs file read, --cost overrides it" "$py" -c "
import json,sys; p=json.load(open(sys.argv[1]))
assert p['costs']['sports_area'] == 900 and p['costs']['multimedia_rooms'] == 60000
assert p['costs_given'] is True and p['totals']['cost_complete'] is False" "$tmp/out"
printf 'key,yuan_per_unit\ngym,800\n' >"$tmp/badcosts.csv"
expect_exit "unknown key in the costs file" 3 "$bin" plan "$demo" --costs "$tmp/badcosts.csv"
check "error names the cell" grep -q "badcosts.csv:2:1: 未知的单价项目“gym”（可用：高于规定学历教师数 degree_teachers、" "$tmp/err"
expect_exit "unknown key in the costs file, --lang en" 3 "$bin" plan "$demo" --costs "$tmp/badcosts.csv" --lang en
check "error names the cell in English" grep -q "badcosts.csv:2:1: unknown cost key 'gym'" "$tmp/err"
printf 'key,yuan_per_unit
sports_area,800
体育运动场馆面积,-5
' >"$tmp/negcosts.csv"
expect_exit "negative cost in the costs file" 3 "$bin" plan "$demo" --costs "$tmp/negcosts.csv"
check "negative cost: the value cell, in Chinese" grep -q "negcosts.csv:3:2: 体育运动场馆面积 的单价须为不小于 0 的数字（单位：元），现为“-5”" "$tmp/err"
expect_exit "bad --cost" 2 "$bin" plan "$demo" --cost sports_area=cheap
check "bad --cost: the Chinese message" grep -q "^junheng: --cost：.*cheap" "$tmp/err"
expect_exit "bad --cost, --lang en" 2 "$bin" plan "$demo" --cost sports_area=cheap --lang en
check "bad --cost, --lang en: the English message" \
    grep -qx "junheng: --cost: cost of sports_area must be a non-negative number of yuan, not 'cheap'" "$tmp/err"
expect_exit "plan --help" 0 "$bin" plan --help
check "plan --help: Chinese by default" grep -qx "用法：junheng plan 文件 \[选项\]" "$tmp/out"
check "plan --help: the --cost keys in Chinese text" \
    grep -qF -- "--cost KEY=YUAN  单价，单位为元（可重复）；KEY 可为：" "$tmp/out"
expect_exit "plan --help --lang en" 0 "$bin" plan --help --lang en
check "plan --help --lang en: English" grep -qx "usage: junheng plan FILE \[options\]" "$tmp/out"
expect_exit "--cost without =" 2 "$bin" plan "$demo" --cost sports_area
expect_exit "missing costs file" 3 "$bin" plan "$demo" --costs "$tmp/nope.csv"

# 4. Workbook and JSON files.
expect_exit "plan --out" 0 "$bin" plan "$demo" --out "$tmp/pout"
check "plan.xlsx and plan.json" "$py" - "$tmp/pout" <<'PY'
import json, sys
import openpyxl
d = sys.argv[1]
p = json.load(open(f"{d}/plan.json"))
wb = openpyxl.load_workbook(f"{d}/plan.xlsx")
assert wb.sheetnames == ["学校整改", "差异系数整改", "经费", "整改前后差异系数",
                         "整改前后指标值"], wb.sheetnames
cells = [c for ws in wb for row in ws.iter_rows(values_only=True) for c in row
         if c is not None]
assert "3623010002" in cells
# The budget total is a live SUM with the plan's total as cached value.
ws = wb["经费"]
sums = [c.value for row in ws.iter_rows() for c in row
        if isinstance(c.value, str) and c.value.startswith("=SUM(")]
assert sums, "no SUM formulas in the budget sheet"
PY

# 5. Charts (src/report/report_plan_charts.c, plots/plan_*.gp) beside the workbook.
if command -v gnuplot >/dev/null; then
    export JUNHENG_PLOTS_DIR=$(cd "$src" && pwd)/plots SOURCE_DATE_EPOCH=1577836800
    is_png() {
        [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = \
            "89504e470d0a1a0a" ]
    }
    is_pdf() { [ -s "$1" ] && [ "$(head -c 5 "$1")" = "%PDF-" ]; }
    # The indicators the demo's plan raises (docs/plan.md) or whose CV it
    # fixes (primary sports area), and one CV chart per level.
    want="junior-cv junior-degree_teachers_per100
junior-equipment_value_per_student junior-multimedia_rooms_per100
primary-backbone_teachers_per100 primary-cv primary-multimedia_rooms_per100
primary-pe_art_teachers_per100 primary-sports_area_per_student"
    plan_charts() { # plan_charts DIR: exactly the wanted charts, PNG and PDF
        local d=$1/plan-charts c got
        for c in $want; do
            is_png "$d/$c.png" && is_pdf "$d/$c.pdf" ||
                { echo "# missing or broken: $d/$c.png/.pdf"; return 1; }
        done
        got=$(cd "$d" && ls -A | sort | tr '\n' ' ')
        [ "$got" = "$(for c in $want; do echo "$c.pdf"; echo "$c.png"; done |
                       sort | tr '\n' ' ')" ] || { echo "# got: $got"; return 1; }
    }
    check "plan charts: every chart as PNG and PDF, nothing else" \
        plan_charts "$tmp/pout"
    check "plan charts: nothing hidden left in the output folder (but the manifest)" \
        [ -z "$(find "$tmp/pout" -mindepth 1 -name '.*' -not -path "$tmp/pout/.junheng-manifest")" ]
    check "plan charts: only plan.xlsx, plan.json, plan-charts and the manifest written" \
        [ "$(cd "$tmp/pout" && ls -A | tr '\n' ' ')" = \
          ".junheng-manifest plan-charts plan.json plan.xlsx " ]
    if command -v pdftotext >/dev/null; then
        check "plan charts: the CV before and after in the caption" \
            eval 'pdftotext "$tmp/pout/plan-charts/primary-sports_area_per_student.pdf" - |
                  grep -qF "差异系数 0.552 → 0.500"'
    fi
    expect_exit "plan --out again" 0 "$bin" plan "$demo" --out "$tmp/pout2"
    same=yes
    for f in "$tmp"/pout/plan-charts/*; do
        cmp -s "$f" "$tmp/pout2/plan-charts/${f##*/}" || same=no
    done
    check "plan charts: the same bytes on a second run" [ "$same" = yes ]
    expect_exit "plan --lang en --out" 0 "$bin" plan "$demo" --lang en \
        --out "$tmp/pout-en"
    check "plan charts in English" plan_charts "$tmp/pout-en"
    # gnuplot missing: one warning, everything else written, and the
    # charts of an earlier run in the same folder removed.
    expect_exit "plan without gnuplot" 0 "$bin" plan "$demo" \
        --out "$tmp/pout2" --gnuplot /nonexistent/gnuplot
    check "no gnuplot: exactly one warning mentions gnuplot" \
        eval '[ "$(grep -c gnuplot "$tmp/err")" -eq 1 ] &&
              grep gnuplot "$tmp/err" | grep -q "^junheng: 警告：.*未生成图表，其余均已写出$"'
    check "no gnuplot: plan.xlsx and plan.json written, no stale charts" \
        [ -s "$tmp/pout2/plan.xlsx" -a -s "$tmp/pout2/plan.json" -a \
          ! -e "$tmp/pout2/plan-charts" ]
    expect_exit "plan --no-charts" 0 "$bin" plan "$demo" --out "$tmp/pout3" \
        --no-charts
    check "--no-charts: no plan-charts folder" [ ! -e "$tmp/pout3/plan-charts" ]
    # Hostile school names reach gnuplot only as data.
    mkdir -p "$tmp/hostile"
    cat >"$tmp/hostile/h.csv" <<'EOF'
code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms
1000000001,a`touch PWNED`b @ARG1 \n\0042,小学,100,0,0,5,0,1,600,800,250000,3
1000000002,"system(""touch PWNED2"") {/Symbol a}_x^2 %s%n",小学,200,0,0,10,2,2,1000,1600,460000,5
1000000003,"""; !touch PWNED3 ../../evil 'q' #x",小学,700,0,0,35,6,7,3150,5600,1470000,17
EOF
    abs_bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
    (cd "$tmp/hostile" && "$abs_bin" plan h.csv --out out >/dev/null 2>&1)
    check "hostile names: plan charts drawn, no command run" \
        eval 'is_png "$tmp/hostile/out/plan-charts/primary-backbone_teachers_per100.png" &&
              [ -z "$(find "$tmp" "$src" -name "PWNED*")" ] &&
              [ ! -e "$tmp/evil" ] && [ ! -e "$PWD/PWNED" ]'
else
    echo "skipped: plan charts (gnuplot is not installed)"
fi

# A standard without a per-school rule (basic-2012: min_met 0, partial
# floor 0) asks only for the CVs: the plan speaks of no floor ("达到标准值0%"
# was printed once) and no per-school requirement, but says what the
# standard asks, in text, in English, and in plan.xlsx.
expect_exit "basic-2012 plan" 0 "$bin" plan "$demo" --standard basic-2012
check "basic-2012 plan: no floor, no per-school requirement" \
    eval '! grep -q "达到标准值[0-9]*%\|达标规则最低要求" "$tmp/out" &&
          grep -q "本标准不设学校达标规则，只评判差异系数" "$tmp/out" &&
          grep -q "差异系数整改" "$tmp/out"'
expect_exit "basic-2012 plan, English" 0 "$bin" plan "$demo" \
    --standard basic-2012 --lang en
check "basic-2012 plan (en): no floor, says only the CVs are judged" \
    eval '! grep -q "to reach [0-9]*%\|per-school rule:" "$tmp/out" &&
          grep -q "no per-school rule; only the CVs are judged" "$tmp/out"'
expect_exit "basic-2012 plan --out" 0 "$bin" plan "$demo" \
    --standard basic-2012 --out "$tmp/basic" --no-charts
check "basic-2012 plan.xlsx: no floor column, the standard's rule stated" \
    "$py" - "$tmp/basic/plan.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["学校整改"]
cells = [str(c) for r in ws.iter_rows(values_only=True) for c in r if c is not None]
assert not any("达到标准值" in c and "%" in c for c in cells), cells[:20]
assert "本标准不设学校达标规则，只评判差异系数" in cells, cells[:20]
assert "达标规则最低要求" not in cells, cells[:20]
PY

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
