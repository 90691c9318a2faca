/* junheng - a rectification plan as text, JSON and plan.xlsx. */
#include "junheng/report_plan.h"
#include "junheng/result_words.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json_out.h"
#include "plan_sheets.h"
#include "plan_words.h"
#include "sheet.h"
#include "standard_text.h"
#include "util.h"
#include "xlabels.h"

static const char *
unit_of(const jh_plan *p, size_t k, jh_lang lang)
{
    return jh__quantity_unit((int)p->before->standard->indicators[k].quantity,
                             lang);
}

/* "3515 平方米" or, for a combined school's physical addition,
 * "本学段增加 1838.62 平方米，全校增加 3515 平方米（分摊比例 52.3%）". */
static void
print_amount(FILE *out, const jh_plan *p, size_t section, size_t k,
             const jh_plan_amount *am, jh_lang lang)
{
    const jh_section *sec = &p->before->model->sections[section];
    const jh_indicator *ind = &p->before->standard->indicators[k];
    const char *unit = unit_of(p, k, lang);
    char b1[32], b2[32], b3[32];

    if (ind->split && sec->physical_share < 1.0) {
        fprintf(out, "%s %s %s%s%s %s %s (%s %s%%)",
                jh__xlabel(lang, "plan_section_add"),
                jh__plan_fmt_amount(am->section_addition, b1, sizeof(b1)), unit,
                lang == JH_LANG_EN ? ", " : "，",
                jh__xlabel(lang, "plan_whole_add"),
                jh__plan_fmt_amount(am->whole_addition, b2, sizeof(b2)), unit,
                jh__xlabel(lang, "plan_share"),
                jh__fmt_fixed(100.0 * sec->physical_share, 1, b3, sizeof(b3)));
    } else {
        fprintf(out, "%s %s",
                jh__plan_fmt_amount(am->whole_addition, b1, sizeof(b1)), unit);
    }
    /* Equipment at its default 1 yuan per yuan: the amount is the cost. */
    if (isfinite(am->cost) && am->cost > 0 &&
        !(ind->quantity == JH_Q_EQUIPMENT_VALUE &&
          p->costs.per_unit[JH_Q_EQUIPMENT_VALUE] == 1.0))
        fprintf(out, lang == JH_LANG_EN ? ", %s yuan" : "，%s 元",
                jh__plan_fmt_amount(round(am->cost), b1, sizeof(b1)));
}

static void
text_sections(FILE *out, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_standard *std = p->before->standard;
    jh_lang lang = ctx->lang;
    const char *colon = lang == JH_LANG_EN ? ": " : "：";
    char b1[32], b2[32], label[128];

    fprintf(out, "\n%s\n", jh__xlabel(lang, "plan_school_fixes"));
    /* No per-school rule (basic-2012): no threshold, floor or requirement
     * to state per school; say what the standard asks instead. */
    if (std->min_met == 0) {
        fprintf(out, "  %s\n", jh_label(lang, "school_rule_none"));
        return;
    }
    if (p->nsections == 0)
        fprintf(out, "  %s\n", jh__xlabel(lang, "plan_nothing"));
    for (size_t i = 0; i < p->nsections; i++) {
        const jh_plan_section *ps = &p->sections[i];
        const jh_section *sec = &p->before->model->sections[ps->section];
        const jh_school *s = jh__plan_school(p, ps->section);
        fprintf(out, "  %s %s %s (%.0f%s) %s\n",
                jh_level_name(sec->level, lang), s->code, s->name,
                sec->students, lang == JH_LANG_EN ? " pupils" : "名学生",
                jh_label(lang, ps->pass ? "pass" : "fail"));
        for (size_t j = 0; j < ps->nshortfalls; j++) {
            const jh_plan_shortfall *sf = &ps->shortfalls[j];
            const jh_indicator *ind = &std->indicators[sf->indicator];
            fprintf(out, "    %s %s / %s%s%s ", jh_indicator_short(ind, lang),
                    jh__fmt_fixed(sf->value, 2, b1, sizeof(b1)),
                    jh__fmt_fixed(sf->threshold, 2, b2, sizeof(b2)), colon,
                    jh__xlabel(lang, "plan_shortfall"));
            print_amount(out, p, ps->section, sf->indicator, &sf->to_threshold,
                         lang);
            if (!sf->partial) {
                fprintf(out, lang == JH_LANG_EN ? "; %s " : "；%s ",
                        jh__rule_text(std, jh__xlabel(lang, "plan_to_floor"),
                                      label, sizeof(label)));
                print_amount(out, p, ps->section, sf->indicator, &sf->to_floor,
                             lang);
            }
            fputc('\n', out);
        }
        if (ps->rule == JH_RULE_NONE) {
            fprintf(out, "    %s%s%s\n", jh__xlabel(lang, "plan_required"),
                    colon, jh__xlabel(lang, "plan_required_none"));
            continue;
        }
        fprintf(out, "    %s (%s)%s\n", jh__xlabel(lang, "plan_required"),
                jh__plan_rule_label(ps->rule, lang),
                lang == JH_LANG_EN ? ":" : "：");
        for (size_t j = 0; j < ps->nshortfalls; j++) {
            const jh_plan_shortfall *sf = &ps->shortfalls[j];
            const jh_plan_amount *am = sf->required == JH_TARGET_FLOOR
                                           ? &sf->to_floor
                                           : &sf->to_threshold;
            fprintf(out, "      %s %s",
                    jh_indicator_short(&std->indicators[sf->indicator], lang),
                    jh__plan_target_label(std, sf->required, lang, label,
                                          sizeof(label)));
            if (sf->required != JH_TARGET_NONE) {
                fputs(lang == JH_LANG_EN ? ": " : "：", out);
                print_amount(out, p, ps->section, sf->indicator, am, lang);
            }
            fputc('\n', out);
        }
    }
}

