#!/usr/bin/env python3
"""Synthetic counties for benchmarking and testing `junheng batch`.

    gen_counties.py COUNTIES [--seed N] [--years 2022,2023]
                    [--out FILE.csv | --split DIR]

COUNTIES is a number of counties, or "national" for about the size of the
whole country (2,850 counties, about 200,000 school sections).  Standard
library only; with the same arguments the output is the same bytes.

The columns are those of datasets/qingxi-county.csv (县区 first, Chinese
headers with units), with a 年份 column after 县区 when --years is given.
Each county is drawn as one of three kinds:

  urban district (区)  fewer, larger schools, few teaching points
  county (县)          the common case: town schools and village schools
  remote county (县)   many small schools and teaching points

and holds a realistic mix of school types: primary schools, junior
schools, nine-year schools (九年一贯制, about 1 in 6 of them filling only
whole-school teacher counts, which junheng splits by student share),
complete secondary schools (完全中学, with senior pupils), now and then a
twelve-year school, teaching points (some under 50 pupils, which are left
out), a special-education school and a vocational school (left out too),
and a few rows marked 纳入计算 = 否.  Resources per pupil vary around the
2017 thresholds so that some schools and some counties fail.

With --years each school appears once per year, its enrollment and
resources drifting a little from year to year, so that trends have
something to show.  --split DIR writes one file per county (DIR/<county>.csv,
no 县区 column needed by junheng: the file name is the county name; the
column is written anyway).

On average a county has about 70 evaluated sections: 2,850 counties give
about 200,000.
"""

import argparse
import csv
import io
import math
import os
import random
import sys

NATIONAL = 2850

HEADER = [
    "县区", "学校代码", "学校名称", "学校类型", "城乡类型", "举办者类型",
    "小学在校生数", "初中在校生数", "高中在校生数", "小学班级数", "初中班级数",
    "高于规定学历教师数", "小学高于规定学历教师数", "初中高于规定学历教师数",
    "县级以上骨干教师数", "小学县级以上骨干教师数", "初中县级以上骨干教师数",
    "体育艺术专任教师数", "小学体育艺术专任教师数", "初中体育艺术专任教师数",
    "教学及辅助用房面积(平方米)", "体育运动场馆面积(平方米)",
    "教学仪器设备值(万元)", "网络多媒体教室数(间)", "所属学校代码", "纳入计算",
]

# Characters for county and place names (all common, all in GB2312).
NAME_CHARS = (
    "安白宝北长城崇春大丹德东丰凤福阜高古广贵海汉和河红华怀黄吉嘉建江金"
    "锦靖九巨开康兰乐黎丽连临龙隆庐鹿罗洛马茂梅蒙米明南宁平浦齐青清庆泉"
    "仁荣瑞山上邵石寿顺松泰桃天通同万文西仙祥新兴秀阳永玉元云长镇中竹紫"
)
TOWN_SUFFIX = ("镇", "乡")
VILLAGE_WORDS = ("村", "坪", "坑", "湾", "岭", "口", "塘", "桥", "溪", "坝")

# Per-pupil targets as (mean, relative spread) per level; the thresholds
# of the 2017 standard are in the comments.
TARGETS = {
    # 4.2 / 5.3 per 100 pupils
    "degree": {"primary": (5.6, 0.18), "junior": (6.8, 0.18)},
    # 1.0 / 1.0 per 100 pupils
    "backbone": {"primary": (1.4, 0.30), "junior": (1.5, 0.30)},
    # 0.9 / 0.9 per 100 pupils
    "pe_art": {"primary": (1.2, 0.28), "junior": (1.2, 0.28)},
    # 4.5 / 5.8 m² per pupil
    "teaching_area": {"primary": (6.0, 0.30), "junior": (7.6, 0.30)},
    # 7.5 / 10.2 m² per pupil
    "sports_area": {"primary": (10.5, 0.45), "junior": (13.5, 0.42)},
    # 2000 / 2500 yuan per pupil
    "equipment": {"primary": (2900.0, 0.35), "junior": (3600.0, 0.35)},
    # 2.3 / 2.4 per 100 pupils
    "multimedia": {"primary": (3.2, 0.28), "junior": (3.3, 0.28)},
}
# Senior pupils of complete secondary and twelve-year schools use the
# junior targets.


