/*
 * junheng - charts, drawn by gnuplot from templates in plots/.
 *
 * Safety model.  gnuplot is a scripting language: backquotes in a
 * double-quoted string, system(), "!cmd", "@macro" and file names starting
 * with "<" or "|" all run shell commands.  So:
 *
 *   - the commands live in plots/bars.gp and plots/cv.gp, never in C;
 *   - every string that comes from the input or from the label table
 *     (county, school and indicator names, titles, captions, key texts) is
 *     written to a TSV data file that the template reads with strcol() or
 *     xticlabels(), which never evaluate what they read;
 *   - gnuplot gets only a folder path and numbers as arguments (`-c`), is
 *     started with posix_spawnp (no shell), and every path it sees starts
 *     with "/" or "./" so that none can be taken for a pipe.
 *
 * gnuplot's data reader is not plain TSV: a double quote ends a string
 * field and a backslash starts an escape (parse_esc: \\, \n, \t, \", octal
 * \ooo and \0ooo).  jh__gp_put_text() (src/gnuplot.c) writes a quote as
 * the four-digit octal escape \0042 (which never swallows a following
 * digit) and a backslash as \\, so that strcol() and xticlabels() give
 * back exactly the original text.
 *
 * The charts are a chart set (chartset.c): with opts->diagnostics the
 * supplementary Lorenz and contribution charts join the same set, and
 * jh__gp_run() shares all of them out between one gnuplot process per core.
 * Outputs go to temporary names in a scratch folder "<dir>/.data-XXXXXX",
 * are checked (exit status, size > 0) and only then renamed to their final
 * names; the scratch folder is always removed.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartset.h"
#include "gnuplot.h"
#include "junheng/report.h"
#include "junheng/report_charts.h"
#include "util.h"

/* Longest text drawn on a chart, in display columns (a CJK character is
 * two): a school name under a bar, and the county name in a title. */
#define NAME_COLS 32
#define TEXT_COLS 240

/* The two templates, in plots_dir. */
static const char KIND_BARS[] = "bars";
static const char KIND_CV[] = "cv";

/* One bar of a sorted chart. */
typedef struct bar {
    double value;
    size_t order;   /* position in the input, for ties */
    size_t section; /* index into the model's sections */
} bar;

/* ------------------------------------------------------------------ */
/* Text for the data files                                             */
/* ------------------------------------------------------------------ */

/* "评估标准：quality-2017（教督〔2017〕6号）", then the standards file
 * and the provisions switched on, when there are any, so that a chart on
 * a board says which rules produced it. */
static void
make_standard(char *buf, size_t size, const jh_report_context *ctx)
{
    const jh_standard *std = ctx->analysis->standard;
    bool en = ctx->lang == JH_LANG_EN;
    size_t n;

    n = (size_t)snprintf(buf, size, en ? "%s%s%s (%s)" : "%s%s%s（%s）",
                         jh_label(ctx->lang, "standard"),
                         jh__gp_colon(ctx->lang), std->id, std->source);
    if (std->file[0] != '\0' && n < size) {
        const char *base = strrchr(std->file, '/');
        n += (size_t)snprintf(buf + n, size - n, en ? ", file %s" : "，文件 %s",
                              base != NULL ? base + 1 : std->file);
    }
    for (size_t i = 0; i < std->nprovisions && n < size; i++) {
        if (std->provisions[i].enabled)
            n += (size_t)snprintf(buf + n, size - n,
                                  en ? ", %s on" : "，启用 %s",
                                  std->provisions[i].id);
    }
}

/* ------------------------------------------------------------------ */
/* Data files                                                          */
/* ------------------------------------------------------------------ */

