/* junheng - libxlsxwriter helpers for the plan, verify and diagnostics
 * sheets.  Helpers are jh__-prefixed: libxlsxwriter exports unprefixed
 * workbook_*, worksheet_*, format_* and chart_* symbols. */
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

static void
check(jh__book *b, lxw_error e)
{
    jh__book_check(b, e);
}

static lxw_format *
add_format(jh__book *b, bool border, const char *num, bool bold, bool wrap)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (f == NULL) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
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
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
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
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write the workbook: %s",
                            lxw_strerror(b->first));
    return JH_OK;
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
