/* junheng - the workbook toolkit shared by every workbook.  Helpers are
 * jh__-prefixed: libxlsxwriter exports unprefixed workbook_*, worksheet_*,
 * format_* and chart_* symbols. */
#include "sheet.h"
#include "util.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void
jh__book_check(jh__book *b, lxw_error e)
{
    if (e != LXW_NO_ERROR && b->first == LXW_NO_ERROR)
        b->first = e;
}

void
jh__book_init(jh__book *b, lxw_workbook *wb)
{
    memset(b, 0, sizeof(*b));
    b->wb = wb;
    b->first = LXW_NO_ERROR;
}

static void
check(jh__book *b, lxw_error e)
{
    jh__book_check(b, e);
}

lxw_format *
jh__book_format(jh__book *b)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (f == NULL)
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return f;
}

static lxw_format *
add_format(jh__book *b, bool border, const char *num, bool bold, bool wrap)
{
    lxw_format *f = jh__book_format(b);
    if (f == NULL)
        return NULL;
    format_set_font_name(f, "Noto Sans CJK SC");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    if (num != NULL)
        format_set_num_format(f, num);
    if (bold)
        format_set_bold(f);
    if (wrap)
        format_set_text_wrap(f);
    return f;
}

void
jh__sheet_formats(jh__book *b)
{
    jh__sheet_fmt *f = &b->f;

    f->title = add_format(b, false, NULL, true, false);
    if (f->title != NULL)
        format_set_font_size(f->title, 14);
    f->header = add_format(b, true, NULL, true, true);
    if (f->header != NULL) {
        format_set_bg_color(f->header, 0xF2F2F2);
        format_set_align(f->header, LXW_ALIGN_CENTER);
    }
    f->text = add_format(b, true, NULL, false, false);
    f->wrap = add_format(b, true, NULL, false, true);
    f->num0 = add_format(b, true, "#,##0", false, false);
    f->num2 = add_format(b, true, "0.00", false, false);
    f->num3 = add_format(b, true, "0.000", false, false);
    f->num4 = add_format(b, true, "0.0000", false, false);
    f->pct = add_format(b, true, "0.0%", false, false);
    f->bad = add_format(b, true, NULL, false, true);
    if (f->bad != NULL) {
        format_set_bg_color(f->bad, 0xFFC7CE);
        format_set_font_color(f->bad, 0x9C0006);
    }
    f->good = add_format(b, true, NULL, false, false);
    if (f->good != NULL)
        format_set_font_color(f->good, 0x006100);
    f->note = add_format(b, false, NULL, false, true);
}

/* The libxlsxwriter errors in Chinese, by value (lxw_error order); the
 * few that happen (memory, files, temporary files, zip) say what to check. */
static const char *const lxw_zh[] = {
    "没有错误",
    "内存不足",
    "无法创建 .xlsx "
    "文件（请检查文件夹是否存在、是否可写，文件是否正被其他程序打开）",
    "无法创建临时文件（请检查临时文件夹是否可写、磁盘是否已满）",
    "无法读取临时文件",
    "写入压缩包出错（磁盘可能已满）",
    "压缩参数有误",
    "压缩包已损坏",
    "压缩出现内部错误",
    "无法向压缩包添加内容（磁盘可能已满）",
    "无法完成压缩包（磁盘可能已满）",
    "不支持的功能",
    "参数为空，已忽略",
    "参数超出允许范围",
    "工作表名称超过 31 个字符",
    "工作表名称含有不允许的字符",
    "工作表名称不能以单引号开头或结尾",
    "工作表名称已被使用",
    "文字超过 32 个字符",
    "文字超过 128 个字符",
    "文字超过 255 个字符",
    "文字超过单元格允许的最大长度",
    "找不到共享文字",
    "行号或列号超出工作表范围",
    "链接地址太长",
    "链接太多",
    "无法读取图片尺寸",
};

_Static_assert(LXW_ERROR_IMAGE_DIMENSIONS == 26,
               "lxw_zh follows the order of lxw_error");

const char *
jh__lxw_zh(lxw_error e)
{
    if ((size_t)e < sizeof(lxw_zh) / sizeof(lxw_zh[0]))
        return lxw_zh[e];
    return "libxlsxwriter 未知错误";
}

jh_status
jh__book_open(jh__book *b, const char *path, const char *title,
              long long created, jh_error *err)
{
    lxw_doc_properties props;
    static char author[] = "junheng";
    char title_buf[256];

    memset(b, 0, sizeof(*b));
    snprintf(title_buf, sizeof(title_buf), "%s", title);
    /* Written without escaping by libxlsxwriter: no control characters. */
    jh__xml_visible(title_buf, sizeof(title_buf));
    b->wb = workbook_new(path);
    if (b->wb == NULL)
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0, "无法创建工作簿",
                             "cannot create the workbook");
    memset(&props, 0, sizeof(props));
    /* libxlsxwriter's fields are not const; it only reads them. */
    props.title = title_buf;
    props.author = author;
    /* A fixed time makes the same input give the same bytes. */
    props.created = (time_t)created;
    check(b, workbook_set_properties(b->wb, &props));
    jh__sheet_formats(b);
    return JH_OK;
}

jh_status
jh__book_close(jh__book *b, const char *path, jh_error *err)
{
    lxw_error e;

    if (b->wb == NULL)
        return JH_OK;
    e = workbook_close(b->wb);
    b->wb = NULL;
    if (b->first == LXW_NO_ERROR)
        b->first = e;
    if (b->first != LXW_NO_ERROR)
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0,
                             "无法写入工作簿：%s%.0s",
                             "cannot write the workbook: %.0s%s",
                             jh__lxw_zh(b->first), lxw_strerror(b->first));
    return JH_OK;
}