static void
text_cv(FILE *out, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_standard *std = p->before->standard;
    jh_lang lang = ctx->lang;
    char b1[32], b2[32], b3[32], b4[32];

    fprintf(out, "\n%s\n", jh__xlabel(lang, "plan_cv_fixes"));
    if (p->ncv_fixes == 0)
        fprintf(out, "  %s\n", jh__xlabel(lang, "plan_nothing"));
    for (size_t i = 0; i < p->ncv_fixes; i++) {
        const jh_plan_cv_fix *fx = &p->cv_fixes[i];
        const jh_indicator *ind = &std->indicators[fx->indicator];
        const char *unit = unit_of(p, fx->indicator, lang);
        if (lang == JH_LANG_EN)
            fprintf(out,
                    "  %s %s: CV %s (%s after the per-school fixes) over "
                    "%s%s; raise the %zu lowest schools to t = %s %s\n",
                    jh_level_name(fx->level, lang),
                    jh_indicator_short(ind, lang),
                    jh__fmt_fixed(fx->cv_original, 3, b1, sizeof(b1)),
                    jh__fmt_fixed(fx->cv_start, 3, b2, sizeof(b2)),
                    jh__fmt_fixed(fx->cv_limit, 2, b3, sizeof(b3)),
                    fx->round > 1 ? " (another round after rounding)" : "",
                    fx->nschools, jh__fmt_fixed(fx->t, 4, b4, sizeof(b4)),
                    ind->unit_en);
        else
            fprintf(out,
                    "  %s %s：差异系数 %s（学校达标整改后 %s）超过 %s%s；"
                    "把最低的 %zu 所学校提升到 t = %s %s\n",
                    jh_level_name(fx->level, lang),
                    jh_indicator_short(ind, lang),
                    jh__fmt_fixed(fx->cv_original, 3, b1, sizeof(b1)),
                    jh__fmt_fixed(fx->cv_start, 3, b2, sizeof(b2)),
                    jh__fmt_fixed(fx->cv_limit, 2, b3, sizeof(b3)),
                    fx->round > 1 ? "（取整后再补一轮）" : "", fx->nschools,
                    jh__fmt_fixed(fx->t, 4, b4, sizeof(b4)), ind->unit_zh);
        for (size_t j = 0; j < fx->nschools; j++) {
            const jh_plan_cv_school *cs = &fx->schools[j];
            const jh_school *s = jh__plan_school(p, cs->section);
            fprintf(out, "    %s %s %s → %s%s", s->code, s->name,
                    jh__fmt_fixed(cs->value_before, 2, b1, sizeof(b1)),
                    jh__fmt_fixed(cs->value_after, 2, b2, sizeof(b2)),
                    lang == JH_LANG_EN ? ": " : "：");
            print_amount(out, p, cs->section, fx->indicator, &cs->amount, lang);
            fputc('\n', out);
        }
        if (fabs(fx->total_whole - fx->total_section) > 1e-9)
            fprintf(out, "    %s%s%s %s %s%s%s %s %s (%s %s)\n",
                    jh__xlabel(lang, "plan_totals"),
                    lang == JH_LANG_EN ? ": " : "：",
                    jh__xlabel(lang, "plan_section_add"),
                    jh__plan_fmt_amount(fx->total_section, b1, sizeof(b1)),
                    unit, lang == JH_LANG_EN ? ", " : "，",
                    jh__xlabel(lang, "plan_whole_add"),
                    jh__plan_fmt_amount(fx->total_whole, b3, sizeof(b3)), unit,
                    jh__xlabel(lang, "plan_exact"),
                    jh__fmt_fixed(fx->total_exact, 2, b2, sizeof(b2)));
        else
            fprintf(out, "    %s %s %s (%s %s)\n",
                    jh__xlabel(lang, "plan_totals"),
                    jh__plan_fmt_amount(fx->total_whole, b1, sizeof(b1)), unit,
                    jh__xlabel(lang, "plan_exact"),
                    jh__fmt_fixed(fx->total_exact, 2, b2, sizeof(b2)));
    }
}

