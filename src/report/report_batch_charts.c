/*
 * junheng - charts of a batch: the CVs of every county per indicator
 * (plots/dist.gp), and one county's CVs across the years (plots/trend.gp).
 *
 * Same safety model as src/report_charts.c: every text drawn (county and
 * indicator names, titles, captions) goes through a data file written
 * with jh__gp_put_text(); gnuplot gets only paths and numbers, through
 * jh__gp_run(), which shares the charts of a call out between
 * opts->processes gnuplot processes (one when batch runs several counties
 * at once).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartset.h"
#include "gnuplot.h"
#include "junheng/report_batch.h"
#include "util.h"

/* Longest county name in a title, in display columns. */
#define COUNTY_COLS 40
#define SHORT_COLS 24

/* A chart being made: the template's files in the scratch folder and the
 * final base name. */
typedef struct bc_set {
    const jh_batch_report_context *ctx;
    const jh_chart_options *opts;
    const char *tmpl;
    char *dir, *scratch;
    char **finals;
    size_t count;
} bc_set;

static FILE *
bc_open(const bc_set *s, size_t n, const char *suffix, jh_status *st,
        jh_error *err)
{
    char *path = jh__asprintf("%s/%s-%zu%s", s->scratch, s->tmpl, n, suffix);
    FILE *f = path != NULL ? fopen(path, "w") : NULL;

    if (path == NULL)
        *st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                            "out of memory");
    else if (f == NULL)
        *st =
            jh_error_errno2(err, JH_ERR_IO, path, errno, "无法创建图表数据文件",
                            "cannot create a chart data file");
    free(path);
    return f;
}

static jh_status
bc_close(FILE *f, const bc_set *s, jh_status st, jh_error *err)
{
    bool bad = ferror(f) != 0;

    if ((fclose(f) != 0 || bad) && st == JH_OK)
        return jh_error_errno2(err, JH_ERR_IO, s->scratch, errno,
                               "无法写入图表数据文件",
                               "cannot write a chart data file");
    return st;
}

static jh_status
bc_add(bc_set *s, char *final, jh_error *err)
{
    char **grown;

    if (final == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    grown = realloc(s->finals, (s->count + 1) * sizeof(*grown));
    if (grown == NULL) {
        free(final);
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    }
    s->finals = grown;
    s->finals[s->count++] = final;
    return JH_OK;
}

static jh_status
bc_begin(bc_set *s, const char *dir, const jh_batch_report_context *ctx,
         const jh_chart_options *opts, const char *tmpl, jh_error *err)
{
    memset(s, 0, sizeof(*s));
    s->ctx = ctx;
    s->opts = opts;
    s->tmpl = tmpl;
    if (dir == NULL || dir[0] == '\0' || ctx == NULL || ctx->batch == NULL ||
        opts == NULL || opts->gnuplot == NULL || opts->gnuplot[0] == '\0' ||
        opts->plots_dir == NULL || opts->plots_dir[0] == '\0')
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "生成图表需要输出文件夹、批量评估结果、gnuplot "
                             "程序和图表模板文件夹",
                             "charts need a folder, a batch, a gnuplot "
                             "program and a templates folder");
    return jh__gp_scratch(&s->dir, &s->scratch, dir, err);
}

/* Render the charts of @p s in one process, check them and move them to
 * "<dir>/<final>.png|pdf"; always removes the scratch folder. */
