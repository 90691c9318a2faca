#!/usr/bin/env bash
# One command line (issue 15, item 6). Run by CTest:
#   test_options.sh JUNHENG_BINARY SOURCE_DIR PYTHON
# The same option means the same thing in every command: every --help ends
# with the one exit-status section; a short letter has one long option;
# --county is the county-facts file and --out a folder everywhere; every
# option a --help shows is in docs/options.md; the changed spellings do
# what docs/options.md says.
source "$(dirname "$0")/trust_lib.sh" "$@"

demo="$src/datasets/qingxi-county.csv"
facts="$src/datasets/qingxi-county-facts.csv"
# run OUT ERR ARGS...: run junheng, stdout to OUT, stderr to ERR; sets rc.
run() { local o=$1 e=$2; shift 2; timeout 120 "$bin" "$@" >"$o" 2>"$e"; rc=$?; }
sum() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }

# The commands, from the top-level help in English (a new command is
# covered at once); every help is kept in both languages: $tmp/help/zh/C
# (the default) and $tmp/help/en/C (--lang en).
mapfile -t cmds < <("$bin" --help --lang en | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
mapfile -t cmds_zh < <("$bin" --help | sed -n '/^命令：/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
mkdir -p "$tmp/help/zh" "$tmp/help/en"
"$bin" --help >"$tmp/help/zh/_top" 2>/dev/null
"$bin" --help --lang en >"$tmp/help/en/_top" 2>/dev/null
for c in "${cmds[@]}"; do
    "$bin" "$c" --help >"$tmp/help/zh/$c" 2>"$tmp/help/zh/$c.err"; echo $? >"$tmp/help/zh/$c.rc"
    "$bin" "$c" --help --lang en >"$tmp/help/en/$c" 2>"$tmp/help/en/$c.err"; echo $? >"$tmp/help/en/$c.rc"
done

# Every check over the help texts is one Python run: it prints ok/FAIL lines.
# pyrun FAMILY: the cases of FAMILY in tests/cli/test_options.sh's Python.
pyrun() {
    local line
    while IFS= read -r line; do
        case $line in
        ok:*) ok "${line#ok: }" ;;
        FAIL:*) bad "${line#FAIL: }" ;;
        *) echo "$line" ;;
        esac
    done < <("$py" - "$1" "$tmp/help" "$src" "${cmds[@]}" <<'EOF'
import os, re, sys
family, hdir, src, cmds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
sys.path.insert(0, os.path.join(src, "cmake"))
from check_messages import english_phrase
def ok(m): print("ok: " + m)
def bad(m): print("FAIL: " + m)
def text(lang, name): return open(os.path.join(hdir, lang, name), encoding="utf-8").read()
LANGS = ("zh", "en")
helps = {lang: {c: text(lang, c) for c in cmds} for lang in LANGS}
tops = {lang: text(lang, "_top") for lang in LANGS}
# The exit-status heading of each language.
EXIT = {"zh": "\n退出状态", "en": "\nExit status"}
# What a --county FACTS line says in each language.
FACTS = {"zh": "县级指标文件", "en": "county-facts file"}
# Commands whose --help is translated on another branch (msg-cli2): their
# Chinese help is not yet required to be free of English.  The lead empties
# this set when that branch is merged.
PENDING_ZH = set()
# An option line: "  -x, --long ARG   meaning" or "      --long ARG".
OPT = re.compile(r"^  (?:-([A-Za-z]), |    )(--[a-z][a-z-]*)(?: ([A-Z][A-Za-z=|]*))?(?:,| {2,}|$)(.*)")
def options(h):
    out = []
    for line in h.splitlines():
        m = OPT.match(line)
        if m:
            out.append((m.group(1), m.group(2), m.group(3), m.group(4), line))
            # "--a, --b" on one line: both are options
            for extra in re.findall(r", (--[a-z][a-z-]*)", line[m.end(2):m.end(2) + 40]):
                out.append((None, extra, None, "", line))
    return out
# The meaning of each option line starts at one column in both languages.
def desc_column(line):
    m = re.match(r"^(  (?:-[A-Za-z], |    )--[a-z][a-z-]*(?: [A-Z][A-Za-z=|]*)? {2,})\S", line)
    return len(m.group(1)) if m else None

if family == "help_exit":
    sects = {}
    for lang in LANGS:
        top = tops[lang]
        sect = top[top.find(EXIT[lang]):]
        sects[lang] = sect
        if not sect.startswith(EXIT[lang]) or [l[:3] for l in sect.splitlines()[2:] if l[2:3].isdigit()] != ["  0", "  1", "  2", "  3", "  4"]:
            bad("top-level help (%s): exit-status section with 0 to 4: %r" % (lang, sect[:300]))
        else:
            ok("junheng --help (%s) ends with the exit-status section, codes 0 to 4" % lang)
        for c in cmds:
            h = helps[lang][c]
            rc = open(os.path.join(hdir, lang, c + ".rc")).read().strip()
            if rc != "0":
                bad("%s --help (%s): exit %s" % (c, lang, rc)); continue
            if h.count(EXIT[lang]) != 1:
                bad("%s --help (%s): %r %d times" % (c, lang, EXIT[lang], h.count(EXIT[lang]))); continue
            if not h.endswith(sect):
                bad("%s --help (%s) does not end with the one exit-status section: %r" % (c, lang, h[-300:])); continue
            ok("%s --help (%s) ends with the same exit-status section" % (c, lang))
    # The Chinese help is Chinese: a usage line 用法：, no English sentence
    # (option spellings, commands and file names aside).
    for c in cmds:
        h = helps["zh"][c]
        first = h.splitlines()[0] if h else ""
        if c in PENDING_ZH:
            print("skip: %s --help: Chinese text pending on msg-cli2" % c)
        elif not first.startswith("用法：junheng " + c):
            bad("%s --help starts with %r, not 用法：junheng %s" % (c, first, c))
        else:
            phrases = [(l, english_phrase(l)) for l in h.splitlines() if english_phrase(l)]
            if phrases:
                bad("%s --help (zh) holds English: %r" % (c, phrases[:3]))
            else:
                ok("%s --help (zh): 用法：, no English sentence" % c)
        if helps["en"][c].startswith("usage: junheng " + c):
            ok("%s --help --lang en: usage: junheng %s" % (c, c))
        else:
            bad("%s --help --lang en starts with %r" % (c, helps["en"][c][:80]))
    # README's table says what the English --help says, word for word
    # (code font aside).
    readme = open(os.path.join(src, "README.md"), encoding="utf-8").read()
    rows = re.findall(r"^\| ([0-4]) \| (.*) \|$", readme.split("### Exit status", 1)[1].split("\n#", 1)[0], re.M)
    said = re.sub(r"\n {5}", " ", sects["en"])
    mean = dict(re.findall(r"^  ([0-4])  (.*)$", said, re.M))
    if [r[0] for r in rows] == ["0", "1", "2", "3", "4"] and all(mean.get(r[0]) == r[1].replace("`", "") for r in rows):
        ok("README's exit table says what --help says, code by code")
    else:
        bad("README's exit table %r against --help %r" % (rows, mean))

elif family == "both_languages":
    # The same option lines, in the same order, in both languages, the
    # meaning starting at the same column.
    for c in cmds:
        zh = [(s_, l, a) for s_, l, a, d, line in options(helps["zh"][c])]
        en = [(s_, l, a) for s_, l, a, d, line in options(helps["en"][c])]
        if not en:
            bad("%s --help --lang en: no option line found" % c)
        elif zh != en:
            bad("%s: the option lines differ: zh %r, en %r" % (c, zh, en))
        else:
            ok("%s: the same %d option lines in zh and en" % (c, len(en)))
        cols = {lang: sorted({desc_column(line) for s_, l, a, d, line in options(helps[lang][c]) if desc_column(line)}) for lang in LANGS}
        if cols["zh"] != cols["en"]:
            bad("%s: option meanings start at columns zh %r, en %r" % (c, cols["zh"], cols["en"]))
        else:
            ok("%s: option meanings at column %r in both languages" % (c, cols["en"]))

elif family == "letters":
    meaning = {}
    for lang in LANGS:
        for c in cmds:
            for short, long_, arg, desc, line in options(helps[lang][c]):
                if short:
                    meaning.setdefault(short, {}).setdefault(long_, set()).add(c)
    if not meaning:
        bad("no option found in any --help: the parser is broken")
    for short, longs in sorted(meaning.items()):
        if len(longs) == 1:
            (l, cs), = longs.items()
            ok("-%s means %s in every command (%s)" % (short, l, ", ".join(sorted(cs))))
        else:
            bad("-%s has %d meanings: %r" % (short, len(longs), longs))
    if "c" not in meaning or list(meaning["c"]) != ["--county"]:
        bad("-c is not --county: %r" % meaning.get("c"))
    else:
        ok("-c is --county (the county-facts file)")
    # docs/options.md: every option a --help shows (in either language) is
    # a row with the same letter and the command named.
    doc = open(os.path.join(src, "docs", "options.md"), encoding="utf-8").read()
    table = doc.split("## ", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [x.strip() for x in line.replace("\\|", "/").strip().strip("|").split("|")]
        if len(cells) == 4 and "--" in cells[0]:
            for l in re.findall(r"--[a-z][a-z-]*", cells[0]):
                rows[l] = (re.findall(r"`(-[A-Za-z])`", cells[0]), cells[3])
    missing = []
    for lang in LANGS:
        for c in cmds:
            for short, long_, arg, desc, line in options(helps[lang][c]):
                r = rows.get(long_)
                if r is None:
                    missing.append("%s %s (%s): no row" % (c, long_, lang))
                elif short and ["-" + short] != r[0]:
                    missing.append("%s %s: letter %r, docs %r" % (c, long_, short, r[0]))
                elif not re.search(r"\b%s\b|every command" % c, r[1]):
                    missing.append("%s %s: command not in the row" % (c, long_))
    if missing:
        bad("docs/options.md disagrees with --help: " + "; ".join(sorted(set(missing))[:8]))
    else:
        ok("docs/options.md has every option of every --help (zh and en), same letter, same commands")

elif family == "county_file":
    for lang in LANGS:
        n = 0
        for c in cmds:
            for short, long_, arg, desc, line in options(helps[lang][c]):
                if long_ != "--county":
                    continue
                n += 1
                if arg not in (None, "FACTS") or FACTS[lang] not in desc:
                    bad("%s (%s): --county is not the county-facts file (%s): %r" % (c, lang, FACTS[lang], line))
                else:
                    ok("%s (%s): --county is the county-facts file, %s" % (c, lang, FACTS[lang]))
        if n < 2:
            bad("--county found in %d helps (%s), expected evaluate and template" % (n, lang))
        hits = [c for c in cmds if re.search(r"--county (NAME|N\b)", helps[lang][c])]
        if hits:
            bad("--county NAME still in %r (%s)" % (hits, lang))
        else:
            ok("no --help (%s) says --county NAME" % lang)
        if re.search(r"--county-name NAME", helps[lang].get("trend", "")):
            ok("trend --help (%s) names the county with --county-name NAME" % lang)
        else:
            bad("trend --help (%s) lacks --county-name NAME" % lang)

elif family == "out_folder":
    for lang in LANGS:
        n = 0
        for c in cmds:
            for short, long_, arg, desc, line in options(helps[lang][c]):
                if long_ != "--out":
                    continue
                n += 1
                if arg != "DIR" or re.search(r"\bFILE\b", line):
                    bad("%s (%s): --out is not a folder: %r" % (c, lang, line))
                else:
                    ok("%s (%s): --out DIR" % (c, lang))
            if re.search(r"--out (FILE|F\b)", helps[lang][c]):
                bad("%s --help (%s) still says --out FILE" % (c, lang))
        if n < 7:
            bad("--out found in %d helps (%s) only" % (n, lang))
EOF
    )
}

