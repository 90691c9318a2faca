#!/usr/bin/env bash
# Trust at the edges (issue 13), family: rules. Run by CTest:
#   test_trust_rules.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# Rules and facts refused when they are nonsense; statistics that cannot
# underflow; evaluate's 表Ⅰ; workbook cells never cut.
source "$(dirname "$0")/trust_lib.sh" "$@"

demo=$src/datasets/qingxi-county.csv
demo_facts=$src/datasets/qingxi-county-facts.csv

# jq-like check of a JSON file with Python: jcheck NAME FILE EXPR
jcheck() {
    local name=$1 file=$2 expr=$3
    if "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($expr) else 1)" "$file" 2>"$tmp/jerr"; then
        ok "$name"
    else
        bad "$name: check failed: $expr ($(head -c 300 "$tmp/jerr"))"
    fi
}

# refused NAME PATTERN COMMAND...: exit 3, stderr matches PATTERN, nothing
# printed on stdout, no folder $tmp/out.
refused() {
    local name=$1 pattern=$2
    shift 2
    rm -rf "$tmp/out"
    "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    local rc=$?
    if [ $rc -ne 3 ]; then bad "$name: exit $rc, expected 3 ($(head -c 300 "$tmp/stderr"))"
    elif ! grep -Eq -- "$pattern" "$tmp/stderr"; then bad "$name: message '$(head -c 400 "$tmp/stderr")' lacks /$pattern/"
    elif [ -e "$tmp/out" ]; then bad "$name: output folder was created"
    elif [ -s "$tmp/stdout" ]; then bad "$name: printed a partial report"
    else ok "$name"; fi
}

# std NAME LINES...: a standards file starting from quality-2017.
std() {
    local n=$1
    shift
    csv "$n" "[standard]" "base = quality-2017" "$@"
}

# bad_std NAME PATTERN LINES...: analyze with that standard is refused.
bad_std() {
    local name=$1 pattern=$2
    shift 2
    local f
    f=$(std "std-$RANDOM.ini" "$@")
    local sum
    sum=$(sha256sum <"$f")
    refused "$name" "$(basename "$f"):$pattern" "$bin" analyze "$demo" --standard "$f" --out "$tmp/out"
    [ "$(sha256sum <"$f")" = "$sum" ] || bad "$name: the standards file was changed"
}

# ---------------------------------------------------------------------------
family standards

bad_std "an unknown provision is refused, not listed as switched on" \
    "3: 未知的条款“typo”（junheng 认识的条款：" "[provision typo]" "enabled = yes"
bad_std "nine-year weight 11 (typed for 1.1) is refused" \
    "4: .*nine_year_junior.*0.5.*3" "[weights]" "nine_year_junior = 11"
bad_std "weight 1e300 is refused" "4: .*complete_secondary_senior" \
    "[weights]" "complete_secondary_senior = 1e300"
bad_std "weight 1e306 is refused at its line, not garbled (exit 3)" \
    "4: .*nine_year_junior" "[weights]" "nine_year_junior = 1e306"
bad_std "weight 0 is refused" "4: .*twelve_year_senior" \
    "[weights]" "twelve_year_senior = 0"
bad_std "weight 0.1 is refused" "4: .*twelve_year_junior" \
    "[weights]" "twelve_year_junior = 0.1"
bad_std "CV limit '0.5abc' is refused" "3: .*cv_limit_primary" \
    "cv_limit_primary = 0.5abc"
bad_std "CV limit 2.5 is refused" "3: .*cv_limit_junior" "cv_limit_junior = 2.5"
bad_std "CV limit 0 is refused" "3: .*cv_limit_primary" "cv_limit_primary = 0"
bad_std "composite limit -1 is refused" "3: .*composite_limit_primary" \
    "composite_limit_primary = -1"
bad_std "a key given twice is refused (second line named)" \
    "4: cv_limit_primary 在 \[standard\] 中写了两次（第一次在第 3 行" \
    "cv_limit_primary = 0.5" "cv_limit_primary = 0.6"
f=$(std std-en.ini "cv_limit_primary = 0.5" "cv_limit_primary = 0.6")
refused "a key given twice, in English with --lang en" \
    "std-en.ini:4: cv_limit_primary is given twice in \[standard\] \(first on line 3" \
    "$bin" analyze "$demo" --standard "$f" --out "$tmp/out" --lang en
bad_std "a key given twice in an indicator section is refused" \
    "5: threshold_primary 在 \[indicator backbone_teachers_per100\] 中写了两次" \
    "[indicator backbone_teachers_per100]" "threshold_primary = 1" \
    "threshold_primary = 1.2"
