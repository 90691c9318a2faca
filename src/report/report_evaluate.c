/* junheng - the county evaluation in text, JSON and a workbook.  Words come
 * from report.c, item and fact names from evaluate.c. */
#include "junheng/report_evaluate.h"
#include "junheng/report_text.h"
#include "junheng/result_words.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "report_guarantee.h"
#include "report_workbook.h"
#include "sheet.h"
#include "util.h"

/* ---- words ----------------------------------------------------------------
 */

/* A number with up to @p dec decimals, trailing zeros dropped. */
static char *
trimmed(double v, int dec, char *buf, size_t size)
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

static const char *
roman(double level)
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
        snprintf(buf, size, "%s%%", trimmed(v * 100, 2, n, sizeof(n)));
        break;
    case JH_EU_RATIO:
        snprintf(buf, size, "%s", trimmed(v, 3, n, sizeof(n)));
        break;
    case JH_EU_YUAN:
        snprintf(buf, size, en ? "%s yuan" : "%s元",
                 trimmed(v, 2, n, sizeof(n)));
        break;
    case JH_EU_LEVEL:
        snprintf(buf, size, en ? "level %s" : "%s级", roman(v));
        break;
    case JH_EU_YESNO:
        snprintf(buf, size, "%s",
                 v == 1 ? (en ? "yes" : "是") : (en ? "no" : "否"));
        break;
    case JH_EU_SCHOOLS:
    case JH_EU_ITEMS:
        snprintf(buf, size, "%s", trimmed(v, 0, n, sizeof(n)));
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
                 trimmed(fg->value, 0, a, sizeof(a)),
                 trimmed(fg->limit, 0, b, sizeof(b)),
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

static const char *
verdict_word(jh_lang lang, jh_verdict v)
{
    return jh_label(lang, v == JH_V_PASS   ? "ev_item_pass"
                          : v == JH_V_FAIL ? "ev_item_fail"
                                           : "ev_item_incomplete");
}

static const char *
county_word(jh_lang lang, jh_verdict v)
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

static const char *
item_name(const jh_eval_item *it, jh_lang lang)
{
    return lang == JH_LANG_EN ? it->name_en : it->name_zh;
}

static const char *
part_name(jh_part p, jh_lang lang)
{
    return lang == JH_LANG_EN ? jh_part_en(p) : jh_part_zh(p);
}

/* A growing string; nomem is set (and the text kept as it was) when
 * memory runs out. */
typedef struct sbuf {
    char *s;
    size_t n, cap;
    bool nomem;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sb_add(sbuf *b, const char *fmt, ...)
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
static const char *
sb_str(const sbuf *b)
{
    return b->s != NULL ? b->s : "";
}

static void
sb_release(sbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof(*b));
}

/* An item's value or conclusion: its figures, with the facts' notes,
 * whole (appended to @p out). */
static const char *
conclusion(const jh_evaluation *ev, const jh_eval_item *it, jh_lang lang,
           sbuf *out)
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
            sb_add(out, "%s", fmt_value(fg, lang, v, sizeof(v)));
        else
            sb_add(out, "%s%s%s%s", out->n > start ? sep : "",
                   fig_name(fg, lang), lang == JH_LANG_EN ? ": " : "：",
                   fmt_value(fg, lang, v, sizeof(v)));
        if (note != NULL)
            sb_add(out, lang == JH_LANG_EN ? " (%s)" : "（%s）", note);
    }
    return sb_str(out);
}

/* The limits of an item's figures. */
static char *
limits(const jh_eval_item *it, jh_lang lang, char *buf, size_t size)
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

/* A growing list of lines. */
typedef struct lines {
    char **v;
    size_t n, cap;
    bool nomem;
} lines;

static void add_line(lines *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
add_line(lines *l, const char *fmt, ...)
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

static void
lines_release(lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof(*l));
}