# ---------------------------------------------------------------------
family help_exit
[ "${#cmds[@]}" -ge 9 ] && ok "the top-level help lists ${#cmds[@]} commands" || bad "commands found: ${cmds[*]}"
[ "${cmds[*]}" = "${cmds_zh[*]}" ] && ok "the Chinese top-level help (命令：) lists the same commands" ||
    bad "commands: en ${cmds[*]}, zh ${cmds_zh[*]}"
pyrun help_exit
run "$tmp/o" "$tmp/e"
[ "$rc" -eq 2 ] && grep -q "^退出状态" "$tmp/e" && ok "junheng with no command: exit 2, the usage with the exit status (退出状态)" ||
    bad "junheng with no command: exit $rc"
JUNHENG_LANG=en run "$tmp/o" "$tmp/e"
[ "$rc" -eq 2 ] && grep -q "^Exit status" "$tmp/e" && ok "JUNHENG_LANG=en junheng: exit 2, the English usage with the exit status" ||
    bad "JUNHENG_LANG=en junheng: exit $rc"

# ---------------------------------------------------------------------
family both_languages
pyrun both_languages

# ---------------------------------------------------------------------
family letters
pyrun letters

# ---------------------------------------------------------------------
family county_file
pyrun county_file

# ---------------------------------------------------------------------
family out_folder
pyrun out_folder