bad_std "a negative threshold is refused" "4: .*threshold_junior" \
    "[indicator sports_area_per_student]" "threshold_junior = -10.2"
bad_std "a zero threshold is refused" "4: .*threshold_primary" \
    "[indicator sports_area_per_student]" "threshold_primary = 0"
bad_std "threshold NaN is refused" "4: .*threshold_primary" \
    "[indicator sports_area_per_student]" "threshold_primary = nan"
bad_std "per-school share 0 is refused" "3: .*partial_floor" "partial_floor = 0"
bad_std "per-school share 85 (for 85%) is refused" "3: .*partial_floor" \
    "partial_floor = 85"
bad_std "a county share of 0 is refused" "4: .*recognition_min" \
    "[county]" "recognition_min = 0"
bad_std "monitoring level 5 is refused" "4: .*monitoring_level_min" \
    "[county]" "monitoring_level_min = 5"
bad_std "a school size of 0 is refused" "4: .*school_size_max" \
    "[guarantee]" "school_size_max = 0"
bad_std "a teaching-point minimum of 50.5 pupils is refused" \
    "4: .*teaching_point_min" "[scope]" "teaching_point_min = 50.5"

bad_std "an indented line (a continuation) is a second value, refused" \
    "4: cv_limit_primary 在 \[standard\] 中写了两次.*缩进的行" "cv_limit_primary = 0.5" "   0.9"
bad_std "an unknown provision that sets nothing is refused at its header" \
    "3: 未知的条款“relax_2019_typo”" "[provision relax_2019_typo]" "[scope]" "private = include"
bad_std "a provision id in the wrong case is unknown" \
    "3: 未知的条款“Relax_2019_school_size”" "[provision Relax_2019_school_size]" "enabled = yes"
bad_std "a provision's min_students above its max_students is refused" \
    "5: .*min_students" "[provision relax_2019_pe_art_parttime]" "max_students = 99" "min_students = 120"
bad_std "a weight with a decimal comma (1,1) is refused" "4: .*nine_year_junior" \
    "[weights]" "nine_year_junior = 1,1"
bad_std "a threshold of 1e400 (out of range) is refused" "4: .*threshold_primary" \
    "[indicator sports_area_per_student]" "threshold_primary = 1e400"
edge=$(std edge.ini "cv_limit_primary = 2" "[weights]" "twelve_year_senior = 3" \
    "complete_secondary_senior = 0.5")
if "$bin" standards show "$edge" >"$tmp/show" 2>"$tmp/stderr" &&
    grep -q "^twelve_year_senior = 3$" "$tmp/show" && grep -q "^cv_limit_primary = 2$" "$tmp/show"; then
    ok "the edges of the ranges (weights 0.5 and 3, CV limit 2) are accepted"
else bad "edges of the ranges refused: $(head -c 300 "$tmp/stderr")"; fi

# A province's file: nine-year split 1:1.2, the per-school share 80%.
prov=$src/tests/data/province-split12-share80.ini
"$bin" analyze "$demo" --standard "$prov" -f json >"$tmp/prov.json" 2>"$tmp/stderr"
rc=$?
if [ $rc -le 1 ]; then
    jcheck "a province file (1:1.2, 80%) loads and analyzes" "$tmp/prov.json" \
        "d['standard'] == 'province-split12-share80' and d['standard_detail']['split_weights']['nine_year_junior'] == 1.2 and d['standard_detail']['partial_floor'] == 0.8"
else
    bad "a province file (1:1.2, 80%) loads and analyzes: exit $rc ($(head -c 300 "$tmp/stderr"))"
fi
"$bin" analyze "$demo" -f json >"$tmp/default.json" 2>/dev/null
if ! cmp -s "$tmp/prov.json" "$tmp/default.json" && [ -s "$tmp/prov.json" ]; then
    ok "the province's split weight changes the figures"
else
    bad "the province's split weight changes nothing"
fi
# A provision the code knows, not in the base: accepted and switched on.
p2=$(csv known.ini "[standard]" "base = basic-2012" "[provision relax_2019_school_size]" \
    "name_zh = 规模放宽" "name_en = Size relaxed" "enabled = yes")
if "$bin" standards show "$p2" >"$tmp/show" 2>"$tmp/stderr" &&
    grep -q "relax_2019_school_size" "$tmp/show"; then
    ok "a provision the code knows is accepted in a file based on basic-2012"
