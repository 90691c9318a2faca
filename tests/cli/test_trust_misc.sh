#!/usr/bin/env bash
# Trust at the edges (issue 13), family: misc -- paths, bytes and streams.
# Run by CTest:
#   test_trust_misc.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# Families: pdf_paths (LibreOffice and awkward --out folders), reproducible
# (PDF bytes independent of time zone and run), names_encoding (file names
# that are not UTF-8), terminal (control characters never reach the
# terminal raw), write_errors (a full stdout is exit 4), batch_memory
# (memory proportional to the data, not to the number of files).
source "$(dirname "$0")/trust_lib.sh" "$@"
export JUNHENG_PLOTS_DIR=$src/plots
unset SOURCE_DATE_EPOCH
D=$src/datasets
H="code,name,type,students_primary,students_junior,students_senior,degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,sports_area,equipment_value,multimedia_rooms"
R1="1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3"
R2="2,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5"
R3="3,丙小学,小学,300,0,0,14,3,3,1500,2200,700000,7"

# xml_ok XLSX: every XML part of the workbook is well-formed.
xml_ok() {
    "$py" - "$1" <<'EOF'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        xml.dom.minidom.parseString(z.read(n))
EOF
}
# xlsx_has XLSX TEXT: TEXT (UTF-8) is in the workbook's shared strings,
# sheets (inline strings) or document properties, decoded as XML.
xlsx_has() {
    "$py" - "$1" "$2" <<'EOF'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
want = sys.argv[2].encode("utf-8", "surrogateescape").decode("utf-8")
text = []
def walk(n):
    if n.nodeType == n.TEXT_NODE:
        text.append(n.data)
    for c in n.childNodes:
        walk(c)
for n in z.namelist():
    if n in ("xl/sharedStrings.xml", "docProps/core.xml") or n.startswith("xl/worksheets/sheet"):
        walk(xml.dom.minidom.parseString(z.read(n)))
sys.exit(0 if any(want in t for t in text) else 1)
EOF
}
has_soffice() { command -v soffice >/dev/null; }
EV=("$D/qingxi-county.csv" --county "$D/qingxi-county-facts.csv" --no-charts)

# ---------------------------------------------------------------------
family pdf_paths
if has_soffice; then
    # A relative --out with a space, '#' and '%': the profile URL must be
    # absolute and percent-encoded, else soffice waits for 300 s.
    mkdir -p "$tmp/cwd"
    # (in Shanghai's time zone; the next run in UTC: reproducible compares)
    (cd "$tmp/cwd" && TZ=Asia/Shanghai timeout 150 "$bin" evaluate "${EV[@]}" --out 'out dir #1 %41' --pdf \
        >/dev/null 2>"$tmp/err")
    rc=$?
    o="$tmp/cwd/out dir #1 %41"
    if [ $rc -eq 0 ] && [ "$(head -c 4 "$o/evaluation.pdf" 2>/dev/null)" = "%PDF" ]; then
        ok "relative --out with space, # and %: evaluation.pdf written"
    else bad "relative --out with space, # and %: exit $rc, $(tail -c 300 "$tmp/err")"; fi
    left=$(find "$tmp/cwd" \( -name '.*' -a -not -name .junheng-manifest \) -o -name '*lo-profile*' -o -name '*soffice*' | head -3)
    [ -z "$left" ] && [ "$(ls -A "$tmp/cwd")" = "out dir #1 %41" ] &&
        ok "no LibreOffice profile left inside or beside the folder" ||
        bad "scratch left: $left / $(ls -A "$tmp/cwd")"

    # A folder name with a newline, a '?' and GBK bytes (not UTF-8).
    o=$tmp/$'new\nline?\xc7\xe0x'
    TZ=UTC timeout 150 "$bin" evaluate "${EV[@]}" --out "$o" --pdf >/dev/null 2>"$tmp/err"
    rc=$?
    [ $rc -eq 0 ] && [ "$(head -c 4 "$o/evaluation.pdf" 2>/dev/null)" = "%PDF" ] &&
        [ -z "$(find "$o" -name '.*' -not -path "$o" -not -name .junheng-manifest)" ] &&
        ok "--out with a newline, ? and GBK bytes: PDF written, nothing left" ||
        bad "--out with a newline: exit $rc, $(tail -c 300 "$tmp/err")"
