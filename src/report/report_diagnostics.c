/* junheng - supplementary diagnostics in JSON, text and a workbook sheet.
 * Every output labels them as supplementary: the 2017 standard judges only
 * the CV of each indicator. */
#include "junheng/report_diagnostics.h"
#include "report_diagnostics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "sheet.h"
#include "util.h"
#include "xlabels.h"

/* No section. */
#define JH_NONE_INDEX ((size_t)-1)

size_t
jh__diagnostics_top(const jh_diagnostics *d, int l, size_t k, size_t *top,
                    size_t max)
{
    const jh_level_diagnostics *ld = &d->levels[l];
    const double *c = ld->ind[k].contribution;
    size_t n = 0;

    if (c == NULL)
        return 0;
    /* Selection of the largest shares; ties keep input order. */
    for (size_t m = 0; m < max; m++) {
        size_t best = JH_NONE_INDEX;
        for (size_t j = 0; j < ld->nsections; j++) {
            bool taken = false;
            if (!isfinite(c[j]))
                continue;
            for (size_t i = 0; i < n; i++)
                taken = taken || top[i] == j;
            if (!taken && (best == JH_NONE_INDEX || c[j] > c[best]))
                best = j;
        }
        if (best == JH_NONE_INDEX)
            break;
        top[n++] = best;
    }
    return n;
}

static json_t *
json_decomposition(const jh_decomposition *dc)
{
    json_t *o = json_object(), *groups = json_array();
    static const int order[] = {JH_LOCALITY_URBAN, JH_LOCALITY_TOWN,
                                JH_LOCALITY_RURAL, JH_LOCALITY_UNKNOWN};

    json_object_set_new(o, "cv2", jh__json_num(dc->cv2));
    json_object_set_new(o, "within", jh__json_num(dc->within));
    json_object_set_new(o, "between", jh__json_num(dc->between));
    json_object_set_new(
        o, "between_share",
        jh__json_num(dc->cv2 > 0 ? dc->between / dc->cv2 : NAN));
    for (size_t i = 0; i < 4; i++) {
        const jh_decomp_group *g = &dc->groups[order[i]];
        json_t *go;
        if (g->nsections == 0)
            continue;
        go = json_object();
        json_object_set_new(go, "locality",
                            json_string(jh__locality_key(order[i])));
        json_object_set_new(go, "schools",
                            json_integer((json_int_t)g->nsections));
        json_object_set_new(go, "students", jh__json_num(g->students));
        json_object_set_new(go, "mean", jh__json_num(g->mean));
        json_object_set_new(go, "cv", jh__json_num(g->cv));
        json_object_set_new(go, "within", jh__json_num(g->within));
        json_object_set_new(go, "between", jh__json_num(g->between));
        json_array_append_new(groups, go);
    }
    json_object_set_new(o, "groups", groups);
    return o;
}

static json_t *
json_indicator(const jh_report_context *ctx, const jh_diagnostics *d, int l,
               size_t k)
{
    const jh_analysis *a = ctx->analysis;
    const jh_model *m = a->model;
    const jh_level_result *lr = &a->levels[l];
    const jh_indicator_diagnostics *id = &d->levels[l].ind[k];
    json_t *o = json_object(), *lorenz = json_array(), *contrib = json_object(),
           *loo = json_object(), *top = json_array();
    size_t idx[3], ntop;

    json_object_set_new(o, "id", json_string(a->standard->indicators[k].id));
    json_object_set_new(o, "defined", json_boolean(id->defined));
    json_object_set_new(o, "gini", jh__json_num(id->gini));
    json_object_set_new(o, "theil", jh__json_num(id->theil));
    json_object_set_new(o, "median", jh__json_num(id->median));
    json_object_set_new(o, "p05", jh__json_num(id->p05));
    json_object_set_new(o, "p95", jh__json_num(id->p95));
    json_object_set_new(o, "mcloone", jh__json_num(id->mcloone));
    json_object_set_new(o, "federal_range_ratio",
                        jh__json_num(id->federal_range_ratio));
    json_object_set_new(o, "decomposition",
                        json_decomposition(&id->decomposition));
    for (size_t j = 0; id->defined && j <= lr->nsections; j++) {
        json_t *pt = json_array();
        json_array_append_new(pt, jh__json_num(id->lorenz_pupils[j]));
        json_array_append_new(pt, jh__json_num(id->lorenz_share[j]));
        json_array_append_new(lorenz, pt);
    }
    json_object_set_new(o, "lorenz", lorenz);
    for (size_t j = 0; j < lr->nsections; j++) {
        const char *code =
            m->county->schools[m->sections[lr->sections[j]].school].code;
        json_object_set_new(contrib, code, jh__json_num(id->contribution[j]));
        json_object_set_new(loo, code, jh__json_num(id->loo_cv[j]));
    }
    json_object_set_new(o, "contribution", contrib);
    json_object_set_new(o, "loo_cv", loo);
    ntop = jh__diagnostics_top(d, l, k, idx, 3);
    for (size_t i = 0; i < ntop; i++) {
        const jh_school *s =
            &m->county->schools[m->sections[lr->sections[idx[i]]].school];
        json_t *t = json_object();
        json_object_set_new(t, "code", json_string(s->code));
        json_object_set_new(t, "name", json_string(s->name));
        json_object_set_new(t, "contribution",
                            jh__json_num(id->contribution[idx[i]]));
        json_object_set_new(t, "loo_cv", jh__json_num(id->loo_cv[idx[i]]));
        json_array_append_new(top, t);
    }
    json_object_set_new(o, "top_contributors", top);
    return o;
}