static int
bar_cmp(const void *pa, const void *pb)
{
    const bar *a = pa, *b = pb;

    if (a->value < b->value)
        return -1;
    if (a->value > b->value)
        return 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/*
 * Write "bars-N-meta.tsv" (one line: count, threshold, has_threshold, mean,
 * widest school name in display columns, title, caption, y label, key
 * texts) and "bars-N.tsv" (per bar: position,
 * value, meets, school name, value as printed) for indicator @p k of level
 * @p lr, sorted ascending by value, ties in input order.
 */
static jh_status
write_bars(jh__chartset *cs, const jh_report_context *ctx, size_t n,
           const jh_level_result *lr, size_t k, jh_error *err)
{
    const jh_analysis *a = ctx->analysis;
    const jh_model *m = a->model;
    const jh_indicator *ind = &a->standard->indicators[k];
    const jh_indicator_stats *is = &lr->ind[k];
    jh_lang lang = ctx->lang;
    double thr = ind->threshold[lr->level];
    bool has_thr = isfinite(thr) && thr > 0.0;
    char text[1024], part[512], num1[64], num2[64];
    size_t name_cols = 0;
    bar *bars = calloc(lr->nsections > 0 ? lr->nsections : 1, sizeof(*bars));
    FILE *f;
    jh_status st;

    if (bars == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    for (size_t j = 0; j < lr->nsections; j++) {
        bars[j].section = lr->sections[j];
        bars[j].order = j;
        bars[j].value = a->results[lr->sections[j]].value[k];
        if (!isfinite(bars[j].value))
            bars[j].value = 0.0;
    }
    qsort(bars, lr->nsections, sizeof(*bars), bar_cmp);

    st = jh__cs_data(&f, cs, KIND_BARS, n, "-meta.tsv", err);
    if (st != JH_OK) {
        free(bars);
        return st;
    }
    name_cols = jh__cs_name_cols(m, lr->sections, lr->nsections, NAME_COLS);
    fprintf(f, "%zu\t", lr->nsections);
    jh__gp_put_num(f, has_thr ? thr : 0.0);
    fprintf(f, "\t%d\t", has_thr ? 1 : 0);
    jh__gp_put_num(f, is->mean);
    fprintf(f, "\t%zu\t", name_cols);
    jh__gp_title(text, sizeof(text), ctx, lr->level,
                 jh_indicator_name(ind, lang));
    jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    make_standard(part, sizeof(part), ctx);
    snprintf(
        text, sizeof(text), "%s   |   %s %s%s%s %s%s%s   |   %s%s%zu / %zu",
        part, jh_label(lang, "cv"),
        is->cv_defined ? jh__fmt_fixed(is->cv, 3, num1, sizeof(num1))
                       : jh_label(lang, "undefined"),
        lang == JH_LANG_EN ? ", " : "，", jh_label(lang, "chart_limit"),
        is->cv_limit >= 0.0 ? jh__fmt_fixed(is->cv_limit, 2, num2, sizeof(num2))
                            : "-",
        lang == JH_LANG_EN ? ", " : "，",
        is->cv_limit >= 0.0 ? jh_label(lang, is->cv_pass ? "pass" : "fail")
                            : "",
        jh_label(lang, "below"), jh__gp_colon(lang), is->below, lr->nsections);
    jh__gp_put_text(f, text);
    fputc('\t', f);
    jh__gp_put_text(f, lang == JH_LANG_EN ? ind->unit_en : ind->unit_zh);
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_threshold"),
             jh__fmt_fixed(thr, 2, num1, sizeof(num1)));
    jh__gp_put_text(f, has_thr ? text : "");
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_mean"),
             jh__fmt_fixed(is->mean, 2, num1, sizeof(num1)));
    jh__gp_put_text(f, text);
    fputc('\t', f);
    jh__gp_put_text(f, jh_label(lang, "chart_met"));
    fputc('\t', f);
    jh__gp_put_text(f, jh_label(lang, "chart_below"));
    fputc('\n', f);
    st = jh__cs_close(f, cs, err);

    f = NULL;
    if (st == JH_OK)
        st = jh__cs_data(&f, cs, KIND_BARS, n, ".tsv", err);
    for (size_t j = 0; f != NULL && j < lr->nsections; j++) {
        const jh_section_result *r = &a->results[bars[j].section];
        const jh_school *s =
            &m->county->schools[m->sections[bars[j].section].school];
        fprintf(f, "%zu\t", j + 1);
        jh__gp_put_num(f, bars[j].value);
        fprintf(f, "\t%d\t", !has_thr || r->met[k] ? 1 : 0);
        jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), s->name, NAME_COLS));
        fputc('\t', f);
        jh__gp_put_text(f, jh__fmt_fixed(bars[j].value, 2, num1, sizeof(num1)));
        fputc('\n', f);
    }
    if (f != NULL)
        st = jh__cs_close(f, cs, err);
    free(bars);
    return st;
}

/*
 * Write "cv-N-meta.tsv" (one line: count, limit, has_limit, title,
 * caption, y label, key texts) and "cv-N.tsv" (per indicator: position,
 * CV or 0 when undefined, within the limit, short name, CV as printed) for
 * level @p lr.
 */
