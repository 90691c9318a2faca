/*
 * junheng - summary.json, summary.xlsx and the text table of a batch.
 *
 * Names: libxlsxwriter exports unprefixed chart_*, format_*, worksheet_*,
 * workbook_* symbols, so every helper here is static with a bs_ prefix.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "junheng/report_batch.h"
#include "sheet.h"
#include "util.h"

const char *
jh_batch_rank_rule(jh_lang lang)
{
    return jh_label(lang, "batch_rank_rule");
}

/* ---------------------------------------------------------------------- */
/* JSON                                                                    */

static json_t *
bs_num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *
bs_count(double v)
{
    if (isfinite(v) && v == floor(v) && fabs(v) < 9e15)
        return json_integer((json_int_t)v);
    return bs_num(v);
}

static json_t *
bs_year(int year)
{
    return year != 0 ? json_integer(year) : json_null();
}

static json_t *
bs_json_level(const jh_batch *b, const jh_batch_level *lv, jh_level level)
{
    const jh_standard *std = b->standard;
    json_t *o = json_object(), *inds = json_array();

    json_object_set_new(o, "level", json_string(jh_level_key(level)));
    json_object_set_new(o, "schools", json_integer((json_int_t)lv->schools));
    json_object_set_new(o, "students", bs_count(lv->students));
    json_object_set_new(o, "schools_failing",
                        json_integer((json_int_t)lv->schools_failing));
    json_object_set_new(o, "schools_pass", json_boolean(lv->schools_pass));
    json_object_set_new(o, "cv_pass", json_boolean(lv->cv_pass));
    json_object_set_new(o, "pass", json_boolean(lv->pass));
    json_object_set_new(o, "cv_failing",
                        json_integer((json_int_t)lv->cv_failing));
    json_object_set_new(o, "cv_max", bs_num(lv->cv_max));
    json_object_set_new(o, "cv_mean", bs_num(lv->cv_mean));
    json_object_set_new(o, "rank", json_integer((json_int_t)lv->rank));
    json_object_set_new(o, "ranked", json_integer((json_int_t)lv->ranked));
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator_stats *is = &lv->ind[k];
        json_t *i = json_object();
        json_object_set_new(i, "id", json_string(std->indicators[k].id));
        json_object_set_new(i, "mean", bs_num(is->mean));
        json_object_set_new(i, "sd", bs_num(is->sd));
        json_object_set_new(i, "cv",
                            is->cv_defined ? bs_num(is->cv) : json_null());
        json_object_set_new(i, "cv_pass", json_boolean(is->cv_pass));
        json_object_set_new(i, "cv_print_disagrees",
                            json_boolean(is->cv_print_disagrees));
        json_object_set_new(i, "below_threshold",
                            json_integer((json_int_t)is->below));
        json_array_append_new(inds, i);
    }
    json_object_set_new(o, "indicators", inds);
    return o;
}

static json_t *
bs_json_warning(const jh_diag *d, const jh_batch *b, const jh_batch_group *g)
{
    json_t *o = json_object();
    char buf[1024];

    json_object_set_new(o, "county",
                        g != NULL ? json_string(b->counties[g->county])
                                  : json_null());
    json_object_set_new(o, "year", bs_year(g != NULL ? g->year : 0));
    json_object_set_new(o, "file",
                        d->file ? json_string(d->file) : json_null());
    json_object_set_new(o, "line", json_integer(d->line));
    json_object_set_new(o, "column", json_integer(d->column));
    if (d->cell != NULL)
        json_object_set_new(o, "cell", json_string(d->cell));
    json_object_set_new(o, "code",
                        d->code ? json_string(d->code) : json_null());
    json_object_set_new(o, "message", json_string(d->message));
    if (d->message_zh != NULL)
        json_object_set_new(o, "message_zh", json_string(d->message_zh));
    json_object_set_new(o, "text",
                        json_string(jh_diag_format(d, buf, sizeof(buf))));
    return o;
}