else
    echo "note: soffice not installed; pdf_paths cases skipped"
fi

# ---------------------------------------------------------------------
family reproducible
# Chart PDFs: the same bytes in Shanghai and in UTC (cairo wrote the local
# offset, +08'00, after the fixed date).
TZ=Asia/Shanghai "$bin" analyze "$D/qingxi-county.csv" --out "$tmp/tz1" >/dev/null 2>&1
TZ=UTC "$bin" analyze "$D/qingxi-county.csv" --out "$tmp/tz2" >/dev/null 2>&1
n=0 diff=0
for f in "$tmp/tz1"/charts/*.pdf; do
    n=$((n + 1))
    cmp -s "$f" "$tmp/tz2/charts/${f##*/}" || diff=$((diff + 1))
done
[ $n -gt 5 ] && [ $diff -eq 0 ] && ok "chart PDFs identical across time zones ($n)" ||
    bad "chart PDFs: $diff of $n differ between TZ=Asia/Shanghai and TZ=UTC"
grep -aq "/CreationDate (D:20200101000000Z)" "$tmp/tz1/charts/primary-cv.pdf" &&
    ok "chart PDF date is the fixed time in UTC" ||
    bad "chart PDF date: $(grep -ao '/CreationDate ([^)]*)' "$tmp/tz1/charts/primary-cv.pdf")"
# SOURCE_DATE_EPOCH sets it (2023-11-14 22:13:20 UTC), whatever TZ says.
SOURCE_DATE_EPOCH=1700000000 TZ=America/New_York "$bin" analyze "$D/qingxi-county.csv" \
    --out "$tmp/tz3" >/dev/null 2>&1
grep -aq "/CreationDate (D:20231114221320Z)" "$tmp/tz3/charts/primary-cv.pdf" &&
    ok "SOURCE_DATE_EPOCH sets the chart PDF date" ||
    bad "SOURCE_DATE_EPOCH: $(grep -ao '/CreationDate ([^)]*)' "$tmp/tz3/charts/primary-cv.pdf")"
if has_soffice; then
    # The two runs of pdf_paths: seconds apart, one in Shanghai's time zone
    # and one in UTC, in folders of different names.
    ev1="$tmp/cwd/out dir #1 %41/evaluation.pdf" ev2=$tmp/$'new\nline?\xc7\xe0x'/evaluation.pdf
    if [ -s "$ev1" ] && cmp -s "$ev1" "$ev2"; then
        ok "evaluation.pdf: two runs (two time zones, two folders) give the same bytes"
    else bad "evaluation.pdf differs between runs ($(cmp "$ev1" "$ev2" 2>&1 | head -1))"; fi
    grep -aq "/CreationDate(D:20200101000000Z" "$ev1" &&
        ok "evaluation.pdf date is the fixed time in UTC" ||
        bad "evaluation.pdf date: $(grep -ao '/CreationDate([^)]*)' "$ev1")"
    # The rewritten PDF still parses: pdftotext reads the county's name.
    if command -v pdftotext >/dev/null; then
        pdftotext "$ev1" - 2>"$tmp/err" | grep -q "青溪县" && [ ! -s "$tmp/err" ] &&
            ok "rewritten evaluation.pdf parses cleanly" ||
            bad "rewritten evaluation.pdf: $(head -c 200 "$tmp/err")"
    fi
fi