json_t *
jh__diagnostics_json(const jh_report_context *ctx, const jh_diagnostics *d)
{
    const jh_analysis *a = ctx->analysis;
    json_t *o = json_object(), *levels = json_array();

    if (o == NULL || levels == NULL) {
        json_decref(o);
        json_decref(levels);
        return NULL;
    }
    json_object_set_new(o, "supplementary", json_true());
    json_object_set_new(
        o, "note",
        json_string("supplementary figures for analysis; not part of the "
                    "2017 standard's verdict"));
    json_object_set_new(
        o, "weighting",
        json_string("every figure weighted by enrollment; a weighted "
                    "percentile p is the smallest value whose cumulative "
                    "pupil share reaches p"));
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        json_t *lo, *inds;
        if (!a->levels[l].present || !d->levels[l].present)
            continue;
        lo = json_object();
        inds = json_array();
        json_object_set_new(lo, "level",
                            json_string(jh_level_key((jh_level)l)));
        for (size_t k = 0; k < a->standard->nindicators; k++)
            json_array_append_new(inds, json_indicator(ctx, d, l, k));
        json_object_set_new(lo, "indicators", inds);
        json_array_append_new(levels, lo);
    }
    json_object_set_new(o, "levels", levels);
    return o;
}

void
jh__diagnostics_text(FILE *out, const jh_report_context *ctx,
                     const jh_diagnostics *d)
{
    const jh_analysis *a = ctx->analysis;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    jh_lang lang = ctx->lang;
    bool title = false;
    const char *colon = lang == JH_LANG_EN ? ": " : "：";
    const char *sep = lang == JH_LANG_EN ? ", " : "，";
    char b1[32], b2[32], b3[32];

    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        if (!lr->present || !d->levels[l].present)
            continue;
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator_stats *is = &lr->ind[k];
            const jh_indicator_diagnostics *id = &d->levels[l].ind[k];
            const jh_decomposition *dc = &id->decomposition;
            size_t idx[3], ntop;
            if (is->cv_pass || !is->cv_defined)
                continue;
            if (!title) {
                fprintf(out, "\n%s\n", jh__xlabel(lang, "diag_title"));
                title = true;
            }
            fprintf(out, "  %s %s %s %s %s %s%s%s%s\n",
                    jh_level_name((jh_level)l, lang),
                    jh_indicator_short(&std->indicators[k], lang),
                    jh_label(lang, "cv"),
                    jh__fmt_fixed(is->cv, 3, b1, sizeof(b1)),
                    jh__xlabel(lang, "diag_over"),
                    jh__fmt_fixed(is->cv_limit, 2, b2, sizeof(b2)),
                    lang == JH_LANG_EN ? "; " : "；",
                    jh__xlabel(lang, "diag_top"), colon);
            ntop = jh__diagnostics_top(d, l, k, idx, 3);
            for (size_t i = 0; i < ntop; i++) {
                const jh_school *s =
                    &m->county
                         ->schools[m->sections[lr->sections[idx[i]]].school];
                fprintf(out, "    %s %s  %s %s%%%s%s %s\n", s->code, s->name,
                        jh__xlabel(lang, "diag_share"),
                        jh__fmt_fixed(100.0 * id->contribution[idx[i]], 1, b1,
                                      sizeof(b1)),
                        sep, jh__xlabel(lang, "diag_loo"),
                        jh__fmt_fixed(id->loo_cv[idx[i]], 3, b3, sizeof(b3)));
            }
            if (dc->cv2 > 0)
                fprintf(out, "    %s%s%s %s%%%s%s %s%%\n",
                        jh__xlabel(lang, "diag_decomp"), colon,
                        jh__xlabel(lang, "diag_between"),
                        jh__fmt_fixed(100.0 * dc->between / dc->cv2, 1, b1,
                                      sizeof(b1)),
                        sep, jh__xlabel(lang, "diag_within"),
                        jh__fmt_fixed(100.0 * dc->within / dc->cv2, 1, b2,
                                      sizeof(b2)));
        }
    }
}