lxw_worksheet *
jh__book_add_sheet(jh__book *b, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (ws == NULL)
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return ws;
}

lxw_worksheet *
jh__book_sheet(jh__book *b, const char *name)
{
    lxw_worksheet *ws;
    /* Validate first: workbook_add_worksheet() prints its own warning. */
    lxw_error e = workbook_validate_sheet_name(b->wb, name);

    if (e != LXW_NO_ERROR) {
        check(b, e);
        return NULL;
    }
    ws = workbook_add_worksheet(b->wb, name);
    if (ws == NULL) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    /* Printed for binders: A4 landscape, one page wide. */
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    return ws;
}

void
jh__cell_str(jh__book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
             const char *s, lxw_format *fmt)
{
    if (ws == NULL)
        return;
    if (s == NULL || s[0] == '\0')
        check(b, worksheet_write_blank(ws, r, c, fmt));
    else
        check(b, worksheet_write_string(ws, r, c, s, fmt));
}

void
jh__cell_num(jh__book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
             lxw_format *fmt)
{
    if (ws == NULL)
        return;
    if (isfinite(v))
        check(b, worksheet_write_number(ws, r, c, v, fmt));
    else
        check(b, worksheet_write_blank(ws, r, c, fmt));
}

void
jh__cell_formula(jh__book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                 const char *formula, double cached, lxw_format *fmt)
{
    if (ws == NULL)
        return;
    check(b, worksheet_write_formula_num(ws, r, c, formula, fmt,
                                         isfinite(cached) ? cached : 0.0));
}

void
jh__col_width(jh__book *b, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
              double width)
{
    if (ws != NULL)
        check(b, worksheet_set_column(ws, first, last, width, NULL));
}

void
jh__header_row(jh__book *b, lxw_worksheet *ws, lxw_row_t row,
               const char *const *keys, size_t n, jh_lang lang, lxw_format *fmt)
{
    for (size_t c = 0; c < n; c++)
        jh__cell_str(b, ws, row, (lxw_col_t)c, jh_label(lang, keys[c]), fmt);
}

void
jh__cell_merge(jh__book *b, lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
               lxw_row_t r2, lxw_col_t c2, const char *s, lxw_format *fmt)
{
    if (ws != NULL)
        check(b, worksheet_merge_range(ws, r1, c1, r2, c2, s, fmt));
}

void
jh__row_height(jh__book *b, lxw_worksheet *ws, lxw_row_t row, double height)
{
    if (ws != NULL && height > LXW_DEF_ROW_HEIGHT)
        check(b, worksheet_set_row(ws, row, height, NULL));
}

void
jh__print_setup(jh__book *b, lxw_worksheet *ws, lxw_row_t header_first,
                lxw_row_t header_last)
{
    if (ws == NULL)
        return;
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    check(b, worksheet_set_footer(ws, "&C&P / &N"));
    if (header_last >= header_first)
        check(b, worksheet_repeat_rows(ws, header_first, header_last));
}

double
jh__text_width(const char *s)
{
    double width = 0.0;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p < 0x80 || (*p & 0xE0) == 0xC0)
            width += 1.0;
        else if ((*p & 0xF0) == 0xE0 || (*p & 0xF8) == 0xF0)
            width += 2.0;
        /* continuation bytes add nothing */
    }
    return width;
}

void
jh__text_fit(double *width, const char *s)
{
    double need = jh__text_width(s) + 2.0;
    if (need > JH_SHEET_MAX_WIDTH)
        need = JH_SHEET_MAX_WIDTH;
    if (need > *width)
        *width = need;
}

/* Readers do not reliably grow rows for wrapped text on load (LibreOffice
 * 7.4 does not), so the writer sets the height itself, counting CJK
 * characters at their full Excel width (2 units): generous in LibreOffice,
 * whose CJK fallback font is narrower. */
double
jh__wrap_height(const char *s, double width)
{
    double usable = width > 3.0 ? width - 1.5 : 1.5;
    double lines = ceil(jh__text_width(s) / usable);
    if (lines < 1.0)
        lines = 1.0;
    return lines * 12.75 + 3.0;
}

unsigned
jh__wrap_lines(const char *s, double width)
{
    double units = 0;
    unsigned lines;

    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p < 0x80)
            units += 1;
        else if ((*p & 0xC0) != 0x80)
            units += 2; /* the lead byte of a wide character */
    }
    lines = (unsigned)ceil(units / (width - 2));
    return lines > 0 ? lines : 1;
}

char *
jh__number_text(double v, char *buf, size_t size)
{
    char *end;
    jh__fmt_fixed(v, 10, buf, size);
    /* strip trailing zeros and a trailing point: "100.0000000000" -> "100" */
    end = strchr(buf, '.');
    if (end != NULL) {
        char *last = buf + strlen(buf) - 1;
        while (last > end && *last == '0')
            *last-- = '\0';
        if (last == end)
            *last = '\0';
    }
    return buf;
}

char *
jh__cell_ref(const char *sheet, lxw_row_t row, lxw_col_t col, char *buf,
             size_t size)
{
    char cell[32];
    size_t o = 0;

    lxw_rowcol_to_cell_abs(cell, row, col, 1, 1);
    if (size < 4)
        return buf;
    buf[o++] = '\'';
    for (const char *p = sheet; *p != '\0' && o + 3 < size; p++) {
        if (*p == '\'')
            buf[o++] = '\'';
        buf[o++] = *p;
    }
    buf[o++] = '\'';
    buf[o] = '\0';
    snprintf(buf + o, size - o, "!%s", cell);
    return buf;
}
