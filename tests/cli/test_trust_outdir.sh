#!/usr/bin/env bash
# Trust at the edges (issue 13), family: outdir. Run by CTest:
#   test_trust_outdir.sh JUNHENG_BINARY SOURCE_DIR PYTHON
source "$(dirname "$0")/trust_lib.sh" "$@"

finish
