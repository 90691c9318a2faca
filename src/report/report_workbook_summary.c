/* junheng - analyze's workbook: the 汇总 sheet (standard and rules,
 * 表Ⅲ, 表Ⅱ-1, verdicts). */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "junheng/report.h"
#include "sheet.h"
#include "standard_text.h"
#include "util.h"
#include "workbook_writer.h"

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

    jh__wb_sheet_title(w, "title_summary", -1, buf, sizeof(buf));
    jh__cell_merge(&w->book, ws, row, 0, row, last_col, buf, w->f.title);
    jh__book_check(&w->book, worksheet_set_row(ws, row, 24, NULL));
    row++;
    row = wb_info_line(w, ws, row, jh__wb_l(w, "county"), w->ctx->county_name,
                       last_col);
    snprintf(buf, sizeof(buf),
             w->lang == JH_LANG_EN ? "%s (%s, %s)" : "%s（%s，%s）",
             w->lang == JH_LANG_EN ? std->name_en : std->name_zh, std->id,
             std->source);
    row = wb_info_line(w, ws, row, jh__wb_l(w, "standard"), buf, last_col);
    if (std->file[0] != '\0')
        row = wb_info_line(w, ws, row, jh__wb_l(w, "standard_file"), std->file,
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
        row =
            wb_info_line(w, ws, row, jh__wb_l(w, "provisions_label"),
                         buf[0] != '\0' ? buf : jh__wb_l(w, "none"), last_col);
    }
    row = wb_info_line(w, ws, row, jh__wb_l(w, "scope_label"),
                       wb_scope_text(w, std, buf, sizeof(buf)), last_col);
    row = wb_info_line(w, ws, row, jh__wb_l(w, "weighting_label"),
                       jh__wb_l(w, "weighting_rule"), last_col);
    jh__rule_text(std, jh__wb_l(w, "split_rule"), buf, sizeof(buf));
    row = wb_info_line(w, ws, row, jh__wb_l(w, "split_label"), buf, last_col);
    jh__rule_text(
        std,
        jh__wb_l(w, std->min_met == 0 ? "school_rule_none" : "school_rule"),
        buf, sizeof(buf));
    row = wb_info_line(w, ws, row, jh__wb_l(w, "school_rule_label"), buf,
                       last_col);
    jh__cell_str(&w->book, ws, row, 0, jh__wb_l(w, "overall"), w->f.label);
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
    jh__cell_str(&w->book, ws, row, 1, jh__wb_l(w, "composite_cv"), w->f.total);
    jh__cell_str(&w->book, ws, row, 2, "", w->f.center);
    jh__cell_str(&w->book, ws, row, 3, "", w->f.center);
    if (defined)
        jh__cell_formula(&w->book, ws, row, 4, formula, lr->composite_cv,
                         lr->composite_print_disagrees ? w->f.num3_flag
                         : lr->composite_pass          ? w->f.num3
                                                       : w->f.num3_bad);
    else
        jh__cell_str(&w->book, ws, row, 4, jh__wb_l(w, "undefined"),
                     w->f.bad_text);
    jh__cell_num(&w->book, ws, row, 5, lr->composite_limit, w->f.num2);
    jh__cell_str(&w->book, ws, row, 6, jh__wb_verdict(w, lr->composite_pass),
                 jh__wb_verdict_format(w, lr->composite_pass));
    jh__cell_str(&w->book, ws, row, 7,
                 lr->composite_print_disagrees ? jh__wb_l(w, "warning_cv_print")
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

    jh__cell_str(&w->book, ws, row++, 0, jh__wb_l(w, "title_t3"), w->f.section);
    jh__header_row(&w->book, ws, row, heads, 8, w->lang, w->f.header);
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
                         jh__wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                          jh__wb_unit(w, ind), buf,
                                          sizeof(buf)),
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
                jh__cell_str(&w->book, ws, row, 4, jh__wb_l(w, "undefined"),
                             w->f.bad_text);
                note = jh__wb_l(w, "undefined_note");
            }
            if (!isnan(is->cv_limit)) {
                jh__cell_num(&w->book, ws, row, 5, is->cv_limit, w->f.num2);
                jh__cell_str(&w->book, ws, row, 6,
                             jh__wb_verdict(w, is->cv_pass),
                             jh__wb_verdict_format(w, is->cv_pass));
            } else {
                /* Not judged singly (2012: only the composite is). */
                jh__cell_str(&w->book, ws, row, 5, "-", w->f.center);
                jh__cell_str(&w->book, ws, row, 6, "-", w->f.center);
            }
            if (is->cv_print_disagrees) {
                note = jh__wb_l(w, "warning_cv_print");
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

    jh__cell_str(&w->book, ws, row++, 0, jh__wb_l(w, "title_t21"),
                 w->f.section);
    jh__header_row(&w->book, ws, row, heads, 6, w->lang, w->f.header);
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
                jh__cell_str(&w->book, ws, row, 1,
                             jh__wb_l(w, "schools_rule_pass"), w->f.total);
                jh__cell_str(&w->book, ws, row, 2, "", w->f.center);
            } else {
                const jh_indicator *ind = &std->indicators[k];
                jh__cell_str(
                    &w->book, ws, row, 1,
                    jh__wb_with_unit(w, jh_indicator_name(ind, w->lang),
                                     jh__wb_unit(w, ind), buf, sizeof(buf)),
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

    jh__cell_str(&w->book, ws, row++, 0, jh__wb_l(w, "title_verdict"),
                 w->f.section);
    jh__header_row(&w->book, ws, row, heads, 7, w->lang, w->f.header);
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
        jh__cell_str(&w->book, ws, row, 4,
                     jh__wb_l(w, lr->cv_pass ? "yes" : "no"),
                     jh__wb_verdict_format(w, lr->cv_pass));
        jh__cell_str(&w->book, ws, row, 5,
                     jh__wb_l(w, lr->schools_pass ? "yes" : "no"),
                     jh__wb_verdict_format(w, lr->schools_pass));
        jh__cell_str(&w->book, ws, row, 6, jh__wb_verdict(w, lr->pass),
                     jh__wb_verdict_format(w, lr->pass));
        row++;
    }
    jh__cell_str(&w->book, ws, row, 0, jh__wb_l(w, "overall"), w->f.total);
    jh__cell_merge(&w->book, ws, row, 1, row, 5,
                   jh_county_verdict(w->lang, a->standard, a->pass), w->f.text);
    jh__cell_str(&w->book, ws, row, 6, jh__wb_verdict(w, a->pass),
                 jh__wb_verdict_format(w, a->pass));
    return row + 1;
}

void
jh__wb_summary(wb_writer *w, lxw_worksheet *ws)
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