else
    bad "a known provision in a file based on basic-2012: $(head -c 300 "$tmp/stderr")"
fi
# The effective standard written back reads again.
"$bin" standards show quality-2017 >"$tmp/q.ini" 2>/dev/null
if "$bin" analyze "$demo" --standard "$tmp/q.ini" -f json >/dev/null 2>"$tmp/stderr" ||
    [ $? -eq 1 ]; then
    ok "the built-in standard written back loads again"
else
    bad "the built-in standard written back is refused: $(head -c 300 "$tmp/stderr")"
fi

# ---------------------------------------------------------------------------
family stats_magnitude

H="code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
# scaled FILE FACTOR: two primary schools, 100 pupils each, every quantity
# FACTOR × 1 and FACTOR × 4: each indicator's CV is 0.6 (over the 0.50 limit).
scaled() {
    local a b
    a=$("$py" -c "print(repr(1.0 * $2))") b=$("$py" -c "print(repr(4.0 * $2))")
    csv "$1" "$H" "1,甲小学,小学,100,0,0,$a,$a,$a,$a,$a,$a,$a" \
        "2,乙小学,小学,100,0,0,$b,$b,$b,$b,$b,$b,$b"
}
for factor in 1e-300 1e-200 1e-150 1; do
    f=$(scaled "s$factor.csv" "$factor")
    "$bin" analyze "$f" -f json >"$tmp/s.json" 2>"$tmp/stderr"
    rc=$?
    if [ $rc -gt 1 ]; then bad "values of $factor: exit $rc ($(head -c 300 "$tmp/stderr"))"; continue; fi
    jcheck "values of scale $factor: every CV is 0.6 (not 0), none passes" "$tmp/s.json" \
        "all(abs(i['cv'] - 0.6) < 1e-12 and not i['cv_pass'] for i in d['levels'][0]['indicators'])"
done
# Huge quantities are refused at import, naming the cell.
f=$(csv huge.csv "$H" "1,甲小学,小学,100,0,0,5,1,1,1e300,800,250000,3" \
    "2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5")
refused "a teaching area of 1e300 is refused with its cell" "huge.csv:2" \
    "$bin" analyze "$f" --out "$tmp/out"
# The same magnitudes through the library: see tests/unit/test_stats.c.
f=$(scaled "one.csv" 1)
"$bin" analyze "$f" -f json >"$tmp/one.json" 2>/dev/null
f=$(scaled "tiny.csv" 1e-300)
"$bin" analyze "$f" -f json >"$tmp/tiny.json" 2>/dev/null
if "$py" - "$tmp/one.json" "$tmp/tiny.json" <<'EOF'; then
import json, sys
a = json.load(open(sys.argv[1]))["levels"][0]["indicators"]
b = json.load(open(sys.argv[2]))["levels"][0]["indicators"]
sys.exit(0 if all(abs(x["cv"] - y["cv"]) <= 1e-12 * x["cv"] for x, y in zip(a, b)) and
         all(abs(y["sd"] / y["mean"] - 0.6) < 1e-12 for y in b) else 1)
EOF
    ok "1e-300-scale values give the CVs of 1-scale values"
else
    bad "1e-300-scale values give other CVs than 1-scale values"
fi

# The supplementary diagnostics (CV², contributions, CV without each
# school) of 1e-300-scale values: those of 1-scale values, not 0 or null.
three() {
    local a b c
    a=$("$py" -c "print(repr(1.0 * $2))") b=$("$py" -c "print(repr(4.0 * $2))")
    c=$("$py" -c "print(repr(2.0 * $2))")
    csv "$1" "$H,locality" "1,甲小学,小学,100,0,0,$a,$a,$a,$a,$a,$a,$a,城区" \
        "2,乙小学,小学,200,0,0,$b,$b,$b,$b,$b,$b,$b,乡村" \
        "3,丙小学,小学,300,0,0,$c,$c,$c,$c,$c,$c,$c,乡村"
}
"$bin" analyze "$(three d1.csv 1)" -f json >"$tmp/d1.json" 2>/dev/null
"$bin" analyze "$(three dt.csv 1e-300)" -f json >"$tmp/dt.json" 2>/dev/null
if "$py" - "$tmp/d1.json" "$tmp/dt.json" <<'EOF2'; then
import json, math, sys
def figs(path):
    d = json.load(open(path))["diagnostics"]["levels"][0]["indicators"]
    out = []
    for i in d:
        dec = i["decomposition"]
        out += [dec["cv2"], dec["within"], dec["between"], i["gini"], i["theil"]]
        out += list(i["contribution"].values()) + list(i["loo_cv"].values())
    return out
