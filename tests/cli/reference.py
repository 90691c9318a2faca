#!/usr/bin/python3
"""Independent reference implementation of the 2017 quality-balance resource
evaluation (shared/reference/evaluation-rules.md, sections 1.1 to 1.4).

It is deliberately simple and shares no code with junheng: it exists so that
the tests can check the C program's JSON output figure by figure.  All the
arithmetic is exact (fractions.Fraction, decimal input parsed exactly); only
the square root in the standard deviation and the final conversion to JSON
numbers use floating point.

Usage:  reference.py FILE.csv   -> JSON on stdout (see CONTRACT below)

Input: a CSV file in UTF-8 (with or without BOM) or GBK/GB18030, with either
the Chinese headers of datasets/README.md or the canonical English keys.  A
unit in parentheses (ASCII or full-width) at the end of a header is stripped;
"万元" on the equipment column means the values are multiplied by 10000.

CONTRACT (the shape of junheng's JSON output, which tests compare with this):
{"standard": "quality-2017", "pass": bool,
 "levels": [{"level", "schools", "students", "indicators": [{"id",
   "threshold", "mean", "cv", "cv_limit", "cv_pass", "min", "max", "median",
   "below_threshold"}...], "cv_pass", "schools_pass", "pass"}...],
 "schools": [{"code", "name", "level", "students", "values": {id: x},
   "met", "pass", "failed": [ids]}...],
 "excluded": [{"code", "reason"}...]}

Exclusion reasons are checked in this order: special, vocational,
small_teaching_point, include_no.
"""

import csv
import io
import json
import math
import re
import sys
from fractions import Fraction

# --------------------------------------------------------------------------
# The 2017 standard

INDICATORS = [
    # id, numerator key, scale (100 = per 100 students, 1 = per student)
    ("degree_teachers_per100", "degree_teachers", 100),
    ("backbone_teachers_per100", "backbone_teachers", 100),
    ("pe_art_teachers_per100", "pe_art_teachers", 100),
    ("teaching_area_per_student", "teaching_area", 1),
    ("sports_area_per_student", "sports_area", 1),
    ("equipment_value_per_student", "equipment_value", 1),
    ("multimedia_rooms_per100", "multimedia_rooms", 100),
]
NAMES = {
    "degree_teachers_per100": "每百名学生拥有高于规定学历教师数",
    "backbone_teachers_per100": "每百名学生拥有县级以上骨干教师数",
    "pe_art_teachers_per100": "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
    "teaching_area_per_student": "生均教学及辅助用房面积",
    "sports_area_per_student": "生均体育运动场馆面积",
    "equipment_value_per_student": "生均教学仪器设备值",
    "multimedia_rooms_per100": "每百名学生拥有网络多媒体教室数",
}
TEACHER_KEYS = ("degree_teachers", "backbone_teachers", "pe_art_teachers")
PHYSICAL_KEYS = ("teaching_area", "sports_area", "equipment_value",
                 "multimedia_rooms")

THRESHOLDS = {
    "primary": [Fraction(x) for x in ("4.2", "1.0", "0.9", "4.5", "7.5",
                                      "2000", "2.3")],
    "junior": [Fraction(x) for x in ("5.3", "1.0", "0.9", "5.8", "10.2",
                                     "2500", "2.4")],
}
CV_LIMITS = {"primary": Fraction("0.50"), "junior": Fraction("0.45")}
PARTIAL_SHARE = Fraction(85, 100)   # the one missed indicator must reach 85%
MIN_MET = 6                         # at least 6 of 7 must meet the threshold
TEACHING_POINT_MIN = 50             # teaching points below this are excluded
TOL = Fraction(1, 10**9)            # value >= threshold * (1 - TOL) meets it
W_JUNIOR = Fraction("1.1")          # split weights for combined schools
W_SENIOR_COMPLETE = Fraction("1.2")
W_SENIOR_TWELVE = Fraction("1.32")

# --------------------------------------------------------------------------
# Headers and values

