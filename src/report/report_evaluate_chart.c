/*
 * junheng - the presentation-board chart of the county evaluation
 * (plots/board.gp): the four parts and the veto, every resource
 * indicator's CV against its limit for both levels, and the items that
 * fail or lack facts.  gnuplot runs as SECURITY.md says (src/gnuplot.c):
 * every text reaches it through data files.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gnuplot.h"
#include "junheng/report_evaluate.h"
#include "junheng/report_evaluate_chart.h"
#include "util.h"

/* Lines of the items panel before "… and N more". */
#define BOARD_ITEM_LINES 16

/* Display columns of an item line. */
#define BOARD_ITEM_COLS 120

static jh_status
open_file(FILE **f, const char *scratch, const char *suffix, jh_error *err)
{
    char *path = jh__asprintf("%s/board-1%s", scratch, suffix);

    *f = path != NULL ? fopen(path, "w") : NULL;
    if (path == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    if (*f == NULL) {
        jh_status st =
            jh_error_errno2(err, JH_ERR_IO, path, errno, "无法创建图表数据文件",
                            "cannot create a chart data file");
        free(path);
        return st;
    }
    free(path);
    return JH_OK;
}

static jh_status
close_file(FILE *f, const char *scratch, jh_error *err)
{
    bool bad = ferror(f) != 0;

    if (fclose(f) != 0 || bad)
        return jh_error_set2(err, JH_ERR_IO, scratch, 0, 0,
                             "无法写入图表数据文件",
                             "cannot write a chart data file");
    return JH_OK;
}

static const char *
verdict_text(jh_lang lang, jh_verdict v)
{
    return jh_label(lang, v == JH_V_PASS   ? "ev_item_pass"
                          : v == JH_V_FAIL ? "ev_item_fail"
                                           : "ev_item_incomplete");
}

/* The parts and their verdicts (-parts.tsv). */
static jh_status
write_parts(const char *scratch, const jh_report_context *ctx,
            const jh_evaluation *ev, jh_error *err)
{
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    FILE *f = NULL;
    jh_status st;

    st = open_file(&f, scratch, "-parts.tsv", err);
    if (st != JH_OK)
        return st;
    for (int p = 0; p < JH_PART_COUNT; p++) {
        const char *word =
            p == JH_PART_VETO
                ? jh_label(lang, ev->part[p] == JH_V_FAIL ? "ev_veto_tripped"
                                 : ev->part[p] == JH_V_PASS
                                     ? "ev_veto_clear"
                                     : "ev_item_incomplete")
                : verdict_text(lang, ev->part[p]);
        fprintf(f, "%d\t%d\t", p + 1, (int)ev->part[p]);
        jh__gp_put_text(f,
                        en ? jh_part_en((jh_part)p) : jh_part_zh((jh_part)p));
        fputc('\t', f);
        jh__gp_put_text(f, word);
        fputc('\n', f);
    }
    return close_file(f, scratch, err);
}

/* The CVs of every indicator per level (-cv.tsv). */
static jh_status
write_cvs(const char *scratch, const jh_report_context *ctx,
          const jh_evaluation *ev, jh_error *err)
{
    const jh_analysis *a = ev->analysis;
    const jh_standard *std = a->standard;
    jh_lang lang = ctx->lang;
    FILE *f = NULL;
    jh_status st;
    char buf[32];

    st = open_file(&f, scratch, "-cv.tsv", err);
    if (st != JH_OK)
        return st;
    for (size_t k = 0; k < std->nindicators; k++) {
        fprintf(f, "%zu", k + 1);
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            const jh_indicator_stats *is = &a->levels[l].ind[k];
            bool present = a->levels[l].present && is->cv_defined;
            fputc('\t', f);
            jh__gp_put_num(f, present ? is->cv : 0.0);
            fprintf(f, "\t%d", a->levels[l].present && !is->cv_pass);
        }
        fputc('\t', f);
        jh__gp_put_text(f, jh_indicator_short(&std->indicators[k], lang));
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            const jh_indicator_stats *is = &a->levels[l].ind[k];
            fputc('\t', f);
            jh__gp_put_text(f, !a->levels[l].present ? ""
                               : is->cv_defined
                                   ? jh__fmt_fixed(is->cv, 3, buf, 32)
                                   : jh_label(lang, "undefined"));
        }
        fputc('\n', f);
    }
    return close_file(f, scratch, err);
}

/* The items that fail or lack facts, at most BOARD_ITEM_LINES lines
 * (-items.tsv); *@p nlines receives how many were written. */
static jh_status
write_items(const char *scratch, const jh_report_context *ctx,
            const jh_evaluation *ev, size_t *nlines, jh_error *err)
{
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    FILE *f = NULL;
    jh_status st;
    char buf[1024], clip[1024];
    size_t lines = 0, more = 0;

    st = open_file(&f, scratch, "-items.tsv", err);
    if (st != JH_OK)
        return st;
    for (size_t i = 0; i < ev->nitems; i++) {
        const jh_eval_item *it = &ev->items[i];
        if (it->verdict == JH_V_PASS)
            continue;
        if (lines == BOARD_ITEM_LINES - 1) {
            more++;
            continue;
        }
        snprintf(buf, sizeof(buf), "%s %d. %s [%s]",
                 en ? jh_part_en(it->part) : jh_part_zh(it->part), it->number,
                 en ? it->name_en : it->name_zh,
                 verdict_text(lang, it->verdict));
        fprintf(f, "%zu\t%d\t", ++lines, (int)it->verdict);
        jh__gp_put_text(f, jh__gp_clip(clip, sizeof(clip), buf,
                                       BOARD_ITEM_COLS));
        fputc('\n', f);
    }
    if (more > 0) {
        snprintf(buf, sizeof(buf), en ? "... and %zu more" : "……另有%zu项",
                 more);
        fprintf(f, "%zu\t1\t", ++lines);
        jh__gp_put_text(f, buf);
        fputc('\n', f);
    }
    *nlines = lines;
    return close_file(f, scratch, err);
}