def county_names(rng, n):
    """n distinct county names ending in 县, 区 or 市."""
    seen = set()
    names = []
    while len(names) < n:
        k = rng.random()
        suffix = "区" if k < 0.30 else ("市" if k < 0.42 else "县")
        name = rng.choice(NAME_CHARS) + rng.choice(NAME_CHARS) + suffix
        if name in seen:
            name = name[:-1] + str(len(names)) + suffix
        if name in seen:
            continue
        seen.add(name)
        names.append(name)
    return names


def lognormal(rng, median, sigma):
    return median * math.exp(rng.gauss(0.0, sigma))


def per_pupil(rng, what, level, quality):
    mean, spread = TARGETS[what][level]
    v = mean * quality * (1.0 + rng.gauss(0.0, spread))
    return max(v, mean * 0.25)


class School:
    """One school: its type, enrollment by level and its resources."""

    def __init__(self, code, name, kind, locality, students, parent=""):
        self.code = code
        self.name = name
        self.kind = kind          # Chinese type name
        self.locality = locality
        self.students = students  # [primary, junior, senior]
        self.parent = parent
        self.private = False
        self.include = True
        self.whole_only = False   # combined school without section columns
        self.quality = 1.0
        self.res = {}             # per level: dict of per-pupil values


def draw_resources(rng, s):
    levels = (("primary", 0), ("junior", 1), ("senior", 2))
    for name, i in levels:
        if s.students[i] <= 0:
            continue
        lv = "primary" if name == "primary" else "junior"
        s.res[name] = {w: per_pupil(rng, w, lv, s.quality) for w in TARGETS}