/* Why a level fails: the CVs over their limit, undefined ones, schools. */
static json_t *
bs_json_failing(const jh_batch *b, const jh_batch_group *g,
                const jh_batch_level *lv, jh_level level)
{
    const jh_standard *std = b->standard;
    json_t *o = json_object(), *over = json_array(), *undef = json_array();

    json_object_set_new(o, "county", json_string(b->counties[g->county]));
    json_object_set_new(o, "year", bs_year(g->year));
    json_object_set_new(o, "level", json_string(jh_level_key(level)));
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator_stats *is = &lv->ind[k];
        if (is->cv_pass)
            continue;
        if (!is->cv_defined) {
            json_array_append_new(undef, json_string(std->indicators[k].id));
        } else {
            json_t *i = json_object();
            json_object_set_new(i, "id", json_string(std->indicators[k].id));
            json_object_set_new(i, "cv", bs_num(is->cv));
            json_object_set_new(i, "cv_limit", bs_num(is->cv_limit));
            json_array_append_new(over, i);
        }
    }
    json_object_set_new(o, "cv_over", over);
    json_object_set_new(o, "cv_undefined", undef);
    json_object_set_new(o, "schools_failing",
                        json_integer((json_int_t)lv->schools_failing));
    json_object_set_new(o, "schools", json_integer((json_int_t)lv->schools));
    return o;
}

/* The indicators of the standard, with their thresholds and limits. */
static json_t *
bs_json_indicators(const jh_standard *std)
{
    json_t *inds = json_array();

    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator *ind = &std->indicators[k];
        json_t *i = json_object(), *thr = json_object(), *lim = json_object();
        json_object_set_new(i, "id", json_string(ind->id));
        json_object_set_new(i, "name", json_string(ind->name_zh));
        json_object_set_new(i, "name_en", json_string(ind->name_en));
        json_object_set_new(i, "unit", json_string(ind->unit_en));
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            json_object_set_new(thr, jh_level_key((jh_level)l),
                                bs_num(ind->threshold[l]));
            json_object_set_new(lim, jh_level_key((jh_level)l),
                                bs_num(std->cv_limit[l]));
        }
        json_object_set_new(i, "threshold", thr);
        json_object_set_new(i, "cv_limit", lim);
        json_array_append_new(inds, i);
    }
    return inds;
}

/* County-year @p gi of "results". */
static json_t *
bs_json_group(const jh_batch_report_context *ctx, size_t gi)
{
    const jh_batch *b = ctx->batch;
    const jh_batch_group *g = &b->groups[gi];
    const jh_batch_rows *rows = &b->input->groups[gi];
    json_t *o = json_object(), *levels = json_array();

    json_object_set_new(o, "county", json_string(b->counties[g->county]));
    json_object_set_new(o, "year", bs_year(g->year));
    if (ctx->per_county)
        json_object_set_new(o, "folder", json_string(b->folders[g->county]));
    json_object_set_new(o, "source", json_string(b->files[rows->file]));
    json_object_set_new(o, "line", json_integer(rows->first_line));
    json_object_set_new(o, "rows", json_integer((json_int_t)rows->nrows));
    json_object_set_new(o, "excluded", json_integer((json_int_t)g->nexcluded));
    json_object_set_new(o, "warnings",
                        json_integer((json_int_t)g->warnings.count));
    json_object_set_new(o, "pass", json_boolean(g->pass));
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (g->levels[l].present)
            json_array_append_new(levels,
                                  bs_json_level(b, &g->levels[l], (jh_level)l));
    }
    json_object_set_new(o, "levels", levels);
    return o;
}

/*
 * Write @p v (compact, 17 significant digits) and release it; a NULL @p v
 * (jansson out of memory) is an error.  Returns -1 on failure.
 */
static int
bs_put(FILE *out, json_t *v)
{
    char *text = v != NULL ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
                                               JSON_REAL_PRECISION(17))
                           : NULL;
    size_t len = text != NULL ? strlen(text) : 0;
    int rc = text != NULL && fwrite(text, 1, len, out) == len ? 0 : -1;

    free(text);
    json_decref(v);
    return rc;
}

