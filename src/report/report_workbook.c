/*
 * junheng - the workbook exporter (libxlsxwriter).
 *
 * Sheets, laid out like the national application tables of the 2017
 * quality-balance evaluation (教督〔2017〕6号):
 *
 *   汇总            title, standard, rules; 表Ⅲ (county mean and CV per level
 *                   and indicator, the CV a live formula into the working
 *                   sheet); 表Ⅱ-1 (schools meeting each indicator); verdicts
 *   表Ⅱ-2 小学/初中  one row per school section with its seven values
 *   计算过程-小学/初中 the CV worked out with live formulas: value N/P×scale,
 *                   term P(X−mean)², totals, mean, SD and CV
 *   排除与提示       excluded schools and data warnings
 *
 * Every formula carries the value junheng computed (GSL) as its cached
 * result, so that readers that do not recalculate show the right figures
 * and a reviewer who recalculates can compare.  Every string that comes
 * from the input (school names, codes, the county) is written with
 * worksheet_write_string, so that "=cmd|..." stays text.
 *
 * Names: libxlsxwriter exports unprefixed chart_*, format_*, worksheet_*,
 * workbook_* symbols, so every helper here is static with a wb_ prefix.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "junheng/report.h"
#include "report_diagnostics.h"
#include "report_guarantee.h"
#include "report_workbook.h"
#include "sheet.h"
#include "standard_text.h"
#include "util.h"

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

static lxw_col_t
wb_block_col(size_t k, int part)
{
    return (lxw_col_t)(WB_W_FIRST_BLOCK + 3 * k + (size_t)part);
}

/* ---------------------------------------------------------------------- */
/* Small helpers                                                           */

static const char *
wb_l(const wb_writer *w, const char *key)
{
    return jh_label(w->lang, key);
}

/* "name（unit）" in Chinese, "name (unit)" in English. */
static char *
wb_with_unit(const wb_writer *w, const char *name, const char *unit, char *buf,
             size_t size)
{
    if (unit == NULL || unit[0] == '\0')
        snprintf(buf, size, "%s", name);
    else if (w->lang == JH_LANG_EN)
        snprintf(buf, size, "%s (%s)", name, unit);
    else
        snprintf(buf, size, "%s（%s）", name, unit);
    return buf;
}

static const char *
wb_unit(const wb_writer *w, const jh_indicator *ind)
{
    return w->lang == JH_LANG_EN ? ind->unit_en : ind->unit_zh;
}

/* ---------------------------------------------------------------------- */
/* Formats                                                                 */

/* A bordered, vertically centred format in the workbook's font. */
static lxw_format *
wb_cell_format(wb_writer *w, bool border)
{
    lxw_format *f = jh__book_format(&w->book);
    if (f == NULL)
        return NULL;
    /* Official tables use 宋体; Excel, WPS and LibreOffice substitute a
     * CJK font when it is missing. */
    if (w->lang == JH_LANG_ZH)
        format_set_font_name(f, "宋体");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    return f;
}

static lxw_format *
wb_num_format(wb_writer *w, const char *num, lxw_color_t fill, lxw_color_t font)
{
    lxw_format *f = wb_cell_format(w, true);
    if (f == NULL)
        return NULL;
    if (num != NULL)
        format_set_num_format(f, num);
    if (fill != 0) {
        format_set_bg_color(f, fill);
        format_set_font_color(f, font);
    }
    return f;
}

/* Create every format; returns false when one could not be allocated. */
static bool
wb_make_formats(wb_writer *w)
{
    wb_formats *f = &w->f;

    f->title = wb_cell_format(w, false);
    f->label = wb_cell_format(w, false);
    f->info = wb_cell_format(w, false);
    f->section = wb_cell_format(w, false);
    f->header = wb_cell_format(w, true);
    f->text = wb_cell_format(w, true);
    f->wrap = wb_cell_format(w, true);
    f->center = wb_cell_format(w, true);
    f->general = wb_num_format(w, NULL, 0, 0);
    f->num2 = wb_num_format(w, "0.00", 0, 0);
    f->num2_bad = wb_num_format(w, "0.00", WB_RED_FILL, WB_RED_FONT);
    f->num2_part = wb_num_format(w, "0.00", WB_AMBER_FILL, WB_AMBER_FONT);
    f->num3 = wb_num_format(w, "0.000", 0, 0);
    f->num3_bad = wb_num_format(w, "0.000", WB_RED_FILL, WB_RED_FONT);
    f->num3_flag = wb_num_format(w, "0.000", WB_AMBER_FILL, WB_AMBER_FONT);
    f->pct = wb_num_format(w, "0.0%", 0, 0);
    f->pct2 = wb_num_format(w, "0.00%", 0, 0);
    f->pass = wb_cell_format(w, true);
    f->fail = wb_cell_format(w, true);
    f->bad_text = wb_num_format(w, NULL, WB_RED_FILL, WB_RED_FONT);
    f->flag_text = wb_num_format(w, NULL, WB_AMBER_FILL, WB_AMBER_FONT);
    f->total = wb_cell_format(w, true);
    f->note = wb_cell_format(w, false);
    if (w->book.first != LXW_NO_ERROR)
        return false;

    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    format_set_bold(f->label);
    format_set_text_wrap(f->info);
    format_set_bold(f->section);
    format_set_font_size(f->section, 12);
    format_set_bold(f->header);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_CENTER);
    format_set_bg_color(f->header, WB_HEADER_FILL);
    format_set_text_wrap(f->wrap);
    format_set_align(f->center, LXW_ALIGN_CENTER);
    format_set_align(f->pass, LXW_ALIGN_CENTER);
    format_set_align(f->fail, LXW_ALIGN_CENTER);
    format_set_bold(f->fail);
    format_set_font_color(f->fail, WB_FAIL_FONT);
    format_set_align(f->bad_text, LXW_ALIGN_CENTER);
    format_set_text_wrap(f->flag_text);
    format_set_bold(f->total);
    format_set_text_wrap(f->note);
    format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
    return true;
}

static lxw_format *
wb_verdict_format(wb_writer *w, bool pass)
{
    return pass ? w->f.pass : w->f.fail;
}

static const char *
wb_verdict(const wb_writer *w, bool pass)
{
    return wb_l(w, pass ? "pass" : "fail");
}

/* ---------------------------------------------------------------------- */
/* Names                                                                   */

static const char *
wb_type_name(const wb_writer *w, jh_school_type type)
{
    char key[64];
    snprintf(key, sizeof(key), "type_%s", jh_school_type_key(type));
    /* jh_label returns the key itself when it has no entry; the type key
     * table and the label table list the same types. */
    return jh_label(w->lang, key) == key ? jh_school_type_key(type)
                                         : jh_label(w->lang, key);
}

