/* junheng - check.xlsx: what `junheng check` found, one row per finding. */
#include "junheng/report_check.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "junheng/table.h"
#include "sheet.h"

enum {
    C_NO,
    C_FILE,
    C_SHEET,
    C_LINE,
    C_CELL,
    C_COLUMN,
    C_LEVEL,
    C_MESSAGE,
    C_COUNT
};

/* One finding's row: the sheet and cell split from "Sheet!F12". */
static void
finding_row(jh__book *b, lxw_worksheet *ws, lxw_row_t row, size_t no,
            const char *file, const jh_diag *d, bool error, jh_lang lang)
{
    bool en = lang == JH_LANG_EN;
    char sheet[256] = "", cell[64] = "", letters[16] = "";
    const char *bang = d->cell != NULL ? strrchr(d->cell, '!') : NULL;

    if (bang != NULL) {
        snprintf(sheet, sizeof(sheet), "%.*s", (int)(bang - d->cell), d->cell);
        snprintf(cell, sizeof(cell), "%s", bang + 1);
    } else if (d->cell != NULL) {
        snprintf(cell, sizeof(cell), "%s", d->cell);
    }
    if (d->column > 0)
        jh_column_letters(d->column, letters, sizeof(letters));
    jh__cell_num(b, ws, row, C_NO, (double)no, b->f.num0);
    jh__cell_str(b, ws, row, C_FILE, d->file != NULL ? d->file : file,
                 b->f.text);
    jh__cell_str(b, ws, row, C_SHEET, sheet, b->f.text);
    if (d->line > 0)
        jh__cell_num(b, ws, row, C_LINE, (double)d->line, b->f.num0);
    else
        jh__cell_str(b, ws, row, C_LINE, "", b->f.text);
    jh__cell_str(b, ws, row, C_CELL, cell, b->f.text);
    jh__cell_str(b, ws, row, C_COLUMN, letters, b->f.text);
    jh__cell_str(b, ws, row, C_LEVEL,
                 error ? (en ? "error" : "错误") : (en ? "warning" : "警告"),
                 error ? b->f.bad : b->f.text);
    jh__cell_str(b, ws, row, C_MESSAGE, jh_diag_message(d, !en), b->f.wrap);
}

jh_status
jh_report_check_workbook(const char *path, const jh_report_check_part *parts,
                         size_t nparts, jh_lang lang, long long created,
                         jh_error *err)
{
    static const char *const zh[C_COUNT] = {"序号",   "文件", "工作表", "行",
                                            "单元格", "列",   "级别",   "说明"};
    static const char *const en[C_COUNT] = {
        "no", "file", "sheet", "line", "cell", "column", "severity", "message"};
    static const double widths[C_COUNT] = {6, 28, 14, 7, 10, 6, 8, 90};
    bool is_en = lang == JH_LANG_EN;
    jh__book b;
    lxw_worksheet *ws;
    lxw_row_t row = 1;
    size_t no = 0;
    jh_status st;

    st = jh__book_open(&b, path, is_en ? "junheng check" : "数据检查结果",
                       created > 0 ? created : 1, err);
    if (st != JH_OK)
        return st;
    ws = jh__book_sheet(&b, is_en ? "findings" : "检查结果");
    if (ws != NULL) {
        for (int c = 0; c < C_COUNT; c++) {
            jh__cell_str(&b, ws, 0, (lxw_col_t)c, is_en ? en[c] : zh[c],
                         b.f.header);
            jh__col_width(&b, ws, (lxw_col_t)c, (lxw_col_t)c, widths[c]);
        }
        for (size_t p = 0; p < nparts; p++) {
            const jh_report_check_part *part = &parts[p];
            size_t nerr = part->errors != NULL ? part->errors->count : 0;
            size_t nwarn = part->warnings != NULL ? part->warnings->count : 0;

            for (size_t i = 0; i < nerr; i++)
                finding_row(&b, ws, row++, ++no, part->file,
                            &part->errors->items[i], true, lang);
            for (size_t i = 0; i < nwarn; i++)
                finding_row(&b, ws, row++, ++no, part->file,
                            &part->warnings->items[i], false, lang);
            if (nerr + nwarn == 0) {
                jh__cell_str(&b, ws, row, C_FILE, part->file, b.f.text);
                jh__cell_str(&b, ws, row, C_MESSAGE,
                             is_en ? "no problem found" : "没有发现问题",
                             b.f.wrap);
                row++;
            }
        }
        worksheet_freeze_panes(ws, 1, 0);
        jh__book_check(&b,
                       worksheet_autofilter(ws, 0, 0, row - 1, C_COUNT - 1));
    }
    return jh__book_close(&b, path, err);
}