a, b = figs(sys.argv[1]), figs(sys.argv[2])
ok = len(a) == len(b) and all(x is not None and y is not None and
        abs(x - y) <= 1e-9 * max(abs(x), 1e-12) for x, y in zip(a, b))
ok = ok and any(x > 0 for x in b)
sys.exit(0 if ok else 1)
EOF2
    ok "diagnostics of 1e-300-scale values equal those of 1-scale values"
else
    bad "diagnostics of 1e-300-scale values differ from 1-scale values"
fi

# A county mean of 0 leaves the CV undefined: a warning in Chinese by
# default (the level and the indicator named in Chinese), in English with
# --lang en; the CV counts as not met.
f=$(csv zero.csv "$H" "1,甲小学,小学,100,0,0,5,1,1,500,800,250000,0" \
    "2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,0")
"$bin" analyze "$f" -f json >"$tmp/zero.json" 2>"$tmp/stderr"
if grep -q "小学：“每百名学生拥有网络多媒体教室数”的县域平均值为0，差异系数无法计算（按未达标计）" "$tmp/stderr" &&
    ! grep -q "multimedia_rooms_per100\|primary" "$tmp/stderr"; then
    ok "zero county mean: Chinese warning, no English id"
else
    bad "zero county mean: stderr '$(head -c 400 "$tmp/stderr")'"
fi
jcheck "zero county mean: that CV is null and not met" "$tmp/zero.json" \
    "[(i['cv'], i['cv_pass']) for i in d['levels'][0]['indicators'] if i['id'] == 'multimedia_rooms_per100'] == [(None, False)]"
"$bin" analyze "$f" --lang en >/dev/null 2>"$tmp/stderr"
if grep -q "primary: the county mean of multimedia_rooms_per100 is 0, so its difference coefficient is undefined (counted as not met)" "$tmp/stderr"; then
    ok "zero county mean: English warning with --lang en"
else
    bad "zero county mean, English: stderr '$(head -c 400 "$tmp/stderr")'"
fi
# No school left to evaluate (a teaching point under 50 pupils): refused,
# saying what to check.
f=$(csv none.csv "$H" "1,甲教学点,教学点,10,0,0,1,1,1,50,80,25000,1")
refused "no school evaluated: Chinese, says what to check" \
    "none.csv: 没有参与评估的学校：全部1行都被排除在外，请检查学校类型、在校生数和「纳入计算」列$" \
    "$bin" analyze "$f" --out "$tmp/out"
refused "no school evaluated: English with --lang en" \
    "none.csv: no school is evaluated: all 1 rows were excluded$" \
    "$bin" analyze "$f" --out "$tmp/out" --lang en

# ---------------------------------------------------------------------------
family facts

# facts_with NAME SED-EXPR: the demo facts with one line changed.
facts_with() { sed "$2" "$demo_facts" >"$tmp/$1"; echo "$tmp/$1"; }

f=$(facts_with ret.csv 's/^junior_entrants,三年前初一入学人数,4260,/junior_entrants,三年前初一入学人数,175,/')
refused "a computed retention of 2,344% (4102 / 175) is refused with both lines" \
    "ret.csv:16:3: junior_entrants（三年前初一入学人数 175）少于 junior_grade3（现初三在校生数 4102，第 17 行）：巩固率 2344.00%，超过100%（请填写 junior_retention，或改正人数）" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out"
refused "the computed retention, --lang en: in English with both lines" \
    "ret.csv:16.*junior_entrants.*junior_grade3.*(line 17|:17)" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out" --lang en
f=$(facts_with ret2.csv 's/^junior_entrants,三年前初一入学人数,4260,/junior_retention,初中三年巩固率,2347%,/')
refused "a stated retention of 2347% is refused at its cell" "ret2.csv:16:3: .*junior_retention.*100%" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out"
f=$(facts_with neg.csv 's/^disabled_enrollment,残疾儿童少年入学率,96.2%,/disabled_enrollment,残疾儿童少年入学率,-5%,/')
refused "a negative rate is refused at its cell" "neg.csv:18:3: .*disabled_enrollment" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out"
f=$(facts_with fw.csv 's/^disabled_enrollment,残疾儿童少年入学率,96.2%,/disabled_enrollment,残疾儿童少年入学率,１００％,/')
if "$bin" evaluate "$demo" --county "$f" -f json >"$tmp/fw.json" 2>"$tmp/stderr"; then
    jcheck "a rate of exactly 100% in full-width digits is accepted" "$tmp/fw.json" \
        "[g for p in d['parts'] for i in p['items'] for g in i['figures'] if g['id']=='disabled_enrollment'][0]['value'] == 1"
