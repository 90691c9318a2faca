# Shared helpers for the trust tests (issue 13), sourced by test_trust_*.sh:
#   source trust_lib.sh "$@"    with arguments JUNHENG_BINARY SOURCE_DIR [PYTHON]
# Sets $bin, $src, $py, $tmp (removed at exit); ok/bad count cases; finish
# prints the closing line "N passed, N failed" and exits non-zero on a failure.
set -u
bin=$(realpath "$1") src=$(realpath "$2") py=${3:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0
# family NAME: start counting the cases of one family (printed at finish).
declare -A fam_count=()
fam=""
family() { fam=$1; fam_count[$fam]=0; }
case_done() { [ -n "$fam" ] && fam_count[$fam]=$((fam_count[$fam] + 1)); }
finish() {
    local f
    for f in "${!fam_count[@]}"; do echo "family $f: ${fam_count[$f]} cases"; done
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
}
# ok/bad: one verdict, counted as one case of the current family.
ok() { pass=$((pass + 1)); case_done; echo "ok: $1"; }
bad() { fail=$((fail + 1)); case_done; echo "FAIL: $1"; }
# csv NAME LINE...: write a file in $tmp and print its path.
csv() { local f="$tmp/$1"; shift; printf '%s\n' "$@" >"$f"; echo "$f"; }
# json_eval FILE EXPR: EXPR over d (the parsed JSON) is true.
# S is the set of every string (keys and values) in it.
json_eval() {
    "$py" -c "
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
S = set()
def walk(x):
    if isinstance(x, str): S.add(x)
    elif isinstance(x, dict): [walk(k) or walk(v) for k, v in x.items()]
    elif isinstance(x, list): [walk(v) for v in x]
walk(d)
sys.exit(0 if ($2) else 1)" "$1"
}