HEADERS = {
    "学校代码": "code",
    "学校名称": "name",
    "学校类型": "type",
    "城乡类型": "locality",
    "举办者类型": "ownership",
    "小学在校生数": "students_primary",
    "初中在校生数": "students_junior",
    "高中在校生数": "students_senior",
    "小学班级数": "classes_primary",
    "初中班级数": "classes_junior",
    "高于规定学历教师数": "degree_teachers",
    "小学高于规定学历教师数": "degree_teachers_primary",
    "初中高于规定学历教师数": "degree_teachers_junior",
    "县级以上骨干教师数": "backbone_teachers",
    "小学县级以上骨干教师数": "backbone_teachers_primary",
    "初中县级以上骨干教师数": "backbone_teachers_junior",
    "体育艺术专任教师数": "pe_art_teachers",
    "小学体育艺术专任教师数": "pe_art_teachers_primary",
    "初中体育艺术专任教师数": "pe_art_teachers_junior",
    "教学及辅助用房面积": "teaching_area",
    "体育运动场馆面积": "sports_area",
    "教学仪器设备值": "equipment_value",
    "网络多媒体教室数": "multimedia_rooms",
    "所属学校代码": "parent_code",
    "纳入计算": "include",
}
KNOWN_KEYS = set(HEADERS.values())

TYPES = {
    "小学": "primary", "初中": "junior", "九年一贯制学校": "nine_year",
    "完全中学": "complete_secondary", "十二年一贯制学校": "twelve_year",
    "教学点": "teaching_point", "特殊教育学校": "special",
    "职业学校": "vocational",
}
for _t in list(TYPES.values()):
    TYPES[_t] = _t            # accept the English type names too
SINGLE_LEVEL = ("primary", "junior", "teaching_point")

UNIT_RE = re.compile(r"^(.*?)\s*[(（]\s*([^()（）]*?)\s*[)）]\s*$")


def die(msg):
    sys.stderr.write("reference.py: %s\n" % msg)
    sys.exit(2)


def decode(data):
    try:
        return data.decode("utf-8-sig")          # strict
    except UnicodeDecodeError:
        return data.decode("gb18030")


def map_header(raw):
    """Return (key, multiplier) for a header cell, or (None, 1)."""
    h = raw.strip()
    unit = None
    m = UNIT_RE.match(h)
    if m:
        h, unit = m.group(1).strip(), m.group(2).strip()
    key = HEADERS.get(h)
    if key is None and h in KNOWN_KEYS:
        key = h
    mult = Fraction(1)
    if key == "equipment_value" and unit == "万元":
        mult = Fraction(10000)
    return key, mult


def number(text, where):
    t = (text or "").strip().replace(",", "")
    if t == "":
        return None
    try:
        return Fraction(t)
    except (ValueError, ZeroDivisionError):
        die("%s: not a number: %r" % (where, text))


def is_excluded_flag(text):
    return (text or "").strip().lower() in ("否", "no", "n", "false", "0")


def read_rows(path):
    with open(path, "rb") as f:
        text = decode(f.read())
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        die("%s: empty file" % path)
    cols = [map_header(h) for h in rows[0]]
    out = []
    for lineno, r in enumerate(rows[1:], start=2):
        rec = {"_line": lineno}
        for (key, mult), cell in zip(cols, r):
            if key is None:
                continue
            if key in ("code", "name", "type", "locality", "ownership",
                       "parent_code", "include"):
                rec[key] = cell.strip()
            else:
                v = number(cell, "%s:%d:%s" % (path, lineno, key))
                rec[key] = None if v is None else v * mult
        out.append(rec)
    return out


# --------------------------------------------------------------------------
# Evaluation

def g(rec, key):
    v = rec.get(key)
    return Fraction(0) if v is None else v


def physical_share(kind, level, a, b, c):
    if kind in SINGLE_LEVEL:
        return Fraction(1)
    if kind == "nine_year":
        den = a + W_JUNIOR * b
        return (a if level == "primary" else W_JUNIOR * b) / den
    if kind == "complete_secondary":
        return b / (b + W_SENIOR_COMPLETE * c)
    if kind == "twelve_year":
        den = a + W_JUNIOR * b + W_SENIOR_TWELVE * c
        return (a if level == "primary" else W_JUNIOR * b) / den
    raise AssertionError(kind)


def teacher_count(rec, kind, key, level, a, b, c):
    own = rec.get(key + "_" + level)
    if own is not None:
        return own
    whole = g(rec, key)
    if kind in SINGLE_LEVEL:
        return whole
    section = a if level == "primary" else b
    return whole * section / (a + b + c)


def meets(value, threshold):
    return value >= threshold * (1 - TOL)


def median(values):
    s = sorted(values)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2


def num(x):
    """Fraction -> JSON number (int when integral)."""
    if x is None:
        return None
    if isinstance(x, Fraction) and x.denominator == 1:
        return int(x)
    return float(x)


