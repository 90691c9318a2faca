#!/usr/bin/python3
"""End-to-end tests of reading workbooks, run by CTest:

    test_excel.py JUNHENG_BINARY SOURCE_DIR

The demo county (datasets/qingxi-county.csv) is written into workbooks of
several makes and shapes, and each must analyze to exactly the figures of
the CSV (compared like tests/cli/compare_json.py does):

  (a) openpyxl: a title row, a two-row merged header of both shapes (a
      group label over full names, a column name over its sections), numbers
      as text ("9,573", full-width digits), inline strings, no
      sharedStrings.xml, absolute relationship targets, and a first sheet
      without the required columns;
  (b) `junheng template` (libxlsxwriter, shared strings) filled by openpyxl;
  (c) LibreOffice's .xlsx and .xls of the CSV, when soffice exists;
  (d) tests/data/hand3.xls, a committed LibreOffice .xls (see
      tests/data/README-xls.md), against tests/data/hand3.csv.

Errors: a #DIV/0! cell and a blank required value give exit 3 naming the
cell, and `junheng check` lists both.  Needs /usr/bin/python3 with
python3-openpyxl.
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

BIN, SRC = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(SRC, "tests", "cli"))
import compare_json  # noqa: E402

DEMO = os.path.join(SRC, "datasets", "qingxi-county.csv")
TMP = tempfile.mkdtemp(prefix="jh-excel-")
passed = failed = 0


def ok(name):
    global passed
    passed += 1
    print("ok: " + name)


def bad(name, why=""):
    global failed
    failed += 1
    print("FAIL: %s%s" % (name, (": " + why) if why else ""))


def run(*args, env=None):
    p = subprocess.run([BIN] + list(args), capture_output=True, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace")


def analyze_json(path, *extra):
    rc, out, err = run("analyze", path, "-f", "json", "--no-charts", *extra)
    if rc != 0:
        return None, "exit %d: %s" % (rc, err[:500])
    return json.loads(out), err


def same_figures(name, baseline, path, *extra):
    got, err = analyze_json(path, *extra)
    if got is None:
        bad(name, err)
        return None
    diffs = []
    compare_json.compare(baseline, got, "$", diffs)
    if diffs:
        bad(name, "; ".join(diffs[:5]))
    else:
        ok(name + ": same figures as the CSV")
    return err


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def number(text):
    """The CSV's text as the number a spreadsheet would hold."""
    if text == "":
        return None
    v = float(text)
    return int(v) if v == int(v) and "." not in text else v


FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")

header, rows = read_csv(DEMO)
col = {h: i for i, h in enumerate(header)}
TEXT_COLS = {"学校代码", "学校名称", "学校类型", "城乡类型", "举办者类型",
             "所属学校代码", "纳入计算"}


def reference(path):
    return json.loads(subprocess.run(
        ["/usr/bin/python3", os.path.join(SRC, "tests/cli/reference.py"),
         path], capture_output=True, check=True).stdout)


# The baseline: the independent reference implementation's figures for the
# CSV (only the contract fields: file names and lines may differ); the CSV
# through junheng must agree with it first.
baseline = reference(DEMO)
csv_json, _ = analyze_json(DEMO)
d = []
if csv_json is not None:
    compare_json.compare(baseline, csv_json, "$", d)
if csv_json is None or d:
    bad("CSV analysis agrees with reference.py", "; ".join(d[:3]))
    sys.exit(1)
ok("CSV analysis agrees with reference.py")

# --------------------------------------------------------------------------
# (a) openpyxl: title row, merged two-row header of both shapes, text numbers

