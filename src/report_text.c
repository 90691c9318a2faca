/* junheng - the readable text summary. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "junheng/report.h"
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
                n += (size_t)snprintf(buf + n, n < size ? size - n : 0,
                                      "%s%s%s", n > 0 ? group_sep : "",
                                      jh_label(ctx->lang, parts[p]), colon);
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

jh_status
jh_report_text(FILE *out, const jh_report_context *ctx)
{
    const jh_analysis *a = ctx->analysis;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    const jh_county *c = m->county;
    jh_lang lang = ctx->lang;
    char b1[32], b2[32], b3[32], b4[32];

    fprintf(out, "%s: %s\n", jh_label(lang, "county"), ctx->county_name);
    fprintf(out, "%s: %s (%s, %s)\n", jh_label(lang, "standard"),
            lang == JH_LANG_EN ? std->name_en : std->name_zh, std->id,
            std->source);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        if (!lr->present)
            continue;
        fprintf(out, "\n%s: %zu %s, %.0f %s\n",
                jh_level_name(lr->level, lang), lr->nsections,
                lang == JH_LANG_EN ? "schools" : "所学校", lr->students,
                lang == JH_LANG_EN ? "students" : "名学生");
        fprintf(out, "  %-32s %10s %10s %7s %6s  %s\n", "indicator", "mean",
                "threshold", "CV", "limit", "CV ok  below");
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator *ind = &std->indicators[k];
            const jh_indicator_stats *is = &lr->ind[k];
            fprintf(out, "  %-32s %10s %10s %7s %6s  %-5s  %zu%s\n", ind->id,
                    jh__fmt_fixed(is->mean, 2, b1, sizeof(b1)),
                    jh__fmt_fixed(ind->threshold[l], 2, b2, sizeof(b2)),
                    is->cv_defined ? jh__fmt_fixed(is->cv, 3, b3, sizeof(b3))
                                   : "-",
                    jh__fmt_fixed(is->cv_limit, 2, b4, sizeof(b4)),
                    is->cv_pass ? "yes" : "NO", is->below,
                    is->cv_print_disagrees
                        ? "  (CV prints as its limit but exceeds it)"
                        : "");
        }
        fprintf(out, "  %s %zu/%zu; %s: %s\n",
                lang == JH_LANG_EN ? "schools passing:" : "达标学校",
                lr->schools_passing, lr->nsections,
                jh_level_name(lr->level, lang), verdict(ctx, lr->pass));
        for (size_t j = 0; j < lr->nsections; j++) {
            size_t si = lr->sections[j];
            const jh_section_result *r = &a->results[si];
            const jh_school *s = &c->schools[m->sections[si].school];
            char remark[1024];
            if (r->pass)
                continue;
            fprintf(out, "    %s %s %s (%zu/%zu): %s\n",
                    jh_label(lang, "fail"), s->code, s->name, r->met_count,
                    std->nindicators,
                    jh_section_remark(ctx, si, remark, sizeof(remark)));
        }
    }
    if (m->nexcluded > 0) {
        fprintf(out, "\n%s: %zu\n", jh_label(lang, "title_excluded"),
                m->nexcluded);
        for (size_t i = 0; i < m->nexcluded; i++) {
            const jh_school *s = &c->schools[m->excluded[i].school];
            fprintf(out, "  %s %s: %s\n", s->code, s->name,
                    jh_exclusion_name(m->excluded[i].reason, lang));
        }
    }
    fprintf(out, "\n%s: %s\n", jh_label(lang, "overall"),
            jh_label(lang, a->pass ? "county_pass" : "county_fail"));
    return ferror(out) ? JH_ERR_IO : JH_OK;
}
