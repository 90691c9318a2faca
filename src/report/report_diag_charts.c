/*
 * junheng - charts of the supplementary diagnostics (补充分析): per level
 * the pupil-weighted Lorenz curves of the indicators (plots/lorenz.gp),
 * and for each indicator whose CV fails its limit every school's share of
 * the weighted squared deviation (plots/contrib.gp).
 *
 * The figures are those of ctx->diagnostics (diagnostics.h); nothing
 * new is computed.  Every chart says that it is supplementary.  Safety as
 * in report_charts.c and SECURITY.md: every string goes into a data file
 * through jh__gp_put_text(); gnuplot gets the scratch folder and numbers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chartset.h"
#include "junheng/diagnostics.h"
#include "junheng/report.h"
#include "junheng/report_diag_charts.h"
#include "report_diagnostics.h"
#include "util.h"

#define NAME_COLS 32
#define TEXT_COLS 240
/* Schools whose share is written on the contribution chart. */
#define TOP_LABELLED 5

enum { KIND_LORENZ = 0, KIND_CONTRIB = 1, KIND_COUNT = 2 };
static const char *const kinds[KIND_COUNT] = {"lorenz", "contrib"};

/* Whether the CV of indicator @p k fails its own limit. */
static bool
cv_fails(const jh_indicator_stats *is)
{
    return is->cv_defined && is->cv_limit >= 0.0 && !is->cv_pass;
}

/*
 * "lorenz-N-meta.tsv", one line: number of curves, title, caption, x
 * label, y label, text of the equality line; "lorenz-N-keys.tsv", per
 * curve its key text (short name and Gini); "lorenz-N.tsv", per curve a
 * block (blocks separated by two blank lines) of points: cumulative pupil
 * share, cumulative share of the indicator.  Indicators without a defined
 * mean have no curve.
 */
static jh_status
write_lorenz(jh__chartset *cs, size_t n, const jh_report_context *ctx,
             const jh_level_result *lr, const jh_level_diagnostics *ld,
             jh_error *err)
{
    const jh_standard *std = ctx->analysis->standard;
    jh_lang lang = ctx->lang;
    char text[1024], part[512], num[64];
    size_t curves = 0;
    FILE *f;
    jh_status st;

    for (size_t k = 0; k < std->nindicators; k++)
        curves += ld->ind[k].defined ? 1 : 0;
    st = jh__cs_data(&f, cs, kinds[KIND_LORENZ], n, "-meta.tsv", err);
    if (st != JH_OK)
        return st;
    fprintf(f, "%zu\t", curves);
    jh__gp_title(text, sizeof(text), ctx, lr->level,
                 jh_label(lang, "dc_lorenz_title"));
    jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    const char *cols[] = {
        jh_label(lang, "dc_lorenz_note"), jh_label(lang, "dc_lorenz_x"),
        jh_label(lang, "dc_lorenz_y"), jh_label(lang, "dc_equality")};
    jh__cs_put_texts(f, cols, 4, '\n');
    st = jh__cs_close(f, cs, err);

    f = NULL;
    if (st == JH_OK)
        st = jh__cs_data(&f, cs, kinds[KIND_LORENZ], n, "-keys.tsv", err);
    for (size_t k = 0; f != NULL && k < std->nindicators; k++) {
        if (!ld->ind[k].defined)
            continue;
        snprintf(text, sizeof(text), "%s  %s %s",
                 jh_indicator_short(&std->indicators[k], lang),
                 jh_label(lang, "dc_gini"),
                 jh__fmt_fixed(ld->ind[k].gini, 3, num, sizeof(num)));
        jh__gp_put_text(f, text);
        fputc('\n', f);
    }
    if (f != NULL)
        st = jh__cs_close(f, cs, err);

    f = NULL;
    if (st == JH_OK)
        st = jh__cs_data(&f, cs, kinds[KIND_LORENZ], n, ".tsv", err);
    for (size_t k = 0, c = 0; f != NULL && k < std->nindicators; k++) {
        const jh_indicator_diagnostics *d = &ld->ind[k];
        if (!d->defined)
            continue;
        if (c++ > 0)
            fputs("\n\n", f);
        for (size_t j = 0; j <= ld->nsections; j++) {
            jh__gp_put_num(f, d->lorenz_pupils[j]);
            fputc('\t', f);
            jh__gp_put_num(f, d->lorenz_share[j]);
            fputc('\n', f);
        }
    }
    if (f != NULL)
        st = jh__cs_close(f, cs, err);
    return st;
}

/* One bar of a contribution chart. */
typedef struct share {
    double value;   /* share of the squared deviation, 0..1 */
    size_t order;   /* position in the level */
    size_t section; /* index into the model's sections */
} share;