# ---------------------------------------------------------------------
family names_encoding
gbk=$'\xc7\xe0\xcf\xaa\xcf\xd8'   # 青溪县 in GBK
mkdir -p "$tmp/gbk"
printf '%s\n%s\n%s\n%s\n' "$H" "$R1" "$R2" "$R3" >"$tmp/gbk/$gbk.csv"
sum0=$(md5sum <"$tmp/gbk/$gbk.csv")
"$bin" analyze "$tmp/gbk/$gbk.csv" --out "$tmp/gbk-out" --no-charts >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && xml_ok "$tmp/gbk-out/report.xlsx" 2>/dev/null &&
    ok "GBK file name: report.xlsx is well-formed" || bad "GBK file name: exit $rc, report.xlsx not well-formed"
xlsx_has "$tmp/gbk-out/report.xlsx" "青溪县" && ok "GBK file name: the county 青溪县 in the workbook" ||
    bad "GBK file name: 青溪县 not in report.xlsx"
json_eval "$tmp/gbk-out/report.json" "d.get('county') == '青溪县' and d.get('source','').endswith('/青溪县.csv')" &&
    ok "GBK file name: report.json has county 青溪县 and its source" ||
    bad "GBK file name: report.json county/source: $("$py" -c "import json,sys; d=json.load(open(sys.argv[1])); print(d.get('county'), d.get('source'))" "$tmp/gbk-out/report.json" 2>&1)"
[ "$(md5sum <"$tmp/gbk/$gbk.csv")" = "$sum0" ] && ok "GBK-named input untouched" || bad "input changed"
# batch over the folder: summary.xlsx and summary.json.
printf '%s\n%s\n%s\n' "$H" "$R1" "$R2" >"$tmp/gbk/plain.csv"
"$bin" batch "$tmp/gbk" --out "$tmp/gbk-batch" --no-charts -j 1 >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && xml_ok "$tmp/gbk-batch/summary.xlsx" 2>/dev/null && xlsx_has "$tmp/gbk-batch/summary.xlsx" "青溪县" &&
    ok "batch: GBK-named county in a well-formed summary.xlsx" ||
    bad "batch GBK name: exit $rc, summary.xlsx broken or without 青溪县 ($(head -c 200 "$tmp/err"))"
json_eval "$tmp/gbk-batch/summary.json" "'青溪县' in S" &&
    ok "batch: summary.json names 青溪县" || bad "batch: summary.json lacks 青溪县"
# Bytes that are not GB18030 either: escaped visibly as \xFF, never dropped.
ff=$'\xff\xfebad'
printf '%s\n%s\n%s\n' "$H" "$R1" "$R2" >"$tmp/gbk/../$ff.csv"
"$bin" analyze "$tmp/$ff.csv" --out "$tmp/ff-out" --no-charts >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && xml_ok "$tmp/ff-out/report.xlsx" 2>/dev/null &&
    json_eval "$tmp/ff-out/report.json" "d.get('county') == r'\xFF\xFEbad' and d.get('source','').endswith(r'/\xFF\xFEbad.csv')" &&
    ok "undecodable file name escaped as \\xFF\\xFE in JSON and workbook" ||
    bad "undecodable file name: exit $rc, county=$("$py" -c "import json,sys; d=json.load(open(sys.argv[1])); print(d.get('county'), d.get('source'))" "$tmp/ff-out/report.json" 2>&1)"
grep -aq $'\xff' "$tmp/err" && bad "raw \\xFF byte on stderr" || ok "no raw invalid byte on stderr"
# A GBK folder name in the path: source stays complete.
mkdir -p "$tmp/$gbk-dir"
cp "$tmp/gbk/plain.csv" "$tmp/$gbk-dir/a.csv"
"$bin" analyze "$tmp/$gbk-dir/a.csv" -f json >"$tmp/j" 2>/dev/null
json_eval "$tmp/j" "d.get('source','').endswith('/青溪县-dir/a.csv')" &&
    ok "GBK folder name: source converted" || bad "GBK folder name: source $(grep -a '"source"' "$tmp/j" | head -1)"