# Column layout: (top label or None, bottom label or None, CSV header).
# A label merged over both rows has bottom None; a group label stands only
# in the first cell of its span (top None after it).
LAYOUT = [
    ("学校基本情况", "学校代码", "学校代码"),
    (None, "学校名称", "学校名称"),
    (None, "学校类型", "学校类型"),
    (None, "城乡类型", "城乡类型"),
    (None, "举办者类型", "举办者类型"),
    ("在校生数", "小学", "小学在校生数"),
    (None, "初中", "初中在校生数"),
    (None, "高中", "高中在校生数"),
    ("班级数", "小学", "小学班级数"),
    (None, "初中", "初中班级数"),
    ("高于规定学历教师数", "合计", "高于规定学历教师数"),
    (None, "小学", "小学高于规定学历教师数"),
    (None, "初中", "初中高于规定学历教师数"),
    ("县级以上骨干教师数", "合计", "县级以上骨干教师数"),
    (None, "小学", "小学县级以上骨干教师数"),
    (None, "初中", "初中县级以上骨干教师数"),
    ("体育艺术专任教师数", "合计", "体育艺术专任教师数"),
    (None, "小学", "小学体育艺术专任教师数"),
    (None, "初中", "初中体育艺术专任教师数"),
    ("校舍及设备", "教学及辅助用房面积(平方米)", "教学及辅助用房面积(平方米)"),
    (None, "体育运动场馆面积(平方米)", "体育运动场馆面积(平方米)"),
    (None, "教学仪器设备值(万元)", "教学仪器设备值(万元)"),
    (None, "网络多媒体教室数(间)", "网络多媒体教室数(间)"),
    ("所属学校代码", None, "所属学校代码"),
    ("纳入计算", None, "纳入计算"),
]
TITLE_ROWS = 2  # a title, then a blank row
HEAD = TITLE_ROWS + 1  # first header row (1-based)


def openpyxl_book(path, mutate=None):
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本表由各校填报，数据截至2023年9月。"
    notes["A2"] = "学校名称"  # one header word alone is no header
    ws = wb.create_sheet("学校数据")
    ws.cell(row=1, column=1, value="青溪县义务教育学校基本情况表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1,
                   end_column=len(LAYOUT))
    span_start = None
    for j, (top, bottom, _) in enumerate(LAYOUT, start=1):
        if top is not None:
            ws.cell(row=HEAD, column=j, value=top)
        if bottom is not None:
            ws.cell(row=HEAD + 1, column=j, value=bottom)
        else:
            ws.merge_cells(start_row=HEAD, start_column=j, end_row=HEAD + 1,
                           end_column=j)
    # horizontal spans of the group labels
    j = 0
    while j < len(LAYOUT):
        if LAYOUT[j][0] is not None and LAYOUT[j][1] is not None:
            k = j + 1
            while k < len(LAYOUT) and LAYOUT[k][0] is None:
                k += 1
            if k - j > 1:
                ws.merge_cells(start_row=HEAD, start_column=j + 1,
                               end_row=HEAD, end_column=k)
            j = k
        else:
            j += 1
    texts = {}
    for i, r in enumerate(rows):
        excel_row = HEAD + 2 + i
        for j, (_, _, h) in enumerate(LAYOUT, start=1):
            text = r[col[h]]
            if h in TEXT_COLS:
                value = text if text != "" else None
            else:
                value = number(text)
                # numbers as text, as people type them
                if h == "教学及辅助用房面积(平方米)" and i < 5:
                    value = "{:,}".format(value)
                    texts[(excel_row, j)] = value
                if h == "小学在校生数" and i in (1, 2):
                    value = text.translate(FULLWIDTH)
                    texts[(excel_row, j)] = value
                if h == "教学仪器设备值(万元)" and i == 3:
                    value = text.translate(FULLWIDTH)
                    texts[(excel_row, j)] = value
            ws.cell(row=excel_row, column=j, value=value)
    if mutate:
        mutate(ws)
    wb.save(path)
    return texts


a_path = os.path.join(TMP, "a-openpyxl.xlsx")
texts = openpyxl_book(a_path)
with zipfile.ZipFile(a_path) as z:
    names = z.namelist()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    sheet2 = z.read("xl/worksheets/sheet2.xml").decode()
if "xl/sharedStrings.xml" in names or 'Target="/xl/worksheets/' not in rels \
        or 't="inlineStr"' not in sheet2:
    bad("(a) fixture has inline strings, no sharedStrings, absolute targets")
else:
    ok("(a) fixture has inline strings, no sharedStrings, absolute targets")
err = same_figures("(a) openpyxl, title row, merged header, text numbers",
                   baseline, a_path)
