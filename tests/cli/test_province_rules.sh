#!/usr/bin/env bash
# Rules stated from the loaded standard (issue 14, item 5). Run by CTest:
#   test_province_rules.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# A province file that splits nine-year schools 1:1.2 and asks the last
# indicator to reach 80% of its threshold: every output that states the
# split or the per-school rule states 1:1.2 and 80%, never the national
# 1:1.1 (nine-year) or 85% (per-school floor).
source "$(dirname "$0")/trust_lib.sh" "$@"

demo=$src/datasets/qingxi-county.csv
facts=$src/datasets/qingxi-county-facts.csv
prov=$src/tests/data/province-split12-share80.ini

# A gnuplot that keeps a copy of what junheng gives it (the runner and the
# scratch folder of scripts and data), then runs the real one.
capture=$tmp/gnuplot-capture
mkdir -p "$capture"
cat >"$tmp/gnuplot" <<EOF
#!/bin/sh
n=\$(ls "$capture" | wc -l)
mkdir -p "$capture/\$n"
cp "\$3" "$capture/\$n/" 2>/dev/null
cp -r "\$4"/. "$capture/\$n/" 2>/dev/null
cp "\$5" "$capture/\$n/" 2>/dev/null
exec gnuplot "\$@"
EOF
chmod +x "$tmp/gnuplot"
gp=(--gnuplot "$tmp/gnuplot")
command -v gnuplot >/dev/null || gp=(--no-charts)

# run NAME OUTFILE COMMAND...: the command succeeds, stdout into OUTFILE.
run() {
    local name=$1 out=$2
    shift 2
    if "$@" >"$out" 2>"$tmp/stderr"; then ok "$name runs"
    else bad "$name: exit $? ($(head -c 300 "$tmp/stderr"))"; fi
}

# has NAME FILE FIXED: FILE holds the text FIXED.
has() {
    if grep -qF -- "$3" "$2"; then ok "$1 states '$3'"
    else bad "$1: '$3' not in $(basename "$2")"; fi
}

# lacks NAME FILE FIXED: FILE does not hold FIXED.
lacks() {
    if grep -aqF -- "$3" "$2"; then
        bad "$1 states '$3': $(grep -aF -- "$3" "$2" | head -c 300)"
    else ok "$1 does not state '$3'"; fi
}

# strings XLSX TXT: every string cell of every sheet, one a line, and every
# comment, into TXT.
strings() {
    "$py" - "$1" "$2" <<'EOF'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    f.write("%s!%s\t%s\n" % (ws.title, c.coordinate,
                                             c.value.replace("\n", " ")))
                if c.comment is not None:
                    f.write("%s!%s#\t%s\n" % (ws.title, c.coordinate,
                                              c.comment.text.replace("\n", " ")))
EOF
}

# jstrings JSON TXT: every string of a JSON file, one a line.
jstrings() {
    "$py" - "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
out = open(sys.argv[2], "w", encoding="utf-8")
def walk(x):
    if isinstance(x, str): out.write(x.replace("\n", " ") + "\n")
    elif isinstance(x, dict): [walk(k) or walk(v) for k, v in x.items()]
    elif isinstance(x, list): [walk(v) for v in x]
walk(d)
EOF
}

# rule_lines FILE OUT: the lines of FILE about the per-school rule or the
# split (evaluate states 85% for other items: migrant children, recognition).
rule_lines() {
    grep -E '每所学校|达标学校|余项|达到[0-9.]+%[：:]|标准值的?[0-9.]+%|已达|九年一贯制|nine-year|Every school meets|Schools passing|at [0-9.]+%|of the seventh|reach [0-9.]+%|of-|达标规则|Per-school rule|indicators meet|split' "$1" >"$2"
}

# ---------------------------------------------------------------------------
family analyze

for lang in zh en; do
    run "analyze text ($lang)" "$tmp/a-$lang.txt" \
        "$bin" analyze "$demo" --standard "$prov" --lang "$lang"
    lacks "analyze text ($lang)" "$tmp/a-$lang.txt" "85%"
    lacks "analyze text ($lang)" "$tmp/a-$lang.txt" "1:1.1 (nine-year)"
    lacks "analyze text ($lang)" "$tmp/a-$lang.txt" "九年一贯制学校1:1.1"