/* What the schools failing (or not giving) guarantee check @p k need. */
static void
check_actions(lines *out, const jh_evaluation *ev, jh_gcheck k, jh_lang lang)
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
resource_actions(lines *out, const jh_report_context *ctx,
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
static void
item_actions(lines *out, const jh_report_context *ctx, const jh_evaluation *ev,
             const jh_eval_item *it)
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
                             s->code, s->name, trimmed(sm->pupils, 0, p, 32));
                else
                    add_line(
                        out,
                        en ? "%s %s: %s pupils, public funds %s yuan, "
                             "at least %s yuan (as for %s pupils)"
                           : "%s %s：在校生%s人，公用经费%s元，应不少于"
                             "%s元（按%s名学生核定）",
                        s->code, s->name, trimmed(sm->pupils, 0, p, 32),
                        trimmed(sm->funds, 2, f, 32),
                        trimmed(sm->required, 2, r, 32),
                        trimmed(ev->standard->guarantee.small_school_pupils, 0,
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
static const char *
fact_place(const jh_evaluation *ev, jh_fact_id id, char *buf, size_t size)
{
    const jh_fact *f = &ev->facts->fact[id];

    if (f->cell[0] != '\0')
        snprintf(buf, size, "%s: %s", ev->facts->source, f->cell);
    else
        snprintf(buf, size, "%s:%ld", ev->facts->source, f->line);
    return buf;
}

/* A figure of 表Ⅰ, or "not given" when neither source has it. */
static const char *
t1_figure(double v, int dec, jh_lang lang, char *buf, size_t size)
{
    if (isnan(v)) {
        snprintf(buf, size, "%s", jh_label(lang, "ev_not_given"));
        return buf;
    }
    return trimmed(v, dec, buf, size);
}

/* The figures of level @p l that the school table lacks: taken from the
 * facts (with their line) or not given. */
static void
t1_sources(FILE *out, const jh_evaluation *ev, int l, jh_lang lang)
{
    static const jh_fact_id class_fact[] = {JH_F_CLASSES_PRIMARY,
                                            JH_F_CLASSES_JUNIOR};
    static const jh_fact_id teacher_fact[] = {JH_F_TEACHERS_PRIMARY,
                                              JH_F_TEACHERS_JUNIOR};
    const jh_table1 *t1 = &ev->table1;
    bool en = lang == JH_LANG_EN;
    char place[1100];

    for (int k = 0; k < 2; k++) {
        jh_t1_source from = k == 0 ? t1->classes_from[l] : t1->teachers_from[l];
        jh_fact_id id = k == 0 ? class_fact[l] : teacher_fact[l];
        if (from == JH_T1_SCHOOLS)
            continue;
        if (from == JH_T1_FACTS)
            fprintf(out,
                    en ? " (%s: not in the school data, from %s)"
                       : "（%s：学校数据未提供，取自%s）",
                    jh_fact_key(id), fact_place(ev, id, place, sizeof(place)));
        else
            fprintf(out,
                    en ? " (%s: in neither the school data nor the facts)"
                       : "（%s：学校数据与评估事实均未提供）",
                    jh_fact_key(id));
    }
}

/* ---- text -------------------------------------------------------------------
 */

jh_status
jh_report_evaluation_text(FILE *out, const jh_report_context *ctx,
                          const jh_evaluation *ev)
{
    static const char *const numerals[] = {"一", "二", "三", "四", "五"};
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    const char *colon = en ? ": " : "：";
    const jh_standard *std = ev->standard;
    const jh_table1 *t1 = &ev->table1;
    char lim[1024], n1[32], n2[32], place[1100];
    lines act = {0};
    sbuf text = {0};

    fprintf(out, "%s%s%s\n", ctx->county_name, en ? " - " : " ",
            jh_label(lang, "ev_title"));
    fprintf(out, "%s%s%s (%s)%s%s\n", jh_label(lang, "ev_standard"), colon,
            std->id, std->source, std->file[0] != '\0' ? ", " : "", std->file);
    fprintf(out, "%s%s%s\n", jh_label(lang, "ev_facts"), colon,
            ev->facts->source);
    fprintf(out, "\n%s%s%s\n", jh_label(lang, "ev_verdict"), colon,
            county_word(lang, ev->verdict));
    for (int p = 0; p < JH_PART_COUNT; p++) {
        bool veto = p == JH_PART_VETO;
        if (en)
            fprintf(out, "\n%d. %s: %s\n", p + 1, part_name((jh_part)p, lang),
                    veto ? jh_label(lang, ev->part[p] == JH_V_FAIL
                                              ? "ev_veto_tripped"
                                          : ev->part[p] == JH_V_PASS
                                              ? "ev_veto_clear"
                                              : "ev_item_incomplete")
                         : verdict_word(lang, ev->part[p]));
        else
            fprintf(out, "\n%s、%s：%s\n", numerals[p],
                    part_name((jh_part)p, lang),
                    veto ? jh_label(lang, ev->part[p] == JH_V_FAIL
                                              ? "ev_veto_tripped"
                                          : ev->part[p] == JH_V_PASS
                                              ? "ev_veto_clear"
                                              : "ev_item_incomplete")
                         : verdict_word(lang, ev->part[p]));
        for (size_t i = 0; i < ev->nitems; i++) {
            const jh_eval_item *it = &ev->items[i];
            if (it->part != (jh_part)p)
                continue;
            fprintf(out, "  %2d. [%s] %s%s\n", it->number,
                    verdict_word(lang, it->verdict), item_name(it, lang),
                    it->computed ? jh_label(lang, "ev_computed_mark") : "");
            text.n = 0;
            if (text.s != NULL)
                text.s[0] = '\0';
            fprintf(out, "      %s", conclusion(ev, it, lang, &text));
            limits(it, lang, lim, sizeof(lim));
            if (lim[0] != '\0')
                fprintf(out, en ? " (limit: %s)" : "（标准：%s）", lim);
            fputc('\n', out);
            item_actions(&act, ctx, ev, it);
            for (size_t k = 0; k < act.n; k++)
                fprintf(out, "      -> %s\n", act.v[k]);
            lines_release(&act);
        }
    }
    if (ev->nmissing > 0) {
        fprintf(out, "\n%s (%zu)%s\n", jh_label(lang, "ev_missing"),
                ev->nmissing, colon);
        for (size_t i = 0; i < ev->nmissing; i++)
            fprintf(out, "  %s  %s\n", jh_fact_key(ev->missing[i]),
                    en ? jh_fact_en(ev->missing[i])
                       : jh_fact_zh(ev->missing[i]));
    }
    if (ev->ncontradictions > 0) {
        fprintf(out, "\n%s (%zu)%s\n", jh_label(lang, "ev_contradictions"),
                ev->ncontradictions, colon);
        for (size_t i = 0; i < ev->ncontradictions; i++) {
            const jh_contradiction *c = &ev->contradictions[i];
            fprintf(out,
                    en ? "  %s: %s (%s): stated %s, the school data give "
                         "%s (%s)\n"
                       : "  %s: %s (%s)：填报%s，学校数据为%s（%s）\n",
                    fact_place(ev, c->fact, place, sizeof(place)),
                    en ? jh_fact_en(c->fact) : jh_fact_zh(c->fact),
                    jh_fact_key(c->fact), trimmed(c->stated, 2, n1, 32),
                    trimmed(c->computed, 2, n2, 32),
                    ev->analysis->model->county->source);
        }
    }
    fprintf(out, "\n%s\n", jh_label(lang, "ev_t1_title"));
    fprintf(out,
            en ? "  schools: %zu primary, %zu junior, %zu nine-year, %zu "
                 "twelve-year, %zu complete secondary; %zu teaching points "
                 "(%zu with 50 or more pupils)\n"
               : "  学校：小学%zu所，初中%zu所，九年一贯制学校%zu所，"
                 "十二年一贯制学校%zu所，完全中学%zu所；教学点%zu个（其中50人"
                 "及以上%zu个）\n",
            t1->schools[JH_TYPE_PRIMARY], t1->schools[JH_TYPE_JUNIOR],
            t1->schools[JH_TYPE_NINE_YEAR], t1->schools[JH_TYPE_TWELVE_YEAR],
            t1->schools[JH_TYPE_COMPLETE_SECONDARY],
            t1->schools[JH_TYPE_TEACHING_POINT], t1->teaching_points_50plus);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        char c[32], s[32], t[32];
        fprintf(out,
                en ? "  %s: %s classes, %s pupils, %s full-time teachers%s"
                   : "  %s：班级%s个，在校生%s人，专任教师%s人%s",
                jh_level_name((jh_level)l, lang),
                t1_figure(t1->classes[l], 0, lang, c, sizeof(c)),
                t1_figure(t1->students[l], 0, lang, s, sizeof(s)),
                t1_figure(t1->teachers[l], 1, lang, t, sizeof(t)),
                t1->teachers_estimated && t1->teachers_from[l] == JH_T1_SCHOOLS
                    ? jh_label(lang, "ev_estimated")
                    : "");
        t1_sources(out, ev, l, lang);
        fputc('\n', out);
    }
    sb_release(&text);
    return ferror(out) || act.nomem || text.nomem ? JH_ERR_IO : JH_OK;
}

/* ---- JSON -------------------------------------------------------------------
 */

static json_t *
json_item(const jh_report_context *ctx, const jh_evaluation *ev,
          const jh_eval_item *it, bool *nomem)
{
    json_t *o = json_object(), *figs = json_array(), *acts = json_array();
    lines act = {0};
    sbuf text = {0};

    json_object_set_new(o, "id", json_string(it->id));
    json_object_set_new(o, "number", json_integer(it->number));
    json_object_set_new(o, "name", json_string(it->name_zh));
    json_object_set_new(o, "name_en", json_string(it->name_en));
    json_object_set_new(o, "computed", json_boolean(it->computed));
    json_object_set_new(o, "verdict", json_string(jh_verdict_key(it->verdict)));
    json_object_set_new(o, "conclusion",
                        json_string(conclusion(ev, it, ctx->lang, &text)));
    *nomem = *nomem || text.nomem;
    sb_release(&text);
    for (size_t k = 0; k < it->nfigures; k++) {
        const jh_figure *fg = &it->figure[k];
        json_t *f = json_object();
        json_object_set_new(f, "id", json_string(fg->id));
        json_object_set_new(f, "name", json_string(fg->name_zh));
        json_object_set_new(f, "name_en", json_string(fg->name_en));
        json_object_set_new(f, "unit", json_string(jh_eunit_key(fg->unit)));
        json_object_set_new(f, "comparison", json_string(jh_cmp_key(fg->cmp)));
        json_object_set_new(f, "value", jh__json_count(fg->value));
        json_object_set_new(f, "limit", jh__json_count(fg->limit));
        json_object_set_new(f, "verdict",
                            json_string(jh_verdict_key(fg->verdict)));
        if (fg->fact >= 0) {
            const jh_fact *fact = &ev->facts->fact[fg->fact];
            json_object_set_new(f, "fact", json_true());
            json_object_set_new(f, "line", json_integer(fact->line));
            json_object_set_new(f, "note",
                                fact->note != NULL ? json_string(fact->note)
                                                   : json_null());
        } else {
            json_object_set_new(f, "fact", json_false());
        }
        json_array_append_new(figs, f);
    }
    json_object_set_new(o, "figures", figs);
    item_actions(&act, ctx, ev, it);
    for (size_t k = 0; k < act.n; k++)
        json_array_append_new(acts, json_string(act.v[k]));
    *nomem = *nomem || act.nomem;
    lines_release(&act);
    json_object_set_new(o, "to_pass", acts);
    return o;
}

static json_t *
json_table1(const jh_table1 *t1)
{
    json_t *o = json_object(), *schools = json_object();
    static const char *const lv[] = {"primary", "junior"};

    for (int t = 0; t < JH_TYPE_COUNT; t++)
        json_object_set_new(schools, jh_school_type_key((jh_school_type)t),
                            json_integer((json_int_t)t1->schools[t]));
    json_object_set_new(o, "schools", schools);
    json_object_set_new(o, "teaching_points_50plus",
                        json_integer((json_int_t)t1->teaching_points_50plus));
    for (int k = 0; k < 3; k++) {
        static const char *const keys[] = {"classes", "students", "teachers"};
        const double *v = k == 0   ? t1->classes
                          : k == 1 ? t1->students
                                   : t1->teachers;
        json_t *lvl = json_object();
        for (int l = 0; l < JH_LEVEL_COUNT; l++)
            json_object_set_new(lvl, lv[l], jh__json_count(v[l]));
        json_object_set_new(o, keys[k], lvl);
    }
    json_object_set_new(o, "teachers_estimated",
                        json_boolean(t1->teachers_estimated));
    {
        /* Where each figure comes from: the school table, the facts file
         * (the school table lacks it) or none (null above). */
        json_t *src = json_object();
        for (int k = 0; k < 3; k++) {
            static const char *const keys[] = {"classes", "students",
                                               "teachers"};
            const jh_t1_source *from = k == 0   ? t1->classes_from
                                       : k == 1 ? t1->students_from
                                                : t1->teachers_from;
            json_t *lvl = json_object();
            for (int l = 0; l < JH_LEVEL_COUNT; l++)
                json_object_set_new(lvl, lv[l],
                                    json_string(jh_t1_source_key(from[l])));
            json_object_set_new(src, keys[k], lvl);
        }
        json_object_set_new(o, "sources", src);
    }
    return o;
}

jh_status
jh_report_evaluation_json(FILE *out, const jh_report_context *ctx,
                          const jh_evaluation *ev, jh_error *err)
{
    const jh_county *c = ev->analysis->model->county;
    json_t *root = json_object(), *parts = json_array(),
           *missing = json_array(), *contra = json_array(),
           *small = json_array(), *rec = json_object(), *g;
    bool nomem = false;

    json_object_set_new(root, "junheng", json_string(ctx->version));
    json_object_set_new(root, "county", json_string(ctx->county_name));
    json_object_set_new(root, "source", json_string(c->source));
    json_object_set_new(root, "facts_source", json_string(ev->facts->source));
    json_object_set_new(root, "standard", json_string(ev->standard->id));
    json_object_set_new(root, "verdict",
                        json_string(jh_verdict_key(ev->verdict)));
    for (int p = 0; p < JH_PART_COUNT; p++) {
        json_t *po = json_object(), *items = json_array();
        json_object_set_new(po, "id", json_string(jh_part_key((jh_part)p)));
        json_object_set_new(po, "name", json_string(jh_part_zh((jh_part)p)));
        json_object_set_new(po, "name_en", json_string(jh_part_en((jh_part)p)));
        json_object_set_new(po, "verdict",
                            json_string(jh_verdict_key(ev->part[p])));
        for (size_t i = 0; i < ev->nitems; i++) {
            if (ev->items[i].part == (jh_part)p)
                json_array_append_new(
                    items, json_item(ctx, ev, &ev->items[i], &nomem));
        }
        json_object_set_new(po, "items", items);
        json_array_append_new(parts, po);
    }
    json_object_set_new(root, "parts", parts);
    for (size_t i = 0; i < ev->nmissing; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(jh_fact_key(ev->missing[i])));
        json_object_set_new(o, "name", json_string(jh_fact_zh(ev->missing[i])));
        json_object_set_new(o, "name_en",
                            json_string(jh_fact_en(ev->missing[i])));
        json_array_append_new(missing, o);
    }
    json_object_set_new(root, "missing", missing);
    for (size_t i = 0; i < ev->ncontradictions; i++) {
        const jh_contradiction *cd = &ev->contradictions[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(jh_fact_key(cd->fact)));
        json_object_set_new(o, "name", json_string(jh_fact_zh(cd->fact)));
        json_object_set_new(o, "stated", jh__json_count(cd->stated));
        json_object_set_new(o, "computed", jh__json_count(cd->computed));
        json_object_set_new(o, "line",
                            json_integer(ev->facts->fact[cd->fact].line));
        json_object_set_new(o, "cell",
                            ev->facts->fact[cd->fact].cell[0] != '\0'
                                ? json_string(ev->facts->fact[cd->fact].cell)
                                : json_null());
        json_object_set_new(o, "facts_source", json_string(ev->facts->source));
        json_object_set_new(o, "school_source", json_string(c->source));
        json_array_append_new(contra, o);
    }
    json_object_set_new(root, "contradictions", contra);
    json_object_set_new(root, "table1", json_table1(&ev->table1));
    for (size_t i = 0; i < ev->nsmall; i++) {
        const jh_small_school *sm = &ev->small[i];
        const jh_school *s = &c->schools[sm->school];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(s->code));
        json_object_set_new(o, "name", json_string(s->name));
        json_object_set_new(o, "pupils", jh__json_count(sm->pupils));
        json_object_set_new(o, "required", jh__json_count(sm->required));
        json_object_set_new(o, "funds", jh__json_count(sm->funds));
        json_object_set_new(o, "verdict",
                            json_string(jh_verdict_key(sm->verdict)));
        json_array_append_new(small, o);
    }
    json_object_set_new(root, "small_schools", small);
    json_object_set_new(rec, "share", jh__json_count(ev->recognition));
    json_object_set_new(rec, "parents_share", jh__json_count(ev->parents_recognition));
    for (int f = JH_F_QUESTIONNAIRES_ISSUED; f <= JH_F_PARENTS_SATISFIED; f++)
        json_object_set_new(
            rec, jh_fact_key((jh_fact_id)f),
            jh__json_count(ev->facts->fact[f].given ? ev->facts->fact[f].value : NAN));
    json_object_set_new(root, "recognition", rec);
    g = jh__guarantee_json(ctx, ev->guarantee);
    if (g == NULL)
        nomem = true;
    else
        json_object_set_new(root, "guarantee", g);
    if (nomem) {
        json_decref(root);
        return jh_error_set(err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    return jh__json_write(out, root, err);
}

/* ---- workbook
 * ---------------------------------------------------------------- */

/* Formats of the evaluation sheets beyond the shared ones. */
typedef struct ev_formats {
    lxw_format *center;
    lxw_format *pass;       /* verdict met */
    lxw_format *fail;       /* verdict not met: red */
    lxw_format *incomplete; /* amber */
    lxw_format *big;        /* the county's verdict */
} ev_formats;

static lxw_format *
ev_format(jh__book *b, lxw_color_t fill, lxw_color_t font, bool bold)
{
    lxw_format *f = workbook_add_format(b->wb);

    if (f == NULL) {
        jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    format_set_font_name(f, "Noto Sans CJK SC");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    if (fill != 0)
        format_set_bg_color(f, fill);
    if (font != 0)
        format_set_font_color(f, font);
    if (bold)
        format_set_bold(f);
    return f;
}

static lxw_format *
verdict_format(const ev_formats *ef, jh_verdict v)
{
    return v == JH_V_PASS   ? ef->pass
           : v == JH_V_FAIL ? ef->fail
                            : ef->incomplete;
}

/* Row height for @p text in a column @p width characters wide. */
static double
height_for(const char *text, double width)
{
    size_t len = strlen(text), lines_n = 1;

    for (const char *p = text; *p != '\0'; p++)
        lines_n += *p == '\n';
    /* UTF-8 Chinese: 3 bytes, 2 columns each; roughly len / 1.5 columns */
    lines_n += (size_t)((double)len / 1.5 / width);
    return 14.0 * (double)lines_n + 4.0;
}

static void
merge(jh__book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c1, lxw_col_t c2,
      const char *s, lxw_format *f)
{
    jh__book_check(b, worksheet_merge_range(ws, r, c1, r, c2, s, f));
}

/*
 * Long texts in cells.  A cell holds at most 32,767 characters and a row
 * is at most 409 points high, so a long list (every failing school) or a
 * long note goes on in the rows below, never cut: pieces of at most
 * CELL_LINES lines and CELL_BYTES bytes, cut at a line end, else after a
 * space or a CJK punctuation mark, else between two UTF-8 characters.
 */
#define CELL_LINES 24
#define CELL_BYTES 6000

typedef struct piece {
    const char *s;
    size_t n;
} piece;

/* True when @p p starts a UTF-8 character. */
static bool
char_start(const char *p)
{
    return ((unsigned char)*p & 0xC0) != 0x80;
}

/* Length of the next piece of @p text (of @p len bytes), and in *skip the
 * separator it ends with (a line end, dropped). */
static size_t
next_piece(const char *text, size_t len, size_t *skip)
{
    size_t lines_n = 0, cut = 0, soft = 0;

    *skip = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            if (++lines_n == CELL_LINES) {
                *skip = 1;
                return i;
            }
            cut = i;
        }
        if (i >= CELL_BYTES) {
            if (cut > 0) {
                *skip = 1;
                return cut;
            }
            /* One long line: after the last space or CJK punctuation
             * (，。；、 are E3 80 81/82, EF BC 8C/9B) in the piece, else at
             * a character boundary. */
            if (soft > CELL_BYTES / 2)
                return soft;
            while (i > 0 && !char_start(text + i))
                i--;
            return i;
        }
        if (text[i] == ' ')
            soft = i + 1;
        else if (i >= 2 && (unsigned char)text[i - 2] >= 0xE3 &&
                 ((text[i - 2] == '\xE3' && text[i - 1] == '\x80' &&
                   (text[i] == '\x81' || text[i] == '\x82')) ||
                  (text[i - 2] == '\xEF' && text[i - 1] == '\xBC' &&
                   (text[i] == '\x8C' || text[i] == '\x9B'))))
            soft = i + 1;
    }
    return len;
}

