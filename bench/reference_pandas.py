#!/usr/bin/python3
"""The figures of `junheng batch`, computed again with pandas.

    reference_pandas.py FILE.csv [--out REF.json] [--compare SUMMARY.json]

A reference implementation for the benchmark (bench/run.sh) and for the
batch test (tests/cli/test_batch.sh): it reads the CSV that
bench/gen_counties.py writes (Chinese headers with units, a 县区 column,
optionally 年份), applies the 2017 quality-balance rules
(shared/reference/evaluation-rules.md §1.3 and §1.4) with vectorised
pandas operations, and gives, per county, year and level, each
indicator's enrollment-weighted mean and difference coefficient (CV).

It is written the way an analyst would write it with pandas, shares no
code with junheng, and is what junheng's speed is compared with.

  * excluded: special-education and vocational schools, teaching points
    under 50 pupils, rows with 纳入计算 = 否, schools without primary or
    junior pupils;
  * combined schools are split: teacher counts from the per-section
    columns, else the whole-school count by student share; the physical
    quantities by weighted enrollment (nine-year 1:1.1, complete
    secondary 1:1.2, twelve-year 1:1.1:1.32);
  * mean = ΣPx / ΣP, S = sqrt(ΣP(x − mean)² / ΣP), CV = S / mean.

--compare checks junheng's summary.json against these figures: the same
county-year-levels, and every mean and CV within 1e-9 relative.  Exit 0
when they agree, 1 otherwise (the differences are printed).

Needs Debian's python3-pandas (run with /usr/bin/python3).
"""

import argparse
import json
import math
import re
import sys
import time

import numpy as np
import pandas as pd

INDICATORS = [
    # id, numerator, scale, split by weighted enrollment
    ("degree_teachers_per100", "degree_teachers", 100.0, False),
    ("backbone_teachers_per100", "backbone_teachers", 100.0, False),
    ("pe_art_teachers_per100", "pe_art_teachers", 100.0, False),
    ("teaching_area_per_student", "teaching_area", 1.0, True),
    ("sports_area_per_student", "sports_area", 1.0, True),
    ("equipment_value_per_student", "equipment_value", 1.0, True),
    ("multimedia_rooms_per100", "multimedia_rooms", 100.0, True),
]
TEACHERS = ("degree_teachers", "backbone_teachers", "pe_art_teachers")
PHYSICAL = ("teaching_area", "sports_area", "equipment_value",
            "multimedia_rooms")

HEADERS = {
    "县区": "county", "年份": "year", "学校代码": "code", "学校名称": "name",
    "学校类型": "type", "小学在校生数": "students_primary",
    "初中在校生数": "students_junior", "高中在校生数": "students_senior",
    "高于规定学历教师数": "degree_teachers",
    "小学高于规定学历教师数": "degree_teachers_primary",
    "初中高于规定学历教师数": "degree_teachers_junior",
    "县级以上骨干教师数": "backbone_teachers",
    "小学县级以上骨干教师数": "backbone_teachers_primary",
    "初中县级以上骨干教师数": "backbone_teachers_junior",
    "体育艺术专任教师数": "pe_art_teachers",
    "小学体育艺术专任教师数": "pe_art_teachers_primary",
    "初中体育艺术专任教师数": "pe_art_teachers_junior",
    "教学及辅助用房面积": "teaching_area", "体育运动场馆面积": "sports_area",
    "教学仪器设备值": "equipment_value", "网络多媒体教室数": "multimedia_rooms",
    "纳入计算": "include",
}
TYPES = {"小学": "primary", "初中": "junior", "九年一贯制学校": "nine_year",
         "完全中学": "complete_secondary", "十二年一贯制学校": "twelve_year",
         "教学点": "teaching_point", "特殊教育学校": "special",
         "职业学校": "vocational"}
UNIT = re.compile(r"^(.*?)\s*[(（]\s*([^()（）]*?)\s*[)）]\s*$")


def load(path):
    # Let pandas infer the numeric columns (its fast C path); only the
    # names and codes are read as text.
    df = pd.read_csv(path, encoding="utf-8-sig",
                     dtype={"县区": str, "学校代码": str, "学校名称": str,
                            "学校类型": str, "纳入计算": str,
                            "所属学校代码": str})
    rename, scale = {}, {}
    for col in df.columns:
        name, unit = col.strip(), None
        m = UNIT.match(name)
        if m:
            name, unit = m.group(1), m.group(2)
        key = HEADERS.get(name)
        if key is not None:
            rename[col] = key
            if key == "equipment_value" and unit == "万元":
                scale[key] = 10000.0
    df = df.rename(columns=rename)
    if "county" not in df.columns:
        df["county"] = re.sub(r"\.[^./]*$", "", path.rsplit("/", 1)[-1])
    if "year" not in df.columns:
        df["year"] = 0
    numeric = [c for c in df.columns if c.startswith("students_") or
               c.split("_primary")[0].split("_junior")[0] in
               TEACHERS + PHYSICAL]
    for c in numeric:
        df[c] = pd.to_numeric(df[c]) * scale.get(c, 1.0)
    df["year"] = pd.to_numeric(df["year"]).astype(int)
    df["type"] = df["type"].str.strip().map(TYPES)
    return df