/*
 * The summary is written one piece at a time: the object of each
 * county-year is built, written and released before the next, so that a
 * national batch never holds a tree of half a million jansson values
 * (building and freeing it took longer than everything else in the
 * summary).  The text is the same as json_dumps() of the whole object.
 */
static int
bs_put_summary(FILE *out, const jh_batch_report_context *ctx)
{
    const jh_batch *b = ctx->batch;
    json_t *inputs = json_array();
    size_t passing = 0, n = 0;
    int rc = 0;

    for (size_t i = 0; i < b->nfiles; i++)
        json_array_append_new(inputs, json_string(b->files[i]));
    for (size_t gi = 0; gi < b->ngroups; gi++)
        passing += b->groups[gi].pass ? 1 : 0;
    rc |= fputs("{\"junheng\":", out) < 0;
    rc |= bs_put(out, json_string(ctx->version));
    rc |= fputs(",\"standard\":", out) < 0;
    rc |= bs_put(out, json_string(b->standard->id));
    rc |= fputs(",\"rank_rule\":", out) < 0;
    rc |= bs_put(out, json_string(jh_batch_rank_rule(JH_LANG_EN)));
    rc |= fputs(",\"inputs\":", out) < 0;
    rc |= bs_put(out, inputs);
    rc |=
        fprintf(out, ",\"has_years\":%s,\"counties\":%zu,\"groups\":%zu",
                b->has_years ? "true" : "false", b->ncounties, b->ngroups) < 0;
    rc |= fputs(",\"indicators\":", out) < 0;
    rc |= bs_put(out, bs_json_indicators(b->standard));
    rc |= fprintf(out, ",\"groups_passing\":%zu,\"results\":[", passing) < 0;
    for (size_t gi = 0; rc == 0 && gi < b->ngroups; gi++) {
        if (gi > 0)
            rc |= fputc(',', out) == EOF;
        rc |= bs_put(out, bs_json_group(ctx, gi));
    }
    rc |= fputs("],\"failing\":[", out) < 0;
    for (size_t gi = 0; rc == 0 && gi < b->ngroups; gi++) {
        const jh_batch_group *g = &b->groups[gi];
        for (int l = 0; rc == 0 && l < JH_LEVEL_COUNT; l++) {
            if (!g->levels[l].present || g->levels[l].pass)
                continue;
            if (n++ > 0)
                rc |= fputc(',', out) == EOF;
            rc |=
                bs_put(out, bs_json_failing(b, g, &g->levels[l], (jh_level)l));
        }
    }
    rc |= fputs("],\"warnings\":[", out) < 0;
    n = 0;
    for (size_t w = 0; rc == 0 && w < b->warnings.count; w++) {
        if (n++ > 0)
            rc |= fputc(',', out) == EOF;
        rc |= bs_put(out, bs_json_warning(&b->warnings.items[w], b, NULL));
    }
    for (size_t gi = 0; rc == 0 && gi < b->ngroups; gi++) {
        const jh_batch_group *g = &b->groups[gi];
        for (size_t w = 0; rc == 0 && w < g->warnings.count; w++) {
            if (n++ > 0)
                rc |= fputc(',', out) == EOF;
            rc |= bs_put(out, bs_json_warning(&g->warnings.items[w], b, g));
        }
    }
    rc |= fputs("]}\n", out) < 0;
    return rc != 0 ? -1 : 0;
}

jh_status
jh_report_batch_json(FILE *out, const jh_batch_report_context *ctx,
                     jh_error *err)
{
    if (ctx == NULL || ctx->batch == NULL)
        return jh_error_set(err, JH_ERR_ARG, NULL, 0, 0, "no batch");
    /* Compact: a national batch is some 10 MB even so.  Pretty-print it
     * with any JSON tool when reading it by eye. */
    if (bs_put_summary(out, ctx) != 0)
        return jh_error_set(err, JH_ERR_IO, NULL, 0, 0,
                            "cannot write JSON output (out of memory or "
                            "disk full)");
    return JH_OK;
}