/* Split @p text into pieces (malloc'd, *out); returns how many (at least
 * 1), 0 when out of memory. */
static size_t
split_cells(const char *text, piece **out)
{
    size_t len = strlen(text), n = 0, cap = 4;
    piece *v = malloc(cap * sizeof(*v));

    if (v == NULL)
        return 0;
    do {
        size_t skip, k = next_piece(text, len, &skip);
        if (n == cap) {
            piece *w = realloc(v, cap * 2 * sizeof(*v));
            if (w == NULL) {
                free(v);
                return 0;
            }
            v = w;
            cap *= 2;
        }
        v[n].s = text;
        v[n].n = k;
        n++;
        text += k + skip;
        len -= k + skip;
    } while (len > 0);
    *out = v;
    return n;
}

/* Write piece @p pc (or a blank) into a cell. */
static void
cell_piece(jh__book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
           const piece *pc, lxw_format *f)
{
    char *t;

    if (pc == NULL || pc->n == 0) {
        jh__cell_str(b, ws, r, c, "", f);
        return;
    }
    t = malloc(pc->n + 1);
    if (t == NULL) {
        jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memcpy(t, pc->s, pc->n);
    t[pc->n] = '\0';
    jh__cell_str(b, ws, r, c, t, f);
    free(t);
}

/* Height for piece @p pc in a column @p width characters wide. */
static double
piece_height(const piece *pc, double width)
{
    size_t len, lines_n = 1;

    if (pc == NULL)
        return 0;
    len = pc->n;
    for (size_t i = 0; i < len; i++)
        lines_n += pc->s[i] == '\n';
    lines_n += (size_t)((double)len / 1.5 / width);
    return 14.0 * (double)lines_n + 4.0;
}

/* 总评: the verdict, every item, what must change. */
static void
overview_sheet(jh__book *b, lxw_worksheet *ws, const jh_report_context *ctx,
               const jh_evaluation *ev, const ev_formats *ef)
{
    jh_lang lang = ctx->lang;
    static const char *const heads[] = {"ev_part",       "ev_seq",   "ev_item",
                                        "ev_conclusion", "ev_limit", "ev_met",
                                        "ev_to_pass"};
    static const double widths[] = {12, 5, 40, 40, 20, 9, 50};
    char buf[4096], lim[1024];
    lxw_row_t row = 0;
    lines act = {0};

    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "ev_title"));
    merge(b, ws, row, 0, 6, buf, b->f.title);
    row++;
    snprintf(buf, sizeof(buf), "%s：%s (%s)；%s：%s",
             jh_label(lang, "ev_standard"), ev->standard->id,
             ev->standard->source, jh_label(lang, "ev_facts"),
             ev->facts->source);
    merge(b, ws, row++, 0, 6, buf, b->f.note);
    row++;
    jh__cell_str(b, ws, row, 0, jh_label(lang, "ev_verdict"), b->f.header);
    merge(b, ws, row, 1, 6, county_word(lang, ev->verdict),
          verdict_format(ef, ev->verdict));
    jh__book_check(b, worksheet_set_row(ws, row, 24, NULL));
    row++;
    for (int p = 0; p < JH_PART_COUNT; p++) {
        jh__cell_str(b, ws, row, 0, part_name((jh_part)p, lang), b->f.text);
        merge(b, ws, row, 1, 6,
              p == JH_PART_VETO
                  ? jh_label(lang, ev->part[p] == JH_V_FAIL ? "ev_veto_tripped"
                                   : ev->part[p] == JH_V_PASS
                                       ? "ev_veto_clear"
                                       : "ev_item_incomplete")
                  : verdict_word(lang, ev->part[p]),
              verdict_format(ef, ev->part[p]));
        row++;
    }
    row++;
    for (int c = 0; c < 7; c++)
        jh__cell_str(b, ws, row, (lxw_col_t)c, jh_label(lang, heads[c]),
                     b->f.header);
    jh__book_check(b, worksheet_repeat_rows(ws, row, row));
    row++;
    for (size_t i = 0; i < ev->nitems; i++) {
        const jh_eval_item *it = &ev->items[i];
        sbuf text = {0}, actions = {0};
        piece *pt = NULL, *pa = NULL;
        size_t nt, na, nrows;
        double h;

        item_actions(&act, ctx, ev, it);
        for (size_t k = 0; k < act.n; k++)
            sb_add(&actions, "%s%s", k > 0 ? "\n" : "", act.v[k]);
        actions.nomem = actions.nomem || act.nomem;
        lines_release(&act);
        conclusion(ev, it, lang, &text);
        nt = split_cells(sb_str(&text), &pt);
        na = split_cells(sb_str(&actions), &pa);
        if (text.nomem || actions.nomem || nt == 0 || na == 0) {
            jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            free(pt);
            free(pa);
            sb_release(&text);
            sb_release(&actions);
            return;
        }
        nrows = nt > na ? nt : na;
        jh__cell_str(b, ws, row, 0, part_name(it->part, lang), b->f.text);
        jh__cell_num(b, ws, row, 1, it->number, ef->center);
        snprintf(buf, sizeof(buf), "%s%s", item_name(it, lang),
                 it->computed ? jh_label(lang, "ev_computed_mark") : "");
        jh__cell_str(b, ws, row, 2, buf, b->f.wrap);
        jh__cell_str(b, ws, row, 4, limits(it, lang, lim, sizeof(lim)),
                     b->f.wrap);
        jh__cell_str(b, ws, row, 5, verdict_word(lang, it->verdict),
                     verdict_format(ef, it->verdict));
        for (size_t k = 0; k < nrows; k++, row++) {
            h = k == 0 ? height_for(buf, widths[2]) : 18;
            if (k > 0) {
                /* a continuation row: the item's place, marked */
                jh__cell_str(b, ws, row, 0, part_name(it->part, lang),
                             b->f.text);
                jh__cell_num(b, ws, row, 1, it->number, ef->center);
                jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_continued"),
                             b->f.wrap);
                jh__cell_str(b, ws, row, 4, "", b->f.wrap);
                jh__cell_str(b, ws, row, 5, "", b->f.text);
            }
            cell_piece(b, ws, row, 3, k < nt ? &pt[k] : NULL, b->f.wrap);
            cell_piece(b, ws, row, 6, k < na ? &pa[k] : NULL, b->f.wrap);
            h = fmax(h, piece_height(k < nt ? &pt[k] : NULL, widths[3]));
            h = fmax(h, piece_height(k < na ? &pa[k] : NULL, widths[6]));
            jh__book_check(b, worksheet_set_row(ws, row, fmin(h, 400), NULL));
        }
        free(pt);
        free(pa);
        sb_release(&text);
        sb_release(&actions);
    }
    row++;
    jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_missing"), b->f.title);
    if (ev->nmissing == 0)
        jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_none"), b->f.text);
    for (size_t i = 0; i < ev->nmissing; i++, row++) {
        jh__cell_str(b, ws, row, 0, jh_fact_key(ev->missing[i]), b->f.text);
        merge(b, ws, row, 1, 3,
              lang == JH_LANG_EN ? jh_fact_en(ev->missing[i])
                                 : jh_fact_zh(ev->missing[i]),
              b->f.text);
    }
    row++;
    jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_contradictions"),
                 b->f.title);
    if (ev->ncontradictions == 0)
        jh__cell_str(b, ws, row++, 0, jh_label(lang, "ev_none"), b->f.text);
    for (size_t i = 0; i < ev->ncontradictions; i++, row++) {
        const jh_contradiction *cd = &ev->contradictions[i];
        char place[1100];
        jh__cell_str(b, ws, row, 0, jh_fact_key(cd->fact), b->f.text);
        merge(b, ws, row, 1, 2,
              lang == JH_LANG_EN ? jh_fact_en(cd->fact) : jh_fact_zh(cd->fact),
              b->f.text);
        snprintf(buf, sizeof(buf), "%s %s / %s %s", jh_label(lang, "ev_stated"),
                 trimmed(cd->stated, 2, lim, 64), jh_label(lang, "ev_computed"),
                 trimmed(cd->computed, 2, lim + 64, 64));
        merge(b, ws, row, 3, 4, buf, ef->fail);
        /* where each figure is: the fact's line or cell, the school data */
        snprintf(buf, sizeof(buf), "%s; %s",
                 fact_place(ev, cd->fact, place, sizeof(place)),
                 ev->analysis->model->county->source);
        merge(b, ws, row, 5, 6, buf, b->f.wrap);
    }
    for (int c = 0; c < 7; c++)
        jh__col_width(b, ws, (lxw_col_t)c, (lxw_col_t)c, widths[c]);
}