done
has "analyze text (zh)" "$tmp/a-zh.txt" "九年一贯制学校1:1.2"
has "analyze text (zh)" "$tmp/a-zh.txt" "余项≥80%"
has "analyze text (en)" "$tmp/a-en.txt" "1:1.2 (nine-year)"
has "analyze text (en)" "$tmp/a-en.txt" "last at 80%"

run "analyze --format json" "$tmp/a.json" \
    "$bin" analyze "$demo" --standard "$prov" --format json
if json_eval "$tmp/a.json" "d['standard_detail']['split_weights']['nine_year_junior'] == 1.2 and d['standard_detail']['partial_floor'] == 0.8"; then
    ok "JSON standard_detail: 1.2 and 0.8"
else bad "JSON standard_detail does not hold 1.2 and 0.8"; fi
jstrings "$tmp/a.json" "$tmp/a-json.txt"
lacks "analyze JSON" "$tmp/a-json.txt" "85%"
lacks "analyze JSON" "$tmp/a-json.txt" "1:1.1"

for lang in zh en; do
    run "analyze --out ($lang)" "$tmp/stdout" "$bin" analyze "$demo" \
        --standard "$prov" --lang "$lang" --out "$tmp/out-$lang" "${gp[@]}"
    strings "$tmp/out-$lang/report.xlsx" "$tmp/wb-$lang.txt"
    lacks "analyze workbook ($lang)" "$tmp/wb-$lang.txt" "85%"
    lacks "analyze workbook ($lang)" "$tmp/wb-$lang.txt" "1:1.1 (primary:junior)"
    lacks "analyze workbook ($lang)" "$tmp/wb-$lang.txt" "小学:初中 = 1:1.1；"
    jstrings "$tmp/out-$lang/report.json" "$tmp/wj-$lang.txt"
    lacks "analyze --out JSON ($lang)" "$tmp/wj-$lang.txt" "85%"
    lacks "analyze --out JSON ($lang)" "$tmp/wj-$lang.txt" "1:1.1"
done
has "analyze workbook 汇总 (zh)" "$tmp/wb-zh.txt" "小学:初中 = 1:1.2；"
has "analyze workbook 汇总 (zh)" "$tmp/wb-zh.txt" "其余指标达到标准值的80%"
has "analyze workbook 表Ⅱ-2 (zh)" "$tmp/wb-zh.txt" "达到80%："
has "analyze workbook (en)" "$tmp/wb-en.txt" "nine-year 1:1.2 (primary:junior)"
has "analyze workbook (en)" "$tmp/wb-en.txt" "reach 80% of it"
has "analyze workbook (en)" "$tmp/wb-en.txt" "at 80%: "

# Chart scripts and data as gnuplot got them.
if [ "${gp[0]}" = --gnuplot ]; then
    find "$capture" -type f ! -name '*.png' ! -name '*.pdf' -exec cat {} + \
        >"$tmp/charts.txt" 2>/dev/null
    if [ -s "$tmp/charts.txt" ]; then ok "charts: gnuplot was given scripts"
    else bad "charts: gnuplot was given nothing"; fi
    lacks "chart scripts and data" "$tmp/charts.txt" "85%"
    lacks "chart scripts and data" "$tmp/charts.txt" "1:1.1 "
fi

# ---------------------------------------------------------------------------
family plan

for lang in zh en; do
    run "plan text ($lang)" "$tmp/p-$lang.txt" \
        "$bin" plan "$demo" --standard "$prov" --lang "$lang"
    lacks "plan text ($lang)" "$tmp/p-$lang.txt" "85%"
    run "plan --out ($lang)" "$tmp/stdout" "$bin" plan "$demo" \
        --standard "$prov" --lang "$lang" --out "$tmp/plan-$lang" "${gp[@]}"
    strings "$tmp/plan-$lang/plan.xlsx" "$tmp/pw-$lang.txt"
    lacks "plan workbook ($lang)" "$tmp/pw-$lang.txt" "85%"
    jstrings "$tmp/plan-$lang/plan.json" "$tmp/pj-$lang.txt"
    lacks "plan JSON ($lang)" "$tmp/pj-$lang.txt" "85%"
    has "plan JSON ($lang)" "$tmp/pj-$lang.txt" "6-of-7 plus 80% rule"
