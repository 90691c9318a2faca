/*
 * junheng - charts of a rectification plan: the values and CVs before and
 * after, drawn by gnuplot from plots/plan_bars.gp and plots/plan_cv.gp.
 *
 * Nothing is computed here: the values, means and CVs are those of the
 * plan's projection (plan->before and plan->after, section i of one being
 * section i of the other).  Safety as in report_charts.c and SECURITY.md:
 * every string (county, school and indicator names, titles, captions, key
 * texts) goes into a data file through jh__gp_put_text(); gnuplot gets the
 * scratch folder and numbers (chartset.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chartset.h"
#include "junheng/report_plan.h"
#include "junheng/report_plan_charts.h"
#include "util.h"

#define NAME_COLS 32
#define TEXT_COLS 240

enum { KIND_BARS = 0, KIND_CV = 1, KIND_COUNT = 2 };
static const char *const kinds[KIND_COUNT] = {"plan_bars", "plan_cv"};

static const char *
comma(jh_lang lang)
{
    return lang == JH_LANG_EN ? ", " : "，";
}

/* A CV to 3 decimals, or "undefined". */
static const char *
cv_text(const jh_indicator_stats *is, jh_lang lang, char *buf, size_t size)
{
    return is->cv_defined ? jh__fmt_fixed(is->cv, 3, buf, size)
                          : jh_label(lang, "undefined");
}

/* One bar pair, sorted by the value before the plan. */
typedef struct pair {
    double before, after;
    size_t order;   /* position in the level, for ties */
    size_t section; /* index into the model's sections */
} pair;

static int
pair_cmp(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;

    if (a->before < b->before)
        return -1;
    if (a->before > b->before)
        return 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static double
finite_or_zero(double v)
{
    return isfinite(v) ? v : 0.0;
}

/* Sections of level @p l whose value of indicator @p k the plan raises. */
static size_t
raised_count(const jh_plan *p, const jh_level_result *lr, size_t k)
{
    size_t n = 0;

    for (size_t j = 0; j < lr->nsections; j++) {
        size_t s = lr->sections[j];
        if (finite_or_zero(p->after->results[s].value[k]) >
            finite_or_zero(p->before->results[s].value[k]))
            n++;
    }
    return n;
}

/* Whether the plan has a CV fix of indicator @p k in level @p l. */
static bool
has_cv_fix(const jh_plan *p, jh_level l, size_t k)
{
    for (size_t i = 0; i < p->ncv_fixes; i++) {
        if (p->cv_fixes[i].level == l && p->cv_fixes[i].indicator == k)
            return true;
    }
    return false;
}

/* The chart's CV line into @p text: the CV before and after, the limit
 * and the verdict after, and how many schools were raised. */
static void
bars_caption(char *text, size_t size, const jh_indicator_stats *ia,
             const jh_indicator_stats *ib, size_t raised, size_t nsections,
             jh_lang lang)
{
    char n1[64], n2[64], n3[64];

    /* 差异系数 0.552 → 0.500（限值 0.50，达标）   |   整改学校：6 / 35 */
    snprintf(
        text, size, "%s %s \xe2\x86\x92 %s%s%s %s%s%s%s   |   %s%s%zu / %zu",
        jh_label(lang, "cv"), cv_text(ia, lang, n1, sizeof(n1)),
        cv_text(ib, lang, n2, sizeof(n2)), lang == JH_LANG_EN ? " (" : "（",
        jh_label(lang, "chart_limit"),
        ia->cv_limit >= 0.0 ? jh__fmt_fixed(ia->cv_limit, 2, n3, sizeof(n3))
                            : "-",
        ia->cv_limit >= 0.0 ? comma(lang) : "",
        ia->cv_limit >= 0.0 ? jh_label(lang, ib->cv_pass ? "pass" : "fail")
                            : "",
        lang == JH_LANG_EN ? ")" : "）", jh_label(lang, "pc_raised"),
        jh__gp_colon(lang), raised, nsections);
}

/* The unit, key and threshold and mean labels of the bars chart, each
 * followed by a tab but the last. */
static void
bars_labels(FILE *f, const jh_indicator *ind, double thr, bool has_thr,
            const jh_indicator_stats *ia, const jh_indicator_stats *ib,
            jh_lang lang)
{
    char text[1024], n1[64];
    const char *cols[] = {lang == JH_LANG_EN ? ind->unit_en : ind->unit_zh,
                          jh_label(lang, "pc_before"),
                          jh_label(lang, "pc_after"),
                          jh_label(lang, "pc_after_raised")};

    jh__cs_put_texts(f, cols, 4, '\t');
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_threshold"),
             jh__fmt_fixed(thr, 2, n1, sizeof(n1)));
    jh__gp_put_text(f, has_thr ? text : "");
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "pc_mean_before"),
             jh__fmt_fixed(ia->mean, 2, n1, sizeof(n1)));
    jh__gp_put_text(f, text);
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s %s", jh_label(lang, "pc_mean_after"),
             jh__fmt_fixed(ib->mean, 2, n1, sizeof(n1)));
    jh__gp_put_text(f, text);
}