/* 表Ⅰ: the county's schools: the school table's figures where it has them,
 * else the facts file's; the stated count beside the school data's. */
static void
table1_sheet(jh__book *b, lxw_worksheet *ws, const jh_report_context *ctx,
             const jh_evaluation *ev, const ev_formats *ef)
{
    const jh_table1 *t1 = &ev->table1;
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    const jh_t1_source S = JH_T1_SCHOOLS;
    const struct {
        const char *zh, *en;
        double value;  /* the figure of 表Ⅰ (NAN: none) */
        double school; /* the school table's own (NAN: it lacks it) */
        jh_t1_source from;
        jh_fact_id fact;
    } rows[] = {
        {"小学数（所）", "Primary schools",
         (double)t1->schools[JH_TYPE_PRIMARY],
         (double)t1->schools[JH_TYPE_PRIMARY], S, JH_F_SCHOOLS_PRIMARY},
        {"初中数（所）", "Junior schools", (double)t1->schools[JH_TYPE_JUNIOR],
         (double)t1->schools[JH_TYPE_JUNIOR], S, JH_F_SCHOOLS_JUNIOR},
        {"九年一贯制学校数（所）", "Nine-year schools",
         (double)t1->schools[JH_TYPE_NINE_YEAR],
         (double)t1->schools[JH_TYPE_NINE_YEAR], S, JH_F_SCHOOLS_NINE_YEAR},
        {"十二年一贯制学校数（所）", "Twelve-year schools",
         (double)t1->schools[JH_TYPE_TWELVE_YEAR],
         (double)t1->schools[JH_TYPE_TWELVE_YEAR], S, JH_F_SCHOOLS_TWELVE_YEAR},
        {"完全中学数（所）", "Complete secondary schools",
         (double)t1->schools[JH_TYPE_COMPLETE_SECONDARY],
         (double)t1->schools[JH_TYPE_COMPLETE_SECONDARY], S,
         JH_F_SCHOOLS_COMPLETE_SECONDARY},
        {"教学点数（个）", "Teaching points",
         (double)t1->schools[JH_TYPE_TEACHING_POINT],
         (double)t1->schools[JH_TYPE_TEACHING_POINT], S, JH_F_TEACHING_POINTS},
        {"其中在校生50人及以上教学点数（个）",
         "of which with 50 or more pupils", (double)t1->teaching_points_50plus,
         (double)t1->teaching_points_50plus, S, JH_F_TEACHING_POINTS_50PLUS},
        {"小学班级数（个）", "Primary classes", t1->classes[0],
         t1->classes_schools[0], t1->classes_from[0], JH_F_CLASSES_PRIMARY},
        {"初中班级数（个）", "Junior classes", t1->classes[1],
         t1->classes_schools[1], t1->classes_from[1], JH_F_CLASSES_JUNIOR},
        {"小学在校生数（人）", "Primary pupils", t1->students[0],
         t1->students[0], t1->students_from[0], JH_F_STUDENTS_PRIMARY},
        {"初中在校生数（人）", "Junior pupils", t1->students[1],
         t1->students[1], t1->students_from[1], JH_F_STUDENTS_JUNIOR},
        {"小学专任教师数（人）", "Primary full-time teachers", t1->teachers[0],
         t1->teachers_schools[0], t1->teachers_from[0], JH_F_TEACHERS_PRIMARY},
        {"初中专任教师数（人）", "Junior full-time teachers", t1->teachers[1],
         t1->teachers_schools[1], t1->teachers_from[1], JH_F_TEACHERS_JUNIOR},
    };
    static const char *const heads[] = {
        "ev_seq",      "ev_item",   "ev_t1_value",  "ev_t1_source",
        "ev_computed", "ev_stated", "ev_consistent"};
    lxw_row_t row = 0;
    char buf[1100];

    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "ev_t1_title"));
    merge(b, ws, row++, 0, 6, buf, b->f.title);
    for (int c = 0; c < 7; c++)
        jh__cell_str(b, ws, row, (lxw_col_t)c, jh_label(lang, heads[c]),
                     b->f.header);
    row++;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++, row++) {
        const jh_fact *f = &ev->facts->fact[rows[i].fact];
        bool teachers = rows[i].fact == JH_F_TEACHERS_PRIMARY ||
                        rows[i].fact == JH_F_TEACHERS_JUNIOR;
        lxw_format *num =
            teachers && t1->teachers_estimated ? b->f.num2 : b->f.num0;
        /* compared only when both are real figures */
        bool both = f->given && !isnan(rows[i].school);
        bool differs = both && fabs(f->value - rows[i].school) >= 0.5;

        jh__cell_num(b, ws, row, 0, (double)(i + 1), ef->center);
        jh__cell_str(b, ws, row, 1, en ? rows[i].en : rows[i].zh, b->f.text);
        if (isnan(rows[i].value))
            jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_not_given"),
                         ef->incomplete);
        else
            jh__cell_num(b, ws, row, 2, rows[i].value,
                         rows[i].from == JH_T1_FACTS ? b->f.num0 : num);
        if (rows[i].from == JH_T1_SCHOOLS)
            jh__cell_str(b, ws, row, 3, jh_label(lang, "ev_from_schools"),
                         b->f.text);
        else if (rows[i].from == JH_T1_FACTS) {
            char place[1100];
            snprintf(buf, sizeof(buf), "%s %s", jh_label(lang, "ev_from_facts"),
                     fact_place(ev, rows[i].fact, place, sizeof(place)));
            jh__cell_str(b, ws, row, 3, buf, b->f.text);
        } else
            jh__cell_str(b, ws, row, 3, "", b->f.text);
        if (isnan(rows[i].school))
            jh__cell_str(b, ws, row, 4, jh_label(lang, "ev_schools_lack"),
                         b->f.text);
        else
            jh__cell_num(b, ws, row, 4, rows[i].school, num);
        if (f->given)
            jh__cell_num(b, ws, row, 5, f->value, b->f.num0);
        else
            jh__cell_str(b, ws, row, 5, "", b->f.text);
        if (both)
            jh__cell_str(b, ws, row, 6, jh_label(lang, differs ? "no" : "yes"),
                         differs ? ef->fail : ef->pass);
        else
            jh__cell_str(b, ws, row, 6, "", b->f.text);
    }
    if (t1->teachers_estimated) {
        row++;
        merge(b, ws, row, 0, 6, jh_label(lang, "ev_estimated"), b->f.note);
    }
    jh__col_width(b, ws, 0, 0, 5);
    jh__col_width(b, ws, 1, 1, 36);
    jh__col_width(b, ws, 2, 2, 12);
    jh__col_width(b, ws, 3, 3, 28);
    jh__col_width(b, ws, 4, 6, 14);
}