if err is not None:
    (r0, c0), v0 = sorted(texts.items())[0]
    cell = "学校数据!%s%d" % (get_column_letter(c0), r0)
    if cell in err and "按" in err and "读取" in err:
        ok("(a) text number '%s' warned at %s" % (v0, cell))
    else:
        bad("(a) text number warning names %s" % cell, err[:300])
    nwarn = sum(1 for line in err.splitlines() if "读取" in line)
    if nwarn == len(texts):
        ok("(a) one warning per text number (%d)" % nwarn)
    else:
        bad("(a) warnings per text number", "%d != %d" % (nwarn, len(texts)))

# --sheet by name and by number; a sheet that does not exist
same_figures("(a) --sheet 学校数据", baseline, a_path, "--sheet", "学校数据")
same_figures("(a) --sheet 2", baseline, a_path, "--sheet", "2")
rc, out, err = run("analyze", a_path, "--sheet", "没有", "-f", "json")
if rc == 3 and "工作簿中没有工作表“没有”（现有工作表：" in err and \
        "“学校数据”" in err:
    ok("(a) unknown sheet: exit 3, sheets listed (Chinese)")
else:
    bad("(a) unknown sheet", "exit %d: %s" % (rc, err[:200]))
rc, out, err = run("analyze", a_path, "--sheet", "没有", "-f", "json",
                   "--lang", "en")
if rc == 3 and "no sheet '没有'" in err and "'学校数据'" in err:
    ok("(a) unknown sheet: the sheets listed in English with --lang en")
else:
    bad("(a) unknown sheet --lang en", "exit %d: %s" % (rc, err[:200]))
rc, out, err = run("analyze", a_path, "--sheet", "1", "-f", "json")
if rc == 3 and "学校代码" in err:
    ok("(a) --sheet 1 (no header): exit 3 naming the missing column")
else:
    bad("(a) --sheet 1", "exit %d: %s" % (rc, err[:200]))

# Errors: #DIV/0! in a required cell, a blank required value.
DIV_ROW, BLANK_ROW = HEAD + 2 + 6, HEAD + 2 + 0  # evaluated schools
area_col = [h for _, _, h in LAYOUT].index("体育运动场馆面积(平方米)") + 1
rooms_col = [h for _, _, h in LAYOUT].index("网络多媒体教室数(间)") + 1
div_cell = "学校数据!%s%d" % (get_column_letter(area_col), DIV_ROW)
blank_cell = "学校数据!%s%d" % (get_column_letter(rooms_col), BLANK_ROW)


def put_div(ws):
    ws.cell(row=DIV_ROW, column=area_col, value="#DIV/0!")  # t="e"


def put_blank(ws):
    # (ws.cell(..., value=None) would leave the value as it is)
    ws.cell(row=BLANK_ROW, column=rooms_col).value = None


def put_both(ws):
    put_div(ws)
    put_blank(ws)


for label, mutate, cell, words in (
        ("#DIV/0! cell", put_div, div_cell, "#DIV/0!"),
        ("blank required value", put_blank, blank_cell, "空白不等于零，没有请填 0")):
    p = os.path.join(TMP, "err-%s.xlsx" % mutate.__name__)
    openpyxl_book(p, mutate)
    rc, out, err = run("analyze", p, "-f", "json", "--no-charts")
    if rc == 3 and cell in err and words in err:
        ok("(a) %s: exit 3 naming %s" % (label, cell))
    else:
        bad("(a) %s" % label, "exit %d: %s" % (rc, err[:300]))
p = os.path.join(TMP, "err-both.xlsx")
openpyxl_book(p, put_both)
rc, out, err = run("check", p)
if rc == 3 and div_cell in out and blank_cell in out:
    ok("check lists both errors (exit 3)")
else:
    bad("check lists both errors", "exit %d: %s" % (rc, (out + err)[:400]))
rc, out, err = run("check", p, "-f", "json")
try:
    j = json.loads(out)
    cells = sorted(e["cell"] for e in j["errors"])
    assert rc == 3 and j["ok"] is False and cells == sorted([div_cell,
                                                               blank_cell])
    ok("check -f json: the two cells, ok false")