/* ---- what every report needs ------------------------------------------ */

jh_status
jh__report_checks(const jh_report_context *ctx, bool guarantee, jh_error *err)
{
    if (ctx == NULL || ctx->analysis == NULL)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "生成报告需要分析结果",
                             "the report needs an analysis");
    if (ctx->diagnostics == NULL || ctx->diagnostics->analysis != ctx->analysis)
        return jh_error_set2(
            err, JH_ERR_ARG, NULL, 0, 0,
            "生成报告需要同一分析的诊断结果（jh_analyze_checks）",
            "the report needs the diagnostics of its "
            "analysis (jh_analyze_checks)");
    if (guarantee && ctx->analysis->standard->guarantee.defined &&
        ctx->guarantee == NULL)
        return jh_error_set2(
            err, JH_ERR_ARG, NULL, 0, 0,
            "生成报告需要政府保障程度的检查结果（jh_analyze_checks）",
            "the report needs the guarantee checks "
            "(jh_analyze_checks)");
    return JH_OK;
}

/* ---- workbook sheet ---------------------------------------------------- */

/* Columns of the summary table: one row per level and indicator. */
static const char *const sheet_heads[] = {"level",
                                          "indicator",
                                          "cv",
                                          "diag_gini",
                                          "diag_theil",
                                          "diag_mcloone",
                                          "diag_median",
                                          "diag_p05",
                                          "diag_p95",
                                          "diag_frr",
                                          "diag_cv2",
                                          "diag_within_part",
                                          "diag_between_part",
                                          "diag_between_share"};
#define SHEET_NHEADS (sizeof(sheet_heads) / sizeof(sheet_heads[0]))

/* The summary row of indicator @p k in level @p l at @p row. */
static void
sheet_summary_row(jh__book *book, lxw_worksheet *ws, lxw_row_t row,
                  const jh_report_context *ctx, int l, size_t k)
{
    const jh_analysis *a = ctx->analysis;
    const jh_indicator_diagnostics *id = &ctx->diagnostics->levels[l].ind[k];
    const jh_decomposition *dc = &id->decomposition;
    const jh_indicator_stats *is = &a->levels[l].ind[k];
    jh_lang lang = ctx->lang;
    lxw_col_t c = 0;

    jh__cell_str(book, ws, row, c++, jh_level_name((jh_level)l, lang),
                 book->f.text);
    jh__cell_str(book, ws, row, c++,
                 jh_indicator_name(&a->standard->indicators[k], lang),
                 book->f.text);
    jh__cell_num(book, ws, row, c++, is->cv_defined ? is->cv : NAN,
                 book->f.num3);
    jh__cell_num(book, ws, row, c++, id->gini, book->f.num3);
    jh__cell_num(book, ws, row, c++, id->theil, book->f.num4);
    jh__cell_num(book, ws, row, c++, id->mcloone, book->f.num3);
    jh__cell_num(book, ws, row, c++, id->median, book->f.num2);
    jh__cell_num(book, ws, row, c++, id->p05, book->f.num2);
    jh__cell_num(book, ws, row, c++, id->p95, book->f.num2);
    jh__cell_num(book, ws, row, c++, id->federal_range_ratio, book->f.num3);
    jh__cell_num(book, ws, row, c++, dc->cv2, book->f.num4);
    jh__cell_num(book, ws, row, c++, dc->within, book->f.num4);
    jh__cell_num(book, ws, row, c++, dc->between, book->f.num4);
    jh__cell_num(book, ws, row, c++, dc->cv2 > 0 ? dc->between / dc->cv2 : NAN,
                 book->f.pct);
}

/* Level @p l's table from @p row: each school's share of the deviation
 * and the CV without it.  Returns the row after it. */