/* 表Ⅳ and 表Ⅴ: 序号 | 名称 | 指标值或简要结论 | 是否达标; a long
 * conclusion goes on in the rows below. */
static void
items_sheet(jh__book *b, lxw_worksheet *ws, const jh_report_context *ctx,
            const jh_evaluation *ev, jh_part part, const char *title,
            const ev_formats *ef)
{
    jh_lang lang = ctx->lang;
    lxw_row_t row = 0;
    char buf[1100];

    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, title));
    merge(b, ws, row++, 0, 3, buf, b->f.title);
    jh__cell_str(b, ws, row, 0, jh_label(lang, "ev_seq"), b->f.header);
    jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_name"), b->f.header);
    jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_conclusion"), b->f.header);
    jh__cell_str(b, ws, row, 3, jh_label(lang, "ev_met"), b->f.header);
    row++;
    for (size_t i = 0; i < ev->nitems; i++) {
        const jh_eval_item *it = &ev->items[i];
        sbuf text = {0};
        piece *pt = NULL;
        size_t nt;
        double h;
        if (it->part != part)
            continue;
        conclusion(ev, it, lang, &text);
        nt = split_cells(sb_str(&text), &pt);
        if (text.nomem || nt == 0) {
            jh__book_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            sb_release(&text);
            free(pt);
            return;
        }
        jh__cell_num(b, ws, row, 0, it->number, ef->center);
        jh__cell_str(b, ws, row, 1, item_name(it, lang), b->f.wrap);
        jh__cell_str(b, ws, row, 3,
                     it->verdict == JH_V_PASS ? jh_label(lang, "yes")
                     : it->verdict == JH_V_FAIL
                         ? jh_label(lang, "no")
                         : jh_label(lang, "ev_not_given"),
                     verdict_format(ef, it->verdict));
        for (size_t k = 0; k < nt; k++, row++) {
            h = k == 0 ? height_for(item_name(it, lang), 44) : 18;
            if (k > 0) {
                jh__cell_num(b, ws, row, 0, it->number, ef->center);
                jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_continued"),
                             b->f.wrap);
                jh__cell_str(b, ws, row, 3, "", b->f.text);
            }
            cell_piece(b, ws, row, 2, &pt[k], b->f.wrap);
            h = fmax(h, piece_height(&pt[k], 44));
            jh__book_check(b, worksheet_set_row(ws, row, fmin(h, 400), NULL));
        }
        free(pt);
        sb_release(&text);
    }
    jh__col_width(b, ws, 0, 0, 5);
    jh__col_width(b, ws, 1, 2, 44);
    jh__col_width(b, ws, 3, 3, 9);
}