static jh_status
write_cv(jh__chartset *cs, const jh_report_context *ctx, size_t n,
         const jh_level_result *lr, jh_error *err)
{
    const jh_standard *std = ctx->analysis->standard;
    jh_lang lang = ctx->lang;
    double limit = std->cv_limit[lr->level];
    bool has_limit = limit >= 0.0;
    bool disagrees = false;
    char text[1024], part[512], num[64];
    FILE *f;
    jh_status st;

    for (size_t k = 0; k < std->nindicators; k++)
        disagrees = disagrees || lr->ind[k].cv_print_disagrees;
    st = jh__cs_data(&f, cs, KIND_CV, n, "-meta.tsv", err);
    if (st != JH_OK)
        return st;
    fprintf(f, "%zu\t", std->nindicators);
    jh__gp_put_num(f, has_limit ? limit : 0.0);
    fprintf(f, "\t%d\t", has_limit ? 1 : 0);
    jh__gp_title(text, sizeof(text), ctx, lr->level,
                 jh_label(lang, "chart_cv_title"));
    jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    make_standard(part, sizeof(part), ctx);
    if (!isnan(lr->composite_limit)) {
        /* Only the mean of the CVs is judged (2012): say so, no line. */
        char c1[32], c2[32];
        snprintf(text, sizeof(text), "%s   |   %s %s%s%s %s%s%s", part,
                 jh_label(lang, "composite_cv"),
                 jh__fmt_fixed(lr->composite_cv, 3, c1, sizeof(c1)),
                 lang == JH_LANG_EN ? ", " : "，",
                 jh_label(lang, "chart_limit"),
                 jh__fmt_fixed(lr->composite_limit, 2, c2, sizeof(c2)),
                 lang == JH_LANG_EN ? ", " : "，",
                 jh_label(lang, lr->composite_pass ? "pass" : "fail"));
    } else {
        snprintf(text, sizeof(text), "%s   |   %s%s%s%s%s", part,
                 jh_label(lang, "cv_all_pass"), jh__gp_colon(lang),
                 jh_label(lang, lr->cv_pass ? "yes" : "no"),
                 disagrees ? "   |   * " : "",
                 disagrees ? jh_label(lang, "warning_cv_print") : "");
    }
    jh__gp_put_text(f, text);
    fputc('\t', f);
    const char *legend[] = {jh_label(lang, "chart_cv"),
                            jh_label(lang, "chart_met"),
                            jh_label(lang, "chart_cv_over")};
    jh__cs_cv_legend(f, lang, legend, 3, limit, has_limit);
    st = jh__cs_close(f, cs, err);

    f = NULL;
    if (st == JH_OK)
        st = jh__cs_data(&f, cs, KIND_CV, n, ".tsv", err);
    for (size_t k = 0; f != NULL && k < std->nindicators; k++) {
        const jh_indicator_stats *is = &lr->ind[k];
        bool ok = is->cv_defined && (!has_limit || is->cv_pass);
        fprintf(f, "%zu\t", k + 1);
        jh__gp_put_num(f, is->cv_defined ? is->cv : 0.0);
        fprintf(f, "\t%d\t", ok ? 1 : 0);
        jh__gp_put_text(
            f, jh__gp_clip(part, sizeof(part),
                           jh_indicator_short(&std->indicators[k], lang),
                           NAME_COLS));
        fputc('\t', f);
        if (is->cv_defined) {
            jh__gp_put_text(f, jh__fmt_fixed(is->cv, 3, num, sizeof(num)));
            if (is->cv_print_disagrees)
                fputc('*', f);
        } else {
            jh__gp_put_text(f, jh_label(lang, "undefined"));
        }
        fputc('\n', f);
    }
    if (f != NULL)
        st = jh__cs_close(f, cs, err);
    return st;
}

/* Add every chart of @p ctx to @p cs and write its data. */
static jh_status
add_charts(jh__chartset *cs, const jh_report_context *ctx, jh_error *err)
{
    const jh_analysis *a = ctx->analysis;
    const jh_standard *std = a->standard;
    jh_status st = JH_OK;
    size_t n;

    for (int l = 0; st == JH_OK && l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        const char *key = jh_level_key(lr->level);
        if (!lr->present || lr->nsections == 0)
            continue;
        for (size_t k = 0; st == JH_OK && k < std->nindicators; k++) {
            st = jh__cs_add(cs, KIND_BARS, key, std->indicators[k].id, &n, err);
            if (st == JH_OK)
                st = write_bars(cs, ctx, n, lr, k, err);
        }
        if (st == JH_OK)
            st = jh__cs_add(cs, KIND_CV, key, "cv", &n, err);
        if (st == JH_OK)
            st = write_cv(cs, ctx, n, lr, err);
    }
    return st;
}

jh_status
jh__charts_render(const char *dir, const jh_report_context *ctx,
                  const jh_chart_options *opts, bool main, bool diagnostics,
                  jh_error *err)
{
    jh__chartset cs;
    jh_status st;

    if (ctx == NULL || ctx->analysis == NULL)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "生成图表需要分析结果", "charts need an analysis");
    st = jh__cs_open(&cs, dir, opts, ctx->created, err);
    if (st != JH_OK)
        return st;
    if (main)
        st = add_charts(&cs, ctx, err);
    if (st == JH_OK && diagnostics)
        st = jh__diag_charts_add(&cs, ctx, err);
    if (st == JH_OK)
        st = jh__cs_render(&cs, err);
    jh__cs_free(&cs);
    return st;
}

jh_status
jh_report_charts(const char *dir, const jh_report_context *ctx,
                 const jh_chart_options *opts, jh_error *err)
{
    return jh__charts_render(dir, ctx, opts, true,
                             opts != NULL && opts->diagnostics, err);
}
