#!/usr/bin/python3
"""End-to-end checks of junheng's workbook (report.xlsx).

Usage:  test_workbook.py JUNHENG_BINARY SOURCE_DIR

Runs `junheng analyze` on the demo county and on small fixtures, reads the
workbook back with openpyxl (formulas, and data_only=True for the cached
results) and checks it against junheng's JSON output:

  - sheet names in Chinese and English;
  - 表Ⅲ: county mean and CV of every level and indicator, live formulas
    whose cached values equal the JSON;
  - the working sheets: value, term, total, mean, SD and CV formulas,
    evaluated here from the raw numbers by a small formula evaluator
    (independent of Excel and LibreOffice), and their cached values, both
    equal to the JSON;
  - 表Ⅱ-1 counts and shares; 表Ⅱ-2: every school with its values, grades,
    classes, verdict and shading;
  - excluded schools and warnings;
  - a county with primary schools only, and one whose multimedia-room mean
    is 0 (the CV is undefined: text 无法计算, not a formula);
  - names such as "=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-2" land as text;
  - two runs give identical bytes; SOURCE_DATE_EPOCH sets the created date.

Prints one line per failed check and a closing "N passed, N failed"; exits
non-zero on any failure.
"""

import datetime
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import openpyxl

PASSED = 0
FAILED = 0


def check(cond, what):
    global PASSED, FAILED
    if cond:
        PASSED += 1
    else:
        FAILED += 1
        print("FAIL: " + what)
    return cond


def close(a, b, rel=1e-9):
    """a and b agree within rel, relative to the larger (1 when both are
    small)."""
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def run(binary, args, cwd, env=None):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    if env:
        e.update(env)
    p = subprocess.run([binary] + args, cwd=cwd, env=e,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        raise RuntimeError("junheng %s exited with %d"
                           % (" ".join(args), p.returncode))
    return p.stdout.decode("utf-8")


def analyze(binary, source, csv, out, lang=None, env=None):
    args = ["analyze", csv, "--out", out, "--no-charts"]
    if lang:
        args += ["--lang", lang]
    run(binary, args, source, env)
    path = os.path.join(out, "report.xlsx")
    return (openpyxl.load_workbook(path),
            openpyxl.load_workbook(path, data_only=True))


# ---------------------------------------------------------------------------
# A small evaluator for the formulas junheng writes: numbers, cell refs
# (optionally 'Sheet'!, $ anchors), + - * / ^, unary minus, parentheses,
# SUM(range) and SQRT(x).  Anything else raises, so that a formula junheng
# starts to write in another form is noticed here.

TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)"
                   r"|(?P<ref>(?:'(?:[^']|'')+'!)?\$?[A-Z]{1,3}\$?\d+"
                   r"(?::\$?[A-Z]{1,3}\$?\d+)?)"
                   r"|(?P<fn>[A-Z]+)\("
                   r"|(?P<op>[-+*/^(),]))")


