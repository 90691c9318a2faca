#!/usr/bin/python3
"""Write the workbooks of docs/常见错误.md into this folder (committed; run
again with /usr/bin/python3, which has python3-openpyxl, after a change)."""
import csv
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def schools():
    with open(os.path.join(HERE, "学校数据.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    out = []
    for i in range(10):  # ten schools: the bad cell lands on row 12
        r = list(body[i % len(body)])
        r[0] = str(3623010001 + i)
        r[1] = "%s%d" % (r[1], i + 1) if i >= len(body) else r[1]
        out.append([r[0], r[1], r[2]] + [float(v) for v in r[3:]])
    return head, out


def save(wb, name):
    path = os.path.join(HERE, name)
    wb.save(path)


def main():
    head, rows = schools()
    # 数值有误.xlsx: 学校数据!I12 holds text where a number belongs.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "学校数据"
    ws.append(["青溪县2024年义务教育学校办学条件"])
    ws.append(head)
    for r in rows:
        ws.append(r)
    ws["I12"] = "待填"
    save(wb, "数值有误.xlsx")
    # 公式出错.xlsx: 学校数据!K5 is a formula error (#DIV/0!).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "学校数据"
    ws.append(head)
    for r in rows[:5]:
        ws.append(r)
    ws["K5"] = "#DIV/0!"
    ws["K5"].data_type = "e"
    save(wb, "公式出错.xlsx")


if __name__ == "__main__":
    main()