/* "；费用 155250 元" and a note when some addition has no unit cost;
 * nothing when no cost is known at all. */
static void
print_cost(FILE *out, const jh_plan *p, double cost, bool complete,
           jh_lang lang)
{
    char b1[32];

    if (cost > 0 || (complete && p->costs.given))
        fprintf(out, lang == JH_LANG_EN ? "; %s %s yuan%s" : "；%s %s 元%s",
                jh__xlabel(lang, "plan_cost_text"),
                jh__plan_fmt_amount(round(cost), b1, sizeof(b1)),
                complete ? "" : jh__xlabel(lang, "plan_cost_partial"));
    fputc('\n', out);
}

static void
text_budget(FILE *out, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_county *c = p->before->model->county;
    jh_lang lang = ctx->lang;
    const char *sep = lang == JH_LANG_EN ? ", " : "，";
    char b1[32];

    fprintf(out, "\n%s\n", jh__xlabel(lang, "plan_budget"));
    for (size_t i = 0; i < p->nschools; i++) {
        const jh_plan_school *ps = &p->schools[i];
        const jh_school *s = &c->schools[ps->school];
        bool first = true;
        fprintf(out, "  %s %s%s", s->code, s->name,
                lang == JH_LANG_EN ? ": " : "：");
        for (int q = 0; q < JH_Q_COUNT; q++) {
            if (ps->addition[q] <= 0)
                continue;
            fprintf(out, "%s%s %s %s", first ? "" : sep,
                    jh__quantity_name(q, lang),
                    jh__plan_fmt_amount(ps->addition[q], b1, sizeof(b1)),
                    jh__quantity_unit(q, lang));
            /* Teachers of a combined school: say which section. */
            if (jh_quantity_is_sectioned((jh_quantity)q) &&
                jh_school_type_levels(s->type) != 1u &&
                jh_school_type_levels(s->type) != 2u) {
                for (int l = 0; l < JH_LEVEL_COUNT; l++) {
                    if (ps->section_addition[l][q] > 0)
                        fprintf(out, " (%s %s)",
                                jh_level_name((jh_level)l, lang),
                                jh__plan_fmt_amount(ps->section_addition[l][q],
                                                    b1, sizeof(b1)));
                }
            }
            first = false;
        }
        print_cost(out, p, ps->cost, ps->cost_complete, lang);
    }
    fprintf(out, "  %s%s", jh__xlabel(lang, "plan_totals"),
            lang == JH_LANG_EN ? ": " : "：");
    {
        bool first = true;
        for (int q = 0; q < JH_Q_COUNT; q++) {
            if (p->total[q] <= 0)
                continue;
            fprintf(out, "%s%s %s %s", first ? "" : sep,
                    jh__quantity_name(q, lang),
                    jh__plan_fmt_amount(p->total[q], b1, sizeof(b1)),
                    jh__quantity_unit(q, lang));
            first = false;
        }
        if (first)
            fputs(jh__xlabel(lang, "plan_nothing"), out);
    }
    print_cost(out, p, p->total_cost, p->cost_complete, lang);
}

