/*
 * junheng - summary.xlsx of a batch and the workbook of a trend, written
 * with the workbook toolkit (sheet.h); their JSON and text are in
 * report_batch_text.c.
 *
 * Names: libxlsxwriter exports unprefixed chart_*, format_*, worksheet_*,
 * workbook_* symbols, so every helper here is static with a bs_ prefix.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "json_out.h"
#include "junheng/report_batch.h"
#include "sheet.h"
#include "util.h"

/* ---------------------------------------------------------------------- */
/* Workbook                                                                */

#define BS_RED_FILL 0xFFC7CE
#define BS_RED_FONT 0x9C0006
#define BS_HEADER_FILL 0xF2F2F2

typedef struct bs_formats {
    lxw_format *title, *info, *header, *text, *center, *num2, *num3, *num3_bad,
        *bad_text, *pass, *fail;
} bs_formats;

typedef struct bs_writer {
    const jh_batch_report_context *ctx;
    jh_lang lang;
    jh__book book; /* the workbook and its first error */
    bs_formats f;
} bs_writer;

static const char *
bs_l(const bs_writer *w, const char *key)
{
    return jh_label(w->lang, key);
}

static lxw_format *
bs_fmt(bs_writer *w, bool bold, bool border, uint32_t fill, uint32_t font,
       const char *num, uint8_t align)
{
    lxw_format *f = jh__book_format(&w->book);

    if (f == NULL)
        return NULL;
    format_set_font_name(f, "SimSun");
    format_set_font_size(f, 10);
    if (bold)
        format_set_bold(f);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    if (fill != 0)
        format_set_bg_color(f, (lxw_color_t)fill);
    if (font != 0)
        format_set_font_color(f, (lxw_color_t)font);
    if (num != NULL)
        format_set_num_format(f, num);
    if (align != 0)
        format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

/*
 * Start writer @p w for the workbook at @p path: its context and language,
 * and a first open of the file, because libxlsxwriter opens it only when
 * closing and then prints its own message.  JH_OK, or an error naming
 * @p path with nothing written.
 */
static jh_status
bs_writer_begin(bs_writer *w, const jh_batch_report_context *ctx,
                const char *path, jh_error *err)
{
    FILE *probe;

    memset(w, 0, sizeof(*w));
    w->ctx = ctx;
    w->lang = ctx->lang;
    w->book.first = LXW_NO_ERROR;
    probe = fopen(path, "wb");
    if (probe == NULL)
        return jh_error_errno2(err, JH_ERR_OUTPUT, path, errno,
                               "无法写入工作簿", "cannot write workbook");
    fclose(probe);
    return JH_OK;
}

/* The document properties of a batch or trend workbook: its title (label
 * @p title_key), junheng and its version, and the document date (never
 * 0, which would make libxlsxwriter use the current time). */
static void
bs_properties(bs_writer *w, const jh_batch_report_context *ctx,
              const char *title_key)
{
    lxw_doc_properties props;
    char comments[128];

    memset(&props, 0, sizeof(props));
    snprintf(comments, sizeof(comments), "junheng %s",
             ctx->version != NULL ? ctx->version : "");
    props.title = (char *)jh_label(w->lang, title_key);
    props.author = (char *)"junheng";
    props.comments = comments;
    props.created = ctx->created > 0 ? (time_t)ctx->created : (time_t)1;
    jh__book_check(&w->book, workbook_set_properties(w->book.wb, &props));
}

static void
bs_formats_make(bs_writer *w)
{
    bs_formats *f = &w->f;

    f->title = bs_fmt(w, true, false, 0, 0, NULL, 0);
    if (f->title != NULL)
        format_set_font_size(f->title, 14);
    f->info = bs_fmt(w, false, false, 0, 0, NULL, 0);
    f->header =
        bs_fmt(w, true, true, BS_HEADER_FILL, 0, NULL, LXW_ALIGN_CENTER);
    if (f->header != NULL)
        format_set_text_wrap(f->header);
    f->text = bs_fmt(w, false, true, 0, 0, NULL, 0);
    f->center = bs_fmt(w, false, true, 0, 0, NULL, LXW_ALIGN_CENTER);
    f->num2 = bs_fmt(w, false, true, 0, 0, "0.00", 0);
    f->num3 = bs_fmt(w, false, true, 0, 0, "0.000", 0);
    f->num3_bad = bs_fmt(w, false, true, BS_RED_FILL, BS_RED_FONT, "0.000", 0);
    f->bad_text = bs_fmt(w, false, true, BS_RED_FILL, BS_RED_FONT, NULL, 0);
    f->pass = bs_fmt(w, false, true, 0, 0, NULL, LXW_ALIGN_CENTER);
    f->fail =
        bs_fmt(w, true, true, BS_RED_FILL, BS_RED_FONT, NULL, LXW_ALIGN_CENTER);
}

/* A number cell, or the "undefined" text when not finite. */
static void
bs_number(bs_writer *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
          lxw_format *f)
{
    if (isfinite(v))
        jh__book_check(&w->book, worksheet_write_number(ws, r, c, v, f));
    else
        jh__cell_str(&w->book, ws, r, c, bs_l(w, "undefined"), w->f.bad_text);
}

/* The two header rows of the summary sheet, from row @p r. */
static void
bs_summary_head(bs_writer *w, lxw_worksheet *ws, lxw_row_t r)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    lxw_col_t c = 0, first_ind, after;

    /* Two header rows: the indicator over its mean and CV.  The workbook
     * is written in constant-memory mode, row after row: the first header
     * row is written whole, then the second, and only then are the
     * vertical merges declared (worksheet_merge_range() then writes just
     * the blank below each label; the label is already in place). */
    worksheet_set_row(ws, r, 30, NULL);
    {
        static const char *const tail[] = {
            "batch_cv_failing", "batch_cv_max",
            "batch_cv_mean",    "batch_schools_failing",
            "cv_all_pass",      "schools_pass",
            "verdict",          "batch_rank"};
        const char *lead[4];
        size_t nlead = 0, ntail = sizeof(tail) / sizeof(tail[0]);
        lxw_col_t vert[16];
        const char *vtext[16];
        size_t nvert = 0;

        lead[nlead++] = bs_l(w, "county");
        if (b->has_years)
            lead[nlead++] = bs_l(w, "batch_year");
        lead[nlead++] = bs_l(w, "level");
        lead[nlead++] = bs_l(w, "batch_schools");
        jh__col_width(&w->book, ws, 0, 0, 16);
        for (size_t i = 0; i < nlead + 1; i++, c++) {
            const char *t = i < nlead ? lead[i] : bs_l(w, "students");
            jh__cell_str(&w->book, ws, r, c, t, w->f.header);
            vert[nvert] = c;
            vtext[nvert++] = t;
        }
        first_ind = c;
        for (size_t k = 0; k < std->nindicators; k++, c += 2)
            jh__cell_merge(&w->book, ws, r, c, r, c + 1,
                           jh_indicator_short(&std->indicators[k], w->lang),
                           w->f.header);
        jh__col_width(&w->book, ws, first_ind, c - 1, 10);
        after = c;
        for (size_t i = 0; i < ntail; i++, c++) {
            jh__cell_str(&w->book, ws, r, c, bs_l(w, tail[i]), w->f.header);
            vert[nvert] = c;
            vtext[nvert++] = bs_l(w, tail[i]);
        }
        jh__col_width(&w->book, ws, after, c - 1, 11);
        for (lxw_col_t k = first_ind; k < after; k += 2) {
            jh__cell_str(&w->book, ws, r + 1, k, bs_l(w, "mean"), w->f.header);
            jh__cell_str(&w->book, ws, r + 1, k + 1, bs_l(w, "cv"),
                         w->f.header);
        }
        for (size_t i = 0; i < nvert; i++)
            jh__cell_merge(&w->book, ws, r, vert[i], r + 1, vert[i], vtext[i],
                           w->f.header);
    }
}

