/*
 * junheng - summary.json and the text table of a batch, and the text of a
 * trend (the change from year to year); the workbooks are in
 * report_batch.c.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json_out.h"
#include "junheng/report_batch.h"
#include "util.h"

const char *
jh_batch_rank_rule(jh_lang lang)
{
    return jh_label(lang, "batch_rank_rule");
}

/* ---------------------------------------------------------------------- */
/* JSON                                                                    */

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
    json_object_set_new(o, "students", jh__json_count(lv->students));
    json_object_set_new(o, "schools_failing",
                        json_integer((json_int_t)lv->schools_failing));
    json_object_set_new(o, "schools_pass", json_boolean(lv->schools_pass));
    json_object_set_new(o, "cv_pass", json_boolean(lv->cv_pass));
    json_object_set_new(o, "pass", json_boolean(lv->pass));
    json_object_set_new(o, "cv_failing",
                        json_integer((json_int_t)lv->cv_failing));
    json_object_set_new(o, "cv_max", jh__json_num(lv->cv_max));
    json_object_set_new(o, "cv_mean", jh__json_num(lv->cv_mean));
    json_object_set_new(o, "rank", json_integer((json_int_t)lv->rank));
    json_object_set_new(o, "ranked", json_integer((json_int_t)lv->ranked));
    for (size_t k = 0; k < std->nindicators; k++) {
        const jh_indicator_stats *is = &lv->ind[k];
        json_t *i = json_object();
        json_object_set_new(i, "id", json_string(std->indicators[k].id));
        json_object_set_new(i, "mean", jh__json_num(is->mean));
        json_object_set_new(i, "sd", jh__json_num(is->sd));
        json_object_set_new(i, "cv",
                            is->cv_defined ? jh__json_num(is->cv) : json_null());
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
            json_object_set_new(i, "cv", jh__json_num(is->cv));
            json_object_set_new(i, "cv_limit", jh__json_num(is->cv_limit));
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
                                jh__json_num(ind->threshold[l]));
            json_object_set_new(lim, jh_level_key((jh_level)l),
                                jh__json_num(std->cv_limit[l]));
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
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0, "没有批量评估结果",
                             "no batch");
    /* Compact: a national batch is some 10 MB even so.  Pretty-print it
     * with any JSON tool when reading it by eye. */
    if (bs_put_summary(out, ctx) != 0)
        return jh_error_set2(err, JH_ERR_IO, NULL, 0, 0,
                             "无法写出 JSON 结果（内存不足或磁盘已满）",
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

