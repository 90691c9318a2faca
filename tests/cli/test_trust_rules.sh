#!/usr/bin/env bash
# Trust at the edges (issue 13), family: rules. Run by CTest:
#   test_trust_rules.sh JUNHENG_BINARY SOURCE_DIR PYTHON
source "$(dirname "$0")/trust_lib.sh" "$@"

finish