else bad "a rate of exactly 100% in full-width digits: $(head -c 300 "$tmp/stderr")"; fi
f=$(facts_with one.csv 's/^disabled_enrollment,残疾儿童少年入学率,96.2%,/disabled_enrollment,残疾儿童少年入学率,1,/')
if "$bin" evaluate "$demo" --county "$f" -f json >/dev/null 2>"$tmp/stderr"; then
    ok "a rate written 1 is accepted"
else bad "a rate written 1: $(head -c 300 "$tmp/stderr")"; fi
# More satisfied parents than valid questionnaires: a warning naming both
# counts, in Chinese by their Chinese names, in English by their keys.
f=$(facts_with sat.csv 's/^parents_satisfied,家长满意问卷数,1611,/parents_satisfied,家长满意问卷数,99999,/')
"$bin" evaluate "$demo" --county "$f" >/dev/null 2>"$tmp/stderr"
grep -q "sat.csv:32: 家长满意问卷数（99999）大于家长有效问卷数（1800）$" "$tmp/stderr" &&
    ok "survey count over its whole: Chinese warning" || bad "survey warning: $(head -c 400 "$tmp/stderr")"
"$bin" evaluate "$demo" --county "$f" --lang en >/dev/null 2>"$tmp/stderr"
grep -q "sat.csv:32: parents_satisfied (99999) is more than parents_valid (1800)$" "$tmp/stderr" &&
    ok "survey count over its whole: English warning" || bad "survey warning, English: $(head -c 400 "$tmp/stderr")"
f=$(facts_with blank.csv 's/^salary_ratio,教师平均工资收入与当地公务员平均工资收入之比,1.02,/salary_ratio,教师平均工资收入与当地公务员平均工资收入之比,,/')
if "$bin" evaluate "$demo" --county "$f" -f json >"$tmp/blank.json" 2>"$tmp/stderr"; then
    jcheck "a blank where a number is required is 'not given'" "$tmp/blank.json" \
        "'salary_ratio' in [m['id'] for m in d['missing']] and d['verdict'] != 'pass'"
else bad "a blank number: $(head -c 300 "$tmp/stderr")"; fi
f=$(facts_with pc.csv 's/^junior_entrants,三年前初一入学人数,4260,/junior_entrants,三年前初一入学人数,4260%,/')
refused "a percent sign on a count is refused" "pc.csv:16:3: .*junior_entrants" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out"
f=$(facts_with bare.csv 's/^rotation_share,交流轮岗教师比例,11.2%,/rotation_share,交流轮岗教师比例,11.2,/')
refused "a bare 11.2 for a share is refused" "bare.csv:8:3: .*rotation_share" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out"
f=$(facts_with words.csv 's/^rotation_share,交流轮岗教师比例,11.2%,/rotation_share,交流轮岗教师比例,百分之十一,/')
refused "a share in words (百分之十一) is refused" "words.csv:8:3: .*rotation_share" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out"
f=$(facts_with over.csv 's/^nearby_urban_primary,城区公办小学就近划片入学比例,100%,/nearby_urban_primary,城区公办小学就近划片入学比例,100.5%,/')
refused "a rate of 100.5% is refused" "over.csv:10:3: .*nearby_urban_primary.*100%" \
    "$bin" evaluate "$demo" --county "$f" --out "$tmp/out"
f=$(facts_with eq.csv 's/^junior_entrants,三年前初一入学人数,4260,/junior_entrants,三年前初一入学人数,4102,/')
if "$bin" evaluate "$demo" --county "$f" -f json >"$tmp/eq.json" 2>"$tmp/stderr"; then
    jcheck "a computed retention of exactly 100% is accepted and met" "$tmp/eq.json" \
        "[g for p in d['parts'] for i in p['items'] for g in i['figures'] if g['id']=='junior_retention'][0]['value'] == 1"