static const char *
wb_ownership_name(const wb_writer *w, jh_ownership o)
{
    switch (o) {
    case JH_OWNERSHIP_PUBLIC:
        return wb_l(w, "ownership_public");
    case JH_OWNERSHIP_PRIVATE:
        return wb_l(w, "ownership_private");
    case JH_OWNERSHIP_PROVINCE:
        return wb_l(w, "ownership_province");
    default:
        return wb_l(w, "ownership_unknown");
    }
}

/* Sheet names: "表Ⅱ-2 小学", "计算过程-小学" (at most 31 characters; the
 * labels are short and contain none of []:*?/\). */
static void
wb_school_sheet_name(const wb_writer *w, jh_level level, char *buf, size_t size)
{
    snprintf(buf, size, "%s %s", wb_l(w, "sheet_t22"),
             jh_level_name(level, w->lang));
}

static void
wb_working_sheet_name(const wb_writer *w, jh_level level, char *buf,
                      size_t size)
{
    snprintf(buf, size, "%s-%s", wb_l(w, "sheet_working"),
             jh_level_name(level, w->lang));
}

/* "青溪县 表Ⅱ-2 学校资源配置指标情况（小学）" */
static char *
wb_sheet_title(const wb_writer *w, const char *title_key, int level, char *buf,
               size_t size)
{
    if (level < 0)
        snprintf(buf, size, "%s %s", w->ctx->county_name, wb_l(w, title_key));
    else
        snprintf(buf, size,
                 w->lang == JH_LANG_EN ? "%s %s (%s)" : "%s %s（%s）",
                 w->ctx->county_name, wb_l(w, title_key),
                 jh_level_name((jh_level)level, w->lang));
    return buf;
}

/* ---------------------------------------------------------------------- */
/* Summary: standard and rules, 表Ⅲ, 表Ⅱ-1, verdicts                       */

/* Column widths of the summary: level, indicator, five figures, note.  The
 * first column also holds the labels of the head lines ("Per-school rule"),
 * longer in English. */
#define WB_SUMMARY_COLS 8
static const double wb_summary_widths[2][WB_SUMMARY_COLS] = {
    {12, 58, 12, 12, 12, 12, 12, 28}, /* JH_LANG_ZH */
    {18, 58, 12, 12, 12, 12, 12, 28}, /* JH_LANG_EN */
};

static double
wb_summary_width(const wb_writer *w, lxw_col_t c)
{
    return c < WB_SUMMARY_COLS
               ? wb_summary_widths[w->lang == JH_LANG_EN ? 1 : 0][c]
               : 0.0;
}

/* Width of summary columns @p first to @p last together. */
static double
wb_summary_span(const wb_writer *w, lxw_col_t first, lxw_col_t last)
{
    double width = 0.0;
    for (lxw_col_t c = first; c <= last; c++)
        width += wb_summary_width(w, c);
    return width;
}

/* One "label: text" line across the table's width; returns the next row. */
static lxw_row_t
wb_info_line(wb_writer *w, lxw_worksheet *ws, lxw_row_t row, const char *label,
             const char *text, lxw_col_t last_col)
{
    jh__cell_str(&w->book, ws, row, 0, label, w->f.label);
    jh__cell_merge(&w->book, ws, row, 1, row, last_col, text, w->f.info);
    jh__row_height(&w->book, ws, row,
                   jh__wrap_height(text, wb_summary_span(w, 1, last_col)));
    return row + 1;
}

/* The standard's scope in words: what is counted and what is not. */
static const char *
wb_scope_text(const wb_writer *w, const jh_standard *std, char *buf,
              size_t size)
{
    bool en = w->lang == JH_LANG_EN;
    char tp[96], num[32];

    if (std->teaching_points == JH_TP_EXCLUDE)
        snprintf(tp, sizeof(tp), "%s",
                 en ? "teaching points excluded" : "教学点不计入");
    else if (std->teaching_points == JH_TP_INCLUDE)
        snprintf(tp, sizeof(tp), "%s",
                 en ? "all teaching points counted" : "教学点全部计入");
    else
        snprintf(tp, sizeof(tp),
                 en ? "teaching points with %s or more pupils counted"
                    : "在校生%s人及以上的教学点计入",
                 jh__number_text(std->teaching_point_min, num, sizeof(num)));
    snprintf(buf, size,
             en ? "private schools %s; province-run schools %s; %s; "
                  "special-education schools %s; vocational schools %s"
                : "民办学校%s；省属学校%s；%s；特殊教育学校%s；职业学校%s",
             std->include_private ? (en ? "counted" : "计入")
                                  : (en ? "excluded" : "不计入"),
             std->include_province_run ? (en ? "counted" : "计入")
                                       : (en ? "excluded" : "不计入"),
             tp,
             std->include_special ? (en ? "counted" : "计入")
                                  : (en ? "excluded" : "不计入"),
             std->include_vocational ? (en ? "counted" : "计入")
                                     : (en ? "excluded" : "不计入"));
    return buf;
}

static lxw_row_t
wb_summary_head(wb_writer *w, lxw_worksheet *ws, lxw_col_t last_col)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_standard *std = a->standard;
    char buf[1024];
    lxw_row_t row = 0;

    wb_sheet_title(w, "title_summary", -1, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, row, 0, row, last_col, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, row, 24, NULL));
    row++;
    row = wb_info_line(w, ws, row, wb_l(w, "county"), w->ctx->county_name,
                       last_col);
    snprintf(buf, sizeof(buf),
             w->lang == JH_LANG_EN ? "%s (%s, %s)" : "%s（%s，%s）",
             w->lang == JH_LANG_EN ? std->name_en : std->name_zh, std->id,
             std->source);
    row = wb_info_line(w, ws, row, wb_l(w, "standard"), buf, last_col);
    if (std->file[0] != '\0')
        row = wb_info_line(w, ws, row, wb_l(w, "standard_file"), std->file,
                           last_col);
    {
        size_t n = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < std->nprovisions; i++) {
            const jh_provision *pv = &std->provisions[i];
            if (!pv->enabled)
                continue;
            n += (size_t)snprintf(
                buf + n, n < sizeof(buf) ? sizeof(buf) - n : 0, "%s%s (%s)",
                n > 0 ? "; " : "",
                w->lang == JH_LANG_EN ? pv->name_en : pv->name_zh, pv->id);
        }
        row = wb_info_line(w, ws, row, wb_l(w, "provisions_label"),
                           buf[0] != '\0' ? buf : wb_l(w, "none"), last_col);
    }
    row = wb_info_line(w, ws, row, wb_l(w, "scope_label"),
                       wb_scope_text(w, std, buf, sizeof(buf)), last_col);
    row = wb_info_line(w, ws, row, wb_l(w, "weighting_label"),
                       wb_l(w, "weighting_rule"), last_col);
    jh__rule_text(std, wb_l(w, "split_rule"), buf, sizeof(buf));
    row = wb_info_line(w, ws, row, wb_l(w, "split_label"), buf, last_col);
    jh__rule_text(
        std, wb_l(w, std->min_met == 0 ? "school_rule_none" : "school_rule"),
        buf, sizeof(buf));
    row = wb_info_line(w, ws, row, wb_l(w, "school_rule_label"), buf, last_col);
    jh__cell_str(&w->book, ws, row, 0, wb_l(w, "overall"), w->f.label);
    jh__cell_merge(&w->book, ws, row, 1, row, last_col,
                   jh_county_verdict(w->lang, a->standard, a->pass),
                   a->pass ? w->f.info : w->f.fail);
    return row + 2;
}