static void
text_projection(FILE *out, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_analysis *a = p->before, *b = p->after;
    const jh_standard *std = a->standard;
    jh_lang lang = ctx->lang;
    char b1[32], b2[32], b3[32], b4[32], b5[32];

    fprintf(out, "\n%s\n", jh__xlabel(lang, "plan_projection"));
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *la = &a->levels[l], *lb = &b->levels[l];
        if (!la->present)
            continue;
        fprintf(out, "  %s: %s %zu/%zu → %zu/%zu\n",
                jh_level_name((jh_level)l, lang), jh_label(lang, "schools_met"),
                la->schools_passing, la->nsections, lb->schools_passing,
                lb->nsections);
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator_stats *ia = &la->ind[k], *ib = &lb->ind[k];
            if (ia->mean == ib->mean && ia->cv == ib->cv)
                continue;
            fprintf(out, "    %-14s %s %s → %s, %s %s → %s (%s %s) %s\n",
                    jh_indicator_short(&std->indicators[k], lang),
                    jh_label(lang, "mean"),
                    jh__fmt_fixed(ia->mean, 2, b1, sizeof(b1)),
                    jh__fmt_fixed(ib->mean, 2, b2, sizeof(b2)),
                    jh_label(lang, "cv"),
                    jh__fmt_fixed(ia->cv, 3, b3, sizeof(b3)),
                    jh__fmt_fixed(ib->cv, 3, b4, sizeof(b4)),
                    jh_label(lang, "cv_limit"),
                    jh__fmt_fixed(ia->cv_limit, 2, b5, sizeof(b5)),
                    jh_label(lang, ib->cv_pass ? "pass" : "fail"));
        }
    }
    fprintf(out, "\n%s: %s\n", jh_label(lang, "overall"),
            jh__xlabel(lang, p->pass ? "plan_pass_after" : "plan_fail_after"));
}

jh_status
jh_report_plan_text(FILE *out, const jh_report_context *ctx, const jh_plan *p)
{
    const jh_standard *std = p->before->standard;
    jh_lang lang = ctx->lang;

    fprintf(out, "%s: %s\n", jh_label(lang, "county"), ctx->county_name);
    fprintf(out, "%s: %s (%s, %s)\n", jh_label(lang, "standard"),
            lang == JH_LANG_EN ? std->name_en : std->name_zh, std->id,
            std->source);
    fprintf(out, "%s\n", jh__xlabel(lang, "plan_title"));
    text_sections(out, ctx, p);
    text_cv(out, ctx, p);
    text_budget(out, ctx, p);
    text_projection(out, ctx, p);
    return ferror(out) ? JH_ERR_IO : JH_OK;
}

/* ---- JSON --------------------------------------------------------------- */

/* Whole numbers as integers, so that "teachers": 1 reads as a count. */
static json_t *
json_amount(const jh_plan_amount *am)
{
    json_t *o = json_object();
    json_object_set_new(o, "shortfall", jh__json_num(am->shortfall));
    json_object_set_new(o, "section_addition",
                        jh__json_count(am->section_addition));
    json_object_set_new(o, "whole_addition",
                        jh__json_count(am->whole_addition));
    json_object_set_new(o, "cost", jh__json_num(am->cost));
    return o;
}

static json_t *
json_quantities(const double *v)
{
    json_t *o = json_object();
    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (v[q] > 0)
            json_object_set_new(o, jh_quantity_key((jh_quantity)q),
                                jh__json_count(v[q]));
    }
    return o;
}

