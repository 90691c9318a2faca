#!/bin/sh
# Recalculate junheng's workbook in LibreOffice and compare every formula's
# result with the value junheng cached (GSL's figures).
#
# Usage:  test_workbook_recalc.sh JUNHENG_BINARY SOURCE_DIR
#
# LibreOffice keeps cached results on load by default; a scratch profile
# sets OOXMLRecalcMode to 0 ("always recalculate").  To prove that it did
# recalculate, the cached results of the copy it loads are first set to 0:
# every formula must come back with junheng's value, within 1e-9 relative.
# Exits 77 (skipped) when soffice is not installed.
set -eu

if [ $# -ne 2 ]; then
    echo "usage: test_workbook_recalc.sh JUNHENG_BINARY SOURCE_DIR" >&2
    exit 2
fi
JUNHENG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SOURCE=$(cd "$2" && pwd)
SOFFICE=${SOFFICE:-soffice}
PYTHON=/usr/bin/python3

if ! command -v "$SOFFICE" >/dev/null 2>&1; then
    echo "SKIP: soffice not installed"
    exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jh-recalc.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

mkdir -p "$TMP/profile/user" "$TMP/recalc"
cat >"$TMP/profile/user/registrymodifications.xcu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
EOF

cd "$SOURCE"
"$JUNHENG" analyze datasets/qingxi-county.csv --out "$TMP/out" --no-charts \
    >/dev/null 2>"$TMP/junheng.log" || {
    cat "$TMP/junheng.log" >&2
    echo "FAIL: junheng analyze failed" >&2
    exit 1
}

# Zero every cached formula result in a copy (<f>...</f><v>...</v>).
"$PYTHON" - "$TMP/out/report.xlsx" "$TMP/zeroed.xlsx" <<'EOF'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
n = 0
with zipfile.ZipFile(src) as zin, \
        zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename.startswith("xl/worksheets/sheet"):
            text, k = re.subn(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1<v>0</v>",
                              data.decode("utf-8"))
            n += k
            data = text.encode("utf-8")
        zout.writestr(item, data)
if n == 0:
    sys.exit("no cached formula results found in " + src)
EOF

# HOME too: LibreOffice writes there even with a scratch profile.
HOME="$TMP" "$SOFFICE" -env:UserInstallation="file://$TMP/profile" \
    --headless --norestore --convert-to xlsx --outdir "$TMP/recalc" \
    "$TMP/zeroed.xlsx" >"$TMP/soffice.log" 2>&1 || {
    cat "$TMP/soffice.log" >&2
    echo "FAIL: soffice could not convert the workbook" >&2
    exit 1
}

"$PYTHON" - "$TMP/out/report.xlsx" "$TMP/recalc/zeroed.xlsx" <<'EOF'
import sys
import openpyxl

orig, recalc = sys.argv[1], sys.argv[2]
formulas = openpyxl.load_workbook(orig)
cached = openpyxl.load_workbook(orig, data_only=True)
values = openpyxl.load_workbook(recalc, data_only=True)
passed = failed = 0
kinds = {}

for ws in formulas.worksheets:
    if ws.title not in values.sheetnames:
        print("FAIL: sheet %s lost in recalculation" % ws.title)
        failed += 1
        continue
    # Terms P(X - mean)^2 near the mean lose relative precision in any
    # program: compare them to the block's total instead (the row after
    # the school rows keeps the SUM of each term column).
    col_scale = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("=SUM("):
                v = cached[ws.title][c.coordinate].value
                if isinstance(v, (int, float)):
                    col_scale[c.column] = abs(v)
    for row in ws.iter_rows():
        for c in row:
            if not (isinstance(c.value, str) and c.value.startswith("=")):
                continue
            want = cached[ws.title][c.coordinate].value
            got = values[ws.title][c.coordinate].value
            scale = max(1.0, abs(want) if isinstance(want, (int, float))
                        else 0.0)
            if "^2" in c.value:
                scale = max(scale, col_scale.get(c.column, 0.0))
            ok = (isinstance(want, (int, float)) and
                  isinstance(got, (int, float)) and
                  abs(got - want) <= 1e-9 * scale)
            kinds[ws.title] = kinds.get(ws.title, 0) + 1
            if ok:
                passed += 1
            else:
                failed += 1
                print("FAIL: %s!%s %s: LibreOffice %r, junheng %r"
                      % (ws.title, c.coordinate, c.value, got, want))

# The workbook must hold the formulas this test is about.
for sheet, least in (("汇总", 28), ("计算过程-小学", 28 * 14),
                     ("计算过程-初中", 15 * 14)):
    if kinds.get(sheet, 0) < least:
        print("FAIL: %s has %d formulas, expected at least %d"
              % (sheet, kinds.get(sheet, 0), least))
        failed += 1
    else:
        passed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