else bad "a computed retention of exactly 100%: $(head -c 300 "$tmp/stderr")"; fi
# warned NAME PATTERN FACTS: evaluate runs (exit 0) and warns with PATTERN.
warned() {
    if "$bin" evaluate "$demo" --county "$3" >/dev/null 2>"$tmp/stderr" &&
        grep -Eq -- "$2" "$tmp/stderr"; then ok "$1"
    else bad "$1: $(grep -v 青溪县城南学校 "$tmp/stderr" | head -c 400)"; fi
}
f=$(facts_with money.csv 's/^special_funds_per_student,特殊教育学校生均公用经费,6500,/special_funds_per_student,特殊教育学校生均公用经费,0.65,/')
warned "special funds of 0.65 yuan (万元?) per student are warned at their line" \
    "(warning: |警告：).*money.csv:4(:3)?: .*special_funds_per_student" "$f"
f=$(facts_with money2.csv 's/^special_funds_per_student,特殊教育学校生均公用经费,6500,/special_funds_per_student,特殊教育学校生均公用经费,65000000,/')
warned "special funds of 65,000,000 yuan per student are warned" \
    "(warning: |警告：).*money2.csv:4(:3)?: .*special_funds_per_student" "$f"
f=$(facts_with salary.csv 's/^salary_ratio,教师平均工资收入与当地公务员平均工资收入之比,1.02,/salary_ratio,教师平均工资收入与当地公务员平均工资收入之比,102,/')
warned "a salary ratio of 102 (for 1.02) is warned" "(warning: |警告：).*salary.csv:5(:3)?: .*salary_ratio" "$f"
if "$bin" evaluate "$demo" --county "$demo_facts" >/dev/null 2>"$tmp/stderr" &&
    ! grep -q "implausible" "$tmp/stderr"; then
    ok "the demo county's facts give no implausibility warning"
else bad "the demo facts are warned: $(grep implausible "$tmp/stderr" | head -c 300)"; fi
# The same refusal in a workbook names the sheet cell.
"$py" - "$tmp/facts.xlsx" "$demo_facts" <<'EOF'
import csv, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "facts"
for row in csv.reader(open(sys.argv[2], encoding="utf-8")):
    if row[0] == "disabled_enrollment":
        row[2] = "120%"
    ws.append(row)
wb.save(sys.argv[1])
EOF
refused "a rate of 120% in a workbook is refused at its cell" "facts.xlsx: .*C18.*disabled_enrollment" \
    "$bin" evaluate "$demo" --county "$tmp/facts.xlsx" --out "$tmp/out"

# ---------------------------------------------------------------------------
family evaluate_table1

E="code,name,type,students_primary,students_junior,classes_primary,classes_junior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
R1="P1,甲小学,小学,900,,20,,45,10,9,4500,7200,2000000,22"
R2="P2,乙小学,小学,450,,10,,23,5,5,2300,3700,1000000,11"
R3="J1,丁中学,初中,,1000,,20,60,12,10,6000,10500,2600000,25"
noteach=$(csv noteach.csv "$E" "$R1" "$R2" "$R3")
facts1=$(csv t1facts.csv "item,value,note" "teachers_primary,79," "teachers_junior,70," \
    "students_primary,1350," "classes_junior,20,")
"$bin" evaluate "$noteach" --county "$facts1" -f json >"$tmp/t1.json" 2>"$tmp/stderr"
jcheck "no teacher column: 表Ⅰ takes the teachers from the facts" "$tmp/t1.json" \
    "d['table1']['teachers'] == {'primary': 79, 'junior': 70} and d['table1']['sources']['teachers'] == {'primary': 'facts', 'junior': 'facts'}"
jcheck "no teacher column: the county's true figure is no contradiction" "$tmp/t1.json" \
    "d['contradictions'] == []"
jcheck "figures the school data has come from it" "$tmp/t1.json" \
    "d['table1']['students']['primary'] == 1350 and d['table1']['sources']['students']['primary'] == 'schools' and d['table1']['classes']['junior'] == 20"
"$bin" evaluate "$noteach" --county "$facts1" >"$tmp/t1.txt" 2>/dev/null
if grep -q "专任教师79人" "$tmp/t1.txt" && ! grep -q "专任教师0人" "$tmp/t1.txt"; then
    ok "no teacher column: the text's 表Ⅰ shows 79 teachers, not 0"
else bad "no teacher column: text 表Ⅰ is $(grep 专任教师 "$tmp/t1.txt" | head -c 300)"; fi
facts0=$(csv t1none.csv "item,value,note" "students_primary,1350,")
"$bin" evaluate "$noteach" --county "$facts0" -f json >"$tmp/t0.json" 2>"$tmp/stderr"
jcheck "no teacher column nor fact: teachers are unknown (null), not 0" "$tmp/t0.json" \
    "d['table1']['teachers'] == {'primary': None, 'junior': None} and d['table1']['sources']['teachers']['primary'] == 'none' and d['contradictions'] == []"