/*
 * The composite CV of a level (2012 standard): a live AVERAGE of the CV
 * cells just above it, with the analysis's value cached.
 */
static lxw_row_t
wb_composite_row(wb_writer *w, lxw_worksheet *ws, lxw_row_t row,
                 const jh_level_result *lr)
{
    const jh_standard *std = w->ctx->analysis->standard;
    char first[16], last[16], formula[64];
    bool defined = !isnan(lr->composite_cv);

    lxw_rowcol_to_cell(first, row - (lxw_row_t)std->nindicators, 4);
    lxw_rowcol_to_cell(last, row - 1, 4);
    snprintf(formula, sizeof(formula), "=AVERAGE(%s:%s)", first, last);
    jh__cell_str(&w->book, ws, row, 0, jh_level_name(lr->level, w->lang),
                 w->f.center);
    jh__cell_str(&w->book, ws, row, 1, wb_l(w, "composite_cv"), w->f.total);
    jh__cell_str(&w->book, ws, row, 2, "", w->f.center);
    jh__cell_str(&w->book, ws, row, 3, "", w->f.center);
    if (defined)
        jh__cell_formula(&w->book, ws, row, 4, formula, lr->composite_cv,
                         lr->composite_print_disagrees ? w->f.num3_flag
                         : lr->composite_pass          ? w->f.num3
                                                       : w->f.num3_bad);
    else
        jh__cell_str(&w->book, ws, row, 4, wb_l(w, "undefined"), w->f.bad_text);
    jh__cell_num(&w->book, ws, row, 5, lr->composite_limit, w->f.num2);
    jh__cell_str(&w->book, ws, row, 6, wb_verdict(w, lr->composite_pass),
                 wb_verdict_format(w, lr->composite_pass));
    jh__cell_str(&w->book, ws, row, 7,
                 lr->composite_print_disagrees ? wb_l(w, "warning_cv_print")
                                               : "",
                 w->f.flag_text);
    return row + 1;
}

/* 表Ⅲ: per level and indicator, threshold, mean, CV (live formula into the
 * working sheet), limit, verdict and a note. */
static lxw_row_t
wb_table3(wb_writer *w, lxw_worksheet *ws, lxw_row_t row)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_standard *std = a->standard;
    static const char *const heads[] = {"level",   "indicator", "threshold",
                                        "mean",    "cv",        "cv_limit",
                                        "verdict", "remark"};
    char buf[512], ref[128], formula[160];

    jh__cell_str(&w->book, ws, row++, 0, wb_l(w, "title_t3"), w->f.section);
    for (lxw_col_t c = 0; c < 8; c++)
        jh__cell_str(&w->book, ws, row, c, wb_l(w, heads[c]), w->f.header);
    row++;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        const wb_working *wk = &w->working[l];
        if (!lr->present)
            continue;
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator *ind = &std->indicators[k];
            const jh_indicator_stats *is = &lr->ind[k];
            lxw_col_t xcol = wb_block_col(k, 1);
            const char *note = "";
            lxw_format *note_fmt = w->f.wrap;

            jh__cell_str(&w->book, ws, row, 0,
                         jh_level_name(lr->level, w->lang), w->f.center);
            jh__cell_str(&w->book, ws, row, 1,
                         wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                      wb_unit(w, ind), buf, sizeof(buf)),
                         w->f.wrap);
            if (jh_indicator_has_threshold(ind, l))
                jh__cell_num(&w->book, ws, row, 2, ind->threshold[l],
                             w->f.num2);
            else
                jh__cell_str(&w->book, ws, row, 2, "-", w->f.center);
            snprintf(
                formula, sizeof(formula), "=%s",
                jh__cell_ref(wk->sheet, wk->mean_row, xcol, ref, sizeof(ref)));
            jh__cell_formula(&w->book, ws, row, 3, formula, is->mean,
                             w->f.num2);
            if (is->cv_defined) {
                snprintf(formula, sizeof(formula), "=%s",
                         jh__cell_ref(wk->sheet, wk->cv_row, xcol, ref,
                                      sizeof(ref)));
                jh__cell_formula(&w->book, ws, row, 4, formula, is->cv,
                                 is->cv_print_disagrees ? w->f.num3_flag
                                 : is->cv_pass          ? w->f.num3
                                                        : w->f.num3_bad);
            } else {
                jh__cell_str(&w->book, ws, row, 4, wb_l(w, "undefined"),
                             w->f.bad_text);
                note = wb_l(w, "undefined_note");
            }
            if (!isnan(is->cv_limit)) {
                jh__cell_num(&w->book, ws, row, 5, is->cv_limit, w->f.num2);
                jh__cell_str(&w->book, ws, row, 6, wb_verdict(w, is->cv_pass),
                             wb_verdict_format(w, is->cv_pass));
            } else {
                /* Not judged singly (2012: only the composite is). */
                jh__cell_str(&w->book, ws, row, 5, "-", w->f.center);
                jh__cell_str(&w->book, ws, row, 6, "-", w->f.center);
            }
            if (is->cv_print_disagrees) {
                note = wb_l(w, "warning_cv_print");
                note_fmt = w->f.flag_text;
            }
            jh__cell_str(&w->book, ws, row, 7, note, note_fmt);
            jh__row_height(&w->book, ws, row,
                           fmax(jh__wrap_height(buf, wb_summary_width(w, 1)),
                                jh__wrap_height(note, wb_summary_width(w, 7))));
            row++;
        }
        if (!isnan(lr->composite_limit))
            row = wb_composite_row(w, ws, row, lr);
    }
    return row + 1;
}

/* 表Ⅱ-1: per level and indicator, schools meeting it, schools, share; then
 * the schools that pass the per-school rule. */