static jh_status
bc_finish(bc_set *s, jh_status st, jh_error *err)
{
    const char *exts[2] = {"png", "pdf"};
    size_t next = s->opts->pdf ? 2 : 1;

    if (st == JH_OK && s->count > 0) {
        jh__gp_job job = {s->tmpl, 1, s->count};
        st = jh__gp_run(s->opts, s->scratch, &job, 1, err);
    }
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t i = 0; st == JH_OK && i < s->count; i++) {
            for (size_t e = 0; st == JH_OK && e < next; e++) {
                char *from = jh__asprintf("%s/%s-%zu.%s", s->scratch, s->tmpl,
                                          i + 1, exts[e]);
                char *to =
                    jh__asprintf("%s/%s.%s", s->dir, s->finals[i], exts[e]);
                if (from == NULL || to == NULL)
                    st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0,
                                       "内存不足", "out of memory");
                else if (pass == 0)
                    st = jh__gp_check(from, s->finals[i], s->tmpl, e == 1,
                                      s->ctx->created, err);
                else if (rename(from, to) != 0)
                    st = jh_error_errno2(err, JH_ERR_IO, to, errno,
                                         "无法把图表移到输出文件夹",
                                         "cannot move the chart into place");
                free(from);
                free(to);
            }
        }
    }
    if (s->scratch != NULL)
        jh__gp_remove_tree(s->scratch);
    for (size_t i = 0; i < s->count; i++)
        free(s->finals[i]);
    free(s->finals);
    free(s->scratch);
    free(s->dir);
    return st;
}

/* ---------------------------------------------------------------------- */
/* Distribution of every county's CVs                                      */

static int
cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* Quantile @p p of @p n sorted values, interpolated as R's type 7. */
static double
quantile(const double *v, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)floor(h);

    if (lo + 1 >= n)
        return v[n - 1];
    return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

/* A fixed jitter in [-1, 1] for group @p g (golden-ratio sequence), so
 * that the same batch draws the same dots. */
static double
jitter(size_t g)
{
    double x = (double)(g + 1) * 0.6180339887498949;
    return (x - floor(x)) * 2.0 - 1.0;
}

static bool
in_chart(const jh_batch_group *g, int level, bool by_year, int year)
{
    return g->levels[level].present && (!by_year || g->year == year);
}

/* One distribution chart being written: which county-years, the y range
 * and a buffer of CVs. */
typedef struct bc_dist {
    bc_set *s;
    size_t n;
    int level;
    bool by_year;
    int year;
    double *v;        /* room for one CV per county-year */
    double top;       /* the y range */
    size_t ngroups;   /* county-years drawn */
    size_t undefined; /* CVs left out, undefined */
} bc_dist;

static bool
dist_in(const bc_dist *d, size_t g)
{
    return in_chart(&d->s->ctx->batch->groups[g], d->level, d->by_year,
                    d->year);
}

/* The y range: up to the largest CV, but not so far that a few extreme
 * counties squash every box. */
static void
dist_range(bc_dist *d)
{
    const jh_batch *b = d->s->ctx->batch;
    const jh_standard *std = b->standard;
    double limit = std->cv_limit[d->level];
    bool has_limit = limit >= 0.0;
    double top = 0.0, q3max = 0.0, *v = d->v;

    for (size_t k = 0; k < std->nindicators; k++) {
        size_t m = 0;
        for (size_t g = 0; g < b->ngroups; g++) {
            const jh_indicator_stats *is =
                &b->groups[g].levels[d->level].ind[k];
            if (dist_in(d, g) && is->cv_defined)
                v[m++] = is->cv;
        }
        if (m == 0)
            continue;
        qsort(v, m, sizeof(*v), cmp_double);
        if (v[m - 1] > top)
            top = v[m - 1];
        if (quantile(v, m, 0.75) > q3max)
            q3max = quantile(v, m, 0.75);
    }
    {
        double cap = fmax(has_limit ? 2.5 * limit : 0.0, 2.0 * q3max);
        if (cap > 0.0 && top > cap)
            top = cap;
        if (has_limit && top < limit * 1.2)
            top = limit * 1.2;
        if (top <= 0.0)
            top = 1.0;
    }
    d->top = top;
}

/* The boxes (-box.tsv): per indicator its quartiles and how many are over
 * the limit. */