def make_county(rng, ci, name, code_prefix):
    """The schools of one county, as School objects."""
    k = rng.random()
    if name.endswith("区"):
        kind, size = "urban", rng.uniform(0.6, 1.6)
    elif k < 0.25:
        kind, size = "remote", rng.uniform(0.7, 1.5)
    else:
        kind, size = "county", rng.uniform(0.6, 1.5)
    quality = rng.gauss(1.0, 0.10)
    spread = {"urban": 0.35, "county": 0.55, "remote": 0.75}[kind]
    if kind == "urban":
        counts = {"小学": 30, "初中": 13, "九年一贯制学校": 4, "完全中学": 3,
                  "教学点": 1}
        med = {"primary": 1400, "junior": 1200, "senior": 1300}
    elif kind == "county":
        counts = {"小学": 38, "初中": 14, "九年一贯制学校": 4, "完全中学": 2,
                  "教学点": 9}
        med = {"primary": 650, "junior": 900, "senior": 1100}
    else:
        counts = {"小学": 44, "初中": 15, "九年一贯制学校": 5, "完全中学": 1,
                  "教学点": 20}
        med = {"primary": 320, "junior": 600, "senior": 900}
    schools = []
    seq = 0
    towns = [rng.choice(NAME_CHARS) + rng.choice(NAME_CHARS) +
             rng.choice(TOWN_SUFFIX) for _ in range(max(3, int(12 * size)))]

    def new_code():
        nonlocal seq
        seq += 1
        return "%s%04d" % (code_prefix, seq)

    def locality_of(j):
        if kind == "urban":
            return "城区" if j % 5 else "镇区"
        r = rng.random()
        return "城区" if r < 0.2 else ("镇区" if r < 0.5 else "乡村")

    def n_of(t):
        return max(0, int(round(counts[t] * size * rng.uniform(0.8, 1.2))))

    primaries = []
    for j in range(max(1, n_of("小学"))):
        loc = locality_of(j)
        town = towns[j % len(towns)]
        a = int(lognormal(rng, med["primary"] * (1.6 if loc == "城区" else 1.0),
                          spread))
        a = min(max(a, 60), 3200)
        label = ("中心小学" if j < len(towns) else
                 rng.choice(VILLAGE_WORDS) + "小学")
        s = School(new_code(), "%s%s%s" % (name[:-1], town, label) if j >= len(towns)
                   else town + label, "小学", loc, [a, 0, 0])
        schools.append(s)
        primaries.append(s)
    for j in range(max(1, n_of("初中"))):
        loc = locality_of(j)
        b = int(lognormal(rng, med["junior"], spread * 0.8))
        b = min(max(b, 80), 3000)
        town = towns[j % len(towns)]
        s = School(new_code(), "%s第%d中学" % (town, j + 1), "初中", loc,
                   [0, b, 0])
        schools.append(s)
    for j in range(n_of("九年一贯制学校")):
        a = min(max(int(lognormal(rng, med["primary"] * 0.8, spread)), 40), 2000)
        b = min(max(int(lognormal(rng, med["junior"] * 0.6, spread)), 40), 1500)
        s = School(new_code(), "%s%s学校" % (towns[j % len(towns)],
                                            "九年制" if j % 2 else "实验"),
                   "九年一贯制学校", locality_of(j), [a, b, 0])
        s.whole_only = rng.random() < 0.17
        schools.append(s)
    for j in range(n_of("完全中学")):
        b = min(max(int(lognormal(rng, med["junior"], spread * 0.6)), 100), 2500)
        c = min(max(int(lognormal(rng, med["senior"], spread * 0.6)), 100), 3000)
        s = School(new_code(), "%s第%d完全中学" % (name[:-1], j + 1), "完全中学",
                   "城区", [0, b, c])
        schools.append(s)
    if rng.random() < 0.12:
        a = int(lognormal(rng, 900, 0.3))
        b = int(lognormal(rng, 700, 0.3))
        c = int(lognormal(rng, 900, 0.3))
        s = School(new_code(), "%s外国语学校" % name[:-1], "十二年一贯制学校",
                   "城区", [a, b, c])
        s.private = rng.random() < 0.5
        schools.append(s)
    for j in range(n_of("教学点")):
        a = int(lognormal(rng, 45, 0.55))
        a = min(max(a, 6), 180)
        parent = rng.choice(primaries)
        s = School(new_code(), "%s%s%s教学点" % (towns[j % len(towns)],
                                             rng.choice(NAME_CHARS),
                                             rng.choice(VILLAGE_WORDS)),
                   "教学点", "乡村", [a, 0, 0], parent.code)
        schools.append(s)
    if rng.random() < 0.85:
        schools.append(School(new_code(), "%s特殊教育学校" % name[:-1],
                              "特殊教育学校", "城区",
                              [int(rng.uniform(40, 200)),
                               int(rng.uniform(10, 80)), 0]))
    if rng.random() < 0.7:
        schools.append(School(new_code(), "%s职业中学" % name[:-1], "职业学校",
                              "城区", [0, 0, int(rng.uniform(500, 3000))]))
    for s in schools:
        s.quality = quality * rng.gauss(1.0, 0.06)
        if s.kind == "小学" and rng.random() < 0.05:
            s.private = True
        if rng.random() < 0.01:
            s.include = False
        draw_resources(rng, s)
    return schools


def ceil_int(v):
    return int(math.ceil(v - 1e-9))