static lxw_row_t
wb_table21(wb_writer *w, lxw_worksheet *ws, lxw_row_t row)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_standard *std = a->standard;
    static const char *const heads[] = {"level",         "indicator",
                                        "threshold",     "schools_met",
                                        "schools_total", "share_met"};
    char buf[512], c1[16], c2[16], formula[64];

    jh__cell_str(&w->book, ws, row++, 0, wb_l(w, "title_t21"), w->f.section);
    for (lxw_col_t c = 0; c < 6; c++)
        jh__cell_str(&w->book, ws, row, c, wb_l(w, heads[c]), w->f.header);
    row++;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        if (!lr->present)
            continue;
        for (size_t k = 0; k <= std->nindicators; k++) {
            bool rule = k == std->nindicators;
            double met =
                rule ? (double)lr->schools_passing : (double)lr->ind[k].met;
            jh__cell_str(&w->book, ws, row, 0,
                         jh_level_name(lr->level, w->lang), w->f.center);
            if (rule) {
                jh__cell_str(&w->book, ws, row, 1, wb_l(w, "schools_rule_pass"),
                             w->f.total);
                jh__cell_str(&w->book, ws, row, 2, "", w->f.center);
            } else {
                const jh_indicator *ind = &std->indicators[k];
                jh__cell_str(&w->book, ws, row, 1,
                             wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                          wb_unit(w, ind), buf, sizeof(buf)),
                             w->f.wrap);
                jh__cell_num(&w->book, ws, row, 2, ind->threshold[l],
                             w->f.num2);
                jh__row_height(&w->book, ws, row,
                               jh__wrap_height(buf, wb_summary_width(w, 1)));
            }
            jh__cell_num(&w->book, ws, row, 3, met, w->f.center);
            jh__cell_num(&w->book, ws, row, 4, (double)lr->nsections,
                         w->f.center);
            lxw_rowcol_to_cell(c1, row, 3);
            lxw_rowcol_to_cell(c2, row, 4);
            snprintf(formula, sizeof(formula), "=%s/%s", c1, c2);
            jh__cell_formula(&w->book, ws, row, 5, formula,
                             met / (double)lr->nsections, w->f.pct);
            row++;
        }
    }
    return row + 1;
}

/* Level verdicts and the overall verdict. */
static lxw_row_t
wb_verdicts(wb_writer *w, lxw_worksheet *ws, lxw_row_t row)
{
    const jh_analysis *a = w->ctx->analysis;
    static const char *const heads[] = {
        "level",       "schools_total", "students", "schools_met",
        "cv_all_pass", "schools_pass",  "verdict"};

    jh__cell_str(&w->book, ws, row++, 0, wb_l(w, "title_verdict"),
                 w->f.section);
    for (lxw_col_t c = 0; c < 7; c++)
        jh__cell_str(&w->book, ws, row, c, wb_l(w, heads[c]), w->f.header);
    row++;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        if (!lr->present)
            continue;
        jh__cell_str(&w->book, ws, row, 0, jh_level_name(lr->level, w->lang),
                     w->f.center);
        jh__cell_num(&w->book, ws, row, 1, (double)lr->nsections, w->f.center);
        jh__cell_num(&w->book, ws, row, 2, lr->students, w->f.general);
        jh__cell_num(&w->book, ws, row, 3, (double)lr->schools_passing,
                     w->f.center);
        jh__cell_str(&w->book, ws, row, 4, wb_l(w, lr->cv_pass ? "yes" : "no"),
                     wb_verdict_format(w, lr->cv_pass));
        jh__cell_str(&w->book, ws, row, 5,
                     wb_l(w, lr->schools_pass ? "yes" : "no"),
                     wb_verdict_format(w, lr->schools_pass));
        jh__cell_str(&w->book, ws, row, 6, wb_verdict(w, lr->pass),
                     wb_verdict_format(w, lr->pass));
        row++;
    }
    jh__cell_str(&w->book, ws, row, 0, wb_l(w, "overall"), w->f.total);
    jh__cell_merge(&w->book, ws, row, 1, row, 5,
                   jh_county_verdict(w->lang, a->standard, a->pass), w->f.text);
    jh__cell_str(&w->book, ws, row, 6, wb_verdict(w, a->pass),
                 wb_verdict_format(w, a->pass));
    return row + 1;
}

static void
wb_summary(wb_writer *w, lxw_worksheet *ws)
{
    const lxw_col_t last = WB_SUMMARY_COLS - 1;
    lxw_row_t row = wb_summary_head(w, ws, last);

    row = wb_table3(w, ws, row);
    /* 表Ⅱ-1 and the verdicts start a new printed page, as in a binder. */
    w->summary_breaks[0] = row;
    w->summary_breaks[1] = 0;
    jh__book_check(&w->book, worksheet_set_h_pagebreaks(ws, w->summary_breaks));
    if (w->ctx->analysis->standard->min_met > 0)
        row = wb_table21(w, ws, row);
    wb_verdicts(w, ws, row);
    for (lxw_col_t c = 0; c < WB_SUMMARY_COLS; c++)
        jh__col_width(&w->book, ws, c, c, wb_summary_width(w, c));
    jh__print_setup(&w->book, ws, 1, 0);
}

/* ---------------------------------------------------------------------- */
/* 表Ⅱ-2: one row per school section                                      */

/* Columns: 序号 学校代码 学校名称 学校类型 举办者类型 在校生数 年级数 班级数
 * (8), the indicators, 达标指标数 是否达标 备注. */
#define WB_S_FIXED 8