/* The summary row of level @p l of county-year @p g at row @p r;
 * returns the number of columns written. */
static lxw_col_t
bs_summary_row(bs_writer *w, lxw_worksheet *ws, lxw_row_t r,
               const jh_batch_group *g, int l)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    const jh_batch_level *lv = &g->levels[l];
    lxw_col_t c = 0;

    jh__cell_str(&w->book, ws, r, c++, b->counties[g->county], w->f.text);
    if (b->has_years) {
        if (g->year != 0)
            jh__cell_num(&w->book, ws, r, c, g->year, w->f.center);
        else
            jh__book_check(&w->book,
                           worksheet_write_blank(ws, r, c, w->f.center));
        c++;
    }
    jh__cell_str(&w->book, ws, r, c++, jh_level_name((jh_level)l, w->lang),
                 w->f.center);
    jh__cell_num(&w->book, ws, r, c++, (double)lv->schools, w->f.center);
    jh__cell_num(&w->book, ws, r, c++, lv->students, w->f.center);
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator_stats *is = &lv->ind[k];
        bs_number(w, ws, r, c++, is->mean, w->f.num2);
        bs_number(w, ws, r, c++, is->cv_defined ? is->cv : NAN,
                  is->cv_pass ? w->f.num3 : w->f.num3_bad);
    }
    jh__cell_num(&w->book, ws, r, c++, (double)lv->cv_failing, w->f.center);
    bs_number(w, ws, r, c++, lv->cv_max, w->f.num3);
    bs_number(w, ws, r, c++, lv->cv_mean, w->f.num3);
    jh__cell_num(&w->book, ws, r, c++, (double)lv->schools_failing,
                 w->f.center);
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, lv->cv_pass ? "yes" : "no"),
                 lv->cv_pass ? w->f.pass : w->f.fail);
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, lv->schools_pass ? "yes" : "no"),
                 lv->schools_pass ? w->f.pass : w->f.fail);
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, lv->pass ? "pass" : "fail"),
                 lv->pass ? w->f.pass : w->f.fail);
    jh__cell_num(&w->book, ws, r, c++, (double)lv->rank, w->f.center);
    return c;
}