# check -f json names the source; an error names the file as 青溪县.csv.
"$bin" check "$tmp/gbk/$gbk.csv" -f json >"$tmp/j" 2>/dev/null
json_eval "$tmp/j" "any(x.endswith('/gbk/青溪县.csv') for x in S)" &&
    ok "check -f json: the GBK-named source shown as 青溪县.csv" || bad "check -f json: source lost: $(head -c 300 "$tmp/j")"
printf '%s\n1,甲小学,小学,100,0,0,5,1,1,600,800,x,3\n' "$H" >"$tmp/gbk/../$gbk-bad.csv"
"$bin" analyze "$tmp/$gbk-bad.csv" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] && grep -q "/青溪县-bad.csv:2:12: " "$tmp/err" &&
    ok "error in a GBK-named file: message names 青溪县-bad.csv:2:12" || bad "GBK-named error: exit $rc, $(head -c 200 "$tmp/err" | cat -v)"
# Cells: overlong UTF-8 and an encoded surrogate are refused by the reader.
printf '%s\n1,\xc0\xaf小学,小学,100,0,0,5,1,1,600,800,250000,3\n%s\n' "$H" "$R2" >"$tmp/overlong.csv"
"$bin" analyze "$tmp/overlong.csv" --out "$tmp/ol-out" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] && grep -q "overlong.csv:[0-9]" "$tmp/err" && [ ! -e "$tmp/ol-out" ] &&
    ok "overlong UTF-8 in a cell: exit 3 naming the file and a line" || bad "overlong UTF-8: exit $rc, $(head -c 200 "$tmp/err")"
printf '\xef\xbb\xbf%s\n1,\xed\xa0\x80小学,小学,100,0,0,5,1,1,600,800,250000,3\n%s\n' "$H" "$R2" >"$tmp/surr.csv"
"$bin" analyze "$tmp/surr.csv" --out "$tmp/su-out" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] && grep -q "surr.csv:2" "$tmp/err" && [ ! -e "$tmp/su-out" ] &&
    ok "lone surrogate in a cell: exit 3 naming line 2" || bad "surrogate: exit $rc, $(head -c 200 "$tmp/err")"

# ---------------------------------------------------------------------
family terminal
esc=$'\x1b[2J'
# A county named after its file (ESC[2J in the name): text report.
mkdir -p "$tmp/term"
printf '%s\n%s\n%s\n' "$H" "$R1" "$R2" >"$tmp/term/ev${esc}il.csv"
"$bin" analyze "$tmp/term/ev${esc}il.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
! grep -aq $'\x1b' "$tmp/out" && grep -aqF 'ev\u001b[2Jil' "$tmp/out" && [ $rc -eq 0 ] &&
    ok "analyze text: ESC in the county name shown as \\u001b" || bad "analyze text: raw ESC on stdout (exit $rc)"
# School names with ESC, DEL and C1 CSI (U+009B) in plan's text.
printf '%s\n1,甲\x1b[31m小学,小学,100,0,0,5,1,1,600,700,250000,3\n2,乙\x7f\xc2\x9b2J小学,小学,200,0,0,10,2,2,1000,1400,460000,5\n%s\n' \
    "$H" "$R3" >"$tmp/term/names.csv"
"$bin" plan "$tmp/term/names.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && ! grep -aq $'\x1b\|\x7f\|\xc2\x9b' "$tmp/out" "$tmp/err" &&
    grep -aqF '乙\u007f\u009b2J小学' "$tmp/out" && grep -aqF '甲\u001b[31m小学' "$tmp/out"; then
    ok "plan text: ESC, DEL and C1 in school names escaped"