/*
 * "plan_bars-N-meta.tsv", one line: count, threshold, has_threshold, mean
 * before, mean after, widest school name (display columns), title,
 * caption, y label, key texts (before, after, after for a school raised,
 * threshold, mean before, mean after); "plan_bars-N.tsv", per section sorted by
 * the value before: position, before, after, raised (1/0), school name, after
 * as printed (empty when not raised).
 */
static jh_status
write_bars(jh__chartset *cs, size_t n, const jh_report_context *ctx,
           const jh_plan *p, jh_level l, size_t k, jh_error *err)
{
    const jh_analysis *a = p->before, *b = p->after;
    const jh_level_result *la = &a->levels[l], *lb = &b->levels[l];
    const jh_indicator *ind = &a->standard->indicators[k];
    const jh_indicator_stats *ia = &la->ind[k], *ib = &lb->ind[k];
    const jh_model *m = a->model;
    jh_lang lang = ctx->lang;
    double thr = ind->threshold[l];
    bool has_thr = isfinite(thr) && thr > 0.0;
    char text[1024], part[512], n1[64];
    size_t name_cols = 0, raised = raised_count(p, la, k);
    pair *pairs = calloc(la->nsections > 0 ? la->nsections : 1, sizeof(*pairs));
    FILE *f;
    jh_status st;

    if (pairs == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    for (size_t j = 0; j < la->nsections; j++) {
        pairs[j].section = la->sections[j];
        pairs[j].order = j;
        pairs[j].before = finite_or_zero(a->results[la->sections[j]].value[k]);
        pairs[j].after = finite_or_zero(b->results[la->sections[j]].value[k]);
    }
    qsort(pairs, la->nsections, sizeof(*pairs), pair_cmp);

    st = jh__cs_data(&f, cs, kinds[KIND_BARS], n, "-meta.tsv", err);
    if (st != JH_OK) {
        free(pairs);
        return st;
    }
    name_cols = jh__cs_name_cols(m, la->sections, la->nsections, NAME_COLS);
    fprintf(f, "%zu\t", la->nsections);
    jh__gp_put_num(f, has_thr ? thr : 0.0);
    fprintf(f, "\t%d\t", has_thr ? 1 : 0);
    jh__gp_put_num(f, ia->mean);
    fputc('\t', f);
    jh__gp_put_num(f, ib->mean);
    fprintf(f, "\t%zu\t", name_cols);
    snprintf(part, sizeof(part), "%s%s", jh_indicator_name(ind, lang),
             jh_label(lang, "pc_title"));
    jh__gp_title(text, sizeof(text), ctx, l, part);
    jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    bars_caption(text, sizeof(text), ia, ib, raised, la->nsections, lang);
    jh__gp_put_text(f, text);
    fputc('\t', f);
    bars_labels(f, ind, thr, has_thr, ia, ib, lang);
    fputc('\n', f);
    st = jh__cs_close(f, cs, err);

    f = NULL;
    if (st == JH_OK)
        st = jh__cs_data(&f, cs, kinds[KIND_BARS], n, ".tsv", err);
    for (size_t j = 0; f != NULL && j < la->nsections; j++) {
        const jh_school *s =
            &m->county->schools[m->sections[pairs[j].section].school];
        bool up = pairs[j].after > pairs[j].before;
        fprintf(f, "%zu\t", j + 1);
        jh__gp_put_num(f, pairs[j].before);
        fputc('\t', f);
        jh__gp_put_num(f, pairs[j].after);
        fprintf(f, "\t%d\t", up ? 1 : 0);
        jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), s->name, NAME_COLS));
        fputc('\t', f);
        jh__gp_put_text(f, up ? jh__fmt_fixed(pairs[j].after, 2, n1, sizeof(n1))
                              : "");
        fputc('\n', f);
    }
    if (f != NULL)
        st = jh__cs_close(f, cs, err);
    free(pairs);
    return st;
}

/*
 * "plan_cv-N-meta.tsv", one line: count, limit, has_limit, title, caption,
 * y label, key texts (before, after within the limit, after above it,
 * limit); "plan_cv-N.tsv", per indicator: position, CV before, CV after
 * (0 when undefined), after within the limit (1/0), short name, before and
 * after as printed.
 */
