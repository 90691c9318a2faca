#!/usr/bin/python3
"""Compare junheng's JSON output with the reference implementation's.

Usage:  compare_json.py REFERENCE.json PROGRAM.json

Every field of the reference output must be present in the program's output
with an equal value; fields that only the program prints are ignored, except
that a contract field (see CONTRACT_KEYS) missing from the reference is
reported too.  Numbers are equal when they agree within a relative 1e-9
(absolute 1e-12 near zero); an int and a float with the same value are
equal; booleans are not numbers here (true != 1).  Lists must have the same
length and are compared element by element, in order.

Prints one line per difference, with its JSON path, e.g.
    $.levels[0].indicators[4].cv: 0.552135 != 0.55301
Exit status: 0 when there is no difference, 1 when there is any (including
an unreadable or unparsable file), 2 on wrong usage.
"""

import json
import math
import sys

REL = 1e-9
ABS = 1e-12

CONTRACT_KEYS = {
    "standard", "pass", "levels", "schools", "excluded",
    "level", "students", "indicators", "cv_pass", "schools_pass",
    "id", "threshold", "mean", "cv", "cv_limit", "min", "max", "median",
    "below_threshold",
    "code", "name", "values", "met", "failed", "reason",
    "degree_teachers_per100", "backbone_teachers_per100",
    "pe_art_teachers_per100", "teaching_area_per_student",
    "sports_area_per_student", "equipment_value_per_student",
    "multimedia_rooms_per100",
}


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def kind(x):
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "boolean"
    if is_number(x):
        return "number"
    if isinstance(x, str):
        return "string"
    if isinstance(x, list):
        return "array"
    if isinstance(x, dict):
        return "object"
    return type(x).__name__


def short(x):
    try:
        s = json.dumps(x, ensure_ascii=False)
    except (TypeError, ValueError):
        s = repr(x)
    return s if len(s) <= 80 else s[:77] + "..."


def numbers_equal(a, b):
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(ABS, REL * max(abs(a), abs(b)))


def compare(a, b, path, out):
    ka, kb = kind(a), kind(b)
    if ka != kb:
        out.append("%s: %s %s != %s %s" % (path, ka, short(a), kb, short(b)))
        return
    if ka == "object":
        for key in a:
            sub = "%s.%s" % (path, key)
            if key not in b:
                out.append("%s: missing in second file" % sub)
            else:
                compare(a[key], b[key], sub, out)
        for key in b:
            if key not in a and key in CONTRACT_KEYS:
                out.append("%s.%s: missing in first file" % (path, key))
    elif ka == "array":
        if len(a) != len(b):
            scalars = all(kind(x) not in ("array", "object") for x in a + b)
            out.append("%s: length %d != %d%s" % (
                path, len(a), len(b),
                " (%s != %s)" % (short(a), short(b)) if scalars else ""))
        for i, (x, y) in enumerate(zip(a, b)):
            compare(x, y, "%s[%d]" % (path, i), out)
    elif ka == "number":
        if not numbers_equal(a, b):
            out.append("%s: %r != %r" % (path, a, b))
    elif a != b:
        out.append("%s: %s != %s" % (path, short(a), short(b)))


def load(path):
    try:
        with open(path, "rb") as f:
            return json.loads(f.read().decode("utf-8-sig")), None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return None, "%s: cannot read JSON: %s" % (path, e)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: compare_json.py REFERENCE.json PROGRAM.json\n")
        return 2
    a, err_a = load(argv[1])
    b, err_b = load(argv[2])
    errors = [e for e in (err_a, err_b) if e]
    if errors:
        for e in errors:
            print(e)
        return 1
    diffs = []
    compare(a, b, "$", diffs)
    for d in diffs:
        print(d)
    if diffs:
        print("%d difference(s)" % len(diffs))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