static void
wb_school_sheet(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    static const char *const heads[WB_S_FIXED] = {
        "seq",       "code",     "school", "type",
        "ownership", "students", "grades", "classes"};
    const lxw_col_t c_met = (lxw_col_t)(WB_S_FIXED + std->nindicators);
    const lxw_col_t c_verdict = c_met + 1, c_remark = c_met + 2;
    const lxw_row_t head = 2;
    const double wremark = w->lang == JH_LANG_EN ? 50 : 44;
    const double wind = w->lang == JH_LANG_EN ? 12 : 10;
    double wcode = 8, wname = 10, wtype = 8, head_height = 0.0;
    char buf[1024], legend[512];
    lxw_row_t row;

    wb_sheet_title(w, "title_t22", (int)lr->level, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, 0, 0, 0, c_remark, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, 0, 24, NULL));
    jh__rule_text(std, wb_l(w, "legend"), legend, sizeof(legend));
    jh__cell_merge(&w->book, ws, 1, 0, 1, c_remark, legend, w->f.info);
    for (lxw_col_t c = 0; c < WB_S_FIXED; c++)
        jh__cell_str(&w->book, ws, head, c, wb_l(w, heads[c]), w->f.header);
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator *ind = &std->indicators[k];
        jh__cell_str(&w->book, ws, head, (lxw_col_t)(WB_S_FIXED + k),
                     wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                  wb_unit(w, ind), buf, sizeof(buf)),
                     w->f.header);
        head_height = fmax(head_height, jh__wrap_height(buf, wind));
    }
    jh__cell_str(&w->book, ws, head, c_met, wb_l(w, "met_count"), w->f.header);
    jh__cell_str(&w->book, ws, head, c_verdict, wb_l(w, "verdict"),
                 w->f.header);
    jh__cell_str(&w->book, ws, head, c_remark, wb_l(w, "remark"), w->f.header);
    jh__row_height(&w->book, ws, head, head_height);

    row = head + 1;
    for (size_t j = 0; j < lr->nsections; j++) {
        size_t si = lr->sections[j];
        const jh_section *sec = &m->sections[si];
        const jh_school *s = &m->county->schools[sec->school];
        const jh_section_result *r = &a->results[si];
        double grades = NAN;

        /* The file's 年级数 when it has one, else the 六三 system's
         * (a teaching point's is left blank). */
        if (!isnan(s->grades[sec->level]))
            grades = s->grades[sec->level];
        else if (s->type != JH_TYPE_TEACHING_POINT)
            grades = sec->level == JH_LEVEL_PRIMARY ? 6.0 : 3.0;
        jh__cell_num(&w->book, ws, row, 0, (double)(j + 1), w->f.center);
        jh__cell_str(&w->book, ws, row, 1, s->code, w->f.text);
        jh__cell_str(&w->book, ws, row, 2, s->name, w->f.text);
        jh__cell_str(&w->book, ws, row, 3, wb_type_name(w, s->type), w->f.text);
        jh__cell_str(&w->book, ws, row, 4, wb_ownership_name(w, s->ownership),
                     w->f.center);
        jh__cell_num(&w->book, ws, row, 5, sec->students, w->f.general);
        jh__cell_num(&w->book, ws, row, 6, grades, w->f.center);
        jh__cell_num(&w->book, ws, row, 7, s->classes[sec->level], w->f.center);
        for (size_t k = 0; k < std->nindicators; k++)
            jh__cell_num(&w->book, ws, row, (lxw_col_t)(WB_S_FIXED + k),
                         r->value[k],
                         r->met[k]       ? w->f.num2
                         : r->partial[k] ? w->f.num2_part
                                         : w->f.num2_bad);
        jh__cell_num(&w->book, ws, row, c_met, (double)r->met_count,
                     w->f.center);
        jh__cell_str(&w->book, ws, row, c_verdict,
                     wb_l(w, r->pass ? "yes" : "no"),
                     wb_verdict_format(w, r->pass));
        jh__cell_str(&w->book, ws, row, c_remark,
                     jh_section_remark(w->ctx, si, buf, sizeof(buf)),
                     w->f.wrap);
        jh__row_height(&w->book, ws, row, jh__wrap_height(buf, wremark));
        jh__text_fit(&wcode, s->code);
        jh__text_fit(&wname, s->name);
        jh__text_fit(&wtype, wb_type_name(w, s->type));
        row++;
    }

    jh__col_width(&w->book, ws, 0, 0, 5);
    jh__col_width(&w->book, ws, 1, 1, wcode);
    jh__col_width(&w->book, ws, 2, 2, wname);
    jh__col_width(&w->book, ws, 3, 3, wtype);
    jh__col_width(&w->book, ws, 4, 4, w->lang == JH_LANG_EN ? 10 : 7);
    jh__col_width(&w->book, ws, 5, 5, 8);
    jh__col_width(&w->book, ws, 6, 6, 6);
    jh__col_width(&w->book, ws, 7, 7, 6);
    for (size_t k = 0; k < std->nindicators; k++)
        jh__col_width(&w->book, ws, (lxw_col_t)(WB_S_FIXED + k),
                      (lxw_col_t)(WB_S_FIXED + k), wind);
    jh__col_width(&w->book, ws, c_met, c_met, w->lang == JH_LANG_EN ? 9 : 7);
    jh__col_width(&w->book, ws, c_verdict, c_verdict, 7);
    jh__col_width(&w->book, ws, c_remark, c_remark, wremark);
    worksheet_freeze_panes(ws, head + 1, 3);
    jh__print_setup(&w->book, ws, head, head);
}

/* ---------------------------------------------------------------------- */
/* 计算过程: the CV with live formulas                                      */

/* Fix where the working sheet of @p lr puts its rows, before any sheet
 * refers to them. */
static void
wb_working_layout(wb_writer *w, const jh_level_result *lr)
{
    wb_working *wk = &w->working[lr->level];

    wb_working_sheet_name(w, lr->level, wk->sheet, sizeof(wk->sheet));
    wk->first = 3;
    wk->total_row = wk->first + (lxw_row_t)lr->nsections;
    wk->mean_row = wk->total_row + 1;
    wk->sd_row = wk->total_row + 2;
    wk->cv_row = wk->total_row + 3;
}

/* The per-school rows of one indicator block; *sum_terms receives the
 * cached sum of P(X − mean)². */
static void
wb_working_block(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr,
                 size_t k, double *sum_terms)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_indicator *ind = &a->standard->indicators[k];
    const wb_working *wk = &w->working[lr->level];
    const double mean = lr->ind[k].mean;
    const lxw_col_t cn = wb_block_col(k, 0), cx = cn + 1, ct = cn + 2;
    char n[16], p[16], x[16], mref[16], scale[32], formula[128];

    jh__number_text(ind->scale, scale, sizeof(scale));
    lxw_rowcol_to_cell_abs(mref, wk->mean_row, cx, 1, 1);
    *sum_terms = 0.0;
    for (size_t j = 0; j < lr->nsections; j++) {
        size_t si = lr->sections[j];
        const jh_section *sec = &a->model->sections[si];
        const lxw_row_t row = wk->first + (lxw_row_t)j;
        const double value = a->results[si].value[k];
        const double term = sec->students * (value - mean) * (value - mean);

        lxw_rowcol_to_cell(n, row, cn);
        lxw_rowcol_to_cell_abs(p, row, WB_W_P, 0, 1);
        lxw_rowcol_to_cell(x, row, cx);
        jh__cell_num(&w->book, ws, row, cn, jh_section_numerator(sec, ind),
                     w->f.num2);
        if (ind->scale == 1.0)
            snprintf(formula, sizeof(formula), "=%s/%s", n, p);
        else
            snprintf(formula, sizeof(formula), "=%s/%s*%s", n, p, scale);
        jh__cell_formula(&w->book, ws, row, cx, formula, value, w->f.num2);
        snprintf(formula, sizeof(formula), "=%s*(%s-%s)^2", p, x, mref);
        jh__cell_formula(&w->book, ws, row, ct, formula, term, w->f.num2);
        *sum_terms += term;
    }
}