else bad "plan text: raw control characters or name missing (exit $rc): $(grep -a '乙' "$tmp/out" | head -2 | cat -v)"; fi
# Messages on stderr: a bad cell in a file whose name carries ESC.
printf '%s\n1,甲小学,小学,100,0,0,5,1,1,600,800,x,3\n' "$H" >"$tmp/term/bad${esc}.csv"
"$bin" analyze "$tmp/term/bad${esc}.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] && ! grep -aq $'\x1b' "$tmp/err" && grep -aqF 'bad\u001b[2J.csv:2' "$tmp/err" &&
    ok "stderr: the file name's ESC escaped in the error" || bad "stderr: $(cat -v "$tmp/err" | head -2) (exit $rc)"
# JSON keeps the real names (escaped by JSON itself) and stays valid.
"$bin" analyze "$tmp/term/names.csv" -f json >"$tmp/j" 2>/dev/null
json_eval "$tmp/j" "'甲\x1b[31m小学' in S and '乙\x7f\x9b2J小学' in S" &&
    ! grep -aq $'\x1b\|\x7f\|\xc2\x9b' "$tmp/j" &&
    ok "JSON: names exact, no raw control characters" || bad "JSON names with control characters"
# Workbook: XML cannot hold ESC; it must stay well-formed, also the
# document properties (the title carries the county name).
"$bin" analyze "$tmp/term/ev${esc}il.csv" --out "$tmp/term-out" --no-charts >/dev/null 2>&1
xml_ok "$tmp/term-out/report.xlsx" 2>/dev/null && ok "report.xlsx well-formed with ESC in the county name" ||
    bad "report.xlsx not well-formed with ESC in the county name"
"$bin" analyze "$tmp/term/names.csv" --out "$tmp/term-out2" --no-charts >/dev/null 2>&1
xml_ok "$tmp/term-out2/report.xlsx" 2>/dev/null && ok "report.xlsx well-formed with ESC/DEL/C1 school names" ||
    bad "report.xlsx not well-formed with control characters in school names"
# batch: 县区 with ESC[2J, text to the terminal.
printf '县区,%s\n北区\x1b[2J,%s\n北区\x1b[2J,%s\n南区,%s\n南区,%s\n' "$H" "$R1" "$R2" "$R1" "$R3" >"$tmp/term/counties.csv"
"$bin" batch "$tmp/term/counties.csv" -j 1 --out "$tmp/term-b" --no-charts >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ! grep -aq $'\x1b' "$tmp/out" "$tmp/err" && grep -aqF '北区\u001b[2J' "$tmp/out" &&
    xml_ok "$tmp/term-b/summary.xlsx" 2>/dev/null &&
    ok "batch: ESC in a county name escaped on the terminal, summary.xlsx valid" ||
    bad "batch ESC county: exit $rc, $(cat -v "$tmp/out" | grep -a '北区' | head -1)"
# check: a file named with an OSC title sequence (ESC ] 0 ; ... BEL), whose
# name check prints on stdout with each problem.
printf '%s\n1,甲小学,小学,100,0,0,5,1,1,600,800,250000,3\n1,乙小学,小学,200,0,0,10,2,2,1000,1600,460000,5\n' \
    "$H" >"$tmp/term/dup"$'\x1b]0;pwned\x07'.csv
"$bin" check "$tmp/term/dup"$'\x1b]0;pwned\x07'.csv >"$tmp/out" 2>"$tmp/err"
rc=$?
! grep -aq $'\x1b\|\x07' "$tmp/out" "$tmp/err" && grep -aqF 'dup\u001b]0;pwned\u0007.csv:3:1: ' "$tmp/out" &&
    ok "check: an OSC title sequence in the file name shown, not sent (exit $rc)" ||
    bad "check: raw control characters (exit $rc): $(cat -v "$tmp/out" | head -3)"
# An --out folder whose name carries ESC: the message about it is escaped.
# (under a regular file, so that it cannot be made even by root)
: >"$tmp/term/plainfile"
"$bin" analyze "$D/qingxi-county.csv" --out "$tmp/term/plainfile/"$'\x1b[2Jx' >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 4 ] && ! grep -aq $'\x1b' "$tmp/err" && grep -aqF '\u001b[2Jx' "$tmp/err" &&
    ok "--out with ESC: exit 4, the name escaped in the message" || bad "--out with ESC: exit $rc, $(cat -v "$tmp/err" | tail -1)"