class Evaluator:
    def __init__(self, wb):
        self.wb = wb
        self.memo = {}

    def cell(self, sheet, coord):
        key = (sheet, coord)
        if key in self.memo:
            return self.memo[key]
        v = self.wb[sheet][coord].value
        if isinstance(v, str) and v.startswith("="):
            v = self.formula(sheet, v)
        elif v is None:
            v = 0.0
        self.memo[key] = v
        return v

    def formula(self, sheet, text):
        # a reference evaluates other formulas: keep this parse's state
        saved = getattr(self, "toks", None), getattr(self, "i", 0), \
            getattr(self, "sheet", None)
        try:
            return self.parse(sheet, text)
        finally:
            self.toks, self.i, self.sheet = saved

    def parse(self, sheet, text):
        self.toks = []
        pos = 1
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError("cannot parse %r at %d" % (text, pos))
            kind = m.lastgroup
            self.toks.append((kind, m.group(kind)))
            pos = m.end()
        self.sheet = sheet
        self.i = 0
        v = self.expr()
        if self.i != len(self.toks):
            raise ValueError("trailing tokens in %r" % text)
        return v

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, op=None):
        t = self.peek()
        if op is not None and t != ("op", op):
            raise ValueError("expected %r, got %r" % (op, t))
        self.i += 1
        return t

    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.power()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            r = self.power()
            v = v * r if op == "*" else v / r
        return v

    def power(self):
        v = self.unary()
        while self.peek() == ("op", "^"):
            self.take()
            v = v ** self.unary()
        return v

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()

    def refs(self, ref):
        sheet = self.sheet
        if "!" in ref:
            name, ref = ref.rsplit("!", 1)
            sheet = name[1:-1].replace("''", "'")
        ref = ref.replace("$", "")
        if ":" in ref:
            cells = self.wb[sheet][ref]
            return [self.cell(sheet, c.coordinate)
                    for row in cells for c in row]
        return [self.cell(sheet, ref)]

    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return float(val)
        if kind == "ref":
            vals = self.refs(val)
            if len(vals) != 1:
                raise ValueError("range %s outside a function" % val)
            return vals[0]
        if kind == "op" and val == "(":
            v = self.expr()
            self.take(")")
            return v
        if kind == "fn":
            args = []
            while True:
                k, v = self.peek()
                if k == "ref" and ":" in v:
                    self.take()
                    args.extend(self.refs(v))
                else:
                    args.append(self.expr())
                if self.peek() == ("op", ","):
                    self.take()
                    continue
                self.take(")")
                break
            if val == "SUM":
                return float(sum(args))
            if val == "SQRT" and len(args) == 1:
                return math.sqrt(args[0])
            raise ValueError("unknown function " + val)
        raise ValueError("unexpected token %r" % ((kind, val),))


# ---------------------------------------------------------------------------
# Helpers to find things in sheets

def is_formula(cell):
    return isinstance(cell.value, str) and cell.value.startswith("=")


def find_row(ws, col, text, start=1):
    for r in range(start, ws.max_row + 1):
        if ws.cell(r, col).value == text:
            return r
    return None


def fill_rgb(cell):
    f = cell.fill
    if f is None or f.fill_type is None:
        return None
    rgb = f.fgColor.rgb if f.fgColor is not None else None
    return rgb[-6:].upper() if isinstance(rgb, str) else None


ZH = {"levels": {"primary": "小学", "junior": "初中"},
      "summary": "汇总", "schools": "表Ⅱ-2 %s", "working": "计算过程-%s",
      "excluded": "排除与提示", "pass": "达标", "fail": "未达标",
      "yes": "是", "no": "否", "total": "合计", "mean": "加权平均数",
      "sd": "标准差", "cv": "差异系数", "undefined": "无法计算",
      "guarantee": "学校办学条件", "diagnostics": "补充分析"}
EN = {"levels": {"primary": "Primary", "junior": "Junior"},
      "summary": "Summary", "schools": "Table II-2 %s",
      "working": "Workings-%s", "excluded": "Excluded and warnings",
      "guarantee": "School conditions", "diagnostics": "Diagnostics"}


def expected_sheets(lang, levels, guarantee=True):
    """The sheets of analyze's workbook; the school-conditions sheet
    (government-guarantee checks) comes after the excluded rows when the
    file has any of its columns, as the demo does; the supplementary
    diagnostics sheet is always last."""
    names = [lang["summary"]]
    names += [lang["schools"] % lang["levels"][l] for l in levels]
    names += [lang["working"] % lang["levels"][l] for l in levels]
    names.append(lang["excluded"])
    if guarantee:
        names.append(lang["guarantee"])
    names.append(lang["diagnostics"])
    return names


# ---------------------------------------------------------------------------
# The checks