static void
dist_boxes(bc_dist *d, FILE *f)
{
    const jh_batch *b = d->s->ctx->batch;
    const jh_standard *std = b->standard;
    jh_lang lang = d->s->ctx->lang;
    double *v = d->v;
    char text[1024], part[512];

    for (size_t k = 0; k < std->nindicators; k++) {
        size_t m = 0, over = 0, all = 0;
        for (size_t g = 0; g < b->ngroups; g++) {
            const jh_indicator_stats *is =
                &b->groups[g].levels[d->level].ind[k];
            if (!dist_in(d, g))
                continue;
            all++;
            if (!is->cv_pass)
                over++;
            if (is->cv_defined)
                v[m++] = is->cv;
            else
                d->undefined++;
        }
        qsort(v, m, sizeof(*v), cmp_double);
        fprintf(f, "%zu\t", k + 1);
        if (m > 0) {
            const double qs[5] = {v[0], quantile(v, m, 0.25),
                                  quantile(v, m, 0.5), quantile(v, m, 0.75),
                                  v[m - 1]};
            for (int q = 0; q < 5; q++) {
                jh__gp_put_num(f, fmin(qs[q], d->top));
                fputc('\t', f);
            }
        } else {
            fputs("0\t0\t0\t0\t0\t", f);
        }
        jh__gp_put_text(
            f, jh__gp_clip(part, sizeof(part),
                           jh_indicator_short(&std->indicators[k], lang),
                           SHORT_COLS));
        fputc('\t', f);
        snprintf(text, sizeof(text), "%s %zu/%zu",
                 jh_label(lang, "batch_over_short"), over, all);
        jh__gp_put_text(f, text);
        fputc('\n', f);
    }
}

/* The points (-pts.tsv): every defined CV, jittered across its column. */
static void
dist_points(const bc_dist *d, FILE *f)
{
    const jh_batch *b = d->s->ctx->batch;
    size_t nind = b->standard->nindicators;

    for (size_t g = 0; g < b->ngroups; g++) {
        if (!dist_in(d, g))
            continue;
        for (size_t k = 0; k < nind; k++) {
            const jh_indicator_stats *is =
                &b->groups[g].levels[d->level].ind[k];
            if (!is->cv_defined)
                continue;
            jh__gp_put_num(f, (double)(k + 1) + 0.3 * jitter(g * 7 + k));
            fputc('\t', f);
            jh__gp_put_num(f, fmin(is->cv, d->top));
            fprintf(f, "\t%d\t%d\n", is->cv_pass ? 0 : 1,
                    is->cv > d->top ? 1 : 0);
        }
    }
}

/* The title, caption and labels (-meta.tsv). */
static void
dist_meta(const bc_dist *d, FILE *f)
{
    const jh_standard *std = d->s->ctx->batch->standard;
    jh_lang lang = d->s->ctx->lang;
    double limit = std->cv_limit[d->level];
    bool has_limit = limit >= 0.0;
    char text[1024];

    fprintf(f, "%zu\t", std->nindicators);
    jh__gp_put_num(f, has_limit ? limit : 0.0);
    fprintf(f, "\t%d\t", has_limit ? 1 : 0);
    jh__gp_put_num(f, d->top);
    fprintf(f, "\t%zu\t", d->ngroups);
    if (d->by_year)
        snprintf(text, sizeof(text), "%s \xc2\xb7 %s \xc2\xb7 %d",
                 jh_level_name((jh_level)d->level, lang),
                 jh_label(lang, "batch_dist_title"), d->year);
    else
        snprintf(text, sizeof(text), "%s \xc2\xb7 %s",
                 jh_level_name((jh_level)d->level, lang),
                 jh_label(lang, "batch_dist_title"));
    jh__gp_put_text(f, text);
    fputc('\t', f);
    snprintf(text, sizeof(text), "%s   |   %s%s%zu   |   %s %s%s",
             jh_label(lang, "batch_dist_caption"),
             jh_label(lang, "batch_counties"), lang == JH_LANG_EN ? ": " : "：",
             d->ngroups, std->id, std->source, d->undefined > 0 ? "" : "");
    if (d->undefined > 0) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof(text) - used, "   |   %s%s%zu",
                 jh_label(lang, "undefined"), lang == JH_LANG_EN ? ": " : "：",
                 d->undefined);
    }
    jh__gp_put_text(f, text);
    fputc('\t', f);
    const char *legend[] = {jh_label(lang, "chart_cv"),
                            jh_label(lang, "batch_dist_within"),
                            jh_label(lang, "batch_dist_over")};
    jh__cs_cv_legend(f, lang, legend, 3, limit, has_limit);
}