/* Footer of one block: totals, weighted mean, SD and CV. */
static void
wb_working_footer(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr,
                  size_t k, double sum_terms)
{
    const jh_indicator *ind = &w->ctx->analysis->standard->indicators[k];
    const jh_indicator_stats *is = &lr->ind[k];
    const wb_working *wk = &w->working[lr->level];
    const lxw_col_t cn = wb_block_col(k, 0), cx = cn + 1, ct = cn + 2;
    const lxw_row_t last = wk->total_row - 1;
    char range[32], sp[16], sn[16], st[16], mean[16], sd[16], scale[32];
    char formula[128];

    jh__number_text(ind->scale, scale, sizeof(scale));
    lxw_rowcol_to_cell_abs(sp, wk->total_row, WB_W_P, 1, 1);
    lxw_rowcol_to_cell(sn, wk->total_row, cn);
    lxw_rowcol_to_cell(st, wk->total_row, ct);
    lxw_rowcol_to_cell(mean, wk->mean_row, cx);
    lxw_rowcol_to_cell(sd, wk->sd_row, cx);

    lxw_rowcol_to_range(range, wk->first, cn, last, cn);
    snprintf(formula, sizeof(formula), "=SUM(%s)", range);
    jh__cell_formula(&w->book, ws, wk->total_row, cn, formula, is->total,
                     w->f.num2);
    jh__cell_str(&w->book, ws, wk->total_row, cx, "", w->f.text);
    lxw_rowcol_to_range(range, wk->first, ct, last, ct);
    snprintf(formula, sizeof(formula), "=SUM(%s)", range);
    jh__cell_formula(&w->book, ws, wk->total_row, ct, formula, sum_terms,
                     w->f.num2);

    /* 加权平均数 = ΣN × scale / ΣP: the county total per student. */
    if (ind->scale == 1.0)
        snprintf(formula, sizeof(formula), "=%s/%s", sn, sp);
    else
        snprintf(formula, sizeof(formula), "=%s*%s/%s", sn, scale, sp);
    jh__cell_formula(&w->book, ws, wk->mean_row, cx, formula, is->mean,
                     w->f.num2);
    /* 标准差 = √(ΣP(X − mean)² / ΣP): population form, divided by P. */
    snprintf(formula, sizeof(formula), "=SQRT(%s/%s)", st, sp);
    jh__cell_formula(&w->book, ws, wk->sd_row, cx, formula, is->sd, w->f.num2);
    /* 差异系数 = SD / mean; undefined when the mean is 0. */
    if (is->cv_defined) {
        snprintf(formula, sizeof(formula), "=%s/%s", sd, mean);
        jh__cell_formula(&w->book, ws, wk->cv_row, cx, formula, is->cv,
                         is->cv_print_disagrees ? w->f.num3_flag
                         : is->cv_pass          ? w->f.num3
                                                : w->f.num3_bad);
    } else {
        jh__cell_str(&w->book, ws, wk->cv_row, cx, wb_l(w, "undefined"),
                     w->f.bad_text);
    }
    for (lxw_row_t r = wk->mean_row; r <= wk->cv_row; r++) {
        jh__cell_str(&w->book, ws, r, cn, "", w->f.text);
        jh__cell_str(&w->book, ws, r, ct, "", w->f.text);
    }
}

static void
wb_working_sheet(wb_writer *w, lxw_worksheet *ws, const jh_level_result *lr)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    const wb_working *wk = &w->working[lr->level];
    const lxw_col_t last_col = wb_block_col(std->nindicators - 1, 2);
    static const char *const fixed[] = {"seq", "school", "students",
                                        "physical_share"};
    static const char *const parts[] = {"numerator", "value", "deviation_term"};
    static const char *const footer[] = {"total", "weighted_mean", "sd", "cv"};
    const double wblocks = WB_W_WIDTH * 3.0 * (double)std->nindicators;
    double wname = 10, head_height = 0.0;
    char buf[1024], range[32];
    lxw_row_t row;

    wb_sheet_title(w, "title_working", (int)lr->level, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, 0, 0, 0, last_col, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, 0, 24, NULL));
    for (lxw_col_t c = 0; c < WB_W_FIRST_BLOCK; c++)
        jh__cell_merge(&w->book, ws, 1, c, 2, c, wb_l(w, fixed[c]),
                       w->f.header);
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator *ind = &std->indicators[k];
        jh__cell_merge(&w->book, ws, 1, wb_block_col(k, 0), 1,
                       wb_block_col(k, 2),
                       wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                    wb_unit(w, ind), buf, sizeof(buf)),
                       w->f.header);
        head_height = fmax(head_height, jh__wrap_height(buf, 3 * WB_W_WIDTH));
        for (int p = 0; p < 3; p++)
            jh__cell_str(&w->book, ws, 2, wb_block_col(k, p), wb_l(w, parts[p]),
                         w->f.header);
    }
    jh__row_height(&w->book, ws, 1, head_height);

    for (size_t j = 0; j < lr->nsections; j++) {
        size_t si = lr->sections[j];
        const jh_section *sec = &m->sections[si];
        const jh_school *s = &m->county->schools[sec->school];
        row = wk->first + (lxw_row_t)j;
        jh__cell_num(&w->book, ws, row, WB_W_SEQ, (double)(j + 1), w->f.center);
        jh__cell_str(&w->book, ws, row, WB_W_NAME, s->name, w->f.text);
        jh__cell_num(&w->book, ws, row, WB_W_P, sec->students, w->f.general);
        jh__cell_num(&w->book, ws, row, WB_W_SHARE, sec->physical_share,
                     w->f.pct2);
        jh__text_fit(&wname, s->name);
    }
    for (size_t k = 0; k < std->nindicators; k++) {
        double sum_terms;
        wb_working_block(w, ws, lr, k, &sum_terms);
        wb_working_footer(w, ws, lr, k, sum_terms);
    }

    /* Footer labels and ΣP. */
    for (int i = 0; i < 4; i++) {
        row = wk->total_row + (lxw_row_t)i;
        jh__cell_str(&w->book, ws, row, WB_W_SEQ, "", w->f.text);
        jh__cell_str(&w->book, ws, row, WB_W_NAME, wb_l(w, footer[i]),
                     w->f.total);
        jh__cell_str(&w->book, ws, row, WB_W_SHARE, "", w->f.text);
        if (i > 0)
            jh__cell_str(&w->book, ws, row, WB_W_P, "", w->f.text);
    }
    lxw_rowcol_to_range(range, wk->first, WB_W_P, wk->total_row - 1, WB_W_P);
    snprintf(buf, sizeof(buf), "=SUM(%s)", range);
    jh__cell_formula(&w->book, ws, wk->total_row, WB_W_P, buf, lr->students,
                     w->f.general);

    row = wk->cv_row + 2;
    jh__cell_merge(&w->book, ws, row, 0, row, last_col, wb_l(w, "formula_note"),
                   w->f.note);
    jh__row_height(&w->book, ws, row,
                   jh__wrap_height(wb_l(w, "formula_note"), wblocks));
    jh__cell_merge(&w->book, ws, row + 1, 0, row + 1, last_col,
                   wb_l(w, "value_note"), w->f.note);
    jh__row_height(&w->book, ws, row + 1,
                   jh__wrap_height(wb_l(w, "value_note"), wblocks));

    jh__col_width(&w->book, ws, WB_W_SEQ, WB_W_SEQ, 5);
    jh__col_width(&w->book, ws, WB_W_NAME, WB_W_NAME, wname);
    jh__col_width(&w->book, ws, WB_W_P, WB_W_P, 9);
    jh__col_width(&w->book, ws, WB_W_SHARE, WB_W_SHARE,
                  w->lang == JH_LANG_EN ? 9 : 10);
    for (lxw_col_t c = WB_W_FIRST_BLOCK; c <= last_col; c++)
        jh__col_width(&w->book, ws, c, c, WB_W_WIDTH);
    worksheet_freeze_panes(ws, wk->first, WB_W_P);
    jh__print_setup(&w->book, ws, 1, 2);
}

