#!/usr/bin/env bash
# Install and start like a program (issue 15, item 7). Run by CTest:
#   test_install.sh JUNHENG_BINARY SOURCE_DIR PYTHON BUILD_DIR [deb]
# Without "deb": `cmake --install` the build into a scratch prefix and run
# the installed binary from an unrelated folder with no environment
# variable: it must find its data under <prefix>/share/junheng, never in
# the source or build tree (watched with strace when installed), also when
# the prefix is moved.  With "deb": `cpack -G DEB` must write
# junheng_<version>_<arch>.deb with bin/junheng, share/junheng/plots and a
# Depends field naming the package of every library the binary links
# (exit 77 when cpack or dpkg-deb is missing).
source "$(dirname "$0")/trust_lib.sh" "$@"
build=$(realpath "$4")
mode=${5:-}
unset JUNHENG_PLOTS_DIR
export SOURCE_DATE_EPOCH=1577836800
have_gnuplot=0
command -v gnuplot >/dev/null && have_gnuplot=1

# Every path of the source tree (which holds the build tree here) the
# process tree of a command touched, from an strace log.
touched_src() {
    grep -o '"[^"]*"' "$1" | tr -d '"' | grep -F "$src/" | sort -u
}

if [ "$mode" = "deb" ]; then
    if ! command -v cpack >/dev/null || ! command -v dpkg-deb >/dev/null; then
        echo "SKIP: cpack or dpkg-deb not installed"
        exit 77
    fi
    family deb
    version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
    arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
    deb="$tmp/pkg/junheng_${version}_${arch}.deb"
    if cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" \
            >"$tmp/cpack.log" 2>&1 && [ -f "$deb" ]; then
        ok "cpack -G DEB writes $(basename "$deb")"
    else
        bad "cpack -G DEB: no $deb; $(tail -c 600 "$tmp/cpack.log")"
        finish
        exit
    fi
    dpkg-deb -c "$deb" >"$tmp/list"
    for f in ./usr/bin/junheng ./usr/share/junheng/plots/ \
             ./usr/share/junheng/plots/run.gp ./usr/share/junheng/plots/cv.gp \
             ./usr/share/junheng/standards/quality-2017.ini; do
        if awk '{print $6}' "$tmp/list" | grep -qxF "$f"; then ok "deb holds $f"
        else bad "deb lacks $f"; fi
    done
    if awk '{print $6}' "$tmp/list" | grep -v '^\./usr/' | grep -q .; then
        bad "deb installs outside /usr: $(awk '{print $6}' "$tmp/list" | grep -v '^\./usr/' | head -3)"
    else ok "deb installs only under /usr"; fi
    depends=$(dpkg-deb -f "$deb" Depends)
    # Depends as a list of alternatives' package names, one a line.
    dep_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/ //g' | grep .)
    for p in libgsl27 libgslcblas0 libxlsxwriter4 libcsv3 libjansson4 libinih1 \
             libzip4 libexpat1 libfreexl1 zlib1g gnuplot-nox fonts-noto-cjk; do
        if grep -qxF "$p" <<<"$dep_names"; then ok "Depends names $p"
        else bad "Depends lacks $p: $depends"; fi
    done
    # Every library the binary links directly (sanitizer runtimes of a test
    # build aside) belongs to a package Depends names.
    if command -v readelf >/dev/null && command -v dpkg >/dev/null; then
        missing=""
        for lib in $(readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
            case $lib in libasan* | libubsan* | liblsan* | ld-linux*) continue ;; esac
            path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|x86_64|64/ {print $NF; exit}')
            [ -n "$path" ] || path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')
            pkg=$(dpkg -S "$(realpath "$path")" 2>/dev/null | head -1 | cut -d: -f1)
            [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
            grep -qxF "$pkg" <<<"$dep_names" || missing="$missing $lib($pkg)"
        done
        if [ -z "$missing" ]; then ok "Depends covers every linked library"
        else bad "Depends lacks the package of:$missing"; fi
    fi
    # The unpacked package runs where it is unpacked (a moved prefix).
    mkdir -p "$tmp/x" "$tmp/cwd"
    dpkg-deb -x "$deb" "$tmp/x"
    if (cd "$tmp/cwd" && "$tmp/x/usr/bin/junheng" standards) >"$tmp/out" 2>&1 &&
       grep -q quality-2017 "$tmp/out"; then ok "the unpacked binary runs"
    else bad "the unpacked binary: $(head -c 400 "$tmp/out")"; fi
    finish
    exit
fi

family install
prefix="$tmp/prefix"
if cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
    ok "cmake --install to a prefix"
else
    bad "cmake --install: $(tail -c 600 "$tmp/install.log")"
    finish
    exit
fi
for f in bin/junheng share/junheng/plots/run.gp share/junheng/plots/cv.gp \
         share/junheng/plots/bars.gp share/junheng/standards/basic-2012.ini \
         share/junheng/standards/quality-2017.ini; do
    if [ -f "$prefix/$f" ]; then ok "installed $f"; else bad "not installed: $f"; fi
done
[ -x "$prefix/bin/junheng" ] && ok "bin/junheng is executable" ||
    bad "bin/junheng is not executable"
n_gp=$(ls "$src"/plots/*.gp | wc -l)
n_igp=$(ls "$prefix"/share/junheng/plots/*.gp 2>/dev/null | wc -l)
[ "$n_gp" -eq "$n_igp" ] && ok "every plots/*.gp installed ($n_gp)" ||
    bad "plots: $n_igp of $n_gp templates installed"

family run
# The demo county, copied out of the source tree, analyzed from an
# unrelated folder.
mkdir -p "$tmp/cwd"
cp "$src/datasets/qingxi-county.csv" "$tmp/demo.csv"
cd "$tmp/cwd"
ijh="$prefix/bin/junheng"
"$ijh" analyze "$tmp/demo.csv" --out "$tmp/r" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ]; then ok "analyze exits 0"
else bad "analyze: exit $rc; $(head -c 400 "$tmp/err")"; fi
if [ -s "$tmp/r/report.xlsx" ] && [ -s "$tmp/r/report.json" ]; then
    ok "report.xlsx and report.json written"
else bad "missing report.xlsx or report.json: $(ls "$tmp/r" 2>&1)"; fi
# A real figure: the primary sports-area CV of the demo is 0.552.
if "$py" -c "
import json, sys
d = json.load(open(sys.argv[1]))
lv = [l for l in d['levels'] if l['level'] == 'primary'][0]
cv = [i for i in lv['indicators'] if i['id'] == 'sports_area_per_student'][0]['cv']
assert round(cv, 3) == 0.552, cv" "$tmp/r/report.json" 2>"$tmp/pyerr"; then
    ok "report.json: primary sports-area CV 0.552"
else bad "report.json: $(tail -c 300 "$tmp/pyerr")"; fi
if [ $have_gnuplot -eq 1 ]; then
    if [ -s "$tmp/r/charts/primary-cv.png" ] && [ -s "$tmp/r/charts/primary-cv.pdf" ]; then
        ok "charts drawn from the installed templates"
    else bad "no charts: $(ls "$tmp/r/charts" 2>&1 | head -3) $(head -c 300 "$tmp/err")"; fi
else
    echo "skip: gnuplot not installed, no charts"
fi
"$ijh" standards >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q '^ *basic-2012' "$tmp/out" && grep -q '^ *quality-2017' "$tmp/out"; then
    ok "standards lists basic-2012 and quality-2017"
else bad "standards: $(head -c 400 "$tmp/out") $(head -c 200 "$tmp/err")"; fi
"$ijh" template --out "$tmp/模板" >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && [ -s "$tmp/模板/junheng-template.xlsx" ] &&
   "$py" -c "
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert 'xl/workbook.xml' in z.namelist()" "$tmp/模板/junheng-template.xlsx"; then
    ok "template writes a workbook"
else bad "template: $(head -c 400 "$tmp/err")"; fi
# The template the installed binary writes is read, and its example rows
# are known for what they are: never counted (exit 3, nothing else).
"$ijh" check "$tmp/模板/junheng-template.xlsx" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] && grep -q '示例' "$tmp/err" && ok "check reads the template and knows its example rows" ||
    bad "check of the template: exit $rc; $(head -c 300 "$tmp/out")"
cd "$tmp"

family isolation
# With strace: the whole process tree of an installed run (gnuplot
# included) opens the installed templates and touches nothing in the
# source tree (which holds the build tree).
if command -v strace >/dev/null && [ $have_gnuplot -eq 1 ]; then
    (cd "$tmp/cwd" && ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=%file -o "$tmp/strace.log" \
        "$ijh" analyze "$tmp/demo.csv" --out "$tmp/r2" >/dev/null 2>"$tmp/err")
    rc=$?
    [ "$rc" -eq 0 ] && ok "analyze runs under strace" ||
        bad "analyze under strace: exit $rc; $(tail -c 300 "$tmp/err")"
    if grep -qF "\"$prefix/bin/../share/junheng/plots/run.gp\"" "$tmp/strace.log" ||
       grep -qF "\"$prefix/share/junheng/plots/run.gp\"" "$tmp/strace.log"; then
        ok "strace: gnuplot reads the installed run.gp"
    else bad "strace: the installed run.gp was not read: $(grep -F run.gp "$tmp/strace.log" | head -2)"; fi
    t=$(touched_src "$tmp/strace.log")
    if [ -z "$t" ]; then ok "strace: nothing under the source tree touched"
    else bad "strace: the installed binary touched the source tree: $(head -3 <<<"$t")"; fi
    (cd "$tmp/cwd" && ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=%file -o "$tmp/strace2.log" \
        "$ijh" template --out "$tmp/t2" >/dev/null 2>&1)
    rc=$?
    t=$(touched_src "$tmp/strace2.log")
    [ "$rc" -eq 0 ] && [ -z "$t" ] && ok "strace: template touches nothing under the source tree" ||
        bad "strace: template exit $rc, touched: $(head -3 <<<"$t")"
else
    echo "skip: strace or gnuplot not installed, no strace cases"
fi
# A moved prefix: the binary uses the data next to it.  A marker in the
# moved copy's run.gp (a comment that prints itself) shows which
# templates gnuplot ran.
cp -a "$prefix" "$tmp/moved"
mjh="$tmp/moved/bin/junheng"
if [ $have_gnuplot -eq 1 ]; then
    (cd "$tmp/cwd" && ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=%file -o "$tmp/strace4.log" \
        "$mjh" analyze "$tmp/demo.csv" --out "$tmp/r3" >"$tmp/out" 2>"$tmp/err")
    rc=$?
    if [ "$rc" -eq 0 ] && [ -s "$tmp/r3/charts/primary-cv.png" ] &&
       grep -qF "$tmp/moved/bin/../share/junheng/plots/run.gp" "$tmp/strace4.log" &&
       ! grep -qF "\"$prefix/" "$tmp/strace4.log"; then
        ok "a moved prefix runs on the templates next to it"
    else bad "moved prefix: exit $rc; $(head -c 300 "$tmp/err")"; fi
    # Corrupt the moved copy's templates: the run must fail on them, not
    # fall back to the source tree's good ones.
    printf 'this is not gnuplot\n' >"$tmp/moved/share/junheng/plots/run.gp"
    printf 'this is not gnuplot\n' >"$tmp/moved/share/junheng/plots/cv.gp"
    (cd "$tmp/cwd" && "$mjh" analyze "$tmp/demo.csv" --out "$tmp/r4" \
        >"$tmp/out" 2>"$tmp/err")
    rc=$?
    if [ "$rc" -ne 0 ] && ! [ -s "$tmp/r4/charts/primary-cv.png" ]; then
        ok "corrupt installed templates are used, not the source tree's (exit $rc)"
    else bad "corrupt templates: exit $rc, charts $(ls "$tmp/r4/charts" 2>&1 | head -2)"; fi
    # No templates at all next to the binary: no fallback to the source
    # tree either (the configured data folder is elsewhere).
    rm -rf "$tmp/moved/share/junheng/plots"
    if [ -d "$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")/share/junheng/plots" ]; then
        echo "skip: junheng is installed at the configured prefix; no missing-templates case"
    else
        (cd "$tmp/cwd" && ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=%file -o "$tmp/strace3.log" \
            "$mjh" analyze "$tmp/demo.csv" --out "$tmp/r5" >"$tmp/out" 2>"$tmp/err")
        rc=$?
        t=$(touched_src "$tmp/strace3.log")
        if [ "$rc" -ne 0 ] && [ -z "$t" ] && ! [ -e "$tmp/r5/charts/primary-cv.png" ]; then
            ok "missing installed templates: exit $rc, source tree untouched"
        else bad "missing templates: exit $rc, touched: $(head -2 <<<"$t")"; fi
    fi
fi
# Started through a symlink on the PATH (as ~/bin/junheng would be), from
# a folder holding broken plots/ and share/junheng/plots/ of its own: the
# templates are found next to the real binary, never relative to the cwd.
if [ $have_gnuplot -eq 1 ]; then
    mkdir -p "$tmp/links" "$tmp/trap/plots" "$tmp/trap/share/junheng/plots"
    ln -s "$ijh" "$tmp/links/junheng"
    for d in "$tmp/trap/plots" "$tmp/trap/share/junheng/plots"; do
        for f in "$prefix"/share/junheng/plots/*.gp; do
            printf 'this is not gnuplot\n' >"$d/$(basename "$f")"
        done
    done
    (cd "$tmp/trap" && PATH="$tmp/links:$PATH" junheng analyze "$tmp/demo.csv" \
        --out "$tmp/r7" >"$tmp/out" 2>"$tmp/err")
    rc=$?
    if [ "$rc" -eq 0 ] && [ -s "$tmp/r7/charts/primary-cv.png" ]; then
        ok "through a symlink on PATH, from a folder with its own plots/"
    else bad "symlink/cwd: exit $rc; $(tail -c 300 "$tmp/err")"; fi
fi
# JUNHENG_PLOTS_DIR still wins over the installed folder.
if [ $have_gnuplot -eq 1 ]; then
    mkdir -p "$tmp/envplots"
    cp "$prefix"/share/junheng/plots/*.gp "$tmp/envplots/"
    printf 'this is not gnuplot\n' >"$tmp/envplots/run.gp"
    (cd "$tmp/cwd" && JUNHENG_PLOTS_DIR="$tmp/envplots" "$ijh" analyze \
        "$tmp/demo.csv" --out "$tmp/r6" >"$tmp/out" 2>"$tmp/err")
    rc=$?
    [ "$rc" -ne 0 ] && ok "JUNHENG_PLOTS_DIR overrides the installed templates" ||
        bad "JUNHENG_PLOTS_DIR ignored (exit $rc)"
fi
finish
