/* junheng - the readable text summary. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "junheng/report.h"
#include "junheng/report_text.h"
#include "report_diagnostics.h"
#include "report_guarantee.h"
#include "standard_text.h"
#include "util.h"

char *
jh_section_remark(const jh_report_context *ctx, size_t section, char *buf,
                  size_t size)
{
    const jh_analysis *a = ctx->analysis;
    const jh_standard *std = a->standard;
    const jh_section_result *r = &a->results[section];
    static const char *const parts[] = {"remark_met", "remark_partial",
                                        "remark_missed"};
    const char *sep = ctx->lang == JH_LANG_EN ? ", " : "、";
    const char *group_sep = ctx->lang == JH_LANG_EN ? "; " : "；";
    const char *colon = ctx->lang == JH_LANG_EN ? ": " : "：";
    char part[64];
    size_t n = 0;

    if (size == 0)
        return buf;
    buf[0] = '\0';
    for (int p = 0; p < 3; p++) {
        bool first = true;
        for (size_t k = 0; k < std->nindicators; k++) {
            int kind = r->met[k] ? 0 : r->partial[k] ? 1 : 2;
            const char *name;
            if (kind != p)
                continue;
            name = jh_indicator_short(&std->indicators[k], ctx->lang);
            if (first)
                n += (size_t)snprintf(
                    buf + n, n < size ? size - n : 0, "%s%s%s",
                    n > 0 ? group_sep : "",
                    jh__rule_text(std, jh_label(ctx->lang, parts[p]), part,
                                  sizeof(part)),
                    colon);
            n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
                                  first ? "" : sep, name);
            first = false;
        }
    }
    if (n >= size)
        buf[size - 1] = '\0';
    return buf;
}

static const char *
verdict(const jh_report_context *ctx, bool pass)
{
    return jh_label(ctx->lang, pass ? "pass" : "fail");
}

/* Terminal columns taken by a UTF-8 string: East Asian wide characters
 * (CJK, full-width forms) take two. */
static int
display_width(const char *s)
{
    int w = 0;

    while (*s != '\0') {
        unsigned char c = (unsigned char)*s;
        unsigned cp;
        int n;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1Fu;
            n = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0Fu;
            n = 3;
        } else {
            cp = c & 0x07u;
            n = 4;
        }
        for (int i = 1; i < n && s[i] != '\0'; i++)
            cp = (cp << 6) | ((unsigned char)s[i] & 0x3Fu);
        for (int i = 0; i < n && *s != '\0'; i++)
            s++;
        w += (cp >= 0x1100 && cp <= 0x115F) ||
                     (cp >= 0x2E80 && cp <= 0xA4CF) ||
                     (cp >= 0xAC00 && cp <= 0xD7A3) ||
                     (cp >= 0xF900 && cp <= 0xFAFF) ||
                     (cp >= 0xFE30 && cp <= 0xFE4F) ||
                     (cp >= 0xFF00 && cp <= 0xFF60) ||
                     (cp >= 0xFFE0 && cp <= 0xFFE6)
                 ? 2
                 : 1;
    }
    return w;
}

/* Print @p s left-aligned (right-aligned when @p right) in @p width
 * terminal columns. */
static void
cell(FILE *out, const char *s, int width, bool right)
{
    int pad = width - display_width(s);

    if (right)
        fprintf(out, "%*s%s", pad > 0 ? pad : 0, "", s);
    else
        fprintf(out, "%s%*s", s, pad > 0 ? pad : 0, "");
}

/*
 * Urban / town / rural: each indicator's mean and CV within each locality,
 * next to the county figures (printed when the schools have more than one
 * locality).
 */