def check_table3(wf, wv, data):
    ws, wsv = wf[ZH["summary"]], wv[ZH["summary"]]
    head = None
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == "学段" and ws.cell(r, 5).value == "差异系数":
            head = r
            break
    if not check(head is not None, "表Ⅲ header row not found"):
        return
    rows = {}
    r = head + 1
    while ws.cell(r, 1).value in ZH["levels"].values():
        rows[(ws.cell(r, 1).value, ws.cell(r, 2).value)] = r
        r += 1
    for lv in data["levels"]:
        lname = ZH["levels"][lv["level"]]
        for ind in lv["indicators"]:
            what = "表Ⅲ %s %s" % (lv["level"], ind["id"])
            match = [row for (l, n), row in rows.items()
                     if l == lname and isinstance(n, str)
                     and n.startswith(ind["name"])]
            if not check(len(match) == 1, what + ": row not found"):
                continue
            r = match[0]
            check(close(wsv.cell(r, 3).value, ind["threshold"]),
                  what + ": threshold")
            mean, cv = ws.cell(r, 4), ws.cell(r, 5)
            check(is_formula(mean) and "!" in mean.value,
                  what + ": mean is not a formula into the working sheet")
            check(close(wsv.cell(r, 4).value, ind["mean"]),
                  what + ": cached mean %r != %r"
                  % (wsv.cell(r, 4).value, ind["mean"]))
            check(mean.number_format == "0.00", what + ": mean format")
            if ind["cv"] is None:
                check(cv.value == ZH["undefined"] and cv.data_type == "s",
                      what + ": undefined CV not shown as text")
            else:
                check(is_formula(cv) and "!" in cv.value,
                      what + ": CV is not a formula into the working sheet")
                check(close(wsv.cell(r, 5).value, ind["cv"]),
                      what + ": cached CV %r != %r"
                      % (wsv.cell(r, 5).value, ind["cv"]))
                check(cv.number_format == "0.000", what + ": CV format")
            check(close(wsv.cell(r, 6).value, ind["cv_limit"]),
                  what + ": CV limit")
            check(ws.cell(r, 7).value ==
                  (ZH["pass"] if ind["cv_pass"] else ZH["fail"]),
                  what + ": verdict")
            note = ws.cell(r, 8).value
            check(bool(note) == (ind["cv_print_disagrees"]
                                 or ind["cv"] is None),
                  what + ": note %r" % note)
    check(len(rows) == sum(len(l["indicators"]) for l in data["levels"]),
          "表Ⅲ has %d rows" % len(rows))


def check_table21(wf, wv, data):
    ws, wsv = wf[ZH["summary"]], wv[ZH["summary"]]
    head = None
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == "学段" and ws.cell(r, 4).value == "达标学校数":
            head = r
            break
    if not check(head is not None, "表Ⅱ-1 header row not found"):
        return
    r = head + 1
    for lv in data["levels"]:
        lname = ZH["levels"][lv["level"]]
        for ind in lv["indicators"]:
            what = "表Ⅱ-1 %s %s" % (lv["level"], ind["id"])
            check(ws.cell(r, 1).value == lname and
                  str(ws.cell(r, 2).value).startswith(ind["name"]),
                  what + ": row out of place")
            met = lv["schools"] - ind["below_threshold"]
            check(wsv.cell(r, 4).value == met, what + ": schools meeting")
            check(wsv.cell(r, 5).value == lv["schools"], what + ": schools")
            check(is_formula(ws.cell(r, 6)) and
                  close(wsv.cell(r, 6).value, met / lv["schools"]),
                  what + ": share")
            check(ws.cell(r, 6).number_format == "0.0%",
                  what + ": share format")
            r += 1
        check(ws.cell(r, 2).value == "学校综合达标" and
              wsv.cell(r, 4).value == lv["schools_passing"],
              "表Ⅱ-1 %s: schools passing the per-school rule"
              % lv["level"])
        r += 1
    verdict = find_row(ws, 1, "总体结论", head)
    check(verdict is not None and ws.cell(verdict, 7).value ==
          (ZH["pass"] if data["pass"] else ZH["fail"]),
          "overall verdict")
    for lv in data["levels"]:
        r = find_row(ws, 1, ZH["levels"][lv["level"]], verdict - 3)
        check(r is not None and ws.cell(r, 7).value ==
              (ZH["pass"] if lv["pass"] else ZH["fail"]),
              "level verdict %s" % lv["level"])