/* ---------------------------------------------------------------------- */
/* 排除与提示                                                               */

/* The place of a warning ("file:line:col"), without its message. */
static char *
wb_diag_location(const jh_diag *d, char *buf, size_t size)
{
    jh_diag copy = *d;
    size_t len;

    copy.message = (char *)"";
    jh_diag_format(&copy, buf, size);
    len = strlen(buf);
    /* jh_diag_format ends the place with ": " before the message */
    if (len >= 2 && buf[len - 2] == ':' && buf[len - 1] == ' ')
        buf[len - 2] = '\0';
    return buf;
}

static void
wb_excluded_sheet(wb_writer *w, lxw_worksheet *ws)
{
    const jh_model *m = w->ctx->analysis->model;
    const jh_diags *warn = w->ctx->warnings;
    const size_t nwarn = warn != NULL ? warn->count : 0;
    static const char *const heads[] = {"seq", "code", "school", "type",
                                        "reason"};
    static const char *const wheads[] = {"seq", "location", "code", "message"};
    double wcol[5] = {5, 10, 12, 10, 36};
    char buf[2048];
    lxw_row_t row = 0;

    /* Widths first: the warning rows' heights depend on them.  Column 1
     * holds codes (excluded) and places (warnings), column 2 names and
     * codes; the message spans columns 3 and 4. */
    for (size_t i = 0; i < m->nexcluded; i++) {
        const jh_school *s = &m->county->schools[m->excluded[i].school];
        jh__text_fit(&wcol[1], s->code);
        jh__text_fit(&wcol[2], s->name);
        jh__text_fit(&wcol[3], wb_type_name(w, s->type));
        jh__text_fit(&wcol[4],
                     jh_exclusion_name(m->excluded[i].reason, w->lang));
    }
    for (size_t i = 0; i < nwarn; i++) {
        const jh_diag *d = &warn->items[i];
        jh__text_fit(&wcol[1], wb_diag_location(d, buf, sizeof(buf)));
        if (d->code != NULL)
            jh__text_fit(&wcol[2], d->code);
    }
    if (wcol[3] + wcol[4] < 60)
        wcol[4] = 60 - wcol[3];

    wb_sheet_title(w, "title_excluded", -1, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, row, 0, row, 4, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, row, 24, NULL));
    row++;
    for (lxw_col_t c = 0; c < 5; c++)
        jh__cell_str(&w->book, ws, row, c, wb_l(w, heads[c]), w->f.header);
    row++;
    for (size_t i = 0; i < m->nexcluded; i++) {
        const jh_school *s = &m->county->schools[m->excluded[i].school];
        jh__cell_num(&w->book, ws, row, 0, (double)(i + 1), w->f.center);
        jh__cell_str(&w->book, ws, row, 1, s->code, w->f.text);
        jh__cell_str(&w->book, ws, row, 2, s->name, w->f.text);
        jh__cell_str(&w->book, ws, row, 3, wb_type_name(w, s->type), w->f.text);
        jh__cell_str(&w->book, ws, row, 4,
                     jh_exclusion_name(m->excluded[i].reason, w->lang),
                     w->f.text);
        row++;
    }
    if (m->nexcluded == 0) {
        jh__cell_merge(&w->book, ws, row, 0, row, 4, wb_l(w, "none"),
                       w->f.text);
        row++;
    }

    row++;
    jh__cell_str(&w->book, ws, row++, 0, wb_l(w, "title_warnings"),
                 w->f.section);
    for (lxw_col_t c = 0; c < 3; c++)
        jh__cell_str(&w->book, ws, row, c, wb_l(w, wheads[c]), w->f.header);
    jh__cell_merge(&w->book, ws, row, 3, row, 4, wb_l(w, wheads[3]),
                   w->f.header);
    row++;
    for (size_t i = 0; i < nwarn; i++) {
        const jh_diag *d = &warn->items[i];
        jh__cell_num(&w->book, ws, row, 0, (double)(i + 1), w->f.center);
        jh__cell_str(&w->book, ws, row, 1,
                     wb_diag_location(d, buf, sizeof(buf)), w->f.wrap);
        const char *msg = jh_diag_message(d, w->lang == JH_LANG_ZH);
        jh__row_height(&w->book, ws, row,
                       fmax(jh__wrap_height(buf, wcol[1]),
                            jh__wrap_height(msg, wcol[3] + wcol[4])));
        jh__cell_str(&w->book, ws, row, 2, d->code != NULL ? d->code : "",
                     w->f.text);
        jh__cell_merge(&w->book, ws, row, 3, row, 4, msg, w->f.wrap);
        row++;
    }
    if (nwarn == 0)
        jh__cell_merge(&w->book, ws, row, 0, row, 4, wb_l(w, "none"),
                       w->f.text);

    for (lxw_col_t c = 0; c < 5; c++)
        jh__col_width(&w->book, ws, c, c, wcol[c]);
    worksheet_freeze_panes(ws, 2, 0);
    jh__print_setup(&w->book, ws, 1, 1);
}

