/* junheng - the words of the county evaluation (see evaluate_words.h). */
#include "evaluate_words.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "junheng/report_text.h"
#include "junheng/result_words.h"
#include "util.h"

/* ---- words ----------------------------------------------------------------
 */

/* A number with up to @p dec decimals, trailing zeros dropped. */
char *
jh__ev_trimmed(double v, int dec, char *buf, size_t size)
{
    size_t n;

    jh__fmt_fixed(v, dec, buf, size);
    if (strchr(buf, '.') == NULL)
        return buf;
    n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[n - 1] = '\0';
    return buf;
}

const char *
jh__ev_roman(double level)
{
    static const char *const r[] = {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"};
    int l = (int)level;
    return l >= 1 && l <= 4 ? r[l - 1] : "?";
}

/* A figure's value (or @p v for its limit) in words. */
static char *
fmt_number(const jh_figure *fg, double v, bool en, char *buf, size_t size)
{
    char n[48];

    switch (fg->unit) {
    case JH_EU_SHARE:
        snprintf(buf, size, "%s%%", jh__ev_trimmed(v * 100, 2, n, sizeof(n)));
        break;
    case JH_EU_RATIO:
        snprintf(buf, size, "%s", jh__ev_trimmed(v, 3, n, sizeof(n)));
        break;
    case JH_EU_YUAN:
        snprintf(buf, size, en ? "%s yuan" : "%s元",
                 jh__ev_trimmed(v, 2, n, sizeof(n)));
        break;
    case JH_EU_LEVEL:
        snprintf(buf, size, en ? "level %s" : "%s级", jh__ev_roman(v));
        break;
    case JH_EU_YESNO:
        snprintf(buf, size, "%s",
                 v == 1 ? (en ? "yes" : "是") : (en ? "no" : "否"));
        break;
    case JH_EU_SCHOOLS:
    case JH_EU_ITEMS:
        snprintf(buf, size, "%s", jh__ev_trimmed(v, 0, n, sizeof(n)));
        break;
    }
    return buf;
}

static char *
fmt_value(const jh_figure *fg, jh_lang lang, char *buf, size_t size)
{
    bool en = lang == JH_LANG_EN;
    char a[48], b[48];

    if (isnan(fg->value)) {
        snprintf(buf, size, "%s", jh_label(lang, "ev_not_given"));
        return buf;
    }
    if (fg->unit == JH_EU_SCHOOLS || fg->unit == JH_EU_ITEMS) {
        snprintf(buf, size, en ? "%s of %s %s" : "%s/%s%s",
                 jh__ev_trimmed(fg->value, 0, a, sizeof(a)),
                 jh__ev_trimmed(fg->limit, 0, b, sizeof(b)),
                 fg->unit == JH_EU_SCHOOLS ? (en ? "schools" : "所")
                                           : (en ? "indicators" : "项"));
        return buf;
    }
    return fmt_number(fg, fg->value, en, buf, size);
}

static char *
fmt_limit(const jh_figure *fg, jh_lang lang, char *buf, size_t size)
{
    bool en = lang == JH_LANG_EN;
    char n[64];

    switch (fg->cmp) {
    case JH_CMP_MIN:
        snprintf(buf, size, "≥%s", fmt_number(fg, fg->limit, en, n, sizeof(n)));
        break;
    case JH_CMP_BELOW:
        snprintf(buf, size, "<%s", fmt_number(fg, fg->limit, en, n, sizeof(n)));
        break;
    case JH_CMP_YES:
        snprintf(buf, size, "%s", en ? "yes" : "是");
        break;
    case JH_CMP_NO:
        snprintf(buf, size, "%s", en ? "no" : "否");
        break;
    case JH_CMP_ALL:
        snprintf(buf, size, "%s", jh_label(lang, "ev_all"));
        break;
    case JH_CMP_INFO:
        snprintf(buf, size, "—");
        break;
    }
    return buf;
}

const char *
jh__ev_verdict_word(jh_lang lang, jh_verdict v)
{
    return jh_label(lang, v == JH_V_PASS   ? "ev_item_pass"
                          : v == JH_V_FAIL ? "ev_item_fail"
                                           : "ev_item_incomplete");
}

const char *
jh__ev_county_word(jh_lang lang, jh_verdict v)
{
    return jh_label(lang, v == JH_V_PASS   ? "ev_pass"
                          : v == JH_V_FAIL ? "ev_fail"
                                           : "ev_incomplete");
}

static const char *
fig_name(const jh_figure *fg, jh_lang lang)
{
    return lang == JH_LANG_EN ? fg->name_en : fg->name_zh;
}

const char *
jh__ev_item_name(const jh_eval_item *it, jh_lang lang)
{
    return lang == JH_LANG_EN ? it->name_en : it->name_zh;
}

const char *
jh__ev_part_name(jh_part p, jh_lang lang)
{
    return lang == JH_LANG_EN ? jh_part_en(p) : jh_part_zh(p);
}

void
jh__ev_sb_add(jh__ev_sbuf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    int need;

    if (b->nomem)
        return;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0) {
        va_end(ap2);
        b->nomem = true;
        return;
    }
    if (b->n + (size_t)need + 1 > b->cap) {
        size_t cap = (b->n + (size_t)need + 1) * 2;
        char *s = realloc(b->s, cap);
        if (s == NULL) {
            va_end(ap2);
            b->nomem = true;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap2);
    va_end(ap2);
    b->n += (size_t)need;
}

/* The text so far ("" when empty). */
const char *
jh__ev_sb_str(const jh__ev_sbuf *b)
{
    return b->s != NULL ? b->s : "";
}

void
jh__ev_sb_release(jh__ev_sbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof(*b));
}