def check_working(wf, wv, data):
    ev = Evaluator(wf)
    for lv in data["levels"]:
        name = ZH["working"] % ZH["levels"][lv["level"]]
        ws, wsv = wf[name], wv[name]
        schools = [s for s in data["schools"] if s["level"] == lv["level"]]
        rows = {k: find_row(ws, 2, ZH[k]) for k in
                ("total", "mean", "sd", "cv")}
        if not check(all(rows.values()), name + ": footer rows missing"):
            continue
        first = rows["total"] - len(schools)
        check(ws.cell(first - 1, 5).value == "分子",
              name + ": %d school rows expected" % len(schools))
        for j, s in enumerate(schools):
            r = first + j
            check(ws.cell(r, 2).value == s["name"] and
                  ws.cell(r, 2).data_type == "s",
                  name + ": row %d is %r, not %r"
                  % (r, ws.cell(r, 2).value, s["name"]))
            check(close(wsv.cell(r, 3).value, s["students"]),
                  name + ": students of " + s["code"])
            check(close(wsv.cell(r, 4).value, s["physical_share"]),
                  name + ": physical share of " + s["code"])
        check(is_formula(ws.cell(rows["total"], 3)) and
              close(ev.cell(name, ws.cell(rows["total"], 3).coordinate),
                    lv["students"]),
              name + ": total students")
        for k, ind in enumerate(lv["indicators"]):
            cn, cx, ct = 5 + 3 * k, 6 + 3 * k, 7 + 3 * k
            what = "%s %s" % (name, ind["id"])
            check(str(ws.cell(first - 2, cn).value).startswith(ind["name"]),
                  what + ": block header")
            sum_terms = sum(s["students"] * (s["values"][ind["id"]] -
                                             ind["mean"]) ** 2
                            for s in schools)
            for j, s in enumerate(schools):
                r = first + j
                x = s["values"][ind["id"]]
                term = s["students"] * (x - ind["mean"]) ** 2
                for col, want, label in ((cx, x, "value"),
                                         (ct, term, "term")):
                    c = ws.cell(r, col)
                    tol = 1e-9 if label == "value" else \
                        1e-9 * max(1.0, sum_terms) / max(1.0, abs(term))
                    check(is_formula(c), "%s %s of %s is not a formula"
                          % (what, label, s["code"]))
                    check(close(wsv.cell(r, col).value, want, tol),
                          "%s cached %s of %s: %r != %r" % (
                              what, label, s["code"],
                              wsv.cell(r, col).value, want))
                    got = ev.cell(name, c.coordinate)
                    check(close(got, want, tol),
                          "%s %s of %s evaluates to %r, not %r" % (
                              what, label, s["code"], got, want))
            for key, col, want in (("total", cn, ind["total"]),
                                   ("total", ct, sum_terms),
                                   ("mean", cx, ind["mean"]),
                                   ("sd", cx, ind["sd"]),
                                   ("cv", cx, ind["cv"])):
                c = ws.cell(rows[key], col)
                if want is None:
                    check(c.value == ZH["undefined"],
                          what + ": undefined CV not shown as text")
                    continue
                check(is_formula(c), "%s %s is not a formula" % (what, key))
                check(close(wsv.cell(rows[key], col).value, want),
                      "%s cached %s %r != %r" % (
                          what, key, wsv.cell(rows[key], col).value, want))
                got = ev.cell(name, c.coordinate)
                check(close(got, want),
                      "%s %s evaluates to %r, not %r" % (what, key, got,
                                                         want))
        texts = [ws.cell(r, 1).value for r in range(rows["cv"] + 1,
                                                    ws.max_row + 1)]
        check(any(isinstance(t, str) and t.startswith("差异系数 = 标准差")
                  for t in texts), name + ": formula note missing")