/* The summary sheet: one row per county, year and level. */
static void
bs_summary_sheet(bs_writer *w)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    lxw_worksheet *ws =
        jh__book_add_sheet(&w->book, bs_l(w, "batch_sheet_summary"));
    lxw_col_t c = 0;
    lxw_row_t r = 0, head;
    char text[512];

    if (ws == NULL)
        return;
    jh__cell_str(&w->book, ws, r++, 0, bs_l(w, "batch_title"), w->f.title);
    snprintf(text, sizeof(text), "%s: %s (%s, %s)", bs_l(w, "standard"),
             w->lang == JH_LANG_EN ? std->name_en : std->name_zh, std->id,
             std->source);
    jh__cell_str(&w->book, ws, r++, 0, text, w->f.info);
    snprintf(text, sizeof(text), "%s: %zu   %s: %zu", bs_l(w, "batch_counties"),
             b->ncounties, bs_l(w, "batch_groups"), b->ngroups);
    jh__cell_str(&w->book, ws, r++, 0, text, w->f.info);
    jh__cell_str(&w->book, ws, r++, 0, jh_batch_rank_rule(w->lang), w->f.info);
    r++;
    head = r;
    bs_summary_head(w, ws, r);
    r += 2;
    worksheet_freeze_panes(ws, r, (lxw_col_t)(b->has_years ? 3 : 2));

    for (size_t gi = 0; gi < b->ngroups; gi++) {
        const jh_batch_group *g = &b->groups[gi];
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            if (!g->levels[l].present)
                continue;
            c = bs_summary_row(w, ws, r, g, l);
            r++;
        }
    }
    if (r > head + 2)
        worksheet_autofilter(ws, head + 1, 0, r - 1, c - 1);
}