/* An item's value or conclusion: its figures, with the facts' notes,
 * whole (appended to @p out). */
const char *
jh__ev_conclusion(const jh_evaluation *ev, const jh_eval_item *it, jh_lang lang,
                  jh__ev_sbuf *out)
{
    const char *sep = lang == JH_LANG_EN ? "; " : "；";
    size_t start = out->n;
    char v[96];

    for (size_t k = 0; k < it->nfigures; k++) {
        const jh_figure *fg = &it->figure[k];
        const char *note =
            fg->fact >= 0 ? ev->facts->fact[fg->fact].note : NULL;
        if (fg->cmp == JH_CMP_INFO && isnan(fg->value))
            continue;
        if (it->nfigures == 1 && fg->unit == JH_EU_YESNO)
            jh__ev_sb_add(out, "%s", fmt_value(fg, lang, v, sizeof(v)));
        else
            jh__ev_sb_add(out, "%s%s%s%s", out->n > start ? sep : "",
                          fig_name(fg, lang), lang == JH_LANG_EN ? ": " : "：",
                          fmt_value(fg, lang, v, sizeof(v)));
        if (note != NULL)
            jh__ev_sb_add(out, lang == JH_LANG_EN ? " (%s)" : "（%s）", note);
    }
    return jh__ev_sb_str(out);
}

/* The limits of an item's figures. */
char *
jh__ev_limits(const jh_eval_item *it, jh_lang lang, char *buf, size_t size)
{
    const char *sep = lang == JH_LANG_EN ? "; " : "；";
    size_t n = 0;
    char v[96];

    buf[0] = '\0';
    for (size_t k = 0; k < it->nfigures; k++) {
        const jh_figure *fg = &it->figure[k];
        if (fg->cmp == JH_CMP_INFO)
            continue;
        if (it->nfigures == 1)
            n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s",
                                  fmt_limit(fg, lang, v, sizeof(v)));
        else
            n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s %s",
                                  n > 0 ? sep : "", fig_name(fg, lang),
                                  fmt_limit(fg, lang, v, sizeof(v)));
    }
    if (n >= size && size > 0)
        buf[size - 1] = '\0';
    return buf;
}

/* ---- what must change ------------------------------------------------------
 */