/* ---------------------------------------------------------------------- */
/* Text                                                                    */

size_t
jh_report_batch_columns(const char *s)
{
    size_t w = 0;

    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p < 0x80)
            w += 1;
        else if ((*p & 0xE0) == 0xE0)
            w += 2;
    }
    return w;
}

void
jh_report_batch_pad(FILE *out, const char *s, size_t cols)
{
    fputs(s, out);
    for (size_t w = jh_report_batch_columns(s); w < cols; w++)
        fputc(' ', out);
}

jh_status
jh_report_batch_text(FILE *out, const jh_batch_report_context *ctx)
{
    const jh_batch *b = ctx->batch;
    const jh_standard *std = b->standard;
    jh_lang lang = ctx->lang;
    size_t failing = 0, passing = 0;
    char num[64];

    fprintf(out, "%s\n%s: %s (%s)\n", jh_label(lang, "batch_title"),
            jh_label(lang, "standard"),
            lang == JH_LANG_EN ? std->name_en : std->name_zh, std->id);
    fprintf(out, "%s: %zu   %s: %zu\n\n", jh_label(lang, "batch_counties"),
            b->ncounties, jh_label(lang, "batch_groups"), b->ngroups);
    jh_report_batch_pad(out, jh_label(lang, "county"), 22);
    if (b->has_years)
        jh_report_batch_pad(out, jh_label(lang, "batch_year"), 6);
    jh_report_batch_pad(out, jh_label(lang, "level"), 9);
    jh_report_batch_pad(out, jh_label(lang, "batch_schools"), 8);
    jh_report_batch_pad(out, jh_label(lang, "batch_cv_max"), 14);
    jh_report_batch_pad(out, jh_label(lang, "batch_cv_failing"), 18);
    jh_report_batch_pad(out, jh_label(lang, "batch_schools_failing"), 16);
    jh_report_batch_pad(out, jh_label(lang, "batch_rank"), 12);
    fprintf(out, "%s\n", jh_label(lang, "verdict"));
    for (size_t gi = 0; gi < b->ngroups; gi++) {
        const jh_batch_group *g = &b->groups[gi];
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            const jh_batch_level *lv = &g->levels[l];
            char rank[48];
            if (!lv->present)
                continue;
            jh_report_batch_pad(out, b->counties[g->county], 22);
            if (b->has_years) {
                snprintf(num, sizeof(num), "%d", g->year);
                jh_report_batch_pad(out, g->year != 0 ? num : "-", 6);
            }
            jh_report_batch_pad(out, jh_level_name((jh_level)l, lang), 9);
            snprintf(num, sizeof(num), "%zu", lv->schools);
            jh_report_batch_pad(out, num, 8);
            jh_report_batch_pad(
                out,
                isfinite(lv->cv_max)
                    ? jh__fmt_fixed(lv->cv_max, 3, num, sizeof(num))
                    : jh_label(lang, "undefined"),
                14);
            snprintf(num, sizeof(num), "%zu/%zu", lv->cv_failing,
                     std->nindicators);
            jh_report_batch_pad(out, num, 18);
            snprintf(num, sizeof(num), "%zu", lv->schools_failing);
            jh_report_batch_pad(out, num, 16);
            snprintf(rank, sizeof(rank), "%zu/%zu", lv->rank, lv->ranked);
            jh_report_batch_pad(out, rank, 12);
            fprintf(out, "%s\n", jh_label(lang, lv->pass ? "pass" : "fail"));
            if (lv->pass)
                passing++;
            else
                failing++;
        }
    }
    fprintf(out, "\n%s: %zu   %s: %zu\n%s\n", jh_label(lang, "pass"), passing,
            jh_label(lang, "fail"), failing, jh_batch_rank_rule(lang));
    return ferror(out) ? JH_ERR_IO : JH_OK;
}

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
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s", strerror(errno));
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