/* 表Ⅵ: the survey, with the shares as live formulas. */
static void
table6_sheet(jh__book *b, lxw_worksheet *ws, const jh_report_context *ctx,
             const jh_evaluation *ev, const ev_formats *ef)
{
    jh_lang lang = ctx->lang;
    bool en = lang == JH_LANG_EN;
    const jh_fact *f = ev->facts->fact;
    const jh_eval_item *it = NULL;
    lxw_row_t row = 0, first;
    char buf[512], formula[256];

    for (size_t i = 0; i < ev->nitems; i++) {
        if (ev->items[i].part == JH_PART_RECOGNITION)
            it = &ev->items[i];
    }
    snprintf(buf, sizeof(buf), "%s %s", ctx->county_name,
             jh_label(lang, "ev_t6_title"));
    merge(b, ws, row++, 0, 2, buf, b->f.title);
    jh__cell_str(b, ws, row, 0, jh_label(lang, "ev_seq"), b->f.header);
    jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_item"), b->f.header);
    jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_count"), b->f.header);
    row++;
    first = row;
    /* rows first .. first + 6: the seven survey counts, in fact order */
    for (int k = JH_F_QUESTIONNAIRES_ISSUED; k <= JH_F_PARENTS_SATISFIED;
         k++, row++) {
        jh__cell_num(b, ws, row, 0, (double)(row - first + 1), ef->center);
        jh__cell_str(b, ws, row, 1,
                     en ? jh_fact_en((jh_fact_id)k) : jh_fact_zh((jh_fact_id)k),
                     b->f.text);
        if (f[k].given)
            jh__cell_num(b, ws, row, 2, f[k].value, b->f.num0);
        else
            jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_not_given"),
                         ef->incomplete);
    }
    /* recognition = (C[valid+1] + C[visits_sat]) / (C[valid] + C[visits]) */
    jh__cell_num(b, ws, row, 0, (double)(row - first + 1), ef->center);
    jh__cell_str(b, ws, row, 1,
                 en ? "Social recognition" : "社会认可度（满意人数/有效人数）",
                 b->f.text);
    if (isfinite(ev->recognition)) {
        unsigned r0 = (unsigned)first + 1; /* Excel rows are 1-based */
        if (f[JH_F_VISITS].given)
            snprintf(formula, sizeof(formula), "=(C%u+C%u)/(C%u+C%u)", r0 + 2,
                     r0 + 4, r0 + 1, r0 + 3);
        else
            snprintf(formula, sizeof(formula), "=C%u/C%u", r0 + 2, r0 + 1);
        jh__cell_formula(b, ws, row, 2, formula, ev->recognition,
                         it != NULL && it->verdict == JH_V_FAIL ? ef->fail
                                                                : b->f.pct);
    } else {
        jh__cell_str(b, ws, row, 2, jh_label(lang, "ev_not_given"),
                     ef->incomplete);
    }
    row++;
    jh__cell_num(b, ws, row, 0, (double)(row - first + 1), ef->center);
    jh__cell_str(b, ws, row, 1, en ? "Of which parents" : "其中家长认可度",
                 b->f.text);
    if (isfinite(ev->parents_recognition)) {
        unsigned r0 = (unsigned)first + 1;
        snprintf(formula, sizeof(formula), "=C%u/C%u", r0 + 6, r0 + 5);
        jh__cell_formula(b, ws, row, 2, formula, ev->parents_recognition,
                         b->f.pct);
    } else {
        jh__cell_str(b, ws, row, 2, "—", ef->center);
    }
    row++;
    if (it != NULL) {
        char lim[256];
        jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_limit"), b->f.text);
        jh__cell_str(b, ws, row, 2, limits(it, lang, lim, sizeof(lim)),
                     ef->center);
        row++;
        jh__cell_str(b, ws, row, 1, jh_label(lang, "ev_met"), b->f.text);
        jh__cell_str(b, ws, row, 2,
                     it->verdict == JH_V_PASS ? jh_label(lang, "yes")
                     : it->verdict == JH_V_FAIL
                         ? jh_label(lang, "no")
                         : jh_label(lang, "ev_not_given"),
                     verdict_format(ef, it->verdict));
    }
    jh__col_width(b, ws, 0, 0, 5);
    jh__col_width(b, ws, 1, 1, 36);
    jh__col_width(b, ws, 2, 2, 24);
}