static void add_line(jh__ev_lines *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
add_line(jh__ev_lines *l, const char *fmt, ...)
{
    char *s;
    va_list ap;
    int need;

    if (l->nomem)
        return;
    /* Each line whole: a school's name and remark may be long, and a line
     * cut at a fixed size could end inside a UTF-8 character. */
    va_start(ap, fmt);
    need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0 || (s = malloc((size_t)need + 1)) == NULL) {
        l->nomem = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(s, (size_t)need + 1, fmt, ap);
    va_end(ap);
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        char **v = realloc(l->v, cap * sizeof(*v));
        if (v == NULL) {
            free(s);
            l->nomem = true;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
}

void
jh__ev_lines_release(jh__ev_lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof(*l));
}

/* What the schools failing (or not giving) guarantee check @p k need. */
static void
check_actions(jh__ev_lines *out, const jh_evaluation *ev, jh_gcheck k,
              jh_lang lang)
{
    const jh_guarantee *g = ev->guarantee;
    char buf[512];

    for (size_t i = 0; i < g->nschools; i++) {
        const jh_gresult *r = &g->schools[i].item[k];
        const jh_school *s = &g->county->schools[g->schools[i].school];
        if (r->status != JH_GS_FAIL && r->status != JH_GS_MISSING)
            continue;
        add_line(
            out, "%s %s%s%s", s->code, s->name,
            lang == JH_LANG_EN ? ": " : "：",
            jh_gresult_describe(r, k, lang == JH_LANG_EN, buf, sizeof(buf)));
    }
}

static void
resource_actions(jh__ev_lines *out, const jh_report_context *ctx,
                 const jh_eval_item *it)
{
    const jh_analysis *a = ctx->analysis;
    const jh_standard *std = a->standard;
    const jh_model *m = a->model;
    bool en = ctx->lang == JH_LANG_EN;
    char b1[32], b2[32], remark[1024];

    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        if (!lr->present)
            continue;
        if (strcmp(it->id, "resources_cv") == 0) {
            for (size_t k = 0; k < std->nindicators; k++) {
                const jh_indicator_stats *is = &lr->ind[k];
                if (is->cv_pass || isnan(is->cv_limit))
                    continue;
                add_line(out,
                         en ? "%s %s: CV %s, above %s (see 'junheng plan')"
                            : "%s%s差异系数%s，高于%s（整改方案见 junheng "
                              "plan）",
                         jh_level_name(lr->level, ctx->lang),
                         jh_indicator_short(&std->indicators[k], ctx->lang),
                         is->cv_defined
                             ? jh__fmt_fixed(is->cv, 3, b1, sizeof(b1))
                             : jh_label(ctx->lang, "undefined"),
                         jh__fmt_fixed(is->cv_limit, 2, b2, sizeof(b2)));
            }
            if (std->cv_rule != JH_CV_EACH && !lr->cv_pass)
                add_line(out,
                         en ? "%s: composite CV %s above %s"
                            : "%s综合差异系数%s，高于%s",
                         jh_level_name(lr->level, ctx->lang),
                         jh__fmt_fixed(lr->composite_cv, 3, b1, sizeof(b1)),
                         jh__fmt_fixed(lr->composite_limit, 2, b2, sizeof(b2)));
        } else {
            for (size_t j = 0; j < lr->nsections; j++) {
                size_t si = lr->sections[j];
                const jh_school *s =
                    &m->county->schools[m->sections[si].school];
                if (a->results[si].pass)
                    continue;
                add_line(out, en ? "%s %s (%s): %s" : "%s %s（%s）：%s",
                         s->code, s->name, jh_level_name(lr->level, ctx->lang),
                         jh_section_remark(ctx, si, remark, sizeof(remark)));
            }
        }
    }
}