# ---------------------------------------------------------------------
family trend_county_name
years="$tmp/years.csv"
{
    echo "县区,年份,学校代码,学校名称,学校类型,小学在校生数,初中在校生数,高中在校生数,高于规定学历教师数,县级以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数"
    for y in 2021 2022; do
        echo "甲县,$y,001,甲一小,小学,400,0,0,24,5,5,2400,4000,1000000,12"
        echo "甲县,$y,002,甲二小,小学,300,0,0,15,3,3,1500,2600,700000,8"
        echo "乙县,$y,001,乙一小,小学,100,0,0,5,1,1,600,800,250000,3"
        echo "乙县,$y,002,乙二小,小学,200,0,0,10,2,2,1000,1600,460000,5"
        echo "乙县,$y,003,乙三小,小学,700,0,0,35,7,7,3150,5600,1470000,17"
    done
} >"$years"
# 乙县 is tests/data/hand3: primary teaching-area CV 0.097048 each year.
run "$tmp/t.json" "$tmp/e" trend "$years" --county-name 乙县 -f json
if [ "$rc" -eq 0 ] && "$py" -c "
import json,sys; d=json.load(open(sys.argv[1]))
cv=[i['cv'] for l in d['levels'] if l['level']=='primary' for i in l['indicators'] if i['id']=='teaching_area_per_student'][0]
sys.exit(0 if d['county']=='乙县' and d['years']==[2021,2022] and all(abs(v-0.09704783639255671)<1e-9 for v in cv) else 1)" "$tmp/t.json"; then
    ok "trend --county-name 乙县: its two years, teaching-area CV 0.097048"
