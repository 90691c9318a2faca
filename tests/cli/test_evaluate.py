#!/usr/bin/python3
"""junheng evaluate, end to end, on hand-built counties.

    test_evaluate.py BINARY SOURCE_DIR

A county of two primary schools, one junior school and a teaching point
that meets every resource indicator and every school-level guarantee
check, with facts that meet every county item: it passes.  Then one item
fails in each part, a veto is tripped, a fact is missing; 表Ⅰ is checked
against counts worked out by hand, a stated count that differs is
reported, bad facts files are refused with their line, and the workbook
is read back with openpyxl.  Also the demo county and its facts file.
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

BIN, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PASSED = FAILED = 0


def check(cond, what):
    global PASSED, FAILED
    if cond:
        PASSED += 1
        print("ok: " + what)
    else:
        FAILED += 1
        print("FAIL: " + what)
    return cond


def run(args, code=0):
    p = subprocess.run([BIN] + args, capture_output=True)
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    if p.returncode != code:
        check(False, "junheng %s: exit %d, expected %d: %s"
              % (" ".join(args), p.returncode, code, err[:300]))
    return out, err, p.returncode


# The county: every figure by hand.
#   P1 900 pupils: degree 45 (5.00/100 ≥ 4.2), backbone 10 (1.11), PE/art 9
#      (1.00), teaching 4500 m² (5.00 ≥ 4.5), sports 7200 (8.00 ≥ 7.5),
#      equipment 2,000,000 yuan (2222 ≥ 2000), multimedia 22 (2.44 ≥ 2.3);
#      20 classes → 2 music and 2 art rooms; training 30000 of 585000 (5.1%)
#   P2 450 pupils: 23, 5, 5, 2300, 3700, 1,000,000, 11; 10 classes → 1 room
#   TP 40 pupils (a teaching point under 50: not a resource unit, not
#      checked; public funds 65000 = 650 × 100, the small-school rule)
#   J1 1000 pupils: degree 60 (6.0 ≥ 5.3), backbone 12, PE/art 10, teaching
#      6000 (6.0 ≥ 5.8), sports 10500 (10.5 ≥ 10.2), equipment 2,600,000
#      (2600 ≥ 2500), multimedia 25 (2.5 ≥ 2.4); rooms of exactly 96 and 90
HEADER = ["code", "name", "type", "students_primary", "students_junior",
          "classes_primary", "classes_junior", "degree_teachers",
          "backbone_teachers", "pe_art_teachers", "teaching_area",
          "sports_area", "equipment_value", "multimedia_rooms", "teachers",
          "certified_teachers", "largest_class_primary",
          "largest_class_junior", "music_rooms", "art_rooms",
          "music_room_min_area", "art_room_min_area", "training_funds",
          "public_funds"]
SCHOOLS = [
    ["P1", "甲小学", "小学", 900, "", 20, "", 45, 10, 9, 4500, 7200, 2000000,
     22, 50, 50, 45, "", 2, 2, 100, 95, 30000, 585000],
    ["P2", "乙小学", "小学", 450, "", 10, "", 23, 5, 5, 2300, 3700, 1000000,
     11, 26, 26, 44, "", 1, 1, 98, 92, 15000, 292500],
    ["T1", "丙教学点", "教学点", 40, "", 2, "", 2, 0, 0, 200, 400, 50000, 1,
     3, 3, 22, "", "", "", "", "", "", 65000],
    ["J1", "丁中学", "初中", "", 1000, "", 20, 60, 12, 10, 6000, 10500,
     2600000, 25, 70, 70, "", 50, 2, 2, 96, 90, 45000, 850000],
]

FACTS = {
    "planning_layout": "是", "unified_standards": "是",
    "special_funds_per_student": "6000", "salary_ratio": "1",
    "training_completion": "100%", "staffing_allocation": "是",
    "rotation_share": "10%", "rotation_backbone_share": "0.2",
    "nearby_urban_primary": "100%", "nearby_town_primary": "100%",
    "nearby_urban_junior": "95%", "nearby_town_junior": "96%",
    "quality_places_share": "50%", "migrant_public_share": "85%",
    "junior_retention": "95%", "disabled_enrollment": "95%",
    "charters_informatisation": "是", "it_teaching": "是",
    "moral_education": "是", "curriculum": "是", "homework_burden": "是",
    "monitoring_level": "Ⅲ", "monitoring_difference": "0.14",
    "questionnaires_issued": "1000", "questionnaires_valid": "980",
    "questionnaires_satisfied": "833", "visits": "20",
    "visits_satisfied": "17",
    "veto_exam_admission": "否", "veto_school_choice": "否",
    "veto_key_schools": "否", "veto_unfilled_posts": "否",
    "veto_major_incident": "否", "veto_falsification": "否",
}


def write_schools(path, rows=SCHOOLS):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)


def write_facts(path, facts, header=("item", "value", "note")):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for k, v in facts.items():
            w.writerow([k, v, ""])


def evaluate(tmp, name, facts, schools=SCHOOLS, extra=(), code=0):
    sp = os.path.join(tmp, name + "-schools.csv")
    fp = os.path.join(tmp, name + "-facts.csv")
    write_schools(sp, schools)
    write_facts(fp, facts)
    out, err, rc = run(["evaluate", sp, "--county", fp, "-f", "json"]
                       + list(extra), code)
    return json.loads(out) if rc == 0 or out.startswith("{") else None, err


def part(d, pid):
    return next(p for p in d["parts"] if p["id"] == pid)


def item(d, iid):
    for p in d["parts"]:
        for it in p["items"]:
            if it["id"] == iid:
                return it
    raise KeyError(iid)


def main():
    tmp = tempfile.mkdtemp()

    # --- a county that passes ------------------------------------------
    d, err = evaluate(tmp, "pass", FACTS)
    check(d["verdict"] == "pass", "the county passes: %s" % d["verdict"])
    check([p["verdict"] for p in d["parts"]] == ["pass"] * 5,
          "every part passes")
    check(len(part(d, "guarantee")["items"]) == 15
          and len(part(d, "quality")["items"]) == 9
          and len(part(d, "veto")["items"]) == 6, "15, 9 and 6 items")
    check(d["missing"] == [] and d["contradictions"] == [],
          "nothing missing, nothing contradicted")
    # recognition (833 + 17) / (980 + 20) = 0.85 exactly
    check(abs(d["recognition"]["share"] - 0.85) < 1e-12,
          "recognition 850 / 1000")
    # rooms of exactly 96 and 90 m² meet their limits
    g = {s["code"]: s for s in d["guarantee"]["schools"]}
    check(g["J1"]["pass"] and sorted(g) == ["J1", "P1", "P2"],
          "three schools checked, the teaching point not")
    check(item(d, "small_school_funds")["figures"][0]["value"] == 1
          and item(d, "small_school_funds")["figures"][0]["limit"] == 1,
          "one small school, funded as for 100")
    # 表Ⅰ by hand
    t1 = d["table1"]
    check(t1["schools"]["primary"] == 2 and t1["schools"]["junior"] == 1
          and t1["schools"]["teaching_point"] == 1
          and t1["teaching_points_50plus"] == 0, "表Ⅰ schools")
    check(t1["classes"] == {"primary": 32, "junior": 20}, "表Ⅰ classes")
    check(t1["students"] == {"primary": 1390, "junior": 1000},
          "表Ⅰ students")
    check(t1["teachers"] == {"primary": 79, "junior": 70}
          and not t1["teachers_estimated"], "表Ⅰ teachers")

    # --- one failure in each part --------------------------------------
    bad = [list(r) for r in SCHOOLS]
    bad[3][13] = 20           # J1: 20 rooms / 1000 = 2.0, 83% of 2.4
    facts = dict(FACTS, rotation_share="8%", junior_retention="",
                 junior_entrants="1000", junior_grade3="940",
                 questionnaires_satisfied="780")
    del facts["junior_retention"]
    d, err = evaluate(tmp, "fail", facts, bad)
    check(d["verdict"] == "fail", "fails")
    check([p["verdict"] for p in d["parts"]]
          == ["fail", "fail", "fail", "fail", "pass"],
          "each of the four parts fails: %s"
          % [p["verdict"] for p in d["parts"]])
    rot = item(d, "rotation")
    check(rot["verdict"] == "fail" and rot["figures"][0]["verdict"] == "fail"
          and rot["figures"][1]["verdict"] == "pass"
          and any("8%" in a and "10%" in a for a in rot["to_pass"]),
          "rotation 8% < 10%, what must change")
    ret = item(d, "junior_retention")
    check(ret["verdict"] == "fail"
          and abs(ret["figures"][0]["value"] - 0.94) < 1e-12,
          "retention computed 940 / 1000 = 94%")
    check(item(d, "recognition")["verdict"] == "fail"
          and abs(d["recognition"]["share"] - 0.797) < 1e-12,
          "recognition (780 + 17) / 1000")
    check(item(d, "resources_schools")["verdict"] == "fail"
          and any(a.startswith("J1 ")
                  for a in item(d, "resources_schools")["to_pass"]),
          "J1 fails the per-school rule")

    # --- a veto --------------------------------------------------------
    d, err = evaluate(tmp, "veto", dict(FACTS, veto_key_schools="是"))
    check(d["verdict"] == "fail" and part(d, "veto")["verdict"] == "fail"
          and all(p["verdict"] == "pass" for p in d["parts"][:4]),
          "a veto fails a county that meets everything else")
    check(item(d, "veto_key_schools")["to_pass"] == ["设置重点学校或重点班：一票否决"],
          "the veto named")

    # --- a fact missing ------------------------------------------------
    facts = dict(FACTS)
    del facts["salary_ratio"]
    facts["moral_education"] = ""
    d, err = evaluate(tmp, "missing", facts)
    check(d["verdict"] == "incomplete", "a missing fact: incomplete, "
          "never pass (%s)" % d["verdict"])
    check([m["id"] for m in d["missing"]]
          == ["salary_ratio", "moral_education"], "missing listed in order")
    check(item(d, "salary")["verdict"] == "incomplete"
          and part(d, "guarantee")["verdict"] == "incomplete",
          "the item and its part are incomplete")
    out, err, rc = run(["evaluate", os.path.join(tmp, "missing-schools.csv"),
                        "--county", os.path.join(tmp, "missing-facts.csv"),
                        "--strict"], 1)
    check(rc == 1 and "未提供的评估事实" in out and "salary_ratio" in out,
          "--strict exits 1; text lists the missing facts")
    # a failure outweighs a missing fact
    d, err = evaluate(tmp, "both", dict(facts, planning_layout="否"))
    check(d["verdict"] == "fail", "fail beats incomplete")

    # --- stated counts that differ -------------------------------------
    d, err = evaluate(tmp, "stated", dict(FACTS, schools_primary="3",
                                          students_junior="1000",
                                          teaching_points_50plus="0"))
    check([(c["id"], c["stated"], c["computed"]) for c in d["contradictions"]]
          == [("schools_primary", 3, 2)], "schools_primary 3 vs 2 reported")
    check(d["verdict"] == "pass", "a contradiction is reported, not judged")
    out, err, rc = run(["evaluate", os.path.join(tmp, "stated-schools.csv"),
                        "--county", os.path.join(tmp, "stated-facts.csv")])
    check("stated-facts.csv:" in out and "填报3，学校数据为2" in out,
          "text names the file and line of the stated count")

    # --- Chinese names, a workbook facts file, 95 percent forms ----------
    wbp = os.path.join(tmp, "facts.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县情"
    ws.append(["青溪县评估事实"])
    ws.append(["项目", "数值", "备注"])
    zh = {"salary_ratio": "教师平均工资收入与当地公务员平均工资收入之比",
          "rotation_share": "交流轮岗教师比例",
          "monitoring_level": "国家义务教育质量监测学业水平"}
    for k, v in FACTS.items():
        ws.append([zh.get(k, k), {"rotation_share": "１０％",
                                  "monitoring_level": "III级"}.get(k, v),
                   "说明" if k == "salary_ratio" else None])
    wb.save(wbp)
    out, err, rc = run(["evaluate", os.path.join(tmp, "pass-schools.csv"),
                        "--county", wbp, "-f", "json"])
    d = json.loads(out)
    check(d["verdict"] == "pass" and item(d, "salary")["figures"][0]["note"]
          == "说明", "workbook facts, Chinese names, full-width 10%, III级")

    # --- bad facts files -----------------------------------------------
    sp = os.path.join(tmp, "pass-schools.csv")
    # Each error in Chinese (the default) and in English (--lang en).
    for name, rows, msg, msg_en in [
        ("unknown", [["item", "value"], ["no_such_item", "1"]],
         "unknown.csv:2:1: 未知的项目“no_such_item”（项目名见 "
         "docs/evaluate.md 或 junheng template --county）",
         "unknown.csv:2:1: unknown item 'no_such_item'"),
        ("share", [["item", "value"], ["rotation_share", "120%"]],
         "share.csv:2:2: rotation_share（交流轮岗教师比例）：“120%”超过100%",
         "share.csv:2:2: rotation_share (交流轮岗教师比例): '120%' is more "
         "than 100%"),
        ("twice", [["item", "value"], ["salary_ratio", "1"],
                   ["教师平均工资收入与当地公务员平均工资收入之比", "1"]],
         "twice.csv:3:1: 项目“教师平均工资收入与当地公务员平均工资收入之比”"
         "填了两次（第一次在第 2 行）",
         "twice.csv:3:1: item '教师平均工资收入与当地公务员平均工资收入之比' "
         "is given twice (first on line 2)"),
        ("yesno", [["item", "value"], ["veto_falsification", "也许"]],
         "yesno.csv:2:2: veto_falsification（弄虚作假）：“也许”不是“是”或“否”",
         "yesno.csv:2:2: veto_falsification (弄虚作假): '也许' is neither 是 "
         "nor 否"),
        ("header", [["a", "b"], ["x", "y"]],
         "header.csv: 县级指标文件的前 10 行中没有表头：需要“项目”（或 item）"
         "列和“值”（或 value）列；模板可用 junheng template --county 生成",
         "header.csv: no header"),
    ]:
        fp = os.path.join(tmp, name + ".csv")
        with open(fp, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        outdir = os.path.join(tmp, "out-" + name)
        out, err, rc = run(["evaluate", sp, "--county", fp, "--out", outdir],
                           3)
        check(rc == 3 and msg in err, "bad facts (%s): %s" % (name,
                                                              err.strip()))
        check(not os.path.exists(os.path.join(outdir, "evaluation.json")),
              "bad facts (%s): no output" % name)
        out, err, rc = run(["evaluate", sp, "--county", fp, "--lang", "en"],
                           3)
        check(rc == 3 and msg_en in err, "bad facts (%s), --lang en: %s"
              % (name, err.strip()))
    out, err, rc = run(["evaluate", sp], 2)
    check(rc == 2 and err == "junheng: 没有给出县级指标文件：请加 --county "
          "FACTS（见“junheng evaluate --help”和 docs/evaluate.md）\n",
          "no facts file: usage error, in Chinese: %r" % err)
    out, err, rc = run(["evaluate", sp, "--lang", "en"], 2)
    check(rc == 2 and err == "junheng: no facts file given: --county FACTS "
          "(see 'junheng evaluate --help' and docs/evaluate.md)\n",
          "no facts file, --lang en: the English message: %r" % err)
    # Without gnuplot the board chart is skipped, the rest written; said in
    # Chinese by default, in English with --lang en.
    for lang, said in (("zh", "；未生成展板图，其余均已写出\n"),
                       ("en", "; the board chart skipped, everything else "
                              "written\n")):
        nogp = os.path.join(tmp, "nogp-" + lang)
        out, err, rc = run(["evaluate",
                            os.path.join(SRC, "datasets", "qingxi-county.csv"),
                            "--county", os.path.join(tmp, "pass-facts.csv"),
                            "--out", nogp, "--gnuplot",
                            os.path.join(tmp, "no-such-gnuplot"),
                            "--lang", lang])
        check(rc == 0 and err.endswith(said) and
              os.path.exists(os.path.join(nogp, "evaluation.xlsx")),
              "no gnuplot (%s): board chart skipped, said as %r: %r"
              % (lang, said, err[-200:]))
    out, err, rc = run(["evaluate"], 2)
    check(rc == 2 and "没有给出学校数据文件" in err,
          "no school file: 没有给出学校数据文件: %r" % err)
    out, err, rc = run(["evaluate",
                        os.path.join(SRC, "datasets", "qingxi-county.csv"),
                        "--county", os.path.join(tmp, "pass-facts.csv"),
                        "--standard", "basic-2012"], 3)
    check(rc == 3 and "[county]" in err, "basic-2012 cannot evaluate")

    # --- the workbook, read back ---------------------------------------
    fail_facts = os.path.join(tmp, "fail-facts.csv")
    outdir = os.path.join(tmp, "wb")
    run(["evaluate", os.path.join(tmp, "fail-schools.csv"), "--county",
         fail_facts, "--out", outdir])
    wb = openpyxl.load_workbook(os.path.join(outdir, "evaluation.xlsx"))
    names = wb.sheetnames
    check(names[:3] == ["总评", "表Ⅰ 基本情况", "汇总"]
          and names[-3:] == ["表Ⅳ 政府保障程度", "表Ⅴ 教育质量",
                             "表Ⅵ 社会认可度"]
          and "表Ⅱ-2 小学" in names and "表Ⅱ-2 初中" in names
          and "学校办学条件" in names, "sheets: %s" % names)
    ws = wb["总评"]
    cells = [[c.value for c in r] for r in ws.iter_rows()]
    check(cells[3][1] == "未达到优质均衡发展要求", "总评 verdict %r"
          % cells[3][1])
    rows = {(r[0], r[1]): r for r in cells if isinstance(r[1], int)}
    check(rows[("政府保障程度", 11)][5] == "未达标"
          and "8%" in rows[("政府保障程度", 11)][3]
          and "须达到≥10%" in rows[("政府保障程度", 11)][6],
          "总评: rotation row with value, result and what to change")
    check(rows[("一票否决", 3)][5] == "达标", "总评: veto rows")
    ws = wb["表Ⅳ 政府保障程度"]
    t4 = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    check(len(t4) == 15 and [r[0] for r in t4] == list(range(1, 16)),
          "表Ⅳ: 15 rows")
    check(t4[10][3] == "否" and t4[0][3] == "是", "表Ⅳ: 是否达标")
    ws = wb["表Ⅴ 教育质量"]
    t5 = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    check(len(t5) == 9 and t5[0][3] == "否" and "94%" in t5[0][2],
          "表Ⅴ: 9 rows, retention 94% fails")
    ws = wb["表Ⅰ 基本情况"]
    t1 = {r[1]: r[2] for r in ws.iter_rows(min_row=3, values_only=True)}
    check(t1["小学数（所）"] == 2 and t1["小学在校生数（人）"] == 1390
          and t1["初中专任教师数（人）"] == 70, "表Ⅰ read back")
    ws = wb["表Ⅵ 社会认可度"]
    t6 = {r[1]: r[2] for r in ws.iter_rows(min_row=3, values_only=True)}
    check(t6["社会认可度（满意人数/有效人数）"] == "=(C5+C7)/(C4+C6)",
          "表Ⅵ: recognition as a live formula")
    check(json.load(open(os.path.join(outdir, "evaluation.json")))["verdict"]
          == "fail", "evaluation.json written")
    if shutil.which("gnuplot"):
        png = os.path.join(outdir, "board.png")
        check(os.path.getsize(png) > 10000
              and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
              and os.path.getsize(os.path.join(outdir, "board.pdf")) > 1000,
              "the board chart, PNG and PDF")
        # a county name with backquotes and a system() call reaches gnuplot
        # only as data: nothing runs
        rows = [list(r) for r in SCHOOLS]
        hostile = '青溪`touch pwned1` system("touch pwned2") @x 县'
        sp = os.path.join(tmp, "hostile.csv")
        with open(sp, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(HEADER + ["county"])
            w.writerows(r + [hostile] for r in rows)
        p = subprocess.run([BIN, "evaluate", sp, "--county", fail_facts,
                            "--out", os.path.join(tmp, "hostile")],
                           capture_output=True, cwd=tmp)
        check(p.returncode == 0
              and os.path.exists(os.path.join(tmp, "hostile", "board.png"))
              and not os.path.exists(os.path.join(tmp, "pwned1"))
              and not os.path.exists(os.path.join(tmp, "pwned2")),
              "a hostile county name runs nothing")
    out, err, rc = run(["evaluate", os.path.join(tmp, "fail-schools.csv"),
                        "--county", fail_facts, "--out", outdir,
                        "--no-charts"])
    check(sorted(os.listdir(outdir)) == [".junheng-manifest", "evaluation.json",
                                         "evaluation.xlsx"],
          "--no-charts: an earlier board is removed")

    # --- the same input gives the same bytes ------------------------------
    for k in (1, 2):
        run(["evaluate", os.path.join(tmp, "fail-schools.csv"), "--county",
             fail_facts, "--out", os.path.join(tmp, "same%d" % k),
             "--no-charts"])
    check(all(open(os.path.join(tmp, "same1", n), "rb").read()
              == open(os.path.join(tmp, "same2", n), "rb").read()
              for n in ("evaluation.xlsx", "evaluation.json")),
          "byte-identical outputs")

    # --- the facts template: filled in, it evaluates ---------------------
    # template --county --out DIR writes DIR/junheng-county-facts.xlsx
    tp = os.path.join(tmp, "facts-dir", "junheng-county-facts.xlsx")
    run(["template", "--county", "--out", os.path.dirname(tp)])
    out, err, rc = run(["template", "--county", "--out",
                        os.path.dirname(tp)], 4)
    check(rc == 4 and "已经存在（可能已经填写）" in err and "--force" in err,
          "template keeps a filled file, saying so in Chinese: %r" % err)
    out, err, rc = run(["template", "--county", "--out",
                        os.path.dirname(tp), "--lang", "en"], 4)
    check(rc == 4 and "already exists" in err,
          "template --lang en: 'already exists' in English")
    wb = openpyxl.load_workbook(tp)
    ws = wb["评估事实"]
    head = [c.value for c in ws[1]]
    check(head[:4] == ["部分", "项目", "名称", "值"], "template header %r" % head)
    keys = [ws.cell(r, 2).value for r in range(2, ws.max_row + 1)]
    check(set(FACTS) <= set(keys) and "schools_primary" in keys,
          "template lists every fact")
    check(any(dv.formula1 == "lists!$A$1:$A$2"
              for dv in ws.data_validations.dataValidation),
          "是/否 drop-downs from the hidden list")
    limits = {ws.cell(r, 2).value: ws.cell(r, 6).value
              for r in range(2, ws.max_row + 1)}
    check(limits["rotation_share"] == "≥10%"
          and limits["special_funds_per_student"] == "≥6000元"
          and limits["monitoring_difference"] == "<0.15"
          and limits["veto_key_schools"] == "否", "limits from the standard")
    for r in range(2, ws.max_row + 1):
        k = ws.cell(r, 2).value
        if k in FACTS:
            ws.cell(r, 4).value = FACTS[k]
    wb.save(tp)
    out, err, rc = run(["evaluate", os.path.join(tmp, "pass-schools.csv"),
                        "--county", tp, "-f", "json"])
    d = json.loads(out)
    check(d["verdict"] == "pass", "the filled template evaluates: %s"
          % d["verdict"])
    out, err, rc = run(["evaluate", os.path.join(tmp, "pass-schools.csv"),
                        "--county", os.path.join(tmp, "county-facts2.xlsx")],
                       3)
    check(rc == 3, "a facts file that does not exist: exit 3")

    # --- the demo county -----------------------------------------------
    out, err, rc = run(["evaluate",
                        os.path.join(SRC, "datasets", "qingxi-county.csv"),
                        "--county",
                        os.path.join(SRC, "datasets",
                                     "qingxi-county-facts.csv"),
                        "-f", "json"])
    d = json.loads(out)
    check(d["verdict"] == "fail"
          and [p["verdict"] for p in d["parts"]]
          == ["fail", "fail", "fail", "pass", "pass"], "demo: fails")
    check(item(d, "rotation")["figures"][1]["verdict"] == "fail",
          "demo: backbone share of rotation 18.6% < 20%")
    check([s["code"] for s in d["small_schools"] if s["verdict"] == "fail"]
          == ["3623010024"], "demo: 黄岭乡岩前教学点 funded for 18 pupils")
    check([c["id"] for c in d["contradictions"]] == ["students_primary"],
          "demo: stated primary pupils differ")
    check(d["table1"]["schools"]["primary"] == 21
          and d["table1"]["teaching_points_50plus"] == 3
          and d["table1"]["students"] == {"primary": 18052, "junior": 12340},
          "demo: 表Ⅰ")

    shutil.rmtree(tmp)
    print("%d passed, %d failed" % (PASSED, FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