static int
share_cmp(const void *pa, const void *pb)
{
    const share *a = pa, *b = pb;

    if (a->value > b->value)
        return -1;
    if (a->value < b->value)
        return 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/*
 * "contrib-N-meta.tsv", one line: count, widest school name (display
 * columns), title, caption, y label, key texts (below the county mean,
 * above it); "contrib-N.tsv", per school in decreasing order of share:
 * position, share in percent, above the mean (1/0), labelled (1/0),
 * school name, share as printed ("" when not labelled).
 */
static jh_status
write_contrib(jh__chartset *cs, size_t n, const jh_report_context *ctx,
              const jh_level_result *lr, const jh_indicator_diagnostics *d,
              size_t k, jh_error *err)
{
    const jh_analysis *a = ctx->analysis;
    const jh_model *m = a->model;
    const jh_indicator *ind = &a->standard->indicators[k];
    const jh_indicator_stats *is = &lr->ind[k];
    jh_lang lang = ctx->lang;
    char text[1024], part[512], n1[64], n2[64], n3[64];
    size_t name_cols = 0, top = 0;
    double top_sum = 0.0;
    share *bars = calloc(lr->nsections > 0 ? lr->nsections : 1, sizeof(*bars));
    FILE *f;
    jh_status st;

    if (bars == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    for (size_t j = 0; j < lr->nsections; j++) {
        bars[j].section = lr->sections[j];
        bars[j].order = j;
        bars[j].value = isfinite(d->contribution[j]) ? d->contribution[j] : 0.0;
    }
    qsort(bars, lr->nsections, sizeof(*bars), share_cmp);
    top = lr->nsections < TOP_LABELLED ? lr->nsections : TOP_LABELLED;
    for (size_t j = 0; j < top; j++)
        top_sum += bars[j].value;

    st = jh__cs_data(&f, cs, kinds[KIND_CONTRIB], n, "-meta.tsv", err);
    if (st != JH_OK) {
        free(bars);
        return st;
    }
    name_cols = jh__cs_name_cols(m, lr->sections, lr->nsections, NAME_COLS);
    fprintf(f, "%zu\t%zu\t", lr->nsections, name_cols);
    snprintf(part, sizeof(part), "%s%s%s", jh_indicator_name(ind, lang),
             lang == JH_LANG_EN ? ": " : " ",
             jh_label(lang, "dc_contrib_title"));
    jh__gp_title(text, sizeof(text), ctx, lr->level, part);
    jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    /* 补充分析…   |   差异系数 0.552，限值 0.50   |   贡献最大的 5 所学校合计
     * 55.6% */
    snprintf(text, sizeof(text), "%s   |   %s %s%s%s %s   |   %s %zu %s %s%%",
             jh_label(lang, "dc_note"), jh_label(lang, "cv"),
             jh__fmt_fixed(is->cv, 3, n1, sizeof(n1)),
             lang == JH_LANG_EN ? ", " : "，", jh_label(lang, "chart_limit"),
             jh__fmt_fixed(is->cv_limit, 2, n2, sizeof(n2)),
             jh_label(lang, "dc_top"), top, jh_label(lang, "dc_top_end"),
             jh__fmt_fixed(top_sum * 100.0, 1, n3, sizeof(n3)));
    jh__gp_put_text(f, text);
    fputc('\t', f);
    const char *cols[] = {jh_label(lang, "dc_share"),
                          jh_label(lang, "dc_below_mean"),
                          jh_label(lang, "dc_above_mean")};
    jh__cs_put_texts(f, cols, 3, '\n');
    st = jh__cs_close(f, cs, err);

    f = NULL;
    if (st == JH_OK)
        st = jh__cs_data(&f, cs, kinds[KIND_CONTRIB], n, ".tsv", err);
    for (size_t j = 0; f != NULL && j < lr->nsections; j++) {
        const jh_school *s =
            &m->county->schools[m->sections[bars[j].section].school];
        double x = a->results[bars[j].section].value[k];
        fprintf(f, "%zu\t", j + 1);
        jh__gp_put_num(f, bars[j].value * 100.0);
        fprintf(f, "\t%d\t%d\t", isfinite(x) && x > is->mean ? 1 : 0,
                j < top ? 1 : 0);
        jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), s->name, NAME_COLS));
        fputc('\t', f);
        if (j < top) {
            jh__fmt_fixed(bars[j].value * 100.0, 1, n1, sizeof(n1));
            snprintf(text, sizeof(text), "%s%%", n1);
            jh__gp_put_text(f, text);
        }
        fputc('\n', f);
    }
    if (f != NULL)
        st = jh__cs_close(f, cs, err);
    free(bars);
    return st;
}

jh_status
jh__diag_charts_add(jh__chartset *cs, const jh_report_context *ctx,
                    jh_error *err)
{
    const jh_diagnostics *diag;
    jh_status st;

    if (ctx == NULL || ctx->analysis == NULL)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "生成诊断图表需要分析结果",
                             "diagnostics charts need an analysis");
    /* The diagnostics come computed (jh_analyze_checks()). */
    st = jh__report_checks(ctx, false, err);
    diag = ctx->diagnostics;
    for (int l = 0; st == JH_OK && l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &ctx->analysis->levels[l];
        const jh_level_diagnostics *ld = &diag->levels[l];
        const jh_standard *std = ctx->analysis->standard;
        size_t n;
        if (!lr->present || lr->nsections == 0 || !ld->present)
            continue;
        st = jh__cs_add(cs, kinds[KIND_LORENZ], jh_level_key(lr->level),
                        "lorenz", &n, err);
        if (st == JH_OK)
            st = write_lorenz(cs, n, ctx, lr, ld, err);
        for (size_t k = 0; st == JH_OK && k < std->nindicators; k++) {
            char *part;
            if (!cv_fails(&lr->ind[k]) || !ld->ind[k].defined)
                continue;
            part = jh__asprintf("contribution-%s", std->indicators[k].id);
            st = part == NULL
                     ? jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                                     "out of memory")
                     : jh__cs_add(cs, kinds[KIND_CONTRIB],
                                  jh_level_key(lr->level), part, &n, err);
            free(part);
            if (st == JH_OK)
                st = write_contrib(cs, n, ctx, lr, &ld->ind[k], k, err);
        }
    }
    return st;
}

jh_status
jh_report_diagnostics_charts(const char *dir, const jh_report_context *ctx,
                             const jh_chart_options *opts, jh_error *err)
{
    return jh__charts_render(dir, ctx, opts, false, true, err);
}