done
has "plan text (zh)" "$tmp/p-zh.txt" "补到标准值的80%"
has "plan text (zh)" "$tmp/p-zh.txt" "达到标准值80%"
has "plan text (en)" "$tmp/p-en.txt" "to 80% of the threshold"
has "plan workbook (zh)" "$tmp/pw-zh.txt" "80%"

# ---------------------------------------------------------------------------
family evaluate

for lang in zh en; do
    run "evaluate text ($lang)" "$tmp/e-$lang.txt" "$bin" evaluate "$demo" \
        --county "$facts" --standard "$prov" --lang "$lang"
    rule_lines "$tmp/e-$lang.txt" "$tmp/er-$lang.txt"
    lacks "evaluate text, rule lines ($lang)" "$tmp/er-$lang.txt" "85%"
    lacks "evaluate text ($lang)" "$tmp/e-$lang.txt" "1:1.1 (primary:junior)"
    lacks "evaluate text ($lang)" "$tmp/e-$lang.txt" "小学:初中 = 1:1.1；"
    run "evaluate --out ($lang)" "$tmp/stdout" "$bin" evaluate "$demo" \
        --county "$facts" --standard "$prov" --lang "$lang" \
        --out "$tmp/ev-$lang" "${gp[@]}"
    strings "$tmp/ev-$lang/evaluation.xlsx" "$tmp/ew-$lang.txt"
    rule_lines "$tmp/ew-$lang.txt" "$tmp/ewr-$lang.txt"
    lacks "evaluate workbook, rule cells ($lang)" "$tmp/ewr-$lang.txt" "85%"
    lacks "evaluate workbook ($lang)" "$tmp/ew-$lang.txt" "1:1.1 (primary:junior)"
    lacks "evaluate workbook ($lang)" "$tmp/ew-$lang.txt" "小学:初中 = 1:1.1；"
    jstrings "$tmp/ev-$lang/evaluation.json" "$tmp/ej-$lang.txt"
    rule_lines "$tmp/ej-$lang.txt" "$tmp/ejr-$lang.txt"
    lacks "evaluate JSON, rule strings ($lang)" "$tmp/ejr-$lang.txt" "85%"
done
has "evaluate text (zh)" "$tmp/e-zh.txt" "余下1项不低于要求的80%"
has "evaluate text (en)" "$tmp/e-en.txt" "reaches 80% of the seventh"
has "evaluate workbook (zh)" "$tmp/ew-zh.txt" "小学:初中 = 1:1.2；"
has "evaluate workbook (zh)" "$tmp/ew-zh.txt" "余下1项不低于要求的80%"
has "evaluate JSON (zh)" "$tmp/ej-zh.txt" "余下1项不低于要求的80%"

# ---------------------------------------------------------------------------
family template

for lang in zh en; do
    run "template --standard ($lang)" "$tmp/stdout" "$bin" template \
        --standard "$prov" --lang "$lang" --out "$tmp/tpl-$lang"
    strings "$tmp/tpl-$lang/junheng-template.xlsx" "$tmp/tw-$lang.txt"
    lacks "template ($lang)" "$tmp/tw-$lang.txt" "85%"
    lacks "template ($lang)" "$tmp/tw-$lang.txt" "= 1:1.1；"
    lacks "template ($lang)" "$tmp/tw-$lang.txt" "junior = 1:1.1,"
done
has "template (zh)" "$tmp/tw-zh.txt" "小学:初中 = 1:1.2；"
has "template (en)" "$tmp/tw-en.txt" "primary:junior = 1:1.2,"

# ---------------------------------------------------------------------------
family check

run "check" "$tmp/c.txt" "$bin" check "$demo" --standard "$prov"
lacks "check" "$tmp/c.txt" "85%"
lacks "check" "$tmp/c.txt" "1:1.1"

finish
