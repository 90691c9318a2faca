#!/usr/bin/env bash
# Install junheng like a program:  scripts/install.sh [PREFIX]
# Installs the Debian packages it needs (scripts/install-deps.sh), builds a
# Release binary in build/release and installs it under PREFIX (default
# /usr/local): PREFIX/bin/junheng and its data in PREFIX/share/junheng
# (gnuplot templates in plots/, copies of the standards files).  Uses sudo
# when PREFIX is not writable.  The installed binary runs from any folder
# with no environment variable.
set -eu
prefix=${1:-/usr/local}
case $prefix in
    /*) ;;
    *) prefix=$(pwd)/$prefix ;;
esac
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DJH_BUILD_TESTS=OFF \
      -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
sudo=""
probe=$prefix
while [ ! -e "$probe" ]; do probe=$(dirname "$probe"); done
if [ ! -w "$probe" ] && [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo cmake --install build/release --prefix "$prefix" >/dev/null
echo "installed $prefix/bin/junheng (data in $prefix/share/junheng)"
"$prefix/bin/junheng" --version 2>/dev/null || true