static void
locality_text(FILE *out, const jh_report_context *ctx,
              const jh_diagnostics *diag)
{
    static const int order[] = {JH_LOCALITY_URBAN, JH_LOCALITY_TOWN,
                                JH_LOCALITY_RURAL, JH_LOCALITY_UNKNOWN};
    static const char *const keys[] = {"locality_unknown", "locality_urban",
                                       "locality_town", "locality_rural"};
    const jh_analysis *a = ctx->analysis;
    const jh_standard *std = a->standard;
    jh_lang lang = ctx->lang;
    char b1[32], b2[32], cellbuf[64];

    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        const jh_level_diagnostics *ld = &diag->levels[l];
        int groups = 0;
        if (!lr->present || !ld->present)
            continue;
        for (size_t g = 0; g < sizeof(order) / sizeof(order[0]); g++)
            groups += ld->ind[0].decomposition.groups[order[g]].nsections > 0;
        if (groups < 2)
            continue;
        fprintf(out, "\n%s %s\n  ", jh_level_name(lr->level, lang),
                jh_label(lang, "locality_title"));
        cell(out, jh_label(lang, "indicator"), 30, false);
        fputc(' ', out);
        cell(out, jh_label(lang, "locality_county"), 16, true);
        for (size_t g = 0; g < sizeof(order) / sizeof(order[0]); g++) {
            if (ld->ind[0].decomposition.groups[order[g]].nsections == 0)
                continue;
            fputc(' ', out);
            cell(out, jh_label(lang, keys[order[g]]), 16, true);
        }
        fputc('\n', out);
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator *ind = &std->indicators[k];
            const jh_indicator_stats *is = &lr->ind[k];
            fputs("  ", out);
            cell(out, jh_indicator_short(ind, lang), 30, false);
            snprintf(cellbuf, sizeof(cellbuf), "%s / %s",
                     jh__fmt_fixed(is->mean, ind->decimals, b1, sizeof(b1)),
                     jh__fmt_fixed(is->cv, 3, b2, sizeof(b2)));
            fputc(' ', out);
            cell(out, cellbuf, 16, true);
            for (size_t g = 0; g < sizeof(order) / sizeof(order[0]); g++) {
                const jh_decomp_group *gr =
                    &ld->ind[k].decomposition.groups[order[g]];
                if (ld->ind[0].decomposition.groups[order[g]].nsections == 0)
                    continue;
                snprintf(cellbuf, sizeof(cellbuf), "%s / %s",
                         jh__fmt_fixed(gr->mean, ind->decimals, b1,
                                       sizeof(b1)),
                         jh__fmt_fixed(gr->cv, 3, b2, sizeof(b2)));
                fputc(' ', out);
                cell(out, ld->ind[k].defined ? cellbuf : "-", 16, true);
            }
            fputc('\n', out);
        }
    }
}

/* The title, the standard and its provisions, the method note. */
static void
text_header(FILE *out, const jh_report_context *ctx)
{
    const jh_standard *std = ctx->analysis->standard;
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;

    fprintf(out, "%s%s%s\n", ctx->county_name, en ? " - " : " — ",
            en ? std->name_en : std->name_zh);
    fprintf(out, "%s: %s (%s)%s%s\n", jh_label(lang, "standard"), std->id,
            std->source, std->file[0] != '\0' ? ", " : "", std->file);
    for (size_t i = 0; i < std->nprovisions; i++) {
        const jh_provision *pv = &std->provisions[i];
        if (pv->enabled)
            fprintf(out, "%s: %s (%s)\n", jh_label(lang, "provision_on"),
                    en ? pv->name_en : pv->name_zh, pv->id);
    }
    char rule[512];

    fprintf(out, "%s\n", jh__rule_text(std, jh_label(lang, "method_note"),
                                      rule, sizeof(rule)));
}

/* Widths of the columns after the indicator's name. */
static const int text_widths[] = {10, 10, 9, 13, 9, 14};

/* The table head of a level. */
static void
text_table_head(FILE *out, jh_lang lang)
{
    static const char *const heads[] = {"mean",     "threshold", "cv",
                                        "cv_limit", "verdict",   "below"};

    fputs("  ", out);
    cell(out, jh_label(lang, "indicator"), 30, false);
    for (size_t h = 0; h < sizeof(heads) / sizeof(heads[0]); h++) {
        fputc(' ', out);
        cell(out, jh_label(lang, heads[h]), text_widths[h], true);
    }
    fputc('\n', out);
}

/* One indicator's row of level @p l. */
static void
text_indicator_row(FILE *out, const jh_report_context *ctx, int l, size_t k)
{
    const jh_indicator *ind = &ctx->analysis->standard->indicators[k];
    const jh_indicator_stats *is = &ctx->analysis->levels[l].ind[k];
    jh_lang lang = ctx->lang;
    const int *widths = text_widths;
    char name[128], b[64];

    snprintf(name, sizeof(name), "%s (%s)", jh_indicator_short(ind, lang),
             lang == JH_LANG_EN ? ind->unit_en : ind->unit_zh);
    fputs("  ", out);
    cell(out, name, 30, false);
    fputc(' ', out);
    cell(out, jh__fmt_fixed(is->mean, ind->decimals, b, sizeof(b)), widths[0],
         true);
    fputc(' ', out);
    cell(out, jh__fmt_fixed(ind->threshold[l], ind->decimals, b, sizeof(b)),
         widths[1], true);
    fputc(' ', out);
    cell(out,
         is->cv_defined ? jh__fmt_fixed(is->cv, 3, b, sizeof(b))
                        : jh_label(lang, "undefined"),
         widths[2], true);
    fputc(' ', out);
    cell(out, jh__fmt_fixed(is->cv_limit, 2, b, sizeof(b)), widths[3], true);
    fputc(' ', out);
    cell(out, isnan(is->cv_limit) ? "-" : verdict(ctx, is->cv_pass), widths[4],
         true);
    snprintf(b, sizeof(b), "%zu", is->below);
    fputc(' ', out);
    cell(out, b, widths[5], true);
    if (is->cv_print_disagrees)
        fprintf(out, "  (%s)", jh_label(lang, "warning_cv_print"));
    fputc('\n', out);
}