else bad "trend --county-name: exit $rc $(head -c 300 "$tmp/e")"; fi
run "$tmp/o" "$tmp/e" trend "$years" --county-name 甲县 --out "$tmp/trend-out" --no-charts
[ "$rc" -eq 0 ] && grep -q 甲县 "$tmp/o" && ok "trend --county-name with --out: exit 0, the county named" || bad "trend --county-name --out: exit $rc $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" trend "$years"
[ "$rc" -eq 2 ] && grep -q -- "--county-name NAME" "$tmp/e" && ok "two counties without a name: exit 2, asks for --county-name NAME" ||
    bad "two counties without a name: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" trend "$years" --county-name 丙县
[ "$rc" -eq 3 ] && grep -q "丙县" "$tmp/e" && ok "an unknown --county-name: exit 3, naming it" || bad "unknown county name: exit $rc $(cat "$tmp/e")"
# The old spellings: refused, never taken as a name.
for old in "--county 乙县" "-c 乙县" "-c乙县" "--county=乙县"; do
    # shellcheck disable=SC2086
    run "$tmp/o" "$tmp/e" trend "$years" $old
    if [ "$rc" -eq 2 ] && grep -q -- "--county-name NAME" "$tmp/e" && [ ! -s "$tmp/o" ]; then ok "trend $old: exit 2, says --county-name NAME"
    else bad "trend $old: exit $rc, $(head -c 300 "$tmp/e")"; fi