def check_schools(wf, wv, data):
    for lv in data["levels"]:
        name = ZH["schools"] % ZH["levels"][lv["level"]]
        ws, wsv = wf[name], wv[name]
        head = find_row(ws, 1, "序号")
        if not check(head is not None, name + ": header row not found"):
            continue
        check(ws.freeze_panes is not None and
              ws.freeze_panes.endswith(str(head + 1)),
              name + ": header not frozen (%r)" % ws.freeze_panes)
        check(ws.print_title_rows is not None and
              str(head) in ws.print_title_rows,
              name + ": header rows not repeated when printed")
        check(ws.page_setup.orientation == "landscape" and
              str(ws.page_setup.paperSize) == "9",
              name + ": not A4 landscape")
        cols = {ws.cell(head, c).value: c
                for c in range(1, ws.max_column + 1)}
        for ind in lv["indicators"]:
            check(any(isinstance(h, str) and h.startswith(ind["name"]) and
                      "（" in h for h in cols),
                  name + ": no header with unit for " + ind["id"])
        schools = [s for s in data["schools"] if s["level"] == lv["level"]]
        check(ws.max_row - head == len(schools),
              name + ": %d rows for %d schools" % (ws.max_row - head,
                                                  len(schools)))
        for j, s in enumerate(schools):
            r = head + 1 + j
            what = "%s %s" % (name, s["code"])
            check(wsv.cell(r, 1).value == j + 1, what + ": 序号")
            check(ws.cell(r, 2).value == s["code"] and
                  ws.cell(r, 2).data_type == "s", what + ": code")
            check(ws.cell(r, 3).value == s["name"] and
                  ws.cell(r, 3).data_type == "s", what + ": name")
            check(close(wsv.cell(r, 6).value, s["students"]),
                  what + ": students")
            grades = ws.cell(r, 7).value
            if s["type"] == "teaching_point":
                check(grades is None, what + ": grades of a teaching point")
            else:
                check(grades == (6 if s["level"] == "primary" else 3),
                      what + ": grades %r" % grades)
            for k, ind in enumerate(lv["indicators"]):
                c = ws.cell(r, 9 + k)
                check(close(c.value, s["values"][ind["id"]]),
                      "%s %s: %r != %r" % (what, ind["id"], c.value,
                                           s["values"][ind["id"]]))
                check(c.number_format == "0.00", what + ": value format")
                rgb = fill_rgb(c)
                if ind["id"] in s["partial"]:
                    check(rgb == "FFEB9C", "%s %s: partial not amber (%r)"
                          % (what, ind["id"], rgb))
                elif ind["id"] in s["failed"]:
                    check(rgb == "FFC7CE", "%s %s: miss not red (%r)"
                          % (what, ind["id"], rgb))
                else:
                    check(rgb is None, "%s %s: met but shaded %r"
                          % (what, ind["id"], rgb))
            n = 9 + len(lv["indicators"])
            check(ws.cell(r, n).value == s["met"], what + ": met count")
            verdict = ws.cell(r, n + 1)
            check(verdict.value == (ZH["yes"] if s["pass"] else ZH["no"]),
                  what + ": verdict")
            if not s["pass"]:
                check(verdict.font.color is not None and
                      str(verdict.font.color.rgb).upper().endswith("C00000"),
                      what + ": failing verdict not red")
            remark = ws.cell(r, n + 2).value
            check(isinstance(remark, str) and
                  remark.startswith("达标指标" if s["met"] else "未达标"),
                  what + ": remark %r" % remark)