jh_status
jh_report_evaluation_workbook(const char *path, const jh_report_context *ctx,
                              const jh_evaluation *ev, jh_error *err)
{
    jh_lang lang = ctx->lang;
    jh__book book;
    jh__analysis_sheets *as = NULL;
    ev_formats ef;
    lxw_worksheet *overview, *t1, *t4, *t5, *t6;
    jh_status st;
    char title[256];

    snprintf(title, sizeof(title), "%s %s", ctx->county_name,
             jh_label(lang, "ev_title"));
    st = jh__book_open(&book, path, title, ctx->created > 0 ? ctx->created : 1,
                       err);
    if (st != JH_OK)
        return st;
    ef.center = ev_format(&book, 0, 0, false);
    ef.pass = ev_format(&book, 0, 0x006100, false);
    ef.fail = ev_format(&book, 0xFFC7CE, 0x9C0006, true);
    ef.incomplete = ev_format(&book, 0xFFEB9C, 0x9C5700, false);
    ef.big = ev_format(&book, 0, 0, true);
    overview = jh__book_sheet(&book, jh_label(lang, "ev_sheet_overview"));
    t1 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t1"));
    if (overview != NULL && t1 != NULL) {
        overview_sheet(&book, overview, ctx, ev, &ef);
        table1_sheet(&book, t1, ctx, ev, &ef);
    }
    /* 汇总 (表Ⅲ, 表Ⅱ-1), 表Ⅱ-2, 计算过程, ... exactly as analyze writes
     * them. */
    st = jh__workbook_add_analysis(&as, book.wb, ctx, err);
    t4 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t4"));
    t5 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t5"));
    t6 = jh__book_sheet(&book, jh_label(lang, "ev_sheet_t6"));
    if (t4 != NULL && t5 != NULL && t6 != NULL) {
        items_sheet(&book, t4, ctx, ev, JH_PART_GUARANTEE, "ev_t4_title", &ef);
        items_sheet(&book, t5, ctx, ev, JH_PART_QUALITY, "ev_t5_title", &ef);
        table6_sheet(&book, t6, ctx, ev, &ef);
    }
    if (overview != NULL)
        worksheet_activate(overview);
    if (st != JH_OK) {
        jh__book_close(&book, path, NULL);
        jh__workbook_analysis_free(as);
        remove(path);
        return st;
    }
    st = jh__book_close(&book, path, err);
    jh__workbook_analysis_free(as);
    if (st != JH_OK)
        remove(path);
    return st;
}

/* ---- the facts template ----------------------------------------------- */

/* The part a fact belongs to, for the template's first column. */
static jh_part
fact_part(jh_fact_id id)
{
    if (id < JH_F_JUNIOR_RETENTION)
        return JH_PART_GUARANTEE;
    if (id < JH_F_QUESTIONNAIRES_ISSUED)
        return JH_PART_QUALITY;
    if (id < JH_F_VETO_EXAM_ADMISSION)
        return JH_PART_RECOGNITION;
    if (id < JH_F_SCHOOLS_PRIMARY)
        return JH_PART_VETO;
    return JH_PART_RESOURCES; /* the counts of 表Ⅰ */
}