def evaluate(records):
    sections = []      # dicts: code, name, level, students, nums, values
    excluded = []
    for rec in records:
        code = rec.get("code", "")
        kind = TYPES.get(rec.get("type", "").strip())
        if kind is None:
            die("line %d: unknown school type %r" % (rec["_line"],
                                                      rec.get("type")))
        a = g(rec, "students_primary")
        b = g(rec, "students_junior")
        c = g(rec, "students_senior")
        if kind == "special":
            excluded.append({"code": code, "name": rec.get("name", ""),
                             "reason": "special"})
            continue
        if kind == "vocational":
            excluded.append({"code": code, "name": rec.get("name", ""),
                             "reason": "vocational"})
            continue
        if kind == "teaching_point" and a < TEACHING_POINT_MIN:
            excluded.append({"code": code, "name": rec.get("name", ""),
                             "reason": "small_teaching_point"})
            continue
        if is_excluded_flag(rec.get("include")):
            excluded.append({"code": code, "name": rec.get("name", ""),
                             "reason": "include_no"})
            continue
        levels = []
        if kind in ("primary", "teaching_point", "nine_year",
                    "twelve_year") and a > 0:
            levels.append(("primary", a))
        if kind in ("junior", "nine_year", "complete_secondary",
                    "twelve_year") and b > 0:
            levels.append(("junior", b))
        for level, students in levels:
            nums = {}
            for key in TEACHER_KEYS:
                nums[key] = teacher_count(rec, kind, key, level, a, b, c)
            share = physical_share(kind, level, a, b, c)
            for key in PHYSICAL_KEYS:
                nums[key] = g(rec, key) * share
            values = {}
            for ind, key, scale in INDICATORS:
                values[ind] = nums[key] * scale / students
            sections.append({"code": code, "name": rec.get("name", ""),
                             "level": level, "students": students,
                             "nums": nums, "values": values})

    schools_out = []
    for s in sections:
        th = THRESHOLDS[s["level"]]
        failed = [ind for (ind, _, _), t in zip(INDICATORS, th)
                  if not meets(s["values"][ind], t)]
        met = len(INDICATORS) - len(failed)
        ok = met == len(INDICATORS)
        if met == MIN_MET and len(INDICATORS) - MIN_MET == 1:
            i = [ind for ind, _, _ in INDICATORS].index(failed[0])
            ok = meets(s["values"][failed[0]], th[i] * PARTIAL_SHARE)
        s["pass"] = ok
        schools_out.append({
            "code": s["code"], "name": s["name"], "level": s["level"],
            "students": num(s["students"]),
            "values": {ind: num(s["values"][ind]) for ind, _, _ in INDICATORS},
            "met": met, "pass": ok, "failed": failed})

    levels_out = []
    for level in ("primary", "junior"):
        secs = [s for s in sections if s["level"] == level]
        if not secs:
            continue
        total = sum(s["students"] for s in secs)
        inds = []
        for (ind, key, scale), t in zip(INDICATORS, THRESHOLDS[level]):
            mean = sum(s["nums"][key] for s in secs) * scale / total
            var = sum(s["students"] * (s["values"][ind] - mean) ** 2
                      for s in secs) / total
            if mean == 0:
                cv = None
            else:
                cv = math.sqrt(float(var / (mean * mean)))
            vals = [s["values"][ind] for s in secs]
            limit = CV_LIMITS[level]
            inds.append({
                "id": ind, "name": NAMES[ind], "threshold": num(t), "mean": num(mean),
                "cv": cv, "cv_limit": num(limit),
                "cv_pass": cv is not None and cv <= float(limit),
                "min": num(min(vals)), "max": num(max(vals)),
                "median": num(median(vals)),
                "below_threshold": sum(1 for v in vals if not meets(v, t))})
        cv_pass = all(i["cv_pass"] for i in inds)
        schools_pass = all(s["pass"] for s in secs)
        levels_out.append({
            "level": level, "schools": len(secs), "students": num(total),
            "indicators": inds, "cv_pass": cv_pass,
            "schools_pass": schools_pass, "pass": cv_pass and schools_pass})

    return {"standard": "quality-2017",
            "pass": all(lv["pass"] for lv in levels_out),
            "levels": levels_out, "schools": schools_out,
            "excluded": excluded}


def main(argv):
    if len(argv) != 2:
        die("usage: reference.py FILE.csv")
    result = evaluate(read_rows(argv[1]))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
