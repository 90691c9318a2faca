#!/usr/bin/env bash
# evaluate --pdf: the workbook printed by LibreOffice for the binder.
#   test_pdf.sh BINARY SOURCE_DIR      (exit 77 when soffice is missing)
set -u
bin=$(realpath "$1") src=$(realpath "$2")
command -v soffice >/dev/null || { echo "SKIP: soffice not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
args=("$src/datasets/qingxi-county.csv" --county "$src/datasets/qingxi-county-facts.csv" --no-charts)

"$bin" evaluate "${args[@]}" --out "$tmp/a" --pdf >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok "evaluate --pdf exits 0" || bad "evaluate --pdf exit $rc: $(tail -2 "$tmp/err")"
[ "$(head -c 4 "$tmp/a/evaluation.pdf" 2>/dev/null)" = "%PDF" ] && ok "evaluation.pdf is a PDF" || bad "no evaluation.pdf"
[ -z "$(find "$tmp/a" -name '.*' -not -path "$tmp/a" -not -path "$tmp/a/.junheng-manifest")" ] && ok "no LibreOffice profile or log left" || bad "scratch files left: $(find "$tmp/a" -name '.*')"

# Without LibreOffice: one warning, everything else written, and the PDF of
# an earlier run removed.
env PATH=/nonexistent "$bin" evaluate "${args[@]}" --out "$tmp/a" --pdf >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && grep -q "^junheng: 警告：找不到 LibreOffice（“soffice”）：要用 --pdf，请安装 libreoffice-calc-nogui；未生成 PDF，其余均已写出$" "$tmp/err" && ok "missing soffice: a warning in Chinese" || bad "missing soffice: exit $rc, $(tail -1 "$tmp/err")"
env PATH=/nonexistent "$bin" evaluate "${args[@]}" --out "$tmp/en" --pdf --lang en >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && grep -q "LibreOffice not found" "$tmp/err" && ok "missing soffice, --lang en: the English warning" || bad "missing soffice --lang en: exit $rc, $(tail -1 "$tmp/err")"
[ -s "$tmp/a/evaluation.xlsx" ] && [ ! -e "$tmp/a/evaluation.pdf" ] && ok "workbook written, stale PDF gone" || bad "outputs after a skipped PDF"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