/* The failing county-years and why. */
static void
bs_failing_sheet(bs_writer *w)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    lxw_worksheet *ws =
        jh__book_add_sheet(&w->book, bs_l(w, "batch_sheet_failing"));
    lxw_row_t r = 0;
    lxw_col_t c = 0;
    char *why = NULL;
    size_t cap = 0;
    char num[64], num2[64];

    if (ws == NULL)
        return;
    jh__cell_str(&w->book, ws, r++, 0, bs_l(w, "batch_sheet_failing"),
                 w->f.title);
    r++;
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, "county"), w->f.header);
    if (b->has_years)
        jh__cell_str(&w->book, ws, r, c++, bs_l(w, "batch_year"), w->f.header);
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, "level"), w->f.header);
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, "batch_cv_over"), w->f.header);
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, "batch_schools_failing"),
                 w->f.header);
    jh__cell_str(&w->book, ws, r, c++, bs_l(w, "batch_schools"), w->f.header);
    jh__col_width(&w->book, ws, 0, 0, 16);
    jh__col_width(&w->book, ws, c - 3, c - 3, 70);
    jh__col_width(&w->book, ws, c - 2, c - 1, 12);
    r++;
    worksheet_freeze_panes(ws, r, 0);
    for (size_t gi = 0; gi < b->ngroups; gi++) {
        const jh_batch_group *g = &b->groups[gi];
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            const jh_batch_level *lv = &g->levels[l];
            size_t used = 0;
            if (!lv->present || lv->pass)
                continue;
            /* "生均体育运动场馆面积 0.552 > 0.50；..." */
            for (size_t k = 0; k < std->nindicators; k++) {
                const jh_indicator_stats *is = &lv->ind[k];
                const char *name =
                    jh_indicator_short(&std->indicators[k], w->lang);
                char part[256];
                int n;
                if (is->cv_pass)
                    continue;
                if (is->cv_defined)
                    n = snprintf(
                        part, sizeof(part), "%s%s %s > %s",
                        used > 0 ? (w->lang == JH_LANG_EN ? "; " : "；") : "",
                        name, jh__fmt_fixed(is->cv, 3, num, sizeof(num)),
                        jh__fmt_fixed(is->cv_limit, 2, num2, sizeof(num2)));
                else
                    n = snprintf(
                        part, sizeof(part), "%s%s %s",
                        used > 0 ? (w->lang == JH_LANG_EN ? "; " : "；") : "",
                        name, bs_l(w, "undefined"));
                if (n < 0)
                    continue;
                if (used + (size_t)n + 1 > cap) {
                    size_t ncap = (used + (size_t)n + 1) * 2;
                    char *nw = realloc(why, ncap);
                    if (nw == NULL) {
                        jh__book_check(&w->book,
                                       LXW_ERROR_MEMORY_MALLOC_FAILED);
                        free(why);
                        return;
                    }
                    why = nw;
                    cap = ncap;
                }
                memcpy(why + used, part, (size_t)n + 1);
                used += (size_t)n;
            }
            c = 0;
            jh__cell_str(&w->book, ws, r, c++, b->counties[g->county],
                         w->f.text);
            if (b->has_years) {
                if (g->year != 0)
                    jh__cell_num(&w->book, ws, r, c, g->year, w->f.center);
                else
                    jh__book_check(
                        &w->book, worksheet_write_blank(ws, r, c, w->f.center));
                c++;
            }
            jh__cell_str(&w->book, ws, r, c++,
                         jh_level_name((jh_level)l, w->lang), w->f.center);
            jh__cell_str(&w->book, ws, r, c++, used > 0 ? why : "-", w->f.text);
            jh__cell_num(&w->book, ws, r, c++, (double)lv->schools_failing,
                         lv->schools_failing > 0 ? w->f.fail : w->f.center);
            jh__cell_num(&w->book, ws, r, c++, (double)lv->schools,
                         w->f.center);
            r++;
        }
    }
    free(why);
}

static void
bs_warning_row(bs_writer *w, lxw_worksheet *ws, lxw_row_t r, const char *county,
               const jh_diag *d)
{
    char loc[600];

    if (d->cell != NULL)
        snprintf(loc, sizeof(loc), "%s %s", d->file != NULL ? d->file : "",
                 d->cell);
    else
        snprintf(loc, sizeof(loc), "%s:%ld", d->file != NULL ? d->file : "",
                 d->line);
    jh__cell_str(&w->book, ws, r, 0, county, w->f.text);
    jh__cell_str(&w->book, ws, r, 1, loc, w->f.text);
    jh__cell_str(&w->book, ws, r, 2, jh_diag_message(d, w->lang == JH_LANG_ZH),
                 w->f.text);
}

static void
bs_warnings_sheet(bs_writer *w)
{
    const jh_batch *b = w->ctx->batch;
    lxw_worksheet *ws =
        jh__book_add_sheet(&w->book, bs_l(w, "batch_sheet_warnings"));
    lxw_row_t r = 0;
    char label[200];

    if (ws == NULL)
        return;
    jh__cell_str(&w->book, ws, r, 0, bs_l(w, "county"), w->f.header);
    jh__cell_str(&w->book, ws, r, 1, bs_l(w, "location"), w->f.header);
    jh__cell_str(&w->book, ws, r, 2, bs_l(w, "message"), w->f.header);
    jh__col_width(&w->book, ws, 0, 0, 18);
    jh__col_width(&w->book, ws, 1, 1, 36);
    jh__col_width(&w->book, ws, 2, 2, 100);
    r++;
    for (size_t i = 0; i < b->warnings.count; i++)
        bs_warning_row(w, ws, r++, "", &b->warnings.items[i]);
    for (size_t gi = 0; gi < b->ngroups; gi++) {
        const jh_batch_group *g = &b->groups[gi];
        if (g->warnings.count == 0)
            continue;
        jh_batch_group_label(b, gi, label, sizeof(label));
        for (size_t i = 0; i < g->warnings.count; i++)
            bs_warning_row(w, ws, r++, label, &g->warnings.items[i]);
    }
}