done
run "$tmp/o" "$tmp/e" batch "$years" --county-name 乙县
[ "$rc" -eq 2 ] && grep -q "trend" "$tmp/e" && ! grep -q "option" "$tmp/e" && ok "batch --county-name: exit 2, an option of trend (in Chinese)" || bad "batch --county-name: exit $rc, $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" batch "$years" --county-name 乙县 --lang en
[ "$rc" -eq 2 ] && grep -q "trend" "$tmp/e" && ok "batch --county-name --lang en: exit 2, an option of trend" || bad "batch --county-name --lang en: exit $rc"
run "$tmp/o" "$tmp/e" batch "$years" --county "$facts"
[ "$rc" -eq 2 ] && grep -q "县级指标文件" "$tmp/e" && ok "batch --county FACTS: exit 2, --county is evaluate's 县级指标文件" || bad "batch --county: exit $rc, $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" batch "$years" --county "$facts" --lang en
[ "$rc" -eq 2 ] && grep -q "county-facts" "$tmp/e" && ok "batch --county FACTS --lang en: exit 2, --county is evaluate's facts file" || bad "batch --county: exit $rc"

# ---------------------------------------------------------------------
family template_out
export SOURCE_DATE_EPOCH=1700000000
run "$tmp/o" "$tmp/e" template --out "$tmp/tpl"
t="$tmp/tpl/junheng-template.xlsx"
if [ "$rc" -eq 0 ] && [ -s "$t" ] && "$py" -c "
import sys; from openpyxl import load_workbook
ws = load_workbook(sys.argv[1]).worksheets[0]
sys.exit(0 if '学校名称' in [c.value for c in ws[1]] else 1)" "$t" 2>/dev/null; then
    ok "template --out DIR writes DIR/junheng-template.xlsx (a workbook with 学校名称)"
else bad "template --out DIR: exit $rc, $(ls -A "$tmp/tpl" 2>&1) $(head -c 300 "$tmp/e")"; fi
grep -q "junheng-template" "$tmp/tpl/.junheng-manifest" 2>/dev/null &&
    bad "the template is listed in the manifest: a later run would replace a filled one" ||
    ok "the template is handed over: not in DIR/.junheng-manifest"
[ -z "$(find "$tmp/tpl" -name '.junheng-staging*')" ] && ok "no staging folder left in DIR" || bad "staging folder left in DIR"
run "$tmp/o" "$tmp/e" template --county --out "$tmp/tpl"
[ "$rc" -eq 0 ] && [ -s "$tmp/tpl/junheng-county-facts.xlsx" ] && [ -s "$t" ] &&
    ok "template --county --out DIR: DIR/junheng-county-facts.xlsx, the school template kept" ||
    bad "template --county --out DIR: exit $rc, $(ls -A "$tmp/tpl")"
# A filled template is never replaced without --force.
"$py" -c "
import sys; from openpyxl import load_workbook
wb = load_workbook(sys.argv[1]); wb.worksheets[0]['B12'] = '已填写'; wb.save(sys.argv[1])" "$t"
before=$(sum "$t")
run "$tmp/o" "$tmp/e" template --out "$tmp/tpl"
[ "$rc" -eq 4 ] && grep -q "已经存在" "$tmp/e" && grep -q -- "--force" "$tmp/e" && [ "$(sum "$t")" = "$before" ] &&
    ok "a second template --out DIR: exit 4, the filled template unchanged" ||
    bad "second template run: exit $rc, $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" template --out "$tmp/tpl" --force
[ "$rc" -eq 0 ] && [ "$(sum "$t")" != "$before" ] && cmp -s "$t" "$tmp/tpl/junheng-template.xlsx" &&
    ok "template --out DIR --force replaces it" || bad "template --force: exit $rc"
# The same bytes as with no --out in the current folder (where it always
# wrote); the current folder's other files untouched.
mkdir -p "$tmp/cwd" && echo mine >"$tmp/cwd/notes.txt"
(cd "$tmp/cwd" && exec "$bin" template >/dev/null 2>"$tmp/e"); rc=$?
[ "$rc" -eq 0 ] && cmp -s "$tmp/cwd/junheng-template.xlsx" "$t" && [ "$(cat "$tmp/cwd/notes.txt")" = mine ] &&
    ok "template with no --out: ./junheng-template.xlsx, the same bytes as --out DIR" ||
    bad "template with no --out: exit $rc, $(ls -A "$tmp/cwd")"