/* Write the three data files of distribution chart @p n: level @p level,
 * the groups of year @p year when @p by_year. */
static jh_status
write_dist(bc_set *s, size_t n, int level, bool by_year, int year,
           jh_error *err)
{
    const jh_batch *b = s->ctx->batch;
    bc_dist d = {s, n, level, by_year, year, NULL, 0.0, 0, 0};
    jh_status st = JH_OK;
    FILE *f;

    d.v = malloc((b->ngroups > 0 ? b->ngroups : 1) * sizeof(*d.v));
    if (d.v == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    for (size_t g = 0; g < b->ngroups; g++)
        d.ngroups += dist_in(&d, g);
    dist_range(&d);
    f = bc_open(s, n, "-box.tsv", &st, err);
    if (f != NULL) {
        dist_boxes(&d, f);
        st = bc_close(f, s, st, err);
    }
    f = st == JH_OK ? bc_open(s, n, "-pts.tsv", &st, err) : NULL;
    if (f != NULL) {
        dist_points(&d, f);
        st = bc_close(f, s, st, err);
    }
    f = st == JH_OK ? bc_open(s, n, "-meta.tsv", &st, err) : NULL;
    if (f != NULL) {
        dist_meta(&d, f);
        st = bc_close(f, s, st, err);
    }
    free(d.v);
    return st;
}

static int
cmp_int(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    return a < b ? -1 : a > b;
}

jh_status
jh_report_batch_charts(const char *dir, const jh_batch_report_context *ctx,
                       const jh_chart_options *opts, jh_error *err)
{
    bc_set s;
    jh_status st = bc_begin(&s, dir, ctx, opts, "dist", err);
    const jh_batch *b = ctx != NULL ? ctx->batch : NULL;
    int *years = NULL;
    size_t nyears = 0;

    if (st != JH_OK)
        return st;
    /* The distinct years, ascending (one 0 when there are none). */
    years = malloc((b->ngroups > 0 ? b->ngroups : 1) * sizeof(*years));
    if (years == NULL)
        st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                           "out of memory");
    for (size_t g = 0; st == JH_OK && g < b->ngroups; g++)
        years[nyears++] = b->groups[g].year;
    if (years != NULL)
        qsort(years, nyears, sizeof(*years), cmp_int);
    {
        size_t u = 0;
        for (size_t i = 0; i < nyears; i++) {
            if (u == 0 || years[u - 1] != years[i])
                years[u++] = years[i];
        }
        nyears = u;
    }
    for (int l = 0; st == JH_OK && l < JH_LEVEL_COUNT; l++) {
        for (size_t y = 0; st == JH_OK && y < nyears; y++) {
            bool any = false, by_year = b->has_years;
            for (size_t g = 0; g < b->ngroups && !any; g++)
                any = in_chart(&b->groups[g], l, by_year, years[y]);
            if (!any)
                continue;
            st = bc_add(&s,
                        by_year
                            ? jh__asprintf("cv-%s-%d",
                                           jh_level_key((jh_level)l), years[y])
                            : jh__asprintf("cv-%s", jh_level_key((jh_level)l)),
                        err);
            if (st == JH_OK)
                st = write_dist(&s, s.count, l, by_year, years[y], err);
            if (!by_year)
                break;
        }
    }
    free(years);
    return bc_finish(&s, st, err);
}

/* ---------------------------------------------------------------------- */
/* One county across the years                                             */