# A CR in a quoted name cannot rewrite the line.
# (the school falls short of the sports area, so plan lists it)
printf '%s\n1,"甲\r伪造",小学,100,0,0,5,1,1,600,700,250000,3\n%s\n' "$H" "$R2" >"$tmp/term/cr.csv"
"$bin" plan "$tmp/term/cr.csv" >"$tmp/out" 2>"$tmp/err"
! grep -aq $'\r' "$tmp/out" "$tmp/err" && grep -aqF '甲\u000d伪造' "$tmp/out" &&
    ok "CR in a name never reaches the terminal raw" ||
    bad "CR in a name: raw CR on the terminal, or the name not shown"

# ---------------------------------------------------------------------
family write_errors
# full NAME ARGS...: stdout on /dev/full gives exit 4 and a message (in
# English: the cases are about the exit status; the Chinese text is
# checked below).
full() {
    local name=$1
    shift
    JUNHENG_LANG=en "$bin" "$@" >/dev/full 2>"$tmp/err"
    local rc=$?
    if [ $rc -eq 4 ] && grep -q "standard output" "$tmp/err"; then ok "$name > /dev/full: exit 4"
    else bad "$name > /dev/full: exit $rc, $(head -c 200 "$tmp/err")"; fi
}
full "standards" standards
full "standards show quality-2017" standards show quality-2017
full "--version" --version
full "--help" --help
full "analyze --help" analyze --help
full "analyze" analyze "$D/qingxi-county.csv"
full "analyze -f json" analyze "$D/qingxi-county.csv" -f json
full "check" check "$D/qingxi-county.csv"
full "check -f json" check "$D/qingxi-county.csv" -f json
full "plan" plan "$D/qingxi-county.csv"
full "evaluate" evaluate "$D/qingxi-county.csv" --county "$D/qingxi-county-facts.csv"
full "batch" batch "$D/qingxi-county.csv" -j 1
full "batch -f json" batch "$D/qingxi-county.csv" -j 1 -f json
full "trend" trend "$D/qingxi-county.csv" --year "$D/qingxi-county.csv=2023"
printf 'level,indicator,cv\nprimary,sports_area_per_student,0.5\n' >"$tmp/claims.csv"
full "verify" verify "$D/qingxi-county.csv" --claims "$tmp/claims.csv"
full "verify -f json" verify "$D/qingxi-county.csv" --claims "$tmp/claims.csv" -f json
# By default the message is Chinese.
"$bin" standards >/dev/full 2>"$tmp/err"
rc=$?
if [ $rc -eq 4 ] && grep -q "^junheng: 无法写入标准输出" "$tmp/err" &&
    ! grep -q "standard output" "$tmp/err"; then ok "standards > /dev/full: Chinese message"
else bad "standards > /dev/full (Chinese): exit $rc, $(head -c 200 "$tmp/err")"; fi
# With --out as well: the folder is written, but the run still fails.
"$bin" analyze "$D/qingxi-county.csv" --out "$tmp/full-out" --no-charts >/dev/full 2>"$tmp/err"
rc=$?
[ $rc -eq 4 ] && ok "analyze --out with a full stdout: exit 4" || bad "analyze --out > /dev/full: exit $rc"
# A closed stdout is a write error too.
"$bin" standards >&- 2>"$tmp/err"
rc=$?
[ $rc -eq 4 ] && ok "closed stdout: exit 4" || bad "closed stdout: exit $rc"
# stdout fine: still 0.
"$bin" standards >/dev/null 2>&1 && ok "standards > /dev/null: exit 0" || bad "standards > /dev/null failed"

# batch_memory: tests/cli/test_memory.sh (an ordinary build; scripts/test.sh
# runs it with the valgrind build, CTest skips it under the sanitizers).

finish