withteach=$(csv withteach.csv "$E,teachers" "$R1,50" "$R2,26" "$R3,70")
facts2=$(csv t1wrong.csv "item,value,note" "students_primary,1350," "teachers_primary,90,")
"$bin" evaluate "$withteach" --county "$facts2" -f json >"$tmp/t2.json" 2>"$tmp/stderr"
jcheck "two real figures that differ are a contradiction, with line and both sources" "$tmp/t2.json" \
    "[(c['id'], c['stated'], c['computed'], c['line']) for c in d['contradictions']] == [('teachers_primary', 90, 76, 3)] and d['contradictions'][0]['school_source'].endswith('withteach.csv') and d['contradictions'][0]['facts_source'].endswith('t1wrong.csv')"
"$bin" evaluate "$withteach" --county "$facts2" >"$tmp/t2.txt" 2>/dev/null
if grep -q "t1wrong.csv:3: .*teachers_primary.*withteach.csv" "$tmp/t2.txt"; then
    ok "the text names the fact's line and the school data"
else bad "contradiction text: $(grep -A2 teachers_primary "$tmp/t2.txt" | head -c 400)"; fi
partial=$(csv partial.csv "$E,teachers" "$R1,50" "$R2," "$R3,70")
"$bin" evaluate "$partial" --county "$facts2" -f json >"$tmp/t3.json" 2>"$tmp/stderr"
jcheck "a school without teachers: no partial sum against the fact" "$tmp/t3.json" \
    "d['contradictions'] == [] and d['table1']['teachers']['primary'] == 90 and d['table1']['sources']['teachers']['primary'] == 'facts'"
noclass=$(csv noclass.csv "code,name,type,students_primary,students_junior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms" \
    "P1,甲小学,小学,900,,45,10,9,4500,7200,2000000,22" "J1,丁中学,初中,,1000,60,12,10,6000,10500,2600000,25")
facts3=$(csv t1class.csv "item,value,note" "classes_primary,20,")
"$bin" evaluate "$noclass" --county "$facts3" -f json >"$tmp/t4.json" 2>"$tmp/stderr"
jcheck "no class column: classes from the facts, none is a contradiction" "$tmp/t4.json" \
    "d['contradictions'] == [] and d['table1']['classes'] == {'primary': 20, 'junior': None}"
# A workbook of facts: the contradiction names its sheet cell.
"$py" - "$tmp/t1wrong.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "县情"
for row in (("item", "value", "note"), ("students_primary", 1350, None), ("teachers_primary", 90, None)):
    ws.append(row)
wb.save(sys.argv[1])
EOF
"$bin" evaluate "$withteach" --county "$tmp/t1wrong.xlsx" -f json >"$tmp/t5.json" 2>"$tmp/stderr"
jcheck "a workbook's contradiction is located by its cell" "$tmp/t5.json" \
    "[(c['id'], c['cell']) for c in d['contradictions']] == [('teachers_primary', '县情!B3')]"
"$bin" evaluate "$withteach" --county "$tmp/t1wrong.xlsx" >"$tmp/t5.txt" 2>/dev/null
if grep -q "t1wrong.xlsx: 县情!B3: .*teachers_primary" "$tmp/t5.txt"; then
    ok "the text names the workbook cell of the stated count"
else bad "workbook contradiction text: $(grep teachers_primary "$tmp/t5.txt" | head -c 300)"; fi
rm -rf "$tmp/wb"
if "$bin" evaluate "$noteach" --county "$facts1" --out "$tmp/wb" --no-charts >/dev/null 2>&1; then
    "$py" - "$tmp/wb/evaluation.xlsx" >"$tmp/t1sheet" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[1]
for row in ws.iter_rows(values_only=True):
    print("|".join("" if v is None else str(v) for v in row))
EOF
    if grep -q "小学专任教师数.*|79|" "$tmp/t1sheet" && ! grep -q "小学专任教师数（人）|0|" "$tmp/t1sheet"; then
        ok "表Ⅰ sheet: teachers 79 from the facts, not 0"
    else bad "表Ⅰ sheet: $(grep 专任教师 "$tmp/t1sheet" | head -c 300)"; fi
else bad "evaluate --out for the 表Ⅰ sheet failed"; fi

# ---------------------------------------------------------------------------
family cells

