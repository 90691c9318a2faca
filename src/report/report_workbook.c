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
 * The cells are written with the workbook toolkit (sheet.h).  This file
 * has the formats, the names and the workbook; the sheets are in
 * report_workbook_summary.c and report_workbook_schools.c, which share
 * the writer through workbook_writer.h (jh__wb_ names: libxlsxwriter
 * exports unprefixed chart_*, format_*, worksheet_*, workbook_* symbols).
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
#include "junheng/report_diagnostics.h"
#include "junheng/report_text.h"
#include "junheng/report_workbook.h"
#include "report_diagnostics.h"
#include "report_guarantee.h"
#include "report_workbook.h"
#include "sheet.h"
#include "standard_text.h"
#include "util.h"
#include "workbook_writer.h"

/* ---------------------------------------------------------------------- */
/* Small helpers                                                           */

const char *
jh__wb_l(const wb_writer *w, const char *key)
{
    return jh_label(w->lang, key);
}

/* "name（unit）" in Chinese, "name (unit)" in English. */
char *
jh__wb_with_unit(const wb_writer *w, const char *name, const char *unit,
                 char *buf, size_t size)
{
    if (unit == NULL || unit[0] == '\0')
        snprintf(buf, size, "%s", name);
    else if (w->lang == JH_LANG_EN)
        snprintf(buf, size, "%s (%s)", name, unit);
    else
        snprintf(buf, size, "%s（%s）", name, unit);
    return buf;
}

const char *
jh__wb_unit(const wb_writer *w, const jh_indicator *ind)
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

lxw_format *
jh__wb_verdict_format(wb_writer *w, bool pass)
{
    return pass ? w->f.pass : w->f.fail;
}

const char *
jh__wb_verdict(const wb_writer *w, bool pass)
{
    return jh__wb_l(w, pass ? "pass" : "fail");
}

/* ---------------------------------------------------------------------- */
/* Names                                                                   */

const char *
jh__wb_type_name(const wb_writer *w, jh_school_type type)
{
    char key[64];
    snprintf(key, sizeof(key), "type_%s", jh_school_type_key(type));
    /* jh_label returns the key itself when it has no entry; the type key
     * table and the label table list the same types. */
    return jh_label(w->lang, key) == key ? jh_school_type_key(type)
                                         : jh_label(w->lang, key);
}

const char *
jh__wb_ownership_name(const wb_writer *w, jh_ownership o)
{
    switch (o) {
    case JH_OWNERSHIP_PUBLIC:
        return jh__wb_l(w, "ownership_public");
    case JH_OWNERSHIP_PRIVATE:
        return jh__wb_l(w, "ownership_private");
    case JH_OWNERSHIP_PROVINCE:
        return jh__wb_l(w, "ownership_province");
    default:
        return jh__wb_l(w, "ownership_unknown");
    }
}

/* Sheet names: "表Ⅱ-2 小学", "计算过程-小学" (at most 31 characters; the
 * labels are short and contain none of []:*?/\). */
static void
wb_school_sheet_name(const wb_writer *w, jh_level level, char *buf, size_t size)
{
    snprintf(buf, size, "%s %s", jh__wb_l(w, "sheet_t22"),
             jh_level_name(level, w->lang));
}

void
jh__wb_working_sheet_name(const wb_writer *w, jh_level level, char *buf,
                          size_t size)
{
    snprintf(buf, size, "%s-%s", jh__wb_l(w, "sheet_working"),
             jh_level_name(level, w->lang));
}

/* "青溪县 表Ⅱ-2 学校资源配置指标情况（小学）" */
char *
jh__wb_sheet_title(const wb_writer *w, const char *title_key, int level,
                   char *buf, size_t size)
{
    if (level < 0)
        snprintf(buf, size, "%s %s", w->ctx->county_name,
                 jh__wb_l(w, title_key));
    else
        snprintf(buf, size,
                 w->lang == JH_LANG_EN ? "%s %s (%s)" : "%s %s（%s）",
                 w->ctx->county_name, jh__wb_l(w, title_key),
                 jh_level_name((jh_level)level, w->lang));
    return buf;
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
    summary = wb_add_sheet(w, jh__wb_l(w, "sheet_summary"));
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!a->levels[l].present)
            continue;
        wb_school_sheet_name(w, (jh_level)l, name, sizeof(name));
        schools[l] = wb_add_sheet(w, name);
    }
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!a->levels[l].present)
            continue;
        jh__wb_working_layout(w, &a->levels[l]);
        working[l] = wb_add_sheet(w, w->working[l].sheet);
    }
    excluded = wb_add_sheet(w, jh__wb_l(w, "sheet_excluded"));
    if (w->book.first != LXW_NO_ERROR || std->nindicators == 0)
        return;

    jh__wb_summary(w, summary);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (schools[l] != NULL)
            jh__wb_school_sheet(w, schools[l], &a->levels[l]);
        if (working[l] != NULL)
            jh__wb_working_sheet(w, working[l], &a->levels[l]);
    }
    jh__wb_excluded_sheet(w, excluded);
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
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    as->w.ctx = ctx;
    as->w.lang = ctx->lang;
    jh__book_init(&as->w.book, wb);
    as->w.err = err;
    as->w.st = jh__report_checks(ctx, true, err);
    if (as->w.st != JH_OK)
        return as->w.st;
    wb_build(&as->w);
    if (as->w.st != JH_OK)
        return as->w.st;
    if (as->w.book.first != LXW_NO_ERROR)
        return jh_error_set2(
            err, JH_ERR_OUTPUT, NULL, 0, 0, "无法写入分析工作表：%s%.0s",
            "cannot write the analysis sheets: %.0s%s",
            jh__lxw_zh(as->w.book.first), lxw_strerror(as->w.book.first));
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
        return jh_error_set2(err, JH_ERR_ARG, path, 0, 0,
                             "无法写入工作簿：没有分析结果",
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
        return jh_error_errno2(err, JH_ERR_OUTPUT, path, errno,
                               "无法写入工作簿", "cannot write workbook");
    fclose(probe);
    w.book.wb = workbook_new(path);
    if (w.book.wb == NULL) {
        remove(path);
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0,
                             "无法写入工作簿：%s%.0s",
                             "cannot write workbook: %.0s%s",
                             jh__lxw_zh(LXW_ERROR_MEMORY_MALLOC_FAILED),
                             lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    }

    memset(&props, 0, sizeof(props));
    jh__wb_sheet_title(&w, "title_summary", -1, title, sizeof(title));
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
        return jh_error_set2(
            err, JH_ERR_OUTPUT, path, 0, 0, "无法写入工作簿：%s%.0s",
            "cannot write workbook: %.0s%s", jh__lxw_zh(w.book.first),
            lxw_strerror(w.book.first));
    }
    return JH_OK;
}
