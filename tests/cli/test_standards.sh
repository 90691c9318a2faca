#!/usr/bin/env bash
# Standards as data, end to end:  test_standards.sh BINARY SOURCE_DIR PYTHON
set -u
bin=$(realpath "$1") src=$(realpath "$2") py=${3:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
check() { local n=$1; shift; if "$@"; then ok "$n"; else bad "$n"; fi; }
# run CODE ARGS...: run junheng, keep out/err, check the exit code
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
# json PYTHON-EXPR: the expression holds for d = the JSON in $tmp/out
json() { "$py" -c "import json,sys; d=json.load(open('$tmp/out')); sys.exit(0 if ($1) else 1)"; }
demo=$src/datasets/qingxi-county.csv

run 0 standards && check "standards lists both, 2017 the default (（默认）)" \
    grep -q "^quality-2017 .*（教督〔2017〕6号）（默认）$" "$tmp/out"
check "basic-2012 listed" grep -q "^basic-2012 " "$tmp/out"
run 0 standards --lang en && check "standards --lang en: the English list" \
    grep -q "^quality-2017 .* (教督〔2017〕6号) \[default\]$" "$tmp/out"
run 2 standards show && check "standards show without ID: 用法, pointing at --help" \
    grep -qx "junheng: 用法：junheng standards \[show ID|FILE\]（见“junheng standards --help”）" "$tmp/err"
run 2 standards --lang fr && check "standards --lang fr: says zh or en" \
    grep -q "未知的语言“fr”" "$tmp/err"
run 0 standards --help && check "standards --help in Chinese" grep -q "^用法：junheng standards" "$tmp/out"
run 0 standards show quality-2017 && check "show prints the thresholds" \
    grep -q "^threshold_junior = 10.2$" "$tmp/out"

# The 2012 standard on the demo: eight indicators, composite judged,
# private schools and teaching points out of scope.
run 0 analyze "$demo" --standard basic-2012 -f json && check "basic-2012 on the demo" json "
d['standard'] == 'basic-2012' and d['standard_detail']['cv_rule'] == 'composite'
and all(len(l['indicators']) == 8 for l in d['levels'])
and all(abs(l['composite_cv'] - sum(i['cv'] for i in l['indicators']) / 8) < 1e-12 for l in d['levels'])
and [l['composite_limit'] for l in d['levels']] == [0.65, 0.55]
and all(l['cv_pass'] == (l['composite_cv'] <= l['composite_limit']) for l in d['levels'])
and {'private', 'teaching_point'} <= {e['reason'] for e in d['excluded']}
and all(i['cv_limit'] is None for l in d['levels'] for i in l['indicators'])"

# A province's file: base + overrides; the verdict and the provenance follow.
cat >"$tmp/prov.ini" <<'INI'
; 某省实施细则 (test)
[standard]
base = quality-2017
id = province-test
cv_limit_primary = 0.60
[indicator sports_area_per_student]
threshold_primary = 4.5
[provision relax_2019_school_size]
enabled = yes
INI
run 0 analyze "$demo" -f json && cp "$tmp/out" "$tmp/2017.json"
check "2017: primary CVs fail" json "not d['levels'][0]['cv_pass']"
run 0 analyze "$demo" --standard "$tmp/prov.ini" -f json && check "province file: primary CVs pass, provenance stated" json "
d['standard'] == 'province-test' and d['levels'][0]['cv_pass']
and d['standard_detail']['file'].endswith('prov.ini') and d['standard_detail']['base'] == 'quality-2017'
and d['standard_detail']['provisions_on'] == ['relax_2019_school_size']
and d['levels'][0]['indicators'][4]['threshold'] == 4.5"
run 0 analyze "$demo" --standard "$tmp/prov.ini" && check "text names the file and the provision" \
    grep -q "prov.ini" "$tmp/out"
check "text lists the provision" grep -q "relax_2019_school_size" "$tmp/out"
run 0 standards show "$tmp/prov.ini" && check "show applies the overrides" \
    grep -q "^cv_limit_primary = 0.6$" "$tmp/out"

# Switching provisions from the command line.
run 0 analyze "$demo" --provision relax_2019_rooms_pre2016 --no-provision relax_2019_school_size \
    --standard "$tmp/prov.ini" -f json && check "--provision / --no-provision" json "
d['standard_detail']['provisions_on'] == ['relax_2019_rooms_pre2016']"
run 2 analyze "$demo" --provision no_such_thing && check "unknown provision is a usage error" \
    grep -q "标准“quality-2017”没有条款“no_such_thing”（它的条款有：subtract_indoor_sports" "$tmp/err"

# check reads the file as analyze would under the same standard.
run 0 check "$demo" --standard basic-2012 && check "check applies the standard's scope" \
    grep -q "青溪外国语学校（.*：民办学校（标准不计入）" "$tmp/out"

# Bad standards files: exit 3 with file and line.
printf '[standard]\nbase = quality-2017\n[indicator sports_area_per_student]\nthreshold_primary = lots\n' >"$tmp/bad.ini"
run 3 analyze "$demo" --standard "$tmp/bad.ini" --out "$tmp/o" && check "bad value names file and line" \
    grep -q "bad.ini:4: threshold_primary：“lots”不是非负数$" "$tmp/err"
check "no output for a bad standard" test ! -e "$tmp/o"
run 3 analyze "$demo" --standard "$tmp/bad.ini" --lang en && check "bad value in English with --lang en" \
    grep -q "bad.ini:4: threshold_primary: 'lots' is not a non-negative number$" "$tmp/err"
printf '[standard]\nbase = quality-2017\n[weights]\nnine_year_junior = 7\n' >"$tmp/bad2.ini"
run 3 analyze "$demo" --standard "$tmp/bad2.ini" && check "out of range: the range and the hint in Chinese" \
    grep -q "bad2.ini:4: nine_year_junior：“7”不在范围 \[0.5, 3\] 内；这是相对于小学生（为 1）的折算系数" "$tmp/err"
printf '[standard]\nbase = quality-2017\n[guarantee]\ncertified_share = 5\n' >"$tmp/bad3.ini"
run 3 analyze "$demo" --standard "$tmp/bad3.ini" && check "a share over 1: how to write it, in Chinese" \
    grep -q "bad3.ini:4: .*：“5”大于 1（5% 请写 0.05）$" "$tmp/err"
run 3 analyze "$demo" --standard no-such-standard && check "unknown standard" \
    grep -q "没有名为“no-such-standard”的内置标准（可用 junheng standards 查看）" "$tmp/err"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