static jh_status
write_trend(bc_set *s, size_t n, size_t county, int level, jh_error *err)
{
    const jh_batch *b = s->ctx->batch;
    const jh_standard *std = b->standard;
    jh_lang lang = s->ctx->lang;
    double limit = std->cv_limit[level], top = 0.0;
    bool has_limit = limit >= 0.0;
    int y0 = 0, y1 = 0;
    char text[1024], part[512], num[64];
    jh_status st = JH_OK;
    FILE *f = bc_open(s, n, ".tsv", &st, err);

    if (f == NULL)
        return st;
    jh__gp_put_text(f, jh_label(lang, "batch_year"));
    for (size_t k = 0; k < std->nindicators; k++) {
        fputc('\t', f);
        jh__gp_put_text(
            f, jh__gp_clip(part, sizeof(part),
                           jh_indicator_short(&std->indicators[k], lang),
                           SHORT_COLS));
    }
    fputc('\n', f);
    for (size_t g = 0; g < b->ngroups; g++) {
        const jh_batch_group *gr = &b->groups[g];
        const jh_batch_level *lv = &gr->levels[level];
        if (gr->county != county || gr->year == 0)
            continue;
        if (y0 == 0 || gr->year < y0)
            y0 = gr->year;
        if (gr->year > y1)
            y1 = gr->year;
        fprintf(f, "%d", gr->year);
        for (size_t k = 0; k < std->nindicators; k++) {
            fputc('\t', f);
            if (lv->present && lv->ind[k].cv_defined) {
                jh__gp_put_num(f, lv->ind[k].cv);
                if (lv->ind[k].cv > top)
                    top = lv->ind[k].cv;
            } else {
                fputc('?', f);
            }
        }
        fputc('\n', f);
    }
    st = bc_close(f, s, st, err);
    if (has_limit && top < limit)
        top = limit;
    top = top > 0.0 ? top * 1.15 : 1.0;

    f = st == JH_OK ? bc_open(s, n, "-meta.tsv", &st, err) : NULL;
    if (f != NULL) {
        char county_name[COUNTY_COLS * 4 + 8];
        fprintf(f, "%zu\t", std->nindicators);
        jh__gp_put_num(f, has_limit ? limit : 0.0);
        fprintf(f, "\t%d\t%d\t%d\t", has_limit ? 1 : 0, y0, y1);
        jh__gp_put_num(f, top);
        fputc('\t', f);
        jh__gp_clip(county_name, sizeof(county_name), b->counties[county],
                    COUNTY_COLS);
        snprintf(text, sizeof(text), "%s \xc2\xb7 %s \xc2\xb7 %s", county_name,
                 jh_level_name((jh_level)level, lang),
                 jh_label(lang, "batch_trend_title"));
        jh__gp_put_text(f, text);
        fputc('\t', f);
        snprintf(text, sizeof(text), "%s %s", std->id, std->source);
        jh__gp_put_text(f, text);
        fputc('\t', f);
        jh__gp_put_text(f, jh_label(lang, "chart_cv"));
        fputc('\t', f);
        snprintf(text, sizeof(text), "%s %s", jh_label(lang, "chart_cv_limit"),
                 jh__fmt_fixed(limit, 2, num, sizeof(num)));
        jh__gp_put_text(f, has_limit ? text : "");
        fputc('\n', f);
        st = bc_close(f, s, st, err);
    }
    return st;
}

jh_status
jh_report_trend_charts(const char *dir, const jh_batch_report_context *ctx,
                       size_t county, const jh_chart_options *opts,
                       jh_error *err)
{
    const jh_batch *b = ctx != NULL ? ctx->batch : NULL;
    size_t years = 0;
    bc_set s;
    jh_status st;

    if (b == NULL || county >= b->ncounties)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0, "没有这个县（区）",
                             "no such county");
    for (size_t g = 0; g < b->ngroups; g++)
        years += b->groups[g].county == county && b->groups[g].year != 0;
    if (years < 2)
        return JH_OK;
    st = bc_begin(&s, dir, ctx, opts, "trend", err);
    if (st != JH_OK)
        return st;
    for (int l = 0; st == JH_OK && l < JH_LEVEL_COUNT; l++) {
        bool any = false;
        for (size_t g = 0; g < b->ngroups; g++)
            any = any ||
                  (b->groups[g].county == county && b->groups[g].year != 0 &&
                   b->groups[g].levels[l].present);
        if (!any)
            continue;
        st = bc_add(&s, jh__asprintf("trend-%s", jh_level_key((jh_level)l)),
                    err);
        if (st == JH_OK)
            st = write_trend(&s, s.count, county, l, err);
    }
    return bc_finish(&s, st, err);
}