static jh_status
write_cv(jh__chartset *cs, size_t n, const jh_report_context *ctx,
         const jh_plan *p, jh_level l, jh_error *err)
{
    const jh_standard *std = p->before->standard;
    const jh_level_result *la = &p->before->levels[l],
                          *lb = &p->after->levels[l];
    jh_lang lang = ctx->lang;
    double limit = std->cv_limit[l];
    bool has_limit = limit >= 0.0;
    char text[1024], part[512], num[64];
    FILE *f;
    jh_status st;

    st = jh__cs_data(&f, cs, kinds[KIND_CV], n, "-meta.tsv", err);
    if (st != JH_OK)
        return st;
    fprintf(f, "%zu\t", std->nindicators);
    jh__gp_put_num(f, has_limit ? limit : 0.0);
    fprintf(f, "\t%d\t", has_limit ? 1 : 0);
    jh__gp_title(text, sizeof(text), ctx, l, jh_label(lang, "pc_cv_title"));
    jh__gp_put_text(f, jh__gp_clip(part, sizeof(part), text, TEXT_COLS));
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s%s%s \xe2\x86\x92 %s",
             jh_label(lang, "cv_all_pass"), jh__gp_colon(lang),
             jh_label(lang, la->cv_pass ? "yes" : "no"),
             jh_label(lang, lb->cv_pass ? "yes" : "no"));
    jh__gp_put_text(f, text);
    fputc('\t', f);
    const char *legend[] = {
        jh_label(lang, "chart_cv"), jh_label(lang, "pc_before"),
        jh_label(lang, "pc_after"), jh_label(lang, "pc_after_over")};
    jh__cs_cv_legend(f, lang, legend, 4, limit, has_limit);
    st = jh__cs_close(f, cs, err);

    f = NULL;
    if (st == JH_OK)
        st = jh__cs_data(&f, cs, kinds[KIND_CV], n, ".tsv", err);
    for (size_t k = 0; f != NULL && k < std->nindicators; k++) {
        const jh_indicator_stats *ia = &la->ind[k], *ib = &lb->ind[k];
        bool ok = ib->cv_defined && (!has_limit || ib->cv_pass);
        fprintf(f, "%zu\t", k + 1);
        jh__gp_put_num(f, ia->cv_defined ? ia->cv : 0.0);
        fputc('\t', f);
        jh__gp_put_num(f, ib->cv_defined ? ib->cv : 0.0);
        fprintf(f, "\t%d\t", ok ? 1 : 0);
        jh__gp_put_text(
            f, jh__gp_clip(part, sizeof(part),
                           jh_indicator_short(&std->indicators[k], lang),
                           NAME_COLS));
        fputc('\t', f);
        jh__gp_put_text(f, cv_text(ia, lang, num, sizeof(num)));
        fputc('\t', f);
        jh__gp_put_text(f, cv_text(ib, lang, num, sizeof(num)));
        fputc('\n', f);
    }
    if (f != NULL)
        st = jh__cs_close(f, cs, err);
    return st;
}

jh_status
jh_report_plan_charts(const char *dir, const jh_report_context *ctx,
                      const jh_plan *plan, const jh_chart_options *opts,
                      jh_error *err)
{
    jh__chartset cs;
    jh_status st;

    if (ctx == NULL || plan == NULL || plan->before == NULL ||
        plan->after == NULL)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "生成规划图表需要规划及其预测结果",
                             "plan charts need a plan and its projection");
    st = jh__cs_open(&cs, dir, opts, ctx->created, err);
    if (st != JH_OK)
        return st;
    for (int l = 0; st == JH_OK && l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *la = &plan->before->levels[l];
        const jh_standard *std = plan->before->standard;
        size_t n;
        if (!la->present || la->nsections == 0)
            continue;
        for (size_t k = 0; st == JH_OK && k < std->nindicators; k++) {
            if (!has_cv_fix(plan, (jh_level)l, k) &&
                raised_count(plan, la, k) == 0)
                continue;
            st = jh__cs_add(&cs, kinds[KIND_BARS], jh_level_key((jh_level)l),
                            std->indicators[k].id, &n, err);
            if (st == JH_OK)
                st = write_bars(&cs, n, ctx, plan, (jh_level)l, k, err);
        }
        if (st == JH_OK)
            st = jh__cs_add(&cs, kinds[KIND_CV], jh_level_key((jh_level)l), "cv", &n,
                            err);
        if (st == JH_OK)
            st = write_cv(&cs, n, ctx, plan, (jh_level)l, err);
    }
    if (st == JH_OK)
        st = jh__cs_render(&cs, err);
    jh__cs_free(&cs);
    return st;
}