/* A level: its table, composite CV, per-school rule, verdict and the
 * schools that fail. */
static void
text_level(FILE *out, const jh_report_context *ctx, int l)
{
    const jh_analysis *a = ctx->analysis;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    const jh_level_result *lr = &a->levels[l];
    jh_lang lang = ctx->lang;
    char b[64], rule[512];

    fprintf(out, "\n%s: %zu %s, %.0f %s\n", jh_level_name(lr->level, lang),
            lr->nsections, jh_label(lang, "unit_schools"), lr->students,
            jh_label(lang, "unit_students"));
    text_table_head(out, lang);
    for (size_t k = 0; k < std->nindicators; k++)
        text_indicator_row(out, ctx, l, k);
    if (!isnan(lr->composite_limit))
        fprintf(out, "  %s %s (%s %s) %s%s\n", jh_label(lang, "composite_cv"),
                jh__fmt_fixed(lr->composite_cv, 3, b, sizeof(b)),
                jh_label(lang, "cv_limit"),
                jh__fmt_fixed(lr->composite_limit, 2, b + 32, 32),
                verdict(ctx, lr->composite_pass),
                lr->composite_print_disagrees
                    ? jh_label(lang, "warning_cv_print")
                    : "");
    if (std->min_met > 0)
        fprintf(out, "  %s %zu/%zu\n",
                jh__rule_text(std, jh_label(lang, "schools_met_rule"), rule,
                              sizeof(rule)),
                lr->schools_passing, lr->nsections);
    fprintf(out, "  %s%s %s\n", jh_level_name(lr->level, lang),
            lang == JH_LANG_EN ? ":" : "：", verdict(ctx, lr->pass));
    for (size_t j = 0; j < lr->nsections; j++) {
        size_t si = lr->sections[j];
        const jh_section_result *r = &a->results[si];
        const jh_school *s = &m->county->schools[m->sections[si].school];
        char remark[1024];
        if (r->pass)
            continue;
        fprintf(out, "    %s %s %s (%zu/%zu): %s\n", jh_label(lang, "fail"),
                s->code, s->name, r->met_count, std->nindicators,
                jh_section_remark(ctx, si, remark, sizeof(remark)));
    }
}

jh_status
jh_report_text(FILE *out, const jh_report_context *ctx, jh_error *err)
{
    const jh_analysis *a;
    const jh_model *m;
    jh_lang lang = ctx->lang;
    jh_status st;

    /* The checks come computed (jh_analyze_checks()); without them the
     * report would be silently shorter. */
    st = jh__report_checks(ctx, true, err);
    if (st != JH_OK)
        return st;
    a = ctx->analysis;
    m = a->model;
    text_header(out, ctx);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        if (a->levels[l].present)
            text_level(out, ctx, l);
    }
    if (m->nexcluded > 0) {
        fprintf(out, "\n%s: %zu\n", jh_label(lang, "title_excluded"),
                m->nexcluded);
        for (size_t i = 0; i < m->nexcluded; i++) {
            const jh_school *s = &m->county->schools[m->excluded[i].school];
            fprintf(out, "  %s %s: %s\n", s->code, s->name,
                    jh_exclusion_name(m->excluded[i].reason, lang));
        }
    }
    /* School-level government-guarantee checks (guarantee.h). */
    if (a->standard->guarantee.defined)
        jh__guarantee_text(out, ctx, ctx->guarantee);
    /* Supplementary: where each failing CV comes from. */
    locality_text(out, ctx, ctx->diagnostics);
    jh__diagnostics_text(out, ctx, ctx->diagnostics);
    fprintf(out, "\n%s: %s\n", jh_label(lang, "overall"),
            jh_county_verdict(lang, a->standard, a->pass));
    return ferror(out)
               ? jh_error_set2(err, JH_ERR_IO, NULL, 0, 0, "无法写出文字摘要",
                               "cannot write the text summary")
               : JH_OK;
}