jh_status
jh_report_batch_workbook(const char *path, const jh_batch_report_context *ctx,
                         jh_error *err)
{
    bs_writer w;
    lxw_error close_error;
    jh_status begun;

    if (path == NULL || ctx == NULL || ctx->batch == NULL)
        return jh_error_set2(err, JH_ERR_ARG, path, 0, 0,
                             "无法写入工作簿：没有批量评估结果",
                             "cannot write workbook: no batch");
    begun = bs_writer_begin(&w, ctx, path, err);
    if (begun != JH_OK)
        return begun;
    /* Constant memory: each row goes to a temporary file as soon as the
     * next is begun, instead of a tree of every cell of a national
     * summary; the sheets are written strictly row after row. */
    {
        lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
        w.book.wb = workbook_new_opt(path, &wo);
    }
    if (w.book.wb == NULL) {
        remove(path);
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0,
                             "无法写入工作簿：%s%.0s",
                             "cannot write workbook: %.0s%s",
                             jh__lxw_zh(LXW_ERROR_MEMORY_MALLOC_FAILED),
                             lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    }
    bs_properties(&w, ctx, "batch_title");
    bs_formats_make(&w);
    bs_summary_sheet(&w);
    bs_failing_sheet(&w);
    bs_warnings_sheet(&w);
    close_error = workbook_close(w.book.wb);
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

/* The CVs sheet: a row per year, a column per level and indicator. */
static void
tr_cvs_sheet(bs_writer *w, size_t county, jh_trend_step *steps)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    lxw_worksheet *ws =
        jh__book_add_sheet(&w->book, bs_l(w, "trend_cvs_sheet"));
    lxw_row_t r = 2;
    lxw_col_t c = 1;

    if (ws == NULL)
        return;
    jh__cell_str(&w->book, ws, 0, 0, b->counties[county], w->f.title);
    jh__cell_str(&w->book, ws, 1, 0, bs_l(w, "batch_year"), w->f.header);
    jh__col_width(&w->book, ws, 0, 0, 10);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        for (size_t k = 0; k < std->nindicators; k++) {
            size_t n = jh_report_trend_steps(b, county, (jh_level)l, k, steps);
            char head[256];
            if (n == 0)
                break;
            snprintf(head, sizeof(head), "%s %s",
                     jh_level_name((jh_level)l, w->lang),
                     jh_indicator_short(&std->indicators[k], w->lang));
            jh__cell_str(&w->book, ws, 1, c, head, w->f.header);
            jh__col_width(&w->book, ws, c, c, 14);
            for (size_t i = 0; i < n; i++) {
                const jh_batch_level *lv = &b->groups[steps[i].group].levels[l];
                /* years in order: the row of the year among the county's */
                size_t row = 0;
                for (size_t g = 0; g < steps[i].group; g++)
                    row += b->groups[g].county == county;
                jh__cell_num(&w->book, ws, (lxw_row_t)(2 + row), 0,
                             steps[i].year, w->f.center);
                bs_number(w, ws, (lxw_row_t)(2 + row), c, steps[i].cv,
                          lv->ind[k].cv_pass ? w->f.num3 : w->f.num3_bad);
                if ((lxw_row_t)(3 + row) > r)
                    r = (lxw_row_t)(3 + row);
            }
            c++;
        }
    }
    jh__cell_str(&w->book, ws, r + 1, 0, bs_l(w, "chart_cv_over"), w->f.info);
}