/* ---------------------------------------------------------------------- */
/* The workbook                                                            */

static lxw_worksheet *
wb_add_sheet(wb_writer *w, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->book.wb, name);
    if (ws == NULL)
        jh__book_check(&w->book, LXW_ERROR_PARAMETER_VALIDATION);
    return ws;
}

/* Build every sheet; the first error stays in w->book.first. */
static void
wb_build(wb_writer *w)
{
    const jh_analysis *a = w->ctx->analysis;
    const jh_standard *std = a->standard;
    lxw_worksheet *summary, *schools[JH_LEVEL_COUNT] = {NULL},
                            *working[JH_LEVEL_COUNT] = {NULL}, *excluded;
    char name[64];

    if (!wb_make_formats(w))
        return;
    summary = wb_add_sheet(w, wb_l(w, "sheet_summary"));
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!a->levels[l].present)
            continue;
        wb_school_sheet_name(w, (jh_level)l, name, sizeof(name));
        schools[l] = wb_add_sheet(w, name);
    }
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!a->levels[l].present)
            continue;
        wb_working_layout(w, &a->levels[l]);
        working[l] = wb_add_sheet(w, w->working[l].sheet);
    }
    excluded = wb_add_sheet(w, wb_l(w, "sheet_excluded"));
    if (w->book.first != LXW_NO_ERROR || std->nindicators == 0)
        return;

    wb_summary(w, summary);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (schools[l] != NULL)
            wb_school_sheet(w, schools[l], &a->levels[l]);
        if (working[l] != NULL)
            wb_working_sheet(w, working[l], &a->levels[l]);
    }
    wb_excluded_sheet(w, excluded);
    /* 学校办学条件: the school-level government-guarantee checks, when the
     * standard has them and the file gives any of their columns. */
    if (std->guarantee.defined && w->book.first == LXW_NO_ERROR &&
        w->st == JH_OK && w->ctx->guarantee->any_column)
        w->st =
            jh__guarantee_sheet(w->book.wb, w->ctx, w->ctx->guarantee, w->err);
    /* 补充分析: contributions, leave-one-out CVs, the urban/town/rural
     * means and CVs and the inequality indices, labelled supplementary. */
    if (w->book.first == LXW_NO_ERROR && w->st == JH_OK)
        w->st = jh_report_diagnostics_sheet(w->book.wb, w->ctx, w->err);
    worksheet_activate(summary);
}

/* The writer of analysis sheets added to a workbook someone else owns; it
 * lives until that workbook is closed (page breaks are read at close). */
struct jh__analysis_sheets {
    wb_writer w;
};

jh_status
jh__workbook_add_analysis(jh__analysis_sheets **out, lxw_workbook *wb,
                          const jh_report_context *ctx, jh_error *err)
{
    jh__analysis_sheets *as = calloc(1, sizeof(*as));

    *out = as;
    if (as == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    as->w.ctx = ctx;
    as->w.lang = ctx->lang;
    as->w.book.first = LXW_NO_ERROR;
    as->w.book.wb = wb;
    as->w.err = err;
    as->w.st = jh__report_checks(ctx, true, err);
    if (as->w.st != JH_OK)
        return as->w.st;
    wb_build(&as->w);
    if (as->w.st != JH_OK)
        return as->w.st;
    if (as->w.book.first != LXW_NO_ERROR)
        return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                            "cannot write the analysis sheets: %s",
                            lxw_strerror(as->w.book.first));
    return JH_OK;
}

void
jh__workbook_analysis_free(jh__analysis_sheets *as)
{
    free(as);
}

/*
 * Write the workbook of @p ctx to @p path, replacing any file there.  The
 * document time is ctx->created (0 is stored as 1 s after the epoch), so
 * the same analysis gives the same bytes.  Returns JH_ERR_ARG without an
 * analysis; JH_ERR_OUTPUT when the file cannot be created (with the
 * system's reason) or libxlsxwriter fails (with its reason), and then
 * removes whatever was written at @p path.  Nothing is printed.
 */
jh_status
jh_report_workbook(const char *path, const jh_report_context *ctx,
                   jh_error *err)
{
    const jh_standard *std;
    wb_writer w;
    lxw_doc_properties props;
    lxw_error close_error;
    FILE *probe;
    char title[512], subject[256], comments[128];

    if (path == NULL || ctx == NULL || ctx->analysis == NULL)
        return jh_error_set(err, JH_ERR_ARG, path, 0, 0,
                            "cannot write workbook: no analysis");
    if (jh__report_checks(ctx, true, err) != JH_OK)
        return JH_ERR_ARG;
    std = ctx->analysis->standard;
    memset(&w, 0, sizeof(w));
    w.err = err;
    w.ctx = ctx;
    w.lang = ctx->lang;
    w.book.first = LXW_NO_ERROR;
    /* libxlsxwriter opens the file only in workbook_close, after all the
     * work, and then prints its own message on stderr: find out first. */
    probe = fopen(path, "wb");
    if (probe == NULL)
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s", strerror(errno));
    fclose(probe);
    w.book.wb = workbook_new(path);
    if (w.book.wb == NULL) {
        remove(path);
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s",
                            lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    }

    memset(&props, 0, sizeof(props));
    wb_sheet_title(&w, "title_summary", -1, title, sizeof(title));
    snprintf(subject, sizeof(subject), "%s (%s)",
             w.lang == JH_LANG_EN ? std->name_en : std->name_zh, std->id);
    snprintf(comments, sizeof(comments), "junheng %s",
             ctx->version != NULL ? ctx->version : "");
    /* libxlsxwriter writes these without escaping control characters (a
     * county named after its file may hold ESC). */
    jh__xml_visible(title, sizeof(title));
    jh__xml_visible(subject, sizeof(subject));
    props.title = title;
    props.subject = subject;
    props.author = (char *)"junheng";
    props.comments = comments;
    /* created == 0 makes libxlsxwriter use the current time: a document
     * time of 0 (SOURCE_DATE_EPOCH=0) becomes one second later instead,
     * so that the bytes stay reproducible. */
    props.created = ctx->created > 0 ? (time_t)ctx->created : (time_t)1;
    jh__book_check(&w.book, workbook_set_properties(w.book.wb, &props));

    wb_build(&w);
    close_error = workbook_close(w.book.wb);
    if (w.st != JH_OK) {
        remove(path);
        return w.st;
    }
    if (w.book.first == LXW_NO_ERROR)
        w.book.first = close_error;
    if (w.book.first != LXW_NO_ERROR) {
        remove(path);
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s",
                            lxw_strerror(w.book.first));
    }
    return JH_OK;
}