except (ValueError, AssertionError, KeyError, TypeError) as e:
    bad("check -f json", "exit %d: %r %s" % (rc, e, out[:300]))
rc, out, err = run("check", a_path, "-f", "json")
try:
    j = json.loads(out)
    lv = {x["level"]: x for x in j["levels"]}
    assert rc == 0 and j["ok"] is True, (rc, j["errors"][:2])
    assert lv["primary"]["units"] == 28 and lv["junior"]["units"] == 15
    assert lv["primary"]["students"] == 17868
    assert sorted(x["reason"] for x in j["excluded"]) == sorted(
        ["small_teaching_point"] * 3 + ["include_no", "special",
                                         "vocational"])
    ok("check on the clean workbook: exit 0, 28 + 15 units, 6 left out")
except (ValueError, AssertionError, KeyError) as e:
    bad("check on the clean workbook", repr(e)[:300])

# --------------------------------------------------------------------------
# (b) junheng template, filled with the demo by openpyxl

# template --out DIR writes DIR/junheng-template.xlsx (docs/options.md).
tpl = os.path.join(TMP, "tpl", "junheng-template.xlsx")
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
rc, out, err = run("template", "--out", os.path.dirname(tpl), env=env)
if rc != 0:
    bad("(b) template written", err)
else:
    ok("(b) template written")
    tpl2 = os.path.join(TMP, "tpl2", "junheng-template.xlsx")
    run("template", "--out", os.path.dirname(tpl2), env=env)
    if open(tpl, "rb").read() == open(tpl2, "rb").read():
        ok("(b) template bytes are reproducible")
    else:
        bad("(b) template bytes are reproducible")
    # The example rows (marked 示例) are never counted: the unfilled
    # template is refused, naming them (tests/cli/test_trust_input.sh).
    rc, out, err = run("analyze", tpl, "-f", "json", "--no-charts")
    # (The message is Chinese by default since issue 15.)
    if rc == 3 and "只有模板的示例行" in err \
            and "第2至9行" in err:
        ok("(b) the unfilled template (example rows only) is refused")
    else:
        bad("(b) the unfilled template is refused", err[:300])
    rc, out, err = run("check", tpl)
    if rc == 3 and "示例行" in err:
        ok("(b) check refuses the example rows too")
    else:
        bad("(b) check on the example rows", out[:400] + err[:300])

    with zipfile.ZipFile(tpl) as z:
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
        has_sst = "xl/sharedStrings.xml" in z.namelist()
    if has_sst and "lists!$A$1:$A$8" in sheet1 and 'type="decimal"' in sheet1 \
            and "<pane " in sheet1 and "promptTitle" in sheet1:
        ok("(b) template: shared strings, list from the hidden sheet, "
           "number checks, hints, frozen header")
    else:
        bad("(b) template validations")

    wb = load_workbook(tpl)
    ws = wb.worksheets[0]
    theader = [c.value for c in ws[1]]
    tcol = {h: i + 1 for i, h in enumerate(theader) if h}
    ws.delete_rows(2, ws.max_row)

    def tset(row, name, value):
        ws.cell(row=row, column=tcol[name], value=value)

    TEACH = ["高于规定学历教师数", "县级以上骨干教师数", "体育艺术专任教师数"]
    for i, r in enumerate(rows):
        row = 2 + i
        g = lambda h: r[col[h]]  # noqa: E731
        tset(row, "学校代码", g("学校代码"))
        tset(row, "学校名称", g("学校名称"))
        for h in ("学校类型", "城乡类型", "举办者类型", "所属学校代码",
                  "纳入计算"):
            tset(row, h, g(h) or None)
        for lvl in ("小学", "初中", "高中"):
            tset(row, lvl + "在校生数(人)", number(g(lvl + "在校生数")))
        for lvl in ("小学", "初中"):
            tset(row, lvl + "班级数(个)", number(g(lvl + "班级数")))
        pupils = [number(g(lvl + "在校生数")) or 0
                  for lvl in ("小学", "初中", "高中")]
        total = sum(pupils)
        t = g("学校类型")
        for q in TEACH:
            whole = number(g(q))
            for k, lvl in enumerate(("小学", "初中")):
                v = number(g(lvl + q))
                if v is None and whole is not None:
                    if t in ("小学", "教学点") and k == 0 or \
                            t == "初中" and k == 1:
                        v = whole
                    elif t in ("九年一贯制学校",) and total > 0:
                        v = whole * (pupils[k] / total)  # as junheng splits
                tset(row, lvl + q + "(人)", v)
        for src, dst in (("教学及辅助用房面积(平方米)", "教学及辅助用房面积(平方米)"),
                         ("体育运动场馆面积(平方米)", "体育运动场馆面积(平方米)"),
                         ("教学仪器设备值(万元)", "教学仪器设备值(万元)"),
                         ("网络多媒体教室数(间)", "网络多媒体教室数(间)")):
            tset(row, dst, number(g(src)))
    filled = os.path.join(TMP, "b-template-filled.xlsx")
    wb.save(filled)
    same_figures("(b) template filled by openpyxl", baseline, filled)

    # The English template analyzes too.
    tpl_en = os.path.join(TMP, "tpl-en", "junheng-template.xlsx")
    rc, out, err = run("template", "--out", os.path.dirname(tpl_en),
                       "--lang", "en", env=env)
    rc2, out2, err2 = run("analyze", tpl_en, "-f", "json", "--no-charts",
                          "--lang", "en")
    if rc == 0 and rc2 == 3 and "example rows" in err2:
        ok("(b) English template: its (example) rows are never counted")
    else:
        bad("(b) English template", err + err2)
    rc, out, err = run("template", "--out", os.path.dirname(tpl), env=env)
    if rc == 4 and "已经存在" in err and "--force" in err:
        ok("(b) template refuses to overwrite without --force (已经存在)")
    else:
        bad("(b) template overwrite", "exit %d" % rc)