/* The summary sheet: one row per county, year and level. */
static void
bs_summary_sheet(bs_writer *w)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    lxw_worksheet *ws =
        workbook_add_worksheet(w->book.wb, bs_l(w, "batch_sheet_summary"));
    lxw_col_t c = 0, first_ind, after;
    lxw_row_t r = 0, head;
    char text[512];

    if (ws == NULL) {
        jh__book_check(&w->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
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
        worksheet_set_column(ws, 0, 0, 16, NULL);
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
        worksheet_set_column(ws, first_ind, c - 1, 10, NULL);
        after = c;
        for (size_t i = 0; i < ntail; i++, c++) {
            jh__cell_str(&w->book, ws, r, c, bs_l(w, tail[i]), w->f.header);
            vert[nvert] = c;
            vtext[nvert++] = bs_l(w, tail[i]);
        }
        worksheet_set_column(ws, after, c - 1, 11, NULL);
        for (lxw_col_t k = first_ind; k < after; k += 2) {
            jh__cell_str(&w->book, ws, r + 1, k, bs_l(w, "mean"), w->f.header);
            jh__cell_str(&w->book, ws, r + 1, k + 1, bs_l(w, "cv"),
                         w->f.header);
        }
        for (size_t i = 0; i < nvert; i++)
            jh__cell_merge(&w->book, ws, r, vert[i], r + 1, vert[i], vtext[i],
                           w->f.header);
    }
    r += 2;
    worksheet_freeze_panes(ws, r, (lxw_col_t)(b->has_years ? 3 : 2));

    for (size_t gi = 0; gi < b->ngroups; gi++) {
        const jh_batch_group *g = &b->groups[gi];
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            const jh_batch_level *lv = &g->levels[l];
            if (!lv->present)
                continue;
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
            jh__cell_num(&w->book, ws, r, c++, (double)lv->schools,
                         w->f.center);
            jh__cell_num(&w->book, ws, r, c++, lv->students, w->f.center);
            for (size_t k = 0; k < std->nindicators; k++) {
                const jh_indicator_stats *is = &lv->ind[k];
                bs_number(w, ws, r, c++, is->mean, w->f.num2);
                bs_number(w, ws, r, c++, is->cv_defined ? is->cv : NAN,
                          is->cv_pass ? w->f.num3 : w->f.num3_bad);
            }
            jh__cell_num(&w->book, ws, r, c++, (double)lv->cv_failing,
                         w->f.center);
            bs_number(w, ws, r, c++, lv->cv_max, w->f.num3);
            bs_number(w, ws, r, c++, lv->cv_mean, w->f.num3);
            jh__cell_num(&w->book, ws, r, c++, (double)lv->schools_failing,
                         w->f.center);
            jh__cell_str(&w->book, ws, r, c++,
                         bs_l(w, lv->cv_pass ? "yes" : "no"),
                         lv->cv_pass ? w->f.pass : w->f.fail);
            jh__cell_str(&w->book, ws, r, c++,
                         bs_l(w, lv->schools_pass ? "yes" : "no"),
                         lv->schools_pass ? w->f.pass : w->f.fail);
            jh__cell_str(&w->book, ws, r, c++,
                         bs_l(w, lv->pass ? "pass" : "fail"),
                         lv->pass ? w->f.pass : w->f.fail);
            jh__cell_num(&w->book, ws, r, c++, (double)lv->rank, w->f.center);
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
        workbook_add_worksheet(w->book.wb, bs_l(w, "batch_sheet_failing"));
    lxw_row_t r = 0;
    lxw_col_t c = 0;
    char *why = NULL;
    size_t cap = 0;
    char num[64], num2[64];

    if (ws == NULL) {
        jh__book_check(&w->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
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
    worksheet_set_column(ws, 0, 0, 16, NULL);
    worksheet_set_column(ws, c - 3, c - 3, 70, NULL);
    worksheet_set_column(ws, c - 2, c - 1, 12, NULL);
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
        workbook_add_worksheet(w->book.wb, bs_l(w, "batch_sheet_warnings"));
    lxw_row_t r = 0;
    char label[200];

    if (ws == NULL) {
        jh__book_check(&w->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    jh__cell_str(&w->book, ws, r, 0, bs_l(w, "county"), w->f.header);
    jh__cell_str(&w->book, ws, r, 1, bs_l(w, "location"), w->f.header);
    jh__cell_str(&w->book, ws, r, 2, bs_l(w, "message"), w->f.header);
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 36, NULL);
    worksheet_set_column(ws, 2, 2, 100, NULL);
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
        return jh_error_set(err, JH_ERR_ARG, path, 0, 0,
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
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s",
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
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s",
                            lxw_strerror(w.book.first));
    }
    return JH_OK;
}

/* ---------------------------------------------------------------------- */
/* Trend: the change from year to year                                     */

/* -1, 0 or +1 as @p d prints with @p decimals decimals. */
static int
tr_direction(double d, int decimals)
{
    char buf[64];

    snprintf(buf, sizeof(buf), "%+.*f", decimals, d);
    if (strspn(buf + 1, "0.") == strlen(buf + 1))
        return 0;
    return buf[0] == '-' ? -1 : 1;
}

size_t
jh_report_trend_steps(const jh_batch *b, size_t county, jh_level level,
                      size_t ind, jh_trend_step *out)
{
    size_t n = 0;

    for (size_t g = 0; g < b->ngroups; g++) {
        const jh_batch_level *lv = &b->groups[g].levels[level];
        const jh_indicator_stats *is = &lv->ind[ind];
        jh_trend_step *s = &out[n];
        if (b->groups[g].county != county || !lv->present)
            continue;
        memset(s, 0, sizeof(*s));
        s->group = g;
        s->year = b->groups[g].year;
        s->cv_defined = is->cv_defined;
        s->cv = is->cv_defined ? is->cv : NAN;
        s->mean = is->mean;
        s->first = n == 0;
        if (n > 0) {
            const jh_trend_step *p = &out[n - 1];
            s->dcv_defined = p->cv_defined && s->cv_defined;
            s->dcv = s->dcv_defined ? s->cv - p->cv : NAN;
            s->dmean = s->mean - p->mean;
            s->cv_dir = s->dcv_defined ? tr_direction(s->dcv, 3) : 0;
            s->mean_dir = tr_direction(s->dmean, 2);
        }
        n++;
    }
    return n;
}

const char *
jh_report_trend_word(int dir, bool gap, jh_lang lang)
{
    if (gap)
        return jh_label(lang, dir < 0   ? "trend_gap_down"
                              : dir > 0 ? "trend_gap_up"
                                        : "trend_gap_same");
    return jh_label(lang, dir < 0   ? "trend_down"
                          : dir > 0 ? "trend_up"
                                    : "trend_same");
}

/* "+0.012 上升（差距扩大）" for a CV change, "+0.18 上升" for a mean's. */
static char *
tr_change(const jh_trend_step *s, bool cv, jh_lang lang, char *buf, size_t size)
{
    if (s->first)
        snprintf(buf, size, "-");
    else if (cv && !s->dcv_defined)
        snprintf(buf, size, "%s", jh_label(lang, "undefined"));
    else if (cv)
        snprintf(buf, size,
                 lang == JH_LANG_EN ? "%+.3f %s (%s)" : "%+.3f %s（%s）",
                 s->dcv, jh_report_trend_word(s->cv_dir, false, lang),
                 jh_report_trend_word(s->cv_dir, true, lang));
    else
        snprintf(buf, size, "%+.2f %s", s->dmean,
                 jh_report_trend_word(s->mean_dir, false, lang));
    return buf;
}

jh_status
jh_report_trend_changes_text(FILE *out, const jh_batch_report_context *ctx,
                             size_t county)
{
    const jh_batch *b = ctx->batch;
    const jh_standard *std = b->standard;
    jh_lang lang = ctx->lang;
    jh_trend_step *steps = calloc(b->ngroups + 1, sizeof(*steps));
    char num[64], chg[128];

    if (steps == NULL)
        return JH_ERR_NOMEM;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        bool head = false;
        for (size_t k = 0; k < std->nindicators; k++) {
            size_t n = jh_report_trend_steps(b, county, (jh_level)l, k, steps);
            if (n == 0)
                break;
            if (!head) {
                fprintf(out, "\n%s · %s\n", jh_label(lang, "trend_changes"),
                        jh_level_name((jh_level)l, lang));
                jh_report_batch_pad(out, jh_label(lang, "indicator"), 20);
                jh_report_batch_pad(out, jh_label(lang, "batch_year"), 6);
                jh_report_batch_pad(out, jh_label(lang, "cv"), 9);
                jh_report_batch_pad(out, jh_label(lang, "trend_change"), 30);
                jh_report_batch_pad(out, jh_label(lang, "trend_mean"), 12);
                fprintf(out, "%s\n", jh_label(lang, "trend_change"));
                head = true;
            }
            for (size_t i = 0; i < n; i++) {
                const jh_trend_step *s = &steps[i];
                jh_report_batch_pad(
                    out,
                    i == 0 ? jh_indicator_short(&std->indicators[k], lang) : "",
                    20);
                snprintf(num, sizeof(num), "%d", s->year);
                jh_report_batch_pad(out, num, 6);
                if (s->cv_defined)
                    snprintf(num, sizeof(num), "%.3f", s->cv);
                else
                    snprintf(num, sizeof(num), "%s",
                             jh_label(lang, "undefined"));
                jh_report_batch_pad(out, num, 9);
                jh_report_batch_pad(
                    out, tr_change(s, true, lang, chg, sizeof(chg)), 30);
                snprintf(num, sizeof(num), "%.2f", s->mean);
                jh_report_batch_pad(out, num, 12);
                fprintf(out, "%s\n",
                        tr_change(s, false, lang, chg, sizeof(chg)));
            }
        }
    }
    fprintf(out, "%s\n", jh_label(lang, "trend_note"));
    free(steps);
    return ferror(out) ? JH_ERR_IO : JH_OK;
}

/* The CVs sheet: a row per year, a column per level and indicator. */
static void
tr_cvs_sheet(bs_writer *w, size_t county, jh_trend_step *steps)
{
    const jh_batch *b = w->ctx->batch;
    const jh_standard *std = b->standard;
    lxw_worksheet *ws =
        workbook_add_worksheet(w->book.wb, bs_l(w, "trend_cvs_sheet"));
    lxw_row_t r = 2;
    lxw_col_t c = 1;

    if (ws == NULL) {
        jh__book_check(&w->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
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
    lxw_worksheet *ws =
        workbook_add_worksheet(w->book.wb, bs_l(w, "trend_sheet"));
    static const char *const heads[] = {
        "level",        "indicator",       "batch_year", "cv",
        "trend_change", "trend_direction", "trend_gap",  "trend_mean",
        "trend_change", "trend_direction"};
    static const double widths[] = {8, 18, 8, 10, 10, 8, 14, 12, 10, 8};
    lxw_row_t r = 2;
    /* a change shows its sign */
    lxw_format *chg3 = bs_fmt(w, false, true, 0, 0, "+0.000;-0.000;0.000", 0);
    lxw_format *chg2 = bs_fmt(w, false, true, 0, 0, "+0.00;-0.00;0.00", 0);

    if (ws == NULL) {
        jh__book_check(&w->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
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
        return jh_error_set(err, JH_ERR_ARG, path, 0, 0,
                            "cannot write workbook: no county");
    begun = bs_writer_begin(&w, ctx, path, err);
    if (begun != JH_OK)
        return begun;
    steps = calloc(ctx->batch->ngroups + 1, sizeof(*steps));
    w.book.wb = steps != NULL ? workbook_new(path) : NULL;
    if (w.book.wb == NULL) {
        free(steps);
        remove(path);
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s",
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
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write workbook: %s",
                            lxw_strerror(w.book.first));
    }
    return JH_OK;
}