# Many failing schools: each must be listed in the overview's actions.
"$py" - "$tmp/many.csv" <<'EOF'
import sys
head = "code,name,type,students_primary,students_junior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(head + "\n")
    for i in range(400):
        # every school misses three indicators
        f.write("S%04d,第%d号很长名字的农村完全小学校区,小学,300,,%d,1,1,900,1500,300000,3\n" % (i, i, 10 + i % 5))
EOF
longnote=$("$py" -c "print('说明' + '很长的说明文字，' * 700 + '末尾ZZEND')")
"$py" - "$tmp/longfacts.csv" "$demo_facts" "$longnote" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
for r in rows:
    if r[0] in ("nearby_urban_primary", "nearby_town_primary", "nearby_urban_junior"):
        r[3] = sys.argv[3]
w = csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n")
w.writerows(rows)
EOF
rm -rf "$tmp/wb2"
"$bin" evaluate "$tmp/many.csv" --county "$tmp/longfacts.csv" --out "$tmp/wb2" --no-charts >/dev/null 2>"$tmp/stderr"
rc=$?
if [ $rc -ne 0 ]; then
    bad "evaluate with 400 failing schools: exit $rc ($(head -c 300 "$tmp/stderr"))"
else
    "$py" - "$tmp/wb2/evaluation.xlsx" >"$tmp/cells" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
longest = 0
text = []
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if isinstance(v, str):
                longest = max(longest, len(v))
                if ws is wb.worksheets[0]:
                    text.append(v)
t = "\n".join(text)
missing = [i for i in range(400) if ("S%04d " % i) not in t]
print("longest", longest)
print("missing", len(missing), missing[:5])
print("notes", t.count("末尾ZZEND"))
EOF
    if grep -q "^missing 0 " "$tmp/cells"; then
        ok "every one of 400 failing schools is listed on the overview sheet"
    else bad "schools dropped off the overview: $(cat "$tmp/cells")"; fi
    if grep -q "^notes 3$" "$tmp/cells" || grep -q "^notes [3-9]$" "$tmp/cells"; then
        ok "three long notes (5,000+ bytes each) reach the overview whole"
    else bad "long notes were cut: $(cat "$tmp/cells")"; fi
    longest=$(sed -n 's/^longest //p' "$tmp/cells")
    if [ "${longest:-99999}" -le 32767 ]; then ok "no cell is over Excel's 32,767 characters"
    else bad "a cell of $longest characters"; fi
fi
"$bin" evaluate "$tmp/many.csv" --county "$tmp/longfacts.csv" -f json >"$tmp/many.json" 2>/dev/null
jcheck "the JSON conclusion keeps the long notes whole" "$tmp/many.json" \
    "[i for p in d['parts'] for i in p['items'] if i['id']=='nearby_enrollment'][0]['conclusion'].count('末尾ZZEND') == 3"
jcheck "the JSON lists every failing school" "$tmp/many.json" \
    "len([i for p in d['parts'] for i in p['items'] if i['id']=='resources_schools'][0]['to_pass']) == 400"
"$bin" evaluate "$tmp/many.csv" --county "$tmp/longfacts.csv" >"$tmp/many.txt" 2>/dev/null
if [ "$(grep -o '末尾ZZEND' "$tmp/many.txt" | wc -l)" -eq 3 ]; then
    ok "the text conclusion keeps the long notes whole"
else bad "the text conclusion cut the notes"; fi

# One school with a 3,000-character name fails: its line is longer than a
# piece; the workbook stays valid and the name whole across the pieces.
"$py" - "$tmp/longname.csv" <<'EOF'
import sys
head = "code,name,type,students_primary,students_junior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(head + "\n")
    f.write("L0001,%s,小学,300,,10,1,1,900,1500,300000,3\n" % ("长" * 2999 + "尾"))
    f.write("L0002,乙小学,小学,300,,15,3,3,1500,2400,700000,8\n")
EOF
rm -rf "$tmp/wb3"
if "$bin" evaluate "$tmp/longname.csv" --county "$demo_facts" --out "$tmp/wb3" --no-charts >/dev/null 2>"$tmp/stderr"; then
    if "$py" - "$tmp/wb3/evaluation.xlsx" <<'EOF'; then
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
col = "".join(r[6] for r in ws.iter_rows(values_only=True) if len(r) > 6 and isinstance(r[6], str))
sys.exit(0 if ("长" * 2999 + "尾") in col else 1)
EOF
        ok "a 3,000-character school name reaches the workbook whole"
    else bad "a 3,000-character school name is cut or the workbook is invalid"; fi
else bad "evaluate with a 3,000-character name: $(head -c 300 "$tmp/stderr")"; fi

finish