/* The limit of fact @p id under @p std, in words; "" when it has none. */
static char *
fact_limit(const jh_standard *std, jh_fact_id id, jh_lang lang, char *buf,
           size_t size)
{
    const jh_county_limits *c = &std->county;
    bool en = lang == JH_LANG_EN;
    double v = NAN;
    char n[48];
    int kind = 0; /* 0 share, 1 ratio, 2 yuan, 3 level, 4 below */

    buf[0] = '\0';
    switch (id) {
    case JH_F_SPECIAL_FUNDS_PER_STUDENT:
        v = c->special_funds_per_student_min;
        kind = 2;
        break;
    case JH_F_SALARY_RATIO:
        v = c->salary_ratio_min;
        kind = 1;
        break;
    case JH_F_TRAINING_COMPLETION:
        v = c->training_completion_min;
        break;
    case JH_F_ROTATION_SHARE:
        v = c->rotation_share_min;
        break;
    case JH_F_ROTATION_BACKBONE_SHARE:
        v = c->rotation_backbone_share_min;
        break;
    case JH_F_NEARBY_URBAN_PRIMARY:
    case JH_F_NEARBY_TOWN_PRIMARY:
        v = c->nearby_min[JH_LEVEL_PRIMARY];
        break;
    case JH_F_NEARBY_URBAN_JUNIOR:
    case JH_F_NEARBY_TOWN_JUNIOR:
        v = c->nearby_min[JH_LEVEL_JUNIOR];
        break;
    case JH_F_QUALITY_PLACES_SHARE:
        v = c->quality_places_share_min;
        break;
    case JH_F_MIGRANT_PUBLIC_SHARE:
        v = c->migrant_public_share_min;
        break;
    case JH_F_JUNIOR_RETENTION:
        v = c->junior_retention_min;
        break;
    case JH_F_DISABLED_ENROLLMENT:
        v = c->disabled_enrollment_min;
        break;
    case JH_F_MONITORING_LEVEL:
        v = c->monitoring_level_min;
        kind = 3;
        break;
    case JH_F_MONITORING_DIFFERENCE:
        v = c->monitoring_difference_max;
        kind = 4;
        break;
    default:
        break;
    }
    if (isnan(v)) {
        jh_fact_kind k = jh_fact_kind_of(id);
        if (k == JH_FK_YESNO)
            snprintf(buf, size, "%s",
                     id >= JH_F_VETO_EXAM_ADMISSION ? (en ? "no" : "否")
                                                    : (en ? "yes" : "是"));
        return buf;
    }
    switch (kind) {
    case 0:
        snprintf(buf, size, "≥%s%%", trimmed(v * 100, 2, n, sizeof(n)));
        break;
    case 1:
        snprintf(buf, size, "≥%s", trimmed(v, 3, n, sizeof(n)));
        break;
    case 2:
        snprintf(buf, size, en ? "≥%s yuan" : "≥%s元",
                 trimmed(v, 2, n, sizeof(n)));
        break;
    case 3:
        snprintf(buf, size, en ? "level %s or above" : "%s级及以上", roman(v));
        break;
    default:
        snprintf(buf, size, "<%s", trimmed(v, 3, n, sizeof(n)));
        break;
    }
    return buf;
}

/* How to fill a fact's value. */
static const char *
fact_hint(jh_fact_id id, jh_lang lang)
{
    bool en = lang == JH_LANG_EN;

    switch (jh_fact_kind_of(id)) {
    case JH_FK_SHARE:
        return en ? "a share: 95% or 0.95" : "比例：填 95% 或 0.95";
    case JH_FK_NUMBER:
        return en ? "a number" : "数值";
    case JH_FK_COUNT:
        return id >= JH_F_SCHOOLS_PRIMARY
                   ? (en ? "optional: compared with the school data"
                         : "可不填：填写后与学校数据核对")
                   : (en ? "a whole number" : "整数");
    case JH_FK_YESNO:
        return id >= JH_F_VETO_EXAM_ADMISSION
                   ? (en ? "是 if it happened, else 否"
                         : "存在填“是”，不存在填“否”")
                   : (en ? "是 or 否, with a note"
                         : "填“是”或“否”，可在备注中说明");
    case JH_FK_LEVEL:
        return en ? "Ⅰ, Ⅱ, Ⅲ or Ⅳ" : "填 Ⅰ、Ⅱ、Ⅲ 或 Ⅳ";
    }
    return "";
}

jh_status
jh_report_facts_template(const char *path, const jh_standard *std, jh_lang lang,
                         long long created, jh_error *err)
{
    static const char *const zh_heads[] = {"部分", "项目", "名称",    "值",
                                           "备注", "标准", "填写说明"};
    static const char *const en_heads[] = {
        "part", "item", "name", "value", "note", "limit", "how to fill"};
    static const double widths[] = {14, 30, 48, 12, 30, 16, 32};
    const char *const *heads = lang == JH_LANG_EN ? en_heads : zh_heads;
    jh__book book;
    lxw_worksheet *ws, *lists;
    lxw_format *value_fmt;
    lxw_data_validation dv;
    jh_status st;
    char buf[256];
    lxw_row_t row = 0;

    st = jh__book_open(&book, path,
                       lang == JH_LANG_EN ? "County facts" : "县域评估事实",
                       created > 0 ? created : 1, err);
    if (st != JH_OK)
        return st;
    value_fmt = ev_format(&book, 0xFFF2CC, 0, false);
    ws = jh__book_sheet(&book, lang == JH_LANG_EN ? "facts" : "评估事实");
    lists = jh__book_sheet(&book, "lists");
    if (ws != NULL && lists != NULL) {
        jh__cell_str(&book, lists, 0, 0, "是", NULL);
        jh__cell_str(&book, lists, 1, 0, "否", NULL);
        worksheet_hide(lists);
        for (int c = 0; c < 7; c++)
            jh__cell_str(&book, ws, row, (lxw_col_t)c, heads[c], book.f.header);
        row++;
        memset(&dv, 0, sizeof(dv));
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = (char *)"=lists!$A$1:$A$2";
        for (int i = 0; i < JH_F_COUNT; i++, row++) {
            jh_fact_id id = (jh_fact_id)i;
            jh_part p = fact_part(id);
            jh__cell_str(&book, ws, row, 0,
                         p == JH_PART_RESOURCES
                             ? (lang == JH_LANG_EN ? "Table I" : "表Ⅰ")
                             : part_name(p, lang),
                         book.f.text);
            jh__cell_str(&book, ws, row, 1, jh_fact_key(id), book.f.text);
            jh__cell_str(&book, ws, row, 2,
                         lang == JH_LANG_EN ? jh_fact_en(id) : jh_fact_zh(id),
                         book.f.wrap);
            jh__cell_str(&book, ws, row, 3, "", value_fmt);
            jh__cell_str(&book, ws, row, 4, "", book.f.wrap);
            jh__cell_str(&book, ws, row, 5,
                         fact_limit(std, id, lang, buf, sizeof(buf)),
                         book.f.text);
            jh__cell_str(&book, ws, row, 6, fact_hint(id, lang), book.f.wrap);
            if (jh_fact_kind_of(id) == JH_FK_YESNO)
                jh__book_check(&book,
                               worksheet_data_validation_cell(ws, row, 3, &dv));
        }
        for (int c = 0; c < 7; c++)
            jh__col_width(&book, ws, (lxw_col_t)c, (lxw_col_t)c, widths[c]);
        worksheet_freeze_panes(ws, 1, 3);
        worksheet_activate(ws);
    }
    st = jh__book_close(&book, path, err);
    if (st != JH_OK)
        remove(path);
    return st;
}
