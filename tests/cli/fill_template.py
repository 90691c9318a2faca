"""Fill a `junheng template` workbook with the rows of a school CSV (as a
county clerk would copy them), or a county-facts template with a facts CSV.

usage: fill_template.py schools TEMPLATE.xlsx SCHOOLS.csv OUT.xlsx [keep]
       fill_template.py facts TEMPLATE.xlsx FACTS.csv OUT.xlsx

With `keep` the template's example rows stay above the schools (junheng
never counts them); without it they are deleted.  Teacher-like figures the
CSV gives for the whole school only are put in the school's one section, or
split across the sections of a combined school by enrollment, as junheng
splits them (certified teachers in the share of the section's teachers), so
that the filled template analyzes and evaluates to the CSV's figures.
"""
import csv
import re
import sys

from openpyxl import load_workbook

LEVELS = ("小学", "初中", "高中")


def number(s):
    s = (s or "").strip()
    if s == "":
        return None
    v = float(s)
    return int(v) if v == int(v) else v


def bare(header):
    """A header without its unit: 教学仪器设备值(万元) -> 教学仪器设备值."""
    return re.sub(r"[(（].*$", "", header or "").strip()


def schools(tpl, src, out, keep):
    with open(src, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    wb = load_workbook(tpl)
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    first = ws.max_row + 1 if keep else 2
    if not keep:
        ws.delete_rows(2, ws.max_row)
    csv_bare = {bare(h): h for h in rows[0].keys()}
    for i, r in enumerate(rows):
        t = r["学校类型"]
        pupils = [number(r.get(lv + "在校生数")) or 0 for lv in LEVELS]
        for j, h in enumerate(head):
            if h is None:
                continue
            name = bare(h)
            v = None
            if name in csv_bare and (r[csv_bare[name]] or "").strip() == "" \
                    and name[:2] in LEVELS and name[2:] in csv_bare:
                name = "#" + name  # a blank section: the whole-school figure
            if name in csv_bare:
                raw = r[csv_bare[name]]
                v = raw if name in ("学校代码", "学校名称", "学校类型",
                                    "城乡类型", "举办者类型", "所属学校代码",
                                    "纳入计算", "县区", "专用教室2016年前建成",
                                    "规模放宽适用") else number(raw)
                if v == "":
                    v = None
            elif name.lstrip("#")[:2] in LEVELS and \
                    name.lstrip("#")[2:] in csv_bare:
                name = name.lstrip("#")
                # a section of a figure the CSV gives for the whole school
                k = LEVELS.index(name[:2])
                whole = number(r[csv_bare[name[2:]]])
                tsec = number(r.get(name[:2] + "专任教师数"))
                twhole = number(r.get("专任教师数"))
                if whole is None:
                    pass
                elif pupils[k] > 0 and sum(pupils) == pupils[k]:
                    v = whole
                elif name[2:] == "持证专任教师数" and tsec and twhole:
                    v = whole * tsec / twhole  # the same share certified
                elif sum(pupils) > 0:
                    v = whole * pupils[k] / sum(pupils)
            ws.cell(row=first + i, column=j + 1, value=v)
    wb.save(out)


def facts(tpl, src, out):
    with open(src, encoding="utf-8-sig") as f:
        given = {r["item"]: r for r in csv.DictReader(f)}
    wb = load_workbook(tpl)
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    item, value, note = (head.index(h) + 1 for h in ("项目", "值", "备注"))
    for row in range(2, ws.max_row + 1):
        r = given.get(ws.cell(row=row, column=item).value)
        if r is None:
            continue
        v = r["value"]
        try:
            v = number(v)
        except ValueError:
            pass
        ws.cell(row=row, column=value, value=v)
        if r.get("note"):
            ws.cell(row=row, column=note, value=r["note"])
    wb.save(out)


if __name__ == "__main__":
    if sys.argv[1] == "schools":
        schools(sys.argv[2], sys.argv[3], sys.argv[4],
                len(sys.argv) > 5 and sys.argv[5] == "keep")
    else:
        facts(sys.argv[2], sys.argv[3], sys.argv[4])