# The old spelling --out FILE.xlsx: refused, nothing made.
(cd "$tmp/cwd" && exec "$bin" template --out new.xlsx >/dev/null 2>"$tmp/e"); rc=$?
[ "$rc" -eq 2 ] && [ ! -e "$tmp/cwd/new.xlsx" ] && grep -q -- "--out DIR" "$tmp/e" &&
    ok "template --out new.xlsx: exit 2, says --out DIR, makes nothing" || bad "template --out new.xlsx: exit $rc, $(cat "$tmp/e")"
(cd "$tmp/cwd" && exec "$bin" template --county -o FACTS.XLS >/dev/null 2>"$tmp/e"); rc=$?
[ "$rc" -eq 2 ] && [ ! -e "$tmp/cwd/FACTS.XLS" ] && grep -q "junheng-county-facts.xlsx" "$tmp/e" &&
    ok "template --county -o FACTS.XLS: exit 2, names DIR/junheng-county-facts.xlsx" || bad "template -o FACTS.XLS: exit $rc"
# A folder that happens to end in .xlsx is a folder.
mkdir -p "$tmp/odd.xlsx"
run "$tmp/o" "$tmp/e" template --out "$tmp/odd.xlsx"
[ "$rc" -eq 0 ] && [ -s "$tmp/odd.xlsx/junheng-template.xlsx" ] && ok "an existing folder named odd.xlsx is used as DIR" || bad "folder odd.xlsx: exit $rc"
# --out naming a file of the user's: exit 4, the file untouched.
echo mine >"$tmp/plain"
run "$tmp/o" "$tmp/e" template --out "$tmp/plain"
[ "$rc" -eq 4 ] && [ "$(cat "$tmp/plain")" = mine ] && ok "template --out FILE-that-exists: exit 4, the file untouched" || bad "template --out plain file: exit $rc"
# The user's own file of that name in DIR: exit 4, untouched.
mkdir -p "$tmp/users" && echo mine >"$tmp/users/junheng-template.xlsx"
run "$tmp/o" "$tmp/e" template --out "$tmp/users"
[ "$rc" -eq 4 ] && [ "$(cat "$tmp/users/junheng-template.xlsx")" = mine ] && ok "the user's junheng-template.xlsx in DIR: exit 4, untouched" || bad "user's file: exit $rc"
# analyze into the same DIR leaves the templates alone; batch DIR reads the
# template (its example rows are recognised, so it is read, not skipped).
run "$tmp/o" "$tmp/e" analyze "$demo" --out "$tmp/tpl" --no-charts
[ "$rc" -eq 0 ] && [ -s "$t" ] && [ -s "$tmp/tpl/junheng-county-facts.xlsx" ] && [ -s "$tmp/tpl/report.xlsx" ] &&
    ok "analyze --out DIR beside the templates keeps them" || bad "analyze beside templates: exit $rc $(ls -A "$tmp/tpl")"
rm -f "$tmp/tpl/junheng-county-facts.xlsx"
run "$tmp/o" "$tmp/e" batch "$tmp/tpl" -f json
grep -q "junheng-template.xlsx" "$tmp/e" && ok "batch DIR reads the template there (not taken for junheng's output)" ||
    bad "batch DIR skipped the template: exit $rc $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" template --lang fr --out "$tmp/never"
[ "$rc" -eq 2 ] && [ ! -e "$tmp/never" ] && ok "template --lang fr: exit 2, no folder made" || bad "template --lang fr: exit $rc"
unset SOURCE_DATE_EPOCH

