#!/usr/bin/env bash
# Install the Debian packages junheng needs to build, run and test, if any
# is missing.  Runs apt-get as root (or through sudo).  Idempotent.
set -eu
packages=(
    build-essential cmake pkg-config
    libgsl-dev libxlsxwriter-dev libcsv-dev libjansson-dev libinih-dev
    libzip-dev libexpat1-dev libfreexl-dev
    gnuplot-nox fonts-noto-cjk
    libcmocka-dev python3 python3-openpyxl python3-pandas time util-linux strace
    valgrind clang libclang-rt-14-dev
)
missing=()
# The tests recalculate junheng's workbooks with LibreOffice when asked to;
# any LibreOffice install with soffice on PATH will do.
if [ "${1:-}" = "--with-libreoffice" ] && ! command -v soffice >/dev/null; then
    missing+=(libreoffice-calc-nogui)
fi
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "正在安装（installing）：${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