def check_excluded(wf, data):
    ws = wf[ZH["excluded"]]
    for e in data["excluded"]:
        r = find_row(ws, 2, e["code"])
        check(r is not None and ws.cell(r, 3).value == e["name"] and
              ws.cell(r, 2).data_type == "s" and ws.cell(r, 5).value,
              "excluded school %s not listed" % e["code"])
    messages = [ws.cell(r, 4).value for r in range(1, ws.max_row + 1)]
    for w in data["warnings"]:
        # The Chinese workbook gives the Chinese text of a warning.
        text = w.get("message_zh", w["message"])
        check(text in messages, "warning not listed in Chinese: " + text)


def check_demo(binary, source, tmp):
    out = os.path.join(tmp, "zh")
    data = json.loads(run(binary, ["analyze", "datasets/qingxi-county.csv",
                                   "-f", "json"], source))
    wf, wv = analyze(binary, source, "datasets/qingxi-county.csv", out)
    levels = [l["level"] for l in data["levels"]]
    check(wf.sheetnames == expected_sheets(ZH, levels),
          "sheet names %r" % wf.sheetnames)
    check(wf.properties.title and data["county"] in wf.properties.title,
          "document title %r" % wf.properties.title)
    check(wf[ZH["summary"]]["B2"].value == data["county"],
          "county %r" % wf[ZH["summary"]]["B2"].value)
    check([w.get("message_zh", "")[-12:] for w in data["warnings"]] ==
          ["只填了全校合计，按各学段在校生数比例分摊"[-12:]],
          "the demo's one warning has its Chinese text: %r" % data["warnings"])
    check_table3(wf, wv, data)
    check_table21(wf, wv, data)
    check_working(wf, wv, data)
    check_schools(wf, wv, data)
    check_excluded(wf, data)

    wf, _ = analyze(binary, source, "datasets/qingxi-county.csv",
                    os.path.join(tmp, "en"), lang="en")
    check(wf.sheetnames == expected_sheets(EN, levels),
          "English sheet names %r" % wf.sheetnames)
    ws = wf[EN["schools"] % EN["levels"]["primary"]]
    check(find_row(ws, 1, "No.") is not None, "English headers")


# Names that a spreadsheet would run as formulas if written as formulas.
EVIL = ["=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-2",
        "=HYPERLINK(\"http://x\",\"y\")"]