/* Every line of what item @p it needs to pass. */
void
jh__ev_item_actions(jh__ev_lines *out, const jh_report_context *ctx,
                    const jh_evaluation *ev, const jh_eval_item *it)
{
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    char v[96], lim[96];

    if (it->verdict == JH_V_PASS)
        return;
    if (it->part == JH_PART_RESOURCES) {
        resource_actions(out, ctx, it);
        return;
    }
    for (size_t k = 0; k < it->nfigures; k++) {
        const jh_figure *fg = &it->figure[k];
        if (fg->verdict == JH_V_PASS)
            continue;
        if (fg->gcheck >= 0) {
            check_actions(out, ev, (jh_gcheck)fg->gcheck, lang);
            continue;
        }
        if (strcmp(fg->id, "small_school_funds") == 0) {
            for (size_t i = 0; i < ev->nsmall; i++) {
                const jh_small_school *sm = &ev->small[i];
                const jh_school *s =
                    &ev->analysis->model->county->schools[sm->school];
                char p[32], r[32], f[32];
                if (sm->verdict == JH_V_PASS)
                    continue;
                if (sm->verdict == JH_V_INCOMPLETE)
                    add_line(out,
                             en ? "%s %s: %s pupils, public funds not given "
                                  "(public_funds)"
                                : "%s %s：在校生%s人，未提供公用经费预算 "
                                  "(public_funds)",
                             s->code, s->name,
                             jh__ev_trimmed(sm->pupils, 0, p, 32));
                else
                    add_line(out,
                             en ? "%s %s: %s pupils, public funds %s yuan, "
                                  "at least %s yuan (as for %s pupils)"
                                : "%s %s：在校生%s人，公用经费%s元，应不少于"
                                  "%s元（按%s名学生核定）",
                             s->code, s->name,
                             jh__ev_trimmed(sm->pupils, 0, p, 32),
                             jh__ev_trimmed(sm->funds, 2, f, 32),
                             jh__ev_trimmed(sm->required, 2, r, 32),
                             jh__ev_trimmed(
                                 ev->standard->guarantee.small_school_pupils, 0,
                                 lim, sizeof(lim)));
            }
            continue;
        }
        if (fg->verdict == JH_V_INCOMPLETE) {
            if (strcmp(fg->id, "junior_retention") == 0)
                add_line(out,
                         en ? "%s: not given (junior_retention, or "
                              "junior_entrants and junior_grade3)"
                            : "%s：未提供（junior_retention，或 "
                              "junior_entrants 与 junior_grade3）",
                         fig_name(fg, lang));
            else if (strcmp(fg->id, "recognition") == 0)
                add_line(out,
                         en ? "%s: not given (questionnaires_valid, "
                              "questionnaires_satisfied; visits with "
                              "visits_satisfied)"
                            : "%s：未提供（questionnaires_valid、"
                              "questionnaires_satisfied；visits 与 "
                              "visits_satisfied 同时填写）",
                         fig_name(fg, lang));
            else
                add_line(out, en ? "%s: not given (%s)" : "%s：未提供（%s）",
                         fig_name(fg, lang), fg->id);
            continue;
        }
        switch (fg->cmp) {
        case JH_CMP_MIN:
            add_line(out, en ? "%s: %s, must reach %s" : "%s：%s，须达到%s",
                     fig_name(fg, lang), fmt_value(fg, lang, v, sizeof(v)),
                     fmt_limit(fg, lang, lim, sizeof(lim)));
            break;
        case JH_CMP_BELOW:
            add_line(out, en ? "%s: %s, must be %s" : "%s：%s，须%s",
                     fig_name(fg, lang), fmt_value(fg, lang, v, sizeof(v)),
                     fmt_limit(fg, lang, lim, sizeof(lim)));
            break;
        case JH_CMP_YES:
            add_line(out, en ? "%s: must hold" : "%s：须达到要求",
                     fig_name(fg, lang));
            break;
        case JH_CMP_NO:
            add_line(out, en ? "%s: a one-vote veto" : "%s：一票否决",
                     fig_name(fg, lang));
            break;
        case JH_CMP_ALL:
        case JH_CMP_INFO:
            break;
        }
    }
}

/* Where fact @p id was read: "file:line", or "file: Sheet!C5". */
const char *
jh__ev_fact_place(const jh_evaluation *ev, jh_fact_id id, char *buf,
                  size_t size)
{
    const jh_fact *f = &ev->facts->fact[id];

    if (f->cell[0] != '\0')
        snprintf(buf, size, "%s: %s", ev->facts->source, f->cell);
    else
        snprintf(buf, size, "%s:%ld", ev->facts->source, f->line);
    return buf;
}