def fmt_wan(yuan):
    """Yuan as 万元 with 2 decimals."""
    cents = int(round(yuan / 100.0))
    return "%d.%02d" % (cents // 100, cents % 100)


def school_row(rng, county, year, s, drift):
    a, b, c = (int(round(x * drift[0])) if x > 0 else 0 for x in s.students)
    if s.kind == "教学点":
        a = s.students[0]
    pupils = {"primary": a, "junior": b, "senior": c}
    f = drift[1]

    def count(what, level):
        n = pupils[level]
        if n <= 0:
            return 0
        return ceil_int(s.res[level][what] * f * n / 100.0)

    def amount(what):
        tot = 0.0
        for lv, n in pupils.items():
            if n > 0:
                tot += s.res[lv][what] * f * n
        return tot

    row = {h: "" for h in HEADER}
    row["县区"] = county
    if year is not None:
        row["年份"] = str(year)
    row["学校代码"] = s.code
    row["学校名称"] = s.name
    row["学校类型"] = s.kind
    row["城乡类型"] = s.locality
    row["举办者类型"] = "民办" if s.private else "公办"
    row["小学在校生数"] = str(a)
    row["初中在校生数"] = str(b)
    row["高中在校生数"] = str(c)
    if a > 0:
        row["小学班级数"] = str(max(1, ceil_int(a / 42.0)))
    if b > 0:
        row["初中班级数"] = str(max(1, ceil_int(b / 48.0)))
    teachers = (("degree", "高于规定学历教师数"), ("backbone", "县级以上骨干教师数"),
                ("pe_art", "体育艺术专任教师数"))
    combined = s.kind in ("九年一贯制学校", "完全中学", "十二年一贯制学校")
    for what, col in teachers:
        per = {lv: count(what, lv) for lv in pupils}
        row[col] = str(sum(per.values()))
        if combined and not s.whole_only:
            if a > 0:
                row["小学" + col] = str(per["primary"])
            if b > 0:
                row["初中" + col] = str(per["junior"])
    row["教学及辅助用房面积(平方米)"] = str(ceil_int(amount("teaching_area")))
    row["体育运动场馆面积(平方米)"] = str(ceil_int(amount("sports_area")))
    row["教学仪器设备值(万元)"] = fmt_wan(amount("equipment"))
    rooms = sum(count("multimedia", lv) for lv in pupils)
    row["网络多媒体教室数(间)"] = str(rooms)
    row["所属学校代码"] = s.parent
    row["纳入计算"] = "是" if s.include else "否"
    return row


def generate(n, seed, years):
    """Yield (county, header, rows) for n counties."""
    rng = random.Random(seed)
    names = county_names(rng, n)
    header = list(HEADER)
    if years:
        header.insert(1, "年份")
    for ci, name in enumerate(names):
        prefix = "%06d" % (110000 + ci)
        schools = make_county(rng, ci, name, prefix)
        rows = []
        for yi, year in enumerate(years or [None]):
            for s in schools:
                drift = (1.0 + 0.04 * yi * rng.uniform(-1, 1),
                         1.0 + 0.05 * yi * rng.uniform(-0.4, 1.0))
                r = school_row(rng, name, year, s, drift)
                rows.append([r.get(h, "") for h in header])
        yield name, header, rows


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("counties", help="number of counties, or 'national'")
    ap.add_argument("--seed", type=int, default=20170601)
    ap.add_argument("--years", default="",
                    help="comma-separated years, e.g. 2021,2022,2023")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--out", help="write one CSV here (default: stdout)")
    g.add_argument("--split", help="write DIR/<county>.csv, one per county")
    args = ap.parse_args(argv)
    n = NATIONAL if args.counties == "national" else int(args.counties)
    years = [int(y) for y in args.years.split(",") if y.strip()]

    if args.split:
        os.makedirs(args.split, exist_ok=True)
        for name, header, rows in generate(n, args.seed, years):
            with open(os.path.join(args.split, name + ".csv"), "w",
                      encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(header)
                w.writerows(rows)
        return 0
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    first = True
    for name, header, rows in generate(n, args.seed, years):
        if first:
            w.writerow(header)
            first = False
        w.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    if args.out:
        with open(args.out, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