/* One line of numbers and texts (-meta.tsv): limits, titles, keys. */
static jh_status
write_meta(const char *scratch, const jh_report_context *ctx,
           const jh_evaluation *ev, size_t lines, jh_error *err)
{
    const jh_standard *std = ev->analysis->standard;
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    FILE *f = NULL;
    jh_status st;
    char buf[1024], clip[1024];

    st = open_file(&f, scratch, "-meta.tsv", err);
    if (st != JH_OK)
        return st;
    fprintf(f, "%zu\t", std->nindicators);
    jh__gp_put_num(f, isnan(std->cv_limit[0]) ? 0.0 : std->cv_limit[0]);
    fputc('\t', f);
    jh__gp_put_num(f, isnan(std->cv_limit[1]) ? 0.0 : std->cv_limit[1]);
    fprintf(f, "\t%zu\t", lines);
    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "ev_title"));
    jh__gp_put_text(f, buf);
    fputc('\t', f);
    snprintf(buf, sizeof(buf), "%s%s%s", jh_label(lang, "ev_verdict"),
             en ? ": " : "：",
             jh_label(lang, ev->verdict == JH_V_PASS   ? "ev_pass"
                            : ev->verdict == JH_V_FAIL ? "ev_fail"
                                                       : "ev_incomplete"));
    jh__gp_put_text(f, buf);
    fputc('\t', f);
    jh__gp_put_text(f, en ? "Difference coefficients of the resource "
                            "indicators"
                          : "资源配置指标校际差异系数");
    fputc('\t', f);
    jh__gp_put_text(f, jh_label(lang, "chart_cv"));
    fputc('\t', f);
    jh__gp_put_text(f, jh_level_name(JH_LEVEL_PRIMARY, lang));
    fputc('\t', f);
    jh__gp_put_text(f, jh_level_name(JH_LEVEL_JUNIOR, lang));
    fputc('\t', f);
    jh__gp_put_text(f, jh_label(lang, "chart_cv_over"));
    fputc('\t', f);
    snprintf(buf, sizeof(buf), "%s %s %s",
             jh_level_name(JH_LEVEL_PRIMARY, lang),
             jh_label(lang, "chart_limit"),
             jh__fmt_fixed(std->cv_limit[0], 2, clip, 32));
    jh__gp_put_text(f, buf);
    fputc('\t', f);
    snprintf(buf, sizeof(buf), "%s %s %s",
             jh_level_name(JH_LEVEL_JUNIOR, lang),
             jh_label(lang, "chart_limit"),
             jh__fmt_fixed(std->cv_limit[1], 2, clip, 32));
    jh__gp_put_text(f, buf);
    fputc('\t', f);
    jh__gp_put_text(f, en ? "Items not met or incomplete"
                          : "未达标及数据不全的项目");
    fputc('\n', f);
    return close_file(f, scratch, err);
}

/* Write the four data files of the board. */
static jh_status
write_data(const char *scratch, const jh_report_context *ctx,
           const jh_evaluation *ev, jh_error *err)
{
    size_t lines = 0;
    jh_status st = write_parts(scratch, ctx, ev, err);

    if (st == JH_OK)
        st = write_cvs(scratch, ctx, ev, err);
    if (st == JH_OK)
        st = write_items(scratch, ctx, ev, &lines, err);
    if (st == JH_OK)
        st = write_meta(scratch, ctx, ev, lines, err);
    return st;
}

jh_status
jh_report_evaluation_board(const char *dir, const jh_report_context *ctx,
                           const jh_evaluation *ev,
                           const jh_chart_options *opts, jh_error *err)
{
    static const char *const exts[] = {"png", "pdf"};
    char *gdir = NULL, *scratch = NULL;
    jh__gp_job job = {"board", 1, 1};
    jh_status st;

    st = jh__gp_scratch(&gdir, &scratch, dir, err);
    if (st != JH_OK)
        return st;
    st = write_data(scratch, ctx, ev, err);
    if (st == JH_OK)
        st = jh__gp_run(opts, scratch, &job, 1, err);
    for (size_t e = 0; st == JH_OK && e < (opts->pdf ? 2u : 1u); e++) {
        char *from = jh__asprintf("%s/board-1.%s", scratch, exts[e]);
        char *to = jh__asprintf("%s/board.%s", dir, exts[e]);
        if (from == NULL || to == NULL)
            st = jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                               "out of memory");
        else
            st = jh__gp_check(from, "board", "board", e == 1, ctx->created,
                              err);
        if (st == JH_OK && rename(from, to) != 0)
            st = jh_error_errno2(err, JH_ERR_IO, to, errno,
                                 "无法把图表移到输出文件夹",
                                 "cannot move the chart into place");
        free(from);
        free(to);
    }
    jh__gp_remove_tree(scratch);
    free(scratch);
    free(gdir);
    return st;
}