def check_injection(binary, source, tmp):
    with open(os.path.join(source, "datasets", "qingxi-county.csv"),
              encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    # rows 1-4 (primary), 28 (junior) and 24 (a teaching point under 50,
    # excluded) get the names; quote them as RFC 4180 says.
    # The county is named after a 县区 column when there is one, else after
    # the file: "@county" either way.
    header = lines[0].split(",")
    col_name = header.index("学校名称")
    col_county = header.index("县区") if "县区" in header else None
    targets = {1: EVIL[0], 2: EVIL[1], 28: EVIL[2], 3: EVIL[3], 24: EVIL[4]}
    for i in range(1, len(lines)):
        cells = lines[i].split(",")
        if i in targets:
            cells[col_name] = '"' + targets[i].replace('"', '""') + '"'
        if col_county is not None:
            cells[col_county] = "@county"
        lines[i] = ",".join(cells)
    fixture = os.path.join(tmp, "@county.csv")
    with open(fixture, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    wf, _ = analyze(binary, source, fixture, os.path.join(tmp, "evil"))
    for name in targets.values():
        found = 0
        for ws in wf.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.value == name:
                        found += 1
                        check(c.data_type == "s",
                              "%s!%s: %r is not text (type %r)"
                              % (ws.title, c.coordinate, name, c.data_type))
        check(found >= 1, "name %r not found as text anywhere" % name)
    ws = wf[ZH["summary"]]
    check(ws["B2"].value == "@county" and ws["B2"].data_type == "s",
          "county name %r is not text" % ws["B2"].value)
    # the title starts with the county name: still text
    check(ws["A1"].data_type == "s" and str(ws["A1"].value).startswith("@"),
          "title %r is not text" % ws["A1"].value)


def check_one_level(binary, source, tmp):
    """Only primary schools: no junior sheets, no junior rows, no warnings
    (the "none" line instead)."""
    with open(os.path.join(source, "datasets", "qingxi-county.csv"),
              encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    col = lines[0].split(",").index("学校类型")
    lines = [lines[0]] + [l for l in lines[1:]
                          if l.split(",")[col] in ("小学", "教学点")]
    fixture = os.path.join(tmp, "primary.csv")
    with open(fixture, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    data = json.loads(run(binary, ["analyze", fixture, "-f", "json"],
                          source))
    check([l["level"] for l in data["levels"]] == ["primary"],
          "fixture should have primary schools only")
    wf, wv = analyze(binary, source, fixture, os.path.join(tmp, "primary"))
    check(wf.sheetnames == expected_sheets(ZH, ["primary"]),
          "one-level sheet names %r" % wf.sheetnames)
    check_table3(wf, wv, data)
    check_table21(wf, wv, data)
    check_working(wf, wv, data)
    check_schools(wf, wv, data)
    check_excluded(wf, data)
    if not data["warnings"]:
        ws = wf[ZH["excluded"]]
        check(find_row(ws, 1, "无") is not None, "no 无 line without warnings")


def check_undefined_cv(binary, source, tmp):
    """No school has a multimedia room: the mean is 0, the CV undefined."""
    with open(os.path.join(source, "datasets", "qingxi-county.csv"),
              encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    col = lines[0].split(",").index("网络多媒体教室数(间)")
    for i in range(1, len(lines)):
        cells = lines[i].split(",")
        cells[col] = "0"
        lines[i] = ",".join(cells)
    fixture = os.path.join(tmp, "norooms.csv")
    with open(fixture, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    data = json.loads(run(binary, ["analyze", fixture, "-f", "json"],
                          source))
    undefined = [(l["level"], i["id"]) for l in data["levels"]
                 for i in l["indicators"] if i["cv"] is None]
    check(len(undefined) == len(data["levels"]),
          "fixture should leave one CV undefined per level: %r" % undefined)
    wf, wv = analyze(binary, source, fixture, os.path.join(tmp, "undef"))
    check_table3(wf, wv, data)
    check_working(wf, wv, data)


def check_determinism(binary, source, tmp):
    paths = []
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    zero = {"SOURCE_DATE_EPOCH": "0"}  # 0 must not mean "now"
    for i, env in enumerate((None, None, epoch, epoch, zero, zero)):
        out = os.path.join(tmp, "det%d" % i)
        analyze(binary, source, "datasets/qingxi-county.csv", out, env=env)
        paths.append(os.path.join(out, "report.xlsx"))
        if i % 2 == 0:
            time.sleep(2.1)  # zip entry times have a 2-second resolution
    blobs = [open(p, "rb").read() for p in paths]
    check(blobs[0] == blobs[1],
          "two runs without SOURCE_DATE_EPOCH differ")
    check(blobs[2] == blobs[3],
          "two runs with SOURCE_DATE_EPOCH=1700000000 differ")
    check(blobs[4] == blobs[5], "two runs with SOURCE_DATE_EPOCH=0 differ")
    created = openpyxl.load_workbook(paths[2]).properties.created
    check(created == datetime.datetime(2023, 11, 14, 22, 13, 20),
          "created %r, not 2023-11-14 22:13:20" % created)
    created = openpyxl.load_workbook(paths[0]).properties.created
    check(created == datetime.datetime(2020, 1, 1, 0, 0, 0),
          "created %r without SOURCE_DATE_EPOCH" % created)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: test_workbook.py JUNHENG_BINARY SOURCE_DIR")
    binary = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="jh-workbook-")
    try:
        for part in (check_demo, check_injection, check_one_level,
                     check_undefined_cv, check_determinism):
            try:
                part(binary, source, tmp)
            except (KeyError, ValueError, TypeError, IndexError,
                    AttributeError, ZeroDivisionError, RuntimeError,
                    OSError) as e:
                check(False, "%s raised %s: %s" % (part.__name__,
                                                   type(e).__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (PASSED, FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