/* The change sheet: a row per level, indicator and year. */
static void
tr_changes_sheet(bs_writer *w, size_t county, jh_trend_step *steps)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    lxw_worksheet *ws = jh__book_add_sheet(&w->book, bs_l(w, "trend_sheet"));
    static const char *const heads[] = {
        "level",        "indicator",       "batch_year", "cv",
        "trend_change", "trend_direction", "trend_gap",  "trend_mean",
        "trend_change", "trend_direction"};
    static const double widths[] = {8, 18, 8, 10, 10, 8, 14, 12, 10, 8};
    lxw_row_t r = 2;
    /* a change shows its sign */
    lxw_format *chg3 = bs_fmt(w, false, true, 0, 0, "+0.000;-0.000;0.000", 0);
    lxw_format *chg2 = bs_fmt(w, false, true, 0, 0, "+0.00;-0.00;0.00", 0);

    if (ws == NULL)
        return;
    jh__cell_str(&w->book, ws, 0, 0, b->counties[county], w->f.title);
    for (lxw_col_t c = 0; c < 10; c++) {
        jh__col_width(&w->book, ws, c, c, widths[c]);
        jh__cell_str(&w->book, ws, 1, c, bs_l(w, heads[c]), w->f.header);
    }
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        for (size_t k = 0; k < std->nindicators; k++) {
            size_t n = jh_report_trend_steps(b, county, (jh_level)l, k, steps);
            for (size_t i = 0; i < n; i++, r++) {
                const jh_trend_step *s = &steps[i];
                jh__cell_str(&w->book, ws, r, 0,
                             jh_level_name((jh_level)l, w->lang), w->f.text);
                jh__cell_str(&w->book, ws, r, 1,
                             jh_indicator_short(&std->indicators[k], w->lang),
                             w->f.text);
                jh__cell_num(&w->book, ws, r, 2, s->year, w->f.center);
                bs_number(w, ws, r, 3, s->cv, w->f.num3);
                bs_number(w, ws, r, 7, s->mean, w->f.num2);
                if (s->first) {
                    for (lxw_col_t c = 4; c < 10; c++) {
                        if (c != 7)
                            jh__cell_str(&w->book, ws, r, c, "-", w->f.center);
                    }
                    continue;
                }
                if (s->dcv_defined) {
                    bs_number(w, ws, r, 4, s->dcv, chg3);
                    jh__cell_str(
                        &w->book, ws, r, 5,
                        jh_report_trend_word(s->cv_dir, false, w->lang),
                        w->f.center);
                    jh__cell_str(&w->book, ws, r, 6,
                                 jh_report_trend_word(s->cv_dir, true, w->lang),
                                 w->f.center);
                } else {
                    for (lxw_col_t c = 4; c < 7; c++)
                        bs_number(w, ws, r, c, NAN, w->f.num3);
                }
                bs_number(w, ws, r, 8, s->dmean, chg2);
                jh__cell_str(&w->book, ws, r, 9,
                             jh_report_trend_word(s->mean_dir, false, w->lang),
                             w->f.center);
            }
        }
    }
    jh__cell_str(&w->book, ws, r + 1, 0, bs_l(w, "trend_note"), w->f.info);
}

jh_status
jh_report_trend_workbook(const char *path, const jh_batch_report_context *ctx,
                         size_t county, jh_error *err)
{
    bs_writer w;
    lxw_error close_error;
    jh_status begun;
    jh_trend_step *steps;

    if (path == NULL || ctx == NULL || ctx->batch == NULL ||
        county >= ctx->batch->ncounties)
        return jh_error_set2(err, JH_ERR_ARG, path, 0, 0,
                             "无法写入工作簿：没有这个县（区）",
                             "cannot write workbook: no county");
    begun = bs_writer_begin(&w, ctx, path, err);
    if (begun != JH_OK)
        return begun;
    steps = calloc(ctx->batch->ngroups + 1, sizeof(*steps));
    w.book.wb = steps != NULL ? workbook_new(path) : NULL;
    if (w.book.wb == NULL) {
        free(steps);
        remove(path);
        return jh_error_set2(err, JH_ERR_OUTPUT, path, 0, 0,
                             "无法写入工作簿：%s%.0s",
                             "cannot write workbook: %.0s%s",
                             jh__lxw_zh(LXW_ERROR_MEMORY_MALLOC_FAILED),
                             lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    }
    bs_properties(&w, ctx, "batch_trend_title");
    bs_formats_make(&w);
    tr_changes_sheet(&w, county, steps);
    tr_cvs_sheet(&w, county, steps);
    close_error = workbook_close(w.book.wb);
    free(steps);
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