# --------------------------------------------------------------------------
# (c) LibreOffice's .xlsx and .xls of the CSV

soffice = shutil.which("soffice")
if soffice is None:
    print("skip: (c) soffice not found: LibreOffice conversions not tested "
          "(the committed tests/data/hand3.xls still is)")
else:
    profile = os.path.join(TMP, "lo-profile")
    for fmt in ("xlsx", "xls"):
        p = subprocess.run(
            [soffice, "-env:UserInstallation=file://" + profile, "--headless",
             "--infilter=CSV:44,34,76,1", "--convert-to", fmt, "--outdir",
             TMP, DEMO], capture_output=True, timeout=300)
        out_path = os.path.join(TMP, "qingxi-county." + fmt)
        if p.returncode != 0 or not os.path.exists(out_path):
            bad("(c) soffice --convert-to " + fmt, p.stderr.decode()[:300])
            continue
        same_figures("(c) LibreOffice ." + fmt, baseline, out_path)

# --------------------------------------------------------------------------
# (d) the committed .xls fixture

hand_csv = os.path.join(SRC, "tests", "data", "hand3.csv")
hand_xls = os.path.join(SRC, "tests", "data", "hand3.xls")
same_figures("(d) tests/data/hand3.xls (FreeXL)", reference(hand_csv),
             hand_xls)

# A broken workbook: one clear error naming the file, never a crash.
trunc = os.path.join(TMP, "truncated.xlsx")
with open(a_path, "rb") as f:
    data = f.read()
with open(trunc, "wb") as f:
    f.write(data[: len(data) // 2])
rc, out, err = run("analyze", trunc)
if rc == 3 and err.count("\n") == 1 and trunc in err:
    ok("truncated .xlsx: exit 3, one line naming the file")
else:
    bad("truncated .xlsx", "exit %d: %s" % (rc, err[:300]))
notzip = os.path.join(TMP, "notzip.xlsx")
with open(notzip, "wb") as f:
    f.write(b"\x00\x01binary junk, not a workbook\xff" * 10)
rc, out, err = run("analyze", notzip)
if rc == 3 and notzip in err:
    ok("junk named .xlsx: exit 3 naming the file")
else:
    bad("junk named .xlsx", "exit %d: %s" % (rc, err[:300]))

shutil.rmtree(TMP, ignore_errors=True)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
