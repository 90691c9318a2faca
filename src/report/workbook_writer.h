/* junheng - the writer of analyze's workbook, shared by its files
 * (library-internal): report_workbook.c (formats, names, the workbook),
 * report_workbook_summary.c (汇总: 表Ⅲ, 表Ⅱ-1, verdicts) and
 * report_workbook_schools.c (表Ⅱ-2, 计算过程, 排除与提示). */
#ifndef JUNHENG_WORKBOOK_WRITER_H
#define JUNHENG_WORKBOOK_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <xlsxwriter.h>

#include "junheng/report.h"
#include "sheet.h"

/* Fills for indicator cells: not met (red), partial (amber), as Excel's
 * "Bad" and "Neutral" cell styles. */
#define WB_RED_FILL 0xFFC7CE
#define WB_RED_FONT 0x9C0006
#define WB_AMBER_FILL 0xFFEB9C
#define WB_AMBER_FONT 0x9C5700
#define WB_HEADER_FILL 0xF2F2F2
#define WB_FAIL_FONT 0xC00000

/* Every cell format the workbook uses, created once. */
typedef struct wb_formats {
    lxw_format *title;     /* sheet title */
    lxw_format *label;     /* bold label left of an info line */
    lxw_format *info;      /* info line text */
    lxw_format *section;   /* table title (表Ⅲ ...) */
    lxw_format *header;    /* bold, bordered, wrapped, shaded */
    lxw_format *text;      /* bordered text */
    lxw_format *wrap;      /* bordered wrapped text */
    lxw_format *center;    /* bordered centred text or integer */
    lxw_format *general;   /* bordered number, general format */
    lxw_format *num2;      /* 0.00 */
    lxw_format *num2_bad;  /* 0.00, indicator not met */
    lxw_format *num2_part; /* 0.00, not met but at the partial floor */
    lxw_format *num3;      /* 0.000 */
    lxw_format *num3_bad;  /* 0.000, CV over its limit or undefined */
    lxw_format *num3_flag; /* 0.000, printed value disagrees */
    lxw_format *pct;       /* 0.0% */
    lxw_format *pct2;      /* 0.00% (physical share) */
    lxw_format *pass;      /* verdict: met */
    lxw_format *fail;      /* verdict: not met, red */
    lxw_format *bad_text;  /* text on red, e.g. undefined CV */
    lxw_format *flag_text; /* note on amber */
    lxw_format *total;     /* bold bordered label of a footer row */
    lxw_format *note;      /* wrapped explanatory text, no border */
} wb_formats;

/* Where the working sheet of a level keeps its figures. */
typedef struct wb_working {
    char sheet[64];      /* sheet name, unquoted */
    lxw_row_t first;     /* first data row */
    lxw_row_t total_row; /* 合计 */
    lxw_row_t mean_row;  /* 加权平均数 */
    lxw_row_t sd_row;    /* 标准差 */
    lxw_row_t cv_row;    /* 差异系数 */
} wb_working;

/* Everything the sheet writers share. */
typedef struct wb_writer {
    const jh_report_context *ctx;
    jh_lang lang;
    jh__book book; /* the workbook and its first error */
    wb_formats f;
    jh_status st;  /* a sheet writer's own error, JH_OK if none */
    jh_error *err; /* where that error is described (may be NULL) */
    wb_working working[JH_LEVEL_COUNT];
    /* Page breaks of the summary; libxlsxwriter reads them at close. */
    lxw_row_t summary_breaks[2];
} wb_writer;

/* Columns of the working sheet: 序号, 学校名称, 在校生数, 分摊比例, then
 * three per indicator (numerator, value, term). */
#define WB_W_SEQ 0
#define WB_W_NAME 1
#define WB_W_P 2
#define WB_W_SHARE 3
#define WB_W_FIRST_BLOCK 4
#define WB_W_WIDTH 10.0 /* width of each block column */

static inline lxw_col_t
wb_block_col(size_t k, int part)
{
    return (lxw_col_t)(WB_W_FIRST_BLOCK + 3 * k + (size_t)part);
}

/* "青溪县 表Ⅱ-2 学校资源配置指标情况（小学）" */
char *jh__wb_sheet_title(const wb_writer *w, const char *title_key, int level,
                         char *buf, size_t size);

const char *jh__wb_unit(const wb_writer *w, const jh_indicator *ind);

const char *jh__wb_verdict(const wb_writer *w, bool pass);

const char *jh__wb_type_name(const wb_writer *w, jh_school_type type);

/* "name（unit）" in Chinese, "name (unit)" in English. */
char *jh__wb_with_unit(const wb_writer *w, const char *name, const char *unit,
                       char *buf, size_t size);

const char *jh__wb_ownership_name(const wb_writer *w, jh_ownership o);

void jh__wb_working_sheet_name(const wb_writer *w, jh_level level, char *buf,
                               size_t size);

lxw_format *jh__wb_verdict_format(wb_writer *w, bool pass);

const char *jh__wb_l(const wb_writer *w, const char *key);

void jh__wb_summary(wb_writer *w, lxw_worksheet *ws);

void jh__wb_excluded_sheet(wb_writer *w, lxw_worksheet *ws);

void jh__wb_working_sheet(wb_writer *w, lxw_worksheet *ws,
                          const jh_level_result *lr);

void jh__wb_school_sheet(wb_writer *w, lxw_worksheet *ws,
                         const jh_level_result *lr);

/* Fix where the working sheet of @p lr puts its rows, before any sheet
 * refers to them. */
void jh__wb_working_layout(wb_writer *w, const jh_level_result *lr);

#endif