# ---------------------------------------------------------------------
family old_letters
claims="$(csv claims.csv level,indicator,cv primary,teaching_area_per_student,0.164)"
run "$tmp/o" "$tmp/e" verify "$demo" -c "$claims"
[ "$rc" -eq 2 ] && grep -q -- "--claims FILE" "$tmp/e" && [ ! -s "$tmp/o" ] && ok "verify -c: exit 2, says --claims FILE" || bad "verify -c: exit $rc $(cat "$tmp/e")"
run "$tmp/o" "$tmp/e" verify "$demo" --claims "$claims" -f json
[ "$rc" -eq 0 ] && ok "verify --claims still works (the claim holds, exit 0)" || bad "verify --claims: exit $rc $(head -c 300 "$tmp/e")"
run "$tmp/o" "$tmp/e" plan "$demo" -c sports_area=800
[ "$rc" -eq 2 ] && grep -q -- "--cost KEY=YUAN" "$tmp/e" && [ ! -s "$tmp/o" ] && ok "plan -c: exit 2, says --cost KEY=YUAN" || bad "plan -c: exit $rc $(cat "$tmp/e")"
run "$tmp/p1.json" "$tmp/e" plan "$demo" --cost sports_area=800 -f json
run "$tmp/p2.json" "$tmp/e" plan "$demo" --cost sports_area=900 -f json
! cmp -s "$tmp/p1.json" "$tmp/p2.json" && ok "plan --cost still works (a dearer m2 changes the plan)" || bad "plan --cost: outputs equal"
run "$tmp/e1.json" "$tmp/e" evaluate "$demo" -c "$facts" -f json
run "$tmp/e2.json" "$tmp/e2" evaluate "$demo" --county "$facts" -f json
[ "$rc" -eq 0 ] && [ -s "$tmp/e1.json" ] && cmp -s "$tmp/e1.json" "$tmp/e2.json" &&
    ok "evaluate -c FACTS is evaluate --county FACTS (same JSON)" || bad "evaluate -c: exit $rc, outputs differ"
run "$tmp/o" "$tmp/e" evaluate "$demo"
[ "$rc" -eq 2 ] && grep -q -- "--county FACTS" "$tmp/e" && ok "evaluate without facts: exit 2, asks for --county FACTS" || bad "evaluate without facts: exit $rc"
for c in analyze batch; do
    run "$tmp/o" "$tmp/e" "$c" "$demo" -c "$facts"
    [ "$rc" -eq 2 ] && ok "$c -c: exit 2 (no county-facts file there)" || bad "$c -c: exit $rc"
done


# A template handed over into a folder leaves no manifest behind (it lists
# nothing junheng owns there).
mkdir -p "$tmp/handover" && (cd "$tmp/handover" && "$bin" template >/dev/null 2>&1)
[ "$(ls -A "$tmp/handover")" = "junheng-template.xlsx" ] &&
    ok "template into an empty folder leaves only the workbook" ||
    bad "template left: $(ls -A "$tmp/handover" | tr '\n' ' ')"

# ---------------------------------------------------------------------
family lang_env
# JUNHENG_LANG=en is --lang en on every run: messages, help and the report
# (docs/options.md, "Language of messages"); --lang zh still wins.
JUNHENG_LANG=en run "$tmp/o" "$tmp/e" analyze "$demo"
[ "$rc" -eq 0 ] && head -1 "$tmp/o" | grep -q "County quality-balance evaluation" && grep -q "^junheng: warning: " "$tmp/e" &&
    ok "JUNHENG_LANG=en analyze: the English report and warnings" || bad "JUNHENG_LANG=en analyze: exit $rc, $(head -1 "$tmp/o")"
JUNHENG_LANG=en run "$tmp/o" "$tmp/e" analyze "$demo" --lang zh
[ "$rc" -eq 0 ] && head -1 "$tmp/o" | grep -q "县域义务教育优质均衡发展督导评估办法" && grep -q "^junheng: 警告：" "$tmp/e" &&
    ok "JUNHENG_LANG=en analyze --lang zh: Chinese" || bad "JUNHENG_LANG=en --lang zh: exit $rc, $(head -1 "$tmp/o")"
JUNHENG_LANG=en run "$tmp/o" "$tmp/e" check "$demo"
grep -q "^no errors: ready for junheng analyze" "$tmp/o" && ok "JUNHENG_LANG=en check: English findings" || bad "JUNHENG_LANG=en check: $(tail -1 "$tmp/o")"
LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 run "$tmp/o" "$tmp/e" check "$demo"
grep -q "^没有错误，可以运行 junheng analyze" "$tmp/o" && ok "LC_ALL=en_US.UTF-8 check: still Chinese (the locale is not followed)" || bad "LC_ALL=en_US check: $(tail -1 "$tmp/o")"
JUNHENG_LANG=fr run "$tmp/o" "$tmp/e" template --help
head -1 "$tmp/o" | grep -q "^用法：junheng template" && ok "JUNHENG_LANG=fr: ignored, Chinese" || bad "JUNHENG_LANG=fr: $(head -1 "$tmp/o")"

finish