def sections(df):
    a = df["students_primary"].fillna(0.0)
    b = df["students_junior"].fillna(0.0)
    c = df["students_senior"].fillna(0.0)
    t = df["type"]
    keep = ~t.isin(["special", "vocational"])
    keep &= ~((t == "teaching_point") & (a < 50))
    include = df.get("include", pd.Series("", index=df.index))
    keep &= include.fillna("").str.strip() != "否"
    keep &= (a > 0) | (b > 0)
    single = t.isin(["primary", "junior", "teaching_point"])
    parts = []
    for level, own in (("primary", a), ("junior", b)):
        teaches = (t.isin(["primary", "teaching_point", "nine_year",
                           "twelve_year"]) if level == "primary" else
                   t.isin(["junior", "nine_year", "complete_secondary",
                           "twelve_year"]))
        m = keep & teaches & (own > 0)
        w_own = own * (1.1 if level == "junior" else 1.0)
        den = np.where(t == "nine_year", a + 1.1 * b,
                       np.where(t == "complete_secondary", b + 1.2 * c,
                                a + 1.1 * b + 1.32 * c))
        share = np.where(single, 1.0,
                         np.where(t == "complete_secondary", own / den,
                                  w_own / den))
        part = pd.DataFrame({"county": df["county"], "year": df["year"],
                             "level": level, "P": own})
        for q in TEACHERS:
            sec = df.get(q + "_" + level)
            whole = df[q]
            split = np.where(single, whole, whole * own / (a + b + c))
            part[q] = sec.where(sec.notna(), split) if sec is not None \
                else split
        for q in PHYSICAL:
            part[q] = df[q] * share
        parts.append(part[m])
    return pd.concat(parts, ignore_index=True)


def figures(sec):
    out = []
    keys = ["county", "year", "level"]
    for ind, q, scale, _ in INDICATORS:
        sec["x"] = sec[q] * scale / sec["P"]
        sec["px"] = sec["P"] * sec["x"]
        g = sec.groupby(keys, sort=False)
        tot = g["P"].transform("sum")
        mean = g["px"].transform("sum") / tot
        sec["dev"] = sec["P"] * (sec["x"] - mean) ** 2
        agg = sec.groupby(keys, sort=False).agg(P=("P", "sum"),
                                                 px=("px", "sum"),
                                                 dev=("dev", "sum"))
        agg["mean"] = agg["px"] / agg["P"]
        agg["cv"] = np.sqrt(agg["dev"] / agg["P"]) / agg["mean"]
        agg["indicator"] = ind
        out.append(agg.reset_index()[keys + ["indicator", "mean", "cv"]])
    return pd.concat(out, ignore_index=True)


def compare(ref, summary_path):
    with open(summary_path, encoding="utf-8") as f:
        s = json.load(f)
    got = {}
    for r in s["results"]:
        for lv in r["levels"]:
            for i in lv["indicators"]:
                got[(r["county"], r["year"] or 0, lv["level"], i["id"])] = \
                    (i["mean"], i["cv"])
    want = {(r.county, int(r.year), r.level, r.indicator): (r.mean, r.cv)
            for r in ref.itertuples(index=False)}
    bad = 0
    for key in sorted(set(want) | set(got)):
        if key not in got or key not in want:
            print("only in %s: %s" % ("reference" if key in want else
                                      "junheng", key))
            bad += 1
            continue
        for what, x, y in zip(("mean", "cv"), want[key], got[key]):
            if x is None or y is None or (isinstance(x, float) and
                                          math.isnan(x)):
                same = (y is None) == (x is None or math.isnan(x))
            else:
                same = abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1e-300)
            if not same:
                print("differs: %s %s: reference %r, junheng %r" %
                      (key, what, x, y))
                bad += 1
    print("%d figures compared, %d differ" % (2 * len(want), bad))
    return 0 if bad == 0 else 1


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--out")
    ap.add_argument("--compare")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    df = load(args.file)
    t1 = time.perf_counter()
    ref = figures(sections(df))
    t2 = time.perf_counter()
    sys.stderr.write("reference_pandas: read %.3f s, figures %.3f s, "
                     "%d county-year-levels\n" %
                     (t1 - t0, t2 - t1, len(ref) // len(INDICATORS)))
    if args.out:
        rows = [{"county": r.county, "year": int(r.year) or None,
                 "level": r.level, "indicator": r.indicator,
                 "mean": None if math.isnan(r.mean) else float(r.mean),
                 "cv": None if math.isnan(r.cv) else float(r.cv)}
                for r in ref.itertuples(index=False)]
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False)
    if args.compare:
        return compare(ref, args.compare)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