static json_t *
json_sections(const jh_plan *p)
{
    const jh_standard *std = p->before->standard;
    json_t *arr = json_array();

    for (size_t i = 0; i < p->nsections; i++) {
        const jh_plan_section *ps = &p->sections[i];
        const jh_section *sec = &p->before->model->sections[ps->section];
        const jh_school *s = jh__plan_school(p, ps->section);
        json_t *o = json_object(), *sfs = json_array();
        json_object_set_new(o, "code", json_string(s->code));
        json_object_set_new(o, "name", json_string(s->name));
        json_object_set_new(o, "level", json_string(jh_level_key(sec->level)));
        json_object_set_new(o, "students", jh__json_count(sec->students));
        json_object_set_new(o, "physical_share",
                            jh__json_num(sec->physical_share));
        json_object_set_new(o, "pass_before", json_boolean(ps->pass));
        json_object_set_new(o, "rule", json_string(jh_plan_rule_key(ps->rule)));
        json_object_set_new(o, "required_count",
                            json_integer((json_int_t)ps->required_count));
        json_object_set_new(o, "required_cost",
                            jh__json_num(ps->required_cost));
        for (size_t j = 0; j < ps->nshortfalls; j++) {
            const jh_plan_shortfall *sf = &ps->shortfalls[j];
            const jh_indicator *ind = &std->indicators[sf->indicator];
            json_t *f = json_object();
            json_object_set_new(f, "indicator", json_string(ind->id));
            json_object_set_new(f, "quantity",
                                json_string(jh_quantity_key(ind->quantity)));
            json_object_set_new(
                f, "unit",
                json_string(jh__quantity_unit((int)ind->quantity, JH_LANG_EN)));
            json_object_set_new(f, "value", jh__json_num(sf->value));
            json_object_set_new(f, "threshold", jh__json_num(sf->threshold));
            json_object_set_new(
                f, "floor", jh__json_num(std->partial_floor * sf->threshold));
            json_object_set_new(f, "partial", json_boolean(sf->partial));
            json_object_set_new(f, "to_threshold",
                                json_amount(&sf->to_threshold));
            json_object_set_new(f, "to_floor", json_amount(&sf->to_floor));
            json_object_set_new(f, "required",
                                json_string(jh_plan_target_key(sf->required)));
            json_array_append_new(sfs, f);
        }
        json_object_set_new(o, "shortfalls", sfs);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *
json_cv_fixes(const jh_plan *p)
{
    const jh_standard *std = p->before->standard;
    json_t *arr = json_array();

    for (size_t i = 0; i < p->ncv_fixes; i++) {
        const jh_plan_cv_fix *fx = &p->cv_fixes[i];
        const jh_indicator *ind = &std->indicators[fx->indicator];
        json_t *o = json_object(), *schools = json_array();
        json_object_set_new(o, "level", json_string(jh_level_key(fx->level)));
        json_object_set_new(o, "indicator", json_string(ind->id));
        json_object_set_new(o, "quantity",
                            json_string(jh_quantity_key(ind->quantity)));
        json_object_set_new(
            o, "unit",
            json_string(jh__quantity_unit((int)ind->quantity, JH_LANG_EN)));
        json_object_set_new(o, "round", json_integer((json_int_t)fx->round));
        json_object_set_new(o, "cv_original", jh__json_num(fx->cv_original));
        json_object_set_new(o, "cv_start", jh__json_num(fx->cv_start));
        json_object_set_new(o, "cv_limit", jh__json_num(fx->cv_limit));
        json_object_set_new(o, "level_t", jh__json_num(fx->t));
        json_object_set_new(o, "cv_at_t", jh__json_num(fx->cv_at_t));
        json_object_set_new(o, "total_exact", jh__json_num(fx->total_exact));
        json_object_set_new(o, "total_section_addition",
                            jh__json_count(fx->total_section));
        json_object_set_new(o, "total_whole_addition",
                            jh__json_count(fx->total_whole));
        json_object_set_new(o, "cost", jh__json_num(fx->cost));
        for (size_t j = 0; j < fx->nschools; j++) {
            const jh_plan_cv_school *cs = &fx->schools[j];
            const jh_section *sec = &p->before->model->sections[cs->section];
            const jh_school *s = jh__plan_school(p, cs->section);
            json_t *so = json_object();
            json_object_set_new(so, "code", json_string(s->code));
            json_object_set_new(so, "name", json_string(s->name));
            json_object_set_new(so, "students", jh__json_count(sec->students));
            json_object_set_new(so, "physical_share",
                                jh__json_num(sec->physical_share));
            json_object_set_new(so, "value_before",
                                jh__json_num(cs->value_before));
            json_object_set_new(so, "value_after",
                                jh__json_num(cs->value_after));
            json_object_set_new(so, "shortfall",
                                jh__json_num(cs->amount.shortfall));
            json_object_set_new(so, "section_addition",
                                jh__json_count(cs->amount.section_addition));
            json_object_set_new(so, "whole_addition",
                                jh__json_count(cs->amount.whole_addition));
            json_object_set_new(so, "cost", jh__json_num(cs->amount.cost));
            json_array_append_new(schools, so);
        }
        json_object_set_new(o, "schools", schools);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *
json_projection(const jh_plan *p)
{
    const jh_analysis *a = p->before, *b = p->after;
    const jh_model *m = a->model;
    const jh_standard *std = a->standard;
    json_t *o = json_object(), *levels = json_array(), *schools = json_array();

    json_object_set_new(o, "pass_before", json_boolean(a->pass));
    json_object_set_new(o, "pass", json_boolean(b->pass));
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *la = &a->levels[l], *lb = &b->levels[l];
        json_t *lo, *inds;
        if (!la->present)
            continue;
        lo = json_object();
        inds = json_array();
        json_object_set_new(lo, "level",
                            json_string(jh_level_key((jh_level)l)));
        json_object_set_new(lo, "schools_passing_before",
                            json_integer((json_int_t)la->schools_passing));
        json_object_set_new(lo, "schools_passing",
                            json_integer((json_int_t)lb->schools_passing));
        json_object_set_new(lo, "cv_pass_before", json_boolean(la->cv_pass));
        json_object_set_new(lo, "cv_pass", json_boolean(lb->cv_pass));
        json_object_set_new(lo, "pass_before", json_boolean(la->pass));
        json_object_set_new(lo, "pass", json_boolean(lb->pass));
        for (size_t k = 0; k < std->nindicators; k++) {
            const jh_indicator_stats *ia = &la->ind[k], *ib = &lb->ind[k];
            json_t *io = json_object();
            json_object_set_new(io, "id", json_string(std->indicators[k].id));
            json_object_set_new(io, "mean_before", jh__json_num(ia->mean));
            json_object_set_new(io, "mean", jh__json_num(ib->mean));
            json_object_set_new(io, "cv_before",
                                ia->cv_defined ? jh__json_num(ia->cv)
                                               : json_null());
            json_object_set_new(
                io, "cv", ib->cv_defined ? jh__json_num(ib->cv) : json_null());
            json_object_set_new(io, "cv_limit", jh__json_num(ia->cv_limit));
            json_object_set_new(io, "cv_pass_before",
                                json_boolean(ia->cv_pass));
            json_object_set_new(io, "cv_pass", json_boolean(ib->cv_pass));
            json_object_set_new(io, "below_before",
                                json_integer((json_int_t)ia->below));
            json_object_set_new(io, "below",
                                json_integer((json_int_t)ib->below));
            json_array_append_new(inds, io);
        }
        json_object_set_new(lo, "indicators", inds);
        json_array_append_new(levels, lo);
    }
    json_object_set_new(o, "levels", levels);
    for (size_t i = 0; i < m->nsections; i++) {
        const jh_section *sec = &m->sections[i];
        const jh_school *s = &m->county->schools[sec->school];
        json_t *so = json_object(), *vb = json_object(), *va = json_object();
        for (size_t k = 0; k < std->nindicators; k++) {
            json_object_set_new(vb, std->indicators[k].id,
                                jh__json_num(a->results[i].value[k]));
            json_object_set_new(va, std->indicators[k].id,
                                jh__json_num(b->results[i].value[k]));
        }
        json_object_set_new(so, "code", json_string(s->code));
        json_object_set_new(so, "name", json_string(s->name));
        json_object_set_new(so, "level", json_string(jh_level_key(sec->level)));
        json_object_set_new(so, "pass_before",
                            json_boolean(a->results[i].pass));
        json_object_set_new(so, "pass", json_boolean(b->results[i].pass));
        json_object_set_new(so, "values_before", vb);
        json_object_set_new(so, "values", va);
        json_array_append_new(schools, so);
    }
    json_object_set_new(o, "schools", schools);
    return o;
}

jh_status
jh_report_plan_json(FILE *out, const jh_report_context *ctx, const jh_plan *p,
                    jh_error *err)
{
    const jh_model *m = p->before->model;
    json_t *root = json_object(), *costs = json_object(),
           *schools = json_array(), *totals = json_object();
    char tmpl[768], method[768];

    snprintf(tmpl, sizeof(tmpl),
             "per-school fixes first (%s), then for every CV over its limit "
             "the least total addition: the lowest sections raised to a "
             "common level t found by bisection; additions rounded up to "
             "whole persons, rooms, m2 and yuan; physical additions of "
             "combined schools stated for the whole school (section "
             "addition / physical_share); the projection recomputed by the "
             "analysis itself",
             p->before->standard->min_met > 0
                 ? "what the {min_met}-of-{indicators} plus {floor}% rule "
                   "requires"
                 : "none: the standard has no per-school rule");

    json_object_set_new(root, "junheng", json_string(ctx->version));
    json_object_set_new(root, "county", json_string(ctx->county_name));
    json_object_set_new(root, "source", json_string(m->county->source));
    json_object_set_new(root, "standard", json_string(p->before->standard->id));
    json_object_set_new(
        root, "method",
        json_string(jh__rule_text(p->before->standard, tmpl, method,
                                  sizeof(method))));
    for (int q = 0; q < JH_Q_COUNT; q++) {
        if (isfinite(p->costs.per_unit[q]))
            json_object_set_new(costs, jh_quantity_key((jh_quantity)q),
                                jh__json_num(p->costs.per_unit[q]));
    }
    json_object_set_new(root, "costs", costs);
    json_object_set_new(root, "costs_given", json_boolean(p->costs.given));
    json_object_set_new(root, "fix_all", json_boolean(p->fix_all));
    json_object_set_new(root, "sections", json_sections(p));
    json_object_set_new(root, "cv_fixes", json_cv_fixes(p));
    json_object_set_new(root, "rounds", json_integer((json_int_t)p->rounds));
    for (size_t i = 0; i < p->nschools; i++) {
        const jh_plan_school *ps = &p->schools[i];
        const jh_school *s = &m->county->schools[ps->school];
        json_t *so = json_object();
        json_object_set_new(so, "code", json_string(s->code));
        json_object_set_new(so, "name", json_string(s->name));
        json_object_set_new(so, "additions", json_quantities(ps->addition));
        {
            json_t *by = json_object();
            for (int l = 0; l < JH_LEVEL_COUNT; l++) {
                bool any = false;
                for (int q = 0; q < JH_Q_COUNT; q++)
                    any = any || ps->section_addition[l][q] > 0;
                if (any)
                    json_object_set_new(
                        by, jh_level_key((jh_level)l),
                        json_quantities(ps->section_addition[l]));
            }
            json_object_set_new(so, "section_additions", by);
        }
        json_object_set_new(so, "cost", jh__json_num(ps->cost));
        json_object_set_new(so, "cost_complete",
                            json_boolean(ps->cost_complete));
        json_array_append_new(schools, so);
    }
    json_object_set_new(root, "schools", schools);
    json_object_set_new(totals, "additions", json_quantities(p->total));
    json_object_set_new(totals, "cost", jh__json_num(p->total_cost));
    json_object_set_new(totals, "cost_complete",
                        json_boolean(p->cost_complete));
    json_object_set_new(root, "totals", totals);
    json_object_set_new(root, "projection", json_projection(p));
    json_object_set_new(root, "pass", json_boolean(p->pass));

    return jh__json_write(out, root, err);
}

jh_status
jh_report_plan_workbook(const char *path, const jh_report_context *ctx,
                        const jh_plan *p, jh_error *err)
{
    jh__book b;
    char title[256];
    jh_status st;

    snprintf(title, sizeof(title), "%s %s", ctx->county_name,
             jh__xlabel(ctx->lang, "plan_title"));
    st = jh__book_open(&b, path, title, ctx->created, err);
    if (st != JH_OK)
        return st;
    jh__plan_sheets(&b, ctx, p);
    return jh__book_close(&b, path, err);
}