static lxw_row_t
sheet_schools(jh__book *book, lxw_worksheet *ws, lxw_row_t row,
              const jh_report_context *ctx, int l)
{
    const jh_model *m = ctx->analysis->model;
    const jh_standard *std = ctx->analysis->standard;
    const jh_level_result *lr = &ctx->analysis->levels[l];
    jh_lang lang = ctx->lang;
    char title[256];

    snprintf(title, sizeof(title), "%s %s", jh_level_name((jh_level)l, lang),
             jh__xlabel(lang, "diag_schools_title"));
    jh__cell_str(book, ws, row++, 0, title, book->f.title);
    jh__cell_str(book, ws, row, 0, jh_label(lang, "code"), book->f.header);
    jh__cell_str(book, ws, row, 1, jh_label(lang, "school"), book->f.header);
    jh__cell_str(book, ws, row, 2, jh__xlabel(lang, "diag_locality"),
                 book->f.header);
    for (size_t k = 0; k < std->nindicators; k++) {
        char h[256];
        snprintf(h, sizeof(h), "%s\n%s",
                 jh_indicator_short(&std->indicators[k], lang),
                 jh__xlabel(lang, "diag_share"));
        jh__cell_str(book, ws, row, (lxw_col_t)(3 + 2 * k), h, book->f.header);
        snprintf(h, sizeof(h), "%s\n%s",
                 jh_indicator_short(&std->indicators[k], lang),
                 jh__xlabel(lang, "diag_loo"));
        jh__cell_str(book, ws, row, (lxw_col_t)(4 + 2 * k), h, book->f.header);
    }
    row++;
    for (size_t j = 0; j < lr->nsections; j++) {
        const jh_school *s =
            &m->county->schools[m->sections[lr->sections[j]].school];
        jh__cell_str(book, ws, row, 0, s->code, book->f.text);
        jh__cell_str(book, ws, row, 1, s->name, book->f.text);
        jh__cell_str(book, ws, row, 2,
                     jh__locality_name((int)s->locality, lang), book->f.text);
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator_diagnostics *id =
                &ctx->diagnostics->levels[l].ind[k];
            jh__cell_num(book, ws, row, (lxw_col_t)(3 + 2 * k),
                         id->contribution[j], book->f.pct);
            jh__cell_num(book, ws, row, (lxw_col_t)(4 + 2 * k), id->loo_cv[j],
                         book->f.num3);
        }
        row++;
    }
    return row;
}

jh_status
jh_report_diagnostics_sheet(struct lxw_workbook *wb,
                            const jh_report_context *ctx, jh_error *err)
{
    const jh_analysis *a;
    jh_lang lang = ctx->lang;
    jh__book book;
    lxw_worksheet *ws;
    lxw_row_t row = 0;
    jh_status st;

    st = jh__report_checks(ctx, false, err);
    if (st != JH_OK)
        return st;
    a = ctx->analysis;
    memset(&book, 0, sizeof(book));
    book.wb = wb;
    jh__sheet_formats(&book);
    ws = jh__book_sheet(&book, jh__xlabel(lang, "diag_sheet"));
    if (ws == NULL)
        return jh_error_set2(
            err, JH_ERR_OUTPUT, NULL, 0, 0, "无法添加工作表“%s”：%s%.0s",
            "cannot add the sheet '%s': %.0s%s", jh__xlabel(lang, "diag_sheet"),
            jh__lxw_zh(book.first), lxw_strerror(book.first));
    jh__cell_str(&book, ws, row++, 0, jh__xlabel(lang, "diag_title"),
                 book.f.title);
    jh__book_check(&book, worksheet_merge_range(
                              ws, row, 0, row, (lxw_col_t)(SHEET_NHEADS - 1),
                              jh__xlabel(lang, "diag_note"), book.f.note));
    jh__book_check(&book, worksheet_set_row(ws, row, 48, NULL));
    row += 2;
    jh__cell_str(&book, ws, row++, 0, jh__xlabel(lang, "diag_summary_title"),
                 book.f.title);
    for (size_t c = 0; c < SHEET_NHEADS; c++)
        jh__cell_str(&book, ws, row, (lxw_col_t)c,
                     jh__xlabel(lang, sheet_heads[c]), book.f.header);
    row++;
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (!a->levels[l].present)
            continue;
        for (size_t k = 0; k < a->standard->nindicators; k++)
            sheet_summary_row(&book, ws, row++, ctx, l, k);
    }
    /* Per level: each school's share of deviation and CV without it. */
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (a->levels[l].present)
            row = sheet_schools(&book, ws, row + 1, ctx, l);
    }
    jh__col_width(&book, ws, 0, 0, 14);
    jh__col_width(&book, ws, 1, 1, 30);
    jh__col_width(&book, ws, 2, 30, 11);
    if (book.first != LXW_NO_ERROR)
        return jh_error_set2(err, JH_ERR_OUTPUT, NULL, 0, 0,
                             "无法写入诊断工作表：%s%.0s",
                             "cannot write the diagnostics sheet: %.0s%s",
                             jh__lxw_zh(book.first), lxw_strerror(book.first));
    return JH_OK;
}
